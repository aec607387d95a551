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

/* "HH:MM" or "HH:MM:SS" then an optional zone: the length of the clock
 * part, or 0 when @t does not start with one. */
static gsize
clock_length (const char *t)
{
  gboolean two_digits = g_ascii_isdigit (t[0]) && g_ascii_isdigit (t[1]);

  if (!two_digits || t[2] != ':' || !g_ascii_isdigit (t[3]) || !g_ascii_isdigit (t[4]))
    return 0;
  if (t[5] == ':' && g_ascii_isdigit (t[6]) && g_ascii_isdigit (t[7]))
    return 8;
  return 5;
}

gboolean
herald_date_input_parse_time (const char  *text,
                              GTimeZone   *tz,
                              GDateTime  **time,
                              GError     **error)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autofree char *stripped = NULL;
  g_autoptr(GString) iso = NULL;

  g_return_val_if_fail (time != NULL, FALSE);

  *time = NULL;
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0')
    return TRUE;

  /* GLib reads ISO 8601 strictly: a "T" between date and time and seconds
   * on the clock. People write a space and leave the seconds out. */
  if (strlen (stripped) > 11 && (stripped[10] == ' ' || stripped[10] == 'T'))
    {
      const char *clock = stripped + 11;
      gsize length = clock_length (clock);

      if (length > 0)
        {
          iso = g_string_new_len (stripped, 10);
          g_string_append_c (iso, 'T');
          g_string_append_len (iso, clock, (gssize) length);
          if (length == 5)
            g_string_append (iso, ":00");
          g_string_append (iso, clock + length);

          if (tz == NULL)
            {
              local = g_time_zone_new_local ();
              tz = local;
            }
          *time = g_date_time_new_from_iso8601 (iso->str, tz);
        }
    }

  if (*time == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a date and time: write it as 2026-05-01 14:30 (local time), "
                     "or with a zone, for example 2026-05-01T14:30:00Z"),
                   g_utf8_validate (stripped, -1, NULL) ? stripped : "?");
      return FALSE;
    }

  return TRUE;
}
