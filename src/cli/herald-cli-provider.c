/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-provider"

#include "config.h"

#include <glib/gi18n.h>

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

static int
balance_run (const HeraldCliCommand  *command,
             int                      argc,
             char                   **argv)
{
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldBalanceDetails) balance = NULL;
  g_autoptr(GError) error = NULL;
  HeraldCreditAccount *credits;
  int status;

  if (argc != 1)
    return herald_cli_usage_error (command, _("“balance” takes no arguments."));
  if ((status = herald_cli_open_capable (command, opt_account, HERALD_TYPE_CREDIT_ACCOUNT, _("balance"),
                                         &account)) != HERALD_CLI_EXIT_OK)
    return status;

  credits = HERALD_CREDIT_ACCOUNT (account.provider);
  herald_credit_account_get_balance_details_async (credits, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  balance = herald_credit_account_get_balance_details_finish (credits, result, &error);
  if (balance == NULL)
    return herald_cli_provider_failure (error);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      herald_cli_json_add_int (builder, "balance", balance->balance);
      herald_cli_json_add_string (builder, "currency", balance->currency);
      herald_cli_json_add_string (builder, "account_name", balance->account_name);
      herald_cli_json_add_string (builder, "account_phone", balance->account_phone);
      json_builder_end_object (builder);
      herald_cli_print_json (builder);
    }
  else
    g_print (_("%" G_GINT64_FORMAT " credits\n"), balance->balance);

  return HERALD_CLI_EXIT_OK;
}

static void
add_transaction_json (JsonBuilder   *builder,
                      gconstpointer  item)
{
  const HeraldTransaction *t = item;

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "id", t->id);
  herald_cli_json_add_string (builder, "type", t->kind_string);
  herald_cli_json_add_int (builder, "amount", t->amount);
  herald_cli_json_add_int (builder, "balance", t->balance_after);
  herald_cli_json_add_string (builder, "description", t->description);
  herald_cli_json_add_string (builder, "reference", t->reference);
  herald_cli_json_add_time (builder, "created_at", t->created_at);
  json_builder_end_object (builder);
}

static void
print_transactions (GPtrArray *transactions)
{
  for (guint i = 0; i < transactions->len; i++)
    {
      HeraldTransaction *t = transactions->pdata[i];
      g_autofree char *when = herald_cli_format_time (t->created_at);
      g_autofree char *amount = g_strdup_printf ("%+" G_GINT64_FORMAT, t->amount);
      g_autofree char *after = g_strdup_printf ("%" G_GINT64_FORMAT, t->balance_after);
      const char *description = t->description;

      herald_cli_print_padded (when, 18);
      herald_cli_print_padded (t->kind_string, 12);
      g_print ("%8s %8s  ", amount, after);
      g_print ("%s\n", description != NULL ? description : "");
    }
}

typedef struct
{
  HeraldCreditAccount           *credits;
  const HeraldTransactionFilter *filter;
} TransactionsOf;

static HeraldRemotePage *
fetch_transactions (guint      page,
                    gpointer   data,
                    GError   **error)
{
  TransactionsOf *of = data;
  g_autoptr(GAsyncResult) result = NULL;

  /* --all: 100 at a time */
  herald_credit_account_list_transactions_async (of->credits, of->filter, page, opt_all ? 100 : 0, NULL,
                                                 herald_cli_async_done, &result);
  herald_cli_wait (&result);
  return herald_credit_account_list_transactions_finish (of->credits, result, error);
}

static int
transactions_run (const HeraldCliCommand  *command,
                  int                      argc,
                  char                   **argv)
{
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GError) error = NULL;
  HeraldTransactionFilter filter = { HERALD_TRANSACTION_UNKNOWN, NULL, NULL };
  TransactionsOf of = { NULL, &filter };
  g_autoptr(HeraldRemotePage) page = NULL;
  int status;

  if (argc != 1)
    return herald_cli_usage_error (command, _("“transactions” takes no arguments."));
  if ((status = herald_cli_parse_page_options (command, opt_all, opt_page, opt_since, opt_until,
                                               &since, &until)) != HERALD_CLI_EXIT_OK)
    return status;
  if (opt_type != NULL)
    {
      filter.kind = herald_transaction_kind_from_string (opt_type);
      if (filter.kind == HERALD_TRANSACTION_UNKNOWN)
        return herald_cli_usage_error (command, _("“%s” is not a transaction type: use purchase, usage, "
                                                  "refund, bonus or adjustment."),
                                       g_utf8_validate (opt_type, -1, NULL) ? opt_type : "?");
    }
  filter.since = since;
  filter.until = until;

  if ((status = herald_cli_open_capable (command, opt_account, HERALD_TYPE_CREDIT_ACCOUNT, _("transactions"),
                                         &account)) != HERALD_CLI_EXIT_OK)
    return status;
  of.credits = HERALD_CREDIT_ACCOUNT (account.provider);

  page = herald_cli_fetch_pages (fetch_transactions, &of, opt_page > 0 ? (guint) opt_page : 1, opt_all,
                                 &error);
  if (page == NULL)
    return herald_cli_provider_failure (error);

  if (opt_json)
    herald_cli_print_json_array (page->items, add_transaction_json);
  else
    {
      if (page->items->len == 0)
        g_print ("%s\n", _("No transactions."));
      print_transactions (page->items);
      if (!opt_all && page->pagination.has_more)
        herald_cli_print_page_hint (page->pagination.page, page->pagination.total_pages);
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
  HeraldSenderIdSource *source;
  int status;

  if (argc != 1)
    return herald_cli_usage_error (command, _("“senders” takes no arguments."));
  if ((status = herald_cli_open_capable (command, opt_account, HERALD_TYPE_SENDER_ID_SOURCE, _("sender IDs"),
                                         &account)) != HERALD_CLI_EXIT_OK)
    return status;

  source = HERALD_SENDER_ID_SOURCE (account.provider);
  herald_sender_id_source_list_sender_ids_async (source, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  senders = herald_sender_id_source_list_sender_ids_finish (source, result, &error);
  if (senders == NULL)
    return herald_cli_provider_failure (error);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < senders->len; i++)
        {
          HeraldSenderId *s = senders->pdata[i];

          json_builder_begin_object (builder);
          herald_cli_json_add_string (builder, "id", s->id);
          herald_cli_json_add_string (builder, "name", s->name);
          herald_cli_json_add_string (builder, "status", s->status);
          herald_cli_json_add_time (builder, "approved_at", s->approved_at);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      herald_cli_print_json (builder);
      return HERALD_CLI_EXIT_OK;
    }

  if (senders->len == 0)
    g_print ("%s\n", _("No approved sender IDs."));
  for (guint i = 0; i < senders->len; i++)
    {
      HeraldSenderId *s = senders->pdata[i];

      herald_cli_print_padded (s->name, 14);
      herald_cli_print_padded (s->status, 10);
      g_print ("%s\n", s->id);
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
