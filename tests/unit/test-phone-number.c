/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Phone numbers: parsing to E.164 with a default region, validation with
 * reasons a person can act on, display forms and the FlashSMS form. The
 * expected values are written out here, never derived from the library. */
#define G_LOG_DOMAIN "test-phone-number"

#include <string.h>

#include <glib.h>
#include <glib-object.h>

#include "text/herald-phone-number.h"

typedef struct
{
  const char *input;
  const char *region;
  const char *e164;
} Case;

static HeraldPhoneNumber *
parse_ok (const char             *input,
          const char             *region,
          HeraldPhoneNumberFlags  flags)
{
  g_autoptr(GError) error = NULL;
  HeraldPhoneNumber *number;

  number = herald_phone_number_parse (input, region, flags, &error);
  if (number == NULL)
    g_test_message ("“%s” (region %s): %s", input, region ? region : "none", error->message);
  g_assert_no_error (error);
  g_assert_nonnull (number);

  return number;
}

static void
assert_cases (const Case *cases,
              gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(HeraldPhoneNumber) number = parse_ok (cases[i].input, cases[i].region,
                                                      HERALD_PHONE_NUMBER_FLAGS_NONE);

      g_test_message ("“%s” → %s", cases[i].input, herald_phone_number_get_e164 (number));
      g_assert_cmpstr (herald_phone_number_get_e164 (number), ==, cases[i].e164);
      g_assert_cmpstr (herald_phone_number_get_input (number), ==, cases[i].input);
    }
}

/* Returns the error's message for further checks. */
static char *
assert_fails (const char             *input,
              const char             *region,
              HeraldPhoneNumberFlags  flags,
              HeraldPhoneNumberError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldPhoneNumber) number = NULL;

  number = herald_phone_number_parse (input, region, flags, &error);
  if (number != NULL)
    g_test_message ("“%s” unexpectedly parsed as %s", input, herald_phone_number_get_e164 (number));
  g_assert_null (number);
  g_assert_error (error, HERALD_PHONE_NUMBER_ERROR, (int) code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_test_message ("%s", error->message);

  return g_strdup (error->message);
}

static void
assert_message_contains (const char *message,
                         const char *needle)
{
  if (strstr (message, needle) == NULL)
    g_error ("“%s” does not contain “%s”", message, needle);
}

/* --- Ghana ------------------------------------------------------------- */

static void
test_gh_national_form (void)
{
  static const Case cases[] = {
    /* MTN */
    { "0241234567", "GH", "+233241234567" },
    { "0541234567", "GH", "+233541234567" },
    { "0551234567", "GH", "+233551234567" },
    { "0591234567", "GH", "+233591234567" },
    /* Telecel (Vodafone) */
    { "0201234567", "GH", "+233201234567" },
    { "0501234567", "GH", "+233501234567" },
    /* AirtelTigo */
    { "0261234567", "GH", "+233261234567" },
    { "0271234567", "GH", "+233271234567" },
    { "0561234567", "GH", "+233561234567" },
    { "0571234567", "GH", "+233571234567" },
    /* without the trunk 0 */
    { "241234567", "GH", "+233241234567" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_gh_international_form (void)
{
  static const Case cases[] = {
    { "+233241234567", "GH", "+233241234567" },
    { "+233 24 123 4567", "GH", "+233241234567" },
    { "+233201234567", NULL, "+233201234567" },
    { "+233 57 123 4567", "US", "+233571234567" },
    /* the trunk 0 kept by mistake after the country code */
    { "+2330241234567", "GH", "+233241234567" },
    { "+233 (0) 24 123 4567", NULL, "+233241234567" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_gh_country_code_without_plus (void)
{
  static const Case cases[] = {
    { "233241234567", "GH", "+233241234567" },
    { "233 24 123 4567", "GH", "+233241234567" },
    { "233201234567", "GH", "+233201234567" },
    { "233571234567", "GH", "+233571234567" },
    { "2330241234567", "GH", "+233241234567" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_gh_double_zero_prefix (void)
{
  static const Case cases[] = {
    { "00233241234567", "GH", "+233241234567" },
    { "00 233 24 123 4567", "GH", "+233241234567" },
    /* without a default region, 00 is read as the international prefix */
    { "00233241234567", NULL, "+233241234567" },
    { "0044 7400 123456", NULL, "+447400123456" },
    { "00 44 7400 123456", "GH", "+447400123456" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_gh_separators (void)
{
  static const Case cases[] = {
    { "024-123-4567", "GH", "+233241234567" },
    { "(024) 123 4567", "GH", "+233241234567" },
    { "024.123.4567", "GH", "+233241234567" },
    { "024 123 4567", "GH", "+233241234567" },
    { "024/1234567", "GH", "+233241234567" },
    { "  0241234567\t\n", "GH", "+233241234567" },
    { "(+233) 24-123-4567", "GH", "+233241234567" },
    { "+233.24.123.4567", NULL, "+233241234567" },
    /* no-break spaces, en dash, minus sign */
    { "024\xc2\xa0" "123\xc2\xa0" "4567", "GH", "+233241234567" },
    { "024\xe2\x80\x93" "123\xe2\x80\x93" "4567", "GH", "+233241234567" },
    { "024\xe2\x88\x92" "1234567", "GH", "+233241234567" },
    /* full-width digits and plus, Arabic-Indic digits */
    { "\xef\xbc\x8b\xef\xbc\x92\xef\xbc\x93\xef\xbc\x93" "241234567", "GH", "+233241234567" },
    { "\xd9\xa0\xd9\xa2\xd9\xa4\xd9\xa1\xd9\xa2\xd9\xa3\xd9\xa4\xd9\xa5\xd9\xa6\xd9\xa7", "GH", "+233241234567" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_gh_newer_mobile_ranges (void)
{
  /* 053 (MTN) and 056[2-9] (AirtelTigo) postdate Debian 12's metadata. */
  static const Case cases[] = {
    { "0531234567", "GH", "+233531234567" },
    { "+233 53 987 6543", NULL, "+233539876543" },
    { "0562234567", "GH", "+233562234567" },
    { "0569234567", "GH", "+233569234567" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HeraldPhoneNumber) number = parse_ok (cases[i].input, cases[i].region,
                                                      HERALD_PHONE_NUMBER_REQUIRE_MOBILE);

      g_assert_cmpint (herald_phone_number_get_number_type (number), ==, HERALD_PHONE_NUMBER_TYPE_MOBILE);
      g_assert_cmpstr (herald_phone_number_get_region_code (number), ==, "GH");
    }

  {
    g_autoptr(HeraldPhoneNumber) number = parse_ok ("0531234567", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE);

    g_assert_cmpstr (herald_phone_number_get_national (number), ==, "053 123 4567");
    g_assert_cmpstr (herald_phone_number_get_international (number), ==, "+233 53 123 4567");
  }

  /* the supplement is no licence for everything: 0561 stays as it was,
   * 058 and a short 053 are still refused */
  g_free (assert_fails ("0581234567", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE,
                        HERALD_PHONE_NUMBER_ERROR_INVALID_FOR_REGION));
  g_free (assert_fails ("053123456", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE,
                        HERALD_PHONE_NUMBER_ERROR_TOO_SHORT));
}

/* Ghana's usual forms skip libphonenumber's parser; "+233 0…" (a stray
 * trunk 0) goes through it. Both roads must agree on every two-digit
 * prefix, for valid and invalid numbers alike. */
static void
test_gh_shortcut_agrees_with_libphonenumber (void)
{
  guint valid = 0;

  for (guint prefix = 10; prefix < 100; prefix++)
    {
      for (guint k = 0; k < 3; k++)
        {
          g_autofree char *nsn = g_strdup_printf ("%02u%07u", prefix, (prefix * 7919u + k * 104729u) % 10000000u);
          g_autofree char *national = g_strdup_printf ("0%s", nsn);
          g_autofree char *slow = g_strdup_printf ("+233 0%s", nsn);
          g_autoptr(GError) fast_error = NULL;
          g_autoptr(GError) slow_error = NULL;
          g_autoptr(HeraldPhoneNumber) fast_number = NULL;
          g_autoptr(HeraldPhoneNumber) slow_number = NULL;

          fast_number = herald_phone_number_parse (national, "GH", HERALD_PHONE_NUMBER_FLAGS_NONE, &fast_error);
          slow_number = herald_phone_number_parse (slow, NULL, HERALD_PHONE_NUMBER_FLAGS_NONE, &slow_error);

          g_test_message ("%s: %s", national, fast_number ? "valid" : fast_error->message);
          g_assert_cmpint (fast_number != NULL, ==, slow_number != NULL);
          if (fast_number == NULL)
            {
              g_assert_cmpint (fast_error->code, ==, slow_error->code);
              continue;
            }

          valid++;
          g_assert_cmpstr (herald_phone_number_get_e164 (fast_number), ==, herald_phone_number_get_e164 (slow_number));
          g_assert_cmpint (herald_phone_number_get_number_type (fast_number), ==,
                           herald_phone_number_get_number_type (slow_number));
          g_assert_cmpstr (herald_phone_number_get_national (fast_number), ==,
                           herald_phone_number_get_national (slow_number));
        }
    }

  /* 20 23 24 26–29 30–39 (some) 50 53–57 59 …: a good share is valid */
  g_assert_cmpuint (valid, >, 30);
}

static void
test_gh_landline_not_mobile (void)
{
  g_autoptr(HeraldPhoneNumber) number = NULL;
  g_autofree char *message = NULL;

  number = parse_ok ("030 212 3456", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE);
  g_assert_cmpstr (herald_phone_number_get_e164 (number), ==, "+233302123456");
  g_assert_cmpint (herald_phone_number_get_number_type (number), ==, HERALD_PHONE_NUMBER_TYPE_FIXED_LINE);
  g_assert_false (herald_phone_number_is_mobile (number));

  message = assert_fails ("030 212 3456", "GH", HERALD_PHONE_NUMBER_REQUIRE_MOBILE,
                          HERALD_PHONE_NUMBER_ERROR_NOT_MOBILE);
  g_assert_cmpstr (message, ==,
                   "“030 212 3456” is a fixed-line number in Ghana (GH), not a mobile number; "
                   "SMS needs a mobile number");

  g_free (assert_fails ("+233 32 212 3456", NULL, HERALD_PHONE_NUMBER_REQUIRE_MOBILE,
                        HERALD_PHONE_NUMBER_ERROR_NOT_MOBILE));
  /* a UK freephone number cannot receive SMS either */
  g_free (assert_fails ("0800 123 4567", "GB", HERALD_PHONE_NUMBER_REQUIRE_MOBILE,
                        HERALD_PHONE_NUMBER_ERROR_NOT_MOBILE));
}

static void
test_gh_too_short (void)
{
  g_autofree char *message = NULL;
  g_autofree char *one_short = NULL;

  message = assert_fails ("0241", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE,
                          HERALD_PHONE_NUMBER_ERROR_TOO_SHORT);
  g_assert_cmpstr (message, ==, "“0241” is too short for a number in Ghana (GH); check for missing digits");

  /* one digit short is of a possible length for Ghana, but not for a mobile */
  one_short = assert_fails ("024 123 456", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE,
                            HERALD_PHONE_NUMBER_ERROR_TOO_SHORT);
  assert_message_contains (one_short, "Ghana (GH)");

  g_free (assert_fails ("+233 24", NULL, HERALD_PHONE_NUMBER_FLAGS_NONE,
                        HERALD_PHONE_NUMBER_ERROR_TOO_SHORT));
  g_free (assert_fails ("1", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE,
                        HERALD_PHONE_NUMBER_ERROR_TOO_SHORT));
  g_free (assert_fails ("+1 202 555 01", NULL, HERALD_PHONE_NUMBER_FLAGS_NONE,
                        HERALD_PHONE_NUMBER_ERROR_TOO_SHORT));
}

static void
test_gh_too_long (void)
{
  g_autofree char *message = NULL;

  message = assert_fails ("024 123 45678", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE,
                          HERALD_PHONE_NUMBER_ERROR_TOO_LONG);
  g_assert_cmpstr (message, ==, "“024 123 45678” is too long for a number in Ghana (GH); check for extra digits");

  /* past the 17 digits any national number may have */
  g_free (assert_fails ("0241234567890123456", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE,
                        HERALD_PHONE_NUMBER_ERROR_TOO_LONG));
  /* two numbers in one field */
  g_free (assert_fails ("0241234567 / 0201234567", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE,
                        HERALD_PHONE_NUMBER_ERROR_TOO_LONG));
}

static void
test_gh_invalid_for_region (void)
{
  g_autofree char *message = NULL;

  /* right length, but 031 and 021 are not allocated */
  message = assert_fails ("0311234567", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE,
                          HERALD_PHONE_NUMBER_ERROR_INVALID_FOR_REGION);
  g_assert_cmpstr (message, ==,
                   "“0311234567” is not a valid number in Ghana (GH); check the digits and the country");
  g_free (assert_fails ("021 123 4567", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE,
                        HERALD_PHONE_NUMBER_ERROR_INVALID_FOR_REGION));
  g_free (assert_fails ("+1 000 555 0143", NULL, HERALD_PHONE_NUMBER_FLAGS_NONE,
                        HERALD_PHONE_NUMBER_ERROR_INVALID_FOR_REGION));
}

/* --- other regions ----------------------------------------------------- */

static void
test_regions_national_forms (void)
{
  static const Case cases[] = {
    { "(202) 555-0143", "US", "+12025550143" },
    { "202.555.0143", "US", "+12025550143" },
    { "1 202 555 0143", "US", "+12025550143" },
    { "07400 123456", "GB", "+447400123456" },
    { "020 7946 0958", "GB", "+442079460958" },
    { "01512 3456789", "DE", "+4915123456789" },
    { "030 123456", "DE", "+4930123456" },
    { "0803 123 4567", "NG", "+2348031234567" },
    { "0901-234-5678", "NG", "+2349012345678" },
    { "0712 345678", "KE", "+254712345678" },
    { "0110 123456", "KE", "+254110123456" },
    { "98765 43210", "IN", "+919876543210" },
    { "098765-43210", "IN", "+919876543210" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_regions_international_forms (void)
{
  static const Case cases[] = {
    { "+1 (202) 555-0143", NULL, "+12025550143" },
    { "+44 7400 123456", "GH", "+447400123456" },
    { "+44 (0) 7400 123456", NULL, "+447400123456" },
    { "+49 (0)30 123456", NULL, "+4930123456" },
    { "+234 803 123 4567", "GH", "+2348031234567" },
    { "+254 712 345678", NULL, "+254712345678" },
    { "+91 98765 43210", "US", "+919876543210" },
    /* a region's own international prefix: 011 from the US */
    { "011 233 24 123 4567", "US", "+233241234567" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_regions_getters (void)
{
  static const struct {
    const char *input;
    const char *region;
    const char *number_region;
    guint country_code;
    const char *nsn;
  } cases[] = {
    { "0241234567", "GH", "GH", 233, "241234567" },
    { "+1 202 555 0143", NULL, "US", 1, "2025550143" },
    { "07400 123456", "GB", "GB", 44, "7400123456" },
    { "01512 3456789", "DE", "DE", 49, "15123456789" },
    { "0803 123 4567", "NG", "NG", 234, "8031234567" },
    { "0712 345678", "KE", "KE", 254, "712345678" },
    { "98765 43210", "IN", "IN", 91, "9876543210" },
    /* Italy keeps its leading zero in the national significant number */
    { "+39 06 1234 5678", NULL, "IT", 39, "0612345678" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HeraldPhoneNumber) number = parse_ok (cases[i].input, cases[i].region,
                                                      HERALD_PHONE_NUMBER_FLAGS_NONE);

      g_assert_cmpstr (herald_phone_number_get_region_code (number), ==, cases[i].number_region);
      g_assert_cmpuint (herald_phone_number_get_country_code (number), ==, cases[i].country_code);
      g_assert_cmpstr (herald_phone_number_get_national_significant_number (number), ==, cases[i].nsn);
    }
}

/* --- errors ------------------------------------------------------------ */

static void
test_errors_empty (void)
{
  static const char *inputs[] = { "", " ", "\t \n", "\xc2\xa0" };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    g_free (assert_fails (inputs[i], "GH", HERALD_PHONE_NUMBER_FLAGS_NONE, HERALD_PHONE_NUMBER_ERROR_EMPTY));

  g_free (assert_fails (NULL, "GH", HERALD_PHONE_NUMBER_FLAGS_NONE, HERALD_PHONE_NUMBER_ERROR_EMPTY));
  g_free (assert_fails ("", NULL, HERALD_PHONE_NUMBER_FLAGS_NONE, HERALD_PHONE_NUMBER_ERROR_EMPTY));
}

static void
test_errors_no_digits (void)
{
  static const char *inputs[] = { "+", "-", "( )", "+ - .", "00" };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    g_free (assert_fails (inputs[i], "GH", HERALD_PHONE_NUMBER_FLAGS_NONE,
                          i < 4 ? HERALD_PHONE_NUMBER_ERROR_NOT_A_NUMBER : HERALD_PHONE_NUMBER_ERROR_TOO_SHORT));
}

static void
test_errors_letters (void)
{
  static const struct { const char *input; const char *region; } cases[] = {
    { "024 CALL NOW", "GH" },
    /* vanity numbers are refused: SMS recipients are digits */
    { "1-800-FLOWERS", "US" },
    { "+1 800 FLOWERS", NULL },
    /* extensions and URIs cannot receive SMS either */
    { "0241234567 ext 5", "GH" },
    { "0241234567 x5", "GH" },
    { "tel:+233241234567", NULL },
    { "Tel: 0241234567", "GH" },
    { "O241234567", "GH" },
    { "\xce\xb1" "0241234567", "GH" },   /* Greek alpha */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = assert_fails (cases[i].input, cases[i].region,
                                               HERALD_PHONE_NUMBER_FLAGS_NONE,
                                               HERALD_PHONE_NUMBER_ERROR_NOT_A_NUMBER);

      assert_message_contains (message, "contains letters");
      assert_message_contains (message, cases[i].input);
    }
}

static void
test_errors_symbols (void)
{
  static const char *inputs[] = {
    "0241234567#5", "024*1234567", "233+241234567", "++233241234567",
    "0241234567;ext=5", "024_123_4567", "024,1234567",
  };
  g_autofree char *control = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *message = assert_fails (inputs[i], "GH", HERALD_PHONE_NUMBER_FLAGS_NONE,
                                               HERALD_PHONE_NUMBER_ERROR_NOT_A_NUMBER);

      assert_message_contains (message, "is not part of a phone number");
    }

  /* a control character is named, not copied into the message */
  control = assert_fails ("024\x01" "1234567", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE,
                          HERALD_PHONE_NUMBER_ERROR_NOT_A_NUMBER);
  assert_message_contains (control, "control character");
  g_assert_null (strchr (control, '\x01'));
}

static void
test_errors_invalid_utf8 (void)
{
  static const char *inputs[] = {
    "024\xff" "1234567",
    "\xc3" "0241234567",
    "0241234567\xed\xa0\x80",   /* an encoded surrogate */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *message = assert_fails (inputs[i], "GH", HERALD_PHONE_NUMBER_FLAGS_NONE,
                                               HERALD_PHONE_NUMBER_ERROR_NOT_A_NUMBER);

      assert_message_contains (message, "UTF-8");
    }
}

static void
test_errors_long_input (void)
{
  g_autoptr(HeraldPhoneNumber) at_limit = NULL;
  g_autofree char *padded = NULL;
  g_autofree char *over = NULL;
  g_autofree char *message = NULL;
  g_autofree char *huge = NULL;

  /* 64 bytes are read … */
  padded = g_strdup_printf ("%-64s", "0241234567");
  g_assert_cmpuint (strlen (padded), ==, HERALD_PHONE_NUMBER_MAX_INPUT);
  at_limit = parse_ok (padded, "GH", HERALD_PHONE_NUMBER_FLAGS_NONE);
  g_assert_cmpstr (herald_phone_number_get_e164 (at_limit), ==, "+233241234567");

  /* … 65 are refused before parsing */
  over = g_strdup_printf ("%-65s", "0241234567");
  message = assert_fails (over, "GH", HERALD_PHONE_NUMBER_FLAGS_NONE, HERALD_PHONE_NUMBER_ERROR_TOO_LONG);
  assert_message_contains (message, "64");

  huge = g_strnfill (100000, '1');
  g_free (assert_fails (huge, "GH", HERALD_PHONE_NUMBER_FLAGS_NONE, HERALD_PHONE_NUMBER_ERROR_TOO_LONG));
}

static void
test_errors_no_region (void)
{
  g_autofree char *message = NULL;

  message = assert_fails ("0241234567", NULL, HERALD_PHONE_NUMBER_FLAGS_NONE,
                          HERALD_PHONE_NUMBER_ERROR_NO_REGION);
  assert_message_contains (message, "“0241234567”");
  assert_message_contains (message, "country code");

  g_free (assert_fails ("024 123 4567", "", HERALD_PHONE_NUMBER_FLAGS_NONE,
                        HERALD_PHONE_NUMBER_ERROR_NO_REGION));
  g_free (assert_fails ("233241234567", NULL, HERALD_PHONE_NUMBER_FLAGS_NONE,
                        HERALD_PHONE_NUMBER_ERROR_NO_REGION));
}

static void
test_errors_invalid_country_code (void)
{
  g_autofree char *message = NULL;

  message = assert_fails ("+999 1234567", NULL, HERALD_PHONE_NUMBER_FLAGS_NONE,
                          HERALD_PHONE_NUMBER_ERROR_INVALID_COUNTRY_CODE);
  assert_message_contains (message, "country calling code");
  g_free (assert_fails ("00999 1234567", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE,
                        HERALD_PHONE_NUMBER_ERROR_INVALID_COUNTRY_CODE));
  g_free (assert_fails ("+0 241234567", NULL, HERALD_PHONE_NUMBER_FLAGS_NONE,
                        HERALD_PHONE_NUMBER_ERROR_INVALID_COUNTRY_CODE));
}

static void
test_errors_invalid_region (void)
{
  static const char *regions[] = { "XX", "gh", "Gh", "GHA", "G", "ZZ", "001", "\xff\xfe" };

  for (gsize i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autofree char *message = assert_fails ("0241234567", regions[i], HERALD_PHONE_NUMBER_FLAGS_NONE,
                                               HERALD_PHONE_NUMBER_ERROR_INVALID_REGION);

      assert_message_contains (message, "is not a known region");
    }

  /* the region is checked even for numbers that would not need it */
  g_free (assert_fails ("+233241234567", "XX", HERALD_PHONE_NUMBER_FLAGS_NONE,
                        HERALD_PHONE_NUMBER_ERROR_INVALID_REGION));
}

static void
test_errors_reasons (void)
{
  static const struct { HeraldPhoneNumberError code; const char *reason; } cases[] = {
    { HERALD_PHONE_NUMBER_ERROR_EMPTY, "empty" },
    { HERALD_PHONE_NUMBER_ERROR_NOT_A_NUMBER, "not-a-number" },
    { HERALD_PHONE_NUMBER_ERROR_INVALID_COUNTRY_CODE, "invalid-country-code" },
    { HERALD_PHONE_NUMBER_ERROR_NO_REGION, "no-region" },
    { HERALD_PHONE_NUMBER_ERROR_TOO_SHORT, "too-short" },
    { HERALD_PHONE_NUMBER_ERROR_TOO_LONG, "too-long" },
    { HERALD_PHONE_NUMBER_ERROR_INVALID_FOR_REGION, "invalid-for-region" },
    { HERALD_PHONE_NUMBER_ERROR_NOT_MOBILE, "not-mobile" },
    { HERALD_PHONE_NUMBER_ERROR_INVALID_REGION, "invalid-region" },
    { HERALD_PHONE_NUMBER_ERROR_FAILED, "internal-error" },
  };
  g_autoptr(GError) other = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_FAILED, "other");
  g_autoptr(GError) parsed = NULL;
  g_autoptr(HeraldPhoneNumber) number = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (HERALD_PHONE_NUMBER_ERROR, (int) cases[i].code, "x");

      g_assert_cmpstr (herald_phone_number_error_to_reason (error), ==, cases[i].reason);
    }

  g_assert_null (herald_phone_number_error_to_reason (other));
  g_assert_null (herald_phone_number_error_to_reason (NULL));

  /* and from a real failure */
  number = herald_phone_number_parse ("0241", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE, &parsed);
  g_assert_null (number);
  g_assert_cmpstr (herald_phone_number_error_to_reason (parsed), ==, "too-short");
}

/* --- types ------------------------------------------------------------- */

static void
test_type_to_string (void)
{
  static const struct { HeraldPhoneNumberType type; const char *name; } cases[] = {
    { HERALD_PHONE_NUMBER_TYPE_MOBILE, "mobile" },
    { HERALD_PHONE_NUMBER_TYPE_FIXED_LINE, "fixed-line" },
    { HERALD_PHONE_NUMBER_TYPE_FIXED_LINE_OR_MOBILE, "fixed-line-or-mobile" },
    { HERALD_PHONE_NUMBER_TYPE_TOLL_FREE, "toll-free" },
    { HERALD_PHONE_NUMBER_TYPE_PREMIUM_RATE, "premium-rate" },
    { HERALD_PHONE_NUMBER_TYPE_SHARED_COST, "shared-cost" },
    { HERALD_PHONE_NUMBER_TYPE_VOIP, "voip" },
    { HERALD_PHONE_NUMBER_TYPE_PERSONAL, "personal" },
    { HERALD_PHONE_NUMBER_TYPE_PAGER, "pager" },
    { HERALD_PHONE_NUMBER_TYPE_UAN, "uan" },
    { HERALD_PHONE_NUMBER_TYPE_VOICEMAIL, "voicemail" },
    { HERALD_PHONE_NUMBER_TYPE_UNKNOWN, "unknown" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (herald_phone_number_type_to_string (cases[i].type), ==, cases[i].name);
}

static void
test_type_detection (void)
{
  static const struct {
    const char *input;
    const char *region;
    HeraldPhoneNumberType type;
    gboolean mobile;
  } cases[] = {
    { "0241234567", "GH", HERALD_PHONE_NUMBER_TYPE_MOBILE, TRUE },
    { "0302123456", "GH", HERALD_PHONE_NUMBER_TYPE_FIXED_LINE, FALSE },
    { "(202) 555-0143", "US", HERALD_PHONE_NUMBER_TYPE_FIXED_LINE_OR_MOBILE, TRUE },
    { "1 800 555 0199", "US", HERALD_PHONE_NUMBER_TYPE_TOLL_FREE, FALSE },
    { "(900) 200-1234", "US", HERALD_PHONE_NUMBER_TYPE_PREMIUM_RATE, FALSE },
    { "07400 123456", "GB", HERALD_PHONE_NUMBER_TYPE_MOBILE, TRUE },
    { "020 7946 0958", "GB", HERALD_PHONE_NUMBER_TYPE_FIXED_LINE, FALSE },
    { "0909 879 0879", "GB", HERALD_PHONE_NUMBER_TYPE_PREMIUM_RATE, FALSE },
    { "056 1234 5678", "GB", HERALD_PHONE_NUMBER_TYPE_VOIP, FALSE },
    { "01512 3456789", "DE", HERALD_PHONE_NUMBER_TYPE_MOBILE, TRUE },
    { "030 123456", "DE", HERALD_PHONE_NUMBER_TYPE_FIXED_LINE, FALSE },
    { "0803 123 4567", "NG", HERALD_PHONE_NUMBER_TYPE_MOBILE, TRUE },
    { "020 2222222", "KE", HERALD_PHONE_NUMBER_TYPE_FIXED_LINE, FALSE },
    { "+91 80 2345 6789", NULL, HERALD_PHONE_NUMBER_TYPE_FIXED_LINE, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HeraldPhoneNumber) number = parse_ok (cases[i].input, cases[i].region,
                                                      HERALD_PHONE_NUMBER_FLAGS_NONE);

      g_test_message ("“%s”: %s", cases[i].input,
                      herald_phone_number_type_to_string (herald_phone_number_get_number_type (number)));
      g_assert_cmpint (herald_phone_number_get_number_type (number), ==, cases[i].type);
      g_assert_cmpint (herald_phone_number_is_mobile (number), ==, cases[i].mobile);
    }
}

static void
test_type_non_geographic (void)
{
  g_autoptr(HeraldPhoneNumber) number = parse_ok ("+979 123456789", NULL, HERALD_PHONE_NUMBER_FLAGS_NONE);

  g_assert_cmpstr (herald_phone_number_get_region_code (number), ==, "001");
  g_assert_cmpuint (herald_phone_number_get_country_code (number), ==, 979);
  g_assert_cmpint (herald_phone_number_get_number_type (number), ==, HERALD_PHONE_NUMBER_TYPE_PREMIUM_RATE);
  g_free (assert_fails ("+979 123456789", NULL, HERALD_PHONE_NUMBER_REQUIRE_MOBILE,
                        HERALD_PHONE_NUMBER_ERROR_NOT_MOBILE));
}

/* --- formats ----------------------------------------------------------- */

static void
test_format_display (void)
{
  static const struct {
    const char *input;
    const char *region;
    const char *international;
    const char *national;
  } cases[] = {
    { "0241234567", "GH", "+233 24 123 4567", "024 123 4567" },
    { "233201234567", "GH", "+233 20 123 4567", "020 123 4567" },
    { "0302123456", "GH", "+233 30 212 3456", "030 212 3456" },
    { "2025550143", "US", "+1 202-555-0143", "(202) 555-0143" },
    { "+447400123456", NULL, "+44 7400 123456", "07400 123456" },
    { "+4915123456789", NULL, "+49 1512 3456789", "01512 3456789" },
    { "+2348031234567", NULL, "+234 803 123 4567", "0803 123 4567" },
    { "+254712345678", NULL, "+254 712 345678", "0712 345678" },
    { "+919876543210", NULL, "+91 98765 43210", "098765 43210" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HeraldPhoneNumber) number = parse_ok (cases[i].input, cases[i].region,
                                                      HERALD_PHONE_NUMBER_FLAGS_NONE);
      const char *international = herald_phone_number_get_international (number);

      g_assert_cmpstr (international, ==, cases[i].international);
      g_assert_cmpstr (herald_phone_number_get_national (number), ==, cases[i].national);
      /* made once, then the same string */
      g_assert_true (herald_phone_number_get_international (number) == international);
    }
}

static void
test_format_flashsms (void)
{
  static const struct { const char *input; const char *region; const char *flashsms; } cases[] = {
    { "0201234567", "GH", "233201234567" },
    { "+233 24 123 4567", NULL, "233241234567" },
    { "233241234567", "GH", "233241234567" },
    { "00233 55 123 4567", "GH", "233551234567" },
    { "0531234567", "GH", "233531234567" },
    { "(202) 555-0143", "US", "12025550143" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HeraldPhoneNumber) number = parse_ok (cases[i].input, cases[i].region,
                                                      HERALD_PHONE_NUMBER_FLAGS_NONE);
      g_autofree char *flashsms = herald_phone_number_format_for_flashsms (number);

      g_assert_cmpstr (flashsms, ==, cases[i].flashsms);
    }
}

/* --- the boxed type ---------------------------------------------------- */

static void
test_boxed_ref_and_copy (void)
{
  g_autoptr(HeraldPhoneNumber) number = parse_ok ("024 123 4567", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE);
  HeraldPhoneNumber *copy;
  GValue value = G_VALUE_INIT;

  g_assert_true (G_TYPE_IS_BOXED (HERALD_TYPE_PHONE_NUMBER));
  g_assert_cmpstr (g_type_name (HERALD_TYPE_PHONE_NUMBER), ==, "HeraldPhoneNumber");

  copy = g_boxed_copy (HERALD_TYPE_PHONE_NUMBER, number);
  g_assert_true (copy == number);
  g_boxed_free (HERALD_TYPE_PHONE_NUMBER, copy);

  g_value_init (&value, HERALD_TYPE_PHONE_NUMBER);
  g_value_set_boxed (&value, number);
  g_assert_cmpstr (herald_phone_number_get_e164 (g_value_get_boxed (&value)), ==, "+233241234567");
  g_value_unset (&value);

  /* still alive after both references went */
  g_assert_cmpstr (herald_phone_number_get_input (number), ==, "024 123 4567");
}

/* --- regions ----------------------------------------------------------- */

static void
test_region_is_valid (void)
{
  static const char *valid[] = { "GH", "US", "GB", "DE", "NG", "KE", "IN", "TG", "XK" };
  static const char *invalid[] = { "gh", "Gh", "ZZ", "XX", "UK", "001", "GHA", "G", "", "G\xc3" };

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (herald_phone_region_is_valid (valid[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (herald_phone_region_is_valid (invalid[i]));
  g_assert_false (herald_phone_region_is_valid (NULL));
}

static void
test_region_country_code_and_name (void)
{
  g_autofree char *ghana = herald_phone_region_dup_display_name ("GH");
  g_autofree char *germany = herald_phone_region_dup_display_name ("DE");
  g_autofree char *nowhere = herald_phone_region_dup_display_name ("ZZ");

  g_assert_cmpuint (herald_phone_region_get_country_code ("GH"), ==, 233);
  g_assert_cmpuint (herald_phone_region_get_country_code ("NG"), ==, 234);
  g_assert_cmpuint (herald_phone_region_get_country_code ("CA"), ==, 1);
  g_assert_cmpuint (herald_phone_region_get_country_code ("XX"), ==, 0);
  g_assert_cmpuint (herald_phone_region_get_country_code (NULL), ==, 0);

  /* the test runs in the C locale: English names */
  g_assert_cmpstr (ghana, ==, "Ghana (GH)");
  g_assert_cmpstr (germany, ==, "Germany (DE)");
  g_assert_null (nowhere);
}

/* --- threads ----------------------------------------------------------- */

typedef struct
{
  HeraldPhoneNumber *shared;
  guint              failures;
} ThreadData;

static gpointer
parse_in_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *input = g_strdup_printf ("024 %03u %04u", i % 1000, (i * 7) % 10000);
      g_autofree char *expected = g_strdup_printf ("+23324%03u%04u", i % 1000, (i * 7) % 10000);
      g_autoptr(HeraldPhoneNumber) number = herald_phone_number_parse (input, "GH",
                                                                      HERALD_PHONE_NUMBER_FLAGS_NONE, NULL);

      if (number == NULL || g_strcmp0 (herald_phone_number_get_e164 (number), expected) != 0)
        data->failures++;
      if (i % 100 == 0 &&
          g_strcmp0 (herald_phone_number_get_national (data->shared), "024 123 4567") != 0)
        data->failures++;
    }

  return NULL;
}

static void
test_threads (void)
{
  g_autoptr(HeraldPhoneNumber) shared = parse_ok ("0241234567", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE);
  ThreadData data[4] = { { 0, } };
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      data[i].shared = shared;
      threads[i] = g_thread_new ("parse", parse_in_thread, &data[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpuint (data[i].failures, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* English messages and region names, whatever the machine's locale. */
  g_setenv ("LC_ALL", "C", TRUE);
  g_unsetenv ("LANGUAGE");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phone-number/gh/national-form", test_gh_national_form);
  g_test_add_func ("/phone-number/gh/international-form", test_gh_international_form);
  g_test_add_func ("/phone-number/gh/country-code-without-plus", test_gh_country_code_without_plus);
  g_test_add_func ("/phone-number/gh/double-zero-prefix", test_gh_double_zero_prefix);
  g_test_add_func ("/phone-number/gh/separators", test_gh_separators);
  g_test_add_func ("/phone-number/gh/newer-mobile-ranges", test_gh_newer_mobile_ranges);
  g_test_add_func ("/phone-number/gh/shortcut-agrees-with-libphonenumber",
                   test_gh_shortcut_agrees_with_libphonenumber);
  g_test_add_func ("/phone-number/gh/landline-not-mobile", test_gh_landline_not_mobile);
  g_test_add_func ("/phone-number/gh/too-short", test_gh_too_short);
  g_test_add_func ("/phone-number/gh/too-long", test_gh_too_long);
  g_test_add_func ("/phone-number/gh/invalid-for-region", test_gh_invalid_for_region);
  g_test_add_func ("/phone-number/regions/national-forms", test_regions_national_forms);
  g_test_add_func ("/phone-number/regions/international-forms", test_regions_international_forms);
  g_test_add_func ("/phone-number/regions/getters", test_regions_getters);
  g_test_add_func ("/phone-number/errors/empty", test_errors_empty);
  g_test_add_func ("/phone-number/errors/no-digits", test_errors_no_digits);
  g_test_add_func ("/phone-number/errors/letters", test_errors_letters);
  g_test_add_func ("/phone-number/errors/symbols", test_errors_symbols);
  g_test_add_func ("/phone-number/errors/invalid-utf8", test_errors_invalid_utf8);
  g_test_add_func ("/phone-number/errors/long-input", test_errors_long_input);
  g_test_add_func ("/phone-number/errors/no-region", test_errors_no_region);
  g_test_add_func ("/phone-number/errors/invalid-country-code", test_errors_invalid_country_code);
  g_test_add_func ("/phone-number/errors/invalid-region", test_errors_invalid_region);
  g_test_add_func ("/phone-number/errors/reasons", test_errors_reasons);
  g_test_add_func ("/phone-number/type/to-string", test_type_to_string);
  g_test_add_func ("/phone-number/type/detection", test_type_detection);
  g_test_add_func ("/phone-number/type/non-geographic", test_type_non_geographic);
  g_test_add_func ("/phone-number/format/display", test_format_display);
  g_test_add_func ("/phone-number/format/flashsms", test_format_flashsms);
  g_test_add_func ("/phone-number/boxed/ref-and-copy", test_boxed_ref_and_copy);
  g_test_add_func ("/phone-number/region/is-valid", test_region_is_valid);
  g_test_add_func ("/phone-number/region/country-code-and-name", test_region_country_code_and_name);
  g_test_add_func ("/phone-number/threads", test_threads);

  return g_test_run ();
}
