/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test-bridge-request"

#include <string.h>

#include "herald-core.h"

/* The bridge's request parsing (bridge/herald-bridge-request.c): pure
 * functions of bytes, so every case is a string in, a value or an error out. */

static HeraldBridgeSendRequest *
send_of (const char  *body,
         GError     **error)
{
  return herald_bridge_parse_send (body, strlen (body), error);
}

static void
test_send (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldBridgeSendRequest) request = NULL;

  request = send_of ("{\"to\": \"+233 24 123 4567\", \"message\": \"Hello\", \"device_id\": \"abc\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (request->recipients->len, ==, 1);
  g_assert_cmpstr (request->recipients->pdata[0], ==, "+233241234567");
  g_assert_cmpstr (request->message, ==, "Hello");
  g_assert_cmpstr (request->device_id, ==, "abc");
  g_clear_pointer (&request, herald_bridge_send_request_free);

  /* An empty or null device_id is none; a null media_url is no media. */
  request = send_of ("{\"to\": \"+233241234567\", \"message\": \"Hi\", \"device_id\": \"\", \"media_url\": null}",
                     &error);
  g_assert_no_error (error);
  g_assert_null (request->device_id);
}

static void
test_send_errors (void)
{
  const struct
  {
    const char *body;
    int         code;
    const char *words;
  } cases[] = {
    { "", HERALD_BRIDGE_REQUEST_ERROR_BAD_JSON, "empty" },
    { "{", HERALD_BRIDGE_REQUEST_ERROR_BAD_JSON, "not valid JSON" },
    { "\"text\"", HERALD_BRIDGE_REQUEST_ERROR_BAD_JSON, "one JSON object" },
    { "[]", HERALD_BRIDGE_REQUEST_ERROR_BAD_JSON, "one JSON object" },
    { "{\"message\": \"x\"}", HERALD_BRIDGE_REQUEST_ERROR_MISSING_FIELD, "“to”" },
    { "{\"to\": null, \"message\": \"x\"}", HERALD_BRIDGE_REQUEST_ERROR_MISSING_FIELD, "“to”" },
    { "{\"to\": \"+233241234567\"}", HERALD_BRIDGE_REQUEST_ERROR_MISSING_FIELD, "“message”" },
    { "{\"to\": \"+233241234567\", \"message\": \"\"}", HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD, "empty" },
    { "{\"to\": [\"+233241234567\"], \"message\": \"x\"}", HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD, "string" },
    { "{\"to\": \"+233241234567\", \"message\": 5}", HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD, "string" },
    { "{\"to\": \"+1234567890\", \"message\": \"x\"}", HERALD_BRIDGE_REQUEST_ERROR_INVALID_NUMBER, "“to”" },
    { "{\"to\": \"0241234567\", \"message\": \"x\"}", HERALD_BRIDGE_REQUEST_ERROR_INVALID_NUMBER, "international" },
    { "{\"to\": \"+233241234567\", \"message\": \"x\", \"media_url\": \"\"}", HERALD_BRIDGE_REQUEST_ERROR_MEDIA,
      "media_url" },
    { "{\"to\": \"+233241234567\", \"message\": \"x\", \"media_url\": \"https://e.com/a.pdf\"}",
      HERALD_BRIDGE_REQUEST_ERROR_MEDIA, "modems" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HeraldBridgeSendRequest) request = send_of (cases[i].body, &error);

      g_test_message ("case %u: %s", i, cases[i].body);
      g_assert_null (request);
      g_assert_error (error, HERALD_BRIDGE_REQUEST_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }

  /* Bytes that are not UTF-8, and a NUL inside. */
  {
    g_autoptr(GError) error = NULL;
    const char body[] = "{\"to\": \"+233241234567\", \"message\": \"\xff\"}";

    g_assert_null (herald_bridge_parse_send (body, sizeof body - 1, &error));
    g_assert_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_BAD_JSON);
  }
  {
    g_autoptr(GError) error = NULL;
    const char body[] = "{\"to\": \"+233241234567\", \"message\": \"a\0b\"}";

    g_assert_null (herald_bridge_parse_send (body, sizeof body - 1, &error));
    g_assert_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_BAD_JSON);
  }
}

static void
test_bulk (void)
{
  const char *body = "{\"recipients\": [\"+233241234567\", \"junk\", \"+233 54 123 4567\"], \"message\": \"Hi\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldBridgeSendRequest) request = herald_bridge_parse_bulk (body, strlen (body), &error);
  const HeraldBridgeInvalid *invalid;

  g_assert_no_error (error);
  g_assert_cmpuint (request->recipients->len, ==, 2);
  g_assert_cmpstr (request->recipients->pdata[0], ==, "+233241234567");
  g_assert_cmpstr (request->recipients->pdata[1], ==, "+233541234567");
  g_assert_cmpuint (request->invalid->len, ==, 1);
  invalid = request->invalid->pdata[0];
  g_assert_cmpstr (invalid->input, ==, "junk");
  g_assert_nonnull (invalid->reason);
}

static void
test_bulk_errors (void)
{
  g_autoptr(GString) hundred = g_string_new ("{\"message\": \"x\", \"recipients\": [");
  g_autoptr(GString) too_many = NULL;
  g_autoptr(HeraldBridgeSendRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  const char *none_valid = "{\"recipients\": [\"+1234567890\"], \"message\": \"x\"}";
  const char *empty = "{\"recipients\": [], \"message\": \"x\"}";
  const char *media = "{\"recipients\": [\"+233241234567\"], \"message\": \"x\", \"media_url\": \"u\"}";

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (hundred, "%s\"+2332412%05u\"", i > 0 ? ", " : "", i);
  too_many = g_string_new (hundred->str);
  g_string_append (hundred, "]}");
  g_string_append (too_many, ", \"+233241299999\"]}");

  /* 100 is the limit, 101 is over it. */
  request = herald_bridge_parse_bulk (hundred->str, hundred->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (request->recipients->len, ==, 100);
  g_clear_pointer (&request, herald_bridge_send_request_free);
  request = herald_bridge_parse_bulk (too_many->str, too_many->len, &error);
  g_assert_null (request);
  g_assert_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_TOO_MANY);
  g_clear_error (&error);

  request = herald_bridge_parse_bulk (none_valid, strlen (none_valid), &error);
  g_assert_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_NUMBER);
  g_clear_error (&error);
  request = herald_bridge_parse_bulk (empty, strlen (empty), &error);
  g_assert_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  request = herald_bridge_parse_bulk (media, strlen (media), &error);
  g_assert_error (error, HERALD_BRIDGE_REQUEST_ERROR, HERALD_BRIDGE_REQUEST_ERROR_MEDIA);
  g_assert_cmpstr (herald_bridge_request_error_code (error), ==, "media_not_supported");
}

static void
test_received_query (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldBridgeReceivedQuery) query = NULL;

  query = herald_bridge_parse_received_query (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (query->page, ==, 1);
  g_assert_null (query->from);
  g_clear_pointer (&query, herald_bridge_received_query_free);

  query = herald_bridge_parse_received_query ("page=3&device_id=abc&from=%2B233241234567"
                                              "&since=2024-01-01T00:00:00Z&until=2024-01-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (query->page, ==, 3);
  g_assert_cmpstr (query->device_id, ==, "abc");
  g_assert_cmpstr (query->from, ==, "+233241234567");
  g_assert_cmpint (query->since, ==, G_GINT64_CONSTANT (1704067200) * G_USEC_PER_SEC);
  g_assert_cmpint (query->until, ==, G_GINT64_CONSTANT (1706659200) * G_USEC_PER_SEC);
  g_clear_pointer (&query, herald_bridge_received_query_free);

  const char *bad[] = { "page=0", "page=x", "page=-1", "from=12", "since=yesterday", "until=2024-13-01" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) local = NULL;

      g_assert_null (herald_bridge_parse_received_query (bad[i], &local));
      g_assert_nonnull (local);
      g_assert_true (local->domain == HERALD_BRIDGE_REQUEST_ERROR);
    }
}

static void
test_bearer (void)
{
  const char *key = NULL;
  gsize length = 0;

  g_assert_true (herald_bridge_parse_bearer ("Bearer hbk_abc", &key, &length));
  g_assert_cmpuint (length, ==, 7);
  g_assert_cmpint (strncmp (key, "hbk_abc", length), ==, 0);
  g_assert_true (herald_bridge_parse_bearer ("bearer   hbk_abc  ", &key, &length));
  g_assert_cmpuint (length, ==, 7);
  g_assert_false (herald_bridge_parse_bearer (NULL, &key, &length));
  g_assert_false (herald_bridge_parse_bearer ("Basic dXNlcjpwYXNz", &key, &length));
  g_assert_false (herald_bridge_parse_bearer ("Bearer", &key, &length));
  g_assert_false (herald_bridge_parse_bearer ("Bearer   ", &key, &length));
  g_assert_false (herald_bridge_parse_bearer ("Bearerhbk_abc", &key, &length));
}

static void
test_match_path (void)
{
  g_autofree char *param = NULL;

  g_assert_true (herald_bridge_match_path ("/sms/send", "/sms/send", NULL));
  g_assert_true (herald_bridge_match_path ("/sms/send", "/sms/send/", NULL));
  g_assert_false (herald_bridge_match_path ("/sms/send", "/sms/sendx", NULL));
  g_assert_false (herald_bridge_match_path ("/sms/send", "/sms", NULL));
  g_assert_false (herald_bridge_match_path ("/sms/send", "/sms/send/more", NULL));
  g_assert_false (herald_bridge_match_path ("/sms/send", "sms/send", NULL));
  g_assert_true (herald_bridge_match_path ("/sms/status/:id", "/sms/status/a%20b", &param));
  g_assert_cmpstr (param, ==, "a b");
  g_clear_pointer (&param, g_free);
  g_assert_false (herald_bridge_match_path ("/sms/status/:id", "/sms/status/", &param));
  g_assert_false (herald_bridge_match_path ("/sms/status/:id", "/sms/status/a%2Fb", &param));
  g_assert_null (param);
}

static void
test_key_set (void)
{
  g_autoptr(HeraldBridgeKeySet) set = herald_bridge_key_set_new ();
  g_autoptr(HeraldBridgeKeyInfo) one = herald_bridge_key_info_new ("one", 100, 1);
  g_autoptr(HeraldBridgeKeyInfo) two = herald_bridge_key_info_new ("two", 0, 2);
  g_autoptr(GError) error = NULL;
  char *generated = herald_bridge_key_generate (&error);
  char *again = herald_bridge_key_generate (&error);
  const HeraldBridgeKeyInfo *found;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (generated, HERALD_BRIDGE_KEY_PREFIX));
  g_assert_cmpuint (strlen (generated), ==, 4 + 43);
  g_assert_cmpstr (generated, !=, again);
  for (const char *p = generated + 4; *p != '\0'; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_');

  g_assert_null (herald_bridge_key_set_match (set, generated, strlen (generated)));
  herald_bridge_key_set_add (set, one, generated);
  herald_bridge_key_set_add (set, two, again);
  g_assert_cmpuint (herald_bridge_key_set_get_size (set), ==, 2);

  found = herald_bridge_key_set_match (set, generated, strlen (generated));
  g_assert_nonnull (found);
  g_assert_cmpstr (found->name, ==, "one");
  found = herald_bridge_key_set_match (set, again, strlen (again));
  g_assert_nonnull (found);
  g_assert_cmpstr (found->name, ==, "two");
  /* A prefix, a longer string, one byte off, nothing. */
  g_assert_null (herald_bridge_key_set_match (set, generated, strlen (generated) - 1));
  g_assert_null (herald_bridge_key_set_match (set, "", 0));
  g_assert_null (herald_bridge_key_set_match (set, NULL, 0));
  {
    g_autofree char *longer = g_strconcat (generated, "x", NULL);
    g_autofree char *off = g_strdup (generated);

    g_assert_null (herald_bridge_key_set_match (set, longer, strlen (longer)));
    off[10] ^= 1;
    g_assert_null (herald_bridge_key_set_match (set, off, strlen (off)));
    off[10] ^= 1;
    off[0] ^= 1;
    g_assert_null (herald_bridge_key_set_match (set, off, strlen (off)));
    off[0] ^= 1;
    off[strlen (off) - 1] ^= 1;
    g_assert_null (herald_bridge_key_set_match (set, off, strlen (off)));
  }
  herald_bridge_key_free (generated);
  herald_bridge_key_free (again);

  g_assert_true (herald_bridge_key_name_is_valid ("ci-bot@host_1.x"));
  g_assert_false (herald_bridge_key_name_is_valid (""));
  g_assert_false (herald_bridge_key_name_is_valid ("a b"));
  g_assert_false (herald_bridge_key_name_is_valid ("é"));
}

static void
test_listen (void)
{
  g_autofree char *address = NULL;
  g_autoptr(GError) error = NULL;
  guint port = 0;

  g_assert_true (herald_bridge_parse_listen (NULL, &address, &port, &error));
  g_assert_cmpstr (address, ==, "127.0.0.1");
  g_assert_cmpuint (port, ==, 8787);
  g_clear_pointer (&address, g_free);
  g_assert_true (herald_bridge_parse_listen ("[::1]:9000", &address, &port, &error));
  g_assert_cmpstr (address, ==, "::1");
  g_assert_cmpuint (port, ==, 9000);
  g_clear_pointer (&address, g_free);
  g_assert_false (herald_bridge_parse_listen ("localhost:9000", &address, &port, &error));
  g_assert_error (error, HERALD_BRIDGE_SERVER_ERROR, HERALD_BRIDGE_SERVER_ERROR_ADDRESS);
  g_clear_error (&error);
  g_assert_false (herald_bridge_parse_listen ("127.0.0.1:70000", &address, &port, &error));
  g_assert_error (error, HERALD_BRIDGE_SERVER_ERROR, HERALD_BRIDGE_SERVER_ERROR_ADDRESS);
  g_clear_error (&error);
  g_assert_false (herald_bridge_parse_listen ("127.0.0.1", &address, &port, &error));
  g_assert_error (error, HERALD_BRIDGE_SERVER_ERROR, HERALD_BRIDGE_SERVER_ERROR_ADDRESS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bridge-request/send", test_send);
  g_test_add_func ("/bridge-request/send-errors", test_send_errors);
  g_test_add_func ("/bridge-request/bulk", test_bulk);
  g_test_add_func ("/bridge-request/bulk-errors", test_bulk_errors);
  g_test_add_func ("/bridge-request/received-query", test_received_query);
  g_test_add_func ("/bridge-request/bearer", test_bearer);
  g_test_add_func ("/bridge-request/match-path", test_match_path);
  g_test_add_func ("/bridge-request/key-set", test_key_set);
  g_test_add_func ("/bridge-request/listen", test_listen);

  return g_test_run ();
}
