/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-provider.h"
#include "herald-provider-values.h"

G_BEGIN_DECLS

/* HeraldSenderIdSource: a provider whose account sends under names it
 * registered (HERALD_PROVIDER_FEATURE_SENDER_ID) and can list them.
 * Optional, with HeraldProvider as its prerequisite: test with
 * HERALD_IS_SENDER_ID_SOURCE (provider). */

#define HERALD_TYPE_SENDER_ID (herald_sender_id_get_type ())
typedef struct
{
  char      *id;
  char      *name;          /* what HeraldOutgoing's sender-id takes */
  char      *status;        /* the provider's word: "APPROVED" */
  GDateTime *created_at;    /* nullable */
  GDateTime *approved_at;   /* nullable */
} HeraldSenderId;

HERALD_DECLARE_VALUE (HeraldSenderId, herald_sender_id)
HeraldSenderId *herald_sender_id_new (void);

#define HERALD_TYPE_SENDER_ID_SOURCE (herald_sender_id_source_get_type ())
G_DECLARE_INTERFACE (HeraldSenderIdSource, herald_sender_id_source, HERALD, SENDER_ID_SOURCE, HeraldProvider)

/* Each member answers the task it is given (transfer full; the provider
 * its source object) with the call's value: a pointer, or a boolean for
 * deletes. The *_async functions make the task, the *_finish ones
 * propagate it. */
struct _HeraldSenderIdSourceInterface
{
  GTypeInterface parent_iface;

  void (*list_sender_ids) (HeraldSenderIdSource *self,
                           GTask                *task);
};

/* The sender IDs the account may send as.
 * Returns: (element-type HeraldSenderId) (transfer container) */
void herald_sender_id_source_list_sender_ids_async (HeraldSenderIdSource *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GPtrArray *herald_sender_id_source_list_sender_ids_finish (HeraldSenderIdSource  *self,
                                                           GAsyncResult          *result,
                                                           GError               **error);

G_END_DECLS
