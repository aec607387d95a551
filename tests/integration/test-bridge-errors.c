/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test-bridge-errors"

#include <json-glib/json-glib.h>
#include <string.h>

#include "herald-test-mock-modem.h"
#include "herald-test-tree.h"
#include "herald-test-util.h"
#include "test-bridge-util.h"

/* Every error status of `heraldctl bridge serve`, through curl, against the
 * mock ModemManager with two modems (--mock-modems 2): 401, 400 for each
 * cause, 404, 405, 413, 429 with its headers, 503 with no usable modem; a
 * second bridge refused naming the first one's pid; a revoked key refused.
 * Each error body is FlixySMS's {"success": false, "error": …} with a
 * "code". */

static void
assert_error (const TestAnswer *answer,
              guint             status,
              const char       *code,
              const char       *words)
{
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *type = test_answer_header (answer, "Content-Type");

  g_assert_cmpuint (answer->status, ==, status);
  g_assert_cmpstr (type, ==, "application/json");
  object = test_answer_json (answer);
  g_assert_false (json_object_get_boolean_member (object, "success"));
  g_assert_cmpstr (json_object_get_string_member (object, "code"), ==, code);
  if (words != NULL && strstr (json_object_get_string_member (object, "error"), words) == NULL)
    g_error ("“%s” not in the error: %s", words, json_object_get_string_member (object, "error"));
}

/* Whether a request answers @status now (for polling). */
static gboolean
answers (const char *method,
         const char *address,
         const char *key,
         const char *body,
         guint       status)
{
  g_auto(TestAnswer) probe = { 0 };

  test_http (&probe, method, address, key, body);
  return probe.status == status;
}

static char *
url (TestBridge *bridge,
     const char *path)
{
  return g_strconcat (bridge->base, path, NULL);
}

static void
test_unauthorized (void)
{
  g_autofree char *key = test_bridge_create_key ("auth", NULL);
  TestBridge *bridge = test_bridge_start ();
  g_autofree char *devices = url (bridge, "/devices");
  g_autofree char *wrong = g_strdup (key);
  g_autofree char *www = NULL;

  {
    g_auto(TestAnswer) answer = { 0 };

    test_http (&answer, "GET", devices, NULL, NULL);
    assert_error (&answer, 401, "unauthorized", "Missing API key");
    www = test_answer_header (&answer, "WWW-Authenticate");
    g_assert_true (g_str_has_prefix (www, "Bearer"));
  }
  /* One character off, and a prefix of the key: both refused. */
  wrong[strlen (wrong) - 1] = wrong[strlen (wrong) - 1] == 'A' ? 'B' : 'A';
  {
    g_auto(TestAnswer) answer = { 0 };

    test_http (&answer, "GET", devices, wrong, NULL);
    assert_error (&answer, 401, "unauthorized", "Invalid API key");
  }
  wrong[10] = '\0';
  {
    g_auto(TestAnswer) answer = { 0 };

    test_http (&answer, "GET", devices, wrong, NULL);
    assert_error (&answer, 401, "unauthorized", "Invalid API key");
  }
  /* The control: the key itself. */
  {
    g_auto(TestAnswer) answer = { 0 };

    test_http (&answer, "GET", devices, key, NULL);
    g_assert_cmpuint (answer.status, ==, 200);
  }
  test_bridge_stop (bridge);
}

static void
test_bad_requests (void)
{
  g_autofree char *key = test_bridge_create_key ("bad-input", "0");
  TestBridge *bridge = test_bridge_start ();
  g_autofree char *send = url (bridge, "/sms/send");
  g_autofree char *bulk = url (bridge, "/message/bulk");
  g_autofree char *received = url (bridge, "/messages/received?since=yesterday");
  g_autoptr(GString) many = g_string_new ("{\"message\": \"hi\", \"recipients\": [");
  struct
  {
    const char *url;
    const char *body;
    const char *code;
    const char *words;
  } cases[] = {
    { send, "{\"to\": \"+233241234567\", \"message\": ", "invalid_json", "not valid JSON" },
    { send, "[\"+233241234567\"]", "invalid_json", "one JSON object" },
    { send, "{\"message\": \"hi\"}", "missing_field", "“to”" },
    { send, "{\"to\": \"+233241234567\"}", "missing_field", "“message”" },
    { send, "{\"to\": \"+233241234567\", \"message\": \"\"}", "invalid_field", "“message”" },
    { send, "{\"to\": 233241234567, \"message\": \"hi\"}", "invalid_field", "“to”" },
    { send, "{\"to\": \"+1234567890\", \"message\": \"hi\"}", "invalid_number", "+1234567890" },
    { send, "{\"to\": \"+233241234567\", \"message\": \"hi\", \"media_url\": \"https://example.com/a.png\"}",
      "media_not_supported", "media_url" },
    { send, "{\"to\": \"+233241234567\", \"message\": \"hi\", \"device_id\": \"optional-device-uuid\"}",
      "unknown_device", "device_id" },
    { bulk, "{\"recipients\": [], \"message\": \"hi\"}", "invalid_field", "recipients" },
    { bulk, "{\"recipients\": [\"+1234567890\", \"+0987654321\"], \"message\": \"hi\"}", "invalid_number",
      "+1234567890" },
    { bulk, NULL, "too_many_recipients", "at most 100" },
  };

  for (guint i = 0; i < 101; i++)
    g_string_append_printf (many, "%s\"+2332412%05u\"", i > 0 ? ", " : "", i);
  g_string_append (many, "]}");
  cases[G_N_ELEMENTS (cases) - 1].body = many->str;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(TestAnswer) answer = { 0 };

      g_test_message ("case %u: %s", i, cases[i].body);
      test_http (&answer, "POST", cases[i].url, key, cases[i].body);
      assert_error (&answer, 400, cases[i].code, cases[i].words);
    }
  {
    g_auto(TestAnswer) answer = { 0 };

    test_http (&answer, "GET", received, key, NULL);
    assert_error (&answer, 400, "invalid_field", "“since”");
  }
  /* Nothing of it reached a modem. */
  g_assert_cmpuint (herald_test_mock_count_sent ("+233241234567", "hi"), ==, 0);
  test_bridge_stop (bridge);
}

static void
test_routes (void)
{
  g_autofree char *key = test_bridge_create_key ("routes", NULL);
  TestBridge *bridge = test_bridge_start ();
  g_autofree char *unknown = url (bridge, "/sms/nothing");
  g_autofree char *outside = g_strdup_printf ("http://127.0.0.1:%u/v2/sms/send", bridge->port);
  g_autofree char *send = url (bridge, "/sms/send");
  g_autofree char *status = url (bridge, "/message/status/123e4567-e89b-12d3-a456-426614174000");
  g_autofree char *allow = NULL;

  {
    g_auto(TestAnswer) answer = { 0 };

    test_http (&answer, "GET", unknown, key, NULL);
    assert_error (&answer, 404, "not_found", "No such endpoint");
  }
  {
    g_auto(TestAnswer) answer = { 0 };
    g_autofree char *www = NULL;

    /* Outside /api/v1 is the SMS Gateway for Android API, with its own
     * auth (Basic) and error shape. */
    test_http (&answer, "POST", outside, key, "{}");
    g_assert_cmpuint (answer.status, ==, 401);
    www = test_answer_header (&answer, "WWW-Authenticate");
    g_assert_true (g_str_has_prefix (www, "Basic"));
    g_assert_nonnull (strstr (answer.body, "\"message\""));
  }
  {
    g_auto(TestAnswer) answer = { 0 };

    test_http (&answer, "GET", status, key, NULL);
    assert_error (&answer, 404, "not_found", "123e4567-e89b-12d3-a456-426614174000");
  }
  {
    g_auto(TestAnswer) answer = { 0 };

    test_http (&answer, "GET", send, key, NULL);
    assert_error (&answer, 405, "method_not_allowed", "POST");
    allow = test_answer_header (&answer, "Allow");
    g_assert_cmpstr (allow, ==, "POST");
  }
  {
    g_auto(TestAnswer) answer = { 0 };

    test_http (&answer, "DELETE", status, key, NULL);
    assert_error (&answer, 405, "method_not_allowed", NULL);
  }
  test_bridge_stop (bridge);
}

static void
test_too_large (void)
{
  g_autofree char *key = test_bridge_create_key ("large", NULL);
  TestBridge *bridge = test_bridge_start ();
  g_autofree char *send = url (bridge, "/sms/send");
  g_autoptr(GString) body = g_string_new ("{\"to\": \"+233241234567\", \"message\": \"");

  /* One byte over 64 KiB in all. */
  while (body->len < 64 * 1024 - 1)
    g_string_append_c (body, 'a');
  g_string_append (body, "\"}");
  g_assert_cmpuint (body->len, ==, 64 * 1024 + 1);
  {
    g_auto(TestAnswer) answer = { 0 };

    test_http (&answer, "POST", send, key, body->str);
    assert_error (&answer, 413, "body_too_large", "65536");
  }
  /* The bridge still answers afterwards. */
  {
    g_auto(TestAnswer) answer = { 0 };
    g_autofree char *devices = url (bridge, "/devices");

    test_http (&answer, "GET", devices, key, NULL);
    g_assert_cmpuint (answer.status, ==, 200);
  }
  g_assert_cmpuint (herald_test_mock_count_sent ("+233241234567", "aaaa"), ==, 0);
  test_bridge_stop (bridge);
}

static void
test_rate_limit (void)
{
  g_autofree char *key = test_bridge_create_key ("limited", "2");
  g_autofree char *other = test_bridge_create_key ("unlimited", "0");
  TestBridge *bridge = test_bridge_start ();
  g_autofree char *devices = url (bridge, "/devices");
  g_autofree char *limit = NULL;
  g_autofree char *remaining = NULL;
  g_autofree char *reset = NULL;
  g_autofree char *retry = NULL;
  gint64 now;

  {
    g_auto(TestAnswer) answer = { 0 };

    test_http (&answer, "GET", devices, key, NULL);
    g_assert_cmpuint (answer.status, ==, 200);
    limit = test_answer_header (&answer, "X-RateLimit-Limit");
    remaining = test_answer_header (&answer, "X-RateLimit-Remaining");
    g_assert_cmpstr (limit, ==, "2");
    g_assert_cmpstr (remaining, ==, "1");
  }
  /* The last allowed request says 0 left, and the next is refused. A
   * minute's window may turn meanwhile (the count starts again): then the
   * loop goes on, at most once more round. */
  for (guint i = 0; i < 5; i++)
    {
      g_auto(TestAnswer) answer = { 0 };

      test_http (&answer, "GET", devices, key, NULL);
      if (answer.status == 429)
        {
          g_assert_cmpstr (remaining, ==, "0");
          assert_error (&answer, 429, "rate_limited", "2 requests a minute");
          g_clear_pointer (&remaining, g_free);
          remaining = test_answer_header (&answer, "X-RateLimit-Remaining");
          reset = test_answer_header (&answer, "X-RateLimit-Reset");
          retry = test_answer_header (&answer, "Retry-After");
          break;
        }
      g_assert_cmpuint (answer.status, ==, 200);
      g_clear_pointer (&remaining, g_free);
      remaining = test_answer_header (&answer, "X-RateLimit-Remaining");
    }
  g_assert_nonnull (retry);
  g_assert_cmpstr (remaining, ==, "0");
  now = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_cmpint (g_ascii_strtoll (reset, NULL, 10), >, now - 1);
  g_assert_cmpint (g_ascii_strtoll (reset, NULL, 10), <=, now + 61);
  g_assert_cmpint (g_ascii_strtoll (retry, NULL, 10), >=, 1);
  g_assert_cmpint (g_ascii_strtoll (retry, NULL, 10), <=, 60);
  /* Another key has its own count; rate limit 0 is none (no headers). */
  for (guint i = 0; i < 4; i++)
    {
      g_auto(TestAnswer) answer = { 0 };
      g_autofree char *none = NULL;

      test_http (&answer, "GET", devices, other, NULL);
      g_assert_cmpuint (answer.status, ==, 200);
      none = test_answer_header (&answer, "X-RateLimit-Limit");
      g_assert_null (none);
    }
  test_bridge_stop (bridge);
}

static void
test_no_modem (void)
{
  g_autofree char *key = test_bridge_create_key ("no-modem", "0");
  TestBridge *bridge = test_bridge_start ();
  g_autofree char *send = url (bridge, "/sms/send");
  const char *body = "{\"to\": \"+233241234599\", \"message\": \"nobody sends this\"}";
  g_autofree char *named = g_strdup_printf ("{\"to\": \"+233241234599\", \"message\": \"nobody sends this\", "
                                            "\"device_id\": \"%s\"}", HERALD_TEST_MOCK_DEVICE_1);

  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_0, "signal", g_variant_new_uint32 (0));
  {
    g_auto(TestAnswer) answer = { 0 };

    /* The named modem is unusable, the other is fine. */
    herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "signal", g_variant_new_uint32 (0));
    test_poll_until (answers ("POST", send, key, named, 503));
    test_http (&answer, "POST", send, key, named);
    assert_error (&answer, 503, "device_unavailable", "no signal");
  }
  {
    g_auto(TestAnswer) answer = { 0 };

    test_http (&answer, "POST", send, key, body);
    assert_error (&answer, 503, "no_device", "No modem is available");
  }
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_0, "signal", g_variant_new_uint32 (70));
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "signal", g_variant_new_uint32 (70));
  g_assert_cmpuint (herald_test_mock_count_sent ("+233241234599", "nobody sends this"), ==, 0);
  test_bridge_stop (bridge);
}

static void
test_second_bridge (void)
{
  TestBridge *bridge = test_bridge_start ();
  g_auto(HeraldTestRun) run = { 0 };
  const char *argv[] = { "bridge", "serve", "--listen", "127.0.0.1:0", NULL };
  g_autofree char *pid = g_strdup (g_subprocess_get_identifier (bridge->process));
  g_autofree char *named = g_strdup_printf ("process %s", pid);

  herald_test_heraldctl_run (&run, NULL, NULL, NULL, 30, argv);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Another Herald device bridge is running"));
  g_assert_nonnull (strstr (run.err, named));
  test_bridge_stop (bridge);
}

static void
test_remote_refused (void)
{
  g_auto(HeraldTestRun) run = { 0 };
  const char *argv[] = { "bridge", "serve", "--listen", "0.0.0.0:0", NULL };

  herald_test_heraldctl_run (&run, NULL, NULL, NULL, 30, argv);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--allow-remote"));
}

static void
test_revoke (void)
{
  g_autofree char *key = test_bridge_create_key ("revoked", "0");
  TestBridge *bridge = test_bridge_start ();
  g_autofree char *devices = url (bridge, "/devices");
  g_auto(HeraldTestRun) run = { 0 };
  const char *argv[] = { "bridge", "key", "revoke", "revoked", NULL };

  {
    g_auto(TestAnswer) answer = { 0 };

    test_http (&answer, "GET", devices, key, NULL);
    g_assert_cmpuint (answer.status, ==, 200);
  }
  herald_test_heraldctl_run (&run, NULL, NULL, NULL, 30, argv);
  g_assert_cmpint (run.status, ==, 0);
  /* The running bridge reloads its keys (SIGHUP from revoke). */
  test_poll_until (answers ("GET", devices, key, NULL, 401));
  test_bridge_stop (bridge);
}

static void
run_key_command (HeraldTestRun      *run,
                 const char * const *argv)
{
  herald_test_heraldctl_run (run, NULL, NULL, NULL, 30, argv);
}

static void
test_key_commands (void)
{
  g_autofree char *key = test_bridge_create_key ("listed", "7");
  g_auto(HeraldTestRun) list = { 0 };
  g_auto(HeraldTestRun) json = { 0 };
  g_auto(HeraldTestRun) taken = { 0 };
  g_auto(HeraldTestRun) bad_name = { 0 };
  g_auto(HeraldTestRun) bad_limit = { 0 };
  g_auto(HeraldTestRun) unknown = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *keys;
  gboolean found = FALSE;

  /* The key itself is nowhere but in the keyring: not in the database, not
   * in any file of the test's home. */
  herald_test_tree_assert_lacks (g_getenv ("HERALD_TEST_ROOT"), key);

  run_key_command (&list, (const char *[]) { "bridge", "key", "list", NULL });
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "listed"));
  g_assert_nonnull (strstr (list.out, "7/min"));
  g_assert_null (strstr (list.out, key));

  run_key_command (&json, (const char *[]) { "bridge", "key", "list", "--json", NULL });
  g_assert_cmpint (json.status, ==, 0);
  root = herald_test_run_json (&json);
  keys = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (keys); i++)
    {
      JsonObject *item = json_array_get_object_element (keys, i);

      if (g_str_equal (json_object_get_string_member (item, "name"), "listed"))
        {
          found = TRUE;
          g_assert_cmpint (json_object_get_int_member (item, "rate_limit"), ==, 7);
          g_assert_false (json_object_has_member (item, "key"));
        }
    }
  g_assert_true (found);

  run_key_command (&taken, (const char *[]) { "bridge", "key", "create", "listed", NULL });
  g_assert_cmpint (taken.status, ==, 2);
  g_assert_nonnull (strstr (taken.err, "exists already"));
  g_assert_cmpstr (taken.out, ==, "");
  run_key_command (&bad_name, (const char *[]) { "bridge", "key", "create", "no spaces", NULL });
  g_assert_cmpint (bad_name.status, ==, 2);
  run_key_command (&bad_limit, (const char *[]) { "bridge", "key", "create", "neg", "--rate-limit", "-5", NULL });
  g_assert_cmpint (bad_limit.status, ==, 2);
  run_key_command (&unknown, (const char *[]) { "bridge", "key", "revoke", "never-made", NULL });
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "never-made"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bridge/errors/unauthorized", test_unauthorized);
  g_test_add_func ("/bridge/errors/bad-requests", test_bad_requests);
  g_test_add_func ("/bridge/errors/routes", test_routes);
  g_test_add_func ("/bridge/errors/too-large", test_too_large);
  g_test_add_func ("/bridge/errors/rate-limit", test_rate_limit);
  g_test_add_func ("/bridge/errors/no-modem", test_no_modem);
  g_test_add_func ("/bridge/errors/second-bridge", test_second_bridge);
  g_test_add_func ("/bridge/errors/remote-refused", test_remote_refused);
  g_test_add_func ("/bridge/errors/revoke", test_revoke);
  g_test_add_func ("/bridge/errors/key-commands", test_key_commands);

  return g_test_run ();
}
