/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when any regular file under @dir (symlinks not followed, sockets
 * and FIFOs skipped) holds @needle byte for byte. Fails the test when a
 * folder or file under @dir cannot be read: it never answers FALSE without
 * having looked. */
gboolean herald_test_tree_contains     (const char *dir,
                                        const char *needle);

/* The tests' proof that a secret never reached a plain file of the
 * harness's private tree: @needle is in no file under @dir, @dir holds
 * files, and the same scan finds @needle once the helper plants it in a
 * scratch folder under @dir (removed again). */
void     herald_test_tree_assert_lacks (const char *dir,
                                        const char *needle);

G_END_DECLS
