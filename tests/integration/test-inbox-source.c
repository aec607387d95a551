/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* HeraldInboxSource: which providers receive (FlixySMS does, FlashSMS does
 * not), every field of FlixySMS's received messages and pages carried over
 * into the common types, filters reaching the server, every page at once,
 * and the one inbox watcher that HeraldSession owns for the active account
 * (replaced, and the old one silenced, when the account changes). Against
 * the in-process fakes, with gnome-keyring for the session's keys. */
#define G_LOG_DOMAIN "test-inbox-source"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "herald-core.h"
#include "net/herald-provider-error.h"
#include "providers/herald-inbox-source.h"
#include "providers/flixysms/herald-flixysms-client.h"
#include "herald-fake-flashsms.h"
#include "herald-fake-flixysms.h"
#include "herald-test-util.h"

#define FLIXY_KEY "fx_live_inbox_source_key"
#define FLIXY_KEY_2 "fx_live_inbox_source_key_2"
#define FLASH_KEY "bms_live_inbox_source_key"

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

/* Iterates for @ms milliseconds. */
static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
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

static HeraldFakeFlixysms *
new_flixysms_fake (const char *key)
{
  g_autoptr(GError) error = NULL;
  HeraldFakeFlixysms *fake = herald_fake_flixysms_new (key, 0, &error);

  g_assert_no_error (error);
  herald_fake_flixysms_set_rate_limit (fake, 100000, 60);
  return fake;
}

static HeraldReceivedPage *
list_page (HeraldInboxSource          *source,
           const HeraldReceivedFilter *filter,
           guint                       page,
           guint                       per_page,
           GError                    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  herald_inbox_source_list_received_async (source, filter, page, per_page, NULL, herald_test_async_done, &result);
  return herald_inbox_source_list_received_finish (source, herald_test_wait (&result), error);
}

/* ---- who receives ---------------------------------------------------------- */

static void
test_who_receives (void)
{
  g_autoptr(HeraldFakeFlixysms) flixy_fake = new_flixysms_fake (FLIXY_KEY);
  g_autoptr(HeraldFakeFlashsms) flash_fake = herald_fake_flashsms_new ();
  g_autoptr(HeraldProvider) flixy = NULL;
  g_autoptr(HeraldProvider) flash = NULL;
  guint n_prerequisites = 0;
  g_autofree GType *prerequisites = g_type_interface_prerequisites (HERALD_TYPE_INBOX_SOURCE, &n_prerequisites);
  gboolean requires_provider = FALSE;

  /* The capability requires the provider interface, as Calls'
   * CallsAccountProvider requires CallsProvider. */
  for (guint i = 0; i < n_prerequisites; i++)
    requires_provider |= prerequisites[i] == HERALD_TYPE_PROVIDER;
  g_assert_true (requires_provider);

  herald_fake_flashsms_add_key (flash_fake, FLASH_KEY, NULL);
  flixy = new_provider (HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (flixy_fake), FLIXY_KEY);
  flash = new_provider (HERALD_DIALECT_FLASHSMS, herald_fake_flashsms_get_base_url (flash_fake), FLASH_KEY);

  g_assert_true (HERALD_IS_INBOX_SOURCE (flixy));
  g_assert_true (g_type_is_a (HERALD_TYPE_FLIXYSMS_CLIENT, HERALD_TYPE_INBOX_SOURCE));
  /* FlashSMS only sends: it does not claim the capability. */
  g_assert_false (HERALD_IS_INBOX_SOURCE (flash));
  g_assert_true (HERALD_IS_PROVIDER (flash));
}

/* ---- FlixySMS, field by field ----------------------------------------------- */

static void
test_flixysms_converts_every_field (void)
{
  g_autoptr(HeraldFakeFlixysms) fake = new_flixysms_fake (FLIXY_KEY);
  g_autoptr(HeraldProvider) provider = NULL;
  g_autoptr(HeraldReceivedPage) page = NULL;
  g_autoptr(HeraldReceivedMessage) sms = NULL;
  g_autoptr(HeraldReceivedMessage) whatsapp = NULL;
  g_autoptr(GDateTime) sms_at = g_date_time_new_utc (2024, 2, 29, 23, 59, 58);
  g_autoptr(GDateTime) whatsapp_at = g_date_time_new_utc (2024, 3, 1, 8, 15, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *sms_id = NULL;
  g_autofree char *whatsapp_id = NULL;
  HeraldMessageType type;
  GListModel *items;

  herald_fake_flixysms_add_device (fake, "dev-office", "Office phone", "+233241000001", FALSE, TRUE);
  herald_fake_flixysms_add_device (fake, "dev-chat", "Chat line", "+233551000003", TRUE, TRUE);
  sms_id = g_strdup (herald_fake_flixysms_add_received (fake, "+233201112233", "Is the shop open?", sms_at,
                                                        "dev-office", "sms", 2));
  whatsapp_id = g_strdup (herald_fake_flixysms_add_received (fake, "+447911123456", "", whatsapp_at,
                                                             "dev-chat", "whatsapp", 0));
  provider = new_provider (HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (fake), FLIXY_KEY);

  page = list_page (HERALD_INBOX_SOURCE (provider), NULL, 1, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  g_assert_cmpuint (herald_received_page_get_page (page), ==, 1);
  g_assert_cmpuint (herald_received_page_get_per_page (page), ==, 25);
  g_assert_cmpuint (herald_received_page_get_total (page), ==, 2);
  g_assert_cmpuint (herald_received_page_get_total_pages (page), ==, 1);
  g_assert_false (herald_received_page_get_has_more (page));

  items = herald_received_page_get_items (page);
  g_assert_true (g_list_model_get_item_type (items) == HERALD_TYPE_RECEIVED_MESSAGE);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);

  /* newest first: the WhatsApp one, media only (no text), no SIM slot */
  whatsapp = g_list_model_get_item (items, 0);
  g_assert_cmpstr (herald_received_message_get_id (whatsapp), ==, whatsapp_id);
  g_assert_cmpstr (herald_received_message_get_from (whatsapp), ==, "+447911123456");
  g_assert_cmpstr (herald_received_message_get_text (whatsapp), ==, "");
  g_assert_true (g_date_time_equal (herald_received_message_get_received_at (whatsapp), whatsapp_at));
  g_assert_cmpstr (herald_received_message_get_device_id (whatsapp), ==, "dev-chat");
  g_assert_cmpstr (herald_received_message_get_device_name (whatsapp), ==, "Chat line");
  g_assert_cmpstr (herald_received_message_get_device_phone (whatsapp), ==, "+233551000003");
  g_assert_cmpint (herald_received_message_get_message_type (whatsapp), ==, HERALD_MESSAGE_TYPE_WHATSAPP);
  g_assert_cmpint (herald_received_message_get_sim_slot (whatsapp), ==, -1);
  g_assert_null (herald_received_message_get_media_url (whatsapp));

  sms = g_list_model_get_item (items, 1);
  g_assert_cmpstr (herald_received_message_get_id (sms), ==, sms_id);
  g_assert_cmpstr (herald_received_message_get_from (sms), ==, "+233201112233");
  g_assert_cmpstr (herald_received_message_get_text (sms), ==, "Is the shop open?");
  g_assert_true (g_date_time_equal (herald_received_message_get_received_at (sms), sms_at));
  g_assert_cmpstr (herald_received_message_get_device_id (sms), ==, "dev-office");
  g_assert_cmpstr (herald_received_message_get_device_name (sms), ==, "Office phone");
  g_assert_cmpstr (herald_received_message_get_device_phone (sms), ==, "+233241000001");
  g_assert_cmpint (herald_received_message_get_message_type (sms), ==, HERALD_MESSAGE_TYPE_SMS);
  g_assert_cmpint (herald_received_message_get_sim_slot (sms), ==, 2);
  g_assert_null (herald_received_message_get_media_url (sms));

  /* the same through the properties, as a UI binds them */
  g_object_get (sms, "message-type", &type, NULL);
  g_assert_cmpint (type, ==, HERALD_MESSAGE_TYPE_SMS);
  g_assert_cmpstr (herald_message_type_to_string (HERALD_MESSAGE_TYPE_WHATSAPP), ==, "whatsapp");
  g_assert_null (herald_message_type_to_string (HERALD_MESSAGE_TYPE_UNKNOWN));
}

/* Every seeded message, compared with what the client itself reads from
 * the same page: nothing is lost or changed in the conversion. */
static void
test_flixysms_matches_client (void)
{
  g_autoptr(HeraldFakeFlixysms) fake = new_flixysms_fake (FLIXY_KEY);
  g_autoptr(HeraldProvider) provider = NULL;
  g_autoptr(GError) error = NULL;

  herald_fake_flixysms_seed (fake);
  provider = new_provider (HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (fake), FLIXY_KEY);

  for (guint number = 1; number <= 3; number++)
    {
      g_autoptr(HeraldReceivedPage) page = list_page (HERALD_INBOX_SOURCE (provider), NULL, number, 0, &error);
      g_autoptr(HeraldFlixysmsReceivedPage) raw = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      GListModel *items, *raw_items;

      g_assert_no_error (error);
      herald_flixysms_client_received_async (HERALD_FLIXYSMS_CLIENT (provider), NULL, number, 0, NULL,
                                             herald_test_async_done, &result);
      raw = herald_flixysms_client_received_finish (HERALD_FLIXYSMS_CLIENT (provider), herald_test_wait (&result),
                                                    &error);
      g_assert_no_error (error);

      /* 60 at 25 a page: 25, 25, 10 */
      g_assert_cmpuint (herald_received_page_get_page (page), ==, number);
      g_assert_cmpuint (herald_received_page_get_total (page), ==, HERALD_FAKE_FLIXYSMS_SEED_RECEIVED);
      g_assert_cmpuint (herald_received_page_get_total_pages (page), ==, 3);
      g_assert_cmpint (herald_received_page_get_has_more (page), ==, number < 3);

      items = herald_received_page_get_items (page);
      raw_items = herald_flixysms_received_page_get_items (raw);
      g_assert_cmpuint (g_list_model_get_n_items (items), ==, number < 3 ? 25 : 10);
      g_assert_cmpuint (g_list_model_get_n_items (items), ==, g_list_model_get_n_items (raw_items));
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(HeraldReceivedMessage) m = g_list_model_get_item (items, i);
          g_autoptr(HeraldFlixysmsReceivedMessage) r = g_list_model_get_item (raw_items, i);
          const char *raw_type = herald_flixysms_received_message_get_message_type (r);

          g_assert_cmpstr (herald_received_message_get_id (m), ==, herald_flixysms_received_message_get_id (r));
          g_assert_cmpstr (herald_received_message_get_from (m), ==, herald_flixysms_received_message_get_from (r));
          g_assert_cmpstr (herald_received_message_get_text (m), ==, herald_flixysms_received_message_get_message (r));
          g_assert_true (g_date_time_equal (herald_received_message_get_received_at (m),
                                            herald_flixysms_received_message_get_received_at (r)));
          g_assert_cmpstr (herald_received_message_get_device_id (m), ==,
                           herald_flixysms_received_message_get_device_id (r));
          g_assert_cmpstr (herald_received_message_get_device_name (m), ==,
                           herald_flixysms_received_message_get_device_name (r));
          g_assert_cmpstr (herald_received_message_get_device_phone (m), ==,
                           herald_flixysms_received_message_get_device_phone (r));
          g_assert_cmpint (herald_received_message_get_sim_slot (m), ==,
                           herald_flixysms_received_message_get_sim_slot (r));
          /* the seed has both kinds: every third is WhatsApp */
          g_assert_true (g_str_equal (raw_type, "sms") || g_str_equal (raw_type, "whatsapp"));
          g_assert_cmpint (herald_received_message_get_message_type (m), ==,
                           g_str_equal (raw_type, "sms") ? HERALD_MESSAGE_TYPE_SMS : HERALD_MESSAGE_TYPE_WHATSAPP);
        }
    }
}

static void
test_flixysms_filter_and_size (void)
{
  g_autoptr(HeraldFakeFlixysms) fake = new_flixysms_fake (FLIXY_KEY);
  g_autoptr(HeraldProvider) provider = NULL;
  g_autoptr(HeraldReceivedPage) page = NULL;
  g_autoptr(GDateTime) since = g_date_time_new_utc (2024, 1, 2, 0, 0, 0);
  g_autoptr(GDateTime) until = g_date_time_new_utc (2024, 1, 14, 23, 59, 59);
  HeraldReceivedFilter filter = { "024 123 4567", HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, since, until };
  HeraldReceivedFilter backwards = { NULL, NULL, until, since };
  g_autoptr(GError) error = NULL;
  const char *uri;

  herald_fake_flixysms_seed (fake);
  herald_fake_flixysms_set_honour_per_page (fake, TRUE);
  provider = new_provider (HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (fake), FLIXY_KEY);

  page = list_page (HERALD_INBOX_SOURCE (provider), &filter, 2, 5, &error);
  g_assert_no_error (error);
  uri = herald_fake_flixysms_get_request_uri (fake, 0);
  g_assert_nonnull (strstr (uri, "from=%2B233241234567"));
  g_assert_nonnull (strstr (uri, "device_id=" HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL));
  g_assert_nonnull (strstr (uri, "since=2024-01-02T00"));
  g_assert_nonnull (strstr (uri, "until=2024-01-14T23"));
  g_assert_nonnull (strstr (uri, "page=2"));
  g_assert_nonnull (strstr (uri, "per_page=5"));
  g_assert_cmpuint (herald_received_page_get_page (page), ==, 2);
  g_assert_cmpuint (herald_received_page_get_per_page (page), ==, 5);
  for (guint i = 0; i < g_list_model_get_n_items (herald_received_page_get_items (page)); i++)
    {
      g_autoptr(HeraldReceivedMessage) m = g_list_model_get_item (herald_received_page_get_items (page), i);

      g_assert_cmpstr (herald_received_message_get_from (m), ==, "+233241234567");
      g_assert_cmpstr (herald_received_message_get_device_id (m), ==, HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL);
    }

  /* A filter the source refuses fails before any request. */
  g_clear_pointer (&page, herald_received_page_unref);
  page = list_page (HERALD_INBOX_SOURCE (provider), &backwards, 1, 0, &error);
  g_assert_null (page);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_ANY), ==, 1);
}

static void
test_list_all (void)
{
  g_autoptr(HeraldFakeFlixysms) fake = new_flixysms_fake (FLIXY_KEY);
  g_autoptr(HeraldProvider) provider = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  HeraldReceivedFilter bad = { "not a number", NULL, NULL, NULL };

  herald_fake_flixysms_seed (fake);
  provider = new_provider (HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (fake), FLIXY_KEY);

  herald_inbox_source_list_all_received_async (HERALD_INBOX_SOURCE (provider), NULL, NULL, herald_test_async_done, &result);
  all = herald_inbox_source_list_all_received_finish (HERALD_INBOX_SOURCE (provider), herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (all) == HERALD_TYPE_RECEIVED_MESSAGE);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, HERALD_FAKE_FLIXYSMS_SEED_RECEIVED);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_RECEIVED), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(HeraldReceivedMessage) m = g_list_model_get_item (all, i);

      g_assert_true (g_hash_table_add (ids, (gpointer) herald_received_message_get_id (m)));
    }

  g_clear_object (&result);
  herald_inbox_source_list_all_received_async (HERALD_INBOX_SOURCE (provider), &bad, NULL, herald_test_async_done, &result);
  none = herald_inbox_source_list_all_received_finish (HERALD_INBOX_SOURCE (provider), herald_test_wait (&result), &error);
  g_assert_null (none);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_RECEIVED), ==, 3);
}

/* ---- the session's one watcher --------------------------------------------- */

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

typedef struct
{
  HeraldInboxWatcher *watcher;
  guint               n_checks;
} CheckWait;

static gboolean
has_checked (gpointer data)
{
  CheckWait *wait = data;

  return herald_inbox_watcher_get_n_checks (wait->watcher) >= wait->n_checks;
}

static void
wait_checks (HeraldInboxWatcher *watcher,
             guint               n_checks)
{
  CheckWait wait = { watcher, n_checks };

  g_assert_true (wait_until (has_checked, &wait));
}

/* A watcher's requests: the received pages asked for without a page size. */
static guint
count_watcher_requests (HeraldFakeFlixysms *fake)
{
  guint n = herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_ANY);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *uri = herald_fake_flixysms_get_request_uri (fake, i);

      if (strstr (uri, "/messages/received") != NULL && strstr (uri, "per_page=") == NULL)
        count++;
    }
  return count;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_session_owns_one_watcher (void)
{
  g_autoptr(HeraldFakeFlixysms) fake = new_flixysms_fake (FLIXY_KEY);
  g_autoptr(HeraldFakeFlixysms) fake_2 = new_flixysms_fake (FLIXY_KEY_2);
  g_autoptr(HeraldFakeFlashsms) flash_fake = herald_fake_flashsms_new ();
  g_autofree char *dir = g_dir_make_tmp ("herald-inbox-source-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "herald.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(HeraldDatabase) database = NULL;
  g_autoptr(HeraldSession) session = NULL;
  g_autoptr(HeraldAccount) flixy_draft = account_for (HERALD_DIALECT_FLIXYSMS, "Workshop",
                                                      herald_fake_flixysms_get_base_url (fake));
  g_autoptr(HeraldAccount) flixy_2_draft = account_for (HERALD_DIALECT_FLIXYSMS, "Shop",
                                                        herald_fake_flixysms_get_base_url (fake_2));
  g_autoptr(HeraldAccount) flash_draft = account_for (HERALD_DIALECT_FLASHSMS, "Bakery",
                                                      herald_fake_flashsms_get_base_url (flash_fake));
  g_autoptr(HeraldAccount) flixy = NULL;
  g_autoptr(HeraldAccount) flixy_2 = NULL;
  g_autoptr(HeraldAccount) flash = NULL;
  g_autoptr(HeraldInboxWatcher) first = NULL;
  g_autoptr(HeraldInboxWatcher) second = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ProviderWait wait = { 0 };
  guint watcher_notifies = 0;
  guint requests;

  herald_fake_flixysms_seed (fake);
  herald_fake_flixysms_seed (fake_2);
  herald_fake_flashsms_add_key (flash_fake, FLASH_KEY, NULL);

  database = herald_database_open (path, &error);
  g_assert_no_error (error);
  session = herald_session_new (database);
  g_signal_connect (session, "notify::inbox-watcher", G_CALLBACK (count_notify), &watcher_notifies);
  herald_session_load_async (session, NULL, herald_test_async_done, &result);
  g_assert_true (herald_session_load_finish (session, herald_test_wait (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);   /* the task holds the session */
  g_assert_null (herald_session_get_inbox_watcher (session));
  g_assert_false (herald_session_get_watch_inbox (session));

  /* The FlixySMS account becomes active: one watcher, over its provider,
   * off until asked for. */
  flixy = add_account (herald_session_get_account_store (session), flixy_draft, FLIXY_KEY);
  wait.session = session;
  g_assert_true (wait_until (has_new_provider, &wait));
  first = g_object_ref (herald_session_get_inbox_watcher (session));
  g_assert_nonnull (first);
  g_assert_true ((gpointer) herald_inbox_watcher_get_source (first) == (gpointer) herald_session_get_provider (session));
  g_assert_false (herald_inbox_watcher_get_enabled (first));
  g_assert_cmpuint (watcher_notifies, ==, 1);

  herald_inbox_watcher_set_interval (first, 50);
  herald_session_set_watch_inbox (session, TRUE);
  g_assert_true (herald_inbox_watcher_get_enabled (first));
  wait_checks (first, 3);
  /* one watcher: one request per check (the one in flight at most ahead) */
  requests = count_watcher_requests (fake);
  g_assert_cmpuint (requests, >=, herald_inbox_watcher_get_n_checks (first));
  g_assert_cmpuint (requests, <=, herald_inbox_watcher_get_n_checks (first) + 1);
  g_assert_true (herald_session_get_inbox_watcher (session) == first);

  /* Another account: a new watcher for it, still on; the old one is
   * stopped and asks nothing any more. */
  flixy_2 = add_account (herald_session_get_account_store (session), flixy_2_draft, FLIXY_KEY_2);
  g_set_object (&wait.not_this, herald_session_get_provider (session));
  herald_session_set_active_account_id (session, herald_account_get_id (flixy_2));
  g_assert_true (wait_until (has_new_provider, &wait));
  second = g_object_ref (herald_session_get_inbox_watcher (session));
  g_assert_nonnull (second);
  g_assert_true (second != first);
  g_assert_true ((gpointer) herald_inbox_watcher_get_source (second) == (gpointer) herald_session_get_provider (session));
  g_assert_false (herald_inbox_watcher_get_enabled (first));
  g_assert_false (herald_inbox_watcher_is_scheduled (first));
  g_assert_true (herald_inbox_watcher_get_enabled (second));
  herald_inbox_watcher_set_interval (second, 50);
  requests = count_watcher_requests (fake);
  wait_checks (second, 3);
  spin (200);
  g_assert_cmpuint (count_watcher_requests (fake), ==, requests);
  g_assert_cmpuint (count_watcher_requests (fake_2), >=, herald_inbox_watcher_get_n_checks (second));
  g_assert_cmpuint (count_watcher_requests (fake_2), <=, herald_inbox_watcher_get_n_checks (second) + 1);

  /* FlashSMS receives nothing: no watcher at all. */
  flash = add_account (herald_session_get_account_store (session), flash_draft, FLASH_KEY);
  g_set_object (&wait.not_this, herald_session_get_provider (session));
  herald_session_set_active_account_id (session, herald_account_get_id (flash));
  g_assert_true (wait_until (has_new_provider, &wait));
  g_assert_false (HERALD_IS_INBOX_SOURCE (herald_session_get_provider (session)));
  g_assert_null (herald_session_get_inbox_watcher (session));
  g_assert_false (herald_inbox_watcher_get_enabled (second));
  g_assert_false (herald_inbox_watcher_is_scheduled (second));
  requests = count_watcher_requests (fake_2);
  spin (200);
  g_assert_cmpuint (count_watcher_requests (fake_2), ==, requests);
  g_assert_cmpuint (herald_fake_flashsms_count_requests (flash_fake, "GET", "/messages/received"), ==, 0);

  /* Turned off, a watcher made later starts off too. */
  herald_session_set_watch_inbox (session, FALSE);
  g_set_object (&wait.not_this, herald_session_get_provider (session));
  herald_session_set_active_account_id (session, herald_account_get_id (flixy));
  g_assert_true (wait_until (has_new_provider, &wait));
  g_assert_nonnull (herald_session_get_inbox_watcher (session));
  g_assert_true (herald_session_get_inbox_watcher (session) != first);
  g_assert_false (herald_inbox_watcher_get_enabled (herald_session_get_inbox_watcher (session)));
  g_assert_false (herald_inbox_watcher_is_scheduled (herald_session_get_inbox_watcher (session)));

  g_clear_object (&wait.not_this);

  /* The session goes: so does its watcher's timer. */
  g_clear_object (&second);
  second = g_object_ref (herald_session_get_inbox_watcher (session));
  herald_session_set_watch_inbox (session, TRUE);
  g_assert_true (herald_inbox_watcher_get_enabled (second));
  {
    HeraldSession *gone = session;

    g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
    g_clear_object (&session);
    g_assert_true (wait_until (is_null, &gone));
  }
  g_assert_false (herald_inbox_watcher_get_enabled (second));
  g_assert_false (herald_inbox_watcher_is_scheduled (second));

  g_clear_object (&database);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/inbox-source/who-receives", test_who_receives);
  g_test_add_func ("/inbox-source/flixysms/every-field", test_flixysms_converts_every_field);
  g_test_add_func ("/inbox-source/flixysms/matches-client", test_flixysms_matches_client);
  g_test_add_func ("/inbox-source/flixysms/filter-and-size", test_flixysms_filter_and_size);
  g_test_add_func ("/inbox-source/list-all", test_list_all);
  g_test_add_func ("/inbox-source/session/one-watcher", test_session_owns_one_watcher);

  return g_test_run ();
}
