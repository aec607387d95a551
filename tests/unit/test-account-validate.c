/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The account checks field by field, as the store and the account dialog
 * use them. */
#include "config.h"

#include <string.h>

#include "herald-core.h"

static void
test_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = herald_account_validate_name ("  Shop  ", &error);
  g_autofree char *long_name = g_strnfill (101, 'a');
  g_autofree char *key = herald_account_dup_name_key ("ＳＨＯＰ");

  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Shop");
  g_assert_cmpstr (key, ==, "shop");

  g_assert_null (herald_account_validate_name ("   ", &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (herald_account_validate_name ("Shop\nTwo", &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (herald_account_validate_name (long_name, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
}

static void
test_base_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *flixy = NULL;
  g_autofree char *flash = NULL;
  g_autofree char *modem = NULL;
  char *refused = NULL;

  g_assert_true (herald_account_validate_base_url (HERALD_DIALECT_FLIXYSMS, "", &flixy, &error));
  g_assert_cmpstr (flixy, ==, HERALD_FLIXYSMS_DEFAULT_BASE_URL);
  g_assert_true (herald_account_validate_base_url (HERALD_DIALECT_FLASHSMS, " https://sms.example.com/api/v1// ",
                                                   &flash, &error));
  g_assert_cmpstr (flash, ==, "https://sms.example.com/api/v1");
  g_assert_true (herald_account_validate_base_url (HERALD_DIALECT_MODEM, NULL, &modem, &error));
  g_assert_null (modem);
  g_assert_no_error (error);

  g_assert_false (herald_account_validate_base_url (HERALD_DIALECT_FLASHSMS, "", &refused, &error));
  g_assert_null (refused);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (herald_account_validate_base_url (HERALD_DIALECT_FLASHSMS, "https://user:pw@x.example/api",
                                                    &refused, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  /* Never quotes a URL with credentials. */
  g_assert_null (strstr (error->message, "pw@"));
  g_clear_error (&error);
  g_assert_false (herald_account_validate_base_url (HERALD_DIALECT_FLIXYSMS, "ftp://x.example", &refused, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
}

static void
test_region_key_auth (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *flash = NULL;
  g_autofree char *flixy = NULL;
  g_autofree char *lower = NULL;
  char *refused = NULL;

  g_assert_true (herald_account_validate_region (HERALD_DIALECT_FLASHSMS, "", &flash, &error));
  g_assert_cmpstr (flash, ==, "GH");
  g_assert_true (herald_account_validate_region (HERALD_DIALECT_FLIXYSMS, "", &flixy, &error));
  g_assert_null (flixy);
  g_assert_true (herald_account_validate_region (HERALD_DIALECT_FLIXYSMS, " us ", &lower, &error));
  g_assert_cmpstr (lower, ==, "US");
  g_assert_false (herald_account_validate_region (HERALD_DIALECT_FLIXYSMS, "XX1", &refused, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (herald_account_validate_key (HERALD_DIALECT_FLIXYSMS, "abc123", &error));
  g_assert_true (herald_account_validate_key (HERALD_DIALECT_MODEM, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (herald_account_validate_key (HERALD_DIALECT_FLIXYSMS, "abc 123", &error));
  g_assert_cmpstr (error->message, ==, "The API key contains spaces or line breaks; copy it again without them.");
  g_clear_error (&error);
  g_assert_false (herald_account_validate_key (HERALD_DIALECT_MODEM, "abc", &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (herald_account_validate_auth_style (HERALD_DIALECT_FLASHSMS, HERALD_ACCOUNT_AUTH_X_API_KEY, &error));
  g_assert_false (herald_account_validate_auth_style (HERALD_DIALECT_FLIXYSMS, HERALD_ACCOUNT_AUTH_X_API_KEY, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/account-validate/name", test_name);
  g_test_add_func ("/account-validate/base-url", test_base_url);
  g_test_add_func ("/account-validate/region-key-auth", test_region_key_auth);

  return g_test_run ();
}
