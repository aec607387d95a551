/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "providers/herald-provider.h"
#include "store/herald-campaign-store.h"
#include "store/herald-message-log.h"

G_BEGIN_DECLS

/* Delivery tracking of one campaign after its messages left: asks the
 * provider how they fared, at a decaying interval (30 s, 1 min, 2 min …
 * capped at an hour), until every row is final (delivered or failed) or
 * a day has passed since its request left, and moves the rows accepted →
 * sent → delivered | failed from the answers.
 *
 * It asks through the landed delivery refresh (herald_delivery_refresh_async,
 * which keeps the message log's rows up to date, one request at a time
 * within the rate limit), then copies the log's states onto the campaign's
 * rows by message id (herald_campaign_store_sync_delivery), so there is one
 * path for delivery states. When nothing is left to track, no timer is set
 * and the provider is never asked. */

#define HERALD_TYPE_CAMPAIGN_TRACKER (herald_campaign_tracker_get_type ())
G_DECLARE_FINAL_TYPE (HeraldCampaignTracker, herald_campaign_tracker, HERALD, CAMPAIGN_TRACKER, GObject)

#define HERALD_CAMPAIGN_TRACK_FIRST_MS  30000u
#define HERALD_CAMPAIGN_TRACK_MAX_MS    3600000u
#define HERALD_CAMPAIGN_TRACK_MAX_AGE   (G_GINT64_CONSTANT (24) * 3600 * G_USEC_PER_SEC)

/* Real time in usec since the epoch: for tests, to pass a day at once. */
typedef gint64 (*HeraldCampaignTrackerClock) (gpointer user_data);

HeraldCampaignTracker *herald_campaign_tracker_new        (HeraldDatabase        *database,
                                                           HeraldMessageLog      *log,
                                                           HeraldProvider        *provider,
                                                           const char            *account_id,
                                                           gint64                 campaign_id);
/* The first wait and the cap (ms); each wait doubles the last. */
void                   herald_campaign_tracker_set_intervals (HeraldCampaignTracker *self,
                                                           guint                  first_ms,
                                                           guint                  max_ms);
void                   herald_campaign_tracker_set_clock  (HeraldCampaignTracker *self,
                                                           HeraldCampaignTrackerClock clock,
                                                           gpointer               user_data);

/* Tracks until nothing is left to ask about (or herald_campaign_tracker_stop);
 * the result is how many rows were left neither delivered nor failed (given
 * up after a day, or still open when stopped). Signal "polled" (guint
 * changed, guint open) after each look at the rows. */
void                   herald_campaign_tracker_run_async  (HeraldCampaignTracker *self,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
guint                  herald_campaign_tracker_run_finish (HeraldCampaignTracker *self,
                                                           GAsyncResult          *result,
                                                           GError               **error);
/* Ends a run at once when it waits, else after the poll in progress. */
void                   herald_campaign_tracker_stop       (HeraldCampaignTracker *self);

/* How many times the provider was asked in this run, and the next wait (ms). */
guint                  herald_campaign_tracker_get_n_polls       (HeraldCampaignTracker *self);
guint                  herald_campaign_tracker_get_next_interval (HeraldCampaignTracker *self);

G_END_DECLS
