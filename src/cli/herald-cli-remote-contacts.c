/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-remote-contacts"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

/* The contacts an account keeps with its provider (HeraldRemoteDirectory):
 * list, search, add, edit, remove, import. */

static void
add_contact_json (JsonBuilder   *builder,
                  gconstpointer  item)
{
  const HeraldDirectoryContact *contact = item;

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "id", contact->id);
  herald_cli_json_add_string (builder, "phone", contact->phone);
  herald_cli_json_add_string (builder, "first_name", contact->first_name);
  herald_cli_json_add_string (builder, "last_name", contact->last_name);
  herald_cli_json_add_string (builder, "email", contact->email);
  herald_cli_json_add_time (builder, "created_at", contact->created_at);
  json_builder_end_object (builder);
}

static void
print_contacts (const HeraldCliListOptions *options,
                GPtrArray                  *contacts,
                const HeraldPagination     *pagination)
{
  if (options->json)
    {
      herald_cli_print_json_array (contacts, add_contact_json);
      return;
    }

  if (contacts->len == 0)
    g_print ("%s\n", _("No contacts."));
  for (guint i = 0; i < contacts->len; i++)
    {
      HeraldDirectoryContact *c = contacts->pdata[i];
      g_autofree char *name = g_strjoin (" ", c->first_name ? c->first_name : "", c->last_name ? c->last_name : "",
                                         NULL);

      herald_cli_print_padded (c->phone, 16);
      herald_cli_print_padded (g_strstrip (name), 26);
      herald_cli_print_padded (c->email, 28);
      g_print ("%s\n", c->id);
    }
  if (pagination != NULL && pagination->has_more)
    herald_cli_print_page_hint (pagination->page, pagination->total_pages);
}

typedef struct
{
  HeraldRemoteDirectory *directory;
  const char            *query;      /* search, or list */
  const char            *group_id;
  guint                  per_page;
} ContactsOf;

static HeraldRemotePage *
fetch_contacts (guint      page,
                gpointer   data,
                GError   **error)
{
  ContactsOf *of = data;
  g_autoptr(GAsyncResult) result = NULL;

  if (of->query != NULL)
    herald_remote_directory_search_contacts_async (of->directory, of->query, page, of->per_page, NULL,
                                                   herald_cli_async_done, &result);
  else
    herald_remote_directory_list_contacts_async (of->directory, page, of->per_page, of->group_id, NULL,
                                                 herald_cli_async_done, &result);
  herald_cli_wait (&result);
  return of->query != NULL ? herald_remote_directory_search_contacts_finish (of->directory, result, error)
                           : herald_remote_directory_list_contacts_finish (of->directory, result, error);
}

static int
list_or_search (const HeraldCliListOptions *options,
                HeraldRemoteDirectory      *directory,
                const char                 *query,
                const char                 *group_id)
{
  ContactsOf of = { directory, query, group_id, options->all ? 200 : 0 };
  g_autoptr(HeraldRemotePage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = herald_cli_fetch_pages (fetch_contacts, &of, options->page > 0 ? (guint) options->page : 1, options->all,
                                 &error);
  if (page == NULL)
    return herald_cli_provider_failure (error);

  print_contacts (options, page->items, options->all ? NULL : &page->pagination);
  return HERALD_CLI_EXIT_OK;
}

static int
print_one (const HeraldCliListOptions *options,
           HeraldDirectoryContact     *contact,
           const char                 *format)
{
  if (options->json)
    herald_cli_print_json_object (contact, add_contact_json);
  else
    g_print (format, contact->phone, contact->id);

  return HERALD_CLI_EXIT_OK;
}

static int
import_file (const HeraldCliCommand     *command,
             const HeraldCliListOptions *options,
             HeraldRemoteDirectory      *directory,
             const char                 *path,
             const char                 *group_id)
{
  g_autoptr(HeraldContactImporter) importer = herald_contact_importer_new (herald_remote_directory_get_default_region (directory));
  g_autoptr(HeraldContactImportReport) read = NULL;
  g_autoptr(HeraldDirectoryImport) imported = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree HeraldDirectoryContactFields *fields = NULL;
  GPtrArray *contacts;

  read = herald_contact_importer_import_path (importer, path, NULL, &error);
  if (read == NULL)
    return herald_cli_usage_error (command, _("Could not read %s: %s"), path, error->message);

  contacts = herald_contact_import_report_get_contacts (read);
  if (contacts->len == 0)
    return herald_cli_usage_error (command, _("%s holds no contact with a valid phone number."), path);

  fields = g_new0 (HeraldDirectoryContactFields, contacts->len);
  for (guint i = 0; i < contacts->len; i++)
    {
      HeraldContact *c = contacts->pdata[i];

      fields[i].phone = herald_contact_get_phone (c);
      fields[i].first_name = herald_contact_get_first_name (c);
      fields[i].last_name = herald_contact_get_last_name (c);
      fields[i].email = herald_contact_get_email (c);
    }

  herald_remote_directory_import_contacts_async (directory, fields, contacts->len, group_id, NULL,
                                                 herald_cli_async_done, &result);
  herald_cli_wait (&result);
  imported = herald_remote_directory_import_contacts_finish (directory, result, &error);
  if (imported == NULL)
    return herald_cli_provider_failure (error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      herald_cli_json_add_count (builder, "imported", imported->imported);
      herald_cli_json_add_count (builder, "created", imported->created);
      herald_cli_json_add_count (builder, "skipped", imported->skipped);
      herald_cli_json_add_count (builder, "invalid",
                                 imported->invalid + herald_contact_import_report_get_n_invalid (read));
      herald_cli_json_add_count (builder, "duplicates", herald_contact_import_report_get_n_duplicates (read));
      json_builder_end_object (builder);
      herald_cli_print_json (builder);
    }
  else
    g_print (_("Imported %u contacts (%u new, %u already there); %u rows were invalid and %u duplicates.\n"),
             imported->imported, imported->created, imported->skipped,
             imported->invalid + herald_contact_import_report_get_n_invalid (read),
             herald_contact_import_report_get_n_duplicates (read));

  return HERALD_CLI_EXIT_OK;
}

int
herald_cli_remote_contacts (const HeraldCliCommand      *command,
                              const HeraldCliListOptions  *options,
                              int                          argc,
                              char                       **argv)
{
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldDirectoryContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *group_id = NULL;
  HeraldDirectoryContactFields fields = { options->phone, options->first_name, options->last_name, options->email };
  HeraldRemoteDirectory *directory;
  const char *action = argc > 1 ? argv[1] : "list";
  gboolean takes_one = g_str_equal (action, "add") || g_str_equal (action, "edit") ||
                       g_str_equal (action, "remove") || g_str_equal (action, "search") ||
                       g_str_equal (action, "import");
  int status;

  if (g_str_equal (action, "export"))
    return herald_cli_usage_error (command, _("contacts export works on the local list, which is not "
                                              "available yet."));
  if (!(takes_one && argc == 3) && !(g_str_equal (action, "list") && argc <= 2))
    return herald_cli_usage_error (command, _("With --account: contacts list, add PHONE, edit ID, remove ID, "
                                              "search QUERY or import FILE."));
  if (options->all && options->page != 0)
    return herald_cli_usage_error (command, _("Give --page N or --all, not both."));

  if ((status = herald_cli_open_remote_lists (command, options, &account)) != HERALD_CLI_EXIT_OK)
    return status;
  directory = HERALD_REMOTE_DIRECTORY (account.provider);

  if (options->group != NULL &&
      (group_id = herald_cli_remote_resolve_group (directory, options->group, &status)) == NULL)
    return status;

  if (g_str_equal (action, "list"))
    return list_or_search (options, directory, NULL, group_id);
  if (g_str_equal (action, "search"))
    return list_or_search (options, directory, argv[2], NULL);
  if (g_str_equal (action, "import"))
    return import_file (command, options, directory, argv[2], group_id);

  if (g_str_equal (action, "add"))
    {
      fields.phone = argv[2];
      herald_remote_directory_create_contact_async (directory, &fields, group_id, NULL, herald_cli_async_done, &result);
      herald_cli_wait (&result);
      contact = herald_remote_directory_create_contact_finish (directory, result, &error);
      if (contact == NULL)
        return herald_cli_provider_failure (error);
      return print_one (options, contact, _("Added the contact %s (%s).\n"));
    }

  if (g_str_equal (action, "edit"))
    {
      if (fields.phone == NULL && fields.first_name == NULL && fields.last_name == NULL &&
          fields.email == NULL && group_id == NULL)
        return herald_cli_usage_error (command, _("Say what changes with --phone, --first-name, --last-name, "
                                                  "--email or --group."));
      herald_remote_directory_update_contact_async (directory, argv[2], &fields, group_id, NULL,
                                                    herald_cli_async_done, &result);
      herald_cli_wait (&result);
      contact = herald_remote_directory_update_contact_finish (directory, result, &error);
      if (contact == NULL)
        return herald_cli_provider_failure (error);
      return print_one (options, contact, _("Changed the contact %s (%s).\n"));
    }

  herald_remote_directory_delete_contact_async (directory, argv[2], NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  if (!herald_remote_directory_delete_contact_finish (directory, result, &error))
    return herald_cli_provider_failure (error);
  if (options->json)
    herald_cli_print_json_member ("removed", argv[2]);
  else
    g_print (_("Removed the contact %s.\n"), argv[2]);

  return HERALD_CLI_EXIT_OK;
}
