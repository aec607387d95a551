/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-bridge-android"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "herald-bridge-request.h"
#include "herald-bridge-server-private.h"

/* The SMS Gateway for Android API (its local server's), at the root of the
 * bridge's server, so that that app's clients work against a laptop: HTTP
 * Basic auth with a bridge key as the password (any user name), errors as
 * {"message": …}. A message of N recipients is N rows of the outbox whose
 * client ids are "android:ID/NNN" (NNN the recipient's position): a repeated
 * id collides with the first row's unique client id, so it is answered 409
 * and never sent twice, after a restart too. States: queued → Pending,
 * sending → Processed, sent → Sent, delivered → Delivered, failed and
 * unknown → Failed, cancelled → Cancelled.
 *
 * Not yet: GET /inbox, the webhooks, settings and logs. */

#define CLIENT_PREFIX "android:"

static void
reply_message (SoupServerMessage *msg,
               guint              status,
               const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  herald_bridge_json_add_string (builder, "message", message);
  json_builder_end_object (builder);
  herald_bridge_reply_json (msg, status, builder);
}

static void
reply_problem (SoupServerMessage   *msg,
               HeraldBridgeProblem *problem)
{
  reply_message (msg, problem->status, problem->message);
  herald_bridge_problem_clear (problem);
}

static const char *
state_name (HeraldOutboxState state)
{
  switch (state)
    {
    case HERALD_OUTBOX_QUEUED:
      return "Pending";
    case HERALD_OUTBOX_SENDING:
      return "Processed";
    case HERALD_OUTBOX_SENT:
      return "Sent";
    case HERALD_OUTBOX_DELIVERED:
      return "Delivered";
    case HERALD_OUTBOX_CANCELLED:
      return "Cancelled";
    case HERALD_OUTBOX_FAILED:
    case HERALD_OUTBOX_UNKNOWN:
    default:
      return "Failed";
    }
}

/* The message's state from its recipients': still Pending or Processed
 * while any is; Failed or Cancelled when all are; else the least advanced
 * of Sent and Delivered. */
static const char *
message_state (GPtrArray *rows)
{
  gboolean all_failed = TRUE;
  gboolean all_cancelled = TRUE;
  gboolean any_sent = FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      const HeraldOutboxEntry *row = rows->pdata[i];

      if (row->state == HERALD_OUTBOX_QUEUED)
        return "Pending";
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const HeraldOutboxEntry *row = rows->pdata[i];

      if (row->state == HERALD_OUTBOX_SENDING)
        return "Processed";
      all_failed &= g_str_equal (state_name (row->state), "Failed");
      all_cancelled &= row->state == HERALD_OUTBOX_CANCELLED;
      any_sent |= row->state == HERALD_OUTBOX_SENT;
    }
  if (all_failed)
    return "Failed";
  if (all_cancelled)
    return "Cancelled";
  return any_sent ? "Sent" : "Delivered";
}

/* The message id of a client id "android:ID/NNN", or NULL. */
static char *
message_id_of (const char *client_id)
{
  const char *slash;

  if (client_id == NULL || !g_str_has_prefix (client_id, CLIENT_PREFIX))
    return NULL;
  slash = strrchr (client_id, '/');
  if (slash == NULL)
    return NULL;
  return g_strndup (client_id + strlen (CLIENT_PREFIX), (gsize) (slash - client_id) - strlen (CLIENT_PREFIX));
}

/* {id, state, isHashed, isEncrypted, recipients: [{phoneNumber, state,
 * error}], states: {Pending: time, …}} from the message's rows. */
static void
add_message_state (JsonBuilder *builder,
                   const char  *id,
                   GPtrArray   *rows)
{
  gint64 created = G_MAXINT64;
  gint64 sent = 0;
  gint64 delivered = 0;
  gint64 failed = 0;
  gint64 processed = 0;

  json_builder_begin_object (builder);
  herald_bridge_json_add_string (builder, "id", id);
  herald_bridge_json_add_string (builder, "state", message_state (rows));
  herald_bridge_json_add_bool (builder, "isHashed", FALSE);
  herald_bridge_json_add_bool (builder, "isEncrypted", FALSE);
  json_builder_set_member_name (builder, "recipients");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      const HeraldOutboxEntry *row = rows->pdata[i];

      json_builder_begin_object (builder);
      herald_bridge_json_add_string (builder, "phoneNumber", row->recipient);
      herald_bridge_json_add_string (builder, "state", state_name (row->state));
      herald_bridge_json_add_string (builder, "error", row->error);
      json_builder_end_object (builder);

      created = MIN (created, row->created_at);
      if (row->state != HERALD_OUTBOX_QUEUED && row->state != HERALD_OUTBOX_CANCELLED)
        processed = MAX (processed, row->updated_at);
      sent = MAX (sent, row->sent_at);
      if (row->state == HERALD_OUTBOX_DELIVERED)
        delivered = MAX (delivered, row->done_at);
      if (g_str_equal (state_name (row->state), "Failed"))
        failed = MAX (failed, row->done_at);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "states");
  json_builder_begin_object (builder);
  if (created != G_MAXINT64)
    herald_bridge_json_add_time (builder, "Pending", created);
  if (processed > 0)
    herald_bridge_json_add_time (builder, "Processed", processed);
  if (sent > 0)
    herald_bridge_json_add_time (builder, "Sent", sent);
  if (delivered > 0)
    herald_bridge_json_add_time (builder, "Delivered", delivered);
  if (failed > 0)
    herald_bridge_json_add_time (builder, "Failed", failed);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
reply_state (HeraldBridgeCall *call,
             guint             status,
             const char       *id,
             GPtrArray        *rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_message_state (builder, id, rows);
  herald_bridge_reply_json (call->msg, status, builder);
}

/* ---- POST /message(s) ---------------------------------------------------- */

static void queue_next (HeraldBridgeCall *call);

static void
queued_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  HeraldBridgeCall *call = user_data;
  HeraldBridgeAndroidMessage *message = call->data;
  g_autoptr(GError) error = NULL;
  HeraldOutboxEntry *entry = herald_modem_dispatcher_queue_finish (HERALD_MODEM_DISPATCHER (source), result, &error);

  if (entry == NULL)
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS))
        {
          text = g_strdup_printf (_("A message with id “%s” was sent to this bridge already; it is not sent "
                                    "again. GET /messages/%s says how it went."), message->id, message->id);
          reply_message (call->msg, SOUP_STATUS_CONFLICT, text);
        }
      else
        {
          text = g_strdup_printf (_("The message could not be queued: %s"), error->message);
          reply_message (call->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, text);
        }
      herald_bridge_call_reply_done (call);
      return;
    }
  g_ptr_array_add (call->ids, entry);
  call->next++;
  queue_next (call);
}

static void
queue_next (HeraldBridgeCall *call)
{
  HeraldBridgeAndroidMessage *message = call->data;
  g_autofree char *origin = NULL;
  g_autofree char *client_id = NULL;
  HeraldOutboxRequest outgoing = { 0 };

  if (call->next >= message->recipients->len)
    {
      reply_state (call, SOUP_STATUS_ACCEPTED, message->id, call->ids);
      herald_bridge_call_reply_done (call);
      return;
    }
  origin = g_strdup_printf ("bridge-android:%s", call->key_name);
  client_id = g_strdup_printf (CLIENT_PREFIX "%s/%03u", message->id, call->next);
  outgoing.recipient = message->recipients->pdata[call->next];
  outgoing.text = message->text;
  outgoing.client_id = client_id;
  outgoing.origin = origin;
  outgoing.validity_minutes = message->validity_minutes;
  outgoing.delivery_report = message->delivery_report;
  herald_modem_dispatcher_queue_async (call->server->dispatcher, &outgoing, NULL, queued_cb, call);
}

static void
handle_send (HeraldBridgeCall *call)
{
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (call->msg));
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);
  HeraldBridgeAndroidMessage *message = herald_bridge_parse_android_message (data, length, &error);
  HeraldBridgeProblem problem = { 0 };

  if (message == NULL)
    {
      reply_message (call->msg, SOUP_STATUS_BAD_REQUEST, error->message);
      herald_bridge_call_free (call);
      return;
    }
  if (!herald_bridge_server_check_modem (call->server, NULL, &problem))
    {
      reply_problem (call->msg, &problem);
      herald_bridge_android_message_free (message);
      herald_bridge_call_free (call);
      return;
    }
  if (message->id == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_auto(GStrv) parts = g_strsplit (uuid, "-", -1);

      /* 32 hex digits: the app's own ids have no "-" either. */
      message->id = g_strjoinv ("", parts);
    }
  call->data = message;
  call->data_free = (GDestroyNotify) herald_bridge_android_message_free;
  call->ids = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_outbox_entry_free);
  soup_server_message_pause (call->msg);
  queue_next (call);
}

/* ---- GET /messages/{id}, DELETE /messages/{id} ---------------------------- */

static void
list_by_id (HeraldBridgeCall    *call,
            GAsyncReadyCallback  callback)
{
  g_autofree char *prefix = g_strdup_printf (CLIENT_PREFIX "%s/", call->param);

  soup_server_message_pause (call->msg);
  herald_outbox_list_by_client_async (call->server->outbox, prefix, NULL, callback, call);
}

/* The rows, or NULL after answering 404 or 500 (and freeing @call). */
static GPtrArray *
finish_rows (HeraldBridgeCall *call,
             GAsyncResult     *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = herald_outbox_list_finish (call->server->outbox, result, &error);

  if (rows == NULL)
    {
      reply_message (call->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, error->message);
      herald_bridge_call_reply_done (call);
      return NULL;
    }
  if (rows->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("No message with id “%s” was sent to this bridge."), call->param);

      reply_message (call->msg, SOUP_STATUS_NOT_FOUND, text);
      herald_bridge_call_reply_done (call);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static void
got_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  HeraldBridgeCall *call = user_data;
  g_autoptr(GPtrArray) rows = finish_rows (call, result);

  if (rows == NULL)
    return;
  reply_state (call, SOUP_STATUS_OK, call->param, rows);
  herald_bridge_call_reply_done (call);
}

static void
handle_get (HeraldBridgeCall *call)
{
  if (!herald_bridge_android_id_is_valid (call->param))
    {
      reply_message (call->msg, SOUP_STATUS_NOT_FOUND, _("No message has such an id."));
      herald_bridge_call_free (call);
      return;
    }
  list_by_id (call, got_cb);
}

static void cancel_next (HeraldBridgeCall *call);

static void
cancelled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  HeraldBridgeCall *call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldOutboxEntry) entry = herald_outbox_finish_entry (HERALD_OUTBOX (source), result, &error);

  if (entry == NULL && error != NULL)
    {
      reply_message (call->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, error->message);
      herald_bridge_call_reply_done (call);
      return;
    }
  call->next++;
  cancel_next (call);
}

static void
recount_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  HeraldBridgeCall *call = user_data;
  g_autoptr(GPtrArray) rows = finish_rows (call, result);
  gboolean any = FALSE;

  if (rows == NULL)
    return;
  for (guint i = 0; i < rows->len; i++)
    any |= ((const HeraldOutboxEntry *) rows->pdata[i])->state == HERALD_OUTBOX_CANCELLED;
  if (!any)
    {
      g_autofree char *text = g_strdup_printf (_("Message “%s” cannot be cancelled: a modem took it already."),
                                               call->param);

      reply_message (call->msg, SOUP_STATUS_CONFLICT, text);
    }
  else
    {
      reply_state (call, SOUP_STATUS_OK, call->param, rows);
    }
  herald_bridge_call_reply_done (call);
}

/* Cancels the recipients still queued, one at a time (the outbox cancels
 * only what is queued), then answers with the state. */
static void
cancel_next (HeraldBridgeCall *call)
{
  GPtrArray *rows = call->data;

  if (call->next >= rows->len)
    {
      g_autofree char *prefix = g_strdup_printf (CLIENT_PREFIX "%s/", call->param);

      herald_outbox_list_by_client_async (call->server->outbox, prefix, NULL, recount_cb, call);
      return;
    }
  herald_outbox_cancel_async (call->server->outbox,
                              ((const HeraldOutboxEntry *) rows->pdata[call->next])->message_id, NULL,
                              cancelled_cb, call);
}

static void
to_cancel_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  HeraldBridgeCall *call = user_data;
  GPtrArray *rows = finish_rows (call, result);

  if (rows == NULL)
    return;
  call->data = rows;
  call->data_free = (GDestroyNotify) g_ptr_array_unref;
  cancel_next (call);
}

static void
handle_cancel (HeraldBridgeCall *call)
{
  if (!herald_bridge_android_id_is_valid (call->param))
    {
      reply_message (call->msg, SOUP_STATUS_NOT_FOUND, _("No message has such an id."));
      herald_bridge_call_free (call);
      return;
    }
  list_by_id (call, to_cancel_cb);
}

/* ---- GET /messages ------------------------------------------------------- */

typedef struct
{
  char   *state;   /* nullable */
  guint   limit;
  guint   offset;
  gint64  from;    /* UTC µs, 0: none */
  gint64  to;
} ListQuery;

static void
list_query_free (ListQuery *query)
{
  g_free (query->state);
  g_free (query);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  HeraldBridgeCall *call = user_data;
  ListQuery *query = call->data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = herald_outbox_list_finish (HERALD_OUTBOX (source), result, &error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  char total[32];

  if (rows == NULL)
    {
      reply_message (call->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, error->message);
      herald_bridge_call_reply_done (call);
      return;
    }
  /* Rows come oldest first; a message's rows are together in its order. */
  for (guint i = 0; i < rows->len; i++)
    {
      const HeraldOutboxEntry *row = rows->pdata[i];
      char *id = message_id_of (row->client_id);
      GPtrArray *group;

      if (id == NULL)
        continue;
      group = g_hash_table_lookup (by_id, id);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_ptr_array_add (ids, id);
          g_hash_table_insert (by_id, id, group);
        }
      else
        {
          g_free (id);
        }
      g_ptr_array_add (group, (gpointer) row);
    }
  /* Newest first, filtered. */
  for (guint i = ids->len; i-- > 0;)
    {
      GPtrArray *group = g_hash_table_lookup (by_id, ids->pdata[i]);
      const HeraldOutboxEntry *first = group->pdata[0];

      if (query->state != NULL && !g_str_equal (query->state, message_state (group)))
        continue;
      if (query->from != 0 && first->created_at < query->from)
        continue;
      if (query->to != 0 && first->created_at >= query->to)
        continue;
      g_ptr_array_add (kept, ids->pdata[i]);
    }

  json_builder_begin_array (builder);
  for (guint i = query->offset; i < kept->len && i < (guint64) query->offset + query->limit; i++)
    add_message_state (builder, kept->pdata[i], g_hash_table_lookup (by_id, kept->pdata[i]));
  json_builder_end_array (builder);
  g_snprintf (total, sizeof total, "%u", kept->len);
  soup_message_headers_replace (soup_server_message_get_response_headers (call->msg), "X-Total-Count", total);
  herald_bridge_reply_json (call->msg, SOUP_STATUS_OK, builder);
  herald_bridge_call_reply_done (call);
}

static gboolean
read_time (GHashTable  *params,
           const char  *name,
           gint64      *out,
           char       **problem)
{
  const char *text = g_hash_table_lookup (params, name);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  time = g_date_time_new_from_iso8601 (text, utc);
  if (time == NULL)
    {
      *problem = g_strdup_printf (_("“%s” is not an ISO 8601 time (2024-01-31T23:59:59Z)."), name);
      return FALSE;
    }
  *out = g_date_time_to_unix (time) * G_USEC_PER_SEC;
  return TRUE;
}

static void
handle_list (HeraldBridgeCall *call)
{
  const char *query_text = g_uri_get_query (soup_server_message_get_uri (call->msg));
  g_autoptr(GHashTable) params = NULL;
  ListQuery *query = g_new0 (ListQuery, 1);
  g_autofree char *problem = NULL;
  const char *value;
  guint64 number;

  query->limit = 50;
  params = query_text != NULL ? g_uri_parse_params (query_text, -1, "&", G_URI_PARAMS_NONE, NULL)
                              : g_hash_table_new (g_str_hash, g_str_equal);
  if (params == NULL)
    problem = g_strdup (_("The query string cannot be read."));
  if (problem == NULL && (value = g_hash_table_lookup (params, "state")) != NULL)
    {
      static const char * const states[] = { "Pending", "Processed", "Sent", "Delivered", "Failed", "Cancelled" };

      if (!g_strv_contains (states, value))
        problem = g_strdup (_("“state” must be Pending, Processed, Sent, Delivered, Failed or Cancelled."));
      else
        query->state = g_strdup (value);
    }
  if (problem == NULL && (value = g_hash_table_lookup (params, "limit")) != NULL)
    {
      if (!g_ascii_string_to_unsigned (value, 10, 1, 1000, &number, NULL))
        problem = g_strdup (_("“limit” must be a whole number from 1 to 1000."));
      else
        query->limit = (guint) number;
    }
  if (problem == NULL && (value = g_hash_table_lookup (params, "offset")) != NULL)
    {
      if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT, &number, NULL))
        problem = g_strdup (_("“offset” must be a whole number from 0."));
      else
        query->offset = (guint) number;
    }
  if (problem == NULL && read_time (params, "from", &query->from, &problem))
    read_time (params, "to", &query->to, &problem);
  if (problem != NULL)
    {
      list_query_free (query);
      reply_message (call->msg, SOUP_STATUS_BAD_REQUEST, problem);
      herald_bridge_call_free (call);
      return;
    }
  call->data = query;
  call->data_free = (GDestroyNotify) list_query_free;
  soup_server_message_pause (call->msg);
  herald_outbox_list_by_client_async (call->server->outbox, CLIENT_PREFIX, NULL, listed_cb, call);
}

/* ---- GET /device(s), GET /health ----------------------------------------- */

static void
handle_devices (HeraldBridgeCall *call)
{
  GListModel *modems = G_LIST_MODEL (call->server->manager);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n = g_list_model_get_n_items (modems);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldModem) modem = g_list_model_get_item (modems, i);
      const char *manufacturer = herald_modem_get_manufacturer (modem);
      const char *model = herald_modem_get_model (modem);
      g_autofree char *name = g_strjoin (" ", manufacturer != NULL ? manufacturer : "",
                                         model != NULL ? model : "", NULL);

      json_builder_begin_object (builder);
      herald_bridge_json_add_string (builder, "id", herald_modem_get_device_id (modem));
      herald_bridge_json_add_string (builder, "name", g_strstrip (name));
      herald_bridge_json_add_string (builder, "phoneNumber", herald_modem_get_own_number (modem));
      herald_bridge_json_add_string (builder, "state", herald_modem_get_state (modem));
      herald_bridge_json_add_int (builder, "signal", herald_modem_get_signal_quality (modem));
      herald_bridge_json_add_string (builder, "operator", herald_modem_get_operator_name (modem));
      herald_bridge_json_add_bool (builder, "online", herald_modem_get_usable (modem));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  herald_bridge_reply_json (call->msg, SOUP_STATUS_OK, builder);
  herald_bridge_call_free (call);
}

/* The health-check format that app answers: pass when a modem can send. */
static void
answer_health (HeraldBridgeServer *self,
               SoupServerMessage  *msg)
{
  GListModel *modems = G_LIST_MODEL (self->manager);
  guint n = g_list_model_get_n_items (modems);
  guint usable = 0;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *status;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldModem) modem = g_list_model_get_item (modems, i);

      usable += herald_modem_get_usable (modem) ? 1 : 0;
    }
  status = usable > 0 ? "pass" : "fail";

  json_builder_begin_object (builder);
  herald_bridge_json_add_string (builder, "status", status);
  herald_bridge_json_add_string (builder, "version", PACKAGE_VERSION);
  herald_bridge_json_add_int (builder, "releaseId", 1);
  json_builder_set_member_name (builder, "checks");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "modems:usable");
  json_builder_begin_object (builder);
  herald_bridge_json_add_string (builder, "status", status);
  herald_bridge_json_add_int (builder, "observedValue", usable);
  herald_bridge_json_add_string (builder, "observedUnit", "modems");
  herald_bridge_json_add_string (builder, "description", "Modems that can send SMS now");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  herald_bridge_reply_json (msg, usable > 0 ? SOUP_STATUS_OK : SOUP_STATUS_SERVICE_UNAVAILABLE, builder);
}

/* ---- the route table and the checks -------------------------------------- */

static const HeraldBridgeRoute routes[] = {
  { "POST", "/message", handle_send },
  { "POST", "/messages", handle_send },
  { "GET", "/message", handle_list },
  { "GET", "/messages", handle_list },
  { "GET", "/message/:id", handle_get },
  { "GET", "/messages/:id", handle_get },
  { "DELETE", "/message/:id", handle_cancel },
  { "DELETE", "/messages/:id", handle_cancel },
  { "GET", "/device", handle_devices },
  { "GET", "/devices", handle_devices },
};

void
herald_bridge_android_handle (HeraldBridgeServer *self,
                              SoupServerMessage  *msg,
                              const char         *path)
{
  const char *method = soup_server_message_get_method (msg);
  const char *authorization;
  g_autofree char *password = NULL;
  const HeraldBridgeKeyInfo *info;
  HeraldBridgeProblem problem = { 0 };
  gboolean path_known = FALSE;
  g_autoptr(GString) allow = g_string_new (NULL);

  /* A probe needs no key. */
  if (herald_bridge_match_path ("/health", path, NULL) && strcmp (method, "GET") == 0)
    {
      answer_health (self, msg);
      return;
    }

  authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  if (!herald_bridge_parse_basic (authorization, &password))
    password = NULL;
  info = herald_bridge_key_set_match (self->keys, password, password != NULL ? strlen (password) : 0);
  if (password != NULL)
    memset (password, 0, strlen (password));
  if (password == NULL || info == NULL)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "WWW-Authenticate",
                                    "Basic realm=\"Herald device bridge\"");
      reply_message (msg, SOUP_STATUS_UNAUTHORIZED,
                     password == NULL ? _("Missing credentials: use HTTP Basic auth with a bridge key as the "
                                          "password (“heraldctl bridge key create NAME” makes one).")
                                      : _("Invalid credentials: the password is not one of this bridge's keys."));
      return;
    }
  if (!herald_bridge_server_check_rate (self, msg, info, &problem))
    {
      reply_problem (msg, &problem);
      return;
    }

  if (herald_bridge_server_route (self, msg, routes, G_N_ELEMENTS (routes), method, path,
                                  info->name, allow, &path_known))
    return;
  if (path_known)
    {
      g_autofree char *text = g_strdup_printf (_("%s is not allowed on %s; use %s."), method, path, allow->str);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow->str);
      reply_message (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, text);
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (_("No such endpoint: %s %s (the FlixySMS API is under /api/v1)."),
                                             method, path);

    reply_message (msg, SOUP_STATUS_NOT_FOUND, text);
  }
}
