/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the bridge's server reads from a request, as pure functions of its
 * bytes (no I/O, no state, no main loop): the bodies of POST /sms/send and
 * /sms/bulk, the query of GET /messages/received, the Authorization header
 * and the route patterns. A fuzz target can call each one on any input.
 * Every refusal is a HERALD_BRIDGE_REQUEST_ERROR whose message says what was
 * wrong and what to send instead, for the 400 answer's "error". */

/* Request bodies above this many bytes are refused (413). */
#define HERALD_BRIDGE_MAX_BODY 65536 /* 64 KiB */
/* FlixySMS's limit on recipients of one bulk request. */
#define HERALD_BRIDGE_MAX_BULK 100
/* FlixySMS's page size for received messages. */
#define HERALD_BRIDGE_RECEIVED_PER_PAGE 25

#define HERALD_BRIDGE_REQUEST_ERROR (herald_bridge_request_error_quark ())

typedef enum
{
  HERALD_BRIDGE_REQUEST_ERROR_BAD_JSON,        /* "invalid_json": not JSON, or not an object */
  HERALD_BRIDGE_REQUEST_ERROR_MISSING_FIELD,   /* "missing_field" */
  HERALD_BRIDGE_REQUEST_ERROR_INVALID_FIELD,   /* "invalid_field": wrong type, empty, out of range */
  HERALD_BRIDGE_REQUEST_ERROR_INVALID_NUMBER,  /* "invalid_number" */
  HERALD_BRIDGE_REQUEST_ERROR_MEDIA,           /* "media_not_supported": a modem sends no media */
  HERALD_BRIDGE_REQUEST_ERROR_TOO_MANY,        /* "too_many_recipients" */
} HeraldBridgeRequestError;

GQuark      herald_bridge_request_error_quark (void);
/* The short code above, for the answer's "code". */
const char *herald_bridge_request_error_code  (const GError *error);

/* A recipient that was refused, and why (for people). */
typedef struct
{
  char *input;
  char *reason;
} HeraldBridgeInvalid;

/* POST /sms/send or /sms/bulk. */
typedef struct
{
  GPtrArray *recipients;   /* E.164 strings, in the order given, duplicates kept */
  GPtrArray *invalid;      /* HeraldBridgeInvalid, bulk only */
  char      *message;
  char      *device_id;    /* nullable */
} HeraldBridgeSendRequest;

void herald_bridge_send_request_free (HeraldBridgeSendRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldBridgeSendRequest, herald_bridge_send_request_free)

/* /sms/send: "to" (one number, international form), "message", optional
 * "device_id"; "media_url" is refused (MEDIA). An invalid number is an
 * error (INVALID_NUMBER). */
HeraldBridgeSendRequest *herald_bridge_parse_send (const char  *body,
                                                   gsize        length,
                                                   GError     **error);
/* /sms/bulk: "recipients" (1 to 100 numbers), "message", optional
 * "device_id"; "media_url" refused. Invalid numbers go to ->invalid; an
 * error (INVALID_NUMBER) only when none is valid. */
HeraldBridgeSendRequest *herald_bridge_parse_bulk (const char  *body,
                                                   gsize        length,
                                                   GError     **error);

/* GET /messages/received?page=&device_id=&from=&since=&until= */
typedef struct
{
  guint   page;           /* from 1 */
  char   *device_id;      /* nullable */
  char   *from;           /* nullable, E.164 */
  gint64  since;          /* UTC µs, 0: none */
  gint64  until;          /* UTC µs, 0: none */
} HeraldBridgeReceivedQuery;

void herald_bridge_received_query_free (HeraldBridgeReceivedQuery *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldBridgeReceivedQuery, herald_bridge_received_query_free)

/* @query: the URI's query, undecoded (NULL: none). */
HeraldBridgeReceivedQuery *herald_bridge_parse_received_query (const char  *query,
                                                               GError     **error);

/* The key of "Authorization: Bearer KEY" (any case of "Bearer", spaces
 * around the key ignored): a pointer into @header and its length, or FALSE
 * when @header is NULL or not a bearer credential. */
gboolean herald_bridge_parse_bearer (const char  *header,
                                     const char **key,
                                     gsize       *length);

/* The password of "Authorization: Basic BASE64(user:password)" (any user
 * name), newly allocated (wipe it), or FALSE when @header is NULL or not a
 * basic credential with a non-empty password. */
gboolean herald_bridge_parse_basic (const char  *header,
                                    char       **password);

/* POST /message(s) of the SMS Gateway for Android API. */
typedef struct
{
  char      *id;                 /* nullable: the bridge makes one */
  char      *text;
  GPtrArray *recipients;         /* E.164 strings */
  gboolean   delivery_report;    /* "withDeliveryReport", default TRUE */
  guint      validity_minutes;   /* from "ttl" (seconds), 0: none */
} HeraldBridgeAndroidMessage;

void herald_bridge_android_message_free (HeraldBridgeAndroidMessage *message);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldBridgeAndroidMessage, herald_bridge_android_message_free)

/* 1 to 64 characters of A–Z a–z 0–9 _ - (what the app's ids are made of). */
gboolean herald_bridge_android_id_is_valid (const char *id);

/* "id" (optional), the text as "message" or "textMessage": {"text"},
 * "phoneNumbers" (1 to 100, each valid, international form), "ttl",
 * "withDeliveryReport"; a "dataMessage" or "isEncrypted": true is refused
 * (INVALID_FIELD): a modem here sends plain text only. */
HeraldBridgeAndroidMessage *herald_bridge_parse_android_message (const char  *body,
                                                                 gsize        length,
                                                                 GError     **error);

/* Whether @path matches @pattern, segment by segment: a literal segment
 * must be equal, ":name" takes any non-empty segment (its value, decoded,
 * goes to @param when @param is not NULL; one parameter at most). A
 * trailing "/" on @path is ignored. */
gboolean herald_bridge_match_path (const char  *pattern,
                                   const char  *path,
                                   char       **param);

G_END_DECLS
