/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-account-test"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

static void
print_json (HeraldCliAccount       *account,
            HeraldConnectionReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char * const *missing = herald_connection_report_get_missing_scopes (report);

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "account", herald_account_get_name (account->account));
  herald_cli_json_add_string (builder, "dialect",
                              herald_dialect_to_string (herald_account_get_dialect (account->account)));
  herald_cli_json_add_boolean (builder, "works", missing[0] == NULL);
  herald_cli_json_add_count (builder, "balance", herald_connection_report_get_balance (report));
  json_builder_set_member_name (builder, "missing_scopes");
  json_builder_begin_array (builder);
  for (guint i = 0; missing[i] != NULL; i++)
    json_builder_add_string_value (builder, missing[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  herald_cli_print_json (builder);
}

/* A key that works but lacks scopes fails (1): a script that tests before
 * sending must not go on with a key that cannot send. */
int
herald_cli_account_test (const HeraldCliCommand  *command,
                         int                      argc,
                         char                   **argv,
                         gboolean                 json)
{
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldConnectionReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *missing;
  gint64 balance;
  int status;

  if (argc != 1)
    return herald_cli_usage_error (command, _("“account test” takes one NAME."));

  if ((status = herald_cli_open_account (command, argv[0], &account)) != HERALD_CLI_EXIT_OK)
    return status;

  herald_provider_test_connection_async (account.provider, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  report = herald_provider_test_connection_finish (account.provider, result, &error);
  if (report == NULL)
    return herald_cli_provider_failure (error);

  missing = herald_connection_report_get_missing_scopes (report);
  balance = herald_connection_report_get_balance (report);

  if (json)
    print_json (&account, report);
  else if (missing[0] == NULL && balance >= 0)
    g_print (_("The account “%s” works; the balance is %" G_GINT64_FORMAT " credits.\n"),
             herald_account_get_name (account.account), balance);
  else if (missing[0] == NULL)
    g_print (_("The account “%s” works.\n"), herald_account_get_name (account.account));

  if (missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) missing);

      g_printerr (_("heraldctl: The key of “%s” works but lacks these permissions: %s. Give the "
                    "key these scopes in FlashSMS, or create a new key with them.\n"),
                  herald_account_get_name (account.account), list);
      return HERALD_CLI_EXIT_FAILURE;
    }

  return HERALD_CLI_EXIT_OK;
}
