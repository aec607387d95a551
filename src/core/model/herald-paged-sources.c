/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-paged-sources"

#include "config.h"

#include "herald-paged-sources.h"

static GDateTime *
ref_date (GDateTime *date)
{
  return date != NULL ? g_date_time_ref (date) : NULL;
}

/* ---- received messages (HeraldInboxSource) ------------------------------ */

typedef struct
{
  HeraldInboxSource    *source;
  char                 *from;
  char                 *device_id;
  GDateTime            *since;
  GDateTime            *until;
  guint                 per_page;
  GHashTable           *seen;    /* ids listed so far, shared with the fetches */
} Received;

static void
received_free (Received *source)
{
  g_object_unref (source->source);
  g_free (source->from);
  g_free (source->device_id);
  g_clear_pointer (&source->since, g_date_time_unref);
  g_clear_pointer (&source->until, g_date_time_unref);
  g_hash_table_unref (source->seen);
  g_free (source);
}

static void
received_fetched (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GHashTable *seen = g_task_get_task_data (task);
  g_autoptr(HeraldReceivedPage) page = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;
  GListModel *messages;
  guint n;

  page = herald_inbox_source_list_received_finish (HERALD_INBOX_SOURCE (object), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  messages = herald_received_page_get_items (page);
  n = g_list_model_get_n_items (messages);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldReceivedMessage) message = g_list_model_get_item (messages, i);
      const char *id = herald_received_message_get_id (message);

      if (!g_hash_table_add (seen, g_strdup (id)))
        continue;
      g_ptr_array_add (items, g_steal_pointer (&message));
    }

  herald_paged_list_task_return_page (g_steal_pointer (&task), items,
                                      herald_received_page_get_has_more (page));
}

static void
received_fetch (guint         page,
                GCancellable *cancellable,
                GTask        *task,
                gpointer      user_data)
{
  Received *source = user_data;
  HeraldReceivedFilter filter = {
    source->from, source->device_id, source->since, source->until,
  };

  /* A new first page starts a new list (the list was reset). */
  if (page == 1)
    g_hash_table_remove_all (source->seen);
  g_task_set_task_data (task, g_hash_table_ref (source->seen), (GDestroyNotify) g_hash_table_unref);
  herald_inbox_source_list_received_async (source->source, &filter, page, source->per_page,
                                           cancellable, received_fetched, task);
}

HeraldPagedList *
herald_paged_list_new_for_received (HeraldInboxSource          *source,
                                    const HeraldReceivedFilter *filter,
                                    guint                       per_page)
{
  Received *received;

  g_return_val_if_fail (HERALD_IS_INBOX_SOURCE (source), NULL);

  received = g_new0 (Received, 1);
  received->source = g_object_ref (source);
  received->per_page = per_page;
  received->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (filter != NULL)
    {
      received->from = g_strdup (filter->from);
      received->device_id = g_strdup (filter->device_id);
      received->since = ref_date (filter->since);
      received->until = ref_date (filter->until);
    }

  return herald_paged_list_new (HERALD_TYPE_RECEIVED_MESSAGE,
                                received_fetch, received, (GDestroyNotify) received_free);
}

/* ---- FlashSMS history and transactions ----------------------------------- */

typedef struct
{
  HeraldFlashsmsClient *client;
  int                   status_or_type;
  GDateTime            *start_date;
  GDateTime            *end_date;
  guint                 limit;
} Flashsms;

static void
flashsms_free (Flashsms *source)
{
  g_object_unref (source->client);
  g_clear_pointer (&source->start_date, g_date_time_unref);
  g_clear_pointer (&source->end_date, g_date_time_unref);
  g_free (source);
}

static GPtrArray *
wrap_boxed (GType      boxed_type,
            GPtrArray *values)
{
  GPtrArray *items = g_ptr_array_new_full (values->len, g_object_unref);

  for (guint i = 0; i < values->len; i++)
    g_ptr_array_add (items, herald_boxed_item_new (boxed_type, g_ptr_array_index (values, i)));

  return items;
}

static void
history_fetched (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(HeraldFlashsmsHistoryPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = herald_flashsms_client_list_history_finish (HERALD_FLASHSMS_CLIENT (object), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  herald_paged_list_task_return_page (g_steal_pointer (&task),
                                      wrap_boxed (HERALD_TYPE_FLASHSMS_MESSAGE,
                                                  herald_flashsms_history_page_get_messages (page)),
                                      herald_flashsms_history_page_get_pagination (page)->has_more);
}

static void
history_fetch (guint         page,
               GCancellable *cancellable,
               GTask        *task,
               gpointer      user_data)
{
  Flashsms *source = user_data;
  HeraldFlashsmsHistoryFilter filter = {
    source->status_or_type, source->start_date, source->end_date,
  };

  herald_flashsms_client_list_history_async (source->client, &filter, page, source->limit,
                                             cancellable, history_fetched, task);
}

static void
transactions_fetched (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(HeraldFlashsmsTransactionPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = herald_flashsms_client_list_transactions_finish (HERALD_FLASHSMS_CLIENT (object), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  herald_paged_list_task_return_page (g_steal_pointer (&task),
                                      wrap_boxed (HERALD_TYPE_FLASHSMS_TRANSACTION,
                                                  herald_flashsms_transaction_page_get_transactions (page)),
                                      herald_flashsms_transaction_page_get_pagination (page)->has_more);
}

static void
transactions_fetch (guint         page,
                    GCancellable *cancellable,
                    GTask        *task,
                    gpointer      user_data)
{
  Flashsms *source = user_data;
  HeraldFlashsmsTransactionFilter filter = {
    source->status_or_type, source->start_date, source->end_date,
  };

  herald_flashsms_client_list_transactions_async (source->client, &filter, page, source->limit,
                                                  cancellable, transactions_fetched, task);
}

static Flashsms *
flashsms_new (HeraldFlashsmsClient *client,
              int                   status_or_type,
              GDateTime            *start_date,
              GDateTime            *end_date,
              guint                 limit)
{
  Flashsms *source = g_new0 (Flashsms, 1);

  source->client = g_object_ref (client);
  source->status_or_type = status_or_type;
  source->start_date = ref_date (start_date);
  source->end_date = ref_date (end_date);
  source->limit = limit;

  return source;
}

HeraldPagedList *
herald_paged_list_new_for_history (HeraldFlashsmsClient              *client,
                                   const HeraldFlashsmsHistoryFilter *filter,
                                   guint                              limit)
{
  Flashsms *source;

  g_return_val_if_fail (HERALD_IS_FLASHSMS_CLIENT (client), NULL);

  source = filter != NULL
    ? flashsms_new (client, filter->status, filter->start_date, filter->end_date, limit)
    : flashsms_new (client, HERALD_FLASHSMS_STATUS_UNKNOWN, NULL, NULL, limit);

  return herald_paged_list_new (HERALD_TYPE_BOXED_ITEM, history_fetch, source,
                                (GDestroyNotify) flashsms_free);
}

HeraldPagedList *
herald_paged_list_new_for_transactions (HeraldFlashsmsClient                  *client,
                                        const HeraldFlashsmsTransactionFilter *filter,
                                        guint                                  limit)
{
  Flashsms *source;

  g_return_val_if_fail (HERALD_IS_FLASHSMS_CLIENT (client), NULL);

  source = filter != NULL
    ? flashsms_new (client, filter->type, filter->start_date, filter->end_date, limit)
    : flashsms_new (client, HERALD_FLASHSMS_TRANSACTION_UNKNOWN, NULL, NULL, limit);

  return herald_paged_list_new (HERALD_TYPE_BOXED_ITEM, transactions_fetch, source,
                                (GDestroyNotify) flashsms_free);
}
