/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-bridge-keys"
#define _DEFAULT_SOURCE

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>
#include <sys/random.h>

#include "herald-bridge-keys.h"

G_DEFINE_QUARK (herald-bridge-keys-error-quark, herald_bridge_keys_error)

#define KEY_BYTES 32
#define NAME_MAX_LENGTH 64

static const SecretSchema *
bridge_key_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".BridgeKey", SECRET_SCHEMA_NONE,
    {
      { "key-name", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

gboolean
herald_bridge_key_name_is_valid (const char *name)
{
  gsize length;

  if (name == NULL)
    return FALSE;
  length = strlen (name);
  if (length == 0 || length > NAME_MAX_LENGTH)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (name[i]) && strchr ("._-@", name[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  if (herald_bridge_key_name_is_valid (name))
    return TRUE;
  g_set_error (error, HERALD_BRIDGE_KEYS_ERROR, HERALD_BRIDGE_KEYS_ERROR_INVALID_NAME,
               _("“%s” cannot name a bridge key: use 1 to %d letters, digits, “.”, “_”, “-” or “@”."),
               name != NULL && g_utf8_validate (name, -1, NULL) ? name : "", NAME_MAX_LENGTH);
  return FALSE;
}

/* base64url without padding: what fits in a header, a URL and a shell. */
static char *
encode_key (const guint8 *bytes)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  gsize prefix = strlen (HERALD_BRIDGE_KEY_PREFIX);
  char *out = g_malloc0 (prefix + (KEY_BYTES * 4 + 2) / 3 + 1);
  char *p = out + prefix;
  guint32 acc = 0;
  int bits = 0;

  g_strlcpy (out, HERALD_BRIDGE_KEY_PREFIX, prefix + 1);
  for (gsize i = 0; i < KEY_BYTES; i++)
    {
      acc = (acc << 8) | bytes[i];
      bits += 8;
      while (bits >= 6)
        {
          bits -= 6;
          *p++ = alphabet[(acc >> bits) & 0x3f];
        }
    }
  if (bits > 0)
    *p++ = alphabet[(acc << (6 - bits)) & 0x3f];
  *p = '\0';
  return out;
}

char *
herald_bridge_key_generate (GError **error)
{
  guint8 bytes[KEY_BYTES];
  gsize filled = 0;
  char *key;

  while (filled < sizeof bytes)
    {
      ssize_t n = getrandom (bytes + filled, sizeof bytes - filled, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          g_set_error (error, HERALD_BRIDGE_KEYS_ERROR, HERALD_BRIDGE_KEYS_ERROR_RANDOM,
                       _("No random bytes for a new key (getrandom: %s); nothing was made."),
                       g_strerror (saved));
          return NULL;
        }
      filled += (gsize) n;
    }
  key = encode_key (bytes);
  explicit_bzero (bytes, sizeof bytes);
  return key;
}

void
herald_bridge_key_free (char *key)
{
  if (key == NULL)
    return;
  explicit_bzero (key, strlen (key));
  g_free (key);
}

/* ---- the set ------------------------------------------------------------- */

typedef struct
{
  HeraldBridgeKeyInfo *info;
  char                *key;
  gsize                length;
} KeyEntry;

struct _HeraldBridgeKeySet
{
  GArray *entries;   /* KeyEntry */
};

static void
key_entry_clear (gpointer data)
{
  KeyEntry *entry = data;

  herald_bridge_key_info_free (entry->info);
  herald_bridge_key_free (entry->key);
}

HeraldBridgeKeySet *
herald_bridge_key_set_new (void)
{
  HeraldBridgeKeySet *self = g_new0 (HeraldBridgeKeySet, 1);

  self->entries = g_array_new (FALSE, TRUE, sizeof (KeyEntry));
  g_array_set_clear_func (self->entries, key_entry_clear);
  return self;
}

void
herald_bridge_key_set_add (HeraldBridgeKeySet        *self,
                           const HeraldBridgeKeyInfo *info,
                           const char                *key)
{
  KeyEntry entry;

  g_return_if_fail (self != NULL && info != NULL && key != NULL);

  entry.info = herald_bridge_key_info_copy (info);
  entry.key = g_strdup (key);
  entry.length = strlen (key);
  g_array_append_val (self->entries, entry);
  /* The array owns entry.key now (key_entry_clear frees it). */
  /* cppcheck-suppress memleak */
}

guint
herald_bridge_key_set_get_size (HeraldBridgeKeySet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

const HeraldBridgeKeyInfo *
herald_bridge_key_set_match (HeraldBridgeKeySet *self,
                             const char         *presented,
                             gsize               length)
{
  const HeraldBridgeKeyInfo *found = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (presented == NULL)
    {
      presented = "";
      length = 0;
    }

  /* No early exit: each key is compared over its whole length against the
   * presented one (read cyclically when shorter), the lengths folded into
   * the difference, and the match picked with a mask. */
  for (guint i = 0; i < self->entries->len; i++)
    {
      const KeyEntry *entry = &g_array_index (self->entries, KeyEntry, i);
      volatile guint8 diff = (guint8) ((entry->length ^ length) != 0);
      guintptr mask;

      for (gsize j = 0; j < entry->length; j++)
        {
          guint8 other = length > 0 ? (guint8) presented[j % length] : 0;

          diff |= (guint8) entry->key[j] ^ other;
        }
      /* diff == 0 → mask all ones; else zero. */
      mask = (guintptr) 0 - (guintptr) (((guint) diff - 1u) >> 8 & 1u);
      found = (const HeraldBridgeKeyInfo *) (((guintptr) found & ~mask) | ((guintptr) entry->info & mask));
    }
  return found;
}

void
herald_bridge_key_set_free (HeraldBridgeKeySet *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->entries);
  g_free (self);
}

/* ---- the object ---------------------------------------------------------- */

struct _HeraldBridgeKeys
{
  GObject               parent_instance;

  HeraldBridgeKeyStore *store;
};

G_DEFINE_FINAL_TYPE (HeraldBridgeKeys, herald_bridge_keys, G_TYPE_OBJECT)

static void
herald_bridge_keys_dispose (GObject *object)
{
  g_clear_object (&HERALD_BRIDGE_KEYS (object)->store);

  G_OBJECT_CLASS (herald_bridge_keys_parent_class)->dispose (object);
}

static void
herald_bridge_keys_class_init (HeraldBridgeKeysClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = herald_bridge_keys_dispose;
}

static void
herald_bridge_keys_init (HeraldBridgeKeys *self)
{
}

HeraldBridgeKeys *
herald_bridge_keys_new (HeraldDatabase *database)
{
  HeraldBridgeKeys *self;

  g_return_val_if_fail (HERALD_IS_DATABASE (database), NULL);

  self = g_object_new (HERALD_TYPE_BRIDGE_KEYS, NULL);
  self->store = herald_bridge_key_store_new (database);
  return self;
}

static GError *
keyring_error (const char   *name,
               const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  return g_error_new (HERALD_BRIDGE_KEYS_ERROR, HERALD_BRIDGE_KEYS_ERROR_KEYRING,
                      _("The keyring could not be used for bridge key “%s”: %s. "
                        "Make sure GNOME Keyring or another Secret Service is running and unlocked."),
                      name, error->message);
}

/* ---- create -------------------------------------------------------------- */

typedef struct
{
  char                *name;
  guint                rate_limit;
  char                *key;
  HeraldBridgeKeyInfo *info;
  GError              *keyring_error;
} CreateData;

static void
create_data_free (gpointer user_data)
{
  CreateData *data = user_data;

  g_free (data->name);
  herald_bridge_key_free (data->key);
  herald_bridge_key_info_free (data->info);
  g_clear_error (&data->keyring_error);
  g_free (data);
}

static void
create_undo_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CreateData *data = g_task_get_task_data (task);
  g_autoptr(HeraldBridgeKeyInfo) gone = NULL;
  g_autoptr(GError) error = NULL;

  gone = herald_bridge_key_store_info_finish (HERALD_BRIDGE_KEY_STORE (source), result, &error);
  if (gone == NULL)
    g_warning ("The record of bridge key “%s” stays without its key: %s", data->name, error->message);
  g_task_return_error (task, g_steal_pointer (&data->keyring_error));
}

static void
create_stored_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldBridgeKeys *self = g_task_get_source_object (task);
  CreateData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      /* Without its key the record is of no use: take it back. */
      data->keyring_error = keyring_error (data->name, error);
      herald_bridge_key_store_remove_async (self->store, data->name, NULL, create_undo_cb,
                                            g_steal_pointer (&task));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
create_added_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CreateData *data = g_task_get_task_data (task);
  g_autofree char *label = NULL;
  GError *error = NULL;

  data->info = herald_bridge_key_store_info_finish (HERALD_BRIDGE_KEY_STORE (source), result, &error);
  if (data->info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  label = g_strdup_printf (_("Herald device bridge key “%s”"), data->name);
  secret_password_store (bridge_key_schema (), SECRET_COLLECTION_DEFAULT, label, data->key,
                         g_task_get_cancellable (task), create_stored_cb, g_object_ref (task),
                         "key-name", data->name, NULL);
}

void
herald_bridge_keys_create_async (HeraldBridgeKeys    *self,
                                 const char          *name,
                                 guint                rate_limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CreateData *data;
  GError *error = NULL;

  g_return_if_fail (HERALD_IS_BRIDGE_KEYS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_bridge_keys_create_async);
  if (!check_name (name, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  data = g_new0 (CreateData, 1);
  data->name = g_strdup (name);
  data->rate_limit = rate_limit;
  g_task_set_task_data (task, data, create_data_free);
  data->key = herald_bridge_key_generate (&error);
  if (data->key == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  herald_bridge_key_store_add_async (self->store, name, rate_limit, cancellable, create_added_cb,
                                     g_steal_pointer (&task));
}

char *
herald_bridge_keys_create_finish (HeraldBridgeKeys     *self,
                                  GAsyncResult         *result,
                                  HeraldBridgeKeyInfo **info_out,
                                  GError              **error)
{
  CreateData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  if (info_out != NULL)
    *info_out = g_steal_pointer (&data->info);
  return g_steal_pointer (&data->key);
}

/* ---- list ---------------------------------------------------------------- */

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *items = herald_bridge_key_store_list_finish (HERALD_BRIDGE_KEY_STORE (source), result, &error);

  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

void
herald_bridge_keys_list_async (HeraldBridgeKeys    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HERALD_IS_BRIDGE_KEYS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_bridge_keys_list_async);
  herald_bridge_key_store_list_async (self->store, cancellable, list_cb, task);
}

GPtrArray *
herald_bridge_keys_list_finish (HeraldBridgeKeys  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- revoke -------------------------------------------------------------- */

static void
revoke_removed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(HeraldBridgeKeyInfo) gone = NULL;
  GError *error = NULL;

  gone = herald_bridge_key_store_info_finish (HERALD_BRIDGE_KEY_STORE (source), result, &error);
  if (gone == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
revoke_cleared_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldBridgeKeys *self = g_task_get_source_object (task);
  const char *name = g_task_get_task_data (task);
  GCancellable *cancellable;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error: there was no key in the keyring. The record
   * goes either way; a keyring failure keeps it, so the revoke can be
   * tried again. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, keyring_error (name, error));
      return;
    }
  cancellable = g_task_get_cancellable (task);
  herald_bridge_key_store_remove_async (self->store, name, cancellable, revoke_removed_cb, g_steal_pointer (&task));
}

void
herald_bridge_keys_revoke_async (HeraldBridgeKeys    *self,
                                 const char          *name,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  GError *error = NULL;

  g_return_if_fail (HERALD_IS_BRIDGE_KEYS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_bridge_keys_revoke_async);
  if (!check_name (name, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  g_task_set_task_data (task, g_strdup (name), g_free);
  secret_password_clear (bridge_key_schema (), cancellable, revoke_cleared_cb, task, "key-name", name, NULL);
}

gboolean
herald_bridge_keys_revoke_finish (HeraldBridgeKeys  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- load ---------------------------------------------------------------- */

typedef struct
{
  GPtrArray          *records;
  guint               next;
  HeraldBridgeKeySet *set;
} LoadData;

static void
load_data_free (gpointer user_data)
{
  LoadData *data = user_data;

  g_clear_pointer (&data->records, g_ptr_array_unref);
  herald_bridge_key_set_free (data->set);
  g_free (data);
}

static void load_next (GTask *task);

static void
load_looked_up_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  const HeraldBridgeKeyInfo *info = data->records->pdata[data->next];
  g_autoptr(GError) error = NULL;
  char *key = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, keyring_error (info->name, error));
      return;
    }
  if (key == NULL)
    g_warning ("The keyring holds no key for bridge key “%s”: it cannot be used. "
               "Revoke it and create another.", info->name);
  else
    herald_bridge_key_set_add (data->set, info, key);
  secret_password_free (key);
  data->next++;
  load_next (g_steal_pointer (&task));
}

static void
load_next (GTask *task)
{
  LoadData *data = g_task_get_task_data (task);
  const HeraldBridgeKeyInfo *info;

  if (data->next >= data->records->len)
    {
      g_task_return_pointer (task, g_steal_pointer (&data->set), (GDestroyNotify) herald_bridge_key_set_free);
      g_object_unref (task);
      return;
    }
  info = data->records->pdata[data->next];
  secret_password_lookup (bridge_key_schema (), g_task_get_cancellable (task), load_looked_up_cb, task,
                          "key-name", info->name, NULL);
}

static void
load_listed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->records = herald_bridge_key_store_list_finish (HERALD_BRIDGE_KEY_STORE (source), result, &error);
  if (data->records == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  load_next (task);
}

void
herald_bridge_keys_load_async (HeraldBridgeKeys    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  LoadData *data;

  g_return_if_fail (HERALD_IS_BRIDGE_KEYS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_bridge_keys_load_async);
  data = g_new0 (LoadData, 1);
  data->set = herald_bridge_key_set_new ();
  g_task_set_task_data (task, data, load_data_free);
  herald_bridge_key_store_list_async (self->store, cancellable, load_listed_cb, task);
}

HeraldBridgeKeySet *
herald_bridge_keys_load_finish (HeraldBridgeKeys  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
