/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The capability values (herald-provider-values.h and the capability
 * headers) are reference-counted boxes (g_atomic_rc_box) with read-only
 * public fields: this defines the GType, ref and unref of one, given the
 * function that frees its members. (TypeName is a type: it cannot be
 * parenthesised.) */
/* NOLINTBEGIN(bugprone-macro-parentheses) */
#define HERALD_DEFINE_VALUE(TypeName, type_name, clear_func)                   \
  G_DEFINE_BOXED_TYPE (TypeName, type_name, type_name##_ref, type_name##_unref) \
                                                                               \
  TypeName *                                                                   \
  type_name##_ref (TypeName *self)                                             \
  {                                                                            \
    g_return_val_if_fail (self != NULL, NULL);                                 \
    return g_atomic_rc_box_acquire (self);                                     \
  }                                                                            \
                                                                               \
  void                                                                         \
  type_name##_unref (TypeName *self)                                           \
  {                                                                            \
    g_return_if_fail (self != NULL);                                           \
    g_atomic_rc_box_release_full (self, (GDestroyNotify) clear_func);          \
  }
/* NOLINTEND(bugprone-macro-parentheses) */

G_END_DECLS
