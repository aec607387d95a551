/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "herald-core.h"

static HeraldRecipientList *
read_list (const char             *text,
           HeraldPhoneNumberFlags  flags)
{
  HeraldRecipientList *list = herald_recipient_list_new ("GH", flags);

  herald_recipient_list_set_text (list, text);
  return list;
}

static void
assert_numbers (HeraldRecipientList *list,
                const char * const  *expected)
{
  g_auto(GStrv) numbers = herald_recipient_list_dup_numbers (list);

  g_assert_cmpstrv (numbers, expected);
}

static void
test_separators (void)
{
  g_autoptr(HeraldRecipientList) list =
    read_list ("0241234567,0201234567;0541234567\n0551234567\r\n0591234567\t0501234567,,\n ; ",
               HERALD_PHONE_NUMBER_FLAGS_NONE);
  const char * const expected[] = {
    "+233241234567", "+233201234567", "+233541234567", "+233551234567",
    "+233591234567", "+233501234567", NULL,
  };

  assert_numbers (list, expected);
  g_assert_cmpuint (herald_recipient_list_get_n_entries (list), ==, 6);
  g_assert_cmpuint (herald_recipient_list_get_n_valid (list), ==, 6);
  g_assert_cmpuint (herald_recipient_list_get_n_invalid (list), ==, 0);
  g_assert_cmpuint (herald_recipient_list_get_n_merged (list), ==, 0);
}

static void
test_spaces_inside_numbers (void)
{
  g_autoptr(HeraldRecipientList) list =
    read_list ("024 123 4567\n+233 20 123 4567, 054 123 4567 0551234567\n00 44 7400 123456",
               HERALD_PHONE_NUMBER_FLAGS_NONE);
  const char * const expected[] = {
    "+233241234567", "+233201234567", "+233541234567", "+233551234567", "+447400123456", NULL,
  };

  assert_numbers (list, expected);
  g_assert_cmpstr (herald_recipient_list_get_input (list, 0), ==, "024 123 4567");
  g_assert_cmpstr (herald_recipient_list_get_input (list, 2), ==, "054 123 4567");
  g_assert_cmpstr (herald_recipient_list_get_input (list, 3), ==, "0551234567");
  g_assert_cmpstr (herald_recipient_list_get_display (list, 0), ==, "+233 24 123 4567");
}

static void
test_spaces_between_numbers (void)
{
  /* Two whole numbers side by side are two entries. */
  g_autoptr(HeraldRecipientList) list =
    read_list ("0241234567 0201234567   0541234567", HERALD_PHONE_NUMBER_FLAGS_NONE);
  const char * const expected[] = { "+233241234567", "+233201234567", "+233541234567", NULL };

  assert_numbers (list, expected);
  g_assert_cmpuint (herald_recipient_list_get_n_entries (list), ==, 3);
}

static void
test_invalid_reasons (void)
{
  g_autoptr(HeraldRecipientList) list =
    read_list ("024 123 456\nhello\n0241234567 12\n+999 1234567", HERALD_PHONE_NUMBER_FLAGS_NONE);

  g_assert_cmpuint (herald_recipient_list_get_n_entries (list), ==, 5);
  g_assert_cmpuint (herald_recipient_list_get_n_valid (list), ==, 1);
  g_assert_cmpuint (herald_recipient_list_get_n_invalid (list), ==, 4);

  /* A short number is reported as typed, not word by word. */
  g_assert_cmpstr (herald_recipient_list_get_input (list, 0), ==, "024 123 456");
  g_assert_null (herald_recipient_list_get_number (list, 0));
  g_assert_cmpstr (herald_recipient_list_get_reason (list, 0), ==, "too-short");
  g_assert_nonnull (herald_recipient_list_get_message (list, 0));

  g_assert_cmpstr (herald_recipient_list_get_input (list, 1), ==, "hello");
  g_assert_cmpstr (herald_recipient_list_get_reason (list, 1), ==, "not-a-number");
  g_assert_true (strstr (herald_recipient_list_get_message (list, 1), "hello") != NULL);

  g_assert_cmpstr (herald_recipient_list_get_number (list, 2), ==, "+233241234567");
  g_assert_null (herald_recipient_list_get_reason (list, 2));
  g_assert_null (herald_recipient_list_get_message (list, 2));
  g_assert_cmpstr (herald_recipient_list_get_input (list, 3), ==, "12");
  g_assert_nonnull (herald_recipient_list_get_reason (list, 3));

  g_assert_cmpstr (herald_recipient_list_get_reason (list, 4), ==, "invalid-country-code");
}

static void
test_require_mobile (void)
{
  /* 030 is a Ghanaian fixed line: fine for FlixySMS, refused for FlashSMS. */
  g_autoptr(HeraldRecipientList) list = read_list ("0302123456", HERALD_PHONE_NUMBER_FLAGS_NONE);
  guint n_valid_notified = 0;

  g_assert_cmpuint (herald_recipient_list_get_n_valid (list), ==, 1);
  g_signal_connect_swapped (list, "notify::n-valid", G_CALLBACK (g_atomic_int_inc), &n_valid_notified);

  herald_recipient_list_set_flags (list, HERALD_PHONE_NUMBER_REQUIRE_MOBILE);
  g_assert_cmpuint (herald_recipient_list_get_n_valid (list), ==, 0);
  g_assert_cmpstr (herald_recipient_list_get_reason (list, 0), ==, "not-mobile");
  g_assert_cmpuint (n_valid_notified, ==, 1);
}

static void
test_duplicates_merged (void)
{
  g_autoptr(HeraldRecipientList) list =
    read_list ("0241234567, +233 24 123 4567\n233241234567; 0201234567, 0241234567, bad, bad",
               HERALD_PHONE_NUMBER_FLAGS_NONE);
  const char * const expected[] = { "+233241234567", "+233201234567", NULL };

  assert_numbers (list, expected);
  g_assert_cmpuint (herald_recipient_list_get_n_entries (list), ==, 3);
  g_assert_cmpuint (herald_recipient_list_get_n_merged (list), ==, 4);
  /* The first spelling is kept. */
  g_assert_cmpstr (herald_recipient_list_get_input (list, 0), ==, "0241234567");
  g_assert_cmpuint (herald_recipient_list_get_duplicates (list, 0), ==, 3);
  g_assert_cmpuint (herald_recipient_list_get_duplicates (list, 1), ==, 0);
  g_assert_cmpstr (herald_recipient_list_get_input (list, 2), ==, "bad");
  g_assert_cmpuint (herald_recipient_list_get_duplicates (list, 2), ==, 1);
}

static void
test_changed_and_region (void)
{
  g_autoptr(HeraldRecipientList) list = herald_recipient_list_new (NULL, HERALD_PHONE_NUMBER_FLAGS_NONE);
  guint changed = 0;

  g_signal_connect_swapped (list, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  herald_recipient_list_set_text (list, "0241234567");
  g_assert_cmpuint (changed, ==, 1);
  /* Without a region a national number cannot be read. */
  g_assert_cmpuint (herald_recipient_list_get_n_invalid (list), ==, 1);
  g_assert_cmpstr (herald_recipient_list_get_reason (list, 0), ==, "no-region");

  herald_recipient_list_set_region (list, "GH");
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpstr (herald_recipient_list_get_number (list, 0), ==, "+233241234567");

  /* The same text again changes nothing. */
  herald_recipient_list_set_text (list, "0241234567");
  g_assert_cmpuint (changed, ==, 2);

  herald_recipient_list_set_text (list, NULL);
  g_assert_cmpuint (herald_recipient_list_get_n_entries (list), ==, 0);
  g_assert_cmpuint (changed, ==, 3);
}

static void
test_invalid_utf8_and_long_words (void)
{
  g_autoptr(HeraldRecipientList) list = herald_recipient_list_new ("GH", HERALD_PHONE_NUMBER_FLAGS_NONE);
  g_autofree char *many = NULL;
  g_autoptr(GString) text = g_string_new ("\xff\xfe 0241234567\n");

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "1 ");
  herald_recipient_list_set_text (list, text->str);

  g_assert_cmpuint (herald_recipient_list_get_n_valid (list), ==, 1);
  g_assert_cmpuint (herald_recipient_list_get_n_invalid (list), >=, 2);
  many = g_strdup (herald_recipient_list_get_input (list, herald_recipient_list_get_n_entries (list) - 1));
  g_assert_true (g_str_has_prefix (many, "1 1 1"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recipient-list/separators", test_separators);
  g_test_add_func ("/recipient-list/spaces/inside-numbers", test_spaces_inside_numbers);
  g_test_add_func ("/recipient-list/spaces/between-numbers", test_spaces_between_numbers);
  g_test_add_func ("/recipient-list/invalid/reasons", test_invalid_reasons);
  g_test_add_func ("/recipient-list/invalid/require-mobile", test_require_mobile);
  g_test_add_func ("/recipient-list/duplicates/merged", test_duplicates_merged);
  g_test_add_func ("/recipient-list/changed-and-region", test_changed_and_region);
  g_test_add_func ("/recipient-list/invalid-utf8-and-long-runs", test_invalid_utf8_and_long_words);

  return g_test_run ();
}
