/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-vcard"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "herald-vcard-entry-private.h"
#include "herald-vcard-reader-private.h"
#include "herald-text-input-private.h"

#define fail(self, error, code, ...) \
  herald_text_input_fail (&(self)->in, (error), HERALD_VCARD_ERROR, (code), __VA_ARGS__)

struct _HeraldVcardReader
{
  GObject       parent_instance;

  HeraldTextInput in;

  guint         line;         /* physical lines read so far */
  GString      *text;         /* the property being read, unfolded */
};

G_DEFINE_FINAL_TYPE (HeraldVcardReader, herald_vcard_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (herald-vcard-error-quark, herald_vcard_error)

/* The properties Herald reads; the rest are skipped unread. */
static const char * const read_properties[] = {
  "BEGIN", "END", "VERSION", "FN", "N", "TEL", "EMAIL", "ORG", "NOTE",
};

static void
herald_vcard_reader_finalize (GObject *object)
{
  HeraldVcardReader *self = (HeraldVcardReader *) object;

  herald_text_input_clear (&self->in);
  g_string_free (self->text, TRUE);

  G_OBJECT_CLASS (herald_vcard_reader_parent_class)->finalize (object);
}

static void
herald_vcard_reader_class_init (HeraldVcardReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = herald_vcard_reader_finalize;
}

static void
herald_vcard_reader_init (HeraldVcardReader *self)
{
  self->text = g_string_sized_new (256);
}

/**
 * herald_vcard_reader_new:
 * @stream: the vCard text
 *
 * Returns: (transfer full): a reader of @stream, which it keeps a reference to
 */
HeraldVcardReader *
herald_vcard_reader_new (GInputStream *stream)
{
  HeraldVcardReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (HERALD_TYPE_VCARD_READER, NULL);
  herald_text_input_init (&self->in, stream);

  return self;
}

/**
 * herald_vcard_reader_new_for_path:
 * @path: a file name
 * @error: return location for a #GIOErrorEnum error
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL if the file
 *   cannot be opened
 */
HeraldVcardReader *
herald_vcard_reader_new_for_path (const char  *path,
                                  GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = herald_text_input_open (path, error);

  return stream != NULL ? herald_vcard_reader_new (stream) : NULL;
}

/* The next byte without consuming it, or -1 at the end. */
static gboolean
peek (HeraldVcardReader  *self,
      int                *byte,
      GCancellable       *cancellable,
      GError            **error)
{
  if (!herald_text_input_fill (&self->in, cancellable, error))
    return FALSE;

  *byte = self->in.pos < self->in.len ? self->in.buffer[self->in.pos] : -1;

  return TRUE;
}

/* Reads one physical line and appends it, without its line end, to @dest
 * (when not %NULL) as long as @dest stays within the limit; what does not
 * fit is dropped and *@truncated set. *@got is %FALSE at the end of input. */
static gboolean
read_physical_line (HeraldVcardReader  *self,
                    GString            *dest,
                    gboolean           *truncated,
                    gboolean           *got,
                    GCancellable       *cancellable,
                    GError            **error)
{
  *got = FALSE;

  for (;;)
    {
      const guint8 *start;
      const guint8 *end;
      const guint8 *p;
      int next;

      if (!herald_text_input_fill (&self->in, cancellable, error))
        return FALSE;

      if (self->in.pos == self->in.len)
        {
          if (*got)
            self->line++;
          return TRUE;
        }

      *got = TRUE;
      start = self->in.buffer + self->in.pos;
      end = self->in.buffer + self->in.len;
      for (p = start; p < end && *p != '\r' && *p != '\n'; p++)
        ;

      if (dest != NULL)
        {
          gsize room = HERALD_VCARD_READER_MAX_LINE - MIN (dest->len, HERALD_VCARD_READER_MAX_LINE);
          gsize n = p - start;

          if (n > room)
            {
              *truncated = TRUE;
              n = room;
            }
          g_string_append_len (dest, (const char *) start, n);
        }

      self->in.pos = p - self->in.buffer;
      if (p == end)
        continue;

      self->in.pos++;
      self->line++;
      if (*p == '\r')
        {
          if (!peek (self, &next, cancellable, error))
            return FALSE;
          if (next == '\n')
            self->in.pos++;
        }

      return TRUE;
    }
}

static gboolean
is_blank (const GString *text)
{
  for (gsize i = 0; i < text->len; i++)
    if (text->str[i] != ' ' && text->str[i] != '\t')
      return FALSE;

  return TRUE;
}

/* Where the property name ends (at ';', ':' or the end), and where it
 * starts once a group ("item1.") is left out. FALSE if it is not a name. */
static gboolean
find_name (const char *text,
           gsize       len,
           gsize      *name_start,
           gsize      *name_end)
{
  gsize i;

  *name_start = 0;
  for (i = 0; i < len && text[i] != ';' && text[i] != ':'; i++)
    {
      if (text[i] == '.')
        *name_start = i + 1;
      else if (!g_ascii_isalnum (text[i]) && text[i] != '-' && text[i] != '_')
        break;
    }
  *name_end = i;

  if (i < len && text[i] != ';' && text[i] != ':')
    return FALSE;

  return *name_end > *name_start;
}

static gboolean
name_is (const char *text,
         gsize       name_start,
         gsize       name_end,
         const char *name)
{
  gsize len = name_end - name_start;

  return strlen (name) == len && g_ascii_strncasecmp (text + name_start, name, len) == 0;
}

static gboolean
is_read_property (const char *text,
                  gsize       name_start,
                  gsize       name_end)
{
  for (guint i = 0; i < G_N_ELEMENTS (read_properties); i++)
    if (name_is (text, name_start, name_end, read_properties[i]))
      return TRUE;

  return FALSE;
}

/* Only whether the parameters mention quoted-printable, which decides how
 * lines join before the parameters are parsed properly. */
static gboolean
mentions_quoted_printable (const GString *text)
{
  static const char needle[] = "QUOTED-PRINTABLE";
  const char *colon = memchr (text->str, ':', text->len);
  gsize end = colon != NULL ? (gsize) (colon - text->str) : text->len;

  for (gsize i = 0; i + strlen (needle) <= end; i++)
    if (g_ascii_strncasecmp (text->str + i, needle, strlen (needle)) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
ends_with_soft_break (const GString *text)
{
  return text->len > 0 && text->str[text->len - 1] == '=';
}

/* Reads the next non-blank logical line into self->text: unfolded, and for
 * quoted-printable values with their soft line breaks joined. Properties
 * Herald does not read are consumed without being kept (*@read FALSE). */
static gboolean
read_property (HeraldVcardReader  *self,
               gboolean           *got,
               guint              *line,
               gboolean           *read,
               GCancellable       *cancellable,
               GError            **error)
{
  GString *text = self->text;
  gboolean truncated = FALSE;
  gboolean continued = FALSE;
  gboolean quoted_printable;
  gboolean has_colon;
  gsize name_start, name_end;
  gsize indent = 0;

  do
    {
      g_string_truncate (text, 0);
      truncated = FALSE;
      if (!read_physical_line (self, text, &truncated, got, cancellable, error))
        return FALSE;
      if (!*got)
        return TRUE;
    }
  while (is_blank (text));

  *line = self->line;

  /* Indentation (of a hand-written file) is no part of the name. */
  while (indent < text->len && (text->str[indent] == ' ' || text->str[indent] == '\t'))
    indent++;
  g_string_erase (text, 0, indent);

  if (!find_name (text->str, text->len, &name_start, &name_end))
    {
      g_autofree char *quoted = herald_vcard_describe (text->str, text->len);

      return fail (self, error, HERALD_VCARD_ERROR_MALFORMED_LINE,
                   _("Line %u: “%s” is not a vCard property (NAME:value). "
                     "Check that the file is a vCard (.vcf) file."),
                   *line, quoted);
    }

  *read = is_read_property (text->str, name_start, name_end);
  has_colon = memchr (text->str, ':', text->len) != NULL;
  quoted_printable = *read && mentions_quoted_printable (text);

  for (;;)
    {
      int next;
      gboolean got_line;

      if (!peek (self, &next, cancellable, error))
        return FALSE;

      if (next == ' ' || next == '\t')
        {
          self->in.pos++;
          if (quoted_printable && ends_with_soft_break (text))
            g_string_truncate (text, text->len - 1);
        }
      else if (quoted_printable && next != -1 && ends_with_soft_break (text))
        g_string_truncate (text, text->len - 1);
      else
        break;

      continued = TRUE;
      if (!read_physical_line (self, *read ? text : NULL, &truncated, &got_line,
                               cancellable, error))
        return FALSE;
    }

  if (!has_colon && !*read && !continued)
    {
      g_autofree char *quoted = herald_vcard_describe (text->str, text->len);

      return fail (self, error, HERALD_VCARD_ERROR_MALFORMED_LINE,
                   _("Line %u: “%s” is not a vCard property (NAME:value). "
                     "Check that the file is a vCard (.vcf) file."),
                   *line, quoted);
    }

  if (*read && truncated)
    return fail (self, error, HERALD_VCARD_ERROR_LINE_TOO_LONG,
                 _("Line %u: the property starting here is longer than %u MiB. "
                   "Check that the file is a vCard (.vcf) file."),
                 *line, HERALD_VCARD_READER_MAX_LINE / 1048576);

  return TRUE;
}

static gboolean
fail_outside_card (HeraldVcardReader  *self,
                   guint               line,
                   GError            **error)
{
  g_autofree char *quoted = herald_vcard_describe (self->text->str, self->text->len);

  return fail (self, error, HERALD_VCARD_ERROR_OUTSIDE_CARD,
               _("Line %u: “%s” is outside a card. "
                 "Every card starts with BEGIN:VCARD and ends with END:VCARD."),
               line, quoted);
}

/* Keeps a decoded value in the entry, if the property is one Herald uses. */
static void
store_value (HeraldVcardEntry        *entry,
             const char              *text,
             gsize                    name_start,
             gsize                    name_end,
             char                    *value,
             const HeraldVcardParams *params)
{
  g_autoptr(GPtrArray) parts = NULL;

  if (name_is (text, name_start, name_end, "VERSION"))
    herald_vcard_entry_take_version (entry, g_strstrip (value));
  else if (name_is (text, name_start, name_end, "FN"))
    herald_vcard_entry_take_formatted_name (entry, herald_vcard_unescape_text (value));
  else if (name_is (text, name_start, name_end, "NOTE"))
    herald_vcard_entry_take_note (entry, herald_vcard_unescape_text (value));
  else if (name_is (text, name_start, name_end, "TEL"))
    herald_vcard_entry_take_phone (entry, herald_vcard_phone_from_value (value, params), params->types);
  else if (name_is (text, name_start, name_end, "EMAIL"))
    herald_vcard_entry_take_email (entry, herald_vcard_unescape_text (value),
                                   (params->types & HERALD_VCARD_PHONE_PREF) != 0);
  else if (name_is (text, name_start, name_end, "N"))
    {
      parts = herald_vcard_unescape (value, TRUE);
      herald_vcard_entry_take_name (entry, herald_vcard_component (parts, 0), herald_vcard_component (parts, 1),
                                    herald_vcard_component (parts, 2));
    }
  else if (name_is (text, name_start, name_end, "ORG"))
    {
      parts = herald_vcard_unescape (value, TRUE);
      herald_vcard_entry_take_organization (entry, herald_vcard_join_components (parts));
    }

  /* VERSION took it; the others copied what they keep. */
  if (!name_is (text, name_start, name_end, "VERSION"))
    g_free (value);
}

/* Handles one property Herald reads, in self->text: BEGIN starts *@entry,
 * END finishes it (*@done), the others fill it. */
static gboolean
handle_property (HeraldVcardReader  *self,
                 HeraldVcardEntry  **entry,
                 guint               line,
                 gboolean           *done,
                 GError            **error)
{
  const char *text = self->text->str;
  gsize len = self->text->len;
  gsize name_start, name_end;
  gssize value_start;
  g_auto(HeraldVcardParams) params = { 0, };
  g_autofree char *quoted = NULL;
  char *value;

  find_name (text, len, &name_start, &name_end);
  value_start = herald_vcard_parse_params (text, len, name_end, &params);
  if (value_start < 0)
    {
      quoted = herald_vcard_describe (text, len);
      return fail (self, error, HERALD_VCARD_ERROR_MALFORMED_LINE,
                   _("Line %u: “%s” has no ':' before its value. "
                     "Check that the file is a vCard (.vcf) file."),
                   line, quoted);
    }

  if (name_is (text, name_start, name_end, "BEGIN"))
    {
      if (*entry != NULL)
        return fail (self, error, HERALD_VCARD_ERROR_NESTED_CARD,
                     _("Line %u: a card starts inside the card of line %u. "
                       "Add the missing END:VCARD before it."),
                     line, herald_vcard_entry_get_line (*entry));
      if (!herald_vcard_value_is_vcard (text + value_start, len - value_start))
        {
          quoted = herald_vcard_describe (text, len);
          return fail (self, error, HERALD_VCARD_ERROR_OUTSIDE_CARD,
                       _("Line %u: “%s” does not start a card. "
                         "Check that the file is a vCard (.vcf) file."),
                       line, quoted);
        }
      *entry = herald_vcard_entry_new (line);
      return TRUE;
    }

  if (*entry == NULL)
    return fail_outside_card (self, line, error);

  if (name_is (text, name_start, name_end, "END"))
    {
      if (!herald_vcard_value_is_vcard (text + value_start, len - value_start))
        {
          quoted = herald_vcard_describe (text, len);
          return fail (self, error, HERALD_VCARD_ERROR_MALFORMED_LINE,
                       _("Line %u: “%s” does not end a card. "
                         "Every card ends with END:VCARD."),
                       line, quoted);
        }
      *done = TRUE;
      return TRUE;
    }

  value = herald_vcard_decode_value (text + value_start, len - value_start, &params, line, error);
  if (value == NULL)
    return FALSE;

  store_value (*entry, text, name_start, name_end, value, &params);

  return TRUE;
}

static gboolean
read_card (HeraldVcardReader  *self,
           HeraldVcardEntry  **out_entry,
           GCancellable       *cancellable,
           GError            **error)
{
  g_autoptr(HeraldVcardEntry) entry = NULL;
  guint n_properties = 0;

  for (;;)
    {
      gboolean got = FALSE;
      gboolean read = FALSE;
      gboolean done = FALSE;
      guint line = 0;

      if (!read_property (self, &got, &line, &read, cancellable, error))
        return FALSE;

      if (!got && entry != NULL)
        return fail (self, error, HERALD_VCARD_ERROR_UNTERMINATED_CARD,
                     _("Line %u: the card that starts here has no END:VCARD. "
                       "The file may be cut short; export the contacts again."),
                     herald_vcard_entry_get_line (entry));
      if (!got)
        return TRUE;

      if (entry != NULL && ++n_properties > HERALD_VCARD_READER_MAX_PROPERTIES)
        return fail (self, error, HERALD_VCARD_ERROR_TOO_MANY_PROPERTIES,
                     _("Line %u: the card that starts here has more than %u properties. "
                       "Check that every card ends with END:VCARD."),
                     herald_vcard_entry_get_line (entry), HERALD_VCARD_READER_MAX_PROPERTIES);

      /* A card can be long: look at the cancellable now and then. */
      if (n_properties % 1024 == 1023 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!read && entry == NULL)
        return fail_outside_card (self, line, error);
      if (!read)
        continue;

      if (!handle_property (self, &entry, line, &done, error))
        return FALSE;

      if (done)
        {
          *out_entry = g_steal_pointer (&entry);
          return TRUE;
        }
    }
}

/**
 * herald_vcard_reader_next:
 * @self: a #HeraldVcardReader
 * @entry: (out) (transfer full): the next card
 * @cancellable: (nullable): a #GCancellable, checked before each card
 * @error: return location for a %HERALD_VCARD_ERROR or #GIOErrorEnum error
 *
 * Reads the next card.
 *
 * Returns: %TRUE with @entry set; %FALSE at the end of the input (@entry
 *   set to %NULL, @error not set) or with @error set
 */
gboolean
herald_vcard_reader_next (HeraldVcardReader  *self,
                          HeraldVcardEntry  **entry,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HERALD_IS_VCARD_READER (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *entry = NULL;

  if (!herald_text_input_check (&self->in, cancellable, error))
    return FALSE;

  /* Enough to see a byte order mark. */
  if ((!self->in.started && !herald_text_input_start (&self->in, NULL, NULL, cancellable, &local_error)) ||
      !read_card (self, entry, cancellable, &local_error))
    {
      /* Cancelled in the middle of a card, the reader cannot resume either. */
      herald_text_input_failed (&self->in, g_steal_pointer (&local_error), FALSE, error);
      return FALSE;
    }

  return *entry != NULL;
}
