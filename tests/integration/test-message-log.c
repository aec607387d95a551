/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The message log against a real SQLite file, with a scripted provider (a
 * test-only HeraldProvider below) so that these tests do not depend on the
 * HTTP clients. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "herald-core.h"
#include "net/herald-provider-error.h"
#include "store/herald-message-log.h"
#include "herald-test-util.h"
#include "store/herald-database-private.h"

/* ---- TestProvider: scripted answers ------------------------------------- */

#define TEST_TYPE_PROVIDER (test_provider_get_type ())
G_DECLARE_FINAL_TYPE (TestProvider, test_provider, TEST, PROVIDER, GObject)

typedef struct
{
  HeraldDeliveryState state;
  int                 error_code;   /* HeraldProviderErrorCode, or -1 */
} StateAnswer;

struct _TestProvider
{
  GObject           parent_instance;

  HeraldSendReport *send_report;    /* the next send's answer, or … */
  GError           *send_error;     /* … this */
  guint             n_sends;
  GHashTable       *states;         /* message id → StateAnswer */
  GPtrArray        *asked;          /* message ids, in the order asked */
  guint             in_flight;
  guint             max_in_flight;
};

static void test_provider_iface_init (HeraldProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestProvider, test_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (HERALD_TYPE_PROVIDER, test_provider_iface_init))

static void
test_provider_finalize (GObject *object)
{
  TestProvider *self = TEST_PROVIDER (object);

  g_clear_object (&self->send_report);
  g_clear_error (&self->send_error);
  g_hash_table_unref (self->states);
  g_ptr_array_unref (self->asked);
  G_OBJECT_CLASS (test_provider_parent_class)->finalize (object);
}

static void
test_provider_class_init (TestProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_provider_finalize;
}

static void
test_provider_init (TestProvider *self)
{
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->asked = g_ptr_array_new_with_free_func (g_free);
}

static HeraldDialect
test_provider_get_dialect (HeraldProvider *provider)
{
  return HERALD_DIALECT_FLIXYSMS;
}

static HeraldProviderFeatures
test_provider_get_features (HeraldProvider *provider)
{
  return HERALD_PROVIDER_FEATURE_NONE;
}

static void
test_provider_send_async (HeraldProvider      *provider,
                          HeraldOutgoing      *outgoing,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  TestProvider *self = TEST_PROVIDER (provider);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  self->n_sends++;
  if (self->send_error != NULL)
    g_task_return_error (task, g_error_copy (self->send_error));
  else
    g_task_return_pointer (task, g_object_ref (self->send_report), g_object_unref);
}

static HeraldSendReport *
test_provider_send_finish (HeraldProvider  *provider,
                           GAsyncResult    *result,
                           GError         **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Answers from an idle, so that a caller that asked twice at once would
 * show as two requests in flight. */
static gboolean
answer_state (gpointer user_data)
{
  GTask *task = user_data;
  TestProvider *self = g_task_get_source_object (task);
  const char *message_id = g_task_get_task_data (task);
  StateAnswer *answer = g_hash_table_lookup (self->states, message_id);

  self->in_flight--;
  if (answer == NULL)
    g_task_return_error (task, herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_SERVER_ERROR,
                                                                   500, "not scripted"));
  else if (answer->error_code >= 0)
    g_task_return_error (task, herald_provider_error_new_for_code (answer->error_code, 0, NULL));
  else
    g_task_return_int (task, answer->state);
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static void
test_provider_get_state_async (HeraldProvider      *provider,
                               const char          *message_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  TestProvider *self = TEST_PROVIDER (provider);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_task_data (task, g_strdup (message_id), g_free);
  g_ptr_array_add (self->asked, g_strdup (message_id));
  self->in_flight++;
  self->max_in_flight = MAX (self->max_in_flight, self->in_flight);
  g_idle_add (answer_state, task);
}

static HeraldDeliveryState
test_provider_get_state_finish (HeraldProvider  *provider,
                                GAsyncResult    *result,
                                GError         **error)
{
  gssize state = g_task_propagate_int (G_TASK (result), error);

  return state < 0 ? HERALD_DELIVERY_UNKNOWN : (HeraldDeliveryState) state;
}

static void
test_provider_test_connection_async (HeraldProvider      *provider,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (provider, cancellable, callback, user_data);

  g_task_return_pointer (task, herald_connection_report_new (-1, NULL), g_object_unref);
}

static HeraldConnectionReport *
test_provider_test_connection_finish (HeraldProvider  *provider,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_provider_iface_init (HeraldProviderInterface *iface)
{
  iface->get_dialect = test_provider_get_dialect;
  iface->get_features = test_provider_get_features;
  iface->send_async = test_provider_send_async;
  iface->send_finish = test_provider_send_finish;
  iface->get_state_async = test_provider_get_state_async;
  iface->get_state_finish = test_provider_get_state_finish;
  iface->test_connection_async = test_provider_test_connection_async;
  iface->test_connection_finish = test_provider_test_connection_finish;
}

static void
script_state (TestProvider        *self,
              const char          *message_id,
              HeraldDeliveryState  state,
              int                  error_code)
{
  StateAnswer *answer = g_new0 (StateAnswer, 1);

  answer->state = state;
  answer->error_code = error_code;
  g_hash_table_replace (self->states, g_strdup (message_id), answer);
}

/* ---- helpers ------------------------------------------------------------- */

static HeraldDatabase *
open_database (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "herald", name, NULL);
  g_autoptr(GError) error = NULL;
  HeraldDatabase *db = herald_database_open (path, &error);

  g_assert_no_error (error);
  return db;
}

typedef struct
{
  const char *sql;
  const char *text1;
  const char *text2;
  gint64      int1;
} Exec;

static gboolean
exec_func (HeraldDatabase  *db,
           gpointer         user_data,
           GCancellable    *cancellable,
           GError         **error)
{
  Exec *exec = user_data;
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db, exec->sql, error);

  if (stmt == NULL)
    return FALSE;
  if (exec->text1 != NULL)
    sqlite3_bind_text (stmt, 1, exec->text1, -1, SQLITE_TRANSIENT);
  if (exec->text2 != NULL)
    sqlite3_bind_text (stmt, 2, exec->text2, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, exec->int1);
  return herald_database_step (db, stmt, error) == SQLITE_DONE;
}

/* Blocks: fine for a test on its own connection. */
static void
exec_sql (HeraldDatabase *db,
          const char     *sql,
          const char     *text1,
          const char     *text2,
          gint64          int1)
{
  Exec exec = { sql, text1, text2, int1 };
  g_autoptr(GError) error = NULL;

  g_assert_true (herald_database_run (db, exec_func, &exec, NULL, &error));
  g_assert_no_error (error);
}

static void
add_account (HeraldDatabase *db,
             const char     *id)
{
  exec_sql (db, "INSERT INTO accounts (id, name, name_key, dialect, created_at) "
                "VALUES (?1, ?2, ?2, 'flixysms', ?3)", id, id, 1700000000);
}

static gint64
usec (int year, int month, int day, int hour)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, 0, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

static void
set_sent_at (HeraldDatabase *db,
             const char     *message_id,
             gint64          sent_at)
{
  exec_sql (db, "UPDATE sent_messages SET sent_at = ?3 WHERE message_id = ?1", message_id, NULL, sent_at);
}

static GListModel *
list (HeraldMessageLog             *log,
      const char                   *account_id,
      const HeraldMessageLogFilter *filter,
      guint                         offset,
      guint                         limit)
{
  GAsyncResult *res = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  herald_message_log_list_async (log, account_id, filter, offset, limit, NULL, herald_test_async_done, &res);
  model = herald_message_log_list_finish (log, herald_test_wait (&res), &error);
  g_assert_no_error (error);
  g_assert_nonnull (model);
  g_assert_true (g_list_model_get_item_type (model) == HERALD_TYPE_LOGGED_MESSAGE);
  g_object_unref (res);

  return model;
}

/* The message ids of @model in order, joined by spaces ("-" for none). */
static char *
ids_of (GListModel *model)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HeraldLoggedMessage) message = g_list_model_get_item (model, i);
      const char *id = herald_logged_message_get_message_id (message);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", id != NULL ? id : "-");
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static HeraldLoggedMessage *
find (GListModel *model,
      const char *recipient)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HeraldLoggedMessage) message = g_list_model_get_item (model, i);

      if (g_strcmp0 (herald_logged_message_get_recipient (message), recipient) == 0)
        return message;   /* the model keeps its reference */
    }
  return NULL;
}

static HeraldSendReport *
send (HeraldMessageLog  *log,
      HeraldProvider    *provider,
      const char        *account_id,
      HeraldOutgoing    *outgoing,
      GError           **error)
{
  GAsyncResult *res = NULL;
  HeraldSendReport *report;

  herald_logged_send_async (log, provider, account_id, outgoing, NULL, herald_test_async_done, &res);
  report = herald_logged_send_finish (log, herald_test_wait (&res), error);
  g_object_unref (res);

  return report;
}

static gboolean
record (HeraldMessageLog  *log,
        const char        *account_id,
        HeraldOutgoing    *outgoing,
        HeraldSendReport  *report,
        GError           **error)
{
  GAsyncResult *res = NULL;
  gboolean ok;

  herald_logged_send_record_async (log, account_id, outgoing, report, NULL, herald_test_async_done, &res);
  ok = herald_logged_send_record_finish (log, herald_test_wait (&res), error);
  g_object_unref (res);

  return ok;
}

static guint
refresh (HeraldMessageLog  *log,
         HeraldProvider    *provider,
         const char        *account_id,
         guint              max_rows,
         GError           **error)
{
  GAsyncResult *res = NULL;
  guint changed;

  herald_delivery_refresh_async (log, provider, account_id, max_rows, NULL, herald_test_async_done, &res);
  changed = herald_delivery_refresh_finish (log, herald_test_wait (&res), error);
  g_object_unref (res);

  return changed;
}

/* Records queued rows with the given ids, one send each. */
static void
record_queued (HeraldMessageLog *log,
               const char       *account_id,
               const char       *text,
               const char       *recipient,
               const char       *message_id)
{
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new (text);
  g_autoptr(HeraldSendReport) report = herald_send_report_new ();
  g_autoptr(GError) error = NULL;

  herald_outgoing_add_recipient (outgoing, recipient);
  herald_send_report_add (report, recipient, recipient, HERALD_RECIPIENT_QUEUED, message_id, NULL);
  g_assert_true (record (log, account_id, outgoing, report, &error));
  g_assert_no_error (error);
}

/* ---- tests ---------------------------------------------------------------- */

static void
test_send_records_outcomes (void)
{
  g_autoptr(HeraldDatabase) db = open_database ("send.db");
  g_autoptr(HeraldMessageLog) log = herald_message_log_new (db);
  g_autoptr(TestProvider) provider = g_object_new (TEST_TYPE_PROVIDER, NULL);
  g_autofree char *long_text = g_strnfill (200, 'a');   /* GSM-7, two parts */
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new (long_text);
  g_autoptr(HeraldSendReport) sent = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  HeraldLoggedMessage *row;

  add_account (db, "acc-1");
  for (guint i = 0; i < 6; i++)
    herald_outgoing_add_recipient (outgoing, "whatever: the report decides");

  provider->send_report = herald_send_report_new ();
  herald_send_report_add (provider->send_report, "+49 151 11111111", "+4915111111111",
                          HERALD_RECIPIENT_QUEUED, "m-1", NULL);
  herald_send_report_add (provider->send_report, "0151 22222222", "+4915122222222",
                          HERALD_RECIPIENT_QUEUED, "m-2", NULL);
  herald_send_report_add (provider->send_report, "12", NULL,
                          HERALD_RECIPIENT_INVALID, NULL, "too-short");
  herald_send_report_add (provider->send_report, "+4915111111111", "+4915111111111",
                          HERALD_RECIPIENT_DUPLICATE, NULL, NULL);
  herald_send_report_add (provider->send_report, "+4915133333333", "+4915133333333",
                          HERALD_RECIPIENT_NOT_SENT, NULL, "No device was online.");
  herald_send_report_add (provider->send_report, "+4915144444444", "+4915144444444",
                          HERALD_RECIPIENT_FATE_UNKNOWN, NULL, "The connection broke.");

  sent = send (log, HERALD_PROVIDER (provider), "acc-1", outgoing, &error);
  g_assert_no_error (error);
  g_assert_true (sent == provider->send_report);
  g_assert_cmpuint (provider->n_sends, ==, 1);

  /* The rows exist when send_finish returns: no waiting here. */
  rows = list (log, "acc-1", NULL, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  g_assert_null (find (rows, "12"));

  row = find (rows, "+4915111111111");
  g_assert_nonnull (row);
  g_assert_cmpstr (herald_logged_message_get_message_id (row), ==, "m-1");
  g_assert_cmpint (herald_logged_message_get_state (row), ==, HERALD_DELIVERY_QUEUED);
  g_assert_null (herald_logged_message_get_error (row));
  g_assert_cmpuint (herald_logged_message_get_parts (row), ==, 2);
  g_assert_cmpstr (herald_logged_message_get_text (row), ==, long_text);
  g_assert_cmpstr (herald_logged_message_get_account_id (row), ==, "acc-1");
  g_assert_cmpint (herald_logged_message_get_row_id (row), >, 0);
  g_assert_cmpint (g_date_time_compare (herald_logged_message_get_sent_at (row), before), >=, 0);
  g_assert_true (g_date_time_equal (herald_logged_message_get_sent_at (row),
                                    herald_logged_message_get_updated_at (row)));

  row = find (rows, "+4915122222222");
  g_assert_nonnull (row);
  g_assert_cmpstr (herald_logged_message_get_message_id (row), ==, "m-2");

  row = find (rows, "+4915133333333");
  g_assert_nonnull (row);
  g_assert_cmpint (herald_logged_message_get_state (row), ==, HERALD_DELIVERY_FAILED);
  g_assert_cmpstr (herald_logged_message_get_error (row), ==, "No device was online.");
  g_assert_null (herald_logged_message_get_message_id (row));

  row = find (rows, "+4915144444444");
  g_assert_nonnull (row);
  g_assert_cmpint (herald_logged_message_get_state (row), ==, HERALD_DELIVERY_UNKNOWN);
  g_assert_cmpstr (herald_logged_message_get_error (row), ==, "The connection broke.");

  /* The properties say the same as the getters. */
  {
    g_autofree char *recipient = NULL;
    HeraldDeliveryState state;
    guint parts;

    g_object_get (row, "recipient", &recipient, "state", &state, "parts", &parts, NULL);
    g_assert_cmpstr (recipient, ==, "+4915144444444");
    g_assert_cmpint (state, ==, HERALD_DELIVERY_UNKNOWN);
    g_assert_cmpuint (parts, ==, 2);
  }
}

static void
test_send_fate_unknown_recorded (void)
{
  g_autoptr(HeraldDatabase) db = open_database ("fate.db");
  g_autoptr(HeraldMessageLog) log = herald_message_log_new (db);
  g_autoptr(TestProvider) provider = g_object_new (TEST_TYPE_PROVIDER, NULL);
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new ("Hello");
  g_autoptr(HeraldSendReport) sent = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  HeraldLoggedMessage *row;

  add_account (db, "acc-1");
  herald_outgoing_add_recipient (outgoing, "+4915111111111");
  herald_outgoing_add_recipient (outgoing, " +49 151 22222222 ");
  herald_outgoing_add_recipient (outgoing, "+49151 11111111");   /* the first again */
  herald_outgoing_add_recipient (outgoing, "0151 3333");         /* no region: kept as typed */
  provider->send_error = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_FATE_UNKNOWN, 0, NULL);

  sent = send (log, HERALD_PROVIDER (provider), "acc-1", outgoing, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  g_assert_null (sent);

  rows = list (log, "acc-1", NULL, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HeraldLoggedMessage) message = g_list_model_get_item (rows, i);

      g_assert_cmpint (herald_logged_message_get_state (message), ==, HERALD_DELIVERY_UNKNOWN);
      g_assert_cmpstr (herald_logged_message_get_error (message), ==, error->message);
      g_assert_cmpuint (herald_logged_message_get_parts (message), ==, 1);
    }
  g_assert_nonnull (find (rows, "+4915111111111"));
  g_assert_nonnull (find (rows, "+4915122222222"));
  row = find (rows, "0151 3333");
  g_assert_nonnull (row);
  g_assert_null (herald_logged_message_get_message_id (row));
}

static void
test_send_failure_not_recorded (void)
{
  const HeraldProviderErrorCode codes[] = {
    HERALD_PROVIDER_ERROR_UNAUTHORIZED,
    HERALD_PROVIDER_ERROR_INVALID_INPUT,
    HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED,
  };
  g_autoptr(HeraldDatabase) db = open_database ("failure.db");
  g_autoptr(HeraldMessageLog) log = herald_message_log_new (db);
  g_autoptr(TestProvider) provider = g_object_new (TEST_TYPE_PROVIDER, NULL);
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new ("Hello");
  g_autoptr(GListModel) rows = NULL;

  add_account (db, "acc-1");
  herald_outgoing_add_recipient (outgoing, "+4915111111111");

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(HeraldSendReport) sent = NULL;
      g_autoptr(GError) error = NULL;

      g_clear_error (&provider->send_error);
      provider->send_error = herald_provider_error_new_for_code (codes[i], 0, NULL);
      sent = send (log, HERALD_PROVIDER (provider), "acc-1", outgoing, &error);
      g_assert_error (error, HERALD_PROVIDER_ERROR, (int) codes[i]);
      g_assert_null (sent);
    }

  rows = list (log, NULL, NULL, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
}

static void
test_record_unknown_account (void)
{
  g_autoptr(HeraldDatabase) db = open_database ("no-account.db");
  g_autoptr(HeraldMessageLog) log = herald_message_log_new (db);
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new ("Hello");
  g_autoptr(HeraldSendReport) report = herald_send_report_new ();
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;

  herald_send_report_add (report, "+4915111111111", "+4915111111111", HERALD_RECIPIENT_QUEUED, "m-1", NULL);
  g_assert_false (record (log, "nobody", outgoing, report, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nobody"));

  rows = list (log, NULL, NULL, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
}

static void
test_list_filters_and_pages (void)
{
  g_autoptr(HeraldDatabase) db = open_database ("list.db");
  g_autoptr(HeraldMessageLog) log = herald_message_log_new (db);
  g_autoptr(GDateTime) since = g_date_time_new_utc (2026, 3, 2, 0, 0, 0);
  g_autoptr(GDateTime) until = g_date_time_new_utc (2026, 3, 4, 0, 0, 0);
  GListModel *rows;
  char *ids;

  add_account (db, "acc-1");
  add_account (db, "acc-2");
  /* a1..a5 a day apart at midnight, a5 newest; b1 on the other account. */
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *number = g_strdup_printf ("+491511111111%u", i % 2);

      record_queued (log, "acc-1", "Hello", number, id);
      set_sent_at (db, id, usec (2026, 3, i, 0));
    }
  record_queued (log, "acc-2", "Hi", "+4915199999999", "b1");
  set_sent_at (db, "b1", usec (2026, 3, 3, 12));
  exec_sql (db, "UPDATE sent_messages SET state = 'delivered' WHERE message_id IN (?1, ?2)", "a2", "a5", 0);

#define CHECK_IDS(model, expected) \
  G_STMT_START { \
    rows = (model); \
    ids = ids_of (rows); \
    g_assert_cmpstr (ids, ==, (expected)); \
    g_free (ids); \
    g_object_unref (rows); \
  } G_STMT_END

  CHECK_IDS (list (log, "acc-1", NULL, 0, 0), "a5 a4 a3 a2 a1");
  CHECK_IDS (list (log, NULL, NULL, 0, 0), "a5 a4 b1 a3 a2 a1");
  CHECK_IDS (list (log, "acc-2", NULL, 0, 0), "b1");
  CHECK_IDS (list (log, "acc-3", NULL, 0, 0), "");

  /* Paging. */
  CHECK_IDS (list (log, "acc-1", NULL, 0, 2), "a5 a4");
  CHECK_IDS (list (log, "acc-1", NULL, 2, 2), "a3 a2");
  CHECK_IDS (list (log, "acc-1", NULL, 4, 2), "a1");
  CHECK_IDS (list (log, "acc-1", NULL, 5, 2), "");
  CHECK_IDS (list (log, "acc-1", NULL, 3, 0), "a2 a1");

  {
    HeraldMessageLogFilter filter = { .state = HERALD_DELIVERY_DELIVERED };
    CHECK_IDS (list (log, "acc-1", &filter, 0, 0), "a5 a2");
    filter.state = HERALD_DELIVERY_QUEUED;
    CHECK_IDS (list (log, "acc-1", &filter, 0, 0), "a4 a3 a1");
    CHECK_IDS (list (log, "acc-1", &filter, 1, 1), "a3");
  }
  {
    /* Both bounds inclusive. */
    HeraldMessageLogFilter filter = { .since = since, .until = until };
    CHECK_IDS (list (log, "acc-1", &filter, 0, 0), "a4 a3 a2");
    CHECK_IDS (list (log, NULL, &filter, 0, 0), "a4 b1 a3 a2");
    filter.until = NULL;
    CHECK_IDS (list (log, "acc-1", &filter, 0, 0), "a5 a4 a3 a2");
    filter.since = NULL;
    filter.until = until;
    CHECK_IDS (list (log, "acc-1", &filter, 0, 0), "a4 a3 a2 a1");
  }
  {
    HeraldMessageLogFilter filter = { .recipient = "+4915111111110" };
    CHECK_IDS (list (log, "acc-1", &filter, 0, 0), "a4 a2");
    filter.state = HERALD_DELIVERY_DELIVERED;
    CHECK_IDS (list (log, "acc-1", &filter, 0, 0), "a2");
  }

  /* Rows of one instant: the later row first. */
  record_queued (log, "acc-2", "Hi", "+4915199999990", "b2");
  record_queued (log, "acc-2", "Hi", "+4915199999991", "b3");
  set_sent_at (db, "b2", usec (2026, 3, 3, 12));
  set_sent_at (db, "b3", usec (2026, 3, 3, 12));
  CHECK_IDS (list (log, "acc-2", NULL, 0, 0), "b3 b2 b1");

#undef CHECK_IDS
}

static void
test_refresh (void)
{
  g_autoptr(HeraldDatabase) db = open_database ("refresh.db");
  g_autoptr(HeraldMessageLog) log = herald_message_log_new (db);
  g_autoptr(TestProvider) provider = g_object_new (TEST_TYPE_PROVIDER, NULL);
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *asked = NULL;
  char *ids;

  add_account (db, "acc-1");
  add_account (db, "acc-2");
  record_queued (log, "acc-1", "Hello", "+4915111111101", "m1");
  record_queued (log, "acc-1", "Hello", "+4915111111102", "m2");
  record_queued (log, "acc-1", "Hello", "+4915111111103", "m3");
  record_queued (log, "acc-1", "Hello", "+4915111111104", "m4");
  record_queued (log, "acc-1", "Hello", "+4915111111105", "m5");
  record_queued (log, "acc-1", "Hello", "+4915111111106", "m6");
  record_queued (log, "acc-2", "Hello", "+4915111111107", "other");
  for (guint i = 1; i <= 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i);

      set_sent_at (db, id, usec (2026, 3, i, 0));
    }
  /* m5: fate unknown, with an error; m6: final already. */
  exec_sql (db, "UPDATE sent_messages SET state = 'unknown', error = 'broke' WHERE message_id = ?1", "m5", NULL, 0);
  exec_sql (db, "UPDATE sent_messages SET state = 'failed' WHERE message_id = ?1", "m6", NULL, 0);

  script_state (provider, "m1", HERALD_DELIVERY_DELIVERED, -1);
  script_state (provider, "m2", HERALD_DELIVERY_QUEUED, HERALD_PROVIDER_ERROR_NOT_FOUND);
  script_state (provider, "m3", HERALD_DELIVERY_SENT, -1);
  script_state (provider, "m4", HERALD_DELIVERY_QUEUED, -1);     /* no change */
  script_state (provider, "m5", HERALD_DELIVERY_FAILED, -1);

  g_assert_cmpuint (refresh (log, HERALD_PROVIDER (provider), "acc-1", 0, &error), ==, 3);
  g_assert_no_error (error);
  g_ptr_array_add (provider->asked, NULL);
  asked = g_strjoinv (" ", (char **) provider->asked->pdata);
  g_ptr_array_remove_index (provider->asked, provider->asked->len - 1);
  /* Newest first; never the final row or another account's. */
  g_assert_cmpstr (asked, ==, "m5 m4 m3 m2 m1");
  g_assert_cmpuint (provider->max_in_flight, ==, 1);

  rows = list (log, "acc-1", NULL, 0, 0);
  g_assert_cmpint (herald_logged_message_get_state (find (rows, "+4915111111101")), ==, HERALD_DELIVERY_DELIVERED);
  g_assert_cmpint (herald_logged_message_get_state (find (rows, "+4915111111102")), ==, HERALD_DELIVERY_QUEUED);
  g_assert_cmpint (herald_logged_message_get_state (find (rows, "+4915111111103")), ==, HERALD_DELIVERY_SENT);
  g_assert_cmpint (herald_logged_message_get_state (find (rows, "+4915111111104")), ==, HERALD_DELIVERY_QUEUED);
  g_assert_cmpint (herald_logged_message_get_state (find (rows, "+4915111111105")), ==, HERALD_DELIVERY_FAILED);
  /* The fate is known now: the old error is gone. */
  g_assert_null (herald_logged_message_get_error (find (rows, "+4915111111105")));
  g_assert_cmpint (g_date_time_compare (herald_logged_message_get_updated_at (find (rows, "+4915111111101")),
                                        herald_logged_message_get_sent_at (find (rows, "+4915111111101"))), >, 0);
  g_clear_object (&rows);

  /* Again: only the rows still open are asked; m3 moves on. */
  g_ptr_array_set_size (provider->asked, 0);
  script_state (provider, "m3", HERALD_DELIVERY_DELIVERED, -1);
  g_assert_cmpuint (refresh (log, HERALD_PROVIDER (provider), "acc-1", 0, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (provider->asked->len, ==, 3);   /* m4 m3 m2 */

  /* max_rows: the newest open row only. */
  g_ptr_array_set_size (provider->asked, 0);
  g_assert_cmpuint (refresh (log, HERALD_PROVIDER (provider), "acc-1", 1, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (provider->asked->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (provider->asked, 0), ==, "m4");

  rows = list (log, "acc-1", NULL, 0, 0);
  ids = ids_of (rows);
  g_assert_cmpstr (ids, ==, "m6 m5 m4 m3 m2 m1");
  g_free (ids);
}

static void
test_refresh_error_stops (void)
{
  g_autoptr(HeraldDatabase) db = open_database ("refresh-error.db");
  g_autoptr(HeraldMessageLog) log = herald_message_log_new (db);
  g_autoptr(TestProvider) provider = g_object_new (TEST_TYPE_PROVIDER, NULL);
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;

  add_account (db, "acc-1");
  record_queued (log, "acc-1", "Hello", "+4915111111101", "old");
  record_queued (log, "acc-1", "Hello", "+4915111111102", "middle");
  record_queued (log, "acc-1", "Hello", "+4915111111103", "new");
  set_sent_at (db, "old", usec (2026, 3, 1, 0));
  set_sent_at (db, "middle", usec (2026, 3, 2, 0));
  set_sent_at (db, "new", usec (2026, 3, 3, 0));

  script_state (provider, "new", HERALD_DELIVERY_DELIVERED, -1);
  script_state (provider, "middle", HERALD_DELIVERY_QUEUED, HERALD_PROVIDER_ERROR_RATE_LIMITED);
  script_state (provider, "old", HERALD_DELIVERY_DELIVERED, -1);

  g_assert_cmpuint (refresh (log, HERALD_PROVIDER (provider), "acc-1", 0, &error), ==, 0);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_RATE_LIMITED);
  /* Stopped at the error: the oldest was not asked… */
  g_assert_cmpuint (provider->asked->len, ==, 2);
  /* …and the answer before the error was kept. */
  rows = list (log, "acc-1", NULL, 0, 0);
  g_assert_cmpint (herald_logged_message_get_state (find (rows, "+4915111111103")), ==, HERALD_DELIVERY_DELIVERED);
  g_assert_cmpint (herald_logged_message_get_state (find (rows, "+4915111111102")), ==, HERALD_DELIVERY_QUEUED);
  g_assert_cmpint (herald_logged_message_get_state (find (rows, "+4915111111101")), ==, HERALD_DELIVERY_QUEUED);
}

static void
test_rows_survive_reopen (void)
{
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(HeraldDatabase) db = NULL;
  g_autoptr(HeraldMessageLog) log = NULL;
  HeraldLoggedMessage *row;

  {
    g_autoptr(HeraldDatabase) first = open_database ("reopen.db");
    g_autoptr(HeraldMessageLog) first_log = herald_message_log_new (first);

    add_account (first, "acc-1");
    record_queued (first_log, "acc-1", "Grüße", "+4915111111101", "m1");
  }

  db = open_database ("reopen.db");
  log = herald_message_log_new (db);
  rows = list (log, "acc-1", NULL, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  row = find (rows, "+4915111111101");
  g_assert_nonnull (row);
  g_assert_cmpstr (herald_logged_message_get_text (row), ==, "Grüße");
  g_assert_cmpstr (herald_logged_message_get_message_id (row), ==, "m1");
  g_assert_cmpint (herald_logged_message_get_state (row), ==, HERALD_DELIVERY_QUEUED);
}

static void
test_account_removal_removes_rows (void)
{
  g_autoptr(HeraldDatabase) db = open_database ("cascade.db");
  g_autoptr(HeraldMessageLog) log = herald_message_log_new (db);
  g_autoptr(GListModel) rows = NULL;

  add_account (db, "acc-1");
  add_account (db, "acc-2");
  record_queued (log, "acc-1", "Hello", "+4915111111101", "m1");
  record_queued (log, "acc-1", "Hello", "+4915111111102", "m2");
  record_queued (log, "acc-2", "Hello", "+4915111111103", "m3");

  /* The statement HeraldAccountStore runs to remove an account. */
  exec_sql (db, "DELETE FROM accounts WHERE id = ?1", "acc-1", NULL, 0);

  rows = list (log, NULL, NULL, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  g_assert_nonnull (find (rows, "+4915111111103"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/message-log/send-records-outcomes", test_send_records_outcomes);
  g_test_add_func ("/message-log/send-fate-unknown-recorded", test_send_fate_unknown_recorded);
  g_test_add_func ("/message-log/send-failure-not-recorded", test_send_failure_not_recorded);
  g_test_add_func ("/message-log/record-unknown-account", test_record_unknown_account);
  g_test_add_func ("/message-log/list-filters-and-pages", test_list_filters_and_pages);
  g_test_add_func ("/message-log/refresh", test_refresh);
  g_test_add_func ("/message-log/refresh-error-stops", test_refresh_error_stops);
  g_test_add_func ("/message-log/rows-survive-reopen", test_rows_survive_reopen);
  g_test_add_func ("/message-log/account-removal-removes-rows", test_account_removal_removes_rows);

  return g_test_run ();
}
