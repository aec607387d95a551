/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Fuzz target for herald_phone_number_parse (): any bytes, read with a few
 * default regions (and with the first two bytes as a region), must give
 * either a number that reads back to itself or a well-formed error — never
 * a crash, a leak, or a number whose own forms parse to something else.
 *
 *   clang -fsanitize=fuzzer,address … fuzz-phone-number.c (+ the core)
 *   ./fuzz-phone-number tests/fuzz/corpus/phone-number */
#define G_LOG_DOMAIN "fuzz-phone-number"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "text/herald-phone-number.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* abort (), not fail (): libFuzzer keeps the input of an abort. */
#define fail(...) \
  G_STMT_START { g_printerr (__VA_ARGS__); g_printerr ("\n"); abort (); } G_STMT_END

static const char *regions[] = { NULL, "GH", "US", "DE", "IN" };

static gboolean
is_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

/* @text, another way of writing @number, must parse to the same E.164. */
static void
check_reads_back (const HeraldPhoneNumber *number,
                  const char              *text,
                  const char              *region,
                  const char              *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldPhoneNumber) again = herald_phone_number_parse (text, region,
                                                                  HERALD_PHONE_NUMBER_FLAGS_NONE, &error);

  if (again == NULL)
    fail ("%s “%s” of “%s” (%s) does not parse: %s",
             what, text, herald_phone_number_get_input (number),
             herald_phone_number_get_e164 (number), error->message);

  if (strcmp (herald_phone_number_get_e164 (again), herald_phone_number_get_e164 (number)) != 0)
    fail ("%s “%s” of “%s” parses to %s, not %s",
             what, text, herald_phone_number_get_input (number),
             herald_phone_number_get_e164 (again), herald_phone_number_get_e164 (number));
}

static void
check_number (const HeraldPhoneNumber *number,
              const char              *input)
{
  const char *e164 = herald_phone_number_get_e164 (number);
  const char *nsn = herald_phone_number_get_national_significant_number (number);
  const char *region = herald_phone_number_get_region_code (number);
  g_autofree char *flashsms = herald_phone_number_format_for_flashsms (number);
  g_autofree char *calling_code = g_strdup_printf ("+%u", herald_phone_number_get_country_code (number));

  if (strcmp (herald_phone_number_get_input (number), input) != 0)
    fail ("input “%s” came back as “%s”", input, herald_phone_number_get_input (number));

  /* "+", 1–3 digits of country code, the NSN. Not always within E.164's
   * 15 digits: libphonenumber knows German numbers of up to 17. */
  if (e164[0] != '+' || !is_digits (e164 + 1) || strlen (e164) > 1 + 3 + 17 ||
      !g_str_has_prefix (e164, calling_code) || strcmp (e164 + strlen (calling_code), nsn) != 0)
    fail ("“%s”: malformed E.164 %s (country code %s, NSN %s)", input, e164, calling_code, nsn);

  if (strcmp (flashsms, e164 + 1) != 0)
    fail ("“%s”: FlashSMS form %s is not %s without its +", input, flashsms, e164);

  if (herald_phone_number_get_number_type (number) == HERALD_PHONE_NUMBER_TYPE_UNKNOWN)
    fail ("“%s”: a valid number of unknown type", input);

  if (strcmp (region, "ZZ") == 0)
    fail ("“%s”: a valid number without a region", input);

  check_reads_back (number, e164, NULL, "E.164");
  check_reads_back (number, herald_phone_number_get_international (number), NULL, "international form");
  /* The national form reads back in Ghana, where people copy it around;
   * libphonenumber does not promise that everywhere (Gabon's old 7-digit
   * numbers display as "06 23 45 64", which reads as a newer 8-digit one),
   * so elsewhere it only has to go through the parser unharmed. */
  if (strcmp (region, "GH") == 0)
    {
      check_reads_back (number, herald_phone_number_get_national (number), region, "national form");
    }
  else if (g_ascii_isalpha (region[0]))
    {
      HeraldPhoneNumber *national = herald_phone_number_parse (herald_phone_number_get_national (number),
                                                               region, HERALD_PHONE_NUMBER_FLAGS_NONE, NULL);

      g_clear_pointer (&national, herald_phone_number_unref);
    }

  /* Ghana's usual forms skip libphonenumber's parser; written with a
   * stray trunk 0 the same number goes through it, and must agree. */
  if (herald_phone_number_get_country_code (number) == 233)
    {
      g_autofree char *with_trunk_zero = g_strdup_printf ("+233 0%s", nsn);

      check_reads_back (number, with_trunk_zero, NULL, "libphonenumber's reading");
    }
}

static void
check_error (const GError *error,
             const char   *input)
{
  if (error == NULL || error->domain != HERALD_PHONE_NUMBER_ERROR)
    fail ("“%s”: NULL without a phone-number error", input);
  if (herald_phone_number_error_to_reason (error) == NULL)
    fail ("“%s”: error %d has no reason", input, error->code);
  if (!g_utf8_validate (error->message, -1, NULL) || error->message[0] == '\0')
    fail ("“%s”: error message is not text", input);
}

static void
parse_and_check (const char             *input,
                 const char             *region,
                 HeraldPhoneNumberFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldPhoneNumber) number = herald_phone_number_parse (input, region, flags, &error);

  if (number == NULL)
    {
      check_error (error, input);
      return;
    }

  if (error != NULL)
    fail ("“%s”: a number and an error", input);
  if ((flags & HERALD_PHONE_NUMBER_REQUIRE_MOBILE) != 0 && !herald_phone_number_is_mobile (number))
    fail ("“%s”: REQUIRE_MOBILE let a %s number through", input,
             herald_phone_number_type_to_string (herald_phone_number_get_number_type (number)));

  check_number (number, input);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = NULL;
  g_autofree char *region = NULL;

  /* Anything past 64 bytes is refused unread; a little past is enough. */
  if (size > 256)
    return 0;

  input = g_strndup ((const char *) data, size);

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    parse_and_check (input, regions[i], HERALD_PHONE_NUMBER_FLAGS_NONE);
  parse_and_check (input, "GH", HERALD_PHONE_NUMBER_REQUIRE_MOBILE);

  /* The first bytes as a region code: mostly refused, sometimes real. */
  if (size >= 2)
    {
      g_autofree char *display_name = NULL;

      region = g_strndup ((const char *) data, 2);
      display_name = herald_phone_region_dup_display_name (region);
      if (herald_phone_region_is_valid (region) != (display_name != NULL) ||
          herald_phone_region_is_valid (region) != (herald_phone_region_get_country_code (region) != 0))
        fail ("region “%s” is valid and invalid at once", region);
      parse_and_check (input + 2, region, HERALD_PHONE_NUMBER_FLAGS_NONE);
    }

  return 0;
}
