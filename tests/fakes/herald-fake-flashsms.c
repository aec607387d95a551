/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-fake-flashsms"

#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "herald-fake-flashsms.h"
#include "herald-fake-http.h"
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

#define API_PREFIX         "/api/v1"
#define MAX_RECIPIENTS     1000
#define MAX_IMPORT         10000
#define MAX_CHARACTERS     918
#define HISTORY_TRUNCATE   160
#define DEFAULT_HUGE_BYTES (32 * 1024 * 1024)
/* libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429

typedef struct
{
  char   *key;
  GStrv   scopes;
  gint64  window_start;   /* unix seconds */
  guint   used;
} Key;

typedef struct
{
  char   *id;
  char   *name;
  char   *status;
  gint64  created_at;
  gint64  approved_at;
} Sender;

typedef struct
{
  char   *id;
  char   *name;
  gint64  created_at;
} Group;

typedef struct
{
  char       *id;
  char       *phone;        /* 233XXXXXXXXX */
  char       *first_name;
  char       *last_name;
  char       *email;
  GHashTable *groups;       /* group id set */
  gboolean    deleted;
  gint64      created_at;
  gint64      updated_at;
} Contact;

typedef struct
{
  char   *id;
  char   *name;
  char   *content;
  gint64  created_at;
  gint64  updated_at;
} Template;

typedef struct
{
  char   *phone;
  char   *status;
} Recipient;

typedef struct
{
  char   *id;
  char   *message;
  char   *sender_id;
  char   *campaign_name;
  GArray *recipients;      /* Recipient */
  guint   parts;
  gint64  credits;
  gint64  scheduled_at;    /* 0: not scheduled */
  gint64  sent_at;         /* 0: not yet */
  gint64  created_at;
} Message;

typedef struct
{
  char   *id;
  char   *type;
  gint64  amount;
  gint64  balance;
  char   *description;
  char   *reference;
  gint64  created_at;
} Transaction;

struct _HeraldFakeFlashsms
{
  GObject      parent_instance;

  SoupServer  *server;
  char        *base_url;

  GPtrArray   *keys;          /* Key */
  gint64       balance;
  char        *account_name;
  char        *account_phone;
  GPtrArray   *senders;       /* Sender */
  GPtrArray   *groups;        /* Group */
  GPtrArray   *contacts;      /* Contact, deleted ones included */
  GHashTable  *contact_by_id;
  GHashTable  *contact_by_phone;   /* live contacts only */
  GPtrArray   *templates;     /* Template */
  GPtrArray   *messages;      /* Message, oldest first */
  GPtrArray   *transactions;  /* Transaction, oldest first */

  guint        rate_limit;
  guint        rate_window;
  gboolean     rate_headers;
  gboolean     minimal_errors;
  HeraldFakeFaults *faults;  /* HeraldFakeFault: kind is a HeraldFakeFlashsmsFault */

  GPtrArray   *sent;          /* HeraldFakeFlashsmsSent */
  GPtrArray   *requests;      /* HeraldFakeFlashsmsRequest */
  guint        next_id;
};

G_DEFINE_FINAL_TYPE (HeraldFakeFlashsms, herald_fake_flashsms, G_TYPE_OBJECT)

/* One request being answered. */
typedef struct
{
  HeraldFakeFlashsms        *self;
  SoupServerMessage         *msg;
  const char                *method;
  char                     **segments;   /* path after /api/v1, split on '/' */
  guint                      n_segments;
  GHashTable                *query;
  JsonNode                  *body_node;
  JsonObject                *body;       /* NULL unless the body is a JSON object */
  Key                       *key;
  HeraldFakeFlashsmsRequest *record;
} Call;

/* ---- freeing --------------------------------------------------------------- */

static void
key_free (Key *key)
{
  g_free (key->key);
  g_strfreev (key->scopes);
  g_free (key);
}

static void
sender_free (Sender *sender)
{
  g_free (sender->id);
  g_free (sender->name);
  g_free (sender->status);
  g_free (sender);
}

static void
group_free (Group *group)
{
  g_free (group->id);
  g_free (group->name);
  g_free (group);
}

static void
contact_free (Contact *contact)
{
  g_free (contact->id);
  g_free (contact->phone);
  g_free (contact->first_name);
  g_free (contact->last_name);
  g_free (contact->email);
  g_hash_table_unref (contact->groups);
  g_free (contact);
}

static void
template_free (Template *template)
{
  g_free (template->id);
  g_free (template->name);
  g_free (template->content);
  g_free (template);
}

static void
recipient_clear (gpointer data)
{
  Recipient *recipient = data;

  g_free (recipient->phone);
  g_free (recipient->status);
}

static void
message_free (Message *message)
{
  g_free (message->id);
  g_free (message->message);
  g_free (message->sender_id);
  g_free (message->campaign_name);
  g_array_unref (message->recipients);
  g_free (message);
}

static void
transaction_free (Transaction *transaction)
{
  g_free (transaction->id);
  g_free (transaction->type);
  g_free (transaction->description);
  g_free (transaction->reference);
  g_free (transaction);
}

static void
sent_free (HeraldFakeFlashsmsSent *sent)
{
  g_free (sent->id);
  g_free (sent->message);
  g_free (sent->sender_id);
  g_free (sent->campaign_name);
  g_strfreev (sent->recipients);
  g_free (sent);
}

static void
request_free (HeraldFakeFlashsmsRequest *request)
{
  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_free (request->auth_header);
  g_free (request);
}

/* ---- small helpers ----------------------------------------------------------- */

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static char *
new_id (HeraldFakeFlashsms *self,
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

static void
set_time (JsonObject *object,
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

static void
set_nullable_string (JsonObject *object,
                     const char *name,
                     const char *value)
{
  if (value == NULL)
    json_object_set_null_member (object, name);
  else
    json_object_set_string_member (object, name, value);
}

static gboolean
all_digits (const char *text,
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
static char *
normalise_phone (const char *input)
{
  if (input == NULL)
    return NULL;
  if (input[0] == '0' && all_digits (input, 10) && input[1] != '0')
    return g_strconcat ("233", input + 1, NULL);
  if (g_str_has_prefix (input, "233") && all_digits (input, 12) && input[3] != '0')
    return g_strdup (input);
  if (g_str_has_prefix (input, "+233") && all_digits (input + 1, 12) && input[4] != '0')
    return g_strdup (input + 1);

  return NULL;
}

/* An ISO 8601 time (a bare date is midnight UTC, or the day's last second
 * when @end_of_day); 0 when @text is not one. */
static gint64
parse_time (const char *text,
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

static Key *
find_key (HeraldFakeFlashsms *self,
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

static Group *
find_group (HeraldFakeFlashsms *self,
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

static Contact *
find_live_contact (HeraldFakeFlashsms *self,
                   const char         *id)
{
  Contact *contact = id != NULL ? g_hash_table_lookup (self->contact_by_id, id) : NULL;

  return contact != NULL && !contact->deleted ? contact : NULL;
}

static Template *
find_template (HeraldFakeFlashsms *self,
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

static Message *
find_message (HeraldFakeFlashsms *self,
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

static Contact *
contact_insert (HeraldFakeFlashsms *self,
                const char         *phone,
                const char         *first_name,
                const char         *last_name,
                const char         *email,
                const char         *group_id)
{
  Contact *contact = g_new0 (Contact, 1);

  contact->id = new_id (self, "cnt");
  contact->phone = g_strdup (phone);
  contact->first_name = g_strdup (first_name);
  contact->last_name = g_strdup (last_name);
  contact->email = g_strdup (email);
  contact->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (group_id != NULL)
    g_hash_table_add (contact->groups, g_strdup (group_id));
  contact->created_at = contact->updated_at = now_unix ();

  g_ptr_array_add (self->contacts, contact);
  g_hash_table_insert (self->contact_by_id, contact->id, contact);
  g_hash_table_insert (self->contact_by_phone, contact->phone, contact);

  return contact;
}

static Transaction *
transaction_insert (HeraldFakeFlashsms *self,
                    const char         *type,
                    gint64              amount,
                    const char         *description,
                    const char         *reference,
                    gint64              created_at)
{
  Transaction *transaction = g_new0 (Transaction, 1);

  self->balance += amount;
  transaction->id = new_id (self, "txn");
  transaction->type = g_strdup (type);
  transaction->amount = amount;
  transaction->balance = self->balance;
  transaction->description = g_strdup (description);
  transaction->reference = g_strdup (reference);
  transaction->created_at = created_at != 0 ? created_at : now_unix ();
  g_ptr_array_add (self->transactions, transaction);

  return transaction;
}

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

  if (text[0] == '\0' || strlen (text) > 9 || !all_digits (text, strlen (text)) ||
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

  *out = parse_time (text, end_of_day);
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

/* ---- objects as JSON ---------------------------------------------------------------- */

static const char *
message_status (HeraldFakeFlashsms *self,
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

static JsonObject *
message_to_json (HeraldFakeFlashsms *self,
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
    json_object_set_string_member (object, "status", message_status (self, message, NULL, NULL, NULL));
  json_object_set_string_member (object, "message", text);
  json_object_set_int_member (object, "recipientCount", message->recipients->len);
  if (truncate)
    json_object_set_string_member (object, "status", message_status (self, message, NULL, NULL, NULL));
  json_object_set_int_member (object, "creditsUsed", message->credits);
  set_nullable_string (object, "senderId", message->sender_id);
  set_time (object, "scheduledAt", message->scheduled_at);
  set_time (object, "sentAt", message->sent_at);
  set_time (object, "createdAt", message->created_at);

  return object;
}

static JsonObject *
contact_to_json (const Contact *contact)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", contact->id);
  json_object_set_string_member (object, "phone", contact->phone);
  set_nullable_string (object, "firstName", contact->first_name);
  set_nullable_string (object, "lastName", contact->last_name);
  set_nullable_string (object, "email", contact->email);
  set_time (object, "createdAt", contact->created_at);
  set_time (object, "updatedAt", contact->updated_at);

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

static JsonObject *
group_to_json (HeraldFakeFlashsms *self,
               const Group        *group)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", group->id);
  json_object_set_string_member (object, "name", group->name);
  json_object_set_int_member (object, "contactCount", group_count (self, group));
  set_time (object, "createdAt", group->created_at);

  return object;
}

static JsonObject *
template_to_json (const Template *template)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", template->id);
  json_object_set_string_member (object, "name", template->name);
  json_object_set_string_member (object, "content", template->content);
  set_time (object, "createdAt", template->created_at);
  set_time (object, "updatedAt", template->updated_at);

  return object;
}

static JsonObject *
deleted_json (const char *id)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", id);
  json_object_set_boolean_member (object, "deleted", TRUE);

  return object;
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

  if (find_group (self, group_id) == NULL)
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
      schedule_at = parse_time (schedule_text, FALSE);
      if (schedule_at == 0 || strlen (schedule_text) == 10)
        {
          respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                         "scheduleDate must be an ISO 8601 date and time");
          return;
        }
      if (schedule_at <= now_unix ())
        {
          respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                         "scheduleDate must be in the future");
          return;
        }
    }

  for (guint i = 0; recipients != NULL && i < json_array_get_length (recipients); i++)
    {
      const char *input = json_array_get_string_element (recipients, i);
      g_autofree char *phone = normalise_phone (input);

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
      Contact *contact = find_live_contact (self, id);

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
  message->id = new_id (self, "cm");
  message->message = g_strdup (text);
  message->sender_id = g_strdup (sender->name);
  message->campaign_name = g_strdup (campaign);
  message->recipients = g_array_new (FALSE, TRUE, sizeof (Recipient));
  g_array_set_clear_func (message->recipients, recipient_clear);
  for (guint i = 0; i < phones->len; i++)
    {
      Recipient r = { g_strdup (g_ptr_array_index (phones, i)), g_strdup ("PENDING") };

      g_array_append_val (message->recipients, r);
    }
  message->parts = herald_sms_analysis_get_parts (analysis);
  message->credits = credits;
  message->created_at = now_unix ();
  message->scheduled_at = schedule_at;
  message->sent_at = is_scheduled ? 0 : message->created_at;
  g_ptr_array_add (self->messages, message);

  description = g_strdup_printf ("API SMS: %s (%u recipients)",
                                 campaign != NULL ? campaign : "Quick send", phones->len);
  transaction_insert (self, "USAGE", -credits, description, message->id, 0);

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
  set_time (data, "scheduleDate", schedule_at);
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

      if ((status == NULL || g_str_equal (status, message_status (self, message, NULL, NULL, NULL))) &&
          (start == 0 || message->created_at >= start) &&
          (end == 0 || message->created_at <= end))
        g_ptr_array_add (matching, message);
    }

  pagination = paginate (matching, page, limit, &first, &last);
  for (guint i = first; i < last; i++)
    json_array_add_object_element (messages, message_to_json (self, g_ptr_array_index (matching, i), TRUE));

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

  message = find_message (call->self, id);
  if (message == NULL)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Message not found");
      return;
    }

  respond_data (call, message_to_json (call->self, message, FALSE));
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

  message = find_message (call->self, id);
  if (message == NULL)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Message not found");
      return;
    }

  status = message_status (call->self, message, &delivered, &failed, &pending);
  for (guint i = 0; i < message->recipients->len; i++)
    {
      const Recipient *r = &g_array_index (message->recipients, Recipient, i);
      JsonObject *entry = json_object_new ();
      gboolean went_out = g_str_equal (r->status, "SENT") || g_str_equal (r->status, "DELIVERED");

      json_object_set_string_member (entry, "phone", r->phone);
      json_object_set_string_member (entry, "status", r->status);
      set_time (entry, "sentAt", went_out ? message->sent_at : 0);
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
  g_autofree char *phone_needle = normalise_phone (search);
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
  if (group_id != NULL && find_group (self, group_id) == NULL)
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
    json_array_add_object_element (contacts, contact_to_json (g_ptr_array_index (matching, i)));

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

  normalised = normalise_phone (phone);
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
  if (group_id != NULL && find_group (self, group_id) == NULL)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Group %s not found", group_id);
      return;
    }

  respond_data (call, contact_to_json (contact_insert (self, normalised, first_name, last_name,
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

  contact = find_live_contact (self, id);
  if (contact == NULL)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Contact not found");
      return;
    }

  if (g_str_equal (call->method, "GET"))
    {
      respond_data (call, contact_to_json (contact));
      return;
    }

  if (g_str_equal (call->method, "DELETE"))
    {
      /* Soft delete, as documented: gone from every list and lookup. */
      contact->deleted = TRUE;
      g_hash_table_remove (self->contact_by_phone, contact->phone);
      {
        respond_data (call, deleted_json (contact->id));
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

      normalised = normalise_phone (phone);
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
  if (group_id != NULL && find_group (self, group_id) == NULL)
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
    replace_string (&contact->first_name, first_name);
  if (last_name != NULL)
    replace_string (&contact->last_name, last_name);
  if (email != NULL)
    replace_string (&contact->email, email);
  if (group_id != NULL)
    g_hash_table_add (contact->groups, g_strdup (group_id));
  contact->updated_at = now_unix ();

  respond_data (call, contact_to_json (contact));
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
  if (group_id != NULL && find_group (self, group_id) == NULL)
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

      phone = typed ? normalise_phone (fields[0]) : NULL;
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
      contact_insert (self, phone, fields[1], fields[2], fields[3], group_id);
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
        json_array_add_object_element (groups, group_to_json (self, g_ptr_array_index (self->groups, i)));
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
  group->id = new_id (self, "grp");
  group->name = g_strdup (name);
  group->created_at = now_unix ();
  g_ptr_array_add (self->groups, group);

  respond_data (call, group_to_json (self, group));
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

  group = find_group (self, id);
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

  respond_data (call, deleted_json (group_id));
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
      set_time (entry, "createdAt", sender->created_at);
      set_time (entry, "approvedAt", sender->approved_at);
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
        json_array_add_object_element (templates, template_to_json (g_ptr_array_index (self->templates, i)));
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
      template = find_template (self, id);
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
        respond_data (call, deleted_json (deleted_id));
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
      template->id = new_id (self, "tpl");
      template->created_at = now_unix ();
      g_ptr_array_add (self->templates, template);
    }
  replace_string (&template->name, name);
  replace_string (&template->content, content);
  template->updated_at = now_unix ();

  respond_data (call, template_to_json (template));
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
      set_nullable_string (entry, "description", transaction->description);
      set_nullable_string (entry, "reference", transaction->reference);
      set_time (entry, "createdAt", transaction->created_at);
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
  gint64 now = now_unix ();

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

  call->key = find_key (self, token);
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

static void
run_call (HeraldFakeFlashsms        *self,
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

  run_call (delayed->self, msg, delayed->record);
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

  run_call (self, msg, record);
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
  self->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) key_free);
  self->senders = g_ptr_array_new_with_free_func ((GDestroyNotify) sender_free);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) contact_free);
  self->contact_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->contact_by_phone = g_hash_table_new (g_str_hash, g_str_equal);
  self->templates = g_ptr_array_new_with_free_func ((GDestroyNotify) template_free);
  self->messages = g_ptr_array_new_with_free_func ((GDestroyNotify) message_free);
  self->transactions = g_ptr_array_new_with_free_func ((GDestroyNotify) transaction_free);
  self->sent = g_ptr_array_new_with_free_func ((GDestroyNotify) sent_free);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) request_free);
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

  replace_string (&self->account_name, name);
  replace_string (&self->account_phone, phone);
}

const char *
herald_fake_flashsms_add_sender_id (HeraldFakeFlashsms *self,
                                    const char         *name,
                                    const char         *status)
{
  Sender *sender;

  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), NULL);

  sender = g_new0 (Sender, 1);
  sender->id = new_id (self, "sid");
  sender->name = g_strdup (name);
  sender->status = g_strdup (status != NULL ? status : "APPROVED");
  sender->created_at = now_unix () - 86400 * 30;
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
  group->id = new_id (self, "grp");
  group->name = g_strdup (name);
  group->created_at = now_unix ();
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
  g_autofree char *normalised = normalise_phone (phone);
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

  return contact_insert (self, normalised, first_name, last_name, email, group_id)->id;
}

const char *
herald_fake_flashsms_add_template (HeraldFakeFlashsms *self,
                                   const char         *name,
                                   const char         *content)
{
  Template *template;

  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), NULL);

  template = g_new0 (Template, 1);
  template->id = new_id (self, "tpl");
  template->name = g_strdup (name);
  template->content = g_strdup (content);
  template->created_at = template->updated_at = now_unix ();
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
  message->id = new_id (self, "cm");
  message->message = g_strdup (text);
  message->sender_id = g_strdup (sender_id);
  message->campaign_name = g_strdup (campaign_name);
  message->recipients = g_array_new (FALSE, TRUE, sizeof (Recipient));
  g_array_set_clear_func (message->recipients, recipient_clear);
  for (guint i = 0; phones[i] != NULL; i++)
    {
      Recipient r = { normalise_phone (phones[i]), NULL };

      g_return_val_if_fail (r.phone != NULL, NULL);
      r.status = g_strdup (statuses != NULL && statuses[i] != NULL ? statuses[i] : "DELIVERED");
      g_array_append_val (message->recipients, r);
    }
  message->parts = herald_sms_analysis_get_parts (analysis);
  message->credits = (gint64) message->parts * message->recipients->len;
  message->created_at = created_at != 0 ? created_at : now_unix ();
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

  return transaction_insert (self, type, amount, description, reference, created_at)->id;
}

gboolean
herald_fake_flashsms_set_recipient_status (HeraldFakeFlashsms *self,
                                           const char         *message_id,
                                           const char         *phone,
                                           const char         *status)
{
  g_autofree char *normalised = normalise_phone (phone);
  Message *message;

  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), FALSE);

  message = find_message (self, message_id);
  if (message == NULL || normalised == NULL)
    return FALSE;

  for (guint i = 0; i < message->recipients->len; i++)
    {
      Recipient *r = &g_array_index (message->recipients, Recipient, i);

      if (g_str_equal (r->phone, normalised))
        {
          replace_string (&r->status, status);
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
  g_autofree char *normalised = normalise_phone (phone);
  Contact *contact;

  g_return_val_if_fail (HERALD_IS_FAKE_FLASHSMS (self), NULL);

  contact = normalised != NULL ? g_hash_table_lookup (self->contact_by_phone, normalised) : NULL;

  return contact != NULL ? contact->id : NULL;
}
