/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Imports a generated 100,000-row CSV file and a 10,000-card vCard file
 * and prints rows per second, elapsed time and peak memory; then the same
 * CSV file into the local store (HeraldContactStore: read, normalised and
 * saved in one transaction; issue #17's goal: under 1 s), twice, the second
 * time finding every number there. The files are written to a temporary
 * directory, removed afterwards. Figures, never assertions: see
 * tests/README.md. */
#define G_LOG_DOMAIN "bench-contact-import"

#include "config.h"

#include <sys/resource.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "store/herald-contact-store.h"
#include "text/herald-contact-importer.h"
#include "text/herald-csv-reader.h"

#define N_CSV_ROWS   100000
#define N_VCARDS     10000

static const char * const first_names[] = {
  "Ama", "Kofi", "Akosua", "Kwame", "Abena", "Yaw", "Efua", "Kojo", "Adjoa", "Kwabena",
  "Esi", "Kwesi", "Afua", "Fiifi", "Akua", "Nana", "Mary Ann", "José", "Zoë", "Ẹniọlá",
};

static const char * const last_names[] = {
  "Mensah", "Owusu", "Boateng", "Asante", "Osei", "Addo", "Appiah", "Agyeman", "Quaye", "Tetteh",
};

static const char * const tiers[] = { "Gold", "Silver", "Bronze", "" };

static const char * const prefixes[] = { "24", "54", "55", "59", "20", "50", "26", "27", "57", "53" };

/* A Ghanaian mobile number, written in one of the ways people write them. */
static char *
phone_number (guint n,
              guint style)
{
  const char *prefix = prefixes[n % G_N_ELEMENTS (prefixes)];
  guint rest = 2000000u + (n * 7919u) % 8000000u;

  switch (style % 4)
    {
    case 0:
      return g_strdup_printf ("0%s %03u %04u", prefix, rest / 10000, rest % 10000);
    case 1:
      return g_strdup_printf ("+233 %s %03u %04u", prefix, rest / 10000, rest % 10000);
    case 2:
      return g_strdup_printf ("0%s%07u", prefix, rest);
    default:
      return g_strdup_printf ("233-%s-%07u", prefix, rest);
    }
}

static char *
write_csv (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "contacts.csv", NULL);
  g_autoptr(GString) text = g_string_sized_new ((gsize) N_CSV_ROWS * 80);
  g_autoptr(GError) error = NULL;

  g_string_append (text, "Name,Phone,Email,Loyalty Tier,City,Notes\r\n");
  for (guint i = 0; i < N_CSV_ROWS; i++)
    {
      /* About 1% repeat an earlier number, 0.5% are not numbers at all. */
      guint n = i % 100 == 99 ? i - 50 : i;
      g_autofree char *phone = i % 200 == 17 ? g_strdup ("12") : phone_number (n, i);

      g_string_append_printf (text, "%s %s,%s,%s%u@example.com,%s,%s,\"%s\"\r\n",
                              first_names[i % G_N_ELEMENTS (first_names)],
                              last_names[i % G_N_ELEMENTS (last_names)],
                              phone,
                              "person", i,
                              tiers[i % G_N_ELEMENTS (tiers)],
                              i % 3 == 0 ? "Accra" : "Kumasi",
                              i % 10 == 0 ? "met at the fair, said \"\"call me\"\"" : "");
    }

  if (!g_file_set_contents (path, text->str, text->len, &error))
    g_error ("%s", error->message);

  return g_steal_pointer (&path);
}

static char *
write_vcard (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "contacts.vcf", NULL);
  g_autoptr(GString) text = g_string_sized_new ((gsize) N_VCARDS * 300);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_VCARDS; i++)
    {
      g_autofree char *cell = phone_number (i, 1);
      g_autofree char *home = phone_number (i + N_VCARDS, 0);
      const char *first = first_names[i % G_N_ELEMENTS (first_names)];
      const char *last = last_names[i % G_N_ELEMENTS (last_names)];

      g_string_append_printf (text,
                              "BEGIN:VCARD\r\n"
                              "VERSION:3.0\r\n"
                              "N:%s;%s;;;\r\n"
                              "FN:%s %s\r\n"
                              "ORG:Herald Traders\\, Ltd;Sales\r\n"
                              "TEL;type=CELL;type=VOICE;type=pref:%s\r\n"
                              "TEL;TYPE=HOME:%s\r\n"
                              "EMAIL;type=INTERNET;type=HOME:person%u@example.com\r\n"
                              "NOTE:Customer since 20%02u\\nPrefers SMS in the mornin\r\n"
                              " g\r\n"
                              "END:VCARD\r\n",
                              last, first, first, last, cell, home, i, i % 25);
    }

  if (!g_file_set_contents (path, text->str, text->len, &error))
    g_error ("%s", error->message);

  return g_steal_pointer (&path);
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_maxrss / 1024.0;   /* kilobytes on Linux */
}

static void
print_figures (const char *what,
               guint       rows,
               gint64      elapsed_us)
{
  g_print ("%-28s %8u rows  %9.0f rows/s  %8.1f ms  peak RSS %6.1f MB\n",
           what, rows, rows / (elapsed_us / 1e6), elapsed_us / 1000.0, peak_rss_mb ());
}

static void
bench_reader_only (const char *path)
{
  g_autoptr(HeraldCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint rows = 0;
  const char * const *fields;

  reader = herald_csv_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  while (herald_csv_reader_next (reader, &fields, NULL, &error))
    rows++;
  g_assert_no_error (error);

  print_figures ("CSV reader alone", rows, g_get_monotonic_time () - start);
}

static void
bench_import (const char *what,
              const char *path)
{
  g_autoptr(HeraldContactImporter) importer = herald_contact_importer_new ("GH");
  g_autoptr(HeraldContactImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  report = herald_contact_importer_import_path (importer, path, NULL, &error);
  if (report == NULL)
    g_error ("%s: %s", path, error->message);

  print_figures (what, herald_contact_import_report_get_n_rows (report),
                 g_get_monotonic_time () - start);
  g_print ("%-28s imported %u, duplicates %u, invalid %u\n", "",
           herald_contact_import_report_get_n_imported (report),
           herald_contact_import_report_get_n_duplicates (report),
           herald_contact_import_report_get_n_invalid (report));
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
store_import (HeraldContactStore *store,
              const char         *what,
              const char         *path)
{
  g_autoptr(HeraldContactImporter) importer = herald_contact_importer_new ("GH");
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  herald_contact_store_import_file_async (store, path, importer, "Customers", NULL, import_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  import = herald_contact_store_import_finish (store, result, &error);
  if (import == NULL)
    g_error ("%s: %s", path, error->message);

  print_figures (what, herald_contact_import_report_get_n_rows (import->report), g_get_monotonic_time () - start);
  g_print ("%-28s added %u, updated %u, unchanged %u, joined the group %u\n", "",
           import->added, import->updated, import->unchanged, import->grouped);
}

/* The CSV file into a new database: file to committed rows. */
static void
bench_store (const char *dir,
             const char *csv)
{
  g_autofree char *path = g_build_filename (dir, "herald.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(HeraldDatabase) database = NULL;
  g_autoptr(HeraldContactStore) store = NULL;
  g_autoptr(GError) error = NULL;

  database = herald_database_open (path, &error);
  if (database == NULL)
    g_error ("%s", error->message);
  store = herald_contact_store_new (database);

  store_import (store, "CSV into the store (new)", csv);
  store_import (store, "CSV into the store (again)", csv);

  g_clear_object (&store);
  g_clear_object (&database);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("herald-bench-XXXXXX", &error);
  g_autofree char *csv = NULL;
  g_autofree char *vcf = NULL;
  gboolean vcard_first = argc > 1 && g_strcmp0 (argv[1], "--vcard-first") == 0;

  if (dir == NULL)
    g_error ("%s", error->message);

  csv = write_csv (dir);
  vcf = write_vcard (dir);

  /* Peak RSS only grows: the second figure is the larger of the two. */
  if (vcard_first)
    bench_import ("vCard import (10,000 cards)", vcf);
  bench_reader_only (csv);
  bench_import ("CSV import (100,000 rows)", csv);
  if (!vcard_first)
    bench_import ("vCard import (10,000 cards)", vcf);
  bench_store (dir, csv);

  g_unlink (csv);
  g_unlink (vcf);
  g_rmdir (dir);

  return 0;
}
