/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates typed into a filter ("2024-01-15"), read in @tz (NULL: local), for
 * the date-range filters of Inbox and History. */

/* The first second of the day (@end_of_day FALSE) or its last one (TRUE).
 * Blank text is no date: returns TRUE with *@date NULL. Anything else that
 * is not a real date fails with G_IO_ERROR_INVALID_DATA and a sentence that
 * says how to write it. */
gboolean herald_date_input_parse (const char  *text,
                                  GTimeZone   *tz,
                                  gboolean     end_of_day,
                                  GDateTime  **date,
                                  GError     **error);

G_END_DECLS
