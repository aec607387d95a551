/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-message"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

const HeraldCliCommand herald_cli_message_commands[] = {
  { "send", NULL, N_("Send a message to one or many recipients"),
    N_("Many recipients make a bulk send, split to the provider’s limits. Invalid numbers are "
       "reported and not sent. --json prints message_ids, invalid and each recipient’s outcome.\n"
       "Exit status: 0 every valid recipient queued; 1 the send failed, or some recipients were "
       "not sent or may have been (check “heraldctl status” before sending again); 2 usage "
       "error or an option the account’s dialect does not have. On a failure without a report "
       "stdout stays empty and stderr says why."),
    herald_cli_send_entries, herald_cli_send_run },
  { "status", N_("MESSAGE_ID"), N_("Show the state of a sent message"), NULL,
    herald_cli_status_entries, herald_cli_status_run },
  { "inbox", NULL, N_("List received messages (FlixySMS) and keep them in the local inbox"), NULL,
    herald_cli_inbox_entries, herald_cli_inbox_run },
  { "report", N_("MESSAGE_ID"), N_("Show the delivery report of a message (FlashSMS)"), NULL,
    herald_cli_status_entries, herald_cli_report_run },
  { NULL }
};
