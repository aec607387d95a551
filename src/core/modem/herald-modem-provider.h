/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "providers/herald-provider.h"

G_BEGIN_DECLS

/* The "modem" dialect: a HeraldProvider over the outbox of local modems.
 * Sending checks that ModemManager has a usable modem (else NO_DEVICE,
 * nothing queued), queues each valid number in the outbox and drives a
 * dispatcher of its own until each message has left on a modem (reported
 * as queued, i.e. accepted, with its outbox id), failed (not sent, with the
 * modem's reason) or was lost in doubt (fate unknown); a message still
 * waiting after a minute without progress stays in the outbox, reported as
 * queued. Its dispatcher settles no earlier run's messages (that is the
 * bridge's or the app's work). Message ids are the outbox's. */

#define HERALD_TYPE_MODEM_PROVIDER (herald_modem_provider_get_type ())

G_DECLARE_FINAL_TYPE (HeraldModemProvider, herald_modem_provider, HERALD, MODEM_PROVIDER, GObject)

/* @database: a HeraldDatabase, or NULL to open @database_path on first use.
 * @region: the account's default region for national numbers (nullable). */
HeraldModemProvider *herald_modem_provider_new (HeraldDatabase *database,
                                                const char     *database_path,
                                                const char     *account_id,
                                                const char     *region);

G_END_DECLS
