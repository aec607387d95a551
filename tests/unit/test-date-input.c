/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Dates typed into the Inbox and History filters. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "text/herald-date-input.h"

static void
test_valid (void)
{
  g_autoptr(GTimeZone) accra = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) plus2 = g_time_zone_new_identifier ("+02:00");
  g_autoptr(GDateTime) start = NULL, end = NULL, shifted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start_text = NULL, *end_text = NULL, *shifted_text = NULL;

  g_assert_true (herald_date_input_parse ("2024-01-15", accra, FALSE, &start, &error));
  g_assert_no_error (error);
  g_assert_true (herald_date_input_parse (" 2024-02-29 ", accra, TRUE, &end, &error));
  g_assert_no_error (error);
  g_assert_true (herald_date_input_parse ("2024-01-15", plus2, FALSE, &shifted, &error));
  start_text = g_date_time_format_iso8601 (start);
  end_text = g_date_time_format_iso8601 (end);
  shifted_text = g_date_time_format_iso8601 (shifted);
  g_assert_cmpstr (start_text, ==, "2024-01-15T00:00:00Z");
  g_assert_cmpstr (end_text, ==, "2024-02-29T23:59:59Z");
  g_assert_cmpstr (shifted_text, ==, "2024-01-15T00:00:00+02");
}

static void
test_blank (void)
{
  GDateTime *date = (GDateTime *) 0x1;

  g_assert_true (herald_date_input_parse ("", NULL, FALSE, &date, NULL));
  g_assert_null (date);
  g_assert_true (herald_date_input_parse ("   ", NULL, TRUE, &date, NULL));
  g_assert_null (date);
  g_assert_true (herald_date_input_parse (NULL, NULL, TRUE, &date, NULL));
  g_assert_null (date);
}

static void
test_invalid (void)
{
  const char *bad[] = { "2023-02-29", "15/01/2024", "2024-13-01", "2024-01-15x", "yesterday", "2024-1", NULL };

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      GDateTime *date = NULL;

      g_assert_false (herald_date_input_parse (bad[i], NULL, FALSE, &date, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, "2024-01-31"));
      g_assert_null (date);
    }
}

static void
test_time_valid (void)
{
  g_autoptr(GTimeZone) accra = g_time_zone_new_identifier ("UTC");
  g_autoptr(GTimeZone) plus2 = g_time_zone_new_offset (2 * 3600);
  static const struct { const char *text; const char *utc; } cases[] = {
    { "2026-05-01 14:30", "2026-05-01T12:30:00Z" },       /* as people type it */
    { " 2026-05-01T14:30 ", "2026-05-01T12:30:00Z" },     /* ISO without seconds */
    { "2026-05-01 14:30:15", "2026-05-01T12:30:15Z" },
    { "2026-05-01T14:30:15Z", "2026-05-01T14:30:15Z" },   /* a zone beats @tz */
    { "2026-05-01T14:30+01:00", "2026-05-01T13:30:00Z" },
    { "2024-02-29 23:59", "2024-02-29T21:59:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) time = NULL;
      g_autoptr(GDateTime) utc = NULL;
      g_autofree char *written = NULL;

      g_assert_true (herald_date_input_parse_time (cases[i].text, plus2, &time, &error));
      g_assert_no_error (error);
      g_assert_nonnull (time);
      utc = g_date_time_to_timezone (time, accra);
      written = g_date_time_format_iso8601 (utc);
      g_assert_cmpstr (written, ==, cases[i].utc);
    }
}

static void
test_time_invalid (void)
{
  const char *bad[] = { "2026-05-01", "2026-05-01 25:00", "2026-02-30 10:00", "2026-05-01 1:30",
                        "2026-05-01 14h30", "tomorrow 10:00", "2026-05-01 14:30 please", "14:30", NULL };
  GDateTime *time = (GDateTime *) 0x1;

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (herald_date_input_parse_time (bad[i], NULL, &time, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, "2026-05-01 14:30"));
      g_assert_null (time);
    }

  g_assert_true (herald_date_input_parse_time ("  ", NULL, &time, NULL));
  g_assert_null (time);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date-input/valid", test_valid);
  g_test_add_func ("/date-input/blank", test_blank);
  g_test_add_func ("/date-input/invalid", test_invalid);
  g_test_add_func ("/date-input/time-valid", test_time_valid);
  g_test_add_func ("/date-input/time-invalid", test_time_invalid);

  return g_test_run ();
}
