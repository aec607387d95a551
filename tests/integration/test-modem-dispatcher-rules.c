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
       const char *text)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldOutboxRequest request = { .recipient = NUMBER, .text = text, .validity_minutes = 60 };
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

  q = queue (f, "rules: three attempts by default");
  herald_test_wait_until (is_failed (f, q->message_id));
  row = stored (f, q->message_id);
  g_assert_cmpuint (row->attempts, ==, 3);
  g_assert_nonnull (strstr (row->error, "Network timeout"));
  g_assert_cmpuint (herald_test_mock_count_sent (NUMBER, q->text), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/modem-dispatcher-rules/default-attempts", Fixture, NULL, fixture_set_up, test_default_attempts,
              fixture_tear_down);

  return g_test_run ();
}
