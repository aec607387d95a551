/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/herald-account.h"
#include "store/herald-local-inbox.h"

G_BEGIN_DECLS

/* Keeps what a provider's inbox returned (a GListModel of
 * HeraldReceivedMessage) in the local inbox under @account, whoever fetched
 * it: the session's watcher or `heraldctl inbox`. Messages already kept are
 * skipped, and a received opt-out keyword adds its sender to the opt-outs
 * as it is kept (herald_local_inbox_set_optout_keywords()). The answer is
 * herald_local_inbox_add_finish()'s. */
void herald_inbox_keep_async (HeraldLocalInbox    *inbox,
                              HeraldAccount       *account,
                              GListModel          *received,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);

G_END_DECLS
