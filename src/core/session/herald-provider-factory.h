/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "providers/herald-provider.h"
#include "store/herald-account-store.h"

G_BEGIN_DECLS

/* From an account record to something that talks to its provider. */

/* A provider for @account with @key (NULL for a dialect without one): a
 * HeraldFlixysmsClient or HeraldFlashsmsClient with the account's URL,
 * region and auth style, or a HeraldModemProvider over the outbox of the
 * user's database for the modem dialect. */
HeraldProvider *herald_provider_new_for_account (HeraldAccount       *account,
                                                 const char          *key,
                                                 GError             **error);

/* The same, with the key read from the keyring through @store (errors in
 * HERALD_SECRETS_ERROR when it is locked or the key is gone). */
void            herald_provider_open_async      (HeraldAccountStore  *store,
                                                 HeraldAccount       *account,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
HeraldProvider *herald_provider_open_finish     (GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
