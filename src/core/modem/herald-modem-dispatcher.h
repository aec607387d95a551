/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-modem-manager.h"
#include "store/herald-outbox.h"

G_BEGIN_DECLS

/* The one dispatcher that drains the outbox across the usable modems: each
 * modem takes the oldest message it may (its own or anyone's), one at a
 * time, paced (a minimum interval between sends and an optional daily cap,
 * per modem), while work is queued. Every step is written to the outbox
 * before the next modem call — the SMS object's path before Send() — so a
 * restart resumes without sending anything twice:
 *   - a modem that vanishes gives its message back to the queue (not
 *     counted as an attempt);
 *   - a modem-side failure gives it back too, kept away from that modem for
 *     the retry delay, so another modem takes it at once; after
 *     max-attempts it fails for good with the modem's reason;
 *   - a polkit refusal or a stopped ModemManager fails no message: the
 *     modem takes no work for the retry delay and says why;
 *   - delivery reports (status reports) are matched on the modem and the
 *     last part's reference: delivered, or failed with the network's status.
 * After start(), messages left in "sending" by a previous run are settled
 * first: sent (the modem says so), queued again (never sent, or no SMS
 * object yet), or unknown (the modem cannot say: never re-sent silently).
 *
 * Signal message-updated (HeraldOutboxEntry *entry): a message changed
 * state (taken, sent, delivered, failed, queued again, unknown). */

#define HERALD_TYPE_MODEM_DISPATCHER (herald_modem_dispatcher_get_type ())

G_DECLARE_FINAL_TYPE (HeraldModemDispatcher, herald_modem_dispatcher, HERALD, MODEM_DISPATCHER, GObject)

HeraldModemDispatcher *herald_modem_dispatcher_new          (HeraldModemManager    *manager,
                                                             HeraldOutbox          *outbox);
/* Per modem: at least @min_interval_ms between the starts of two sends,
 * at most @daily_cap sends a (local) day, 0 for no cap. */
void                   herald_modem_dispatcher_set_pacing   (HeraldModemDispatcher *self,
                                                             guint                  min_interval_ms,
                                                             guint                  daily_cap);
/* Attempts before a message fails for good (default 3), and how long a
 * modem keeps away from a message it failed, or takes no work after a
 * polkit refusal (default 30 s). */
void                   herald_modem_dispatcher_set_retries  (HeraldModemDispatcher *self,
                                                             guint                  max_attempts,
                                                             guint                  retry_delay_ms);
void                   herald_modem_dispatcher_start        (HeraldModemDispatcher *self);
/* Whether start() settles what a previous run left in "sending" (default
 * TRUE). Only the long-lived host (the bridge, the app) should: a
 * short-lived sender (heraldctl send) would take another live process's
 * sends for a crash's. */
void                   herald_modem_dispatcher_set_recover  (HeraldModemDispatcher *self,
                                                             gboolean               recover);
/* Something was queued: look for work now. */
void                   herald_modem_dispatcher_wake         (HeraldModemDispatcher *self);
/* Queues a message and wakes the dispatcher; completes with the entry as
 * queued (herald_outbox_finish_entry() on the outbox's result is not
 * needed: use herald_modem_dispatcher_queue_finish()). */
void                   herald_modem_dispatcher_queue_async  (HeraldModemDispatcher     *self,
                                                             const HeraldOutboxRequest *request,
                                                             GCancellable              *cancellable,
                                                             GAsyncReadyCallback        callback,
                                                             gpointer                   user_data);
HeraldOutboxEntry     *herald_modem_dispatcher_queue_finish (HeraldModemDispatcher     *self,
                                                             GAsyncResult              *result,
                                                             GError                   **error);
/* Why the modem with @device_id takes no work now ("no signal", "daily cap
 * reached", the polkit refusal…), or NULL when it does (or is unknown). */
const char            *herald_modem_dispatcher_get_modem_status (HeraldModemDispatcher *self,
                                                                 const char            *device_id);
/* TRUE once the messages a previous run left in flight are settled. */
gboolean               herald_modem_dispatcher_get_recovered (HeraldModemDispatcher *self);

G_END_DECLS
