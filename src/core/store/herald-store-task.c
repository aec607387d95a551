/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include "herald-store-task-private.h"

static void
task_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
herald_store_task_run (HeraldDatabase     *database,
                       GTask              *task,
                       HeraldDatabaseFunc  func,
                       gpointer            job,
                       GDestroyNotify      job_free)
{
  g_task_set_task_data (task, job, job_free);
  herald_database_run_async (database, func, job, g_task_get_cancellable (task), task_done, task);
}
