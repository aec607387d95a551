/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-optout-store.h"
#include "herald-database-private.h"
#include "herald-store-job-private.h"
#include "text/herald-contact-importer.h"
#include "text/herald-recipient-list.h"

struct _HeraldOptoutStore
{
  GObject         parent_instance;

  HeraldDatabase *database;
};

G_DEFINE_FINAL_TYPE (HeraldOptoutStore, herald_optout_store, G_TYPE_OBJECT)

static void
herald_optout_store_dispose (GObject *object)
{
  HeraldOptoutStore *self = (HeraldOptoutStore *) object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (herald_optout_store_parent_class)->dispose (object);
}

static void
herald_optout_store_class_init (HeraldOptoutStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = herald_optout_store_dispose;
}

static void
herald_optout_store_init (HeraldOptoutStore *self)
{
}

HeraldOptoutStore *
herald_optout_store_new (HeraldDatabase *database)
{
  HeraldOptoutStore *self;

  g_return_val_if_fail (HERALD_IS_DATABASE (database), NULL);

  self = g_object_new (HERALD_TYPE_OPTOUT_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

void
herald_optout_import_free (HeraldOptoutImport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->invalid, g_ptr_array_unref);
  g_free (self);
}

typedef struct
{
  GStrv               phones;
  char               *source;
  char               *account_id;
  char               *detail;
  char               *path;
  char               *region;
  guint               count;
  GPtrArray          *items;
  HeraldOptoutImport *import;
} OptoutJob;

static void
optout_job_free (gpointer data)
{
  OptoutJob *job = data;

  g_strfreev (job->phones);
  g_free (job->source);
  g_free (job->account_id);
  g_free (job->detail);
  g_free (job->path);
  g_free (job->region);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_clear_pointer (&job->import, herald_optout_import_free);
  g_free (job);
}

static OptoutJob *
optout_job_new (const char * const *phones)
{
  OptoutJob *job = g_new0 (OptoutJob, 1);

  job->phones = phones != NULL ? g_strdupv ((char **) phones) : NULL;
  return job;
}

/* ---- add, remove --------------------------------------------------------- */

static gboolean
insert_phones (HeraldDatabase  *database,
               OptoutJob       *job,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database,
                                                          "INSERT OR IGNORE INTO optouts (phone, source, account_id, "
                                                          "detail, added_at) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  gint64 now = herald_store_now ();

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; job->phones[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      if (!herald_database_bind_text_at (stmt, 1, job->phones[i], error) ||
          !herald_database_bind_text_at (stmt, 2, job->source, error) ||
          !herald_database_bind_text_at (stmt, 3, job->account_id, error) ||
          !herald_database_bind_text_at (stmt, 4, job->detail, error) ||
          !herald_database_bind_int64_at (stmt, 5, now, error) ||
          herald_database_step (database, stmt, error) != SQLITE_DONE)
        return FALSE;
      job->count += (guint) herald_database_changes (database);
    }
  return TRUE;
}

static gboolean
add_func (HeraldDatabase  *database,
          gpointer         user_data,
          GCancellable    *cancellable,
          GError         **error)
{
  OptoutJob *job = user_data;

  for (guint i = 0; job->phones[i] != NULL; i++)
    if (!herald_store_is_e164 (job->phones[i]))
      {
        g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                     _("“%s” is not a phone number in international form (E.164, such as +233241234567); "
                       "nothing was added."),
                     g_utf8_validate (job->phones[i], -1, NULL) ? job->phones[i] : "");
        return FALSE;
      }

  return herald_database_begin (database, error) && insert_phones (database, job, error) &&
         herald_database_commit (database, error);
}

void
herald_optout_store_add_async (HeraldOptoutStore   *self,
                               const char * const  *phones,
                               const char          *source,
                               const char          *account_id,
                               const char          *detail,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  OptoutJob *job;

  g_return_if_fail (HERALD_IS_OPTOUT_STORE (self));
  g_return_if_fail (phones != NULL);
  g_return_if_fail (source != NULL);

  job = optout_job_new (phones);
  job->source = g_strdup (source);
  job->account_id = g_strdup (account_id);
  job->detail = g_strdup (detail);
  herald_store_job_run (self->database, self, herald_optout_store_change_finish, add_func, job, optout_job_free,
                        NULL, cancellable, callback, user_data);
}

static gboolean
remove_func (HeraldDatabase  *database,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  OptoutJob *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!herald_database_begin (database, error))
    return FALSE;
  stmt = herald_database_prepare (database, "DELETE FROM optouts WHERE phone = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; job->phones[i] != NULL; i++)
    {
      if (herald_database_step_text (database, stmt, job->phones[i], error) != SQLITE_DONE)
        return FALSE;
      job->count += (guint) herald_database_changes (database);
    }
  return herald_database_commit (database, error);
}

void
herald_optout_store_remove_async (HeraldOptoutStore   *self,
                                  const char * const  *phones,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_OPTOUT_STORE (self));
  g_return_if_fail (phones != NULL);

  herald_store_job_run (self->database, self, herald_optout_store_change_finish, remove_func,
                        optout_job_new (phones), optout_job_free, NULL, cancellable, callback, user_data);
}

guint
herald_optout_store_change_finish (HeraldOptoutStore  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  OptoutJob *job = herald_store_job_finish (self, result, herald_optout_store_change_finish, error);

  return job != NULL ? job->count : 0;
}

/* ---- list ---------------------------------------------------------------- */

static gpointer
optout_from_row (sqlite3_stmt *stmt)
{
  return herald_optout_new (herald_database_column_text (stmt, 0), herald_database_column_text (stmt, 1),
                            herald_database_column_text (stmt, 2), herald_database_column_text (stmt, 3),
                            herald_database_column_int64 (stmt, 4));
}

static gboolean
list_func (HeraldDatabase  *database,
           gpointer         user_data,
           GCancellable    *cancellable,
           GError         **error)
{
  OptoutJob *job = user_data;

  job->items = herald_database_list_rows (database,
                                          "SELECT phone, source, account_id, detail, added_at "
                                          "FROM optouts ORDER BY added_at DESC, phone",
                                          optout_from_row, (GDestroyNotify) herald_optout_unref, error);
  return job->items != NULL;
}

void
herald_optout_store_list_async (HeraldOptoutStore   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_OPTOUT_STORE (self));

  herald_store_job_run (self->database, self, herald_optout_store_list_async, list_func, optout_job_new (NULL),
                        optout_job_free, NULL, cancellable, callback, user_data);
}

/**
 * herald_optout_store_list_finish:
 *
 * Returns: (element-type HeraldOptout) (transfer full) (nullable)
 */
GPtrArray *
herald_optout_store_list_finish (HeraldOptoutStore  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  OptoutJob *job = herald_store_job_finish (self, result, herald_optout_store_list_async, error);

  return job != NULL ? g_steal_pointer (&job->items) : NULL;
}

/* ---- look-ups ------------------------------------------------------------ */

static gboolean
filter_func (HeraldDatabase  *database,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  OptoutJob *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database, "SELECT 1 FROM optouts WHERE phone = ?", error);

  if (stmt == NULL)
    return FALSE;
  job->items = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; job->phones[i] != NULL; i++)
    {
      int rc = herald_database_step_text (database, stmt, job->phones[i], error);

      if (rc == SQLITE_ERROR)
        return FALSE;
      if (rc == SQLITE_ROW)
        g_ptr_array_add (job->items, g_strdup (job->phones[i]));
    }
  g_ptr_array_add (job->items, NULL);
  return TRUE;
}

void
herald_optout_store_filter_async (HeraldOptoutStore   *self,
                                  const char * const  *phones,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_OPTOUT_STORE (self));
  g_return_if_fail (phones != NULL);

  herald_store_job_run (self->database, self, herald_optout_store_filter_async, filter_func,
                        optout_job_new (phones), optout_job_free, NULL, cancellable, callback, user_data);
}

GStrv
herald_optout_store_filter_finish (HeraldOptoutStore  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  OptoutJob *job = herald_store_job_finish (self, result, herald_optout_store_filter_async, error);

  if (job == NULL)
    return NULL;
  g_ptr_array_set_free_func (job->items, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&job->items), FALSE);
}

void
herald_optout_store_is_opted_out_async (HeraldOptoutStore   *self,
                                        const char          *phone,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  const char *phones[] = { phone, NULL };

  g_return_if_fail (HERALD_IS_OPTOUT_STORE (self));
  g_return_if_fail (phone != NULL);

  herald_store_job_run (self->database, self, herald_optout_store_is_opted_out_async, filter_func,
                        optout_job_new (phones), optout_job_free, NULL, cancellable, callback, user_data);
}

gboolean
herald_optout_store_is_opted_out_finish (HeraldOptoutStore  *self,
                                         GAsyncResult       *result,
                                         gboolean           *opted_out,
                                         GError            **error)
{
  OptoutJob *job = herald_store_job_finish (self, result, herald_optout_store_is_opted_out_async, error);

  if (opted_out != NULL)
    *opted_out = job != NULL && job->items->len > 1;
  return job != NULL;
}

/* ---- import -------------------------------------------------------------- */

/* A contacts file: its numbers and refused rows. FALSE with @error when
 * the file cannot be read; FALSE without when it is no contacts file (no
 * phone column, or no header: a list of numbers, which the recipient list
 * splits better). */
static gboolean
read_contacts_file (OptoutJob     *job,
                    GPtrArray     *phones,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(HeraldContactImporter) importer = herald_contact_importer_new (job->region);
  g_autoptr(HeraldContactImportReport) report = NULL;
  g_autoptr(GError) local_error = NULL;
  HeraldContactMapping *mapping;
  GPtrArray *contacts;

  report = herald_contact_importer_import_path (importer, job->path, cancellable, &local_error);
  if (report == NULL)
    {
      if (!g_error_matches (local_error, HERALD_CONTACT_IMPORT_ERROR, HERALD_CONTACT_IMPORT_ERROR_NO_PHONE_COLUMN))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  mapping = herald_contact_import_report_get_mapping (report);
  if (mapping != NULL && !herald_contact_mapping_get_has_header (mapping))
    return FALSE;

  contacts = herald_contact_import_report_get_contacts (report);
  for (guint i = 0; i < contacts->len; i++)
    g_ptr_array_add (phones, g_strdup (herald_contact_get_phone (contacts->pdata[i])));
  for (guint i = 0; i < herald_contact_import_report_get_n_invalid (report); i++)
    {
      const HeraldContactInvalidRow *row = herald_contact_import_report_get_invalid (report, i);

      g_ptr_array_add (job->import->invalid, g_strdup_printf (_("line %u: “%s”: %s"), row->line, row->input,
                                                              row->message));
    }
  return TRUE;
}

/* A list of numbers, one a line or separated by , ; or tabs. */
static gboolean
read_number_list (OptoutJob     *job,
                  GPtrArray     *phones,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(HeraldRecipientList) list = herald_recipient_list_new (job->region, HERALD_PHONE_NUMBER_FLAGS_NONE);
  g_autofree char *text = NULL;
  g_auto(GStrv) numbers = NULL;

  if (!g_file_get_contents (job->path, &text, NULL, error))
    return FALSE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s is not UTF-8 text."), job->path);
      return FALSE;
    }

  herald_recipient_list_set_text (list, text);
  numbers = herald_recipient_list_dup_numbers (list);
  for (guint i = 0; numbers[i] != NULL; i++)
    g_ptr_array_add (phones, g_strdup (numbers[i]));
  for (guint i = 0; i < herald_recipient_list_get_n_entries (list); i++)
    if (herald_recipient_list_get_number (list, i) == NULL)
      g_ptr_array_add (job->import->invalid, g_strdup_printf ("“%s”: %s", herald_recipient_list_get_input (list, i),
                                                              herald_recipient_list_get_message (list, i)));
  return TRUE;
}

static gboolean
import_func (HeraldDatabase  *database,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  OptoutJob *job = user_data;
  g_autoptr(GPtrArray) phones = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  guint n_phones;

  if (!read_contacts_file (job, phones, cancellable, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!read_number_list (job, phones, cancellable, error))
        return FALSE;
    }

  n_phones = phones->len;
  g_ptr_array_add (phones, NULL);
  job->phones = (GStrv) g_ptr_array_free (g_steal_pointer (&phones), FALSE);
  if (!herald_database_begin (database, error) || !insert_phones (database, job, error))
    return FALSE;
  job->import->added = job->count;
  job->import->already = n_phones - job->count;
  return herald_database_commit (database, error);
}

void
herald_optout_store_import_file_async (HeraldOptoutStore   *self,
                                       const char          *path,
                                       const char          *region,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  OptoutJob *job;

  g_return_if_fail (HERALD_IS_OPTOUT_STORE (self));
  g_return_if_fail (path != NULL);

  job = optout_job_new (NULL);
  job->path = g_strdup (path);
  job->region = g_strdup (region);
  job->source = g_strdup ("file");
  job->detail = g_path_get_basename (path);
  job->import = g_new0 (HeraldOptoutImport, 1);
  job->import->invalid = g_ptr_array_new_with_free_func (g_free);
  herald_store_job_run (self->database, self, herald_optout_store_import_file_async, import_func, job,
                        optout_job_free, NULL, cancellable, callback, user_data);
}

/**
 * herald_optout_store_import_file_finish:
 *
 * Returns: (transfer full) (nullable)
 */
HeraldOptoutImport *
herald_optout_store_import_file_finish (HeraldOptoutStore  *self,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  OptoutJob *job = herald_store_job_finish (self, result, herald_optout_store_import_file_async, error);

  return job != NULL ? g_steal_pointer (&job->import) : NULL;
}
