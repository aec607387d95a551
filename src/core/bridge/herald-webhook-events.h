/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bridge/herald-webhook-poster.h"
#include "modem/herald-modem-dispatcher.h"
#include "modem/herald-modem-receiver.h"
#include "store/herald-outbox.h"
#include "store/herald-webhook-store.h"

G_BEGIN_DECLS

/* Turns what the bridge's modems do into webhook events, queued for every
 * webhook registered for them (store/herald-webhook-store.h) and handed to
 * the poster: an outbox message that the dispatcher reports sent, delivered
 * or failed becomes sms:sent, sms:delivered or sms:failed; an SMS that the
 * receiver stored becomes sms:received. The payloads carry the fields of the
 * SMS Gateway for Android app's documentation: messageId, phoneNumber and
 * sentAt / deliveredAt / failedAt (with reason) / receivedAt (with message
 * and simNumber, null: a modem has one SIM), times in ISO 8601 with the
 * local offset. Owned by the bridge's server; it keeps no reference to the
 * dispatcher or receiver it watches. */

#define HERALD_TYPE_WEBHOOK_EVENTS (herald_webhook_events_get_type ())

G_DECLARE_FINAL_TYPE (HeraldWebhookEvents, herald_webhook_events, HERALD, WEBHOOK_EVENTS, GObject)

/* @poster (nullable) is woken after each event queued. */
HeraldWebhookEvents *herald_webhook_events_new               (HeraldWebhookStore    *store,
                                                              HeraldWebhookPoster   *poster);
void                 herald_webhook_events_watch_dispatcher  (HeraldWebhookEvents   *self,
                                                              HeraldModemDispatcher *dispatcher);
void                 herald_webhook_events_watch_receiver    (HeraldWebhookEvents   *self,
                                                              HeraldModemReceiver   *receiver);

/* Queues @event with @payload (a JSON object) about @device_id (nullable)
 * for every webhook of @event, and wakes the poster: how many posts were
 * queued. The watchers use it; so does the server for a re-post of the
 * inbox (exportInbox). */
void                 herald_webhook_events_queue_async       (HeraldWebhookEvents   *self,
                                                              const char            *event,
                                                              const char            *device_id,
                                                              JsonObject            *payload,
                                                              GCancellable          *cancellable,
                                                              GAsyncReadyCallback    callback,
                                                              gpointer               user_data);
guint                herald_webhook_events_queue_finish      (HeraldWebhookEvents   *self,
                                                              GAsyncResult          *result,
                                                              GError               **error);

/* The payload of sms:received for an SMS from @sender to the modem
 * @device_id at @received_at (UTC µs). Its messageId is made from those
 * facts (the same SMS gives the same id), as the app makes its own. */
JsonObject          *herald_webhook_payload_received         (const char            *device_id,
                                                              const char            *sender,
                                                              const char            *text,
                                                              gint64                 received_at);
/* The event an outbox row in its state stands for (sent, delivered, failed),
 * with its payload in @payload; NULL for the other states. */
const char          *herald_webhook_payload_for_outbox       (const HeraldOutboxEntry *entry,
                                                              JsonObject           **payload);

G_END_DECLS
