/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-send-job"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-send-job.h"
#include "herald-logged-send.h"
#include "net/herald-provider-error.h"

/* What became of one distinct recipient. */
typedef struct
{
  char                   *input;
  char                   *number;
  HeraldRecipientOutcome  outcome;
  char                   *message_id;
  char                   *reason;
} Fate;

struct _HeraldSendJob
{
  GObject           parent_instance;

  HeraldProvider   *provider;
  HeraldMessageLog *log;
  char             *account_id;
  HeraldOutgoing   *outgoing;
  guint             chunk_size;

  /* For each input: index into fates, with the top bit set for a copy of
   * an earlier input (then the index is that of the first one). */
  GArray           *slots;
  GArray           *fates;            /* of Fate, distinct recipients */

  guint             sent;
  gboolean          running;
  gboolean          started;

  GPtrArray        *request_ids;
  gint64            credits_used;     /* -1: no chunk said */
  gint64            balance_after;    /* -1: no chunk said */
  GError           *error;            /* what stopped the job */
  GError           *invalid_error;    /* the last chunk with nothing usable */

  GCancellable     *stop;             /* herald_send_job_stop () */
  gboolean          finished;
  HeraldSendReport *report;           /* what run_finish () gave, once finished */
  GError           *result_error;     /* or the error it gave */
};

G_DEFINE_FINAL_TYPE (HeraldSendJob, herald_send_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOTAL,
  PROP_SENT,
  PROP_FRACTION,
  PROP_RUNNING,
  PROP_CHUNK_SIZE,
  PROP_FINISHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DUPLICATE_BIT (1u << 31)

static void
fate_clear (gpointer data)
{
  Fate *fate = data;

  g_clear_pointer (&fate->input, g_free);
  g_clear_pointer (&fate->number, g_free);
  g_clear_pointer (&fate->message_id, g_free);
  g_clear_pointer (&fate->reason, g_free);
}

static void
herald_send_job_finalize (GObject *object)
{
  HeraldSendJob *self = HERALD_SEND_JOB (object);

  g_clear_object (&self->provider);
  g_clear_object (&self->log);
  g_clear_pointer (&self->account_id, g_free);
  g_clear_pointer (&self->outgoing, herald_outgoing_unref);
  g_clear_pointer (&self->slots, g_array_unref);
  g_clear_pointer (&self->fates, g_array_unref);
  g_clear_pointer (&self->request_ids, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_clear_error (&self->invalid_error);
  g_clear_object (&self->stop);
  g_clear_object (&self->report);
  g_clear_error (&self->result_error);

  G_OBJECT_CLASS (herald_send_job_parent_class)->finalize (object);
}

static void
herald_send_job_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HeraldSendJob *self = HERALD_SEND_JOB (object);

  switch (prop_id)
    {
    case PROP_TOTAL:
      g_value_set_uint (value, herald_send_job_get_total (self));
      break;
    case PROP_SENT:
      g_value_set_uint (value, self->sent);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, herald_send_job_get_fraction (self));
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_CHUNK_SIZE:
      g_value_set_uint (value, self->chunk_size);
      break;
    case PROP_FINISHED:
      g_value_set_boolean (value, self->finished);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_send_job_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HeraldSendJob *self = HERALD_SEND_JOB (object);

  switch (prop_id)
    {
    case PROP_CHUNK_SIZE:
      self->chunk_size = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_send_job_class_init (HeraldSendJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = herald_send_job_finalize;
  object_class->get_property = herald_send_job_get_property;
  object_class->set_property = herald_send_job_set_property;

  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENT] =
    g_param_spec_uint ("sent", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHUNK_SIZE] =
    g_param_spec_uint ("chunk-size", NULL, NULL, 1, G_MAXINT, HERALD_SEND_JOB_DEFAULT_CHUNK_SIZE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINISHED] =
    g_param_spec_boolean ("finished", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_send_job_init (HeraldSendJob *self)
{
  self->chunk_size = HERALD_SEND_JOB_DEFAULT_CHUNK_SIZE;
  self->slots = g_array_new (FALSE, FALSE, sizeof (guint));
  self->fates = g_array_new (FALSE, TRUE, sizeof (Fate));
  g_array_set_clear_func (self->fates, fate_clear);
  self->request_ids = g_ptr_array_new_with_free_func (g_free);
  self->credits_used = -1;
  self->balance_after = -1;
  self->stop = g_cancellable_new ();
}

/* Splits the inputs into distinct recipients and copies. */
static void
plan (HeraldSendJob *self)
{
  g_autoptr(GHashTable) first = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *recipients = herald_outgoing_get_recipients (self->outgoing);
  guint n = herald_outgoing_get_n_recipients (self->outgoing);

  for (guint i = 0; i < n; i++)
    {
      gpointer found = NULL;
      guint slot;

      if (g_hash_table_lookup_extended (first, recipients[i], NULL, &found))
        {
          slot = GPOINTER_TO_UINT (found) | DUPLICATE_BIT;
        }
      else
        {
          Fate *fate;

          /* built in place: the array owns the strings (fate_clear) */
          slot = self->fates->len;
          g_array_set_size (self->fates, slot + 1);
          fate = &g_array_index (self->fates, Fate, slot);
          fate->input = g_strdup (recipients[i]);
          fate->outcome = HERALD_RECIPIENT_NOT_SENT;
          g_hash_table_insert (first, (gpointer) recipients[i], GUINT_TO_POINTER (slot));
        }
      g_array_append_val (self->slots, slot);
    }
}

HeraldSendJob *
herald_send_job_new (HeraldProvider   *provider,
                     HeraldMessageLog *log,
                     const char       *account_id,
                     HeraldOutgoing   *outgoing,
                     guint             chunk_size)
{
  HeraldSendJob *self;

  g_return_val_if_fail (HERALD_IS_PROVIDER (provider), NULL);
  g_return_val_if_fail (log == NULL || HERALD_IS_MESSAGE_LOG (log), NULL);
  g_return_val_if_fail (outgoing != NULL, NULL);

  self = g_object_new (HERALD_TYPE_SEND_JOB,
                       "chunk-size", chunk_size > 0 ? chunk_size : HERALD_SEND_JOB_DEFAULT_CHUNK_SIZE,
                       NULL);
  self->provider = g_object_ref (provider);
  self->log = log != NULL ? g_object_ref (log) : NULL;
  self->account_id = g_strdup (account_id);
  self->outgoing = herald_outgoing_ref (outgoing);
  plan (self);

  return self;
}

guint
herald_send_job_get_total (HeraldSendJob *self)
{
  g_return_val_if_fail (HERALD_IS_SEND_JOB (self), 0);

  return self->fates->len;
}

guint
herald_send_job_get_sent (HeraldSendJob *self)
{
  g_return_val_if_fail (HERALD_IS_SEND_JOB (self), 0);

  return self->sent;
}

double
herald_send_job_get_fraction (HeraldSendJob *self)
{
  g_return_val_if_fail (HERALD_IS_SEND_JOB (self), 0.0);

  if (self->fates->len == 0)
    return 0.0;
  return (double) self->sent / (double) self->fates->len;
}

gboolean
herald_send_job_get_running (HeraldSendJob *self)
{
  g_return_val_if_fail (HERALD_IS_SEND_JOB (self), FALSE);

  return self->running;
}

guint
herald_send_job_get_chunk_size (HeraldSendJob *self)
{
  g_return_val_if_fail (HERALD_IS_SEND_JOB (self), 0);

  return self->chunk_size;
}

static void
set_running (HeraldSendJob *self,
             gboolean       running)
{
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
set_fate (Fate                   *fate,
          const char             *number,
          HeraldRecipientOutcome  outcome,
          const char             *message_id,
          const char             *reason)
{
  g_free (fate->number);
  fate->number = g_strdup (number);
  fate->outcome = outcome;
  g_free (fate->message_id);
  fate->message_id = g_strdup (message_id);
  g_free (fate->reason);
  fate->reason = g_strdup (reason);
}

static HeraldOutgoing *
chunk_outgoing (HeraldSendJob *self,
                guint          first,
                guint          end)
{
  HeraldOutgoing *chunk = herald_outgoing_new (herald_outgoing_get_text (self->outgoing));

  for (guint i = first; i < end; i++)
    herald_outgoing_add_recipient (chunk, g_array_index (self->fates, Fate, i).input);

  herald_outgoing_set_sender_id (chunk, herald_outgoing_get_sender_id (self->outgoing));
  herald_outgoing_set_device_id (chunk, herald_outgoing_get_device_id (self->outgoing));
  herald_outgoing_set_media_url (chunk, herald_outgoing_get_media_url (self->outgoing));
  herald_outgoing_set_schedule (chunk, herald_outgoing_get_schedule (self->outgoing));
  herald_outgoing_set_campaign_name (chunk, herald_outgoing_get_campaign_name (self->outgoing));

  return chunk;
}

static void
merge_chunk_report (HeraldSendJob    *self,
                    guint             first,
                    guint             end,
                    HeraldSendReport *report)
{
  guint n = herald_send_report_get_n_recipients (report);
  const char * const *ids = herald_send_report_get_message_ids (report);

  for (guint i = first; i < end; i++)
    {
      Fate *fate = &g_array_index (self->fates, Fate, i);
      guint k = i - first;

      if (k < n)
        set_fate (fate,
                  herald_send_report_get_number (report, k),
                  herald_send_report_get_outcome (report, k),
                  herald_send_report_get_recipient_message_id (report, k),
                  herald_send_report_get_reason (report, k));
      else
        /* The provider answered for fewer recipients than it was given:
         * they may have been sent, so nobody should send them again blindly. */
        set_fate (fate, NULL, HERALD_RECIPIENT_FATE_UNKNOWN, NULL,
                  _("The provider did not report on this recipient; check the history before sending again."));
    }

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_ptr_array_add (self->request_ids, g_strdup (ids[i]));

  if (herald_send_report_get_credits_used (report) >= 0)
    self->credits_used = MAX (self->credits_used, 0) + herald_send_report_get_credits_used (report);
  if (herald_send_report_get_balance_after (report) >= 0)
    self->balance_after = herald_send_report_get_balance_after (report);

  /* A provider that split the chunk itself may have stopped part-way. */
  if (herald_send_report_get_error (report) != NULL && self->error == NULL)
    self->error = g_error_copy (herald_send_report_get_error (report));
}

static void
mark_chunk_failed (HeraldSendJob *self,
                   guint          first,
                   guint          end,
                   const GError  *error)
{
  HeraldRecipientOutcome outcome = HERALD_RECIPIENT_NOT_SENT;

  if (g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN))
    outcome = HERALD_RECIPIENT_FATE_UNKNOWN;

  for (guint i = first; i < end; i++)
    set_fate (&g_array_index (self->fates, Fate, i), NULL, outcome, NULL, error->message);
}

static HeraldSendReport *
build_report (HeraldSendJob *self)
{
  HeraldSendReport *report = herald_send_report_new ();
  const char * const *inputs = herald_outgoing_get_recipients (self->outgoing);

  for (guint i = 0; i < self->slots->len; i++)
    {
      guint slot = g_array_index (self->slots, guint, i);
      Fate *fate = &g_array_index (self->fates, Fate, slot & ~DUPLICATE_BIT);

      if ((slot & DUPLICATE_BIT) != 0)
        herald_send_report_add (report, inputs[i], fate->number, HERALD_RECIPIENT_DUPLICATE, NULL, NULL);
      else
        herald_send_report_add (report, fate->input, fate->number, fate->outcome,
                                fate->message_id, fate->reason);
    }

  for (guint i = 0; i < self->request_ids->len; i++)
    herald_send_report_add_message_id (report, g_ptr_array_index (self->request_ids, i));
  herald_send_report_set_credits (report, self->credits_used, self->balance_after);
  herald_send_report_set_error (report, self->error);

  return report;
}

static gboolean
anything_accepted (HeraldSendJob *self)
{
  for (guint i = 0; i < self->fates->len; i++)
    {
      HeraldRecipientOutcome outcome = g_array_index (self->fates, Fate, i).outcome;

      if (outcome == HERALD_RECIPIENT_QUEUED || outcome == HERALD_RECIPIENT_FATE_UNKNOWN)
        return TRUE;
    }
  return FALSE;
}

static void
finish (GTask *task)
{
  HeraldSendJob *self = g_task_get_source_object (task);

  /* Recipients never reached keep NOT_SENT; say why. */
  for (guint i = self->sent; i < self->fates->len; i++)
    {
      Fate *fate = &g_array_index (self->fates, Fate, i);

      if (g_error_matches (self->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_fate (fate, NULL, HERALD_RECIPIENT_NOT_SENT, NULL, _("Not sent: the send was stopped."));
      else
        set_fate (fate, NULL, HERALD_RECIPIENT_NOT_SENT, NULL, self->error->message);
    }

  if (self->error != NULL && !anything_accepted (self))
    self->result_error = g_error_copy (self->error);
  else if (self->invalid_error != NULL && !anything_accepted (self))
    self->result_error = g_error_copy (self->invalid_error);
  else
    self->report = build_report (self);

  /* Kept for observers that come later (a page opened after the send). */
  self->finished = TRUE;
  g_object_freeze_notify (G_OBJECT (self));
  set_running (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
  g_object_thaw_notify (G_OBJECT (self));

  if (self->result_error != NULL)
    g_task_return_error (task, g_error_copy (self->result_error));
  else
    g_task_return_pointer (task, g_object_ref (self->report), g_object_unref);
}

static void send_next_chunk (GTask *task);

static void
chunk_sent_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldSendJob *self = g_task_get_source_object (task);
  g_autoptr(HeraldSendReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint first = self->sent;
  guint end = MIN (first + self->chunk_size, self->fates->len);

  if (self->log != NULL)
    report = herald_logged_send_finish (HERALD_MESSAGE_LOG (object), result, &error);
  else
    report = herald_provider_send_finish (HERALD_PROVIDER (object), result, &error);

  if (report != NULL)
    merge_chunk_report (self, first, end, report);
  else
    mark_chunk_failed (self, first, end, error);

  self->sent = end;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  g_object_thaw_notify (G_OBJECT (self));

  if (error != NULL
      && !g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT))
    {
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
    }
  else if (error != NULL)
    {
      /* Kept only to explain a job where no chunk had anything usable. */
      g_clear_error (&self->invalid_error);
      self->invalid_error = g_steal_pointer (&error);
    }

  if (self->error != NULL && end < self->fates->len)
    {
      finish (task);
      return;
    }

  send_next_chunk (g_steal_pointer (&task));
}

static void
send_next_chunk (GTask *task)
{
  HeraldSendJob *self = g_task_get_source_object (task);
  GCancellable *stop = g_task_get_cancellable (task);
  g_autoptr(HeraldOutgoing) chunk = NULL;
  guint end;

  if (self->sent >= self->fates->len)
    {
      finish (task);
      g_object_unref (task);
      return;
    }

  if (g_cancellable_is_cancelled (stop) || g_cancellable_is_cancelled (self->stop))
    {
      g_clear_error (&self->error);
      self->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The send was stopped."));
      finish (task);
      g_object_unref (task);
      return;
    }

  end = MIN (self->sent + self->chunk_size, self->fates->len);
  chunk = chunk_outgoing (self, self->sent, end);

  /* The chunk's request gets no cancellable: once it is out, its answer is
   * waited for so that the report can say what became of it. */
  if (self->log != NULL)
    herald_logged_send_async (self->log, self->provider, self->account_id, chunk,
                              NULL, chunk_sent_cb, task);
  else
    herald_provider_send_async (self->provider, chunk, NULL, chunk_sent_cb, task);
}

void
herald_send_job_run_async (HeraldSendJob       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HERALD_IS_SEND_JOB (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_send_job_run_async);
  /* Cancelling stops between chunks; the result still reports what went out. */
  g_task_set_check_cancellable (task, FALSE);

  if (self->started)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "%s", _("This send has already been started."));
      return;
    }
  self->started = TRUE;

  if (self->fates->len == 0)
    {
      self->result_error = herald_provider_error_new (HERALD_PROVIDER_ERROR_INVALID_INPUT, 0, "%s",
                                                      _("There is no recipient; add at least one number."));
      self->finished = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
      g_task_return_error (task, g_error_copy (self->result_error));
      return;
    }

  set_running (self, TRUE);
  send_next_chunk (g_steal_pointer (&task));
}

HeraldSendReport *
herald_send_job_run_finish (HeraldSendJob  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (HERALD_IS_SEND_JOB (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The outcome once finished (notify::finished): the report, or the error
 * run_finish () gave. */
HeraldSendReport *
herald_send_job_get_report (HeraldSendJob *self)
{
  g_return_val_if_fail (HERALD_IS_SEND_JOB (self), NULL);

  return self->report;
}

const GError *
herald_send_job_get_error (HeraldSendJob *self)
{
  g_return_val_if_fail (HERALD_IS_SEND_JOB (self), NULL);

  return self->result_error;
}

gboolean
herald_send_job_get_finished (HeraldSendJob *self)
{
  g_return_val_if_fail (HERALD_IS_SEND_JOB (self), FALSE);

  return self->finished;
}

HeraldOutgoing *
herald_send_job_get_outgoing (HeraldSendJob *self)
{
  g_return_val_if_fail (HERALD_IS_SEND_JOB (self), NULL);

  return self->outgoing;
}

const char *
herald_send_job_get_account_id (HeraldSendJob *self)
{
  g_return_val_if_fail (HERALD_IS_SEND_JOB (self), NULL);

  return self->account_id;
}

void
herald_send_job_stop (HeraldSendJob *self)
{
  g_return_if_fail (HERALD_IS_SEND_JOB (self));

  g_cancellable_cancel (self->stop);
}
