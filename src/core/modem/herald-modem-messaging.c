/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-modem"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-modem-error.h"
#include "herald-modem-private.h"

/* Right after Send() returns, ModemManager may still show the SMS as not
 * sent: State and MessageReference arrive as a property change a moment
 * later. Past this wait the send counts as done with what the SMS shows. */
#define SENT_STATE_WAIT_MS 10000

/* A multipart SMS whose other parts have not come in a day never will:
 * its parts would only fill the storage. */
#define STUCK_RECEIVING_S ((gint64) 24 * 60 * 60)

/* What HeraldModem keeps for messaging, on the object's qdata so that the
 * modem's own file need not know it. */
typedef struct
{
  HeraldModem      *modem;          /* not owned */
  MMModemMessaging *messaging;
  GHashTable       *handled;        /* paths already announced */
  GHashTable       *waiting;        /* path → MMSms still RECEIVING */
} Messaging;

static GQuark
messaging_quark (void)
{
  return g_quark_from_static_string ("herald-modem-messaging");
}

static void
messaging_free (gpointer data)
{
  Messaging *m = data;

  if (m->messaging != NULL)
    g_signal_handlers_disconnect_by_data (m->messaging, m);
  g_clear_object (&m->messaging);
  g_hash_table_unref (m->handled);
  g_hash_table_unref (m->waiting);
  g_free (m);
}

static void waiting_state_cb (MMSms *sms, GParamSpec *pspec, gpointer user_data);

static void
waiting_sms_free (gpointer data)
{
  g_signal_handlers_disconnect_matched (data, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, waiting_state_cb, NULL);
  g_object_unref (data);
}

static Messaging *
messaging_get (HeraldModem *self)
{
  Messaging *m = g_object_get_qdata (G_OBJECT (self), messaging_quark ());

  if (m == NULL)
    {
      m = g_new0 (Messaging, 1);
      m->modem = self;
      m->handled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      m->waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, waiting_sms_free);
      g_object_set_qdata_full (G_OBJECT (self), messaging_quark (), m, messaging_free);
    }

  return m;
}

static gint64
sms_timestamp (MMSms *sms)
{
  const char *text = mm_sms_get_timestamp (sms);
  g_autoptr(GDateTime) time = NULL;

  if (text != NULL)
    time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    time = g_date_time_new_now_utc ();

  return g_date_time_to_unix (time);
}

static void announce (Messaging *m, MMSms *sms);

typedef struct
{
  HeraldModem *modem;
  char        *path;
} Stuck;

static void
stuck_free (gpointer data)
{
  Stuck *stuck = data;

  g_object_unref (stuck->modem);
  g_free (stuck->path);
  g_free (stuck);
}

static gboolean
stuck_cb (gpointer user_data)
{
  Stuck *stuck = user_data;
  Messaging *m = g_object_get_qdata (G_OBJECT (stuck->modem), messaging_quark ());

  if (m != NULL && g_hash_table_contains (m->waiting, stuck->path))
    {
      g_debug ("Deleting %s: its other parts never came", stuck->path);
      g_hash_table_remove (m->waiting, stuck->path);
      herald_modem_delete_sms_async (stuck->modem, stuck->path, NULL, NULL, NULL);
    }

  return G_SOURCE_REMOVE;
}

/* Deletes the parts at once when they are a day old already, else when
 * they will be, unless the rest comes first. */
static void
watch_stuck (Messaging *m,
             MMSms     *sms)
{
  gint64 age = g_get_real_time () / G_USEC_PER_SEC - sms_timestamp (sms);
  Stuck *stuck = g_new0 (Stuck, 1);

  stuck->modem = g_object_ref (m->modem);
  stuck->path = g_strdup (mm_sms_get_path (sms));
  g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, (guint) CLAMP (STUCK_RECEIVING_S - age, 0, STUCK_RECEIVING_S),
                              stuck_cb, stuck, stuck_free);
  /* The source owns stuck (stuck_free). */
  /* cppcheck-suppress memleak */
}

static void
waiting_state_cb (MMSms      *sms,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  Messaging *m = user_data;

  if (mm_sms_get_state (sms) != MM_SMS_STATE_RECEIVED)
    return;

  g_object_ref (sms);
  g_hash_table_remove (m->waiting, mm_sms_get_path (sms));
  announce (m, sms);
  g_object_unref (sms);
}

/* A received SMS once complete, a status report at once; what we sent
 * ourselves (SUBMIT) is the dispatcher's business. */
static void
announce (Messaging *m,
          MMSms     *sms)
{
  const char *path = mm_sms_get_path (sms);
  MMSmsPduType type = mm_sms_get_pdu_type (sms);

  if (g_hash_table_contains (m->handled, path))
    return;

  if (type == MM_SMS_PDU_TYPE_STATUS_REPORT)
    {
      g_hash_table_add (m->handled, g_strdup (path));
      g_signal_emit (m->modem, herald_modem_signals[HERALD_MODEM_SIGNAL_STATUS_REPORT], 0,
                     path, mm_sms_get_message_reference (sms), mm_sms_get_delivery_state (sms));
      return;
    }

  if (type != MM_SMS_PDU_TYPE_DELIVER && type != MM_SMS_PDU_TYPE_CDMA_DELIVER)
    return;

  /* Added fires for the first part of a multipart SMS: wait for the rest. */
  if (mm_sms_get_state (sms) != MM_SMS_STATE_RECEIVED)
    {
      if (!g_hash_table_contains (m->waiting, path))
        {
          g_hash_table_insert (m->waiting, g_strdup (path), g_object_ref (sms));
          g_signal_connect (sms, "notify::state", G_CALLBACK (waiting_state_cb), m);
          watch_stuck (m, sms);
        }
      return;
    }

  g_hash_table_add (m->handled, g_strdup (path));
  g_signal_emit (m->modem, herald_modem_signals[HERALD_MODEM_SIGNAL_SMS_RECEIVED], 0,
                 path, mm_sms_get_number (sms), mm_sms_get_text (sms), sms_timestamp (sms));
}

/* libmm-glib has no public constructor for one SMS by path; an MMSms is a
 * GDBusProxy on ModemManager's Sms interface, so build it as one. */
static void
sms_proxy_new_async (HeraldModem         *self,
                     const char          *path,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_async_initable_new_async (MM_TYPE_SMS, G_PRIORITY_DEFAULT, cancellable, callback, user_data,
                              "g-flags", G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START,
                              "g-name", MM_DBUS_SERVICE,
                              "g-connection", herald_modem_get_connection (self),
                              "g-object-path", path,
                              "g-interface-name", "org.freedesktop.ModemManager1.Sms",
                              NULL);
}

static MMSms *
sms_proxy_new_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_autoptr(GObject) source = g_async_result_get_source_object (result);

  return MM_SMS (g_async_initable_new_finish (G_ASYNC_INITABLE (source), result, error));
}

static void
added_proxy_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HeraldModem) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MMSms) sms = sms_proxy_new_finish (result, &error);

  if (sms == NULL)
    {
      g_debug ("A new SMS could not be read: %s", error->message);
      return;
    }
  if (herald_modem_is_present (self))
    announce (messaging_get (self), sms);
}

static void
added_cb (MMModemMessaging *messaging,
          const char       *path,
          gboolean          received,
          gpointer          user_data)
{
  Messaging *m = user_data;

  /* Our own creations come with received FALSE. */
  if (!received)
    return;

  sms_proxy_new_async (m->modem, path, NULL, added_proxy_cb, g_object_ref (m->modem));
}

static void
deleted_cb (MMModemMessaging *messaging,
            const char       *path,
            gpointer          user_data)
{
  Messaging *m = user_data;

  g_hash_table_remove (m->waiting, path);
  g_hash_table_remove (m->handled, path);
}

void
herald_modem_messaging_attach (HeraldModem *self)
{
  Messaging *m = messaging_get (self);
  g_autoptr(MMModemMessaging) messaging = mm_object_get_modem_messaging (herald_modem_get_mm_object (self));

  if (messaging == m->messaging)
    return;

  if (m->messaging != NULL)
    g_signal_handlers_disconnect_by_data (m->messaging, m);
  g_clear_object (&m->messaging);
  g_hash_table_remove_all (m->waiting);

  m->messaging = g_steal_pointer (&messaging);
  if (m->messaging != NULL)
    {
      g_signal_connect (m->messaging, "added", G_CALLBACK (added_cb), m);
      g_signal_connect (m->messaging, "deleted", G_CALLBACK (deleted_cb), m);
    }
}

void
herald_modem_messaging_detach (HeraldModem *self)
{
  g_object_set_qdata (G_OBJECT (self), messaging_quark (), NULL);
}

static void
list_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HeraldModem) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autolist(MMSms) list = mm_modem_messaging_list_finish (MM_MODEM_MESSAGING (source), result, &error);

  if (error != NULL)
    {
      g_warning ("The SMS stored on %s could not be listed: %s", herald_modem_get_path (self), error->message);
      return;
    }
  if (!herald_modem_is_present (self))
    return;

  for (GList *l = list; l != NULL; l = l->next)
    announce (messaging_get (self), l->data);
}

void
herald_modem_import_stored (HeraldModem *self)
{
  g_autoptr(MMModemMessaging) messaging = NULL;

  g_return_if_fail (HERALD_IS_MODEM (self));

  messaging = herald_modem_get_messaging (self, NULL);
  if (messaging == NULL)
    return;

  mm_modem_messaging_list (messaging, NULL, list_done_cb, g_object_ref (self));
}

/* ---- Create ---------------------------------------------------------- */

static void
create_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MMSms) sms = mm_modem_messaging_create_finish (MM_MODEM_MESSAGING (source), result, &error);

  if (sms == NULL)
    {
      g_task_return_error (task, herald_modem_error_from_mm (error, _("Creating the SMS on the modem")));
      return;
    }

  g_task_return_pointer (task, g_strdup (mm_sms_get_path (sms)), g_free);
}

void
herald_modem_create_sms_async (HeraldModem         *self,
                               const char          *number,
                               const char          *text,
                               guint                validity_minutes,
                               gboolean             delivery_report,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MMModemMessaging) messaging = NULL;
  g_autoptr(MMSmsProperties) properties = NULL;

  g_return_if_fail (HERALD_IS_MODEM (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_modem_create_sms_async);

  if (number == NULL || *number == '\0' || text == NULL || *text == '\0')
    {
      g_task_return_new_error (task, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_INVALID,
                               _("An SMS needs a number and a text."));
      return;
    }

  messaging = herald_modem_get_messaging (self, &error);
  if (messaging == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  properties = mm_sms_properties_new ();
  mm_sms_properties_set_number (properties, number);
  mm_sms_properties_set_text (properties, text);
  mm_sms_properties_set_delivery_report_request (properties, delivery_report);
  /* ModemManager's validity is in minutes. */
  if (validity_minutes > 0)
    mm_sms_properties_set_validity_relative (properties, validity_minutes);

  mm_modem_messaging_create (messaging, properties, cancellable, create_done_cb, g_steal_pointer (&task));
}

char *
herald_modem_create_sms_finish (HeraldModem   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Send ------------------------------------------------------------ */

typedef struct
{
  MMSms   *sms;
  gulong   state_id;
  gulong   removed_id;
  guint    timeout_id;
  gboolean replied;
  gboolean returned;    /* the task has its result; a late reply only drops its reference */
} SendData;

static void
send_data_free (gpointer data)
{
  SendData *d = data;

  if (d->state_id != 0)
    g_signal_handler_disconnect (d->sms, d->state_id);
  g_clear_handle_id (&d->timeout_id, g_source_remove);
  g_clear_object (&d->sms);
  g_free (d);
}

/* g_clear_signal_handler() on a gpointer trips clang-tidy's misplaced-const. */
static void
disconnect_handler (gpointer  instance,
                    gulong   *handler_id)
{
  if (*handler_id != 0)
    g_signal_handler_disconnect (instance, *handler_id);
  *handler_id = 0;
}

static void
send_finish_with_state (GTask *task)
{
  SendData *d = g_task_get_task_data (task);
  HeraldModem *self = g_task_get_source_object (task);

  if (d->removed_id != 0)
    disconnect_handler (self, &d->removed_id);
  if (d->state_id != 0)
    disconnect_handler (d->sms, &d->state_id);
  g_clear_handle_id (&d->timeout_id, g_source_remove);

  d->returned = TRUE;
  g_task_return_int (task, mm_sms_get_message_reference (d->sms));
}

/* ModemManager may never answer a Send() on a modem it dropped: say GONE
 * at once. The pending reply still holds a reference and is ignored. */
static void
send_modem_removed_cb (HeraldModem *self,
                       gpointer     user_data)
{
  GTask *task = user_data;
  SendData *d = g_task_get_task_data (task);

  disconnect_handler (self, &d->removed_id);
  if (d->state_id != 0)
    disconnect_handler (d->sms, &d->state_id);
  g_clear_handle_id (&d->timeout_id, g_source_remove);
  d->returned = TRUE;
  g_task_return_new_error (task, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_GONE,
                           _("The modem %s went away while sending."), herald_modem_get_path (self));
  /* Only the reply's reference is left once a SENT wait was under way. */
  if (d->replied)
    g_object_unref (task);
}

static void
send_state_cb (MMSms      *sms,
               GParamSpec *pspec,
               gpointer    user_data)
{
  GTask *task = user_data;
  SendData *d = g_task_get_task_data (task);

  if (d->replied && mm_sms_get_state (sms) == MM_SMS_STATE_SENT)
    {
      send_finish_with_state (task);
      g_object_unref (task);
    }
}

static gboolean
send_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  SendData *d = g_task_get_task_data (task);

  d->timeout_id = 0;
  g_debug ("%s: no SENT state %d ms after Send(); taking the reply as done",
           mm_sms_get_path (d->sms), SENT_STATE_WAIT_MS);
  send_finish_with_state (task);
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static void
send_reply_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  SendData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean sent = mm_sms_send_finish (MM_SMS (source), result, &error);

  if (d->returned)
    {
      g_object_unref (task);
      return;
    }

  if (!sent)
    {
      HeraldModem *self = g_task_get_source_object (task);

      if (d->removed_id != 0)
        disconnect_handler (self, &d->removed_id);
      if (!herald_modem_is_present (self))
        g_task_return_new_error (task, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_GONE,
                                 _("The modem %s went away while sending."), herald_modem_get_path (self));
      else
        g_task_return_error (task, herald_modem_error_from_mm (error, _("Sending the SMS")));
      g_object_unref (task);
      return;
    }

  d->replied = TRUE;
  if (mm_sms_get_state (d->sms) == MM_SMS_STATE_SENT)
    {
      send_finish_with_state (task);
      g_object_unref (task);
      return;
    }

  /* The task's reference now belongs to whichever comes first. */
  d->state_id = g_signal_connect (d->sms, "notify::state", G_CALLBACK (send_state_cb), task);
  d->timeout_id = g_timeout_add (SENT_STATE_WAIT_MS, send_timeout_cb, task);
}

static void
send_proxy_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  SendData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  d->sms = sms_proxy_new_finish (result, &error);
  if (d->sms == NULL)
    {
      g_task_return_error (task, herald_modem_error_from_mm (error, _("Sending the SMS")));
      g_object_unref (task);
      return;
    }

  d->removed_id = g_signal_connect (g_task_get_source_object (task), "removed",
                                    G_CALLBACK (send_modem_removed_cb), task);
  mm_sms_send (d->sms, g_task_get_cancellable (task), send_reply_cb, task);
}

void
herald_modem_send_sms_async (HeraldModem         *self,
                             const char          *sms_path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  g_autoptr(GError) error = NULL;
  g_autoptr(MMModemMessaging) messaging = NULL;

  g_return_if_fail (HERALD_IS_MODEM (self));
  g_return_if_fail (sms_path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_modem_send_sms_async);
  g_task_set_task_data (task, g_new0 (SendData, 1), send_data_free);

  messaging = herald_modem_get_messaging (self, &error);
  if (messaging == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  sms_proxy_new_async (self, sms_path, cancellable, send_proxy_cb, task);
}

gboolean
herald_modem_send_sms_finish (HeraldModem   *self,
                              GAsyncResult  *result,
                              guint         *reference,
                              GError       **error)
{
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_int (G_TASK (result), error);
  if (value < 0)
    return FALSE;
  if (reference != NULL)
    *reference = (guint) value;

  return TRUE;
}

/* ---- Query and delete ------------------------------------------------- */

/* Whether the modem still lists @path: a proxy for an object that is gone
 * is built all the same, with no properties. */
static gboolean
modem_lists_sms (HeraldModem *self,
                 const char  *path)
{
  g_autoptr(MMModemMessaging) messaging = herald_modem_get_messaging (self, NULL);
  const char * const *paths;

  if (messaging == NULL)
    return FALSE;
  paths = mm_gdbus_modem_messaging_get_messages (MM_GDBUS_MODEM_MESSAGING (messaging));

  return paths != NULL && g_strv_contains (paths, path);
}

static void
query_proxy_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MMSms) sms = sms_proxy_new_finish (result, &error);
  HeraldModem *self = g_task_get_source_object (task);

  if (sms == NULL || !modem_lists_sms (self, g_task_get_task_data (task)))
    {
      g_task_return_int (task, HERALD_MODEM_SMS_GONE);
      return;
    }

  switch (mm_sms_get_state (sms))
    {
    case MM_SMS_STATE_SENT:
      /* The reference in the upper bits, the fate in the lowest byte. */
      g_task_return_int (task, ((gssize) mm_sms_get_message_reference (sms) << 8) | HERALD_MODEM_SMS_SENT);
      return;
    case MM_SMS_STATE_SENDING:
      g_task_return_int (task, HERALD_MODEM_SMS_SENDING);
      return;
    case MM_SMS_STATE_UNKNOWN:
    case MM_SMS_STATE_STORED:
    case MM_SMS_STATE_RECEIVING:
    case MM_SMS_STATE_RECEIVED:
    default:
      g_task_return_int (task, HERALD_MODEM_SMS_NOT_SENT);
    }
}

void
herald_modem_query_sms_async (HeraldModem         *self,
                              const char          *sms_path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HERALD_IS_MODEM (self));
  g_return_if_fail (sms_path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_modem_query_sms_async);
  g_task_set_task_data (task, g_strdup (sms_path), g_free);

  if (!modem_lists_sms (self, sms_path))
    {
      g_task_return_int (task, HERALD_MODEM_SMS_GONE);
      return;
    }

  sms_proxy_new_async (self, sms_path, cancellable, query_proxy_cb, g_steal_pointer (&task));
}

HeraldModemSmsFate
herald_modem_query_sms_finish (HeraldModem   *self,
                               GAsyncResult  *result,
                               guint         *reference,
                               GError       **error)
{
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, self), HERALD_MODEM_SMS_GONE);

  value = g_task_propagate_int (G_TASK (result), error);
  if (value < 0)
    return HERALD_MODEM_SMS_GONE;
  if (reference != NULL)
    *reference = (guint) (value >> 8);

  return (HeraldModemSmsFate) (value & 0xff);
}

static void
delete_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!mm_modem_messaging_delete_finish (MM_MODEM_MESSAGING (source), result, &error))
    {
      g_task_return_error (task, herald_modem_error_from_mm (error, _("Deleting the SMS from the modem")));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
herald_modem_delete_sms_async (HeraldModem         *self,
                               const char          *sms_path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MMModemMessaging) messaging = NULL;

  g_return_if_fail (HERALD_IS_MODEM (self));
  g_return_if_fail (sms_path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_modem_delete_sms_async);

  messaging = herald_modem_get_messaging (self, &error);
  if (messaging == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  mm_modem_messaging_delete (messaging, sms_path, cancellable, delete_done_cb, g_steal_pointer (&task));
}

gboolean
herald_modem_delete_sms_finish (HeraldModem   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
herald_modem_delivery_state_is_delivered (guint delivery_state)
{
  return delivery_state < 0x20;
}

gboolean
herald_modem_delivery_state_is_failed (guint delivery_state)
{
  return delivery_state >= 0x40 && delivery_state < MM_SMS_DELIVERY_STATE_UNKNOWN;
}
