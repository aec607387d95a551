/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-status"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

static char *opt_account;
static gboolean opt_json;

const GOptionEntry herald_cli_status_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_STRING, &opt_account, N_("Account to ask"), "NAME" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

static void
print_row (const char *label,
           const char *value)
{
  herald_cli_print_padded (label, 16);
  g_print ("%s\n", value != NULL ? value : "-");
}

static void
print_time_row (const char *label,
                GDateTime  *time)
{
  g_autofree char *text = herald_cli_format_time (time);

  print_row (label, text);
}

/* What the dialect reports of a message (@message->fields), in one order
 * for every dialect. */
static int
print_status (HeraldSentMessage *message)
{
  HeraldSentMessageFields fields = message->fields;
  const char *said = message->provider_status;

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      herald_cli_json_add_string (builder, "id", message->id);
      herald_cli_json_add_string (builder, "status",
                                  herald_delivery_state_to_string (herald_delivery_state_from_string (said)));
      herald_cli_json_add_string (builder, "provider_status", said);
      if (fields & HERALD_SENT_MESSAGE_RECIPIENT_COUNT)
        herald_cli_json_add_count (builder, "recipients", message->recipient_count);
      if (fields & HERALD_SENT_MESSAGE_CREDITS_USED)
        herald_cli_json_add_count (builder, "credits_used", message->credits_used);
      if (fields & HERALD_SENT_MESSAGE_SENDER_ID)
        herald_cli_json_add_string (builder, "sender_id", message->sender_id);
      if (fields & HERALD_SENT_MESSAGE_DEVICE_ID)
        herald_cli_json_add_string (builder, "device_id", message->device_id);
      if (fields & HERALD_SENT_MESSAGE_CREATED_AT)
        herald_cli_json_add_time (builder, "created_at", message->created_at);
      if (fields & HERALD_SENT_MESSAGE_SENT_AT)
        herald_cli_json_add_time (builder, "sent_at", message->sent_at);
      if (fields & HERALD_SENT_MESSAGE_SCHEDULED_AT)
        herald_cli_json_add_time (builder, "scheduled_at", message->scheduled_at);
      if (fields & HERALD_SENT_MESSAGE_DELIVERED_AT)
        herald_cli_json_add_time (builder, "delivered_at", message->delivered_at);
      json_builder_end_object (builder);
      herald_cli_print_json (builder);
      return HERALD_CLI_EXIT_OK;
    }

  print_row (_("Message"), message->id);
  print_row (_("Status"), said);
  if (fields & HERALD_SENT_MESSAGE_RECIPIENT_COUNT)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, message->recipient_count);

      print_row (_("Recipients"), count);
    }
  if (fields & HERALD_SENT_MESSAGE_SENDER_ID)
    print_row (_("Sender"), message->sender_id);
  if (fields & HERALD_SENT_MESSAGE_DEVICE_ID)
    print_row (_("Device"), message->device_id);
  if (fields & HERALD_SENT_MESSAGE_CREATED_AT)
    print_time_row (_("Created"), message->created_at);
  if (fields & HERALD_SENT_MESSAGE_SENT_AT)
    print_time_row (_("Sent"), message->sent_at);
  if (fields & HERALD_SENT_MESSAGE_DELIVERED_AT)
    print_time_row (_("Delivered"), message->delivered_at);

  return HERALD_CLI_EXIT_OK;
}

int
herald_cli_status_run (const HeraldCliCommand  *command,
                       int                      argc,
                       char                   **argv)
{
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldSentMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  HeraldMessageDetails *details;
  int status;

  if (argc != 2)
    return herald_cli_usage_error (command, _("“status” takes one MESSAGE_ID."));
  if ((status = herald_cli_open_capable (command, opt_account, HERALD_TYPE_MESSAGE_DETAILS, _("message status"),
                                         &account)) != HERALD_CLI_EXIT_OK)
    return status;

  details = HERALD_MESSAGE_DETAILS (account.provider);
  herald_message_details_get_message_async (details, argv[1], NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  message = herald_message_details_get_message_finish (details, result, &error);
  if (message == NULL)
    return herald_cli_provider_failure (error);

  return print_status (message);
}

static void
print_report_json (HeraldDeliveryReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const HeraldRecipientDelivery *recipients = report->recipients;
  guint n = report->n_recipients;

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "id", report->message_id);
  herald_cli_json_add_string (builder, "status",
                              herald_delivery_state_to_string (herald_delivery_state_from_string (
                                report->provider_status)));
  herald_cli_json_add_string (builder, "provider_status", report->provider_status);
  herald_cli_json_add_count (builder, "recipient_count", report->recipient_count);
  herald_cli_json_add_count (builder, "delivered", report->delivered);
  herald_cli_json_add_count (builder, "failed", report->failed);
  herald_cli_json_add_count (builder, "pending", report->pending);
  json_builder_set_member_name (builder, "delivery_rate");
  json_builder_add_double_value (builder, report->delivery_rate);
  json_builder_set_member_name (builder, "recipients");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      herald_cli_json_add_string (builder, "phone", recipients[i].phone);
      herald_cli_json_add_string (builder, "status", recipients[i].provider_status);
      herald_cli_json_add_time (builder, "sent_at", recipients[i].sent_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  herald_cli_print_json (builder);
}

static void
print_report_human (HeraldDeliveryReport *report)
{
  const HeraldRecipientDelivery *recipients = report->recipients;
  guint n = report->n_recipients;

  g_print (_("Message %s: %s — %u delivered, %u failed, %u pending (%.1f%% delivered)\n"),
           report->message_id, report->provider_status,
           report->delivered, report->failed, report->pending, report->delivery_rate);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sent = herald_cli_format_time (recipients[i].sent_at);

      g_print ("  ");
      herald_cli_print_padded (recipients[i].phone, 16);
      herald_cli_print_padded (recipients[i].provider_status, 12);
      g_print ("%s\n", sent);
    }
}

int
herald_cli_report_run (const HeraldCliCommand  *command,
                       int                      argc,
                       char                   **argv)
{
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldDeliveryReport) report = NULL;
  g_autoptr(GError) error = NULL;
  HeraldHistorySource *history;
  int status;

  if (argc != 2)
    return herald_cli_usage_error (command, _("“report” takes one MESSAGE_ID."));
  if ((status = herald_cli_open_capable (command, opt_account, HERALD_TYPE_HISTORY_SOURCE,
                                         _("delivery reports; use “heraldctl status” for one message"),
                                         &account)) != HERALD_CLI_EXIT_OK)
    return status;

  history = HERALD_HISTORY_SOURCE (account.provider);
  herald_history_source_get_report_async (history, argv[1], NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  report = herald_history_source_get_report_finish (history, result, &error);
  if (report == NULL)
    return herald_cli_provider_failure (error);

  if (opt_json)
    print_report_json (report);
  else
    print_report_human (report);

  return HERALD_CLI_EXIT_OK;
}
