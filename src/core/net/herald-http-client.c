/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-http"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "herald-http-client.h"
#include "herald-getter-private.h"
#include "herald-provider-error.h"

#define USER_AGENT               "Herald/" PACKAGE_VERSION
#define DEFAULT_TIMEOUT_SECONDS  30
#define DEFAULT_MAX_RETRIES      4
/* Both dialects document 100 requests a minute per key; the limiter learns
 * better from the first response's headers. */
#define DEFAULT_LIMIT            100
#define DEFAULT_WINDOW_SECONDS   60
#define MAX_BODY_BYTES           (8 * 1024 * 1024)
#define READ_CHUNK_BYTES         ((gsize) 64 * 1024)
#define BACKOFF_BASE_USEC        G_GINT64_CONSTANT (500000)
#define BACKOFF_CAP_USEC         G_GINT64_CONSTANT (30000000)
/* A paced job keeps a few requests in flight; POSTs never share a
 * connection (libsoup opens a new one for non-idempotent methods). */
#define MAX_CONNS_PER_HOST       8
/* X-RateLimit-Reset below this is a number of seconds, not a date. */
#define RESET_DELTA_MAX          1000000000
/* Not in libsoup 3.2's SoupStatus. */
#define STATUS_TOO_MANY_REQUESTS 429

struct _HeraldHttpResponse
{
  gatomicrefcount     ref_count;
  guint               status;
  GBytes             *body;
  JsonNode           *json;
  SoupMessageHeaders *headers;
};

struct _HeraldHttpClient
{
  GObject            parent_instance;

  char              *base_url;
  char              *host;
  char              *api_key;
  HeraldAuthStyle    auth_style;
  SoupSession       *session;
  HeraldRateLimiter *limiter;
  guint              timeout;
  guint              max_retries;
};

G_DEFINE_FINAL_TYPE (HeraldHttpClient, herald_http_client, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (HeraldHttpResponse, herald_http_response,
                     herald_http_response_ref, herald_http_response_unref)

/* One call of herald_http_client_request_async (), across its attempts. */
typedef struct
{
  char            *method;
  GUri            *uri;
  char            *log_url;     /* without the query: numbers stay out of logs */
  GBytes          *body;
  HeraldHttpFlags  flags;
  guint            max_retries;
  guint            attempt;     /* 0-based */

  SoupMessage     *message;
  GInputStream    *stream;
  GByteArray      *buffer;

  /* The backoff before the next attempt. */
  GSource         *sleep_source;
  GSource         *cancel_source;
} Request;

static void start_attempt (GTask *task);

/* Response */

#define MAX_JSON_DEPTH 512

/* Brackets outside strings, deepest level reached: a linear scan, cheap next
 * to the parse it guards. */
static gboolean
json_nesting_is_sane (const char *data,
                      gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

static JsonNode *
parse_json (GBytes     *body,
            const char *content_type)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (body, &length);
  gboolean is_json = FALSE;

  if (length == 0)
    return NULL;

  if (content_type != NULL)
    is_json = g_str_has_suffix (content_type, "/json") || g_str_has_suffix (content_type, "+json");

  if (!is_json)
    {
      for (gsize i = 0; i < length; i++)
        {
          if (g_ascii_isspace (data[i]))
            continue;
          is_json = data[i] == '{' || data[i] == '[';
          break;
        }
    }

  if (!is_json)
    return NULL;

  /* json-glib recurses once per level and overflows the stack on a body of
   * a few hundred kilobytes of "[": no real answer nests this deep. */
  if (!json_nesting_is_sane (data, length))
    {
      g_debug ("response body nests deeper than %u levels; not parsed", MAX_JSON_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
    {
      /* Kept as raw bytes; the dialect says what it expected. */
      g_debug ("response body is not valid JSON: %s", error->message);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

static HeraldHttpResponse *
herald_http_response_new (guint               status,
                          GBytes             *body,
                          SoupMessageHeaders *headers)
{
  HeraldHttpResponse *self = g_new0 (HeraldHttpResponse, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->status = status;
  self->body = g_bytes_ref (body);
  self->headers = soup_message_headers_ref (headers);
  self->json = parse_json (body, soup_message_headers_get_content_type (headers, NULL));

  return self;
}

HeraldHttpResponse *
herald_http_response_ref (HeraldHttpResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_http_response_unref (HeraldHttpResponse *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->json, json_node_unref);
  g_clear_pointer (&self->headers, soup_message_headers_unref);
  g_free (self);
}

HERALD_DEFINE_GETTER (guint, herald_http_response_get_status, const HeraldHttpResponse, status, 0)
HERALD_DEFINE_GETTER (GBytes *, herald_http_response_get_body, const HeraldHttpResponse, body, NULL)
HERALD_DEFINE_GETTER (JsonNode *, herald_http_response_get_json, const HeraldHttpResponse, json, NULL)

const char *
herald_http_response_get_header (const HeraldHttpResponse *self,
                                 const char               *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return soup_message_headers_get_one (self->headers, name);
}

/* What the server said about the failure, for SERVER_ERROR and friends:
 * {"error": "…"}, {"error": {"message": "…"}}, {"message": "…"}, or a short
 * plain-text body. Never an HTML error page. */
static char *
server_message_of (const HeraldHttpResponse *response)
{
  gsize length;
  const char *data = g_bytes_get_data (response->body, &length);

  if (response->json != NULL && JSON_NODE_HOLDS_OBJECT (response->json))
    {
      JsonObject *object = json_node_get_object (response->json);
      JsonNode *error = json_object_get_member (object, "error");
      JsonNode *message = json_object_get_member (object, "message");

      if (error != NULL && JSON_NODE_HOLDS_OBJECT (error))
        error = json_object_get_member (json_node_get_object (error), "message");

      if (error != NULL && json_node_get_value_type (error) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (error));
      if (message != NULL && json_node_get_value_type (message) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (message));
      return NULL;
    }

  if (response->json == NULL && length > 0 && length <= 200 && data[0] != '<' &&
      g_utf8_validate (data, (gssize) length, NULL))
    return g_strndup (data, length);

  return NULL;
}

/* Request */

static void
request_free (gpointer data)
{
  Request *request = data;

  /* Sources hold the task: none can be left when it is freed. */
  g_assert (request->sleep_source == NULL);
  g_assert (request->cancel_source == NULL);

  g_free (request->method);
  g_clear_pointer (&request->uri, g_uri_unref);
  g_free (request->log_url);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_object (&request->message);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->buffer, g_byte_array_unref);
  g_free (request);
}

/* Ends the body stream without reading the rest: libsoup then drops the
 * connection instead of draining it. */
static void
drop_stream (Request *request)
{
  if (request->stream == NULL)
    return;

  if (!g_input_stream_is_closed (request->stream))
    g_input_stream_close_async (request->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  g_clear_object (&request->stream);
}

/* The key must never reach a message a person or a log sees, even when a
 * server echoes it back. */
static char *
redact (HeraldHttpClient *self,
        const char       *text)
{
  g_autoptr(GString) redacted = NULL;

  if (text == NULL)
    return NULL;

  redacted = g_string_new (text);
  g_string_replace (redacted, self->api_key, "[API key]", 0);

  return g_string_free (g_steal_pointer (&redacted), FALSE);
}

static void
return_error (GTask  *task,
              GError *error)
{
  HeraldHttpClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);

  g_clear_object (&request->message);
  drop_stream (request);

  if (strstr (error->message, self->api_key) != NULL)
    {
      char *message = redact (self, error->message);

      g_free (error->message);
      error->message = message;
    }

  g_debug ("%s %s: %s", request->method, request->log_url,
           error->domain == HERALD_PROVIDER_ERROR
           ? herald_provider_error_code_to_string (error->code) : "cancelled");

  g_task_return_error (task, error);
}

static void
return_response (GTask              *task,
                 HeraldHttpResponse *response)
{
  Request *request = g_task_get_task_data (task);

  g_clear_object (&request->message);
  drop_stream (request);

  g_task_return_pointer (task, response, (GDestroyNotify) herald_http_response_unref);
}

/* Retries */

static void
clear_sleep (Request *request)
{
  if (request->sleep_source != NULL)
    g_source_destroy (request->sleep_source);
  if (request->cancel_source != NULL)
    g_source_destroy (request->cancel_source);
  g_clear_pointer (&request->sleep_source, g_source_unref);
  g_clear_pointer (&request->cancel_source, g_source_unref);
}

static gboolean
sleep_done_cb (gpointer user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);

  clear_sleep (request);
  start_attempt (task);

  return G_SOURCE_REMOVE;
}

static gboolean
sleep_cancelled_cb (GCancellable *cancellable,
                    gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);

  clear_sleep (request);
  g_task_return_error_if_cancelled (task);

  return G_SOURCE_REMOVE;
}

static gboolean
can_retry (Request *request)
{
  return request->attempt < request->max_retries;
}

/* @delay_usec < 0: back off; 0: at once (the limiter holds the request
 * until the time the server gave). */
static void
retry (GTask  *task,
       gint64  delay_usec)
{
  Request *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (delay_usec < 0)
    delay_usec = herald_rate_limiter_backoff_delay (request->attempt, BACKOFF_BASE_USEC, BACKOFF_CAP_USEC);

  g_clear_object (&request->message);
  drop_stream (request);
  g_clear_pointer (&request->buffer, g_byte_array_unref);
  request->attempt++;

  g_debug ("%s %s: retry %u of %u in %" G_GINT64_FORMAT " ms", request->method, request->log_url,
           request->attempt, request->max_retries, delay_usec / 1000);

  if (delay_usec == 0)
    {
      start_attempt (task);
      return;
    }

  request->sleep_source = g_timeout_source_new ((guint) ((delay_usec + 999) / 1000));
  g_source_set_static_name (request->sleep_source, "[herald] http backoff");
  g_source_set_callback (request->sleep_source, sleep_done_cb, g_object_ref (task), g_object_unref);
  g_source_attach (request->sleep_source, g_task_get_context (task));

  if (cancellable != NULL)
    {
      request->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_static_name (request->cancel_source, "[herald] http backoff cancel");
      g_source_set_callback (request->cancel_source, G_SOURCE_FUNC (sleep_cancelled_cb),
                             g_object_ref (task), g_object_unref);
      g_source_attach (request->cancel_source, g_task_get_context (task));
    }
}

/* Transport failures */

typedef enum
{
  FAILURE_NEVER_SENT,   /* the connection never opened */
  FAILURE_TIMEOUT,
  FAILURE_TLS,
  FAILURE_BROKEN,       /* reset, closed, garbled: the request may have arrived */
} FailureKind;

static FailureKind
classify_failure (const GError *error)
{
  if (error->domain == G_TLS_ERROR)
    return FAILURE_TLS;

  if (error->domain == G_RESOLVER_ERROR)
    return FAILURE_NEVER_SENT;

  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_CONNECTION_REFUSED:
        case G_IO_ERROR_HOST_NOT_FOUND:
        case G_IO_ERROR_HOST_UNREACHABLE:
        case G_IO_ERROR_NETWORK_UNREACHABLE:
          return FAILURE_NEVER_SENT;
        case G_IO_ERROR_TIMED_OUT:
          return FAILURE_TIMEOUT;
        default:
          break;
        }
    }

  return FAILURE_BROKEN;
}

static char *
describe_tls_failure (SoupMessage  *message,
                      const GError *error)
{
  static const struct
  {
    GTlsCertificateFlags flag;
    const char          *text;
  } reasons[] = {
    { G_TLS_CERTIFICATE_UNKNOWN_CA, N_("the certificate is not signed by a known authority") },
    { G_TLS_CERTIFICATE_BAD_IDENTITY, N_("the certificate belongs to another site") },
    { G_TLS_CERTIFICATE_NOT_ACTIVATED, N_("the certificate is not valid yet") },
    { G_TLS_CERTIFICATE_EXPIRED, N_("the certificate has expired") },
    { G_TLS_CERTIFICATE_REVOKED, N_("the certificate has been revoked") },
    { G_TLS_CERTIFICATE_INSECURE, N_("the certificate uses insecure cryptography") },
  };
  GTlsCertificateFlags flags = message != NULL ? soup_message_get_tls_peer_certificate_errors (message) : 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      if ((flags & reasons[i].flag) == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, _(reasons[i].text));
    }

  if (text->len == 0)
    g_string_append (text, error->message);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A failure before the response's status line arrived. */
static void
request_failed (GTask  *task,
                GError *error)
{
  HeraldHttpClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  gboolean idempotent = (request->flags & HERALD_HTTP_NOT_IDEMPOTENT) == 0;
  FailureKind kind = classify_failure (error);
  g_autoptr(GError) owned = error;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      return_error (task, g_steal_pointer (&owned));
      return;
    }

  g_debug ("%s %s: attempt %u failed: %s", request->method, request->log_url,
           request->attempt + 1, error->message);

  if (kind == FAILURE_TLS)
    {
      g_autofree char *reason = describe_tls_failure (request->message, error);

      return_error (task, herald_provider_error_new (HERALD_PROVIDER_ERROR_TLS, 0,
                                                     _("The secure connection to %s failed: %s. Check the account URL and the computer’s date and time."),
                                                     self->host, reason));
      return;
    }

  /* Safe to repeat: the server never saw it, or seeing it twice is harmless. */
  if ((kind == FAILURE_NEVER_SENT || idempotent) && can_retry (request))
    {
      retry (task, -1);
      return;
    }

  if (kind == FAILURE_NEVER_SENT)
    return_error (task, herald_provider_error_new (HERALD_PROVIDER_ERROR_NETWORK, 0,
                                                   _("Could not reach %s: %s. Check the network connection and the account URL."),
                                                   self->host, error->message));
  else if (!idempotent)
    return_error (task, herald_provider_error_new (HERALD_PROVIDER_ERROR_FATE_UNKNOWN, 0,
                                                   _("The connection to %s failed after the request was sent (%s): the message may or may not have been sent. Check its status or the history before sending it again."),
                                                   self->host, error->message));
  else if (kind == FAILURE_TIMEOUT)
    return_error (task, herald_provider_error_new (HERALD_PROVIDER_ERROR_TIMEOUT, 0,
                                                   _("%s did not answer within %u seconds. Check the network connection or try again later."),
                                                   self->host, self->timeout));
  else
    return_error (task, herald_provider_error_new (HERALD_PROVIDER_ERROR_NETWORK, 0,
                                                   _("The connection to %s failed: %s. Check the network connection and try again."),
                                                   self->host, error->message));
}

/* A failure while reading the body: the server did answer. */
static void
body_failed (GTask  *task,
             GError *error)
{
  HeraldHttpClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  guint status = soup_message_get_status (request->message);
  g_autoptr(GError) owned = error;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      return_error (task, g_steal_pointer (&owned));
      return;
    }

  g_debug ("%s %s: attempt %u: body failed: %s", request->method, request->log_url,
           request->attempt + 1, error->message);

  if ((request->flags & HERALD_HTTP_NOT_IDEMPOTENT) == 0)
    {
      if (can_retry (request))
        retry (task, -1);
      else if (classify_failure (error) == FAILURE_TIMEOUT)
        return_error (task, herald_provider_error_new (HERALD_PROVIDER_ERROR_TIMEOUT, status,
                                                       _("%s did not answer within %u seconds. Check the network connection or try again later."),
                                                       self->host, self->timeout));
      else
        return_error (task, herald_provider_error_new (HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, status,
                                                       _("The answer from %s was cut short (%s). Try again later."),
                                                       self->host, error->message));
      return;
    }

  return_error (task, herald_provider_error_new (HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, status,
                                                 _("The answer from %s was cut short (%s) after the request reached it (status %u): the message may have been sent. Check its status or the history before sending it again."),
                                                 self->host, error->message, status));
}

/* Rate-limit headers */

static gboolean
parse_number (const char *value,
              double     *number)
{
  g_autofree char *stripped = NULL;
  char *end = NULL;
  double parsed;

  if (value == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (value));
  parsed = g_ascii_strtod (stripped, &end);
  if (end == stripped || *end != '\0' || !isfinite (parsed) || parsed < 0 || parsed > (double) G_MAXINT64 / 2)
    return FALSE;

  *number = parsed;
  return TRUE;
}

/* Retry-After is seconds or an HTTP date (RFC 9110, 10.2.3). */
static gint64
parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) now = NULL;
  double seconds;

  if (value == NULL)
    return 0;

  if (parse_number (value, &seconds))
    return (gint64) ceil (seconds);

  date = soup_date_time_new_from_http_string (value);
  if (date == NULL)
    return 0;

  now = g_date_time_new_now_utc ();
  return MAX ((g_date_time_difference (date, now) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC, 0);
}

typedef struct
{
  gint64 retry_at;        /* unix time the server named, 0: none */
  gboolean server_paused; /* the limiter holds the next attempt until then */
} RateInfo;

static RateInfo
update_limiter (HeraldHttpClient   *self,
                guint               status,
                SoupMessageHeaders *headers)
{
  RateInfo info = { 0, FALSE };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 limit = 0, remaining = -1, reset = 0, retry_after;
  double number;

  if (parse_number (soup_message_headers_get_one (headers, "X-RateLimit-Limit"), &number))
    limit = (gint64) number;
  if (parse_number (soup_message_headers_get_one (headers, "X-RateLimit-Remaining"), &number))
    remaining = (gint64) number;
  if (parse_number (soup_message_headers_get_one (headers, "X-RateLimit-Reset"), &number))
    {
      reset = (gint64) ceil (number);
      if (reset > 0 && reset < RESET_DELTA_MAX)
        reset += now;
    }
  retry_after = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));

  /* A 429 means this window is used up, whatever else it says. */
  if (status == STATUS_TOO_MANY_REQUESTS && remaining < 0 && reset > now)
    remaining = 0;

  if (limit > 0 || remaining >= 0 || reset > 0 || retry_after > 0)
    herald_rate_limiter_update (self->limiter, limit, remaining, reset, retry_after);

  if (retry_after > 0)
    info.retry_at = now + retry_after;
  else if (status == STATUS_TOO_MANY_REQUESTS && reset > now)
    info.retry_at = reset;
  info.server_paused = info.retry_at > 0;

  return info;
}

/* The whole answer is here: hand it back, or retry, or fail. */
static void
response_complete (GTask *task)
{
  HeraldHttpClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
  guint status = soup_message_get_status (request->message);
  gboolean idempotent = (request->flags & HERALD_HTTP_NOT_IDEMPOTENT) == 0;
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&request->buffer));
  g_autoptr(HeraldHttpResponse) response = herald_http_response_new (status, body, headers);
  RateInfo rate = update_limiter (self, status, headers);
  g_autofree char *raw_server_message = NULL;
  g_autofree char *server_message = NULL;

  g_debug ("%s %s -> %u", request->method, request->log_url, status);

  if (status == STATUS_TOO_MANY_REQUESTS)
    {
      GError *error;

      /* The server refused it: safe to repeat, even a send. */
      if (can_retry (request))
        {
          retry (task, rate.server_paused ? 0 : -1);
          return;
        }

      raw_server_message = server_message_of (response);
      server_message = redact (self, raw_server_message);
      error = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_RATE_LIMITED, status, server_message);
      herald_provider_error_set_retry_at (error, rate.retry_at > 0
                                                 ? rate.retry_at
                                                 : g_get_real_time () / G_USEC_PER_SEC + DEFAULT_WINDOW_SECONDS);
      return_error (task, error);
      return;
    }

  if (status == 500 || status == 502 || status == 503 || status == 504)
    {
      if (idempotent)
        {
          if (can_retry (request))
            {
              retry (task, rate.server_paused ? 0 : -1);
              return;
            }
          raw_server_message = server_message_of (response);
          server_message = redact (self, raw_server_message);
          return_error (task, herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_SERVER_ERROR,
                                                                  status, server_message));
          return;
        }

      /* A send: 503 means nobody took it (FlixySMS: no device online); the
       * dialect reads the answer. The others may come after it was taken. */
      if (status != 503)
        {
          return_error (task, herald_provider_error_new (HERALD_PROVIDER_ERROR_FATE_UNKNOWN, status,
                                                         _("The provider answered with a server error (%u) after the request reached it: the message may or may not have been sent. Check its status or the history before sending it again."),
                                                         status));
          return;
        }
    }

  return_response (task, g_steal_pointer (&response));
}

/* Body reading */

static void read_next (GTask *task);

static gboolean
body_cut_short (Request *request,
                gsize    received)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);

  /* libsoup accepts a short body when the server closes the connection;
   * the length it announced says whether everything came. A decoded
   * (compressed) body has another length. */
  return soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
         soup_message_headers_get_one (headers, "Content-Encoding") == NULL &&
         g_strcmp0 (request->method, "HEAD") != 0 &&
         (guint64) soup_message_headers_get_content_length (headers) > received;
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldHttpClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);

  if (chunk == NULL)
    {
      body_failed (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      if (body_cut_short (request, request->buffer->len))
        {
          body_failed (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                                                  _("the connection closed before the end of the answer")));
          return;
        }
      response_complete (task);
      return;
    }

  g_byte_array_append (request->buffer, g_bytes_get_data (chunk, NULL), (guint) g_bytes_get_size (chunk));

  if (request->buffer->len > MAX_BODY_BYTES)
    {
      /* Stop here: the rest is never read, the connection is dropped. */
      return_error (task, herald_provider_error_new (HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE,
                                                     soup_message_get_status (request->message),
                                                     _("The answer from %s is too large (over %u MiB): response too large. The account URL may point at the wrong server."),
                                                     self->host, MAX_BODY_BYTES / (1024 * 1024)));
      return;
    }

  read_next (g_steal_pointer (&task));
}

static void
read_next (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (request->stream, READ_CHUNK_BYTES, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), read_cb, task);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;

  request->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (request->stream == NULL)
    {
      request_failed (task, error);
      g_object_unref (task);
      return;
    }

  request->buffer = g_byte_array_new ();
  read_next (task);
}

static void
acquire_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  HeraldHttpClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  GError *error = NULL;

  if (!herald_rate_limiter_acquire_finish (HERALD_RATE_LIMITER (object), result, &error))
    {
      return_error (task, error);
      g_object_unref (task);
      return;
    }

  request->message = soup_message_new_from_uri (request->method, request->uri);
  /* A redirect would carry the key to wherever it points. */
  soup_message_add_flags (request->message, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (request->message);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (self->auth_style == HERALD_AUTH_X_API_KEY)
    {
      soup_message_headers_replace (headers, "X-API-Key", self->api_key);
    }
  else
    {
      g_autofree char *value = g_strconcat ("Bearer ", self->api_key, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
    }

  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (request->message, "application/json", request->body);

  g_debug ("%s %s", request->method, request->log_url);

  /* The task's reference moves to send_cb. */
  soup_session_send_async (self->session, request->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), send_cb, task);
}

static void
start_attempt (GTask *task)
{
  HeraldHttpClient *self = g_task_get_source_object (task);

  /* Every attempt waits for its turn, so a retry after a 429 also waits
   * for the Retry-After that paused the limiter. */
  herald_rate_limiter_acquire_async (self->limiter, g_task_get_cancellable (task),
                                     acquire_cb, g_object_ref (task));
}

/* Client */

static void
herald_http_client_finalize (GObject *object)
{
  HeraldHttpClient *self = (HeraldHttpClient *) object;

  g_free (self->base_url);
  g_free (self->host);
  if (self->api_key != NULL)
    memset (self->api_key, 0, strlen (self->api_key));
  g_free (self->api_key);
  g_clear_object (&self->session);
  g_clear_object (&self->limiter);

  G_OBJECT_CLASS (herald_http_client_parent_class)->finalize (object);
}

static void
herald_http_client_class_init (HeraldHttpClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = herald_http_client_finalize;
}

static void
herald_http_client_init (HeraldHttpClient *self)
{
  self->timeout = DEFAULT_TIMEOUT_SECONDS;
  self->max_retries = DEFAULT_MAX_RETRIES;
}

static gboolean
key_is_sendable (const char *key)
{
  for (const char *p = key; *p != '\0'; p++)
    {
      if ((guchar) *p <= 0x20 || (guchar) *p >= 0x7f)
        return FALSE;
    }

  return TRUE;
}

HeraldHttpClient *
herald_http_client_new (const char       *base_url,
                        const char       *api_key,
                        HeraldAuthStyle   auth_style,
                        GError          **error)
{
  g_autoptr(HeraldHttpClient) self = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *key_id = NULL;
  g_autofree char *key_input = NULL;
  const char *scheme;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  uri = g_uri_parse (base_url, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                   _("“%s” is not a web address Herald can use. Enter one that starts with https://, such as https://flixysms.com/api/v1."),
                   base_url);
      return NULL;
    }

  if (api_key == NULL || *api_key == '\0')
    {
      g_set_error_literal (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                           _("The API key is empty. Paste the key from the provider’s dashboard."));
      return NULL;
    }

  if (!key_is_sendable (api_key))
    {
      /* Never quote the key itself. */
      g_set_error_literal (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                           _("The API key contains spaces or characters that cannot be sent. Copy the key again from the provider’s dashboard."));
      return NULL;
    }

  self = g_object_new (HERALD_TYPE_HTTP_CLIENT, NULL);
  self->base_url = g_strdup (base_url);
  while (g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';
  self->host = g_strdup (g_uri_get_host (uri));
  self->api_key = g_strdup (api_key);
  self->auth_style = auth_style;
  self->session = soup_session_new_with_options ("user-agent", USER_AGENT,
                                                 "timeout", self->timeout,
                                                 "max-conns-per-host", MAX_CONNS_PER_HOST,
                                                 NULL);

  /* Identifies the key without being it. */
  key_input = g_strconcat (self->base_url, "\n", api_key, NULL);
  key_id = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key_input, -1);
  memset (key_input, 0, strlen (key_input));
  self->limiter = herald_rate_limiter_get_for_key (key_id, DEFAULT_LIMIT, DEFAULT_WINDOW_SECONDS);

  return g_steal_pointer (&self);
}

HERALD_DEFINE_OBJECT_GETTER (const char *, herald_http_client_get_base_url, HeraldHttpClient, HERALD_IS_HTTP_CLIENT, base_url, NULL)

void
herald_http_client_set_timeout (HeraldHttpClient *self,
                                guint             seconds)
{
  g_return_if_fail (HERALD_IS_HTTP_CLIENT (self));
  g_return_if_fail (seconds > 0);

  self->timeout = seconds;
  soup_session_set_timeout (self->session, seconds);
}

void
herald_http_client_set_max_retries (HeraldHttpClient *self,
                                    guint             retries)
{
  g_return_if_fail (HERALD_IS_HTTP_CLIENT (self));

  self->max_retries = retries;
}

HERALD_DEFINE_OBJECT_GETTER (HeraldRateLimiter *, herald_http_client_get_rate_limiter, HeraldHttpClient, HERALD_IS_HTTP_CLIENT, limiter, NULL)

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* key=value&… in key order (stable URLs in logs and tests), every byte
 * outside the unreserved set escaped: “+” is not a space. */
static char *
build_query (GHashTable *query)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *name = keys->pdata[i];
      const char *value = g_hash_table_lookup (query, name);

      if (text->len > 0)
        g_string_append_c (text, '&');
      g_string_append_uri_escaped (text, name, NULL, FALSE);
      g_string_append_c (text, '=');
      if (value != NULL)
        g_string_append_uri_escaped (text, value, NULL, FALSE);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
herald_http_client_request_async (HeraldHttpClient    *self,
                                  const char          *method,
                                  const char          *path,
                                  GHashTable          *query,
                                  JsonNode            *body,
                                  HeraldHttpFlags      flags,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *url = NULL;
  g_autofree char *query_text = NULL;
  g_autoptr(GError) error = NULL;
  Request *request;

  g_return_if_fail (HERALD_IS_HTTP_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_http_client_request_async);

  request = g_new0 (Request, 1);
  request->method = g_ascii_strup (method, -1);
  request->flags = flags;
  request->max_retries = self->max_retries;
  g_task_set_task_data (task, request, request_free);

  if (query != NULL && g_hash_table_size (query) > 0)
    query_text = build_query (query);

  request->log_url = g_strconcat (self->base_url, path[0] == '/' ? "" : "/", path, NULL);
  url = g_strconcat (request->log_url, query_text != NULL ? "?" : "", query_text, NULL);
  request->uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, &error);
  if (request->uri == NULL)
    {
      g_task_return_new_error (task, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                               _("The request path “%s” is not valid: %s."), path, error->message);
      return;
    }

  if (body != NULL)
    {
      g_autofree char *text = json_to_string (body, FALSE);
      gsize length = strlen (text);

      request->body = g_bytes_new_take (g_steal_pointer (&text), length);
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  start_attempt (task);
}

HeraldHttpResponse *
herald_http_client_request_finish (HeraldHttpClient  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (HERALD_IS_HTTP_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
