/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test-modem-provider"

#include <string.h>

#include <json-glib/json-glib.h>

#include "herald-core.h"
#include "net/herald-provider-error.h"
#include "store/herald-account-store.h"
#include "store/herald-account.h"
#include "store/herald-database.h"
#include "herald-test-mock-modem.h"
#include "herald-test-util.h"

/* The modem dialect: a HeraldProvider over the outbox, and heraldctl send
 * and status through it, against the mock ModemManager with one modem
 * (--mock-modems 1). */

static HeraldProvider *
open_provider (HeraldDatabase *database)
{
  g_autoptr(HeraldAccountStore) store = herald_account_store_new (database);
  g_autoptr(HeraldAccount) draft = herald_account_new (HERALD_DIALECT_MODEM, "Modems");
  g_autoptr(HeraldAccount) account = NULL;
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(GAsyncResult) opened = NULL;
  g_autoptr(GError) error = NULL;
  HeraldProvider *provider;

  herald_account_set_region (draft, "GH");
  herald_account_store_add_async (store, draft, NULL, NULL, herald_test_async_done, &added);
  account = herald_account_store_add_finish (store, herald_test_wait (&added), &error);
  g_assert_no_error (error);

  herald_provider_open_async (store, account, NULL, herald_test_async_done, &opened);
  provider = herald_provider_open_finish (herald_test_wait (&opened), &error);
  g_assert_no_error (error);
  g_assert_cmpint (herald_provider_get_dialect (provider), ==, HERALD_DIALECT_MODEM);

  return provider;
}

static HeraldSendReport *
send (HeraldProvider  *provider,
      HeraldOutgoing  *outgoing,
      GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  herald_provider_send_async (provider, outgoing, NULL, herald_test_async_done, &result);
  return herald_provider_send_finish (provider, herald_test_wait (&result), error);
}

static void
test_provider (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "provider.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldDatabase) database = herald_database_open (path, &error);
  g_autoptr(HeraldProvider) provider = NULL;
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new ("through the modem provider");
  g_autoptr(HeraldOutgoing) media = herald_outgoing_new ("with a picture");
  g_autoptr(HeraldSendReport) report = NULL;
  g_autoptr(HeraldSendReport) refused = NULL;
  g_autoptr(GAsyncResult) state = NULL;

  g_assert_no_error (error);
  provider = open_provider (database);

  herald_outgoing_add_recipient (outgoing, "+233241234567");
  herald_outgoing_add_recipient (outgoing, "0241234568");      /* national, region GH */
  herald_outgoing_add_recipient (outgoing, "+233 24 123 4567"); /* the first again */
  herald_outgoing_add_recipient (outgoing, "not a number");
  report = send (provider, outgoing, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (herald_send_report_get_n_recipients (report), ==, 4);
  g_assert_cmpint (herald_send_report_get_outcome (report, 0), ==, HERALD_RECIPIENT_QUEUED);
  g_assert_cmpint (herald_send_report_get_outcome (report, 1), ==, HERALD_RECIPIENT_QUEUED);
  g_assert_cmpstr (herald_send_report_get_number (report, 1), ==, "+233241234568");
  g_assert_cmpint (herald_send_report_get_outcome (report, 2), ==, HERALD_RECIPIENT_DUPLICATE);
  g_assert_cmpint (herald_send_report_get_outcome (report, 3), ==, HERALD_RECIPIENT_INVALID);
  g_assert_true (g_uuid_string_is_valid (herald_send_report_get_recipient_message_id (report, 0)));
  /* Reported once it has gone out on the modem, each number once. */
  g_assert_cmpuint (herald_test_mock_count_sent ("+233241234567", "through the modem provider"), ==, 1);
  g_assert_cmpuint (herald_test_mock_count_sent ("+233241234568", "through the modem provider"), ==, 1);

  herald_provider_get_state_async (provider, herald_send_report_get_recipient_message_id (report, 0), NULL,
                                   herald_test_async_done, &state);
  g_assert_cmpint (herald_provider_get_state_finish (provider, herald_test_wait (&state), &error),
                   ==, HERALD_DELIVERY_SENT);
  g_assert_no_error (error);

  herald_outgoing_add_recipient (media, "+233241234567");
  herald_outgoing_set_media_url (media, "https://example.com/a.png");
  refused = send (provider, media, &error);
  g_assert_null (refused);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
}

static void
test_no_usable_modem (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "provider-none.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldDatabase) database = herald_database_open (path, &error);
  g_autoptr(HeraldProvider) provider = NULL;
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new ("nowhere to go");
  g_autoptr(HeraldSendReport) report = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldConnectionReport) connection = NULL;

  g_assert_no_error (error);
  provider = open_provider (database);
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_0, "signal", g_variant_new_uint32 (0));

  herald_outgoing_add_recipient (outgoing, "+233241234567");
  report = send (provider, outgoing, &error);
  g_assert_null (report);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NO_DEVICE);
  g_clear_error (&error);

  herald_provider_test_connection_async (provider, NULL, herald_test_async_done, &result);
  connection = herald_provider_test_connection_finish (provider, herald_test_wait (&result), &error);
  g_assert_null (connection);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NO_DEVICE);

  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_0, "signal", g_variant_new_uint32 (70));
  g_assert_cmpuint (herald_test_mock_count_sent ("+233241234567", "nowhere to go"), ==, 0);
}

static void
test_heraldctl (void)
{
  const char *add[] = { "account", "add", "Phone modems", "--dialect", "modem", NULL };
  const char *send_argv[] = { "send", "--account", "Phone modems", "--to", "+233241234569",
                              "--message", "from heraldctl", "--json", NULL };
  g_auto(HeraldTestRun) added = { 0 };
  g_auto(HeraldTestRun) sent = { 0 };
  g_auto(HeraldTestRun) status = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *message_id;

  herald_test_heraldctl_run (&added, NULL, NULL, NULL, 60, add);
  g_assert_cmpint (added.status, ==, 0);

  herald_test_heraldctl_run (&sent, NULL, NULL, NULL, 60, send_argv);
  g_assert_cmpint (sent.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, sent.out, -1, &error));
  g_assert_no_error (error);
  message_id = json_array_get_string_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "message_ids"), 0);
  g_assert_true (g_uuid_string_is_valid (message_id));
  g_assert_cmpuint (herald_test_mock_count_sent ("+233241234569", "from heraldctl"), ==, 1);

  {
    const char *status_argv[] = { "status", "--account", "Phone modems", message_id, NULL };

    herald_test_heraldctl_run (&status, NULL, NULL, NULL, 60, status_argv);
  }
  g_assert_cmpint (status.status, ==, 0);
  g_assert_nonnull (strstr (status.out, "sent"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/modem-provider/send", test_provider);
  g_test_add_func ("/modem-provider/no-usable-modem", test_no_usable_modem);
  g_test_add_func ("/modem-provider/heraldctl", test_heraldctl);

  return g_test_run ();
}
