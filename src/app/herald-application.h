/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

#define HERALD_TYPE_APPLICATION (herald_application_get_type ())

G_DECLARE_FINAL_TYPE (HeraldApplication, herald_application, HERALD, APPLICATION, AdwApplication)

HeraldApplication *herald_application_new          (void);
GSettings         *herald_application_get_settings (HeraldApplication *self);
/* NULL until the database is open (notify::session), or when it could not
 * be opened (session-error says why). */
HeraldSession     *herald_application_get_session       (HeraldApplication *self);
const char        *herald_application_get_session_error (HeraldApplication *self);

G_END_DECLS
