/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A streaming reader of comma-separated values as RFC 4180 describes them,
 * and as spreadsheets actually write them:
 *
 * - fields may be enclosed in double quotes; inside them a doubled quote
 *   stands for one, and separators and line ends are ordinary text (line
 *   ends are kept as written);
 * - records end with CRLF, LF or a lone CR; the last one needs no line end;
 * - empty lines are skipped (a line holding only "" is a record with one
 *   empty field, not an empty line);
 * - a UTF-8 byte order mark at the start is skipped;
 * - the separator is ',' ';' or tab: the one found most often outside quotes
 *   in the first record (the header), ',' when there is a tie or none. A
 *   caller that knows better sets it with herald_csv_reader_set_separator().
 *
 * The text must be UTF-8. Invalid UTF-8 (or a NUL byte) is an error naming
 * the line and column rather than a guess at a legacy encoding: the reader
 * streams, so it would only find out partway through a file, and
 * Windows-1252, Latin-1 and the other code pages cannot be told apart from
 * the bytes; whereas a person fixes the file by saving it as "CSV UTF-8".
 *
 * Memory stays bounded whatever the input: a field longer than
 * HERALD_CSV_READER_MAX_FIELD bytes or a record with more than
 * HERALD_CSV_READER_MAX_FIELDS fields is an error. Every error names the
 * physical line (counted from 1; a line end inside a quoted field starts a
 * new line) and the column (in characters, from 1) and says what to do.
 * After an error the reader stays failed and returns the same error; only a
 * cancellation leaves it able to go on with the next record.
 *
 * The fields handed out belong to the reader and live until the next call:
 * reading a record allocates nothing.
 */

#define HERALD_CSV_ERROR        (herald_csv_error_quark ())
#define HERALD_TYPE_CSV_READER  (herald_csv_reader_get_type ())

#define HERALD_CSV_READER_MAX_FIELD  65536   /* bytes: 64 KiB */
#define HERALD_CSV_READER_MAX_FIELDS 1000

typedef enum
{
  HERALD_CSV_ERROR_BAD_QUOTE,          /* a quote in an unquoted field, or text after a closing quote */
  HERALD_CSV_ERROR_UNTERMINATED_QUOTE, /* the file ends inside a quoted field */
  HERALD_CSV_ERROR_INVALID_UTF8,       /* not UTF-8 text, or a NUL byte */
  HERALD_CSV_ERROR_FIELD_TOO_LONG,
  HERALD_CSV_ERROR_TOO_MANY_FIELDS,
} HeraldCsvError;

G_DECLARE_FINAL_TYPE (HeraldCsvReader, herald_csv_reader, HERALD, CSV_READER, GObject)

GQuark           herald_csv_error_quark          (void);

HeraldCsvReader *herald_csv_reader_new           (GInputStream     *stream);
HeraldCsvReader *herald_csv_reader_new_for_path  (const char       *path,
                                                  GError          **error);

void             herald_csv_reader_set_separator (HeraldCsvReader  *self,
                                                  char              separator);
char             herald_csv_reader_get_separator (HeraldCsvReader  *self);
void             herald_csv_reader_set_trim      (HeraldCsvReader  *self,
                                                  gboolean          trim);

gboolean         herald_csv_reader_next          (HeraldCsvReader      *self,
                                                  const char * const  **fields,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
guint            herald_csv_reader_get_line      (HeraldCsvReader  *self);

G_END_DECLS
