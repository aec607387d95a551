/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-paths"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "herald-paths.h"

const char *
herald_get_version (void)
{
  return PACKAGE_VERSION;
}

char *
herald_paths_get_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "herald", NULL);
}

char *
herald_paths_get_database_path (void)
{
  g_autofree char *dir = herald_paths_get_data_dir ();

  return g_build_filename (dir, "herald.db", NULL);
}

gboolean
herald_paths_ensure_data_dir (GError **error)
{
  g_autofree char *dir = herald_paths_get_data_dir ();

  /* 0700: the database holds contacts and message history. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not create the data folder “%s”: %s",
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
