/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-modem"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-modem-dispatcher.h"
#include "herald-modem-error.h"

#define DEFAULT_MAX_ATTEMPTS   3
#define DEFAULT_RETRY_DELAY_MS 30000
/* After a restart, how often and how long a message the modem still shows
 * as SENDING is asked about again before it counts as unknown. */
#define RECOVERY_POLL_MS       1000
#define RECOVERY_POLLS         30

/* One modem as the dispatcher drives it. */
typedef struct
{
  HeraldModemDispatcher *dispatcher;    /* not owned */
  HeraldModem           *modem;
  char                  *modem_id;
  gboolean               busy;          /* a claim or a send is under way */
  gboolean               woken;         /* woken while busy: look again once free */
  gint64                 last_start;    /* monotonic µs of the last send's start, 0: none */
  gint64                 blocked_until; /* monotonic µs */
  char                  *status;        /* why no work now, NULL when none */
  guint                  timer_id;
  gint64                 timer_due;     /* monotonic µs */
} Slot;

struct _HeraldModemDispatcher
{
  GObject             parent_instance;

  HeraldModemManager *manager;
  HeraldOutbox       *outbox;
  GHashTable         *slots;            /* HeraldModem * → Slot */
  gboolean            started;
  gboolean            recover;
  guint               recovering;       /* messages of a previous run still being settled */
  gboolean            recovery_listed;

  guint               min_interval_ms;
  guint               daily_cap;
  guint               max_attempts;
  guint               retry_delay_ms;
};

G_DEFINE_FINAL_TYPE (HeraldModemDispatcher, herald_modem_dispatcher, G_TYPE_OBJECT)

enum {
  SIGNAL_MESSAGE_UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void pump (HeraldModemDispatcher *self);
static void try_slot (Slot *slot);

static void
emit_updated (HeraldModemDispatcher *self,
              HeraldOutboxEntry     *entry)
{
  if (entry != NULL)
    g_signal_emit (self, signals[SIGNAL_MESSAGE_UPDATED], 0, entry);
}

static void
slot_set_status (Slot       *slot,
                 const char *status)
{
  if (g_strcmp0 (slot->status, status) == 0)
    return;
  g_free (slot->status);
  slot->status = g_strdup (status);
  if (status != NULL)
    g_debug ("%s takes no work: %s", slot->modem_id, status);
}

static void
slot_free (gpointer data)
{
  Slot *slot = data;

  g_clear_handle_id (&slot->timer_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (slot->modem, slot);
  g_object_unref (slot->modem);
  g_free (slot->modem_id);
  g_free (slot->status);
  g_free (slot);
}

static gboolean
slot_timer_cb (gpointer user_data)
{
  Slot *slot = user_data;

  slot->timer_id = 0;
  try_slot (slot);

  return G_SOURCE_REMOVE;
}

/* Wakes the slot after @delay_us, unless it is woken earlier already. */
static void
slot_wake_in (Slot   *slot,
              gint64  delay_us)
{
  gint64 due = g_get_monotonic_time () + MAX (0, delay_us);

  if (slot->timer_id != 0 && slot->timer_due <= due)
    return;
  g_clear_handle_id (&slot->timer_id, g_source_remove);
  slot->timer_due = due;
  slot->timer_id = g_timeout_add ((guint) (MAX (0, delay_us) / 1000) + 1, slot_timer_cb, slot);
}

static Slot *
lookup_slot (HeraldModemDispatcher *self,
             HeraldModem           *modem)
{
  return g_hash_table_lookup (self->slots, modem);
}

/* ---- One send ------------------------------------------------------------ */

typedef struct
{
  HeraldModemDispatcher *self;
  HeraldModem           *modem;
  char                  *modem_id;
  HeraldOutboxEntry     *entry;
  char                  *sms_path;
  guint                  polls;         /* recovery: questions asked so far */
  gboolean               released;      /* the modem was freed before the outbox heard */
} Op;

static Op *
op_new (HeraldModemDispatcher *self,
        HeraldModem           *modem,
        HeraldOutboxEntry     *entry)
{
  Op *op = g_new0 (Op, 1);

  op->self = g_object_ref (self);
  op->modem = modem != NULL ? g_object_ref (modem) : NULL;
  op->modem_id = g_strdup (modem != NULL ? herald_modem_get_device_id (modem) : entry->modem_id);
  op->entry = entry;
  op->sms_path = g_strdup (entry->sms_path);

  return op;
}

static void
op_free (Op *op)
{
  g_clear_object (&op->modem);
  g_free (op->modem_id);
  herald_outbox_entry_free (op->entry);
  g_free (op->sms_path);
  g_object_unref (op->self);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Op, op_free)

/* The modem is free for the next message. */
static void
op_release (Op *op)
{
  Slot *slot = op->modem != NULL ? lookup_slot (op->self, op->modem) : NULL;

  if (op->released)
    return;
  op->released = TRUE;
  if (slot != NULL)
    slot->busy = FALSE;
  pump (op->self);
}

static void
op_end (Op *op)
{
  op_release (op);
  op_free (op);
}

static void
entry_written_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Op *op = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldOutboxEntry) entry = herald_outbox_finish_entry (HERALD_OUTBOX (source), result, &error);

  if (entry == NULL && error != NULL)
    g_warning ("The outbox could not record message %s: %s", op->entry->message_id, error->message);
  emit_updated (op->self, entry);
  op_end (op);
}

static void
forget_sms (HeraldModem *modem,
            const char  *sms_path)
{
  /* Fire and forget: a sent or abandoned SMS object only takes room. */
  if (modem != NULL && sms_path != NULL && herald_modem_is_present (modem))
    herald_modem_delete_sms_async (modem, sms_path, NULL, NULL, NULL);
}

/* Where a failed attempt leaves the message; see the header. */
static void
op_failed (Op           *op,
           const GError *error)
{
  HeraldModemDispatcher *self = op->self;
  HeraldOutbox *outbox = self->outbox;
  Slot *slot = lookup_slot (self, op->modem);
  gint64 id = op->entry->id;

  g_debug ("Message %s on %s: %s", op->entry->message_id, op->modem_id, error->message);

  if (g_error_matches (error, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_GONE))
    {
      herald_outbox_give_back_async (outbox, id, NULL, 0, FALSE, error->message, NULL, entry_written_cb, op);
      return;
    }

  forget_sms (op->modem, op->sms_path);

  if (g_error_matches (error, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_UNAUTHORIZED) ||
      g_error_matches (error, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_NOT_RUNNING))
    {
      if (slot != NULL)
        {
          slot->blocked_until = g_get_monotonic_time () + (gint64) self->retry_delay_ms * 1000;
          slot_set_status (slot, error->message);
          slot_wake_in (slot, (gint64) self->retry_delay_ms * 1000);
        }
      herald_outbox_give_back_async (outbox, id, NULL, 0, FALSE, error->message, NULL, entry_written_cb, op);
      return;
    }

  if (!herald_modem_error_is_modem_side (error) || op->entry->attempts >= self->max_attempts)
    {
      herald_outbox_finish_with_async (outbox, id, HERALD_OUTBOX_FAILED, error->message, NULL, entry_written_cb, op);
      return;
    }

  herald_outbox_give_back_async (outbox, id, op->modem_id,
                                 g_get_real_time () + (gint64) self->retry_delay_ms * 1000,
                                 TRUE, error->message, NULL, entry_written_cb, op);
}

static void
sent_written_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Op *op = user_data;

  /* Once the outbox says sent, the SMS object is of no more use. */
  forget_sms (op->modem, op->sms_path);
  entry_written_cb (source, result, user_data);
}

static void
send_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Op *op = user_data;
  g_autoptr(GError) error = NULL;
  guint reference = 0;

  if (!herald_modem_send_sms_finish (HERALD_MODEM (source), result, &reference, &error))
    {
      op_failed (op, error);
      return;
    }

  g_debug ("Message %s went out on %s, reference %u", op->entry->message_id, op->modem_id, reference);
  herald_outbox_mark_sent_async (op->self->outbox, op->entry->id, reference, NULL, sent_written_cb, op);
  /* The modem is done with it: its next message need not wait for the
   * outbox to record this one (a different row). */
  op_release (op);
}

static void
path_written_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Op *op = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldOutboxEntry) entry = herald_outbox_finish_entry (HERALD_OUTBOX (source), result, &error);

  /* Never Send() what is not recorded: a crash would lose track of it. */
  if (entry == NULL || entry->state != HERALD_OUTBOX_SENDING || g_strcmp0 (entry->sms_path, op->sms_path) != 0)
    {
      g_warning ("Message %s is not sent: its SMS object could not be recorded (%s)",
                 op->entry->message_id, error != NULL ? error->message : "the message moved on");
      forget_sms (op->modem, op->sms_path);
      if (entry != NULL && entry->state == HERALD_OUTBOX_SENDING)
        herald_outbox_give_back_async (op->self->outbox, op->entry->id, NULL, 0, FALSE, NULL, NULL,
                                       entry_written_cb, op);
      else
        op_end (op);
      return;
    }

  herald_modem_send_sms_async (op->modem, op->sms_path, NULL, send_done_cb, op);
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Op *op = user_data;
  g_autoptr(GError) error = NULL;

  op->sms_path = herald_modem_create_sms_finish (HERALD_MODEM (source), result, &error);
  if (op->sms_path == NULL)
    {
      op_failed (op, error);
      return;
    }

  herald_outbox_set_sms_path_async (op->self->outbox, op->entry->id, op->sms_path, NULL, path_written_cb, op);
}

/* What a claim under way holds: the slot may go (its modem unplugged)
 * before the outbox answers, so it is looked up again then. */
typedef struct
{
  HeraldModemDispatcher *self;
  HeraldModem           *modem;
} Claim;

static Claim *
claim_new (Slot *slot)
{
  Claim *claim = g_new0 (Claim, 1);

  claim->self = g_object_ref (slot->dispatcher);
  claim->modem = g_object_ref (slot->modem);

  return claim;
}

static void
claim_free (Claim *claim)
{
  g_object_unref (claim->modem);
  g_object_unref (claim->self);
  g_free (claim);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Claim, claim_free)

static void
next_due_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Claim) claim = user_data;
  gint64 due = herald_outbox_finish_count (HERALD_OUTBOX (source), result, NULL);
  Slot *slot = lookup_slot (claim->self, claim->modem);

  if (slot != NULL && due > 0)
    slot_wake_in (slot, due - g_get_real_time ());
}

static void
claimed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Claim) claim = user_data;
  g_autoptr(GError) error = NULL;
  HeraldOutboxEntry *entry = herald_outbox_finish_entry (HERALD_OUTBOX (source), result, &error);
  Slot *slot = lookup_slot (claim->self, claim->modem);
  Op *op;

  if (entry == NULL)
    {
      if (error != NULL)
        g_warning ("The outbox could not be read: %s", error->message);
      if (slot == NULL)
        return;
      slot->busy = FALSE;
      /* Woken while the claim was under way: what woke it may have been
       * queued after the claim looked. */
      if (slot->woken)
        {
          try_slot (slot);
          return;
        }
      /* A message this modem refused may fall due for it later. */
      if (error == NULL)
        {
          HeraldOutbox *outbox = claim->self->outbox;

          herald_outbox_next_due_async (outbox, slot->modem_id, NULL, next_due_cb, g_steal_pointer (&claim));
        }
      return;
    }

  emit_updated (claim->self, entry);
  op = op_new (claim->self, claim->modem, entry);
  if (slot == NULL)
    {
      g_autoptr(GError) gone = g_error_new (HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_GONE,
                                            _("The modem went away before sending."));

      op_failed (op, gone);
      return;
    }

  slot->last_start = g_get_monotonic_time ();
  herald_modem_create_sms_async (op->modem, entry->recipient, entry->text, entry->validity_minutes,
                                 entry->delivery_report, NULL, created_cb, op);
}

static gint64
start_of_local_day (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 0, 0, 0);

  return g_date_time_to_unix (midnight) * G_USEC_PER_SEC;
}

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Claim *claim = user_data;
  HeraldModemDispatcher *self = claim->self;
  g_autoptr(GError) error = NULL;
  gint64 count = herald_outbox_finish_count (HERALD_OUTBOX (source), result, &error);
  Slot *slot = lookup_slot (self, claim->modem);

  if (slot == NULL)
    {
      claim_free (claim);
      return;
    }

  if (count < 0 || count >= self->daily_cap)
    {
      if (count >= 0)
        {
          g_autofree char *status = g_strdup_printf (_("The daily cap of %u messages for this modem is reached."),
                                                     self->daily_cap);
          slot_set_status (slot, status);
        }
      slot->busy = FALSE;
      /* Looked at again in a minute: the day may have turned. */
      slot_wake_in (slot, (gint64) 60 * G_USEC_PER_SEC);
      claim_free (claim);
      return;
    }

  herald_outbox_claim_async (self->outbox, slot->modem_id, NULL, claimed_cb, claim);
}

static gboolean
slot_can_take_work (Slot   *slot,
                    gint64  now)
{
  HeraldModemDispatcher *self = slot->dispatcher;
  gint64 next_start = slot->last_start + (gint64) self->min_interval_ms * 1000;

  if (slot->busy || slot->modem_id == NULL)
    return FALSE;

  if (!herald_modem_get_usable (slot->modem))
    {
      slot_set_status (slot, herald_modem_get_unusable_reason (slot->modem));
      return FALSE;
    }

  if (slot->blocked_until > now)
    {
      slot_wake_in (slot, slot->blocked_until - now);
      return FALSE;
    }

  slot_set_status (slot, NULL);
  if (slot->last_start != 0 && next_start > now)
    {
      slot_wake_in (slot, next_start - now);
      return FALSE;
    }

  return TRUE;
}

static void
try_slot (Slot *slot)
{
  HeraldModemDispatcher *self = slot->dispatcher;

  /* Nothing is claimed before the messages a previous run left in flight
   * are listed: the listing would take this run's claims for leftovers. */
  if (!self->started || !self->recovery_listed)
    return;

  if (slot->busy)
    {
      slot->woken = TRUE;
      return;
    }

  if (!slot_can_take_work (slot, g_get_monotonic_time ()))
    return;

  slot->busy = TRUE;
  slot->woken = FALSE;
  if (self->daily_cap > 0)
    herald_outbox_count_sent_async (self->outbox, slot->modem_id, start_of_local_day (), NULL, counted_cb,
                                    claim_new (slot));
  else
    herald_outbox_claim_async (self->outbox, slot->modem_id, NULL, claimed_cb, claim_new (slot));
}

static void
pump (HeraldModemDispatcher *self)
{
  GHashTableIter iter;
  gpointer slot;

  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, NULL, &slot))
    try_slot (slot);
}

/* ---- Delivery reports ------------------------------------------------------ */

static void
report_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HeraldModemDispatcher) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldOutboxEntry) entry = herald_outbox_finish_entry (HERALD_OUTBOX (source), result, &error);

  if (error != NULL)
    g_warning ("A delivery report could not be recorded: %s", error->message);
  emit_updated (self, entry);
}

static void
status_report_cb (HeraldModem *modem,
                  const char  *sms_path,
                  guint        reference,
                  guint        delivery_state,
                  gpointer     user_data)
{
  Slot *slot = user_data;
  HeraldModemDispatcher *self = slot->dispatcher;
  gboolean delivered = herald_modem_delivery_state_is_delivered (delivery_state);
  g_autofree char *reason = NULL;

  /* A temporary error (0x2x) means the centre is still trying. */
  if (delivered || herald_modem_delivery_state_is_failed (delivery_state))
    {
      if (!delivered)
        reason = g_strdup_printf (_("The network reported the message undelivered (status 0x%02x)."),
                                  delivery_state);
      herald_outbox_report_delivery_async (self->outbox, slot->modem_id, reference, delivered, reason, NULL,
                                           report_written_cb, g_object_ref (self));
    }

  forget_sms (modem, sms_path);
}

/* ---- The modems ------------------------------------------------------------ */

static void
modem_usable_cb (HeraldModem *modem,
                 GParamSpec  *pspec,
                 gpointer     user_data)
{
  Slot *slot = user_data;

  g_free (slot->modem_id);
  slot->modem_id = g_strdup (herald_modem_get_device_id (modem));
  try_slot (slot);
}

static void
modem_removed_cb (HeraldModem *modem,
                  gpointer     user_data)
{
  Slot *slot = user_data;

  g_hash_table_remove (slot->dispatcher->slots, modem);
}

static void
sync_modems (HeraldModemDispatcher *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->manager));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldModem) modem = g_list_model_get_item (G_LIST_MODEL (self->manager), i);
      Slot *slot;

      if (lookup_slot (self, modem) != NULL)
        continue;

      slot = g_new0 (Slot, 1);
      slot->dispatcher = self;
      slot->modem = g_object_ref (modem);
      slot->modem_id = g_strdup (herald_modem_get_device_id (modem));
      g_hash_table_insert (self->slots, modem, slot);
      g_signal_connect (modem, "notify::usable", G_CALLBACK (modem_usable_cb), slot);
      g_signal_connect (modem, "notify::device-id", G_CALLBACK (modem_usable_cb), slot);
      g_signal_connect (modem, "removed", G_CALLBACK (modem_removed_cb), slot);
      g_signal_connect (modem, "status-report", G_CALLBACK (status_report_cb), slot);
      if (self->started)
        herald_modem_import_stored (modem);
    }

  pump (self);
}

static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  sync_modems (HERALD_MODEM_DISPATCHER (user_data));
}

/* ---- Recovery of a previous run ------------------------------------------- */

static void query_again (Op *op);

/* A recovery is no send: the modem's slot is left as it is. */
static void
recovered_one (Op *op)
{
  HeraldModemDispatcher *self = g_object_ref (op->self);

  self->recovering--;
  op_free (op);
  pump (self);
  g_object_unref (self);
}

static void
recovery_written_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Op *op = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldOutboxEntry) entry = herald_outbox_finish_entry (HERALD_OUTBOX (source), result, &error);

  if (error != NULL)
    g_warning ("Message %s could not be settled: %s", op->entry->message_id, error->message);
  emit_updated (op->self, entry);
  recovered_one (op);
}

static void
settle_unknown (Op         *op,
                const char *why)
{
  herald_outbox_finish_with_async (op->self->outbox, op->entry->id, HERALD_OUTBOX_UNKNOWN, why, NULL,
                                   recovery_written_cb, op);
}

static void
queried_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Op *op = user_data;
  HeraldOutbox *outbox = op->self->outbox;
  guint reference = 0;
  HeraldModemSmsFate fate = herald_modem_query_sms_finish (HERALD_MODEM (source), result, &reference, NULL);

  switch (fate)
    {
    case HERALD_MODEM_SMS_SENT:
      herald_outbox_mark_sent_async (outbox, op->entry->id, reference, NULL, recovery_written_cb, op);
      forget_sms (op->modem, op->sms_path);
      return;

    case HERALD_MODEM_SMS_NOT_SENT:
      /* Never sent: a new attempt makes a new SMS object. */
      forget_sms (op->modem, op->sms_path);
      herald_outbox_give_back_async (outbox, op->entry->id, NULL, 0, FALSE, NULL, NULL, recovery_written_cb, op);
      return;

    case HERALD_MODEM_SMS_SENDING:
      if (++op->polls < RECOVERY_POLLS)
        {
          g_timeout_add_once (RECOVERY_POLL_MS, (GSourceOnceFunc) query_again, op);
          return;
        }
      settle_unknown (op, _("Herald stopped while this message was being sent, and the modem did not finish "
                            "sending it; it is not sent again."));
      return;

    case HERALD_MODEM_SMS_GONE:
    default:
      settle_unknown (op, _("Herald stopped while this message was being sent, and the modem no longer knows it: "
                            "it may or may not have gone out; it is not sent again."));
    }
}

static void
query_again (Op *op)
{
  herald_modem_query_sms_async (op->modem, op->sms_path, NULL, queried_cb, op);
}

static void
recover_entry (HeraldModemDispatcher *self,
               HeraldOutboxEntry     *entry)
{
  HeraldModem *modem = entry->modem_id != NULL ? herald_modem_manager_lookup (self->manager, entry->modem_id) : NULL;
  Op *op = op_new (self, modem, entry);

  self->recovering++;

  /* Stopped before the SMS object was recorded: whatever was created was
   * never sent. */
  if (entry->sms_path == NULL)
    {
      herald_outbox_give_back_async (self->outbox, entry->id, NULL, 0, FALSE, NULL, NULL, recovery_written_cb, op);
      return;
    }

  if (modem == NULL)
    {
      settle_unknown (op, _("Herald stopped while this message was being sent, and its modem is gone: "
                            "it may or may not have gone out; it is not sent again."));
      return;
    }

  query_again (op);
}

static void
in_flight_listed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(HeraldModemDispatcher) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = herald_outbox_list_finish (HERALD_OUTBOX (source), result, &error);

  self->recovery_listed = TRUE;
  if (entries == NULL)
    g_warning ("The outbox could not be read: %s", error->message);
  else
    for (guint i = 0; i < entries->len; i++)
      recover_entry (self, herald_outbox_entry_copy (entries->pdata[i]));

  /* The claims held back until now. */
  pump (self);
}

/* ---- The object --------------------------------------------------------- */

static void
herald_modem_dispatcher_dispose (GObject *object)
{
  HeraldModemDispatcher *self = HERALD_MODEM_DISPATCHER (object);

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_pointer (&self->slots, g_hash_table_unref);
  g_clear_object (&self->manager);
  g_clear_object (&self->outbox);

  G_OBJECT_CLASS (herald_modem_dispatcher_parent_class)->dispose (object);
}

static void
herald_modem_dispatcher_class_init (HeraldModemDispatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_modem_dispatcher_dispose;

  signals[SIGNAL_MESSAGE_UPDATED] =
    g_signal_new ("message-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HERALD_TYPE_OUTBOX_ENTRY | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
herald_modem_dispatcher_init (HeraldModemDispatcher *self)
{
  self->slots = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, slot_free);
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->recover = TRUE;
  self->retry_delay_ms = DEFAULT_RETRY_DELAY_MS;
}

HeraldModemDispatcher *
herald_modem_dispatcher_new (HeraldModemManager *manager,
                             HeraldOutbox       *outbox)
{
  HeraldModemDispatcher *self;

  g_return_val_if_fail (HERALD_IS_MODEM_MANAGER (manager), NULL);
  g_return_val_if_fail (HERALD_IS_OUTBOX (outbox), NULL);

  self = g_object_new (HERALD_TYPE_MODEM_DISPATCHER, NULL);
  self->manager = g_object_ref (manager);
  self->outbox = g_object_ref (outbox);
  g_signal_connect (manager, "items-changed", G_CALLBACK (items_changed_cb), self);
  sync_modems (self);

  return self;
}

void
herald_modem_dispatcher_set_pacing (HeraldModemDispatcher *self,
                                    guint                  min_interval_ms,
                                    guint                  daily_cap)
{
  g_return_if_fail (HERALD_IS_MODEM_DISPATCHER (self));

  self->min_interval_ms = min_interval_ms;
  self->daily_cap = daily_cap;
  pump (self);
}

void
herald_modem_dispatcher_set_retries (HeraldModemDispatcher *self,
                                     guint                  max_attempts,
                                     guint                  retry_delay_ms)
{
  g_return_if_fail (HERALD_IS_MODEM_DISPATCHER (self));
  g_return_if_fail (max_attempts > 0);

  self->max_attempts = max_attempts;
  self->retry_delay_ms = retry_delay_ms;
}

void
herald_modem_dispatcher_start (HeraldModemDispatcher *self)
{
  GHashTableIter iter;
  gpointer modem;

  g_return_if_fail (HERALD_IS_MODEM_DISPATCHER (self));

  if (self->started)
    return;
  self->started = TRUE;

  if (self->recover)
    herald_outbox_list_async (self->outbox, HERALD_OUTBOX_SENDING, NULL, in_flight_listed_cb, g_object_ref (self));
  else
    self->recovery_listed = TRUE;

  /* Status reports that came while Herald was not running. */
  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, &modem, NULL))
    herald_modem_import_stored (modem);

  pump (self);
}

void
herald_modem_dispatcher_set_recover (HeraldModemDispatcher *self,
                                     gboolean               recover)
{
  g_return_if_fail (HERALD_IS_MODEM_DISPATCHER (self));

  self->recover = recover;
}

void
herald_modem_dispatcher_wake (HeraldModemDispatcher *self)
{
  g_return_if_fail (HERALD_IS_MODEM_DISPATCHER (self));

  pump (self);
}

static void
queued_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldModemDispatcher *self = g_task_get_source_object (task);
  GError *error = NULL;
  HeraldOutboxEntry *entry = herald_outbox_finish_entry (HERALD_OUTBOX (source), result, &error);

  if (entry == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  emit_updated (self, entry);
  g_task_return_pointer (task, entry, (GDestroyNotify) herald_outbox_entry_free);
  pump (self);
}

void
herald_modem_dispatcher_queue_async (HeraldModemDispatcher     *self,
                                     const HeraldOutboxRequest *request,
                                     GCancellable              *cancellable,
                                     GAsyncReadyCallback        callback,
                                     gpointer                   user_data)
{
  GTask *task;

  g_return_if_fail (HERALD_IS_MODEM_DISPATCHER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_modem_dispatcher_queue_async);
  herald_outbox_enqueue_async (self->outbox, request, cancellable, queued_cb, task);
}

HeraldOutboxEntry *
herald_modem_dispatcher_queue_finish (HeraldModemDispatcher  *self,
                                      GAsyncResult           *result,
                                      GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
herald_modem_dispatcher_get_modem_status (HeraldModemDispatcher *self,
                                          const char            *device_id)
{
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (HERALD_IS_MODEM_DISPATCHER (self), NULL);

  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Slot *slot = value;

      if (g_strcmp0 (slot->modem_id, device_id) == 0)
        return slot->status;
    }

  return NULL;
}

gboolean
herald_modem_dispatcher_get_recovered (HeraldModemDispatcher *self)
{
  g_return_val_if_fail (HERALD_IS_MODEM_DISPATCHER (self), FALSE);

  return self->recovery_listed && self->recovering == 0;
}
