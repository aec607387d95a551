/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-local-lists"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

/* `heraldctl groups`, `templates` and `optouts` without --account: the
 * local address book. Groups and templates are named by their name. */

/* Prints one row of a list for people. */
typedef void (*RowFunc) (gconstpointer item);

/* A list_…_finish function of a store. */
typedef GPtrArray *(*ListFinishFunc) (gpointer       store,
                                      GAsyncResult  *result,
                                      GError       **error);

/* Waits for the listing that answers in *@result and prints it as the
 * command's output: JSON with --json, else rows, or @none. */
static int
print_list (const HeraldCliCommand     *command,
            const HeraldCliListOptions *options,
            gpointer                    store,
            GAsyncResult              **result,
            ListFinishFunc              finish,
            HeraldCliJsonItemFunc       add_json,
            const char                 *none,
            RowFunc                     print_row)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  herald_cli_wait (result);
  items = finish (store, *result, &error);
  if (items == NULL)
    return herald_cli_local_failure (command, error);
  if (options->json)
    {
      herald_cli_print_json_array (items, add_json);
      return HERALD_CLI_EXIT_OK;
    }
  if (items->len == 0)
    g_print ("%s\n", none);
  for (guint i = 0; i < items->len; i++)
    print_row (items->pdata[i]);
  return HERALD_CLI_EXIT_OK;
}

/* ---- groups -------------------------------------------------------------- */

static void
add_group_json (JsonBuilder   *builder,
                gconstpointer  item)
{
  const HeraldLocalGroup *group = item;

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "name", group->name);
  herald_cli_json_add_count (builder, "contacts", group->n_members);
  herald_cli_json_add_usec (builder, "created_at", group->created_at);
  json_builder_end_object (builder);
}

static void
print_group (gconstpointer item)
{
  const HeraldLocalGroup *group = item;

  herald_cli_print_padded (group->name, 24);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u contact\n", "%u contacts\n", group->n_members), group->n_members);
}

static int
list_groups (const HeraldCliCommand     *command,
             const HeraldCliListOptions *options,
             HeraldContactStore         *store)
{
  g_autoptr(GAsyncResult) result = NULL;

  herald_contact_store_list_groups_async (store, NULL, herald_cli_async_done, &result);
  return print_list (command, options, store, &result, (ListFinishFunc) herald_contact_store_list_groups_finish,
                     add_group_json, _("No groups."), print_group);
}

/* groups members NAME [add|remove PHONE…] */
static int
group_members (const HeraldCliCommand     *command,
               const HeraldCliListOptions *options,
               HeraldContactStore         *store,
               int                         argc,
               char                      **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) phones = NULL;
  const char *change = argc > 3 ? argv[3] : NULL;
  gboolean add;
  guint n;
  int status = HERALD_CLI_EXIT_FAILURE;

  if (change == NULL)
    {
      g_autoptr(GPtrArray) contacts = NULL;

      herald_contact_store_list_contacts_async (store, argv[2], NULL, 0, 0, NULL, herald_cli_async_done, &result);
      herald_cli_wait (&result);
      contacts = herald_contact_store_list_contacts_finish (store, result, &error);
      if (contacts == NULL)
        return herald_cli_local_failure (command, error);
      herald_cli_print_contacts (options, contacts);
      return HERALD_CLI_EXIT_OK;
    }

  add = g_str_equal (change, "add");
  if ((!add && !g_str_equal (change, "remove")) || argc < 5)
    return herald_cli_usage_error (command, _("groups members NAME lists them; groups members NAME add PHONE… "
                                              "or remove PHONE… changes them."));
  if ((phones = herald_cli_local_phones (command, options, argc, argv, 4, &status)) == NULL)
    return status;

  herald_contact_store_change_members_async (store, argv[2], (const char * const *) phones, add, NULL,
                                             herald_cli_async_done, &result);
  herald_cli_wait (&result);
  n = herald_contact_store_change_members_finish (store, result, &error);
  if (error != NULL)
    return herald_cli_local_failure (command, error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      herald_cli_json_add_string (builder, "group", argv[2]);
      herald_cli_json_add_count (builder, add ? "added" : "removed", n);
      json_builder_end_object (builder);
      herald_cli_print_json (builder);
    }
  else if (add)
    g_print (_("Added %u contacts to the group “%s”.\n"), n, argv[2]);
  else
    g_print (_("Removed %u contacts from the group “%s”.\n"), n, argv[2]);
  return HERALD_CLI_EXIT_OK;
}

int
herald_cli_local_groups (const HeraldCliCommand      *command,
                         const HeraldCliListOptions  *options,
                         int                          argc,
                         char                       **argv)
{
  g_autoptr(HeraldContactStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *action = argc > 1 ? argv[1] : "list";
  gboolean add = g_str_equal (action, "add");
  gboolean remove = g_str_equal (action, "remove");
  gboolean rename = g_str_equal (action, "rename");
  int status = HERALD_CLI_EXIT_FAILURE;

  if (!(g_str_equal (action, "list") && argc <= 2) && !((add || remove) && argc == 3) &&
      !(rename && argc == 3 && options->name != NULL) && !(g_str_equal (action, "members") && argc >= 3))
    return herald_cli_usage_error (command, _("groups list, add NAME, remove NAME, rename NAME --name NEW, "
                                              "members NAME [add|remove PHONE…]."));

  if ((store = herald_cli_open_contact_store (command, &status)) == NULL)
    return status;
  if (g_str_equal (action, "list"))
    return list_groups (command, options, store);
  if (g_str_equal (action, "members"))
    return group_members (command, options, store, argc, argv);

  if (add)
    herald_contact_store_add_group_async (store, argv[2], NULL, herald_cli_async_done, &result);
  else if (remove)
    herald_contact_store_remove_group_async (store, argv[2], NULL, herald_cli_async_done, &result);
  else
    herald_contact_store_rename_group_async (store, argv[2], options->name, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  if (!herald_contact_store_group_finish (store, result, &error))
    return herald_cli_local_failure (command, error);

  if (options->json)
    herald_cli_print_json_member (add ? "added" : remove ? "removed" : "renamed", argv[2]);
  else if (add)
    g_print (_("Added the group “%s”.\n"), argv[2]);
  else if (remove)
    g_print (_("Removed the group “%s”; its contacts stay.\n"), argv[2]);
  else
    g_print (_("Renamed the group “%s” to “%s”.\n"), argv[2], options->name);
  return HERALD_CLI_EXIT_OK;
}

/* ---- templates ----------------------------------------------------------- */

static void
add_template_json (JsonBuilder   *builder,
                   gconstpointer  item)
{
  const HeraldLocalTemplate *template = item;

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "name", template->name);
  herald_cli_json_add_string (builder, "message", template->body);
  herald_cli_json_add_usec (builder, "created_at", template->created_at);
  herald_cli_json_add_usec (builder, "updated_at", template->updated_at);
  json_builder_end_object (builder);
}

static void
print_template (gconstpointer item)
{
  const HeraldLocalTemplate *template = item;
  g_autofree char *body = g_strdup (template->body);

  g_strdelimit (body, "\r\n\t", ' ');
  herald_cli_print_padded (template->name, 20);
  g_print ("%s\n", body);
}

static int
list_templates (const HeraldCliCommand     *command,
                const HeraldCliListOptions *options,
                HeraldContactStore         *store)
{
  g_autoptr(GAsyncResult) result = NULL;

  herald_contact_store_list_templates_async (store, NULL, herald_cli_async_done, &result);
  return print_list (command, options, store, &result, (ListFinishFunc) herald_contact_store_list_templates_finish,
                     add_template_json, _("No templates."), print_template);
}

int
herald_cli_local_templates (const HeraldCliCommand      *command,
                            const HeraldCliListOptions  *options,
                            int                          argc,
                            char                       **argv)
{
  g_autoptr(HeraldContactStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *action = argc > 1 ? argv[1] : "list";
  int status = HERALD_CLI_EXIT_FAILURE;

  if (g_str_equal (action, "add") && (argc != 3 || options->message == NULL))
    return herald_cli_usage_error (command, _("Give the new template’s name and text: templates add NAME --message TEXT."));
  if ((g_str_equal (action, "edit") || g_str_equal (action, "remove") || g_str_equal (action, "show")) && argc != 3)
    return herald_cli_usage_error (command, _("templates %s takes one NAME."), action);
  if (g_str_equal (action, "edit") && options->name == NULL && options->message == NULL)
    return herald_cli_usage_error (command, _("Say what changes with --name and/or --message."));
  if (!g_str_equal (action, "add") && !g_str_equal (action, "edit") && !g_str_equal (action, "remove") &&
      !g_str_equal (action, "show") && !(g_str_equal (action, "list") && argc <= 2))
    return herald_cli_usage_error (command, _("templates list, show NAME, add NAME --message TEXT, "
                                              "edit NAME [--name NEW] [--message TEXT] or remove NAME."));

  if ((store = herald_cli_open_contact_store (command, &status)) == NULL)
    return status;
  if (g_str_equal (action, "list"))
    return list_templates (command, options, store);

  if (g_str_equal (action, "show"))
    {
      g_autoptr(HeraldLocalTemplate) template = NULL;

      herald_contact_store_get_template_async (store, argv[2], NULL, herald_cli_async_done, &result);
      herald_cli_wait (&result);
      template = herald_contact_store_get_template_finish (store, result, &error);
      if (template == NULL)
        return herald_cli_local_failure (command, error);
      if (options->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          add_template_json (builder, template);
          herald_cli_print_json (builder);
        }
      else
        g_print ("%s\n", template->body);
      return HERALD_CLI_EXIT_OK;
    }

  if (g_str_equal (action, "add"))
    herald_contact_store_add_template_async (store, argv[2], options->message, NULL, herald_cli_async_done, &result);
  else if (g_str_equal (action, "edit"))
    herald_contact_store_update_template_async (store, argv[2], options->name, options->message, NULL,
                                                herald_cli_async_done, &result);
  else
    herald_contact_store_remove_template_async (store, argv[2], NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  if (!herald_contact_store_template_finish (store, result, &error))
    return herald_cli_local_failure (command, error);

  if (options->json)
    herald_cli_print_json_member (g_str_equal (action, "add") ? "added" : g_str_equal (action, "edit") ? "changed"
                                                                                                       : "removed",
                                  options->name != NULL && g_str_equal (action, "edit") ? options->name : argv[2]);
  else if (g_str_equal (action, "add"))
    g_print (_("Added the template “%s”.\n"), argv[2]);
  else if (g_str_equal (action, "edit"))
    g_print (_("Changed the template “%s”.\n"), options->name != NULL ? options->name : argv[2]);
  else
    g_print (_("Removed the template “%s”.\n"), argv[2]);
  return HERALD_CLI_EXIT_OK;
}

/* ---- opt-outs ------------------------------------------------------------ */

static void
add_optout_json (JsonBuilder   *builder,
                 gconstpointer  item)
{
  const HeraldOptout *optout = item;

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "phone", optout->phone);
  herald_cli_json_add_string (builder, "source", optout->source);
  herald_cli_json_add_string (builder, "account_id", optout->account_id);
  herald_cli_json_add_string (builder, "detail", optout->detail);
  herald_cli_json_add_usec (builder, "added_at", optout->added_at);
  json_builder_end_object (builder);
}

static void
print_optout (gconstpointer item)
{
  const HeraldOptout *optout = item;
  g_autofree char *when = herald_cli_format_usec (optout->added_at);

  herald_cli_print_padded (optout->phone, 17);
  herald_cli_print_padded (when, 18);
  herald_cli_print_padded (optout->source, 9);
  g_print ("%s\n", optout->detail != NULL ? optout->detail : "");
}

static int
list_optouts (const HeraldCliCommand     *command,
              const HeraldCliListOptions *options,
              HeraldOptoutStore          *store)
{
  g_autoptr(GAsyncResult) result = NULL;

  herald_optout_store_list_async (store, NULL, herald_cli_async_done, &result);
  return print_list (command, options, store, &result, (ListFinishFunc) herald_optout_store_list_finish,
                     add_optout_json, _("No opted-out numbers."), print_optout);
}

static int
import_optouts (const HeraldCliCommand     *command,
                const HeraldCliListOptions *options,
                HeraldOptoutStore          *store,
                const char                 *path)
{
  g_autofree char *region = NULL;
  g_autoptr(HeraldOptoutImport) import = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int status = HERALD_CLI_EXIT_FAILURE;

  if (!herald_cli_local_region (command, options, &region, &status))
    return status;

  herald_optout_store_import_file_async (store, path, region, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  import = herald_optout_store_import_file_finish (store, result, &error);
  if (import == NULL)
    return herald_cli_local_failure (command, error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      herald_cli_json_add_count (builder, "added", import->added);
      herald_cli_json_add_count (builder, "already", import->already);
      json_builder_set_member_name (builder, "invalid");
      json_builder_begin_array (builder);
      for (guint i = 0; i < import->invalid->len; i++)
        json_builder_add_string_value (builder, import->invalid->pdata[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      herald_cli_print_json (builder);
      return HERALD_CLI_EXIT_OK;
    }

  for (guint i = 0; i < import->invalid->len; i++)
    g_printerr (_("skipped %s\n"), (const char *) import->invalid->pdata[i]);
  g_print (_("Opted out %u numbers (%u were already); %u entries skipped.\n"),
           import->added, import->already, import->invalid->len);
  return HERALD_CLI_EXIT_OK;
}

static int
change_optouts (const HeraldCliCommand     *command,
                const HeraldCliListOptions *options,
                HeraldOptoutStore          *store,
                int                         argc,
                char                      **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) phones = NULL;
  gboolean add = g_str_equal (argv[1], "add");
  guint n;
  int status = HERALD_CLI_EXIT_FAILURE;

  if ((phones = herald_cli_local_phones (command, options, argc, argv, 2, &status)) == NULL)
    return status;
  if (add)
    herald_optout_store_add_async (store, (const char * const *) phones, "manual", NULL, NULL, NULL,
                                   herald_cli_async_done, &result);
  else
    herald_optout_store_remove_async (store, (const char * const *) phones, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  n = herald_optout_store_change_finish (store, result, &error);
  if (error != NULL)
    return herald_cli_local_failure (command, error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      herald_cli_json_add_count (builder, add ? "added" : "removed", n);
      json_builder_end_object (builder);
      herald_cli_print_json (builder);
    }
  else if (add)
    g_print (_("Opted out %u numbers (%u were already).\n"), n, g_strv_length (phones) - n);
  else
    g_print (_("%u numbers may receive campaigns again.\n"), n);
  return HERALD_CLI_EXIT_OK;
}

int
herald_cli_local_optouts (const HeraldCliCommand      *command,
                          const HeraldCliListOptions  *options,
                          int                          argc,
                          char                       **argv)
{
  g_autoptr(HeraldDatabase) database = NULL;
  g_autoptr(HeraldOptoutStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *action = argc > 1 ? argv[1] : "list";

  if (options->account != NULL)
    return herald_cli_usage_error (command, _("Opt-outs are Herald’s own list, for every account: "
                                              "leave out --account."));
  if (!(g_str_equal (action, "list") && argc <= 2) && !(g_str_equal (action, "import") && argc == 3) &&
      !((g_str_equal (action, "add") || g_str_equal (action, "remove")) && argc >= 3))
    return herald_cli_usage_error (command, _("optouts list, add PHONE…, remove PHONE… or import FILE."));

  database = herald_cli_open_database (&error);
  if (database == NULL)
    return herald_cli_failure ("%s", error->message);
  store = herald_optout_store_new (database);

  if (g_str_equal (action, "list"))
    return list_optouts (command, options, store);
  if (g_str_equal (action, "import"))
    return import_optouts (command, options, store, argv[2]);
  return change_optouts (command, options, store, argc, argv);
}
