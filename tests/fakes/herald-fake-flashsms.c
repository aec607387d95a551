/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-fake-flashsms"

#include <string.h>

#include "herald-fake-flashsms-private.h"
#include "text/herald-sms-text.h"

/* Where flashsms-api.txt is silent, this fake decides (and the client is
 * written to the same reading):
 *
 * - Phones: 0XXXXXXXXX, 233XXXXXXXXX and +233XXXXXXXXX (the three forms the
 *   document lists after the send example); stored and reported as
 *   233XXXXXXXXX. Nothing else is accepted.
 * - Send: invalid numbers are listed in "invalidRecipients" (as given) and
 *   not charged; a send left with no valid recipient is 400. At most 1,000
 *   explicit recipients + contactIds a request (groups and "all contacts"
 *   are expanded here and not counted). Unknown senderId is 400, unknown
 *   group or contact id 404. Credits = parts × unique recipients, parts as
 *   herald-sms-text counts them; the text may have at most 918 characters.
 *   A new message is SENT with every recipient PENDING (the document: "check
 *   again in a few moments"); a scheduled one is PENDING. Message status is
 *   DELIVERED when every recipient is, SENT while any is PENDING or SENT,
 *   then DELIVERED if any was delivered, else FAILED (the report example:
 *   2 delivered + 1 failed = DELIVERED).
 * - 402 body: "error" plus "creditsRequired" and "currentBalance"; 403 body:
 *   "error" naming the scope plus "requiredPermission". With minimal errors
 *   only the sentence is sent.
 * - Lists: {"contacts": […], "pagination"}, {"templates": […]}; single
 *   entities (contact, group, template) are "data" itself. Contacts are
 *   updated with PUT or PATCH (fields given are changed); templates with PUT
 *   or PATCH carrying both name and content (both "Required"). Deletes
 *   answer {"id", "deleted": true}. Duplicate contact phones, group names and
 *   template names are 400.
 * - Import: "created" new contacts, "skipped" numbers already present (or
 *   repeated in the request), "imported" = created + skipped, "invalid"
 *   entries without a valid phone, "total" = entries; at most 10,000.
 * - Paging: page ≥ 1; limit 1…100 (contacts 1…200), anything else is 400;
 *   totalPages = ⌈total / limit⌉; newest first; dates ISO 8601, a bare date
 *   meaning the whole day.
 * - X-RateLimit-Reset is a unix time; 429 carries Retry-After in seconds.
 * - Order of checks: fault, 401, 429, 404/405 route, 403 scope, 400 fields,
 *   404 ids, 402 credits. */

G_DEFINE_FINAL_TYPE (HeraldFakeFlashsms, herald_fake_flashsms, G_TYPE_OBJECT)

/* ---- faults ------------------------------------------------------------------------------ */

/* A request whose answer (and effect) a DELAY fault put off. */
typedef struct
{
  HeraldFakeFlashsms        *self;
  HeraldFakeFlashsmsRequest *record;
} Delayed;

static void
delayed_fire (SoupServerMessage *msg,
              gpointer           data)
{
  Delayed *delayed = data;

  fake_flashsms_run_call (delayed->self, msg, delayed->record);
  soup_server_message_unpause (msg);
}

static void
respond_raw (SoupServerMessage         *msg,
             HeraldFakeFlashsmsRequest *record,
             guint                      status,
             const char                *content_type,
             char                      *body,
             gsize                      length)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_TAKE, body, length);
  record->status = status;
}

static gboolean
apply_fault (HeraldFakeFlashsms        *self,
             SoupServerMessage         *msg,
             HeraldFakeFlashsmsRequest *record)
{
  HeraldFakeFault *fault = herald_fake_faults_take (self->faults);
  HeraldFakeFlashsmsFault kind;
  guint param;

  if (fault == NULL)
    return FALSE;

  kind = fault->kind;
  param = fault->param;
  herald_fake_fault_free (fault);

  switch (kind)
    {
    case HERALD_FAKE_FLASHSMS_FAULT_STATUS:
      {
        guint status = param != 0 ? param : SOUP_STATUS_INTERNAL_SERVER_ERROR;
        char *body = g_strdup_printf ("{\"success\":false,\"error\":\"%s\"}",
                                      status == 429 ? "Rate limit exceeded" : "Internal server error");

        if (status == STATUS_TOO_MANY_REQUESTS && self->rate_headers)
          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "Retry-After", "1");
        respond_raw (msg, record, status, "application/json", body, strlen (body));
        return TRUE;
      }

    case HERALD_FAKE_FLASHSMS_FAULT_DELAY:
      {
        Delayed *delayed = g_new0 (Delayed, 1);

        delayed->self = self;
        delayed->record = record;
        /* answered even when the client has gone: the request still acts */
        herald_fake_faults_hold (self->faults, msg, param, FALSE, delayed_fire, delayed, g_free);
        return TRUE;
      }

    case HERALD_FAKE_FLASHSMS_FAULT_CLOSE:
      herald_fake_http_drop_connection (msg, FALSE, NULL, 0);
      return TRUE;

    case HERALD_FAKE_FLASHSMS_FAULT_RESET:
      herald_fake_http_drop_connection (msg, TRUE, NULL, 0);
      return TRUE;

    case HERALD_FAKE_FLASHSMS_FAULT_TRUNCATED:
      {
        const char *raw = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 4096\r\n\r\n{\"success\":true,\"data\":{\"bal";

        herald_fake_http_drop_connection (msg, FALSE, raw, strlen (raw));
        return TRUE;
      }

    case HERALD_FAKE_FLASHSMS_FAULT_TRUNCATED_JSON:
      {
        const char *cut = "{\"success\":true,\"data\":{\"balance\":10";

        respond_raw (msg, record, SOUP_STATUS_OK, "application/json", g_strdup (cut), strlen (cut));
        return TRUE;
      }

    case HERALD_FAKE_FLASHSMS_FAULT_NOT_JSON:
      {
        const char *page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
                           "<body><h1>Bad Gateway</h1><p>nginx</p></body></html>";

        respond_raw (msg, record, SOUP_STATUS_OK, "text/html", g_strdup (page), strlen (page));
        return TRUE;
      }

    case HERALD_FAKE_FLASHSMS_FAULT_HUGE:
      {
        GBytes *bytes = herald_fake_http_padded_body ("{\"success\":true,\"data\":{\"balance\":1000,\"padding\":\"",
                                                      "\"}}", param != 0 ? param : DEFAULT_HUGE_BYTES);
        gsize size;
        char *body = g_bytes_unref_to_data (bytes, &size);

        respond_raw (msg, record, SOUP_STATUS_OK, "application/json", body, size);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  HeraldFakeFlashsms *self = user_data;
  HeraldFakeFlashsmsRequest *record = g_new0 (HeraldFakeFlashsmsRequest, 1);
  const char *raw_query = g_uri_get_query (soup_server_message_get_uri (msg));

  record->method = g_strdup (soup_server_message_get_method (msg));
  record->path = g_strdup (path);
  record->query = g_strdup (raw_query);
  g_ptr_array_add (self->requests, record);

  if (apply_fault (self, msg, record))
    return;

  fake_flashsms_run_call (self, msg, record);
}

/* ---- the object --------------------------------------------------------------------------- */

static void
herald_fake_flashsms_dispose (GObject *object)
{
  HeraldFakeFlashsms *self = HERALD_FAKE_FLASHSMS (object);

  /* Delayed answers still pending belong to this server. */
  if (self->faults != NULL)
    herald_fake_faults_drop_held (self->faults);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (herald_fake_flashsms_parent_class)->dispose (object);
}

static void
herald_fake_flashsms_finalize (GObject *object)
{
  HeraldFakeFlashsms *self = HERALD_FAKE_FLASHSMS (object);

  g_free (self->base_url);
  g_ptr_array_unref (self->keys);
  g_free (self->account_name);
  g_free (self->account_phone);
  g_ptr_array_unref (self->senders);
  g_ptr_array_unref (self->groups);
  g_hash_table_unref (self->contact_by_phone);
  g_hash_table_unref (self->contact_by_id);
  g_ptr_array_unref (self->contacts);
  g_ptr_array_unref (self->templates);
  g_ptr_array_unref (self->messages);
  g_ptr_array_unref (self->transactions);
  g_clear_pointer (&self->faults, herald_fake_faults_free);
  g_ptr_array_unref (self->sent);
  g_ptr_array_unref (self->requests);

  G_OBJECT_CLASS (herald_fake_flashsms_parent_class)->finalize (object);
}

static void
herald_fake_flashsms_class_init (HeraldFakeFlashsmsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_fake_flashsms_dispose;
  object_class->finalize = herald_fake_flashsms_finalize;
}

static void
herald_fake_flashsms_init (HeraldFakeFlashsms *self)
{
  self->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_flashsms_key_free);
  self->senders = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_flashsms_sender_free);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_flashsms_group_free);
  self->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_flashsms_contact_free);
  self->contact_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->contact_by_phone = g_hash_table_new (g_str_hash, g_str_equal);
  self->templates = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_flashsms_template_free);
  self->messages = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_flashsms_message_free);
  self->transactions = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_flashsms_transaction_free);
  self->sent = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_flashsms_sent_free);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_flashsms_request_free);
  self->faults = herald_fake_faults_new ();
  self->account_name = g_strdup ("Test Account");
  self->account_phone = g_strdup ("0201234567");
  self->rate_limit = 100;
  self->rate_window = 60;
  self->rate_headers = TRUE;
}

HeraldFakeFlashsms *
herald_fake_flashsms_new (void)
{
  g_autoptr(HeraldFakeFlashsms) self = g_object_new (HERALD_TYPE_FAKE_FLASHSMS, NULL);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  self->server = soup_server_new ("server-header", "FlashSMS-fake", NULL);
  soup_server_add_handler (self->server, NULL, server_callback, self, NULL);
  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("fake FlashSMS cannot listen: %s", error->message);

  uris = soup_server_get_uris (self->server);
  g_assert (uris != NULL);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%d" API_PREFIX, g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return g_steal_pointer (&self);
}

const char *
herald_fake_flashsms_get_base_url (HeraldFakeFlashsms *self)
{
  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), NULL);

  return self->base_url;
}

void
herald_fake_flashsms_add_key (HeraldFakeFlashsms *self,
                              const char         *key,
                              const char         *scopes)
{
  static const char all[] = "sms:send sms:read balance:read contacts:read contacts:write "
                            "senders:read templates:read templates:write transactions:read";
  Key *entry;

  g_return_if_fail (HERALD_IS_FAKE_FLASHSMS (self));
  g_return_if_fail (key != NULL);

  entry = g_new0 (Key, 1);
  entry->key = g_strdup (key);
  entry->scopes = g_strsplit (scopes != NULL ? scopes : all, " ", -1);
  g_ptr_array_add (self->keys, entry);
}

void
herald_fake_flashsms_set_balance (HeraldFakeFlashsms *self,
                                  gint64              balance)
{
  g_return_if_fail (HERALD_IS_FAKE_FLASHSMS (self));

  self->balance = balance;
}

gint64
herald_fake_flashsms_get_balance (HeraldFakeFlashsms *self)
{
  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), 0);

  return self->balance;
}

void
herald_fake_flashsms_set_account (HeraldFakeFlashsms *self,
                                  const char         *name,
                                  const char         *phone)
{
  g_return_if_fail (HERALD_IS_FAKE_FLASHSMS (self));

  fake_flashsms_replace_string (&self->account_name, name);
  fake_flashsms_replace_string (&self->account_phone, phone);
}

const char *
herald_fake_flashsms_add_sender_id (HeraldFakeFlashsms *self,
                                    const char         *name,
                                    const char         *status)
{
  Sender *sender;

  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), NULL);

  sender = g_new0 (Sender, 1);
  sender->id = fake_flashsms_new_id (self, "sid");
  sender->name = g_strdup (name);
  sender->status = g_strdup (status != NULL ? status : "APPROVED");
  sender->created_at = fake_flashsms_now_unix () - 86400 * 30;
  sender->approved_at = g_str_equal (sender->status, "APPROVED") ? sender->created_at + 2 * 86400 : 0;
  g_ptr_array_add (self->senders, sender);

  return sender->id;
}

const char *
herald_fake_flashsms_add_group (HeraldFakeFlashsms *self,
                                const char         *name)
{
  Group *group;

  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), NULL);

  group = g_new0 (Group, 1);
  group->id = fake_flashsms_new_id (self, "grp");
  group->name = g_strdup (name);
  group->created_at = fake_flashsms_now_unix ();
  g_ptr_array_add (self->groups, group);

  return group->id;
}

const char *
herald_fake_flashsms_add_contact (HeraldFakeFlashsms *self,
                                  const char         *phone,
                                  const char         *first_name,
                                  const char         *last_name,
                                  const char         *email,
                                  const char         *group_id)
{
  g_autofree char *normalised = fake_flashsms_normalise_phone (phone);
  Contact *existing;

  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), NULL);
  g_return_val_if_fail (normalised != NULL, NULL);

  existing = g_hash_table_lookup (self->contact_by_phone, normalised);
  if (existing != NULL)
    {
      if (group_id != NULL)
        g_hash_table_add (existing->groups, g_strdup (group_id));
      return existing->id;
    }

  return fake_flashsms_contact_insert (self, normalised, first_name, last_name, email, group_id)->id;
}

const char *
herald_fake_flashsms_add_template (HeraldFakeFlashsms *self,
                                   const char         *name,
                                   const char         *content)
{
  Template *template;

  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), NULL);

  template = g_new0 (Template, 1);
  template->id = fake_flashsms_new_id (self, "tpl");
  template->name = g_strdup (name);
  template->content = g_strdup (content);
  template->created_at = template->updated_at = fake_flashsms_now_unix ();
  g_ptr_array_add (self->templates, template);

  return template->id;
}

static gint
compare_created (gconstpointer a,
                 gconstpointer b)
{
  const Message *ma = *(const Message * const *) a;
  const Message *mb = *(const Message * const *) b;

  return (ma->created_at > mb->created_at) - (ma->created_at < mb->created_at);
}

const char *
herald_fake_flashsms_add_history (HeraldFakeFlashsms *self,
                                  const char         *text,
                                  const char         *sender_id,
                                  const char         *campaign_name,
                                  const char * const *phones,
                                  const char * const *statuses,
                                  gint64              created_at)
{
  g_autoptr(HeraldSmsAnalysis) analysis = NULL;
  Message *message;

  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), NULL);
  g_return_val_if_fail (text != NULL && phones != NULL, NULL);

  analysis = herald_sms_analyse (text, -1, NULL);
  g_return_val_if_fail (analysis != NULL, NULL);

  message = g_new0 (Message, 1);
  message->id = fake_flashsms_new_id (self, "cm");
  message->message = g_strdup (text);
  message->sender_id = g_strdup (sender_id);
  message->campaign_name = g_strdup (campaign_name);
  message->recipients = g_array_new (FALSE, TRUE, sizeof (Recipient));
  g_array_set_clear_func (message->recipients, fake_flashsms_recipient_clear);
  for (guint i = 0; phones[i] != NULL; i++)
    {
      Recipient r = { fake_flashsms_normalise_phone (phones[i]), NULL };

      g_return_val_if_fail (r.phone != NULL, NULL);
      r.status = g_strdup (statuses != NULL && statuses[i] != NULL ? statuses[i] : "DELIVERED");
      g_array_append_val (message->recipients, r);
    }
  message->parts = herald_sms_analysis_get_parts (analysis);
  message->credits = (gint64) message->parts * message->recipients->len;
  message->created_at = created_at != 0 ? created_at : fake_flashsms_now_unix ();
  message->sent_at = message->created_at;
  g_ptr_array_add (self->messages, message);
  /* Keep the list oldest first whatever order the seeds come in. */
  g_ptr_array_sort (self->messages, compare_created);

  return message->id;
}

const char *
herald_fake_flashsms_add_transaction (HeraldFakeFlashsms *self,
                                      const char         *type,
                                      gint64              amount,
                                      const char         *description,
                                      const char         *reference,
                                      gint64              created_at)
{
  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), NULL);

  return fake_flashsms_transaction_insert (self, type, amount, description, reference, created_at)->id;
}

gboolean
herald_fake_flashsms_set_recipient_status (HeraldFakeFlashsms *self,
                                           const char         *message_id,
                                           const char         *phone,
                                           const char         *status)
{
  g_autofree char *normalised = fake_flashsms_normalise_phone (phone);
  Message *message;

  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), FALSE);

  message = fake_flashsms_find_message (self, message_id);
  if (message == NULL || normalised == NULL)
    return FALSE;

  for (guint i = 0; i < message->recipients->len; i++)
    {
      Recipient *r = &g_array_index (message->recipients, Recipient, i);

      if (g_str_equal (r->phone, normalised))
        {
          fake_flashsms_replace_string (&r->status, status);
          return TRUE;
        }
    }

  return FALSE;
}

void
herald_fake_flashsms_set_rate_limit (HeraldFakeFlashsms *self,
                                     guint               limit,
                                     guint               window_seconds)
{
  g_return_if_fail (HERALD_IS_FAKE_FLASHSMS (self));
  g_return_if_fail (window_seconds > 0);

  self->rate_limit = limit;
  self->rate_window = window_seconds;
}

void
herald_fake_flashsms_set_rate_limit_headers (HeraldFakeFlashsms *self,
                                             gboolean            send_headers)
{
  g_return_if_fail (HERALD_IS_FAKE_FLASHSMS (self));

  self->rate_headers = send_headers;
}

void
herald_fake_flashsms_set_minimal_errors (HeraldFakeFlashsms *self,
                                         gboolean            minimal)
{
  g_return_if_fail (HERALD_IS_FAKE_FLASHSMS (self));

  self->minimal_errors = minimal;
}

void
herald_fake_flashsms_inject_fault (HeraldFakeFlashsms      *self,
                                   HeraldFakeFlashsmsFault  fault,
                                   guint                    count,
                                   guint                    param)
{
  HeraldFakeFault entry = { .kind = fault, .count = count, .param = param };

  g_return_if_fail (HERALD_IS_FAKE_FLASHSMS (self));

  herald_fake_faults_push (self->faults, &entry);
}

GPtrArray *
herald_fake_flashsms_get_sent (HeraldFakeFlashsms *self)
{
  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), NULL);

  return self->sent;
}

GPtrArray *
herald_fake_flashsms_get_requests (HeraldFakeFlashsms *self)
{
  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), NULL);

  return self->requests;
}

guint
herald_fake_flashsms_count_requests (HeraldFakeFlashsms *self,
                                     const char         *method,
                                     const char         *path)
{
  g_autofree char *full = g_strconcat (API_PREFIX, path, NULL);
  guint count = 0;

  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), 0);

  for (guint i = 0; i < self->requests->len; i++)
    {
      HeraldFakeFlashsmsRequest *request = g_ptr_array_index (self->requests, i);

      if (g_str_equal (request->method, method) && g_str_equal (request->path, full))
        count++;
    }

  return count;
}

guint
herald_fake_flashsms_get_contact_count (HeraldFakeFlashsms *self)
{
  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), 0);

  return g_hash_table_size (self->contact_by_phone);
}

const char *
herald_fake_flashsms_find_contact (HeraldFakeFlashsms *self,
                                   const char         *phone)
{
  g_autofree char *normalised = fake_flashsms_normalise_phone (phone);
  Contact *contact;

  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), NULL);

  contact = normalised != NULL ? g_hash_table_lookup (self->contact_by_phone, normalised) : NULL;

  return contact != NULL ? contact->id : NULL;
}
