/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-rate-limiter"

#include <gio/gio.h>

#include "net/herald-rate-limiter-private.h"

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
}

/* 100 a minute: a few requests go at once, then one every 0.6 s. */
static void
test_acquire_small_burst (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("burst", 100, 60);
  Acquire acquires[6] = { { 0 } };
  guint done = 0;

  for (guint i = 0; i < G_N_ELEMENTS (acquires); i++)
    herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &acquires[i]);

  wait_all (acquires, 5, 1000);
  for (guint i = 0; i < G_N_ELEMENTS (acquires); i++)
    done += acquires[i].done;
  /* The sixth is due ~0.6 s after the first five. */
  g_assert_cmpuint (done, ==, 5);
  g_assert_false (acquires[5].done);

  wait_all (acquires, 6, 3000);
  g_assert_true (acquires[5].granted);
  g_assert_cmpint (acquires[5].done_at - acquires[0].done_at, >=, 400 * 1000);
  assert_idle (limiter);
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

/* No second of time holds more than L starts; 25 starts at 10 a second
 * therefore span at least two seconds. */
static void
test_acquire_spacing (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("spacing", 10, 1);
  Acquire acquires[25] = { { 0 } };
  guint max_in_window = 0;

  for (guint i = 0; i < G_N_ELEMENTS (acquires); i++)
    herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &acquires[i]);

  wait_all (acquires, G_N_ELEMENTS (acquires), 15000);

  for (guint i = 0; i < G_N_ELEMENTS (acquires); i++)
    {
      guint in_window = 0;

      g_assert_true (acquires[i].granted);
      for (guint j = i; j < G_N_ELEMENTS (acquires); j++)
        {
          if (acquires[j].done_at < acquires[i].done_at + G_USEC_PER_SEC)
            in_window++;
        }
      max_in_window = MAX (max_in_window, in_window);
    }

  g_assert_cmpuint (max_in_window, <=, 10);
  /* Evenly spread rather than in bursts of ten. */
  g_assert_cmpuint (max_in_window, >=, 8);
  g_assert_cmpint (acquires[24].done_at - acquires[0].done_at, >=, 2 * G_USEC_PER_SEC);
  assert_idle (limiter);
}

/* 20 a second: a burst of a few, then one every ~50 ms. The burst must
 * not add to the limit: still no more than 20 in any second. The times are
 * those the callbacks ran at, so the spacing is kept wide enough that a
 * loaded machine (sanitizers, valgrind) cannot bunch them up. */
static void
test_acquire_burst_within_limit (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("burst-limit", 20, 1);
  Acquire acquires[30] = { { 0 } };
  guint max_in_window = 0;

  for (guint i = 0; i < G_N_ELEMENTS (acquires); i++)
    herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &acquires[i]);

  wait_all (acquires, G_N_ELEMENTS (acquires), 15000);

  for (guint i = 0; i < G_N_ELEMENTS (acquires); i++)
    {
      guint in_window = 0;

      for (guint j = i; j < G_N_ELEMENTS (acquires); j++)
        {
          if (acquires[j].done_at < acquires[i].done_at + G_USEC_PER_SEC)
            in_window++;
        }
      max_in_window = MAX (max_in_window, in_window);
    }

  g_assert_cmpuint (max_in_window, <=, 20);
  g_assert_cmpuint (max_in_window, >=, 15);
  assert_idle (limiter);
}

/* Two a 4 s window: a slot every ~2 s. If the cancelled waiter took a slot
 * the third would wait ~4 s. */
static void
test_acquire_cancel_frees_slot (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("cancel", 2, 4);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  Acquire acquires[3] = { { 0 } };

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

  wait_all (acquires, 3, 6000);
  g_assert_false (acquires[1].granted);
  g_assert_error (acquires[1].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&acquires[1].error);
  g_assert_true (acquires[2].granted);
  g_assert_cmpuint (g_array_index (order, guint, 1), ==, 1);
  g_assert_cmpint (acquires[2].done_at - acquires[0].done_at, >=, 1500 * 1000);
  g_assert_cmpint (acquires[2].done_at - acquires[0].done_at, <, 3500 * 1000);
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

/* A new window's answer lifts the budget of the old one at once. */
static void
test_update_new_window_lifts_budget (void)
{
  g_autoptr(HeraldRateLimiter) limiter = herald_rate_limiter_get_for_key ("new-window", 100, 60);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  Acquire acquire = { 0 };

  herald_rate_limiter_update (limiter, 100, 0, now + 3000, 0);
  herald_rate_limiter_acquire_async (limiter, NULL, acquire_cb, &acquire);
  herald_rate_limiter_update (limiter, 100, 99, now + 3060, 0);

  wait_all (&acquire, 1, 2000);
  g_assert_true (acquire.granted);
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
  gint64 real = (gint64) (seconds * G_USEC_PER_SEC);

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

  /* Not before 1002.41 + 2 s: the window may have started as late as
   * that answer; and not at the reset (+ margin) either, which would be
   * 1005.1: waiting for it makes the next window ~3 s. */
  g_assert_cmpint (delay, >=, SECONDS (0.41));
  g_assert_cmpint (delay, <=, SECONDS (0.5));

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
  /* Until 1005 and a little, not until 1003.5 + 2.05. */
  g_assert_cmpint (delay, >=, SECONDS (0.5));
  g_assert_cmpint (delay, <, SECONDS (1.0));

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
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), >=, SECONDS (29.5));

  fake_clock_set_real (&clock, 1029.9);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), >, 0);
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

  fake_clock_set_real (&clock, 1004.6);
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), >=, SECONDS (4.39));
  g_assert_cmpint (_herald_rate_limiter_peek_delay (limiter), <=, SECONDS (4.41));

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
  g_test_add_func ("/rate-limiter/acquire/burst-within-limit", test_acquire_burst_within_limit);
  g_test_add_func ("/rate-limiter/acquire/cancel-frees-slot", test_acquire_cancel_frees_slot);
  g_test_add_func ("/rate-limiter/acquire/cancelled-before", test_acquire_cancelled_before);
  g_test_add_func ("/rate-limiter/update/learns-limit-and-window", test_update_learns_limit_and_window);
  g_test_add_func ("/rate-limiter/update/window-from-resets", test_update_window_from_resets);
  g_test_add_func ("/rate-limiter/update/retry-after-pauses-all", test_update_retry_after_pauses_all);
  g_test_add_func ("/rate-limiter/update/exhausted-waits-for-reset", test_update_exhausted_waits_for_reset);
  g_test_add_func ("/rate-limiter/update/new-window-lifts-budget", test_update_new_window_lifts_budget);
  g_test_add_func ("/rate-limiter/threads/share-limiter", test_threads_share_limiter);
  g_test_add_func ("/rate-limiter/window-end/from-first-answer", test_window_end_from_first_answer);
  g_test_add_func ("/rate-limiter/window-end/reset-when-earlier", test_window_end_reset_when_earlier);
  g_test_add_func ("/rate-limiter/window-end/unknown-window-waits-for-reset",
                   test_window_end_unknown_window_waits_for_reset);
  g_test_add_func ("/rate-limiter/window-end/retry-after-wins", test_window_end_retry_after_wins);
  g_test_add_func ("/rate-limiter/window/smallest-recent-difference", test_window_smallest_recent_difference);

  return g_test_run ();
}
