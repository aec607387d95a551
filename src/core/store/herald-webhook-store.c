/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-webhook-store.h"
#include "herald-database-private.h"
#include "herald-store-job-private.h"

struct _HeraldWebhookStore
{
  GObject         parent_instance;

  HeraldDatabase *database;
};

G_DEFINE_FINAL_TYPE (HeraldWebhookStore, herald_webhook_store, G_TYPE_OBJECT)

static const char * const events[] = {
  HERALD_WEBHOOK_EVENT_SMS_RECEIVED,
  HERALD_WEBHOOK_EVENT_SMS_SENT,
  HERALD_WEBHOOK_EVENT_SMS_DELIVERED,
  HERALD_WEBHOOK_EVENT_SMS_FAILED,
};

static const char * const delivery_states[] = {
  [HERALD_WEBHOOK_DELIVERY_QUEUED] = "queued",
  [HERALD_WEBHOOK_DELIVERY_DELIVERED] = "delivered",
  [HERALD_WEBHOOK_DELIVERY_FAILED] = "failed",
};

gboolean
herald_webhook_event_is_valid (const char *event)
{
  if (event == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    if (g_str_equal (event, events[i]))
      return TRUE;
  return FALSE;
}

const char *
herald_webhook_delivery_state_to_string (HeraldWebhookDeliveryState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (delivery_states), NULL);

  return delivery_states[state];
}

static HeraldWebhookDeliveryState
delivery_state_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (delivery_states); i++)
    if (g_strcmp0 (text, delivery_states[i]) == 0)
      return (HeraldWebhookDeliveryState) i;
  return HERALD_WEBHOOK_DELIVERY_FAILED;
}

/* ---- values -------------------------------------------------------------- */

HeraldWebhook *
herald_webhook_copy (const HeraldWebhook *webhook)
{
  HeraldWebhook *copy = g_new0 (HeraldWebhook, 1);

  copy->id = g_strdup (webhook->id);
  copy->url = g_strdup (webhook->url);
  copy->event = g_strdup (webhook->event);
  copy->device_id = g_strdup (webhook->device_id);
  copy->created_at = webhook->created_at;
  return copy;
}

void
herald_webhook_free (HeraldWebhook *webhook)
{
  if (webhook == NULL)
    return;
  g_free (webhook->id);
  g_free (webhook->url);
  g_free (webhook->event);
  g_free (webhook->device_id);
  g_free (webhook);
}

G_DEFINE_BOXED_TYPE (HeraldWebhook, herald_webhook, herald_webhook_copy, herald_webhook_free)

HeraldWebhookDelivery *
herald_webhook_delivery_copy (const HeraldWebhookDelivery *delivery)
{
  HeraldWebhookDelivery *copy = g_memdup2 (delivery, sizeof *delivery);

  copy->delivery_id = g_strdup (delivery->delivery_id);
  copy->webhook_id = g_strdup (delivery->webhook_id);
  copy->url = g_strdup (delivery->url);
  copy->event = g_strdup (delivery->event);
  copy->device_id = g_strdup (delivery->device_id);
  copy->payload = g_strdup (delivery->payload);
  copy->error = g_strdup (delivery->error);
  return copy;
}

void
herald_webhook_delivery_free (HeraldWebhookDelivery *delivery)
{
  if (delivery == NULL)
    return;
  g_free (delivery->delivery_id);
  g_free (delivery->webhook_id);
  g_free (delivery->url);
  g_free (delivery->event);
  g_free (delivery->device_id);
  g_free (delivery->payload);
  g_free (delivery->error);
  g_free (delivery);
}

G_DEFINE_BOXED_TYPE (HeraldWebhookDelivery, herald_webhook_delivery, herald_webhook_delivery_copy,
                     herald_webhook_delivery_free)

/* ---- the object ---------------------------------------------------------- */

static void
herald_webhook_store_dispose (GObject *object)
{
  HeraldWebhookStore *self = (HeraldWebhookStore *) object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (herald_webhook_store_parent_class)->dispose (object);
}

static void
herald_webhook_store_class_init (HeraldWebhookStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = herald_webhook_store_dispose;
}

static void
herald_webhook_store_init (HeraldWebhookStore *self)
{
}

HeraldWebhookStore *
herald_webhook_store_new (HeraldDatabase *database)
{
  HeraldWebhookStore *self;

  g_return_val_if_fail (HERALD_IS_DATABASE (database), NULL);

  self = g_object_new (HERALD_TYPE_WEBHOOK_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

typedef struct
{
  char                      *id;
  char                      *url;
  char                      *event;
  char                      *device_id;
  char                      *payload;
  HeraldWebhookDeliveryState state;
  gint64                     next_attempt_at;
  guint                      status;
  char                      *error;
  gboolean                   queued_only;
  guint                      limit;
  guint                      count;
  GPtrArray                 *items;
  HeraldWebhook             *webhook;
  HeraldWebhookDelivery     *delivery;
} WebhookJob;

static void
webhook_job_free (gpointer data)
{
  WebhookJob *job = data;

  g_free (job->id);
  g_free (job->url);
  g_free (job->event);
  g_free (job->device_id);
  g_free (job->payload);
  g_free (job->error);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_clear_pointer (&job->webhook, herald_webhook_free);
  g_clear_pointer (&job->delivery, herald_webhook_delivery_free);
  g_free (job);
}

/* ---- webhooks ------------------------------------------------------------ */

#define WEBHOOK_COLUMNS "id, url, event, device_id, created_at"

static gpointer
webhook_from_row (sqlite3_stmt *stmt)
{
  HeraldWebhook *webhook = g_new0 (HeraldWebhook, 1);

  webhook->id = herald_database_dup_column_text (stmt, 0);
  webhook->url = herald_database_dup_column_text (stmt, 1);
  webhook->event = herald_database_dup_column_text (stmt, 2);
  webhook->device_id = herald_database_dup_column_text (stmt, 3);
  webhook->created_at = herald_database_column_int64 (stmt, 4);
  return webhook;
}

static gboolean
check_url (const char  *url,
           GError     **error)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (uri == NULL || scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      host == NULL || *host == '\0')
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                   _("“%s” is not a webhook URL: give an http:// or https:// address with a host, "
                     "such as https://example.com/sms-events."),
                   url != NULL && g_utf8_validate (url, -1, NULL) ? url : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_event (const char  *event,
             GError     **error)
{
  if (herald_webhook_event_is_valid (event))
    return TRUE;

  g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
               _("“%s” is not a webhook event: use sms:received, sms:sent, sms:delivered or sms:failed."),
               event != NULL && g_utf8_validate (event, -1, NULL) ? event : "");
  return FALSE;
}

static gboolean
add_func (HeraldDatabase  *database,
          gpointer         user_data,
          GCancellable    *cancellable,
          GError         **error)
{
  WebhookJob *job = user_data;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) select = NULL;

  if (!herald_database_begin (database, error))
    return FALSE;
  insert = herald_database_prepare (database,
                                    "INSERT INTO webhooks (id, url, event, device_id, created_at) "
                                    "VALUES (:id, :url, :event, :device, :now) "
                                    "ON CONFLICT (id) DO UPDATE SET url = excluded.url, event = excluded.event, "
                                    "device_id = excluded.device_id",
                                    error);
  if (insert == NULL ||
      !herald_database_bind_text (insert, ":id", job->id, error) ||
      !herald_database_bind_text (insert, ":url", job->url, error) ||
      !herald_database_bind_text (insert, ":event", job->event, error) ||
      !herald_database_bind_text (insert, ":device", job->device_id, error) ||
      !herald_database_bind_int64 (insert, ":now", herald_store_now (), error) ||
      herald_database_step (database, insert, error) != SQLITE_DONE)
    return FALSE;

  select = herald_database_prepare (database, "SELECT " WEBHOOK_COLUMNS " FROM webhooks WHERE id = :id", error);
  if (select == NULL || !herald_database_bind_text (select, ":id", job->id, error) ||
      !herald_database_step_one (database, select, NULL, error))
    return FALSE;
  job->webhook = webhook_from_row (select);

  return herald_database_commit (database, error);
}

void
herald_webhook_store_add_async (HeraldWebhookStore  *self,
                                const char          *id,
                                const char          *url,
                                const char          *event,
                                const char          *device_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  WebhookJob *job;

  g_return_if_fail (HERALD_IS_WEBHOOK_STORE (self));

  if (!check_url (url, &error) || !check_event (event, &error))
    {
      g_task_report_error (self, callback, user_data, herald_webhook_store_add_async, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (WebhookJob, 1);
  job->id = id != NULL && *id != '\0' ? g_strdup (id) : g_uuid_string_random ();
  job->url = g_strdup (url);
  job->event = g_strdup (event);
  job->device_id = device_id != NULL && *device_id != '\0' ? g_strdup (device_id) : NULL;
  herald_store_job_run (self->database, self, herald_webhook_store_add_async, add_func, job, webhook_job_free,
                        NULL, cancellable, callback, user_data);
}

HeraldWebhook *
herald_webhook_store_add_finish (HeraldWebhookStore  *self,
                                 GAsyncResult        *result,
                                 GError             **error)
{
  WebhookJob *job;

  if (g_async_result_is_tagged (result, herald_webhook_store_add_async) &&
      g_task_had_error (G_TASK (result)) && g_task_get_task_data (G_TASK (result)) == NULL)
    return g_task_propagate_pointer (G_TASK (result), error);

  job = herald_store_job_finish (self, result, herald_webhook_store_add_async, error);
  return job != NULL ? g_steal_pointer (&job->webhook) : NULL;
}

static gboolean
list_func (HeraldDatabase  *database,
           gpointer         user_data,
           GCancellable    *cancellable,
           GError         **error)
{
  WebhookJob *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database,
                                                          "SELECT " WEBHOOK_COLUMNS " FROM webhooks "
                                                          "ORDER BY created_at, id", error);

  job->items = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_webhook_free);
  return stmt != NULL && herald_database_read_rows (database, stmt, webhook_from_row, job->items, error);
}

void
herald_webhook_store_list_async (HeraldWebhookStore  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_WEBHOOK_STORE (self));

  herald_store_job_run (self->database, self, herald_webhook_store_list_async, list_func, g_new0 (WebhookJob, 1),
                        webhook_job_free, NULL, cancellable, callback, user_data);
}

GPtrArray *
herald_webhook_store_list_finish (HeraldWebhookStore  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  WebhookJob *job = herald_store_job_finish (self, result, herald_webhook_store_list_async, error);

  return job != NULL ? g_steal_pointer (&job->items) : NULL;
}

static gboolean
remove_func (HeraldDatabase  *database,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  WebhookJob *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database, "DELETE FROM webhooks WHERE id = ?", error);

  if (stmt == NULL || herald_database_step_text (database, stmt, job->id, error) != SQLITE_DONE)
    return FALSE;
  if (herald_database_changes (database) == 0)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND,
                   _("There is no webhook “%s”: list the webhooks to see their ids."),
                   g_utf8_validate (job->id, -1, NULL) ? job->id : "");
      return FALSE;
    }
  return TRUE;
}

void
herald_webhook_store_remove_async (HeraldWebhookStore  *self,
                                   const char          *id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  WebhookJob *job;

  g_return_if_fail (HERALD_IS_WEBHOOK_STORE (self));
  g_return_if_fail (id != NULL);

  job = g_new0 (WebhookJob, 1);
  job->id = g_strdup (id);
  herald_store_job_run (self->database, self, herald_webhook_store_remove_async, remove_func, job,
                        webhook_job_free, NULL, cancellable, callback, user_data);
}

gboolean
herald_webhook_store_remove_finish (HeraldWebhookStore  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  return herald_store_job_finish (self, result, herald_webhook_store_remove_async, error) != NULL;
}

/* ---- deliveries ---------------------------------------------------------- */

#define DELIVERY_COLUMNS \
  "d.id, d.delivery_id, d.webhook_id, w.url, d.event, d.device_id, d.payload, d.state, d.attempts, " \
  "d.next_attempt_at, d.last_status, d.error, d.created_at, d.updated_at"
#define DELIVERY_FROM "FROM webhook_deliveries AS d JOIN webhooks AS w ON w.id = d.webhook_id "

static gpointer
delivery_from_row (sqlite3_stmt *stmt)
{
  HeraldWebhookDelivery *delivery = g_new0 (HeraldWebhookDelivery, 1);

  delivery->id = herald_database_column_int64 (stmt, 0);
  delivery->delivery_id = herald_database_dup_column_text (stmt, 1);
  delivery->webhook_id = herald_database_dup_column_text (stmt, 2);
  delivery->url = herald_database_dup_column_text (stmt, 3);
  delivery->event = herald_database_dup_column_text (stmt, 4);
  delivery->device_id = herald_database_dup_column_text (stmt, 5);
  delivery->payload = herald_database_dup_column_text (stmt, 6);
  delivery->state = delivery_state_from_string (herald_database_column_text (stmt, 7));
  delivery->attempts = (guint) herald_database_column_int64 (stmt, 8);
  delivery->next_attempt_at = herald_database_column_int64 (stmt, 9);
  delivery->last_status = (guint) herald_database_column_int64 (stmt, 10);
  delivery->error = herald_database_dup_column_text (stmt, 11);
  delivery->created_at = herald_database_column_int64 (stmt, 12);
  delivery->updated_at = herald_database_column_int64 (stmt, 13);
  return delivery;
}

static gpointer
first_column_from_row (sqlite3_stmt *stmt)
{
  return herald_database_dup_column_text (stmt, 0);
}

static gboolean
queue_func (HeraldDatabase  *database,
            gpointer         user_data,
            GCancellable    *cancellable,
            GError         **error)
{
  WebhookJob *job = user_data;
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GPtrArray) webhook_ids = g_ptr_array_new_with_free_func (g_free);
  gint64 now = herald_store_now ();

  if (!herald_database_begin (database, error))
    return FALSE;
  select = herald_database_prepare (database,
                                    "SELECT id FROM webhooks WHERE event = :event "
                                    "AND (device_id IS NULL OR device_id = :device) ORDER BY created_at, id",
                                    error);
  if (select == NULL || !herald_database_bind_text (select, ":event", job->event, error) ||
      !herald_database_bind_text (select, ":device", job->device_id, error) ||
      !herald_database_read_rows (database, select, first_column_from_row, webhook_ids, error))
    return FALSE;

  insert = herald_database_prepare (database,
                                    "INSERT INTO webhook_deliveries (delivery_id, webhook_id, event, device_id, "
                                    "payload, state, next_attempt_at, created_at, updated_at) "
                                    "VALUES (:delivery, :webhook, :event, :device, :payload, 'queued', :now, "
                                    ":now, :now)", error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < webhook_ids->len; i++)
    {
      g_autofree char *delivery_id = g_uuid_string_random ();

      sqlite3_reset (insert);
      if (!herald_database_bind_text (insert, ":delivery", delivery_id, error) ||
          !herald_database_bind_text (insert, ":webhook", webhook_ids->pdata[i], error) ||
          !herald_database_bind_text (insert, ":event", job->event, error) ||
          !herald_database_bind_text (insert, ":device", job->device_id, error) ||
          !herald_database_bind_text (insert, ":payload", job->payload, error) ||
          !herald_database_bind_int64 (insert, ":now", now, error) ||
          herald_database_step (database, insert, error) != SQLITE_DONE)
        return FALSE;
      job->count++;
    }

  return herald_database_commit (database, error);
}

void
herald_webhook_store_queue_async (HeraldWebhookStore  *self,
                                  const char          *event,
                                  const char          *device_id,
                                  const char          *payload,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  WebhookJob *job;

  g_return_if_fail (HERALD_IS_WEBHOOK_STORE (self));
  g_return_if_fail (herald_webhook_event_is_valid (event));
  g_return_if_fail (payload != NULL);

  job = g_new0 (WebhookJob, 1);
  job->event = g_strdup (event);
  job->device_id = g_strdup (device_id);
  job->payload = g_strdup (payload);
  herald_store_job_run (self->database, self, herald_webhook_store_queue_async, queue_func, job,
                        webhook_job_free, NULL, cancellable, callback, user_data);
}

guint
herald_webhook_store_queue_finish (HeraldWebhookStore  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  WebhookJob *job = herald_store_job_finish (self, result, herald_webhook_store_queue_async, error);

  return job != NULL ? job->count : 0;
}

static gboolean
list_deliveries_func (HeraldDatabase  *database,
                      gpointer         user_data,
                      GCancellable    *cancellable,
                      GError         **error)
{
  WebhookJob *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (job->queued_only)
    stmt = herald_database_prepare (database,
                                    "SELECT " DELIVERY_COLUMNS " " DELIVERY_FROM
                                    "WHERE d.state = 'queued' ORDER BY d.next_attempt_at, d.id LIMIT :limit",
                                    error);
  else
    stmt = herald_database_prepare (database,
                                    "SELECT " DELIVERY_COLUMNS " " DELIVERY_FROM "ORDER BY d.id LIMIT :limit",
                                    error);
  job->items = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_webhook_delivery_free);
  return stmt != NULL &&
         herald_database_bind_int64 (stmt, ":limit", job->limit > 0 ? (gint64) job->limit : -1, error) &&
         herald_database_read_rows (database, stmt, delivery_from_row, job->items, error);
}

void
herald_webhook_store_list_deliveries_async (HeraldWebhookStore  *self,
                                            gboolean             queued_only,
                                            guint                limit,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  WebhookJob *job;

  g_return_if_fail (HERALD_IS_WEBHOOK_STORE (self));

  job = g_new0 (WebhookJob, 1);
  job->queued_only = queued_only;
  job->limit = limit;
  herald_store_job_run (self->database, self, herald_webhook_store_list_deliveries_async, list_deliveries_func,
                        job, webhook_job_free, NULL, cancellable, callback, user_data);
}

GPtrArray *
herald_webhook_store_list_deliveries_finish (HeraldWebhookStore  *self,
                                             GAsyncResult        *result,
                                             GError             **error)
{
  WebhookJob *job = herald_store_job_finish (self, result, herald_webhook_store_list_deliveries_async, error);

  return job != NULL ? g_steal_pointer (&job->items) : NULL;
}

static gboolean
record_attempt_func (HeraldDatabase  *database,
                     gpointer         user_data,
                     GCancellable    *cancellable,
                     GError         **error)
{
  WebhookJob *job = user_data;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) select = NULL;

  if (!herald_database_begin (database, error))
    return FALSE;
  update = herald_database_prepare (database,
                                    "UPDATE webhook_deliveries SET state = :state, attempts = attempts + 1, "
                                    "next_attempt_at = :next, last_status = :status, error = :error, "
                                    "updated_at = :now WHERE delivery_id = :delivery AND state = 'queued'",
                                    error);
  if (update == NULL ||
      !herald_database_bind_text (update, ":state", herald_webhook_delivery_state_to_string (job->state), error) ||
      !herald_database_bind_int64 (update, ":next", job->next_attempt_at, error) ||
      !herald_database_bind_int64 (update, ":status", job->status, error) ||
      !herald_database_bind_text (update, ":error", job->error, error) ||
      !herald_database_bind_int64 (update, ":now", herald_store_now (), error) ||
      !herald_database_bind_text (update, ":delivery", job->id, error) ||
      herald_database_step (database, update, error) != SQLITE_DONE)
    return FALSE;

  if (herald_database_changes (database) > 0)
    {
      int rc;

      select = herald_database_prepare (database,
                                        "SELECT " DELIVERY_COLUMNS " " DELIVERY_FROM "WHERE d.delivery_id = ?",
                                        error);
      if (select == NULL)
        return FALSE;
      rc = herald_database_step_text (database, select, job->id, error);
      if (rc == SQLITE_ERROR)
        return FALSE;
      if (rc == SQLITE_ROW)
        job->delivery = delivery_from_row (select);
    }

  return herald_database_commit (database, error);
}

void
herald_webhook_store_record_attempt_async (HeraldWebhookStore        *self,
                                           const char                *delivery_id,
                                           HeraldWebhookDeliveryState state,
                                           gint64                     next_attempt_at,
                                           guint                      status,
                                           const char                *error,
                                           GCancellable              *cancellable,
                                           GAsyncReadyCallback        callback,
                                           gpointer                   user_data)
{
  WebhookJob *job;

  g_return_if_fail (HERALD_IS_WEBHOOK_STORE (self));
  g_return_if_fail (delivery_id != NULL);
  g_return_if_fail ((guint) state < G_N_ELEMENTS (delivery_states));

  job = g_new0 (WebhookJob, 1);
  job->id = g_strdup (delivery_id);
  job->state = state;
  job->next_attempt_at = next_attempt_at;
  job->status = status;
  job->error = g_strdup (error);
  herald_store_job_run (self->database, self, herald_webhook_store_record_attempt_async, record_attempt_func, job,
                        webhook_job_free, NULL, cancellable, callback, user_data);
}

HeraldWebhookDelivery *
herald_webhook_store_record_attempt_finish (HeraldWebhookStore  *self,
                                            GAsyncResult        *result,
                                            GError             **error)
{
  WebhookJob *job = herald_store_job_finish (self, result, herald_webhook_store_record_attempt_async, error);

  return job != NULL ? g_steal_pointer (&job->delivery) : NULL;
}
