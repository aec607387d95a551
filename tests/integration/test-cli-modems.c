/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test-cli-modems"

#include <string.h>

#include <json-glib/json-glib.h>

#include "herald-test-mock-modem.h"
#include "herald-test-util.h"

/* heraldctl modems as a process, against the mock ModemManager with two
 * modems (--mock-modems 2); the last test stops the mock. */

static void
heraldctl (HeraldTestRun *run,
           const char    *option)
{
  const char *argv[] = { "modems", option, NULL };

  herald_test_heraldctl_run (run, NULL, NULL, NULL, 60, argv);
}

static void
test_table (void)
{
  g_auto(HeraldTestRun) run = { 0 };

  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "signal", g_variant_new_uint32 (0));
  heraldctl (&run, NULL);
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "signal", g_variant_new_uint32 (70));

  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, HERALD_TEST_MOCK_DEVICE_0));
  g_assert_nonnull (strstr (run.out, HERALD_TEST_MOCK_DEVICE_1));
  g_assert_nonnull (strstr (run.out, "Mock Telecom"));
  g_assert_nonnull (strstr (run.out, "registered"));
  /* The modem with no signal says why it takes no work. */
  g_assert_nonnull (strstr (run.out, "Not usable: The modem has no signal."));
}

static void
test_json (void)
{
  g_auto(HeraldTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *modems;
  JsonObject *first;

  heraldctl (&run, "--json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);

  modems = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (modems), ==, 2);
  first = json_array_get_object_element (modems, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "device_id"), ==, HERALD_TEST_MOCK_DEVICE_0);
  g_assert_cmpstr (json_object_get_string_member (first, "equipment_id"), ==, "353456010000005");
  g_assert_cmpstr (json_object_get_string_member (first, "state"), ==, "registered");
  g_assert_cmpint (json_object_get_int_member (first, "signal"), ==, 70);
  g_assert_cmpstr (json_object_get_string_member (first, "access_technology"), ==, "lte");
  g_assert_cmpstr (json_object_get_string_member (first, "operator"), ==, "Mock Telecom");
  g_assert_true (json_object_get_boolean_member (first, "sim_present"));
  g_assert_true (json_object_get_boolean_member (first, "usable"));
  g_assert_true (json_object_get_null_member (first, "unusable_reason"));
}

static void
test_not_running (void)
{
  g_auto(HeraldTestRun) run = { 0 };

  herald_test_mock_do ("Quit", NULL);
  heraldctl (&run, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "ModemManager is not running"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-modems/table", test_table);
  g_test_add_func ("/cli-modems/json", test_json);
  g_test_add_func ("/cli-modems/not-running", test_not_running);

  return g_test_run ();
}
