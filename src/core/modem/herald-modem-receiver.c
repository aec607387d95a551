/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-modem"

#include "config.h"

#include "herald-modem-receiver.h"
#include "text/herald-phone-number.h"

struct _HeraldModemReceiver
{
  GObject             parent_instance;

  HeraldModemManager *manager;
  HeraldLocalInbox   *inbox;
  char               *account_id;
  GPtrArray          *watched;    /* of HeraldModem whose sms-received we follow */
  gboolean            started;
};

G_DEFINE_FINAL_TYPE (HeraldModemReceiver, herald_modem_receiver, G_TYPE_OBJECT)

enum {
  SIGNAL_MESSAGE_STORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  HeraldModemReceiver *self;
  HeraldModem         *modem;
  char                *sms_path;
  char                *device_id;
  char                *sender;
  char                *text;
  gint64               received_at;
} Received;

static void
received_free (Received *r)
{
  g_object_unref (r->self);
  g_object_unref (r->modem);
  g_free (r->sms_path);
  g_free (r->device_id);
  g_free (r->sender);
  g_free (r->text);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Received, received_free)

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Received) r = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stored = herald_local_inbox_add_finish (HERALD_LOCAL_INBOX (source), result, &error);

  /* Left on the modem: the next start imports it again. */
  if (stored == NULL)
    {
      g_warning ("An SMS from %s could not be stored; it stays on the modem: %s", r->sender, error->message);
      return;
    }

  /* Only once it is safe in the inbox. */
  herald_modem_delete_sms_async (r->modem, r->sms_path, NULL, NULL, NULL);
  g_signal_emit (r->self, signals[SIGNAL_MESSAGE_STORED], 0, r->device_id, r->sender, r->text, r->received_at);
}

/* The same SMS imported again has the same id. */
static char *
remote_id_for (const Received *r)
{
  g_autofree char *source = g_strdup_printf ("%s\n%s\n%" G_GINT64_FORMAT "\n%s", r->device_id, r->sender,
                                             r->received_at, r->text);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, source, -1);
}

static void
sms_received_cb (HeraldModem *modem,
                 const char  *sms_path,
                 const char  *number,
                 const char  *text,
                 gint64       timestamp,
                 gpointer     user_data)
{
  HeraldModemReceiver *self = user_data;
  g_autofree char *device_name = g_strjoin (" ", herald_modem_get_manufacturer (modem) != NULL
                                                 ? herald_modem_get_manufacturer (modem) : "",
                                            herald_modem_get_model (modem) != NULL
                                            ? herald_modem_get_model (modem) : "", NULL);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_local_message_unref);
  HeraldLocalMessage *message = herald_local_message_new ();
  Received *r = g_new0 (Received, 1);

  r->self = g_object_ref (self);
  r->modem = g_object_ref (modem);
  r->sms_path = g_strdup (sms_path);
  r->device_id = g_strdup (herald_modem_get_device_id (modem));
  r->sender = g_strdup (number != NULL ? number : "");
  r->text = g_strdup (text != NULL ? text : "");
  r->received_at = timestamp * G_USEC_PER_SEC;

  message->remote_id = remote_id_for (r);
  message->sender = g_strdup (r->sender);
  message->text = g_strdup (r->text);
  message->received_at = r->received_at;
  message->device_id = g_strdup (r->device_id);
  message->device_name = g_strdup (g_strstrip (device_name));
  message->device_phone = g_strdup (herald_modem_get_own_number (modem));
  message->message_type = g_strdup ("sms");
  g_ptr_array_add (messages, message);

  /* Modems give international numbers: no region is needed. */
  herald_local_inbox_add_async (self->inbox, self->account_id, NULL, messages, NULL, stored_cb, r);
}

static void
sync_modems (HeraldModemReceiver *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->manager));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldModem) modem = g_list_model_get_item (G_LIST_MODEL (self->manager), i);

      if (g_ptr_array_find (self->watched, modem, NULL))
        continue;

      g_ptr_array_add (self->watched, g_object_ref (modem));
      g_signal_connect_object (modem, "sms-received", G_CALLBACK (sms_received_cb), self, 0);
      if (self->started)
        herald_modem_import_stored (modem);
    }

  /* Forget the modems that went away. */
  for (guint i = self->watched->len; i > 0; i--)
    if (!herald_modem_is_present (g_ptr_array_index (self->watched, i - 1)))
      g_ptr_array_remove_index_fast (self->watched, i - 1);
}

static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  sync_modems (HERALD_MODEM_RECEIVER (user_data));
}

static void
herald_modem_receiver_dispose (GObject *object)
{
  HeraldModemReceiver *self = HERALD_MODEM_RECEIVER (object);

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_object (&self->manager);
  g_clear_object (&self->inbox);

  G_OBJECT_CLASS (herald_modem_receiver_parent_class)->dispose (object);
}

static void
herald_modem_receiver_finalize (GObject *object)
{
  g_free (HERALD_MODEM_RECEIVER (object)->account_id);

  G_OBJECT_CLASS (herald_modem_receiver_parent_class)->finalize (object);
}

static void
herald_modem_receiver_class_init (HeraldModemReceiverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_modem_receiver_dispose;
  object_class->finalize = herald_modem_receiver_finalize;

  signals[SIGNAL_MESSAGE_STORED] =
    g_signal_new ("message-stored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64);
}

static void
herald_modem_receiver_init (HeraldModemReceiver *self)
{
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
}

HeraldModemReceiver *
herald_modem_receiver_new (HeraldModemManager *manager,
                           HeraldLocalInbox   *inbox,
                           const char         *account_id)
{
  HeraldModemReceiver *self;

  g_return_val_if_fail (HERALD_IS_MODEM_MANAGER (manager), NULL);
  g_return_val_if_fail (HERALD_IS_LOCAL_INBOX (inbox), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  self = g_object_new (HERALD_TYPE_MODEM_RECEIVER, NULL);
  self->manager = g_object_ref (manager);
  self->inbox = g_object_ref (inbox);
  self->account_id = g_strdup (account_id);
  g_signal_connect (manager, "items-changed", G_CALLBACK (items_changed_cb), self);
  sync_modems (self);

  return self;
}

void
herald_modem_receiver_start (HeraldModemReceiver *self)
{
  g_return_if_fail (HERALD_IS_MODEM_RECEIVER (self));

  if (self->started)
    return;
  self->started = TRUE;

  for (guint i = 0; i < self->watched->len; i++)
    herald_modem_import_stored (g_ptr_array_index (self->watched, i));
}
