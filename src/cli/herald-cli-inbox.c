/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-inbox"

#include "config.h"

#include <glib/gi18n.h>

#include "inbox/herald-inbox-keep.h"
#include "providers/herald-inbox-source.h"
#include "herald-cli.h"

static char *opt_account;
static char *opt_from;
static char *opt_since;
static char *opt_until;
static char *opt_device;
static int opt_page;
static gboolean opt_all;
static gboolean opt_json;

const GOptionEntry herald_cli_inbox_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_STRING, &opt_account, N_("Account to ask"), "NAME" },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from, N_("Only messages from this number"), "NUMBER" },
  { "since", 0, 0, G_OPTION_ARG_STRING, &opt_since, N_("Only messages received since"), "T" },
  { "until", 0, 0, G_OPTION_ARG_STRING, &opt_until, N_("Only messages received until"), "T" },
  { "device", 0, 0, G_OPTION_ARG_STRING, &opt_device, N_("Only messages of this device"), "ID" },
  { "page", 0, 0, G_OPTION_ARG_INT, &opt_page, N_("Page to print (from 1)"), "N" },
  { "all", 0, 0, G_OPTION_ARG_NONE, &opt_all, N_("Print every page"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

static void
add_received_json (JsonBuilder   *builder,
                   gconstpointer  item)
{
  HeraldReceivedMessage *m = (HeraldReceivedMessage *) item;

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "id", herald_received_message_get_id (m));
  herald_cli_json_add_string (builder, "from", herald_received_message_get_from (m));
  herald_cli_json_add_string (builder, "message", herald_received_message_get_text (m));
  herald_cli_json_add_time (builder, "received_at", herald_received_message_get_received_at (m));
  herald_cli_json_add_string (builder, "device_id", herald_received_message_get_device_id (m));
  herald_cli_json_add_string (builder, "device_name", herald_received_message_get_device_name (m));
  herald_cli_json_add_string (builder, "device_phone", herald_received_message_get_device_phone (m));
  herald_cli_json_add_string (builder, "type",
                              herald_message_type_to_string (herald_received_message_get_message_type (m)));
  herald_cli_json_add_count (builder, "sim_slot", herald_received_message_get_sim_slot (m));
  json_builder_end_object (builder);
}

static void
print_human (GListModel         *messages,
             HeraldReceivedPage *page)
{
  guint n = g_list_model_get_n_items (messages);
  glong from_width = 0, device_width = 0;

  if (n == 0)
    g_print ("%s\n", _("No received messages."));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldReceivedMessage) m = g_list_model_get_item (messages, i);
      const char *device = herald_received_message_get_device_name (m);

      from_width = MAX (from_width, g_utf8_strlen (herald_received_message_get_from (m), -1));
      device_width = MAX (device_width, device != NULL ? g_utf8_strlen (device, -1) : 1);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldReceivedMessage) m = g_list_model_get_item (messages, i);
      g_autofree char *when = herald_cli_format_time (herald_received_message_get_received_at (m));

      herald_cli_print_padded (when, 18);
      herald_cli_print_padded (herald_received_message_get_from (m), from_width + 2);
      herald_cli_print_padded (herald_received_message_get_device_name (m), device_width + 2);
      /* One message a line: a newline in the text would start a false row. */
      herald_cli_print_one_line (herald_received_message_get_text (m));
    }

  if (page == NULL || !herald_received_page_get_has_more (page))
    return;
  herald_cli_print_page_hint (herald_received_page_get_page (page), herald_received_page_get_total_pages (page));
}

/* What was listed is kept in the local inbox too, so that a STOP reply opts
 * its sender out of campaigns even when the app never runs (a cron job or the
 * campaign timer may call `heraldctl inbox`). A failure there is said but
 * does not fail the listing. */
static void
keep_locally (HeraldCliAccount *account,
              GListModel       *messages)
{
  g_autoptr(HeraldLocalInbox) inbox = herald_local_inbox_new (herald_account_store_get_database (account->store));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;

  herald_inbox_keep_async (inbox, account->account, messages, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  kept = herald_local_inbox_add_finish (inbox, result, &error);
  if (kept == NULL)
    g_printerr (_("The messages could not be kept in the local inbox (opt-out replies are not recorded): %s\n"),
                error->message);
}

int
herald_cli_inbox_run (const HeraldCliCommand  *command,
                      int                      argc,
                      char                   **argv)
{
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldReceivedPage) page = NULL;
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GError) error = NULL;
  HeraldReceivedFilter filter = { 0 };
  HeraldInboxSource *source;
  int status;

  if (argc != 1)
    return herald_cli_usage_error (command, _("“inbox” takes no arguments."));
  if ((status = herald_cli_parse_page_options (command, opt_all, opt_page, opt_since, opt_until,
                                               &since, &until)) != HERALD_CLI_EXIT_OK)
    return status;

  if ((status = herald_cli_open_capable (command, opt_account, HERALD_TYPE_INBOX_SOURCE, _("inbox"),
                                         &account)) != HERALD_CLI_EXIT_OK)
    return status;

  source = HERALD_INBOX_SOURCE (account.provider);
  filter.from = opt_from;
  filter.device_id = opt_device;
  filter.since = since;
  filter.until = until;

  if (opt_all)
    {
      herald_inbox_source_list_all_received_async (source, &filter, NULL, herald_cli_async_done, &result);
      herald_cli_wait (&result);
      messages = herald_inbox_source_list_all_received_finish (source, result, &error);
      if (messages == NULL)
        return herald_cli_provider_failure (error);
    }
  else
    {
      herald_inbox_source_list_received_async (source, &filter, (guint) opt_page, 0, NULL,
                                               herald_cli_async_done, &result);
      herald_cli_wait (&result);
      page = herald_inbox_source_list_received_finish (source, result, &error);
      if (page == NULL)
        return herald_cli_provider_failure (error);
      messages = g_object_ref (herald_received_page_get_items (page));
    }

  keep_locally (&account, messages);
  if (opt_json)
    herald_cli_print_json_model (messages, add_received_json);
  else
    print_human (messages, page);

  return HERALD_CLI_EXIT_OK;
}
