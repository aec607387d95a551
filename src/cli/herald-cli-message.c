#define G_LOG_DOMAIN "heraldctl-message"

#include "config.h"

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
static char *opt_from;
static char *opt_since;
static char *opt_until;
static int opt_page;
static gboolean opt_all;
static gboolean opt_json;

static const GOptionEntry send_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_STRING, &opt_account, N_("Account to send with"), "NAME" },
  { "to", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_to, N_("A recipient; repeat for more"), "NUMBER" },
  { "to-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_to_file,
    N_("Read recipients from a file, one a line or a CSV file"), "FILE" },
  { "message", 0, 0, G_OPTION_ARG_STRING, &opt_message, N_("Text of the message"), "TEXT" },
  { "template", 0, 0, G_OPTION_ARG_STRING, &opt_template, N_("Send a local template"), "NAME" },
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

static const GOptionEntry account_json_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_STRING, &opt_account, N_("Account to ask"), "NAME" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

static const GOptionEntry inbox_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_STRING, &opt_account, N_("Account to ask"), "NAME" },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from, N_("Only messages from this number"), "NUMBER" },
  { "since", 0, 0, G_OPTION_ARG_STRING, &opt_since, N_("Only messages received since"), "T" },
  { "until", 0, 0, G_OPTION_ARG_STRING, &opt_until, N_("Only messages received until"), "T" },
  { "device", 0, 0, G_OPTION_ARG_STRING, &opt_device, N_("Only messages of this device"), "ID" },
  { "page", 0, 0, G_OPTION_ARG_INT, &opt_page, N_("Page to print"), "N" },
  { "all", 0, 0, G_OPTION_ARG_NONE, &opt_all, N_("Print every page"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

const HeraldCliCommand herald_cli_message_commands[] = {
  { "send", NULL, N_("Send a message to one or many recipients"),
    N_("Many recipients make a bulk send, split to the provider’s limits."),
    send_entries, NULL },
  { "status", N_("MESSAGE_ID"), N_("Show the state of a sent message"), NULL,
    account_json_entries, NULL },
  { "inbox", NULL, N_("List received messages"), NULL, inbox_entries, NULL },
  { "report", N_("MESSAGE_ID"), N_("Show the delivery report of a message"), NULL,
    account_json_entries, NULL },
  { NULL }
};
