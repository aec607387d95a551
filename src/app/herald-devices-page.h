/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* Devices: the local modems of the session's HeraldModemManager, one
 * HeraldDeviceRow each, following hot-plug. The manager is asked for
 * (herald_session_ensure_modem_manager) the first time the page is shown,
 * so Herald does not wake ModemManager for people who never look here.
 *
 * What the page shows is one of the named pages of its stack ("state"):
 *   "loading"      the manager is on its way
 *   "unavailable"  the system bus cannot be reached, or ModemManager is not
 *                  running: a status page with the error's own words
 *   "empty"        ModemManager runs but manages no modem
 *   "modems"       the list
 *
 * Properties:
 *   session   HeraldSession, read-write, nullable */

#define HERALD_TYPE_DEVICES_PAGE (herald_devices_page_get_type ())
G_DECLARE_FINAL_TYPE (HeraldDevicesPage, herald_devices_page, HERALD, DEVICES_PAGE, AdwBin)

HeraldSession *herald_devices_page_get_session (HeraldDevicesPage *self);
void           herald_devices_page_set_session (HeraldDevicesPage *self,
                                                HeraldSession     *session);
/* The visible state, as above. */
const char    *herald_devices_page_get_state   (HeraldDevicesPage *self);

G_END_DECLS
