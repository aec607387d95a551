/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-provider-error"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-provider-error.h"

/* A server's own text goes into messages people read: keep it short. */
#define SERVER_MESSAGE_MAX_CHARS 300

typedef struct
{
  guint     http_status;
  char     *scope;
  gint64    credits_needed;
  gint64    balance;
  gint64    retry_at;
  char     *server_message;
  /* Built by herald_provider_error_new_for_code (): the setters rewrite the
   * message with the details they add. */
  gboolean  standard_message;
} HeraldProviderErrorPrivate;

static void
herald_provider_error_private_init (HeraldProviderErrorPrivate *priv)
{
  priv->http_status = 0;
  priv->scope = NULL;
  priv->credits_needed = -1;
  priv->balance = -1;
  priv->retry_at = 0;
  priv->server_message = NULL;
  priv->standard_message = FALSE;
}

static void
herald_provider_error_private_copy (const HeraldProviderErrorPrivate *src,
                                    HeraldProviderErrorPrivate       *dest)
{
  dest->http_status = src->http_status;
  dest->scope = g_strdup (src->scope);
  dest->credits_needed = src->credits_needed;
  dest->balance = src->balance;
  dest->retry_at = src->retry_at;
  dest->server_message = g_strdup (src->server_message);
  dest->standard_message = src->standard_message;
}

static void
herald_provider_error_private_clear (HeraldProviderErrorPrivate *priv)
{
  g_clear_pointer (&priv->scope, g_free);
  g_clear_pointer (&priv->server_message, g_free);
}

/* NOLINTNEXTLINE(bugprone-macro-parentheses): GLib's macro */
G_DEFINE_EXTENDED_ERROR (HeraldProviderError, herald_provider_error)

/* NULL for errors of other domains (the macro's getter would complain). */
static HeraldProviderErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != HERALD_PROVIDER_ERROR)
    return NULL;

  return herald_provider_error_get_private (error);
}

/* "10:31:05" today, "2024-01-16 10:31:05" another day, in local time. */
static char *
format_retry_time (gint64 unix_time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (when == NULL || now == NULL)
    return NULL;

  if (g_date_time_get_year (when) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (now))
    return g_date_time_format (when, "%H:%M:%S");

  return g_date_time_format (when, "%Y-%m-%d %H:%M:%S");
}

/* The status the message names: the one given, or the usual one. */
static guint
status_or (const HeraldProviderErrorPrivate *priv,
           guint                             usual)
{
  return priv->http_status != 0 ? priv->http_status : usual;
}

static char *
forbidden_message (const HeraldProviderErrorPrivate *priv)
{
  if (priv->scope != NULL)
    return g_strdup_printf (_("The key lacks the “%s” permission (%u). Create a key with that permission."),
                            priv->scope, status_or (priv, 403));

  return g_strdup_printf (_("The key is not allowed to do this (%u). Check the key’s permissions in the provider’s dashboard."),
                          status_or (priv, 403));
}

static char *
payment_message (const HeraldProviderErrorPrivate *priv)
{
  /* Numbers formatted apart: G_GINT64_FORMAT inside _() would hide the
   * string from xgettext. */
  g_autofree char *needed = g_strdup_printf ("%" G_GINT64_FORMAT, priv->credits_needed);
  g_autofree char *balance = g_strdup_printf ("%" G_GINT64_FORMAT, priv->balance);
  guint status = status_or (priv, 402);

  if (priv->credits_needed >= 0 && priv->balance >= 0)
    return g_strdup_printf (_("Not enough credits (%u): %s needed, %s available. Top up the account."),
                            status, needed, balance);
  if (priv->credits_needed >= 0)
    return g_strdup_printf (_("Not enough credits (%u): %s needed. Top up the account."), status, needed);
  if (priv->balance >= 0)
    return g_strdup_printf (_("Not enough credits (%u): %s available. Top up the account."), status, balance);

  return g_strdup_printf (_("Not enough credits (%u). Top up the account."), status);
}

static char *
rate_limited_message (const HeraldProviderErrorPrivate *priv)
{
  g_autofree char *when = priv->retry_at > 0 ? format_retry_time (priv->retry_at) : NULL;

  if (when != NULL)
    return g_strdup_printf (_("Rate limited (%u): try again after %s."), status_or (priv, 429), when);

  return g_strdup_printf (_("Rate limited (%u): try again in a minute."), status_or (priv, 429));
}

/* The codes whose message quotes the server when it said something. */
static char *
server_quoting_message (HeraldProviderErrorCode           code,
                        const HeraldProviderErrorPrivate *priv)
{
  const char *server = priv->server_message;

  switch (code)
    {
    case HERALD_PROVIDER_ERROR_NOT_FOUND:
      if (server != NULL)
        return g_strdup_printf (_("Not found (%u): %s."), status_or (priv, 404), server);
      return g_strdup_printf (_("Not found (%u). The item may have been deleted, or the account URL may be wrong."),
                              status_or (priv, 404));

    case HERALD_PROVIDER_ERROR_BAD_REQUEST:
      if (server != NULL)
        return g_strdup_printf (_("The provider refused the request (%u): %s."), status_or (priv, 400), server);
      return g_strdup_printf (_("The provider refused the request (%u). Check the numbers and the message."),
                              status_or (priv, 400));

    case HERALD_PROVIDER_ERROR_SERVER_ERROR:
      if (server != NULL)
        return g_strdup_printf (_("The provider had a server error (%u): %s. Try again later."),
                                status_or (priv, 500), server);
      return g_strdup_printf (_("The provider had a server error (%u). Try again later."), status_or (priv, 500));

    case HERALD_PROVIDER_ERROR_INVALID_INPUT:
    default:
      if (server != NULL)
        return g_strdup_printf (_("The request is not valid: %s."), server);
      return g_strdup (_("The request is not valid."));
    }
}

static char *
standard_message (HeraldProviderErrorCode           code,
                  const HeraldProviderErrorPrivate *priv)
{
  switch (code)
    {
    case HERALD_PROVIDER_ERROR_UNAUTHORIZED:
      return g_strdup_printf (_("The API key was rejected (%u). Check the key in the account settings."),
                              status_or (priv, 401));
    case HERALD_PROVIDER_ERROR_FORBIDDEN:
      return forbidden_message (priv);
    case HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED:
      return payment_message (priv);
    case HERALD_PROVIDER_ERROR_RATE_LIMITED:
      return rate_limited_message (priv);
    case HERALD_PROVIDER_ERROR_NO_DEVICE:
      return g_strdup_printf (_("No device is online to send (%u). Start the FlixySMS app on a phone."),
                              status_or (priv, 503));
    case HERALD_PROVIDER_ERROR_NOT_FOUND:
    case HERALD_PROVIDER_ERROR_BAD_REQUEST:
    case HERALD_PROVIDER_ERROR_SERVER_ERROR:
    case HERALD_PROVIDER_ERROR_INVALID_INPUT:
      return server_quoting_message (code, priv);
    case HERALD_PROVIDER_ERROR_NETWORK:
      return g_strdup (_("The provider could not be reached. Check the network connection and the account URL."));
    case HERALD_PROVIDER_ERROR_TLS:
      return g_strdup (_("The secure connection to the provider failed. Check the account URL and the computer’s date and time."));
    case HERALD_PROVIDER_ERROR_TIMEOUT:
      return g_strdup (_("The provider did not answer in time. Try again later."));
    case HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE:
      return g_strdup (_("The provider sent an answer Herald cannot read. Try again later; if it persists, the account URL may be wrong."));
    case HERALD_PROVIDER_ERROR_FATE_UNKNOWN:
      return g_strdup (_("The message may or may not have been sent. Check its status or the history before sending it again."));
    default:
      return g_strdup (_("The provider failed for an unknown reason."));
    }
}

static void
refresh_message (GError *error)
{
  HeraldProviderErrorPrivate *priv = get_private (error);

  if (priv == NULL || !priv->standard_message)
    return;

  g_free (error->message);
  error->message = standard_message (error->code, priv);
}

G_GNUC_PRINTF (3, 0)
static GError *
error_new_valist (HeraldProviderErrorCode  code,
                  guint                    http_status,
                  const char              *format,
                  va_list                  args)
{
  GError *error = g_error_new_valist (HERALD_PROVIDER_ERROR, code, format, args);
  HeraldProviderErrorPrivate *priv = get_private (error);

  priv->http_status = http_status;

  return error;
}

GError *
herald_provider_error_new (HeraldProviderErrorCode  code,
                           guint                    http_status,
                           const char              *format,
                           ...)
{
  GError *error;
  va_list args;

  g_return_val_if_fail (format != NULL, NULL);

  va_start (args, format);
  error = error_new_valist (code, http_status, format, args);
  va_end (args);

  return error;
}

GError *
herald_provider_error_new_for_code (HeraldProviderErrorCode  code,
                                    guint                    http_status,
                                    const char              *server_message)
{
  GError *error = g_error_new_literal (HERALD_PROVIDER_ERROR, code, "");
  HeraldProviderErrorPrivate *priv = get_private (error);

  priv->http_status = http_status;
  priv->standard_message = TRUE;
  /* Writes the message too. */
  herald_provider_error_set_server_message (error, server_message);

  return error;
}

HeraldProviderErrorCode
herald_provider_error_code_for_status (guint http_status)
{
  switch (http_status)
    {
    case 401:
      return HERALD_PROVIDER_ERROR_UNAUTHORIZED;
    case 402:
      return HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED;
    case 403:
      return HERALD_PROVIDER_ERROR_FORBIDDEN;
    case 404:
    case 410:
      return HERALD_PROVIDER_ERROR_NOT_FOUND;
    case 429:
      return HERALD_PROVIDER_ERROR_RATE_LIMITED;
    default:
      break;
    }

  if (http_status >= 500 && http_status < 600)
    return HERALD_PROVIDER_ERROR_SERVER_ERROR;
  if (http_status >= 400 && http_status < 500)
    return HERALD_PROVIDER_ERROR_BAD_REQUEST;

  /* 1xx/2xx/3xx handed to this function: the answer was not what the
   * dialect expects. */
  return HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE;
}

void
herald_provider_error_set_scope (GError     *error,
                                 const char *scope)
{
  HeraldProviderErrorPrivate *priv = get_private (error);

  g_return_if_fail (priv != NULL);

  g_free (priv->scope);
  priv->scope = g_strdup (scope);
  refresh_message (error);
}

void
herald_provider_error_set_credits (GError *error,
                                   gint64  credits_needed,
                                   gint64  balance)
{
  HeraldProviderErrorPrivate *priv = get_private (error);

  g_return_if_fail (priv != NULL);

  priv->credits_needed = credits_needed >= 0 ? credits_needed : -1;
  priv->balance = balance >= 0 ? balance : -1;
  refresh_message (error);
}

void
herald_provider_error_set_retry_at (GError *error,
                                    gint64  unix_time)
{
  HeraldProviderErrorPrivate *priv = get_private (error);

  g_return_if_fail (priv != NULL);

  priv->retry_at = unix_time > 0 ? unix_time : 0;
  refresh_message (error);
}

/* Kept as one short, valid UTF-8 line: it is shown to people. */
static char *
tidy_server_message (const char *message)
{
  g_autofree char *valid = NULL;
  GString *tidy;
  guint chars = 0;

  if (message == NULL)
    return NULL;

  valid = g_utf8_make_valid (message, -1);
  tidy = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (chars++ >= SERVER_MESSAGE_MAX_CHARS)
        {
          g_string_append (tidy, "…");
          break;
        }
      if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
        {
          if (tidy->len > 0 && tidy->str[tidy->len - 1] != ' ')
            g_string_append_c (tidy, ' ');
          continue;
        }
      g_string_append_unichar (tidy, c);
    }

  /* A trailing full stop would double the one the messages add. */
  while (tidy->len > 0 && (tidy->str[tidy->len - 1] == ' ' || tidy->str[tidy->len - 1] == '.'))
    g_string_truncate (tidy, tidy->len - 1);

  if (tidy->len == 0)
    {
      g_string_free (tidy, TRUE);
      return NULL;
    }

  return g_string_free (tidy, FALSE);
}

void
herald_provider_error_set_server_message (GError     *error,
                                          const char *message)
{
  HeraldProviderErrorPrivate *priv = get_private (error);

  g_return_if_fail (priv != NULL);

  g_free (priv->server_message);
  priv->server_message = tidy_server_message (message);
  refresh_message (error);
}

guint
herald_provider_error_get_http_status (const GError *error)
{
  HeraldProviderErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->http_status : 0;
}

const char *
herald_provider_error_get_scope (const GError *error)
{
  HeraldProviderErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->scope : NULL;
}

gint64
herald_provider_error_get_credits_needed (const GError *error)
{
  HeraldProviderErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->credits_needed : -1;
}

gint64
herald_provider_error_get_balance (const GError *error)
{
  HeraldProviderErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->balance : -1;
}

gint64
herald_provider_error_get_retry_at (const GError *error)
{
  HeraldProviderErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->retry_at : 0;
}

const char *
herald_provider_error_get_server_message (const GError *error)
{
  HeraldProviderErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->server_message : NULL;
}

const char *
herald_provider_error_code_to_string (HeraldProviderErrorCode code)
{
  switch (code)
    {
    case HERALD_PROVIDER_ERROR_UNAUTHORIZED:
      return "unauthorized";
    case HERALD_PROVIDER_ERROR_FORBIDDEN:
      return "forbidden";
    case HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED:
      return "payment_required";
    case HERALD_PROVIDER_ERROR_RATE_LIMITED:
      return "rate_limited";
    case HERALD_PROVIDER_ERROR_NO_DEVICE:
      return "no_device";
    case HERALD_PROVIDER_ERROR_NOT_FOUND:
      return "not_found";
    case HERALD_PROVIDER_ERROR_BAD_REQUEST:
      return "bad_request";
    case HERALD_PROVIDER_ERROR_SERVER_ERROR:
      return "server_error";
    case HERALD_PROVIDER_ERROR_NETWORK:
      return "network";
    case HERALD_PROVIDER_ERROR_TLS:
      return "tls";
    case HERALD_PROVIDER_ERROR_TIMEOUT:
      return "timeout";
    case HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE:
      return "malformed_response";
    case HERALD_PROVIDER_ERROR_FATE_UNKNOWN:
      return "fate_unknown";
    case HERALD_PROVIDER_ERROR_INVALID_INPUT:
      return "invalid_input";
    default:
      return "unknown";
    }
}

gboolean
herald_provider_error_send_may_have_gone_out (const GError *error)
{
  guint status;

  g_return_val_if_fail (error != NULL, TRUE);

  if (error->domain != HERALD_PROVIDER_ERROR)
    return TRUE;

  switch (error->code)
    {
    case HERALD_PROVIDER_ERROR_FATE_UNKNOWN:
    case HERALD_PROVIDER_ERROR_TIMEOUT:
      return TRUE;
    case HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE:
      status = herald_provider_error_get_http_status (error);
      return status < 300;
    default:
      return FALSE;
    }
}

gboolean
herald_provider_error_is_transient (const GError *error)
{
  return g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NETWORK) ||
         g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_RATE_LIMITED) ||
         g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NO_DEVICE) ||
         g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_SERVER_ERROR);
}
