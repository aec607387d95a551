/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-list-page.h"

G_BEGIN_DECLS

/* Campaigns: every campaign with its state and counts, newest first, read
 * through the session's campaign runner and read again whenever one
 * changes. "New Campaign" opens the assistant; a row opens the campaign's
 * detail window. Neither window runs anything itself: the session does. */

#define HERALD_TYPE_CAMPAIGNS_PAGE (herald_campaigns_page_get_type ())
G_DECLARE_FINAL_TYPE (HeraldCampaignsPage, herald_campaigns_page, HERALD, CAMPAIGNS_PAGE, HeraldListPage)

GtkWidget *herald_campaigns_page_new          (void);
/* Opens the detail window of campaign @id (transfer none). */
GtkWindow *herald_campaigns_page_open_detail  (HeraldCampaignsPage *self,
                                               gint64               id);

G_END_DECLS
