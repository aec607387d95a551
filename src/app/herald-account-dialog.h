/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* Adds a FlixySMS or FlashSMS account to a HeraldAccountStore, or edits one:
 * the form checks its values with herald_account_store_validate() and says
 * inline what to fix, "Test connection" tries the URL and key before they
 * are saved, and saving hands the key to the store (the keyring) only.
 *
 * Signals:
 *   saved (HeraldAccount *account)   the account as the store now holds it,
 *                                    just before the dialog closes */

#define HERALD_TYPE_ACCOUNT_DIALOG (herald_account_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HeraldAccountDialog, herald_account_dialog, HERALD, ACCOUNT_DIALOG, AdwWindow)

/* @account: NULL to add a new account, or one of @store's to edit. */
HeraldAccountDialog *herald_account_dialog_new (HeraldAccountStore *store,
                                                HeraldAccount      *account,
                                                GtkWindow          *parent);

G_END_DECLS
