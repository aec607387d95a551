/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-types.h"

G_BEGIN_DECLS

/* Writes what local modems receive into the local inbox (inbox_messages of
 * migration 3), under the modem account it came through. The remote id is
 * a digest of the modem, sender, time and text, so that an SMS stored but
 * not yet deleted from the modem when Herald stopped is not stored twice
 * when it is imported again. */

typedef struct
{
  const char *device_id;      /* the modem's UUID */
  const char *device_name;    /* nullable: "Manufacturer Model" */
  const char *device_phone;   /* nullable: the SIM's own number */
  const char *sender;
  const char *text;
  gint64      received_at;    /* UTC µs */
} HeraldModemInboxMessage;

#define HERALD_TYPE_MODEM_INBOX (herald_modem_inbox_get_type ())

G_DECLARE_FINAL_TYPE (HeraldModemInbox, herald_modem_inbox, HERALD, MODEM_INBOX, GObject)

HeraldModemInbox *herald_modem_inbox_new          (HeraldDatabase                *database,
                                                   const char                    *account_id);
const char       *herald_modem_inbox_get_account_id (HeraldModemInbox            *self);

/* Completes with TRUE once stored, whether now or before (the same
 * message imported again). */
void              herald_modem_inbox_store_async  (HeraldModemInbox              *self,
                                                   const HeraldModemInboxMessage *message,
                                                   GCancellable                  *cancellable,
                                                   GAsyncReadyCallback            callback,
                                                   gpointer                       user_data);
gboolean          herald_modem_inbox_store_finish (HeraldModemInbox              *self,
                                                   GAsyncResult                  *result,
                                                   GError                       **error);

/* How many messages the account's inbox holds from @sender (for tests and
 * the CLI's summary). */
void              herald_modem_inbox_count_async  (HeraldModemInbox              *self,
                                                   const char                    *sender,
                                                   GCancellable                  *cancellable,
                                                   GAsyncReadyCallback            callback,
                                                   gpointer                       user_data);
gint64            herald_modem_inbox_count_finish (HeraldModemInbox              *self,
                                                   GAsyncResult                  *result,
                                                   GError                       **error);

G_END_DECLS
