/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a text costs as an SMS, counted as 3GPP TS 23.038/23.040 and
 * handsets count it:
 *
 * - Encoding: GSM-7 when every character is in the GSM 03.38 default
 *   alphabet or its extension table (form feed ^ { } \ [ ~ ] | €, two
 *   septets each: ESC + character), otherwise UCS-2. National language
 *   shift tables are not used.
 * - Units: septets for GSM-7, UTF-16 code units for UCS-2 (a character
 *   outside the BMP is a surrogate pair, two units).
 * - Parts: one part holds 160 septets / 70 units; a longer text is split
 *   into parts of at most 153 septets / 67 units. An escape pair or a
 *   surrogate pair is never split, so such a part may hold one unit less.
 * - The empty text is GSM-7 with 0 characters, 0 units, 0 parts, 160 per
 *   part and 160 remaining.
 *
 * Input is UTF-8; invalid UTF-8, including a NUL byte inside an explicit
 * length, is a HERALD_SMS_TEXT_ERROR_INVALID_UTF8 error whose message gives
 * the byte offset of the offending sequence. */

#define HERALD_SMS_TEXT_ERROR (herald_sms_text_error_quark ())

typedef enum
{
  HERALD_SMS_TEXT_ERROR_INVALID_UTF8,
  HERALD_SMS_TEXT_ERROR_TOO_LONG,
} HeraldSmsTextError;

/* Longest text accepted, in bytes: keeps every count within a guint. */
#define HERALD_SMS_TEXT_MAX_LENGTH ((gsize) (G_MAXUINT / 2))

typedef enum
{
  HERALD_SMS_ENCODING_GSM7,
  HERALD_SMS_ENCODING_UCS2,
} HeraldSmsEncoding;

/* A character that forces UCS-2. @replacement is GSM-7 text to use instead
 * ("" means remove it), or NULL when there is no sensible one. */
typedef struct
{
  gunichar    ch;
  guint       count;
  gsize       first_offset;   /* in bytes, into the analysed text */
  const char *replacement;
} HeraldSmsUcs2Char;

#define HERALD_TYPE_SMS_ANALYSIS (herald_sms_analysis_get_type ())

/* Immutable, reference counted, safe to share between threads. */
typedef struct _HeraldSmsAnalysis HeraldSmsAnalysis;

GQuark                   herald_sms_text_error_quark             (void);
GType                    herald_sms_analysis_get_type            (void) G_GNUC_CONST;

/* @length in bytes, or -1 if @text is NUL-terminated; @text may be NULL
 * when @length is 0. Returns NULL and sets @error on invalid input. */
HeraldSmsAnalysis       *herald_sms_analyse                      (const char              *text,
                                                                  gssize                   length,
                                                                  GError                 **error);
HeraldSmsAnalysis       *herald_sms_analysis_ref                 (HeraldSmsAnalysis       *self);
void                     herald_sms_analysis_unref               (HeraldSmsAnalysis       *self);

HeraldSmsEncoding        herald_sms_analysis_get_encoding        (const HeraldSmsAnalysis *self);
/* Unicode code points. */
guint                    herald_sms_analysis_get_characters      (const HeraldSmsAnalysis *self);
/* Septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text. */
guint                    herald_sms_analysis_get_units           (const HeraldSmsAnalysis *self);
guint                    herald_sms_analysis_get_parts           (const HeraldSmsAnalysis *self);
/* Capacity of a part: 160/70 for zero or one part, 153/67 beyond. */
guint                    herald_sms_analysis_get_per_part        (const HeraldSmsAnalysis *self);
/* Units still free in the last part before another part is needed. */
guint                    herald_sms_analysis_get_remaining       (const HeraldSmsAnalysis *self);
/* parts × recipients; G_MAXUINT if that overflows. */
guint                    herald_sms_analysis_get_credits         (const HeraldSmsAnalysis *self,
                                                                  guint                    recipients);
/* The exact text of part @index (NUL-terminated, owned by @self), or NULL
 * past the last part. The parts concatenated are the analysed text. */
const char              *herald_sms_analysis_get_part            (const HeraldSmsAnalysis *self,
                                                                  guint                    index);
/* Distinct characters forcing UCS-2, in order of first appearance; empty
 * (NULL, 0) exactly when the encoding is GSM-7. Owned by @self. */
const HeraldSmsUcs2Char *herald_sms_analysis_get_ucs2_characters (const HeraldSmsAnalysis *self,
                                                                  guint                   *n_characters);

/* Septets @ch costs in GSM-7: 1 (default alphabet), 2 (extension), 0 (none). */
guint                    herald_sms_text_get_gsm7_septets        (gunichar                 ch);
/* The GSM-7 replacement offered for @ch, "" for "remove", NULL if none.
 * The table (typographic quotes, dashes, ellipsis, Unicode spaces,
 * invisible characters, bullets, guillemets, …) is in herald-sms-text.c;
 * letters are never replaced. */
const char              *herald_sms_text_get_gsm7_replacement    (gunichar                 ch);

/* Applies every replacement of herald_sms_text_get_gsm7_replacement() to
 * @text. @parts_saved receives parts before − parts after, which is
 * negative when replacements lengthen a text (70 × … → 210 dots);
 * @now_gsm7 whether the result is pure GSM-7. Both may be NULL. The result
 * is never longer in bytes than @text. */
char                    *herald_sms_text_replace_for_gsm7        (const char              *text,
                                                                  gssize                   length,
                                                                  gint                    *parts_saved,
                                                                  gboolean                *now_gsm7,
                                                                  GError                 **error);

/* "GSM-7" or "UCS-2". */
const char              *herald_sms_encoding_to_string           (HeraldSmsEncoding        encoding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldSmsAnalysis, herald_sms_analysis_unref)

G_END_DECLS
