/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/herald-bridge-key-store.h"

G_BEGIN_DECLS

/* The device bridge's API keys: made here from 32 bytes of getrandom(2),
 * printed once ("hbk_" and 43 base64url characters), kept in the keyring
 * only (schema io.github.heraldsms.Herald.BridgeKey, attribute key-name),
 * with their non-secret record (name, rate limit, creation time) in the
 * database. The server loads them all at start into a HeraldBridgeKeySet
 * and matches a presented key in constant time. */

#define HERALD_BRIDGE_KEY_PREFIX "hbk_"

#define HERALD_BRIDGE_KEYS_ERROR (herald_bridge_keys_error_quark ())

typedef enum
{
  HERALD_BRIDGE_KEYS_ERROR_INVALID_NAME,
  HERALD_BRIDGE_KEYS_ERROR_RANDOM,     /* getrandom(2) failed */
  HERALD_BRIDGE_KEYS_ERROR_KEYRING,    /* the keyring failed: nothing was kept */
} HeraldBridgeKeysError;

GQuark herald_bridge_keys_error_quark (void);

/* 1 to 64 characters of A–Z a–z 0–9 . _ - @ */
gboolean herald_bridge_key_name_is_valid (const char *name);

/* A new random key in its printed form; FALSE with @error when the system
 * has no randomness to give. Free with herald_bridge_key_free(). */
char    *herald_bridge_key_generate      (GError    **error);
/* Wipes and frees a key. */
void     herald_bridge_key_free          (char       *key);

/* ---- the keys in memory, for the server ---------------------------------- */

typedef struct _HeraldBridgeKeySet HeraldBridgeKeySet;

HeraldBridgeKeySet        *herald_bridge_key_set_new      (void);
/* Adds @key (copied) under @info (copied). */
void                       herald_bridge_key_set_add      (HeraldBridgeKeySet        *self,
                                                           const HeraldBridgeKeyInfo *info,
                                                           const char                *key);
guint                      herald_bridge_key_set_get_size (HeraldBridgeKeySet        *self);
/* The record of the key equal to @presented (@length bytes), or NULL.
 * Every byte of every key is compared, whatever matches: the time taken
 * says nothing about how close @presented came to a key. */
const HeraldBridgeKeyInfo *herald_bridge_key_set_match    (HeraldBridgeKeySet        *self,
                                                           const char                *presented,
                                                           gsize                      length);
/* Wipes the keys. */
void                       herald_bridge_key_set_free     (HeraldBridgeKeySet        *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldBridgeKeySet, herald_bridge_key_set_free)

/* ---- create, list, revoke, load ----------------------------------------- */

#define HERALD_TYPE_BRIDGE_KEYS (herald_bridge_keys_get_type ())
G_DECLARE_FINAL_TYPE (HeraldBridgeKeys, herald_bridge_keys, HERALD, BRIDGE_KEYS, GObject)

HeraldBridgeKeys   *herald_bridge_keys_new           (HeraldDatabase      *database);

/* Makes a key named @name (INVALID_NAME; the store's EXISTS when taken)
 * with @rate_limit requests a minute (0: none), stores it in the keyring
 * and its record in the database. Returns the key (show it once; free
 * with herald_bridge_key_free()) and its record in @info_out. */
void                herald_bridge_keys_create_async  (HeraldBridgeKeys    *self,
                                                      const char          *name,
                                                      guint                rate_limit,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
char               *herald_bridge_keys_create_finish (HeraldBridgeKeys    *self,
                                                      GAsyncResult        *result,
                                                      HeraldBridgeKeyInfo **info_out,
                                                      GError             **error);

/* Returns: (element-type HeraldBridgeKeyInfo) (transfer full) */
void                herald_bridge_keys_list_async    (HeraldBridgeKeys    *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray          *herald_bridge_keys_list_finish   (HeraldBridgeKeys    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Removes the key from the keyring and its record (the store's NOT_FOUND
 * when there is no such key). */
void                herald_bridge_keys_revoke_async  (HeraldBridgeKeys    *self,
                                                      const char          *name,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean            herald_bridge_keys_revoke_finish (HeraldBridgeKeys    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Every key with its record, read from the keyring (a record whose key the
 * keyring lacks is left out, with a warning). */
void                herald_bridge_keys_load_async    (HeraldBridgeKeys    *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
HeraldBridgeKeySet *herald_bridge_keys_load_finish   (HeraldBridgeKeys    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
