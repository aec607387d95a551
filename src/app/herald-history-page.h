/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-list-page.h"

G_BEGIN_DECLS

/* History: for a FlashSMS account its own history (status and date
 * filters; a message opens its delivery report) and its credit
 * transactions (type filter); for a FlixySMS account, which keeps no
 * history, Herald's local record of what it sent, with a status refresh. */

#define HERALD_TYPE_HISTORY_PAGE (herald_history_page_get_type ())
G_DECLARE_FINAL_TYPE (HeraldHistoryPage, herald_history_page, HERALD, HISTORY_PAGE, HeraldListPage)

GtkWidget       *herald_history_page_new         (void);
void             herald_history_page_set_session (HeraldHistoryPage *self,
                                                  HeraldSession     *session);
/* The list shown, for tests. */
HeraldPagedList *herald_history_page_get_list    (HeraldHistoryPage *self);

G_END_DECLS
