/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-vcard-entry.h"

G_BEGIN_DECLS

/* A streaming reader of vCard files as phones and address books export
 * them: vCard 2.1 (Android), 3.0 (iPhone, macOS, Google) and 4.0, several
 * cards a file, one card at a time.
 *
 * - Lines end with CRLF, LF or CR; a line starting with a space or tab
 *   continues the one before (the space or tab is dropped). A UTF-8 byte
 *   order mark and blank lines are skipped.
 * - Property groups ("item1.TEL") are ignored; names and parameters are
 *   case-insensitive; parameters may be 2.1 bare words (TEL;CELL;PREF:),
 *   repeated (type=cell;type=pref) or lists (TYPE="cell,voice").
 * - Values are decoded: ENCODING=QUOTED-PRINTABLE (with its soft line
 *   breaks, a line ending in '='), CHARSET= other than UTF-8 through iconv,
 *   the escapes \n \, \; \\, and "tel:" URIs of 4.0 (VALUE=uri).
 * - Read are FN, N, ORG, NOTE, TEL, EMAIL and VERSION; other properties
 *   (PHOTO included, however long) are skipped without being kept.
 *
 * Errors (HERALD_VCARD_ERROR) name the line of the property or card and
 * say what to do. Text must decode to UTF-8. A property Herald reads may
 * not exceed HERALD_VCARD_READER_MAX_LINE bytes nor a card
 * HERALD_VCARD_READER_MAX_PROPERTIES properties, so memory stays bounded.
 * After an error, a cancellation included, the reader stays failed and
 * returns the same error. */

#define HERALD_VCARD_ERROR        (herald_vcard_error_quark ())
#define HERALD_TYPE_VCARD_READER  (herald_vcard_reader_get_type ())

#define HERALD_VCARD_READER_MAX_LINE       1048576   /* bytes: 1 MiB */
#define HERALD_VCARD_READER_MAX_PROPERTIES 10000

typedef enum
{
  HERALD_VCARD_ERROR_MALFORMED_LINE,     /* not NAME:value */
  HERALD_VCARD_ERROR_OUTSIDE_CARD,       /* a property before BEGIN:VCARD or after END:VCARD */
  HERALD_VCARD_ERROR_NESTED_CARD,        /* BEGIN:VCARD inside a card */
  HERALD_VCARD_ERROR_UNTERMINATED_CARD,  /* the file ends inside a card */
  HERALD_VCARD_ERROR_INVALID_UTF8,       /* text that is not UTF-8 (nor in the CHARSET given) */
  HERALD_VCARD_ERROR_UNKNOWN_CHARSET,
  HERALD_VCARD_ERROR_LINE_TOO_LONG,
  HERALD_VCARD_ERROR_TOO_MANY_PROPERTIES,
} HeraldVcardError;

G_DECLARE_FINAL_TYPE (HeraldVcardReader, herald_vcard_reader, HERALD, VCARD_READER, GObject)

GQuark             herald_vcard_error_quark         (void);

HeraldVcardReader *herald_vcard_reader_new          (GInputStream       *stream);
HeraldVcardReader *herald_vcard_reader_new_for_path (const char         *path,
                                                     GError            **error);

gboolean           herald_vcard_reader_next         (HeraldVcardReader  *self,
                                                     HeraldVcardEntry  **entry,
                                                     GCancellable       *cancellable,
                                                     GError            **error);

G_END_DECLS
