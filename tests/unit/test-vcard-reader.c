/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-vcard-reader"

#include <string.h>
#include <gio/gio.h>

#include "text/herald-vcard-reader.h"

/* An iPhone export (iOS 17, vCard 3.0): groups, repeated type=, a photo. */
static const char iphone_card[] =
  "BEGIN:VCARD\r\n"
  "VERSION:3.0\r\n"
  "PRODID:-//Apple Inc.//iPhone OS 17.1//EN\r\n"
  "N:Mensah;Ama;Serwaa;;\r\n"
  "FN:Ama Serwaa Mensah\r\n"
  "ORG:Herald Traders;Sales;\r\n"
  "item1.TEL;type=CELL;type=VOICE;type=pref:+233 24 123 4567\r\n"
  "TEL;type=HOME;type=VOICE:030 221 2345\r\n"
  "item2.EMAIL;type=INTERNET;type=pref:ama@example.com\r\n"
  "item2.X-ABLabel:_$!<Other>!$_\r\n"
  "EMAIL;type=INTERNET;type=WORK:ama.mensah@herald.example\r\n"
  "NOTE:Met at the Accra fair\\, 2023\\nLikes SMS\\; not calls\r\n"
  "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQ\r\n"
  " NDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQw\r\n"
  " LDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI\r\n"
  "X-SOCIALPROFILE;type=twitter:https://twitter.com/ama\r\n"
  "END:VCARD\r\n";

/* An Android contacts export (vCard 2.1): bare parameters, quoted-printable
 * UTF-8 with its soft line breaks. */
static const char android_card[] =
  "BEGIN:VCARD\r\n"
  "VERSION:2.1\r\n"
  "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=89w=C3=A9;Ak=C3=BAa;;;\r\n"
  "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ak=C3=BAa =C3=89w=C3=A9\r\n"
  "TEL;CELL;PREF:+233201234567\r\n"
  "TEL;HOME:0302123456\r\n"
  "TEL;WORK;FAX:0302999999\r\n"
  "EMAIL;HOME:akua@example.com\r\n"
  "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=E4=BD=A0=E5=A5=BD=EF=BC=8C=E4=B8=96=E7=95=8C=0A=\r\n"
  "=E7=AC=AC=E4=BA=8C=E8=A1=8C=20=C3=A9t=C3=A9\r\n"
  "END:VCARD\r\n";

/* vCard 4.0 (RFC 6350): tel: URIs, PREF=1, quoted TYPE lists. */
static const char v4_card[] =
  "BEGIN:VCARD\n"
  "VERSION:4.0\n"
  "FN:John Q. Public\n"
  "N:Public;John;Quinlan;Mr.;Esq.\n"
  "TEL;VALUE=uri;TYPE=\"voice,home\":tel:+1-202-555-0100;ext=42\n"
  "TEL;VALUE=uri;TYPE=\"cell,text\";PREF=1:tel:+1-650-253-0000\n"
  "EMAIL;TYPE=work;PREF=1:john@example.com\n"
  "END:VCARD\n";

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

static GPtrArray *
read_stream (GInputStream  *stream,
             GError       **error)
{
  g_autoptr(HeraldVcardReader) reader = herald_vcard_reader_new (stream);
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_vcard_entry_unref);
  HeraldVcardEntry *entry;

  while (herald_vcard_reader_next (reader, &entry, NULL, error))
    g_ptr_array_add (cards, entry);

  if (*error != NULL)
    return NULL;

  return g_steal_pointer (&cards);
}

/* All the cards of @data, or NULL with @error set. */
static GPtrArray *
read_all (const char  *data,
          gssize       len,
          GError     **error)
{
  g_autoptr(GInputStream) stream = memory_stream (data, len);

  return read_stream (stream, error);
}

static GPtrArray *
read_ok (const char *data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cards = read_all (data, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cards);

  return cards;
}

static HeraldVcardEntry *
card (GPtrArray *cards,
      guint      i)
{
  g_assert_cmpuint (i, <, cards->len);

  return g_ptr_array_index (cards, i);
}

static GError *
read_error (const char *data,
            gssize      len,
            int         code)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) cards = read_all (data, len, &error);

  g_assert_null (cards);
  g_assert_error (error, HERALD_VCARD_ERROR, code);

  return error;
}

static void
assert_message_contains (const GError *error,
                         const char   *needle)
{
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” not in the message “%s”", needle, error->message);
}

static void
test_v3_iphone (void)
{
  g_autoptr(GPtrArray) cards = read_ok (iphone_card);
  HeraldVcardEntry *ama = card (cards, 0);

  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpuint (herald_vcard_entry_get_line (ama), ==, 1);
  g_assert_cmpstr (herald_vcard_entry_get_version (ama), ==, "3.0");
  g_assert_cmpstr (herald_vcard_entry_get_formatted_name (ama), ==, "Ama Serwaa Mensah");
  g_assert_cmpstr (herald_vcard_entry_get_family_name (ama), ==, "Mensah");
  g_assert_cmpstr (herald_vcard_entry_get_given_name (ama), ==, "Ama");
  g_assert_cmpstr (herald_vcard_entry_get_additional_names (ama), ==, "Serwaa");
  g_assert_cmpstr (herald_vcard_entry_get_organization (ama), ==, "Herald Traders, Sales");
  g_assert_cmpstr (herald_vcard_entry_get_note (ama), ==,
                   "Met at the Accra fair, 2023\nLikes SMS; not calls");

  g_assert_cmpuint (herald_vcard_entry_get_n_phones (ama), ==, 2);
  g_assert_cmpstr (herald_vcard_entry_get_phone (ama, 0), ==, "+233 24 123 4567");
  g_assert_cmpuint (herald_vcard_entry_get_phone_flags (ama, 0), ==,
                    HERALD_VCARD_PHONE_CELL | HERALD_VCARD_PHONE_VOICE | HERALD_VCARD_PHONE_PREF);
  g_assert_cmpstr (herald_vcard_entry_get_phone (ama, 1), ==, "030 221 2345");
  g_assert_cmpuint (herald_vcard_entry_get_phone_flags (ama, 1), ==,
                    HERALD_VCARD_PHONE_HOME | HERALD_VCARD_PHONE_VOICE);

  g_assert_cmpuint (herald_vcard_entry_get_n_emails (ama), ==, 2);
  g_assert_cmpstr (herald_vcard_entry_get_email (ama, 0), ==, "ama@example.com");
  g_assert_true (herald_vcard_entry_get_email_preferred (ama, 0));
  g_assert_cmpstr (herald_vcard_entry_get_email (ama, 1), ==, "ama.mensah@herald.example");
  g_assert_false (herald_vcard_entry_get_email_preferred (ama, 1));
}

static void
test_v21_android_quoted_printable (void)
{
  g_autoptr(GPtrArray) cards = read_ok (android_card);
  HeraldVcardEntry *akua = card (cards, 0);

  g_assert_cmpstr (herald_vcard_entry_get_version (akua), ==, "2.1");
  g_assert_cmpstr (herald_vcard_entry_get_family_name (akua), ==, "Éwé");
  g_assert_cmpstr (herald_vcard_entry_get_given_name (akua), ==, "Akúa");
  g_assert_null (herald_vcard_entry_get_additional_names (akua));
  g_assert_cmpstr (herald_vcard_entry_get_formatted_name (akua), ==, "Akúa Éwé");
  /* The soft line break joins the two halves; =0A is a newline. */
  g_assert_cmpstr (herald_vcard_entry_get_note (akua), ==, "你好，世界\n第二行 été");

  g_assert_cmpuint (herald_vcard_entry_get_n_phones (akua), ==, 3);
  g_assert_cmpstr (herald_vcard_entry_get_phone (akua, 0), ==, "+233201234567");
  g_assert_cmpuint (herald_vcard_entry_get_phone_flags (akua, 0), ==,
                    HERALD_VCARD_PHONE_CELL | HERALD_VCARD_PHONE_PREF);
  g_assert_cmpuint (herald_vcard_entry_get_phone_flags (akua, 1), ==, HERALD_VCARD_PHONE_HOME);
  g_assert_cmpuint (herald_vcard_entry_get_phone_flags (akua, 2), ==,
                    HERALD_VCARD_PHONE_WORK | HERALD_VCARD_PHONE_FAX);
  g_assert_cmpstr (herald_vcard_entry_get_email (akua, 0), ==, "akua@example.com");
}

static void
test_v21_soft_break_with_space (void)
{
  /* Some exporters fold quoted-printable with a space instead. */
  g_autoptr(GPtrArray) cards = read_ok ("BEGIN:VCARD\nVERSION:2.1\n"
                                        "FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Ak=C3=BA=\n"
                                        " a Mensah\nTEL:024\nEND:VCARD\n");

  g_assert_cmpstr (herald_vcard_entry_get_formatted_name (card (cards, 0)), ==, "Akúa Mensah");
}

static void
test_v4_tel_uri (void)
{
  g_autoptr(GPtrArray) cards = read_ok (v4_card);
  HeraldVcardEntry *john = card (cards, 0);

  g_assert_cmpstr (herald_vcard_entry_get_version (john), ==, "4.0");
  g_assert_cmpstr (herald_vcard_entry_get_family_name (john), ==, "Public");
  g_assert_cmpstr (herald_vcard_entry_get_given_name (john), ==, "John");
  g_assert_cmpuint (herald_vcard_entry_get_n_phones (john), ==, 2);
  /* "tel:" and the URI parameters go. */
  g_assert_cmpstr (herald_vcard_entry_get_phone (john, 0), ==, "+1-202-555-0100");
  g_assert_cmpuint (herald_vcard_entry_get_phone_flags (john, 0), ==,
                    HERALD_VCARD_PHONE_VOICE | HERALD_VCARD_PHONE_HOME);
  g_assert_cmpstr (herald_vcard_entry_get_phone (john, 1), ==, "+1-650-253-0000");
  g_assert_cmpuint (herald_vcard_entry_get_phone_flags (john, 1), ==,
                    HERALD_VCARD_PHONE_CELL | HERALD_VCARD_PHONE_TEXT | HERALD_VCARD_PHONE_PREF);
  g_assert_true (herald_vcard_entry_get_email_preferred (john, 0));
}

static void
test_folding (void)
{
  g_autoptr(GPtrArray) cards = read_ok ("BEGIN:VCARD\r\nVERSION:3.0\r\n"
                                        "FN:Kwame\r\n  Nkrumah\r\n"
                                        "NOTE:first\r\n\tsecond\r\n third\r\n"
                                        "TEL:024\r\n 123\r\n 4567\r\n"
                                        "END:VCARD\r\n");
  HeraldVcardEntry *entry = card (cards, 0);

  /* One space or tab goes, a second one stays. */
  g_assert_cmpstr (herald_vcard_entry_get_formatted_name (entry), ==, "Kwame Nkrumah");
  g_assert_cmpstr (herald_vcard_entry_get_note (entry), ==, "firstsecondthird");
  g_assert_cmpstr (herald_vcard_entry_get_phone (entry, 0), ==, "0241234567");
}

static void
test_line_ends (void)
{
  static const char * const inputs[] = {
    "BEGIN:VCARD\nFN:A\n b\nTEL:1\nEND:VCARD\n",
    "BEGIN:VCARD\r\nFN:A\r\n b\r\nTEL:1\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\rFN:A\r b\rTEL:1\rEND:VCARD",
    ("\xEF\xBB\xBF" "BEGIN:VCARD\nFN:A\r\n b\rTEL:1\nEND:VCARD"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GPtrArray) cards = read_ok (inputs[i]);

      g_assert_cmpuint (cards->len, ==, 1);
      g_assert_cmpstr (herald_vcard_entry_get_formatted_name (card (cards, 0)), ==, "Ab");
      g_assert_cmpstr (herald_vcard_entry_get_phone (card (cards, 0), 0), ==, "1");
    }
}

static void
test_escapes (void)
{
  g_autoptr(GPtrArray) cards = read_ok ("BEGIN:VCARD\nVERSION:3.0\n"
                                        "N:O\\;Neil;Mary\\, Ann;;;\n"
                                        "FN:Mary\\, Ann O\\;Neil\n"
                                        "NOTE:a\\nb\\Nc\\\\d\\:e\\qf\n"
                                        "END:VCARD\n");
  HeraldVcardEntry *entry = card (cards, 0);

  g_assert_cmpstr (herald_vcard_entry_get_family_name (entry), ==, "O;Neil");
  g_assert_cmpstr (herald_vcard_entry_get_given_name (entry), ==, "Mary, Ann");
  g_assert_cmpstr (herald_vcard_entry_get_formatted_name (entry), ==, "Mary, Ann O;Neil");
  /* An unknown escape keeps its backslash. */
  g_assert_cmpstr (herald_vcard_entry_get_note (entry), ==, "a\nb\nc\\d:e\\qf");
}

static void
test_params_case_and_quotes (void)
{
  g_autoptr(GPtrArray) cards = read_ok ("begin:vcard\nversion:3.0\n"
                                        "tel;TYPE=cell:1\n"
                                        "Tel;Type=Cell,Voice:2\n"
                                        "TEL;TYPE=\"cell,voice\";type=PREF:3\n"
                                        "TEL;X-LABEL=\"a;b:c\";TYPE=work:4\n"
                                        "item7.tel;type=iPhone:5\n"
                                        "TEL;TYPE=MSG:6\n"
                                        "end:vcard\n");
  HeraldVcardEntry *entry = card (cards, 0);

  g_assert_cmpuint (herald_vcard_entry_get_n_phones (entry), ==, 6);
  g_assert_cmpuint (herald_vcard_entry_get_phone_flags (entry, 0), ==, HERALD_VCARD_PHONE_CELL);
  g_assert_cmpuint (herald_vcard_entry_get_phone_flags (entry, 1), ==,
                    HERALD_VCARD_PHONE_CELL | HERALD_VCARD_PHONE_VOICE);
  g_assert_cmpuint (herald_vcard_entry_get_phone_flags (entry, 2), ==,
                    HERALD_VCARD_PHONE_CELL | HERALD_VCARD_PHONE_VOICE | HERALD_VCARD_PHONE_PREF);
  /* A quoted parameter value may hold ; and :. */
  g_assert_cmpstr (herald_vcard_entry_get_phone (entry, 3), ==, "4");
  g_assert_cmpuint (herald_vcard_entry_get_phone_flags (entry, 3), ==, HERALD_VCARD_PHONE_WORK);
  g_assert_cmpuint (herald_vcard_entry_get_phone_flags (entry, 4), ==, HERALD_VCARD_PHONE_CELL);
  g_assert_cmpuint (herald_vcard_entry_get_phone_flags (entry, 5), ==, HERALD_VCARD_PHONE_TEXT);
}

static void
test_charset_latin1 (void)
{
  g_autoptr(GPtrArray) cards = read_ok ("BEGIN:VCARD\nVERSION:2.1\n"
                                        "N;CHARSET=ISO-8859-1:M\xFCller;J\xFCrgen\n"
                                        "FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=FCrgen M=FCller\n"
                                        "END:VCARD\n");
  HeraldVcardEntry *entry = card (cards, 0);

  g_assert_cmpstr (herald_vcard_entry_get_family_name (entry), ==, "Müller");
  g_assert_cmpstr (herald_vcard_entry_get_given_name (entry), ==, "Jürgen");
  g_assert_cmpstr (herald_vcard_entry_get_formatted_name (entry), ==, "Jürgen Müller");
}

static void
test_base64 (void)
{
  /* "Kofi" and "Ẹniọlá", base64 as vCard 3.0 (b) and 2.1 (BASE64) write it. */
  g_autoptr(GPtrArray) cards = read_ok ("BEGIN:VCARD\nVERSION:3.0\n"
                                        "FN;ENCODING=b:S29maQ==\n"
                                        "NOTE;BASE64:4bq4bmnhu41sw6E=\n"
                                        "END:VCARD\n");

  g_assert_cmpstr (herald_vcard_entry_get_formatted_name (card (cards, 0)), ==, "Kofi");
  g_assert_cmpstr (herald_vcard_entry_get_note (card (cards, 0)), ==, "Ẹniọlá");
}

static void
test_quoted_printable_lenient (void)
{
  g_autoptr(GPtrArray) cards = read_ok ("BEGIN:VCARD\nVERSION:2.1\n"
                                        "NOTE;QUOTED-PRINTABLE:a=3Db =ZZ =4 c=\n"
                                        "d\nEND:VCARD\n");

  /* =3D decodes; an '=' without two hex digits stays as it is. */
  g_assert_cmpstr (herald_vcard_entry_get_note (card (cards, 0)), ==, "a=b =ZZ =4 cd");
}

static void
test_several_cards (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) cards = NULL;

  g_string_append (text, iphone_card);
  g_string_append (text, "\r\n");
  g_string_append (text, android_card);
  g_string_append (text, v4_card);
  cards = read_ok (text->str);

  g_assert_cmpuint (cards->len, ==, 3);
  g_assert_cmpuint (herald_vcard_entry_get_line (card (cards, 0)), ==, 1);
  g_assert_cmpuint (herald_vcard_entry_get_line (card (cards, 1)), ==, 19);
  g_assert_cmpuint (herald_vcard_entry_get_line (card (cards, 2)), ==, 30);
  g_assert_cmpstr (herald_vcard_entry_get_given_name (card (cards, 1)), ==, "Akúa");
  g_assert_cmpstr (herald_vcard_entry_get_given_name (card (cards, 2)), ==, "John");
}

static void
test_first_value_wins (void)
{
  g_autoptr(GPtrArray) cards = read_ok ("BEGIN:VCARD\nFN:First\nFN:Second\nN:;;;;\nN:Doe;Jane\n"
                                        "NOTE:\nNOTE:kept\nEND:VCARD\n");
  HeraldVcardEntry *entry = card (cards, 0);

  g_assert_cmpstr (herald_vcard_entry_get_formatted_name (entry), ==, "First");
  /* Empty values do not count as the first. */
  g_assert_cmpstr (herald_vcard_entry_get_family_name (entry), ==, "Doe");
  g_assert_cmpstr (herald_vcard_entry_get_note (entry), ==, "kept");
}

static void
test_skips_unknown_properties (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCARD\nVERSION:3.0\nPHOTO;ENCODING=b:");
  g_autoptr(GPtrArray) cards = NULL;

  /* A 3 MiB photo, folded, longer than any property Herald keeps. */
  for (guint i = 0; i < 3 * 1024 * 1024 / 76; i++)
    g_string_append (text, "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx\n ");
  g_string_append (text, "AA==\nX-CUSTOM;X-PARAM=1:whatever\nTEL:0241234567\nEND:VCARD\n");

  cards = read_ok (text->str);
  g_assert_cmpuint (herald_vcard_entry_get_n_phones (card (cards, 0)), ==, 1);
}

static void
test_empty_file (void)
{
  g_autoptr(GPtrArray) empty = read_ok ("");
  g_autoptr(GPtrArray) blank = read_ok ("\r\n  \r\n\t\n");

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
}

static void
test_malformed_no_end (void)
{
  g_autoptr(GError) error = read_error ("BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\n", -1,
                                        HERALD_VCARD_ERROR_UNTERMINATED_CARD);

  assert_message_contains (error, "Line 4:");
}

static void
test_malformed_nested (void)
{
  g_autoptr(GError) error = read_error ("BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n", -1,
                                        HERALD_VCARD_ERROR_NESTED_CARD);

  assert_message_contains (error, "Line 3:");
  assert_message_contains (error, "line 1");
}

static void
test_malformed_outside_card (void)
{
  g_autoptr(GError) before = read_error ("FN:A\nBEGIN:VCARD\nEND:VCARD\n", -1,
                                         HERALD_VCARD_ERROR_OUTSIDE_CARD);
  g_autoptr(GError) after = read_error ("BEGIN:VCARD\nEND:VCARD\nX-FOO:1\n", -1,
                                        HERALD_VCARD_ERROR_OUTSIDE_CARD);
  g_autoptr(GError) end = read_error ("END:VCARD\n", -1, HERALD_VCARD_ERROR_OUTSIDE_CARD);
  g_autoptr(GError) calendar = read_error ("BEGIN:VCALENDAR\n", -1, HERALD_VCARD_ERROR_OUTSIDE_CARD);

  assert_message_contains (before, "Line 1:");
  assert_message_contains (after, "Line 3:");
  assert_message_contains (end, "Line 1:");
  assert_message_contains (calendar, "BEGIN:VCALENDAR");
}

static void
test_malformed_not_a_property (void)
{
  g_autoptr(GError) csv = read_error ("name,phone\nAma,024\n", -1, HERALD_VCARD_ERROR_MALFORMED_LINE);
  g_autoptr(GError) no_colon = read_error ("BEGIN:VCARD\nTEL;CELL\nEND:VCARD\n", -1,
                                           HERALD_VCARD_ERROR_MALFORMED_LINE);
  g_autoptr(GError) bad_end = read_error ("BEGIN:VCARD\nEND:VCALENDAR\n", -1,
                                          HERALD_VCARD_ERROR_MALFORMED_LINE);
  g_autoptr(GError) bare_word = read_error ("BEGIN:VCARD\nFN:A\nX-JUNK\nEND:VCARD\n", -1,
                                            HERALD_VCARD_ERROR_MALFORMED_LINE);

  assert_message_contains (csv, "Line 1:");
  assert_message_contains (csv, "name,phone");
  assert_message_contains (no_colon, "Line 2:");
  assert_message_contains (bad_end, "Line 2:");
  assert_message_contains (bare_word, "Line 3:");
  assert_message_contains (bare_word, "X-JUNK");
}

static void
test_malformed_invalid_utf8 (void)
{
  g_autoptr(GError) raw = read_error ("BEGIN:VCARD\nVERSION:3.0\nFN:J\xFCrgen\nEND:VCARD\n", -1,
                                      HERALD_VCARD_ERROR_INVALID_UTF8);
  g_autoptr(GError) qp = read_error ("BEGIN:VCARD\n\nNOTE;ENCODING=QUOTED-PRINTABLE:=FF=FE\nEND:VCARD\n",
                                     -1, HERALD_VCARD_ERROR_INVALID_UTF8);
  g_autoptr(GError) nul = read_error ("BEGIN:VCARD\nFN:a\0b\nEND:VCARD\n", 29,
                                      HERALD_VCARD_ERROR_INVALID_UTF8);

  assert_message_contains (raw, "Line 3:");
  assert_message_contains (qp, "Line 3:");
  assert_message_contains (nul, "Line 2:");
}

static void
test_malformed_unknown_charset (void)
{
  g_autoptr(GError) error = read_error ("BEGIN:VCARD\nFN;CHARSET=X-NO-SUCH-CHARSET:a\nEND:VCARD\n",
                                        -1, HERALD_VCARD_ERROR_UNKNOWN_CHARSET);

  assert_message_contains (error, "Line 2:");
  assert_message_contains (error, "X-NO-SUCH-CHARSET");
}

static void
test_malformed_not_in_charset (void)
{
  /* é is no ASCII. */
  g_autoptr(GError) error = read_error ("BEGIN:VCARD\nFN;CHARSET=US-ASCII:Ren\xE9\nEND:VCARD\n",
                                        -1, HERALD_VCARD_ERROR_INVALID_UTF8);

  assert_message_contains (error, "Line 2:");
  assert_message_contains (error, "US-ASCII");
}

static void
test_malformed_line_too_long (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCARD\nFN:A\nNOTE:");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < HERALD_VCARD_READER_MAX_LINE / 64 + 1; i++)
    g_string_append (text, "0123456789012345678901234567890123456789012345678901234567890123\n ");
  g_string_append (text, "\nEND:VCARD\n");

  error = read_error (text->str, text->len, HERALD_VCARD_ERROR_LINE_TOO_LONG);
  assert_message_contains (error, "Line 3:");
}

static void
test_malformed_too_many_properties (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCARD\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i <= HERALD_VCARD_READER_MAX_PROPERTIES; i++)
    g_string_append (text, "TEL:1\n");
  g_string_append (text, "END:VCARD\n");

  error = read_error (text->str, text->len, HERALD_VCARD_ERROR_TOO_MANY_PROPERTIES);
  assert_message_contains (error, "Line 1:");
}

static void
test_malformed_sticky (void)
{
  g_autoptr(GInputStream) stream = memory_stream ("BEGIN:VCARD\nEND:VCARD\nbad line\n"
                                                  "BEGIN:VCARD\nEND:VCARD\n", -1);
  g_autoptr(HeraldVcardReader) reader = herald_vcard_reader_new (stream);
  g_autoptr(HeraldVcardEntry) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  HeraldVcardEntry *entry = NULL;

  g_assert_true (herald_vcard_reader_next (reader, &first, NULL, &error));
  g_assert_false (herald_vcard_reader_next (reader, &entry, NULL, &error));
  g_assert_error (error, HERALD_VCARD_ERROR, HERALD_VCARD_ERROR_MALFORMED_LINE);
  g_assert_null (entry);
  g_assert_false (herald_vcard_reader_next (reader, &entry, NULL, &again));
  g_assert_error (again, HERALD_VCARD_ERROR, HERALD_VCARD_ERROR_MALFORMED_LINE);
}

static void
test_cancellation (void)
{
  g_autoptr(GInputStream) stream = memory_stream ("BEGIN:VCARD\nFN:A\nEND:VCARD\n"
                                                  "BEGIN:VCARD\nFN:B\nEND:VCARD\n", -1);
  g_autoptr(HeraldVcardReader) reader = herald_vcard_reader_new (stream);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(HeraldVcardEntry) first = NULL;
  g_autoptr(GError) error = NULL;
  HeraldVcardEntry *entry = NULL;

  g_assert_true (herald_vcard_reader_next (reader, &first, cancellable, &error));
  g_assert_cmpstr (herald_vcard_entry_get_formatted_name (first), ==, "A");

  g_cancellable_cancel (cancellable);
  g_assert_false (herald_vcard_reader_next (reader, &entry, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (entry);
}

/* One text per card: what matters of it, to compare two readings. */
static char *
describe_cards (GPtrArray *cards)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    {
      HeraldVcardEntry *entry = g_ptr_array_index (cards, i);

      g_string_append_printf (out, "%u|%s|%s|%s|%s|%s|", herald_vcard_entry_get_line (entry),
                              herald_vcard_entry_get_formatted_name (entry),
                              herald_vcard_entry_get_family_name (entry),
                              herald_vcard_entry_get_given_name (entry),
                              herald_vcard_entry_get_organization (entry),
                              herald_vcard_entry_get_note (entry));
      for (guint p = 0; p < herald_vcard_entry_get_n_phones (entry); p++)
        g_string_append_printf (out, "%s/%u,", herald_vcard_entry_get_phone (entry, p),
                                herald_vcard_entry_get_phone_flags (entry, p));
      for (guint e = 0; e < herald_vcard_entry_get_n_emails (entry); e++)
        g_string_append_printf (out, "%s,", herald_vcard_entry_get_email (entry, e));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static void
test_stream_chunk_boundaries (void)
{
  g_autoptr(GString) text = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GPtrArray) whole = NULL;
  g_autofree char *expected = NULL;

  g_string_append (text, iphone_card);
  g_string_append (text, android_card);
  g_string_append (text, v4_card);
  g_string_append (text, "BEGIN:VCARD\rFN:Cr\r  only\rTEL:1\rEND:VCARD");

  whole = read_ok (text->str);
  g_assert_cmpuint (whole->len, ==, 4);
  expected = describe_cards (whole);

  for (gsize step = 1; step <= 4; step++)
    {
      g_autoptr(GInputStream) stream = trickle_stream_new (text->str, text->len, step);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) cards = read_stream (stream, &error);
      g_autofree char *result = NULL;

      g_assert_no_error (error);
      result = describe_cards (cards);
      g_assert_cmpstr (result, ==, expected);
    }
}

static void
test_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldVcardReader) reader = herald_vcard_reader_new_for_path ("/nonexistent/contacts.vcf",
                                                                          &error);

  g_assert_null (reader);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vcard-reader/v3/iphone", test_v3_iphone);
  g_test_add_func ("/vcard-reader/v21/android-quoted-printable", test_v21_android_quoted_printable);
  g_test_add_func ("/vcard-reader/v21/soft-break-with-space", test_v21_soft_break_with_space);
  g_test_add_func ("/vcard-reader/v4/tel-uri", test_v4_tel_uri);
  g_test_add_func ("/vcard-reader/folding", test_folding);
  g_test_add_func ("/vcard-reader/line-ends", test_line_ends);
  g_test_add_func ("/vcard-reader/escapes", test_escapes);
  g_test_add_func ("/vcard-reader/params/case-and-quotes", test_params_case_and_quotes);
  g_test_add_func ("/vcard-reader/charset/latin1", test_charset_latin1);
  g_test_add_func ("/vcard-reader/base64", test_base64);
  g_test_add_func ("/vcard-reader/quoted-printable/lenient", test_quoted_printable_lenient);
  g_test_add_func ("/vcard-reader/several-cards", test_several_cards);
  g_test_add_func ("/vcard-reader/first-value-wins", test_first_value_wins);
  g_test_add_func ("/vcard-reader/skips-unknown-properties", test_skips_unknown_properties);
  g_test_add_func ("/vcard-reader/empty-file", test_empty_file);
  g_test_add_func ("/vcard-reader/malformed/no-end", test_malformed_no_end);
  g_test_add_func ("/vcard-reader/malformed/nested", test_malformed_nested);
  g_test_add_func ("/vcard-reader/malformed/outside-card", test_malformed_outside_card);
  g_test_add_func ("/vcard-reader/malformed/not-a-property", test_malformed_not_a_property);
  g_test_add_func ("/vcard-reader/malformed/invalid-utf8", test_malformed_invalid_utf8);
  g_test_add_func ("/vcard-reader/malformed/unknown-charset", test_malformed_unknown_charset);
  g_test_add_func ("/vcard-reader/malformed/not-in-charset", test_malformed_not_in_charset);
  g_test_add_func ("/vcard-reader/malformed/line-too-long", test_malformed_line_too_long);
  g_test_add_func ("/vcard-reader/malformed/too-many-properties", test_malformed_too_many_properties);
  g_test_add_func ("/vcard-reader/malformed/sticky", test_malformed_sticky);
  g_test_add_func ("/vcard-reader/stream/chunk-boundaries", test_stream_chunk_boundaries);
  g_test_add_func ("/vcard-reader/cancellation", test_cancellation);
  g_test_add_func ("/vcard-reader/path", test_path);

  return g_test_run ();
}
