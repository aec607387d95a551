/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How the bridge signs its webhook posts, as the SMS Gateway for Android app
 * does: X-Timestamp is the time of the post in Unix seconds, and
 * X-Signature the lowercase hex HMAC-SHA256, keyed with the signing key,
 * of the body's bytes followed by that timestamp's text. A receiver checks
 * both (and refuses old timestamps). */

#define HERALD_WEBHOOK_HEADER_TIMESTAMP "X-Timestamp"
#define HERALD_WEBHOOK_HEADER_SIGNATURE "X-Signature"

/* The keyring entry of the signing key (herald-secrets.h's "account-id"
 * attribute). The key lives there only: never in a file, the database or a log. */
#define HERALD_WEBHOOK_SIGNING_KEY_ID   "bridge:webhook-signing-key"

/* The signature of @body (@length bytes) at @timestamp: 64 lowercase hex digits. */
char *herald_webhook_sign                     (const char          *key,
                                               const guint8        *body,
                                               gsize                length,
                                               const char          *timestamp);

/* The signing key, read from the keyring; made (256 random bits, as 64 hex
 * digits) and stored there the first time. The finish function returns it
 * (free with herald_secrets_free()), or NULL with the keyring's error. */
void  herald_webhook_signing_key_async        (GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
char *herald_webhook_signing_key_finish       (GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
