/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The account dialog and Preferences → Accounts under Xvfb, against the
 * in-process FlashSMS fake and gnome-keyring (harness --display --keyring):
 * adding, validation, the Test connection verdicts, editing and removing. */
#include "config.h"

#include <adwaita.h>

#include "herald-core.h"
#include "herald-account-dialog.h"
#include "herald-accounts-page.h"
#include "herald-fake-flashsms.h"
#include "herald-preferences-window.h"
#include "herald-test-tree.h"
#include "herald-test-util.h"
#include "herald-ui-test-util.h"

#define GOOD_KEY    "fk_live_dialog_7f3a9c2e51"
#define NARROW_KEY  "fk_live_narrow_0b6d4e8a13"
#define NEW_KEY     "fk_live_rotated_c4e2a90f77"

typedef struct
{
  HeraldFakeFlashsms *fake;
  HeraldDatabase     *database;
  HeraldSession      *session;
  HeraldAccountStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  static guint counter;

  fixture->fake = herald_fake_flashsms_new ();
  herald_fake_flashsms_add_key (fixture->fake, GOOD_KEY, NULL);
  /* Everything except sending. */
  herald_fake_flashsms_add_key (fixture->fake, NARROW_KEY,
                                "balance:read sms:read contacts:read contacts:write senders:read "
                                "templates:read templates:write transactions:read");
  herald_fake_flashsms_add_key (fixture->fake, NEW_KEY, NULL);
  herald_fake_flashsms_set_balance (fixture->fake, 1250);

  /* A database of its own for each test. */
  name = g_strdup_printf ("accounts-%u.db", counter++);
  path = g_build_filename (g_get_user_data_dir (), "herald", name, NULL);
  fixture->database = herald_database_open (path, &error);
  g_assert_no_error (error);

  fixture->session = herald_session_new (fixture->database);
  herald_session_load_async (fixture->session, NULL, herald_test_async_done, &result);
  g_assert_true (herald_session_load_finish (fixture->session, herald_test_wait (&result),
                                             &error));
  g_assert_no_error (error);
  g_object_unref (result);
  fixture->store = herald_session_get_account_store (fixture->session);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gpointer slot;

  herald_ui_close_all_windows ();

  fixture->store = NULL;
  herald_ui_watch (fixture->session, &slot);
  g_object_unref (fixture->session);
  g_assert_true (herald_ui_wait_finalized (&slot));
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->fake);
}

/* ---- driving the dialog --------------------------------------------------- */

static void
set_text (GtkWidget  *dialog,
          const char *row_name,
          const char *text)
{
  GtkWidget *row = herald_ui_find_by_name (dialog, row_name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
get_text (GtkWidget  *dialog,
          const char *row_name)
{
  return gtk_editable_get_text (GTK_EDITABLE (herald_ui_find_by_name (dialog, row_name)));
}

static void
click (GtkWidget  *dialog,
       const char *button_name)
{
  GtkWidget *button = herald_ui_find_by_name (dialog, button_name);

  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
has_error (GtkWidget  *dialog,
           const char *row_name)
{
  return gtk_widget_has_css_class (herald_ui_find_by_name (dialog, row_name), "error");
}

static const char *
form_error (GtkWidget *dialog)
{
  GtkWidget *label = herald_ui_find_by_name (dialog, "form-error");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static const char *
verdict (GtkWidget *dialog)
{
  return gtk_label_get_text (GTK_LABEL (herald_ui_find_by_name (dialog, "verdict")));
}

static gboolean
test_finished (gpointer data)
{
  return !gtk_widget_get_visible (herald_ui_find_by_name (data, "test-spinner"));
}

/* Clicks Test connection and waits for the verdict. */
static const char *
run_test (GtkWidget *dialog)
{
  click (dialog, "test");
  g_assert_true (gtk_widget_get_visible (herald_ui_find_by_name (dialog, "test-spinner")));
  g_assert_true (herald_ui_wait_until (test_finished, dialog));

  return verdict (dialog);
}

static GtkWidget *
open_add_dialog (Fixture *fixture)
{
  GtkWidget *dialog = GTK_WIDGET (herald_account_dialog_new (fixture->store, NULL, NULL));

  gtk_window_present (GTK_WINDOW (dialog));
  herald_ui_drain ();

  return dialog;
}

static void
choose_flashsms (GtkWidget *dialog)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (herald_ui_find_by_name (dialog, "dialect")), 1);
}

static char *
lookup_key (const char *account_id)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  char *key;

  herald_secrets_lookup_async (account_id, NULL, herald_test_async_done, &result);
  key = herald_secrets_lookup_finish (herald_test_wait (&result), &error);
  g_object_unref (result);
  if (key == NULL)
    g_assert_error (error, HERALD_SECRETS_ERROR, HERALD_SECRETS_ERROR_NOT_FOUND);

  return key;
}

static gboolean
store_has_items (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (G_LIST_MODEL (fixture->store)) > 0;
}

static gboolean
store_is_empty (gpointer data)
{
  return !store_has_items (data);
}

static HeraldAccount *
add_account (Fixture    *fixture,
             const char *name,
             const char *key)
{
  g_autoptr(HeraldAccount) draft = herald_account_new (HERALD_DIALECT_FLASHSMS, name);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  HeraldAccount *account;

  herald_account_set_base_url (draft, herald_fake_flashsms_get_base_url (fixture->fake));
  herald_account_store_add_async (fixture->store, draft, key, NULL, herald_test_async_done, &result);
  account = herald_account_store_add_finish (fixture->store, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_object_unref (result);
  g_object_unref (account);   /* the store keeps it */

  return account;
}

/* ---- tests ---------------------------------------------------------------- */

static void
test_add_flashsms (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *stored_key = NULL;
  GtkWidget *dialog = open_add_dialog (fixture);
  HeraldAccount *account;
  gpointer slot;

  /* FlixySMS comes with its URL; FlashSMS is self-hosted and defaults to GH. */
  g_assert_cmpstr (get_text (dialog, "url"), ==, HERALD_FLIXYSMS_DEFAULT_BASE_URL);
  g_assert_cmpstr (get_text (dialog, "region"), ==, "");
  g_assert_false (gtk_widget_get_visible (herald_ui_find_by_name (dialog, "auth")));
  choose_flashsms (dialog);
  g_assert_cmpstr (get_text (dialog, "url"), ==, "");
  g_assert_cmpstr (get_text (dialog, "region"), ==, "GH");
  g_assert_true (gtk_widget_get_visible (herald_ui_find_by_name (dialog, "auth")));

  set_text (dialog, "name", "Shop");
  set_text (dialog, "url", herald_fake_flashsms_get_base_url (fixture->fake));
  set_text (dialog, "key", GOOD_KEY);

  herald_ui_watch (dialog, &slot);
  click (dialog, "save");
  g_assert_true (herald_ui_wait_until (store_has_items, fixture));
  /* The dialog closes itself and is gone. */
  g_assert_true (herald_ui_wait_finalized (&slot));

  account = g_list_model_get_item (G_LIST_MODEL (fixture->store), 0);
  g_object_unref (account);
  g_assert_cmpstr (herald_account_get_name (account), ==, "Shop");
  g_assert_cmpint (herald_account_get_dialect (account), ==, HERALD_DIALECT_FLASHSMS);
  g_assert_cmpstr (herald_account_get_base_url (account), ==,
                   herald_fake_flashsms_get_base_url (fixture->fake));
  g_assert_cmpstr (herald_account_get_region (account), ==, "GH");
  g_assert_cmpint (herald_account_get_auth_style (account), ==, HERALD_ACCOUNT_AUTH_BEARER);

  /* The key is in the keyring, and in no file of the test's tree: not the
   * database, not the GSettings key file. */
  stored_key = lookup_key (herald_account_get_id (account));
  g_assert_cmpstr (stored_key, ==, GOOD_KEY);
  herald_test_tree_assert_lacks (g_getenv ("HERALD_TEST_ROOT"), GOOD_KEY);
  herald_secrets_free (g_steal_pointer (&stored_key));
}

/* A modem account: no URL, no key, no auth style; the region stays (it
 * reads the numbers). Nothing reaches the keyring. */
static void
test_add_modem (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *stored_key = NULL;
  GtkWidget *dialog = open_add_dialog (fixture);
  HeraldAccount *account;
  gpointer slot;

  adw_combo_row_set_selected (ADW_COMBO_ROW (herald_ui_find_by_name (dialog, "dialect")), 2);
  g_assert_false (gtk_widget_get_visible (herald_ui_find_by_name (dialog, "url")));
  g_assert_false (gtk_widget_get_visible (herald_ui_find_by_name (dialog, "key")));
  g_assert_false (gtk_widget_get_visible (herald_ui_find_by_name (dialog, "auth")));
  g_assert_true (gtk_widget_get_visible (herald_ui_find_by_name (dialog, "region")));
  /* FlixySMS's URL, filled in at first, is gone with the dialect. */
  g_assert_cmpstr (get_text (dialog, "url"), ==, "");

  set_text (dialog, "name", "Laptop modems");
  set_text (dialog, "region", "GH");
  herald_ui_watch (dialog, &slot);
  click (dialog, "save");
  g_assert_true (herald_ui_wait_until (store_has_items, fixture));
  g_assert_true (herald_ui_wait_finalized (&slot));

  account = g_list_model_get_item (G_LIST_MODEL (fixture->store), 0);
  g_object_unref (account);
  g_assert_cmpstr (herald_account_get_name (account), ==, "Laptop modems");
  g_assert_cmpint (herald_account_get_dialect (account), ==, HERALD_DIALECT_MODEM);
  g_assert_null (herald_account_get_base_url (account));
  g_assert_cmpstr (herald_account_get_region (account), ==, "GH");
  stored_key = lookup_key (herald_account_get_id (account));
  g_assert_null (stored_key);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *dialog = open_add_dialog (fixture);

  add_account (fixture, "Shop", GOOD_KEY);

  /* FlashSMS without a URL: the URL row says so, nothing is saved. */
  choose_flashsms (dialog);
  set_text (dialog, "name", "Second");
  set_text (dialog, "key", GOOD_KEY);
  click (dialog, "save");
  herald_ui_drain ();
  g_assert_true (has_error (dialog, "url"));
  g_assert_false (has_error (dialog, "name"));
  g_assert_nonnull (form_error (dialog));
  g_assert_true (strstr (form_error (dialog), "URL") != NULL);
  herald_ui_screenshot (dialog, "account-dialog-invalid");

  /* Typing clears the mark. */
  set_text (dialog, "url", "ftp://sms.example.com/api/v1");
  g_assert_false (has_error (dialog, "url"));
  g_assert_null (form_error (dialog));
  click (dialog, "save");
  herald_ui_drain ();
  g_assert_true (has_error (dialog, "url"));
  g_assert_true (strstr (form_error (dialog), "https://") != NULL);

  /* A taken name, in another case. */
  set_text (dialog, "url", herald_fake_flashsms_get_base_url (fixture->fake));
  set_text (dialog, "name", "SHOP");
  click (dialog, "save");
  herald_ui_drain ();
  g_assert_true (has_error (dialog, "name"));
  g_assert_true (strstr (form_error (dialog), "exists") != NULL);

  /* A bad region. */
  set_text (dialog, "name", "Second");
  set_text (dialog, "region", "Ghana");
  click (dialog, "save");
  herald_ui_drain ();
  g_assert_true (has_error (dialog, "region"));
  g_assert_true (strstr (form_error (dialog), "Ghana") != NULL);

  /* No key. */
  set_text (dialog, "region", "gh");
  set_text (dialog, "key", "");
  click (dialog, "save");
  herald_ui_drain ();
  g_assert_true (has_error (dialog, "key"));
  g_assert_true (strstr (form_error (dialog), "API key") != NULL);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 1);
}

static gboolean
answer_not_tls (GSocketService    *service,
                GSocketConnection *connection,
                GObject           *source,
                gpointer           user_data)
{
  static const char reply[] = "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n";
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  g_output_stream_write_all (out, reply, sizeof reply - 1, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);

  return TRUE;
}

static void
test_connection_verdicts (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) any = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GError) error = NULL;
  g_autofree char *closed_url = NULL;
  g_autofree char *tls_url = NULL;
  g_autoptr(GSocketService) not_tls = NULL;
  g_autoptr(GSocketAddress) listening = NULL;
  GtkWidget *dialog = open_add_dialog (fixture);
  const char *text;

  choose_flashsms (dialog);
  set_text (dialog, "name", "Shop");
  set_text (dialog, "url", herald_fake_flashsms_get_base_url (fixture->fake));

  /* Works, with the balance. */
  set_text (dialog, "key", GOOD_KEY);
  text = run_test (dialog);
  g_assert_true (g_str_has_prefix (text, "Works."));
  g_assert_nonnull (strstr (text, "1250 credits"));
  g_assert_null (strstr (text, "lacks"));
  g_assert_true (gtk_widget_has_css_class (herald_ui_find_by_name (dialog, "verdict"), "success"));
  g_assert_cmpuint (herald_fake_flashsms_count_requests (fixture->fake, "GET", "/balance"), >=, 1);

  /* The same key sent as X-API-Key. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (herald_ui_find_by_name (dialog, "auth")), 1);
  text = run_test (dialog);
  g_assert_true (g_str_has_prefix (text, "Works."));
  {
    GPtrArray *requests = herald_fake_flashsms_get_requests (fixture->fake);
    HeraldFakeFlashsmsRequest *last = g_ptr_array_index (requests, requests->len - 1);

    g_assert_cmpstr (last->auth_header, ==, "X-API-Key");
  }
  adw_combo_row_set_selected (ADW_COMBO_ROW (herald_ui_find_by_name (dialog, "auth")), 0);

  /* A key the server does not know. */
  set_text (dialog, "key", "fk_live_nobody_knows_this");
  text = run_test (dialog);
  g_assert_true (g_str_has_prefix (text, "Key rejected"));
  g_assert_true (gtk_widget_has_css_class (herald_ui_find_by_name (dialog, "verdict"), "error"));

  /* A key without sms:send works, and the verdict names what it lacks. */
  set_text (dialog, "key", NARROW_KEY);
  text = run_test (dialog);
  g_assert_true (g_str_has_prefix (text, "Works."));
  g_assert_nonnull (strstr (text, "lacks: sms:send."));
  g_assert_true (gtk_widget_has_css_class (herald_ui_find_by_name (dialog, "verdict"), "warning"));
  herald_ui_screenshot (dialog, "account-dialog-scopes");

  /* Nobody listens on a port that was just closed. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  any = g_inet_socket_address_new (loopback, 0);
  g_assert_true (g_socket_bind (socket, any, TRUE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  closed_url = g_strdup_printf ("http://127.0.0.1:%u/api/v1",
                                g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);
  set_text (dialog, "url", closed_url);
  set_text (dialog, "key", GOOD_KEY);
  text = run_test (dialog);
  g_assert_true (g_str_has_prefix (text, "Server unreachable"));

  /* https:// to a server that answers the handshake with plain text. */
  not_tls = g_socket_service_new ();
  g_signal_connect (not_tls, "incoming", G_CALLBACK (answer_not_tls), NULL);
  g_socket_listener_add_address (G_SOCKET_LISTENER (not_tls), any, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &listening, &error);
  g_assert_no_error (error);
  tls_url = g_strdup_printf ("https://127.0.0.1:%u/api/v1",
                             g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (listening)));
  set_text (dialog, "url", tls_url);
  text = run_test (dialog);
  g_assert_true (g_str_has_prefix (text, "TLS problem"));
  g_socket_service_stop (not_tls);

  /* A slow server: the test can be stopped. */
  set_text (dialog, "url", herald_fake_flashsms_get_base_url (fixture->fake));
  herald_fake_flashsms_inject_fault (fixture->fake, HERALD_FAKE_FLASHSMS_FAULT_DELAY, 1, 3000);
  click (dialog, "test");
  g_assert_true (gtk_widget_get_visible (herald_ui_find_by_name (dialog, "test-spinner")));
  click (dialog, "test");
  g_assert_false (gtk_widget_get_visible (herald_ui_find_by_name (dialog, "test-spinner")));
  g_assert_cmpstr (verdict (dialog), ==, "Test stopped.");

  /* Testing saves nothing. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 0);
  herald_test_tree_assert_lacks (g_getenv ("HERALD_TEST_ROOT"), GOOD_KEY);
}

static HeraldAccountsPage *
open_preferences (Fixture *fixture)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HeraldPreferencesWindow *preferences = herald_preferences_window_new (settings, NULL);
  GtkWidget *page;

  herald_preferences_window_set_session (preferences, fixture->session);
  herald_preferences_window_show_page (preferences, "accounts");
  gtk_window_present (GTK_WINDOW (preferences));
  herald_ui_drain ();

  page = herald_ui_find_by_type (GTK_WIDGET (preferences), HERALD_TYPE_ACCOUNTS_PAGE);
  g_assert_nonnull (page);
  g_assert_true (herald_accounts_page_get_session (HERALD_ACCOUNTS_PAGE (page)) == fixture->session);

  return HERALD_ACCOUNTS_PAGE (page);
}

/* Clicks a response of an AdwMessageDialog as a person does, which also
 * closes it. */
static void
click_response (GtkWidget  *dialog,
                const char *label)
{
  GtkWidget *button = herald_ui_find_button (dialog, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
account_renamed (gpointer data)
{
  return g_strcmp0 (herald_account_get_name (data), "Shop Renamed") == 0;
}

static void
test_page_edit_remove (Fixture       *fixture,
                       gconstpointer  data)
{
  HeraldAccountsPage *page = open_preferences (fixture);
  HeraldAccount *account = add_account (fixture, "Shop", GOOD_KEY);
  g_autofree char *account_id = g_strdup (herald_account_get_id (account));
  g_autofree char *stored_key = NULL;
  AdwActionRow *row;
  GtkWidget *dialog, *confirm;
  gpointer slot;

  /* The row shows the account, its service and URL. */
  herald_ui_drain ();
  row = ADW_ACTION_ROW (herald_ui_find_by_name (GTK_WIDGET (page), account_id));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Shop");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "FlashSMS · http://127.0.0.1:"));
  herald_ui_screenshot (gtk_widget_get_ancestor (GTK_WIDGET (page), GTK_TYPE_WINDOW), "preferences-accounts");

  /* Edit: the stored key is tested when the key row is left empty. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "accounts.edit", "s", account_id));
  dialog = herald_ui_find_toplevel (HERALD_TYPE_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);
  herald_ui_drain ();
  g_assert_cmpstr (get_text (dialog, "name"), ==, "Shop");
  g_assert_cmpstr (get_text (dialog, "key"), ==, "");
  g_assert_false (gtk_widget_get_visible (herald_ui_find_by_name (dialog, "dialect")));
  g_assert_true (g_str_has_prefix (run_test (dialog), "Works."));

  /* Rename and a new key. */
  set_text (dialog, "name", "Shop Renamed");
  set_text (dialog, "key", NEW_KEY);
  herald_ui_watch (dialog, &slot);
  click (dialog, "save");
  g_assert_true (herald_ui_wait_until (account_renamed, account));
  g_assert_true (herald_ui_wait_finalized (&slot));
  herald_ui_drain ();
  row = ADW_ACTION_ROW (herald_ui_find_by_name (GTK_WIDGET (page), account_id));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Shop Renamed");
  stored_key = lookup_key (account_id);
  g_assert_cmpstr (stored_key, ==, NEW_KEY);
  herald_secrets_free (g_steal_pointer (&stored_key));
  herald_test_tree_assert_lacks (g_getenv ("HERALD_TEST_ROOT"), NEW_KEY);

  /* Remove asks first; Cancel keeps the account. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "accounts.remove", "s", account_id));
  confirm = herald_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  click_response (confirm, "_Cancel");
  herald_ui_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 1);
  g_assert_null (herald_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "accounts.remove", "s", account_id));
  confirm = herald_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  click_response (confirm, "_Remove");
  g_assert_true (herald_ui_wait_until (store_is_empty, fixture));
  herald_ui_drain ();
  g_assert_null (herald_ui_find_by_name (GTK_WIDGET (page), account_id));

  /* The key went with it. */
  stored_key = lookup_key (account_id);
  g_assert_null (stored_key);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/account-dialog/add-flashsms", Fixture, NULL,
              fixture_set_up, test_add_flashsms, fixture_tear_down);
  g_test_add ("/account-dialog/add-modem", Fixture, NULL,
              fixture_set_up, test_add_modem, fixture_tear_down);
  g_test_add ("/account-dialog/validation", Fixture, NULL,
              fixture_set_up, test_validation, fixture_tear_down);
  g_test_add ("/account-dialog/test-connection", Fixture, NULL,
              fixture_set_up, test_connection_verdicts, fixture_tear_down);
  g_test_add ("/accounts-page/edit-remove", Fixture, NULL,
              fixture_set_up, test_page_edit_remove, fixture_tear_down);

  return g_test_run ();
}
