/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-bridge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "herald-webhook-poster.h"
#include "herald-webhook-signature.h"
#include "secrets/herald-secrets.h"

#define DEFAULT_MAX_ATTEMPTS  8
#define DEFAULT_BASE_DELAY_MS 10000u      /* 10 s */
#define DEFAULT_MAX_DELAY_MS  3600000u    /* 1 h */
#define DEFAULT_TIMEOUT_S     15
/* Posts in flight at once (each to another webhook). */
#define MAX_IN_FLIGHT         16
/* The rows read at each look at the queue. */
#define QUEUE_WINDOW          256
/* After a keyring or database failure: look again this much later. */
#define TROUBLE_DELAY_MS      30000u      /* 30 s */

struct _HeraldWebhookPoster
{
  GObject             parent_instance;

  HeraldWebhookStore *store;
  SoupSession        *session;
  GCancellable       *cancellable;
  char               *key;          /* the signing key; wiped when dropped */
  GHashTable         *in_flight;    /* webhook id → delivery id of its post under way */

  guint               max_attempts;
  guint               base_delay_ms;
  guint               max_delay_ms;

  guint               timer_id;
  guint               started : 1;
  guint               stopped : 1;
  guint               key_pending : 1;
  guint               listing : 1;
  guint               look_again : 1;
};

G_DEFINE_FINAL_TYPE (HeraldWebhookPoster, herald_webhook_poster, G_TYPE_OBJECT)

enum
{
  SIGNAL_DELIVERY_UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void look (HeraldWebhookPoster *self);

guint
herald_webhook_backoff_ms (guint  attempts,
                           guint  base_ms,
                           guint  max_ms,
                           double random)
{
  guint64 delay = MIN (base_ms, max_ms);
  guint64 half;

  for (guint i = 1; i < attempts && delay < max_ms; i++)
    delay = MIN (delay * 2, (guint64) max_ms);

  half = delay / 2;
  random = CLAMP (random, 0.0, 1.0);
  return (guint) (delay - half + (guint64) (random * (double) half));
}

/* ---- the object ---------------------------------------------------------- */

static void
clear_timer (HeraldWebhookPoster *self)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
}

static void
herald_webhook_poster_dispose (GObject *object)
{
  HeraldWebhookPoster *self = (HeraldWebhookPoster *) object;

  herald_webhook_poster_stop (self);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (herald_webhook_poster_parent_class)->dispose (object);
}

static void
herald_webhook_poster_finalize (GObject *object)
{
  HeraldWebhookPoster *self = (HeraldWebhookPoster *) object;

  g_clear_pointer (&self->key, herald_secrets_free);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (herald_webhook_poster_parent_class)->finalize (object);
}

static void
herald_webhook_poster_class_init (HeraldWebhookPosterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_webhook_poster_dispose;
  object_class->finalize = herald_webhook_poster_finalize;

  signals[SIGNAL_DELIVERY_UPDATED] =
    g_signal_new ("delivery-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HERALD_TYPE_WEBHOOK_DELIVERY | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
herald_webhook_poster_init (HeraldWebhookPoster *self)
{
  self->cancellable = g_cancellable_new ();
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->base_delay_ms = DEFAULT_BASE_DELAY_MS;
  self->max_delay_ms = DEFAULT_MAX_DELAY_MS;
  self->session = g_object_new (SOUP_TYPE_SESSION,
                                "timeout", DEFAULT_TIMEOUT_S,
                                "max-conns", 2 * MAX_IN_FLIGHT,
                                "max-conns-per-host", 4,
                                "user-agent", "Herald/" PACKAGE_VERSION " (webhooks)",
                                NULL);
}

HeraldWebhookPoster *
herald_webhook_poster_new (HeraldWebhookStore *store)
{
  HeraldWebhookPoster *self;

  g_return_val_if_fail (HERALD_IS_WEBHOOK_STORE (store), NULL);

  self = g_object_new (HERALD_TYPE_WEBHOOK_POSTER, NULL);
  self->store = g_object_ref (store);
  return self;
}

void
herald_webhook_poster_set_retries (HeraldWebhookPoster *self,
                                   guint                max_attempts,
                                   guint                base_delay_ms,
                                   guint                max_delay_ms)
{
  g_return_if_fail (HERALD_IS_WEBHOOK_POSTER (self));
  g_return_if_fail (max_attempts >= 1);

  self->max_attempts = max_attempts;
  self->base_delay_ms = MAX (base_delay_ms, 1);
  self->max_delay_ms = MAX (max_delay_ms, self->base_delay_ms);
}

void
herald_webhook_poster_set_timeout (HeraldWebhookPoster *self,
                                   guint                seconds)
{
  g_return_if_fail (HERALD_IS_WEBHOOK_POSTER (self));

  soup_session_set_timeout (self->session, MAX (seconds, 1));
}

void
herald_webhook_poster_start (HeraldWebhookPoster *self)
{
  g_return_if_fail (HERALD_IS_WEBHOOK_POSTER (self));
  g_return_if_fail (!self->stopped);

  self->started = TRUE;
  look (self);
}

void
herald_webhook_poster_wake (HeraldWebhookPoster *self)
{
  g_return_if_fail (HERALD_IS_WEBHOOK_POSTER (self));

  look (self);
}

void
herald_webhook_poster_stop (HeraldWebhookPoster *self)
{
  g_return_if_fail (HERALD_IS_WEBHOOK_POSTER (self));

  self->stopped = TRUE;
  clear_timer (self);
  g_cancellable_cancel (self->cancellable);
}

/* ---- timing -------------------------------------------------------------- */

static gboolean
timer_cb (gpointer user_data)
{
  HeraldWebhookPoster *self = user_data;

  self->timer_id = 0;
  look (self);
  return G_SOURCE_REMOVE;
}

/* Looks at the queue again in @delay_ms (instead of when it would have). */
static void
look_in (HeraldWebhookPoster *self,
         guint64              delay_ms)
{
  if (self->stopped)
    return;
  clear_timer (self);
  self->timer_id = g_timeout_add ((guint) MIN (delay_ms, (guint64) G_MAXINT32), timer_cb, self);
}

/* ---- one post ------------------------------------------------------------ */

typedef struct
{
  HeraldWebhookPoster   *self;
  HeraldWebhookDelivery *delivery;
  SoupMessage           *message;
} Post;

static void
post_free (Post *post)
{
  g_object_unref (post->self);
  herald_webhook_delivery_free (post->delivery);
  g_clear_object (&post->message);
  g_free (post);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Post, post_free)

static void
recorded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Post) post = user_data;
  HeraldWebhookPoster *self = post->self;
  g_autoptr(HeraldWebhookDelivery) delivery = NULL;
  g_autoptr(GError) error = NULL;

  delivery = herald_webhook_store_record_attempt_finish (self->store, result, &error);
  g_hash_table_remove (self->in_flight, post->delivery->webhook_id);
  if (error != NULL)
    {
      /* It stays queued as it was: tried again at the next look. */
      g_warning ("The outcome of webhook post %s could not be saved: %s", post->delivery->delivery_id,
                 error->message);
      look_in (self, TROUBLE_DELAY_MS);
      return;
    }
  if (delivery != NULL)
    {
      g_debug ("Webhook post %s to %s: %s after %u attempts", delivery->delivery_id, delivery->url,
               herald_webhook_delivery_state_to_string (delivery->state), delivery->attempts);
      g_signal_emit (self, signals[SIGNAL_DELIVERY_UPDATED], 0, delivery);
    }
  look (self);
}

static void
record (Post                      *post,
        HeraldWebhookDeliveryState state,
        guint                      status,
        const char                *reason)
{
  HeraldWebhookPoster *self = post->self;
  guint attempts = post->delivery->attempts + 1;
  gint64 next = g_get_real_time ();
  g_autofree char *final_reason = NULL;

  if (state == HERALD_WEBHOOK_DELIVERY_QUEUED && attempts >= self->max_attempts)
    {
      state = HERALD_WEBHOOK_DELIVERY_FAILED;
      final_reason = g_strdup_printf (_("Given up after %u attempts; the last one: %s"), attempts, reason);
      reason = final_reason;
    }
  else if (state == HERALD_WEBHOOK_DELIVERY_QUEUED)
    {
      next += 1000 * (gint64) herald_webhook_backoff_ms (attempts, self->base_delay_ms, self->max_delay_ms,
                                                         g_random_double ());
    }

  /* Not cancellable: what was sent is recorded even while stopping. */
  herald_webhook_store_record_attempt_async (self->store, post->delivery->delivery_id, state, next, status, reason,
                                             NULL, recorded_cb, post);
}

static void
posted_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Post *post = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  GBytes *answer;
  guint status;

  /* What the receiver said in its body does not matter. */
  answer = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_clear_pointer (&answer, g_bytes_unref);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Stopping: the post stays queued as it was, for the next start. */
      g_hash_table_remove (post->self->in_flight, post->delivery->webhook_id);
      post_free (post);
      return;
    }

  status = error == NULL ? soup_message_get_status (post->message) : 0;
  if (error == NULL && status >= 200 && status < 300)
    {
      record (post, HERALD_WEBHOOK_DELIVERY_DELIVERED, status, NULL);
      return;
    }

  if (error != NULL)
    reason = g_strdup_printf (_("no answer from %s: %s"), post->delivery->url, error->message);
  else
    reason = g_strdup_printf (_("%s answered HTTP %u %s"), post->delivery->url, status,
                              soup_message_get_reason_phrase (post->message) != NULL
                                ? soup_message_get_reason_phrase (post->message) : "");
  g_debug ("Webhook post %s: %s", post->delivery->delivery_id, reason);
  record (post, HERALD_WEBHOOK_DELIVERY_QUEUED, status, g_strstrip (reason));
}

/* The envelope of the SMS Gateway for Android app; NULL when the queued
 * payload is no JSON object (only a broken row). */
static GBytes *
build_body (const HeraldWebhookDelivery *delivery)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonNode *payload;
  gsize length;
  char *text;

  if (!json_parser_load_from_data (parser, delivery->payload, -1, NULL))
    return NULL;
  payload = json_parser_get_root (parser);
  if (payload == NULL || !JSON_NODE_HOLDS_OBJECT (payload))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, delivery->delivery_id);
  json_builder_set_member_name (builder, "webhookId");
  json_builder_add_string_value (builder, delivery->webhook_id);
  json_builder_set_member_name (builder, "event");
  json_builder_add_string_value (builder, delivery->event);
  json_builder_set_member_name (builder, "deviceId");
  if (delivery->device_id != NULL)
    json_builder_add_string_value (builder, delivery->device_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "payload");
  json_builder_add_value (builder, json_node_copy (payload));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

static void
start_post (HeraldWebhookPoster         *self,
            const HeraldWebhookDelivery *delivery)
{
  Post *post = g_new0 (Post, 1);
  g_autoptr(GBytes) body = NULL;
  g_autofree char *timestamp = NULL;
  g_autofree char *signature = NULL;
  SoupMessageHeaders *headers;
  gsize length;
  const guint8 *data;

  post->self = g_object_ref (self);
  post->delivery = herald_webhook_delivery_copy (delivery);
  g_hash_table_insert (self->in_flight, g_strdup (delivery->webhook_id), g_strdup (delivery->delivery_id));

  body = build_body (delivery);
  if (body == NULL)
    {
      record (post, HERALD_WEBHOOK_DELIVERY_FAILED, 0, _("The queued event is not a JSON object; it cannot be posted."));
      return;
    }
  post->message = soup_message_new (SOUP_METHOD_POST, delivery->url);
  if (post->message == NULL)
    {
      record (post, HERALD_WEBHOOK_DELIVERY_FAILED, 0,
              _("The webhook's URL cannot be used; register the webhook again with an http(s) URL."));
      return;
    }

  data = g_bytes_get_data (body, &length);
  timestamp = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / G_USEC_PER_SEC);
  signature = herald_webhook_sign (self->key, data, length, timestamp);

  soup_message_add_flags (post->message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_set_request_body_from_bytes (post->message, "application/json", body);
  headers = soup_message_get_request_headers (post->message);
  soup_message_headers_replace (headers, HERALD_WEBHOOK_HEADER_TIMESTAMP, timestamp);
  soup_message_headers_replace (headers, HERALD_WEBHOOK_HEADER_SIGNATURE, signature);

  g_debug ("Posting %s %s (attempt %u) to %s", delivery->event, delivery->delivery_id, delivery->attempts + 1,
           delivery->url);
  soup_session_send_and_read_async (self->session, post->message, G_PRIORITY_DEFAULT, self->cancellable,
                                    posted_cb, post);
}

/* ---- looking at the queue ------------------------------------------------ */

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HeraldWebhookPoster) self = user_data;
  g_autoptr(GPtrArray) queued = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time ();
  gint64 next_due = G_MAXINT64;

  self->listing = FALSE;
  queued = herald_webhook_store_list_deliveries_finish (self->store, result, &error);
  if (self->stopped)
    return;
  if (queued == NULL)
    {
      g_warning ("The queue of webhook posts cannot be read: %s", error->message);
      look_in (self, TROUBLE_DELAY_MS);
      return;
    }

  for (guint i = 0; i < queued->len; i++)
    {
      HeraldWebhookDelivery *delivery = queued->pdata[i];

      /* Its webhook's post under way looks again when it ends. */
      if (g_hash_table_contains (self->in_flight, delivery->webhook_id))
        continue;
      if (delivery->next_attempt_at > now)
        {
          next_due = MIN (next_due, delivery->next_attempt_at);
          continue;
        }
      /* Full: each post that ends looks again. */
      if (g_hash_table_size (self->in_flight) >= MAX_IN_FLIGHT)
        break;
      start_post (self, delivery);
    }

  if (self->look_again)
    look (self);
  else if (next_due != G_MAXINT64)
    look_in (self, (guint64) (next_due - now + 999) / 1000);
  else if (queued->len == QUEUE_WINDOW)
    look_in (self, TROUBLE_DELAY_MS);
}

static void
key_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(HeraldWebhookPoster) self = user_data;
  g_autoptr(GError) error = NULL;
  char *key = herald_webhook_signing_key_finish (result, &error);

  self->key_pending = FALSE;
  if (self->stopped)
    {
      herald_secrets_free (key);
      return;
    }
  if (key == NULL)
    {
      g_warning ("Webhooks are not posted: their signing key cannot be read from the keyring (%s). "
                 "Unlock the keyring; Herald tries again in %u seconds.", error->message, TROUBLE_DELAY_MS / 1000);
      look_in (self, TROUBLE_DELAY_MS);
      return;
    }
  self->key = key;
  look (self);
}

static void
look (HeraldWebhookPoster *self)
{
  if (!self->started || self->stopped)
    return;

  if (self->key == NULL)
    {
      if (!self->key_pending)
        {
          self->key_pending = TRUE;
          herald_webhook_signing_key_async (self->cancellable, key_cb, g_object_ref (self));
        }
      return;
    }

  if (self->listing)
    {
      self->look_again = TRUE;
      return;
    }
  self->listing = TRUE;
  self->look_again = FALSE;
  clear_timer (self);
  herald_webhook_store_list_deliveries_async (self->store, TRUE, QUEUE_WINDOW, self->cancellable, listed_cb,
                                              g_object_ref (self));
}
