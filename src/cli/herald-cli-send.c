/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-send"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "herald-cli.h"

static char *opt_account;
static char **opt_to;
static char *opt_to_file;
static char *opt_message;
static char *opt_template;
static char *opt_sender;
static char *opt_device;
static char *opt_media_url;
static char *opt_schedule;
static char *opt_campaign_name;
static gboolean opt_json;

const GOptionEntry herald_cli_send_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_STRING, &opt_account, N_("Account to send with"), "NAME" },
  { "to", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_to, N_("A recipient; repeat for more"), "NUMBER" },
  { "to-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_to_file,
    N_("Read recipients from a file: one a line, separated by commas or semicolons, or a CSV "
       "file with a phone column"), "FILE" },
  { "message", 0, 0, G_OPTION_ARG_STRING, &opt_message, N_("Text of the message"), "TEXT" },
  { "template", 0, 0, G_OPTION_ARG_STRING, &opt_template,
    N_("Send the provider’s template of this name (FlashSMS)"), "NAME" },
  { "sender", 0, 0, G_OPTION_ARG_STRING, &opt_sender, N_("Sender ID (FlashSMS)"), "ID" },
  { "device", 0, 0, G_OPTION_ARG_STRING, &opt_device, N_("Device to send from (FlixySMS)"), "ID" },
  { "media-url", 0, 0, G_OPTION_ARG_STRING, &opt_media_url,
    N_("Media to attach (FlixySMS WhatsApp devices)"), "URL" },
  { "schedule", 0, 0, G_OPTION_ARG_STRING, &opt_schedule,
    N_("Send later, at an ISO 8601 time (FlashSMS)"), "ISO8601" },
  { "campaign-name", 0, 0, G_OPTION_ARG_STRING, &opt_campaign_name,
    N_("Campaign name (FlashSMS)"), "TEXT" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

static gboolean
is_phone_header (const char *field)
{
  g_autofree char *folded = g_utf8_casefold (field, -1);
  g_autofree char *stripped = g_strstrip (g_strdup (folded));

  return g_str_equal (stripped, "phone") || g_str_equal (stripped, "number") ||
         g_str_equal (stripped, "mobile") || g_str_equal (stripped, "phone number") ||
         g_str_equal (stripped, "to");
}

/* Numbers one a line or separated by ',' ';' or tabs; or a CSV file whose
 * first record names a phone column, then only that column is read. */
static gboolean
read_to_file (const char  *path,
              GPtrArray   *numbers,
              GError     **error)
{
  g_autoptr(HeraldCsvReader) reader = herald_csv_reader_new_for_path (path, error);
  const char * const *fields;
  gboolean first = TRUE;
  int column = -1;

  if (reader == NULL)
    return FALSE;
  herald_csv_reader_set_trim (reader, TRUE);

  while (herald_csv_reader_next (reader, &fields, NULL, error))
    {
      if (first)
        {
          first = FALSE;
          for (int i = 0; fields[i] != NULL; i++)
            if (is_phone_header (fields[i]))
              {
                column = i;
                break;
              }
          if (column >= 0)
            continue;
        }

      for (int i = 0; fields[i] != NULL; i++)
        {
          if (column >= 0 && i != column)
            continue;
          /* A line may still hold both separators: "a;b" in a comma file. */
          g_auto(GStrv) parts = g_strsplit_set (fields[i], ",;\t", -1);

          for (guint j = 0; parts[j] != NULL; j++)
            {
              g_strstrip (parts[j]);
              if (*parts[j] != '\0')
                g_ptr_array_add (numbers, g_strdup (parts[j]));
            }
        }
    }

  return error == NULL || *error == NULL;
}

/* Templates the provider keeps (HeraldRemoteDirectory); local ones do not exist yet. */
static char *
find_template (HeraldCliAccount  *account,
               const char        *name,
               int               *status)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  if (!HERALD_IS_REMOTE_DIRECTORY (account->provider))
    {
      g_printerr (_("heraldctl send: --template reads the provider’s templates, which only FlashSMS "
                    "has; Herald’s own templates are not available yet. Use --message.\n"));
      *status = HERALD_CLI_EXIT_USAGE;
      return NULL;
    }

  herald_remote_directory_list_templates_async (HERALD_REMOTE_DIRECTORY (account->provider), NULL,
                                                herald_cli_async_done, &result);
  herald_cli_wait (&result);
  templates = herald_remote_directory_list_templates_finish (HERALD_REMOTE_DIRECTORY (account->provider),
                                                             result, &error);
  if (templates == NULL)
    {
      *status = herald_cli_provider_failure (error);
      return NULL;
    }

  for (guint i = 0; i < templates->len; i++)
    {
      HeraldDirectoryTemplate *template = templates->pdata[i];

      if (g_strcmp0 (template->name, name) == 0)
        return g_strdup (template->content);
    }

  g_printerr (_("heraldctl send: the account “%s” has no template named “%s”; "
                "“heraldctl templates list --account %s” shows them.\n"),
              herald_account_get_name (account->account), name,
              herald_account_get_name (account->account));
  *status = HERALD_CLI_EXIT_USAGE;
  return NULL;
}

static int
check_options (const HeraldCliCommand *command,
               HeraldCliAccount       *account)
{
  const struct { const char *option; gboolean given; HeraldProviderFeatures feature; } wanted[] = {
    { "--sender", opt_sender != NULL, HERALD_PROVIDER_FEATURE_SENDER_ID },
    { "--device", opt_device != NULL, HERALD_PROVIDER_FEATURE_DEVICE_ID },
    { "--media-url", opt_media_url != NULL, HERALD_PROVIDER_FEATURE_MEDIA },
    { "--schedule", opt_schedule != NULL, HERALD_PROVIDER_FEATURE_SCHEDULE },
    { "--campaign-name", opt_campaign_name != NULL, HERALD_PROVIDER_FEATURE_CAMPAIGN_NAME },
  };

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    if (wanted[i].given && !herald_provider_has_feature (account->provider, wanted[i].feature))
      return herald_cli_option_unsupported (command, wanted[i].option, account);

  return HERALD_CLI_EXIT_OK;
}

/* The core's send plan for what is about to go out: the figures the
 * Compose page shows (the provider still checks the numbers itself). */
static HeraldSendPlan *
plan_for (HeraldCliAccount *account,
          HeraldOutgoing   *outgoing)
{
  g_autofree char *recipients = g_strjoinv ("\n", (char **) herald_outgoing_get_recipients (outgoing));
  HeraldSendPlanInput input = {
    .text = herald_outgoing_get_text (outgoing),
    .recipients = recipients,
    .dialect = herald_provider_get_dialect (account->provider),
    .region = herald_account_get_region (account->account),
    .has_credits = herald_provider_has_feature (account->provider, HERALD_PROVIDER_FEATURE_BALANCE),
    .balance = -1,                    /* not asked for: one request less */
    .confirm_threshold = G_MAXUINT,   /* the command line does not ask */
  };

  return herald_send_plan_new (&input);
}

static void
add_plan_json (JsonBuilder    *builder,
               HeraldSendPlan *plan)
{
  json_builder_set_member_name (builder, "plan");
  json_builder_begin_object (builder);
  herald_cli_json_add_int (builder, "valid", herald_send_plan_get_n_valid (plan));
  herald_cli_json_add_int (builder, "invalid", herald_send_plan_get_n_invalid (plan));
  herald_cli_json_add_int (builder, "duplicates", herald_send_plan_get_n_duplicates (plan));
  herald_cli_json_add_string (builder, "encoding",
                              herald_send_plan_get_analysis (plan) != NULL
                                ? herald_sms_encoding_to_string (herald_send_plan_get_encoding (plan)) : NULL);
  herald_cli_json_add_int (builder, "characters", herald_send_plan_get_characters (plan));
  herald_cli_json_add_int (builder, "parts", herald_send_plan_get_parts (plan));
  herald_cli_json_add_int (builder, "messages", herald_send_plan_get_messages (plan));
  herald_cli_json_add_int (builder, "credits", herald_send_plan_get_credits (plan));
  herald_cli_json_add_string (builder, "problem", herald_send_plan_get_problem_message (plan));
  json_builder_end_object (builder);
}

static void
print_json (HeraldSendReport *report,
            HeraldSendPlan   *plan)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char * const *ids = herald_send_report_get_message_ids (report);
  const GError *error = herald_send_report_get_error (report);
  guint n = herald_send_report_get_n_recipients (report);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "invalid");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    if (herald_send_report_get_outcome (report, i) == HERALD_RECIPIENT_INVALID)
      {
        json_builder_begin_object (builder);
        herald_cli_json_add_string (builder, "input", herald_send_report_get_input (report, i));
        herald_cli_json_add_string (builder, "reason", herald_send_report_get_reason (report, i));
        json_builder_end_object (builder);
      }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "recipients");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      herald_cli_json_add_string (builder, "input", herald_send_report_get_input (report, i));
      herald_cli_json_add_string (builder, "number", herald_send_report_get_number (report, i));
      herald_cli_json_add_string (builder, "outcome",
                                  herald_recipient_outcome_to_string (herald_send_report_get_outcome (report, i)));
      herald_cli_json_add_string (builder, "message_id",
                                  herald_send_report_get_recipient_message_id (report, i));
      herald_cli_json_add_string (builder, "reason", herald_send_report_get_reason (report, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  herald_cli_json_add_int (builder, "queued", herald_send_report_count (report, HERALD_RECIPIENT_QUEUED));
  herald_cli_json_add_count (builder, "credits_used", herald_send_report_get_credits_used (report));
  herald_cli_json_add_count (builder, "balance_after", herald_send_report_get_balance_after (report));
  herald_cli_json_add_string (builder, "error", error != NULL ? error->message : NULL);
  add_plan_json (builder, plan);
  json_builder_end_object (builder);

  herald_cli_print_json (builder);
}

static void
print_human (HeraldSendReport *report,
             HeraldSendPlan   *plan)
{
  g_autofree char *summary = herald_send_plan_dup_summary (plan);
  guint n = herald_send_report_get_n_recipients (report);
  guint queued = herald_send_report_count (report, HERALD_RECIPIENT_QUEUED);
  glong width = 0;

  for (guint i = 0; i < n; i++)
    width = MAX (width, g_utf8_strlen (herald_send_report_get_input (report, i), -1));

  g_print (g_dngettext (GETTEXT_PACKAGE, "Queued for %u recipient", "Queued for %u recipients", queued),
           queued);
  if (herald_send_report_get_credits_used (report) >= 0)
    g_print (_("; %" G_GINT64_FORMAT " credits used"), herald_send_report_get_credits_used (report));
  if (herald_send_report_get_balance_after (report) >= 0)
    g_print (_(", %" G_GINT64_FORMAT " left"), herald_send_report_get_balance_after (report));
  g_print (".\n");

  for (guint i = 0; i < n; i++)
    {
      const char *id = herald_send_report_get_recipient_message_id (report, i);
      const char *reason = herald_send_report_get_reason (report, i);

      g_print ("  ");
      herald_cli_print_padded (herald_send_report_get_input (report, i), width + 2);
      herald_cli_print_padded (herald_recipient_outcome_to_string (herald_send_report_get_outcome (report, i)), 14);
      g_print ("%s\n", id != NULL ? id : reason != NULL ? reason : "");
    }

  if (n > 0 && herald_send_report_get_recipient_message_id (report, 0) == NULL)
    {
      const char * const *ids = herald_send_report_get_message_ids (report);

      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        g_print (_("Message ID: %s\n"), ids[i]);
    }

  g_print (_("Plan: %s.\n"), summary);
}

/* Exit 1 unless every valid recipient was queued: the rest must be looked
 * at before anything is sent again. */
static int
report_status (HeraldSendReport *report)
{
  guint unknown = herald_send_report_count (report, HERALD_RECIPIENT_FATE_UNKNOWN);
  guint not_sent = herald_send_report_count (report, HERALD_RECIPIENT_NOT_SENT);
  guint invalid = herald_send_report_count (report, HERALD_RECIPIENT_INVALID);
  const GError *error = herald_send_report_get_error (report);

  if (invalid > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "heraldctl: %u recipient is not a valid number and was not sent.\n",
                             "heraldctl: %u recipients are not valid numbers and were not sent.\n",
                             invalid), invalid);
  if (unknown == 0 && not_sent == 0)
    return HERALD_CLI_EXIT_OK;

  if (error != NULL)
    g_printerr ("heraldctl: %s\n", error->message);
  if (unknown > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "heraldctl: %u message may or may not have gone out: check “heraldctl status” "
                             "before sending again.\n",
                             "heraldctl: %u messages may or may not have gone out: check “heraldctl status” "
                             "before sending again.\n", unknown), unknown);
  if (not_sent > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "heraldctl: %u recipient was not sent to; it is safe to send to it again.\n",
                             "heraldctl: %u recipients were not sent to; it is safe to send to them again.\n",
                             not_sent), not_sent);

  return HERALD_CLI_EXIT_FAILURE;
}

/* When nothing could be sent, say for each number what is wrong with it
 * (the provider refuses the send as a whole, without a report). */
static void
explain_numbers (HeraldCliAccount *account,
                 HeraldOutgoing   *outgoing)
{
  const char * const *numbers = herald_outgoing_get_recipients (outgoing);
  const char *region = herald_account_get_region (account->account);

  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      HeraldPhoneNumber *number = herald_phone_number_parse (numbers[i], region, HERALD_PHONE_NUMBER_FLAGS_NONE,
                                                             &error);

      if (number != NULL)
        herald_phone_number_unref (number);
      else
        g_printerr ("heraldctl: %s\n", error->message);   /* it names the input */
    }
}

static int
send_with (const HeraldCliCommand *command,
           HeraldCliAccount       *account,
           HeraldOutgoing         *outgoing)
{
  g_autoptr(HeraldMessageLog) log = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldSendReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldSendPlan) plan = plan_for (account, outgoing);
  int status;

  /* Through the log: FlixySMS keeps no history, so `history` reads this. */
  log = herald_message_log_new (herald_account_store_get_database (account->store));
  herald_logged_send_async (log, account->provider, herald_account_get_id (account->account),
                            outgoing, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  report = herald_logged_send_finish (log, result, &error);
  if (report == NULL)
    {
      if (g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT))
        explain_numbers (account, outgoing);
      return herald_cli_provider_failure (error);
    }

  status = report_status (report);
  if (opt_json)
    print_json (report, plan);
  else
    print_human (report, plan);

  return status;
}

int
herald_cli_send_run (const HeraldCliCommand  *command,
                     int                      argc,
                     char                   **argv)
{
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HeraldOutgoing) outgoing = NULL;
  g_autoptr(GDateTime) schedule = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int status;

  if (argc > 1)
    return herald_cli_usage_error (command, _("“send” takes no arguments; give numbers with --to."));
  if ((opt_message == NULL) == (opt_template == NULL))
    return herald_cli_usage_error (command, _("Give the text with --message TEXT or --template NAME "
                                              "(one of the two)."));

  for (guint i = 0; opt_to != NULL && opt_to[i] != NULL; i++)
    g_ptr_array_add (numbers, g_strdup (opt_to[i]));
  if (opt_to_file != NULL && !read_to_file (opt_to_file, numbers, &error))
    return herald_cli_usage_error (command, _("Could not read %s: %s"), opt_to_file, error->message);
  if (numbers->len == 0)
    return herald_cli_usage_error (command, _("Say who gets the message with --to NUMBER or --to-file FILE."));

  if (opt_schedule != NULL)
    {
      schedule = herald_cli_parse_time (opt_schedule, FALSE, &error);
      if (schedule == NULL)
        return herald_cli_usage_error (command, "--schedule: %s", error->message);
    }

  if ((status = herald_cli_open_account (command, opt_account, &account)) != HERALD_CLI_EXIT_OK)
    return status;
  if ((status = check_options (command, &account)) != HERALD_CLI_EXIT_OK)
    return status;

  if (opt_template != NULL)
    {
      text = find_template (&account, opt_template, &status);
      if (text == NULL)
        return status;
    }
  else
    text = g_strdup (opt_message);

  outgoing = herald_outgoing_new (text);
  for (guint i = 0; i < numbers->len; i++)
    herald_outgoing_add_recipient (outgoing, numbers->pdata[i]);
  herald_outgoing_set_sender_id (outgoing, opt_sender);
  herald_outgoing_set_device_id (outgoing, opt_device);
  herald_outgoing_set_media_url (outgoing, opt_media_url);
  herald_outgoing_set_schedule (outgoing, schedule);
  herald_outgoing_set_campaign_name (outgoing, opt_campaign_name);

  return send_with (command, &account, outgoing);
}
