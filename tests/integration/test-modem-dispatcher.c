/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test-modem-dispatcher"

#include <string.h>

#include <libmm-glib.h>

#include "herald-core.h"
#include "store/herald-database.h"
#include "herald-test-mock-modem.h"
#include "herald-test-util.h"

/* The outbox and its dispatcher against the mock ModemManager with two
 * modems (--mock-modems 2). Each test has a database of its own; texts are
 * unique to their test, since the mock's list of sent SMS is shared. */

#define NUMBER "+233241234567"

typedef struct
{
  HeraldDatabase        *database;
  HeraldOutbox          *outbox;
  HeraldModemManager    *manager;
  HeraldModemDispatcher *dispatcher;
  GHashTable            *latest;      /* message id → HeraldOutboxEntry, as last announced */
  guint                  requeued;    /* announced back in the queue right after being claimed */
} Fixture;

static void
updated_cb (HeraldModemDispatcher *dispatcher,
            HeraldOutboxEntry     *entry,
            gpointer               user_data)
{
  Fixture *f = user_data;
  HeraldOutboxEntry *before = g_hash_table_lookup (f->latest, entry->message_id);

  if (before != NULL && before->state == HERALD_OUTBOX_SENDING && entry->state == HERALD_OUTBOX_QUEUED &&
      entry->error == NULL)
    f->requeued++;
  g_hash_table_replace (f->latest, g_strdup (entry->message_id), herald_outbox_entry_copy (entry));
}

static void
new_dispatcher (Fixture *f)
{
  g_clear_object (&f->dispatcher);
  f->dispatcher = herald_modem_dispatcher_new (f->manager, f->outbox);
  herald_modem_dispatcher_set_retries (f->dispatcher, 3, 50);
  g_signal_connect (f->dispatcher, "message-updated", G_CALLBACK (updated_cb), f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("outbox-%u.db", n++);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  f->database = herald_database_open (path, &error);
  g_assert_no_error (error);
  f->outbox = herald_outbox_new (f->database);
  f->latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) herald_outbox_entry_free);

  herald_modem_manager_new_async (NULL, NULL, herald_test_async_done, &result);
  f->manager = herald_modem_manager_new_finish (herald_test_wait (&result), &error);
  g_assert_no_error (error);

  new_dispatcher (f);
  /* The restart test starts its dispatcher itself. */
  if (data == NULL)
    herald_modem_dispatcher_start (f->dispatcher);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->dispatcher);
  g_clear_object (&f->manager);
  g_clear_object (&f->outbox);
  g_clear_object (&f->database);
  g_clear_pointer (&f->latest, g_hash_table_unref);
}

static HeraldOutboxEntry *
queue (Fixture    *f,
       const char *text,
       const char *device_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldOutboxRequest request = {
    .recipient = NUMBER, .text = text, .device_id = device_id, .delivery_report = TRUE, .validity_minutes = 60,
  };
  HeraldOutboxEntry *entry;

  herald_modem_dispatcher_queue_async (f->dispatcher, &request, NULL, herald_test_async_done, &result);
  entry = herald_modem_dispatcher_queue_finish (f->dispatcher, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->state, ==, HERALD_OUTBOX_QUEUED);

  return entry;
}

static HeraldOutboxEntry *
latest (Fixture           *f,
        HeraldOutboxEntry *queued)
{
  return g_hash_table_lookup (f->latest, queued->message_id);
}

static gboolean
is_in (Fixture           *f,
       HeraldOutboxEntry *queued,
       HeraldOutboxState  state)
{
  HeraldOutboxEntry *entry = latest (f, queued);

  return entry != NULL && entry->state == state;
}

/* The row as stored, read apart from the signals. */
static HeraldOutboxEntry *
stored (Fixture    *f,
        const char *message_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldOutboxEntry *entry;

  herald_outbox_get_async (f->outbox, message_id, NULL, herald_test_async_done, &result);
  entry = herald_outbox_finish_entry (f->outbox, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);

  return entry;
}

static HeraldOutboxState
stored_state (Fixture    *f,
              const char *message_id)
{
  g_autoptr(HeraldOutboxEntry) row = stored (f, message_id);

  return row->state;
}

static void
test_drain (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) queued = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_outbox_entry_free);
  g_autoptr(GHashTable) modems = g_hash_table_new (g_str_hash, g_str_equal);

  /* Slow enough that both modems are busy at once. */
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "slow", 100);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_1, "slow", 100);

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *text = g_strdup_printf ("drain %u", i);

      g_ptr_array_add (queued, queue (f, text, NULL));
    }

  for (guint i = 0; i < queued->len; i++)
    {
      HeraldOutboxEntry *q = queued->pdata[i];
      g_autoptr(HeraldOutboxEntry) row = NULL;

      herald_test_wait_until (is_in (f, q, HERALD_OUTBOX_SENT));
      row = stored (f, q->message_id);
      g_assert_cmpint (row->state, ==, HERALD_OUTBOX_SENT);
      g_assert_cmpuint (row->attempts, ==, 1);
      g_assert_cmpint (row->reference, >=, 0);
      g_assert_nonnull (row->sms_path);
      g_assert_cmpint (row->sent_at, >=, row->created_at);
      g_assert_cmpuint (herald_test_mock_count_sent (NUMBER, q->text), ==, 1);
      g_hash_table_add (modems, latest (f, q)->modem_id);
    }
  g_assert_cmpuint (g_hash_table_size (modems), ==, 2);

  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "ok", 0);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_1, "ok", 0);
}

static void
test_device (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(HeraldOutboxEntry) a = queue (f, "for modem 1 a", HERALD_TEST_MOCK_DEVICE_1);
  g_autoptr(HeraldOutboxEntry) b = queue (f, "for modem 1 b", HERALD_TEST_MOCK_DEVICE_1);
  g_autoptr(HeraldOutboxEntry) gone = queue (f, "for no modem", "00000000-0000-5000-8000-000000000000");

  herald_test_wait_until (is_in (f, a, HERALD_OUTBOX_SENT) && is_in (f, b, HERALD_OUTBOX_SENT));
  g_assert_cmpstr (latest (f, a)->modem_id, ==, HERALD_TEST_MOCK_DEVICE_1);
  g_assert_cmpstr (latest (f, b)->modem_id, ==, HERALD_TEST_MOCK_DEVICE_1);

  /* A message for a modem that is not there waits for it. */
  g_assert_cmpint (stored_state (f, gone->message_id), ==, HERALD_OUTBOX_QUEUED);
}

static void
test_failover (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) queued = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_outbox_entry_free);
  guint retried = 0;

  /* Modem 0 refuses everything; the messages it took go to modem 1. */
  herald_modem_dispatcher_set_retries (f->dispatcher, 3, 60000);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "fail", 0);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_1, "slow", 50);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *text = g_strdup_printf ("failover %u", i);

      g_ptr_array_add (queued, queue (f, text, NULL));
    }

  for (guint i = 0; i < queued->len; i++)
    {
      HeraldOutboxEntry *q = queued->pdata[i];

      herald_test_wait_until (is_in (f, q, HERALD_OUTBOX_SENT));
      g_assert_cmpstr (latest (f, q)->modem_id, ==, HERALD_TEST_MOCK_DEVICE_1);
      g_assert_cmpuint (herald_test_mock_count_sent (NUMBER, q->text), ==, 1);
      if (latest (f, q)->attempts == 2)
        retried++;
      else
        g_assert_cmpuint (latest (f, q)->attempts, ==, 1);
    }
  g_assert_cmpuint (retried, >=, 1);

  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "ok", 0);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_1, "ok", 0);
}

static void
test_bounded_attempts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HeraldOutboxEntry) q = NULL;
  HeraldOutboxEntry *row;

  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "network-timeout", 0);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_1, "network-timeout", 0);

  q = queue (f, "never goes", NULL);
  herald_test_wait_until (is_in (f, q, HERALD_OUTBOX_FAILED));
  row = latest (f, q);
  g_assert_cmpuint (row->attempts, ==, 3);
  /* The modem's reason, for the user. */
  g_assert_nonnull (strstr (row->error, "Network timeout"));
  g_assert_cmpuint (herald_test_mock_count_sent (NUMBER, "never goes"), ==, 0);

  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "ok", 0);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_1, "ok", 0);
}

static void
test_unauthorized (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HeraldOutboxEntry) q = NULL;
  g_autoptr(HeraldOutboxEntry) row = NULL;
  const char *status;

  herald_modem_dispatcher_set_retries (f->dispatcher, 3, 400);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "unauthorized", 0);
  q = queue (f, "after polkit says yes", HERALD_TEST_MOCK_DEVICE_0);

  /* No message fails for it: the modem says why it takes no work. */
  herald_test_wait_until ((status = herald_modem_dispatcher_get_modem_status (f->dispatcher,
                                                                               HERALD_TEST_MOCK_DEVICE_0)) != NULL);
  g_assert_nonnull (strstr (status, "org.freedesktop.ModemManager1.Messaging"));
  herald_test_wait_until (is_in (f, q, HERALD_OUTBOX_QUEUED));
  g_assert_nonnull (strstr (latest (f, q)->error, "polkit"));

  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "ok", 0);
  herald_test_wait_until (is_in (f, q, HERALD_OUTBOX_SENT));
  row = stored (f, q->message_id);
  g_assert_cmpuint (row->attempts, ==, 1);
  g_assert_null (herald_modem_dispatcher_get_modem_status (f->dispatcher, HERALD_TEST_MOCK_DEVICE_0));
}

static char *
add_modem (Fixture    *f,
           const char *imei)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = herald_test_mock_call ("AddModem",
                                                      g_variant_new_parsed ("({'imei': <%s>},)", imei),
                                                      "(o)", &error);
  char *path;

  g_assert_no_error (error);
  g_variant_get (reply, "(o)", &path);
  herald_test_wait_until (herald_modem_manager_lookup (f->manager, path) != NULL &&
                          herald_modem_get_usable (herald_modem_manager_lookup (f->manager, path)));

  return path;
}

static gboolean
has_sms_path (Fixture    *f,
              const char *message_id)
{
  g_autoptr(HeraldOutboxEntry) row = stored (f, message_id);

  return row->state == HERALD_OUTBOX_SENDING && row->sms_path != NULL;
}

static void
test_vanished_modem (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = add_modem (f, "490154203237518");
  const char *device = "d3b0de96-42f5-5026-9e1a-6cf71e6c2cc4";
  g_autoptr(HeraldOutboxEntry) q = NULL;
  g_autoptr(HeraldOutboxEntry) row = NULL;

  herald_test_mock_send_mode (path, "slow", 30000);
  q = queue (f, "caught in an unplug", device);
  herald_test_wait_until (has_sms_path (f, q->message_id));

  herald_test_mock_do ("RemoveModem", g_variant_new ("(o)", path));
  herald_test_wait_until (is_in (f, q, HERALD_OUTBOX_QUEUED));
  row = stored (f, q->message_id);
  g_assert_cmpint (row->state, ==, HERALD_OUTBOX_QUEUED);
  /* Not the message's fault: no attempt is counted. */
  g_assert_cmpuint (row->attempts, ==, 0);
  g_assert_null (row->sms_path);
  g_assert_nonnull (strstr (row->error, "went away"));
}

static void
test_pacing (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) queued = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_outbox_entry_free);
  g_autofree char *path = add_modem (f, "356938035643809");
  const char *device = "1459014a-267a-5965-bd3e-32172a75994d";
  g_autoptr(HeraldOutboxEntry) third = NULL;
  const char *status;

  herald_modem_dispatcher_set_pacing (f->dispatcher, 400, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *text = g_strdup_printf ("paced %u", i);

      g_ptr_array_add (queued, queue (f, text, device));
    }
  third = queue (f, "over the cap", device);

  herald_test_wait_until (is_in (f, queued->pdata[0], HERALD_OUTBOX_SENT) &&
                          is_in (f, queued->pdata[1], HERALD_OUTBOX_SENT));
  /* A lower bound only: sends start at least 400 ms apart. */
  g_assert_cmpint (latest (f, queued->pdata[1])->sent_at - latest (f, queued->pdata[0])->sent_at,
                   >=, 350 * G_TIME_SPAN_MILLISECOND);

  /* The daily cap of 2 holds the third back, and the modem says so. */
  herald_test_wait_until ((status = herald_modem_dispatcher_get_modem_status (f->dispatcher, device)) != NULL);
  g_assert_nonnull (strstr (status, "daily cap"));
  g_assert_cmpint (stored_state (f, third->message_id), ==, HERALD_OUTBOX_QUEUED);
  g_assert_cmpuint (herald_test_mock_count_sent (NUMBER, "over the cap"), ==, 0);

  herald_test_mock_do ("RemoveModem", g_variant_new ("(o)", path));
}

static void
set_reports (guint delivery_state)
{
  herald_test_mock_do ("SetStatusReports", g_variant_new ("(ouu)", HERALD_TEST_MOCK_MODEM_0, delivery_state, 10));
}

static void
test_delivery (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HeraldOutboxEntry) ok = NULL;
  g_autoptr(HeraldOutboxEntry) bad = NULL;
  g_autoptr(HeraldOutboxEntry) multipart = NULL;
  g_autofree char *long_text = g_strnfill (200, 'd');
  guint reference;

  set_reports (0x00);
  ok = queue (f, "delivered please", HERALD_TEST_MOCK_DEVICE_0);
  herald_test_wait_until (is_in (f, ok, HERALD_OUTBOX_DELIVERED));
  g_assert_null (latest (f, ok)->error);

  set_reports (0x41);
  bad = queue (f, "not delivered", HERALD_TEST_MOCK_DEVICE_0);
  herald_test_wait_until (is_in (f, bad, HERALD_OUTBOX_FAILED));
  g_assert_nonnull (strstr (latest (f, bad)->error, "0x41"));

  /* Two parts, two references: only the last part's report counts. */
  set_reports (MM_SMS_DELIVERY_STATE_UNKNOWN);
  multipart = queue (f, long_text, HERALD_TEST_MOCK_DEVICE_0);
  herald_test_wait_until (is_in (f, multipart, HERALD_OUTBOX_SENT));
  reference = (guint) latest (f, multipart)->reference;
  herald_test_mock_do ("InjectStatusReport",
                       g_variant_new ("(ouu)", HERALD_TEST_MOCK_MODEM_0, (reference + 255) % 256, 0x41));
  herald_test_mock_do ("InjectStatusReport", g_variant_new ("(ouu)", HERALD_TEST_MOCK_MODEM_0, reference, 0x00));
  herald_test_wait_until (is_in (f, multipart, HERALD_OUTBOX_DELIVERED));
}

static HeraldOutboxEntry *
claim (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldOutboxEntry *entry;

  herald_outbox_claim_async (f->outbox, HERALD_TEST_MOCK_DEVICE_0, NULL, herald_test_async_done, &result);
  entry = herald_outbox_finish_entry (f->outbox, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);

  return entry;
}

static void
record_path (Fixture    *f,
             gint64      id,
             const char *sms_path)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldOutboxEntry) entry = NULL;

  herald_outbox_set_sms_path_async (f->outbox, id, sms_path, NULL, herald_test_async_done, &result);
  entry = herald_outbox_finish_entry (f->outbox, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->sms_path, ==, sms_path);
}

static char *
create_on_modem (Fixture    *f,
                 const char *text)
{
  HeraldModem *modem = herald_modem_manager_lookup (f->manager, HERALD_TEST_MOCK_DEVICE_0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *path;

  herald_modem_create_sms_async (modem, NUMBER, text, 0, TRUE, NULL, herald_test_async_done, &result);
  path = herald_modem_create_sms_finish (modem, herald_test_wait (&result), &error);
  g_assert_no_error (error);

  return path;
}

/* What a crash leaves, one message for each moment it can strike; then a
 * dispatcher starts on the same outbox. */
static void
test_restart (Fixture       *f,
              gconstpointer  data)
{
  HeraldModem *modem = herald_modem_manager_lookup (f->manager, HERALD_TEST_MOCK_DEVICE_0);
  HeraldOutboxRequest request = { .recipient = NUMBER, .delivery_report = TRUE };
  const char *texts[] = { "restart: went out", "restart: created", "restart: claimed", "restart: lost" };
  g_autoptr(GPtrArray) claimed = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_outbox_entry_free);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sent_path = NULL;
  g_autofree char *created_path = NULL;
  guint reference = 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GAsyncResult) queued = NULL;
      g_autoptr(HeraldOutboxEntry) entry = NULL;

      request.text = texts[i];
      herald_outbox_enqueue_async (f->outbox, &request, NULL, herald_test_async_done, &queued);
      entry = herald_outbox_finish_entry (f->outbox, herald_test_wait (&queued), &error);
      g_assert_no_error (error);
      g_ptr_array_add (claimed, claim (f));
    }

  /* Sent, but the crash came before the outbox heard. */
  sent_path = create_on_modem (f, texts[0]);
  record_path (f, ((HeraldOutboxEntry *) claimed->pdata[0])->id, sent_path);
  herald_modem_send_sms_async (modem, sent_path, NULL, herald_test_async_done, &result);
  g_assert_true (herald_modem_send_sms_finish (modem, herald_test_wait (&result), &reference, &error));
  g_assert_no_error (error);
  /* Created and recorded, never sent. */
  created_path = create_on_modem (f, texts[1]);
  record_path (f, ((HeraldOutboxEntry *) claimed->pdata[1])->id, created_path);
  /* texts[2]: claimed only. texts[3]: an SMS object the modem no longer has. */
  record_path (f, ((HeraldOutboxEntry *) claimed->pdata[3])->id, "/org/freedesktop/ModemManager1/SMS/99999");

  herald_modem_dispatcher_start (f->dispatcher);
  herald_test_wait_until (herald_modem_dispatcher_get_recovered (f->dispatcher));

  for (guint i = 0; i < 3; i++)
    herald_test_wait_until (is_in (f, claimed->pdata[i], HERALD_OUTBOX_SENT));
  g_assert_cmpint (latest (f, claimed->pdata[0])->reference, ==, reference);
  herald_test_wait_until (is_in (f, claimed->pdata[3], HERALD_OUTBOX_UNKNOWN));
  g_assert_nonnull (strstr (latest (f, claimed->pdata[3])->error, "not sent again"));

  /* Each went out exactly once; the lost one is not sent again. */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (herald_test_mock_count_sent (NUMBER, texts[i]), ==, 1);
  g_assert_cmpuint (herald_test_mock_count_sent (NUMBER, texts[3]), ==, 0);
}

static void
test_idempotency (Fixture       *f,
                  gconstpointer  data)
{
  HeraldOutboxRequest request = { .recipient = NUMBER, .text = "once only", .client_id = "client-42" };
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GAsyncResult) cancelled = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldOutboxEntry) entry = NULL;
  g_autoptr(HeraldOutboxEntry) again = NULL;
  g_autoptr(HeraldOutboxEntry) cancel = NULL;

  herald_outbox_enqueue_async (f->outbox, &request, NULL, herald_test_async_done, &first);
  entry = herald_outbox_finish_entry (f->outbox, herald_test_wait (&first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->client_id, ==, "client-42");
  g_assert_true (g_uuid_string_is_valid (entry->message_id));

  herald_outbox_enqueue_async (f->outbox, &request, NULL, herald_test_async_done, &second);
  again = herald_outbox_finish_entry (f->outbox, herald_test_wait (&second), &error);
  g_assert_null (again);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* Not started here, so it is still queued: cancelling works. */
  herald_outbox_cancel_async (f->outbox, entry->message_id, NULL, herald_test_async_done, &cancelled);
  cancel = herald_outbox_finish_entry (f->outbox, herald_test_wait (&cancelled), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cancel->state, ==, HERALD_OUTBOX_CANCELLED);
  herald_modem_dispatcher_start (f->dispatcher);
  herald_test_wait_until (herald_modem_dispatcher_get_recovered (f->dispatcher));
  g_assert_cmpint (stored_state (f, entry->message_id), ==, HERALD_OUTBOX_CANCELLED);
}

static HeraldOutboxEntry *
enqueue (Fixture    *f,
         const char *text)
{
  HeraldOutboxRequest request = { .recipient = NUMBER, .text = text };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldOutboxEntry *entry;

  herald_outbox_enqueue_async (f->outbox, &request, NULL, herald_test_async_done, &result);
  entry = herald_outbox_finish_entry (f->outbox, herald_test_wait (&result), &error);
  g_assert_no_error (error);

  return entry;
}

/* A start with nothing left over from a crash: the recovery's listing of
 * in-flight messages must not take the first claim of this run for a
 * leftover and put it back in the queue (the two ran side by side). */
static void
test_recovery_before_claims (Fixture       *f,
                             gconstpointer  data)
{
  for (guint round = 0; round < 12; round++)
    {
      g_autofree char *text = g_strdup_printf ("recovery first %u", round);
      g_autoptr(HeraldOutboxEntry) entry = enqueue (f, text);
      g_autoptr(HeraldOutboxEntry) row = NULL;

      new_dispatcher (f);
      /* The store's threads busy with other readers, so that the listing
       * and the claims contend for the database in no set order. */
      for (guint i = 0; i < 6; i++)
        herald_outbox_get_async (f->outbox, entry->message_id, NULL, NULL, NULL);
      herald_modem_dispatcher_start (f->dispatcher);
      herald_test_wait_until (is_in (f, entry, HERALD_OUTBOX_SENT));
      herald_test_wait_until (herald_modem_dispatcher_get_recovered (f->dispatcher));

      row = stored (f, entry->message_id);
      g_assert_cmpint (row->state, ==, HERALD_OUTBOX_SENT);
      g_assert_cmpuint (row->attempts, ==, 1);
      g_assert_cmpuint (f->requeued, ==, 0);
      g_assert_cmpuint (herald_test_mock_count_sent (NUMBER, text), ==, 1);
    }
}

/* Lets work already handed to the store's threads finish there, then runs
 * what they posted back. */
static void
settle (void)
{
  for (guint i = 0; i < 3; i++)
    {
      g_usleep (100 * 1000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

/* A wake that comes while each modem's claim is under way and finds nothing
 * (the message was queued just after the claim looked) is not lost. */
static void
test_wake_during_claim (Fixture       *f,
                        gconstpointer  data)
{
  settle ();

  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *text = g_strdup_printf ("wake during claim %u", round);
      HeraldOutboxRequest request = { .recipient = NUMBER, .text = text };
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(HeraldOutboxEntry) entry = NULL;

      /* Both modems claim; the claims find nothing and their answers wait
       * in the main context, unread, while the message goes in. */
      herald_modem_dispatcher_wake (f->dispatcher);
      g_usleep (200 * 1000);
      herald_outbox_enqueue_async (f->outbox, &request, NULL, herald_test_async_done, &result);
      g_usleep (200 * 1000);
      /* What the bridge does once it has queued: the modems are still busy. */
      herald_modem_dispatcher_wake (f->dispatcher);

      entry = herald_outbox_finish_entry (f->outbox, herald_test_wait (&result), &error);
      g_assert_no_error (error);
      herald_test_wait_until (is_in (f, entry, HERALD_OUTBOX_SENT));
      g_assert_cmpuint (herald_test_mock_count_sent (NUMBER, text), ==, 1);
      settle ();
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, started) \
  g_test_add ("/modem-dispatcher/" path, Fixture, (started) ? NULL : "", fixture_set_up, func, fixture_tear_down)
  ADD ("drain", test_drain, TRUE);
  ADD ("device", test_device, TRUE);
  ADD ("failover", test_failover, TRUE);
  ADD ("bounded-attempts", test_bounded_attempts, TRUE);
  ADD ("unauthorized", test_unauthorized, TRUE);
  ADD ("vanished-modem", test_vanished_modem, TRUE);
  ADD ("pacing", test_pacing, TRUE);
  ADD ("delivery", test_delivery, TRUE);
  ADD ("restart", test_restart, FALSE);
  ADD ("idempotency", test_idempotency, FALSE);
  ADD ("recovery-before-claims", test_recovery_before_claims, FALSE);
  ADD ("wake-during-claim", test_wake_during_claim, TRUE);
#undef ADD

  return g_test_run ();
}
