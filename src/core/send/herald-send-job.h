/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "providers/herald-provider.h"
#include "store/herald-message-log.h"

G_BEGIN_DECLS

/* One HeraldOutgoing sent in chunks of recipients, one provider request
 * (through the message log, when there is one, so that every chunk is
 * recorded) after another, so that a large send shows progress and can be
 * stopped. The chunk reports are merged into one HeraldSendReport, one
 * entry per recipient in the order given.
 *
 * Stopping: cancelling the GCancellable given to run_async() stops the job
 * between chunks. The chunk in flight is not abandoned — its request is
 * not cancelled and its outcome is in the report — and the recipients not
 * reached are NOT_SENT, with the report's error G_IO_ERROR_CANCELLED.
 *
 * A chunk that fails as a whole: its recipients become NOT_SENT with the
 * error's message (FATE_UNKNOWN when the provider says the fate is
 * unknown). INVALID_INPUT (nothing usable in that chunk) moves on to the
 * next chunk; any other error (key rejected, 402, 429…) stops the job, the
 * rest is NOT_SENT and the report carries the error. run_finish() fails
 * with the error only when no recipient was accepted or may have been.
 *
 * The same number given twice (as the same string) is sent once: later
 * copies are DUPLICATE. Hand in normalised numbers (HeraldRecipientList)
 * so that differently written copies are caught too.
 *
 * Properties (notify on the main context of run_async()):
 *   total       guint, distinct recipients to send
 *   sent        guint, recipients whose chunk has been answered
 *   fraction    double, sent / total (0 with no recipient)
 *   running     boolean
 *   chunk-size  guint, recipients per request (default 100), construct
 *   finished    boolean, TRUE once run_async() has its outcome (kept:
 *               get_report() or get_error(), for observers that come
 *               after the callback, such as a page opened later) */

#define HERALD_SEND_JOB_DEFAULT_CHUNK_SIZE 100

#define HERALD_TYPE_SEND_JOB (herald_send_job_get_type ())
G_DECLARE_FINAL_TYPE (HeraldSendJob, herald_send_job, HERALD, SEND_JOB, GObject)

/* @log may be NULL: the chunks are then sent without a record (tests,
 * dry runs); @account_id is what the log records them under. */
HeraldSendJob    *herald_send_job_new            (HeraldProvider      *provider,
                                                  HeraldMessageLog    *log,
                                                  const char          *account_id,
                                                  HeraldOutgoing      *outgoing,
                                                  guint                chunk_size);

guint             herald_send_job_get_total      (HeraldSendJob       *self);
guint             herald_send_job_get_sent       (HeraldSendJob       *self);
double            herald_send_job_get_fraction   (HeraldSendJob       *self);
gboolean          herald_send_job_get_running    (HeraldSendJob       *self);
guint             herald_send_job_get_chunk_size (HeraldSendJob       *self);

/* Once per job. */
void              herald_send_job_run_async      (HeraldSendJob       *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
HeraldSendReport *herald_send_job_run_finish     (HeraldSendJob       *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* Stops the job between chunks, as cancelling run_async()'s GCancellable
 * does; for owners that did not keep it (HeraldSession). */
void              herald_send_job_stop           (HeraldSendJob       *self);

gboolean          herald_send_job_get_finished   (HeraldSendJob       *self);
/* Once finished: the report run_finish() returned (NULL if it failed), or
 * the error it failed with (NULL if it returned a report). */
HeraldSendReport *herald_send_job_get_report     (HeraldSendJob       *self);
const GError     *herald_send_job_get_error      (HeraldSendJob       *self);
HeraldOutgoing   *herald_send_job_get_outgoing   (HeraldSendJob       *self);
const char       *herald_send_job_get_account_id (HeraldSendJob       *self);

G_END_DECLS
