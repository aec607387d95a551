/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* Inbox: the FlixySMS account's received messages, newest first, with
 * filters, more pages as the person scrolls, refreshed on demand and when
 * the window becomes active again. It also runs the new-message
 * notifications while the "notify-new-messages" setting is on. */

#define HERALD_TYPE_INBOX_PAGE (herald_inbox_page_get_type ())
G_DECLARE_FINAL_TYPE (HeraldInboxPage, herald_inbox_page, HERALD, INBOX_PAGE, AdwBin)

GtkWidget       *herald_inbox_page_new         (void);
HeraldSession   *herald_inbox_page_get_session (HeraldInboxPage *self);
void             herald_inbox_page_set_session (HeraldInboxPage *self,
                                                HeraldSession   *session);
/* The list shown (NULL without a FlixySMS account), for tests. */
HeraldPagedList *herald_inbox_page_get_list    (HeraldInboxPage *self);
/* The notification watcher (NULL without a FlixySMS account), for tests. */
HeraldInboxWatcher *herald_inbox_page_get_watcher (HeraldInboxPage *self);

G_END_DECLS
