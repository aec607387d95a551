/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-send"

#include "config.h"

#include "herald-delivery-refresh.h"
#include "net/herald-provider-error.h"

typedef struct
{
  HeraldProvider *provider;
  GListModel     *rows;         /* HeraldLoggedMessage, open ones */
  GArray         *changes;      /* HeraldMessageLogStateChange, one per row */
  guint           next;         /* the row to ask about next */
  GError         *stop_error;   /* returned after storing the answers so far */
} RefreshData;

static void
refresh_data_free (gpointer data)
{
  RefreshData *refresh = data;

  g_object_unref (refresh->provider);
  g_clear_object (&refresh->rows);
  g_clear_pointer (&refresh->changes, g_array_unref);
  g_clear_error (&refresh->stop_error);
  g_free (refresh);
}

static void
refresh_stored (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RefreshData *refresh = g_task_get_task_data (task);
  GError *error = NULL;
  guint changed;

  changed = herald_message_log_update_states_finish (HERALD_MESSAGE_LOG (object), result, &error);
  if (error != NULL)
    {
      if (refresh->stop_error != NULL)
        g_debug ("Refresh stopped by “%s”, then failed to store: %s",
                 refresh->stop_error->message, error->message);
      g_task_return_error (task, error);
    }
  else if (refresh->stop_error != NULL)
    g_task_return_error (task, g_steal_pointer (&refresh->stop_error));
  else
    g_task_return_int (task, changed);
}

static void
refresh_store (GTask *task)
{
  HeraldMessageLog *log = g_task_get_source_object (task);
  RefreshData *refresh = g_task_get_task_data (task);
  gboolean any = FALSE;

  for (guint i = 0; i < refresh->changes->len && !any; i++)
    {
      HeraldMessageLogStateChange *change = &g_array_index (refresh->changes, HeraldMessageLogStateChange, i);

      any = change->new_state != change->old_state;
    }

  if (!any)
    {
      if (refresh->stop_error != NULL)
        g_task_return_error (task, g_steal_pointer (&refresh->stop_error));
      else
        g_task_return_int (task, 0);
      g_object_unref (task);
      return;
    }

  /* Not cancellable: the answers obtained are worth keeping. */
  herald_message_log_update_states_async (log,
                                          (const HeraldMessageLogStateChange *) (gpointer) refresh->changes->data,
                                          refresh->changes->len, NULL, refresh_stored, task);
}

static void refresh_ask_next (GTask *task);

static void
refresh_answered (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  RefreshData *refresh = g_task_get_task_data (task);
  HeraldMessageLogStateChange *change = &g_array_index (refresh->changes, HeraldMessageLogStateChange,
                                                        refresh->next);
  GError *error = NULL;
  HeraldDeliveryState state;

  state = herald_provider_get_state_finish (HERALD_PROVIDER (object), result, &error);
  if (error != NULL)
    {
      if (!g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NOT_FOUND))
        {
          refresh->stop_error = error;
          refresh_store (task);
          return;
        }
      /* The provider forgot it, or never knew it: nothing learnt. */
      g_debug ("Message of row %" G_GINT64_FORMAT " unknown to the provider; its state stays",
               change->row_id);
      g_clear_error (&error);
    }
  else if (state != HERALD_DELIVERY_UNKNOWN)
    change->new_state = state;

  refresh->next++;
  refresh_ask_next (task);
}

/* One at a time: the providers' rate limits count requests. */
static void
refresh_ask_next (GTask *task)
{
  RefreshData *refresh = g_task_get_task_data (task);
  g_autoptr(HeraldLoggedMessage) row = NULL;

  if (refresh->next >= refresh->changes->len)
    {
      refresh_store (task);
      return;
    }

  row = g_list_model_get_item (refresh->rows, refresh->next);
  herald_provider_get_state_async (refresh->provider, herald_logged_message_get_message_id (row),
                                   g_task_get_cancellable (task), refresh_answered, task);
}

static void
refresh_rows_read (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  RefreshData *refresh = g_task_get_task_data (task);
  GError *error = NULL;
  guint n;

  refresh->rows = herald_message_log_list_finish (HERALD_MESSAGE_LOG (object), result, &error);
  if (refresh->rows == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  n = g_list_model_get_n_items (refresh->rows);
  refresh->changes = g_array_sized_new (FALSE, TRUE, sizeof (HeraldMessageLogStateChange), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldLoggedMessage) row = g_list_model_get_item (refresh->rows, i);
      HeraldMessageLogStateChange change = {
        .row_id = herald_logged_message_get_row_id (row),
        .old_state = herald_logged_message_get_state (row),
        .new_state = herald_logged_message_get_state (row),
      };

      g_array_append_val (refresh->changes, change);
    }

  refresh_ask_next (task);
}

void
herald_delivery_refresh_async (HeraldMessageLog    *log,
                               HeraldProvider      *provider,
                               const char          *account_id,
                               guint                max_rows,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  RefreshData *refresh;

  g_return_if_fail (HERALD_IS_MESSAGE_LOG (log));
  g_return_if_fail (HERALD_IS_PROVIDER (provider));
  g_return_if_fail (account_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  refresh = g_new0 (RefreshData, 1);
  refresh->provider = g_object_ref (provider);

  /* The task's one reference travels through the chain of callbacks and
   * is dropped where the task returns. */
  task = g_task_new (log, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_delivery_refresh_async);
  g_task_set_task_data (task, refresh, refresh_data_free);

  herald_message_log_list_open_async (log, account_id, max_rows, cancellable, refresh_rows_read, task);
}

guint
herald_delivery_refresh_finish (HeraldMessageLog  *log,
                                GAsyncResult      *result,
                                GError           **error)
{
  gssize changed;

  g_return_val_if_fail (HERALD_IS_MESSAGE_LOG (log), 0);
  g_return_val_if_fail (g_task_is_valid (result, log), 0);

  changed = g_task_propagate_int (G_TASK (result), error);
  return changed > 0 ? (guint) changed : 0;
}
