/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

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

/* One row to record: what became of one recipient of one send. */
typedef struct
{
  const char          *recipient;    /* E.164, or as typed when it could not be read */
  const char          *message_id;   /* the provider's id; NULL or "" for none */
  HeraldDeliveryState  state;
  const char          *error;        /* nullable sentence */
} HeraldMessageLogEntry;

/* Records @n_entries rows of one send of @text for @account_id in one
 * transaction (the parts are counted from @text; 0 when it cannot be
 * analysed). Nothing is written for no entry. Fails with
 * HERALD_STORE_ERROR_NOT_FOUND when @account_id is no account. Turning a
 * provider's report into entries is send/'s job (herald-logged-send.h). */
void              herald_message_log_record_async   (HeraldMessageLog            *self,
                                                     const char                  *account_id,
                                                     const char                  *text,
                                                     const HeraldMessageLogEntry *entries,
                                                     guint                        n_entries,
                                                     GCancellable                *cancellable,
                                                     GAsyncReadyCallback          callback,
                                                     gpointer                     user_data);
gboolean          herald_message_log_record_finish  (HeraldMessageLog  *self,
                                                     GAsyncResult      *result,
                                                     GError           **error);

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

/* The rows of @account_id a delivery refresh may move on (queued, sent,
 * unknown with a message id), newest first, at most @max_rows (0: all).
 * Finished with herald_message_log_list_finish (). */
void              herald_message_log_list_open_async (HeraldMessageLog   *self,
                                                      const char         *account_id,
                                                      guint               max_rows,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);

/* A row's new state; @old_state is the one read, so that a row another
 * Herald process moved on meanwhile is left alone. */
typedef struct
{
  gint64               row_id;
  HeraldDeliveryState  old_state;
  HeraldDeliveryState  new_state;
} HeraldMessageLogStateChange;

/* Stores the changes (error cleared, updated-at now) in one transaction;
 * entries whose states are equal are skipped. Returns how many rows
 * changed. */
void              herald_message_log_update_states_async  (HeraldMessageLog                  *self,
                                                           const HeraldMessageLogStateChange *changes,
                                                           guint                              n_changes,
                                                           GCancellable                      *cancellable,
                                                           GAsyncReadyCallback                callback,
                                                           gpointer                           user_data);
guint             herald_message_log_update_states_finish (HeraldMessageLog  *self,
                                                           GAsyncResult      *result,
                                                           GError           **error);

G_END_DECLS
