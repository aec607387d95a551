/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-vcard"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "herald-vcard-reader-private.h"

/* How HeraldVcardReader decodes what follows a property's name: the
 * parameters, the value's encoding and charset, and the text escapes. */

/* How much of a line an error message quotes, in characters and at most
 * in bytes. */
#define QUOTE_CHARS 40
#define QUOTE_BYTES 160

void
herald_vcard_params_clear (HeraldVcardParams *params)
{
  g_clear_pointer (&params->charset, g_free);
}

/* The start of @text, fit to be quoted in a message. */
char *
herald_vcard_describe (const char *text,
                       gsize       len)
{
  g_autofree char *valid = g_utf8_make_valid (text, MIN (len, QUOTE_BYTES));
  g_autofree char *start = NULL;
  glong n_chars = g_utf8_strlen (valid, -1);

  if (n_chars <= QUOTE_CHARS && len <= QUOTE_BYTES)
    return g_steal_pointer (&valid);

  start = g_utf8_substring (valid, 0, MIN (n_chars, QUOTE_CHARS));

  return g_strconcat (start, "…", NULL);
}

static guint
type_flag (const char *value,
           gsize       len)
{
  static const struct
  {
    const char *name;
    guint       flag;
  } types[] = {
    { "cell", HERALD_VCARD_PHONE_CELL },
    { "mobile", HERALD_VCARD_PHONE_CELL },
    { "iphone", HERALD_VCARD_PHONE_CELL },
    { "pref", HERALD_VCARD_PHONE_PREF },
    { "home", HERALD_VCARD_PHONE_HOME },
    { "work", HERALD_VCARD_PHONE_WORK },
    { "voice", HERALD_VCARD_PHONE_VOICE },
    { "fax", HERALD_VCARD_PHONE_FAX },
    { "text", HERALD_VCARD_PHONE_TEXT },
    { "msg", HERALD_VCARD_PHONE_TEXT },
    { "pager", HERALD_VCARD_PHONE_PAGER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (strlen (types[i].name) == len && g_ascii_strncasecmp (value, types[i].name, len) == 0)
      return types[i].flag;

  return 0;
}

static gboolean
span_is (const char *text,
         gsize       len,
         const char *word)
{
  return strlen (word) == len && g_ascii_strncasecmp (text, word, len) == 0;
}

/* One value of a parameter; @name is NULL for a 2.1 bare word. */
static void
apply_param (HeraldVcardParams *params,
             const char        *name,
             gsize              name_len,
             const char        *value,
             gsize              len)
{
  if (len > 0 && value[0] == '"')
    {
      value++;
      len--;
    }
  if (len > 0 && value[len - 1] == '"')
    len--;

  if (name == NULL)
    {
      if (span_is (value, len, "QUOTED-PRINTABLE"))
        params->quoted_printable = TRUE;
      else if (span_is (value, len, "BASE64"))
        params->base64 = TRUE;
      else
        params->types |= type_flag (value, len);
    }
  else if (span_is (name, name_len, "TYPE"))
    params->types |= type_flag (value, len);
  else if (span_is (name, name_len, "PREF"))
    {
      if (span_is (value, len, "1"))
        params->types |= HERALD_VCARD_PHONE_PREF;
    }
  else if (span_is (name, name_len, "ENCODING"))
    {
      if (span_is (value, len, "QUOTED-PRINTABLE"))
        params->quoted_printable = TRUE;
      else if (span_is (value, len, "B") || span_is (value, len, "BASE64"))
        params->base64 = TRUE;
    }
  else if (span_is (name, name_len, "CHARSET"))
    {
      g_free (params->charset);
      params->charset = g_strndup (value, len);
    }
  else if (span_is (name, name_len, "VALUE"))
    params->uri = span_is (value, len, "uri");
}

/* Applies the values of one parameter, text[start..end): NAME=v1,v2 or a
 * bare word. Values are separated by commas, also inside quotes: 4.0 writes
 * TYPE="cell,voice". */
static void
apply_param_values (HeraldVcardParams *params,
                    const char        *text,
                    gsize              start,
                    gsize              eq,
                    gsize              end)
{
  const char *name = eq != 0 ? text + start : NULL;
  gsize name_len = eq != 0 ? eq - start : 0;
  gsize value_start = eq != 0 ? eq + 1 : start;

  for (gsize i = value_start; i <= end; i++)
    if (i == end || text[i] == ',')
      {
        if (i > value_start)
          apply_param (params, name, name_len, text + value_start, i - value_start);
        value_start = i + 1;
      }
}

/* Parses the parameters from @pos (just after the name) to the colon
 * outside double quotes, and returns where the value starts, or -1 when
 * there is no colon. */
gssize
herald_vcard_parse_params (const char        *text,
                           gsize              len,
                           gsize              pos,
                           HeraldVcardParams *params)
{
  while (pos < len && text[pos] == ';')
    {
      gsize start = ++pos;
      gsize eq = 0;
      gboolean in_quotes = FALSE;

      for (; pos < len; pos++)
        {
          if (text[pos] == '"')
            in_quotes = !in_quotes;
          else if (!in_quotes && (text[pos] == ';' || text[pos] == ':'))
            break;
          else if (!in_quotes && text[pos] == '=' && eq == 0)
            eq = pos;
        }

      apply_param_values (params, text, start, eq, pos);
    }

  if (pos >= len || text[pos] != ':')
    return -1;

  return pos + 1;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

/* Quoted-printable: =XX is a byte; an '=' not followed by two hex digits
 * is kept as it is rather than refused, as phones do write those. */
static GByteArray *
decode_quoted_printable (const char *text,
                         gsize       len)
{
  GByteArray *bytes = g_byte_array_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      int high, low;

      if (text[i] == '=' && i + 2 < len && (high = hex_value (text[i + 1])) >= 0 &&
          (low = hex_value (text[i + 2])) >= 0)
        {
          guint8 b = (guint8) (high << 4 | low);

          g_byte_array_append (bytes, &b, 1);
          i += 2;
        }
      else
        g_byte_array_append (bytes, (const guint8 *) text + i, 1);
    }

  return bytes;
}

static gboolean
charset_is_utf8 (const char *charset)
{
  return g_ascii_strcasecmp (charset, "UTF-8") == 0 || g_ascii_strcasecmp (charset, "UTF8") == 0;
}

/* The value as UTF-8 text, before escapes are undone. */
char *
herald_vcard_decode_value (const char               *value,
                           gsize                     len,
                           const HeraldVcardParams  *params,
                           guint                     line,
                           GError                  **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *converted = NULL;
  const char *data;
  gsize data_len;

  if (params->quoted_printable)
    {
      bytes = decode_quoted_printable (value, len);
      data = (const char *) bytes->data;
      data_len = bytes->len;
    }
  else if (params->base64)
    {
      g_autofree char *copy = g_strndup (value, len);
      gsize decoded_len = 0;
      guchar *decoded = g_base64_decode (copy, &decoded_len);

      bytes = g_byte_array_new_take (decoded, decoded_len);
      data = (const char *) bytes->data;
      data_len = bytes->len;
    }
  else
    {
      data = value;
      data_len = len;
    }

  if (params->charset != NULL && !charset_is_utf8 (params->charset))
    {
      g_autoptr(GError) local_error = NULL;
      gsize written = 0;
      g_autofree char *charset = herald_vcard_describe (params->charset, strlen (params->charset));

      converted = g_convert (data, data_len, "UTF-8", params->charset, NULL, &written,
                             &local_error);
      if (converted == NULL &&
          g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
        {
          g_set_error (error, HERALD_VCARD_ERROR, HERALD_VCARD_ERROR_UNKNOWN_CHARSET,
                       _("Line %u: the character set “%s” is unknown. "
                         "Export the contacts again as vCard in UTF-8."),
                       line, charset);
          return NULL;
        }
      if (converted == NULL)
        {
          g_set_error (error, HERALD_VCARD_ERROR, HERALD_VCARD_ERROR_INVALID_UTF8,
                       _("Line %u: the text is not in the character set “%s” it declares. "
                         "Export the contacts again as vCard in UTF-8."),
                       line, charset);
          return NULL;
        }
      data = converted;
      data_len = written;
    }

  if (!g_utf8_validate_len (data, data_len, NULL))
    {
      g_set_error (error, HERALD_VCARD_ERROR, HERALD_VCARD_ERROR_INVALID_UTF8,
                   _("Line %u: the text is not UTF-8. "
                     "Export the contacts again as vCard in UTF-8, or give its CHARSET."),
                   line);
      return NULL;
    }

  if (converted != NULL && data_len == strlen (converted))
    return g_steal_pointer (&converted);

  return g_strndup (data, data_len);
}

/* Undoes \n \N \, \; \: \\; a backslash before anything else stays. With
 * @components, also splits at the ';' that are not escaped. */
GPtrArray *
herald_vcard_unescape (const char *text,
                       gboolean    components)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  GString *part = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          if (*p == 'n' || *p == 'N')
            g_string_append_c (part, '\n');
          else if (strchr (",;:\\", *p) != NULL)
            g_string_append_c (part, *p);
          else
            {
              g_string_append_c (part, '\\');
              g_string_append_c (part, *p);
            }
        }
      else if (*p == ';' && components)
        {
          g_ptr_array_add (parts, g_string_free (part, FALSE));
          part = g_string_new (NULL);
        }
      else
        g_string_append_c (part, *p);
    }
  g_ptr_array_add (parts, g_string_free (part, FALSE));

  return parts;
}

char *
herald_vcard_unescape_text (const char *text)
{
  g_autoptr(GPtrArray) parts = herald_vcard_unescape (text, FALSE);

  return g_strstrip ((char *) g_ptr_array_steal_index (parts, 0));
}

char *
herald_vcard_component (GPtrArray *parts,
                        guint      index)
{
  if (index >= parts->len)
    return NULL;

  return g_strstrip (g_strdup (g_ptr_array_index (parts, index)));
}

/* ORG: company, department… joined with ", ", the empty ones left out. */
char *
herald_vcard_join_components (GPtrArray *parts)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      char *part = g_strstrip ((char *) g_ptr_array_index (parts, i));

      if (part[0] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append (joined, ", ");
      g_string_append (joined, part);
    }

  return g_string_free (joined, FALSE);
}

char *
herald_vcard_phone_from_value (const char              *value,
                               const HeraldVcardParams *params)
{
  g_autofree char *text = herald_vcard_unescape_text (value);
  char *semicolon;

  if (!params->uri && g_ascii_strncasecmp (text, "tel:", 4) != 0)
    return g_steal_pointer (&text);

  /* tel:+1-555-0100;ext=12 */
  if (g_ascii_strncasecmp (text, "tel:", 4) == 0)
    memmove (text, text + 4, strlen (text + 4) + 1);
  semicolon = strchr (text, ';');
  if (semicolon != NULL)
    *semicolon = '\0';

  return g_strstrip (g_steal_pointer (&text));
}

gboolean
herald_vcard_value_is_vcard (const char *value,
                             gsize       len)
{
  while (len > 0 && (value[len - 1] == ' ' || value[len - 1] == '\t'))
    len--;
  while (len > 0 && (*value == ' ' || *value == '\t'))
    {
      value++;
      len--;
    }

  return span_is (value, len, "VCARD");
}

