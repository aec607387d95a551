/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The lazy contact list over 100,000 contacts (issue #17's goals: any row in
 * under 5 ms, a search in under 50 ms): how long the list takes to know its
 * length, to bring a row that is not cached (a page read on the worker
 * thread) and one that is, and to answer searches by name and by number
 * (the ids of the matches, then the first page of them), with the objects it
 * holds and the peak memory. The database is made in a temporary directory
 * and removed afterwards. Figures, never assertions: see tests/README.md. */
#define G_LOG_DOMAIN "bench-contact-model"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "store/herald-contact-list-model.h"
#include "store/herald-contact-store.h"

#define N_CONTACTS 100000
#define N_PROBES   200

static const char * const given[] = {
  "Ama", "Kofi", "Akosua", "Kwame", "Abena", "Yaw", "Efua", "Kojo", "Adjoa", "Kwabena",
  "Esi", "Kwesi", "Afua", "Fiifi", "Akua", "Nana", "Mary Ann", "José", "Zoë", "Ẹniọlá",
};

static const char * const family[] = {
  "Mensah", "Owusu", "Boateng", "Asante", "Osei", "Addo", "Appiah", "Agyeman", "Quaye", "Tetteh",
  "Darko", "Ofori", "Nkrumah", "Amoah", "Badu", "Frimpong", "Gyamfi", "Kusi", "Larbi", "Sarpong",
};

static guint n_changed;

static void
items_changed (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               gpointer    user_data)
{
  n_changed++;
}

static void
wait_for_change (guint before)
{
  while (n_changed == before)
    g_main_context_iteration (NULL, TRUE);
}

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
fill (HeraldContactStore *store)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  for (guint i = 0; i < N_CONTACTS; i++)
    {
      /* Names repeat (20 × 20 × 250), numbers do not: +23324xxxxxxx. */
      g_autofree char *last = g_strdup_printf ("%s %u", family[(i / 20) % G_N_ELEMENTS (family)], i / 400);
      g_autofree char *phone = g_strdup_printf ("+23324%07u", (i * 7919u) % 10000000u);

      g_ptr_array_add (contacts, herald_contact_new_full (given[i % G_N_ELEMENTS (given)], last, phone, NULL));
    }

  start = g_get_monotonic_time ();
  herald_contact_store_import_contacts_async (store, contacts, NULL, NULL, async_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  import = herald_contact_store_import_finish (store, result, &error);
  if (import == NULL)
    g_error ("%s", error->message);
  g_print ("%-36s %9.1f ms  (%u contacts, no file)\n", "saving the contacts",
           (g_get_monotonic_time () - start) / 1000.0, import->added);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_spread (const char *what,
              double     *ms,
              guint       n)
{
  double sum = 0;

  qsort (ms, n, sizeof (double), compare_doubles);
  for (guint i = 0; i < n; i++)
    sum += ms[i];
  g_print ("%-36s mean %7.3f ms  median %7.3f  p95 %7.3f  max %7.3f  (%u)\n",
           what, sum / n, ms[n / 2], ms[n * 95 / 100], ms[n - 1], n);
}

/* Rows far apart, so that every one is a page not cached. */
static void
bench_rows (HeraldContactListModel *model)
{
  double miss[N_PROBES];
  double hit[N_PROBES];
  GRand *rand = g_rand_new_with_seed (17);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < N_PROBES; i++)
    {
      guint position = (guint) g_rand_int_range (rand, 0, (gint32) n);
      guint before = n_changed;
      gint64 start = g_get_monotonic_time ();
      GObject *item = g_list_model_get_item (G_LIST_MODEL (model), position);

      if (!herald_contact_list_model_is_loaded (model, position))
        wait_for_change (before);
      g_object_unref (item);
      item = g_list_model_get_item (G_LIST_MODEL (model), position);
      miss[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_object_unref (item);

      start = g_get_monotonic_time ();
      item = g_list_model_get_item (G_LIST_MODEL (model), position);
      hit[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_object_unref (item);
    }
  g_rand_free (rand);

  print_spread ("any row, page not cached", miss, N_PROBES);
  print_spread ("any row, page cached", hit, N_PROBES);
  g_print ("%-36s %u objects for %u rows\n", "held by the model", herald_contact_list_model_get_n_cached (model), n);
}

static void
bench_search (HeraldContactListModel *model,
              const char             *query)
{
  guint before = n_changed;
  gint64 start = g_get_monotonic_time ();
  double ids_ms;
  guint n;

  herald_contact_list_model_set_search (model, query);
  wait_for_change (before);
  ids_ms = (g_get_monotonic_time () - start) / 1000.0;

  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  if (n > 0)
    {
      GObject *item = g_list_model_get_item (G_LIST_MODEL (model), 0);

      before = n_changed;
      if (!herald_contact_list_model_is_loaded (model, 0))
        wait_for_change (before);
      g_object_unref (item);
    }

  g_print ("search %-29s %7.1f ms to the matches, %7.1f ms to the first page  (%u matches)\n",
           query != NULL ? query : "(none)", ids_ms, (g_get_monotonic_time () - start) / 1000.0, n);
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("herald-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autoptr(HeraldDatabase) database = NULL;
  g_autoptr(HeraldContactStore) store = NULL;
  g_autoptr(HeraldContactListModel) model = NULL;
  const char *queries[] = { "a", "mensah", "kofi boateng 7", "zoë", "024", "0241234", "+233 24 555", "nobody" };
  gint64 start;

  /* NOLINTNEXTLINE(concurrency-mt-unsafe): no other thread yet */
  setlocale (LC_ALL, "");
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "herald.db", NULL);
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  database = herald_database_open (path, &error);
  if (database == NULL)
    g_error ("%s", error->message);
  store = herald_contact_store_new (database);
  fill (store);

  start = g_get_monotonic_time ();
  model = herald_contact_list_model_new (store);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed), NULL);
  wait_for_change (0);
  g_print ("%-36s %9.1f ms  (%u rows)\n", "the list's length (all ids)", (g_get_monotonic_time () - start) / 1000.0,
           g_list_model_get_n_items (G_LIST_MODEL (model)));

  bench_rows (model);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    bench_search (model, queries[i]);
  bench_search (model, NULL);
  g_print ("%-36s %.1f MB\n", "peak RSS", peak_rss_mb ());

  g_clear_object (&model);
  g_clear_object (&store);
  g_clear_object (&database);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
  return 0;
}
