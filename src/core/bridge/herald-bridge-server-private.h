/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* What the two APIs of the bridge's server share: herald-bridge-server.c
 * (the FlixySMS API under /api/v1, and what every request meets first) and
 * herald-bridge-android-api.c (the SMS Gateway for Android API at the root). */

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "herald-bridge-server.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 window_start;   /* unix seconds */
  guint  count;
} RateWindow;

struct _HeraldBridgeServer
{
  GObject                parent_instance;

  HeraldModemManager    *manager;
  HeraldModemDispatcher *dispatcher;
  HeraldOutbox          *outbox;
  HeraldLocalInbox      *inbox;
  HeraldWebhookStore    *webhooks;   /* nullable */
  HeraldWebhookEvents   *events;     /* nullable */
  GQueue                 log;        /* HeraldBridgeLogEntry, oldest first, bounded */
  guint64                log_next_id;
  guint                  pace_interval_ms;  /* as last set through /settings */
  guint                  pace_daily_cap;
  char                  *account_id;
  HeraldBridgeKeySet    *keys;
  GHashTable            *rates;      /* key name → RateWindow */
  SoupServer            *server;
  guint                  port;
};

/* One request on its way to its endpoint: what the checks found. */
typedef struct
{
  HeraldBridgeServer  *server;     /* strong */
  SoupServerMessage   *msg;        /* strong */
  char                *key_name;
  char                *param;      /* the route's :param, decoded */
  gpointer             data;       /* the endpoint's own */
  GDestroyNotify       data_free;
  GPtrArray           *ids;        /* what was queued so far */
  guint                next;
} HeraldBridgeCall;

void herald_bridge_call_free       (HeraldBridgeCall *call);
/* Unpauses the message (its answer set) and frees @call. */
void herald_bridge_call_reply_done (HeraldBridgeCall *call);

typedef void (*HeraldBridgeRouteFunc) (HeraldBridgeCall *call);

/* One row of a route table: method + path pattern (herald_bridge_match_path()). */
typedef struct
{
  const char            *method;
  const char            *pattern;
  HeraldBridgeRouteFunc  handler;
} HeraldBridgeRoute;

/* One event of the bridge's log (GET /logs of the Android API). */
typedef struct
{
  guint64  id;
  gint64   created_at;   /* UTC µs */
  char    *priority;     /* DEBUG, INFO, WARN, ERROR */
  char    *module;
  char    *message;
} HeraldBridgeLogEntry;

/* The log keeps the last HERALD_BRIDGE_LOG_SIZE events, in memory. */
#define HERALD_BRIDGE_LOG_SIZE 500

void herald_bridge_server_log (HeraldBridgeServer *self,
                               const char         *priority,
                               const char         *module,
                               const char         *message);

/* Why a request is refused, for either API's error shape. */
typedef struct
{
  guint       status;
  const char *code;
  char       *message;
} HeraldBridgeProblem;

void     herald_bridge_problem_clear      (HeraldBridgeProblem       *problem);

/* TRUE when a modem can take the work of @device_id (NULL: any). */
gboolean herald_bridge_server_check_modem (HeraldBridgeServer        *self,
                                           const char                *device_id,
                                           HeraldBridgeProblem       *problem);
/* Counts the request against @key's window and sets the X-RateLimit-*
 * headers; FALSE (429, Retry-After set) past the limit. */
gboolean herald_bridge_server_check_rate  (HeraldBridgeServer        *self,
                                           SoupServerMessage         *msg,
                                           const HeraldBridgeKeyInfo *key,
                                           HeraldBridgeProblem       *problem);

/* Starts the handler of the row of @routes that @path and @method match
 * (TRUE; the call takes @key_name). Otherwise FALSE, with *@path_known set
 * when some row's pattern matches @path and @allow given that path's
 * methods ("GET, POST"). */
gboolean herald_bridge_server_route       (HeraldBridgeServer        *self,
                                           SoupServerMessage         *msg,
                                           const HeraldBridgeRoute   *routes,
                                           gsize                      n_routes,
                                           const char                *method,
                                           const char                *path,
                                           const char                *key_name,
                                           GString                   *allow,
                                           gboolean                  *path_known);

void     herald_bridge_reply_json         (SoupServerMessage         *msg,
                                           guint                      status,
                                           JsonBuilder               *builder);
void     herald_bridge_json_add_string    (JsonBuilder               *builder,
                                           const char                *member,
                                           const char                *value);
void     herald_bridge_json_add_int       (JsonBuilder               *builder,
                                           const char                *member,
                                           gint64                     value);
void     herald_bridge_json_add_bool      (JsonBuilder               *builder,
                                           const char                *member,
                                           gboolean                   value);
/* UTC µs as ISO 8601 ("2024-01-15T10:31:00Z"), null for 0. */
void     herald_bridge_json_add_time      (JsonBuilder               *builder,
                                           const char                *member,
                                           gint64                     usec);

/* herald-bridge-android-api.c: a request outside /api/v1 (its size already
 * checked). */
void     herald_bridge_android_handle     (HeraldBridgeServer        *self,
                                           SoupServerMessage         *msg,
                                           const char                *path);

G_END_DECLS
