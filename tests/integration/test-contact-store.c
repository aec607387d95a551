/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The local address book against a real SQLite file: contacts, import
 * (idempotent, bad rows with their lines, all or nothing), export, groups,
 * templates, opt-outs, and the lazy contact list model. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "herald-core.h"
#include "herald-test-util.h"
#include "store/herald-database-private.h"

typedef struct
{
  char               *dir;
  HeraldDatabase     *database;
  HeraldContactStore *store;
  HeraldOptoutStore  *optouts;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("herald-contact-store-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "herald.db", NULL);
  fixture->database = herald_database_open (path, &error);
  g_assert_no_error (error);
  fixture->store = herald_contact_store_new (fixture->database);
  fixture->optouts = herald_optout_store_new (fixture->database);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->optouts);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->database);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* ---- helpers: the calls, run to their end -------------------------------- */

static HeraldContactStoreImport *
import_file (Fixture     *fixture,
             const char  *path,
             const char  *group,
             GError     **error)
{
  g_autoptr(HeraldContactImporter) importer = herald_contact_importer_new ("GH");
  g_autoptr(GAsyncResult) result = NULL;

  herald_contact_store_import_file_async (fixture->store, path, importer, group, NULL, herald_test_async_done, &result);
  return herald_contact_store_import_finish (fixture->store, herald_test_wait (&result), error);
}

static GPtrArray *
list_contacts (Fixture    *fixture,
               const char *group,
               const char *search)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *contacts;

  herald_contact_store_list_contacts_async (fixture->store, group, search, 0, 0, NULL, herald_test_async_done, &result);
  contacts = herald_contact_store_list_contacts_finish (fixture->store, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  return contacts;
}

static char *
phones_of (GPtrArray *contacts)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < contacts->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", herald_contact_get_phone (contacts->pdata[i]));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_phones (Fixture    *fixture,
               const char *group,
               const char *search,
               const char *expected)
{
  g_autoptr(GPtrArray) contacts = list_contacts (fixture, group, search);
  g_autofree char *phones = phones_of (contacts);

  g_assert_cmpstr (phones, ==, expected);
}

static gboolean
add_contact (Fixture        *fixture,
             HeraldContact  *contact,
             GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  herald_contact_store_add_contact_async (fixture->store, contact, NULL, herald_test_async_done, &result);
  return herald_contact_store_add_contact_finish (fixture->store, herald_test_wait (&result), error);
}

static guint
change_members (Fixture             *fixture,
                const char          *group,
                const char * const  *phones,
                gboolean             add,
                GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  herald_contact_store_change_members_async (fixture->store, group, phones, add, NULL, herald_test_async_done,
                                             &result);
  return herald_contact_store_change_members_finish (fixture->store, herald_test_wait (&result), error);
}

static gboolean
group_call_finish (Fixture       *fixture,
                   GAsyncResult **result,
                   GError       **error)
{
  return herald_contact_store_group_finish (fixture->store, herald_test_wait (result), error);
}

static GPtrArray *
list_groups (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *groups;

  herald_contact_store_list_groups_async (fixture->store, NULL, herald_test_async_done, &result);
  groups = herald_contact_store_list_groups_finish (fixture->store, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  return groups;
}

static const char customers_csv[] =
  "first_name,last_name,phone,email,Loyalty Tier\n"
  "Ama,Mensah,0241234567,ama@example.com,gold\n"
  "Kofi,Boateng,+233201234567,,silver\n"
  "Bad,Row,12,,\n"
  "Again,Ama,024 123 4567,,\n"
  "Esi,Owusu,0551234567,,\n";

/* ---- schema -------------------------------------------------------------- */

static gboolean
count_tables_func (HeraldDatabase  *database,
                   gpointer         user_data,
                   GCancellable    *cancellable,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database,
                                                          "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                                          "name IN ('contacts', 'contact_groups', 'contact_group_members', "
                                                          "'templates', 'optouts', 'inbox_messages')", error);

  if (stmt == NULL || herald_database_step (database, stmt, error) != SQLITE_ROW)
    return FALSE;
  *(gint64 *) user_data = herald_database_column_int64 (stmt, 0);
  return TRUE;
}

static void
test_schema (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 n = 0;

  g_assert_cmpuint (herald_database_get_schema_version (fixture->database), >=, 3);
  g_assert_true (herald_database_run (fixture->database, count_tables_func, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 6);
}

/* ---- import -------------------------------------------------------------- */

static void
test_import_idempotent (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "customers.csv", customers_csv);
  g_autoptr(HeraldContactStoreImport) first = NULL;
  g_autoptr(HeraldContactStoreImport) second = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;

  first = import_file (fixture, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->added, ==, 3);
  g_assert_cmpuint (first->updated, ==, 0);
  g_assert_cmpuint (first->unchanged, ==, 0);

  second = import_file (fixture, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_cmpuint (second->updated, ==, 0);
  g_assert_cmpuint (second->unchanged, ==, 3);

  /* Name order: the case-folded "first last". */
  contacts = list_contacts (fixture, NULL, NULL);
  g_assert_cmpuint (contacts->len, ==, 3);
  g_assert_cmpstr (herald_contact_get_phone (contacts->pdata[0]), ==, "+233241234567");
  g_assert_cmpstr (herald_contact_get_email (contacts->pdata[0]), ==, "ama@example.com");
  g_assert_cmpstr (herald_contact_get_field (contacts->pdata[0], "loyalty_tier"), ==, "gold");
  g_assert_cmpstr (herald_contact_get_phone (contacts->pdata[1]), ==, "+233551234567");
  g_assert_cmpstr (herald_contact_get_phone (contacts->pdata[2]), ==, "+233201234567");
  g_assert_cmpstr (herald_contact_get_field (contacts->pdata[2], "loyalty_tier"), ==, "silver");
}

static void
test_import_bad_rows (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "customers.csv", customers_csv);
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(GError) error = NULL;
  const HeraldContactInvalidRow *invalid;
  const HeraldContactDuplicate *duplicate;

  import = import_file (fixture, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_contact_import_report_get_n_invalid (import->report), ==, 1);
  invalid = herald_contact_import_report_get_invalid (import->report, 0);
  g_assert_cmpuint (invalid->line, ==, 4);
  g_assert_cmpstr (invalid->input, ==, "12");
  g_assert_cmpstr (invalid->reason, ==, "too-short");
  g_assert_cmpuint (herald_contact_import_report_get_n_duplicates (import->report), ==, 1);
  duplicate = herald_contact_import_report_get_duplicate (import->report, 0);
  g_assert_cmpuint (duplicate->line, ==, 5);
  g_assert_cmpuint (duplicate->first_line, ==, 2);
  g_assert_cmpstr (duplicate->phone, ==, "+233241234567");
}

static void
test_import_updates_and_merges (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *first = write_file (fixture, "a.csv", customers_csv);
  g_autofree char *second = write_file (fixture, "b.csv",
                                        "phone,first_name,city\n"
                                        "+233241234567,Amma,Accra\n"
                                        "+233201234567,Kofi,\n");
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(HeraldContactStoreImport) again = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  HeraldContact *ama;

  g_clear_pointer (&import, herald_contact_store_import_free);
  import = import_file (fixture, first, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&import, herald_contact_store_import_free);
  import = import_file (fixture, second, NULL, &error);
  g_assert_no_error (error);
  /* Ama's first name changed and she gained a field; Kofi is as he was
   * (an empty cell changes nothing). */
  g_assert_cmpuint (import->added, ==, 0);
  g_assert_cmpuint (import->updated, ==, 1);
  g_assert_cmpuint (import->unchanged, ==, 1);

  contacts = list_contacts (fixture, NULL, "Amma");
  g_assert_cmpuint (contacts->len, ==, 1);
  ama = contacts->pdata[0];
  g_assert_cmpstr (herald_contact_get_first_name (ama), ==, "Amma");
  g_assert_cmpstr (herald_contact_get_last_name (ama), ==, "Mensah");
  g_assert_cmpstr (herald_contact_get_email (ama), ==, "ama@example.com");
  g_assert_cmpuint (herald_contact_get_n_fields (ama), ==, 2);
  g_assert_cmpstr (herald_contact_get_field_key (ama, 0), ==, "loyalty_tier");
  g_assert_cmpstr (herald_contact_get_field (ama, "city"), ==, "Accra");

  again = import_file (fixture, second, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->updated, ==, 0);
  g_assert_cmpuint (again->unchanged, ==, 2);
}

static gboolean
exec_func (HeraldDatabase  *database,
           gpointer         user_data,
           GCancellable    *cancellable,
           GError         **error)
{
  return herald_database_exec (database, user_data, error);
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (herald_database_run (fixture->database, exec_func, (gpointer) sql, NULL, &error));
  g_assert_no_error (error);
}

static void
test_import_rolls_back (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *before = write_file (fixture, "before.csv", "phone,first_name\n+233241234567,Ama\n");
  g_autofree char *path = write_file (fixture, "customers.csv",
                                      "phone,first_name\n"
                                      "+233241234567,Changed\n"
                                      "+233201234567,Kofi\n"
                                      "+233551234567,Fails\n"
                                      "+233271234567,Never\n");
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;

  import = import_file (fixture, before, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&import, herald_contact_store_import_free);

  /* The database refuses the third row, after two rows (an update and an
   * insert) and the group were written in the same transaction. */
  exec_sql (fixture, "CREATE TEMP TRIGGER refuse BEFORE INSERT ON contacts WHEN NEW.phone = '+233551234567' "
                     "BEGIN SELECT RAISE (ABORT, 'injected failure'); END");
  import = import_file (fixture, path, "Fresh", &error);
  g_assert_null (import);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_QUERY);
  g_assert_nonnull (strstr (error->message, "injected failure"));
  exec_sql (fixture, "DROP TRIGGER temp.refuse");

  contacts = list_contacts (fixture, NULL, NULL);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpstr (herald_contact_get_first_name (contacts->pdata[0]), ==, "Ama");
  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 0);
}

static void
test_import_unreadable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing.csv", NULL);
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  import = import_file (fixture, path, "Fresh", &error);
  g_assert_null (import);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 0);
}

static void
test_import_group (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "customers.csv", customers_csv);
  g_autoptr(HeraldContactStoreImport) first = NULL;
  g_autoptr(HeraldContactStoreImport) second = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  HeraldLocalGroup *group;

  first = import_file (fixture, path, "VIP", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->grouped, ==, 3);
  second = import_file (fixture, path, "vip", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->grouped, ==, 0);

  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 1);
  group = groups->pdata[0];
  g_assert_cmpstr (group->name, ==, "VIP");
  g_assert_cmpuint (group->n_members, ==, 3);
  assert_phones (fixture, "VIP", NULL, "+233241234567 +233551234567 +233201234567");
}

static void
test_import_contacts_refuses_non_e164 (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (contacts, herald_contact_new_full ("A", NULL, "+233241234567", NULL));
  g_ptr_array_add (contacts, herald_contact_new_full ("B", NULL, "0241234568", NULL));
  herald_contact_store_import_contacts_async (fixture->store, contacts, NULL, NULL, herald_test_async_done, &result);
  import = herald_contact_store_import_finish (fixture->store, herald_test_wait (&result), &error);
  g_assert_null (import);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  assert_phones (fixture, NULL, NULL, "");
}

/* ---- contacts ------------------------------------------------------------ */

static void
test_contacts_add_edit_remove (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(HeraldContact) yaw = herald_contact_new_full ("Yaw", "Osei", "+233241234567", NULL);
  g_autoptr(HeraldContact) ama = herald_contact_new_full ("Ama", NULL, "+233201234567", NULL);
  g_autoptr(HeraldContact) national = herald_contact_new_full ("N", NULL, "0241234567", NULL);
  g_autoptr(HeraldContact) got = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_contact_set_field (yaw, "city", "Kumasi");
  g_assert_true (add_contact (fixture, yaw, &error));
  g_assert_no_error (error);
  g_assert_true (add_contact (fixture, ama, &error));
  g_assert_false (add_contact (fixture, yaw, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (add_contact (fixture, national, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  herald_contact_store_get_contact_async (fixture->store, "+233241234567", NULL, herald_test_async_done, &result);
  got = herald_contact_store_get_contact_finish (fixture->store, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_true (herald_contact_equal (got, yaw));
  g_clear_object (&result);

  /* A new number for Yaw; then Yaw onto Ama's number is refused. */
  herald_contact_set_phone (got, "+233551234567");
  herald_contact_store_update_contact_async (fixture->store, "+233241234567", got, NULL, herald_test_async_done,
                                             &result);
  g_assert_true (herald_contact_store_update_contact_finish (fixture->store, herald_test_wait (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  assert_phones (fixture, NULL, NULL, "+233201234567 +233551234567");

  herald_contact_set_phone (got, "+233201234567");
  herald_contact_store_update_contact_async (fixture->store, "+233551234567", got, NULL, herald_test_async_done,
                                             &result);
  g_assert_false (herald_contact_store_update_contact_finish (fixture->store, herald_test_wait (&result), &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_object (&result);

  herald_contact_store_remove_contact_async (fixture->store, "+233551234567", NULL, herald_test_async_done, &result);
  g_assert_true (herald_contact_store_remove_contact_finish (fixture->store, herald_test_wait (&result), &error));
  g_clear_object (&result);
  herald_contact_store_remove_contact_async (fixture->store, "+233551234567", NULL, herald_test_async_done, &result);
  g_assert_false (herald_contact_store_remove_contact_finish (fixture->store, herald_test_wait (&result), &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND);
  assert_phones (fixture, NULL, NULL, "+233201234567");
}

static void
test_contacts_search (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "customers.csv", customers_csv);
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = import_file (fixture, path, NULL, &error);
  g_assert_no_error (error);

  assert_phones (fixture, NULL, "ama", "+233241234567");
  assert_phones (fixture, NULL, "BOATENG", "+233201234567");
  assert_phones (fixture, NULL, "o", "+233551234567 +233201234567");
  /* Digits: international, national with its leading 0, a part. */
  assert_phones (fixture, NULL, "+233 55", "+233551234567");
  assert_phones (fixture, NULL, "020 123", "+233201234567");
  assert_phones (fixture, NULL, "1234567", "+233241234567 +233551234567 +233201234567");
  assert_phones (fixture, NULL, "nobody", "");
}

static void
test_export_reads_back (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "customers.csv", customers_csv);
  g_autofree char *out = g_build_filename (fixture->dir, "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(HeraldContactImporter) importer = herald_contact_importer_new (NULL);
  g_autoptr(HeraldContactImportReport) report = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *read;

  import = import_file (fixture, path, NULL, &error);
  g_assert_no_error (error);
  herald_contact_store_export_csv_async (fixture->store, file, NULL, NULL, herald_test_async_done, &result);
  g_assert_cmpuint (herald_contact_store_export_csv_finish (fixture->store, herald_test_wait (&result), &error), ==, 3);
  g_assert_no_error (error);

  report = herald_contact_importer_import_path (importer, out, NULL, &error);
  g_assert_no_error (error);
  read = herald_contact_import_report_get_contacts (report);
  stored = list_contacts (fixture, NULL, NULL);
  g_assert_cmpuint (read->len, ==, stored->len);
  for (guint i = 0; i < read->len; i++)
    g_assert_true (herald_contact_equal (read->pdata[i], stored->pdata[i]));
}

/* ---- groups -------------------------------------------------------------- */

static void
test_groups (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "customers.csv", customers_csv);
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  const char *two[] = { "+233241234567", "+233551234567", NULL };
  const char *unknown[] = { "+233201234567", "+233271234567", NULL };
  GAsyncResult *result = NULL;

  import = import_file (fixture, path, NULL, &error);
  g_assert_no_error (error);

  herald_contact_store_add_group_async (fixture->store, "Staff", NULL, herald_test_async_done, &result);
  g_assert_true (group_call_finish (fixture, &result, &error));
  g_clear_object (&result);
  herald_contact_store_add_group_async (fixture->store, "STAFF", NULL, herald_test_async_done, &result);
  g_assert_false (group_call_finish (fixture, &result, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_object (&result);
  herald_contact_store_add_group_async (fixture->store, "  ", NULL, herald_test_async_done, &result);
  g_assert_false (group_call_finish (fixture, &result, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&result);

  g_assert_cmpuint (change_members (fixture, "staff", two, TRUE, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (change_members (fixture, "Staff", two, TRUE, &error), ==, 0);
  /* An unknown number changes nothing, not even the known one before it. */
  g_assert_cmpuint (change_members (fixture, "Staff", unknown, TRUE, &error), ==, 0);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_phones (fixture, "Staff", NULL, "+233241234567 +233551234567");
  g_assert_cmpuint (change_members (fixture, "Staff", two + 1, FALSE, &error), ==, 1);
  assert_phones (fixture, "Staff", NULL, "+233241234567");
  g_assert_cmpuint (change_members (fixture, "Nobody", two, TRUE, &error), ==, 0);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  herald_contact_store_rename_group_async (fixture->store, "staff", "Team", NULL, herald_test_async_done, &result);
  g_assert_true (group_call_finish (fixture, &result, &error));
  g_clear_object (&result);
  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpstr (((HeraldLocalGroup *) groups->pdata[0])->name, ==, "Team");
  g_assert_cmpuint (((HeraldLocalGroup *) groups->pdata[0])->n_members, ==, 1);

  /* Removing a group keeps its contacts. */
  herald_contact_store_remove_group_async (fixture->store, "Team", NULL, herald_test_async_done, &result);
  g_assert_true (group_call_finish (fixture, &result, &error));
  g_clear_object (&result);
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 0);
  assert_phones (fixture, NULL, NULL, "+233241234567 +233551234567 +233201234567");
  herald_contact_store_remove_group_async (fixture->store, "Team", NULL, herald_test_async_done, &result);
  g_assert_false (group_call_finish (fixture, &result, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND);
  g_clear_object (&result);
}

/* ---- templates ----------------------------------------------------------- */

static gboolean
template_call_finish (Fixture       *fixture,
                      GAsyncResult **result,
                      GError       **error)
{
  gboolean ok = herald_contact_store_template_finish (fixture->store, herald_test_wait (result), error);

  g_clear_object (result);
  return ok;
}

static void
test_templates (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(HeraldLocalTemplate) got = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  herald_contact_store_add_template_async (fixture->store, "Promo", "Hi {{first_name}}", NULL,
                                           herald_test_async_done, &result);
  g_assert_true (template_call_finish (fixture, &result, &error));
  herald_contact_store_add_template_async (fixture->store, "promo", "Again", NULL, herald_test_async_done, &result);
  g_assert_false (template_call_finish (fixture, &result, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  herald_contact_store_add_template_async (fixture->store, "Empty", "", NULL, herald_test_async_done, &result);
  g_assert_false (template_call_finish (fixture, &result, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  herald_contact_store_add_template_async (fixture->store, "Closing", "We close at 8pm.", NULL,
                                           herald_test_async_done, &result);
  g_assert_true (template_call_finish (fixture, &result, &error));

  /* The text only, then the name only. */
  herald_contact_store_update_template_async (fixture->store, "PROMO", NULL, "Hello {{first_name}}", NULL,
                                              herald_test_async_done, &result);
  g_assert_true (template_call_finish (fixture, &result, &error));
  herald_contact_store_update_template_async (fixture->store, "Promo", "Offer", NULL, NULL,
                                              herald_test_async_done, &result);
  g_assert_true (template_call_finish (fixture, &result, &error));
  herald_contact_store_update_template_async (fixture->store, "Offer", "Closing", NULL, NULL,
                                              herald_test_async_done, &result);
  g_assert_false (template_call_finish (fixture, &result, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  herald_contact_store_get_template_async (fixture->store, "offer", NULL, herald_test_async_done, &result);
  got = herald_contact_store_get_template_finish (fixture->store, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstr (got->name, ==, "Offer");
  g_assert_cmpstr (got->body, ==, "Hello {{first_name}}");
  g_assert_cmpint (got->updated_at, >=, got->created_at);

  herald_contact_store_remove_template_async (fixture->store, "Closing", NULL, herald_test_async_done, &result);
  g_assert_true (template_call_finish (fixture, &result, &error));
  herald_contact_store_remove_template_async (fixture->store, "Closing", NULL, herald_test_async_done, &result);
  g_assert_false (template_call_finish (fixture, &result, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  herald_contact_store_list_templates_async (fixture->store, NULL, herald_test_async_done, &result);
  templates = herald_contact_store_list_templates_finish (fixture->store, herald_test_wait (&result), &error);
  g_clear_object (&result);
  g_assert_cmpuint (templates->len, ==, 1);
  g_assert_cmpstr (((HeraldLocalTemplate *) templates->pdata[0])->name, ==, "Offer");
}

/* ---- opt-outs ------------------------------------------------------------ */

/* The custom keys of every contact, once each, sorted: what templates can
 * use besides the standard fields. */
static void
test_field_keys (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(HeraldContact) ama = herald_contact_new_full ("Ama", NULL, "+233241234567", NULL);
  g_autoptr(HeraldContact) kofi = herald_contact_new_full ("Kofi", NULL, "+233201234567", NULL);
  g_autoptr(HeraldContact) yaw = herald_contact_new_full ("Yaw", NULL, "+233551234567", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *joined = NULL;
  GAsyncResult *result = NULL;

  herald_contact_store_list_field_keys_async (fixture->store, NULL, herald_test_async_done, &result);
  keys = herald_contact_store_list_field_keys_finish (fixture->store, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (g_strv_length (keys), ==, 0);
  g_clear_pointer (&keys, g_strfreev);

  herald_contact_set_field (ama, "loyalty_tier", "gold");
  herald_contact_set_field (ama, "city", "Accra");
  herald_contact_set_field (kofi, "loyalty_tier", "silver");
  g_assert_true (add_contact (fixture, ama, &error));
  g_assert_true (add_contact (fixture, kofi, &error));
  g_assert_true (add_contact (fixture, yaw, &error));
  g_assert_no_error (error);

  herald_contact_store_list_field_keys_async (fixture->store, NULL, herald_test_async_done, &result);
  keys = herald_contact_store_list_field_keys_finish (fixture->store, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  joined = g_strjoinv (" ", keys);
  g_assert_cmpstr (joined, ==, "city loyalty_tier");
}

static guint
optouts_change (Fixture             *fixture,
                const char * const  *phones,
                gboolean             add,
                GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (add)
    herald_optout_store_add_async (fixture->optouts, phones, "manual", NULL, "by hand", NULL,
                                   herald_test_async_done, &result);
  else
    herald_optout_store_remove_async (fixture->optouts, phones, NULL, herald_test_async_done, &result);
  return herald_optout_store_change_finish (fixture->optouts, herald_test_wait (&result), error);
}

static char *
optouts_filter (Fixture            *fixture,
                const char * const *phones)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) found = NULL;

  herald_optout_store_filter_async (fixture->optouts, phones, NULL, herald_test_async_done, &result);
  found = herald_optout_store_filter_finish (fixture->optouts, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  return g_strjoinv (" ", found);
}

static gboolean
opted_out (Fixture    *fixture,
           const char *phone)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean out = TRUE;

  herald_optout_store_is_opted_out_async (fixture->optouts, phone, NULL, herald_test_async_done, &result);
  g_assert_true (herald_optout_store_is_opted_out_finish (fixture->optouts, herald_test_wait (&result), &out, &error));
  g_assert_no_error (error);
  return out;
}

static void
test_optouts (Fixture       *fixture,
              gconstpointer  data)
{
  const char *two[] = { "+233241234567", "+233201234567", NULL };
  const char *bad[] = { "+233551234567", "0241234567", NULL };
  const char *asked[] = { "+233551234567", "+233201234567", "+233271234567", "+233241234567", NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filtered = NULL;
  g_autofree char *after = NULL;
  HeraldOptout *first;

  g_assert_cmpuint (optouts_change (fixture, two, TRUE, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (optouts_change (fixture, two, TRUE, &error), ==, 0);
  g_assert_cmpuint (optouts_change (fixture, bad, TRUE, &error), ==, 0);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (opted_out (fixture, "+233241234567"));
  g_assert_false (opted_out (fixture, "+233551234567"));
  filtered = optouts_filter (fixture, asked);
  g_assert_cmpstr (filtered, ==, "+233201234567 +233241234567");

  herald_optout_store_list_async (fixture->optouts, NULL, herald_test_async_done, &result);
  list = herald_optout_store_list_finish (fixture->optouts, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  first = list->pdata[0];
  g_assert_cmpstr (first->source, ==, "manual");
  g_assert_cmpstr (first->detail, ==, "by hand");
  g_assert_null (first->account_id);

  g_assert_cmpuint (optouts_change (fixture, two + 1, FALSE, &error), ==, 1);
  g_assert_cmpuint (optouts_change (fixture, two + 1, FALSE, &error), ==, 0);
  after = optouts_filter (fixture, asked);
  g_assert_cmpstr (after, ==, "+233241234567");
}

static HeraldOptoutImport *
optouts_import (Fixture     *fixture,
                const char  *path,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  herald_optout_store_import_file_async (fixture->optouts, path, "GH", NULL, herald_test_async_done, &result);
  return herald_optout_store_import_file_finish (fixture->optouts, herald_test_wait (&result), error);
}

static void
test_optouts_import (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *plain = write_file (fixture, "stop.txt", "0241234567\n+233 20 123 4567, 0551234567\nxyz\n");
  g_autofree char *csv = write_file (fixture, "stop.csv", customers_csv);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  const char *asked[] = { "+233241234567", "+233201234567", "+233551234567", NULL };
  g_autoptr(HeraldOptoutImport) first = NULL;
  g_autoptr(HeraldOptoutImport) second = NULL;
  g_autoptr(HeraldOptoutImport) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filtered = NULL;

  first = optouts_import (fixture, plain, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->added, ==, 3);
  g_assert_cmpuint (first->already, ==, 0);
  g_assert_cmpuint (first->invalid->len, ==, 1);
  g_assert_nonnull (strstr (first->invalid->pdata[0], "xyz"));
  filtered = optouts_filter (fixture, asked);
  g_assert_cmpstr (filtered, ==, "+233241234567 +233201234567 +233551234567");

  /* A contacts file: its phone column; the bad row with its line. */
  second = optouts_import (fixture, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_cmpuint (second->already, ==, 3);
  g_assert_cmpuint (second->invalid->len, ==, 1);
  g_assert_nonnull (strstr (second->invalid->pdata[0], "4"));

  none = optouts_import (fixture, missing, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* ---- the lazy model ------------------------------------------------------ */

#define N_MODEL_CONTACTS 1000

static void
fill_contacts (Fixture *fixture,
               guint    n)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(GError) error = NULL;

  /* Added in reverse, so that name order is not insertion order. */
  for (guint i = n; i > 0; i--)
    {
      g_autofree char *name = g_strdup_printf ("Contact %04u", i - 1);
      g_autofree char *phone = g_strdup_printf ("+2332400%05u", i - 1);

      g_ptr_array_add (contacts, herald_contact_new_full (name, NULL, phone, NULL));
    }
  herald_contact_store_import_contacts_async (fixture->store, contacts, NULL, NULL, herald_test_async_done, &result);
  import = herald_contact_store_import_finish (fixture->store, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->added, ==, n);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} Changed;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  Changed *changed = user_data;

  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->n_signals++;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until @changed has seen @n_signals signals. */
static void
wait_for_signals (Changed *changed,
                  guint    n_signals)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (HERALD_TEST_WAIT_SECONDS, timed_out_cb, &timed_out);

  while (changed->n_signals < n_signals && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static char *
name_at (GListModel *model,
         guint       position)
{
  g_autoptr(HeraldContact) contact = g_list_model_get_item (model, position);

  g_assert_nonnull (contact);
  return g_strdup (herald_contact_get_first_name (contact));
}

static void
test_model_lazy (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(HeraldContactListModel) model = NULL;
  g_autoptr(HeraldContact) placeholder = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  Changed changed = { 0 };

  fill_contacts (fixture, N_MODEL_CONTACTS);
  model = herald_contact_list_model_new (fixture->store);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changed);
  g_assert_true (herald_contact_list_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  wait_for_signals (&changed, 1);
  g_assert_false (herald_contact_list_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_MODEL_CONTACTS);
  g_assert_cmpuint (changed.added, ==, N_MODEL_CONTACTS);
  g_assert_cmpuint (herald_contact_list_model_get_n_cached (model), ==, 0);

  /* Not read yet: a placeholder at once, then the page arrives. */
  placeholder = g_list_model_get_item (G_LIST_MODEL (model), 700);
  g_assert_nonnull (placeholder);
  g_assert_null (herald_contact_get_phone (placeholder));
  g_assert_false (herald_contact_list_model_is_loaded (model, 700));
  wait_for_signals (&changed, 2);
  g_assert_cmpuint (changed.position, ==, 640);
  g_assert_cmpuint (changed.removed, ==, 64);
  g_assert_cmpuint (changed.added, ==, 64);
  g_assert_true (herald_contact_list_model_is_loaded (model, 700));
  last = name_at (G_LIST_MODEL (model), 700);
  g_assert_cmpstr (last, ==, "Contact 0700");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_MODEL_CONTACTS));

  /* Every row touched: the cache stays a few pages. */
  for (guint i = 0; i < N_MODEL_CONTACTS; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  g_assert_cmpuint (herald_contact_list_model_get_n_cached (model), <=, 8 * 64);
  /* Pages 0–7 were dropped for 8–15 before any answer came: those answers
   * are dropped too, and only 8–15 say they changed. */
  wait_for_signals (&changed, 2 + 8);
  first = name_at (G_LIST_MODEL (model), N_MODEL_CONTACTS - 1);
  g_assert_cmpstr (first, ==, "Contact 0999");
}

static void
test_model_search (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HeraldContactListModel) model = NULL;
  g_autoptr(HeraldContact) extra = herald_contact_new_full ("Zed", NULL, "+233550000001", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  Changed changed = { 0 };

  fill_contacts (fixture, N_MODEL_CONTACTS);
  model = herald_contact_list_model_new (fixture->store);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changed);
  wait_for_signals (&changed, 1);

  herald_contact_list_model_set_search (model, "contact 012");
  wait_for_signals (&changed, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), 0));
  wait_for_signals (&changed, 3);
  name = name_at (G_LIST_MODEL (model), 9);
  g_assert_cmpstr (name, ==, "Contact 0129");

  /* By number, as typed nationally: 024 000 0999 → +2332400 00999. */
  herald_contact_list_model_set_search (model, "024 000 0999");
  wait_for_signals (&changed, 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  herald_contact_list_model_set_search (model, NULL);
  wait_for_signals (&changed, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_MODEL_CONTACTS);

  /* A change in the store reloads the list. */
  g_assert_true (add_contact (fixture, extra, &error));
  g_assert_no_error (error);
  wait_for_signals (&changed, 6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_MODEL_CONTACTS + 1);

  herald_contact_list_model_set_group (model, "Nobody");
  wait_for_signals (&changed, 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_error ((GError *) herald_contact_list_model_get_error (model), HERALD_STORE_ERROR,
                  HERALD_STORE_ERROR_NOT_FOUND);
}

/* ---- the local inbox -------------------------------------------------------- */

static HeraldLocalMessage *
received (const char *remote_id,
          const char *sender,
          const char *text,
          gint64      received_at)
{
  HeraldLocalMessage *m = herald_local_message_new ();

  m->remote_id = g_strdup (remote_id);
  m->sender = g_strdup (sender);
  m->text = g_strdup (text);
  m->received_at = received_at;
  return m;
}

static GPtrArray *
inbox_add (HeraldLocalInbox  *inbox,
           const char        *account_id,
           GPtrArray         *messages,
           GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  herald_local_inbox_add_async (inbox, account_id, "GH", messages, NULL, herald_test_async_done, &result);
  return herald_local_inbox_add_finish (inbox, herald_test_wait (&result), error);
}

static GPtrArray *
inbox_list (HeraldLocalInbox *inbox,
            const char       *account_id,
            const char       *sender,
            gint64            since)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  herald_local_inbox_list_async (inbox, account_id, sender, since, 0, NULL, herald_test_async_done, &result);
  list = herald_local_inbox_list_finish (inbox, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  return list;
}

static void
test_inbox (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(HeraldLocalInbox) inbox = herald_local_inbox_new (fixture->database);
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_local_message_unref);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_local_message_unref);
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_local_message_unref);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) from_ama = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GPtrArray) other = NULL;
  g_autoptr(GPtrArray) after_removal = NULL;
  g_autoptr(GError) error = NULL;
  HeraldLocalMessage *m;

  exec_sql (fixture, "INSERT INTO accounts (id, name, name_key, dialect, created_at) VALUES "
                     "('acc-1', 'Flash', 'flash', 'flashsms', 0), ('acc-2', 'Flixy', 'flixy', 'flixysms', 0)");

  g_ptr_array_add (first, received ("m1", "0241234567", "STOP", 1000));
  g_ptr_array_add (first, received ("m2", "Bank", "Your code is 1234", 2000));
  m = received ("m3", "+233201234567", "Thanks", 3000);
  m->device_id = g_strdup ("dev-1");
  m->sim_slot = 1;
  m->message_type = g_strdup ("sms");
  g_ptr_array_add (first, m);
  stored = inbox_add (inbox, "acc-1", first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 3);
  m = stored->pdata[0];
  g_assert_cmpstr (m->account_id, ==, "acc-1");
  g_assert_cmpstr (m->sender, ==, "0241234567");
  g_assert_cmpstr (m->sender_e164, ==, "+233241234567");
  g_assert_cmpint (m->sim_slot, ==, -1);
  g_assert_null (((HeraldLocalMessage *) stored->pdata[1])->sender_e164);
  g_assert_cmpint (((HeraldLocalMessage *) stored->pdata[2])->sim_slot, ==, 1);

  /* A page fetched again: only what is new is stored and returned; the
   * same remote id on another account is another message. */
  g_ptr_array_add (second, received ("m3", "+233201234567", "Thanks", 3000));
  g_ptr_array_add (second, received ("m4", "0241234567", "Hello again", 4000));
  again = inbox_add (inbox, "acc-1", second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpstr (((HeraldLocalMessage *) again->pdata[0])->remote_id, ==, "m4");
  g_clear_pointer (&again, g_ptr_array_unref);
  again = inbox_add (inbox, "acc-2", second, &error);
  g_assert_cmpuint (again->len, ==, 2);

  all = inbox_list (inbox, "acc-1", NULL, 0);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (((HeraldLocalMessage *) all->pdata[0])->remote_id, ==, "m4");
  g_assert_cmpstr (((HeraldLocalMessage *) all->pdata[3])->remote_id, ==, "m1");
  from_ama = inbox_list (inbox, NULL, "+233241234567", 0);
  g_assert_cmpuint (from_ama->len, ==, 3);
  recent = inbox_list (inbox, "acc-1", "+233241234567", 2000);
  g_assert_cmpuint (recent->len, ==, 1);

  g_assert_null (inbox_add (inbox, "acc-9", first, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_ptr_array_add (bad, received ("m9", "0241234567", "ok", 9000));
  g_ptr_array_add (bad, received ("", "0241234567", "no id", 9000));
  g_assert_null (inbox_add (inbox, "acc-2", bad, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  other = inbox_list (inbox, "acc-2", NULL, 0);
  g_assert_cmpuint (other->len, ==, 2);

  /* An account's messages go with it. */
  exec_sql (fixture, "DELETE FROM accounts WHERE id = 'acc-1'");
  after_removal = inbox_list (inbox, NULL, NULL, 0);
  g_assert_cmpuint (after_removal->len, ==, 2);
}

static GPtrArray *
optouts_list (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  herald_optout_store_list_async (fixture->optouts, NULL, herald_test_async_done, &result);
  list = herald_optout_store_list_finish (fixture->optouts, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  return list;
}

/* A kept message that is a keyword, as a whole, opts its sender out, with
 * the account and the keyword; anything else opts nobody out. */
static void
test_inbox_optouts (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(HeraldLocalInbox) inbox = herald_local_inbox_new (fixture->database);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_local_message_unref);
  g_autoptr(GPtrArray) custom = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_local_message_unref);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *alto[] = { "ALTO", NULL };
  HeraldOptout *optout;

  exec_sql (fixture, "INSERT INTO accounts (id, name, name_key, dialect, created_at) VALUES "
                     "('acc-1', 'Flixy', 'flixy', 'flixysms', 0)");

  /* Refused as a whole (no such account): nobody is opted out. */
  g_ptr_array_add (batch, received ("m1", "0241234567", "  stop\n", 1000));
  g_assert_null (inbox_add (inbox, "acc-9", batch, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = optouts_list (fixture);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_ptr_array_add (batch, received ("m2", "+233201234567", "Please stop", 2000));
  g_ptr_array_add (batch, received ("m3", "Bank", "STOP", 3000));
  g_ptr_array_add (batch, received ("m4", "+233551234567", "Unsubscribe", 4000));
  stored = inbox_add (inbox, "acc-1", batch, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 4);
  g_assert_true (opted_out (fixture, "+233241234567"));
  g_assert_true (opted_out (fixture, "+233551234567"));
  g_assert_false (opted_out (fixture, "+233201234567"));
  list = optouts_list (fixture);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      optout = list->pdata[i];
      g_assert_cmpstr (optout->source, ==, "keyword");
      g_assert_cmpstr (optout->account_id, ==, "acc-1");
      g_assert_cmpstr (optout->detail, ==,
                       g_str_equal (optout->phone, "+233241234567") ? "STOP" : "UNSUBSCRIBE");
    }
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The list is a setting: with another one, STOP is a message like any. */
  herald_local_inbox_set_optout_keywords (inbox, alto);
  g_ptr_array_add (custom, received ("m5", "+233201234567", "alto", 5000));
  g_ptr_array_add (custom, received ("m6", "+233261234567", "STOP", 6000));
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = inbox_add (inbox, "acc-1", custom, &error);
  g_assert_no_error (error);
  g_assert_true (opted_out (fixture, "+233201234567"));
  g_assert_false (opted_out (fixture, "+233261234567"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/contact-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("schema", test_schema);
  ADD ("import/idempotent", test_import_idempotent);
  ADD ("import/bad-rows", test_import_bad_rows);
  ADD ("import/updates-and-merges", test_import_updates_and_merges);
  ADD ("import/rolls-back", test_import_rolls_back);
  ADD ("import/unreadable", test_import_unreadable);
  ADD ("import/group", test_import_group);
  ADD ("import/contacts-refuses-non-e164", test_import_contacts_refuses_non_e164);
  ADD ("contacts/add-edit-remove", test_contacts_add_edit_remove);
  ADD ("contacts/search", test_contacts_search);
  ADD ("export/reads-back", test_export_reads_back);
  ADD ("groups", test_groups);
  ADD ("templates", test_templates);
  ADD ("field-keys", test_field_keys);
  ADD ("optouts/add-filter-remove", test_optouts);
  ADD ("optouts/import", test_optouts_import);
  ADD ("model/lazy", test_model_lazy);
  ADD ("model/search", test_model_search);
  ADD ("inbox", test_inbox);
  ADD ("inbox/keywords-opt-out", test_inbox_optouts);
#undef ADD

  return g_test_run ();
}
