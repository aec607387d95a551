/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* HeraldProvider over both cloud clients, the account → provider factory
 * and HeraldSession, against the in-process fakes (and gnome-keyring for
 * the parts that read keys). */

#include <glib/gstdio.h>

#include "herald-core.h"
#include "providers/flashsms/herald-flashsms-client.h"
#include "providers/flixysms/herald-flixysms-client.h"
#include "net/herald-provider-error.h"
#include "herald-fake-flashsms.h"
#include "herald-fake-flixysms.h"
#include "herald-test-util.h"

#define FLIXY_KEY "fx_live_provider_key"
#define FLASH_KEY "bms_live_provider_key"

static gboolean
wait_until (gboolean (*condition) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return condition (data);
}

static HeraldAccount *
account_for (HeraldDialect dialect,
             const char   *name,
             const char   *base_url)
{
  HeraldAccount *account = herald_account_new (dialect, name);

  herald_account_set_base_url (account, base_url);
  herald_account_set_region (account, "GH");
  return account;
}

static HeraldSendReport *
send_sync (HeraldProvider  *provider,
           HeraldOutgoing  *outgoing,
           GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  herald_provider_send_async (provider, outgoing, NULL, herald_test_async_done, &result);
  return herald_provider_send_finish (provider, herald_test_wait (&result), error);
}

/* ---- FlixySMS --------------------------------------------------------------- */

static HeraldFakeFlixysms *
new_flixysms_fake (void)
{
  g_autoptr(GError) error = NULL;
  HeraldFakeFlixysms *fake = herald_fake_flixysms_new (FLIXY_KEY, 0, &error);

  g_assert_no_error (error);
  herald_fake_flixysms_seed (fake);
  return fake;
}

static HeraldProvider *
new_provider (HeraldDialect dialect,
              const char   *base_url,
              const char   *key)
{
  g_autoptr(HeraldAccount) account = account_for (dialect, "Test", base_url);
  g_autoptr(GError) error = NULL;
  HeraldProvider *provider = herald_provider_new_for_account (account, key, &error);

  g_assert_no_error (error);
  g_assert_true (HERALD_IS_PROVIDER (provider));
  return provider;
}

static void
test_flixysms_send_report (void)
{
  g_autoptr(HeraldFakeFlixysms) fake = new_flixysms_fake ();
  g_autoptr(HeraldProvider) provider = new_provider (HERALD_DIALECT_FLIXYSMS,
                                                     herald_fake_flixysms_get_base_url (fake), FLIXY_KEY);
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new ("Shop opens at 9.");
  g_autoptr(HeraldSendReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *ids;

  g_assert_true (HERALD_IS_FLIXYSMS_CLIENT (provider));
  g_assert_cmpint (herald_provider_get_dialect (provider), ==, HERALD_DIALECT_FLIXYSMS);
  g_assert_true (herald_provider_has_feature (provider, HERALD_PROVIDER_FEATURE_DEVICE_ID));
  g_assert_false (herald_provider_has_feature (provider, HERALD_PROVIDER_FEATURE_BALANCE));

  herald_outgoing_add_recipient (outgoing, "+233244123456");
  herald_outgoing_add_recipient (outgoing, "not a number");
  herald_outgoing_add_recipient (outgoing, "024 412 3456");   /* the first one again */
  herald_outgoing_add_recipient (outgoing, "+233201234567");
  report = send_sync (provider, outgoing, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (herald_send_report_get_n_recipients (report), ==, 4);
  g_assert_cmpint (herald_send_report_get_outcome (report, 0), ==, HERALD_RECIPIENT_QUEUED);
  g_assert_cmpstr (herald_send_report_get_number (report, 0), ==, "+233244123456");
  g_assert_nonnull (herald_send_report_get_recipient_message_id (report, 0));
  g_assert_cmpint (herald_send_report_get_outcome (report, 1), ==, HERALD_RECIPIENT_INVALID);
  g_assert_cmpstr (herald_send_report_get_input (report, 1), ==, "not a number");
  g_assert_nonnull (herald_send_report_get_reason (report, 1));
  g_assert_cmpint (herald_send_report_get_outcome (report, 2), ==, HERALD_RECIPIENT_DUPLICATE);
  g_assert_cmpint (herald_send_report_get_outcome (report, 3), ==, HERALD_RECIPIENT_QUEUED);
  g_assert_cmpuint (herald_send_report_count (report, HERALD_RECIPIENT_QUEUED), ==, 2);
  ids = herald_send_report_get_message_ids (report);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 2);
  g_assert_null (herald_send_report_get_error (report));

  /* the server's own record: each valid number once */
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, 2);
  g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (fake, "+233244123456"), ==, 1);
  g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (fake, "+233201234567"), ==, 1);
}

static void
test_flixysms_refusals (void)
{
  g_autoptr(HeraldFakeFlixysms) fake = new_flixysms_fake ();
  g_autoptr(HeraldProvider) provider = new_provider (HERALD_DIALECT_FLIXYSMS,
                                                     herald_fake_flixysms_get_base_url (fake), FLIXY_KEY);
  g_autoptr(HeraldOutgoing) with_sender = herald_outgoing_new ("Hello");
  g_autoptr(HeraldOutgoing) no_valid = herald_outgoing_new ("Hello");
  g_autoptr(HeraldSendReport) report = NULL;
  g_autoptr(GError) error = NULL;

  herald_outgoing_add_recipient (with_sender, "+233244123456");
  herald_outgoing_set_sender_id (with_sender, "MyBrand");
  report = send_sync (provider, with_sender, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "sender ID"));
  g_assert_null (report);
  g_clear_error (&error);

  herald_outgoing_add_recipient (no_valid, "12");
  report = send_sync (provider, no_valid, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_assert_null (report);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, 0);
}

static void
test_flixysms_whole_failure (void)
{
  g_autoptr(HeraldFakeFlixysms) fake = new_flixysms_fake ();
  g_autoptr(HeraldProvider) provider = new_provider (HERALD_DIALECT_FLIXYSMS,
                                                     herald_fake_flixysms_get_base_url (fake), "fx_wrong_key");
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new ("Hello");
  g_autoptr(HeraldSendReport) report = NULL;
  g_autoptr(GError) error = NULL;

  herald_outgoing_add_recipient (outgoing, "+233244123456");
  report = send_sync (provider, outgoing, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_UNAUTHORIZED);
  g_assert_null (report);
}

static HeraldDeliveryState
state_sync (HeraldProvider  *provider,
            const char      *id,
            GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  herald_provider_get_state_async (provider, id, NULL, herald_test_async_done, &result);
  return herald_provider_get_state_finish (provider, herald_test_wait (&result), error);
}

static void
test_flixysms_state_and_connection (void)
{
  g_autoptr(HeraldFakeFlixysms) fake = new_flixysms_fake ();
  g_autoptr(HeraldProvider) provider = new_provider (HERALD_DIALECT_FLIXYSMS,
                                                     herald_fake_flixysms_get_base_url (fake), FLIXY_KEY);
  g_autoptr(HeraldProvider) wrong = new_provider (HERALD_DIALECT_FLIXYSMS,
                                                  herald_fake_flixysms_get_base_url (fake), "fx_wrong");
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new ("Hello");
  g_autoptr(HeraldSendReport) report = NULL;
  g_autoptr(HeraldConnectionReport) verdict = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) balance_result = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  herald_outgoing_add_recipient (outgoing, "+233244123456");
  report = send_sync (provider, outgoing, &error);
  g_assert_no_error (error);
  id = herald_send_report_get_recipient_message_id (report, 0);

  g_assert_cmpint (state_sync (provider, id, &error), ==, HERALD_DELIVERY_QUEUED);
  g_assert_no_error (error);
  herald_fake_flixysms_set_status (fake, id, "delivered");
  g_assert_cmpint (state_sync (provider, id, &error), ==, HERALD_DELIVERY_DELIVERED);
  g_assert_no_error (error);
  g_assert_cmpint (state_sync (provider, "no-such-message", &error), ==, HERALD_DELIVERY_UNKNOWN);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NOT_FOUND);
  g_clear_error (&error);

  herald_provider_test_connection_async (provider, NULL, herald_test_async_done, &result);
  verdict = herald_provider_test_connection_finish (provider, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (herald_connection_report_get_balance (verdict), ==, -1);
  g_assert_cmpuint (g_strv_length ((char **) herald_connection_report_get_missing_scopes (verdict)), ==, 0);
  g_clear_object (&verdict);
  g_clear_object (&result);

  herald_provider_test_connection_async (wrong, NULL, herald_test_async_done, &result);
  verdict = herald_provider_test_connection_finish (wrong, herald_test_wait (&result), &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_UNAUTHORIZED);
  g_assert_null (verdict);
  g_clear_error (&error);

  /* FlixySMS has no credits */
  herald_provider_get_balance_async (provider, NULL, herald_test_async_done, &balance_result);
  g_assert_cmpint (herald_provider_get_balance_finish (provider, herald_test_wait (&balance_result), &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}

/* ---- FlashSMS --------------------------------------------------------------- */

static HeraldFakeFlashsms *
new_flashsms_fake (gint64 balance)
{
  HeraldFakeFlashsms *fake = herald_fake_flashsms_new ();

  herald_fake_flashsms_add_key (fake, FLASH_KEY, NULL);
  herald_fake_flashsms_add_key (fake, "bms_live_readonly", "sms:read balance:read");
  herald_fake_flashsms_set_balance (fake, balance);
  herald_fake_flashsms_add_sender_id (fake, "MyBrand", "APPROVED");
  return fake;
}

static void
test_flashsms_send_report (void)
{
  g_autoptr(HeraldFakeFlashsms) fake = new_flashsms_fake (100);
  g_autoptr(HeraldProvider) provider = new_provider (HERALD_DIALECT_FLASHSMS,
                                                     herald_fake_flashsms_get_base_url (fake), FLASH_KEY);
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new ("Fresh bread today.");
  g_autoptr(HeraldSendReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *sent;

  g_assert_true (HERALD_IS_FLASHSMS_CLIENT (provider));
  g_assert_true (herald_provider_has_feature (provider, HERALD_PROVIDER_FEATURE_BALANCE |
                                                        HERALD_PROVIDER_FEATURE_SENDER_ID));
  g_assert_false (herald_provider_has_feature (provider, HERALD_PROVIDER_FEATURE_MEDIA));

  herald_outgoing_add_recipient (outgoing, "0244123456");
  herald_outgoing_add_recipient (outgoing, "0201234567");
  herald_outgoing_add_recipient (outgoing, "0302123456");      /* a landline: not mobile */
  herald_outgoing_add_recipient (outgoing, "+233 24 412 3456"); /* the first again */
  herald_outgoing_set_sender_id (outgoing, "MyBrand");
  herald_outgoing_set_campaign_name (outgoing, "Bread");
  report = send_sync (provider, outgoing, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (herald_send_report_get_n_recipients (report), ==, 4);
  g_assert_cmpint (herald_send_report_get_outcome (report, 0), ==, HERALD_RECIPIENT_QUEUED);
  g_assert_cmpstr (herald_send_report_get_number (report, 0), ==, "+233244123456");
  g_assert_nonnull (herald_send_report_get_recipient_message_id (report, 0));
  g_assert_cmpint (herald_send_report_get_outcome (report, 1), ==, HERALD_RECIPIENT_QUEUED);
  g_assert_cmpint (herald_send_report_get_outcome (report, 2), ==, HERALD_RECIPIENT_INVALID);
  g_assert_cmpstr (herald_send_report_get_reason (report, 2), ==, "not-mobile");
  g_assert_cmpint (herald_send_report_get_outcome (report, 3), ==, HERALD_RECIPIENT_DUPLICATE);
  g_assert_cmpuint (g_strv_length ((char **) herald_send_report_get_message_ids (report)), ==, 1);
  g_assert_cmpint (herald_send_report_get_credits_used (report), ==, 2);
  g_assert_cmpint (herald_send_report_get_balance_after (report), ==, 98);

  sent = herald_fake_flashsms_get_sent (fake);
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpint (herald_fake_flashsms_get_balance (fake), ==, 98);
}

static void
test_flashsms_errors (void)
{
  g_autoptr(HeraldFakeFlashsms) fake = new_flashsms_fake (1);
  g_autoptr(HeraldProvider) provider = new_provider (HERALD_DIALECT_FLASHSMS,
                                                     herald_fake_flashsms_get_base_url (fake), FLASH_KEY);
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new ("Fresh bread today.");
  g_autoptr(HeraldOutgoing) with_media = herald_outgoing_new ("Picture");
  g_autoptr(HeraldSendReport) report = NULL;
  g_autoptr(GError) error = NULL;

  herald_outgoing_add_recipient (outgoing, "0244123456");
  herald_outgoing_add_recipient (outgoing, "0201234567");
  report = send_sync (provider, outgoing, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED);
  g_assert_cmpint (herald_provider_error_get_credits_needed (error), ==, 2);
  g_assert_null (report);
  g_clear_error (&error);

  herald_outgoing_add_recipient (with_media, "0244123456");
  herald_outgoing_set_media_url (with_media, "https://example.com/a.jpg");
  report = send_sync (provider, with_media, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_assert_cmpuint (herald_fake_flashsms_count_requests (fake, "POST", "/sms/send"), ==, 1);
}

static void
test_flashsms_state_balance_connection (void)
{
  g_autoptr(HeraldFakeFlashsms) fake = new_flashsms_fake (1500);
  g_autoptr(HeraldProvider) provider = new_provider (HERALD_DIALECT_FLASHSMS,
                                                     herald_fake_flashsms_get_base_url (fake), FLASH_KEY);
  g_autoptr(HeraldProvider) readonly = new_provider (HERALD_DIALECT_FLASHSMS,
                                                     herald_fake_flashsms_get_base_url (fake), "bms_live_readonly");
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new ("Hello");
  g_autoptr(HeraldSendReport) report = NULL;
  g_autoptr(HeraldConnectionReport) verdict = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) balance_result = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *missing;
  const char *id;

  herald_outgoing_add_recipient (outgoing, "0244123456");
  report = send_sync (provider, outgoing, &error);
  g_assert_no_error (error);
  id = herald_send_report_get_recipient_message_id (report, 0);
  g_assert_true (herald_fake_flashsms_set_recipient_status (fake, id, "233244123456", "DELIVERED"));
  g_assert_cmpint (state_sync (provider, id, &error), ==, HERALD_DELIVERY_DELIVERED);
  g_assert_no_error (error);

  herald_provider_get_balance_async (provider, NULL, herald_test_async_done, &balance_result);
  g_assert_cmpint (herald_provider_get_balance_finish (provider, herald_test_wait (&balance_result), &error), ==, 1499);
  g_assert_no_error (error);

  /* a key that works but may not send: a success that names what is missing */
  herald_provider_test_connection_async (readonly, NULL, herald_test_async_done, &result);
  verdict = herald_provider_test_connection_finish (readonly, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (herald_connection_report_get_balance (verdict), ==, 1499);
  missing = herald_connection_report_get_missing_scopes (verdict);
  g_assert_true (g_strv_contains (missing, "sms:send"));
}

/* ---- factory -------------------------------------------------------------- */

static void
test_factory_modem_and_bad_input (void)
{
  g_autoptr(HeraldAccount) modem = herald_account_new (HERALD_DIALECT_MODEM, "Laptop");
  g_autoptr(HeraldAccount) flash = herald_account_new (HERALD_DIALECT_FLASHSMS, "Flash");
  g_autoptr(HeraldProvider) provider = NULL;
  g_autoptr(GError) error = NULL;

  /* Modems need no key; the provider reaches ModemManager only when used
   * (test-modem-provider.c sends through it). */
  provider = herald_provider_new_for_account (modem, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (provider);
  g_assert_cmpint (herald_provider_get_dialect (provider), ==, HERALD_DIALECT_MODEM);
  g_clear_object (&provider);

  /* FlashSMS without a URL cannot be reached */
  provider = herald_provider_new_for_account (flash, "bms_key", &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_assert_null (provider);
}

/* ---- session (keyring) -------------------------------------------------------- */

typedef struct
{
  HeraldSession  *session;
  HeraldProvider *not_this;   /* held: a new provider may take a freed one's address */
} ProviderWait;

static gboolean
has_new_provider (gpointer data)
{
  ProviderWait *wait = data;
  HeraldProvider *provider = herald_session_get_provider (wait->session);

  return provider != NULL && provider != wait->not_this;
}

static gboolean
has_balance (gpointer data)
{
  return herald_session_get_balance (data) >= 0;
}

static gboolean
has_provider_error (gpointer data)
{
  return herald_session_get_provider_error (data) != NULL;
}

static HeraldAccount *
add_account (HeraldAccountStore *store,
             HeraldAccount      *draft,
             const char         *key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldAccount *account;

  herald_account_store_add_async (store, draft, key, NULL, herald_test_async_done, &result);
  account = herald_account_store_add_finish (store, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  return account;
}

static void
test_session (void)
{
  g_autoptr(HeraldFakeFlashsms) flash_fake = new_flashsms_fake (1234);
  g_autoptr(HeraldFakeFlixysms) flixy_fake = new_flixysms_fake ();
  g_autofree char *dir = g_dir_make_tmp ("herald-session-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "herald.db", NULL);
  g_autoptr(HeraldDatabase) database = NULL;
  g_autoptr(HeraldSession) session = NULL;
  g_autoptr(HeraldAccount) flash_draft = account_for (HERALD_DIALECT_FLASHSMS, "Bakery",
                                                      herald_fake_flashsms_get_base_url (flash_fake));
  g_autoptr(HeraldAccount) flixy_draft = account_for (HERALD_DIALECT_FLIXYSMS, "Workshop",
                                                      herald_fake_flixysms_get_base_url (flixy_fake));
  g_autoptr(HeraldAccount) flash = NULL;
  g_autoptr(HeraldAccount) flixy = NULL;
  g_autoptr(HeraldAccount) changes = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldAccountStore *store;
  ProviderWait wait = { 0 };

  database = herald_database_open (path, &error);
  g_assert_no_error (error);
  session = herald_session_new (database);
  store = herald_session_get_account_store (session);
  g_assert_nonnull (herald_session_get_message_log (session));

  /* an id asked for before loading waits for the accounts */
  herald_session_set_active_account_id (session, "no-such-id");
  herald_session_load_async (session, NULL, herald_test_async_done, &result);
  g_assert_true (herald_session_load_finish (session, herald_test_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_null (herald_session_get_active_account (session));
  g_assert_null (herald_session_get_active_account_id (session));
  g_assert_null (herald_session_get_provider (session));

  /* the first account becomes active, with its provider and balance */
  flash = add_account (store, flash_draft, FLASH_KEY);
  g_assert_true (herald_session_get_active_account (session) == flash);
  g_assert_cmpstr (herald_session_get_active_account_id (session), ==, herald_account_get_id (flash));
  wait.session = session;
  g_assert_true (wait_until (has_new_provider, &wait));
  g_assert_true (HERALD_IS_FLASHSMS_CLIENT (herald_session_get_provider (session)));
  g_assert_true (wait_until (has_balance, session));
  g_assert_cmpint (herald_session_get_balance (session), ==, 1234);

  /* switching */
  flixy = add_account (store, flixy_draft, FLIXY_KEY);
  g_assert_true (herald_session_get_active_account (session) == flash);
  g_set_object (&wait.not_this, herald_session_get_provider (session));
  herald_session_set_active_account_id (session, herald_account_get_id (flixy));
  g_assert_true (herald_session_get_active_account (session) == flixy);
  g_assert_true (wait_until (has_new_provider, &wait));
  g_assert_true (HERALD_IS_FLIXYSMS_CLIENT (herald_session_get_provider (session)));
  g_assert_cmpint (herald_session_get_balance (session), ==, -1);

  /* an edit (here a new, wrong key) makes a new provider with it */
  g_set_object (&wait.not_this, herald_session_get_provider (session));
  changes = herald_account_copy (flixy);
  g_clear_object (&result);
  herald_account_store_update_async (store, changes, "fx_rotated_key", NULL, herald_test_async_done, &result);
  g_assert_true (herald_account_store_update_finish (store, herald_test_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_true (wait_until (has_new_provider, &wait));
  {
    g_autoptr(GAsyncResult) tested = NULL;
    g_autoptr(HeraldConnectionReport) verdict = NULL;
    HeraldProvider *provider = herald_session_get_provider (session);

    herald_provider_test_connection_async (provider, NULL, herald_test_async_done, &tested);
    verdict = herald_provider_test_connection_finish (provider, herald_test_wait (&tested), &error);
    g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_UNAUTHORIZED);
    g_clear_error (&error);
  }

  /* removing the active account falls back to the other one */
  g_set_object (&wait.not_this, herald_session_get_provider (session));
  g_clear_object (&result);
  herald_account_store_remove_async (store, flixy, NULL, herald_test_async_done, &result);
  g_assert_true (herald_account_store_remove_finish (store, herald_test_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_true (herald_session_get_active_account (session) == flash);
  g_assert_true (wait_until (has_new_provider, &wait));
  g_assert_true (HERALD_IS_FLASHSMS_CLIENT (herald_session_get_provider (session)));

  /* a key missing from the keyring: no provider, and the reason */
  {
    g_autoptr(GAsyncResult) cleared = NULL;

    herald_secrets_clear_async (herald_account_get_id (flash), NULL, herald_test_async_done, &cleared);
    g_assert_true (herald_secrets_clear_finish (herald_test_wait (&cleared), &error));
    g_assert_no_error (error);
  }
  g_clear_object (&changes);
  changes = herald_account_copy (flash);
  herald_account_set_name (changes, "Bakery Two");
  g_clear_object (&result);
  herald_account_store_update_async (store, changes, NULL, NULL, herald_test_async_done, &result);
  g_assert_true (herald_account_store_update_finish (store, herald_test_wait (&result), &error));
  g_assert_true (wait_until (has_provider_error, session));
  g_assert_null (herald_session_get_provider (session));

  g_clear_object (&wait.not_this);
  g_clear_object (&session);
  g_clear_object (&database);
  g_remove (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/provider/flixysms/send-report", test_flixysms_send_report);
  g_test_add_func ("/provider/flixysms/refusals", test_flixysms_refusals);
  g_test_add_func ("/provider/flixysms/whole-failure", test_flixysms_whole_failure);
  g_test_add_func ("/provider/flixysms/state-and-connection", test_flixysms_state_and_connection);
  g_test_add_func ("/provider/flashsms/send-report", test_flashsms_send_report);
  g_test_add_func ("/provider/flashsms/errors", test_flashsms_errors);
  g_test_add_func ("/provider/flashsms/state-balance-connection", test_flashsms_state_balance_connection);
  g_test_add_func ("/provider/factory/modem-and-bad-input", test_factory_modem_and_bad_input);
  g_test_add_func ("/provider/session", test_session);

  return g_test_run ();
}
