/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-database.h"

G_BEGIN_DECLS

/* The device bridge's API keys as the database keeps them (the bridge_keys
 * table of schema step 6): only what is not secret — the name, the rate
 * limit, when it was made. The key itself lives in the keyring only
 * (bridge/herald-bridge-keys.c). Every call runs on a worker thread. */

/* Requests a minute a key may make unless told otherwise (FlixySMS's). */
#define HERALD_BRIDGE_KEY_DEFAULT_RATE_LIMIT 100

#define HERALD_TYPE_BRIDGE_KEY_INFO (herald_bridge_key_info_get_type ())
typedef struct
{
  char   *name;
  guint   rate_limit;   /* requests a minute; 0: no limit */
  gint64  created_at;   /* UTC microseconds */
} HeraldBridgeKeyInfo;

GType                herald_bridge_key_info_get_type (void) G_GNUC_CONST;
HeraldBridgeKeyInfo *herald_bridge_key_info_new      (const char                *name,
                                                      guint                      rate_limit,
                                                      gint64                     created_at);
HeraldBridgeKeyInfo *herald_bridge_key_info_copy     (const HeraldBridgeKeyInfo *info);
void                 herald_bridge_key_info_free     (HeraldBridgeKeyInfo       *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldBridgeKeyInfo, herald_bridge_key_info_free)

#define HERALD_TYPE_BRIDGE_KEY_STORE (herald_bridge_key_store_get_type ())
G_DECLARE_FINAL_TYPE (HeraldBridgeKeyStore, herald_bridge_key_store, HERALD, BRIDGE_KEY_STORE, GObject)

HeraldBridgeKeyStore *herald_bridge_key_store_new         (HeraldDatabase       *database);

/* Adds a key's record: EXISTS when the name is taken. Finish with
 * herald_bridge_key_store_info_finish(): the record as stored. */
void                  herald_bridge_key_store_add_async   (HeraldBridgeKeyStore *self,
                                                           const char           *name,
                                                           guint                 rate_limit,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
/* Removes a key's record: NOT_FOUND when there is none. Finish with
 * herald_bridge_key_store_info_finish(): the record as it was. */
void                  herald_bridge_key_store_remove_async (HeraldBridgeKeyStore *self,
                                                           const char           *name,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
HeraldBridgeKeyInfo  *herald_bridge_key_store_info_finish (HeraldBridgeKeyStore *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* Oldest first. Returns: (element-type HeraldBridgeKeyInfo) (transfer full) */
void                  herald_bridge_key_store_list_async  (HeraldBridgeKeyStore *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GPtrArray            *herald_bridge_key_store_list_finish (HeraldBridgeKeyStore *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS
