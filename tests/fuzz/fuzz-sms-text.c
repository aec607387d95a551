/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-sms-text"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "text/herald-sms-text.h"

/* Aborts even with G_DISABLE_ASSERT: a fuzzer must never skip a check. */
#define CHECK(cond)                                                            \
  G_STMT_START {                                                               \
    if (!(cond))                                                               \
      {                                                                        \
        fprintf (stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
        abort ();                                                              \
      }                                                                        \
  } G_STMT_END

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The oracle's own tables, kept apart from the module's on purpose: a wrong
 * entry there must fail here. GSM 03.38 (3GPP TS 23.038, 6.2.1) as its
 * chart reads, without the escape position; then the extension table. */
static const char gsm7_default_chars[] =
  "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5"
  "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u00C6\u00E6\u00DF\u00C9"
  " !\"#\u00A4%&'()*+,-./0123456789:;<=>?"
  "\u00A1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7"
  "\u00BFabcdefghijklmnopqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0";
static const char gsm7_extension_chars[] = "\f^{}\\[~]|\u20AC";

/* The replacements the module documents, one per line of its comment:
 * quotes, primes and guillemets; dashes, minus and bullets; the ellipsis;
 * spaces and tab; separators; invisible characters; look-alikes. */
static const struct
{
  gunichar    ch;
  const char *replacement;
} oracle_replacements[] = {
  { 0x0060, "'" }, { 0x00B4, "'" }, { 0x02BC, "'" }, { 0x2018, "'" }, { 0x2019, "'" },
  { 0x201A, "'" }, { 0x201B, "'" }, { 0x2032, "'" }, { 0x2039, "'" }, { 0x203A, "'" },
  { 0x00AB, "\"" }, { 0x00BB, "\"" }, { 0x201C, "\"" }, { 0x201D, "\"" }, { 0x201E, "\"" },
  { 0x201F, "\"" }, { 0x2033, "\"" },
  { 0x2010, "-" }, { 0x2011, "-" }, { 0x2012, "-" }, { 0x2013, "-" }, { 0x2014, "-" },
  { 0x2015, "-" }, { 0x2212, "-" }, { 0x2022, "-" }, { 0x2023, "-" }, { 0x2043, "-" },
  { 0x2219, "-" }, { 0x25E6, "-" },
  { 0x2026, "..." }, { 0x2024, "." },
  { 0x0009, " " }, { 0x00A0, " " }, { 0x2000, " " }, { 0x2001, " " }, { 0x2002, " " },
  { 0x2003, " " }, { 0x2004, " " }, { 0x2005, " " }, { 0x2006, " " }, { 0x2007, " " },
  { 0x2008, " " }, { 0x2009, " " }, { 0x200A, " " }, { 0x202F, " " }, { 0x205F, " " },
  { 0x3000, " " },
  { 0x2028, "\n" }, { 0x2029, "\n" },
  { 0x00AD, "" }, { 0x200B, "" }, { 0x200C, "" }, { 0x200D, "" }, { 0x2060, "" }, { 0xFEFF, "" },
  { 0x2126, "\u03A9" }, { 0x2206, "\u0394" },
  { 0x2044, "/" }, { 0x2215, "/" },
};

#define ORACLE_TABLE_SIZE 0x2100   /* past U+20AC, the highest GSM-7 character */

static guint8 oracle_septets[ORACLE_TABLE_SIZE];

static void
oracle_init (void)
{
  static gboolean done;
  guint n = 0;

  if (done)
    return;

  for (const char *p = gsm7_default_chars; *p; p = g_utf8_next_char (p), n++)
    oracle_septets[g_utf8_get_char (p)] = 1;
  CHECK (n == 127);
  for (const char *p = gsm7_extension_chars; *p; p = g_utf8_next_char (p), n++)
    oracle_septets[g_utf8_get_char (p)] = 2;
  CHECK (n == 137);
  CHECK (G_N_ELEMENTS (oracle_replacements) == 59);
  done = TRUE;
}

static guint
oracle_gsm7_septets (gunichar ch)
{
  return ch < ORACLE_TABLE_SIZE ? oracle_septets[ch] : 0;
}

static const char *
oracle_replacement (gunichar ch)
{
  for (guint i = 0; i < G_N_ELEMENTS (oracle_replacements); i++)
    if (oracle_replacements[i].ch == ch)
      return oracle_replacements[i].replacement;

  return NULL;
}

static guint
units_of (const char        *text,
          gsize              length,
          HeraldSmsEncoding  encoding)
{
  guint units = 0;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (encoding == HERALD_SMS_ENCODING_UCS2)
        units += ch > 0xFFFF ? 2 : 1;
      else
        units += oracle_gsm7_septets (ch);
    }

  return units;
}

static void
check_error (const char   *text,
             gsize         size,
             const GError *error)
{
  const char *end = NULL;
  g_autofree char *needle = NULL;

  CHECK (error != NULL);
  CHECK (!g_utf8_validate_len (text, size, &end));
  CHECK (error->domain == HERALD_SMS_TEXT_ERROR);
  CHECK (error->code == HERALD_SMS_TEXT_ERROR_INVALID_UTF8);
  needle = g_strdup_printf ("byte offset %lu", (gulong) (end - text));
  CHECK (strstr (error->message, needle) != NULL);
}

static void
check_ucs2_characters (const HeraldSmsAnalysis *analysis,
                       const char              *text,
                       gsize                    size)
{
  const HeraldSmsUcs2Char *chars;
  guint n = 0;
  guint total = 0;
  guint expected = 0;

  chars = herald_sms_analysis_get_ucs2_characters (analysis, &n);
  CHECK ((n == 0) == (chars == NULL));
  CHECK ((n == 0) == (herald_sms_analysis_get_encoding (analysis) == HERALD_SMS_ENCODING_GSM7));

  for (guint i = 0; i < n; i++)
    {
      CHECK (chars[i].count > 0);
      CHECK (chars[i].first_offset < size);
      CHECK (g_utf8_get_char (text + chars[i].first_offset) == chars[i].ch);
      CHECK (oracle_gsm7_septets (chars[i].ch) == 0);
      CHECK (herald_sms_text_get_gsm7_septets (chars[i].ch) == 0);
      CHECK (g_strcmp0 (chars[i].replacement, oracle_replacement (chars[i].ch)) == 0);
      CHECK (chars[i].replacement == herald_sms_text_get_gsm7_replacement (chars[i].ch));
      /* In order of first appearance, hence distinct. */
      if (i > 0)
        CHECK (chars[i - 1].first_offset < chars[i].first_offset);
      total += chars[i].count;
    }

  for (const char *p = text; p < text + size; p = g_utf8_next_char (p))
    if (oracle_gsm7_septets (g_utf8_get_char (p)) == 0)
      expected++;

  CHECK (total == expected);
}

static void
check_parts (const HeraldSmsAnalysis *analysis,
             const char              *text,
             gsize                    size)
{
  HeraldSmsEncoding encoding = herald_sms_analysis_get_encoding (analysis);
  guint parts = herald_sms_analysis_get_parts (analysis);
  guint per_part = herald_sms_analysis_get_per_part (analysis);
  guint single = encoding == HERALD_SMS_ENCODING_GSM7 ? 160 : 70;
  guint multi = encoding == HERALD_SMS_ENCODING_GSM7 ? 153 : 67;
  guint units = herald_sms_analysis_get_units (analysis);
  guint total = 0;
  guint last_units = 0;
  gsize offset = 0;
  guint credits;

  CHECK (units == units_of (text, size, encoding));
  CHECK ((parts == 0) == (size == 0));
  CHECK (per_part == (parts > 1 ? multi : single));
  CHECK (parts > 1 || units <= single);
  CHECK (parts <= 1 || units > single);

  for (guint i = 0; i < parts; i++)
    {
      const char *part = herald_sms_analysis_get_part (analysis, i);
      gsize length;
      guint part_units;

      CHECK (part != NULL);
      length = strlen (part);
      CHECK (length > 0);
      CHECK (offset + length <= size);
      CHECK (memcmp (part, text + offset, length) == 0);
      /* A part that is valid UTF-8 on its own split no character, so no
       * escape pair (one character) and no surrogate pair (one code point). */
      CHECK (g_utf8_validate_len (part, length, NULL));

      part_units = units_of (part, length, encoding);
      CHECK (part_units <= per_part);

      /* Greedy: the next part's first character did not fit in this one. */
      if (i + 1 < parts)
        {
          const char *next = herald_sms_analysis_get_part (analysis, i + 1);

          CHECK (next != NULL);
          CHECK (part_units + units_of (next, g_utf8_next_char (next) - next, encoding) > per_part);
        }

      offset += length;
      total += part_units;
      last_units = part_units;
    }

  CHECK (offset == size);
  CHECK (total == units);
  CHECK (herald_sms_analysis_get_part (analysis, parts) == NULL);
  CHECK (herald_sms_analysis_get_remaining (analysis) == per_part - last_units);

  CHECK (herald_sms_analysis_get_credits (analysis, 0) == 0);
  CHECK (herald_sms_analysis_get_credits (analysis, 1) == parts);
  CHECK (herald_sms_analysis_get_credits (analysis, 7) == parts * 7);
  if (g_uint_checked_mul (&credits, parts, G_MAXUINT))
    CHECK (herald_sms_analysis_get_credits (analysis, G_MAXUINT) == credits);
  else
    CHECK (herald_sms_analysis_get_credits (analysis, G_MAXUINT) == G_MAXUINT);
}

static void
check_replacement (const HeraldSmsAnalysis *before,
                   const char              *text,
                   gsize                    size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldSmsAnalysis) after = NULL;
  g_autofree char *result = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GString) expected = NULL;
  gboolean now_gsm7 = FALSE;
  gint saved = 0;
  gsize length;

  result = herald_sms_text_replace_for_gsm7 (text, size, &saved, &now_gsm7, &error);
  CHECK (error == NULL);
  CHECK (result != NULL);
  length = strlen (result);
  CHECK (length <= size);

  /* Each character outside GSM-7 with a replacement is replaced, nothing
   * else changes. */
  expected = g_string_sized_new (size);
  for (const char *p = text; p < text + size; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      const char *replacement = oracle_gsm7_septets (ch) == 0 ? oracle_replacement (ch) : NULL;

      if (replacement != NULL)
        g_string_append (expected, replacement);
      else
        g_string_append_len (expected, p, g_utf8_next_char (p) - p);
    }
  CHECK (strcmp (expected->str, result) == 0);

  after = herald_sms_analyse (result, length, &error);
  CHECK (after != NULL);
  CHECK (now_gsm7 == (herald_sms_analysis_get_encoding (after) == HERALD_SMS_ENCODING_GSM7));
  CHECK (saved == (gint) herald_sms_analysis_get_parts (before) - (gint) herald_sms_analysis_get_parts (after));

  if (herald_sms_analysis_get_encoding (before) == HERALD_SMS_ENCODING_GSM7)
    CHECK (length == size && memcmp (result, text, size) == 0);

  /* Nothing replaceable is left, so a second pass changes nothing. */
  again = herald_sms_text_replace_for_gsm7 (result, length, NULL, NULL, &error);
  CHECK (again != NULL);
  CHECK (strcmp (again, result) == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldSmsAnalysis) analysis = NULL;

  oracle_init ();
  analysis = herald_sms_analyse (text, size, &error);
  if (analysis == NULL)
    {
      g_autofree char *result = NULL;
      g_autoptr(GError) replace_error = NULL;

      check_error (text, size, error);
      result = herald_sms_text_replace_for_gsm7 (text, size, NULL, NULL, &replace_error);
      CHECK (result == NULL);
      CHECK (replace_error != NULL && replace_error->code == error->code);
      return 0;
    }

  CHECK (error == NULL);
  CHECK (g_utf8_validate_len (text, size, NULL));
  /* GSM-7 exactly when every character is in the oracle's alphabet. */
  {
    gboolean all_gsm7 = TRUE;

    for (const char *p = text; p < text + size && all_gsm7; p = g_utf8_next_char (p))
      all_gsm7 = oracle_gsm7_septets (g_utf8_get_char (p)) != 0;
    CHECK ((herald_sms_analysis_get_encoding (analysis) == HERALD_SMS_ENCODING_GSM7) == all_gsm7);
  }
  CHECK (herald_sms_analysis_get_characters (analysis) == (guint) g_utf8_strlen (text, size));

  check_ucs2_characters (analysis, text, size);
  check_parts (analysis, text, size);
  check_replacement (analysis, text, size);

  return 0;
}
