/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-template"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "text/herald-template.h"

/* Aborts even with G_DISABLE_ASSERT: a fuzzer must never skip a check. */
#define CHECK(cond)                                                            \
  G_STMT_START {                                                               \
    if (!(cond))                                                               \
      {                                                                        \
        fprintf (stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
        abort ();                                                              \
      }                                                                        \
  } G_STMT_END

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A fixed contact: the standard fields, a custom one, one known but empty
 * field and values that look like template syntax. Names starting with
 * “x” are unknown, so both outcomes of a render are reached. */
static gboolean
fixed_lookup (const char  *name,
              const char **value,
              gpointer     user_data)
{
  static const struct
  {
    const char *name;
    const char *value;
  } fields[] = {
    { "first_name", "Zoë" },
    { "last_name", "O’Brien {{first_name}}" },
    { "phone", "+233201234567" },
    { "email", "" },
    { "tier", "Gold 😀 }} {{{{" },
    { "a", "|" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strcmp (name, fields[i].name) == 0)
      {
        *value = fields[i].value;
        return TRUE;
      }

  if (name[0] == 'x')
    return FALSE;

  /* every other name is a known, empty field */
  *value = NULL;

  return TRUE;
}

static void
check_position (const char                   *text,
                gsize                         size,
                const HeraldTemplatePosition *pos)
{
  guint line = 1;
  guint column = 1;

  CHECK (pos->offset <= size);
  for (gsize i = 0; i < pos->offset; i++)
    {
      if (text[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) text[i] & 0xC0) != 0x80)
        {
          column++;
        }
    }
  CHECK (pos->line == line);
  CHECK (pos->column == column);
}

static void
check_template (HeraldTemplate *template,
                const char     *text,
                gsize           size)
{
  const HeraldTemplatePlaceholder *placeholders;
  const char * const *variables;
  guint n_placeholders = 0;
  guint n_variables = 0;
  gsize previous_end = 0;

  CHECK (memcmp (herald_template_get_text (template), text, size) == 0);
  CHECK (herald_template_get_text (template)[size] == '\0');

  variables = herald_template_get_variables (template, &n_variables);
  CHECK (variables != NULL && variables[n_variables] == NULL);
  for (guint i = 0; i < n_variables; i++)
    {
      CHECK (variables[i][0] != '\0');
      for (const char *p = variables[i]; *p != '\0'; p++)
        CHECK (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_');
    }

  placeholders = herald_template_get_placeholders (template, &n_placeholders);
  CHECK ((n_placeholders == 0) == (placeholders == NULL));
  CHECK (n_placeholders >= n_variables);
  for (guint i = 0; i < n_placeholders; i++)
    {
      const HeraldTemplatePlaceholder *p = &placeholders[i];

      CHECK (p->variable < n_variables);
      CHECK (p->name == variables[p->variable]);
      CHECK (p->start.offset >= previous_end);
      CHECK (p->length >= 5);
      CHECK (p->start.offset + p->length <= size);
      CHECK (memcmp (text + p->start.offset, "{{", 2) == 0);
      CHECK (memcmp (text + p->start.offset + p->length - 2, "}}", 2) == 0);
      check_position (text, size, &p->start);
      if (p->fallback != NULL)
        CHECK (g_utf8_validate (p->fallback, -1, NULL));
      previous_end = p->start.offset + p->length;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldTemplate) template = NULL;
  g_autoptr(HeraldSmsAnalysis) analysis = NULL;
  g_autofree char *rendered = NULL;
  g_autofree char *previewed = NULL;
  HeraldTemplatePosition pos = { 0 };

  template = herald_template_new (text, size, &pos, &error);
  if (template == NULL)
    {
      CHECK (error != NULL && error->domain == HERALD_TEMPLATE_ERROR);
      CHECK (g_utf8_validate (error->message, -1, NULL));
      if (error->code != HERALD_TEMPLATE_ERROR_TOO_LONG)
        check_position (text, size, &pos);
      if (error->code == HERALD_TEMPLATE_ERROR_INVALID_UTF8)
        CHECK (!g_utf8_validate_len (text, size, NULL));
      return 0;
    }

  CHECK (error == NULL);
  CHECK (size <= HERALD_TEMPLATE_MAX_LENGTH);
  CHECK (g_utf8_validate_len (text, size, NULL));
  check_template (template, text, size);

  rendered = herald_template_render (template, fixed_lookup, NULL, &error);
  if (rendered == NULL)
    {
      CHECK (error != NULL);
      CHECK (error->domain == HERALD_TEMPLATE_ERROR);
      CHECK (error->code == HERALD_TEMPLATE_ERROR_UNKNOWN_VARIABLE);
      CHECK (strstr (error->message, "“x") != NULL);
      return 0;
    }

  CHECK (error == NULL);
  CHECK (g_utf8_validate (rendered, -1, NULL));

  /* The preview renders the same text. */
  previewed = herald_template_preview (template, fixed_lookup, NULL, &analysis, &error);
  CHECK (previewed != NULL && analysis != NULL);
  CHECK (strcmp (previewed, rendered) == 0);
  CHECK (herald_sms_analysis_get_characters (analysis) == (guint) g_utf8_strlen (rendered, -1));

  return 0;
}
