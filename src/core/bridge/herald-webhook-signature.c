/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-bridge"
/* explicit_bzero () */
#define _DEFAULT_SOURCE

#include "config.h"

#include <string.h>
#include <sys/random.h>

#include <glib/gi18n-lib.h>

#include "herald-webhook-signature.h"
#include "secrets/herald-secrets.h"

#define KEY_BYTES 32

char *
herald_webhook_sign (const char   *key,
                     const guint8 *body,
                     gsize         length,
                     const char   *timestamp)
{
  g_autoptr(GHmac) hmac = NULL;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (body != NULL || length == 0, NULL);
  g_return_val_if_fail (timestamp != NULL, NULL);

  hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) key, strlen (key));
  if (length > 0)
    g_hmac_update (hmac, body, (gssize) length);
  g_hmac_update (hmac, (const guchar *) timestamp, (gssize) strlen (timestamp));
  /* GHmac's digest string is lowercase hex already. */
  return g_strdup (g_hmac_get_string (hmac));
}

/* 256 bits from the kernel's generator, as hex; NULL when it fails. */
static char *
new_key (void)
{
  guint8 bytes[KEY_BYTES];
  GString *hex = g_string_sized_new ((gsize) 2 * KEY_BYTES);
  gsize got = 0;

  while (got < sizeof bytes)
    {
      ssize_t n = getrandom (bytes + got, sizeof bytes - got, 0);

      if (n < 0)
        {
          explicit_bzero (bytes, sizeof bytes);
          g_string_free (hex, TRUE);
          return NULL;
        }
      got += (gsize) n;
    }
  for (guint i = 0; i < sizeof bytes; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  explicit_bzero (bytes, sizeof bytes);
  return g_string_free (hex, FALSE);
}

static void
key_stored_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!herald_secrets_store_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The task data is the new key: hand it over. */
  g_task_return_pointer (task, g_strdup (g_task_get_task_data (task)), (GDestroyNotify) herald_secrets_free);
}

static void
key_looked_up_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *key = herald_secrets_lookup_finish (result, &error);
  char *made;

  if (key != NULL)
    {
      g_task_return_pointer (task, key, (GDestroyNotify) herald_secrets_free);
      return;
    }
  if (!g_error_matches (error, HERALD_SECRETS_ERROR, HERALD_SECRETS_ERROR_NOT_FOUND))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  made = new_key ();
  if (made == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("No webhook signing key could be made: the system's random number "
                                 "generator failed."));
      return;
    }
  g_debug ("Made a new webhook signing key (kept in the keyring)");
  g_task_set_task_data (task, made, (GDestroyNotify) herald_secrets_free);
  herald_secrets_store_async (HERALD_WEBHOOK_SIGNING_KEY_ID, _("Herald device bridge: webhook signing key"), made,
                              g_task_get_cancellable (task), key_stored_cb, g_object_ref (task));
}

void
herald_webhook_signing_key_async (GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, herald_webhook_signing_key_async);
  herald_secrets_lookup_async (HERALD_WEBHOOK_SIGNING_KEY_ID, cancellable, key_looked_up_cb, task);
}

char *
herald_webhook_signing_key_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
