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
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "herald-fake-flixysms.h"
#include "herald-fake-http.h"

#define API_PREFIX        "/api/v1"
#define DEFAULT_PER_PAGE  25
#define MAX_PER_PAGE      100
#define BULK_MAX          100
#define FAULT_ERROR       (-1)   /* Fault.kind of an injected error */
#define STATUS_TOO_MANY_REQUESTS 429   /* not in libsoup's SoupStatus */

typedef struct
{
  char     *key;
  gboolean  can_send;
  gint64    window_start;   /* real time, µs; 0: no window yet */
  guint     count;
  guint     windows;        /* windows opened so far */
} Key;

typedef struct
{
  char     *id;
  char     *name;
  char     *phone;
  gboolean  whatsapp;
  gboolean  online;
} Device;

typedef struct
{
  char      *id;
  char      *from;
  char      *message;
  GDateTime *received_at;
  char      *device_id;
  char      *type;
  int        sim_slot;
} Received;

typedef struct
{
  HeraldFakeFlixysmsEndpoint endpoint;
  char                      *uri;
} Request;

struct _HeraldFakeFlixysms
{
  GObject     parent_instance;

  SoupServer *server;
  char       *base_url;
  guint       port;

  GPtrArray  *keys;        /* Key */
  GPtrArray  *devices;     /* Device */
  GPtrArray  *received;    /* Received */
  GPtrArray  *accepted;    /* HeraldFakeFlixysmsMessage */
  GHashTable *by_id;       /* id → HeraldFakeFlixysmsMessage, borrowed */
  GPtrArray  *requests;    /* Request */
  HeraldFakeFaults *faults;   /* HeraldFakeFault: kind is a HeraldFakeFlixysmsFault or FAULT_ERROR */

  guint       limit;
  guint       window_seconds;
  gboolean    rate_headers;
  gboolean    honour_per_page;
  guint       fault_delay_ms;
  gsize       huge_size;
  guint       n_unknown_fields;
  guint       received_serial;

  /* For benchmarks: the rate limit's own 429s (not injected ones). */
  guint       rate_limited;
  guint       rate_limited_after_first_window;
  guint       max_window_count;
  gboolean    aligned_windows;
};

G_DEFINE_FINAL_TYPE (HeraldFakeFlixysms, herald_fake_flixysms, G_TYPE_OBJECT)

/* What the server means to answer before any fault spoils it. */
typedef struct
{
  guint   status;
  char   *content_type;
  GBytes *body;
} Answer;

static void
answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->content_type, g_free);
  g_clear_pointer (&answer->body, g_bytes_unref);
}

static void
key_free (Key *key)
{
  g_free (key->key);
  g_free (key);
}

static void
device_free (Device *device)
{
  g_free (device->id);
  g_free (device->name);
  g_free (device->phone);
  g_free (device);
}

static void
received_free (Received *received)
{
  g_free (received->id);
  g_free (received->from);
  g_free (received->message);
  g_date_time_unref (received->received_at);
  g_free (received->device_id);
  g_free (received->type);
  g_free (received);
}

static void
message_free (HeraldFakeFlixysmsMessage *message)
{
  g_free (message->id);
  g_free (message->to);
  g_free (message->message);
  g_free (message->device_id);
  g_free (message->media_url);
  g_date_time_unref (message->accepted_at);
  g_free (message->status);
  g_clear_pointer (&message->delivered_at, g_date_time_unref);
  g_free (message);
}

static void
request_free (Request *request)
{
  g_free (request->uri);
  g_free (request);
}

/* JSON helpers */

static GBytes *
json_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  char *text = json_to_string (root, FALSE);

  return g_bytes_new_take (text, strlen (text));
}

static void
answer_set_json (Answer      *answer,
                 guint        status,
                 JsonBuilder *builder)
{
  answer_clear (answer);
  answer->status = status;
  answer->content_type = g_strdup ("application/json");
  answer->body = json_bytes (builder);
}

static void
answer_set_error_shape (Answer                       *answer,
                        guint                         status,
                        HeraldFakeFlixysmsErrorShape  shape,
                        const char                   *message)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (shape == HERALD_FAKE_FLIXYSMS_ERROR_PLAIN_TEXT)
    {
      answer_clear (answer);
      answer->status = status;
      answer->content_type = g_strdup ("text/plain");
      answer->body = g_bytes_new (message, strlen (message));
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  if (shape == HERALD_FAKE_FLIXYSMS_ERROR_SUCCESS_FALSE)
    {
      json_builder_set_member_name (builder, "success");
      json_builder_add_boolean_value (builder, FALSE);
    }
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  answer_set_json (answer, status, builder);
}

static void
answer_set_error (Answer     *answer,
                  guint       status,
                  const char *message)
{
  answer_set_error_shape (answer, status, HERALD_FAKE_FLIXYSMS_ERROR_SUCCESS_FALSE, message);
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* '+' and 7–15 digits; see the top of the file for the leading 0. */
static gboolean
is_international (const char *number)
{
  gsize digits = 0;

  if (number == NULL || number[0] != '+')
    return FALSE;
  for (const char *p = number + 1; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      digits++;
    }

  return digits >= 7 && digits <= 15;
}

static const char * const media_extensions[] = {
  "pdf", "jpg", "jpeg", "png", "gif", "webp", "mp4", "webm", "mp3", "ogg", "wav",
  "doc", "docx", "txt", "zip", NULL,
};

/* An http(s) URL with a host whose path ends in an extension the document lists. */
static gboolean
is_media_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme;
  const char *path;
  const char *dot;
  g_autofree char *extension = NULL;

  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return FALSE;
  if (g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return FALSE;
  path = g_uri_get_path (uri);
  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, '/') != NULL)
    return FALSE;
  extension = g_ascii_strdown (dot + 1, -1);

  return g_strv_contains (media_extensions, extension);
}

/* Keys and the rate limit */

static Key *
find_key (HeraldFakeFlixysms *self,
          const char         *value)
{
  for (guint i = 0; i < self->keys->len; i++)
    {
      Key *key = g_ptr_array_index (self->keys, i);

      if (g_strcmp0 (key->key, value) == 0)
        return key;
    }

  return NULL;
}

static void
key_refresh_window (HeraldFakeFlixysms *self,
                    Key                *key,
                    gint64              now)
{
  if (key->window_start == 0 ||
      now >= key->window_start + (gint64) self->window_seconds * G_USEC_PER_SEC)
    {
      gint64 window_usec = (gint64) self->window_seconds * G_USEC_PER_SEC;

      key->window_start = self->aligned_windows ? now - now % window_usec : now;
      key->count = 0;
      key->windows++;
    }
}

static gint64
key_reset_usec (HeraldFakeFlixysms *self,
                Key                *key,
                gint64              now)
{
  if (key == NULL || key->window_start == 0)
    return now + (gint64) self->window_seconds * G_USEC_PER_SEC;

  return key->window_start + (gint64) self->window_seconds * G_USEC_PER_SEC;
}

static void
set_rate_headers (HeraldFakeFlixysms *self,
                  SoupServerMessage  *msg,
                  Key                *key,
                  gint64              now)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  gint64 reset = key_reset_usec (self, key, now);
  guint used = key != NULL ? key->count : 0;
  g_autofree char *limit = g_strdup_printf ("%u", self->limit);
  g_autofree char *remaining = g_strdup_printf ("%u", used < self->limit ? self->limit - used : 0);
  g_autofree char *reset_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 (reset + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  if (!self->rate_headers)
    return;

  soup_message_headers_replace (headers, "X-RateLimit-Limit", limit);
  soup_message_headers_replace (headers, "X-RateLimit-Remaining", remaining);
  soup_message_headers_replace (headers, "X-RateLimit-Reset", reset_text);
}

static void
set_retry_after (HeraldFakeFlixysms *self,
                 SoupServerMessage  *msg,
                 gint64              seconds)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (seconds, 1));

  if (self->rate_headers)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "Retry-After", text);
}

/* Devices */

static Device *
find_device (HeraldFakeFlixysms *self,
             const char         *id)
{
  for (guint i = 0; i < self->devices->len; i++)
    {
      Device *device = g_ptr_array_index (self->devices, i);

      if (g_strcmp0 (device->id, id) == 0)
        return device;
    }

  return NULL;
}

static Device *
first_online (HeraldFakeFlixysms *self,
              int                 whatsapp)   /* -1: any */
{
  for (guint i = 0; i < self->devices->len; i++)
    {
      Device *device = g_ptr_array_index (self->devices, i);

      if (device->online && (whatsapp < 0 || device->whatsapp == whatsapp))
        return device;
    }

  return NULL;
}

/* The device a send goes to, or NULL with the refusal in @answer. */
static Device *
choose_device (HeraldFakeFlixysms *self,
               const char         *device_id,
               gboolean            media,
               Answer             *answer)
{
  Device *device;

  if (device_id != NULL)
    {
      device = find_device (self, device_id);
      if (device == NULL)
        answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "Device not found");
      else if (media && !device->whatsapp)
        answer_set_error (answer, SOUP_STATUS_BAD_REQUEST,
                          "media_url is only supported on WhatsApp devices");
      else if (!device->online)
        answer_set_error (answer, SOUP_STATUS_SERVICE_UNAVAILABLE, "Device is offline");
      else
        return device;

      return NULL;
    }

  if (media)
    {
      gboolean has_whatsapp = FALSE;

      for (guint i = 0; i < self->devices->len; i++)
        has_whatsapp |= ((Device *) g_ptr_array_index (self->devices, i))->whatsapp;
      if (!has_whatsapp)
        {
          answer_set_error (answer, SOUP_STATUS_BAD_REQUEST,
                            "media_url is only supported on WhatsApp devices");
          return NULL;
        }
      device = first_online (self, TRUE);
    }
  else
    {
      device = first_online (self, FALSE);
      if (device == NULL)
        device = first_online (self, -1);
    }

  if (device == NULL)
    answer_set_error (answer, SOUP_STATUS_SERVICE_UNAVAILABLE, "No devices available to send SMS");

  return device;
}

/* Request bodies */

static JsonObject *
read_body (SoupServerMessage *msg,
           JsonParser        *parser,
           Answer            *answer)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  JsonNode *root;

  if (content_type == NULL || g_ascii_strcasecmp (content_type, "application/json") != 0)
    {
      answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "Content-Type must be application/json");
      return NULL;
    }

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    {
      answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "Request body must be a JSON object");
      return NULL;
    }

  return json_node_get_object (root);
}

/* The member as a string; NULL when absent or null. FALSE (and a 400 in
 * @answer) when it is there with another type. */
static gboolean
get_optional_string (JsonObject  *object,
                     const char  *name,
                     const char **value,
                     Answer      *answer)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *text = NULL;

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *value = json_node_get_string (node);
      return TRUE;
    }

  text = g_strdup_printf ("%s must be a string", name);
  answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, text);

  return FALSE;
}

static gboolean
get_required_string (JsonObject  *object,
                     const char  *name,
                     const char **value,
                     Answer      *answer)
{
  g_autofree char *text = NULL;

  if (!get_optional_string (object, name, value, answer))
    return FALSE;
  if (*value != NULL && **value != '\0')
    return TRUE;

  text = g_strdup_printf ("%s is required", name);
  answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, text);

  return FALSE;
}

static void
count_unknown_fields (HeraldFakeFlixysms *self,
                      JsonObject         *object,
                      const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      self->n_unknown_fields++;
}

/* The fields send and bulk share; FALSE with a 400 in @answer. */
static gboolean
read_common_fields (JsonObject  *object,
                    const char **message,
                    const char **device_id,
                    const char **media_url,
                    Answer      *answer)
{
  if (!get_required_string (object, "message", message, answer) ||
      !get_optional_string (object, "device_id", device_id, answer) ||
      !get_optional_string (object, "media_url", media_url, answer))
    return FALSE;

  if (*device_id != NULL && **device_id == '\0')
    {
      answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "device_id must not be empty");
      return FALSE;
    }
  if (*media_url != NULL && !is_media_url (*media_url))
    {
      answer_set_error (answer, SOUP_STATUS_BAD_REQUEST,
                        "media_url must be an http(s) URL to a PDF, JPEG, PNG, GIF, WebP, MP4, "
                        "WebM, MP3, OGG, WAV, DOC, DOCX, TXT or ZIP file");
      return FALSE;
    }

  return TRUE;
}

static HeraldFakeFlixysmsMessage *
accept_message (HeraldFakeFlixysms *self,
                const char         *to,
                const char         *text,
                Device             *device,
                const char         *media_url,
                gboolean            bulk)
{
  HeraldFakeFlixysmsMessage *message = g_new0 (HeraldFakeFlixysmsMessage, 1);

  message->id = g_uuid_string_random ();
  message->to = g_strdup (to);
  message->message = g_strdup (text);
  message->device_id = g_strdup (device->id);
  message->media_url = g_strdup (media_url);
  message->accepted_at = g_date_time_new_now_utc ();
  message->status = g_strdup ("queued");
  message->bulk = bulk;
  g_ptr_array_add (self->accepted, message);
  g_hash_table_insert (self->by_id, message->id, message);

  return message;
}

/* Endpoints */

static void
handle_send (HeraldFakeFlixysms *self,
             SoupServerMessage  *msg,
             const char         *id,
             GHashTable         *query,
             Answer             *answer)
{
  static const char * const known[] = { "to", "message", "device_id", "media_url", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *object;
  const char *to, *text, *device_id, *media_url;
  HeraldFakeFlixysmsMessage *message;
  Device *device;

  if ((object = read_body (msg, parser, answer)) == NULL)
    return;
  count_unknown_fields (self, object, known);

  if (!get_required_string (object, "to", &to, answer))
    return;
  if (!is_international (to))
    {
      answer_set_error (answer, SOUP_STATUS_BAD_REQUEST,
                        "to must be a phone number in international format (+ and digits)");
      return;
    }
  if (!read_common_fields (object, &text, &device_id, &media_url, answer))
    return;
  if ((device = choose_device (self, device_id, media_url != NULL, answer)) == NULL)
    return;

  message = accept_message (self, to, text, device, media_url, FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "success");
  json_builder_add_boolean_value (builder, TRUE);
  add_string_member (builder, "message_id", message->id);
  add_string_member (builder, "device_id", message->device_id);
  add_string_member (builder, "status", message->status);
  add_string_member (builder, "to", message->to);
  add_string_member (builder, "message", message->message);
  if (media_url != NULL)
    add_string_member (builder, "media_url", media_url);
  json_builder_end_object (builder);
  answer_set_json (answer, SOUP_STATUS_OK, builder);
}

static void
handle_bulk (HeraldFakeFlixysms *self,
             SoupServerMessage  *msg,
             const char         *id,
             GHashTable         *query,
             Answer             *answer)
{
  static const char * const known[] = { "recipients", "message", "device_id", "media_url", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *object;
  JsonNode *node;
  JsonArray *recipients;
  const char *text, *device_id, *media_url;
  Device *device;
  guint n, valid = 0;

  if ((object = read_body (msg, parser, answer)) == NULL)
    return;
  count_unknown_fields (self, object, known);

  node = json_object_get_member (object, "recipients");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "recipients is required");
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "recipients must be an array");
      return;
    }
  recipients = json_node_get_array (node);
  n = json_array_get_length (recipients);
  if (n == 0)
    {
      answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "recipients must not be empty");
      return;
    }
  if (n > BULK_MAX)
    {
      answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "Maximum 100 recipients per request");
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (recipients, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "recipients must be strings");
          return;
        }
      if (is_international (json_node_get_string (element)))
        valid++;
    }
  if (!read_common_fields (object, &text, &device_id, &media_url, answer))
    return;
  if (valid == 0)
    {
      answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "No valid recipients");
      return;
    }
  if ((device = choose_device (self, device_id, media_url != NULL, answer)) == NULL)
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "success");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "message_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      const char *to = json_array_get_string_element (recipients, i);

      if (is_international (to))
        json_builder_add_string_value (builder,
                                       accept_message (self, to, text, device, media_url, TRUE)->id);
    }
  json_builder_end_array (builder);
  add_string_member (builder, "device_id", device->id);
  json_builder_set_member_name (builder, "stats");
  json_builder_begin_object (builder);
  add_int_member (builder, "total", n);
  add_int_member (builder, "valid", valid);
  add_int_member (builder, "invalid", n - valid);
  add_int_member (builder, "queued", valid);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  answer_set_json (answer, SOUP_STATUS_OK, builder);
}

static void
handle_status (HeraldFakeFlixysms *self,
               SoupServerMessage  *msg,
               const char         *escaped_id,
               GHashTable         *query,
               Answer             *answer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = g_uri_unescape_string (escaped_id, NULL);
  g_autofree char *delivered_at = NULL;
  HeraldFakeFlixysmsMessage *message;

  message = id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
  if (message == NULL)
    {
      answer_set_error (answer, SOUP_STATUS_NOT_FOUND, "Message not found");
      return;
    }

  if (message->delivered_at != NULL)
    delivered_at = format_time (message->delivered_at);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "success");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "data");
  json_builder_begin_object (builder);
  add_string_member (builder, "message_id", message->id);
  add_string_member (builder, "status", message->status);
  add_string_member (builder, "delivered_at", delivered_at);
  add_string_member (builder, "device_id", message->device_id);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  answer_set_json (answer, SOUP_STATUS_OK, builder);
}

/* A positive integer in decimal, nothing else. */
static gboolean
parse_positive (const char *text,
                guint       max,
                guint      *value)
{
  guint64 number;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, max, &number, NULL))
    return FALSE;
  *value = (guint) number;

  return TRUE;
}

static gboolean
parse_query_time (const char  *text,
                  GDateTime  **time)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  /* a full date-time: "YYYY-MM-DD" alone is refused (see top of file) */
  if (text == NULL || strchr (text, 'T') == NULL)
    return FALSE;
  *time = g_date_time_new_from_iso8601 (text, utc);

  return *time != NULL;
}

static int
compare_received (gconstpointer a,
                  gconstpointer b)
{
  const Received *ra = *(const Received * const *) a;
  const Received *rb = *(const Received * const *) b;
  int order = g_date_time_compare (rb->received_at, ra->received_at);

  return order != 0 ? order : g_strcmp0 (ra->id, rb->id);
}

static void
handle_received (HeraldFakeFlixysms *self,
                 SoupServerMessage  *msg,
                 const char         *id,
                 GHashTable         *query,
                 Answer             *answer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  const char *from = NULL;
  const char *device_id = NULL;
  const char *text;
  guint page = 1;
  guint per_page = DEFAULT_PER_PAGE;
  guint total_pages;
  guint first;

  if (query != NULL)
    {
      if ((text = g_hash_table_lookup (query, "page")) != NULL && !parse_positive (text, G_MAXINT, &page))
        {
          answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "page must be a positive integer");
          return;
        }
      if (self->honour_per_page && (text = g_hash_table_lookup (query, "per_page")) != NULL &&
          !parse_positive (text, MAX_PER_PAGE, &per_page))
        {
          answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "per_page must be between 1 and 100");
          return;
        }
      if ((text = g_hash_table_lookup (query, "since")) != NULL && !parse_query_time (text, &since))
        {
          answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "since must be an ISO 8601 date");
          return;
        }
      if ((text = g_hash_table_lookup (query, "until")) != NULL && !parse_query_time (text, &until))
        {
          answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "until must be an ISO 8601 date");
          return;
        }
      from = g_hash_table_lookup (query, "from");
      if (from != NULL && !is_international (from))
        {
          answer_set_error (answer, SOUP_STATUS_BAD_REQUEST,
                            "from must be a phone number in international format (+ and digits)");
          return;
        }
      device_id = g_hash_table_lookup (query, "device_id");
    }

  for (guint i = 0; i < self->received->len; i++)
    {
      Received *received = g_ptr_array_index (self->received, i);

      if ((from == NULL || strcmp (from, received->from) == 0) &&
          (device_id == NULL || strcmp (device_id, received->device_id) == 0) &&
          (since == NULL || g_date_time_compare (received->received_at, since) >= 0) &&
          (until == NULL || g_date_time_compare (received->received_at, until) <= 0))
        g_ptr_array_add (matches, received);
    }
  g_ptr_array_sort (matches, compare_received);

  total_pages = (matches->len + per_page - 1) / per_page;
  first = page <= total_pages ? (page - 1) * per_page : matches->len;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "success");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "data");
  json_builder_begin_array (builder);
  for (guint i = first; i < matches->len && i < first + per_page; i++)
    {
      Received *received = g_ptr_array_index (matches, i);
      Device *device = find_device (self, received->device_id);
      g_autofree char *received_at = format_time (received->received_at);

      json_builder_begin_object (builder);
      add_string_member (builder, "id", received->id);
      add_string_member (builder, "from", received->from);
      add_string_member (builder, "message", received->message);
      add_string_member (builder, "received_at", received_at);
      add_string_member (builder, "device_id", received->device_id);
      add_string_member (builder, "device_name", device != NULL ? device->name : NULL);
      add_string_member (builder, "device_phone", device != NULL ? device->phone : NULL);
      add_string_member (builder, "type", received->type);
      json_builder_set_member_name (builder, "metadata");
      json_builder_begin_object (builder);
      if (received->sim_slot > 0)
        add_int_member (builder, "sim_slot", received->sim_slot);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "pagination");
  json_builder_begin_object (builder);
  add_int_member (builder, "page", page);
  add_int_member (builder, "per_page", per_page);
  add_int_member (builder, "total", matches->len);
  add_int_member (builder, "total_pages", total_pages);
  json_builder_set_member_name (builder, "has_more");
  json_builder_add_boolean_value (builder, page < total_pages);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  answer_set_json (answer, SOUP_STATUS_OK, builder);
}

/* What answers a request: the first row whose pattern (see
 * herald_fake_http_match_route(), after /api/v1/) matches the path; the
 * method is checked after the key, as the server does. /sms/... and
 * /message/... are aliases. */
typedef void (*Handler) (HeraldFakeFlixysms *self,
                         SoupServerMessage  *msg,
                         const char         *id,
                         GHashTable         *query,
                         Answer             *answer);

typedef struct
{
  const char                 *method;
  const char                 *pattern;
  HeraldFakeFlixysmsEndpoint  endpoint;
  Handler                     handler;
} Route;

static const Route routes[] = {
  { "GET",  "messages/received", HERALD_FAKE_FLIXYSMS_ENDPOINT_RECEIVED, handle_received },
  { "GET",  "message/received",  HERALD_FAKE_FLIXYSMS_ENDPOINT_RECEIVED, handle_received },
  { "POST", "sms/send",          HERALD_FAKE_FLIXYSMS_ENDPOINT_SEND,     handle_send },
  { "POST", "message/send",      HERALD_FAKE_FLIXYSMS_ENDPOINT_SEND,     handle_send },
  { "POST", "sms/bulk",          HERALD_FAKE_FLIXYSMS_ENDPOINT_BULK,     handle_bulk },
  { "POST", "message/bulk",      HERALD_FAKE_FLIXYSMS_ENDPOINT_BULK,     handle_bulk },
  { "GET",  "sms/status/+",      HERALD_FAKE_FLIXYSMS_ENDPOINT_STATUS,   handle_status },
  { "GET",  "message/status/+",  HERALD_FAKE_FLIXYSMS_ENDPOINT_STATUS,   handle_status },
};

/* The row for @path (NULL: none), with a copy of the status id in @id. */
static const Route *
route (const char  *path,
       char       **id)
{
  g_auto(GStrv) segments = NULL;
  guint n;

  *id = NULL;
  if (!g_str_has_prefix (path, API_PREFIX "/"))
    return NULL;
  segments = g_strsplit (path + strlen (API_PREFIX "/"), "/", -1);
  n = g_strv_length (segments);

  for (gsize i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      const char *param = NULL;

      if (herald_fake_http_match_route (routes[i].pattern, (const char * const *) segments, n, &param))
        {
          *id = g_strdup (param);
          return &routes[i];
        }
    }

  return NULL;
}

/* Everything a well-behaved server does with a request. */
static void
process (HeraldFakeFlixysms         *self,
         SoupServerMessage          *msg,
         const Route                *route,
         const char                 *status_id,
         GHashTable                 *query,
         Answer                     *answer)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  const char *method = soup_server_message_get_method (msg);
  gint64 now = g_get_real_time ();
  gboolean post;
  Key *key = NULL;

  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0 ||
      authorization[7] == '\0')
    {
      answer_set_error (answer, SOUP_STATUS_UNAUTHORIZED, "Missing API key");
      set_rate_headers (self, msg, NULL, now);
      return;
    }
  if ((key = find_key (self, authorization + 7)) == NULL)
    {
      answer_set_error (answer, SOUP_STATUS_UNAUTHORIZED, "Invalid API key");
      set_rate_headers (self, msg, NULL, now);
      return;
    }

  key_refresh_window (self, key, now);
  if (key->count >= self->limit)
    {
      self->rate_limited++;
      if (key->windows > 1)
        self->rate_limited_after_first_window++;
      answer_set_error (answer, STATUS_TOO_MANY_REQUESTS, "Rate limit exceeded");
      set_rate_headers (self, msg, key, now);
      set_retry_after (self, msg,
                       (key_reset_usec (self, key, now) - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
      return;
    }
  key->count++;
  self->max_window_count = MAX (self->max_window_count, key->count);
  set_rate_headers (self, msg, key, now);

  if (route == NULL)
    {
      answer_set_error (answer, SOUP_STATUS_NOT_FOUND, "Not found");
      return;
    }
  post = strcmp (route->method, "POST") == 0;
  if (strcmp (method, route->method) != 0)
    {
      answer_set_error (answer, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method not allowed");
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", route->method);
      return;
    }
  if (post && !key->can_send)
    {
      answer_set_error (answer, SOUP_STATUS_FORBIDDEN,
                        "API key doesn't have permission for this endpoint");
      return;
    }

  route->handler (self, msg, status_id, query, answer);
}

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
      answer_clear (answer);
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
      answer_set_error_shape (&spoiled, fault->status, fault->shape, fault->message);
      respond (msg, &spoiled);
      break;
    case HERALD_FAKE_FLIXYSMS_FAULT_SERVER_ERROR:
      answer_set_error (&spoiled, SOUP_STATUS_INTERNAL_SERVER_ERROR, "Internal server error");
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
        set_retry_after (self, msg, 1);
        answer_set_error (&spoiled, STATUS_TOO_MANY_REQUESTS, "Rate limit exceeded");
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

  answer_clear (&spoiled);
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
  const Route *row = route (path, &status_id);
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
      process (self, msg, row, status_id, query, &answer);
      processed = TRUE;
    }

  if (fault != NULL && !processed)
    {
      /* the server still says where the key's window stands */
      const char *authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                                "Authorization");
      Key *key = authorization != NULL && g_ascii_strncasecmp (authorization, "Bearer ", 7) == 0
                 ? find_key (self, authorization + 7) : NULL;

      set_rate_headers (self, msg, key, g_get_real_time ());
    }

  if (fault != NULL)
    apply_fault (self, msg, fault, &answer, processed);
  else
    respond (msg, &answer);

  answer_clear (&answer);
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
  self->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) key_free);
  self->devices = g_ptr_array_new_with_free_func ((GDestroyNotify) device_free);
  self->received = g_ptr_array_new_with_free_func ((GDestroyNotify) received_free);
  self->accepted = g_ptr_array_new_with_free_func ((GDestroyNotify) message_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) request_free);
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
  g_return_if_fail (id != NULL && find_device (self, id) == NULL);

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

  if ((device = find_device (self, id)) == NULL)
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
