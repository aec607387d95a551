/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-history"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

/* Rows a page of the local log shows, like FlashSMS's default. */
#define LOCAL_PAGE_SIZE 20

static char *opt_account;
static char *opt_status;
static char *opt_since;
static char *opt_until;
static int opt_page;
static gboolean opt_all;
static gboolean opt_json;

const GOptionEntry herald_cli_history_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_STRING, &opt_account, N_("Account to ask"), "NAME" },
  { "status", 0, 0, G_OPTION_ARG_STRING, &opt_status,
    N_("Only messages in this state: queued (pending), sent, delivered, failed"), "STATE" },
  { "since", 0, 0, G_OPTION_ARG_STRING, &opt_since, N_("Only messages sent since"), "T" },
  { "until", 0, 0, G_OPTION_ARG_STRING, &opt_until, N_("Only messages sent until"), "T" },
  { "page", 0, 0, G_OPTION_ARG_INT, &opt_page, N_("Page to print (from 1)"), "N" },
  { "all", 0, 0, G_OPTION_ARG_NONE, &opt_all, N_("Print every page"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

static void
add_sent_json (JsonBuilder   *builder,
               gconstpointer  item)
{
  const HeraldSentMessage *m = item;
  const char *said = m->provider_status;

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "id", m->id);
  herald_cli_json_add_string (builder, "message", m->text);
  herald_cli_json_add_count (builder, "recipients", m->recipient_count);
  herald_cli_json_add_string (builder, "status",
                              herald_delivery_state_to_string (herald_delivery_state_from_string (said)));
  herald_cli_json_add_string (builder, "provider_status", said);
  herald_cli_json_add_count (builder, "credits_used", m->credits_used);
  herald_cli_json_add_string (builder, "sender_id", m->sender_id);
  herald_cli_json_add_string (builder, "campaign_name", m->campaign_name);
  herald_cli_json_add_time (builder, "created_at", m->created_at);
  herald_cli_json_add_time (builder, "sent_at", m->sent_at);
  herald_cli_json_add_time (builder, "scheduled_at", m->scheduled_at);
  json_builder_end_object (builder);
}

static void
print_remote (GPtrArray              *messages,
              const HeraldPagination *pagination)
{
  if (opt_json)
    {
      herald_cli_print_json_array (messages, add_sent_json);
      return;
    }

  if (messages->len == 0)
    g_print ("%s\n", _("No messages."));
  for (guint i = 0; i < messages->len; i++)
    {
      HeraldSentMessage *m = messages->pdata[i];
      g_autofree char *when = herald_cli_format_time (m->created_at);
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, m->recipient_count);

      herald_cli_print_padded (when, 18);
      herald_cli_print_padded (m->id, 28);
      herald_cli_print_padded (m->provider_status, 11);
      herald_cli_print_padded (count, 6);
      herald_cli_print_one_line (m->text);
    }
  if (pagination != NULL && pagination->has_more)
    herald_cli_print_page_hint (pagination->page, pagination->total_pages);
}

/* The states a provider's history filters on, as --status spells them. */
static gboolean
remote_state_from_string (const char          *string,
                          HeraldDeliveryState *state)
{
  static const struct { const char *word; HeraldDeliveryState state; } words[] = {
    { "pending", HERALD_DELIVERY_QUEUED },
    { "queued", HERALD_DELIVERY_QUEUED },
    { "sent", HERALD_DELIVERY_SENT },
    { "delivered", HERALD_DELIVERY_DELIVERED },
    { "failed", HERALD_DELIVERY_FAILED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (string, words[i].word) == 0)
      {
        *state = words[i].state;
        return TRUE;
      }
  return FALSE;
}

/* The provider's own history (HeraldHistorySource). */
static int
remote_history (HeraldHistorySource    *history,
                const HeraldCliCommand *command,
                GDateTime              *since,
                GDateTime              *until)
{
  HeraldHistoryFilter filter = { HERALD_DELIVERY_UNKNOWN, since, until };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (opt_status != NULL && !remote_state_from_string (opt_status, &filter.state))
    return herald_cli_usage_error (command, _("“%s” is not a state: use pending, sent, delivered or failed."),
                                   g_utf8_validate (opt_status, -1, NULL) ? opt_status : "?");

  if (opt_all)
    {
      g_autoptr(GPtrArray) messages = NULL;

      herald_history_source_list_all_history_async (history, &filter, NULL, herald_cli_async_done, &result);
      herald_cli_wait (&result);
      messages = herald_history_source_list_all_history_finish (history, result, &error);
      if (messages == NULL)
        return herald_cli_provider_failure (error);
      print_remote (messages, NULL);
    }
  else
    {
      g_autoptr(HeraldRemotePage) page = NULL;

      herald_history_source_list_history_async (history, &filter, (guint) opt_page, 0, NULL,
                                                herald_cli_async_done, &result);
      herald_cli_wait (&result);
      page = herald_history_source_list_history_finish (history, result, &error);
      if (page == NULL)
        return herald_cli_provider_failure (error);
      print_remote (page->items, &page->pagination);
    }

  return HERALD_CLI_EXIT_OK;
}

static void
add_logged_json (JsonBuilder   *builder,
                 gconstpointer  item)
{
  HeraldLoggedMessage *m = (HeraldLoggedMessage *) item;

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "id", herald_logged_message_get_message_id (m));
  herald_cli_json_add_string (builder, "to", herald_logged_message_get_recipient (m));
  herald_cli_json_add_string (builder, "message", herald_logged_message_get_text (m));
  herald_cli_json_add_string (builder, "status", herald_delivery_state_to_string (herald_logged_message_get_state (m)));
  herald_cli_json_add_string (builder, "error", herald_logged_message_get_error (m));
  herald_cli_json_add_count (builder, "parts", herald_logged_message_get_parts (m));
  herald_cli_json_add_time (builder, "sent_at", herald_logged_message_get_sent_at (m));
  herald_cli_json_add_time (builder, "updated_at", herald_logged_message_get_updated_at (m));
  json_builder_end_object (builder);
}

static void
print_local (GListModel *rows)
{
  guint n = g_list_model_get_n_items (rows);

  if (opt_json)
    {
      herald_cli_print_json_model (rows, add_logged_json);
      return;
    }

  if (n == 0)
    g_print ("%s\n", _("No messages sent from Herald with this account."));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldLoggedMessage) m = g_list_model_get_item (rows, i);
      g_autofree char *when = herald_cli_format_time (herald_logged_message_get_sent_at (m));

      herald_cli_print_padded (when, 18);
      herald_cli_print_padded (herald_logged_message_get_recipient (m), 17);
      herald_cli_print_padded (herald_delivery_state_to_string (herald_logged_message_get_state (m)), 11);
      herald_cli_print_padded (herald_logged_message_get_message_id (m), 38);
      herald_cli_print_one_line (herald_logged_message_get_text (m));
    }
}

/* A provider that keeps no history (FlixySMS): Herald's own log of what it sent. */
static int
local_history (HeraldCliAccount       *account,
               const HeraldCliCommand *command,
               GDateTime              *since,
               GDateTime              *until)
{
  HeraldMessageLogFilter filter = { HERALD_DELIVERY_UNKNOWN, since, until, NULL };
  g_autoptr(HeraldMessageLog) log = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint page = opt_page > 0 ? (guint) opt_page : 1;
  gboolean wants_unknown;

  if (opt_status != NULL)
    {
      filter.state = herald_delivery_state_from_string (opt_status);
      if (filter.state == HERALD_DELIVERY_UNKNOWN && g_ascii_strcasecmp (opt_status, "unknown") != 0)
        return herald_cli_usage_error (command,
                                       _("“%s” is not a state: use queued, sent, delivered, failed or unknown."),
                                       g_utf8_validate (opt_status, -1, NULL) ? opt_status : "?");
    }

  /* The log's filter reads UNKNOWN as "any state": "unknown" is filtered
   * here, over every row, and paged here too. */
  wants_unknown = opt_status != NULL && filter.state == HERALD_DELIVERY_UNKNOWN;
  log = herald_message_log_new (herald_account_store_get_database (account->store));
  herald_message_log_list_async (log, herald_account_get_id (account->account), &filter,
                                 opt_all || wants_unknown ? 0 : (page - 1) * LOCAL_PAGE_SIZE,
                                 opt_all || wants_unknown ? 0 : LOCAL_PAGE_SIZE,
                                 NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  rows = herald_message_log_list_finish (log, result, &error);
  if (rows == NULL)
    return herald_cli_failure ("%s", error->message);

  if (wants_unknown)
    {
      g_autoptr(GListStore) unknown = g_list_store_new (HERALD_TYPE_LOGGED_MESSAGE);
      guint skip = opt_all ? 0 : (page - 1) * LOCAL_PAGE_SIZE;

      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(HeraldLoggedMessage) m = g_list_model_get_item (rows, i);

          if (herald_logged_message_get_state (m) != HERALD_DELIVERY_UNKNOWN)
            continue;
          if (skip > 0)
            skip--;
          else if (opt_all || g_list_model_get_n_items (G_LIST_MODEL (unknown)) < LOCAL_PAGE_SIZE)
            g_list_store_append (unknown, m);
        }
      print_local (G_LIST_MODEL (unknown));
      return HERALD_CLI_EXIT_OK;
    }

  print_local (rows);
  return HERALD_CLI_EXIT_OK;
}

int
herald_cli_history_run (const HeraldCliCommand  *command,
                        int                      argc,
                        char                   **argv)
{
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  int status;

  if (argc != 1)
    return herald_cli_usage_error (command, _("“history” takes no arguments."));
  if ((status = herald_cli_parse_page_options (command, opt_all, opt_page, opt_since, opt_until,
                                               &since, &until)) != HERALD_CLI_EXIT_OK)
    return status;

  if ((status = herald_cli_open_account (command, opt_account, &account)) != HERALD_CLI_EXIT_OK)
    return status;

  if (HERALD_IS_HISTORY_SOURCE (account.provider))
    return remote_history (HERALD_HISTORY_SOURCE (account.provider), command, since, until);

  return local_history (&account, command, since, until);
}
