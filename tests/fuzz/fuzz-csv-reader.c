/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Feeds arbitrary bytes to HeraldCsvReader. Besides not crashing, checks a
 * property: every record read, written back with HeraldCsvWriter and read
 * again, comes back the same. */
#include <stdint.h>
#include <stdlib.h>
#include <gio/gio.h>

#include "text/herald-csv-reader.h"
#include "text/herald-csv-writer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static GPtrArray *
read_records (GInputStream *stream,
              char          separator)
{
  g_autoptr(HeraldCsvReader) reader = herald_csv_reader_new (stream);
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  const char * const *fields;

  herald_csv_reader_set_separator (reader, separator);
  while (herald_csv_reader_next (reader, &fields, NULL, &error))
    {
      g_assert (fields[0] != NULL);
      g_assert (herald_csv_reader_get_line (reader) > 0);
      g_ptr_array_add (records, g_strdupv ((char **) fields));
    }

  if (error != NULL)
    {
      /* Errors are for people: they say where. */
      g_assert (error->message != NULL && error->message[0] != '\0');
      g_ptr_array_set_size (records, 0);
    }

  return records;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GPtrArray) records = read_records (stream, 0);
  g_autoptr(GOutputStream) output = NULL;
  g_autoptr(HeraldCsvWriter) writer = NULL;
  g_autoptr(GInputStream) again = NULL;
  g_autoptr(GPtrArray) reread = NULL;

  if (records->len == 0)
    return 0;

  output = g_memory_output_stream_new_resizable ();
  writer = herald_csv_writer_new (output, ',');
  for (guint i = 0; i < records->len; i++)
    if (!herald_csv_writer_write_row (writer, g_ptr_array_index (records, i), -1, NULL, NULL))
      abort ();
  if (!herald_csv_writer_flush (writer, NULL, NULL) || !g_output_stream_close (output, NULL, NULL))
    abort ();

  again = g_memory_input_stream_new_from_data (
    g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (output)),
    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output)), NULL);
  reread = read_records (again, ',');

  if (reread->len != records->len)
    abort ();
  for (guint i = 0; i < records->len; i++)
    if (!g_strv_equal (g_ptr_array_index (records, i), g_ptr_array_index (reread, i)))
      abort ();

  return 0;
}
