/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flashsms"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-flashsms-client-private.h"
#include "herald-flashsms-types-private.h"
#include "net/herald-provider-error.h"

/* Contacts: list, search, get, create, update, delete, and imports split
 * into requests of at most 10,000. */

/* ---- the endpoints ------------------------------------------------------------------------- */

static const HeraldRestEndpoint get_contacts = {
  .route = "GET /contacts",
  .parse = (HeraldRestParseFunc) herald_flashsms_contact_page_parse,
  .free_func = (GDestroyNotify) herald_flashsms_contact_page_unref,
};

static const HeraldRestEndpoint get_contact = {
  .route = "GET /contacts/:contactId",
  .parse_route = (HeraldRestParseRouteFunc) herald_flashsms_contact_parse,
  .free_func = (GDestroyNotify) herald_flashsms_contact_unref,
};

static const HeraldRestEndpoint create_contact = {
  .route = "POST /contacts", .http_flags = HERALD_HTTP_NOT_IDEMPOTENT,
  .parse_route = (HeraldRestParseRouteFunc) herald_flashsms_contact_parse,
  .free_func = (GDestroyNotify) herald_flashsms_contact_unref,
};

static const HeraldRestEndpoint update_contact = {
  .route = "PUT /contacts/:contactId", .call_flags = HERALD_REST_CALL_PATCH_ON_405,
  .parse_route = (HeraldRestParseRouteFunc) herald_flashsms_contact_parse,
  .free_func = (GDestroyNotify) herald_flashsms_contact_unref,
};

static const HeraldRestEndpoint delete_contact = {
  .route = "DELETE /contacts/:contactId",
  .parse_route = _herald_flashsms_parse_success,
};

static const HeraldRestEndpoint import_contacts = {
  .route = "POST /contacts/import",
  .parse = (HeraldRestParseFunc) herald_flashsms_import_result_parse,
  .free_func = (GDestroyNotify) herald_flashsms_import_result_unref,
};

/* ---- GET /contacts ---------------------------------------------------------------------- */

static void
list_contacts (HeraldFlashsmsClient *self,
               guint                 page,
               guint                 limit,
               const char           *search,
               const char           *group_id,
               GCancellable         *cancellable,
               GAsyncReadyCallback   callback,
               gpointer              user_data)
{
  g_autoptr(GHashTable) query = NULL;
  GError *error = NULL;

  if (!_herald_flashsms_check_limit (limit, HERALD_FLASHSMS_MAX_CONTACTS_LIMIT, &error))
    {
      herald_rest_report_error (self, &get_contacts, callback, user_data, error);
      return;
    }

  query = _herald_flashsms_query_new ();
  if (page > 0)
    _herald_flashsms_query_add_uint (query, "page", page);
  if (limit > 0)
    _herald_flashsms_query_add_uint (query, "limit", limit);
  if (search != NULL && search[0] != '\0')
    g_hash_table_replace (query, (gpointer) "search", g_strdup (search));
  if (group_id != NULL && group_id[0] != '\0')
    g_hash_table_replace (query, (gpointer) "groupId", g_strdup (group_id));

  herald_rest_call (self, &get_contacts, NULL, query, NULL, cancellable, callback, user_data);
}

void
herald_flashsms_client_list_contacts_async (HeraldFlashsmsClient *self,
                                            guint                 page,
                                            guint                 limit,
                                            const char           *search,
                                            const char           *group_id,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  list_contacts (self, page, limit, search, group_id, cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (HeraldFlashsmsContactPage *, herald_flashsms_client_list_contacts_finish, get_contacts)

void
herald_flashsms_client_search_contacts_async (HeraldFlashsmsClient *self,
                                              const char           *query,
                                              guint                 page,
                                              guint                 limit,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data)
{
  g_autoptr(HeraldPhoneNumber) number = NULL;
  const char *search = query;

  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  if (query == NULL || query[0] == '\0')
    {
      herald_rest_report_error (self, &get_contacts, callback, user_data,
                                _herald_flashsms_empty_argument_error (_("search")));
      return;
    }

  /* FlashSMS keeps numbers as 0XXXXXXXXX or 233XXXXXXXXX and searches by
   * substring: the national significant number is inside both, whatever
   * form was typed. */
  number = herald_phone_number_parse (query, herald_rest_client_get_default_region (HERALD_REST_CLIENT (self)),
                                      HERALD_PHONE_NUMBER_FLAGS_NONE, NULL);
  if (number != NULL)
    search = herald_phone_number_get_national_significant_number (number);

  list_contacts (self, page, limit, search, NULL, cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (HeraldFlashsmsContactPage *, herald_flashsms_client_search_contacts_finish, get_contacts)

/* ---- one contact ---------------------------------------------------------------------------- */

void
herald_flashsms_client_get_contact_async (HeraldFlashsmsClient *self,
                                          const char           *contact_id,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  herald_rest_call (self, &get_contact, (const char *[]) { contact_id, NULL }, NULL, NULL,
                    cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (HeraldFlashsmsContact *, herald_flashsms_client_get_contact_finish, get_contact)

/* The body of a create or update; the phone in FlashSMS's form. */
static JsonNode *
contact_body_new (HeraldFlashsmsClient               *self,
                  const HeraldFlashsmsContactFields  *fields,
                  const char                         *group_id,
                  gboolean                            phone_required,
                  GError                            **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *phone = NULL;

  if (fields->phone != NULL || phone_required)
    {
      phone = _herald_flashsms_client_format_phone (self, fields->phone, HERALD_PHONE_NUMBER_FLAGS_NONE,
                                                    NULL, error);
      if (phone == NULL)
        return NULL;
    }

  json_builder_begin_object (builder);
  _herald_flashsms_add_member (builder, "phone", phone);
  _herald_flashsms_add_member (builder, "firstName", fields->first_name);
  _herald_flashsms_add_member (builder, "lastName", fields->last_name);
  _herald_flashsms_add_member (builder, "email", fields->email);
  _herald_flashsms_add_member (builder, "groupId", group_id != NULL && group_id[0] != '\0' ? group_id : NULL);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
herald_flashsms_client_create_contact_async (HeraldFlashsmsClient              *self,
                                             const HeraldFlashsmsContactFields *fields,
                                             const char                        *group_id,
                                             GCancellable                      *cancellable,
                                             GAsyncReadyCallback                callback,
                                             gpointer                           user_data)
{
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));
  g_return_if_fail (fields != NULL);

  body = contact_body_new (self, fields, group_id, TRUE, &error);
  if (body == NULL)
    {
      herald_rest_report_error (self, &create_contact, callback, user_data, error);
      return;
    }

  herald_rest_call (self, &create_contact, NULL, NULL, body, cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (HeraldFlashsmsContact *, herald_flashsms_client_create_contact_finish, create_contact)

void
herald_flashsms_client_update_contact_async (HeraldFlashsmsClient              *self,
                                             const char                        *contact_id,
                                             const HeraldFlashsmsContactFields *fields,
                                             const char                        *group_id,
                                             GCancellable                      *cancellable,
                                             GAsyncReadyCallback                callback,
                                             gpointer                           user_data)
{
  const char *params[] = { contact_id, NULL };
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));
  g_return_if_fail (fields != NULL);

  /* an empty id is named before the fields are looked at */
  path = herald_rest_route_path (update_contact.route, params, NULL, &error);
  if (path != NULL)
    body = contact_body_new (self, fields, group_id, FALSE, &error);
  if (body == NULL)
    {
      herald_rest_report_error (self, &update_contact, callback, user_data, error);
      return;
    }

  /* Setting the same fields twice is harmless: safe to retry. */
  herald_rest_call (self, &update_contact, params, NULL, body, cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH (HeraldFlashsmsContact *, herald_flashsms_client_update_contact_finish, update_contact)

void
herald_flashsms_client_delete_contact_async (HeraldFlashsmsClient *self,
                                             const char           *contact_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  herald_rest_call (self, &delete_contact, (const char *[]) { contact_id, NULL }, NULL, NULL,
                    cancellable, callback, user_data);
}

HERALD_FLASHSMS_DEFINE_FINISH_BOOLEAN (herald_flashsms_client_delete_contact_finish, delete_contact)

/* ---- POST /contacts/import ----------------------------------------------------------------------- */

typedef struct
{
  HeraldFlashsmsImportResult *result;
  GPtrArray                  *bodies;   /* JsonNode, one per request */
  guint                       next;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_clear_pointer (&import->result, herald_flashsms_import_result_unref);
  g_ptr_array_unref (import->bodies);
  g_free (import);
}

static void import_next (GTask *task);

static void
import_batch_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportData *import = g_task_get_task_data (task);
  g_autoptr(HeraldFlashsmsImportResult) part = NULL;
  GError *error = NULL;

  part = herald_rest_call_finish (HERALD_FLASHSMS_CLIENT (source), result, &import_contacts, &error);
  if (part == NULL)
    {
      g_debug ("import: request %u of %u failed", import->next + 1, import->bodies->len);
      g_task_return_error (task, error);
      return;
    }

  _herald_flashsms_import_result_merge (import->result, part);
  import->next++;
  import_next (g_steal_pointer (&task));
}

static void
import_next (GTask *task)
{
  HeraldFlashsmsClient *self = g_task_get_source_object (task);
  ImportData *import = g_task_get_task_data (task);

  if (import->next >= import->bodies->len)
    {
      g_task_return_pointer (task, g_steal_pointer (&import->result),
                             (GDestroyNotify) herald_flashsms_import_result_unref);
      g_object_unref (task);
      return;
    }

  /* An import repeated is harmless (known numbers are skipped): retried
   * like a read. */
  herald_rest_call (self, &import_contacts, NULL, NULL, g_ptr_array_index (import->bodies, import->next),
                    g_task_get_cancellable (task), import_batch_done, task);
}

void
herald_flashsms_client_import_contacts_async (HeraldFlashsmsClient              *self,
                                              const HeraldFlashsmsContactFields *contacts,
                                              guint                              n_contacts,
                                              const char                        *group_id,
                                              GCancellable                      *cancellable,
                                              GAsyncReadyCallback                callback,
                                              gpointer                           user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  ImportData *import;
  GTask *task;
  guint in_batch = 0;

  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));
  g_return_if_fail (contacts != NULL || n_contacts == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_flashsms_client_import_contacts_async);

  import = g_new0 (ImportData, 1);
  import->result = _herald_flashsms_import_result_new ();
  import->bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_task_set_task_data (task, import, import_data_free);

  for (guint i = 0; i <= n_contacts; i++)
    {
      g_autofree char *phone = NULL;
      g_autofree char *reason = NULL;

      /* Close a full request, and the last one. */
      if (builder != NULL && (in_batch == HERALD_FLASHSMS_MAX_IMPORT_CONTACTS || i == n_contacts))
        {
          json_builder_end_array (builder);
          _herald_flashsms_add_member (builder, "groupId", group_id != NULL && group_id[0] != '\0' ? group_id : NULL);
          json_builder_end_object (builder);
          g_ptr_array_add (import->bodies, json_builder_get_root (builder));
          g_clear_object (&builder);
          in_batch = 0;
        }
      if (i == n_contacts)
        break;

      phone = _herald_flashsms_client_format_phone (self, contacts[i].phone,
                                                    HERALD_PHONE_NUMBER_FLAGS_NONE, &reason, NULL);
      if (phone == NULL)
        {
          _herald_flashsms_import_result_add_rejected (import->result,
                                                       contacts[i].phone != NULL ? contacts[i].phone : "",
                                                       reason);
          continue;
        }

      if (builder == NULL)
        {
          builder = json_builder_new_immutable ();
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "contacts");
          json_builder_begin_array (builder);
        }

      json_builder_begin_object (builder);
      _herald_flashsms_add_member (builder, "phone", phone);
      _herald_flashsms_add_member (builder, "firstName", contacts[i].first_name);
      _herald_flashsms_add_member (builder, "lastName", contacts[i].last_name);
      _herald_flashsms_add_member (builder, "email", contacts[i].email);
      json_builder_end_object (builder);
      in_batch++;
    }

  import_next (task);
}

HeraldFlashsmsImportResult *
herald_flashsms_client_import_contacts_finish (HeraldFlashsmsClient  *self,
                                               GAsyncResult          *result,
                                               GError               **error)
{
  g_return_val_if_fail (HERALD_IS_FLASHSMS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
