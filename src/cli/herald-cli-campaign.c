/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-campaign"
/* kill (): POSIX under -std=c11. */
#define _POSIX_C_SOURCE 200809L

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib-unix.h>
#include <glib/gi18n.h>

#include "herald-cli.h"

static char *opt_account;
static char *opt_message;
static char *opt_template;
static char *opt_group;
static char *opt_to_file;
static gboolean opt_all_contacts;
static char *opt_schedule;
static char *opt_window;
static char *opt_sender;
static char *opt_to;
static gboolean opt_json;
static char **opt_also_accounts;

static const GOptionEntry campaign_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_STRING, &opt_account, N_("Account to send with (create)"), "NAME" },
  { "message", 0, 0, G_OPTION_ARG_STRING, &opt_message,
    N_("Text of the message; {{column}} takes a column of --to-file (create)"), "TEXT" },
  { "template", 0, 0, G_OPTION_ARG_STRING, &opt_template, N_("Template to render (create)"), "NAME" },
  { "group", 0, 0, G_OPTION_ARG_STRING, &opt_group, N_("Send to a group (create)"), "NAME" },
  { "to-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_to_file,
    N_("Send to the numbers of a file: a CSV with a phone column (the other columns are variables) "
       "or one number a line (create)"), "FILE" },
  { "all-contacts", 0, 0, G_OPTION_ARG_NONE, &opt_all_contacts, N_("Send to every contact (create)"), NULL },
  { "schedule", 0, 0, G_OPTION_ARG_STRING, &opt_schedule, N_("Start at this time (create)"), "T" },
  { "window", 0, 0, G_OPTION_ARG_STRING, &opt_window,
    N_("Only send between these local hours (create)"), "HH:MM-HH:MM" },
  { "sender", 0, 0, G_OPTION_ARG_STRING, &opt_sender, N_("Sender ID (create; FlashSMS)"), "ID" },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, N_("Your own number (test)"), "NUMBER" },
  { "also-account", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_also_accounts,
    N_("Share the sending with this account too, in proportion to the rate limits; it takes over when "
       "one refuses (402, 403, no phone connected). Repeatable (start, resume)"), "NAME" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

/* ---- the database ------------------------------------------------------------- */

typedef struct
{
  HeraldAccountStore *store;
  HeraldDatabase     *db;
} Store;

static void
store_clear (Store *self)
{
  g_clear_object (&self->store);
  self->db = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Store, store_clear)

static int
open_store (Store *out)
{
  g_autoptr(GError) error = NULL;

  out->store = herald_cli_open_store (&error);
  if (out->store == NULL)
    return herald_cli_failure ("%s", error->message);
  out->db = herald_account_store_get_database (out->store);
  return HERALD_CLI_EXIT_OK;
}

/* The statements a command needs, run in this thread (heraldctl waits
 * anyway): one struct for all of them. */
typedef struct
{
  gint64                id;
  HeraldCampaignRecord *record;
  GPtrArray            *list;
  GPtrArray            *rejects;
  guint                 counts[HERALD_RECIPIENT_N_STATES];
  HeraldCampaignState   state;
  guint                 n_changed;
  guint                 replies;
  guint                 optouts;
} Query;

static void
query_clear (Query *q)
{
  g_clear_pointer (&q->record, herald_campaign_record_free);
  g_clear_pointer (&q->list, g_ptr_array_unref);
  g_clear_pointer (&q->rejects, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Query, query_clear)

static gboolean
get_func (HeraldDatabase *db, gpointer data, GCancellable *cancellable, GError **error)
{
  Query *q = data;

  q->record = herald_campaign_store_get (db, q->id, error);
  return q->record != NULL && herald_campaign_store_count (db, q->id, q->counts, error);
}

static gboolean
list_func (HeraldDatabase *db, gpointer data, GCancellable *cancellable, GError **error)
{
  Query *q = data;

  q->list = herald_campaign_store_list (db, error);
  return q->list != NULL;
}

static gboolean
recipients_func (HeraldDatabase *db, gpointer data, GCancellable *cancellable, GError **error)
{
  Query *q = data;

  if (!get_func (db, data, cancellable, error))
    return FALSE;
  q->list = herald_campaign_store_recipients (db, q->id, 0, 0, error);
  if (q->list == NULL)
    return FALSE;
  q->rejects = herald_campaign_store_rejects (db, q->id, error);
  return q->rejects != NULL &&
         herald_campaign_store_count_replies (db, q->id, HERALD_CAMPAIGN_REPLY_WINDOW, &q->replies,
                                              &q->optouts, error);
}

static gboolean
set_state_func (HeraldDatabase *db, gpointer data, GCancellable *cancellable, GError **error)
{
  Query *q = data;

  return herald_campaign_store_set_state (db, q->id, q->state, NULL, -1, error);
}

static gboolean
retry_unknown_func (HeraldDatabase *db, gpointer data, GCancellable *cancellable, GError **error)
{
  Query *q = data;

  return herald_campaign_store_retry_unknown (db, q->id, &q->n_changed, error);
}

static int
run_query (HeraldDatabase     *db,
           HeraldDatabaseFunc  func,
           Query              *q)
{
  g_autoptr(GError) error = NULL;

  if (herald_database_run (db, func, q, NULL, &error))
    return HERALD_CLI_EXIT_OK;
  if (g_error_matches (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND))
    {
      g_printerr ("heraldctl campaign: %s\n", error->message);
      return HERALD_CLI_EXIT_USAGE;
    }
  return herald_cli_failure ("%s", error->message);
}

static int
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return herald_cli_usage_error (&herald_cli_campaign_commands[0],
                                   _("Give the campaign’s number (“heraldctl campaign list” shows them)."));
  *id = (gint64) value;
  return HERALD_CLI_EXIT_OK;
}

/* Reads campaign @id_text's rows with @func: the start of most actions. */
static int
open_campaign (const char         *id_text,
               Store              *store,
               HeraldDatabaseFunc  func,
               Query              *q)
{
  int status;

  if ((status = parse_id (id_text, &q->id)) != HERALD_CLI_EXIT_OK ||
      (status = open_store (store)) != HERALD_CLI_EXIT_OK)
    return status;
  return run_query (store->db, func, q);
}

/* ---- output helpers ----------------------------------------------------------------- */

static const char *
campaign_state_label (HeraldCampaignState state)
{
  return herald_campaign_state_to_string (state);
}

static void
add_counts_json (JsonBuilder *builder,
                 const guint *counts)
{
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint i = 0; i < HERALD_RECIPIENT_N_STATES; i++)
    {
      json_builder_set_member_name (builder, herald_recipient_state_to_string (i));
      json_builder_add_int_value (builder, counts[i]);
    }
  json_builder_end_object (builder);
}

static void
add_record_json (JsonBuilder                *builder,
                 const HeraldCampaignRecord *record)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, record->id);
  herald_cli_json_add_string (builder, "name", record->name);
  herald_cli_json_add_string (builder, "account_id", record->account_id);
  herald_cli_json_add_string (builder, "state", campaign_state_label (record->state));
  herald_cli_json_add_string (builder, "pause_reason", record->pause_reason);
  herald_cli_json_add_count (builder, "credits_needed", record->credits_needed);
  herald_cli_json_add_string (builder, "text", record->text);
  herald_cli_json_add_string (builder, "template", record->template_name);
  if (record->schedule_at > 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (record->schedule_at / G_USEC_PER_SEC);

      herald_cli_json_add_time (builder, "schedule", when);
    }
  else
    herald_cli_json_add_time (builder, "schedule", NULL);
  if (record->window_start >= 0)
    {
      g_autofree char *window = g_strdup_printf ("%02d:%02d-%02d:%02d", record->window_start / 60,
                                                 record->window_start % 60, record->window_end / 60,
                                                 record->window_end % 60);

      herald_cli_json_add_string (builder, "window", window);
    }
  else
    herald_cli_json_add_string (builder, "window", NULL);
}

static char *
counts_line (const guint *counts)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < HERALD_RECIPIENT_N_STATES; i++)
    {
      if (counts[i] == 0)
        continue;
      g_string_append_printf (line, "%s%s %u", line->len > 0 ? ", " : "",
                              herald_recipient_state_to_string (i), counts[i]);
    }
  if (line->len == 0)
    g_string_append (line, _("no recipients"));
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* ---- create -------------------------------------------------------------------------- */

/* "HH:MM-HH:MM" → minutes after midnight. */
static gboolean
parse_window (const char *text,
              int        *start,
              int        *end)
{
  unsigned int h1, m1, h2, m2;
  char tail;

  /* NOLINTNEXTLINE(cert-err34-c): every field is checked below */
  if (sscanf (text, "%2u:%2u-%2u:%2u%c", &h1, &m1, &h2, &m2, &tail) != 4 ||
      h1 > 23 || h2 > 24 || m1 > 59 || m2 > 59 || (h2 == 24 && m2 != 0))
    return FALSE;
  *start = (int) (h1 * 60 + m1);
  *end = (int) (h2 * 60 + m2);
  return *start != *end;
}

/* A file of numbers, one a line or separated by , ; or tabs. */
static gboolean
add_number_file (HeraldCampaignAudience  *audience,
                 const char              *path,
                 GError                 **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) pieces = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  pieces = g_strsplit_set (contents, "\n,;\t", -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_strstrip (pieces[i]);
      if (*pieces[i] != '\0')
        herald_campaign_audience_add (audience, pieces[i], NULL);
    }
  return TRUE;
}

static gboolean
first_line_is_number (const char *path,
                      const char *region)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  g_autoptr(HeraldPhoneNumber) number = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  contents[strcspn (contents, "\r\n")] = '\0';
  fields = g_strsplit_set (contents, ",;\t", 2);
  if (fields[0] == NULL)
    return FALSE;
  number = herald_phone_number_parse (g_strstrip (fields[0]), region, HERALD_PHONE_NUMBER_FLAGS_NONE, NULL);
  return number != NULL;
}

/* A CSV or vCard file of contacts: their fields are the variables. */
static gboolean
add_contact_file (HeraldCampaignAudience  *audience,
                  const char              *path,
                  const char              *region,
                  HeraldPhoneNumberFlags   flags,
                  GError                 **error)
{
  g_autoptr(HeraldContactImporter) importer = herald_contact_importer_new (region);
  g_autoptr(HeraldContactImportReport) report = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *contacts;

  /* A first line that is a number: no header, a plain list of numbers. */
  if (first_line_is_number (path, region))
    return add_number_file (audience, path, error);

  herald_contact_importer_set_phone_flags (importer, flags);
  report = herald_contact_importer_import_path (importer, path, NULL, &local_error);
  if (report == NULL)
    {
      /* No phone column: a plain list of numbers. */
      if (g_error_matches (local_error, HERALD_CONTACT_IMPORT_ERROR, HERALD_CONTACT_IMPORT_ERROR_NO_PHONE_COLUMN))
        return add_number_file (audience, path, error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  contacts = herald_contact_import_report_get_contacts (report);
  for (guint i = 0; i < contacts->len; i++)
    herald_campaign_audience_add (audience, herald_contact_get_phone (contacts->pdata[i]), contacts->pdata[i]);
  for (guint i = 0; i < herald_contact_import_report_get_n_duplicates (report); i++)
    herald_campaign_audience_add (audience, herald_contact_import_report_get_duplicate (report, i)->phone, NULL);
  for (guint i = 0; i < herald_contact_import_report_get_n_invalid (report); i++)
    {
      const HeraldContactInvalidRow *row = herald_contact_import_report_get_invalid (report, i);
      g_autofree char *reason = g_strdup_printf ("line %u: %s", row->line, row->reason);

      herald_campaign_audience_add_reject (audience, row->input, reason);
    }
  return TRUE;
}

typedef struct
{
  guint messages;
  guint parts;
  guint too_long;
} Cost;

static Cost
cost_of (const HeraldCampaignNewRecipient *recipients,
         guint                             n,
         guint                             max_characters)
{
  Cost cost = { 0, 0, 0 };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldSmsAnalysis) analysis = NULL;

      if (recipients[i].state != HERALD_RECIPIENT_STATE_PENDING)
        continue;
      analysis = herald_sms_analyse (recipients[i].text, -1, NULL);
      cost.messages++;
      cost.parts += analysis != NULL ? herald_sms_analysis_get_parts (analysis) : 0;
      if (max_characters > 0 && g_utf8_strlen (recipients[i].text, -1) > max_characters)
        cost.too_long++;
    }
  return cost;
}

static void
print_created (gint64                  id,
               const char             *name,
               HeraldCampaignState     state,
               HeraldCampaignAudience *audience,
               Cost                    cost)
{
  guint n_rejects;
  const HeraldCampaignReject *rejects = herald_campaign_audience_get_rejects (audience, &n_rejects);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      herald_cli_json_add_string (builder, "name", name);
      herald_cli_json_add_string (builder, "state", campaign_state_label (state));
      json_builder_set_member_name (builder, "recipients");
      json_builder_add_int_value (builder, herald_campaign_audience_get_n_recipients (audience));
      json_builder_set_member_name (builder, "duplicates");
      json_builder_add_int_value (builder, herald_campaign_audience_get_n_duplicates (audience));
      json_builder_set_member_name (builder, "skipped");
      json_builder_add_int_value (builder, herald_campaign_audience_get_n_skipped (audience));
      json_builder_set_member_name (builder, "messages");
      json_builder_add_int_value (builder, cost.messages);
      json_builder_set_member_name (builder, "parts");
      json_builder_add_int_value (builder, cost.parts);
      json_builder_set_member_name (builder, "invalid");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_rejects; i++)
        {
          json_builder_begin_object (builder);
          herald_cli_json_add_string (builder, "input", rejects[i].input);
          herald_cli_json_add_string (builder, "reason", rejects[i].reason);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      herald_cli_print_json (builder);
      return;
    }

  g_print (_("Campaign %" G_GINT64_FORMAT " “%s” (%s): %u recipients, %u invalid, %u duplicates merged, "
             "%u opted out; %u messages, %u parts.\n"),
           id, name, campaign_state_label (state), herald_campaign_audience_get_n_recipients (audience),
           n_rejects, herald_campaign_audience_get_n_duplicates (audience),
           herald_campaign_audience_get_n_skipped (audience), cost.messages, cost.parts);
  for (guint i = 0; i < n_rejects; i++)
    g_print (_("  invalid: %s (%s)\n"), rejects[i].input, rejects[i].reason);
  g_print (_("Start it with “heraldctl campaign start %" G_GINT64_FORMAT "”.\n"), id);
}

/* The local template's text, or NULL after saying why (exit status in @status). */
static char *
template_text (HeraldContactStore *contacts,
               const char         *name,
               int                *status)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldLocalTemplate) template = NULL;

  herald_contact_store_get_template_async (contacts, name, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  template = herald_contact_store_get_template_finish (contacts, result, &error);
  if (template == NULL)
    {
      *status = g_error_matches (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND)
                ? herald_cli_usage_error (&herald_cli_campaign_commands[0],
                                          _("There is no template named “%s”; “heraldctl templates list” "
                                            "shows them."), name)
                : herald_cli_failure ("%s", error->message);
      return NULL;
    }
  return g_strdup (template->body);
}

/* The members of @group, or every contact: their fields are the variables. */
static gboolean
add_local_contacts (HeraldCampaignAudience  *audience,
                    HeraldContactStore      *contacts,
                    const char              *group,
                    GError                 **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) list = NULL;

  herald_contact_store_list_contacts_async (contacts, group, NULL, 0, 0, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  list = herald_contact_store_list_contacts_finish (contacts, result, error);
  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    herald_campaign_audience_add (audience, herald_contact_get_phone (list->pdata[i]), list->pdata[i]);
  return TRUE;
}

/* Opted-out numbers stay in the campaign as skipped, never sent. */
static gboolean
skip_opted_out (HeraldCampaignAudience  *audience,
                HeraldDatabase          *db,
                GError                 **error)
{
  g_autoptr(HeraldOptoutStore) optouts = herald_optout_store_new (db);
  g_autoptr(GPtrArray) phones = g_ptr_array_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_auto(GStrv) opted_out = NULL;
  guint n;
  const HeraldCampaignNewRecipient *recipients = herald_campaign_audience_get_recipients (audience, &n);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (phones, (gpointer) recipients[i].phone);
  g_ptr_array_add (phones, NULL);

  herald_optout_store_filter_async (optouts, (const char * const *) phones->pdata, NULL,
                                    herald_cli_async_done, &result);
  herald_cli_wait (&result);
  opted_out = herald_optout_store_filter_finish (optouts, result, error);
  if (opted_out == NULL)
    return FALSE;
  for (guint i = 0; opted_out[i] != NULL; i++)
    herald_campaign_audience_skip (audience, opted_out[i], "opted-out");
  return TRUE;
}

/* Fills @audience from the option that names the recipients. */
static gboolean
read_audience (HeraldCampaignAudience  *audience,
               HeraldCliAccount        *account,
               HeraldContactStore      *contacts,
               GError                 **error)
{
  HeraldDialect dialect = herald_account_get_dialect (account->account);

  if (opt_to_file != NULL)
    {
      if (!add_contact_file (audience, opt_to_file, herald_account_get_region (account->account),
                             herald_send_plan_phone_flags_for (dialect), error))
        {
          g_prefix_error (error, _("Cannot read “%s”: "), opt_to_file);
          return FALSE;
        }
    }
  else if (!add_local_contacts (audience, contacts, opt_all_contacts ? NULL : opt_group, error))
    return FALSE;

  return skip_opted_out (audience, herald_account_store_get_database (account->store), error);
}

static int
check_create_options (const HeraldCliCommand *command)
{
  int sources = (opt_group != NULL) + (opt_to_file != NULL) + (opt_all_contacts ? 1 : 0);

  if ((opt_message == NULL) == (opt_template == NULL))
    return herald_cli_usage_error (command, _("Give the text with --message TEXT or --template NAME (one of them)."));
  if (sources != 1)
    return herald_cli_usage_error (command, _("Give the recipients with one of --to-file FILE, --group NAME "
                                              "or --all-contacts."));
  return HERALD_CLI_EXIT_OK;
}

static int
read_schedule (const HeraldCliCommand *command,
               HeraldCampaignRecord   *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;

  if (opt_window != NULL && !parse_window (opt_window, &record->window_start, &record->window_end))
    return herald_cli_usage_error (command, _("“%s” is not a sending window; write it as HH:MM-HH:MM, "
                                              "such as 09:00-18:30."), opt_window);
  if (opt_schedule == NULL)
    return HERALD_CLI_EXIT_OK;

  when = herald_cli_parse_time (opt_schedule, FALSE, &error);
  if (when == NULL)
    return herald_cli_usage_error (command, "%s", error->message);
  record->schedule_at = g_date_time_to_unix (when) * G_USEC_PER_SEC;
  record->state = HERALD_CAMPAIGN_SCHEDULED;
  return HERALD_CLI_EXIT_OK;
}

static int
campaign_create (const HeraldCliCommand *command,
                 const char             *name)
{
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(HeraldContactStore) contacts = NULL;
  g_autoptr(HeraldCampaignAudience) audience = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldCampaignRecord record = { 0 };
  HeraldDialect dialect;
  const HeraldCampaignNewRecipient *recipients;
  guint n_recipients;
  Cost cost;
  gint64 id;
  int status;

  if (name == NULL || *name == '\0')
    return herald_cli_usage_error (command, _("Give the campaign a name: heraldctl campaign create NAME …"));
  if ((status = check_create_options (command)) != HERALD_CLI_EXIT_OK ||
      (status = herald_cli_open_account (command, opt_account, &account)) != HERALD_CLI_EXIT_OK)
    return status;
  if (opt_sender != NULL && !herald_provider_has_feature (account.provider, HERALD_PROVIDER_FEATURE_SENDER_ID))
    return herald_cli_option_unsupported (command, "--sender", &account);

  contacts = herald_contact_store_new (herald_account_store_get_database (account.store));
  text = opt_template != NULL ? template_text (contacts, opt_template, &status) : g_strdup (opt_message);
  if (text == NULL)
    return status;

  record.name = (char *) name;
  record.account_id = (char *) herald_account_get_id (account.account);
  record.sender_id = opt_sender;
  record.text = text;
  record.template_name = opt_template;
  record.window_start = record.window_end = -1;
  record.state = HERALD_CAMPAIGN_DRAFT;
  if ((status = read_schedule (command, &record)) != HERALD_CLI_EXIT_OK)
    return status;

  dialect = herald_account_get_dialect (account.account);
  audience = herald_campaign_audience_new (text, herald_account_get_region (account.account),
                                           herald_send_plan_phone_flags_for (dialect), &error);
  if (audience == NULL)
    return herald_cli_usage_error (command, _("The message cannot be used: %s"), error->message);
  if (!read_audience (audience, &account, contacts, &error))
    return g_error_matches (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND) ||
           error->domain == G_FILE_ERROR || error->domain == HERALD_CSV_ERROR
           ? herald_cli_usage_error (command, "%s", error->message)
           : herald_cli_failure ("%s", error->message);

  recipients = herald_campaign_audience_get_recipients (audience, &n_recipients);
  cost = cost_of (recipients, n_recipients, herald_send_plan_max_characters_for (dialect));
  if (cost.messages == 0)
    return herald_cli_usage_error (command, _("There is no number to send to (after opt-outs)."));
  if (cost.too_long > 0)
    return herald_cli_usage_error (command, _("%u recipients’ messages are longer than the %u characters this "
                                              "account takes; shorten the text."),
                                   cost.too_long, herald_send_plan_max_characters_for (dialect));

  herald_campaign_audience_save_async (audience, herald_account_store_get_database (account.store), &record,
                                       NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  id = herald_campaign_audience_save_finish (audience, result, &error);
  if (id < 0)
    return herald_cli_failure ("%s", error->message);

  print_created (id, name, record.state, audience, cost);
  return HERALD_CLI_EXIT_OK;
}

/* ---- list, show, preview, report ------------------------------------------------------------ */

static int
campaign_list (void)
{
  g_auto(Store) store = { 0 };
  g_auto(Query) q = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int status;

  if ((status = open_store (&store)) != HERALD_CLI_EXIT_OK ||
      (status = run_query (store.db, list_func, &q)) != HERALD_CLI_EXIT_OK)
    return status;

  json_builder_begin_array (builder);
  for (guint i = 0; i < q.list->len; i++)
    {
      HeraldCampaignRecord *record = q.list->pdata[i];
      HeraldAccount *account = herald_account_store_lookup_by_id (store.store, record->account_id);

      if (opt_json)
        {
          json_builder_begin_object (builder);
          add_record_json (builder, record);
          json_builder_end_object (builder);
          continue;
        }
      g_print ("%4" G_GINT64_FORMAT "  %-10s %-12s %s\n", record->id, campaign_state_label (record->state),
               account != NULL ? herald_account_get_name (account) : "?", record->name);
    }
  json_builder_end_array (builder);
  if (opt_json)
    {
      herald_cli_print_json (builder);
    }
  else if (q.list->len == 0)
    g_print (_("No campaigns yet; “heraldctl campaign create” makes one.\n"));
  return HERALD_CLI_EXIT_OK;
}

static void
add_recipient_json (JsonBuilder                   *builder,
                    const HeraldCampaignRecipient *r,
                    gboolean                       with_text)
{
  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "phone", r->phone);
  herald_cli_json_add_string (builder, "state", herald_recipient_state_to_string (r->state));
  herald_cli_json_add_string (builder, "message_id", r->message_id);
  herald_cli_json_add_string (builder, "error", r->error);
  json_builder_set_member_name (builder, "attempts");
  json_builder_add_int_value (builder, r->attempts);
  if (with_text)
    herald_cli_json_add_string (builder, "text", r->text);
  json_builder_end_object (builder);
}

/* show, preview and report: one reading, three views. */
typedef enum { VIEW_SHOW, VIEW_PREVIEW, VIEW_REPORT } View;

#define PREVIEW_ROWS 10

static void
print_view_json (Query *q,
                 View   view)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n = view == VIEW_PREVIEW ? MIN (q->list->len, PREVIEW_ROWS) : q->list->len;

  json_builder_begin_object (builder);
  add_record_json (builder, q->record);
  add_counts_json (builder, q->counts);
  if (view != VIEW_SHOW)
    {
      json_builder_set_member_name (builder, "recipients");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        add_recipient_json (builder, q->list->pdata[i], view == VIEW_PREVIEW);
      json_builder_end_array (builder);
    }
  if (view == VIEW_REPORT)
    {
      /* Replies within seven days of the send, and the STOPs among them. */
      json_builder_set_member_name (builder, "replies");
      json_builder_add_int_value (builder, q->replies);
      json_builder_set_member_name (builder, "optouts");
      json_builder_add_int_value (builder, q->optouts);
    }
  json_builder_set_member_name (builder, "invalid");
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < q->rejects->len; i += 2)
    {
      json_builder_begin_object (builder);
      herald_cli_json_add_string (builder, "input", q->rejects->pdata[i]);
      herald_cli_json_add_string (builder, "reason", q->rejects->pdata[i + 1]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  herald_cli_print_json (builder);
}

static void
print_view_text (Query *q,
                 View   view)
{
  g_autofree char *counts = counts_line (q->counts);
  guint n = view == VIEW_PREVIEW ? MIN (q->list->len, PREVIEW_ROWS) : q->list->len;

  g_print (_("Campaign %" G_GINT64_FORMAT " “%s”: %s\n"), q->record->id, q->record->name,
           campaign_state_label (q->record->state));
  if (q->record->pause_reason != NULL)
    g_print (_("  paused: %s\n"), q->record->pause_reason);
  g_print (_("  recipients: %s\n"), counts);
  g_print (_("  invalid inputs: %u; duplicates merged: %u\n"), q->rejects->len / 2, q->record->n_duplicates);
  if (view == VIEW_SHOW)
    return;
  if (view == VIEW_REPORT)
    g_print (_("  replies within seven days: %u; opt-outs they caused: %u\n"), q->replies, q->optouts);

  for (guint i = 0; i < n; i++)
    {
      HeraldCampaignRecipient *r = q->list->pdata[i];

      if (view == VIEW_PREVIEW)
        g_print ("  %s: %s\n", r->phone, r->text);
      else
        g_print ("  %-16s %-10s %s\n", r->phone, herald_recipient_state_to_string (r->state),
                 r->error != NULL ? r->error : (r->message_id != NULL ? r->message_id : ""));
    }
}

static int
campaign_view (const char *id_text,
               View        view)
{
  g_auto(Store) store = { 0 };
  g_auto(Query) q = { 0 };
  int status;

  if ((status = open_campaign (id_text, &store, recipients_func, &q)) != HERALD_CLI_EXIT_OK)
    return status;

  if (opt_json)
    print_view_json (&q, view);
  else
    print_view_text (&q, view);
  return HERALD_CLI_EXIT_OK;
}

/* ---- running ------------------------------------------------------------------------------ */

typedef struct
{
  HeraldCampaignEngine *engine;
  gboolean              tty;
  gboolean              by_signal;
  guint                 last_percent;
} Runner;

static gboolean
signalled (gpointer user_data)
{
  Runner *runner = user_data;

  runner->by_signal = TRUE;
  herald_campaign_engine_pause (runner->engine, _("Paused by a signal (Ctrl+C or SIGTERM)."));
  return G_SOURCE_CONTINUE;
}

static void
progress_cb (HeraldCampaignEngine *engine,
             gpointer              user_data)
{
  Runner *runner = user_data;
  guint total = herald_campaign_engine_get_total (engine);
  guint done = total - herald_campaign_engine_get_remaining (engine);
  guint percent = total > 0 ? done * 100 / total : 100;
  gint64 eta = herald_campaign_engine_get_eta (engine);

  if (runner->tty)
    {
      char bar[31];
      guint filled = percent * 30 / 100;

      for (guint i = 0; i < 30; i++)
        bar[i] = i < filled ? '#' : '-';
      bar[30] = '\0';
      g_printerr ("\r[%s] %3u%%  sent %u  failed %u  unknown %u  left %u  ETA %" G_GINT64_FORMAT "s ",
                  bar, percent, herald_campaign_engine_get_sent (engine),
                  herald_campaign_engine_get_count (engine, HERALD_RECIPIENT_STATE_FAILED),
                  herald_campaign_engine_get_count (engine, HERALD_RECIPIENT_STATE_UNKNOWN),
                  herald_campaign_engine_get_remaining (engine), MAX (eta, 0));
      return;
    }

  /* Plain lines, one every tenth. */
  if (percent / 10 == runner->last_percent / 10 && percent != 100)
    return;
  runner->last_percent = percent;
  g_printerr (_("%u%%: sent %u, failed %u, unknown %u, left %u\n"), percent,
              herald_campaign_engine_get_sent (engine),
              herald_campaign_engine_get_count (engine, HERALD_RECIPIENT_STATE_FAILED),
              herald_campaign_engine_get_count (engine, HERALD_RECIPIENT_STATE_UNKNOWN),
              herald_campaign_engine_get_remaining (engine));
}

static void
waiting_cb (HeraldCampaignEngine *engine,
            GParamSpec           *pspec,
            gpointer              user_data)
{
  gint64 until = herald_campaign_engine_get_waiting_until (engine);
  g_autoptr(GDateTime) when = until > 0 ? g_date_time_new_from_unix_local (until) : NULL;
  g_autofree char *text = when != NULL ? g_date_time_format (when, "%H:%M:%S") : NULL;

  if (text != NULL)
    g_printerr (_("Waiting until %s (sending window, or checks of requests whose fate is open).\n"), text);
}

static guint
settle_seconds (void)
{
  const char *text = g_getenv ("HERALD_CAMPAIGN_SETTLE_SECONDS");
  guint64 value;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 0, 86400, &value, NULL))
    return (guint) value;
  return 120;
}

static int
print_outcome (HeraldCampaignEngine *engine,
               gint64                id,
               HeraldCampaignState   state,
               gboolean              by_signal)
{
  g_print (_("Campaign %" G_GINT64_FORMAT ": %s; sent %u, failed %u, unknown %u, skipped %u, left %u.\n"),
           id, campaign_state_label (state), herald_campaign_engine_get_sent (engine),
           herald_campaign_engine_get_count (engine, HERALD_RECIPIENT_STATE_FAILED),
           herald_campaign_engine_get_count (engine, HERALD_RECIPIENT_STATE_UNKNOWN),
           herald_campaign_engine_get_count (engine, HERALD_RECIPIENT_STATE_SKIPPED),
           herald_campaign_engine_get_remaining (engine));
  if (herald_campaign_engine_get_count (engine, HERALD_RECIPIENT_STATE_UNKNOWN) > 0)
    g_print (_("Recipients marked unknown may have been sent; they are never sent again unless you run "
               "“heraldctl campaign retry-unknown %" G_GINT64_FORMAT "”.\n"), id);
  if (state == HERALD_CAMPAIGN_PAUSED && !by_signal)
    {
      g_printerr ("heraldctl campaign: %s\n", herald_campaign_engine_get_pause_reason (engine));
      return HERALD_CLI_EXIT_FAILURE;
    }
  return HERALD_CLI_EXIT_OK;
}

/* Runs campaign @id in the foreground with @store's account of it. */
static int
run_campaign (const HeraldCliCommand *command,
              Store                  *store,
              const HeraldCampaignRecord *record)
{
  HeraldAccount *account = herald_account_store_lookup_by_id (store->store, record->account_id);
  g_autoptr(HeraldProvider) provider = NULL;
  g_autoptr(HeraldMessageLog) log = NULL;
  g_autoptr(HeraldCampaignEngine) engine = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) ran = NULL;
  g_autoptr(GError) error = NULL;
  Runner runner = { 0 };
  HeraldCampaignState state;
  guint sigint, sigterm;

  if (account == NULL)
    return herald_cli_failure (_("The account of campaign %" G_GINT64_FORMAT " no longer exists."), record->id);

  herald_provider_open_async (store->store, account, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  provider = herald_provider_open_finish (result, &error);
  if (provider == NULL)
    return herald_cli_failure (_("Could not open the account “%s”: %s"), herald_account_get_name (account),
                               error->message);

  log = herald_message_log_new (store->db);
  engine = herald_campaign_engine_new (store->db, log, provider, record->account_id, record->id);
  herald_campaign_engine_set_settle_seconds (engine, settle_seconds ());
  for (guint i = 0; opt_also_accounts != NULL && opt_also_accounts[i] != NULL; i++)
    {
      HeraldAccount *also = herald_account_store_lookup_by_name (store->store, opt_also_accounts[i]);
      g_autoptr(HeraldProvider) also_provider = NULL;

      if (also == NULL)
        return herald_cli_failure (_("There is no account “%s” (see heraldctl account list)."), opt_also_accounts[i]);
      g_clear_object (&result);
      herald_provider_open_async (store->store, also, NULL, herald_cli_async_done, &result);
      herald_cli_wait (&result);
      also_provider = herald_provider_open_finish (result, &error);
      if (also_provider == NULL)
        return herald_cli_failure (_("Could not open the account “%s”: %s"), opt_also_accounts[i], error->message);
      herald_campaign_engine_add_account (engine, also_provider, herald_account_get_id (also));
    }
  runner.engine = engine;
  runner.tty = isatty (STDERR_FILENO) != 0;
  g_signal_connect (engine, "progress", G_CALLBACK (progress_cb), &runner);
  g_signal_connect (engine, "notify::waiting-until", G_CALLBACK (waiting_cb), NULL);
  sigint = g_unix_signal_add (SIGINT, signalled, &runner);
  sigterm = g_unix_signal_add (SIGTERM, signalled, &runner);

  herald_campaign_engine_run_async (engine, NULL, herald_cli_async_done, &ran);
  herald_cli_wait (&ran);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  if (runner.tty)
    g_printerr ("\n");

  state = herald_campaign_engine_run_finish (engine, ran, &error);
  if (error != NULL)
    {
      if (g_error_matches (error, HERALD_CAMPAIGN_ERROR, HERALD_CAMPAIGN_ERROR_NOT_RUNNABLE))
        {
          g_printerr ("heraldctl %s: %s\n", command->name, error->message);
          return HERALD_CLI_EXIT_USAGE;
        }
      return herald_cli_failure ("%s", error->message);
    }
  return print_outcome (engine, record->id, state, runner.by_signal);
}

static int
campaign_start (const HeraldCliCommand *command,
                const char             *id_text)
{
  g_auto(Store) store = { 0 };
  g_auto(Query) q = { 0 };
  int status;

  if ((status = open_campaign (id_text, &store, get_func, &q)) != HERALD_CLI_EXIT_OK)
    return status;
  return run_campaign (command, &store, q.record);
}

/* ---- delivery tracking ------------------------------------------------------------------- */

static gboolean
stop_tracking (gpointer user_data)
{
  herald_campaign_tracker_stop (HERALD_CAMPAIGN_TRACKER (user_data));
  return G_SOURCE_CONTINUE;
}

static void
polled_cb (HeraldCampaignTracker *tracker,
           guint                  changed,
           guint                  open,
           gpointer               user_data)
{
  if (open > 0)
    g_print (_("%u messages moved on; %u not yet known to be delivered or failed\n"), changed, open);
}

/* The first wait of delivery tracking (tests shorten it). */
static guint
track_first_ms (void)
{
  const char *text = g_getenv ("HERALD_CAMPAIGN_TRACK_FIRST_MS");
  guint64 value;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, HERALD_CAMPAIGN_TRACK_MAX_MS, &value, NULL))
    return (guint) value;
  return HERALD_CAMPAIGN_TRACK_FIRST_MS;
}

/* Follows the deliveries of campaign @id in the foreground until every
 * message is final or a day has passed; Ctrl+C stops it. */
static int
campaign_track (const char *id_text)
{
  g_auto(Store) store = { 0 };
  g_auto(Query) q = { 0 };
  HeraldAccount *account;
  g_autoptr(HeraldProvider) provider = NULL;
  g_autoptr(HeraldMessageLog) log = NULL;
  g_autoptr(HeraldCampaignTracker) tracker = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) tracked = NULL;
  g_autoptr(GError) error = NULL;
  guint sigint, sigterm, left;
  int status;

  if ((status = open_campaign (id_text, &store, get_func, &q)) != HERALD_CLI_EXIT_OK)
    return status;
  account = herald_account_store_lookup_by_id (store.store, q.record->account_id);
  if (account == NULL)
    return herald_cli_failure (_("The account of campaign %" G_GINT64_FORMAT " no longer exists."), q.id);

  herald_provider_open_async (store.store, account, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  provider = herald_provider_open_finish (result, &error);
  if (provider == NULL)
    return herald_cli_failure (_("Could not open the account “%s”: %s"), herald_account_get_name (account),
                               error->message);

  log = herald_message_log_new (store.db);
  tracker = herald_campaign_tracker_new (store.db, log, provider, q.record->account_id, q.id);
  herald_campaign_tracker_set_intervals (tracker, track_first_ms (), HERALD_CAMPAIGN_TRACK_MAX_MS);
  g_signal_connect (tracker, "polled", G_CALLBACK (polled_cb), NULL);
  sigint = g_unix_signal_add (SIGINT, stop_tracking, tracker);
  sigterm = g_unix_signal_add (SIGTERM, stop_tracking, tracker);
  herald_campaign_tracker_run_async (tracker, herald_cli_async_done, &tracked);
  herald_cli_wait (&tracked);
  g_source_remove (sigint);
  g_source_remove (sigterm);

  left = herald_campaign_tracker_run_finish (tracker, tracked, &error);
  if (error != NULL)
    return herald_cli_failure ("%s", error->message);
  if (left == 0)
    g_print (_("Every message of campaign %" G_GINT64_FORMAT " is delivered or failed.\n"), q.id);
  else
    g_print (_("%u messages of campaign %" G_GINT64_FORMAT " are not known to be delivered; "
               "see campaign report.\n"), left, q.id);
  return HERALD_CLI_EXIT_OK;
}

/* pause and cancel: the process that runs it is told with SIGTERM (it
 * pauses cleanly after the request in flight), then the state is set. */
static int
campaign_stop (const char          *id_text,
               HeraldCampaignState  state)
{
  g_auto(Store) store = { 0 };
  g_auto(Query) q = { 0 };
  int status;

  if ((status = open_campaign (id_text, &store, get_func, &q)) != HERALD_CLI_EXIT_OK)
    return status;

  if (q.record->state == HERALD_CAMPAIGN_FINISHED || q.record->state == HERALD_CAMPAIGN_CANCELLED)
    {
      g_printerr (_("heraldctl campaign: campaign %" G_GINT64_FORMAT " is %s already.\n"), q.id,
                  campaign_state_label (q.record->state));
      return HERALD_CLI_EXIT_USAGE;
    }

  for (guint i = 0; i < 600 && !herald_campaign_lease_holder_gone (q.record->lease_pid, q.record->lease_host,
                                                                  q.record->lease_expires); i++)
    {
      if (i == 0 && g_strcmp0 (q.record->lease_host, g_get_host_name ()) == 0)
        kill ((pid_t) q.record->lease_pid, SIGTERM);
      g_usleep (G_USEC_PER_SEC / 10);
      query_clear (&q);
      if ((status = run_query (store.db, get_func, &q)) != HERALD_CLI_EXIT_OK)
        return status;
    }

  q.state = state;
  if ((status = run_query (store.db, set_state_func, &q)) != HERALD_CLI_EXIT_OK)
    return status;
  g_print (_("Campaign %" G_GINT64_FORMAT " %s.\n"), q.id, campaign_state_label (state));
  return HERALD_CLI_EXIT_OK;
}

static int
campaign_retry_unknown (const char *id_text)
{
  g_auto(Store) store = { 0 };
  g_auto(Query) q = { 0 };
  int status;

  if ((status = open_campaign (id_text, &store, retry_unknown_func, &q)) != HERALD_CLI_EXIT_OK)
    return status;
  g_print (_("%u recipients marked unknown will be sent again when the campaign resumes.\n"), q.n_changed);
  return HERALD_CLI_EXIT_OK;
}

/* Scheduled campaigns whose time has come, and running ones whose process is gone. */
static gboolean
is_due (const HeraldCampaignRecord *record,
        gint64                      now)
{
  if (record->state == HERALD_CAMPAIGN_SCHEDULED)
    return record->schedule_at <= now;
  if (record->state == HERALD_CAMPAIGN_RUNNING)
    return herald_campaign_lease_holder_gone (record->lease_pid, record->lease_host, record->lease_expires);
  return FALSE;
}

static int
campaign_run_due (const HeraldCliCommand *command)
{
  g_auto(Store) store = { 0 };
  g_auto(Query) q = { 0 };
  gint64 now = herald_campaign_store_now ();
  int status;
  int worst = HERALD_CLI_EXIT_OK;
  guint ran = 0;

  if ((status = open_store (&store)) != HERALD_CLI_EXIT_OK ||
      (status = run_query (store.db, list_func, &q)) != HERALD_CLI_EXIT_OK)
    return status;

  for (guint i = 0; i < q.list->len; i++)
    {
      HeraldCampaignRecord *record = q.list->pdata[i];

      if (!is_due (record, now))
        continue;
      ran++;
      status = run_campaign (command, &store, record);
      worst = MAX (worst, status);
    }
  if (ran == 0 && !opt_json)
    g_print (_("No campaign is due.\n"));
  return worst;
}

/* ---- test send ------------------------------------------------------------------------------ */

static int
campaign_test (const HeraldCliCommand *command,
               const char             *id_text)
{
  g_auto(Store) store = { 0 };
  g_auto(Query) q = { 0 };
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(HeraldOutgoing) outgoing = NULL;
  g_autoptr(HeraldSendReport) report = NULL;
  g_autoptr(HeraldMessageLog) log = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldAccount *owner;
  int status;

  if (opt_to == NULL)
    return herald_cli_usage_error (command, _("Say where the test goes with --to NUMBER (your own number)."));
  if ((status = open_campaign (id_text, &store, recipients_func, &q)) != HERALD_CLI_EXIT_OK)
    return status;
  owner = herald_account_store_lookup_by_id (store.store, q.record->account_id);
  if (q.list->len == 0 || owner == NULL)
    return herald_cli_usage_error (command, _("Campaign %" G_GINT64_FORMAT " has no recipient or account."), q.id);
  if ((status = herald_cli_open_account (command, herald_account_get_name (owner), &account)) != HERALD_CLI_EXIT_OK)
    return status;

  outgoing = herald_outgoing_new (((HeraldCampaignRecipient *) q.list->pdata[0])->text);
  herald_outgoing_add_recipient (outgoing, opt_to);
  log = herald_message_log_new (store.db);
  herald_logged_send_async (log, account.provider, q.record->account_id, outgoing, NULL,
                            herald_cli_async_done, &result);
  herald_cli_wait (&result);
  report = herald_logged_send_finish (log, result, &error);
  if (report == NULL)
    return herald_cli_provider_failure (error);
  if (herald_send_report_count (report, HERALD_RECIPIENT_QUEUED) == 0)
    return herald_cli_failure (_("The test message was not accepted: %s"),
                               herald_send_report_get_reason (report, 0) != NULL
                               ? herald_send_report_get_reason (report, 0) : "?");
  g_print (_("Test message sent to %s: “%s”\n"), herald_send_report_get_number (report, 0),
           herald_outgoing_get_text (outgoing));
  return HERALD_CLI_EXIT_OK;
}

/* ---- dispatch ------------------------------------------------------------------------------- */

static int
campaign_run (const HeraldCliCommand *command,
              int                     argc,
              char                  **argv)
{
  const char *action = argc > 1 ? argv[1] : NULL;
  const char *arg = argc > 2 ? argv[2] : NULL;

  if (action == NULL)
    return herald_cli_usage_error (command, _("Say what to do: create, list, show, preview, test, start, pause, "
                                              "resume, cancel, report, track, retry-unknown or run-due."));
  if (argc > 3)
    return herald_cli_usage_error (command, _("Unexpected argument “%s”."), argv[3]);

  if (g_str_equal (action, "create"))
    return campaign_create (command, arg);
  if (g_str_equal (action, "list"))
    return campaign_list ();
  if (g_str_equal (action, "show"))
    return campaign_view (arg, VIEW_SHOW);
  if (g_str_equal (action, "preview"))
    return campaign_view (arg, VIEW_PREVIEW);
  if (g_str_equal (action, "report"))
    return campaign_view (arg, VIEW_REPORT);
  if (g_str_equal (action, "start") || g_str_equal (action, "resume"))
    return campaign_start (command, arg);
  if (g_str_equal (action, "pause"))
    return campaign_stop (arg, HERALD_CAMPAIGN_PAUSED);
  if (g_str_equal (action, "cancel"))
    return campaign_stop (arg, HERALD_CAMPAIGN_CANCELLED);
  if (g_str_equal (action, "retry-unknown"))
    return campaign_retry_unknown (arg);
  if (g_str_equal (action, "test"))
    return campaign_test (command, arg);
  if (g_str_equal (action, "run-due"))
    return campaign_run_due (command);
  if (g_str_equal (action, "track"))
    return campaign_track (arg);

  return herald_cli_usage_error (command, _("“%s” is not a campaign action."), action);
}

const HeraldCliCommand herald_cli_campaign_commands[] = {
  { "campaign", N_("create NAME | list | show ID | preview ID | test ID --to NUMBER | start ID | pause ID | "
                   "resume ID | cancel ID | report ID | track ID | retry-unknown ID | run-due"),
    N_("Create, run and follow campaigns"),
    N_("start and resume send in the foreground until the campaign is done or paused; Ctrl+C pauses it "
       "cleanly after the request in flight. A campaign interrupted any other way is resumed by start, "
       "resume or run-due, and no recipient gets the message twice: a request whose fate is unknown is "
       "checked with the provider where it keeps a history, else its recipients are marked unknown and "
       "sent again only after retry-unknown. track follows the deliveries in the foreground (asking the "
       "provider after 30 s, then less and less often) until every message is delivered or failed, or a "
       "day has passed; report counts the replies received within seven days and the opt-outs among them."),
    campaign_entries, campaign_run },
  { NULL }
};
