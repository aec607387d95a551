/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-bridge"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "herald-android-message.h"

G_DEFINE_QUARK (herald-android-message-error-quark, herald_android_message_error)

static void
message_clear (HeraldAndroidMessage *message)
{
  g_clear_pointer (&message->id, g_free);
  g_clear_pointer (&message->text, g_free);
  g_clear_pointer (&message->phone_numbers, g_strfreev);
  g_clear_pointer (&message->device_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HeraldAndroidMessage, message_clear)

void
herald_android_message_free (HeraldAndroidMessage *message)
{
  if (message == NULL)
    return;
  message_clear (message);
  g_free (message);
}

/* ---- reading ------------------------------------------------------------- */

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;
  g_return_val_if_fail (*error == NULL, FALSE);

  va_start (args, format);
  *error = g_error_new_valist (HERALD_ANDROID_MESSAGE_ERROR, HERALD_ANDROID_MESSAGE_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

/* The member @name of @object, NULL when it is absent or null (the
 * clients send null for what they leave out). */
static JsonNode *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
read_string (JsonObject  *object,
             const char  *name,
             char       **out,
             GError     **error)
{
  JsonNode *node = member (object, name);

  if (node == NULL)
    return TRUE;
  if (!holds (node, G_TYPE_STRING))
    return invalid (error, _("“%s” must be a string."), name);
  *out = json_node_dup_string (node);
  return TRUE;
}

static gboolean
read_int (JsonObject *object,
          const char *name,
          gint64      min,
          gint64      max,
          gboolean   *present,
          gint64     *out,
          GError    **error)
{
  JsonNode *node = member (object, name);
  gint64 value;

  *present = node != NULL;
  if (node == NULL)
    return TRUE;
  if (!holds (node, G_TYPE_INT64))
    return invalid (error, _("“%s” must be a whole number."), name);
  value = json_node_get_int (node);
  if (value < min || value > max)
    return invalid (error, _("“%s” must be from %d to %d."), name, (int) min, (int) max);
  *out = value;
  return TRUE;
}

static gboolean
read_text (JsonObject           *object,
           HeraldAndroidMessage *message,
           GError              **error)
{
  JsonNode *text_message = member (object, "textMessage");

  if (member (object, "dataMessage") != NULL)
    {
      g_set_error_literal (error, HERALD_ANDROID_MESSAGE_ERROR, HERALD_ANDROID_MESSAGE_ERROR_UNSUPPORTED,
                           _("Data messages (“dataMessage”) are not supported by the modem bridge: send a text "
                             "message (“textMessage”)."));
      return FALSE;
    }

  if (text_message != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (text_message))
        return invalid (error, _("“textMessage” must be an object with a “text”."));
      if (!read_string (json_node_get_object (text_message), "text", &message->text, error))
        return FALSE;
      if (message->text == NULL)
        return invalid (error, _("“textMessage” has no “text”."));
    }
  else if (!read_string (object, "message", &message->text, error))
    return FALSE;

  if (message->text == NULL)
    return invalid (error, _("The message has no text: give “textMessage”: {“text”: …} (or “message”)."));
  if (*message->text == '\0')
    return invalid (error, _("The message's text is empty."));
  return TRUE;
}

static gboolean
read_phone_numbers (JsonObject           *object,
                    HeraldAndroidMessage *message,
                    GError              **error)
{
  JsonNode *node = member (object, "phoneNumbers");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL)
    return invalid (error, _("The message has no recipients: give “phoneNumbers”, a list of phone numbers."));
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, _("“phoneNumbers” must be a list of phone numbers."));
  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    return invalid (error, _("“phoneNumbers” is empty: give at least one phone number."));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *number;

      if (!holds (element, G_TYPE_STRING))
        return invalid (error, _("“phoneNumbers” item %u must be a string."), i + 1);
      number = json_node_get_string (element);
      if (*number == '\0')
        return invalid (error, _("“phoneNumbers” item %u is empty."), i + 1);
      g_strv_builder_add (builder, number);
    }
  message->phone_numbers = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_validity (JsonObject           *object,
               HeraldAndroidMessage *message,
               gint64                now,
               GError              **error)
{
  g_autofree char *valid_until = NULL;
  gboolean has_ttl;
  gint64 ttl = 0;
  gint64 seconds;

  /* A year: past any network's validity period. */
  if (!read_int (object, "ttl", 1, (gint64) 366 * 24 * 3600, &has_ttl, &ttl, error) ||
      !read_string (object, "validUntil", &valid_until, error))
    return FALSE;
  if (has_ttl && valid_until != NULL)
    return invalid (error, _("Give “ttl” or “validUntil”, not both."));

  if (valid_until != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) until = g_date_time_new_from_iso8601 (valid_until, utc);
      gint64 left;

      if (until == NULL)
        return invalid (error, _("“validUntil” must be a date and time in ISO 8601, such as "
                                 "2026-12-31T23:59:00Z."));
      left = g_date_time_to_unix (until) * G_USEC_PER_SEC + g_date_time_get_microsecond (until) - now;
      if (left <= 0)
        return invalid (error, _("“validUntil” (%s) is already past."), valid_until);
      seconds = (left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
    }
  else if (has_ttl)
    seconds = ttl;
  else
    return TRUE;

  message->validity_minutes = (guint) MIN ((seconds + 59) / 60, (gint64) G_MAXUINT);
  return TRUE;
}

HeraldAndroidMessage *
herald_android_message_parse (const char  *body,
                              gsize        length,
                              gint64       now,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(HeraldAndroidMessage) parsed = { 0 };
  HeraldAndroidMessage *message = &parsed;
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object;
  JsonNode *root;
  JsonNode *node;
  gboolean present;
  gint64 value = 0;

  g_return_val_if_fail (body != NULL || length == 0, NULL);

  if (length > G_MAXSSIZE ||
      !json_parser_load_from_data (parser, body != NULL ? body : "", (gssize) length, &parse_error))
    {
      invalid (error, _("The request body is not JSON (%s)."),
               parse_error != NULL ? parse_error->message : _("too long"));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      invalid (error, _("The request body is empty: send the message as a JSON object."));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      invalid (error, _("The request body must be a JSON object."));
      return NULL;
    }
  object = json_node_get_object (root);

  node = member (object, "isEncrypted");
  if (node != NULL && !holds (node, G_TYPE_BOOLEAN))
    {
      invalid (error, _("“isEncrypted” must be true or false."));
      return NULL;
    }
  if (node != NULL && json_node_get_boolean (node))
    {
      g_set_error_literal (error, HERALD_ANDROID_MESSAGE_ERROR, HERALD_ANDROID_MESSAGE_ERROR_UNSUPPORTED,
                           _("Encrypted messages (“isEncrypted”: true) are not supported by the modem bridge: "
                             "send the text and numbers in clear over the local connection."));
      return NULL;
    }

  if (!read_string (object, "id", &message->id, error) || !read_string (object, "deviceId", &message->device_id, error))
    return NULL;
  if (message->id != NULL && (*message->id == '\0' || strlen (message->id) > HERALD_ANDROID_MESSAGE_MAX_ID))
    {
      invalid (error, _("“id” must be from 1 to %d characters long."), HERALD_ANDROID_MESSAGE_MAX_ID);
      return NULL;
    }

  if (!read_text (object, message, error) || !read_phone_numbers (object, message, error) ||
      !read_validity (object, message, now, error))
    return NULL;

  if (!read_int (object, "simNumber", 1, 255, &present, &value, error))
    return NULL;
  message->sim_number = present ? (guint) value : 0;
  if (!read_int (object, "priority", -128, 127, &present, &value, error))
    return NULL;
  message->priority = present ? (gint) value : 0;

  node = member (object, "withDeliveryReport");
  if (node != NULL && !holds (node, G_TYPE_BOOLEAN))
    {
      invalid (error, _("“withDeliveryReport” must be true or false."));
      return NULL;
    }
  message->with_delivery_report = node == NULL || json_node_get_boolean (node);

  /* The fields move to the caller's copy: the cleanup finds them gone. */
  message = g_memdup2 (&parsed, sizeof parsed);
  memset (&parsed, 0, sizeof parsed);
  return message;
}

/* ---- answering ----------------------------------------------------------- */

typedef enum
{
  RANK_PENDING,
  RANK_PROCESSED,
  RANK_SENT,
  RANK_DELIVERED,
  RANK_FAILED,
  RANK_CANCELLED,
} Rank;

static const char * const rank_names[] = {
  [RANK_PENDING] = "Pending",
  [RANK_PROCESSED] = "Processed",
  [RANK_SENT] = "Sent",
  [RANK_DELIVERED] = "Delivered",
  [RANK_FAILED] = "Failed",
  [RANK_CANCELLED] = "Cancelled",
};

static Rank
rank_of (HeraldOutboxState state)
{
  switch (state)
    {
    case HERALD_OUTBOX_QUEUED:
      return RANK_PENDING;
    case HERALD_OUTBOX_SENDING:
    case HERALD_OUTBOX_UNKNOWN:
      return RANK_PROCESSED;
    case HERALD_OUTBOX_SENT:
      return RANK_SENT;
    case HERALD_OUTBOX_DELIVERED:
      return RANK_DELIVERED;
    case HERALD_OUTBOX_FAILED:
      return RANK_FAILED;
    case HERALD_OUTBOX_CANCELLED:
    default:
      return RANK_CANCELLED;
    }
}

const char *
herald_android_state_for_outbox (HeraldOutboxState state)
{
  return rank_names[rank_of (state)];
}

static void
add_time (JsonBuilder *builder,
          Rank         rank,
          gint64       usec)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (usec <= 0)
    return;
  time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (time == NULL)
    return;
  text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
  json_builder_set_member_name (builder, rank_names[rank]);
  json_builder_add_string_value (builder, text);
}

JsonNode *
herald_android_message_state_to_json (const char *id,
                                      GPtrArray  *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  Rank state = RANK_DELIVERED;
  gboolean any_live = FALSE;
  gboolean all_cancelled = TRUE;
  gint64 created = 0;
  gint64 sent = 0;
  gint64 done = 0;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (entries != NULL, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      const HeraldOutboxEntry *entry = entries->pdata[i];
      Rank rank = rank_of (entry->state);

      if (created == 0 || (entry->created_at > 0 && entry->created_at < created))
        created = entry->created_at;
      sent = MAX (sent, entry->sent_at);
      done = MAX (done, entry->state == HERALD_OUTBOX_CANCELLED ? entry->updated_at : entry->done_at);
      if (rank != RANK_CANCELLED)
        all_cancelled = FALSE;
      if (rank == RANK_FAILED || rank == RANK_CANCELLED)
        continue;
      any_live = TRUE;
      state = MIN (state, rank);
    }
  if (!any_live)
    state = all_cancelled && entries->len > 0 ? RANK_CANCELLED : RANK_FAILED;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, rank_names[state]);
  json_builder_set_member_name (builder, "isHashed");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "isEncrypted");
  json_builder_add_boolean_value (builder, FALSE);

  json_builder_set_member_name (builder, "recipients");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      const HeraldOutboxEntry *entry = entries->pdata[i];
      Rank rank = rank_of (entry->state);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "phoneNumber");
      json_builder_add_string_value (builder, entry->recipient);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, rank_names[rank]);
      json_builder_set_member_name (builder, "error");
      if (rank == RANK_FAILED && entry->error != NULL)
        json_builder_add_string_value (builder, entry->error);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "states");
  json_builder_begin_object (builder);
  add_time (builder, RANK_PENDING, created);
  if (state == RANK_SENT || state == RANK_DELIVERED)
    add_time (builder, RANK_SENT, sent);
  if (state == RANK_DELIVERED || state == RANK_FAILED || state == RANK_CANCELLED)
    add_time (builder, state, done);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
