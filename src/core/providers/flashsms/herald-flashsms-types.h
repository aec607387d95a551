/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "providers/herald-provider-values.h"

G_BEGIN_DECLS

/* What FlashSMS answers, as immutable reference-counted values. Every
 * parser takes the whole JSON document of a 2xx answer (the
 * {"success": true, "data": …} envelope) and either returns a complete
 * value or fails with HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE naming the
 * endpoint and the field ("data.pagination.totalPages"). A required field
 * that is absent, null or of the wrong type is an error; an optional field
 * may be absent or null, but when present with the wrong type it is an error
 * too — nothing is silently read as zero. Parsers are pure: no I/O, no
 * global state, safe from any thread (the fuzz target runs them all).
 *
 * Counts the server did not give are -1 ("unknown"), never 0. */

/* Per message and per recipient. Values FlashSMS may add later parse as
 * UNKNOWN; the original text stays available through the *_string getters. */
typedef enum
{
  HERALD_FLASHSMS_STATUS_UNKNOWN,
  HERALD_FLASHSMS_STATUS_PENDING,     /* queued for delivery */
  HERALD_FLASHSMS_STATUS_SENT,        /* sent to the carrier */
  HERALD_FLASHSMS_STATUS_DELIVERED,   /* delivered to the handset */
  HERALD_FLASHSMS_STATUS_FAILED,
} HeraldFlashsmsStatus;

typedef enum
{
  HERALD_FLASHSMS_TRANSACTION_UNKNOWN,
  HERALD_FLASHSMS_TRANSACTION_PURCHASE,
  HERALD_FLASHSMS_TRANSACTION_USAGE,
  HERALD_FLASHSMS_TRANSACTION_REFUND,
  HERALD_FLASHSMS_TRANSACTION_BONUS,
  HERALD_FLASHSMS_TRANSACTION_ADJUSTMENT,
} HeraldFlashsmsTransactionType;

/* "PENDING", … as the API spells them; NULL for UNKNOWN. */
const char                    *herald_flashsms_status_to_string           (HeraldFlashsmsStatus           status);
HeraldFlashsmsStatus           herald_flashsms_status_from_string         (const char                    *string);
const char                    *herald_flashsms_transaction_type_to_string (HeraldFlashsmsTransactionType  type);
HeraldFlashsmsTransactionType  herald_flashsms_transaction_type_from_string (const char                  *string);

/* The "pagination" object of every paged list. */
typedef struct
{
  guint   page;
  guint   limit;
  guint64 total;
  guint   total_pages;
  gboolean has_more;
} HeraldFlashsmsPagination;

/* A recipient that was not sent to: what the caller gave and a machine
 * reason ("too-short", "not-mobile", … from the phone module, or
 * "rejected-by-server" when FlashSMS listed it in invalidRecipients). */
typedef struct
{
  char *input;
  char *reason;
} HeraldFlashsmsInvalidRecipient;

/* Everything an error answer said, for HERALD_PROVIDER_ERROR details. */
typedef struct
{
  char   *message;          /* "error" (string, or object with "message"), or "message" */
  char   *scope;            /* the permission a 403 names, e.g. "sms:send" */
  gint64  credits_needed;   /* -1: not said */
  gint64  balance;          /* -1: not said */
} HeraldFlashsmsErrorInfo;

/* Fills @info from any JSON (or NULL): never fails, unknown parts stay
 * NULL / -1. Free the strings with herald_flashsms_error_info_clear(). */
void     herald_flashsms_error_info_parse (JsonNode                *root,
                                           HeraldFlashsmsErrorInfo *info);
void     herald_flashsms_error_info_clear (HeraldFlashsmsErrorInfo *info);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HeraldFlashsmsErrorInfo, herald_flashsms_error_info_clear)

/* The HERALD_PROVIDER_ERROR for a non-2xx answer of @endpoint
 * ("POST /sms/send"): the code herald_provider_error_code_for_status()
 * gives, the server's message, the scope of a 403 and the credits of a 402.
 * @root may be NULL (no body, or not JSON). */
GError  *herald_flashsms_error_new_from_response (guint        http_status,
                                                  JsonNode    *root,
                                                  const char  *endpoint);

/* The scopes FlashSMS documents, NULL-terminated, in the document's order. */
const char * const *herald_flashsms_get_known_scopes (void);

/* ---- what to send ---------------------------------------------------------- */

/* A message and its audience for herald_flashsms_client_send_async():
 * explicit numbers (normalised and checked by the client), groups,
 * contacts, or every contact, with the sender ID, a campaign name and an
 * optional schedule. The client reads it before send_async() returns. */
#define HERALD_TYPE_FLASHSMS_OUTGOING (herald_flashsms_outgoing_get_type ())
typedef struct _HeraldFlashsmsOutgoing HeraldFlashsmsOutgoing;
HERALD_DECLARE_VALUE (HeraldFlashsmsOutgoing, herald_flashsms_outgoing)
HeraldFlashsmsOutgoing *herald_flashsms_outgoing_new               (const char             *message);
void                    herald_flashsms_outgoing_add_recipient     (HeraldFlashsmsOutgoing *self,
                                                                    const char             *number);
void                    herald_flashsms_outgoing_add_group         (HeraldFlashsmsOutgoing *self,
                                                                    const char             *group_id);
void                    herald_flashsms_outgoing_add_contact       (HeraldFlashsmsOutgoing *self,
                                                                    const char             *contact_id);
void                    herald_flashsms_outgoing_set_all_contacts  (HeraldFlashsmsOutgoing *self,
                                                                    gboolean                all_contacts);
/* NULL: the account's first approved sender ID. */
void                    herald_flashsms_outgoing_set_sender_id     (HeraldFlashsmsOutgoing *self,
                                                                    const char             *sender_id);
void                    herald_flashsms_outgoing_set_campaign_name (HeraldFlashsmsOutgoing *self,
                                                                    const char             *campaign_name);
/* NULL: send now. */
void                    herald_flashsms_outgoing_set_schedule      (HeraldFlashsmsOutgoing *self,
                                                                    GDateTime              *when);
const char             *herald_flashsms_outgoing_get_message       (const HeraldFlashsmsOutgoing *self);
const char * const     *herald_flashsms_outgoing_get_recipients    (const HeraldFlashsmsOutgoing *self);
const char * const     *herald_flashsms_outgoing_get_groups        (const HeraldFlashsmsOutgoing *self);
const char * const     *herald_flashsms_outgoing_get_contacts      (const HeraldFlashsmsOutgoing *self);
gboolean                herald_flashsms_outgoing_get_all_contacts  (const HeraldFlashsmsOutgoing *self);
const char             *herald_flashsms_outgoing_get_sender_id     (const HeraldFlashsmsOutgoing *self);
const char             *herald_flashsms_outgoing_get_campaign_name (const HeraldFlashsmsOutgoing *self);
GDateTime              *herald_flashsms_outgoing_get_schedule      (const HeraldFlashsmsOutgoing *self);

/* ---- POST /sms/send ------------------------------------------------------ */

#define HERALD_TYPE_FLASHSMS_SEND_RESULT (herald_flashsms_send_result_get_type ())
typedef struct _HeraldFlashsmsSendResult HeraldFlashsmsSendResult;
HERALD_DECLARE_VALUE (HeraldFlashsmsSendResult, herald_flashsms_send_result)
HeraldFlashsmsSendResult *herald_flashsms_send_result_parse                 (JsonNode                       *root,
                                                                             GError                        **error);
/* One id per request made (a send split into several requests has several). */
const char * const       *herald_flashsms_send_result_get_message_ids       (const HeraldFlashsmsSendResult *self);
guint                     herald_flashsms_send_result_get_recipients_sent   (const HeraldFlashsmsSendResult *self);
gint64                    herald_flashsms_send_result_get_credits_used      (const HeraldFlashsmsSendResult *self);
/* After the last request that was answered; -1 when none was made. */
gint64                    herald_flashsms_send_result_get_remaining_credits (const HeraldFlashsmsSendResult *self);
gboolean                  herald_flashsms_send_result_get_scheduled         (const HeraldFlashsmsSendResult *self);
GDateTime                *herald_flashsms_send_result_get_schedule_date     (const HeraldFlashsmsSendResult *self);
const HeraldFlashsmsInvalidRecipient *
                          herald_flashsms_send_result_get_invalid           (const HeraldFlashsmsSendResult *self,
                                                                             guint                          *n_invalid);
/* When a send was split and a later request failed, the requests after it
 * were not made: these recipients (FlashSMS form) and contact ids were not
 * sent, and get_error() says why. The error is FATE_UNKNOWN when the failed
 * request itself may have been accepted. NULL / empty when all went out. */
const GError             *herald_flashsms_send_result_get_error             (const HeraldFlashsmsSendResult *self);
const char * const       *herald_flashsms_send_result_get_unsent_recipients (const HeraldFlashsmsSendResult *self);
const char * const       *herald_flashsms_send_result_get_unsent_contact_ids (const HeraldFlashsmsSendResult *self);

/* ---- GET /balance -------------------------------------------------------- */

#define HERALD_TYPE_FLASHSMS_BALANCE (herald_flashsms_balance_get_type ())
typedef struct _HeraldFlashsmsBalance HeraldFlashsmsBalance;
HERALD_DECLARE_VALUE (HeraldFlashsmsBalance, herald_flashsms_balance)
HeraldFlashsmsBalance *herald_flashsms_balance_parse             (JsonNode                    *root,
                                                                  GError                     **error);
gint64                 herald_flashsms_balance_get_balance       (const HeraldFlashsmsBalance *self);
const char            *herald_flashsms_balance_get_currency      (const HeraldFlashsmsBalance *self);  /* nullable */
const char            *herald_flashsms_balance_get_account_name  (const HeraldFlashsmsBalance *self);  /* nullable */
const char            *herald_flashsms_balance_get_account_phone (const HeraldFlashsmsBalance *self);  /* nullable */

/* ---- a message: GET /sms/status/:id and the entries of GET /sms ---------- */

#define HERALD_TYPE_FLASHSMS_MESSAGE (herald_flashsms_message_get_type ())
typedef struct _HeraldFlashsmsMessage HeraldFlashsmsMessage;
HERALD_DECLARE_VALUE (HeraldFlashsmsMessage, herald_flashsms_message)
/* GET /sms/status/:id */
HeraldFlashsmsMessage *herald_flashsms_message_parse               (JsonNode                    *root,
                                                                    GError                     **error);
const char            *herald_flashsms_message_get_id              (const HeraldFlashsmsMessage *self);
/* History truncates it to 160 characters. */
const char            *herald_flashsms_message_get_text            (const HeraldFlashsmsMessage *self);
guint                  herald_flashsms_message_get_recipient_count (const HeraldFlashsmsMessage *self);
HeraldFlashsmsStatus   herald_flashsms_message_get_status          (const HeraldFlashsmsMessage *self);
const char            *herald_flashsms_message_get_status_string   (const HeraldFlashsmsMessage *self);
gint64                 herald_flashsms_message_get_credits_used    (const HeraldFlashsmsMessage *self);
const char            *herald_flashsms_message_get_sender_id       (const HeraldFlashsmsMessage *self);  /* nullable */
const char            *herald_flashsms_message_get_campaign_name   (const HeraldFlashsmsMessage *self);  /* nullable, undocumented */
GDateTime             *herald_flashsms_message_get_scheduled_at    (const HeraldFlashsmsMessage *self);  /* nullable */
GDateTime             *herald_flashsms_message_get_sent_at         (const HeraldFlashsmsMessage *self);  /* nullable */
GDateTime             *herald_flashsms_message_get_created_at      (const HeraldFlashsmsMessage *self);

/* ---- GET /sms ------------------------------------------------------------ */

#define HERALD_TYPE_FLASHSMS_HISTORY_PAGE (herald_flashsms_history_page_get_type ())
typedef struct _HeraldFlashsmsHistoryPage HeraldFlashsmsHistoryPage;
HERALD_DECLARE_VALUE (HeraldFlashsmsHistoryPage, herald_flashsms_history_page)
HeraldFlashsmsHistoryPage      *herald_flashsms_history_page_parse          (JsonNode                        *root,
                                                                             GError                         **error);
/* (element-type HeraldFlashsmsMessage) (transfer none) */
GPtrArray                      *herald_flashsms_history_page_get_messages   (const HeraldFlashsmsHistoryPage *self);
const HeraldFlashsmsPagination *herald_flashsms_history_page_get_pagination (const HeraldFlashsmsHistoryPage *self);

/* ---- POST /sms/estimate -------------------------------------------------- */

#define HERALD_TYPE_FLASHSMS_ESTIMATE (herald_flashsms_estimate_get_type ())
typedef struct _HeraldFlashsmsEstimate HeraldFlashsmsEstimate;
HERALD_DECLARE_VALUE (HeraldFlashsmsEstimate, herald_flashsms_estimate)
HeraldFlashsmsEstimate *herald_flashsms_estimate_parse                (JsonNode                     *root,
                                                                       GError                      **error);
guint                   herald_flashsms_estimate_get_length           (const HeraldFlashsmsEstimate *self);
guint                   herald_flashsms_estimate_get_parts            (const HeraldFlashsmsEstimate *self);
const char             *herald_flashsms_estimate_get_encoding         (const HeraldFlashsmsEstimate *self);  /* "GSM-7", "UCS-2" */
guint                   herald_flashsms_estimate_get_recipient_count  (const HeraldFlashsmsEstimate *self);
gint64                  herald_flashsms_estimate_get_credits_required (const HeraldFlashsmsEstimate *self);
gint64                  herald_flashsms_estimate_get_current_balance  (const HeraldFlashsmsEstimate *self);
gboolean                herald_flashsms_estimate_get_can_afford       (const HeraldFlashsmsEstimate *self);

/* ---- GET /sms/:id/recipients --------------------------------------------- */

/* One recipient of a delivery report; owned by its report. */
typedef struct
{
  char                 *phone;        /* as FlashSMS reports it: "233201234567" */
  HeraldFlashsmsStatus  status;
  char                 *status_string;
  GDateTime            *sent_at;      /* nullable */
} HeraldFlashsmsRecipientState;

#define HERALD_TYPE_FLASHSMS_REPORT (herald_flashsms_report_get_type ())
typedef struct _HeraldFlashsmsReport HeraldFlashsmsReport;
HERALD_DECLARE_VALUE (HeraldFlashsmsReport, herald_flashsms_report)
HeraldFlashsmsReport *herald_flashsms_report_parse               (JsonNode                   *root,
                                                                  GError                    **error);
const char           *herald_flashsms_report_get_message_id      (const HeraldFlashsmsReport *self);
HeraldFlashsmsStatus  herald_flashsms_report_get_status          (const HeraldFlashsmsReport *self);
const char           *herald_flashsms_report_get_status_string   (const HeraldFlashsmsReport *self);
guint                 herald_flashsms_report_get_recipient_count (const HeraldFlashsmsReport *self);
const HeraldFlashsmsRecipientState *
                      herald_flashsms_report_get_recipients      (const HeraldFlashsmsReport *self,
                                                                  guint                      *n_recipients);
/* The recipient state for @phone (FlashSMS form), or NULL. */
const HeraldFlashsmsRecipientState *
                      herald_flashsms_report_lookup              (const HeraldFlashsmsReport *self,
                                                                  const char                 *phone);
guint                 herald_flashsms_report_get_delivered       (const HeraldFlashsmsReport *self);
guint                 herald_flashsms_report_get_failed          (const HeraldFlashsmsReport *self);
guint                 herald_flashsms_report_get_pending         (const HeraldFlashsmsReport *self);
/* Percent, as the server computed it (66.7). */
double                herald_flashsms_report_get_delivery_rate   (const HeraldFlashsmsReport *self);

/* ---- contacts ------------------------------------------------------------ */

#define HERALD_TYPE_FLASHSMS_CONTACT (herald_flashsms_contact_get_type ())
typedef struct _HeraldFlashsmsContact HeraldFlashsmsContact;
HERALD_DECLARE_VALUE (HeraldFlashsmsContact, herald_flashsms_contact)
/* POST /contacts, GET|PUT /contacts/:id: "data" is the contact, or holds it
 * as "data.contact". @endpoint names the request in errors. */
HeraldFlashsmsContact *herald_flashsms_contact_parse          (JsonNode                    *root,
                                                               const char                  *endpoint,
                                                               GError                     **error);
const char            *herald_flashsms_contact_get_id         (const HeraldFlashsmsContact *self);
const char            *herald_flashsms_contact_get_phone      (const HeraldFlashsmsContact *self);
const char            *herald_flashsms_contact_get_first_name (const HeraldFlashsmsContact *self);  /* nullable */
const char            *herald_flashsms_contact_get_last_name  (const HeraldFlashsmsContact *self);  /* nullable */
const char            *herald_flashsms_contact_get_email      (const HeraldFlashsmsContact *self);  /* nullable */
GDateTime             *herald_flashsms_contact_get_created_at (const HeraldFlashsmsContact *self);  /* nullable */

#define HERALD_TYPE_FLASHSMS_CONTACT_PAGE (herald_flashsms_contact_page_get_type ())
typedef struct _HeraldFlashsmsContactPage HeraldFlashsmsContactPage;
HERALD_DECLARE_VALUE (HeraldFlashsmsContactPage, herald_flashsms_contact_page)
/* GET /contacts: {"contacts": […], "pagination": {…}} */
HeraldFlashsmsContactPage      *herald_flashsms_contact_page_parse          (JsonNode                        *root,
                                                                             GError                         **error);
/* (element-type HeraldFlashsmsContact) (transfer none) */
GPtrArray                      *herald_flashsms_contact_page_get_contacts   (const HeraldFlashsmsContactPage *self);
const HeraldFlashsmsPagination *herald_flashsms_contact_page_get_pagination (const HeraldFlashsmsContactPage *self);

/* ---- POST /contacts/import ------------------------------------------------ */

#define HERALD_TYPE_FLASHSMS_IMPORT_RESULT (herald_flashsms_import_result_get_type ())
typedef struct _HeraldFlashsmsImportResult HeraldFlashsmsImportResult;
HERALD_DECLARE_VALUE (HeraldFlashsmsImportResult, herald_flashsms_import_result)
HeraldFlashsmsImportResult *herald_flashsms_import_result_parse        (JsonNode                         *root,
                                                                        GError                          **error);
/* Sums over every request of a split import; "invalid" and "total" also
 * count the numbers Herald refused before sending (see get_rejected). */
guint                       herald_flashsms_import_result_get_imported (const HeraldFlashsmsImportResult *self);
guint                       herald_flashsms_import_result_get_created  (const HeraldFlashsmsImportResult *self);
guint                       herald_flashsms_import_result_get_skipped  (const HeraldFlashsmsImportResult *self);
guint                       herald_flashsms_import_result_get_invalid  (const HeraldFlashsmsImportResult *self);
guint                       herald_flashsms_import_result_get_total    (const HeraldFlashsmsImportResult *self);
guint                       herald_flashsms_import_result_get_n_requests (const HeraldFlashsmsImportResult *self);
const HeraldFlashsmsInvalidRecipient *
                            herald_flashsms_import_result_get_rejected (const HeraldFlashsmsImportResult *self,
                                                                        guint                            *n_rejected);

/* ---- contact groups ------------------------------------------------------- */

#define HERALD_TYPE_FLASHSMS_GROUP (herald_flashsms_group_get_type ())
typedef struct _HeraldFlashsmsGroup HeraldFlashsmsGroup;
HERALD_DECLARE_VALUE (HeraldFlashsmsGroup, herald_flashsms_group)
/* POST /contacts/groups: "data" or "data.group". */
HeraldFlashsmsGroup *herald_flashsms_group_parse             (JsonNode                  *root,
                                                              const char                *endpoint,
                                                              GError                   **error);
/* GET /contacts/groups: (element-type HeraldFlashsmsGroup) (transfer full) */
GPtrArray           *herald_flashsms_group_list_parse        (JsonNode                  *root,
                                                              GError                   **error);
const char          *herald_flashsms_group_get_id            (const HeraldFlashsmsGroup *self);
const char          *herald_flashsms_group_get_name          (const HeraldFlashsmsGroup *self);
gint64               herald_flashsms_group_get_contact_count (const HeraldFlashsmsGroup *self);  /* -1: not said */
GDateTime           *herald_flashsms_group_get_created_at    (const HeraldFlashsmsGroup *self);  /* nullable */

/* ---- GET /sender-ids ------------------------------------------------------ */

#define HERALD_TYPE_FLASHSMS_SENDER_ID (herald_flashsms_sender_id_get_type ())
typedef struct _HeraldFlashsmsSenderId HeraldFlashsmsSenderId;
HERALD_DECLARE_VALUE (HeraldFlashsmsSenderId, herald_flashsms_sender_id)
/* (element-type HeraldFlashsmsSenderId) (transfer full) */
GPtrArray              *herald_flashsms_sender_id_list_parse      (JsonNode                     *root,
                                                                   GError                      **error);
const char             *herald_flashsms_sender_id_get_id          (const HeraldFlashsmsSenderId *self);
const char             *herald_flashsms_sender_id_get_name        (const HeraldFlashsmsSenderId *self);
const char             *herald_flashsms_sender_id_get_status      (const HeraldFlashsmsSenderId *self);   /* "APPROVED" */
GDateTime              *herald_flashsms_sender_id_get_created_at  (const HeraldFlashsmsSenderId *self);   /* nullable */
GDateTime              *herald_flashsms_sender_id_get_approved_at (const HeraldFlashsmsSenderId *self);   /* nullable */

/* ---- templates ------------------------------------------------------------ */

#define HERALD_TYPE_FLASHSMS_TEMPLATE (herald_flashsms_template_get_type ())
typedef struct _HeraldFlashsmsTemplate HeraldFlashsmsTemplate;
HERALD_DECLARE_VALUE (HeraldFlashsmsTemplate, herald_flashsms_template)
/* POST /templates, PUT /templates/:id: "data" or "data.template". */
HeraldFlashsmsTemplate *herald_flashsms_template_parse          (JsonNode                     *root,
                                                                 const char                   *endpoint,
                                                                 GError                      **error);
/* GET /templates: (element-type HeraldFlashsmsTemplate) (transfer full) */
GPtrArray              *herald_flashsms_template_list_parse     (JsonNode                     *root,
                                                                 GError                      **error);
const char             *herald_flashsms_template_get_id         (const HeraldFlashsmsTemplate *self);
const char             *herald_flashsms_template_get_name       (const HeraldFlashsmsTemplate *self);
const char             *herald_flashsms_template_get_content    (const HeraldFlashsmsTemplate *self);
GDateTime              *herald_flashsms_template_get_created_at (const HeraldFlashsmsTemplate *self);  /* nullable */
GDateTime              *herald_flashsms_template_get_updated_at (const HeraldFlashsmsTemplate *self);  /* nullable */

/* ---- GET /transactions ---------------------------------------------------- */

#define HERALD_TYPE_FLASHSMS_TRANSACTION (herald_flashsms_transaction_get_type ())
typedef struct _HeraldFlashsmsTransaction HeraldFlashsmsTransaction;
HERALD_DECLARE_VALUE (HeraldFlashsmsTransaction, herald_flashsms_transaction)
const char                    *herald_flashsms_transaction_get_id          (const HeraldFlashsmsTransaction *self);
HeraldFlashsmsTransactionType  herald_flashsms_transaction_get_kind        (const HeraldFlashsmsTransaction *self);
const char                    *herald_flashsms_transaction_get_kind_string (const HeraldFlashsmsTransaction *self);
/* Negative for usage. */
gint64                         herald_flashsms_transaction_get_amount      (const HeraldFlashsmsTransaction *self);
/* The balance after it. */
gint64                         herald_flashsms_transaction_get_balance     (const HeraldFlashsmsTransaction *self);
const char                    *herald_flashsms_transaction_get_description (const HeraldFlashsmsTransaction *self);  /* nullable */
/* For usage, the message id. */
const char                    *herald_flashsms_transaction_get_reference   (const HeraldFlashsmsTransaction *self);  /* nullable */
GDateTime                     *herald_flashsms_transaction_get_created_at  (const HeraldFlashsmsTransaction *self);

#define HERALD_TYPE_FLASHSMS_TRANSACTION_PAGE (herald_flashsms_transaction_page_get_type ())
typedef struct _HeraldFlashsmsTransactionPage HeraldFlashsmsTransactionPage;
HERALD_DECLARE_VALUE (HeraldFlashsmsTransactionPage, herald_flashsms_transaction_page)
HeraldFlashsmsTransactionPage  *herald_flashsms_transaction_page_parse            (JsonNode                            *root,
                                                                                   GError                             **error);
/* (element-type HeraldFlashsmsTransaction) (transfer none) */
GPtrArray                      *herald_flashsms_transaction_page_get_transactions (const HeraldFlashsmsTransactionPage *self);
const HeraldFlashsmsPagination *herald_flashsms_transaction_page_get_pagination   (const HeraldFlashsmsTransactionPage *self);

/* ---- what test_connection found ------------------------------------------- */

#define HERALD_TYPE_FLASHSMS_KEY_CHECK (herald_flashsms_key_check_get_type ())
typedef struct _HeraldFlashsmsKeyCheck HeraldFlashsmsKeyCheck;
HERALD_DECLARE_VALUE (HeraldFlashsmsKeyCheck, herald_flashsms_key_check)
/* NULL when the key lacks balance:read. */
HeraldFlashsmsBalance  *herald_flashsms_key_check_get_balance        (const HeraldFlashsmsKeyCheck *self);
/* Scopes the probes showed present / absent / could not tell (a probe that
 * failed for another reason, e.g. a 500). NULL-terminated, in the
 * document's order. */
const char * const     *herald_flashsms_key_check_get_granted        (const HeraldFlashsmsKeyCheck *self);
const char * const     *herald_flashsms_key_check_get_missing        (const HeraldFlashsmsKeyCheck *self);
const char * const     *herald_flashsms_key_check_get_undetermined   (const HeraldFlashsmsKeyCheck *self);
gboolean                herald_flashsms_key_check_has_scope          (const HeraldFlashsmsKeyCheck *self,
                                                                      const char                   *scope);

G_END_DECLS
