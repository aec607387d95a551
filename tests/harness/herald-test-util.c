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

void
herald_test_run_clear (HeraldTestRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_clear_error (&run->error);
}

GSubprocess *
herald_test_heraldctl_spawn (const char * const *argv,
                             const char         *key,
                             const char         *stdin_path,
                             const char * const *env)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  const char *program = g_getenv ("HERALDCTL");
  GSubprocess *process;

  g_assert_nonnull (program);
  g_ptr_array_add (args, (char *) program);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (stdin_path != NULL)
    g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path);
  if (key != NULL)
    g_subprocess_launcher_setenv (launcher, "HERALD_API_KEY", key, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "HERALD_API_KEY");
  for (guint i = 0; env != NULL && env[i] != NULL && env[i + 1] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  return process;
}

static void
heraldctl_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  HeraldTestRun *run = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &run->error);
  run->done = TRUE;
}

void
herald_test_heraldctl_read (GSubprocess   *process,
                            HeraldTestRun *run)
{
  g_subprocess_communicate_utf8_async (process, NULL, NULL, heraldctl_read_cb, run);
}

void
herald_test_heraldctl_run (HeraldTestRun      *run,
                           const char         *key,
                           const char         *stdin_path,
                           const char * const *env,
                           guint               timeout_seconds,
                           const char * const *argv)
{
  g_autoptr(GSubprocess) process = herald_test_heraldctl_spawn (argv, key, stdin_path, env);
  g_autoptr(GError) error = NULL;
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (timeout_seconds, timed_out_cb, &timed_out);

  herald_test_heraldctl_read (process, run);
  while (!run->done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_subprocess_force_exit (process);
  else
    g_source_remove (timeout_id);
  g_assert_false (timed_out);
  g_assert_no_error (run->error);

  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

JsonNode *
herald_test_run_json (const HeraldTestRun *run)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root = json_from_string (run->out, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}
