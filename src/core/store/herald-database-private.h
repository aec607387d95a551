/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* For the store's own files (the .c files of store/) and the database's tests: the
 * statements themselves. Nothing outside store/ sees SQLite.
 *
 * Every store module (accounts, the message log, contacts, campaigns, …) has
 * the same shape, and these helpers are it:
 *
 * - The module is a final GObject whose herald_…_new (database) keeps a
 *   reference to the database in a field (no property: it never changes).
 * - A call is a job: a struct of plain copies of what the statements need
 *   (never objects the caller may change meanwhile) and the answer, owned by
 *   the call's GTask as its task data. herald_database_run_task() (in
 *   herald-database.h: it needs no SQLite) runs a HeraldDatabaseFunc on it on
 *   a worker thread and returns its failure on the task; a success goes to a
 *   HeraldDatabaseTaskFunc that returns the value on the caller's thread
 *   (where a model may be changed).
 * - Inside the function, statements are prepared with g_autoptr(sqlite3_stmt),
 *   bound by name (herald_database_bind_text (stmt, ":account", …)), and
 *   stepped with herald_database_step(); rows are read by one row reader per
 *   table (a HeraldDatabaseRowFunc, column order given by that table's SELECT
 *   list), with herald_database_read_rows() for a list and
 *   herald_database_step_one() for the one row a lookup must find.
 * - Writes that belong together run between herald_database_begin() and
 *   herald_database_commit(); a function that returns FALSE halfway is rolled
 *   back by herald_database_run(). */

#include <sqlite3.h>

#include "herald-database.h"

G_BEGIN_DECLS

/* Only inside a HeraldDatabaseFunc. */
sqlite3_stmt   *herald_database_prepare              (HeraldDatabase       *self,
                                                      const char           *sql,
                                                      GError              **error);
/* SQLITE_ROW, SQLITE_DONE, or SQLITE_ERROR with @error set. */
int             herald_database_step                 (HeraldDatabase       *self,
                                                      sqlite3_stmt         *stmt,
                                                      GError              **error);
int             herald_database_changes              (HeraldDatabase       *self);

/* Binding. By name (":account"): a name the statement does not use is
 * skipped, so that optional filters need no bookkeeping. By position (1 is
 * the first "?"). A NULL text binds NULL. A failure sets
 * HERALD_STORE_ERROR_QUERY, "… could not be saved: reason". */
gboolean        herald_database_bind_text            (sqlite3_stmt         *stmt,
                                                      const char           *name,
                                                      const char           *value,
                                                      GError              **error);
gboolean        herald_database_bind_int64           (sqlite3_stmt         *stmt,
                                                      const char           *name,
                                                      gint64                value,
                                                      GError              **error);
gboolean        herald_database_bind_text_at         (sqlite3_stmt         *stmt,
                                                      int                   position,
                                                      const char           *value,
                                                      GError              **error);
gboolean        herald_database_bind_int64_at        (sqlite3_stmt         *stmt,
                                                      int                   position,
                                                      gint64                value,
                                                      GError              **error);
/* TRUE for SQLITE_OK; else the "could not be saved" error above. */
gboolean        herald_database_check_bind           (int                   rc,
                                                      GError              **error);

/* Steps @stmt to the one row it must answer: TRUE on it. FALSE with @error
 * when stepping failed, or when there was no row: then
 * HERALD_STORE_ERROR_NOT_FOUND with @missing, a message for a person (NULL:
 * SQLite's own words, for a row that only a broken database lacks). */
gboolean        herald_database_step_one             (HeraldDatabase       *self,
                                                      sqlite3_stmt         *stmt,
                                                      const char           *missing,
                                                      GError              **error);

/* Resets @stmt, binds @value to its first "?" and steps it: SQLITE_ROW,
 * SQLITE_DONE, or SQLITE_ERROR with @error. For one statement run over
 * many values. */
int             herald_database_step_text            (HeraldDatabase       *self,
                                                      sqlite3_stmt         *stmt,
                                                      const char           *value,
                                                      GError              **error);

/* Resets @stmt, binds @values[0] to @values[@n_values - 1] to its "?" 1
 * to @n_values and steps it to its end: TRUE when it ran through. */
gboolean        herald_database_step_int64s          (HeraldDatabase       *self,
                                                      sqlite3_stmt         *stmt,
                                                      const gint64         *values,
                                                      guint                 n_values,
                                                      GError              **error);

/* Runs @sql, a SELECT of an id with one "?" bound to @value: *@id is the
 * id of its first row, 0 when there is none. FALSE only on a failure. */
gboolean        herald_database_find_id              (HeraldDatabase       *self,
                                                      const char           *sql,
                                                      const char           *value,
                                                      gint64               *id,
                                                      GError              **error);

/* Makes an item of the current row of a statement; NULL skips the row (one
 * that this Herald cannot read, say a later one's). */
typedef gpointer (*HeraldDatabaseRowFunc)            (sqlite3_stmt         *stmt);

/* Steps @stmt to its end, adding what @read makes of each row to @items. */
gboolean        herald_database_read_rows            (HeraldDatabase       *self,
                                                      sqlite3_stmt         *stmt,
                                                      HeraldDatabaseRowFunc read,
                                                      GPtrArray            *items,
                                                      GError              **error);

/* Prepares @sql (no parameters) and reads all its rows with @read into a
 * new array that frees its items with @free_item; NULL with @error when
 * the statement fails. */
GPtrArray      *herald_database_list_rows            (HeraldDatabase       *self,
                                                      const char           *sql,
                                                      HeraldDatabaseRowFunc read,
                                                      GDestroyNotify        free_item,
                                                      GError              **error);

/* Columns of the current row (0 is the first); NULL for SQL NULL. */
const char     *herald_database_column_text          (sqlite3_stmt         *stmt,
                                                      int                   column);
char           *herald_database_dup_column_text      (sqlite3_stmt         *stmt,
                                                      int                   column);
gint64          herald_database_column_int64         (sqlite3_stmt         *stmt,
                                                      int                   column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
