/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when any regular file under @dir (symlinks not followed) holds
 * @needle byte for byte: the tests' proof that a secret never reached a
 * plain file of the harness's private tree. */
gboolean herald_test_tree_contains (const char *dir,
                                    const char *needle);

G_END_DECLS
