/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-remote-lists"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

/* The contacts, groups and templates an account keeps with its provider
 * (HeraldRemoteDirectory). */

int
herald_cli_open_remote_lists (const HeraldCliCommand     *command,
                                const HeraldCliListOptions *options,
                                HeraldCliAccount           *account)
{
  return herald_cli_open_capable (command, options->account, HERALD_TYPE_REMOTE_DIRECTORY,
                                  _("contact list, groups or templates"), account);
}

static const char *
printable (const char *text)
{
  return g_utf8_validate (text, -1, NULL) ? text : "?";
}

/* ---- groups ---------------------------------------------------------------- */

static GPtrArray *
list_groups (HeraldRemoteDirectory  *directory,
             GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  herald_remote_directory_list_groups_async (directory, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  return herald_remote_directory_list_groups_finish (directory, result, error);
}

/* A group by id or name: its id, or NULL after printing why (@status). */
char *
herald_cli_remote_resolve_group (HeraldRemoteDirectory *directory,
                                 const char            *wanted,
                                 int                   *status)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  groups = list_groups (directory, &error);
  if (groups == NULL)
    {
      *status = herald_cli_provider_failure (error);
      return NULL;
    }
  for (guint i = 0; i < groups->len; i++)
    {
      HeraldDirectoryGroup *group = groups->pdata[i];

      if (g_strcmp0 (group->id, wanted) == 0 || g_strcmp0 (group->name, wanted) == 0)
        return g_strdup (group->id);
    }

  g_printerr (_("heraldctl: there is no group “%s”; “heraldctl groups list --account NAME” shows them.\n"),
              printable (wanted));
  *status = HERALD_CLI_EXIT_USAGE;
  return NULL;
}

static void
add_group_json (JsonBuilder   *builder,
                gconstpointer  item)
{
  const HeraldDirectoryGroup *group = item;

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "id", group->id);
  herald_cli_json_add_string (builder, "name", group->name);
  herald_cli_json_add_count (builder, "contacts", group->contact_count);
  herald_cli_json_add_time (builder, "created_at", group->created_at);
  json_builder_end_object (builder);
}

int
herald_cli_remote_groups (const HeraldCliCommand      *command,
                            const HeraldCliListOptions  *options,
                            int                          argc,
                            char                       **argv)
{
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldRemoteDirectory *directory;
  const char *action = argc > 1 ? argv[1] : "list";
  int status;

  if ((status = herald_cli_open_remote_lists (command, options, &account)) != HERALD_CLI_EXIT_OK)
    return status;
  directory = HERALD_REMOTE_DIRECTORY (account.provider);

  if (g_str_equal (action, "list") && argc <= 2)
    {
      g_autoptr(GPtrArray) groups = list_groups (directory, &error);

      if (groups == NULL)
        return herald_cli_provider_failure (error);
      if (options->json)
        {
          herald_cli_print_json_array (groups, add_group_json);
          return HERALD_CLI_EXIT_OK;
        }
      if (groups->len == 0)
        g_print ("%s\n", _("No groups."));
      for (guint i = 0; i < groups->len; i++)
        {
          HeraldDirectoryGroup *group = groups->pdata[i];
          g_autofree char *contacts = group->contact_count >= 0
                                      ? g_strdup_printf ("%" G_GINT64_FORMAT, group->contact_count) : g_strdup ("-");

          herald_cli_print_padded (group->name, 24);
          herald_cli_print_padded (contacts, 8);
          g_print ("%s\n", group->id);
        }
      return HERALD_CLI_EXIT_OK;
    }

  if (g_str_equal (action, "add") && argc == 3)
    {
      g_autoptr(HeraldDirectoryGroup) group = NULL;

      herald_remote_directory_create_group_async (directory, argv[2], NULL, herald_cli_async_done, &result);
      herald_cli_wait (&result);
      group = herald_remote_directory_create_group_finish (directory, result, &error);
      if (group == NULL)
        return herald_cli_provider_failure (error);
      if (options->json)
        herald_cli_print_json_object (group, add_group_json);
      else
        g_print (_("Added the group “%s” (%s).\n"), group->name, group->id);
      return HERALD_CLI_EXIT_OK;
    }

  if (g_str_equal (action, "remove") && argc == 3)
    {
      g_autofree char *id = herald_cli_remote_resolve_group (directory, argv[2], &status);

      if (id == NULL)
        return status;
      herald_remote_directory_delete_group_async (directory, id, NULL, herald_cli_async_done, &result);
      herald_cli_wait (&result);
      if (!herald_remote_directory_delete_group_finish (directory, result, &error))
        return herald_cli_provider_failure (error);
      if (options->json)
        herald_cli_print_json_member ("removed", id);
      else
        g_print (_("Removed the group “%s”; its contacts stay.\n"), printable (argv[2]));
      return HERALD_CLI_EXIT_OK;
    }

  return herald_cli_usage_error (command, _("With --account: groups list, groups add NAME or groups remove NAME|ID."));
}

/* ---- templates ------------------------------------------------------------- */

static void
add_template_json (JsonBuilder   *builder,
                   gconstpointer  item)
{
  const HeraldDirectoryTemplate *template = item;

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "id", template->id);
  herald_cli_json_add_string (builder, "name", template->name);
  herald_cli_json_add_string (builder, "message", template->content);
  herald_cli_json_add_time (builder, "updated_at", template->updated_at);
  json_builder_end_object (builder);
}

static void
print_template (const HeraldCliListOptions *options,
                HeraldDirectoryTemplate    *template,
                const char                 *format)
{
  if (options->json)
    herald_cli_print_json_object (template, add_template_json);
  else
    g_print (format, template->name, template->id);
}

static void
print_templates (const HeraldCliListOptions *options,
                 GPtrArray                  *templates)
{
  if (options->json)
    {
      herald_cli_print_json_array (templates, add_template_json);
      return;
    }

  if (templates->len == 0)
    g_print ("%s\n", _("No templates."));
  for (guint i = 0; i < templates->len; i++)
    {
      HeraldDirectoryTemplate *template = templates->pdata[i];

      herald_cli_print_padded (template->name, 20);
      herald_cli_print_padded (template->id, 28);
      herald_cli_print_one_line (template->content);
    }
}

/* templates edit / remove of @found. */
static int
change_template (const HeraldCliListOptions *options,
                 HeraldRemoteDirectory      *directory,
                 HeraldDirectoryTemplate    *found,
                 const char                 *action)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (action, "edit"))
    {
      g_autoptr(HeraldDirectoryTemplate) updated = NULL;

      /* An update takes both fields: keep the one not given. */
      herald_remote_directory_update_template_async (directory, found->id,
                                                     options->name ? options->name : found->name,
                                                     options->message ? options->message : found->content,
                                                     NULL, herald_cli_async_done, &result);
      herald_cli_wait (&result);
      updated = herald_remote_directory_update_template_finish (directory, result, &error);
      if (updated == NULL)
        return herald_cli_provider_failure (error);
      print_template (options, updated, _("Changed the template “%s” (%s).\n"));
      return HERALD_CLI_EXIT_OK;
    }

  herald_remote_directory_delete_template_async (directory, found->id, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  if (!herald_remote_directory_delete_template_finish (directory, result, &error))
    return herald_cli_provider_failure (error);
  if (options->json)
    herald_cli_print_json_member ("removed", found->id);
  else
    g_print (_("Removed the template “%s”.\n"), found->name);

  return HERALD_CLI_EXIT_OK;
}

int
herald_cli_remote_templates (const HeraldCliCommand      *command,
                               const HeraldCliListOptions  *options,
                               int                          argc,
                               char                       **argv)
{
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  HeraldDirectoryTemplate *found = NULL;
  HeraldRemoteDirectory *directory;
  const char *action = argc > 1 ? argv[1] : "list";
  int status;

  if (g_str_equal (action, "add") && (argc != 3 || options->message == NULL))
    return herald_cli_usage_error (command, _("Give the new template’s name and text: templates add NAME --message TEXT."));
  if ((g_str_equal (action, "edit") || g_str_equal (action, "remove")) && argc != 3)
    return herald_cli_usage_error (command, _("templates %s takes one NAME or ID."), action);
  if (g_str_equal (action, "edit") && options->name == NULL && options->message == NULL)
    return herald_cli_usage_error (command, _("Say what changes with --name and/or --message."));
  if (!g_str_equal (action, "add") && !g_str_equal (action, "edit") &&
      !g_str_equal (action, "remove") && !(g_str_equal (action, "list") && argc <= 2))
    return herald_cli_usage_error (command, _("With --account: templates list, add, edit or remove."));

  if ((status = herald_cli_open_remote_lists (command, options, &account)) != HERALD_CLI_EXIT_OK)
    return status;
  directory = HERALD_REMOTE_DIRECTORY (account.provider);

  if (g_str_equal (action, "add"))
    {
      g_autoptr(HeraldDirectoryTemplate) created = NULL;

      herald_remote_directory_create_template_async (directory, argv[2], options->message, NULL,
                                                     herald_cli_async_done, &result);
      herald_cli_wait (&result);
      created = herald_remote_directory_create_template_finish (directory, result, &error);
      if (created == NULL)
        return herald_cli_provider_failure (error);
      print_template (options, created, _("Added the template “%s” (%s).\n"));
      return HERALD_CLI_EXIT_OK;
    }

  herald_remote_directory_list_templates_async (directory, NULL, herald_cli_async_done, &listed);
  herald_cli_wait (&listed);
  templates = herald_remote_directory_list_templates_finish (directory, listed, &error);
  if (templates == NULL)
    return herald_cli_provider_failure (error);

  if (g_str_equal (action, "list"))
    {
      print_templates (options, templates);
      return HERALD_CLI_EXIT_OK;
    }

  for (guint i = 0; i < templates->len && found == NULL; i++)
    {
      HeraldDirectoryTemplate *template = templates->pdata[i];

      if (g_strcmp0 (template->id, argv[2]) == 0 || g_strcmp0 (template->name, argv[2]) == 0)
        found = template;
    }
  if (found == NULL)
    {
      g_printerr (_("heraldctl: there is no template “%s”; “heraldctl templates list --account NAME” "
                    "shows them.\n"), printable (argv[2]));
      return HERALD_CLI_EXIT_USAGE;
    }

  return change_template (options, directory, found, action);
}
