/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-campaign"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "herald-core.h"
#include "providers/flixysms/herald-flixysms-client.h"
#include "store/herald-database-private.h"
#include "herald-fake-flixysms.h"

/* Usage: bench-campaign [--recipients N] [--texts T] [--limit L] [--window SECONDS] [--aligned-windows]
 *
 * Issue #17's figure: a campaign of N recipients (default 10,000) with T
 * distinct texts (10) saved to a fresh database and run by
 * HeraldCampaignEngine against the in-process FlixySMS fake, which allows
 * L requests per window of W seconds (10 per 2 s: a scaled window). The
 * engine batches each text into requests of 100, so the bound is
 * ceil(N / 100) requests at L / W a second. Prints the time to build and
 * save the campaign, the requests, the rate against the bound (the goal is
 * a ratio ≥ 0.97, the first window included), the rows accepted and the
 * peak resident memory. */

static gboolean
account_func (HeraldDatabase  *db,
              gpointer         user_data,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db,
    "INSERT INTO accounts (id, name, name_key, dialect, created_at) VALUES ('bench', 'B', 'b', 'flixysms', 0)",
    error);

  return stmt != NULL && herald_database_step (db, stmt, error) == SQLITE_DONE;
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* VmHWM of /proc/self/status, in KiB (0 where there is none). */
static guint64
peak_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int recipients = 10000, texts = 10, limit = 10, window = 2;
  gboolean aligned = FALSE;
  const GOptionEntry entries[] = {
    { "recipients", 0, 0, G_OPTION_ARG_INT, &recipients, "Recipients (10000)", "N" },
    { "texts", 0, 0, G_OPTION_ARG_INT, &texts, "Distinct texts (10)", "T" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "Requests allowed per window (10)", "L" },
    { "window", 0, 0, G_OPTION_ARG_INT, &window, "Window length in seconds (2)", "SECONDS" },
    { "aligned-windows", 0, 0, G_OPTION_ARG_NONE, &aligned, "Windows follow the clock", NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("— a campaign against a rate-limited FlixySMS fake");
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFakeFlixysms) fake = NULL;
  g_autoptr(HeraldFlixysmsClient) client = NULL;
  g_autoptr(HeraldDatabase) db = NULL;
  g_autoptr(HeraldMessageLog) log = NULL;
  g_autoptr(HeraldCampaignAudience) audience = NULL;
  g_autoptr(HeraldCampaignEngine) engine = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) ran = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  HeraldCampaignRecord record = { 0 };
  HeraldCampaignState state;
  gint64 id, start, built, elapsed;
  guint requests, bound_requests;
  double achieved, allowed, bound_seconds;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (recipients <= 0 || recipients > 1000000 || texts <= 0 || limit <= 0 || window <= 0)
    {
      g_printerr ("--recipients (at most 1,000,000), --texts, --limit and --window must be positive\n");
      return 2;
    }

  key = g_strdup_printf ("bench-%08x", g_random_int ());
  fake = herald_fake_flixysms_new (key, 0, &error);
  g_assert_no_error (error);
  herald_fake_flixysms_add_device (fake, "bench-phone", "Bench phone", "+4915100000000", FALSE, TRUE);
  herald_fake_flixysms_set_rate_limit (fake, (guint) limit, (guint) window);
  herald_fake_flixysms_set_aligned_windows (fake, aligned);
  client = herald_flixysms_client_new_for_key (herald_fake_flixysms_get_base_url (fake), key, NULL, &error);
  g_assert_no_error (error);

  dir = g_dir_make_tmp ("bench-campaign-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "herald.db", NULL);
  db = herald_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (herald_database_run (db, account_func, NULL, NULL, &error));
  log = herald_message_log_new (db);

  /* Build and save: T texts over N German mobiles. */
  start = g_get_monotonic_time ();
  audience = herald_campaign_audience_new ("Offer {{group}}: 10% off this week.", NULL,
                                           HERALD_PHONE_NUMBER_FLAGS_NONE, &error);
  g_assert_no_error (error);
  for (int i = 0; i < recipients; i++)
    {
      g_autofree char *phone = g_strdup_printf ("+49151%08d", 10000000 + i);
      g_autofree char *group = g_strdup_printf ("G%d", i % texts);
      g_autoptr(HeraldContact) contact = herald_contact_new_full (NULL, NULL, phone, NULL);

      herald_contact_set_field (contact, "group", group);
      herald_campaign_audience_add (audience, phone, contact);
    }
  record.name = (char *) "Bench";
  record.account_id = (char *) "bench";
  record.text = (char *) "Offer {{group}}: 10% off this week.";
  record.window_start = record.window_end = -1;
  herald_campaign_audience_save_async (audience, db, &record, NULL, done_cb, &saved);
  id = herald_campaign_audience_save_finish (audience, wait_for (&saved), &error);
  g_assert_no_error (error);
  built = g_get_monotonic_time () - start;

  engine = herald_campaign_engine_new (db, log, HERALD_PROVIDER (client), "bench", id);
  start = g_get_monotonic_time ();
  herald_campaign_engine_run_async (engine, NULL, done_cb, &ran);
  state = herald_campaign_engine_run_finish (engine, wait_for (&ran), &error);
  elapsed = g_get_monotonic_time () - start;

  requests = herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_BULK);
  bound_requests = 0;
  for (int t = 0; t < texts; t++)
    {
      int of_text = recipients / texts + (t < recipients % texts ? 1 : 0);

      bound_requests += (guint) ((of_text + HERALD_FLIXYSMS_BULK_MAX - 1) / HERALD_FLIXYSMS_BULK_MAX);
    }
  allowed = (double) limit / window;
  achieved = requests / (elapsed / 1e6);
  /* The first window's L requests are free at the start. */
  bound_seconds = bound_requests > (guint) limit ? (double) (bound_requests - limit) / allowed : 0.0;

  printf ("campaign: %d recipients, %d texts, limit %d per %d s, windows %s\n", recipients, texts, limit,
          window, aligned ? "aligned to the clock" : "starting at a key's first request");
  printf ("built and saved in %.2f s\n", built / 1e6);
  printf ("requests: %u (bound: %u of at most %d recipients), elapsed %.2f s\n", requests, bound_requests,
          HERALD_FLIXYSMS_BULK_MAX, elapsed / 1e6);
  printf ("achieved: %.2f requests/s; allowed: %.2f requests/s\n", achieved, allowed);
  printf ("time ratio: bound %.2f s / elapsed %.2f s = %.3f (goal >= 0.97)\n", bound_seconds, elapsed / 1e6,
          elapsed > 0 ? bound_seconds / (elapsed / 1e6) : 0.0);
  printf ("429s after the first window: %u; in the first window: %u\n",
          herald_fake_flixysms_get_rate_limited_after_first_window (fake),
          herald_fake_flixysms_get_rate_limited (fake) - herald_fake_flixysms_get_rate_limited_after_first_window (fake));
  printf ("state: %s; accepted %u of %d (server: %u)\n", herald_campaign_state_to_string (state),
          herald_campaign_engine_get_sent (engine), recipients, herald_fake_flixysms_get_n_accepted (fake));
  printf ("peak resident memory: %.1f MiB\n", peak_kib () / 1024.0);
  if (error != NULL)
    printf ("failed: %s\n", error->message);

  g_clear_object (&engine);
  g_clear_object (&log);
  g_clear_object (&db);
  remove_tree (dir);

  return state == HERALD_CAMPAIGN_FINISHED ? 0 : 1;
}
