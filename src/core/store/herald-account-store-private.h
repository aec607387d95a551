/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-account.h"
#include "herald-database.h"

G_BEGIN_DECLS

/* Shared by herald-account-store.c (the model and the keyring) and
 * herald-account-store-sql.c (rows and their SQL). */

/* An account as plain data: what crosses to the worker thread, where the
 * GObjects must not go. */
typedef struct
{
  char              *id;
  char              *name;
  char              *name_key;
  char              *base_url;
  char              *region;
  gint64             created_at;
  HeraldDialect      dialect;
  HeraldAccountAuth  auth_style;
} HeraldAccountRow;

void              _herald_account_row_free             (gpointer                data);
/* The values of @account, checked (herald-account-validate.h) and
 * normalised, with defaults filled in; NULL with @error. */
HeraldAccountRow *_herald_account_row_new_from_account (HeraldAccount          *account,
                                                        GError                **error);
HeraldAccount    *_herald_account_new_from_row         (const HeraldAccountRow *row);
void              _herald_account_apply_row            (HeraldAccount          *account,
                                                        const HeraldAccountRow *row);

/* The data of the SQL functions below (HeraldDatabaseFunc). */
typedef struct
{
  HeraldAccountRow *row;       /* insert, update: the new values; delete: the account */
  HeraldAccountRow *old_row;   /* update: the values before, read in its transaction; revert writes them */
  GPtrArray        *rows;      /* load: what was read (HeraldAccountRow) */
} HeraldAccountSql;

gboolean _herald_account_sql_load   (HeraldDatabase  *database,
                                     gpointer         user_data,
                                     GCancellable    *cancellable,
                                     GError         **error);
/* In one transaction: the name is free, then the row. */
gboolean _herald_account_sql_insert (HeraldDatabase  *database,
                                     gpointer         user_data,
                                     GCancellable    *cancellable,
                                     GError         **error);
/* In one transaction: reads old_row, refuses a change of dialect or a taken
 * name, writes row. */
gboolean _herald_account_sql_update (HeraldDatabase  *database,
                                     gpointer         user_data,
                                     GCancellable    *cancellable,
                                     GError         **error);
/* Writes old_row back (undoes update). */
gboolean _herald_account_sql_revert (HeraldDatabase  *database,
                                     gpointer         user_data,
                                     GCancellable    *cancellable,
                                     GError         **error);
/* Deletes row (undoes insert; removes). */
gboolean _herald_account_sql_delete (HeraldDatabase  *database,
                                     gpointer         user_data,
                                     GCancellable    *cancellable,
                                     GError         **error);

G_END_DECLS
