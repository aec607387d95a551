/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-bridge-keys.h"
#include "modem/herald-modem-dispatcher.h"
#include "modem/herald-modem-manager.h"
#include "store/herald-local-inbox.h"
#include "store/herald-outbox.h"
#include "store/herald-webhook-store.h"
#include "bridge/herald-webhook-events.h"

G_BEGIN_DECLS

/* The device bridge's REST server (SoupServer): the FlixySMS-compatible API
 * (../shared/specs/flixysms-api.txt) under /api/v1, over the local modems.
 * Accepted messages are queued in the outbox (durably, before the answer)
 * and sent by @dispatcher; received ones are read from the local inbox of
 * @account_id, where the modem receiver stores them.
 *
 * Every request meets, in this order: its size (413 over 64 KiB), the key
 * (401 without a valid "Authorization: Bearer KEY"), the key's rate limit
 * (X-RateLimit-Limit/Remaining/Reset on every answer, 429 with Retry-After
 * past it), the route (404, 405 with Allow), then its endpoint (400 with a
 * JSON error for bad input, 503 when no modem is usable). Errors are
 * {"success": false, "error": "…", "code": "…"}. */

#define HERALD_BRIDGE_DEFAULT_ADDRESS "127.0.0.1"
#define HERALD_BRIDGE_DEFAULT_PORT 8787

#define HERALD_BRIDGE_SERVER_ERROR (herald_bridge_server_error_quark ())

typedef enum
{
  HERALD_BRIDGE_SERVER_ERROR_ADDRESS,   /* not an ADDR:PORT */
  HERALD_BRIDGE_SERVER_ERROR_REMOTE,    /* beyond loopback without allow_remote */
  HERALD_BRIDGE_SERVER_ERROR_LISTEN,    /* the socket could not be bound */
} HeraldBridgeServerError;

GQuark herald_bridge_server_error_quark (void);

#define HERALD_TYPE_BRIDGE_SERVER (herald_bridge_server_get_type ())
G_DECLARE_FINAL_TYPE (HeraldBridgeServer, herald_bridge_server, HERALD, BRIDGE_SERVER, GObject)

/* @keys: (transfer full) */
HeraldBridgeServer *herald_bridge_server_new      (HeraldModemManager    *manager,
                                                   HeraldModemDispatcher *dispatcher,
                                                   HeraldOutbox          *outbox,
                                                   HeraldLocalInbox      *inbox,
                                                   const char            *account_id,
                                                   HeraldBridgeKeySet    *keys);
/* Replaces the keys (a key created or revoked meanwhile). @keys: (transfer full) */
void                herald_bridge_server_set_keys (HeraldBridgeServer    *self,
                                                   HeraldBridgeKeySet    *keys);

/* "127.0.0.1:8787", "[::1]:8787", "0.0.0.0:8787" into @address and @port
 * (0: any free port); NULL @text gives the defaults. */
gboolean            herald_bridge_parse_listen    (const char            *text,
                                                   char                 **address,
                                                   guint                 *port,
                                                   GError               **error);

/* Starts listening. An address beyond loopback is refused (REMOTE) unless
 * @allow_remote, and then warned about. */
gboolean            herald_bridge_server_listen   (HeraldBridgeServer    *self,
                                                   const char            *address,
                                                   guint                  port,
                                                   gboolean               allow_remote,
                                                   GError               **error);
/* The port listened on (the free one picked for port 0), 0 before. */
guint               herald_bridge_server_get_port (HeraldBridgeServer    *self);
void                herald_bridge_server_stop     (HeraldBridgeServer    *self);
/* The registry the Android API's /webhooks endpoints manage, and the
 * events POST /inbox/export re-posts through (without them, they answer 503). */
void                herald_bridge_server_set_webhooks (HeraldBridgeServer  *self,
                                                       HeraldWebhookStore  *webhooks,
                                                       HeraldWebhookEvents *events);

G_END_DECLS
