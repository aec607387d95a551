/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-boxed-item.h"
#include "herald-paged-list.h"
#include "providers/herald-credit-account.h"
#include "providers/herald-history-source.h"
#include "providers/herald-inbox-source.h"
#include "store/herald-message-log.h"

G_BEGIN_DECLS

/* HeraldPagedLists over the lists Herald pages through. The filters are
 * copied: change a filter by making a new list. */

/* The received messages of any HeraldInboxSource, newest first:
 * HeraldReceivedMessage. @per_page 0: the source's own page size. A
 * message already listed (new ones shift the pages) is not listed twice. */
HeraldPagedList *herald_paged_list_new_for_received     (HeraldInboxSource                     *source,
                                                         const HeraldReceivedFilter            *filter,
                                                         guint                                  per_page);

/* The provider's own history of sent messages: HeraldBoxedItem of
 * HERALD_TYPE_SENT_MESSAGE; @limit 0: the provider's default. */
HeraldPagedList *herald_paged_list_new_for_history      (HeraldHistorySource                   *history,
                                                         const HeraldHistoryFilter             *filter,
                                                         guint                                  limit);

/* The provider's credit transactions: HeraldBoxedItem of HERALD_TYPE_TRANSACTION. */
HeraldPagedList *herald_paged_list_new_for_transactions (HeraldCreditAccount                   *account,
                                                         const HeraldTransactionFilter         *filter,
                                                         guint                                  limit);

/* The local record of @account_id's sent messages: HeraldLoggedMessage;
 * @limit rows a page (0: 50). */
HeraldPagedList *herald_paged_list_new_for_message_log  (HeraldMessageLog                      *log,
                                                         const char                            *account_id,
                                                         const HeraldMessageLogFilter          *filter,
                                                         guint                                  limit);

G_END_DECLS
