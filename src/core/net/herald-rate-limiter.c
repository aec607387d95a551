/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-rate-limiter"

#include "config.h"

#include <math.h>

#include "herald-rate-limiter-private.h"

/* How requests are paced
 *
 * Two rules decide when the next request may start:
 *
 * 1. A hard one: no interval of W' = W × 1.02 + 10 ms holds more than L
 *    starts (checked against the start times of the last L requests). The
 *    margin covers network jitter between our clock and the moment the
 *    server counts the request, so no fixed window of length W on the server
 *    can see more than L either.
 * 2. An even one: starts follow a timeline one W'/L apart (the generic cell
 *    rate algorithm, GCRA). A request may start a little ahead of the
 *    timeline: by a few intervals, which allows a small burst after a pause
 *    (up to L/20, at most 5: status refreshes feel instant), and by a few
 *    milliseconds, so a main-loop timer firing late does not slow the job
 *    down. A long job keeps L / W' ≈ 97.5 % of the allowed rate for W = 2 s,
 *    more for longer windows.
 *
 * On top of that, what the server says wins: no request while a Retry-After
 * runs, and none past the budget a response announced (X-RateLimit-Remaining
 * minus what started since) until its window is over.
 *
 * When is the window over? X-RateLimit-Reset has whole seconds, rounded
 * up when a server starts a key's window at its first request, so waiting
 * for it (plus a margin in case the server's clock is behind ours) loses up
 * to a second a window, and the next window, started just after a whole
 * second, is rounded up by almost a second again: a 2 s window then takes
 * ~3 s. Once the window's length is known from consecutive resets, the
 * window cannot end later than W' after the first response that belonged
 * to it arrived: the server started the window before it answered that
 * request. The earlier of the two ends wins; the second one comes from our
 * monotonic clock alone, so clock skew does not matter to it.
 *
 * Consecutive resets give an upper bound on the window (windows do not
 * overlap: one starts no earlier than the previous ends), loose by a second
 * whenever ours start a little after the previous one ended. The smallest
 * of the last few is taken, so that the estimate does not jump to W + 1 and
 * then keep itself there by pacing for W + 1.
 *
 * Limiters live for the process (the registry keeps a reference): there are
 * only a few keys, and forgetting what a key just used when the last client
 * of it goes away would let a new client burst into a window the server is
 * still counting. Waiters are queued in order; a timer runs only while
 * someone waits, in the main context of the first waiter. */

#define WINDOW_MARGIN             0.02
#define WINDOW_MARGIN_FIXED_USEC  G_GINT64_CONSTANT (10000)
#define MAX_BURST                 5
#define LATE_TIMER_USEC           G_GINT64_CONSTANT (5000)
#define RESET_SAFETY_USEC         G_GINT64_CONSTANT (1000000)
/* Past this many requests a window, the exact check (rule 1) would cost
 * more memory than it is worth; pacing alone keeps the rate. */
#define MAX_TRACKED_STARTS        10000
#define MAX_WINDOW_SECONDS        G_GINT64_CONSTANT (86400)
/* Consecutive resets only give the window length when nothing much
 * happened between the two responses. */
#define RESET_GAP_USEC            G_GINT64_CONSTANT (2000000)
/* The window is the smallest of this many consecutive-reset differences. */
#define N_WINDOW_SAMPLES          8

typedef struct
{
  GTask   *task;
  GSource *cancel_source;
  GList    link;       /* in the queue while queued (link.data == self) */
  gboolean queued;
  gboolean reserve;    /* herald_rate_limiter_reserve_async () */
} Waiter;

struct _HeraldRateLimiter
{
  GObject   parent_instance;

  GMutex    mutex;
  char     *key_id;

  guint     limit;
  guint     window_seconds;
  gboolean  window_from_resets;
  gint64    window_samples[N_WINDOW_SAMPLES];  /* s, a ring of reset differences */
  guint     n_window_samples;
  guint     next_window_sample;

  /* Pacing: the timeline (monotonic µs) and the last starts (a ring). */
  gint64    next_start;
  gint64   *starts;
  guint     starts_size;
  guint     starts_len;
  guint     starts_head;

  /* What the server said. */
  gint64    paused_until;          /* monotonic µs (Retry-After) */
  gint64    budget_remaining;      /* -1: unknown */
  gint64    budget_reset;          /* real-time µs of its reset */
  gint64    budget_seen;           /* monotonic µs: its window's first answer */
  guint     started_since_budget;
  gint64    last_reset;            /* unix s, the latest seen */
  gint64    last_reset_seen;       /* monotonic µs */

  GQueue    waiters;
  GSource  *timer;
  /* Slots granted to reserve_async () that no acquire has used yet. */
  guint     reserved;

  HeraldRateLimiterClockFunc clock_func;  /* tests only */
  gpointer                   clock_data;
};

G_DEFINE_FINAL_TYPE (HeraldRateLimiter, herald_rate_limiter, G_TYPE_OBJECT)

static GMutex registry_mutex;
static GHashTable *registry;

static void
waiter_free (Waiter *waiter)
{
  g_clear_object (&waiter->task);
  g_clear_pointer (&waiter->cancel_source, g_source_unref);
}

static Waiter *
waiter_ref (Waiter *waiter)
{
  return g_atomic_rc_box_acquire (waiter);
}

static void
waiter_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, (GDestroyNotify) waiter_free);
}

static void
get_now_locked (HeraldRateLimiter *self,
                gint64            *now,
                gint64            *now_real)
{
  if (self->clock_func != NULL)
    {
      self->clock_func (self->clock_data, now, now_real);
      return;
    }

  *now = g_get_monotonic_time ();
  *now_real = g_get_real_time ();
}

static gint64
window_prime_usec (HeraldRateLimiter *self)
{
  return (gint64) ((double) self->window_seconds * G_USEC_PER_SEC * (1.0 + WINDOW_MARGIN))
         + WINDOW_MARGIN_FIXED_USEC;
}

static gint64
interval_usec (HeraldRateLimiter *self)
{
  return window_prime_usec (self) / self->limit;
}

static guint
burst (HeraldRateLimiter *self)
{
  return CLAMP (self->limit / 20, 1, MAX_BURST);
}

/* Keeps the newest starts when the limit changes. */
static void
resize_starts (HeraldRateLimiter *self)
{
  guint size = MIN (self->limit, MAX_TRACKED_STARTS);
  gint64 *starts = g_new0 (gint64, size);
  guint oldest = self->starts_len > size ? self->starts_len - size : 0;
  guint kept = 0;

  for (guint i = oldest; i < self->starts_len; i++)
    starts[kept++] = self->starts[(self->starts_head + i) % self->starts_size];

  g_free (self->starts);
  self->starts = starts;
  self->starts_size = size;
  self->starts_len = kept;
  self->starts_head = 0;
}

/* How far ahead of the timeline a request may start: the burst, and a few
 * milliseconds so that a timer firing late does not push the timeline. */
static gint64
tolerance_usec (HeraldRateLimiter *self)
{
  gint64 interval = interval_usec (self);

  return (gint64) (burst (self) - 1) * interval + MIN (interval / 4, LATE_TIMER_USEC);
}

static void
record_start (HeraldRateLimiter *self,
              gint64             now)
{

  if (self->starts_len < self->starts_size)
    {
      self->starts[(self->starts_head + self->starts_len) % self->starts_size] = now;
      self->starts_len++;
    }
  else
    {
      self->starts[self->starts_head] = now;
      self->starts_head = (self->starts_head + 1) % self->starts_size;
    }

  self->next_start = MAX (self->next_start, now) + interval_usec (self);
  self->started_since_budget++;
}

/* The limit or the window changed: the timeline was laid with the old
 * interval (far ahead of now when the documented default was slower than
 * the real limit). Continue it from the last start with the new one. */
static void
rebase_timeline (HeraldRateLimiter *self)
{
  gint64 last;

  if (self->starts_len == 0)
    return;

  last = self->starts[(self->starts_head + self->starts_len - 1) % self->starts_size];
  self->next_start = last + interval_usec (self);
}

/* After a used-up window, wait past its reset a little in case the server's
 * clock is behind ours, but no more than half an interval: pacing fills
 * some windows exactly, and a second lost each time would cost more than
 * the rare 429 a larger clock skew causes (which is retried anyway). */
static gint64
reset_safety_usec (HeraldRateLimiter *self)
{
  return MIN (RESET_SAFETY_USEC, interval_usec (self) / 2);
}

/* Monotonic time at which the window of the budget is over: at its reset,
 * or earlier, W' after its first answer, once W is known from resets (a
 * window length guessed from the documented default or from one reset may
 * be short, and would then let requests into a window still counting). */
static gint64
budget_end (HeraldRateLimiter *self,
            gint64             now,
            gint64             now_real)
{
  gint64 end = now + (self->budget_reset + reset_safety_usec (self) - now_real);

  if (self->window_from_resets && self->budget_seen > 0)
    end = MIN (end, self->budget_seen + window_prime_usec (self));

  return end;
}

static gboolean
budget_exhausted (HeraldRateLimiter *self,
                  gint64             now,
                  gint64             now_real)
{
  return self->budget_remaining >= 0 &&
         self->started_since_budget >= self->budget_remaining &&
         now < budget_end (self, now, now_real);
}

/* Monotonic time at which the next request may start. */
static gint64
earliest_start (HeraldRateLimiter *self,
                gint64             now,
                gint64             now_real)
{
  gint64 t = MAX (now, self->next_start - tolerance_usec (self));

  if (self->starts_size == self->limit && self->starts_len == self->starts_size)
    t = MAX (t, self->starts[self->starts_head] + window_prime_usec (self));

  t = MAX (t, self->paused_until);

  if (budget_exhausted (self, now, now_real))
    t = MAX (t, budget_end (self, now, now_real));

  return t;
}

static gboolean timer_cb (gpointer user_data);

static void
set_timer_locked (HeraldRateLimiter *self,
                  GMainContext      *context,
                  gint64             delay_usec,
                  GPtrArray         *dead_sources)
{
  /* Rounded up: a timer firing a little early would just be set again. */
  guint delay_ms = (guint) MIN ((delay_usec + 999) / 1000, G_MAXUINT);

  if (self->timer != NULL)
    g_ptr_array_add (dead_sources, g_steal_pointer (&self->timer));

  self->timer = g_timeout_source_new (delay_ms);
  g_source_set_static_name (self->timer, "[herald] rate limiter");
  g_source_set_callback (self->timer, timer_cb, g_object_ref (self), g_object_unref);
  g_source_attach (self->timer, context);
}

/* Hands out every slot that is due, in order, and sets the timer for the
 * next one. Tasks to complete are collected: they are returned once the
 * mutex is released, since a callback may ask again at once. */
static void
process_queue_locked (HeraldRateLimiter *self,
                      GPtrArray         *granted,
                      GPtrArray         *cancelled,
                      GPtrArray         *dead_sources)
{
  gint64 now, now_real;

  get_now_locked (self, &now, &now_real);

  while (self->waiters.head != NULL)
    {
      Waiter *waiter = self->waiters.head->data;
      GCancellable *cancellable = g_task_get_cancellable (waiter->task);
      gint64 start;

      if (g_cancellable_is_cancelled (cancellable))
        {
          /* It gets no slot: the next waiter takes its place. */
          g_queue_unlink (&self->waiters, &waiter->link);
          waiter->queued = FALSE;
          g_ptr_array_add (cancelled, waiter);
          continue;
        }

      start = earliest_start (self, now, now_real);
      if (start > now)
        {
          set_timer_locked (self, g_task_get_context (waiter->task), start - now, dead_sources);
          return;
        }

      g_queue_unlink (&self->waiters, &waiter->link);
      waiter->queued = FALSE;
      record_start (self, now);
      if (waiter->reserve)
        self->reserved++;
      g_ptr_array_add (granted, waiter);
    }

  if (self->timer != NULL)
    g_ptr_array_add (dead_sources, g_steal_pointer (&self->timer));
}

static void
complete (GPtrArray *granted,
          GPtrArray *cancelled,
          GPtrArray *dead_sources)
{
  for (guint i = 0; i < dead_sources->len; i++)
    g_source_destroy (dead_sources->pdata[i]);

  for (guint i = 0; i < granted->len; i++)
    {
      Waiter *waiter = granted->pdata[i];

      if (waiter->cancel_source != NULL)
        g_source_destroy (waiter->cancel_source);
      g_task_return_boolean (waiter->task, TRUE);
    }

  for (guint i = 0; i < cancelled->len; i++)
    {
      Waiter *waiter = cancelled->pdata[i];

      if (waiter->cancel_source != NULL)
        g_source_destroy (waiter->cancel_source);
      g_task_return_error_if_cancelled (waiter->task);
    }
}

typedef struct
{
  GPtrArray *granted;
  GPtrArray *cancelled;
  GPtrArray *dead_sources;
} Outcome;

static void
outcome_init (Outcome *outcome)
{
  outcome->granted = g_ptr_array_new_with_free_func (waiter_unref);
  outcome->cancelled = g_ptr_array_new_with_free_func (waiter_unref);
  outcome->dead_sources = g_ptr_array_new_with_free_func ((GDestroyNotify) g_source_unref);
}

static void
outcome_finish (Outcome *outcome)
{
  complete (outcome->granted, outcome->cancelled, outcome->dead_sources);
  g_ptr_array_unref (outcome->granted);
  g_ptr_array_unref (outcome->cancelled);
  g_ptr_array_unref (outcome->dead_sources);
}

static gboolean
timer_cb (gpointer user_data)
{
  HeraldRateLimiter *self = user_data;
  GSource *source = g_main_current_source ();
  Outcome outcome;

  outcome_init (&outcome);

  g_mutex_lock (&self->mutex);
  /* Replaced by another timer while this one was being dispatched. */
  if (self->timer == source)
    {
      g_ptr_array_add (outcome.dead_sources, g_steal_pointer (&self->timer));
      process_queue_locked (self, outcome.granted, outcome.cancelled, outcome.dead_sources);
    }
  g_mutex_unlock (&self->mutex);

  outcome_finish (&outcome);

  return G_SOURCE_REMOVE;
}

static gboolean
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  Waiter *waiter = user_data;
  HeraldRateLimiter *self = g_task_get_source_object (waiter->task);
  Outcome outcome;

  outcome_init (&outcome);

  g_mutex_lock (&self->mutex);
  if (waiter->queued)
    {
      g_queue_unlink (&self->waiters, &waiter->link);
      waiter->queued = FALSE;
      g_ptr_array_add (outcome.cancelled, waiter);
      /* The first in line may have changed: set the timer again. */
      process_queue_locked (self, outcome.granted, outcome.cancelled, outcome.dead_sources);
    }
  g_mutex_unlock (&self->mutex);

  outcome_finish (&outcome);

  return G_SOURCE_REMOVE;
}

static void
herald_rate_limiter_finalize (GObject *object)
{
  HeraldRateLimiter *self = (HeraldRateLimiter *) object;

  /* Waiters and the timer hold references: nothing is left here. */
  g_assert (self->waiters.head == NULL);
  g_assert (self->timer == NULL);

  g_free (self->starts);
  g_free (self->key_id);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (herald_rate_limiter_parent_class)->finalize (object);
}

static void
herald_rate_limiter_class_init (HeraldRateLimiterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = herald_rate_limiter_finalize;
}

static void
herald_rate_limiter_init (HeraldRateLimiter *self)
{
  g_mutex_init (&self->mutex);
  g_queue_init (&self->waiters);
  self->budget_remaining = -1;
}

HeraldRateLimiter *
herald_rate_limiter_get_for_key (const char *key_id,
                                 guint       limit,
                                 guint       window_seconds)
{
  HeraldRateLimiter *self;

  g_return_val_if_fail (key_id != NULL, NULL);
  g_return_val_if_fail (limit > 0, NULL);
  g_return_val_if_fail (window_seconds > 0, NULL);

  g_mutex_lock (&registry_mutex);

  if (registry == NULL)
    registry = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  self = g_hash_table_lookup (registry, key_id);
  if (self == NULL)
    {
      self = g_object_new (HERALD_TYPE_RATE_LIMITER, NULL);
      self->key_id = g_strdup (key_id);
      self->limit = limit;
      self->window_seconds = (guint) MIN ((gint64) window_seconds, MAX_WINDOW_SECONDS);
      self->starts_size = MIN (limit, MAX_TRACKED_STARTS);
      self->starts = g_new0 (gint64, self->starts_size);
      g_hash_table_insert (registry, self->key_id, self);
    }

  g_mutex_unlock (&registry_mutex);

  return g_object_ref (self);
}

static void
wait_for_slot (HeraldRateLimiter   *self,
               gboolean             reserve,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Waiter *waiter;
  Outcome outcome;

  g_return_if_fail (HERALD_IS_RATE_LIMITER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_rate_limiter_acquire_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!reserve)
    {
      gboolean prepaid = FALSE;

      /* A slot reserved (and counted) earlier is this request's. */
      g_mutex_lock (&self->mutex);
      if (self->reserved > 0)
        {
          self->reserved--;
          prepaid = TRUE;
        }
      g_mutex_unlock (&self->mutex);
      if (prepaid)
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
    }

  waiter = g_atomic_rc_box_new0 (Waiter);
  waiter->reserve = reserve;
  waiter->task = g_object_ref (task);
  waiter->link.data = waiter;

  if (cancellable != NULL)
    {
      /* A source rather than g_cancellable_connect (): it runs in the
       * waiter's own context, and may be destroyed from any thread. */
      waiter->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_static_name (waiter->cancel_source, "[herald] rate limiter cancel");
      g_source_set_callback (waiter->cancel_source, G_SOURCE_FUNC (waiter_cancelled_cb),
                             waiter_ref (waiter), waiter_unref);
      g_source_attach (waiter->cancel_source, g_task_get_context (task));
    }

  outcome_init (&outcome);

  g_mutex_lock (&self->mutex);
  waiter->queued = TRUE;
  g_queue_push_tail_link (&self->waiters, &waiter->link);
  /* The queue owns this reference until the waiter leaves it. */
  process_queue_locked (self, outcome.granted, outcome.cancelled, outcome.dead_sources);
  g_mutex_unlock (&self->mutex);

  outcome_finish (&outcome);
}

void
herald_rate_limiter_acquire_async (HeraldRateLimiter   *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  wait_for_slot (self, FALSE, cancellable, callback, user_data);
}

void
herald_rate_limiter_reserve_async (HeraldRateLimiter   *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  wait_for_slot (self, TRUE, cancellable, callback, user_data);
}

gboolean
herald_rate_limiter_acquire_finish (HeraldRateLimiter  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (HERALD_IS_RATE_LIMITER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
learn_window_locked (HeraldRateLimiter *self,
                     gint64             remaining,
                     gint64             reset_unix_time,
                     gint64             now,
                     gint64             now_real)
{
  if (self->last_reset > 0 && reset_unix_time > self->last_reset &&
      now - self->last_reset_seen <= MAX (RESET_GAP_USEC, 2 * interval_usec (self)))
    {
      /* Two windows back to back: their resets are at least one window
       * apart, more when the second started late. */
      gint64 window;

      self->window_samples[self->next_window_sample] = reset_unix_time - self->last_reset;
      self->next_window_sample = (self->next_window_sample + 1) % N_WINDOW_SAMPLES;
      self->n_window_samples = MIN (self->n_window_samples + 1, N_WINDOW_SAMPLES);

      window = self->window_samples[0];
      /* cppcheck-suppress knownConditionTrueFalse ; it loses track of n_window_samples growing above */
      for (guint i = 1; i < self->n_window_samples; i++)
        window = MIN (window, self->window_samples[i]);
      window = MIN (window, MAX_WINDOW_SECONDS);

      if ((guint) window != self->window_seconds)
        g_debug ("window: %u s -> %" G_GINT64_FORMAT " s (consecutive resets)",
                 self->window_seconds, window);
      self->window_seconds = (guint) window;
      self->window_from_resets = TRUE;
    }
  else if (!self->window_from_resets && remaining == (gint64) self->limit - 1 &&
           reset_unix_time * G_USEC_PER_SEC > now_real)
    {
      /* The first request of a window: the window ends at the reset. This
       * may be short when windows follow the clock and we came in late;
       * the budget check covers that window, and the next reset corrects
       * the length. */
      gint64 window = (reset_unix_time * G_USEC_PER_SEC - now_real + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

      window = CLAMP (window, 1, MAX_WINDOW_SECONDS);
      if ((guint) window != self->window_seconds)
        g_debug ("window: %u s -> %" G_GINT64_FORMAT " s (first request of a window)",
                 self->window_seconds, window);
      self->window_seconds = (guint) window;
    }

  if (reset_unix_time >= self->last_reset)
    {
      self->last_reset = reset_unix_time;
      self->last_reset_seen = now;
    }
}

static void
learn_budget_locked (HeraldRateLimiter *self,
                     gint64             remaining,
                     gint64             reset_unix_time,
                     gint64             now)
{
  gint64 reset = reset_unix_time * G_USEC_PER_SEC;

  if (reset > self->budget_reset)
    {
      /* A new window: the server started it before this answer came. */
      self->budget_reset = reset;
      self->budget_seen = now;
      self->budget_remaining = remaining;
      self->started_since_budget = 0;
    }
  else if (reset == self->budget_reset &&
           remaining < self->budget_remaining - (gint64) self->started_since_budget)
    {
      /* Responses may arrive out of order: keep the lowest estimate. */
      self->budget_remaining = remaining;
      self->started_since_budget = 0;
    }
  /* An older window's answer says nothing about this one. */
}

void
herald_rate_limiter_update (HeraldRateLimiter *self,
                            gint64             limit,
                            gint64             remaining,
                            gint64             reset_unix_time,
                            gint64             retry_after_seconds)
{
  gint64 now, now_real;
  guint old_limit, old_window;
  Outcome outcome;

  g_return_if_fail (HERALD_IS_RATE_LIMITER (self));

  outcome_init (&outcome);

  g_mutex_lock (&self->mutex);

  get_now_locked (self, &now, &now_real);
  old_limit = self->limit;
  old_window = self->window_seconds;

  if (limit > 0 && (guint) MIN (limit, G_MAXUINT) != self->limit)
    {
      g_debug ("limit: %u -> %" G_GINT64_FORMAT, self->limit, limit);
      self->limit = (guint) MIN (limit, G_MAXUINT);
      resize_starts (self);
    }

  if (reset_unix_time > 0)
    {
      learn_window_locked (self, remaining, reset_unix_time, now, now_real);
      if (remaining >= 0)
        learn_budget_locked (self, remaining, reset_unix_time, now);
    }

  if (self->limit != old_limit || self->window_seconds != old_window)
    rebase_timeline (self);

  if (retry_after_seconds > 0)
    {
      gint64 seconds = MIN (retry_after_seconds, MAX_WINDOW_SECONDS);

      self->paused_until = MAX (self->paused_until, now + seconds * G_USEC_PER_SEC);
      g_debug ("paused for %" G_GINT64_FORMAT " s", seconds);
      /* We overran: the window may have grown. The next resets say how
       * long it is, whatever the smaller ones said before. */
      self->n_window_samples = 0;
      self->next_window_sample = 0;
    }

  /* The rules changed: the timer may be due earlier or later. */
  process_queue_locked (self, outcome.granted, outcome.cancelled, outcome.dead_sources);

  g_mutex_unlock (&self->mutex);

  outcome_finish (&outcome);
}

gint64
herald_rate_limiter_backoff_delay (guint  attempt,
                                   gint64 base_usec,
                                   gint64 cap_usec)
{
  gint64 bound = MAX (base_usec, 0);

  cap_usec = MAX (cap_usec, 0);

  /* Doubling step by step never overflows, whatever the attempt. */
  for (guint i = 0; i < attempt && bound < cap_usec; i++)
    bound = bound > G_MAXINT64 / 2 ? G_MAXINT64 : bound * 2;
  bound = MIN (bound, cap_usec);

  /* Full jitter: uniform in [0, bound]. */
  return MIN ((gint64) floor (g_random_double () * ((double) bound + 1.0)), bound);
}

guint
herald_rate_limiter_get_limit (HeraldRateLimiter *self)
{
  guint limit;

  g_return_val_if_fail (HERALD_IS_RATE_LIMITER (self), 0);

  g_mutex_lock (&self->mutex);
  limit = self->limit;
  g_mutex_unlock (&self->mutex);

  return limit;
}

guint
herald_rate_limiter_get_window_seconds (HeraldRateLimiter *self)
{
  guint window;

  g_return_val_if_fail (HERALD_IS_RATE_LIMITER (self), 0);

  g_mutex_lock (&self->mutex);
  window = self->window_seconds;
  g_mutex_unlock (&self->mutex);

  return window;
}

void
_herald_rate_limiter_set_clock (HeraldRateLimiter          *self,
                                HeraldRateLimiterClockFunc  func,
                                gpointer                    user_data)
{
  g_return_if_fail (HERALD_IS_RATE_LIMITER (self));

  g_mutex_lock (&self->mutex);
  self->clock_func = func;
  self->clock_data = user_data;
  g_mutex_unlock (&self->mutex);
}

gint64
_herald_rate_limiter_peek_delay (HeraldRateLimiter *self)
{
  gint64 now, now_real, delay;

  g_return_val_if_fail (HERALD_IS_RATE_LIMITER (self), 0);

  g_mutex_lock (&self->mutex);
  get_now_locked (self, &now, &now_real);
  delay = MAX (earliest_start (self, now, now_real) - now, 0);
  g_mutex_unlock (&self->mutex);

  return delay;
}
