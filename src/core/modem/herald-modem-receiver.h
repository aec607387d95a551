/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-modem-manager.h"
#include "store/herald-local-inbox.h"

G_BEGIN_DECLS

/* Moves what the modems receive into the local inbox (HeraldLocalInbox),
 * under the modem account @account_id: an SMS is stored
 * once complete (a multipart one once all its parts are in, state
 * RECEIVED), then deleted from the modem so that its storage never fills.
 * start() also imports what the modems held already. An SMS whose storing
 * fails stays on the modem, to be imported at the next start. Its remote
 * id is a digest of the modem, sender, time and text, so that an SMS stored
 * but not yet deleted when Herald stopped is not stored twice. A STOP reply
 * opts its sender out as it is stored: the local inbox does that for every
 * source (herald_local_inbox_set_optout_keywords()).
 *
 * Signal message-stored (const char *device_id, const char *sender,
 * const char *text, gint64 received_at_usec): stored (and being deleted
 * from the modem). */

#define HERALD_TYPE_MODEM_RECEIVER (herald_modem_receiver_get_type ())

G_DECLARE_FINAL_TYPE (HeraldModemReceiver, herald_modem_receiver, HERALD, MODEM_RECEIVER, GObject)

HeraldModemReceiver *herald_modem_receiver_new   (HeraldModemManager  *manager,
                                                  HeraldLocalInbox    *inbox,
                                                  const char          *account_id);
void                 herald_modem_receiver_start (HeraldModemReceiver *self);

G_END_DECLS
