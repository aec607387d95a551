/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "herald-types.h"

G_BEGIN_DECLS

/* One row of the local record of sent messages (HeraldMessageLog): one
 * recipient of one send. Immutable; a refresh reads new objects. */

#define HERALD_TYPE_LOGGED_MESSAGE (herald_logged_message_get_type ())
G_DECLARE_FINAL_TYPE (HeraldLoggedMessage, herald_logged_message, HERALD, LOGGED_MESSAGE, GObject)

/* Properties (read-only, for list views): "row-id" (gint64), "account-id",
 * "message-id" (provider id, nullable), "recipient" (E.164), "text",
 * "state" (HeraldDeliveryState), "error" (nullable sentence), "parts"
 * (guint), "sent-at" and "updated-at" (GDateTime, UTC). */
gint64               herald_logged_message_get_row_id      (HeraldLoggedMessage *self);
const char          *herald_logged_message_get_account_id  (HeraldLoggedMessage *self);
const char          *herald_logged_message_get_message_id  (HeraldLoggedMessage *self);
const char          *herald_logged_message_get_recipient   (HeraldLoggedMessage *self);
const char          *herald_logged_message_get_text        (HeraldLoggedMessage *self);
HeraldDeliveryState  herald_logged_message_get_state       (HeraldLoggedMessage *self);
const char          *herald_logged_message_get_error       (HeraldLoggedMessage *self);
guint                herald_logged_message_get_parts       (HeraldLoggedMessage *self);
GDateTime           *herald_logged_message_get_sent_at     (HeraldLoggedMessage *self);
GDateTime           *herald_logged_message_get_updated_at  (HeraldLoggedMessage *self);

G_END_DECLS
