/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-csv-reader"

#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "text/herald-csv-reader.h"
#include "text/herald-csv-writer.h"

/* An input stream that hands out at most a few bytes a read, so that every
 * boundary case of the reader's buffering (a CRLF, a doubled quote or a
 * UTF-8 sequence split between two reads) is met. */
#define TEST_TYPE_TRICKLE_STREAM (test_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, TEST, TRICKLE_STREAM, GInputStream)

struct _TestTrickleStream
{
  GInputStream  parent_instance;
  GBytes       *bytes;
  gsize         pos;
  gsize         step;
};

G_DEFINE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
test_trickle_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  TestTrickleStream *self = (TestTrickleStream *) stream;
  gsize size;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);
  gsize n = MIN (MIN (count, self->step), size - self->pos);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  memcpy (buffer, data + self->pos, n);
  self->pos += n;

  return n;
}

static void
test_trickle_stream_finalize (GObject *object)
{
  g_bytes_unref (((TestTrickleStream *) object)->bytes);

  G_OBJECT_CLASS (test_trickle_stream_parent_class)->finalize (object);
}

static void
test_trickle_stream_class_init (TestTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_trickle_stream_read;
}

static void
test_trickle_stream_init (TestTrickleStream *self)
{
}

static GInputStream *
trickle_stream_new (const char *data,
                    gsize       len,
                    gsize       step)
{
  TestTrickleStream *self = g_object_new (TEST_TYPE_TRICKLE_STREAM, NULL);

  self->bytes = g_bytes_new (data, len);
  self->step = step;

  return G_INPUT_STREAM (self);
}

static GInputStream *
memory_stream (const char *data,
               gssize      len)
{
  if (len < 0)
    len = strlen (data);

  return g_memory_input_stream_new_from_data (g_memdup2 (data, len), len, g_free);
}

/* Every record as "LINE:<field><field>…", records separated by spaces. */
static char *
dump_stream (GInputStream  *stream,
             char           separator,
             gboolean       trim,
             GError       **error)
{
  g_autoptr(HeraldCsvReader) reader = herald_csv_reader_new (stream);
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *fields;

  herald_csv_reader_set_separator (reader, separator);
  herald_csv_reader_set_trim (reader, trim);

  while (herald_csv_reader_next (reader, &fields, NULL, error))
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%u:", herald_csv_reader_get_line (reader));
      for (guint i = 0; fields[i] != NULL; i++)
        g_string_append_printf (out, "<%s>", fields[i]);
    }

  if (error != NULL && *error != NULL)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dump_len (const char *data,
          gssize      len,
          GError    **error)
{
  g_autoptr(GInputStream) stream = memory_stream (data, len);

  return dump_stream (stream, 0, FALSE, error);
}

static char *
dump (const char *data)
{
  g_autoptr(GError) error = NULL;
  char *result = dump_len (data, -1, &error);

  g_assert_no_error (error);

  return result;
}

/* The error reading @data gives, which must be in HERALD_CSV_ERROR. */
static GError *
dump_error (const char *data,
            gssize      len,
            int         code)
{
  GError *error = NULL;
  g_autofree char *result = dump_len (data, len, &error);

  g_assert_null (result);
  g_assert_error (error, HERALD_CSV_ERROR, code);

  return error;
}

static void
assert_dump (const char *data,
             const char *expected)
{
  g_autofree char *result = dump (data);

  g_assert_cmpstr (result, ==, expected);
}

static void
assert_message_contains (const GError *error,
                         const char   *needle)
{
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” not in the message “%s”", needle, error->message);
}

static void
test_basic_simple (void)
{
  assert_dump ("name,phone\nAma,0241234567\n", "1:<name><phone> 2:<Ama><0241234567>");
}

static void
test_basic_no_final_newline (void)
{
  assert_dump ("a,b\nc,d", "1:<a><b> 2:<c><d>");
  assert_dump ("a", "1:<a>");
}

static void
test_basic_empty_input (void)
{
  assert_dump ("", "");
  assert_dump ("\n\r\n\r", "");
}

static void
test_basic_empty_fields (void)
{
  assert_dump ("a,,c\n,,\n", "1:<a><><c> 2:<><><>");
}

static void
test_basic_trailing_separator (void)
{
  assert_dump ("a,b,\nc,d,", "1:<a><b><> 2:<c><d><>");
  assert_dump (",", "1:<><>");
}

static void
test_basic_spaces_kept (void)
{
  /* RFC 4180: spaces are part of a field. */
  assert_dump (" a , b \n", "1:< a >< b >");
}

static void
test_basic_trim (void)
{
  g_autoptr(GInputStream) stream = memory_stream (" a ,\t b\t,\" c \"\n", -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *result = dump_stream (stream, 0, TRUE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (result, ==, "1:<a><b><c>");
}

static void
test_quoted_simple (void)
{
  assert_dump ("\"a\",\"b c\"\n", "1:<a><b c>");
}

static void
test_quoted_doubled_quote (void)
{
  assert_dump ("\"say \"\"hi\"\"\",x\n", "1:<say \"hi\"><x>");
  assert_dump ("\"\"\"\"\n", "1:<\">");
}

static void
test_quoted_embedded_separator (void)
{
  assert_dump ("\"Mensah, Ama\",\"a;b\"\n", "1:<Mensah, Ama><a;b>");
}

static void
test_quoted_embedded_newline (void)
{
  /* The next record starts on physical line 3. */
  assert_dump ("\"line one\nline two\",x\nnext,y\n", "1:<line one\nline two><x> 3:<next><y>");
}

static void
test_quoted_embedded_crlf (void)
{
  assert_dump ("\"a\r\nb\",c\r\nd,e\r\n", "1:<a\r\nb><c> 3:<d><e>");
}

static void
test_quoted_empty (void)
{
  /* A line holding "" is a record with one empty field, not an empty line. */
  assert_dump ("a\n\"\"\nb\n", "1:<a> 2:<> 3:<b>");
}

static void
test_quoted_at_end_of_input (void)
{
  assert_dump ("a,\"b\"", "1:<a><b>");
}

static void
test_line_ends_crlf (void)
{
  assert_dump ("a,b\r\nc,d\r\n", "1:<a><b> 2:<c><d>");
}

static void
test_line_ends_cr (void)
{
  assert_dump ("a,b\rc,d\r", "1:<a><b> 2:<c><d>");
}

static void
test_line_ends_mixed (void)
{
  assert_dump ("a\nb\r\nc\rd", "1:<a> 2:<b> 3:<c> 4:<d>");
}

static void
test_line_ends_empty_lines_skipped (void)
{
  assert_dump ("a\n\n\r\n\rb\n\n", "1:<a> 5:<b>");
  assert_dump ("\n\na\n", "3:<a>");
}

static void
test_bom_skipped (void)
{
  assert_dump ("\xEF\xBB\xBFphone;name\n1;2\n", "1:<phone><name> 2:<1><2>");
}

static void
test_bom_only_at_start (void)
{
  /* Elsewhere U+FEFF is text like any other. */
  assert_dump ("a\n\xEF\xBB\xBF" "b\n", "1:<a> 2:<\xEF\xBB\xBF" "b>");
}

static void
test_separator_detect (void)
{
  assert_dump ("a;b;c\n1;2,5;3\n", "1:<a><b><c> 2:<1><2,5><3>");
  assert_dump ("a\tb\n1,5\t2\n", "1:<a><b> 2:<1,5><2>");
  assert_dump ("a,b\n1;2,3\n", "1:<a><b> 2:<1;2><3>");
}

static void
test_separator_outside_quotes (void)
{
  /* Four ';' inside quotes, one ',' outside. */
  assert_dump ("\"a;b;c;d;e\",f\n", "1:<a;b;c;d;e><f>");
}

static void
test_separator_tie_and_none (void)
{
  /* A tie goes to ',', and so does a single column. */
  assert_dump ("a,b;c\n", "1:<a><b;c>");
  assert_dump ("phone\n024;1\n", "1:<phone> 2:<024;1>");
}

static void
test_separator_after_empty_lines (void)
{
  assert_dump ("\r\n\r\nname;phone\nAma;024\n", "3:<name><phone> 4:<Ama><024>");
}

static void
test_separator_set (void)
{
  g_autoptr(GInputStream) stream = memory_stream ("a;b,c;d\n", -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *result = dump_stream (stream, ';', FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (result, ==, "1:<a><b,c><d>");
}

static void
test_separator_get (void)
{
  g_autoptr(GInputStream) stream = memory_stream ("a\tb\n", -1);
  g_autoptr(HeraldCsvReader) reader = herald_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  const char * const *fields;

  g_assert_true (herald_csv_reader_get_separator (reader) == 0);
  g_assert_cmpuint (herald_csv_reader_get_line (reader), ==, 0);
  g_assert_true (herald_csv_reader_next (reader, &fields, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (herald_csv_reader_get_separator (reader) == '\t');
  g_assert_cmpuint (g_strv_length ((char **) fields), ==, 2);
  g_assert_false (herald_csv_reader_next (reader, &fields, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (fields);
}

static void
test_utf8_text (void)
{
  assert_dump ("Ẹniọlá,Zoë,日本,😀\n", "1:<Ẹniọlá><Zoë><日本><😀>");
}

static void
test_malformed_quote_in_unquoted (void)
{
  g_autoptr(GError) error = dump_error ("name,phone\nAma,02\"4\n", -1, HERALD_CSV_ERROR_BAD_QUOTE);

  assert_message_contains (error, "Line 2, column 7");
}

static void
test_malformed_text_after_quote (void)
{
  g_autoptr(GError) error = dump_error ("\"ab\"c,d\n", -1, HERALD_CSV_ERROR_BAD_QUOTE);

  assert_message_contains (error, "Line 1, column 5");
}

static void
test_malformed_unterminated_quote (void)
{
  g_autoptr(GError) error = dump_error ("a,b\n1,\"open\n2,3\n", -1,
                                        HERALD_CSV_ERROR_UNTERMINATED_QUOTE);

  /* Where the quoted field starts, not where the file ends. */
  assert_message_contains (error, "Line 2, column 3");
}

static void
test_malformed_unterminated_quote_far (void)
{
  g_autoptr(GString) text = g_string_new ("phone\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 2; i < 50000; i++)
    g_string_append_printf (text, "0241%06u\n", i);
  g_string_append (text, "\"0241000000\n0241000001\n");

  error = dump_error (text->str, text->len, HERALD_CSV_ERROR_UNTERMINATED_QUOTE);
  assert_message_contains (error, "Line 50000, column 1");
}

static void
test_malformed_invalid_utf8 (void)
{
  /* "été" in Latin-1. */
  g_autoptr(GError) error = dump_error ("a,b\nx,\xE9t\xE9\n", -1, HERALD_CSV_ERROR_INVALID_UTF8);

  assert_message_contains (error, "Line 2, column 3");
  assert_message_contains (error, "UTF-8");
}

static void
test_malformed_invalid_utf8_column_in_characters (void)
{
  /* é, 日 and 😀 are one column each; the bad byte is the seventh character. */
  g_autoptr(GError) error = dump_error ("é,日,😀,\xFF\n", -1, HERALD_CSV_ERROR_INVALID_UTF8);

  assert_message_contains (error, "Line 1, column 7");
}

static void
test_malformed_invalid_utf8_sequences (void)
{
  static const char * const inputs[] = {
    "a\xC0\xAF",           /* overlong '/' */
    "a\xE0\x80\xAF",       /* overlong, three bytes */
    "a\xED\xA0\x80",       /* a surrogate */
    "a\xF4\x90\x80\x80",   /* past U+10FFFF */
    "a\xC3",               /* cut short at the end */
    "a\xC3,b",             /* cut short by a separator */
    "a\x80",               /* a lone continuation byte */
    "a\xF8\x88\x80\x80\x80",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = dump_error (inputs[i], -1, HERALD_CSV_ERROR_INVALID_UTF8);

      assert_message_contains (error, "Line 1, column 2");
    }
}

static void
test_malformed_nul_byte (void)
{
  g_autoptr(GError) error = dump_error ("a,b\nc,d\0e\n", 10, HERALD_CSV_ERROR_INVALID_UTF8);

  assert_message_contains (error, "Line 2, column 4");
  assert_message_contains (error, "NUL");
}

static void
test_malformed_sticky (void)
{
  g_autoptr(GInputStream) stream = memory_stream ("a\nb\"\nc\n", -1);
  g_autoptr(HeraldCsvReader) reader = herald_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  const char * const *fields;

  g_assert_true (herald_csv_reader_next (reader, &fields, NULL, &error));
  g_assert_false (herald_csv_reader_next (reader, &fields, NULL, &error));
  g_assert_error (error, HERALD_CSV_ERROR, HERALD_CSV_ERROR_BAD_QUOTE);
  g_assert_false (herald_csv_reader_next (reader, &fields, NULL, &again));
  g_assert_error (again, HERALD_CSV_ERROR, HERALD_CSV_ERROR_BAD_QUOTE);
  g_assert_cmpstr (again->message, ==, error->message);
}

static void
test_limits_field_length (void)
{
  g_autoptr(GString) text = g_string_new ("a,");
  g_autofree char *filler = g_strnfill (HERALD_CSV_READER_MAX_FIELD, 'x');
  g_autofree char *result = NULL;
  g_autoptr(GError) error = NULL;

  g_string_append (text, filler);
  result = dump_len (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (result), ==, strlen ("1:<a><>") + HERALD_CSV_READER_MAX_FIELD);

  g_string_append_c (text, 'x');
  g_clear_error (&error);
  error = dump_error (text->str, text->len, HERALD_CSV_ERROR_FIELD_TOO_LONG);
  assert_message_contains (error, "Line 1, column 3");
}

static void
test_limits_unterminated_quote_bounded (void)
{
  /* A stray quote must not swallow a big file into one field. */
  g_autoptr(GString) text = g_string_new ("phone\n\"024\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "0241234567\n");

  error = dump_error (text->str, text->len, HERALD_CSV_ERROR_FIELD_TOO_LONG);
  assert_message_contains (error, "Line 2, column 1");
}

static void
test_limits_field_count (void)
{
  g_autoptr(GString) text = g_string_new ("x");
  g_autofree char *result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i < HERALD_CSV_READER_MAX_FIELDS; i++)
    g_string_append (text, ",x");
  result = dump_len (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (result), ==, strlen ("1:") + (gsize) 3 * HERALD_CSV_READER_MAX_FIELDS);

  g_string_append (text, ",x");
  error = dump_error (text->str, text->len, HERALD_CSV_ERROR_TOO_MANY_FIELDS);
  assert_message_contains (error, "1000");
}

/* Any input read a few bytes at a time gives what it gives at once. */
static void
test_stream_chunk_boundaries (void)
{
  static const char * const inputs[] = {
    "\xEF\xBB\xBFname;phone\r\nAma;\"02\"\"4\"\r\n\r\nKofi;\"a\r\nb\"\r\n",
    "a,b\rc,\"d\re\"\r\n\"f\"\"\",é日\n",
    "\"x\",\"\",\"\"\"\"\n,\n",
    "x\ty\n\"1\t2\"\t3",
    "a,\"b",
    "a,b\"c",
    "ab\xC3",
    "a,\xE6\x97",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) whole_error = NULL;
      g_autofree char *whole = dump_len (inputs[i], -1, &whole_error);

      for (gsize step = 1; step <= 4; step++)
        {
          g_autoptr(GInputStream) stream = trickle_stream_new (inputs[i], strlen (inputs[i]), step);
          g_autoptr(GError) error = NULL;
          g_autofree char *result = dump_stream (stream, 0, FALSE, &error);

          g_assert_cmpstr (result, ==, whole);
          if (whole_error != NULL)
            {
              g_assert_nonnull (error);
              g_assert_cmpstr (error->message, ==, whole_error->message);
            }
          else
            g_assert_no_error (error);
        }
    }

  /* And the whole results themselves. */
  {
    g_autofree char *first = dump (inputs[0]);
    g_autofree char *second = dump (inputs[1]);

    g_assert_cmpstr (first, ==, "1:<name><phone> 2:<Ama><02\"4> 4:<Kofi><a\r\nb>");
    g_assert_cmpstr (second, ==, "1:<a><b> 2:<c><d\re> 4:<f\"><é日>");
  }
}

static void
test_stream_many_lines (void)
{
  g_autoptr(GString) text = g_string_new ("phone\n");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(HeraldCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *fields;
  guint n = 0;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "\"024 %07u\"\r\n", i);

  stream = memory_stream (text->str, text->len);
  reader = herald_csv_reader_new (stream);
  while (herald_csv_reader_next (reader, &fields, NULL, &error))
    {
      if (n > 0)
        {
          g_autofree char *expected = g_strdup_printf ("024 %07u", n - 1);

          g_assert_cmpstr (fields[0], ==, expected);
        }
      n++;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 100001);
  g_assert_cmpuint (herald_csv_reader_get_line (reader), ==, 100001);
}

static void
test_cancellation (void)
{
  g_autoptr(GInputStream) stream = memory_stream ("a\nb\nc\n", -1);
  g_autoptr(HeraldCsvReader) reader = herald_csv_reader_new (stream);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  const char * const *fields;

  g_assert_true (herald_csv_reader_next (reader, &fields, cancellable, &error));
  g_assert_cmpstr (fields[0], ==, "a");

  g_cancellable_cancel (cancellable);
  g_assert_false (herald_csv_reader_next (reader, &fields, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Checked between records: nothing was lost, reading goes on. */
  g_cancellable_reset (cancellable);
  g_assert_true (herald_csv_reader_next (reader, &fields, cancellable, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fields[0], ==, "b");
  g_assert_cmpuint (herald_csv_reader_get_line (reader), ==, 2);
}

static void
test_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "contacts.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autoptr(HeraldCsvReader) reader = NULL;
  g_autoptr(HeraldCsvReader) no_reader = NULL;
  const char * const *fields;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "phone;name\n024;Ama\n", -1, &error));

  reader = herald_csv_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (herald_csv_reader_next (reader, &fields, NULL, &error));
  g_assert_true (herald_csv_reader_next (reader, &fields, NULL, &error));
  g_assert_cmpstr (fields[1], ==, "Ama");

  no_reader = herald_csv_reader_new_for_path (missing, &error);
  g_assert_null (no_reader);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_remove (path);
  g_rmdir (dir);
}

/* The writer */

static char *
write_rows (char                separator,
            const char * const *rows[],
            const gssize       *n_fields,
            guint               n_rows)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(HeraldCsvWriter) writer = herald_csv_writer_new (stream, separator);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    {
      g_assert_true (herald_csv_writer_write_row (writer, rows[i], n_fields[i], NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (herald_csv_writer_flush (writer, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
test_writer_quoting (void)
{
  const char * const header[] = { "first_name", "phone", "note", NULL };
  const char * const row[] = { "Mensah, Ama", "+233241234567", "said \"hi\"\nthen left", NULL };
  const char * const spaces[] = { " lead", "trail ", "", NULL };
  const char * const *rows[] = { header, row, spaces };
  const gssize n_fields[] = { -1, -1, -1 };
  g_autofree char *text = write_rows (',', rows, n_fields, G_N_ELEMENTS (rows));

  g_assert_cmpstr (text, ==,
                   "first_name,phone,note\r\n"
                   "\"Mensah, Ama\",+233241234567,\"said \"\"hi\"\"\nthen left\"\r\n"
                   "\" lead\",\"trail \",\r\n");
}

static void
test_writer_separator (void)
{
  const char * const row[] = { "a;b", "c,d", "e\tf", NULL };
  const char * const *rows[] = { row };
  const gssize n_fields[] = { -1 };
  g_autofree char *semicolon = write_rows (';', rows, n_fields, 1);
  g_autofree char *tab = write_rows ('\t', rows, n_fields, 1);

  g_assert_cmpstr (semicolon, ==, "\"a;b\";c,d;e\tf\r\n");
  g_assert_cmpstr (tab, ==, "a;b\tc,d\t\"e\tf\"\r\n");
}

static void
test_writer_empty_and_null (void)
{
  const char * const with_null[] = { "a", NULL, "c" };
  const char * const single_empty[] = { "" };
  const char * const *rows[] = { with_null, single_empty };
  const gssize n_fields[] = { 3, 1 };
  g_autofree char *text = write_rows (',', rows, n_fields, G_N_ELEMENTS (rows));

  /* A lone empty field is quoted, or it would read back as an empty line. */
  g_assert_cmpstr (text, ==, "a,,c\r\n\"\"\r\n");
}

static void
test_writer_byte_order_mark (void)
{
  const char * const row[] = { "\xEF\xBB\xBF" "a", "b", NULL };
  const char * const *rows[] = { row };
  const gssize n_fields[] = { -1 };
  g_autofree char *text = write_rows (',', rows, n_fields, 1);
  g_autofree char *read = dump (text);

  /* Quoted, or a reader would skip U+FEFF as a byte order mark. */
  g_assert_cmpstr (text, ==, "\"\xEF\xBB\xBF" "a\",b\r\n");
  g_assert_cmpstr (read, ==, "1:<\xEF\xBB\xBF" "a><b>");
}

static void
test_writer_round_trip (void)
{
  const char * const fields[] = {
    "plain", "with,comma", "with \"quotes\"", "multi\r\nline", "é日", " padded ", "", "\"", NULL
  };
  const char * const *rows[] = { fields, fields };
  const gssize n_fields[] = { -1, -1 };
  g_autofree char *text = write_rows (',', rows, n_fields, 2);
  g_autoptr(GInputStream) stream = memory_stream (text, -1);
  g_autoptr(HeraldCsvReader) reader = herald_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  const char * const *read;

  for (guint r = 0; r < 2; r++)
    {
      g_assert_true (herald_csv_reader_next (reader, &read, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_strv_equal ((const char * const *) read, fields));
    }
  g_assert_false (herald_csv_reader_next (reader, &read, NULL, &error));
  g_assert_no_error (error);
}

static void
test_writer_large (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(HeraldCsvWriter) writer = herald_csv_writer_new (stream, ',');
  g_autoptr(GError) error = NULL;
  const char * const row[] = { "0241234567", "Ama Mensah", NULL };
  gsize expected = 0;

  /* Past the writer's buffer, so that it writes as it goes. */
  for (guint i = 0; i < 10000; i++)
    {
      g_assert_true (herald_csv_writer_write_row (writer, row, -1, NULL, &error));
      expected += strlen ("0241234567,Ama Mensah\r\n");
    }
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), >, 0);
  g_assert_true (herald_csv_writer_flush (writer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-reader/basic/simple", test_basic_simple);
  g_test_add_func ("/csv-reader/basic/no-final-newline", test_basic_no_final_newline);
  g_test_add_func ("/csv-reader/basic/empty-input", test_basic_empty_input);
  g_test_add_func ("/csv-reader/basic/empty-fields", test_basic_empty_fields);
  g_test_add_func ("/csv-reader/basic/trailing-separator", test_basic_trailing_separator);
  g_test_add_func ("/csv-reader/basic/spaces-kept", test_basic_spaces_kept);
  g_test_add_func ("/csv-reader/basic/trim", test_basic_trim);
  g_test_add_func ("/csv-reader/quoted/simple", test_quoted_simple);
  g_test_add_func ("/csv-reader/quoted/doubled-quote", test_quoted_doubled_quote);
  g_test_add_func ("/csv-reader/quoted/embedded-separator", test_quoted_embedded_separator);
  g_test_add_func ("/csv-reader/quoted/embedded-newline", test_quoted_embedded_newline);
  g_test_add_func ("/csv-reader/quoted/embedded-crlf", test_quoted_embedded_crlf);
  g_test_add_func ("/csv-reader/quoted/empty", test_quoted_empty);
  g_test_add_func ("/csv-reader/quoted/at-end-of-input", test_quoted_at_end_of_input);
  g_test_add_func ("/csv-reader/line-ends/crlf", test_line_ends_crlf);
  g_test_add_func ("/csv-reader/line-ends/cr", test_line_ends_cr);
  g_test_add_func ("/csv-reader/line-ends/mixed", test_line_ends_mixed);
  g_test_add_func ("/csv-reader/line-ends/empty-lines-skipped", test_line_ends_empty_lines_skipped);
  g_test_add_func ("/csv-reader/bom/skipped", test_bom_skipped);
  g_test_add_func ("/csv-reader/bom/only-at-start", test_bom_only_at_start);
  g_test_add_func ("/csv-reader/separator/detect", test_separator_detect);
  g_test_add_func ("/csv-reader/separator/outside-quotes", test_separator_outside_quotes);
  g_test_add_func ("/csv-reader/separator/tie-and-none", test_separator_tie_and_none);
  g_test_add_func ("/csv-reader/separator/after-empty-lines", test_separator_after_empty_lines);
  g_test_add_func ("/csv-reader/separator/set", test_separator_set);
  g_test_add_func ("/csv-reader/separator/get", test_separator_get);
  g_test_add_func ("/csv-reader/utf8/text", test_utf8_text);
  g_test_add_func ("/csv-reader/malformed/quote-in-unquoted", test_malformed_quote_in_unquoted);
  g_test_add_func ("/csv-reader/malformed/text-after-quote", test_malformed_text_after_quote);
  g_test_add_func ("/csv-reader/malformed/unterminated-quote", test_malformed_unterminated_quote);
  g_test_add_func ("/csv-reader/malformed/unterminated-quote-far", test_malformed_unterminated_quote_far);
  g_test_add_func ("/csv-reader/malformed/invalid-utf8", test_malformed_invalid_utf8);
  g_test_add_func ("/csv-reader/malformed/invalid-utf8-column", test_malformed_invalid_utf8_column_in_characters);
  g_test_add_func ("/csv-reader/malformed/invalid-utf8-sequences", test_malformed_invalid_utf8_sequences);
  g_test_add_func ("/csv-reader/malformed/nul-byte", test_malformed_nul_byte);
  g_test_add_func ("/csv-reader/malformed/sticky", test_malformed_sticky);
  g_test_add_func ("/csv-reader/limits/field-length", test_limits_field_length);
  g_test_add_func ("/csv-reader/limits/unterminated-quote-bounded", test_limits_unterminated_quote_bounded);
  g_test_add_func ("/csv-reader/limits/field-count", test_limits_field_count);
  g_test_add_func ("/csv-reader/stream/chunk-boundaries", test_stream_chunk_boundaries);
  g_test_add_func ("/csv-reader/stream/many-lines", test_stream_many_lines);
  g_test_add_func ("/csv-reader/cancellation", test_cancellation);
  g_test_add_func ("/csv-reader/path", test_path);
  g_test_add_func ("/csv-writer/quoting", test_writer_quoting);
  g_test_add_func ("/csv-writer/separator", test_writer_separator);
  g_test_add_func ("/csv-writer/empty-and-null", test_writer_empty_and_null);
  g_test_add_func ("/csv-writer/byte-order-mark", test_writer_byte_order_mark);
  g_test_add_func ("/csv-writer/round-trip", test_writer_round_trip);
  g_test_add_func ("/csv-writer/large", test_writer_large);

  return g_test_run ();
}
