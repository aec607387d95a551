/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-campaign-runner"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-campaign-runner.h"
#include "send/herald-send-plan.h"
#include "store/herald-contact-store.h"
#include "store/herald-optout-store.h"

struct _HeraldCampaignRunner
{
  GObject           parent_instance;

  HeraldDatabase   *database;
  HeraldMessageLog *log;
  GHashTable       *engines;   /* gint64 id → HeraldCampaignEngine */
  GHashTable       *running;   /* set of gint64 ids whose engine runs */

  HeraldProvider   *provider;  /* the active account's, for scheduled campaigns */
  char             *account_id;
  GCancellable     *due_cancellable;
  guint             due_source;
  gboolean          due_again; /* a change came while looking */
};

G_DEFINE_FINAL_TYPE (HeraldCampaignRunner, herald_campaign_runner, G_TYPE_OBJECT)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- the summary ---------------------------------------------------------- */

static HeraldCampaignSummary *
summary_new (void)
{
  return g_atomic_rc_box_new0 (HeraldCampaignSummary);
}

HeraldCampaignSummary *
herald_campaign_summary_ref (HeraldCampaignSummary *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
summary_clear (HeraldCampaignSummary *self)
{
  g_clear_pointer (&self->record, herald_campaign_record_free);
  g_clear_pointer (&self->recipients, g_ptr_array_unref);
  g_clear_pointer (&self->rejects, g_ptr_array_unref);
}

void
herald_campaign_summary_unref (HeraldCampaignSummary *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) summary_clear);
}

G_DEFINE_BOXED_TYPE (HeraldCampaignSummary, herald_campaign_summary,
                     herald_campaign_summary_ref, herald_campaign_summary_unref)

/* ---- reading -------------------------------------------------------------- */

typedef struct
{
  gint64               id;
  gboolean             with_recipients;
  HeraldCampaignState  state;
  GPtrArray           *list;      /* HeraldCampaignSummary */
  HeraldCampaignSummary *summary;
} Query;

static void
query_free (Query *q)
{
  g_clear_pointer (&q->list, g_ptr_array_unref);
  g_clear_pointer (&q->summary, herald_campaign_summary_unref);
  g_free (q);
}

static gboolean
list_func (HeraldDatabase *db, gpointer data, GCancellable *cancellable, GError **error)
{
  Query *q = data;
  g_autoptr(GPtrArray) records = herald_campaign_store_list (db, error);

  if (records == NULL)
    return FALSE;
  q->list = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_campaign_summary_unref);
  /* Newest first: the one just made is on top. */
  for (guint i = records->len; i > 0; i--)
    {
      HeraldCampaignSummary *summary = summary_new ();

      summary->record = g_ptr_array_steal_index_fast (records, i - 1);
      g_ptr_array_add (q->list, summary);
      if (!herald_campaign_store_count (db, summary->record->id, summary->counts, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_func (HeraldDatabase *db, gpointer data, GCancellable *cancellable, GError **error)
{
  Query *q = data;
  HeraldCampaignSummary *summary = summary_new ();

  q->summary = summary;
  summary->record = herald_campaign_store_get (db, q->id, error);
  if (summary->record == NULL || !herald_campaign_store_count (db, q->id, summary->counts, error))
    return FALSE;
  if (!q->with_recipients)
    return TRUE;
  summary->recipients = herald_campaign_store_recipients (db, q->id, 0, 0, error);
  if (summary->recipients == NULL)
    return FALSE;
  summary->rejects = herald_campaign_store_rejects (db, q->id, error);
  return summary->rejects != NULL;
}

/* A campaign nobody runs any more is set to @q->state; one another
 * process holds, or one that is over, is left alone. */
static gboolean
stop_func (HeraldDatabase *db, gpointer data, GCancellable *cancellable, GError **error)
{
  Query *q = data;
  g_autoptr(HeraldCampaignRecord) record = NULL;

  if (!herald_database_begin (db, error))
    return FALSE;
  record = herald_campaign_store_get (db, q->id, error);
  if (record == NULL)
    goto fail;
  if (record->state == HERALD_CAMPAIGN_FINISHED || record->state == HERALD_CAMPAIGN_CANCELLED)
    {
      g_set_error (error, HERALD_CAMPAIGN_ERROR, HERALD_CAMPAIGN_ERROR_NOT_RUNNABLE,
                   _("The campaign “%s” is over already."), record->name);
      goto fail;
    }
  if (record->lease_pid != 0 &&
      !herald_campaign_lease_holder_gone (record->lease_pid, record->lease_host, record->lease_expires))
    {
      g_set_error (error, HERALD_CAMPAIGN_ERROR, HERALD_CAMPAIGN_ERROR_BUSY,
                   _("Another program (process %" G_GINT64_FORMAT " on %s) is sending the campaign “%s”; "
                     "pause it there, or with “heraldctl campaign pause %" G_GINT64_FORMAT "”."),
                   record->lease_pid, record->lease_host, record->name, record->id);
      goto fail;
    }
  if (!herald_campaign_store_set_state (db, q->id, q->state, NULL, -1, error))
    goto fail;
  return herald_database_commit (db, error);

fail:
  herald_database_rollback (db);
  return FALSE;
}

static void
query_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
run_query (HeraldCampaignRunner *self,
           HeraldDatabaseFunc    func,
           Query                *q,
           gpointer              source_tag,
           GCancellable         *cancellable,
           GAsyncReadyCallback   callback,
           gpointer              user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, q, (GDestroyNotify) query_free);
  herald_database_run_async (self->database, func, q, cancellable, query_done, task);
}

void
herald_campaign_runner_list_async (HeraldCampaignRunner *self,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN_RUNNER (self));
  run_query (self, list_func, g_new0 (Query, 1), herald_campaign_runner_list_async,
             cancellable, callback, user_data);
}

GPtrArray *
herald_campaign_runner_list_finish (HeraldCampaignRunner  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  Query *q;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  q = g_task_get_task_data (G_TASK (result));
  return g_steal_pointer (&q->list);
}

void
herald_campaign_runner_read_async (HeraldCampaignRunner *self,
                                   gint64                id,
                                   gboolean              with_recipients,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  Query *q = g_new0 (Query, 1);

  g_return_if_fail (HERALD_IS_CAMPAIGN_RUNNER (self));
  q->id = id;
  q->with_recipients = with_recipients;
  run_query (self, read_func, q, herald_campaign_runner_read_async, cancellable, callback, user_data);
}

HeraldCampaignSummary *
herald_campaign_runner_read_finish (HeraldCampaignRunner  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  Query *q;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  q = g_task_get_task_data (G_TASK (result));
  return g_steal_pointer (&q->summary);
}

/* ---- gathering an audience -------------------------------------------------- */

typedef struct
{
  HeraldCampaignAudience *audience;
  HeraldContactStore     *contacts;
  HeraldOptoutStore      *optouts;
  GStrv                   groups;    /* what is left to read; NULL item: every contact */
  guint                   next;
  char                   *pasted;
} Gather;

static void
gather_free (Gather *g)
{
  g_clear_object (&g->audience);
  g_clear_object (&g->contacts);
  g_clear_object (&g->optouts);
  g_strfreev (g->groups);
  g_free (g->pasted);
  g_free (g);
}

static void gather_next (GTask *task);

static void
optouts_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Gather *g = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) opted_out = herald_optout_store_filter_finish (HERALD_OPTOUT_STORE (object), result, &error);

  if (opted_out == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; opted_out[i] != NULL; i++)
    herald_campaign_audience_skip (g->audience, opted_out[i], "opted-out");
  g_task_return_pointer (task, g_steal_pointer (&g->audience), g_object_unref);
}

/* Opted-out numbers stay in the campaign as skipped, never sent. */
static void
gather_optouts (GTask *task)
{
  Gather *g = g_task_get_task_data (task);
  g_autoptr(GPtrArray) phones = g_ptr_array_new ();
  const HeraldCampaignNewRecipient *recipients;
  guint n;

  if (g->pasted != NULL)
    {
      g_auto(GStrv) pieces = g_strsplit_set (g->pasted, "\n,;\t", -1);

      for (guint i = 0; pieces[i] != NULL; i++)
        {
          g_strstrip (pieces[i]);
          if (*pieces[i] != '\0')
            herald_campaign_audience_add (g->audience, pieces[i], NULL);
        }
    }

  recipients = herald_campaign_audience_get_recipients (g->audience, &n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (phones, (gpointer) recipients[i].phone);
  g_ptr_array_add (phones, NULL);
  herald_optout_store_filter_async (g->optouts, (const char * const *) phones->pdata,
                                    g_task_get_cancellable (task), optouts_cb, g_object_ref (task));
}

static void
contacts_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Gather *g = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = herald_contact_store_list_contacts_finish (HERALD_CONTACT_STORE (object),
                                                                         result, &error);

  if (list == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < list->len; i++)
    herald_campaign_audience_add (g->audience, herald_contact_get_phone (list->pdata[i]), list->pdata[i]);
  gather_next (g_steal_pointer (&task));
}

static void
gather_next (GTask *task)
{
  Gather *g = g_task_get_task_data (task);

  if (g->groups == NULL || g->next >= g_strv_length (g->groups))
    {
      gather_optouts (task);
      g_object_unref (task);
      return;
    }
  /* An empty name: every contact. */
  herald_contact_store_list_contacts_async (g->contacts, *g->groups[g->next] != '\0' ? g->groups[g->next] : NULL,
                                            NULL, 0, 0, g_task_get_cancellable (task), contacts_cb, task);
  g->next++;
}

void
herald_campaign_runner_gather_async (HeraldCampaignRunner *self,
                                     HeraldAccount        *account,
                                     const char           *text,
                                     const char * const   *groups,
                                     gboolean              all_contacts,
                                     const char           *pasted,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Gather *g;

  g_return_if_fail (HERALD_IS_CAMPAIGN_RUNNER (self));
  g_return_if_fail (HERALD_IS_ACCOUNT (account));
  g_return_if_fail (text != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_campaign_runner_gather_async);
  g = g_new0 (Gather, 1);
  g_task_set_task_data (task, g, (GDestroyNotify) gather_free);

  g->audience = herald_campaign_audience_new (text, herald_account_get_region (account),
                                              herald_send_plan_phone_flags_for (herald_account_get_dialect (account)),
                                              &error);
  if (g->audience == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g->contacts = herald_contact_store_new (self->database);
  g->optouts = herald_optout_store_new (self->database);
  g->pasted = g_strdup (pasted);
  if (all_contacts)
    {
      const char *every[] = { "", NULL };

      g->groups = g_strdupv ((char **) every);
    }
  else
    g->groups = g_strdupv ((char **) groups);
  gather_next (g_steal_pointer (&task));
}

HeraldCampaignAudience *
herald_campaign_runner_gather_finish (HeraldCampaignRunner  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- creating ------------------------------------------------------------- */

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldCampaignRunner *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  gint64 id = herald_campaign_audience_save_finish (HERALD_CAMPAIGN_AUDIENCE (object), result, &error);

  if (id < 0 || error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, id);
  g_task_return_int (task, id);
}

void
herald_campaign_runner_create_async (HeraldCampaignRunner       *self,
                                     HeraldCampaignAudience     *audience,
                                     const HeraldCampaignRecord *record,
                                     GCancellable               *cancellable,
                                     GAsyncReadyCallback         callback,
                                     gpointer                    user_data)
{
  GTask *task;

  g_return_if_fail (HERALD_IS_CAMPAIGN_RUNNER (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_campaign_runner_create_async);
  herald_campaign_audience_save_async (audience, self->database, record, cancellable, saved_cb, task);
}

gint64
herald_campaign_runner_create_finish (HeraldCampaignRunner  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  return g_task_propagate_int (G_TASK (result), error);
}

/* ---- running -------------------------------------------------------------- */

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HeraldCampaignRunner) self = user_data;
  HeraldCampaignEngine *engine = HERALD_CAMPAIGN_ENGINE (object);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  HeraldCampaignState state = herald_campaign_engine_run_finish (engine, result, &error);

  g_object_get (engine, "campaign-id", &id, NULL);
  if (error != NULL)
    g_warning ("Campaign %" G_GINT64_FORMAT " stopped: %s", id, error->message);
  else
    g_debug ("Campaign %" G_GINT64_FORMAT " is %s", id, herald_campaign_state_to_string (state));
  if (self->running != NULL)
    g_hash_table_remove (self->running, &id);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, id);
}

HeraldCampaignEngine *
herald_campaign_runner_start (HeraldCampaignRunner *self,
                              HeraldProvider       *provider,
                              const char           *account_id,
                              gint64                id)
{
  HeraldCampaignEngine *engine;

  g_return_val_if_fail (HERALD_IS_CAMPAIGN_RUNNER (self), NULL);
  g_return_val_if_fail (HERALD_IS_PROVIDER (provider), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  engine = g_hash_table_lookup (self->engines, &id);
  if (engine != NULL && g_hash_table_contains (self->running, &id))
    return engine;
  if (engine == NULL)
    {
      gint64 *key = g_memdup2 (&id, sizeof id);

      engine = herald_campaign_engine_new (self->database, self->log, provider, account_id, id);
      g_hash_table_insert (self->engines, key, engine);
    }
  g_hash_table_add (self->running, g_memdup2 (&id, sizeof id));
  /* No cancellable: only pause and cancel stop a campaign. */
  herald_campaign_engine_run_async (engine, NULL, run_done_cb, g_object_ref (self));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, id);
  return engine;
}

HeraldCampaignEngine *
herald_campaign_runner_lookup (HeraldCampaignRunner *self,
                               gint64                id)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_RUNNER (self), NULL);
  return g_hash_table_lookup (self->engines, &id);
}

gboolean
herald_campaign_runner_is_running (HeraldCampaignRunner *self,
                                   gint64                id)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_RUNNER (self), FALSE);
  return g_hash_table_contains (self->running, &id);
}

guint
herald_campaign_runner_get_n_running (HeraldCampaignRunner *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_RUNNER (self), 0);
  return self->running != NULL ? g_hash_table_size (self->running) : 0;
}

void
herald_campaign_runner_pause_all (HeraldCampaignRunner *self,
                                  const char           *reason)
{
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (HERALD_IS_CAMPAIGN_RUNNER (self));
  g_hash_table_iter_init (&iter, self->running);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    herald_campaign_engine_pause (g_hash_table_lookup (self->engines, key), reason);
}

static void
stopped_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldCampaignRunner *self = g_task_get_source_object (task);
  Query *q = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, q->id);
  g_task_return_boolean (task, TRUE);
}

void
herald_campaign_runner_stop_async (HeraldCampaignRunner *self,
                                   gint64                id,
                                   HeraldCampaignState   state,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Query *q;

  g_return_if_fail (HERALD_IS_CAMPAIGN_RUNNER (self));
  g_return_if_fail (state == HERALD_CAMPAIGN_PAUSED || state == HERALD_CAMPAIGN_CANCELLED);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_campaign_runner_stop_async);
  if (herald_campaign_runner_is_running (self, id))
    {
      HeraldCampaignEngine *engine = g_hash_table_lookup (self->engines, &id);

      /* The engine stops after the request in flight and says so. */
      if (state == HERALD_CAMPAIGN_PAUSED)
        herald_campaign_engine_pause (engine, _("Paused by you."));
      else
        herald_campaign_engine_cancel (engine);
      g_task_return_boolean (task, TRUE);
      return;
    }

  q = g_new0 (Query, 1);
  q->id = id;
  q->state = state;
  g_task_set_task_data (task, q, (GDestroyNotify) query_free);
  herald_database_run_async (self->database, stop_func, q, cancellable, stopped_cb, g_steal_pointer (&task));
}

gboolean
herald_campaign_runner_stop_finish (HeraldCampaignRunner  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- scheduled campaigns ------------------------------------------------ */

static void check_due (HeraldCampaignRunner *self);

static gboolean
due_timeout (gpointer user_data)
{
  HeraldCampaignRunner *self = user_data;

  self->due_source = 0;
  check_due (self);
  return G_SOURCE_REMOVE;
}

static void
due_listed_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  HeraldCampaignRunner *self = HERALD_CAMPAIGN_RUNNER (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = herald_campaign_runner_list_finish (self, result, &error);
  gint64 now = herald_campaign_store_now ();
  gint64 next = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->due_cancellable);
  if (list == NULL)
    {
      g_warning ("Could not look for scheduled campaigns: %s", error->message);
      return;
    }
  for (guint i = 0; self->provider != NULL && i < list->len; i++)
    {
      HeraldCampaignRecord *record = ((HeraldCampaignSummary *) list->pdata[i])->record;

      if (record->state != HERALD_CAMPAIGN_SCHEDULED || g_strcmp0 (record->account_id, self->account_id) != 0 ||
          herald_campaign_runner_is_running (self, record->id))
        continue;
      if (record->schedule_at <= now)
        herald_campaign_runner_start (self, self->provider, self->account_id, record->id);
      else if (next == 0 || record->schedule_at < next)
        next = record->schedule_at;
    }
  if (self->due_again)
    {
      check_due (self);
      return;
    }
  /* Woken only for the next one: no timer while none is scheduled (nor
   * when a start above began another look). */
  if (next > 0 && self->due_cancellable == NULL && self->due_source == 0)
    self->due_source = g_timeout_add_seconds ((guint) MIN ((next - now) / G_USEC_PER_SEC + 1, 3600),
                                              due_timeout, self);
}

static void
check_due (HeraldCampaignRunner *self)
{
  if (self->due_cancellable != NULL)
    {
      self->due_again = TRUE;
      return;
    }
  g_clear_handle_id (&self->due_source, g_source_remove);
  self->due_again = FALSE;
  if (self->provider == NULL)
    return;
  self->due_cancellable = g_cancellable_new ();
  herald_campaign_runner_list_async (self, self->due_cancellable, due_listed_cb, NULL);
}

void
herald_campaign_runner_set_provider (HeraldCampaignRunner *self,
                                     HeraldProvider       *provider,
                                     const char           *account_id)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN_RUNNER (self));
  g_return_if_fail (provider == NULL || account_id != NULL);

  g_cancellable_cancel (self->due_cancellable);
  g_clear_object (&self->due_cancellable);
  g_set_object (&self->provider, provider);
  g_free (self->account_id);
  self->account_id = provider != NULL ? g_strdup (account_id) : NULL;
  check_due (self);
}

static void
changed_cb (HeraldCampaignRunner *self,
            gint64                id)
{
  /* A campaign made, started or ended: the next one due may be another. */
  check_due (self);
}

/* ---- the object ----------------------------------------------------------- */

static void
herald_campaign_runner_dispose (GObject *object)
{
  HeraldCampaignRunner *self = HERALD_CAMPAIGN_RUNNER (object);

  g_cancellable_cancel (self->due_cancellable);
  g_clear_object (&self->due_cancellable);
  g_clear_handle_id (&self->due_source, g_source_remove);
  g_clear_object (&self->provider);
  g_clear_pointer (&self->account_id, g_free);
  /* A running engine holds itself (its task) and this runner (its
   * callback): disposing only happens once none runs. */
  g_clear_pointer (&self->engines, g_hash_table_unref);
  g_clear_pointer (&self->running, g_hash_table_unref);
  g_clear_object (&self->log);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (herald_campaign_runner_parent_class)->dispose (object);
}

static void
herald_campaign_runner_class_init (HeraldCampaignRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_campaign_runner_dispose;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
herald_campaign_runner_init (HeraldCampaignRunner *self)
{
  self->engines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->running = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_signal_connect (self, "changed", G_CALLBACK (changed_cb), NULL);
}

HeraldCampaignRunner *
herald_campaign_runner_new (HeraldDatabase   *database,
                            HeraldMessageLog *log)
{
  HeraldCampaignRunner *self;

  g_return_val_if_fail (HERALD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (HERALD_IS_MESSAGE_LOG (log), NULL);

  self = g_object_new (HERALD_TYPE_CAMPAIGN_RUNNER, NULL);
  self->database = g_object_ref (database);
  self->log = g_object_ref (log);
  return self;
}
