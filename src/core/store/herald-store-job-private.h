/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-database.h"

G_BEGIN_DECLS

/* The async pattern of the address-book stores, written once: a job struct
 * holds plain copies of the input and receives the answer; @func fills it on
 * a worker thread with the connection locked; the task owns the job, and the
 * _finish function of the store reads the answer out of it. */

/* Called in the caller's main context after @func succeeded, before the
 * callback: for the store's own bookkeeping (a "changed" signal). */
typedef void (*HeraldStoreJobAfter) (gpointer source_object,
                                     gpointer job);

void     herald_store_job_run    (HeraldDatabase      *database,
                                  gpointer             source_object,
                                  gpointer             source_tag,
                                  HeraldDatabaseFunc   func,
                                  gpointer             job,
                                  GDestroyNotify       job_free,
                                  HeraldStoreJobAfter  after,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
/* The job of a run that succeeded (owned by @result), or NULL with @error. */
gpointer herald_store_job_finish (gpointer             source_object,
                                  GAsyncResult        *result,
                                  gconstpointer        source_tag,
                                  GError             **error);

/* Now, UTC microseconds since the epoch, as the tables keep times. */
gint64   herald_store_now        (void);
/* "+" and 7 to 15 digits, the first not 0: what the tables accept as a phone. */
gboolean herald_store_is_e164    (const char          *phone);
/* The case-folded form of a name for name_key and sort_key columns. */
char    *herald_store_fold       (const char          *text);

G_END_DECLS
