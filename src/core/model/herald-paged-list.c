/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-paged-list"

#include "config.h"

#include "herald-paged-list.h"

struct _HeraldPagedList
{
  GObject                   parent_instance;

  GType                     item_type;
  HeraldPagedListFetchFunc  fetch;
  gpointer                  user_data;
  GDestroyNotify            user_data_destroy;

  GPtrArray                *items;
  GCancellable             *cancellable;   /* of the fetch in flight */
  GError                   *error;
  guint                     pages_loaded;
  guint                     generation;    /* bumped by reset: late pages are dropped */
  guint                     loading : 1;
  guint                     has_more : 1;
};

static void herald_paged_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HeraldPagedList, herald_paged_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, herald_paged_list_model_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_LOADING,
  PROP_HAS_MORE,
  PROP_ERROR,
  PROP_N_ITEMS,
  PROP_PAGES_LOADED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* What a fetch returns through its GTask. */
typedef struct
{
  GPtrArray *items;
  gboolean   has_more;
} Page;

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

/* The callback data of a fetch: the list may be gone when it ends. */
typedef struct
{
  GWeakRef list;
  guint    generation;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_weak_ref_clear (&fetch->list);
  g_free (fetch);
}

static GType
herald_paged_list_get_item_type (GListModel *model)
{
  return HERALD_PAGED_LIST (model)->item_type;
}

static guint
herald_paged_list_get_n_items (GListModel *model)
{
  return HERALD_PAGED_LIST (model)->items->len;
}

static gpointer
herald_paged_list_get_item (GListModel *model,
                            guint       position)
{
  HeraldPagedList *self = HERALD_PAGED_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
herald_paged_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = herald_paged_list_get_item_type;
  iface->get_n_items = herald_paged_list_get_n_items;
  iface->get_item = herald_paged_list_get_item;
}

void
herald_paged_list_task_return_page (GTask     *task,
                                    GPtrArray *items,
                                    gboolean   has_more)
{
  Page *page;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (items != NULL);

  page = g_new0 (Page, 1);
  page->items = items;
  page->has_more = has_more;
  g_task_return_pointer (task, page, (GDestroyNotify) page_free);
  g_object_unref (task);
}

static void
set_loading (HeraldPagedList *self,
             gboolean         loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
set_has_more (HeraldPagedList *self,
              gboolean         has_more)
{
  if (self->has_more == !!has_more)
    return;

  self->has_more = !!has_more;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_MORE]);
}

static void
set_error (HeraldPagedList *self,
           const GError    *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ERROR]);
}

static void
page_fetched (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(HeraldPagedList) self = g_weak_ref_get (&fetch->list);
  g_autoptr(GError) error = NULL;
  Page *page;
  guint position, added = 0;

  page = g_task_propagate_pointer (G_TASK (result), &error);

  if (self == NULL || fetch->generation != self->generation)
    {
      g_clear_pointer (&page, page_free);
      fetch_free (fetch);
      return;
    }
  fetch_free (fetch);

  g_clear_object (&self->cancellable);

  if (page == NULL)
    {
      g_debug ("Page %u failed: %s", self->pages_loaded + 1, error->message);
      set_error (self, error);
      set_loading (self, FALSE);
      return;
    }

  position = self->items->len;
  for (guint i = 0; i < page->items->len; i++)
    {
      GObject *item = g_ptr_array_index (page->items, i);

      if (!G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type))
        {
          g_warning ("A page held a %s in a list of %s; dropped",
                     G_OBJECT_TYPE_NAME (item), g_type_name (self->item_type));
          continue;
        }
      g_ptr_array_add (self->items, g_object_ref (item));
      added++;
    }
  self->pages_loaded++;

  g_object_freeze_notify (G_OBJECT (self));
  set_error (self, NULL);
  set_has_more (self, page->has_more);
  set_loading (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGES_LOADED]);
  if (added > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  page_free (page);
}

gboolean
herald_paged_list_load_more (HeraldPagedList *self)
{
  Fetch *fetch;
  GTask *task;

  g_return_val_if_fail (HERALD_IS_PAGED_LIST (self), FALSE);

  if (self->loading || !self->has_more)
    return FALSE;

  fetch = g_new0 (Fetch, 1);
  g_weak_ref_init (&fetch->list, self);
  fetch->generation = self->generation;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, page_fetched, fetch);
  g_task_set_source_tag (task, herald_paged_list_load_more);

  set_loading (self, TRUE);
  self->fetch (self->pages_loaded + 1, self->cancellable, task, self->user_data);

  return TRUE;
}

void
herald_paged_list_reset (HeraldPagedList *self)
{
  guint removed;

  g_return_if_fail (HERALD_IS_PAGED_LIST (self));

  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  removed = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  self->pages_loaded = 0;

  g_object_freeze_notify (G_OBJECT (self));
  set_loading (self, FALSE);
  set_has_more (self, TRUE);
  set_error (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGES_LOADED]);
  if (removed > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
herald_paged_list_reload (HeraldPagedList *self)
{
  herald_paged_list_reset (self);
  herald_paged_list_load_more (self);
}

gboolean
herald_paged_list_get_loading (HeraldPagedList *self)
{
  g_return_val_if_fail (HERALD_IS_PAGED_LIST (self), FALSE);

  return self->loading;
}

gboolean
herald_paged_list_get_has_more (HeraldPagedList *self)
{
  g_return_val_if_fail (HERALD_IS_PAGED_LIST (self), FALSE);

  return self->has_more;
}

const GError *
herald_paged_list_get_error (HeraldPagedList *self)
{
  g_return_val_if_fail (HERALD_IS_PAGED_LIST (self), NULL);

  return self->error;
}

guint
herald_paged_list_get_pages_loaded (HeraldPagedList *self)
{
  g_return_val_if_fail (HERALD_IS_PAGED_LIST (self), 0);

  return self->pages_loaded;
}

HeraldPagedList *
herald_paged_list_new (GType                    item_type,
                       HeraldPagedListFetchFunc fetch,
                       gpointer                 user_data,
                       GDestroyNotify           user_data_destroy)
{
  HeraldPagedList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (fetch != NULL, NULL);

  self = g_object_new (HERALD_TYPE_PAGED_LIST, "item-type", item_type, NULL);
  self->fetch = fetch;
  self->user_data = user_data;
  self->user_data_destroy = user_data_destroy;

  return self;
}

static void
herald_paged_list_dispose (GObject *object)
{
  HeraldPagedList *self = HERALD_PAGED_LIST (object);

  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (herald_paged_list_parent_class)->dispose (object);
}

static void
herald_paged_list_finalize (GObject *object)
{
  HeraldPagedList *self = HERALD_PAGED_LIST (object);

  if (self->user_data_destroy != NULL)
    self->user_data_destroy (self->user_data);
  g_ptr_array_unref (self->items);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (herald_paged_list_parent_class)->finalize (object);
}

static void
herald_paged_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HeraldPagedList *self = HERALD_PAGED_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_HAS_MORE:
      g_value_set_boolean (value, self->has_more);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    case PROP_PAGES_LOADED:
      g_value_set_uint (value, self->pages_loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_paged_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HeraldPagedList *self = HERALD_PAGED_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      self->item_type = g_value_get_gtype (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_paged_list_class_init (HeraldPagedListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_paged_list_dispose;
  object_class->finalize = herald_paged_list_finalize;
  object_class->get_property = herald_paged_list_get_property;
  object_class->set_property = herald_paged_list_set_property;

  properties [PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_HAS_MORE] =
    g_param_spec_boolean ("has-more", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PAGES_LOADED] =
    g_param_spec_uint ("pages-loaded", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_paged_list_init (HeraldPagedList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->has_more = TRUE;
}
