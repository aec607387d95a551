/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "providers/flashsms/herald-flashsms-client.h"
#include "providers/flixysms/herald-flixysms-client.h"
#include "modem/herald-modem-provider.h"
#include "herald-paths.h"
#include "net/herald-provider-error.h"
#include "herald-provider-factory.h"

HeraldProvider *
herald_provider_new_for_account (HeraldAccount  *account,
                                 const char     *key,
                                 GError        **error)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (herald_account_get_dialect (account))
    {
    case HERALD_DIALECT_FLIXYSMS:
      return HERALD_PROVIDER (herald_flixysms_client_new_for_key (herald_account_get_base_url (account), key,
                                                                  herald_account_get_region (account), error));

    case HERALD_DIALECT_FLASHSMS:
      {
        HeraldFlashsmsClient *client;
        HeraldAuthStyle style = herald_account_get_auth_style (account) == HERALD_ACCOUNT_AUTH_X_API_KEY
                                  ? HERALD_AUTH_X_API_KEY : HERALD_AUTH_BEARER;

        /* FlashSMS is self-hosted: there is no default to fall back on */
        if (herald_account_get_base_url (account) == NULL)
          {
            g_set_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                         _("The FlashSMS account “%s” has no server address. Add its base URL in the "
                           "account settings."), herald_account_get_name (account));
            return NULL;
          }
        client = herald_flashsms_client_new_for_account (herald_account_get_base_url (account), key, style, error);
        if (client != NULL && herald_account_get_region (account) != NULL)
          herald_rest_client_set_default_region (HERALD_REST_CLIENT (client), herald_account_get_region (account));
        return client != NULL ? HERALD_PROVIDER (client) : NULL;
      }

    case HERALD_DIALECT_MODEM:
      {
        g_autofree char *path = herald_paths_get_database_path ();

        /* The database is opened on first use, off the main loop. */
        return HERALD_PROVIDER (herald_modem_provider_new (NULL, path, herald_account_get_id (account),
                                                           herald_account_get_region (account)));
      }

    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("This kind of account is not known to this version of Herald."));
      return NULL;
    }
}

typedef struct
{
  HeraldAccount *account;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->account);
  g_free (data);
}

static void
open_key_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpenData *data = g_task_get_task_data (task);
  g_autofree char *key = NULL;
  HeraldProvider *provider;
  GError *error = NULL;

  key = herald_account_store_get_key_finish (HERALD_ACCOUNT_STORE (object), result, &error);
  if (key == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  provider = herald_provider_new_for_account (data->account, key, &error);
  /* the key lives on only inside the HTTP client */
  memset (key, 0, strlen (key));
  if (provider == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, provider, g_object_unref);
}

void
herald_provider_open_async (HeraldAccountStore  *store,
                            HeraldAccount       *account,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  OpenData *data;

  g_return_if_fail (HERALD_IS_ACCOUNT_STORE (store));
  g_return_if_fail (HERALD_IS_ACCOUNT (account));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_provider_open_async);
  data = g_new0 (OpenData, 1);
  data->account = g_object_ref (account);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);

  /* Modems share the store's open database. */
  if (herald_account_get_dialect (account) == HERALD_DIALECT_MODEM)
    {
      HeraldDatabase *database = herald_account_store_get_database (store);

      g_task_return_pointer (task,
                             herald_modem_provider_new (database, herald_database_get_path (database),
                                                        herald_account_get_id (account),
                                                        herald_account_get_region (account)),
                             g_object_unref);
      g_object_unref (task);
      return;
    }

  if (!herald_dialect_has_key (herald_account_get_dialect (account)))
    {
      GError *error = NULL;
      HeraldProvider *provider = herald_provider_new_for_account (account, NULL, &error);

      if (provider == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, provider, g_object_unref);
      g_object_unref (task);
      return;
    }

  herald_account_store_get_key_async (store, account, cancellable, open_key_cb, task);
}

HeraldProvider *
herald_provider_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == herald_provider_open_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
