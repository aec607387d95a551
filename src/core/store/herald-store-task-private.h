/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-database.h"

G_BEGIN_DECLS

/* Runs @func on @job on the database's worker thread and completes @task
 * (transfer full) with TRUE, or with the error; @job is the task's data,
 * freed with @job_free, where the answer waits for the _finish function. */
void herald_store_task_run (HeraldDatabase     *database,
                            GTask              *task,
                            HeraldDatabaseFunc  func,
                            gpointer            job,
                            GDestroyNotify      job_free);

G_END_DECLS
