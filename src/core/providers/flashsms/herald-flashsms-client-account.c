/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flashsms"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-flashsms-client-private.h"
#include "herald-flashsms-types-private.h"
#include "net/herald-provider-error.h"

/* Contact groups, sender IDs, templates and credit transactions. */

static gpointer
parse_group (JsonNode    *root,
             const char  *endpoint,
             GError     **error)
{
  return herald_flashsms_group_parse (root, endpoint, error);
}

static gpointer
parse_group_list (JsonNode    *root,
                  const char  *endpoint,
                  GError     **error)
{
  return herald_flashsms_group_list_parse (root, error);
}

static gpointer
parse_sender_list (JsonNode    *root,
                   const char  *endpoint,
                   GError     **error)
{
  return herald_flashsms_sender_id_list_parse (root, error);
}

static gpointer
parse_template (JsonNode    *root,
                const char  *endpoint,
                GError     **error)
{
  return herald_flashsms_template_parse (root, endpoint, error);
}

static gpointer
parse_template_list (JsonNode    *root,
                     const char  *endpoint,
                     GError     **error)
{
  return herald_flashsms_template_list_parse (root, error);
}

static gpointer
parse_transaction_page (JsonNode    *root,
                        const char  *endpoint,
                        GError     **error)
{
  return herald_flashsms_transaction_page_parse (root, error);
}

/* ---- groups ----------------------------------------------------------------------------------- */

void
herald_flashsms_client_list_groups_async (HeraldFlashsmsClient *self,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  _herald_flashsms_client_call (self, "GET", "/contacts/groups", "GET /contacts/groups", NULL, NULL,
                                HERALD_HTTP_FLAGS_NONE, HERALD_FLASHSMS_CALL_NONE,
                                parse_group_list, (GDestroyNotify) g_ptr_array_unref,
                                herald_flashsms_client_list_groups_async,
                                cancellable, callback, user_data);
}

GPtrArray *
herald_flashsms_client_list_groups_finish (HeraldFlashsmsClient  *self,
                                           GAsyncResult          *result,
                                           GError               **error)
{
  return _herald_flashsms_client_call_finish (self, result, herald_flashsms_client_list_groups_async, error);
}

static JsonNode *
name_body_new (const char *name,
               const char *content)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  _herald_flashsms_add_member (builder, "name", name);
  _herald_flashsms_add_member (builder, "content", content);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
herald_flashsms_client_create_group_async (HeraldFlashsmsClient *self,
                                           const char           *name,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  if (name == NULL || name[0] == '\0')
    {
      g_task_report_error (self, callback, user_data, herald_flashsms_client_create_group_async,
                           _herald_flashsms_empty_argument_error (_("group name")));
      return;
    }

  body = name_body_new (name, NULL);
  _herald_flashsms_client_call (self, "POST", "/contacts/groups", "POST /contacts/groups", NULL, body,
                                HERALD_HTTP_NOT_IDEMPOTENT, HERALD_FLASHSMS_CALL_NONE,
                                parse_group, (GDestroyNotify) herald_flashsms_group_unref,
                                herald_flashsms_client_create_group_async,
                                cancellable, callback, user_data);
}

HeraldFlashsmsGroup *
herald_flashsms_client_create_group_finish (HeraldFlashsmsClient  *self,
                                            GAsyncResult          *result,
                                            GError               **error)
{
  return _herald_flashsms_client_call_finish (self, result, herald_flashsms_client_create_group_async, error);
}

void
herald_flashsms_client_delete_group_async (HeraldFlashsmsClient *self,
                                           const char           *group_id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data)
{
  g_autofree char *path = NULL;
  GError *error = NULL;

  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  path = _herald_flashsms_path_with_id ("/contacts/groups/", group_id, "", &error);
  if (path == NULL)
    {
      g_task_report_error (self, callback, user_data, herald_flashsms_client_delete_group_async, error);
      return;
    }

  _herald_flashsms_client_call (self, "DELETE", path, "DELETE /contacts/groups/:groupId", NULL, NULL,
                                HERALD_HTTP_FLAGS_NONE, HERALD_FLASHSMS_CALL_NONE,
                                _herald_flashsms_parse_success, NULL,
                                herald_flashsms_client_delete_group_async,
                                cancellable, callback, user_data);
}

gboolean
herald_flashsms_client_delete_group_finish (HeraldFlashsmsClient  *self,
                                            GAsyncResult          *result,
                                            GError               **error)
{
  return _herald_flashsms_client_call_finish_boolean (self, result, herald_flashsms_client_delete_group_async, error);
}

/* ---- GET /sender-ids ------------------------------------------------------------------------------ */

void
herald_flashsms_client_list_sender_ids_async (HeraldFlashsmsClient *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  _herald_flashsms_client_call (self, "GET", "/sender-ids", "GET /sender-ids", NULL, NULL,
                                HERALD_HTTP_FLAGS_NONE, HERALD_FLASHSMS_CALL_NONE,
                                parse_sender_list, (GDestroyNotify) g_ptr_array_unref,
                                herald_flashsms_client_list_sender_ids_async,
                                cancellable, callback, user_data);
}

GPtrArray *
herald_flashsms_client_list_sender_ids_finish (HeraldFlashsmsClient  *self,
                                               GAsyncResult          *result,
                                               GError               **error)
{
  return _herald_flashsms_client_call_finish (self, result, herald_flashsms_client_list_sender_ids_async, error);
}

/* ---- templates -------------------------------------------------------------------------------------- */

void
herald_flashsms_client_list_templates_async (HeraldFlashsmsClient *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  _herald_flashsms_client_call (self, "GET", "/templates", "GET /templates", NULL, NULL,
                                HERALD_HTTP_FLAGS_NONE, HERALD_FLASHSMS_CALL_NONE,
                                parse_template_list, (GDestroyNotify) g_ptr_array_unref,
                                herald_flashsms_client_list_templates_async,
                                cancellable, callback, user_data);
}

GPtrArray *
herald_flashsms_client_list_templates_finish (HeraldFlashsmsClient  *self,
                                              GAsyncResult          *result,
                                              GError               **error)
{
  return _herald_flashsms_client_call_finish (self, result, herald_flashsms_client_list_templates_async, error);
}

static GError *
check_template (const char *name,
                const char *content)
{
  if (name == NULL || name[0] == '\0')
    return _herald_flashsms_empty_argument_error (_("template name"));
  if (content == NULL || content[0] == '\0')
    return _herald_flashsms_empty_argument_error (_("template text"));

  return NULL;
}

void
herald_flashsms_client_create_template_async (HeraldFlashsmsClient *self,
                                              const char           *name,
                                              const char           *content,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data)
{
  g_autoptr(JsonNode) body = NULL;
  GError *error;

  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  error = check_template (name, content);
  if (error != NULL)
    {
      g_task_report_error (self, callback, user_data, herald_flashsms_client_create_template_async, error);
      return;
    }

  body = name_body_new (name, content);
  _herald_flashsms_client_call (self, "POST", "/templates", "POST /templates", NULL, body,
                                HERALD_HTTP_NOT_IDEMPOTENT, HERALD_FLASHSMS_CALL_NONE,
                                parse_template, (GDestroyNotify) herald_flashsms_template_unref,
                                herald_flashsms_client_create_template_async,
                                cancellable, callback, user_data);
}

HeraldFlashsmsTemplate *
herald_flashsms_client_create_template_finish (HeraldFlashsmsClient  *self,
                                               GAsyncResult          *result,
                                               GError               **error)
{
  return _herald_flashsms_client_call_finish (self, result, herald_flashsms_client_create_template_async, error);
}

void
herald_flashsms_client_update_template_async (HeraldFlashsmsClient *self,
                                              const char           *template_id,
                                              const char           *name,
                                              const char           *content,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  path = _herald_flashsms_path_with_id ("/templates/", template_id, "", &error);
  if (path != NULL)
    error = check_template (name, content);
  if (error != NULL)
    {
      g_task_report_error (self, callback, user_data, herald_flashsms_client_update_template_async, error);
      return;
    }

  body = name_body_new (name, content);
  _herald_flashsms_client_call (self, "PUT", path, "PUT /templates/:templateId", NULL, body,
                                HERALD_HTTP_FLAGS_NONE, HERALD_FLASHSMS_CALL_PATCH_ON_405,
                                parse_template, (GDestroyNotify) herald_flashsms_template_unref,
                                herald_flashsms_client_update_template_async,
                                cancellable, callback, user_data);
}

HeraldFlashsmsTemplate *
herald_flashsms_client_update_template_finish (HeraldFlashsmsClient  *self,
                                               GAsyncResult          *result,
                                               GError               **error)
{
  return _herald_flashsms_client_call_finish (self, result, herald_flashsms_client_update_template_async, error);
}

void
herald_flashsms_client_delete_template_async (HeraldFlashsmsClient *self,
                                              const char           *template_id,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data)
{
  g_autofree char *path = NULL;
  GError *error = NULL;

  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  path = _herald_flashsms_path_with_id ("/templates/", template_id, "", &error);
  if (path == NULL)
    {
      g_task_report_error (self, callback, user_data, herald_flashsms_client_delete_template_async, error);
      return;
    }

  _herald_flashsms_client_call (self, "DELETE", path, "DELETE /templates/:templateId", NULL, NULL,
                                HERALD_HTTP_FLAGS_NONE, HERALD_FLASHSMS_CALL_NONE,
                                _herald_flashsms_parse_success, NULL,
                                herald_flashsms_client_delete_template_async,
                                cancellable, callback, user_data);
}

gboolean
herald_flashsms_client_delete_template_finish (HeraldFlashsmsClient  *self,
                                               GAsyncResult          *result,
                                               GError               **error)
{
  return _herald_flashsms_client_call_finish_boolean (self, result, herald_flashsms_client_delete_template_async, error);
}

/* ---- GET /transactions ------------------------------------------------------------------------------- */

void
herald_flashsms_client_list_transactions_async (HeraldFlashsmsClient                  *self,
                                                const HeraldFlashsmsTransactionFilter *filter,
                                                guint                                  page,
                                                guint                                  limit,
                                                GCancellable                          *cancellable,
                                                GAsyncReadyCallback                    callback,
                                                gpointer                               user_data)
{
  g_autoptr(GHashTable) query = NULL;
  GError *error = NULL;

  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  if (!_herald_flashsms_check_limit (limit, HERALD_FLASHSMS_MAX_HISTORY_LIMIT, &error))
    {
      g_task_report_error (self, callback, user_data, herald_flashsms_client_list_transactions_async, error);
      return;
    }

  query = _herald_flashsms_query_new ();
  if (page > 0)
    _herald_flashsms_query_add_uint (query, "page", page);
  if (limit > 0)
    _herald_flashsms_query_add_uint (query, "limit", limit);
  if (filter != NULL)
    {
      const char *type = herald_flashsms_transaction_type_to_string (filter->type);

      if (type != NULL)
        g_hash_table_replace (query, (gpointer) "type", g_strdup (type));
      _herald_flashsms_query_add_time (query, "startDate", filter->start_date);
      _herald_flashsms_query_add_time (query, "endDate", filter->end_date);
    }

  _herald_flashsms_client_call (self, "GET", "/transactions", "GET /transactions", query, NULL,
                                HERALD_HTTP_FLAGS_NONE, HERALD_FLASHSMS_CALL_NONE,
                                parse_transaction_page, (GDestroyNotify) herald_flashsms_transaction_page_unref,
                                herald_flashsms_client_list_transactions_async,
                                cancellable, callback, user_data);
}

HeraldFlashsmsTransactionPage *
herald_flashsms_client_list_transactions_finish (HeraldFlashsmsClient  *self,
                                                 GAsyncResult          *result,
                                                 GError               **error)
{
  return _herald_flashsms_client_call_finish (self, result, herald_flashsms_client_list_transactions_async, error);
}
