/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One received message, whatever dialect received it: what the inbox page,
 * the new-message notifications and `heraldctl inbox` show. A GObject with
 * read-only properties so that pages and whole inboxes are GListModels for
 * the UI. A HeraldInboxSource makes them from its own types with
 * g_object_new() and the construct-only properties below.
 *
 * Properties:
 *   id            string, the source's id for the message (never NULL)
 *   from          string, the sender's number as the source gives it
 *   text          string, the text; "" when there is none (media only)
 *   received-at   GDateTime, when the source received it
 *   device-id     string, nullable: the device (phone, modem) it came in on
 *   device-name   string, nullable
 *   device-phone  string, nullable: that device's own number
 *   message-type  HeraldMessageType: SMS, WhatsApp or not said
 *   sim-slot      int, -1 when not said
 *   media-url     string, nullable: a link to an attachment, when the
 *                 source reports one (FlixySMS does not) */

typedef enum
{
  HERALD_MESSAGE_TYPE_UNKNOWN,   /* the source did not say, or said something else */
  HERALD_MESSAGE_TYPE_SMS,
  HERALD_MESSAGE_TYPE_WHATSAPP,
} HeraldMessageType;

#define HERALD_TYPE_MESSAGE_TYPE (herald_message_type_get_type ())
GType              herald_message_type_get_type   (void) G_GNUC_CONST;
/* "sms", "whatsapp"; NULL for UNKNOWN. */
const char        *herald_message_type_to_string  (HeraldMessageType  type);
/* The reverse, ignoring case; UNKNOWN for NULL and anything else. */
HeraldMessageType  herald_message_type_from_string (const char        *text);

#define HERALD_TYPE_RECEIVED_MESSAGE (herald_received_message_get_type ())
G_DECLARE_FINAL_TYPE (HeraldReceivedMessage, herald_received_message, HERALD, RECEIVED_MESSAGE, GObject)

const char        *herald_received_message_get_id           (HeraldReceivedMessage *self);
const char        *herald_received_message_get_from         (HeraldReceivedMessage *self);
const char        *herald_received_message_get_text         (HeraldReceivedMessage *self);
GDateTime         *herald_received_message_get_received_at  (HeraldReceivedMessage *self);
const char        *herald_received_message_get_device_id    (HeraldReceivedMessage *self);   /* nullable */
const char        *herald_received_message_get_device_name  (HeraldReceivedMessage *self);   /* nullable */
const char        *herald_received_message_get_device_phone (HeraldReceivedMessage *self);   /* nullable */
HeraldMessageType  herald_received_message_get_message_type (HeraldReceivedMessage *self);
int                herald_received_message_get_sim_slot     (HeraldReceivedMessage *self);   /* -1: not said */
const char        *herald_received_message_get_media_url    (HeraldReceivedMessage *self);   /* nullable */

G_END_DECLS
