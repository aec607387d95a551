/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "providers/herald-provider.h"
#include "store/herald-message-log.h"

G_BEGIN_DECLS

/* Send-and-record: a provider's send whose outcome is written to the
 * message log (store/) before the report is returned, so that the rows
 * exist even if the caller then crashes. The log only stores; this is
 * where a HeraldOutgoing and a HeraldSendReport become its rows.
 *
 * herald_logged_send_async(): sends @outgoing through @provider and records
 * the outcome for @account_id. A send that fails as a whole is not
 * recorded, except FATE_UNKNOWN, which is recorded per recipient as state
 * UNKNOWN with the error so that nobody sends it again blindly; the error
 * is then returned. Recording is not cancelled once the provider has
 * answered (the messages went out), and a failure to record does not hide
 * the report: it is logged with g_warning () and the report returned,
 * since an error here would invite sending again. Row states: QUEUED →
 * queued, FATE_UNKNOWN → unknown (error: the reason), NOT_SENT → failed
 * (error: the reason); INVALID and DUPLICATE entries are not rows.
 *
 * The tasks' source object is @log: finish with the same @log. */
void              herald_logged_send_async         (HeraldMessageLog    *log,
                                                    HeraldProvider      *provider,
                                                    const char          *account_id,
                                                    HeraldOutgoing      *outgoing,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
HeraldSendReport *herald_logged_send_finish        (HeraldMessageLog    *log,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* Records a report already obtained (for callers that send themselves), in
 * one transaction, with the row states above. Fails with
 * HERALD_STORE_ERROR_NOT_FOUND when @account_id is no account. */
void              herald_logged_send_record_async  (HeraldMessageLog    *log,
                                                    const char          *account_id,
                                                    HeraldOutgoing      *outgoing,
                                                    HeraldSendReport    *report,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean          herald_logged_send_record_finish (HeraldMessageLog    *log,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
