/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The capability values (herald-provider-values.h and the capability
 * headers: read-only public fields) and the received pages are
 * reference-counted boxes (g_atomic_rc_box): this defines the GType, ref
 * and unref of one, given the function that frees its members. (TypeName is a type: it cannot be
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

/* The _new() of a value whose members all start zeroed. */
#define HERALD_DEFINE_VALUE_NEW(TypeName, type_name)                           \
  TypeName *                                                                   \
  type_name##_new (void)                                                       \
  {                                                                            \
    return g_atomic_rc_box_new0 (TypeName);                                    \
  }
/* NOLINTEND(bugprone-macro-parentheses) */

/* A capability interface (HeraldProvider its prerequisite) whose members
 * have no defaults. */
#define HERALD_DEFINE_CAPABILITY(TypeName, type_name)                          \
  G_DEFINE_INTERFACE (TypeName, type_name, HERALD_TYPE_PROVIDER)               \
                                                                               \
  static void                                                                  \
  type_name##_default_init (TypeName##Interface *iface)                        \
  {                                                                            \
  }

/* The *_finish of a capability call (the interface headers): every
 * implementation answers through a GTask whose source object is the
 * provider, so the call's result is that task's pointer (transfer full),
 * or NULL with @error set. The _BOOLEAN form for calls that only say
 * whether they worked. */
/* NOLINTBEGIN(bugprone-macro-parentheses) */
#define HERALD_DEFINE_CAPABILITY_FINISH(ReturnType, function, IfaceType)       \
  ReturnType                                                                   \
  function (IfaceType *self, GAsyncResult *result, GError **error)             \
  {                                                                            \
    g_return_val_if_fail (g_task_is_valid (result, self), NULL);               \
    return g_task_propagate_pointer (G_TASK (result), error);                  \
  }
#define HERALD_DEFINE_CAPABILITY_FINISH_BOOLEAN(function, IfaceType)           \
  gboolean                                                                     \
  function (IfaceType *self, GAsyncResult *result, GError **error)             \
  {                                                                            \
    g_return_val_if_fail (g_task_is_valid (result, self), FALSE);              \
    return g_task_propagate_boolean (G_TASK (result), error);                  \
  }
/* NOLINTEND(bugprone-macro-parentheses) */

G_END_DECLS
