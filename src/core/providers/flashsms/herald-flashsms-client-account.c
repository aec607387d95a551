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

/* ---- the endpoints ------------------------------------------------------------------------- */

static const HeraldRestEndpoint list_groups = {
  .route = "GET /contacts/groups",
  .parse = (HeraldRestParseFunc) herald_flashsms_group_list_parse,
  .free_func = (GDestroyNotify) g_ptr_array_unref,
};

static const HeraldRestEndpoint create_group = {
  .route = "POST /contacts/groups", .http_flags = HERALD_HTTP_NOT_IDEMPOTENT,
  .parse_route = (HeraldRestParseRouteFunc) herald_flashsms_group_parse,
  .free_func = (GDestroyNotify) herald_flashsms_group_unref,
};

static const HeraldRestEndpoint delete_group = {
  .route = "DELETE /contacts/groups/:groupId",
  .parse_route = _herald_flashsms_parse_success,
};

static const HeraldRestEndpoint list_sender_ids = {
  .route = "GET /sender-ids",
  .parse = (HeraldRestParseFunc) herald_flashsms_sender_id_list_parse,
  .free_func = (GDestroyNotify) g_ptr_array_unref,
};

static const HeraldRestEndpoint list_templates = {
  .route = "GET /templates",
  .parse = (HeraldRestParseFunc) herald_flashsms_template_list_parse,
  .free_func = (GDestroyNotify) g_ptr_array_unref,
};

static const HeraldRestEndpoint create_template = {
  .route = "POST /templates", .http_flags = HERALD_HTTP_NOT_IDEMPOTENT,
  .parse_route = (HeraldRestParseRouteFunc) herald_flashsms_template_parse,
  .free_func = (GDestroyNotify) herald_flashsms_template_unref,
};

static const HeraldRestEndpoint update_template = {
  .route = "PUT /templates/:templateId", .call_flags = HERALD_REST_CALL_PATCH_ON_405,
  .parse_route = (HeraldRestParseRouteFunc) herald_flashsms_template_parse,
  .free_func = (GDestroyNotify) herald_flashsms_template_unref,
};

static const HeraldRestEndpoint delete_template = {
  .route = "DELETE /templates/:templateId",
  .parse_route = _herald_flashsms_parse_success,
};

static const HeraldRestEndpoint list_transactions = {
  .route = "GET /transactions",
  .parse = (HeraldRestParseFunc) herald_flashsms_transaction_page_parse,
  .free_func = (GDestroyNotify) herald_flashsms_transaction_page_unref,
};

/* ---- groups ----------------------------------------------------------------------------------- */

void
herald_flashsms_client_list_groups_async (HeraldFlashsmsClient *self,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  herald_rest_call (self, &list_groups, NULL, NULL, NULL, cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (GPtrArray *, herald_flashsms_client_list_groups_finish, list_groups)

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
      herald_rest_report_error (self, &create_group, callback, user_data,
                                _herald_flashsms_empty_argument_error (_("group name")));
      return;
    }

  body = name_body_new (name, NULL);
  herald_rest_call (self, &create_group, NULL, NULL, body, cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (HeraldFlashsmsGroup *, herald_flashsms_client_create_group_finish, create_group)

void
herald_flashsms_client_delete_group_async (HeraldFlashsmsClient *self,
                                           const char           *group_id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  herald_rest_call (self, &delete_group, (const char *[]) { group_id, NULL }, NULL, NULL,
                    cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH_BOOLEAN (herald_flashsms_client_delete_group_finish, delete_group)

/* ---- GET /sender-ids ------------------------------------------------------------------------------ */

void
herald_flashsms_client_list_sender_ids_async (HeraldFlashsmsClient *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  herald_rest_call (self, &list_sender_ids, NULL, NULL, NULL, cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (GPtrArray *, herald_flashsms_client_list_sender_ids_finish, list_sender_ids)

/* ---- templates -------------------------------------------------------------------------------------- */

void
herald_flashsms_client_list_templates_async (HeraldFlashsmsClient *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  herald_rest_call (self, &list_templates, NULL, NULL, NULL, cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (GPtrArray *, herald_flashsms_client_list_templates_finish, list_templates)

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
      herald_rest_report_error (self, &create_template, callback, user_data, error);
      return;
    }

  body = name_body_new (name, content);
  herald_rest_call (self, &create_template, NULL, NULL, body, cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (HeraldFlashsmsTemplate *, herald_flashsms_client_create_template_finish, create_template)

void
herald_flashsms_client_update_template_async (HeraldFlashsmsClient *self,
                                              const char           *template_id,
                                              const char           *name,
                                              const char           *content,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data)
{
  const char *params[] = { template_id, NULL };
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  /* an empty id is named before the name and content are looked at */
  path = herald_rest_route_path (update_template.route, params, NULL, &error);
  if (path != NULL)
    error = check_template (name, content);
  if (error != NULL)
    {
      herald_rest_report_error (self, &update_template, callback, user_data, error);
      return;
    }

  body = name_body_new (name, content);
  herald_rest_call (self, &update_template, params, NULL, body, cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (HeraldFlashsmsTemplate *, herald_flashsms_client_update_template_finish, update_template)

void
herald_flashsms_client_delete_template_async (HeraldFlashsmsClient *self,
                                              const char           *template_id,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  herald_rest_call (self, &delete_template, (const char *[]) { template_id, NULL }, NULL, NULL,
                    cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH_BOOLEAN (herald_flashsms_client_delete_template_finish, delete_template)

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
      herald_rest_report_error (self, &list_transactions, callback, user_data, error);
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

  herald_rest_call (self, &list_transactions, NULL, query, NULL, cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (HeraldFlashsmsTransactionPage *, herald_flashsms_client_list_transactions_finish, list_transactions)
