/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test-modem-dispatcher-rules"

#include <string.h>

#include "herald-core.h"
#include "store/herald-database.h"
#include "herald-test-mock-modem.h"
#include "herald-test-util.h"

/* The dispatcher's rules as a user of it gets them without tuning anything
 * (herald-modem-dispatcher.h: "Attempts before a message fails for good
 * (default 3)"), against the mock ModemManager with two modems
 * (--mock-modems 2). test-modem-dispatcher.c covers the tuned behaviour. */

#define NUMBER "+233241234568"

typedef struct
{
  HeraldDatabase        *database;
  HeraldOutbox          *outbox;
  HeraldModemManager    *manager;
  HeraldModemDispatcher *dispatcher;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("rules-%u.db", n++);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  f->database = herald_database_open (path, &error);
  g_assert_no_error (error);
  f->outbox = herald_outbox_new (f->database);

  herald_modem_manager_new_async (NULL, NULL, herald_test_async_done, &result);
  f->manager = herald_modem_manager_new_finish (herald_test_wait (&result), &error);
  g_assert_no_error (error);

  /* The defaults: no set_retries (), no set_pacing (). */
  f->dispatcher = herald_modem_dispatcher_new (f->manager, f->outbox);
  herald_modem_dispatcher_start (f->dispatcher);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "ok", 0);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_1, "ok", 0);
  g_clear_object (&f->dispatcher);
  g_clear_object (&f->manager);
  g_clear_object (&f->outbox);
  g_clear_object (&f->database);
}

static HeraldOutboxEntry *
queue (Fixture    *f,
       const char *text,
       const char *device_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldOutboxRequest request = {
    .recipient = NUMBER, .text = text, .device_id = device_id, .validity_minutes = 60,
  };
  HeraldOutboxEntry *entry;

  herald_modem_dispatcher_queue_async (f->dispatcher, &request, NULL, herald_test_async_done, &result);
  entry = herald_modem_dispatcher_queue_finish (f->dispatcher, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);

  return entry;
}

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

static gboolean
is_failed (Fixture    *f,
           const char *message_id)
{
  g_autoptr(HeraldOutboxEntry) row = stored (f, message_id);

  return row->state == HERALD_OUTBOX_FAILED;
}

/* Modem-side failures on both modems: the message fails for good after
 * the default three attempts, with the modem's reason, and never went out.
 * (A modem's failure keeps the message from that modem for the retry delay,
 * not from the other one, so no attempt here waits for the 30 s default.) */
static void
test_default_attempts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HeraldOutboxEntry) q = NULL;
  g_autoptr(HeraldOutboxEntry) row = NULL;

  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "network-timeout", 0);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_1, "network-timeout", 0);

  q = queue (f, "rules: three attempts by default", NULL);
  herald_test_wait_until (is_failed (f, q->message_id));
  row = stored (f, q->message_id);
  g_assert_cmpuint (row->attempts, ==, 3);
  g_assert_nonnull (strstr (row->error, "Network timeout"));
  g_assert_cmpuint (herald_test_mock_count_sent (NUMBER, q->text), ==, 0);
}

static gboolean
is_sent (Fixture    *f,
         const char *message_id)
{
  g_autoptr(HeraldOutboxEntry) row = stored (f, message_id);

  return row->state == HERALD_OUTBOX_SENT;
}

/* A shorter pacing interval applies to the message already waiting out a
 * longer one: it goes when the new interval has passed, not the old. */
static void
test_pacing_shortened (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HeraldOutboxEntry) first = NULL;
  g_autoptr(HeraldOutboxEntry) second = NULL;
  g_autoptr(HeraldOutboxEntry) waiting = NULL;
  g_autoptr(HeraldOutboxEntry) first_row = NULL;
  g_autoptr(HeraldOutboxEntry) second_row = NULL;

  /* One send a minute on modem 0: the second message waits a minute … */
  herald_modem_dispatcher_set_pacing (f->dispatcher, 60000, 0);
  first = queue (f, "rules: paced first", HERALD_TEST_MOCK_DEVICE_0);
  herald_test_wait_until (is_sent (f, first->message_id));
  second = queue (f, "rules: paced second", HERALD_TEST_MOCK_DEVICE_0);
  waiting = stored (f, second->message_id);
  g_assert_cmpint (waiting->state, ==, HERALD_OUTBOX_QUEUED);

  /* … until the interval becomes 2 s: then it goes 2 s after the first
   * (well within the test's 30 s wait, and the old minute). */
  herald_modem_dispatcher_set_pacing (f->dispatcher, 2000, 0);
  herald_test_wait_until (is_sent (f, second->message_id));
  first_row = stored (f, first->message_id);
  second_row = stored (f, second->message_id);
  g_assert_cmpint (second_row->sent_at - first_row->sent_at, >=, 1500 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (herald_test_mock_count_sent (NUMBER, second->text), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/modem-dispatcher-rules/default-attempts", Fixture, NULL, fixture_set_up, test_default_attempts,
              fixture_tear_down);

  g_test_add ("/modem-dispatcher-rules/pacing-shortened", Fixture, NULL, fixture_set_up, test_pacing_shortened,
              fixture_tear_down);

  return g_test_run ();
}
