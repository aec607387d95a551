/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* Small helpers for the account UI tests: wait on a condition with a bound,
 * find widgets by name, and check that closed windows are finalized. */

typedef gboolean (*HeraldUiCheck) (gpointer data);

/* Iterates the main context until @check holds or 10 s pass. */
gboolean   herald_ui_wait_until       (HeraldUiCheck  check,
                                       gpointer       data);
void       herald_ui_drain            (void);
/* The first descendant (or @root itself) with this widget name. */
GtkWidget *herald_ui_find_by_name     (GtkWidget     *root,
                                       const char    *name);
/* The first descendant of @type. */
GtkWidget *herald_ui_find_by_type     (GtkWidget     *root,
                                       GType          type);
/* The first GtkButton under @root whose label is @label ("_Save"). */
GtkWidget *herald_ui_find_button      (GtkWidget     *root,
                                       const char    *label);
/* The first toplevel of @type, or NULL. (transfer none) */
GtkWidget *herald_ui_find_toplevel    (GType          type);
/* Destroys every toplevel and fails unless each one is finalized. */
void       herald_ui_close_all_windows (void);
/* Fails unless @object is finalized once the context is drained; takes
 * over the caller's reference. */
void       herald_ui_assert_finalized (gpointer       object);

/* Sets *@slot to @object and clears it when @object is finalized. */
void       herald_ui_watch            (gpointer       object,
                                       gpointer      *slot);
/* Waits (bounded) until a watched object is finalized. */
gboolean   herald_ui_wait_finalized   (gpointer      *slot);

/* Saves a PNG of @window as DIR/@name.png when HERALD_SCREENSHOT_DIR is
 * set (for people reviewing the UI; no assertion depends on it). */
void       herald_ui_screenshot       (GtkWidget     *window,
                                       const char    *name);

/* A loaded HeraldSession over a new database file in @dir (a fresh
 * herald-N.db on each call); fails the test on any error. */
HeraldSession *herald_ui_session_new  (const char    *dir);

G_END_DECLS
