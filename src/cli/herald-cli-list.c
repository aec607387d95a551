/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-list"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

static HeraldCliListOptions options;

static const GOptionEntry list_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_STRING, &options.account,
    N_("Work on the provider’s own list of this account (FlashSMS); without it, the local one"), "NAME" },
  { "phone", 0, 0, G_OPTION_ARG_STRING, &options.phone, N_("Phone number (contacts edit)"), "NUMBER" },
  { "first-name", 0, 0, G_OPTION_ARG_STRING, &options.first_name, N_("First name (contacts add, edit)"), "TEXT" },
  { "last-name", 0, 0, G_OPTION_ARG_STRING, &options.last_name, N_("Last name (contacts add, edit)"), "TEXT" },
  { "email", 0, 0, G_OPTION_ARG_STRING, &options.email, N_("E-mail address (contacts add, edit)"), "ADDRESS" },
  { "group", 0, 0, G_OPTION_ARG_STRING, &options.group,
    N_("Group name or ID (contacts list, add, edit, import)"), "GROUP" },
  { "name", 0, 0, G_OPTION_ARG_STRING, &options.name, N_("New name (templates edit)"), "TEXT" },
  { "message", 0, 0, G_OPTION_ARG_STRING, &options.message, N_("Text (templates add, edit)"), "TEXT" },
  { "page", 0, 0, G_OPTION_ARG_INT, &options.page, N_("Page to print, from 1 (contacts list, search)"), "N" },
  { "all", 0, 0, G_OPTION_ARG_NONE, &options.all, N_("Print every page (contacts list)"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &options.json, N_("Print one JSON document"), NULL },
  { NULL }
};

/* The local lists need the database tables that are not there yet. */
static int
local_not_available (const HeraldCliCommand *command)
{
  g_printerr (_("heraldctl %s: local %s are not available yet in Herald %s; with --account NAME "
                "this works on a FlashSMS account’s own list.\n"),
              command->name, command->name, PACKAGE_VERSION);
  return HERALD_CLI_EXIT_USAGE;
}

static int
contacts_run (const HeraldCliCommand  *command,
              int                      argc,
              char                   **argv)
{
  if (options.account == NULL)
    return local_not_available (command);
  return herald_cli_remote_contacts (command, &options, argc, argv);
}

static int
groups_run (const HeraldCliCommand  *command,
            int                      argc,
            char                   **argv)
{
  if (options.account == NULL)
    return local_not_available (command);
  return herald_cli_remote_groups (command, &options, argc, argv);
}

static int
templates_run (const HeraldCliCommand  *command,
               int                      argc,
               char                   **argv)
{
  if (options.account == NULL)
    return local_not_available (command);
  return herald_cli_remote_templates (command, &options, argc, argv);
}

const HeraldCliCommand herald_cli_list_commands[] = {
  { "contacts", N_("list | add PHONE | edit ID | remove ID | search QUERY | import FILE | export FILE"),
    N_("Manage contacts, import and export CSV and vCard files"),
    N_("With --account, the FlashSMS account’s own contacts (export is local only). "
       "The local contact list is not available yet."),
    list_entries, contacts_run },
  { "groups", N_("list | add NAME | remove NAME|ID | members …"),
    N_("Manage contact groups"),
    N_("With --account, the FlashSMS account’s own groups. Local groups are not available yet."),
    list_entries, groups_run },
  { "templates", N_("list | add NAME --message TEXT | edit NAME|ID [--name NEW] [--message TEXT] | remove NAME|ID"),
    N_("Manage message templates"),
    N_("With --account, the FlashSMS account’s own templates. Local templates are not available yet."),
    list_entries, templates_run },
  { NULL }
};
