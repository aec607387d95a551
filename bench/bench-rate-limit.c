/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-rate-limit"

#include <stdio.h>
#include <stdlib.h>

#include <gio/gio.h>

#include "net/herald-http-client.h"
#include "herald-fake-http.h"

/* Usage: bench-rate-limit [--requests N] [--limit L] [--window SECONDS]
 *                         [--callers C] [--get]
 *
 * A provider fake on 127.0.0.1 enforces L requests per fixed window of W
 * seconds (default 100 per 2 s: the real 100 a minute, 30 times faster)
 * with X-RateLimit-* headers and 429 past the limit. C callers (default 4)
 * send N requests (default 1,000; 10,000 for the full run) through one
 * HeraldHttpClient, as a campaign does: POST, not idempotent, unless --get.
 * Prints the rate achieved, the limit's rate, their ratio (the goal is
 * ≥ 0.95) and the 429s after the first window (the goal is 0). */

typedef struct
{
  HeraldHttpClient *client;
  gboolean          get;
  guint             total;
  guint             started;
  guint             finished;
  guint             ok;
  guint             failed;
  gint64            first_start;
} Job;

static void job_next (Job *job);

static void
request_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldHttpResponse) response = herald_http_client_request_finish (HERALD_HTTP_CLIENT (object),
                                                                              result, &error);

  job->finished++;
  if (response != NULL && herald_http_response_get_status (response) == 200)
    {
      job->ok++;
    }
  else
    {
      job->failed++;
      if (error != NULL)
        g_printerr ("request failed: %s\n", error->message);
    }

  job_next (job);
}

static void
job_next (Job *job)
{
  if (job->started == job->total)
    return;

  if (job->started++ == 0)
    job->first_start = g_get_monotonic_time ();

  herald_http_client_request_async (job->client, job->get ? "GET" : "POST", "/sms/send", NULL, NULL,
                                    job->get ? HERALD_HTTP_FLAGS_NONE : HERALD_HTTP_NOT_IDEMPOTENT,
                                    NULL, request_cb, job);
}

static gboolean
job_done (gpointer user_data)
{
  Job *job = user_data;

  return job->finished == job->total;
}

static void
ok_handler (HeraldFakeHttp    *fake,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  herald_fake_http_reply_json (msg, 200, "{\"success\":true,\"status\":\"queued\"}");
}

int
main (int   argc,
      char *argv[])
{
  int requests = 1000, limit = 100, window = 2, callers = 4;
  gboolean get = FALSE;
  const GOptionEntry entries[] = {
    { "requests", 0, 0, G_OPTION_ARG_INT, &requests, "Requests to send (1000)", "N" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "Requests allowed per window (100)", "L" },
    { "window", 0, 0, G_OPTION_ARG_INT, &window, "Window length in seconds (2)", "SECONDS" },
    { "callers", 0, 0, G_OPTION_ARG_INT, &callers, "Concurrent callers (4)", "C" },
    { "get", 0, 0, G_OPTION_ARG_NONE, &get, "Send idempotent GETs instead of POST sends", NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("— pace requests against a rate-limited fake");
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFakeHttp) fake = NULL;
  g_autoptr(HeraldHttpClient) client = NULL;
  g_autofree char *key = NULL;
  Job job = { 0 };
  gint64 elapsed;
  double achieved, allowed;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (requests <= 0 || limit <= 0 || window <= 0 || callers <= 0)
    {
      g_printerr ("--requests, --limit, --window and --callers must be positive\n");
      return 2;
    }

  fake = herald_fake_http_new (NULL, 0, &error);
  if (fake == NULL)
    {
      g_printerr ("fake server: %s\n", error->message);
      return 1;
    }
  herald_fake_http_set_rate_limit (fake, (guint) limit, (guint) window);
  herald_fake_http_set_handler (fake, ok_handler, NULL);

  /* A fresh key each run: the limiter starts from the documented default
   * (100 a minute) and learns the fake's limit and window. */
  key = g_strdup_printf ("bench-%u", g_random_int ());
  client = herald_http_client_new (herald_fake_http_get_url (fake), key, HERALD_AUTH_BEARER, &error);
  if (client == NULL)
    {
      g_printerr ("client: %s\n", error->message);
      return 1;
    }

  job.client = client;
  job.get = get;
  job.total = (guint) requests;
  for (int i = 0; i < callers; i++)
    job_next (&job);

  while (!job_done (&job))
    g_main_context_iteration (NULL, TRUE);
  elapsed = g_get_monotonic_time () - job.first_start;

  achieved = job.total / (elapsed / 1e6);
  allowed = (double) limit / window;

  printf ("rate limit: %d %s in %.1f s, %d callers, limit %d per %d s\n",
          requests, get ? "GETs" : "sends", elapsed / 1e6, callers, limit, window);
  printf ("achieved: %.2f requests/s\n", achieved);
  printf ("limit: %.2f requests/s\n", allowed);
  printf ("ratio: %.3f (goal >= 0.95)\n", achieved / allowed);
  printf ("429s after the first window: %u (goal 0); in the first window: %u\n",
          herald_fake_http_get_rejected_after_first_window (fake),
          herald_fake_http_get_rejected_count (fake) - herald_fake_http_get_rejected_after_first_window (fake));
  printf ("most requests the server counted in one window: %u of %d; windows: %u\n",
          herald_fake_http_get_max_window_count (fake), limit, herald_fake_http_get_windows_used (fake));
  printf ("learnt: limit %u, window %u s; requests ok %u, failed %u\n",
          herald_rate_limiter_get_limit (herald_http_client_get_rate_limiter (client)),
          herald_rate_limiter_get_window_seconds (herald_http_client_get_rate_limiter (client)),
          job.ok, job.failed);

  return job.failed == 0 ? 0 : 1;
}
