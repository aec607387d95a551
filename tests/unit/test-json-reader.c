/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "net/herald-json-reader.h"
#include "net/herald-provider-error.h"
#include "net/herald-rest-call.h"

/* Errors as "label|field|problem", so a test reads what the dialect gets. */
static GError *
plain_error (const char        *label,
             const char        *field,
             HeraldJsonProblem  problem)
{
  return g_error_new (HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE,
                      "%s|%s|%d", label, field != NULL ? field : "(body)", problem);
}

static const HeraldJsonRules strict = { plain_error, FALSE };
static const HeraldJsonRules lenient = { plain_error, TRUE };

static JsonNode *
parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));

  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_problem (GError     *error,
                const char *expected)
{
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_json_reader_fields (void)
{
  g_autoptr(JsonNode) root = parse ("{\"id\": \"a\", \"empty\": \"\", \"n\": 2.0, \"null\": null,"
                                    " \"when\": \"2024-12-21T10:30:00Z\", \"data\": {\"items\": [{\"x\": 1}, 3]}}");
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *id = NULL;
  g_autofree char *absent = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *item_path = NULL;
  HeraldJsonCursor top, data, item;
  GError *error = NULL;
  JsonArray *items;
  gboolean flag = FALSE;
  gint64 n = 0;

  g_assert_true (herald_json_read_root (root, &strict, "GET /x", &top, &error));
  g_assert_true (herald_json_read_string (&top, "id", HERALD_JSON_REQUIRED | HERALD_JSON_NON_EMPTY, &id, &error));
  g_assert_cmpstr (id, ==, "a");
  /* absent and null leave an optional value alone */
  g_assert_true (herald_json_read_string (&top, "nothing", HERALD_JSON_OPTIONAL, &absent, &error));
  g_assert_true (herald_json_read_string (&top, "null", HERALD_JSON_OPTIONAL, &absent, &error));
  g_assert_null (absent);
  g_assert_true (herald_json_read_time (&top, "when", HERALD_JSON_REQUIRED, &when, &error));
  g_assert_cmpint (g_date_time_to_unix (when), ==, 1734777000);
  g_assert_no_error (error);

  g_assert_false (herald_json_read_string (&top, "null", HERALD_JSON_REQUIRED, &absent, &error));
  assert_problem (error, "GET /x|null|0");
  g_clear_error (&error);
  g_assert_false (herald_json_read_string (&top, "empty", HERALD_JSON_NON_EMPTY, &absent, &error));
  assert_problem (error, "GET /x|empty|2");
  g_clear_error (&error);
  /* 2.0 is an integer only where the dialect says so */
  g_assert_false (herald_json_read_int (&top, "n", HERALD_JSON_REQUIRED, 0, 10, &n, &error));
  assert_problem (error, "GET /x|n|3");
  g_clear_error (&error);
  top.rules = &lenient;
  g_assert_true (herald_json_read_int (&top, "n", HERALD_JSON_REQUIRED, 0, 10, &n, &error));
  g_assert_cmpint (n, ==, 2);
  g_assert_false (herald_json_read_int (&top, "n", HERALD_JSON_REQUIRED, 3, 10, &n, &error));
  assert_problem (error, "GET /x|n|4");
  g_clear_error (&error);

  /* paths name the field as it is found in the body */
  g_assert_true (herald_json_read_object (&top, "data", HERALD_JSON_REQUIRED, &data, &data_path, &error));
  g_assert_cmpstr (data.path, ==, "data");
  g_assert_true (herald_json_read_array (&data, "items", HERALD_JSON_REQUIRED, &items, &error));
  g_assert_true (herald_json_read_element (&data, "items", items, 0, &item, &item_path, &error));
  g_assert_false (herald_json_read_bool (&item, "x", HERALD_JSON_REQUIRED, &flag, &error));
  assert_problem (error, "GET /x|data.items[0].x|6");
  g_clear_error (&error);
  g_clear_pointer (&item_path, g_free);
  g_assert_false (herald_json_read_element (&data, "items", items, 1, &item, &item_path, &error));
  assert_problem (error, "GET /x|data.items[1]|7");
  g_clear_error (&error);

  g_assert_false (herald_json_read_root (NULL, &strict, "GET /x", &top, &error));
  assert_problem (error, "GET /x|(body)|7");
  g_clear_error (&error);
}

static void
test_json_reader_strv (void)
{
  g_autoptr(JsonNode) root = parse ("{\"ids\": [\"a\", \"b\"], \"holes\": [\"a\", null], \"blank\": [\"\"]}");
  g_auto(GStrv) ids = NULL;
  HeraldJsonCursor top;
  GError *error = NULL;

  g_assert_true (herald_json_read_root (root, &strict, "bulk", &top, &error));
  ids = herald_json_read_strv (&top, "ids", HERALD_JSON_REQUIRED, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (ids, ((const char * const []) { "a", "b", NULL }));

  g_assert_null (herald_json_read_strv (&top, "holes", HERALD_JSON_REQUIRED, &error));
  assert_problem (error, "bulk|holes[1]|0");
  g_clear_error (&error);
  g_assert_null (herald_json_read_strv (&top, "blank", HERALD_JSON_NON_EMPTY, &error));
  assert_problem (error, "bulk|blank[0]|2");
  g_clear_error (&error);
}

static void
test_rest_route_path (void)
{
  g_autofree char *path = NULL;
  g_autofree char *method = NULL;
  GError *error = NULL;

  path = herald_rest_route_path ("GET /sms/:messageId/recipients", (const char *[]) { "a/b c", NULL },
                                 &method, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (method, ==, "GET");
  g_assert_cmpstr (path, ==, "/sms/a%2Fb%20c/recipients");
  g_clear_pointer (&path, g_free);

  path = herald_rest_route_path ("GET /balance", NULL, NULL, &error);
  g_assert_cmpstr (path, ==, "/balance");
  g_clear_pointer (&path, g_free);

  /* an empty or missing id never becomes a request */
  g_assert_null (herald_rest_route_path ("DELETE /contacts/:contactId", (const char *[]) { "", NULL },
                                         NULL, &error));
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (herald_rest_route_path ("DELETE /contacts/:contactId", NULL, NULL, &error));
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/fields", test_json_reader_fields);
  g_test_add_func ("/json-reader/strv", test_json_reader_strv);
  g_test_add_func ("/rest-call/route-path", test_rest_route_path);

  return g_test_run ();
}
