/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/herald-webhook-store.h"

G_BEGIN_DECLS

/* Drains the durable queue of webhook posts (store/herald-webhook-store.h):
 * each due post is sent as JSON, in the envelope of the SMS Gateway for
 * Android app ({"id", "webhookId", "event", "deviceId", "payload"}), signed
 * (herald-webhook-signature.h; the key is read from the keyring, made there
 * on first use). A 2xx answer delivers it; anything else (another status, no
 * answer, a timeout) is tried again after an exponential backoff with
 * jitter, until max-attempts, after which the post fails for good with the
 * reason. Every attempt is written to the queue before the next, so posts
 * that were due when Herald stopped go out after start() in the next run.
 * Posts to one webhook go one at a time, in order, and several webhooks are
 * posted to at once, so that a slow or silent receiver delays only its own
 * posts. Redirects are not followed; TLS certificates are checked.
 *
 * Signal delivery-updated (HeraldWebhookDelivery *delivery): an attempt was
 * recorded (delivered, failed for good, or queued again with its
 * next_attempt_at). */

#define HERALD_TYPE_WEBHOOK_POSTER (herald_webhook_poster_get_type ())

G_DECLARE_FINAL_TYPE (HeraldWebhookPoster, herald_webhook_poster, HERALD, WEBHOOK_POSTER, GObject)

HeraldWebhookPoster *herald_webhook_poster_new         (HeraldWebhookStore  *store);
/* Attempts before a post fails for good (default 8); the first retry's delay
 * (default 10 s), doubled at each attempt up to @max_delay_ms (default 1 h). */
void                 herald_webhook_poster_set_retries (HeraldWebhookPoster *self,
                                                        guint                max_attempts,
                                                        guint                base_delay_ms,
                                                        guint                max_delay_ms);
/* How long a receiver may take to answer, in seconds (default 15). */
void                 herald_webhook_poster_set_timeout (HeraldWebhookPoster *self,
                                                        guint                seconds);
void                 herald_webhook_poster_start       (HeraldWebhookPoster *self);
/* Something was queued: look for due posts now. */
void                 herald_webhook_poster_wake        (HeraldWebhookPoster *self);
/* Stops posting: requests in flight are cancelled (their posts stay queued,
 * to go out at the next start). Drop the poster afterwards. */
void                 herald_webhook_poster_stop        (HeraldWebhookPoster *self);

/* The delay before the retry that follows @attempts attempts (1 or more):
 * @base_ms doubled at each attempt after the first, at most @max_ms, of which
 * the upper half is scaled by @random (in [0, 1)): "equal jitter", so that
 * receivers that come back are not hit by every sender at once, yet never
 * retried sooner than half the delay. */
guint                herald_webhook_backoff_ms         (guint                attempts,
                                                        guint                base_ms,
                                                        guint                max_ms,
                                                        double               random);

G_END_DECLS
