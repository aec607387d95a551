/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* One modem on the Devices page: manufacturer and model as the title; the
 * operator, access technology, state and own number, then why it takes no
 * work (or why enabling it failed) as the subtitle; the signal as a level
 * bar and a percentage; an Enable button while the modem is disabled. It
 * follows the modem's notifications.
 *
 * The widget's name is the modem's ModemManager path; the signal label is
 * named "signal", the level bar "signal-level", the button "enable".
 *
 * Properties:
 *   modem   HeraldModem, read-write, construct-only */

#define HERALD_TYPE_DEVICE_ROW (herald_device_row_get_type ())
G_DECLARE_FINAL_TYPE (HeraldDeviceRow, herald_device_row, HERALD, DEVICE_ROW, AdwActionRow)

GtkWidget   *herald_device_row_new       (HeraldModem     *modem);
HeraldModem *herald_device_row_get_modem (HeraldDeviceRow *self);

/* For people: "Registered", "SIM locked"… from ModemManager's state words. */
const char  *herald_device_row_describe_state (const char *state);

G_END_DECLS
