/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-bridge"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-bridge.h"
#include "herald-bridge-keys.h"
#include "herald-bridge-lock.h"
#include "herald-webhook-events.h"
#include "herald-webhook-poster.h"
#include "modem/herald-modem-receiver.h"
#include "store/herald-account-store.h"

struct _HeraldBridge
{
  GObject                parent_instance;

  HeraldBridgeLock      *lock;
  HeraldDatabase        *database;
  HeraldAccountStore    *accounts;
  HeraldAccount         *account;
  HeraldBridgeKeys      *keys;
  HeraldBridgeKeySet    *first_keys;   /* until the server takes them */
  guint                  n_keys;
  HeraldModemManager    *manager;
  HeraldOutbox          *outbox;
  HeraldLocalInbox      *inbox;
  HeraldModemDispatcher *dispatcher;
  HeraldModemReceiver   *receiver;
  HeraldBridgeServer    *server;
  HeraldWebhookStore    *webhooks;
  HeraldWebhookPoster   *poster;
  HeraldWebhookEvents   *events;
  char                  *warning;

  /* what start() was asked */
  char                  *address;
  guint                  port;
  gboolean               allow_remote;
};

G_DEFINE_FINAL_TYPE (HeraldBridge, herald_bridge, G_TYPE_OBJECT)

static void
herald_bridge_dispose (GObject *object)
{
  HeraldBridge *self = HERALD_BRIDGE (object);

  if (self->server != NULL)
    herald_bridge_server_stop (self->server);
  g_clear_object (&self->server);
  if (self->poster != NULL)
    herald_webhook_poster_stop (self->poster);
  g_clear_object (&self->events);
  g_clear_object (&self->poster);
  g_clear_object (&self->webhooks);
  g_clear_object (&self->receiver);
  g_clear_object (&self->dispatcher);
  g_clear_object (&self->inbox);
  g_clear_object (&self->outbox);
  g_clear_object (&self->manager);
  g_clear_pointer (&self->first_keys, herald_bridge_key_set_free);
  g_clear_object (&self->keys);
  g_clear_object (&self->account);
  g_clear_object (&self->accounts);
  g_clear_object (&self->database);
  g_clear_pointer (&self->lock, herald_bridge_lock_release);

  G_OBJECT_CLASS (herald_bridge_parent_class)->dispose (object);
}

static void
herald_bridge_finalize (GObject *object)
{
  HeraldBridge *self = HERALD_BRIDGE (object);

  g_free (self->warning);
  g_free (self->address);

  G_OBJECT_CLASS (herald_bridge_parent_class)->finalize (object);
}

static void
herald_bridge_class_init (HeraldBridgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_bridge_dispose;
  object_class->finalize = herald_bridge_finalize;
}

static void
herald_bridge_init (HeraldBridge *self)
{
}

/* ---- start: lock → accounts → account → keys → ModemManager → serve ------ */

static void
return_error (GTask  *task,
              GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
manager_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  HeraldBridge *self = g_task_get_task_data (task);
  const char *account_id;
  GError *error = NULL;

  self->manager = herald_modem_manager_new_finish (result, &error);
  if (self->manager == NULL)
    {
      return_error (task, error);
      return;
    }
  if (!herald_modem_manager_check_running (self->manager, &error))
    {
      /* Not fatal: the bridge answers 503 until ModemManager starts. */
      self->warning = g_strdup (error->message);
      g_clear_error (&error);
    }

  account_id = herald_account_get_id (self->account);
  self->outbox = herald_outbox_new (self->database);
  self->inbox = herald_local_inbox_new (self->database);
  self->dispatcher = herald_modem_dispatcher_new (self->manager, self->outbox);
  herald_modem_dispatcher_set_recover (self->dispatcher, TRUE);
  self->receiver = herald_modem_receiver_new (self->manager, self->inbox, account_id);
  self->server = herald_bridge_server_new (self->manager, self->dispatcher, self->outbox, self->inbox, account_id,
                                           g_steal_pointer (&self->first_keys));
  /* The webhooks: sms:* events of the dispatcher and the receiver, posted
   * (durably, with retries) to what the Android API registered. */
  self->webhooks = herald_webhook_store_new (self->database);
  self->poster = herald_webhook_poster_new (self->webhooks);
  self->events = herald_webhook_events_new (self->webhooks, self->poster);
  herald_webhook_events_watch_dispatcher (self->events, self->dispatcher);
  herald_webhook_events_watch_receiver (self->events, self->receiver);
  herald_bridge_server_set_webhooks (self->server, self->webhooks, self->events);
  if (!herald_bridge_server_listen (self->server, self->address, self->port, self->allow_remote, &error))
    {
      return_error (task, error);
      return;
    }
  herald_webhook_poster_start (self->poster);
  herald_modem_dispatcher_start (self->dispatcher);
  herald_modem_receiver_start (self->receiver);

  g_task_return_pointer (task, g_object_ref (self), g_object_unref);
  g_object_unref (task);
}

static void
keys_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  HeraldBridge *self = g_task_get_task_data (task);
  GError *error = NULL;

  self->first_keys = herald_bridge_keys_load_finish (self->keys, result, &error);
  if (self->first_keys == NULL)
    {
      return_error (task, error);
      return;
    }
  self->n_keys = herald_bridge_key_set_get_size (self->first_keys);
  herald_modem_manager_new_async (NULL, g_task_get_cancellable (task), manager_cb, task);
}

static void
with_account (GTask *task)
{
  HeraldBridge *self = g_task_get_task_data (task);

  self->keys = herald_bridge_keys_new (self->database);
  herald_bridge_keys_load_async (self->keys, g_task_get_cancellable (task), keys_cb, task);
}

static void
account_added_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  HeraldBridge *self = g_task_get_task_data (task);
  GError *error = NULL;

  self->account = herald_account_store_add_finish (self->accounts, result, &error);
  if (self->account == NULL)
    {
      return_error (task, error);
      return;
    }
  with_account (task);
}

static void
accounts_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  HeraldBridge *self = g_task_get_task_data (task);
  g_autoptr(HeraldAccount) draft = NULL;
  GError *error = NULL;
  guint n;

  if (!herald_account_store_load_finish (self->accounts, result, &error))
    {
      return_error (task, error);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (herald_account_get_dialect (account) == HERALD_DIALECT_MODEM)
        {
          self->account = g_steal_pointer (&account);
          with_account (task);
          return;
        }
    }
  draft = herald_account_new (HERALD_DIALECT_MODEM, _("Device bridge"));
  herald_account_store_add_async (self->accounts, draft, NULL, g_task_get_cancellable (task), account_added_cb,
                                  task);
}

void
herald_bridge_start_async (HeraldDatabase      *database,
                           const char          *address,
                           guint                port,
                           gboolean             allow_remote,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  HeraldBridge *self;
  GTask *task;
  GError *error = NULL;

  g_return_if_fail (HERALD_IS_DATABASE (database));
  g_return_if_fail (address != NULL);

  self = g_object_new (HERALD_TYPE_BRIDGE, NULL);
  self->address = g_strdup (address);
  self->port = port;
  self->allow_remote = allow_remote;
  self->database = g_object_ref (database);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_bridge_start_async);
  g_task_set_task_data (task, self, g_object_unref);

  self->lock = herald_bridge_lock_acquire (&error);
  if (self->lock == NULL)
    {
      return_error (task, error);
      return;
    }
  self->accounts = herald_account_store_new (database);
  herald_account_store_load_async (self->accounts, cancellable, accounts_cb, task);
}

HeraldBridge *
herald_bridge_start_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
herald_bridge_get_port (HeraldBridge *self)
{
  g_return_val_if_fail (HERALD_IS_BRIDGE (self), 0);

  return self->server != NULL ? herald_bridge_server_get_port (self->server) : 0;
}

guint
herald_bridge_get_n_keys (HeraldBridge *self)
{
  g_return_val_if_fail (HERALD_IS_BRIDGE (self), 0);

  return self->n_keys;
}

guint
herald_bridge_get_n_modems (HeraldBridge *self)
{
  g_return_val_if_fail (HERALD_IS_BRIDGE (self), 0);

  return self->manager != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->manager)) : 0;
}

const char *
herald_bridge_get_warning (HeraldBridge *self)
{
  g_return_val_if_fail (HERALD_IS_BRIDGE (self), NULL);

  return self->warning;
}

static void
reloaded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldBridge *self = g_task_get_source_object (task);
  GError *error = NULL;
  HeraldBridgeKeySet *set = herald_bridge_keys_load_finish (HERALD_BRIDGE_KEYS (source), result, &error);

  if (set == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  self->n_keys = herald_bridge_key_set_get_size (set);
  if (self->server != NULL)
    herald_bridge_server_set_keys (self->server, set);
  else
    herald_bridge_key_set_free (set);
  g_task_return_boolean (task, TRUE);
}

void
herald_bridge_reload_keys_async (HeraldBridge        *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HERALD_IS_BRIDGE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_bridge_reload_keys_async);
  herald_bridge_keys_load_async (self->keys, cancellable, reloaded_cb, task);
}

gboolean
herald_bridge_reload_keys_finish (HeraldBridge  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
herald_bridge_stop (HeraldBridge *self)
{
  g_return_if_fail (HERALD_IS_BRIDGE (self));

  if (self->server != NULL)
    herald_bridge_server_stop (self->server);
}
