/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-session.h"
#include "herald-provider-factory.h"
#include "inbox/herald-inbox-keep.h"

struct _HeraldSession
{
  GObject             parent_instance;

  HeraldDatabase     *database;
  HeraldAccountStore *store;
  HeraldMessageLog   *message_log;
  GListStore         *send_jobs;     /* HeraldSendJob: running, then the last finished */
  HeraldCampaignRunner *campaigns;   /* the campaigns' engines */
  gboolean            loaded;

  char               *active_id;       /* as asked for; may name no account */
  HeraldAccount      *active;          /* resolved */
  HeraldProvider     *provider;
  char               *provider_error;
  GCancellable       *open_cancellable;

  gint64              balance;
  char               *balance_error;
  GCancellable       *balance_cancellable;

  HeraldInboxWatcher *inbox_watcher;   /* of provider, when it receives */
  gboolean            watch_inbox;
  HeraldLocalInbox   *local_inbox;     /* where the watcher's news are kept */
  GStrv               optout_keywords;

  HeraldModemManager *modem_manager;   /* made on first demand */
  char               *modem_manager_error;
  GCancellable       *modem_cancellable; /* non-NULL while it is made */
};

G_DEFINE_FINAL_TYPE (HeraldSession, herald_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_ACCOUNT_STORE,
  PROP_ACTIVE_ACCOUNT_ID,
  PROP_ACTIVE_ACCOUNT,
  PROP_PROVIDER,
  PROP_PROVIDER_ERROR,
  PROP_BALANCE,
  PROP_BALANCE_ERROR,
  PROP_INBOX_WATCHER,
  PROP_WATCH_INBOX,
  PROP_OPTOUT_KEYWORDS,
  PROP_MODEM_MANAGER,
  PROP_MODEM_MANAGER_ERROR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
set_balance (HeraldSession *self,
             gint64         balance,
             const char    *error)
{
  if (self->balance != balance)
    {
      self->balance = balance;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BALANCE]);
    }
  if (g_strcmp0 (self->balance_error, error) != 0)
    {
      g_free (self->balance_error);
      self->balance_error = g_strdup (error);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BALANCE_ERROR]);
    }
}

static void
messages_kept_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;

  kept = herald_local_inbox_add_finish (HERALD_LOCAL_INBOX (object), result, &error);
  if (kept == NULL)
    g_warning ("Received messages could not be kept in the local inbox: %s", error->message);
}

/* What the watcher finds goes into the local inbox, where a STOP reply adds
 * its sender to the opt-outs and campaigns find their replies. */
static void
new_messages_cb (HeraldInboxWatcher *watcher,
                 GListModel         *messages,
                 HeraldSession      *self)
{
  if (self->active != NULL)
    herald_inbox_keep_async (self->local_inbox, self->active, messages, NULL, messages_kept_cb, NULL);
}

/* Drops the watcher (stopped, even if an observer still holds it) and
 * makes the one for the provider, when it receives messages. */
static void
update_inbox_watcher (HeraldSession *self)
{
  g_autoptr(HeraldInboxWatcher) old = g_steal_pointer (&self->inbox_watcher);

  if (old != NULL)
    herald_inbox_watcher_set_enabled (old, FALSE);
  if (self->provider != NULL && HERALD_IS_INBOX_SOURCE (self->provider))
    {
      self->inbox_watcher = herald_inbox_watcher_new (HERALD_INBOX_SOURCE (self->provider));
      g_signal_connect_object (self->inbox_watcher, "new-messages", G_CALLBACK (new_messages_cb), self, 0);
      herald_inbox_watcher_set_enabled (self->inbox_watcher, self->watch_inbox);
    }
  if (old != NULL || self->inbox_watcher != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INBOX_WATCHER]);
}

static void
set_provider (HeraldSession  *self,
              HeraldProvider *provider,
              const char     *error)
{
  if (self->provider != provider)
    {
      g_set_object (&self->provider, provider);
      /* before notify::provider, so that its observers find the watcher
       * that goes with the provider */
      update_inbox_watcher (self);
      /* its scheduled campaigns start on time */
      if (self->campaigns != NULL)
        herald_campaign_runner_set_provider (self->campaigns, provider,
                                             provider != NULL ? herald_account_get_id (self->active) : NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROVIDER]);
    }
  if (g_strcmp0 (self->provider_error, error) != 0)
    {
      g_free (self->provider_error);
      self->provider_error = g_strdup (error);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROVIDER_ERROR]);
    }
}

static void
provider_opened_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HeraldSession) self = user_data;
  g_autoptr(HeraldProvider) provider = NULL;
  g_autoptr(GError) error = NULL;

  provider = herald_provider_open_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->open_cancellable);
  set_provider (self, provider, error != NULL ? error->message : NULL);
  if (provider != NULL)
    herald_session_refresh_balance (self);
}

/* A fresh provider for the active account: after switching, and after the
 * account was edited (URL, region, key may have changed). */
static void
reopen_provider (HeraldSession *self)
{
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_cancellable_cancel (self->balance_cancellable);
  g_clear_object (&self->balance_cancellable);

  set_provider (self, NULL, NULL);
  set_balance (self, -1, NULL);

  if (self->active == NULL)
    return;

  self->open_cancellable = g_cancellable_new ();
  herald_provider_open_async (self->store, self->active, self->open_cancellable,
                              provider_opened_cb, g_object_ref (self));
}

/* Resolves the asked-for id against the loaded accounts; falls back to
 * the first account so that a removed or unknown id never leaves the
 * window without one while accounts exist. */
static void
resolve_active (HeraldSession *self)
{
  HeraldAccount *account = NULL;

  if (!self->loaded)
    return;

  if (self->active_id != NULL)
    account = herald_account_store_lookup_by_id (self->store, self->active_id);
  if (account == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    {
      g_autoptr(HeraldAccount) first = g_list_model_get_item (G_LIST_MODEL (self->store), 0);

      account = first;
    }

  /* the id follows what is active: no account, no id */
  if (g_strcmp0 (self->active_id, account != NULL ? herald_account_get_id (account) : NULL) != 0)
    {
      g_free (self->active_id);
      self->active_id = account != NULL ? g_strdup (herald_account_get_id (account)) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIVE_ACCOUNT_ID]);
    }

  if (account == self->active)
    return;

  g_set_object (&self->active, account);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIVE_ACCOUNT]);
  reopen_provider (self);
}

static void
store_items_changed_cb (GListModel    *model,
                        guint          position,
                        guint          removed,
                        guint          added,
                        HeraldSession *self)
{
  /* the store keeps one object per account: a removal shows as the active
   * object no longer being found by its id */
  if (self->active != NULL &&
      herald_account_store_lookup_by_id (self->store, herald_account_get_id (self->active)) == NULL)
    {
      g_clear_object (&self->active);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIVE_ACCOUNT]);
      g_clear_pointer (&self->active_id, g_free);
      reopen_provider (self);
    }
  resolve_active (self);
}

static void
store_account_updated_cb (HeraldAccountStore  *store,
                          const HeraldAccount *account,
                          HeraldSession      *self)
{
  if (account == self->active)
    reopen_provider (self);
}

static void
herald_session_constructed (GObject *object)
{
  HeraldSession *self = HERALD_SESSION (object);

  G_OBJECT_CLASS (herald_session_parent_class)->constructed (object);

  self->store = herald_account_store_new (self->database);
  self->message_log = herald_message_log_new (self->database);
  self->local_inbox = herald_local_inbox_new (self->database);
  herald_local_inbox_set_optout_keywords (self->local_inbox, (const char * const *) self->optout_keywords);
  self->send_jobs = g_list_store_new (HERALD_TYPE_SEND_JOB);
  self->campaigns = herald_campaign_runner_new (self->database, self->message_log);
  g_signal_connect_object (self->store, "items-changed", G_CALLBACK (store_items_changed_cb), self, 0);
  g_signal_connect_object (self->store, "account-updated", G_CALLBACK (store_account_updated_cb), self, 0);
}

static void
herald_session_dispose (GObject *object)
{
  HeraldSession *self = HERALD_SESSION (object);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_cancellable_cancel (self->balance_cancellable);
  g_clear_object (&self->balance_cancellable);
  g_cancellable_cancel (self->modem_cancellable);
  g_clear_object (&self->modem_cancellable);
  g_clear_object (&self->modem_manager);
  if (self->inbox_watcher != NULL)
    herald_inbox_watcher_set_enabled (self->inbox_watcher, FALSE);
  g_clear_object (&self->inbox_watcher);
  g_clear_object (&self->provider);
  g_clear_object (&self->active);
  g_clear_object (&self->message_log);
  g_clear_object (&self->local_inbox);
  /* The jobs run on: each holds what it needs, and its callback a
   * reference to the session, so this only drops the list. */
  g_clear_object (&self->send_jobs);
  /* Likewise a running campaign: its engine holds the runner, which
   * starts nothing more. */
  if (self->campaigns != NULL)
    herald_campaign_runner_set_provider (self->campaigns, NULL, NULL);
  g_clear_object (&self->campaigns);
  g_clear_object (&self->store);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (herald_session_parent_class)->dispose (object);
}

static void
herald_session_finalize (GObject *object)
{
  HeraldSession *self = HERALD_SESSION (object);

  g_free (self->active_id);
  g_free (self->provider_error);
  g_free (self->balance_error);
  g_free (self->modem_manager_error);
  g_strfreev (self->optout_keywords);

  G_OBJECT_CLASS (herald_session_parent_class)->finalize (object);
}

static void
herald_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HeraldSession *self = HERALD_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_ACCOUNT_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ACTIVE_ACCOUNT_ID:
      g_value_set_string (value, self->active_id);
      break;
    case PROP_ACTIVE_ACCOUNT:
      g_value_set_object (value, self->active);
      break;
    case PROP_PROVIDER:
      g_value_set_object (value, self->provider);
      break;
    case PROP_PROVIDER_ERROR:
      g_value_set_string (value, self->provider_error);
      break;
    case PROP_BALANCE:
      g_value_set_int64 (value, self->balance);
      break;
    case PROP_BALANCE_ERROR:
      g_value_set_string (value, self->balance_error);
      break;
    case PROP_INBOX_WATCHER:
      g_value_set_object (value, self->inbox_watcher);
      break;
    case PROP_WATCH_INBOX:
      g_value_set_boolean (value, self->watch_inbox);
      break;
    case PROP_OPTOUT_KEYWORDS:
      g_value_set_boxed (value, self->optout_keywords);
      break;
    case PROP_MODEM_MANAGER:
      g_value_set_object (value, self->modem_manager);
      break;
    case PROP_MODEM_MANAGER_ERROR:
      g_value_set_string (value, self->modem_manager_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_session_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HeraldSession *self = HERALD_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    case PROP_ACTIVE_ACCOUNT_ID:
      herald_session_set_active_account_id (self, g_value_get_string (value));
      break;
    case PROP_WATCH_INBOX:
      herald_session_set_watch_inbox (self, g_value_get_boolean (value));
      break;
    case PROP_OPTOUT_KEYWORDS:
      herald_session_set_optout_keywords (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_session_class_init (HeraldSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = herald_session_constructed;
  object_class->dispose = herald_session_dispose;
  object_class->finalize = herald_session_finalize;
  object_class->get_property = herald_session_get_property;
  object_class->set_property = herald_session_set_property;

  properties [PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, HERALD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ACCOUNT_STORE] =
    g_param_spec_object ("account-store", NULL, NULL, HERALD_TYPE_ACCOUNT_STORE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_ACTIVE_ACCOUNT_ID] =
    g_param_spec_string ("active-account-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ACTIVE_ACCOUNT] =
    g_param_spec_object ("active-account", NULL, NULL, HERALD_TYPE_ACCOUNT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PROVIDER] =
    g_param_spec_object ("provider", NULL, NULL, HERALD_TYPE_PROVIDER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PROVIDER_ERROR] =
    g_param_spec_string ("provider-error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_BALANCE] =
    g_param_spec_int64 ("balance", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_BALANCE_ERROR] =
    g_param_spec_string ("balance-error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_INBOX_WATCHER] =
    g_param_spec_object ("inbox-watcher", NULL, NULL, HERALD_TYPE_INBOX_WATCHER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_WATCH_INBOX] =
    g_param_spec_boolean ("watch-inbox", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_OPTOUT_KEYWORDS] =
    g_param_spec_boxed ("optout-keywords", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MODEM_MANAGER] =
    g_param_spec_object ("modem-manager", NULL, NULL, HERALD_TYPE_MODEM_MANAGER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MODEM_MANAGER_ERROR] =
    g_param_spec_string ("modem-manager-error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_session_init (HeraldSession *self)
{
  self->balance = -1;
}

HeraldSession *
herald_session_new (HeraldDatabase *database)
{
  g_return_val_if_fail (HERALD_IS_DATABASE (database), NULL);

  return g_object_new (HERALD_TYPE_SESSION, "database", database, NULL);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldSession *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!herald_account_store_load_finish (HERALD_ACCOUNT_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  self->loaded = TRUE;
  resolve_active (self);
  g_task_return_boolean (task, TRUE);
}

void
herald_session_load_async (HeraldSession       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HERALD_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_session_load_async);
  herald_account_store_load_async (self->store, cancellable, load_cb, task);
}

gboolean
herald_session_load_finish (HeraldSession  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

HeraldDatabase *
herald_session_get_database (HeraldSession *self)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), NULL);
  return self->database;
}

HeraldAccountStore *
herald_session_get_account_store (HeraldSession *self)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), NULL);
  return self->store;
}

HeraldMessageLog *
herald_session_get_message_log (HeraldSession *self)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), NULL);
  return self->message_log;
}

/* ---- sends the session owns ------------------------------------------------ */

/* Finished jobs kept for pages opened later, beyond the running ones. */
#define KEPT_FINISHED_JOBS 10

static void
prune_finished_jobs (HeraldSession *self)
{
  guint kept = 0;

  if (self->send_jobs == NULL)
    return;

  /* Newest last: count from the end, drop older finished ones. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->send_jobs)); i > 0; i--)
    {
      g_autoptr(HeraldSendJob) job = g_list_model_get_item (G_LIST_MODEL (self->send_jobs), i - 1);

      if (!herald_send_job_get_finished (job))
        continue;
      if (++kept > KEPT_FINISHED_JOBS)
        g_list_store_remove (self->send_jobs, i - 1);
    }
}

static void
send_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HeraldSession) self = user_data;
  g_autoptr(HeraldSendReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* The outcome stays on the job (get_report/get_error) for the pages. */
  report = herald_send_job_run_finish (HERALD_SEND_JOB (object), result, &error);
  if (report == NULL)
    g_debug ("A send failed: %s", error->message);

  prune_finished_jobs (self);
  if (self->provider != NULL)
    herald_session_refresh_balance (self);
}

HeraldSendJob *
herald_session_start_send (HeraldSession   *self,
                           HeraldOutgoing  *outgoing,
                           GError         **error)
{
  g_autoptr(HeraldSendJob) job = NULL;

  g_return_val_if_fail (HERALD_IS_SESSION (self), NULL);
  g_return_val_if_fail (outgoing != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->provider == NULL || self->active == NULL || self->send_jobs == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("There is no account to send from."));
      return NULL;
    }

  job = herald_send_job_new (self->provider, self->message_log, herald_account_get_id (self->active),
                             outgoing, HERALD_SEND_JOB_DEFAULT_CHUNK_SIZE);
  g_list_store_append (self->send_jobs, job);
  /* No cancellable: only herald_send_job_stop () stops it, never a page
   * or window going away. */
  herald_send_job_run_async (job, NULL, send_done_cb, g_object_ref (self));

  return job;
}

HeraldCampaignRunner *
herald_session_get_campaign_runner (HeraldSession *self)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), NULL);
  return self->campaigns;
}

HeraldCampaignEngine *
herald_session_start_campaign (HeraldSession  *self,
                               gint64          id,
                               const char     *account_id,
                               GError        **error)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->campaigns == NULL || self->provider == NULL || self->active == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("There is no account to send from."));
      return NULL;
    }
  if (g_strcmp0 (herald_account_get_id (self->active), account_id) != 0)
    {
      HeraldAccount *owner = herald_account_store_lookup_by_id (self->store, account_id);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                   _("This campaign sends from the account “%s”; switch to it first."),
                   owner != NULL ? herald_account_get_name (owner) : account_id);
      return NULL;
    }
  return herald_campaign_runner_start (self->campaigns, self->provider, account_id, id);
}

GListModel *
herald_session_get_send_jobs (HeraldSession *self)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->send_jobs);
}

const char *
herald_session_get_active_account_id (HeraldSession *self)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), NULL);
  return self->active_id;
}

void
herald_session_set_active_account_id (HeraldSession *self,
                                      const char    *account_id)
{
  g_return_if_fail (HERALD_IS_SESSION (self));

  if (account_id != NULL && *account_id == '\0')
    account_id = NULL;
  if (g_strcmp0 (self->active_id, account_id) == 0)
    return;

  g_free (self->active_id);
  self->active_id = g_strdup (account_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIVE_ACCOUNT_ID]);
  resolve_active (self);
}

HeraldAccount *
herald_session_get_active_account (HeraldSession *self)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), NULL);
  return self->active;
}

HeraldProvider *
herald_session_get_provider (HeraldSession *self)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), NULL);
  return self->provider;
}

const char *
herald_session_get_provider_error (HeraldSession *self)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), NULL);
  return self->provider_error;
}

gint64
herald_session_get_balance (HeraldSession *self)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), -1);
  return self->balance;
}

const char *
herald_session_get_balance_error (HeraldSession *self)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), NULL);
  return self->balance_error;
}

HeraldInboxWatcher *
herald_session_get_inbox_watcher (HeraldSession *self)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), NULL);
  return self->inbox_watcher;
}

gboolean
herald_session_get_watch_inbox (HeraldSession *self)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), FALSE);
  return self->watch_inbox;
}

void
herald_session_set_watch_inbox (HeraldSession *self,
                                gboolean       watch_inbox)
{
  g_return_if_fail (HERALD_IS_SESSION (self));

  if (self->watch_inbox == !!watch_inbox)
    return;

  self->watch_inbox = !!watch_inbox;
  if (self->inbox_watcher != NULL)
    herald_inbox_watcher_set_enabled (self->inbox_watcher, self->watch_inbox);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WATCH_INBOX]);
}

HeraldLocalInbox *
herald_session_get_local_inbox (HeraldSession *self)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), NULL);
  return self->local_inbox;
}

void
herald_session_set_optout_keywords (HeraldSession      *self,
                                    const char * const *keywords)
{
  g_return_if_fail (HERALD_IS_SESSION (self));

  if (self->optout_keywords != NULL && keywords != NULL &&
      g_strv_equal ((const char * const *) self->optout_keywords, keywords))
    return;

  g_strfreev (self->optout_keywords);
  self->optout_keywords = g_strdupv ((char **) keywords);
  if (self->local_inbox != NULL)
    herald_local_inbox_set_optout_keywords (self->local_inbox, keywords);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OPTOUT_KEYWORDS]);
}

static void
balance_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HeraldSession) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 balance;

  balance = herald_provider_get_balance_finish (HERALD_PROVIDER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->balance_cancellable);
  /* a failed refresh keeps the last known figure, with the reason beside it */
  set_balance (self, error != NULL ? self->balance : balance, error != NULL ? error->message : NULL);
}

void
herald_session_refresh_balance (HeraldSession *self)
{
  g_return_if_fail (HERALD_IS_SESSION (self));

  if (self->provider == NULL || !herald_provider_has_feature (self->provider, HERALD_PROVIDER_FEATURE_BALANCE))
    return;

  g_cancellable_cancel (self->balance_cancellable);
  g_clear_object (&self->balance_cancellable);
  self->balance_cancellable = g_cancellable_new ();
  herald_provider_get_balance_async (self->provider, self->balance_cancellable, balance_cb, g_object_ref (self));
}

/* ---- local modems --------------------------------------------------------- */

static void
modem_manager_ready_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  HeraldSession *self = user_data;
  g_autoptr(HeraldModemManager) manager = NULL;
  g_autoptr(GError) error = NULL;

  /* No reference is held: dispose cancels, and the task then reports
   * CANCELLED (GTask checks the cancellable) before self is touched. */
  manager = herald_modem_manager_new_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->modem_cancellable);
  if (manager == NULL)
    {
      g_free (self->modem_manager_error);
      self->modem_manager_error = g_strdup (error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEM_MANAGER_ERROR]);
      return;
    }

  self->modem_manager = g_steal_pointer (&manager);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEM_MANAGER]);
}

void
herald_session_ensure_modem_manager (HeraldSession *self)
{
  g_return_if_fail (HERALD_IS_SESSION (self));

  if (self->modem_manager != NULL || self->modem_cancellable != NULL)
    return;

  if (self->modem_manager_error != NULL)
    {
      g_clear_pointer (&self->modem_manager_error, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEM_MANAGER_ERROR]);
    }

  self->modem_cancellable = g_cancellable_new ();
  herald_modem_manager_new_async (NULL, self->modem_cancellable,
                                  modem_manager_ready_cb, self);
}

HeraldModemManager *
herald_session_get_modem_manager (HeraldSession *self)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), NULL);

  return self->modem_manager;
}

const char *
herald_session_get_modem_manager_error (HeraldSession *self)
{
  g_return_val_if_fail (HERALD_IS_SESSION (self), NULL);

  return self->modem_manager_error;
}
