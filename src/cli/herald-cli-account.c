#define G_LOG_DOMAIN "heraldctl-account"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

static char *opt_dialect;
static char *opt_url;
static char *opt_region;
static gboolean opt_key_stdin;
static gboolean opt_json;

static const GOptionEntry account_entries[] = {
  { "dialect", 0, 0, G_OPTION_ARG_STRING, &opt_dialect,
    N_("Provider dialect: flixysms, flashsms or modem (add)"), "DIALECT" },
  { "url", 0, 0, G_OPTION_ARG_STRING, &opt_url,
    N_("Base URL of the provider’s API; required for FlashSMS (add)"), "URL" },
  { "region", 0, 0, G_OPTION_ARG_STRING, &opt_region,
    N_("Default region for national numbers, e.g. GH (add)"), "CC" },
  { "key-stdin", 0, 0, G_OPTION_ARG_NONE, &opt_key_stdin,
    N_("Read the API key from standard input instead of a prompt (add)"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
    N_("Print one JSON document (list)"), NULL },
  { NULL }
};

const HeraldCliCommand herald_cli_account_commands[] = {
  { "account", N_("add NAME | list | remove NAME | test NAME"),
    N_("Add, list, test and remove provider accounts"),
    N_("The API key is read from a prompt without echo, or from standard input with "
       "--key-stdin, and is stored in the keyring only; it is never taken from the "
       "command line."),
    account_entries, NULL },
  { NULL }
};
