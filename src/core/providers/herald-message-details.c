/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-provider"

#include "config.h"

#include "herald-message-details.h"
#include "herald-value-private.h"

HERALD_DEFINE_CAPABILITY (HeraldMessageDetails, herald_message_details)

void
herald_message_details_get_message_async (HeraldMessageDetails *self,
                                          const char           *message_id,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_MESSAGE_DETAILS (self));
  g_return_if_fail (message_id != NULL);
  HERALD_MESSAGE_DETAILS_GET_IFACE (self)->get_message (self, message_id,
                                                        g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (HeraldSentMessage *, herald_message_details_get_message_finish, HeraldMessageDetails)
