/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* `heraldctl account` as a process: add, list --json, remove, and the ways
 * a key must not be taken. Runs with --keyring: the keys are checked in
 * gnome-keyring on the harness's private bus. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsecret/secret.h>

#include "herald-core.h"
#include "herald-test-tree.h"
#include "herald-test-util.h"

/* Runs heraldctl with @input on its stdin (a file, never a terminal; NULL:
 * empty) and, unless NULL, HERALD_API_KEY set to @env_key. Not a pipe: a
 * command that rightly exits before reading its stdin would make writing
 * to the pipe fail with EPIPE, depending on who is faster. */
static void
heraldctl (HeraldTestRun *run,
           const char    *input,
           const char    *env_key,
           const char    *first,
           ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *input_path = NULL;
  va_list ap;
  int fd;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  fd = g_file_open_tmp ("heraldctl-stdin-XXXXXX", &input_path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (input_path, input != NULL ? input : "", -1, &error);
  g_assert_no_error (error);

  herald_test_heraldctl_run (run, env_key, input_path, NULL, 40, (const char * const *) args->pdata);
  g_unlink (input_path);
}

/* `account list --json`, checked to be one JSON array and nothing else. */
static JsonArray *
list_accounts (void)
{
  g_auto(HeraldTestRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  heraldctl (&run, NULL, NULL, "account", "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  root = json_from_string (run.out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));

  return json_array_ref (json_node_get_array (root));
}

static JsonObject *
find_account (JsonArray  *accounts,
              const char *name)
{
  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);

      if (g_strcmp0 (json_object_get_string_member (account, "name"), name) == 0)
        return account;
    }

  return NULL;
}

/* The key the keyring holds for @account_id, or NULL with @error set. */
static char *
keyring_lookup (const char  *account_id,
                GError     **error)
{
  GAsyncResult *res = NULL;
  char *key;

  herald_secrets_lookup_async (account_id, NULL, herald_test_async_done, &res);
  key = herald_secrets_lookup_finish (herald_test_wait (&res), error);
  g_object_unref (res);

  return key;
}

static void
assert_key_in_keyring (const char *account_id,
                       const char *expected)
{
  g_autoptr(GError) error = NULL;
  char *key = keyring_lookup (account_id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, expected);
  herald_secrets_free (key);
}

static void
assert_no_key_in_keyring (const char *account_id)
{
  g_autoptr(GError) error = NULL;
  char *key = keyring_lookup (account_id, &error);

  g_assert_null (key);
  g_assert_error (error, HERALD_SECRETS_ERROR, HERALD_SECRETS_ERROR_NOT_FOUND);
}

static void
remove_by_name (const char *name)
{
  g_auto(HeraldTestRun) run = { 0 };

  heraldctl (&run, NULL, NULL, "account", "remove", name, NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_cli_account_list_empty (void)
{
  g_autoptr(JsonArray) accounts = list_accounts ();
  g_auto(HeraldTestRun) run = { 0 };

  g_assert_cmpuint (json_array_get_length (accounts), ==, 0);

  heraldctl (&run, NULL, NULL, "account", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "No accounts"));
}

static void
test_cli_account_add_list_remove (void)
{
  g_auto(HeraldTestRun) add_shop = { 0 };
  g_auto(HeraldTestRun) add_flash = { 0 };
  g_auto(HeraldTestRun) table = { 0 };
  g_auto(HeraldTestRun) removed = { 0 };
  g_autoptr(JsonArray) accounts = NULL;
  g_autoptr(JsonArray) after = NULL;
  g_autofree char *shop_id = NULL;
  g_autofree char *flash_id = NULL;
  JsonObject *shop, *flash;

  heraldctl (&add_shop, "fx_live_cli_shop_1\n", NULL,
             "account", "add", "Shop", "--dialect", "flixysms", "--key-stdin", NULL);
  g_assert_cmpint (add_shop.status, ==, 0);
  g_assert_cmpstr (add_shop.err, ==, "");

  heraldctl (&add_flash, "bms_live_cli_flash_2\r\n", NULL,
             "account", "add", "Flash", "--dialect", "flashsms",
             "--url", "https://sms.example.com/api/v1", "--key-stdin", NULL);
  g_assert_cmpint (add_flash.status, ==, 0);

  accounts = list_accounts ();
  g_assert_cmpuint (json_array_get_length (accounts), ==, 2);
  /* Sorted by name. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (accounts, 0), "name"),
                   ==, "Flash");

  shop = find_account (accounts, "Shop");
  g_assert_nonnull (shop);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (shop, "id")));
  g_assert_cmpstr (json_object_get_string_member (shop, "dialect"), ==, "flixysms");
  g_assert_cmpstr (json_object_get_string_member (shop, "url"), ==, "https://flixysms.com/api/v1");
  g_assert_true (json_object_get_null_member (shop, "region"));
  g_assert_cmpstr (json_object_get_string_member (shop, "auth"), ==, "bearer");
  g_assert_cmpuint (json_object_get_size (shop), ==, 6);

  flash = find_account (accounts, "Flash");
  g_assert_nonnull (flash);
  g_assert_cmpstr (json_object_get_string_member (flash, "dialect"), ==, "flashsms");
  g_assert_cmpstr (json_object_get_string_member (flash, "url"), ==, "https://sms.example.com/api/v1");
  g_assert_cmpstr (json_object_get_string_member (flash, "region"), ==, "GH");
  g_assert_cmpstr (json_object_get_string_member (flash, "auth"), ==, "bearer");

  /* The line ending is not part of the key. */
  shop_id = g_strdup (json_object_get_string_member (shop, "id"));
  flash_id = g_strdup (json_object_get_string_member (flash, "id"));
  assert_key_in_keyring (shop_id, "fx_live_cli_shop_1");
  assert_key_in_keyring (flash_id, "bms_live_cli_flash_2");

  heraldctl (&table, NULL, NULL, "account", "list", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "Shop"));
  g_assert_nonnull (strstr (table.out, "https://sms.example.com/api/v1"));
  g_assert_null (strstr (table.out, "fx_live_cli_shop_1"));

  /* Names are matched without regard to case. */
  heraldctl (&removed, NULL, NULL, "account", "remove", "shop", NULL);
  g_assert_cmpint (removed.status, ==, 0);
  after = list_accounts ();
  g_assert_cmpuint (json_array_get_length (after), ==, 1);
  g_assert_null (find_account (after, "Shop"));
  g_assert_nonnull (find_account (after, "Flash"));
  assert_no_key_in_keyring (shop_id);
  assert_key_in_keyring (flash_id, "bms_live_cli_flash_2");

  remove_by_name ("Flash");
  assert_no_key_in_keyring (flash_id);
}

static void
test_cli_account_key_option_refused (void)
{
  const char *forms[][2] = {
    { "--key=fx_live_ARGV_CANARY", NULL },
    { "--key", "fx_live_ARGV_CANARY" },
    { "--key", NULL },
  };
  g_autoptr(JsonArray) accounts = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_auto(HeraldTestRun) run = { 0 };

      heraldctl (&run, "fx_live_stdin\n", NULL, "account", "add", "Argv", "--dialect", "flixysms",
                 forms[i][0], forms[i][1], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, "--key is refused"));
      g_assert_nonnull (strstr (run.err, "command line"));
      g_assert_nonnull (strstr (run.err, "--key-stdin"));
      g_assert_null (strstr (run.err, "fx_live_ARGV_CANARY"));
    }

  accounts = list_accounts ();
  g_assert_cmpuint (json_array_get_length (accounts), ==, 0);
}

static void
test_cli_account_usage_errors (void)
{
  struct {
    const char *args[8];
    const char *says;
  } cases[] = {
    { { "account", "add", "NoDialect", "--key-stdin" }, "--dialect" },
    { { "account", "add", "Bad", "--dialect", "smoke-signals", "--key-stdin" }, "“smoke-signals” is not a dialect" },
    { { "account", "add", "--dialect", "flixysms", "--key-stdin" }, "one NAME" },
    { { "account", "add", "Flash", "--dialect", "flashsms", "--key-stdin" }, "needs the URL" },
    { { "account", "add", "Bad", "--dialect", "flixysms", "--url", "ftp://x.example", "--key-stdin" },
      "must start with https:// or http://" },
    { { "account", "add", "Bad", "--dialect", "flixysms", "--region", "XX", "--key-stdin" },
      "not a region code" },
    { { "account", "add", "Desk", "--dialect", "modem", "--key-stdin" }, "no API key" },
    { { "account", "list", "--dialect", "flixysms" }, "--dialect does not apply" },
    { { "account", "remove", "x", "--json" }, "--json does not apply" },
    { { "account", "frobnicate" }, "not an account action" },
    { { "account" }, "add, list, remove or test" },
    { { "account", "test", "Shop" }, "no account named “Shop”" },
    { { "account", "test", "Shop", "--url", "http://x.example" }, "--url does not apply" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(HeraldTestRun) run = { 0 };
      const char * const *a = cases[i].args;

      heraldctl (&run, "fx_live_usage\n", NULL, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], NULL);
      if (run.status != 2 || strstr (run.err, cases[i].says) == NULL)
        g_error ("case %u: exit %d, stderr “%s”; expected 2 and “%s”", i, run.status, run.err, cases[i].says);
      g_assert_cmpstr (run.out, ==, "");
    }

  {
    g_autoptr(JsonArray) accounts = list_accounts ();

    g_assert_cmpuint (json_array_get_length (accounts), ==, 0);
  }
}

static void
test_cli_account_store_errors (void)
{
  g_auto(HeraldTestRun) first = { 0 };
  g_auto(HeraldTestRun) again = { 0 };
  g_auto(HeraldTestRun) missing = { 0 };

  heraldctl (&first, "fx_live_dup\n", NULL, "account", "add", "Dup", "--dialect", "flixysms",
             "--key-stdin", NULL);
  g_assert_cmpint (first.status, ==, 0);

  /* A taken name is refused before the key is read: no stdin given. */
  heraldctl (&again, NULL, NULL, "account", "add", "DUP", "--dialect", "flixysms", "--key-stdin", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "“Dup” exists already"));

  heraldctl (&missing, NULL, NULL, "account", "remove", "Nobody", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "no account named “Nobody”"));

  remove_by_name ("Dup");
}

static void
test_cli_account_key_sources (void)
{
  g_auto(HeraldTestRun) from_env = { 0 };
  g_auto(HeraldTestRun) no_source = { 0 };
  g_auto(HeraldTestRun) empty = { 0 };
  g_auto(HeraldTestRun) modem = { 0 };
  g_autoptr(JsonArray) accounts = NULL;
  JsonObject *account;

  heraldctl (&from_env, NULL, "fx_live_from_environment", "account", "add", "Env",
             "--dialect", "flixysms", NULL);
  g_assert_cmpint (from_env.status, ==, 0);

  /* Neither --key-stdin nor HERALD_API_KEY, and stdin is no terminal. */
  heraldctl (&no_source, "fx_live_ignored\n", NULL, "account", "add", "NoSource",
             "--dialect", "flixysms", NULL);
  g_assert_cmpint (no_source.status, ==, 2);
  g_assert_nonnull (strstr (no_source.err, "--key-stdin"));
  g_assert_nonnull (strstr (no_source.err, "HERALD_API_KEY"));

  heraldctl (&empty, "\n", NULL, "account", "add", "Empty", "--dialect", "flixysms", "--key-stdin", NULL);
  g_assert_cmpint (empty.status, ==, 2);
  g_assert_nonnull (strstr (empty.err, "key is empty"));

  /* A modem needs no key from anywhere. */
  heraldctl (&modem, NULL, NULL, "account", "add", "Desk", "--dialect", "modem", "--region", "gh", NULL);
  g_assert_cmpint (modem.status, ==, 0);

  accounts = list_accounts ();
  g_assert_cmpuint (json_array_get_length (accounts), ==, 2);
  account = find_account (accounts, "Env");
  g_assert_nonnull (account);
  assert_key_in_keyring (json_object_get_string_member (account, "id"), "fx_live_from_environment");
  account = find_account (accounts, "Desk");
  g_assert_nonnull (account);
  g_assert_cmpstr (json_object_get_string_member (account, "dialect"), ==, "modem");
  g_assert_true (json_object_get_null_member (account, "url"));
  g_assert_true (json_object_get_null_member (account, "auth"));
  g_assert_cmpstr (json_object_get_string_member (account, "region"), ==, "GH");

  remove_by_name ("Env");
  remove_by_name ("Desk");
}

static void
test_cli_account_key_not_in_files_or_output (void)
{
  const char *key = "fx_live_CLI_CANARY_2718";
  const char *root = g_getenv ("HERALD_TEST_ROOT");
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "herald", "herald.db", NULL);
  g_auto(HeraldTestRun) add = { 0 };
  g_auto(HeraldTestRun) list = { 0 };

  g_assert_nonnull (root);

  heraldctl (&add, "fx_live_CLI_CANARY_2718\n", NULL, "account", "add", "Canary CLI Account",
             "--dialect", "flixysms", "--key-stdin", NULL);
  g_assert_cmpint (add.status, ==, 0);
  heraldctl (&list, NULL, NULL, "account", "list", "--json", NULL);

  /* The database is where the spec puts it, and the scan reads it. */
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  g_assert_true (herald_test_tree_contains (root, "Canary CLI Account"));
  herald_test_tree_assert_lacks (root, key);
  g_assert_null (strstr (add.out, key));
  g_assert_null (strstr (add.err, key));
  g_assert_null (strstr (list.out, key));

  remove_by_name ("Canary CLI Account");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-account/list-empty", test_cli_account_list_empty);
  g_test_add_func ("/cli-account/add-list-remove", test_cli_account_add_list_remove);
  g_test_add_func ("/cli-account/key-option-refused", test_cli_account_key_option_refused);
  g_test_add_func ("/cli-account/usage-errors", test_cli_account_usage_errors);
  g_test_add_func ("/cli-account/store-errors", test_cli_account_store_errors);
  g_test_add_func ("/cli-account/key-sources", test_cli_account_key_sources);
  g_test_add_func ("/cli-account/key-not-in-files-or-output", test_cli_account_key_not_in_files_or_output);

  status = g_test_run ();

  secret_service_disconnect ();
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return status;
}
