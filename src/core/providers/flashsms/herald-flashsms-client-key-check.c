/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flashsms"

#include "herald-flashsms-client-private.h"
#include "herald-flashsms-types-private.h"
#include "net/herald-provider-error.h"

/* test_connection: which scopes does the key have? One probe per scope
 * that changes nothing on the server. */

/* ---- the key check ---------------------------------------------------------------------------------- */

typedef enum
{
  PROBE_READ,    /* 2xx: granted */
  PROBE_WRITE,   /* an empty body: 400/422 past the permission check: granted */
} ProbeKind;

static const struct
{
  const char *scope;
  const char *method;
  const char *path;
  ProbeKind   kind;
} probes[] = {
  { "balance:read", "GET", "/balance", PROBE_READ },
  { "sms:send", "POST", "/sms/estimate", PROBE_READ },
  { "sms:read", "GET", "/sms", PROBE_READ },
  { "contacts:read", "GET", "/contacts", PROBE_READ },
  { "contacts:write", "POST", "/contacts", PROBE_WRITE },
  { "senders:read", "GET", "/sender-ids", PROBE_READ },
  { "templates:read", "GET", "/templates", PROBE_READ },
  { "templates:write", "POST", "/templates", PROBE_WRITE },
  { "transactions:read", "GET", "/transactions", PROBE_READ },
};

typedef struct
{
  guint                  next;
  HeraldFlashsmsBalance *balance;
  GStrvBuilder          *granted;
  GStrvBuilder          *missing;
  GStrvBuilder          *undetermined;
} KeyCheckData;

static void
key_check_data_free (gpointer data)
{
  KeyCheckData *check = data;

  g_clear_pointer (&check->balance, herald_flashsms_balance_unref);
  g_strv_builder_unref (check->granted);
  g_strv_builder_unref (check->missing);
  g_strv_builder_unref (check->undetermined);
  g_free (check);
}

static void key_check_next (GTask *task);

static void
key_check_probe_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KeyCheckData *check = g_task_get_task_data (task);
  g_autoptr(HeraldHttpResponse) response = NULL;
  const char *scope = probes[check->next].scope;
  GError *error = NULL;
  JsonNode *root;
  guint status;

  response = herald_http_client_request_finish (HERALD_HTTP_CLIENT (source), result, &error);
  if (response == NULL)
    {
      /* The first probe says whether FlashSMS can be reached at all. */
      if (check->next == 0 || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, error);
          return;
        }
      g_debug ("probe of %s failed: %s", scope, error->message);
      g_strv_builder_add (check->undetermined, scope);
      g_error_free (error);
      check->next++;
      key_check_next (g_steal_pointer (&task));
      return;
    }

  status = herald_http_response_get_status (response);
  root = herald_http_response_get_json (response);

  if (status == 401 || (check->next == 0 && status != 403 && (status < 200 || status > 299)))
    {
      g_task_return_error (task, herald_flashsms_error_new_from_response (status, root, "GET /balance"));
      return;
    }

  if (status >= 200 && status <= 299)
    {
      if (check->next == 0)
        {
          check->balance = herald_flashsms_balance_parse (root, &error);
          if (check->balance == NULL)
            {
              g_task_return_error (task, error);
              return;
            }
        }
      g_strv_builder_add (check->granted, scope);
    }
  else if (status == 403)
    g_strv_builder_add (check->missing, scope);
  else if ((status == 400 || status == 422) && probes[check->next].kind == PROBE_WRITE)
    g_strv_builder_add (check->granted, scope);
  else
    g_strv_builder_add (check->undetermined, scope);

  check->next++;
  key_check_next (g_steal_pointer (&task));
}

static void
key_check_next (GTask *task)
{
  HeraldFlashsmsClient *self = g_task_get_source_object (task);
  KeyCheckData *check = g_task_get_task_data (task);
  g_autoptr(GHashTable) query = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonObject) empty = NULL;

  if (check->next >= G_N_ELEMENTS (probes))
    {
      g_auto(GStrv) granted = g_strv_builder_end (check->granted);
      g_auto(GStrv) missing = g_strv_builder_end (check->missing);
      g_auto(GStrv) undetermined = g_strv_builder_end (check->undetermined);

      g_task_return_pointer (task,
                             _herald_flashsms_key_check_new (check->balance,
                                                             (const char * const *) granted,
                                                             (const char * const *) missing,
                                                             (const char * const *) undetermined),
                             (GDestroyNotify) herald_flashsms_key_check_unref);
      g_object_unref (task);
      return;
    }

  if (g_str_equal (probes[check->next].method, "GET") && !g_str_equal (probes[check->next].path, "/balance"))
    {
      query = _herald_flashsms_query_new ();
      _herald_flashsms_query_add_uint (query, "limit", 1);
    }
  if (g_str_equal (probes[check->next].path, "/sms/estimate"))
    body = _herald_flashsms_estimate_body_new ("Herald connection test", 1);
  else if (probes[check->next].kind == PROBE_WRITE)
    {
      empty = json_object_new ();
      body = json_node_init_object (json_node_alloc (), empty);
    }

  /* limit=1 keeps the list probes small; /sender-ids and /templates do not
   * page and ignore it. */
  herald_http_client_request_async (herald_rest_client_get_http_client (HERALD_REST_CLIENT (self)),
                                    probes[check->next].method, probes[check->next].path,
                                    query, body, HERALD_HTTP_FLAGS_NONE, g_task_get_cancellable (task),
                                    key_check_probe_done, task);
}

void
herald_flashsms_client_test_connection_async (HeraldFlashsmsClient *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data)
{
  GTask *task;
  KeyCheckData *check;

  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_flashsms_client_test_connection_async);

  check = g_new0 (KeyCheckData, 1);
  check->granted = g_strv_builder_new ();
  check->missing = g_strv_builder_new ();
  check->undetermined = g_strv_builder_new ();
  g_task_set_task_data (task, check, key_check_data_free);

  key_check_next (task);
}

HeraldFlashsmsKeyCheck *
herald_flashsms_client_test_connection_finish (HeraldFlashsmsClient  *self,
                                               GAsyncResult          *result,
                                               GError               **error)
{
  g_return_val_if_fail (HERALD_IS_FLASHSMS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
