/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-bulk-send"

#include <stdio.h>
#include <stdlib.h>

#include <gio/gio.h>

#include "providers/flixysms/herald-flixysms-client.h"
#include "net/herald-rate-limiter.h"
#include "herald-fake-flixysms.h"

/* Usage: bench-bulk-send [--recipients N] [--limit L] [--window SECONDS]
 *
 * Issue #4's figure for a whole bulk job: the in-process FlixySMS fake on
 * 127.0.0.1 enforces L requests per window of W seconds (default 10 per
 * 2 s, a scaled-down window so that the run takes about 20 s), and
 * herald_flixysms_client_bulk_async () sends one text to N distinct valid
 * numbers (default 10,000: 100 requests of 100). Prints the requests, the
 * time, the rate achieved against the rate the limit allows (the goal is a
 * ratio ≥ 0.95), the 429s the server gave after the first window (the goal
 * is 0) and the report's queued count (the goal is N).
 *
 * The fake starts a key's window at its first request, and
 * X-RateLimit-Reset has whole seconds, so the client cannot know a reset
 * closer than a second: with a 2 s window that costs up to a third of the
 * rate. --aligned-windows makes the windows follow the clock (an exact
 * reset), which shows the pacing alone. */

typedef struct
{
  gboolean                  done;
  gboolean                  ok;
  HeraldFlixysmsBulkReport *report;
  GError                   *error;
} BulkWait;

static void
bulk_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  BulkWait *wait = user_data;

  wait->ok = herald_flixysms_client_bulk_finish (HERALD_FLIXYSMS_CLIENT (object), result,
                                                 &wait->report, &wait->error);
  wait->done = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  int recipients = 10000, limit = 10, window = 2;
  gboolean aligned = FALSE;
  const GOptionEntry entries[] = {
    { "recipients", 0, 0, G_OPTION_ARG_INT, &recipients, "Distinct recipients of the bulk job (10000)", "N" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "Requests allowed per window (10)", "L" },
    { "window", 0, 0, G_OPTION_ARG_INT, &window, "Window length in seconds (2)", "SECONDS" },
    { "aligned-windows", 0, 0, G_OPTION_ARG_NONE, &aligned,
      "Windows follow the clock, so that X-RateLimit-Reset is exact", NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("— a bulk job against a rate-limited FlixySMS fake");
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFakeFlixysms) fake = NULL;
  g_autoptr(HeraldFlixysmsClient) client = NULL;
  g_autoptr(GPtrArray) numbers = NULL;
  g_autofree char *key = NULL;
  BulkWait wait = { 0 };
  HeraldRateLimiter *limiter;
  guint requests, queued;
  gint64 start, elapsed;
  double achieved, allowed;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (recipients <= 0 || recipients > 10000000 || limit <= 0 || window <= 0)
    {
      g_printerr ("--recipients (at most 10,000,000), --limit and --window must be positive\n");
      return 2;
    }

  /* A fresh key each run: the client's limiter is shared per key and starts
   * from the documented default (100 a minute) before it learns the fake's. */
  key = g_strdup_printf ("bench-%08x", g_random_int ());
  fake = herald_fake_flixysms_new (key, 0, &error);
  if (fake == NULL)
    {
      g_printerr ("fake server: %s\n", error->message);
      return 1;
    }
  herald_fake_flixysms_add_device (fake, "bench-phone", "Bench phone", "+4915100000000", FALSE, TRUE);
  herald_fake_flixysms_set_rate_limit (fake, (guint) limit, (guint) window);
  herald_fake_flixysms_set_aligned_windows (fake, aligned);

  client = herald_flixysms_client_new_for_key (herald_fake_flixysms_get_base_url (fake), key, NULL, &error);
  if (client == NULL)
    {
      g_printerr ("client: %s\n", error->message);
      return 1;
    }

  /* German mobile numbers (015x, 11 digits after the country code), all
   * distinct and valid. */
  numbers = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < recipients; i++)
    g_ptr_array_add (numbers, g_strdup_printf ("+49151%08d", 10000000 + i));
  g_ptr_array_add (numbers, NULL);

  start = g_get_monotonic_time ();
  herald_flixysms_client_bulk_async (client, (const char * const *) numbers->pdata,
                                     "Herald bulk benchmark", NULL, NULL, NULL, bulk_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  elapsed = g_get_monotonic_time () - start;

  requests = herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_BULK);
  queued = wait.report != NULL
           ? herald_flixysms_bulk_report_count (wait.report, HERALD_FLIXYSMS_RECIPIENT_QUEUED) : 0;
  achieved = requests / (elapsed / 1e6);
  allowed = (double) limit / window;
  limiter = herald_http_client_get_rate_limiter (herald_rest_client_get_http_client (HERALD_REST_CLIENT (client)));

  printf ("bulk send: %d recipients, limit %d per %d s, windows %s\n", recipients, limit, window,
          aligned ? "aligned to the clock" : "starting at a key's first request");
  printf ("requests: %u (of at most %d recipients each), elapsed %.2f s\n",
          requests, HERALD_FLIXYSMS_BULK_MAX, elapsed / 1e6);
  printf ("achieved: %.2f requests/s\n", achieved);
  printf ("allowed: %.2f requests/s\n", allowed);
  printf ("ratio: %.3f (goal >= 0.95)\n", achieved / allowed);
  printf ("429s after the first window: %u (goal 0); in the first window: %u\n",
          herald_fake_flixysms_get_rate_limited_after_first_window (fake),
          herald_fake_flixysms_get_rate_limited (fake)
          - herald_fake_flixysms_get_rate_limited_after_first_window (fake));
  printf ("most requests in one window: %u of %d\n",
          herald_fake_flixysms_get_max_window_count (fake), limit);
  printf ("queued: %u of %d (goal: all); accepted by the server: %u\n",
          queued, recipients, herald_fake_flixysms_get_n_accepted (fake));
  printf ("learnt: limit %u, window %u s\n",
          herald_rate_limiter_get_limit (limiter), herald_rate_limiter_get_window_seconds (limiter));
  if (!wait.ok)
    printf ("bulk failed: %s\n", wait.error != NULL ? wait.error->message : "(no error)");

  g_clear_error (&wait.error);
  g_clear_pointer (&wait.report, herald_flixysms_bulk_report_unref);

  return wait.ok && queued == (guint) recipients ? 0 : 1;
}
