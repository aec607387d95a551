/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-http-client"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "net/herald-http-client.h"
#include "net/herald-provider-error.h"
#include "herald-fake-http.h"

/* The HTTP client against servers this test starts on 127.0.0.1 (see
 * tests/fakes/herald-fake-http.h). Every test uses its own key, hence its
 * own rate limiter: limiters live for the process. */

/* Logs */

static GPtrArray *captured_logs;
static GCancellable *cancel_on_log;
static const char *cancel_on_log_text;

static void
capture_log (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        user_data)
{
  g_ptr_array_add (captured_logs, g_strdup (message));

  if (cancel_on_log != NULL && strstr (message, cancel_on_log_text) != NULL)
    g_cancellable_cancel (cancel_on_log);

  if ((level & G_LOG_LEVEL_DEBUG) == 0)
    g_log_default_handler (domain, level, message, user_data);
}

static guint
count_logs (const char *needle)
{
  guint count = 0;

  for (guint i = 0; i < captured_logs->len; i++)
    count += strstr (captured_logs->pdata[i], needle) != NULL;

  return count;
}

/* Calls */

typedef struct
{
  gboolean            done;
  HeraldHttpResponse *response;
  GError             *error;
} Call;

static void
request_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Call *call = user_data;

  call->response = herald_http_client_request_finish (HERALD_HTTP_CLIENT (object), result, &call->error);
  call->done = TRUE;
}

static gboolean
call_done (gpointer user_data)
{
  return ((Call *) user_data)->done;
}

static void
call_clear (Call *call)
{
  g_clear_pointer (&call->response, herald_http_response_unref);
  g_clear_error (&call->error);
  call->done = FALSE;
}

static void
call_wait (Call  *call,
           guint  timeout_ms)
{
  g_assert_true (herald_fake_iterate_until (call_done, call, timeout_ms));
}

static void
request (HeraldHttpClient *client,
         const char       *method,
         const char       *path,
         GHashTable       *query,
         JsonNode         *body,
         HeraldHttpFlags   flags,
         GCancellable     *cancellable,
         Call             *call)
{
  call_clear (call);
  herald_http_client_request_async (client, method, path, query, body, flags, cancellable,
                                    request_cb, call);
}

static HeraldHttpClient *
client_new (const char      *url,
            const char      *key,
            HeraldAuthStyle  style)
{
  g_autoptr(GError) error = NULL;
  HeraldHttpClient *client = herald_http_client_new (url, key, style, &error);

  g_assert_no_error (error);
  g_assert_nonnull (client);

  return client;
}

static HeraldFakeHttp *
fake_new (void)
{
  g_autoptr(GError) error = NULL;
  HeraldFakeHttp *fake = herald_fake_http_new (NULL, 0, &error);

  g_assert_no_error (error);
  return fake;
}

static const char *
json_member_string (JsonNode   *node,
                    const char *name)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_object_get_string_member_with_default (json_node_get_object (node), name, NULL);
}

/* A scripted server: answers statuses[i] to the i-th request (the last
 * one again past the end) and keeps what it was sent. */

typedef struct
{
  const guint *statuses;
  guint        n_statuses;
  const char  *retry_after;   /* on 429/503 answers */
  const char  *error_body;    /* JSON for non-2xx answers */
  guint        delay_ms;      /* hold every answer */

  guint        calls;
  char        *authorization;
  char        *api_key_header;
  char        *user_agent;
  char        *accept;
  char        *content_type;
  char        *raw_query;
  char        *path;
  char        *method;
  GHashTable  *query;
  GBytes      *body;
} Script;

static void
script_clear (Script *script)
{
  g_free (script->authorization);
  g_free (script->api_key_header);
  g_free (script->user_agent);
  g_free (script->accept);
  g_free (script->content_type);
  g_free (script->raw_query);
  g_free (script->path);
  g_free (script->method);
  g_clear_pointer (&script->query, g_hash_table_unref);
  g_clear_pointer (&script->body, g_bytes_unref);
}

static void
script_handler (HeraldFakeHttp    *fake,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  Script *script = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  guint index = MIN (script->calls, script->n_statuses - 1);
  guint status = script->statuses[index];

  script->calls++;
  script_clear (script);
  script->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  script->api_key_header = g_strdup (soup_message_headers_get_one (headers, "X-API-Key"));
  script->user_agent = g_strdup (soup_message_headers_get_one (headers, "User-Agent"));
  script->accept = g_strdup (soup_message_headers_get_one (headers, "Accept"));
  script->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  script->raw_query = g_strdup (g_uri_get_query (soup_server_message_get_uri (msg)));
  script->path = g_strdup (path);
  script->method = g_strdup (soup_server_message_get_method (msg));
  if (query != NULL)
    script->query = g_hash_table_ref (query);
  script->body = soup_message_body_flatten (body);

  if (status >= 200 && status < 300)
    {
      g_autofree char *json = g_strdup_printf ("{\"success\":true,\"call\":%u}", script->calls);

      herald_fake_http_reply_json (msg, status, json);
    }
  else
    {
      herald_fake_http_reply_json (msg, status, script->error_body != NULL
                                                ? script->error_body
                                                : "{\"success\":false,\"error\":\"scripted failure\"}");
      if (script->retry_after != NULL && (status == 429 || status == 503))
        soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                      "Retry-After", script->retry_after);
    }

  if (script->delay_ms > 0)
    herald_fake_http_respond_later (fake, msg, script->delay_ms);
}

/* Provider errors */

static void
test_error_standard_messages (void)
{
  g_autoptr(GError) unauthorized = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_UNAUTHORIZED, 401, NULL);
  g_autoptr(GError) forbidden = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_FORBIDDEN, 403, NULL);
  g_autoptr(GError) payment = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED, 402, NULL);
  g_autoptr(GError) no_device = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_NO_DEVICE, 503, NULL);
  g_autoptr(GError) bad = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_BAD_REQUEST, 422,
                                                              "  Invalid phone\n number: +12.  ");
  g_autoptr(GError) limited = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_RATE_LIMITED, 429, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) at = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                   g_date_time_get_day_of_month (now), 10, 31, 5);

  g_assert_cmpstr (unauthorized->message, ==,
                   "The API key was rejected (401). Check the key in the account settings.");

  herald_provider_error_set_scope (forbidden, "sms:send");
  g_assert_cmpstr (forbidden->message, ==,
                   "The key lacks the “sms:send” permission (403). Create a key with that permission.");
  g_assert_cmpstr (herald_provider_error_get_scope (forbidden), ==, "sms:send");

  g_assert_true (g_str_has_prefix (payment->message, "Not enough credits (402)"));
  herald_provider_error_set_credits (payment, 500, 120);
  g_assert_cmpstr (payment->message, ==,
                   "Not enough credits (402): 500 needed, 120 available. Top up the account.");
  g_assert_cmpint (herald_provider_error_get_credits_needed (payment), ==, 500);
  g_assert_cmpint (herald_provider_error_get_balance (payment), ==, 120);

  g_assert_cmpstr (no_device->message, ==,
                   "No device is online to send (503). Start the FlixySMS app on a phone.");

  g_assert_cmpstr (bad->message, ==, "The provider refused the request (422): Invalid phone number: +12.");
  g_assert_cmpstr (herald_provider_error_get_server_message (bad), ==, "Invalid phone number: +12");
  g_assert_cmpuint (herald_provider_error_get_http_status (bad), ==, 422);

  herald_provider_error_set_retry_at (limited, g_date_time_to_unix (at));
  g_assert_cmpstr (limited->message, ==, "Rate limited (429): try again after 10:31:05.");
  g_assert_cmpint (herald_provider_error_get_retry_at (limited), ==, g_date_time_to_unix (at));
}

static void
test_error_details (void)
{
  g_autoptr(GError) own = herald_provider_error_new (HERALD_PROVIDER_ERROR_FORBIDDEN, 403,
                                                     "Custom text for %s", "contacts");
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "other");
  g_autofree char *long_text = g_strnfill (1000, 'a');
  g_autoptr(GError) long_error = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_SERVER_ERROR, 500,
                                                                     long_text);

  /* A message the caller wrote stays as written. */
  herald_provider_error_set_scope (own, "contacts:write");
  herald_provider_error_set_retry_at (own, 1700000000);
  g_assert_cmpstr (own->message, ==, "Custom text for contacts");

  copy = g_error_copy (own);
  g_assert_cmpstr (copy->message, ==, "Custom text for contacts");
  g_assert_cmpuint (herald_provider_error_get_http_status (copy), ==, 403);
  g_assert_cmpstr (herald_provider_error_get_scope (copy), ==, "contacts:write");
  g_assert_cmpint (herald_provider_error_get_retry_at (copy), ==, 1700000000);
  g_assert_cmpint (herald_provider_error_get_credits_needed (copy), ==, -1);
  g_assert_cmpint (herald_provider_error_get_balance (copy), ==, -1);
  g_assert_null (herald_provider_error_get_server_message (copy));

  /* Other domains: every detail "unknown". */
  g_assert_cmpuint (herald_provider_error_get_http_status (other), ==, 0);
  g_assert_null (herald_provider_error_get_scope (other));
  g_assert_cmpint (herald_provider_error_get_credits_needed (other), ==, -1);
  g_assert_cmpint (herald_provider_error_get_balance (other), ==, -1);
  g_assert_cmpint (herald_provider_error_get_retry_at (other), ==, 0);
  g_assert_null (herald_provider_error_get_server_message (other));
  g_assert_cmpuint (herald_provider_error_get_http_status (NULL), ==, 0);

  /* A server's text is cut to a readable length. */
  g_assert_cmpuint (g_utf8_strlen (herald_provider_error_get_server_message (long_error), -1), ==, 301);
  g_assert_true (g_str_has_suffix (herald_provider_error_get_server_message (long_error), "…"));
}

static void
test_error_codes (void)
{
  static const struct
  {
    guint                   status;
    HeraldProviderErrorCode code;
  } statuses[] = {
    { 400, HERALD_PROVIDER_ERROR_BAD_REQUEST },
    { 401, HERALD_PROVIDER_ERROR_UNAUTHORIZED },
    { 402, HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED },
    { 403, HERALD_PROVIDER_ERROR_FORBIDDEN },
    { 404, HERALD_PROVIDER_ERROR_NOT_FOUND },
    { 422, HERALD_PROVIDER_ERROR_BAD_REQUEST },
    { 429, HERALD_PROVIDER_ERROR_RATE_LIMITED },
    { 500, HERALD_PROVIDER_ERROR_SERVER_ERROR },
    { 503, HERALD_PROVIDER_ERROR_SERVER_ERROR },
    { 200, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    g_assert_cmpint (herald_provider_error_code_for_status (statuses[i].status), ==, statuses[i].code);

  g_assert_cmpstr (herald_provider_error_code_to_string (HERALD_PROVIDER_ERROR_UNAUTHORIZED), ==, "unauthorized");
  g_assert_cmpstr (herald_provider_error_code_to_string (HERALD_PROVIDER_ERROR_RATE_LIMITED), ==, "rate_limited");
  g_assert_cmpstr (herald_provider_error_code_to_string (HERALD_PROVIDER_ERROR_FATE_UNKNOWN), ==, "fate_unknown");
  g_assert_cmpstr (herald_provider_error_code_to_string (HERALD_PROVIDER_ERROR_INVALID_INPUT), ==, "invalid_input");
  g_assert_cmpstr (herald_provider_error_code_to_string (99), ==, "unknown");
}

/* Construction */

static void
test_new_invalid_input (void)
{
  static const char *urls[] = { "ftp://example.com/api", "not a url", "https://", "https://host/api?x=1", "" };
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldHttpClient) client = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      client = herald_http_client_new (urls[i], "key", HERALD_AUTH_BEARER, &error);
      g_assert_null (client);
      g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
      g_clear_error (&error);
    }

  client = herald_http_client_new ("https://example.com/api/v1", "", HERALD_AUTH_BEARER, &error);
  g_assert_null (client);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* A key that would break the header; the message never quotes it. */
  client = herald_http_client_new ("https://example.com/api/v1", "sk_live_PART1\r\nX-Evil: 1",
                                   HERALD_AUTH_BEARER, &error);
  g_assert_null (client);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_assert_null (strstr (error->message, "sk_live_PART1"));
  g_clear_error (&error);

  client = herald_http_client_new ("http://127.0.0.1:8787/api/v1/", "key", HERALD_AUTH_BEARER, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_http_client_get_base_url (client), ==, "http://127.0.0.1:8787/api/v1");
  g_assert_cmpuint (herald_rate_limiter_get_limit (herald_http_client_get_rate_limiter (client)), ==, 100);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (herald_http_client_get_rate_limiter (client)), ==, 60);
}

/* Happy paths */

static void
test_auth_bearer (void)
{
  static const guint statuses[] = { 200 };
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autofree char *url = g_strconcat (herald_fake_http_get_url (fake), "/api/v1/", NULL);
  g_autoptr(HeraldHttpClient) client = client_new (url, "bearer-key-1", HERALD_AUTH_BEARER);
  Script script = { statuses, G_N_ELEMENTS (statuses) };
  Call call = { 0 };

  herald_fake_http_set_handler (fake, script_handler, &script);
  request (client, "GET", "/sms/status/abc-123", NULL, NULL, HERALD_HTTP_FLAGS_NONE, NULL, &call);
  call_wait (&call, 5000);

  g_assert_no_error (call.error);
  g_assert_cmpuint (herald_http_response_get_status (call.response), ==, 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (herald_http_response_get_json (call.response)),
                                               "call"), ==, 1);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (herald_http_response_get_json (call.response)),
                                                 "success"));
  g_assert_cmpstr (herald_http_response_get_header (call.response, "Content-Type"), ==, "application/json");
  g_assert_cmpstr (script.authorization, ==, "Bearer bearer-key-1");
  g_assert_null (script.api_key_header);
  g_assert_cmpstr (script.user_agent, ==, "Herald/0.1.0");
  g_assert_cmpstr (script.accept, ==, "application/json");
  g_assert_cmpstr (script.method, ==, "GET");
  g_assert_cmpstr (script.path, ==, "/api/v1/sms/status/abc-123");
  g_assert_null (script.raw_query);
  g_assert_cmpuint (script.calls, ==, 1);

  call_clear (&call);
  script_clear (&script);
}

static void
test_auth_x_api_key (void)
{
  static const guint statuses[] = { 200 };
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "bms_live_xkey",
                                                   HERALD_AUTH_X_API_KEY);
  Script script = { statuses, G_N_ELEMENTS (statuses) };
  Call call = { 0 };

  herald_fake_http_set_handler (fake, script_handler, &script);
  request (client, "get", "/balance", NULL, NULL, HERALD_HTTP_FLAGS_NONE, NULL, &call);
  call_wait (&call, 5000);

  g_assert_no_error (call.error);
  g_assert_cmpuint (herald_http_response_get_status (call.response), ==, 200);
  g_assert_cmpstr (script.api_key_header, ==, "bms_live_xkey");
  g_assert_null (script.authorization);
  g_assert_cmpstr (script.method, ==, "GET");

  call_clear (&call);
  script_clear (&script);
}

static void
test_query_escaping (void)
{
  static const guint statuses[] = { 200 };
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "query-key", HERALD_AUTH_BEARER);
  g_autoptr(GHashTable) query = g_hash_table_new (g_str_hash, g_str_equal);
  Script script = { statuses, G_N_ELEMENTS (statuses) };
  Call call = { 0 };

  g_hash_table_insert (query, "to", "+233 24/5&x=1");
  g_hash_table_insert (query, "page", "2");
  g_hash_table_insert (query, "name", "Zoë");
  g_hash_table_insert (query, "since", "2024-01-01T00:00:00Z");

  herald_fake_http_set_handler (fake, script_handler, &script);
  request (client, "GET", "/messages/received", query, NULL, HERALD_HTTP_FLAGS_NONE, NULL, &call);
  call_wait (&call, 5000);

  g_assert_no_error (call.error);
  /* Sorted, and “+”, “ ”, “/”, “&”, “=”, “:” and UTF-8 all escaped. */
  g_assert_cmpstr (script.raw_query, ==,
                   "name=Zo%C3%AB&page=2&since=2024-01-01T00%3A00%3A00Z&to=%2B233%2024%2F5%26x%3D1");
  g_assert_cmpstr (g_hash_table_lookup (script.query, "to"), ==, "+233 24/5&x=1");
  g_assert_cmpstr (g_hash_table_lookup (script.query, "name"), ==, "Zoë");
  g_assert_cmpuint (g_hash_table_size (script.query), ==, 4);

  call_clear (&call);
  script_clear (&script);
}

static void
test_json_body (void)
{
  static const guint statuses[] = { 201 };
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "json-key", HERALD_AUTH_BEARER);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) received = NULL;
  g_autoptr(GError) error = NULL;
  Script script = { statuses, G_N_ELEMENTS (statuses) };
  Call call = { 0 };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, "+15550001");
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, "héllo “quotes” \"and\" \\ back");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  herald_fake_http_set_handler (fake, script_handler, &script);
  request (client, "POST", "/sms/send", NULL, body, HERALD_HTTP_NOT_IDEMPOTENT, NULL, &call);
  call_wait (&call, 5000);

  g_assert_no_error (call.error);
  g_assert_cmpuint (herald_http_response_get_status (call.response), ==, 201);
  g_assert_cmpstr (script.method, ==, "POST");
  g_assert_cmpstr (script.content_type, ==, "application/json");
  received = json_from_string (g_bytes_get_data (script.body, NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_member_string (received, "to"), ==, "+15550001");
  g_assert_cmpstr (json_member_string (received, "message"), ==, "héllo “quotes” \"and\" \\ back");

  call_clear (&call);
  script_clear (&script);
}

typedef struct
{
  const char *content_type;
  const char *body;
  guint       status;
} Canned;

static void
canned_handler (HeraldFakeHttp    *fake,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  const Canned *canned = user_data;

  soup_server_message_set_status (msg, canned->status, NULL);
  soup_server_message_set_response (msg, canned->content_type, SOUP_MEMORY_STATIC,
                                    canned->body, strlen (canned->body));
}

static void
test_body_kinds (void)
{
  static const struct
  {
    Canned   canned;
    gboolean json;
  } cases[] = {
    { { "text/plain", "Service OK\n", 200 }, FALSE },
    { { "text/html", "<html><body>Not Found</body></html>", 404 }, FALSE },
    { { "application/json", "not json at all", 200 }, FALSE },
    { { "text/plain", " \n {\"a\": 1}", 200 }, TRUE },
    { { "application/problem+json", "{\"error\": \"bad\"}", 400 }, TRUE },
    { { "text/plain", "[1, 2]", 200 }, TRUE },
    { { "application/json", "", 204 }, FALSE },
  };
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "body-key", HERALD_AUTH_BEARER);
  Call call = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GBytes *body;
      const char *expected = cases[i].canned.status == 204 ? "" : cases[i].canned.body;

      herald_fake_http_set_handler (fake, canned_handler, (gpointer) &cases[i].canned);
      request (client, "GET", "/thing", NULL, NULL, HERALD_HTTP_FLAGS_NONE, NULL, &call);
      call_wait (&call, 5000);

      /* Every HTTP answer comes back as a response, errors included. */
      g_assert_no_error (call.error);
      g_assert_cmpuint (herald_http_response_get_status (call.response), ==, cases[i].canned.status);
      body = herald_http_response_get_body (call.response);
      g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), expected, strlen (expected));
      if (cases[i].json)
        g_assert_nonnull (herald_http_response_get_json (call.response));
      else
        g_assert_null (herald_http_response_get_json (call.response));
    }

  /* Nesting that would overflow json-glib's recursive parser: kept raw,
   * never parsed (found by the FlashSMS fuzz target). */
  {
    g_autofree char *deep = g_strnfill (300000, '[');
    Canned canned = { "application/json", deep, 200 };

    herald_fake_http_set_handler (fake, canned_handler, &canned);
    request (client, "GET", "/thing", NULL, NULL, HERALD_HTTP_FLAGS_NONE, NULL, &call);
    call_wait (&call, 5000);
    g_assert_no_error (call.error);
    g_assert_cmpuint (g_bytes_get_size (herald_http_response_get_body (call.response)), ==, 300000);
    g_assert_null (herald_http_response_get_json (call.response));
  }

  call_clear (&call);
}

/* Retries */

static void
test_retry_429_retry_after (void)
{
  static const guint statuses[] = { 429, 429, 200 };
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "storm-key", HERALD_AUTH_BEARER);
  Script script = { statuses, G_N_ELEMENTS (statuses), "1" };
  gint64 start = g_get_monotonic_time ();
  Call call = { 0 };

  herald_fake_http_set_handler (fake, script_handler, &script);
  request (client, "GET", "/balance", NULL, NULL, HERALD_HTTP_FLAGS_NONE, NULL, &call);
  call_wait (&call, 15000);

  g_assert_no_error (call.error);
  g_assert_cmpuint (herald_http_response_get_status (call.response), ==, 200);
  g_assert_cmpuint (script.calls, ==, 3);
  /* Each retry waited for its Retry-After. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 2 * G_USEC_PER_SEC);

  call_clear (&call);
  script_clear (&script);
}

static void
test_retry_429_backoff (void)
{
  static const guint statuses[] = { 429, 429, 200 };
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "backoff-key", HERALD_AUTH_BEARER);
  Script script = { statuses, G_N_ELEMENTS (statuses) };
  Call call = { 0 };
  g_autofree char *needle = NULL;

  herald_fake_http_set_handler (fake, script_handler, &script);
  request (client, "POST", "/sms/send", NULL, NULL, HERALD_HTTP_NOT_IDEMPOTENT, NULL, &call);
  call_wait (&call, 15000);

  /* A 429 means the server refused it: retried even for a send. */
  g_assert_no_error (call.error);
  g_assert_cmpuint (herald_http_response_get_status (call.response), ==, 200);
  g_assert_cmpuint (script.calls, ==, 3);
  needle = g_strdup_printf ("%s/sms/send: retry ", herald_fake_http_get_url (fake));
  g_assert_cmpuint (count_logs (needle), ==, 2);

  call_clear (&call);
  script_clear (&script);
}

static void
test_retry_429_persisting (void)
{
  static const guint statuses[] = { 429 };
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "persist-key", HERALD_AUTH_BEARER);
  Script script = { statuses, G_N_ELEMENTS (statuses), "1", "{\"error\":\"Too many requests\"}" };
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 after;
  gint64 retry_at;
  Call call = { 0 };
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *clock = NULL;

  herald_http_client_set_max_retries (client, 1);
  herald_fake_http_set_handler (fake, script_handler, &script);
  request (client, "GET", "/balance", NULL, NULL, HERALD_HTTP_FLAGS_NONE, NULL, &call);
  call_wait (&call, 10000);
  after = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_error (call.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_RATE_LIMITED);
  g_assert_null (call.response);
  g_assert_cmpuint (script.calls, ==, 2);
  g_assert_cmpuint (herald_provider_error_get_http_status (call.error), ==, 429);
  retry_at = herald_provider_error_get_retry_at (call.error);
  g_assert_cmpint (retry_at, >=, before + 1);
  g_assert_cmpint (retry_at, <=, after + 2);
  when = g_date_time_new_from_unix_local (retry_at);
  clock = g_date_time_format (when, "%H:%M:%S");
  g_assert_true (g_str_has_prefix (call.error->message, "Rate limited (429): try again after "));
  g_assert_nonnull (strstr (call.error->message, clock));
  g_assert_cmpstr (herald_provider_error_get_server_message (call.error), ==, "Too many requests");

  call_clear (&call);
  script_clear (&script);
}

static void
test_retry_500_get (void)
{
  static const guint statuses[] = { 500, 502, 200 };
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "500-get-key", HERALD_AUTH_BEARER);
  Script script = { statuses, G_N_ELEMENTS (statuses) };
  Call call = { 0 };

  herald_fake_http_set_handler (fake, script_handler, &script);
  request (client, "GET", "/sms/status/1", NULL, NULL, HERALD_HTTP_FLAGS_NONE, NULL, &call);
  call_wait (&call, 15000);

  g_assert_no_error (call.error);
  g_assert_cmpuint (herald_http_response_get_status (call.response), ==, 200);
  g_assert_cmpuint (script.calls, ==, 3);

  call_clear (&call);
  script_clear (&script);
}

static void
test_retry_500_send_fate_unknown (void)
{
  static const guint statuses[] = { 500, 200 };
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "500-post-key", HERALD_AUTH_BEARER);
  Script script = { statuses, G_N_ELEMENTS (statuses) };
  Call call = { 0 };

  herald_fake_http_set_handler (fake, script_handler, &script);
  request (client, "POST", "/sms/send", NULL, NULL, HERALD_HTTP_NOT_IDEMPOTENT, NULL, &call);
  call_wait (&call, 10000);

  g_assert_error (call.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  g_assert_cmpuint (herald_provider_error_get_http_status (call.error), ==, 500);
  g_assert_nonnull (strstr (call.error->message, "may or may not have been sent"));
  g_assert_nonnull (strstr (call.error->message, "before sending it again"));
  /* The server saw exactly one request: nothing was sent twice. */
  g_assert_cmpuint (script.calls, ==, 1);
  g_assert_cmpuint (herald_fake_http_get_request_count (fake), ==, 1);

  call_clear (&call);
  script_clear (&script);
}

static void
test_retry_503 (void)
{
  static const guint statuses[] = { 503 };
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "503-key", HERALD_AUTH_BEARER);
  Script script = { statuses, G_N_ELEMENTS (statuses), NULL, "{\"success\":false,\"error\":\"No devices available\"}" };
  Call call = { 0 };

  herald_http_client_set_max_retries (client, 1);
  herald_fake_http_set_handler (fake, script_handler, &script);

  /* A send: handed back for the dialect (FlixySMS: no device online). */
  request (client, "POST", "/sms/send", NULL, NULL, HERALD_HTTP_NOT_IDEMPOTENT, NULL, &call);
  call_wait (&call, 10000);
  g_assert_no_error (call.error);
  g_assert_cmpuint (herald_http_response_get_status (call.response), ==, 503);
  g_assert_cmpstr (json_member_string (herald_http_response_get_json (call.response), "error"), ==,
                   "No devices available");
  g_assert_cmpuint (script.calls, ==, 1);

  /* A read: retried, then SERVER_ERROR with the server's words. */
  request (client, "GET", "/sms/status/1", NULL, NULL, HERALD_HTTP_FLAGS_NONE, NULL, &call);
  call_wait (&call, 10000);
  g_assert_error (call.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_SERVER_ERROR);
  g_assert_cmpuint (herald_provider_error_get_http_status (call.error), ==, 503);
  g_assert_cmpstr (herald_provider_error_get_server_message (call.error), ==, "No devices available");
  g_assert_cmpuint (script.calls, ==, 3);

  call_clear (&call);
  script_clear (&script);
}

/* Network failures */

static void
test_network_refused (void)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/api/v1", herald_fake_unused_port ());
  g_autoptr(HeraldHttpClient) client = client_new (url, "refused-key", HERALD_AUTH_BEARER);
  g_autofree char *needle = g_strdup_printf ("POST %s/sms/send: attempt ", url);
  guint logged = count_logs (needle);
  Call call = { 0 };

  herald_http_client_set_max_retries (client, 2);
  request (client, "POST", "/sms/send", NULL, NULL, HERALD_HTTP_NOT_IDEMPOTENT, NULL, &call);
  call_wait (&call, 15000);

  /* Never reached the server: safe to retry, even a send. */
  g_assert_error (call.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NETWORK);
  g_assert_cmpuint (count_logs (needle) - logged, ==, 3);
  g_assert_nonnull (strstr (call.error->message, "127.0.0.1"));

  call_clear (&call);
}

typedef struct
{
  const char *needle;
  guint       at_least;
} LogWait;

static gboolean
log_seen (gpointer user_data)
{
  LogWait *wait = user_data;

  return count_logs (wait->needle) >= wait->at_least;
}

static void
test_network_refused_then_listening (void)
{
  static const guint statuses[] = { 200 };
  guint port = herald_fake_unused_port ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", port);
  g_autoptr(HeraldHttpClient) client = client_new (url, "late-server-key", HERALD_AUTH_BEARER);
  g_autofree char *needle = g_strdup_printf ("POST %s/sms/send: attempt 1 failed", url);
  g_autoptr(HeraldFakeHttp) fake = NULL;
  g_autoptr(GError) error = NULL;
  Script script = { statuses, G_N_ELEMENTS (statuses) };
  LogWait wait = { needle, 1 };
  Call call = { 0 };

  herald_http_client_set_max_retries (client, 8);
  request (client, "POST", "/sms/send", NULL, NULL, HERALD_HTTP_NOT_IDEMPOTENT, NULL, &call);
  g_assert_true (herald_fake_iterate_until (log_seen, &wait, 5000));
  g_assert_false (call.done);

  /* The server comes up during the backoff. */
  fake = herald_fake_http_new (NULL, port, &error);
  g_assert_no_error (error);
  herald_fake_http_set_handler (fake, script_handler, &script);
  call_wait (&call, 15000);

  g_assert_no_error (call.error);
  g_assert_cmpuint (herald_http_response_get_status (call.response), ==, 200);
  g_assert_cmpuint (script.calls, ==, 1);

  call_clear (&call);
  script_clear (&script);
}

static void
test_network_reset (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFakeTcp) fake = herald_fake_tcp_new (NULL, &error);
  g_autoptr(HeraldHttpClient) client = NULL;
  Call call = { 0 };

  g_assert_no_error (error);
  client = client_new (herald_fake_tcp_get_url (fake), "reset-key", HERALD_AUTH_BEARER);
  herald_http_client_set_max_retries (client, 1);

  request (client, "GET", "/balance", NULL, NULL, HERALD_HTTP_FLAGS_NONE, NULL, &call);
  call_wait (&call, 10000);
  g_assert_error (call.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NETWORK);
  g_assert_cmpuint (herald_fake_tcp_get_connection_count (fake), ==, 2);

  /* The request may have been read before the connection died. */
  request (client, "POST", "/sms/send", NULL, NULL, HERALD_HTTP_NOT_IDEMPOTENT, NULL, &call);
  call_wait (&call, 10000);
  g_assert_error (call.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  g_assert_cmpuint (herald_fake_tcp_get_connection_count (fake), ==, 3);
  g_assert_nonnull (strstr (call.error->message, "may or may not have been sent"));

  call_clear (&call);
}

static void
test_network_timeout (void)
{
  static const guint statuses[] = { 200 };
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "timeout-key", HERALD_AUTH_BEARER);
  Script script = { statuses, G_N_ELEMENTS (statuses) };
  gint64 start;
  Call call = { 0 };

  script.delay_ms = 4000;
  herald_http_client_set_timeout (client, 1);
  herald_http_client_set_max_retries (client, 0);
  herald_fake_http_set_handler (fake, script_handler, &script);

  start = g_get_monotonic_time ();
  request (client, "GET", "/balance", NULL, NULL, HERALD_HTTP_FLAGS_NONE, NULL, &call);
  call_wait (&call, 10000);
  g_assert_error (call.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_TIMEOUT);
  /* Well before the server's answer. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3500 * 1000);

  request (client, "POST", "/sms/send", NULL, NULL, HERALD_HTTP_NOT_IDEMPOTENT, NULL, &call);
  call_wait (&call, 10000);
  g_assert_error (call.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  g_assert_cmpuint (script.calls, ==, 2);

  call_clear (&call);
  script_clear (&script);
}

static void
test_body_truncated (void)
{
  static const char *replies[] = {
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"success\":tr",
    /* libsoup takes a short body as complete when the server closes: the
     * client checks the announced length itself. */
    "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"success\":tr",
  };
  Call call = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (replies); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HeraldFakeTcp) fake = herald_fake_tcp_new (replies[i], &error);
      g_autoptr(HeraldHttpClient) client = NULL;

      g_assert_no_error (error);
      client = client_new (herald_fake_tcp_get_url (fake), i == 0 ? "truncated-key-0" : "truncated-key-1",
                           HERALD_AUTH_BEARER);
      herald_http_client_set_max_retries (client, 1);

      request (client, "GET", "/balance", NULL, NULL, HERALD_HTTP_FLAGS_NONE, NULL, &call);
      call_wait (&call, 10000);
      g_assert_error (call.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
      g_assert_cmpuint (herald_provider_error_get_http_status (call.error), ==, 200);
      g_assert_cmpuint (herald_fake_tcp_get_connection_count (fake), ==, 2);

      /* A send is not repeated: it reached the server. */
      request (client, "POST", "/sms/send", NULL, NULL, HERALD_HTTP_NOT_IDEMPOTENT, NULL, &call);
      call_wait (&call, 10000);
      g_assert_error (call.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
      g_assert_cmpuint (herald_fake_tcp_get_connection_count (fake), ==, 3);
      g_assert_nonnull (strstr (call.error->message, "before sending it again"));
      call_clear (&call);
    }
}

static void
huge_handler (HeraldFakeHttp    *fake,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  /* 1 GiB, written only as fast as the client reads it. */
  herald_fake_http_stream_body (fake, msg, 200, G_GUINT64_CONSTANT (1) << 30);
}

static gboolean
no_open_streams (gpointer user_data)
{
  return herald_fake_http_get_open_streams (user_data) == 0;
}

static void
test_body_too_large (void)
{
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "huge-key", HERALD_AUTH_BEARER);
  Call call = { 0 };

  herald_fake_http_set_handler (fake, huge_handler, NULL);
  request (client, "GET", "/messages/received", NULL, NULL, HERALD_HTTP_FLAGS_NONE, NULL, &call);
  call_wait (&call, 20000);

  g_assert_error (call.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
  g_assert_nonnull (strstr (call.error->message, "response too large"));
  g_assert_cmpuint (herald_fake_http_get_request_count (fake), ==, 1);

  /* The client dropped the connection: the server's stream ends, having
   * written the 8 MiB read plus what the socket buffers held. */
  g_assert_true (herald_fake_iterate_until (no_open_streams, fake, 10000));
  g_assert_cmpuint (herald_fake_http_get_streamed_bytes (fake), >, 8 * 1024 * 1024);
  g_assert_cmpuint (herald_fake_http_get_streamed_bytes (fake), <, 64 * 1024 * 1024);

  call_clear (&call);
}

/* Cancellation */

static gboolean
server_got_request (gpointer user_data)
{
  return herald_fake_http_get_request_count (user_data) >= 1;
}

static gboolean
request_abandoned (gpointer user_data)
{
  return herald_fake_http_get_abandoned_count (user_data) >= 1;
}

static gboolean
limiter_idle (gpointer user_data)
{
  /* The registry's and the client's: no timer, no waiter. */
  return g_atomic_int_get (&G_OBJECT (user_data)->ref_count) == 2;
}

static void
test_cancel_mid_request (void)
{
  static const guint statuses[] = { 200 };
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  HeraldHttpClient *client = client_new (herald_fake_http_get_url (fake), "cancel-key", HERALD_AUTH_BEARER);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  HeraldRateLimiter *limiter = herald_http_client_get_rate_limiter (client);
  Script script = { statuses, G_N_ELEMENTS (statuses) };
  Call call = { 0 };

  script.delay_ms = 30000;
  herald_fake_http_set_handler (fake, script_handler, &script);
  request (client, "GET", "/messages/received", NULL, NULL, HERALD_HTTP_FLAGS_NONE, cancellable, &call);
  g_assert_true (herald_fake_iterate_until (server_got_request, fake, 5000));
  g_assert_false (call.done);

  g_cancellable_cancel (cancellable);
  call_wait (&call, 2000);
  g_assert_error (call.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (call.response);

  /* The connection is closed, nothing waits in the limiter, and the
   * client goes away with its last reference. */
  g_assert_true (herald_fake_iterate_until (request_abandoned, fake, 5000));
  g_assert_true (herald_fake_iterate_until (limiter_idle, limiter, 2000));
  g_object_add_weak_pointer (G_OBJECT (client), (gpointer *) &client);
  g_object_unref (client);
  g_assert_null (client);
  g_assert_cmpuint (herald_fake_http_get_request_count (fake), ==, 1);

  call_clear (&call);
  script_clear (&script);
}

/* A 429 with Retry-After: 30 parks the retry in the limiter. */
static void
test_cancel_while_rate_limited (void)
{
  static const guint statuses[] = { 429 };
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "cancel-429-key", HERALD_AUTH_BEARER);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *needle = g_strdup_printf ("%s/balance: retry 1 of", herald_fake_http_get_url (fake));
  Script script = { statuses, G_N_ELEMENTS (statuses), "30" };
  LogWait wait = { needle, 1 };
  Call call = { 0 };

  herald_fake_http_set_handler (fake, script_handler, &script);
  request (client, "GET", "/balance", NULL, NULL, HERALD_HTTP_FLAGS_NONE, cancellable, &call);
  g_assert_true (herald_fake_iterate_until (log_seen, &wait, 5000));
  g_assert_false (call.done);

  g_cancellable_cancel (cancellable);
  call_wait (&call, 2000);
  g_assert_error (call.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (script.calls, ==, 1);
  g_assert_true (herald_fake_iterate_until (limiter_idle, herald_http_client_get_rate_limiter (client), 2000));

  call_clear (&call);
  script_clear (&script);
}

/* Cancelled just as the backoff starts (from the log line that announces
 * it): the sleep ends at once. */
static void
test_cancel_during_backoff (void)
{
  static const guint statuses[] = { 500 };
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "cancel-backoff-key",
                                                   HERALD_AUTH_BEARER);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *needle = g_strdup_printf ("%s/balance: retry 1 of", herald_fake_http_get_url (fake));
  Script script = { statuses, G_N_ELEMENTS (statuses) };
  Call call = { 0 };

  cancel_on_log = cancellable;
  cancel_on_log_text = needle;
  herald_fake_http_set_handler (fake, script_handler, &script);
  request (client, "GET", "/balance", NULL, NULL, HERALD_HTTP_FLAGS_NONE, cancellable, &call);
  call_wait (&call, 5000);
  cancel_on_log = NULL;

  g_assert_error (call.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (script.calls, ==, 1);

  call_clear (&call);
  script_clear (&script);
}

static void
test_cancel_before (void)
{
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "cancel-before-key",
                                                   HERALD_AUTH_BEARER);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Call call = { 0 };

  g_cancellable_cancel (cancellable);
  request (client, "GET", "/balance", NULL, NULL, HERALD_HTTP_FLAGS_NONE, cancellable, &call);
  call_wait (&call, 2000);
  g_assert_error (call.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (herald_fake_http_get_request_count (fake), ==, 0);

  call_clear (&call);
}

/* The limiter against a server that counts */

typedef struct
{
  HeraldHttpClient *client;
  guint             started;
  guint             finished;
  guint             total;
  guint             ok;
  guint             failed;
} Job;

static void job_next (Job *job);

static void
job_request_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldHttpResponse) response = herald_http_client_request_finish (HERALD_HTTP_CLIENT (object),
                                                                              result, &error);

  job->finished++;
  if (response != NULL && herald_http_response_get_status (response) == 200)
    job->ok++;
  else
    job->failed++;
  job_next (job);
}

static void
job_next (Job *job)
{
  if (job->started == job->total)
    return;

  job->started++;
  herald_http_client_request_async (job->client, "GET", "/sms/status/x", NULL, NULL, HERALD_HTTP_FLAGS_NONE,
                                    NULL, job_request_cb, job);
}

static gboolean
job_done (gpointer user_data)
{
  Job *job = user_data;

  return job->finished == job->total;
}

static void
ok_handler (HeraldFakeHttp    *fake,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  herald_fake_http_reply_json (msg, 200, "{\"success\":true}");
}

/* 10 a second, 30 requests from 4 callers: the server never counts more
 * than 10 in one of its windows, so the job spans at least 3 of them. */
static void
test_limiter_spacing (void)
{
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "spacing-key", HERALD_AUTH_BEARER);
  Job job = { client, 0, 0, 30 };

  herald_fake_http_set_rate_limit (fake, 10, 1);
  herald_fake_http_set_handler (fake, ok_handler, NULL);
  for (guint i = 0; i < 4; i++)
    job_next (&job);
  g_assert_true (herald_fake_iterate_until (job_done, &job, 30000));

  g_assert_cmpuint (job.ok, ==, 30);
  g_assert_cmpuint (herald_fake_http_get_request_count (fake), ==, 30);
  g_assert_cmpuint (herald_fake_http_get_rejected_count (fake), ==, 0);
  g_assert_cmpuint (herald_fake_http_get_max_window_count (fake), <=, 10);
  g_assert_cmpuint (herald_fake_http_get_windows_used (fake), >=, 3);
  g_assert_cmpuint (herald_rate_limiter_get_limit (herald_http_client_get_rate_limiter (client)), ==, 10);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (herald_http_client_get_rate_limiter (client)), ==, 1);
}

static void
test_limiter_learns_limit (void)
{
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), "learn-key", HERALD_AUTH_BEARER);
  HeraldRateLimiter *limiter = herald_http_client_get_rate_limiter (client);
  Call call = { 0 };

  herald_fake_http_set_rate_limit (fake, 7, 3);
  herald_fake_http_set_handler (fake, ok_handler, NULL);
  g_assert_cmpuint (herald_rate_limiter_get_limit (limiter), ==, 100);

  request (client, "GET", "/balance", NULL, NULL, HERALD_HTTP_FLAGS_NONE, NULL, &call);
  call_wait (&call, 5000);
  g_assert_no_error (call.error);

  g_assert_cmpuint (herald_rate_limiter_get_limit (limiter), ==, 7);
  /* The first request of a window: its end is at most 3 s away. */
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), >=, 1);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), <=, 3);

  call_clear (&call);
}

/* The key never shows */

#define SECRET_KEY "hk_live_S3CRET_never_show_me"

static void
test_key_never_shown (void)
{
  static const guint statuses[] = { 500 };
  static const guint limited[] = { 429 };
  g_autoptr(HeraldFakeHttp) fake = fake_new ();
  g_autoptr(HeraldHttpClient) client = client_new (herald_fake_http_get_url (fake), SECRET_KEY, HERALD_AUTH_BEARER);
  g_autofree char *refused_url = g_strdup_printf ("http://127.0.0.1:%u", herald_fake_unused_port ());
  g_autoptr(HeraldHttpClient) refused = client_new (refused_url, SECRET_KEY, HERALD_AUTH_X_API_KEY);
  Script script = { statuses, G_N_ELEMENTS (statuses), "1",
                    "{\"error\":\"The key " SECRET_KEY " is not valid\"}" };
  guint first_log = captured_logs->len;
  Call call = { 0 };

  herald_http_client_set_max_retries (client, 0);
  herald_http_client_set_max_retries (refused, 0);
  herald_fake_http_set_handler (fake, script_handler, &script);

  /* A server echoing the key in its error. */
  request (client, "GET", "/balance", NULL, NULL, HERALD_HTTP_FLAGS_NONE, NULL, &call);
  call_wait (&call, 5000);
  g_assert_error (call.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_SERVER_ERROR);
  g_assert_null (strstr (call.error->message, SECRET_KEY));
  g_assert_null (strstr (herald_provider_error_get_server_message (call.error), SECRET_KEY));
  g_assert_nonnull (strstr (call.error->message, "The key [API key] is not valid"));

  script.statuses = limited;
  request (client, "POST", "/sms/send", NULL, NULL, HERALD_HTTP_NOT_IDEMPOTENT, NULL, &call);
  call_wait (&call, 5000);
  g_assert_error (call.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_RATE_LIMITED);
  g_assert_null (strstr (call.error->message, SECRET_KEY));
  g_assert_null (strstr (herald_provider_error_get_server_message (call.error), SECRET_KEY));

  request (refused, "POST", "/sms/send", NULL, NULL, HERALD_HTTP_NOT_IDEMPOTENT, NULL, &call);
  call_wait (&call, 5000);
  g_assert_error (call.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NETWORK);
  g_assert_null (strstr (call.error->message, SECRET_KEY));

  /* Nor in any log line of these requests. */
  g_assert_cmpuint (captured_logs->len, >, first_log);
  for (guint i = first_log; i < captured_logs->len; i++)
    g_assert_null (strstr (captured_logs->pdata[i], SECRET_KEY));

  call_clear (&call);
  script_clear (&script);
}

/* TLS */

static const char test_certificate[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIBojCCAUigAwIBAgIUb51HOiPu9B/VkU8zOKc8M/3PrRcwCgYIKoZIzj0EAwIw\n"
  "HTEbMBkGA1UEAwwSSGVyYWxkIHRlc3Qgc2VydmVyMCAXDTI2MTEyNTA3MDU1NVoY\n"
  "DzIxMjYxMTAxMDcwNTU1WjAdMRswGQYDVQQDDBJIZXJhbGQgdGVzdCBzZXJ2ZXIw\n"
  "WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARrDTOTI9SRhxWCM30ShAFuTsKokFPV\n"
  "2/zd9QuqTRJI+K1IkXNoFxMiX2MX4EYjOM/nTfiMjQBAsnZFjfNUbZuRo2QwYjAd\n"
  "BgNVHQ4EFgQUZQxdsaH9KTdKFHdolNAMQtrvnRkwHwYDVR0jBBgwFoAUZQxdsaH9\n"
  "KTdKFHdolNAMQtrvnRkwDwYDVR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAAB\n"
  "MAoGCCqGSM49BAMCA0gAMEUCIQCsaIxHG1A4Vcg6MRHSmm1PC2eXwBqB0WHSNEb0\n"
  "+zHWQQIgI5P77jPs26dUBkW3wYTVdzP72DmxaFlBAzEGtkMBcb8=\n"
  "-----END CERTIFICATE-----\n"
  "-----BEGIN PRIVATE KEY-----\n"
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgJpfvz4XQ7o9qnEzZ\n"
  "Q8UH0CQkrxO5wyjqYSauQaHbLjOhRANCAARrDTOTI9SRhxWCM30ShAFuTsKokFPV\n"
  "2/zd9QuqTRJI+K1IkXNoFxMiX2MX4EYjOM/nTfiMjQBAsnZFjfNUbZuR\n"
  "-----END PRIVATE KEY-----\n";

/* A self-signed certificate is refused, with the reason. */
static void
test_tls_untrusted (void)
{
  static const guint statuses[] = { 200 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(HeraldFakeHttp) fake = NULL;
  g_autoptr(HeraldHttpClient) client = NULL;
  Script script = { statuses, G_N_ELEMENTS (statuses) };
  Call call = { 0 };

  /* The only TLS test: it fails rather than skip when GIO has no TLS. */
  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_fail_printf ("GIO has no TLS backend: install glib-networking "
                          "(build-aux/install-deps.sh does)");
      return;
    }

  certificate = g_tls_certificate_new_from_pem (test_certificate, -1, &error);
  g_assert_no_error (error);
  fake = herald_fake_http_new (certificate, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (herald_fake_http_get_url (fake), "https://"));
  client = client_new (herald_fake_http_get_url (fake), "tls-key", HERALD_AUTH_BEARER);
  herald_fake_http_set_handler (fake, script_handler, &script);

  request (client, "GET", "/balance", NULL, NULL, HERALD_HTTP_FLAGS_NONE, NULL, &call);
  call_wait (&call, 10000);

  g_assert_error (call.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_TLS);
  g_assert_nonnull (strstr (call.error->message, "not signed by a known authority"));
  g_assert_cmpuint (script.calls, ==, 0);

  call_clear (&call);
  script_clear (&script);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  captured_logs = g_ptr_array_new_with_free_func (g_free);
  g_log_set_handler ("herald-http", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                     capture_log, NULL);
  g_log_set_handler ("herald-rate-limiter", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                     capture_log, NULL);

  g_test_add_func ("/provider-error/standard-messages", test_error_standard_messages);
  g_test_add_func ("/provider-error/details", test_error_details);
  g_test_add_func ("/provider-error/codes", test_error_codes);
  g_test_add_func ("/http-client/new/invalid-input", test_new_invalid_input);
  g_test_add_func ("/http-client/auth/bearer", test_auth_bearer);
  g_test_add_func ("/http-client/auth/x-api-key", test_auth_x_api_key);
  g_test_add_func ("/http-client/request/query-escaping", test_query_escaping);
  g_test_add_func ("/http-client/request/json-body", test_json_body);
  g_test_add_func ("/http-client/response/body-kinds", test_body_kinds);
  g_test_add_func ("/http-client/retry/429-retry-after", test_retry_429_retry_after);
  g_test_add_func ("/http-client/retry/429-backoff-send", test_retry_429_backoff);
  g_test_add_func ("/http-client/retry/429-persisting", test_retry_429_persisting);
  g_test_add_func ("/http-client/retry/5xx-get", test_retry_500_get);
  g_test_add_func ("/http-client/retry/500-send-fate-unknown", test_retry_500_send_fate_unknown);
  g_test_add_func ("/http-client/retry/503", test_retry_503);
  g_test_add_func ("/http-client/network/refused", test_network_refused);
  g_test_add_func ("/http-client/network/refused-then-listening", test_network_refused_then_listening);
  g_test_add_func ("/http-client/network/reset", test_network_reset);
  g_test_add_func ("/http-client/network/timeout", test_network_timeout);
  g_test_add_func ("/http-client/body/truncated", test_body_truncated);
  g_test_add_func ("/http-client/body/too-large", test_body_too_large);
  g_test_add_func ("/http-client/cancel/mid-request", test_cancel_mid_request);
  g_test_add_func ("/http-client/cancel/while-rate-limited", test_cancel_while_rate_limited);
  g_test_add_func ("/http-client/cancel/during-backoff", test_cancel_during_backoff);
  g_test_add_func ("/http-client/cancel/before", test_cancel_before);
  g_test_add_func ("/http-client/limiter/spacing", test_limiter_spacing);
  g_test_add_func ("/http-client/limiter/learns-limit", test_limiter_learns_limit);
  g_test_add_func ("/http-client/security/key-never-shown", test_key_never_shown);
  g_test_add_func ("/http-client/tls/untrusted-certificate", test_tls_untrusted);

  status = g_test_run ();
  g_ptr_array_unref (captured_logs);

  return status;
}
