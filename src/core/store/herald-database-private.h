/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* For the store's own files (the .c files of store/) and the database's tests: the
 * statements themselves. Nothing outside store/ sees SQLite. */

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

/* Columns of the current row (0 is the first); NULL for SQL NULL. */
const char     *herald_database_column_text          (sqlite3_stmt         *stmt,
                                                      int                   column);
char           *herald_database_dup_column_text      (sqlite3_stmt         *stmt,
                                                      int                   column);
gint64          herald_database_column_int64         (sqlite3_stmt         *stmt,
                                                      int                   column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
