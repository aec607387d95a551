/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The FlashSMS fake's routes: what every request meets (key, rate limit,
 * content type), the route table and the 15 handlers. The rules they follow
 * are listed at the top of herald-fake-flashsms.c. */
#define G_LOG_DOMAIN "herald-fake-flashsms"

#include <stdio.h>
#include <string.h>

#include "herald-fake-flashsms-private.h"
#include "text/herald-sms-text.h"

/* ---- answering ------------------------------------------------------------------ */

static void
respond_node (Call     *call,
              guint     status,
              JsonNode *root)
{
  char *text = json_to_string (root, FALSE);
  gsize length = strlen (text);

  soup_server_message_set_status (call->msg, status, NULL);
  soup_server_message_set_response (call->msg, "application/json", SOUP_MEMORY_TAKE, text, length);
  call->record->status = status;
}

/* @data: (transfer full) */
static void
respond_data (Call       *call,
              JsonObject *data)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_boolean_member (root, "success", TRUE);
  json_object_set_object_member (root, "data", data);
  json_node_set_object (node, root);
  respond_node (call, SOUP_STATUS_OK, node);
}

/* @extra: (transfer full) (nullable): machine-readable members, left out
 * with minimal errors. */
G_GNUC_PRINTF (4, 5)
static void
respond_error (Call       *call,
               guint       status,
               JsonObject *extra,
               const char *format,
               ...)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) owned_extra = extra;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  json_object_set_boolean_member (root, "success", FALSE);
  json_object_set_string_member (root, "error", message);
  if (owned_extra != NULL && !call->self->minimal_errors)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, owned_extra);
      while (json_object_iter_next (&iter, &name, &member))
        json_object_set_member (root, name, json_node_copy (member));
    }
  json_node_set_object (node, root);
  respond_node (call, status, node);
}

static gboolean
require_scope (Call       *call,
               const char *scope)
{
  JsonObject *extra;

  if (g_strv_contains ((const char * const *) call->key->scopes, scope))
    return TRUE;

  extra = json_object_new ();
  json_object_set_string_member (extra, "requiredPermission", scope);
  respond_error (call, SOUP_STATUS_FORBIDDEN, extra,
                 "This API key does not have the %s permission", scope);

  return FALSE;
}

/* ---- request bodies ------------------------------------------------------------- */

static gboolean
require_body (Call *call)
{
  if (call->body != NULL)
    return TRUE;

  respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "Request body must be a JSON object");

  return FALSE;
}

static gboolean
body_string (Call        *call,
             const char  *name,
             gboolean     required,
             const char **out)
{
  JsonNode *node = json_object_get_member (call->body, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "%s is required", name);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "%s must be a string", name);
      return FALSE;
    }

  *out = json_node_get_string (node);
  if (required && (*out)[0] == '\0')
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "%s must not be empty", name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
body_bool (Call       *call,
           const char *name,
           gboolean   *out)
{
  JsonNode *node = json_object_get_member (call->body, name);

  *out = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "%s must be a boolean", name);
      return FALSE;
    }

  *out = json_node_get_boolean (node);

  return TRUE;
}

static gboolean
body_strings (Call        *call,
              const char  *name,
              JsonArray  **out)
{
  JsonNode *node = json_object_get_member (call->body, name);
  JsonArray *array;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "%s must be an array of strings", name);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "%s must be an array of strings", name);
          return FALSE;
        }
    }

  *out = array;

  return TRUE;
}

static gboolean
body_integer (Call       *call,
              const char *name,
              gint64     *out)
{
  JsonNode *node = json_object_get_member (call->body, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "%s is required", name);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "%s must be an integer", name);
      return FALSE;
    }

  *out = json_node_get_int (node);

  return TRUE;
}

/* ---- query strings --------------------------------------------------------------- */

static gboolean
query_count (Call       *call,
             const char *name,
             guint       fallback,
             guint       max,
             guint      *out)
{
  const char *text = call->query != NULL ? g_hash_table_lookup (call->query, name) : NULL;
  guint64 value;

  *out = fallback;
  if (text == NULL)
    return TRUE;

  if (text[0] == '\0' || strlen (text) > 9 || !fake_flashsms_all_digits (text, strlen (text)) ||
      (value = g_ascii_strtoull (text, NULL, 10)) < 1 || value > max)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                     "%s must be an integer between 1 and %u", name, max);
      return FALSE;
    }

  *out = (guint) value;

  return TRUE;
}

static gboolean
query_time (Call       *call,
            const char *name,
            gboolean    end_of_day,
            gint64     *out)
{
  const char *text = call->query != NULL ? g_hash_table_lookup (call->query, name) : NULL;

  *out = 0;
  if (text == NULL)
    return TRUE;

  *out = fake_flashsms_parse_time (text, end_of_day);
  if (*out == 0)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "%s must be an ISO 8601 date", name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_paging (Call  *call,
              guint  default_limit,
              guint  max_limit,
              guint *page,
              guint *limit)
{
  return query_count (call, "page", 1, G_MAXINT32, page) &&
         query_count (call, "limit", default_limit, max_limit, limit);
}

/* Items [offset, offset + limit) of @all and the pagination object. */
static JsonObject *
paginate (GPtrArray *all,
          guint      page,
          guint      limit,
          guint     *first,
          guint     *last)
{
  JsonObject *pagination = json_object_new ();
  guint total_pages = (all->len + limit - 1) / limit;
  guint64 offset = (guint64) (page - 1) * limit;

  *first = (guint) MIN (offset, (guint64) all->len);
  *last = (guint) MIN (offset + limit, (guint64) all->len);

  json_object_set_int_member (pagination, "page", page);
  json_object_set_int_member (pagination, "limit", limit);
  json_object_set_int_member (pagination, "total", all->len);
  json_object_set_int_member (pagination, "totalPages", total_pages);
  json_object_set_boolean_member (pagination, "hasMore", page < total_pages);

  return pagination;
}

/* ---- SMS ----------------------------------------------------------------------------- */

static gboolean
add_unique (GPtrArray  *phones,
            GHashTable *seen,
            const char *phone)
{
  if (g_hash_table_contains (seen, phone))
    return FALSE;

  g_hash_table_add (seen, g_strdup (phone));
  g_ptr_array_add (phones, g_strdup (phone));

  return TRUE;
}

static gboolean
add_group_members (Call       *call,
                   const char *group_id,
                   GPtrArray  *phones,
                   GHashTable *seen)
{
  HeraldFakeFlashsms *self = call->self;

  if (fake_flashsms_find_group (self, group_id) == NULL)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Group %s not found", group_id);
      return FALSE;
    }

  for (guint i = 0; i < self->contacts->len; i++)
    {
      Contact *contact = g_ptr_array_index (self->contacts, i);

      if (!contact->deleted && g_hash_table_contains (contact->groups, group_id))
        add_unique (phones, seen, contact->phone);
    }

  return TRUE;
}

static const Sender *
pick_sender (HeraldFakeFlashsms *self,
             const char         *name)
{
  for (guint i = 0; i < self->senders->len; i++)
    {
      const Sender *sender = g_ptr_array_index (self->senders, i);

      if (g_str_equal (sender->status, "APPROVED") &&
          (name == NULL || g_str_equal (sender->name, name)))
        return sender;
    }

  return NULL;
}

static void
handle_send (Call       *call,
             const char *id)
{
  HeraldFakeFlashsms *self = call->self;
  const char *text, *sender_name, *campaign, *schedule_text, *group_id;
  JsonArray *recipients, *group_ids, *contact_ids;
  gboolean all_contacts, is_scheduled;
  g_autoptr(GPtrArray) phones = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonArray) invalid = json_array_new ();
  g_autoptr(HeraldSmsAnalysis) analysis = NULL;
  g_autofree char *description = NULL;
  const Sender *sender;
  JsonObject *data;
  Message *message;
  HeraldFakeFlashsmsSent *sent;
  gint64 schedule_at = 0;
  gint64 credits;
  guint n_explicit;

  if (!require_scope (call, "sms:send") || !require_body (call) ||
      !body_string (call, "message", TRUE, &text) ||
      !body_strings (call, "recipients", &recipients) ||
      !body_string (call, "groupId", FALSE, &group_id) ||
      !body_strings (call, "groupIds", &group_ids) ||
      !body_strings (call, "contactIds", &contact_ids) ||
      !body_bool (call, "sendToAllContacts", &all_contacts) ||
      !body_string (call, "senderId", FALSE, &sender_name) ||
      !body_string (call, "campaignName", FALSE, &campaign) ||
      !body_bool (call, "isScheduled", &is_scheduled) ||
      !body_string (call, "scheduleDate", FALSE, &schedule_text))
    return;

  n_explicit = (recipients != NULL ? json_array_get_length (recipients) : 0) +
               (contact_ids != NULL ? json_array_get_length (contact_ids) : 0);
  call->record->n_items = n_explicit;

  if (g_utf8_strlen (text, -1) > MAX_CHARACTERS)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                     "message must be at most %u characters", MAX_CHARACTERS);
      return;
    }
  if (recipients == NULL && group_id == NULL && group_ids == NULL && contact_ids == NULL && !all_contacts)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                     "Provide recipients, groupId, groupIds, contactIds or sendToAllContacts");
      return;
    }
  if (n_explicit > MAX_RECIPIENTS)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                     "At most %u recipients per request", MAX_RECIPIENTS);
      return;
    }

  sender = pick_sender (self, sender_name);
  if (sender == NULL && sender_name != NULL)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                     "Sender ID %s is not approved for this account", sender_name);
      return;
    }
  if (sender == NULL)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "No approved sender ID");
      return;
    }

  if (is_scheduled)
    {
      if (schedule_text == NULL)
        {
          respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                         "scheduleDate is required when isScheduled is true");
          return;
        }
      schedule_at = fake_flashsms_parse_time (schedule_text, FALSE);
      if (schedule_at == 0 || strlen (schedule_text) == 10)
        {
          respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                         "scheduleDate must be an ISO 8601 date and time");
          return;
        }
      if (schedule_at <= fake_flashsms_now_unix ())
        {
          respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                         "scheduleDate must be in the future");
          return;
        }
    }

  for (guint i = 0; recipients != NULL && i < json_array_get_length (recipients); i++)
    {
      const char *input = json_array_get_string_element (recipients, i);
      g_autofree char *phone = fake_flashsms_normalise_phone (input);

      if (phone == NULL)
        json_array_add_string_element (invalid, input);
      else
        add_unique (phones, seen, phone);
    }

  if (group_id != NULL && !add_group_members (call, group_id, phones, seen))
    return;
  for (guint i = 0; group_ids != NULL && i < json_array_get_length (group_ids); i++)
    if (!add_group_members (call, json_array_get_string_element (group_ids, i), phones, seen))
      return;

  for (guint i = 0; contact_ids != NULL && i < json_array_get_length (contact_ids); i++)
    {
      const char *id = json_array_get_string_element (contact_ids, i);
      Contact *contact = fake_flashsms_find_live_contact (self, id);

      if (contact == NULL)
        {
          respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Contact %s not found", id);
          return;
        }
      add_unique (phones, seen, contact->phone);
    }

  for (guint i = 0; all_contacts && i < self->contacts->len; i++)
    {
      Contact *contact = g_ptr_array_index (self->contacts, i);

      if (!contact->deleted)
        add_unique (phones, seen, contact->phone);
    }

  if (phones->len == 0)
    {
      JsonObject *extra = json_object_new ();

      json_object_set_array_member (extra, "invalidRecipients", json_array_ref (invalid));
      {
        respond_error (call, SOUP_STATUS_BAD_REQUEST, extra, "No valid recipients");
        return;
      }
    }

  analysis = herald_sms_analyse (text, -1, NULL);
  if (analysis == NULL)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "message is not valid text");
      return;
    }
  credits = (gint64) herald_sms_analysis_get_parts (analysis) * phones->len;

  if (credits > self->balance)
    {
      JsonObject *extra = json_object_new ();

      json_object_set_int_member (extra, "creditsRequired", credits);
      json_object_set_int_member (extra, "currentBalance", self->balance);
      {
        respond_error (call, SOUP_STATUS_PAYMENT_REQUIRED, extra,
                       "Insufficient credits. Required: %" G_GINT64_FORMAT ", available: %" G_GINT64_FORMAT,
                       credits, self->balance);
        return;
      }
    }

  message = g_new0 (Message, 1);
  message->id = fake_flashsms_new_id (self, "cm");
  message->message = g_strdup (text);
  message->sender_id = g_strdup (sender->name);
  message->campaign_name = g_strdup (campaign);
  message->recipients = g_array_new (FALSE, TRUE, sizeof (Recipient));
  g_array_set_clear_func (message->recipients, fake_flashsms_recipient_clear);
  for (guint i = 0; i < phones->len; i++)
    {
      Recipient r = { g_strdup (g_ptr_array_index (phones, i)), g_strdup ("PENDING") };

      g_array_append_val (message->recipients, r);
    }
  message->parts = herald_sms_analysis_get_parts (analysis);
  message->credits = credits;
  message->created_at = fake_flashsms_now_unix ();
  message->scheduled_at = schedule_at;
  message->sent_at = is_scheduled ? 0 : message->created_at;
  g_ptr_array_add (self->messages, message);

  description = g_strdup_printf ("API SMS: %s (%u recipients)",
                                 campaign != NULL ? campaign : "Quick send", phones->len);
  fake_flashsms_transaction_insert (self, "USAGE", -credits, description, message->id, 0);

  sent = g_new0 (HeraldFakeFlashsmsSent, 1);
  sent->id = g_strdup (message->id);
  sent->message = g_strdup (text);
  sent->sender_id = g_strdup (sender->name);
  sent->campaign_name = g_strdup (campaign);
  g_ptr_array_add (phones, NULL);
  sent->recipients = g_strdupv ((char **) phones->pdata);
  g_ptr_array_remove_index (phones, phones->len - 1);
  sent->parts = message->parts;
  sent->credits = credits;
  sent->scheduled = is_scheduled;
  g_ptr_array_add (self->sent, sent);

  data = json_object_new ();
  json_object_set_string_member (data, "messageId", message->id);
  json_object_set_int_member (data, "recipientsSent", phones->len);
  json_object_set_array_member (data, "invalidRecipients", json_array_ref (invalid));
  json_object_set_int_member (data, "creditsUsed", credits);
  json_object_set_int_member (data, "remainingCredits", self->balance);
  json_object_set_boolean_member (data, "scheduled", is_scheduled);
  fake_flashsms_set_time (data, "scheduleDate", schedule_at);
  respond_data (call, data);
}

static void
handle_estimate (Call       *call,
                 const char *id)
{
  g_autoptr(HeraldSmsAnalysis) analysis = NULL;
  JsonObject *data, *message;
  const char *text;
  gint64 count;
  gint64 credits;

  if (!require_scope (call, "sms:send") || !require_body (call) ||
      !body_string (call, "message", TRUE, &text) ||
      !body_integer (call, "recipientCount", &count))
    return;

  if (count < 1 || count > 10000)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                     "recipientCount must be between 1 and 10,000");
      return;
    }
  if (g_utf8_strlen (text, -1) > MAX_CHARACTERS)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                     "message must be at most %u characters", MAX_CHARACTERS);
      return;
    }

  analysis = herald_sms_analyse (text, -1, NULL);
  if (analysis == NULL)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "message is not valid text");
      return;
    }
  credits = (gint64) herald_sms_analysis_get_parts (analysis) * count;

  message = json_object_new ();
  json_object_set_int_member (message, "length", herald_sms_analysis_get_characters (analysis));
  json_object_set_int_member (message, "parts", herald_sms_analysis_get_parts (analysis));
  json_object_set_string_member (message, "encoding",
                                 herald_sms_encoding_to_string (herald_sms_analysis_get_encoding (analysis)));

  data = json_object_new ();
  json_object_set_object_member (data, "message", message);
  json_object_set_int_member (data, "recipientCount", count);
  json_object_set_int_member (data, "creditsRequired", credits);
  json_object_set_int_member (data, "currentBalance", call->self->balance);
  json_object_set_boolean_member (data, "canAfford", credits <= call->self->balance);
  respond_data (call, data);
}

static void
handle_history (Call       *call,
                const char *id)
{
  HeraldFakeFlashsms *self = call->self;
  g_autoptr(GPtrArray) matching = g_ptr_array_new ();
  static const char * const statuses[] = { "PENDING", "SENT", "DELIVERED", "FAILED", NULL };
  const char *status;
  g_autoptr(JsonArray) messages = json_array_new ();
  JsonObject *data, *pagination;
  guint page, limit, first, last;
  gint64 start, end;

  if (!require_scope (call, "sms:read") ||
      !query_paging (call, 20, 100, &page, &limit) ||
      !query_time (call, "startDate", FALSE, &start) ||
      !query_time (call, "endDate", TRUE, &end))
    return;

  status = call->query != NULL ? g_hash_table_lookup (call->query, "status") : NULL;
  if (status != NULL && !g_strv_contains (statuses, status))
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                     "status must be one of PENDING, SENT, DELIVERED, FAILED");
      return;
    }

  for (guint i = self->messages->len; i > 0; i--)
    {
      Message *message = g_ptr_array_index (self->messages, i - 1);

      if ((status == NULL || g_str_equal (status, fake_flashsms_message_status (self, message, NULL, NULL, NULL))) &&
          (start == 0 || message->created_at >= start) &&
          (end == 0 || message->created_at <= end))
        g_ptr_array_add (matching, message);
    }

  pagination = paginate (matching, page, limit, &first, &last);
  for (guint i = first; i < last; i++)
    json_array_add_object_element (messages, fake_flashsms_message_to_json (self, g_ptr_array_index (matching, i), TRUE));

  data = json_object_new ();
  json_object_set_array_member (data, "messages", json_array_ref (messages));
  json_object_set_object_member (data, "pagination", pagination);
  respond_data (call, data);
}

static void
handle_status (Call       *call,
               const char *id)
{
  Message *message;

  if (!require_scope (call, "sms:read"))
    return;

  message = fake_flashsms_find_message (call->self, id);
  if (message == NULL)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Message not found");
      return;
    }

  respond_data (call, fake_flashsms_message_to_json (call->self, message, FALSE));
}

static void
handle_report (Call       *call,
               const char *id)
{
  g_autoptr(JsonArray) recipients = json_array_new ();
  JsonObject *data, *stats;
  Message *message;
  const char *status;
  guint delivered, failed, pending;
  double rate;

  if (!require_scope (call, "sms:read"))
    return;

  message = fake_flashsms_find_message (call->self, id);
  if (message == NULL)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Message not found");
      return;
    }

  status = fake_flashsms_message_status (call->self, message, &delivered, &failed, &pending);
  for (guint i = 0; i < message->recipients->len; i++)
    {
      const Recipient *r = &g_array_index (message->recipients, Recipient, i);
      JsonObject *entry = json_object_new ();
      gboolean went_out = g_str_equal (r->status, "SENT") || g_str_equal (r->status, "DELIVERED");

      json_object_set_string_member (entry, "phone", r->phone);
      json_object_set_string_member (entry, "status", r->status);
      fake_flashsms_set_time (entry, "sentAt", went_out ? message->sent_at : 0);
      json_array_add_object_element (recipients, entry);
    }

  /* One decimal, as in the document's 66.7. */
  rate = message->recipients->len > 0 ? (double) delivered * 100.0 / message->recipients->len : 0.0;
  rate = (double) (gint64) (rate * 10.0 + 0.5) / 10.0;

  stats = json_object_new ();
  json_object_set_int_member (stats, "delivered", delivered);
  json_object_set_int_member (stats, "failed", failed);
  json_object_set_int_member (stats, "pending", pending);
  json_object_set_double_member (stats, "deliveryRate", rate);

  data = json_object_new ();
  json_object_set_string_member (data, "messageId", message->id);
  json_object_set_string_member (data, "status", status);
  json_object_set_int_member (data, "recipientCount", message->recipients->len);
  json_object_set_array_member (data, "recipients", json_array_ref (recipients));
  json_object_set_object_member (data, "stats", stats);
  respond_data (call, data);
}

static void
handle_balance (Call       *call,
                const char *id)
{
  JsonObject *data;

  if (!require_scope (call, "balance:read"))
    return;

  data = json_object_new ();
  json_object_set_int_member (data, "balance", call->self->balance);
  json_object_set_string_member (data, "currency", "credits");
  json_object_set_string_member (data, "accountName", call->self->account_name);
  json_object_set_string_member (data, "accountPhone", call->self->account_phone);
  respond_data (call, data);
}

/* ---- contacts ------------------------------------------------------------------------ */

static gboolean
contact_matches (const Contact *contact,
                 const char    *search)
{
  g_autofree char *needle = g_utf8_casefold (search, -1);
  g_autofree char *phone_needle = fake_flashsms_normalise_phone (search);
  const char *fields[] = { contact->first_name, contact->last_name, contact->phone };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *hay = fields[i] != NULL ? g_utf8_casefold (fields[i], -1) : NULL;

      if (hay != NULL && strstr (hay, needle) != NULL)
        return TRUE;
    }

  /* "0241234567" finds 233241234567. */
  return phone_needle != NULL && g_str_equal (phone_needle, contact->phone);
}

static void
handle_contacts_list (Call       *call,
                      const char *id)
{
  HeraldFakeFlashsms *self = call->self;
  g_autoptr(GPtrArray) matching = g_ptr_array_new ();
  g_autoptr(JsonArray) contacts = json_array_new ();
  const char *search, *group_id;
  JsonObject *data, *pagination;
  guint page, limit, first, last;

  if (!require_scope (call, "contacts:read") || !query_paging (call, 50, 200, &page, &limit))
    return;

  search = call->query != NULL ? g_hash_table_lookup (call->query, "search") : NULL;
  group_id = call->query != NULL ? g_hash_table_lookup (call->query, "groupId") : NULL;
  if (group_id != NULL && fake_flashsms_find_group (self, group_id) == NULL)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Group %s not found", group_id);
      return;
    }

  for (guint i = self->contacts->len; i > 0; i--)
    {
      Contact *contact = g_ptr_array_index (self->contacts, i - 1);

      if (!contact->deleted &&
          (search == NULL || search[0] == '\0' || contact_matches (contact, search)) &&
          (group_id == NULL || g_hash_table_contains (contact->groups, group_id)))
        g_ptr_array_add (matching, contact);
    }

  pagination = paginate (matching, page, limit, &first, &last);
  for (guint i = first; i < last; i++)
    json_array_add_object_element (contacts, fake_flashsms_contact_to_json (g_ptr_array_index (matching, i)));

  data = json_object_new ();
  json_object_set_array_member (data, "contacts", json_array_ref (contacts));
  json_object_set_object_member (data, "pagination", pagination);
  respond_data (call, data);
}

static void
handle_contact_create (Call       *call,
                       const char *id)
{
  HeraldFakeFlashsms *self = call->self;
  const char *phone, *first_name, *last_name, *email, *group_id;
  g_autofree char *normalised = NULL;

  if (!require_scope (call, "contacts:write") || !require_body (call) ||
      !body_string (call, "phone", TRUE, &phone) ||
      !body_string (call, "firstName", FALSE, &first_name) ||
      !body_string (call, "lastName", FALSE, &last_name) ||
      !body_string (call, "email", FALSE, &email) ||
      !body_string (call, "groupId", FALSE, &group_id))
    return;

  normalised = fake_flashsms_normalise_phone (phone);
  if (normalised == NULL)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                     "Invalid phone number %s: use 0XXXXXXXXX or 233XXXXXXXXX", phone);
      return;
    }
  if (g_hash_table_contains (self->contact_by_phone, normalised))
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                     "A contact with phone %s already exists", normalised);
      return;
    }
  if (group_id != NULL && fake_flashsms_find_group (self, group_id) == NULL)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Group %s not found", group_id);
      return;
    }

  respond_data (call, fake_flashsms_contact_to_json (fake_flashsms_contact_insert (self, normalised, first_name, last_name,
                                                                                   email, group_id)));
}

static void
handle_contact (Call       *call,
                const char *id)
{
  HeraldFakeFlashsms *self = call->self;
  const char *phone, *first_name, *last_name, *email, *group_id;
  g_autofree char *normalised = NULL;
  Contact *contact;

  if (g_str_equal (call->method, "GET"))
    {
      if (!require_scope (call, "contacts:read"))
        return;
    }
  else if (!require_scope (call, "contacts:write"))
    return;

  contact = fake_flashsms_find_live_contact (self, id);
  if (contact == NULL)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Contact not found");
      return;
    }

  if (g_str_equal (call->method, "GET"))
    {
      respond_data (call, fake_flashsms_contact_to_json (contact));
      return;
    }

  if (g_str_equal (call->method, "DELETE"))
    {
      /* Soft delete, as documented: gone from every list and lookup. */
      contact->deleted = TRUE;
      g_hash_table_remove (self->contact_by_phone, contact->phone);
      {
        respond_data (call, fake_flashsms_deleted_json (contact->id));
        return;
      }
    }

  if (!require_body (call) ||
      !body_string (call, "phone", FALSE, &phone) ||
      !body_string (call, "firstName", FALSE, &first_name) ||
      !body_string (call, "lastName", FALSE, &last_name) ||
      !body_string (call, "email", FALSE, &email) ||
      !body_string (call, "groupId", FALSE, &group_id))
    return;

  if (phone != NULL)
    {
      Contact *other;

      normalised = fake_flashsms_normalise_phone (phone);
      if (normalised == NULL)
        {
          respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                         "Invalid phone number %s: use 0XXXXXXXXX or 233XXXXXXXXX", phone);
          return;
        }
      other = g_hash_table_lookup (self->contact_by_phone, normalised);
      if (other != NULL && other != contact)
        {
          respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                         "A contact with phone %s already exists", normalised);
          return;
        }
    }
  if (group_id != NULL && fake_flashsms_find_group (self, group_id) == NULL)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Group %s not found", group_id);
      return;
    }

  if (normalised != NULL)
    {
      g_hash_table_remove (self->contact_by_phone, contact->phone);
      g_free (contact->phone);
      contact->phone = g_steal_pointer (&normalised);
      g_hash_table_insert (self->contact_by_phone, contact->phone, contact);
    }
  if (first_name != NULL)
    fake_flashsms_replace_string (&contact->first_name, first_name);
  if (last_name != NULL)
    fake_flashsms_replace_string (&contact->last_name, last_name);
  if (email != NULL)
    fake_flashsms_replace_string (&contact->email, email);
  if (group_id != NULL)
    g_hash_table_add (contact->groups, g_strdup (group_id));
  contact->updated_at = fake_flashsms_now_unix ();

  respond_data (call, fake_flashsms_contact_to_json (contact));
}

static void
handle_import (Call       *call,
               const char *id)
{
  HeraldFakeFlashsms *self = call->self;
  g_autoptr(GHashTable) in_request = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *node;
  JsonArray *entries;
  const char *group_id;
  JsonObject *data;
  guint created = 0, skipped = 0, invalid = 0, n;

  if (!require_scope (call, "contacts:write") || !require_body (call) ||
      !body_string (call, "groupId", FALSE, &group_id))
    return;

  node = json_object_get_member (call->body, "contacts");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "contacts is required");
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "contacts must be an array of objects");
      return;
    }

  entries = json_node_get_array (node);
  n = json_array_get_length (entries);
  call->record->n_items = n;
  if (n == 0)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "contacts must not be empty");
      return;
    }
  if (n > MAX_IMPORT)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                     "At most %u contacts per import", MAX_IMPORT);
      return;
    }
  if (group_id != NULL && fake_flashsms_find_group (self, group_id) == NULL)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Group %s not found", group_id);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (entries, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *fields[4] = { NULL };
      static const char * const names[4] = { "phone", "firstName", "lastName", "email" };
      g_autofree char *phone = NULL;
      gboolean typed = entry != NULL;
      Contact *existing;

      for (guint f = 0; typed && f < G_N_ELEMENTS (names); f++)
        {
          JsonNode *member = json_object_get_member (entry, names[f]);

          if (member == NULL || JSON_NODE_HOLDS_NULL (member))
            continue;
          if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
            typed = FALSE;
          else
            fields[f] = json_node_get_string (member);
        }

      phone = typed ? fake_flashsms_normalise_phone (fields[0]) : NULL;
      if (phone == NULL)
        {
          invalid++;
          continue;
        }

      existing = g_hash_table_lookup (self->contact_by_phone, phone);
      if (existing != NULL || g_hash_table_contains (in_request, phone))
        {
          if (existing != NULL && group_id != NULL)
            g_hash_table_add (existing->groups, g_strdup (group_id));
          skipped++;
          continue;
        }

      g_hash_table_add (in_request, g_strdup (phone));
      fake_flashsms_contact_insert (self, phone, fields[1], fields[2], fields[3], group_id);
      created++;
    }

  data = json_object_new ();
  json_object_set_int_member (data, "imported", created + skipped);
  json_object_set_int_member (data, "created", created);
  json_object_set_int_member (data, "skipped", skipped);
  json_object_set_int_member (data, "invalid", invalid);
  json_object_set_int_member (data, "total", n);
  respond_data (call, data);
}

static void
handle_groups (Call       *call,
               const char *id)
{
  HeraldFakeFlashsms *self = call->self;
  const char *name;
  Group *group;

  if (g_str_equal (call->method, "GET"))
    {
      g_autoptr(JsonArray) groups = json_array_new ();
      JsonObject *data;

      if (!require_scope (call, "contacts:read"))
        return;
      for (guint i = 0; i < self->groups->len; i++)
        json_array_add_object_element (groups, fake_flashsms_group_to_json (self, g_ptr_array_index (self->groups, i)));
      data = json_object_new ();
      json_object_set_array_member (data, "groups", json_array_ref (groups));
      {
        respond_data (call, data);
        return;
      }
    }

  if (!require_scope (call, "contacts:write") || !require_body (call) ||
      !body_string (call, "name", TRUE, &name))
    return;

  for (guint i = 0; i < self->groups->len; i++)
    if (g_str_equal (((Group *) g_ptr_array_index (self->groups, i))->name, name))
      {
        respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "A group named %s already exists", name);
        return;
      }

  group = g_new0 (Group, 1);
  group->id = fake_flashsms_new_id (self, "grp");
  group->name = g_strdup (name);
  group->created_at = fake_flashsms_now_unix ();
  g_ptr_array_add (self->groups, group);

  respond_data (call, fake_flashsms_group_to_json (self, group));
}

static void
handle_group_delete (Call       *call,
                     const char *id)
{
  HeraldFakeFlashsms *self = call->self;
  g_autofree char *group_id = NULL;
  Group *group;

  if (!require_scope (call, "contacts:write"))
    return;

  group = fake_flashsms_find_group (self, id);
  if (group == NULL)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Group not found");
      return;
    }

  /* Contacts stay; they only leave the group. */
  group_id = g_strdup (group->id);
  for (guint i = 0; i < self->contacts->len; i++)
    g_hash_table_remove (((Contact *) g_ptr_array_index (self->contacts, i))->groups, group_id);
  g_ptr_array_remove (self->groups, group);

  respond_data (call, fake_flashsms_deleted_json (group_id));
}

/* ---- sender IDs, templates, transactions ---------------------------------------------------- */

static void
handle_senders (Call       *call,
                const char *id)
{
  g_autoptr(JsonArray) senders = json_array_new ();
  JsonObject *data;

  if (!require_scope (call, "senders:read"))
    return;

  for (guint i = 0; i < call->self->senders->len; i++)
    {
      Sender *sender = g_ptr_array_index (call->self->senders, i);
      JsonObject *entry;

      if (!g_str_equal (sender->status, "APPROVED"))
        continue;
      entry = json_object_new ();
      json_object_set_string_member (entry, "id", sender->id);
      json_object_set_string_member (entry, "name", sender->name);
      json_object_set_string_member (entry, "status", sender->status);
      fake_flashsms_set_time (entry, "createdAt", sender->created_at);
      fake_flashsms_set_time (entry, "approvedAt", sender->approved_at);
      json_array_add_object_element (senders, entry);
    }

  data = json_object_new ();
  json_object_set_array_member (data, "senderIds", json_array_ref (senders));
  respond_data (call, data);
}

static gboolean
template_name_taken (HeraldFakeFlashsms *self,
                     const char         *name,
                     const Template     *except)
{
  for (guint i = 0; i < self->templates->len; i++)
    {
      Template *template = g_ptr_array_index (self->templates, i);

      if (template != except && g_str_equal (template->name, name))
        return TRUE;
    }

  return FALSE;
}

static void
handle_templates (Call       *call,
                  const char *id)
{
  HeraldFakeFlashsms *self = call->self;
  const char *name, *content;
  Template *template = NULL;

  if (g_str_equal (call->method, "GET"))
    {
      g_autoptr(JsonArray) templates = json_array_new ();
      JsonObject *data;

      if (!require_scope (call, "templates:read"))
        return;
      for (guint i = 0; i < self->templates->len; i++)
        json_array_add_object_element (templates, fake_flashsms_template_to_json (g_ptr_array_index (self->templates, i)));
      data = json_object_new ();
      json_object_set_array_member (data, "templates", json_array_ref (templates));
      {
        respond_data (call, data);
        return;
      }
    }

  if (!require_scope (call, "templates:write"))
    return;

  if (id != NULL)
    {
      template = fake_flashsms_find_template (self, id);
      if (template == NULL)
        {
          respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Template not found");
          return;
        }
    }

  if (g_str_equal (call->method, "DELETE"))
    {
      g_autofree char *deleted_id = g_strdup (template->id);

      g_ptr_array_remove (self->templates, template);
      {
        respond_data (call, fake_flashsms_deleted_json (deleted_id));
        return;
      }
    }

  if (!require_body (call) ||
      !body_string (call, "name", TRUE, &name) ||
      !body_string (call, "content", TRUE, &content))
    return;

  if (template_name_taken (self, name, template))
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "A template named %s already exists", name);
      return;
    }

  if (template == NULL)
    {
      template = g_new0 (Template, 1);
      template->id = fake_flashsms_new_id (self, "tpl");
      template->created_at = fake_flashsms_now_unix ();
      g_ptr_array_add (self->templates, template);
    }
  fake_flashsms_replace_string (&template->name, name);
  fake_flashsms_replace_string (&template->content, content);
  template->updated_at = fake_flashsms_now_unix ();

  respond_data (call, fake_flashsms_template_to_json (template));
}

static void
handle_transactions (Call       *call,
                     const char *id)
{
  HeraldFakeFlashsms *self = call->self;
  static const char * const types[] = { "PURCHASE", "USAGE", "REFUND", "BONUS", "ADJUSTMENT", NULL };
  g_autoptr(GPtrArray) matching = g_ptr_array_new ();
  g_autoptr(JsonArray) transactions = json_array_new ();
  JsonObject *data, *pagination;
  const char *type;
  guint page, limit, first, last;
  gint64 start, end;

  if (!require_scope (call, "transactions:read") ||
      !query_paging (call, 20, 100, &page, &limit) ||
      !query_time (call, "startDate", FALSE, &start) ||
      !query_time (call, "endDate", TRUE, &end))
    return;

  type = call->query != NULL ? g_hash_table_lookup (call->query, "type") : NULL;
  if (type != NULL && !g_strv_contains (types, type))
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                     "type must be one of PURCHASE, USAGE, REFUND, BONUS, ADJUSTMENT");
      return;
    }

  for (guint i = self->transactions->len; i > 0; i--)
    {
      Transaction *transaction = g_ptr_array_index (self->transactions, i - 1);

      if ((type == NULL || g_str_equal (type, transaction->type)) &&
          (start == 0 || transaction->created_at >= start) &&
          (end == 0 || transaction->created_at <= end))
        g_ptr_array_add (matching, transaction);
    }

  pagination = paginate (matching, page, limit, &first, &last);
  for (guint i = first; i < last; i++)
    {
      Transaction *transaction = g_ptr_array_index (matching, i);
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "id", transaction->id);
      json_object_set_string_member (entry, "type", transaction->type);
      json_object_set_int_member (entry, "amount", transaction->amount);
      json_object_set_int_member (entry, "balance", transaction->balance);
      fake_flashsms_set_nullable_string (entry, "description", transaction->description);
      fake_flashsms_set_nullable_string (entry, "reference", transaction->reference);
      fake_flashsms_set_time (entry, "createdAt", transaction->created_at);
      json_array_add_object_element (transactions, entry);
    }

  data = json_object_new ();
  json_object_set_array_member (data, "transactions", json_array_ref (transactions));
  json_object_set_object_member (data, "pagination", pagination);
  respond_data (call, data);
}

/* ---- routing -------------------------------------------------------------------------- */

/* What answers a request: the handler of the first row whose pattern (see
 * herald_fake_http_match_route()) and method match. A path that matches a
 * pattern but none of its rows' methods is 405 with the methods of that
 * pattern's rows; a path that matches no pattern is 404. */
typedef void (*Handler) (Call       *call,
                         const char *id);

typedef struct
{
  const char *methods;
  const char *pattern;   /* after /api/v1/ */
  Handler     handler;
} Route;

static const Route routes[] = {
  { "POST",                 "sms/send",          handle_send },
  { "POST",                 "sms/estimate",      handle_estimate },
  { "GET",                  "sms",               handle_history },
  { "GET",                  "sms/status/*",      handle_status },
  { "GET",                  "sms/*/recipients",  handle_report },
  { "GET",                  "balance",           handle_balance },
  { "GET",                  "contacts",          handle_contacts_list },
  { "POST",                 "contacts",          handle_contact_create },
  { "POST",                 "contacts/import",   handle_import },
  { "GET POST",             "contacts/groups",   handle_groups },
  { "DELETE",               "contacts/groups/*", handle_group_delete },
  { "GET PUT PATCH DELETE", "contacts/*",        handle_contact },
  { "GET",                  "sender-ids",        handle_senders },
  { "GET POST",             "templates",         handle_templates },
  { "PUT PATCH DELETE",     "templates/*",       handle_templates },
  { "GET",                  "transactions",      handle_transactions },
};

static void
route (Call *call)
{
  const char *pattern = NULL;
  g_autoptr(GString) allowed = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      const Route *row = &routes[i];
      const char *id = NULL;

      if (pattern != NULL && !g_str_equal (row->pattern, pattern))
        continue;
      if (!herald_fake_http_match_route (row->pattern, (const char * const *) call->segments,
                                         call->n_segments, &id))
        continue;

      pattern = row->pattern;
      if (herald_fake_http_method_in (row->methods, call->method))
        {
          row->handler (call, id);
          return;
        }
      if (allowed->len > 0)
        g_string_append_c (allowed, ' ');
      g_string_append (allowed, row->methods);
    }

  if (pattern == NULL)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Not found");
      return;
    }

  soup_message_headers_replace (soup_server_message_get_response_headers (call->msg), "Allow", allowed->str);
  respond_error (call, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL, "Method %s not allowed", call->method);
}

static void
set_rate_headers (Call  *call,
                  guint  remaining)
{
  HeraldFakeFlashsms *self = call->self;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (call->msg);
  g_autofree char *limit = NULL;
  g_autofree char *left = NULL;
  g_autofree char *reset = NULL;

  if (!self->rate_headers)
    return;

  limit = g_strdup_printf ("%u", self->rate_limit);
  left = g_strdup_printf ("%u", remaining);
  reset = g_strdup_printf ("%" G_GINT64_FORMAT, call->key->window_start + self->rate_window);
  soup_message_headers_replace (headers, "X-RateLimit-Limit", limit);
  soup_message_headers_replace (headers, "X-RateLimit-Remaining", left);
  soup_message_headers_replace (headers, "X-RateLimit-Reset", reset);
}

/* Authenticates, counts the request against the key's window, then routes. */
static void
process (Call *call)
{
  HeraldFakeFlashsms *self = call->self;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (call->msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  const char *api_key = soup_message_headers_get_one (headers, "X-API-Key");
  const char *token = NULL;
  gint64 now = fake_flashsms_now_unix ();

  if (authorization != NULL)
    {
      call->record->auth_header = g_strdup ("Authorization");
      if (g_ascii_strncasecmp (authorization, "Bearer ", 7) == 0)
        token = authorization + 7;
    }
  else if (api_key != NULL)
    {
      call->record->auth_header = g_strdup ("X-API-Key");
      token = api_key;
    }

  if (token == NULL || token[0] == '\0')
    {
      respond_error (call, SOUP_STATUS_UNAUTHORIZED, NULL,
                     "Missing API key: send Authorization: Bearer <key> or X-API-Key: <key>");
      return;
    }

  call->key = fake_flashsms_find_key (self, token);
  if (call->key == NULL)
    {
      respond_error (call, SOUP_STATUS_UNAUTHORIZED, NULL, "Invalid API key");
      return;
    }

  if (now >= call->key->window_start + self->rate_window)
    {
      call->key->window_start = now;
      call->key->used = 0;
    }

  if (call->key->used >= self->rate_limit)
    {
      gint64 wait = MAX (1, call->key->window_start + self->rate_window - now);

      set_rate_headers (call, 0);
      if (self->rate_headers)
        {
          g_autofree char *retry = g_strdup_printf ("%" G_GINT64_FORMAT, wait);

          soup_message_headers_replace (soup_server_message_get_response_headers (call->msg),
                                        "Retry-After", retry);
        }
      {
        respond_error (call, STATUS_TOO_MANY_REQUESTS, NULL,
                       "Rate limit exceeded: %u requests per %u seconds",
                       self->rate_limit, self->rate_window);
        return;
      }
    }

  call->key->used++;
  set_rate_headers (call, self->rate_limit - call->key->used);

  if (g_str_equal (call->method, "POST") || g_str_equal (call->method, "PUT") ||
      g_str_equal (call->method, "PATCH"))
    {
      const char *type = soup_message_headers_get_content_type (headers, NULL);

      if (call->body_node != NULL && g_strcmp0 (type, "application/json") != 0)
        {
          respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                         "Content-Type must be application/json");
          return;
        }
    }

  route (call);
}

static void
call_clear (Call *call)
{
  g_clear_pointer (&call->segments, g_strfreev);
  g_clear_pointer (&call->query, g_hash_table_unref);
  g_clear_pointer (&call->body_node, json_node_unref);
  g_clear_object (&call->msg);
}

static void
call_init (Call                      *call,
           HeraldFakeFlashsms        *self,
           SoupServerMessage         *msg,
           HeraldFakeFlashsmsRequest *record)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *path = g_uri_get_path (uri);
  const char *query = g_uri_get_query (uri);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);

  memset (call, 0, sizeof *call);
  call->self = self;
  call->msg = g_object_ref (msg);
  call->method = soup_server_message_get_method (msg);
  call->record = record;
  call->query = query != NULL ? soup_form_decode (query) : NULL;

  if (g_str_has_prefix (path, API_PREFIX "/"))
    {
      g_auto(GStrv) raw = g_strsplit (path + strlen (API_PREFIX "/"), "/", -1);
      guint n = g_strv_length (raw);

      call->segments = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        call->segments[i] = g_uri_unescape_string (raw[i], NULL);
      for (guint i = 0; i < n; i++)
        if (call->segments[i] == NULL)
          call->segments[i] = g_strdup ("");
      call->n_segments = n;
      /* A trailing slash names the same resource. */
      if (n > 1 && call->segments[n - 1][0] == '\0')
        call->n_segments--;
    }
  else
    {
      call->segments = g_new0 (char *, 2);
      call->segments[0] = g_strdup ("");
      call->n_segments = 0;
    }

  if (g_bytes_get_size (bytes) > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL))
        {
          call->body_node = json_node_ref (json_parser_get_root (parser));
          if (JSON_NODE_HOLDS_OBJECT (call->body_node))
            call->body = json_node_get_object (call->body_node);
        }
    }
}

void
fake_flashsms_run_call (HeraldFakeFlashsms        *self,
                        SoupServerMessage         *msg,
                        HeraldFakeFlashsmsRequest *record)
{
  Call call;

  call_init (&call, self, msg, record);
  if (call.n_segments == 0)
    respond_error (&call, SOUP_STATUS_NOT_FOUND, NULL, "Not found");
  else
    process (&call);
  call_clear (&call);
}
