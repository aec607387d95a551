/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A webhook receiver for the webhook tests: a SoupServer on 127.0.0.1 in
 * the default main context that keeps every request it gets and answers
 * with the statuses queued by the test, then 200 (or holds the request
 * unanswered while it hangs). */

typedef struct
{
  char   *path;
  GBytes *body;
  char   *content_type;
  char   *timestamp;    /* X-Timestamp, nullable */
  char   *signature;    /* X-Signature, nullable */
} HeraldTestWebhookRequest;

typedef struct
{
  SoupServer *server;
  guint       port;
  GQueue      statuses;   /* GUINT_TO_POINTER: the next answers */
  gboolean    hang;
  GPtrArray  *requests;   /* HeraldTestWebhookRequest */
  GPtrArray  *held;       /* SoupServerMessage, unanswered while hanging */
} HeraldTestWebhookReceiver;

HeraldTestWebhookReceiver *herald_test_webhook_receiver_new     (void);
void                       herald_test_webhook_receiver_free    (HeraldTestWebhookReceiver *self);
/* http://127.0.0.1:PORT@path */
char                      *herald_test_webhook_receiver_url     (HeraldTestWebhookReceiver *self,
                                                                 const char                *path);
void                       herald_test_webhook_receiver_answer  (HeraldTestWebhookReceiver *self,
                                                                 guint                      status);
/* Stops listening (the port refuses connections) / listens again on it. */
void                       herald_test_webhook_receiver_down    (HeraldTestWebhookReceiver *self);
void                       herald_test_webhook_receiver_up      (HeraldTestWebhookReceiver *self);
/* The requests to @path so far (NULL: all). */
guint                      herald_test_webhook_receiver_count   (HeraldTestWebhookReceiver *self,
                                                                 const char                *path);
HeraldTestWebhookRequest  *herald_test_webhook_receiver_nth     (HeraldTestWebhookReceiver *self,
                                                                 const char                *path,
                                                                 guint                      n);
/* The request's body parsed: its root object (transfer full), failing the test when it is none. */
JsonObject                *herald_test_webhook_request_json     (HeraldTestWebhookRequest  *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldTestWebhookReceiver, herald_test_webhook_receiver_free)

G_END_DECLS
