/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The FlashSMS fake's in-memory model: records, look-ups and their JSON. */
#define G_LOG_DOMAIN "herald-fake-flashsms"

#include <stdio.h>
#include <string.h>

#include "herald-fake-flashsms-private.h"

/* ---- freeing --------------------------------------------------------------- */

void
fake_flashsms_key_free (Key *key)
{
  g_free (key->key);
  g_strfreev (key->scopes);
  g_free (key);
}

void
fake_flashsms_sender_free (Sender *sender)
{
  g_free (sender->id);
  g_free (sender->name);
  g_free (sender->status);
  g_free (sender);
}

void
fake_flashsms_group_free (Group *group)
{
  g_free (group->id);
  g_free (group->name);
  g_free (group);
}

void
fake_flashsms_contact_free (Contact *contact)
{
  g_free (contact->id);
  g_free (contact->phone);
  g_free (contact->first_name);
  g_free (contact->last_name);
  g_free (contact->email);
  g_hash_table_unref (contact->groups);
  g_free (contact);
}

void
fake_flashsms_template_free (Template *template)
{
  g_free (template->id);
  g_free (template->name);
  g_free (template->content);
  g_free (template);
}

void
fake_flashsms_recipient_clear (gpointer data)
{
  Recipient *recipient = data;

  g_free (recipient->phone);
  g_free (recipient->status);
}

void
fake_flashsms_message_free (Message *message)
{
  g_free (message->id);
  g_free (message->message);
  g_free (message->sender_id);
  g_free (message->campaign_name);
  g_array_unref (message->recipients);
  g_free (message);
}

void
fake_flashsms_transaction_free (Transaction *transaction)
{
  g_free (transaction->id);
  g_free (transaction->type);
  g_free (transaction->description);
  g_free (transaction->reference);
  g_free (transaction);
}

void
fake_flashsms_sent_free (HeraldFakeFlashsmsSent *sent)
{
  g_free (sent->id);
  g_free (sent->message);
  g_free (sent->sender_id);
  g_free (sent->campaign_name);
  g_strfreev (sent->recipients);
  g_free (sent);
}

void
fake_flashsms_request_free (HeraldFakeFlashsmsRequest *request)
{
  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_free (request->auth_header);
  g_free (request);
}

/* ---- small helpers ----------------------------------------------------------- */

void
fake_flashsms_replace_string (char       **field,
                              const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

gint64
fake_flashsms_now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

char *
fake_flashsms_new_id (HeraldFakeFlashsms *self,
                      const char         *prefix)
{
  guint n = ++self->next_id;

  /* Messages get cuid-like ids as in the document ("cmjveqxgf0001jr04abc123"),
   * the rest a type prefix ("cnt_abc123"). */
  if (g_str_equal (prefix, "cm"))
    return g_strdup_printf ("cm%08x%04ufk%09u", g_random_int (), n % 10000, g_random_int_range (0, 999999999));

  return g_strdup_printf ("%s_%06x%u", prefix, g_random_int_range (0, 0xffffff), n);
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

void
fake_flashsms_set_time (JsonObject *object,
                        const char *name,
                        gint64      unix_time)
{
  g_autofree char *text = NULL;

  if (unix_time == 0)
    {
      json_object_set_null_member (object, name);
      return;
    }

  text = format_time (unix_time);
  json_object_set_string_member (object, name, text);
}

void
fake_flashsms_set_nullable_string (JsonObject *object,
                                   const char *name,
                                   const char *value)
{
  if (value == NULL)
    json_object_set_null_member (object, name);
  else
    json_object_set_string_member (object, name, value);
}

gboolean
fake_flashsms_all_digits (const char *text,
                          gsize       length)
{
  if (strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

/* 233XXXXXXXXX for the documented forms, NULL for anything else. */
char *
fake_flashsms_normalise_phone (const char *input)
{
  if (input == NULL)
    return NULL;
  if (input[0] == '0' && fake_flashsms_all_digits (input, 10) && input[1] != '0')
    return g_strconcat ("233", input + 1, NULL);
  if (g_str_has_prefix (input, "233") && fake_flashsms_all_digits (input, 12) && input[3] != '0')
    return g_strdup (input);
  if (g_str_has_prefix (input, "+233") && fake_flashsms_all_digits (input + 1, 12) && input[4] != '0')
    return g_strdup (input + 1);

  return NULL;
}

/* An ISO 8601 time (a bare date is midnight UTC, or the day's last second
 * when @end_of_day); 0 when @text is not one. */
gint64
fake_flashsms_parse_time (const char *text,
                          gboolean    end_of_day)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;
  int y, m, d;
  char extra;

  if (text == NULL)
    return 0;

  time = g_date_time_new_from_iso8601 (text, utc);
  if (time != NULL)
    return g_date_time_to_unix (time);

  if (strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3)
    {
      time = g_date_time_new_utc (y, m, d, 0, 0, 0);
      if (time != NULL)
        return g_date_time_to_unix (time) + (end_of_day ? 86399 : 0);
    }

  return 0;
}

Key *
fake_flashsms_find_key (HeraldFakeFlashsms *self,
                        const char         *value)
{
  for (guint i = 0; i < self->keys->len; i++)
    {
      Key *key = g_ptr_array_index (self->keys, i);

      if (g_str_equal (key->key, value))
        return key;
    }

  return NULL;
}

Group *
fake_flashsms_find_group (HeraldFakeFlashsms *self,
                          const char         *id)
{
  for (guint i = 0; id != NULL && i < self->groups->len; i++)
    {
      Group *group = g_ptr_array_index (self->groups, i);

      if (g_str_equal (group->id, id))
        return group;
    }

  return NULL;
}

Contact *
fake_flashsms_find_live_contact (HeraldFakeFlashsms *self,
                                 const char         *id)
{
  Contact *contact = id != NULL ? g_hash_table_lookup (self->contact_by_id, id) : NULL;

  return contact != NULL && !contact->deleted ? contact : NULL;
}

Template *
fake_flashsms_find_template (HeraldFakeFlashsms *self,
                             const char         *id)
{
  for (guint i = 0; id != NULL && i < self->templates->len; i++)
    {
      Template *template = g_ptr_array_index (self->templates, i);

      if (g_str_equal (template->id, id))
        return template;
    }

  return NULL;
}

Message *
fake_flashsms_find_message (HeraldFakeFlashsms *self,
                            const char         *id)
{
  for (guint i = 0; id != NULL && i < self->messages->len; i++)
    {
      Message *message = g_ptr_array_index (self->messages, i);

      if (g_str_equal (message->id, id))
        return message;
    }

  return NULL;
}

Contact *
fake_flashsms_contact_insert (HeraldFakeFlashsms *self,
                              const char         *phone,
                              const char         *first_name,
                              const char         *last_name,
                              const char         *email,
                              const char         *group_id)
{
  Contact *contact = g_new0 (Contact, 1);

  contact->id = fake_flashsms_new_id (self, "cnt");
  contact->phone = g_strdup (phone);
  contact->first_name = g_strdup (first_name);
  contact->last_name = g_strdup (last_name);
  contact->email = g_strdup (email);
  contact->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (group_id != NULL)
    g_hash_table_add (contact->groups, g_strdup (group_id));
  contact->created_at = contact->updated_at = fake_flashsms_now_unix ();

  g_ptr_array_add (self->contacts, contact);
  g_hash_table_insert (self->contact_by_id, contact->id, contact);
  g_hash_table_insert (self->contact_by_phone, contact->phone, contact);

  return contact;
}

Transaction *
fake_flashsms_transaction_insert (HeraldFakeFlashsms *self,
                                  const char         *type,
                                  gint64              amount,
                                  const char         *description,
                                  const char         *reference,
                                  gint64              created_at)
{
  Transaction *transaction = g_new0 (Transaction, 1);

  self->balance += amount;
  transaction->id = fake_flashsms_new_id (self, "txn");
  transaction->type = g_strdup (type);
  transaction->amount = amount;
  transaction->balance = self->balance;
  transaction->description = g_strdup (description);
  transaction->reference = g_strdup (reference);
  transaction->created_at = created_at != 0 ? created_at : fake_flashsms_now_unix ();
  g_ptr_array_add (self->transactions, transaction);

  return transaction;
}

/* ---- objects as JSON ---------------------------------------------------------------- */

const char *
fake_flashsms_message_status (HeraldFakeFlashsms *self,
                              const Message      *message,
                              guint              *delivered_out,
                              guint              *failed_out,
                              guint              *pending_out)
{
  guint delivered = 0, failed = 0, pending = 0;

  for (guint i = 0; i < message->recipients->len; i++)
    {
      const Recipient *r = &g_array_index (message->recipients, Recipient, i);

      if (g_str_equal (r->status, "DELIVERED"))
        delivered++;
      else if (g_str_equal (r->status, "FAILED"))
        failed++;
      else
        pending++;
    }

  if (delivered_out != NULL)
    *delivered_out = delivered, *failed_out = failed, *pending_out = pending;

  if (message->sent_at == 0)
    return "PENDING";
  if (delivered == message->recipients->len)
    return "DELIVERED";
  if (pending > 0)
    return "SENT";

  return delivered > 0 ? "DELIVERED" : "FAILED";
}

JsonObject *
fake_flashsms_message_to_json (HeraldFakeFlashsms *self,
                               const Message      *message,
                               gboolean            truncate)
{
  JsonObject *object = json_object_new ();
  g_autofree char *text = NULL;

  if (truncate && g_utf8_strlen (message->message, -1) > HISTORY_TRUNCATE)
    text = g_utf8_substring (message->message, 0, HISTORY_TRUNCATE);
  else
    text = g_strdup (message->message);

  json_object_set_string_member (object, "id", message->id);
  if (!truncate)
    json_object_set_string_member (object, "status", fake_flashsms_message_status (self, message, NULL, NULL, NULL));
  json_object_set_string_member (object, "message", text);
  json_object_set_int_member (object, "recipientCount", message->recipients->len);
  if (truncate)
    json_object_set_string_member (object, "status", fake_flashsms_message_status (self, message, NULL, NULL, NULL));
  json_object_set_int_member (object, "creditsUsed", message->credits);
  fake_flashsms_set_nullable_string (object, "senderId", message->sender_id);
  fake_flashsms_set_time (object, "scheduledAt", message->scheduled_at);
  fake_flashsms_set_time (object, "sentAt", message->sent_at);
  fake_flashsms_set_time (object, "createdAt", message->created_at);

  return object;
}

JsonObject *
fake_flashsms_contact_to_json (const Contact *contact)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", contact->id);
  json_object_set_string_member (object, "phone", contact->phone);
  fake_flashsms_set_nullable_string (object, "firstName", contact->first_name);
  fake_flashsms_set_nullable_string (object, "lastName", contact->last_name);
  fake_flashsms_set_nullable_string (object, "email", contact->email);
  fake_flashsms_set_time (object, "createdAt", contact->created_at);
  fake_flashsms_set_time (object, "updatedAt", contact->updated_at);

  return object;
}

static guint
group_count (HeraldFakeFlashsms *self,
             const Group        *group)
{
  guint count = 0;

  for (guint i = 0; i < self->contacts->len; i++)
    {
      Contact *contact = g_ptr_array_index (self->contacts, i);

      if (!contact->deleted && g_hash_table_contains (contact->groups, group->id))
        count++;
    }

  return count;
}

JsonObject *
fake_flashsms_group_to_json (HeraldFakeFlashsms *self,
                             const Group        *group)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", group->id);
  json_object_set_string_member (object, "name", group->name);
  json_object_set_int_member (object, "contactCount", group_count (self, group));
  fake_flashsms_set_time (object, "createdAt", group->created_at);

  return object;
}

JsonObject *
fake_flashsms_template_to_json (const Template *template)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", template->id);
  json_object_set_string_member (object, "name", template->name);
  json_object_set_string_member (object, "content", template->content);
  fake_flashsms_set_time (object, "createdAt", template->created_at);
  fake_flashsms_set_time (object, "updatedAt", template->updated_at);

  return object;
}

JsonObject *
fake_flashsms_deleted_json (const char *id)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", id);
  json_object_set_boolean_member (object, "deleted", TRUE);

  return object;
}
