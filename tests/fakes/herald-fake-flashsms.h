/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A strict FlashSMS server for tests: every endpoint of flashsms-api.txt
 * under /api/v1 on a SoupServer at 127.0.0.1 (random port), in the thread
 * default main context of whoever creates it. It checks what the document
 * says (both auth styles, scopes, field types, phone forms, limits,
 * credits) and answers with the document's shapes, so a client that
 * passes here speaks the documented dialect. Where the document is silent
 * the choices are the ones listed in herald-fake-flashsms.c. */

#define HERALD_TYPE_FAKE_FLASHSMS (herald_fake_flashsms_get_type ())
G_DECLARE_FINAL_TYPE (HeraldFakeFlashsms, herald_fake_flashsms, HERALD, FAKE_FLASHSMS, GObject)

typedef enum
{
  HERALD_FAKE_FLASHSMS_FAULT_STATUS,          /* answer with HTTP @param (0: 500) and a JSON error */
  HERALD_FAKE_FLASHSMS_FAULT_DELAY,           /* wait @param ms, then answer (and act) normally */
  HERALD_FAKE_FLASHSMS_FAULT_CLOSE,           /* close the connection without answering */
  HERALD_FAKE_FLASHSMS_FAULT_RESET,           /* reset the connection (RST) without answering */
  HERALD_FAKE_FLASHSMS_FAULT_TRUNCATED,       /* headers promise a longer body than is sent, then close */
  HERALD_FAKE_FLASHSMS_FAULT_TRUNCATED_JSON,  /* a complete HTTP 200 whose JSON stops midway */
  HERALD_FAKE_FLASHSMS_FAULT_NOT_JSON,        /* 200 with an HTML page */
  HERALD_FAKE_FLASHSMS_FAULT_HUGE,            /* 200 with valid JSON of @param bytes (0: 32 MiB) */
} HeraldFakeFlashsmsFault;

/* A message the server accepted (POST /sms/send answered 200). */
typedef struct
{
  char     *id;
  char     *message;
  char     *sender_id;
  char     *campaign_name;   /* nullable */
  GStrv     recipients;      /* 233XXXXXXXXX, each once, in request order */
  guint     parts;
  gint64    credits;
  gboolean  scheduled;
} HeraldFakeFlashsmsSent;

/* Every request that reached the server, faulted or not. */
typedef struct
{
  char  *method;
  char  *path;          /* "/api/v1/sms/send" */
  char  *query;         /* nullable */
  char  *auth_header;   /* "Authorization", "X-API-Key" or NULL */
  guint  status;        /* 0 when the connection was dropped */
  guint  n_items;       /* recipients + contactIds of a send, contacts of an import */
} HeraldFakeFlashsmsRequest;

HeraldFakeFlashsms *herald_fake_flashsms_new                 (void);
/* "http://127.0.0.1:PORT/api/v1" */
const char         *herald_fake_flashsms_get_base_url        (HeraldFakeFlashsms *self);

/* @scopes: space-separated ("sms:send sms:read"), or NULL for all of them. */
void                herald_fake_flashsms_add_key             (HeraldFakeFlashsms *self,
                                                              const char         *key,
                                                              const char         *scopes);
void                herald_fake_flashsms_set_balance         (HeraldFakeFlashsms *self,
                                                              gint64              balance);
gint64              herald_fake_flashsms_get_balance         (HeraldFakeFlashsms *self);
void                herald_fake_flashsms_set_account         (HeraldFakeFlashsms *self,
                                                              const char         *name,
                                                              const char         *phone);

/* Seeding. Each returns the new object's id (owned by the fake). Phones
 * must be in a documented form. @created_at is unix time (0: now). */
const char         *herald_fake_flashsms_add_sender_id       (HeraldFakeFlashsms *self,
                                                              const char         *name,
                                                              const char         *status);
const char         *herald_fake_flashsms_add_group           (HeraldFakeFlashsms *self,
                                                              const char         *name);
const char         *herald_fake_flashsms_add_contact         (HeraldFakeFlashsms *self,
                                                              const char         *phone,
                                                              const char         *first_name,
                                                              const char         *last_name,
                                                              const char         *email,
                                                              const char         *group_id);
const char         *herald_fake_flashsms_add_template        (HeraldFakeFlashsms *self,
                                                              const char         *name,
                                                              const char         *content);
/* A past message; @statuses (nullable: all DELIVERED) gives each
 * recipient's state. Costs nothing and records no transaction. */
const char         *herald_fake_flashsms_add_history         (HeraldFakeFlashsms *self,
                                                              const char         *message,
                                                              const char         *sender_id,
                                                              const char         *campaign_name,
                                                              const char * const *phones,
                                                              const char * const *statuses,
                                                              gint64              created_at);
/* Changes the balance by @amount and records it. */
const char         *herald_fake_flashsms_add_transaction     (HeraldFakeFlashsms *self,
                                                              const char         *type,
                                                              gint64              amount,
                                                              const char         *description,
                                                              const char         *reference,
                                                              gint64              created_at);
/* Moves one recipient of a message to PENDING, SENT, DELIVERED or FAILED. */
gboolean            herald_fake_flashsms_set_recipient_status (HeraldFakeFlashsms *self,
                                                              const char         *message_id,
                                                              const char         *phone,
                                                              const char         *status);

/* Per key, a fixed window (default 100 requests in 60 s, as documented). */
void                herald_fake_flashsms_set_rate_limit      (HeraldFakeFlashsms *self,
                                                              guint               limit,
                                                              guint               window_seconds);
/* Whether answers carry X-RateLimit-* and 429s Retry-After (default TRUE). */
void                herald_fake_flashsms_set_rate_limit_headers (HeraldFakeFlashsms *self,
                                                              gboolean            send_headers);
/* Error bodies with only {"success": false, "error": "…"}, as the document
 * shows them, without the machine-readable extras (scope, credits). */
void                herald_fake_flashsms_set_minimal_errors  (HeraldFakeFlashsms *self,
                                                              gboolean            minimal);
/* The next @count requests get @fault instead of their answer. */
void                herald_fake_flashsms_inject_fault        (HeraldFakeFlashsms *self,
                                                              HeraldFakeFlashsmsFault fault,
                                                              guint               count,
                                                              guint               param);

/* (element-type HeraldFakeFlashsmsSent) (transfer none) */
GPtrArray          *herald_fake_flashsms_get_sent            (HeraldFakeFlashsms *self);
/* (element-type HeraldFakeFlashsmsRequest) (transfer none) */
GPtrArray          *herald_fake_flashsms_get_requests        (HeraldFakeFlashsms *self);
/* Requests with this method and path under /api/v1 ("/sms/send"). */
guint               herald_fake_flashsms_count_requests      (HeraldFakeFlashsms *self,
                                                              const char         *method,
                                                              const char         *path);
/* Contacts not deleted. */
guint               herald_fake_flashsms_get_contact_count   (HeraldFakeFlashsms *self);
/* The contact id for a phone in any documented form, or NULL. */
const char         *herald_fake_flashsms_find_contact        (HeraldFakeFlashsms *self,
                                                              const char         *phone);

G_END_DECLS
