/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "store/herald-outbox.h"

G_BEGIN_DECLS

/* The message object of the SMS Gateway for Android app's local API, as its
 * clients (android-sms-gateway v3 and later) send and read it: the body of
 * POST /message parsed into plain values, with an error that says what is
 * wrong, and the answer (id, state, recipients[], states) built from the
 * outbox rows of its recipients. Pure: no I/O, no clock of its own. */

#define HERALD_ANDROID_MESSAGE_ERROR (herald_android_message_error_quark ())

typedef enum
{
  HERALD_ANDROID_MESSAGE_ERROR_INVALID,       /* not JSON, a field missing, of the wrong type or out of range */
  HERALD_ANDROID_MESSAGE_ERROR_UNSUPPORTED,   /* valid for the app, beyond what a modem bridge does */
} HeraldAndroidMessageError;

GQuark herald_android_message_error_quark (void);

/* The largest id Herald keeps as an idempotency key, in bytes. */
#define HERALD_ANDROID_MESSAGE_MAX_ID 128

typedef struct
{
  char     *id;                    /* nullable: the client gave none */
  char     *text;
  GStrv     phone_numbers;         /* at least one, as given (normalising them is the caller's) */
  guint     sim_number;            /* 0: not asked for; else 1 to 255 */
  gboolean  with_delivery_report;  /* TRUE unless the client said false */
  guint     validity_minutes;      /* 0: no expiry; from ttl (seconds) or validUntil, rounded up */
  gint      priority;              /* -128 to 127, default 0 */
  char     *device_id;             /* nullable */
} HeraldAndroidMessage;

void                  herald_android_message_free  (HeraldAndroidMessage *message);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldAndroidMessage, herald_android_message_free)

/* Parses a POST /message body (@length bytes of JSON). The text is
 * textMessage.text, or message (the older form); validUntil is read against
 * @now (UTC µs) and must lie ahead of it; ttl and validUntil exclude each
 * other. dataMessage and isEncrypted: true are UNSUPPORTED; anything else
 * wrong is INVALID, the message naming the field. Unknown fields are left
 * alone, as the app does. */
HeraldAndroidMessage *herald_android_message_parse (const char           *body,
                                                    gsize                 length,
                                                    gint64                now,
                                                    GError              **error);

/* The app's name of the state of a recipient's outbox row: Pending
 * (queued), Processed (taken by a modem, or its fate lost in a crash), Sent,
 * Delivered, Failed, Cancelled. */
const char           *herald_android_state_for_outbox (HeraldOutboxState state);

/* The message object for @id over @entries (HeraldOutboxEntry, one per
 * recipient, in the request's order): {"id", "state", "isHashed",
 * "isEncrypted", "recipients": [{"phoneNumber", "state", "error"}],
 * "states": {STATE: time}}. The message is Failed or Cancelled only when
 * every recipient is; else it is where its least advanced live recipient
 * is. Times are ISO 8601 in UTC. */
JsonNode             *herald_android_message_state_to_json (const char *id,
                                                            GPtrArray  *entries);

G_END_DECLS
