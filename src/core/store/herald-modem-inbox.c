/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-database-private.h"
#include "herald-modem-inbox.h"
#include "herald-store-task-private.h"
#include "text/herald-phone-number.h"

struct _HeraldModemInbox
{
  GObject         parent_instance;

  HeraldDatabase *database;
  char           *account_id;
};

G_DEFINE_FINAL_TYPE (HeraldModemInbox, herald_modem_inbox, G_TYPE_OBJECT)

typedef struct
{
  char   *account_id;
  char   *remote_id;
  char   *device_id;
  char   *device_name;
  char   *device_phone;
  char   *sender;
  char   *sender_e164;
  char   *text;
  gint64  received_at;
  gint64  count;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->account_id);
  g_free (job->remote_id);
  g_free (job->device_id);
  g_free (job->device_name);
  g_free (job->device_phone);
  g_free (job->sender);
  g_free (job->sender_e164);
  g_free (job->text);
  g_free (job);
}

static gboolean
store_func (HeraldDatabase  *database,
            gpointer         user_data,
            GCancellable    *cancellable,
            GError         **error)
{
  Job *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* The same SMS imported again is the same row. */
  stmt = herald_database_prepare (database,
                                  "INSERT INTO inbox_messages (account_id, remote_id, sender, sender_e164, text, "
                                  "received_at, device_id, device_name, device_phone, message_type, stored_at) "
                                  "VALUES (:account, :remote, :sender, :e164, :text, :received, :device, :name, "
                                  ":phone, 'sms', :now) ON CONFLICT (account_id, remote_id) DO NOTHING", error);

  return stmt != NULL &&
         herald_database_bind_text (stmt, ":account", job->account_id, error) &&
         herald_database_bind_text (stmt, ":remote", job->remote_id, error) &&
         herald_database_bind_text (stmt, ":sender", job->sender, error) &&
         herald_database_bind_text (stmt, ":e164", job->sender_e164, error) &&
         herald_database_bind_text (stmt, ":text", job->text, error) &&
         herald_database_bind_int64 (stmt, ":received", job->received_at, error) &&
         herald_database_bind_text (stmt, ":device", job->device_id, error) &&
         herald_database_bind_text (stmt, ":name", job->device_name, error) &&
         herald_database_bind_text (stmt, ":phone", job->device_phone, error) &&
         herald_database_bind_int64 (stmt, ":now", g_get_real_time (), error) &&
         herald_database_step (database, stmt, error) == SQLITE_DONE;
}

static gboolean
count_func (HeraldDatabase  *database,
            gpointer         user_data,
            GCancellable    *cancellable,
            GError         **error)
{
  Job *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = herald_database_prepare (database,
                                  "SELECT COUNT(*) FROM inbox_messages WHERE account_id = :account "
                                  "AND sender = :sender", error);
  if (stmt == NULL ||
      !herald_database_bind_text (stmt, ":account", job->account_id, error) ||
      !herald_database_bind_text (stmt, ":sender", job->sender, error) ||
      herald_database_step (database, stmt, error) != SQLITE_ROW)
    return FALSE;
  job->count = herald_database_column_int64 (stmt, 0);

  return TRUE;
}

static void
run_job (HeraldModemInbox    *self,
         HeraldDatabaseFunc   func,
         Job                 *job,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  job->account_id = g_strdup (self->account_id);
  herald_store_task_run (self->database, g_task_new (self, cancellable, callback, user_data), func, job, job_free);
}

/* A short code or a name ("Vodafone") has none: NULL. Modems give
 * international numbers, so no default region is needed. */
static char *
sender_e164 (const char *sender)
{
  g_autoptr(HeraldPhoneNumber) number = herald_phone_number_parse (sender, NULL, HERALD_PHONE_NUMBER_FLAGS_NONE, NULL);

  return number != NULL ? g_strdup (herald_phone_number_get_e164 (number)) : NULL;
}

static char *
remote_id_for (const HeraldModemInboxMessage *message)
{
  g_autofree char *source = g_strdup_printf ("%s\n%s\n%" G_GINT64_FORMAT "\n%s", message->device_id,
                                             message->sender, message->received_at, message->text);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, source, -1);
}

void
herald_modem_inbox_store_async (HeraldModemInbox              *self,
                                const HeraldModemInboxMessage *message,
                                GCancellable                  *cancellable,
                                GAsyncReadyCallback            callback,
                                gpointer                       user_data)
{
  Job *job;

  g_return_if_fail (HERALD_IS_MODEM_INBOX (self));
  g_return_if_fail (message != NULL && message->sender != NULL && message->text != NULL);

  job = g_new0 (Job, 1);
  job->remote_id = remote_id_for (message);
  job->device_id = g_strdup (message->device_id);
  job->device_name = g_strdup (message->device_name);
  job->device_phone = g_strdup (message->device_phone);
  job->sender = g_strdup (message->sender);
  job->sender_e164 = sender_e164 (message->sender);
  job->text = g_strdup (message->text);
  job->received_at = message->received_at;
  run_job (self, store_func, job, cancellable, callback, user_data);
}

gboolean
herald_modem_inbox_store_finish (HeraldModemInbox  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
herald_modem_inbox_count_async (HeraldModemInbox    *self,
                                const char          *sender,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Job *job;

  g_return_if_fail (HERALD_IS_MODEM_INBOX (self));

  job = g_new0 (Job, 1);
  job->sender = g_strdup (sender);
  run_job (self, count_func, job, cancellable, callback, user_data);
}

gint64
herald_modem_inbox_count_finish (HeraldModemInbox  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return -1;
  job = g_task_get_task_data (G_TASK (result));

  return job->count;
}

static void
herald_modem_inbox_finalize (GObject *object)
{
  HeraldModemInbox *self = HERALD_MODEM_INBOX (object);

  g_clear_object (&self->database);
  g_free (self->account_id);

  G_OBJECT_CLASS (herald_modem_inbox_parent_class)->finalize (object);
}

static void
herald_modem_inbox_class_init (HeraldModemInboxClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = herald_modem_inbox_finalize;
}

static void
herald_modem_inbox_init (HeraldModemInbox *self)
{
}

HeraldModemInbox *
herald_modem_inbox_new (HeraldDatabase *database,
                        const char     *account_id)
{
  HeraldModemInbox *self;

  g_return_val_if_fail (HERALD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  self = g_object_new (HERALD_TYPE_MODEM_INBOX, NULL);
  self->database = g_object_ref (database);
  self->account_id = g_strdup (account_id);

  return self;
}

const char *
herald_modem_inbox_get_account_id (HeraldModemInbox *self)
{
  g_return_val_if_fail (HERALD_IS_MODEM_INBOX (self), NULL);

  return self->account_id;
}
