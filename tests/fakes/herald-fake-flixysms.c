/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* A strict FlixySMS server for tests (see herald-fake-flixysms.h).
 *
 * Where specs/flixysms-api.txt is silent, this fake decides as follows, and
 * the client must cope with either choice of a real server:
 * - Paths: /sms/{send,bulk,status/ID} and /message/{send,bulk,status/ID} are
 *   aliases; received messages are at /messages/received and
 *   /message/received, the two documented paths (no /sms/received).
 * - Unknown JSON members in a body are tolerated (the document lists fields,
 *   it does not forbid others) and counted, so tests can see a client that
 *   sends more than the document knows. JSON null for an optional field is
 *   the same as leaving it out.
 * - A body must be a JSON object sent as application/json, else 400.
 * - "International format": '+' then 7 to 15 digits. A leading 0 after '+'
 *   is accepted because the document's own bulk example has "+0987654321".
 * - Bulk: a recipient that is not a string, an empty or > 100 array is 400;
 *   a string not in international format is counted in stats.invalid and not
 *   queued; message_ids follow the valid recipients in order; when none is
 *   valid the request is 400. Duplicates are queued as often as they appear.
 * - device_id unknown: 400; known but offline: 503. Without device_id, plain
 *   messages go to the first online SMS device, then to any online device.
 *   With media_url the device must be a WhatsApp one: 400 when the chosen
 *   device is not, or when the key has none; 503 when none is online.
 * - Status of an id never accepted: 404. delivered_at is null until the
 *   message is delivered.
 * - Received: 25 a page as documented, newest first; per_page is ignored
 *   unless herald_fake_flixysms_set_honour_per_page(); page must be an
 *   integer >= 1 (else 400); a page past the end is empty, not 404;
 *   since/until are inclusive full ISO 8601 date-times (a bare date is 400);
 *   from must be in international format (else 400: it catches a '+' sent
 *   unescaped in the query, which arrives as a space); total_pages is 0 when
 *   nothing matches.
 * - Errors come as {"success":false,"error":"…"} unless a test injects
 *   another shape. 401 and 429 are checked before the path: an
 *   unauthenticated request learns nothing. Only authenticated requests count
 *   against a key's window (fixed windows); every answer carries the
 *   X-RateLimit-* headers of that window.
 * - 403 for a key without permission to send (herald_fake_flixysms_add_key).
 */
#define G_LOG_DOMAIN "herald-fake-flixysms"

#include <string.h>

#include "herald-fake-flixysms-private.h"

G_DEFINE_FINAL_TYPE (HeraldFakeFlixysms, herald_fake_flixysms, G_TYPE_OBJECT)

/* Faults */

static void
fire_unpause (SoupServerMessage *msg,
              gpointer           data)
{
  soup_server_message_unpause (msg);
}

static void
fire_close (SoupServerMessage *msg,
            gpointer           data)
{
  herald_fake_http_drop_connection (msg, FALSE, NULL, 0);
}

/* 200 and a Content-Length for all of @data (the answer's body), then half
 * of it. */
static void
fire_truncated (SoupServerMessage *msg,
                gpointer           data)
{
  GBytes *body = data;
  gsize size = g_bytes_get_size (body);
  g_autoptr(GString) raw = g_string_new (NULL);

  g_string_printf (raw, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                   "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", size);
  g_string_append_len (raw, g_bytes_get_data (body, NULL), size / 2);
  herald_fake_http_drop_connection (msg, FALSE, raw->str, raw->len);
}

static void
respond (SoupServerMessage *msg,
         Answer            *answer)
{
  soup_server_message_set_status (msg, answer->status, NULL);
  soup_server_message_set_response (msg, answer->content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (answer->body, NULL),
                                    g_bytes_get_size (answer->body));
}

static void
apply_fault (HeraldFakeFlixysms *self,
             SoupServerMessage  *msg,
             HeraldFakeFault    *fault,
             Answer             *answer,
             gboolean            processed)
{
  static const char canned[] =
    "{\"success\":true,\"message_id\":\"00000000-0000-4000-8000-000000000000\",\"status\":\"queued\"}";
  static const char html[] =
    "<!DOCTYPE html>\n<html><head><title>Sign in to the network</title></head>"
    "<body><p>Sign in to continue to the internet.</p></body></html>\n";
  g_autoptr(GBytes) body = NULL;
  Answer spoiled = { 0 };

  if (!processed)
    {
      fake_flixysms_answer_clear (answer);
      answer->status = SOUP_STATUS_OK;
      answer->content_type = g_strdup ("application/json");
      answer->body = g_bytes_new_static (canned, strlen (canned));
    }

  switch (fault->kind)
    {
    case HERALD_FAKE_FLIXYSMS_FAULT_NONE:
      respond (msg, answer);
      break;
    case FAULT_ERROR:
      fake_flixysms_answer_set_error_shape (&spoiled, fault->status, fault->shape, fault->message);
      respond (msg, &spoiled);
      break;
    case HERALD_FAKE_FLIXYSMS_FAULT_SERVER_ERROR:
      fake_flixysms_answer_set_error (&spoiled, SOUP_STATUS_INTERNAL_SERVER_ERROR, "Internal server error");
      respond (msg, &spoiled);
      break;
    case HERALD_FAKE_FLIXYSMS_FAULT_RATE_LIMITED:
      {
        SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
        g_autofree char *reset = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  g_get_real_time () / G_USEC_PER_SEC + 1);

        if (self->rate_headers)
          {
            g_autofree char *limit = g_strdup_printf ("%u", self->limit);

            soup_message_headers_replace (headers, "X-RateLimit-Limit", limit);
            soup_message_headers_replace (headers, "X-RateLimit-Remaining", "0");
            soup_message_headers_replace (headers, "X-RateLimit-Reset", reset);
          }
        fake_flixysms_set_retry_after (self, msg, 1);
        fake_flixysms_answer_set_error (&spoiled, STATUS_TOO_MANY_REQUESTS, "Rate limit exceeded");
        respond (msg, &spoiled);
      }
      break;
    case HERALD_FAKE_FLIXYSMS_FAULT_DELAY:
      respond (msg, answer);
      herald_fake_faults_hold (self->faults, msg, self->fault_delay_ms, TRUE, fire_unpause, NULL, NULL);
      break;
    case HERALD_FAKE_FLIXYSMS_FAULT_CLOSE:
      herald_fake_faults_hold (self->faults, msg, 0, TRUE, fire_close, NULL, NULL);
      break;
    case HERALD_FAKE_FLIXYSMS_FAULT_TRUNCATED:
      herald_fake_faults_hold (self->faults, msg, 0, TRUE, fire_truncated,
                               g_bytes_ref (answer->body), (GDestroyNotify) g_bytes_unref);
      break;
    case HERALD_FAKE_FLIXYSMS_FAULT_TRUNCATED_JSON:
      body = g_bytes_new_from_bytes (answer->body, 0, g_bytes_get_size (answer->body) / 2);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (body, NULL), g_bytes_get_size (body));
      break;
    case HERALD_FAKE_FLIXYSMS_FAULT_NOT_JSON:
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, html, strlen (html));
      break;
    case HERALD_FAKE_FLIXYSMS_FAULT_HUGE:
      {
        static const char head[] = "{\"success\":true,\"padding\":\"";
        static const char tail[] = "\"}";

        body = herald_fake_http_padded_body (head, tail, MAX (self->huge_size, sizeof head + sizeof tail));
      }
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (body, NULL), g_bytes_get_size (body));
      break;
    default:
      g_assert_not_reached ();
    }

  fake_flixysms_answer_clear (&spoiled);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  HeraldFakeFlixysms *self = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  Request *request = g_new0 (Request, 1);
  HeraldFakeFault *fault = herald_fake_faults_take (self->faults);
  Answer answer = { 0 };
  g_autofree char *status_id = NULL;
  const Route *row = fake_flixysms_route (path, &status_id);
  gboolean processed = FALSE;

  request->endpoint = row != NULL ? row->endpoint : HERALD_FAKE_FLIXYSMS_ENDPOINT_OTHER;
  request->uri = g_uri_get_query (uri) != NULL
    ? g_strconcat (g_uri_get_path (uri), "?", g_uri_get_query (uri), NULL)
    : g_strdup (g_uri_get_path (uri));
  g_ptr_array_add (self->requests, request);
  g_debug ("%s %s", soup_server_message_get_method (msg), request->uri);

  if (fault == NULL || fault->kind == HERALD_FAKE_FLIXYSMS_FAULT_NONE ||
      fault->kind == HERALD_FAKE_FLIXYSMS_FAULT_DELAY ||
      (fault->kind != FAULT_ERROR && (fault->flags & HERALD_FAKE_FLIXYSMS_FAULT_PROCESS) != 0))
    {
      fake_flixysms_process (self, msg, row, status_id, query, &answer);
      processed = TRUE;
    }

  if (fault != NULL && !processed)
    {
      /* the server still says where the key's window stands */
      const char *authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                                "Authorization");
      Key *key = authorization != NULL && g_ascii_strncasecmp (authorization, "Bearer ", 7) == 0
                 ? fake_flixysms_find_key (self, authorization + 7) : NULL;

      fake_flixysms_set_rate_headers (self, msg, key, g_get_real_time ());
    }

  if (fault != NULL)
    apply_fault (self, msg, fault, &answer, processed);
  else
    respond (msg, &answer);

  fake_flixysms_answer_clear (&answer);
  g_clear_pointer (&fault, herald_fake_fault_free);
}

/* GObject */

static void
herald_fake_flixysms_dispose (GObject *object)
{
  HeraldFakeFlixysms *self = HERALD_FAKE_FLIXYSMS (object);

  /* held-back answers first: they hold messages of the server */
  if (self->faults != NULL)
    herald_fake_faults_drop_held (self->faults);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (herald_fake_flixysms_parent_class)->dispose (object);
}

static void
herald_fake_flixysms_finalize (GObject *object)
{
  HeraldFakeFlixysms *self = HERALD_FAKE_FLIXYSMS (object);

  g_free (self->base_url);
  g_ptr_array_unref (self->keys);
  g_ptr_array_unref (self->devices);
  g_ptr_array_unref (self->received);
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->accepted);
  g_ptr_array_unref (self->requests);
  g_clear_pointer (&self->faults, herald_fake_faults_free);

  G_OBJECT_CLASS (herald_fake_flixysms_parent_class)->finalize (object);
}

static void
herald_fake_flixysms_class_init (HeraldFakeFlixysmsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_fake_flixysms_dispose;
  object_class->finalize = herald_fake_flixysms_finalize;
}

static void
herald_fake_flixysms_init (HeraldFakeFlixysms *self)
{
  self->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_flixysms_key_free);
  self->devices = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_flixysms_device_free);
  self->received = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_flixysms_received_free);
  self->accepted = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_flixysms_message_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_flixysms_request_free);
  self->faults = herald_fake_faults_new ();
  self->limit = 100;
  self->window_seconds = 60;
  self->rate_headers = TRUE;
  self->fault_delay_ms = 3000;
  self->huge_size = 32 * 1024 * 1024;
}

HeraldFakeFlixysms *
herald_fake_flixysms_new (const char  *api_key,
                          guint        port,
                          GError     **error)
{
  g_autoptr(HeraldFakeFlixysms) self = g_object_new (HERALD_TYPE_FAKE_FLIXYSMS, NULL);
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSocket) socket = NULL;

  g_return_val_if_fail (api_key != NULL && *api_key != '\0', NULL);
  g_return_val_if_fail (port <= G_MAXUINT16, NULL);

  herald_fake_flixysms_add_key (self, api_key, TRUE);

  /* our own socket, to learn the port: soup_server_get_uris () leaks an
   * address per call in libsoup 3.2 */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return NULL;
  address = g_inet_socket_address_new_from_string ("127.0.0.1", port);
  if (!g_socket_bind (socket, address, TRUE, error) || !g_socket_listen (socket, error))
    return NULL;
  if ((bound = g_socket_get_local_address (socket, error)) == NULL)
    return NULL;
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  self->base_url = g_strdup_printf ("http://127.0.0.1:%u" API_PREFIX, self->port);

  /* raw paths: a status ID is one segment even when it holds an escaped '/' */
  self->server = soup_server_new ("server-header", "flixysms-fake ", "raw-paths", TRUE, NULL);
  soup_server_add_handler (self->server, "/", server_cb, self, NULL);
  if (!soup_server_listen_socket (self->server, socket, 0, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
herald_fake_flixysms_get_base_url (HeraldFakeFlixysms *self)
{
  g_return_val_if_fail (HERALD_IS_FAKE_FLIXYSMS (self), NULL);

  return self->base_url;
}

guint
herald_fake_flixysms_get_port (HeraldFakeFlixysms *self)
{
  g_return_val_if_fail (HERALD_IS_FAKE_FLIXYSMS (self), 0);

  return self->port;
}

void
herald_fake_flixysms_add_key (HeraldFakeFlixysms *self,
                              const char         *api_key,
                              gboolean            can_send)
{
  Key *key;

  g_return_if_fail (HERALD_IS_FAKE_FLIXYSMS (self));
  g_return_if_fail (api_key != NULL && *api_key != '\0');

  key = g_new0 (Key, 1);
  key->key = g_strdup (api_key);
  key->can_send = can_send;
  g_ptr_array_add (self->keys, key);
}

void
herald_fake_flixysms_add_device (HeraldFakeFlixysms *self,
                                 const char         *id,
                                 const char         *name,
                                 const char         *phone,
                                 gboolean            whatsapp,
                                 gboolean            online)
{
  Device *device;

  g_return_if_fail (HERALD_IS_FAKE_FLIXYSMS (self));
  g_return_if_fail (id != NULL && fake_flixysms_find_device (self, id) == NULL);

  device = g_new0 (Device, 1);
  device->id = g_strdup (id);
  device->name = g_strdup (name);
  device->phone = g_strdup (phone);
  device->whatsapp = whatsapp;
  device->online = online;
  g_ptr_array_add (self->devices, device);
}

gboolean
herald_fake_flixysms_set_device_online (HeraldFakeFlixysms *self,
                                        const char         *id,
                                        gboolean            online)
{
  Device *device;

  g_return_val_if_fail (HERALD_IS_FAKE_FLIXYSMS (self), FALSE);

  if ((device = fake_flixysms_find_device (self, id)) == NULL)
    return FALSE;
  device->online = online;

  return TRUE;
}

void
herald_fake_flixysms_set_all_devices_online (HeraldFakeFlixysms *self,
                                             gboolean            online)
{
  g_return_if_fail (HERALD_IS_FAKE_FLIXYSMS (self));

  for (guint i = 0; i < self->devices->len; i++)
    ((Device *) g_ptr_array_index (self->devices, i))->online = online;
}

const char *
herald_fake_flixysms_add_received (HeraldFakeFlixysms *self,
                                   const char         *from,
                                   const char         *message,
                                   GDateTime          *received_at,
                                   const char         *device_id,
                                   const char         *type,
                                   int                 sim_slot)
{
  Received *received;

  g_return_val_if_fail (HERALD_IS_FAKE_FLIXYSMS (self), NULL);
  g_return_val_if_fail (from != NULL && message != NULL && received_at != NULL, NULL);
  g_return_val_if_fail (device_id != NULL && type != NULL, NULL);

  /* ids in the style of the document, stable from run to run */
  self->received_serial++;
  received = g_new0 (Received, 1);
  received->id = g_strdup_printf ("7f3c9a52-%04x-4e1b-9c2d-%012x",
                                  (self->received_serial >> 16) & 0xffff, self->received_serial);
  received->from = g_strdup (from);
  received->message = g_strdup (message);
  received->received_at = g_date_time_ref (received_at);
  received->device_id = g_strdup (device_id);
  received->type = g_strdup (type);
  received->sim_slot = sim_slot;
  g_ptr_array_add (self->received, received);

  return received->id;
}

void
herald_fake_flixysms_seed (HeraldFakeFlixysms *self)
{
  static const char * const senders[] = {
    "+233241234567", "+233201112233", "+447911123456", "+4915112345678",
    "+12025550143", "+2348031234567", "+33612345678", "+233551239876",
  };
  static const char * const texts[] = {
    "Hi, is the shop open on Saturday?",
    "Thanks, received with thanks 👍",
    "Please call me back when you can.",
    "STOP",
    "Can I change my delivery address to East Legon?",
    "Order #4471 arrived in good condition.",
    "Wie viel kostet der Versand nach Accra?",
    "Merci pour le rappel, à demain !",
    "What time does the workshop start?",
    "Yes, I confirm the appointment for 10:30.",
    "Is the 20% discount still valid this week?",
    "I'd like to unsubscribe from the newsletter.",
  };
  g_autoptr(GDateTime) latest = g_date_time_new_utc (2024, 1, 15, 10, 30, 0);

  g_return_if_fail (HERALD_IS_FAKE_FLIXYSMS (self));

  herald_fake_flixysms_add_device (self, HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL,
                                   "Pixel 7 (office)", "+233241000001", FALSE, TRUE);
  herald_fake_flixysms_add_device (self, HERALD_FAKE_FLIXYSMS_DEVICE_GALAXY,
                                   "Galaxy A54 (field team)", "+233201000002", FALSE, TRUE);
  herald_fake_flixysms_add_device (self, HERALD_FAKE_FLIXYSMS_DEVICE_WHATSAPP,
                                   "WhatsApp Business", "+233551000003", TRUE, TRUE);

  /* every 5 h 17 min going back from 15 January: about thirteen days */
  for (guint i = 0; i < HERALD_FAKE_FLIXYSMS_SEED_RECEIVED; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_minutes (latest, -(int) (i * 317));
      gboolean whatsapp = i % 3 == 2;
      const char *device = whatsapp ? HERALD_FAKE_FLIXYSMS_DEVICE_WHATSAPP
                         : i % 3 == 0 ? HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL
                                      : HERALD_FAKE_FLIXYSMS_DEVICE_GALAXY;

      herald_fake_flixysms_add_received (self, senders[(i * 5) % G_N_ELEMENTS (senders)],
                                         texts[(i * 7) % G_N_ELEMENTS (texts)], at, device,
                                         whatsapp ? "whatsapp" : "sms",
                                         whatsapp ? 0 : 1 + (int) (i % 2));
    }
}

void
herald_fake_flixysms_set_rate_limit (HeraldFakeFlixysms *self,
                                     guint               limit,
                                     guint               window_seconds)
{
  g_return_if_fail (HERALD_IS_FAKE_FLIXYSMS (self));
  g_return_if_fail (limit > 0 && window_seconds > 0);

  self->limit = limit;
  self->window_seconds = window_seconds;
  self->rate_limited = 0;
  self->rate_limited_after_first_window = 0;
  self->max_window_count = 0;
  for (guint i = 0; i < self->keys->len; i++)
    ((Key *) g_ptr_array_index (self->keys, i))->window_start = 0;
}

void
herald_fake_flixysms_set_rate_limit_headers (HeraldFakeFlixysms *self,
                                             gboolean            enabled)
{
  g_return_if_fail (HERALD_IS_FAKE_FLIXYSMS (self));

  self->rate_headers = enabled;
}

void
herald_fake_flixysms_set_honour_per_page (HeraldFakeFlixysms *self,
                                          gboolean            honour)
{
  g_return_if_fail (HERALD_IS_FAKE_FLIXYSMS (self));

  self->honour_per_page = honour;
}

void
herald_fake_flixysms_inject_fault (HeraldFakeFlixysms           *self,
                                   HeraldFakeFlixysmsFault       fault,
                                   guint                         count,
                                   HeraldFakeFlixysmsFaultFlags  flags)
{
  HeraldFakeFault entry = { .kind = fault, .count = count, .flags = flags };

  g_return_if_fail (HERALD_IS_FAKE_FLIXYSMS (self));
  g_return_if_fail (fault <= HERALD_FAKE_FLIXYSMS_FAULT_HUGE);

  herald_fake_faults_push (self->faults, &entry);
}

void
herald_fake_flixysms_inject_error (HeraldFakeFlixysms           *self,
                                   guint                         status,
                                   HeraldFakeFlixysmsErrorShape  shape,
                                   const char                   *message,
                                   guint                         count)
{
  HeraldFakeFault entry = {
    .kind = FAULT_ERROR, .count = count, .status = status, .shape = shape, .message = (char *) message,
  };

  g_return_if_fail (HERALD_IS_FAKE_FLIXYSMS (self));
  g_return_if_fail (status >= 100 && status < 600 && message != NULL);

  herald_fake_faults_push (self->faults, &entry);
}

void
herald_fake_flixysms_clear_faults (HeraldFakeFlixysms *self)
{
  g_return_if_fail (HERALD_IS_FAKE_FLIXYSMS (self));

  herald_fake_faults_clear (self->faults);
}

void
herald_fake_flixysms_set_fault_delay (HeraldFakeFlixysms *self,
                                      guint               delay_ms)
{
  g_return_if_fail (HERALD_IS_FAKE_FLIXYSMS (self));

  self->fault_delay_ms = delay_ms;
}

void
herald_fake_flixysms_set_huge_size (HeraldFakeFlixysms *self,
                                    gsize               size)
{
  g_return_if_fail (HERALD_IS_FAKE_FLIXYSMS (self));

  self->huge_size = size;
}

guint
herald_fake_flixysms_get_n_accepted (HeraldFakeFlixysms *self)
{
  g_return_val_if_fail (HERALD_IS_FAKE_FLIXYSMS (self), 0);

  return self->accepted->len;
}

const HeraldFakeFlixysmsMessage *
herald_fake_flixysms_get_accepted (HeraldFakeFlixysms *self,
                                   guint               index)
{
  g_return_val_if_fail (HERALD_IS_FAKE_FLIXYSMS (self), NULL);
  g_return_val_if_fail (index < self->accepted->len, NULL);

  return g_ptr_array_index (self->accepted, index);
}

const HeraldFakeFlixysmsMessage *
herald_fake_flixysms_lookup_accepted (HeraldFakeFlixysms *self,
                                      const char         *message_id)
{
  g_return_val_if_fail (HERALD_IS_FAKE_FLIXYSMS (self), NULL);

  return message_id != NULL ? g_hash_table_lookup (self->by_id, message_id) : NULL;
}

guint
herald_fake_flixysms_count_accepted_to (HeraldFakeFlixysms *self,
                                        const char         *to)
{
  guint count = 0;

  g_return_val_if_fail (HERALD_IS_FAKE_FLIXYSMS (self), 0);

  for (guint i = 0; i < self->accepted->len; i++)
    count += g_strcmp0 (((HeraldFakeFlixysmsMessage *) g_ptr_array_index (self->accepted, i))->to,
                        to) == 0;

  return count;
}

guint
herald_fake_flixysms_count_requests (HeraldFakeFlixysms         *self,
                                     HeraldFakeFlixysmsEndpoint  endpoint)
{
  guint count = 0;

  g_return_val_if_fail (HERALD_IS_FAKE_FLIXYSMS (self), 0);

  for (guint i = 0; i < self->requests->len; i++)
    {
      Request *request = g_ptr_array_index (self->requests, i);

      count += endpoint == HERALD_FAKE_FLIXYSMS_ENDPOINT_ANY || request->endpoint == endpoint;
    }

  return count;
}

const char *
herald_fake_flixysms_get_request_uri (HeraldFakeFlixysms *self,
                                      guint               index)
{
  g_return_val_if_fail (HERALD_IS_FAKE_FLIXYSMS (self), NULL);
  g_return_val_if_fail (index < self->requests->len, NULL);

  return ((Request *) g_ptr_array_index (self->requests, index))->uri;
}

guint
herald_fake_flixysms_get_n_unknown_fields (HeraldFakeFlixysms *self)
{
  g_return_val_if_fail (HERALD_IS_FAKE_FLIXYSMS (self), 0);

  return self->n_unknown_fields;
}

gboolean
herald_fake_flixysms_set_status (HeraldFakeFlixysms *self,
                                 const char         *message_id,
                                 const char         *status)
{
  HeraldFakeFlixysmsMessage *message;

  g_return_val_if_fail (HERALD_IS_FAKE_FLIXYSMS (self), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  if ((message = g_hash_table_lookup (self->by_id, message_id)) == NULL)
    return FALSE;

  g_free (message->status);
  message->status = g_strdup (status);
  g_clear_pointer (&message->delivered_at, g_date_time_unref);
  if (strcmp (status, "delivered") == 0)
    message->delivered_at = g_date_time_new_now_utc ();

  return TRUE;
}

const char *
herald_fake_flixysms_advance_status (HeraldFakeFlixysms *self,
                                     const char         *message_id)
{
  HeraldFakeFlixysmsMessage *message;

  g_return_val_if_fail (HERALD_IS_FAKE_FLIXYSMS (self), NULL);

  if ((message = g_hash_table_lookup (self->by_id, message_id)) == NULL)
    return NULL;

  if (strcmp (message->status, "queued") == 0)
    herald_fake_flixysms_set_status (self, message_id, "sent");
  else if (strcmp (message->status, "sent") == 0)
    herald_fake_flixysms_set_status (self, message_id, "delivered");

  return message->status;
}

void
herald_fake_flixysms_advance_all (HeraldFakeFlixysms *self)
{
  g_return_if_fail (HERALD_IS_FAKE_FLIXYSMS (self));

  for (guint i = 0; i < self->accepted->len; i++)
    herald_fake_flixysms_advance_status (self,
                                         ((HeraldFakeFlixysmsMessage *)
                                          g_ptr_array_index (self->accepted, i))->id);
}

guint
herald_fake_flixysms_get_rate_limited (HeraldFakeFlixysms *self)
{
  g_return_val_if_fail (HERALD_IS_FAKE_FLIXYSMS (self), 0);

  return self->rate_limited;
}

guint
herald_fake_flixysms_get_rate_limited_after_first_window (HeraldFakeFlixysms *self)
{
  g_return_val_if_fail (HERALD_IS_FAKE_FLIXYSMS (self), 0);

  return self->rate_limited_after_first_window;
}

guint
herald_fake_flixysms_get_max_window_count (HeraldFakeFlixysms *self)
{
  g_return_val_if_fail (HERALD_IS_FAKE_FLIXYSMS (self), 0);

  return self->max_window_count;
}

void
herald_fake_flixysms_set_aligned_windows (HeraldFakeFlixysms *self,
                                          gboolean            aligned)
{
  g_return_if_fail (HERALD_IS_FAKE_FLIXYSMS (self));

  self->aligned_windows = aligned;
  for (guint i = 0; i < self->keys->len; i++)
    ((Key *) g_ptr_array_index (self->keys, i))->window_start = 0;
}
