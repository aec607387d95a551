/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-date-input"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "herald-date-input.h"

/* One field of YYYY-MM-DD: only digits, @max_digits at most. */
static gboolean
read_field (const char *field,
            guint       max_digits,
            guint      *value)
{
  guint64 number = 0;
  gsize length = strlen (field);

  if (length == 0 || length > max_digits)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (field[i]))
      return FALSE;
  if (!g_ascii_string_to_unsigned (field, 10, 0, G_MAXUINT, &number, NULL))
    return FALSE;
  *value = (guint) number;
  return TRUE;
}

gboolean
herald_date_input_parse (const char  *text,
                         GTimeZone   *tz,
                         gboolean     end_of_day,
                         GDateTime  **date,
                         GError     **error)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autofree char *stripped = NULL;
  g_auto(GStrv) fields = NULL;
  guint year = 0, month = 0, day = 0;

  g_return_val_if_fail (date != NULL, FALSE);

  *date = NULL;
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0')
    return TRUE;

  fields = g_strsplit (stripped, "-", -1);
  if (g_strv_length (fields) != 3 ||
      !read_field (fields[0], 4, &year) || !read_field (fields[1], 2, &month) ||
      !read_field (fields[2], 2, &day) ||
      !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a date: write it as year-month-day, for example 2024-01-31"),
                   stripped);
      return FALSE;
    }

  if (tz == NULL)
    {
      local = g_time_zone_new_local ();
      tz = local;
    }
  *date = end_of_day
    ? g_date_time_new (tz, year, month, day, 23, 59, 59)
    : g_date_time_new (tz, year, month, day, 0, 0, 0);

  return *date != NULL;
}
