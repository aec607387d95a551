/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-local-contacts"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "herald-cli.h"

/* `heraldctl contacts` without --account: the local address book
 * (HeraldContactStore). Contacts are named by their number. */

#define LOCAL_PAGE_SIZE 100

void
herald_cli_json_add_contact (JsonBuilder   *builder,
                             gconstpointer  item)
{
  HeraldContact *contact = (HeraldContact *) item;

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "phone", herald_contact_get_phone (contact));
  herald_cli_json_add_string (builder, "first_name", herald_contact_get_first_name (contact));
  herald_cli_json_add_string (builder, "last_name", herald_contact_get_last_name (contact));
  herald_cli_json_add_string (builder, "email", herald_contact_get_email (contact));
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  for (guint i = 0; i < herald_contact_get_n_fields (contact); i++)
    herald_cli_json_add_string (builder, herald_contact_get_field_key (contact, i),
                                herald_contact_get_field_value (contact, i));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

void
herald_cli_print_contacts (const HeraldCliListOptions *options,
                           GPtrArray                  *contacts)
{
  if (options->json)
    {
      herald_cli_print_json_array (contacts, herald_cli_json_add_contact);
      return;
    }

  if (contacts->len == 0)
    g_print ("%s\n", _("No contacts."));
  for (guint i = 0; i < contacts->len; i++)
    {
      HeraldContact *c = contacts->pdata[i];
      g_autofree char *name = g_strjoin (" ", herald_contact_get_first_name (c) ? herald_contact_get_first_name (c) : "",
                                         herald_contact_get_last_name (c) ? herald_contact_get_last_name (c) : "",
                                         NULL);

      herald_cli_print_padded (herald_contact_get_phone (c), 17);
      herald_cli_print_padded (*g_strstrip (name) != '\0' ? name : NULL, 26);
      g_print ("%s\n", herald_contact_get_email (c) != NULL ? herald_contact_get_email (c) : "-");
    }
}

static int
list_contacts (const HeraldCliCommand     *command,
               const HeraldCliListOptions *options,
               HeraldContactStore         *store,
               const char                 *search)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  guint page = options->page > 0 ? (guint) options->page : 0;

  /* Without --page, everything: the local list is at hand. */
  herald_contact_store_list_contacts_async (store, options->group, search,
                                            page > 0 ? (page - 1) * LOCAL_PAGE_SIZE : 0,
                                            page > 0 ? LOCAL_PAGE_SIZE : 0, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  contacts = herald_contact_store_list_contacts_finish (store, result, &error);
  if (contacts == NULL)
    return herald_cli_local_failure (command, error);

  herald_cli_print_contacts (options, contacts);
  if (!options->json && page > 0 && contacts->len == LOCAL_PAGE_SIZE)
    g_print (_("Page %u; --page %u shows the next.\n"), page, page + 1);
  return HERALD_CLI_EXIT_OK;
}

/* --field KEY=VALUE options onto @contact. */
static int
apply_fields (const HeraldCliCommand     *command,
              const HeraldCliListOptions *options,
              HeraldContact              *contact)
{
  for (guint i = 0; options->fields != NULL && options->fields[i] != NULL; i++)
    {
      const char *equals = strchr (options->fields[i], '=');
      g_autofree char *written = NULL;
      g_autofree char *key = NULL;

      if (equals == NULL || equals == options->fields[i])
        return herald_cli_usage_error (command, _("--field takes KEY=VALUE, such as --field loyalty_tier=gold."));
      written = g_strndup (options->fields[i], equals - options->fields[i]);
      key = herald_contact_normalize_key (written);
      if (key == NULL || !herald_contact_is_valid_key (key) || herald_contact_is_standard_key (key))
        return herald_cli_usage_error (command, _("“%.*s” cannot name a custom field: use letters, digits and _, "
                                                  "and --first-name, --last-name, --email for those."),
                                       (int) (equals - options->fields[i]), options->fields[i]);
      herald_contact_set_field (contact, key, equals + 1);
    }
  return HERALD_CLI_EXIT_OK;
}

static int
print_contact (const HeraldCliListOptions *options,
               HeraldContact              *contact,
               const char                 *format)
{
  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      herald_cli_json_add_contact (builder, contact);
      herald_cli_print_json (builder);
    }
  else
    g_print (format, herald_contact_get_phone (contact));
  return HERALD_CLI_EXIT_OK;
}

/* Adds @phone to --group, when given. */
static int
join_group (const HeraldCliCommand     *command,
            const HeraldCliListOptions *options,
            HeraldContactStore         *store,
            const char                 *phone)
{
  const char *phones[] = { phone, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (options->group == NULL)
    return HERALD_CLI_EXIT_OK;
  herald_contact_store_change_members_async (store, options->group, phones, TRUE, NULL,
                                             herald_cli_async_done, &result);
  herald_cli_wait (&result);
  herald_contact_store_change_members_finish (store, result, &error);
  return error != NULL ? herald_cli_local_failure (command, error) : HERALD_CLI_EXIT_OK;
}

static int
add_contact (const HeraldCliCommand     *command,
             const HeraldCliListOptions *options,
             HeraldContactStore         *store,
             const char                 *input)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldContact) contact = NULL;
  g_autofree char *phone = NULL;
  int status = HERALD_CLI_EXIT_FAILURE;

  if ((phone = herald_cli_local_phone (command, options, input, &status)) == NULL)
    return status;
  contact = herald_contact_new_full (options->first_name, options->last_name, phone, options->email);
  if ((status = apply_fields (command, options, contact)) != HERALD_CLI_EXIT_OK)
    return status;

  herald_contact_store_add_contact_async (store, contact, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  if (!herald_contact_store_add_contact_finish (store, result, &error))
    return herald_cli_local_failure (command, error);
  if ((status = join_group (command, options, store, phone)) != HERALD_CLI_EXIT_OK)
    return status;
  return print_contact (options, contact, _("Added the contact %s.\n"));
}

static int
edit_contact (const HeraldCliCommand     *command,
              const HeraldCliListOptions *options,
              HeraldContactStore         *store,
              const char                 *input)
{
  g_autoptr(GAsyncResult) got = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldContact) contact = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *new_phone = NULL;
  int status = HERALD_CLI_EXIT_FAILURE;

  if (options->phone == NULL && options->first_name == NULL && options->last_name == NULL &&
      options->email == NULL && options->fields == NULL && options->group == NULL)
    return herald_cli_usage_error (command, _("Say what changes with --phone, --first-name, --last-name, --email, "
                                              "--field or --group."));
  if ((phone = herald_cli_local_phone (command, options, input, &status)) == NULL ||
      (options->phone != NULL && (new_phone = herald_cli_local_phone (command, options, options->phone,
                                                                      &status)) == NULL))
    return status;

  herald_contact_store_get_contact_async (store, phone, NULL, herald_cli_async_done, &got);
  herald_cli_wait (&got);
  contact = herald_contact_store_get_contact_finish (store, got, &error);
  if (contact == NULL)
    return herald_cli_local_failure (command, error);

  /* An empty value clears a name or the e-mail address. */
  if (new_phone != NULL)
    herald_contact_set_phone (contact, new_phone);
  if (options->first_name != NULL)
    herald_contact_set_first_name (contact, *options->first_name != '\0' ? options->first_name : NULL);
  if (options->last_name != NULL)
    herald_contact_set_last_name (contact, *options->last_name != '\0' ? options->last_name : NULL);
  if (options->email != NULL)
    herald_contact_set_email (contact, *options->email != '\0' ? options->email : NULL);
  if ((status = apply_fields (command, options, contact)) != HERALD_CLI_EXIT_OK)
    return status;

  herald_contact_store_update_contact_async (store, phone, contact, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  if (!herald_contact_store_update_contact_finish (store, result, &error))
    return herald_cli_local_failure (command, error);
  if ((status = join_group (command, options, store, herald_contact_get_phone (contact))) != HERALD_CLI_EXIT_OK)
    return status;
  return print_contact (options, contact, _("Changed the contact %s.\n"));
}

static int
remove_contact (const HeraldCliCommand     *command,
                const HeraldCliListOptions *options,
                HeraldContactStore         *store,
                const char                 *input)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;
  int status = HERALD_CLI_EXIT_FAILURE;

  if ((phone = herald_cli_local_phone (command, options, input, &status)) == NULL)
    return status;
  herald_contact_store_remove_contact_async (store, phone, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  if (!herald_contact_store_remove_contact_finish (store, result, &error))
    return herald_cli_local_failure (command, error);

  if (options->json)
    herald_cli_print_json_member ("removed", phone);
  else
    g_print (_("Removed the contact %s.\n"), phone);
  return HERALD_CLI_EXIT_OK;
}

/* ---- import and export --------------------------------------------------- */

static void
add_report_json (JsonBuilder              *builder,
                 HeraldContactImportReport *report)
{
  json_builder_set_member_name (builder, "invalid");
  json_builder_begin_array (builder);
  for (guint i = 0; i < herald_contact_import_report_get_n_invalid (report); i++)
    {
      const HeraldContactInvalidRow *row = herald_contact_import_report_get_invalid (report, i);

      json_builder_begin_object (builder);
      herald_cli_json_add_count (builder, "line", row->line);
      herald_cli_json_add_string (builder, "input", row->input);
      herald_cli_json_add_string (builder, "reason", row->reason);
      herald_cli_json_add_string (builder, "message", row->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "duplicates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < herald_contact_import_report_get_n_duplicates (report); i++)
    {
      const HeraldContactDuplicate *row = herald_contact_import_report_get_duplicate (report, i);

      json_builder_begin_object (builder);
      herald_cli_json_add_count (builder, "line", row->line);
      herald_cli_json_add_string (builder, "phone", row->phone);
      herald_cli_json_add_count (builder, "first_line", row->first_line);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_import (const HeraldCliListOptions     *options,
              const HeraldContactStoreImport *import)
{
  HeraldContactImportReport *report = import->report;

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      herald_cli_json_add_count (builder, "added", import->added);
      herald_cli_json_add_count (builder, "updated", import->updated);
      herald_cli_json_add_count (builder, "unchanged", import->unchanged);
      herald_cli_json_add_count (builder, "grouped", import->grouped);
      add_report_json (builder, report);
      json_builder_end_object (builder);
      herald_cli_print_json (builder);
      return;
    }

  /* The refused rows on stderr, one a line, so that stdout stays the
   * summary a script may read. */
  for (guint i = 0; i < herald_contact_import_report_get_n_invalid (report); i++)
    {
      const HeraldContactInvalidRow *row = herald_contact_import_report_get_invalid (report, i);

      g_printerr (_("line %u: skipped “%s”: %s\n"), row->line, row->input, row->message);
    }
  for (guint i = 0; i < herald_contact_import_report_get_n_duplicates (report); i++)
    {
      const HeraldContactDuplicate *row = herald_contact_import_report_get_duplicate (report, i);

      g_printerr (_("line %u: %s repeats line %u; the first was kept\n"), row->line, row->phone, row->first_line);
    }
  g_print (_("Imported %u contacts: %u new, %u updated, %u unchanged; %u rows skipped, %u duplicates.\n"),
           import->added + import->updated + import->unchanged, import->added, import->updated, import->unchanged,
           herald_contact_import_report_get_n_invalid (report),
           herald_contact_import_report_get_n_duplicates (report));
  if (options->group != NULL)
    g_print (_("%u joined the group “%s”.\n"), import->grouped, options->group);
}

static int
import_contacts (const HeraldCliCommand     *command,
                 const HeraldCliListOptions *options,
                 HeraldContactStore         *store,
                 const char                 *path)
{
  g_autofree char *region = NULL;
  g_autoptr(HeraldContactImporter) importer = NULL;
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int status = HERALD_CLI_EXIT_FAILURE;

  if (!herald_cli_local_region (command, options, &region, &status))
    return status;

  importer = herald_contact_importer_new (region);
  herald_contact_store_import_file_async (store, path, importer, options->group, NULL,
                                          herald_cli_async_done, &result);
  herald_cli_wait (&result);
  import = herald_contact_store_import_finish (store, result, &error);
  if (import == NULL)
    {
      g_printerr (_("heraldctl %s: nothing was imported from %s: %s\n"), command->name, path, error->message);
      return error->domain == HERALD_STORE_ERROR && error->code != HERALD_STORE_ERROR_INVALID
             ? HERALD_CLI_EXIT_FAILURE : HERALD_CLI_EXIT_USAGE;
    }

  print_import (options, import);
  return HERALD_CLI_EXIT_OK;
}

static int
export_contacts (const HeraldCliCommand     *command,
                 const HeraldCliListOptions *options,
                 HeraldContactStore         *store,
                 const char                 *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  herald_contact_store_export_csv_async (store, file, options->group, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  n = herald_contact_store_export_csv_finish (store, result, &error);
  if (error != NULL)
    return herald_cli_local_failure (command, error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      herald_cli_json_add_count (builder, "exported", n);
      herald_cli_json_add_string (builder, "file", path);
      json_builder_end_object (builder);
      herald_cli_print_json (builder);
    }
  else
    g_print (_("Wrote %u contacts to %s.\n"), n, path);
  return HERALD_CLI_EXIT_OK;
}

HeraldContactStore *
herald_cli_open_contact_store (const HeraldCliCommand *command,
                               int                    *status)
{
  g_autoptr(HeraldDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = herald_cli_open_database (&error);
  if (database == NULL)
    {
      *status = herald_cli_failure ("%s", error->message);
      return NULL;
    }
  return herald_contact_store_new (database);
}

int
herald_cli_local_contacts (const HeraldCliCommand      *command,
                           const HeraldCliListOptions  *options,
                           int                          argc,
                           char                       **argv)
{
  g_autoptr(HeraldContactStore) store = NULL;
  const char *action = argc > 1 ? argv[1] : "list";
  gboolean takes_one = g_str_equal (action, "add") || g_str_equal (action, "edit") ||
                       g_str_equal (action, "remove") || g_str_equal (action, "search") ||
                       g_str_equal (action, "import") || g_str_equal (action, "export");
  int status = HERALD_CLI_EXIT_FAILURE;

  if (!(takes_one && argc == 3) && !(g_str_equal (action, "list") && argc <= 2))
    return herald_cli_usage_error (command, _("contacts list, add PHONE, edit PHONE, remove PHONE, search QUERY, "
                                              "import FILE, export FILE or pull --account NAME."));
  if (options->all && options->page != 0)
    return herald_cli_usage_error (command, _("Give --page N or --all, not both."));
  if (options->page < 0)
    return herald_cli_usage_error (command, _("Pages count from 1."));

  if ((store = herald_cli_open_contact_store (command, &status)) == NULL)
    return status;

  if (g_str_equal (action, "list"))
    return list_contacts (command, options, store, NULL);
  if (g_str_equal (action, "search"))
    return list_contacts (command, options, store, argv[2]);
  if (g_str_equal (action, "add"))
    return add_contact (command, options, store, argv[2]);
  if (g_str_equal (action, "edit"))
    return edit_contact (command, options, store, argv[2]);
  if (g_str_equal (action, "remove"))
    return remove_contact (command, options, store, argv[2]);
  if (g_str_equal (action, "import"))
    return import_contacts (command, options, store, argv[2]);
  return export_contacts (command, options, store, argv[2]);
}
