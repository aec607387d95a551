/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Inside the FlashSMS fake: its state (herald-fake-flashsms.c: the object,
 * the test API, faults), its model (-model.c: records, look-ups, JSON) and
 * its routes (-routes.c: the route table, the handlers, the checks every
 * request meets). Not for tests: they use herald-fake-flashsms.h. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "herald-fake-flashsms.h"
#include "herald-fake-http.h"

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

/* herald-fake-flashsms-model.c */

void
fake_flashsms_key_free (Key *key);

void
fake_flashsms_sender_free (Sender *sender);

void
fake_flashsms_group_free (Group *group);

void
fake_flashsms_contact_free (Contact *contact);

void
fake_flashsms_template_free (Template *template);

void
fake_flashsms_recipient_clear (gpointer data);

void
fake_flashsms_message_free (Message *message);

void
fake_flashsms_transaction_free (Transaction *transaction);

void
fake_flashsms_sent_free (HeraldFakeFlashsmsSent *sent);

void
fake_flashsms_request_free (HeraldFakeFlashsmsRequest *request);

void
fake_flashsms_replace_string (char       **field,
                              const char  *value);

gint64
fake_flashsms_now_unix (void);

char *
fake_flashsms_new_id (HeraldFakeFlashsms *self,
                      const char         *prefix);

void
fake_flashsms_set_time (JsonObject *object,
                        const char *name,
                        gint64      unix_time);

void
fake_flashsms_set_nullable_string (JsonObject *object,
                                   const char *name,
                                   const char *value);

gboolean
fake_flashsms_all_digits (const char *text,
                          gsize       length);

char *
fake_flashsms_normalise_phone (const char *input);

gint64
fake_flashsms_parse_time (const char *text,
                          gboolean    end_of_day);

Key *
fake_flashsms_find_key (HeraldFakeFlashsms *self,
                        const char         *value);

Group *
fake_flashsms_find_group (HeraldFakeFlashsms *self,
                          const char         *id);

Contact *
fake_flashsms_find_live_contact (HeraldFakeFlashsms *self,
                                 const char         *id);

Template *
fake_flashsms_find_template (HeraldFakeFlashsms *self,
                             const char         *id);

Message *
fake_flashsms_find_message (HeraldFakeFlashsms *self,
                            const char         *id);

Contact *
fake_flashsms_contact_insert (HeraldFakeFlashsms *self,
                              const char         *phone,
                              const char         *first_name,
                              const char         *last_name,
                              const char         *email,
                              const char         *group_id);

Transaction *
fake_flashsms_transaction_insert (HeraldFakeFlashsms *self,
                                  const char         *type,
                                  gint64              amount,
                                  const char         *description,
                                  const char         *reference,
                                  gint64              created_at);

const char *
fake_flashsms_message_status (HeraldFakeFlashsms *self,
                              const Message      *message,
                              guint              *delivered_out,
                              guint              *failed_out,
                              guint              *pending_out);

JsonObject *
fake_flashsms_message_to_json (HeraldFakeFlashsms *self,
                               const Message      *message,
                               gboolean            truncate);

JsonObject *
fake_flashsms_contact_to_json (const Contact *contact);

JsonObject *
fake_flashsms_group_to_json (HeraldFakeFlashsms *self,
                             const Group        *group);

JsonObject *
fake_flashsms_template_to_json (const Template *template);

JsonObject *
fake_flashsms_deleted_json (const char *id);

/* herald-fake-flashsms-routes.c */

void
fake_flashsms_run_call (HeraldFakeFlashsms        *self,
                        SoupServerMessage         *msg,
                        HeraldFakeFlashsmsRequest *record);
