/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-bridge"

#include "config.h"

#include <string.h>

#include "herald-webhook-events.h"

struct _HeraldWebhookEvents
{
  GObject              parent_instance;

  HeraldWebhookStore  *store;
  HeraldWebhookPoster *poster;   /* nullable */
};

G_DEFINE_FINAL_TYPE (HeraldWebhookEvents, herald_webhook_events, G_TYPE_OBJECT)

static void
herald_webhook_events_dispose (GObject *object)
{
  HeraldWebhookEvents *self = (HeraldWebhookEvents *) object;

  g_clear_object (&self->poster);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (herald_webhook_events_parent_class)->dispose (object);
}

static void
herald_webhook_events_class_init (HeraldWebhookEventsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = herald_webhook_events_dispose;
}

static void
herald_webhook_events_init (HeraldWebhookEvents *self)
{
}

HeraldWebhookEvents *
herald_webhook_events_new (HeraldWebhookStore  *store,
                           HeraldWebhookPoster *poster)
{
  HeraldWebhookEvents *self;

  g_return_val_if_fail (HERALD_IS_WEBHOOK_STORE (store), NULL);
  g_return_val_if_fail (poster == NULL || HERALD_IS_WEBHOOK_POSTER (poster), NULL);

  self = g_object_new (HERALD_TYPE_WEBHOOK_EVENTS, NULL);
  self->store = g_object_ref (store);
  self->poster = poster != NULL ? g_object_ref (poster) : NULL;
  return self;
}

/* ---- payloads ------------------------------------------------------------ */

/* ISO 8601 with milliseconds and the local offset, as the app writes times. */
static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *seconds = NULL;
  g_autofree char *offset = NULL;

  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  seconds = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S");
  offset = g_date_time_format (local, "%:z");
  return g_strdup_printf ("%s.%03d%s", seconds, (int) ((usec % G_USEC_PER_SEC) / 1000), offset);
}

static void
set_time (JsonObject *object,
          const char *member,
          gint64      usec)
{
  g_autofree char *text = usec > 0 ? format_time (usec) : NULL;

  if (text != NULL)
    json_object_set_string_member (object, member, text);
  else
    json_object_set_null_member (object, member);
}

JsonObject *
herald_webhook_payload_received (const char *device_id,
                                 const char *sender,
                                 const char *text,
                                 gint64      received_at)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *when = g_strdup_printf ("%" G_GINT64_FORMAT, received_at);
  JsonObject *payload = json_object_new ();
  const char *parts[] = { device_id != NULL ? device_id : "", sender, when, text };

  g_return_val_if_fail (sender != NULL && text != NULL, payload);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_checksum_update (checksum, (const guchar *) parts[i], (gssize) strlen (parts[i]) + 1);   /* with the NUL */

  json_object_set_string_member (payload, "messageId", g_checksum_get_string (checksum));
  json_object_set_string_member (payload, "message", text);
  json_object_set_string_member (payload, "phoneNumber", sender);
  json_object_set_null_member (payload, "simNumber");
  set_time (payload, "receivedAt", received_at);
  return payload;
}

const char *
herald_webhook_payload_for_outbox (const HeraldOutboxEntry  *entry,
                                   JsonObject              **payload)
{
  const char *event;
  JsonObject *object;

  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (payload != NULL, NULL);

  *payload = NULL;
  switch (entry->state)
    {
    case HERALD_OUTBOX_SENT:
      event = HERALD_WEBHOOK_EVENT_SMS_SENT;
      break;
    case HERALD_OUTBOX_DELIVERED:
      event = HERALD_WEBHOOK_EVENT_SMS_DELIVERED;
      break;
    case HERALD_OUTBOX_FAILED:
      event = HERALD_WEBHOOK_EVENT_SMS_FAILED;
      break;
    case HERALD_OUTBOX_QUEUED:
    case HERALD_OUTBOX_SENDING:
    case HERALD_OUTBOX_CANCELLED:
    case HERALD_OUTBOX_UNKNOWN:
    default:
      return NULL;
    }

  object = json_object_new ();
  json_object_set_string_member (object, "messageId", entry->message_id);
  json_object_set_string_member (object, "phoneNumber", entry->recipient);
  json_object_set_null_member (object, "simNumber");
  if (entry->state == HERALD_OUTBOX_SENT)
    set_time (object, "sentAt", entry->sent_at > 0 ? entry->sent_at : entry->updated_at);
  else if (entry->state == HERALD_OUTBOX_DELIVERED)
    set_time (object, "deliveredAt", entry->done_at > 0 ? entry->done_at : entry->updated_at);
  else
    {
      set_time (object, "failedAt", entry->done_at > 0 ? entry->done_at : entry->updated_at);
      json_object_set_string_member (object, "reason", entry->error != NULL ? entry->error : "");
    }
  *payload = object;
  return event;
}

/* ---- queueing ------------------------------------------------------------ */

static void
queued_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldWebhookEvents *self = g_task_get_source_object (task);
  GError *error = NULL;
  guint count = herald_webhook_store_queue_finish (HERALD_WEBHOOK_STORE (source), result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (count > 0 && self->poster != NULL)
    herald_webhook_poster_wake (self->poster);
  g_task_return_int (task, count);
}

void
herald_webhook_events_queue_async (HeraldWebhookEvents *self,
                                   const char          *event,
                                   const char          *device_id,
                                   JsonObject          *payload,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (HERALD_IS_WEBHOOK_EVENTS (self));
  g_return_if_fail (herald_webhook_event_is_valid (event));
  g_return_if_fail (payload != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_webhook_events_queue_async);
  node = json_node_init_object (json_node_alloc (), payload);
  text = json_to_string (node, FALSE);
  herald_webhook_store_queue_async (self->store, event, device_id, text, cancellable, queued_cb,
                                    g_steal_pointer (&task));
}

guint
herald_webhook_events_queue_finish (HeraldWebhookEvents  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  gssize count;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  count = g_task_propagate_int (G_TASK (result), error);
  return count > 0 ? (guint) count : 0;
}

static void
watched_queued_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autofree char *event = user_data;
  g_autoptr(GError) error = NULL;

  herald_webhook_events_queue_finish (HERALD_WEBHOOK_EVENTS (source), result, &error);
  if (error != NULL)
    g_warning ("The %s webhooks could not be queued: %s", event, error->message);
}

/* ---- watching ------------------------------------------------------------ */

static void
message_updated_cb (HeraldModemDispatcher *dispatcher,
                    HeraldOutboxEntry     *entry,
                    gpointer               user_data)
{
  HeraldWebhookEvents *self = user_data;
  g_autoptr(JsonObject) payload = NULL;
  const char *event = herald_webhook_payload_for_outbox (entry, &payload);

  if (event == NULL)
    return;
  herald_webhook_events_queue_async (self, event, entry->modem_id, payload, NULL, watched_queued_cb,
                                     g_strdup (event));
}

static void
message_stored_cb (HeraldModemReceiver *receiver,
                   const char          *device_id,
                   const char          *sender,
                   const char          *text,
                   gint64               received_at,
                   gpointer             user_data)
{
  HeraldWebhookEvents *self = user_data;
  g_autoptr(JsonObject) payload = herald_webhook_payload_received (device_id, sender, text, received_at);

  herald_webhook_events_queue_async (self, HERALD_WEBHOOK_EVENT_SMS_RECEIVED, device_id, payload, NULL,
                                     watched_queued_cb, g_strdup (HERALD_WEBHOOK_EVENT_SMS_RECEIVED));
}

void
herald_webhook_events_watch_dispatcher (HeraldWebhookEvents   *self,
                                        HeraldModemDispatcher *dispatcher)
{
  g_return_if_fail (HERALD_IS_WEBHOOK_EVENTS (self));
  g_return_if_fail (HERALD_IS_MODEM_DISPATCHER (dispatcher));

  g_signal_connect_object (dispatcher, "message-updated", G_CALLBACK (message_updated_cb), self, 0);
}

void
herald_webhook_events_watch_receiver (HeraldWebhookEvents *self,
                                      HeraldModemReceiver *receiver)
{
  g_return_if_fail (HERALD_IS_WEBHOOK_EVENTS (self));
  g_return_if_fail (HERALD_IS_MODEM_RECEIVER (receiver));

  g_signal_connect_object (receiver, "message-stored", G_CALLBACK (message_stored_cb), self, 0);
}
