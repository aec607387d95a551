/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-types.h"

G_BEGIN_DECLS

/* The persistent queue of messages for local modems (the outbox table of
 * migration 5): plain values in, HeraldOutboxEntry copies out. Every call
 * runs its SQL on a worker thread (herald_database_run_async) and returns
 * the row as it is afterwards; the state machine is the dispatcher's
 * (modem/herald-modem-dispatcher.c), each step written before the next
 * modem call. */

typedef enum
{
  HERALD_OUTBOX_QUEUED,      /* "queued": waiting for a modem */
  HERALD_OUTBOX_SENDING,     /* "sending": a modem took it */
  HERALD_OUTBOX_SENT,        /* "sent": the network took it */
  HERALD_OUTBOX_DELIVERED,   /* "delivered": the delivery report said so */
  HERALD_OUTBOX_FAILED,      /* "failed": for good, with the reason */
  HERALD_OUTBOX_CANCELLED,   /* "cancelled": taken back before a modem took it */
  HERALD_OUTBOX_UNKNOWN,     /* "unknown": fate lost in a crash; never re-sent */
} HeraldOutboxState;

const char        *herald_outbox_state_to_string   (HeraldOutboxState state);
gboolean           herald_outbox_state_from_string (const char        *string,
                                                    HeraldOutboxState *state);

/* One row. Times are UTC microseconds, 0 when not yet. */
typedef struct
{
  gint64             id;
  char              *message_id;
  char              *client_id;          /* nullable */
  char              *origin;             /* nullable */
  char              *recipient;
  char              *text;
  char              *device_id;          /* nullable: any modem */
  guint              validity_minutes;   /* 0: the network's default */
  gboolean           delivery_report;
  HeraldOutboxState  state;
  guint              attempts;
  char              *modem_id;           /* nullable */
  char              *failed_modem_id;    /* nullable */
  gint64             not_before;
  char              *sms_path;           /* nullable */
  gint               reference;          /* -1: none */
  char              *error;              /* nullable */
  gint64             created_at;
  gint64             updated_at;
  gint64             sent_at;
  gint64             done_at;
} HeraldOutboxEntry;

#define HERALD_TYPE_OUTBOX_ENTRY (herald_outbox_entry_get_type ())
GType              herald_outbox_entry_get_type    (void) G_GNUC_CONST;
HeraldOutboxEntry *herald_outbox_entry_copy        (const HeraldOutboxEntry *entry);
void               herald_outbox_entry_free        (HeraldOutboxEntry       *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldOutboxEntry, herald_outbox_entry_free)

/* What a new message is made of. */
typedef struct
{
  const char *recipient;
  const char *text;
  const char *device_id;          /* nullable */
  const char *client_id;          /* nullable; a repeated one: HERALD_STORE_ERROR_EXISTS */
  const char *origin;             /* nullable */
  guint       validity_minutes;
  gboolean    delivery_report;
} HeraldOutboxRequest;

#define HERALD_TYPE_OUTBOX (herald_outbox_get_type ())

G_DECLARE_FINAL_TYPE (HeraldOutbox, herald_outbox, HERALD, OUTBOX, GObject)

HeraldOutbox      *herald_outbox_new               (HeraldDatabase      *database);

/* Each of these completes with herald_outbox_finish_entry(): the row
 * afterwards (an update that did not apply, because the row had moved on,
 * leaves it as it was: its state says so), or NULL without an error when
 * there was no row (no work to claim, no such message, no sent message with
 * that reference). */

void               herald_outbox_enqueue_async     (HeraldOutbox              *self,
                                                    const HeraldOutboxRequest *request,
                                                    GCancellable              *cancellable,
                                                    GAsyncReadyCallback        callback,
                                                    gpointer                   user_data);
/* The oldest queued message @modem_id may take (its own, or any modem's;
 * not one it refused whose not_before is still ahead): now SENDING on
 * @modem_id, one more attempt, no SMS path yet. */
void               herald_outbox_claim_async       (HeraldOutbox        *self,
                                                    const char          *modem_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void               herald_outbox_set_sms_path_async (HeraldOutbox       *self,
                                                    gint64               id,
                                                    const char          *sms_path,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void               herald_outbox_mark_sent_async   (HeraldOutbox        *self,
                                                    gint64               id,
                                                    guint                reference,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* Back to QUEUED: @failed_modem_id (nullable) keeps away until @not_before;
 * @count_attempt FALSE takes back the attempt the claim counted (the modem
 * vanished: not the message's fault). */
void               herald_outbox_give_back_async   (HeraldOutbox        *self,
                                                    gint64               id,
                                                    const char          *failed_modem_id,
                                                    gint64               not_before,
                                                    gboolean             count_attempt,
                                                    const char          *error,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* FAILED or UNKNOWN, for good, with @error. */
void               herald_outbox_finish_with_async (HeraldOutbox        *self,
                                                    gint64               id,
                                                    HeraldOutboxState    state,
                                                    const char          *error,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* A delivery report from @modem_id for @reference: the latest SENT message
 * it sent with that reference becomes DELIVERED, or FAILED with @error. */
void               herald_outbox_report_delivery_async (HeraldOutbox    *self,
                                                    const char          *modem_id,
                                                    guint                reference,
                                                    gboolean             delivered,
                                                    const char          *error,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void               herald_outbox_get_async         (HeraldOutbox        *self,
                                                    const char          *message_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* Only a QUEUED message is cancelled; the row's state says whether it was. */
void               herald_outbox_cancel_async      (HeraldOutbox        *self,
                                                    const char          *message_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
HeraldOutboxEntry *herald_outbox_finish_entry      (HeraldOutbox        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* The messages in @state, oldest first: a GPtrArray of HeraldOutboxEntry. */
void               herald_outbox_list_async        (HeraldOutbox        *self,
                                                    HeraldOutboxState    state,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* The messages whose client id starts with @client_prefix (whose last
 * character is ASCII below DEL), oldest first; with
 * herald_outbox_list_finish(). */
void               herald_outbox_list_by_client_async (HeraldOutbox     *self,
                                                    const char          *client_prefix,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray         *herald_outbox_list_finish       (HeraldOutbox        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* How many messages @modem_id has sent since @since (UTC µs), for a daily
 * cap; and, for a modem that found no work, when the next message it could
 * take falls due (0: none waiting). Both with herald_outbox_finish_count(). */
void               herald_outbox_count_sent_async  (HeraldOutbox        *self,
                                                    const char          *modem_id,
                                                    gint64               since,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void               herald_outbox_next_due_async    (HeraldOutbox        *self,
                                                    const char          *modem_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gint64             herald_outbox_finish_count      (HeraldOutbox        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
