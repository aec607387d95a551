/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "herald-test-util.h"

void
herald_test_async_done (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

GAsyncResult *
herald_test_wait_at (GAsyncResult **slot,
                     const char    *file,
                     int            line,
                     const char    *func)
{
  gboolean timed_out = FALSE;
  guint timeout_id;

  /* The timeout also wakes a main context that has nothing else to do. */
  timeout_id = g_timeout_add_seconds (HERALD_TEST_WAIT_SECONDS, timed_out_cb, &timed_out);
  while (*slot == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);

  if (*slot == NULL)
    {
      g_autofree char *message =
        g_strdup_printf ("no answer from the asynchronous call after %d s", HERALD_TEST_WAIT_SECONDS);

      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
    }

  return *slot;
}

gint64
herald_test_deadline (void)
{
  return g_get_monotonic_time () + HERALD_TEST_WAIT_SECONDS * G_USEC_PER_SEC;
}

gboolean
herald_test_iterate_before (gint64 deadline)
{
  gint64 left = deadline - g_get_monotonic_time ();
  gboolean timed_out = FALSE;
  guint timeout_id;

  if (left <= 0)
    return FALSE;

  /* Woken at the deadline at the latest, even with nothing else to do. */
  timeout_id = g_timeout_add ((guint) (left / 1000) + 1, timed_out_cb, &timed_out);
  g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);

  return TRUE;
}

gint
herald_test_next_timer_ms (GMainContext *context)
{
  GPollFD fds[64];
  gint priority, timeout, n_fds;
  gboolean ready;

  if (context == NULL)
    context = g_main_context_default ();

  g_assert_true (g_main_context_acquire (context));
  do
    {
      ready = g_main_context_prepare (context, &priority);
      timeout = -1;
      n_fds = g_main_context_query (context, priority, &timeout, fds, G_N_ELEMENTS (fds));
      g_assert_cmpint (n_fds, <=, G_N_ELEMENTS (fds));
      g_main_context_check (context, priority, fds, n_fds);
      g_main_context_dispatch (context);
    }
  while (ready);   /* something was due: it ran, look again */
  g_main_context_release (context);

  return timeout;
}
