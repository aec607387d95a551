/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flixysms"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "herald-flixysms-types.h"
#include "net/herald-provider-error.h"

#define SERVER_MESSAGE_MAX_CHARS 200
/* bytes of a plain-text body worth looking at for those characters */
#define SERVER_TEXT_MAX_BYTES    ((gsize) 4 * SERVER_MESSAGE_MAX_CHARS)

/* Where a parser is: the endpoint for the message, and the path of the
 * object being read ("data." or "data[3].") so errors name the field as a
 * person finds it in the body. */
typedef struct
{
  const char *endpoint;
  const char *prefix;
} Where;

/* Field errors */

G_GNUC_PRINTF (3, 4)
static void
set_malformed (GError     **error,
               const Where *where,
               const char  *format,
               ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  g_propagate_error (error, herald_provider_error_new (HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, 0,
                                                       "%s", detail));
  g_debug ("malformed %s response: %s", where->endpoint, detail);
}

typedef enum
{
  PROBLEM_MISSING,
  PROBLEM_NOT_STRING,
  PROBLEM_EMPTY,
  PROBLEM_NOT_INTEGER,
  PROBLEM_OUT_OF_RANGE,
  PROBLEM_NOT_BOOLEAN,
  PROBLEM_NOT_OBJECT,
  PROBLEM_NOT_ARRAY,
  PROBLEM_NOT_DATE,
} Problem;

static gboolean
field_error (GError     **error,
             const Where *where,
             const char  *name,
             Problem      problem)
{
  g_autofree char *field = g_strconcat (where->prefix, name, NULL);

  /* Translators: the first %s is an endpoint name ("send", "bulk",
   * "status", "received messages"), the second a JSON field name */
  switch (problem)
    {
    case PROBLEM_MISSING:
      set_malformed (error, where, _("The FlixySMS %s response has no “%s” field"),
                     where->endpoint, field);
      break;
    case PROBLEM_NOT_STRING:
      set_malformed (error, where, _("The FlixySMS %s response has a “%s” field that is not text"),
                     where->endpoint, field);
      break;
    case PROBLEM_EMPTY:
      set_malformed (error, where, _("The FlixySMS %s response has an empty “%s” field"),
                     where->endpoint, field);
      break;
    case PROBLEM_NOT_INTEGER:
      set_malformed (error, where,
                     _("The FlixySMS %s response has a “%s” field that is not a whole number"),
                     where->endpoint, field);
      break;
    case PROBLEM_OUT_OF_RANGE:
      set_malformed (error, where, _("The FlixySMS %s response has a “%s” field out of range"),
                     where->endpoint, field);
      break;
    case PROBLEM_NOT_BOOLEAN:
      set_malformed (error, where,
                     _("The FlixySMS %s response has a “%s” field that is not true or false"),
                     where->endpoint, field);
      break;
    case PROBLEM_NOT_OBJECT:
      set_malformed (error, where, _("The FlixySMS %s response has a “%s” field that is not an object"),
                     where->endpoint, field);
      break;
    case PROBLEM_NOT_ARRAY:
      set_malformed (error, where, _("The FlixySMS %s response has a “%s” field that is not a list"),
                     where->endpoint, field);
      break;
    case PROBLEM_NOT_DATE:
      set_malformed (error, where, _("The FlixySMS %s response has a “%s” field that is not a date"),
                     where->endpoint, field);
      break;
    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/* Field readers: TRUE with *value set (NULL / unchanged for an absent
 * optional field), FALSE with @error for a missing required or mistyped one.
 * JSON null counts as absent. */

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

static gboolean
read_string (JsonObject   *object,
             const char   *name,
             gboolean      required,
             gboolean      allow_empty,
             const char  **value,
             const Where  *where,
             GError      **error)
{
  JsonNode *node = member (object, name);

  *value = NULL;
  if (node == NULL)
    return !required || field_error (error, where, name, PROBLEM_MISSING);
  /* json-glib 1.6 lets escapes such as "\7" through as invalid UTF-8. */
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_utf8_validate (json_node_get_string (node), -1, NULL))
    return field_error (error, where, name, PROBLEM_NOT_STRING);
  if (!allow_empty && *json_node_get_string (node) == '\0')
    return field_error (error, where, name, PROBLEM_EMPTY);

  *value = json_node_get_string (node);

  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *name,
          gboolean     required,
          gint64       min,
          gint64       max,
          gint64      *value,
          const Where *where,
          GError     **error)
{
  JsonNode *node = member (object, name);

  if (node == NULL)
    return !required || field_error (error, where, name, PROBLEM_MISSING);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return field_error (error, where, name, PROBLEM_NOT_INTEGER);
  if (json_node_get_int (node) < min || json_node_get_int (node) > max)
    return field_error (error, where, name, PROBLEM_OUT_OF_RANGE);

  *value = json_node_get_int (node);

  return TRUE;
}

static gboolean
read_uint (JsonObject  *object,
           const char  *name,
           guint       *value,
           const Where *where,
           GError     **error)
{
  gint64 number = 0;

  if (!read_int (object, name, TRUE, 0, G_MAXINT32, &number, where, error))
    return FALSE;
  *value = (guint) number;

  return TRUE;
}

static gboolean
read_boolean (JsonObject  *object,
              const char  *name,
              gboolean     required,
              gboolean    *value,
              const Where *where,
              GError     **error)
{
  JsonNode *node = member (object, name);

  if (node == NULL)
    return !required || field_error (error, where, name, PROBLEM_MISSING);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return field_error (error, where, name, PROBLEM_NOT_BOOLEAN);

  *value = json_node_get_boolean (node);

  return TRUE;
}

static gboolean
read_object (JsonObject   *object,
             const char   *name,
             gboolean      required,
             JsonObject  **value,
             const Where  *where,
             GError      **error)
{
  JsonNode *node = member (object, name);

  *value = NULL;
  if (node == NULL)
    return !required || field_error (error, where, name, PROBLEM_MISSING);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return field_error (error, where, name, PROBLEM_NOT_OBJECT);

  *value = json_node_get_object (node);

  return TRUE;
}

static gboolean
read_array (JsonObject  *object,
            const char  *name,
            JsonArray  **value,
            const Where *where,
            GError     **error)
{
  JsonNode *node = member (object, name);

  *value = NULL;
  if (node == NULL)
    return field_error (error, where, name, PROBLEM_MISSING);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return field_error (error, where, name, PROBLEM_NOT_ARRAY);

  *value = json_node_get_array (node);

  return TRUE;
}

/* ISO 8601; FlixySMS writes UTC with "Z", a time without a zone is taken as UTC. */
static gboolean
read_time (JsonObject   *object,
           const char   *name,
           gboolean      required,
           GDateTime   **value,
           const Where  *where,
           GError      **error)
{
  g_autoptr(GTimeZone) utc = NULL;
  const char *text;

  *value = NULL;
  if (!read_string (object, name, required, TRUE, &text, where, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  utc = g_time_zone_new_utc ();
  if ((*value = g_date_time_new_from_iso8601 (text, utc)) == NULL)
    return field_error (error, where, name, PROBLEM_NOT_DATE);

  return TRUE;
}

/* The top of every response: an object, and "success" (when there) not false. */
static JsonObject *
read_root (JsonNode    *root,
           const Where *where,
           GError     **error)
{
  JsonObject *object;
  gboolean success = TRUE;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      /* Translators: %s is an endpoint name ("send", "status", …) */
      set_malformed (error, where, _("The FlixySMS %s response is not a JSON object"), where->endpoint);
      return NULL;
    }
  object = json_node_get_object (root);

  if (!read_boolean (object, "success", FALSE, &success, where, error))
    return NULL;
  if (!success)
    {
      /* a refusal dressed as a success: the request was not carried out */
      g_autofree char *server_message = herald_flixysms_dup_server_message (root, NULL);

      g_propagate_error (error, herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_BAD_REQUEST,
                                                                    0, server_message));
      return NULL;
    }

  return object;
}

/* Server messages and errors */

/* One line of printable text, at most SERVER_MESSAGE_MAX_CHARS characters;
 * NULL when nothing is left. */
static char *
clean_server_text (const char *text,
                   gssize      length)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *end;
  const char *p;
  guint chars = 0;

  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate_len (text, length, &end))
    length = end - text;

  for (p = text; p < text + length && chars < SERVER_MESSAGE_MAX_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
        {
          if (clean->len > 0 && clean->str[clean->len - 1] != ' ')
            g_string_append_c (clean, ' ');
        }
      else
        {
          g_string_append_unichar (clean, c);
          chars++;
        }
    }
  g_strstrip (clean->str);
  g_string_set_size (clean, strlen (clean->str));
  if (clean->len == 0)
    return NULL;
  if (p < text + length)
    g_string_append (clean, "…");

  return g_string_free (g_steal_pointer (&clean), FALSE);
}

char *
herald_flixysms_dup_server_message (JsonNode *root,
                                    GBytes   *body)
{
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *node = member (object, "error");

      /* "error": "…", or "error": {"message": "…"}; some servers say "message" */
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        node = member (json_node_get_object (node), "message");
      if (node == NULL)
        node = member (object, "message");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING)
        return clean_server_text (json_node_get_string (node), -1);

      return NULL;
    }

  if (root != NULL && JSON_NODE_HOLDS_VALUE (root) && json_node_get_value_type (root) == G_TYPE_STRING)
    return clean_server_text (json_node_get_string (root), -1);

  if (root == NULL && body != NULL && g_bytes_get_size (body) > 0)
    {
      gsize size;
      const char *data = g_bytes_get_data (body, &size);
      gsize start = 0;

      while (start < size && g_ascii_isspace (data[start]))
        start++;
      /* an HTML error page says nothing a person should read in a dialog */
      if (start < size && data[start] != '<' && data[start] != '{' && data[start] != '[')
        return clean_server_text (data + start, MIN (size - start, SERVER_TEXT_MAX_BYTES));
    }

  return NULL;
}

GError *
herald_flixysms_error_new_for_status (guint       http_status,
                                      const char *server_message)
{
  /* FlixySMS's 503 means "no device online", not a server failure */
  HeraldProviderErrorCode code = http_status == 503 ? HERALD_PROVIDER_ERROR_NO_DEVICE
                                                    : herald_provider_error_code_for_status (http_status);

  return herald_provider_error_new_for_code (code, http_status, server_message);
}

/* HeraldFlixysmsSendResult */

struct _HeraldFlixysmsSendResult
{
  char *message_id;
  char *status;
  char *device_id;
  char *to;
  char *message;
  char *media_url;
};

static void
send_result_clear (gpointer data)
{
  HeraldFlixysmsSendResult *self = data;

  g_free (self->message_id);
  g_free (self->status);
  g_free (self->device_id);
  g_free (self->to);
  g_free (self->message);
  g_free (self->media_url);
}

HeraldFlixysmsSendResult *
herald_flixysms_send_result_ref (HeraldFlixysmsSendResult *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
herald_flixysms_send_result_unref (HeraldFlixysmsSendResult *self)
{
  g_atomic_rc_box_release_full (self, send_result_clear);
}

G_DEFINE_BOXED_TYPE (HeraldFlixysmsSendResult, herald_flixysms_send_result,
                     herald_flixysms_send_result_ref, herald_flixysms_send_result_unref)

HeraldFlixysmsSendResult *
herald_flixysms_send_result_parse (JsonNode  *root,
                                   GError   **error)
{
  const Where where = { "send", "" };
  const char *message_id, *status, *device_id, *to, *message, *media_url;
  HeraldFlixysmsSendResult *self;
  JsonObject *object;

  if ((object = read_root (root, &where, error)) == NULL ||
      !read_string (object, "message_id", TRUE, FALSE, &message_id, &where, error) ||
      !read_string (object, "status", TRUE, FALSE, &status, &where, error) ||
      !read_string (object, "device_id", FALSE, TRUE, &device_id, &where, error) ||
      !read_string (object, "to", FALSE, TRUE, &to, &where, error) ||
      !read_string (object, "message", FALSE, TRUE, &message, &where, error) ||
      !read_string (object, "media_url", FALSE, TRUE, &media_url, &where, error))
    return NULL;

  self = g_atomic_rc_box_new0 (HeraldFlixysmsSendResult);
  self->message_id = g_strdup (message_id);
  self->status = g_strdup (status);
  self->device_id = g_strdup (device_id);
  self->to = g_strdup (to);
  self->message = g_strdup (message);
  self->media_url = g_strdup (media_url);

  return self;
}

const char *
herald_flixysms_send_result_get_message_id (HeraldFlixysmsSendResult *self)
{
  return self->message_id;
}

const char *
herald_flixysms_send_result_get_status (HeraldFlixysmsSendResult *self)
{
  return self->status;
}

const char *
herald_flixysms_send_result_get_device_id (HeraldFlixysmsSendResult *self)
{
  return self->device_id;
}

const char *
herald_flixysms_send_result_get_to (HeraldFlixysmsSendResult *self)
{
  return self->to;
}

const char *
herald_flixysms_send_result_get_message (HeraldFlixysmsSendResult *self)
{
  return self->message;
}

const char *
herald_flixysms_send_result_get_media_url (HeraldFlixysmsSendResult *self)
{
  return self->media_url;
}

/* HeraldFlixysmsBulkResult */

struct _HeraldFlixysmsBulkResult
{
  GStrv  message_ids;
  guint  n_message_ids;
  char  *device_id;
  guint  total;
  guint  valid;
  guint  invalid;
  guint  queued;
};

static void
bulk_result_clear (gpointer data)
{
  HeraldFlixysmsBulkResult *self = data;

  g_strfreev (self->message_ids);
  g_free (self->device_id);
}

HeraldFlixysmsBulkResult *
herald_flixysms_bulk_result_ref (HeraldFlixysmsBulkResult *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
herald_flixysms_bulk_result_unref (HeraldFlixysmsBulkResult *self)
{
  g_atomic_rc_box_release_full (self, bulk_result_clear);
}

G_DEFINE_BOXED_TYPE (HeraldFlixysmsBulkResult, herald_flixysms_bulk_result,
                     herald_flixysms_bulk_result_ref, herald_flixysms_bulk_result_unref)

HeraldFlixysmsBulkResult *
herald_flixysms_bulk_result_parse (JsonNode  *root,
                                   GError   **error)
{
  const Where where = { "bulk", "" };
  const Where where_stats = { "bulk", "stats." };
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  HeraldFlixysmsBulkResult *self;
  const char *device_id;
  JsonObject *object, *stats;
  JsonArray *array;
  guint total, valid, invalid, queued;

  if ((object = read_root (root, &where, error)) == NULL ||
      !read_array (object, "message_ids", &array, &where, error) ||
      !read_string (object, "device_id", FALSE, TRUE, &device_id, &where, error) ||
      !read_object (object, "stats", TRUE, &stats, &where, error) ||
      !read_uint (stats, "total", &total, &where_stats, error) ||
      !read_uint (stats, "valid", &valid, &where_stats, error) ||
      !read_uint (stats, "invalid", &invalid, &where_stats, error) ||
      !read_uint (stats, "queued", &queued, &where_stats, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *name = g_strdup_printf ("message_ids[%u]", i);

      if (JSON_NODE_HOLDS_NULL (element))
        return (field_error (error, &where, name, PROBLEM_MISSING), NULL);
      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          !g_utf8_validate (json_node_get_string (element), -1, NULL))
        return (field_error (error, &where, name, PROBLEM_NOT_STRING), NULL);
      if (*json_node_get_string (element) == '\0')
        return (field_error (error, &where, name, PROBLEM_EMPTY), NULL);
      g_strv_builder_add (ids, json_node_get_string (element));
    }

  self = g_atomic_rc_box_new0 (HeraldFlixysmsBulkResult);
  self->message_ids = g_strv_builder_end (ids);
  self->n_message_ids = g_strv_length (self->message_ids);
  self->device_id = g_strdup (device_id);
  self->total = total;
  self->valid = valid;
  self->invalid = invalid;
  self->queued = queued;

  return self;
}

const char * const *
herald_flixysms_bulk_result_get_message_ids (HeraldFlixysmsBulkResult *self,
                                             guint                    *n_ids)
{
  if (n_ids != NULL)
    *n_ids = self->n_message_ids;

  return (const char * const *) self->message_ids;
}

const char *
herald_flixysms_bulk_result_get_device_id (HeraldFlixysmsBulkResult *self)
{
  return self->device_id;
}

guint
herald_flixysms_bulk_result_get_total (HeraldFlixysmsBulkResult *self)
{
  return self->total;
}

guint
herald_flixysms_bulk_result_get_valid (HeraldFlixysmsBulkResult *self)
{
  return self->valid;
}

guint
herald_flixysms_bulk_result_get_invalid (HeraldFlixysmsBulkResult *self)
{
  return self->invalid;
}

guint
herald_flixysms_bulk_result_get_queued (HeraldFlixysmsBulkResult *self)
{
  return self->queued;
}

/* HeraldFlixysmsMessageStatus */

struct _HeraldFlixysmsMessageStatus
{
  char      *message_id;
  char      *status;
  GDateTime *delivered_at;
  char      *device_id;
};

static void
message_status_clear (gpointer data)
{
  HeraldFlixysmsMessageStatus *self = data;

  g_free (self->message_id);
  g_free (self->status);
  g_clear_pointer (&self->delivered_at, g_date_time_unref);
  g_free (self->device_id);
}

HeraldFlixysmsMessageStatus *
herald_flixysms_message_status_ref (HeraldFlixysmsMessageStatus *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
herald_flixysms_message_status_unref (HeraldFlixysmsMessageStatus *self)
{
  g_atomic_rc_box_release_full (self, message_status_clear);
}

G_DEFINE_BOXED_TYPE (HeraldFlixysmsMessageStatus, herald_flixysms_message_status,
                     herald_flixysms_message_status_ref, herald_flixysms_message_status_unref)

HeraldFlixysmsMessageStatus *
herald_flixysms_message_status_parse (JsonNode  *root,
                                      GError   **error)
{
  const Where where = { "status", "" };
  const Where where_data = { "status", "data." };
  g_autoptr(GDateTime) delivered_at = NULL;
  HeraldFlixysmsMessageStatus *self;
  const char *message_id, *status, *device_id;
  JsonObject *object, *data;

  if ((object = read_root (root, &where, error)) == NULL ||
      !read_object (object, "data", TRUE, &data, &where, error) ||
      !read_string (data, "message_id", TRUE, FALSE, &message_id, &where_data, error) ||
      !read_string (data, "status", TRUE, FALSE, &status, &where_data, error) ||
      !read_time (data, "delivered_at", FALSE, &delivered_at, &where_data, error) ||
      !read_string (data, "device_id", FALSE, TRUE, &device_id, &where_data, error))
    return NULL;

  self = g_atomic_rc_box_new0 (HeraldFlixysmsMessageStatus);
  self->message_id = g_strdup (message_id);
  self->status = g_strdup (status);
  self->delivered_at = g_steal_pointer (&delivered_at);
  self->device_id = g_strdup (device_id);

  return self;
}

const char *
herald_flixysms_message_status_get_message_id (HeraldFlixysmsMessageStatus *self)
{
  return self->message_id;
}

const char *
herald_flixysms_message_status_get_status (HeraldFlixysmsMessageStatus *self)
{
  return self->status;
}

GDateTime *
herald_flixysms_message_status_get_delivered_at (HeraldFlixysmsMessageStatus *self)
{
  return self->delivered_at;
}

const char *
herald_flixysms_message_status_get_device_id (HeraldFlixysmsMessageStatus *self)
{
  return self->device_id;
}

/* HeraldFlixysmsReceivedMessage */

struct _HeraldFlixysmsReceivedMessage
{
  GObject    parent_instance;

  char      *id;
  char      *from;
  char      *message;
  GDateTime *received_at;
  char      *device_id;
  char      *device_name;
  char      *device_phone;
  char      *message_type;
  int        sim_slot;
};

G_DEFINE_FINAL_TYPE (HeraldFlixysmsReceivedMessage, herald_flixysms_received_message, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FROM,
  PROP_MESSAGE,
  PROP_RECEIVED_AT,
  PROP_DEVICE_ID,
  PROP_DEVICE_NAME,
  PROP_DEVICE_PHONE,
  PROP_MESSAGE_TYPE,
  PROP_SIM_SLOT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
herald_flixysms_received_message_finalize (GObject *object)
{
  HeraldFlixysmsReceivedMessage *self = HERALD_FLIXYSMS_RECEIVED_MESSAGE (object);

  g_free (self->id);
  g_free (self->from);
  g_free (self->message);
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_free (self->device_id);
  g_free (self->device_name);
  g_free (self->device_phone);
  g_free (self->message_type);

  G_OBJECT_CLASS (herald_flixysms_received_message_parent_class)->finalize (object);
}

static void
herald_flixysms_received_message_get_property (GObject    *object,
                                               guint       prop_id,
                                               GValue     *value,
                                               GParamSpec *pspec)
{
  HeraldFlixysmsReceivedMessage *self = HERALD_FLIXYSMS_RECEIVED_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_RECEIVED_AT:
      g_value_set_boxed (value, self->received_at);
      break;
    case PROP_DEVICE_ID:
      g_value_set_string (value, self->device_id);
      break;
    case PROP_DEVICE_NAME:
      g_value_set_string (value, self->device_name);
      break;
    case PROP_DEVICE_PHONE:
      g_value_set_string (value, self->device_phone);
      break;
    case PROP_MESSAGE_TYPE:
      g_value_set_string (value, self->message_type);
      break;
    case PROP_SIM_SLOT:
      g_value_set_int (value, self->sim_slot);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_flixysms_received_message_class_init (HeraldFlixysmsReceivedMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = herald_flixysms_received_message_finalize;
  object_class->get_property = herald_flixysms_received_message_get_property;

  properties [PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties [PROP_FROM] = g_param_spec_string ("from", NULL, NULL, NULL, flags);
  properties [PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties [PROP_RECEIVED_AT] = g_param_spec_boxed ("received-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties [PROP_DEVICE_ID] = g_param_spec_string ("device-id", NULL, NULL, NULL, flags);
  properties [PROP_DEVICE_NAME] = g_param_spec_string ("device-name", NULL, NULL, NULL, flags);
  properties [PROP_DEVICE_PHONE] = g_param_spec_string ("device-phone", NULL, NULL, NULL, flags);
  properties [PROP_MESSAGE_TYPE] = g_param_spec_string ("message-type", NULL, NULL, NULL, flags);
  properties [PROP_SIM_SLOT] = g_param_spec_int ("sim-slot", NULL, NULL, -1, G_MAXINT, -1, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_flixysms_received_message_init (HeraldFlixysmsReceivedMessage *self)
{
  self->sim_slot = -1;
}

static HeraldFlixysmsReceivedMessage *
received_message_parse (JsonNode     *item,
                        const Where  *where,
                        GError      **error)
{
  g_autoptr(GDateTime) received_at = NULL;
  g_autofree char *metadata_prefix = g_strconcat (where->prefix, "metadata.", NULL);
  const Where where_metadata = { where->endpoint, metadata_prefix };
  HeraldFlixysmsReceivedMessage *self;
  const char *id, *from, *message, *device_id, *device_name, *device_phone, *type;
  JsonObject *object, *metadata;
  gint64 sim_slot = -1;

  if (item == NULL || !JSON_NODE_HOLDS_OBJECT (item))
    {
      g_autofree char *name = g_strndup (where->prefix, MAX (strlen (where->prefix), 1) - 1);

      /* "data[3]" when it is in a page, the item itself otherwise */
      if (*name != '\0')
        return (field_error (error, &(Where) { where->endpoint, "" }, name, PROBLEM_NOT_OBJECT), NULL);
      set_malformed (error, where, _("The FlixySMS %s response is not a JSON object"), where->endpoint);
      return NULL;
    }
  object = json_node_get_object (item);

  if (!read_string (object, "id", TRUE, FALSE, &id, where, error) ||
      !read_string (object, "from", TRUE, FALSE, &from, where, error) ||
      !read_string (object, "message", TRUE, TRUE, &message, where, error) ||
      !read_time (object, "received_at", TRUE, &received_at, where, error) ||
      !read_string (object, "device_id", FALSE, TRUE, &device_id, where, error) ||
      !read_string (object, "device_name", FALSE, TRUE, &device_name, where, error) ||
      !read_string (object, "device_phone", FALSE, TRUE, &device_phone, where, error) ||
      !read_string (object, "type", FALSE, TRUE, &type, where, error) ||
      !read_object (object, "metadata", FALSE, &metadata, where, error))
    return NULL;
  if (metadata != NULL &&
      !read_int (metadata, "sim_slot", FALSE, 0, 255, &sim_slot, &where_metadata, error))
    return NULL;

  self = g_object_new (HERALD_TYPE_FLIXYSMS_RECEIVED_MESSAGE, NULL);
  self->id = g_strdup (id);
  self->from = g_strdup (from);
  self->message = g_strdup (message);
  self->received_at = g_steal_pointer (&received_at);
  self->device_id = g_strdup (device_id);
  self->device_name = g_strdup (device_name);
  self->device_phone = g_strdup (device_phone);
  self->message_type = g_strdup (type);
  self->sim_slot = (int) sim_slot;

  return self;
}

HeraldFlixysmsReceivedMessage *
herald_flixysms_received_message_parse (JsonNode  *item,
                                        GError   **error)
{
  const Where where = { "received messages", "" };

  return received_message_parse (item, &where, error);
}

const char *
herald_flixysms_received_message_get_id (HeraldFlixysmsReceivedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE (self), NULL);

  return self->id;
}

const char *
herald_flixysms_received_message_get_from (HeraldFlixysmsReceivedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE (self), NULL);

  return self->from;
}

const char *
herald_flixysms_received_message_get_message (HeraldFlixysmsReceivedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE (self), NULL);

  return self->message;
}

GDateTime *
herald_flixysms_received_message_get_received_at (HeraldFlixysmsReceivedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE (self), NULL);

  return self->received_at;
}

const char *
herald_flixysms_received_message_get_device_id (HeraldFlixysmsReceivedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE (self), NULL);

  return self->device_id;
}

const char *
herald_flixysms_received_message_get_device_name (HeraldFlixysmsReceivedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE (self), NULL);

  return self->device_name;
}

const char *
herald_flixysms_received_message_get_device_phone (HeraldFlixysmsReceivedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE (self), NULL);

  return self->device_phone;
}

const char *
herald_flixysms_received_message_get_message_type (HeraldFlixysmsReceivedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE (self), NULL);

  return self->message_type;
}

int
herald_flixysms_received_message_get_sim_slot (HeraldFlixysmsReceivedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE (self), -1);

  return self->sim_slot;
}

/* HeraldFlixysmsReceivedPage */

struct _HeraldFlixysmsReceivedPage
{
  GListStore *items;
  guint       page;
  guint       per_page;
  guint       total;
  guint       total_pages;
  gboolean    has_more;
};

static void
received_page_clear (gpointer data)
{
  HeraldFlixysmsReceivedPage *self = data;

  g_clear_object (&self->items);
}

HeraldFlixysmsReceivedPage *
herald_flixysms_received_page_ref (HeraldFlixysmsReceivedPage *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
herald_flixysms_received_page_unref (HeraldFlixysmsReceivedPage *self)
{
  g_atomic_rc_box_release_full (self, received_page_clear);
}

G_DEFINE_BOXED_TYPE (HeraldFlixysmsReceivedPage, herald_flixysms_received_page,
                     herald_flixysms_received_page_ref, herald_flixysms_received_page_unref)

HeraldFlixysmsReceivedPage *
herald_flixysms_received_page_parse (JsonNode  *root,
                                     GError   **error)
{
  const Where where = { "received messages", "" };
  const Where where_pagination = { "received messages", "pagination." };
  g_autoptr(GListStore) items = g_list_store_new (HERALD_TYPE_FLIXYSMS_RECEIVED_MESSAGE);
  HeraldFlixysmsReceivedPage *self;
  JsonObject *object, *pagination;
  JsonArray *data;
  guint page, per_page, total, total_pages;
  gboolean has_more = FALSE;

  if ((object = read_root (root, &where, error)) == NULL ||
      !read_array (object, "data", &data, &where, error) ||
      !read_object (object, "pagination", TRUE, &pagination, &where, error) ||
      !read_uint (pagination, "page", &page, &where_pagination, error) ||
      !read_uint (pagination, "per_page", &per_page, &where_pagination, error) ||
      !read_uint (pagination, "total", &total, &where_pagination, error) ||
      !read_uint (pagination, "total_pages", &total_pages, &where_pagination, error) ||
      !read_boolean (pagination, "has_more", TRUE, &has_more, &where_pagination, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("data[%u].", i);
      const Where where_item = { where.endpoint, prefix };
      g_autoptr(HeraldFlixysmsReceivedMessage) item = NULL;

      item = received_message_parse (json_array_get_element (data, i), &where_item, error);
      if (item == NULL)
        return NULL;
      g_list_store_append (items, item);
    }

  self = g_atomic_rc_box_new0 (HeraldFlixysmsReceivedPage);
  self->items = g_steal_pointer (&items);
  self->page = page;
  self->per_page = per_page;
  self->total = total;
  self->total_pages = total_pages;
  self->has_more = has_more;

  return self;
}

GListModel *
herald_flixysms_received_page_get_items (HeraldFlixysmsReceivedPage *self)
{
  return G_LIST_MODEL (self->items);
}

guint
herald_flixysms_received_page_get_page (HeraldFlixysmsReceivedPage *self)
{
  return self->page;
}

guint
herald_flixysms_received_page_get_per_page (HeraldFlixysmsReceivedPage *self)
{
  return self->per_page;
}

guint
herald_flixysms_received_page_get_total (HeraldFlixysmsReceivedPage *self)
{
  return self->total;
}

guint
herald_flixysms_received_page_get_total_pages (HeraldFlixysmsReceivedPage *self)
{
  return self->total_pages;
}

gboolean
herald_flixysms_received_page_get_has_more (HeraldFlixysmsReceivedPage *self)
{
  return self->has_more;
}

/* HeraldFlixysmsBulkReport */

typedef struct
{
  char                         *input;
  char                         *number;
  HeraldFlixysmsRecipientState  state;
  char                         *message_id;
  char                         *reason_code;
  char                         *reason;
  guint                         duplicate_of;
} Entry;

struct _HeraldFlixysmsBulkReport
{
  GArray    *entries;       /* Entry */
  GPtrArray *message_ids;   /* char*, NULL-terminated */
  GPtrArray *batches;       /* HeraldFlixysmsBulkResult */
};

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->input);
  g_free (entry->number);
  g_free (entry->message_id);
  g_free (entry->reason_code);
  g_free (entry->reason);
}

static void
bulk_report_clear (gpointer data)
{
  HeraldFlixysmsBulkReport *self = data;

  g_array_unref (self->entries);
  g_ptr_array_unref (self->message_ids);
  g_ptr_array_unref (self->batches);
}

HeraldFlixysmsBulkReport *
herald_flixysms_bulk_report_ref (HeraldFlixysmsBulkReport *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
herald_flixysms_bulk_report_unref (HeraldFlixysmsBulkReport *self)
{
  g_atomic_rc_box_release_full (self, bulk_report_clear);
}

G_DEFINE_BOXED_TYPE (HeraldFlixysmsBulkReport, herald_flixysms_bulk_report,
                     herald_flixysms_bulk_report_ref, herald_flixysms_bulk_report_unref)

HeraldFlixysmsBulkReport *
herald_flixysms_bulk_report_new (void)
{
  HeraldFlixysmsBulkReport *self = g_atomic_rc_box_new0 (HeraldFlixysmsBulkReport);

  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->message_ids = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->batches = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_flixysms_bulk_result_unref);

  return self;
}

static Entry *
get_entry (HeraldFlixysmsBulkReport *self,
           guint                     index)
{
  g_return_val_if_fail (index < self->entries->len, NULL);

  return &g_array_index (self->entries, Entry, index);
}

static guint
add_entry (HeraldFlixysmsBulkReport     *self,
           const char                   *input,
           const char                   *number,
           HeraldFlixysmsRecipientState  state)
{
  guint index = self->entries->len;
  Entry *entry;

  /* filled in place: the array clears new elements and owns them */
  g_array_set_size (self->entries, index + 1);
  entry = &g_array_index (self->entries, Entry, index);
  entry->input = g_strdup (input);
  entry->number = g_strdup (number);
  entry->state = state;

  return index;
}

guint
herald_flixysms_bulk_report_add_invalid (HeraldFlixysmsBulkReport *self,
                                         const char               *input,
                                         const char               *reason_code,
                                         const char               *reason)
{
  guint index = add_entry (self, input, NULL, HERALD_FLIXYSMS_RECIPIENT_INVALID);
  Entry *entry = get_entry (self, index);

  entry->reason_code = g_strdup (reason_code);
  entry->reason = g_strdup (reason);

  return index;
}

guint
herald_flixysms_bulk_report_add_number (HeraldFlixysmsBulkReport *self,
                                        const char               *input,
                                        const char               *number)
{
  g_return_val_if_fail (number != NULL, G_MAXUINT);

  return add_entry (self, input, number, HERALD_FLIXYSMS_RECIPIENT_NOT_SENT);
}

guint
herald_flixysms_bulk_report_add_duplicate (HeraldFlixysmsBulkReport *self,
                                           const char               *input,
                                           const char               *number,
                                           guint                     first)
{
  guint index = add_entry (self, input, number, HERALD_FLIXYSMS_RECIPIENT_DUPLICATE);

  get_entry (self, index)->duplicate_of = first;

  return index;
}

void
herald_flixysms_bulk_report_set_state (HeraldFlixysmsBulkReport     *self,
                                       guint                         index,
                                       HeraldFlixysmsRecipientState  state,
                                       const char                   *message_id)
{
  Entry *entry = get_entry (self, index);

  g_return_if_fail (entry != NULL);
  g_return_if_fail (entry->state == HERALD_FLIXYSMS_RECIPIENT_NOT_SENT);
  g_return_if_fail ((state == HERALD_FLIXYSMS_RECIPIENT_QUEUED) == (message_id != NULL));

  entry->state = state;
  entry->message_id = g_strdup (message_id);
}

void
herald_flixysms_bulk_report_add_batch (HeraldFlixysmsBulkReport *self,
                                       HeraldFlixysmsBulkResult *batch)
{
  g_ptr_array_add (self->batches, herald_flixysms_bulk_result_ref (batch));
  for (guint i = 0; i < batch->n_message_ids; i++)
    g_ptr_array_add (self->message_ids, g_strdup (batch->message_ids[i]));
}

guint
herald_flixysms_bulk_report_get_n_recipients (HeraldFlixysmsBulkReport *self)
{
  return self->entries->len;
}

const char *
herald_flixysms_bulk_report_get_input (HeraldFlixysmsBulkReport *self,
                                       guint                     index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->input : NULL;
}

const char *
herald_flixysms_bulk_report_get_number (HeraldFlixysmsBulkReport *self,
                                        guint                     index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->number : NULL;
}

HeraldFlixysmsRecipientState
herald_flixysms_bulk_report_get_state (HeraldFlixysmsBulkReport *self,
                                       guint                     index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->state : HERALD_FLIXYSMS_RECIPIENT_NOT_SENT;
}

const char *
herald_flixysms_bulk_report_get_message_id (HeraldFlixysmsBulkReport *self,
                                            guint                     index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->message_id : NULL;
}

const char *
herald_flixysms_bulk_report_get_reason (HeraldFlixysmsBulkReport *self,
                                        guint                     index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->reason : NULL;
}

const char *
herald_flixysms_bulk_report_get_reason_code (HeraldFlixysmsBulkReport *self,
                                             guint                     index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->reason_code : NULL;
}

guint
herald_flixysms_bulk_report_get_duplicate_of (HeraldFlixysmsBulkReport *self,
                                              guint                     index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL && entry->state == HERALD_FLIXYSMS_RECIPIENT_DUPLICATE
    ? entry->duplicate_of : G_MAXUINT;
}

guint
herald_flixysms_bulk_report_count (HeraldFlixysmsBulkReport     *self,
                                   HeraldFlixysmsRecipientState  state)
{
  guint count = 0;

  for (guint i = 0; i < self->entries->len; i++)
    count += g_array_index (self->entries, Entry, i).state == state;

  return count;
}

GStrv
herald_flixysms_bulk_report_dup_numbers (HeraldFlixysmsBulkReport     *self,
                                         HeraldFlixysmsRecipientState  state)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  /* a duplicate is its own state, so NOT_SENT never lists a number twice */
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->state == state && entry->number != NULL)
        g_strv_builder_add (builder, entry->number);
    }

  return g_strv_builder_end (builder);
}

const char * const *
herald_flixysms_bulk_report_get_message_ids (HeraldFlixysmsBulkReport *self,
                                             guint                    *n_ids)
{
  static const char * const none[] = { NULL };

  if (n_ids != NULL)
    *n_ids = self->message_ids->len;

  /* an empty GPtrArray may have no storage yet */
  return self->message_ids->len > 0 ? (const char * const *) self->message_ids->pdata : none;
}

guint
herald_flixysms_bulk_report_get_n_batches (HeraldFlixysmsBulkReport *self)
{
  return self->batches->len;
}

HeraldFlixysmsBulkResult *
herald_flixysms_bulk_report_get_batch (HeraldFlixysmsBulkReport *self,
                                       guint                     index)
{
  g_return_val_if_fail (index < self->batches->len, NULL);

  return g_ptr_array_index (self->batches, index);
}
