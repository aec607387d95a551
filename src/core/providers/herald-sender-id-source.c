/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-provider"

#include "config.h"

#include "herald-sender-id-source.h"
#include "herald-value-private.h"

static void
herald_sender_id_clear (HeraldSenderId *self)
{
  g_free (self->id);
  g_free (self->name);
  g_free (self->status);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->approved_at, g_date_time_unref);
}

HERALD_DEFINE_VALUE (HeraldSenderId, herald_sender_id, herald_sender_id_clear)

HERALD_DEFINE_VALUE_NEW (HeraldSenderId, herald_sender_id)

/* ---- the interface -------------------------------------------------------- */

HERALD_DEFINE_CAPABILITY (HeraldSenderIdSource, herald_sender_id_source)

void
herald_sender_id_source_list_sender_ids_async (HeraldSenderIdSource *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_SENDER_ID_SOURCE (self));
  HERALD_SENDER_ID_SOURCE_GET_IFACE (self)->list_sender_ids (self,
                                                             g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (GPtrArray *, herald_sender_id_source_list_sender_ids_finish, HeraldSenderIdSource)
