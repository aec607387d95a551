/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-bridge"
#define _POSIX_C_SOURCE 200809L

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "herald-cli.h"

static char *opt_listen;
static gboolean opt_allow_remote;
static int opt_rate_limit = -1;
static gboolean opt_json;

static const GOptionEntry bridge_entries[] = {
  { "listen", 0, 0, G_OPTION_ARG_STRING, &opt_listen,
    N_("serve: the address and port to serve on (default 127.0.0.1:8787)"), "ADDR:PORT" },
  { "allow-remote", 0, 0, G_OPTION_ARG_NONE, &opt_allow_remote,
    N_("serve: allow an address beyond this machine in --listen (plain HTTP: think twice)"), NULL },
  { "rate-limit", 0, 0, G_OPTION_ARG_INT, &opt_rate_limit,
    N_("key create: requests a minute the key may make (default 100; 0: no limit)"), "N" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("key list: print one JSON document"), NULL },
  { NULL }
};

/* The bridge's keys over the user's database. */
static HeraldBridgeKeys *
open_keys (GError **error)
{
  g_autoptr(HeraldDatabase) database = herald_cli_open_database (error);

  if (database == NULL)
    return NULL;
  return herald_bridge_keys_new (database);
}

/* A running bridge reloads its keys on SIGHUP. */
static void
tell_running_bridge (void)
{
  gint64 pid = herald_bridge_lock_holder ();

  if (pid > 0 && kill ((pid_t) pid, SIGHUP) == 0)
    g_printerr (_("The running bridge (process %" G_GINT64_FORMAT ") was told to reload its keys.\n"), pid);
}

/* ---- key create / list / revoke ------------------------------------------ */

static int
key_create (const HeraldCliCommand *command,
            const char             *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldBridgeKeys) keys = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldBridgeKeyInfo) info = NULL;
  char *key;

  if (opt_rate_limit < -1)
    return herald_cli_usage_error (command, _("--rate-limit must be 0 (no limit) or more."));
  if (!herald_bridge_key_name_is_valid (name))
    return herald_cli_usage_error (command, _("“%s” cannot name a bridge key: use 1 to 64 letters, digits, "
                                              "“.”, “_”, “-” or “@”."), name);
  keys = open_keys (&error);
  if (keys == NULL)
    return herald_cli_failure ("%s", error->message);

  herald_bridge_keys_create_async (keys, name,
                                   opt_rate_limit < 0 ? HERALD_BRIDGE_KEY_DEFAULT_RATE_LIMIT : (guint) opt_rate_limit,
                                   NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  key = herald_bridge_keys_create_finish (keys, result, &info, &error);
  if (key == NULL)
    {
      g_printerr ("heraldctl %s: %s\n", command->name, error->message);
      return g_error_matches (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS) ||
             g_error_matches (error, HERALD_BRIDGE_KEYS_ERROR, HERALD_BRIDGE_KEYS_ERROR_INVALID_NAME)
               ? HERALD_CLI_EXIT_USAGE : HERALD_CLI_EXIT_FAILURE;
    }

  if (info->rate_limit > 0)
    g_print (_("Bridge key “%s” created (at most %u requests a minute).\n"), info->name, info->rate_limit);
  else
    g_print (_("Bridge key “%s” created (no rate limit).\n"), info->name);
  g_print ("%s\n", _("It is shown only this once; the keyring keeps it. Send it as "
                     "“Authorization: Bearer KEY”:"));
  g_print ("%s\n", key);
  herald_bridge_key_free (key);
  tell_running_bridge ();
  return HERALD_CLI_EXIT_OK;
}

static void
add_key_json (JsonBuilder   *builder,
              gconstpointer  item)
{
  const HeraldBridgeKeyInfo *info = item;

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "name", info->name);
  herald_cli_json_add_int (builder, "rate_limit", info->rate_limit);
  herald_cli_json_add_usec (builder, "created_at", info->created_at);
  json_builder_end_object (builder);
}

static int
key_list (const HeraldCliCommand *command)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldBridgeKeys) keys = open_keys (&error);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (keys == NULL)
    return herald_cli_failure ("%s", error->message);
  herald_bridge_keys_list_async (keys, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  items = herald_bridge_keys_list_finish (keys, result, &error);
  if (items == NULL)
    return herald_cli_failure ("%s", error->message);

  if (opt_json)
    {
      herald_cli_print_json_array (items, add_key_json);
      return HERALD_CLI_EXIT_OK;
    }
  if (items->len == 0)
    {
      g_print ("%s\n", _("No bridge keys. “heraldctl bridge key create NAME” makes one."));
      return HERALD_CLI_EXIT_OK;
    }
  herald_cli_print_padded (_("NAME"), 24);
  herald_cli_print_padded (_("RATE LIMIT"), 14);
  g_print ("%s\n", _("CREATED"));
  for (guint i = 0; i < items->len; i++)
    {
      const HeraldBridgeKeyInfo *info = items->pdata[i];
      g_autofree char *limit = info->rate_limit > 0 ? g_strdup_printf (_("%u/min"), info->rate_limit)
                                                    : g_strdup (_("none"));
      g_autofree char *created = herald_cli_format_usec (info->created_at);

      herald_cli_print_padded (info->name, 24);
      herald_cli_print_padded (limit, 14);
      g_print ("%s\n", created);
    }
  return HERALD_CLI_EXIT_OK;
}

static int
key_revoke (const HeraldCliCommand *command,
            const char             *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldBridgeKeys) keys = open_keys (&error);
  g_autoptr(GAsyncResult) result = NULL;

  if (keys == NULL)
    return herald_cli_failure ("%s", error->message);
  herald_bridge_keys_revoke_async (keys, name, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  if (!herald_bridge_keys_revoke_finish (keys, result, &error))
    {
      g_printerr ("heraldctl %s: %s\n", command->name, error->message);
      return g_error_matches (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND) ||
             g_error_matches (error, HERALD_BRIDGE_KEYS_ERROR, HERALD_BRIDGE_KEYS_ERROR_INVALID_NAME)
               ? HERALD_CLI_EXIT_USAGE : HERALD_CLI_EXIT_FAILURE;
    }
  g_print (_("Bridge key “%s” revoked.\n"), name);
  tell_running_bridge ();
  return HERALD_CLI_EXIT_OK;
}

/* ---- serve --------------------------------------------------------------- */

typedef struct
{
  GMainLoop    *loop;
  HeraldBridge *bridge;
  gboolean      reloading;
} Serve;

static gboolean
stop_cb (gpointer user_data)
{
  Serve *serve = user_data;

  g_printerr (_("Stopping the bridge.\n"));
  g_main_loop_quit (serve->loop);
  return G_SOURCE_CONTINUE;
}

static void
reloaded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Serve *serve = user_data;
  g_autoptr(GError) error = NULL;

  serve->reloading = FALSE;
  if (!herald_bridge_reload_keys_finish (HERALD_BRIDGE (source), result, &error))
    g_printerr (_("The bridge's keys could not be reloaded (the old ones stay in use): %s\n"), error->message);
  else
    g_printerr (_("Keys reloaded: %u.\n"), herald_bridge_get_n_keys (serve->bridge));
}

static gboolean
reload_cb (gpointer user_data)
{
  Serve *serve = user_data;

  if (!serve->reloading)
    {
      serve->reloading = TRUE;
      herald_bridge_reload_keys_async (serve->bridge, NULL, reloaded_cb, serve);
    }
  return G_SOURCE_CONTINUE;
}

static int
serve_run (const HeraldCliCommand *command)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldDatabase) database = NULL;
  g_autoptr(HeraldBridge) bridge = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *address = NULL;
  Serve serve = { 0 };
  guint port = 0;
  guint sources[3];
  gboolean ipv6;

  if (!herald_bridge_parse_listen (opt_listen, &address, &port, &error))
    return herald_cli_usage_error (command, "%s", error->message);

  database = herald_cli_open_database (&error);
  if (database == NULL)
    return herald_cli_failure ("%s", error->message);

  herald_bridge_start_async (database, address, port, opt_allow_remote, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  bridge = herald_bridge_start_finish (result, &error);
  if (bridge == NULL)
    {
      g_printerr ("heraldctl %s: %s\n", command->name, error->message);
      return g_error_matches (error, HERALD_BRIDGE_SERVER_ERROR, HERALD_BRIDGE_SERVER_ERROR_REMOTE)
               ? HERALD_CLI_EXIT_USAGE : HERALD_CLI_EXIT_FAILURE;
    }
  if (herald_bridge_get_warning (bridge) != NULL)
    g_printerr ("heraldctl: %s\n", herald_bridge_get_warning (bridge));
  if (herald_bridge_get_n_keys (bridge) == 0)
    g_printerr (_("No bridge key yet: every request will be refused (401) until one is made with "
                  "“heraldctl bridge key create NAME”.\n"));

  loop = g_main_loop_new (NULL, FALSE);
  serve.loop = loop;
  serve.bridge = bridge;
  sources[0] = g_unix_signal_add (SIGINT, stop_cb, &serve);
  sources[1] = g_unix_signal_add (SIGTERM, stop_cb, &serve);
  sources[2] = g_unix_signal_add (SIGHUP, reload_cb, &serve);

  ipv6 = strchr (address, ':') != NULL;
  g_printerr (_("Herald device bridge listening on http://%s%s%s:%u/api/v1 (process %ld, %u keys, "
                "%u modems; SIGHUP reloads the keys)\n"),
              ipv6 ? "[" : "", address, ipv6 ? "]" : "", herald_bridge_get_port (bridge), (long) getpid (),
              herald_bridge_get_n_keys (bridge), herald_bridge_get_n_modems (bridge));

  g_main_loop_run (loop);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    g_source_remove (sources[i]);
  herald_bridge_stop (bridge);
  /* A key reload still running holds &serve. */
  while (serve.reloading)
    g_main_context_iteration (NULL, TRUE);
  g_printerr (_("The bridge stopped.\n"));
  return HERALD_CLI_EXIT_OK;
}

static int
bridge_run (const HeraldCliCommand  *command,
            int                      argc,
            char                   **argv)
{
  const char *what = argc > 1 ? argv[1] : NULL;

  if (g_strcmp0 (what, "serve") == 0)
    {
      if (argc > 2)
        return herald_cli_usage_error (command, _("“bridge serve” takes no arguments."));
      return serve_run (command);
    }
  if (g_strcmp0 (what, "key") == 0)
    {
      const char *action = argc > 2 ? argv[2] : NULL;

      if (g_strcmp0 (action, "create") == 0 && argc == 4)
        return key_create (command, argv[3]);
      if (g_strcmp0 (action, "list") == 0 && argc == 3)
        return key_list (command);
      if (g_strcmp0 (action, "revoke") == 0 && argc == 4)
        return key_revoke (command, argv[3]);
      return herald_cli_usage_error (command, _("Use “bridge key create NAME”, “bridge key list” or "
                                                "“bridge key revoke NAME”."));
    }
  return herald_cli_usage_error (command, _("Use “bridge serve” or “bridge key create|list|revoke”."));
}

const HeraldCliCommand herald_cli_bridge_commands[] = {
  { "bridge", N_("serve | key create NAME | key list | key revoke NAME"),
    N_("Serve the device bridge and manage its API keys"),
    N_("“bridge serve” answers the FlixySMS API (POST /api/v1/sms/send, /sms/bulk, GET /sms/status/ID, "
       "/messages/received, /devices) on 127.0.0.1:8787 over the local modems, until SIGINT or SIGTERM; "
       "only one bridge runs per user. “bridge key create NAME” prints a new key on its last line, once; "
       "the keyring keeps it. A running bridge picks up created and revoked keys at once (SIGHUP)."),
    bridge_entries, bridge_run },
  { NULL }
};
