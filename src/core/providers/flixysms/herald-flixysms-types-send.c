/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flixysms"

#include "config.h"

#include "herald-flixysms-types-private.h"

/* What a send returns: one message (SendResult), a bulk request
 * (BulkResult), a bulk send over several requests (BulkReport), and the
 * status of a sent message (MessageStatus). */

/* HeraldFlixysmsSendResult */

struct _HeraldFlixysmsSendResult
{
  char *message_id;
  char *status;
  char *device_id;
  char *to;
  char *message;
  char *media_url;
};

static void
send_result_clear (gpointer data)
{
  HeraldFlixysmsSendResult *self = data;

  g_free (self->message_id);
  g_free (self->status);
  g_free (self->device_id);
  g_free (self->to);
  g_free (self->message);
  g_free (self->media_url);
}

HeraldFlixysmsSendResult *
herald_flixysms_send_result_ref (HeraldFlixysmsSendResult *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
herald_flixysms_send_result_unref (HeraldFlixysmsSendResult *self)
{
  g_atomic_rc_box_release_full (self, send_result_clear);
}

G_DEFINE_BOXED_TYPE (HeraldFlixysmsSendResult, herald_flixysms_send_result,
                     herald_flixysms_send_result_ref, herald_flixysms_send_result_unref)

HeraldFlixysmsSendResult *
herald_flixysms_send_result_parse (JsonNode  *root,
                                   GError   **error)
{
  g_autoptr(HeraldFlixysmsSendResult) self = g_atomic_rc_box_new0 (HeraldFlixysmsSendResult);
  HeraldJsonCursor top;

  if (!_herald_flixysms_read_root (root, "send", &top, error) ||
      !herald_json_read_string (&top, "message_id", HERALD_FLIXYSMS_REQUIRED_TEXT, &self->message_id, error) ||
      !herald_json_read_string (&top, "status", HERALD_FLIXYSMS_REQUIRED_TEXT, &self->status, error) ||
      !herald_json_read_string (&top, "device_id", HERALD_JSON_OPTIONAL, &self->device_id, error) ||
      !herald_json_read_string (&top, "to", HERALD_JSON_OPTIONAL, &self->to, error) ||
      !herald_json_read_string (&top, "message", HERALD_JSON_OPTIONAL, &self->message, error) ||
      !herald_json_read_string (&top, "media_url", HERALD_JSON_OPTIONAL, &self->media_url, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
herald_flixysms_send_result_get_message_id (HeraldFlixysmsSendResult *self)
{
  return self->message_id;
}

const char *
herald_flixysms_send_result_get_status (HeraldFlixysmsSendResult *self)
{
  return self->status;
}

const char *
herald_flixysms_send_result_get_device_id (HeraldFlixysmsSendResult *self)
{
  return self->device_id;
}

const char *
herald_flixysms_send_result_get_to (HeraldFlixysmsSendResult *self)
{
  return self->to;
}

const char *
herald_flixysms_send_result_get_message (HeraldFlixysmsSendResult *self)
{
  return self->message;
}

const char *
herald_flixysms_send_result_get_media_url (HeraldFlixysmsSendResult *self)
{
  return self->media_url;
}

/* HeraldFlixysmsBulkResult */

struct _HeraldFlixysmsBulkResult
{
  GStrv  message_ids;
  guint  n_message_ids;
  char  *device_id;
  guint  total;
  guint  valid;
  guint  invalid;
  guint  queued;
};

static void
bulk_result_clear (gpointer data)
{
  HeraldFlixysmsBulkResult *self = data;

  g_strfreev (self->message_ids);
  g_free (self->device_id);
}

HeraldFlixysmsBulkResult *
herald_flixysms_bulk_result_ref (HeraldFlixysmsBulkResult *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
herald_flixysms_bulk_result_unref (HeraldFlixysmsBulkResult *self)
{
  g_atomic_rc_box_release_full (self, bulk_result_clear);
}

G_DEFINE_BOXED_TYPE (HeraldFlixysmsBulkResult, herald_flixysms_bulk_result,
                     herald_flixysms_bulk_result_ref, herald_flixysms_bulk_result_unref)

HeraldFlixysmsBulkResult *
herald_flixysms_bulk_result_parse (JsonNode  *root,
                                   GError   **error)
{
  g_autoptr(HeraldFlixysmsBulkResult) self = g_atomic_rc_box_new0 (HeraldFlixysmsBulkResult);
  g_autofree char *stats_path = NULL;
  HeraldJsonCursor top, stats;
  JsonArray *array;

  /* the list is there before anything else is read; its items after */
  if (!_herald_flixysms_read_root (root, "bulk", &top, error) ||
      !herald_json_read_array (&top, "message_ids", HERALD_JSON_REQUIRED, &array, error) ||
      !herald_json_read_string (&top, "device_id", HERALD_JSON_OPTIONAL, &self->device_id, error) ||
      !herald_json_read_object (&top, "stats", HERALD_JSON_REQUIRED, &stats, &stats_path, error) ||
      !herald_json_read_uint (&stats, "total", G_MAXINT32, &self->total, error) ||
      !herald_json_read_uint (&stats, "valid", G_MAXINT32, &self->valid, error) ||
      !herald_json_read_uint (&stats, "invalid", G_MAXINT32, &self->invalid, error) ||
      !herald_json_read_uint (&stats, "queued", G_MAXINT32, &self->queued, error) ||
      (self->message_ids = herald_json_read_strv (&top, "message_ids", HERALD_FLIXYSMS_REQUIRED_TEXT, error)) == NULL)
    return NULL;

  self->n_message_ids = g_strv_length (self->message_ids);

  return g_steal_pointer (&self);
}

const char * const *
herald_flixysms_bulk_result_get_message_ids (HeraldFlixysmsBulkResult *self,
                                             guint                    *n_ids)
{
  if (n_ids != NULL)
    *n_ids = self->n_message_ids;

  return (const char * const *) self->message_ids;
}

const char *
herald_flixysms_bulk_result_get_device_id (HeraldFlixysmsBulkResult *self)
{
  return self->device_id;
}

guint
herald_flixysms_bulk_result_get_total (HeraldFlixysmsBulkResult *self)
{
  return self->total;
}

guint
herald_flixysms_bulk_result_get_valid (HeraldFlixysmsBulkResult *self)
{
  return self->valid;
}

guint
herald_flixysms_bulk_result_get_invalid (HeraldFlixysmsBulkResult *self)
{
  return self->invalid;
}

guint
herald_flixysms_bulk_result_get_queued (HeraldFlixysmsBulkResult *self)
{
  return self->queued;
}

/* HeraldFlixysmsMessageStatus */

struct _HeraldFlixysmsMessageStatus
{
  char      *message_id;
  char      *status;
  GDateTime *delivered_at;
  char      *device_id;
};

static void
message_status_clear (gpointer data)
{
  HeraldFlixysmsMessageStatus *self = data;

  g_free (self->message_id);
  g_free (self->status);
  g_clear_pointer (&self->delivered_at, g_date_time_unref);
  g_free (self->device_id);
}

HeraldFlixysmsMessageStatus *
herald_flixysms_message_status_ref (HeraldFlixysmsMessageStatus *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
herald_flixysms_message_status_unref (HeraldFlixysmsMessageStatus *self)
{
  g_atomic_rc_box_release_full (self, message_status_clear);
}

G_DEFINE_BOXED_TYPE (HeraldFlixysmsMessageStatus, herald_flixysms_message_status,
                     herald_flixysms_message_status_ref, herald_flixysms_message_status_unref)

HeraldFlixysmsMessageStatus *
herald_flixysms_message_status_parse (JsonNode  *root,
                                      GError   **error)
{
  g_autoptr(HeraldFlixysmsMessageStatus) self = g_atomic_rc_box_new0 (HeraldFlixysmsMessageStatus);
  g_autofree char *data_path = NULL;
  HeraldJsonCursor top, data;

  if (!_herald_flixysms_read_root (root, "status", &top, error) ||
      !herald_json_read_object (&top, "data", HERALD_JSON_REQUIRED, &data, &data_path, error) ||
      !herald_json_read_string (&data, "message_id", HERALD_FLIXYSMS_REQUIRED_TEXT, &self->message_id, error) ||
      !herald_json_read_string (&data, "status", HERALD_FLIXYSMS_REQUIRED_TEXT, &self->status, error) ||
      !herald_json_read_time (&data, "delivered_at", HERALD_JSON_OPTIONAL, &self->delivered_at, error) ||
      !herald_json_read_string (&data, "device_id", HERALD_JSON_OPTIONAL, &self->device_id, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
herald_flixysms_message_status_get_message_id (HeraldFlixysmsMessageStatus *self)
{
  return self->message_id;
}

const char *
herald_flixysms_message_status_get_status (HeraldFlixysmsMessageStatus *self)
{
  return self->status;
}

GDateTime *
herald_flixysms_message_status_get_delivered_at (HeraldFlixysmsMessageStatus *self)
{
  return self->delivered_at;
}

const char *
herald_flixysms_message_status_get_device_id (HeraldFlixysmsMessageStatus *self)
{
  return self->device_id;
}

/* HeraldFlixysmsBulkReport */

typedef struct
{
  char                         *input;
  char                         *number;
  HeraldFlixysmsRecipientState  state;
  char                         *message_id;
  char                         *reason_code;
  char                         *reason;
  guint                         duplicate_of;
} Entry;

struct _HeraldFlixysmsBulkReport
{
  GArray    *entries;       /* Entry */
  GPtrArray *message_ids;   /* char*, NULL-terminated */
  GPtrArray *batches;       /* HeraldFlixysmsBulkResult */
};

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->input);
  g_free (entry->number);
  g_free (entry->message_id);
  g_free (entry->reason_code);
  g_free (entry->reason);
}

static void
bulk_report_clear (gpointer data)
{
  HeraldFlixysmsBulkReport *self = data;

  g_array_unref (self->entries);
  g_ptr_array_unref (self->message_ids);
  g_ptr_array_unref (self->batches);
}

HeraldFlixysmsBulkReport *
herald_flixysms_bulk_report_ref (HeraldFlixysmsBulkReport *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
herald_flixysms_bulk_report_unref (HeraldFlixysmsBulkReport *self)
{
  g_atomic_rc_box_release_full (self, bulk_report_clear);
}

G_DEFINE_BOXED_TYPE (HeraldFlixysmsBulkReport, herald_flixysms_bulk_report,
                     herald_flixysms_bulk_report_ref, herald_flixysms_bulk_report_unref)

HeraldFlixysmsBulkReport *
herald_flixysms_bulk_report_new (void)
{
  HeraldFlixysmsBulkReport *self = g_atomic_rc_box_new0 (HeraldFlixysmsBulkReport);

  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->message_ids = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->batches = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_flixysms_bulk_result_unref);

  return self;
}

static Entry *
get_entry (HeraldFlixysmsBulkReport *self,
           guint                     index)
{
  g_return_val_if_fail (index < self->entries->len, NULL);

  return &g_array_index (self->entries, Entry, index);
}

static guint
add_entry (HeraldFlixysmsBulkReport     *self,
           const char                   *input,
           const char                   *number,
           HeraldFlixysmsRecipientState  state)
{
  guint index = self->entries->len;
  Entry *entry;

  /* filled in place: the array clears new elements and owns them */
  g_array_set_size (self->entries, index + 1);
  entry = &g_array_index (self->entries, Entry, index);
  entry->input = g_strdup (input);
  entry->number = g_strdup (number);
  entry->state = state;

  return index;
}

guint
herald_flixysms_bulk_report_add_invalid (HeraldFlixysmsBulkReport *self,
                                         const char               *input,
                                         const char               *reason_code,
                                         const char               *reason)
{
  guint index = add_entry (self, input, NULL, HERALD_FLIXYSMS_RECIPIENT_INVALID);
  Entry *entry = get_entry (self, index);

  entry->reason_code = g_strdup (reason_code);
  entry->reason = g_strdup (reason);

  return index;
}

guint
herald_flixysms_bulk_report_add_number (HeraldFlixysmsBulkReport *self,
                                        const char               *input,
                                        const char               *number)
{
  g_return_val_if_fail (number != NULL, G_MAXUINT);

  return add_entry (self, input, number, HERALD_FLIXYSMS_RECIPIENT_NOT_SENT);
}

guint
herald_flixysms_bulk_report_add_duplicate (HeraldFlixysmsBulkReport *self,
                                           const char               *input,
                                           const char               *number,
                                           guint                     first)
{
  guint index = add_entry (self, input, number, HERALD_FLIXYSMS_RECIPIENT_DUPLICATE);

  get_entry (self, index)->duplicate_of = first;

  return index;
}

void
herald_flixysms_bulk_report_set_state (HeraldFlixysmsBulkReport     *self,
                                       guint                         index,
                                       HeraldFlixysmsRecipientState  state,
                                       const char                   *message_id)
{
  Entry *entry = get_entry (self, index);

  g_return_if_fail (entry != NULL);
  g_return_if_fail (entry->state == HERALD_FLIXYSMS_RECIPIENT_NOT_SENT);
  g_return_if_fail ((state == HERALD_FLIXYSMS_RECIPIENT_QUEUED) == (message_id != NULL));

  entry->state = state;
  entry->message_id = g_strdup (message_id);
}

void
herald_flixysms_bulk_report_add_batch (HeraldFlixysmsBulkReport *self,
                                       HeraldFlixysmsBulkResult *batch)
{
  g_ptr_array_add (self->batches, herald_flixysms_bulk_result_ref (batch));
  for (guint i = 0; i < batch->n_message_ids; i++)
    g_ptr_array_add (self->message_ids, g_strdup (batch->message_ids[i]));
}

guint
herald_flixysms_bulk_report_get_n_recipients (HeraldFlixysmsBulkReport *self)
{
  return self->entries->len;
}

const char *
herald_flixysms_bulk_report_get_input (HeraldFlixysmsBulkReport *self,
                                       guint                     index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->input : NULL;
}

const char *
herald_flixysms_bulk_report_get_number (HeraldFlixysmsBulkReport *self,
                                        guint                     index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->number : NULL;
}

HeraldFlixysmsRecipientState
herald_flixysms_bulk_report_get_state (HeraldFlixysmsBulkReport *self,
                                       guint                     index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->state : HERALD_FLIXYSMS_RECIPIENT_NOT_SENT;
}

const char *
herald_flixysms_bulk_report_get_message_id (HeraldFlixysmsBulkReport *self,
                                            guint                     index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->message_id : NULL;
}

const char *
herald_flixysms_bulk_report_get_reason (HeraldFlixysmsBulkReport *self,
                                        guint                     index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->reason : NULL;
}

const char *
herald_flixysms_bulk_report_get_reason_code (HeraldFlixysmsBulkReport *self,
                                             guint                     index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->reason_code : NULL;
}

guint
herald_flixysms_bulk_report_get_duplicate_of (HeraldFlixysmsBulkReport *self,
                                              guint                     index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL && entry->state == HERALD_FLIXYSMS_RECIPIENT_DUPLICATE
    ? entry->duplicate_of : G_MAXUINT;
}

guint
herald_flixysms_bulk_report_count (HeraldFlixysmsBulkReport     *self,
                                   HeraldFlixysmsRecipientState  state)
{
  guint count = 0;

  for (guint i = 0; i < self->entries->len; i++)
    count += g_array_index (self->entries, Entry, i).state == state;

  return count;
}

GStrv
herald_flixysms_bulk_report_dup_numbers (HeraldFlixysmsBulkReport     *self,
                                         HeraldFlixysmsRecipientState  state)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  /* a duplicate is its own state, so NOT_SENT never lists a number twice */
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->state == state && entry->number != NULL)
        g_strv_builder_add (builder, entry->number);
    }

  return g_strv_builder_end (builder);
}

const char * const *
herald_flixysms_bulk_report_get_message_ids (HeraldFlixysmsBulkReport *self,
                                             guint                    *n_ids)
{
  static const char * const none[] = { NULL };

  if (n_ids != NULL)
    *n_ids = self->message_ids->len;

  /* an empty GPtrArray may have no storage yet */
  return self->message_ids->len > 0 ? (const char * const *) self->message_ids->pdata : none;
}

guint
herald_flixysms_bulk_report_get_n_batches (HeraldFlixysmsBulkReport *self)
{
  return self->batches->len;
}

HeraldFlixysmsBulkResult *
herald_flixysms_bulk_report_get_batch (HeraldFlixysmsBulkReport *self,
                                       guint                     index)
{
  g_return_val_if_fail (index < self->batches->len, NULL);

  return g_ptr_array_index (self->batches, index);
}
