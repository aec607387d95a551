/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-app"

#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>

#include "herald-application.h"
#include "herald-window.h"

/* Usage: bench-app [--runs N] [--idle SECONDS]
 *
 * The application's own figures (issue #12), on a display (Xvfb in CI:
 * run through tests/harness/herald-test-env --display):
 *  - cold start: from before exec of a fresh process to the window's first
 *    painted frame, N runs (default 5); the goal is under 400 ms;
 *  - typing: a 900-character message in Compose, then 100 keystrokes; the
 *    time from each inserted character until the main loop has nothing left
 *    to do (the live analysis has updated); the goal is under 5 ms;
 *  - idle: main-loop wake-ups over SECONDS (default 10) with the window open
 *    and new-message notifications off; the goal is none from timers.
 * Figures only: nothing here asserts. */

typedef struct
{
  gint64   t0;            /* real time before exec, from the parent */
  gboolean floor;         /* an empty AdwApplicationWindow instead of Herald */
  gboolean typing;
  guint    idle_seconds;
  gboolean reported;
} Child;

static GPollFunc default_poll;
static guint     n_wakeups;
static gboolean  counting;

static int
counting_poll (GPollFD *fds,
               guint    n_fds,
               int      timeout)
{
  int ready = default_poll (fds, n_fds, timeout);

  if (counting)
    n_wakeups++;
  return ready;
}

static GtkWidget *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget) && gtk_widget_get_sensitive (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
measure_typing (HeraldWindow *window)
{
  GtkWidget *view;
  GtkTextBuffer *buffer;
  GString *text = g_string_new (NULL);
  GtkTextIter end;
  gint64 total = 0;
  gint64 worst = 0;
  const guint keystrokes = 100;

  herald_window_set_section (window, "compose");
  drain ();
  view = find_text_view (GTK_WIDGET (window));
  if (view == NULL)
    {
      printf ("typing: no message field found in Compose\n");
      g_string_free (text, TRUE);
      return;
    }

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  while (text->len < 900)
    g_string_append (text, "Fresh bread and pastries every morning at the corner shop. ");
  g_string_truncate (text, 900);
  gtk_text_buffer_set_text (buffer, text->str, -1);
  drain ();

  for (guint i = 0; i < keystrokes; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 took;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, i % 2 ? "a" : "“", -1);   /* flips GSM-7 / UCS-2 too */
      drain ();
      took = g_get_monotonic_time () - start;
      total += took;
      worst = MAX (worst, took);
    }

  printf ("typing: %u keystrokes on a %u-character message: mean %.2f ms, worst %.2f ms (goal < 5 ms)\n",
          keystrokes, 900, total / (double) keystrokes / 1000.0, worst / 1000.0);
  g_string_free (text, TRUE);
}

static gboolean
stop_idle (gpointer user_data)
{
  Child *child = user_data;

  counting = FALSE;
  printf ("idle: %u main-loop wake-ups in %u s with the window open, notifications off "
          "(%.2f a second)\n",
          n_wakeups, child->idle_seconds, n_wakeups / (double) child->idle_seconds);
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

static gboolean
start_idle (gpointer user_data)
{
  Child *child = user_data;

  n_wakeups = 0;
  counting = TRUE;
  /* this timer's own wake-up is the one the count includes */
  g_timeout_add_seconds (child->idle_seconds, stop_idle, child);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  Child *child = user_data;
  GtkWindow *window;

  if (child->reported)
    return;
  child->reported = TRUE;

  printf ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_real_time () - child->t0);
  fflush (stdout);

  window = gtk_application_get_active_window (GTK_APPLICATION (g_application_get_default ()));
  if (child->typing)
    {
      measure_typing (HERALD_WINDOW (window));
      g_application_quit (g_application_get_default ());
    }
  else if (child->idle_seconds > 0)
    {
      /* let start-up work (database, accounts) settle first */
      g_timeout_add_seconds (2, start_idle, child);
    }
  else
    g_application_quit (g_application_get_default ());
}

static void
window_realize_cb (GtkWidget *widget,
                   gpointer   user_data)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));

  g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint",
                    G_CALLBACK (after_paint_cb), user_data);
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), user_data);
}

/* The floor: what GTK, libadwaita and the display cost before Herald does
 * anything, so that the figure above can be read on any machine. */
static void
floor_activate_cb (GApplication *application,
                   gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_floor (Child *child)
{
  g_autoptr(AdwApplication) application = NULL;

  application = adw_application_new ("io.github.heraldsms.BenchFloor", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), child);
  g_signal_connect (application, "activate", G_CALLBACK (floor_activate_cb), NULL);
  return g_application_run (G_APPLICATION (application), 0, NULL);
}

static int
run_child (Child *child)
{
  g_autoptr(HeraldApplication) application = NULL;
  char *argv[] = { (char *) "herald", NULL };

  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, counting_poll);

  application = herald_application_new ();
  g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), child);
  return g_application_run (G_APPLICATION (application), 1, argv);
}

static gint64
spawn_child (const char *self_path,
             const char *mode)
{
  g_autofree char *out = NULL;
  g_autofree char *t0 = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const char *line;
  int status = 0;

  t0 = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time ());
  {
    const char *argv[] = { self_path, "--child", t0, mode, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error))
      {
        fprintf (stderr, "bench-app: %s\n", error->message);
        return -1;
      }
  }
  /* everything else the child printed is a figure for the reader */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && !g_str_has_prefix (lines[i], "first-frame-us "))
      printf ("%s\n", lines[i]);
  line = strstr (out, "first-frame-us ");
  return line != NULL ? g_ascii_strtoll (line + strlen ("first-frame-us "), NULL, 10) : -1;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gboolean
print_starts (const char *what,
              const char *goal,
              GArray     *starts)
{
  if (starts->len == 0)
    {
      printf ("%s: no frame was painted (is there a display?)\n", what);
      return FALSE;
    }
  g_array_sort (starts, compare_gint64);
  printf ("%s: %u runs, best %.1f ms, median %.1f ms, worst %.1f ms%s\n",
          what, starts->len,
          g_array_index (starts, gint64, 0) / 1000.0,
          g_array_index (starts, gint64, starts->len / 2) / 1000.0,
          g_array_index (starts, gint64, starts->len - 1) / 1000.0, goal);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint runs = 5;
  guint idle = 10;

  if (argc >= 4 && g_str_equal (argv[1], "--child"))
    {
      Child child = { .t0 = g_ascii_strtoll (argv[2], NULL, 10) };

      if (g_str_equal (argv[3], "floor"))
        return run_floor (&child);
      if (g_str_equal (argv[3], "typing"))
        child.typing = TRUE;
      else if (g_str_has_prefix (argv[3], "idle="))
        child.idle_seconds = (guint) g_ascii_strtoull (argv[3] + 5, NULL, 10);
      return run_child (&child);
    }

  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (g_str_equal (argv[i], "--runs"))
        runs = MAX (1, (guint) g_ascii_strtoull (argv[i + 1], NULL, 10));
      else if (g_str_equal (argv[i], "--idle"))
        idle = MAX (1, (guint) g_ascii_strtoull (argv[i + 1], NULL, 10));
    }

  for (guint i = 0; i < runs; i++)
    {
      gint64 us = spawn_child (argv[0], "start");

      if (us >= 0)
        g_array_append_val (starts, us);
    }
  if (!print_starts ("cold start to first frame", " (goal < 400 ms)", starts))
    return 1;
  g_array_set_size (starts, 0);
  for (guint i = 0; i < runs; i++)
    {
      gint64 us = spawn_child (argv[0], "floor");

      if (us >= 0)
        g_array_append_val (starts, us);
    }
  print_starts ("  floor: an empty AdwApplicationWindow on the same display", "", starts);

  spawn_child (argv[0], "typing");
  {
    g_autofree char *mode = g_strdup_printf ("idle=%u", idle);

    spawn_child (argv[0], mode);
  }
  return 0;
}
