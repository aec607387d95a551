/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes RFC 4180 CSV to a GOutputStream: UTF-8, CRLF after every record,
 * a field enclosed in double quotes (with its quotes doubled) when it holds
 * the separator, a quote, a line end, or starts or ends with a space or tab
 * (which a reader that trims would lose) or starts with U+FEFF (which would
 * pass for a byte order mark). Output is buffered; call
 * herald_csv_writer_flush() at the end, or what is buffered is dropped. */

#define HERALD_TYPE_CSV_WRITER (herald_csv_writer_get_type ())

G_DECLARE_FINAL_TYPE (HeraldCsvWriter, herald_csv_writer, HERALD, CSV_WRITER, GObject)

HeraldCsvWriter *herald_csv_writer_new       (GOutputStream      *stream,
                                              char                separator);

gboolean         herald_csv_writer_write_row (HeraldCsvWriter    *self,
                                              const char * const *fields,
                                              gssize              n_fields,
                                              GCancellable       *cancellable,
                                              GError            **error);
gboolean         herald_csv_writer_flush     (HeraldCsvWriter    *self,
                                              GCancellable       *cancellable,
                                              GError            **error);

G_END_DECLS
