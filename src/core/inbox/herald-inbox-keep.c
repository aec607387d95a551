/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-inbox"

#include "config.h"

#include "herald-inbox-keep.h"
#include "providers/herald-received-message.h"

static HeraldLocalMessage *
local_message_of (HeraldReceivedMessage *message)
{
  HeraldLocalMessage *value = herald_local_message_new ();
  GDateTime *at = herald_received_message_get_received_at (message);

  value->remote_id = g_strdup (herald_received_message_get_id (message));
  value->sender = g_strdup (herald_received_message_get_from (message));
  value->text = g_strdup (herald_received_message_get_text (message));
  /* g_date_time_to_unix_usec() is GLib 2.80 */
  value->received_at = at != NULL ? g_date_time_to_unix (at) * G_USEC_PER_SEC + g_date_time_get_microsecond (at)
                                  : g_get_real_time ();
  value->device_id = g_strdup (herald_received_message_get_device_id (message));
  value->device_name = g_strdup (herald_received_message_get_device_name (message));
  value->device_phone = g_strdup (herald_received_message_get_device_phone (message));
  value->message_type = g_strdup (herald_message_type_to_string (herald_received_message_get_message_type (message)));
  value->sim_slot = herald_received_message_get_sim_slot (message);
  value->media_url = g_strdup (herald_received_message_get_media_url (message));
  return value;
}

void
herald_inbox_keep_async (HeraldLocalInbox    *inbox,
                         HeraldAccount       *account,
                         GListModel          *received,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  guint n = g_list_model_get_n_items (received);
  g_autoptr(GPtrArray) values = g_ptr_array_new_full (n, (GDestroyNotify) herald_local_message_unref);

  g_return_if_fail (HERALD_IS_LOCAL_INBOX (inbox));
  g_return_if_fail (HERALD_IS_ACCOUNT (account));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldReceivedMessage) message = g_list_model_get_item (received, i);

      g_ptr_array_add (values, local_message_of (message));
    }
  herald_local_inbox_add_async (inbox, herald_account_get_id (account), herald_account_get_region (account), values,
                                cancellable, callback, user_data);
}
