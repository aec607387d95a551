/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The FlixySMS fake as a program, for heraldctl tests and screenshots:
 *   herald-fake-flixysms [--port N] [--key KEY] [--empty]
 * prints its base URL on stdout (one line) and serves until SIGINT/SIGTERM.
 * The key may also come from $HERALD_FAKE_FLIXYSMS_KEY. */
#define G_LOG_DOMAIN "herald-fake-flixysms"

#include <stdio.h>
#include <stdlib.h>
#include <glib-unix.h>

#include "herald-fake-flixysms.h"

#define DEFAULT_KEY "herald-test-key"

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFakeFlixysms) fake = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *key = NULL;
  gboolean empty = FALSE;
  int port = 0;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "Port on 127.0.0.1 (default: a free one)", "N" },
    { "key", 'k', 0, G_OPTION_ARG_STRING, &key, "Accepted API key (default: " DEFAULT_KEY ")", "KEY" },
    { "empty", 0, 0, G_OPTION_ARG_NONE, &empty, "No devices and no received messages", NULL },
    { NULL }
  };

  context = g_option_context_new ("— a fake FlixySMS server");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (port < 0 || port > G_MAXUINT16)
    {
      fprintf (stderr, "Port out of range: %d\n", port);
      return 2;
    }
  if (key == NULL)
    key = g_strdup (g_getenv ("HERALD_FAKE_FLIXYSMS_KEY") != NULL
                    ? g_getenv ("HERALD_FAKE_FLIXYSMS_KEY") : DEFAULT_KEY);

  fake = herald_fake_flixysms_new (key, (guint) port, &error);
  if (fake == NULL)
    {
      fprintf (stderr, "Cannot listen: %s\n", error->message);
      return 1;
    }
  if (!empty)
    herald_fake_flixysms_seed (fake);

  printf ("%s\n", herald_fake_flixysms_get_base_url (fake));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  return 0;
}
