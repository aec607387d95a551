/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "herald-contact-store-private.h"
#include "herald-store-job-private.h"
#include "text/herald-contact-export.h"

/* Contacts, import and export. Every job holds plain copies of its input
 * (contacts are copied, never shared with the caller) and runs on a worker
 * thread through herald_store_job_run (). */

G_DEFINE_FINAL_TYPE (HeraldContactStore, herald_contact_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CONTACTS_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
herald_contact_store_dispose (GObject *object)
{
  HeraldContactStore *self = (HeraldContactStore *) object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (herald_contact_store_parent_class)->dispose (object);
}

static void
herald_contact_store_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HeraldContactStore *self = HERALD_CONTACT_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_contact_store_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HeraldContactStore *self = HERALD_CONTACT_STORE (object);

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
herald_contact_store_class_init (HeraldContactStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_contact_store_dispose;
  object_class->get_property = herald_contact_store_get_property;
  object_class->set_property = herald_contact_store_set_property;

  properties [PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, HERALD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [CONTACTS_CHANGED] =
    g_signal_new ("contacts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
herald_contact_store_init (HeraldContactStore *self)
{
}

HeraldContactStore *
herald_contact_store_new (HeraldDatabase *database)
{
  g_return_val_if_fail (HERALD_IS_DATABASE (database), NULL);

  return g_object_new (HERALD_TYPE_CONTACT_STORE, "database", database, NULL);
}

HeraldDatabase *
herald_contact_store_get_database (HeraldContactStore *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT_STORE (self), NULL);

  return self->database;
}

void
herald_contact_store_emit_changed (gpointer source_object,
                                   gpointer job)
{
  g_signal_emit (source_object, signals [CONTACTS_CHANGED], 0);
}

/* ---- rows and contacts -------------------------------------------------- */

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/* By hand rather than with JsonBuilder: an import of 100,000 contacts
 * encodes 100,000 of these. */
char *
herald_contact_store_encode_fields (HeraldContact *contact)
{
  guint n = herald_contact_get_n_fields (contact);
  GString *out;

  if (n == 0)
    return NULL;

  out = g_string_sized_new ((gsize) 32 * n);
  g_string_append_c (out, '{');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_json_string (out, herald_contact_get_field_key (contact, i));
      g_string_append_c (out, ':');
      append_json_string (out, herald_contact_get_field_value (contact, i));
    }
  g_string_append_c (out, '}');

  return g_string_free (out, FALSE);
}

/* A fields column that is not the object this file writes (edited by hand)
 * is ignored with a warning rather than failing the whole list. */
static void
decode_fields (HeraldContact *contact,
               const char    *json)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObject *object;
  GList *members;

  if (json == NULL || *json == '\0')
    return;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, &error))
    {
      g_warning ("Custom fields of %s ignored: %s", herald_contact_get_phone (contact), error->message);
      return;
    }
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return;

  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *node = json_object_get_member (object, key);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
          herald_contact_is_valid_key (key))
        herald_contact_set_field (contact, key, json_node_get_string (node));
    }
  g_list_free (members);
}

HeraldContact *
herald_contact_store_contact_from_row (sqlite3_stmt *stmt,
                                       int           first_column)
{
  HeraldContact *contact = herald_contact_new_full (herald_database_column_text (stmt, first_column + 1),
                                                    herald_database_column_text (stmt, first_column + 2),
                                                    herald_database_column_text (stmt, first_column),
                                                    herald_database_column_text (stmt, first_column + 3));

  decode_fields (contact, herald_database_column_text (stmt, first_column + 4));
  return contact;
}

char *
herald_contact_store_sort_key (HeraldContact *contact)
{
  g_autofree char *name = herald_contact_dup_display_name (contact);

  /* Most names are ASCII, where folding is lowering: an import of 100,000
   * contacts spends noticeably less without the Unicode tables. */
  for (const char *p = name; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return herald_store_fold (name);
  return g_ascii_strdown (name, -1);
}

gboolean
herald_contact_store_search_terms (const char  *search,
                                   char       **name,
                                   char       **digits)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (search != NULL ? search : ""));
  g_autoptr(GString) numbers = g_string_new (NULL);
  gboolean only_number = TRUE;

  *name = NULL;
  *digits = NULL;
  if (*trimmed == '\0')
    return FALSE;

  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (numbers->len > 0 || *p != '0')
            g_string_append_c (numbers, *p);
        }
      else if (strchr ("+-(). ", *p) == NULL)
        only_number = FALSE;
    }

  *name = herald_store_fold (trimmed);
  if (only_number && numbers->len > 0)
    *digits = g_string_free (g_steal_pointer (&numbers), FALSE);

  return TRUE;
}

static HeraldContact *
copy_contact (HeraldContact *contact)
{
  HeraldContact *copy = herald_contact_new_full (herald_contact_get_first_name (contact),
                                                 herald_contact_get_last_name (contact),
                                                 herald_contact_get_phone (contact),
                                                 herald_contact_get_email (contact));

  for (guint i = 0; i < herald_contact_get_n_fields (contact); i++)
    herald_contact_set_field (copy, herald_contact_get_field_key (contact, i),
                              herald_contact_get_field_value (contact, i));
  return copy;
}

static gboolean
refuse_phone (const char  *phone,
              GError     **error)
{
  if (herald_store_is_e164 (phone))
    return FALSE;

  g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
               _("“%s” is not a phone number in international form (E.164, such as +233241234567)."),
               phone != NULL && g_utf8_validate (phone, -1, NULL) ? phone : "");
  return TRUE;
}

/* The row id of the contact with @phone, 0 when there is none. */
static gboolean
find_contact (HeraldDatabase  *database,
              const char      *phone,
              gint64          *id,
              GError         **error)
{
  return herald_database_find_id (database, "SELECT id FROM contacts WHERE phone = ?", phone, id, error);
}

static gboolean
no_contact (const char  *phone,
            GError     **error)
{
  g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND,
               _("There is no contact with the number %s."), phone);
  return FALSE;
}

/* Binds the five values of a contact to ?2 … ?6 and the time to ?7, the
 * layout of the insert and update statements below. */
static gboolean
bind_contact (sqlite3_stmt   *stmt,
              HeraldContact  *contact,
              gint64          now,
              GError        **error)
{
  g_autofree char *fields = herald_contact_store_encode_fields (contact);
  g_autofree char *sort_key = herald_contact_store_sort_key (contact);

  return herald_database_bind_text_at (stmt, 2, herald_contact_get_first_name (contact), error) &&
         herald_database_bind_text_at (stmt, 3, herald_contact_get_last_name (contact), error) &&
         herald_database_bind_text_at (stmt, 4, herald_contact_get_email (contact), error) &&
         herald_database_bind_text_at (stmt, 5, fields, error) &&
         herald_database_bind_text_at (stmt, 6, sort_key, error) &&
         herald_database_bind_int64_at (stmt, 7, now, error);
}

#define INSERT_CONTACT \
  "INSERT INTO contacts (phone, first_name, last_name, email, fields, sort_key, created_at, updated_at) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id"
/* The same for an import, where a number already there changes nothing
 * (no RETURNING: it costs an import of 100,000 rows a good part of its
 * time; changes() says whether the row was new). */
#define INSERT_NEW_CONTACT \
  "INSERT INTO contacts (phone, first_name, last_name, email, fields, sort_key, created_at, updated_at) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) ON CONFLICT (phone) DO NOTHING"
#define UPDATE_CONTACT \
  "UPDATE contacts SET phone = ?8, first_name = ?2, last_name = ?3, email = ?4, fields = ?5, " \
  "sort_key = ?6, updated_at = ?7 WHERE id = ?1"

/* ---- the job ------------------------------------------------------------- */

typedef struct
{
  char                     *phone;
  HeraldContact            *contact;
  char                     *group;
  char                     *search;
  guint                     offset;
  guint                     limit;
  GPtrArray                *contacts;
  char                     *path;
  HeraldContactImporter    *importer;
  GFile                    *file;
  HeraldContactStoreImport *import;
  guint                     count;
} ContactJob;

static void
contact_job_free (gpointer data)
{
  ContactJob *job = data;

  g_free (job->phone);
  g_clear_object (&job->contact);
  g_free (job->group);
  g_free (job->search);
  g_clear_pointer (&job->contacts, g_ptr_array_unref);
  g_free (job->path);
  g_clear_object (&job->importer);
  g_clear_object (&job->file);
  g_clear_pointer (&job->import, herald_contact_store_import_free);
  g_free (job);
}

static ContactJob *
contact_job_new (const char    *phone,
                 HeraldContact *contact)
{
  ContactJob *job = g_new0 (ContactJob, 1);

  job->phone = g_strdup (phone);
  job->contact = contact != NULL ? copy_contact (contact) : NULL;
  return job;
}

static void
run (HeraldContactStore  *self,
     gpointer             source_tag,
     HeraldDatabaseFunc   func,
     ContactJob          *job,
     gboolean             changes_contacts,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  herald_store_job_run (self->database, self, source_tag, func, job, contact_job_free,
                        changes_contacts ? herald_contact_store_emit_changed : NULL,
                        cancellable, callback, user_data);
}

/* ---- add, update, remove, get ------------------------------------------- */

static gboolean
add_func (HeraldDatabase  *database,
          gpointer         user_data,
          GCancellable    *cancellable,
          GError         **error)
{
  ContactJob *job = user_data;
  const char *phone = herald_contact_get_phone (job->contact);
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 id;

  if (refuse_phone (phone, error) || !herald_database_begin (database, error) ||
      !find_contact (database, phone, &id, error))
    return FALSE;
  if (id != 0)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS,
                   _("There is already a contact with the number %s; edit it instead."), phone);
      return FALSE;
    }

  insert = herald_database_prepare (database, INSERT_CONTACT, error);
  if (insert == NULL || !herald_database_bind_text_at (insert, 1, phone, error) ||
      !bind_contact (insert, job->contact, herald_store_now (), error) ||
      herald_database_step (database, insert, error) != SQLITE_ROW)
    return FALSE;
  sqlite3_reset (insert);

  return herald_database_commit (database, error);
}

void
herald_contact_store_add_contact_async (HeraldContactStore  *self,
                                        HeraldContact       *contact,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));
  g_return_if_fail (HERALD_IS_CONTACT (contact));

  run (self, herald_contact_store_add_contact_async, add_func, contact_job_new (NULL, contact), TRUE,
       cancellable, callback, user_data);
}

gboolean
herald_contact_store_add_contact_finish (HeraldContactStore  *self,
                                         GAsyncResult        *result,
                                         GError             **error)
{
  return herald_store_job_finish (self, result, herald_contact_store_add_contact_async, error) != NULL;
}

static gboolean
update_func (HeraldDatabase  *database,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  ContactJob *job = user_data;
  const char *new_phone = herald_contact_get_phone (job->contact);
  g_autoptr(sqlite3_stmt) update = NULL;
  gint64 id, other;

  if (refuse_phone (new_phone, error) || !herald_database_begin (database, error) ||
      !find_contact (database, job->phone, &id, error))
    return FALSE;
  if (id == 0)
    return no_contact (job->phone, error);
  if (!find_contact (database, new_phone, &other, error))
    return FALSE;
  if (other != 0 && other != id)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS,
                   _("Another contact has the number %s already."), new_phone);
      return FALSE;
    }

  update = herald_database_prepare (database, UPDATE_CONTACT, error);
  if (update == NULL || !herald_database_bind_int64_at (update, 1, id, error) ||
      !bind_contact (update, job->contact, herald_store_now (), error) ||
      !herald_database_bind_text_at (update, 8, new_phone, error) ||
      herald_database_step (database, update, error) != SQLITE_DONE)
    return FALSE;

  return herald_database_commit (database, error);
}

void
herald_contact_store_update_contact_async (HeraldContactStore  *self,
                                           const char          *phone,
                                           HeraldContact       *contact,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));
  g_return_if_fail (phone != NULL);
  g_return_if_fail (HERALD_IS_CONTACT (contact));

  run (self, herald_contact_store_update_contact_async, update_func, contact_job_new (phone, contact), TRUE,
       cancellable, callback, user_data);
}

gboolean
herald_contact_store_update_contact_finish (HeraldContactStore  *self,
                                            GAsyncResult        *result,
                                            GError             **error)
{
  return herald_store_job_finish (self, result, herald_contact_store_update_contact_async, error) != NULL;
}

static gboolean
remove_func (HeraldDatabase  *database,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  ContactJob *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database, "DELETE FROM contacts WHERE phone = ?",
                                                          error);

  if (stmt == NULL || !herald_database_bind_text_at (stmt, 1, job->phone, error) ||
      herald_database_step (database, stmt, error) != SQLITE_DONE)
    return FALSE;
  if (herald_database_changes (database) == 0)
    return no_contact (job->phone, error);
  return TRUE;
}

void
herald_contact_store_remove_contact_async (HeraldContactStore  *self,
                                           const char          *phone,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));
  g_return_if_fail (phone != NULL);

  run (self, herald_contact_store_remove_contact_async, remove_func, contact_job_new (phone, NULL), TRUE,
       cancellable, callback, user_data);
}

gboolean
herald_contact_store_remove_contact_finish (HeraldContactStore  *self,
                                            GAsyncResult        *result,
                                            GError             **error)
{
  return herald_store_job_finish (self, result, herald_contact_store_remove_contact_async, error) != NULL;
}

static gboolean
get_func (HeraldDatabase  *database,
          gpointer         user_data,
          GCancellable    *cancellable,
          GError         **error)
{
  ContactJob *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database,
                                                          "SELECT " HERALD_CONTACT_STORE_COLUMNS
                                                          " FROM contacts c WHERE c.phone = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = herald_database_step_text (database, stmt, job->phone, error);
  if (rc == SQLITE_ERROR)
    return FALSE;
  if (rc != SQLITE_ROW)
    return no_contact (job->phone, error);

  job->contact = herald_contact_store_contact_from_row (stmt, 0);
  return TRUE;
}

void
herald_contact_store_get_contact_async (HeraldContactStore  *self,
                                        const char          *phone,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));
  g_return_if_fail (phone != NULL);

  run (self, herald_contact_store_get_contact_async, get_func, contact_job_new (phone, NULL), FALSE,
       cancellable, callback, user_data);
}

/**
 * herald_contact_store_get_contact_finish:
 *
 * Returns: (transfer full) (nullable): the contact, or %NULL with @error
 */
HeraldContact *
herald_contact_store_get_contact_finish (HeraldContactStore  *self,
                                         GAsyncResult        *result,
                                         GError             **error)
{
  ContactJob *job = herald_store_job_finish (self, result, herald_contact_store_get_contact_async, error);

  return job != NULL ? g_steal_pointer (&job->contact) : NULL;
}

/* ---- listing ------------------------------------------------------------- */

sqlite3_stmt *
herald_contact_store_prepare_list (HeraldDatabase  *database,
                                   const char      *columns,
                                   const char      *group,
                                   const char      *search,
                                   const char      *tail,
                                   GError         **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *digits = NULL;
  gboolean searching = herald_contact_store_search_terms (search, &name, &digits);
  gint64 group_id = 0;

  g_string_printf (sql, "SELECT %s FROM contacts c", columns);
  if (group != NULL)
    {
      if (!herald_contact_store_find_group (database, group, FALSE, &group_id, error))
        return NULL;
      g_string_append (sql, " JOIN contact_group_members m ON m.contact_id = c.id AND m.group_id = :group");
    }
  g_string_append (sql, searching ? " WHERE " HERALD_CONTACT_STORE_SEARCH : "");
  g_string_append_printf (sql, " ORDER BY c.sort_key, c.phone%s", tail);

  stmt = herald_database_prepare (database, sql->str, error);
  if (stmt == NULL ||
      !herald_database_bind_int64 (stmt, ":group", group_id, error) ||
      !herald_database_bind_text (stmt, ":name", name, error) ||
      !herald_database_bind_text (stmt, ":digits", digits, error))
    return NULL;
  return g_steal_pointer (&stmt);
}

static gboolean
collect_contacts (HeraldDatabase  *database,
                  ContactJob      *job,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = herald_contact_store_prepare_list (database, HERALD_CONTACT_STORE_COLUMNS, job->group, job->search,
                                            " LIMIT :limit OFFSET :offset", error);
  if (stmt == NULL ||
      !herald_database_bind_int64 (stmt, ":limit", job->limit != 0 ? (gint64) job->limit : -1, error) ||
      !herald_database_bind_int64 (stmt, ":offset", job->offset, error))
    return FALSE;

  job->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = herald_database_step (database, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (job->contacts, herald_contact_store_contact_from_row (stmt, 0));

  return rc == SQLITE_DONE;
}

static gboolean
list_func (HeraldDatabase  *database,
           gpointer         user_data,
           GCancellable    *cancellable,
           GError         **error)
{
  return collect_contacts (database, user_data, cancellable, error);
}

void
herald_contact_store_list_contacts_async (HeraldContactStore  *self,
                                          const char          *group,
                                          const char          *search,
                                          guint                offset,
                                          guint                limit,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  ContactJob *job;

  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));

  job = contact_job_new (NULL, NULL);
  job->group = g_strdup (group);
  job->search = g_strdup (search);
  job->offset = offset;
  job->limit = limit;
  run (self, herald_contact_store_list_contacts_async, list_func, job, FALSE, cancellable, callback, user_data);
}

/**
 * herald_contact_store_list_contacts_finish:
 *
 * Returns: (element-type HeraldContact) (transfer full) (nullable)
 */
GPtrArray *
herald_contact_store_list_contacts_finish (HeraldContactStore  *self,
                                           GAsyncResult        *result,
                                           GError             **error)
{
  ContactJob *job = herald_store_job_finish (self, result, herald_contact_store_list_contacts_async, error);

  return job != NULL ? g_steal_pointer (&job->contacts) : NULL;
}

/* ---- import -------------------------------------------------------------- */

void
herald_contact_store_import_free (HeraldContactStoreImport *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->report);
  g_free (self);
}

typedef struct
{
  sqlite3_stmt *find;
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  sqlite3_stmt *member;
  gint64        group_id;
  gint64        now;
  gint64        last_id;   /* the largest row id before the import */
} ImportStatements;

static void
import_statements_clear (ImportStatements *self)
{
  g_clear_pointer (&self->find, sqlite3_finalize);
  g_clear_pointer (&self->insert, sqlite3_finalize);
  g_clear_pointer (&self->update, sqlite3_finalize);
  g_clear_pointer (&self->member, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportStatements, import_statements_clear)

/* The stored contact with what the import brings laid over it: names and
 * e-mail given replace, custom fields are merged key by key. */
static HeraldContact *
merge_contact (sqlite3_stmt  *found,
               HeraldContact *incoming)
{
  HeraldContact *merged = herald_contact_store_contact_from_row (found, 1);

  if (herald_contact_get_first_name (incoming) != NULL)
    herald_contact_set_first_name (merged, herald_contact_get_first_name (incoming));
  if (herald_contact_get_last_name (incoming) != NULL)
    herald_contact_set_last_name (merged, herald_contact_get_last_name (incoming));
  if (herald_contact_get_email (incoming) != NULL)
    herald_contact_set_email (merged, herald_contact_get_email (incoming));
  for (guint i = 0; i < herald_contact_get_n_fields (incoming); i++)
    herald_contact_set_field (merged, herald_contact_get_field_key (incoming, i),
                              herald_contact_get_field_value (incoming, i));
  return merged;
}

/* Whether laying @incoming over the row @found (id, then the columns of
 * HERALD_CONTACT_STORE_COLUMNS) changes nothing, told from
 * the columns as they are, without decoding the fields: the usual case of
 * a file imported again. FALSE when unsure. */
static gboolean
changes_nothing (sqlite3_stmt  *found,
                 HeraldContact *incoming)
{
  const char *values[] = {
    herald_contact_get_first_name (incoming),
    herald_contact_get_last_name (incoming),
    herald_contact_get_email (incoming),
  };
  g_autofree char *fields = herald_contact_store_encode_fields (incoming);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (values[i] != NULL && g_strcmp0 (values[i], herald_database_column_text (found, 2 + (int) i)) != 0)
      return FALSE;
  return fields == NULL || g_strcmp0 (fields, herald_database_column_text (found, 5)) == 0;
}

static gboolean
add_member (HeraldDatabase            *database,
            ImportStatements          *st,
            gint64                     contact_id,
            HeraldContactStoreImport  *import,
            GError                   **error)
{
  const gint64 values[] = { st->group_id, contact_id, st->now };

  if (st->group_id == 0)
    return TRUE;
  if (!herald_database_step_int64s (database, st->member, values, G_N_ELEMENTS (values), error))
    return FALSE;
  import->grouped += (guint) herald_database_changes (database);
  return TRUE;
}

/* Saves one contact: inserted, updated or left. The numbers that were there
 * join the group here; the new ones all at once at the end. */
static gboolean
import_one (HeraldDatabase            *database,
            ImportStatements          *st,
            HeraldContact             *contact,
            HeraldContactStoreImport  *import,
            GError                   **error)
{
  const char *phone = herald_contact_get_phone (contact);
  g_autoptr(HeraldContact) stored = NULL;
  g_autoptr(HeraldContact) merged = NULL;
  int rc;

  /* New numbers are the usual case: tried first, one statement each. */
  sqlite3_reset (st->insert);
  if (!herald_database_bind_text_at (st->insert, 1, phone, error) ||
      !bind_contact (st->insert, contact, st->now, error))
    return FALSE;
  if (herald_database_step (database, st->insert, error) != SQLITE_DONE)
    return FALSE;
  if (herald_database_changes (database) > 0)
    {
      import->added++;
      return TRUE;
    }

  rc = herald_database_step_text (database, st->find, phone, error);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_ERROR)
        g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_QUERY,
                     _("The contact %s could not be saved: it is neither new nor there."), phone);
      return FALSE;
    }

  if (!add_member (database, st, herald_database_column_int64 (st->find, 0), import, error))
    return FALSE;
  if (changes_nothing (st->find, contact))
    {
      import->unchanged++;
      return TRUE;
    }
  stored = herald_contact_store_contact_from_row (st->find, 1);
  merged = merge_contact (st->find, contact);
  if (herald_contact_equal (stored, merged))
    {
      import->unchanged++;
      return TRUE;
    }

  sqlite3_reset (st->update);
  if (!herald_database_bind_int64_at (st->update, 1, herald_database_column_int64 (st->find, 0), error) ||
      !bind_contact (st->update, merged, st->now, error) ||
      !herald_database_bind_text_at (st->update, 8, phone, error) ||
      herald_database_step (database, st->update, error) != SQLITE_DONE)
    return FALSE;
  import->updated++;
  return TRUE;
}

/* The contacts this import created (row ids past the largest before it:
 * SQLite gives a new row the largest id plus one) join the group. */
static gboolean
add_new_members (HeraldDatabase            *database,
                 ImportStatements          *st,
                 HeraldContactStoreImport  *import,
                 GError                   **error)
{
  const gint64 values[] = { st->group_id, st->now, st->last_id };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (st->group_id == 0 || import->added == 0)
    return TRUE;
  stmt = herald_database_prepare (database, "INSERT OR IGNORE INTO contact_group_members (group_id, contact_id, "
                                  "added_at) SELECT ?1, id, ?2 FROM contacts WHERE id > ?3", error);
  if (stmt == NULL || !herald_database_step_int64s (database, stmt, values, G_N_ELEMENTS (values), error))
    return FALSE;
  import->grouped += (guint) herald_database_changes (database);
  return TRUE;
}

static gboolean
largest_id (HeraldDatabase  *database,
            gint64          *id,
            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database, "SELECT coalesce (max (id), 0) FROM contacts",
                                                          error);

  if (stmt == NULL || herald_database_step (database, stmt, error) != SQLITE_ROW)
    return FALSE;
  *id = herald_database_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
save_contacts (HeraldDatabase  *database,
               ContactJob      *job,
               GCancellable    *cancellable,
               GError         **error)
{
  g_auto(ImportStatements) st = { 0 };

  for (guint i = 0; i < job->contacts->len; i++)
    if (refuse_phone (herald_contact_get_phone (job->contacts->pdata[i]), error))
      return FALSE;

  if (!herald_database_begin (database, error))
    return FALSE;
  if (job->group != NULL && !herald_contact_store_find_group (database, job->group, TRUE, &st.group_id, error))
    return FALSE;

  st.now = herald_store_now ();
  if (!largest_id (database, &st.last_id, error))
    return FALSE;
  st.find = herald_database_prepare (database, "SELECT c.id, " HERALD_CONTACT_STORE_COLUMNS
                                     " FROM contacts c WHERE c.phone = ?", error);
  st.insert = st.find != NULL ? herald_database_prepare (database, INSERT_NEW_CONTACT, error) : NULL;
  st.update = st.insert != NULL ? herald_database_prepare (database, UPDATE_CONTACT, error) : NULL;
  st.member = st.update != NULL
              ? herald_database_prepare (database, "INSERT OR IGNORE INTO contact_group_members "
                                         "(group_id, contact_id, added_at) VALUES (?, ?, ?)", error)
              : NULL;
  if (st.member == NULL)
    return FALSE;

  for (guint i = 0; i < job->contacts->len; i++)
    {
      /* Cheap enough every 1,000 rows; a cancelled import is rolled back. */
      if (i % 1000 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!import_one (database, &st, job->contacts->pdata[i], job->import, error))
        return FALSE;
    }
  if (!add_new_members (database, &st, job->import, error))
    return FALSE;

  return herald_database_commit (database, error);
}

/* A large import touches the pages of three indexes all over: with
 * SQLite's default cache (2 MB) it would write and re-read them through the
 * WAL many times before the commit. 64 MB for the import, the default
 * back after it. */
static gboolean
save_contacts_cached (HeraldDatabase  *database,
                      ContactJob      *job,
                      GCancellable    *cancellable,
                      GError         **error)
{
  gboolean saved;

  if (!herald_database_exec (database, "PRAGMA cache_size = -65536", error))
    return FALSE;
  saved = save_contacts (database, job, cancellable, error);
  if (!herald_database_exec (database, "PRAGMA cache_size = -2000", saved ? error : NULL))
    return FALSE;
  return saved;
}

static gboolean
import_contacts_func (HeraldDatabase  *database,
                      gpointer         user_data,
                      GCancellable    *cancellable,
                      GError         **error)
{
  return save_contacts_cached (database, user_data, cancellable, error);
}

/* The file is read inside the database call so that the work stays on one
 * worker thread; the lock is held while it is read, which keeps a second
 * import of the same file from interleaving. */
static gboolean
import_file_func (HeraldDatabase  *database,
                  gpointer         user_data,
                  GCancellable    *cancellable,
                  GError         **error)
{
  ContactJob *job = user_data;
  HeraldContactImportReport *report;

  report = herald_contact_importer_import_path (job->importer, job->path, cancellable, error);
  if (report == NULL)
    return FALSE;
  job->import->report = report;
  job->contacts = herald_contact_import_report_steal_contacts (report);

  return save_contacts_cached (database, job, cancellable, error);
}

/* The job of an import into @group (NULL: none). */
static ContactJob *
import_job_new (const char *group)
{
  ContactJob *job = contact_job_new (NULL, NULL);

  job->group = g_strdup (group);
  job->import = g_new0 (HeraldContactStoreImport, 1);
  return job;
}

void
herald_contact_store_import_file_async (HeraldContactStore    *self,
                                        const char            *path,
                                        HeraldContactImporter *importer,
                                        const char            *group,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data)
{
  ContactJob *job;

  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (HERALD_IS_CONTACT_IMPORTER (importer));

  job = import_job_new (group);
  job->path = g_strdup (path);
  job->importer = g_object_ref (importer);
  run (self, herald_contact_store_import_finish, import_file_func, job, TRUE, cancellable, callback, user_data);
}

void
herald_contact_store_import_contacts_async (HeraldContactStore  *self,
                                            GPtrArray           *contacts,
                                            const char          *group,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  ContactJob *job;

  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));
  g_return_if_fail (contacts != NULL);

  job = import_job_new (group);
  job->contacts = g_ptr_array_new_full (contacts->len, g_object_unref);
  for (guint i = 0; i < contacts->len; i++)
    g_ptr_array_add (job->contacts, copy_contact (contacts->pdata[i]));
  run (self, herald_contact_store_import_finish, import_contacts_func, job, TRUE, cancellable, callback,
       user_data);
}

/**
 * herald_contact_store_import_finish:
 *
 * Returns: (transfer full) (nullable): what was imported, or %NULL with @error
 */
HeraldContactStoreImport *
herald_contact_store_import_finish (HeraldContactStore  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  ContactJob *job = herald_store_job_finish (self, result, herald_contact_store_import_finish, error);

  return job != NULL ? g_steal_pointer (&job->import) : NULL;
}

/* ---- export -------------------------------------------------------------- */

static gboolean
export_func (HeraldDatabase  *database,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  ContactJob *job = user_data;
  g_autoptr(GFileOutputStream) stream = NULL;

  if (!collect_contacts (database, job, cancellable, error))
    return FALSE;

  /* g_file_replace () writes beside the file and renames on close: a
   * failure midway leaves the old file as it was. */
  stream = g_file_replace (job->file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;
  if (!herald_contact_export_csv ((HeraldContact * const *) job->contacts->pdata, job->contacts->len,
                                  G_OUTPUT_STREAM (stream), cancellable, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return FALSE;
    }
  job->count = job->contacts->len;
  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

void
herald_contact_store_export_csv_async (HeraldContactStore  *self,
                                       GFile               *file,
                                       const char          *group,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  ContactJob *job;

  g_return_if_fail (HERALD_IS_CONTACT_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  job = contact_job_new (NULL, NULL);
  job->file = g_object_ref (file);
  job->group = g_strdup (group);
  run (self, herald_contact_store_export_csv_async, export_func, job, FALSE, cancellable, callback, user_data);
}

guint
herald_contact_store_export_csv_finish (HeraldContactStore  *self,
                                        GAsyncResult        *result,
                                        GError             **error)
{
  ContactJob *job = herald_store_job_finish (self, result, herald_contact_store_export_csv_async, error);

  return job != NULL ? job->count : 0;
}
