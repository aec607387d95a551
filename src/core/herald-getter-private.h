/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The getters that only return one member, for the core's types whose
 * fields are private: each defines @function, which answers @fallback
 * when @self is not one (a programmer error, warned by g_return_val_if_fail). */
/* NOLINTBEGIN(bugprone-macro-parentheses) */

/* A plain value (@SelfType: "const HeraldThing" or "HeraldThing"): @self
 * may not be NULL. */
#define HERALD_DEFINE_GETTER(ReturnType, function, SelfType, member, fallback) \
  ReturnType                                                                   \
  function (SelfType *self)                                                    \
  {                                                                            \
    g_return_val_if_fail (self != NULL, fallback);                             \
    return self->member;                                                       \
  }

/* A GObject: @is_type is its type check (HERALD_IS_THING). */
#define HERALD_DEFINE_OBJECT_GETTER(ReturnType, function, TypeName, is_type, member, fallback) \
  ReturnType                                                                   \
  function (TypeName *self)                                                    \
  {                                                                            \
    g_return_val_if_fail (is_type (self), fallback);                           \
    return self->member;                                                       \
  }

/* NOLINTEND(bugprone-macro-parentheses) */

G_END_DECLS
