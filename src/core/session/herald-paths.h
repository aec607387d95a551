/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where Herald keeps user data: $XDG_DATA_HOME/herald (see the spec). */
char *herald_paths_get_data_dir     (void);
char *herald_paths_get_database_path (void);
gboolean herald_paths_ensure_data_dir (GError **error);

const char *herald_get_version (void);

G_END_DECLS
