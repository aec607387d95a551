/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "herald-database-private.h"
#include "herald-outbox.h"

struct _HeraldOutbox
{
  GObject         parent_instance;

  HeraldDatabase *database;
};

G_DEFINE_FINAL_TYPE (HeraldOutbox, herald_outbox, G_TYPE_OBJECT)

static const char *const state_names[] = {
  [HERALD_OUTBOX_QUEUED] = "queued",
  [HERALD_OUTBOX_SENDING] = "sending",
  [HERALD_OUTBOX_SENT] = "sent",
  [HERALD_OUTBOX_DELIVERED] = "delivered",
  [HERALD_OUTBOX_FAILED] = "failed",
  [HERALD_OUTBOX_CANCELLED] = "cancelled",
  [HERALD_OUTBOX_UNKNOWN] = "unknown",
};

const char *
herald_outbox_state_to_string (HeraldOutboxState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_names), NULL);

  return state_names[state];
}

gboolean
herald_outbox_state_from_string (const char        *string,
                                 HeraldOutboxState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    {
      if (g_strcmp0 (string, state_names[i]) == 0)
        {
          *state = (HeraldOutboxState) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* ---- HeraldOutboxEntry -------------------------------------------------- */

HeraldOutboxEntry *
herald_outbox_entry_copy (const HeraldOutboxEntry *entry)
{
  HeraldOutboxEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_memdup2 (entry, sizeof *entry);
  copy->message_id = g_strdup (entry->message_id);
  copy->client_id = g_strdup (entry->client_id);
  copy->origin = g_strdup (entry->origin);
  copy->recipient = g_strdup (entry->recipient);
  copy->text = g_strdup (entry->text);
  copy->device_id = g_strdup (entry->device_id);
  copy->modem_id = g_strdup (entry->modem_id);
  copy->failed_modem_id = g_strdup (entry->failed_modem_id);
  copy->sms_path = g_strdup (entry->sms_path);
  copy->error = g_strdup (entry->error);

  return copy;
}

void
herald_outbox_entry_free (HeraldOutboxEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->message_id);
  g_free (entry->client_id);
  g_free (entry->origin);
  g_free (entry->recipient);
  g_free (entry->text);
  g_free (entry->device_id);
  g_free (entry->modem_id);
  g_free (entry->failed_modem_id);
  g_free (entry->sms_path);
  g_free (entry->error);
  g_free (entry);
}

G_DEFINE_BOXED_TYPE (HeraldOutboxEntry, herald_outbox_entry, herald_outbox_entry_copy, herald_outbox_entry_free)

static const char columns[] =
  "id, message_id, client_id, origin, recipient, text, device_id, validity_minutes, delivery_report, "
  "state, attempts, modem_id, failed_modem_id, not_before, sms_path, reference, error, created_at, "
  "updated_at, sent_at, done_at";

static HeraldOutboxEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  HeraldOutboxEntry *entry = g_new0 (HeraldOutboxEntry, 1);

  entry->id = herald_database_column_int64 (stmt, 0);
  entry->message_id = herald_database_dup_column_text (stmt, 1);
  entry->client_id = herald_database_dup_column_text (stmt, 2);
  entry->origin = herald_database_dup_column_text (stmt, 3);
  entry->recipient = herald_database_dup_column_text (stmt, 4);
  entry->text = herald_database_dup_column_text (stmt, 5);
  entry->device_id = herald_database_dup_column_text (stmt, 6);
  entry->validity_minutes = (guint) MAX (0, herald_database_column_int64 (stmt, 7));
  entry->delivery_report = herald_database_column_int64 (stmt, 8) != 0;
  if (!herald_outbox_state_from_string (herald_database_column_text (stmt, 9), &entry->state))
    entry->state = HERALD_OUTBOX_UNKNOWN;
  entry->attempts = (guint) MAX (0, herald_database_column_int64 (stmt, 10));
  entry->modem_id = herald_database_dup_column_text (stmt, 11);
  entry->failed_modem_id = herald_database_dup_column_text (stmt, 12);
  entry->not_before = herald_database_column_int64 (stmt, 13);
  entry->sms_path = herald_database_dup_column_text (stmt, 14);
  entry->reference = herald_database_column_text (stmt, 15) != NULL
                     ? (gint) herald_database_column_int64 (stmt, 15) : -1;
  entry->error = herald_database_dup_column_text (stmt, 16);
  entry->created_at = herald_database_column_int64 (stmt, 17);
  entry->updated_at = herald_database_column_int64 (stmt, 18);
  entry->sent_at = herald_database_column_int64 (stmt, 19);
  entry->done_at = herald_database_column_int64 (stmt, 20);

  return entry;
}

/* ---- the jobs (worker thread) ------------------------------------------- */

typedef enum
{
  JOB_ENQUEUE,
  JOB_CLAIM,
  JOB_SET_SMS_PATH,
  JOB_MARK_SENT,
  JOB_GIVE_BACK,
  JOB_FINISH_WITH,
  JOB_REPORT_DELIVERY,
  JOB_GET,
  JOB_CANCEL,
  JOB_LIST,
  JOB_COUNT_SENT,
  JOB_NEXT_DUE,
  JOB_LIST_CLIENT,
} JobKind;

/* Plain copies of what a job needs; the answer comes back in it. */
typedef struct
{
  JobKind            kind;
  gint64             id;
  char              *key;          /* modem id or message id */
  char              *text;         /* SMS path or error */
  gint64             number;       /* reference, not_before, since */
  gboolean           flag;         /* count_attempt, delivered */
  HeraldOutboxState  state;
  char              *request[6];   /* recipient, text, device_id, client_id, origin, failed_modem_id */
  guint              validity_minutes;
  gboolean           delivery_report;

  HeraldOutboxEntry *entry;
  GPtrArray         *list;
  gint64             count;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->key);
  g_free (job->text);
  for (guint i = 0; i < G_N_ELEMENTS (job->request); i++)
    g_free (job->request[i]);
  herald_outbox_entry_free (job->entry);
  g_clear_pointer (&job->list, g_ptr_array_unref);
  g_free (job);
}

/* The row @where picks (":id" or ":message_id"), or NULL: job->entry. */
static gboolean
read_entry (HeraldDatabase  *database,
            Job             *job,
            const char      *where,
            GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM outbox WHERE %s", columns, where);
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL ||
      !herald_database_bind_int64 (stmt, ":id", job->id, error) ||
      !herald_database_bind_text (stmt, ":message_id", job->key, error))
    return FALSE;

  rc = herald_database_step (database, stmt, error);
  if (rc == SQLITE_ERROR)
    return FALSE;

  herald_outbox_entry_free (job->entry);
  job->entry = rc == SQLITE_ROW ? entry_from_row (stmt) : NULL;

  return TRUE;
}

/* Runs one statement with the job's values bound by name (names a
 * statement does not use are skipped). */
static gboolean
run_statement (HeraldDatabase  *database,
               Job             *job,
               const char      *sql,
               gint64           now,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database, sql, error);

  if (stmt == NULL ||
      !herald_database_bind_int64 (stmt, ":id", job->id, error) ||
      !herald_database_bind_text (stmt, ":key", job->key, error) ||
      !herald_database_bind_text (stmt, ":text", job->text, error) ||
      !herald_database_bind_int64 (stmt, ":number", job->number, error) ||
      !herald_database_bind_int64 (stmt, ":flag", job->flag ? 1 : 0, error) ||
      !herald_database_bind_text (stmt, ":state", herald_outbox_state_to_string (job->state), error) ||
      !herald_database_bind_text (stmt, ":failed", job->request[5], error) ||
      !herald_database_bind_int64 (stmt, ":now", now, error))
    return FALSE;

  return herald_database_step (database, stmt, error) == SQLITE_DONE;
}

/* The first column of the first row of @sql (bound as run_statement), or
 * 0 for none or NULL. */
static gboolean
query_number (HeraldDatabase  *database,
              Job             *job,
              const char      *sql,
              gint64           now,
              gint64          *out,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL ||
      !herald_database_bind_int64 (stmt, ":id", job->id, error) ||
      !herald_database_bind_text (stmt, ":key", job->key, error) ||
      !herald_database_bind_int64 (stmt, ":number", job->number, error) ||
      !herald_database_bind_int64 (stmt, ":now", now, error))
    return FALSE;

  rc = herald_database_step (database, stmt, error);
  if (rc == SQLITE_ERROR)
    return FALSE;
  *out = rc == SQLITE_ROW ? herald_database_column_int64 (stmt, 0) : 0;

  return TRUE;
}

static gboolean
job_enqueue (HeraldDatabase  *database,
             Job             *job,
             gint64           now,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *message_id = g_uuid_string_random ();
  gint64 taken = 0;
  Job probe = { .key = job->request[3] };

  if (job->request[3] != NULL)
    {
      if (!query_number (database, &probe, "SELECT 1 FROM outbox WHERE client_id = :key", now, &taken, error))
        return FALSE;
      if (taken != 0)
        {
          g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS,
                       _("A message with the id “%s” was queued already; it is not sent twice."),
                       job->request[3]);
          return FALSE;
        }
    }

  insert = herald_database_prepare (database,
                                    "INSERT INTO outbox (message_id, client_id, origin, recipient, text, device_id, "
                                    "validity_minutes, delivery_report, state, created_at, updated_at) VALUES "
                                    "(?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)", error);
  if (insert == NULL ||
      !herald_database_bind_text_at (insert, 1, message_id, error) ||
      !herald_database_bind_text_at (insert, 2, job->request[3], error) ||
      !herald_database_bind_text_at (insert, 3, job->request[4], error) ||
      !herald_database_bind_text_at (insert, 4, job->request[0], error) ||
      !herald_database_bind_text_at (insert, 5, job->request[1], error) ||
      !herald_database_bind_text_at (insert, 6, job->request[2], error) ||
      !herald_database_bind_int64_at (insert, 7, job->validity_minutes, error) ||
      !herald_database_bind_int64_at (insert, 8, job->delivery_report ? 1 : 0, error) ||
      !herald_database_bind_int64_at (insert, 9, now, error) ||
      !herald_database_bind_int64_at (insert, 10, now, error) ||
      herald_database_step (database, insert, error) != SQLITE_DONE)
    return FALSE;

  job->key = g_steal_pointer (&message_id);
  return read_entry (database, job, "message_id = :message_id", error);
}

/* A modem that refused a message stays away from it until not_before;
 * any other modem may take it at once. */
static gboolean
job_claim (HeraldDatabase  *database,
           Job             *job,
           gint64           now,
           GError         **error)
{
  if (!query_number (database, job,
                     "SELECT id FROM outbox WHERE state = 'queued' AND (device_id IS NULL OR device_id = :key) "
                     "AND (failed_modem_id IS NULL OR failed_modem_id != :key OR not_before <= :now) "
                     "ORDER BY id LIMIT 1", now, &job->id, error))
    return FALSE;
  if (job->id == 0)
    return TRUE;

  return run_statement (database, job,
                        "UPDATE outbox SET state = 'sending', modem_id = :key, attempts = attempts + 1, "
                        "sms_path = NULL, updated_at = :now WHERE id = :id", now, error) &&
         read_entry (database, job, "id = :id", error);
}

static gboolean
job_update (HeraldDatabase  *database,
            Job             *job,
            gint64           now,
            GError         **error)
{
  static const char *const statements[] = {
    [JOB_SET_SMS_PATH] =
      "UPDATE outbox SET sms_path = :text, updated_at = :now WHERE id = :id AND state = 'sending'",
    [JOB_MARK_SENT] =
      "UPDATE outbox SET state = 'sent', reference = :number, error = NULL, sent_at = :now, updated_at = :now "
      "WHERE id = :id AND state = 'sending'",
    [JOB_GIVE_BACK] =
      "UPDATE outbox SET state = 'queued', failed_modem_id = :failed, not_before = :number, "
      "attempts = MAX (0, attempts - 1 + :flag), error = :text, sms_path = NULL, updated_at = :now "
      "WHERE id = :id AND state = 'sending'",
    [JOB_FINISH_WITH] =
      "UPDATE outbox SET state = :state, error = :text, done_at = :now, updated_at = :now "
      "WHERE id = :id AND state IN ('queued', 'sending')",
  };

  return run_statement (database, job, statements[job->kind], now, error) &&
         read_entry (database, job, "id = :id", error);
}

/* The latest message sent with that reference: references are one byte and
 * come round again, the newest is the one a report is for. */
static gboolean
job_report_delivery (HeraldDatabase  *database,
                     Job             *job,
                     gint64           now,
                     GError         **error)
{
  if (!query_number (database, job,
                     "SELECT id FROM outbox WHERE state = 'sent' AND modem_id = :key AND reference = :number "
                     "ORDER BY sent_at DESC, id DESC LIMIT 1", now, &job->id, error))
    return FALSE;
  if (job->id == 0)
    return TRUE;

  job->state = job->flag ? HERALD_OUTBOX_DELIVERED : HERALD_OUTBOX_FAILED;
  return run_statement (database, job,
                        "UPDATE outbox SET state = :state, error = :text, done_at = :now, updated_at = :now "
                        "WHERE id = :id", now, error) &&
         read_entry (database, job, "id = :id", error);
}

static gboolean
job_cancel (HeraldDatabase  *database,
            Job             *job,
            gint64           now,
            GError         **error)
{
  return run_statement (database, job,
                        "UPDATE outbox SET state = 'cancelled', done_at = :now, updated_at = :now "
                        "WHERE message_id = :key AND state = 'queued'", now, error) &&
         read_entry (database, job, "message_id = :message_id", error);
}

static gboolean
job_list (HeraldDatabase  *database,
          Job             *job,
          gint64           now,
          GError         **error)
{
  /* By client id prefix: [key, text), text being key with its last byte
   * one more, so that the UNIQUE index on client_id serves it. */
  g_autofree char *sql = g_strdup_printf (job->kind == JOB_LIST_CLIENT
                                          ? "SELECT %s FROM outbox WHERE client_id >= :key AND client_id < :text "
                                            "ORDER BY id"
                                          : "SELECT %s FROM outbox WHERE state = :state ORDER BY id", columns);
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL ||
      !herald_database_bind_text (stmt, ":state", herald_outbox_state_to_string (job->state), error) ||
      !herald_database_bind_text (stmt, ":key", job->key, error) ||
      !herald_database_bind_text (stmt, ":text", job->text, error))
    return FALSE;

  job->list = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_outbox_entry_free);
  while ((rc = herald_database_step (database, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (job->list, entry_from_row (stmt));

  return rc == SQLITE_DONE;
}

static gboolean
job_count (HeraldDatabase  *database,
           Job             *job,
           gint64           now,
           GError         **error)
{
  if (job->kind == JOB_COUNT_SENT)
    return query_number (database, job,
                         "SELECT COUNT(*) FROM outbox WHERE modem_id = :key AND sent_at >= :number",
                         now, &job->count, error);

  return query_number (database, job,
                       "SELECT MIN(not_before) FROM outbox WHERE state = 'queued' "
                       "AND (device_id IS NULL OR device_id = :key) AND failed_modem_id = :key "
                       "AND not_before > :now", now, &job->count, error);
}

static gboolean
job_get (HeraldDatabase  *database,
         Job             *job,
         gint64           now,
         GError         **error)
{
  return read_entry (database, job, "message_id = :message_id", error);
}

static gboolean
job_func (HeraldDatabase  *database,
          gpointer         user_data,
          GCancellable    *cancellable,
          GError         **error)
{
  typedef gboolean (*JobFunc) (HeraldDatabase *database, Job *job, gint64 now, GError **error);
  static const JobFunc funcs[] = {
    [JOB_ENQUEUE] = job_enqueue,
    [JOB_CLAIM] = job_claim,
    [JOB_SET_SMS_PATH] = job_update,
    [JOB_MARK_SENT] = job_update,
    [JOB_GIVE_BACK] = job_update,
    [JOB_FINISH_WITH] = job_update,
    [JOB_REPORT_DELIVERY] = job_report_delivery,
    [JOB_GET] = job_get,
    [JOB_CANCEL] = job_cancel,
    [JOB_LIST] = job_list,
    [JOB_COUNT_SENT] = job_count,
    [JOB_NEXT_DUE] = job_count,
    [JOB_LIST_CLIENT] = job_list,
  };
  Job *job = user_data;

  /* One transaction: a claim's read and write cannot be split by the
   * other Herald process. */
  if (!herald_database_begin (database, error))
    return FALSE;
  if (!funcs[job->kind] (database, job, g_get_real_time (), error))
    {
      herald_database_rollback (database);
      return FALSE;
    }

  return herald_database_commit (database, error);
}

/* ---- the object --------------------------------------------------------- */

static void
herald_outbox_dispose (GObject *object)
{
  HeraldOutbox *self = HERALD_OUTBOX (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (herald_outbox_parent_class)->dispose (object);
}

static void
herald_outbox_class_init (HeraldOutboxClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = herald_outbox_dispose;
}

static void
herald_outbox_init (HeraldOutbox *self)
{
}

HeraldOutbox *
herald_outbox_new (HeraldDatabase *database)
{
  HeraldOutbox *self;

  g_return_val_if_fail (HERALD_IS_DATABASE (database), NULL);

  self = g_object_new (HERALD_TYPE_OUTBOX, NULL);
  self->database = g_object_ref (database);

  return self;
}

static Job *
job_new (JobKind     kind,
         gint64      id,
         const char *key)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->id = id;
  job->key = g_strdup (key);

  return job;
}

static void
run_job (HeraldOutbox        *self,
         Job                 *job,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, run_job);
  g_task_set_task_data (task, job, job_free);
  herald_database_run_task (self->database, job_func, job, cancellable, task, NULL);
}

void
herald_outbox_enqueue_async (HeraldOutbox              *self,
                             const HeraldOutboxRequest *request,
                             GCancellable              *cancellable,
                             GAsyncReadyCallback        callback,
                             gpointer                   user_data)
{
  Job *job;

  g_return_if_fail (HERALD_IS_OUTBOX (self));
  g_return_if_fail (request != NULL && request->recipient != NULL && request->text != NULL);

  job = job_new (JOB_ENQUEUE, 0, NULL);
  job->request[0] = g_strdup (request->recipient);
  job->request[1] = g_strdup (request->text);
  job->request[2] = g_strdup (request->device_id);
  job->request[3] = g_strdup (request->client_id);
  job->request[4] = g_strdup (request->origin);
  job->validity_minutes = request->validity_minutes;
  job->delivery_report = request->delivery_report;
  run_job (self, job, cancellable, callback, user_data);
}

void
herald_outbox_claim_async (HeraldOutbox        *self,
                           const char          *modem_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_OUTBOX (self));
  g_return_if_fail (modem_id != NULL);

  run_job (self, job_new (JOB_CLAIM, 0, modem_id), cancellable, callback, user_data);
}

void
herald_outbox_set_sms_path_async (HeraldOutbox        *self,
                                  gint64               id,
                                  const char          *sms_path,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Job *job;

  g_return_if_fail (HERALD_IS_OUTBOX (self));
  g_return_if_fail (sms_path != NULL);

  job = job_new (JOB_SET_SMS_PATH, id, NULL);
  job->text = g_strdup (sms_path);
  run_job (self, job, cancellable, callback, user_data);
}

void
herald_outbox_mark_sent_async (HeraldOutbox        *self,
                               gint64               id,
                               guint                reference,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Job *job;

  g_return_if_fail (HERALD_IS_OUTBOX (self));

  job = job_new (JOB_MARK_SENT, id, NULL);
  job->number = reference;
  run_job (self, job, cancellable, callback, user_data);
}

void
herald_outbox_give_back_async (HeraldOutbox        *self,
                               gint64               id,
                               const char          *failed_modem_id,
                               gint64               not_before,
                               gboolean             count_attempt,
                               const char          *error,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Job *job;

  g_return_if_fail (HERALD_IS_OUTBOX (self));

  job = job_new (JOB_GIVE_BACK, id, NULL);
  job->request[5] = g_strdup (failed_modem_id);
  job->number = not_before;
  job->flag = count_attempt;
  job->text = g_strdup (error);
  run_job (self, job, cancellable, callback, user_data);
}

void
herald_outbox_finish_with_async (HeraldOutbox        *self,
                                 gint64               id,
                                 HeraldOutboxState    state,
                                 const char          *error,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Job *job;

  g_return_if_fail (HERALD_IS_OUTBOX (self));
  g_return_if_fail (state == HERALD_OUTBOX_FAILED || state == HERALD_OUTBOX_UNKNOWN);

  job = job_new (JOB_FINISH_WITH, id, NULL);
  job->state = state;
  job->text = g_strdup (error);
  run_job (self, job, cancellable, callback, user_data);
}

void
herald_outbox_report_delivery_async (HeraldOutbox        *self,
                                     const char          *modem_id,
                                     guint                reference,
                                     gboolean             delivered,
                                     const char          *error,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Job *job;

  g_return_if_fail (HERALD_IS_OUTBOX (self));
  g_return_if_fail (modem_id != NULL);

  job = job_new (JOB_REPORT_DELIVERY, 0, modem_id);
  job->number = reference;
  job->flag = delivered;
  job->text = g_strdup (error);
  run_job (self, job, cancellable, callback, user_data);
}

void
herald_outbox_get_async (HeraldOutbox        *self,
                         const char          *message_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_OUTBOX (self));
  g_return_if_fail (message_id != NULL);

  run_job (self, job_new (JOB_GET, 0, message_id), cancellable, callback, user_data);
}

void
herald_outbox_cancel_async (HeraldOutbox        *self,
                            const char          *message_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_OUTBOX (self));
  g_return_if_fail (message_id != NULL);

  run_job (self, job_new (JOB_CANCEL, 0, message_id), cancellable, callback, user_data);
}

/* The finished job, holding the answer; NULL with @error. */
static Job *
finished_job (GAsyncResult  *result,
              GError       **error)
{
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  return g_task_get_task_data (G_TASK (result));
}

HeraldOutboxEntry *
herald_outbox_finish_entry (HeraldOutbox  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  job = finished_job (result, error);
  return job != NULL ? g_steal_pointer (&job->entry) : NULL;
}

void
herald_outbox_list_async (HeraldOutbox        *self,
                          HeraldOutboxState    state,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Job *job;

  g_return_if_fail (HERALD_IS_OUTBOX (self));

  job = job_new (JOB_LIST, 0, NULL);
  job->state = state;
  run_job (self, job, cancellable, callback, user_data);
}

void
herald_outbox_list_by_client_async (HeraldOutbox        *self,
                                    const char          *client_prefix,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Job *job;
  gsize length;

  g_return_if_fail (HERALD_IS_OUTBOX (self));
  g_return_if_fail (client_prefix != NULL && *client_prefix != '\0');
  length = strlen (client_prefix);
  g_return_if_fail ((guchar) client_prefix[length - 1] < 0x7f);

  job = job_new (JOB_LIST_CLIENT, 0, client_prefix);
  job->text = g_strdup (client_prefix);
  job->text[length - 1]++;
  run_job (self, job, cancellable, callback, user_data);
}

GPtrArray *
herald_outbox_list_finish (HeraldOutbox  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  job = finished_job (result, error);
  return job != NULL ? g_steal_pointer (&job->list) : NULL;
}

void
herald_outbox_count_sent_async (HeraldOutbox        *self,
                                const char          *modem_id,
                                gint64               since,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Job *job;

  g_return_if_fail (HERALD_IS_OUTBOX (self));
  g_return_if_fail (modem_id != NULL);

  job = job_new (JOB_COUNT_SENT, 0, modem_id);
  job->number = since;
  run_job (self, job, cancellable, callback, user_data);
}

void
herald_outbox_next_due_async (HeraldOutbox        *self,
                              const char          *modem_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_OUTBOX (self));
  g_return_if_fail (modem_id != NULL);

  run_job (self, job_new (JOB_NEXT_DUE, 0, modem_id), cancellable, callback, user_data);
}

gint64
herald_outbox_finish_count (HeraldOutbox  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  job = finished_job (result, error);
  return job != NULL ? job->count : -1;
}
