/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-types.h"

G_BEGIN_DECLS

/* What Herald knows about each dialect, in one table (herald-dialect.c):
 * a new dialect is one row here plus its folder under providers/. Code that
 * needs a per-dialect fact (a default, a label, whether there is a key)
 * reads the row instead of branching on the enum. */

#define HERALD_FLIXYSMS_DEFAULT_BASE_URL "https://flixysms.com/api/v1"
#define HERALD_FLASHSMS_DEFAULT_REGION   "GH"

typedef struct
{
  HeraldDialect  dialect;
  const char    *id;                 /* "flixysms": the database's and the CLI's word */
  const char    *title;              /* "FlixySMS": the service's own name, not translated */
  const char    *default_base_url;   /* NULL: none (self-hosted, or no URL at all) */
  const char    *default_region;     /* NULL: none */
  gboolean       has_key;            /* an API key lives in the keyring */
  gboolean       needs_base_url;     /* an account cannot work without a URL */
  gboolean       chooses_auth_style; /* the key header is the account's choice */
  gboolean       local;              /* no service: the computer's own devices */
  gboolean       has_credits;        /* the account has a credit balance */
  gboolean       mobile_only;        /* sends to mobile numbers only */
  guint          max_characters;     /* of one message; 0: no limit of its own */
  guint          max_recipients;     /* numbers one request takes; 0: no limit */
  const char    *summary;            /* one sentence for the account form, untranslated: pass it to gettext */
} HeraldDialectInfo;

/* NULL for a value that is not a dialect; every dialect is a row from 0
 * up, so a loop may stop at the first NULL. */
const HeraldDialectInfo *herald_dialect_get_info             (HeraldDialect dialect);
/* Whether @url is some dialect's default URL (the form clears it when the
 * person switches to a dialect without one). */
gboolean                 herald_dialect_is_default_base_url  (const char   *url);
/* Whether @region is some dialect's default region. */
gboolean                 herald_dialect_is_default_region    (const char   *region);

/* NULL when the dialect has no default (FlashSMS is self-hosted) or no URL. */
const char              *herald_dialect_get_default_base_url (HeraldDialect dialect);
gboolean                 herald_dialect_has_key              (HeraldDialect dialect);
const char              *herald_dialect_get_title            (HeraldDialect dialect);

G_END_DECLS
