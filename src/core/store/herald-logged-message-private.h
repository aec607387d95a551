/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-database-private.h"
#include "herald-logged-message.h"

G_BEGIN_DECLS

/* For herald-message-log.c: the row reader of the sent_messages table
 * (herald-database-private.h). Its statements select
 * HERALD_LOGGED_MESSAGE_COLUMNS, in this order. Times are stored as UTC
 * microseconds since the epoch. */
#define HERALD_LOGGED_MESSAGE_COLUMNS \
  "id, account_id, message_id, recipient, text, state, error, parts, sent_at, updated_at"

gpointer             herald_logged_message_new_from_row (sqlite3_stmt *stmt);

/* GLib 2.74 has no g_date_time_to_unix_usec (): both ways here. */
gint64               herald_logged_message_time_to_usec (GDateTime *time);
GDateTime           *herald_logged_message_time_from_usec (gint64  usec);

G_END_DECLS
