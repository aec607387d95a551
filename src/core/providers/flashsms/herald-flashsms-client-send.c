/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flashsms"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-flashsms-client-private.h"
#include "herald-flashsms-types-private.h"
#include "net/herald-provider-error.h"

/* POST /sms/send: numbers normalised and checked, split into requests of
 * at most 1,000, the answers aggregated into one result. */

/* ---- the endpoints ------------------------------------------------------------------------- */

static const HeraldRestEndpoint send_sms = {
  .route = "POST /sms/send", .http_flags = HERALD_HTTP_NOT_IDEMPOTENT,
  .parse = (HeraldRestParseFunc) herald_flashsms_send_result_parse,
  .free_func = (GDestroyNotify) herald_flashsms_send_result_unref,
};

/* ---- POST /sms/send ------------------------------------------------------------------------ */

typedef struct
{
  HeraldFlashsmsSendResult *result;
  GPtrArray                *bodies;          /* JsonNode, one per request */
  GPtrArray                *batch_phones;    /* GStrv per request */
  GPtrArray                *batch_contacts;  /* GStrv per request */
  GHashTable               *input_for_phone; /* FlashSMS form → as typed */
  guint                     parts;
  gboolean                  has_expansion;   /* groups or all contacts, in the first request */
  guint                     next;
} SendData;

static void
send_data_free (gpointer data)
{
  SendData *send = data;

  g_clear_pointer (&send->result, herald_flashsms_send_result_unref);
  g_ptr_array_unref (send->bodies);
  g_ptr_array_unref (send->batch_phones);
  g_ptr_array_unref (send->batch_contacts);
  g_hash_table_unref (send->input_for_phone);
  g_free (send);
}

static void
add_string_array (JsonBuilder        *builder,
                  const char         *name,
                  const char * const *values,
                  guint               n_values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_values; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static JsonNode *
send_body_new (const HeraldFlashsmsOutgoing *outgoing,
               const char * const           *phones,
               guint                         n_phones,
               const char * const           *contacts,
               guint                         n_contacts,
               gboolean                      with_expansion)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const char * const *groups = herald_flashsms_outgoing_get_groups (outgoing);
  guint n_groups = g_strv_length ((char **) groups);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, herald_flashsms_outgoing_get_message (outgoing));

  if (n_phones > 0)
    add_string_array (builder, "recipients", phones, n_phones);
  if (n_contacts > 0)
    add_string_array (builder, "contactIds", contacts, n_contacts);

  if (with_expansion)
    {
      /* One group as groupId, as the document's own example sends it. */
      if (n_groups == 1)
        {
          json_builder_set_member_name (builder, "groupId");
          json_builder_add_string_value (builder, groups[0]);
        }
      else if (n_groups > 1)
        add_string_array (builder, "groupIds", groups, n_groups);

      if (herald_flashsms_outgoing_get_all_contacts (outgoing))
        {
          json_builder_set_member_name (builder, "sendToAllContacts");
          json_builder_add_boolean_value (builder, TRUE);
        }
    }

  if (herald_flashsms_outgoing_get_sender_id (outgoing) != NULL)
    {
      json_builder_set_member_name (builder, "senderId");
      json_builder_add_string_value (builder, herald_flashsms_outgoing_get_sender_id (outgoing));
    }

  if (herald_flashsms_outgoing_get_campaign_name (outgoing) != NULL)
    {
      json_builder_set_member_name (builder, "campaignName");
      json_builder_add_string_value (builder, herald_flashsms_outgoing_get_campaign_name (outgoing));
    }

  if (herald_flashsms_outgoing_get_schedule (outgoing) != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (herald_flashsms_outgoing_get_schedule (outgoing));
      g_autofree char *when = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

      json_builder_set_member_name (builder, "isScheduled");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "scheduleDate");
      json_builder_add_string_value (builder, when);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* A GStrv of @array[@start, @start + @n). */
static GStrv
strv_slice (GPtrArray *array,
            guint      start,
            guint      n)
{
  GStrv strv = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    strv[i] = g_strdup (g_ptr_array_index (array, start + i));

  return strv;
}

/* Everything from request @from on, for the result of a failed split send. */
static GStrv
collect_unsent (GPtrArray *batches,
                guint      from)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = from; i < batches->len; i++)
    g_strv_builder_addv (builder, (const char **) g_ptr_array_index (batches, i));

  return g_strv_builder_end (builder);
}

static void send_next (GTask *task);

static void
send_batch_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *send = g_task_get_task_data (task);
  g_autoptr(HeraldFlashsmsSendResult) part = NULL;
  GError *error = NULL;

  part = herald_rest_call_finish (HERALD_FLASHSMS_CLIENT (source), result, &send_sms, &error);
  if (part != NULL)
    {
      _herald_flashsms_send_result_merge (send->result, part, send->input_for_phone);
      send->next++;
      send_next (g_steal_pointer (&task));
      return;
    }

  /* FlashSMS says how many credits one request needs; when it does not,
   * say what the rest of this send needs, if groups do not hide it. */
  if (g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED) &&
      herald_provider_error_get_credits_needed (error) < 0 &&
      !(send->next == 0 && send->has_expansion))
    {
      guint64 recipients = 0;

      for (guint i = send->next; i < send->bodies->len; i++)
        recipients += g_strv_length (g_ptr_array_index (send->batch_phones, i)) +
                      g_strv_length (g_ptr_array_index (send->batch_contacts, i));
      herald_provider_error_set_credits (error, (gint64) (recipients * send->parts),
                                         herald_provider_error_get_balance (error));
    }

  if (send->next == 0)
    {
      g_task_return_error (task, error);
      return;
    }

  {
    g_auto(GStrv) unsent_phones = collect_unsent (send->batch_phones, send->next);
    g_auto(GStrv) unsent_contacts = collect_unsent (send->batch_contacts, send->next);

    g_debug ("send: request %u of %u failed: %s", send->next + 1, send->bodies->len, error->message);
    _herald_flashsms_send_result_set_failure (send->result, error,
                                              (const char * const *) unsent_phones,
                                              (const char * const *) unsent_contacts);
    g_error_free (error);
    g_task_return_pointer (task, g_steal_pointer (&send->result),
                           (GDestroyNotify) herald_flashsms_send_result_unref);
  }
}

static void
send_next (GTask *task)
{
  HeraldFlashsmsClient *self = g_task_get_source_object (task);
  SendData *send = g_task_get_task_data (task);

  if (send->next >= send->bodies->len)
    {
      g_task_return_pointer (task, g_steal_pointer (&send->result),
                             (GDestroyNotify) herald_flashsms_send_result_unref);
      g_object_unref (task);
      return;
    }

  /* Never repeated by the transport once it may have reached FlashSMS. */
  herald_rest_call (self, &send_sms, NULL, NULL, g_ptr_array_index (send->bodies, send->next),
                    g_task_get_cancellable (task), send_batch_done, task);
}

void
herald_flashsms_client_send_async (HeraldFlashsmsClient   *self,
                                   HeraldFlashsmsOutgoing *outgoing,
                                   GCancellable           *cancellable,
                                   GAsyncReadyCallback     callback,
                                   gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) phones = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *recipients;
  const char * const *contact_ids;
  SendData *send;
  GError *error;
  guint n_explicit;

  g_return_if_fail (HERALD_IS_FLASHSMS_CLIENT (self));
  g_return_if_fail (outgoing != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_flashsms_client_send_async);

  send = g_new0 (SendData, 1);
  send->result = _herald_flashsms_send_result_new ();
  send->bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  send->batch_phones = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  send->batch_contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  send->input_for_phone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_task_set_task_data (task, send, send_data_free);

  error = _herald_flashsms_check_message (herald_flashsms_outgoing_get_message (outgoing), &send->parts);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  recipients = herald_flashsms_outgoing_get_recipients (outgoing);
  contact_ids = herald_flashsms_outgoing_get_contacts (outgoing);
  send->has_expansion = herald_flashsms_outgoing_get_groups (outgoing)[0] != NULL ||
                        herald_flashsms_outgoing_get_all_contacts (outgoing);

  if (recipients[0] == NULL && contact_ids[0] == NULL && !send->has_expansion)
    {
      g_task_return_new_error (task, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                               _("The message has no recipients."));
      return;
    }

  /* Normalised once, each number once: a duplicate typed two ways is one
   * recipient, and one that cannot take an SMS is reported, not sent. */
  for (guint i = 0; recipients[i] != NULL; i++)
    {
      g_autofree char *reason = NULL;
      char *phone = _herald_flashsms_client_format_phone (self, recipients[i],
                                                          HERALD_PHONE_NUMBER_REQUIRE_MOBILE,
                                                          &reason, NULL);

      if (phone == NULL)
        {
          _herald_flashsms_send_result_add_invalid (send->result, recipients[i], reason);
          continue;
        }
      if (g_hash_table_contains (send->input_for_phone, phone))
        {
          g_free (phone);
          continue;
        }
      g_hash_table_insert (send->input_for_phone, g_strdup (phone), g_strdup (recipients[i]));
      g_ptr_array_add (phones, phone);
    }

  for (guint i = 0; contact_ids[i] != NULL; i++)
    if (contact_ids[i][0] != '\0' && g_hash_table_add (seen, (gpointer) contact_ids[i]))
      g_ptr_array_add (contacts, g_strdup (contact_ids[i]));

  /* Requests of at most 1,000 numbers and contact ids, numbers first;
   * groups and "all contacts" go with the first (FlashSMS expands them). */
  n_explicit = phones->len + contacts->len;
  for (guint start = 0; start < n_explicit || (start == 0 && send->has_expansion);
       start += HERALD_FLASHSMS_MAX_SEND_RECIPIENTS)
    {
      guint end = MIN (start + HERALD_FLASHSMS_MAX_SEND_RECIPIENTS, n_explicit);
      guint phone_start = MIN (start, phones->len);
      guint phone_end = MIN (end, phones->len);
      guint contact_start = start > phones->len ? start - phones->len : 0;
      guint contact_end = end > phones->len ? end - phones->len : 0;
      g_auto(GStrv) batch_phones = strv_slice (phones, phone_start, phone_end - phone_start);
      g_auto(GStrv) batch_contacts = strv_slice (contacts, contact_start, contact_end - contact_start);

      g_ptr_array_add (send->bodies,
                       send_body_new (outgoing,
                                      (const char * const *) batch_phones, phone_end - phone_start,
                                      (const char * const *) batch_contacts, contact_end - contact_start,
                                      start == 0));
      g_ptr_array_add (send->batch_phones, g_steal_pointer (&batch_phones));
      g_ptr_array_add (send->batch_contacts, g_steal_pointer (&batch_contacts));
    }

  /* Every number was invalid: nothing to ask FlashSMS, the result says why. */
  send_next (g_steal_pointer (&task));
}

HeraldFlashsmsSendResult *
herald_flashsms_client_send_finish (HeraldFlashsmsClient  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (HERALD_IS_FLASHSMS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
