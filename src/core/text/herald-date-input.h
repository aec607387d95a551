/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The one reader of typed dates and times in Herald: the date-range
 * filters of Inbox and History, the schedule of Compose and the CLI's
 * --since, --until and --schedule. */

/* The first second of the day (@end_of_day FALSE) or its last one (TRUE).
 * Blank text is no date: returns TRUE with *@date NULL. Anything else that
 * is not a real date fails with G_IO_ERROR_INVALID_DATA and a sentence that
 * says how to write it. */
gboolean herald_date_input_parse (const char  *text,
                                  GTimeZone   *tz,
                                  gboolean     end_of_day,
                                  GDateTime  **date,
                                  GError     **error);

/* A date and a time of day, as people type them and as ISO 8601 writes
 * them: "2026-05-01 14:30", "2026-05-01T14:30", with or without seconds,
 * with or without a zone ("Z", "+01:00"); without one it is a time in @tz
 * (NULL: local). For schedules and the CLI's --since/--until. Blank text
 * is no time: TRUE with *@time NULL. A bare date is not a time here (see
 * herald_date_input_parse()). Anything else fails with
 * G_IO_ERROR_INVALID_DATA and a sentence that says how to write it. */
gboolean herald_date_input_parse_time (const char  *text,
                                       GTimeZone   *tz,
                                       GDateTime  **time,
                                       GError     **error);

G_END_DECLS
