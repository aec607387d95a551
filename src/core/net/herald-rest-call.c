/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-rest"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "herald-provider-error.h"
#include "herald-rest-call.h"
#include "herald-rest-client.h"

char *
herald_rest_route_path (const char          *route,
                        const char * const  *params,
                        char               **method_out,
                        GError             **error)
{
  const char *path = strchr (route, ' ');
  g_autoptr(GString) built = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (path != NULL && path[1] == '/', NULL);

  for (const char *p = path + 1; *p != '\0'; )
    {
      const char *end;
      const char *param;

      if (*p != ':')
        {
          g_string_append_c (built, *p++);
          continue;
        }

      end = strchr (p, '/');
      if (end == NULL)
        end = p + strlen (p);
      param = params != NULL ? params[n++] : NULL;
      if (param == NULL || param[0] == '\0')
        {
          g_propagate_error (error, herald_provider_error_new (HERALD_PROVIDER_ERROR_INVALID_INPUT, 0,
                                                               _("The identifier is empty.")));
          return NULL;
        }
      /* An id is one path segment whatever it contains. */
      g_string_append_uri_escaped (built, param, NULL, FALSE);
      p = end;
    }

  if (method_out != NULL)
    *method_out = g_strndup (route, path - route);

  return g_string_free (g_steal_pointer (&built), FALSE);
}

typedef struct
{
  const HeraldRestEndpoint *endpoint;
  HeraldHttpClient         *http;
  HeraldRestErrorFunc       error_func;
  GStrv                     params;
  char                     *method;
  char                     *path;
  GHashTable               *query;
  JsonNode                 *body;
  HeraldRestCallFlags       call_flags;
} CallData;

static void
call_data_free (gpointer data)
{
  CallData *call = data;

  g_object_unref (call->http);
  g_strfreev (call->params);
  g_free (call->method);
  g_free (call->path);
  g_clear_pointer (&call->query, g_hash_table_unref);
  g_clear_pointer (&call->body, json_node_unref);
  g_free (call);
}

static void call_start (GTask *task);

static void
call_fail (GTask              *task,
           HeraldHttpResponse *response,
           GError             *error)
{
  CallData *call = g_task_get_task_data (task);

  g_task_return_error (task, call->error_func (call->endpoint, (const char * const *) call->params,
                                               response, error));
}

static void
call_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallData *call = g_task_get_task_data (task);
  const HeraldRestEndpoint *endpoint = call->endpoint;
  g_autoptr(HeraldHttpResponse) response = NULL;
  GError *error = NULL;
  JsonNode *root;
  gpointer value;
  guint status;

  response = herald_http_client_request_finish (HERALD_HTTP_CLIENT (source), result, &error);
  if (response == NULL)
    {
      call_fail (task, NULL, error);
      return;
    }

  status = herald_http_response_get_status (response);
  if (status == 405 && (call->call_flags & HERALD_REST_CALL_PATCH_ON_405) != 0)
    {
      g_debug ("%s refused PUT, trying PATCH", endpoint->route);
      g_free (call->method);
      call->method = g_strdup ("PATCH");
      call->call_flags &= ~HERALD_REST_CALL_PATCH_ON_405;
      call_start (g_steal_pointer (&task));
      return;
    }

  if (status < 200 || status > 299)
    {
      call_fail (task, response, NULL);
      return;
    }

  root = herald_http_response_get_json (response);
  if (endpoint->parse_route != NULL)
    value = endpoint->parse_route (root, endpoint->route, &error);
  else
    value = endpoint->parse (root, &error);

  if (value == NULL)
    call_fail (task, response, error);
  else
    g_task_return_pointer (task, value, endpoint->free_func);
}

static void
call_start (GTask *task)
{
  CallData *call = g_task_get_task_data (task);

  herald_http_client_request_async (call->http, call->method, call->path, call->query, call->body,
                                    call->endpoint->http_flags, g_task_get_cancellable (task),
                                    call_done, task);
}

void
herald_rest_call (gpointer                   client,
                  const HeraldRestEndpoint  *endpoint,
                  const char * const        *params,
                  GHashTable                *query,
                  JsonNode                  *body,
                  GCancellable              *cancellable,
                  GAsyncReadyCallback        callback,
                  gpointer                   user_data)
{
  g_autofree char *method = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;
  CallData *call;
  GTask *task;

  g_return_if_fail (HERALD_IS_REST_CLIENT (client));
  g_return_if_fail (endpoint != NULL && (endpoint->parse != NULL) != (endpoint->parse_route != NULL));

  path = herald_rest_route_path (endpoint->route, params, &method, &error);
  if (path == NULL)
    {
      herald_rest_report_error (client, endpoint, callback, user_data, error);
      return;
    }

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, (gpointer) endpoint);
  if ((endpoint->call_flags & HERALD_REST_CALL_KEEP_ANSWER) != 0)
    g_task_set_check_cancellable (task, FALSE);

  call = g_new0 (CallData, 1);
  call->endpoint = endpoint;
  call->http = g_object_ref (herald_rest_client_get_http_client (client));
  call->error_func = HERALD_REST_CLIENT_GET_CLASS (client)->error_for_call;
  call->params = g_strdupv ((char **) params);
  call->method = g_steal_pointer (&method);
  call->path = g_steal_pointer (&path);
  call->query = query != NULL ? g_hash_table_ref (query) : NULL;
  call->body = body != NULL ? json_node_ref (body) : NULL;
  call->call_flags = endpoint->call_flags;
  g_task_set_task_data (task, call, call_data_free);

  call_start (task);
}

void
herald_rest_report_error (gpointer             source_object,
                          gconstpointer        source_tag,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data,
                          GError              *error)
{
  g_task_report_error (source_object, callback, user_data, (gpointer) source_tag, error);
}

gpointer
herald_rest_call_finish (gpointer                   source_object,
                         GAsyncResult              *result,
                         const HeraldRestEndpoint  *endpoint,
                         GError                   **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == endpoint, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- all pages ------------------------------------------------------------ */

typedef struct
{
  const HeraldRestPaging *paging;
  GHashTable             *query;
  GPtrArray              *items;
  GHashTable             *seen;     /* IDs already in items */
  guint                   page;
} PagesData;

static void
pages_data_free (gpointer data)
{
  PagesData *pages = data;

  g_hash_table_unref (pages->query);
  g_clear_pointer (&pages->items, g_ptr_array_unref);
  g_hash_table_unref (pages->seen);
  g_free (pages);
}

static void pages_next (GTask *task);

static void
pages_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PagesData *pages = g_task_get_task_data (task);
  const HeraldRestPaging *paging = pages->paging;
  GError *error = NULL;
  gpointer page;
  gboolean more;
  guint n;

  page = herald_rest_call_finish (source, result, paging->endpoint, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  n = paging->get_n_items (page);
  for (guint i = 0; i < n; i++)
    {
      gpointer item = paging->dup_item (page, i);

      if (g_hash_table_add (pages->seen, g_strdup (paging->get_id (item))))
        g_ptr_array_add (pages->items, item);
      else
        paging->item_free (item);
    }
  more = n > 0 && paging->has_more (page, pages->page);
  paging->endpoint->free_func (page);

  if (more && pages->page >= paging->max_pages)
    {
      g_warning ("Stopped reading %s after %u pages", paging->what, pages->page);
      more = FALSE;
    }
  if (!more)
    {
      g_task_return_pointer (task, g_steal_pointer (&pages->items), (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  pages->page++;
  pages_next (g_steal_pointer (&task));
}

static void
pages_next (GTask *task)
{
  PagesData *pages = g_task_get_task_data (task);

  g_hash_table_replace (pages->query, (gpointer) "page", g_strdup_printf ("%u", pages->page));
  herald_rest_call (g_task_get_source_object (task), pages->paging->endpoint, NULL, pages->query, NULL,
                    g_task_get_cancellable (task), pages_done, task);
}

void
herald_rest_call_all_pages (gpointer                  client,
                            const HeraldRestPaging   *paging,
                            GHashTable               *query,
                            GCancellable             *cancellable,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  GTask *task;
  PagesData *pages;

  g_return_if_fail (HERALD_IS_REST_CLIENT (client));
  g_return_if_fail (paging != NULL && query != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, (gpointer) paging);

  pages = g_new0 (PagesData, 1);
  pages->paging = paging;
  pages->query = g_hash_table_ref (query);
  pages->items = g_ptr_array_new_with_free_func (paging->item_free);
  pages->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pages->page = 1;
  g_task_set_task_data (task, pages, pages_data_free);

  pages_next (task);
}

GPtrArray *
herald_rest_call_all_pages_finish (gpointer                  source_object,
                                   GAsyncResult             *result,
                                   const HeraldRestPaging   *paging,
                                   GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == paging, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
