/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-inbox-source"

#include "config.h"

#include "herald-inbox-source.h"
#include "herald-getter-private.h"
#include "herald-value-private.h"

/* ---- HeraldReceivedPage --------------------------------------------------- */

struct _HeraldReceivedPage
{
  GListModel *items;
  guint       page;
  guint       per_page;
  guint       total;
  guint       total_pages;
  gboolean    has_more;
};

static void
received_page_clear (HeraldReceivedPage *self)
{
  g_clear_object (&self->items);
}

HERALD_DEFINE_VALUE (HeraldReceivedPage, herald_received_page, received_page_clear)

HeraldReceivedPage *
herald_received_page_new (GListModel *items,
                          guint       page,
                          guint       per_page,
                          guint       total,
                          guint       total_pages,
                          gboolean    has_more)
{
  HeraldReceivedPage *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (g_type_is_a (g_list_model_get_item_type (items), HERALD_TYPE_RECEIVED_MESSAGE), NULL);

  self = g_atomic_rc_box_new0 (HeraldReceivedPage);
  self->items = g_object_ref (items);
  self->page = page;
  self->per_page = per_page;
  self->total = total;
  self->total_pages = total_pages;
  self->has_more = !!has_more;

  return self;
}

HERALD_DEFINE_GETTER (GListModel *, herald_received_page_get_items, HeraldReceivedPage, items, NULL)
HERALD_DEFINE_GETTER (guint, herald_received_page_get_page, HeraldReceivedPage, page, 0)
HERALD_DEFINE_GETTER (guint, herald_received_page_get_per_page, HeraldReceivedPage, per_page, 0)
HERALD_DEFINE_GETTER (guint, herald_received_page_get_total, HeraldReceivedPage, total, 0)
HERALD_DEFINE_GETTER (guint, herald_received_page_get_total_pages, HeraldReceivedPage, total_pages, 0)
HERALD_DEFINE_GETTER (gboolean, herald_received_page_get_has_more, HeraldReceivedPage, has_more, FALSE)

/* ---- the interface -------------------------------------------------------- */

HERALD_DEFINE_CAPABILITY (HeraldInboxSource, herald_inbox_source)

void
herald_inbox_source_list_received_async (HeraldInboxSource          *self,
                                         const HeraldReceivedFilter *filter,
                                         guint                       page,
                                         guint                       per_page,
                                         GCancellable               *cancellable,
                                         GAsyncReadyCallback         callback,
                                         gpointer                    user_data)
{
  g_return_if_fail (HERALD_IS_INBOX_SOURCE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  HERALD_INBOX_SOURCE_GET_IFACE (self)->list_received (self, filter, page, per_page,
                                                       g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (HeraldReceivedPage *, herald_inbox_source_list_received_finish, HeraldInboxSource)

/* ---- every page ----------------------------------------------------------- */

typedef struct
{
  char       *from;
  char       *device_id;
  GDateTime  *since;
  GDateTime  *until;
  GListStore *items;
  GHashTable *ids;     /* ids already in items */
  guint       page;
} ListAll;

static void
list_all_free (ListAll *data)
{
  g_free (data->from);
  g_free (data->device_id);
  g_clear_pointer (&data->since, g_date_time_unref);
  g_clear_pointer (&data->until, g_date_time_unref);
  g_object_unref (data->items);
  g_hash_table_unref (data->ids);
  g_free (data);
}

static void list_all_next (GTask *task);

static void
list_all_page_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListAll *data = g_task_get_task_data (task);
  g_autoptr(HeraldReceivedPage) page = NULL;
  GError *error = NULL;
  GListModel *items;
  guint n_items;

  page = herald_inbox_source_list_received_finish (HERALD_INBOX_SOURCE (object), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* newest first: a message arriving meanwhile pushes an older one onto
   * the next page, where it is met again — never lost, skipped here */
  items = herald_received_page_get_items (page);
  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(HeraldReceivedMessage) item = g_list_model_get_item (items, i);

      if (g_hash_table_add (data->ids, g_strdup (herald_received_message_get_id (item))))
        g_list_store_append (data->items, item);
    }

  /* stop at the last page, and at an empty one whatever the source claims */
  if (!herald_received_page_get_has_more (page) || n_items == 0 ||
      (herald_received_page_get_total_pages (page) > 0 &&
       data->page >= herald_received_page_get_total_pages (page)))
    {
      g_task_return_pointer (task, g_object_ref (data->items), g_object_unref);
      return;
    }
  if (data->page >= HERALD_INBOX_SOURCE_MAX_PAGES)
    {
      g_warning ("Stopped reading received messages after %u pages", data->page);
      g_task_return_pointer (task, g_object_ref (data->items), g_object_unref);
      return;
    }

  data->page++;
  list_all_next (g_steal_pointer (&task));
}

static void
list_all_next (GTask *task)
{
  ListAll *data = g_task_get_task_data (task);
  HeraldReceivedFilter filter = { data->from, data->device_id, data->since, data->until };

  herald_inbox_source_list_received_async (g_task_get_source_object (task), &filter, data->page, 0,
                                           g_task_get_cancellable (task), list_all_page_cb, task);
}

void
herald_inbox_source_list_all_received_async (HeraldInboxSource          *self,
                                             const HeraldReceivedFilter *filter,
                                             GCancellable               *cancellable,
                                             GAsyncReadyCallback         callback,
                                             gpointer                    user_data)
{
  GTask *task;
  ListAll *data;

  g_return_if_fail (HERALD_IS_INBOX_SOURCE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_inbox_source_list_all_received_async);

  data = g_new0 (ListAll, 1);
  if (filter != NULL)
    {
      data->from = g_strdup (filter->from);
      data->device_id = g_strdup (filter->device_id);
      data->since = filter->since != NULL ? g_date_time_ref (filter->since) : NULL;
      data->until = filter->until != NULL ? g_date_time_ref (filter->until) : NULL;
    }
  data->items = g_list_store_new (HERALD_TYPE_RECEIVED_MESSAGE);
  data->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data->page = 1;
  g_task_set_task_data (task, data, (GDestroyNotify) list_all_free);

  list_all_next (task);
}

GListModel *
herald_inbox_source_list_all_received_finish (HeraldInboxSource  *self,
                                              GAsyncResult       *result,
                                              GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == herald_inbox_source_list_all_received_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
