/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "providers/herald-inbox-source.h"

G_BEGIN_DECLS

/* Looks for newly received messages of a HeraldInboxSource while "enabled"
 * is TRUE, for the new-message notifications. HeraldSession owns the one
 * watcher of the active account; windows and pages only observe it. It asks at most once an interval (one
 * minute; a shorter one only for tests) and only while enabled: when
 * disabled no timer exists at all, so the app never wakes up for it.
 *
 * The first check after enabling only learns what is there; later checks
 * emit "new-messages" (GListModel of HeraldReceivedMessage, oldest
 * first) with the messages not seen before, each once. A failed check is
 * logged and tried again at the next interval ("error" keeps it). */

#define HERALD_INBOX_WATCHER_INTERVAL_MS (60 * 1000)
/* Pages read per check at most when many messages arrived at once. */
#define HERALD_INBOX_WATCHER_MAX_PAGES   4

#define HERALD_TYPE_INBOX_WATCHER (herald_inbox_watcher_get_type ())
G_DECLARE_FINAL_TYPE (HeraldInboxWatcher, herald_inbox_watcher, HERALD, INBOX_WATCHER, GObject)

HeraldInboxWatcher *herald_inbox_watcher_new          (HeraldInboxSource    *source);
HeraldInboxSource  *herald_inbox_watcher_get_source   (HeraldInboxWatcher   *self);

gboolean            herald_inbox_watcher_get_enabled  (HeraldInboxWatcher   *self);
void                herald_inbox_watcher_set_enabled  (HeraldInboxWatcher   *self,
                                                       gboolean              enabled);
/* For tests; Herald uses HERALD_INBOX_WATCHER_INTERVAL_MS. Takes effect at
 * the next scheduling. */
void                herald_inbox_watcher_set_interval (HeraldInboxWatcher   *self,
                                                       guint                 interval_ms);
/* Whether a timer is attached to the main context right now. */
gboolean            herald_inbox_watcher_is_scheduled (HeraldInboxWatcher   *self);
/* Checks now (when enabled and no check is running); the next timed check
 * is one interval later. */
void                herald_inbox_watcher_check_now    (HeraldInboxWatcher   *self);
/* Checks completed since creation (successful or not), for tests. */
guint               herald_inbox_watcher_get_n_checks (HeraldInboxWatcher   *self);
const GError       *herald_inbox_watcher_get_error    (HeraldInboxWatcher   *self);

G_END_DECLS
