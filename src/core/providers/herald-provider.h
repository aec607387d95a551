/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-types.h"

G_BEGIN_DECLS

/* What every dialect can do, whatever its REST shape: send one text to some
 * numbers, look a message up, prove the key works and (where the dialect has
 * credits) read the balance. HeraldFlixysmsClient and HeraldFlashsmsClient
 * implement it; the local modems will join as a third implementation. The
 * campaign engine, the compose page and `heraldctl send` use only this; what
 * a dialect can do beyond it (received messages, history, credits, sender
 * IDs, contacts…) is an optional capability interface with this one as its
 * prerequisite (herald-inbox-source.h, herald-history-source.h and their
 * neighbours), tested with HERALD_IS_INBOX_SOURCE () and friends, never by
 * casting to a client. */

/* What a send may carry and whether credits count, so that a UI shows only
 * what the account can do (what it can do beyond sending is an interface:
 * see above). */
typedef enum
{
  HERALD_PROVIDER_FEATURE_NONE          = 0,
  HERALD_PROVIDER_FEATURE_BALANCE       = 1 << 0,  /* credits: get_balance, cost before sending */
  HERALD_PROVIDER_FEATURE_SENDER_ID     = 1 << 1,  /* HeraldOutgoing sender-id */
  HERALD_PROVIDER_FEATURE_DEVICE_ID     = 1 << 2,  /* HeraldOutgoing device-id */
  HERALD_PROVIDER_FEATURE_MEDIA         = 1 << 3,  /* HeraldOutgoing media-url */
  HERALD_PROVIDER_FEATURE_SCHEDULE      = 1 << 4,  /* HeraldOutgoing schedule */
  HERALD_PROVIDER_FEATURE_CAMPAIGN_NAME = 1 << 5,
} HeraldProviderFeatures;

/* ---- HeraldOutgoing: one text to some numbers ---------------------------- */

#define HERALD_TYPE_OUTGOING (herald_outgoing_get_type ())
typedef struct _HeraldOutgoing HeraldOutgoing;
GType            herald_outgoing_get_type          (void) G_GNUC_CONST;
HeraldOutgoing  *herald_outgoing_new               (const char     *text);
HeraldOutgoing  *herald_outgoing_ref               (HeraldOutgoing *self);
void             herald_outgoing_unref             (HeraldOutgoing *self);
/* Numbers as the user typed them; the provider normalises, reports the
 * invalid ones and sends each distinct number once. */
void             herald_outgoing_add_recipient     (HeraldOutgoing *self,
                                                    const char     *number);
const char      *herald_outgoing_get_text          (HeraldOutgoing *self);
const char * const *
                 herald_outgoing_get_recipients    (HeraldOutgoing *self);
guint            herald_outgoing_get_n_recipients  (HeraldOutgoing *self);
/* Optional parts; a provider without the matching feature refuses a send
 * that sets one (INVALID_INPUT) rather than dropping it. */
void             herald_outgoing_set_sender_id     (HeraldOutgoing *self,
                                                    const char     *sender_id);
const char      *herald_outgoing_get_sender_id     (HeraldOutgoing *self);
void             herald_outgoing_set_device_id     (HeraldOutgoing *self,
                                                    const char     *device_id);
const char      *herald_outgoing_get_device_id     (HeraldOutgoing *self);
void             herald_outgoing_set_media_url     (HeraldOutgoing *self,
                                                    const char     *media_url);
const char      *herald_outgoing_get_media_url     (HeraldOutgoing *self);
void             herald_outgoing_set_schedule      (HeraldOutgoing *self,
                                                    GDateTime      *schedule);
GDateTime       *herald_outgoing_get_schedule      (HeraldOutgoing *self);
void             herald_outgoing_set_campaign_name (HeraldOutgoing *self,
                                                    const char     *campaign_name);
const char      *herald_outgoing_get_campaign_name (HeraldOutgoing *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldOutgoing, herald_outgoing_unref)

/* ---- HeraldSendReport: what happened to each recipient ------------------- */

typedef enum
{
  HERALD_RECIPIENT_QUEUED,        /* the provider accepted it */
  HERALD_RECIPIENT_INVALID,       /* not a usable number (reason says why); never sent */
  HERALD_RECIPIENT_DUPLICATE,     /* same number as an earlier entry: sent once */
  HERALD_RECIPIENT_NOT_SENT,      /* a request failed before it went out (reason) */
  HERALD_RECIPIENT_FATE_UNKNOWN,  /* may have been accepted: check before sending again */
} HeraldRecipientOutcome;

const char *herald_recipient_outcome_to_string (HeraldRecipientOutcome outcome);

#define HERALD_TYPE_SEND_REPORT (herald_send_report_get_type ())
G_DECLARE_FINAL_TYPE (HeraldSendReport, herald_send_report, HERALD, SEND_REPORT, GObject)

HeraldSendReport      *herald_send_report_new                  (void);
/* For implementations: one entry per input, in the order given. @number is
 * the E.164 form (NULL when invalid); @message_id the provider's id for this
 * recipient (NULL when none); @reason a machine reason for INVALID
 * ("too-short", … from the phone module) or a sentence for NOT_SENT. */
void                   herald_send_report_add                  (HeraldSendReport       *self,
                                                                const char             *input,
                                                                const char             *number,
                                                                HeraldRecipientOutcome  outcome,
                                                                const char             *message_id,
                                                                const char             *reason);
/* The request ids the provider returned (FlashSMS: one per request). */
void                   herald_send_report_add_message_id       (HeraldSendReport       *self,
                                                                const char             *message_id);
void                   herald_send_report_set_credits          (HeraldSendReport       *self,
                                                                gint64                  credits_used,
                                                                gint64                  balance_after);
/* The error that stopped a split send part-way (NOT_SENT / FATE_UNKNOWN
 * entries then say who was affected). */
void                   herald_send_report_set_error            (HeraldSendReport       *self,
                                                                const GError           *error);

guint                  herald_send_report_get_n_recipients     (HeraldSendReport       *self);
const char            *herald_send_report_get_input            (HeraldSendReport       *self,
                                                                guint                   index);
const char            *herald_send_report_get_number           (HeraldSendReport       *self,
                                                                guint                   index);
HeraldRecipientOutcome herald_send_report_get_outcome          (HeraldSendReport       *self,
                                                                guint                   index);
const char            *herald_send_report_get_recipient_message_id (HeraldSendReport   *self,
                                                                guint                   index);
const char            *herald_send_report_get_reason           (HeraldSendReport       *self,
                                                                guint                   index);
guint                  herald_send_report_count                (HeraldSendReport       *self,
                                                                HeraldRecipientOutcome  outcome);
/* Every distinct id: the per-recipient ones and the request ones. */
const char * const    *herald_send_report_get_message_ids      (HeraldSendReport       *self);
gint64                 herald_send_report_get_credits_used     (HeraldSendReport       *self);  /* -1: not said */
gint64                 herald_send_report_get_balance_after    (HeraldSendReport       *self);  /* -1: not said */
const GError          *herald_send_report_get_error            (HeraldSendReport       *self);  /* nullable */

/* ---- HeraldConnectionReport: the verdict of "Test connection" ------------ */

#define HERALD_TYPE_CONNECTION_REPORT (herald_connection_report_get_type ())
G_DECLARE_FINAL_TYPE (HeraldConnectionReport, herald_connection_report, HERALD, CONNECTION_REPORT, GObject)

HeraldConnectionReport *herald_connection_report_new                (gint64                  balance,
                                                                     const char * const     *missing_scopes);
/* -1 when the dialect has no balance */
gint64                  herald_connection_report_get_balance        (HeraldConnectionReport *self);
/* Permissions the key lacks (FlashSMS "sms:send", …); empty, never NULL. */
const char * const     *herald_connection_report_get_missing_scopes (HeraldConnectionReport *self);

/* ---- the interface -------------------------------------------------------- */

#define HERALD_TYPE_PROVIDER (herald_provider_get_type ())
G_DECLARE_INTERFACE (HeraldProvider, herald_provider, HERALD, PROVIDER, GObject)

/* The *_finish members default to GTask propagation (a pointer for the
 * reports, an int for the state), so an implementation that answers
 * through a GTask sets only the *_async ones. */
struct _HeraldProviderInterface
{
  GTypeInterface parent_iface;

  HeraldDialect           (*get_dialect)            (HeraldProvider       *self);
  HeraldProviderFeatures  (*get_features)           (HeraldProvider       *self);

  void                    (*send_async)             (HeraldProvider       *self,
                                                     HeraldOutgoing       *outgoing,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
  HeraldSendReport       *(*send_finish)            (HeraldProvider       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

  void                    (*get_state_async)        (HeraldProvider       *self,
                                                     const char           *message_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
  HeraldDeliveryState     (*get_state_finish)       (HeraldProvider       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

  void                    (*test_connection_async)  (HeraldProvider       *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
  HeraldConnectionReport *(*test_connection_finish) (HeraldProvider       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

  /* Optional (HERALD_PROVIDER_FEATURE_BALANCE): the default answers
   * G_IO_ERROR_NOT_SUPPORTED. */
  void                    (*get_balance_async)      (HeraldProvider       *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
  gint64                  (*get_balance_finish)     (HeraldProvider       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

  /* Optional (HERALD_PROVIDER_FEATURE_MEDIA): the default takes any URL. */
  gboolean                (*validate_media_url)     (HeraldProvider       *self,
                                                     const char           *media_url,
                                                     GError              **error);
};

HeraldDialect           herald_provider_get_dialect            (HeraldProvider       *self);
HeraldProviderFeatures  herald_provider_get_features           (HeraldProvider       *self);
gboolean                herald_provider_has_feature            (HeraldProvider       *self,
                                                                HeraldProviderFeatures feature);

/* Sends @outgoing. Fails as a whole (HERALD_PROVIDER_ERROR) only when
 * nothing was accepted: e.g. no valid number (INVALID_INPUT, the report is
 * then not needed to explain it), a rejected key, 402. Otherwise the report
 * says per recipient what happened. A send whose fate is unknown is never
 * repeated behind the caller's back. */
void                    herald_provider_send_async             (HeraldProvider       *self,
                                                                HeraldOutgoing       *outgoing,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
HeraldSendReport       *herald_provider_send_finish            (HeraldProvider       *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* The state of one message by the id a send returned. */
void                    herald_provider_get_state_async        (HeraldProvider       *self,
                                                                const char           *message_id,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
HeraldDeliveryState     herald_provider_get_state_finish       (HeraldProvider       *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* Proves the URL and the key with the cheapest authenticated call. Errors:
 * UNAUTHORIZED (key rejected), NETWORK / TIMEOUT (unreachable), TLS, … A
 * key that works but lacks permissions is a success whose report lists
 * them. */
void                    herald_provider_test_connection_async  (HeraldProvider       *self,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
HeraldConnectionReport *herald_provider_test_connection_finish (HeraldProvider       *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* Credits; -1 with @error set on failure. */
void                    herald_provider_get_balance_async      (HeraldProvider       *self,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gint64                  herald_provider_get_balance_finish     (HeraldProvider       *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* Whether the dialect takes @media_url for HeraldOutgoing's media-url,
 * checked before anything is sent (INVALID_INPUT saying why not). */
gboolean                herald_provider_validate_media_url     (HeraldProvider       *self,
                                                                const char           *media_url,
                                                                GError              **error);

G_END_DECLS
