/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

#define HERALD_TYPE_PREFERENCES_WINDOW (herald_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (HeraldPreferencesWindow, herald_preferences_window, HERALD, PREFERENCES_WINDOW, AdwPreferencesWindow)

HeraldPreferencesWindow *herald_preferences_window_new       (GSettings               *settings,
                                                               GtkWindow               *parent);
void                     herald_preferences_window_show_page (HeraldPreferencesWindow *self,
                                                               const char              *page);
/* The accounts page lists and edits the accounts of @session (nullable). */
HeraldSession           *herald_preferences_window_get_session (HeraldPreferencesWindow *self);
void                     herald_preferences_window_set_session (HeraldPreferencesWindow *self,
                                                                HeraldSession           *session);

G_END_DECLS
