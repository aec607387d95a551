/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-campaign"
/* kill (), getpid (): POSIX under -std=c11. */
#define _POSIX_C_SOURCE 200809L

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "herald-campaign-engine.h"
#include "herald-dialect.h"
#include "net/herald-provider-error.h"
#include "net/herald-rest-client.h"
#include "providers/herald-history-source.h"
#include "send/herald-logged-send.h"
#include "text/herald-sms-text.h"

/* A lease is renewed with every request; it outlives a slow request. */
#define LEASE_USEC               (G_GINT64_CONSTANT (120) * G_USEC_PER_SEC)
#define DEFAULT_SETTLE_SECONDS   120
/* Transient refusals in a row before the campaign pauses itself. */
#define MAX_TRANSIENT_FAILURES   6
#define BACKOFF_CAP_SECONDS      60
/* History is searched from this long before the oldest open request. */
#define HISTORY_MARGIN_USEC      (G_GINT64_CONSTANT (300) * G_USEC_PER_SEC)

G_DEFINE_QUARK (herald-campaign-error-quark, herald_campaign_error)

struct _HeraldCampaignEngine
{
  GObject               parent_instance;

  HeraldDatabase       *database;
  HeraldMessageLog     *log;
  HeraldProvider       *provider;
  char                 *account_id;
  gint64                campaign_id;
  char                 *host;
  gint64                pid;

  HeraldCampaignRecord *record;
  guint                 batch_max;
  guint                 settle_seconds;

  HeraldCampaignState   state;
  char                 *pause_reason;
  gint64                credits_needed;
  guint                 counts[HERALD_RECIPIENT_N_STATES];

  GTask                *task;
  gboolean              pause_requested;
  gboolean              cancel_requested;
  char                 *requested_reason;
  gboolean              needs_reconcile;
  guint                 transient_failures;
  guint                 timer_id;
  gint64                waiting_until;

  /* The accounts requests go through: 0 is the campaign's own; the others
   * (herald_campaign_engine_add_account) share the sending in proportion
   * to their rate limits and take over from one that refuses. */
  GArray               *routes;         /* Route */
  guint                 route;          /* of the request being made */

  gint64                run_started;    /* monotonic usec */
  guint                 answered;       /* recipients answered in this run */
};

G_DEFINE_FINAL_TYPE (HeraldCampaignEngine, herald_campaign_engine, G_TYPE_OBJECT)

typedef struct
{
  HeraldProvider *provider;
  char           *account_id;
  guint           requests;   /* made in this run */
  gboolean        refused;    /* refused for an account-side reason in this run */
} Route;

static void
route_clear (gpointer data)
{
  Route *route = data;

  g_clear_object (&route->provider);
  g_free (route->account_id);
}

/* Marks a request made through another account than the campaign's own:
 * only that account could tell its fate. */
#define VIA_MARK "-via-"


enum {
  PROP_0,
  PROP_CAMPAIGN_ID,
  PROP_STATE,
  PROP_PAUSE_REASON,
  PROP_CREDITS_NEEDED,
  PROP_TOTAL,
  PROP_SENT,
  PROP_FAILED,
  PROP_UNKNOWN,
  PROP_SKIPPED,
  PROP_REMAINING,
  PROP_RATE,
  PROP_ETA,
  PROP_WAITING_UNTIL,
  PROP_SETTLE_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void next_step (HeraldCampaignEngine *self);
static void reconcile (HeraldCampaignEngine *self);
static void return_result (HeraldCampaignEngine *self,
                           GError               *error);

/* ---- the object --------------------------------------------------------------- */

static void
herald_campaign_engine_finalize (GObject *object)
{
  HeraldCampaignEngine *self = HERALD_CAMPAIGN_ENGINE (object);

  g_assert (self->task == NULL);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_object (&self->database);
  g_clear_object (&self->log);
  g_clear_object (&self->provider);
  g_free (self->account_id);
  g_clear_pointer (&self->routes, g_array_unref);
  g_free (self->host);
  g_clear_pointer (&self->record, herald_campaign_record_free);
  g_free (self->pause_reason);
  g_free (self->requested_reason);

  G_OBJECT_CLASS (herald_campaign_engine_parent_class)->finalize (object);
}

static void
herald_campaign_engine_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  HeraldCampaignEngine *self = HERALD_CAMPAIGN_ENGINE (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN_ID:
      g_value_set_int64 (value, self->campaign_id);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_PAUSE_REASON:
      g_value_set_string (value, self->pause_reason);
      break;
    case PROP_CREDITS_NEEDED:
      g_value_set_int64 (value, self->credits_needed);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, herald_campaign_engine_get_total (self));
      break;
    case PROP_SENT:
      g_value_set_uint (value, herald_campaign_engine_get_sent (self));
      break;
    case PROP_FAILED:
      g_value_set_uint (value, self->counts[HERALD_RECIPIENT_STATE_FAILED]);
      break;
    case PROP_UNKNOWN:
      g_value_set_uint (value, self->counts[HERALD_RECIPIENT_STATE_UNKNOWN]);
      break;
    case PROP_SKIPPED:
      g_value_set_uint (value, self->counts[HERALD_RECIPIENT_STATE_SKIPPED]);
      break;
    case PROP_REMAINING:
      g_value_set_uint (value, herald_campaign_engine_get_remaining (self));
      break;
    case PROP_RATE:
      g_value_set_double (value, herald_campaign_engine_get_rate (self));
      break;
    case PROP_ETA:
      g_value_set_int64 (value, herald_campaign_engine_get_eta (self));
      break;
    case PROP_WAITING_UNTIL:
      g_value_set_int64 (value, self->waiting_until);
      break;
    case PROP_SETTLE_SECONDS:
      g_value_set_uint (value, self->settle_seconds);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_campaign_engine_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  HeraldCampaignEngine *self = HERALD_CAMPAIGN_ENGINE (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN_ID:
      self->campaign_id = g_value_get_int64 (value);
      break;
    case PROP_SETTLE_SECONDS:
      self->settle_seconds = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_campaign_engine_class_init (HeraldCampaignEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = herald_campaign_engine_finalize;
  object_class->get_property = herald_campaign_engine_get_property;
  object_class->set_property = herald_campaign_engine_set_property;

  properties[PROP_CAMPAIGN_ID] =
    g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, 0, HERALD_CAMPAIGN_FINISHED, 0, ro);
  properties[PROP_PAUSE_REASON] = g_param_spec_string ("pause-reason", NULL, NULL, NULL, ro);
  properties[PROP_CREDITS_NEEDED] = g_param_spec_int64 ("credits-needed", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_TOTAL] = g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SENT] = g_param_spec_uint ("sent", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_FAILED] = g_param_spec_uint ("failed", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_UNKNOWN] = g_param_spec_uint ("unknown", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SKIPPED] = g_param_spec_uint ("skipped", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_REMAINING] = g_param_spec_uint ("remaining", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_RATE] = g_param_spec_double ("rate", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, ro);
  properties[PROP_ETA] = g_param_spec_int64 ("eta", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_WAITING_UNTIL] = g_param_spec_int64 ("waiting-until", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_SETTLE_SECONDS] =
    g_param_spec_uint ("settle-seconds", NULL, NULL, 0, G_MAXUINT, DEFAULT_SETTLE_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
herald_campaign_engine_init (HeraldCampaignEngine *self)
{
  self->settle_seconds = DEFAULT_SETTLE_SECONDS;
  self->credits_needed = -1;
  self->state = HERALD_CAMPAIGN_DRAFT;
  self->pid = getpid ();
  self->host = g_strdup (g_get_host_name ());
}

HeraldCampaignEngine *
herald_campaign_engine_new (HeraldDatabase   *database,
                            HeraldMessageLog *log,
                            HeraldProvider   *provider,
                            const char       *account_id,
                            gint64            campaign_id)
{
  HeraldCampaignEngine *self;
  const HeraldDialectInfo *info;

  g_return_val_if_fail (HERALD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (HERALD_IS_MESSAGE_LOG (log), NULL);
  g_return_val_if_fail (HERALD_IS_PROVIDER (provider), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  self = g_object_new (HERALD_TYPE_CAMPAIGN_ENGINE, "campaign-id", campaign_id, NULL);
  self->database = g_object_ref (database);
  self->log = g_object_ref (log);
  self->provider = g_object_ref (provider);
  self->account_id = g_strdup (account_id);
  self->routes = g_array_new (FALSE, TRUE, sizeof (Route));
  g_array_set_clear_func (self->routes, route_clear);
  herald_campaign_engine_add_account (self, provider, account_id);

  info = herald_dialect_get_info (herald_provider_get_dialect (provider));
  self->batch_max = info != NULL && info->max_recipients > 0 ? info->max_recipients : 1;

  return self;
}

void
herald_campaign_engine_add_account (HeraldCampaignEngine *self,
                                    HeraldProvider       *provider,
                                    const char           *account_id)
{
  Route route = { g_object_ref (provider), g_strdup (account_id), 0, FALSE };
  const HeraldDialectInfo *info = herald_dialect_get_info (herald_provider_get_dialect (provider));

  g_return_if_fail (HERALD_IS_CAMPAIGN_ENGINE (self));
  g_return_if_fail (self->task == NULL);

  g_array_append_val (self->routes, route);
  if (self->routes->len > 1 && info != NULL && info->max_recipients > 0)
    self->batch_max = MIN (self->batch_max, info->max_recipients);
}

static Route *
current_route (HeraldCampaignEngine *self)
{
  return &g_array_index (self->routes, Route, self->route);
}

void
herald_campaign_engine_set_settle_seconds (HeraldCampaignEngine *self,
                                           guint                 seconds)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN_ENGINE (self));

  self->settle_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTLE_SECONDS]);
}

/* ---- getters -------------------------------------------------------------------- */

HeraldCampaignState
herald_campaign_engine_get_state (HeraldCampaignEngine *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_ENGINE (self), HERALD_CAMPAIGN_DRAFT);
  return self->state;
}

const char *
herald_campaign_engine_get_pause_reason (HeraldCampaignEngine *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_ENGINE (self), NULL);
  return self->pause_reason;
}

gint64
herald_campaign_engine_get_credits_needed (HeraldCampaignEngine *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_ENGINE (self), -1);
  return self->credits_needed;
}

guint
herald_campaign_engine_get_count (HeraldCampaignEngine *self,
                                  HeraldRecipientState  state)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_ENGINE (self), 0);
  g_return_val_if_fail ((guint) state < HERALD_RECIPIENT_N_STATES, 0);
  return self->counts[state];
}

guint
herald_campaign_engine_get_total (HeraldCampaignEngine *self)
{
  guint total = 0;

  g_return_val_if_fail (HERALD_IS_CAMPAIGN_ENGINE (self), 0);
  for (guint i = 0; i < HERALD_RECIPIENT_N_STATES; i++)
    total += self->counts[i];
  return total;
}

guint
herald_campaign_engine_get_sent (HeraldCampaignEngine *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_ENGINE (self), 0);
  return self->counts[HERALD_RECIPIENT_STATE_ACCEPTED] + self->counts[HERALD_RECIPIENT_STATE_SENT] +
         self->counts[HERALD_RECIPIENT_STATE_DELIVERED];
}

guint
herald_campaign_engine_get_remaining (HeraldCampaignEngine *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_ENGINE (self), 0);
  return self->counts[HERALD_RECIPIENT_STATE_PENDING] + self->counts[HERALD_RECIPIENT_STATE_SUBMITTING];
}

double
herald_campaign_engine_get_rate (HeraldCampaignEngine *self)
{
  double minutes;

  g_return_val_if_fail (HERALD_IS_CAMPAIGN_ENGINE (self), 0.0);
  if (self->run_started == 0 || self->answered == 0)
    return 0.0;
  minutes = (double) (g_get_monotonic_time () - self->run_started) / (60.0 * G_USEC_PER_SEC);
  return minutes > 0.0 ? self->answered / minutes : 0.0;
}

gint64
herald_campaign_engine_get_eta (HeraldCampaignEngine *self)
{
  double rate = herald_campaign_engine_get_rate (self);

  if (rate <= 0.0)
    return herald_campaign_engine_get_remaining (self) == 0 ? 0 : -1;
  return (gint64) (herald_campaign_engine_get_remaining (self) * 60.0 / rate);
}

gint64
herald_campaign_engine_get_waiting_until (HeraldCampaignEngine *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_ENGINE (self), 0);
  return self->waiting_until;
}

gboolean
herald_campaign_lease_holder_gone (gint64      pid,
                                   const char *host,
                                   gint64      expires)
{
  if (pid <= 0)
    return TRUE;
  if (expires > 0 && expires < herald_campaign_store_now ())
    return TRUE;
  if (g_strcmp0 (host, g_get_host_name ()) != 0)
    return FALSE;
  if (pid == getpid ())
    return TRUE;
  return kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

/* ---- progress ------------------------------------------------------------------- */

static void
notify_progress (HeraldCampaignEngine *self)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  for (guint p = PROP_TOTAL; p <= PROP_ETA; p++)
    g_object_notify_by_pspec (object, properties[p]);
  g_object_thaw_notify (object);
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0);
}

static void
set_state (HeraldCampaignEngine *self,
           HeraldCampaignState   state,
           const char           *reason,
           gint64                credits_needed)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (g_strcmp0 (self->pause_reason, reason) != 0)
    {
      g_free (self->pause_reason);
      self->pause_reason = g_strdup (reason);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSE_REASON]);
    }
  if (self->credits_needed != credits_needed)
    {
      self->credits_needed = credits_needed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDITS_NEEDED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_waiting_until (HeraldCampaignEngine *self,
                   gint64                when)
{
  if (self->waiting_until == when)
    return;
  self->waiting_until = when;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING_UNTIL]);
}

/* ---- database jobs ---------------------------------------------------------------- */

/* One recipient's outcome. */
typedef struct
{
  gint64                row_id;
  HeraldRecipientState  state;
  char                 *message_id;
  char                 *error;
} RowChange;

static void
row_change_clear (gpointer data)
{
  RowChange *change = data;

  g_free (change->message_id);
  g_free (change->error);
}

/* A request settled as a whole: its SUBMITTING rows move together. */
typedef struct
{
  gint64                request_id;
  HeraldRequestState    request_state;
  HeraldRecipientState  row_state;
  char                 *message_id;
  char                 *error;
} Settlement;

static void
settlement_clear (gpointer data)
{
  Settlement *settlement = data;

  g_free (settlement->message_id);
  g_free (settlement->error);
}

/* Runs only when the job succeeded: a failed one ends the run (job_done). */
typedef void (*JobThen) (HeraldCampaignEngine *self,
                         gpointer              job);

/* What every job carries: written by the worker, read back on the main
 * context once it is done; nothing else touches it meanwhile. */
typedef struct
{
  HeraldCampaignEngine *engine;     /* only the main context uses it */
  gint64                campaign_id;
  guint                 counts[HERALD_RECIPIENT_N_STATES];
  JobThen               then;

  /* claim */
  gint64                pid;
  char                 *host;
  HeraldCampaignRecord *record;
  gboolean              force;

  /* next batch + begin request */
  guint                 batch_max;
  GPtrArray            *rows;       /* HeraldCampaignRecipient */
  char                 *tag;
  gint64                request_id;

  /* open requests */
  GPtrArray            *requests;   /* HeraldCampaignRequest */

  /* outcome */
  GArray               *changes;     /* RowChange */
  GArray               *settlements; /* Settlement */
  gboolean              set_state;
  HeraldCampaignState   new_state;
  char                 *reason;
  gint64                credits_needed;
  gboolean              release_lease;
  gboolean              count_credits;  /* a 402: what the rest of the campaign needs */
} Job;

static Job *
job_new (HeraldCampaignEngine *self,
         JobThen               then)
{
  Job *job = g_new0 (Job, 1);

  job->engine = g_object_ref (self);
  job->campaign_id = self->campaign_id;
  job->then = then;
  job->credits_needed = -1;
  return job;
}

static void
job_free (Job *job)
{
  g_clear_object (&job->engine);
  g_free (job->host);
  g_clear_pointer (&job->record, herald_campaign_record_free);
  g_clear_pointer (&job->rows, g_ptr_array_unref);
  g_free (job->tag);
  g_clear_pointer (&job->requests, g_ptr_array_unref);
  g_clear_pointer (&job->changes, g_array_unref);
  g_clear_pointer (&job->settlements, g_array_unref);
  g_free (job->reason);
  g_free (job);
}

static void
job_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(HeraldCampaignEngine) self = g_object_ref (job->engine);
  g_autoptr(GError) error = NULL;

  if (herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    {
      memcpy (self->counts, job->counts, sizeof self->counts);
      job->then (self, job);
    }
  else
    {
      /* A claim that was refused still says what the campaign is. */
      if (job->record != NULL)
        set_state (self, job->record->state, job->record->pause_reason, job->record->credits_needed);
      notify_progress (self);
      return_result (self, g_steal_pointer (&error));
    }
  job_free (job);
}

static void
run_job (HeraldCampaignEngine *self,
         HeraldDatabaseFunc    func,
         Job                  *job)
{
  herald_database_run_async (self->database, func, job, NULL, job_done, job);
}

/* Commits or rolls back; on success reads the counts. */
static gboolean
end_transaction (HeraldDatabase  *db,
                 Job             *job,
                 gboolean         ok,
                 GError         **error)
{
  if (!ok)
    {
      herald_database_rollback (db);
      return FALSE;
    }
  return herald_database_commit (db, error) &&
         herald_campaign_store_count (db, job->campaign_id, job->counts, error);
}

static gboolean
claim_func (HeraldDatabase  *db,
            gpointer         user_data,
            GCancellable    *cancellable,
            GError         **error)
{
  Job *job = user_data;
  HeraldCampaignRecord *record;
  gint64 now = herald_campaign_store_now ();
  gboolean ok;

  if (!herald_database_begin (db, error))
    return FALSE;

  record = job->record = herald_campaign_store_get (db, job->campaign_id, error);
  if (record == NULL)
    return end_transaction (db, job, FALSE, error);

  if (record->state == HERALD_CAMPAIGN_FINISHED || record->state == HERALD_CAMPAIGN_CANCELLED)
    {
      g_set_error (error, HERALD_CAMPAIGN_ERROR, HERALD_CAMPAIGN_ERROR_NOT_RUNNABLE,
                   _("Campaign %" G_GINT64_FORMAT " is %s; there is nothing left to send."),
                   record->id, herald_campaign_state_to_string (record->state));
      return end_transaction (db, job, FALSE, error);
    }

  if (!(record->lease_pid == job->pid && g_strcmp0 (record->lease_host, job->host) == 0) &&
      !herald_campaign_lease_holder_gone (record->lease_pid, record->lease_host, record->lease_expires))
    {
      g_set_error (error, HERALD_CAMPAIGN_ERROR, HERALD_CAMPAIGN_ERROR_BUSY,
                   _("Campaign %" G_GINT64_FORMAT " is being sent by another Herald process "
                     "(process %" G_GINT64_FORMAT " on %s); it was left alone."),
                   record->id, record->lease_pid, record->lease_host != NULL ? record->lease_host : "?");
      return end_transaction (db, job, FALSE, error);
    }

  ok = herald_campaign_store_set_lease (db, record->id, job->pid, job->host,
                                        now + LEASE_USEC, error) &&
       herald_campaign_store_set_state (db, record->id, HERALD_CAMPAIGN_RUNNING, NULL, -1, error);
  return end_transaction (db, job, ok, error);
}

static gboolean
open_requests_func (HeraldDatabase  *db,
                    gpointer         user_data,
                    GCancellable    *cancellable,
                    GError         **error)
{
  Job *job = user_data;

  job->requests = herald_campaign_store_open_requests (db, job->campaign_id, error);
  if (job->requests == NULL)
    return FALSE;
  /* The rows of each request, still submitting, in the same order. */
  job->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < job->requests->len; i++)
    {
      HeraldCampaignRequest *request = g_ptr_array_index (job->requests, i);
      GPtrArray *rows = herald_campaign_store_request_rows (db, request->id, error);

      if (rows == NULL)
        return FALSE;
      for (guint k = rows->len; k > 0; k--)
        if (((HeraldCampaignRecipient *) g_ptr_array_index (rows, k - 1))->state != HERALD_RECIPIENT_STATE_SUBMITTING)
          g_ptr_array_remove_index (rows, k - 1);
      g_ptr_array_add (job->rows, rows);
    }
  return herald_campaign_store_count (db, job->campaign_id, job->counts, error);
}

static gboolean
begin_request_func (HeraldDatabase  *db,
                    gpointer         user_data,
                    GCancellable    *cancellable,
                    GError         **error)
{
  Job *job = user_data;
  g_autoptr(GArray) ids = NULL;
  gboolean ok;

  if (!herald_database_begin (db, error))
    return FALSE;

  job->rows = herald_campaign_store_next_batch (db, job->campaign_id, job->batch_max, error);
  if (job->rows == NULL)
    return end_transaction (db, job, FALSE, error);
  if (job->rows->len == 0)
    return end_transaction (db, job, TRUE, error);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), job->rows->len);
  for (guint i = 0; i < job->rows->len; i++)
    g_array_append_val (ids, ((HeraldCampaignRecipient *) g_ptr_array_index (job->rows, i))->id);

  ok = herald_campaign_store_begin_request (db, job->campaign_id, job->tag, (const gint64 *) (gpointer) ids->data,
                                            ids->len, &job->request_id, error) &&
       herald_campaign_store_set_lease (db, job->campaign_id, job->pid, job->host,
                                        herald_campaign_store_now () + LEASE_USEC,
                                        error);
  return end_transaction (db, job, ok, error);
}

/* One credit a part of every pending message, as the providers bill;
 * never less than what the provider said for the one request. */
static gboolean
credits_for_pending (HeraldDatabase  *db,
                     Job             *job,
                     GError         **error)
{
  g_autoptr(GPtrArray) rows = herald_campaign_store_recipients (db, job->campaign_id, 0, 0, error);
  gint64 credits = 0;

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      HeraldCampaignRecipient *row = g_ptr_array_index (rows, i);
      g_autoptr(HeraldSmsAnalysis) analysis = NULL;

      if (row->state != HERALD_RECIPIENT_STATE_PENDING)
        continue;
      analysis = herald_sms_analyse (row->text, -1, NULL);
      credits += analysis != NULL ? herald_sms_analysis_get_parts (analysis) : 1;
    }
  job->credits_needed = MAX (job->credits_needed, credits);
  g_free (job->reason);
  job->reason = g_strdup_printf (_("Not enough credits (402): the rest of the campaign needs %" G_GINT64_FORMAT
                                   " credits. Top up the account, then resume the campaign."),
                                 job->credits_needed);
  return TRUE;
}

static gboolean
outcome_func (HeraldDatabase  *db,
              gpointer         user_data,
              GCancellable    *cancellable,
              GError         **error)
{
  Job *job = user_data;
  gboolean ok = TRUE;

  if (!herald_database_begin (db, error))
    return FALSE;

  for (guint i = 0; ok && job->changes != NULL && i < job->changes->len; i++)
    {
      RowChange *change = &g_array_index (job->changes, RowChange, i);

      ok = herald_campaign_store_set_recipient (db, change->row_id, change->state, change->message_id,
                                                change->error, error);
    }

  for (guint i = 0; ok && job->settlements != NULL && i < job->settlements->len; i++)
    {
      Settlement *s = &g_array_index (job->settlements, Settlement, i);

      ok = herald_campaign_store_settle_request_rows (db, s->request_id, s->row_state, s->message_id,
                                                      s->error, error) &&
           herald_campaign_store_set_request_state (db, s->request_id, s->request_state, s->error, error);
    }

  if (ok && job->count_credits)
    ok = credits_for_pending (db, job, error);
  if (ok && job->set_state)
    ok = herald_campaign_store_set_state (db, job->campaign_id, job->new_state, job->reason,
                                          job->credits_needed, error);
  if (ok && job->release_lease)
    ok = herald_campaign_store_set_lease (db, job->campaign_id, 0, NULL, 0, error);

  return end_transaction (db, job, ok, error);
}

/* ---- ending a run ------------------------------------------------------------------ */

static void
return_result (HeraldCampaignEngine *self,
               GError               *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  set_waiting_until (self, 0);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, self->state);
}

static void
stopped (HeraldCampaignEngine *self,
         gpointer              user_data)
{
  Job *job = user_data;

  set_state (self, job->new_state, job->reason, job->credits_needed);
  notify_progress (self);
  return_result (self, NULL);
}

/* Records the campaign's new state, gives the lease back and ends the run. */
static void
stop_run (HeraldCampaignEngine *self,
          HeraldCampaignState   state,
          const char           *reason,
          gint64                credits_needed)
{
  Job *job = job_new (self, stopped);

  job->set_state = TRUE;
  job->new_state = state;
  job->reason = g_strdup (reason);
  job->credits_needed = credits_needed;
  job->release_lease = TRUE;
  run_job (self, outcome_func, job);
}

/* A pause or cancel asked for meanwhile ends the run here. */
static gboolean
stop_if_asked (HeraldCampaignEngine *self)
{
  if (self->cancel_requested)
    {
      stop_run (self, HERALD_CAMPAIGN_CANCELLED, self->requested_reason, -1);
      return TRUE;
    }
  if (self->pause_requested)
    {
      stop_run (self, HERALD_CAMPAIGN_PAUSED, self->requested_reason, -1);
      return TRUE;
    }
  return FALSE;
}

static gboolean
timer_fired (gpointer user_data)
{
  HeraldCampaignEngine *self = user_data;

  self->timer_id = 0;
  set_waiting_until (self, 0);
  if (self->needs_reconcile)
    reconcile (self);
  else
    next_step (self);
  return G_SOURCE_REMOVE;
}

static void
wait_then_continue (HeraldCampaignEngine *self,
                    guint                 seconds)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_id = g_timeout_add_seconds (MAX (seconds, 1), timer_fired, self);
}

/* ---- the sending window ---------------------------------------------------------------- */

/* Seconds until the window opens, 0 inside it. */
static guint
seconds_to_window (const HeraldCampaignRecord *record)
{
  g_autoptr(GDateTime) now = NULL;
  int minute;
  int start = record->window_start;
  int end = record->window_end;
  gboolean inside;
  int wait;

  if (start < 0 || end < 0 || start == end)
    return 0;

  now = g_date_time_new_now_local ();
  minute = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
  inside = start < end ? (minute >= start && minute < end) : (minute >= start || minute < end);
  if (inside)
    return 0;

  wait = (start - minute + 24 * 60) % (24 * 60);
  return (guint) (wait * 60 - g_date_time_get_second (now));
}

/* ---- reconciling requests whose fate is open ------------------------------------------ */

/* FlashSMS's history does not echo campaignName as documented, so a
 * request is found by what it does show: a message created after the
 * request (less a margin for clocks), with its text (the history may cut
 * it to 160 characters) and its recipient count, and then proved by its
 * delivery report, whose phones must be exactly the request's. A message
 * that names the request's tag as its campaign is taken at once. */
#define CLOCK_MARGIN_USEC (G_GINT64_CONSTANT (120) * G_USEC_PER_SEC)

typedef struct
{
  HeraldCampaignEngine *self;
  GPtrArray            *requests;      /* HeraldCampaignRequest */
  GPtrArray            *request_rows;  /* GPtrArray of HeraldCampaignRecipient, per request */
  GPtrArray            *history;       /* HeraldSentMessage */
  GHashTable           *used;          /* message ids matched already */
  GPtrArray            *candidates;    /* HeraldSentMessage, not owned */
  guint                 index;
  guint                 candidate;
  Job                  *job;
  gint64                youngest_open;
} Reconciliation;

static void
reconciliation_free (Reconciliation *rec)
{
  g_ptr_array_unref (rec->requests);
  g_ptr_array_unref (rec->request_rows);
  g_clear_pointer (&rec->history, g_ptr_array_unref);
  g_hash_table_unref (rec->used);
  g_clear_pointer (&rec->candidates, g_ptr_array_unref);
  g_clear_pointer (&rec->job, job_free);
  g_object_unref (rec->self);
  g_free (rec);
}

static void
settled (HeraldCampaignEngine *self,
         gpointer              user_data)
{
  notify_progress (self);
  next_step (self);
}

static void
add_settlement (Job                  *job,
                gint64                request_id,
                HeraldRequestState    request_state,
                HeraldRecipientState  row_state,
                const char           *message_id,
                const char           *error)
{
  Settlement s = { request_id, request_state, row_state, g_strdup (message_id), g_strdup (error) };

  if (job->settlements == NULL)
    {
      job->settlements = g_array_new (FALSE, TRUE, sizeof (Settlement));
      g_array_set_clear_func (job->settlements, settlement_clear);
    }
  g_array_append_val (job->settlements, s);
}

/* The digits of a phone, so that "+233…" and "233…" compare equal. */
static char *
phone_digits (const char *phone)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = phone; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

static gboolean
could_be (const HeraldSentMessage     *message,
          const HeraldCampaignRequest *request,
          GPtrArray                   *rows)
{
  const char *text = ((HeraldCampaignRecipient *) g_ptr_array_index (rows, 0))->text;

  if (message->recipient_count >= 0 && (guint) message->recipient_count != rows->len)
    return FALSE;
  if (message->text != NULL && (*message->text == '\0' || !g_str_has_prefix (text, message->text)))
    return FALSE;
  if (message->created_at != NULL &&
      g_date_time_to_unix (message->created_at) * G_USEC_PER_SEC < request->created_at - CLOCK_MARGIN_USEC)
    return FALSE;
  return TRUE;
}


static void
settle_current (Reconciliation       *rec,
                HeraldRequestState    request_state,
                HeraldRecipientState  row_state,
                const char           *message_id,
                const char           *error)
{
  HeraldCampaignRequest *request = g_ptr_array_index (rec->requests, rec->index);

  add_settlement (rec->job, request->id, request_state, row_state, message_id, error);
  if (message_id != NULL)
    g_hash_table_add (rec->used, g_strdup (message_id));
}

/* No message in the history is this request. */
static void
settle_not_found (Reconciliation *rec)
{
  HeraldCampaignRequest *request = g_ptr_array_index (rec->requests, rec->index);
  gint64 settle = (gint64) rec->self->settle_seconds * G_USEC_PER_SEC;

  if (herald_campaign_store_now () - request->created_at >= settle)
    settle_current (rec, HERALD_REQUEST_NOT_SENT, HERALD_RECIPIENT_STATE_PENDING, NULL,
                    _("Not in the provider’s history: it never accepted this request."));
  else
    /* Too young to tell: the provider may still be working on it. */
    rec->youngest_open = MAX (rec->youngest_open, request->created_at);
}

static void
reconcile_failed (Reconciliation *rec,
                  const GError   *error)
{
  g_autofree char *reason = g_strdup_printf (_("Herald could not check with the provider whether "
                                               "%u requests were accepted (%s); resume the campaign "
                                               "to check again. Nothing was sent twice."),
                                             rec->requests->len, error->message);

  /* What was settled so far is lost with the job: checked again next time. */
  stop_run (rec->self, HERALD_CAMPAIGN_PAUSED, reason, -1);
  reconciliation_free (rec);
}

static void reconcile_walk (Reconciliation *rec);
static void fetch_candidate (Reconciliation *rec);

static void
report_read (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Reconciliation *rec = user_data;
  g_autoptr(HeraldDeliveryReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *rows = g_ptr_array_index (rec->request_rows, rec->index);
  const HeraldSentMessage *message = g_ptr_array_index (rec->candidates, rec->candidate);
  gboolean same;

  report = herald_history_source_get_report_finish (HERALD_HISTORY_SOURCE (object), result, &error);
  if (report == NULL)
    {
      reconcile_failed (rec, error);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    g_hash_table_add (expected, phone_digits (((HeraldCampaignRecipient *) g_ptr_array_index (rows, i))->phone));
  same = report->n_recipients == rows->len;
  for (guint i = 0; same && i < report->n_recipients; i++)
    {
      g_autofree char *digits = phone_digits (report->recipients[i].phone);

      same = g_hash_table_contains (expected, digits);
    }

  if (same)
    {
      settle_current (rec, HERALD_REQUEST_RECONCILED, HERALD_RECIPIENT_STATE_ACCEPTED, message->id, NULL);
      rec->index++;
      reconcile_walk (rec);
      return;
    }

  rec->candidate++;
  if (rec->candidate < rec->candidates->len)
    {
      fetch_candidate (rec);
      return;
    }
  settle_not_found (rec);
  rec->index++;
  reconcile_walk (rec);
}

static void
fetch_candidate (Reconciliation *rec)
{
  const HeraldSentMessage *message = g_ptr_array_index (rec->candidates, rec->candidate);

  herald_history_source_get_report_async (HERALD_HISTORY_SOURCE (rec->self->provider), message->id, NULL,
                                          report_read, rec);
}

static void
reconcile_done (Reconciliation *rec)
{
  HeraldCampaignEngine *self = rec->self;
  Job *job = g_steal_pointer (&rec->job);

  self->needs_reconcile = rec->youngest_open > 0;
  if (self->needs_reconcile)
    g_debug ("campaign %" G_GINT64_FORMAT ": a request is too recent to reconcile; later", self->campaign_id);

  reconciliation_free (rec);
  if (job->settlements == NULL)
    {
      job_free (job);
      next_step (self);
    }
  else
    run_job (self, outcome_func, job);
}

/* Whether the history settles @request at once (its tag, or nothing left
 * open); else fills the candidates to prove by their reports. */
static gboolean
settle_at_once (Reconciliation              *rec,
                const HeraldCampaignRequest *request,
                GPtrArray                   *rows)
{
  if (rows->len == 0)
    {
      /* Nothing of it is open any more. */
      settle_current (rec, HERALD_REQUEST_ANSWERED, HERALD_RECIPIENT_STATE_UNKNOWN, NULL, NULL);
      return TRUE;
    }
  if (strstr (request->tag, VIA_MARK) != NULL)
    {
      /* Went through another account, whose history this one's is not. */
      settle_current (rec, HERALD_REQUEST_UNKNOWN, HERALD_RECIPIENT_STATE_UNKNOWN, NULL,
                      _("Sent through another account, which may or may not have taken it; "
                        "not sent again unless you ask."));
      return TRUE;
    }

  g_clear_pointer (&rec->candidates, g_ptr_array_unref);
  rec->candidates = g_ptr_array_new ();
  rec->candidate = 0;
  for (guint i = 0; i < rec->history->len; i++)
    {
      const HeraldSentMessage *message = g_ptr_array_index (rec->history, i);

      if (g_hash_table_contains (rec->used, message->id))
        continue;
      if (g_strcmp0 (message->campaign_name, request->tag) == 0)
        {
          settle_current (rec, HERALD_REQUEST_RECONCILED, HERALD_RECIPIENT_STATE_ACCEPTED, message->id, NULL);
          return TRUE;
        }
      if (could_be (message, request, rows))
        g_ptr_array_add (rec->candidates, (gpointer) message);
    }

  if (rec->candidates->len > 0)
    return FALSE;
  settle_not_found (rec);
  return TRUE;
}

/* Settles the requests from rec->index on until one needs a delivery
 * report read (then report_read carries on), or all are done. */
static void
reconcile_walk (Reconciliation *rec)
{
  for (; rec->index < rec->requests->len; rec->index++)
    {
      if (!settle_at_once (rec, g_ptr_array_index (rec->requests, rec->index),
                           g_ptr_array_index (rec->request_rows, rec->index)))
        {
          fetch_candidate (rec);
          return;
        }
    }

  reconcile_done (rec);
}

static void
history_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Reconciliation *rec = user_data;
  g_autoptr(GError) error = NULL;

  rec->history = herald_history_source_list_all_history_finish (HERALD_HISTORY_SOURCE (object), result, &error);
  if (rec->history == NULL)
    {
      reconcile_failed (rec, error);
      return;
    }
  rec->job = job_new (rec->self, settled);
  reconcile_walk (rec);
}

static void
requests_listed (HeraldCampaignEngine *self,
                 gpointer              user_data)
{
  Job *job = user_data;
  HeraldHistoryFilter filter = { HERALD_DELIVERY_UNKNOWN, NULL, NULL };
  g_autoptr(GDateTime) since = NULL;
  gint64 oldest = G_MAXINT64;
  Reconciliation *rec;


  self->needs_reconcile = FALSE;
  if (job->requests->len == 0)
    {
      next_step (self);
      return;
    }

  if (!HERALD_IS_HISTORY_SOURCE (self->provider))
    {
      /* No way to ask: say so, and never send these again by ourselves. */
      Job *settle = job_new (self, settled);

      for (guint i = 0; i < job->requests->len; i++)
        add_settlement (settle, ((HeraldCampaignRequest *) g_ptr_array_index (job->requests, i))->id,
                        HERALD_REQUEST_UNKNOWN, HERALD_RECIPIENT_STATE_UNKNOWN, NULL,
                        _("The request may or may not have reached the provider, which keeps no "
                          "history to ask; not sent again unless you ask."));
      run_job (self, outcome_func, settle);
      return;
    }

  for (guint i = 0; i < job->requests->len; i++)
    oldest = MIN (oldest, ((HeraldCampaignRequest *) g_ptr_array_index (job->requests, i))->created_at);
  since = g_date_time_new_from_unix_utc ((oldest - HISTORY_MARGIN_USEC) / G_USEC_PER_SEC);
  filter.since = since;

  rec = g_new0 (Reconciliation, 1);
  rec->self = g_object_ref (self);
  rec->requests = g_steal_pointer (&job->requests);
  rec->request_rows = g_steal_pointer (&job->rows);
  rec->used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  herald_history_source_list_all_history_async (HERALD_HISTORY_SOURCE (self->provider), &filter, NULL,
                                                history_read, rec);
}

static void
reconcile (HeraldCampaignEngine *self)
{
  run_job (self, open_requests_func, job_new (self, requests_listed));
}

/* ---- one request ------------------------------------------------------------------------ */

typedef struct
{
  HeraldCampaignEngine *self;
  GPtrArray            *rows;
  gint64                request_id;
  guint                 route;
} InFlight;

static void
outcome_written (HeraldCampaignEngine *self,
                 gpointer              user_data)
{
  Job *job = user_data;


  if (job->set_state)
    set_state (self, job->new_state, job->reason, job->credits_needed);
  notify_progress (self);

  if (job->set_state)
    {
      return_result (self, NULL);
      return;
    }

  if (self->transient_failures > 0)
    {
      /* Exponential backoff from one second, capped. */
      guint delay = MIN (1u << MIN (self->transient_failures - 1, 6u), BACKOFF_CAP_SECONDS);

      if (!stop_if_asked (self))
        wait_then_continue (self, delay);
      return;
    }

  next_step (self);
}

static void
add_change (Job                  *job,
            gint64                row_id,
            HeraldRecipientState  state,
            const char           *message_id,
            const char           *error)
{
  RowChange change = { row_id, state, g_strdup (message_id), g_strdup (error) };

  if (job->changes == NULL)
    {
      job->changes = g_array_new (FALSE, TRUE, sizeof (RowChange));
      g_array_set_clear_func (job->changes, row_change_clear);
    }
  g_array_append_val (job->changes, change);
}

/* The provider answered with a report: each row from its entry (in the
 * order of the request's numbers, which are the rows' E.164 numbers). */
static void
changes_from_report (Job              *job,
                     GPtrArray        *rows,
                     HeraldSendReport *report)
{
  const GError *report_error = herald_send_report_get_error (report);
  guint n = herald_send_report_get_n_recipients (report);

  for (guint i = 0; i < rows->len; i++)
    {
      HeraldCampaignRecipient *row = g_ptr_array_index (rows, i);
      HeraldRecipientOutcome outcome = i < n ? herald_send_report_get_outcome (report, i)
                                             : HERALD_RECIPIENT_FATE_UNKNOWN;
      const char *reason = i < n ? herald_send_report_get_reason (report, i) : NULL;

      switch (outcome)
        {
        case HERALD_RECIPIENT_QUEUED:
          add_change (job, row->id, HERALD_RECIPIENT_STATE_ACCEPTED,
                      herald_send_report_get_recipient_message_id (report, i), NULL);
          break;
        case HERALD_RECIPIENT_NOT_SENT:
          /* Part of a request the provider split and stopped: not taken. */
          if (report_error != NULL && !herald_provider_error_is_transient (report_error) &&
              !g_error_matches (report_error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED))
            add_change (job, row->id, HERALD_RECIPIENT_STATE_FAILED, NULL, reason);
          else
            add_change (job, row->id, HERALD_RECIPIENT_STATE_PENDING, NULL, reason);
          break;
        case HERALD_RECIPIENT_INVALID:
        case HERALD_RECIPIENT_DUPLICATE:
          add_change (job, row->id, HERALD_RECIPIENT_STATE_FAILED, NULL,
                      reason != NULL ? reason : _("The provider refused this number."));
          break;
        case HERALD_RECIPIENT_FATE_UNKNOWN:
        default:
          add_change (job, row->id, HERALD_RECIPIENT_STATE_UNKNOWN, NULL,
                      reason != NULL ? reason : _("The provider did not say whether it took this message; "
                                                  "not sent again unless you ask."));
          break;
        }
    }
}

/* The whole request failed: what that means for its rows and the campaign. */
/* A refusal that says "not this account" (no credit, not allowed, no
 * phone connected) rather than "not this request". */
static gboolean
refused_by_account (const GError *error)
{
  return g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED) ||
         g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FORBIDDEN) ||
         g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NO_DEVICE);
}

static gboolean
another_route_left (HeraldCampaignEngine *self,
                    guint                 route)
{
  for (guint i = 0; i < self->routes->len; i++)
    if (i != route && !g_array_index (self->routes, Route, i).refused)
      return TRUE;
  return FALSE;
}

static void
changes_from_error (HeraldCampaignEngine *self,
                    Job                  *job,
                    gint64                request_id,
                    guint                 route,
                    const GError         *error)
{
  if (herald_provider_error_send_may_have_gone_out (error))
    {
      /* Only the campaign's own account is asked later (by the tag). */
      if (route == 0 && HERALD_IS_HISTORY_SOURCE (self->provider))
        {
          /* Left submitting: the provider's history will tell. */
          self->needs_reconcile = TRUE;
          return;
        }
      add_settlement (job, request_id, HERALD_REQUEST_UNKNOWN, HERALD_RECIPIENT_STATE_UNKNOWN, NULL,
                      error->message);
      return;
    }

  if (refused_by_account (error) && another_route_left (self, route))
    {
      /* Never taken: its rows go to the next account, this one rests. */
      g_debug ("campaign %" G_GINT64_FORMAT ": account %s refused (%s); the others carry on",
               self->campaign_id, g_array_index (self->routes, Route, route).account_id, error->message);
      g_array_index (self->routes, Route, route).refused = TRUE;
      self->transient_failures = 0;
      add_settlement (job, request_id, HERALD_REQUEST_NOT_SENT, HERALD_RECIPIENT_STATE_PENDING, NULL,
                      error->message);
      return;
    }

  if (g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED) ||
      g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_UNAUTHORIZED) ||
      g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FORBIDDEN) ||
      g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_TLS))
    {
      /* Never taken: back to pending, and a person must act first. */
      add_settlement (job, request_id, HERALD_REQUEST_NOT_SENT, HERALD_RECIPIENT_STATE_PENDING, NULL,
                      error->message);
      job->set_state = TRUE;
      job->new_state = HERALD_CAMPAIGN_PAUSED;
      job->reason = g_strdup (error->message);
      job->credits_needed = herald_provider_error_get_credits_needed (error);
      job->count_credits = g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED);
      job->release_lease = TRUE;
      return;
    }

  if (herald_provider_error_is_transient (error))
    {
      self->transient_failures++;
      add_settlement (job, request_id, HERALD_REQUEST_NOT_SENT, HERALD_RECIPIENT_STATE_PENDING, NULL,
                      error->message);
      if (self->transient_failures >= MAX_TRANSIENT_FAILURES)
        {
          job->set_state = TRUE;
          job->new_state = HERALD_CAMPAIGN_PAUSED;
          job->reason = g_strdup_printf (_("Paused after %u failed attempts in a row: %s"),
                                         self->transient_failures, error->message);
          job->release_lease = TRUE;
        }
      return;
    }

  /* Refused for good (400, an invalid request): tried, and failed. */
  add_settlement (job, request_id, HERALD_REQUEST_REFUSED, HERALD_RECIPIENT_STATE_FAILED, NULL,
                  error->message);
}

static void
request_answered (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  InFlight *flight = user_data;
  HeraldCampaignEngine *self = flight->self;
  g_autoptr(HeraldSendReport) report = NULL;
  g_autoptr(GError) error = NULL;
  Job *job = job_new (self, outcome_written);

  report = herald_logged_send_finish (HERALD_MESSAGE_LOG (object), result, &error);
  self->answered += flight->rows->len;

  if (report != NULL)
    {
      self->transient_failures = 0;
      changes_from_report (job, flight->rows, report);
      add_settlement (job, flight->request_id, HERALD_REQUEST_ANSWERED, HERALD_RECIPIENT_STATE_UNKNOWN,
                      NULL, NULL);
    }
  else
    {
      g_debug ("campaign %" G_GINT64_FORMAT ": request %" G_GINT64_FORMAT " failed: %s",
               self->campaign_id, flight->request_id, error->message);
      if (!herald_provider_error_is_transient (error))
        self->transient_failures = 0;
      changes_from_error (self, job, flight->request_id, flight->route, error);
    }

  run_job (self, outcome_func, job);

  g_ptr_array_unref (flight->rows);
  g_object_unref (flight->self);
  g_free (flight);
}

static void
request_begun (HeraldCampaignEngine *self,
               gpointer              user_data)
{
  Job *job = user_data;
  g_autoptr(HeraldOutgoing) outgoing = NULL;
  InFlight *flight;
  Route *route;


  if (job->rows->len == 0)
    {
      if (self->needs_reconcile)
        {
          /* Only requests too young to judge are left: wait for them. */
          set_waiting_until (self, g_get_real_time () / G_USEC_PER_SEC + self->settle_seconds);
          wait_then_continue (self, MAX (self->settle_seconds / 4, 1));
          return;
        }
      if (self->counts[HERALD_RECIPIENT_STATE_SUBMITTING] > 0)
        {
          /* Rows in flight without an open request: never call that done. */
          stop_run (self, HERALD_CAMPAIGN_PAUSED,
                    _("Some recipients are still marked as being sent; resume to check them."), -1);
          return;
        }
      stop_run (self, HERALD_CAMPAIGN_FINISHED, NULL, -1);
      return;
    }

  outgoing = herald_outgoing_new (((HeraldCampaignRecipient *) g_ptr_array_index (job->rows, 0))->text);
  for (guint i = 0; i < job->rows->len; i++)
    herald_outgoing_add_recipient (outgoing, ((HeraldCampaignRecipient *) g_ptr_array_index (job->rows, i))->phone);
  route = current_route (self);
  if (herald_provider_has_feature (route->provider, HERALD_PROVIDER_FEATURE_CAMPAIGN_NAME))
    herald_outgoing_set_campaign_name (outgoing, job->tag);
  if (self->record->sender_id != NULL &&
      herald_provider_has_feature (route->provider, HERALD_PROVIDER_FEATURE_SENDER_ID))
    herald_outgoing_set_sender_id (outgoing, self->record->sender_id);

  notify_progress (self);

  flight = g_new0 (InFlight, 1);
  flight->self = g_object_ref (self);
  flight->rows = g_steal_pointer (&job->rows);
  flight->request_id = job->request_id;
  flight->route = self->route;
  route->requests++;
  /* No cancellable: once out, its answer is waited for and recorded. */
  herald_logged_send_async (self->log, route->provider, route->account_id, outgoing, NULL,
                            request_answered, flight);
}

static void
begin_request (HeraldCampaignEngine *self)
{
  Job *job;

  job = job_new (self, request_begun);
  job->batch_max = self->batch_max;
  job->pid = self->pid;
  job->host = g_strdup (self->host);
  {
    g_autofree char *uuid = g_uuid_string_random ();

    if (self->route == 0)
      job->tag = g_strdup_printf ("herald-%" G_GINT64_FORMAT "-%s", self->campaign_id, uuid);
    else
      job->tag = g_strdup_printf ("herald-%" G_GINT64_FORMAT VIA_MARK "%s-%s", self->campaign_id,
                                  current_route (self)->account_id, uuid);
  }
  run_job (self, begin_request_func, job);
}

/* The provider's rate limiter, when it has one (the cloud dialects). */
static HeraldRateLimiter *
provider_limiter (HeraldProvider *provider)
{
  if (!HERALD_IS_REST_CLIENT (provider))
    return NULL;
  return herald_http_client_get_rate_limiter (herald_rest_client_get_http_client (HERALD_REST_CLIENT (provider)));
}

/* The account for the next request: of those that have not refused, the
 * one furthest behind its share, shares in proportion to the rate limits
 * (a request a minute for an account without one). FALSE when all refused. */
static gboolean
pick_route (HeraldCampaignEngine *self)
{
  double best = G_MAXDOUBLE;
  gboolean found = FALSE;

  for (guint i = 0; i < self->routes->len; i++)
    {
      Route *route = &g_array_index (self->routes, Route, i);
      HeraldRateLimiter *limiter = provider_limiter (route->provider);
      double per_minute = 1.0;
      double load;

      if (route->refused)
        continue;
      if (limiter != NULL && herald_rate_limiter_get_window_seconds (limiter) > 0)
        per_minute = herald_rate_limiter_get_limit (limiter) * 60.0 / herald_rate_limiter_get_window_seconds (limiter);
      load = (route->requests + 1) / MAX (per_minute, 1e-6);
      if (load < best)
        {
          best = load;
          self->route = i;
          found = TRUE;
        }
    }
  return found;
}

static void
slot_reserved (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HeraldCampaignEngine) self = user_data;

  /* No cancellable: it cannot fail. A slot left unused (a pause asked
   * meanwhile) goes to the next request made with the key. */
  herald_rate_limiter_acquire_finish (HERALD_RATE_LIMITER (object), result, NULL);
  if (stop_if_asked (self))
    return;
  begin_request (self);
}

static void
next_step (HeraldCampaignEngine *self)
{
  HeraldRateLimiter *limiter;
  guint wait;

  if (stop_if_asked (self))
    return;

  wait = seconds_to_window (self->record);
  if (wait > 0)
    {
      set_waiting_until (self, g_get_real_time () / G_USEC_PER_SEC + wait);
      wait_then_continue (self, MIN (wait, 60u));
      return;
    }

  /* The rows stay pending while the request waits for its turn: only once
   * the limiter lets it go are they marked submitting, and then it leaves
   * at once (the reserved slot is its own). A kill while it waits leaves
   * nothing in doubt. */
  if (!pick_route (self))
    self->route = 0;
  limiter = provider_limiter (current_route (self)->provider);
  if (limiter != NULL)
    {
      herald_rate_limiter_reserve_async (limiter, NULL, slot_reserved, g_object_ref (self));
      return;
    }
  begin_request (self);
}

/* ---- running ---------------------------------------------------------------------------- */

static void
claimed (HeraldCampaignEngine *self,
         gpointer              user_data)
{
  Job *job = user_data;

  g_clear_pointer (&self->record, herald_campaign_record_free);
  self->record = g_steal_pointer (&job->record);
  if (g_strcmp0 (self->record->account_id, self->account_id) != 0)
    {
      stop_run (self, HERALD_CAMPAIGN_PAUSED, _("The campaign was started with another account."), -1);
      return;
    }
  set_state (self, HERALD_CAMPAIGN_RUNNING, NULL, -1);
  notify_progress (self);

  /* Whatever a killed run left in flight is settled before anything new. */
  reconcile (self);
}

void
herald_campaign_engine_run_async (HeraldCampaignEngine *self,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (HERALD_IS_CAMPAIGN_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_campaign_engine_run_async);
  if (self->task != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "%s",
                               _("This campaign is already running."));
      return;
    }

  self->task = g_steal_pointer (&task);
  self->pause_requested = FALSE;
  self->cancel_requested = FALSE;
  self->needs_reconcile = FALSE;
  self->transient_failures = 0;
  self->run_started = g_get_monotonic_time ();
  self->answered = 0;

  job = job_new (self, claimed);
  job->pid = self->pid;
  job->host = g_strdup (self->host);
  run_job (self, claim_func, job);
}

HeraldCampaignState
herald_campaign_engine_run_finish (HeraldCampaignEngine  *self,
                                   GAsyncResult          *result,
                                   GError               **error)
{
  gssize state;

  g_return_val_if_fail (g_task_is_valid (result, self), HERALD_CAMPAIGN_PAUSED);

  state = g_task_propagate_int (G_TASK (result), error);
  return state < 0 ? self->state : (HeraldCampaignState) state;
}

static void
request_stop (HeraldCampaignEngine *self,
              const char           *reason)
{
  g_free (self->requested_reason);
  self->requested_reason = g_strdup (reason);

  /* Waiting on a timer (backoff, window, settle): stop now. */
  if (self->task != NULL && self->timer_id != 0)
    {
      g_clear_handle_id (&self->timer_id, g_source_remove);
      set_waiting_until (self, 0);
      stop_if_asked (self);
    }
}

void
herald_campaign_engine_pause (HeraldCampaignEngine *self,
                              const char           *reason)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN_ENGINE (self));

  self->pause_requested = TRUE;
  request_stop (self, reason);
}

void
herald_campaign_engine_cancel (HeraldCampaignEngine *self)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN_ENGINE (self));

  self->cancel_requested = TRUE;
  request_stop (self, NULL);
}
