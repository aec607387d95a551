/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-dialect.h"
#include "herald-flixysms-types.h"
#include "net/herald-http-client.h"
#include "net/herald-rest-client.h"

G_BEGIN_DECLS

/* The FlixySMS dialect (specs/flixysms-api.txt) over a HeraldHttpClient
 * with Bearer auth. Everything a person typed is checked before any request
 * (numbers normalised to E.164 with the account's default region, the text,
 * the media link) and refused as HERALD_PROVIDER_ERROR_INVALID_INPUT; every
 * HTTP refusal becomes a HERALD_PROVIDER_ERROR code carrying the status and
 * the server's own words. Sends are never retried once they may have reached
 * the server: such a failure is FATE_UNKNOWN and the caller decides. */


/* Filters of GET /messages/received; every member may be NULL. The client
 * copies what it needs, so the struct may live on the stack. */
typedef struct
{
  const char *from;        /* a sender's number, normalised like a recipient's */
  const char *device_id;
  GDateTime  *since;       /* inclusive, sent in UTC to the second */
  GDateTime  *until;       /* inclusive */
} HeraldFlixysmsReceivedFilter;

#define HERALD_TYPE_FLIXYSMS_CLIENT (herald_flixysms_client_get_type ())
/* A HeraldRestClient ("http-client", "default-region"). */
G_DECLARE_FINAL_TYPE (HeraldFlixysmsClient, herald_flixysms_client, HERALD, FLIXYSMS_CLIENT, HeraldRestClient)

/* @default_region (nullable): ISO 3166 code for numbers written without a
 * country code; without one, only international numbers are accepted. */
HeraldFlixysmsClient *herald_flixysms_client_new                (HeraldHttpClient               *http_client,
                                                                 const char                     *default_region);
/* The same over a new HeraldHttpClient; @base_url NULL for
 * HERALD_FLIXYSMS_DEFAULT_BASE_URL. INVALID_INPUT for a bad URL or an empty key. */
HeraldFlixysmsClient *herald_flixysms_client_new_for_key        (const char                     *base_url,
                                                                 const char                     *api_key,
                                                                 const char                     *default_region,
                                                                 GError                        **error);

/* The checks the sends make, for a UI that shows problems while typing. */
gboolean              herald_flixysms_validate_message          (const char                     *message,
                                                                 GError                        **error);
/* http(s) with a host, ending in a type the document lists (pdf, jpg, jpeg,
 * png, gif, webp, mp4, webm, mp3, ogg, wav, doc, docx, txt, zip). Whether
 * the device is a WhatsApp one only the server knows. */
gboolean              herald_flixysms_validate_media_url        (const char                     *media_url,
                                                                 GError                        **error);

/* POST /sms/send. @device_id and @media_url may be NULL. Cancelling a send
 * whose request is already on its way cannot call it back: a send that
 * ends in G_IO_ERROR_CANCELLED may have gone out, like FATE_UNKNOWN (the
 * bulk report marks such recipients FATE_UNKNOWN itself). */
void                  herald_flixysms_client_send_async         (HeraldFlixysmsClient           *self,
                                                                 const char                     *to,
                                                                 const char                     *message,
                                                                 const char                     *device_id,
                                                                 const char                     *media_url,
                                                                 GCancellable                   *cancellable,
                                                                 GAsyncReadyCallback             callback,
                                                                 gpointer                        user_data);
HeraldFlixysmsSendResult *
                      herald_flixysms_client_send_finish        (HeraldFlixysmsClient           *self,
                                                                 GAsyncResult                   *result,
                                                                 GError                        **error);

/* POST /sms/bulk, as many requests of at most HERALD_FLIXYSMS_BULK_MAX as
 * needed, one after the other. Invalid recipients are reported and never
 * sent; a number given twice (after normalisation) is sent once. The first
 * failing request stops the run: its recipients become FATE_UNKNOWN when
 * the server may have taken them, NOT_SENT when it refused them, and the
 * later ones stay NOT_SENT, so that sending the report's NOT_SENT numbers
 * again never sends anything twice.
 *
 * Like g_output_stream_write_all(), the finish function fills @report
 * (nullable) whether it succeeds or fails; it fails with the error of the
 * request that stopped the run, or INVALID_INPUT when there was nothing to
 * send. */
void                  herald_flixysms_client_bulk_async         (HeraldFlixysmsClient           *self,
                                                                 const char * const             *recipients,
                                                                 const char                     *message,
                                                                 const char                     *device_id,
                                                                 const char                     *media_url,
                                                                 GCancellable                   *cancellable,
                                                                 GAsyncReadyCallback             callback,
                                                                 gpointer                        user_data);
gboolean              herald_flixysms_client_bulk_finish        (HeraldFlixysmsClient           *self,
                                                                 GAsyncResult                   *result,
                                                                 HeraldFlixysmsBulkReport      **report,
                                                                 GError                        **error);

/* GET /sms/status/:id; NOT_FOUND for an id the server does not know. */
void                  herald_flixysms_client_status_async       (HeraldFlixysmsClient           *self,
                                                                 const char                     *message_id,
                                                                 GCancellable                   *cancellable,
                                                                 GAsyncReadyCallback             callback,
                                                                 gpointer                        user_data);
HeraldFlixysmsMessageStatus *
                      herald_flixysms_client_status_finish      (HeraldFlixysmsClient           *self,
                                                                 GAsyncResult                   *result,
                                                                 GError                        **error);

/* GET /messages/received: one page (@page 0 = 1). @per_page 0 leaves the
 * server's 25; the document names no such parameter, so a server may ignore
 * it: read the page's own per_page. */
void                  herald_flixysms_client_received_async     (HeraldFlixysmsClient           *self,
                                                                 const HeraldFlixysmsReceivedFilter *filter,
                                                                 guint                           page,
                                                                 guint                           per_page,
                                                                 GCancellable                   *cancellable,
                                                                 GAsyncReadyCallback             callback,
                                                                 gpointer                        user_data);
HeraldFlixysmsReceivedPage *
                      herald_flixysms_client_received_finish    (HeraldFlixysmsClient           *self,
                                                                 GAsyncResult                   *result,
                                                                 GError                        **error);

/* Every page, one after the other, into one list of
 * HeraldFlixysmsReceivedMessage in the server's order; a message seen on
 * two pages (new ones arriving shift the pages) is listed once. */
void                  herald_flixysms_client_received_all_async (HeraldFlixysmsClient           *self,
                                                                 const HeraldFlixysmsReceivedFilter *filter,
                                                                 GCancellable                   *cancellable,
                                                                 GAsyncReadyCallback             callback,
                                                                 gpointer                        user_data);
GListModel           *herald_flixysms_client_received_all_finish (HeraldFlixysmsClient          *self,
                                                                 GAsyncResult                   *result,
                                                                 GError                        **error);

/* Proves the URL and the key with the cheapest authenticated call (one
 * received message). */
void                  herald_flixysms_client_test_connection_async  (HeraldFlixysmsClient       *self,
                                                                     GCancellable               *cancellable,
                                                                     GAsyncReadyCallback         callback,
                                                                     gpointer                    user_data);
gboolean              herald_flixysms_client_test_connection_finish (HeraldFlixysmsClient       *self,
                                                                     GAsyncResult               *result,
                                                                     GError                    **error);

G_END_DECLS
