/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "providers/herald-provider.h"
#include "store/herald-campaign-store.h"
#include "store/herald-message-log.h"

G_BEGIN_DECLS

/* Runs one saved campaign to its end through the send path (each request
 * through herald_logged_send_async (), so the message log records it too,
 * paced by the account's rate limiter inside the HTTP client), with one
 * promise above all: no recipient gets the message twice, whatever happens
 * to the process, the network or the provider, and each row says
 * truthfully what became of its recipient.
 *
 * How:
 *  - A lease in the campaign's row (pid, host, expiry) makes sure that one
 *    process runs it; a lease is taken over only when its holder is gone
 *    (same host, no such process) or it has expired (another host).
 *  - Recipients with the same rendered text go together, as many as the
 *    dialect takes in one request (the dialect table's max_recipients);
 *    one request at a time.
 *  - A request first waits for its turn in the account's rate limiter
 *    (herald_rate_limiter_reserve_async) with its rows still pending; once
 *    the slot is there, one transaction inserts its row (a unique tag, sent
 *    as FlashSMS's campaignName) and moves its recipients to submitting,
 *    and the request leaves at once on the reserved slot. So a kill while
 *    waiting leaves nothing in doubt: only rows whose request may really
 *    have gone out are ever reconciled or unknown. After it: one
 *    transaction writes the outcome.
 *  - A request that failed before it could reach the provider, or that the
 *    provider refused for a passing reason (network, 429, 503, no device)
 *    puts its rows back to pending and is tried again after a backoff; a
 *    few in a row pause the campaign with the reason. 402 pauses it saying
 *    how many credits are needed, 401 and 403 with the reason; its rows go
 *    back to pending, since they were never taken. A refusal of the request
 *    itself (400) fails its rows with the provider's words.
 *  - A request that may have gone out (timeout, reset, 5xx, an answer that
 *    was lost, the process killed meanwhile) is never sent again blindly:
 *    where the provider keeps a history (HeraldHistorySource) its tag is
 *    looked up once the request is older than the settle time (the
 *    provider may still be working on it): found, its rows are accepted;
 *    not found, they go back to pending. Without a history they become
 *    unknown, and are sent again only by herald_campaign_store_retry_unknown
 *    (a person asking).
 *
 * Pausing (herald_campaign_engine_pause) and cancelling wait for the
 * request in flight, record its outcome and stop. Progress: the properties
 * below, notified after every request, and the "progress" signal. */

#define HERALD_CAMPAIGN_ERROR (herald_campaign_error_quark ())

typedef enum
{
  HERALD_CAMPAIGN_ERROR_BUSY,          /* another live process holds the campaign */
  HERALD_CAMPAIGN_ERROR_NOT_RUNNABLE,  /* finished or cancelled */
  HERALD_CAMPAIGN_ERROR_WRONG_ACCOUNT, /* the provider is not the campaign's account */
} HeraldCampaignError;

GQuark herald_campaign_error_quark (void);

#define HERALD_TYPE_CAMPAIGN_ENGINE (herald_campaign_engine_get_type ())
G_DECLARE_FINAL_TYPE (HeraldCampaignEngine, herald_campaign_engine, HERALD, CAMPAIGN_ENGINE, GObject)

/* Properties (read-only unless said):
 *   campaign-id    gint64, construct
 *   state          HeraldCampaignState as int
 *   pause-reason   string, nullable
 *   credits-needed gint64, -1 unknown (a 402 pause)
 *   total          guint, recipients
 *   sent           guint, accepted, sent or delivered
 *   failed         guint
 *   unknown        guint
 *   skipped        guint
 *   remaining      guint, pending or submitting
 *   rate           double, recipients answered a minute in this run
 *   eta            gint64, seconds to the end at that rate, -1 unknown
 *   waiting-until  gint64, unix time the sending window opens, 0: not waiting
 *   settle-seconds guint, read-write (default 120)
 * Signal "progress" (no arguments) after every request's outcome. */

HeraldCampaignEngine *herald_campaign_engine_new           (HeraldDatabase       *database,
                                                            HeraldMessageLog     *log,
                                                            HeraldProvider       *provider,
                                                            const char           *account_id,
                                                            gint64                campaign_id);

void                  herald_campaign_engine_set_settle_seconds (HeraldCampaignEngine *self,
                                                            guint                 seconds);

/* Another account to send through (before running): requests are spread
 * over the accounts in proportion to their rate limits, and a request one
 * of them refuses for an account-side reason (402, 403, 503 no device)
 * goes to the others, that account resting for the rest of the run. A
 * request of another account whose fate is open is marked unknown, never
 * looked up in the campaign's own account's history. Delivery tracking
 * follows the campaign's own account only. */
void                  herald_campaign_engine_add_account   (HeraldCampaignEngine *self,
                                                            HeraldProvider       *provider,
                                                            const char           *account_id);

/* Runs until the campaign is finished, paused or cancelled; the result is
 * that state. On an error, the state the campaign is known to be in. Fails with HERALD_CAMPAIGN_ERROR_BUSY when another process
 * holds it, NOT_RUNNABLE when it is over, or a store error. */
void                  herald_campaign_engine_run_async     (HeraldCampaignEngine *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
HeraldCampaignState   herald_campaign_engine_run_finish    (HeraldCampaignEngine *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

/* Stop after the request in flight; the campaign is then paused (resumable)
 * or cancelled (its pending rows stay pending, never sent). */
void                  herald_campaign_engine_pause         (HeraldCampaignEngine *self,
                                                            const char           *reason);
void                  herald_campaign_engine_cancel        (HeraldCampaignEngine *self);

HeraldCampaignState   herald_campaign_engine_get_state     (HeraldCampaignEngine *self);
const char           *herald_campaign_engine_get_pause_reason (HeraldCampaignEngine *self);
gint64                herald_campaign_engine_get_credits_needed (HeraldCampaignEngine *self);
guint                 herald_campaign_engine_get_count     (HeraldCampaignEngine *self,
                                                            HeraldRecipientState  state);
guint                 herald_campaign_engine_get_total     (HeraldCampaignEngine *self);
guint                 herald_campaign_engine_get_sent      (HeraldCampaignEngine *self);
guint                 herald_campaign_engine_get_remaining (HeraldCampaignEngine *self);
double                herald_campaign_engine_get_rate      (HeraldCampaignEngine *self);
gint64                herald_campaign_engine_get_eta       (HeraldCampaignEngine *self);
gint64                herald_campaign_engine_get_waiting_until (HeraldCampaignEngine *self);

/* Whether the process that holds a lease is gone (a helper for run-due and
 * for tests): same host and no such process, or the expiry has passed. */
gboolean              herald_campaign_lease_holder_gone    (gint64                pid,
                                                            const char           *host,
                                                            gint64                expires);

G_END_DECLS
