/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-account-store-private.h"
#include "herald-account-validate.h"
#include "herald-database-private.h"

/* Accounts as rows: the checked plain values of a HeraldAccount, and the
 * SQL that reads and writes them (on a worker thread, with the connection
 * locked). */

void
_herald_account_row_free (gpointer data)
{
  HeraldAccountRow *row = data;

  if (row == NULL)
    return;

  g_free (row->id);
  g_free (row->name);
  g_free (row->name_key);
  g_free (row->base_url);
  g_free (row->region);
  g_free (row);
}

static gboolean
fill_row (HeraldAccountRow  *row,
          HeraldAccount     *account,
          GError           **error)
{
  HeraldDialect dialect = herald_account_get_dialect (account);

  if (herald_dialect_get_info (dialect) == NULL)
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("Unknown dialect: use flixysms, flashsms or modem."));
      return FALSE;
    }

  row->id = g_strdup (herald_account_get_id (account));
  row->dialect = dialect;
  row->created_at = g_date_time_to_unix (herald_account_get_created_at (account));
  row->auth_style = herald_account_get_auth_style (account);

  if ((row->name = herald_account_validate_name (herald_account_get_name (account), error)) == NULL ||
      !herald_account_validate_base_url (dialect, herald_account_get_base_url (account), &row->base_url, error) ||
      !herald_account_validate_region (dialect, herald_account_get_region (account), &row->region, error))
    return FALSE;

  if (!herald_account_validate_auth_style (dialect, row->auth_style, error))
    return FALSE;

  row->name_key = herald_account_dup_name_key (row->name);

  return TRUE;
}

/* The values of @account, checked and normalised, with defaults filled in.
 * (No g_autoptr here: clang-tidy's analyzer would report leaks it cannot
 * see freed.) */
HeraldAccountRow *
_herald_account_row_new_from_account (HeraldAccount  *account,
                                      GError        **error)
{
  HeraldAccountRow *row = g_new0 (HeraldAccountRow, 1);

  if (!fill_row (row, account, error))
    {
      _herald_account_row_free (row);
      return NULL;
    }

  return row;
}

HeraldAccount *
_herald_account_new_from_row (const HeraldAccountRow *row)
{
  g_autoptr(GDateTime) created_at = g_date_time_new_from_unix_utc (row->created_at);

  return g_object_new (HERALD_TYPE_ACCOUNT,
                       "id", row->id,
                       "dialect", row->dialect,
                       "created-at", created_at,
                       "name", row->name,
                       "base-url", row->base_url,
                       "region", row->region,
                       "auth-style", row->auth_style,
                       NULL);
}

void
_herald_account_apply_row (HeraldAccount          *account,
                           const HeraldAccountRow *row)
{
  g_object_freeze_notify (G_OBJECT (account));
  herald_account_set_name (account, row->name);
  herald_account_set_base_url (account, row->base_url);
  herald_account_set_region (account, row->region);
  herald_account_set_auth_style (account, row->auth_style);
  g_object_thaw_notify (G_OBJECT (account));
}

/* Database work, on a worker thread with the connection locked. */

/* Parameters ?1 to ?7 of the INSERT and UPDATE below. */
static gboolean
bind_row (sqlite3_stmt            *stmt,
          const HeraldAccountRow  *row,
          GError                 **error)
{
  const char *auth = herald_dialect_get_info (row->dialect)->chooses_auth_style
                       ? herald_account_auth_to_string (row->auth_style) : NULL;

  return herald_database_bind_text_at (stmt, 1, row->id, error) &&
         herald_database_bind_text_at (stmt, 2, row->name, error) &&
         herald_database_bind_text_at (stmt, 3, row->name_key, error) &&
         herald_database_bind_text_at (stmt, 4, herald_dialect_to_string (row->dialect), error) &&
         herald_database_bind_text_at (stmt, 5, row->base_url, error) &&
         herald_database_bind_text_at (stmt, 6, row->region, error) &&
         herald_database_bind_text_at (stmt, 7, auth, error);
}

/* The row reader of the accounts table: the columns of SELECT_ACCOUNTS.
 * Returns: (nullable): a HeraldAccountRow */
static gpointer
read_row (sqlite3_stmt *stmt)
{
  const char *id = herald_database_column_text (stmt, 0);
  const char *name = herald_database_column_text (stmt, 1);
  const char *dialect = herald_database_column_text (stmt, 2);
  const char *auth = herald_database_column_text (stmt, 5);
  HeraldDialect known_dialect;
  HeraldAccountRow *row;

  /* A dialect of a later Herald, say: leave the row alone, show the rest. */
  if (id == NULL || name == NULL || !herald_dialect_from_string (dialect, &known_dialect))
    {
      g_warning ("Skipping account “%s” of unknown dialect “%s”",
                 id != NULL ? id : "", dialect != NULL ? dialect : "");
      return NULL;
    }

  row = g_new0 (HeraldAccountRow, 1);
  row->id = g_strdup (id);
  row->name = g_strdup (name);
  row->name_key = herald_account_dup_name_key (name);
  row->dialect = known_dialect;
  row->base_url = herald_database_dup_column_text (stmt, 3);
  row->region = herald_database_dup_column_text (stmt, 4);
  if (auth == NULL || !herald_account_auth_from_string (auth, &row->auth_style))
    row->auth_style = HERALD_ACCOUNT_AUTH_BEARER;
  row->created_at = herald_database_column_int64 (stmt, 6);

  return row;
}

#define SELECT_ACCOUNTS \
  "SELECT id, name, dialect, base_url, region, auth_style, created_at FROM accounts"

gboolean
_herald_account_sql_load (HeraldDatabase  *database,
                          gpointer         user_data,
                          GCancellable    *cancellable,
                          GError         **error)
{
  HeraldAccountSql *op = user_data;
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database, SELECT_ACCOUNTS, error);

  return stmt != NULL && herald_database_read_rows (database, stmt, read_row, op->rows, error);
}

static HeraldAccountRow *
select_row (HeraldDatabase  *database,
            const char      *id,
            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database, SELECT_ACCOUNTS " WHERE id = ?1",
                                                          error);
  HeraldAccountRow *row;
  int rc;

  if (stmt == NULL || !herald_database_bind_text_at (stmt, 1, id, error))
    return NULL;

  rc = herald_database_step (database, stmt, error);
  if (rc == SQLITE_ERROR)
    return NULL;

  row = rc == SQLITE_ROW ? read_row (stmt) : NULL;
  if (row == NULL)
    g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND,
                         _("The account does not exist any more."));

  return row;
}

/* Inside the caller's transaction, so that no other writer can take the
 * name between this check and the write. */
static gboolean
check_name_free (HeraldDatabase          *database,
                 const HeraldAccountRow  *row,
                 GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    herald_database_prepare (database, "SELECT name FROM accounts WHERE name_key = ?1 AND id != ?2",
                             error);
  int rc;

  if (stmt == NULL || !herald_database_bind_text_at (stmt, 1, row->name_key, error) ||
      !herald_database_bind_text_at (stmt, 2, row->id, error))
    return FALSE;

  rc = herald_database_step (database, stmt, error);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS,
                   _("An account named “%s” exists already; choose another name."),
                   herald_database_column_text (stmt, 0));
      return FALSE;
    }

  return rc == SQLITE_DONE;
}

gboolean
_herald_account_sql_insert (HeraldDatabase  *database,
                            gpointer         user_data,
                            GCancellable    *cancellable,
                            GError         **error)
{
  HeraldAccountSql *op = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!herald_database_begin (database, error))
    return FALSE;

  if (!check_name_free (database, op->row, error))
    return FALSE;   /* herald_database_run () rolls back */

  stmt = herald_database_prepare (database,
                                  "INSERT INTO accounts (id, name, name_key, dialect, base_url, "
                                  "region, auth_style, created_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                  error);
  if (stmt == NULL || !bind_row (stmt, op->row, error))
    return FALSE;
  if (!herald_database_bind_int64_at (stmt, 8, op->row->created_at, error))
    return FALSE;

  if (herald_database_step (database, stmt, error) != SQLITE_DONE)
    return FALSE;

  return herald_database_commit (database, error);
}

static gboolean
write_values (HeraldDatabase          *database,
              const HeraldAccountRow  *row,
              GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    herald_database_prepare (database,
                             "UPDATE accounts SET name = ?2, name_key = ?3, base_url = ?5, "
                             "region = ?6, auth_style = ?7 WHERE id = ?1 AND dialect = ?4",
                             error);

  if (stmt == NULL || !bind_row (stmt, row, error))
    return FALSE;

  return herald_database_step (database, stmt, error) == SQLITE_DONE;
}

gboolean
_herald_account_sql_update (HeraldDatabase  *database,
                            gpointer         user_data,
                            GCancellable    *cancellable,
                            GError         **error)
{
  HeraldAccountSql *op = user_data;

  if (!herald_database_begin (database, error))
    return FALSE;

  op->old_row = select_row (database, op->row->id, error);
  if (op->old_row == NULL)
    return FALSE;

  if (op->old_row->dialect != op->row->dialect)
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The dialect of an account cannot be changed; add a new account instead."));
      return FALSE;
    }

  if (!check_name_free (database, op->row, error) ||
      !write_values (database, op->row, error))
    return FALSE;

  return herald_database_commit (database, error);
}

gboolean
_herald_account_sql_revert (HeraldDatabase  *database,
                            gpointer         user_data,
                            GCancellable    *cancellable,
                            GError         **error)
{
  HeraldAccountSql *op = user_data;

  return write_values (database, op->old_row, error);
}

gboolean
_herald_account_sql_delete (HeraldDatabase  *database,
                            gpointer         user_data,
                            GCancellable    *cancellable,
                            GError         **error)
{
  HeraldAccountSql *op = user_data;
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database,
                                                          "DELETE FROM accounts WHERE id = ?1",
                                                          error);

  if (stmt == NULL || !herald_database_bind_text_at (stmt, 1, op->row->id, error))
    return FALSE;

  return herald_database_step (database, stmt, error) == SQLITE_DONE;
}
