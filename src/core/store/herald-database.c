/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"
/* O_CLOEXEC, sigaction (): POSIX.1-2008 under -std=c11. */
#define _POSIX_C_SOURCE 200809L

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "herald-database-private.h"
#include "herald-store-resources.h"

/* Long enough for the other process's migration or a large import commit,
 * short enough that a stuck lock becomes an error a person sees. */
#define BUSY_TIMEOUT_MS 5000

/* The schema, one step per version: step i takes user_version i to i + 1.
 * The steps are the .sql files of store/migrations/, compiled into the core
 * library as a GResource (herald-store.gresource.xml) and applied in the
 * order of their names, "0001-….sql" first. Append only — a step that has
 * shipped is never edited, since databases out there have already run it.
 * Each step runs in its own transaction. */
#define MIGRATIONS_PATH "/io/github/heraldsms/Herald/store/migrations/"

typedef struct
{
  const char **steps;   /* NUL-terminated texts, pointing into the resource */
  guint        n_steps;
} Migrations;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Read once; the resource is part of the library, so a missing or
 * misnumbered step is a build error, reported as such. */
static const Migrations *
builtin_migrations (void)
{
  static gsize initialized = 0;
  static Migrations migrations;

  if (g_once_init_enter (&initialized))
    {
      GResource *resource;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) names = NULL;
      g_autoptr(GPtrArray) steps = g_ptr_array_new ();

      /* Registering calls it into being; the static library keeps it
       * because this reference is here. */
      herald_store_register_resource ();
      resource = herald_store_get_resource ();
      names = g_resource_enumerate_children (resource, MIGRATIONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (names == NULL)
        g_error ("The built-in schema steps are missing: %s", error->message);
      qsort (names, g_strv_length (names), sizeof (char *), compare_names);

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *path = g_strconcat (MIGRATIONS_PATH, names[i], NULL);
          g_autofree char *prefix = g_strdup_printf ("%04u-", steps->len + 1);
          GBytes *bytes;

          if (!g_str_has_suffix (names[i], ".sql"))
            continue;
          if (!g_str_has_prefix (names[i], prefix))
            g_error ("Schema step “%s” is out of order: step %u must start with “%s”",
                     names[i], steps->len + 1, prefix);

          /* The steps point into the library's static resource data,
           * which outlives the GBytes (and is always followed by a NUL
           * byte). */
          bytes = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
          if (bytes == NULL)
            g_error ("Schema step “%s” cannot be read: %s", names[i], error->message);
          g_ptr_array_add (steps, (gpointer) g_bytes_get_data (bytes, NULL));
          g_bytes_unref (bytes);
        }

      migrations.n_steps = steps->len;
      migrations.steps = (const char **) g_ptr_array_free (g_steal_pointer (&steps), FALSE);
      g_once_init_leave (&initialized, 1);
    }

  return &migrations;
}

struct _HeraldDatabase
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  guint         schema_version;

  /* Serialises every use of db; holder is the thread inside, so that the
   * statement helpers can refuse a caller that does not hold the lock. */
  GMutex        mutex;
  GThread      *holder;
};

G_DEFINE_FINAL_TYPE (HeraldDatabase, herald_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (herald-store-error-quark, herald_store_error)

static void
herald_database_lock (HeraldDatabase *self)
{
  g_mutex_lock (&self->mutex);
  g_atomic_pointer_set (&self->holder, g_thread_self ());
}

static void
herald_database_unlock (HeraldDatabase *self)
{
  g_atomic_pointer_set (&self->holder, NULL);
  g_mutex_unlock (&self->mutex);
}

static gboolean
herald_database_is_locked_by_caller (HeraldDatabase *self)
{
  return g_atomic_pointer_get (&self->holder) == (gpointer) g_thread_self ();
}

static void
herald_database_finalize (GObject *object)
{
  HeraldDatabase *self = (HeraldDatabase *) object;

  /* The last connection to close checkpoints the WAL into the file. */
  if (self->db != NULL && sqlite3_close (self->db) != SQLITE_OK)
    g_warning ("Could not close the database “%s”: %s", self->path, sqlite3_errmsg (self->db));

  g_free (self->path);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (herald_database_parent_class)->finalize (object);
}

static void
herald_database_class_init (HeraldDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = herald_database_finalize;
}

static void
herald_database_init (HeraldDatabase *self)
{
  g_mutex_init (&self->mutex);
}

/* Turns the connection's last error into a GError a person can read. */
static void
herald_database_set_error (HeraldDatabase  *self,
                           GError         **error,
                           int              rc)
{
  const char *detail = sqlite3_errmsg (self->db);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_BUSY,
                   _("The database “%s” is in use by another Herald process; try again (%s)"),
                   self->path, detail);
      break;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_OPEN,
                   _("“%s” is not a Herald database, or it is damaged: %s"),
                   self->path, detail);
      break;

    default:
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_QUERY,
                   _("The database “%s” could not be read or written: %s"),
                   self->path, detail);
    }
}

gboolean
herald_database_exec (HeraldDatabase  *self,
                      const char      *sql,
                      GError         **error)
{
  int rc;

  g_return_val_if_fail (HERALD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);
  g_return_val_if_fail (herald_database_is_locked_by_caller (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      herald_database_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/**
 * herald_database_prepare:
 *
 * Returns: (transfer full) (nullable): the statement, to be freed with
 *   sqlite3_finalize() (g_autoptr(sqlite3_stmt) does it)
 */
sqlite3_stmt *
herald_database_prepare (HeraldDatabase  *self,
                         const char      *sql,
                         GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (HERALD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (herald_database_is_locked_by_caller (self), NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      herald_database_set_error (self, error, rc);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

int
herald_database_step (HeraldDatabase  *self,
                      sqlite3_stmt    *stmt,
                      GError         **error)
{
  int rc;

  g_return_val_if_fail (HERALD_IS_DATABASE (self), SQLITE_ERROR);
  g_return_val_if_fail (stmt != NULL, SQLITE_ERROR);
  g_return_val_if_fail (herald_database_is_locked_by_caller (self), SQLITE_ERROR);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  herald_database_set_error (self, error, rc);
  return SQLITE_ERROR;
}

gboolean
herald_database_check_bind (int       rc,
                            GError  **error)
{
  if (rc == SQLITE_OK)
    return TRUE;

  g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_QUERY,
               _("The record could not be saved: %s"), sqlite3_errstr (rc));
  return FALSE;
}

gboolean
herald_database_bind_text_at (sqlite3_stmt  *stmt,
                              int            position,
                              const char    *value,
                              GError       **error)
{
  g_return_val_if_fail (stmt != NULL, FALSE);

  if (value == NULL)
    return herald_database_check_bind (sqlite3_bind_null (stmt, position), error);
  return herald_database_check_bind (sqlite3_bind_text (stmt, position, value, -1, SQLITE_TRANSIENT), error);
}

gboolean
herald_database_bind_int64_at (sqlite3_stmt  *stmt,
                               int            position,
                               gint64         value,
                               GError       **error)
{
  g_return_val_if_fail (stmt != NULL, FALSE);

  return herald_database_check_bind (sqlite3_bind_int64 (stmt, position, value), error);
}

/* Where @name stands in @stmt: 0 when the statement does not use it. */
static int
named_position (sqlite3_stmt *stmt,
                const char   *name)
{
  g_return_val_if_fail (stmt != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);

  return sqlite3_bind_parameter_index (stmt, name);
}

gboolean
herald_database_bind_text (sqlite3_stmt  *stmt,
                           const char    *name,
                           const char    *value,
                           GError       **error)
{
  int position = named_position (stmt, name);

  return position == 0 || herald_database_bind_text_at (stmt, position, value, error);
}

gboolean
herald_database_bind_int64 (sqlite3_stmt  *stmt,
                            const char    *name,
                            gint64         value,
                            GError       **error)
{
  int position = named_position (stmt, name);

  return position == 0 || herald_database_bind_int64_at (stmt, position, value, error);
}

const char *
herald_database_column_text (sqlite3_stmt *stmt,
                             int           column)
{
  g_return_val_if_fail (stmt != NULL, NULL);

  return (const char *) sqlite3_column_text (stmt, column);
}

char *
herald_database_dup_column_text (sqlite3_stmt *stmt,
                                 int           column)
{
  return g_strdup (herald_database_column_text (stmt, column));
}

gint64
herald_database_column_int64 (sqlite3_stmt *stmt,
                              int           column)
{
  g_return_val_if_fail (stmt != NULL, 0);

  return sqlite3_column_int64 (stmt, column);
}

gboolean
herald_database_step_one (HeraldDatabase  *self,
                          sqlite3_stmt    *stmt,
                          const char      *missing,
                          GError         **error)
{
  int rc = herald_database_step (self, stmt, error);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE && missing != NULL)
    g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND, missing);
  else if (rc == SQLITE_DONE)
    herald_database_set_error (self, error, SQLITE_ERROR);

  return FALSE;
}

int
herald_database_step_text (HeraldDatabase  *self,
                           sqlite3_stmt    *stmt,
                           const char      *value,
                           GError         **error)
{
  sqlite3_reset (stmt);
  if (!herald_database_bind_text_at (stmt, 1, value, error))
    return SQLITE_ERROR;
  return herald_database_step (self, stmt, error);
}

gboolean
herald_database_step_int64s (HeraldDatabase  *self,
                             sqlite3_stmt    *stmt,
                             const gint64    *values,
                             guint            n_values,
                             GError         **error)
{
  sqlite3_reset (stmt);
  for (guint i = 0; i < n_values; i++)
    if (!herald_database_bind_int64_at (stmt, (int) i + 1, values[i], error))
      return FALSE;
  return herald_database_step (self, stmt, error) == SQLITE_DONE;
}

gboolean
herald_database_find_id (HeraldDatabase  *self,
                         const char      *sql,
                         const char      *value,
                         gint64          *id,
                         GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (self, sql, error);
  int rc;

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  rc = herald_database_step_text (self, stmt, value, error);
  if (rc == SQLITE_ROW)
    *id = herald_database_column_int64 (stmt, 0);
  return rc != SQLITE_ERROR;
}

gboolean
herald_database_read_rows (HeraldDatabase         *self,
                           sqlite3_stmt           *stmt,
                           HeraldDatabaseRowFunc   read,
                           GPtrArray              *items,
                           GError                **error)
{
  int rc;

  g_return_val_if_fail (read != NULL, FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  while ((rc = herald_database_step (self, stmt, error)) == SQLITE_ROW)
    {
      gpointer item = read (stmt);

      if (item != NULL)
        g_ptr_array_add (items, item);
    }

  return rc == SQLITE_DONE;
}

GPtrArray *
herald_database_list_rows (HeraldDatabase         *self,
                           const char             *sql,
                           HeraldDatabaseRowFunc   read,
                           GDestroyNotify          free_item,
                           GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (self, sql, error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_item);

  if (stmt == NULL || !herald_database_read_rows (self, stmt, read, items, error))
    return NULL;

  return g_steal_pointer (&items);
}

int
herald_database_changes (HeraldDatabase *self)
{
  g_return_val_if_fail (HERALD_IS_DATABASE (self), 0);
  g_return_val_if_fail (herald_database_is_locked_by_caller (self), 0);

  return sqlite3_changes (self->db);
}

gboolean
herald_database_begin (HeraldDatabase  *self,
                       GError         **error)
{
  return herald_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
herald_database_commit (HeraldDatabase  *self,
                        GError         **error)
{
  return herald_database_exec (self, "COMMIT", error);
}

void
herald_database_rollback (HeraldDatabase *self)
{
  g_return_if_fail (HERALD_IS_DATABASE (self));
  g_return_if_fail (herald_database_is_locked_by_caller (self));

  /* After some errors SQLite has rolled back already; that is fine. */
  if (sqlite3_get_autocommit (self->db))
    return;

  if (sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Could not roll back a transaction in “%s”: %s",
               self->path, sqlite3_errmsg (self->db));
}

static gboolean
read_user_version (HeraldDatabase  *self,
                   guint           *version,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (self, "PRAGMA user_version", error);

  /* A pragma always answers one row; no row would be SQLite's bug. */
  if (stmt == NULL || !herald_database_step_one (self, stmt, NULL, error))
    return FALSE;

  *version = (guint) MAX (0, herald_database_column_int64 (stmt, 0));
  return TRUE;
}

static gboolean
refuse_too_new (HeraldDatabase  *self,
                guint            version,
                guint            n_steps,
                GError         **error)
{
  if (version <= n_steps)
    return TRUE;

  g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_TOO_NEW,
               _("The database “%s” was written by a newer version of Herald (schema version %u; "
                 "this version knows up to %u). It was left untouched: update Herald to use it."),
               self->path, version, n_steps);
  return FALSE;
}

/* Each step in its own transaction, the version re-read inside it: if the
 * other Herald process migrates at the same time, a step never runs twice. */
static gboolean
herald_database_migrate (HeraldDatabase      *self,
                         const char * const  *steps,
                         guint                n_steps,
                         GError             **error)
{
  guint current;

  /* Up to date, the usual case: no write lock needed, so that opening never
   * waits for the other process. */
  if (!read_user_version (self, &current, error))
    return FALSE;
  if (current == n_steps)
    {
      self->schema_version = current;
      return TRUE;
    }

  for (;;)
    {
      g_autofree char *set_version = NULL;
      guint version;
      int rc;

      if (!herald_database_begin (self, error))
        return FALSE;

      if (!read_user_version (self, &version, error) ||
          !refuse_too_new (self, version, n_steps, error))
        {
          herald_database_rollback (self);
          return FALSE;
        }

      if (version == n_steps)
        {
          herald_database_rollback (self);
          self->schema_version = version;
          return TRUE;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %u", version + 1);
      rc = sqlite3_exec (self->db, steps[version], NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, set_version, NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          /* Read before the rollback replaces it. */
          g_autofree char *detail = g_strdup (sqlite3_errmsg (self->db));

          herald_database_rollback (self);
          g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_MIGRATION,
                       _("The database “%s” could not be updated to schema version %u; "
                         "it was left at version %u: %s"),
                       self->path, version + 1, version, detail);
          return FALSE;
        }

      g_debug ("Database “%s” migrated to schema version %u", self->path, version + 1);
    }
}

static gboolean
query_text_equals (HeraldDatabase  *self,
                   const char      *sql,
                   const char      *expected,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (self, sql, error);
  const char *value;

  if (stmt == NULL || !herald_database_step_one (self, stmt, NULL, error))
    return FALSE;

  value = herald_database_column_text (stmt, 0);
  if (g_strcmp0 (value, expected) != 0)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_OPEN,
                   _("The database “%s” could not be set up: “%s” answered “%s”, not “%s”"),
                   self->path, sql, value != NULL ? value : "", expected);
      return FALSE;
    }

  return TRUE;
}

/* Called with the lock held, before anyone else can see the object. */
static gboolean
herald_database_setup (HeraldDatabase      *self,
                       const char * const  *steps,
                       guint                n_steps,
                       GError             **error)
{
  guint version;

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Check the version before anything writes to the file, so that a
   * database from a newer Herald is not touched at all. */
  if (!read_user_version (self, &version, error) ||
      !refuse_too_new (self, version, n_steps, error))
    return FALSE;

  if (!herald_database_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !query_text_equals (self, "PRAGMA foreign_keys", "1", error) ||
      !query_text_equals (self, "PRAGMA journal_mode = WAL", "wal", error) ||
      /* In WAL mode NORMAL loses no committed data on a crash of Herald,
       * only possibly the last commits on a power loss. */
      !herald_database_exec (self, "PRAGMA synchronous = NORMAL", error))
    return FALSE;

  return herald_database_migrate (self, steps, n_steps, error);
}

/* SQLite creates the -wal and -shm files with the permissions of the
 * database file, so creating that one 0600 keeps all three private. */
static gboolean
ensure_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s” for the database: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_OPEN,
                   _("Could not open the database “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);

  return TRUE;
}

/**
 * herald_database_open_with_migrations:
 * @path: the database file
 * @steps: (array length=n_steps): SQL of each schema version, in order
 * @n_steps: how many steps @steps holds
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the database, migrated to @n_steps
 */
HeraldDatabase *
herald_database_open_with_migrations (const char          *path,
                                      const char * const  *steps,
                                      guint                n_steps,
                                      GError             **error)
{
  g_autoptr(HeraldDatabase) self = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (steps != NULL || n_steps == 0, NULL);

  if (!ensure_private_file (path, error))
    return NULL;

  self = g_object_new (HERALD_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_OPEN,
                   _("Could not open the database “%s”: %s"),
                   path, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  herald_database_lock (self);
  ok = herald_database_setup (self, steps, n_steps, error);
  herald_database_unlock (self);

  if (!ok)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * herald_database_open:
 * @path: the database file, usually herald_paths_get_database_path()
 * @error: return location for an error
 *
 * Opens or creates the database and brings its schema up to date. Blocks.
 *
 * Returns: (transfer full) (nullable): the database
 */
HeraldDatabase *
herald_database_open (const char  *path,
                      GError     **error)
{
  const Migrations *migrations = builtin_migrations ();

  return herald_database_open_with_migrations (path, migrations->steps, migrations->n_steps, error);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  HeraldDatabase *self;

  if (g_task_return_error_if_cancelled (task))
    return;

  self = herald_database_open (task_data, &error);
  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
herald_database_open_async (const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL && *path != '\0');

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_database_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * herald_database_open_finish:
 *
 * Returns: (transfer full) (nullable): the database
 */
HeraldDatabase *
herald_database_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == herald_database_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
herald_database_get_latest_version (void)
{
  return builtin_migrations ()->n_steps;
}

const char *
herald_database_get_path (HeraldDatabase *self)
{
  g_return_val_if_fail (HERALD_IS_DATABASE (self), NULL);

  return self->path;
}

/* The version reached when the database was opened. */
guint
herald_database_get_schema_version (HeraldDatabase *self)
{
  g_return_val_if_fail (HERALD_IS_DATABASE (self), 0);

  return self->schema_version;
}

/**
 * herald_database_run:
 * @self: a #HeraldDatabase
 * @func: the work
 * @user_data: handed to @func
 * @cancellable: (nullable): checked before @func starts; @func may check it too
 * @error: return location for an error
 *
 * Runs @func in this thread with the connection locked: blocks, so call it
 * from a worker thread (or use herald_database_run_async()). @func must not
 * call herald_database_run() itself.
 *
 * Returns: what @func returned
 */
gboolean
herald_database_run (HeraldDatabase      *self,
                     HeraldDatabaseFunc   func,
                     gpointer             user_data,
                     GCancellable        *cancellable,
                     GError             **error)
{
  gboolean ok;

  g_return_val_if_fail (HERALD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (!herald_database_is_locked_by_caller (self), FALSE);

  herald_database_lock (self);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      herald_database_unlock (self);
      return FALSE;
    }

  ok = func (self, user_data, cancellable, error);

  /* A function that failed half-way must not leave the next caller inside
   * its transaction. */
  if (!sqlite3_get_autocommit (self->db))
    {
      if (ok)
        g_critical ("A database function returned with its transaction still open; rolled back");
      herald_database_rollback (self);
    }

  herald_database_unlock (self);

  return ok;
}

typedef struct
{
  HeraldDatabaseFunc func;
  gpointer           func_data;
} RunData;

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *run = task_data;
  GError *error = NULL;

  if (herald_database_run (source_object, run->func, run->func_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * herald_database_run_async:
 * @self: a #HeraldDatabase
 * @func: the work, run on a worker thread with the connection locked
 * @func_data: handed to @func; it must stay alive until @callback runs and
 *   must not be touched elsewhere meanwhile
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context of the caller
 * @user_data: for @callback
 *
 * Calls run in the order they were made only as far as the thread pool
 * starts them in order: a caller that needs an order waits for the first.
 */
void
herald_database_run_async (HeraldDatabase      *self,
                           HeraldDatabaseFunc   func,
                           gpointer             func_data,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *run;

  g_return_if_fail (HERALD_IS_DATABASE (self));
  g_return_if_fail (func != NULL);

  run = g_new0 (RunData, 1);
  run->func = func;
  run->func_data = func_data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_database_run_async);
  g_task_set_task_data (task, run, g_free);
  g_task_run_in_thread (task, run_thread);
}

typedef struct
{
  GTask                  *task;
  HeraldDatabaseTaskFunc  done;
} TaskRun;

static void
run_task_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  TaskRun *run = user_data;
  g_autoptr(GTask) task = run->task;
  HeraldDatabaseTaskFunc done = run->done;
  GError *error = NULL;

  g_free (run);

  if (!herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    g_task_return_error (task, error);
  else if (done != NULL)
    done (task);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * herald_database_run_task:
 * @self: a #HeraldDatabase
 * @func: the work, run on a worker thread with the connection locked
 * @func_data: handed to @func; @task must keep it alive (as its task data)
 * @cancellable: (nullable): for @func
 * @task: (transfer full): the task of the store call
 * @done: (nullable): returns @task's value after @func succeeded
 */
void
herald_database_run_task (HeraldDatabase         *self,
                          HeraldDatabaseFunc      func,
                          gpointer                func_data,
                          GCancellable           *cancellable,
                          GTask                  *task,
                          HeraldDatabaseTaskFunc  done)
{
  TaskRun *run;

  g_return_if_fail (HERALD_IS_DATABASE (self));
  g_return_if_fail (G_IS_TASK (task));

  run = g_new0 (TaskRun, 1);
  run->task = task;
  run->done = done;

  herald_database_run_async (self, func, func_data, cancellable, run_task_cb, run);
}

gboolean
herald_database_run_finish (HeraldDatabase  *self,
                            GAsyncResult    *result,
                            GError         **error)
{
  g_return_val_if_fail (HERALD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
