/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-device"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

static char *opt_listen;
static gboolean opt_json;

static const GOptionEntry modems_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

static const GOptionEntry bridge_entries[] = {
  { "listen", 0, 0, G_OPTION_ARG_STRING, &opt_listen,
    N_("Address and port to serve on (serve; default 127.0.0.1:8787)"), "ADDR:PORT" },
  { NULL }
};

const HeraldCliCommand herald_cli_device_commands[] = {
  { "modems", NULL, N_("List the modems ModemManager knows"), NULL, modems_entries, NULL },
  { "bridge", N_("serve | key create NAME | key list | key revoke NAME"),
    N_("Serve the device bridge and manage its API keys"), NULL, bridge_entries, NULL },
  { NULL }
};
