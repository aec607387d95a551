/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The Compose page under Xvfb against the in-process fakes, with the key
 * in a private gnome-keyring: what the fakes record is what was sent. */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "herald-compose-page.h"
#include "herald-window.h"
#include "herald-fake-flashsms.h"
#include "herald-fake-flixysms.h"
#include "herald-test-util.h"

#define FLIXY_KEY "flixy-test-key"
#define FLASH_KEY "bms_live_compose_test"

/* ---- helpers ------------------------------------------------------------ */

static gboolean
wait_until (gboolean (*check) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!check (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

static void
drain (void)
{
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
get_named (GtkWidget  *root,
           const char *name)
{
  GtkWidget *widget = find_named (root, name);

  if (widget == NULL)
    g_error ("No widget named “%s” on the page", name);
  return widget;
}

static void
set_view_text (GtkWidget  *root,
               const char *name,
               const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_named (root, name)));

  gtk_text_buffer_set_text (buffer, text, -1);
}

static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (get_named (root, name)));
}

/* The row of @list titled @title, or NULL. */
static AdwActionRow *
find_row (GtkWidget  *list,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child)
        && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
      return ADW_ACTION_ROW (child);

  return NULL;
}

static gboolean
has_provider (gpointer data)
{
  return herald_session_get_provider (data) != NULL;
}

/* ---- fixture: a session with one account, a window with the page -------- */

typedef struct
{
  char           *dir;
  HeraldDatabase *database;
  HeraldSession  *session;
  GtkWindow      *window;
  GtkWidget      *page;
} Fixture;

static void
fixture_open (Fixture       *fixture,
              HeraldDialect  dialect,
              const char    *base_url,
              const char    *key)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(HeraldAccount) draft = herald_account_new (dialect, "Shop");
  g_autoptr(HeraldAccount) account = NULL;
  HeraldAccountStore *store;

  fixture->dir = g_dir_make_tmp ("compose-page-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "herald.db", NULL);
  fixture->database = herald_database_open (path, &error);
  g_assert_no_error (error);
  fixture->session = herald_session_new (fixture->database);

  herald_session_load_async (fixture->session, NULL, herald_test_async_done, &loaded);
  herald_test_wait (&loaded);
  g_assert_true (herald_session_load_finish (fixture->session, loaded, &error));
  g_assert_no_error (error);

  store = herald_session_get_account_store (fixture->session);
  herald_account_set_base_url (draft, base_url);
  herald_account_set_region (draft, "GH");
  herald_account_store_add_async (store, draft, key, NULL, herald_test_async_done, &added);
  herald_test_wait (&added);
  account = herald_account_store_add_finish (store, added, &error);
  g_assert_no_error (error);
  g_assert_true (wait_until (has_provider, fixture->session));

  fixture->page = g_object_new (HERALD_TYPE_COMPOSE_PAGE, "session", fixture->session, NULL);
  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 700);
  adw_window_set_content (ADW_WINDOW (fixture->window), fixture->page);
  gtk_window_present (fixture->window);
  g_assert_true (wait_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, fixture->page));
  drain ();
}

/* Closes the window and checks that it and the page are finalized. */
static void
fixture_close (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "herald.db", NULL);
  gpointer window = fixture->window;
  gpointer page = fixture->page;

  g_object_add_weak_pointer (G_OBJECT (window), &window);
  g_object_add_weak_pointer (G_OBJECT (page), &page);
  gtk_window_destroy (fixture->window);
  drain ();
  if (window != NULL || page != NULL)
    g_error ("The %s was destroyed but not finalized: something keeps a reference",
             window != NULL ? "window" : "compose page");

  g_clear_object (&fixture->session);
  drain ();
  g_clear_object (&fixture->database);
  g_remove (path);
  g_clear_pointer (&fixture->dir, g_free);
}

static gboolean
results_shown (gpointer data)
{
  return gtk_widget_get_visible (get_named (data, "results_group"));
}

/* ---- tests --------------------------------------------------------------- */

static void
test_flixysms_sends_valid_numbers_once (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFakeFlixysms) fake = herald_fake_flixysms_new (FLIXY_KEY, 0, &error);
  Fixture fixture = { 0, };
  GtkWidget *send_button;
  AdwActionRow *row;

  g_assert_no_error (error);
  herald_fake_flixysms_seed (fake);
  fixture_open (&fixture, HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (fake), FLIXY_KEY);

  /* Three numbers, the middle one a digit short; spaces inside a number. */
  set_view_text (fixture.page, "recipients", "024 123 4567, 024 123 456\n0201234567");
  set_view_text (fixture.page, "message", "The shop opens at 9 tomorrow.");
  drain ();

  /* The invalid one is listed with its reason before anything is sent. */
  row = find_row (get_named (fixture.page, "recipients_list"), "024 123 456");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "too short"));
  g_assert_nonnull (find_row (get_named (fixture.page, "recipients_list"), "+233 24 123 4567"));
  g_assert_nonnull (strstr (label_text (fixture.page, "recipients_summary"), "2 valid numbers"));
  g_assert_cmpstr (label_text (fixture.page, "credits_label"), ==, "2");

  send_button = get_named (fixture.page, "send_button");
  g_assert_true (gtk_widget_is_sensitive (send_button));
  gtk_widget_activate (send_button);
  g_assert_true (wait_until (results_shown, fixture.page));

  /* The fake's own record: the two valid numbers, once each, nothing else. */
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, 2);
  g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (fake, "+233241234567"), ==, 1);
  g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (fake, "+233201234567"), ==, 1);
  g_assert_cmpstr (herald_fake_flixysms_get_accepted (fake, 0)->message, ==, "The shop opens at 9 tomorrow.");

  /* The outcome: the ids the fake gave, the invalid number and its reason. */
  g_assert_nonnull (strstr (label_text (fixture.page, "results_summary"), "Sent to 2 recipients"));
  g_assert_nonnull (strstr (label_text (fixture.page, "results_ids"),
                            herald_fake_flixysms_get_accepted (fake, 1)->id));
  row = find_row (get_named (fixture.page, "rejected_list"), "024 123 456");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "too short"));

  fixture_close (&fixture);
}

static gboolean
encoding_is_gsm7 (gpointer data)
{
  return g_strcmp0 (label_text (data, "encoding_label"), "GSM-7") == 0;
}

static void
test_analysis_ucs2_replacement (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFakeFlixysms) fake = herald_fake_flixysms_new (FLIXY_KEY, 0, &error);
  Fixture fixture = { 0, };
  GtkWidget *replace;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_assert_no_error (error);
  fixture_open (&fixture, HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (fake), FLIXY_KEY);

  set_view_text (fixture.page, "message", "Hi");
  g_assert_cmpstr (label_text (fixture.page, "encoding_label"), ==, "GSM-7");
  g_assert_cmpstr (label_text (fixture.page, "characters_label"), ==, "2");
  g_assert_cmpstr (label_text (fixture.page, "remaining_label"), ==, "158");

  /* Curly quotes force UCS-2; every keystroke updates the analysis. */
  set_view_text (fixture.page, "message", "“Hi” she said");
  g_assert_cmpstr (label_text (fixture.page, "encoding_label"), ==, "UCS-2");
  g_assert_cmpstr (label_text (fixture.page, "characters_label"), ==, "13");
  g_assert_cmpstr (label_text (fixture.page, "parts_label"), ==, "1");
  g_assert_cmpstr (label_text (fixture.page, "remaining_label"), ==, "57");
  g_assert_nonnull (strstr (label_text (fixture.page, "ucs2_label"), "“"));
  g_assert_nonnull (strstr (label_text (fixture.page, "ucs2_label"), "”"));

  replace = get_named (fixture.page, "replace_button");
  g_assert_true (gtk_widget_get_visible (replace));
  /* A button's activation is a short press: it clicks after a moment. */
  gtk_widget_activate (replace);
  g_assert_true (wait_until (encoding_is_gsm7, fixture.page));

  g_assert_cmpstr (label_text (fixture.page, "encoding_label"), ==, "GSM-7");
  g_assert_cmpstr (label_text (fixture.page, "remaining_label"), ==, "147");
  g_assert_false (gtk_widget_get_visible (replace) && gtk_widget_get_child_visible (replace)
                  && gtk_widget_get_mapped (replace));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_named (fixture.page, "message")));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "\"Hi\" she said");

  fixture_close (&fixture);
}

static gboolean
banner_shown (gpointer data)
{
  GtkWidget *label = get_named (data, "banner_label");
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER));

  return gtk_revealer_get_reveal_child (revealer) && *gtk_label_get_text (GTK_LABEL (label)) != '\0';
}

static gboolean
balance_known (gpointer data)
{
  return g_str_has_prefix (label_text (data, "balance_label"), "Balance: 0");
}

static gboolean
has_sender_ids (gpointer data)
{
  return g_list_model_get_n_items (adw_combo_row_get_model (data)) == 2;
}

static void
test_flashsms_402_banner (void)
{
  g_autoptr(HeraldFakeFlashsms) fake = herald_fake_flashsms_new ();
  Fixture fixture = { 0, };
  const char *banner;
  AdwComboRow *sender_row;
  g_autofree char *long_text = NULL;

  herald_fake_flashsms_add_key (fake, FLASH_KEY, NULL);
  herald_fake_flashsms_set_balance (fake, 0);
  herald_fake_flashsms_add_sender_id (fake, "MyBrand", "APPROVED");
  fixture_open (&fixture, HERALD_DIALECT_FLASHSMS, herald_fake_flashsms_get_base_url (fake), FLASH_KEY);

  /* The sender IDs come from the account; pick the approved one. */
  sender_row = ADW_COMBO_ROW (get_named (fixture.page, "sender_row"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sender_row)));
  g_assert_true (wait_until (has_sender_ids, sender_row));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (sender_row)), 1),
                   ==, "MyBrand");
  adw_combo_row_set_selected (sender_row, 1);
  g_assert_true (wait_until (balance_known, fixture.page));
  g_assert_cmpstr (label_text (fixture.page, "balance_label"), ==, "Balance: 0 credits");

  set_view_text (fixture.page, "recipients", "0241234567\n0201234567\n0541234567");

  /* FlashSMS takes 918 characters at most: one more and Send is off. */
  long_text = g_strnfill (919, 'a');
  set_view_text (fixture.page, "message", long_text);
  g_assert_true (gtk_widget_get_visible (get_named (fixture.page, "limit_label")));
  g_assert_nonnull (strstr (label_text (fixture.page, "limit_label"), "918"));
  g_assert_false (gtk_widget_is_sensitive (get_named (fixture.page, "send_button")));
  long_text[918] = '\0';
  set_view_text (fixture.page, "message", long_text);
  g_assert_false (gtk_widget_get_visible (get_named (fixture.page, "limit_label")));
  g_assert_true (gtk_widget_is_sensitive (get_named (fixture.page, "send_button")));

  set_view_text (fixture.page, "message", "Sale today");
  drain ();
  gtk_widget_activate (get_named (fixture.page, "send_button"));
  g_assert_true (wait_until (banner_shown, fixture.page));

  /* 3 recipients × 1 part, and the balance the server gave. */
  banner = label_text (fixture.page, "banner_label");
  g_test_message ("banner: %s", banner);
  g_assert_nonnull (strstr (banner, "needs 3 credits"));
  g_assert_nonnull (strstr (banner, "balance is 0"));
  g_assert_cmpuint (herald_fake_flashsms_get_sent (fake)->len, ==, 0);
  g_assert_false (gtk_widget_get_visible (get_named (fixture.page, "results_group")));

  fixture_close (&fixture);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
flashsms_sent_one (gpointer data)
{
  return herald_fake_flashsms_get_sent (data)->len == 1;
}

static void
test_flashsms_confirmation_above_threshold (void)
{
  g_autoptr(HeraldFakeFlashsms) fake = herald_fake_flashsms_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Fixture fixture = { 0, };
  AdwMessageDialog *dialog;
  gpointer weak_dialog;
  HeraldFakeFlashsmsSent *sent;
  GtkWidget *send_button;

  herald_fake_flashsms_add_key (fake, FLASH_KEY, NULL);
  herald_fake_flashsms_set_balance (fake, 100);
  herald_fake_flashsms_add_sender_id (fake, "MyBrand", "APPROVED");
  /* Two recipients × 1 part = 2 credits: above a threshold of 1. */
  g_settings_set_uint (settings, "send-confirm-threshold", 1);
  fixture_open (&fixture, HERALD_DIALECT_FLASHSMS, herald_fake_flashsms_get_base_url (fake), FLASH_KEY);
  g_assert_true (wait_until (has_sender_ids, get_named (fixture.page, "sender_row")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_named (fixture.page, "sender_row")), 1);

  set_view_text (fixture.page, "recipients", "0241234567; 0201234567");
  set_view_text (fixture.page, "message", "Sale today");
  gtk_widget_activate (get_named (fixture.page, "send_button"));
  g_assert_true (wait_until (dialog_shown, NULL));

  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Send to 2 Recipients?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "costs 2 credits"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "balance is 100 credits"));
  /* Nothing goes out before the answer. */
  drain ();
  g_assert_cmpuint (herald_fake_flashsms_get_sent (fake)->len, ==, 0);

  weak_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak_dialog);
  /* As a click on the dialog's Send button: it answers and closes. */
  send_button = find_button (GTK_WIDGET (dialog), "_Send");
  g_assert_nonnull (send_button);
  g_signal_emit_by_name (send_button, "clicked");
  g_assert_true (wait_until (flashsms_sent_one, fake));
  sent = g_ptr_array_index (herald_fake_flashsms_get_sent (fake), 0);
  g_assert_cmpuint (g_strv_length (sent->recipients), ==, 2);
  g_assert_cmpstr (sent->sender_id, ==, "MyBrand");
  g_assert_true (wait_until (results_shown, fixture.page));
  g_assert_nonnull (strstr (label_text (fixture.page, "results_summary"), "Sent to 2 recipients"));
  drain ();
  if (weak_dialog != NULL)
    g_error ("The confirmation was closed but not finalized");

  g_settings_reset (settings, "send-confirm-threshold");
  fixture_close (&fixture);
}

static void
test_flixysms_error_banners (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFakeFlixysms) fake = herald_fake_flixysms_new (FLIXY_KEY, 0, &error);
  Fixture fixture = { 0, };
  GtkWidget *media;

  g_assert_no_error (error);
  herald_fake_flixysms_seed (fake);
  fixture_open (&fixture, HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (fake), FLIXY_KEY);
  set_view_text (fixture.page, "recipients", "0241234567");
  set_view_text (fixture.page, "message", "Hello");

  /* A media URL of a type FlixySMS does not take blocks Send, with why. */
  media = get_named (fixture.page, "media_row");
  g_assert_true (gtk_widget_get_visible (media));
  gtk_editable_set_text (GTK_EDITABLE (media), "https://example.com/setup.exe");
  g_assert_true (gtk_widget_get_visible (get_named (fixture.page, "media_error_label")));
  g_assert_false (gtk_widget_is_sensitive (get_named (fixture.page, "send_button")));
  gtk_editable_set_text (GTK_EDITABLE (media), "https://example.com/menu.pdf");
  g_assert_false (gtk_widget_get_visible (get_named (fixture.page, "media_error_label")));
  gtk_editable_set_text (GTK_EDITABLE (media), "");
  g_assert_true (gtk_widget_is_sensitive (get_named (fixture.page, "send_button")));

  /* 503: no phone online. */
  herald_fake_flixysms_set_all_devices_online (fake, FALSE);
  gtk_widget_activate (get_named (fixture.page, "send_button"));
  g_assert_true (wait_until (banner_shown, fixture.page));
  g_assert_nonnull (strstr (label_text (fixture.page, "banner_label"), "No phone is online"));
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, 0);

  /* 401: the key is no longer accepted. */
  herald_fake_flixysms_set_all_devices_online (fake, TRUE);
  gtk_label_set_text (GTK_LABEL (get_named (fixture.page, "banner_label")), "");
  herald_fake_flixysms_inject_error (fake, 401, HERALD_FAKE_FLIXYSMS_ERROR_SUCCESS_FALSE, "Invalid API key", 1);
  gtk_widget_activate (get_named (fixture.page, "send_button"));
  g_assert_true (wait_until (banner_shown, fixture.page));
  g_assert_nonnull (strstr (label_text (fixture.page, "banner_label"), "rejected the API key"));
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, 0);

  fixture_close (&fixture);
}

static void
test_flashsms_403_banner (void)
{
  g_autoptr(HeraldFakeFlashsms) fake = herald_fake_flashsms_new ();
  Fixture fixture = { 0, };

  /* A key that may read but not send. */
  herald_fake_flashsms_add_key (fake, FLASH_KEY, "sms:read balance:read");
  herald_fake_flashsms_set_balance (fake, 100);
  fixture_open (&fixture, HERALD_DIALECT_FLASHSMS, herald_fake_flashsms_get_base_url (fake), FLASH_KEY);

  set_view_text (fixture.page, "recipients", "0241234567");
  set_view_text (fixture.page, "message", "Sale today");
  gtk_widget_activate (get_named (fixture.page, "send_button"));
  g_assert_true (wait_until (banner_shown, fixture.page));
  g_test_message ("banner: %s", label_text (fixture.page, "banner_label"));
  g_assert_nonnull (strstr (label_text (fixture.page, "banner_label"), "lacks the “sms:send” permission"));
  g_assert_cmpuint (herald_fake_flashsms_get_sent (fake)->len, ==, 0);

  fixture_close (&fixture);
}

static gboolean
accepted_one (gpointer data)
{
  return herald_fake_flixysms_get_n_accepted (data) >= 1;
}

static gboolean
form_cleared (gpointer data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_named (data, "message")));

  return gtk_text_buffer_get_char_count (buffer) == 0 && !results_shown (data)
         && gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_named (data, "recipients")))) == 0;
}

static void
test_ctrl_enter_sends (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFakeFlixysms) fake = herald_fake_flixysms_new (FLIXY_KEY, 0, &error);
  Fixture fixture = { 0, };
  GtkWidget *message_view;
  g_autofree char *xid = NULL;
  int status = 0;

  g_assert_no_error (error);
  herald_fake_flixysms_seed (fake);
  fixture_open (&fixture, HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (fake), FLIXY_KEY);

  set_view_text (fixture.page, "recipients", "0241234567");
  set_view_text (fixture.page, "message", "Sent from the keyboard");
  message_view = get_named (fixture.page, "message");
  gtk_widget_grab_focus (message_view);
  drain ();

  /* A real key press through the X server (XTest), as a person makes it. */
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (fixture.window))));
  {
    const char *focus[] = { "xdotool", "windowfocus", "--sync", xid, NULL };
    const char *press[] = { "xdotool", "key", "--clearmodifiers", "ctrl+Return", NULL };

    /* The only real-keyboard test: it fails rather than skip without xdotool. */
    if (!g_spawn_sync (NULL, (char **) focus, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error))
      {
        g_test_fail_printf ("cannot run xdotool (%s): install it (build-aux/install-deps.sh does)",
                            error->message);
        fixture_close (&fixture);
        return;
      }
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    drain ();
    g_assert_true (g_spawn_sync (NULL, (char **) press, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                                 &status, &error));
    g_assert_no_error (error);
  }

  g_assert_true (wait_until (accepted_one, fake));
  g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (fake, "+233241234567"), ==, 1);
  /* Ctrl+Enter did not also type a new line into the message. */
  g_assert_cmpstr (herald_fake_flixysms_get_accepted (fake, 0)->message, ==, "Sent from the keyboard");
  g_assert_true (wait_until (results_shown, fixture.page));

  /* Ctrl+N starts a new message: the form and the outcome are cleared. */
  {
    const char *new_message[] = { "xdotool", "key", "--clearmodifiers", "ctrl+n", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) new_message, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                                 &status, &error));
    g_assert_no_error (error);
  }
  g_assert_true (wait_until (form_cleared, fixture.page));
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, 1);

  fixture_close (&fixture);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_window_gives_its_session (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFakeFlixysms) fake = herald_fake_flixysms_new (FLIXY_KEY, 0, &error);
  Fixture fixture = { 0, };
  HeraldWindow *window;
  GtkWidget *page;
  gpointer weak_window;

  g_assert_no_error (error);
  fixture_open (&fixture, HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (fake), FLIXY_KEY);

  /* The Compose section of the main window is this page, on the window's session. */
  window = g_object_new (HERALD_TYPE_WINDOW, NULL);
  page = find_type (GTK_WIDGET (window), HERALD_TYPE_COMPOSE_PAGE);
  g_assert_nonnull (page);
  g_assert_null (herald_compose_page_get_session (HERALD_COMPOSE_PAGE (page)));
  herald_window_set_session (window, fixture.session);
  g_assert_true (herald_compose_page_get_session (HERALD_COMPOSE_PAGE (page)) == fixture.session);
  gtk_window_present (GTK_WINDOW (window));
  drain ();
  g_assert_true (gtk_widget_get_visible (get_named (page, "send_button")));
  herald_window_set_session (window, NULL);
  g_assert_null (herald_compose_page_get_session (HERALD_COMPOSE_PAGE (page)));

  weak_window = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak_window);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  if (weak_window != NULL)
    g_error ("The main window was destroyed but not finalized");

  fixture_close (&fixture);
}

typedef struct
{
  HeraldFakeFlixysms *fake;
  guint               n;
} AcceptedWait;

static gboolean
fake_accepted (gpointer data)
{
  AcceptedWait *wait = data;

  return herald_fake_flixysms_get_n_accepted (wait->fake) >= wait->n;
}

/* The session owns the send: the window and page closed while the first
 * chunk waits for its answer, the second chunk still reaches the fake
 * (its own record), and a Compose page opened afterwards shows the end. */
static void
test_send_outlives_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFakeFlixysms) fake = herald_fake_flixysms_new (FLIXY_KEY, 0, &error);
  g_autoptr(GString) numbers = g_string_new (NULL);
  Fixture fixture = { 0, };
  AcceptedWait first = { NULL, HERALD_SEND_JOB_DEFAULT_CHUNK_SIZE };
  AcceptedWait all = { NULL, HERALD_SEND_JOB_DEFAULT_CHUNK_SIZE + 1 };
  gpointer window, page;
  GListModel *jobs;
  g_autoptr(HeraldSendJob) job = NULL;

  g_assert_no_error (error);
  herald_fake_flixysms_seed (fake);
  first.fake = all.fake = fake;
  fixture_open (&fixture, HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (fake), FLIXY_KEY);

  /* Two chunks; the first is accepted at once and answered late. */
  for (guint i = 0; i <= HERALD_SEND_JOB_DEFAULT_CHUNK_SIZE; i++)
    g_string_append_printf (numbers, "0241234%03u\n", 500 + i);
  herald_fake_flixysms_set_fault_delay (fake, 2500);
  herald_fake_flixysms_inject_fault (fake, HERALD_FAKE_FLIXYSMS_FAULT_DELAY, 1,
                                     HERALD_FAKE_FLIXYSMS_FAULT_FLAGS_NONE);
  set_view_text (fixture.page, "recipients", numbers->str);
  set_view_text (fixture.page, "message", "Closing early today.");
  drain ();
  gtk_widget_activate (get_named (fixture.page, "send_button"));
  g_assert_true (wait_until (fake_accepted, &first));
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, HERALD_SEND_JOB_DEFAULT_CHUNK_SIZE);

  /* Close the window mid-send: both go, nothing keeps them. */
  window = fixture.window;
  page = fixture.page;
  g_object_add_weak_pointer (G_OBJECT (window), &window);
  g_object_add_weak_pointer (G_OBJECT (page), &page);
  gtk_window_destroy (fixture.window);
  drain ();
  g_assert_null (window);
  g_assert_null (page);

  /* Compose opened again mid-send shows it running, then how it ended. */
  fixture.page = g_object_new (HERALD_TYPE_COMPOSE_PAGE, "session", fixture.session, NULL);
  fixture.window = GTK_WINDOW (adw_window_new ());
  adw_window_set_content (ADW_WINDOW (fixture.window), fixture.page);
  gtk_window_present (fixture.window);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, HERALD_SEND_JOB_DEFAULT_CHUNK_SIZE);
  g_assert_true (gtk_widget_get_visible (get_named (fixture.page, "progress_box")));

  /* The send goes on without the first page: the second chunk reaches the fake. */
  g_assert_true (wait_until (fake_accepted, &all));
  g_assert_true (wait_until (results_shown, fixture.page));
  g_assert_false (gtk_widget_get_visible (get_named (fixture.page, "progress_box")));
  g_assert_nonnull (strstr (label_text (fixture.page, "results_summary"), "Sent to 101 recipients"));
  gtk_window_destroy (fixture.window);
  drain ();
  g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (fake, "+233241234600"), ==, 1);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_BULK), ==, 2);

  jobs = herald_session_get_send_jobs (fixture.session);
  g_assert_cmpuint (g_list_model_get_n_items (jobs), ==, 1);
  job = g_list_model_get_item (jobs, 0);
  g_assert_true (wait_until ((gboolean (*) (gpointer)) herald_send_job_get_finished, job));
  g_assert_nonnull (herald_send_job_get_report (job));
  g_assert_cmpuint (herald_send_report_count (herald_send_job_get_report (job), HERALD_RECIPIENT_QUEUED),
                    ==, HERALD_SEND_JOB_DEFAULT_CHUNK_SIZE + 1);

  /* Opened after the end, it shows how the send ended. */
  fixture.page = g_object_new (HERALD_TYPE_COMPOSE_PAGE, "session", fixture.session, NULL);
  fixture.window = GTK_WINDOW (adw_window_new ());
  adw_window_set_content (ADW_WINDOW (fixture.window), fixture.page);
  gtk_window_present (fixture.window);
  g_assert_true (wait_until (results_shown, fixture.page));
  g_assert_nonnull (strstr (label_text (fixture.page, "results_summary"), "Sent to 101 recipients"));

  fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/compose-page/flixysms/sends-valid-numbers-once", test_flixysms_sends_valid_numbers_once);
  g_test_add_func ("/compose-page/analysis/ucs2-replacement", test_analysis_ucs2_replacement);
  g_test_add_func ("/compose-page/flashsms/402-banner", test_flashsms_402_banner);
  g_test_add_func ("/compose-page/flashsms/confirmation-above-threshold", test_flashsms_confirmation_above_threshold);
  g_test_add_func ("/compose-page/flixysms/error-banners", test_flixysms_error_banners);
  g_test_add_func ("/compose-page/flashsms/403-banner", test_flashsms_403_banner);
  g_test_add_func ("/compose-page/keyboard/ctrl-enter-sends", test_ctrl_enter_sends);
  g_test_add_func ("/compose-page/window-gives-its-session", test_window_gives_its_session);
  g_test_add_func ("/compose-page/send-outlives-page", test_send_outlives_page);

  return g_test_run ();
}
