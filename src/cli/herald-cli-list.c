#define G_LOG_DOMAIN "heraldctl-list"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

static char *opt_account;
static gboolean opt_json;

static const GOptionEntry list_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_STRING, &opt_account,
    N_("Work on the provider’s own list of this account instead of the local one"), "NAME" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

const HeraldCliCommand herald_cli_list_commands[] = {
  { "contacts", N_("list | add | edit | remove | import FILE | export FILE"),
    N_("Manage contacts, import and export CSV and vCard files"), NULL, list_entries, NULL },
  { "groups", N_("list | add | remove | members …"),
    N_("Manage contact groups"), NULL, list_entries, NULL },
  { "templates", N_("list | add | edit | remove …"),
    N_("Manage message templates"), NULL, list_entries, NULL },
  { NULL }
};
