/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include "herald-store-job-private.h"

typedef struct
{
  gpointer            job;
  GDestroyNotify      job_free;
  HeraldStoreJobAfter after;
} JobData;

static void
job_data_free (gpointer data)
{
  JobData *self = data;

  if (self->job_free != NULL)
    self->job_free (self->job);
  g_free (self);
}

static void
job_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JobData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->after != NULL)
    data->after (g_task_get_source_object (task), data->job);
  g_task_return_boolean (task, TRUE);
}

void
herald_store_job_run (HeraldDatabase      *database,
                      gpointer             source_object,
                      gpointer             source_tag,
                      HeraldDatabaseFunc   func,
                      gpointer             job,
                      GDestroyNotify       job_free,
                      HeraldStoreJobAfter  after,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  JobData *data = g_new0 (JobData, 1);

  data->job = job;
  data->job_free = job_free;
  data->after = after;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, job_data_free);

  herald_database_run_async (database, func, job, cancellable, job_done, g_steal_pointer (&task));
}

gpointer
herald_store_job_finish (gpointer       source_object,
                         GAsyncResult  *result,
                         gconstpointer  source_tag,
                         GError       **error)
{
  JobData *data;

  g_return_val_if_fail (g_task_is_valid (result, source_object), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  data = g_task_get_task_data (G_TASK (result));
  return data->job;
}

gint64
herald_store_now (void)
{
  return g_get_real_time ();
}

gboolean
herald_store_is_e164 (const char *phone)
{
  gsize n_digits = 0;

  if (phone == NULL || phone[0] != '+' || phone[1] < '1' || phone[1] > '9')
    return FALSE;

  for (const char *p = phone + 1; *p != '\0'; p++, n_digits++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return n_digits >= 7 && n_digits <= 15;
}

char *
herald_store_fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normalized != NULL ? normalized : "", -1);
}
