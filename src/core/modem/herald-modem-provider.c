/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-modem-provider"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-modem-provider.h"
#include "providers/herald-message-details.h"
#include "herald-modem-dispatcher.h"
#include "herald-modem-error.h"
#include "net/herald-provider-error.h"
#include "store/herald-database.h"
#include "text/herald-phone-number.h"

/* How long a send waits for a message to leave without any news. */
#define IDLE_WAIT_S 60
/* A person waits on this send: a refused message is tried again (on
 * another modem at once, on the same one) after a few seconds. */
#define RETRY_DELAY_MS 5000

struct _HeraldModemProvider
{
  GObject                parent_instance;

  HeraldDatabase        *database;
  char                  *database_path;
  char                  *account_id;
  char                  *region;
  HeraldOutbox          *outbox;
  HeraldModemManager    *manager;
  HeraldModemDispatcher *dispatcher;
};

static void herald_modem_provider_iface_init (HeraldProviderInterface *iface);
static void herald_modem_provider_details_init (HeraldMessageDetailsInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HeraldModemProvider, herald_modem_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (HERALD_TYPE_PROVIDER, herald_modem_provider_iface_init)
                               G_IMPLEMENT_INTERFACE (HERALD_TYPE_MESSAGE_DETAILS,
                                                      herald_modem_provider_details_init))

/* One recipient of a send, in the order given. */
typedef struct
{
  char                   *input;
  char                   *number;      /* E.164, NULL when invalid */
  HeraldRecipientOutcome  outcome;
  char                   *reason;
  char                   *message_id;
  gboolean                settled;
} Recipient;

static void
recipient_clear (gpointer data)
{
  Recipient *r = data;

  g_free (r->input);
  g_free (r->number);
  g_free (r->reason);
  g_free (r->message_id);
}

typedef struct
{
  GArray   *recipients;    /* of Recipient */
  char     *text;
  char     *device_id;
  guint     next;          /* the next recipient to queue */
  guint     waiting;       /* queued, not yet settled */
  gulong    updated_id;
  guint     idle_id;
} SendData;

static void
send_data_free (gpointer data)
{
  SendData *d = data;

  g_array_unref (d->recipients);
  g_free (d->text);
  g_free (d->device_id);
  g_free (d);
}

/* ---- the pieces, opened on first use ------------------------------------ */

typedef void (*ReadyFunc) (GTask *task);

static void ensure_ready (GTask *task, ReadyFunc next);

static void
database_open_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  HeraldModemProvider *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  ReadyFunc next = g_object_get_data (G_OBJECT (task), "next");

  self->database = herald_database_open_finish (result, &error);
  if (self->database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  ensure_ready (task, next);
}

static void
manager_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  HeraldModemProvider *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  ReadyFunc next = g_object_get_data (G_OBJECT (task), "next");

  self->manager = herald_modem_manager_new_finish (result, &error);
  if (self->manager == NULL)
    {
      g_task_return_new_error (task, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NO_DEVICE, "%s", error->message);
      g_object_unref (task);
      return;
    }
  next (task);
}

/* Calls @next once the database, the outbox and the modem manager exist;
 * the task keeps its reference until the end. */
static void
ensure_ready (GTask     *task,
              ReadyFunc  next)
{
  HeraldModemProvider *self = g_task_get_source_object (task);

  g_object_set_data (G_OBJECT (task), "next", next);
  if (self->database == NULL)
    {
      herald_database_open_async (self->database_path, NULL, database_open_cb, task);
      return;
    }
  if (self->outbox == NULL)
    self->outbox = herald_outbox_new (self->database);
  if (self->manager == NULL)
    {
      herald_modem_manager_new_async (NULL, NULL, manager_ready_cb, task);
      return;
    }
  next (task);
}

/* The usable modem (the one asked for, or any): NULL with the reason. */
static gboolean
check_modems (HeraldModemProvider  *self,
              const char           *device_id,
              GError              **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->manager));
  g_autoptr(GError) local_error = NULL;

  if (!herald_modem_manager_check_running (self->manager, &local_error))
    {
      g_set_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NO_DEVICE, "%s", local_error->message);
      return FALSE;
    }

  if (device_id != NULL)
    {
      HeraldModem *wanted = herald_modem_manager_lookup (self->manager, device_id);

      if (wanted == NULL || !herald_modem_get_usable (wanted))
        {
          g_set_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NO_DEVICE,
                       _("The modem %s cannot send: %s"), device_id,
                       wanted != NULL ? herald_modem_get_unusable_reason (wanted) : _("there is no such modem."));
          return FALSE;
        }
      return TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldModem) modem = g_list_model_get_item (G_LIST_MODEL (self->manager), i);

      if (herald_modem_get_usable (modem))
        return TRUE;
    }

  g_set_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NO_DEVICE,
               n == 0 ? _("No modem is plugged in (ModemManager sees none).")
                      : _("No modem can send now; “heraldctl modems” says why."));
  return FALSE;
}

/* ---- send ---------------------------------------------------------------- */

static void
send_complete (GTask *task)
{
  SendData *d = g_task_get_task_data (task);
  HeraldModemProvider *self = g_task_get_source_object (task);
  g_autoptr(HeraldSendReport) report = herald_send_report_new ();

  if (d->updated_id != 0)
    g_signal_handler_disconnect (self->dispatcher, d->updated_id);
  d->updated_id = 0;
  g_clear_handle_id (&d->idle_id, g_source_remove);

  for (guint i = 0; i < d->recipients->len; i++)
    {
      Recipient *r = &g_array_index (d->recipients, Recipient, i);

      herald_send_report_add (report, r->input, r->number, r->outcome, r->message_id, r->reason);
    }

  g_task_return_pointer (task, g_steal_pointer (&report), g_object_unref);
  g_object_unref (task);
}

static gboolean
idle_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  SendData *d = g_task_get_task_data (task);

  d->idle_id = 0;
  send_complete (task);

  return G_SOURCE_REMOVE;
}

static void
message_updated_cb (HeraldModemDispatcher *dispatcher,
                    HeraldOutboxEntry     *entry,
                    gpointer               user_data)
{
  GTask *task = user_data;
  SendData *d = g_task_get_task_data (task);

  for (guint i = 0; i < d->recipients->len; i++)
    {
      Recipient *r = &g_array_index (d->recipients, Recipient, i);

      if (r->settled || g_strcmp0 (r->message_id, entry->message_id) != 0)
        continue;

      switch (entry->state)
        {
        case HERALD_OUTBOX_SENT:
        case HERALD_OUTBOX_DELIVERED:
          r->outcome = HERALD_RECIPIENT_QUEUED;
          break;
        case HERALD_OUTBOX_FAILED:
        case HERALD_OUTBOX_CANCELLED:
          r->outcome = HERALD_RECIPIENT_NOT_SENT;
          g_free (r->reason);
          r->reason = g_strdup (entry->error);
          break;
        case HERALD_OUTBOX_UNKNOWN:
          r->outcome = HERALD_RECIPIENT_FATE_UNKNOWN;
          g_free (r->reason);
          r->reason = g_strdup (entry->error);
          break;
        case HERALD_OUTBOX_QUEUED:
        case HERALD_OUTBOX_SENDING:
        default:
          return;
        }
      r->settled = TRUE;
      d->waiting--;
    }

  g_clear_handle_id (&d->idle_id, g_source_remove);
  if (d->waiting == 0)
    send_complete (task);
  else
    d->idle_id = g_timeout_add_seconds (IDLE_WAIT_S, idle_timeout_cb, task);
}

static void
send_dispatch (GTask *task)
{
  HeraldModemProvider *self = g_task_get_source_object (task);
  SendData *d = g_task_get_task_data (task);

  if (d->waiting == 0)
    {
      send_complete (task);
      return;
    }

  if (self->dispatcher == NULL)
    {
      self->dispatcher = herald_modem_dispatcher_new (self->manager, self->outbox);
      herald_modem_dispatcher_set_recover (self->dispatcher, FALSE);
      herald_modem_dispatcher_set_retries (self->dispatcher, 3, RETRY_DELAY_MS);
      herald_modem_dispatcher_start (self->dispatcher);
    }
  d->updated_id = g_signal_connect (self->dispatcher, "message-updated", G_CALLBACK (message_updated_cb), task);
  d->idle_id = g_timeout_add_seconds (IDLE_WAIT_S, idle_timeout_cb, task);
  herald_modem_dispatcher_wake (self->dispatcher);
}

static void queue_next (GTask *task);

static void
queued_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  SendData *d = g_task_get_task_data (task);
  Recipient *r = &g_array_index (d->recipients, Recipient, d->next);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldOutboxEntry) entry = herald_outbox_finish_entry (HERALD_OUTBOX (source), result, &error);

  if (entry == NULL)
    {
      r->outcome = HERALD_RECIPIENT_NOT_SENT;
      r->reason = g_strdup (error->message);
    }
  else
    {
      r->message_id = g_strdup (entry->message_id);
      d->waiting++;
    }
  d->next++;
  queue_next (task);
}

static void
queue_next (GTask *task)
{
  HeraldModemProvider *self = g_task_get_source_object (task);
  SendData *d = g_task_get_task_data (task);
  g_autofree char *origin = g_strdup_printf ("account:%s", self->account_id);

  while (d->next < d->recipients->len)
    {
      Recipient *r = &g_array_index (d->recipients, Recipient, d->next);
      HeraldOutboxRequest request = {
        .recipient = r->number, .text = d->text, .device_id = d->device_id, .origin = origin,
        .delivery_report = TRUE,
      };

      if (r->outcome == HERALD_RECIPIENT_QUEUED)
        {
          herald_outbox_enqueue_async (self->outbox, &request, NULL, queued_cb, task);
          return;
        }
      d->next++;
    }

  send_dispatch (task);
}

static void
send_ready (GTask *task)
{
  HeraldModemProvider *self = g_task_get_source_object (task);
  SendData *d = g_task_get_task_data (task);
  GError *error = NULL;

  if (!check_modems (self, d->device_id, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  queue_next (task);
}

/* Numbers are checked before anything is queued: invalid ones and repeats
 * are reported, never sent. */
static GArray *
read_recipients (HeraldModemProvider *self,
                 HeraldOutgoing      *outgoing)
{
  const char * const *inputs = herald_outgoing_get_recipients (outgoing);
  GArray *recipients = g_array_new (FALSE, TRUE, sizeof (Recipient));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_array_set_clear_func (recipients, recipient_clear);
  for (guint i = 0; inputs != NULL && inputs[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HeraldPhoneNumber) number = herald_phone_number_parse (inputs[i], self->region,
                                                                       HERALD_PHONE_NUMBER_FLAGS_NONE, &error);
      Recipient *r;

      /* Filled in place: the array owns what it holds. */
      g_array_set_size (recipients, recipients->len + 1);
      r = &g_array_index (recipients, Recipient, recipients->len - 1);
      r->input = g_strdup (inputs[i]);
      r->outcome = HERALD_RECIPIENT_QUEUED;
      if (number == NULL)
        {
          r->outcome = HERALD_RECIPIENT_INVALID;
          r->reason = g_strdup (herald_phone_number_error_to_reason (error));
        }
      else
        {
          r->number = g_strdup (herald_phone_number_get_e164 (number));
          if (!g_hash_table_add (seen, r->number))
            r->outcome = HERALD_RECIPIENT_DUPLICATE;
        }
    }

  return recipients;
}

static void
modem_send_async (HeraldProvider      *provider,
                  HeraldOutgoing      *outgoing,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  HeraldModemProvider *self = HERALD_MODEM_PROVIDER (provider);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  SendData *d;

  g_task_set_source_tag (task, modem_send_async);

  if (herald_outgoing_get_media_url (outgoing) != NULL)
    {
      g_task_return_new_error (task, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                               _("A modem sends text only: remove the media URL."));
      g_object_unref (task);
      return;
    }

  d = g_new0 (SendData, 1);
  d->recipients = read_recipients (self, outgoing);
  d->text = g_strdup (herald_outgoing_get_text (outgoing));
  d->device_id = g_strdup (herald_outgoing_get_device_id (outgoing));
  g_task_set_task_data (task, d, send_data_free);

  ensure_ready (task, send_ready);
}

/* ---- state and connection -------------------------------------------------- */

static HeraldDeliveryState
delivery_state_of (HeraldOutboxState state)
{
  static const HeraldDeliveryState states[] = {
    [HERALD_OUTBOX_QUEUED] = HERALD_DELIVERY_QUEUED,
    [HERALD_OUTBOX_SENDING] = HERALD_DELIVERY_QUEUED,
    [HERALD_OUTBOX_SENT] = HERALD_DELIVERY_SENT,
    [HERALD_OUTBOX_DELIVERED] = HERALD_DELIVERY_DELIVERED,
    [HERALD_OUTBOX_FAILED] = HERALD_DELIVERY_FAILED,
    [HERALD_OUTBOX_CANCELLED] = HERALD_DELIVERY_FAILED,
    [HERALD_OUTBOX_UNKNOWN] = HERALD_DELIVERY_UNKNOWN,
  };

  return (guint) state < G_N_ELEMENTS (states) ? states[state] : HERALD_DELIVERY_UNKNOWN;
}

static GDateTime *
time_of (gint64 usec)
{
  return usec > 0 ? g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC) : NULL;
}

static HeraldSentMessage *
sent_message_of (const HeraldOutboxEntry *entry)
{
  HeraldSentMessage *message = herald_sent_message_new ();

  message->fields = HERALD_SENT_MESSAGE_TEXT | HERALD_SENT_MESSAGE_RECIPIENT_COUNT | HERALD_SENT_MESSAGE_DEVICE_ID |
                    HERALD_SENT_MESSAGE_CREATED_AT | HERALD_SENT_MESSAGE_SENT_AT | HERALD_SENT_MESSAGE_DELIVERED_AT;
  message->id = g_strdup (entry->message_id);
  message->provider_status = g_strdup (herald_outbox_state_to_string (entry->state));
  message->state = delivery_state_of (entry->state);
  message->text = g_strdup (entry->text);
  message->recipient_count = 1;
  message->device_id = g_strdup (entry->modem_id != NULL ? entry->modem_id : entry->device_id);
  message->created_at = time_of (entry->created_at);
  message->sent_at = time_of (entry->sent_at);
  message->delivered_at = entry->state == HERALD_OUTBOX_DELIVERED ? time_of (entry->done_at) : NULL;

  return message;
}

/* Both the state and the details read the outbox row: the task answers
 * with the HeraldSentMessage, or the state as an int when "as-state". */
static void
state_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldOutboxEntry) entry = herald_outbox_finish_entry (HERALD_OUTBOX (source), result, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (entry == NULL)
    g_task_return_new_error (task, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NOT_FOUND,
                             _("No message with the id “%s” was sent through the modems."),
                             (const char *) g_object_get_data (G_OBJECT (task), "message-id"));
  else if (g_object_get_data (G_OBJECT (task), "as-state") != NULL)
    g_task_return_int (task, delivery_state_of (entry->state));
  else
    g_task_return_pointer (task, sent_message_of (entry), (GDestroyNotify) herald_sent_message_unref);
}

static void
state_ready (GTask *task)
{
  HeraldModemProvider *self = g_task_get_source_object (task);

  herald_outbox_get_async (self->outbox, g_object_get_data (G_OBJECT (task), "message-id"), NULL,
                           state_read_cb, task);
}

static void
modem_get_state_async (HeraldProvider      *provider,
                       const char          *message_id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task = g_task_new (provider, cancellable, callback, user_data);

  g_task_set_source_tag (task, modem_get_state_async);
  g_object_set_data_full (G_OBJECT (task), "message-id", g_strdup (message_id), g_free);
  g_object_set_data (G_OBJECT (task), "as-state", GINT_TO_POINTER (TRUE));
  ensure_ready (task, state_ready);
}

/* The capability's task (transfer full) answers with the HeraldSentMessage. */
static void
modem_get_message (HeraldMessageDetails *details,
                   const char           *message_id,
                   GTask                *task)
{
  g_object_set_data_full (G_OBJECT (task), "message-id", g_strdup (message_id), g_free);
  ensure_ready (task, state_ready);
}

static void
herald_modem_provider_details_init (HeraldMessageDetailsInterface *iface)
{
  iface->get_message = modem_get_message;
}

static void
connection_ready (GTask *task)
{
  HeraldModemProvider *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!check_modems (self, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, herald_connection_report_new (-1, NULL), g_object_unref);
  g_object_unref (task);
}

static void
modem_test_connection_async (HeraldProvider      *provider,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (provider, cancellable, callback, user_data);

  g_task_set_source_tag (task, modem_test_connection_async);
  ensure_ready (task, connection_ready);
}

static HeraldDialect
modem_get_dialect (HeraldProvider *provider)
{
  return HERALD_DIALECT_MODEM;
}

static HeraldProviderFeatures
modem_get_features (HeraldProvider *provider)
{
  return HERALD_PROVIDER_FEATURE_DEVICE_ID;
}

static void
herald_modem_provider_iface_init (HeraldProviderInterface *iface)
{
  iface->get_dialect = modem_get_dialect;
  iface->get_features = modem_get_features;
  iface->send_async = modem_send_async;
  iface->get_state_async = modem_get_state_async;
  iface->test_connection_async = modem_test_connection_async;
}

static void
herald_modem_provider_dispose (GObject *object)
{
  HeraldModemProvider *self = HERALD_MODEM_PROVIDER (object);

  g_clear_object (&self->dispatcher);
  g_clear_object (&self->manager);
  g_clear_object (&self->outbox);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (herald_modem_provider_parent_class)->dispose (object);
}

static void
herald_modem_provider_finalize (GObject *object)
{
  HeraldModemProvider *self = HERALD_MODEM_PROVIDER (object);

  g_free (self->database_path);
  g_free (self->account_id);
  g_free (self->region);

  G_OBJECT_CLASS (herald_modem_provider_parent_class)->finalize (object);
}

static void
herald_modem_provider_class_init (HeraldModemProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_modem_provider_dispose;
  object_class->finalize = herald_modem_provider_finalize;
}

static void
herald_modem_provider_init (HeraldModemProvider *self)
{
}

HeraldModemProvider *
herald_modem_provider_new (HeraldDatabase *database,
                           const char     *database_path,
                           const char     *account_id,
                           const char     *region)
{
  HeraldModemProvider *self;

  g_return_val_if_fail (database == NULL || HERALD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (database != NULL || database_path != NULL, NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  self = g_object_new (HERALD_TYPE_MODEM_PROVIDER, NULL);
  self->database = database != NULL ? g_object_ref (database) : NULL;
  self->database_path = g_strdup (database_path);
  self->account_id = g_strdup (account_id);
  self->region = g_strdup (region);

  return self;
}
