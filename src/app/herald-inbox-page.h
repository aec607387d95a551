/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-list-page.h"

G_BEGIN_DECLS

/* Inbox: the received messages of the active account (when its provider
 * is a HeraldInboxSource), newest first, with filters, more pages as the
 * person scrolls, refreshed on demand, when the window becomes active again
 * and when the session's inbox watcher announces new messages. The watcher
 * and the notifications belong to the session and the application: the
 * page only observes them. */

#define HERALD_TYPE_INBOX_PAGE (herald_inbox_page_get_type ())
G_DECLARE_FINAL_TYPE (HeraldInboxPage, herald_inbox_page, HERALD, INBOX_PAGE, HeraldListPage)

GtkWidget       *herald_inbox_page_new         (void);
void             herald_inbox_page_set_session (HeraldInboxPage *self,
                                                HeraldSession   *session);
/* The list shown (NULL unless the account receives messages), for tests. */
HeraldPagedList *herald_inbox_page_get_list    (HeraldInboxPage *self);
/* The session's inbox watcher the page follows (NULL unless the account
 * receives messages), for tests. */
HeraldInboxWatcher *herald_inbox_page_get_watcher (HeraldInboxPage *self);

G_END_DECLS
