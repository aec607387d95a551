/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-provider.h"
#include "herald-provider-values.h"

G_BEGIN_DECLS

/* HeraldMessageDetails: a provider that can say more about one message it
 * sent than its HeraldDeliveryState (herald_provider_get_state_async()):
 * the dialect's own status word, and whatever else it keeps (recipients,
 * credits, sender, device, times). Optional, with HeraldProvider as its
 * prerequisite: test with HERALD_IS_MESSAGE_DETAILS (provider). */

#define HERALD_TYPE_MESSAGE_DETAILS (herald_message_details_get_type ())
G_DECLARE_INTERFACE (HeraldMessageDetails, herald_message_details, HERALD, MESSAGE_DETAILS, HeraldProvider)

/* Each member answers the task it is given (transfer full; the provider
 * its source object) with the call's value: a pointer, or a boolean for
 * deletes. The *_async functions make the task, the *_finish ones
 * propagate it. */
struct _HeraldMessageDetailsInterface
{
  GTypeInterface parent_iface;

  void (*get_message) (HeraldMessageDetails *self,
                       const char           *message_id,
                       GTask                *task);
};

/* One message by the id a send returned, with what the dialect knows of it
 * (its fields member says which parts the dialect reports). */
void herald_message_details_get_message_async (HeraldMessageDetails *self,
                                               const char           *message_id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
HeraldSentMessage *herald_message_details_get_message_finish (HeraldMessageDetails  *self,
                                                              GAsyncResult          *result,
                                                              GError               **error);

G_END_DECLS
