/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-template"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "herald-template.h"

/* Expected bytes of a value, to size the output of a render once. */
#define VALUE_SIZE_HINT 16
/* Longest name quoted in full in an error message, in characters. */
#define NAME_DISPLAY_MAX 32

typedef struct
{
  gsize start;   /* into chars */
  gsize length;
} Run;

struct _HeraldTemplate
{
  gatomicrefcount            ref_count;

  char                      *text;
  gsize                      length;

  /* The literal text with “{{{{” already reduced to “{{”, and the
   * NUL-terminated fallbacks, in one block. */
  char                      *chars;
  /* n_placeholders + 1 runs of literal text: run i comes before
   * placeholder i, the last one ends the text. */
  Run                       *runs;

  HeraldTemplatePlaceholder *placeholders;
  guint                      n_placeholders;

  char                     **variables;
  guint                      n_variables;

  gsize                      size_hint;
};

G_DEFINE_BOXED_TYPE (HeraldTemplate, herald_template, herald_template_ref, herald_template_unref)

G_DEFINE_QUARK (herald-template-error-quark, herald_template_error)

static const char * const standard_fields[] = {
  "first_name",
  "last_name",
  "phone",
  "email",
  NULL
};

/* Moves @pos forward to @offset. Only bytes before @offset are read, so
 * this works up to the first invalid byte of a text. */
static void
position_advance (HeraldTemplatePosition *pos,
                  const char             *text,
                  gsize                   offset)
{
  g_assert (offset >= pos->offset);

  for (gsize i = pos->offset; i < offset; i++)
    {
      guchar c = (guchar) text[i];

      if (c == '\n')
        {
          pos->line++;
          pos->column = 1;
        }
      else if ((c & 0xC0) != 0x80)
        {
          /* a lead byte: one more character on this line */
          pos->column++;
        }
    }

  pos->offset = offset;
}

static char *
describe_char (gunichar ch)
{
  char buf[8] = { 0 };

  if (!g_unichar_isgraph (ch))
    return g_strdup_printf ("U+%04X", ch);

  g_unichar_to_utf8 (ch, buf);

  return g_strdup (buf);
}

/* @text is valid UTF-8 over @length bytes. */
static char *
describe_name (const char *text,
               gsize       length)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, length) <= NAME_DISPLAY_MAX)
    return g_strndup (text, length);

  start = g_utf8_substring (text, 0, NAME_DISPLAY_MAX);

  return g_strconcat (start, "…", NULL);
}

typedef struct
{
  const char             *text;
  gsize                   length;
  HeraldTemplatePosition  cursor;

  GString                *chars;
  GArray                 *runs;            /* Run */
  GArray                 *placeholders;    /* HeraldTemplatePlaceholder */
  GArray                 *fallbacks;       /* gssize offset into chars, -1 for none */
  GPtrArray              *variables;       /* lower-case names */
  GHashTable             *variable_index;  /* name → index + 1 */

  HeraldTemplatePosition *error_position;
} Parser;

static void
parser_clear (Parser *parser)
{
  if (parser->chars != NULL)
    g_string_free (parser->chars, TRUE);
  g_clear_pointer (&parser->runs, g_array_unref);
  g_clear_pointer (&parser->placeholders, g_array_unref);
  g_clear_pointer (&parser->fallbacks, g_array_unref);
  g_clear_pointer (&parser->variables, g_ptr_array_unref);
  g_clear_pointer (&parser->variable_index, g_hash_table_unref);
}

static HeraldTemplatePosition
parser_position (Parser *parser,
                 gsize   offset)
{
  position_advance (&parser->cursor, parser->text, offset);

  return parser->cursor;
}

static HeraldTemplatePosition
parser_error_position (Parser *parser,
                       gsize   offset)
{
  HeraldTemplatePosition pos = parser_position (parser, offset);

  if (parser->error_position != NULL)
    *parser->error_position = pos;

  return pos;
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

static gboolean
fail_unclosed (Parser  *parser,
               gsize    start,
               gboolean has_bar,
               GError **error)
{
  HeraldTemplatePosition pos = parser_error_position (parser, start);

  if (has_bar)
    g_set_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_UNCLOSED,
                 _("Unclosed “{{” at line %u, column %u: add “}}” after the fallback text"),
                 pos.line, pos.column);
  else
    g_set_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_UNCLOSED,
                 _("Unclosed “{{” at line %u, column %u: add “}}” after the variable name"),
                 pos.line, pos.column);

  return FALSE;
}

/* The name written between @name_start and @name_end has a character
 * that is not allowed at @bad. */
static gboolean
fail_invalid_name (Parser  *parser,
                   gsize    name_start,
                   gsize    name_end,
                   gsize    bad,
                   GError **error)
{
  const char *text = parser->text;
  HeraldTemplatePosition pos = parser_error_position (parser, bad);
  gunichar ch = g_utf8_get_char (text + bad);
  g_autofree char *name = describe_name (text + name_start, name_end - name_start);
  g_autofree char *shown = describe_char (ch);

  if (bad == name_start && ch == '{')
    /* “{{{name}}”: most likely an attempt at literal braces */
    g_set_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_INVALID_NAME,
                 _("Unexpected “{” at line %u, column %u: a variable name starts with a "
                   "letter or “_”; to write “{{” as text, double it: “{{{{”"),
                 pos.line, pos.column);
  else if (bad == name_start)
    g_set_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_INVALID_NAME,
                 _("Variable name “%s” at line %u, column %u must start with a letter or “_”"),
                 name, pos.line, pos.column);
  else if (is_blank (text[bad]))
    g_set_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_INVALID_NAME,
                 _("Space in variable name “%s” at line %u, column %u: use “_” instead of spaces"),
                 name, pos.line, pos.column);
  else
    g_set_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_INVALID_NAME,
                 _("Invalid character “%s” in variable name “%s” at line %u, column %u: "
                   "use only letters, digits and “_”"),
                 shown, name, pos.line, pos.column);

  return FALSE;
}

static guint
parser_add_variable (Parser     *parser,
                     const char *text,
                     gsize       length)
{
  g_autofree char *name = g_ascii_strdown (text, length);
  gpointer found = g_hash_table_lookup (parser->variable_index, name);

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  g_ptr_array_add (parser->variables, name);
  g_hash_table_insert (parser->variable_index, name,
                       GUINT_TO_POINTER (parser->variables->len));
  g_steal_pointer (&name);

  return parser->variables->len - 1;
}

/* Parses the placeholder whose “{{” is at @start; *@end receives the
 * offset just past its “}}”. */
static gboolean
parse_placeholder (Parser  *parser,
                   gsize    start,
                   gsize   *end,
                   GError **error)
{
  const char *text = parser->text;
  gsize length = parser->length;
  HeraldTemplatePlaceholder placeholder = { 0 };
  gsize close = 0;
  gsize bar = 0;
  gboolean has_bar = FALSE;
  gboolean closed = FALSE;
  gsize name_start, name_end;
  gssize fallback = -1;

  /* Find the closing “}}” first: a missing one is the likeliest mistake,
   * and a placeholder that runs into a line break or another “{{” is
   * missing it. */
  for (gsize i = start + 2; i < length; i++)
    {
      char c = text[i];
      char next = '\0';

      if (i + 1 < length)
        next = text[i + 1];

      if (c == '}' && next == '}')
        {
          close = i;
          closed = TRUE;
          break;
        }
      if (c == '\n' || c == '\r' || (c == '{' && next == '{'))
        break;
      if (c == '|' && !has_bar)
        {
          bar = i;
          has_bar = TRUE;
        }
    }

  if (!closed)
    return fail_unclosed (parser, start, has_bar, error);

  name_start = start + 2;
  name_end = has_bar ? bar : close;
  while (name_start < name_end && is_blank (text[name_start]))
    name_start++;
  while (name_end > name_start && is_blank (text[name_end - 1]))
    name_end--;

  placeholder.start = parser_position (parser, start);

  if (name_start == name_end)
    {
      parser_error_position (parser, start);
      g_set_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_EMPTY_NAME,
                   _("Empty variable name at line %u, column %u: write a field name between "
                     "“{{” and “}}”, such as “{{first_name}}”"),
                   placeholder.start.line, placeholder.start.column);
      return FALSE;
    }

  for (gsize i = name_start; i < name_end; i++)
    {
      char c = text[i];

      if (!(g_ascii_isalpha (c) || c == '_' || (i > name_start && g_ascii_isdigit (c))))
        return fail_invalid_name (parser, name_start, name_end, i, error);
    }

  if (has_bar)
    {
      gsize fallback_start = bar + 1;
      gsize fallback_end = close;

      while (fallback_start < fallback_end && is_blank (text[fallback_start]))
        fallback_start++;
      while (fallback_end > fallback_start && is_blank (text[fallback_end - 1]))
        fallback_end--;

      fallback = parser->chars->len;
      g_string_append_len (parser->chars, text + fallback_start, fallback_end - fallback_start);
      g_string_append_c (parser->chars, '\0');
    }

  placeholder.variable = parser_add_variable (parser, text + name_start, name_end - name_start);
  placeholder.length = close + 2 - start;
  g_array_append_val (parser->placeholders, placeholder);
  g_array_append_val (parser->fallbacks, fallback);

  *end = close + 2;

  return TRUE;
}

static void
parser_end_run (Parser *parser,
                gsize   run_start)
{
  Run run = { run_start, parser->chars->len - run_start };

  g_array_append_val (parser->runs, run);
}

static gboolean
parse (Parser  *parser,
       GError **error)
{
  const char *text = parser->text;
  gsize length = parser->length;
  gsize copied = 0;     /* text before this offset is in chars */
  gsize run_start = 0;  /* offset into chars */
  gsize i = 0;

  while (i < length)
    {
      const char *brace = memchr (text + i, '{', length - i);
      gsize at;
      gsize end;

      if (brace == NULL)
        break;

      at = brace - text;
      if (at + 1 >= length || text[at + 1] != '{')
        {
          i = at + 1;
          continue;
        }

      if (at + 3 < length && text[at + 2] == '{' && text[at + 3] == '{')
        {
          /* the escape: keep “{{”, drop the other two */
          g_string_append_len (parser->chars, text + copied, at + 2 - copied);
          copied = i = at + 4;
          continue;
        }

      g_string_append_len (parser->chars, text + copied, at - copied);
      parser_end_run (parser, run_start);

      if (!parse_placeholder (parser, at, &end, error))
        return FALSE;

      run_start = parser->chars->len;
      copied = i = end;
    }

  g_string_append_len (parser->chars, text + copied, length - copied);
  parser_end_run (parser, run_start);

  return TRUE;
}

static gboolean
check_text (const char              *text,
            gsize                    length,
            HeraldTemplatePosition  *error_position,
            GError                 **error)
{
  HeraldTemplatePosition pos = { 0, 1, 1 };
  const char *end;

  if (length > HERALD_TEMPLATE_MAX_LENGTH)
    {
      /* where the limit is crossed */
      position_advance (&pos, text, HERALD_TEMPLATE_MAX_LENGTH);
      if (error_position != NULL)
        *error_position = pos;
      g_set_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_TOO_LONG,
                   _("The template is too long: %lu bytes, at most %lu"),
                   (gulong) length, (gulong) HERALD_TEMPLATE_MAX_LENGTH);
      return FALSE;
    }

  if (g_utf8_validate_len (text, length, &end))
    return TRUE;

  position_advance (&pos, text, end - text);
  if (error_position != NULL)
    *error_position = pos;

  /* A NUL stops validation too; say so, it is not an encoding problem. */
  if (*end == '\0')
    g_set_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_INVALID_UTF8,
                 _("The template contains a NUL byte at line %u, column %u (byte %lu)"),
                 pos.line, pos.column, (gulong) pos.offset);
  else
    g_set_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_INVALID_UTF8,
                 _("The template is not valid UTF-8 at line %u, column %u (byte %lu)"),
                 pos.line, pos.column, (gulong) pos.offset);

  return FALSE;
}

HeraldTemplate *
herald_template_new (const char              *text,
                     gssize                   length,
                     HeraldTemplatePosition  *error_position,
                     GError                 **error)
{
  g_autoptr(HeraldTemplate) self = NULL;
  Parser parser = { 0 };
  gsize literal_bytes = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);

  if (!check_text (text, length, error_position, error))
    return NULL;

  parser.text = text;
  parser.length = length;
  parser.cursor = (HeraldTemplatePosition) { 0, 1, 1 };
  parser.error_position = error_position;
  parser.chars = g_string_sized_new (length + 1);
  parser.runs = g_array_new (FALSE, FALSE, sizeof (Run));
  parser.placeholders = g_array_new (FALSE, TRUE, sizeof (HeraldTemplatePlaceholder));
  parser.fallbacks = g_array_new (FALSE, FALSE, sizeof (gssize));
  parser.variables = g_ptr_array_new_with_free_func (g_free);
  parser.variable_index = g_hash_table_new (g_str_hash, g_str_equal);

  if (!parse (&parser, error))
    {
      parser_clear (&parser);
      return NULL;
    }

  self = g_new0 (HeraldTemplate, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->text = g_strndup (text, length);
  self->length = length;

  self->n_placeholders = parser.placeholders->len;
  self->placeholders = (HeraldTemplatePlaceholder *) g_array_free (g_steal_pointer (&parser.placeholders),
                                                                    self->n_placeholders == 0);
  self->runs = (Run *) g_array_free (g_steal_pointer (&parser.runs), FALSE);
  self->chars = g_string_free (g_steal_pointer (&parser.chars), FALSE);

  self->n_variables = parser.variables->len;
  g_ptr_array_add (parser.variables, NULL);
  self->variables = (char **) g_ptr_array_free (g_steal_pointer (&parser.variables), FALSE);

  /* chars no longer moves, so pointers into it are final now */
  for (guint i = 0; i < self->n_placeholders; i++)
    {
      HeraldTemplatePlaceholder *placeholder = &self->placeholders[i];
      gssize fallback = g_array_index (parser.fallbacks, gssize, i);

      placeholder->name = self->variables[placeholder->variable];
      placeholder->fallback = fallback >= 0 ? self->chars + fallback : NULL;
    }

  for (guint i = 0; i <= self->n_placeholders; i++)
    literal_bytes += self->runs[i].length;
  self->size_hint = literal_bytes + (gsize) self->n_placeholders * VALUE_SIZE_HINT + 1;

  parser_clear (&parser);

  return g_steal_pointer (&self);
}

HeraldTemplate *
herald_template_ref (HeraldTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_template_unref (HeraldTemplate *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->text);
  g_free (self->chars);
  g_free (self->runs);
  g_free (self->placeholders);
  g_strfreev (self->variables);
  g_free (self);
}

const char *
herald_template_get_text (HeraldTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

const char * const *
herald_template_get_variables (HeraldTemplate *self,
                               guint          *n_variables)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_variables != NULL)
    *n_variables = self->n_variables;

  return (const char * const *) self->variables;
}

const HeraldTemplatePlaceholder *
herald_template_get_placeholders (HeraldTemplate *self,
                                  guint          *n_placeholders)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_placeholders != NULL)
    *n_placeholders = self->n_placeholders;

  return self->placeholders;
}

/* @seen has one entry per variable, non-zero for the unknown ones. */
static void
set_unknown_error (HeraldTemplate  *self,
                   guint8          *seen,
                   guint            n_unknown,
                   GError         **error)
{
  g_autoptr(GString) list = NULL;

  if (error == NULL)
    return;

  if (n_unknown == 1)
    {
      for (guint i = 0; i < self->n_placeholders; i++)
        {
          const HeraldTemplatePlaceholder *placeholder = &self->placeholders[i];

          if (seen[placeholder->variable] == 0)
            continue;

          g_set_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_UNKNOWN_VARIABLE,
                       _("Unknown variable “%s” at line %u, column %u: no contact field has "
                         "that name; add a fallback, such as “{{%s|…}}”, or a column of that name"),
                       placeholder->name, placeholder->start.line, placeholder->start.column,
                       placeholder->name);
          return;
        }
      g_assert_not_reached ();
    }

  list = g_string_new (NULL);
  for (guint i = 0; i < self->n_placeholders; i++)
    {
      const HeraldTemplatePlaceholder *placeholder = &self->placeholders[i];

      /* 1: unknown, not listed yet; 2: listed at its first use */
      if (seen[placeholder->variable] != 1)
        continue;
      seen[placeholder->variable] = 2;

      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append_printf (list, _("“%s” (line %u, column %u)"),
                              placeholder->name, placeholder->start.line,
                              placeholder->start.column);
    }

  g_set_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_UNKNOWN_VARIABLE,
               _("Unknown variables %s: no contact field has these names"), list->str);
}

char *
herald_template_render (HeraldTemplate            *self,
                        HeraldTemplateLookupFunc   lookup,
                        gpointer                   user_data,
                        GError                   **error)
{
  g_autoptr(GString) out = NULL;
  g_autofree guint8 *unknown = NULL;
  guint n_unknown = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lookup != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_string_sized_new (self->size_hint);

  for (guint i = 0; ; i++)
    {
      const HeraldTemplatePlaceholder *placeholder;
      const char *value = NULL;
      const char *value_end;

      g_string_append_len (out, self->chars + self->runs[i].start, self->runs[i].length);
      if (i == self->n_placeholders)
        break;

      placeholder = &self->placeholders[i];

      if (!lookup (placeholder->name, &value, user_data))
        {
          if (placeholder->fallback != NULL)
            {
              g_string_append (out, placeholder->fallback);
              continue;
            }

          /* keep going: the error should name every unknown variable */
          if (unknown == NULL)
            unknown = g_new0 (guint8, self->n_variables);
          if (unknown[placeholder->variable] == 0)
            {
              unknown[placeholder->variable] = 1;
              n_unknown++;
            }
          continue;
        }

      if (value == NULL || value[0] == '\0')
        {
          if (placeholder->fallback != NULL)
            g_string_append (out, placeholder->fallback);
          continue;
        }

      if (!g_utf8_validate (value, -1, &value_end))
        {
          g_set_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_INVALID_VALUE,
                       _("The value of “%s” for line %u, column %u is not valid UTF-8 "
                         "(byte %lu of the value)"),
                       placeholder->name, placeholder->start.line, placeholder->start.column,
                       (gulong) (value_end - value));
          return NULL;
        }

      g_string_append_len (out, value, value_end - value);
    }

  if (n_unknown > 0)
    {
      set_unknown_error (self, unknown, n_unknown, error);
      return NULL;
    }

  /* unknown is g_autofree: the analyzer does not model cleanup attributes */
  /* NOLINTNEXTLINE(clang-analyzer-unix.Malloc) */
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
herald_template_render_table (HeraldTemplate  *self,
                              GHashTable      *values,
                              GError         **error)
{
  g_return_val_if_fail (values != NULL, NULL);

  return herald_template_render (self, herald_template_table_lookup, values, error);
}

char *
herald_template_preview (HeraldTemplate            *self,
                         HeraldTemplateLookupFunc   lookup,
                         gpointer                   user_data,
                         HeraldSmsAnalysis        **analysis,
                         GError                   **error)
{
  g_autofree char *text = NULL;
  HeraldSmsAnalysis *result;

  g_return_val_if_fail (analysis != NULL, NULL);

  text = herald_template_render (self, lookup, user_data, error);
  if (text == NULL)
    return NULL;

  result = herald_sms_analyse (text, -1, error);
  if (result == NULL)
    return NULL;

  *analysis = result;

  return g_steal_pointer (&text);
}

gboolean
herald_template_table_lookup (const char  *name,
                              const char **value,
                              gpointer     user_data)
{
  GHashTable *values = user_data;
  gpointer found = NULL;

  if (g_hash_table_lookup_extended (values, name, NULL, &found))
    {
      *value = found;
      return TRUE;
    }

  *value = NULL;

  return herald_template_is_standard_field (name);
}

const char * const *
herald_template_get_standard_fields (void)
{
  return standard_fields;
}

gboolean
herald_template_is_standard_field (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; standard_fields[i] != NULL; i++)
    if (strcmp (name, standard_fields[i]) == 0)
      return TRUE;

  return FALSE;
}
