/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "herald-account-store.h"
#include "herald-account-store-private.h"
#include "herald-account-validate.h"
#include "secrets/herald-secrets.h"

/* The accounts as a GListModel, and the transactions that span the database
 * and the keyring. The values' checks are herald-account-validate.c; rows
 * and their SQL are herald-account-store-sql.c. */

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
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  ACCOUNT_UPDATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];
static GParamSpec *properties [N_PROPS];

/* Keys are overwritten before their memory goes back to the allocator. */
static void
key_free (char *key)
{
  if (key == NULL)
    return;

  secret_password_wipe (key);
  g_free (key);
}

typedef struct _SaveSteps SaveSteps;

/* The task data of every operation. */
typedef struct
{
  HeraldAccountSql  sql;             /* the rows, for the SQL functions */
  char             *key;
  GError           *keyring_error;
  const SaveSteps  *steps;           /* add, update */
} Operation;

static void
operation_free (gpointer data)
{
  Operation *op = data;

  _herald_account_row_free (op->sql.row);
  _herald_account_row_free (op->sql.old_row);
  g_clear_pointer (&op->sql.rows, g_ptr_array_unref);
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

static int
compare_accounts (HeraldAccount *a,
                  HeraldAccount *b)
{
  g_autofree char *key_a = herald_account_dup_name_key (herald_account_get_name (a));
  g_autofree char *key_b = herald_account_dup_name_key (herald_account_get_name (b));
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
herald_account_store_put (HeraldAccountStore     *self,
                          const HeraldAccountRow *row)
{
  guint old_position = find_position (self, row->id);
  g_autoptr(HeraldAccount) account = NULL;
  guint position;

  if (old_position == G_MAXUINT)
    {
      account = _herald_account_new_from_row (row);
      position = sorted_position (self, account);
      g_ptr_array_insert (self->accounts, (int) position, g_object_ref (account));
      emit_items_changed (self, position, 0, 1);
      return account;
    }

  account = g_ptr_array_steal_index (self->accounts, old_position);
  _herald_account_apply_row (account, row);
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
      const HeraldAccountRow *row = g_ptr_array_index (rows, i);
      HeraldAccount *account = NULL;

      for (guint j = 0; j < old->len && account == NULL; j++)
        if (g_strcmp0 (herald_account_get_id (g_ptr_array_index (old, j)), row->id) == 0)
          account = g_object_ref (g_ptr_array_index (old, j));

      if (account != NULL)
        _herald_account_apply_row (account, row);
      else
        account = _herald_account_new_from_row (row);

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
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->accounts->len);
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
  HeraldAccountStore *self;

  g_return_val_if_fail (HERALD_IS_DATABASE (database), NULL);

  /* Kept from the start, as by every store module: no property. */
  self = g_object_new (HERALD_TYPE_ACCOUNT_STORE, NULL);
  self->database = g_object_ref (database);

  return self;
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
load_done (GTask *task)
{
  HeraldAccountStore *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);

  herald_account_store_replace (self, op->sql.rows);
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
  op->sql.rows = g_ptr_array_new_with_free_func (_herald_account_row_free);

  herald_database_run_task (self->database, _herald_account_sql_load, &op->sql, cancellable,
                            g_steal_pointer (&task), load_done);
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

/* Saving, for add and update: the row, then the key if one was given;
 * when the keyring fails, the row is undone (not cancellable: the row must
 * not stay without its key) and the error says what became of it. */

struct _SaveSteps
{
  HeraldDatabaseFunc   write;    /* the row */
  HeraldDatabaseFunc   undo;     /* the row undone, when its key could not be stored */
  /* Row and key saved: the model, then the task's result. */
  void               (*saved)  (GTask        *task);
  /* The keyring failed (op->keyring_error); @undo_error is NULL when the
   * row was undone, else why it could not be. Returns the task's error. */
  void               (*undone) (GTask        *task,
                                const GError *undo_error);
  /* A NULL key keeps the stored one (update) rather than being checked
   * against the dialect (add, where only a modem account has none). */
  gboolean             null_keeps_key;
};

static char *
dup_keyring_label (const HeraldAccountRow *row)
{
  /* Shown in Passwords and Keys (Seahorse). */
  return g_strdup_printf (_("Herald: API key of “%s”"), row->name);
}

static void
save_undone_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Operation *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  herald_database_run_finish (HERALD_DATABASE (object), result, &error);
  op->steps->undone (task, error);
}

static void
save_key_stored_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldAccountStore *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);

  g_clear_pointer (&op->key, key_free);

  if (!herald_secrets_store_finish (result, &op->keyring_error))
    {
      herald_database_run_async (self->database, op->steps->undo, &op->sql, NULL,
                                 save_undone_cb, g_steal_pointer (&task));
      return;
    }

  op->steps->saved (task);
}

static void
save_written (GTask *task)
{
  Operation *op = g_task_get_task_data (task);
  g_autofree char *label = NULL;
  GCancellable *cancellable;

  /* No key: a modem account, or an update that keeps the key. */
  if (op->key == NULL)
    {
      op->steps->saved (task);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  label = dup_keyring_label (op->sql.row);
  herald_secrets_store_async (op->sql.row->id, label, op->key, cancellable,
                              save_key_stored_cb, g_object_ref (task));
}

/* Add and update alike: checks @account and @key, then writes the row
 * and stores the key as @steps say. */
static void
save (HeraldAccountStore  *self,
      HeraldAccount       *account,
      const char          *key,
      const SaveSteps     *steps,
      gpointer             source_tag,
      GCancellable        *cancellable,
      GAsyncReadyCallback  callback,
      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Operation *op;

  task = operation_task_new (self, source_tag, cancellable, callback, user_data);
  op = g_task_get_task_data (task);

  if ((op->sql.row = _herald_account_row_new_from_account (account, &error)) == NULL ||
      ((key != NULL || !steps->null_keeps_key) &&
       !herald_account_validate_key (op->sql.row->dialect, key, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  op->key = g_strdup (key);
  op->steps = steps;

  herald_database_run_task (self->database, steps->write, &op->sql, cancellable,
                            g_steal_pointer (&task), save_written);
}

/* The keyring failed and the row was undone: a cancelled store is
 * returned as it is, any other failure as @message. */
static void
return_keyring_failed (GTask      *task,
                       const char *message)
{
  Operation *op = g_task_get_task_data (task);

  if (g_error_matches (op->keyring_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&op->keyring_error));
  else
    g_task_return_new_error (task, HERALD_STORE_ERROR, HERALD_STORE_ERROR_KEYRING, "%s", message);
}

/* Adding: without the key, the row goes again. */

static void
add_saved (GTask *task)
{
  HeraldAccountStore *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);
  HeraldAccount *account = herald_account_store_put (self, op->sql.row);

  g_task_return_pointer (task, g_object_ref (account), g_object_unref);
}

static void
add_undone (GTask        *task,
            const GError *undo_error)
{
  HeraldAccountStore *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);
  g_autofree char *message = NULL;

  if (undo_error != NULL)
    {
      g_task_return_new_error (task, HERALD_STORE_ERROR, HERALD_STORE_ERROR_KEYRING,
                               _("The account “%s” is incomplete: its API key could not be "
                                 "stored in the keyring (%s), and the account could not be "
                                 "removed again (%s). Remove it and add it again."),
                               op->sql.row->name, op->keyring_error->message, undo_error->message);
      return;
    }

  /* A load that ran meanwhile may have picked the row up. */
  herald_account_store_drop (self, op->sql.row->id);

  message = g_strdup_printf (_("The account “%s” was not added: its API key could not be "
                               "stored in the keyring. %s"),
                             op->sql.row->name, op->keyring_error->message);
  return_keyring_failed (task, message);
}

static const SaveSteps add_steps = {
  _herald_account_sql_insert, _herald_account_sql_delete, add_saved, add_undone, FALSE,
};

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
  g_return_if_fail (HERALD_IS_ACCOUNT_STORE (self));
  g_return_if_fail (HERALD_IS_ACCOUNT (draft));

  save (self, draft, key, &add_steps, herald_account_store_add_async, cancellable, callback, user_data);
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

/* Updating: without the new key, the old values go back. */

static void
update_saved (GTask *task)
{
  HeraldAccountStore *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);

  g_signal_emit (self, signals[ACCOUNT_UPDATED], 0, herald_account_store_put (self, op->sql.row));
  g_task_return_boolean (task, TRUE);
}

static void
update_undone (GTask        *task,
               const GError *undo_error)
{
  Operation *op = g_task_get_task_data (task);
  g_autofree char *message = NULL;

  if (undo_error != NULL)
    {
      HeraldAccountStore *self = g_task_get_source_object (task);

      /* The database holds the new values with the old key: show them. */
      herald_account_store_put (self, op->sql.row);
      g_task_return_new_error (task, HERALD_STORE_ERROR, HERALD_STORE_ERROR_KEYRING,
                               _("The new API key of “%s” could not be stored in the keyring (%s); "
                                 "the other changes were saved and could not be undone (%s)."),
                               op->sql.row->name, op->keyring_error->message, undo_error->message);
      return;
    }

  message = g_strdup_printf (_("The changes to “%s” were not saved: its new API key could not be "
                               "stored in the keyring. %s"),
                             op->sql.old_row->name, op->keyring_error->message);
  return_keyring_failed (task, message);
}

static const SaveSteps update_steps = {
  _herald_account_sql_update, _herald_account_sql_revert, update_saved, update_undone, TRUE,
};

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
  g_return_if_fail (HERALD_IS_ACCOUNT_STORE (self));
  g_return_if_fail (HERALD_IS_ACCOUNT (changes));

  save (self, changes, new_key, &update_steps, herald_account_store_update_async,
        cancellable, callback, user_data);
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
      if (herald_dialect_has_key (op->sql.row->dialect))
        g_task_return_new_error (task, error->domain, error->code,
                                 _("The API key of “%s” was deleted from the keyring, but the "
                                   "account could not be removed: %s"),
                                 op->sql.row->name, error->message);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  herald_account_store_drop (self, op->sql.row->id);
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
                                 op->sql.row->name, error->message);
      return;
    }

  /* Not cancellable: with the key gone, the row must go too. */
  herald_database_run_async (self->database, _herald_account_sql_delete, &op->sql, NULL,
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
  op->sql.row = g_new0 (HeraldAccountRow, 1);
  op->sql.row->id = g_strdup (herald_account_get_id (account));
  op->sql.row->name = g_strdup (herald_account_get_name (account));
  op->sql.row->dialect = herald_account_get_dialect (account);

  if (herald_dialect_has_key (op->sql.row->dialect))
    herald_secrets_clear_async (op->sql.row->id, cancellable,
                                remove_key_cleared_cb, g_steal_pointer (&task));
  else
    herald_database_run_async (self->database, _herald_account_sql_delete, &op->sql, cancellable,
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
  HeraldAccountRow *row;
  gboolean ok = TRUE;

  g_return_val_if_fail (HERALD_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (HERALD_IS_ACCOUNT (account), FALSE);

  if ((row = _herald_account_row_new_from_account (account, error)) == NULL)
    return FALSE;

  for (guint i = 0; ok && i < self->accounts->len; i++)
    {
      HeraldAccount *other = g_ptr_array_index (self->accounts, i);
      g_autofree char *other_key = herald_account_dup_name_key (herald_account_get_name (other));

      if (g_str_equal (other_key, row->name_key) &&
          !g_str_equal (herald_account_get_id (other), row->id))
        {
          g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS,
                       _("An account named “%s” exists already; choose another name."),
                       herald_account_get_name (other));
          ok = FALSE;
        }
    }

  _herald_account_row_free (row);

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
  key = herald_account_dup_name_key (stripped);

  for (guint i = 0; i < self->accounts->len; i++)
    {
      HeraldAccount *account = g_ptr_array_index (self->accounts, i);
      g_autofree char *account_key = herald_account_dup_name_key (herald_account_get_name (account));

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
