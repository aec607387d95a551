/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* One campaign: its live progress while the session's engine runs it (bar,
 * sent / failed / unknown / remaining, rate, time left), Start, Pause,
 * Resume and Cancel, and its report (counts per state, delivery rate,
 * failed numbers with reasons, CSV export). The window only watches:
 * closing it never stops the campaign. */

#define HERALD_TYPE_CAMPAIGN_DETAIL (herald_campaign_detail_get_type ())
G_DECLARE_FINAL_TYPE (HeraldCampaignDetail, herald_campaign_detail, HERALD, CAMPAIGN_DETAIL, AdwWindow)

GtkWidget  *herald_campaign_detail_new         (HeraldSession        *session,
                                                gint64                id);
gint64      herald_campaign_detail_get_id      (HeraldCampaignDetail *self);
/* The campaign's state as last read or told by its engine. */
HeraldCampaignState herald_campaign_detail_get_state (HeraldCampaignDetail *self);
/* Whether the report shown is complete (read after the last change). */
gboolean    herald_campaign_detail_get_loaded  (HeraldCampaignDetail *self);
/* Writes the report as CSV (phone, state, error, message id, attempts) to
 * @file, as "Export CSV…" does once a file is chosen. */
void        herald_campaign_detail_export_async  (HeraldCampaignDetail *self,
                                                  GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean    herald_campaign_detail_export_finish (HeraldCampaignDetail *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* A campaign's state for people ("Running"). */
const char *herald_campaign_state_label        (HeraldCampaignState   state);
/* "50 recipients: 12 sent, …" */
char       *herald_campaign_counts_line        (const guint          *counts);

G_END_DECLS
