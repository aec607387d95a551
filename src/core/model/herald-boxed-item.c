/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-boxed-item"

#include "config.h"

#include "herald-boxed-item.h"

struct _HeraldBoxedItem
{
  GObject   parent_instance;

  GType     boxed_type;
  gpointer  boxed;
};

G_DEFINE_FINAL_TYPE (HeraldBoxedItem, herald_boxed_item, G_TYPE_OBJECT)

HeraldBoxedItem *
herald_boxed_item_new (GType         boxed_type,
                       gconstpointer boxed)
{
  HeraldBoxedItem *self;

  g_return_val_if_fail (G_TYPE_IS_BOXED (boxed_type), NULL);
  g_return_val_if_fail (boxed != NULL, NULL);

  self = g_object_new (HERALD_TYPE_BOXED_ITEM, NULL);
  self->boxed_type = boxed_type;
  self->boxed = g_boxed_copy (boxed_type, boxed);

  return self;
}

GType
herald_boxed_item_get_type_of (HeraldBoxedItem *self)
{
  g_return_val_if_fail (HERALD_IS_BOXED_ITEM (self), G_TYPE_INVALID);

  return self->boxed_type;
}

gpointer
herald_boxed_item_get (HeraldBoxedItem *self)
{
  g_return_val_if_fail (HERALD_IS_BOXED_ITEM (self), NULL);

  return self->boxed;
}

static void
herald_boxed_item_finalize (GObject *object)
{
  HeraldBoxedItem *self = HERALD_BOXED_ITEM (object);

  if (self->boxed != NULL)
    g_boxed_free (self->boxed_type, self->boxed);

  G_OBJECT_CLASS (herald_boxed_item_parent_class)->finalize (object);
}

static void
herald_boxed_item_class_init (HeraldBoxedItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = herald_boxed_item_finalize;
}

static void
herald_boxed_item_init (HeraldBoxedItem *self)
{
}
