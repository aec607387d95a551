/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-dialect.h"
#include "herald-flashsms-types.h"
#include "net/herald-http-client.h"
#include "net/herald-rest-client.h"
#include "text/herald-phone-number.h"

G_BEGIN_DECLS

/* Every endpoint of the FlashSMS API (flashsms-api.txt) over one
 * HeraldHttpClient, which carries the account's base URL, key, auth style
 * (Bearer or X-API-Key), rate limiter and retries. Answers come back as the
 * values of herald-flashsms-types.h; failures as HERALD_PROVIDER_ERROR with
 * the details FlashSMS gave (the scope of a 403, the credits of a 402, the
 * server's words for 400 and 404). What the client can check itself it
 * checks before sending anything (INVALID_INPUT): message length, numbers,
 * ids, page sizes. Sends are made with HERALD_HTTP_NOT_IDEMPOTENT: a send
 * that may have reached the server is never repeated behind the caller's
 * back (FATE_UNKNOWN). */

/* The document's limits. */
#define HERALD_FLASHSMS_MAX_CHARACTERS        918
#define HERALD_FLASHSMS_MAX_PARTS             6
#define HERALD_FLASHSMS_MAX_SEND_RECIPIENTS   1000
#define HERALD_FLASHSMS_MAX_IMPORT_CONTACTS   10000
#define HERALD_FLASHSMS_MAX_ESTIMATE_RECIPIENTS 10000
#define HERALD_FLASHSMS_MAX_HISTORY_LIMIT     100
#define HERALD_FLASHSMS_MAX_CONTACTS_LIMIT    200

/* Filters of GET /sms; every member may be left empty (UNKNOWN / NULL). */
typedef struct
{
  HeraldFlashsmsStatus  status;
  GDateTime            *start_date;
  GDateTime            *end_date;
} HeraldFlashsmsHistoryFilter;

/* Filters of GET /transactions. */
typedef struct
{
  HeraldFlashsmsTransactionType  type;
  GDateTime                     *start_date;
  GDateTime                     *end_date;
} HeraldFlashsmsTransactionFilter;

/* A contact to create, change or import; NULL members are left out (on
 * update: unchanged). Phones are normalised by the client. */
typedef struct
{
  const char *phone;
  const char *first_name;
  const char *last_name;
  const char *email;
} HeraldFlashsmsContactFields;

#define HERALD_TYPE_FLASHSMS_CLIENT (herald_flashsms_client_get_type ())
/* A HeraldRestClient: its "default-region" (numbers typed without a country
 * code) is HERALD_FLASHSMS_DEFAULT_REGION unless set. */
G_DECLARE_FINAL_TYPE (HeraldFlashsmsClient, herald_flashsms_client, HERALD, FLASHSMS_CLIENT, HeraldRestClient)

HeraldFlashsmsClient *herald_flashsms_client_new                (HeraldHttpClient      *http);
/* A client with its own HeraldHttpClient; INVALID_INPUT for a bad URL or key. */
HeraldFlashsmsClient *herald_flashsms_client_new_for_account    (const char            *base_url,
                                                                 const char            *api_key,
                                                                 HeraldAuthStyle        auth_style,
                                                                 GError               **error);

/* POST /sms/send. Numbers are normalised (invalid ones are listed in the
 * result and not sent; duplicates are sent once) and sent as 233XXXXXXXXX;
 * more than 1,000 numbers and contact ids are split into several requests
 * (groups and "all contacts" go with the first). The text must fit 918
 * characters in 6 parts (INVALID_INPUT otherwise). If the first request
 * fails, the send fails with its error (402: credits needed and balance);
 * if a later one fails, the result says what was not sent and why. */
void                      herald_flashsms_client_send_async   (HeraldFlashsmsClient    *self,
                                                               HeraldFlashsmsOutgoing  *outgoing,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);
HeraldFlashsmsSendResult *herald_flashsms_client_send_finish  (HeraldFlashsmsClient    *self,
                                                               GAsyncResult            *result,
                                                               GError                 **error);

/* GET /balance */
void                   herald_flashsms_client_get_balance_async  (HeraldFlashsmsClient  *self,
                                                                  GCancellable          *cancellable,
                                                                  GAsyncReadyCallback    callback,
                                                                  gpointer               user_data);
HeraldFlashsmsBalance *herald_flashsms_client_get_balance_finish (HeraldFlashsmsClient  *self,
                                                                  GAsyncResult          *result,
                                                                  GError               **error);

/* GET /sms: @filter may be NULL; @page from 1 (0: the first), @limit up
 * to 100 (0: the server's default, 20). */
void                       herald_flashsms_client_list_history_async  (HeraldFlashsmsClient              *self,
                                                                       const HeraldFlashsmsHistoryFilter *filter,
                                                                       guint                              page,
                                                                       guint                              limit,
                                                                       GCancellable                      *cancellable,
                                                                       GAsyncReadyCallback                callback,
                                                                       gpointer                           user_data);
HeraldFlashsmsHistoryPage *herald_flashsms_client_list_history_finish (HeraldFlashsmsClient              *self,
                                                                       GAsyncResult                      *result,
                                                                       GError                           **error);
/* Every page of GET /sms (100 a request), newest first, each message once
 * even when new ones shift the pages meanwhile.
 * Returns: (element-type HeraldFlashsmsMessage) (transfer container) */
void                       herald_flashsms_client_list_all_history_async  (HeraldFlashsmsClient              *self,
                                                                           const HeraldFlashsmsHistoryFilter *filter,
                                                                           GCancellable                      *cancellable,
                                                                           GAsyncReadyCallback                callback,
                                                                           gpointer                           user_data);
GPtrArray                 *herald_flashsms_client_list_all_history_finish (HeraldFlashsmsClient              *self,
                                                                           GAsyncResult                      *result,
                                                                           GError                           **error);

/* GET /sms/status/:messageId */
void                   herald_flashsms_client_get_status_async  (HeraldFlashsmsClient  *self,
                                                                 const char            *message_id,
                                                                 GCancellable          *cancellable,
                                                                 GAsyncReadyCallback    callback,
                                                                 gpointer               user_data);
HeraldFlashsmsMessage *herald_flashsms_client_get_status_finish (HeraldFlashsmsClient  *self,
                                                                 GAsyncResult          *result,
                                                                 GError               **error);

/* POST /sms/estimate: no SMS is sent; @recipient_count 1…10,000. */
void                    herald_flashsms_client_estimate_async  (HeraldFlashsmsClient  *self,
                                                                const char            *message,
                                                                guint                  recipient_count,
                                                                GCancellable          *cancellable,
                                                                GAsyncReadyCallback    callback,
                                                                gpointer               user_data);
HeraldFlashsmsEstimate *herald_flashsms_client_estimate_finish (HeraldFlashsmsClient  *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);

/* GET /sms/:messageId/recipients */
void                  herald_flashsms_client_get_report_async  (HeraldFlashsmsClient  *self,
                                                                const char            *message_id,
                                                                GCancellable          *cancellable,
                                                                GAsyncReadyCallback    callback,
                                                                gpointer               user_data);
HeraldFlashsmsReport *herald_flashsms_client_get_report_finish (HeraldFlashsmsClient  *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);

/* GET /contacts: @search (first name, last name or phone) and @group_id
 * may be NULL; @limit up to 200 (0: the server's default, 50). */
void                       herald_flashsms_client_list_contacts_async  (HeraldFlashsmsClient  *self,
                                                                        guint                  page,
                                                                        guint                  limit,
                                                                        const char            *search,
                                                                        const char            *group_id,
                                                                        GCancellable          *cancellable,
                                                                        GAsyncReadyCallback    callback,
                                                                        gpointer               user_data);
HeraldFlashsmsContactPage *herald_flashsms_client_list_contacts_finish (HeraldFlashsmsClient  *self,
                                                                        GAsyncResult          *result,
                                                                        GError               **error);
/* GET /contacts?search=…: a query that reads as a phone number is sent as
 * its national significant number ("241234567"), which FlashSMS finds
 * inside a contact's number whether it keeps 0XXXXXXXXX or 233XXXXXXXXX. */
void                       herald_flashsms_client_search_contacts_async  (HeraldFlashsmsClient  *self,
                                                                          const char            *query,
                                                                          guint                  page,
                                                                          guint                  limit,
                                                                          GCancellable          *cancellable,
                                                                          GAsyncReadyCallback    callback,
                                                                          gpointer               user_data);
HeraldFlashsmsContactPage *herald_flashsms_client_search_contacts_finish (HeraldFlashsmsClient  *self,
                                                                          GAsyncResult          *result,
                                                                          GError               **error);

/* GET /contacts/:contactId */
void                   herald_flashsms_client_get_contact_async     (HeraldFlashsmsClient              *self,
                                                                     const char                        *contact_id,
                                                                     GCancellable                      *cancellable,
                                                                     GAsyncReadyCallback                callback,
                                                                     gpointer                           user_data);
HeraldFlashsmsContact *herald_flashsms_client_get_contact_finish    (HeraldFlashsmsClient              *self,
                                                                     GAsyncResult                      *result,
                                                                     GError                           **error);
/* POST /contacts: @fields->phone is required; @group_id may be NULL. */
void                   herald_flashsms_client_create_contact_async  (HeraldFlashsmsClient              *self,
                                                                     const HeraldFlashsmsContactFields *fields,
                                                                     const char                        *group_id,
                                                                     GCancellable                      *cancellable,
                                                                     GAsyncReadyCallback                callback,
                                                                     gpointer                           user_data);
HeraldFlashsmsContact *herald_flashsms_client_create_contact_finish (HeraldFlashsmsClient              *self,
                                                                     GAsyncResult                      *result,
                                                                     GError                           **error);
/* PUT /contacts/:contactId (PATCH if the server refuses PUT with 405):
 * only the non-NULL fields are sent; @group_id adds it to a group. */
void                   herald_flashsms_client_update_contact_async  (HeraldFlashsmsClient              *self,
                                                                     const char                        *contact_id,
                                                                     const HeraldFlashsmsContactFields *fields,
                                                                     const char                        *group_id,
                                                                     GCancellable                      *cancellable,
                                                                     GAsyncReadyCallback                callback,
                                                                     gpointer                           user_data);
HeraldFlashsmsContact *herald_flashsms_client_update_contact_finish (HeraldFlashsmsClient              *self,
                                                                     GAsyncResult                      *result,
                                                                     GError                           **error);
/* DELETE /contacts/:contactId (FlashSMS soft-deletes). */
void                   herald_flashsms_client_delete_contact_async  (HeraldFlashsmsClient              *self,
                                                                     const char                        *contact_id,
                                                                     GCancellable                      *cancellable,
                                                                     GAsyncReadyCallback                callback,
                                                                     gpointer                           user_data);
gboolean               herald_flashsms_client_delete_contact_finish (HeraldFlashsmsClient              *self,
                                                                     GAsyncResult                      *result,
                                                                     GError                           **error);

/* POST /contacts/import: numbers the phone module refuses are counted as
 * invalid and listed (get_rejected), not sent; the rest go 10,000 a
 * request, the counts summed. @contacts is copied before this returns.
 * When a later request fails the import fails with its error; what earlier
 * requests imported stays, and importing again is safe (FlashSMS skips
 * numbers it has). */
void                        herald_flashsms_client_import_contacts_async  (HeraldFlashsmsClient              *self,
                                                                           const HeraldFlashsmsContactFields *contacts,
                                                                           guint                              n_contacts,
                                                                           const char                        *group_id,
                                                                           GCancellable                      *cancellable,
                                                                           GAsyncReadyCallback                callback,
                                                                           gpointer                           user_data);
HeraldFlashsmsImportResult *herald_flashsms_client_import_contacts_finish (HeraldFlashsmsClient              *self,
                                                                           GAsyncResult                      *result,
                                                                           GError                           **error);

/* GET /contacts/groups: (element-type HeraldFlashsmsGroup) (transfer container) */
void                 herald_flashsms_client_list_groups_async   (HeraldFlashsmsClient  *self,
                                                                 GCancellable          *cancellable,
                                                                 GAsyncReadyCallback    callback,
                                                                 gpointer               user_data);
GPtrArray           *herald_flashsms_client_list_groups_finish  (HeraldFlashsmsClient  *self,
                                                                 GAsyncResult          *result,
                                                                 GError               **error);
/* POST /contacts/groups */
void                 herald_flashsms_client_create_group_async  (HeraldFlashsmsClient  *self,
                                                                 const char            *name,
                                                                 GCancellable          *cancellable,
                                                                 GAsyncReadyCallback    callback,
                                                                 gpointer               user_data);
HeraldFlashsmsGroup *herald_flashsms_client_create_group_finish (HeraldFlashsmsClient  *self,
                                                                 GAsyncResult          *result,
                                                                 GError               **error);
/* DELETE /contacts/groups/:groupId (its contacts stay). */
void                 herald_flashsms_client_delete_group_async  (HeraldFlashsmsClient  *self,
                                                                 const char            *group_id,
                                                                 GCancellable          *cancellable,
                                                                 GAsyncReadyCallback    callback,
                                                                 gpointer               user_data);
gboolean             herald_flashsms_client_delete_group_finish (HeraldFlashsmsClient  *self,
                                                                 GAsyncResult          *result,
                                                                 GError               **error);

/* GET /sender-ids (approved ones only): (element-type HeraldFlashsmsSenderId) (transfer container) */
void                 herald_flashsms_client_list_sender_ids_async  (HeraldFlashsmsClient  *self,
                                                                    GCancellable          *cancellable,
                                                                    GAsyncReadyCallback    callback,
                                                                    gpointer               user_data);
GPtrArray           *herald_flashsms_client_list_sender_ids_finish (HeraldFlashsmsClient  *self,
                                                                    GAsyncResult          *result,
                                                                    GError               **error);

/* GET /templates: (element-type HeraldFlashsmsTemplate) (transfer container) */
void                    herald_flashsms_client_list_templates_async   (HeraldFlashsmsClient  *self,
                                                                       GCancellable          *cancellable,
                                                                       GAsyncReadyCallback    callback,
                                                                       gpointer               user_data);
GPtrArray              *herald_flashsms_client_list_templates_finish  (HeraldFlashsmsClient  *self,
                                                                       GAsyncResult          *result,
                                                                       GError               **error);
/* POST /templates */
void                    herald_flashsms_client_create_template_async  (HeraldFlashsmsClient  *self,
                                                                       const char            *name,
                                                                       const char            *content,
                                                                       GCancellable          *cancellable,
                                                                       GAsyncReadyCallback    callback,
                                                                       gpointer               user_data);
HeraldFlashsmsTemplate *herald_flashsms_client_create_template_finish (HeraldFlashsmsClient  *self,
                                                                       GAsyncResult          *result,
                                                                       GError               **error);
/* PUT /templates/:templateId (PATCH after a 405): both fields are required. */
void                    herald_flashsms_client_update_template_async  (HeraldFlashsmsClient  *self,
                                                                       const char            *template_id,
                                                                       const char            *name,
                                                                       const char            *content,
                                                                       GCancellable          *cancellable,
                                                                       GAsyncReadyCallback    callback,
                                                                       gpointer               user_data);
HeraldFlashsmsTemplate *herald_flashsms_client_update_template_finish (HeraldFlashsmsClient  *self,
                                                                       GAsyncResult          *result,
                                                                       GError               **error);
/* DELETE /templates/:templateId */
void                    herald_flashsms_client_delete_template_async  (HeraldFlashsmsClient  *self,
                                                                       const char            *template_id,
                                                                       GCancellable          *cancellable,
                                                                       GAsyncReadyCallback    callback,
                                                                       gpointer               user_data);
gboolean                herald_flashsms_client_delete_template_finish (HeraldFlashsmsClient  *self,
                                                                       GAsyncResult          *result,
                                                                       GError               **error);

/* GET /transactions: @filter may be NULL; @limit up to 100 (0: 20). */
void                           herald_flashsms_client_list_transactions_async  (HeraldFlashsmsClient                  *self,
                                                                                const HeraldFlashsmsTransactionFilter *filter,
                                                                                guint                                  page,
                                                                                guint                                  limit,
                                                                                GCancellable                          *cancellable,
                                                                                GAsyncReadyCallback                    callback,
                                                                                gpointer                               user_data);
HeraldFlashsmsTransactionPage *herald_flashsms_client_list_transactions_finish (HeraldFlashsmsClient                  *self,
                                                                                GAsyncResult                          *result,
                                                                                GError                               **error);

/* Checks the key: GET /balance, then one request per scope that changes
 * nothing — GET /sms?limit=1, /contacts?limit=1, /sender-ids, /templates,
 * /transactions?limit=1 for the read scopes; POST /sms/estimate (which
 * needs sms:send and sends nothing) for sms:send; and POST /contacts and
 * POST /templates with an empty body for the write scopes, where 403 means
 * the scope is missing and 400 (the empty body refused) that the key got
 * past the permission check. Nine requests in all. Fails only when the key is
 * refused (401) or FlashSMS cannot be reached; a probe that fails
 * otherwise leaves its scope undetermined. */
void                    herald_flashsms_client_test_connection_async  (HeraldFlashsmsClient  *self,
                                                                       GCancellable          *cancellable,
                                                                       GAsyncReadyCallback    callback,
                                                                       gpointer               user_data);
HeraldFlashsmsKeyCheck *herald_flashsms_client_test_connection_finish (HeraldFlashsmsClient  *self,
                                                                       GAsyncResult          *result,
                                                                       GError               **error);

G_END_DECLS
