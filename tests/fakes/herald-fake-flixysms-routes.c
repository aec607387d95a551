/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The FlixySMS fake's routes: answers as JSON, keys and the rate limit,
 * request bodies, the four handlers, the route table and what every request
 * meets. The rules they follow are listed at the top of
 * herald-fake-flixysms.c. */
#define G_LOG_DOMAIN "herald-fake-flixysms"

#include <string.h>

#include "herald-fake-flixysms-private.h"

void
fake_flixysms_answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->content_type, g_free);
  g_clear_pointer (&answer->body, g_bytes_unref);
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
  fake_flixysms_answer_clear (answer);
  answer->status = status;
  answer->content_type = g_strdup ("application/json");
  answer->body = json_bytes (builder);
}

void
fake_flixysms_answer_set_error_shape (Answer                       *answer,
                                      guint                         status,
                                      HeraldFakeFlixysmsErrorShape  shape,
                                      const char                   *message)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (shape == HERALD_FAKE_FLIXYSMS_ERROR_PLAIN_TEXT)
    {
      fake_flixysms_answer_clear (answer);
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

void
fake_flixysms_answer_set_error (Answer     *answer,
                                guint       status,
                                const char *message)
{
  fake_flixysms_answer_set_error_shape (answer, status, HERALD_FAKE_FLIXYSMS_ERROR_SUCCESS_FALSE, message);
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

Key *
fake_flixysms_find_key (HeraldFakeFlixysms *self,
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

void
fake_flixysms_set_rate_headers (HeraldFakeFlixysms *self,
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

void
fake_flixysms_set_retry_after (HeraldFakeFlixysms *self,
                               SoupServerMessage  *msg,
                               gint64              seconds)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (seconds, 1));

  if (self->rate_headers)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "Retry-After", text);
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
      device = fake_flixysms_find_device (self, device_id);
      if (device == NULL)
        fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "Device not found");
      else if (media && !device->whatsapp)
        fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST,
                                        "media_url is only supported on WhatsApp devices");
      else if (!device->online)
        fake_flixysms_answer_set_error (answer, SOUP_STATUS_SERVICE_UNAVAILABLE, "Device is offline");
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
          fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST,
                                          "media_url is only supported on WhatsApp devices");
          return NULL;
        }
      device = fake_flixysms_first_online (self, TRUE);
    }
  else
    {
      device = fake_flixysms_first_online (self, FALSE);
      if (device == NULL)
        device = fake_flixysms_first_online (self, -1);
    }

  if (device == NULL)
    fake_flixysms_answer_set_error (answer, SOUP_STATUS_SERVICE_UNAVAILABLE, "No devices available to send SMS");

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
      fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "Content-Type must be application/json");
      return NULL;
    }

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    {
      fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "Request body must be a JSON object");
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
  fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, text);

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
  fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, text);

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
      fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "device_id must not be empty");
      return FALSE;
    }
  if (*media_url != NULL && !is_media_url (*media_url))
    {
      fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST,
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
      fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST,
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
      fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "recipients is required");
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "recipients must be an array");
      return;
    }
  recipients = json_node_get_array (node);
  n = json_array_get_length (recipients);
  if (n == 0)
    {
      fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "recipients must not be empty");
      return;
    }
  if (n > BULK_MAX)
    {
      fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "Maximum 100 recipients per request");
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (recipients, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "recipients must be strings");
          return;
        }
      if (is_international (json_node_get_string (element)))
        valid++;
    }
  if (!read_common_fields (object, &text, &device_id, &media_url, answer))
    return;
  if (valid == 0)
    {
      fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "No valid recipients");
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
      fake_flixysms_answer_set_error (answer, SOUP_STATUS_NOT_FOUND, "Message not found");
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
          fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "page must be a positive integer");
          return;
        }
      if (self->honour_per_page && (text = g_hash_table_lookup (query, "per_page")) != NULL &&
          !parse_positive (text, MAX_PER_PAGE, &per_page))
        {
          fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "per_page must be between 1 and 100");
          return;
        }
      if ((text = g_hash_table_lookup (query, "since")) != NULL && !parse_query_time (text, &since))
        {
          fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "since must be an ISO 8601 date");
          return;
        }
      if ((text = g_hash_table_lookup (query, "until")) != NULL && !parse_query_time (text, &until))
        {
          fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST, "until must be an ISO 8601 date");
          return;
        }
      from = g_hash_table_lookup (query, "from");
      if (from != NULL && !is_international (from))
        {
          fake_flixysms_answer_set_error (answer, SOUP_STATUS_BAD_REQUEST,
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
      Device *device = fake_flixysms_find_device (self, received->device_id);
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
const Route *
fake_flixysms_route (const char  *path,
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
void
fake_flixysms_process (HeraldFakeFlixysms         *self,
                       SoupServerMessage          *msg,
                       const Route                *row,
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
      fake_flixysms_answer_set_error (answer, SOUP_STATUS_UNAUTHORIZED, "Missing API key");
      fake_flixysms_set_rate_headers (self, msg, NULL, now);
      return;
    }
  if ((key = fake_flixysms_find_key (self, authorization + 7)) == NULL)
    {
      fake_flixysms_answer_set_error (answer, SOUP_STATUS_UNAUTHORIZED, "Invalid API key");
      fake_flixysms_set_rate_headers (self, msg, NULL, now);
      return;
    }

  key_refresh_window (self, key, now);
  if (key->count >= self->limit)
    {
      self->rate_limited++;
      if (key->windows > 1)
        self->rate_limited_after_first_window++;
      fake_flixysms_answer_set_error (answer, STATUS_TOO_MANY_REQUESTS, "Rate limit exceeded");
      fake_flixysms_set_rate_headers (self, msg, key, now);
      fake_flixysms_set_retry_after (self, msg,
                                     (key_reset_usec (self, key, now) - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
      return;
    }
  key->count++;
  self->max_window_count = MAX (self->max_window_count, key->count);
  fake_flixysms_set_rate_headers (self, msg, key, now);

  if (row == NULL)
    {
      fake_flixysms_answer_set_error (answer, SOUP_STATUS_NOT_FOUND, "Not found");
      return;
    }
  post = strcmp (row->method, "POST") == 0;
  if (strcmp (method, row->method) != 0)
    {
      fake_flixysms_answer_set_error (answer, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method not allowed");
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", row->method);
      return;
    }
  if (post && !key->can_send)
    {
      fake_flixysms_answer_set_error (answer, SOUP_STATUS_FORBIDDEN,
                                      "API key doesn't have permission for this endpoint");
      return;
    }

  row->handler (self, msg, status_id, query, answer);
}
