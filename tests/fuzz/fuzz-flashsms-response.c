/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-flashsms-response"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "providers/flashsms/herald-flashsms-types.h"
#include "net/herald-provider-error.h"

/* Every FlashSMS response parser over one input parsed as JSON: each must
 * return a complete value or a MALFORMED_RESPONSE error (BAD_REQUEST for a
 * {"success": false} envelope), never crash, leak or hand out a half-filled
 * value. The error-body parser must accept anything. */

#define CHECK(cond)                                                            \
  G_STMT_START {                                                               \
    if (!(cond))                                                               \
      {                                                                        \
        fprintf (stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
        abort ();                                                              \
      }                                                                        \
  } G_STMT_END

/* json-glib parses recursively; a fuzzer would only find its stack limit. */
#define MAX_NESTING 512

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gboolean
nesting_within_limit (const uint8_t *data,
                      size_t         size)
{
  guint depth = 0;

  for (size_t i = 0; i < size; i++)
    if ((data[i] == '[' || data[i] == '{') && ++depth > MAX_NESTING)
      return FALSE;

  return TRUE;
}

static void
check_error (GError *error)
{
  CHECK (error != NULL);
  CHECK (error->domain == HERALD_PROVIDER_ERROR);
  CHECK (error->code == HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE ||
         error->code == HERALD_PROVIDER_ERROR_BAD_REQUEST);
  CHECK (error->message != NULL && g_utf8_validate (error->message, -1, NULL));
}

static void
check_pagination (const HeraldFlashsmsPagination *pagination)
{
  CHECK (pagination != NULL);
  CHECK (pagination->has_more == TRUE || pagination->has_more == FALSE);
}

static void
check_message (HeraldFlashsmsMessage *message)
{
  CHECK (herald_flashsms_message_get_id (message) != NULL);
  CHECK (herald_flashsms_message_get_text (message) != NULL);
  CHECK (herald_flashsms_message_get_status_string (message) != NULL);
  CHECK (herald_flashsms_message_get_created_at (message) != NULL);
  CHECK (herald_flashsms_message_get_credits_used (message) >= 0);
  CHECK ((herald_flashsms_message_get_status (message) == HERALD_FLASHSMS_STATUS_UNKNOWN) ==
         (herald_flashsms_status_to_string (herald_flashsms_message_get_status (message)) == NULL));
}

static void
run_messaging_parsers (JsonNode *root)
{
  g_autoptr(GError) error = NULL;
  HeraldFlashsmsSendResult *send;
  HeraldFlashsmsBalance *balance;
  HeraldFlashsmsMessage *message;
  HeraldFlashsmsHistoryPage *history;
  HeraldFlashsmsEstimate *estimate;
  HeraldFlashsmsReport *report;

  send = herald_flashsms_send_result_parse (root, &error);
  if (send != NULL)
    {
      const HeraldFlashsmsInvalidRecipient *invalid;
      guint n_invalid = 0;

      CHECK (error == NULL);
      CHECK (g_strv_length ((char **) herald_flashsms_send_result_get_message_ids (send)) == 1);
      CHECK (herald_flashsms_send_result_get_credits_used (send) >= 0);
      CHECK (herald_flashsms_send_result_get_error (send) == NULL);
      invalid = herald_flashsms_send_result_get_invalid (send, &n_invalid);
      CHECK ((invalid == NULL) == (n_invalid == 0));
      for (guint i = 0; i < n_invalid; i++)
        CHECK (invalid[i].input != NULL && invalid[i].reason != NULL);
      herald_flashsms_send_result_unref (send);
    }
  else
    check_error (error);
  g_clear_error (&error);

  balance = herald_flashsms_balance_parse (root, &error);
  if (balance != NULL)
    herald_flashsms_balance_unref (balance);
  else
    check_error (error);
  g_clear_error (&error);

  message = herald_flashsms_message_parse (root, &error);
  if (message != NULL)
    {
      check_message (message);
      herald_flashsms_message_unref (message);
    }
  else
    check_error (error);
  g_clear_error (&error);

  history = herald_flashsms_history_page_parse (root, &error);
  if (history != NULL)
    {
      GPtrArray *messages = herald_flashsms_history_page_get_messages (history);

      CHECK (messages != NULL);
      for (guint i = 0; i < messages->len; i++)
        check_message (g_ptr_array_index (messages, i));
      check_pagination (herald_flashsms_history_page_get_pagination (history));
      herald_flashsms_history_page_unref (history);
    }
  else
    check_error (error);
  g_clear_error (&error);

  estimate = herald_flashsms_estimate_parse (root, &error);
  if (estimate != NULL)
    {
      CHECK (herald_flashsms_estimate_get_encoding (estimate) != NULL);
      herald_flashsms_estimate_unref (estimate);
    }
  else
    check_error (error);
  g_clear_error (&error);

  report = herald_flashsms_report_parse (root, &error);
  if (report != NULL)
    {
      const HeraldFlashsmsRecipientState *states;
      guint n = 0;

      states = herald_flashsms_report_get_recipients (report, &n);
      CHECK ((states == NULL) == (n == 0));
      for (guint i = 0; i < n; i++)
        {
          CHECK (states[i].phone != NULL && states[i].status_string != NULL);
          CHECK (herald_flashsms_report_lookup (report, states[i].phone) != NULL);
        }
      CHECK (herald_flashsms_report_get_message_id (report) != NULL);
      herald_flashsms_report_unref (report);
    }
  else
    check_error (error);
  g_clear_error (&error);
}

static void
check_list (GPtrArray *list,
            GError    *error)
{
  if (list != NULL)
    {
      CHECK (error == NULL);
      for (guint i = 0; i < list->len; i++)
        CHECK (g_ptr_array_index (list, i) != NULL);
      g_ptr_array_unref (list);
    }
  else
    check_error (error);
}

static void
run_account_parsers (JsonNode *root)
{
  g_autoptr(GError) error = NULL;
  HeraldFlashsmsContact *contact;
  HeraldFlashsmsContactPage *contacts;
  HeraldFlashsmsImportResult *import;
  HeraldFlashsmsGroup *group;
  HeraldFlashsmsTemplate *template;
  HeraldFlashsmsTransactionPage *transactions;
  GPtrArray *list;

  contact = herald_flashsms_contact_parse (root, "GET /contacts/:contactId", &error);
  if (contact != NULL)
    {
      CHECK (herald_flashsms_contact_get_id (contact) != NULL);
      CHECK (herald_flashsms_contact_get_phone (contact) != NULL);
      herald_flashsms_contact_unref (contact);
    }
  else
    check_error (error);
  g_clear_error (&error);

  contacts = herald_flashsms_contact_page_parse (root, &error);
  if (contacts != NULL)
    {
      check_pagination (herald_flashsms_contact_page_get_pagination (contacts));
      CHECK (herald_flashsms_contact_page_get_contacts (contacts) != NULL);
      herald_flashsms_contact_page_unref (contacts);
    }
  else
    check_error (error);
  g_clear_error (&error);

  import = herald_flashsms_import_result_parse (root, &error);
  if (import != NULL)
    {
      CHECK (herald_flashsms_import_result_get_n_requests (import) == 1);
      herald_flashsms_import_result_unref (import);
    }
  else
    check_error (error);
  g_clear_error (&error);

  group = herald_flashsms_group_parse (root, "POST /contacts/groups", &error);
  if (group != NULL)
    {
      CHECK (herald_flashsms_group_get_contact_count (group) >= -1);
      herald_flashsms_group_unref (group);
    }
  else
    check_error (error);
  g_clear_error (&error);

  list = herald_flashsms_group_list_parse (root, &error);
  check_list (list, error);
  g_clear_error (&error);

  list = herald_flashsms_sender_id_list_parse (root, &error);
  check_list (list, error);
  g_clear_error (&error);

  template = herald_flashsms_template_parse (root, "POST /templates", &error);
  if (template != NULL)
    {
      CHECK (herald_flashsms_template_get_content (template) != NULL);
      herald_flashsms_template_unref (template);
    }
  else
    check_error (error);
  g_clear_error (&error);

  list = herald_flashsms_template_list_parse (root, &error);
  check_list (list, error);
  g_clear_error (&error);

  transactions = herald_flashsms_transaction_page_parse (root, &error);
  if (transactions != NULL)
    {
      GPtrArray *items = herald_flashsms_transaction_page_get_transactions (transactions);

      for (guint i = 0; i < items->len; i++)
        CHECK (herald_flashsms_transaction_get_created_at (g_ptr_array_index (items, i)) != NULL);
      herald_flashsms_transaction_page_unref (transactions);
    }
  else
    check_error (error);
  g_clear_error (&error);
}

static void
run_error_parsers (JsonNode *root)
{
  static const guint statuses[] = { 400, 401, 402, 403, 404, 409, 429, 500, 503, 302 };
  g_auto(HeraldFlashsmsErrorInfo) info = { 0 };

  herald_flashsms_error_info_parse (root, &info);
  CHECK (info.credits_needed >= -1 && info.balance >= -1);
  if (info.scope != NULL)
    CHECK (g_utf8_validate (info.scope, -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GError) error = herald_flashsms_error_new_from_response (statuses[i], root, "GET /fuzz");

      CHECK (error != NULL && error->domain == HERALD_PROVIDER_ERROR);
      CHECK (herald_provider_error_get_http_status (error) == statuses[i]);
      CHECK (g_utf8_validate (error->message, -1, NULL));
      if (statuses[i] == 403)
        CHECK (g_strcmp0 (herald_provider_error_get_scope (error), info.scope) == 0);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (!nesting_within_limit (data, size))
    return 0;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    {
      /* What a non-JSON error body gives the client. */
      run_error_parsers (NULL);
      return 0;
    }

  root = json_parser_get_root (parser);
  run_messaging_parsers (root);
  run_account_parsers (root);
  run_error_parsers (root);

  return 0;
}
