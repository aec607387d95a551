/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "herald-database.h"

G_BEGIN_DECLS

/* The campaign tables (migrations/0004-campaigns.sql) as plain rows. Every
 * function here is a statement or two for a HeraldDatabaseFunc: it must be
 * called with the connection locked (inside herald_database_run[_async]),
 * and the caller composes them into its transactions (campaign/ decides
 * what one transaction holds; this file only reads and writes rows). Rows
 * are plain structs, safe to hand from the worker thread to the main one. */

typedef enum
{
  HERALD_CAMPAIGN_DRAFT,
  HERALD_CAMPAIGN_SCHEDULED,
  HERALD_CAMPAIGN_RUNNING,
  HERALD_CAMPAIGN_PAUSED,
  HERALD_CAMPAIGN_CANCELLED,
  HERALD_CAMPAIGN_FINISHED,
} HeraldCampaignState;

/* The recipient state machine: pending → submitting → accepted → sent →
 * delivered | failed, plus unknown (may have been accepted: never sent
 * again unless a person asks) and skipped (never tried: opted out). */
typedef enum
{
  HERALD_RECIPIENT_STATE_PENDING,
  HERALD_RECIPIENT_STATE_SUBMITTING,
  HERALD_RECIPIENT_STATE_ACCEPTED,
  HERALD_RECIPIENT_STATE_SENT,
  HERALD_RECIPIENT_STATE_DELIVERED,
  HERALD_RECIPIENT_STATE_FAILED,
  HERALD_RECIPIENT_STATE_UNKNOWN,
  HERALD_RECIPIENT_STATE_SKIPPED,
  HERALD_RECIPIENT_N_STATES,
} HeraldRecipientState;

/* What became of one provider request. */
typedef enum
{
  HERALD_REQUEST_SUBMITTING,   /* committed before it went out; no answer recorded */
  HERALD_REQUEST_ANSWERED,     /* the provider answered (the rows say how) */
  HERALD_REQUEST_NOT_SENT,     /* it never reached the provider, or was refused for now */
  HERALD_REQUEST_REFUSED,      /* the provider said no */
  HERALD_REQUEST_UNKNOWN,      /* may have been accepted */
  HERALD_REQUEST_RECONCILED,   /* its fate was read back from the provider's history */
} HeraldRequestState;

const char *herald_campaign_state_to_string   (HeraldCampaignState   state);
gboolean    herald_campaign_state_from_string (const char           *text,
                                               HeraldCampaignState  *state);
const char *herald_recipient_state_to_string  (HeraldRecipientState  state);
gboolean    herald_recipient_state_from_string (const char          *text,
                                               HeraldRecipientState *state);
const char *herald_request_state_to_string    (HeraldRequestState    state);

/* No window: window_start = window_end = -1. */
typedef struct
{
  gint64               id;
  char                *name;
  char                *account_id;
  char                *sender_id;       /* nullable */
  char                *text;            /* the text or template as written */
  char                *template_name;   /* nullable */
  gint64               schedule_at;     /* usec, 0: none */
  int                  window_start;    /* minutes after local midnight, -1: none */
  int                  window_end;
  HeraldCampaignState  state;
  char                *pause_reason;    /* nullable */
  gint64               credits_needed;  /* -1: not said */
  guint                n_duplicates;    /* inputs merged into an earlier one at creation */
  gint64               lease_pid;       /* 0: no lease */
  char                *lease_host;
  gint64               lease_expires;   /* usec */
  gint64               created_at;
  gint64               updated_at;
} HeraldCampaignRecord;

void                  herald_campaign_record_free (HeraldCampaignRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldCampaignRecord, herald_campaign_record_free)

typedef struct
{
  gint64                id;
  char                 *phone;        /* E.164 */
  char                 *variables;    /* JSON object, nullable */
  char                 *text;         /* rendered */
  HeraldRecipientState  state;
  char                 *message_id;   /* the provider's, nullable */
  gint64                request_id;   /* 0: none */
  char                 *error;        /* nullable sentence */
  guint                 attempts;
} HeraldCampaignRecipient;

void                  herald_campaign_recipient_free (HeraldCampaignRecipient *recipient);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldCampaignRecipient, herald_campaign_recipient_free)

typedef struct
{
  gint64  id;
  char   *tag;
  gint64  created_at;
} HeraldCampaignRequest;

void                  herald_campaign_request_free (HeraldCampaignRequest *request);

/* A recipient to insert: strings copied. */
typedef struct
{
  const char           *phone;
  const char           *variables;
  const char           *text;
  HeraldRecipientState  state;       /* PENDING, or SKIPPED with error */
  const char           *error;
} HeraldCampaignNewRecipient;

typedef struct
{
  const char *input;
  const char *reason;
} HeraldCampaignReject;

/* usec since the epoch, UTC: the unit of every time column. */
gint64    herald_campaign_store_now            (void);

/* Inserts the campaign (@record's id, lease and times ignored), its
 * recipients and its rejects; sets *@id. Not a transaction of its own. */
gboolean  herald_campaign_store_insert         (HeraldDatabase                   *db,
                                                const HeraldCampaignRecord       *record,
                                                const HeraldCampaignNewRecipient *recipients,
                                                guint                             n_recipients,
                                                const HeraldCampaignReject       *rejects,
                                                guint                             n_rejects,
                                                gint64                           *id,
                                                GError                          **error);
/* NOT_FOUND when there is no such campaign. */
HeraldCampaignRecord *herald_campaign_store_get (HeraldDatabase                  *db,
                                                gint64                            id,
                                                GError                          **error);
/* Every campaign, oldest first: (element-type HeraldCampaignRecord). */
GPtrArray *herald_campaign_store_list          (HeraldDatabase                   *db,
                                                GError                          **error);
gboolean  herald_campaign_store_set_state      (HeraldDatabase                   *db,
                                                gint64                            id,
                                                HeraldCampaignState               state,
                                                const char                       *pause_reason,
                                                gint64                            credits_needed,
                                                GError                          **error);
/* Writes the lease (pid 0 clears it). */
gboolean  herald_campaign_store_set_lease      (HeraldDatabase                   *db,
                                                gint64                            id,
                                                gint64                            pid,
                                                const char                       *host,
                                                gint64                            expires,
                                                GError                          **error);

/* Up to @max pending recipients that share the text of the first pending
 * one, in insertion order: (element-type HeraldCampaignRecipient). */
GPtrArray *herald_campaign_store_next_batch    (HeraldDatabase                   *db,
                                                gint64                            campaign_id,
                                                guint                             max,
                                                GError                          **error);
/* Inserts a request (state SUBMITTING) tagged @tag and moves @row_ids to
 * SUBMITTING under it, one attempt more each; sets *@request_id. */
gboolean  herald_campaign_store_begin_request  (HeraldDatabase                   *db,
                                                gint64                            campaign_id,
                                                const char                       *tag,
                                                const gint64                     *row_ids,
                                                guint                             n_rows,
                                                gint64                           *request_id,
                                                GError                          **error);
gboolean  herald_campaign_store_set_request_state (HeraldDatabase                *db,
                                                gint64                            request_id,
                                                HeraldRequestState                state,
                                                const char                       *error_text,
                                                GError                          **error);
/* One recipient's new state (message id and error replaced). */
gboolean  herald_campaign_store_set_recipient  (HeraldDatabase                   *db,
                                                gint64                            row_id,
                                                HeraldRecipientState              state,
                                                const char                       *message_id,
                                                const char                       *error_text,
                                                GError                          **error);
/* Every recipient of @request_id still SUBMITTING moves to @state (with
 * @message_id when not NULL). */
gboolean  herald_campaign_store_settle_request_rows (HeraldDatabase              *db,
                                                gint64                            request_id,
                                                HeraldRecipientState              state,
                                                const char                       *message_id,
                                                const char                       *error_text,
                                                GError                          **error);
/* Requests of the campaign left SUBMITTING: (element-type HeraldCampaignRequest). */
GPtrArray *herald_campaign_store_open_requests (HeraldDatabase                   *db,
                                                gint64                            campaign_id,
                                                GError                          **error);
/* The recipients of one request: (element-type HeraldCampaignRecipient). */
GPtrArray *herald_campaign_store_request_rows  (HeraldDatabase                   *db,
                                                gint64                            request_id,
                                                GError                          **error);
/* Recipients per state, into @counts[HERALD_RECIPIENT_N_STATES]. */
gboolean  herald_campaign_store_count          (HeraldDatabase                   *db,
                                                gint64                            campaign_id,
                                                guint                            *counts,
                                                GError                          **error);
/* Recipients in insertion order, from @offset, at most @limit (0: all). */
GPtrArray *herald_campaign_store_recipients    (HeraldDatabase                   *db,
                                                gint64                            campaign_id,
                                                guint                             offset,
                                                guint                             limit,
                                                GError                          **error);
/* The rejected inputs: (element-type utf8) pairs input, reason, flattened. */
GPtrArray *herald_campaign_store_rejects       (HeraldDatabase                   *db,
                                                gint64                            campaign_id,
                                                GError                          **error);
/* Every UNKNOWN recipient back to PENDING, for a person who asked to send
 * them again; returns how many through @n_changed. */
gboolean  herald_campaign_store_retry_unknown  (HeraldDatabase                   *db,
                                                gint64                            campaign_id,
                                                guint                            *n_changed,
                                                GError                          **error);

/* ---- after sending ---- */

/* Delivery tracking: moves the campaign's accepted and sent rows on to the
 * state the message log (sent_messages, which a delivery refresh keeps up
 * to date from the provider) holds for their message id: sent, delivered
 * or failed, never backwards. *@n_changed: rows moved; *@n_open: rows
 * still accepted or sent whose request left at or after @since (usec),
 * i.e. still worth asking about. Not a transaction of its own. */
gboolean  herald_campaign_store_sync_delivery  (HeraldDatabase                   *db,
                                                gint64                            campaign_id,
                                                gint64                            since,
                                                guint                            *n_changed,
                                                guint                            *n_open,
                                                GError                          **error);

/* Replies: a message in the local inbox from a number the campaign texted
 * (accepted, sent, delivered or unknown), received within @window usec
 * after its request and before any later campaign texted that number,
 * belongs to the campaign; so does an opt-out by keyword (a STOP reply)
 * added within the same span. */
gboolean  herald_campaign_store_count_replies  (HeraldDatabase                   *db,
                                                gint64                            campaign_id,
                                                gint64                            window,
                                                guint                            *replies,
                                                guint                            *optouts,
                                                GError                          **error);
/* The campaign an inbound message from @phone (E.164) at @at belongs to:
 * the latest one that texted it within @window before; 0 for none. */
gboolean  herald_campaign_store_campaign_for_reply (HeraldDatabase               *db,
                                                const char                       *phone,
                                                gint64                            at,
                                                gint64                            window,
                                                gint64                           *campaign_id,
                                                GError                          **error);

/* Seven days: how long after a send a reply is the campaign's. */
#define HERALD_CAMPAIGN_REPLY_WINDOW (G_GINT64_CONSTANT (7) * 24 * 3600 * G_USEC_PER_SEC)

G_END_DECLS
