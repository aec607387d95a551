/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-rate-limiter.h"

G_BEGIN_DECLS

/* For tests: replaces the limiter's clocks (monotonic and real time, µs),
 * so that what it decides can be checked without waiting. NULL restores
 * g_get_monotonic_time () and g_get_real_time (). */
typedef void (*HeraldRateLimiterClockFunc) (gpointer  user_data,
                                            gint64   *monotonic,
                                            gint64   *real);

void   _herald_rate_limiter_set_clock (HeraldRateLimiter          *self,
                                       HeraldRateLimiterClockFunc  func,
                                       gpointer                    user_data);

/* How long a request asked for now would wait, in µs (0: at once), not
 * counting the waiters already queued. */
gint64 _herald_rate_limiter_peek_delay (HeraldRateLimiter *self);

G_END_DECLS
