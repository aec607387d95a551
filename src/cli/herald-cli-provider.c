#define G_LOG_DOMAIN "heraldctl-provider"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

static char *opt_account;
static char *opt_status;
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

static const GOptionEntry history_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_STRING, &opt_account, N_("Account to ask"), "NAME" },
  { "status", 0, 0, G_OPTION_ARG_STRING, &opt_status, N_("Only messages in this state"), "STATE" },
  { "since", 0, 0, G_OPTION_ARG_STRING, &opt_since, N_("Only messages sent since"), "T" },
  { "until", 0, 0, G_OPTION_ARG_STRING, &opt_until, N_("Only messages sent until"), "T" },
  { "page", 0, 0, G_OPTION_ARG_INT, &opt_page, N_("Page to print"), "N" },
  { "all", 0, 0, G_OPTION_ARG_NONE, &opt_all, N_("Print every page"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

static const GOptionEntry transactions_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_STRING, &opt_account, N_("Account to ask"), "NAME" },
  { "type", 0, 0, G_OPTION_ARG_STRING, &opt_type, N_("Only transactions of this type"), "TYPE" },
  { "page", 0, 0, G_OPTION_ARG_INT, &opt_page, N_("Page to print"), "N" },
  { "all", 0, 0, G_OPTION_ARG_NONE, &opt_all, N_("Print every page"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

const HeraldCliCommand herald_cli_provider_commands[] = {
  { "balance", NULL, N_("Show the account’s credit balance"), NULL, balance_entries, NULL },
  { "history", NULL, N_("List sent messages"), NULL, history_entries, NULL },
  { "transactions", NULL, N_("List credit transactions"), NULL, transactions_entries, NULL },
  { "senders", NULL, N_("List the account’s sender IDs"), NULL, balance_entries, NULL },
  { NULL }
};
