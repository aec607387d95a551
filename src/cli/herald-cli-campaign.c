/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-campaign"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

static char *opt_account;
static char *opt_message;
static char *opt_template;
static char *opt_group;
static char *opt_to_file;
static gboolean opt_all_contacts;
static char *opt_schedule;
static char *opt_window;
static gboolean opt_json;

static const GOptionEntry campaign_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_STRING, &opt_account, N_("Account to send with (create)"), "NAME" },
  { "message", 0, 0, G_OPTION_ARG_STRING, &opt_message, N_("Text of the message (create)"), "TEXT" },
  { "template", 0, 0, G_OPTION_ARG_STRING, &opt_template, N_("Template to render (create)"), "NAME" },
  { "group", 0, 0, G_OPTION_ARG_STRING, &opt_group, N_("Send to a group (create)"), "NAME" },
  { "to-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_to_file, N_("Send to numbers in a file (create)"), "FILE" },
  { "all-contacts", 0, 0, G_OPTION_ARG_NONE, &opt_all_contacts, N_("Send to every contact (create)"), NULL },
  { "schedule", 0, 0, G_OPTION_ARG_STRING, &opt_schedule, N_("Start at this time (create)"), "T" },
  { "window", 0, 0, G_OPTION_ARG_STRING, &opt_window, N_("Only send between these hours (create)"), "HH:MM-HH:MM" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

const HeraldCliCommand herald_cli_campaign_commands[] = {
  { "campaign", N_("create NAME | list | show ID | start ID | pause ID | resume ID | cancel ID | report ID"),
    N_("Create, run and follow campaigns"), NULL, campaign_entries, NULL },
  { NULL }
};
