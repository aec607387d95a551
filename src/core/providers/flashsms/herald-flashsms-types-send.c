/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flashsms"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-flashsms-types-private.h"
#include "herald-getter-private.h"

/* What is sent (HeraldFlashsmsOutgoing) and what a send returns
 * (HeraldFlashsmsSendResult), including the result of a send split into
 * several requests. */

#define MAX_SAFE_INTEGER HERALD_FLASHSMS_MAX_SAFE_INTEGER

/* ---- what to send -------------------------------------------------------------- */

struct _HeraldFlashsmsOutgoing
{
  gatomicrefcount  ref_count;

  char            *message;
  GPtrArray       *recipients;   /* NULL-terminated, as given */
  GPtrArray       *groups;
  GPtrArray       *contacts;
  gboolean         all_contacts;
  char            *sender_id;
  char            *campaign_name;
  GDateTime       *schedule;
};

G_DEFINE_BOXED_TYPE (HeraldFlashsmsOutgoing, herald_flashsms_outgoing,
                     herald_flashsms_outgoing_ref, herald_flashsms_outgoing_unref)

HeraldFlashsmsOutgoing *
herald_flashsms_outgoing_new (const char *message)
{
  HeraldFlashsmsOutgoing *self = g_new0 (HeraldFlashsmsOutgoing, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->message = g_strdup (message);
  self->recipients = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->groups = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->contacts = g_ptr_array_new_null_terminated (1, g_free, TRUE);

  return self;
}

HeraldFlashsmsOutgoing *
herald_flashsms_outgoing_ref (HeraldFlashsmsOutgoing *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_flashsms_outgoing_unref (HeraldFlashsmsOutgoing *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->message);
  g_ptr_array_unref (self->recipients);
  g_ptr_array_unref (self->groups);
  g_ptr_array_unref (self->contacts);
  g_free (self->sender_id);
  g_free (self->campaign_name);
  g_clear_pointer (&self->schedule, g_date_time_unref);
  g_free (self);
}

void
herald_flashsms_outgoing_add_recipient (HeraldFlashsmsOutgoing *self,
                                        const char             *number)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (number != NULL);

  g_ptr_array_add (self->recipients, g_strdup (number));
}

void
herald_flashsms_outgoing_add_group (HeraldFlashsmsOutgoing *self,
                                    const char             *group_id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (group_id != NULL);

  g_ptr_array_add (self->groups, g_strdup (group_id));
}

void
herald_flashsms_outgoing_add_contact (HeraldFlashsmsOutgoing *self,
                                      const char             *contact_id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (contact_id != NULL);

  g_ptr_array_add (self->contacts, g_strdup (contact_id));
}

void
herald_flashsms_outgoing_set_all_contacts (HeraldFlashsmsOutgoing *self,
                                           gboolean                all_contacts)
{
  g_return_if_fail (self != NULL);

  self->all_contacts = !!all_contacts;
}

static void
set_string (char       **field,
            const char  *value)
{
  char *copy = value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;

  g_free (*field);
  *field = copy;
}

void
herald_flashsms_outgoing_set_sender_id (HeraldFlashsmsOutgoing *self,
                                        const char             *sender_id)
{
  g_return_if_fail (self != NULL);

  set_string (&self->sender_id, sender_id);
}

void
herald_flashsms_outgoing_set_campaign_name (HeraldFlashsmsOutgoing *self,
                                            const char             *campaign_name)
{
  g_return_if_fail (self != NULL);

  set_string (&self->campaign_name, campaign_name);
}

void
herald_flashsms_outgoing_set_schedule (HeraldFlashsmsOutgoing *self,
                                       GDateTime              *when)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->schedule, g_date_time_unref);
  if (when != NULL)
    self->schedule = g_date_time_ref (when);
}

HERALD_DEFINE_GETTER (const char *, herald_flashsms_outgoing_get_message, const HeraldFlashsmsOutgoing, message, NULL)

const char * const *
herald_flashsms_outgoing_get_recipients (const HeraldFlashsmsOutgoing *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->recipients->pdata;
}

const char * const *
herald_flashsms_outgoing_get_groups (const HeraldFlashsmsOutgoing *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->groups->pdata;
}

const char * const *
herald_flashsms_outgoing_get_contacts (const HeraldFlashsmsOutgoing *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->contacts->pdata;
}

HERALD_DEFINE_GETTER (gboolean, herald_flashsms_outgoing_get_all_contacts, const HeraldFlashsmsOutgoing, all_contacts, FALSE)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_outgoing_get_sender_id, const HeraldFlashsmsOutgoing, sender_id, NULL)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_outgoing_get_campaign_name, const HeraldFlashsmsOutgoing, campaign_name, NULL)
HERALD_DEFINE_GETTER (GDateTime *, herald_flashsms_outgoing_get_schedule, const HeraldFlashsmsOutgoing, schedule, NULL)

/* ---- POST /sms/send ---------------------------------------------------------- */

struct _HeraldFlashsmsSendResult
{
  gatomicrefcount  ref_count;

  GPtrArray       *message_ids;    /* NULL-terminated */
  guint            recipients_sent;
  gint64           credits_used;
  gint64           remaining_credits;
  gboolean         scheduled;
  GDateTime       *schedule_date;
  GArray          *invalid;        /* HeraldFlashsmsInvalidRecipient */

  GError          *error;
  GStrv            unsent_recipients;
  GStrv            unsent_contact_ids;
};

G_DEFINE_BOXED_TYPE (HeraldFlashsmsSendResult, herald_flashsms_send_result,
                     herald_flashsms_send_result_ref, herald_flashsms_send_result_unref)

static void
invalid_recipient_clear (gpointer data)
{
  HeraldFlashsmsInvalidRecipient *invalid = data;

  g_clear_pointer (&invalid->input, g_free);
  g_clear_pointer (&invalid->reason, g_free);
}

HeraldFlashsmsSendResult *
_herald_flashsms_send_result_new (void)
{
  HeraldFlashsmsSendResult *self = g_new0 (HeraldFlashsmsSendResult, 1);
  const char * const empty[] = { NULL };

  g_atomic_ref_count_init (&self->ref_count);
  self->message_ids = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->invalid = g_array_new (FALSE, TRUE, sizeof (HeraldFlashsmsInvalidRecipient));
  g_array_set_clear_func (self->invalid, invalid_recipient_clear);
  self->remaining_credits = -1;
  self->unsent_recipients = g_strdupv ((char **) empty);
  self->unsent_contact_ids = g_strdupv ((char **) empty);

  return self;
}

HeraldFlashsmsSendResult *
herald_flashsms_send_result_ref (HeraldFlashsmsSendResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_flashsms_send_result_unref (HeraldFlashsmsSendResult *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_ptr_array_unref (self->message_ids);
  g_clear_pointer (&self->schedule_date, g_date_time_unref);
  g_array_unref (self->invalid);
  g_clear_error (&self->error);
  g_strfreev (self->unsent_recipients);
  g_strfreev (self->unsent_contact_ids);
  g_free (self);
}

void
_herald_flashsms_send_result_add_invalid (HeraldFlashsmsSendResult *self,
                                          const char               *input,
                                          const char               *reason)
{
  HeraldFlashsmsInvalidRecipient invalid = { g_strdup (input), g_strdup (reason) };

  g_array_append_val (self->invalid, invalid);
}

/* FlashSMS documents invalidRecipients only as an empty list: an entry may
 * be the number itself or an object naming it (and maybe why). */
static gboolean
read_server_invalid (const HeraldJsonCursor      *data,
                     HeraldFlashsmsSendResult    *self,
                     GError                     **error)
{
  JsonArray *array;

  if (!herald_json_read_array (data, "invalidRecipients", HERALD_JSON_OPTIONAL, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *path = NULL;
      g_autofree char *phone = NULL;
      g_autofree char *reason = NULL;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
          g_utf8_validate (json_node_get_string (node), -1, NULL))
        {
          _herald_flashsms_send_result_add_invalid (self, json_node_get_string (node),
                                                    "rejected-by-server");
          continue;
        }

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          HeraldJsonCursor item = { data->rules, data->label, NULL, json_node_get_object (node) };
          static const char * const phone_names[] = { "phone", "recipient", "number", "input", NULL };
          static const char * const reason_names[] = { "reason", "error", "message", NULL };

          path = g_strdup_printf ("%s.invalidRecipients[%u]", data->path, i);
          item.path = path;
          for (guint k = 0; phone == NULL && phone_names[k] != NULL; k++)
            if (!herald_json_read_string (&item, phone_names[k], HERALD_JSON_OPTIONAL, &phone, error))
              return FALSE;
          for (guint k = 0; reason == NULL && reason_names[k] != NULL; k++)
            if (!herald_json_read_string (&item, reason_names[k], HERALD_JSON_OPTIONAL, &reason, error))
              return FALSE;
          if (phone == NULL)
            return herald_json_fail (&item, "phone", HERALD_JSON_PROBLEM_MISSING, error);
          _herald_flashsms_send_result_add_invalid (self, phone,
                                                    reason != NULL ? reason : "rejected-by-server");
          continue;
        }

      path = g_strdup_printf ("%s.invalidRecipients[%u]", data->path, i);
      g_propagate_error (error, _herald_flashsms_malformed (data->label, path, NULL,
                                                            _("a phone number")));
      return FALSE;
    }

  return TRUE;
}

HeraldFlashsmsSendResult *
herald_flashsms_send_result_parse (JsonNode  *root,
                                   GError   **error)
{
  g_autoptr(HeraldFlashsmsSendResult) self = _herald_flashsms_send_result_new ();
  g_autofree char *message_id = NULL;
  HeraldJsonCursor data;
  gint64 sent = 0;

  if (!_herald_flashsms_read_envelope (root, "POST /sms/send", &data, error) ||
      !herald_json_read_string (&data, "messageId", HERALD_JSON_REQUIRED, &message_id, error) ||
      !herald_json_read_int (&data, "recipientsSent", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &sent, error) ||
      !read_server_invalid (&data, self, error) ||
      !herald_json_read_int (&data, "creditsUsed", HERALD_JSON_REQUIRED, 0, MAX_SAFE_INTEGER, &self->credits_used, error) ||
      !herald_json_read_int (&data, "remainingCredits", HERALD_JSON_REQUIRED, -MAX_SAFE_INTEGER, MAX_SAFE_INTEGER,
                                  &self->remaining_credits, error) ||
      !herald_json_read_bool (&data, "scheduled", HERALD_JSON_OPTIONAL, &self->scheduled, error) ||
      !herald_json_read_time (&data, "scheduleDate", HERALD_JSON_OPTIONAL, &self->schedule_date, error))
    return NULL;

  g_ptr_array_add (self->message_ids, g_steal_pointer (&message_id));
  self->recipients_sent = (guint) sent;

  return g_steal_pointer (&self);
}

void
_herald_flashsms_send_result_merge (HeraldFlashsmsSendResult *self,
                                    HeraldFlashsmsSendResult *part,
                                    GHashTable               *input_for_phone)
{
  for (guint i = 0; i < part->message_ids->len; i++)
    g_ptr_array_add (self->message_ids, g_strdup (g_ptr_array_index (part->message_ids, i)));
  self->recipients_sent += part->recipients_sent;
  self->credits_used += part->credits_used;
  self->remaining_credits = part->remaining_credits;
  self->scheduled = self->scheduled || part->scheduled;
  if (self->schedule_date == NULL && part->schedule_date != NULL)
    self->schedule_date = g_date_time_ref (part->schedule_date);

  /* Report refusals with what the caller typed, not the form we sent. */
  for (guint i = 0; i < part->invalid->len; i++)
    {
      const HeraldFlashsmsInvalidRecipient *invalid =
        &g_array_index (part->invalid, HeraldFlashsmsInvalidRecipient, i);
      const char *input = NULL;

      if (input_for_phone != NULL)
        input = g_hash_table_lookup (input_for_phone, invalid->input);
      _herald_flashsms_send_result_add_invalid (self, input != NULL ? input : invalid->input,
                                                invalid->reason);
    }
}

void
_herald_flashsms_send_result_set_failure (HeraldFlashsmsSendResult *self,
                                          const GError             *error,
                                          const char * const       *unsent_recipients,
                                          const char * const       *unsent_contact_ids)
{
  const char * const empty[] = { NULL };

  g_clear_error (&self->error);
  self->error = g_error_copy (error);
  g_strfreev (self->unsent_recipients);
  g_strfreev (self->unsent_contact_ids);
  self->unsent_recipients = g_strdupv ((char **) (unsent_recipients != NULL ? unsent_recipients : empty));
  self->unsent_contact_ids = g_strdupv ((char **) (unsent_contact_ids != NULL ? unsent_contact_ids : empty));
}

const char * const *
herald_flashsms_send_result_get_message_ids (const HeraldFlashsmsSendResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->message_ids->pdata;
}

HERALD_DEFINE_GETTER (guint, herald_flashsms_send_result_get_recipients_sent, const HeraldFlashsmsSendResult, recipients_sent, 0)
HERALD_DEFINE_GETTER (gint64, herald_flashsms_send_result_get_credits_used, const HeraldFlashsmsSendResult, credits_used, 0)
HERALD_DEFINE_GETTER (gint64, herald_flashsms_send_result_get_remaining_credits, const HeraldFlashsmsSendResult, remaining_credits, -1)
HERALD_DEFINE_GETTER (gboolean, herald_flashsms_send_result_get_scheduled, const HeraldFlashsmsSendResult, scheduled, FALSE)
HERALD_DEFINE_GETTER (GDateTime *, herald_flashsms_send_result_get_schedule_date, const HeraldFlashsmsSendResult, schedule_date, NULL)

const HeraldFlashsmsInvalidRecipient *
herald_flashsms_send_result_get_invalid (const HeraldFlashsmsSendResult *self,
                                         guint                          *n_invalid)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_invalid != NULL)
    *n_invalid = self->invalid->len;

  return self->invalid->len > 0 ? (const HeraldFlashsmsInvalidRecipient *) self->invalid->data : NULL;
}

HERALD_DEFINE_GETTER (const GError *, herald_flashsms_send_result_get_error, const HeraldFlashsmsSendResult, error, NULL)

const char * const *
herald_flashsms_send_result_get_unsent_recipients (const HeraldFlashsmsSendResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->unsent_recipients;
}

const char * const *
herald_flashsms_send_result_get_unsent_contact_ids (const HeraldFlashsmsSendResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->unsent_contact_ids;
}
