/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-text"

#include "config.h"

#include <string.h>

#include "herald-optout-keywords.h"

static const char * const default_keywords[] = {
  "STOP", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", NULL
};

const char * const *
herald_optout_default_keywords (void)
{
  return default_keywords;
}

/* Trimmed of Unicode white space (a phone may add a no-break space), then
 * normalised and case-folded, so that "ＳＴＯＰ" is not "STOP" but "Stop" is. */
static char *
fold_trimmed (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);
  g_autofree char *normalized = NULL;

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  normalized = g_utf8_normalize (start, end - start, G_NORMALIZE_DEFAULT_COMPOSE);
  return normalized != NULL ? g_utf8_casefold (normalized, -1) : NULL;
}

const char *
herald_optout_match_keyword (const char         *text,
                             const char * const *keywords)
{
  g_autofree char *folded = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  if (keywords == NULL)
    keywords = default_keywords;

  folded = fold_trimmed (text);
  if (folded == NULL || *folded == '\0')
    return NULL;

  for (guint i = 0; keywords[i] != NULL; i++)
    {
      g_autofree char *keyword = NULL;

      if (!g_utf8_validate (keywords[i], -1, NULL))
        continue;
      keyword = fold_trimmed (keywords[i]);
      if (keyword != NULL && *keyword != '\0' && g_str_equal (keyword, folded))
        return keywords[i];
    }

  return NULL;
}
