/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-provider.h"
#include "herald-getter-private.h"

/* ---- HeraldOutgoing ----------------------------------------------------- */

struct _HeraldOutgoing
{
  grefcount  ref_count;
  char      *text;
  GPtrArray *recipients;   /* NULL-terminated array of char* */
  char      *sender_id;
  char      *device_id;
  char      *media_url;
  GDateTime *schedule;
  char      *campaign_name;
};

G_DEFINE_BOXED_TYPE (HeraldOutgoing, herald_outgoing, herald_outgoing_ref, herald_outgoing_unref)

HeraldOutgoing *
herald_outgoing_new (const char *text)
{
  HeraldOutgoing *self = g_new0 (HeraldOutgoing, 1);

  g_ref_count_init (&self->ref_count);
  self->text = g_strdup (text != NULL ? text : "");
  self->recipients = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->recipients, NULL);
  return self;
}

HeraldOutgoing *
herald_outgoing_ref (HeraldOutgoing *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_ref_count_inc (&self->ref_count);
  return self;
}

void
herald_outgoing_unref (HeraldOutgoing *self)
{
  g_return_if_fail (self != NULL);
  if (!g_ref_count_dec (&self->ref_count))
    return;
  g_free (self->text);
  g_ptr_array_unref (self->recipients);
  g_free (self->sender_id);
  g_free (self->device_id);
  g_free (self->media_url);
  g_clear_pointer (&self->schedule, g_date_time_unref);
  g_free (self->campaign_name);
  g_free (self);
}

void
herald_outgoing_add_recipient (HeraldOutgoing *self,
                               const char     *number)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (number != NULL);
  /* keep the terminating NULL last */
  g_ptr_array_insert (self->recipients, (int) self->recipients->len - 1, g_strdup (number));
}

const char *
herald_outgoing_get_text (HeraldOutgoing *self)
{
  return self->text;
}

const char * const *
herald_outgoing_get_recipients (HeraldOutgoing *self)
{
  return (const char * const *) self->recipients->pdata;
}

guint
herald_outgoing_get_n_recipients (HeraldOutgoing *self)
{
  return self->recipients->len - 1;
}

/* An empty string means "not set" for every optional part. */
static void
set_optional (char       **field,
              const char  *value)
{
  g_free (*field);
  *field = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
}

void
herald_outgoing_set_sender_id (HeraldOutgoing *self, const char *sender_id)
{
  set_optional (&self->sender_id, sender_id);
}

const char *
herald_outgoing_get_sender_id (HeraldOutgoing *self)
{
  return self->sender_id;
}

void
herald_outgoing_set_device_id (HeraldOutgoing *self, const char *device_id)
{
  set_optional (&self->device_id, device_id);
}

const char *
herald_outgoing_get_device_id (HeraldOutgoing *self)
{
  return self->device_id;
}

void
herald_outgoing_set_media_url (HeraldOutgoing *self, const char *media_url)
{
  set_optional (&self->media_url, media_url);
}

const char *
herald_outgoing_get_media_url (HeraldOutgoing *self)
{
  return self->media_url;
}

void
herald_outgoing_set_schedule (HeraldOutgoing *self, GDateTime *schedule)
{
  g_clear_pointer (&self->schedule, g_date_time_unref);
  if (schedule != NULL)
    self->schedule = g_date_time_ref (schedule);
}

GDateTime *
herald_outgoing_get_schedule (HeraldOutgoing *self)
{
  return self->schedule;
}

void
herald_outgoing_set_campaign_name (HeraldOutgoing *self, const char *campaign_name)
{
  set_optional (&self->campaign_name, campaign_name);
}

const char *
herald_outgoing_get_campaign_name (HeraldOutgoing *self)
{
  return self->campaign_name;
}

/* ---- HeraldSendReport --------------------------------------------------- */

const char *
herald_recipient_outcome_to_string (HeraldRecipientOutcome outcome)
{
  switch (outcome)
    {
    case HERALD_RECIPIENT_QUEUED: return "queued";
    case HERALD_RECIPIENT_INVALID: return "invalid";
    case HERALD_RECIPIENT_DUPLICATE: return "duplicate";
    case HERALD_RECIPIENT_NOT_SENT: return "not-sent";
    case HERALD_RECIPIENT_FATE_UNKNOWN: return "fate-unknown";
    default: return "unknown";
    }
}

typedef struct
{
  char                   *input;
  char                   *number;
  HeraldRecipientOutcome  outcome;
  char                   *message_id;
  char                   *reason;
} ReportEntry;

static void
report_entry_clear (gpointer data)
{
  ReportEntry *entry = data;

  g_free (entry->input);
  g_free (entry->number);
  g_free (entry->message_id);
  g_free (entry->reason);
}

struct _HeraldSendReport
{
  GObject    parent_instance;
  GArray    *entries;       /* ReportEntry */
  GPtrArray *message_ids;   /* distinct, NULL-terminated */
  gint64     credits_used;
  gint64     balance_after;
  GError    *error;
};

G_DEFINE_FINAL_TYPE (HeraldSendReport, herald_send_report, G_TYPE_OBJECT)

static void
herald_send_report_finalize (GObject *object)
{
  HeraldSendReport *self = HERALD_SEND_REPORT (object);

  g_array_unref (self->entries);
  g_ptr_array_unref (self->message_ids);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (herald_send_report_parent_class)->finalize (object);
}

static void
herald_send_report_class_init (HeraldSendReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = herald_send_report_finalize;
}

static void
herald_send_report_init (HeraldSendReport *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (ReportEntry));
  g_array_set_clear_func (self->entries, report_entry_clear);
  self->message_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->message_ids, NULL);
  self->credits_used = -1;
  self->balance_after = -1;
}

HeraldSendReport *
herald_send_report_new (void)
{
  return g_object_new (HERALD_TYPE_SEND_REPORT, NULL);
}

void
herald_send_report_add_message_id (HeraldSendReport *self,
                                   const char       *message_id)
{
  g_return_if_fail (HERALD_IS_SEND_REPORT (self));

  if (message_id == NULL || *message_id == '\0')
    return;
  for (guint i = 0; i + 1 < self->message_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->message_ids, i), message_id))
      return;
  g_ptr_array_insert (self->message_ids, (int) self->message_ids->len - 1, g_strdup (message_id));
}

void
herald_send_report_add (HeraldSendReport       *self,
                        const char             *input,
                        const char             *number,
                        HeraldRecipientOutcome  outcome,
                        const char             *message_id,
                        const char             *reason)
{
  ReportEntry entry = {
    .input = g_strdup (input != NULL ? input : ""),
    .number = g_strdup (number),
    .outcome = outcome,
    .message_id = g_strdup (message_id),
    .reason = g_strdup (reason),
  };

  g_return_if_fail (HERALD_IS_SEND_REPORT (self));
  g_array_append_val (self->entries, entry);
  herald_send_report_add_message_id (self, message_id);
}

void
herald_send_report_set_credits (HeraldSendReport *self,
                                gint64            credits_used,
                                gint64            balance_after)
{
  g_return_if_fail (HERALD_IS_SEND_REPORT (self));
  self->credits_used = credits_used;
  self->balance_after = balance_after;
}

void
herald_send_report_set_error (HeraldSendReport *self,
                              const GError     *error)
{
  g_return_if_fail (HERALD_IS_SEND_REPORT (self));
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
}

guint
herald_send_report_get_n_recipients (HeraldSendReport *self)
{
  g_return_val_if_fail (HERALD_IS_SEND_REPORT (self), 0);
  return self->entries->len;
}

static ReportEntry *
entry_at (HeraldSendReport *self,
          guint             index)
{
  g_return_val_if_fail (HERALD_IS_SEND_REPORT (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return &g_array_index (self->entries, ReportEntry, index);
}

const char *
herald_send_report_get_input (HeraldSendReport *self, guint index)
{
  ReportEntry *entry = entry_at (self, index);
  return entry != NULL ? entry->input : NULL;
}

const char *
herald_send_report_get_number (HeraldSendReport *self, guint index)
{
  ReportEntry *entry = entry_at (self, index);
  return entry != NULL ? entry->number : NULL;
}

HeraldRecipientOutcome
herald_send_report_get_outcome (HeraldSendReport *self, guint index)
{
  ReportEntry *entry = entry_at (self, index);
  return entry != NULL ? entry->outcome : HERALD_RECIPIENT_NOT_SENT;
}

const char *
herald_send_report_get_recipient_message_id (HeraldSendReport *self, guint index)
{
  ReportEntry *entry = entry_at (self, index);
  return entry != NULL ? entry->message_id : NULL;
}

const char *
herald_send_report_get_reason (HeraldSendReport *self, guint index)
{
  ReportEntry *entry = entry_at (self, index);
  return entry != NULL ? entry->reason : NULL;
}

guint
herald_send_report_count (HeraldSendReport       *self,
                          HeraldRecipientOutcome  outcome)
{
  guint count = 0;

  g_return_val_if_fail (HERALD_IS_SEND_REPORT (self), 0);
  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, ReportEntry, i).outcome == outcome)
      count++;
  return count;
}

const char * const *
herald_send_report_get_message_ids (HeraldSendReport *self)
{
  g_return_val_if_fail (HERALD_IS_SEND_REPORT (self), NULL);
  return (const char * const *) self->message_ids->pdata;
}

HERALD_DEFINE_OBJECT_GETTER (gint64, herald_send_report_get_credits_used, HeraldSendReport, HERALD_IS_SEND_REPORT, credits_used, -1)
HERALD_DEFINE_OBJECT_GETTER (gint64, herald_send_report_get_balance_after, HeraldSendReport, HERALD_IS_SEND_REPORT, balance_after, -1)
HERALD_DEFINE_OBJECT_GETTER (const GError *, herald_send_report_get_error, HeraldSendReport, HERALD_IS_SEND_REPORT, error, NULL)

/* ---- HeraldConnectionReport --------------------------------------------- */

struct _HeraldConnectionReport
{
  GObject   parent_instance;
  gint64    balance;
  GStrv     missing_scopes;
};

G_DEFINE_FINAL_TYPE (HeraldConnectionReport, herald_connection_report, G_TYPE_OBJECT)

static void
herald_connection_report_finalize (GObject *object)
{
  HeraldConnectionReport *self = HERALD_CONNECTION_REPORT (object);

  g_strfreev (self->missing_scopes);
  G_OBJECT_CLASS (herald_connection_report_parent_class)->finalize (object);
}

static void
herald_connection_report_class_init (HeraldConnectionReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = herald_connection_report_finalize;
}

static void
herald_connection_report_init (HeraldConnectionReport *self)
{
  self->balance = -1;
}

HeraldConnectionReport *
herald_connection_report_new (gint64              balance,
                              const char * const *missing_scopes)
{
  HeraldConnectionReport *self = g_object_new (HERALD_TYPE_CONNECTION_REPORT, NULL);
  const char *none[] = { NULL };

  self->balance = balance;
  self->missing_scopes = g_strdupv ((char **) (missing_scopes != NULL ? missing_scopes : none));
  return self;
}

HERALD_DEFINE_OBJECT_GETTER (gint64, herald_connection_report_get_balance, HeraldConnectionReport, HERALD_IS_CONNECTION_REPORT, balance, -1)

const char * const *
herald_connection_report_get_missing_scopes (HeraldConnectionReport *self)
{
  g_return_val_if_fail (HERALD_IS_CONNECTION_REPORT (self), NULL);
  return (const char * const *) self->missing_scopes;
}

/* ---- the interface -------------------------------------------------------- */

G_DEFINE_INTERFACE (HeraldProvider, herald_provider, G_TYPE_OBJECT)

static void
default_get_balance_async (HeraldProvider      *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_task_report_new_error (self, callback, user_data, default_get_balance_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This account has no credit balance."));
}

static gint64
default_get_balance_finish (HeraldProvider  *self,
                            GAsyncResult    *result,
                            GError         **error)
{
  gssize value = g_task_propagate_int (G_TASK (result), error);

  return value;
}

/* Implementations that answer through a GTask (pointer for reports, int
 * for states) need not write their own finish functions. */
static HeraldSendReport *
task_send_finish (HeraldProvider  *self,
                  GAsyncResult    *result,
                  GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static HeraldDeliveryState
task_get_state_finish (HeraldProvider  *self,
                       GAsyncResult    *result,
                       GError         **error)
{
  GError *local_error = NULL;
  gssize state;

  g_return_val_if_fail (g_task_is_valid (result, self), HERALD_DELIVERY_UNKNOWN);
  state = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return HERALD_DELIVERY_UNKNOWN;
    }
  return (HeraldDeliveryState) state;
}

static HeraldConnectionReport *
task_test_connection_finish (HeraldProvider  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
default_validate_media_url (HeraldProvider  *self,
                            const char      *media_url,
                            GError         **error)
{
  return TRUE;
}

static void
herald_provider_default_init (HeraldProviderInterface *iface)
{
  iface->validate_media_url = default_validate_media_url;
  iface->send_finish = task_send_finish;
  iface->get_state_finish = task_get_state_finish;
  iface->test_connection_finish = task_test_connection_finish;
  iface->get_balance_async = default_get_balance_async;
  iface->get_balance_finish = default_get_balance_finish;
}

HeraldDialect
herald_provider_get_dialect (HeraldProvider *self)
{
  g_return_val_if_fail (HERALD_IS_PROVIDER (self), HERALD_DIALECT_FLIXYSMS);
  return HERALD_PROVIDER_GET_IFACE (self)->get_dialect (self);
}

HeraldProviderFeatures
herald_provider_get_features (HeraldProvider *self)
{
  g_return_val_if_fail (HERALD_IS_PROVIDER (self), HERALD_PROVIDER_FEATURE_NONE);
  return HERALD_PROVIDER_GET_IFACE (self)->get_features (self);
}

gboolean
herald_provider_has_feature (HeraldProvider         *self,
                             HeraldProviderFeatures  feature)
{
  return (herald_provider_get_features (self) & feature) == feature;
}

void
herald_provider_send_async (HeraldProvider      *self,
                            HeraldOutgoing      *outgoing,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_PROVIDER (self));
  g_return_if_fail (outgoing != NULL);
  HERALD_PROVIDER_GET_IFACE (self)->send_async (self, outgoing, cancellable, callback, user_data);
}

HeraldSendReport *
herald_provider_send_finish (HeraldProvider  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (HERALD_IS_PROVIDER (self), NULL);
  return HERALD_PROVIDER_GET_IFACE (self)->send_finish (self, result, error);
}

void
herald_provider_get_state_async (HeraldProvider      *self,
                                 const char          *message_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_PROVIDER (self));
  g_return_if_fail (message_id != NULL);
  HERALD_PROVIDER_GET_IFACE (self)->get_state_async (self, message_id, cancellable, callback, user_data);
}

HeraldDeliveryState
herald_provider_get_state_finish (HeraldProvider  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (HERALD_IS_PROVIDER (self), HERALD_DELIVERY_UNKNOWN);
  return HERALD_PROVIDER_GET_IFACE (self)->get_state_finish (self, result, error);
}

void
herald_provider_test_connection_async (HeraldProvider      *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_PROVIDER (self));
  HERALD_PROVIDER_GET_IFACE (self)->test_connection_async (self, cancellable, callback, user_data);
}

HeraldConnectionReport *
herald_provider_test_connection_finish (HeraldProvider  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  g_return_val_if_fail (HERALD_IS_PROVIDER (self), NULL);
  return HERALD_PROVIDER_GET_IFACE (self)->test_connection_finish (self, result, error);
}

void
herald_provider_get_balance_async (HeraldProvider      *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_PROVIDER (self));
  HERALD_PROVIDER_GET_IFACE (self)->get_balance_async (self, cancellable, callback, user_data);
}

gint64
herald_provider_get_balance_finish (HeraldProvider  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_return_val_if_fail (HERALD_IS_PROVIDER (self), -1);
  return HERALD_PROVIDER_GET_IFACE (self)->get_balance_finish (self, result, error);
}

gboolean
herald_provider_validate_media_url (HeraldProvider  *self,
                                    const char      *media_url,
                                    GError         **error)
{
  g_return_val_if_fail (HERALD_IS_PROVIDER (self), FALSE);
  g_return_val_if_fail (media_url != NULL, FALSE);
  return HERALD_PROVIDER_GET_IFACE (self)->validate_media_url (self, media_url, error);
}
