/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The main window's account parts under Xvfb with the real application
 * (harness --display --keyring): the first-run welcome, adding the first
 * account from it, the header switcher with its balance, and the active
 * account surviving a restart through GSettings. */
#include "config.h"

#include <adwaita.h>

#include "herald-core.h"
#include "herald-account-dialog.h"
#include "herald-application.h"
#include "herald-fake-flashsms.h"
#include "herald-test-tree.h"
#include "herald-test-util.h"
#include "herald-ui-test-util.h"
#include "herald-window.h"

#define SHOP_KEY    "fk_live_switcher_5d1c9e7b20"
#define BACKUP_KEY  "fk_live_backup_a83f0c6d94"

static HeraldApplication *app;
static HeraldFakeFlashsms *fake;

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
window_has_session (gpointer data)
{
  return herald_window_get_session (data) != NULL;
}

/* The application loads the accounts when its database is open; loading
 * them again and waiting for that is how the test knows the store holds
 * what the database holds. */
static void
reload_accounts (HeraldSession *session)
{
  HeraldAccountStore *store = herald_session_get_account_store (session);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  herald_account_store_load_async (store, NULL, herald_test_async_done, &result);
  g_assert_true (herald_account_store_load_finish (store, herald_test_wait (&result), &error));
  g_assert_no_error (error);
  g_object_unref (result);
}

static HeraldWindow *
open_window (void)
{
  GtkWindow *window;

  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (HERALD_IS_WINDOW (window));
  g_assert_true (herald_ui_wait_until (window_is_mapped, window));
  g_assert_true (herald_ui_wait_until (window_has_session, window));
  reload_accounts (herald_window_get_session (HERALD_WINDOW (window)));
  herald_ui_drain ();

  return HERALD_WINDOW (window);
}

static const char *
header_subtitle (HeraldWindow *window)
{
  GtkWidget *title = herald_ui_find_by_name (GTK_WIDGET (window), "account-title");

  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title));
}

typedef struct
{
  HeraldWindow *window;
  const char   *expected;
} SubtitleWait;

static gboolean
subtitle_is (gpointer data)
{
  SubtitleWait *wait = data;

  return g_strcmp0 (header_subtitle (wait->window), wait->expected) == 0;
}

static void
assert_subtitle (HeraldWindow *window,
                 const char   *expected)
{
  SubtitleWait wait = { window, expected };

  if (!herald_ui_wait_until (subtitle_is, &wait))
    g_error ("The header says “%s”, not “%s”", header_subtitle (window), expected);
}

static GMenuModel *
account_section (HeraldWindow *window)
{
  GtkWidget *button = herald_ui_find_by_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu;

  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Switch Account");
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));

  return g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
}

static char *
menu_label (GMenuModel *section,
            int         index)
{
  char *label = NULL;

  g_menu_model_get_item_attribute (section, index, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  return label;
}

static GtkWidget *
find_welcome (HeraldWindow *window)
{
  GtkWidget *page = NULL;

  /* The status page whose title is the welcome. */
  for (GtkWidget *w = herald_ui_find_by_type (GTK_WIDGET (window), GTK_TYPE_STACK);
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (ADW_IS_STATUS_PAGE (w) &&
        g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (w)), "Welcome to Herald") == 0)
      page = w;

  g_assert_nonnull (page);
  return page;
}

static gboolean
store_has_items (gpointer data)
{
  return g_list_model_get_n_items (data) > 0;
}

static void
test_first_run (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *label = NULL;
  g_autofree char *stored = NULL;
  HeraldWindow *window;
  HeraldSession *session;
  HeraldAccountStore *store;
  GtkWidget *welcome, *stack, *dialog;
  gpointer slot;

  g_settings_set_string (settings, "last-section", "compose");
  window = open_window ();
  session = herald_window_get_session (window);
  store = herald_session_get_account_store (session);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  /* No account: Compose welcomes, the other sections work as usual. */
  welcome = find_welcome (window);
  stack = herald_ui_find_by_type (GTK_WIDGET (window), GTK_TYPE_STACK);
  g_assert_true (gtk_widget_get_visible (welcome));
  g_assert_false (gtk_widget_get_visible (stack));
  herald_window_set_section (window, "contacts");
  g_assert_false (gtk_widget_get_visible (welcome));
  g_assert_true (gtk_widget_get_visible (stack));
  herald_window_set_section (window, "compose");
  g_assert_true (gtk_widget_get_visible (welcome));
  label = menu_label (account_section (window), 0);
  g_assert_cmpstr (label, ==, "No accounts yet");
  g_assert_cmpstr (header_subtitle (window), ==, "");
  herald_ui_screenshot (GTK_WIDGET (window), "first-run");

  /* The welcome's button opens the dialog; the new account becomes active. */
  g_signal_emit_by_name (herald_ui_find_button (welcome, "_Add Account"), "clicked");
  herald_ui_drain ();
  dialog = herald_ui_find_toplevel (HERALD_TYPE_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  adw_combo_row_set_selected (ADW_COMBO_ROW (herald_ui_find_by_name (dialog, "dialect")), 1);
  gtk_editable_set_text (GTK_EDITABLE (herald_ui_find_by_name (dialog, "name")), "Shop");
  gtk_editable_set_text (GTK_EDITABLE (herald_ui_find_by_name (dialog, "url")),
                         herald_fake_flashsms_get_base_url (fake));
  gtk_editable_set_text (GTK_EDITABLE (herald_ui_find_by_name (dialog, "key")), SHOP_KEY);
  herald_ui_watch (dialog, &slot);
  g_signal_emit_by_name (herald_ui_find_by_name (dialog, "save"), "clicked");
  g_assert_true (herald_ui_wait_until (store_has_items, store));
  g_assert_true (herald_ui_wait_finalized (&slot));

  herald_ui_drain ();
  g_assert_false (gtk_widget_get_visible (welcome));
  g_assert_true (gtk_widget_get_visible (stack));
  assert_subtitle (window, "Shop · 1250 credits");
  stored = g_settings_get_string (settings, "active-account");
  g_assert_cmpstr (stored, ==, herald_session_get_active_account_id (session));
  g_assert_cmpstr (herald_account_get_name (herald_session_get_active_account (session)), ==, "Shop");
  herald_test_tree_assert_lacks (g_getenv ("HERALD_TEST_ROOT"), SHOP_KEY);

  herald_ui_close_all_windows ();
}

static void
add_backup_account (HeraldAccountStore *store)
{
  g_autoptr(HeraldAccount) draft = herald_account_new (HERALD_DIALECT_FLASHSMS, "Backup");
  g_autoptr(HeraldAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  herald_account_set_base_url (draft, herald_fake_flashsms_get_base_url (fake));
  herald_account_store_add_async (store, draft, BACKUP_KEY, NULL, herald_test_async_done, &result);
  account = herald_account_store_add_finish (store, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_object_unref (result);
}

static gboolean
shortcut_listed (GtkWidget  *root,
                 const char *title)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (root))
    {
      g_autofree char *shortcut_title = NULL;
      g_autofree char *action = NULL;

      g_object_get (root, "title", &shortcut_title, "action-name", &action, NULL);
      if (g_strcmp0 (shortcut_title, title) == 0 && g_strcmp0 (action, "win.show-accounts") == 0)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shortcut_listed (child, title))
      return TRUE;

  return FALSE;
}

static gboolean
popover_visible (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

static void
test_switcher (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(HeraldSession) restarted = NULL;
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *target = NULL;
  g_autofree char *stored = NULL;
  g_auto(GStrv) accels = NULL;
  HeraldWindow *window = open_window ();
  HeraldSession *session = herald_window_get_session (window);
  HeraldAccountStore *store = herald_session_get_account_store (session);
  HeraldAccount *backup;
  GMenuModel *section;
  GtkWidget *button, *shortcuts;
  GAsyncResult *result = NULL;

  add_backup_account (store);
  herald_ui_drain ();
  backup = herald_account_store_lookup_by_name (store, "Backup");
  g_assert_nonnull (backup);

  /* Two accounts, by name; the active one is still Shop. */
  section = account_section (window);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 2);
  first = menu_label (section, 0);
  second = menu_label (section, 1);
  g_assert_cmpstr (first, ==, "Backup");
  g_assert_cmpstr (second, ==, "Shop");
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_TARGET, "s", &target));
  g_assert_cmpstr (target, ==, herald_account_get_id (backup));
  assert_subtitle (window, "Shop · 1250 credits");

  /* Picking Backup in the menu: the session, the settings and the header follow. */
  herald_fake_flashsms_set_balance (fake, 900);
  g_action_group_activate_action (G_ACTION_GROUP (window), "active-account",
                                  g_variant_new_string (herald_account_get_id (backup)));
  g_assert_cmpstr (herald_session_get_active_account_id (session), ==, herald_account_get_id (backup));
  stored = g_settings_get_string (settings, "active-account");
  g_assert_cmpstr (stored, ==, herald_account_get_id (backup));
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "active-account");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, herald_account_get_id (backup));
  assert_subtitle (window, "Backup · 900 credits");

  /* Refresh balance asks the server again. */
  herald_fake_flashsms_set_balance (fake, 875);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "refresh-balance"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "refresh-balance", NULL);
  assert_subtitle (window, "Backup · 875 credits");
  herald_ui_screenshot (GTK_WIDGET (window), "switcher-header");

  /* A new session reading the same settings starts on Backup. */
  restarted = herald_session_new (herald_session_get_database (session));
  g_settings_bind (settings, "active-account", restarted, "active-account-id", G_SETTINGS_BIND_GET);
  herald_session_load_async (restarted, NULL, herald_test_async_done, &result);
  g_assert_true (herald_session_load_finish (restarted, herald_test_wait (&result), &error));
  g_assert_no_error (error);
  g_object_unref (result);
  g_assert_cmpstr (herald_session_get_active_account_id (restarted), ==, herald_account_get_id (backup));
  g_settings_unbind (restarted, "active-account-id");

  /* Ctrl+Shift+A opens the switcher, and the shortcuts window lists it. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-accounts");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Shift><Control>a") ||
                 g_strv_contains ((const char * const *) accels, "<Control><Shift>a"));
  button = herald_ui_find_by_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-accounts", NULL);
  g_assert_true (herald_ui_wait_until (popover_visible, button));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  herald_ui_drain ();
  shortcuts = herald_ui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (shortcut_listed (shortcuts, "Switch Account"));

  herald_ui_close_all_windows ();
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  fake = herald_fake_flashsms_new ();
  herald_fake_flashsms_add_key (fake, SHOP_KEY, NULL);
  herald_fake_flashsms_add_key (fake, BACKUP_KEY, NULL);
  herald_fake_flashsms_set_balance (fake, 1250);

  app = herald_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  /* In order: the second test starts where the first left off. */
  g_test_add_func ("/account-switcher/first-run", test_first_run);
  g_test_add_func ("/account-switcher/switch", test_switcher);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_object (&fake);

  return status;
}
