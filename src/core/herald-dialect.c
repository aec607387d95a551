/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-dialect.h"

/* ---- HeraldDialect ------------------------------------------------------ */

static const HeraldDialectInfo dialects[] = {
  [HERALD_DIALECT_FLIXYSMS] = {
    .dialect = HERALD_DIALECT_FLIXYSMS, .id = "flixysms", .title = "FlixySMS",
    .default_base_url = HERALD_FLIXYSMS_DEFAULT_BASE_URL,
    .has_key = TRUE, .needs_base_url = FALSE, .chooses_auth_style = FALSE,
    .max_recipients = 100,
    .summary = N_("FlixySMS sends through your own Android phones."),
  },
  [HERALD_DIALECT_FLASHSMS] = {
    .dialect = HERALD_DIALECT_FLASHSMS, .id = "flashsms", .title = "FlashSMS",
    .default_region = HERALD_FLASHSMS_DEFAULT_REGION,
    .has_key = TRUE, .needs_base_url = TRUE, .chooses_auth_style = TRUE,
    .mobile_only = TRUE, .max_characters = 918, .max_recipients = 1000, .has_credits = TRUE,
    .summary = N_("FlashSMS is self-hosted: enter the URL of your server’s API, such as "
                  "https://sms.example.com/api/v1."),
  },
  /* Modems are local: nothing to authenticate to, no URL. */
  [HERALD_DIALECT_MODEM] = {
    .dialect = HERALD_DIALECT_MODEM, .id = "modem", .title = "Modem",
    .local = TRUE,
    .summary = N_("Modems are found on this computer: no URL and no key."),
  },
};

G_DEFINE_ENUM_TYPE (HeraldDialect, herald_dialect,
                    G_DEFINE_ENUM_VALUE (HERALD_DIALECT_FLIXYSMS, "flixysms"),
                    G_DEFINE_ENUM_VALUE (HERALD_DIALECT_FLASHSMS, "flashsms"),
                    G_DEFINE_ENUM_VALUE (HERALD_DIALECT_MODEM, "modem"))

const HeraldDialectInfo *
herald_dialect_get_info (HeraldDialect dialect)
{
  if ((guint) dialect >= G_N_ELEMENTS (dialects))
    return NULL;
  return &dialects[dialect];
}

const char *
herald_dialect_to_string (HeraldDialect dialect)
{
  const HeraldDialectInfo *info = herald_dialect_get_info (dialect);

  g_return_val_if_fail (info != NULL, NULL);

  return info->id;
}

gboolean
herald_dialect_from_string (const char    *string,
                            HeraldDialect *dialect)
{
  g_return_val_if_fail (dialect != NULL, FALSE);

  for (guint i = 0; string != NULL && i < G_N_ELEMENTS (dialects); i++)
    if (g_str_equal (string, dialects[i].id))
      {
        *dialect = dialects[i].dialect;
        return TRUE;
      }

  return FALSE;
}

const char *
herald_dialect_get_default_base_url (HeraldDialect dialect)
{
  const HeraldDialectInfo *info = herald_dialect_get_info (dialect);

  return info != NULL ? info->default_base_url : NULL;
}

gboolean
herald_dialect_has_key (HeraldDialect dialect)
{
  const HeraldDialectInfo *info = herald_dialect_get_info (dialect);

  return info != NULL && info->has_key;
}

const char *
herald_dialect_get_title (HeraldDialect dialect)
{
  const HeraldDialectInfo *info = herald_dialect_get_info (dialect);

  return info != NULL ? info->title : NULL;
}

gboolean
herald_dialect_is_default_base_url (const char *url)
{
  for (guint i = 0; url != NULL && i < G_N_ELEMENTS (dialects); i++)
    if (g_strcmp0 (dialects[i].default_base_url, url) == 0)
      return TRUE;
  return FALSE;
}

gboolean
herald_dialect_is_default_region (const char *region)
{
  for (guint i = 0; region != NULL && i < G_N_ELEMENTS (dialects); i++)
    if (g_strcmp0 (dialects[i].default_region, region) == 0)
      return TRUE;
  return FALSE;
}
