/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Paces the requests made with one API key, whoever makes them: one limiter
 * per key in the process (herald_rate_limiter_get_for_key), so a campaign,
 * the inbox and a status refresh share the budget. It spaces requests evenly
 * over the window so that a long job never trips 429, learns the real limit
 * and window from X-RateLimit-Limit / -Remaining / -Reset, and stops
 * everything until Retry-After (or the reset time) after a 429. */

#define HERALD_TYPE_RATE_LIMITER (herald_rate_limiter_get_type ())
G_DECLARE_FINAL_TYPE (HeraldRateLimiter, herald_rate_limiter, HERALD, RATE_LIMITER, GObject)

/* @key_id identifies the key without being it (e.g. a SHA-256 of base URL +
 * key); @limit and @window_seconds are the dialect's documented defaults
 * (100 a minute) until the server says otherwise. Returns a new reference. */
HeraldRateLimiter *herald_rate_limiter_get_for_key (const char         *key_id,
                                                    guint               limit,
                                                    guint               window_seconds);

/* Completes when a request may be made now (in order of asking). */
void      herald_rate_limiter_acquire_async  (HeraldRateLimiter   *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean  herald_rate_limiter_acquire_finish (HeraldRateLimiter   *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Waits for a slot like acquire and counts it, but keeps it for the next
 * acquire, which is then granted at once: a caller that must record
 * something between its turn coming and its request leaving (the campaign
 * engine marks its rows as being sent) reserves, records, then makes the
 * request. Finish with herald_rate_limiter_acquire_finish (). A slot that
 * is never used goes to whichever acquire comes next, so the budget stays
 * exact. */
void      herald_rate_limiter_reserve_async  (HeraldRateLimiter   *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);

/* What a response said; a 0 / -1 argument means "header absent". */
void      herald_rate_limiter_update         (HeraldRateLimiter   *self,
                                              gint64               limit,
                                              gint64               remaining,
                                              gint64               reset_unix_time,
                                              gint64               retry_after_seconds);

/* Delay before retry number @attempt (0-based) with exponential backoff and
 * full jitter: uniform in [0, min (cap, base × 2^attempt)], in microseconds. */
gint64    herald_rate_limiter_backoff_delay  (guint                attempt,
                                              gint64               base_usec,
                                              gint64               cap_usec);

guint     herald_rate_limiter_get_limit          (HeraldRateLimiter *self);
guint     herald_rate_limiter_get_window_seconds (HeraldRateLimiter *self);

G_END_DECLS
