/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-sms-text"

#include <string.h>
#include <glib-object.h>

#include "text/herald-sms-text.h"

/* The GSM 03.38 default alphabet, written out from the standard (3GPP TS
 * 23.038, 6.2.1) position by position. 0x1B is the escape to the extension
 * table, not a character. Kept independent of the implementation's table
 * on purpose: a typo there must make these tests fail. */
#define GSM_ESC 0x1B

static const gunichar gsm_default_table[128] = {
  /* 0x00 */ 0x0040, 0x00A3, 0x0024, 0x00A5, 0x00E8, 0x00E9, 0x00F9, 0x00EC,  /* @ £ $ ¥ è é ù ì */
  /* 0x08 */ 0x00F2, 0x00C7, 0x000A, 0x00D8, 0x00F8, 0x000D, 0x00C5, 0x00E5,  /* ò Ç LF Ø ø CR Å å */
  /* 0x10 */ 0x0394, 0x005F, 0x03A6, 0x0393, 0x039B, 0x03A9, 0x03A0, 0x03A8,  /* Δ _ Φ Γ Λ Ω Π Ψ */
  /* 0x18 */ 0x03A3, 0x0398, 0x039E, 0x0000, 0x00C6, 0x00E6, 0x00DF, 0x00C9,  /* Σ Θ Ξ ESC Æ æ ß É */
  /* 0x20 */ 0x0020, 0x0021, 0x0022, 0x0023, 0x00A4, 0x0025, 0x0026, 0x0027,  /* SP ! " # ¤ % & ' */
  /* 0x28 */ 0x0028, 0x0029, 0x002A, 0x002B, 0x002C, 0x002D, 0x002E, 0x002F,  /* ( ) * + , - . / */
  /* 0x30 */ 0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037,  /* 0-7 */
  /* 0x38 */ 0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F,  /* 8 9 : ; < = > ? */
  /* 0x40 */ 0x00A1, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047,  /* ¡ A-G */
  /* 0x48 */ 0x0048, 0x0049, 0x004A, 0x004B, 0x004C, 0x004D, 0x004E, 0x004F,  /* H-O */
  /* 0x50 */ 0x0050, 0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057,  /* P-W */
  /* 0x58 */ 0x0058, 0x0059, 0x005A, 0x00C4, 0x00D6, 0x00D1, 0x00DC, 0x00A7,  /* X Y Z Ä Ö Ñ Ü § */
  /* 0x60 */ 0x00BF, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067,  /* ¿ a-g */
  /* 0x68 */ 0x0068, 0x0069, 0x006A, 0x006B, 0x006C, 0x006D, 0x006E, 0x006F,  /* h-o */
  /* 0x70 */ 0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077,  /* p-w */
  /* 0x78 */ 0x0078, 0x0079, 0x007A, 0x00E4, 0x00F6, 0x00F1, 0x00FC, 0x00E0,  /* x y z ä ö ñ ü à */
};

/* The extension table (3GPP TS 23.038, 6.2.1.1): ESC + this septet. */
static const struct
{
  guint    septet;
  gunichar ch;
} gsm_extension_table[] = {
  { 0x0A, 0x000C },  /* form feed */
  { 0x14, 0x005E },  /* ^ */
  { 0x28, 0x007B },  /* { */
  { 0x29, 0x007D },  /* } */
  { 0x2F, 0x005C },  /* \ */
  { 0x3C, 0x005B },  /* [ */
  { 0x3D, 0x007E },  /* ~ */
  { 0x3E, 0x005D },  /* ] */
  { 0x40, 0x007C },  /* | */
  { 0x65, 0x20AC },  /* € */
};

/* Every replacement the module offers: the list and the rest of the
 * documented table (quotes, dashes, bullets, spaces, invisible characters,
 * separators, look-alike letters and slashes), written out here. */
static const struct
{
  gunichar    ch;
  const char *replacement;
} expected_replacements[] = {
  { 0x2018, "'" }, { 0x2019, "'" }, { 0x201A, "'" }, { 0x201B, "'" },
  { 0x201C, "\"" }, { 0x201D, "\"" }, { 0x201E, "\"" }, { 0x201F, "\"" },
  { 0x2032, "'" }, { 0x2033, "\"" },
  { 0x2013, "-" }, { 0x2014, "-" }, { 0x2015, "-" }, { 0x2212, "-" }, { 0x2010, "-" },
  { 0x2011, "-" },
  { 0x2026, "..." },
  { 0x00A0, " " }, { 0x2000, " " }, { 0x2001, " " }, { 0x2002, " " }, { 0x2003, " " },
  { 0x2004, " " }, { 0x2005, " " }, { 0x2006, " " }, { 0x2007, " " }, { 0x2008, " " },
  { 0x2009, " " }, { 0x200A, " " }, { 0x202F, " " }, { 0x205F, " " }, { 0x3000, " " },
  { 0x200B, "" }, { 0x200C, "" }, { 0x200D, "" }, { 0x2060, "" }, { 0xFEFF, "" },
  { 0x00AD, "" },
  { 0x2022, "-" }, { 0x00AB, "\"" }, { 0x00BB, "\"" }, { 0x2039, "'" }, { 0x203A, "'" },
  { 0x0060, "'" }, { 0x00B4, "'" }, { 0x0009, " " }, { 0x2028, "\n" }, { 0x2029, "\n" },
  { 0x2126, "\xCE\xA9" }, { 0x2206, "\xCE\x94" },
  { 0x02BC, "'" },                                   /* ʼ modifier letter apostrophe */
  { 0x2012, "-" }, { 0x2023, "-" }, { 0x2043, "-" }, /* figure dash, ‣, ⁃ */
  { 0x2219, "-" }, { 0x25E6, "-" },                  /* ∙ bullet operator, ◦ white bullet */
  { 0x2024, "." },                                   /* ․ one dot leader */
  { 0x2044, "/" }, { 0x2215, "/" },                  /* ⁄ fraction slash, ∕ division slash */
};

/* Characters outside GSM-7 that must force UCS-2. */
static const gunichar not_gsm7[] = {
  0x0001, 0x0009, 0x001B, 0x0060, 0x007F, 0x0080, 0x00A0, 0x00A2, 0x00A9, 0x00B0,
  0x00C0, 0x00C1, 0x00E1, 0x00E7, 0x00ED, 0x00F3, 0x00FA, 0x00EA, 0x0107, 0x0142,
  0x0391, 0x03B1, 0x03C9, 0x0416, 0x05D0, 0x0627, 0x20AB, 0x2126, 0x4E2D, 0xFFFD,
  0x1F600, 0x10FFFF,
};

typedef struct
{
  const char *name;
  const char *bytes;
  gsize       length;
  gsize       offset;
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "overlong-2-bytes", "ab\xC0\xAF", 4, 2 },
  { "overlong-2-bytes-c1", "\xC1\xBF", 2, 0 },
  { "overlong-3-bytes", "abc\xE0\x80\xAF", 6, 3 },
  { "overlong-4-bytes", "\xF0\x80\x80\xAF", 4, 0 },
  { "overlong-nul", "ok\xC0\x80", 4, 2 },
  { "truncated-2-at-end", "hello\xC3", 6, 5 },
  { "truncated-3-at-end", "hi\xE2\x82", 4, 2 },
  { "truncated-4-at-end", "\xF0\x9F\x98", 3, 0 },
  { "truncated-in-middle", "a\xE2\x82z", 4, 1 },
  { "truncated-before-multibyte", "a\xE2\xC3\xA9", 4, 1 },
  { "lone-continuation", "abc\x80" "def", 7, 3 },
  { "lone-continuation-at-start", "\xBF", 1, 0 },
  { "extra-continuation", "\xC3\xA9\xA9", 3, 2 },
  { "surrogate-high", "x\xED\xA0\x80", 4, 1 },
  { "surrogate-low", "xy\xED\xBF\xBF", 5, 2 },
  { "surrogate-pair-cesu-8", "\xED\xA0\xBD\xED\xB8\x80", 6, 0 },
  { "above-u10ffff", "\xF4\x90\x80\x80", 4, 0 },
  { "byte-f5", "\xE2\x82\xAC\xF5\x80\x80\x80", 7, 3 },
  { "byte-fe", "ab\xFE", 3, 2 },
  { "byte-ff", "\xFF", 1, 0 },
  { "nul-in-buffer", "ab\0cd", 5, 2 },
  { "nul-at-start", "\0", 1, 0 },
  { "nul-at-end", "abc\0", 4, 3 },
  { "nul-after-emoji", "\xF0\x9F\x98\x80\0", 5, 4 },
};

typedef struct
{
  guint copies;
  guint parts;
  guint per_part;
  guint remaining;
} Boundary;

/* GSM-7, one septet a character. */
static const Boundary gsm7_boundaries[] = {
  { 1, 1, 160, 159 },
  { 159, 1, 160, 1 },
  { 160, 1, 160, 0 },
  { 161, 2, 153, 145 },
  { 305, 2, 153, 1 },
  { 306, 2, 153, 0 },
  { 307, 3, 153, 152 },
  { 459, 3, 153, 0 },
  { 460, 4, 153, 152 },
  { 918, 6, 153, 0 },
  { 919, 7, 153, 152 },
};

/* UCS-2, one unit a character. */
static const Boundary ucs2_boundaries[] = {
  { 1, 1, 70, 69 },
  { 69, 1, 70, 1 },
  { 70, 1, 70, 0 },
  { 71, 2, 67, 63 },
  { 133, 2, 67, 1 },
  { 134, 2, 67, 0 },
  { 135, 3, 67, 66 },
  { 201, 3, 67, 0 },
  { 202, 4, 67, 66 },
};

/* UCS-2, two units a character (emoji): parts fill to 66. */
static const Boundary emoji_boundaries[] = {
  { 1, 1, 70, 68 },
  { 35, 1, 70, 0 },
  { 36, 2, 67, 61 },
  { 66, 2, 67, 1 },
  { 67, 3, 67, 65 },
  { 99, 3, 67, 1 },
  { 100, 4, 67, 65 },
};

static char *
unichar_to_string (gunichar ch)
{
  char buf[8] = { 0 };

  g_unichar_to_utf8 (ch, buf);
  return g_strdup (buf);
}

static char *
repeat (const char *s,
        guint       n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (out, s);

  return g_string_free (out, FALSE);
}

static HeraldSmsAnalysis *
analyse_ok (const char *text,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  HeraldSmsAnalysis *analysis = herald_sms_analyse (text, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (analysis);
  return analysis;
}

/* Septets of one character by the test's own tables; 0 if not GSM-7. */
static guint
test_gsm7_cost (gunichar ch)
{
  for (guint i = 0; i < G_N_ELEMENTS (gsm_default_table); i++)
    if (i != GSM_ESC && gsm_default_table[i] == ch)
      return 1;

  for (guint i = 0; i < G_N_ELEMENTS (gsm_extension_table); i++)
    if (gsm_extension_table[i].ch == ch)
      return 2;

  return 0;
}

static gboolean
test_is_gsm7 (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (test_gsm7_cost (g_utf8_get_char (p)) == 0)
      return FALSE;

  return TRUE;
}

/* Units of @text in @encoding, counted independently of the module. */
static guint
test_units (const char        *text,
            HeraldSmsEncoding  encoding)
{
  guint units = 0;

  if (encoding == HERALD_SMS_ENCODING_UCS2)
    {
      glong written = 0;
      g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (text, -1, NULL, &written, NULL);

      g_assert_nonnull (utf16);
      return (guint) written;
    }

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      guint cost = test_gsm7_cost (g_utf8_get_char (p));

      g_assert_cmpuint (cost, >, 0);
      units += cost;
    }

  return units;
}

/* Every property of the parts that does not depend on a particular text. */
static void
assert_parts_consistent (const HeraldSmsAnalysis *analysis,
                         const char              *text)
{
  HeraldSmsEncoding encoding = herald_sms_analysis_get_encoding (analysis);
  guint parts = herald_sms_analysis_get_parts (analysis);
  guint per_part = herald_sms_analysis_get_per_part (analysis);
  guint single = encoding == HERALD_SMS_ENCODING_GSM7 ? 160 : 70;
  guint multi = encoding == HERALD_SMS_ENCODING_GSM7 ? 153 : 67;
  g_autoptr(GString) joined = g_string_new (NULL);
  guint total = 0;
  guint last_units = 0;

  g_assert_cmpint (encoding, ==, test_is_gsm7 (text) ? HERALD_SMS_ENCODING_GSM7 : HERALD_SMS_ENCODING_UCS2);
  g_assert_cmpuint (herald_sms_analysis_get_characters (analysis), ==, g_utf8_strlen (text, -1));
  g_assert_cmpuint (herald_sms_analysis_get_units (analysis), ==, test_units (text, encoding));
  g_assert_cmpuint (per_part, ==, parts > 1 ? multi : single);

  for (guint i = 0; i < parts; i++)
    {
      const char *part = herald_sms_analysis_get_part (analysis, i);
      guint units;

      g_assert_nonnull (part);
      g_assert_cmpuint (strlen (part), >, 0);
      g_assert_true (g_utf8_validate (part, -1, NULL));
      units = test_units (part, encoding);
      g_assert_cmpuint (units, <=, per_part);

      /* Greedy: the next part's first character would not have fitted. */
      if (i + 1 < parts)
        {
          const char *next = herald_sms_analysis_get_part (analysis, i + 1);
          gunichar first = g_utf8_get_char (next);
          guint first_units = encoding == HERALD_SMS_ENCODING_GSM7 ? test_gsm7_cost (first)
                                                                   : (first > 0xFFFF ? 2 : 1);

          g_assert_cmpuint (units + first_units, >, per_part);
        }

      total += units;
      last_units = units;
      g_string_append (joined, part);
    }

  g_assert_null (herald_sms_analysis_get_part (analysis, parts));
  g_assert_cmpstr (joined->str, ==, text);
  g_assert_cmpuint (total, ==, herald_sms_analysis_get_units (analysis));
  g_assert_cmpuint (last_units + herald_sms_analysis_get_remaining (analysis), ==, per_part);
}

static void
test_encoding_to_string (void)
{
  g_assert_cmpstr (herald_sms_encoding_to_string (HERALD_SMS_ENCODING_GSM7), ==, "GSM-7");
  g_assert_cmpstr (herald_sms_encoding_to_string (HERALD_SMS_ENCODING_UCS2), ==, "UCS-2");
}

static void
assert_empty (const HeraldSmsAnalysis *analysis)
{
  guint n = 99;

  g_assert_cmpint (herald_sms_analysis_get_encoding (analysis), ==, HERALD_SMS_ENCODING_GSM7);
  g_assert_cmpuint (herald_sms_analysis_get_characters (analysis), ==, 0);
  g_assert_cmpuint (herald_sms_analysis_get_units (analysis), ==, 0);
  g_assert_cmpuint (herald_sms_analysis_get_parts (analysis), ==, 0);
  g_assert_cmpuint (herald_sms_analysis_get_per_part (analysis), ==, 160);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (analysis), ==, 160);
  g_assert_cmpuint (herald_sms_analysis_get_credits (analysis, 10), ==, 0);
  g_assert_null (herald_sms_analysis_get_part (analysis, 0));
  g_assert_null (herald_sms_analysis_get_ucs2_characters (analysis, &n));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_empty_nul_terminated (void)
{
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok ("", -1);

  assert_empty (analysis);
}

static void
test_empty_explicit_length (void)
{
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok ("not looked at", 0);

  assert_empty (analysis);
}

static void
test_empty_null (void)
{
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (NULL, 0);

  assert_empty (analysis);
}

static void
test_explicit_length_stops (void)
{
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok ("hello\xE2\x80\x99 world", 5);

  g_assert_cmpint (herald_sms_analysis_get_encoding (analysis), ==, HERALD_SMS_ENCODING_GSM7);
  g_assert_cmpuint (herald_sms_analysis_get_characters (analysis), ==, 5);
  g_assert_cmpstr (herald_sms_analysis_get_part (analysis, 0), ==, "hello");
}

static void
test_gsm7_default_char (gconstpointer data)
{
  guint position = GPOINTER_TO_UINT (data);
  gunichar ch = gsm_default_table[position];
  g_autofree char *one = unichar_to_string (ch);
  g_autofree char *full = repeat (one, 160);
  g_autofree char *over = repeat (one, 161);
  g_autoptr(HeraldSmsAnalysis) a1 = analyse_ok (one, -1);
  g_autoptr(HeraldSmsAnalysis) a160 = analyse_ok (full, -1);
  g_autoptr(HeraldSmsAnalysis) a161 = analyse_ok (over, -1);
  guint n = 99;

  g_assert_cmpuint (herald_sms_text_get_gsm7_septets (ch), ==, 1);
  g_assert_cmpint (herald_sms_analysis_get_encoding (a1), ==, HERALD_SMS_ENCODING_GSM7);
  g_assert_cmpuint (herald_sms_analysis_get_characters (a1), ==, 1);
  g_assert_cmpuint (herald_sms_analysis_get_units (a1), ==, 1);
  g_assert_cmpuint (herald_sms_analysis_get_parts (a1), ==, 1);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (a1), ==, 159);
  g_assert_null (herald_sms_analysis_get_ucs2_characters (a1, &n));
  g_assert_cmpuint (n, ==, 0);

  g_assert_cmpuint (herald_sms_analysis_get_units (a160), ==, 160);
  g_assert_cmpuint (herald_sms_analysis_get_parts (a160), ==, 1);
  g_assert_cmpuint (herald_sms_analysis_get_units (a161), ==, 161);
  g_assert_cmpuint (herald_sms_analysis_get_parts (a161), ==, 2);
  assert_parts_consistent (a161, over);
}

static void
test_gsm7_escape_position (void)
{
  /* The escape septet has no character of its own: U+001B is a control
   * character like any other and forces UCS-2. */
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok ("a\x1B" "b", -1);
  const HeraldSmsUcs2Char *chars;
  guint n = 0;

  g_assert_cmpuint (gsm_default_table[GSM_ESC], ==, 0);
  g_assert_cmpuint (herald_sms_text_get_gsm7_septets (0x1B), ==, 0);
  g_assert_cmpint (herald_sms_analysis_get_encoding (analysis), ==, HERALD_SMS_ENCODING_UCS2);
  chars = herald_sms_analysis_get_ucs2_characters (analysis, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (chars[0].ch, ==, 0x1B);
  g_assert_cmpuint (chars[0].first_offset, ==, 1);
}

static void
test_gsm7_whole_table (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(HeraldSmsAnalysis) basic = NULL;
  g_autoptr(HeraldSmsAnalysis) both = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (gsm_default_table); i++)
    if (i != GSM_ESC)
      g_string_append_unichar (text, gsm_default_table[i]);

  basic = analyse_ok (text->str, text->len);
  g_assert_cmpint (herald_sms_analysis_get_encoding (basic), ==, HERALD_SMS_ENCODING_GSM7);
  g_assert_cmpuint (herald_sms_analysis_get_characters (basic), ==, 127);
  g_assert_cmpuint (herald_sms_analysis_get_units (basic), ==, 127);
  g_assert_cmpuint (herald_sms_analysis_get_parts (basic), ==, 1);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (basic), ==, 33);

  for (guint i = 0; i < G_N_ELEMENTS (gsm_extension_table); i++)
    g_string_append_unichar (text, gsm_extension_table[i].ch);

  both = analyse_ok (text->str, text->len);
  g_assert_cmpint (herald_sms_analysis_get_encoding (both), ==, HERALD_SMS_ENCODING_GSM7);
  g_assert_cmpuint (herald_sms_analysis_get_characters (both), ==, 137);
  g_assert_cmpuint (herald_sms_analysis_get_units (both), ==, 147);
  g_assert_cmpuint (herald_sms_analysis_get_parts (both), ==, 1);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (both), ==, 13);
}

static void
test_gsm7_extension_char (gconstpointer data)
{
  gunichar ch = gsm_extension_table[GPOINTER_TO_UINT (data)].ch;
  g_autofree char *one = unichar_to_string (ch);
  g_autofree char *full = repeat (one, 80);
  g_autofree char *over = repeat (one, 81);
  g_autofree char *first = repeat (one, 76);
  g_autoptr(HeraldSmsAnalysis) a1 = analyse_ok (one, -1);
  g_autoptr(HeraldSmsAnalysis) a80 = analyse_ok (full, -1);
  g_autoptr(HeraldSmsAnalysis) a81 = analyse_ok (over, -1);

  g_assert_cmpuint (herald_sms_text_get_gsm7_septets (ch), ==, 2);
  g_assert_cmpint (herald_sms_analysis_get_encoding (a1), ==, HERALD_SMS_ENCODING_GSM7);
  g_assert_cmpuint (herald_sms_analysis_get_characters (a1), ==, 1);
  g_assert_cmpuint (herald_sms_analysis_get_units (a1), ==, 2);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (a1), ==, 158);

  g_assert_cmpuint (herald_sms_analysis_get_units (a80), ==, 160);
  g_assert_cmpuint (herald_sms_analysis_get_parts (a80), ==, 1);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (a80), ==, 0);

  /* 162 septets: 76 pairs (152) fill the first part, 77 would be 154. */
  g_assert_cmpuint (herald_sms_analysis_get_units (a81), ==, 162);
  g_assert_cmpuint (herald_sms_analysis_get_parts (a81), ==, 2);
  g_assert_cmpstr (herald_sms_analysis_get_part (a81, 0), ==, first);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (a81), ==, 153 - 10);
  assert_parts_consistent (a81, over);
}

static void
test_gsm7_extension_at_boundary (gconstpointer data)
{
  gunichar ch = gsm_extension_table[GPOINTER_TO_UINT (data)].ch;
  g_autofree char *one = unichar_to_string (ch);
  g_autofree char *head = repeat ("a", 152);
  g_autofree char *tail = repeat ("b", 20);
  g_autofree char *text = g_strconcat (head, one, tail, NULL);
  g_autofree char *second = g_strconcat (one, tail, NULL);
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (text, -1);

  /* The pair would take septets 153 and 154: it moves whole. */
  g_assert_cmpuint (herald_sms_analysis_get_units (analysis), ==, 174);
  g_assert_cmpuint (herald_sms_analysis_get_parts (analysis), ==, 2);
  g_assert_cmpstr (herald_sms_analysis_get_part (analysis, 0), ==, head);
  g_assert_cmpstr (herald_sms_analysis_get_part (analysis, 1), ==, second);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (analysis), ==, 153 - 22);
  assert_parts_consistent (analysis, text);
}

static void
test_gsm7_extension_fills_part (gconstpointer data)
{
  gunichar ch = gsm_extension_table[GPOINTER_TO_UINT (data)].ch;
  g_autofree char *one = unichar_to_string (ch);
  g_autofree char *head = repeat ("a", 151);
  g_autofree char *tail = repeat ("b", 20);
  g_autofree char *text = g_strconcat (head, one, tail, NULL);
  g_autofree char *first = g_strconcat (head, one, NULL);
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (text, -1);

  /* Septets 152 and 153: the pair fits exactly. */
  g_assert_cmpuint (herald_sms_analysis_get_parts (analysis), ==, 2);
  g_assert_cmpstr (herald_sms_analysis_get_part (analysis, 0), ==, first);
  g_assert_cmpstr (herald_sms_analysis_get_part (analysis, 1), ==, tail);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (analysis), ==, 133);
}

static void
test_gsm7_extension_at_second_boundary (gconstpointer data)
{
  gunichar ch = gsm_extension_table[GPOINTER_TO_UINT (data)].ch;
  g_autofree char *one = unichar_to_string (ch);
  g_autofree char *first = repeat ("a", 153);
  g_autofree char *middle = repeat ("b", 152);
  g_autofree char *text = g_strconcat (first, middle, one, "c", NULL);
  g_autofree char *last = g_strconcat (one, "c", NULL);
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (text, -1);

  g_assert_cmpuint (herald_sms_analysis_get_parts (analysis), ==, 3);
  g_assert_cmpstr (herald_sms_analysis_get_part (analysis, 0), ==, first);
  g_assert_cmpstr (herald_sms_analysis_get_part (analysis, 1), ==, middle);
  g_assert_cmpstr (herald_sms_analysis_get_part (analysis, 2), ==, last);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (analysis), ==, 150);
}

static void
test_gsm7_extension_at_single_limit (gconstpointer data)
{
  gunichar ch = gsm_extension_table[GPOINTER_TO_UINT (data)].ch;
  g_autofree char *one = unichar_to_string (ch);
  g_autofree char *a158 = repeat ("a", 158);
  g_autofree char *a159 = repeat ("a", 159);
  g_autofree char *fits = g_strconcat (a158, one, NULL);
  g_autofree char *over = g_strconcat (a159, one, NULL);
  g_autofree char *first = repeat ("a", 153);
  g_autofree char *six = repeat ("a", 6);
  g_autofree char *second = g_strconcat (six, one, NULL);
  g_autoptr(HeraldSmsAnalysis) a_fits = analyse_ok (fits, -1);
  g_autoptr(HeraldSmsAnalysis) a_over = analyse_ok (over, -1);

  g_assert_cmpuint (herald_sms_analysis_get_units (a_fits), ==, 160);
  g_assert_cmpuint (herald_sms_analysis_get_parts (a_fits), ==, 1);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (a_fits), ==, 0);
  g_assert_cmpstr (herald_sms_analysis_get_part (a_fits, 0), ==, fits);

  g_assert_cmpuint (herald_sms_analysis_get_units (a_over), ==, 161);
  g_assert_cmpuint (herald_sms_analysis_get_parts (a_over), ==, 2);
  g_assert_cmpstr (herald_sms_analysis_get_part (a_over, 0), ==, first);
  g_assert_cmpstr (herald_sms_analysis_get_part (a_over, 1), ==, second);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (a_over), ==, 145);
}

static void
test_gsm7_not_in_alphabet (gconstpointer data)
{
  gunichar ch = not_gsm7[GPOINTER_TO_UINT (data)];
  g_autofree char *one = unichar_to_string (ch);
  g_autofree char *text = g_strconcat ("ab", one, "cd", NULL);
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (text, -1);
  const HeraldSmsUcs2Char *chars;
  guint n = 0;

  g_assert_cmpuint (herald_sms_text_get_gsm7_septets (ch), ==, 0);
  g_assert_cmpint (herald_sms_analysis_get_encoding (analysis), ==, HERALD_SMS_ENCODING_UCS2);
  g_assert_cmpuint (herald_sms_analysis_get_units (analysis), ==, ch > 0xFFFF ? 6 : 5);
  g_assert_cmpuint (herald_sms_analysis_get_per_part (analysis), ==, 70);
  chars = herald_sms_analysis_get_ucs2_characters (analysis, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (chars[0].ch, ==, ch);
  g_assert_cmpuint (chars[0].count, ==, 1);
  g_assert_cmpuint (chars[0].first_offset, ==, 2);
}

static void
test_gsm7_boundary (gconstpointer data)
{
  const Boundary *b = data;

  /* é is GSM-7 but two bytes of UTF-8: checks septets, not bytes, count. */
  for (guint k = 0; k < 2; k++)
    {
      g_autofree char *text = repeat (k == 0 ? "a" : "\xC3\xA9", b->copies);
      g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (text, -1);

      g_assert_cmpint (herald_sms_analysis_get_encoding (analysis), ==, HERALD_SMS_ENCODING_GSM7);
      g_assert_cmpuint (herald_sms_analysis_get_units (analysis), ==, b->copies);
      g_assert_cmpuint (herald_sms_analysis_get_parts (analysis), ==, b->parts);
      g_assert_cmpuint (herald_sms_analysis_get_per_part (analysis), ==, b->per_part);
      g_assert_cmpuint (herald_sms_analysis_get_remaining (analysis), ==, b->remaining);
      if (b->parts > 1)
        g_assert_cmpuint (g_utf8_strlen (herald_sms_analysis_get_part (analysis, 0), -1), ==, 153);
      assert_parts_consistent (analysis, text);
    }
}

static void
test_ucs2_boundary (gconstpointer data)
{
  const Boundary *b = data;

  /* Cyrillic (two bytes) and CJK (three bytes): units, not bytes. */
  for (guint k = 0; k < 2; k++)
    {
      g_autofree char *text = repeat (k == 0 ? "\xD0\x96" : "\xE4\xB8\xAD", b->copies);
      g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (text, -1);

      g_assert_cmpint (herald_sms_analysis_get_encoding (analysis), ==, HERALD_SMS_ENCODING_UCS2);
      g_assert_cmpuint (herald_sms_analysis_get_units (analysis), ==, b->copies);
      g_assert_cmpuint (herald_sms_analysis_get_parts (analysis), ==, b->parts);
      g_assert_cmpuint (herald_sms_analysis_get_per_part (analysis), ==, b->per_part);
      g_assert_cmpuint (herald_sms_analysis_get_remaining (analysis), ==, b->remaining);
      if (b->parts > 1)
        g_assert_cmpuint (g_utf8_strlen (herald_sms_analysis_get_part (analysis, 0), -1), ==, 67);
      assert_parts_consistent (analysis, text);
    }
}

static void
test_ucs2_emoji_boundary (gconstpointer data)
{
  const Boundary *b = data;
  g_autofree char *text = repeat ("\xF0\x9F\x98\x80", b->copies);
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (text, -1);

  g_assert_cmpint (herald_sms_analysis_get_encoding (analysis), ==, HERALD_SMS_ENCODING_UCS2);
  g_assert_cmpuint (herald_sms_analysis_get_characters (analysis), ==, b->copies);
  g_assert_cmpuint (herald_sms_analysis_get_units (analysis), ==, 2 * b->copies);
  g_assert_cmpuint (herald_sms_analysis_get_parts (analysis), ==, b->parts);
  g_assert_cmpuint (herald_sms_analysis_get_per_part (analysis), ==, b->per_part);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (analysis), ==, b->remaining);
  /* 33 pairs = 66 units: the 34th would straddle units 67 and 68. */
  if (b->parts > 1)
    g_assert_cmpuint (g_utf8_strlen (herald_sms_analysis_get_part (analysis, 0), -1), ==, 33);
  assert_parts_consistent (analysis, text);
}

static void
test_ucs2_emoji_at_boundary (void)
{
  g_autofree char *head = repeat ("\xD0\x96", 66);
  g_autofree char *tail = repeat ("\xD0\x96", 10);
  g_autofree char *text = g_strconcat (head, "\xF0\x9F\x98\x80", tail, NULL);
  g_autofree char *second = g_strconcat ("\xF0\x9F\x98\x80", tail, NULL);
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (text, -1);

  g_assert_cmpuint (herald_sms_analysis_get_units (analysis), ==, 78);
  g_assert_cmpuint (herald_sms_analysis_get_parts (analysis), ==, 2);
  g_assert_cmpstr (herald_sms_analysis_get_part (analysis, 0), ==, head);
  g_assert_cmpstr (herald_sms_analysis_get_part (analysis, 1), ==, second);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (analysis), ==, 67 - 12);
  assert_parts_consistent (analysis, text);
}

static void
test_ucs2_emoji_fills_part (void)
{
  g_autofree char *head = repeat ("\xD0\x96", 65);
  g_autofree char *tail = repeat ("\xD0\x96", 10);
  g_autofree char *text = g_strconcat (head, "\xF0\x9F\x98\x80", tail, NULL);
  g_autofree char *first = g_strconcat (head, "\xF0\x9F\x98\x80", NULL);
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (text, -1);

  g_assert_cmpuint (herald_sms_analysis_get_parts (analysis), ==, 2);
  g_assert_cmpstr (herald_sms_analysis_get_part (analysis, 0), ==, first);
  g_assert_cmpstr (herald_sms_analysis_get_part (analysis, 1), ==, tail);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (analysis), ==, 57);
}

static void
test_ucs2_emoji_at_single_limit (void)
{
  g_autofree char *a68 = repeat ("\xD0\x96", 68);
  g_autofree char *a69 = repeat ("\xD0\x96", 69);
  g_autofree char *fits = g_strconcat (a68, "\xF0\x9F\x98\x80", NULL);
  g_autofree char *over = g_strconcat (a69, "\xF0\x9F\x98\x80", NULL);
  g_autofree char *first = repeat ("\xD0\x96", 67);
  g_autoptr(HeraldSmsAnalysis) a_fits = analyse_ok (fits, -1);
  g_autoptr(HeraldSmsAnalysis) a_over = analyse_ok (over, -1);

  g_assert_cmpuint (herald_sms_analysis_get_units (a_fits), ==, 70);
  g_assert_cmpuint (herald_sms_analysis_get_parts (a_fits), ==, 1);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (a_fits), ==, 0);

  g_assert_cmpuint (herald_sms_analysis_get_units (a_over), ==, 71);
  g_assert_cmpuint (herald_sms_analysis_get_parts (a_over), ==, 2);
  g_assert_cmpstr (herald_sms_analysis_get_part (a_over, 0), ==, first);
  g_assert_cmpstr (herald_sms_analysis_get_part (a_over, 1), ==, "\xD0\x96\xD0\x96\xF0\x9F\x98\x80");
  g_assert_cmpuint (herald_sms_analysis_get_remaining (a_over), ==, 63);
}

static void
test_ucs2_gsm_text_with_one_emoji (void)
{
  /* One emoji turns 69 GSM-7 characters (one part of 160) into 71 units. */
  g_autofree char *head = repeat ("a", 69);
  g_autofree char *text = g_strconcat (head, "\xF0\x9F\x98\x80", NULL);
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (text, -1);

  g_assert_cmpint (herald_sms_analysis_get_encoding (analysis), ==, HERALD_SMS_ENCODING_UCS2);
  g_assert_cmpuint (herald_sms_analysis_get_characters (analysis), ==, 70);
  g_assert_cmpuint (herald_sms_analysis_get_units (analysis), ==, 71);
  g_assert_cmpuint (herald_sms_analysis_get_parts (analysis), ==, 2);
  assert_parts_consistent (analysis, text);
}

static void
test_ucs2_extension_chars_count_one (void)
{
  /* In UCS-2 there is no escape: € and { are one unit each. */
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok ("\xE2\x82\xAC{\xC3\xA7", -1);

  g_assert_cmpint (herald_sms_analysis_get_encoding (analysis), ==, HERALD_SMS_ENCODING_UCS2);
  g_assert_cmpuint (herald_sms_analysis_get_units (analysis), ==, 3);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (analysis), ==, 67);
}

typedef struct
{
  const char *text;
  guint       characters;
  guint       units;
  HeraldSmsEncoding encoding;
} CountCase;

static const CountCase count_cases[] = {
  { "hello", 5, 5, HERALD_SMS_ENCODING_GSM7 },
  { "h\xC3\xA9llo", 5, 5, HERALD_SMS_ENCODING_GSM7 },
  { "\xE2\x82\xAC" "5 {x}", 6, 9, HERALD_SMS_ENCODING_GSM7 },
  { "h\xC3\xA9llo \xF0\x9F\x98\x80", 7, 8, HERALD_SMS_ENCODING_UCS2 },
  { "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", 2, 4, HERALD_SMS_ENCODING_UCS2 },      /* 👍🏽 */
  { "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7", 2, 4, HERALD_SMS_ENCODING_UCS2 },      /* 🇫🇷 */
  { "e\xCC\x81", 2, 2, HERALD_SMS_ENCODING_UCS2 },                             /* e + combining acute */
  { "\xF4\x8F\xBF\xBF", 1, 2, HERALD_SMS_ENCODING_UCS2 },                      /* U+10FFFF */
  { "\xEF\xBF\xBF", 1, 1, HERALD_SMS_ENCODING_UCS2 },                          /* U+FFFF */
  { "\r\n", 2, 2, HERALD_SMS_ENCODING_GSM7 },
  { "\x0C", 1, 2, HERALD_SMS_ENCODING_GSM7 },
};

static void
test_characters_count (gconstpointer data)
{
  const CountCase *c = data;
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (c->text, -1);

  g_assert_cmpint (herald_sms_analysis_get_encoding (analysis), ==, c->encoding);
  g_assert_cmpuint (herald_sms_analysis_get_characters (analysis), ==, c->characters);
  g_assert_cmpuint (herald_sms_analysis_get_units (analysis), ==, c->units);
  assert_parts_consistent (analysis, c->text);
}

static void
test_remaining_counts_down (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* Type a character at a time, as the compose view does. */
  for (guint n = 1; n <= 320; n++)
    {
      g_autoptr(HeraldSmsAnalysis) analysis = NULL;
      guint expected;

      g_string_append_c (text, 'x');
      analysis = analyse_ok (text->str, text->len);

      if (n <= 160)
        expected = 160 - n;
      else
        expected = (153 - n % 153) % 153;

      g_assert_cmpuint (herald_sms_analysis_get_remaining (analysis), ==, expected);
    }
}

static void
test_remaining_extension_last (void)
{
  /* 152 septets in the last part: one free, although no € fits there. */
  g_autofree char *head = repeat ("a", 153);
  g_autofree char *tail = repeat ("a", 150);
  g_autofree char *text = g_strconcat (head, tail, "\xE2\x82\xAC", NULL);
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (text, -1);

  g_assert_cmpuint (herald_sms_analysis_get_parts (analysis), ==, 2);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (analysis), ==, 1);
}

static void
test_credits (void)
{
  g_autofree char *three_parts = repeat ("a", 400);
  g_autoptr(HeraldSmsAnalysis) one = analyse_ok ("hi", -1);
  g_autoptr(HeraldSmsAnalysis) three = analyse_ok (three_parts, -1);

  g_assert_cmpuint (herald_sms_analysis_get_parts (three), ==, 3);
  g_assert_cmpuint (herald_sms_analysis_get_credits (one, 1), ==, 1);
  g_assert_cmpuint (herald_sms_analysis_get_credits (one, 250), ==, 250);
  g_assert_cmpuint (herald_sms_analysis_get_credits (three, 0), ==, 0);
  g_assert_cmpuint (herald_sms_analysis_get_credits (three, 1), ==, 3);
  g_assert_cmpuint (herald_sms_analysis_get_credits (three, 5), ==, 15);
  g_assert_cmpuint (herald_sms_analysis_get_credits (three, 1000), ==, 3000);
}

static void
test_credits_overflow (void)
{
  g_autofree char *two_parts = repeat ("a", 200);
  g_autoptr(HeraldSmsAnalysis) one = analyse_ok ("hi", -1);
  g_autoptr(HeraldSmsAnalysis) two = analyse_ok (two_parts, -1);

  g_assert_cmpuint (herald_sms_analysis_get_credits (one, G_MAXUINT), ==, G_MAXUINT);
  g_assert_cmpuint (herald_sms_analysis_get_credits (two, G_MAXUINT / 2), ==, G_MAXUINT - 1);
  g_assert_cmpuint (herald_sms_analysis_get_credits (two, G_MAXUINT / 2 + 1), ==, G_MAXUINT);
  g_assert_cmpuint (herald_sms_analysis_get_credits (two, G_MAXUINT), ==, G_MAXUINT);
}

static void
test_parts_concatenate (void)
{
  static const char *pool[] = {
    "a", "Z", " ", "\n", "\r", "0", "\xC3\xA9", "\xC3\x9F", "\xCE\xA9", "\xC2\xA3",
    "\xE2\x82\xAC", "{", "}", "^", "\\", "[", "]", "~", "|", "\x0C",
    /* forcing UCS-2 from here on */
    "\xD0\x96", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\xE2\x80\x99", "\xC2\xA0",
    "\xC3\xA7", "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7", "`",
  };
  const guint n_gsm = 20;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);

  for (guint round = 0; round < 600; round++)
    {
      /* Half the rounds stay GSM-7 so that escape pairs meet boundaries. */
      guint pool_size = round % 2 == 0 ? n_gsm : G_N_ELEMENTS (pool);
      guint length = g_rand_int_range (rand, 0, 700);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(HeraldSmsAnalysis) analysis = NULL;

      for (guint i = 0; i < length; i++)
        {
          /* Few forcing characters, so GSM-7 rounds are mostly long runs. */
          guint pick = g_rand_int_range (rand, 0, pool_size);

          if (pick >= n_gsm && g_rand_int_range (rand, 0, 4) != 0)
            pick %= n_gsm;
          g_string_append (text, pool[pick]);
        }

      analysis = analyse_ok (text->str, text->len);
      assert_parts_consistent (analysis, text->str);
    }
}

static void
test_parts_single_is_whole_text (void)
{
  const char *text = "Caf\xC3\xA9 at 8? {ok} \xE2\x82\xAC" "5";
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (text, -1);

  g_assert_cmpuint (herald_sms_analysis_get_parts (analysis), ==, 1);
  g_assert_cmpstr (herald_sms_analysis_get_part (analysis, 0), ==, text);
  g_assert_null (herald_sms_analysis_get_part (analysis, 1));
  g_assert_null (herald_sms_analysis_get_part (analysis, G_MAXUINT));
}

static void
test_parts_long_mixed (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(HeraldSmsAnalysis) analysis = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append (text, "Gr\xC3\xBC\xC3\x9F" "e \xF0\x9F\x91\x8B {x} ");

  analysis = analyse_ok (text->str, text->len);
  g_assert_cmpint (herald_sms_analysis_get_encoding (analysis), ==, HERALD_SMS_ENCODING_UCS2);
  g_assert_cmpuint (herald_sms_analysis_get_characters (analysis), ==, 300 * 12);
  g_assert_cmpuint (herald_sms_analysis_get_units (analysis), ==, 300 * 13);
  assert_parts_consistent (analysis, text->str);
}

static void
test_ucs2_characters_list (void)
{
  /* a’b’c“d😀’: offsets counted by hand. */
  const char *text = "a\xE2\x80\x99" "b\xE2\x80\x99" "c\xE2\x80\x9C" "d\xF0\x9F\x98\x80\xE2\x80\x99";
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (text, -1);
  const HeraldSmsUcs2Char *chars;
  guint n = 0;

  chars = herald_sms_analysis_get_ucs2_characters (analysis, &n);
  g_assert_cmpuint (n, ==, 3);

  g_assert_cmpuint (chars[0].ch, ==, 0x2019);
  g_assert_cmpuint (chars[0].count, ==, 3);
  g_assert_cmpuint (chars[0].first_offset, ==, 1);
  g_assert_cmpstr (chars[0].replacement, ==, "'");

  g_assert_cmpuint (chars[1].ch, ==, 0x201C);
  g_assert_cmpuint (chars[1].count, ==, 1);
  g_assert_cmpuint (chars[1].first_offset, ==, 9);
  g_assert_cmpstr (chars[1].replacement, ==, "\"");

  g_assert_cmpuint (chars[2].ch, ==, 0x1F600);
  g_assert_cmpuint (chars[2].count, ==, 1);
  g_assert_cmpuint (chars[2].first_offset, ==, 13);
  g_assert_null (chars[2].replacement);
}

static void
test_ucs2_characters_alternating (void)
{
  /* Interleaved and back-to-back repeats (ç ç across the copies) must not
   * confuse the per-character counts. */
  g_autofree char *body = repeat ("\xC3\xA7x\xC3\xA1\xC3\xA7y", 50);
  g_autofree char *text = g_strconcat ("\xC3\xA1", body, NULL);
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (text, -1);
  const HeraldSmsUcs2Char *chars;
  guint n = 0;

  chars = herald_sms_analysis_get_ucs2_characters (analysis, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (chars[0].ch, ==, 0x00E1);
  g_assert_cmpuint (chars[0].count, ==, 51);
  g_assert_cmpuint (chars[0].first_offset, ==, 0);
  g_assert_cmpuint (chars[1].ch, ==, 0x00E7);
  g_assert_cmpuint (chars[1].count, ==, 100);
  g_assert_cmpuint (chars[1].first_offset, ==, 2);
  g_assert_null (chars[0].replacement);
  g_assert_null (chars[1].replacement);
}

static void
test_ucs2_characters_neighbours (void)
{
  /* ‘’‘’: neighbouring code points are still distinct characters. */
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok ("\xE2\x80\x98\xE2\x80\x99\xE2\x80\x98\xE2\x80\x99", -1);
  const HeraldSmsUcs2Char *chars;
  guint n = 0;

  chars = herald_sms_analysis_get_ucs2_characters (analysis, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (chars[0].ch, ==, 0x2018);
  g_assert_cmpuint (chars[0].count, ==, 2);
  g_assert_cmpuint (chars[0].first_offset, ==, 0);
  g_assert_cmpuint (chars[1].ch, ==, 0x2019);
  g_assert_cmpuint (chars[1].count, ==, 2);
  g_assert_cmpuint (chars[1].first_offset, ==, 3);
}

static void
test_ucs2_characters_none_for_gsm7 (void)
{
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok ("Plain {text} \xE2\x82\xAC", -1);
  guint n = 42;

  g_assert_null (herald_sms_analysis_get_ucs2_characters (analysis, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_null (herald_sms_analysis_get_ucs2_characters (analysis, NULL));
}

static void
test_replace_table_entry (gconstpointer data)
{
  guint index = GPOINTER_TO_UINT (data);
  gunichar ch = expected_replacements[index].ch;
  const char *expected = expected_replacements[index].replacement;
  g_autofree char *one = unichar_to_string (ch);
  g_autofree char *text = g_strconcat ("x", one, "y", NULL);
  g_autofree char *want = g_strconcat ("x", expected, "y", NULL);
  g_autofree char *result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean now_gsm7 = FALSE;
  gint saved = 99;

  g_assert_cmpuint (herald_sms_text_get_gsm7_septets (ch), ==, 0);
  g_assert_cmpstr (herald_sms_text_get_gsm7_replacement (ch), ==, expected);
  g_assert_true (test_is_gsm7 (expected));

  result = herald_sms_text_replace_for_gsm7 (text, -1, &saved, &now_gsm7, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result, ==, want);
  g_assert_true (now_gsm7);
  g_assert_cmpint (saved, ==, 0);
}

static void
test_replace_no_replacement_for_letters (void)
{
  /* Changing letters would change words. */
  g_assert_null (herald_sms_text_get_gsm7_replacement (0x00E7));  /* ç */
  g_assert_null (herald_sms_text_get_gsm7_replacement (0x00E1));  /* á */
  g_assert_null (herald_sms_text_get_gsm7_replacement (0x0416));  /* Ж */
  g_assert_null (herald_sms_text_get_gsm7_replacement (0x1F600));
  g_assert_null (herald_sms_text_get_gsm7_replacement ('a'));
  g_assert_null (herald_sms_text_get_gsm7_replacement (0x20AC));
  g_assert_null (herald_sms_text_get_gsm7_replacement (0));
  g_assert_null (herald_sms_text_get_gsm7_replacement (0x10FFFF));
}

static void
test_replace_curly_quotes (void)
{
  const char *text = "\xE2\x80\x9C" "Don\xE2\x80\x99t be late\xE2\x80\x9D \xE2\x80\x93 she said\xE2\x80\xA6";
  g_autofree char *result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean now_gsm7 = FALSE;
  gint saved = 99;

  result = herald_sms_text_replace_for_gsm7 (text, -1, &saved, &now_gsm7, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result, ==, "\"Don't be late\" - she said...");
  g_assert_true (now_gsm7);
  g_assert_cmpint (saved, ==, 0);
}

static void
test_replace_saves_parts (void)
{
  /* 170 units of UCS-2 = 3 parts; 170 septets of GSM-7 = 2 parts. */
  g_autofree char *head = repeat ("a", 150);
  g_autofree char *quotes = repeat ("\xE2\x80\x99", 20);
  g_autofree char *text = g_strconcat (head, quotes, NULL);
  g_autofree char *apostrophes = repeat ("'", 20);
  g_autofree char *want = g_strconcat (head, apostrophes, NULL);
  g_autofree char *result = NULL;
  g_autoptr(HeraldSmsAnalysis) before = analyse_ok (text, -1);
  gboolean now_gsm7 = FALSE;
  gint saved = 0;

  g_assert_cmpuint (herald_sms_analysis_get_parts (before), ==, 3);
  result = herald_sms_text_replace_for_gsm7 (text, -1, &saved, &now_gsm7, NULL);
  g_assert_cmpstr (result, ==, want);
  g_assert_cmpint (saved, ==, 1);
  g_assert_true (now_gsm7);
}

static void
test_replace_saves_many_parts (void)
{
  /* 918 characters: 14 parts of UCS-2, 6 of GSM-7. */
  g_autofree char *head = repeat ("a", 917);
  g_autofree char *text = g_strconcat (head, "\xC2\xA0", NULL);
  gboolean now_gsm7 = FALSE;
  gint saved = 0;
  g_autofree char *result = herald_sms_text_replace_for_gsm7 (text, -1, &saved, &now_gsm7, NULL);

  g_assert_cmpuint (strlen (result), ==, 918);
  g_assert_cmpint (saved, ==, 14 - 6);
  g_assert_true (now_gsm7);
}

static void
test_replace_still_ucs2 (void)
{
  const char *text = "\xE2\x80\x98Hi\xE2\x80\x99 \xF0\x9F\x98\x80 \xC3\xA7";
  g_autofree char *result = NULL;
  gboolean now_gsm7 = TRUE;
  gint saved = 99;

  result = herald_sms_text_replace_for_gsm7 (text, -1, &saved, &now_gsm7, NULL);
  g_assert_cmpstr (result, ==, "'Hi' \xF0\x9F\x98\x80 \xC3\xA7");
  g_assert_false (now_gsm7);
  g_assert_cmpint (saved, ==, 0);
}

static void
test_replace_can_cost_parts (void)
{
  /* 70 ellipses fill one UCS-2 part; 210 dots need two GSM-7 parts. */
  g_autofree char *text = repeat ("\xE2\x80\xA6", 70);
  g_autofree char *want = repeat ("...", 70);
  gboolean now_gsm7 = FALSE;
  gint saved = 0;
  g_autofree char *result = herald_sms_text_replace_for_gsm7 (text, -1, &saved, &now_gsm7, NULL);

  g_assert_cmpstr (result, ==, want);
  g_assert_true (now_gsm7);
  g_assert_cmpint (saved, ==, -1);
}

static void
test_replace_removes_invisible (void)
{
  const char *text = "\xEF\xBB\xBF" "a\xE2\x80\x8B" "b\xE2\x80\x8D" "c\xC2\xAD" "d\xE2\x81\xA0";
  gboolean now_gsm7 = FALSE;
  g_autofree char *result = herald_sms_text_replace_for_gsm7 (text, -1, NULL, &now_gsm7, NULL);

  g_assert_cmpstr (result, ==, "abcd");
  g_assert_true (now_gsm7);
}

static void
test_replace_only_invisible (void)
{
  gboolean now_gsm7 = FALSE;
  gint saved = 0;
  g_autofree char *result = herald_sms_text_replace_for_gsm7 ("\xE2\x80\x8B\xE2\x80\x8B", -1,
                                                              &saved, &now_gsm7, NULL);

  g_assert_cmpstr (result, ==, "");
  g_assert_true (now_gsm7);
  g_assert_cmpint (saved, ==, 1);
}

static void
test_replace_gsm7_unchanged (void)
{
  const char *text = "Already fine: {\xE2\x82\xAC} \xC3\xA9\xC3\xA0";
  gboolean now_gsm7 = FALSE;
  gint saved = 99;
  g_autofree char *result = herald_sms_text_replace_for_gsm7 (text, -1, &saved, &now_gsm7, NULL);

  g_assert_cmpstr (result, ==, text);
  g_assert_true (result != text);
  g_assert_true (now_gsm7);
  g_assert_cmpint (saved, ==, 0);
}

static void
test_replace_explicit_length (void)
{
  /* Only the first 4 bytes ("a’" ) are the text. */
  g_autofree char *result = herald_sms_text_replace_for_gsm7 ("a\xE2\x80\x99zzz", 4, NULL, NULL, NULL);

  g_assert_cmpstr (result, ==, "a'");
}

static void
test_replace_explicit_length_zero (void)
{
  /* A length of 0 is the empty text, whatever the pointer holds. */
  g_autoptr(GError) error = NULL;
  gboolean now_gsm7 = FALSE;
  gint saved = 99;
  g_autofree char *result = herald_sms_text_replace_for_gsm7 ("not looked at \xE2\x80\x99", 0, &saved,
                                                             &now_gsm7, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (result, ==, "");
  g_assert_cmpint (saved, ==, 0);
  g_assert_true (now_gsm7);
}

static void
test_replace_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  gboolean now_gsm7 = FALSE;
  gint saved = 99;
  char *result = herald_sms_text_replace_for_gsm7 ("ok\xE2\x80\x99\xFF", -1, &saved, &now_gsm7, &error);

  g_assert_null (result);
  g_assert_error (error, HERALD_SMS_TEXT_ERROR, HERALD_SMS_TEXT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "offset 5"));
  g_assert_cmpint (saved, ==, 99);
}

static void
test_invalid_utf8_case (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *needle = g_strdup_printf ("byte offset %lu", (gulong) c->offset);
  HeraldSmsAnalysis *analysis;

  analysis = herald_sms_analyse (c->bytes, c->length, &error);
  g_assert_null (analysis);
  g_assert_error (error, HERALD_SMS_TEXT_ERROR, HERALD_SMS_TEXT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, needle));

  /* Without a NUL inside, the NUL-terminated form fails at the same byte. */
  if (memchr (c->bytes, '\0', c->length) == NULL)
    {
      g_autoptr(GError) error2 = NULL;

      analysis = herald_sms_analyse (c->bytes, -1, &error2);
      g_assert_null (analysis);
      g_assert_error (error2, HERALD_SMS_TEXT_ERROR, HERALD_SMS_TEXT_ERROR_INVALID_UTF8);
      g_assert_cmpstr (error2->message, ==, error->message);
    }
}

static void
test_invalid_utf8_far_offset (void)
{
  g_autofree char *head = repeat ("\xC3\xA9", 500);
  g_autofree char *text = g_strconcat (head, "\xE2\x28\xA1", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (herald_sms_analyse (text, -1, &error));
  g_assert_error (error, HERALD_SMS_TEXT_ERROR, HERALD_SMS_TEXT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "byte offset 1000"));
}

static void
test_invalid_utf8_nul_message (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (herald_sms_analyse ("abc\0def", 7, &error));
  g_assert_error (error, HERALD_SMS_TEXT_ERROR, HERALD_SMS_TEXT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "NUL"));
  g_assert_nonnull (strstr (error->message, "byte offset 3"));
}

static void
test_too_long (void)
{
  g_autoptr(GError) error = NULL;

  if ((gsize) G_MAXSSIZE <= HERALD_SMS_TEXT_MAX_LENGTH)
    {
      g_test_skip ("length limit not representable as gssize here");
      return;
    }

  /* Refused before a byte is read: the buffer is much shorter. */
  g_assert_null (herald_sms_analyse ("abc", (gssize) HERALD_SMS_TEXT_MAX_LENGTH + 1, &error));
  g_assert_error (error, HERALD_SMS_TEXT_ERROR, HERALD_SMS_TEXT_ERROR_TOO_LONG);
}

static void
test_boxed_type (void)
{
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok ("boxed", -1);
  HeraldSmsAnalysis *copy;

  g_assert_true (G_TYPE_IS_BOXED (HERALD_TYPE_SMS_ANALYSIS));
  g_assert_cmpstr (g_type_name (HERALD_TYPE_SMS_ANALYSIS), ==, "HeraldSmsAnalysis");

  copy = g_boxed_copy (HERALD_TYPE_SMS_ANALYSIS, analysis);
  g_assert_true (copy == analysis);
  g_boxed_free (HERALD_TYPE_SMS_ANALYSIS, copy);

  g_assert_true (herald_sms_analysis_ref (analysis) == analysis);
  herald_sms_analysis_unref (analysis);
  g_assert_cmpstr (herald_sms_analysis_get_part (analysis, 0), ==, "boxed");
}

static void
test_error_quark (void)
{
  g_assert_cmpstr (g_quark_to_string (HERALD_SMS_TEXT_ERROR), ==, "herald-sms-text-error-quark");
}

/* The replacement the test's own table gives for @ch, or NULL. */
static const char *
test_replacement (gunichar ch)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_replacements); i++)
    if (expected_replacements[i].ch == ch)
      return expected_replacements[i].replacement;

  return NULL;
}

/* The highest code point in the test's GSM-7 tables: nothing above it is
 * GSM-7. */
static gunichar
test_gsm7_highest (void)
{
  gunichar highest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (gsm_default_table); i++)
    highest = MAX (highest, gsm_default_table[i]);
  for (guint i = 0; i < G_N_ELEMENTS (gsm_extension_table); i++)
    highest = MAX (highest, gsm_extension_table[i].ch);

  return highest;
}

/* Every code point, not just the ones a table lists: the septets and the
 * replacement the module gives agree with the test's own tables. (Among
 * others: every zero of a Latin-1 lookup, and U+0100 just past it.) */
static void
test_gsm7_every_code_point (void)
{
  gunichar highest = test_gsm7_highest ();
  guint n_gsm7 = 0;
  guint n_replaced = 0;

  g_assert_cmpuint (highest, ==, 0x20AC);

  for (gunichar ch = 0; ch <= 0x10FFFF; ch++)
    {
      guint expected = ch <= highest ? test_gsm7_cost (ch) : 0;
      const char *replacement;

      if (ch >= 0xD800 && ch <= 0xDFFF)
        continue;

      if (herald_sms_text_get_gsm7_septets (ch) != expected)
        g_error ("U+%04X: %u septets, expected %u", ch, herald_sms_text_get_gsm7_septets (ch), expected);
      n_gsm7 += expected != 0;

      replacement = herald_sms_text_get_gsm7_replacement (ch);
      if (g_strcmp0 (replacement, test_replacement (ch)) != 0)
        g_error ("U+%04X: replacement \"%s\", expected \"%s\"", ch,
                 replacement ? replacement : "(none)",
                 test_replacement (ch) ? test_replacement (ch) : "(none)");
      n_replaced += replacement != NULL;
    }

  /* 127 characters of the default table and 10 of the extension table. */
  g_assert_cmpuint (n_gsm7, ==, 137);
  g_assert_cmpuint (n_replaced, ==, G_N_ELEMENTS (expected_replacements));
  g_assert_cmpuint (n_replaced, ==, 59);
}

/* One text holding every code point of [@first, @last] (every @step-th
 * one, NUL and surrogates left out), analysed at once: every character is
 * decoded, counted and listed as the test's tables say, whatever the
 * length of its UTF-8 sequence, and the parts split no character. */
static void
assert_range_analysed (gunichar first,
                       gunichar last,
                       gunichar step)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) absent = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(HeraldSmsAnalysis) analysis = NULL;
  const HeraldSmsUcs2Char *chars;
  guint characters = 0;
  guint utf16 = 0;
  guint n = 0;

  for (gunichar ch = first; ch <= last; ch += step)
    {
      gsize offset = text->len;

      if (ch == 0 || (ch >= 0xD800 && ch <= 0xDFFF))
        continue;
      g_string_append_unichar (text, ch);
      characters++;
      utf16 += ch > 0xFFFF ? 2 : 1;
      if (test_gsm7_cost (ch) == 0)
        {
          g_array_append_val (absent, ch);
          g_array_append_val (offsets, offset);
        }
    }

  analysis = analyse_ok (text->str, text->len);
  g_assert_cmpuint (herald_sms_analysis_get_characters (analysis), ==, characters);
  g_assert_cmpuint (absent->len, >, 0);
  g_assert_cmpint (herald_sms_analysis_get_encoding (analysis), ==, HERALD_SMS_ENCODING_UCS2);
  g_assert_cmpuint (herald_sms_analysis_get_units (analysis), ==, utf16);

  chars = herald_sms_analysis_get_ucs2_characters (analysis, &n);
  g_assert_cmpuint (n, ==, absent->len);
  for (guint i = 0; i < n; i++)
    {
      gunichar ch = g_array_index (absent, gunichar, i);

      if (chars[i].ch != ch)
        g_error ("character %u not in GSM-7: U+%04X, expected U+%04X", i, chars[i].ch, ch);
      g_assert_cmpuint (chars[i].count, ==, 1);
      g_assert_cmpuint (chars[i].first_offset, ==, g_array_index (offsets, gsize, i));
      g_assert_cmpstr (chars[i].replacement, ==, test_replacement (ch));
    }

  assert_parts_consistent (analysis, text->str);
}

static void
test_analyse_one_byte_range (void)
{
  assert_range_analysed (0x01, 0x7F, 1);
}

static void
test_analyse_two_byte_range (void)
{
  assert_range_analysed (0x80, 0x7FF, 1);
}

/* U+0800..U+FFFF, lead bytes 0xE0..0xEF; 0xE0 is U+0800..U+0FFF
 * (Devanagari, Bengali, Thai …). */
static void
test_analyse_three_byte_range (void)
{
  assert_range_analysed (0x800, 0xFFFF, 1);
}

static void
test_analyse_four_byte_range (void)
{
  assert_range_analysed (0x10000, 0x10FFFF, 0x101);
  assert_range_analysed (0x10FF00, 0x10FFFF, 1);
}

/* नमस: three characters of three bytes each, lead byte 0xE0. */
static void
test_ucs2_devanagari (void)
{
  const char *text = "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8";
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (text, -1);
  const HeraldSmsUcs2Char *chars;
  guint n = 0;

  g_assert_cmpint (herald_sms_analysis_get_encoding (analysis), ==, HERALD_SMS_ENCODING_UCS2);
  g_assert_cmpuint (herald_sms_analysis_get_characters (analysis), ==, 3);
  g_assert_cmpuint (herald_sms_analysis_get_units (analysis), ==, 3);
  g_assert_cmpuint (herald_sms_analysis_get_parts (analysis), ==, 1);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (analysis), ==, 67);

  chars = herald_sms_analysis_get_ucs2_characters (analysis, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (chars[0].ch, ==, 0x0928);
  g_assert_cmpuint (chars[0].first_offset, ==, 0);
  g_assert_cmpuint (chars[1].ch, ==, 0x092E);
  g_assert_cmpuint (chars[1].first_offset, ==, 3);
  g_assert_cmpuint (chars[2].ch, ==, 0x0938);
  g_assert_cmpuint (chars[2].first_offset, ==, 6);
}

/* 71 × न: two parts of 67 and 4 characters, split between characters. */
static void
test_ucs2_devanagari_parts (void)
{
  g_autofree char *text = repeat ("\xE0\xA4\xA8", 71);
  g_autofree char *first = repeat ("\xE0\xA4\xA8", 67);
  g_autofree char *second = repeat ("\xE0\xA4\xA8", 4);
  g_autoptr(HeraldSmsAnalysis) analysis = analyse_ok (text, -1);

  g_assert_cmpuint (herald_sms_analysis_get_characters (analysis), ==, 71);
  g_assert_cmpuint (herald_sms_analysis_get_units (analysis), ==, 71);
  g_assert_cmpuint (herald_sms_analysis_get_parts (analysis), ==, 2);
  g_assert_cmpstr (herald_sms_analysis_get_part (analysis, 0), ==, first);
  g_assert_cmpstr (herald_sms_analysis_get_part (analysis, 1), ==, second);
  g_assert_cmpuint (herald_sms_analysis_get_remaining (analysis), ==, 63);
}

static void
add_indexed (const char    *prefix,
             const char    *name,
             guint          index,
             GTestDataFunc  func)
{
  g_autofree char *path = g_strdup_printf ("%s/%s", prefix, name);

  g_test_add_data_func (path, GUINT_TO_POINTER (index), func);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sms-text/encoding/to-string", test_encoding_to_string);
  g_test_add_func ("/sms-text/error/quark", test_error_quark);
  g_test_add_func ("/sms-text/boxed/type", test_boxed_type);

  g_test_add_func ("/sms-text/empty/nul-terminated", test_empty_nul_terminated);
  g_test_add_func ("/sms-text/empty/explicit-length", test_empty_explicit_length);
  g_test_add_func ("/sms-text/empty/null", test_empty_null);
  g_test_add_func ("/sms-text/length/explicit-stops", test_explicit_length_stops);
  g_test_add_func ("/sms-text/length/too-long", test_too_long);

  for (guint i = 0; i < G_N_ELEMENTS (gsm_default_table); i++)
    {
      g_autofree char *name = g_strdup_printf ("0x%02X", i);

      if (i != GSM_ESC)
        add_indexed ("/sms-text/gsm7/default-table", name, i, test_gsm7_default_char);
    }
  g_test_add_func ("/sms-text/gsm7/default-table/escape-is-not-a-character", test_gsm7_escape_position);
  g_test_add_func ("/sms-text/gsm7/default-table/all-at-once", test_gsm7_whole_table);
  g_test_add_func ("/sms-text/gsm7/every-code-point", test_gsm7_every_code_point);
  g_test_add_func ("/sms-text/analyse/every-one-byte-character", test_analyse_one_byte_range);
  g_test_add_func ("/sms-text/analyse/every-two-byte-character", test_analyse_two_byte_range);
  g_test_add_func ("/sms-text/analyse/every-three-byte-character", test_analyse_three_byte_range);
  g_test_add_func ("/sms-text/analyse/four-byte-characters", test_analyse_four_byte_range);

  for (guint i = 0; i < G_N_ELEMENTS (gsm_extension_table); i++)
    {
      g_autofree char *name = g_strdup_printf ("0x%02X", gsm_extension_table[i].septet);

      add_indexed ("/sms-text/gsm7/extension", name, i, test_gsm7_extension_char);
      add_indexed ("/sms-text/gsm7/extension-at-boundary", name, i, test_gsm7_extension_at_boundary);
      add_indexed ("/sms-text/gsm7/extension-fills-part", name, i, test_gsm7_extension_fills_part);
      add_indexed ("/sms-text/gsm7/extension-at-second-boundary", name, i,
                   test_gsm7_extension_at_second_boundary);
      add_indexed ("/sms-text/gsm7/extension-at-single-limit", name, i,
                   test_gsm7_extension_at_single_limit);
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_gsm7); i++)
    {
      g_autofree char *name = g_strdup_printf ("U+%04X", not_gsm7[i]);

      add_indexed ("/sms-text/gsm7/not-in-alphabet", name, i, test_gsm7_not_in_alphabet);
    }

  for (guint i = 0; i < G_N_ELEMENTS (gsm7_boundaries); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sms-text/gsm7/boundary/%u", gsm7_boundaries[i].copies);

      g_test_add_data_func (path, &gsm7_boundaries[i], test_gsm7_boundary);
    }

  for (guint i = 0; i < G_N_ELEMENTS (ucs2_boundaries); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sms-text/ucs2/boundary/%u", ucs2_boundaries[i].copies);

      g_test_add_data_func (path, &ucs2_boundaries[i], test_ucs2_boundary);
    }

  for (guint i = 0; i < G_N_ELEMENTS (emoji_boundaries); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sms-text/ucs2/emoji-boundary/%u",
                                               emoji_boundaries[i].copies);

      g_test_add_data_func (path, &emoji_boundaries[i], test_ucs2_emoji_boundary);
    }

  g_test_add_func ("/sms-text/ucs2/emoji-at-boundary", test_ucs2_emoji_at_boundary);
  g_test_add_func ("/sms-text/ucs2/emoji-fills-part", test_ucs2_emoji_fills_part);
  g_test_add_func ("/sms-text/ucs2/emoji-at-single-limit", test_ucs2_emoji_at_single_limit);
  g_test_add_func ("/sms-text/ucs2/gsm-text-with-one-emoji", test_ucs2_gsm_text_with_one_emoji);
  g_test_add_func ("/sms-text/ucs2/extension-chars-count-one", test_ucs2_extension_chars_count_one);
  g_test_add_func ("/sms-text/ucs2/devanagari", test_ucs2_devanagari);
  g_test_add_func ("/sms-text/ucs2/devanagari-parts", test_ucs2_devanagari_parts);

  for (guint i = 0; i < G_N_ELEMENTS (count_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sms-text/characters/%u", i);

      g_test_add_data_func (path, &count_cases[i], test_characters_count);
    }

  g_test_add_func ("/sms-text/remaining/counts-down", test_remaining_counts_down);
  g_test_add_func ("/sms-text/remaining/extension-last", test_remaining_extension_last);
  g_test_add_func ("/sms-text/credits/recipients", test_credits);
  g_test_add_func ("/sms-text/credits/overflow", test_credits_overflow);

  g_test_add_func ("/sms-text/parts/concatenate-random", test_parts_concatenate);
  g_test_add_func ("/sms-text/parts/single-is-whole-text", test_parts_single_is_whole_text);
  g_test_add_func ("/sms-text/parts/long-mixed", test_parts_long_mixed);

  g_test_add_func ("/sms-text/ucs2-characters/list", test_ucs2_characters_list);
  g_test_add_func ("/sms-text/ucs2-characters/alternating", test_ucs2_characters_alternating);
  g_test_add_func ("/sms-text/ucs2-characters/neighbours", test_ucs2_characters_neighbours);
  g_test_add_func ("/sms-text/ucs2-characters/none-for-gsm7", test_ucs2_characters_none_for_gsm7);

  for (guint i = 0; i < G_N_ELEMENTS (expected_replacements); i++)
    {
      g_autofree char *name = g_strdup_printf ("U+%04X", expected_replacements[i].ch);

      add_indexed ("/sms-text/replace/table", name, i, test_replace_table_entry);
    }
  g_test_add_func ("/sms-text/replace/none-for-letters", test_replace_no_replacement_for_letters);
  g_test_add_func ("/sms-text/replace/curly-quotes", test_replace_curly_quotes);
  g_test_add_func ("/sms-text/replace/saves-parts", test_replace_saves_parts);
  g_test_add_func ("/sms-text/replace/saves-many-parts", test_replace_saves_many_parts);
  g_test_add_func ("/sms-text/replace/still-ucs2", test_replace_still_ucs2);
  g_test_add_func ("/sms-text/replace/can-cost-parts", test_replace_can_cost_parts);
  g_test_add_func ("/sms-text/replace/removes-invisible", test_replace_removes_invisible);
  g_test_add_func ("/sms-text/replace/only-invisible", test_replace_only_invisible);
  g_test_add_func ("/sms-text/replace/gsm7-unchanged", test_replace_gsm7_unchanged);
  g_test_add_func ("/sms-text/replace/explicit-length", test_replace_explicit_length);
  g_test_add_func ("/sms-text/replace/explicit-length-zero", test_replace_explicit_length_zero);
  g_test_add_func ("/sms-text/replace/invalid-utf8", test_replace_invalid_utf8);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sms-text/invalid-utf8/%s", invalid_cases[i].name);

      g_test_add_data_func (path, &invalid_cases[i], test_invalid_utf8_case);
    }
  g_test_add_func ("/sms-text/invalid-utf8/far-offset", test_invalid_utf8_far_offset);
  g_test_add_func ("/sms-text/invalid-utf8/nul-message", test_invalid_utf8_nul_message);

  return g_test_run ();
}
