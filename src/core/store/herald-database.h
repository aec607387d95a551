/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The local store's one SQLite connection: WAL mode, foreign keys on, a busy
 * timeout for the other Herald process (app and heraldctl share the file),
 * and the schema brought up to date through versioned migrations recorded
 * in PRAGMA user_version.
 *
 * SQLite calls block, so the store modules (accounts, contacts, …) do their
 * work in a HeraldDatabaseFunc run on a worker thread with
 * herald_database_run_async(). The database holds a mutex for the whole call,
 * so a function sees the connection alone and may run a transaction with
 * herald_database_begin()/commit()/rollback(). The helpers below may only
 * be called from inside such a function; the statement helpers (prepare,
 * step, bind, column) are in herald-database-private.h, for the store's
 * own files: SQLite does not show outside store/. */

#define HERALD_STORE_ERROR (herald_store_error_quark ())

typedef enum
{
  HERALD_STORE_ERROR_OPEN,        /* the file cannot be opened or created, or is no database */
  HERALD_STORE_ERROR_TOO_NEW,     /* written by a newer Herald: left untouched */
  HERALD_STORE_ERROR_MIGRATION,   /* a migration step failed and was rolled back */
  HERALD_STORE_ERROR_BUSY,        /* another process held the lock past the timeout */
  HERALD_STORE_ERROR_QUERY,       /* any other SQLite failure */
  HERALD_STORE_ERROR_NOT_FOUND,   /* no such record */
  HERALD_STORE_ERROR_EXISTS,      /* a record with that name exists already */
  HERALD_STORE_ERROR_INVALID,     /* input refused before anything was written */
  HERALD_STORE_ERROR_KEYRING,     /* the keyring failed; the message says what was kept */
} HeraldStoreError;

GQuark herald_store_error_quark (void);

#define HERALD_TYPE_DATABASE (herald_database_get_type ())

G_DECLARE_FINAL_TYPE (HeraldDatabase, herald_database, HERALD, DATABASE, GObject)

/* Runs with the connection locked. Returns FALSE with @error set on failure;
 * results travel in @user_data, which the caller owns. */
typedef gboolean (*HeraldDatabaseFunc) (HeraldDatabase  *self,
                                        gpointer         user_data,
                                        GCancellable    *cancellable,
                                        GError         **error);

/* Opening blocks (it may migrate): the sync form is for worker threads,
 * tests and tools; the app uses the async one. The folder of @path is
 * created 0700 and a new file 0600. */
HeraldDatabase *herald_database_open                 (const char           *path,
                                                      GError              **error);
void            herald_database_open_async           (const char           *path,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
HeraldDatabase *herald_database_open_finish          (GAsyncResult         *result,
                                                      GError              **error);
/* The same with another list of steps: for tests of the migration logic. */
HeraldDatabase *herald_database_open_with_migrations (const char           *path,
                                                      const char * const   *steps,
                                                      guint                 n_steps,
                                                      GError              **error);

/* The number of built-in migration steps: the schema version this Herald writes. */
guint           herald_database_get_latest_version   (void);

const char     *herald_database_get_path             (HeraldDatabase       *self);
guint           herald_database_get_schema_version   (HeraldDatabase       *self);

gboolean        herald_database_run                  (HeraldDatabase       *self,
                                                      HeraldDatabaseFunc    func,
                                                      gpointer              user_data,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
void            herald_database_run_async            (HeraldDatabase       *self,
                                                      HeraldDatabaseFunc    func,
                                                      gpointer              func_data,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean        herald_database_run_finish           (HeraldDatabase       *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Returns the value of @task (the job in its task data is done); called on
 * the thread that started the call. */
typedef void    (*HeraldDatabaseTaskFunc)            (GTask                *task);

/* herald_database_run_async() for a store call that has a task of its own:
 * @func runs with @func_data (usually @task's task data) on a worker thread;
 * then a failure is returned on @task, and a success is handed to @done, or
 * returns TRUE when @done is NULL. Takes over the reference to @task.
 * @cancellable is @func's: usually @task's, NULL for a step that must not be
 * stopped halfway (an undo, say). */
void            herald_database_run_task             (HeraldDatabase       *self,
                                                      HeraldDatabaseFunc    func,
                                                      gpointer              func_data,
                                                      GCancellable         *cancellable,
                                                      GTask                *task,
                                                      HeraldDatabaseTaskFunc done);

/* Only inside a HeraldDatabaseFunc. */
gboolean        herald_database_exec                 (HeraldDatabase       *self,
                                                      const char           *sql,
                                                      GError              **error);
/* BEGIN IMMEDIATE: the write lock is taken now, so that a read followed by a
 * write in one transaction cannot be overtaken by another process. */
gboolean        herald_database_begin                (HeraldDatabase       *self,
                                                      GError              **error);
gboolean        herald_database_commit               (HeraldDatabase       *self,
                                                      GError              **error);
void            herald_database_rollback             (HeraldDatabase       *self);

G_END_DECLS
