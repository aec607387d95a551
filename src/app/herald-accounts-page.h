/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* Preferences → Accounts: the session's accounts with their service and
 * URL, and Add, Edit and Remove (confirmed; removing deletes the key from
 * the keyring through the store).
 *
 * Properties:
 *   session   HeraldSession, read-write, nullable */

#define HERALD_TYPE_ACCOUNTS_PAGE (herald_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (HeraldAccountsPage, herald_accounts_page, HERALD, ACCOUNTS_PAGE, AdwPreferencesPage)

HeraldSession *herald_accounts_page_get_session (HeraldAccountsPage *self);
void           herald_accounts_page_set_session (HeraldAccountsPage *self,
                                                 HeraldSession      *session);
/* Opens the dialog that adds an account (what the Add button does). */
void           herald_accounts_page_add_account (HeraldAccountsPage *self);

G_END_DECLS
