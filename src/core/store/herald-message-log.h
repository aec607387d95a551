/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "providers/herald-provider.h"
#include "herald-database.h"
#include "herald-logged-message.h"

G_BEGIN_DECLS

/* The local record of every message sent from Herald, one row per recipient,
 * for both dialects (FlixySMS keeps no history of its own, so History and
 * `heraldctl history` read this for it). Rows are written right after the
 * provider answers (queued, fate unknown, not sent — invalid inputs are not
 * recorded) and their state moves on with status refreshes. */

/* ---- HeraldMessageLog ----------------------------------------------------- */

/* Filters of list; every member may be left empty (UNKNOWN / NULL). */
typedef struct
{
  HeraldDeliveryState  state;
  GDateTime           *since;      /* inclusive */
  GDateTime           *until;      /* inclusive */
  const char          *recipient;  /* E.164 */
} HeraldMessageLogFilter;

#define HERALD_TYPE_MESSAGE_LOG (herald_message_log_get_type ())
G_DECLARE_FINAL_TYPE (HeraldMessageLog, herald_message_log, HERALD, MESSAGE_LOG, GObject)

HeraldMessageLog *herald_message_log_new            (HeraldDatabase          *database);

/* Sends @outgoing through @provider and records the outcome for
 * @account_id before returning the report (the rows exist even if the
 * caller then crashes). A send that fails as a whole is not recorded, except
 * FATE_UNKNOWN, which is recorded per recipient as state UNKNOWN with the
 * error so that nobody sends it again blindly; the error is then returned.
 * Recording is not cancelled once the provider has answered (the messages
 * went out), and a failure to record does not hide the report: it is
 * logged with g_warning () and the report returned, since an error here
 * would invite sending again. Row states: QUEUED → queued, FATE_UNKNOWN →
 * unknown (error: the reason), NOT_SENT → failed (error: the reason);
 * INVALID and DUPLICATE entries are not rows. */
void              herald_message_log_send_async     (HeraldMessageLog        *self,
                                                     HeraldProvider          *provider,
                                                     const char              *account_id,
                                                     HeraldOutgoing          *outgoing,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data);
HeraldSendReport *herald_message_log_send_finish    (HeraldMessageLog        *self,
                                                     GAsyncResult            *result,
                                                     GError                 **error);

/* Records a report already obtained (for callers that send themselves), in
 * one transaction. Fails with HERALD_STORE_ERROR_NOT_FOUND when @account_id
 * is no account. */
void              herald_message_log_record_async   (HeraldMessageLog        *self,
                                                     const char              *account_id,
                                                     HeraldOutgoing          *outgoing,
                                                     HeraldSendReport        *report,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data);
gboolean          herald_message_log_record_finish  (HeraldMessageLog        *self,
                                                     GAsyncResult            *result,
                                                     GError                 **error);

/* Newest first (sent_at, then row id, descending); @offset/@limit page
 * through (limit 0: all). @account_id NULL lists every account, @filter
 * NULL filters nothing. Returns a GListStore of HeraldLoggedMessage. */
void              herald_message_log_list_async     (HeraldMessageLog        *self,
                                                     const char              *account_id,
                                                     const HeraldMessageLogFilter *filter,
                                                     guint                    offset,
                                                     guint                    limit,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data);
GListModel       *herald_message_log_list_finish    (HeraldMessageLog        *self,
                                                     GAsyncResult            *result,
                                                     GError                 **error);

/* Asks @provider for the state of each of @account_id's rows that are not
 * final yet (queued, sent, unknown with a message id), at most @max_rows
 * (0: all; newest first), and stores the answers. The provider is asked
 * one row at a time (rate limits). Returns how many rows changed. A row
 * the provider does not know (NOT_FOUND), or whose answer is UNKNOWN, keeps
 * its state; any other error stops the refresh and is returned — the
 * answers obtained before it are stored all the same. */
void              herald_message_log_refresh_async  (HeraldMessageLog        *self,
                                                     HeraldProvider          *provider,
                                                     const char              *account_id,
                                                     guint                    max_rows,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data);
guint             herald_message_log_refresh_finish (HeraldMessageLog        *self,
                                                     GAsyncResult            *result,
                                                     GError                 **error);

G_END_DECLS
