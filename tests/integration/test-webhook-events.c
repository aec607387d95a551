/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test-webhook-events"

#include <string.h>

#include "herald-core.h"
#include "bridge/herald-webhook-events.h"
#include "store/herald-account-store.h"
#include "store/herald-account.h"
#include "store/herald-database.h"
#include "store/herald-webhook-store.h"
#include "herald-test-mock-modem.h"
#include "herald-test-util.h"
#include "herald-test-webhook-receiver.h"

/* What the modems do, as webhook posts: the receiver's stored SMS and the
 * dispatcher's sent, delivered and failed messages, against the mock
 * ModemManager with one modem (--mock-modems 1), a private keyring
 * (--keyring) and a receiver on 127.0.0.1. Texts are unique to their test,
 * since the mock's lists are shared. */

#define SENDER "+233209876543"
#define NUMBER "+233241234567"

typedef struct
{
  HeraldDatabase            *database;
  char                      *account_id;
  HeraldLocalInbox          *inbox;
  HeraldOutbox              *outbox;
  HeraldModemManager        *manager;
  HeraldModemReceiver       *modem_receiver;
  HeraldModemDispatcher     *dispatcher;
  HeraldWebhookStore        *store;
  HeraldWebhookPoster       *poster;
  HeraldWebhookEvents       *events;
  HeraldTestWebhookReceiver *receiver;
} Fixture;

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
add_webhook (Fixture    *f,
             const char *event,
             const char *path)
{
  g_autoptr(HeraldWebhook) webhook = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = herald_test_webhook_receiver_url (f->receiver, path);

  herald_webhook_store_add_async (f->store, NULL, url, event, NULL, NULL, herald_test_async_done, &result);
  webhook = herald_webhook_store_add_finish (f->store, herald_test_wait (&result), &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("webhook-events-%u.db", n++);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "ok", 0);
  herald_test_mock_do ("SetStatusReports", g_variant_new ("(ouu)", HERALD_TEST_MOCK_MODEM_0, 256, 0));

  f->database = herald_database_open (path, &error);
  g_assert_no_error (error);
  f->account_id = add_modem_account (f->database);
  f->inbox = herald_local_inbox_new (f->database);
  f->outbox = herald_outbox_new (f->database);

  herald_modem_manager_new_async (NULL, NULL, herald_test_async_done, &result);
  f->manager = herald_modem_manager_new_finish (herald_test_wait (&result), &error);
  g_assert_no_error (error);
  f->modem_receiver = herald_modem_receiver_new (f->manager, f->inbox, f->account_id);
  f->dispatcher = herald_modem_dispatcher_new (f->manager, f->outbox);
  herald_modem_dispatcher_set_retries (f->dispatcher, 1, 50);

  f->receiver = herald_test_webhook_receiver_new ();
  f->store = herald_webhook_store_new (f->database);
  f->poster = herald_webhook_poster_new (f->store);
  herald_webhook_poster_set_retries (f->poster, 3, 20, 80);
  f->events = herald_webhook_events_new (f->store, f->poster);
  herald_webhook_events_watch_receiver (f->events, f->modem_receiver);
  herald_webhook_events_watch_dispatcher (f->events, f->dispatcher);
  herald_webhook_poster_start (f->poster);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  herald_webhook_poster_stop (f->poster);
  g_clear_object (&f->events);
  g_clear_object (&f->poster);
  g_clear_object (&f->store);
  g_clear_object (&f->dispatcher);
  g_clear_object (&f->modem_receiver);
  g_clear_object (&f->manager);
  g_clear_object (&f->outbox);
  g_clear_object (&f->inbox);
  g_clear_object (&f->database);
  g_clear_pointer (&f->receiver, herald_test_webhook_receiver_free);
  g_free (f->account_id);
}

static GPtrArray *
deliveries (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  herald_webhook_store_list_deliveries_async (f->store, FALSE, 0, NULL, herald_test_async_done, &result);
  items = herald_webhook_store_list_deliveries_finish (f->store, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  return items;
}

/* @member holds an ISO 8601 time with an offset, within the last minute. */
static void
assert_recent_time (JsonObject *payload,
                    const char *member)
{
  const char *text = json_object_get_string_member_with_default (payload, member, NULL);
  g_autoptr(GDateTime) time = NULL;
  gint64 age;

  g_assert_nonnull (text);
  time = g_date_time_new_from_iso8601 (text, NULL);
  g_assert_nonnull (time);
  age = g_get_real_time () / G_USEC_PER_SEC - g_date_time_to_unix (time);
  g_assert_cmpint (age, >=, 0);
  g_assert_cmpint (age, <, 60);
}

static HeraldOutboxEntry *
queue (Fixture    *f,
       const char *text)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldOutboxRequest request = {
    .recipient = NUMBER, .text = text, .delivery_report = TRUE, .validity_minutes = 60,
  };
  HeraldOutboxEntry *entry;

  herald_modem_dispatcher_queue_async (f->dispatcher, &request, NULL, herald_test_async_done, &result);
  entry = herald_modem_dispatcher_queue_finish (f->dispatcher, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  return entry;
}

static void
test_received (Fixture       *f,
               gconstpointer  data)
{
  const char *text = "Webhooks, please: héllo";
  g_autofree char *sms = NULL;
  g_autoptr(JsonObject) envelope = NULL;
  g_autoptr(GPtrArray) queued = NULL;
  HeraldTestWebhookRequest *request;
  JsonObject *payload;
  const char *message_id;

  add_webhook (f, HERALD_WEBHOOK_EVENT_SMS_RECEIVED, "/received");
  add_webhook (f, HERALD_WEBHOOK_EVENT_SMS_SENT, "/sent");
  herald_modem_receiver_start (f->modem_receiver);

  sms = herald_test_mock_inject ("InjectSms", HERALD_TEST_MOCK_MODEM_0, SENDER, text);
  herald_test_wait_until (herald_test_webhook_receiver_count (f->receiver, "/received") == 1);

  request = herald_test_webhook_receiver_nth (f->receiver, "/received", 0);
  envelope = herald_test_webhook_request_json (request);
  g_assert_cmpstr (json_object_get_string_member (envelope, "event"), ==, "sms:received");
  g_assert_cmpstr (json_object_get_string_member (envelope, "deviceId"), ==, HERALD_TEST_MOCK_DEVICE_0);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (envelope, "id")));
  payload = json_object_get_object_member (envelope, "payload");
  g_assert_cmpstr (json_object_get_string_member (payload, "phoneNumber"), ==, SENDER);
  g_assert_cmpstr (json_object_get_string_member (payload, "message"), ==, text);
  g_assert_true (json_object_has_member (payload, "simNumber"));
  g_assert_true (json_object_get_null_member (payload, "simNumber"));
  message_id = json_object_get_string_member (payload, "messageId");
  g_assert_cmpuint (strlen (message_id), ==, 64);
  assert_recent_time (payload, "receivedAt");

  /* One post for one SMS, and none for the webhook of another event. */
  queued = deliveries (f);
  g_assert_cmpuint (queued->len, ==, 1);
  g_assert_cmpuint (herald_test_webhook_receiver_count (f->receiver, NULL), ==, 1);
}

static void
test_sent_delivered (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HeraldOutboxEntry) entry = NULL;
  g_autoptr(JsonObject) sent = NULL;
  g_autoptr(JsonObject) delivered = NULL;
  g_autoptr(GPtrArray) queued = NULL;
  JsonObject *payload;

  add_webhook (f, HERALD_WEBHOOK_EVENT_SMS_SENT, "/sent");
  add_webhook (f, HERALD_WEBHOOK_EVENT_SMS_DELIVERED, "/delivered");
  add_webhook (f, HERALD_WEBHOOK_EVENT_SMS_FAILED, "/failed");
  herald_test_mock_do ("SetStatusReports", g_variant_new ("(ouu)", HERALD_TEST_MOCK_MODEM_0, 0x00, 10));
  /* Queued while the dispatcher runs, as the bridge does. */
  herald_modem_dispatcher_start (f->dispatcher);
  entry = queue (f, "webhook sent and delivered");
  herald_test_wait_until (herald_test_webhook_receiver_count (f->receiver, "/sent") == 1 &&
                          herald_test_webhook_receiver_count (f->receiver, "/delivered") == 1);

  sent = herald_test_webhook_request_json (herald_test_webhook_receiver_nth (f->receiver, "/sent", 0));
  g_assert_cmpstr (json_object_get_string_member (sent, "event"), ==, "sms:sent");
  g_assert_cmpstr (json_object_get_string_member (sent, "deviceId"), ==, HERALD_TEST_MOCK_DEVICE_0);
  payload = json_object_get_object_member (sent, "payload");
  g_assert_cmpstr (json_object_get_string_member (payload, "messageId"), ==, entry->message_id);
  g_assert_cmpstr (json_object_get_string_member (payload, "phoneNumber"), ==, NUMBER);
  assert_recent_time (payload, "sentAt");

  delivered = herald_test_webhook_request_json (herald_test_webhook_receiver_nth (f->receiver, "/delivered", 0));
  g_assert_cmpstr (json_object_get_string_member (delivered, "event"), ==, "sms:delivered");
  payload = json_object_get_object_member (delivered, "payload");
  g_assert_cmpstr (json_object_get_string_member (payload, "messageId"), ==, entry->message_id);
  g_assert_cmpstr (json_object_get_string_member (payload, "phoneNumber"), ==, NUMBER);
  assert_recent_time (payload, "deliveredAt");

  queued = deliveries (f);
  g_assert_cmpuint (queued->len, ==, 2);
  g_assert_cmpuint (herald_test_webhook_receiver_count (f->receiver, "/failed"), ==, 0);
}

static void
test_failed (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(HeraldOutboxEntry) entry = NULL;
  g_autoptr(JsonObject) failed = NULL;
  JsonObject *payload;
  const char *reason;

  add_webhook (f, HERALD_WEBHOOK_EVENT_SMS_SENT, "/sent");
  add_webhook (f, HERALD_WEBHOOK_EVENT_SMS_FAILED, "/failed");
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "network-timeout", 0);
  /* Queued while the dispatcher runs, as the bridge does. */
  herald_modem_dispatcher_start (f->dispatcher);
  entry = queue (f, "webhook failed");
  herald_test_wait_until (herald_test_webhook_receiver_count (f->receiver, "/failed") == 1);

  failed = herald_test_webhook_request_json (herald_test_webhook_receiver_nth (f->receiver, "/failed", 0));
  g_assert_cmpstr (json_object_get_string_member (failed, "event"), ==, "sms:failed");
  payload = json_object_get_object_member (failed, "payload");
  g_assert_cmpstr (json_object_get_string_member (payload, "messageId"), ==, entry->message_id);
  g_assert_cmpstr (json_object_get_string_member (payload, "phoneNumber"), ==, NUMBER);
  assert_recent_time (payload, "failedAt");
  reason = json_object_get_string_member (payload, "reason");
  g_assert_nonnull (reason);
  /* The modem's reason, as the outbox keeps it. */
  g_assert_nonnull (strstr (reason, "Network timeout"));
  g_assert_cmpuint (herald_test_webhook_receiver_count (f->receiver, "/sent"), ==, 0);
}

static void
test_payload_states (void)
{
  HeraldOutboxEntry entry = {
    .message_id = (char *) "msg-1", .recipient = (char *) NUMBER, .state = HERALD_OUTBOX_QUEUED,
    .error = (char *) "No signal", .sent_at = 1700000000123456, .done_at = 1700000100000000,
  };
  const HeraldOutboxState silent[] = {
    HERALD_OUTBOX_QUEUED, HERALD_OUTBOX_SENDING, HERALD_OUTBOX_CANCELLED, HERALD_OUTBOX_UNKNOWN,
  };
  g_autoptr(JsonObject) payload = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (silent); i++)
    {
      entry.state = silent[i];
      g_assert_null (herald_webhook_payload_for_outbox (&entry, &payload));
      g_assert_null (payload);
    }

  entry.state = HERALD_OUTBOX_SENT;
  g_assert_cmpstr (herald_webhook_payload_for_outbox (&entry, &payload), ==, "sms:sent");
  g_assert_cmpstr (json_object_get_string_member (payload, "messageId"), ==, "msg-1");
  /* Milliseconds and the offset (the tests run in UTC). */
  g_assert_cmpstr (json_object_get_string_member (payload, "sentAt"), ==, "2023-11-14T22:13:20.123+00:00");
  g_assert_false (json_object_has_member (payload, "reason"));
  g_clear_pointer (&payload, json_object_unref);

  entry.state = HERALD_OUTBOX_FAILED;
  g_assert_cmpstr (herald_webhook_payload_for_outbox (&entry, &payload), ==, "sms:failed");
  g_assert_cmpstr (json_object_get_string_member (payload, "failedAt"), ==, "2023-11-14T22:15:00.000+00:00");
  g_assert_cmpstr (json_object_get_string_member (payload, "reason"), ==, "No signal");
  g_clear_pointer (&payload, json_object_unref);

  entry.state = HERALD_OUTBOX_DELIVERED;
  g_assert_cmpstr (herald_webhook_payload_for_outbox (&entry, &payload), ==, "sms:delivered");
  g_assert_cmpstr (json_object_get_string_member (payload, "deliveredAt"), ==, "2023-11-14T22:15:00.000+00:00");
}

static void
test_payload_received_id (void)
{
  g_autoptr(JsonObject) a = herald_webhook_payload_received ("dev", SENDER, "Hi", 1700000000000000);
  g_autoptr(JsonObject) same = herald_webhook_payload_received ("dev", SENDER, "Hi", 1700000000000000);
  g_autoptr(JsonObject) other_text = herald_webhook_payload_received ("dev", SENDER, "Hi!", 1700000000000000);
  g_autoptr(JsonObject) other_time = herald_webhook_payload_received ("dev", SENDER, "Hi", 1700000001000000);
  const char *id = json_object_get_string_member (a, "messageId");

  g_assert_cmpstr (id, ==, json_object_get_string_member (same, "messageId"));
  g_assert_cmpstr (id, !=, json_object_get_string_member (other_text, "messageId"));
  g_assert_cmpstr (id, !=, json_object_get_string_member (other_time, "messageId"));
  g_assert_cmpstr (json_object_get_string_member (a, "receivedAt"), ==, "2023-11-14T22:13:20.000+00:00");
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/webhook-events/payload/outbox-states", test_payload_states);
  g_test_add_func ("/webhook-events/payload/received-id", test_payload_received_id);
  g_test_add ("/webhook-events/received", Fixture, NULL, fixture_set_up, test_received, fixture_tear_down);
  g_test_add ("/webhook-events/sent-delivered", Fixture, NULL, fixture_set_up, test_sent_delivered,
              fixture_tear_down);
  g_test_add ("/webhook-events/failed", Fixture, NULL, fixture_set_up, test_failed, fixture_tear_down);

  return g_test_run ();
}
