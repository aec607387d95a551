/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-application.h"

G_BEGIN_DECLS

#define HERALD_TYPE_WINDOW (herald_window_get_type ())

G_DECLARE_FINAL_TYPE (HeraldWindow, herald_window, HERALD, WINDOW, AdwApplicationWindow)

HeraldWindow *herald_window_new                 (HeraldApplication *application);
const char   *herald_window_get_section         (HeraldWindow      *self);
void          herald_window_set_section         (HeraldWindow      *self,
                                                 const char        *section);
char        **herald_window_list_sections       (HeraldWindow      *self);
void          herald_window_set_accels          (GtkApplication    *application);
HeraldSession *herald_window_get_session        (HeraldWindow      *self);
void          herald_window_set_session         (HeraldWindow      *self,
                                                 HeraldSession     *session);

G_END_DECLS
