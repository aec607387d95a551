/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "herald-core.h"
#include "net/herald-provider-error.h"

#include <glib/gstdio.h>

/* ---- a provider with scripted answers, no network ---------------------- */

typedef enum
{
  ANSWER_ACCEPT,      /* every recipient QUEUED with an id */
  ANSWER_ERROR,       /* the request fails as a whole */
  ANSWER_HOLD,        /* accepted, but only when the test releases it */
} AnswerKind;

typedef struct
{
  AnswerKind               kind;
  HeraldProviderErrorCode  code;
} Answer;

#define TEST_TYPE_SCRIPTED_PROVIDER (test_scripted_provider_get_type ())
G_DECLARE_FINAL_TYPE (TestScriptedProvider, test_scripted_provider, TEST, SCRIPTED_PROVIDER, GObject)

struct _TestScriptedProvider
{
  GObject    parent_instance;

  GArray    *script;      /* of Answer, consumed from the front; empty: accept */
  GPtrArray *requests;    /* of GStrv: the recipients of each request */
  GTask     *held;        /* a request waiting for release */
  guint      next_id;
};

static void test_scripted_provider_iface_init (HeraldProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestScriptedProvider, test_scripted_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (HERALD_TYPE_PROVIDER, test_scripted_provider_iface_init))

static HeraldDialect
scripted_get_dialect (HeraldProvider *provider)
{
  return HERALD_DIALECT_FLASHSMS;
}

static HeraldProviderFeatures
scripted_get_features (HeraldProvider *provider)
{
  return HERALD_PROVIDER_FEATURE_BALANCE | HERALD_PROVIDER_FEATURE_SENDER_ID;
}

static HeraldSendReport *
accept_all (TestScriptedProvider *self,
            HeraldOutgoing       *outgoing)
{
  HeraldSendReport *report = herald_send_report_new ();
  const char * const *recipients = herald_outgoing_get_recipients (outgoing);
  guint n = herald_outgoing_get_n_recipients (outgoing);
  g_autofree char *request_id = g_strdup_printf ("req-%u", self->requests->len);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("msg-%u", ++self->next_id);

      herald_send_report_add (report, recipients[i], recipients[i], HERALD_RECIPIENT_QUEUED, id, NULL);
    }
  herald_send_report_add_message_id (report, request_id);
  herald_send_report_set_credits (report, n, 1000 - self->next_id);

  return report;
}

static gboolean
answer_later (gpointer data)
{
  GTask *task = data;
  Answer *answer = g_task_get_task_data (task);
  TestScriptedProvider *self = g_task_get_source_object (task);

  if (answer->kind == ANSWER_ERROR)
    {
      GError *error = herald_provider_error_new_for_code (answer->code, 402, NULL);

      if (answer->code == HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED)
        herald_provider_error_set_credits (error, 100, 3);
      g_task_return_error (task, error);
    }
  else
    {
      g_task_return_pointer (task, accept_all (self, g_object_get_data (G_OBJECT (task), "outgoing")),
                             g_object_unref);
    }
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static void
scripted_send_async (HeraldProvider      *provider,
                     HeraldOutgoing      *outgoing,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  TestScriptedProvider *self = TEST_SCRIPTED_PROVIDER (provider);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Answer *answer = g_new0 (Answer, 1);
  GStrvBuilder *builder = g_strv_builder_new ();

  g_strv_builder_addv (builder, (const char **) herald_outgoing_get_recipients (outgoing));
  g_ptr_array_add (self->requests, g_strv_builder_end (builder));
  g_strv_builder_unref (builder);

  if (self->script->len > 0)
    {
      *answer = g_array_index (self->script, Answer, 0);
      g_array_remove_index (self->script, 0);
    }
  g_task_set_task_data (task, answer, g_free);
  g_object_set_data_full (G_OBJECT (task), "outgoing", herald_outgoing_ref (outgoing),
                          (GDestroyNotify) herald_outgoing_unref);

  if (answer->kind == ANSWER_HOLD)
    self->held = task;
  else
    g_idle_add (answer_later, task);
}

static HeraldSendReport *
scripted_send_finish (HeraldProvider  *provider,
                      GAsyncResult    *result,
                      GError         **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_scripted_provider_iface_init (HeraldProviderInterface *iface)
{
  iface->get_dialect = scripted_get_dialect;
  iface->get_features = scripted_get_features;
  iface->send_async = scripted_send_async;
  iface->send_finish = scripted_send_finish;
}

static void
test_scripted_provider_finalize (GObject *object)
{
  TestScriptedProvider *self = TEST_SCRIPTED_PROVIDER (object);

  g_assert_null (self->held);
  g_array_unref (self->script);
  g_ptr_array_unref (self->requests);

  G_OBJECT_CLASS (test_scripted_provider_parent_class)->finalize (object);
}

static void
test_scripted_provider_class_init (TestScriptedProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_scripted_provider_finalize;
}

static void
test_scripted_provider_init (TestScriptedProvider *self)
{
  self->script = g_array_new (FALSE, FALSE, sizeof (Answer));
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

static void
script (TestScriptedProvider    *self,
        AnswerKind               kind,
        HeraldProviderErrorCode  code)
{
  Answer answer = { kind, code };

  g_array_append_val (self->script, answer);
}

static void
release_held (TestScriptedProvider *self)
{
  GTask *task = g_steal_pointer (&self->held);

  g_assert_nonnull (task);
  answer_later (task);
}

/* ---- helpers -------------------------------------------------------------- */

static HeraldOutgoing *
outgoing_with (guint n)
{
  HeraldOutgoing *outgoing = herald_outgoing_new ("Hello");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("+2332412%05u", i);

      herald_outgoing_add_recipient (outgoing, number);
    }
  herald_outgoing_set_sender_id (outgoing, "HERALD");

  return outgoing;
}

typedef struct
{
  HeraldSendReport *report;
  GError           *error;
  gboolean          done;
  GArray           *sent_seen;     /* of guint: "sent" at each notify */
  GArray           *fraction_seen; /* of double */
  GCancellable     *cancel_after_first;
} Run;

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;

  run->report = herald_send_job_run_finish (HERALD_SEND_JOB (object), result, &run->error);
  run->done = TRUE;
}

static void
sent_notify_cb (HeraldSendJob *job,
                GParamSpec    *pspec,
                Run           *run)
{
  guint sent = herald_send_job_get_sent (job);
  double fraction = herald_send_job_get_fraction (job);

  g_array_append_val (run->sent_seen, sent);
  g_array_append_val (run->fraction_seen, fraction);
  if (run->cancel_after_first != NULL)
    g_cancellable_cancel (run->cancel_after_first);
}

static void
run_clear (Run *run)
{
  g_clear_object (&run->report);
  g_clear_error (&run->error);
  g_clear_pointer (&run->sent_seen, g_array_unref);
  g_clear_pointer (&run->fraction_seen, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
wait_until (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!*flag)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
start (HeraldSendJob *job,
       Run           *run,
       GCancellable  *cancellable)
{
  run->sent_seen = g_array_new (FALSE, FALSE, sizeof (guint));
  run->fraction_seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (job, "notify::sent", G_CALLBACK (sent_notify_cb), run);
  herald_send_job_run_async (job, cancellable, run_done_cb, run);
}

/* ---- tests ---------------------------------------------------------------- */

static void
test_chunks_and_progress (void)
{
  g_autoptr(TestScriptedProvider) provider = g_object_new (TEST_TYPE_SCRIPTED_PROVIDER, NULL);
  g_autoptr(HeraldOutgoing) outgoing = outgoing_with (250);
  g_autoptr(HeraldSendJob) job = herald_send_job_new (HERALD_PROVIDER (provider), NULL, "acc", outgoing, 100);
  g_auto(Run) run = { 0, };
  const char * const *ids;
  guint running_changes = 0;

  g_signal_connect_swapped (job, "notify::running", G_CALLBACK (g_atomic_int_inc), &running_changes);
  g_assert_cmpuint (herald_send_job_get_total (job), ==, 250);
  g_assert_cmpuint (herald_send_job_get_chunk_size (job), ==, 100);
  start (job, &run, NULL);
  g_assert_true (herald_send_job_get_running (job));
  wait_until (&run.done);

  g_assert_no_error (run.error);
  g_assert_false (herald_send_job_get_running (job));
  g_assert_cmpuint (running_changes, ==, 2);

  /* Three requests of 100, 100 and 50, in order, the extras carried on. */
  g_assert_cmpuint (provider->requests->len, ==, 3);
  g_assert_cmpuint (g_strv_length (provider->requests->pdata[0]), ==, 100);
  g_assert_cmpuint (g_strv_length (provider->requests->pdata[1]), ==, 100);
  g_assert_cmpuint (g_strv_length (provider->requests->pdata[2]), ==, 50);
  g_assert_cmpstr (((char **) provider->requests->pdata[1])[0], ==, "+233241200100");

  g_assert_cmpuint (run.sent_seen->len, ==, 3);
  g_assert_cmpuint (g_array_index (run.sent_seen, guint, 0), ==, 100);
  g_assert_cmpuint (g_array_index (run.sent_seen, guint, 1), ==, 200);
  g_assert_cmpuint (g_array_index (run.sent_seen, guint, 2), ==, 250);
  g_assert_cmpfloat_with_epsilon (g_array_index (run.fraction_seen, double, 0), 0.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (herald_send_job_get_fraction (job), 1.0, 1e-9);

  /* One merged report: every recipient in order, ids of all requests. */
  g_assert_cmpuint (herald_send_report_get_n_recipients (run.report), ==, 250);
  g_assert_cmpuint (herald_send_report_count (run.report, HERALD_RECIPIENT_QUEUED), ==, 250);
  g_assert_cmpstr (herald_send_report_get_input (run.report, 249), ==, "+233241200249");
  g_assert_cmpstr (herald_send_report_get_recipient_message_id (run.report, 249), ==, "msg-250");
  ids = herald_send_report_get_message_ids (run.report);
  g_assert_true (g_strv_contains (ids, "req-1"));
  g_assert_true (g_strv_contains (ids, "req-3"));
  g_assert_true (g_strv_contains (ids, "msg-1"));
  g_assert_cmpint (herald_send_report_get_credits_used (run.report), ==, 250);
  g_assert_cmpint (herald_send_report_get_balance_after (run.report), ==, 750);
  g_assert_null (herald_send_report_get_error (run.report));
}

static void
test_duplicates_sent_once (void)
{
  g_autoptr(TestScriptedProvider) provider = g_object_new (TEST_TYPE_SCRIPTED_PROVIDER, NULL);
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new ("Hi");
  g_autoptr(HeraldSendJob) job = NULL;
  g_auto(Run) run = { 0, };

  herald_outgoing_add_recipient (outgoing, "+233241234567");
  herald_outgoing_add_recipient (outgoing, "+233201234567");
  herald_outgoing_add_recipient (outgoing, "+233241234567");
  job = herald_send_job_new (HERALD_PROVIDER (provider), NULL, "acc", outgoing, 1);
  g_assert_cmpuint (herald_send_job_get_total (job), ==, 2);
  start (job, &run, NULL);
  wait_until (&run.done);

  g_assert_no_error (run.error);
  g_assert_cmpuint (provider->requests->len, ==, 2);
  g_assert_cmpuint (herald_send_report_get_n_recipients (run.report), ==, 3);
  g_assert_cmpint (herald_send_report_get_outcome (run.report, 2), ==, HERALD_RECIPIENT_DUPLICATE);
  g_assert_cmpstr (herald_send_report_get_number (run.report, 2), ==, "+233241234567");
  g_assert_cmpint (herald_send_report_get_outcome (run.report, 1), ==, HERALD_RECIPIENT_QUEUED);
}

static void
test_cancel_between_chunks (void)
{
  g_autoptr(TestScriptedProvider) provider = g_object_new (TEST_TYPE_SCRIPTED_PROVIDER, NULL);
  g_autoptr(HeraldOutgoing) outgoing = outgoing_with (25);
  g_autoptr(HeraldSendJob) job = herald_send_job_new (HERALD_PROVIDER (provider), NULL, "acc", outgoing, 10);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(Run) run = { 0, };
  const GError *error;

  run.cancel_after_first = cancellable;
  start (job, &run, cancellable);
  wait_until (&run.done);

  /* The first chunk went out and is reported; nothing after it. */
  g_assert_no_error (run.error);
  g_assert_cmpuint (provider->requests->len, ==, 1);
  g_assert_cmpuint (herald_send_job_get_sent (job), ==, 10);
  g_assert_cmpuint (herald_send_report_count (run.report, HERALD_RECIPIENT_QUEUED), ==, 10);
  g_assert_cmpuint (herald_send_report_count (run.report, HERALD_RECIPIENT_NOT_SENT), ==, 15);
  g_assert_cmpint (herald_send_report_get_outcome (run.report, 10), ==, HERALD_RECIPIENT_NOT_SENT);
  g_assert_nonnull (herald_send_report_get_reason (run.report, 10));
  error = herald_send_report_get_error (run.report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (herald_send_job_get_running (job));
}

static void
test_cancel_chunk_in_flight_reported (void)
{
  g_autoptr(TestScriptedProvider) provider = g_object_new (TEST_TYPE_SCRIPTED_PROVIDER, NULL);
  g_autoptr(HeraldOutgoing) outgoing = outgoing_with (20);
  g_autoptr(HeraldSendJob) job = herald_send_job_new (HERALD_PROVIDER (provider), NULL, "acc", outgoing, 10);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(Run) run = { 0, };

  script (provider, ANSWER_HOLD, 0);
  start (job, &run, cancellable);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_nonnull (provider->held);

  /* Stopping while the request is out does not abandon it. */
  g_cancellable_cancel (cancellable);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (run.done);
  g_assert_true (herald_send_job_get_running (job));

  release_held (provider);
  wait_until (&run.done);
  g_assert_no_error (run.error);
  g_assert_cmpuint (provider->requests->len, ==, 1);
  g_assert_cmpuint (herald_send_report_count (run.report, HERALD_RECIPIENT_QUEUED), ==, 10);
  g_assert_cmpuint (herald_send_report_count (run.report, HERALD_RECIPIENT_NOT_SENT), ==, 10);
  g_assert_error (herald_send_report_get_error (run.report), G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_chunk_error_midway (void)
{
  g_autoptr(TestScriptedProvider) provider = g_object_new (TEST_TYPE_SCRIPTED_PROVIDER, NULL);
  g_autoptr(HeraldOutgoing) outgoing = outgoing_with (30);
  g_autoptr(HeraldSendJob) job = herald_send_job_new (HERALD_PROVIDER (provider), NULL, "acc", outgoing, 10);
  g_auto(Run) run = { 0, };
  const GError *error;

  script (provider, ANSWER_ACCEPT, 0);
  script (provider, ANSWER_ERROR, HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED);
  start (job, &run, NULL);
  wait_until (&run.done);

  /* The first chunk was accepted, so this is a report, not a failure. */
  g_assert_no_error (run.error);
  g_assert_cmpuint (provider->requests->len, ==, 2);
  g_assert_cmpuint (herald_send_report_count (run.report, HERALD_RECIPIENT_QUEUED), ==, 10);
  g_assert_cmpuint (herald_send_report_count (run.report, HERALD_RECIPIENT_NOT_SENT), ==, 20);
  error = herald_send_report_get_error (run.report);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED);
  g_assert_cmpint (herald_provider_error_get_credits_needed (error), ==, 100);
  g_assert_cmpstr (herald_send_report_get_reason (run.report, 15), ==, error->message);
  g_assert_cmpint (herald_send_report_get_credits_used (run.report), ==, 10);
}

static void
test_fate_unknown_chunk (void)
{
  g_autoptr(TestScriptedProvider) provider = g_object_new (TEST_TYPE_SCRIPTED_PROVIDER, NULL);
  g_autoptr(HeraldOutgoing) outgoing = outgoing_with (20);
  g_autoptr(HeraldSendJob) job = herald_send_job_new (HERALD_PROVIDER (provider), NULL, "acc", outgoing, 10);
  g_auto(Run) run = { 0, };

  script (provider, ANSWER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  start (job, &run, NULL);
  wait_until (&run.done);

  /* Maybe accepted: a report (so nobody resends blindly), and a stop. */
  g_assert_no_error (run.error);
  g_assert_cmpuint (provider->requests->len, ==, 1);
  g_assert_cmpuint (herald_send_report_count (run.report, HERALD_RECIPIENT_FATE_UNKNOWN), ==, 10);
  g_assert_cmpuint (herald_send_report_count (run.report, HERALD_RECIPIENT_NOT_SENT), ==, 10);
  g_assert_error (herald_send_report_get_error (run.report), HERALD_PROVIDER_ERROR,
                  HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
}

static void
test_first_chunk_refused (void)
{
  g_autoptr(TestScriptedProvider) provider = g_object_new (TEST_TYPE_SCRIPTED_PROVIDER, NULL);
  g_autoptr(HeraldOutgoing) outgoing = outgoing_with (30);
  g_autoptr(HeraldSendJob) job = herald_send_job_new (HERALD_PROVIDER (provider), NULL, "acc", outgoing, 10);
  g_auto(Run) run = { 0, };

  script (provider, ANSWER_ERROR, HERALD_PROVIDER_ERROR_UNAUTHORIZED);
  start (job, &run, NULL);
  wait_until (&run.done);

  /* Nothing accepted: the error itself, and no further request. */
  g_assert_error (run.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_UNAUTHORIZED);
  g_assert_null (run.report);
  g_assert_cmpuint (provider->requests->len, ==, 1);
}

static void
test_invalid_chunk_skipped (void)
{
  g_autoptr(TestScriptedProvider) provider = g_object_new (TEST_TYPE_SCRIPTED_PROVIDER, NULL);
  g_autoptr(HeraldOutgoing) outgoing = outgoing_with (30);
  g_autoptr(HeraldSendJob) job = herald_send_job_new (HERALD_PROVIDER (provider), NULL, "acc", outgoing, 10);
  g_auto(Run) run = { 0, };

  script (provider, ANSWER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  start (job, &run, NULL);
  wait_until (&run.done);

  /* A chunk with nothing usable does not stop the others. */
  g_assert_no_error (run.error);
  g_assert_cmpuint (provider->requests->len, ==, 3);
  g_assert_cmpuint (herald_send_report_count (run.report, HERALD_RECIPIENT_NOT_SENT), ==, 10);
  g_assert_cmpuint (herald_send_report_count (run.report, HERALD_RECIPIENT_QUEUED), ==, 20);
  g_assert_null (herald_send_report_get_error (run.report));
}

static void
test_no_recipient_and_twice (void)
{
  g_autoptr(TestScriptedProvider) provider = g_object_new (TEST_TYPE_SCRIPTED_PROVIDER, NULL);
  g_autoptr(HeraldOutgoing) empty = herald_outgoing_new ("Hi");
  g_autoptr(HeraldSendJob) job = herald_send_job_new (HERALD_PROVIDER (provider), NULL, "acc", empty, 0);
  g_auto(Run) run = { 0, };
  g_auto(Run) again = { 0, };

  g_assert_cmpuint (herald_send_job_get_chunk_size (job), ==, HERALD_SEND_JOB_DEFAULT_CHUNK_SIZE);
  g_assert_cmpfloat (herald_send_job_get_fraction (job), ==, 0.0);
  start (job, &run, NULL);
  wait_until (&run.done);
  g_assert_error (run.error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);

  start (job, &again, NULL);
  wait_until (&again.done);
  g_assert_error (again.error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_assert_cmpuint (provider->requests->len, ==, 0);
}

static void
list_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GListModel **model = user_data;
  g_autoptr(GError) error = NULL;

  *model = herald_message_log_list_finish (HERALD_MESSAGE_LOG (object), result, &error);
  g_assert_no_error (error);
}

static void
account_added_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  HeraldAccount **account = user_data;
  g_autoptr(GError) error = NULL;

  *account = herald_account_store_add_finish (HERALD_ACCOUNT_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
test_recorded_in_log (void)
{
  g_autoptr(TestScriptedProvider) provider = g_object_new (TEST_TYPE_SCRIPTED_PROVIDER, NULL);
  g_autoptr(HeraldOutgoing) outgoing = outgoing_with (5);
  g_autofree char *dir = g_dir_make_tmp ("send-job-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "herald.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldDatabase) database = herald_database_open (path, &error);
  g_autoptr(HeraldMessageLog) log = NULL;
  g_autoptr(HeraldSendJob) job = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(HeraldAccountStore) store = NULL;
  g_autoptr(HeraldAccount) draft = herald_account_new (HERALD_DIALECT_MODEM, "Modems");
  g_autoptr(HeraldAccount) account = NULL;
  g_auto(Run) run = { 0, };

  g_assert_no_error (error);
  /* The log records only for an account that exists (a modem needs no key). */
  store = herald_account_store_new (database);
  herald_account_store_add_async (store, draft, NULL, NULL, account_added_cb, &account);
  while (account == NULL)
    g_main_context_iteration (NULL, TRUE);

  log = herald_message_log_new (database);
  job = herald_send_job_new (HERALD_PROVIDER (provider), log, herald_account_get_id (account), outgoing, 2);
  start (job, &run, NULL);
  wait_until (&run.done);
  g_assert_no_error (run.error);
  g_assert_cmpuint (provider->requests->len, ==, 3);

  /* Every chunk went through the log: one row per recipient. */
  herald_message_log_list_async (log, herald_account_get_id (account), NULL, 0, 0, NULL, list_done_cb, &rows);
  while (rows == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);

  g_clear_object (&log);
  g_clear_object (&job);
  g_clear_object (&store);
  g_clear_object (&database);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/send-job/chunks-and-progress", test_chunks_and_progress);
  g_test_add_func ("/send-job/duplicates-sent-once", test_duplicates_sent_once);
  g_test_add_func ("/send-job/cancel/between-chunks", test_cancel_between_chunks);
  g_test_add_func ("/send-job/cancel/chunk-in-flight-reported", test_cancel_chunk_in_flight_reported);
  g_test_add_func ("/send-job/error/midway", test_chunk_error_midway);
  g_test_add_func ("/send-job/error/fate-unknown", test_fate_unknown_chunk);
  g_test_add_func ("/send-job/error/first-chunk-refused", test_first_chunk_refused);
  g_test_add_func ("/send-job/error/invalid-chunk-skipped", test_invalid_chunk_skipped);
  g_test_add_func ("/send-job/recorded-in-log", test_recorded_in_log);
  g_test_add_func ("/send-job/no-recipient-and-twice", test_no_recipient_and_twice);

  return g_test_run ();
}
