/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test-modem-receiver"

#include "herald-core.h"
#include "store/herald-account-store.h"
#include "store/herald-account.h"
#include "store/herald-database.h"
#include "herald-test-mock-modem.h"
#include "herald-test-util.h"

/* Received SMS into the local inbox, against the mock ModemManager with one
 * modem (--mock-modems 1). */

#define SENDER "+233209876543"

typedef struct
{
  HeraldDatabase      *database;
  HeraldLocalInbox    *inbox;
  char                *account_id;
  HeraldModemManager  *manager;
  HeraldModemReceiver *receiver;
  guint                stored;
  char                *last_text;
} Fixture;

static void
stored_cb (HeraldModemReceiver *receiver,
           const char          *device_id,
           const char          *sender,
           const char          *text,
           gint64               received_at,
           gpointer             user_data)
{
  Fixture *f = user_data;

  g_assert_cmpstr (device_id, ==, HERALD_TEST_MOCK_DEVICE_0);
  g_assert_cmpstr (sender, ==, SENDER);
  g_free (f->last_text);
  f->last_text = g_strdup (text);
  f->stored++;
}

static char *
add_modem_account (HeraldDatabase *database)
{
  g_autoptr(HeraldAccountStore) store = herald_account_store_new (database);
  g_autoptr(HeraldAccount) draft = herald_account_new (HERALD_DIALECT_MODEM, "Modems");
  g_autoptr(HeraldAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_account_store_add_async (store, draft, NULL, NULL, herald_test_async_done, &result);
  account = herald_account_store_add_finish (store, herald_test_wait (&result), &error);
  g_assert_no_error (error);

  return g_strdup (herald_account_get_id (account));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("receiver-%u.db", n++);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  f->database = herald_database_open (path, &error);
  g_assert_no_error (error);
  f->account_id = add_modem_account (f->database);
  f->inbox = herald_local_inbox_new (f->database);

  herald_modem_manager_new_async (NULL, NULL, herald_test_async_done, &result);
  f->manager = herald_modem_manager_new_finish (herald_test_wait (&result), &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->receiver);
  g_clear_object (&f->manager);
  g_clear_object (&f->inbox);
  g_clear_object (&f->database);
  g_free (f->account_id);
  g_free (f->last_text);
}

static gint64
count_stored (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = NULL;

  herald_local_inbox_list_async (f->inbox, f->account_id, SENDER, 0, 0, NULL, herald_test_async_done, &result);
  messages = herald_local_inbox_list_finish (f->inbox, herald_test_wait (&result), &error);
  g_assert_no_error (error);

  return messages->len;
}

static char *
inject (const char *method,
        const char *text)
{
  return herald_test_mock_inject (method, HERALD_TEST_MOCK_MODEM_0, SENDER, text);
}

static HeraldModemSmsFate
query (Fixture    *f,
       const char *path)
{
  HeraldModem *modem = herald_modem_manager_lookup (f->manager, HERALD_TEST_MOCK_DEVICE_0);
  g_autoptr(GAsyncResult) result = NULL;

  herald_modem_query_sms_async (modem, path, NULL, herald_test_async_done, &result);
  return herald_modem_query_sms_finish (modem, herald_test_wait (&result), NULL, NULL);
}

static void
test_receive (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *early = inject ("InjectSms", "while Herald was not running");
  g_autofree char *live = NULL;
  g_autofree char *multipart = NULL;
  const char *long_text = "A long reply in several parts, stored only once all of them are in";

  /* What the modem held before is imported at start, then deleted. */
  f->receiver = herald_modem_receiver_new (f->manager, f->inbox, f->account_id);
  g_signal_connect (f->receiver, "message-stored", G_CALLBACK (stored_cb), f);
  herald_modem_receiver_start (f->receiver);
  herald_test_wait_until (f->stored == 1);
  g_assert_cmpstr (f->last_text, ==, "while Herald was not running");
  g_assert_cmpint (count_stored (f), ==, 1);
  herald_test_wait_until (query (f, early) == HERALD_MODEM_SMS_GONE);

  live = inject ("InjectSms", "Hello, modem");
  herald_test_wait_until (f->stored == 2);
  g_assert_cmpstr (f->last_text, ==, "Hello, modem");
  g_assert_cmpint (count_stored (f), ==, 2);
  herald_test_wait_until (query (f, live) == HERALD_MODEM_SMS_GONE);

  /* The first part alone is neither stored nor deleted. */
  multipart = inject ("InjectReceivingSms", long_text);
  herald_test_wait_until (query (f, multipart) == HERALD_MODEM_SMS_NOT_SENT);
  herald_test_mock_do ("ListSent", NULL);
  g_assert_cmpuint (f->stored, ==, 2);
  g_assert_cmpint (count_stored (f), ==, 2);
  herald_test_mock_do ("CompleteSms", g_variant_new ("(o)", multipart));
  herald_test_wait_until (f->stored == 3);
  g_assert_cmpstr (f->last_text, ==, long_text);
  herald_test_wait_until (query (f, multipart) == HERALD_MODEM_SMS_GONE);
}

static void
count_again_cb (HeraldModemReceiver *receiver,
                const char          *device_id,
                const char          *sender,
                const char          *text,
                gint64               received_at,
                gpointer             user_data)
{
  (*(guint *) user_data)++;
}

/* Stored, but the modem refused to delete it (as when Herald stops before
 * deleting): imported again, the same SMS is the same row. */
static void
test_stored_once (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(HeraldModemManager) later = NULL;
  g_autoptr(HeraldModemReceiver) again = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint stored_again = 0;

  f->receiver = herald_modem_receiver_new (f->manager, f->inbox, f->account_id);
  g_signal_connect (f->receiver, "message-stored", G_CALLBACK (stored_cb), f);
  herald_modem_receiver_start (f->receiver);

  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "unauthorized", 0);
  path = inject ("InjectSms", "stored once only");
  herald_test_wait_until (f->stored == 1);
  /* The refused Delete went out before this, on the same connection. */
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "ok", 0);
  g_assert_cmpint (query (f, path), ==, HERALD_MODEM_SMS_NOT_SENT);

  herald_modem_manager_new_async (NULL, NULL, herald_test_async_done, &result);
  later = herald_modem_manager_new_finish (herald_test_wait (&result), &error);
  g_assert_no_error (error);
  again = herald_modem_receiver_new (later, f->inbox, f->account_id);
  g_signal_connect (again, "message-stored", G_CALLBACK (count_again_cb), &stored_again);
  herald_modem_receiver_start (again);
  herald_test_wait_until (stored_again == 1);
  herald_test_wait_until (query (f, path) == HERALD_MODEM_SMS_GONE);
  g_assert_cmpint (count_stored (f), ==, 1);
}

static gboolean
opted_out (Fixture           *f,
           HeraldOptoutStore *optouts)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean answer = FALSE;

  herald_optout_store_is_opted_out_async (optouts, SENDER, NULL, herald_test_async_done, &result);
  g_assert_true (herald_optout_store_is_opted_out_finish (optouts, herald_test_wait (&result), &answer, &error));
  g_assert_no_error (error);

  return answer;
}

/* A STOP reply puts its sender on the opt-out list; other texts do not. */
static void
test_stop_reply (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HeraldOptoutStore) optouts = herald_optout_store_new (f->database);
  g_autofree char *chatter = NULL;
  g_autofree char *stop = NULL;

  f->receiver = herald_modem_receiver_new (f->manager, f->inbox, f->account_id);
  /* nothing to set up: the local inbox applies the default keywords */
  g_signal_connect (f->receiver, "message-stored", G_CALLBACK (stored_cb), f);
  herald_modem_receiver_start (f->receiver);

  chatter = inject ("InjectSms", "please stop by tomorrow");
  herald_test_wait_until (f->stored == 1);
  g_assert_false (opted_out (f, optouts));

  stop = inject ("InjectSms", " Stop\n");
  herald_test_wait_until (f->stored == 2);
  herald_test_wait_until (opted_out (f, optouts));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/modem-receiver/receive", Fixture, NULL, fixture_set_up, test_receive, fixture_tear_down);
  g_test_add ("/modem-receiver/stored-once", Fixture, NULL, fixture_set_up, test_stored_once, fixture_tear_down);
  g_test_add ("/modem-receiver/stop-reply", Fixture, NULL, fixture_set_up, test_stop_reply, fixture_tear_down);

  return g_test_run ();
}
