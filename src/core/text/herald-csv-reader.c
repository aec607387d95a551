/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-csv"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "herald-csv-reader.h"
#include "herald-text-input-private.h"

/* The input's chunk (HERALD_TEXT_INPUT_CHUNK) is also how much of the header
 * the separator detection looks at. */
#define fail(self, error, code, ...) \
  herald_text_input_fail (&(self)->in, (error), HERALD_CSV_ERROR, (code), __VA_ARGS__)

typedef enum
{
  STATE_RECORD_START,    /* between records: line ends here are empty lines */
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTED_QUOTE,    /* after a quote inside a quoted field: its end, or half of "" */
} State;

struct _HeraldCsvReader
{
  GObject       parent_instance;

  HeraldTextInput in;

  char          separator;
  gboolean      trim;
  guint8        special[256]; /* bytes the fast path must not copy blindly */

  State         state;

  /* Position of the last byte consumed. */
  guint         line;
  guint         column;
  gboolean      after_cr;

  /* UTF-8 is checked byte by byte, across buffer boundaries. */
  guint         utf8_need;
  guint8        utf8_lower;
  guint8        utf8_upper;
  guint         utf8_line;
  guint         utf8_column;

  /* The record being read: its fields one after another, each ended by a
   * NUL, and where each starts; then the pointers handed out. */
  GString      *record;
  GArray       *field_starts;
  GPtrArray    *fields;
  gsize         field_start;
  guint         field_line;
  guint         field_column;
  guint         record_line;
  guint         last_line;
};

G_DEFINE_FINAL_TYPE (HeraldCsvReader, herald_csv_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (herald-csv-error-quark, herald_csv_error)

static void
herald_csv_reader_finalize (GObject *object)
{
  HeraldCsvReader *self = (HeraldCsvReader *) object;

  herald_text_input_clear (&self->in);
  g_string_free (self->record, TRUE);
  g_array_unref (self->field_starts);
  g_ptr_array_unref (self->fields);

  G_OBJECT_CLASS (herald_csv_reader_parent_class)->finalize (object);
}

static void
herald_csv_reader_class_init (HeraldCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = herald_csv_reader_finalize;
}

static void
herald_csv_reader_init (HeraldCsvReader *self)
{
  self->record = g_string_sized_new (256);
  self->field_starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 16);
  self->fields = g_ptr_array_sized_new (17);
  self->line = 1;
}

/**
 * herald_csv_reader_new:
 * @stream: the CSV text
 *
 * Returns: (transfer full): a reader of @stream, which it keeps a reference to
 */
HeraldCsvReader *
herald_csv_reader_new (GInputStream *stream)
{
  HeraldCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (HERALD_TYPE_CSV_READER, NULL);
  herald_text_input_init (&self->in, stream);

  return self;
}

/**
 * herald_csv_reader_new_for_path:
 * @path: a file name
 * @error: return location for a #GIOErrorEnum error
 *
 * Opens @path for reading.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL if the file
 *   cannot be opened
 */
HeraldCsvReader *
herald_csv_reader_new_for_path (const char  *path,
                                GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = herald_text_input_open (path, error);

  return stream != NULL ? herald_csv_reader_new (stream) : NULL;
}

/**
 * herald_csv_reader_set_separator:
 * @self: a #HeraldCsvReader
 * @separator: ',', ';' or '\t'; 0 to detect it from the header
 *
 * Sets the separator instead of detecting it. Only has an effect before the
 * first call to herald_csv_reader_next().
 */
void
herald_csv_reader_set_separator (HeraldCsvReader *self,
                                 char             separator)
{
  g_return_if_fail (HERALD_IS_CSV_READER (self));
  g_return_if_fail (separator == 0 || separator == ',' || separator == ';' || separator == '\t');

  if (!self->in.started)
    self->separator = separator;
}

/**
 * herald_csv_reader_set_trim:
 * @self: a #HeraldCsvReader
 * @trim: whether to remove white space around every field
 *
 * RFC 4180 keeps the spaces around a field; a person typing a table seldom
 * means them. With @trim, leading and trailing ASCII white space (line ends
 * inside quotes included) is removed from every field. Off by default.
 */
void
herald_csv_reader_set_trim (HeraldCsvReader *self,
                            gboolean         trim)
{
  g_return_if_fail (HERALD_IS_CSV_READER (self));

  self->trim = !!trim;
}

/**
 * herald_csv_reader_get_separator:
 * @self: a #HeraldCsvReader
 *
 * Returns: the separator in use; 0 before the first record was read unless
 *   one was set
 */
char
herald_csv_reader_get_separator (HeraldCsvReader *self)
{
  g_return_val_if_fail (HERALD_IS_CSV_READER (self), 0);

  return self->separator;
}

/**
 * herald_csv_reader_get_line:
 * @self: a #HeraldCsvReader
 *
 * Returns: the physical line (from 1) where the record last returned by
 *   herald_csv_reader_next() starts, or 0 before the first one
 */
guint
herald_csv_reader_get_line (HeraldCsvReader *self)
{
  g_return_val_if_fail (HERALD_IS_CSV_READER (self), 0);

  return self->last_line;
}

/* Scans @data from *@pos for the end of the first record: a line end
 * outside quotes after any empty lines. Incremental, so that a stream
 * handing out a byte at a time costs no more than one reading it whole. */
static gboolean
find_first_record_end (const guint8 *data,
                       gsize         len,
                       gsize        *pos,
                       gboolean     *in_quotes,
                       gboolean     *in_record)
{
  for (; *pos < len; (*pos)++)
    {
      guint8 b = data[*pos];

      if (b == '"')
        *in_quotes = !*in_quotes;
      else if (*in_quotes)
        continue;
      else if (b == '\r' || b == '\n')
        {
          if (*in_record)
            return TRUE;
          continue;
        }
      *in_record = TRUE;
    }

  return FALSE;
}

/* Counts ',' ';' and tab outside quotes in the first record and takes the
 * most frequent. */
static char
detect_separator (const guint8 *data,
                  gsize         len)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean in_quotes = FALSE;
  gboolean in_record = FALSE;
  gsize end = 0;
  char best = ',';
  guint best_count = 0;

  find_first_record_end (data, len, &end, &in_quotes, &in_record);
  in_quotes = FALSE;

  for (gsize i = 0; i < end; i++)
    {
      if (data[i] == '"')
        in_quotes = !in_quotes;
      else if (!in_quotes)
        for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
          if (data[i] == (guint8) candidates[c])
            counts[c]++;
    }

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    if (counts[c] > best_count)
      {
        best = candidates[c];
        best_count = counts[c];
      }

  return best;
}

/* Where the scan of the header for its end has got to. */
typedef struct
{
  gsize    scanned;
  gboolean in_quotes;
  gboolean in_record;
} HeaderScan;

static gboolean
header_read (const guint8 *data,
             gsize         len,
             gpointer      user_data)
{
  HeaderScan *scan = user_data;

  return find_first_record_end (data, len, &scan->scanned, &scan->in_quotes, &scan->in_record);
}

static gboolean
start_reading (HeraldCsvReader  *self,
               GCancellable     *cancellable,
               GError          **error)
{
  HeaderScan scan = { 0, FALSE, FALSE };

  /* Enough of the file to see the byte order mark and the header (or the
   * first chunk of it). */
  if (!herald_text_input_start (&self->in, header_read, &scan, cancellable, error))
    return FALSE;

  if (self->separator == 0)
    self->separator = detect_separator (self->in.buffer + self->in.pos, self->in.len - self->in.pos);

  /* Everything but plain printable ASCII goes through the slow path. */
  for (guint b = 0; b < 256; b++)
    self->special[b] = b < 0x20 || b >= 0x80;
  self->special['\t'] = FALSE;
  self->special['"'] = TRUE;
  self->special[(guint8) self->separator] = TRUE;

  return TRUE;
}

static gboolean
fail_invalid_utf8 (HeraldCsvReader  *self,
                   guint             line,
                   guint             column,
                   GError          **error)
{
  return fail (self, error, HERALD_CSV_ERROR_INVALID_UTF8,
               _("Line %u, column %u: the file is not UTF-8 text. "
                 "Save it again as “CSV UTF-8” (or choose the UTF-8 encoding) and import that."),
               line, column);
}

static gboolean
begin_field (HeraldCsvReader  *self,
             GError          **error)
{
  if (self->field_starts->len >= HERALD_CSV_READER_MAX_FIELDS)
    return fail (self, error, HERALD_CSV_ERROR_TOO_MANY_FIELDS,
                 _("Line %u, column %u: the record starting on line %u has more than %u fields. "
                   "Check that the file is a table of contacts and that its quotes are balanced."),
                 self->line, self->column, self->record_line, HERALD_CSV_READER_MAX_FIELDS);

  self->field_start = self->record->len;
  self->field_line = self->line;
  self->field_column = self->column;
  g_array_append_val (self->field_starts, self->field_start);

  return TRUE;
}

static inline void
end_field (HeraldCsvReader *self)
{
  g_string_append_c (self->record, '\0');
}

static inline gboolean
check_field_length (HeraldCsvReader  *self,
                    GError          **error)
{
  if (G_LIKELY (self->record->len - self->field_start <= HERALD_CSV_READER_MAX_FIELD))
    return TRUE;

  return fail (self, error, HERALD_CSV_ERROR_FIELD_TOO_LONG,
               _("Line %u, column %u: the field starting here is longer than %u KiB. "
                 "Check that the file is a table of contacts and that its quotes are balanced."),
               self->field_line, self->field_column, HERALD_CSV_READER_MAX_FIELD / 1024);
}

/* Updates the position and the UTF-8 check for one byte the slow path
 * consumes. */
static inline gboolean
consume_byte (HeraldCsvReader  *self,
              guint8            b,
              GError          **error)
{
  if (b == '\n')
    {
      if (!self->after_cr)
        self->line++;
      self->column = 0;
      self->after_cr = FALSE;
    }
  else if (b == '\r')
    {
      self->line++;
      self->column = 0;
      self->after_cr = TRUE;
    }
  else
    {
      if ((b & 0xC0) != 0x80)
        self->column++;
      self->after_cr = FALSE;
    }

  if (self->utf8_need > 0)
    {
      if (b < self->utf8_lower || b > self->utf8_upper)
        return fail_invalid_utf8 (self, self->utf8_line, self->utf8_column, error);
      self->utf8_need--;
      self->utf8_lower = 0x80;
      self->utf8_upper = 0xBF;
      return TRUE;
    }

  if (b < 0x80)
    {
      if (G_UNLIKELY (b == 0))
        return fail (self, error, HERALD_CSV_ERROR_INVALID_UTF8,
                     _("Line %u, column %u: the file holds a NUL byte, which text never does. "
                       "Check that it is a CSV file saved as text."),
                     self->line, self->column);
      return TRUE;
    }

  /* The well-formed sequences of Unicode 15, table 3-7. */
  self->utf8_lower = 0x80;
  self->utf8_upper = 0xBF;
  if (b >= 0xC2 && b <= 0xDF)
    self->utf8_need = 1;
  else if (b >= 0xE0 && b <= 0xEF)
    {
      self->utf8_need = 2;
      if (b == 0xE0)
        self->utf8_lower = 0xA0;
      else if (b == 0xED)
        self->utf8_upper = 0x9F;
    }
  else if (b >= 0xF0 && b <= 0xF4)
    {
      self->utf8_need = 3;
      if (b == 0xF0)
        self->utf8_lower = 0x90;
      else if (b == 0xF4)
        self->utf8_upper = 0x8F;
    }
  else
    return fail_invalid_utf8 (self, self->line,
                              (b & 0xC0) == 0x80 ? self->column + 1 : self->column, error);

  self->utf8_line = self->line;
  self->utf8_column = self->column;

  return TRUE;
}

/* Points self->fields into the record; the next record reuses both. */
static void
finish_record (HeraldCsvReader *self)
{
  guint n = self->field_starts->len;

  g_ptr_array_set_size (self->fields, 0);
  for (guint i = 0; i < n; i++)
    {
      char *field = self->record->str + g_array_index (self->field_starts, gsize, i);

      /* In place: the buffer is the reader's own and rewritten next time. */
      if (self->trim)
        field = g_strstrip (field);
      g_ptr_array_add (self->fields, field);
    }
  g_ptr_array_add (self->fields, NULL);

  self->last_line = self->record_line;
}

static inline gboolean
append_byte (HeraldCsvReader  *self,
             guint8            b,
             GError          **error)
{
  g_string_append_c (self->record, (char) b);

  return check_field_length (self, error);
}

/* A separator or a line end: the field ends, and with a line end the
 * record too. */
static inline void
end_field_at (HeraldCsvReader *self,
              guint8           b,
              gboolean        *got_record)
{
  end_field (self);

  if (b == '\r' || b == '\n')
    {
      self->state = STATE_RECORD_START;
      *got_record = TRUE;
    }
  else
    self->state = STATE_FIELD_START;
}

static inline gboolean
is_field_end (HeraldCsvReader *self,
              guint8           b)
{
  return b == (guint8) self->separator || b == '\r' || b == '\n';
}

/* One byte through the state machine (the slow path). */
static gboolean
step (HeraldCsvReader  *self,
      guint8            b,
      gboolean         *got_record,
      GError          **error)
{
  if (!consume_byte (self, b, error))
    return FALSE;

  switch (self->state)
    {
    case STATE_RECORD_START:
      if (b == '\r' || b == '\n')
        return TRUE;
      self->record_line = self->line;
      self->state = STATE_FIELD_START;
      G_GNUC_FALLTHROUGH;

    case STATE_FIELD_START:
      if (!begin_field (self, error))
        return FALSE;
      if (b == '"')
        self->state = STATE_QUOTED;
      else if (is_field_end (self, b))
        end_field_at (self, b, got_record);
      else
        {
          self->state = STATE_UNQUOTED;
          return append_byte (self, b, error);
        }
      return TRUE;

    case STATE_UNQUOTED:
      if (is_field_end (self, b))
        end_field_at (self, b, got_record);
      else if (b == '"')
        return fail (self, error, HERALD_CSV_ERROR_BAD_QUOTE,
                     _("Line %u, column %u: a quote mark inside a field that does not start with one. "
                       "Enclose the whole field in quotes and write the quote mark twice (\"\")."),
                     self->line, self->column);
      else
        return append_byte (self, b, error);
      return TRUE;

    case STATE_QUOTED:
      if (b == '"')
        {
          self->state = STATE_QUOTED_QUOTE;
          return TRUE;
        }
      return append_byte (self, b, error);

    case STATE_QUOTED_QUOTE:
      if (b == '"')
        {
          self->state = STATE_QUOTED;
          return append_byte (self, b, error);
        }
      if (is_field_end (self, b))
        {
          end_field_at (self, b, got_record);
          return TRUE;
        }
      return fail (self, error, HERALD_CSV_ERROR_BAD_QUOTE,
                   _("Line %u, column %u: text follows the closing quote of a field. "
                     "Put the separator right after the closing quote, "
                     "or write a quote mark that is part of the text twice (\"\")."),
                   self->line, self->column);

    default:
      g_assert_not_reached ();
    }
}

/* The fast path: copies the run of printable ASCII that starts at @p inside
 * a field, and returns where it ends. */
static inline const guint8 *
copy_run (HeraldCsvReader  *self,
          const guint8     *p,
          const guint8     *end)
{
  const guint8 *run = p;

  while (p < end && !self->special[*p])
    p++;
  g_string_append_len (self->record, (const char *) run, p - run);
  self->column += p - run;
  self->after_cr = FALSE;

  return p;
}

/* The input has ended: the record in progress, if any, ends too. */
static gboolean
finish_input (HeraldCsvReader  *self,
              gboolean         *got_record,
              GError          **error)
{
  if (self->utf8_need > 0)
    return fail_invalid_utf8 (self, self->utf8_line, self->utf8_column, error);

  switch (self->state)
    {
    case STATE_RECORD_START:
      return TRUE;

    case STATE_FIELD_START:
      /* "a,b," on the last line: the record ends with an empty field. */
      if (!begin_field (self, error))
        return FALSE;
      G_GNUC_FALLTHROUGH;

    case STATE_UNQUOTED:
    case STATE_QUOTED_QUOTE:
      end_field (self);
      self->state = STATE_RECORD_START;
      *got_record = TRUE;
      return TRUE;

    case STATE_QUOTED:
      return fail (self, error, HERALD_CSV_ERROR_UNTERMINATED_QUOTE,
                   _("Line %u, column %u: the quoted field that starts here is never closed. "
                     "Add the missing closing quote mark (\")."),
                   self->field_line, self->field_column);

    default:
      g_assert_not_reached ();
    }
}

/* Runs the state machine until a record is complete (*@got_record), the
 * input ends between records, or something is wrong (FALSE). */
static gboolean
read_record (HeraldCsvReader  *self,
             gboolean         *got_record,
             GCancellable     *cancellable,
             GError          **error)
{
  *got_record = FALSE;
  g_ptr_array_set_size (self->fields, 0);

  /* Unless a cancelled read interrupted a record, start afresh. */
  if (self->state == STATE_RECORD_START)
    {
      g_string_truncate (self->record, 0);
      g_array_set_size (self->field_starts, 0);
    }

  for (;;)
    {
      const guint8 *p;
      const guint8 *end;

      if (self->in.pos == self->in.len)
        {
          if (!herald_text_input_fill (&self->in, cancellable, error))
            return FALSE;
          if (self->in.pos == self->in.len)
            return finish_input (self, got_record, error);
        }

      p = self->in.buffer + self->in.pos;
      end = self->in.buffer + self->in.len;

      while (p < end && !*got_record)
        {
          if ((self->state == STATE_UNQUOTED || self->state == STATE_QUOTED) &&
              self->utf8_need == 0 && !self->special[*p])
            {
              p = copy_run (self, p, end);
              if (!check_field_length (self, error))
                return FALSE;
            }
          else if (!step (self, *p++, got_record, error))
            return FALSE;
        }

      self->in.pos = p - self->in.buffer;
      if (*got_record)
        return TRUE;
    }
}

/**
 * herald_csv_reader_next:
 * @self: a #HeraldCsvReader
 * @fields: (out) (transfer none) (array zero-terminated=1): the fields of
 *   the next record; they belong to @self and stay valid until the next
 *   call (copy what you keep)
 * @cancellable: (nullable): a #GCancellable, checked before each record
 * @error: return location for a %HERALD_CSV_ERROR or #GIOErrorEnum error
 *
 * Reads the next record. herald_csv_reader_get_line() then says where it
 * starts. Reading reuses one buffer, so a record costs no allocation.
 *
 * Returns: %TRUE with @fields set to at least one field; %FALSE at the end
 *   of the input (@fields set to %NULL, @error not set) or with @error set
 */
gboolean
herald_csv_reader_next (HeraldCsvReader      *self,
                        const char * const  **fields,
                        GCancellable         *cancellable,
                        GError              **error)
{
  gboolean got_record = FALSE;
  gboolean resumable;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HERALD_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *fields = NULL;

  if (!herald_text_input_check (&self->in, cancellable, error))
    return FALSE;

  if (!self->in.started && !start_reading (self, cancellable, &local_error))
    goto failed;

  if (!read_record (self, &got_record, cancellable, &local_error))
    goto failed;

  if (!got_record)
    return FALSE;

  finish_record (self);
  *fields = (const char * const *) self->fields->pdata;

  return TRUE;

failed:
  /* A read cancelled between chunks can be retried; anything else, and a
   * cancelled first read (part of the header may be gone), is final. */
  resumable = self->in.started && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  herald_text_input_failed (&self->in, g_steal_pointer (&local_error), resumable, error);

  return FALSE;
}
