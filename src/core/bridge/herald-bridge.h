/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-bridge-server.h"
#include "store/herald-database.h"

G_BEGIN_DECLS

/* The whole device bridge, as one host runs it (heraldctl bridge serve, or
 * the app): the per-user lock, the modem account whose inbox received SMS
 * go to (the first "modem" account, or a new one named "Device bridge"),
 * the keys, ModemManager, the dispatcher (settling what an earlier run
 * left in flight), the receiver and the REST server. Dropping the last
 * reference stops it and releases the lock. */

#define HERALD_TYPE_BRIDGE (herald_bridge_get_type ())
G_DECLARE_FINAL_TYPE (HeraldBridge, herald_bridge, HERALD, BRIDGE, GObject)

/* Fails with HERALD_BRIDGE_LOCK_ERROR_HELD (naming the holder's pid) when
 * another bridge runs, the server's errors for the address, or the store's,
 * keyring's or bus's. A ModemManager that is not running is no failure: the
 * bridge answers 503 until it starts (herald_bridge_get_warning() says so). */
void          herald_bridge_start_async        (HeraldDatabase       *database,
                                                const char           *address,
                                                guint                 port,
                                                gboolean              allow_remote,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
HeraldBridge *herald_bridge_start_finish       (GAsyncResult         *result,
                                                GError              **error);

guint         herald_bridge_get_port           (HeraldBridge         *self);
guint         herald_bridge_get_n_keys         (HeraldBridge         *self);
guint         herald_bridge_get_n_modems       (HeraldBridge         *self);
/* Something the host should tell the person at start, or NULL. */
const char   *herald_bridge_get_warning        (HeraldBridge         *self);

/* Reads the keys again (one created or revoked meanwhile); the old ones
 * stay in use when that fails. */
void          herald_bridge_reload_keys_async  (HeraldBridge         *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean      herald_bridge_reload_keys_finish (HeraldBridge         *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Stops answering (the lock is kept until the last reference goes). */
void          herald_bridge_stop               (HeraldBridge         *self);

G_END_DECLS
