/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-status"

#include "config.h"

#include <glib/gi18n.h>

#include "providers/flashsms/herald-flashsms-client.h"
#include "providers/flixysms/herald-flixysms-client.h"
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

static int
flashsms_status (HeraldFlashsmsClient *client,
                 const char           *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldFlashsmsMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  const char *said;

  herald_flashsms_client_get_status_async (client, id, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  message = herald_flashsms_client_get_status_finish (client, result, &error);
  if (message == NULL)
    return herald_cli_provider_failure (error);

  said = herald_flashsms_message_get_status_string (message);
  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      herald_cli_json_add_string (builder, "id", herald_flashsms_message_get_id (message));
      herald_cli_json_add_string (builder, "status",
                                  herald_delivery_state_to_string (herald_delivery_state_from_string (said)));
      herald_cli_json_add_string (builder, "provider_status", said);
      herald_cli_json_add_count (builder, "recipients", herald_flashsms_message_get_recipient_count (message));
      herald_cli_json_add_count (builder, "credits_used", herald_flashsms_message_get_credits_used (message));
      herald_cli_json_add_string (builder, "sender_id", herald_flashsms_message_get_sender_id (message));
      herald_cli_json_add_time (builder, "created_at", herald_flashsms_message_get_created_at (message));
      herald_cli_json_add_time (builder, "sent_at", herald_flashsms_message_get_sent_at (message));
      herald_cli_json_add_time (builder, "scheduled_at", herald_flashsms_message_get_scheduled_at (message));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      herald_cli_print_json (root);
    }
  else
    {
      g_autofree char *count = g_strdup_printf ("%u", herald_flashsms_message_get_recipient_count (message));

      print_row (_("Message"), herald_flashsms_message_get_id (message));
      print_row (_("Status"), said);
      print_row (_("Recipients"), count);
      print_row (_("Sender"), herald_flashsms_message_get_sender_id (message));
      print_time_row (_("Created"), herald_flashsms_message_get_created_at (message));
      print_time_row (_("Sent"), herald_flashsms_message_get_sent_at (message));
    }

  return HERALD_CLI_EXIT_OK;
}

static int
flixysms_status (HeraldFlixysmsClient *client,
                 const char           *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldFlixysmsMessageStatus) message = NULL;
  g_autoptr(GError) error = NULL;
  const char *said;

  herald_flixysms_client_status_async (client, id, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  message = herald_flixysms_client_status_finish (client, result, &error);
  if (message == NULL)
    return herald_cli_provider_failure (error);

  said = herald_flixysms_message_status_get_status (message);
  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      herald_cli_json_add_string (builder, "id", herald_flixysms_message_status_get_message_id (message));
      herald_cli_json_add_string (builder, "status",
                                  herald_delivery_state_to_string (herald_delivery_state_from_string (said)));
      herald_cli_json_add_string (builder, "provider_status", said);
      herald_cli_json_add_string (builder, "device_id", herald_flixysms_message_status_get_device_id (message));
      herald_cli_json_add_time (builder, "delivered_at",
                                herald_flixysms_message_status_get_delivered_at (message));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      herald_cli_print_json (root);
    }
  else
    {
      print_row (_("Message"), herald_flixysms_message_status_get_message_id (message));
      print_row (_("Status"), said);
      print_row (_("Device"), herald_flixysms_message_status_get_device_id (message));
      print_time_row (_("Delivered"), herald_flixysms_message_status_get_delivered_at (message));
    }

  return HERALD_CLI_EXIT_OK;
}

int
herald_cli_status_run (const HeraldCliCommand  *command,
                       int                      argc,
                       char                   **argv)
{
  g_auto(HeraldCliAccount) account = { 0 };
  int status;

  if (argc != 2)
    return herald_cli_usage_error (command, _("“status” takes one MESSAGE_ID."));
  if ((status = herald_cli_open_account (command, opt_account, &account)) != HERALD_CLI_EXIT_OK)
    return status;

  if (HERALD_IS_FLASHSMS_CLIENT (account.provider))
    return flashsms_status (HERALD_FLASHSMS_CLIENT (account.provider), argv[1]);
  if (HERALD_IS_FLIXYSMS_CLIENT (account.provider))
    return flixysms_status (HERALD_FLIXYSMS_CLIENT (account.provider), argv[1]);

  return herald_cli_dialect_lacks (command, &account, _("message status"));
}

static void
print_report_json (HeraldFlashsmsReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const HeraldFlashsmsRecipientState *recipients;
  guint n;

  recipients = herald_flashsms_report_get_recipients (report, &n);
  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "id", herald_flashsms_report_get_message_id (report));
  herald_cli_json_add_string (builder, "status",
                              herald_delivery_state_to_string (herald_delivery_state_from_string (
                                herald_flashsms_report_get_status_string (report))));
  herald_cli_json_add_string (builder, "provider_status", herald_flashsms_report_get_status_string (report));
  herald_cli_json_add_count (builder, "recipient_count", herald_flashsms_report_get_recipient_count (report));
  herald_cli_json_add_count (builder, "delivered", herald_flashsms_report_get_delivered (report));
  herald_cli_json_add_count (builder, "failed", herald_flashsms_report_get_failed (report));
  herald_cli_json_add_count (builder, "pending", herald_flashsms_report_get_pending (report));
  json_builder_set_member_name (builder, "delivery_rate");
  json_builder_add_double_value (builder, herald_flashsms_report_get_delivery_rate (report));
  json_builder_set_member_name (builder, "recipients");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      herald_cli_json_add_string (builder, "phone", recipients[i].phone);
      herald_cli_json_add_string (builder, "status", recipients[i].status_string);
      herald_cli_json_add_time (builder, "sent_at", recipients[i].sent_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  herald_cli_print_json (root);
}

static void
print_report_human (HeraldFlashsmsReport *report)
{
  const HeraldFlashsmsRecipientState *recipients;
  guint n;

  recipients = herald_flashsms_report_get_recipients (report, &n);
  g_print (_("Message %s: %s — %u delivered, %u failed, %u pending (%.1f%% delivered)\n"),
           herald_flashsms_report_get_message_id (report),
           herald_flashsms_report_get_status_string (report),
           herald_flashsms_report_get_delivered (report),
           herald_flashsms_report_get_failed (report),
           herald_flashsms_report_get_pending (report),
           herald_flashsms_report_get_delivery_rate (report));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sent = herald_cli_format_time (recipients[i].sent_at);

      g_print ("  ");
      herald_cli_print_padded (recipients[i].phone, 16);
      herald_cli_print_padded (recipients[i].status_string, 12);
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
  g_autoptr(HeraldFlashsmsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  HeraldFlashsmsClient *client;
  int status;

  if (argc != 2)
    return herald_cli_usage_error (command, _("“report” takes one MESSAGE_ID."));
  if ((status = herald_cli_open_account (command, opt_account, &account)) != HERALD_CLI_EXIT_OK)
    return status;
  if (!HERALD_IS_FLASHSMS_CLIENT (account.provider))
    return herald_cli_dialect_lacks (command, &account,
                                     _("delivery reports; use “heraldctl status” for one message"));

  client = HERALD_FLASHSMS_CLIENT (account.provider);
  herald_flashsms_client_get_report_async (client, argv[1], NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  report = herald_flashsms_client_get_report_finish (client, result, &error);
  if (report == NULL)
    return herald_cli_provider_failure (error);

  if (opt_json)
    print_report_json (report);
  else
    print_report_human (report);

  return HERALD_CLI_EXIT_OK;
}
