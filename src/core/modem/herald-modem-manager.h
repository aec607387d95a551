/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-modem.h"

G_BEGIN_DECLS

/* The modems ModemManager manages, as a GListModel of HeraldModem that
 * follows hot-plug: a modem plugged in is appended, one unplugged is
 * removed (and told so: herald_modem_is_present() turns FALSE). When
 * ModemManager stops, the list empties and "running" turns FALSE; when it
 * starts again, its modems come back. Nothing here blocks: the bus and the
 * first list are reached asynchronously. */

#define HERALD_TYPE_MODEM_MANAGER (herald_modem_manager_get_type ())

G_DECLARE_FINAL_TYPE (HeraldModemManager, herald_modem_manager, HERALD, MODEM_MANAGER, GObject)

/* @connection: the system bus, or NULL to connect to it. Fails only when
 * the bus cannot be reached; a ModemManager that is not running is
 * reported by herald_modem_manager_check_running(). */
void                herald_modem_manager_new_async        (GDBusConnection     *connection,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
HeraldModemManager *herald_modem_manager_new_finish       (GAsyncResult        *result,
                                                           GError             **error);

gboolean            herald_modem_manager_get_running      (HeraldModemManager  *self);
/* TRUE when ModemManager is on the bus; else FALSE with
 * HERALD_MODEM_ERROR_NOT_RUNNING saying so. */
gboolean            herald_modem_manager_check_running    (HeraldModemManager  *self,
                                                           GError             **error);

/* By device id (the UUID), equipment identifier or ModemManager path;
 * NULL when none. (transfer none) */
HeraldModem        *herald_modem_manager_lookup           (HeraldModemManager  *self,
                                                           const char          *id);

G_END_DECLS
