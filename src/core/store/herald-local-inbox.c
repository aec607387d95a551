/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-local-inbox.h"
#include "herald-database-private.h"
#include "herald-store-job-private.h"
#include "text/herald-optout-keywords.h"
#include "text/herald-phone-number.h"

struct _HeraldLocalInbox
{
  GObject         parent_instance;

  HeraldDatabase *database;
  GStrv           optout_keywords;   /* NULL: the defaults */
};

G_DEFINE_FINAL_TYPE (HeraldLocalInbox, herald_local_inbox, G_TYPE_OBJECT)

static void
herald_local_inbox_dispose (GObject *object)
{
  HeraldLocalInbox *self = (HeraldLocalInbox *) object;

  g_clear_object (&self->database);
  g_clear_pointer (&self->optout_keywords, g_strfreev);

  G_OBJECT_CLASS (herald_local_inbox_parent_class)->dispose (object);
}

static void
herald_local_inbox_class_init (HeraldLocalInboxClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = herald_local_inbox_dispose;
}

static void
herald_local_inbox_init (HeraldLocalInbox *self)
{
}

HeraldLocalInbox *
herald_local_inbox_new (HeraldDatabase *database)
{
  HeraldLocalInbox *self;

  g_return_val_if_fail (HERALD_IS_DATABASE (database), NULL);

  self = g_object_new (HERALD_TYPE_LOCAL_INBOX, NULL);
  self->database = g_object_ref (database);
  return self;
}

void
herald_local_inbox_set_optout_keywords (HeraldLocalInbox   *self,
                                        const char * const *keywords)
{
  g_return_if_fail (HERALD_IS_LOCAL_INBOX (self));

  g_strfreev (self->optout_keywords);
  self->optout_keywords = g_strdupv ((char **) keywords);
}

#define COLUMNS "id, account_id, remote_id, sender, sender_e164, text, received_at, device_id, device_name, " \
                "device_phone, message_type, sim_slot, media_url, stored_at"

static gpointer
message_from_row (sqlite3_stmt *stmt)
{
  HeraldLocalMessage *m = herald_local_message_new ();

  m->id = herald_database_column_int64 (stmt, 0);
  m->account_id = herald_database_dup_column_text (stmt, 1);
  m->remote_id = herald_database_dup_column_text (stmt, 2);
  m->sender = herald_database_dup_column_text (stmt, 3);
  m->sender_e164 = herald_database_dup_column_text (stmt, 4);
  m->text = herald_database_dup_column_text (stmt, 5);
  m->received_at = herald_database_column_int64 (stmt, 6);
  m->device_id = herald_database_dup_column_text (stmt, 7);
  m->device_name = herald_database_dup_column_text (stmt, 8);
  m->device_phone = herald_database_dup_column_text (stmt, 9);
  m->message_type = herald_database_dup_column_text (stmt, 10);
  m->sim_slot = herald_database_column_text (stmt, 11) != NULL ? (int) herald_database_column_int64 (stmt, 11) : -1;
  m->media_url = herald_database_dup_column_text (stmt, 12);
  m->stored_at = herald_database_column_int64 (stmt, 13);
  return m;
}

typedef struct
{
  char      *account_id;
  char      *region;
  char      *sender_e164;
  gint64     since;
  guint      limit;
  GStrv      optout_keywords;
  GPtrArray *messages;   /* in: to store; out: what was stored or listed */
} InboxJob;

static void
inbox_job_free (gpointer data)
{
  InboxJob *job = data;

  g_free (job->account_id);
  g_free (job->region);
  g_free (job->sender_e164);
  g_strfreev (job->optout_keywords);
  g_clear_pointer (&job->messages, g_ptr_array_unref);
  g_free (job);
}

/* ---- adding ---------------------------------------------------------------- */

static gboolean
check_account (HeraldDatabase  *database,
               const char      *account_id,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database, "SELECT 1 FROM accounts WHERE id = ?", error);
  g_autofree char *missing =
    g_strdup_printf (_("The received messages could not be kept: there is no account “%s”."), account_id);

  return stmt != NULL && herald_database_bind_text_at (stmt, 1, account_id, error) &&
         herald_database_step_one (database, stmt, missing, error);
}

static gboolean
bind_message (sqlite3_stmt              *stmt,
              const HeraldLocalMessage  *m,
              const char                *sender_e164,
              GError                   **error)
{
  return herald_database_bind_text_at (stmt, 2, m->remote_id, error) &&
         herald_database_bind_text_at (stmt, 3, m->sender, error) &&
         herald_database_bind_text_at (stmt, 4, sender_e164, error) &&
         herald_database_bind_text_at (stmt, 5, m->text != NULL ? m->text : "", error) &&
         herald_database_bind_int64_at (stmt, 6, m->received_at, error) &&
         herald_database_bind_text_at (stmt, 7, m->device_id, error) &&
         herald_database_bind_text_at (stmt, 8, m->device_name, error) &&
         herald_database_bind_text_at (stmt, 9, m->device_phone, error) &&
         herald_database_bind_text_at (stmt, 10, m->message_type, error) &&
         (m->sim_slot >= 0 ? herald_database_bind_int64_at (stmt, 11, m->sim_slot, error)
                           : herald_database_bind_text_at (stmt, 11, NULL, error)) &&
         herald_database_bind_text_at (stmt, 12, m->media_url, error);
}

/* A new message that is an opt-out keyword adds its sender, in the same
 * transaction as the message: a STOP is never stored without its effect. */
static gboolean
add_optouts (HeraldDatabase  *database,
             const InboxJob  *job,
             GPtrArray       *stored,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;

  for (guint i = 0; i < stored->len; i++)
    {
      const HeraldLocalMessage *m = stored->pdata[i];
      const char *keyword;

      if (m->sender_e164 == NULL)
        continue;
      keyword = herald_optout_match_keyword (m->text, (const char * const *) job->optout_keywords);
      if (keyword == NULL)
        continue;
      if (insert == NULL)
        {
          insert = herald_database_prepare (database,
                                            "INSERT OR IGNORE INTO optouts (phone, source, account_id, detail, "
                                            "added_at) VALUES (?1, 'keyword', ?2, ?3, ?4)", error);
          if (insert == NULL)
            return FALSE;
        }
      sqlite3_reset (insert);
      if (!herald_database_bind_text_at (insert, 1, m->sender_e164, error) ||
          !herald_database_bind_text_at (insert, 2, job->account_id, error) ||
          !herald_database_bind_text_at (insert, 3, keyword, error) ||
          !herald_database_bind_int64_at (insert, 4, m->stored_at, error) ||
          herald_database_step (database, insert, error) == SQLITE_ERROR)
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_func (HeraldDatabase  *database,
          gpointer         user_data,
          GCancellable    *cancellable,
          GError         **error)
{
  InboxJob *job = user_data;
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_local_message_unref);
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 now = herald_store_now ();

  for (guint i = 0; i < job->messages->len; i++)
    {
      const HeraldLocalMessage *m = job->messages->pdata[i];

      if (m->remote_id == NULL || *m->remote_id == '\0' || m->sender == NULL)
        {
          g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID,
                       _("A received message needs its id and its sender; nothing was kept."));
          return FALSE;
        }
    }

  if (!herald_database_begin (database, error) || !check_account (database, job->account_id, error))
    return FALSE;
  insert = herald_database_prepare (database,
                                    "INSERT INTO inbox_messages (account_id, remote_id, sender, sender_e164, text, "
                                    "received_at, device_id, device_name, device_phone, message_type, sim_slot, "
                                    "media_url, stored_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                                    "?12, ?13) ON CONFLICT (account_id, remote_id) DO NOTHING RETURNING " COLUMNS,
                                    error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < job->messages->len; i++)
    {
      const HeraldLocalMessage *m = job->messages->pdata[i];
      g_autoptr(HeraldPhoneNumber) number = herald_phone_number_parse (m->sender, job->region,
                                                                       HERALD_PHONE_NUMBER_FLAGS_NONE, NULL);
      int rc;

      sqlite3_reset (insert);
      if (!herald_database_bind_text_at (insert, 1, job->account_id, error) ||
          !bind_message (insert, m, number != NULL ? herald_phone_number_get_e164 (number) : NULL, error) ||
          !herald_database_bind_int64_at (insert, 13, now, error))
        return FALSE;
      rc = herald_database_step (database, insert, error);
      if (rc == SQLITE_ERROR)
        return FALSE;
      if (rc == SQLITE_ROW)
        g_ptr_array_add (stored, message_from_row (insert));
    }
  sqlite3_reset (insert);

  if (!add_optouts (database, job, stored, error) || !herald_database_commit (database, error))
    return FALSE;
  g_ptr_array_unref (job->messages);
  job->messages = g_steal_pointer (&stored);
  return TRUE;
}

void
herald_local_inbox_add_async (HeraldLocalInbox    *self,
                              const char          *account_id,
                              const char          *region,
                              GPtrArray           *messages,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  InboxJob *job;

  g_return_if_fail (HERALD_IS_LOCAL_INBOX (self));
  g_return_if_fail (account_id != NULL);
  g_return_if_fail (messages != NULL);

  job = g_new0 (InboxJob, 1);
  job->account_id = g_strdup (account_id);
  job->region = g_strdup (region);
  job->optout_keywords = g_strdupv (self->optout_keywords);
  /* The values are read on the worker: held, never changed meanwhile. */
  job->messages = g_ptr_array_new_full (messages->len, (GDestroyNotify) herald_local_message_unref);
  for (guint i = 0; i < messages->len; i++)
    g_ptr_array_add (job->messages, herald_local_message_ref (messages->pdata[i]));
  herald_store_job_run (self->database, self, herald_local_inbox_add_async, add_func, job, inbox_job_free, NULL,
                        cancellable, callback, user_data);
}

/**
 * herald_local_inbox_add_finish:
 *
 * Returns: (element-type HeraldLocalMessage) (transfer full) (nullable)
 */
GPtrArray *
herald_local_inbox_add_finish (HeraldLocalInbox  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  InboxJob *job = herald_store_job_finish (self, result, herald_local_inbox_add_async, error);

  return job != NULL ? g_steal_pointer (&job->messages) : NULL;
}

/* ---- listing --------------------------------------------------------------- */

static gboolean
list_func (HeraldDatabase  *database,
           gpointer         user_data,
           GCancellable    *cancellable,
           GError         **error)
{
  InboxJob *job = user_data;
  g_autoptr(GString) sql = g_string_new ("SELECT " COLUMNS " FROM inbox_messages WHERE received_at >= :since");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (job->account_id != NULL)
    g_string_append (sql, " AND account_id = :account");
  if (job->sender_e164 != NULL)
    g_string_append (sql, " AND sender_e164 = :sender");
  g_string_append (sql, " ORDER BY received_at DESC, id DESC LIMIT :limit");

  stmt = herald_database_prepare (database, sql->str, error);
  if (stmt == NULL ||
      !herald_database_bind_int64 (stmt, ":since", job->since, error) ||
      !herald_database_bind_text (stmt, ":account", job->account_id, error) ||
      !herald_database_bind_text (stmt, ":sender", job->sender_e164, error) ||
      !herald_database_bind_int64 (stmt, ":limit", job->limit != 0 ? (gint64) job->limit : -1, error))
    return FALSE;

  job->messages = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_local_message_unref);
  return herald_database_read_rows (database, stmt, message_from_row, job->messages, error);
}

void
herald_local_inbox_list_async (HeraldLocalInbox    *self,
                               const char          *account_id,
                               const char          *sender_e164,
                               gint64               since,
                               guint                limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  InboxJob *job;

  g_return_if_fail (HERALD_IS_LOCAL_INBOX (self));

  job = g_new0 (InboxJob, 1);
  job->account_id = g_strdup (account_id);
  job->sender_e164 = g_strdup (sender_e164);
  job->since = since;
  job->limit = limit;
  herald_store_job_run (self->database, self, herald_local_inbox_list_async, list_func, job, inbox_job_free, NULL,
                        cancellable, callback, user_data);
}

/**
 * herald_local_inbox_list_finish:
 *
 * Returns: (element-type HeraldLocalMessage) (transfer full) (nullable)
 */
GPtrArray *
herald_local_inbox_list_finish (HeraldLocalInbox  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  InboxJob *job = herald_store_job_finish (self, result, herald_local_inbox_list_async, error);

  return job != NULL ? g_steal_pointer (&job->messages) : NULL;
}
