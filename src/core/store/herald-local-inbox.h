/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-database.h"
#include "herald-local-values.h"

G_BEGIN_DECLS

/* The local inbox (the inbox_messages table of schema step 3): received
 * messages from every account, with the account they came through, kept so
 * that replies can be linked to campaigns and STOP replies found whatever
 * account received them. Whoever fetches messages (the inbox watcher, the
 * device bridge) adds them here; a message already stored (same account and
 * remote id) is skipped, so a page fetched twice stores nothing twice.
 * Plain values in, rows out; every call runs on a worker thread. */

#define HERALD_TYPE_LOCAL_INBOX (herald_local_inbox_get_type ())
G_DECLARE_FINAL_TYPE (HeraldLocalInbox, herald_local_inbox, HERALD, LOCAL_INBOX, GObject)

HeraldLocalInbox *herald_local_inbox_new (HeraldDatabase *database);

/* Stores @messages (HeraldLocalMessage; their id, account_id, sender_e164
 * and stored_at are ignored) for @account_id in one transaction; the
 * sender's number is normalised with @region (nullable) where it parses.
 * Returns the messages that were new, as stored (element-type
 * HeraldLocalMessage); NOT_FOUND when @account_id is no account, INVALID
 * for a message without remote id or sender, and nothing is stored. */
void       herald_local_inbox_add_async   (HeraldLocalInbox     *self,
                                           const char           *account_id,
                                           const char           *region,
                                           GPtrArray            *messages,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray *herald_local_inbox_add_finish  (HeraldLocalInbox     *self,
                                           GAsyncResult         *result,
                                           GError              **error);

/* Newest first (received_at, then row id). @account_id and @sender_e164
 * (nullable) filter; @since (UTC microseconds, 0: no limit) keeps those
 * received at or after it; @limit 0: all.
 * Returns: (element-type HeraldLocalMessage) (transfer full) */
void       herald_local_inbox_list_async  (HeraldLocalInbox     *self,
                                           const char           *account_id,
                                           const char           *sender_e164,
                                           gint64                since,
                                           guint                 limit,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray *herald_local_inbox_list_finish (HeraldLocalInbox     *self,
                                           GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
