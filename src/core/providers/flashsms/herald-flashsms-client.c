/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flashsms"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-flashsms-client-private.h"
#include "herald-flashsms-provider-private.h"
#include "herald-flashsms-types-private.h"
#include "net/herald-provider-error.h"
#include "text/herald-sms-text.h"

/* The client object, the request plumbing every endpoint shares, and the
 * read-only messaging endpoints: balance, history, status, estimate and
 * delivery report. The rest of the class: herald-flashsms-client-send.c
 * (sending), -contacts.c (contacts and imports), -account.c (groups, sender
 * IDs, templates, transactions) and -key-check.c (test_connection). */

/* Bounds the all-pages helper against a server whose pagination never ends. */
#define MAX_HISTORY_PAGES 10000

struct _HeraldFlashsmsClient
{
  HeraldRestClient parent_instance;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (HeraldFlashsmsClient, herald_flashsms_client, HERALD_TYPE_REST_CLIENT,
                               _HERALD_FLASHSMS_IMPLEMENT_INTERFACES)

static GError *error_for_call (const HeraldRestEndpoint *endpoint,
                               const char * const       *params,
                               HeraldHttpResponse       *response,
                               GError                   *error);

/* ---- the object ----------------------------------------------------------------- */

static void
herald_flashsms_client_class_init (HeraldFlashsmsClientClass *klass)
{
  HeraldRestClientClass *rest_class = HERALD_REST_CLIENT_CLASS (klass);

  rest_class->error_for_call = error_for_call;
  rest_class->default_region = HERALD_FLASHSMS_DEFAULT_REGION;
}

static void
herald_flashsms_client_init (HeraldFlashsmsClient *self)
{
}

HeraldFlashsmsClient *
herald_flashsms_client_new (HeraldHttpClient *http)
{
  g_return_val_if_fail (HERALD_IS_HTTP_CLIENT (http), NULL);

  return g_object_new (HERALD_TYPE_FLASHSMS_CLIENT, "http-client", http, NULL);
}

HeraldFlashsmsClient *
herald_flashsms_client_new_for_account (const char       *base_url,
                                        const char       *api_key,
                                        HeraldAuthStyle   auth_style,
                                        GError          **error)
{
  g_autoptr(HeraldHttpClient) http = herald_http_client_new (base_url, api_key, auth_style, error);

  if (http == NULL)
    return NULL;

  return herald_flashsms_client_new (http);
}

/* ---- shared helpers ----------------------------------------------------------------- */

GHashTable *
_herald_flashsms_query_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

void
_herald_flashsms_query_add_uint (GHashTable *query,
                                 const char *name,
                                 guint       value)
{
  g_hash_table_replace (query, (gpointer) name, g_strdup_printf ("%u", value));
}

void
_herald_flashsms_query_add_time (GHashTable *query,
                                 const char *name,
                                 GDateTime  *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return;

  /* The form of the document's examples: "2024-12-21T10:30:00Z". */
  utc = g_date_time_to_utc (time);
  g_hash_table_replace (query, (gpointer) name, g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ"));
}

gboolean
_herald_flashsms_check_limit (guint    limit,
                              guint    max_limit,
                              GError **error)
{
  if (limit <= max_limit)
    return TRUE;

  g_propagate_error (error, herald_provider_error_new (HERALD_PROVIDER_ERROR_INVALID_INPUT, 0,
                                                       _("FlashSMS returns at most %u items a page; %u were asked for."),
                                                       max_limit, limit));
  return FALSE;
}

char *
_herald_flashsms_client_format_phone (HeraldFlashsmsClient    *self,
                                      const char              *input,
                                      HeraldPhoneNumberFlags   flags,
                                      char                   **reason,
                                      GError                 **error)
{
  g_autoptr(HeraldPhoneNumber) number = NULL;
  g_autoptr(GError) local_error = NULL;

  if (input == NULL || input[0] == '\0')
    {
      if (reason != NULL)
        *reason = g_strdup ("empty");
      g_propagate_error (error, herald_provider_error_new (HERALD_PROVIDER_ERROR_INVALID_INPUT, 0,
                                                           _("The phone number is empty.")));
      return NULL;
    }

  number = herald_phone_number_parse (input, herald_rest_client_get_default_region (HERALD_REST_CLIENT (self)),
                                      flags, &local_error);
  if (number == NULL)
    {
      if (reason != NULL)
        *reason = g_strdup (herald_phone_number_error_to_reason (local_error));
      g_propagate_error (error, herald_provider_error_new (HERALD_PROVIDER_ERROR_INVALID_INPUT, 0,
                                                           _("“%s” is not a phone number FlashSMS can take: %s"),
                                                           input, local_error->message));
      return NULL;
    }

  return herald_phone_number_format_for_flashsms (number);
}

gpointer
_herald_flashsms_parse_success (JsonNode    *root,
                                const char  *endpoint,
                                GError     **error)
{
  JsonNode *success;

  /* The document shows no body for deletes: any 2xx that does not say
   * {"success": false} is taken as done. */
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return GINT_TO_POINTER (TRUE);

  success = json_object_get_member (json_node_get_object (root), "success");
  if (success != NULL && JSON_NODE_HOLDS_VALUE (success) &&
      json_node_get_value_type (success) == G_TYPE_BOOLEAN && !json_node_get_boolean (success))
    {
      HeraldJsonCursor data;

      /* Let the envelope reader word the refusal. */
      _herald_flashsms_read_envelope (root, endpoint, &data, error);
      return NULL;
    }

  return GINT_TO_POINTER (TRUE);
}

GError *
_herald_flashsms_check_message (const char *message,
                                guint      *parts)
{
  g_autoptr(HeraldSmsAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  guint characters;

  if (message == NULL || message[0] == '\0')
    return herald_provider_error_new (HERALD_PROVIDER_ERROR_INVALID_INPUT, 0,
                                      _("The message is empty."));

  analysis = herald_sms_analyse (message, -1, &error);
  if (analysis == NULL)
    return herald_provider_error_new (HERALD_PROVIDER_ERROR_INVALID_INPUT, 0,
                                      _("The message cannot be sent: %s"), error->message);

  characters = herald_sms_analysis_get_characters (analysis);
  *parts = herald_sms_analysis_get_parts (analysis);
  if (characters > HERALD_FLASHSMS_MAX_CHARACTERS || *parts > HERALD_FLASHSMS_MAX_PARTS)
    return herald_provider_error_new (HERALD_PROVIDER_ERROR_INVALID_INPUT, 0,
                                      _("The message is too long for FlashSMS: %u characters in %u parts, where FlashSMS takes at most %u characters in %u parts."),
                                      characters, *parts, HERALD_FLASHSMS_MAX_CHARACTERS,
                                      HERALD_FLASHSMS_MAX_PARTS);

  return NULL;
}

JsonNode *
_herald_flashsms_estimate_body_new (const char *message,
                                    guint       recipient_count)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "recipientCount");
  json_builder_add_int_value (builder, recipient_count);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
_herald_flashsms_add_member (JsonBuilder *builder,
                             const char  *name,
                             const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

GError *
_herald_flashsms_empty_argument_error (const char *what)
{
  return herald_provider_error_new (HERALD_PROVIDER_ERROR_INVALID_INPUT, 0,
                                    _("The %s is empty."), what);
}

/* ---- one request ---------------------------------------------------------------------- */

static GError *
error_for_call (const HeraldRestEndpoint *endpoint,
                const char * const       *params,
                HeraldHttpResponse       *response,
                GError                   *error)
{
  guint status;

  if (response == NULL)
    return error;

  status = herald_http_response_get_status (response);
  if (error == NULL)
    return herald_flashsms_error_new_from_response (status, herald_http_response_get_json (response),
                                                    endpoint->route);

  if (herald_http_response_get_json (response) == NULL)
    {
      g_error_free (error);
      return herald_provider_error_new (HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, status,
                                        _("FlashSMS answered %s with something that is not JSON. Check the account’s address: it should end in /api/v1."),
                                        endpoint->route);
    }

  return error;
}

/* ---- the endpoints ------------------------------------------------------------------------- */

static const HeraldRestEndpoint get_balance = {
  .route = "GET /balance",
  .parse = (HeraldRestParseFunc) herald_flashsms_balance_parse,
  .free_func = (GDestroyNotify) herald_flashsms_balance_unref,
};

static const HeraldRestEndpoint list_history = {
  .route = "GET /sms",
  .parse = (HeraldRestParseFunc) herald_flashsms_history_page_parse,
  .free_func = (GDestroyNotify) herald_flashsms_history_page_unref,
};

static const HeraldRestEndpoint get_status = {
  .route = "GET /sms/status/:messageId",
  .parse = (HeraldRestParseFunc) herald_flashsms_message_parse,
  .free_func = (GDestroyNotify) herald_flashsms_message_unref,
};

static const HeraldRestEndpoint get_report = {
  .route = "GET /sms/:messageId/recipients",
  .parse = (HeraldRestParseFunc) herald_flashsms_report_parse,
  .free_func = (GDestroyNotify) herald_flashsms_report_unref,
};

static const HeraldRestEndpoint estimate = {
  .route = "POST /sms/estimate",
  .parse = (HeraldRestParseFunc) herald_flashsms_estimate_parse,
  .free_func = (GDestroyNotify) herald_flashsms_estimate_unref,
};

/* ---- GET /balance --------------------------------------------------------------------------- */

void
herald_flashsms_client_get_balance_async (HeraldFlashsmsClient *self,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  herald_rest_call (self, &get_balance, NULL, NULL, NULL, cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (HeraldFlashsmsBalance *, herald_flashsms_client_get_balance_finish, get_balance)

/* ---- GET /sms -------------------------------------------------------------------------------- */

static GHashTable *
history_query_new (const HeraldFlashsmsHistoryFilter *filter,
                   guint                              page,
                   guint                              limit)
{
  GHashTable *query = _herald_flashsms_query_new ();

  if (page > 0)
    _herald_flashsms_query_add_uint (query, "page", page);
  if (limit > 0)
    _herald_flashsms_query_add_uint (query, "limit", limit);
  if (filter != NULL)
    {
      const char *status = herald_flashsms_status_to_string (filter->status);

      if (status != NULL)
        g_hash_table_replace (query, (gpointer) "status", g_strdup (status));
      _herald_flashsms_query_add_time (query, "startDate", filter->start_date);
      _herald_flashsms_query_add_time (query, "endDate", filter->end_date);
    }

  return query;
}

void
herald_flashsms_client_list_history_async (HeraldFlashsmsClient              *self,
                                           const HeraldFlashsmsHistoryFilter *filter,
                                           guint                              page,
                                           guint                              limit,
                                           GCancellable                      *cancellable,
                                           GAsyncReadyCallback                callback,
                                           gpointer                           user_data)
{
  g_autoptr(GHashTable) query = NULL;
  GError *error = NULL;

  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  if (!_herald_flashsms_check_limit (limit, HERALD_FLASHSMS_MAX_HISTORY_LIMIT, &error))
    {
      herald_rest_report_error (self, &list_history, callback, user_data, error);
      return;
    }

  query = history_query_new (filter, page, limit);
  herald_rest_call (self, &list_history, NULL, query, NULL, cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (HeraldFlashsmsHistoryPage *, herald_flashsms_client_list_history_finish, list_history)

static guint
history_get_n_items (gpointer page)
{
  return herald_flashsms_history_page_get_messages (page)->len;
}

static gpointer
history_dup_item (gpointer page,
                  guint    index)
{
  return herald_flashsms_message_ref (g_ptr_array_index (herald_flashsms_history_page_get_messages (page), index));
}

static gboolean
history_has_more (gpointer page,
                  guint    number)
{
  const HeraldFlashsmsPagination *pagination = herald_flashsms_history_page_get_pagination (page);

  return pagination->has_more && number < pagination->total_pages;
}

static const HeraldRestPaging all_history = {
  .endpoint = &list_history,
  .what = "FlashSMS history",
  .max_pages = MAX_HISTORY_PAGES,
  .get_n_items = history_get_n_items,
  .dup_item = history_dup_item,
  .get_id = (const char *(*) (gpointer)) herald_flashsms_message_get_id,
  .item_free = (GDestroyNotify) herald_flashsms_message_unref,
  .has_more = history_has_more,
};

void
herald_flashsms_client_list_all_history_async (HeraldFlashsmsClient              *self,
                                               const HeraldFlashsmsHistoryFilter *filter,
                                               GCancellable                      *cancellable,
                                               GAsyncReadyCallback                callback,
                                               gpointer                           user_data)
{
  g_autoptr(GHashTable) query = NULL;

  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  query = history_query_new (filter, 0, HERALD_FLASHSMS_MAX_HISTORY_LIMIT);
  herald_rest_call_all_pages (self, &all_history, query, cancellable, callback, user_data);
}

GPtrArray *
herald_flashsms_client_list_all_history_finish (HeraldFlashsmsClient  *self,
                                                GAsyncResult          *result,
                                                GError               **error)
{
  g_return_val_if_fail (HERALD_IS_FLASHSMS_CLIENT (self), NULL);

  return herald_rest_call_all_pages_finish (self, result, &all_history, error);
}

/* ---- GET /sms/status/:id, GET /sms/:id/recipients ------------------------------------------------ */

void
herald_flashsms_client_get_status_async (HeraldFlashsmsClient *self,
                                         const char           *message_id,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  herald_rest_call (self, &get_status, (const char *[]) { message_id, NULL }, NULL, NULL,
                    cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (HeraldFlashsmsMessage *, herald_flashsms_client_get_status_finish, get_status)

void
herald_flashsms_client_get_report_async (HeraldFlashsmsClient *self,
                                         const char           *message_id,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  herald_rest_call (self, &get_report, (const char *[]) { message_id, NULL }, NULL, NULL,
                    cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (HeraldFlashsmsReport *, herald_flashsms_client_get_report_finish, get_report)

/* ---- POST /sms/estimate ------------------------------------------------------------------------- */

void
herald_flashsms_client_estimate_async (HeraldFlashsmsClient *self,
                                       const char           *message,
                                       guint                 recipient_count,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data)
{
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;
  guint parts;

  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  error = _herald_flashsms_check_message (message, &parts);
  if (error == NULL && (recipient_count < 1 || recipient_count > HERALD_FLASHSMS_MAX_ESTIMATE_RECIPIENTS))
    error = herald_provider_error_new (HERALD_PROVIDER_ERROR_INVALID_INPUT, 0,
                                       _("FlashSMS estimates for 1 to %u recipients; %u were given."),
                                       HERALD_FLASHSMS_MAX_ESTIMATE_RECIPIENTS, recipient_count);
  if (error != NULL)
    {
      herald_rest_report_error (self, &estimate, callback, user_data, error);
      return;
    }

  body = _herald_flashsms_estimate_body_new (message, recipient_count);
  herald_rest_call (self, &estimate, NULL, NULL, body, cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (HeraldFlashsmsEstimate *, herald_flashsms_client_estimate_finish, estimate)
