/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-device"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

static gboolean opt_json;

static const GOptionEntry modems_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

static void
add_bool (JsonBuilder *builder,
          const char  *member,
          gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static void
add_modem_json (JsonBuilder   *builder,
                gconstpointer  item)
{
  HeraldModem *modem = (HeraldModem *) item;

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "device_id", herald_modem_get_device_id (modem));
  herald_cli_json_add_string (builder, "path", herald_modem_get_path (modem));
  herald_cli_json_add_string (builder, "equipment_id", herald_modem_get_equipment_id (modem));
  herald_cli_json_add_string (builder, "manufacturer", herald_modem_get_manufacturer (modem));
  herald_cli_json_add_string (builder, "model", herald_modem_get_model (modem));
  herald_cli_json_add_string (builder, "own_number", herald_modem_get_own_number (modem));
  herald_cli_json_add_string (builder, "state", herald_modem_get_state (modem));
  herald_cli_json_add_count (builder, "signal", herald_modem_get_signal_quality (modem));
  herald_cli_json_add_string (builder, "access_technology", herald_modem_get_access_technology (modem));
  herald_cli_json_add_string (builder, "operator", herald_modem_get_operator_name (modem));
  herald_cli_json_add_string (builder, "operator_code", herald_modem_get_operator_code (modem));
  add_bool (builder, "sim_present", herald_modem_get_sim_present (modem));
  add_bool (builder, "sim_locked", herald_modem_get_sim_locked (modem));
  add_bool (builder, "registered", herald_modem_get_registered (modem));
  add_bool (builder, "usable", herald_modem_get_usable (modem));
  herald_cli_json_add_string (builder, "unusable_reason", herald_modem_get_unusable_reason (modem));
  json_builder_end_object (builder);
}

static const char *
or_dash (const char *text)
{
  return text != NULL ? text : "-";
}

static void
print_modems (GPtrArray *modems)
{
  if (modems->len == 0)
    {
      g_print ("%s\n", _("No modems. Is one plugged in? (ModemManager sees none.)"));
      return;
    }

  herald_cli_print_padded (_("DEVICE ID"), 38);
  herald_cli_print_padded (_("STATE"), 12);
  herald_cli_print_padded (_("SIGNAL"), 8);
  herald_cli_print_padded (_("TECH"), 8);
  herald_cli_print_padded (_("OPERATOR"), 18);
  g_print ("%s\n", _("MODEL"));

  for (guint i = 0; i < modems->len; i++)
    {
      HeraldModem *modem = modems->pdata[i];
      g_autofree char *signal = g_strdup_printf ("%u%%", herald_modem_get_signal_quality (modem));
      g_autofree char *model = g_strjoin (" ", or_dash (herald_modem_get_manufacturer (modem)),
                                          or_dash (herald_modem_get_model (modem)), NULL);

      herald_cli_print_padded (or_dash (herald_modem_get_device_id (modem)), 38);
      herald_cli_print_padded (or_dash (herald_modem_get_state (modem)), 12);
      herald_cli_print_padded (signal, 8);
      herald_cli_print_padded (or_dash (herald_modem_get_access_technology (modem)), 8);
      herald_cli_print_padded (or_dash (herald_modem_get_operator_name (modem)), 18);
      g_print ("%s\n", model);
      if (!herald_modem_get_usable (modem))
        g_print ("  %s %s\n", _("Not usable:"), herald_modem_get_unusable_reason (modem));
    }
}

static int
modems_run (const HeraldCliCommand  *command,
            int                      argc,
            char                   **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldModemManager) manager = NULL;
  g_autoptr(GPtrArray) modems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n;

  if (argc > 1)
    return herald_cli_usage_error (command, _("“%s” takes no arguments."), command->name);

  herald_modem_manager_new_async (NULL, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  manager = herald_modem_manager_new_finish (result, &error);
  if (manager == NULL || !herald_modem_manager_check_running (manager, &error))
    return herald_cli_failure ("%s", error->message);

  n = g_list_model_get_n_items (G_LIST_MODEL (manager));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (modems, g_list_model_get_item (G_LIST_MODEL (manager), i));

  if (opt_json)
    herald_cli_print_json_array (modems, add_modem_json);
  else
    print_modems (modems);

  return HERALD_CLI_EXIT_OK;
}

const HeraldCliCommand herald_cli_device_commands[] = {
  { "modems", NULL, N_("List the modems ModemManager knows"),
    N_("Each modem’s device ID is a stable UUID derived from its IMEI: the bridge’s device_id. "
       "A modem that cannot send now says why (no SIM, locked SIM, no signal, disabled…)."),
    modems_entries, modems_run },
  { NULL }
};
