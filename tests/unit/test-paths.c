/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "herald-core.h"

static void
test_paths_under_xdg_data_home (void)
{
  g_autofree char *dir = herald_paths_get_data_dir ();
  g_autofree char *db = herald_paths_get_database_path ();
  g_autofree char *expected_dir = g_build_filename (g_get_user_data_dir (), "herald", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpstr (dir, ==, expected_dir);
  g_assert_true (g_str_has_prefix (db, dir));
  g_assert_true (g_str_has_suffix (db, "/herald.db"));

  g_assert_true (herald_paths_ensure_data_dir (&error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* Idempotent. */
  g_assert_true (herald_paths_ensure_data_dir (&error));
  g_assert_no_error (error);
}

static void
test_paths_error_names_folder (void)
{
  g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "herald", NULL);
  g_autoptr(GError) error = NULL;

  /* A file where the folder should be: the error must say which folder. */
  g_rmdir (blocker);
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  g_assert_false (herald_paths_ensure_data_dir (&error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, blocker));
  g_unlink (blocker);
}

/* The version the project declares, read from its meson.build rather
 * than from the build's config.h (which the code under test returns). */
static char *
declared_version (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HERALD_SOURCE_ROOT"), "meson.build", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_nonnull (g_getenv ("HERALD_SOURCE_ROOT"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  regex = g_regex_new ("^project\\s*\\([^)]*?\\bversion:\\s*'([^']+)'", G_REGEX_MULTILINE | G_REGEX_DOTALL, 0, NULL);
  g_assert_nonnull (regex);
  g_assert_true (g_regex_match (regex, contents, 0, &match));
  return g_match_info_fetch (match, 1);
}

static void
test_version (void)
{
  g_autofree char *declared = declared_version ();
  g_autoptr(GRegex) dotted = g_regex_new ("^[0-9]+\\.[0-9]+\\.[0-9]+$", 0, 0, NULL);

  g_assert_true (g_regex_match (dotted, declared, 0, NULL));
  g_assert_cmpstr (herald_get_version (), ==, declared);
}

int
main (int argc, char *argv[])
{
  /* The harness gives every test a private XDG tree: refuse to run outside it. */
  g_assert_nonnull (g_getenv ("HERALD_TEST_ROOT"));
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paths/under-xdg-data-home", test_paths_under_xdg_data_home);
  g_test_add_func ("/paths/error-names-folder", test_paths_error_names_folder);
  g_test_add_func ("/paths/version", test_version);

  return g_test_run ();
}
