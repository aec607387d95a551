/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-message-log.h"
#include "herald-logged-message-private.h"
#include "net/herald-provider-error.h"
#include "text/herald-phone-number.h"
#include "text/herald-sms-text.h"

/* Every SQL statement runs on a worker thread through
 * herald_database_run_async (); the jobs handed to it hold plain copies of
 * what they need, never objects the caller may change meanwhile. */

struct _HeraldMessageLog
{
  GObject         parent_instance;

  HeraldDatabase *database;
};

G_DEFINE_FINAL_TYPE (HeraldMessageLog, herald_message_log, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char columns[] =
  "id, account_id, message_id, recipient, text, state, error, parts, sent_at, updated_at";

static void
herald_message_log_dispose (GObject *object)
{
  HeraldMessageLog *self = (HeraldMessageLog *) object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (herald_message_log_parent_class)->dispose (object);
}

static void
herald_message_log_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HeraldMessageLog *self = HERALD_MESSAGE_LOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_message_log_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HeraldMessageLog *self = HERALD_MESSAGE_LOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_message_log_class_init (HeraldMessageLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_message_log_dispose;
  object_class->get_property = herald_message_log_get_property;
  object_class->set_property = herald_message_log_set_property;

  properties [PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, HERALD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_message_log_init (HeraldMessageLog *self)
{
}

HeraldMessageLog *
herald_message_log_new (HeraldDatabase *database)
{
  g_return_val_if_fail (HERALD_IS_DATABASE (database), NULL);

  return g_object_new (HERALD_TYPE_MESSAGE_LOG, "database", database, NULL);
}

/* ---- statement helpers (worker thread) ---------------------------------- */

static gint64
now_usec (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return herald_logged_message_time_to_usec (now);
}

static gboolean
check_bind (int       rc,
            GError  **error)
{
  if (rc == SQLITE_OK)
    return TRUE;

  g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_QUERY,
               _("The message record could not be written: %s"), sqlite3_errstr (rc));
  return FALSE;
}

/* Binds by name; a name the statement does not use is skipped, so that
 * optional filters need no bookkeeping. */
static gboolean
bind_text (sqlite3_stmt  *stmt,
           const char    *name,
           const char    *value,
           GError       **error)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index == 0)
    return TRUE;
  if (value == NULL)
    return check_bind (sqlite3_bind_null (stmt, index), error);
  return check_bind (sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT), error);
}

static gboolean
bind_int64 (sqlite3_stmt  *stmt,
            const char    *name,
            gint64         value,
            GError       **error)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index == 0)
    return TRUE;
  return check_bind (sqlite3_bind_int64 (stmt, index, value), error);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
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
record_job_new (const char     *account_id,
                HeraldOutgoing *outgoing)
{
  RecordJob *job = g_new0 (RecordJob, 1);
  g_autoptr(HeraldSmsAnalysis) analysis = NULL;

  job->account_id = g_strdup (account_id);
  job->text = g_strdup (herald_outgoing_get_text (outgoing));
  job->rows = g_array_new (FALSE, TRUE, sizeof (NewRow));
  g_array_set_clear_func (job->rows, new_row_clear);

  /* A text the analysis refuses was refused by the provider too; 0 says
   * "not counted" rather than failing the record. */
  analysis = herald_sms_analyse (job->text, -1, NULL);
  job->parts = analysis != NULL ? herald_sms_analysis_get_parts (analysis) : 0;

  return job;
}

static void
record_job_add (RecordJob           *job,
                const char          *recipient,
                const char          *message_id,
                HeraldDeliveryState  state,
                const char          *error)
{
  NewRow row = {
    .recipient = g_strdup (recipient),
    .message_id = (message_id != NULL && *message_id != '\0') ? g_strdup (message_id) : NULL,
    .error = g_strdup (error),
    .state = state,
  };

  g_array_append_val (job->rows, row);
}

static const char *
first_non_null (const char *a,
                const char *b,
                const char *c)
{
  return a != NULL ? a : b != NULL ? b : c;
}

static RecordJob *
record_job_new_for_report (const char       *account_id,
                           HeraldOutgoing   *outgoing,
                           HeraldSendReport *report)
{
  RecordJob *job = record_job_new (account_id, outgoing);
  const GError *report_error = herald_send_report_get_error (report);
  const char *report_message = report_error != NULL ? report_error->message : NULL;
  guint n = herald_send_report_get_n_recipients (report);

  for (guint i = 0; i < n; i++)
    {
      const char *recipient = first_non_null (herald_send_report_get_number (report, i),
                                              herald_send_report_get_input (report, i), "");
      const char *message_id = herald_send_report_get_recipient_message_id (report, i);
      const char *reason = herald_send_report_get_reason (report, i);

      switch (herald_send_report_get_outcome (report, i))
        {
        case HERALD_RECIPIENT_QUEUED:
          record_job_add (job, recipient, message_id, HERALD_DELIVERY_QUEUED, NULL);
          break;

        case HERALD_RECIPIENT_FATE_UNKNOWN:
          record_job_add (job, recipient, message_id, HERALD_DELIVERY_UNKNOWN,
                          first_non_null (reason, report_message,
                                          _("The provider may or may not have accepted this message; "
                                            "check before sending it again.")));
          break;

        case HERALD_RECIPIENT_NOT_SENT:
          record_job_add (job, recipient, message_id, HERALD_DELIVERY_FAILED,
                          first_non_null (reason, report_message,
                                          _("This message was not sent.")));
          break;

        case HERALD_RECIPIENT_INVALID:
        case HERALD_RECIPIENT_DUPLICATE:
        default:
          /* Never sent, or sent once under the earlier entry. */
          break;
        }
    }

  return job;
}

/* The whole send's fate is unknown and there is no report: every distinct
 * input is a row, in E.164 where it is unambiguous without a region, else as
 * typed (the account's region is not known here). */
static RecordJob *
record_job_new_for_unknown_fate (const char     *account_id,
                                 HeraldOutgoing *outgoing,
                                 const GError   *error)
{
  RecordJob *job = record_job_new (account_id, outgoing);
  const char * const *inputs = herald_outgoing_get_recipients (outgoing);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autofree char *input = g_strstrip (g_strdup (inputs[i]));
      g_autoptr(HeraldPhoneNumber) number = NULL;
      const char *recipient;

      if (*input == '\0')
        continue;

      number = herald_phone_number_parse (input, NULL, HERALD_PHONE_NUMBER_FLAGS_NONE, NULL);
      recipient = number != NULL ? herald_phone_number_get_e164 (number) : input;
      if (!g_hash_table_add (seen, g_strdup (recipient)))
        continue;

      record_job_add (job, recipient, NULL, HERALD_DELIVERY_UNKNOWN, error->message);
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
  gint64 now = now_usec ();
  int rc;

  if (job->rows->len == 0)
    return TRUE;

  if (!herald_database_begin (database, error))
    return FALSE;

  /* Asked first, so that an unknown account is an error that says so
   * rather than a foreign-key failure. */
  account = herald_database_prepare (database, "SELECT 1 FROM accounts WHERE id = :account", error);
  if (account == NULL || !bind_text (account, ":account", job->account_id, error))
    return FALSE;
  rc = herald_database_step (database, account, error);
  if (rc == SQLITE_ERROR)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND,
                   _("The sent messages could not be recorded: there is no account “%s”."),
                   job->account_id);
      return FALSE;
    }

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
      if (!bind_text (insert, ":account", job->account_id, error) ||
          !bind_text (insert, ":message_id", row->message_id, error) ||
          !bind_text (insert, ":recipient", row->recipient, error) ||
          !bind_text (insert, ":text", job->text, error) ||
          !bind_int64 (insert, ":parts", job->parts, error) ||
          !bind_text (insert, ":state", herald_delivery_state_to_string (row->state), error) ||
          !bind_text (insert, ":error", row->error, error) ||
          !bind_int64 (insert, ":now", now, error))
        return FALSE;
      if (herald_database_step (database, insert, error) != SQLITE_DONE)
        return FALSE;
    }

  return herald_database_commit (database, error);
}

static void
record_done (GObject      *object,
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
herald_message_log_record_async (HeraldMessageLog    *self,
                                 const char          *account_id,
                                 HeraldOutgoing      *outgoing,
                                 HeraldSendReport    *report,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RecordJob *job;

  g_return_if_fail (HERALD_IS_MESSAGE_LOG (self));
  g_return_if_fail (account_id != NULL);
  g_return_if_fail (outgoing != NULL);
  g_return_if_fail (HERALD_IS_SEND_REPORT (report));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_message_log_record_async);
  job = record_job_new_for_report (account_id, outgoing, report);
  g_task_set_task_data (task, job, record_job_free);

  herald_database_run_async (self->database, record_func, job, cancellable,
                             record_done, g_steal_pointer (&task));
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

/* ---- sending ------------------------------------------------------------ */

typedef struct
{
  char             *account_id;
  HeraldOutgoing   *outgoing;
  HeraldSendReport *report;
  GError           *send_error;   /* FATE_UNKNOWN, returned after recording */
  RecordJob        *job;
} SendData;

static void
send_data_free (gpointer data)
{
  SendData *send = data;

  g_free (send->account_id);
  herald_outgoing_unref (send->outgoing);
  g_clear_object (&send->report);
  g_clear_error (&send->send_error);
  g_clear_pointer (&send->job, record_job_free);
  g_free (send);
}

static void
send_recorded (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *send = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    g_warning ("Messages were sent but could not be recorded in the local history: %s",
               error->message);

  if (send->send_error != NULL)
    g_task_return_error (task, g_steal_pointer (&send->send_error));
  else
    g_task_return_pointer (task, g_steal_pointer (&send->report), g_object_unref);
}

static void
send_answered (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldMessageLog *self = g_task_get_source_object (task);
  SendData *send = g_task_get_task_data (task);
  GError *error = NULL;

  send->report = herald_provider_send_finish (HERALD_PROVIDER (object), result, &error);
  if (send->report != NULL)
    send->job = record_job_new_for_report (send->account_id, send->outgoing, send->report);
  else if (g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN))
    {
      send->send_error = error;
      send->job = record_job_new_for_unknown_fate (send->account_id, send->outgoing, error);
    }
  else
    {
      /* Nothing was accepted: nothing to record. */
      g_task_return_error (task, error);
      return;
    }

  /* Not cancellable: the provider has answered, the messages are out. */
  herald_database_run_async (self->database, record_func, send->job, NULL,
                             send_recorded, g_steal_pointer (&task));
}

void
herald_message_log_send_async (HeraldMessageLog    *self,
                               HeraldProvider      *provider,
                               const char          *account_id,
                               HeraldOutgoing      *outgoing,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SendData *send;

  g_return_if_fail (HERALD_IS_MESSAGE_LOG (self));
  g_return_if_fail (HERALD_IS_PROVIDER (provider));
  g_return_if_fail (account_id != NULL);
  g_return_if_fail (outgoing != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  send = g_new0 (SendData, 1);
  send->account_id = g_strdup (account_id);
  send->outgoing = herald_outgoing_ref (outgoing);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_message_log_send_async);
  g_task_set_task_data (task, send, send_data_free);
  /* A cancel that arrives after the provider answered must not hide the
   * report of messages that went out. */
  g_task_set_check_cancellable (task, FALSE);

  herald_provider_send_async (provider, outgoing, cancellable, send_answered, g_steal_pointer (&task));
}

HeraldSendReport *
herald_message_log_send_finish (HeraldMessageLog  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (HERALD_IS_MESSAGE_LOG (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
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

static HeraldLoggedMessage *
logged_message_from_row (sqlite3_stmt *stmt)
{
  return herald_logged_message_new (sqlite3_column_int64 (stmt, 0),
                                    column_text (stmt, 1),
                                    column_text (stmt, 2),
                                    column_text (stmt, 3),
                                    column_text (stmt, 4),
                                    herald_delivery_state_from_string (column_text (stmt, 5)),
                                    column_text (stmt, 6),
                                    (guint) MAX (0, sqlite3_column_int64 (stmt, 7)),
                                    sqlite3_column_int64 (stmt, 8),
                                    sqlite3_column_int64 (stmt, 9));
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
  int rc;

  g_string_append_printf (sql, "SELECT %s FROM sent_messages WHERE 1", columns);
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
  g_string_append (sql, " ORDER BY sent_at DESC, id DESC LIMIT :limit OFFSET :offset");

  stmt = herald_database_prepare (database, sql->str, error);
  if (stmt == NULL ||
      !bind_text (stmt, ":account", job->account_id, error) ||
      !bind_text (stmt, ":state", herald_delivery_state_to_string (job->state), error) ||
      !bind_int64 (stmt, ":since", job->since, error) ||
      !bind_int64 (stmt, ":until", job->until, error) ||
      !bind_text (stmt, ":recipient", job->recipient, error) ||
      /* SQLite reads a negative limit as none. */
      !bind_int64 (stmt, ":limit", job->limit != 0 ? (gint64) job->limit : -1, error) ||
      !bind_int64 (stmt, ":offset", job->offset, error))
    return FALSE;

  while ((rc = herald_database_step (database, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (job->messages, logged_message_from_row (stmt));

  return rc == SQLITE_DONE;
}

static void
list_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListJob *job = g_task_get_task_data (task);
  GListStore *store;
  GError *error = NULL;

  if (!herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  store = g_list_store_new (HERALD_TYPE_LOGGED_MESSAGE);
  g_list_store_splice (store, 0, 0, job->messages->pdata, job->messages->len);
  g_task_return_pointer (task, store, g_object_unref);
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
  g_autoptr(GTask) task = NULL;
  ListJob *job;

  g_return_if_fail (HERALD_IS_MESSAGE_LOG (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (ListJob, 1);
  job->account_id = g_strdup (account_id);
  job->offset = offset;
  job->limit = limit;
  job->messages = g_ptr_array_new_with_free_func (g_object_unref);
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

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_message_log_list_async);
  g_task_set_task_data (task, job, list_job_free);

  herald_database_run_async (self->database, list_func, job, cancellable,
                             list_done, g_steal_pointer (&task));
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

/* ---- refreshing --------------------------------------------------------- */

typedef struct
{
  gint64               row_id;
  char                *message_id;
  HeraldDeliveryState  state;
  HeraldDeliveryState  new_state;
} OpenRow;

static void
open_row_clear (gpointer data)
{
  OpenRow *row = data;

  g_free (row->message_id);
}

typedef struct
{
  HeraldProvider *provider;
  char           *account_id;
  guint           max_rows;
  GArray         *rows;         /* OpenRow */
  guint           next;         /* the row to ask about next */
  guint           changed;
  GError         *stop_error;   /* returned after storing the answers so far */
} RefreshData;

static void
refresh_data_free (gpointer data)
{
  RefreshData *refresh = data;

  g_object_unref (refresh->provider);
  g_free (refresh->account_id);
  g_array_unref (refresh->rows);
  g_clear_error (&refresh->stop_error);
  g_free (refresh);
}

static gboolean
read_open_rows_func (HeraldDatabase  *database,
                     gpointer         user_data,
                     GCancellable    *cancellable,
                     GError         **error)
{
  RefreshData *refresh = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* The condition is the one of the partial index sent_messages_open. */
  stmt = herald_database_prepare (database,
                                  "SELECT id, message_id, state FROM sent_messages "
                                  "WHERE account_id = :account "
                                  "AND state IN ('unknown', 'queued', 'sent') AND message_id IS NOT NULL "
                                  "ORDER BY sent_at DESC, id DESC LIMIT :limit",
                                  error);
  if (stmt == NULL ||
      !bind_text (stmt, ":account", refresh->account_id, error) ||
      !bind_int64 (stmt, ":limit", refresh->max_rows != 0 ? (gint64) refresh->max_rows : -1, error))
    return FALSE;

  while ((rc = herald_database_step (database, stmt, error)) == SQLITE_ROW)
    {
      HeraldDeliveryState state = herald_delivery_state_from_string (column_text (stmt, 2));
      OpenRow row = {
        .row_id = sqlite3_column_int64 (stmt, 0),
        .message_id = g_strdup (column_text (stmt, 1)),
        .state = state,
        .new_state = state,
      };

      g_array_append_val (refresh->rows, row);
    }

  return rc == SQLITE_DONE;
}

static gboolean
store_states_func (HeraldDatabase  *database,
                   gpointer         user_data,
                   GCancellable    *cancellable,
                   GError         **error)
{
  RefreshData *refresh = user_data;
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

  refresh->changed = 0;
  for (guint i = 0; i < refresh->rows->len; i++)
    {
      OpenRow *row = &g_array_index (refresh->rows, OpenRow, i);

      if (row->new_state == row->state)
        continue;

      sqlite3_reset (stmt);
      if (!bind_text (stmt, ":state", herald_delivery_state_to_string (row->new_state), error) ||
          !bind_int64 (stmt, ":now", now, error) ||
          !bind_int64 (stmt, ":id", row->row_id, error) ||
          !bind_text (stmt, ":old_state", herald_delivery_state_to_string (row->state), error))
        return FALSE;
      if (herald_database_step (database, stmt, error) != SQLITE_DONE)
        return FALSE;
      refresh->changed += (guint) herald_database_changes (database);
    }

  return herald_database_commit (database, error);
}

static void
refresh_stored (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RefreshData *refresh = g_task_get_task_data (task);
  GError *error = NULL;

  if (!herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    {
      if (refresh->stop_error != NULL)
        g_debug ("Refresh stopped by “%s”, then failed to store: %s",
                 refresh->stop_error->message, error->message);
      g_task_return_error (task, error);
    }
  else if (refresh->stop_error != NULL)
    g_task_return_error (task, g_steal_pointer (&refresh->stop_error));
  else
    g_task_return_int (task, refresh->changed);
}

static void
refresh_store (GTask *task)
{
  HeraldMessageLog *self = g_task_get_source_object (task);
  RefreshData *refresh = g_task_get_task_data (task);
  gboolean any = FALSE;

  for (guint i = 0; i < refresh->rows->len && !any; i++)
    {
      OpenRow *row = &g_array_index (refresh->rows, OpenRow, i);

      any = row->new_state != row->state;
    }

  if (!any)
    {
      if (refresh->stop_error != NULL)
        g_task_return_error (task, g_steal_pointer (&refresh->stop_error));
      else
        g_task_return_int (task, 0);
      g_object_unref (task);
      return;
    }

  /* Not cancellable: the answers obtained are worth keeping. */
  herald_database_run_async (self->database, store_states_func, refresh, NULL,
                             refresh_stored, task);
}

static void refresh_ask_next (GTask *task);

static void
refresh_answered (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  RefreshData *refresh = g_task_get_task_data (task);
  OpenRow *row = &g_array_index (refresh->rows, OpenRow, refresh->next);
  GError *error = NULL;
  HeraldDeliveryState state;

  state = herald_provider_get_state_finish (HERALD_PROVIDER (object), result, &error);
  if (error != NULL)
    {
      if (!g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NOT_FOUND))
        {
          refresh->stop_error = error;
          refresh_store (task);
          return;
        }
      /* The provider forgot it, or never knew it: nothing learnt. */
      g_debug ("Message “%s” unknown to the provider; its state stays", row->message_id);
      g_clear_error (&error);
    }
  else if (state != HERALD_DELIVERY_UNKNOWN)
    row->new_state = state;

  refresh->next++;
  refresh_ask_next (task);
}

/* One at a time: the providers' rate limits count requests. */
static void
refresh_ask_next (GTask *task)
{
  RefreshData *refresh = g_task_get_task_data (task);
  OpenRow *row;

  if (refresh->next >= refresh->rows->len)
    {
      refresh_store (task);
      return;
    }

  row = &g_array_index (refresh->rows, OpenRow, refresh->next);
  herald_provider_get_state_async (refresh->provider, row->message_id,
                                   g_task_get_cancellable (task), refresh_answered, task);
}

static void
refresh_rows_read (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  refresh_ask_next (task);
}

void
herald_message_log_refresh_async (HeraldMessageLog    *self,
                                  HeraldProvider      *provider,
                                  const char          *account_id,
                                  guint                max_rows,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  RefreshData *refresh;

  g_return_if_fail (HERALD_IS_MESSAGE_LOG (self));
  g_return_if_fail (HERALD_IS_PROVIDER (provider));
  g_return_if_fail (account_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  refresh = g_new0 (RefreshData, 1);
  refresh->provider = g_object_ref (provider);
  refresh->account_id = g_strdup (account_id);
  refresh->max_rows = max_rows;
  refresh->rows = g_array_new (FALSE, TRUE, sizeof (OpenRow));
  g_array_set_clear_func (refresh->rows, open_row_clear);

  /* The task's one reference travels through the chain of callbacks and
   * is dropped where the task returns. */
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_message_log_refresh_async);
  g_task_set_task_data (task, refresh, refresh_data_free);

  herald_database_run_async (self->database, read_open_rows_func, refresh, cancellable,
                             refresh_rows_read, task);
}

guint
herald_message_log_refresh_finish (HeraldMessageLog  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  gssize changed;

  g_return_val_if_fail (HERALD_IS_MESSAGE_LOG (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  changed = g_task_propagate_int (G_TASK (result), error);
  return changed > 0 ? (guint) changed : 0;
}
