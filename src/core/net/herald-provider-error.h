/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One error domain for everything a provider (FlixySMS, FlashSMS, later the
 * local modems) can answer or fail with. Messages are for people and say
 * what to do; the details a UI needs as numbers travel in the error itself
 * (an extended GError, G_DEFINE_EXTENDED_ERROR) and are read with the
 * getters below, which return "unknown" values for errors of other domains. */

#define HERALD_PROVIDER_ERROR (herald_provider_error_quark ())

typedef enum
{
  HERALD_PROVIDER_ERROR_UNAUTHORIZED,       /* 401: key missing, wrong or expired */
  HERALD_PROVIDER_ERROR_FORBIDDEN,          /* 403: the key lacks a scope (get_scope) */
  HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED,   /* 402: credits needed vs. balance */
  HERALD_PROVIDER_ERROR_RATE_LIMITED,       /* 429 after the retries: get_retry_at */
  HERALD_PROVIDER_ERROR_NO_DEVICE,          /* 503 (FlixySMS): no device online */
  HERALD_PROVIDER_ERROR_NOT_FOUND,          /* 404 */
  HERALD_PROVIDER_ERROR_BAD_REQUEST,        /* 400/422: get_server_message */
  HERALD_PROVIDER_ERROR_SERVER_ERROR,       /* other 5xx after the retries */
  HERALD_PROVIDER_ERROR_NETWORK,            /* no connection, reset, DNS */
  HERALD_PROVIDER_ERROR_TLS,                /* certificate or handshake problem */
  HERALD_PROVIDER_ERROR_TIMEOUT,
  HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, /* not JSON, truncated, too large, field missing or mistyped */
  HERALD_PROVIDER_ERROR_FATE_UNKNOWN,       /* a send may or may not have been accepted: never retried silently */
  HERALD_PROVIDER_ERROR_INVALID_INPUT,      /* refused before anything was sent */
} HeraldProviderErrorCode;

GQuark       herald_provider_error_quark              (void);

/* Builds an error with details; any detail may be "unknown" (0, NULL, -1). */
GError      *herald_provider_error_new                (HeraldProviderErrorCode  code,
                                                       guint                    http_status,
                                                       const char              *format,
                                                       ...) G_GNUC_PRINTF (3, 4);
void         herald_provider_error_set_scope          (GError                  *error,
                                                       const char              *scope);
void         herald_provider_error_set_credits        (GError                  *error,
                                                       gint64                   credits_needed,
                                                       gint64                   balance);
void         herald_provider_error_set_retry_at       (GError                  *error,
                                                       gint64                   unix_time);
void         herald_provider_error_set_server_message (GError                  *error,
                                                       const char              *message);

guint        herald_provider_error_get_http_status    (const GError            *error);   /* 0: none */
const char  *herald_provider_error_get_scope          (const GError            *error);   /* NULL: unknown */
gint64       herald_provider_error_get_credits_needed (const GError            *error);   /* -1: unknown */
gint64       herald_provider_error_get_balance        (const GError            *error);   /* -1: unknown */
gint64       herald_provider_error_get_retry_at       (const GError            *error);   /* unix time, 0: unknown */
const char  *herald_provider_error_get_server_message (const GError            *error);   /* NULL: none */

/* The code an HTTP status usually means: 401 UNAUTHORIZED, 402
 * PAYMENT_REQUIRED, 403 FORBIDDEN, 404 NOT_FOUND, 400/422 BAD_REQUEST, 429
 * RATE_LIMITED, other 4xx BAD_REQUEST, 5xx SERVER_ERROR (FlixySMS reads its
 * 503 as NO_DEVICE: the dialect decides that). */
HeraldProviderErrorCode herald_provider_error_code_for_status (guint http_status);

/* An error with Herald's standard message for @code ("The API key was
 * rejected (401). Check the key in the account settings."). The setters
 * above then make that message more precise: set_scope names the missing
 * permission, set_credits the credits, set_retry_at the time, and
 * set_server_message adds the server's own words (BAD_REQUEST, NOT_FOUND,
 * SERVER_ERROR, INVALID_INPUT). Errors built with a caller's own message
 * (herald_provider_error_new) keep it as written. */
GError      *herald_provider_error_new_for_code       (HeraldProviderErrorCode  code,
                                                       guint                    http_status,
                                                       const char              *server_message);

/* For an error a send failed with: whether the provider may have accepted
 * the message all the same, so that sending it again could deliver it
 * twice. TRUE for FATE_UNKNOWN, TIMEOUT, a MALFORMED_RESPONSE whose status
 * was 2xx or never read (the answer was lost after the request reached the
 * server) and any error of another domain; FALSE for what was refused
 * before or by the server (NETWORK: the connection never opened, since the
 * client reports a connection lost midway as FATE_UNKNOWN; TLS; 4xx; 429;
 * a 503 or other SERVER_ERROR the client passed on as not taken). */
gboolean     herald_provider_error_send_may_have_gone_out (const GError *error);
/* A send refused for a passing reason, worth trying again later by itself:
 * NETWORK, RATE_LIMITED, NO_DEVICE, SERVER_ERROR. */
gboolean     herald_provider_error_is_transient       (const GError            *error);

/* "unauthorized", "forbidden", … for JSON output and logs. */
const char  *herald_provider_error_code_to_string     (HeraldProviderErrorCode  code);

G_END_DECLS
