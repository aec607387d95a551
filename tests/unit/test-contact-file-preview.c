/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The start of a contacts file for the import assistant: the header, the
 * guessed mapping and the first rows (CSV, with or without a header), a
 * vCard told apart, and the validation run off the calling thread. */
#define G_LOG_DOMAIN "test-contact-file-preview"

#include <string.h>
#include <gio/gio.h>

#include "text/herald-contact-file-preview.h"
#include "herald-test-util.h"

static char *dir;

static char *
write_file (const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static HeraldContactFilePreview *
read_preview (const char  *path,
              guint        max_rows,
              GError     **error)
{
  GAsyncResult *result = NULL;
  HeraldContactFilePreview *preview;

  herald_contact_file_preview_read_async (path, max_rows, NULL, herald_test_async_done, &result);
  preview = herald_contact_file_preview_read_finish (herald_test_wait (&result), error);
  g_clear_object (&result);
  return preview;
}

static void
test_csv_with_header (void)
{
  g_autofree char *path = write_file ("header.csv",
                                      "\xEF\xBB\xBFName;Mobile;Tier\n"
                                      "Ama Mensah;+233241234567;gold\n"
                                      "Kofi;12;\n"
                                      "Yaw;+233201234567;silver\n");
  g_autoptr(HeraldContactFilePreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  GStrv row;

  preview = read_preview (path, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->format, ==, HERALD_CONTACT_FORMAT_CSV);
  g_assert_cmpint (preview->separator, ==, ';');
  g_assert_cmpuint (g_strv_length (preview->header), ==, 3);
  g_assert_cmpstr (preview->header[1], ==, "Mobile");
  g_assert_true (herald_contact_mapping_get_has_header (preview->mapping));
  g_assert_cmpint (herald_contact_mapping_get_role (preview->mapping, 1), ==, HERALD_CONTACT_ROLE_PHONE);
  g_assert_cmpint (herald_contact_mapping_get_role (preview->mapping, 2), ==, HERALD_CONTACT_ROLE_CUSTOM);
  /* Only as many rows as asked for. */
  g_assert_cmpuint (preview->rows->len, ==, 2);
  row = g_ptr_array_index (preview->rows, 1);
  g_assert_cmpstr (row[0], ==, "Kofi");
  g_assert_cmpstr (row[1], ==, "12");
}

static void
test_csv_without_header (void)
{
  g_autofree char *path = write_file ("bare.csv", "+233241234567,Ama\n+233201234567,Kofi\n");
  g_autoptr(HeraldContactFilePreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  preview = read_preview (path, 5, &error);
  g_assert_no_error (error);
  g_assert_false (herald_contact_mapping_get_has_header (preview->mapping));
  /* The first row is data, so it is among the rows. */
  g_assert_cmpuint (preview->rows->len, ==, 2);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (preview->rows, 0))[1], ==, "Ama");
  g_assert_cmpint (herald_contact_mapping_get_role (preview->mapping, 0), ==, HERALD_CONTACT_ROLE_PHONE);
}

static void
test_vcard (void)
{
  g_autofree char *path = write_file ("people.txt",
                                      "\n\nBEGIN:VCARD\nVERSION:3.0\nFN:Ama Mensah\nTEL;TYPE=CELL:+233241234567\nEND:VCARD\n");
  g_autoptr(HeraldContactFilePreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  preview = read_preview (path, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->format, ==, HERALD_CONTACT_FORMAT_VCARD);
  g_assert_null (preview->header);
  g_assert_null (preview->mapping);
}

static void
test_errors (void)
{
  g_autofree char *empty = write_file ("empty.csv", "");
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autofree char *latin1 = write_file ("latin1.csv", "Name,Phone\n\xE9t\xE9,+233241234567\n");
  g_autoptr(HeraldContactFilePreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  preview = read_preview (empty, 5, &error);
  g_assert_null (preview);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "header row"));
  g_clear_error (&error);

  preview = read_preview (missing, 5, &error);
  g_assert_null (preview);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A fault under the header is the validation's to report: the preview
   * shows the header and what it could read. */
  preview = read_preview (latin1, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->rows->len, ==, 0);
  g_assert_cmpstr (preview->header[1], ==, "Phone");
}

static void
test_validate (void)
{
  g_autofree char *path = write_file ("validate.csv",
                                      "Name,Number\nAma,+233241234567\nKofi,12\nYaw,0201234567\n");
  g_autoptr(HeraldContactFilePreview) preview = NULL;
  g_autoptr(HeraldContactImporter) importer = herald_contact_importer_new ("GH");
  g_autoptr(HeraldContactImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  preview = read_preview (path, 5, &error);
  g_assert_no_error (error);
  herald_contact_importer_set_mapping (importer, preview->mapping);
  herald_contact_file_preview_validate_async (importer, path, NULL, herald_test_async_done, &result);
  report = herald_contact_file_preview_validate_finish (herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (herald_contact_import_report_get_n_imported (report), ==, 2);
  g_assert_cmpuint (herald_contact_import_report_get_n_invalid (report), ==, 1);
  g_assert_cmpuint (herald_contact_import_report_get_invalid (report, 0)->line, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("herald-file-preview-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/contact-file-preview/csv-with-header", test_csv_with_header);
  g_test_add_func ("/contact-file-preview/csv-without-header", test_csv_without_header);
  g_test_add_func ("/contact-file-preview/vcard", test_vcard);
  g_test_add_func ("/contact-file-preview/errors", test_errors);
  g_test_add_func ("/contact-file-preview/validate", test_validate);

  ret = g_test_run ();
  g_free (dir);
  return ret;
}
