/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-paged-sources"

#include "config.h"

#include "herald-paged-sources.h"

/* The message log's adapter, in a file of its own so that programs that
 * never read the log do not pull the log in. */

#define DEFAULT_LIMIT 50

typedef struct
{
  HeraldMessageLog    *log;
  char                *account_id;
  HeraldDeliveryState  state;
  GDateTime           *since;
  GDateTime           *until;
  char                *recipient;
  guint                limit;
} Log;

static void
log_free (Log *source)
{
  g_object_unref (source->log);
  g_free (source->account_id);
  g_clear_pointer (&source->since, g_date_time_unref);
  g_clear_pointer (&source->until, g_date_time_unref);
  g_free (source->recipient);
  g_free (source);
}

static void
log_fetched (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  guint limit = GPOINTER_TO_UINT (g_task_get_task_data (task));
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;
  guint n;

  rows = herald_message_log_list_finish (HERALD_MESSAGE_LOG (object), result, &error);
  if (rows == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  n = g_list_model_get_n_items (rows);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (rows, i));

  /* A full page may be followed by more; a short one is the last. */
  herald_paged_list_task_return_page (g_steal_pointer (&task), items, n >= limit);
}

static void
log_fetch (guint         page,
           GCancellable *cancellable,
           GTask        *task,
           gpointer      user_data)
{
  Log *source = user_data;
  HeraldMessageLogFilter filter = {
    source->state, source->since, source->until, source->recipient,
  };

  g_task_set_task_data (task, GUINT_TO_POINTER (source->limit), NULL);
  herald_message_log_list_async (source->log, source->account_id, &filter,
                                 (page - 1) * source->limit, source->limit,
                                 cancellable, log_fetched, task);
}

HeraldPagedList *
herald_paged_list_new_for_message_log (HeraldMessageLog             *log,
                                       const char                   *account_id,
                                       const HeraldMessageLogFilter *filter,
                                       guint                         limit)
{
  Log *source;

  g_return_val_if_fail (HERALD_IS_MESSAGE_LOG (log), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  source = g_new0 (Log, 1);
  source->log = g_object_ref (log);
  source->account_id = g_strdup (account_id);
  source->limit = limit > 0 ? limit : DEFAULT_LIMIT;
  if (filter != NULL)
    {
      source->state = filter->state;
      source->since = filter->since != NULL ? g_date_time_ref (filter->since) : NULL;
      source->until = filter->until != NULL ? g_date_time_ref (filter->until) : NULL;
      source->recipient = g_strdup (filter->recipient);
    }

  return herald_paged_list_new (HERALD_TYPE_LOGGED_MESSAGE, log_fetch, source,
                                (GDestroyNotify) log_free);
}
