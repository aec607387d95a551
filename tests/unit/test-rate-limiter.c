/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-rate-limiter"

#include <gio/gio.h>

#include "net/herald-rate-limiter-private.h"
#include "herald-test-util.h"

/* Every test takes its own key: limiters live for the process. */

typedef struct
{
  guint    index;
  gboolean done;
  gboolean granted;
  GError  *error;
  gint64   done_at;     /* monotonic µs */
  GArray  *order;       /* shared: indexes in order of completion */
  GThread *thread;
} Acquire;

static void
acquire_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Acquire *acquire = user_data;

  acquire->granted = herald_rate_limiter_acquire_finish (HERALD_RATE_LIMITER (object), result,
                                                         &acquire->error);
  acquire->done = TRUE;
  acquire->done_at = g_get_monotonic_time ();
  acquire->thread = g_thread_self ();
  if (acquire->order != NULL)
    g_array_append_val (acquire->order, acquire->index);
}

typedef struct
{
  Acquire *acquires;
  guint    n;
} AllDone;

static gboolean
all_done (gpointer user_data)
{
  AllDone *all = user_data;

  for (guint i = 0; i < all->n; i++)
    {
      if (!all->acquires[i].done)
        return FALSE;
    }

  return TRUE;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the thread-default context until @done, or fails after
 * @timeout_ms. */
static void
wait_for (gboolean (*done) (gpointer),
          gpointer  user_data,
          guint     timeout_ms)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  gboolean timed_out = FALSE;
  GSource *guard = g_timeout_source_new (timeout_ms);

  g_source_set_callback (guard, timed_out_cb, &timed_out, NULL);
  g_source_attach (guard, context);
  while (!done (user_data) && !timed_out)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (guard);
  g_source_unref (guard);

  g_assert_true (done (user_data));
}

static void
wait_all (Acquire *acquires,
          guint    n,
          guint    timeout_ms)
{
  AllDone all = { acquires, n };

  wait_for (all_done, &all, timeout_ms);
}

static gboolean
only_our_references (gpointer user_data)
{
  /* The registry's and the test's: no timer, no waiter holds one. */
  return g_atomic_int_get (&G_OBJECT (user_data)->ref_count) == 2;
}

static void
assert_idle (HeraldRateLimiter *limiter)
{
  wait_for (only_our_references, limiter, 2000);
}

static void
test_registry_one_per_key (void)
{
  g_autoptr(HeraldRateLimiter) a = herald_rate_limiter_get_for_key ("registry-a", 10, 1);
  g_autoptr(HeraldRateLimiter) again = herald_rate_limiter_get_for_key ("registry-a", 50, 7);
  g_autoptr(HeraldRateLimiter) b = herald_rate_limiter_get_for_key ("registry-b", 10, 1);

  g_assert_true (a == again);
  g_assert_true (a != b);
  /* The first caller's defaults stay; later ones do not reset what was learnt. */
  g_assert_cmpuint (herald_rate_limiter_get_limit (again), ==, 10);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (again), ==, 1);
}

#define N_THREADS 8

static GMutex start_mutex;
static GCond start_cond;
static gboolean start_flag;

static gpointer
registry_thread (gpointer data)
{
  g_mutex_lock (&start_mutex);
  while (!start_flag)
    g_cond_wait (&start_cond, &start_mutex);
  g_mutex_unlock (&start_mutex);

  return herald_rate_limiter_get_for_key ("registry-threads", 100, 60);
}

static void
test_registry_threads (void)
{
  GThread *threads[N_THREADS];
  HeraldRateLimiter *limiters[N_THREADS];

  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("registry", registry_thread, NULL);

  g_mutex_lock (&start_mutex);
  start_flag = TRUE;
  g_cond_broadcast (&start_cond);
  g_mutex_unlock (&start_mutex);

  for (guint i = 0; i < N_THREADS; i++)
    limiters[i] = g_thread_join (threads[i]);

  for (guint i = 1; i < N_THREADS; i++)
    g_assert_true (limiters[i] == limiters[0]);
  for (guint i = 0; i < N_THREADS; i++)
    g_object_unref (limiters[i]);
}

static void
test_backoff_bounds (void)
{
  const gint64 base = 500 * 1000;
  const gint64 cap = 30 * G_USEC_PER_SEC;
  /* min (cap, base × 2^attempt), written out. */
  const gint64 bounds[] = { 500000, 1000000, 2000000, 4000000, 8000000, 16000000, 30000000, 30000000 };

  for (guint attempt = 0; attempt < G_N_ELEMENTS (bounds); attempt++)
    {
      gint64 max = 0;
      double sum = 0;
      const guint samples = 2000;

      for (guint i = 0; i < samples; i++)
        {
          gint64 delay = herald_rate_limiter_backoff_delay (attempt, base, cap);

          g_assert_cmpint (delay, >=, 0);
          g_assert_cmpint (delay, <=, bounds[attempt]);
          max = MAX (max, delay);
          sum += (double) delay;
        }

      /* Full jitter: spread over the whole range, mean near the middle
       * (the margins are many standard deviations wide). */
      g_assert_cmpint (max, >, bounds[attempt] * 9 / 10);
      g_assert_cmpfloat (sum / samples, >, bounds[attempt] * 0.4);
      g_assert_cmpfloat (sum / samples, <, bounds[attempt] * 0.6);
    }

  /* Absurd attempts neither overflow nor pass the cap. */
  for (guint i = 0; i < 100; i++)
    {
      g_assert_cmpint (herald_rate_limiter_backoff_delay (200, base, cap), <=, cap);
      g_assert_cmpint (herald_rate_limiter_backoff_delay (200, base, cap), >=, 0);
      g_assert_cmpint (herald_rate_limiter_backoff_delay (63, G_MAXINT64 / 4, G_MAXINT64), >=, 0);
    }
  g_assert_cmpint (herald_rate_limiter_backoff_delay (3, 0, cap), ==, 0);
  g_assert_cmpint (herald_rate_limiter_backoff_delay (3, -5, cap), ==, 0);
  g_assert_cmpint (herald_rate_limiter_backoff_delay (3, base, 0), ==, 0);
  g_assert_cmpint (herald_rate_limiter_backoff_delay (3, base, -5), ==, 0);
}

static void
test_acquire_fifo (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("fifo", 20, 1);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  Acquire acquires[8] = { { 0 } };

  for (guint i = 0; i < G_N_ELEMENTS (acquires); i++)
    {
      acquires[i].index = i;
      acquires[i].order = order;
      herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &acquires[i]);
    }

  wait_all (acquires, G_N_ELEMENTS (acquires), 5000);
  g_assert_cmpuint (order->len, ==, G_N_ELEMENTS (acquires));
  for (guint i = 0; i < order->len; i++)
    g_assert_cmpuint (g_array_index (order, guint, i), ==, i);
  assert_idle (limiter);
}

/* One an hour: a waiter cancelled before asking must not use the slot. */
static void
test_acquire_cancelled_before (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("cancelled-before", 1, 3600);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Acquire acquires[2] = { { 0 } };

  g_cancellable_cancel (cancellable);
  herald_rate_limiter_acquire_async (limiter, cancellable, acquire_cb, &acquires[0]);
  herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &acquires[1]);

  wait_all (acquires, 2, 2000);
  g_assert_error (acquires[0].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&acquires[0].error);
  g_assert_true (acquires[1].granted);
  assert_idle (limiter);
}

static void
test_update_learns_limit_and_window (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("learn", 100, 60);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* Absent headers change nothing. */
  herald_rate_limiter_update (limiter, 0, -1, 0, 0);
  g_assert_cmpuint (herald_rate_limiter_get_limit (limiter), ==, 100);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 60);

  /* The first request of a window: it ends at the reset. */
  herald_rate_limiter_update (limiter, 50, 49, now + 30, 0);
  g_assert_cmpuint (herald_rate_limiter_get_limit (limiter), ==, 50);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 30);
}

static void
test_update_window_from_resets (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("resets", 10, 60);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  herald_rate_limiter_update (limiter, 10, 3, now + 2, 0);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 60);
  herald_rate_limiter_update (limiter, 10, 5, now + 9, 0);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 7);

  /* Once two resets gave the length, the first request of a window seen
   * late (9 s before its reset) does not change it. */
  herald_rate_limiter_update (limiter, 10, 9, now + 9, 0);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 7);

  /* The next window, right after: its reset is 3 s on. */
  herald_rate_limiter_update (limiter, 10, 9, now + 12, 0);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 3);
}

/* Retry-After stops every waiter, not just the one that got the 429. */
static void
test_update_retry_after_pauses_all (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("retry-after", 100, 1);
  Acquire acquires[3] = { { 0 } };
  gint64 start = g_get_monotonic_time ();

  herald_rate_limiter_update (limiter, 0, -1, 0, 1);
  for (guint i = 0; i < G_N_ELEMENTS (acquires); i++)
    herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &acquires[i]);

  wait_all (acquires, G_N_ELEMENTS (acquires), 5000);
  for (guint i = 0; i < G_N_ELEMENTS (acquires); i++)
    {
      g_assert_true (acquires[i].granted);
      g_assert_cmpint (acquires[i].done_at - start, >=, G_USEC_PER_SEC);
    }
  assert_idle (limiter);
}

/* Nothing left in the window: wait for its reset. */
static void
test_update_exhausted_waits_for_reset (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("exhausted", 100, 60);
  gint64 reset = g_get_real_time () / G_USEC_PER_SEC + 1;
  Acquire acquire = { 0 };

  herald_rate_limiter_update (limiter, 100, 0, reset, 0);
  herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &acquire);

  wait_all (&acquire, 1, 5000);
  g_assert_true (acquire.granted);
  g_assert_cmpint (g_get_real_time (), >=, reset * G_USEC_PER_SEC);
  assert_idle (limiter);
}

typedef struct
{
  HeraldRateLimiter *limiter;
  Acquire            acquires[3];
} Worker;

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;
  g_autoptr(GMainContext) context = g_main_context_new ();

  g_main_context_push_thread_default (context);
  for (guint i = 0; i < G_N_ELEMENTS (worker->acquires); i++)
    herald_rate_limiter_acquire_async (worker->limiter, NULL, acquire_cb, &worker->acquires[i]);
  wait_all (worker->acquires, G_N_ELEMENTS (worker->acquires), 10000);
  g_main_context_pop_thread_default (context);

  return NULL;
}

/* Callers in two threads share one limiter; each is answered in its own
 * main context. */
static void
test_threads_share_limiter (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("threads", 20, 1);
  Worker worker = { limiter };
  Acquire acquires[3] = { { 0 } };
  GThread *thread;

  thread = g_thread_new ("worker", worker_thread, &worker);
  for (guint i = 0; i < G_N_ELEMENTS (acquires); i++)
    herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &acquires[i]);
  wait_all (acquires, G_N_ELEMENTS (acquires), 10000);
  g_thread_join (thread);

  for (guint i = 0; i < G_N_ELEMENTS (acquires); i++)
    {
      g_assert_true (acquires[i].granted);
      g_assert_true (acquires[i].thread == g_thread_self ());
      g_assert_true (worker.acquires[i].granted);
      g_assert_true (worker.acquires[i].thread == thread);
    }
  assert_idle (limiter);
}

/* A clock the test moves by hand: monotonic and real time (µs) advance
 * together. */
typedef struct
{
  gint64 monotonic;
  gint64 real;
} FakeClock;

static void
fake_clock_get (gpointer  user_data,
                gint64   *monotonic,
                gint64   *real)
{
  FakeClock *clock = user_data;

  *monotonic = clock->monotonic;
  *real = clock->real;
}

static void
fake_clock_set_real (FakeClock *clock,
                     double     seconds)
{
  /* Rounded: 1002.41 s is 1002410000 µs, not one less. */
  gint64 real = (gint64) (seconds * G_USEC_PER_SEC + 0.5);

  clock->monotonic += real - clock->real;
  clock->real = real;
}

#define SECONDS(s) ((gint64) ((double) (s) * G_USEC_PER_SEC))

/* Windows of 2 s that start at a key's first request, resets rounded up
 * to whole seconds: window 1 starts at 1000.2 (reset 1003), window 2 at
 * 1002.4 (reset 1005). Once the window is known from the resets, the
 * second one ends no later than 2 s (plus the pacing margin) after its
 * first answer came, at 1002.41: well before 1005. */
static void
test_window_end_from_first_answer (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("end-first-answer", 10, 60);
  FakeClock clock = { SECONDS (5000), 0 };
  gint64 delay;

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  fake_clock_set_real (&clock, 1000.21);
  herald_rate_limiter_update (limiter, 10, 9, 1003, 0);
  fake_clock_set_real (&clock, 1002.05);
  herald_rate_limiter_update (limiter, 10, 0, 1003, 0);
  fake_clock_set_real (&clock, 1002.41);
  herald_rate_limiter_update (limiter, 10, 9, 1005, 0);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 2);

  /* The window's budget is used up at 1004.0. */
  fake_clock_set_real (&clock, 1004.0);
  herald_rate_limiter_update (limiter, 10, 0, 1005, 0);
  delay = _herald_rate_limiter_peek_delay (limiter);

  /* At 1002.41 + W' = 1004.46, W' = 2 s × 1.02 + 10 ms: the window may
   * have started as late as that answer. Not at the reset (+ margin)
   * either, which would be 1005.1025: waiting for it makes the next window
   * ~3 s. */
  g_assert_cmpint (delay, ==, 460000);

  /* Past that point, a request may go although the reset is still ahead. */
  fake_clock_set_real (&clock, 1004.5);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 0);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
}

/* The reset stays a bound: when the answer that opened the window came
 * late, the reset (+ its margin) is the earlier end. */
static void
test_window_end_reset_when_earlier (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("end-reset-earlier", 10, 60);
  FakeClock clock = { SECONDS (5000), 0 };
  gint64 delay;

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  fake_clock_set_real (&clock, 1000.21);
  herald_rate_limiter_update (limiter, 10, 9, 1003, 0);
  fake_clock_set_real (&clock, 1002.05);
  herald_rate_limiter_update (limiter, 10, 0, 1003, 0);
  /* Window 2 started at 1002.95 (reset 1005); its first answer took
   * 0.55 s to come. */
  fake_clock_set_real (&clock, 1003.5);
  herald_rate_limiter_update (limiter, 10, 0, 1005, 0);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 2);

  fake_clock_set_real (&clock, 1004.5);
  delay = _herald_rate_limiter_peek_delay (limiter);
  /* Until the reset and its margin, half an interval (W'/L = 205 ms):
   * 1005.1025, not until 1003.5 + W' = 1005.55. */
  g_assert_cmpint (delay, ==, 602500);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
}

/* A window length that is only the documented default (or a guess from a
 * single reset) may be short: the reset alone says when the window ends. */
static void
test_window_end_unknown_window_waits_for_reset (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("end-unknown-window", 100, 1);
  FakeClock clock = { SECONDS (5000), 0 };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  fake_clock_set_real (&clock, 1000.5);
  herald_rate_limiter_update (limiter, 100, 0, 1030, 0);
  /* Until the reset and its margin, half an interval (W'/L = 10.3 ms). */
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 29505150);

  fake_clock_set_real (&clock, 1029.9);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 105150);
  fake_clock_set_real (&clock, 1031.1);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 0);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
}

/* Retry-After still wins over a window that looks over. */
static void
test_window_end_retry_after_wins (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("end-retry-after", 10, 60);
  FakeClock clock = { SECONDS (5000), 0 };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  fake_clock_set_real (&clock, 1000.21);
  herald_rate_limiter_update (limiter, 10, 9, 1003, 0);
  fake_clock_set_real (&clock, 1002.05);
  herald_rate_limiter_update (limiter, 10, 0, 1003, 0);
  fake_clock_set_real (&clock, 1002.41);
  herald_rate_limiter_update (limiter, 10, 9, 1005, 0);
  fake_clock_set_real (&clock, 1004.0);
  herald_rate_limiter_update (limiter, 10, 0, 1005, 5);

  /* Paused until 1004.0 + 5 s, past the window's end at 1004.46. */
  fake_clock_set_real (&clock, 1004.6);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 4400000);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
}

/* Consecutive resets are 2 s or, when a window started a little after the
 * previous ended, 3 s apart: the window is the smallest of the recent
 * differences, not the latest. */
static void
test_window_smallest_recent_difference (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("smallest-difference", 10, 60);
  FakeClock clock = { SECONDS (5000), 0 };
  const gint64 resets[] = { 1003, 1005, 1008, 1010, 1013, 1016, 1018 };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  for (guint i = 0; i < G_N_ELEMENTS (resets); i++)
    {
      /* The first answer of each window comes about 2.1 s before its
       * reset, the last one 0.3 s before. */
      fake_clock_set_real (&clock, (double) resets[i] - 2.1);
      herald_rate_limiter_update (limiter, 10, 9, resets[i], 0);
      if (i > 0)
        g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 2);
      fake_clock_set_real (&clock, (double) resets[i] - 0.3);
      herald_rate_limiter_update (limiter, 10, 0, resets[i], 0);
    }

  /* Eight windows 5 s apart: the window grew. */
  for (guint i = 0; i < 8; i++)
    {
      gint64 reset = 1018 + 5 * (i + 1);

      fake_clock_set_real (&clock, (double) reset - 4.9);
      herald_rate_limiter_update (limiter, 10, 9, reset, 0);
      g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, i < 7 ? 2 : 5);
      fake_clock_set_real (&clock, (double) reset - 0.3);
      herald_rate_limiter_update (limiter, 10, 0, reset, 0);
    }

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
}

static void
fake_clock_advance (FakeClock *clock,
                    gint64     usec)
{
  clock->monotonic += usec;
  clock->real += usec;
}

/* Dispatches what is ready, without waiting for any timer. */
static void
dispatch_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A request the limiter lets go now: granted without any timer. */
static void
acquire_at_once (HeraldRateLimiter *limiter)
{
  Acquire acquire = { 0 };

  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 0);
  herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &acquire);
  wait_all (&acquire, 1, 1000);
  g_assert_true (acquire.granted);
}

/* Starts @n requests one after the other, each as soon as the limiter
 * lets it, and records when (fake monotonic µs). */
static void
start_when_allowed (HeraldRateLimiter *limiter,
                    FakeClock         *clock,
                    gint64            *starts,
                    guint              n)
{
  for (guint i = 0; i < n; i++)
    {
      fake_clock_advance (clock, _herald_rate_limiter_peek_delay (limiter));
      acquire_at_once (limiter);
      starts[i] = clock->monotonic;
    }
}

/* The numbers below: W' = W × 1.02 + 10 ms, the interval T = W'/L, the
 * burst b = L/20 clamped to 1..5; a request may start (b − 1)·T + min (T/4,
 * 5 ms) ahead of the timeline. */

/* 100 a minute (W' = 61.21 s, T = 612.1 ms): five requests go at once, the
 * sixth is due one interval after the first less 5 ms, 607.1 ms; a timer
 * hands it out then. */
static void
test_acquire_small_burst (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("burst", 100, 60);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };
  Acquire acquires[6] = { { 0 } };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  for (guint i = 0; i < G_N_ELEMENTS (acquires); i++)
    herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &acquires[i]);
  wait_all (acquires, 5, 1000);
  dispatch_pending ();
  g_assert_false (acquires[5].done);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 607100);

  fake_clock_advance (&clock, 607099);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 1);
  /* Due now: the timer set for it grants it when it fires. */
  fake_clock_advance (&clock, 1);
  wait_all (acquires, 6, 5000);
  g_assert_true (acquires[5].granted);

  /* The burst is spent: the next one follows the timeline, T later. */
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 612100);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* A reserved slot waits its turn like any request and counts against the
 * budget, then belongs to the next acquire, which is granted at once even
 * though the timeline would make it wait. */
static void
test_reserve_then_acquire (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("reserve", 100, 60);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };
  Acquire burst[5] = { { 0 } };
  Acquire reserved[1] = { { 0 } };
  Acquire after[1] = { { 0 } };
  Acquire again[1] = { { 0 } };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  for (guint i = 0; i < G_N_ELEMENTS (burst); i++)
    herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &burst[i]);
  wait_all (burst, 5, 1000);

  /* The sixth start is 607.1 ms away: the reservation waits for it. */
  herald_rate_limiter_reserve_async (limiter, NULL, acquire_cb, &reserved[0]);
  dispatch_pending ();
  g_assert_false (reserved[0].done);
  fake_clock_advance (&clock, 607100);
  wait_all (reserved, 1, 5000);
  g_assert_true (reserved[0].granted);

  /* Counted: the next start is one interval on … */
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 612100);
  /* … yet the acquire that follows the reservation goes at once. */
  herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &after[0]);
  wait_all (after, 1, 1000);
  g_assert_true (after[0].granted);
  /* And took nothing more from the budget. */
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 612100);

  /* A reservation serves one acquire: the next one waits its turn again. */
  herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &again[0]);
  dispatch_pending ();
  g_assert_false (again[0].done);
  fake_clock_advance (&clock, 612100);
  wait_all (again, 1, 5000);
  g_assert_true (again[0].granted);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* 10 a second (W' = 1.03 s, T = 103 ms, no burst): each request may go
 * 5 ms ahead of the timeline (a timer firing late does not slow a job),
 * except that no W' holds more than 10 starts (rule 1): the 11th, 21st …
 * wait until the one 10 before is W' old. */
static void
test_acquire_spacing (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("spacing", 10, 1);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };
  const gint64 t = 103000;
  gint64 starts[25];

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);
  start_when_allowed (limiter, &clock, starts, G_N_ELEMENTS (starts));

  for (guint k = 0; k < G_N_ELEMENTS (starts); k++)
    g_assert_cmpint (starts[k] - starts[0], ==, k * t - (k % 10 == 0 ? 0 : 5000));
  for (guint k = 10; k < G_N_ELEMENTS (starts); k++)
    g_assert_cmpint (starts[k] - starts[k - 10], >=, 1030000);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* 1000 a minute (T = 61.21 ms): the burst is 5 however high the limit,
 * then the sixth waits T − 5 ms. */
static void
test_acquire_burst_at_high_limit (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("burst-high-limit", 1000, 60);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  for (guint i = 0; i < 5; i++)
    acquire_at_once (limiter);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 56210);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* The hard rule: no W' holds more than L starts. After 100 starts one
 * interval apart, pacing alone would allow a burst of four more at once
 * (104 in 60.6 s); the 101st must wait until the first is W' old, one
 * interval, and so on for the next hundred. */
static void
test_acquire_hard_limit (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("hard-limit", 100, 60);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };
  const gint64 t = 612100;
  const gint64 w_prime = 61210000;
  gint64 starts[200];

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  for (guint k = 0; k < 100; k++)
    {
      acquire_at_once (limiter);
      starts[k] = clock.monotonic;
      if (k < 99)
        fake_clock_advance (&clock, t);
    }
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, t);

  fake_clock_advance (&clock, t - 1);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 1);

  start_when_allowed (limiter, &clock, starts + 100, 100);
  g_assert_cmpint (starts[100] - starts[0], ==, w_prime);
  for (guint k = 100; k < G_N_ELEMENTS (starts); k++)
    g_assert_cmpint (starts[k] - starts[k - 100], >=, w_prime);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* Two a second (T = 515 ms, no burst): a cancelled waiter does not use a
 * slot, so the third request is due one interval (less 5 ms) after the
 * first, not two. */
static void
test_acquire_cancel_frees_slot (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("cancel", 2, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };
  Acquire acquires[3] = { { 0 } };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);
  for (guint i = 0; i < G_N_ELEMENTS (acquires); i++)
    {
      acquires[i].index = i;
      acquires[i].order = order;
    }

  herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &acquires[0]);
  wait_all (acquires, 1, 1000);

  herald_rate_limiter_acquire_async (limiter, cancellable, acquire_cb, &acquires[1]);
  herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &acquires[2]);
  g_cancellable_cancel (cancellable);
  wait_all (acquires, 2, 1000);
  dispatch_pending ();
  g_assert_false (acquires[1].granted);
  g_assert_error (acquires[1].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&acquires[1].error);
  g_assert_false (acquires[2].done);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 510000);

  fake_clock_advance (&clock, 510000);
  wait_all (acquires, 3, 5000);
  g_assert_true (acquires[2].granted);
  g_assert_cmpuint (order->len, ==, 3);
  g_assert_cmpuint (g_array_index (order, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (order, guint, 2), ==, 2);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* One an hour (W' = 3672.01 s): a waiter cancelled while it waits for its
 * slot is answered at once, not when the slot would have come an hour
 * later, and it leaves no timer behind. The slot stays free. */
static void
test_acquire_cancel_answers_at_once (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("cancel-at-once", 1, 3600);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };
  Acquire acquire = { 0 };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  acquire_at_once (limiter);
  herald_rate_limiter_acquire_async (limiter, cancellable, acquire_cb, &acquire);
  dispatch_pending ();
  g_assert_false (acquire.done);

  g_cancellable_cancel (cancellable);
  dispatch_pending ();
  g_assert_true (acquire.done);
  g_assert_false (acquire.granted);
  g_assert_error (acquire.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&acquire.error);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 3672010000);
  assert_idle (limiter);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
}

/* One an hour: a waiter whose cancellation the limiter meets before its
 * own handler ran (an answer makes it look at the queue first), just when
 * its slot comes, does not take the slot: the waiter behind it does, and
 * the next slot is an hour after that one. */
static void
test_acquire_cancelled_at_its_slot (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("cancelled-at-slot", 1, 3600);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };
  Acquire acquires[2] = { { 0 } };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  acquire_at_once (limiter);
  herald_rate_limiter_acquire_async (limiter, cancellable, acquire_cb, &acquires[0]);
  herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &acquires[1]);
  dispatch_pending ();
  g_assert_false (acquires[0].done);
  g_assert_false (acquires[1].done);

  fake_clock_advance (&clock, 3672010000);
  g_cancellable_cancel (cancellable);
  herald_rate_limiter_update (limiter, 0, -1, 0, 0);
  dispatch_pending ();
  g_assert_true (acquires[0].done);
  g_assert_false (acquires[0].granted);
  g_assert_error (acquires[0].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&acquires[0].error);
  g_assert_true (acquires[1].done);
  g_assert_true (acquires[1].granted);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 3672010000);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* Two a second (T = 515 ms): the second request is due 510 ms after the
 * first, and the timer that hands it out is set for then (a whole number
 * of ms), not later. */
static void
test_acquire_timer_at_slot (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("timer-at-slot", 2, 1);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };
  Acquire acquire = { 0 };
  gint timer_ms;

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  acquire_at_once (limiter);
  herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &acquire);
  timer_ms = herald_test_next_timer_ms (NULL);
  g_assert_false (acquire.done);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 510000);
  /* Read just after it was set: time passing can only make it less. */
  g_assert_cmpint (timer_ms, >=, 0);
  g_assert_cmpint (timer_ms, <=, 510);

  fake_clock_advance (&clock, 510000);
  wait_all (&acquire, 1, 5000);
  g_assert_true (acquire.granted);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* A new window's answer lifts the budget of the old one at once: a waiter
 * blocked until the old window's reset goes when it comes. */
static void
test_update_new_window_lifts_budget (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("new-window", 100, 60);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };
  Acquire acquire = { 0 };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  herald_rate_limiter_update (limiter, 100, 0, 4000, 0);
  /* Until the reset and its margin, half an interval (306.05 ms). */
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, SECONDS (3000) + 306050);
  herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &acquire);
  dispatch_pending ();
  g_assert_false (acquire.done);

  herald_rate_limiter_update (limiter, 100, 99, 4060, 0);
  wait_all (&acquire, 1, 2000);
  g_assert_true (acquire.granted);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* 10 a minute (T = 6.121 s): the budget counts the starts since its
 * window's answer. Nine left, nine started: wait for the reset (1060 and
 * its margin, 1 s). The next window's answer starts the count from zero. */
static void
test_update_new_window_counts_from_zero (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("new-window-count", 10, 60);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  herald_rate_limiter_update (limiter, 10, 9, 1060, 0);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 60);
  for (guint k = 0; k < 9; k++)
    {
      if (k > 0)
        fake_clock_advance (&clock, 6121000);
      acquire_at_once (limiter);
    }
  /* Now is 1000 + 8 T = 1048.968. */
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 12032000);

  fake_clock_set_real (&clock, 1060.0);
  herald_rate_limiter_update (limiter, 10, 9, 1120, 0);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 60);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 0);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* The limit alone changes (100 → 1000 a minute): the timeline continues
 * from the last start at the new interval (61.21 ms), so four more go at
 * once and the sixth is due T − 5 ms on, as for a limiter that always had
 * 1000. */
static void
test_update_raised_limit_rebases (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("rebase-raised", 100, 60);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  acquire_at_once (limiter);
  herald_rate_limiter_update (limiter, 1000, -1, 0, 0);
  g_assert_cmpuint (herald_rate_limiter_get_limit (limiter), ==, 1000);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 60);
  for (guint i = 0; i < 4; i++)
    acquire_at_once (limiter);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 56210);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* The limit alone drops (100 → 10 a minute): the next request is due the
 * new interval (6.121 s) after the last start, less 5 ms. */
static void
test_update_lowered_limit_rebases (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("rebase-lowered", 100, 60);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  acquire_at_once (limiter);
  herald_rate_limiter_update (limiter, 10, -1, 0, 0);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 6116000);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* After a 429 the window may have grown: the smaller differences seen
 * before no longer count, and the first new one gives the window. */
static void
test_update_retry_after_forgets_window (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("retry-after-window", 10, 60);
  FakeClock clock = { SECONDS (5000), 0 };
  const gint64 resets[] = { 1003, 1005, 1007 };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  for (guint i = 0; i < G_N_ELEMENTS (resets); i++)
    {
      fake_clock_set_real (&clock, (double) resets[i] - 2.1);
      herald_rate_limiter_update (limiter, 10, 9, resets[i], 0);
      fake_clock_set_real (&clock, (double) resets[i] - 0.3);
      herald_rate_limiter_update (limiter, 10, 0, resets[i], 0);
    }
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 2);

  fake_clock_set_real (&clock, 1006.8);
  herald_rate_limiter_update (limiter, 0, -1, 0, 5);

  /* The next window: its reset is 5 s after the previous one. */
  fake_clock_set_real (&clock, 1007.1);
  herald_rate_limiter_update (limiter, 10, 9, 1012, 0);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 5);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
}

/* 1000 a second (T = 1.03 ms): a request may go ahead of the timeline by
 * a quarter interval at most (257 µs), not the 5 ms allowed at lower
 * rates: after the burst of five the sixth is due 773 µs on. */
static void
test_acquire_tolerance_quarter_interval (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("tolerance-quarter", 1000, 1);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  for (guint i = 0; i < 5; i++)
    acquire_at_once (limiter);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 773);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* Past 10 000 requests a window the starts are not tracked: pacing alone
 * (T = 6.12 ms at 10 001 a minute). After 10 001 starts one interval
 * apart the burst still goes, where the hard rule would hold it 10 ms. */
static void
test_acquire_untracked_above_10000 (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("untracked", 10001, 60);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  for (guint k = 0; k < 10001; k++)
    {
      if (k > 0)
        fake_clock_advance (&clock, 6120);
      acquire_at_once (limiter);
    }
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 0);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* A lower limit keeps the newest starts for the hard rule: after 100
 * starts one interval (612.1 ms) apart and a new limit of 10, the next
 * waits until the 91st start is W' (61.21 s) old: 61.21 s − 9 × 612.1 ms
 * from the last. */
static void
test_update_lowered_limit_keeps_newest_starts (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("lowered-keeps-newest", 100, 60);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  for (guint k = 0; k < 100; k++)
    {
      if (k > 0)
        fake_clock_advance (&clock, 612100);
      acquire_at_once (limiter);
    }
  herald_rate_limiter_update (limiter, 10, -1, 0, 0);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 61210000 - 9 * 612100);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* A window is at most a day, however it is given or learnt. */
static void
test_window_at_most_a_day (void)
{
  g_autoptr(HeraldRateLimiter) given = herald_rate_limiter_get_for_key ("day-given", 10, 100000);
  g_autoptr(HeraldRateLimiter) learnt = herald_rate_limiter_get_for_key ("day-learnt", 10, 60);
  g_autoptr(HeraldRateLimiter) from_resets = herald_rate_limiter_get_for_key ("day-resets", 10, 60);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };

  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (given), ==, 86400);

  /* The first answer of a window whose reset is two days away. */
  _herald_rate_limiter_set_clock (learnt, fake_clock_get, &clock);
  herald_rate_limiter_update (learnt, 10, 9, 1000 + 2 * 86400, 0);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (learnt), ==, 86400);
  _herald_rate_limiter_set_clock (learnt, NULL, NULL);

  /* Consecutive resets two days apart. */
  _herald_rate_limiter_set_clock (from_resets, fake_clock_get, &clock);
  herald_rate_limiter_update (from_resets, 10, 5, 1100, 0);
  fake_clock_advance (&clock, SECONDS (1));
  herald_rate_limiter_update (from_resets, 10, 5, 1100 + 2 * 86400, 0);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (from_resets), ==, 86400);
  _herald_rate_limiter_set_clock (from_resets, NULL, NULL);
}

/* Two resets give the window's length only when their answers came close
 * together: within 2 s, or two intervals when that is longer. */
static void
assert_reset_gap (guint    window,
                  gint64   gap,
                  gint64   difference,
                  guint    expected)
{
  g_autofree char *key = g_strdup_printf ("reset-gap-%u-%" G_GINT64_FORMAT, window, gap);
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key (key, 10, window);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);
  herald_rate_limiter_update (limiter, 10, 5, 1100, 0);
  fake_clock_advance (&clock, gap);
  herald_rate_limiter_update (limiter, 10, 5, 1100 + difference, 0);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, expected);
  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
}

static void
test_window_reset_gap (void)
{
  /* W = 2 s, 10 a window: T = 205 ms, so the gap allowed is 2 s. */
  assert_reset_gap (2, 2000000, 3, 3);
  assert_reset_gap (2, 2000001, 3, 2);
  /* W = 60 s: T = 6.121 s, so two intervals, 12.242 s. */
  assert_reset_gap (60, 12242000, 50, 50);
  assert_reset_gap (60, 12242001, 50, 60);
}

/* An answer that changes neither the limit nor the window leaves the
 * timeline where it was: after the burst of five at 100 a minute, the
 * sixth is still due 607.1 ms on. */
static void
test_update_same_limit_keeps_timeline (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("same-limit-timeline", 100, 60);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  for (guint i = 0; i < 5; i++)
    acquire_at_once (limiter);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 607100);

  herald_rate_limiter_update (limiter, 100, 95, 1060, 0);
  g_assert_cmpuint (herald_rate_limiter_get_limit (limiter), ==, 100);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 60);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 607100);

  herald_rate_limiter_update (limiter, 0, -1, 0, 0);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 607100);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* The first answer of a window (remaining = limit − 1) gives its length,
 * rounded up to whole seconds, when its reset is still ahead; a reset
 * that is now or past says nothing. A limit of 1 is a limit like any. */
static void
test_update_first_answer_window (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("first-answer-window", 10, 60);
  g_autoptr(HeraldRateLimiter) one = herald_rate_limiter_get_for_key ("first-answer-one", 10, 60);
  g_autoptr(HeraldRateLimiter) short_window = herald_rate_limiter_get_for_key ("first-answer-short", 10, 60);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);
  herald_rate_limiter_update (limiter, 10, 9, 1000, 0);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 60);
  _herald_rate_limiter_set_clock (limiter, NULL, NULL);

  /* Another key, whose first answer comes 0.5 s before its reset. */
  fake_clock_set_real (&clock, 1000.5);
  _herald_rate_limiter_set_clock (short_window, fake_clock_get, &clock);
  herald_rate_limiter_update (short_window, 10, 9, 1001, 0);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (short_window), ==, 1);
  _herald_rate_limiter_set_clock (short_window, NULL, NULL);

  _herald_rate_limiter_set_clock (one, fake_clock_get, &clock);
  herald_rate_limiter_update (one, 1, 0, 1100, 0);
  g_assert_cmpuint (herald_rate_limiter_get_limit (one), ==, 1);
  _herald_rate_limiter_set_clock (one, NULL, NULL);
}

/* The first answer's window is the time left to its reset rounded up to
 * whole seconds: exactly 2 s is 2 s, one microsecond more is 3 s. */
static void
test_update_first_answer_window_rounds_up (void)
{
  static const struct
  {
    gint64 to_reset;   /* µs from the answer to its reset */
    guint  window;     /* s */
  } cases[] = {
    { 1, 1 },
    { 999999, 1 },
    { 1000000, 1 },
    { 1000001, 2 },
    { 1999999, 2 },
    { 2000000, 2 },
    { 2000001, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = g_strdup_printf ("first-answer-round-%u", i);
      g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key (key, 10, 60);
      FakeClock clock = { SECONDS (5000), SECONDS (1000) - cases[i].to_reset };

      _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);
      herald_rate_limiter_update (limiter, 10, 9, 1000, 0);
      g_test_message ("reset %" G_GINT64_FORMAT " µs away", cases[i].to_reset);
      g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, cases[i].window);
      _herald_rate_limiter_set_clock (limiter, NULL, NULL);
    }
}

/* Answers of one window may come out of order. 10 a minute (T = 6.121 s),
 * reset at 1060; two requests started, at 1000 and 1006.121. */
static void
start_two_in_budget (HeraldRateLimiter *limiter,
                     FakeClock         *clock,
                     gint64             remaining)
{
  _herald_rate_limiter_set_clock (limiter, fake_clock_get, clock);
  herald_rate_limiter_update (limiter, 10, remaining, 1060, 0);
  acquire_at_once (limiter);
  fake_clock_advance (clock, 6121000);
  acquire_at_once (limiter);
}

/* One request is left: it goes on the timeline (T − 5 ms on), then the
 * next waits for the reset and its margin (1 s): 1061 − 1012.237 s. */
static void
assert_one_left (HeraldRateLimiter *limiter,
                 FakeClock         *clock)
{
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 6116000);
  fake_clock_advance (clock, 6116000);
  acquire_at_once (limiter);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 48763000);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* A late answer that says more is left than our count (3 − 2 = 1) does
 * not raise it, and an answer of the previous window does not lower it. */
static void
test_update_budget_late_answers (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("budget-late-answers", 10, 60);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };

  start_two_in_budget (limiter, &clock, 3);
  herald_rate_limiter_update (limiter, 10, 2, 1060, 0);
  herald_rate_limiter_update (limiter, 10, 0, 1000, 0);
  assert_one_left (limiter, &clock);
}

/* An answer that says less is left than our count (5 − 2 = 3) wins, and
 * the count starts again from it. */
static void
test_update_budget_lower_answer_wins (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("budget-lower-wins", 10, 60);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };

  start_two_in_budget (limiter, &clock, 5);
  herald_rate_limiter_update (limiter, 10, 1, 1060, 0);
  assert_one_left (limiter, &clock);
}

/* A lower limit keeps the newest starts in order also once their ring has
 * wrapped: 13 starts one interval (103 ms) apart at 10 a second, then a
 * limit of 5. The oldest kept is the 9th, four intervals before the last,
 * so the next waits until it is W' (1.03 s) old: W' − 4 × 103 ms. */
static void
test_update_lowered_limit_after_wrap (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("lowered-after-wrap", 10, 1);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);

  for (guint k = 0; k < 13; k++)
    {
      if (k > 0)
        fake_clock_advance (&clock, 103000);
      acquire_at_once (limiter);
    }
  herald_rate_limiter_update (limiter, 5, -1, 0, 0);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), ==, 1030000 - 4 * 103000);

  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
  assert_idle (limiter);
}

/* A limit past what a guint holds is G_MAXUINT, never taken modulo 2^32:
 * 2^32 + 5 would read as the limit it already has. */
static void
test_update_huge_limit_clamped (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("huge-limit", 5, 60);

  herald_rate_limiter_update (limiter, (gint64) G_MAXUINT + 6, -1, 0, 0);
  g_assert_cmpuint (herald_rate_limiter_get_limit (limiter), ==, G_MAXUINT);
}

/* The first answer on a key is a first answer even when two intervals
 * (the longest gap between two consecutive resets) reach back further
 * than the monotonic clock: at one an hour they are 2.04 h, the clock
 * reads 5000 s. Its reset, 30 s ahead, gives the window; there is no
 * earlier reset to take a difference from. */
static void
test_update_first_answer_long_interval (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("first-answer-long-interval", 1, 3600);
  FakeClock clock = { SECONDS (5000), SECONDS (1000) };

  _herald_rate_limiter_set_clock (limiter, fake_clock_get, &clock);
  herald_rate_limiter_update (limiter, 1, 0, 1030, 0);
  g_assert_cmpuint (herald_rate_limiter_get_window_seconds (limiter), ==, 30);
  _herald_rate_limiter_set_clock (limiter, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rate-limiter/registry/one-per-key", test_registry_one_per_key);
  g_test_add_func ("/rate-limiter/registry/threads", test_registry_threads);
  g_test_add_func ("/rate-limiter/backoff/full-jitter-bounds", test_backoff_bounds);
  g_test_add_func ("/rate-limiter/acquire/small-burst", test_acquire_small_burst);
  g_test_add_func ("/rate-limiter/acquire/fifo", test_acquire_fifo);
  g_test_add_func ("/rate-limiter/acquire/spacing", test_acquire_spacing);
  g_test_add_func ("/rate-limiter/acquire/burst-at-high-limit", test_acquire_burst_at_high_limit);
  g_test_add_func ("/rate-limiter/acquire/hard-limit-after-full-window", test_acquire_hard_limit);
  g_test_add_func ("/rate-limiter/acquire/tolerance-quarter-interval", test_acquire_tolerance_quarter_interval);
  g_test_add_func ("/rate-limiter/acquire/untracked-above-10000", test_acquire_untracked_above_10000);
  g_test_add_func ("/rate-limiter/acquire/cancel-frees-slot", test_acquire_cancel_frees_slot);
  g_test_add_func ("/rate-limiter/acquire/cancelled-before", test_acquire_cancelled_before);
  g_test_add_func ("/rate-limiter/acquire/cancel-answers-at-once", test_acquire_cancel_answers_at_once);
  g_test_add_func ("/rate-limiter/acquire/cancelled-at-its-slot", test_acquire_cancelled_at_its_slot);
  g_test_add_func ("/rate-limiter/acquire/timer-at-slot", test_acquire_timer_at_slot);
  g_test_add_func ("/rate-limiter/update/learns-limit-and-window", test_update_learns_limit_and_window);
  g_test_add_func ("/rate-limiter/update/window-from-resets", test_update_window_from_resets);
  g_test_add_func ("/rate-limiter/update/retry-after-pauses-all", test_update_retry_after_pauses_all);
  g_test_add_func ("/rate-limiter/update/exhausted-waits-for-reset", test_update_exhausted_waits_for_reset);
  g_test_add_func ("/rate-limiter/update/new-window-lifts-budget", test_update_new_window_lifts_budget);
  g_test_add_func ("/rate-limiter/update/new-window-counts-from-zero", test_update_new_window_counts_from_zero);
  g_test_add_func ("/rate-limiter/update/first-answer-window", test_update_first_answer_window);
  g_test_add_func ("/rate-limiter/update/first-answer-window-rounds-up",
                   test_update_first_answer_window_rounds_up);
  g_test_add_func ("/rate-limiter/update/same-limit-keeps-timeline", test_update_same_limit_keeps_timeline);
  g_test_add_func ("/rate-limiter/update/raised-limit-rebases-timeline", test_update_raised_limit_rebases);
  g_test_add_func ("/rate-limiter/update/lowered-limit-rebases-timeline", test_update_lowered_limit_rebases);
  g_test_add_func ("/rate-limiter/update/lowered-limit-keeps-newest-starts",
                   test_update_lowered_limit_keeps_newest_starts);
  g_test_add_func ("/rate-limiter/update/retry-after-forgets-window", test_update_retry_after_forgets_window);
  g_test_add_func ("/rate-limiter/update/budget-late-answers", test_update_budget_late_answers);
  g_test_add_func ("/rate-limiter/update/budget-lower-answer-wins", test_update_budget_lower_answer_wins);
  g_test_add_func ("/rate-limiter/update/lowered-limit-after-wrap", test_update_lowered_limit_after_wrap);
  g_test_add_func ("/rate-limiter/update/huge-limit-clamped", test_update_huge_limit_clamped);
  g_test_add_func ("/rate-limiter/update/first-answer-long-interval", test_update_first_answer_long_interval);
  g_test_add_func ("/rate-limiter/threads/share-limiter", test_threads_share_limiter);
  g_test_add_func ("/rate-limiter/window-end/from-first-answer", test_window_end_from_first_answer);
  g_test_add_func ("/rate-limiter/window-end/reset-when-earlier", test_window_end_reset_when_earlier);
  g_test_add_func ("/rate-limiter/window-end/unknown-window-waits-for-reset",
                   test_window_end_unknown_window_waits_for_reset);
  g_test_add_func ("/rate-limiter/window-end/retry-after-wins", test_window_end_retry_after_wins);
  g_test_add_func ("/rate-limiter/window/smallest-recent-difference", test_window_smallest_recent_difference);
  g_test_add_func ("/rate-limiter/window/at-most-a-day", test_window_at_most_a_day);
  g_test_add_func ("/rate-limiter/window/reset-gap", test_window_reset_gap);
  g_test_add_func ("/rate-limiter/reserve-then-acquire", test_reserve_then_acquire);

  return g_test_run ();
}
