/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test-bridge-android"

#include <json-glib/json-glib.h>
#include <string.h>

#include "herald-test-mock-modem.h"
#include "herald-test-util.h"
#include "herald-test-webhook-receiver.h"
#include "test-bridge-util.h"

/* The SMS Gateway for Android API of `heraldctl bridge serve`, through curl
 * with HTTP Basic auth (a bridge key as the password), against the mock
 * ModemManager with two modems: what was sent is read from the mock's own
 * record. */

typedef struct
{
  TestBridge *bridge;
  char       *user;    /* "sms:KEY" */
  char       *root;    /* http://127.0.0.1:PORT */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint count;
  g_autofree char *name = g_strdup_printf ("android-%u", ++count);
  g_autofree char *key = test_bridge_create_key (name, "0");

  f->bridge = test_bridge_start ();
  f->user = g_strdup_printf ("sms:%s", key);
  f->root = g_strdup_printf ("http://127.0.0.1:%u", f->bridge->port);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_bridge_stop (f->bridge);
  g_free (f->user);
  g_free (f->root);
}

static JsonObject *
call (Fixture    *f,
      const char *method,
      const char *path,
      const char *body,
      guint       status)
{
  g_auto(TestAnswer) answer = { 0 };
  g_autofree char *url = g_strconcat (f->root, path, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  test_http_basic (&answer, method, url, f->user, body);
  if (answer.status != status)
    g_error ("%s %s answered %u, not %u: %s", method, path, answer.status, status, answer.body);
  json_parser_load_from_data (parser, answer.body, -1, &error);
  g_assert_no_error (error);
  return json_node_dup_object (json_parser_get_root (parser)) ;
}

static char *
recipient_state (Fixture    *f,
                 const char *id,
                 guint       index)
{
  g_autofree char *path = g_strdup_printf ("/messages/%s", id);
  g_autoptr(JsonObject) state = call (f, "GET", path, NULL, 200);
  JsonArray *recipients = json_object_get_array_member (state, "recipients");

  return g_strdup (json_object_get_string_member (json_array_get_object_element (recipients, index), "state"));
}

static gboolean
recipient_state_is (Fixture    *f,
                    const char *id,
                    guint       index,
                    const char *wanted)
{
  g_autofree char *state = recipient_state (f, id, index);

  return g_str_equal (state, wanted);
}

static void
test_send (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonObject) accepted = call (f, "POST", "/message",
                                         "{\"message\": \"Hello from the gateway client\", "
                                         "\"phoneNumbers\": [\"+233241234580\"]}", 202);
  const char *id = json_object_get_string_member (accepted, "id");
  JsonObject *recipient;
  g_autoptr(JsonObject) state = NULL;
  g_autofree char *path = g_strdup_printf ("/message/%s", id);

  g_assert_cmpuint (strlen (id), ==, 32);
  g_assert_false (json_object_get_boolean_member (accepted, "isEncrypted"));
  recipient = json_array_get_object_element (json_object_get_array_member (accepted, "recipients"), 0);
  g_assert_cmpstr (json_object_get_string_member (recipient, "phoneNumber"), ==, "+233241234580");
  g_assert_cmpstr (json_object_get_string_member (recipient, "state"), ==, "Pending");
  g_assert_true (json_object_has_member (json_object_get_object_member (accepted, "states"), "Pending"));

  test_poll_until (herald_test_mock_count_sent ("+233241234580", "Hello from the gateway client") == 1);
  test_poll_until (recipient_state_is (f, id, 0, "Sent"));
  state = call (f, "GET", path, NULL, 200);
  g_assert_cmpstr (json_object_get_string_member (state, "state"), ==, "Sent");
  g_assert_true (json_object_has_member (json_object_get_object_member (state, "states"), "Sent"));
}

static void
test_idempotent (Fixture       *f,
                 gconstpointer  data)
{
  const char *body = "{\"id\": \"order-42\", \"textMessage\": {\"text\": \"Your order shipped\"}, "
                     "\"phoneNumbers\": [\"+233241234581\"]}";
  g_autoptr(JsonObject) accepted = call (f, "POST", "/messages", body, 202);
  g_autoptr(JsonObject) again = NULL;

  g_assert_cmpstr (json_object_get_string_member (accepted, "id"), ==, "order-42");
  again = call (f, "POST", "/message", body, 409);
  g_assert_nonnull (strstr (json_object_get_string_member (again, "message"), "order-42"));
  test_poll_until (recipient_state_is (f, "order-42", 0, "Sent"));
  g_clear_pointer (&again, json_object_unref);
  again = call (f, "POST", "/messages", body, 409);
  /* Sent once, whatever was asked. */
  g_assert_cmpuint (herald_test_mock_count_sent ("+233241234581", "Your order shipped"), ==, 1);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonObject) accepted = NULL;
  g_autoptr(JsonObject) cancelled = NULL;
  g_autoptr(JsonObject) again = NULL;
  JsonArray *recipients;
  const char *id;
  g_autofree char *path = NULL;

  /* Each modem takes one recipient and sends it slowly; the third waits. */
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "slow", 2000);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_1, "slow", 2000);
  accepted = call (f, "POST", "/message",
                   "{\"message\": \"Maybe not\", \"phoneNumbers\": [\"+233241234582\", \"+233241234583\", "
                   "\"+233241234584\"]}", 202);
  id = json_object_get_string_member (accepted, "id");
  path = g_strdup_printf ("/messages/%s", id);
  test_poll_until (recipient_state_is (f, id, 0, "Processed") && recipient_state_is (f, id, 1, "Processed"));

  cancelled = call (f, "DELETE", path, NULL, 200);
  recipients = json_object_get_array_member (cancelled, "recipients");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (recipients, 2), "state"), ==,
                   "Cancelled");
  test_poll_until (herald_test_mock_count_sent ("+233241234582", "Maybe not") == 1 &&
                   herald_test_mock_count_sent ("+233241234583", "Maybe not") == 1);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "ok", 0);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_1, "ok", 0);
  test_poll_until (recipient_state_is (f, id, 0, "Sent") && recipient_state_is (f, id, 1, "Sent"));
  g_assert_cmpuint (herald_test_mock_count_sent ("+233241234584", "Maybe not"), ==, 0);
  g_assert_true (recipient_state_is (f, id, 2, "Cancelled"));

  /* Cancelling again answers the same state. */
  again = call (f, "DELETE", path, NULL, 200);
  g_assert_cmpstr (json_object_get_string_member (again, "state"), ==, "Sent");
}

static void
test_cancel_too_late (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonObject) accepted = call (f, "POST", "/message",
                                         "{\"id\": \"late\", \"message\": \"Too late\", "
                                         "\"phoneNumbers\": [\"+233241234588\"]}", 202);
  g_autoptr(JsonObject) refused = NULL;

  g_assert_cmpstr (json_object_get_string_member (accepted, "id"), ==, "late");
  test_poll_until (recipient_state_is (f, "late", 0, "Sent"));
  refused = call (f, "DELETE", "/message/late", NULL, 409);
  g_assert_nonnull (strstr (json_object_get_string_member (refused, "message"), "cannot be cancelled"));
  g_assert_cmpuint (herald_test_mock_count_sent ("+233241234588", "Too late"), ==, 1);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_auto(TestAnswer) answer = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *total = NULL;
  g_autoptr(JsonObject) first = call (f, "POST", "/message",
                                      "{\"id\": \"list-1\", \"message\": \"one\", "
                                      "\"phoneNumbers\": [\"+233241234585\"]}", 202);
  g_autoptr(JsonObject) second = call (f, "POST", "/message",
                                       "{\"id\": \"list-2\", \"message\": \"two\", "
                                       "\"phoneNumbers\": [\"+233241234586\", \"+233241234587\"]}", 202);
  JsonArray *items;

  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "list-1");
  g_assert_cmpstr (json_object_get_string_member (second, "id"), ==, "list-2");
  test_poll_until (recipient_state_is (f, "list-2", 1, "Sent") && recipient_state_is (f, "list-1", 0, "Sent"));
  url = g_strdup_printf ("%s/messages?limit=1", f->root);
  test_http_basic (&answer, "GET", url, f->user, NULL);
  g_assert_cmpuint (answer.status, ==, 200);
  total = test_answer_header (&answer, "X-Total-Count");
  g_assert_cmpint (g_ascii_strtoll (total, NULL, 10), >=, 2);
  json_parser_load_from_data (parser, answer.body, -1, &error);
  g_assert_no_error (error);
  items = json_node_get_array (json_parser_get_root (parser));
  /* Newest first, one a page. */
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "id"), ==, "list-2");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (items, 0),
                                                                         "recipients")), ==, 2);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *url = g_strconcat (f->root, "/messages", NULL);
  g_autofree char *www = NULL;
  g_autofree char *wrong = g_strconcat (f->user, "x", NULL);
  struct
  {
    const char *body;
    const char *words;
  } bad[] = {
    { "{", "not valid JSON" },
    { "{\"phoneNumbers\": [\"+233241234567\"]}", "“message”" },
    { "{\"message\": \"x\"}", "“phoneNumbers”" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"+1234567890\"]}", "+1234567890" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"+233241234567\"], \"isEncrypted\": true}", "isEncrypted" },
    { "{\"dataMessage\": {\"data\": \"AA==\", \"port\": 53739}, \"phoneNumbers\": [\"+233241234567\"]}", "text" },
    { "{\"id\": \"no spaces\", \"message\": \"x\", \"phoneNumbers\": [\"+233241234567\"]}", "“id”" },
  };

  {
    g_auto(TestAnswer) answer = { 0 };

    test_http_basic (&answer, "GET", url, NULL, NULL);
    g_assert_cmpuint (answer.status, ==, 401);
    www = test_answer_header (&answer, "WWW-Authenticate");
    g_assert_true (g_str_has_prefix (www, "Basic"));
  }
  {
    g_auto(TestAnswer) answer = { 0 };

    test_http_basic (&answer, "GET", url, wrong, NULL);
    g_assert_cmpuint (answer.status, ==, 401);
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonObject) refused = call (f, "POST", "/message", bad[i].body, 400);

      if (strstr (json_object_get_string_member (refused, "message"), bad[i].words) == NULL)
        g_error ("“%s” not in: %s", bad[i].words, json_object_get_string_member (refused, "message"));
    }
  g_clear_pointer (&www, g_free);
  {
    g_autoptr(JsonObject) missing = call (f, "GET", "/messages/nothing-here", NULL, 404);
    g_autoptr(JsonObject) method = call (f, "PUT", "/messages", "{}", 405);
    g_autoptr(JsonObject) nowhere = call (f, "GET", "/nowhere", NULL, 404);
    g_autoptr(JsonObject) state = call (f, "GET", "/messages?state=Lost", NULL, 400);

    g_assert_true (json_object_has_member (missing, "message"));
    g_assert_nonnull (strstr (json_object_get_string_member (method, "message"), "PUT"));
    g_assert_nonnull (strstr (json_object_get_string_member (nowhere, "message"), "/nowhere"));
    g_assert_nonnull (strstr (json_object_get_string_member (state, "message"), "“state”"));
  }
}

static gboolean
health_answers (const char *url,
                guint       status)
{
  g_auto(TestAnswer) probe = { 0 };

  test_http_basic (&probe, "GET", url, NULL, NULL);
  return probe.status == status;
}

static void
test_devices_health (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(TestAnswer) answer = { 0 };
  g_autofree char *health = g_strconcat (f->root, "/health", NULL);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *devices;

  /* No key needed for the probe. */
  test_http_basic (&answer, "GET", health, NULL, NULL);
  g_assert_cmpuint (answer.status, ==, 200);
  object = test_answer_json (&answer);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "pass");

  {
    g_auto(TestAnswer) list = { 0 };
    g_autofree char *url = g_strconcat (f->root, "/device", NULL);

    test_http_basic (&list, "GET", url, f->user, NULL);
    g_assert_cmpuint (list.status, ==, 200);
    json_parser_load_from_data (parser, list.body, -1, &error);
    g_assert_no_error (error);
    devices = json_node_get_array (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (devices), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (devices, 1), "id"), ==,
                     HERALD_TEST_MOCK_DEVICE_1);
  }

  /* No usable modem: the probe fails. */
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_0, "signal", g_variant_new_uint32 (0));
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "signal", g_variant_new_uint32 (0));
  test_poll_until (health_answers (health, 503));
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_0, "signal", g_variant_new_uint32 (70));
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "signal", g_variant_new_uint32 (70));
}

/* The answer's body as JSON (the test fails unless @status came). */
static JsonNode *
call_node (Fixture    *f,
           const char *method,
           const char *path,
           const char *body,
           guint       status)
{
  g_auto(TestAnswer) answer = { 0 };
  g_autofree char *url = g_strconcat (f->root, path, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  test_http_basic (&answer, method, url, f->user, body);
  if (answer.status != status)
    g_error ("%s %s answered %u, not %u: %s", method, path, answer.status, status, answer.body);
  if (answer.body == NULL || answer.body[0] == '\0')
    return NULL;
  json_parser_load_from_data (parser, answer.body, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Webhooks registered the app's way are posted sms:sent when a message
 * sent through the API goes out; listed; removed. */
static void
test_webhooks (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HeraldTestWebhookReceiver) receiver = herald_test_webhook_receiver_new ();
  g_autofree char *url = herald_test_webhook_receiver_url (receiver, "/hook");
  g_autofree char *body = g_strdup_printf ("{\"id\": \"hook-1\", \"url\": \"%s\", \"event\": \"sms:sent\"}", url);
  g_autoptr(JsonObject) added = call (f, "POST", "/webhooks", body, 201);
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) removed = NULL;
  g_autoptr(JsonObject) accepted = NULL;
  g_autoptr(JsonObject) bad = NULL;
  g_autoptr(JsonObject) post = NULL;
  JsonArray *array;

  g_assert_cmpstr (json_object_get_string_member (added, "id"), ==, "hook-1");
  g_assert_cmpstr (json_object_get_string_member (added, "url"), ==, url);
  g_assert_cmpstr (json_object_get_string_member (added, "event"), ==, "sms:sent");

  bad = call (f, "POST", "/webhooks", "{\"url\": \"http://127.0.0.1:1/x\", \"event\": \"sms:nothing\"}", 400);
  g_assert_nonnull (strstr (json_object_get_string_member (bad, "message"), "sms:received"));

  listed = call_node (f, "GET", "/webhooks", NULL, 200);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (listed));
  array = json_node_get_array (listed);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "id"), ==, "hook-1");

  accepted = call (f, "POST", "/message", "{\"message\": \"Hooked\", \"phoneNumbers\": [\"+233241234590\"]}", 202);
  test_poll_until (herald_test_webhook_receiver_count (receiver, "/hook") == 1);
  post = herald_test_webhook_request_json (herald_test_webhook_receiver_nth (receiver, "/hook", 0));
  g_assert_cmpstr (json_object_get_string_member (post, "event"), ==, "sms:sent");
  g_assert_cmpuint (herald_test_mock_count_sent ("+233241234590", "Hooked"), ==, 1);

  removed = call_node (f, "DELETE", "/webhooks/hook-1", NULL, 204);
  g_assert_null (removed);
  g_clear_pointer (&listed, json_node_unref);
  listed = call_node (f, "GET", "/webhooks", NULL, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 0);
  g_clear_pointer (&removed, json_node_unref);
  removed = call_node (f, "DELETE", "/webhooks/hook-1", NULL, 404);
}

/* The pacing as the app's settings; what does not apply here is refused. */
static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonObject) before = call (f, "GET", "/settings", NULL, 200);
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(JsonObject) other = NULL;
  g_autoptr(JsonObject) hourly = NULL;
  g_autoptr(JsonObject) uneven = NULL;
  JsonObject *messages = json_object_get_object_member (before, "messages");

  g_assert_cmpstr (json_object_get_string_member (messages, "limitPeriod"), ==, "Disabled");
  g_assert_cmpint (json_object_get_int_member (messages, "sendIntervalMin"), ==, 0);

  after = call (f, "PATCH", "/settings",
                "{\"messages\": {\"limitPeriod\": \"PerDay\", \"limitValue\": 500, \"sendIntervalMin\": 1}}", 200);
  messages = json_object_get_object_member (after, "messages");
  g_assert_cmpstr (json_object_get_string_member (messages, "limitPeriod"), ==, "PerDay");
  g_assert_cmpint (json_object_get_int_member (messages, "limitValue"), ==, 500);
  g_assert_cmpint (json_object_get_int_member (messages, "sendIntervalMin"), ==, 1);
  again = call (f, "GET", "/settings", NULL, 200);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (again, "messages"), "limitValue"),
                   ==, 500);

  other = call (f, "PATCH", "/settings", "{\"webhooks\": {\"retryCount\": 3}}", 400);
  g_assert_nonnull (strstr (json_object_get_string_member (other, "message"), "webhooks"));
  hourly = call (f, "PUT", "/settings", "{\"messages\": {\"limitPeriod\": \"PerHour\"}}", 400);
  g_assert_nonnull (strstr (json_object_get_string_member (hourly, "message"), "PerDay"));
  uneven = call (f, "PATCH", "/settings", "{\"messages\": {\"sendIntervalMin\": 1, \"sendIntervalMax\": 5}}", 400);
  g_assert_nonnull (strstr (json_object_get_string_member (uneven, "message"), "sendIntervalMax"));

  /* Back to no pacing: the sends of the other tests need none. */
  g_clear_pointer (&after, json_object_unref);
  after = call (f, "PATCH", "/settings", "{\"messages\": {\"limitPeriod\": \"Disabled\", \"sendIntervalMin\": 0}}", 200);
}

/* The app's own npm client (tests/bridge-client: `npm ci` there, which
 * build-aux/install-deps.sh does) through every call it has that the
 * bridge answers; the mock's record says the message went out once. */
static void
test_npm_client (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "bridge-client", "client-test.mjs", NULL);
  g_autofree char *module = g_test_build_filename (G_TEST_DIST, "bridge-client", "node_modules",
                                                   "android-sms-gateway", "package.json", NULL);
  g_autofree char *node = g_find_program_in_path ("node");
  g_auto(GStrv) user = g_strsplit (f->user, ":", 2);
  const char *text = "From the npm client";
  const char *argv[] = { node, script, f->root, user[0], user[1], "+233241234595", text, NULL };
  g_autofree char *out = NULL;
  int status = -1;

  /* build-aux/install-deps.sh installs both: their absence is a failure,
   * never a silent skip. */
  if (node == NULL || !g_file_test (module, G_FILE_TEST_EXISTS))
    g_error ("node or tests/bridge-client/node_modules is missing: run build-aux/install-deps.sh "
             "(or `npm ci` in tests/bridge-client)");
  out = test_run_program (argv, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "all calls answered"));
  g_assert_cmpuint (herald_test_mock_count_sent ("+233241234595", text), ==, 1);
}

/* GET /logs: the bridge's own events, the app's LogEntry shape. */
static void
test_logs (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonObject) bad = call (f, "POST", "/webhooks", "{\"url\": \"http://127.0.0.1:1/x\"}", 400);
  g_autoptr(JsonNode) logs = call_node (f, "GET", "/logs", NULL, 200);
  g_autoptr(JsonNode) none = call_node (f, "GET", "/logs?to=2020-01-01T00:00:00Z", NULL, 200);
  g_autoptr(JsonObject) wrong = call (f, "GET", "/logs?from=yesterday", NULL, 400);
  JsonArray *array = json_node_get_array (logs);
  gboolean found = FALSE;

  /* The refused POST above is one of the logged calls. */
  g_assert_nonnull (bad);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);

      g_assert_true (json_object_has_member (entry, "id"));
      g_assert_true (json_object_has_member (entry, "createdAt"));
      g_assert_true (json_object_has_member (entry, "module"));
      g_assert_true (json_object_has_member (entry, "priority"));
      found |= strstr (json_object_get_string_member (entry, "message"), "POST /webhooks") != NULL;
    }
  g_assert_true (found);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (none)), ==, 0);
  g_assert_nonnull (strstr (json_object_get_string_member (wrong, "message"), "from"));
}

/* POST /inbox/export: how many received messages it re-posted, -1 when
 * it did not answer 202. */
static gint64
export_inbox (Fixture    *f,
              const char *body)
{
  g_auto(TestAnswer) answer = { 0 };
  g_autofree char *url = g_strconcat (f->root, "/inbox/export", NULL);
  g_autoptr(JsonObject) object = NULL;

  test_http_basic (&answer, "POST", url, f->user, body);
  if (answer.status != 202)
    return -1;
  object = test_answer_json (&answer);
  return json_object_get_int_member (object, "count");
}

/* exportInbox re-posts the received messages of the range as sms:received. */
static void
test_inbox_export (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HeraldTestWebhookReceiver) receiver = herald_test_webhook_receiver_new ();
  g_autofree char *url = herald_test_webhook_receiver_url (receiver, "/received");
  g_autofree char *hook = g_strdup_printf ("{\"url\": \"%s\", \"event\": \"sms:received\"}", url);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) before = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) after = g_date_time_add_hours (now, 1);
  g_autofree char *since = g_date_time_format_iso8601 (before);
  g_autofree char *until = g_date_time_format_iso8601 (after);
  g_autofree char *range = g_strdup_printf ("{\"since\": \"%s\", \"until\": \"%s\"}", since, until);
  g_autofree char *past = g_strdup_printf ("{\"since\": \"2020-01-01T00:00:00Z\", \"until\": \"%s\"}", since);
  g_autofree char *sms = herald_test_mock_inject ("InjectSms", HERALD_TEST_MOCK_MODEM_0, "+233241234599",
                                                  "Exported reply");
  g_autoptr(JsonObject) added = NULL;
  g_autoptr(JsonObject) bad = NULL;
  g_autoptr(JsonObject) envelope = NULL;
  JsonObject *payload;

  g_assert_nonnull (sms);
  /* Once the bridge has stored it (no webhook yet: nothing is posted). */
  test_poll_until (export_inbox (f, range) == 1);
  added = call (f, "POST", "/webhooks", hook, 201);
  g_assert_cmpint (export_inbox (f, range), ==, 1);
  test_poll_until (herald_test_webhook_receiver_count (receiver, "/received") == 1);
  envelope = herald_test_webhook_request_json (herald_test_webhook_receiver_nth (receiver, "/received", 0));
  g_assert_cmpstr (json_object_get_string_member (envelope, "event"), ==, "sms:received");
  payload = json_object_get_object_member (envelope, "payload");
  g_assert_cmpstr (json_object_get_string_member (payload, "message"), ==, "Exported reply");
  g_assert_cmpstr (json_object_get_string_member (payload, "phoneNumber"), ==, "+233241234599");

  /* Outside the range: nothing; a range the wrong way round: refused. */
  g_assert_cmpint (export_inbox (f, past), ==, 0);
  bad = call (f, "POST", "/inbox/export", "{\"since\": \"2026-01-02T00:00:00Z\", \"until\": \"2026-01-01T00:00:00Z\"}",
              400);
  g_assert_nonnull (strstr (json_object_get_string_member (bad, "message"), "since"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/bridge/android/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("send", test_send);
  ADD ("idempotent", test_idempotent);
  ADD ("cancel", test_cancel);
  ADD ("cancel-too-late", test_cancel_too_late);
  ADD ("list", test_list);
  ADD ("errors", test_errors);
  ADD ("devices-health", test_devices_health);
  ADD ("webhooks", test_webhooks);
  ADD ("inbox-export", test_inbox_export);
  ADD ("logs", test_logs);
  ADD ("settings", test_settings);
  ADD ("npm-client", test_npm_client);
#undef ADD

  return g_test_run ();
}
