#define G_LOG_DOMAIN "herald-date-input"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <stdio.h>

#include "herald-date-input.h"

gboolean
herald_date_input_parse (const char  *text,
                         GTimeZone   *tz,
                         gboolean     end_of_day,
                         GDateTime  **date,
                         GError     **error)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autofree char *stripped = NULL;
  guint year, month, day;
  char tail;

  g_return_val_if_fail (date != NULL, FALSE);

  *date = NULL;
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0')
    return TRUE;

  if (sscanf (stripped, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a date: write it as year-month-day, for example 2024-01-31"),
                   stripped);
      return FALSE;
    }

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  *date = end_of_day
    ? g_date_time_new (tz, year, month, day, 23, 59, 59)
    : g_date_time_new (tz, year, month, day, 0, 0, 0);

  return *date != NULL;
}
