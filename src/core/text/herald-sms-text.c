/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-sms-text"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "herald-sms-text.h"

#define GSM7_SINGLE_SEPTETS 160
#define GSM7_MULTI_SEPTETS  153
#define UCS2_SINGLE_UNITS    70
#define UCS2_MULTI_UNITS     67

struct _HeraldSmsAnalysis
{
  gatomicrefcount    ref_count;

  HeraldSmsEncoding  encoding;
  guint              characters;
  guint              units;
  guint              parts;
  guint              per_part;
  guint              remaining;

  HeraldSmsUcs2Char *ucs2;
  guint              n_ucs2;

  /* parts + 1 byte offsets into the text, the last one its length */
  gsize             *part_starts;
  /* the text with a NUL after each part, so parts can be handed out as
   * strings: part i starts at part_starts[i] + i */
  char              *part_buffer;
};

G_DEFINE_BOXED_TYPE (HeraldSmsAnalysis, herald_sms_analysis,
                     herald_sms_analysis_ref, herald_sms_analysis_unref)

G_DEFINE_QUARK (herald-sms-text-error-quark, herald_sms_text_error)

/* Septets of U+0000..U+00FF in GSM-7 (GSM 03.38): 1 for the default
 * alphabet, 2 for the extension table (ESC + character), 0 when absent.
 * The rest of the alphabet is ten Greek capitals and €, handled in
 * herald_sms_text_get_gsm7_septets(). */
static const guint8 gsm7_latin1[256] = {
  /* 0x00 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 1, 0, 0,   /* LF, FF (ext), CR */
  /* 0x10 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  /* 0x20 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* space ! " # $ % & ' ( ) * + , - . / */
  /* 0x30 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* 0-9 : ; < = > ? */
  /* 0x40 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* @ A-O */
  /* 0x50 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 1,   /* P-Z, [ \ ] ^ (ext), _ */
  /* 0x60 */ 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* ` is not GSM-7, a-o */
  /* 0x70 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 0,   /* p-z, { | } ~ (ext) */
  /* 0x80 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  /* 0x90 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  /* 0xA0 */ 0, 1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,   /* ¡ £ ¤ ¥ § */
  /* 0xB0 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,   /* ¿ */
  /* 0xC0 */ 0, 0, 0, 0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0,   /* Ä Å Æ Ç É */
  /* 0xD0 */ 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 1,   /* Ñ Ö Ø Ü ß */
  /* 0xE0 */ 1, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 1, 0, 0, 0,   /* à ä å æ è é ì */
  /* 0xF0 */ 0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 0,   /* ñ ò ö ø ù ü */
};

/* Replacements offered for characters that force UCS-2, sorted by code
 * point for the binary search. Only look-alikes whose meaning survives:
 * typographic quotes, primes and guillemets become ' or ", dashes, minus
 * and bullets -, the ellipsis ..., Unicode spaces and tab a space, line
 * and paragraph separators a newline, invisible characters (zero-width,
 * word joiner, BOM, soft hyphen) nothing, the ohm and increment signs the
 * GSM-7 Greek letters they look like. Letters (á, ç, …) are left alone:
 * changing them would change the words. */
static const struct
{
  gunichar    ch;
  const char *replacement;
} gsm7_replacements[] = {
  { 0x0009, " " },        /* character tabulation */
  { 0x0060, "'" },        /* ` grave accent */
  { 0x00A0, " " },        /* no-break space */
  { 0x00AB, "\"" },       /* « */
  { 0x00AD, "" },         /* soft hyphen */
  { 0x00B4, "'" },        /* ´ acute accent */
  { 0x00BB, "\"" },       /* » */
  { 0x02BC, "'" },        /* ʼ modifier letter apostrophe */
  { 0x2000, " " },        /* en quad */
  { 0x2001, " " },        /* em quad */
  { 0x2002, " " },        /* en space */
  { 0x2003, " " },        /* em space */
  { 0x2004, " " },        /* three-per-em space */
  { 0x2005, " " },        /* four-per-em space */
  { 0x2006, " " },        /* six-per-em space */
  { 0x2007, " " },        /* figure space */
  { 0x2008, " " },        /* punctuation space */
  { 0x2009, " " },        /* thin space */
  { 0x200A, " " },        /* hair space */
  { 0x200B, "" },         /* zero width space */
  { 0x200C, "" },         /* zero width non-joiner */
  { 0x200D, "" },         /* zero width joiner */
  { 0x2010, "-" },        /* hyphen */
  { 0x2011, "-" },        /* non-breaking hyphen */
  { 0x2012, "-" },        /* figure dash */
  { 0x2013, "-" },        /* – en dash */
  { 0x2014, "-" },        /* — em dash */
  { 0x2015, "-" },        /* ― horizontal bar */
  { 0x2018, "'" },        /* ‘ */
  { 0x2019, "'" },        /* ’ */
  { 0x201A, "'" },        /* ‚ */
  { 0x201B, "'" },        /* ‛ */
  { 0x201C, "\"" },       /* “ */
  { 0x201D, "\"" },       /* ” */
  { 0x201E, "\"" },       /* „ */
  { 0x201F, "\"" },       /* ‟ */
  { 0x2022, "-" },        /* • bullet */
  { 0x2023, "-" },        /* ‣ triangular bullet */
  { 0x2024, "." },        /* ․ one dot leader */
  { 0x2026, "..." },      /* … */
  { 0x2028, "\n" },       /* line separator */
  { 0x2029, "\n" },       /* paragraph separator */
  { 0x202F, " " },        /* narrow no-break space */
  { 0x2032, "'" },        /* ′ prime */
  { 0x2033, "\"" },       /* ″ double prime */
  { 0x2039, "'" },        /* ‹ */
  { 0x203A, "'" },        /* › */
  { 0x2043, "-" },        /* ⁃ hyphen bullet */
  { 0x2044, "/" },        /* ⁄ fraction slash */
  { 0x205F, " " },        /* medium mathematical space */
  { 0x2060, "" },         /* word joiner */
  { 0x2126, "\u03A9" },   /* Ω ohm sign → Greek capital omega */
  { 0x2206, "\u0394" },   /* ∆ increment → Greek capital delta */
  { 0x2212, "-" },        /* − minus sign */
  { 0x2215, "/" },        /* ∕ division slash */
  { 0x2219, "-" },        /* ∙ bullet operator */
  { 0x25E6, "-" },        /* ◦ white bullet */
  { 0x3000, " " },        /* ideographic space */
  { 0xFEFF, "" },         /* zero width no-break space (BOM) */
};

guint
herald_sms_text_get_gsm7_septets (gunichar ch)
{
  if (ch < G_N_ELEMENTS (gsm7_latin1))
    return gsm7_latin1[ch];

  switch (ch)
    {
    case 0x0393: /* Γ */
    case 0x0394: /* Δ */
    case 0x0398: /* Θ */
    case 0x039B: /* Λ */
    case 0x039E: /* Ξ */
    case 0x03A0: /* Π */
    case 0x03A3: /* Σ */
    case 0x03A6: /* Φ */
    case 0x03A8: /* Ψ */
    case 0x03A9: /* Ω */
      return 1;

    case 0x20AC: /* € */
      return 2;

    default:
      return 0;
    }
}

const char *
herald_sms_text_get_gsm7_replacement (gunichar ch)
{
  gsize lo = 0;
  gsize hi = G_N_ELEMENTS (gsm7_replacements);

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (gsm7_replacements[mid].ch == ch)
        return gsm7_replacements[mid].replacement;
      if (gsm7_replacements[mid].ch < ch)
        lo = mid + 1;
      else
        hi = mid;
    }

  return NULL;
}

const char *
herald_sms_encoding_to_string (HeraldSmsEncoding encoding)
{
  switch (encoding)
    {
    case HERALD_SMS_ENCODING_GSM7:
      return "GSM-7";
    case HERALD_SMS_ENCODING_UCS2:
      return "UCS-2";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Decodes one character of text already known to be valid UTF-8. */
static inline gunichar
decode_valid (const guchar **pp)
{
  const guchar *p = *pp;
  gunichar ch;

  if (p[0] < 0x80)
    {
      ch = p[0];
      *pp = p + 1;
    }
  else if (p[0] < 0xE0)
    {
      ch = ((gunichar) (p[0] & 0x1F) << 6) | (p[1] & 0x3F);
      *pp = p + 2;
    }
  else if (p[0] < 0xF0)
    {
      ch = ((gunichar) (p[0] & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      *pp = p + 3;
    }
  else
    {
      ch = ((gunichar) (p[0] & 0x07) << 18) | ((gunichar) (p[1] & 0x3F) << 12)
           | ((gunichar) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      *pp = p + 4;
    }

  return ch;
}

/* The public entry points take a NULL @text with @length 0 as "", and a
 * negative @length as "up to the NUL". */
static gsize
text_length (const char **text,
             gssize       length)
{
  if (*text == NULL)
    *text = "";
  return length < 0 ? strlen (*text) : (gsize) length;
}

static gboolean
check_text (const char  *text,
            gsize        length,
            GError     **error)
{
  const char *end;

  if (length > HERALD_SMS_TEXT_MAX_LENGTH)
    {
      g_set_error (error, HERALD_SMS_TEXT_ERROR, HERALD_SMS_TEXT_ERROR_TOO_LONG,
                   _("The text is too long (%lu bytes)"), (gulong) length);
      return FALSE;
    }

  if (g_utf8_validate_len (text, length, &end))
    return TRUE;

  /* A NUL stops validation too; say so, it is not an encoding problem. */
  if (*end == '\0')
    g_set_error (error, HERALD_SMS_TEXT_ERROR, HERALD_SMS_TEXT_ERROR_INVALID_UTF8,
                 _("The text contains a NUL byte at byte offset %lu"),
                 (gulong) (end - text));
  else
    g_set_error (error, HERALD_SMS_TEXT_ERROR, HERALD_SMS_TEXT_ERROR_INVALID_UTF8,
                 _("The text is not valid UTF-8 at byte offset %lu"),
                 (gulong) (end - text));

  return FALSE;
}

typedef struct
{
  GArray     *chars;   /* HeraldSmsUcs2Char */
  GHashTable *index;   /* gunichar → position in chars + 1 */
  gunichar    last_ch; /* the previous one, which often repeats */
  guint       last_pos;
} Ucs2Collector;

static void
ucs2_collector_add (Ucs2Collector *collector,
                    gunichar       ch,
                    gsize          offset)
{
  HeraldSmsUcs2Char entry = { ch, 1, offset, NULL };
  guint found;
  guint pos;

  if (collector->chars == NULL)
    {
      collector->chars = g_array_new (FALSE, FALSE, sizeof (HeraldSmsUcs2Char));
      collector->index = g_hash_table_new (NULL, NULL);
    }
  else if (ch == collector->last_ch)
    {
      g_array_index (collector->chars, HeraldSmsUcs2Char, collector->last_pos).count++;
      return;
    }

  found = GPOINTER_TO_UINT (g_hash_table_lookup (collector->index, GUINT_TO_POINTER (ch)));
  if (found != 0)
    {
      pos = found - 1;
      g_array_index (collector->chars, HeraldSmsUcs2Char, pos).count++;
    }
  else
    {
      entry.replacement = herald_sms_text_get_gsm7_replacement (ch);
      g_array_append_val (collector->chars, entry);
      pos = collector->chars->len - 1;
      g_hash_table_insert (collector->index, GUINT_TO_POINTER (ch), GUINT_TO_POINTER (pos + 1));
    }

  collector->last_ch = ch;
  collector->last_pos = pos;
}

/* First pass: characters, septets, UTF-16 units and the characters that
 * rule GSM-7 out; the encoding follows from the last. */
static void
count_text (HeraldSmsAnalysis *self,
            const char        *text,
            gsize              length)
{
  const guchar *start = (const guchar *) text;
  const guchar *p = start;
  const guchar *end = start + length;
  Ucs2Collector collector = { NULL, NULL, 0, 0 };
  guint characters = 0;
  guint septets = 0;
  guint utf16 = 0;

  while (p < end)
    {
      const guchar *char_start = p;
      gunichar ch;
      guint cost;

      if (*p < 0x80)
        {
          ch = *p++;
          cost = gsm7_latin1[ch];
          utf16++;
        }
      else
        {
          ch = decode_valid (&p);
          cost = herald_sms_text_get_gsm7_septets (ch);
          utf16 += ch > 0xFFFF ? 2 : 1;
        }

      characters++;
      septets += cost;

      if G_UNLIKELY (cost == 0)
        ucs2_collector_add (&collector, ch, char_start - start);
    }

  self->characters = characters;

  if (collector.chars != NULL)
    {
      self->encoding = HERALD_SMS_ENCODING_UCS2;
      self->units = utf16;
      self->n_ucs2 = collector.chars->len;
      self->ucs2 = (HeraldSmsUcs2Char *) (gpointer) g_array_free (collector.chars, FALSE);
      g_hash_table_unref (collector.index);
    }
  else
    {
      self->encoding = HERALD_SMS_ENCODING_GSM7;
      self->units = septets;
    }
}

/* Second pass, for multipart texts: fills each part greedily and starts a
 * new one at the first character that does not fit whole, which keeps
 * escape and surrogate pairs together and needs the fewest parts. */
static GArray *
split_text (HeraldSmsAnalysis *self,
            const char        *text,
            gsize              length,
            guint              limit,
            guint             *last_fill)
{
  const guchar *start = (const guchar *) text;
  const guchar *p = start;
  const guchar *end = start + length;
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize offset = 0;
  guint fill = 0;

  g_array_append_val (starts, offset);

  while (p < end)
    {
      const guchar *char_start = p;
      guint cost;

      if (self->encoding == HERALD_SMS_ENCODING_UCS2)
        {
          /* Only four-byte sequences lie outside the BMP. */
          cost = *p >= 0xF0 ? 2 : 1;
          p += *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        }
      else if (*p < 0x80)
        {
          cost = gsm7_latin1[*p++];
        }
      else
        {
          cost = herald_sms_text_get_gsm7_septets (decode_valid (&p));
        }

      if (fill + cost > limit)
        {
          offset = char_start - start;
          g_array_append_val (starts, offset);
          fill = 0;
        }
      fill += cost;
    }

  g_array_append_val (starts, length);
  *last_fill = fill;

  return starts;
}

static void
build_parts (HeraldSmsAnalysis *self,
             const char        *text,
             gsize              length)
{
  guint single = self->encoding == HERALD_SMS_ENCODING_GSM7 ? GSM7_SINGLE_SEPTETS : UCS2_SINGLE_UNITS;
  guint multi = self->encoding == HERALD_SMS_ENCODING_GSM7 ? GSM7_MULTI_SEPTETS : UCS2_MULTI_UNITS;

  if (self->units == 0)
    {
      self->parts = 0;
      self->per_part = single;
      self->remaining = single;
      return;
    }

  if (self->units <= single)
    {
      self->parts = 1;
      self->per_part = single;
      self->remaining = single - self->units;
      self->part_starts = g_new (gsize, 2);
      self->part_starts[0] = 0;
      self->part_starts[1] = length;
    }
  else
    {
      GArray *starts;
      guint last_fill;

      starts = split_text (self, text, length, multi, &last_fill);
      self->parts = starts->len - 1;
      self->per_part = multi;
      self->remaining = multi - last_fill;
      self->part_starts = (gsize *) (gpointer) g_array_free (starts, FALSE);
    }

  self->part_buffer = g_malloc (length + self->parts);
  for (guint i = 0; i < self->parts; i++)
    {
      gsize from = self->part_starts[i];
      gsize to = self->part_starts[i + 1];

      memcpy (self->part_buffer + from + i, text + from, to - from);
      self->part_buffer[to + i] = '\0';
    }
}

HeraldSmsAnalysis *
herald_sms_analyse (const char  *text,
                    gssize       length,
                    GError     **error)
{
  g_autoptr(HeraldSmsAnalysis) self = NULL;
  gsize len;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = text_length (&text, length);

  if (!check_text (text, len, error))
    return NULL;

  self = g_new0 (HeraldSmsAnalysis, 1);
  g_atomic_ref_count_init (&self->ref_count);

  count_text (self, text, len);
  build_parts (self, text, len);

  return g_steal_pointer (&self);
}

HeraldSmsAnalysis *
herald_sms_analysis_ref (HeraldSmsAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_sms_analysis_unref (HeraldSmsAnalysis *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->ucs2);
      g_free (self->part_starts);
      g_free (self->part_buffer);
      g_free (self);
    }
}

HeraldSmsEncoding
herald_sms_analysis_get_encoding (const HeraldSmsAnalysis *self)
{
  g_return_val_if_fail (self != NULL, HERALD_SMS_ENCODING_GSM7);

  return self->encoding;
}

guint
herald_sms_analysis_get_characters (const HeraldSmsAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->characters;
}

guint
herald_sms_analysis_get_units (const HeraldSmsAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->units;
}

guint
herald_sms_analysis_get_parts (const HeraldSmsAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->parts;
}

guint
herald_sms_analysis_get_per_part (const HeraldSmsAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->per_part;
}

guint
herald_sms_analysis_get_remaining (const HeraldSmsAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->remaining;
}

guint
herald_sms_analysis_get_credits (const HeraldSmsAnalysis *self,
                                 guint                    recipients)
{
  guint credits;

  g_return_val_if_fail (self != NULL, 0);

  if (!g_uint_checked_mul (&credits, self->parts, recipients))
    return G_MAXUINT;

  return credits;
}

const char *
herald_sms_analysis_get_part (const HeraldSmsAnalysis *self,
                              guint                    index)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (index >= self->parts)
    return NULL;

  return self->part_buffer + self->part_starts[index] + index;
}

const HeraldSmsUcs2Char *
herald_sms_analysis_get_ucs2_characters (const HeraldSmsAnalysis *self,
                                         guint                   *n_characters)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_characters != NULL)
    *n_characters = self->n_ucs2;

  return self->ucs2;
}

char *
herald_sms_text_replace_for_gsm7 (const char  *text,
                                  gssize       length,
                                  gint        *parts_saved,
                                  gboolean    *now_gsm7,
                                  GError     **error)
{
  g_autoptr(HeraldSmsAnalysis) before = NULL;
  g_autoptr(HeraldSmsAnalysis) after = NULL;
  const guchar *p;
  const guchar *end;
  const guchar *run;
  GString *out;
  gsize len;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = text_length (&text, length);

  before = herald_sms_analyse (text, len, error);
  if (before == NULL)
    return NULL;

  if (before->n_ucs2 == 0)
    {
      if (parts_saved != NULL)
        *parts_saved = 0;
      if (now_gsm7 != NULL)
        *now_gsm7 = TRUE;
      return g_strndup (text, len);
    }

  /* No replacement is longer in bytes than what it replaces, so the result
   * stays within the length limit. */
  out = g_string_sized_new (len);
  run = p = (const guchar *) text;
  end = p + len;

  while (p < end)
    {
      const guchar *char_start = p;
      const char *replacement;
      gunichar ch;

      if (*p < 0x80 && gsm7_latin1[*p] != 0)
        {
          p++;
          continue;
        }

      ch = decode_valid (&p);
      if (herald_sms_text_get_gsm7_septets (ch) != 0)
        continue;

      replacement = herald_sms_text_get_gsm7_replacement (ch);
      if (replacement == NULL)
        continue;

      g_string_append_len (out, (const char *) run, char_start - run);
      g_string_append (out, replacement);
      run = p;
    }

  g_string_append_len (out, (const char *) run, end - run);

  after = herald_sms_analyse (out->str, out->len, NULL);
  g_assert (after != NULL);

  if (parts_saved != NULL)
    *parts_saved = (gint) before->parts - (gint) after->parts;
  if (now_gsm7 != NULL)
    *now_gsm7 = after->encoding == HERALD_SMS_ENCODING_GSM7;

  return g_string_free (out, FALSE);
}
