/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-provider"

#include "config.h"

#include <glib/gi18n.h>

#include "providers/flashsms/herald-flashsms-client.h"
#include "herald-cli.h"

static char *opt_account;
static char *opt_type;
static char *opt_since;
static char *opt_until;
static int opt_page;
static gboolean opt_all;
static gboolean opt_json;

static const GOptionEntry balance_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_STRING, &opt_account, N_("Account to ask"), "NAME" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

static const GOptionEntry transactions_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_STRING, &opt_account, N_("Account to ask"), "NAME" },
  { "type", 0, 0, G_OPTION_ARG_STRING, &opt_type,
    N_("Only transactions of this type: purchase, usage, refund, bonus, adjustment"), "TYPE" },
  { "since", 0, 0, G_OPTION_ARG_STRING, &opt_since, N_("Only transactions since"), "T" },
  { "until", 0, 0, G_OPTION_ARG_STRING, &opt_until, N_("Only transactions until"), "T" },
  { "page", 0, 0, G_OPTION_ARG_INT, &opt_page, N_("Page to print (from 1)"), "N" },
  { "all", 0, 0, G_OPTION_ARG_NONE, &opt_all, N_("Print every page"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

/* Opens @name's account; FlashSMS is the only dialect with these records. */
static int
open_flashsms (const HeraldCliCommand *command,
               HeraldCliAccount       *account,
               const char             *what)
{
  int status;

  if ((status = herald_cli_open_account (command, opt_account, account)) != HERALD_CLI_EXIT_OK)
    return status;
  if (!HERALD_IS_FLASHSMS_CLIENT (account->provider))
    return herald_cli_dialect_lacks (command, account, what);

  return HERALD_CLI_EXIT_OK;
}

static int
balance_run (const HeraldCliCommand  *command,
             int                      argc,
             char                   **argv)
{
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldFlashsmsBalance) balance = NULL;
  g_autoptr(GError) error = NULL;
  HeraldFlashsmsClient *client;
  int status;

  if (argc != 1)
    return herald_cli_usage_error (command, _("“balance” takes no arguments."));
  if ((status = open_flashsms (command, &account, _("balance"))) != HERALD_CLI_EXIT_OK)
    return status;

  client = HERALD_FLASHSMS_CLIENT (account.provider);
  herald_flashsms_client_get_balance_async (client, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  balance = herald_flashsms_client_get_balance_finish (client, result, &error);
  if (balance == NULL)
    return herald_cli_provider_failure (error);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "balance");
      json_builder_add_int_value (builder, herald_flashsms_balance_get_balance (balance));
      herald_cli_json_add_string (builder, "currency", herald_flashsms_balance_get_currency (balance));
      herald_cli_json_add_string (builder, "account_name", herald_flashsms_balance_get_account_name (balance));
      herald_cli_json_add_string (builder, "account_phone", herald_flashsms_balance_get_account_phone (balance));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      herald_cli_print_json (root);
    }
  else
    g_print (_("%" G_GINT64_FORMAT " credits\n"), herald_flashsms_balance_get_balance (balance));

  return HERALD_CLI_EXIT_OK;
}

static void
add_transactions_json (JsonBuilder *builder,
                       GPtrArray   *transactions)
{
  for (guint i = 0; i < transactions->len; i++)
    {
      HeraldFlashsmsTransaction *t = transactions->pdata[i];

      json_builder_begin_object (builder);
      herald_cli_json_add_string (builder, "id", herald_flashsms_transaction_get_id (t));
      herald_cli_json_add_string (builder, "type", herald_flashsms_transaction_get_kind_string (t));
      json_builder_set_member_name (builder, "amount");
      json_builder_add_int_value (builder, herald_flashsms_transaction_get_amount (t));
      json_builder_set_member_name (builder, "balance");
      json_builder_add_int_value (builder, herald_flashsms_transaction_get_balance (t));
      herald_cli_json_add_string (builder, "description", herald_flashsms_transaction_get_description (t));
      herald_cli_json_add_string (builder, "reference", herald_flashsms_transaction_get_reference (t));
      herald_cli_json_add_time (builder, "created_at", herald_flashsms_transaction_get_created_at (t));
      json_builder_end_object (builder);
    }
}

static void
print_transactions (GPtrArray *transactions)
{
  for (guint i = 0; i < transactions->len; i++)
    {
      HeraldFlashsmsTransaction *t = transactions->pdata[i];
      g_autofree char *when = herald_cli_format_time (herald_flashsms_transaction_get_created_at (t));
      g_autofree char *amount = g_strdup_printf ("%+" G_GINT64_FORMAT, herald_flashsms_transaction_get_amount (t));
      g_autofree char *after = g_strdup_printf ("%" G_GINT64_FORMAT, herald_flashsms_transaction_get_balance (t));
      const char *description = herald_flashsms_transaction_get_description (t);

      herald_cli_print_padded (when, 18);
      herald_cli_print_padded (herald_flashsms_transaction_get_kind_string (t), 12);
      g_print ("%8s %8s  ", amount, after);
      g_print ("%s\n", description != NULL ? description : "");
    }
}

static int
transactions_run (const HeraldCliCommand  *command,
                  int                      argc,
                  char                   **argv)
{
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_flashsms_transaction_unref);
  g_autoptr(GError) error = NULL;
  HeraldFlashsmsTransactionFilter filter = { HERALD_FLASHSMS_TRANSACTION_UNKNOWN, NULL, NULL };
  const HeraldFlashsmsPagination *last = NULL;
  g_autoptr(HeraldFlashsmsTransactionPage) page = NULL;
  guint number = opt_page > 0 ? (guint) opt_page : 1;
  int status;

  if (argc != 1)
    return herald_cli_usage_error (command, _("“transactions” takes no arguments."));
  if (opt_all && opt_page != 0)
    return herald_cli_usage_error (command, _("Give --page N or --all, not both."));
  if (opt_page < 0)
    return herald_cli_usage_error (command, _("--page counts from 1."));
  if (opt_type != NULL)
    {
      g_autofree char *upper = g_ascii_strup (opt_type, -1);

      filter.type = herald_flashsms_transaction_type_from_string (upper);
      if (filter.type == HERALD_FLASHSMS_TRANSACTION_UNKNOWN)
        return herald_cli_usage_error (command, _("“%s” is not a transaction type: use purchase, usage, "
                                                  "refund, bonus or adjustment."),
                                       g_utf8_validate (opt_type, -1, NULL) ? opt_type : "?");
    }
  if (opt_since != NULL && (since = herald_cli_parse_time (opt_since, FALSE, &error)) == NULL)
    return herald_cli_usage_error (command, "--since: %s", error->message);
  if (opt_until != NULL && (until = herald_cli_parse_time (opt_until, TRUE, &error)) == NULL)
    return herald_cli_usage_error (command, "--until: %s", error->message);
  filter.start_date = since;
  filter.end_date = until;

  if ((status = open_flashsms (command, &account, _("transactions"))) != HERALD_CLI_EXIT_OK)
    return status;

  /* --all: page after page, 100 at a time, until the server says no more. */
  for (;;)
    {
      g_autoptr(GAsyncResult) result = NULL;
      HeraldFlashsmsClient *client = HERALD_FLASHSMS_CLIENT (account.provider);
      GPtrArray *items;

      g_clear_pointer (&page, herald_flashsms_transaction_page_unref);
      herald_flashsms_client_list_transactions_async (client, &filter, number, opt_all ? 100 : 0, NULL,
                                                      herald_cli_async_done, &result);
      herald_cli_wait (&result);
      page = herald_flashsms_client_list_transactions_finish (client, result, &error);
      if (page == NULL)
        return herald_cli_provider_failure (error);

      items = herald_flashsms_transaction_page_get_transactions (page);
      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (all, herald_flashsms_transaction_ref (items->pdata[i]));
      last = herald_flashsms_transaction_page_get_pagination (page);
      if (!opt_all || !last->has_more || items->len == 0)
        break;
      number++;
    }

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      add_transactions_json (builder, all);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      herald_cli_print_json (root);
    }
  else
    {
      if (all->len == 0)
        g_print ("%s\n", _("No transactions."));
      print_transactions (all);
      if (!opt_all && last->has_more)
        g_print (_("Page %u of %u; --page %u shows the next, --all every page.\n"),
                 last->page, last->total_pages, last->page + 1);
    }

  return HERALD_CLI_EXIT_OK;
}

static int
senders_run (const HeraldCliCommand  *command,
             int                      argc,
             char                   **argv)
{
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) senders = NULL;
  g_autoptr(GError) error = NULL;
  HeraldFlashsmsClient *client;
  int status;

  if (argc != 1)
    return herald_cli_usage_error (command, _("“senders” takes no arguments."));
  if ((status = open_flashsms (command, &account, _("sender IDs"))) != HERALD_CLI_EXIT_OK)
    return status;

  client = HERALD_FLASHSMS_CLIENT (account.provider);
  herald_flashsms_client_list_sender_ids_async (client, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  senders = herald_flashsms_client_list_sender_ids_finish (client, result, &error);
  if (senders == NULL)
    return herald_cli_provider_failure (error);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < senders->len; i++)
        {
          HeraldFlashsmsSenderId *s = senders->pdata[i];

          json_builder_begin_object (builder);
          herald_cli_json_add_string (builder, "id", herald_flashsms_sender_id_get_id (s));
          herald_cli_json_add_string (builder, "name", herald_flashsms_sender_id_get_name (s));
          herald_cli_json_add_string (builder, "status", herald_flashsms_sender_id_get_status (s));
          herald_cli_json_add_time (builder, "approved_at", herald_flashsms_sender_id_get_approved_at (s));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      herald_cli_print_json (root);
      return HERALD_CLI_EXIT_OK;
    }

  if (senders->len == 0)
    g_print ("%s\n", _("No approved sender IDs."));
  for (guint i = 0; i < senders->len; i++)
    {
      HeraldFlashsmsSenderId *s = senders->pdata[i];

      herald_cli_print_padded (herald_flashsms_sender_id_get_name (s), 14);
      herald_cli_print_padded (herald_flashsms_sender_id_get_status (s), 10);
      g_print ("%s\n", herald_flashsms_sender_id_get_id (s));
    }

  return HERALD_CLI_EXIT_OK;
}

const HeraldCliCommand herald_cli_provider_commands[] = {
  { "balance", NULL, N_("Show the account’s credit balance (FlashSMS)"), NULL, balance_entries, balance_run },
  { "history", NULL, N_("List sent messages"),
    N_("FlashSMS: the provider’s own history. FlixySMS keeps none: the messages Herald sent "
       "with the account."),
    herald_cli_history_entries, herald_cli_history_run },
  { "transactions", NULL, N_("List credit transactions (FlashSMS)"), NULL, transactions_entries,
    transactions_run },
  { "senders", NULL, N_("List the account’s approved sender IDs (FlashSMS)"), NULL, balance_entries,
    senders_run },
  { NULL }
};
