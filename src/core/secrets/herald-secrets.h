/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* API keys live in the keyring only, under a schema named after the app ID
 * with one attribute, "account-id". Nothing else in Herald stores them. */

#define HERALD_SECRETS_ERROR (herald_secrets_error_quark ())

typedef enum
{
  HERALD_SECRETS_ERROR_UNAVAILABLE,
  HERALD_SECRETS_ERROR_NOT_FOUND,
} HeraldSecretsError;

GQuark herald_secrets_error_quark (void);

void      herald_secrets_store_async   (const char          *account_id,
                                        const char          *label,
                                        const char          *secret,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  herald_secrets_store_finish  (GAsyncResult        *result,
                                        GError             **error);

void      herald_secrets_lookup_async  (const char          *account_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
char     *herald_secrets_lookup_finish (GAsyncResult        *result,
                                        GError             **error);
void      herald_secrets_free          (char                *secret);

void      herald_secrets_clear_async   (const char          *account_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  herald_secrets_clear_finish  (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
