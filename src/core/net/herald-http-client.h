/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "herald-rate-limiter.h"

G_BEGIN_DECLS

/* The transport every cloud dialect shares: one libsoup session, the API key
 * in the header the dialect wants, the shared rate limiter of that key,
 * timeouts, bounded retries with exponential backoff and full jitter, and a
 * cap on response size. It knows HTTP, not the dialects: it hands back every
 * HTTP answer (2xx or not) as a HeraldHttpResponse, and fails only for
 * transport problems (HERALD_PROVIDER_ERROR NETWORK, TLS, TIMEOUT,
 * MALFORMED_RESPONSE for an oversized or unreadable body, FATE_UNKNOWN) or
 * when 429/5xx persist after the retries (RATE_LIMITED, SERVER_ERROR, with
 * the response's details). TLS certificates are always checked. */

typedef enum
{
  HERALD_AUTH_BEARER,      /* Authorization: Bearer KEY */
  HERALD_AUTH_X_API_KEY,   /* X-API-Key: KEY */
} HeraldAuthStyle;

typedef enum
{
  HERALD_HTTP_FLAGS_NONE     = 0,
  /* A request that changes something on the server (a send): retried after
   * 429 (the server refused it) and after a connection that never opened,
   * but never after it may have reached the server (timeout, reset, 5xx other
   * than 503): then the call fails with FATE_UNKNOWN and the caller decides. */
  HERALD_HTTP_NOT_IDEMPOTENT = 1 << 0,
} HeraldHttpFlags;

typedef struct _HeraldHttpResponse HeraldHttpResponse;

#define HERALD_TYPE_HTTP_RESPONSE (herald_http_response_get_type ())
GType               herald_http_response_get_type        (void) G_GNUC_CONST;
HeraldHttpResponse *herald_http_response_ref             (HeraldHttpResponse *self);
void                herald_http_response_unref           (HeraldHttpResponse *self);
guint               herald_http_response_get_status      (const HeraldHttpResponse *self);
GBytes             *herald_http_response_get_body        (const HeraldHttpResponse *self);
/* The body parsed as JSON, or NULL when it is empty or not JSON. */
JsonNode           *herald_http_response_get_json        (const HeraldHttpResponse *self);
const char         *herald_http_response_get_header      (const HeraldHttpResponse *self,
                                                          const char               *name);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldHttpResponse, herald_http_response_unref)

#define HERALD_TYPE_HTTP_CLIENT (herald_http_client_get_type ())
G_DECLARE_FINAL_TYPE (HeraldHttpClient, herald_http_client, HERALD, HTTP_CLIENT, GObject)

/* @base_url: "https://host/api/v1" (http:// is accepted too, e.g. for a
 * self-hosted FlashSMS on the LAN or a test server on 127.0.0.1).
 * INVALID_INPUT when the URL is not http(s) or the key is empty. */
HeraldHttpClient   *herald_http_client_new               (const char          *base_url,
                                                          const char          *api_key,
                                                          HeraldAuthStyle      auth_style,
                                                          GError             **error);
const char         *herald_http_client_get_base_url      (HeraldHttpClient    *self);
void                herald_http_client_set_timeout       (HeraldHttpClient    *self,
                                                          guint                seconds);   /* default 30 */
void                herald_http_client_set_max_retries   (HeraldHttpClient    *self,
                                                          guint                retries);   /* default 4 */
HeraldRateLimiter  *herald_http_client_get_rate_limiter  (HeraldHttpClient    *self);

/* @path is appended to the base URL ("/sms/send"); @query (nullable) holds
 * string → string pairs, escaped here; @body (nullable) is sent as JSON. */
void                herald_http_client_request_async     (HeraldHttpClient    *self,
                                                          const char          *method,
                                                          const char          *path,
                                                          GHashTable          *query,
                                                          JsonNode            *body,
                                                          HeraldHttpFlags      flags,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
HeraldHttpResponse *herald_http_client_request_finish    (HeraldHttpClient    *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
