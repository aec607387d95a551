/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-account.h"
#include "herald-database.h"

G_BEGIN_DECLS

/* The accounts of the database as a GListModel of HeraldAccount, sorted by
 * name. Each change writes the database on a worker thread and the keyring
 * through herald-secrets, then updates the model on the caller's thread.
 *
 * Rules the store enforces (errors in HERALD_STORE_ERROR: INVALID for input,
 * EXISTS for a taken name, KEYRING when the keyring failed):
 * - a name is non-empty text without line breaks, unique without regard to
 *   case;
 * - the base URL is http(s) with a host and no user name, password, query or
 *   fragment (trailing "/" dropped). FlixySMS defaults to
 *   HERALD_FLIXYSMS_DEFAULT_BASE_URL, FlashSMS requires one, modems have none;
 * - the region is a two-letter region code (upper-cased), GH by default for
 *   FlashSMS, none by default otherwise;
 * - only FlashSMS may send its key as X-API-Key;
 * - the key is non-empty and has no spaces or line breaks; modems have none.
 * The key is kept in the keyring only, and never appears in errors or logs.
 *
 * Signal "account-updated" (HeraldAccount *account): an update was saved
 * (its values and, if one was given, its new key). */

#define HERALD_TYPE_ACCOUNT_STORE (herald_account_store_get_type ())

G_DECLARE_FINAL_TYPE (HeraldAccountStore, herald_account_store, HERALD, ACCOUNT_STORE, GObject)

HeraldAccountStore *herald_account_store_new            (HeraldDatabase       *database);
HeraldDatabase     *herald_account_store_get_database   (HeraldAccountStore   *self);

/* (Re)reads the accounts from the database into the model. */
void                herald_account_store_load_async     (HeraldAccountStore   *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean            herald_account_store_load_finish    (HeraldAccountStore   *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

/* Saves @draft (from herald_account_new()) and @key. The row is written
 * first; if the keyring then fails, the row is deleted again and the error
 * (KEYRING) says so. @key is NULL for modems. */
void                herald_account_store_add_async      (HeraldAccountStore   *self,
                                                         HeraldAccount        *draft,
                                                         const char           *key,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* Returns: (transfer full): the saved account, as the model holds it. */
HeraldAccount      *herald_account_store_add_finish     (HeraldAccountStore   *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

/* Saves the name, base URL, region and auth style of @changes (a
 * herald_account_copy() of a stored account) and, unless @new_key is NULL, a
 * new key. If the keyring fails, the old values are written back. */
void                herald_account_store_update_async   (HeraldAccountStore   *self,
                                                         HeraldAccount        *changes,
                                                         const char           *new_key,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean            herald_account_store_update_finish  (HeraldAccountStore   *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

/* Deletes the key from the keyring, then the row. If the keyring fails the
 * account is kept (KEYRING), so that removing it again can delete the key. */
void                herald_account_store_remove_async   (HeraldAccountStore   *self,
                                                         HeraldAccount        *account,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean            herald_account_store_remove_finish  (HeraldAccountStore   *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

/* Checks @account's values as add and update will, and that no other loaded
 * account has its name: for forms (and heraldctl) that say what is wrong
 * before asking for a key or saving. */
gboolean            herald_account_store_validate       (HeraldAccountStore   *self,
                                                         HeraldAccount        *account,
                                                         GError              **error);

/* In the loaded model; names without regard to case. (transfer none) */
HeraldAccount      *herald_account_store_lookup_by_name (HeraldAccountStore   *self,
                                                         const char           *name);
HeraldAccount      *herald_account_store_lookup_by_id   (HeraldAccountStore   *self,
                                                         const char           *id);

/* The key from the keyring; errors in HERALD_SECRETS_ERROR, or INVALID for a
 * modem account. Free the key with herald_secrets_free(). */
void                herald_account_store_get_key_async  (HeraldAccountStore   *self,
                                                         HeraldAccount        *account,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
char               *herald_account_store_get_key_finish (HeraldAccountStore   *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

G_END_DECLS
