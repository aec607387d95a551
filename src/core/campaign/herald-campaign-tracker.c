/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-campaign"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-campaign-tracker.h"
#include "send/herald-delivery-refresh.h"

struct _HeraldCampaignTracker
{
  GObject                     parent_instance;

  HeraldDatabase             *database;
  HeraldMessageLog           *log;
  HeraldProvider             *provider;
  char                       *account_id;
  gint64                      campaign_id;

  guint                       first_ms;
  guint                       max_ms;
  HeraldCampaignTrackerClock  clock;
  gpointer                    clock_data;

  GTask                      *task;
  guint                       timer_id;
  guint                       interval_ms;
  guint                       n_polls;
  guint                       n_open;        /* accepted or sent at the last look */
  gboolean                    stop_requested;
  gboolean                    busy;
};

G_DEFINE_FINAL_TYPE (HeraldCampaignTracker, herald_campaign_tracker, G_TYPE_OBJECT)

enum {
  SIGNAL_POLLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
herald_campaign_tracker_finalize (GObject *object)
{
  HeraldCampaignTracker *self = HERALD_CAMPAIGN_TRACKER (object);

  g_assert (self->task == NULL);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_object (&self->database);
  g_clear_object (&self->log);
  g_clear_object (&self->provider);
  g_free (self->account_id);

  G_OBJECT_CLASS (herald_campaign_tracker_parent_class)->finalize (object);
}

static void
herald_campaign_tracker_class_init (HeraldCampaignTrackerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = herald_campaign_tracker_finalize;

  signals[SIGNAL_POLLED] =
    g_signal_new ("polled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
herald_campaign_tracker_init (HeraldCampaignTracker *self)
{
  self->first_ms = HERALD_CAMPAIGN_TRACK_FIRST_MS;
  self->max_ms = HERALD_CAMPAIGN_TRACK_MAX_MS;
}

HeraldCampaignTracker *
herald_campaign_tracker_new (HeraldDatabase   *database,
                             HeraldMessageLog *log,
                             HeraldProvider   *provider,
                             const char       *account_id,
                             gint64            campaign_id)
{
  HeraldCampaignTracker *self;

  g_return_val_if_fail (HERALD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (HERALD_IS_MESSAGE_LOG (log), NULL);
  g_return_val_if_fail (HERALD_IS_PROVIDER (provider), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  self = g_object_new (HERALD_TYPE_CAMPAIGN_TRACKER, NULL);
  self->database = g_object_ref (database);
  self->log = g_object_ref (log);
  self->provider = g_object_ref (provider);
  self->account_id = g_strdup (account_id);
  self->campaign_id = campaign_id;
  return self;
}

void
herald_campaign_tracker_set_intervals (HeraldCampaignTracker *self,
                                       guint                  first_ms,
                                       guint                  max_ms)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN_TRACKER (self));
  g_return_if_fail (first_ms > 0 && max_ms >= first_ms);

  self->first_ms = first_ms;
  self->max_ms = max_ms;
}

void
herald_campaign_tracker_set_clock (HeraldCampaignTracker      *self,
                                   HeraldCampaignTrackerClock  clock,
                                   gpointer                    user_data)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN_TRACKER (self));

  self->clock = clock;
  self->clock_data = user_data;
}

guint
herald_campaign_tracker_get_n_polls (HeraldCampaignTracker *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_TRACKER (self), 0);
  return self->n_polls;
}

guint
herald_campaign_tracker_get_next_interval (HeraldCampaignTracker *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_TRACKER (self), 0);
  return self->interval_ms;
}

static gint64
now (HeraldCampaignTracker *self)
{
  return self->clock != NULL ? self->clock (self->clock_data) : herald_campaign_store_now ();
}

/* ---- one look at the rows ------------------------------------------------------ */

typedef struct
{
  HeraldCampaignTracker *self;   /* only the main context uses it */
  gint64                 campaign_id;
  gint64                 since;
  guint                  n_changed;
  guint                  n_open;
  guint                  n_unfinished;  /* accepted or sent, however old */
} Sync;

static gboolean
sync_func (HeraldDatabase  *db,
           gpointer         user_data,
           GCancellable    *cancellable,
           GError         **error)
{
  Sync *sync = user_data;

  guint counts[HERALD_RECIPIENT_N_STATES];

  if (!herald_database_begin (db, error))
    return FALSE;
  if (!herald_campaign_store_sync_delivery (db, sync->campaign_id, sync->since, &sync->n_changed,
                                            &sync->n_open, error) ||
      !herald_campaign_store_count (db, sync->campaign_id, counts, error))
    {
      herald_database_rollback (db);
      return FALSE;
    }
  sync->n_unfinished = counts[HERALD_RECIPIENT_STATE_ACCEPTED] + counts[HERALD_RECIPIENT_STATE_SENT];
  return herald_database_commit (db, error);
}

static void
finish_run (HeraldCampaignTracker *self,
            GError                *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, self->n_open);
}

static gboolean timer_fired (gpointer user_data);

static void
synced (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autofree Sync *sync = user_data;
  g_autoptr(HeraldCampaignTracker) self = sync->self;
  GError *error = NULL;

  self->busy = FALSE;
  if (!herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    {
      finish_run (self, error);
      return;
    }

  self->n_open = sync->n_unfinished;
  g_signal_emit (self, signals[SIGNAL_POLLED], 0, sync->n_changed, sync->n_open);
  g_debug ("campaign %" G_GINT64_FORMAT ": %u rows moved on, %u still tracked",
           self->campaign_id, sync->n_changed, sync->n_open);

  /* Nothing left to ask about: no timer at all. */
  if (sync->n_open == 0 || self->stop_requested)
    {
      finish_run (self, NULL);
      return;
    }

  self->interval_ms = self->interval_ms == 0 ? self->first_ms : MIN (self->interval_ms * 2, self->max_ms);
  self->timer_id = g_timeout_add (self->interval_ms, timer_fired, self);
}

static void
sync_rows (HeraldCampaignTracker *self)
{
  Sync *sync = g_new0 (Sync, 1);

  sync->self = g_object_ref (self);
  sync->campaign_id = self->campaign_id;
  sync->since = now (self) - HERALD_CAMPAIGN_TRACK_MAX_AGE;
  self->busy = TRUE;
  herald_database_run_async (self->database, sync_func, sync, NULL, synced, sync);
}

static void
refreshed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HeraldCampaignTracker) self = user_data;
  g_autoptr(GError) error = NULL;
  guint changed;

  changed = herald_delivery_refresh_finish (HERALD_MESSAGE_LOG (object), result, &error);
  /* A provider that did not answer this time is asked again next time;
   * what it did answer before failing is stored all the same. */
  if (error != NULL)
    g_debug ("campaign %" G_GINT64_FORMAT ": delivery refresh stopped: %s", self->campaign_id, error->message);
  else
    g_debug ("campaign %" G_GINT64_FORMAT ": %u messages of the account moved on", self->campaign_id, changed);
  sync_rows (self);
}

static gboolean
timer_fired (gpointer user_data)
{
  HeraldCampaignTracker *self = user_data;

  self->timer_id = 0;
  self->n_polls++;
  self->busy = TRUE;
  herald_delivery_refresh_async (self->log, self->provider, self->account_id, 0, NULL, refreshed,
                                 g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* ---- running --------------------------------------------------------------------- */

void
herald_campaign_tracker_run_async (HeraldCampaignTracker *self,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HERALD_IS_CAMPAIGN_TRACKER (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, herald_campaign_tracker_run_async);
  if (self->task != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "%s",
                               _("This campaign’s deliveries are already being tracked."));
      return;
    }

  self->task = g_steal_pointer (&task);
  self->stop_requested = FALSE;
  self->interval_ms = 0;
  self->n_polls = 0;
  /* First a look at the rows alone: nothing open, nothing asked. */
  sync_rows (self);
}

guint
herald_campaign_tracker_run_finish (HeraldCampaignTracker  *self,
                                    GAsyncResult           *result,
                                    GError                **error)
{
  gssize open;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  open = g_task_propagate_int (G_TASK (result), error);
  return open > 0 ? (guint) open : 0;
}

void
herald_campaign_tracker_stop (HeraldCampaignTracker *self)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN_TRACKER (self));

  if (self->task == NULL)
    return;
  self->stop_requested = TRUE;
  if (!self->busy)
    finish_run (self, NULL);
}
