/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-contact-store-private.h"
#include "herald-store-job-private.h"

/* Groups, their members, and templates: rows named by a name that is
 * unique without regard to case (the name_key column). */

typedef struct
{
  char                *name;
  char                *new_name;
  char                *body;
  GStrv                phones;
  gboolean             add;
  GPtrArray           *items;
  HeraldLocalTemplate *template;
  guint                count;
  const char          *table;   /* of remove and rename: "contact_groups" or "templates" */
  const char          *what;    /* "group" or "template", for the messages */
} ListJob;

static void
list_job_free (gpointer data)
{
  ListJob *job = data;

  g_free (job->name);
  g_free (job->new_name);
  g_free (job->body);
  g_strfreev (job->phones);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_clear_pointer (&job->template, herald_local_template_unref);
  g_free (job);
}

static ListJob *
list_job_new (const char *name,
              const char *new_name,
              const char *body)
{
  ListJob *job = g_new0 (ListJob, 1);

  job->name = g_strdup (name);
  job->new_name = g_strdup (new_name);
  job->body = g_strdup (body);
  return job;
}

static void
run (HeraldContactStore  *self,
     gpointer             source_tag,
     HeraldDatabaseFunc   func,
     ListJob             *job,
     gboolean             changes_contacts,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  herald_store_job_run (herald_contact_store_get_database (self), self, source_tag, func, job, list_job_free,
                        changes_contacts ? herald_contact_store_emit_changed : NULL,
                        cancellable, callback, user_data);
}

static gboolean
refuse_name (const char  *name,
             const char  *what,
             GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*trimmed != '\0' && g_utf8_validate (trimmed, -1, NULL))
    return FALSE;

  /* TRANSLATORS: %s is "group" or "template" */
  g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID, _("A %s needs a name."), what);
  return TRUE;
}

/* ---- finding rows by name ------------------------------------------------ */

/* The id of the row of @table whose name_key is that of @name; 0 if none. */
static gboolean
find_named (HeraldDatabase  *database,
            const char      *table,
            const char      *name,
            gint64          *id,
            GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE name_key = ?", table);
  g_autofree char *key = herald_store_fold (name);

  return herald_database_find_id (database, sql, key, id, error);
}

static gboolean
no_group (const char  *name,
          GError     **error)
{
  g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND,
               _("There is no group named “%s”."), name);
  return FALSE;
}

static gboolean
insert_group (HeraldDatabase  *database,
              const char      *name,
              gint64          *id,
              GError         **error)
{
  g_autofree char *key = herald_store_fold (name);
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database,
                                                          "INSERT INTO contact_groups (name, name_key, created_at) "
                                                          "VALUES (?, ?, ?) RETURNING id", error);

  if (stmt == NULL || !herald_database_bind_text_at (stmt, 1, name, error) ||
      !herald_database_bind_text_at (stmt, 2, key, error) ||
      !herald_database_bind_int64_at (stmt, 3, herald_store_now (), error) ||
      herald_database_step (database, stmt, error) != SQLITE_ROW)
    return FALSE;
  *id = herald_database_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
herald_contact_store_find_group (HeraldDatabase  *database,
                                 const char      *name,
                                 gboolean         create,
                                 gint64          *id,
                                 GError         **error)
{
  if (refuse_name (name, "group", error) || !find_named (database, "contact_groups", name, id, error))
    return FALSE;
  if (*id != 0)
    return TRUE;
  if (!create)
    return no_group (name, error);
  return insert_group (database, name, id, error);
}

/* ---- groups -------------------------------------------------------------- */

static gpointer
group_from_row (sqlite3_stmt *stmt)
{
  return herald_local_group_new (herald_database_column_text (stmt, 0),
                                 (guint) herald_database_column_int64 (stmt, 1),
                                 herald_database_column_int64 (stmt, 2));
}

static gboolean
list_groups_func (HeraldDatabase  *database,
                  gpointer         user_data,
                  GCancellable    *cancellable,
                  GError         **error)
{
  ListJob *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database,
                                                          "SELECT g.name, (SELECT count(*) FROM contact_group_members m "
                                                          "WHERE m.group_id = g.id), g.created_at FROM contact_groups g "
                                                          "ORDER BY g.name_key", error);

  job->items = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_local_group_unref);
  return stmt != NULL && herald_database_read_rows (database, stmt, group_from_row, job->items, error);
}

void
herald_contact_store_list_groups_async (HeraldContactStore  *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));

  run (self, herald_contact_store_list_groups_async, list_groups_func, list_job_new (NULL, NULL, NULL), FALSE,
       cancellable, callback, user_data);
}

/**
 * herald_contact_store_list_groups_finish:
 *
 * Returns: (element-type HeraldLocalGroup) (transfer full) (nullable)
 */
GPtrArray *
herald_contact_store_list_groups_finish (HeraldContactStore  *self,
                                         GAsyncResult        *result,
                                         GError             **error)
{
  ListJob *job = herald_store_job_finish (self, result, herald_contact_store_list_groups_async, error);

  return job != NULL ? g_steal_pointer (&job->items) : NULL;
}

/* ---- field keys ---------------------------------------------------------- */

static gpointer
key_from_row (sqlite3_stmt *stmt)
{
  return g_strdup (herald_database_column_text (stmt, 0));
}

static gboolean
list_field_keys_func (HeraldDatabase  *database,
                      gpointer         user_data,
                      GCancellable    *cancellable,
                      GError         **error)
{
  ListJob *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database,
                                                          "SELECT DISTINCT f.key FROM contacts c, json_each (c.fields) f "
                                                          "WHERE c.fields IS NOT NULL ORDER BY f.key", error);

  job->items = g_ptr_array_new_with_free_func (g_free);
  return stmt != NULL && herald_database_read_rows (database, stmt, key_from_row, job->items, error);
}

void
herald_contact_store_list_field_keys_async (HeraldContactStore  *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));

  run (self, herald_contact_store_list_field_keys_async, list_field_keys_func, list_job_new (NULL, NULL, NULL), FALSE,
       cancellable, callback, user_data);
}

/**
 * herald_contact_store_list_field_keys_finish:
 *
 * Returns: (transfer full) (nullable): a NULL-terminated array of keys
 */
GStrv
herald_contact_store_list_field_keys_finish (HeraldContactStore  *self,
                                             GAsyncResult        *result,
                                             GError             **error)
{
  ListJob *job = herald_store_job_finish (self, result, herald_contact_store_list_field_keys_async, error);

  if (job == NULL)
    return NULL;
  g_ptr_array_add (job->items, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&job->items), FALSE);
}

static gboolean
taken (const char  *name,
       const char  *what,
       GError     **error)
{
  /* TRANSLATORS: the first %s is "group" or "template" */
  g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS,
               _("There is already a %s named “%s”."), what, name);
  return FALSE;
}

static gboolean
add_group_func (HeraldDatabase  *database,
                gpointer         user_data,
                GCancellable    *cancellable,
                GError         **error)
{
  ListJob *job = user_data;
  gint64 id;

  if (refuse_name (job->name, "group", error) || !herald_database_begin (database, error) ||
      !find_named (database, "contact_groups", job->name, &id, error))
    return FALSE;
  if (id != 0)
    return taken (job->name, "group", error);
  if (!insert_group (database, job->name, &id, error))
    return FALSE;
  return herald_database_commit (database, error);
}

void
herald_contact_store_add_group_async (HeraldContactStore  *self,
                                      const char          *name,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));

  run (self, herald_contact_store_group_finish, add_group_func, list_job_new (name, NULL, NULL), FALSE,
       cancellable, callback, user_data);
}

/* Removes or renames the row of @table named job->name (job->new_name NULL
 * removes), inside the caller's transaction. */
static gboolean
change_named (HeraldDatabase  *database,
              ListJob         *job,
              const char      *table,
              const char      *what,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *new_key = NULL;
  gint64 id, other;

  if (!find_named (database, table, job->name, &id, error))
    return FALSE;
  if (id == 0)
    {
      /* TRANSLATORS: the first %s is "group" or "template" */
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND,
                   _("There is no %s named “%s”."), what, job->name);
      return FALSE;
    }

  if (job->new_name == NULL)
    sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  else
    {
      if (refuse_name (job->new_name, what, error) ||
          !find_named (database, table, job->new_name, &other, error))
        return FALSE;
      if (other != 0 && other != id)
        return taken (job->new_name, what, error);
      new_key = herald_store_fold (job->new_name);
      sql = g_strdup_printf ("UPDATE %s SET name = ?2, name_key = ?3 WHERE id = ?1", table);
    }

  stmt = herald_database_prepare (database, sql, error);
  if (stmt == NULL || !herald_database_bind_int64_at (stmt, 1, id, error) ||
      (new_key != NULL && (!herald_database_bind_text_at (stmt, 2, job->new_name, error) ||
                           !herald_database_bind_text_at (stmt, 3, new_key, error))) ||
      herald_database_step (database, stmt, error) != SQLITE_DONE)
    return FALSE;
  return TRUE;
}

static gboolean
change_named_func (HeraldDatabase  *database,
                   gpointer         user_data,
                   GCancellable    *cancellable,
                   GError         **error)
{
  ListJob *job = user_data;

  return herald_database_begin (database, error) &&
         change_named (database, job, job->table, job->what, error) &&
         herald_database_commit (database, error);
}

static void
run_change_named (HeraldContactStore  *self,
                  gpointer             source_tag,
                  const char          *table,
                  const char          *what,
                  const char          *name,
                  const char          *new_name,
                  gboolean             changes_contacts,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  ListJob *job = list_job_new (name, new_name, NULL);

  job->table = table;
  job->what = what;
  run (self, source_tag, change_named_func, job, changes_contacts, cancellable, callback, user_data);
}

void
herald_contact_store_remove_group_async (HeraldContactStore  *self,
                                         const char          *name,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));
  g_return_if_fail (name != NULL);

  /* Members go with the group: lists of a group's contacts change. */
  run_change_named (self, herald_contact_store_group_finish, "contact_groups", "group", name, NULL, TRUE,
                    cancellable, callback, user_data);
}

void
herald_contact_store_rename_group_async (HeraldContactStore  *self,
                                         const char          *name,
                                         const char          *new_name,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (new_name != NULL);

  run_change_named (self, herald_contact_store_group_finish, "contact_groups", "group", name, new_name, FALSE,
                    cancellable, callback, user_data);
}

gboolean
herald_contact_store_group_finish (HeraldContactStore  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  return herald_store_job_finish (self, result, herald_contact_store_group_finish, error) != NULL;
}

/* ---- members ------------------------------------------------------------- */

static gboolean
change_members_func (HeraldDatabase  *database,
                     gpointer         user_data,
                     GCancellable    *cancellable,
                     GError         **error)
{
  ListJob *job = user_data;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) change = NULL;
  gint64 group_id;
  gint64 now = herald_store_now ();

  if (!herald_database_begin (database, error) ||
      !herald_contact_store_find_group (database, job->name, FALSE, &group_id, error))
    return FALSE;

  find = herald_database_prepare (database, "SELECT id FROM contacts WHERE phone = ?", error);
  change = herald_database_prepare (database,
                                    job->add ? "INSERT OR IGNORE INTO contact_group_members "
                                               "(group_id, contact_id, added_at) VALUES (?1, ?2, ?3)"
                                             : "DELETE FROM contact_group_members WHERE group_id = ?1 "
                                               "AND contact_id = ?2 AND ?3 IS NOT NULL",
                                    error);
  if (find == NULL || change == NULL)
    return FALSE;

  for (guint i = 0; job->phones[i] != NULL; i++)
    {
      int rc = herald_database_step_text (database, find, job->phones[i], error);

      if (rc == SQLITE_ERROR)
        return FALSE;
      if (rc != SQLITE_ROW)
        {
          g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND,
                       _("There is no contact with the number %s; nothing was changed."), job->phones[i]);
          return FALSE;
        }

      const gint64 values[] = { group_id, herald_database_column_int64 (find, 0), now };

      if (!herald_database_step_int64s (database, change, values, G_N_ELEMENTS (values), error))
        return FALSE;
      job->count += (guint) herald_database_changes (database);
    }

  return herald_database_commit (database, error);
}

void
herald_contact_store_change_members_async (HeraldContactStore  *self,
                                           const char          *group,
                                           const char * const  *phones,
                                           gboolean             add,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  ListJob *job;

  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));
  g_return_if_fail (group != NULL);
  g_return_if_fail (phones != NULL);

  job = list_job_new (group, NULL, NULL);
  job->phones = g_strdupv ((char **) phones);
  job->add = add;
  run (self, herald_contact_store_change_members_async, change_members_func, job, TRUE,
       cancellable, callback, user_data);
}

guint
herald_contact_store_change_members_finish (HeraldContactStore  *self,
                                            GAsyncResult        *result,
                                            GError             **error)
{
  ListJob *job = herald_store_job_finish (self, result, herald_contact_store_change_members_async, error);

  return job != NULL ? job->count : 0;
}

/* ---- templates ----------------------------------------------------------- */

#define TEMPLATE_COLUMNS "name, body, created_at, updated_at"

static gpointer
template_from_row (sqlite3_stmt *stmt)
{
  return herald_local_template_new (herald_database_column_text (stmt, 0),
                                    herald_database_column_text (stmt, 1),
                                    herald_database_column_int64 (stmt, 2),
                                    herald_database_column_int64 (stmt, 3));
}

static gboolean
list_templates_func (HeraldDatabase  *database,
                     gpointer         user_data,
                     GCancellable    *cancellable,
                     GError         **error)
{
  ListJob *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database, "SELECT " TEMPLATE_COLUMNS
                                                          " FROM templates ORDER BY name_key", error);

  job->items = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_local_template_unref);
  return stmt != NULL && herald_database_read_rows (database, stmt, template_from_row, job->items, error);
}

void
herald_contact_store_list_templates_async (HeraldContactStore  *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));

  run (self, herald_contact_store_list_templates_async, list_templates_func, list_job_new (NULL, NULL, NULL),
       FALSE, cancellable, callback, user_data);
}

/**
 * herald_contact_store_list_templates_finish:
 *
 * Returns: (element-type HeraldLocalTemplate) (transfer full) (nullable)
 */
GPtrArray *
herald_contact_store_list_templates_finish (HeraldContactStore  *self,
                                            GAsyncResult        *result,
                                            GError             **error)
{
  ListJob *job = herald_store_job_finish (self, result, herald_contact_store_list_templates_async, error);

  return job != NULL ? g_steal_pointer (&job->items) : NULL;
}

static gboolean
get_template_func (HeraldDatabase  *database,
                   gpointer         user_data,
                   GCancellable    *cancellable,
                   GError         **error)
{
  ListJob *job = user_data;
  g_autofree char *key = herald_store_fold (job->name);
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database, "SELECT " TEMPLATE_COLUMNS
                                                          " FROM templates WHERE name_key = ?", error);
  g_autofree char *missing = g_strdup_printf (_("There is no template named “%s”."), job->name);

  if (stmt == NULL || !herald_database_bind_text_at (stmt, 1, key, error) ||
      !herald_database_step_one (database, stmt, missing, error))
    return FALSE;
  job->template = template_from_row (stmt);
  return TRUE;
}

void
herald_contact_store_get_template_async (HeraldContactStore  *self,
                                         const char          *name,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));
  g_return_if_fail (name != NULL);

  run (self, herald_contact_store_get_template_async, get_template_func, list_job_new (name, NULL, NULL),
       FALSE, cancellable, callback, user_data);
}

/**
 * herald_contact_store_get_template_finish:
 *
 * Returns: (transfer full) (nullable)
 */
HeraldLocalTemplate *
herald_contact_store_get_template_finish (HeraldContactStore  *self,
                                          GAsyncResult        *result,
                                          GError             **error)
{
  ListJob *job = herald_store_job_finish (self, result, herald_contact_store_get_template_async, error);

  return job != NULL ? g_steal_pointer (&job->template) : NULL;
}

static gboolean
refuse_body (const char  *body,
             GError     **error)
{
  if (body != NULL && *body != '\0' && g_utf8_validate (body, -1, NULL))
    return FALSE;
  g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID, _("A template needs a text."));
  return TRUE;
}

static gboolean
add_template_func (HeraldDatabase  *database,
                   gpointer         user_data,
                   GCancellable    *cancellable,
                   GError         **error)
{
  ListJob *job = user_data;
  g_autofree char *key = herald_store_fold (job->name);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if (refuse_name (job->name, "template", error) || refuse_body (job->body, error) ||
      !herald_database_begin (database, error) || !find_named (database, "templates", job->name, &id, error))
    return FALSE;
  if (id != 0)
    return taken (job->name, "template", error);

  stmt = herald_database_prepare (database, "INSERT INTO templates (name, name_key, body, created_at, updated_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?4)", error);
  if (stmt == NULL || !herald_database_bind_text_at (stmt, 1, job->name, error) ||
      !herald_database_bind_text_at (stmt, 2, key, error) ||
      !herald_database_bind_text_at (stmt, 3, job->body, error) ||
      !herald_database_bind_int64_at (stmt, 4, herald_store_now (), error) ||
      herald_database_step (database, stmt, error) != SQLITE_DONE)
    return FALSE;
  return herald_database_commit (database, error);
}

void
herald_contact_store_add_template_async (HeraldContactStore  *self,
                                         const char          *name,
                                         const char          *body,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));

  run (self, herald_contact_store_template_finish, add_template_func, list_job_new (name, NULL, body), FALSE,
       cancellable, callback, user_data);
}

static gboolean
update_template_func (HeraldDatabase  *database,
                      gpointer         user_data,
                      GCancellable    *cancellable,
                      GError         **error)
{
  ListJob *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if ((job->body != NULL && refuse_body (job->body, error)) || !herald_database_begin (database, error))
    return FALSE;
  /* The name first (it checks that the template exists), the text after,
   * in the same transaction. */
  if (job->new_name != NULL && !change_named (database, job, "templates", "template", error))
    return FALSE;
  if (!find_named (database, "templates", job->new_name != NULL ? job->new_name : job->name, &id, error))
    return FALSE;
  if (id == 0)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND,
                   _("There is no template named “%s”."), job->name);
      return FALSE;
    }

  stmt = herald_database_prepare (database, "UPDATE templates SET body = coalesce (?2, body), updated_at = ?3 "
                                  "WHERE id = ?1", error);
  if (stmt == NULL || !herald_database_bind_int64_at (stmt, 1, id, error) ||
      !herald_database_bind_text_at (stmt, 2, job->body, error) ||
      !herald_database_bind_int64_at (stmt, 3, herald_store_now (), error) ||
      herald_database_step (database, stmt, error) != SQLITE_DONE)
    return FALSE;
  return herald_database_commit (database, error);
}

void
herald_contact_store_update_template_async (HeraldContactStore  *self,
                                            const char          *name,
                                            const char          *new_name,
                                            const char          *new_body,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));
  g_return_if_fail (name != NULL);

  run (self, herald_contact_store_template_finish, update_template_func, list_job_new (name, new_name, new_body),
       FALSE, cancellable, callback, user_data);
}

void
herald_contact_store_remove_template_async (HeraldContactStore  *self,
                                            const char          *name,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));
  g_return_if_fail (name != NULL);

  run_change_named (self, herald_contact_store_template_finish, "templates", "template", name, NULL, FALSE,
                    cancellable, callback, user_data);
}

gboolean
herald_contact_store_template_finish (HeraldContactStore  *self,
                                      GAsyncResult        *result,
                                      GError             **error)
{
  return herald_store_job_finish (self, result, herald_contact_store_template_finish, error) != NULL;
}
