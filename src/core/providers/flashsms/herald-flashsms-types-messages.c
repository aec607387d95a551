/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flashsms"

#include "herald-flashsms-types-private.h"
#include "herald-getter-private.h"

/* The answers about messages and credits: balance, a message (status and
 * history entry), a history page, an estimate and a delivery report. */

#define MAX_SAFE_INTEGER HERALD_FLASHSMS_MAX_SAFE_INTEGER

/* ---- GET /balance -------------------------------------------------------------- */

struct _HeraldFlashsmsBalance
{
  gatomicrefcount ref_count;

  gint64          balance;
  char           *currency;
  char           *account_name;
  char           *account_phone;
};

G_DEFINE_BOXED_TYPE (HeraldFlashsmsBalance, herald_flashsms_balance,
                     herald_flashsms_balance_ref, herald_flashsms_balance_unref)

HeraldFlashsmsBalance *
herald_flashsms_balance_ref (HeraldFlashsmsBalance *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_flashsms_balance_unref (HeraldFlashsmsBalance *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->currency);
  g_free (self->account_name);
  g_free (self->account_phone);
  g_free (self);
}

HeraldFlashsmsBalance *
herald_flashsms_balance_parse (JsonNode  *root,
                               GError   **error)
{
  g_autoptr(HeraldFlashsmsBalance) self = g_new0 (HeraldFlashsmsBalance, 1);
  HeraldJsonCursor data;

  g_atomic_ref_count_init (&self->ref_count);

  if (!_herald_flashsms_read_envelope (root, "GET /balance", &data, error) ||
      !herald_json_read_int (&data, "balance", HERALD_JSON_REQUIRED, -MAX_SAFE_INTEGER, MAX_SAFE_INTEGER,
                                  &self->balance, error) ||
      !herald_json_read_string (&data, "currency", HERALD_JSON_OPTIONAL, &self->currency, error) ||
      !herald_json_read_string (&data, "accountName", HERALD_JSON_OPTIONAL, &self->account_name, error) ||
      !herald_json_read_string (&data, "accountPhone", HERALD_JSON_OPTIONAL, &self->account_phone, error))
    return NULL;

  return g_steal_pointer (&self);
}

HERALD_DEFINE_GETTER (gint64, herald_flashsms_balance_get_balance, const HeraldFlashsmsBalance, balance, 0)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_balance_get_currency, const HeraldFlashsmsBalance, currency, NULL)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_balance_get_account_name, const HeraldFlashsmsBalance, account_name, NULL)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_balance_get_account_phone, const HeraldFlashsmsBalance, account_phone, NULL)

/* ---- messages ------------------------------------------------------------------- */

struct _HeraldFlashsmsMessage
{
  gatomicrefcount       ref_count;

  char                 *id;
  char                 *text;
  guint                 recipient_count;
  HeraldFlashsmsStatus  status;
  char                 *status_string;
  gint64                credits_used;
  char                 *sender_id;
  char                 *campaign_name;
  GDateTime            *scheduled_at;
  GDateTime            *sent_at;
  GDateTime            *created_at;
};

G_DEFINE_BOXED_TYPE (HeraldFlashsmsMessage, herald_flashsms_message,
                     herald_flashsms_message_ref, herald_flashsms_message_unref)

HeraldFlashsmsMessage *
herald_flashsms_message_ref (HeraldFlashsmsMessage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_flashsms_message_unref (HeraldFlashsmsMessage *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->id);
  g_free (self->text);
  g_free (self->status_string);
  g_free (self->sender_id);
  g_free (self->campaign_name);
  g_clear_pointer (&self->scheduled_at, g_date_time_unref);
  g_clear_pointer (&self->sent_at, g_date_time_unref);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_free (self);
}

static gpointer
message_read (const HeraldJsonCursor      *cursor,
              GError                     **error)
{
  g_autoptr(HeraldFlashsmsMessage) self = g_new0 (HeraldFlashsmsMessage, 1);
  gint64 count = 0;

  g_atomic_ref_count_init (&self->ref_count);

  if (!herald_json_read_string (cursor, "id", HERALD_JSON_REQUIRED, &self->id, error) ||
      !herald_json_read_string (cursor, "message", HERALD_JSON_REQUIRED, &self->text, error) ||
      !herald_json_read_int (cursor, "recipientCount", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &count, error) ||
      !herald_json_read_string (cursor, "status", HERALD_JSON_REQUIRED, &self->status_string, error) ||
      !herald_json_read_int (cursor, "creditsUsed", HERALD_JSON_REQUIRED, 0, MAX_SAFE_INTEGER, &self->credits_used, error) ||
      !herald_json_read_string (cursor, "senderId", HERALD_JSON_OPTIONAL, &self->sender_id, error) ||
      !herald_json_read_string (cursor, "campaignName", HERALD_JSON_OPTIONAL, &self->campaign_name, error) ||
      !herald_json_read_time (cursor, "scheduledAt", HERALD_JSON_OPTIONAL, &self->scheduled_at, error) ||
      !herald_json_read_time (cursor, "sentAt", HERALD_JSON_OPTIONAL, &self->sent_at, error) ||
      !herald_json_read_time (cursor, "createdAt", HERALD_JSON_REQUIRED, &self->created_at, error))
    return NULL;

  self->recipient_count = (guint) count;
  self->status = herald_flashsms_status_from_string (self->status_string);

  return g_steal_pointer (&self);
}

HeraldFlashsmsMessage *
herald_flashsms_message_parse (JsonNode  *root,
                               GError   **error)
{
  HeraldJsonCursor data;

  if (!_herald_flashsms_read_envelope (root, "GET /sms/status/:messageId", &data, error))
    return NULL;

  return message_read (&data, error);
}

HERALD_DEFINE_GETTER (const char *, herald_flashsms_message_get_id, const HeraldFlashsmsMessage, id, NULL)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_message_get_text, const HeraldFlashsmsMessage, text, NULL)
HERALD_DEFINE_GETTER (guint, herald_flashsms_message_get_recipient_count, const HeraldFlashsmsMessage, recipient_count, 0)
HERALD_DEFINE_GETTER (HeraldFlashsmsStatus, herald_flashsms_message_get_status, const HeraldFlashsmsMessage, status, HERALD_FLASHSMS_STATUS_UNKNOWN)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_message_get_status_string, const HeraldFlashsmsMessage, status_string, NULL)
HERALD_DEFINE_GETTER (gint64, herald_flashsms_message_get_credits_used, const HeraldFlashsmsMessage, credits_used, 0)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_message_get_sender_id, const HeraldFlashsmsMessage, sender_id, NULL)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_message_get_campaign_name, const HeraldFlashsmsMessage, campaign_name, NULL)
HERALD_DEFINE_GETTER (GDateTime *, herald_flashsms_message_get_scheduled_at, const HeraldFlashsmsMessage, scheduled_at, NULL)
HERALD_DEFINE_GETTER (GDateTime *, herald_flashsms_message_get_sent_at, const HeraldFlashsmsMessage, sent_at, NULL)
HERALD_DEFINE_GETTER (GDateTime *, herald_flashsms_message_get_created_at, const HeraldFlashsmsMessage, created_at, NULL)

/* ---- GET /sms -------------------------------------------------------------------- */

struct _HeraldFlashsmsHistoryPage
{
  gatomicrefcount          ref_count;

  GPtrArray               *messages;
  HeraldFlashsmsPagination pagination;
};

G_DEFINE_BOXED_TYPE (HeraldFlashsmsHistoryPage, herald_flashsms_history_page,
                     herald_flashsms_history_page_ref, herald_flashsms_history_page_unref)

HeraldFlashsmsHistoryPage *
herald_flashsms_history_page_ref (HeraldFlashsmsHistoryPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_flashsms_history_page_unref (HeraldFlashsmsHistoryPage *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->messages, g_ptr_array_unref);
  g_free (self);
}

HeraldFlashsmsHistoryPage *
herald_flashsms_history_page_parse (JsonNode  *root,
                                    GError   **error)
{
  g_autoptr(HeraldFlashsmsHistoryPage) self = g_new0 (HeraldFlashsmsHistoryPage, 1);
  HeraldJsonCursor data;

  g_atomic_ref_count_init (&self->ref_count);

  if (!_herald_flashsms_read_envelope (root, "GET /sms", &data, error))
    return NULL;

  self->messages = herald_json_read_items (&data, "messages", message_read,
                                                (GDestroyNotify) herald_flashsms_message_unref,
                                                error);
  if (self->messages == NULL ||
      !_herald_flashsms_read_pagination (&data, &self->pagination, error))
    return NULL;

  return g_steal_pointer (&self);
}

HERALD_DEFINE_GETTER (GPtrArray *, herald_flashsms_history_page_get_messages, const HeraldFlashsmsHistoryPage, messages, NULL)

const HeraldFlashsmsPagination *
herald_flashsms_history_page_get_pagination (const HeraldFlashsmsHistoryPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->pagination;
}

/* ---- POST /sms/estimate ------------------------------------------------------------- */

struct _HeraldFlashsmsEstimate
{
  gatomicrefcount ref_count;

  guint           length;
  guint           parts;
  char           *encoding;
  guint           recipient_count;
  gint64          credits_required;
  gint64          current_balance;
  gboolean        can_afford;
};

G_DEFINE_BOXED_TYPE (HeraldFlashsmsEstimate, herald_flashsms_estimate,
                     herald_flashsms_estimate_ref, herald_flashsms_estimate_unref)

HeraldFlashsmsEstimate *
herald_flashsms_estimate_ref (HeraldFlashsmsEstimate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_flashsms_estimate_unref (HeraldFlashsmsEstimate *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->encoding);
  g_free (self);
}

HeraldFlashsmsEstimate *
herald_flashsms_estimate_parse (JsonNode  *root,
                                GError   **error)
{
  g_autoptr(HeraldFlashsmsEstimate) self = g_new0 (HeraldFlashsmsEstimate, 1);
  g_autofree char *path = NULL;
  HeraldJsonCursor data, message;
  gint64 length = 0, parts = 0, count = 0;

  g_atomic_ref_count_init (&self->ref_count);

  if (!_herald_flashsms_read_envelope (root, "POST /sms/estimate", &data, error) ||
      !herald_json_read_object (&data, "message", HERALD_JSON_REQUIRED, &message, &path, error) ||
      !herald_json_read_int (&message, "length", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &length, error) ||
      !herald_json_read_int (&message, "parts", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &parts, error) ||
      !herald_json_read_string (&message, "encoding", HERALD_JSON_REQUIRED, &self->encoding, error) ||
      !herald_json_read_int (&data, "recipientCount", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &count, error) ||
      !herald_json_read_int (&data, "creditsRequired", HERALD_JSON_REQUIRED, 0, MAX_SAFE_INTEGER,
                                  &self->credits_required, error) ||
      !herald_json_read_int (&data, "currentBalance", HERALD_JSON_REQUIRED, -MAX_SAFE_INTEGER, MAX_SAFE_INTEGER,
                                  &self->current_balance, error) ||
      !herald_json_read_bool (&data, "canAfford", HERALD_JSON_REQUIRED, &self->can_afford, error))
    return NULL;

  self->length = (guint) length;
  self->parts = (guint) parts;
  self->recipient_count = (guint) count;

  return g_steal_pointer (&self);
}

HERALD_DEFINE_GETTER (guint, herald_flashsms_estimate_get_length, const HeraldFlashsmsEstimate, length, 0)
HERALD_DEFINE_GETTER (guint, herald_flashsms_estimate_get_parts, const HeraldFlashsmsEstimate, parts, 0)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_estimate_get_encoding, const HeraldFlashsmsEstimate, encoding, NULL)
HERALD_DEFINE_GETTER (guint, herald_flashsms_estimate_get_recipient_count, const HeraldFlashsmsEstimate, recipient_count, 0)
HERALD_DEFINE_GETTER (gint64, herald_flashsms_estimate_get_credits_required, const HeraldFlashsmsEstimate, credits_required, 0)
HERALD_DEFINE_GETTER (gint64, herald_flashsms_estimate_get_current_balance, const HeraldFlashsmsEstimate, current_balance, 0)
HERALD_DEFINE_GETTER (gboolean, herald_flashsms_estimate_get_can_afford, const HeraldFlashsmsEstimate, can_afford, FALSE)

/* ---- GET /sms/:id/recipients ---------------------------------------------------------- */

struct _HeraldFlashsmsReport
{
  gatomicrefcount       ref_count;

  char                 *message_id;
  HeraldFlashsmsStatus  status;
  char                 *status_string;
  guint                 recipient_count;
  GArray               *recipients;   /* HeraldFlashsmsRecipientState */
  guint                 delivered;
  guint                 failed;
  guint                 pending;
  double                delivery_rate;
};

G_DEFINE_BOXED_TYPE (HeraldFlashsmsReport, herald_flashsms_report,
                     herald_flashsms_report_ref, herald_flashsms_report_unref)

static void
recipient_state_clear (gpointer data)
{
  HeraldFlashsmsRecipientState *state = data;

  g_clear_pointer (&state->phone, g_free);
  g_clear_pointer (&state->status_string, g_free);
  g_clear_pointer (&state->sent_at, g_date_time_unref);
}

HeraldFlashsmsReport *
herald_flashsms_report_ref (HeraldFlashsmsReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_flashsms_report_unref (HeraldFlashsmsReport *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->message_id);
  g_free (self->status_string);
  g_array_unref (self->recipients);
  g_free (self);
}

static gboolean
report_read_recipients (HeraldFlashsmsReport        *self,
                        const HeraldJsonCursor      *data,
                        GError                     **error)
{
  JsonArray *array;

  if (!herald_json_read_array (data, "recipients", HERALD_JSON_REQUIRED, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = NULL;
      HeraldFlashsmsRecipientState state = { 0 };
      HeraldJsonCursor item;

      if (!herald_json_read_element (data, "recipients", array, i, &item, &path, error))
        return FALSE;

      if (!herald_json_read_string (&item, "phone", HERALD_JSON_REQUIRED, &state.phone, error) ||
          !herald_json_read_string (&item, "status", HERALD_JSON_REQUIRED, &state.status_string, error) ||
          !herald_json_read_time (&item, "sentAt", HERALD_JSON_OPTIONAL, &state.sent_at, error))
        {
          recipient_state_clear (&state);
          return FALSE;
        }

      state.status = herald_flashsms_status_from_string (state.status_string);
      g_array_append_val (self->recipients, state);
    }

  return TRUE;
}

HeraldFlashsmsReport *
herald_flashsms_report_parse (JsonNode  *root,
                              GError   **error)
{
  g_autoptr(HeraldFlashsmsReport) self = g_new0 (HeraldFlashsmsReport, 1);
  g_autofree char *path = NULL;
  HeraldJsonCursor data, stats;
  gint64 count = 0, delivered = 0, failed = 0, pending = 0;

  g_atomic_ref_count_init (&self->ref_count);
  self->recipients = g_array_new (FALSE, TRUE, sizeof (HeraldFlashsmsRecipientState));
  g_array_set_clear_func (self->recipients, recipient_state_clear);

  if (!_herald_flashsms_read_envelope (root, "GET /sms/:messageId/recipients", &data, error) ||
      !herald_json_read_string (&data, "messageId", HERALD_JSON_REQUIRED, &self->message_id, error) ||
      !herald_json_read_string (&data, "status", HERALD_JSON_REQUIRED, &self->status_string, error) ||
      !herald_json_read_int (&data, "recipientCount", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &count, error) ||
      !report_read_recipients (self, &data, error) ||
      !herald_json_read_object (&data, "stats", HERALD_JSON_REQUIRED, &stats, &path, error) ||
      !herald_json_read_int (&stats, "delivered", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &delivered, error) ||
      !herald_json_read_int (&stats, "failed", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &failed, error) ||
      !herald_json_read_int (&stats, "pending", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &pending, error) ||
      !herald_json_read_double (&stats, "deliveryRate", HERALD_JSON_REQUIRED, &self->delivery_rate, error))
    return NULL;

  self->status = herald_flashsms_status_from_string (self->status_string);
  self->recipient_count = (guint) count;
  self->delivered = (guint) delivered;
  self->failed = (guint) failed;
  self->pending = (guint) pending;

  return g_steal_pointer (&self);
}

HERALD_DEFINE_GETTER (const char *, herald_flashsms_report_get_message_id, const HeraldFlashsmsReport, message_id, NULL)
HERALD_DEFINE_GETTER (HeraldFlashsmsStatus, herald_flashsms_report_get_status, const HeraldFlashsmsReport, status, HERALD_FLASHSMS_STATUS_UNKNOWN)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_report_get_status_string, const HeraldFlashsmsReport, status_string, NULL)
HERALD_DEFINE_GETTER (guint, herald_flashsms_report_get_recipient_count, const HeraldFlashsmsReport, recipient_count, 0)

const HeraldFlashsmsRecipientState *
herald_flashsms_report_get_recipients (const HeraldFlashsmsReport *self,
                                       guint                      *n_recipients)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_recipients != NULL)
    *n_recipients = self->recipients->len;

  return self->recipients->len > 0 ? (const HeraldFlashsmsRecipientState *) self->recipients->data : NULL;
}

const HeraldFlashsmsRecipientState *
herald_flashsms_report_lookup (const HeraldFlashsmsReport *self,
                               const char                 *phone)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (phone != NULL, NULL);

  for (guint i = 0; i < self->recipients->len; i++)
    {
      const HeraldFlashsmsRecipientState *state =
        &g_array_index (self->recipients, HeraldFlashsmsRecipientState, i);

      if (g_strcmp0 (state->phone, phone) == 0)
        return state;
    }

  return NULL;
}

HERALD_DEFINE_GETTER (guint, herald_flashsms_report_get_delivered, const HeraldFlashsmsReport, delivered, 0)
HERALD_DEFINE_GETTER (guint, herald_flashsms_report_get_failed, const HeraldFlashsmsReport, failed, 0)
HERALD_DEFINE_GETTER (guint, herald_flashsms_report_get_pending, const HeraldFlashsmsReport, pending, 0)
HERALD_DEFINE_GETTER (double, herald_flashsms_report_get_delivery_rate, const HeraldFlashsmsReport, delivery_rate, 0.0)
