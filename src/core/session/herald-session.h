/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "inbox/herald-inbox-watcher.h"
#include "modem/herald-modem-manager.h"
#include "providers/herald-provider.h"
#include "store/herald-account-store.h"
#include "store/herald-database.h"
#include "store/herald-local-inbox.h"
#include "store/herald-message-log.h"
#include "send/herald-send-job.h"
#include "session/herald-campaign-runner.h"

G_BEGIN_DECLS

/* What one running Herald works with: the database, the accounts, the
 * active account, a provider for it and, where the dialect has credits, its
 * balance. UI-free: the window binds "active-account-id" to GSettings and
 * shows the rest; pages take what they need from here instead of opening
 * their own clients.
 *
 * Properties (all notify):
 *   account-store       HeraldAccountStore, read-only
 *   active-account-id   string, read-write; an unknown id is kept until the
 *                       accounts are loaded, then falls back to the first
 *                       account (or NULL when there is none)
 *   active-account      HeraldAccount, read-only, nullable
 *   provider            HeraldProvider for the active account, read-only;
 *                       NULL while it is being opened, when there is no
 *                       account, or when opening failed (provider-error)
 *   provider-error      string, read-only, nullable: why there is no
 *                       provider ("The keyring is locked…")
 *   balance             gint64, read-only: credits, -1 when unknown or the
 *                       dialect has none
 *   balance-error       string, read-only, nullable
 *   inbox-watcher       HeraldInboxWatcher, read-only, nullable: the one
 *                       watcher behind the new-message notifications, for
 *                       the provider while it is a HeraldInboxSource; a new
 *                       provider gets a new watcher and the old one stops
 *   watch-inbox         boolean, read-write, FALSE at first: whether the
 *                       watcher checks (the app binds it to the
 *                       "notify-new-messages" setting); kept across watchers
 *   modem-manager       HeraldModemManager, read-only, nullable: the one
 *                       list of local modems of the application, made on
 *                       the first herald_session_ensure_modem_manager ()
 *   modem-manager-error string, read-only, nullable: why there is none (the
 *                       system bus cannot be reached)
 *
 * The session owns the watcher: windows and pages only observe it, so
 * closing one never stops it and a second window never adds a second one.
 *
 * The provider is reopened when the active account changes or is edited
 * (URL, region, key). */

#define HERALD_TYPE_SESSION (herald_session_get_type ())
G_DECLARE_FINAL_TYPE (HeraldSession, herald_session, HERALD, SESSION, GObject)

HeraldSession      *herald_session_new                   (HeraldDatabase       *database);

/* Loads the accounts; then the active account and its provider follow. */
void                herald_session_load_async            (HeraldSession        *self,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean            herald_session_load_finish           (HeraldSession        *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

HeraldDatabase     *herald_session_get_database          (HeraldSession        *self);
HeraldAccountStore *herald_session_get_account_store     (HeraldSession        *self);
const char         *herald_session_get_active_account_id (HeraldSession        *self);
void                herald_session_set_active_account_id (HeraldSession        *self,
                                                          const char           *account_id);
HeraldAccount      *herald_session_get_active_account    (HeraldSession        *self);
HeraldProvider     *herald_session_get_provider          (HeraldSession        *self);
/* The record of sent messages over the same database. */
HeraldMessageLog   *herald_session_get_message_log       (HeraldSession        *self);
const char         *herald_session_get_provider_error    (HeraldSession        *self);
gint64              herald_session_get_balance           (HeraldSession        *self);
const char         *herald_session_get_balance_error     (HeraldSession        *self);

/* Sends @outgoing from the active account through its provider, recorded
 * in the message log, as a HeraldSendJob the session owns: it runs until it
 * ends or herald_send_job_stop (), whatever becomes of the page that
 * started it. Returns the job (transfer none; it is in send-jobs), or NULL
 * with G_IO_ERROR_NOT_INITIALIZED when there is no provider. When it ends,
 * the balance is asked for again. */
HeraldSendJob      *herald_session_start_send            (HeraldSession        *self,
                                                          HeraldOutgoing       *outgoing,
                                                          GError              **error);
/* The session's sends, oldest first: every running one and the last few
 * finished ones (their outcome on the job). */
GListModel         *herald_session_get_send_jobs         (HeraldSession        *self);
/* The campaigns: read them, gather and create them through the runner. A
 * campaign started here runs in the session, whatever becomes of the page
 * that started it (the runner owns its engine). */
HeraldCampaignRunner *herald_session_get_campaign_runner (HeraldSession  *self);
/* Starts or resumes campaign @id, which sends from @account_id: only with
 * the active account's provider (G_IO_ERROR_NOT_INITIALIZED saying to
 * switch otherwise). Returns its engine (transfer none). */
HeraldCampaignEngine *herald_session_start_campaign    (HeraldSession  *self,
                                                        gint64          id,
                                                        const char     *account_id,
                                                        GError        **error);
HeraldInboxWatcher *herald_session_get_inbox_watcher     (HeraldSession        *self);
gboolean            herald_session_get_watch_inbox       (HeraldSession        *self);
void                herald_session_set_watch_inbox       (HeraldSession        *self,
                                                          gboolean              watch_inbox);

/* The local inbox, where every message the inbox watcher finds is kept; a
 * message that is one of "optout-keywords" (NULL: the defaults; the app binds
 * the setting) adds its sender to the opt-outs as it is kept. */
HeraldLocalInbox   *herald_session_get_local_inbox       (HeraldSession        *self);
void                herald_session_set_optout_keywords   (HeraldSession        *self,
                                                          const char * const   *keywords);

/* Starts making the modem manager (on the system bus, asynchronously) unless
 * there is one or one is on its way; after a failure, tries again. The
 * answer arrives as notify::modem-manager or notify::modem-manager-error.
 * Nothing asks ModemManager before the first call, so a person who never
 * looks at modems never wakes it. */
void                herald_session_ensure_modem_manager  (HeraldSession        *self);
HeraldModemManager *herald_session_get_modem_manager     (HeraldSession        *self);
const char         *herald_session_get_modem_manager_error (HeraldSession      *self);

/* Asks the provider for the balance again (no-op without the feature);
 * the answer arrives as notify::balance or notify::balance-error. */
void                herald_session_refresh_balance       (HeraldSession        *self);

G_END_DECLS
