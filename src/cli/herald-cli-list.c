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
  { "region", 0, 0, G_OPTION_ARG_STRING, &options.region,
    N_("Region of numbers written without a country code, such as GH (local lists)"), "CC" },
  { "field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.fields,
    N_("A custom field, a template variable (local contacts add, edit; repeatable)"), "KEY=VALUE" },
  { "page", 0, 0, G_OPTION_ARG_INT, &options.page, N_("Page to print, from 1 (contacts list, search)"), "N" },
  { "all", 0, 0, G_OPTION_ARG_NONE, &options.all, N_("Print every page (contacts list)"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &options.json, N_("Print one JSON document"), NULL },
  { NULL }
};

static int
contacts_run (const HeraldCliCommand  *command,
              int                      argc,
              char                   **argv)
{
  if (argc > 1 && g_str_equal (argv[1], "pull"))
    return herald_cli_local_pull (command, &options, argc, argv);
  if (options.account == NULL)
    return herald_cli_local_contacts (command, &options, argc, argv);
  return herald_cli_remote_contacts (command, &options, argc, argv);
}

static int
groups_run (const HeraldCliCommand  *command,
            int                      argc,
            char                   **argv)
{
  if (options.account == NULL)
    return herald_cli_local_groups (command, &options, argc, argv);
  return herald_cli_remote_groups (command, &options, argc, argv);
}

static int
templates_run (const HeraldCliCommand  *command,
               int                      argc,
               char                   **argv)
{
  if (options.account == NULL)
    return herald_cli_local_templates (command, &options, argc, argv);
  return herald_cli_remote_templates (command, &options, argc, argv);
}

static int
optouts_run (const HeraldCliCommand  *command,
             int                      argc,
             char                   **argv)
{
  return herald_cli_local_optouts (command, &options, argc, argv);
}

const HeraldCliCommand herald_cli_list_commands[] = {
  { "contacts", N_("list | add PHONE | edit PHONE|ID | remove PHONE|ID | search QUERY | import FILE | export FILE | "
                   "pull --account NAME"),
    N_("Manage contacts, import and export CSV and vCard files"),
    N_("Without --account, Herald’s own contacts, named by their number; import updates the numbers already "
       "there (importing a file twice adds nothing), skips the rows it cannot use (each one reported with its "
       "line) and saves all or nothing; --group NAME adds the imported contacts to a group. "
       "With --account, the FlashSMS account’s own contacts (export is local only); "
       "pull --account NAME copies them, with their groups, into Herald’s own list."),
    list_entries, contacts_run },
  { "groups", N_("list | add NAME | remove NAME|ID | rename NAME --name NEW | members NAME [add|remove PHONE…]"),
    N_("Manage contact groups"),
    N_("Without --account, Herald’s own groups; with it, the FlashSMS account’s own groups."),
    list_entries, groups_run },
  { "templates", N_("list | show NAME | add NAME --message TEXT | edit NAME|ID [--name NEW] [--message TEXT] | "
                    "remove NAME|ID"),
    N_("Manage message templates"),
    N_("Without --account, Herald’s own templates; with it, the FlashSMS account’s own templates."),
    list_entries, templates_run },
  { "optouts", N_("list | add PHONE… | remove PHONE… | import FILE"),
    N_("Manage the numbers campaigns never send to"),
    N_("Herald’s own list, for every account. A file holds numbers one a line, or is a contacts file with a "
       "phone column; --region CC reads numbers written without a country code."),
    list_entries, optouts_run },
  { NULL }
};
