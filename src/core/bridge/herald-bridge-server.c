/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-bridge-server"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "herald-bridge-request.h"
#include "herald-bridge-server-private.h"

G_DEFINE_QUARK (herald-bridge-server-error-quark, herald_bridge_server_error)

#define API_BASE "/api/v1"
#define RATE_WINDOW_SECONDS 60

G_DEFINE_FINAL_TYPE (HeraldBridgeServer, herald_bridge_server, G_TYPE_OBJECT)

void
herald_bridge_call_free (HeraldBridgeCall *call)
{
  g_object_unref (call->server);
  g_object_unref (call->msg);
  g_free (call->key_name);
  g_free (call->param);
  if (call->data_free != NULL)
    call->data_free (call->data);
  g_clear_pointer (&call->ids, g_ptr_array_unref);
  g_free (call);
}

/* ---- answers ------------------------------------------------------------- */

void
herald_bridge_reply_json (SoupServerMessage *msg,
            guint              status,
            JsonBuilder       *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  gsize length = 0;
  char *body = json_to_string (root, FALSE);

  length = strlen (body);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body, length);
}

static void
reply_error (SoupServerMessage *msg,
             guint              status,
             const char        *code,
             const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "success");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_end_object (builder);
  herald_bridge_reply_json (msg, status, builder);
}

static void
reply_request_error (SoupServerMessage *msg,
                     const GError      *error)
{
  reply_error (msg, SOUP_STATUS_BAD_REQUEST, herald_bridge_request_error_code (error), error->message);
}

/* For the endpoints that paused their message. */
void
herald_bridge_call_reply_done (HeraldBridgeCall *call)
{
  soup_server_message_unpause (call->msg);
  herald_bridge_call_free (call);
}

void
herald_bridge_json_add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
herald_bridge_json_add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
herald_bridge_json_add_bool (JsonBuilder *builder,
          const char  *member,
          gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/* UTC µs as "2024-01-15T10:31:00Z", or null for 0. */
void
herald_bridge_json_add_time (JsonBuilder *builder,
          const char  *member,
          gint64       usec)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (usec > 0)
    time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (time != NULL)
    text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
  herald_bridge_json_add_string (builder, member, text);
}

static JsonBuilder *
success_builder (void)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  herald_bridge_json_add_bool (builder, "success", TRUE);
  return builder;
}

/* ---- modems -------------------------------------------------------------- */

void
herald_bridge_problem_clear (HeraldBridgeProblem *problem)
{
  g_clear_pointer (&problem->message, g_free);
}

static gboolean
set_problem (HeraldBridgeProblem *problem,
             guint                status,
             const char          *code,
             char                *message)
{
  problem->status = status;
  problem->code = code;
  g_free (problem->message);
  problem->message = message;
  return FALSE;
}

gboolean
herald_bridge_server_check_modem (HeraldBridgeServer  *self,
                                  const char          *device_id,
                                  HeraldBridgeProblem *problem)
{
  GListModel *modems = G_LIST_MODEL (self->manager);
  guint n = g_list_model_get_n_items (modems);
  g_autoptr(HeraldModem) first = NULL;

  if (device_id != NULL)
    {
      HeraldModem *modem = herald_modem_manager_lookup (self->manager, device_id);

      if (modem == NULL || g_strcmp0 (herald_modem_get_device_id (modem), device_id) != 0)
        return set_problem (problem, SOUP_STATUS_BAD_REQUEST, "unknown_device",
                            g_strdup_printf (_("“device_id” names no modem here (“%s”); GET %s/devices lists "
                                               "them, or leave it out to use any usable modem."),
                                             device_id, API_BASE));
      if (!herald_modem_get_usable (modem))
        return set_problem (problem, SOUP_STATUS_SERVICE_UNAVAILABLE, "device_unavailable",
                            g_strdup_printf (_("The modem %s cannot send now: %s."), device_id,
                                             herald_modem_get_unusable_reason (modem)));
      return TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldModem) modem = g_list_model_get_item (modems, i);

      if (herald_modem_get_usable (modem))
        return TRUE;
    }
  if (n == 0)
    return set_problem (problem, SOUP_STATUS_SERVICE_UNAVAILABLE, "no_device",
                        g_strdup (_("No modem is available to send SMS: ModemManager sees none. Plug one in "
                                    "(and check “heraldctl modems”).")));
  first = g_list_model_get_item (modems, 0);
  return set_problem (problem, SOUP_STATUS_SERVICE_UNAVAILABLE, "no_device",
                      g_strdup_printf (_("No modem is available to send SMS: none of the %u modems is usable "
                                         "(the first: %s). See “heraldctl modems”."), n,
                                       herald_modem_get_unusable_reason (first)));
}

/* Whether some modem can take @device_id's work (NULL: any); else FALSE and
 * the answer (400 for an unknown device, 503 for none usable) is set. */
static gboolean
check_modem (HeraldBridgeServer *self,
             SoupServerMessage  *msg,
             const char         *device_id)
{
  HeraldBridgeProblem problem = { 0 };

  if (herald_bridge_server_check_modem (self, device_id, &problem))
    return TRUE;
  reply_error (msg, problem.status, problem.code, problem.message);
  herald_bridge_problem_clear (&problem);
  return FALSE;
}

/* ---- POST /sms/send, /sms/bulk ------------------------------------------ */

static void queue_next (HeraldBridgeCall *call);

static void
queued_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  HeraldBridgeCall *call = user_data;
  g_autoptr(HeraldOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = herald_modem_dispatcher_queue_finish (HERALD_MODEM_DISPATCHER (source), result, &error);
  if (entry == NULL)
    {
      g_autofree char *message = NULL;

      g_warning ("A message could not be queued: %s", error->message);
      message = g_strdup_printf (_("The message could not be queued (%u of the request were): %s"),
                                 call->ids->len, error->message);
      reply_error (call->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "queue_failed", message);
      herald_bridge_call_reply_done (call);
      return;
    }
  g_ptr_array_add (call->ids, g_strdup (entry->message_id));
  call->next++;
  queue_next (call);
}

static void
reply_sent (HeraldBridgeCall *call)
{
  HeraldBridgeSendRequest *request = call->data;
  g_autoptr(JsonBuilder) builder = success_builder ();

  herald_bridge_json_add_string (builder, "message_id", call->ids->pdata[0]);
  herald_bridge_json_add_string (builder, "device_id", request->device_id);
  herald_bridge_json_add_string (builder, "status", "queued");
  herald_bridge_json_add_string (builder, "to", request->recipients->pdata[0]);
  herald_bridge_json_add_string (builder, "message", request->message);
  json_builder_end_object (builder);
  herald_bridge_reply_json (call->msg, SOUP_STATUS_OK, builder);
}

static void
reply_bulk (HeraldBridgeCall *call)
{
  HeraldBridgeSendRequest *request = call->data;
  g_autoptr(JsonBuilder) builder = success_builder ();
  guint valid = request->recipients->len;
  guint invalid = request->invalid->len;

  json_builder_set_member_name (builder, "message_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; i < call->ids->len; i++)
    json_builder_add_string_value (builder, call->ids->pdata[i]);
  json_builder_end_array (builder);
  herald_bridge_json_add_string (builder, "device_id", request->device_id);
  json_builder_set_member_name (builder, "stats");
  json_builder_begin_object (builder);
  herald_bridge_json_add_int (builder, "total", valid + invalid);
  herald_bridge_json_add_int (builder, "valid", valid);
  herald_bridge_json_add_int (builder, "invalid", invalid);
  herald_bridge_json_add_int (builder, "queued", call->ids->len);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "invalid");
  json_builder_begin_array (builder);
  for (guint i = 0; i < invalid; i++)
    {
      const HeraldBridgeInvalid *item = request->invalid->pdata[i];

      json_builder_begin_object (builder);
      herald_bridge_json_add_string (builder, "to", item->input);
      herald_bridge_json_add_string (builder, "reason", item->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  herald_bridge_reply_json (call->msg, SOUP_STATUS_OK, builder);
}

/* One message at a time, in the order given: the outbox keeps that order. */
static void
queue_next (HeraldBridgeCall *call)
{
  HeraldBridgeSendRequest *request = call->data;
  g_autofree char *origin = NULL;
  HeraldOutboxRequest outgoing = { 0 };

  if (call->next >= request->recipients->len)
    {
      if (request->recipients->len == 1 && request->invalid->len == 0 && call->param == NULL)
        reply_sent (call);
      else
        reply_bulk (call);
      herald_bridge_call_reply_done (call);
      return;
    }
  origin = g_strdup_printf ("bridge:%s", call->key_name);
  outgoing.recipient = request->recipients->pdata[call->next];
  outgoing.text = request->message;
  outgoing.device_id = request->device_id;
  outgoing.origin = origin;
  outgoing.delivery_report = TRUE;
  herald_modem_dispatcher_queue_async (call->server->dispatcher, &outgoing, NULL, queued_cb, call);
}

static void
start_queue (HeraldBridgeCall                    *call,
             HeraldBridgeSendRequest *request)
{
  call->data = request;
  call->data_free = (GDestroyNotify) herald_bridge_send_request_free;
  call->ids = g_ptr_array_new_with_free_func (g_free);
  soup_server_message_pause (call->msg);
  queue_next (call);
}

static void
handle_send (HeraldBridgeCall *call)
{
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (call->msg));
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);
  HeraldBridgeSendRequest *request = herald_bridge_parse_send (data, length, &error);

  if (request == NULL)
    {
      reply_request_error (call->msg, error);
      herald_bridge_call_free (call);
      return;
    }
  if (!check_modem (call->server, call->msg, request->device_id))
    {
      herald_bridge_send_request_free (request);
      herald_bridge_call_free (call);
      return;
    }
  start_queue (call, request);
}

static void
handle_bulk (HeraldBridgeCall *call)
{
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (call->msg));
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);
  HeraldBridgeSendRequest *request = herald_bridge_parse_bulk (data, length, &error);

  if (request == NULL)
    {
      reply_request_error (call->msg, error);
      herald_bridge_call_free (call);
      return;
    }
  if (!check_modem (call->server, call->msg, request->device_id))
    {
      herald_bridge_send_request_free (request);
      herald_bridge_call_free (call);
      return;
    }
  /* A bulk answer even for one recipient. */
  call->param = g_strdup ("bulk");
  start_queue (call, request);
}

/* ---- GET /sms/status/:id ------------------------------------------------- */

static void
status_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  HeraldBridgeCall *call = user_data;
  g_autoptr(HeraldOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  entry = herald_outbox_finish_entry (HERALD_OUTBOX (source), result, &error);
  if (error != NULL)
    {
      reply_error (call->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "store_failed", error->message);
      herald_bridge_call_reply_done (call);
      return;
    }
  if (entry == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("No message with id “%s” was sent through this bridge."),
                                                  call->param);

      reply_error (call->msg, SOUP_STATUS_NOT_FOUND, "not_found", message);
      herald_bridge_call_reply_done (call);
      return;
    }

  builder = success_builder ();
  json_builder_set_member_name (builder, "data");
  json_builder_begin_object (builder);
  herald_bridge_json_add_string (builder, "message_id", entry->message_id);
  herald_bridge_json_add_string (builder, "status", herald_outbox_state_to_string (entry->state));
  herald_bridge_json_add_string (builder, "to", entry->recipient);
  herald_bridge_json_add_string (builder, "device_id", entry->modem_id != NULL ? entry->modem_id : entry->device_id);
  herald_bridge_json_add_time (builder, "created_at", entry->created_at);
  herald_bridge_json_add_time (builder, "sent_at", entry->sent_at);
  herald_bridge_json_add_time (builder, "delivered_at", entry->state == HERALD_OUTBOX_DELIVERED ? entry->done_at : 0);
  herald_bridge_json_add_time (builder, "failed_at", entry->state == HERALD_OUTBOX_FAILED ? entry->done_at : 0);
  herald_bridge_json_add_string (builder, "error", entry->error);
  herald_bridge_json_add_int (builder, "attempts", entry->attempts);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  herald_bridge_reply_json (call->msg, SOUP_STATUS_OK, builder);
  herald_bridge_call_reply_done (call);
}

static void
handle_status (HeraldBridgeCall *call)
{
  soup_server_message_pause (call->msg);
  herald_outbox_get_async (call->server->outbox, call->param, NULL, status_cb, call);
}

/* ---- GET /messages/received ---------------------------------------------- */

static gboolean
message_matches (const HeraldLocalMessage        *message,
                 const HeraldBridgeReceivedQuery *query)
{
  if (query->device_id != NULL && g_strcmp0 (message->device_id, query->device_id) != 0)
    return FALSE;
  if (query->until != 0 && message->received_at > query->until)
    return FALSE;
  return TRUE;
}

static void
add_received (JsonBuilder              *builder,
              const HeraldLocalMessage *message)
{
  json_builder_begin_object (builder);
  herald_bridge_json_add_string (builder, "id", message->remote_id);
  herald_bridge_json_add_string (builder, "from", message->sender_e164 != NULL ? message->sender_e164 : message->sender);
  herald_bridge_json_add_string (builder, "message", message->text);
  herald_bridge_json_add_time (builder, "received_at", message->received_at);
  herald_bridge_json_add_string (builder, "device_id", message->device_id);
  herald_bridge_json_add_string (builder, "device_name", message->device_name);
  herald_bridge_json_add_string (builder, "device_phone", message->device_phone);
  herald_bridge_json_add_string (builder, "type", message->message_type != NULL ? message->message_type : "sms");
  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  if (message->sim_slot >= 0)
    herald_bridge_json_add_int (builder, "sim_slot", message->sim_slot);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
received_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  HeraldBridgeCall *call = user_data;
  HeraldBridgeReceivedQuery *query = call->data;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  guint64 first;
  guint total_pages;

  messages = herald_local_inbox_list_finish (HERALD_LOCAL_INBOX (source), result, &error);
  if (messages == NULL)
    {
      reply_error (call->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "store_failed", error->message);
      herald_bridge_call_reply_done (call);
      return;
    }
  for (guint i = 0; i < messages->len; i++)
    if (message_matches (messages->pdata[i], query))
      g_ptr_array_add (kept, messages->pdata[i]);

  total_pages = (kept->len + HERALD_BRIDGE_RECEIVED_PER_PAGE - 1) / HERALD_BRIDGE_RECEIVED_PER_PAGE;
  first = (guint64) (query->page - 1) * HERALD_BRIDGE_RECEIVED_PER_PAGE;

  builder = success_builder ();
  json_builder_set_member_name (builder, "data");
  json_builder_begin_array (builder);
  for (guint64 i = first; i < kept->len && i < first + HERALD_BRIDGE_RECEIVED_PER_PAGE; i++)
    add_received (builder, kept->pdata[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "pagination");
  json_builder_begin_object (builder);
  herald_bridge_json_add_int (builder, "page", query->page);
  herald_bridge_json_add_int (builder, "per_page", HERALD_BRIDGE_RECEIVED_PER_PAGE);
  herald_bridge_json_add_int (builder, "total", kept->len);
  herald_bridge_json_add_int (builder, "total_pages", total_pages);
  herald_bridge_json_add_bool (builder, "has_more", query->page < total_pages);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  herald_bridge_reply_json (call->msg, SOUP_STATUS_OK, builder);
  herald_bridge_call_reply_done (call);
}

static void
handle_received (HeraldBridgeCall *call)
{
  GUri *uri = soup_server_message_get_uri (call->msg);
  g_autoptr(GError) error = NULL;
  HeraldBridgeReceivedQuery *query = herald_bridge_parse_received_query (g_uri_get_query (uri), &error);

  if (query == NULL)
    {
      reply_request_error (call->msg, error);
      herald_bridge_call_free (call);
      return;
    }
  call->data = query;
  call->data_free = (GDestroyNotify) herald_bridge_received_query_free;
  soup_server_message_pause (call->msg);
  herald_local_inbox_list_async (call->server->inbox, call->server->account_id, query->from, query->since, 0,
                                 NULL, received_cb, call);
}

/* ---- GET /devices -------------------------------------------------------- */

static void
handle_devices (HeraldBridgeCall *call)
{
  HeraldBridgeServer *self = call->server;
  GListModel *modems = G_LIST_MODEL (self->manager);
  g_autoptr(JsonBuilder) builder = success_builder ();
  guint n = g_list_model_get_n_items (modems);

  json_builder_set_member_name (builder, "data");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldModem) modem = g_list_model_get_item (modems, i);
      const char *device_id = herald_modem_get_device_id (modem);
      const char *paused = device_id != NULL ? herald_modem_dispatcher_get_modem_status (self->dispatcher,
                                                                                         device_id) : NULL;
      const char *manufacturer = herald_modem_get_manufacturer (modem);
      const char *model = herald_modem_get_model (modem);
      g_autofree char *name = g_strjoin (" ", manufacturer != NULL ? manufacturer : "",
                                         model != NULL ? model : "", NULL);

      json_builder_begin_object (builder);
      herald_bridge_json_add_string (builder, "device_id", device_id);
      herald_bridge_json_add_string (builder, "name", g_strstrip (name));
      herald_bridge_json_add_string (builder, "type", "sms");
      herald_bridge_json_add_string (builder, "phone", herald_modem_get_own_number (modem));
      herald_bridge_json_add_string (builder, "state", herald_modem_get_state (modem));
      herald_bridge_json_add_int (builder, "signal", herald_modem_get_signal_quality (modem));
      herald_bridge_json_add_string (builder, "access_technology", herald_modem_get_access_technology (modem));
      herald_bridge_json_add_string (builder, "operator", herald_modem_get_operator_name (modem));
      herald_bridge_json_add_bool (builder, "online", herald_modem_get_usable (modem) && paused == NULL);
      herald_bridge_json_add_string (builder, "unusable_reason",
                  !herald_modem_get_usable (modem) ? herald_modem_get_unusable_reason (modem) : paused);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  herald_bridge_reply_json (call->msg, SOUP_STATUS_OK, builder);
  herald_bridge_call_free (call);
}

/* ---- the route table ----------------------------------------------------- */

/* Under /api/v1; ":id" is the one parameter. */
static const HeraldBridgeRoute routes[] = {
  { "POST", "/sms/send", handle_send },
  { "POST", "/message/send", handle_send },
  { "POST", "/sms/bulk", handle_bulk },
  { "POST", "/message/bulk", handle_bulk },
  { "GET", "/sms/status/:id", handle_status },
  { "GET", "/message/status/:id", handle_status },
  { "GET", "/messages/received", handle_received },
  { "GET", "/message/received", handle_received },
  { "GET", "/devices", handle_devices },
};

/* ---- what every request meets first -------------------------------------- */

static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > HERALD_BRIDGE_MAX_BODY)
    {
      g_autofree char *message = g_strdup_printf (_("The body is larger than %d bytes: send fewer "
                                                    "recipients a request."), HERALD_BRIDGE_MAX_BODY);

      reply_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "body_too_large", message);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
    }
}

gboolean
herald_bridge_server_route (HeraldBridgeServer      *self,
                            SoupServerMessage       *msg,
                            const HeraldBridgeRoute *routes,
                            gsize                    n_routes,
                            const char              *method,
                            const char              *path,
                            const char              *key_name,
                            GString                 *allow,
                            gboolean                *path_known)
{
  for (gsize i = 0; i < n_routes; i++)
    {
      g_autofree char *param = NULL;

      if (!herald_bridge_match_path (routes[i].pattern, path, &param))
        continue;
      *path_known = TRUE;
      if (strcmp (routes[i].method, method) == 0)
        {
          HeraldBridgeCall *call = g_new0 (HeraldBridgeCall, 1);

          call->server = g_object_ref (self);
          call->msg = g_object_ref (msg);
          call->key_name = g_strdup (key_name);
          call->param = g_steal_pointer (&param);
          routes[i].handler (call);
          return TRUE;
        }
      if (strstr (allow->str, routes[i].method) == NULL)
        g_string_append_printf (allow, "%s%s", allow->len > 0 ? ", " : "", routes[i].method);
    }

  return FALSE;
}

gboolean
herald_bridge_server_check_rate (HeraldBridgeServer        *self,
                                 SoupServerMessage         *msg,
                                 const HeraldBridgeKeyInfo *key,
                                 HeraldBridgeProblem       *problem)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 window_start = now - now % RATE_WINDOW_SECONDS;
  gint64 reset = window_start + RATE_WINDOW_SECONDS;
  RateWindow *window;
  char text[32];

  if (key->rate_limit == 0)
    return TRUE;

  window = g_hash_table_lookup (self->rates, key->name);
  if (window == NULL)
    {
      window = g_new0 (RateWindow, 1);
      g_hash_table_insert (self->rates, g_strdup (key->name), window);
    }
  if (window->window_start != window_start)
    {
      window->window_start = window_start;
      window->count = 0;
    }

  g_snprintf (text, sizeof text, "%u", key->rate_limit);
  soup_message_headers_replace (headers, "X-RateLimit-Limit", text);
  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, reset);
  soup_message_headers_replace (headers, "X-RateLimit-Reset", text);

  if (window->count >= key->rate_limit)
    {
      soup_message_headers_replace (headers, "X-RateLimit-Remaining", "0");
      g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, MAX (reset - now, 1));
      soup_message_headers_replace (headers, "Retry-After", text);
      return set_problem (problem, 429 /* Too Many Requests */, "rate_limited",
                          g_strdup_printf (_("Rate limit exceeded: this key may make %u requests a minute. "
                                             "Try again in %s seconds."), key->rate_limit, text));
    }
  window->count++;
  g_snprintf (text, sizeof text, "%u", key->rate_limit - window->count);
  soup_message_headers_replace (headers, "X-RateLimit-Remaining", text);
  return TRUE;
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  HeraldBridgeServer *self = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *authorization;
  const char *key = NULL;
  gsize key_length = 0;
  const HeraldBridgeKeyInfo *info;
  const char *method = soup_server_message_get_method (msg);
  const char *sub;
  gboolean path_known = FALSE;
  g_autoptr(GString) allow = g_string_new (NULL);
  HeraldBridgeProblem problem = { 0 };

  /* A chunked body has no Content-Length for the early check. */
  if (body->length > HERALD_BRIDGE_MAX_BODY)
    {
      g_autofree char *message = g_strdup_printf (_("The body is larger than %d bytes: send fewer "
                                                    "recipients a request."), HERALD_BRIDGE_MAX_BODY);

      reply_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "body_too_large", message);
      return;
    }

  /* Everything outside /api/v1 is the SMS Gateway for Android API. */
  if (!g_str_has_prefix (path, API_BASE "/") && strcmp (path, API_BASE) != 0)
    {
      herald_bridge_android_handle (self, msg, path);
      return;
    }

  authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  if (!herald_bridge_parse_bearer (authorization, &key, &key_length))
    {
      key = NULL;
      key_length = 0;
    }
  info = herald_bridge_key_set_match (self->keys, key, key_length);
  if (key == NULL || info == NULL)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "WWW-Authenticate",
                                    "Bearer realm=\"Herald device bridge\"");
      reply_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                   key == NULL ? _("Missing API key: send “Authorization: Bearer YOUR_API_KEY” "
                                   "(“heraldctl bridge key create NAME” makes one).")
                               : _("Invalid API key: it is not one of this bridge's keys "
                                   "(“heraldctl bridge key list” lists them)."));
      return;
    }
  if (!herald_bridge_server_check_rate (self, msg, info, &problem))
    {
      reply_error (msg, problem.status, problem.code, problem.message);
      herald_bridge_problem_clear (&problem);
      return;
    }

  if (!g_str_has_prefix (path, API_BASE "/"))
    {
      reply_error (msg, SOUP_STATUS_NOT_FOUND, "not_found",
                   _("No such endpoint: the API is under /api/v1 (POST /api/v1/sms/send, …)."));
      return;
    }
  sub = path + strlen (API_BASE);

  if (herald_bridge_server_route (self, msg, routes, G_N_ELEMENTS (routes), method, sub,
                                  info->name, allow, &path_known))
    return;

  if (path_known)
    {
      g_autofree char *message = g_strdup_printf (_("%s is not allowed on %s; use %s."), method, path, allow->str);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow->str);
      reply_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed", message);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (_("No such endpoint: %s %s."), method, path);

    reply_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", message);
  }
}

/* ---- the object ---------------------------------------------------------- */

static void
herald_bridge_server_dispose (GObject *object)
{
  HeraldBridgeServer *self = HERALD_BRIDGE_SERVER (object);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->manager);
  g_clear_object (&self->dispatcher);
  g_clear_object (&self->outbox);
  g_clear_object (&self->inbox);
  g_clear_object (&self->webhooks);
  g_clear_object (&self->events);
  g_clear_pointer (&self->keys, herald_bridge_key_set_free);
  g_clear_pointer (&self->rates, g_hash_table_unref);

  G_OBJECT_CLASS (herald_bridge_server_parent_class)->dispose (object);
}

static void
log_entry_free (gpointer data)
{
  HeraldBridgeLogEntry *entry = data;

  g_free (entry->priority);
  g_free (entry->module);
  g_free (entry->message);
  g_free (entry);
}

void
herald_bridge_server_log (HeraldBridgeServer *self,
                          const char         *priority,
                          const char         *module,
                          const char         *message)
{
  HeraldBridgeLogEntry *entry = g_new0 (HeraldBridgeLogEntry, 1);

  entry->id = ++self->log_next_id;
  entry->created_at = g_get_real_time ();
  entry->priority = g_strdup (priority);
  entry->module = g_strdup (module);
  entry->message = g_strdup (message);
  g_queue_push_tail (&self->log, entry);
  while (self->log.length > HERALD_BRIDGE_LOG_SIZE)
    log_entry_free (g_queue_pop_head (&self->log));
}

static void
herald_bridge_server_finalize (GObject *object)
{
  g_queue_clear_full (&HERALD_BRIDGE_SERVER (object)->log, log_entry_free);
  g_free (HERALD_BRIDGE_SERVER (object)->account_id);

  G_OBJECT_CLASS (herald_bridge_server_parent_class)->finalize (object);
}

static void
herald_bridge_server_class_init (HeraldBridgeServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_bridge_server_dispose;
  object_class->finalize = herald_bridge_server_finalize;
}

static void
herald_bridge_server_init (HeraldBridgeServer *self)
{
  self->rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

HeraldBridgeServer *
herald_bridge_server_new (HeraldModemManager    *manager,
                          HeraldModemDispatcher *dispatcher,
                          HeraldOutbox          *outbox,
                          HeraldLocalInbox      *inbox,
                          const char            *account_id,
                          HeraldBridgeKeySet    *keys)
{
  HeraldBridgeServer *self;

  g_return_val_if_fail (HERALD_IS_MODEM_MANAGER (manager), NULL);
  g_return_val_if_fail (HERALD_IS_MODEM_DISPATCHER (dispatcher), NULL);
  g_return_val_if_fail (HERALD_IS_OUTBOX (outbox), NULL);
  g_return_val_if_fail (HERALD_IS_LOCAL_INBOX (inbox), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);
  g_return_val_if_fail (keys != NULL, NULL);

  self = g_object_new (HERALD_TYPE_BRIDGE_SERVER, NULL);
  self->manager = g_object_ref (manager);
  self->dispatcher = g_object_ref (dispatcher);
  self->outbox = g_object_ref (outbox);
  self->inbox = g_object_ref (inbox);
  self->account_id = g_strdup (account_id);
  self->keys = keys;
  self->server = soup_server_new ("server-header", "Herald-bridge/" PACKAGE_VERSION " ", NULL);
  soup_server_add_early_handler (self->server, NULL, early_cb, self, NULL);
  soup_server_add_handler (self->server, NULL, handler_cb, self, NULL);
  return self;
}

void
herald_bridge_server_set_keys (HeraldBridgeServer *self,
                               HeraldBridgeKeySet *keys)
{
  g_return_if_fail (HERALD_IS_BRIDGE_SERVER (self));
  g_return_if_fail (keys != NULL);

  herald_bridge_key_set_free (self->keys);
  self->keys = keys;
}

gboolean
herald_bridge_parse_listen (const char  *text,
                            char       **address,
                            guint       *port,
                            GError     **error)
{
  const char *colon;
  g_autofree char *host = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  guint64 number = 0;

  if (text == NULL)
    {
      *address = g_strdup (HERALD_BRIDGE_DEFAULT_ADDRESS);
      *port = HERALD_BRIDGE_DEFAULT_PORT;
      return TRUE;
    }
  colon = strrchr (text, ':');
  if (colon == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &number, NULL))
    goto bad;
  host = g_strndup (text, (gsize) (colon - text));
  if (host[0] == '[' && host[strlen (host) - 1] == ']')
    {
      char *inner = g_strndup (host + 1, strlen (host) - 2);

      g_free (host);
      host = inner;
    }
  inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    goto bad;
  *address = g_steal_pointer (&host);
  *port = (guint) number;
  return TRUE;

bad:
  g_set_error (error, HERALD_BRIDGE_SERVER_ERROR, HERALD_BRIDGE_SERVER_ERROR_ADDRESS,
               _("“%s” is not an address and port to listen on: give ADDR:PORT, such as 127.0.0.1:8787 "
                 "or [::1]:8787 (an IP address, not a host name)."), text);
  return FALSE;
}

gboolean
herald_bridge_server_listen (HeraldBridgeServer  *self,
                             const char          *address,
                             guint                port,
                             gboolean             allow_remote,
                             GError             **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GError) local = NULL;
  GSList *uris;

  g_return_val_if_fail (HERALD_IS_BRIDGE_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);

  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, HERALD_BRIDGE_SERVER_ERROR, HERALD_BRIDGE_SERVER_ERROR_ADDRESS,
                   _("“%s” is not an IP address to listen on."), address);
      return FALSE;
    }
  if (!g_inet_address_get_is_loopback (inet))
    {
      if (!allow_remote)
        {
          g_set_error (error, HERALD_BRIDGE_SERVER_ERROR, HERALD_BRIDGE_SERVER_ERROR_REMOTE,
                       _("Listening on %s would let other machines reach the bridge (and your modems). "
                         "Listen on 127.0.0.1, or pass --allow-remote if that is what you want."), address);
          return FALSE;
        }
      g_warning ("The bridge listens on %s, beyond this machine: anyone on the network who has a key can "
                 "send SMS through your modems, over plain HTTP.", address);
    }

  socket_address = g_inet_socket_address_new (inet, (guint16) port);
  if (!soup_server_listen (self->server, socket_address, 0, &local))
    {
      g_set_error (error, HERALD_BRIDGE_SERVER_ERROR, HERALD_BRIDGE_SERVER_ERROR_LISTEN,
                   _("The bridge cannot listen on %s port %u: %s. Is another program using that port? "
                     "Choose another with --listen ADDR:PORT."), address, port, local->message);
      return FALSE;
    }
  uris = soup_server_get_uris (self->server);
  if (uris != NULL)
    self->port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return TRUE;
}

guint
herald_bridge_server_get_port (HeraldBridgeServer *self)
{
  g_return_val_if_fail (HERALD_IS_BRIDGE_SERVER (self), 0);

  return self->port;
}

void
herald_bridge_server_stop (HeraldBridgeServer *self)
{
  g_return_if_fail (HERALD_IS_BRIDGE_SERVER (self));

  soup_server_disconnect (self->server);
  self->port = 0;
}

void
herald_bridge_server_set_webhooks (HeraldBridgeServer  *self,
                                   HeraldWebhookStore  *webhooks,
                                   HeraldWebhookEvents *events)
{
  g_return_if_fail (HERALD_IS_BRIDGE_SERVER (self));
  g_return_if_fail (webhooks == NULL || HERALD_IS_WEBHOOK_STORE (webhooks));
  g_return_if_fail (events == NULL || HERALD_IS_WEBHOOK_EVENTS (events));

  g_set_object (&self->webhooks, webhooks);
  g_set_object (&self->events, events);
}
