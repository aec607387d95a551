/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* Small pieces of the list pages (HeraldListPage and its subclasses) and
 * the delivery report. */

/* Reads the dates typed in @since_entry and @until_entry (a day, the
 * start of @since's and the end of @until's; empty: none), marking an
 * entry that holds no date with the "error" style. FALSE with @error (the
 * first one's) and both dates NULL when one is not a date. */
gboolean   herald_list_util_read_dates      (GtkEditable       *since_entry,
                                             GtkEditable       *until_entry,
                                             GDateTime        **since,
                                             GDateTime        **until,
                                             GError           **error);

/* "2024-01-15 10:30" in local time. */
char      *herald_list_util_format_time     (GDateTime         *time);

/* A list row of four labels: title and time on one line, the text below,
 * a caption under it; the labels are named "title", "time", "body" and
 * "caption" (for tests). @accessible_label sums the row up. */
GtkWidget *herald_list_util_row_new         (void);
void       herald_list_util_row_set         (GtkWidget         *row,
                                             const char        *title,
                                             const char        *time,
                                             const char        *body,
                                             const char        *caption);

G_END_DECLS
