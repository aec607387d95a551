/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A GObject holding one boxed value (a HeraldSentMessage, a
 * HeraldTransaction…), so that values that are not GObjects can sit in a
 * GListModel for a list view. */

#define HERALD_TYPE_BOXED_ITEM (herald_boxed_item_get_type ())
G_DECLARE_FINAL_TYPE (HeraldBoxedItem, herald_boxed_item, HERALD, BOXED_ITEM, GObject)

/* Copies (refs) @boxed. */
HeraldBoxedItem *herald_boxed_item_new        (GType            boxed_type,
                                               gconstpointer    boxed);
GType            herald_boxed_item_get_type_of (HeraldBoxedItem *self);
/* (transfer none) */
gpointer         herald_boxed_item_get        (HeraldBoxedItem *self);

G_END_DECLS
