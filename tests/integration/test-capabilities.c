/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The optional capability interfaces of providers/: which dialect
 * implements which, that each conversion carries every field of the
 * dialect's own answer (the same request through the client and through the
 * interface, against the strict in-process fakes), and that heraldctl says
 * "has no …" (exit 2) for an account whose provider lacks one. */
#define G_LOG_DOMAIN "test-capabilities"

#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "herald-core.h"
#include "net/herald-provider-error.h"
#include "providers/flashsms/herald-flashsms-client.h"
#include "providers/flixysms/herald-flixysms-client.h"
#include "herald-fake-flashsms.h"
#include "herald-fake-flixysms.h"

#define FLASH_KEY "bms_capabilities_key"
#define FLIXY_KEY "fx_capabilities_key"

static HeraldFakeFlashsms *flash;
static HeraldFakeFlixysms *flixy;
static HeraldFlashsmsClient *flash_client;
static HeraldFlixysmsClient *flixy_client;
static const char *history_ids[3];
static char *flixy_message_id;   /* sent by test_details_flixysms */

/* ---- helpers ---------------------------------------------------------------- */

static void
async_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the main context until *@slot holds the result. */
static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  return *slot;
}

/* CALL (finish_expr_using_RESULT, async_call_with_async_done_and_&RESULT) */
#define AWAIT(result) (wait_for (&(result)))

static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  if (a == NULL || b == NULL)
    g_assert_true (a == b);
  else
    g_assert_true (g_date_time_equal (a, b));
}

static void
assert_same_pagination (const HeraldPagination         *pagination,
                        const HeraldFlashsmsPagination *flash_pagination)
{
  g_assert_cmpuint (pagination->page, ==, flash_pagination->page);
  g_assert_cmpuint (pagination->limit, ==, flash_pagination->limit);
  g_assert_cmpuint (pagination->total, ==, flash_pagination->total);
  g_assert_cmpuint (pagination->total_pages, ==, flash_pagination->total_pages);
  g_assert_cmpint (pagination->has_more, ==, flash_pagination->has_more);
}

static HeraldDeliveryState
state_of (HeraldFlashsmsStatus status)
{
  switch (status)
    {
    case HERALD_FLASHSMS_STATUS_PENDING: return HERALD_DELIVERY_QUEUED;
    case HERALD_FLASHSMS_STATUS_SENT: return HERALD_DELIVERY_SENT;
    case HERALD_FLASHSMS_STATUS_DELIVERED: return HERALD_DELIVERY_DELIVERED;
    case HERALD_FLASHSMS_STATUS_FAILED: return HERALD_DELIVERY_FAILED;
    case HERALD_FLASHSMS_STATUS_UNKNOWN:
    default: return HERALD_DELIVERY_UNKNOWN;
    }
}

static void
assert_same_message (HeraldSentMessage           *message,
                     const HeraldFlashsmsMessage *flash_message)
{
  g_assert_cmpint (message->fields & HERALD_SENT_MESSAGE_DEVICE_ID, ==, 0);
  g_assert_cmpint (message->fields & HERALD_SENT_MESSAGE_DELIVERED_AT, ==, 0);
  g_assert_true (message->fields & HERALD_SENT_MESSAGE_RECIPIENT_COUNT);
  g_assert_true (message->fields & HERALD_SENT_MESSAGE_SCHEDULED_AT);
  g_assert_cmpstr (message->id, ==, herald_flashsms_message_get_id (flash_message));
  g_assert_cmpstr (message->text, ==, herald_flashsms_message_get_text (flash_message));
  g_assert_cmpstr (message->provider_status, ==, herald_flashsms_message_get_status_string (flash_message));
  g_assert_cmpint (message->state, ==, state_of (herald_flashsms_message_get_status (flash_message)));
  g_assert_cmpint (message->recipient_count, ==, herald_flashsms_message_get_recipient_count (flash_message));
  g_assert_cmpint (message->credits_used, ==, herald_flashsms_message_get_credits_used (flash_message));
  g_assert_cmpstr (message->sender_id, ==, herald_flashsms_message_get_sender_id (flash_message));
  g_assert_cmpstr (message->campaign_name, ==, herald_flashsms_message_get_campaign_name (flash_message));
  g_assert_null (message->device_id);
  assert_same_time (message->created_at, herald_flashsms_message_get_created_at (flash_message));
  assert_same_time (message->sent_at, herald_flashsms_message_get_sent_at (flash_message));
  assert_same_time (message->scheduled_at, herald_flashsms_message_get_scheduled_at (flash_message));
  g_assert_null (message->delivered_at);
}

/* ---- who implements what ------------------------------------------------------ */

static void
test_implements (void)
{
  /* FlashSMS: every capability. */
  g_assert_true (HERALD_IS_PROVIDER (flash_client));
  g_assert_true (HERALD_IS_MESSAGE_DETAILS (flash_client));
  g_assert_true (HERALD_IS_HISTORY_SOURCE (flash_client));
  g_assert_true (HERALD_IS_CREDIT_ACCOUNT (flash_client));
  g_assert_true (HERALD_IS_SENDER_ID_SOURCE (flash_client));
  g_assert_true (HERALD_IS_REMOTE_DIRECTORY (flash_client));
  g_assert_true (HERALD_IS_COST_ESTIMATOR (flash_client));

  /* FlixySMS: message details only; its history is Herald's own log. */
  g_assert_true (HERALD_IS_PROVIDER (flixy_client));
  g_assert_true (HERALD_IS_MESSAGE_DETAILS (flixy_client));
  g_assert_false (HERALD_IS_HISTORY_SOURCE (flixy_client));
  g_assert_false (HERALD_IS_CREDIT_ACCOUNT (flixy_client));
  g_assert_false (HERALD_IS_SENDER_ID_SOURCE (flixy_client));
  g_assert_false (HERALD_IS_REMOTE_DIRECTORY (flixy_client));
  g_assert_false (HERALD_IS_COST_ESTIMATOR (flixy_client));

  /* HeraldProvider is the prerequisite of each. */
  g_assert_true (g_type_is_a (HERALD_TYPE_HISTORY_SOURCE, HERALD_TYPE_PROVIDER));
  g_assert_true (g_type_is_a (HERALD_TYPE_MESSAGE_DETAILS, HERALD_TYPE_PROVIDER));
  g_assert_true (g_type_is_a (HERALD_TYPE_CREDIT_ACCOUNT, HERALD_TYPE_PROVIDER));
  g_assert_true (g_type_is_a (HERALD_TYPE_SENDER_ID_SOURCE, HERALD_TYPE_PROVIDER));
  g_assert_true (g_type_is_a (HERALD_TYPE_REMOTE_DIRECTORY, HERALD_TYPE_PROVIDER));
  g_assert_true (g_type_is_a (HERALD_TYPE_COST_ESTIMATOR, HERALD_TYPE_PROVIDER));
}

/* ---- HeraldHistorySource ---------------------------------------------------------- */

static void
test_history (void)
{
  HeraldHistorySource *history = HERALD_HISTORY_SOURCE (flash_client);
  HeraldHistoryFilter delivered = { .state = HERALD_DELIVERY_DELIVERED };
  HeraldFlashsmsHistoryFilter flash_state = { .status = HERALD_FLASHSMS_STATUS_DELIVERED };
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL, r6 = NULL;
  g_autoptr(HeraldRemotePage) page = NULL;
  g_autoptr(HeraldRemotePage) state_page = NULL;
  g_autoptr(HeraldFlashsmsHistoryPage) flash_page = NULL;
  g_autoptr(HeraldFlashsmsHistoryPage) flash_state_page = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) flash_all = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *messages;

  herald_history_source_list_history_async (history, NULL, 1, 2, NULL, async_done, &r1);
  page = herald_history_source_list_history_finish (history, AWAIT (r1), &error);
  g_assert_no_error (error);
  herald_flashsms_client_list_history_async (flash_client, NULL, 1, 2, NULL, async_done, &r2);
  flash_page = herald_flashsms_client_list_history_finish (flash_client, AWAIT (r2), &error);
  g_assert_no_error (error);

  messages = herald_flashsms_history_page_get_messages (flash_page);
  g_assert_cmpuint (page->items->len, ==, 2);
  g_assert_cmpuint (page->items->len, ==, messages->len);
  for (guint i = 0; i < messages->len; i++)
    assert_same_message (page->items->pdata[i], messages->pdata[i]);
  assert_same_pagination (&page->pagination, herald_flashsms_history_page_get_pagination (flash_page));
  g_assert_true (page->pagination.has_more);

  /* The filter's state reaches FlashSMS as its status. */
  herald_history_source_list_history_async (history, &delivered, 0, 0, NULL, async_done, &r3);
  state_page = herald_history_source_list_history_finish (history, AWAIT (r3), &error);
  g_assert_no_error (error);
  herald_flashsms_client_list_history_async (flash_client, &flash_state, 0, 0, NULL, async_done, &r4);
  flash_state_page = herald_flashsms_client_list_history_finish (flash_client, AWAIT (r4), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (state_page->items->len, >, 0);
  g_assert_cmpuint (state_page->items->len, ==, herald_flashsms_history_page_get_messages (flash_state_page)->len);
  for (guint i = 0; i < state_page->items->len; i++)
    g_assert_cmpint (((HeraldSentMessage *) state_page->items->pdata[i])->state, ==, HERALD_DELIVERY_DELIVERED);

  herald_history_source_list_all_history_async (history, NULL, NULL, async_done, &r5);
  all = herald_history_source_list_all_history_finish (history, AWAIT (r5), &error);
  g_assert_no_error (error);
  herald_flashsms_client_list_all_history_async (flash_client, NULL, NULL, async_done, &r6);
  flash_all = herald_flashsms_client_list_all_history_finish (flash_client, AWAIT (r6), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (history_ids));
  g_assert_cmpuint (all->len, ==, flash_all->len);
  for (guint i = 0; i < all->len; i++)
    assert_same_message (all->pdata[i], flash_all->pdata[i]);
}

static void
test_report (void)
{
  HeraldHistorySource *history = HERALD_HISTORY_SOURCE (flash_client);
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr(HeraldDeliveryReport) report = NULL;
  g_autoptr(HeraldFlashsmsReport) flash_report = NULL;
  g_autoptr(GError) error = NULL;
  const HeraldFlashsmsRecipientState *states;
  guint n;

  herald_history_source_get_report_async (history, history_ids[1], NULL, async_done, &r1);
  report = herald_history_source_get_report_finish (history, AWAIT (r1), &error);
  g_assert_no_error (error);
  herald_flashsms_client_get_report_async (flash_client, history_ids[1], NULL, async_done, &r2);
  flash_report = herald_flashsms_client_get_report_finish (flash_client, AWAIT (r2), &error);
  g_assert_no_error (error);

  g_assert_cmpstr (report->message_id, ==, history_ids[1]);
  g_assert_cmpstr (report->message_id, ==, herald_flashsms_report_get_message_id (flash_report));
  g_assert_cmpstr (report->provider_status, ==, herald_flashsms_report_get_status_string (flash_report));
  g_assert_cmpint (report->state, ==, state_of (herald_flashsms_report_get_status (flash_report)));
  g_assert_cmpuint (report->recipient_count, ==, herald_flashsms_report_get_recipient_count (flash_report));
  g_assert_cmpuint (report->delivered, ==, herald_flashsms_report_get_delivered (flash_report));
  g_assert_cmpuint (report->failed, ==, herald_flashsms_report_get_failed (flash_report));
  g_assert_cmpuint (report->pending, ==, herald_flashsms_report_get_pending (flash_report));
  g_assert_cmpfloat (report->delivery_rate, ==, herald_flashsms_report_get_delivery_rate (flash_report));
  g_assert_cmpuint (report->delivered, ==, 1);
  g_assert_cmpuint (report->failed, ==, 1);
  g_assert_cmpuint (report->pending, ==, 1);

  states = herald_flashsms_report_get_recipients (flash_report, &n);
  g_assert_cmpuint (report->n_recipients, ==, 3);
  g_assert_cmpuint (report->n_recipients, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (report->recipients[i].phone, ==, states[i].phone);
      g_assert_cmpstr (report->recipients[i].provider_status, ==, states[i].status_string);
      g_assert_cmpint (report->recipients[i].state, ==, state_of (states[i].status));
      assert_same_time (report->recipients[i].sent_at, states[i].sent_at);
    }
}

/* ---- HeraldMessageDetails ------------------------------------------------------- */

static void
test_details_flashsms (void)
{
  HeraldMessageDetails *details = HERALD_MESSAGE_DETAILS (flash_client);
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr(HeraldSentMessage) message = NULL;
  g_autoptr(HeraldFlashsmsMessage) flash_message = NULL;
  g_autoptr(GError) error = NULL;

  herald_message_details_get_message_async (details, history_ids[0], NULL, async_done, &r1);
  message = herald_message_details_get_message_finish (details, AWAIT (r1), &error);
  g_assert_no_error (error);
  herald_flashsms_client_get_status_async (flash_client, history_ids[0], NULL, async_done, &r2);
  flash_message = herald_flashsms_client_get_status_finish (flash_client, AWAIT (r2), &error);
  g_assert_no_error (error);

  assert_same_message (message, flash_message);
  g_assert_cmpstr (message->sender_id, ==, "AccraFresh");

  /* An unknown id fails as the client does. */
  {
    g_autoptr(GAsyncResult) r3 = NULL;
    g_autoptr(HeraldSentMessage) none = NULL;

    herald_message_details_get_message_async (details, "no-such-message", NULL, async_done, &r3);
    none = herald_message_details_get_message_finish (details, AWAIT (r3), &error);
    g_assert_null (none);
    g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NOT_FOUND);
  }
}

static void
test_details_flixysms (void)
{
  HeraldMessageDetails *details = HERALD_MESSAGE_DETAILS (flixy_client);
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new ("Capabilities");
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL;
  g_autoptr(HeraldSendReport) sent = NULL;
  g_autoptr(HeraldSentMessage) message = NULL;
  g_autoptr(HeraldFlixysmsMessageStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  herald_outgoing_add_recipient (outgoing, "0241234567");
  herald_provider_send_async (HERALD_PROVIDER (flixy_client), outgoing, NULL, async_done, &r1);
  sent = herald_provider_send_finish (HERALD_PROVIDER (flixy_client), AWAIT (r1), &error);
  g_assert_no_error (error);
  id = herald_send_report_get_recipient_message_id (sent, 0);
  g_assert_nonnull (id);
  g_assert_true (herald_fake_flixysms_set_status (flixy, id, "delivered"));
  flixy_message_id = g_strdup (id);

  herald_message_details_get_message_async (details, id, NULL, async_done, &r2);
  message = herald_message_details_get_message_finish (details, AWAIT (r2), &error);
  g_assert_no_error (error);
  herald_flixysms_client_status_async (flixy_client, id, NULL, async_done, &r3);
  status = herald_flixysms_client_status_finish (flixy_client, AWAIT (r3), &error);
  g_assert_no_error (error);

  g_assert_cmpint (message->fields, ==, HERALD_SENT_MESSAGE_DEVICE_ID | HERALD_SENT_MESSAGE_DELIVERED_AT);
  g_assert_cmpstr (message->id, ==, herald_flixysms_message_status_get_message_id (status));
  g_assert_cmpstr (message->provider_status, ==, herald_flixysms_message_status_get_status (status));
  g_assert_cmpstr (message->provider_status, ==, "delivered");
  g_assert_cmpint (message->state, ==, HERALD_DELIVERY_DELIVERED);
  g_assert_cmpstr (message->device_id, ==, herald_flixysms_message_status_get_device_id (status));
  assert_same_time (message->delivered_at, herald_flixysms_message_status_get_delivered_at (status));
  g_assert_cmpint (message->recipient_count, ==, -1);
  g_assert_cmpint (message->credits_used, ==, -1);
  g_assert_null (message->sender_id);
}

/* ---- HeraldCreditAccount --------------------------------------------------------- */

static void
test_credits (void)
{
  HeraldCreditAccount *credits = HERALD_CREDIT_ACCOUNT (flash_client);
  HeraldTransactionFilter purchases = { .kind = HERALD_TRANSACTION_PURCHASE };
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL;
  g_autoptr(HeraldBalanceDetails) balance = NULL;
  g_autoptr(HeraldFlashsmsBalance) flash_balance = NULL;
  g_autoptr(HeraldRemotePage) page = NULL;
  g_autoptr(HeraldRemotePage) purchase_page = NULL;
  g_autoptr(HeraldFlashsmsTransactionPage) flash_page = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *transactions;

  herald_credit_account_get_balance_details_async (credits, NULL, async_done, &r1);
  balance = herald_credit_account_get_balance_details_finish (credits, AWAIT (r1), &error);
  g_assert_no_error (error);
  herald_flashsms_client_get_balance_async (flash_client, NULL, async_done, &r2);
  flash_balance = herald_flashsms_client_get_balance_finish (flash_client, AWAIT (r2), &error);
  g_assert_no_error (error);
  g_assert_cmpint (balance->balance, ==, herald_flashsms_balance_get_balance (flash_balance));
  g_assert_cmpint (balance->balance, ==, herald_fake_flashsms_get_balance (flash));
  g_assert_cmpstr (balance->currency, ==, herald_flashsms_balance_get_currency (flash_balance));
  g_assert_cmpstr (balance->account_name, ==, herald_flashsms_balance_get_account_name (flash_balance));
  g_assert_cmpstr (balance->account_name, ==, "Accra Fresh");
  g_assert_cmpstr (balance->account_phone, ==, herald_flashsms_balance_get_account_phone (flash_balance));

  herald_credit_account_list_transactions_async (credits, NULL, 1, 3, NULL, async_done, &r3);
  page = herald_credit_account_list_transactions_finish (credits, AWAIT (r3), &error);
  g_assert_no_error (error);
  herald_flashsms_client_list_transactions_async (flash_client, NULL, 1, 3, NULL, async_done, &r4);
  flash_page = herald_flashsms_client_list_transactions_finish (flash_client, AWAIT (r4), &error);
  g_assert_no_error (error);
  transactions = herald_flashsms_transaction_page_get_transactions (flash_page);
  g_assert_cmpuint (page->items->len, ==, 3);
  g_assert_cmpuint (page->items->len, ==, transactions->len);
  assert_same_pagination (&page->pagination, herald_flashsms_transaction_page_get_pagination (flash_page));
  for (guint i = 0; i < transactions->len; i++)
    {
      HeraldTransaction *t = page->items->pdata[i];
      HeraldFlashsmsTransaction *f = transactions->pdata[i];

      g_assert_cmpstr (t->id, ==, herald_flashsms_transaction_get_id (f));
      g_assert_cmpstr (t->kind_string, ==, herald_flashsms_transaction_get_kind_string (f));
      /* the two enums list the kinds in the same order */
      g_assert_cmpint (t->kind, ==, (HeraldTransactionKind) herald_flashsms_transaction_get_kind (f));
      g_assert_cmpint (t->amount, ==, herald_flashsms_transaction_get_amount (f));
      g_assert_cmpint (t->balance_after, ==, herald_flashsms_transaction_get_balance (f));
      g_assert_cmpstr (t->description, ==, herald_flashsms_transaction_get_description (f));
      g_assert_cmpstr (t->reference, ==, herald_flashsms_transaction_get_reference (f));
      assert_same_time (t->created_at, herald_flashsms_transaction_get_created_at (f));
    }

  /* The kind reaches FlashSMS as its type. */
  herald_credit_account_list_transactions_async (credits, &purchases, 0, 0, NULL, async_done, &r5);
  purchase_page = herald_credit_account_list_transactions_finish (credits, AWAIT (r5), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (purchase_page->items->len, ==, 2);
  for (guint i = 0; i < purchase_page->items->len; i++)
    {
      HeraldTransaction *t = purchase_page->items->pdata[i];

      g_assert_cmpint (t->kind, ==, HERALD_TRANSACTION_PURCHASE);
      g_assert_cmpstr (t->kind_string, ==, "PURCHASE");
    }
  g_assert_cmpint (herald_transaction_kind_from_string ("Refund"), ==, HERALD_TRANSACTION_REFUND);
  g_assert_cmpint (herald_transaction_kind_from_string ("gift"), ==, HERALD_TRANSACTION_UNKNOWN);
}

/* ---- HeraldSenderIdSource -------------------------------------------------------- */

static void
test_sender_ids (void)
{
  HeraldSenderIdSource *source = HERALD_SENDER_ID_SOURCE (flash_client);
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) flash_ids = NULL;
  g_autoptr(GError) error = NULL;

  herald_sender_id_source_list_sender_ids_async (source, NULL, async_done, &r1);
  ids = herald_sender_id_source_list_sender_ids_finish (source, AWAIT (r1), &error);
  g_assert_no_error (error);
  herald_flashsms_client_list_sender_ids_async (flash_client, NULL, async_done, &r2);
  flash_ids = herald_flashsms_client_list_sender_ids_finish (flash_client, AWAIT (r2), &error);
  g_assert_no_error (error);

  g_assert_cmpuint (ids->len, >, 0);
  g_assert_cmpuint (ids->len, ==, flash_ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      HeraldSenderId *s = ids->pdata[i];
      HeraldFlashsmsSenderId *f = flash_ids->pdata[i];

      g_assert_cmpstr (s->id, ==, herald_flashsms_sender_id_get_id (f));
      g_assert_cmpstr (s->name, ==, herald_flashsms_sender_id_get_name (f));
      g_assert_cmpstr (s->status, ==, herald_flashsms_sender_id_get_status (f));
      assert_same_time (s->created_at, herald_flashsms_sender_id_get_created_at (f));
      assert_same_time (s->approved_at, herald_flashsms_sender_id_get_approved_at (f));
    }
  g_assert_cmpstr (((HeraldSenderId *) ids->pdata[0])->name, ==, "AccraFresh");
}

/* ---- HeraldRemoteDirectory ------------------------------------------------------- */

static void
assert_same_contact (HeraldDirectoryContact      *contact,
                     const HeraldFlashsmsContact *f)
{
  g_assert_cmpstr (contact->id, ==, herald_flashsms_contact_get_id (f));
  g_assert_cmpstr (contact->phone, ==, herald_flashsms_contact_get_phone (f));
  g_assert_cmpstr (contact->first_name, ==, herald_flashsms_contact_get_first_name (f));
  g_assert_cmpstr (contact->last_name, ==, herald_flashsms_contact_get_last_name (f));
  g_assert_cmpstr (contact->email, ==, herald_flashsms_contact_get_email (f));
  assert_same_time (contact->created_at, herald_flashsms_contact_get_created_at (f));
}

static void
test_directory_contacts (void)
{
  HeraldRemoteDirectory *directory = HERALD_REMOTE_DIRECTORY (flash_client);
  HeraldDirectoryContactFields fields = { "0244000111", "Kofi", "Mensah", "kofi@example.com" };
  HeraldDirectoryContactFields change = { .email = "kofi@mensah.example" };
  HeraldDirectoryContactFields import[] = { { "0244000222", "Ama", NULL, NULL }, { "12", NULL, NULL, NULL } };
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL, r6 = NULL, r7 = NULL, r8 = NULL;
  g_autoptr(HeraldRemotePage) page = NULL;
  g_autoptr(HeraldRemotePage) found = NULL;
  g_autoptr(HeraldFlashsmsContactPage) flash_page = NULL;
  g_autoptr(HeraldDirectoryContact) created = NULL;
  g_autoptr(HeraldDirectoryContact) updated = NULL;
  g_autoptr(HeraldFlashsmsContact) fetched = NULL;
  g_autoptr(HeraldDirectoryImport) imported = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *contacts;
  guint before = herald_fake_flashsms_get_contact_count (flash);

  g_assert_cmpstr (herald_remote_directory_get_default_region (directory), ==, "GH");

  herald_remote_directory_list_contacts_async (directory, 1, 2, NULL, NULL, async_done, &r1);
  page = herald_remote_directory_list_contacts_finish (directory, AWAIT (r1), &error);
  g_assert_no_error (error);
  herald_flashsms_client_list_contacts_async (flash_client, 1, 2, NULL, NULL, NULL, async_done, &r2);
  flash_page = herald_flashsms_client_list_contacts_finish (flash_client, AWAIT (r2), &error);
  g_assert_no_error (error);
  contacts = herald_flashsms_contact_page_get_contacts (flash_page);
  g_assert_cmpuint (page->items->len, ==, 2);
  g_assert_cmpuint (page->items->len, ==, contacts->len);
  for (guint i = 0; i < contacts->len; i++)
    assert_same_contact (page->items->pdata[i], contacts->pdata[i]);
  assert_same_pagination (&page->pagination, herald_flashsms_contact_page_get_pagination (flash_page));

  herald_remote_directory_create_contact_async (directory, &fields, NULL, NULL, async_done, &r3);
  created = herald_remote_directory_create_contact_finish (directory, AWAIT (r3), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (created->first_name, ==, "Kofi");
  g_assert_cmpstr (created->email, ==, "kofi@example.com");
  g_assert_cmpuint (herald_fake_flashsms_get_contact_count (flash), ==, before + 1);

  herald_remote_directory_update_contact_async (directory, created->id, &change, NULL, NULL, async_done, &r4);
  updated = herald_remote_directory_update_contact_finish (directory, AWAIT (r4), &error);
  g_assert_no_error (error);
  herald_flashsms_client_get_contact_async (flash_client, created->id, NULL, async_done, &r5);
  fetched = herald_flashsms_client_get_contact_finish (flash_client, AWAIT (r5), &error);
  g_assert_no_error (error);
  assert_same_contact (updated, fetched);
  g_assert_cmpstr (updated->email, ==, "kofi@mensah.example");
  g_assert_cmpstr (updated->last_name, ==, "Mensah");

  herald_remote_directory_search_contacts_async (directory, "Kofi", 0, 0, NULL, async_done, &r6);
  found = herald_remote_directory_search_contacts_finish (directory, AWAIT (r6), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->items->len, ==, 1);
  g_assert_cmpstr (((HeraldDirectoryContact *) found->items->pdata[0])->id, ==, created->id);

  herald_remote_directory_delete_contact_async (directory, created->id, NULL, async_done, &r7);
  g_assert_true (herald_remote_directory_delete_contact_finish (directory, AWAIT (r7), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (herald_fake_flashsms_get_contact_count (flash), ==, before);

  herald_remote_directory_import_contacts_async (directory, import, G_N_ELEMENTS (import), NULL, NULL,
                                                 async_done, &r8);
  imported = herald_remote_directory_import_contacts_finish (directory, AWAIT (r8), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->imported, ==, 1);
  g_assert_cmpuint (imported->created, ==, 1);
  g_assert_cmpuint (imported->skipped, ==, 0);
  g_assert_cmpuint (imported->invalid, ==, 1);   /* "12", refused before sending */
  g_assert_cmpuint (imported->total, ==, 2);
  g_assert_cmpuint (imported->n_requests, ==, 1);
  g_assert_cmpuint (herald_fake_flashsms_get_contact_count (flash), ==, before + 1);
}

static void
test_directory_groups_templates (void)
{
  HeraldRemoteDirectory *directory = HERALD_REMOTE_DIRECTORY (flash_client);
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL, r6 = NULL, r7 = NULL, r8 = NULL;
  g_autoptr(GAsyncResult) r9 = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) flash_groups = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) flash_templates = NULL;
  g_autoptr(HeraldDirectoryGroup) group = NULL;
  g_autoptr(HeraldDirectoryTemplate) template = NULL;
  g_autoptr(HeraldDirectoryTemplate) changed = NULL;
  g_autoptr(GError) error = NULL;

  herald_remote_directory_list_groups_async (directory, NULL, async_done, &r1);
  groups = herald_remote_directory_list_groups_finish (directory, AWAIT (r1), &error);
  g_assert_no_error (error);
  herald_flashsms_client_list_groups_async (flash_client, NULL, async_done, &r2);
  flash_groups = herald_flashsms_client_list_groups_finish (flash_client, AWAIT (r2), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, >, 0);
  g_assert_cmpuint (groups->len, ==, flash_groups->len);
  for (guint i = 0; i < groups->len; i++)
    {
      HeraldDirectoryGroup *g = groups->pdata[i];
      HeraldFlashsmsGroup *f = flash_groups->pdata[i];

      g_assert_cmpstr (g->id, ==, herald_flashsms_group_get_id (f));
      g_assert_cmpstr (g->name, ==, herald_flashsms_group_get_name (f));
      g_assert_cmpint (g->contact_count, ==, herald_flashsms_group_get_contact_count (f));
      assert_same_time (g->created_at, herald_flashsms_group_get_created_at (f));
    }

  herald_remote_directory_create_group_async (directory, "Suppliers", NULL, async_done, &r3);
  group = herald_remote_directory_create_group_finish (directory, AWAIT (r3), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (group->name, ==, "Suppliers");
  g_assert_nonnull (group->id);
  herald_remote_directory_delete_group_async (directory, group->id, NULL, async_done, &r4);
  g_assert_true (herald_remote_directory_delete_group_finish (directory, AWAIT (r4), &error));
  g_assert_no_error (error);

  herald_remote_directory_list_templates_async (directory, NULL, async_done, &r5);
  templates = herald_remote_directory_list_templates_finish (directory, AWAIT (r5), &error);
  g_assert_no_error (error);
  herald_flashsms_client_list_templates_async (flash_client, NULL, async_done, &r6);
  flash_templates = herald_flashsms_client_list_templates_finish (flash_client, AWAIT (r6), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, >, 0);
  g_assert_cmpuint (templates->len, ==, flash_templates->len);
  for (guint i = 0; i < templates->len; i++)
    {
      HeraldDirectoryTemplate *t = templates->pdata[i];
      HeraldFlashsmsTemplate *f = flash_templates->pdata[i];

      g_assert_cmpstr (t->id, ==, herald_flashsms_template_get_id (f));
      g_assert_cmpstr (t->name, ==, herald_flashsms_template_get_name (f));
      g_assert_cmpstr (t->content, ==, herald_flashsms_template_get_content (f));
      assert_same_time (t->created_at, herald_flashsms_template_get_created_at (f));
      assert_same_time (t->updated_at, herald_flashsms_template_get_updated_at (f));
    }

  herald_remote_directory_create_template_async (directory, "Thanks", "Thank you!", NULL, async_done, &r7);
  template = herald_remote_directory_create_template_finish (directory, AWAIT (r7), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (template->name, ==, "Thanks");
  g_assert_cmpstr (template->content, ==, "Thank you!");
  herald_remote_directory_update_template_async (directory, template->id, "Thanks", "Thank you, {name}!", NULL,
                                                 async_done, &r8);
  changed = herald_remote_directory_update_template_finish (directory, AWAIT (r8), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (changed->id, ==, template->id);
  g_assert_cmpstr (changed->content, ==, "Thank you, {name}!");
  herald_remote_directory_delete_template_async (directory, template->id, NULL, async_done, &r9);
  g_assert_true (herald_remote_directory_delete_template_finish (directory, AWAIT (r9), &error));
  g_assert_no_error (error);
}

/* ---- HeraldCostEstimator --------------------------------------------------------- */

static void
test_estimate (void)
{
  HeraldCostEstimator *estimator = HERALD_COST_ESTIMATOR (flash_client);
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr(HeraldCostEstimate) estimate = NULL;
  g_autoptr(HeraldFlashsmsEstimate) flash_estimate = NULL;
  g_autoptr(GError) error = NULL;

  herald_cost_estimator_estimate_async (estimator, "Akwaaba! Our shop is open.", 3, NULL, async_done, &r1);
  estimate = herald_cost_estimator_estimate_finish (estimator, AWAIT (r1), &error);
  g_assert_no_error (error);
  herald_flashsms_client_estimate_async (flash_client, "Akwaaba! Our shop is open.", 3, NULL, async_done, &r2);
  flash_estimate = herald_flashsms_client_estimate_finish (flash_client, AWAIT (r2), &error);
  g_assert_no_error (error);

  g_assert_cmpuint (estimate->length, ==, herald_flashsms_estimate_get_length (flash_estimate));
  g_assert_cmpuint (estimate->parts, ==, herald_flashsms_estimate_get_parts (flash_estimate));
  g_assert_cmpstr (estimate->encoding, ==, herald_flashsms_estimate_get_encoding (flash_estimate));
  g_assert_cmpuint (estimate->recipient_count, ==, 3);
  g_assert_cmpuint (estimate->recipient_count, ==, herald_flashsms_estimate_get_recipient_count (flash_estimate));
  g_assert_cmpint (estimate->credits_required, ==, herald_flashsms_estimate_get_credits_required (flash_estimate));
  g_assert_cmpint (estimate->current_balance, ==, herald_flashsms_estimate_get_current_balance (flash_estimate));
  g_assert_cmpint (estimate->can_afford, ==, herald_flashsms_estimate_get_can_afford (flash_estimate));
}

/* ---- the dialect table ------------------------------------------------------------ */

static void
test_dialect_table (void)
{
  const HeraldDialectInfo *flixysms = herald_dialect_get_info (HERALD_DIALECT_FLIXYSMS);
  const HeraldDialectInfo *flashsms = herald_dialect_get_info (HERALD_DIALECT_FLASHSMS);
  const HeraldDialectInfo *modem = herald_dialect_get_info (HERALD_DIALECT_MODEM);
  guint n = 0;

  /* Rows from 0 up, each naming itself. */
  for (const HeraldDialectInfo *info; (info = herald_dialect_get_info (n)) != NULL; n++)
    {
      g_assert_cmpint (info->dialect, ==, n);
      g_assert_nonnull (info->id);
      g_assert_nonnull (info->title);
      g_assert_nonnull (info->summary);
    }
  g_assert_cmpuint (n, ==, 3);

  g_assert_cmpstr (flixysms->title, ==, "FlixySMS");
  g_assert_cmpstr (flixysms->default_base_url, ==, HERALD_FLIXYSMS_DEFAULT_BASE_URL);
  g_assert_null (flixysms->default_region);
  g_assert_false (flixysms->chooses_auth_style);
  g_assert_false (flixysms->mobile_only);
  g_assert_false (flixysms->has_credits);
  g_assert_cmpuint (flixysms->max_characters, ==, 0);
  g_assert_cmpuint (flixysms->max_recipients, ==, HERALD_FLIXYSMS_BULK_MAX);

  g_assert_cmpstr (flashsms->title, ==, "FlashSMS");
  g_assert_null (flashsms->default_base_url);
  g_assert_true (flashsms->needs_base_url);
  g_assert_cmpstr (flashsms->default_region, ==, HERALD_FLASHSMS_DEFAULT_REGION);
  g_assert_true (flashsms->chooses_auth_style);
  g_assert_true (flashsms->mobile_only);
  g_assert_true (flashsms->has_credits);
  g_assert_cmpuint (flashsms->max_characters, ==, HERALD_FLASHSMS_MAX_CHARACTERS);
  g_assert_cmpuint (flashsms->max_recipients, ==, HERALD_FLASHSMS_MAX_SEND_RECIPIENTS);

  g_assert_true (modem->local);
  g_assert_false (modem->has_key);
  g_assert_null (modem->default_base_url);

  g_assert_true (herald_dialect_is_default_base_url (HERALD_FLIXYSMS_DEFAULT_BASE_URL));
  g_assert_false (herald_dialect_is_default_base_url ("https://sms.example.com/api/v1"));
  g_assert_false (herald_dialect_is_default_base_url (NULL));
  g_assert_true (herald_dialect_is_default_region ("GH"));
  g_assert_false (herald_dialect_is_default_region ("US"));
  g_assert_null (herald_dialect_get_info (n));
}

/* ---- callers: heraldctl says what an account's provider lacks ------------------- */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs heraldctl (the fakes answer from this process's main context). */
static void
heraldctl (Run                *run,
           const char         *key,
           const char * const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (args, (char *) g_getenv ("HERALDCTL"));
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (key != NULL)
    g_subprocess_launcher_setenv (launcher, "HERALD_API_KEY", key, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "HERALD_API_KEY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated_cb, &result);
  g_subprocess_communicate_utf8_finish (process, AWAIT (result), &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

#define HERALDCTL(run, ...) \
  G_STMT_START { const char *argv_[] = { __VA_ARGS__, NULL }; heraldctl ((run), NULL, argv_); } G_STMT_END

static void
add_account (const char *name,
             const char *dialect,
             const char *url,
             const char *key)
{
  g_auto(Run) run = { 0 };
  const char *argv[] = { "account", "add", name, "--dialect", dialect, "--url", url, "--region", "GH", NULL };

  heraldctl (&run, key, argv);
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_cli_not_available (void)
{
  const struct { const char *argv[6]; const char *says; } cases[] = {
    { { "balance", "--account", "Flixy" }, "FlixySMS has no balance" },
    { { "transactions", "--account", "Flixy" }, "FlixySMS has no transactions" },
    { { "senders", "--account", "Flixy" }, "FlixySMS has no sender IDs" },
    { { "report", "--account", "Flixy", "some-id" }, "FlixySMS has no delivery reports" },
    { { "contacts", "list", "--account", "Flixy" }, "FlixySMS has no contact list" },
    { { "groups", "list", "--account", "Flixy" }, "FlixySMS has no contact list" },
    { { "templates", "list", "--account", "Flixy" }, "FlixySMS has no contact list" },
    { { "send", "--account", "Flixy", "--to", "0241110020", "--template" }, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      const char *argv[8] = { 0 };
      guint n = 0;

      for (; n < G_N_ELEMENTS (cases[i].argv) && cases[i].argv[n] != NULL; n++)
        argv[n] = cases[i].argv[n];
      if (cases[i].says == NULL)
        argv[n++] = "Closing";   /* --template NAME */
      heraldctl (&run, NULL, argv);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, cases[i].says != NULL ? cases[i].says : "not available yet"));
    }
}

/* Both dialects answer "status" through HeraldMessageDetails, each with
 * the parts it reports. */
static void
test_cli_status (void)
{
  g_auto(Run) flash_run = { 0 };
  g_auto(Run) flixy_run = { 0 };
  g_autoptr(JsonNode) flash_json = NULL;
  g_autoptr(JsonNode) flixy_json = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  g_assert_nonnull (flixy_message_id);

  HERALDCTL (&flash_run, "status", "--account", "Flash", "--json", history_ids[0]);
  g_assert_cmpint (flash_run.status, ==, 0);
  flash_json = json_from_string (flash_run.out, &error);
  g_assert_no_error (error);
  object = json_node_get_object (flash_json);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, history_ids[0]);
  g_assert_cmpstr (json_object_get_string_member (object, "sender_id"), ==, "AccraFresh");
  g_assert_cmpint (json_object_get_int_member (object, "recipients"), ==, 2);
  g_assert_true (json_object_has_member (object, "scheduled_at"));
  g_assert_false (json_object_has_member (object, "device_id"));
  g_assert_false (json_object_has_member (object, "delivered_at"));

  HERALDCTL (&flixy_run, "status", "--account", "Flixy", "--json", flixy_message_id);
  g_assert_cmpint (flixy_run.status, ==, 0);
  flixy_json = json_from_string (flixy_run.out, &error);
  g_assert_no_error (error);
  object = json_node_get_object (flixy_json);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "delivered");
  g_assert_true (json_object_has_member (object, "device_id"));
  g_assert_true (json_object_has_member (object, "delivered_at"));
  g_assert_false (json_object_has_member (object, "recipients"));
  g_assert_false (json_object_has_member (object, "sender_id"));
}

int
main (int   argc,
      char *argv[])
{
  const char *two[] = { "0241234567", "0201234567", NULL };
  const char *three[] = { "0241234567", "0201234567", "0271234567", NULL };
  const char *mixed[] = { "DELIVERED", "FAILED", "PENDING", NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  flash = herald_fake_flashsms_new ();
  herald_fake_flashsms_add_key (flash, FLASH_KEY, NULL);
  herald_fake_flashsms_set_rate_limit (flash, 100000, 60);
  herald_fake_flashsms_set_account (flash, "Accra Fresh", "0244000000");
  herald_fake_flashsms_add_sender_id (flash, "AccraFresh", "APPROVED");
  herald_fake_flashsms_add_sender_id (flash, "FreshDeals", "APPROVED");
  herald_fake_flashsms_add_group (flash, "Customers");
  herald_fake_flashsms_add_contact (flash, "0241000001", "Esi", "Owusu", "esi@example.com", NULL);
  herald_fake_flashsms_add_contact (flash, "0241000002", "Yaw", NULL, NULL, NULL);
  herald_fake_flashsms_add_contact (flash, "0241000003", NULL, NULL, NULL, NULL);
  herald_fake_flashsms_add_template (flash, "Closing", "We close at 8pm today.");
  herald_fake_flashsms_add_transaction (flash, "PURCHASE", 1000, "Top-up", NULL, 1700000000);
  herald_fake_flashsms_add_transaction (flash, "USAGE", -2, "SMS", "msg-ref", 1700000060);
  herald_fake_flashsms_add_transaction (flash, "PURCHASE", 500, NULL, NULL, 1700000120);
  herald_fake_flashsms_add_transaction (flash, "BONUS", 50, "Welcome", NULL, 1700000180);
  history_ids[2] = herald_fake_flashsms_add_history (flash, "Old news", NULL, NULL, two, NULL, 1700000000);
  history_ids[1] = herald_fake_flashsms_add_history (flash, "Mixed fates", "FreshDeals", NULL, three, mixed,
                                                     1700000600);
  history_ids[0] = herald_fake_flashsms_add_history (flash, "We are open", "AccraFresh", "Opening", two, NULL,
                                                     1700001200);
  flash_client = herald_flashsms_client_new_for_account (herald_fake_flashsms_get_base_url (flash), FLASH_KEY,
                                                         HERALD_AUTH_BEARER, &error);
  g_assert_no_error (error);

  flixy = herald_fake_flixysms_new (FLIXY_KEY, 0, &error);
  g_assert_no_error (error);
  herald_fake_flixysms_seed (flixy);
  flixy_client = herald_flixysms_client_new_for_key (herald_fake_flixysms_get_base_url (flixy), FLIXY_KEY, "GH",
                                                     &error);
  g_assert_no_error (error);

  add_account ("Flash", "flashsms", herald_fake_flashsms_get_base_url (flash), FLASH_KEY);
  add_account ("Flixy", "flixysms", herald_fake_flixysms_get_base_url (flixy), FLIXY_KEY);

  g_test_add_func ("/capabilities/implements", test_implements);
  g_test_add_func ("/capabilities/history-source/pages", test_history);
  g_test_add_func ("/capabilities/history-source/report", test_report);
  g_test_add_func ("/capabilities/message-details/flashsms", test_details_flashsms);
  g_test_add_func ("/capabilities/message-details/flixysms", test_details_flixysms);
  g_test_add_func ("/capabilities/credit-account", test_credits);
  g_test_add_func ("/capabilities/sender-ids", test_sender_ids);
  g_test_add_func ("/capabilities/remote-directory/contacts", test_directory_contacts);
  g_test_add_func ("/capabilities/remote-directory/groups-templates", test_directory_groups_templates);
  g_test_add_func ("/capabilities/cost-estimator", test_estimate);
  g_test_add_func ("/capabilities/dialect-table", test_dialect_table);
  g_test_add_func ("/capabilities/cli/not-available", test_cli_not_available);
  g_test_add_func ("/capabilities/cli/status", test_cli_status);

  status = g_test_run ();

  g_clear_object (&flash_client);
  g_clear_object (&flixy_client);
  g_clear_object (&flash);
  g_clear_object (&flixy);
  g_free (flixy_message_id);
  return status;
}
