/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test-webhook-poster"

#include <string.h>

#include "bridge/herald-webhook-poster.h"
#include "bridge/herald-webhook-signature.h"
#include "secrets/herald-secrets.h"
#include "store/herald-database.h"
#include "store/herald-webhook-store.h"
#include "herald-test-tree.h"
#include "herald-test-util.h"
#include "herald-test-webhook-receiver.h"

/* The webhook registry, its durable queue of posts and the poster, against
 * receivers on 127.0.0.1 (herald-test-webhook-receiver.h) and a private
 * keyring (--keyring). The poster retries after 20 ms, doubled up to 80 ms:
 * short enough that no test waits long. */

#define PAYLOAD "{\"messageId\":\"m-1\",\"phoneNumber\":\"+233241234567\",\"message\":\"Hello\"}"
#define DEVICE  "4396f78f-121e-5237-85b6-d1428129fc4a"

typedef struct
{
  char                      *path;
  HeraldDatabase            *database;
  HeraldWebhookStore        *store;
  HeraldWebhookPoster       *poster;
  HeraldTestWebhookReceiver *receiver;
  GHashTable                *latest;    /* delivery id → HeraldWebhookDelivery, as last announced */
} Fixture;

static void
updated_cb (HeraldWebhookPoster   *poster,
            HeraldWebhookDelivery *delivery,
            gpointer               user_data)
{
  Fixture *f = user_data;

  g_hash_table_replace (f->latest, g_strdup (delivery->delivery_id), herald_webhook_delivery_copy (delivery));
}

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->database = herald_database_open (f->path, &error);
  g_assert_no_error (error);
  f->store = herald_webhook_store_new (f->database);
}

static void
new_poster (Fixture *f,
            guint    max_attempts)
{
  g_clear_object (&f->poster);
  f->poster = herald_webhook_poster_new (f->store);
  herald_webhook_poster_set_retries (f->poster, max_attempts, 20, 80);
  herald_webhook_poster_set_timeout (f->poster, 5);
  g_signal_connect (f->poster, "delivery-updated", G_CALLBACK (updated_cb), f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("webhooks-%u.db", n++);

  f->path = g_build_filename (g_get_user_data_dir (), name, NULL);
  f->latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) herald_webhook_delivery_free);
  f->receiver = herald_test_webhook_receiver_new ();
  open_store (f);
  new_poster (f, 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->poster != NULL)
    herald_webhook_poster_stop (f->poster);
  g_clear_object (&f->poster);
  g_clear_object (&f->store);
  g_clear_object (&f->database);
  g_clear_pointer (&f->receiver, herald_test_webhook_receiver_free);
  g_clear_pointer (&f->latest, g_hash_table_unref);
  g_free (f->path);
}

static HeraldWebhook *
add_device_webhook (Fixture    *f,
                    const char *id,
                    const char *url,
                    const char *event,
                    const char *device_id,
                    GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  herald_webhook_store_add_async (f->store, id, url, event, device_id, NULL, herald_test_async_done, &result);
  return herald_webhook_store_add_finish (f->store, herald_test_wait (&result), error);
}

static HeraldWebhook *
add_webhook (Fixture    *f,
             const char *id,
             const char *url,
             const char *event,
             GError    **error)
{
  return add_device_webhook (f, id, url, event, NULL, error);
}

static void
add_receiver_webhook (Fixture                   *f,
                      HeraldTestWebhookReceiver *receiver,
                      const char                *id,
                      const char                *path)
{
  g_autofree char *url = herald_test_webhook_receiver_url (receiver, path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldWebhook) webhook = add_webhook (f, id, url, HERALD_WEBHOOK_EVENT_SMS_RECEIVED, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (webhook->id, ==, id);
}

static guint
queue_event (Fixture    *f,
             const char *event)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  herald_webhook_store_queue_async (f->store, event, DEVICE, PAYLOAD, NULL, herald_test_async_done, &result);
  n = herald_webhook_store_queue_finish (f->store, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  return n;
}

/* Every post, oldest first, as stored. */
static GPtrArray *
deliveries (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  herald_webhook_store_list_deliveries_async (f->store, FALSE, 0, NULL, herald_test_async_done, &result);
  items = herald_webhook_store_list_deliveries_finish (f->store, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static gboolean
announced_in (Fixture                   *f,
              HeraldWebhookDeliveryState state,
              guint                      attempts)
{
  GHashTableIter iter;
  HeraldWebhookDelivery *delivery;

  g_hash_table_iter_init (&iter, f->latest);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &delivery))
    if (delivery->state == state && delivery->attempts == attempts)
      return TRUE;
  return FALSE;
}

/* The signing key as the keyring holds it, read apart from the poster. */
static char *
keyring_key (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *key;

  herald_secrets_lookup_async (HERALD_WEBHOOK_SIGNING_KEY_ID, NULL, herald_test_async_done, &result);
  key = herald_secrets_lookup_finish (herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (key);
  return key;
}

/* The check a receiver makes, written here with GHmac alone. */
static void
assert_signed (HeraldTestWebhookRequest *request,
               const char               *key)
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) key, strlen (key));
  gsize length;
  const guchar *body = g_bytes_get_data (request->body, &length);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 stamp;

  g_assert_nonnull (request->timestamp);
  g_assert_nonnull (request->signature);
  stamp = g_ascii_strtoll (request->timestamp, NULL, 10);
  g_assert_cmpint (stamp, <=, now);
  g_assert_cmpint (stamp, >, now - 60);

  g_hmac_update (hmac, body, (gssize) length);
  g_hmac_update (hmac, (const guchar *) request->timestamp, -1);
  g_assert_cmpuint (strlen (request->signature), ==, 64);
  g_assert_cmpstr (request->signature, ==, g_hmac_get_string (hmac));
}

/* ---- the registry -------------------------------------------------------- */

static void
test_registry (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HeraldWebhook) given = NULL;
  g_autoptr(HeraldWebhook) generated = NULL;
  g_autoptr(HeraldWebhook) replaced = NULL;
  g_autoptr(HeraldWebhook) refused = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldWebhook *first;

  given = add_webhook (f, "hook-1", "https://example.com/in", HERALD_WEBHOOK_EVENT_SMS_SENT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (given->id, ==, "hook-1");
  g_assert_cmpstr (given->url, ==, "https://example.com/in");
  g_assert_cmpstr (given->event, ==, "sms:sent");
  g_assert_null (given->device_id);
  g_assert_cmpint (given->created_at, >, 0);

  generated = add_webhook (f, NULL, "http://127.0.0.1:9/x", HERALD_WEBHOOK_EVENT_SMS_FAILED, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (generated->id));

  /* The same id again: the same webhook, now elsewhere. */
  replaced = add_webhook (f, "hook-1", "https://example.org/other", HERALD_WEBHOOK_EVENT_SMS_DELIVERED, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (replaced->url, ==, "https://example.org/other");

  herald_webhook_store_list_async (f->store, NULL, herald_test_async_done, &result);
  list = herald_webhook_store_list_finish (f->store, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  first = list->pdata[0];
  g_assert_cmpstr (first->id, ==, "hook-1");
  g_assert_cmpstr (first->event, ==, "sms:delivered");
  g_clear_object (&result);

  /* Not http(s), no host, not a URL, not an event: refused, saying why. */
  refused = add_webhook (f, NULL, "ftp://example.com/in", HERALD_WEBHOOK_EVENT_SMS_SENT, &error);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "http://"));
  g_assert_nonnull (strstr (error->message, "ftp://example.com/in"));
  g_assert_null (refused);
  g_clear_error (&error);
  refused = add_webhook (f, NULL, "file:///etc/passwd", HERALD_WEBHOOK_EVENT_SMS_SENT, &error);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  refused = add_webhook (f, NULL, "example.com/in", HERALD_WEBHOOK_EVENT_SMS_SENT, &error);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  refused = add_webhook (f, NULL, "https://example.com/in", "sms:bounced", &error);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sms:received"));
  g_clear_error (&error);

  herald_webhook_store_remove_async (f->store, "hook-1", NULL, herald_test_async_done, &result);
  g_assert_true (herald_webhook_store_remove_finish (f->store, herald_test_wait (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  herald_webhook_store_remove_async (f->store, "hook-1", NULL, herald_test_async_done, &result);
  g_assert_false (herald_webhook_store_remove_finish (f->store, herald_test_wait (&result), &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND);
  g_clear_object (&result);
  g_clear_error (&error);

  g_clear_pointer (&list, g_ptr_array_unref);
  herald_webhook_store_list_async (f->store, NULL, herald_test_async_done, &result);
  list = herald_webhook_store_list_finish (f->store, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((HeraldWebhook *) list->pdata[0])->id, ==, generated->id);
}

/* An event is queued once for each webhook of that event, none for others;
 * removing a webhook drops what is queued for it. */
static void
test_queue_fan_out (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HeraldWebhook) other = NULL;
  g_autoptr(HeraldWebhook) this_device = NULL;
  g_autoptr(HeraldWebhook) other_device = NULL;
  g_autoptr(GPtrArray) queued = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldWebhookDelivery *first;

  add_receiver_webhook (f, f->receiver, "a", "/a");
  add_receiver_webhook (f, f->receiver, "b", "/b");
  other = add_webhook (f, "c", "https://example.com/c", HERALD_WEBHOOK_EVENT_SMS_SENT, &error);
  g_assert_no_error (error);
  /* Webhooks of one device: only that device's events. */
  this_device = add_device_webhook (f, "d", "https://example.com/d", HERALD_WEBHOOK_EVENT_SMS_DELIVERED, DEVICE,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpstr (this_device->device_id, ==, DEVICE);
  other_device = add_device_webhook (f, "e", "https://example.com/e", HERALD_WEBHOOK_EVENT_SMS_RECEIVED,
                                     "d458e208-ef8c-5729-be61-34dd3123fefd", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (queue_event (f, HERALD_WEBHOOK_EVENT_SMS_RECEIVED), ==, 2);
  g_assert_cmpuint (queue_event (f, HERALD_WEBHOOK_EVENT_SMS_FAILED), ==, 0);
  g_assert_cmpuint (queue_event (f, HERALD_WEBHOOK_EVENT_SMS_DELIVERED), ==, 1);

  queued = deliveries (f);
  g_assert_cmpuint (queued->len, ==, 3);
  first = queued->pdata[0];
  g_assert_cmpstr (first->webhook_id, ==, "a");
  g_assert_true (g_str_has_suffix (first->url, "/a"));
  g_assert_cmpstr (first->event, ==, "sms:received");
  g_assert_cmpstr (first->device_id, ==, DEVICE);
  g_assert_cmpstr (first->payload, ==, PAYLOAD);
  g_assert_cmpint (first->state, ==, HERALD_WEBHOOK_DELIVERY_QUEUED);
  g_assert_cmpuint (first->attempts, ==, 0);
  g_assert_true (g_uuid_string_is_valid (first->delivery_id));
  g_assert_cmpstr (first->delivery_id, !=, ((HeraldWebhookDelivery *) queued->pdata[1])->delivery_id);

  herald_webhook_store_remove_async (f->store, "a", NULL, herald_test_async_done, &result);
  g_assert_true (herald_webhook_store_remove_finish (f->store, herald_test_wait (&result), &error));
  g_clear_pointer (&queued, g_ptr_array_unref);
  queued = deliveries (f);
  g_assert_cmpuint (queued->len, ==, 2);
  g_assert_cmpstr (((HeraldWebhookDelivery *) queued->pdata[0])->webhook_id, ==, "b");
  g_assert_cmpstr (((HeraldWebhookDelivery *) queued->pdata[1])->webhook_id, ==, "d");
}

/* ---- posting ------------------------------------------------------------- */

static void
test_signed_post (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(JsonObject) envelope = NULL;
  HeraldTestWebhookRequest *request;
  HeraldWebhookDelivery *delivery;
  JsonObject *payload;
  char *key;

  add_receiver_webhook (f, f->receiver, "hook-signed", "/events");
  g_assert_cmpuint (queue_event (f, HERALD_WEBHOOK_EVENT_SMS_RECEIVED), ==, 1);
  herald_webhook_poster_start (f->poster);
  herald_test_wait_until (announced_in (f, HERALD_WEBHOOK_DELIVERY_DELIVERED, 1));

  g_assert_cmpuint (herald_test_webhook_receiver_count (f->receiver, NULL), ==, 1);
  request = herald_test_webhook_receiver_nth (f->receiver, "/events", 0);
  g_assert_cmpstr (request->content_type, ==, "application/json");

  key = keyring_key ();
  g_assert_cmpuint (strlen (key), ==, 64);
  assert_signed (request, key);

  stored = deliveries (f);
  delivery = stored->pdata[0];
  g_assert_cmpint (delivery->state, ==, HERALD_WEBHOOK_DELIVERY_DELIVERED);
  g_assert_cmpuint (delivery->attempts, ==, 1);
  g_assert_cmpuint (delivery->last_status, ==, 200);

  envelope = herald_test_webhook_request_json (request);
  g_assert_cmpstr (json_object_get_string_member (envelope, "id"), ==, delivery->delivery_id);
  g_assert_cmpstr (json_object_get_string_member (envelope, "webhookId"), ==, "hook-signed");
  g_assert_cmpstr (json_object_get_string_member (envelope, "event"), ==, "sms:received");
  g_assert_cmpstr (json_object_get_string_member (envelope, "deviceId"), ==, DEVICE);
  payload = json_object_get_object_member (envelope, "payload");
  g_assert_nonnull (payload);
  g_assert_cmpstr (json_object_get_string_member (payload, "messageId"), ==, "m-1");
  g_assert_cmpstr (json_object_get_string_member (payload, "message"), ==, "Hello");

  /* The key is in the keyring, and nowhere in Herald's files. */
  herald_test_tree_assert_lacks (g_getenv ("HERALD_TEST_ROOT"), key);

  /* A second poster signs with the same key: it was made once. */
  herald_webhook_poster_stop (f->poster);
  new_poster (f, 3);
  g_assert_cmpuint (queue_event (f, HERALD_WEBHOOK_EVENT_SMS_RECEIVED), ==, 1);
  herald_webhook_poster_start (f->poster);
  herald_test_wait_until (herald_test_webhook_receiver_count (f->receiver, NULL) == 2);
  assert_signed (herald_test_webhook_receiver_nth (f->receiver, NULL, 1), key);
  herald_secrets_free (key);
}

/* 500, 500, then 200: three posts of the same delivery, the last one counts. */
static void
test_retry_then_success (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) last = NULL;
  HeraldWebhookDelivery *delivery;
  char *key;

  add_receiver_webhook (f, f->receiver, "hook-retry", "/retry");
  herald_test_webhook_receiver_answer (f->receiver, 500);
  herald_test_webhook_receiver_answer (f->receiver, 500);
  queue_event (f, HERALD_WEBHOOK_EVENT_SMS_RECEIVED);
  herald_webhook_poster_start (f->poster);

  herald_test_wait_until (announced_in (f, HERALD_WEBHOOK_DELIVERY_DELIVERED, 3));
  g_assert_true (announced_in (f, HERALD_WEBHOOK_DELIVERY_DELIVERED, 3));
  g_assert_cmpuint (herald_test_webhook_receiver_count (f->receiver, "/retry"), ==, 3);

  first = herald_test_webhook_request_json (herald_test_webhook_receiver_nth (f->receiver, "/retry", 0));
  last = herald_test_webhook_request_json (herald_test_webhook_receiver_nth (f->receiver, "/retry", 2));
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, json_object_get_string_member (last, "id"));

  stored = deliveries (f);
  g_assert_cmpuint (stored->len, ==, 1);
  delivery = stored->pdata[0];
  g_assert_cmpint (delivery->state, ==, HERALD_WEBHOOK_DELIVERY_DELIVERED);
  g_assert_cmpuint (delivery->attempts, ==, 3);
  g_assert_cmpuint (delivery->last_status, ==, 200);
  /* Each retry is signed anew. */
  key = keyring_key ();
  for (guint i = 0; i < 3; i++)
    assert_signed (herald_test_webhook_receiver_nth (f->receiver, "/retry", i), key);
  herald_secrets_free (key);
}

/* A receiver that always fails gets max-attempts posts, then none: the
 * post fails for good with the reason. */
static void
test_give_up (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) stored = NULL;
  HeraldWebhookDelivery *delivery;

  add_receiver_webhook (f, f->receiver, "hook-down", "/down");
  for (guint i = 0; i < 10; i++)
    herald_test_webhook_receiver_answer (f->receiver, 500);
  queue_event (f, HERALD_WEBHOOK_EVENT_SMS_RECEIVED);
  herald_webhook_poster_start (f->poster);

  herald_test_wait_until (announced_in (f, HERALD_WEBHOOK_DELIVERY_FAILED, 3));
  g_assert_cmpuint (herald_test_webhook_receiver_count (f->receiver, "/down"), ==, 3);
  g_assert_false (announced_in (f, HERALD_WEBHOOK_DELIVERY_DELIVERED, 3));

  stored = deliveries (f);
  delivery = stored->pdata[0];
  g_assert_cmpint (delivery->state, ==, HERALD_WEBHOOK_DELIVERY_FAILED);
  g_assert_cmpuint (delivery->attempts, ==, 3);
  g_assert_cmpuint (delivery->last_status, ==, 500);
  g_assert_nonnull (strstr (delivery->error, "3 attempts"));
  g_assert_nonnull (strstr (delivery->error, "500"));

  /* The failed post is never tried again: the next post to that receiver is another one's. */
  g_assert_cmpuint (queue_event (f, HERALD_WEBHOOK_EVENT_SMS_RECEIVED), ==, 1);
  herald_webhook_poster_wake (f->poster);
  herald_test_wait_until (herald_test_webhook_receiver_count (f->receiver, "/down") == 4);
  {
    g_autoptr(JsonObject) envelope =
      herald_test_webhook_request_json (herald_test_webhook_receiver_nth (f->receiver, "/down", 3));

    g_assert_cmpstr (json_object_get_string_member (envelope, "id"), !=, delivery->delivery_id);
  }
}

/* An event queued while the receiver is down goes out from the next run's
 * poster, over a database opened again. */
static void
test_restart (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(JsonObject) envelope = NULL;
  HeraldWebhookDelivery *delivery;
  g_autofree char *delivery_id = NULL;

  add_receiver_webhook (f, f->receiver, "hook-later", "/later");
  herald_test_webhook_receiver_down (f->receiver);
  /* The first run would retry 100 to 200 ms later; it is stopped before. */
  herald_webhook_poster_set_retries (f->poster, 5, 200, 200);
  queue_event (f, HERALD_WEBHOOK_EVENT_SMS_RECEIVED);
  herald_webhook_poster_start (f->poster);
  herald_test_wait_until (announced_in (f, HERALD_WEBHOOK_DELIVERY_QUEUED, 1));

  stored = deliveries (f);
  delivery = stored->pdata[0];
  g_assert_cmpint (delivery->state, ==, HERALD_WEBHOOK_DELIVERY_QUEUED);
  g_assert_cmpuint (delivery->last_status, ==, 0);
  g_assert_nonnull (strstr (delivery->error, "no answer"));
  delivery_id = g_strdup (delivery->delivery_id);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Herald stops; the receiver comes back; Herald starts again. */
  herald_webhook_poster_stop (f->poster);
  g_clear_object (&f->poster);
  g_clear_object (&f->store);
  g_clear_object (&f->database);
  herald_test_webhook_receiver_up (f->receiver);
  g_assert_cmpuint (herald_test_webhook_receiver_count (f->receiver, NULL), ==, 0);

  open_store (f);
  new_poster (f, 5);
  herald_webhook_poster_start (f->poster);
  herald_test_wait_until (announced_in (f, HERALD_WEBHOOK_DELIVERY_DELIVERED, 2));

  g_assert_cmpuint (herald_test_webhook_receiver_count (f->receiver, "/later"), ==, 1);
  envelope = herald_test_webhook_request_json (herald_test_webhook_receiver_nth (f->receiver, "/later", 0));
  g_assert_cmpstr (json_object_get_string_member (envelope, "id"), ==, delivery_id);
}

/* A receiver that never answers holds up its own posts only. */
static void
test_slow_receiver (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HeraldTestWebhookReceiver) slow = herald_test_webhook_receiver_new ();
  g_autoptr(GPtrArray) stored = NULL;
  HeraldWebhookDelivery *slow_delivery;

  add_receiver_webhook (f, slow, "hook-slow", "/slow");
  add_receiver_webhook (f, f->receiver, "hook-quick", "/quick");
  slow->hang = TRUE;
  g_assert_cmpuint (queue_event (f, HERALD_WEBHOOK_EVENT_SMS_RECEIVED), ==, 2);
  g_assert_cmpuint (queue_event (f, HERALD_WEBHOOK_EVENT_SMS_RECEIVED), ==, 2);
  herald_webhook_poster_start (f->poster);

  /* Both of the quick receiver's posts, while the slow one holds its first. */
  herald_test_wait_until (herald_test_webhook_receiver_count (slow, NULL) == 1 &&
                          herald_test_webhook_receiver_count (f->receiver, NULL) == 2 &&
                          g_hash_table_size (f->latest) == 2);
  g_assert_true (announced_in (f, HERALD_WEBHOOK_DELIVERY_DELIVERED, 1));
  g_assert_cmpuint (herald_test_webhook_receiver_count (slow, NULL), ==, 1);

  stored = deliveries (f);
  g_assert_cmpuint (stored->len, ==, 4);
  slow_delivery = stored->pdata[0];
  g_assert_cmpstr (slow_delivery->webhook_id, ==, "hook-slow");
  g_assert_cmpint (slow_delivery->state, ==, HERALD_WEBHOOK_DELIVERY_QUEUED);
  g_assert_cmpuint (slow_delivery->attempts, ==, 0);

  herald_webhook_poster_stop (f->poster);
}

static void
test_backoff (void)
{
  /* Doubling from the base, up to the cap; the lower half is never skipped. */
  g_assert_cmpuint (herald_webhook_backoff_ms (1, 1000, 60000, 0.0), ==, 500);
  g_assert_cmpuint (herald_webhook_backoff_ms (1, 1000, 60000, 0.999999), ==, 999);
  g_assert_cmpuint (herald_webhook_backoff_ms (2, 1000, 60000, 0.0), ==, 1000);
  g_assert_cmpuint (herald_webhook_backoff_ms (3, 1000, 60000, 0.5), ==, 3000);
  g_assert_cmpuint (herald_webhook_backoff_ms (7, 1000, 60000, 0.0), ==, 30000);
  g_assert_cmpuint (herald_webhook_backoff_ms (8, 1000, 60000, 0.0), ==, 30000);
  g_assert_cmpuint (herald_webhook_backoff_ms (8, 1000, 60000, 1.0), ==, 60000);
  g_assert_cmpuint (herald_webhook_backoff_ms (200, 1000, 60000, 0.0), ==, 30000);
  /* A base over the cap is the cap. */
  g_assert_cmpuint (herald_webhook_backoff_ms (1, 90000, 60000, 0.0), ==, 30000);
}

static void
test_signature_vector (void)
{
  /* RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?",
   * here split into a body and a "timestamp". */
  const char *body = "what do ya want ";
  g_autofree char *signature = herald_webhook_sign ("Jefe", (const guint8 *) body, strlen (body), "for nothing?");

  g_assert_cmpstr (signature, ==, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/webhook/backoff", test_backoff);
  g_test_add_func ("/webhook/signature/rfc4231", test_signature_vector);
  g_test_add ("/webhook/registry", Fixture, NULL, fixture_set_up, test_registry, fixture_tear_down);
  g_test_add ("/webhook/queue/fan-out", Fixture, NULL, fixture_set_up, test_queue_fan_out, fixture_tear_down);
  g_test_add ("/webhook/post/signed", Fixture, NULL, fixture_set_up, test_signed_post, fixture_tear_down);
  g_test_add ("/webhook/post/retry-then-success", Fixture, NULL, fixture_set_up, test_retry_then_success,
              fixture_tear_down);
  g_test_add ("/webhook/post/give-up", Fixture, NULL, fixture_set_up, test_give_up, fixture_tear_down);
  g_test_add ("/webhook/post/restart", Fixture, NULL, fixture_set_up, test_restart, fixture_tear_down);
  g_test_add ("/webhook/post/slow-receiver", Fixture, NULL, fixture_set_up, test_slow_receiver, fixture_tear_down);

  return g_test_run ();
}
