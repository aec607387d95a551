/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-provider"

#include "config.h"

#include "herald-client-adapter-private.h"

GTask *
herald_client_adapter_task (gpointer                   provider,
                            const HeraldClientAdapter *adapter,
                            GCancellable              *cancellable,
                            GAsyncReadyCallback        callback,
                            gpointer                   user_data)
{
  return herald_client_adapter_answer (g_task_new (provider, cancellable, callback, user_data), adapter);
}

GTask *
herald_client_adapter_answer (GTask                     *task,
                              const HeraldClientAdapter *adapter)
{
  g_task_set_source_tag (task, (gpointer) adapter);
  g_task_set_task_data (task, (gpointer) adapter, NULL);
  return task;
}

static void
answer_boolean (GTask                     *task,
                const HeraldClientAdapter *adapter)
{
  if (adapter->convert != NULL)
    g_task_return_pointer (task, adapter->convert (NULL), adapter->result_free);
  else
    g_task_return_boolean (task, TRUE);
}

void
herald_client_adapter_done (GObject      *client,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const HeraldClientAdapter *adapter = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer value;

  if (adapter->finish_boolean != NULL)
    {
      if (adapter->finish_boolean (client, result, &error))
        answer_boolean (task, adapter);
      else
        g_task_return_error (task, error);
      return;
    }

  value = adapter->finish (client, result, &error);
  if (value == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (adapter->convert_int != NULL)
    g_task_return_int (task, adapter->convert_int (value));
  else
    g_task_return_pointer (task, adapter->convert (value), adapter->result_free);
  adapter->value_free (value);
}
