/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The HeraldPagedList adapters against the strict in-process fakes: every
 * page in order, the filters reach the server, nothing is listed twice when
 * new messages shift the pages. */
#define G_LOG_DOMAIN "test-paged-sources"

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "herald-core.h"
#include "net/herald-provider-error.h"
#include "providers/flashsms/herald-flashsms-client.h"
#include "providers/flixysms/herald-flixysms-client.h"
#include "herald-fake-flashsms.h"
#include "herald-fake-flixysms.h"
#include "herald-test-util.h"

#define FLASH_KEY "flash-paged-key"

static char *
new_key (void)
{
  static guint serial;

  return g_strdup_printf ("paged-test-key-%u-%u", (guint) getpid (), ++serial);
}

/* Loads pages until the list says there are no more (or 30 s pass). */
static void
load_all (HeraldPagedList *list)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  herald_paged_list_load_more (list);
  while (herald_paged_list_get_loading (list) || herald_paged_list_get_has_more (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_assert_no_error (herald_paged_list_get_error (list));
      if (!herald_paged_list_get_loading (list))
        herald_paged_list_load_more (list);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_no_error (herald_paged_list_get_error (list));
}

static void
load_one (HeraldPagedList *list)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_assert_true (herald_paged_list_load_more (list));
  while (herald_paged_list_get_loading (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_no_error (herald_paged_list_get_error (list));
}

static HeraldFlixysmsClient *
flixy_client (HeraldFakeFlixysms **fake_out)
{
  g_autofree char *key = new_key ();
  g_autoptr(GError) error = NULL;
  HeraldFakeFlixysms *fake;
  HeraldFlixysmsClient *client;

  fake = herald_fake_flixysms_new (key, 0, &error);
  g_assert_no_error (error);
  herald_fake_flixysms_seed (fake);
  herald_fake_flixysms_set_rate_limit (fake, 1000, 10);
  herald_fake_flixysms_set_honour_per_page (fake, TRUE);
  client = herald_flixysms_client_new_for_key (herald_fake_flixysms_get_base_url (fake), key, "GH", &error);
  g_assert_no_error (error);
  *fake_out = fake;

  return client;
}

static void
test_received_pages (void)
{
  g_autoptr(HeraldFakeFlixysms) fake = NULL;
  g_autoptr(HeraldFlixysmsClient) client = flixy_client (&fake);
  g_autoptr(HeraldPagedList) list = herald_paged_list_new_for_received (HERALD_INBOX_SOURCE (client), NULL, 25);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(HeraldReceivedMessage) first = NULL;

  load_all (list);

  /* 60 seeded messages at 25 a page: 25 + 25 + 10. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, HERALD_FAKE_FLIXYSMS_SEED_RECEIVED);
  g_assert_cmpuint (herald_paged_list_get_pages_loaded (list), ==, 3);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_RECEIVED), ==, 3);
  g_assert_nonnull (strstr (herald_fake_flixysms_get_request_uri (fake, 2), "page=3"));

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (herald_received_message_get_from (first), ==, "+233241234567");
  for (guint i = 0; i < HERALD_FAKE_FLIXYSMS_SEED_RECEIVED; i++)
    {
      g_autoptr(HeraldReceivedMessage) message = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_true (g_hash_table_add (ids, (gpointer) herald_received_message_get_id (message)));
    }
}

static void
test_received_filter (void)
{
  g_autoptr(HeraldFakeFlixysms) fake = NULL;
  g_autoptr(HeraldFlixysmsClient) client = flixy_client (&fake);
  HeraldReceivedFilter filter = { .from = "0241234567", .device_id = HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL };
  g_autoptr(HeraldPagedList) list = herald_paged_list_new_for_received (HERALD_INBOX_SOURCE (client), &filter, 25);
  const char *uri;
  guint n;

  load_all (list);

  uri = herald_fake_flixysms_get_request_uri (fake, 0);
  g_assert_nonnull (strstr (uri, "from=%2B233241234567"));
  g_assert_nonnull (strstr (uri, "device_id=" HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, HERALD_FAKE_FLIXYSMS_SEED_RECEIVED);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldReceivedMessage) message = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (herald_received_message_get_from (message), ==, "+233241234567");
      g_assert_cmpstr (herald_received_message_get_device_id (message), ==, HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL);
    }
}

static void
test_received_shifting (void)
{
  g_autoptr(HeraldFakeFlixysms) fake = NULL;
  g_autoptr(HeraldFlixysmsClient) client = flixy_client (&fake);
  g_autoptr(HeraldPagedList) list = herald_paged_list_new_for_received (HERALD_INBOX_SOURCE (client), NULL, 25);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  load_one (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 25);

  /* A new message pushes the 25th onto page 2: it is not listed twice. */
  herald_fake_flixysms_add_received (fake, "+233201112222", "Late news", now,
                                     HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, "sms", 1);
  load_one (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 49);
  load_all (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, HERALD_FAKE_FLIXYSMS_SEED_RECEIVED);

  /* A reload starts from the top and sees the new one. */
  herald_paged_list_reset (list);
  load_one (list);
  {
    g_autoptr(HeraldReceivedMessage) top = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpstr (herald_received_message_get_text (top), ==, "Late news");
  }
}

static void
test_received_error (void)
{
  g_autoptr(HeraldFakeFlixysms) fake = NULL;
  g_autoptr(HeraldFlixysmsClient) client = flixy_client (&fake);
  g_autoptr(HeraldPagedList) list = herald_paged_list_new_for_received (HERALD_INBOX_SOURCE (client), NULL, 25);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  herald_fake_flixysms_inject_error (fake, 401, HERALD_FAKE_FLIXYSMS_ERROR_SUCCESS_FALSE, "Invalid API key", 1);
  herald_paged_list_load_more (list);
  while (herald_paged_list_get_loading (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_error (herald_paged_list_get_error (list), HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  load_one (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 25);
}

static HeraldFlashsmsClient *
flash_client (HeraldFakeFlashsms **fake_out)
{
  g_autoptr(GError) error = NULL;
  HeraldFakeFlashsms *fake = herald_fake_flashsms_new ();
  HeraldFlashsmsClient *client;

  herald_fake_flashsms_add_key (fake, FLASH_KEY, NULL);
  herald_fake_flashsms_set_rate_limit (fake, 100000, 60);
  client = herald_flashsms_client_new_for_account (herald_fake_flashsms_get_base_url (fake), FLASH_KEY,
                                                   HERALD_AUTH_BEARER, &error);
  g_assert_no_error (error);
  *fake_out = fake;

  return client;
}

static void
test_history (void)
{
  g_autoptr(HeraldFakeFlashsms) fake = NULL;
  g_autoptr(HeraldFlashsmsClient) client = flash_client (&fake);
  g_autoptr(HeraldPagedList) all = NULL;
  g_autoptr(HeraldPagedList) failed = NULL;
  HeraldHistoryFilter filter = { .state = HERALD_DELIVERY_FAILED };
  const char *phones[] = { "0241234567", "0201234567", NULL };
  const char *bad[] = { "FAILED", "FAILED", NULL };
  GPtrArray *requests;
  const HeraldFakeFlashsmsRequest *request;

  for (guint i = 0; i < 45; i++)
    {
      g_autofree char *text = g_strdup_printf ("Message %u", i);

      herald_fake_flashsms_add_history (fake, text, "MyBrand", NULL, phones,
                                        i % 10 == 0 ? bad : NULL, 1700000000 + i * 60);
    }

  all = herald_paged_list_new_for_history (HERALD_HISTORY_SOURCE (client), NULL, 20);
  load_all (all);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 45);
  g_assert_cmpuint (herald_paged_list_get_pages_loaded (all), ==, 3);
  {
    g_autoptr(HeraldBoxedItem) item = g_list_model_get_item (G_LIST_MODEL (all), 0);

    g_assert_true (herald_boxed_item_get_type_of (item) == HERALD_TYPE_SENT_MESSAGE);
    /* newest first */
    g_assert_cmpstr (((HeraldSentMessage *) herald_boxed_item_get (item))->text, ==, "Message 44");
  }

  failed = herald_paged_list_new_for_history (HERALD_HISTORY_SOURCE (client), &filter, 20);
  load_all (failed);
  /* 0, 10, 20, 30, 40 */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (failed)), ==, 5);
  requests = herald_fake_flashsms_get_requests (fake);
  request = g_ptr_array_index (requests, requests->len - 1);
  g_assert_nonnull (strstr (request->query, "status=FAILED"));
}

static void
test_transactions (void)
{
  g_autoptr(HeraldFakeFlashsms) fake = NULL;
  g_autoptr(HeraldFlashsmsClient) client = flash_client (&fake);
  g_autoptr(HeraldPagedList) purchases = NULL;
  HeraldTransactionFilter filter = { .kind = HERALD_TRANSACTION_PURCHASE };

  for (guint i = 0; i < 30; i++)
    herald_fake_flashsms_add_transaction (fake, i % 3 == 0 ? "PURCHASE" : "USAGE",
                                          i % 3 == 0 ? 500 : -2, NULL, NULL, 1700000000 + i * 60);

  purchases = herald_paged_list_new_for_transactions (HERALD_CREDIT_ACCOUNT (client), &filter, 4);
  load_all (purchases);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (purchases)), ==, 10);
  g_assert_cmpuint (herald_paged_list_get_pages_loaded (purchases), ==, 3);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(HeraldBoxedItem) item = g_list_model_get_item (G_LIST_MODEL (purchases), i);

      HeraldTransaction *transaction = herald_boxed_item_get (item);

      g_assert_cmpint (transaction->kind, ==, HERALD_TRANSACTION_PURCHASE);
      g_assert_cmpint (transaction->amount, ==, 500);
    }
}

static void
test_message_log (void)
{
  g_autofree char *dir = g_dir_make_tmp ("herald-paged-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "herald.db", NULL);
  g_autoptr(HeraldDatabase) database = NULL;
  g_autoptr(HeraldAccountStore) store = NULL;
  g_autoptr(HeraldMessageLog) log = NULL;
  g_autoptr(HeraldAccount) draft = herald_account_new (HERALD_DIALECT_FLIXYSMS, "Log");
  g_autoptr(HeraldAccount) account = NULL;
  g_autoptr(HeraldPagedList) list = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;

  database = herald_database_open (path, &error);
  g_assert_no_error (error);
  store = herald_account_store_new (database);
  herald_account_store_add_async (store, draft, "log-key", NULL, herald_test_async_done, &res);
  account = herald_account_store_add_finish (store, herald_test_wait (&res), &error);
  g_assert_no_error (error);
  g_clear_object (&res);

  /* Seven messages, one recipient each, sent one after the other. */
  log = herald_message_log_new (database);
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *text = g_strdup_printf ("Note %u", i);
      g_autofree char *number = g_strdup_printf ("+23324123450%u", i);
      g_autofree char *id = g_strdup_printf ("msg-%u", i);
      g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new (text);
      g_autoptr(HeraldSendReport) report = herald_send_report_new ();

      herald_outgoing_add_recipient (outgoing, number);
      herald_send_report_add (report, number, number, HERALD_RECIPIENT_QUEUED, id, NULL);
      herald_logged_send_record_async (log, herald_account_get_id (account), outgoing, report, NULL,
                                       herald_test_async_done, &res);
      g_assert_true (herald_logged_send_record_finish (log, herald_test_wait (&res), &error));
      g_assert_no_error (error);
      g_clear_object (&res);
    }

  list = herald_paged_list_new_for_message_log (log, herald_account_get_id (account), NULL, 3);
  load_all (list);
  /* 3 + 3 + 1: the short page is the last. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 7);
  g_assert_cmpuint (herald_paged_list_get_pages_loaded (list), ==, 3);
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < 7; i++)
      {
        g_autoptr(HeraldLoggedMessage) row = g_list_model_get_item (G_LIST_MODEL (list), i);

        g_assert_cmpint (herald_logged_message_get_state (row), ==, HERALD_DELIVERY_QUEUED);
        g_assert_true (g_hash_table_add (seen, (gpointer) herald_logged_message_get_text (row)));
      }
    g_assert_true (g_hash_table_contains (seen, "Note 0"));
    g_assert_true (g_hash_table_contains (seen, "Note 6"));
  }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paged-sources/received/pages", test_received_pages);
  g_test_add_func ("/paged-sources/received/filter", test_received_filter);
  g_test_add_func ("/paged-sources/received/shifting", test_received_shifting);
  g_test_add_func ("/paged-sources/received/error-then-retry", test_received_error);
  g_test_add_func ("/paged-sources/history/pages-and-status", test_history);
  g_test_add_func ("/paged-sources/transactions/type", test_transactions);
  g_test_add_func ("/paged-sources/message-log/pages", test_message_log);

  return g_test_run ();
}
