/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-bridge-key-store.h"
#include "herald-database-private.h"
#include "herald-store-job-private.h"

G_DEFINE_BOXED_TYPE (HeraldBridgeKeyInfo, herald_bridge_key_info,
                     herald_bridge_key_info_copy, herald_bridge_key_info_free)

HeraldBridgeKeyInfo *
herald_bridge_key_info_new (const char *name,
                            guint       rate_limit,
                            gint64      created_at)
{
  HeraldBridgeKeyInfo *info = g_new0 (HeraldBridgeKeyInfo, 1);

  info->name = g_strdup (name);
  info->rate_limit = rate_limit;
  info->created_at = created_at;
  return info;
}

HeraldBridgeKeyInfo *
herald_bridge_key_info_copy (const HeraldBridgeKeyInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return herald_bridge_key_info_new (info->name, info->rate_limit, info->created_at);
}

void
herald_bridge_key_info_free (HeraldBridgeKeyInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info);
}

struct _HeraldBridgeKeyStore
{
  GObject         parent_instance;

  HeraldDatabase *database;
};

G_DEFINE_FINAL_TYPE (HeraldBridgeKeyStore, herald_bridge_key_store, G_TYPE_OBJECT)

static void
herald_bridge_key_store_dispose (GObject *object)
{
  g_clear_object (&HERALD_BRIDGE_KEY_STORE (object)->database);

  G_OBJECT_CLASS (herald_bridge_key_store_parent_class)->dispose (object);
}

static void
herald_bridge_key_store_class_init (HeraldBridgeKeyStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = herald_bridge_key_store_dispose;
}

static void
herald_bridge_key_store_init (HeraldBridgeKeyStore *self)
{
}

HeraldBridgeKeyStore *
herald_bridge_key_store_new (HeraldDatabase *database)
{
  HeraldBridgeKeyStore *self;

  g_return_val_if_fail (HERALD_IS_DATABASE (database), NULL);

  self = g_object_new (HERALD_TYPE_BRIDGE_KEY_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

typedef struct
{
  char                *name;
  guint                rate_limit;
  HeraldBridgeKeyInfo *info;
  GPtrArray           *items;
} KeyJob;

static void
key_job_free (gpointer data)
{
  KeyJob *job = data;

  g_free (job->name);
  g_clear_pointer (&job->info, herald_bridge_key_info_free);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_free (job);
}

static KeyJob *
key_job_new (const char *name,
             guint       rate_limit)
{
  KeyJob *job = g_new0 (KeyJob, 1);

  job->name = g_strdup (name);
  job->rate_limit = rate_limit;
  return job;
}

static gpointer
info_from_row (sqlite3_stmt *stmt)
{
  gint64 rate_limit = herald_database_column_int64 (stmt, 1);

  return herald_bridge_key_info_new (herald_database_column_text (stmt, 0),
                                     (guint) CLAMP (rate_limit, 0, G_MAXUINT),
                                     herald_database_column_int64 (stmt, 2));
}

static gboolean
find_key (HeraldDatabase  *database,
          KeyJob          *job,
          GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database,
                                                          "SELECT name, rate_limit, created_at FROM bridge_keys "
                                                          "WHERE name = ?", error);
  g_autofree char *missing = g_strdup_printf (_("There is no bridge key named “%s”; "
                                                "“heraldctl bridge key list” lists them."), job->name);

  if (stmt == NULL || !herald_database_bind_text_at (stmt, 1, job->name, error) ||
      !herald_database_step_one (database, stmt, missing, error))
    return FALSE;
  job->info = info_from_row (stmt);
  return TRUE;
}

static gboolean
add_func (HeraldDatabase  *database,
          gpointer         user_data,
          GCancellable    *cancellable,
          GError         **error)
{
  KeyJob *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 existing = 0;

  if (!herald_database_begin (database, error) ||
      !herald_database_find_id (database, "SELECT id FROM bridge_keys WHERE name = ?", job->name, &existing, error))
    return FALSE;
  if (existing != 0)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS,
                   _("A bridge key named “%s” exists already; choose another name, or revoke it first."),
                   job->name);
      return FALSE;
    }
  stmt = herald_database_prepare (database,
                                  "INSERT INTO bridge_keys (name, rate_limit, created_at) VALUES (?1, ?2, ?3)",
                                  error);
  if (stmt == NULL ||
      !herald_database_bind_text_at (stmt, 1, job->name, error) ||
      !herald_database_bind_int64_at (stmt, 2, job->rate_limit, error) ||
      !herald_database_bind_int64_at (stmt, 3, herald_store_now (), error) ||
      herald_database_step (database, stmt, error) != SQLITE_DONE)
    return FALSE;
  return find_key (database, job, error) && herald_database_commit (database, error);
}

void
herald_bridge_key_store_add_async (HeraldBridgeKeyStore *self,
                                   const char           *name,
                                   guint                 rate_limit,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_BRIDGE_KEY_STORE (self));
  g_return_if_fail (name != NULL);

  herald_store_job_run (self->database, self, herald_bridge_key_store_info_finish, add_func,
                        key_job_new (name, rate_limit), key_job_free, NULL, cancellable, callback, user_data);
}

static gboolean
remove_func (HeraldDatabase  *database,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  KeyJob *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!herald_database_begin (database, error) || !find_key (database, job, error))
    return FALSE;
  stmt = herald_database_prepare (database, "DELETE FROM bridge_keys WHERE name = ?", error);
  return stmt != NULL && herald_database_step_text (database, stmt, job->name, error) == SQLITE_DONE &&
         herald_database_commit (database, error);
}

void
herald_bridge_key_store_remove_async (HeraldBridgeKeyStore *self,
                                      const char           *name,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_BRIDGE_KEY_STORE (self));
  g_return_if_fail (name != NULL);

  herald_store_job_run (self->database, self, herald_bridge_key_store_info_finish, remove_func,
                        key_job_new (name, 0), key_job_free, NULL, cancellable, callback, user_data);
}

HeraldBridgeKeyInfo *
herald_bridge_key_store_info_finish (HeraldBridgeKeyStore  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  KeyJob *job = herald_store_job_finish (self, result, herald_bridge_key_store_info_finish, error);

  return job != NULL ? g_steal_pointer (&job->info) : NULL;
}

static gboolean
list_func (HeraldDatabase  *database,
           gpointer         user_data,
           GCancellable    *cancellable,
           GError         **error)
{
  KeyJob *job = user_data;

  job->items = herald_database_list_rows (database,
                                          "SELECT name, rate_limit, created_at FROM bridge_keys "
                                          "ORDER BY created_at, id",
                                          info_from_row, (GDestroyNotify) herald_bridge_key_info_free, error);
  return job->items != NULL;
}

void
herald_bridge_key_store_list_async (HeraldBridgeKeyStore *self,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_return_if_fail (HERALD_IS_BRIDGE_KEY_STORE (self));

  herald_store_job_run (self->database, self, herald_bridge_key_store_list_async, list_func,
                        key_job_new (NULL, 0), key_job_free, NULL, cancellable, callback, user_data);
}

GPtrArray *
herald_bridge_key_store_list_finish (HeraldBridgeKeyStore  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  KeyJob *job = herald_store_job_finish (self, result, herald_bridge_key_store_list_async, error);

  return job != NULL ? g_steal_pointer (&job->items) : NULL;
}
