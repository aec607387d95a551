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

/* ---- a provider's history and transactions ---------------------------------- */

/* The two remote listings differ only in the interface asked and the type
 * of their items. */
typedef enum
{
  REMOTE_HISTORY,        /* HeraldHistorySource, HeraldSentMessage items */
  REMOTE_TRANSACTIONS,   /* HeraldCreditAccount, HeraldTransaction items */
} RemoteKind;

typedef struct
{
  GObject    *provider;
  RemoteKind  kind;
  int         state_or_kind;
  GDateTime  *since;
  GDateTime  *until;
  guint       limit;
} Remote;

static void
remote_free (Remote *source)
{
  g_object_unref (source->provider);
  g_clear_pointer (&source->since, g_date_time_unref);
  g_clear_pointer (&source->until, g_date_time_unref);
  g_free (source);
}

/* Each page's items in a HeraldBoxedItem. */
static void
remote_fetched (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RemoteKind kind = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(HeraldRemotePage) page = NULL;
  GError *error = NULL;
  GType boxed_type;
  GPtrArray *items;

  if (kind == REMOTE_HISTORY)
    {
      page = herald_history_source_list_history_finish (HERALD_HISTORY_SOURCE (object), result, &error);
      boxed_type = HERALD_TYPE_SENT_MESSAGE;
    }
  else
    {
      page = herald_credit_account_list_transactions_finish (HERALD_CREDIT_ACCOUNT (object), result, &error);
      boxed_type = HERALD_TYPE_TRANSACTION;
    }
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  items = g_ptr_array_new_full (page->items->len, g_object_unref);
  for (guint i = 0; i < page->items->len; i++)
    g_ptr_array_add (items, herald_boxed_item_new (boxed_type, g_ptr_array_index (page->items, i)));

  herald_paged_list_task_return_page (g_steal_pointer (&task), items, page->pagination.has_more);
}

static void
remote_fetch (guint         page,
              GCancellable *cancellable,
              GTask        *task,
              gpointer      user_data)
{
  Remote *source = user_data;

  g_task_set_task_data (task, GINT_TO_POINTER (source->kind), NULL);
  if (source->kind == REMOTE_HISTORY)
    {
      HeraldHistoryFilter filter = { source->state_or_kind, source->since, source->until };

      herald_history_source_list_history_async (HERALD_HISTORY_SOURCE (source->provider), &filter, page,
                                                source->limit, cancellable, remote_fetched, task);
    }
  else
    {
      HeraldTransactionFilter filter = { source->state_or_kind, source->since, source->until };

      herald_credit_account_list_transactions_async (HERALD_CREDIT_ACCOUNT (source->provider), &filter, page,
                                                     source->limit, cancellable, remote_fetched, task);
    }
}

static HeraldPagedList *
remote_list_new (gpointer    provider,
                 RemoteKind  kind,
                 int         state_or_kind,
                 GDateTime  *since,
                 GDateTime  *until,
                 guint       limit)
{
  Remote *source = g_new0 (Remote, 1);

  source->provider = g_object_ref (provider);
  source->kind = kind;
  source->state_or_kind = state_or_kind;
  source->since = ref_date (since);
  source->until = ref_date (until);
  source->limit = limit;

  return herald_paged_list_new (HERALD_TYPE_BOXED_ITEM, remote_fetch, source, (GDestroyNotify) remote_free);
}

HeraldPagedList *
herald_paged_list_new_for_history (HeraldHistorySource       *history,
                                   const HeraldHistoryFilter *filter,
                                   guint                      limit)
{
  g_return_val_if_fail (HERALD_IS_HISTORY_SOURCE (history), NULL);

  if (filter == NULL)
    return remote_list_new (history, REMOTE_HISTORY, HERALD_DELIVERY_UNKNOWN, NULL, NULL, limit);
  return remote_list_new (history, REMOTE_HISTORY, filter->state, filter->since, filter->until, limit);
}

HeraldPagedList *
herald_paged_list_new_for_transactions (HeraldCreditAccount           *account,
                                        const HeraldTransactionFilter *filter,
                                        guint                          limit)
{
  g_return_val_if_fail (HERALD_IS_CREDIT_ACCOUNT (account), NULL);

  if (filter == NULL)
    return remote_list_new (account, REMOTE_TRANSACTIONS, HERALD_TRANSACTION_UNKNOWN, NULL, NULL, limit);
  return remote_list_new (account, REMOTE_TRANSACTIONS, filter->kind, filter->since, filter->until, limit);
}
