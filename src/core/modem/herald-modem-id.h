/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A modem's device id as clients of the bridge see it: a name-based UUID
 * (RFC 4122 version 5, SHA-1) of its equipment identifier (the IMEI of a
 * 3GPP modem) in Herald's own namespace, so it stays the same across
 * replugging, reboots and ModemManager's changing object paths, and does
 * not show the IMEI itself. NULL for an empty identifier. */
char *herald_modem_id_from_equipment (const char *equipment_identifier);

G_END_DECLS
