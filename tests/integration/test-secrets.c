/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The keyring part of the harness: gnome-keyring on a private session bus,
 * driven through Herald's own secrets module. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include <libsecret/secret.h>

#include "herald-core.h"
#include "herald-test-tree.h"
#include "herald-test-util.h"

static void
store (const char *account, const char *secret)
{
  GAsyncResult *res = NULL;
  g_autoptr(GError) error = NULL;

  herald_secrets_store_async (account, "Herald test account", secret, NULL, herald_test_async_done, &res);
  g_assert_true (herald_secrets_store_finish (herald_test_wait (&res), &error));
  g_assert_no_error (error);
  g_object_unref (res);
}

static char *
lookup (const char *account, GError **error)
{
  GAsyncResult *res = NULL;
  char *secret;

  herald_secrets_lookup_async (account, NULL, herald_test_async_done, &res);
  secret = herald_secrets_lookup_finish (herald_test_wait (&res), error);
  g_object_unref (res);

  return secret;
}

static void
clear (const char *account)
{
  GAsyncResult *res = NULL;
  g_autoptr(GError) error = NULL;

  herald_secrets_clear_async (account, NULL, herald_test_async_done, &res);
  g_assert_true (herald_secrets_clear_finish (herald_test_wait (&res), &error));
  g_assert_no_error (error);
  g_object_unref (res);
}

static void
test_secrets_store_and_read_back (void)
{
  const char *key = "fx_live_7Qm2v9LpZ3kT8wYc";
  g_autoptr(GError) error = NULL;
  char *secret;

  store ("account-1", key);
  store ("account-2", "another-key");

  secret = lookup ("account-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, key);
  herald_secrets_free (secret);

  secret = lookup ("account-2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "another-key");
  herald_secrets_free (secret);

  /* Storing again replaces the key rather than adding a second item. */
  store ("account-1", "fx_live_rotated");
  secret = lookup ("account-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "fx_live_rotated");
  herald_secrets_free (secret);

  clear ("account-1");
  clear ("account-2");
}

static void
test_secrets_missing_and_cleared (void)
{
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = lookup ("no-such-account", &error);
  g_assert_null (secret);
  g_assert_error (error, HERALD_SECRETS_ERROR, HERALD_SECRETS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-account"));
  g_clear_error (&error);

  store ("account-3", "short-lived");
  clear ("account-3");
  secret = lookup ("account-3", &error);
  g_assert_null (secret);
  g_assert_error (error, HERALD_SECRETS_ERROR, HERALD_SECRETS_ERROR_NOT_FOUND);

  /* Clearing what is not there is not an error. */
  clear ("account-3");
}

static void
test_secrets_never_in_plain_files (void)
{
  const char *key = "fx_live_PLAINTEXT_CANARY_91";
  const char *root = g_getenv ("HERALD_TEST_ROOT");

  g_assert_nonnull (root);
  store ("account-canary", key);

  /* The harness's whole private tree — data, config, cache, the keyring's
   * own files — must not hold the key in clear. */
  herald_test_tree_assert_lacks (root, key);

  clear ("account-canary");
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/secrets/store-and-read-back", test_secrets_store_and_read_back);
  g_test_add_func ("/secrets/missing-and-cleared", test_secrets_missing_and_cleared);
  g_test_add_func ("/secrets/never-in-plain-files", test_secrets_never_in_plain_files);

  status = g_test_run ();

  /* Drop libsecret's cached service and its bus connection, so that a leak
   * checker sees only what Herald itself left behind. */
  secret_service_disconnect ();
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return status;
}
