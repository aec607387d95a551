/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flixysms"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "herald-flixysms-client.h"
#include "herald-flixysms-provider-private.h"
#include "net/herald-provider-error.h"
#include "net/herald-rest-call.h"
#include "text/herald-phone-number.h"

#define MESSAGE_ID_MAX      256
/* A safety net against a server that never says "no more": 250,000 messages. */
#define RECEIVED_MAX_PAGES  10000

struct _HeraldFlixysmsClient
{
  HeraldRestClient parent_instance;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (HeraldFlixysmsClient, herald_flixysms_client, HERALD_TYPE_REST_CLIENT,
                               _HERALD_FLIXYSMS_IMPLEMENT_INTERFACES)

/* Numbers without a country code are read in the client's region, when it has one. */
#define DEFAULT_REGION(self) herald_rest_client_get_default_region (HERALD_REST_CLIENT (self))

/* Validation */

static const char * const media_extensions[] = {
  "pdf", "jpg", "jpeg", "png", "gif", "webp", "mp4", "webm", "mp3", "ogg", "wav",
  "doc", "docx", "txt", "zip", NULL,
};

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

gboolean
herald_flixysms_validate_message (const char  *message,
                                  GError     **error)
{
  if (message == NULL || (g_utf8_validate (message, -1, NULL) && is_blank (message)))
    {
      g_set_error_literal (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                           _("The message is empty."));
      return FALSE;
    }
  if (!g_utf8_validate (message, -1, NULL))
    {
      g_set_error_literal (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                           _("The message is not valid text."));
      return FALSE;
    }

  return TRUE;
}

gboolean
herald_flixysms_validate_media_url (const char  *media_url,
                                    GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *extension = NULL;
  const char *scheme;
  const char *path;
  const char *dot;

  g_return_val_if_fail (media_url != NULL, FALSE);

  uri = g_uri_parse (media_url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                   _("“%s” is not a web link: the media link must start with http:// or https://."),
                   media_url);
      return FALSE;
    }

  /* FlixySMS tells the type by the name, so the name must say it */
  path = g_uri_get_path (uri);
  dot = strrchr (path, '.');
  if (dot != NULL && strchr (dot, '/') == NULL)
    extension = g_ascii_strdown (dot + 1, -1);
  if (extension == NULL || !g_strv_contains (media_extensions, extension))
    {
      g_set_error_literal (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                           _("FlixySMS can attach only PDF, JPEG, PNG, GIF, WebP, MP4, WebM, MP3, OGG, "
                             "WAV, DOC, DOCX, TXT and ZIP files, and the link must end in the file’s "
                             "extension (such as .pdf)."));
      return FALSE;
    }

  return TRUE;
}

static HeraldPhoneNumber *
parse_number (HeraldFlixysmsClient  *self,
              const char            *input,
              GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  HeraldPhoneNumber *number;

  number = herald_phone_number_parse (input, DEFAULT_REGION (self), HERALD_PHONE_NUMBER_FLAGS_NONE,
                                      &local_error);
  if (number == NULL)
    g_set_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                 _("“%s” is not a phone number FlixySMS can send to: %s"),
                 input != NULL ? input : "", local_error->message);

  return number;
}

static gboolean
validate_send (const char  *message,
               const char  *device_id,
               const char  *media_url,
               GError     **error)
{
  if (!herald_flixysms_validate_message (message, error))
    return FALSE;
  if (device_id != NULL && *device_id == '\0')
    {
      g_set_error_literal (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                           _("The device ID is empty."));
      return FALSE;
    }

  return media_url == NULL || herald_flixysms_validate_media_url (media_url, error);
}

/* Answers */

/* The server's words from an error the transport built, which may hold the
 * raw body of the answer. */
static char *
dup_transport_server_message (const GError *error)
{
  const char *raw = herald_provider_error_get_server_message (error);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (raw == NULL)
    return NULL;

  parser = json_parser_new ();
  if (json_parser_load_from_data (parser, raw, -1, NULL))
    return herald_flixysms_dup_server_message (json_parser_get_root (parser), NULL);

  bytes = g_bytes_new (raw, strlen (raw));

  return herald_flixysms_dup_server_message (NULL, bytes);
}

/* Seconds in Retry-After, or its HTTP date; else X-RateLimit-Reset. 0: unknown. */
static gint64
response_retry_at (HeraldHttpResponse *response)
{
  const char *retry_after = herald_http_response_get_header (response, "Retry-After");
  const char *reset = herald_http_response_get_header (response, "X-RateLimit-Reset");
  guint64 number;

  if (retry_after != NULL)
    {
      g_autoptr(GDateTime) date = NULL;

      if (g_ascii_string_to_unsigned (retry_after, 10, 0, G_MAXINT32, &number, NULL))
        return g_get_real_time () / G_USEC_PER_SEC + (gint64) number;
      if ((date = soup_date_time_new_from_http_string (retry_after)) != NULL)
        return g_date_time_to_unix (date);
    }
  if (reset != NULL &&
      g_ascii_string_to_unsigned (reset, 10, 1, G_MAXINT64, &number, NULL))
    return (gint64) number;

  return 0;
}

static GError *
error_for_response (HeraldHttpResponse *response)
{
  guint status = herald_http_response_get_status (response);
  g_autofree char *server_message =
    herald_flixysms_dup_server_message (herald_http_response_get_json (response),
                                        herald_http_response_get_body (response));
  GError *error = herald_flixysms_error_new_for_status (status, server_message);

  if (status == 429)
    herald_provider_error_set_retry_at (error, response_retry_at (response));

  return error;
}

/* A transport failure in this dialect's words. @send: the request was a
 * send, where an answer that cannot be read means the fate is unknown. */
static GError *
translate_transport_error (GError   *error,
                           gboolean  send)
{
  guint status = herald_provider_error_get_http_status (error);
  g_autofree char *server_message = NULL;
  GError *translated;

  if (error->domain != HERALD_PROVIDER_ERROR)
    return error;

  switch (error->code)
    {
    case HERALD_PROVIDER_ERROR_SERVER_ERROR:
    case HERALD_PROVIDER_ERROR_RATE_LIMITED:
      /* 503 retried to the end is still "no device"; the server's words
       * may be one of FlixySMS's JSON shapes */
      if (status == 0)
        return error;
      server_message = dup_transport_server_message (error);
      translated = herald_flixysms_error_new_for_status (status, server_message);
      if (herald_provider_error_get_retry_at (error) > 0)
        herald_provider_error_set_retry_at (translated, herald_provider_error_get_retry_at (error));
      g_error_free (error);
      return translated;

    case HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE:
      /* the body of an answer to a send was lost or too large: the server
       * got the request and may have acted on it */
      if (!send || status >= 300)
        return error;
      translated = herald_provider_error_new (HERALD_PROVIDER_ERROR_FATE_UNKNOWN, status,
                                              _("FlixySMS answered, but the answer could not be read (%s), "
                                                "so the message may or may not have been sent. Check its "
                                                "status or the history before sending it again."),
                                              error->message);
      g_error_free (error);
      return translated;

    default:
      return error;
    }
}

/* A 2xx answer to a send that cannot be read: it was probably accepted. */
static GError *
unreadable_send_answer (GError *parse_error)
{
  GError *error;

  if (parse_error->code != HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE)
    return parse_error;

  error = herald_provider_error_new (HERALD_PROVIDER_ERROR_FATE_UNKNOWN, 0,
                                     _("FlixySMS accepted the request, but its answer could not be read "
                                       "(%s), so the message may or may not have been sent. Check its "
                                       "status or the history before sending it again."),
                                     parse_error->message);
  g_error_free (parse_error);

  return error;
}

/* The endpoints. A send is never repeated by the transport and keeps an
 * answer that came even when cancelled meanwhile: it may say the message
 * went out. */

static const HeraldRestEndpoint send_sms = {
  .route = "POST /sms/send", .http_flags = HERALD_HTTP_NOT_IDEMPOTENT,
  .call_flags = HERALD_REST_CALL_KEEP_ANSWER,
  .parse = (HeraldRestParseFunc) herald_flixysms_send_result_parse,
  .free_func = (GDestroyNotify) herald_flixysms_send_result_unref,
};

static const HeraldRestEndpoint send_bulk = {
  .route = "POST /sms/bulk", .http_flags = HERALD_HTTP_NOT_IDEMPOTENT,
  .call_flags = HERALD_REST_CALL_KEEP_ANSWER,
  .parse = (HeraldRestParseFunc) herald_flixysms_bulk_result_parse,
  .free_func = (GDestroyNotify) herald_flixysms_bulk_result_unref,
};

static const HeraldRestEndpoint get_status = {
  .route = "GET /sms/status/:messageId",
  .parse = (HeraldRestParseFunc) herald_flixysms_message_status_parse,
  .free_func = (GDestroyNotify) herald_flixysms_message_status_unref,
};

static const HeraldRestEndpoint list_received = {
  .route = "GET /messages/received",
  .parse = (HeraldRestParseFunc) herald_flixysms_received_page_parse,
  .free_func = (GDestroyNotify) herald_flixysms_received_page_unref,
};

/* the same request, for a page of one */
static const HeraldRestEndpoint test_connection = {
  .route = "GET /messages/received",
  .parse = (HeraldRestParseFunc) herald_flixysms_received_page_parse,
  .free_func = (GDestroyNotify) herald_flixysms_received_page_unref,
};

/* Every failure of a call in FlixySMS's words. */
static GError *
error_for_call (const HeraldRestEndpoint *endpoint,
                const char * const       *params,
                HeraldHttpResponse       *response,
                GError                   *error)
{
  gboolean send = (endpoint->http_flags & HERALD_HTTP_NOT_IDEMPOTENT) != 0;

  if (response == NULL)
    error = translate_transport_error (error, send);
  else if (error == NULL)
    error = error_for_response (response);
  else if (send)
    error = unreadable_send_answer (error);

  if (endpoint == &get_status && g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NOT_FOUND))
    {
      GError *not_found = herald_provider_error_new (HERALD_PROVIDER_ERROR_NOT_FOUND,
                                                     herald_provider_error_get_http_status (error),
                                                     _("FlixySMS knows no message with the ID “%s”."),
                                                     params[0]);

      herald_provider_error_set_server_message (not_found, herald_provider_error_get_server_message (error));
      g_error_free (error);
      error = not_found;
    }

  return error;
}

static JsonNode *
build_send_body (const char         *recipients_member,
                 JsonNode           *recipients,
                 const char         *message,
                 const char         *device_id,
                 const char         *media_url)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, recipients_member);
  json_builder_add_value (builder, json_node_ref (recipients));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  if (device_id != NULL)
    {
      json_builder_set_member_name (builder, "device_id");
      json_builder_add_string_value (builder, device_id);
    }
  if (media_url != NULL)
    {
      json_builder_set_member_name (builder, "media_url");
      json_builder_add_string_value (builder, media_url);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Send */

void
herald_flixysms_client_send_async (HeraldFlixysmsClient *self,
                                   const char           *to,
                                   const char           *message,
                                   const char           *device_id,
                                   const char           *media_url,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(HeraldPhoneNumber) number = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) recipient = NULL;
  GError *error = NULL;

  g_return_if_fail (HERALD_IS_FLIXYSMS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if ((number = parse_number (self, to, &error)) == NULL ||
      !validate_send (message, device_id, media_url, &error))
    {
      herald_rest_report_error (self, &send_sms, callback, user_data, error);
      return;
    }

  recipient = json_node_init_string (json_node_alloc (), herald_phone_number_get_e164 (number));
  body = build_send_body ("to", recipient, message, device_id, media_url);
  herald_rest_call (self, &send_sms, NULL, NULL, body, cancellable, callback, user_data);
}

HeraldFlixysmsSendResult *
herald_flixysms_client_send_finish (HeraldFlixysmsClient  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  return herald_rest_call_finish (self, result, &send_sms, error);
}

/* Bulk */

typedef struct
{
  HeraldFlixysmsBulkReport *report;
  char                     *message;
  char                     *device_id;
  char                     *media_url;
  GArray                   *pending;   /* guint: report indices still to send, in order */
  guint                     next;      /* first index in pending of the batch to send */
  guint                     batch_len;
} BulkData;

static void
bulk_data_free (BulkData *data)
{
  herald_flixysms_bulk_report_unref (data->report);
  g_free (data->message);
  g_free (data->device_id);
  g_free (data->media_url);
  g_array_unref (data->pending);
  g_free (data);
}

static void bulk_send_batch (GTask *task);

static void
bulk_mark_batch (BulkData                     *data,
                 HeraldFlixysmsRecipientState  state,
                 const char * const           *message_ids)
{
  for (guint i = 0; i < data->batch_len; i++)
    herald_flixysms_bulk_report_set_state (data->report,
                                           g_array_index (data->pending, guint, data->next + i),
                                           state, message_ids != NULL ? message_ids[i] : NULL);
}

static void
bulk_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BulkData *data = g_task_get_task_data (task);
  g_autoptr(HeraldFlixysmsBulkResult) batch = NULL;
  const char * const *ids;
  GError *error = NULL;
  guint n_ids;

  batch = herald_rest_call_finish (object, result, &send_bulk, &error);
  if (batch == NULL)
    {
      /* the request may have gone out when the transport says so, or when
       * it was cancelled in flight; anything else was a refusal */
      gboolean maybe_sent = g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN) ||
                            g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      bulk_mark_batch (data, maybe_sent ? HERALD_FLIXYSMS_RECIPIENT_FATE_UNKNOWN
                                        : HERALD_FLIXYSMS_RECIPIENT_NOT_SENT, NULL);
      g_task_return_error (task, error);
      return;
    }

  herald_flixysms_bulk_report_add_batch (data->report, batch);
  ids = herald_flixysms_bulk_result_get_message_ids (batch, &n_ids);
  if (n_ids == data->batch_len)
    {
      /* FlixySMS lists the IDs in the order of the recipients */
      bulk_mark_batch (data, HERALD_FLIXYSMS_RECIPIENT_QUEUED, ids);
    }
  else
    {
      /* some were refused, but which? Never guess: none is sent again */
      g_warning ("FlixySMS returned %u message IDs for %u recipients; marking the batch unknown",
                 n_ids, data->batch_len);
      bulk_mark_batch (data, HERALD_FLIXYSMS_RECIPIENT_FATE_UNKNOWN, NULL);
    }

  data->next += data->batch_len;
  data->batch_len = 0;
  bulk_send_batch (g_steal_pointer (&task));
}

static void
bulk_send_batch (GTask *task)
{
  HeraldFlixysmsClient *self = g_task_get_source_object (task);
  BulkData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) recipients = NULL;
  g_autoptr(JsonArray) array = NULL;

  if (data->next >= data->pending->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  data->batch_len = MIN (data->pending->len - data->next, HERALD_FLIXYSMS_BULK_MAX);
  array = json_array_sized_new (data->batch_len);
  for (guint i = 0; i < data->batch_len; i++)
    json_array_add_string_element (array,
                                   herald_flixysms_bulk_report_get_number (data->report,
                                                                           g_array_index (data->pending, guint,
                                                                                          data->next + i)));
  recipients = json_node_init_array (json_node_alloc (), array);
  body = build_send_body ("recipients", recipients, data->message, data->device_id, data->media_url);

  g_debug ("bulk: sending recipients %u–%u of %u", data->next + 1, data->next + data->batch_len,
           data->pending->len);
  herald_rest_call (self, &send_bulk, NULL, NULL, body, g_task_get_cancellable (task), bulk_cb, task);
}

void
herald_flixysms_client_bulk_async (HeraldFlixysmsClient *self,
                                   const char * const   *recipients,
                                   const char           *message,
                                   const char           *device_id,
                                   const char           *media_url,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) seen = NULL;
  BulkData *data;
  GError *error = NULL;

  g_return_if_fail (HERALD_IS_FLIXYSMS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_flixysms_client_bulk_async);
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (BulkData, 1);
  data->report = herald_flixysms_bulk_report_new ();
  data->message = g_strdup (message);
  data->device_id = g_strdup (device_id);
  data->media_url = g_strdup (media_url);
  data->pending = g_array_new (FALSE, FALSE, sizeof (guint));
  g_task_set_task_data (task, data, (GDestroyNotify) bulk_data_free);

  /* E.164 → index of its first entry */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; recipients != NULL && recipients[i] != NULL; i++)
    {
      g_autoptr(GError) number_error = NULL;
      g_autoptr(HeraldPhoneNumber) number = NULL;
      gpointer first;

      number = herald_phone_number_parse (recipients[i], DEFAULT_REGION (self),
                                          HERALD_PHONE_NUMBER_FLAGS_NONE, &number_error);
      if (number == NULL)
        {
          herald_flixysms_bulk_report_add_invalid (data->report, recipients[i],
                                                   herald_phone_number_error_to_reason (number_error),
                                                   number_error->message);
        }
      else if (g_hash_table_lookup_extended (seen, herald_phone_number_get_e164 (number), NULL, &first))
        {
          herald_flixysms_bulk_report_add_duplicate (data->report, recipients[i],
                                                     herald_phone_number_get_e164 (number),
                                                     GPOINTER_TO_UINT (first));
        }
      else
        {
          guint index = herald_flixysms_bulk_report_add_number (data->report, recipients[i],
                                                                herald_phone_number_get_e164 (number));

          g_hash_table_insert (seen, g_strdup (herald_phone_number_get_e164 (number)),
                               GUINT_TO_POINTER (index));
          g_array_append_val (data->pending, index);
        }
    }

  if (!validate_send (message, device_id, media_url, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (data->pending->len == 0)
    {
      g_task_return_new_error (task, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                               "%s", herald_flixysms_bulk_report_get_n_recipients (data->report) == 0
                                       ? _("There are no recipients.")
                                       : _("None of the recipients is a phone number FlixySMS can send to."));
      return;
    }

  bulk_send_batch (g_steal_pointer (&task));
}

gboolean
herald_flixysms_client_bulk_finish (HeraldFlixysmsClient      *self,
                                    GAsyncResult              *result,
                                    HeraldFlixysmsBulkReport **report,
                                    GError                   **error)
{
  BulkData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == herald_flixysms_client_bulk_async, FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (report != NULL)
    *report = herald_flixysms_bulk_report_ref (data->report);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Status */

void
herald_flixysms_client_status_async (HeraldFlixysmsClient *self,
                                     const char           *message_id,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_FLIXYSMS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (message_id == NULL || *message_id == '\0' || strlen (message_id) > MESSAGE_ID_MAX ||
      !g_utf8_validate (message_id, -1, NULL))
    {
      herald_rest_report_error (self, &get_status, callback, user_data,
                                g_error_new (HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                                             _("“%s” is not a FlixySMS message ID."),
                                             message_id != NULL && g_utf8_validate (message_id, -1, NULL)
                                               ? message_id : ""));
      return;
    }

  herald_rest_call (self, &get_status, (const char *[]) { message_id, NULL }, NULL, NULL,
                    cancellable, callback, user_data);
}

HeraldFlixysmsMessageStatus *
herald_flixysms_client_status_finish (HeraldFlixysmsClient  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  return herald_rest_call_finish (self, result, &get_status, error);
}

/* Received messages */

/* The query of a filter, without page; NULL and INVALID_INPUT for a bad one. */
static GHashTable *
build_received_query (HeraldFlixysmsClient                *self,
                      const HeraldFlixysmsReceivedFilter  *filter,
                      GError                             **error)
{
  g_autoptr(GHashTable) query = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (filter == NULL)
    return g_steal_pointer (&query);

  if (filter->from != NULL)
    {
      g_autoptr(HeraldPhoneNumber) number = parse_number (self, filter->from, error);

      if (number == NULL)
        return NULL;
      g_hash_table_insert (query, (gpointer) "from", g_strdup (herald_phone_number_get_e164 (number)));
    }
  if (filter->device_id != NULL)
    g_hash_table_insert (query, (gpointer) "device_id", g_strdup (filter->device_id));
  if (filter->since != NULL && filter->until != NULL &&
      g_date_time_compare (filter->since, filter->until) > 0)
    {
      g_set_error_literal (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                           _("The start of the period is after its end."));
      return NULL;
    }
  /* the document's own form: UTC, whole seconds, "Z" */
  if (filter->since != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (filter->since);

      g_hash_table_insert (query, (gpointer) "since", g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ"));
    }
  if (filter->until != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (filter->until);

      g_hash_table_insert (query, (gpointer) "until", g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ"));
    }

  return g_steal_pointer (&query);
}

static void
request_received_page (HeraldFlixysmsClient     *self,
                       const HeraldRestEndpoint *endpoint,
                       GHashTable               *query,
                       guint                     page,
                       guint                     per_page,
                       GCancellable             *cancellable,
                       GAsyncReadyCallback       callback,
                       gpointer                  user_data)
{
  g_hash_table_replace (query, (gpointer) "page", g_strdup_printf ("%u", MAX (page, 1)));
  if (per_page > 0)
    g_hash_table_replace (query, (gpointer) "per_page", g_strdup_printf ("%u", per_page));
  else
    g_hash_table_remove (query, "per_page");

  herald_rest_call (self, endpoint, NULL, query, NULL, cancellable, callback, user_data);
}

void
herald_flixysms_client_received_async (HeraldFlixysmsClient               *self,
                                       const HeraldFlixysmsReceivedFilter *filter,
                                       guint                               page,
                                       guint                               per_page,
                                       GCancellable                       *cancellable,
                                       GAsyncReadyCallback                 callback,
                                       gpointer                            user_data)
{
  g_autoptr(GHashTable) query = NULL;
  GError *error = NULL;

  g_return_if_fail (HERALD_IS_FLIXYSMS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if ((query = build_received_query (self, filter, &error)) == NULL)
    {
      herald_rest_report_error (self, &list_received, callback, user_data, error);
      return;
    }

  request_received_page (self, &list_received, query, page, per_page, cancellable, callback, user_data);
}

HeraldFlixysmsReceivedPage *
herald_flixysms_client_received_finish (HeraldFlixysmsClient  *self,
                                        GAsyncResult          *result,
                                        GError               **error)
{
  return herald_rest_call_finish (self, result, &list_received, error);
}

static guint
received_get_n_items (gpointer page)
{
  return g_list_model_get_n_items (herald_flixysms_received_page_get_items (page));
}

static gpointer
received_dup_item (gpointer page,
                   guint    index)
{
  return g_list_model_get_item (herald_flixysms_received_page_get_items (page), index);
}

static gboolean
received_has_more (gpointer page,
                   guint    number)
{
  return herald_flixysms_received_page_get_has_more (page) &&
         number < herald_flixysms_received_page_get_total_pages (page);
}

/* newest first: a message arriving meanwhile pushes an older one onto the
 * next page, where it is met again — never lost, skipped there */
static const HeraldRestPaging all_received = {
  .endpoint = &list_received,
  .what = "FlixySMS received messages",
  .max_pages = RECEIVED_MAX_PAGES,
  .get_n_items = received_get_n_items,
  .dup_item = received_dup_item,
  .get_id = (const char *(*) (gpointer)) herald_flixysms_received_message_get_id,
  .item_free = g_object_unref,
  .has_more = received_has_more,
};

void
herald_flixysms_client_received_all_async (HeraldFlixysmsClient               *self,
                                           const HeraldFlixysmsReceivedFilter *filter,
                                           GCancellable                       *cancellable,
                                           GAsyncReadyCallback                 callback,
                                           gpointer                            user_data)
{
  g_autoptr(GHashTable) query = NULL;
  GError *error = NULL;

  g_return_if_fail (HERALD_IS_FLIXYSMS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if ((query = build_received_query (self, filter, &error)) == NULL)
    {
      herald_rest_report_error (self, &all_received, callback, user_data, error);
      return;
    }

  herald_rest_call_all_pages (self, &all_received, query, cancellable, callback, user_data);
}

GListModel *
herald_flixysms_client_received_all_finish (HeraldFlixysmsClient  *self,
                                            GAsyncResult          *result,
                                            GError               **error)
{
  g_autoptr(GPtrArray) items = herald_rest_call_all_pages_finish (self, result, &all_received, error);
  GListStore *store;

  if (items == NULL)
    return NULL;

  store = g_list_store_new (HERALD_TYPE_FLIXYSMS_RECEIVED_MESSAGE);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (store);
}

/* Test connection */

void
herald_flixysms_client_test_connection_async (HeraldFlixysmsClient *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data)
{
  g_autoptr(GHashTable) query = NULL;

  g_return_if_fail (HERALD_IS_FLIXYSMS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  query = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  request_received_page (self, &test_connection, query, 1, 1, cancellable, callback, user_data);
}

gboolean
herald_flixysms_client_test_connection_finish (HeraldFlixysmsClient  *self,
                                               GAsyncResult          *result,
                                               GError               **error)
{
  g_autoptr(HeraldFlixysmsReceivedPage) page = herald_rest_call_finish (self, result, &test_connection, error);

  return page != NULL;
}

/* GObject */

static void
herald_flixysms_client_class_init (HeraldFlixysmsClientClass *klass)
{
  HERALD_REST_CLIENT_CLASS (klass)->error_for_call = error_for_call;
}

static void
herald_flixysms_client_init (HeraldFlixysmsClient *self)
{
}

HeraldFlixysmsClient *
herald_flixysms_client_new (HeraldHttpClient *http_client,
                            const char       *default_region)
{
  g_return_val_if_fail (HERALD_IS_HTTP_CLIENT (http_client), NULL);

  return g_object_new (HERALD_TYPE_FLIXYSMS_CLIENT,
                       "http-client", http_client,
                       "default-region", default_region != NULL && *default_region != '\0'
                                         ? default_region : NULL,
                       NULL);
}

HeraldFlixysmsClient *
herald_flixysms_client_new_for_key (const char  *base_url,
                                    const char  *api_key,
                                    const char  *default_region,
                                    GError     **error)
{
  g_autoptr(HeraldHttpClient) http = NULL;

  http = herald_http_client_new (base_url != NULL ? base_url : HERALD_FLIXYSMS_DEFAULT_BASE_URL,
                                 api_key, HERALD_AUTH_BEARER, error);
  if (http == NULL)
    return NULL;

  return herald_flixysms_client_new (http, default_region);
}

