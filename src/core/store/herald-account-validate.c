/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "herald-account-validate.h"
#include "herald-database.h"
#include "text/herald-phone-number.h"

#define MAX_NAME_CHARS 100
#define MAX_KEY_BYTES  4096

/* Names are unique after NFKC normalisation and case folding: "Shop",
 * "SHOP" and "ｓｈｏｐ" are one name. */
char *
herald_account_dup_name_key (const char *name)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normalized, -1);
}

/* Validation.  Messages may quote what a person typed
 * (once it is known to be UTF-8) but never the key, nor a URL that failed
 * because it holds credentials or a query, where keys tend to hide. */

static gboolean
has_space_or_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        return TRUE;
    }

  return FALSE;
}

char *
herald_account_validate_name (const char  *name,
                              GError     **error)
{
  g_autofree char *copy = NULL;

  if (name != NULL && !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The account name is not valid UTF-8 text."));
      return NULL;
    }

  copy = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*copy == '\0')
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("An account needs a name."));
      return NULL;
    }

  for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                             _("An account name cannot contain line breaks or control characters."));
        return NULL;
      }

  if (g_utf8_strlen (copy, -1) > MAX_NAME_CHARS)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                   _("An account name can have at most %d characters."), MAX_NAME_CHARS);
      return NULL;
    }

  return g_steal_pointer (&copy);
}

gboolean
herald_account_validate_base_url (HeraldDialect   dialect,
                                  const char     *base_url,
                                  char          **normalized,
                                  GError        **error)
{
  const HeraldDialectInfo *info = herald_dialect_get_info (dialect);
  g_autofree char *copy = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scheme;
  gsize length;

  *normalized = NULL;

  if (base_url != NULL && !g_utf8_validate (base_url, -1, NULL))
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The URL is not valid UTF-8 text."));
      return FALSE;
    }

  copy = g_strstrip (g_strdup (base_url != NULL ? base_url : ""));
  if (*copy == '\0')
    {
      if (info->default_base_url != NULL)
        {
          *normalized = g_strdup (info->default_base_url);
          return TRUE;
        }
      if (info->needs_base_url)
        {
          /* TRANSLATORS: both %s are the service's name, "FlashSMS" */
          g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                       _("A %s account needs the URL of its server’s API, "
                         "such as https://sms.example.com/api/v1: %s is self-hosted."), info->title, info->title);
          return FALSE;
        }
      return TRUE;
    }

  if (info->local)
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("A modem account has no URL: its modems are found on this computer."));
      return FALSE;
    }

  if (has_space_or_control (copy))
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The URL contains spaces or control characters."));
      return FALSE;
    }

  uri = g_uri_parse (copy, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                   _("“%s” is not a URL: %s"), copy, local_error->message);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                   _("The URL “%s” must start with https:// or http://."), copy);
      return FALSE;
    }

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                   _("The URL “%s” has no host name."), copy);
      return FALSE;
    }

  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The URL must not contain a user name or password: "
                             "the API key is kept in the keyring, not in the URL."));
      return FALSE;
    }

  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The URL must not have a query (“?…”) or a fragment (“#…”): "
                             "give the base URL of the API, such as https://sms.example.com/api/v1."));
      return FALSE;
    }

  /* Paths such as "/sms/send" are appended to it. */
  length = strlen (copy);
  while (length > 0 && copy[length - 1] == '/')
    copy[--length] = '\0';

  *normalized = g_steal_pointer (&copy);
  return TRUE;
}

gboolean
herald_account_validate_region (HeraldDialect   dialect,
                                const char     *region,
                                char          **normalized,
                                GError        **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *upper = NULL;

  *normalized = NULL;

  if (region != NULL && !g_utf8_validate (region, -1, NULL))
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The region is not valid UTF-8 text."));
      return FALSE;
    }

  copy = g_strstrip (g_strdup (region != NULL ? region : ""));
  if (*copy == '\0')
    {
      /* The dialect's own default, if it has one (FlashSMS takes numbers
       * in Ghana's national form). */
      *normalized = g_strdup (herald_dialect_get_info (dialect)->default_region);
      return TRUE;
    }

  upper = g_ascii_strup (copy, -1);
  if (!herald_phone_region_is_valid (upper))
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                   _("“%s” is not a region code: use two letters, such as GH or US."), copy);
      return FALSE;
    }

  *normalized = g_steal_pointer (&upper);
  return TRUE;
}

gboolean
herald_account_validate_key (HeraldDialect   dialect,
                             const char     *key,
                             GError        **error)
{
  if (!herald_dialect_has_key (dialect))
    {
      if (key == NULL)
        return TRUE;

      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("A modem account has no API key."));
      return FALSE;
    }

  if (key == NULL || *key == '\0')
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The API key is empty."));
      return FALSE;
    }

  if (strlen (key) > MAX_KEY_BYTES)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                   _("The API key is too long (more than %d bytes)."), MAX_KEY_BYTES);
      return FALSE;
    }

  if (!g_utf8_validate (key, -1, NULL))
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The API key is not valid text."));
      return FALSE;
    }

  if (has_space_or_control (key))
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The API key contains spaces or line breaks; copy it again without them."));
      return FALSE;
    }

  return TRUE;
}

gboolean
herald_account_validate_auth_style (HeraldDialect       dialect,
                                    HeraldAccountAuth   auth_style,
                                    GError            **error)
{
  if ((guint) auth_style > HERALD_ACCOUNT_AUTH_X_API_KEY ||
      (auth_style != HERALD_ACCOUNT_AUTH_BEARER && !herald_dialect_get_info (dialect)->chooses_auth_style))
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("Only FlashSMS accounts can send the API key as X-API-Key."));
      return FALSE;
    }

  return TRUE;
}
