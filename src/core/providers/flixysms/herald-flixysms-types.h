/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "providers/herald-provider-values.h"

G_BEGIN_DECLS

/* What FlixySMS answers, as typed values, and the pure functions that read
 * them from its JSON. A parser never trusts the server: a missing or
 * wrongly typed required field fails with HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE
 * naming the field and the endpoint; optional fields may be absent or null
 * (their getters return NULL, or -1 for numbers). A 2xx body with
 * "success": false fails with the server's own message. */

#define HERALD_FLIXYSMS_BULK_MAX 100   /* recipients a bulk request may carry */

/* One accepted send (POST /sms/send). */
typedef struct _HeraldFlixysmsSendResult HeraldFlixysmsSendResult;

#define HERALD_TYPE_FLIXYSMS_SEND_RESULT (herald_flixysms_send_result_get_type ())
HERALD_DECLARE_VALUE (HeraldFlixysmsSendResult, herald_flixysms_send_result)
HeraldFlixysmsSendResult *herald_flixysms_send_result_parse          (JsonNode                 *root,
                                                                      GError                  **error);
const char               *herald_flixysms_send_result_get_message_id (HeraldFlixysmsSendResult *self);
const char               *herald_flixysms_send_result_get_status     (HeraldFlixysmsSendResult *self);
const char               *herald_flixysms_send_result_get_device_id  (HeraldFlixysmsSendResult *self);   /* nullable */
const char               *herald_flixysms_send_result_get_to         (HeraldFlixysmsSendResult *self);   /* nullable */
const char               *herald_flixysms_send_result_get_message    (HeraldFlixysmsSendResult *self);   /* nullable */
const char               *herald_flixysms_send_result_get_media_url  (HeraldFlixysmsSendResult *self);   /* nullable */

/* One accepted bulk request (POST /sms/bulk). */
typedef struct _HeraldFlixysmsBulkResult HeraldFlixysmsBulkResult;

#define HERALD_TYPE_FLIXYSMS_BULK_RESULT (herald_flixysms_bulk_result_get_type ())
HERALD_DECLARE_VALUE (HeraldFlixysmsBulkResult, herald_flixysms_bulk_result)
HeraldFlixysmsBulkResult *herald_flixysms_bulk_result_parse           (JsonNode                 *root,
                                                                       GError                  **error);
/* NULL-terminated, in the server's order. */
const char * const       *herald_flixysms_bulk_result_get_message_ids (HeraldFlixysmsBulkResult *self,
                                                                       guint                    *n_ids);
const char               *herald_flixysms_bulk_result_get_device_id   (HeraldFlixysmsBulkResult *self);   /* nullable */
guint                     herald_flixysms_bulk_result_get_total       (HeraldFlixysmsBulkResult *self);
guint                     herald_flixysms_bulk_result_get_valid       (HeraldFlixysmsBulkResult *self);
guint                     herald_flixysms_bulk_result_get_invalid     (HeraldFlixysmsBulkResult *self);
guint                     herald_flixysms_bulk_result_get_queued      (HeraldFlixysmsBulkResult *self);

/* GET /sms/status/:id */
typedef struct _HeraldFlixysmsMessageStatus HeraldFlixysmsMessageStatus;

#define HERALD_TYPE_FLIXYSMS_MESSAGE_STATUS (herald_flixysms_message_status_get_type ())
HERALD_DECLARE_VALUE (HeraldFlixysmsMessageStatus, herald_flixysms_message_status)
HeraldFlixysmsMessageStatus *herald_flixysms_message_status_parse            (JsonNode                    *root,
                                                                              GError                     **error);
const char                  *herald_flixysms_message_status_get_message_id   (HeraldFlixysmsMessageStatus *self);
/* As the server says it: "queued", "sent", "delivered", "failed", … */
const char                  *herald_flixysms_message_status_get_status       (HeraldFlixysmsMessageStatus *self);
GDateTime                   *herald_flixysms_message_status_get_delivered_at (HeraldFlixysmsMessageStatus *self);   /* nullable */
const char                  *herald_flixysms_message_status_get_device_id    (HeraldFlixysmsMessageStatus *self);   /* nullable */

/* One received message: a GObject (read-only properties) so that pages and
 * whole inboxes can be GListModels for the UI. */
#define HERALD_TYPE_FLIXYSMS_RECEIVED_MESSAGE (herald_flixysms_received_message_get_type ())
G_DECLARE_FINAL_TYPE (HeraldFlixysmsReceivedMessage, herald_flixysms_received_message,
                      HERALD, FLIXYSMS_RECEIVED_MESSAGE, GObject)

/* @item: one element of the "data" array. */
HeraldFlixysmsReceivedMessage *herald_flixysms_received_message_parse            (JsonNode                      *item,
                                                                                  GError                       **error);
const char                    *herald_flixysms_received_message_get_id           (HeraldFlixysmsReceivedMessage *self);
const char                    *herald_flixysms_received_message_get_from         (HeraldFlixysmsReceivedMessage *self);
const char                    *herald_flixysms_received_message_get_message      (HeraldFlixysmsReceivedMessage *self);   /* may be "" (media) */
GDateTime                     *herald_flixysms_received_message_get_received_at  (HeraldFlixysmsReceivedMessage *self);
const char                    *herald_flixysms_received_message_get_device_id    (HeraldFlixysmsReceivedMessage *self);   /* nullable */
const char                    *herald_flixysms_received_message_get_device_name  (HeraldFlixysmsReceivedMessage *self);   /* nullable */
const char                    *herald_flixysms_received_message_get_device_phone (HeraldFlixysmsReceivedMessage *self);   /* nullable */
const char                    *herald_flixysms_received_message_get_message_type (HeraldFlixysmsReceivedMessage *self);   /* "sms", "whatsapp"; nullable */
int                            herald_flixysms_received_message_get_sim_slot     (HeraldFlixysmsReceivedMessage *self);   /* -1: unknown */

/* GET /messages/received: one page. */
typedef struct _HeraldFlixysmsReceivedPage HeraldFlixysmsReceivedPage;

#define HERALD_TYPE_FLIXYSMS_RECEIVED_PAGE (herald_flixysms_received_page_get_type ())
HERALD_DECLARE_VALUE (HeraldFlixysmsReceivedPage, herald_flixysms_received_page)
HeraldFlixysmsReceivedPage *herald_flixysms_received_page_parse           (JsonNode                   *root,
                                                                           GError                    **error);
/* Of HeraldFlixysmsReceivedMessage, in the server's order. */
GListModel                 *herald_flixysms_received_page_get_items       (HeraldFlixysmsReceivedPage *self);
guint                       herald_flixysms_received_page_get_page        (HeraldFlixysmsReceivedPage *self);
guint                       herald_flixysms_received_page_get_per_page    (HeraldFlixysmsReceivedPage *self);
guint                       herald_flixysms_received_page_get_total       (HeraldFlixysmsReceivedPage *self);
guint                       herald_flixysms_received_page_get_total_pages (HeraldFlixysmsReceivedPage *self);
gboolean                    herald_flixysms_received_page_get_has_more    (HeraldFlixysmsReceivedPage *self);

/* Errors. The server's message from any of the three shapes FlixySMS uses
 * ({"success":false,"error":…}, {"error":…}, plain text), cleaned up for
 * showing (one line, at most 200 characters); NULL when it has none. @root
 * is the parsed body when it was JSON, @body the raw one; both nullable. */
char                       *herald_flixysms_dup_server_message            (JsonNode                   *root,
                                                                           GBytes                     *body);
/* The HERALD_PROVIDER_ERROR for a non-2xx @http_status: 401 UNAUTHORIZED,
 * 403 FORBIDDEN, 404 NOT_FOUND, 400/422 and other 4xx BAD_REQUEST,
 * 429 RATE_LIMITED, 503 NO_DEVICE, other 5xx SERVER_ERROR; with Herald's
 * standard message for the code (herald_provider_error_new_for_code), the
 * status and @server_message (nullable) attached. */
GError                     *herald_flixysms_error_new_for_status          (guint                       http_status,
                                                                           const char                 *server_message);

/* What became of each recipient of a bulk send (herald_flixysms_client_bulk_async). */
typedef enum
{
  HERALD_FLIXYSMS_RECIPIENT_NOT_SENT,     /* refused by the server or never tried: safe to send again */
  HERALD_FLIXYSMS_RECIPIENT_QUEUED,       /* accepted, with its message ID */
  HERALD_FLIXYSMS_RECIPIENT_FATE_UNKNOWN, /* may have been sent: check before sending again */
  HERALD_FLIXYSMS_RECIPIENT_INVALID,      /* not a phone number: reported, never sent */
  HERALD_FLIXYSMS_RECIPIENT_DUPLICATE,    /* same number as an earlier recipient: sent once */
} HeraldFlixysmsRecipientState;

typedef struct _HeraldFlixysmsBulkReport HeraldFlixysmsBulkReport;

#define HERALD_TYPE_FLIXYSMS_BULK_REPORT (herald_flixysms_bulk_report_get_type ())
HERALD_DECLARE_VALUE (HeraldFlixysmsBulkReport, herald_flixysms_bulk_report)
/* One entry per input, in the order given. */
guint                         herald_flixysms_bulk_report_get_n_recipients  (HeraldFlixysmsBulkReport *self);
const char                   *herald_flixysms_bulk_report_get_input         (HeraldFlixysmsBulkReport *self,
                                                                             guint                     index);
const char                   *herald_flixysms_bulk_report_get_number        (HeraldFlixysmsBulkReport *self,
                                                                             guint                     index);   /* E.164; NULL when invalid */
HeraldFlixysmsRecipientState  herald_flixysms_bulk_report_get_state         (HeraldFlixysmsBulkReport *self,
                                                                             guint                     index);
const char                   *herald_flixysms_bulk_report_get_message_id    (HeraldFlixysmsBulkReport *self,
                                                                             guint                     index);   /* QUEUED only */
/* INVALID only: a sentence for people, and a code ("too-short", …) for scripts. */
const char                   *herald_flixysms_bulk_report_get_reason        (HeraldFlixysmsBulkReport *self,
                                                                             guint                     index);
const char                   *herald_flixysms_bulk_report_get_reason_code   (HeraldFlixysmsBulkReport *self,
                                                                             guint                     index);
/* DUPLICATE only: the index of the first recipient with the same number. */
guint                         herald_flixysms_bulk_report_get_duplicate_of  (HeraldFlixysmsBulkReport *self,
                                                                             guint                     index);
guint                         herald_flixysms_bulk_report_count             (HeraldFlixysmsBulkReport     *self,
                                                                             HeraldFlixysmsRecipientState  state);
/* The E.164 numbers in @state, each once, in input order (NULL-terminated). */
GStrv                         herald_flixysms_bulk_report_dup_numbers       (HeraldFlixysmsBulkReport     *self,
                                                                             HeraldFlixysmsRecipientState  state);
/* Every message ID the server returned, in order (NULL-terminated). */
const char * const           *herald_flixysms_bulk_report_get_message_ids   (HeraldFlixysmsBulkReport *self,
                                                                             guint                    *n_ids);
/* The requests that were answered, in order. */
guint                         herald_flixysms_bulk_report_get_n_batches     (HeraldFlixysmsBulkReport *self);
HeraldFlixysmsBulkResult     *herald_flixysms_bulk_report_get_batch         (HeraldFlixysmsBulkReport *self,
                                                                             guint                     index);

/* For HeraldFlixysmsClient, which fills a report as it goes. Each add_*
 * returns the new entry's index; set_state() moves a NOT_SENT entry on. */
HeraldFlixysmsBulkReport     *herald_flixysms_bulk_report_new               (void);
guint                         herald_flixysms_bulk_report_add_invalid       (HeraldFlixysmsBulkReport     *self,
                                                                             const char                   *input,
                                                                             const char                   *reason_code,
                                                                             const char                   *reason);
guint                         herald_flixysms_bulk_report_add_number        (HeraldFlixysmsBulkReport     *self,
                                                                             const char                   *input,
                                                                             const char                   *number);
guint                         herald_flixysms_bulk_report_add_duplicate     (HeraldFlixysmsBulkReport     *self,
                                                                             const char                   *input,
                                                                             const char                   *number,
                                                                             guint                         first);
void                          herald_flixysms_bulk_report_set_state         (HeraldFlixysmsBulkReport     *self,
                                                                             guint                         index,
                                                                             HeraldFlixysmsRecipientState  state,
                                                                             const char                   *message_id);
void                          herald_flixysms_bulk_report_add_batch         (HeraldFlixysmsBulkReport     *self,
                                                                             HeraldFlixysmsBulkResult     *batch);

G_END_DECLS
