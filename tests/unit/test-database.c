/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The store's connection: migrations through PRAGMA user_version, WAL, a
 * database from a newer Herald left alone, failed steps rolled back, and
 * use from several threads and two connections at once. Files live in the
 * harness's private XDG_DATA_HOME. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "store/herald-database-private.h"
#include "herald-test-util.h"

static char *
test_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "test-database", name, NULL);
}

/* A second, plain connection: what the file holds, seen without Herald. */
static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
raw_has_table (sqlite3    *db,
               const char *table)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'", table);

  return raw_int (db, sql) == 1;
}

static void
test_database_migrations_from_empty (void)
{
  const char * const steps[] = {
    "CREATE TABLE one (x INTEGER);",
    "CREATE TABLE two (x INTEGER); INSERT INTO two VALUES (2);",
    "CREATE TABLE three (x INTEGER);",
  };
  g_autofree char *path = test_path ("from-empty/custom.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(HeraldDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  sqlite3 *raw;

  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  db = herald_database_open_with_migrations (path, steps, G_N_ELEMENTS (steps), &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpuint (herald_database_get_schema_version (db), ==, 3);
  g_assert_cmpstr (herald_database_get_path (db), ==, path);

  /* The folder is private, and so is the file SQLite's -wal and -shm copy. */
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  raw = raw_open (path);
  g_assert_cmpint (raw_int (raw, "PRAGMA user_version"), ==, 3);
  g_assert_true (raw_has_table (raw, "one"));
  g_assert_true (raw_has_table (raw, "two"));
  g_assert_true (raw_has_table (raw, "three"));
  g_assert_cmpint (raw_int (raw, "SELECT x FROM two"), ==, 2);
  sqlite3_close (raw);
}

static void
test_database_builtin_schema (void)
{
  g_autofree char *path = test_path ("builtin/herald.db");
  g_autoptr(HeraldDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw;

  db = herald_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_database_get_latest_version (), >=, 1);
  g_assert_cmpuint (herald_database_get_schema_version (db), ==, herald_database_get_latest_version ());

  raw = raw_open (path);
  g_assert_cmpint (raw_int (raw, "PRAGMA user_version"), ==, herald_database_get_latest_version ());
  g_assert_true (raw_has_table (raw, "accounts"));
  g_assert_true (raw_has_table (raw, "sent_messages"));
  /* The key never has a column. */
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM pragma_table_info('accounts') "
                                 "WHERE name LIKE '%key%' AND name != 'name_key'"), ==, 0);
  sqlite3_close (raw);
}

static void
test_database_reopen_idempotent (void)
{
  /* Each step logs itself: a step that ran twice would show. */
  const char * const steps[] = {
    "CREATE TABLE log (step INTEGER); INSERT INTO log VALUES (1);",
    "INSERT INTO log VALUES (2);",
    "INSERT INTO log VALUES (3);",
  };
  g_autofree char *path = test_path ("reopen.db");
  g_autoptr(GError) error = NULL;
  sqlite3 *raw;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HeraldDatabase) db = herald_database_open_with_migrations (path, steps, 2, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (herald_database_get_schema_version (db), ==, 2);
    }

  raw = raw_open (path);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM log"), ==, 2);
  g_assert_cmpint (raw_int (raw, "SELECT sum(step) FROM log"), ==, 3);
  sqlite3_close (raw);

  /* A later Herald with one more step runs only that one. */
  {
    g_autoptr(HeraldDatabase) db = herald_database_open_with_migrations (path, steps, 3, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (herald_database_get_schema_version (db), ==, 3);
  }

  raw = raw_open (path);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM log"), ==, 3);
  g_assert_cmpint (raw_int (raw, "PRAGMA user_version"), ==, 3);
  sqlite3_close (raw);
}

static void
test_database_newer_version_refused (void)
{
  g_autofree char *path = test_path ("newer/herald.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *journal = NULL;
  g_autoptr(HeraldDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_length, after_length;
  sqlite3 *raw = NULL;

  /* A file as a future Herald (schema 99, rollback journal) might leave it. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('kept');"
                                      "PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));

  db = herald_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Herald"));
  g_assert_nonnull (strstr (error->message, "99"));
  g_assert_nonnull (strstr (error->message, path));

  /* Not a byte changed, not even the journal mode. */
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  raw = raw_open (path);
  g_assert_cmpint (raw_int (raw, "PRAGMA user_version"), ==, 99);
  journal = raw_text (raw, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "delete");
  sqlite3_close (raw);

  /* Also when the newer version is just one more step than known. */
  g_clear_error (&error);
  {
    const char * const steps[] = { "CREATE TABLE a (x);", "CREATE TABLE b (x);" };
    g_autofree char *path2 = test_path ("newer/one-step.db");
    g_autoptr(HeraldDatabase) db2 = herald_database_open_with_migrations (path2, steps, 2, &error);

    g_assert_no_error (error);
    g_clear_object (&db2);
    db2 = herald_database_open_with_migrations (path2, steps, 1, &error);
    g_assert_null (db2);
    g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_TOO_NEW);
  }
}

static gboolean
read_pragmas (HeraldDatabase  *db,
              gpointer         user_data,
              GCancellable    *cancellable,
              GError         **error)
{
  GPtrArray *answers = user_data;
  const char *pragmas[] = { "PRAGMA journal_mode", "PRAGMA foreign_keys", "PRAGMA busy_timeout" };

  for (guint i = 0; i < G_N_ELEMENTS (pragmas); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db, pragmas[i], error);

      if (stmt == NULL || herald_database_step (db, stmt, error) != SQLITE_ROW)
        return FALSE;
      g_ptr_array_add (answers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }

  return TRUE;
}

static gboolean
create_items_table (HeraldDatabase  *db,
                    gpointer         user_data,
                    GCancellable    *cancellable,
                    GError         **error)
{
  return herald_database_exec (db, "CREATE TABLE IF NOT EXISTS items (thread INTEGER, n INTEGER)", error);
}

static void
test_database_wal_mode (void)
{
  g_autofree char *path = test_path ("wal.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HeraldDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = herald_database_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (herald_database_run (db, read_pragmas, answers, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (answers, 0), ==, "wal");
  g_assert_cmpstr (g_ptr_array_index (answers, 1), ==, "1");
  g_assert_cmpint (atoi (g_ptr_array_index (answers, 2)), >, 0);

  g_assert_true (herald_database_run (db, create_items_table, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static gboolean
failing_func (HeraldDatabase  *db,
              gpointer         user_data,
              GCancellable    *cancellable,
              GError         **error)
{
  /* A transaction left open by a failure must not outlive the call. */
  return herald_database_begin (db, error) &&
         herald_database_exec (db, "INSERT INTO items VALUES (0, 1)", error) &&
         herald_database_exec (db, "INSERT INTO no_such_table VALUES (1)", error);
}

static gboolean
count_items (HeraldDatabase  *db,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  gint64 *count = user_data;
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db, "SELECT count(*) FROM items", error);

  if (stmt == NULL || herald_database_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;

  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static void
test_database_failing_function_rolls_back (void)
{
  g_autofree char *path = test_path ("failing-func.db");
  g_autoptr(HeraldDatabase) db = herald_database_open (path, NULL);
  g_autoptr(GError) error = NULL;
  gint64 count = -1;

  g_assert_nonnull (db);
  g_assert_true (herald_database_run (db, create_items_table, NULL, NULL, NULL));

  g_assert_false (herald_database_run (db, failing_func, NULL, NULL, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_QUERY);
  g_assert_nonnull (strstr (error->message, "no_such_table"));

  g_assert_true (herald_database_run (db, count_items, &count, NULL, NULL));
  g_assert_cmpint (count, ==, 0);
}

static void
test_database_failing_migration (void)
{
  const char * const steps[] = {
    "CREATE TABLE first (x INTEGER);",
    /* Creates a table, then fails: the table must not stay. */
    "CREATE TABLE second (x INTEGER); INSERT INTO no_such_table VALUES (1);",
    "CREATE TABLE third (x INTEGER);",
  };
  g_autofree char *path = test_path ("failing-migration.db");
  g_autofree char *fresh_path = test_path ("failing-migration-fresh.db");
  g_autoptr(HeraldDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw;

  db = herald_database_open_with_migrations (path, steps, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  db = herald_database_open_with_migrations (path, steps, 3, &error);
  g_assert_null (db);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "no_such_table"));
  g_assert_nonnull (strstr (error->message, "version 2"));
  g_assert_nonnull (strstr (error->message, "left at version 1"));
  g_clear_error (&error);

  raw = raw_open (path);
  g_assert_cmpint (raw_int (raw, "PRAGMA user_version"), ==, 1);
  g_assert_true (raw_has_table (raw, "first"));
  g_assert_false (raw_has_table (raw, "second"));
  g_assert_false (raw_has_table (raw, "third"));
  sqlite3_close (raw);

  /* From an empty file: the good first step stays, the bad one does not. */
  db = herald_database_open_with_migrations (fresh_path, steps, 3, &error);
  g_assert_null (db);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_MIGRATION);

  raw = raw_open (fresh_path);
  g_assert_cmpint (raw_int (raw, "PRAGMA user_version"), ==, 1);
  g_assert_true (raw_has_table (raw, "first"));
  g_assert_false (raw_has_table (raw, "second"));
  sqlite3_close (raw);
}

static void
test_database_not_a_database (void)
{
  g_autofree char *path = test_path ("garbage.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(HeraldDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  char garbage[4096];

  memset (garbage, 'x', sizeof garbage);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));

  db = herald_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "not a Herald database"));
}

#define ROWS_PER_THREAD 150

typedef struct
{
  HeraldDatabase *db;
  int             thread;
  gint           *inside;      /* callers inside a function at once */
  gboolean        overlapped;
} Worker;

/* A read-then-write transaction: without the lock (or, across connections,
 * without busy handling) two threads would interleave or fail. */
static gboolean
insert_next (HeraldDatabase  *db,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  Worker *worker = user_data;
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 n;

  if (g_atomic_int_add (worker->inside, 1) != 0)
    worker->overlapped = TRUE;

  if (!herald_database_begin (db, error))
    goto out;
  select = herald_database_prepare (db, "SELECT count(*) FROM items WHERE thread = ?1", error);
  if (select == NULL)
    goto out;
  sqlite3_bind_int (select, 1, worker->thread);
  if (herald_database_step (db, select, error) != SQLITE_ROW)
    goto out;
  n = sqlite3_column_int64 (select, 0);

  g_thread_yield ();   /* invite the other thread in */

  insert = herald_database_prepare (db, "INSERT INTO items VALUES (?1, ?2)", error);
  if (insert == NULL)
    goto out;
  sqlite3_bind_int (insert, 1, worker->thread);
  sqlite3_bind_int64 (insert, 2, n + 1);
  if (herald_database_step (db, insert, error) != SQLITE_DONE ||
      !herald_database_commit (db, error))
    goto out;

  g_atomic_int_add (worker->inside, -1);
  return TRUE;

out:
  g_atomic_int_add (worker->inside, -1);
  return FALSE;
}

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;

  for (int i = 0; i < ROWS_PER_THREAD; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!herald_database_run (worker->db, insert_next, worker, NULL, &error))
        return g_strdup (error->message);
    }

  return NULL;
}

static gboolean
check_sequences (HeraldDatabase  *db,
                 gpointer         user_data,
                 GCancellable    *cancellable,
                 GError         **error)
{
  gint64 *answers = user_data;
  g_autoptr(sqlite3_stmt) stmt =
    herald_database_prepare (db, "SELECT count(*), count(DISTINCT thread || '-' || n), max(n) FROM items",
                             error);

  if (stmt == NULL || herald_database_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;

  for (int i = 0; i < 3; i++)
    answers[i] = sqlite3_column_int64 (stmt, i);
  return TRUE;
}

static void
run_two_threads (HeraldDatabase *db_a,
                 HeraldDatabase *db_b,
                 gboolean        same_object)
{
  gint inside_a = 0, inside_b = 0;
  Worker a = { db_a, 1, &inside_a, FALSE };
  Worker b = { db_b, 2, same_object ? &inside_a : &inside_b, FALSE };
  GThread *thread_a, *thread_b;
  g_autofree char *error_a = NULL;
  g_autofree char *error_b = NULL;
  gint64 answers[3] = { 0 };

  g_assert_true (herald_database_run (db_a, create_items_table, NULL, NULL, NULL));

  thread_a = g_thread_new ("worker-a", worker_thread, &a);
  thread_b = g_thread_new ("worker-b", worker_thread, &b);
  error_a = g_thread_join (thread_a);
  error_b = g_thread_join (thread_b);

  g_assert_null (error_a);
  g_assert_null (error_b);
  /* One object: its mutex lets only one thread in at a time. */
  if (same_object)
    g_assert_false (a.overlapped || b.overlapped);

  g_assert_true (herald_database_run (db_a, check_sequences, answers, NULL, NULL));
  g_assert_cmpint (answers[0], ==, 2 * ROWS_PER_THREAD);
  g_assert_cmpint (answers[1], ==, 2 * ROWS_PER_THREAD);   /* no number twice */
  g_assert_cmpint (answers[2], ==, ROWS_PER_THREAD);
}

static void
test_database_two_threads (void)
{
  g_autofree char *path = test_path ("threads.db");
  g_autoptr(HeraldDatabase) db = herald_database_open (path, NULL);

  g_assert_nonnull (db);
  run_two_threads (db, db, TRUE);
}

/* Two connections to one file, as the app and heraldctl have: WAL and the
 * busy timeout let both write without "database is locked". */
static void
test_database_two_connections (void)
{
  g_autofree char *path = test_path ("connections.db");
  g_autoptr(HeraldDatabase) db_a = herald_database_open (path, NULL);
  g_autoptr(HeraldDatabase) db_b = herald_database_open (path, NULL);

  g_assert_nonnull (db_a);
  g_assert_nonnull (db_b);
  run_two_threads (db_a, db_b, FALSE);
}

typedef struct
{
  GAsyncResult *result;
  gboolean      called;
} AsyncWait;

static gboolean
mark_called (HeraldDatabase  *db,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  AsyncWait *wait = user_data;

  wait->called = TRUE;
  return herald_database_exec (db, "INSERT INTO items VALUES (9, 9)", error);
}

static void
test_database_async (void)
{
  g_autofree char *path = test_path ("async/herald.db");
  g_autoptr(HeraldDatabase) db = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  AsyncWait opened = { NULL }, run = { NULL }, cancelled = { NULL };
  gint64 count = -1;

  herald_database_open_async (path, NULL, herald_test_async_done, &opened.result);
  db = herald_database_open_finish (herald_test_wait (&opened.result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_object_unref (opened.result);
  g_assert_true (herald_database_run (db, create_items_table, NULL, NULL, NULL));

  herald_database_run_async (db, mark_called, &run, NULL, herald_test_async_done, &run.result);
  g_assert_true (herald_database_run_finish (db, herald_test_wait (&run.result), &error));
  g_assert_no_error (error);
  g_assert_true (run.called);
  g_object_unref (run.result);

  /* Cancelled before it started: the function never runs. */
  g_cancellable_cancel (cancellable);
  herald_database_run_async (db, mark_called, &cancelled, cancellable, herald_test_async_done, &cancelled.result);
  g_assert_false (herald_database_run_finish (db, herald_test_wait (&cancelled.result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (cancelled.called);
  g_object_unref (cancelled.result);

  g_assert_true (herald_database_run (db, count_items, &count, NULL, NULL));
  g_assert_cmpint (count, ==, 1);
}

static void
test_database_open_async_error (void)
{
  g_autofree char *path = test_path ("async-error/herald.db");
  g_autoptr(GError) error = NULL;
  AsyncWait opened = { NULL };
  HeraldDatabase *db;

  /* A directory where the file should be. */
  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);

  herald_database_open_async (path, NULL, herald_test_async_done, &opened.result);
  db = herald_database_open_finish (herald_test_wait (&opened.result), &error);
  g_assert_null (db);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, path));
  g_object_unref (opened.result);
}

/* The statement helpers every store module uses (herald-database-private.h). */

static gpointer
read_even_name (sqlite3_stmt *stmt)
{
  /* Odd rows stand for rows a reader cannot read: skipped. */
  if (herald_database_column_int64 (stmt, 0) % 2 != 0)
    return NULL;
  return herald_database_dup_column_text (stmt, 1);
}

static gboolean
use_helpers (HeraldDatabase  *db,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  GPtrArray *names = user_data;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) one = NULL;
  g_autoptr(sqlite3_stmt) none = NULL;
  g_autoptr(GError) missing = NULL;

  if (!herald_database_exec (db, "CREATE TABLE names (n INTEGER, name TEXT)", error))
    return FALSE;
  insert = herald_database_prepare (db, "INSERT INTO names VALUES (:n, :name)", error);
  for (gint64 n = 1; n <= 4; n++)
    {
      g_autofree char *name = g_strdup_printf ("name %" G_GINT64_FORMAT, n);

      sqlite3_reset (insert);
      /* A name the statement does not use is skipped. */
      g_assert_true (herald_database_bind_int64 (insert, ":not-there", 7, error));
      g_assert_true (herald_database_bind_int64 (insert, ":n", n, error));
      g_assert_true (herald_database_bind_text (insert, ":name", name, error));
      g_assert_cmpint (herald_database_step (db, insert, error), ==, SQLITE_DONE);
    }

  select = herald_database_prepare (db, "SELECT n, name FROM names ORDER BY n", error);
  g_assert_true (herald_database_read_rows (db, select, read_even_name, names, error));

  one = herald_database_prepare (db, "SELECT name FROM names WHERE n = 3", error);
  g_assert_true (herald_database_step_one (db, one, "no such name", error));
  g_assert_cmpstr (herald_database_column_text (one, 0), ==, "name 3");

  none = herald_database_prepare (db, "SELECT name FROM names WHERE n = 5", error);
  g_assert_false (herald_database_step_one (db, none, "no such name", &missing));
  g_assert_error (missing, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (missing->message, ==, "no such name");

  return TRUE;
}

static void
test_database_statement_helpers (void)
{
  g_autofree char *path = test_path ("helpers.db");
  g_autoptr(HeraldDatabase) db = herald_database_open (path, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (db);
  g_assert_true (herald_database_run (db, use_helpers, names, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "name 2");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "name 4");
}

static gboolean
fail_query (HeraldDatabase  *db,
            gpointer         user_data,
            GCancellable    *cancellable,
            GError         **error)
{
  return herald_database_exec (db, "SELECT * FROM no_such_table", error);
}

static void
return_answer (GTask *task)
{
  g_task_return_int (task, 42);
}

/* The result of a task handed to herald_database_run_task(); unref it. */
static GAsyncResult *
run_task (HeraldDatabase         *db,
          HeraldDatabaseFunc      func,
          HeraldDatabaseTaskFunc  done)
{
  GAsyncResult *result = NULL;

  herald_database_run_task (db, func, NULL, NULL, g_task_new (db, NULL, herald_test_async_done, &result), done);

  return herald_test_wait (&result);
}

static void
test_database_run_task (void)
{
  g_autofree char *path = test_path ("run-task.db");
  g_autoptr(HeraldDatabase) db = herald_database_open (path, NULL);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result;

  g_assert_nonnull (db);

  /* Success goes to done, which returns the value... */
  result = run_task (db, create_items_table, return_answer);
  g_assert_cmpint (g_task_propagate_int (G_TASK (result), &error), ==, 42);
  g_assert_no_error (error);
  g_object_unref (result);

  /* ...or TRUE without one. */
  result = run_task (db, create_items_table, NULL);
  g_assert_true (g_task_propagate_boolean (G_TASK (result), &error));
  g_assert_no_error (error);
  g_object_unref (result);

  /* A failure is returned on the task, and done never runs. */
  result = run_task (db, fail_query, return_answer);
  g_assert_cmpint (g_task_propagate_int (G_TASK (result), &error), ==, -1);
  g_object_unref (result);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_QUERY);
}

static void
test_database_helpers_need_the_lock (void)
{
  g_autofree char *path = test_path ("lock.db");
  g_autoptr(HeraldDatabase) db = herald_database_open (path, NULL);

  g_assert_nonnull (db);

  g_test_expect_message ("herald-store", G_LOG_LEVEL_CRITICAL, "*is_locked_by_caller*");
  g_assert_false (herald_database_exec (db, "CREATE TABLE outside (x)", NULL));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/migrations-from-empty", test_database_migrations_from_empty);
  g_test_add_func ("/database/builtin-schema", test_database_builtin_schema);
  g_test_add_func ("/database/reopen-idempotent", test_database_reopen_idempotent);
  g_test_add_func ("/database/newer-version-refused", test_database_newer_version_refused);
  g_test_add_func ("/database/wal-mode", test_database_wal_mode);
  g_test_add_func ("/database/failing-function-rolls-back", test_database_failing_function_rolls_back);
  g_test_add_func ("/database/failing-migration-rolls-back", test_database_failing_migration);
  g_test_add_func ("/database/not-a-database", test_database_not_a_database);
  g_test_add_func ("/database/two-threads", test_database_two_threads);
  g_test_add_func ("/database/two-connections", test_database_two_connections);
  g_test_add_func ("/database/async", test_database_async);
  g_test_add_func ("/database/open-async-error", test_database_open_async_error);
  g_test_add_func ("/database/helpers-need-the-lock", test_database_helpers_need_the_lock);
  g_test_add_func ("/database/statement-helpers", test_database_statement_helpers);
  g_test_add_func ("/database/run-task", test_database_run_task);

  return g_test_run ();
}
