/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-boxed-item.h"
#include "herald-paged-list.h"
#include "providers/flashsms/herald-flashsms-client.h"
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

/* FlashSMS GET /sms: HeraldBoxedItem of HERALD_TYPE_FLASHSMS_MESSAGE;
 * @limit 0: the server's 20. */
HeraldPagedList *herald_paged_list_new_for_history      (HeraldFlashsmsClient                  *client,
                                                         const HeraldFlashsmsHistoryFilter     *filter,
                                                         guint                                  limit);

/* FlashSMS GET /transactions: HeraldBoxedItem of HERALD_TYPE_FLASHSMS_TRANSACTION. */
HeraldPagedList *herald_paged_list_new_for_transactions (HeraldFlashsmsClient                  *client,
                                                         const HeraldFlashsmsTransactionFilter *filter,
                                                         guint                                  limit);

/* The local record of @account_id's sent messages: HeraldLoggedMessage;
 * @limit rows a page (0: 50). */
HeraldPagedList *herald_paged_list_new_for_message_log  (HeraldMessageLog                      *log,
                                                         const char                            *account_id,
                                                         const HeraldMessageLogFilter          *filter,
                                                         guint                                  limit);

G_END_DECLS
