/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "herald-campaign-store.h"
#include "herald-database-private.h"

/* ---- the words of the state columns ------------------------------------- */

static const char * const campaign_states[] = {
  "draft", "scheduled", "running", "paused", "cancelled", "finished",
};

static const char * const recipient_states[] = {
  "pending", "submitting", "accepted", "sent", "delivered", "failed", "unknown", "skipped",
};

static const char * const request_states[] = {
  "submitting", "answered", "not-sent", "refused", "unknown", "reconciled",
};

G_STATIC_ASSERT (G_N_ELEMENTS (recipient_states) == HERALD_RECIPIENT_N_STATES);

static int
word_index (const char * const *words,
            guint               n_words,
            const char         *text)
{
  for (guint i = 0; text != NULL && i < n_words; i++)
    if (g_str_equal (words[i], text))
      return (int) i;
  return -1;
}

#define WORD_AT(words, i) ((guint) (i) < G_N_ELEMENTS (words) ? (words)[i] : NULL)

const char *
herald_campaign_state_to_string (HeraldCampaignState state)
{
  return WORD_AT (campaign_states, state);
}

gboolean
herald_campaign_state_from_string (const char          *text,
                                   HeraldCampaignState *state)
{
  int i = word_index (campaign_states, G_N_ELEMENTS (campaign_states), text);

  if (i >= 0)
    *state = (HeraldCampaignState) i;
  return i >= 0;
}

const char *
herald_recipient_state_to_string (HeraldRecipientState state)
{
  return WORD_AT (recipient_states, state);
}

gboolean
herald_recipient_state_from_string (const char           *text,
                                    HeraldRecipientState *state)
{
  int i = word_index (recipient_states, G_N_ELEMENTS (recipient_states), text);

  if (i >= 0)
    *state = (HeraldRecipientState) i;
  return i >= 0;
}

const char *
herald_request_state_to_string (HeraldRequestState state)
{
  return WORD_AT (request_states, state);
}

/* ---- rows ------------------------------------------------------------------ */

void
herald_campaign_record_free (HeraldCampaignRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->name);
  g_free (record->account_id);
  g_free (record->sender_id);
  g_free (record->text);
  g_free (record->template_name);
  g_free (record->pause_reason);
  g_free (record->lease_host);
  g_free (record);
}

void
herald_campaign_recipient_free (HeraldCampaignRecipient *recipient)
{
  if (recipient == NULL)
    return;
  g_free (recipient->phone);
  g_free (recipient->variables);
  g_free (recipient->text);
  g_free (recipient->message_id);
  g_free (recipient->error);
  g_free (recipient);
}

void
herald_campaign_request_free (HeraldCampaignRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->tag);
  g_free (request);
}

gint64
herald_campaign_store_now (void)
{
  return g_get_real_time ();
}

/* Binds and runs a statement that returns no row. */
static gboolean
step_done (HeraldDatabase  *db,
           sqlite3_stmt    *stmt,
           GError         **error)
{
  return herald_database_step (db, stmt, error) == SQLITE_DONE;
}

/* NULL for a value below zero: "not said". */
static gboolean
bind_optional_int64 (sqlite3_stmt  *stmt,
                     const char    *name,
                     gint64         value,
                     GError       **error)
{
  int position = sqlite3_bind_parameter_index (stmt, name);

  if (position == 0)
    return TRUE;
  if (value < 0)
    return herald_database_check_bind (sqlite3_bind_null (stmt, position), error);
  return herald_database_bind_int64_at (stmt, position, value, error);
}

/* ---- campaigns ------------------------------------------------------------- */

static const char campaign_columns[] =
  "id, name, account_id, sender_id, text, template_name, schedule_at, window_start, window_end, "
  "state, pause_reason, credits_needed, n_duplicates, lease_pid, lease_host, lease_expires, "
  "created_at, updated_at";

static gpointer
record_from_row (sqlite3_stmt *stmt)
{
  HeraldCampaignRecord *record = g_new0 (HeraldCampaignRecord, 1);

  record->id = herald_database_column_int64 (stmt, 0);
  record->name = herald_database_dup_column_text (stmt, 1);
  record->account_id = herald_database_dup_column_text (stmt, 2);
  record->sender_id = herald_database_dup_column_text (stmt, 3);
  record->text = herald_database_dup_column_text (stmt, 4);
  record->template_name = herald_database_dup_column_text (stmt, 5);
  record->schedule_at = herald_database_column_int64 (stmt, 6);
  record->window_start = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : (int) herald_database_column_int64 (stmt, 7);
  record->window_end = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? -1 : (int) herald_database_column_int64 (stmt, 8);
  if (!herald_campaign_state_from_string (herald_database_column_text (stmt, 9), &record->state))
    record->state = HERALD_CAMPAIGN_PAUSED;
  record->pause_reason = herald_database_dup_column_text (stmt, 10);
  record->credits_needed = sqlite3_column_type (stmt, 11) == SQLITE_NULL ? -1 : herald_database_column_int64 (stmt, 11);
  record->n_duplicates = (guint) herald_database_column_int64 (stmt, 12);
  record->lease_pid = herald_database_column_int64 (stmt, 13);
  record->lease_host = herald_database_dup_column_text (stmt, 14);
  record->lease_expires = herald_database_column_int64 (stmt, 15);
  record->created_at = herald_database_column_int64 (stmt, 16);
  record->updated_at = herald_database_column_int64 (stmt, 17);

  return record;
}

static gboolean
insert_recipients (HeraldDatabase                   *db,
                   gint64                            campaign_id,
                   const HeraldCampaignNewRecipient *recipients,
                   guint                             n_recipients,
                   gint64                            now,
                   GError                          **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db,
    "INSERT INTO campaign_recipients (campaign_id, phone, variables, text, state, error, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_recipients; i++)
    {
      const HeraldCampaignNewRecipient *r = &recipients[i];

      sqlite3_reset (stmt);
      if (!herald_database_bind_int64_at (stmt, 1, campaign_id, error) ||
          !herald_database_bind_text_at (stmt, 2, r->phone, error) ||
          !herald_database_bind_text_at (stmt, 3, r->variables, error) ||
          !herald_database_bind_text_at (stmt, 4, r->text, error) ||
          !herald_database_bind_text_at (stmt, 5, herald_recipient_state_to_string (r->state), error) ||
          !herald_database_bind_text_at (stmt, 6, r->error, error) ||
          !herald_database_bind_int64_at (stmt, 7, now, error) ||
          !step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_rejects (HeraldDatabase              *db,
                gint64                       campaign_id,
                const HeraldCampaignReject  *rejects,
                guint                        n_rejects,
                GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db,
    "INSERT INTO campaign_rejects (campaign_id, input, reason) VALUES (?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_rejects; i++)
    {
      sqlite3_reset (stmt);
      if (!herald_database_bind_int64_at (stmt, 1, campaign_id, error) ||
          !herald_database_bind_text_at (stmt, 2, rejects[i].input, error) ||
          !herald_database_bind_text_at (stmt, 3, rejects[i].reason, error) ||
          !step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
herald_campaign_store_insert (HeraldDatabase                   *db,
                              const HeraldCampaignRecord       *record,
                              const HeraldCampaignNewRecipient *recipients,
                              guint                             n_recipients,
                              const HeraldCampaignReject       *rejects,
                              guint                             n_rejects,
                              gint64                           *id,
                              GError                          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = herald_campaign_store_now ();

  stmt = herald_database_prepare (db,
    "INSERT INTO campaigns (name, account_id, sender_id, text, template_name, schedule_at, "
    "window_start, window_end, state, n_duplicates, created_at, updated_at) "
    "VALUES (:name, :account, :sender, :text, :template, :schedule, :wstart, :wend, :state, "
    ":duplicates, :now, :now)", error);
  if (stmt == NULL ||
      !herald_database_bind_text (stmt, ":name", record->name, error) ||
      !herald_database_bind_text (stmt, ":account", record->account_id, error) ||
      !herald_database_bind_text (stmt, ":sender", record->sender_id, error) ||
      !herald_database_bind_text (stmt, ":text", record->text, error) ||
      !herald_database_bind_text (stmt, ":template", record->template_name, error) ||
      !bind_optional_int64 (stmt, ":schedule", record->schedule_at > 0 ? record->schedule_at : -1, error) ||
      !bind_optional_int64 (stmt, ":wstart", record->window_start, error) ||
      !bind_optional_int64 (stmt, ":wend", record->window_end, error) ||
      !herald_database_bind_text (stmt, ":state", herald_campaign_state_to_string (record->state), error) ||
      !herald_database_bind_int64 (stmt, ":duplicates", record->n_duplicates, error) ||
      !herald_database_bind_int64 (stmt, ":now", now, error) ||
      !step_done (db, stmt, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));

  return insert_recipients (db, *id, recipients, n_recipients, now, error) &&
         insert_rejects (db, *id, rejects, n_rejects, error);
}

HeraldCampaignRecord *
herald_campaign_store_get (HeraldDatabase  *db,
                           gint64           id,
                           GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM campaigns WHERE id = ?", campaign_columns);
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL || !herald_database_bind_int64_at (stmt, 1, id, error))
    return NULL;

  rc = herald_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return record_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND,
                 _("There is no campaign %" G_GINT64_FORMAT "; “heraldctl campaign list” shows them."), id);
  return NULL;
}

GPtrArray *
herald_campaign_store_list (HeraldDatabase  *db,
                            GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM campaigns ORDER BY id", campaign_columns);
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db, sql, error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_campaign_record_free);

  if (stmt == NULL || !herald_database_read_rows (db, stmt, record_from_row, records, error))
    return NULL;
  return g_steal_pointer (&records);
}

gboolean
herald_campaign_store_set_state (HeraldDatabase       *db,
                                 gint64                id,
                                 HeraldCampaignState   state,
                                 const char           *pause_reason,
                                 gint64                credits_needed,
                                 GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db,
    "UPDATE campaigns SET state = :state, pause_reason = :reason, credits_needed = :credits, "
    "updated_at = :now WHERE id = :id", error);

  return stmt != NULL &&
         herald_database_bind_text (stmt, ":state", herald_campaign_state_to_string (state), error) &&
         herald_database_bind_text (stmt, ":reason", pause_reason, error) &&
         bind_optional_int64 (stmt, ":credits", credits_needed, error) &&
         herald_database_bind_int64 (stmt, ":now", herald_campaign_store_now (), error) &&
         herald_database_bind_int64 (stmt, ":id", id, error) &&
         step_done (db, stmt, error);
}

gboolean
herald_campaign_store_set_lease (HeraldDatabase  *db,
                                 gint64           id,
                                 gint64           pid,
                                 const char      *host,
                                 gint64           expires,
                                 GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db,
    "UPDATE campaigns SET lease_pid = :pid, lease_host = :host, lease_expires = :expires WHERE id = :id",
    error);

  return stmt != NULL &&
         bind_optional_int64 (stmt, ":pid", pid > 0 ? pid : -1, error) &&
         herald_database_bind_text (stmt, ":host", pid > 0 ? host : NULL, error) &&
         bind_optional_int64 (stmt, ":expires", pid > 0 ? expires : -1, error) &&
         herald_database_bind_int64 (stmt, ":id", id, error) &&
         step_done (db, stmt, error);
}

/* ---- recipients and requests ----------------------------------------------- */

static const char recipient_columns[] =
  "id, phone, variables, text, state, message_id, request_id, error, attempts";

static gpointer
recipient_from_row (sqlite3_stmt *stmt)
{
  HeraldCampaignRecipient *r = g_new0 (HeraldCampaignRecipient, 1);

  r->id = herald_database_column_int64 (stmt, 0);
  r->phone = herald_database_dup_column_text (stmt, 1);
  r->variables = herald_database_dup_column_text (stmt, 2);
  r->text = herald_database_dup_column_text (stmt, 3);
  if (!herald_recipient_state_from_string (herald_database_column_text (stmt, 4), &r->state))
    r->state = HERALD_RECIPIENT_STATE_UNKNOWN;
  r->message_id = herald_database_dup_column_text (stmt, 5);
  r->request_id = herald_database_column_int64 (stmt, 6);
  r->error = herald_database_dup_column_text (stmt, 7);
  r->attempts = (guint) herald_database_column_int64 (stmt, 8);

  return r;
}

/* Runs @sql (with @recipient_columns as its %s) binding @a and @b (when
 * it has a second parameter) and collects the recipients. */
static GPtrArray *
select_recipients (HeraldDatabase  *db,
                   const char      *sql_format,
                   gint64           a,
                   gint64           b,
                   gint64           c,
                   GError         **error)
{
  g_autofree char *sql = g_strdup_printf (sql_format, recipient_columns);
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db, sql, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_campaign_recipient_free);
  int n_params;

  if (stmt == NULL)
    return NULL;
  n_params = sqlite3_bind_parameter_count (stmt);
  if (!herald_database_bind_int64_at (stmt, 1, a, error) ||
      (n_params >= 2 && !herald_database_bind_int64_at (stmt, 2, b, error)) ||
      (n_params >= 3 && !herald_database_bind_int64_at (stmt, 3, c, error)))
    return NULL;

  if (!herald_database_read_rows (db, stmt, recipient_from_row, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
}

GPtrArray *
herald_campaign_store_next_batch (HeraldDatabase  *db,
                                  gint64           campaign_id,
                                  guint            max,
                                  GError         **error)
{
  return select_recipients (db,
    "SELECT %s FROM campaign_recipients WHERE campaign_id = ?1 AND state = 'pending' AND text = "
    "(SELECT text FROM campaign_recipients WHERE campaign_id = ?1 AND state = 'pending' ORDER BY id LIMIT 1) "
    "ORDER BY id LIMIT ?2", campaign_id, MAX (max, 1), 0, error);
}

gboolean
herald_campaign_store_begin_request (HeraldDatabase  *db,
                                     gint64           campaign_id,
                                     const char      *tag,
                                     const gint64    *row_ids,
                                     guint            n_rows,
                                     gint64          *request_id,
                                     GError         **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  gint64 now = herald_campaign_store_now ();

  insert = herald_database_prepare (db,
    "INSERT INTO campaign_requests (campaign_id, tag, state, n_rows, created_at) "
    "VALUES (?, ?, 'submitting', ?, ?)", error);
  if (insert == NULL ||
      !herald_database_bind_int64_at (insert, 1, campaign_id, error) ||
      !herald_database_bind_text_at (insert, 2, tag, error) ||
      !herald_database_bind_int64_at (insert, 3, n_rows, error) ||
      !herald_database_bind_int64_at (insert, 4, now, error) ||
      !step_done (db, insert, error))
    return FALSE;
  *request_id = sqlite3_last_insert_rowid (sqlite3_db_handle (insert));

  update = herald_database_prepare (db,
    "UPDATE campaign_recipients SET state = 'submitting', request_id = ?, attempts = attempts + 1, "
    "error = NULL, updated_at = ? WHERE id = ? AND state = 'pending'", error);
  if (update == NULL)
    return FALSE;

  for (guint i = 0; i < n_rows; i++)
    {
      sqlite3_reset (update);
      if (!herald_database_bind_int64_at (update, 1, *request_id, error) ||
          !herald_database_bind_int64_at (update, 2, now, error) ||
          !herald_database_bind_int64_at (update, 3, row_ids[i], error) ||
          !step_done (db, update, error))
        return FALSE;
      if (herald_database_changes (db) != 1)
        {
          /* Another process moved it meanwhile: never send what is not ours. */
          g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_BUSY,
                       _("A recipient of this campaign was changed by another Herald process; "
                         "the campaign stopped so that nobody gets the message twice."));
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
herald_campaign_store_set_request_state (HeraldDatabase      *db,
                                         gint64               request_id,
                                         HeraldRequestState   state,
                                         const char          *error_text,
                                         GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db,
    "UPDATE campaign_requests SET state = ?, error = ?, answered_at = ? WHERE id = ?", error);

  return stmt != NULL &&
         herald_database_bind_text_at (stmt, 1, herald_request_state_to_string (state), error) &&
         herald_database_bind_text_at (stmt, 2, error_text, error) &&
         herald_database_bind_int64_at (stmt, 3, herald_campaign_store_now (), error) &&
         herald_database_bind_int64_at (stmt, 4, request_id, error) &&
         step_done (db, stmt, error);
}

gboolean
herald_campaign_store_set_recipient (HeraldDatabase        *db,
                                     gint64                 row_id,
                                     HeraldRecipientState   state,
                                     const char            *message_id,
                                     const char            *error_text,
                                     GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db,
    "UPDATE campaign_recipients SET state = ?, message_id = ?, error = ?, updated_at = ? WHERE id = ?",
    error);

  return stmt != NULL &&
         herald_database_bind_text_at (stmt, 1, herald_recipient_state_to_string (state), error) &&
         herald_database_bind_text_at (stmt, 2, message_id, error) &&
         herald_database_bind_text_at (stmt, 3, error_text, error) &&
         herald_database_bind_int64_at (stmt, 4, herald_campaign_store_now (), error) &&
         herald_database_bind_int64_at (stmt, 5, row_id, error) &&
         step_done (db, stmt, error);
}

gboolean
herald_campaign_store_settle_request_rows (HeraldDatabase        *db,
                                           gint64                 request_id,
                                           HeraldRecipientState   state,
                                           const char            *message_id,
                                           const char            *error_text,
                                           GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db,
    "UPDATE campaign_recipients SET state = ?, error = ?, updated_at = ?, "
    "message_id = coalesce(?, message_id) WHERE request_id = ? AND state = 'submitting'", error);

  return stmt != NULL &&
         herald_database_bind_text_at (stmt, 1, herald_recipient_state_to_string (state), error) &&
         herald_database_bind_text_at (stmt, 2, error_text, error) &&
         herald_database_bind_int64_at (stmt, 3, herald_campaign_store_now (), error) &&
         herald_database_bind_text_at (stmt, 4, message_id, error) &&
         herald_database_bind_int64_at (stmt, 5, request_id, error) &&
         step_done (db, stmt, error);
}

static gpointer
request_from_row (sqlite3_stmt *stmt)
{
  HeraldCampaignRequest *request = g_new0 (HeraldCampaignRequest, 1);

  request->id = herald_database_column_int64 (stmt, 0);
  request->tag = herald_database_dup_column_text (stmt, 1);
  request->created_at = herald_database_column_int64 (stmt, 2);
  return request;
}

GPtrArray *
herald_campaign_store_open_requests (HeraldDatabase  *db,
                                     gint64           campaign_id,
                                     GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db,
    "SELECT id, tag, created_at FROM campaign_requests WHERE campaign_id = ? AND state = 'submitting' "
    "ORDER BY id", error);
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_campaign_request_free);

  if (stmt == NULL || !herald_database_bind_int64_at (stmt, 1, campaign_id, error) ||
      !herald_database_read_rows (db, stmt, request_from_row, requests, error))
    return NULL;
  return g_steal_pointer (&requests);
}

GPtrArray *
herald_campaign_store_request_rows (HeraldDatabase  *db,
                                    gint64           request_id,
                                    GError         **error)
{
  return select_recipients (db, "SELECT %s FROM campaign_recipients WHERE request_id = ? ORDER BY id",
                            request_id, 0, 0, error);
}

gboolean
herald_campaign_store_count (HeraldDatabase  *db,
                             gint64           campaign_id,
                             guint           *counts,
                             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db,
    "SELECT state, count(*) FROM campaign_recipients WHERE campaign_id = ? GROUP BY state", error);
  int rc;

  memset (counts, 0, sizeof (guint) * HERALD_RECIPIENT_N_STATES);
  if (stmt == NULL || !herald_database_bind_int64_at (stmt, 1, campaign_id, error))
    return FALSE;

  while ((rc = herald_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      HeraldRecipientState state;

      if (herald_recipient_state_from_string (herald_database_column_text (stmt, 0), &state))
        counts[state] = (guint) herald_database_column_int64 (stmt, 1);
    }

  return rc == SQLITE_DONE;
}

GPtrArray *
herald_campaign_store_recipients (HeraldDatabase  *db,
                                  gint64           campaign_id,
                                  guint            offset,
                                  guint            limit,
                                  GError         **error)
{
  return select_recipients (db,
    "SELECT %s FROM campaign_recipients WHERE campaign_id = ? ORDER BY id LIMIT ? OFFSET ?",
    campaign_id, limit > 0 ? (gint64) limit : -1, offset, error);
}

GPtrArray *
herald_campaign_store_rejects (HeraldDatabase  *db,
                               gint64           campaign_id,
                               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db,
    "SELECT input, reason FROM campaign_rejects WHERE campaign_id = ? ORDER BY id", error);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL || !herald_database_bind_int64_at (stmt, 1, campaign_id, error))
    return NULL;

  while ((rc = herald_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_ptr_array_add (pairs, herald_database_dup_column_text (stmt, 0));
      g_ptr_array_add (pairs, herald_database_dup_column_text (stmt, 1));
    }

  return rc == SQLITE_DONE ? g_steal_pointer (&pairs) : NULL;
}

gboolean
herald_campaign_store_retry_unknown (HeraldDatabase  *db,
                                     gint64           campaign_id,
                                     guint           *n_changed,
                                     GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db,
    "UPDATE campaign_recipients SET state = 'pending', updated_at = ? "
    "WHERE campaign_id = ? AND state = 'unknown'", error);

  if (stmt == NULL ||
      !herald_database_bind_int64_at (stmt, 1, herald_campaign_store_now (), error) ||
      !herald_database_bind_int64_at (stmt, 2, campaign_id, error) ||
      !step_done (db, stmt, error))
    return FALSE;

  *n_changed = (guint) herald_database_changes (db);
  return TRUE;
}

/* ---- after sending: delivery, replies, opt-outs ---------------------------------- */

/* The message log's word for a message → the campaign row's state; only
 * moves forward (accepted → sent → delivered | failed). */
static gboolean
delivery_moves_on (HeraldRecipientState  from,
                   const char           *log_state,
                   HeraldRecipientState *to)
{
  if (g_strcmp0 (log_state, "sent") == 0)
    *to = HERALD_RECIPIENT_STATE_SENT;
  else if (g_strcmp0 (log_state, "delivered") == 0)
    *to = HERALD_RECIPIENT_STATE_DELIVERED;
  else if (g_strcmp0 (log_state, "failed") == 0)
    *to = HERALD_RECIPIENT_STATE_FAILED;
  else
    return FALSE;
  /* sent → sent is no move; delivered and failed rows are never read. */
  return *to != from;
}

typedef struct
{
  gint64                id;
  char                 *message_id;
  char                 *phone;
  HeraldRecipientState  state;
  gint64                sent_at;
} TrackedRow;

static void
tracked_row_clear (gpointer data)
{
  TrackedRow *row = data;

  g_free (row->message_id);
  g_free (row->phone);
}

gboolean
herald_campaign_store_sync_delivery (HeraldDatabase  *db,
                                     gint64           campaign_id,
                                     gint64           since,
                                     guint           *n_changed,
                                     guint           *n_open,
                                     GError         **error)
{
  g_autoptr(HeraldCampaignRecord) record = NULL;
  g_autoptr(sqlite3_stmt) rows_stmt = NULL;
  g_autoptr(sqlite3_stmt) log_stmt = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (TrackedRow));
  g_autoptr(GHashTable) by_id_phone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gint64 oldest = G_MAXINT64;
  gint64 now = herald_campaign_store_now ();
  int rc;

  *n_changed = 0;
  *n_open = 0;
  g_array_set_clear_func (rows, tracked_row_clear);

  record = herald_campaign_store_get (db, campaign_id, error);
  if (record == NULL)
    return FALSE;

  /* The rows the provider may still move on, with the time their request
   * left (or their own last change, for a row without one). */
  rows_stmt = herald_database_prepare (db,
    "SELECT r.id, r.message_id, r.phone, r.state, coalesce (q.created_at, r.updated_at) "
    "FROM campaign_recipients r LEFT JOIN campaign_requests q ON q.id = r.request_id "
    "WHERE r.campaign_id = ? AND r.state IN ('accepted', 'sent') AND r.message_id IS NOT NULL", error);
  if (rows_stmt == NULL || !herald_database_bind_int64_at (rows_stmt, 1, campaign_id, error))
    /* NOLINTNEXTLINE(clang-analyzer-unix.Malloc): g_autoptr frees it; the analyzer loses it here */
    return FALSE;
  while ((rc = herald_database_step (db, rows_stmt, error)) == SQLITE_ROW)
    {
      TrackedRow row = { 0 };

      row.id = herald_database_column_int64 (rows_stmt, 0);
      row.message_id = herald_database_dup_column_text (rows_stmt, 1);
      row.phone = herald_database_dup_column_text (rows_stmt, 2);
      if (!herald_recipient_state_from_string (herald_database_column_text (rows_stmt, 3), &row.state))
        row.state = HERALD_RECIPIENT_STATE_ACCEPTED;
      row.sent_at = herald_database_column_int64 (rows_stmt, 4);
      oldest = MIN (oldest, row.sent_at);
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  if (rows->len == 0)
    return TRUE;

  /* What the message log holds for the account since then (its rows are
   * written after the request, so a minute's margin is plenty). One pass
   * over the log, through its (account, time) index. */
  log_stmt = herald_database_prepare (db,
    "SELECT message_id, recipient, state FROM sent_messages "
    "WHERE account_id = ? AND sent_at >= ? AND message_id IS NOT NULL", error);
  if (log_stmt == NULL ||
      !herald_database_bind_text_at (log_stmt, 1, record->account_id, error) ||
      !herald_database_bind_int64_at (log_stmt, 2, oldest - (gint64) 60 * G_USEC_PER_SEC, error))
    return FALSE;
  while ((rc = herald_database_step (db, log_stmt, error)) == SQLITE_ROW)
    {
      const char *message_id = herald_database_column_text (log_stmt, 0);
      const char *recipient = herald_database_column_text (log_stmt, 1);
      const char *state = herald_database_column_text (log_stmt, 2);

      g_hash_table_replace (by_id_phone, g_strconcat (message_id, "\n", recipient, NULL), g_strdup (state));
      g_hash_table_replace (by_id, g_strdup (message_id), g_strdup (state));
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      TrackedRow *row = &g_array_index (rows, TrackedRow, i);
      g_autofree char *key = g_strconcat (row->message_id, "\n", row->phone, NULL);
      const char *log_state = g_hash_table_lookup (by_id_phone, key);
      HeraldRecipientState to;

      /* A message with several recipients in one row of its own each; a
       * message of one recipient whose number the log spells otherwise. */
      if (log_state == NULL)
        log_state = g_hash_table_lookup (by_id, row->message_id);

      if (delivery_moves_on (row->state, log_state, &to))
        {
          g_autoptr(sqlite3_stmt) update = herald_database_prepare (db,
            "UPDATE campaign_recipients SET state = ?, updated_at = ? WHERE id = ?", error);

          if (update == NULL ||
              !herald_database_bind_text_at (update, 1, herald_recipient_state_to_string (to), error) ||
              !herald_database_bind_int64_at (update, 2, now, error) ||
              !herald_database_bind_int64_at (update, 3, row->id, error) ||
              !step_done (db, update, error))
            return FALSE;
          (*n_changed)++;
          row->state = to;
        }

      if ((row->state == HERALD_RECIPIENT_STATE_ACCEPTED || row->state == HERALD_RECIPIENT_STATE_SENT) &&
          row->sent_at >= since)
        (*n_open)++;
    }

  return TRUE;
}

/* The rows of a campaign that texted a number (whatever came of it after). */
#define TEXTED_STATES "('accepted', 'sent', 'delivered', 'unknown')"

/* Counts what came from the campaign's recipients within @window usec of
 * their request, when no later campaign texted them before it came.
 * @from_sql selects (phone, at) pairs. */
static gboolean
count_linked (HeraldDatabase  *db,
              gint64           campaign_id,
              gint64           window,
              const char      *from_sql,
              guint           *count,
              GError         **error)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT count(*) FROM campaign_recipients r "
    "JOIN campaign_requests q ON q.id = r.request_id "
    "JOIN (%s) x ON x.phone = r.phone AND x.at >= q.created_at AND x.at <= q.created_at + ?2 "
    "WHERE r.campaign_id = ?1 AND r.state IN " TEXTED_STATES " "
    "AND NOT EXISTS (SELECT 1 FROM campaigns c2 CROSS JOIN campaign_recipients r2 "
    "                JOIN campaign_requests q2 ON q2.id = r2.request_id "
    "                WHERE r2.campaign_id = c2.id AND r2.phone = r.phone AND c2.id != ?1 "
    "                AND r2.state IN " TEXTED_STATES " "
    "                AND q2.created_at > q.created_at AND q2.created_at <= x.at)",
    from_sql);
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db, sql, error);

  if (stmt == NULL ||
      !herald_database_bind_int64_at (stmt, 1, campaign_id, error) ||
      !herald_database_bind_int64_at (stmt, 2, window, error) ||
      herald_database_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *count = (guint) herald_database_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
herald_campaign_store_count_replies (HeraldDatabase  *db,
                                     gint64           campaign_id,
                                     gint64           window,
                                     guint           *replies,
                                     guint           *optouts,
                                     GError         **error)
{
  return count_linked (db, campaign_id, window,
                       "SELECT sender_e164 AS phone, received_at AS at FROM inbox_messages "
                       "WHERE sender_e164 IS NOT NULL", replies, error) &&
         count_linked (db, campaign_id, window,
                       "SELECT phone, added_at AS at FROM optouts WHERE source = 'keyword'", optouts, error);
}

gboolean
herald_campaign_store_campaign_for_reply (HeraldDatabase  *db,
                                          const char      *phone,
                                          gint64           at,
                                          gint64           window,
                                          gint64          *campaign_id,
                                          GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db,
    "SELECT r.campaign_id FROM campaigns c CROSS JOIN campaign_recipients r "
    "JOIN campaign_requests q ON q.id = r.request_id "
    "WHERE r.campaign_id = c.id AND r.phone = ?1 AND r.state IN " TEXTED_STATES " "
    "AND q.created_at <= ?2 AND q.created_at >= ?2 - ?3 "
    "ORDER BY q.created_at DESC LIMIT 1", error);
  int rc;

  *campaign_id = 0;
  if (stmt == NULL ||
      !herald_database_bind_text_at (stmt, 1, phone, error) ||
      !herald_database_bind_int64_at (stmt, 2, at, error) ||
      !herald_database_bind_int64_at (stmt, 3, window, error))
    return FALSE;
  rc = herald_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    *campaign_id = herald_database_column_int64 (stmt, 0);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}
