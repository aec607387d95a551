/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-bridge-request"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "herald-bridge-request.h"
#include "net/herald-json-reader.h"
#include "text/herald-phone-number.h"

G_DEFINE_QUARK (herald-bridge-request-error-quark, herald_bridge_request_error)

const char *
herald_bridge_request_error_code (const GError *error)
{
  static const char * const codes[] = {
    [HERALD_BRIDGE_REQUEST_ERROR_BAD_JSON] = "invalid_json",
    [HERALD_BRIDGE_REQUEST_ERROR_MISSING_FIELD] = "missing_field",
    [HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD] = "invalid_field",
    [HERALD_BRIDGE_REQUEST_ERROR_INVALID_NUMBER] = "invalid_number",
    [HERALD_BRIDGE_REQUEST_ERROR_MEDIA] = "media_not_supported",
    [HERALD_BRIDGE_REQUEST_ERROR_TOO_MANY] = "too_many_recipients",
  };

  if (error == NULL || error->domain != HERALD_BRIDGE_REQUEST_ERROR || error->code < 0 ||
      (gsize) error->code >= G_N_ELEMENTS (codes))
    return "bad_request";
  return codes[error->code];
}

/* ---- JSON bodies --------------------------------------------------------- */

static GError *
json_problem (const char        *label,
              const char        *field,
              HeraldJsonProblem  problem)
{
  switch (problem)
    {
    case HERALD_JSON_PROBLEM_MISSING:
      return g_error_new (HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_MISSING_FIELD,
                          _("“%s” is required (see the API's documentation of %s)."), field, label);
    case HERALD_JSON_PROBLEM_NOT_OBJECT:
      if (field == NULL)
        return g_error_new (HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_BAD_JSON,
                            _("The body must be one JSON object (with Content-Type: application/json)."));
      return g_error_new (HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD,
                          _("“%s” must be an object."), field);
    case HERALD_JSON_PROBLEM_EMPTY:
      return g_error_new (HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD,
                          _("“%s” must not be empty."), field);
    case HERALD_JSON_PROBLEM_NOT_ARRAY:
      return g_error_new (HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD,
                          _("“%s” must be an array."), field);
    case HERALD_JSON_PROBLEM_NOT_STRING:
      return g_error_new (HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD,
                          _("“%s” must be a string."), field);
    case HERALD_JSON_PROBLEM_NOT_INTEGER:
    case HERALD_JSON_PROBLEM_OUT_OF_RANGE:
    case HERALD_JSON_PROBLEM_NOT_NUMBER:
    case HERALD_JSON_PROBLEM_NOT_BOOLEAN:
    case HERALD_JSON_PROBLEM_NOT_DATE:
    default:
      return g_error_new (HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD,
                          _("“%s” has the wrong type or value."), field != NULL ? field : label);
    }
}

static const HeraldJsonRules bridge_rules = { json_problem, FALSE };

static JsonNode *
parse_body (const char  *body,
            gsize        length,
            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local = NULL;

  if (body == NULL || length == 0)
    {
      g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_BAD_JSON,
                   _("The body is empty: send one JSON object (with Content-Type: application/json)."));
      return NULL;
    }
  if (length > HERALD_BRIDGE_MAX_BODY || !g_utf8_validate_len (body, length, NULL) ||
      memchr (body, '\0', length) != NULL)
    {
      g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_BAD_JSON,
                   _("The body is not JSON text (UTF-8, no NUL bytes, at most %d bytes)."),
                   HERALD_BRIDGE_MAX_BODY);
      return NULL;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, body, (gssize) length, &local))
    {
      /* json-glib's words can quote a bad escape as raw bytes that are not
       * UTF-8 (`"\2"`): they go into a JSON answer. */
      g_autofree char *why = g_utf8_make_valid (local->message, -1);

      g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_BAD_JSON,
                   _("The body is not valid JSON: %s."), why);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_BAD_JSON,
                   _("The body is empty: send one JSON object (with Content-Type: application/json)."));
      return NULL;
    }
  return json_parser_steal_root (parser);
}

void
herald_bridge_send_request_free (HeraldBridgeSendRequest *request)
{
  if (request == NULL)
    return;
  g_clear_pointer (&request->recipients, g_ptr_array_unref);
  g_clear_pointer (&request->invalid, g_ptr_array_unref);
  g_free (request->message);
  g_free (request->device_id);
  g_free (request);
}

static void
invalid_free (gpointer data)
{
  HeraldBridgeInvalid *invalid = data;

  g_free (invalid->input);
  g_free (invalid->reason);
  g_free (invalid);
}

/* The parts both bodies share: message, device_id, and no media_url. */
static HeraldBridgeSendRequest *
read_common (const HeraldJsonCursor  *cursor,
             GError                 **error)
{
  g_autoptr(HeraldBridgeSendRequest) request = g_new0 (HeraldBridgeSendRequest, 1);

  request->recipients = g_ptr_array_new_with_free_func (g_free);
  request->invalid = g_ptr_array_new_with_free_func (invalid_free);

  if (!herald_json_read_string (cursor, "message", HERALD_JSON_REQUIRED | HERALD_JSON_NON_EMPTY,
                                &request->message, error) ||
      !herald_json_read_string (cursor, "device_id", HERALD_JSON_OPTIONAL, &request->device_id, error))
    return NULL;
  if (request->device_id != NULL && request->device_id[0] == '\0')
    g_clear_pointer (&request->device_id, g_free);

  /* Any media_url at all, even an empty one: the sender meant media. */
  if (json_object_has_member (cursor->object, "media_url") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (cursor->object, "media_url")))
    {
      g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_MEDIA,
                   _("“media_url” cannot be sent: this bridge sends SMS through local modems, which carry "
                     "no media (FlixySMS sends media only through WhatsApp devices). Leave “media_url” out, "
                     "or put the link in “message”."));
      return NULL;
    }
  return g_steal_pointer (&request);
}

/* @input as E.164, or NULL with the reason. */
static char *
normalise_number (const char  *input,
                  char       **reason)
{
  g_autoptr(HeraldPhoneNumber) number = NULL;
  g_autoptr(GError) error = NULL;

  number = herald_phone_number_parse (input, NULL, HERALD_PHONE_NUMBER_FLAGS_NONE, &error);
  if (number == NULL)
    {
      *reason = g_strdup (error->message);
      return NULL;
    }
  return g_strdup (herald_phone_number_get_e164 (number));
}

static gboolean
read_root (const char        *body,
           gsize              length,
           const char        *label,
           JsonNode         **root,
           HeraldJsonCursor  *cursor,
           GError           **error)
{
  *root = parse_body (body, length, error);
  return *root != NULL && herald_json_read_root (*root, &bridge_rules, label, cursor, error);
}

HeraldBridgeSendRequest *
herald_bridge_parse_send (const char  *body,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(HeraldBridgeSendRequest) request = NULL;
  g_autofree char *to = NULL;
  g_autofree char *reason = NULL;
  HeraldJsonCursor cursor;
  char *e164;

  if (!read_root (body, length, "POST /sms/send", &root, &cursor, error) ||
      !herald_json_read_string (&cursor, "to", HERALD_JSON_REQUIRED | HERALD_JSON_NON_EMPTY, &to, error))
    return NULL;
  request = read_common (&cursor, error);
  if (request == NULL)
    return NULL;

  e164 = normalise_number (to, &reason);
  if (e164 == NULL)
    {
      g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_NUMBER,
                   _("“to” is not a valid phone number (%s): give it in international form, such as "
                     "+233241234567."), reason);
      return NULL;
    }
  g_ptr_array_add (request->recipients, e164);
  return g_steal_pointer (&request);
}

HeraldBridgeSendRequest *
herald_bridge_parse_bulk (const char  *body,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(HeraldBridgeSendRequest) request = NULL;
  g_auto(GStrv) recipients = NULL;
  HeraldJsonCursor cursor;
  guint n;

  if (!read_root (body, length, "POST /sms/bulk", &root, &cursor, error))
    return NULL;
  recipients = herald_json_read_strv (&cursor, "recipients", HERALD_JSON_REQUIRED | HERALD_JSON_NON_EMPTY, error);
  if (recipients == NULL)
    return NULL;
  n = g_strv_length (recipients);
  if (n == 0)
    {
      g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD,
                   _("“recipients” is empty: give 1 to %d phone numbers."), HERALD_BRIDGE_MAX_BULK);
      return NULL;
    }
  if (n > HERALD_BRIDGE_MAX_BULK)
    {
      g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_TOO_MANY,
                   _("“recipients” has %u numbers; a request takes at most %d: split it."),
                   n, HERALD_BRIDGE_MAX_BULK);
      return NULL;
    }
  request = read_common (&cursor, error);
  if (request == NULL)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *reason = NULL;
      char *e164 = normalise_number (recipients[i], &reason);

      if (e164 != NULL)
        {
          g_ptr_array_add (request->recipients, e164);
        }
      else
        {
          HeraldBridgeInvalid *invalid = g_new0 (HeraldBridgeInvalid, 1);

          invalid->input = g_strdup (recipients[i]);
          invalid->reason = g_steal_pointer (&reason);
          g_ptr_array_add (request->invalid, invalid);
        }
    }
  if (request->recipients->len == 0)
    {
      const HeraldBridgeInvalid *first = request->invalid->pdata[0];

      g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_NUMBER,
                   _("None of “recipients” is a valid phone number (the first, “%s”: %s); give them in "
                     "international form, such as +233241234567."), first->input, first->reason);
      return NULL;
    }
  return g_steal_pointer (&request);
}

/* ---- the query of GET /messages/received ----------------------------------- */

void
herald_bridge_received_query_free (HeraldBridgeReceivedQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->device_id);
  g_free (query->from);
  g_free (query);
}

static gboolean
parse_time (const char  *name,
            const char  *text,
            gint64      *out,
            GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, utc);

  if (time == NULL && strlen (text) == 10)
    {
      g_autofree char *midnight = g_strconcat (text, "T00:00:00Z", NULL);

      time = g_date_time_new_from_iso8601 (midnight, utc);
    }
  if (time == NULL)
    {
      g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD,
                   _("“%s” is not an ISO 8601 date: give it as 2024-01-31T23:59:59Z (or 2024-01-31)."), name);
      return FALSE;
    }
  *out = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
  return TRUE;
}

HeraldBridgeReceivedQuery *
herald_bridge_parse_received_query (const char  *query,
                                    GError     **error)
{
  g_autoptr(HeraldBridgeReceivedQuery) out = g_new0 (HeraldBridgeReceivedQuery, 1);
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GError) local = NULL;
  const char *value;

  out->page = 1;
  if (query == NULL || *query == '\0')
    return g_steal_pointer (&out);

  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, &local);
  if (params == NULL)
    {
      /* NOLINTNEXTLINE(clang-analyzer-unix.Malloc): g_autoptr frees it; the analyzer loses it here */
      g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD,
                   _("The query string cannot be read: %s."), local->message);
      return NULL;
    }
  {
    GHashTableIter iter;
    gpointer name;
    gpointer text;

    g_hash_table_iter_init (&iter, params);
    while (g_hash_table_iter_next (&iter, &name, &text))
      if (!g_utf8_validate (name, -1, NULL) || !g_utf8_validate (text, -1, NULL))
        {
          g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD,
                       _("The query string is not UTF-8 once decoded."));
          return NULL;
        }
  }

  value = g_hash_table_lookup (params, "page");
  if (value != NULL)
    {
      guint64 page = 0;

      if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT, &page, NULL))
        {
          g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD,
                       _("“page” must be a whole number from 1."));
          return NULL;
        }
      out->page = (guint) page;
    }

  value = g_hash_table_lookup (params, "device_id");
  if (value != NULL && *value != '\0')
    out->device_id = g_strdup (value);

  value = g_hash_table_lookup (params, "from");
  if (value != NULL && *value != '\0')
    {
      g_autofree char *reason = NULL;

      out->from = normalise_number (value, &reason);
      if (out->from == NULL)
        {
          g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_NUMBER,
                       _("“from” is not a valid phone number (%s): give it in international form, such as "
                         "+233241234567 (a “+” in a query is written %%2B)."), reason);
          return NULL;
        }
    }

  value = g_hash_table_lookup (params, "since");
  if (value != NULL && *value != '\0' && !parse_time ("since", value, &out->since, error))
    return NULL;
  value = g_hash_table_lookup (params, "until");
  if (value != NULL && *value != '\0' && !parse_time ("until", value, &out->until, error))
    return NULL;

  return g_steal_pointer (&out);
}

/* ---- headers and paths --------------------------------------------------- */

gboolean
herald_bridge_parse_bearer (const char  *header,
                            const char **key,
                            gsize       *length)
{
  const char *start;
  const char *end;

  if (header == NULL || g_ascii_strncasecmp (header, "Bearer", 6) != 0 ||
      (header[6] != ' ' && header[6] != '\t'))
    return FALSE;
  start = header + 6;
  while (*start == ' ' || *start == '\t')
    start++;
  end = start + strlen (start);
  while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  if (end == start)
    return FALSE;
  *key = start;
  *length = (gsize) (end - start);
  return TRUE;
}

gboolean
herald_bridge_match_path (const char  *pattern,
                          const char  *path,
                          char       **param)
{
  g_auto(GStrv) want = NULL;
  g_auto(GStrv) have = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *value = NULL;
  gsize length;
  guint n;

  if (pattern == NULL || path == NULL || path[0] != '/')
    return FALSE;
  trimmed = g_strdup (path);
  length = strlen (trimmed);
  if (length > 1 && trimmed[length - 1] == '/')
    trimmed[length - 1] = '\0';

  want = g_strsplit (pattern, "/", -1);
  have = g_strsplit (trimmed, "/", -1);
  n = g_strv_length (want);
  if (n != g_strv_length (have))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (want[i][0] == ':')
        {
          if (have[i][0] == '\0')
            return FALSE;
          g_free (value);
          value = g_uri_unescape_string (have[i], "/");
          /* Decoded, it lands in answers (JSON): UTF-8 only, no NUL. */
          if (value == NULL || !g_utf8_validate (value, -1, NULL))
            return FALSE;
        }
      else if (strcmp (want[i], have[i]) != 0)
        {
          return FALSE;
        }
    }
  if (param != NULL)
    *param = g_steal_pointer (&value);
  return TRUE;
}

gboolean
herald_bridge_parse_basic (const char  *header,
                           char       **password)
{
  g_autofree guchar *decoded = NULL;
  g_autofree char *encoded = NULL;
  const char *start;
  const char *colon;
  gsize length = 0;
  gboolean ok;

  if (header == NULL || g_ascii_strncasecmp (header, "Basic", 5) != 0 || (header[5] != ' ' && header[5] != '\t'))
    return FALSE;
  start = header + 5;
  while (*start == ' ' || *start == '\t')
    start++;
  encoded = g_strstrip (g_strdup (start));
  if (*encoded == '\0' || strspn (encoded, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
      != strlen (encoded))
    return FALSE;
  decoded = g_base64_decode (encoded, &length);
  colon = decoded != NULL ? memchr (decoded, ':', length) : NULL;
  ok = colon != NULL && (gsize) (colon - (const char *) decoded) + 1 < length &&
       memchr (decoded, '\0', length) == NULL;
  if (ok)
    *password = g_strndup (colon + 1, length - (gsize) (colon - (const char *) decoded) - 1);
  if (decoded != NULL)
    memset (decoded, 0, length);
  return ok;
}

void
herald_bridge_android_message_free (HeraldBridgeAndroidMessage *message)
{
  if (message == NULL)
    return;
  g_free (message->id);
  g_free (message->text);
  g_clear_pointer (&message->recipients, g_ptr_array_unref);
  g_free (message);
}

gboolean
herald_bridge_android_id_is_valid (const char *id)
{
  gsize length;

  if (id == NULL)
    return FALSE;
  length = strlen (id);
  if (length == 0 || length > 64)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '_' && id[i] != '-')
      return FALSE;
  return TRUE;
}

HeraldBridgeAndroidMessage *
herald_bridge_parse_android_message (const char  *body,
                                     gsize        length,
                                     GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(HeraldBridgeAndroidMessage) message = g_new0 (HeraldBridgeAndroidMessage, 1);
  g_auto(GStrv) numbers = NULL;
  HeraldJsonCursor cursor;
  HeraldJsonCursor text_message = { 0 };
  g_autofree char *text_path = NULL;
  gboolean encrypted = FALSE;
  gint64 ttl = 0;
  guint n;

  message->delivery_report = TRUE;
  message->recipients = g_ptr_array_new_with_free_func (g_free);
  if (!read_root (body, length, "POST /message", &root, &cursor, error) ||
      !herald_json_read_string (&cursor, "id", HERALD_JSON_OPTIONAL, &message->id, error) ||
      !herald_json_read_bool (&cursor, "isEncrypted", HERALD_JSON_OPTIONAL, &encrypted, error) ||
      !herald_json_read_bool (&cursor, "withDeliveryReport", HERALD_JSON_OPTIONAL, &message->delivery_report, error) ||
      !herald_json_read_int (&cursor, "ttl", HERALD_JSON_OPTIONAL, 0, G_MAXINT32, &ttl, error))
    /* NOLINTNEXTLINE(clang-analyzer-unix.Malloc): g_autoptr frees it; the analyzer loses it here */
    return NULL;
  if (message->id != NULL && !herald_bridge_android_id_is_valid (message->id))
    {
      g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD,
                   _("“id” must be 1 to 64 letters, digits, “_” or “-”, or left out."));
      return NULL;
    }
  if (encrypted)
    {
      g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD,
                   _("“isEncrypted” messages cannot be sent: this bridge has no passphrase to read them. "
                     "Send the text in clear over the local connection."));
      return NULL;
    }
  if (json_object_has_member (cursor.object, "dataMessage") ||
      json_object_has_member (cursor.object, "mmsMessage"))
    {
      g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_MEDIA,
                   _("Only text messages can be sent through this bridge's modems: use “message” or "
                     "“textMessage”, not data or MMS messages."));
      return NULL;
    }
  if (json_object_has_member (cursor.object, "textMessage"))
    {
      if (!herald_json_read_object (&cursor, "textMessage", HERALD_JSON_REQUIRED, &text_message, &text_path,
                                    error) ||
          !herald_json_read_string (&text_message, "text", HERALD_JSON_REQUIRED | HERALD_JSON_NON_EMPTY,
                                    &message->text, error))
        return NULL;
    }
  else if (!herald_json_read_string (&cursor, "message", HERALD_JSON_REQUIRED | HERALD_JSON_NON_EMPTY,
                                     &message->text, error))
    {
      return NULL;
    }
  message->validity_minutes = (guint) ((ttl + 59) / 60);

  numbers = herald_json_read_strv (&cursor, "phoneNumbers", HERALD_JSON_REQUIRED | HERALD_JSON_NON_EMPTY, error);
  if (numbers == NULL)
    return NULL;
  n = g_strv_length (numbers);
  if (n == 0 || n > HERALD_BRIDGE_MAX_BULK)
    {
      g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR,
                   n == 0 ? HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD : HERALD_BRIDGE_REQUEST_ERROR_TOO_MANY,
                   _("“phoneNumbers” must hold 1 to %d numbers (it holds %u)."), HERALD_BRIDGE_MAX_BULK, n);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *reason = NULL;
      char *e164 = normalise_number (numbers[i], &reason);

      if (e164 == NULL)
        {
          g_set_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_NUMBER,
                       _("“%s” in “phoneNumbers” is not a valid phone number (%s): give numbers in "
                         "international form, such as +233241234567."), numbers[i], reason);
          return NULL;
        }
      g_ptr_array_add (message->recipients, e164);
    }
  return g_steal_pointer (&message);
}
