/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-secrets"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "herald-secrets.h"

G_DEFINE_QUARK (herald-secrets-error-quark, herald_secrets_error)

static const SecretSchema *
herald_secrets_get_schema (void)
{
  static const SecretSchema schema = {
    APP_ID, SECRET_SCHEMA_NONE,
    {
      { "account-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

/* libsecret's own messages name D-Bus paths; say what a person can do.
 * Returns @error (consumed) on @task, whose task data is the account id. */
static void
return_keyring_error (GTask  *task,
                      GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_new_error (task, HERALD_SECRETS_ERROR, HERALD_SECRETS_ERROR_UNAVAILABLE,
                           _("The keyring could not be used for account “%s”: %s. "
                             "Make sure GNOME Keyring or another Secret Service is running and unlocked."),
                           (const char *) g_task_get_task_data (task), error->message);
  g_error_free (error);
}

/* Store and clear answer only success or failure. */
static void
return_done (GTask  *task,
             GError *error)
{
  if (error != NULL)
    return_keyring_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Every call's task keeps its account id for the error messages. */
static GTask *
keyring_task_new (const char          *account_id,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_strdup (account_id), g_free);

  return task;
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  secret_password_store_finish (result, &error);
  return_done (task, error);
}

void
herald_secrets_store_async (const char          *account_id,
                            const char          *label,
                            const char          *secret,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (account_id != NULL && *account_id != '\0');
  g_return_if_fail (label != NULL);
  g_return_if_fail (secret != NULL);

  secret_password_store (herald_secrets_get_schema (), SECRET_COLLECTION_DEFAULT, label, secret, cancellable,
                         store_cb,
                         keyring_task_new (account_id, herald_secrets_store_async, cancellable, callback, user_data),
                         "account-id", account_id,
                         NULL);
}

gboolean
herald_secrets_store_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    return_keyring_error (task, error);
  else if (secret == NULL)
    g_task_return_new_error (task, HERALD_SECRETS_ERROR, HERALD_SECRETS_ERROR_NOT_FOUND,
                             _("The keyring holds no API key for account “%s”. "
                               "Enter the key again in the account’s settings."),
                             (const char *) g_task_get_task_data (task));
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
}

void
herald_secrets_lookup_async (const char          *account_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (account_id != NULL && *account_id != '\0');

  secret_password_lookup (herald_secrets_get_schema (), cancellable, lookup_cb,
                          keyring_task_new (account_id, herald_secrets_lookup_async, cancellable, callback, user_data),
                          "account-id", account_id,
                          NULL);
}

/* The returned string is non-pageable memory from libsecret: free it with
 * herald_secrets_free(), which also wipes it. */
char *
herald_secrets_lookup_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
herald_secrets_free (char *secret)
{
  if (secret != NULL)
    secret_password_free (secret);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error only means there was nothing to delete. */
  secret_password_clear_finish (result, &error);
  return_done (task, error);
}

void
herald_secrets_clear_async (const char          *account_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (account_id != NULL && *account_id != '\0');

  secret_password_clear (herald_secrets_get_schema (), cancellable, clear_cb,
                         keyring_task_new (account_id, herald_secrets_clear_async, cancellable, callback, user_data),
                         "account-id", account_id,
                         NULL);
}

gboolean
herald_secrets_clear_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
