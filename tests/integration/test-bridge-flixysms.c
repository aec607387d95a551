/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test-bridge-flixysms"

#include <json-glib/json-glib.h>
#include <string.h>

#include "herald-test-mock-modem.h"
#include "herald-test-util.h"
#include "test-bridge-util.h"

/* `heraldctl bridge serve` end to end, against the mock ModemManager with
 * two modems (--mock-modems 2) and a private keyring: the curl examples of
 * ../shared/specs/flixysms-api.txt run through /bin/sh exactly as the
 * document writes them except the host and the key, then the same requests
 * with Python's standard library (urllib). What reached the network is read
 * from the mock modems' own record of what they sent (ListSent), never from
 * the bridge's answers. */

#define DOC_BASE "https://flixysms.com/api/v1"

/* The document's send and bulk examples, byte for byte. */
static const char doc_send[] =
  "curl -X POST \\\n"
  "\"https://flixysms.com/api/v1/sms/send\" \\\n"
  "-H \"Authorization: Bearer YOUR_API_KEY\" \\\n"
  "-H \"Content-Type: application/json\" \\\n"
  "-d '{\n"
  "\"to\": \"+1234567890\",\n"
  "\"message\": \"Check out this document!\",\n"
  "\"device_id\": \"optional-device-uuid\",\n"
  "\"media_url\": \"https://example.com/document.pdf\"\n"
  "}'";

static const char doc_bulk[] =
  "curl -X POST \\\n"
  "\"https://flixysms.com/api/v1/sms/bulk\" \\\n"
  "-H \"Authorization: Bearer YOUR_API_KEY\" \\\n"
  "-H \"Content-Type: application/json\" \\\n"
  "-d '{\n"
  "\"recipients\": [\n"
  "\"+1234567890\",\n"
  "\"+0987654321\",\n"
  "\"+1122334455\"\n"
  "],\n"
  "\"message\": \"Check out this document!\",\n"
  "\"device_id\": \"optional-device-uuid\",\n"
  "\"media_url\": \"https://example.com/document.pdf\"\n"
  "}'";

/* The status and received examples: the document's text lost its line
 * breaks ("\ " where a "\" ended a line); they are put back, nothing else. */
static const char doc_status[] =
  "curl -X GET \\\n"
  " \"https://flixysms.com/api/v1/sms/status/123e4567-e89b-12d3-a456-426614174000\" \\\n"
  " -H \"Authorization: Bearer YOUR_API_KEY\"";

static const char doc_received[] =
  "curl -X GET \\\n"
  " \"https://flixysms.com/api/v1/messages/received?page=1&device_id=987e6543-e89b-12d3-a456-426614174000\" \\\n"
  " -H \"Authorization: Bearer YOUR_API_KEY\"";

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

/* @example with the bridge's host and @key, then each (from, to) pair of
 * @edits (NULL-terminated), run by /bin/sh: its stdout as JSON. */
static JsonObject *
run_example (const char         *example,
             TestBridge         *bridge,
             const char         *key,
             const char * const *edits)
{
  g_autofree char *with_host = replace (example, DOC_BASE, bridge->base);
  g_autofree char *command = replace (with_host, "YOUR_API_KEY", key);
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  for (guint i = 0; edits != NULL && edits[i] != NULL; i += 2)
    {
      char *edited;

      g_assert_nonnull (strstr (command, edits[i]));
      edited = replace (command, edits[i], edits[i + 1]);
      g_free (command);
      command = edited;
    }
  {
    const char *argv[] = { "/bin/sh", "-c", command, NULL };

    out = test_run_program (argv, &status);
  }
  g_assert_cmpint (status, ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
assert_refused (JsonObject *answer,
                const char *code)
{
  g_assert_false (json_object_get_boolean_member (answer, "success"));
  g_assert_cmpstr (json_object_get_string_member (answer, "code"), ==, code);
  g_assert_cmpuint (strlen (json_object_get_string_member (answer, "error")), >, 20);
}

/* Whether the status example answers @wanted; a status on the way there
 * (queued, sending) is fine, anything else fails the test. */
static gboolean
example_status_is (const char *command,
                   TestBridge *bridge,
                   const char *key,
                   const char *wanted)
{
  g_autoptr(JsonObject) answer = run_example (command, bridge, key, NULL);
  const char *status;

  g_assert_true (json_object_get_boolean_member (answer, "success"));
  status = json_object_get_string_member (json_object_get_object_member (answer, "data"), "status");
  g_assert_true (g_str_equal (status, "queued") || g_str_equal (status, "sending") || g_str_equal (status, wanted));
  return g_str_equal (status, wanted);
}

static const char * const make_sendable_send[] = {
  /* a modem sends no media; the document's numbers are not valid ones;
   * a real device's UUID instead of the placeholder */
  ",\n\"media_url\": \"https://example.com/document.pdf\"", "",
  "+1234567890", "+233241234567",
  "optional-device-uuid", HERALD_TEST_MOCK_DEVICE_1,
  NULL,
};

static const char * const make_sendable_bulk[] = {
  ",\n\"media_url\": \"https://example.com/document.pdf\"", "",
  "+1234567890", "+233241234568",
  "+0987654321", "+233241234569",
  "+1122334455", "+233241234570",
  "optional-device-uuid", HERALD_TEST_MOCK_DEVICE_0,
  NULL,
};

static void
test_curl_examples (void)
{
  g_autofree char *key = test_bridge_create_key ("curl", "0");
  TestBridge *bridge = test_bridge_start ();
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *message_id = NULL;
  g_autofree char *status_command = NULL;
  JsonArray *ids;

  /* As written: the document's media_url, which no modem can send, is
   * refused with a clear error, and nothing is sent. */
  answer = run_example (doc_send, bridge, key, NULL);
  assert_refused (answer, "media_not_supported");
  g_assert_nonnull (strstr (json_object_get_string_member (answer, "error"), "media_url"));
  g_clear_pointer (&answer, json_object_unref);
  answer = run_example (doc_bulk, bridge, key, NULL);
  assert_refused (answer, "media_not_supported");
  g_clear_pointer (&answer, json_object_unref);

  /* Without media_url, the document's numbers are refused as numbers. */
  {
    const char * const no_media[] = { ",\n\"media_url\": \"https://example.com/document.pdf\"", "", NULL };

    answer = run_example (doc_send, bridge, key, no_media);
    assert_refused (answer, "invalid_number");
    g_clear_pointer (&answer, json_object_unref);
  }

  /* Sendable: the message leaves through the named modem. */
  answer = run_example (doc_send, bridge, key, make_sendable_send);
  g_assert_true (json_object_get_boolean_member (answer, "success"));
  g_assert_cmpstr (json_object_get_string_member (answer, "status"), ==, "queued");
  g_assert_cmpstr (json_object_get_string_member (answer, "to"), ==, "+233241234567");
  g_assert_cmpstr (json_object_get_string_member (answer, "device_id"), ==, HERALD_TEST_MOCK_DEVICE_1);
  message_id = g_strdup (json_object_get_string_member (answer, "message_id"));
  g_assert_true (g_uuid_string_is_valid (message_id));
  g_clear_pointer (&answer, json_object_unref);
  test_poll_until (herald_test_mock_count_sent ("+233241234567", "Check out this document!") == 1);

  answer = run_example (doc_bulk, bridge, key, make_sendable_bulk);
  g_assert_true (json_object_get_boolean_member (answer, "success"));
  ids = json_object_get_array_member (answer, "message_ids");
  g_assert_cmpuint (json_array_get_length (ids), ==, 3);
  data = json_object_ref (json_object_get_object_member (answer, "stats"));
  g_assert_cmpint (json_object_get_int_member (data, "total"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (data, "valid"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (data, "invalid"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (data, "queued"), ==, 3);
  g_clear_pointer (&data, json_object_unref);
  g_clear_pointer (&answer, json_object_unref);
  test_poll_until (herald_test_mock_count_sent ("+233241234568", "Check out this document!") == 1 &&
                   herald_test_mock_count_sent ("+233241234569", "Check out this document!") == 1 &&
                   herald_test_mock_count_sent ("+233241234570", "Check out this document!") == 1);

  /* Status, as written: an id this bridge never gave is 404. */
  answer = run_example (doc_status, bridge, key, NULL);
  assert_refused (answer, "not_found");
  g_clear_pointer (&answer, json_object_unref);

  /* With the id it gave: sent, by the modem it was sent to (the mock's
   * own record proved it went; this is the bridge catching up). */
  status_command = replace (doc_status, "123e4567-e89b-12d3-a456-426614174000", message_id);
  test_poll_until (example_status_is (status_command, bridge, key, "sent"));
  answer = run_example (status_command, bridge, key, NULL);
  data = json_object_ref (json_object_get_object_member (answer, "data"));
  g_assert_cmpstr (json_object_get_string_member (data, "message_id"), ==, message_id);
  g_assert_cmpstr (json_object_get_string_member (data, "device_id"), ==, HERALD_TEST_MOCK_DEVICE_1);
  g_clear_pointer (&answer, json_object_unref);

  /* Received, as written: a device this bridge does not have has none. */
  answer = run_example (doc_received, bridge, key, NULL);
  g_assert_true (json_object_get_boolean_member (answer, "success"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (answer, "data")), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (answer, "pagination"), "per_page"),
                   ==, 25);

  test_bridge_stop (bridge);
}

static gboolean
modem_holds (const char *modem_path,
             const char *sms_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (herald_test_mock_bus (),
                                                           "org.freedesktop.ModemManager1", modem_path,
                                                           "org.freedesktop.ModemManager1.Modem.Messaging",
                                                           "List", NULL, G_VARIANT_TYPE ("(ao)"),
                                                           G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_autoptr(GVariantIter) iter = NULL;
  const char *path;

  g_assert_no_error (error);
  g_variant_get (reply, "(ao)", &iter);
  while (g_variant_iter_next (iter, "&o", &path))
    if (g_str_equal (path, sms_path))
      return TRUE;
  return FALSE;
}

/* How many messages GET /messages/received?page=1@query lists. */
static guint
received_count (TestBridge *bridge,
                const char *key,
                const char *query)
{
  g_auto(TestAnswer) answer = { 0 };
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *url = g_strdup_printf ("%s/messages/received?page=1%s", bridge->base, query);

  test_http (&answer, "GET", url, key, NULL);
  g_assert_cmpuint (answer.status, ==, 200);
  object = test_answer_json (&answer);
  return json_array_get_length (json_object_get_array_member (object, "data"));
}

static void
test_received (void)
{
  g_autofree char *key = test_bridge_create_key ("inbound", "0");
  TestBridge *bridge = test_bridge_start ();
  g_autofree char *sms = herald_test_mock_inject ("InjectSms", HERALD_TEST_MOCK_MODEM_0, "+233209876543",
                                                  "Is the shop open today?");
  g_autofree char *received_doc = NULL;
  g_autoptr(JsonObject) answer = NULL;
  JsonObject *message;

  test_poll_until (received_count (bridge, key, "&device_id=" HERALD_TEST_MOCK_DEVICE_0) == 1);
  /* Stored, then deleted from the modem so the SIM never fills. */
  test_poll_until (!modem_holds (HERALD_TEST_MOCK_MODEM_0, sms));

  /* The document's request, with this bridge's device. */
  received_doc = replace (doc_received, "987e6543-e89b-12d3-a456-426614174000", HERALD_TEST_MOCK_DEVICE_0);
  answer = run_example (received_doc, bridge, key, NULL);
  g_assert_true (json_object_get_boolean_member (answer, "success"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (answer, "data")), ==, 1);
  message = json_array_get_object_element (json_object_get_array_member (answer, "data"), 0);
  g_assert_cmpstr (json_object_get_string_member (message, "from"), ==, "+233209876543");
  g_assert_cmpstr (json_object_get_string_member (message, "message"), ==, "Is the shop open today?");
  g_assert_cmpstr (json_object_get_string_member (message, "device_id"), ==, HERALD_TEST_MOCK_DEVICE_0);
  g_assert_cmpstr (json_object_get_string_member (message, "type"), ==, "sms");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (message, "received_at"), "Z"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (answer, "pagination"), "total"),
                   ==, 1);
  /* The filters: a period around now has it, periods before and after
   * do not; its sender has it, another one does not. */
  g_assert_cmpuint (received_count (bridge, key, "&since=2000-01-01&until=2999-12-31T23:59:59Z"), ==, 1);
  g_assert_cmpuint (received_count (bridge, key, "&until=2000-01-01T00:00:00Z"), ==, 0);
  g_assert_cmpuint (received_count (bridge, key, "&since=2999-01-01"), ==, 0);
  g_assert_cmpuint (received_count (bridge, key, "&from=%2B233209876543"), ==, 1);
  g_assert_cmpuint (received_count (bridge, key, "&from=%2B233209876544"), ==, 0);
  /* The other modem received nothing. */
  g_assert_cmpuint (received_count (bridge, key, "&device_id=" HERALD_TEST_MOCK_DEVICE_1), ==, 0);

  test_bridge_stop (bridge);
}

/* The same requests as the document's Python examples, with the standard
 * library instead of requests: what an integration without extra packages
 * writes. Prints one JSON object of what each call answered. */
static const char python_script[] =
  "import json, os, sys, urllib.request, urllib.error\n"
  "base, key, device = os.environ['BRIDGE'], os.environ['KEY'], os.environ['DEVICE']\n"
  "def call(method, path, body=None):\n"
  "    headers = {'Authorization': 'Bearer ' + key}\n"
  "    data = None\n"
  "    if body is not None:\n"
  "        headers['Content-Type'] = 'application/json'\n"
  "        data = json.dumps(body).encode()\n"
  "    request = urllib.request.Request(base + path, data=data, headers=headers, method=method)\n"
  "    try:\n"
  "        with urllib.request.urlopen(request) as response:\n"
  "            return {'status': response.status, 'body': json.load(response)}\n"
  "    except urllib.error.HTTPError as error:\n"
  "        return {'status': error.code, 'body': json.load(error)}\n"
  "out = {}\n"
  "out['as_written'] = call('POST', '/sms/send', {'to': '+1234567890', 'message': 'Check out this document!',\n"
  "    'device_id': 'optional-device-uuid', 'media_url': 'https://example.com/document.pdf'})\n"
  "out['send'] = call('POST', '/sms/send', {'to': '+233241234571', 'message': 'Sent from urllib',\n"
  "    'device_id': device})\n"
  "out['bulk'] = call('POST', '/sms/bulk', {'recipients': ['+233241234572', '+233241234573', 'not a number'],\n"
  "    'message': 'Bulk from urllib'})\n"
  "out['status'] = call('GET', '/sms/status/' + out['send']['body']['message_id'])\n"
  "out['received'] = call('GET', '/messages/received?page=1&device_id=' + device)\n"
  "out['devices'] = call('GET', '/devices')\n"
  "json.dump(out, sys.stdout)\n";

static JsonObject *
member (JsonObject *object,
        const char *name,
        guint       status)
{
  JsonObject *call = json_object_get_object_member (object, name);

  g_assert_cmpint (json_object_get_int_member (call, "status"), ==, status);
  return json_object_get_object_member (call, "body");
}

static void
test_python (void)
{
  g_autofree char *key = test_bridge_create_key ("python", NULL);
  TestBridge *bridge = test_bridge_start ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  JsonObject *root;
  JsonObject *body;
  JsonArray *devices;

  g_subprocess_launcher_setenv (launcher, "BRIDGE", bridge->base, TRUE);
  g_subprocess_launcher_setenv (launcher, "KEY", key, TRUE);
  g_subprocess_launcher_setenv (launcher, "DEVICE", HERALD_TEST_MOCK_DEVICE_0, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, "/usr/bin/python3", "-c", python_script, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, herald_test_async_done, &result);
  g_subprocess_communicate_utf8_finish (process, herald_test_wait (&result), &out, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  body = member (root, "as_written", 400);
  assert_refused (body, "media_not_supported");
  body = member (root, "send", 200);
  g_assert_true (json_object_get_boolean_member (body, "success"));
  g_assert_cmpstr (json_object_get_string_member (body, "status"), ==, "queued");
  body = member (root, "bulk", 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (body, "message_ids")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (body, "stats"), "invalid"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (body, "invalid"), 0), "to"), ==, "not a number");
  body = member (root, "status", 200);
  g_assert_true (json_object_get_boolean_member (body, "success"));
  member (root, "received", 200);
  body = member (root, "devices", 200);
  devices = json_object_get_array_member (body, "data");
  g_assert_cmpuint (json_array_get_length (devices), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (devices, 0), "device_id"), ==,
                   HERALD_TEST_MOCK_DEVICE_0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (devices, 0), "state"), ==,
                   "registered");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (devices, 0), "signal"), ==, 70);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (devices, 0), "operator"), ==,
                   "Mock Telecom");

  test_poll_until (herald_test_mock_count_sent ("+233241234571", "Sent from urllib") == 1 &&
                   herald_test_mock_count_sent ("+233241234572", "Bulk from urllib") == 1 &&
                   herald_test_mock_count_sent ("+233241234573", "Bulk from urllib") == 1);

  test_bridge_stop (bridge);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bridge/flixysms/curl-examples", test_curl_examples);
  g_test_add_func ("/bridge/flixysms/received", test_received);
  g_test_add_func ("/bridge/flixysms/python-urllib", test_python);

  return g_test_run ();
}
