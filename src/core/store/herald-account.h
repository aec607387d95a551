/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "herald-dialect.h"

G_BEGIN_DECLS

/* One provider account as the store keeps it: a dialect, a display name, the
 * base URL of the provider's API, a default region for national numbers and,
 * for FlashSMS, how the key is sent. The API key itself is not here: it lives
 * in the keyring under the account's id (herald_account_store_get_key_async()).
 *
 * The setters change this object only. Accounts in a HeraldAccountStore are
 * changed by editing a herald_account_copy() and handing it to
 * herald_account_store_update_async(), which saves it and then updates the
 * store's object (with notifications). */

/* How a FlashSMS key is sent; the other dialects always use Bearer (or, for
 * modems, nothing). The values follow HeraldAuthStyle of the HTTP client. */
typedef enum
{
  HERALD_ACCOUNT_AUTH_BEARER,      /* "bearer": Authorization: Bearer KEY */
  HERALD_ACCOUNT_AUTH_X_API_KEY,   /* "x-api-key": X-API-Key: KEY */
} HeraldAccountAuth;


#define HERALD_TYPE_ACCOUNT_AUTH (herald_account_auth_get_type ())
GType          herald_account_auth_get_type       (void) G_GNUC_CONST;
const char    *herald_account_auth_to_string      (HeraldAccountAuth   auth);
gboolean       herald_account_auth_from_string    (const char         *string,
                                                   HeraldAccountAuth  *auth);

#define HERALD_TYPE_ACCOUNT (herald_account_get_type ())

G_DECLARE_FINAL_TYPE (HeraldAccount, herald_account, HERALD, ACCOUNT, GObject)

/* A new, unsaved account with a fresh id and created now. */
HeraldAccount *herald_account_new                 (HeraldDialect       dialect,
                                                   const char         *name);
HeraldAccount *herald_account_copy                (HeraldAccount      *self);

const char    *herald_account_get_id              (HeraldAccount      *self);
HeraldDialect  herald_account_get_dialect         (HeraldAccount      *self);
GDateTime     *herald_account_get_created_at      (HeraldAccount      *self);

const char    *herald_account_get_name            (HeraldAccount      *self);
void           herald_account_set_name            (HeraldAccount      *self,
                                                   const char         *name);
const char    *herald_account_get_base_url        (HeraldAccount      *self);
void           herald_account_set_base_url        (HeraldAccount      *self,
                                                   const char         *base_url);
const char    *herald_account_get_region          (HeraldAccount      *self);
void           herald_account_set_region          (HeraldAccount      *self,
                                                   const char         *region);
HeraldAccountAuth herald_account_get_auth_style   (HeraldAccount      *self);
void           herald_account_set_auth_style      (HeraldAccount      *self,
                                                   HeraldAccountAuth   auth_style);

G_END_DECLS
