/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-message-log.h"
#include "herald-database-private.h"
#include "herald-logged-message-private.h"
#include "text/herald-phone-number.h"
#include "text/herald-sms-text.h"

/* Every call is a job run with herald_database_run_task () (see
 * herald-database-private.h for the pattern). */

struct _HeraldMessageLog
{
  GObject         parent_instance;

  HeraldDatabase *database;
};

G_DEFINE_FINAL_TYPE (HeraldMessageLog, herald_message_log, G_TYPE_OBJECT)

static void
herald_message_log_dispose (GObject *object)
{
  HeraldMessageLog *self = (HeraldMessageLog *) object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (herald_message_log_parent_class)->dispose (object);
}

static void
herald_message_log_class_init (HeraldMessageLogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = herald_message_log_dispose;
}

static void
herald_message_log_init (HeraldMessageLog *self)
{
}

/* Like every store module, it keeps its database from the start: no
 * property, since nothing may change it. */
HeraldMessageLog *
herald_message_log_new (HeraldDatabase *database)
{
  HeraldMessageLog *self;

  g_return_val_if_fail (HERALD_IS_DATABASE (database), NULL);

  self = g_object_new (HERALD_TYPE_MESSAGE_LOG, NULL);
  self->database = g_object_ref (database);

  return self;
}

/* ---- statement helpers (worker thread) ---------------------------------- */

static gint64
now_usec (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return herald_logged_message_time_to_usec (now);
}

/* ---- recording ---------------------------------------------------------- */

typedef struct
{
  char                *recipient;
  char                *message_id;
  char                *error;
  HeraldDeliveryState  state;
} NewRow;

static void
new_row_clear (gpointer data)
{
  NewRow *row = data;

  g_free (row->recipient);
  g_free (row->message_id);
  g_free (row->error);
}

typedef struct
{
  char   *account_id;
  char   *text;
  guint   parts;
  GArray *rows;   /* NewRow */
} RecordJob;

static void
record_job_free (gpointer data)
{
  RecordJob *job = data;

  g_free (job->account_id);
  g_free (job->text);
  g_array_unref (job->rows);
  g_free (job);
}

static RecordJob *
record_job_new (const char                  *account_id,
                const char                  *text,
                const HeraldMessageLogEntry *entries,
                guint                        n_entries)
{
  RecordJob *job = g_new0 (RecordJob, 1);
  g_autoptr(HeraldSmsAnalysis) analysis = NULL;

  job->account_id = g_strdup (account_id);
  job->text = g_strdup (text);
  job->rows = g_array_sized_new (FALSE, TRUE, sizeof (NewRow), n_entries);
  g_array_set_clear_func (job->rows, new_row_clear);

  /* A text the analysis refuses was refused by the provider too; 0 says
   * "not counted" rather than failing the record. */
  analysis = herald_sms_analyse (job->text, -1, NULL);
  job->parts = analysis != NULL ? herald_sms_analysis_get_parts (analysis) : 0;

  for (guint i = 0; i < n_entries; i++)
    {
      const HeraldMessageLogEntry *entry = &entries[i];
      NewRow row = {
        .recipient = g_strdup (entry->recipient != NULL ? entry->recipient : ""),
        .message_id = (entry->message_id != NULL && *entry->message_id != '\0')
                      ? g_strdup (entry->message_id) : NULL,
        .error = g_strdup (entry->error),
        .state = entry->state,
      };

      g_array_append_val (job->rows, row);
    }

  return job;
}

static gboolean
record_func (HeraldDatabase  *database,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  RecordJob *job = user_data;
  g_autoptr(sqlite3_stmt) account = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *missing = NULL;
  gint64 now = now_usec ();

  if (job->rows->len == 0)
    return TRUE;

  if (!herald_database_begin (database, error))
    return FALSE;

  /* Asked first, so that an unknown account is an error that says so
   * rather than a foreign-key failure. */
  missing = g_strdup_printf (_("The sent messages could not be recorded: there is no account “%s”."),
                             job->account_id);
  account = herald_database_prepare (database, "SELECT 1 FROM accounts WHERE id = :account", error);
  if (account == NULL || !herald_database_bind_text (account, ":account", job->account_id, error) ||
      !herald_database_step_one (database, account, missing, error))
    return FALSE;

  insert = herald_database_prepare (database,
                                    "INSERT INTO sent_messages (account_id, message_id, recipient, text, "
                                    "parts, state, error, sent_at, updated_at) VALUES (:account, "
                                    ":message_id, :recipient, :text, :parts, :state, :error, :now, :now)",
                                    error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < job->rows->len; i++)
    {
      NewRow *row = &g_array_index (job->rows, NewRow, i);

      sqlite3_reset (insert);
      if (!herald_database_bind_text (insert, ":account", job->account_id, error) ||
          !herald_database_bind_text (insert, ":message_id", row->message_id, error) ||
          !herald_database_bind_text (insert, ":recipient", row->recipient, error) ||
          !herald_database_bind_text (insert, ":text", job->text, error) ||
          !herald_database_bind_int64 (insert, ":parts", job->parts, error) ||
          !herald_database_bind_text (insert, ":state", herald_delivery_state_to_string (row->state), error) ||
          !herald_database_bind_text (insert, ":error", row->error, error) ||
          !herald_database_bind_int64 (insert, ":now", now, error))
        return FALSE;
      if (herald_database_step (database, insert, error) != SQLITE_DONE)
        return FALSE;
    }

  return herald_database_commit (database, error);
}

void
herald_message_log_record_async (HeraldMessageLog            *self,
                                 const char                  *account_id,
                                 const char                  *text,
                                 const HeraldMessageLogEntry *entries,
                                 guint                        n_entries,
                                 GCancellable                *cancellable,
                                 GAsyncReadyCallback          callback,
                                 gpointer                     user_data)
{
  GTask *task;
  RecordJob *job;

  g_return_if_fail (HERALD_IS_MESSAGE_LOG (self));
  g_return_if_fail (account_id != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (entries != NULL || n_entries == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = record_job_new (account_id, text, entries, n_entries);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_message_log_record_async);
  g_task_set_task_data (task, job, record_job_free);

  herald_database_run_task (self->database, record_func, job, cancellable, task, NULL);
}

gboolean
herald_message_log_record_finish (HeraldMessageLog  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (HERALD_IS_MESSAGE_LOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- listing ------------------------------------------------------------ */

typedef struct
{
  char                *account_id;
  char                *recipient;
  HeraldDeliveryState  state;
  gboolean             has_since;
  gboolean             has_until;
  gint64               since;
  gint64               until;
  guint                offset;
  guint                limit;
  gboolean             open_only;  /* rows a refresh may move on */
  GPtrArray           *messages;   /* HeraldLoggedMessage, the answer */
} ListJob;

static void
list_job_free (gpointer data)
{
  ListJob *job = data;

  g_free (job->account_id);
  g_free (job->recipient);
  g_ptr_array_unref (job->messages);
  g_free (job);
}

static gboolean
list_func (HeraldDatabase  *database,
           gpointer         user_data,
           GCancellable    *cancellable,
           GError         **error)
{
  ListJob *job = user_data;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_string_append (sql, "SELECT " HERALD_LOGGED_MESSAGE_COLUMNS " FROM sent_messages WHERE 1");
  if (job->account_id != NULL)
    g_string_append (sql, " AND account_id = :account");
  if (job->state != HERALD_DELIVERY_UNKNOWN)
    g_string_append (sql, " AND state = :state");
  if (job->has_since)
    g_string_append (sql, " AND sent_at >= :since");
  if (job->has_until)
    g_string_append (sql, " AND sent_at <= :until");
  if (job->recipient != NULL)
    g_string_append (sql, " AND recipient = :recipient");
  /* The condition is the one of the partial index sent_messages_open. */
  if (job->open_only)
    g_string_append (sql, " AND state IN ('unknown', 'queued', 'sent') AND message_id IS NOT NULL");
  g_string_append (sql, " ORDER BY sent_at DESC, id DESC LIMIT :limit OFFSET :offset");

  stmt = herald_database_prepare (database, sql->str, error);
  if (stmt == NULL ||
      !herald_database_bind_text (stmt, ":account", job->account_id, error) ||
      !herald_database_bind_text (stmt, ":state", herald_delivery_state_to_string (job->state), error) ||
      !herald_database_bind_int64 (stmt, ":since", job->since, error) ||
      !herald_database_bind_int64 (stmt, ":until", job->until, error) ||
      !herald_database_bind_text (stmt, ":recipient", job->recipient, error) ||
      /* SQLite reads a negative limit as none. */
      !herald_database_bind_int64 (stmt, ":limit", job->limit != 0 ? (gint64) job->limit : -1, error) ||
      !herald_database_bind_int64 (stmt, ":offset", job->offset, error))
    return FALSE;

  return herald_database_read_rows (database, stmt, herald_logged_message_new_from_row, job->messages, error);
}

static void
list_done (GTask *task)
{
  ListJob *job = g_task_get_task_data (task);
  GListStore *store = g_list_store_new (HERALD_TYPE_LOGGED_MESSAGE);

  g_list_store_splice (store, 0, 0, job->messages->pdata, job->messages->len);
  g_task_return_pointer (task, store, g_object_unref);
}

/* Both listings are finished by herald_message_log_list_finish (). */
static void
list_start (HeraldMessageLog    *self,
            ListJob             *job,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  job->messages = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_source_tag (task, herald_message_log_list_async);
  g_task_set_task_data (task, job, list_job_free);

  herald_database_run_task (self->database, list_func, job, cancellable, task, list_done);
}

void
herald_message_log_list_async (HeraldMessageLog             *self,
                               const char                   *account_id,
                               const HeraldMessageLogFilter *filter,
                               guint                         offset,
                               guint                         limit,
                               GCancellable                 *cancellable,
                               GAsyncReadyCallback           callback,
                               gpointer                      user_data)
{
  ListJob *job;

  g_return_if_fail (HERALD_IS_MESSAGE_LOG (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (ListJob, 1);
  job->account_id = g_strdup (account_id);
  job->offset = offset;
  job->limit = limit;
  if (filter != NULL)
    {
      job->state = filter->state;
      job->recipient = (filter->recipient != NULL && *filter->recipient != '\0')
                       ? g_strdup (filter->recipient) : NULL;
      job->has_since = filter->since != NULL;
      job->has_until = filter->until != NULL;
      if (job->has_since)
        job->since = herald_logged_message_time_to_usec (filter->since);
      if (job->has_until)
        job->until = herald_logged_message_time_to_usec (filter->until);
    }

  list_start (self, job, cancellable, callback, user_data);
}

void
herald_message_log_list_open_async (HeraldMessageLog    *self,
                                    const char          *account_id,
                                    guint                max_rows,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ListJob *job;

  g_return_if_fail (HERALD_IS_MESSAGE_LOG (self));
  g_return_if_fail (account_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (ListJob, 1);
  job->account_id = g_strdup (account_id);
  job->limit = max_rows;
  job->open_only = TRUE;

  list_start (self, job, cancellable, callback, user_data);
}

/**
 * herald_message_log_list_finish:
 *
 * Returns: (transfer full) (nullable): a #GListStore of #HeraldLoggedMessage
 */
GListModel *
herald_message_log_list_finish (HeraldMessageLog  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (HERALD_IS_MESSAGE_LOG (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- moving states on ---------------------------------------------------- */

typedef struct
{
  GArray *changes;   /* HeraldMessageLogStateChange */
  guint   changed;
} UpdateJob;

static void
update_job_free (gpointer data)
{
  UpdateJob *job = data;

  g_array_unref (job->changes);
  g_free (job);
}

static gboolean
update_states_func (HeraldDatabase  *database,
                    gpointer         user_data,
                    GCancellable    *cancellable,
                    GError         **error)
{
  UpdateJob *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = now_usec ();

  if (!herald_database_begin (database, error))
    return FALSE;

  /* The error said why the state was not known; now it is. The state
   * condition leaves alone a row the other Herald process moved on. */
  stmt = herald_database_prepare (database,
                                  "UPDATE sent_messages SET state = :state, error = NULL, "
                                  "updated_at = :now WHERE id = :id AND state = :old_state",
                                  error);
  if (stmt == NULL)
    return FALSE;

  job->changed = 0;
  for (guint i = 0; i < job->changes->len; i++)
    {
      HeraldMessageLogStateChange *change = &g_array_index (job->changes, HeraldMessageLogStateChange, i);

      if (change->new_state == change->old_state)
        continue;

      sqlite3_reset (stmt);
      if (!herald_database_bind_text (stmt, ":state", herald_delivery_state_to_string (change->new_state), error) ||
          !herald_database_bind_int64 (stmt, ":now", now, error) ||
          !herald_database_bind_int64 (stmt, ":id", change->row_id, error) ||
          !herald_database_bind_text (stmt, ":old_state", herald_delivery_state_to_string (change->old_state), error))
        return FALSE;
      if (herald_database_step (database, stmt, error) != SQLITE_DONE)
        return FALSE;
      job->changed += (guint) herald_database_changes (database);
    }

  return herald_database_commit (database, error);
}

static void
update_done (GTask *task)
{
  UpdateJob *job = g_task_get_task_data (task);

  g_task_return_int (task, job->changed);
}

void
herald_message_log_update_states_async (HeraldMessageLog                  *self,
                                        const HeraldMessageLogStateChange *changes,
                                        guint                              n_changes,
                                        GCancellable                      *cancellable,
                                        GAsyncReadyCallback                callback,
                                        gpointer                           user_data)
{
  GTask *task;
  UpdateJob *job;

  g_return_if_fail (HERALD_IS_MESSAGE_LOG (self));
  g_return_if_fail (changes != NULL || n_changes == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (UpdateJob, 1);
  job->changes = g_array_sized_new (FALSE, FALSE, sizeof (HeraldMessageLogStateChange), n_changes);
  g_array_append_vals (job->changes, changes, n_changes);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_message_log_update_states_async);
  g_task_set_task_data (task, job, update_job_free);

  herald_database_run_task (self->database, update_states_func, job, cancellable, task, update_done);
}

guint
herald_message_log_update_states_finish (HeraldMessageLog  *self,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  gssize changed;

  g_return_val_if_fail (HERALD_IS_MESSAGE_LOG (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  changed = g_task_propagate_int (G_TASK (result), error);
  return changed > 0 ? (guint) changed : 0;
}
