/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "herald-account-store.h"
#include "secrets/herald-secrets.h"
#include "text/herald-phone-number.h"

#define MAX_NAME_CHARS 100
#define MAX_KEY_BYTES  4096

struct _HeraldAccountStore
{
  GObject         parent_instance;

  HeraldDatabase *database;
  GPtrArray      *accounts;   /* HeraldAccount, sorted by compare_accounts () */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HeraldAccountStore, herald_account_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  ACCOUNT_UPDATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];
static GParamSpec *properties [N_PROPS];

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
} AccountRow;

static void
account_row_free (gpointer data)
{
  AccountRow *row = data;

  if (row == NULL)
    return;

  g_free (row->id);
  g_free (row->name);
  g_free (row->name_key);
  g_free (row->base_url);
  g_free (row->region);
  g_free (row);
}

/* Keys are overwritten before their memory goes back to the allocator. */
static void
key_free (char *key)
{
  if (key == NULL)
    return;

  secret_password_wipe (key);
  g_free (key);
}

/* The task data of every operation. */
typedef struct
{
  AccountRow *row;       /* add, update: the new values; remove: the account */
  AccountRow *old_row;   /* update: the values before, to write back */
  GPtrArray  *rows;      /* load: what was read */
  char       *key;
  GError     *keyring_error;
} Operation;

static void
operation_free (gpointer data)
{
  Operation *op = data;

  account_row_free (op->row);
  account_row_free (op->old_row);
  g_clear_pointer (&op->rows, g_ptr_array_unref);
  key_free (op->key);
  g_clear_error (&op->keyring_error);
  g_free (op);
}

static GTask *
operation_task_new (HeraldAccountStore  *self,
                    gpointer             source_tag,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_new0 (Operation, 1), operation_free);

  return task;
}

/* Names are unique after NFKC normalisation and case folding: "Shop",
 * "SHOP" and "ｓｈｏｐ" are one name. */
static char *
dup_name_key (const char *name)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normalized, -1);
}

static int
compare_accounts (HeraldAccount *a,
                  HeraldAccount *b)
{
  g_autofree char *key_a = dup_name_key (herald_account_get_name (a));
  g_autofree char *key_b = dup_name_key (herald_account_get_name (b));
  int result = g_utf8_collate (key_a, key_b);

  if (result != 0)
    return result;

  return g_strcmp0 (herald_account_get_id (a), herald_account_get_id (b));
}

static int
compare_account_pointers (gconstpointer a,
                          gconstpointer b)
{
  return compare_accounts (*(HeraldAccount * const *) a, *(HeraldAccount * const *) b);
}

/* Validation, on the caller's thread. Messages may quote what a person typed
 * (once it is known to be UTF-8) but never the key, nor a URL that failed
 * because it holds credentials or a query, where keys tend to hide. */

static gboolean
has_space_or_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        return TRUE;
    }

  return FALSE;
}

static char *
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *copy = NULL;

  if (name != NULL && !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The account name is not valid UTF-8 text."));
      return NULL;
    }

  copy = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*copy == '\0')
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("An account needs a name."));
      return NULL;
    }

  for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                             _("An account name cannot contain line breaks or control characters."));
        return NULL;
      }

  if (g_utf8_strlen (copy, -1) > MAX_NAME_CHARS)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                   _("An account name can have at most %d characters."), MAX_NAME_CHARS);
      return NULL;
    }

  return g_steal_pointer (&copy);
}

static gboolean
check_base_url (HeraldDialect   dialect,
                const char     *base_url,
                char          **normalized,
                GError        **error)
{
  const HeraldDialectInfo *info = herald_dialect_get_info (dialect);
  g_autofree char *copy = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scheme;
  gsize length;

  *normalized = NULL;

  if (base_url != NULL && !g_utf8_validate (base_url, -1, NULL))
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The URL is not valid UTF-8 text."));
      return FALSE;
    }

  copy = g_strstrip (g_strdup (base_url != NULL ? base_url : ""));
  if (*copy == '\0')
    {
      if (info->default_base_url != NULL)
        {
          *normalized = g_strdup (info->default_base_url);
          return TRUE;
        }
      if (info->needs_base_url)
        {
          /* TRANSLATORS: both %s are the service's name, "FlashSMS" */
          g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                       _("A %s account needs the URL of its server’s API, "
                         "such as https://sms.example.com/api/v1: %s is self-hosted."), info->title, info->title);
          return FALSE;
        }
      return TRUE;
    }

  if (info->local)
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("A modem account has no URL: its modems are found on this computer."));
      return FALSE;
    }

  if (has_space_or_control (copy))
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The URL contains spaces or control characters."));
      return FALSE;
    }

  uri = g_uri_parse (copy, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                   _("“%s” is not a URL: %s"), copy, local_error->message);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                   _("The URL “%s” must start with https:// or http://."), copy);
      return FALSE;
    }

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                   _("The URL “%s” has no host name."), copy);
      return FALSE;
    }

  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The URL must not contain a user name or password: "
                             "the API key is kept in the keyring, not in the URL."));
      return FALSE;
    }

  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The URL must not have a query (“?…”) or a fragment (“#…”): "
                             "give the base URL of the API, such as https://sms.example.com/api/v1."));
      return FALSE;
    }

  /* Paths such as "/sms/send" are appended to it. */
  length = strlen (copy);
  while (length > 0 && copy[length - 1] == '/')
    copy[--length] = '\0';

  *normalized = g_steal_pointer (&copy);
  return TRUE;
}

static gboolean
check_region (HeraldDialect   dialect,
              const char     *region,
              char          **normalized,
              GError        **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *upper = NULL;

  *normalized = NULL;

  if (region != NULL && !g_utf8_validate (region, -1, NULL))
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The region is not valid UTF-8 text."));
      return FALSE;
    }

  copy = g_strstrip (g_strdup (region != NULL ? region : ""));
  if (*copy == '\0')
    {
      /* The dialect's own default, if it has one (FlashSMS takes numbers
       * in Ghana's national form). */
      *normalized = g_strdup (herald_dialect_get_info (dialect)->default_region);
      return TRUE;
    }

  upper = g_ascii_strup (copy, -1);
  if (!herald_phone_region_is_valid (upper))
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                   _("“%s” is not a region code: use two letters, such as GH or US."), copy);
      return FALSE;
    }

  *normalized = g_steal_pointer (&upper);
  return TRUE;
}

static gboolean
check_key (HeraldDialect   dialect,
           const char     *key,
           GError        **error)
{
  if (!herald_dialect_has_key (dialect))
    {
      if (key == NULL)
        return TRUE;

      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("A modem account has no API key."));
      return FALSE;
    }

  if (key == NULL || *key == '\0')
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The API key is empty."));
      return FALSE;
    }

  if (strlen (key) > MAX_KEY_BYTES)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                   _("The API key is too long (more than %d bytes)."), MAX_KEY_BYTES);
      return FALSE;
    }

  if (!g_utf8_validate (key, -1, NULL))
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The API key is not valid text."));
      return FALSE;
    }

  if (has_space_or_control (key))
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("The API key contains spaces or line breaks; copy it again without them."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
fill_row (AccountRow     *row,
          HeraldAccount  *account,
          GError        **error)
{
  HeraldDialect dialect = herald_account_get_dialect (account);
  const HeraldDialectInfo *info = herald_dialect_get_info (dialect);

  if (info == NULL)
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("Unknown dialect: use flixysms, flashsms or modem."));
      return FALSE;
    }

  row->id = g_strdup (herald_account_get_id (account));
  row->dialect = dialect;
  row->created_at = g_date_time_to_unix (herald_account_get_created_at (account));
  row->auth_style = herald_account_get_auth_style (account);

  if ((row->name = check_name (herald_account_get_name (account), error)) == NULL ||
      !check_base_url (dialect, herald_account_get_base_url (account), &row->base_url, error) ||
      !check_region (dialect, herald_account_get_region (account), &row->region, error))
    return FALSE;

  if ((guint) row->auth_style > HERALD_ACCOUNT_AUTH_X_API_KEY ||
      (row->auth_style != HERALD_ACCOUNT_AUTH_BEARER && !info->chooses_auth_style))
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                           _("Only FlashSMS accounts can send the API key as X-API-Key."));
      return FALSE;
    }

  row->name_key = dup_name_key (row->name);

  return TRUE;
}

/* The values of @account, checked and normalised, with defaults filled in.
 * (No g_autoptr here: clang-tidy's analyzer would report leaks it cannot
 * see freed.) */
static AccountRow *
row_from_account (HeraldAccount  *account,
                  GError        **error)
{
  AccountRow *row = g_new0 (AccountRow, 1);

  if (!fill_row (row, account, error))
    {
      account_row_free (row);
      return NULL;
    }

  return row;
}

static HeraldAccount *
account_new_from_row (const AccountRow *row)
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

static void
account_apply_row (HeraldAccount    *account,
                   const AccountRow *row)
{
  g_object_freeze_notify (G_OBJECT (account));
  herald_account_set_name (account, row->name);
  herald_account_set_base_url (account, row->base_url);
  herald_account_set_region (account, row->region);
  herald_account_set_auth_style (account, row->auth_style);
  g_object_thaw_notify (G_OBJECT (account));
}

/* Database work, on a worker thread with the connection locked. */

static gboolean
bind_text (sqlite3_stmt  *stmt,
           int            index,
           const char    *value,
           GError       **error)
{
  int rc = sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_QUERY,
                   _("The accounts could not be saved: %s"), sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

/* Parameters ?1 to ?7 of the INSERT and UPDATE below. */
static gboolean
bind_row (sqlite3_stmt      *stmt,
          const AccountRow  *row,
          GError           **error)
{
  const char *auth = herald_dialect_get_info (row->dialect)->chooses_auth_style
                       ? herald_account_auth_to_string (row->auth_style) : NULL;

  return bind_text (stmt, 1, row->id, error) &&
         bind_text (stmt, 2, row->name, error) &&
         bind_text (stmt, 3, row->name_key, error) &&
         bind_text (stmt, 4, herald_dialect_to_string (row->dialect), error) &&
         bind_text (stmt, 5, row->base_url, error) &&
         bind_text (stmt, 6, row->region, error) &&
         bind_text (stmt, 7, auth, error);
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static AccountRow *
read_row (sqlite3_stmt *stmt)
{
  const char *id = (const char *) sqlite3_column_text (stmt, 0);
  const char *name = (const char *) sqlite3_column_text (stmt, 1);
  const char *dialect = (const char *) sqlite3_column_text (stmt, 2);
  const char *auth = (const char *) sqlite3_column_text (stmt, 5);
  HeraldDialect known_dialect;
  AccountRow *row;

  /* A dialect of a later Herald, say: leave the row alone, show the rest. */
  if (id == NULL || name == NULL || !herald_dialect_from_string (dialect, &known_dialect))
    {
      g_warning ("Skipping account “%s” of unknown dialect “%s”",
                 id != NULL ? id : "", dialect != NULL ? dialect : "");
      return NULL;
    }

  row = g_new0 (AccountRow, 1);
  row->id = g_strdup (id);
  row->name = g_strdup (name);
  row->name_key = dup_name_key (name);
  row->dialect = known_dialect;
  row->base_url = dup_column_text (stmt, 3);
  row->region = dup_column_text (stmt, 4);
  if (auth == NULL || !herald_account_auth_from_string (auth, &row->auth_style))
    row->auth_style = HERALD_ACCOUNT_AUTH_BEARER;
  row->created_at = sqlite3_column_int64 (stmt, 6);

  return row;
}

#define SELECT_ACCOUNTS \
  "SELECT id, name, dialect, base_url, region, auth_style, created_at FROM accounts"

static gboolean
load_func (HeraldDatabase  *database,
           gpointer         user_data,
           GCancellable    *cancellable,
           GError         **error)
{
  Operation *op = user_data;
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database, SELECT_ACCOUNTS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = herald_database_step (database, stmt, error)) == SQLITE_ROW)
    {
      AccountRow *row = read_row (stmt);

      if (row != NULL)
        g_ptr_array_add (op->rows, row);
    }

  return rc == SQLITE_DONE;
}

static AccountRow *
select_row (HeraldDatabase  *database,
            const char      *id,
            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database, SELECT_ACCOUNTS " WHERE id = ?1",
                                                          error);
  AccountRow *row;
  int rc;

  if (stmt == NULL || !bind_text (stmt, 1, id, error))
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
check_name_free (HeraldDatabase    *database,
                 const AccountRow  *row,
                 GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    herald_database_prepare (database, "SELECT name FROM accounts WHERE name_key = ?1 AND id != ?2",
                             error);
  int rc;

  if (stmt == NULL || !bind_text (stmt, 1, row->name_key, error) ||
      !bind_text (stmt, 2, row->id, error))
    return FALSE;

  rc = herald_database_step (database, stmt, error);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS,
                   _("An account named “%s” exists already; choose another name."),
                   (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }

  return rc == SQLITE_DONE;
}

static gboolean
insert_func (HeraldDatabase  *database,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  Operation *op = user_data;
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
  if (sqlite3_bind_int64 (stmt, 8, op->row->created_at) != SQLITE_OK)
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_QUERY,
                           _("The accounts could not be saved."));
      return FALSE;
    }

  if (herald_database_step (database, stmt, error) != SQLITE_DONE)
    return FALSE;

  return herald_database_commit (database, error);
}

static gboolean
write_values (HeraldDatabase    *database,
              const AccountRow  *row,
              GError           **error)
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

static gboolean
update_func (HeraldDatabase  *database,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  Operation *op = user_data;

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

static gboolean
revert_func (HeraldDatabase  *database,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  Operation *op = user_data;

  return write_values (database, op->old_row, error);
}

static gboolean
delete_func (HeraldDatabase  *database,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  Operation *op = user_data;
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database,
                                                          "DELETE FROM accounts WHERE id = ?1",
                                                          error);

  if (stmt == NULL || !bind_text (stmt, 1, op->row->id, error))
    return FALSE;

  return herald_database_step (database, stmt, error) == SQLITE_DONE;
}

/* The model, on the caller's thread. */

static guint
find_position (HeraldAccountStore *self,
               const char         *id)
{
  for (guint i = 0; i < self->accounts->len; i++)
    if (g_strcmp0 (herald_account_get_id (g_ptr_array_index (self->accounts, i)), id) == 0)
      return i;

  return G_MAXUINT;
}

static guint
sorted_position (HeraldAccountStore *self,
                 HeraldAccount      *account)
{
  guint low = 0, high = self->accounts->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (compare_accounts (g_ptr_array_index (self->accounts, middle), account) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static void
emit_items_changed (HeraldAccountStore *self,
                    guint               position,
                    guint               removed,
                    guint               added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

/* Adds or updates the account of @row, keeping the model sorted. */
static HeraldAccount *
herald_account_store_put (HeraldAccountStore *self,
                          const AccountRow   *row)
{
  guint old_position = find_position (self, row->id);
  g_autoptr(HeraldAccount) account = NULL;
  guint position;

  if (old_position == G_MAXUINT)
    {
      account = account_new_from_row (row);
      position = sorted_position (self, account);
      g_ptr_array_insert (self->accounts, (int) position, g_object_ref (account));
      emit_items_changed (self, position, 0, 1);
      return account;
    }

  account = g_ptr_array_steal_index (self->accounts, old_position);
  account_apply_row (account, row);
  position = sorted_position (self, account);
  g_ptr_array_insert (self->accounts, (int) position, g_object_ref (account));

  if (position != old_position)
    {
      emit_items_changed (self, old_position, 1, 0);
      emit_items_changed (self, position, 0, 1);
    }

  return account;
}

static void
herald_account_store_drop (HeraldAccountStore *self,
                           const char         *id)
{
  guint position = find_position (self, id);

  if (position == G_MAXUINT)
    return;

  g_ptr_array_remove_index (self->accounts, position);
  emit_items_changed (self, position, 1, 0);
}

/* Keeps the objects of accounts that stay, so that views and bindings
 * holding them see their changes. */
static void
herald_account_store_replace (HeraldAccountStore *self,
                              GPtrArray          *rows)
{
  g_autoptr(GPtrArray) old = self->accounts;
  guint n_old = old->len;

  self->accounts = g_ptr_array_new_full (rows->len, g_object_unref);

  for (guint i = 0; i < rows->len; i++)
    {
      const AccountRow *row = g_ptr_array_index (rows, i);
      HeraldAccount *account = NULL;

      for (guint j = 0; j < old->len && account == NULL; j++)
        if (g_strcmp0 (herald_account_get_id (g_ptr_array_index (old, j)), row->id) == 0)
          account = g_object_ref (g_ptr_array_index (old, j));

      if (account != NULL)
        account_apply_row (account, row);
      else
        account = account_new_from_row (row);

      g_ptr_array_add (self->accounts, account);
    }

  g_ptr_array_sort (self->accounts, compare_account_pointers);

  if (n_old != 0 || self->accounts->len != 0)
    emit_items_changed (self, 0, n_old, self->accounts->len);
}

/* GObject and GListModel */

static GType
herald_account_store_get_item_type (GListModel *model)
{
  return HERALD_TYPE_ACCOUNT;
}

static guint
herald_account_store_get_n_items (GListModel *model)
{
  return HERALD_ACCOUNT_STORE (model)->accounts->len;
}

static gpointer
herald_account_store_get_item (GListModel *model,
                               guint       position)
{
  HeraldAccountStore *self = HERALD_ACCOUNT_STORE (model);

  if (position >= self->accounts->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->accounts, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = herald_account_store_get_item_type;
  iface->get_n_items = herald_account_store_get_n_items;
  iface->get_item = herald_account_store_get_item;
}

static void
herald_account_store_finalize (GObject *object)
{
  HeraldAccountStore *self = (HeraldAccountStore *) object;

  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (herald_account_store_parent_class)->finalize (object);
}

static void
herald_account_store_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HeraldAccountStore *self = HERALD_ACCOUNT_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->accounts->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_account_store_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HeraldAccountStore *self = HERALD_ACCOUNT_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_account_store_class_init (HeraldAccountStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = herald_account_store_finalize;
  object_class->get_property = herald_account_store_get_property;
  object_class->set_property = herald_account_store_set_property;

  properties [PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, HERALD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After an update was saved (values and, if given, the new key): whoever
   * holds a client for the account makes a new one. */
  signals [ACCOUNT_UPDATED] =
    g_signal_new ("account-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HERALD_TYPE_ACCOUNT);
}

static void
herald_account_store_init (HeraldAccountStore *self)
{
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * herald_account_store_new:
 * @database: an open database
 *
 * Returns: (transfer full): an empty store; fill it with
 *   herald_account_store_load_async()
 */
HeraldAccountStore *
herald_account_store_new (HeraldDatabase *database)
{
  g_return_val_if_fail (HERALD_IS_DATABASE (database), NULL);

  return g_object_new (HERALD_TYPE_ACCOUNT_STORE, "database", database, NULL);
}

/**
 * herald_account_store_get_database:
 *
 * Returns: (transfer none): the database
 */
HeraldDatabase *
herald_account_store_get_database (HeraldAccountStore *self)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNT_STORE (self), NULL);

  return self->database;
}

/* Loading */

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldAccountStore *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);
  GError *error = NULL;

  if (!herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  herald_account_store_replace (self, op->rows);
  g_task_return_boolean (task, TRUE);
}

void
herald_account_store_load_async (HeraldAccountStore  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Operation *op;

  g_return_if_fail (HERALD_IS_ACCOUNT_STORE (self));

  task = operation_task_new (self, herald_account_store_load_async, cancellable, callback, user_data);
  op = g_task_get_task_data (task);
  op->rows = g_ptr_array_new_with_free_func (account_row_free);

  herald_database_run_async (self->database, load_func, op, cancellable,
                             load_cb, g_steal_pointer (&task));
}

gboolean
herald_account_store_load_finish (HeraldAccountStore  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Adding: the row, then the key; without the key, the row goes again. */

static char *
dup_keyring_label (const AccountRow *row)
{
  /* Shown in Passwords and Keys (Seahorse). */
  return g_strdup_printf (_("Herald: API key of “%s”"), row->name);
}

static void
add_rolled_back_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldAccountStore *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    {
      g_task_return_new_error (task, HERALD_STORE_ERROR, HERALD_STORE_ERROR_KEYRING,
                               _("The account “%s” is incomplete: its API key could not be "
                                 "stored in the keyring (%s), and the account could not be "
                                 "removed again (%s). Remove it and add it again."),
                               op->row->name, op->keyring_error->message, error->message);
      return;
    }

  /* A load that ran meanwhile may have picked the row up. */
  herald_account_store_drop (self, op->row->id);

  if (g_error_matches (op->keyring_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&op->keyring_error));
      return;
    }

  g_task_return_new_error (task, HERALD_STORE_ERROR, HERALD_STORE_ERROR_KEYRING,
                           _("The account “%s” was not added: its API key could not be "
                             "stored in the keyring. %s"),
                           op->row->name, op->keyring_error->message);
}

static void
add_finish_in_model (GTask *task)
{
  HeraldAccountStore *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);
  HeraldAccount *account = herald_account_store_put (self, op->row);

  g_task_return_pointer (task, g_object_ref (account), g_object_unref);
}

static void
add_key_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldAccountStore *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);

  g_clear_pointer (&op->key, key_free);

  if (!herald_secrets_store_finish (result, &op->keyring_error))
    {
      /* Not cancellable: the row must go whatever happens to the caller. */
      herald_database_run_async (self->database, delete_func, op, NULL,
                                 add_rolled_back_cb, g_steal_pointer (&task));
      return;
    }

  add_finish_in_model (task);
}

static void
add_inserted_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Operation *op = g_task_get_task_data (task);
  g_autofree char *label = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  if (!herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!herald_dialect_has_key (op->row->dialect))
    {
      add_finish_in_model (task);
      return;
    }

  /* Read before the task is handed on: argument order is unspecified. */
  cancellable = g_task_get_cancellable (task);
  label = dup_keyring_label (op->row);
  herald_secrets_store_async (op->row->id, label, op->key, cancellable,
                              add_key_stored_cb, g_steal_pointer (&task));
}

/**
 * herald_account_store_add_async:
 * @self: a #HeraldAccountStore
 * @draft: the account to add, from herald_account_new(); it is not kept
 * @key: (nullable): the API key; NULL for a modem account
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the account is saved or refused
 * @user_data: for @callback
 */
void
herald_account_store_add_async (HeraldAccountStore  *self,
                                HeraldAccount       *draft,
                                const char          *key,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Operation *op;

  g_return_if_fail (HERALD_IS_ACCOUNT_STORE (self));
  g_return_if_fail (HERALD_IS_ACCOUNT (draft));

  task = operation_task_new (self, herald_account_store_add_async, cancellable, callback, user_data);
  op = g_task_get_task_data (task);

  if ((op->row = row_from_account (draft, &error)) == NULL ||
      !check_key (op->row->dialect, key, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  op->key = g_strdup (key);

  herald_database_run_async (self->database, insert_func, op, cancellable,
                             add_inserted_cb, g_steal_pointer (&task));
}

/**
 * herald_account_store_add_finish:
 *
 * Returns: (transfer full) (nullable): the saved account
 */
HeraldAccount *
herald_account_store_add_finish (HeraldAccountStore  *self,
                                 GAsyncResult        *result,
                                 GError             **error)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNT_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Updating: the row, then the new key if any; without it, the old values
 * go back. */

static void
update_reverted_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Operation *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    {
      HeraldAccountStore *self = g_task_get_source_object (task);

      /* The database holds the new values with the old key: show them. */
      herald_account_store_put (self, op->row);
      g_task_return_new_error (task, HERALD_STORE_ERROR, HERALD_STORE_ERROR_KEYRING,
                               _("The new API key of “%s” could not be stored in the keyring (%s); "
                                 "the other changes were saved and could not be undone (%s)."),
                               op->row->name, op->keyring_error->message, error->message);
      return;
    }

  if (g_error_matches (op->keyring_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&op->keyring_error));
      return;
    }

  g_task_return_new_error (task, HERALD_STORE_ERROR, HERALD_STORE_ERROR_KEYRING,
                           _("The changes to “%s” were not saved: its new API key could not be "
                             "stored in the keyring. %s"),
                           op->old_row->name, op->keyring_error->message);
}

static void
update_key_stored_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldAccountStore *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);

  g_clear_pointer (&op->key, key_free);

  if (!herald_secrets_store_finish (result, &op->keyring_error))
    {
      herald_database_run_async (self->database, revert_func, op, NULL,
                                 update_reverted_cb, g_steal_pointer (&task));
      return;
    }

  g_signal_emit (self, signals[ACCOUNT_UPDATED], 0, herald_account_store_put (self, op->row));
  g_task_return_boolean (task, TRUE);
}

static void
update_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldAccountStore *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);
  g_autofree char *label = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  if (!herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (op->key == NULL)
    {
      g_signal_emit (self, signals[ACCOUNT_UPDATED], 0, herald_account_store_put (self, op->row));
      g_task_return_boolean (task, TRUE);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  label = dup_keyring_label (op->row);
  herald_secrets_store_async (op->row->id, label, op->key, cancellable,
                              update_key_stored_cb, g_steal_pointer (&task));
}

/**
 * herald_account_store_update_async:
 * @self: a #HeraldAccountStore
 * @changes: a copy of a stored account with the new values
 * @new_key: (nullable): a new API key, or NULL to keep the one in the keyring
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the changes are saved or refused
 * @user_data: for @callback
 */
void
herald_account_store_update_async (HeraldAccountStore  *self,
                                   HeraldAccount       *changes,
                                   const char          *new_key,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Operation *op;

  g_return_if_fail (HERALD_IS_ACCOUNT_STORE (self));
  g_return_if_fail (HERALD_IS_ACCOUNT (changes));

  task = operation_task_new (self, herald_account_store_update_async, cancellable, callback, user_data);
  op = g_task_get_task_data (task);

  if ((op->row = row_from_account (changes, &error)) == NULL ||
      (new_key != NULL && !check_key (op->row->dialect, new_key, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  op->key = g_strdup (new_key);

  herald_database_run_async (self->database, update_func, op, cancellable,
                             update_written_cb, g_steal_pointer (&task));
}

gboolean
herald_account_store_update_finish (HeraldAccountStore  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Removing: the key, then the row. */

static void
remove_deleted_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldAccountStore *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    {
      if (herald_dialect_has_key (op->row->dialect))
        g_task_return_new_error (task, error->domain, error->code,
                                 _("The API key of “%s” was deleted from the keyring, but the "
                                   "account could not be removed: %s"),
                                 op->row->name, error->message);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  herald_account_store_drop (self, op->row->id);
  g_task_return_boolean (task, TRUE);
}

static void
remove_key_cleared_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldAccountStore *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!herald_secrets_clear_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, HERALD_STORE_ERROR, HERALD_STORE_ERROR_KEYRING,
                                 _("The account “%s” was not removed: its API key could not be "
                                   "deleted from the keyring. %s"),
                                 op->row->name, error->message);
      return;
    }

  /* Not cancellable: with the key gone, the row must go too. */
  herald_database_run_async (self->database, delete_func, op, NULL,
                             remove_deleted_cb, g_steal_pointer (&task));
}

void
herald_account_store_remove_async (HeraldAccountStore  *self,
                                   HeraldAccount       *account,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Operation *op;

  g_return_if_fail (HERALD_IS_ACCOUNT_STORE (self));
  g_return_if_fail (HERALD_IS_ACCOUNT (account));

  task = operation_task_new (self, herald_account_store_remove_async, cancellable, callback, user_data);
  op = g_task_get_task_data (task);
  op->row = g_new0 (AccountRow, 1);
  op->row->id = g_strdup (herald_account_get_id (account));
  op->row->name = g_strdup (herald_account_get_name (account));
  op->row->dialect = herald_account_get_dialect (account);

  if (herald_dialect_has_key (op->row->dialect))
    herald_secrets_clear_async (op->row->id, cancellable,
                                remove_key_cleared_cb, g_steal_pointer (&task));
  else
    herald_database_run_async (self->database, delete_func, op, cancellable,
                               remove_deleted_cb, g_steal_pointer (&task));
}

gboolean
herald_account_store_remove_finish (HeraldAccountStore  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
herald_account_store_validate (HeraldAccountStore  *self,
                               HeraldAccount       *account,
                               GError             **error)
{
  AccountRow *row;
  gboolean ok = TRUE;

  g_return_val_if_fail (HERALD_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (HERALD_IS_ACCOUNT (account), FALSE);

  if ((row = row_from_account (account, error)) == NULL)
    return FALSE;

  for (guint i = 0; ok && i < self->accounts->len; i++)
    {
      HeraldAccount *other = g_ptr_array_index (self->accounts, i);
      g_autofree char *other_key = dup_name_key (herald_account_get_name (other));

      if (g_str_equal (other_key, row->name_key) &&
          !g_str_equal (herald_account_get_id (other), row->id))
        {
          g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS,
                       _("An account named “%s” exists already; choose another name."),
                       herald_account_get_name (other));
          ok = FALSE;
        }
    }

  account_row_free (row);

  return ok;
}

/* Looking up */

HeraldAccount *
herald_account_store_lookup_by_name (HeraldAccountStore *self,
                                     const char         *name)
{
  g_autofree char *stripped = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (HERALD_IS_ACCOUNT_STORE (self), NULL);

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;

  stripped = g_strstrip (g_strdup (name));
  key = dup_name_key (stripped);

  for (guint i = 0; i < self->accounts->len; i++)
    {
      HeraldAccount *account = g_ptr_array_index (self->accounts, i);
      g_autofree char *account_key = dup_name_key (herald_account_get_name (account));

      if (g_str_equal (account_key, key))
        return account;
    }

  return NULL;
}

HeraldAccount *
herald_account_store_lookup_by_id (HeraldAccountStore *self,
                                   const char         *id)
{
  guint position;

  g_return_val_if_fail (HERALD_IS_ACCOUNT_STORE (self), NULL);

  position = find_position (self, id);

  return position != G_MAXUINT ? g_ptr_array_index (self->accounts, position) : NULL;
}

/* The key */

static void
get_key_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *key;

  key = herald_secrets_lookup_finish (result, &error);
  if (key == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, key, (GDestroyNotify) herald_secrets_free);
}

void
herald_account_store_get_key_async (HeraldAccountStore  *self,
                                    HeraldAccount       *account,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HERALD_IS_ACCOUNT_STORE (self));
  g_return_if_fail (HERALD_IS_ACCOUNT (account));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_account_store_get_key_async);

  if (!herald_dialect_has_key (herald_account_get_dialect (account)))
    {
      g_task_return_new_error (task, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                               _("The modem account “%s” has no API key."),
                               herald_account_get_name (account));
      return;
    }

  herald_secrets_lookup_async (herald_account_get_id (account), cancellable,
                               get_key_cb, g_steal_pointer (&task));
}

/**
 * herald_account_store_get_key_finish:
 *
 * Returns: (transfer full) (nullable): the key; free it with herald_secrets_free()
 */
char *
herald_account_store_get_key_finish (HeraldAccountStore  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNT_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
