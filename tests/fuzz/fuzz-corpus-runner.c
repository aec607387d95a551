/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Runs a libFuzzer entry point over its seed corpus as an ordinary test, so
 * that a gcc build without libFuzzer still checks every kept input. */
#include <stdint.h>
#include <stdio.h>
#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static guint
run_path (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;
      guint count = 0;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      /* A stable order makes a failure reproducible. */
      g_ptr_array_sort (names, compare_paths);
      for (guint i = 0; i < names->len; i++)
        count += run_path (g_ptr_array_index (names, i));

      return count;
    }

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("Cannot read corpus input %s: %s", path, error->message);

  g_test_message ("input %s (%" G_GSIZE_FORMAT " bytes)", path, length);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);

  return 1;
}

static void
test_corpus (gconstpointer data)
{
  guint count = run_path (data);

  /* An empty corpus checks nothing: that is a failure, not a pass. */
  g_assert_cmpuint (count, >, 0);
  g_test_message ("%u inputs", count);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: %s CORPUS_DIR…", argv[0]);

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *base = g_path_get_basename (argv[i]);
      g_autofree char *test_path = g_strdup_printf ("/fuzz-corpus/%s", base);

      g_test_add_data_func (test_path, argv[i], test_corpus);
    }

  return g_test_run ();
}
