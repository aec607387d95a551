/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* memmem */

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "herald-test-tree.h"

/* Fails the test, rather than returning FALSE, whenever it cannot look:
 * a folder it cannot list, a file it cannot read. A negative check that
 * looked at nothing must not pass. */
static gboolean
scan (const char *dir,
      const char *needle,
      guint      *n_files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  const char *name;

  g_assert_no_error (error);

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) read_error = NULL;
      GStatBuf st;
      gsize length;

      if (g_lstat (path, &st) != 0)
        {
          /* Gone since the listing (a journal, a lock): nothing to read. */
          if (errno == ENOENT)
            continue;
          g_error ("cannot look at %s: %s", path, g_strerror (errno));
        }

      if (S_ISDIR (st.st_mode))
        {
          if (scan (path, needle, n_files))
            return TRUE;
          continue;
        }
      /* Symlinks point elsewhere; sockets and FIFOs hold no contents. */
      if (!S_ISREG (st.st_mode))
        continue;

      if (!g_file_get_contents (path, &contents, &length, &read_error))
        {
          if (g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            continue;
          g_assert_no_error (read_error);
        }
      (*n_files)++;
      if (memmem (contents, length, needle, strlen (needle)) != NULL)
        return TRUE;
    }

  return FALSE;
}

gboolean
herald_test_tree_contains (const char *dir,
                           const char *needle)
{
  guint n_files = 0;

  g_assert_nonnull (dir);
  g_assert_nonnull (needle);
  g_assert_cmpuint (strlen (needle), >, 0);

  return scan (dir, needle, &n_files);
}

void
herald_test_tree_assert_lacks (const char *dir,
                               const char *needle)
{
  g_autofree char *control = NULL;
  g_autofree char *nested = NULL;
  g_autofree char *planted = NULL;
  guint n_files = 0;

  g_assert_nonnull (dir);
  g_assert_nonnull (needle);
  g_assert_cmpuint (strlen (needle), >, 0);

  if (scan (dir, needle, &n_files))
    g_error ("\"%s\" is in a plain file under %s", needle, dir);
  /* The tree is the one the code under test wrote to: not empty. */
  g_assert_cmpuint (n_files, >, 0);

  /* The positive control: the same scan finds the needle once it is
   * planted two folders deep, where the real files are. */
  control = g_build_filename (dir, "herald-test-tree-control-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (control));
  nested = g_build_filename (control, "nested", NULL);
  g_assert_cmpint (g_mkdir (nested, 0700), ==, 0);
  planted = g_build_filename (nested, "planted", NULL);
  g_assert_true (g_file_set_contents (planted, needle, -1, NULL));
  g_assert_true (herald_test_tree_contains (dir, needle));
  g_assert_cmpint (g_unlink (planted), ==, 0);
  g_assert_cmpint (g_rmdir (nested), ==, 0);
  g_assert_cmpint (g_rmdir (control), ==, 0);
  g_assert_false (herald_test_tree_contains (dir, needle));
}
