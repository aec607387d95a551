/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* Between HeraldModem's files and HeraldModemManager: the libmm-glib side. */

#include <libmm-glib.h>

#include "herald-modem.h"

G_BEGIN_DECLS

enum {
  HERALD_MODEM_SIGNAL_SMS_RECEIVED,
  HERALD_MODEM_SIGNAL_STATUS_REPORT,
  HERALD_MODEM_SIGNAL_REMOVED,
  HERALD_MODEM_N_SIGNALS
};

extern guint herald_modem_signals[HERALD_MODEM_N_SIGNALS];

HeraldModem      *herald_modem_new               (MMObject    *object);
MMObject         *herald_modem_get_mm_object     (HeraldModem *self);
GDBusConnection  *herald_modem_get_connection    (HeraldModem *self);
/* The manager says the modem is gone: notifies, emits removed. */
void              herald_modem_mark_removed      (HeraldModem *self);
/* The Messaging interface, or NULL (with @error) when the modem is gone or
 * has none (yet: it appears once the modem is enabled). */
MMModemMessaging *herald_modem_get_messaging     (HeraldModem *self,
                                                  GError     **error);

/* herald-modem-messaging.c: watches Added on the current Messaging interface. */
void              herald_modem_messaging_attach  (HeraldModem *self);
void              herald_modem_messaging_detach  (HeraldModem *self);

G_END_DECLS
