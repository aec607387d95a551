/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-inbox-watcher"

#include "config.h"

#include "herald-inbox-watcher.h"

struct _HeraldInboxWatcher
{
  GObject               parent_instance;

  HeraldInboxSource    *source;
  guint                 interval_ms;
  guint                 source_id;
  GCancellable         *cancellable;   /* of the check in flight */
  GError               *error;
  guint                 n_checks;

  /* What was seen: the newest time and the ids received at that very time
   * (times have whole seconds, so two messages may share one). */
  GDateTime            *newest;
  GHashTable           *ids_at_newest;
  guint                 primed : 1;
  guint                 enabled : 1;
};

G_DEFINE_FINAL_TYPE (HeraldInboxWatcher, herald_inbox_watcher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_ENABLED,
  N_PROPS
};

enum {
  NEW_MESSAGES,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void start_check (HeraldInboxWatcher *self);

/* One check: the pages read so far, newest first. */
typedef struct
{
  GWeakRef            self;   /* a check does not keep the watcher alive */
  GPtrArray          *fresh;
  guint               page;
} Check;

static void
check_free (Check *check)
{
  g_weak_ref_clear (&check->self);
  g_ptr_array_unref (check->fresh);
  g_free (check);
}

static gboolean
timeout_cb (gpointer user_data)
{
  HeraldInboxWatcher *self = user_data;

  self->source_id = 0;
  start_check (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (HeraldInboxWatcher *self)
{
  g_clear_handle_id (&self->source_id, g_source_remove);
  if (!self->enabled)
    return;

  /* Whole seconds let GLib batch the wake-up with others. */
  if (self->interval_ms % 1000 == 0)
    self->source_id = g_timeout_add_seconds (self->interval_ms / 1000, timeout_cb, self);
  else
    self->source_id = g_timeout_add (self->interval_ms, timeout_cb, self);
}

static gboolean
is_new (HeraldInboxWatcher    *self,
        HeraldReceivedMessage *message)
{
  GDateTime *at = herald_received_message_get_received_at (message);
  int order;

  if (self->newest == NULL)
    return TRUE;

  order = g_date_time_compare (at, self->newest);
  if (order != 0)
    return order > 0;

  return !g_hash_table_contains (self->ids_at_newest, herald_received_message_get_id (message));
}

/* Learns @messages (newest first) as seen. */
static void
remember (HeraldInboxWatcher *self,
          GPtrArray          *messages)
{
  for (guint i = 0; i < messages->len; i++)
    {
      HeraldReceivedMessage *message = g_ptr_array_index (messages, i);
      GDateTime *at = herald_received_message_get_received_at (message);
      const char *id = herald_received_message_get_id (message);

      if (self->newest == NULL || g_date_time_compare (at, self->newest) > 0)
        {
          g_clear_pointer (&self->newest, g_date_time_unref);
          self->newest = g_date_time_ref (at);
          g_hash_table_remove_all (self->ids_at_newest);
        }
      if (g_date_time_compare (at, self->newest) == 0)
        g_hash_table_add (self->ids_at_newest, g_strdup (id));
    }
}

static void
finish_check (HeraldInboxWatcher *self,
              GPtrArray          *fresh,
              GError             *error)
{
  g_clear_object (&self->cancellable);
  self->n_checks++;
  g_clear_error (&self->error);

  if (error != NULL)
    {
      g_debug ("Checking for new messages failed: %s", error->message);
      self->error = g_error_copy (error);
    }
  else if (!self->primed)
    {
      remember (self, fresh);
      self->primed = TRUE;
    }
  else if (fresh->len > 0)
    {
      g_autoptr(GListStore) store = g_list_store_new (HERALD_TYPE_RECEIVED_MESSAGE);

      remember (self, fresh);
      for (guint i = fresh->len; i > 0; i--)
        g_list_store_append (store, g_ptr_array_index (fresh, i - 1));
      g_signal_emit (self, signals [NEW_MESSAGES], 0, store);
    }

  schedule (self);
}

static void fetch_page (HeraldInboxWatcher *self, Check *check);

static void
page_received (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Check *check = user_data;
  g_autoptr(HeraldInboxWatcher) self = g_weak_ref_get (&check->self);
  g_autoptr(HeraldReceivedPage) page = NULL;
  g_autoptr(GError) error = NULL;
  gboolean reached_seen = FALSE;
  GListModel *items;

  page = herald_inbox_source_list_received_finish (HERALD_INBOX_SOURCE (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Disabled or disposed meanwhile, and already cleaned up. */
      check_free (check);
      return;
    }
  if (page == NULL)
    {
      finish_check (self, check->fresh, error);
      check_free (check);
      return;
    }

  items = herald_received_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(HeraldReceivedMessage) message = g_list_model_get_item (items, i);

      /* Before priming everything on the first page is the baseline. */
      if (self->primed && !is_new (self, message))
        {
          reached_seen = TRUE;
          continue;
        }
      g_ptr_array_add (check->fresh, g_steal_pointer (&message));
    }

  if (self->primed && !reached_seen &&
      herald_received_page_get_has_more (page) &&
      check->page < HERALD_INBOX_WATCHER_MAX_PAGES)
    {
      check->page++;
      fetch_page (self, check);
      return;
    }

  finish_check (self, check->fresh, NULL);
  check_free (check);
}

static void
fetch_page (HeraldInboxWatcher *self,
            Check              *check)
{
  herald_inbox_source_list_received_async (self->source, NULL, check->page, 0,
                                           self->cancellable, page_received, check);
}

static void
start_check (HeraldInboxWatcher *self)
{
  Check *check;

  if (!self->enabled || self->cancellable != NULL)
    return;

  check = g_new0 (Check, 1);
  g_weak_ref_init (&check->self, self);
  check->fresh = g_ptr_array_new_with_free_func (g_object_unref);
  check->page = 1;
  self->cancellable = g_cancellable_new ();
  fetch_page (self, check);
}

HeraldInboxWatcher *
herald_inbox_watcher_new (HeraldInboxSource *source)
{
  g_return_val_if_fail (HERALD_IS_INBOX_SOURCE (source), NULL);

  return g_object_new (HERALD_TYPE_INBOX_WATCHER, "source", source, NULL);
}

HeraldInboxSource *
herald_inbox_watcher_get_source (HeraldInboxWatcher *self)
{
  g_return_val_if_fail (HERALD_IS_INBOX_WATCHER (self), NULL);

  return self->source;
}

gboolean
herald_inbox_watcher_get_enabled (HeraldInboxWatcher *self)
{
  g_return_val_if_fail (HERALD_IS_INBOX_WATCHER (self), FALSE);

  return self->enabled;
}

static void
stop (HeraldInboxWatcher *self)
{
  g_clear_handle_id (&self->source_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* What arrives while nobody watches is not news when watching resumes. */
  self->primed = FALSE;
  g_clear_pointer (&self->newest, g_date_time_unref);
  g_hash_table_remove_all (self->ids_at_newest);
}

void
herald_inbox_watcher_set_enabled (HeraldInboxWatcher *self,
                                  gboolean            enabled)
{
  g_return_if_fail (HERALD_IS_INBOX_WATCHER (self));

  if (self->enabled == !!enabled)
    return;

  self->enabled = !!enabled;
  if (enabled)
    start_check (self);
  else
    stop (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENABLED]);
}

void
herald_inbox_watcher_set_interval (HeraldInboxWatcher *self,
                                   guint               interval_ms)
{
  g_return_if_fail (HERALD_IS_INBOX_WATCHER (self));
  g_return_if_fail (interval_ms > 0);

  self->interval_ms = interval_ms;
}

gboolean
herald_inbox_watcher_is_scheduled (HeraldInboxWatcher *self)
{
  g_return_val_if_fail (HERALD_IS_INBOX_WATCHER (self), FALSE);

  return self->source_id != 0;
}

void
herald_inbox_watcher_check_now (HeraldInboxWatcher *self)
{
  g_return_if_fail (HERALD_IS_INBOX_WATCHER (self));

  if (!self->enabled || self->cancellable != NULL)
    return;

  g_clear_handle_id (&self->source_id, g_source_remove);
  start_check (self);
}

guint
herald_inbox_watcher_get_n_checks (HeraldInboxWatcher *self)
{
  g_return_val_if_fail (HERALD_IS_INBOX_WATCHER (self), 0);

  return self->n_checks;
}

const GError *
herald_inbox_watcher_get_error (HeraldInboxWatcher *self)
{
  g_return_val_if_fail (HERALD_IS_INBOX_WATCHER (self), NULL);

  return self->error;
}

static void
herald_inbox_watcher_dispose (GObject *object)
{
  HeraldInboxWatcher *self = HERALD_INBOX_WATCHER (object);

  self->enabled = FALSE;
  stop (self);

  G_OBJECT_CLASS (herald_inbox_watcher_parent_class)->dispose (object);
}

static void
herald_inbox_watcher_finalize (GObject *object)
{
  HeraldInboxWatcher *self = HERALD_INBOX_WATCHER (object);

  g_clear_object (&self->source);
  g_clear_error (&self->error);
  g_hash_table_unref (self->ids_at_newest);

  G_OBJECT_CLASS (herald_inbox_watcher_parent_class)->finalize (object);
}

static void
herald_inbox_watcher_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HeraldInboxWatcher *self = HERALD_INBOX_WATCHER (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_inbox_watcher_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HeraldInboxWatcher *self = HERALD_INBOX_WATCHER (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      self->source = g_value_dup_object (value);
      break;
    case PROP_ENABLED:
      herald_inbox_watcher_set_enabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_inbox_watcher_class_init (HeraldInboxWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_inbox_watcher_dispose;
  object_class->finalize = herald_inbox_watcher_finalize;
  object_class->get_property = herald_inbox_watcher_get_property;
  object_class->set_property = herald_inbox_watcher_set_property;

  properties [PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, HERALD_TYPE_INBOX_SOURCE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* new-messages (GListModel *messages): oldest first. */
  signals [NEW_MESSAGES] =
    g_signal_new ("new-messages",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_LIST_MODEL);
}

static void
herald_inbox_watcher_init (HeraldInboxWatcher *self)
{
  self->interval_ms = HERALD_INBOX_WATCHER_INTERVAL_MS;
  self->ids_at_newest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
