/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-logged-message.h"

G_BEGIN_DECLS

/* For herald-message-log.c: builds a row read from the database. Times are
 * UTC microseconds since the epoch, as stored. */
HeraldLoggedMessage *herald_logged_message_new (gint64               row_id,
                                                const char          *account_id,
                                                const char          *message_id,
                                                const char          *recipient,
                                                const char          *text,
                                                HeraldDeliveryState  state,
                                                const char          *error,
                                                guint                parts,
                                                gint64               sent_at_usec,
                                                gint64               updated_at_usec);

/* GLib 2.74 has no g_date_time_to_unix_usec (): both ways here. */
gint64               herald_logged_message_time_to_usec (GDateTime *time);
GDateTime           *herald_logged_message_time_from_usec (gint64  usec);

G_END_DECLS
