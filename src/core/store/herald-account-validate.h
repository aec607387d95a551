/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "herald-account.h"

G_BEGIN_DECLS

/* The checks an account's values pass before the store saves them, one
 * function per field, for the store (add, update, validate) and for forms
 * that say what is wrong while a person types. Errors are
 * HERALD_STORE_ERROR_INVALID with a sentence for people; they may quote
 * what was typed (once it is known to be UTF-8) but never the key, nor a
 * URL that failed because it holds credentials or a query.
 *
 * Each gives the value as it is saved: stripped, normalised, or the
 * dialect's default for an empty one (see herald-account-store.h). */

/* A name: non-empty text without line breaks or control characters, at most
 * 100 characters. Returns the stripped name, or NULL with @error. */
char     *herald_account_validate_name       (const char         *name,
                                              GError            **error);
/* The API's base URL: http(s), a host, no user name, password, query or
 * fragment; trailing "/" dropped. Empty: FlixySMS's default, an error for
 * FlashSMS (self-hosted), nothing for modems (which have no URL). */
gboolean  herald_account_validate_base_url   (HeraldDialect       dialect,
                                              const char         *base_url,
                                              char              **normalized,
                                              GError            **error);
/* A two-letter region code, upper-cased; empty: GH for FlashSMS, none
 * otherwise. */
gboolean  herald_account_validate_region     (HeraldDialect       dialect,
                                              const char         *region,
                                              char              **normalized,
                                              GError            **error);
/* An API key: non-empty text without spaces or line breaks, at most 4096
 * bytes; NULL for dialects without a key (modems), which refuse one. */
gboolean  herald_account_validate_key        (HeraldDialect       dialect,
                                              const char         *key,
                                              GError            **error);
/* Only FlashSMS may send its key as X-API-Key. */
gboolean  herald_account_validate_auth_style (HeraldDialect       dialect,
                                              HeraldAccountAuth   auth_style,
                                              GError            **error);

/* What makes names equal: NFKC-normalised and case-folded. */
char     *herald_account_dup_name_key        (const char         *name);

G_END_DECLS
