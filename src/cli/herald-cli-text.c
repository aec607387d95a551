#define G_LOG_DOMAIN "heraldctl-text"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

static char *opt_message;
static char *opt_account;
static char *opt_region;
static int opt_recipients = 1;
static gboolean opt_json;

static const GOptionEntry estimate_entries[] = {
  { "message", 0, 0, G_OPTION_ARG_STRING, &opt_message, N_("Text to analyse"), "TEXT" },
  { "recipients", 0, 0, G_OPTION_ARG_INT, &opt_recipients,
    N_("Number of recipients (default 1)"), "N" },
  { "account", 0, 0, G_OPTION_ARG_STRING, &opt_account,
    N_("Apply this account’s dialect limits"), "NAME" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

static const GOptionEntry number_entries[] = {
  { "region", 0, 0, G_OPTION_ARG_STRING, &opt_region,
    N_("Region for national numbers, e.g. GH"), "CC" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

const HeraldCliCommand herald_cli_text_commands[] = {
  { "estimate", NULL, N_("Count the encoding, parts and credits a message needs"), NULL,
    estimate_entries, NULL },
  { "number", N_("NUMBER"), N_("Check a phone number and show it in E.164"), NULL,
    number_entries, NULL },
  { NULL }
};
