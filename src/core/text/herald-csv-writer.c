/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-csv"

#include "config.h"

#include <string.h>

#include "herald-csv-writer.h"

/* Written to the stream whenever this much is buffered. */
#define FLUSH_SIZE 65536

struct _HeraldCsvWriter
{
  GObject        parent_instance;

  GOutputStream *stream;
  GString       *buffer;
  char           separator;
};

G_DEFINE_FINAL_TYPE (HeraldCsvWriter, herald_csv_writer, G_TYPE_OBJECT)

static void
herald_csv_writer_finalize (GObject *object)
{
  HeraldCsvWriter *self = (HeraldCsvWriter *) object;

  /* What was never flushed is dropped: an export that failed or was
   * cancelled half-way must not write its tail on the way out. */
  g_clear_object (&self->stream);
  g_string_free (self->buffer, TRUE);

  G_OBJECT_CLASS (herald_csv_writer_parent_class)->finalize (object);
}

static void
herald_csv_writer_class_init (HeraldCsvWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = herald_csv_writer_finalize;
}

static void
herald_csv_writer_init (HeraldCsvWriter *self)
{
  self->buffer = g_string_sized_new (FLUSH_SIZE + 1024);
  self->separator = ',';
}

/**
 * herald_csv_writer_new:
 * @stream: where the CSV text goes
 * @separator: ',', ';' or '\t'
 *
 * Returns: (transfer full): a writer to @stream, which it keeps a reference to
 */
HeraldCsvWriter *
herald_csv_writer_new (GOutputStream *stream,
                       char           separator)
{
  HeraldCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);
  g_return_val_if_fail (separator == ',' || separator == ';' || separator == '\t', NULL);

  self = g_object_new (HERALD_TYPE_CSV_WRITER, NULL);
  self->stream = g_object_ref (stream);
  self->separator = separator;

  return self;
}

static gboolean
needs_quotes (const char *field,
              gsize       len,
              char        separator)
{
  if (len == 0)
    return FALSE;

  if (field[0] == ' ' || field[0] == '\t' || field[len - 1] == ' ' || field[len - 1] == '\t')
    return TRUE;

  /* U+FEFF opening the file would be taken for a byte order mark. */
  if (g_str_has_prefix (field, "\xEF\xBB\xBF"))
    return TRUE;

  for (gsize i = 0; i < len; i++)
    if (field[i] == separator || field[i] == '"' || field[i] == '\r' || field[i] == '\n')
      return TRUE;

  return FALSE;
}

static void
append_field (HeraldCsvWriter *self,
              const char      *field)
{
  gsize len;

  if (field == NULL)
    return;

  len = strlen (field);
  if (!needs_quotes (field, len, self->separator))
    {
      g_string_append_len (self->buffer, field, len);
      return;
    }

  g_string_append_c (self->buffer, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->buffer, '"');
      g_string_append_c (self->buffer, *p);
    }
  g_string_append_c (self->buffer, '"');
}

/**
 * herald_csv_writer_flush:
 * @self: a #HeraldCsvWriter
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GIOErrorEnum error
 *
 * Writes what is buffered to the stream and flushes it. The stream stays
 * open.
 *
 * Returns: %TRUE on success
 */
gboolean
herald_csv_writer_flush (HeraldCsvWriter  *self,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_return_val_if_fail (HERALD_IS_CSV_WRITER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->buffer->len > 0)
    {
      gboolean ok = g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                               NULL, cancellable, error);

      /* Whatever happened, the bytes are not written twice. */
      g_string_truncate (self->buffer, 0);
      if (!ok)
        return FALSE;
    }

  return g_output_stream_flush (self->stream, cancellable, error);
}

/**
 * herald_csv_writer_write_row:
 * @self: a #HeraldCsvWriter
 * @fields: (array length=n_fields): UTF-8 fields; %NULL ones are written empty
 * @n_fields: how many, or -1 if @fields ends with %NULL
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GIOErrorEnum error
 *
 * Adds one record. It reaches the stream once enough is buffered, or at
 * herald_csv_writer_flush().
 *
 * Returns: %TRUE on success
 */
gboolean
herald_csv_writer_write_row (HeraldCsvWriter     *self,
                             const char * const  *fields,
                             gssize               n_fields,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_return_val_if_fail (HERALD_IS_CSV_WRITER (self), FALSE);
  g_return_val_if_fail (fields != NULL || n_fields == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_fields < 0)
    n_fields = g_strv_length ((char **) fields);

  for (gssize i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (self->buffer, self->separator);
      append_field (self, fields[i]);
    }

  /* A record of one empty field would read back as an empty line, which
   * readers skip: quote it so that it survives. */
  if (n_fields == 1 && (fields[0] == NULL || fields[0][0] == '\0'))
    g_string_append (self->buffer, "\"\"");

  g_string_append (self->buffer, "\r\n");

  if (self->buffer->len < FLUSH_SIZE)
    return TRUE;

  if (!g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                  NULL, cancellable, error))
    {
      g_string_truncate (self->buffer, 0);
      return FALSE;
    }
  g_string_truncate (self->buffer, 0);

  return TRUE;
}
