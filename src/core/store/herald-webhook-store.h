/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-database.h"

G_BEGIN_DECLS

/* The device bridge's webhooks (the tables of schema step 7): the URLs users
 * registered, one event each, and the durable queue of posts to them, which
 * the bridge's poster (bridge/herald-webhook-poster.c) drains. Plain values
 * in, copies out; every call runs its SQL on a worker thread. */

/* The events a webhook may ask for, as the SMS Gateway for Android app names them. */
#define HERALD_WEBHOOK_EVENT_SMS_RECEIVED  "sms:received"
#define HERALD_WEBHOOK_EVENT_SMS_SENT      "sms:sent"
#define HERALD_WEBHOOK_EVENT_SMS_DELIVERED "sms:delivered"
#define HERALD_WEBHOOK_EVENT_SMS_FAILED    "sms:failed"

gboolean herald_webhook_event_is_valid (const char *event);

/* One registered webhook. */
typedef struct
{
  char   *id;
  char   *url;
  char   *event;
  char   *device_id;    /* nullable: the events of every modem */
  gint64  created_at;   /* UTC µs */
} HeraldWebhook;

#define HERALD_TYPE_WEBHOOK (herald_webhook_get_type ())
GType          herald_webhook_get_type (void) G_GNUC_CONST;
HeraldWebhook *herald_webhook_copy     (const HeraldWebhook *webhook);
void           herald_webhook_free     (HeraldWebhook       *webhook);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldWebhook, herald_webhook_free)

typedef enum
{
  HERALD_WEBHOOK_DELIVERY_QUEUED,     /* "queued": waiting for its next attempt */
  HERALD_WEBHOOK_DELIVERY_DELIVERED,  /* "delivered": the receiver answered 2xx */
  HERALD_WEBHOOK_DELIVERY_FAILED,     /* "failed": given up, the reason in error */
} HeraldWebhookDeliveryState;

const char *herald_webhook_delivery_state_to_string (HeraldWebhookDeliveryState state);

/* One post, as queued. */
typedef struct
{
  gint64                     id;
  char                      *delivery_id;      /* the envelope's "id": the same on every attempt */
  char                      *webhook_id;
  char                      *url;              /* the webhook's, read with the row */
  char                      *event;
  char                      *device_id;        /* nullable */
  char                      *payload;          /* the event's JSON object, as text */
  HeraldWebhookDeliveryState state;
  guint                      attempts;
  gint64                     next_attempt_at;  /* UTC µs */
  guint                      last_status;      /* the last HTTP status; 0: none (no answer) */
  char                      *error;            /* nullable: why the last attempt failed */
  gint64                     created_at;
  gint64                     updated_at;
} HeraldWebhookDelivery;

#define HERALD_TYPE_WEBHOOK_DELIVERY (herald_webhook_delivery_get_type ())
GType                  herald_webhook_delivery_get_type (void) G_GNUC_CONST;
HeraldWebhookDelivery *herald_webhook_delivery_copy     (const HeraldWebhookDelivery *delivery);
void                   herald_webhook_delivery_free     (HeraldWebhookDelivery       *delivery);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldWebhookDelivery, herald_webhook_delivery_free)

#define HERALD_TYPE_WEBHOOK_STORE (herald_webhook_store_get_type ())
G_DECLARE_FINAL_TYPE (HeraldWebhookStore, herald_webhook_store, HERALD, WEBHOOK_STORE, GObject)

HeraldWebhookStore *herald_webhook_store_new            (HeraldDatabase        *database);

/* Registers @url for @event under @id (nullable: a new UUID), for the
 * events of the modem @device_id (nullable: of every modem); an existing
 * @id gets the new URL, event and device (its queued posts keep theirs). INVALID
 * when @url is not an http:// or https:// URL with a host, or @event is
 * not one of the four. */
void                herald_webhook_store_add_async      (HeraldWebhookStore    *self,
                                                         const char            *id,
                                                         const char            *url,
                                                         const char            *event,
                                                         const char            *device_id,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
HeraldWebhook      *herald_webhook_store_add_finish     (HeraldWebhookStore    *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* Oldest first: a GPtrArray of HeraldWebhook. */
void                herald_webhook_store_list_async     (HeraldWebhookStore    *self,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
GPtrArray          *herald_webhook_store_list_finish    (HeraldWebhookStore    *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* Removes the webhook and the posts still queued for it; NOT_FOUND when
 * there is no webhook @id. */
void                herald_webhook_store_remove_async   (HeraldWebhookStore    *self,
                                                         const char            *id,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
gboolean            herald_webhook_store_remove_finish  (HeraldWebhookStore    *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* Queues one post of @event for every webhook registered for it (and for
 * @device_id, or any device), in one transaction, due now; @payload is the event's JSON object as text,
 * @device_id (nullable) the modem it concerns. Returns how many were queued
 * (0: nobody listens) with herald_webhook_store_queue_finish(). */
void                herald_webhook_store_queue_async    (HeraldWebhookStore    *self,
                                                         const char            *event,
                                                         const char            *device_id,
                                                         const char            *payload,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
guint               herald_webhook_store_queue_finish   (HeraldWebhookStore    *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* The posts still queued, the earliest due first, at most @limit (0: all);
 * with @queued_only FALSE, every post, oldest first. A GPtrArray of
 * HeraldWebhookDelivery. */
void                herald_webhook_store_list_deliveries_async  (HeraldWebhookStore *self,
                                                                 gboolean            queued_only,
                                                                 guint               limit,
                                                                 GCancellable       *cancellable,
                                                                 GAsyncReadyCallback callback,
                                                                 gpointer            user_data);
GPtrArray          *herald_webhook_store_list_deliveries_finish (HeraldWebhookStore *self,
                                                                 GAsyncResult       *result,
                                                                 GError            **error);

/* Records an attempt of the queued post @delivery_id: @state DELIVERED or
 * FAILED for good, or QUEUED again, due at @next_attempt_at (UTC µs); the
 * attempt is counted, with the answer's @status (0: none) and @error
 * (nullable). Returns the row afterwards (NULL without an error when the post
 * is gone or no longer queued: its webhook was removed meanwhile). */
void                   herald_webhook_store_record_attempt_async  (HeraldWebhookStore        *self,
                                                                   const char                *delivery_id,
                                                                   HeraldWebhookDeliveryState state,
                                                                   gint64                     next_attempt_at,
                                                                   guint                      status,
                                                                   const char                *error,
                                                                   GCancellable              *cancellable,
                                                                   GAsyncReadyCallback        callback,
                                                                   gpointer                   user_data);
HeraldWebhookDelivery *herald_webhook_store_record_attempt_finish (HeraldWebhookStore        *self,
                                                                   GAsyncResult              *result,
                                                                   GError                   **error);

G_END_DECLS
