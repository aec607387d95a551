/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The Inbox and History pages under Xvfb, in a window of their own with a
 * HeraldSession over a temporary database, against the in-process fakes:
 * pages load as the list scrolls, filters reach the server, a message
 * opens its delivery report, and every window closed is finalized. */
#define G_LOG_DOMAIN "test-inbox-history"

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <adwaita.h>

#include "herald-history-page.h"
#include "herald-inbox-page.h"
#include "herald-report-dialog.h"
#include "herald-fake-flashsms.h"
#include "herald-fake-flixysms.h"
#include "herald-test-util.h"

#define FLASH_KEY "flash-ui-key"
#define N_RECEIVED 120

/* ---- waiting and finding ------------------------------------------------- */

static gboolean
wait_until (gboolean (*check) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!check (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
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
find_type (GtkWidget *widget, GType type)
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

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
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

/* The texts of every label named @name under @widget that is drawn. */
static void
collect_labels (GtkWidget *widget, const char *name, GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0 &&
      gtk_widget_get_mapped (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, name, texts);
}

static gboolean
shows_label (GtkWidget *widget, const char *name, const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_labels (widget, name, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget  *widget;
  const char *name;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return shows_label (wait->widget, wait->name, wait->text);
}

/* Whether a label appears within a few seconds (rows are laid out on the
 * next frames, not at once). */
static gboolean
wait_label (GtkWidget *widget, const char *name, const char *text)
{
  LabelWait wait = { widget, name, text };

  return wait_until (label_shown, &wait);
}

/* Saves what @window shows when HERALD_SCREENSHOT_DIR is set, for people
 * reviewing the UI; no assertion depends on it. */
static void
maybe_screenshot (GtkWidget *window, const char *name)
{
  const char *dir = g_getenv ("HERALD_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  int width, height;

  if (dir == NULL)
    return;

  drain ();
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
}

/* Destroys every window and checks each one is finalized. */
static void
close_all_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_free);

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gpointer *slot = g_new (gpointer, 1);

      *slot = window;
      g_object_add_weak_pointer (G_OBJECT (window), slot);
      g_ptr_array_add (slots, slot);
      gtk_window_destroy (window);
    }
  drain ();

  for (guint i = 0; i < slots->len; i++)
    {
      gpointer *slot = g_ptr_array_index (slots, i);

      if (*slot != NULL)
        g_error ("A %s was destroyed but not finalized: something keeps a reference",
                 G_OBJECT_TYPE_NAME (*slot));
    }
}

/* ---- a session with one account ----------------------------------------- */

static gboolean
has_provider (gpointer data)
{
  return herald_session_get_provider (data) != NULL;
}

static char *db_dir;

static HeraldSession *
session_for (HeraldDialect dialect, const char *base_url, const char *key)
{
  static guint serial;
  g_autofree char *path = g_strdup_printf ("%s/herald-%u.db", db_dir, ++serial);
  g_autoptr(HeraldDatabase) database = NULL;
  g_autoptr(HeraldAccount) draft = herald_account_new (dialect, "Test");
  g_autoptr(HeraldAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  HeraldSession *session;
  GAsyncResult *res = NULL;

  database = herald_database_open (path, &error);
  g_assert_no_error (error);
  session = herald_session_new (database);
  herald_session_load_async (session, NULL, herald_test_async_done, &res);
  herald_test_wait (&res);
  g_assert_true (herald_session_load_finish (session, res, &error));
  g_assert_no_error (error);
  g_clear_object (&res);

  herald_account_set_base_url (draft, base_url);
  herald_account_set_region (draft, "GH");
  herald_account_store_add_async (herald_session_get_account_store (session), draft, key, NULL,
                                  herald_test_async_done, &res);
  herald_test_wait (&res);
  account = herald_account_store_add_finish (herald_session_get_account_store (session), res, &error);
  g_assert_no_error (error);
  g_clear_object (&res);

  g_assert_true (wait_until (has_provider, session));
  return session;
}

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static GtkWidget *
show_in_window (GtkWidget *page)
{
  GtkWidget *window = adw_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 480, 600);
  adw_window_set_content (ADW_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_until (window_is_mapped, window));

  return window;
}

/* ---- Inbox --------------------------------------------------------------- */

static HeraldFakeFlixysms *
flixysms_fake (char **key_out)
{
  g_autofree char *key = g_strdup_printf ("flixy-ui-%u", (guint) getpid ());
  g_autoptr(GDateTime) newest = g_date_time_new_utc (2024, 3, 1, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  HeraldFakeFlixysms *fake = herald_fake_flixysms_new (key, 0, &error);

  g_assert_no_error (error);
  herald_fake_flixysms_set_rate_limit (fake, 10000, 10);
  herald_fake_flixysms_add_device (fake, HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, "Pixel 7", "+233240000001", FALSE, TRUE);
  /* Ten senders in turn, one message a minute going back. */
  for (int i = 0; i < N_RECEIVED; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_minutes (newest, -i);
      g_autofree char *from = g_strdup_printf ("+23324100000%d", i % 10);
      g_autofree char *text = g_strdup_printf ("Message %d", i);

      herald_fake_flixysms_add_received (fake, from, text, at, HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, "sms", 1);
    }
  *key_out = g_steal_pointer (&key);

  return fake;
}

static gboolean
first_page_loaded (gpointer data)
{
  HeraldPagedList *list = herald_inbox_page_get_list (data);

  return list != NULL && herald_paged_list_get_pages_loaded (list) >= 1 && !herald_paged_list_get_loading (list);
}

typedef struct
{
  HeraldPagedList   *list;
  GtkScrolledWindow *scrolled;
} ScrollWait;

/* Scrolls to the end each time, as a person would, until all is loaded. */
static gboolean
scrolled_to_the_end (gpointer data)
{
  ScrollWait *wait = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (wait->scrolled);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  return !herald_paged_list_get_has_more (wait->list) && !herald_paged_list_get_loading (wait->list);
}

static gboolean
shows_last_row (gpointer data)
{
  ScrollWait *wait = data;

  scrolled_to_the_end (wait);
  return shows_label (gtk_scrolled_window_get_child (wait->scrolled), "body", "Message 119");
}

static void
test_inbox_pages (void)
{
  g_autofree char *key = NULL;
  g_autoptr(HeraldFakeFlixysms) fake = flixysms_fake (&key);
  g_autoptr(HeraldSession) session = session_for (HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (fake), key);
  GtkWidget *page = herald_inbox_page_new ();
  GtkWidget *list_view;
  ScrollWait wait;
  guint requests;

  herald_inbox_page_set_session (HERALD_INBOX_PAGE (page), session);
  show_in_window (page);
  g_assert_true (wait_until (first_page_loaded, page));

  /* The first page is 25 of the 120, newest first, and shows them. */
  wait.list = herald_inbox_page_get_list (HERALD_INBOX_PAGE (page));
  list_view = find_named (page, "message-list");
  wait.scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (list_view));
  g_assert_true (herald_paged_list_get_has_more (wait.list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (wait.list)), <, N_RECEIVED);
  drain ();
  g_assert_true (wait_label (list_view, "title", "+233241000000"));
  g_assert_true (wait_label (list_view, "body", "Message 0"));
  g_assert_true (wait_label (list_view, "caption", "On Pixel 7 (+233240000001)"));
  maybe_screenshot (GTK_WIDGET (gtk_widget_get_root (page)), "inbox");

  /* Scrolling down fetches the next pages, in order, until the end. */
  if (!wait_until (scrolled_to_the_end, &wait))
    {
      GtkAdjustment *a = gtk_scrolled_window_get_vadjustment (wait.scrolled);
      g_error ("stuck: %u items, loading %d, has-more %d, error %s, adj %g/%g/%g, requests %u",
               g_list_model_get_n_items (G_LIST_MODEL (wait.list)), herald_paged_list_get_loading (wait.list),
               herald_paged_list_get_has_more (wait.list),
               herald_paged_list_get_error (wait.list) ? herald_paged_list_get_error (wait.list)->message : "-",
               gtk_adjustment_get_value (a), gtk_adjustment_get_upper (a), gtk_adjustment_get_page_size (a),
               herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_RECEIVED));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (wait.list)), ==, N_RECEIVED);
  requests = herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_RECEIVED);
  g_assert_cmpuint (requests, ==, 5);
  g_assert_nonnull (strstr (herald_fake_flixysms_get_request_uri (fake, 1), "page=2"));
  g_assert_nonnull (strstr (herald_fake_flixysms_get_request_uri (fake, 2), "page=3"));
  g_assert_true (wait_until (shows_last_row, &wait));

  /* Refresh starts again from the first page. */
  gtk_widget_activate_action (page, "inbox.refresh", NULL);
  g_assert_true (wait_until (first_page_loaded, page));
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_RECEIVED), >, requests);
  g_assert_nonnull (strstr (herald_fake_flixysms_get_request_uri (fake, requests), "page=1"));

  close_all_windows ();
}

typedef struct
{
  HeraldFakeFlixysms *fake;
  const char         *needle;
} RequestWait;

static gboolean
fake_was_asked (gpointer data)
{
  RequestWait *wait = data;
  guint n = herald_fake_flixysms_count_requests (wait->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_ANY);

  for (guint i = 0; i < n; i++)
    if (strstr (herald_fake_flixysms_get_request_uri (wait->fake, i), wait->needle) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
list_complete (gpointer data)
{
  HeraldPagedList *list = herald_inbox_page_get_list (data);

  return list != NULL && !herald_paged_list_get_has_more (list) && !herald_paged_list_get_loading (list);
}

static void
test_inbox_filter_sender (void)
{
  g_autofree char *key = NULL;
  g_autoptr(HeraldFakeFlixysms) fake = flixysms_fake (&key);
  g_autoptr(HeraldSession) session = session_for (HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (fake), key);
  GtkWidget *page = herald_inbox_page_new ();
  RequestWait wait = { fake, "from=%2B233241000007" };
  HeraldPagedList *list;
  GtkWidget *entry;

  herald_inbox_page_set_session (HERALD_INBOX_PAGE (page), session);
  show_in_window (page);
  g_assert_true (wait_until (first_page_loaded, page));

  /* Typed as a person would, in the national form. */
  entry = find_type (page, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "024 100 0007");
  g_assert_true (wait_until (fake_was_asked, &wait));
  g_assert_true (wait_until (list_complete, page));

  /* 12 of the 120 are from that sender, all on one page. */
  list = herald_inbox_page_get_list (HERALD_INBOX_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_RECEIVED / 10);
  for (guint i = 0; i < N_RECEIVED / 10; i++)
    {
      g_autoptr(HeraldReceivedMessage) message = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (herald_received_message_get_from (message), ==, "+233241000007");
    }
  drain ();
  g_assert_true (wait_label (page, "body", "Message 7"));
  g_assert_false (shows_label (page, "body", "Message 0"));

  /* A date that is not one is refused in the page, with how to write it,
   * and nothing is asked. */
  {
    guint requests = herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_ANY);
    GtkWidget *since = find_named (page, "since");
    GtkRevealer *revealer = GTK_REVEALER (find_type (page, GTK_TYPE_REVEALER));

    gtk_editable_set_text (GTK_EDITABLE (since), "yesterday");
    g_assert_true (wait_until ((gboolean (*) (gpointer)) gtk_revealer_get_reveal_child, revealer));
    g_assert_true (gtk_widget_has_css_class (since, "error"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (gtk_revealer_get_child (revealer)))),
                              "2024-01-31"));
    g_assert_cmpuint (herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_ANY), ==, requests);

    /* A real one narrows the list: every message is from 2024-03-01. */
    gtk_editable_set_text (GTK_EDITABLE (since), "2024-03-03");
    wait.needle = "since=";
    g_assert_true (wait_until (fake_was_asked, &wait));
    g_assert_true (wait_until (list_complete, page));
    g_assert_false (gtk_widget_has_css_class (since, "error"));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (herald_inbox_page_get_list (HERALD_INBOX_PAGE (page)))), ==, 0);
  }

  close_all_windows ();
}

static void
test_inbox_flashsms (void)
{
  g_autoptr(HeraldFakeFlashsms) fake = herald_fake_flashsms_new ();
  g_autoptr(HeraldSession) session = NULL;
  GtkWidget *page = herald_inbox_page_new ();
  AdwStatusPage *status;

  herald_fake_flashsms_add_key (fake, FLASH_KEY, NULL);
  session = session_for (HERALD_DIALECT_FLASHSMS, herald_fake_flashsms_get_base_url (fake), FLASH_KEY);
  herald_inbox_page_set_session (HERALD_INBOX_PAGE (page), session);
  show_in_window (page);

  status = ADW_STATUS_PAGE (find_type (page, ADW_TYPE_STATUS_PAGE));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "FlashSMS Has No Inbox");
  g_assert_null (herald_inbox_page_get_list (HERALD_INBOX_PAGE (page)));
  g_assert_null (herald_inbox_page_get_watcher (HERALD_INBOX_PAGE (page)));
  g_assert_cmpuint (herald_fake_flashsms_count_requests (fake, "GET", "/messages/received"), ==, 0);

  close_all_windows ();
}

static void
test_inbox_notifications_setting (void)
{
  g_autofree char *key = NULL;
  g_autoptr(HeraldFakeFlixysms) fake = flixysms_fake (&key);
  g_autoptr(HeraldSession) session = session_for (HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (fake), key);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *page = herald_inbox_page_new ();
  HeraldInboxWatcher *watcher;

  g_settings_set_boolean (settings, "notify-new-messages", FALSE);
  /* The setting drives the session's one watcher, bound as HeraldApplication binds it. */
  g_settings_bind (settings, "notify-new-messages", session, "watch-inbox", G_SETTINGS_BIND_GET);
  herald_inbox_page_set_session (HERALD_INBOX_PAGE (page), session);
  show_in_window (page);

  /* Off: no timer at all. */
  watcher = herald_inbox_page_get_watcher (HERALD_INBOX_PAGE (page));
  g_assert_nonnull (watcher);
  g_assert_false (herald_inbox_watcher_get_enabled (watcher));
  g_assert_false (herald_inbox_watcher_is_scheduled (watcher));

  /* On: the watcher runs; off again: its timer is gone. */
  g_settings_set_boolean (settings, "notify-new-messages", TRUE);
  g_assert_true (herald_inbox_watcher_get_enabled (watcher));
  g_settings_set_boolean (settings, "notify-new-messages", FALSE);
  g_assert_false (herald_inbox_watcher_get_enabled (watcher));
  g_assert_false (herald_inbox_watcher_is_scheduled (watcher));

  close_all_windows ();
}

/* ---- the one watcher -------------------------------------------------------- */

/* The watcher's requests: received pages asked for without a page size
 * (the list asks for 25 a page). */
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
wait_more_checks (HeraldInboxWatcher *watcher,
                  guint               more)
{
  CheckWait wait = { watcher, herald_inbox_watcher_get_n_checks (watcher) + more };

  g_assert_true (wait_until (has_checked, &wait));
}

static void
count_batches (HeraldInboxWatcher *watcher,
               GListModel         *messages,
               guint              *count)
{
  (*count)++;
}

static gboolean
provider_is_not (gpointer data)
{
  gpointer *args = data;

  return herald_session_get_provider (args[0]) != NULL && herald_session_get_provider (args[0]) != args[1];
}

static void
test_inbox_one_watcher (void)
{
  g_autofree char *key = NULL;
  g_autoptr(HeraldFakeFlixysms) fake = flixysms_fake (&key);
  g_autoptr(HeraldFakeFlixysms) other_fake = NULL;
  g_autoptr(HeraldSession) session = session_for (HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (fake), key);
  g_autoptr(HeraldInboxWatcher) watcher = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GtkWidget *page_1 = herald_inbox_page_new ();
  GtkWidget *page_2 = herald_inbox_page_new ();
  GtkWidget *page_3 = herald_inbox_page_new ();
  GtkWidget *window_1;
  guint batches = 0;
  guint checks, requests;

  herald_session_set_watch_inbox (session, TRUE);
  watcher = g_object_ref (herald_session_get_inbox_watcher (session));
  herald_inbox_watcher_set_interval (watcher, 50);
  g_signal_connect (watcher, "new-messages", G_CALLBACK (count_batches), &batches);

  /* Two windows, each with an Inbox page: both show the session's watcher. */
  herald_inbox_page_set_session (HERALD_INBOX_PAGE (page_1), session);
  window_1 = show_in_window (page_1);
  herald_inbox_page_set_session (HERALD_INBOX_PAGE (page_2), session);
  show_in_window (page_2);
  g_assert_true (wait_until (first_page_loaded, page_1));
  g_assert_true (wait_until (first_page_loaded, page_2));
  g_assert_true (herald_inbox_page_get_watcher (HERALD_INBOX_PAGE (page_1)) == watcher);
  g_assert_true (herald_inbox_page_get_watcher (HERALD_INBOX_PAGE (page_2)) == watcher);
  g_assert_true (herald_session_get_inbox_watcher (session) == watcher);

  /* One watcher asks: one request a check, not one per window. */
  wait_more_checks (watcher, 4);
  checks = herald_inbox_watcher_get_n_checks (watcher);
  requests = count_watcher_requests (fake);
  g_assert_cmpuint (requests, >=, checks);
  g_assert_cmpuint (requests, <=, checks + 1);

  /* A message arrives: announced once, and both lists show it. */
  herald_fake_flixysms_add_received (fake, "+233209999999", "Fresh news", now,
                                     HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, "sms", 1);
  wait_more_checks (watcher, 2);
  g_assert_cmpuint (batches, ==, 1);
  g_assert_true (wait_label (page_1, "body", "Fresh news"));
  g_assert_true (wait_label (page_2, "body", "Fresh news"));
  wait_more_checks (watcher, 2);
  g_assert_cmpuint (batches, ==, 1);

  /* Closing a window never stops it. */
  gtk_window_destroy (GTK_WINDOW (window_1));
  drain ();
  g_assert_true (herald_session_get_inbox_watcher (session) == watcher);
  g_assert_true (herald_inbox_watcher_get_enabled (watcher));
  wait_more_checks (watcher, 2);

  /* A page made again finds the same one. */
  herald_inbox_page_set_session (HERALD_INBOX_PAGE (page_3), session);
  show_in_window (page_3);
  g_assert_true (herald_inbox_page_get_watcher (HERALD_INBOX_PAGE (page_3)) == watcher);
  g_assert_true (herald_session_get_inbox_watcher (session) == watcher);

  /* Another account: a new watcher, which the open pages follow; the old
   * one stops. */
  {
    g_autoptr(HeraldAccount) draft = herald_account_new (HERALD_DIALECT_FLIXYSMS, "Other");
    g_autoptr(HeraldAccount) account = NULL;
    g_autoptr(GError) error = NULL;
    GAsyncResult *add = NULL;
    /* held: a new provider may take a freed one's address */
    g_autoptr(HeraldProvider) before = g_object_ref (herald_session_get_provider (session));
    gpointer switched[] = { session, before };
    HeraldInboxWatcher *next;

    other_fake = herald_fake_flixysms_new ("flixy-ui-other", 0, &error);
    g_assert_no_error (error);
    herald_account_set_base_url (draft, herald_fake_flixysms_get_base_url (other_fake));
    herald_account_set_region (draft, "GH");
    herald_account_store_add_async (herald_session_get_account_store (session), draft, "flixy-ui-other", NULL,
                                    herald_test_async_done, &add);
    account = herald_account_store_add_finish (herald_session_get_account_store (session),
                                               herald_test_wait (&add), &error);
    g_assert_no_error (error);
    g_clear_object (&add);

    herald_session_set_active_account_id (session, herald_account_get_id (account));
    g_assert_true (wait_until (provider_is_not, switched));
    next = herald_session_get_inbox_watcher (session);
    g_assert_nonnull (next);
    g_assert_true (next != watcher);
    g_assert_true (herald_inbox_watcher_get_enabled (next));
    g_assert_false (herald_inbox_watcher_get_enabled (watcher));
    g_assert_false (herald_inbox_watcher_is_scheduled (watcher));
    g_assert_true (herald_inbox_page_get_watcher (HERALD_INBOX_PAGE (page_2)) == next);
    g_assert_true (herald_inbox_page_get_watcher (HERALD_INBOX_PAGE (page_3)) == next);
  }

  /* With every window closed, the session's watcher still runs. */
  close_all_windows ();
  g_assert_true (herald_inbox_watcher_get_enabled (herald_session_get_inbox_watcher (session)));
  herald_session_set_watch_inbox (session, FALSE);
  g_assert_false (herald_inbox_watcher_is_scheduled (herald_session_get_inbox_watcher (session)));
}

/* ---- History ------------------------------------------------------------- */

static HeraldFakeFlashsms *
flashsms_fake (void)
{
  HeraldFakeFlashsms *fake = herald_fake_flashsms_new ();
  const char *phones[] = { "0241234567", "0201234567", "0551234567", NULL };
  const char *statuses[] = { "DELIVERED", "DELIVERED", "FAILED", NULL };

  herald_fake_flashsms_add_key (fake, FLASH_KEY, NULL);
  herald_fake_flashsms_set_rate_limit (fake, 100000, 60);
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *text = g_strdup_printf ("Promo %d", i);

      herald_fake_flashsms_add_history (fake, text, "MyBrand", NULL, phones, NULL, 1700000000 + i * 60);
    }
  {
    const char *all_failed[] = { "FAILED", "FAILED", "FAILED", NULL };

    herald_fake_flashsms_add_history (fake, "Wrong numbers", "MyBrand", NULL, phones, all_failed, 1700008000);
  }
  /* The newest: two delivered, one failed. */
  herald_fake_flashsms_add_history (fake, "Opening hours changed", "MyBrand", NULL, phones, statuses,
                                    1700009000);
  for (int i = 0; i < 12; i++)
    herald_fake_flashsms_add_transaction (fake, i % 3 == 0 ? "PURCHASE" : "USAGE",
                                          i % 3 == 0 ? 500 : -3, "Credits", NULL, 1700000000 + i * 60);

  return fake;
}

static gboolean
history_loaded (gpointer data)
{
  HeraldPagedList *list = herald_history_page_get_list (data);

  return list != NULL && herald_paged_list_get_pages_loaded (list) >= 1 && !herald_paged_list_get_loading (list);
}

static GtkWidget *
find_report_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (HERALD_IS_REPORT_DIALOG (window))
        return window;
    }

  return NULL;
}

static gboolean
report_shown (gpointer data)
{
  GtkWidget *dialog = find_report_dialog ();

  return dialog != NULL && herald_report_dialog_get_report (HERALD_REPORT_DIALOG (dialog)) != NULL &&
         find_named (dialog, "rate") != NULL && gtk_widget_get_mapped (find_named (dialog, "rate"));
}

static void
test_history_report (void)
{
  g_autoptr(HeraldFakeFlashsms) fake = flashsms_fake ();
  g_autoptr(HeraldSession) session = session_for (HERALD_DIALECT_FLASHSMS, herald_fake_flashsms_get_base_url (fake), FLASH_KEY);
  GtkWidget *page = herald_history_page_new ();
  GtkWidget *list_view, *dialog, *failed_row;
  HeraldPagedList *list;
  gpointer dialog_slot;

  herald_history_page_set_session (HERALD_HISTORY_PAGE (page), session);
  show_in_window (page);
  g_assert_true (wait_until (history_loaded, page));
  list = herald_history_page_get_list (HERALD_HISTORY_PAGE (page));
  g_assert_cmpuint (herald_fake_flashsms_count_requests (fake, "GET", "/sms"), >=, 1);
  list_view = find_named (page, "message-list");
  drain ();
  g_assert_true (wait_label (list_view, "body", "Opening hours changed"));

  /* Activating the newest message opens its delivery report. */
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_true (wait_until (report_shown, NULL));
  dialog = find_report_dialog ();
  {
    g_autoptr(HeraldBoxedItem) newest = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autofree char *path = g_strdup_printf ("/sms/%s/recipients",
                                             ((HeraldSentMessage *) herald_boxed_item_get (newest))->id);

    g_assert_cmpuint (herald_fake_flashsms_count_requests (fake, "GET", path), ==, 1);
  }
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (dialog, "rate"))), ==, "66.7 %");
  maybe_screenshot (GTK_WIDGET (gtk_widget_get_root (page)), "history");
  maybe_screenshot (dialog, "delivery-report");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (dialog, "delivered"))), ==, "2");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (dialog, "failed"))), ==, "1");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (dialog, "pending"))), ==, "0");
  failed_row = find_named (dialog, "233551234567");
  g_assert_nonnull (failed_row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (failed_row)), "Failed"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (failed_row)), ==, "+233551234567");

  /* Closing the report finalizes it; the page stays. */
  dialog_slot = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &dialog_slot);
  gtk_window_close (GTK_WINDOW (dialog));
  drain ();
  g_assert_null (dialog_slot);
  g_assert_true (herald_history_page_get_list (HERALD_HISTORY_PAGE (page)) == list);

  close_all_windows ();
}

static gboolean
requested_query (gpointer data)
{
  gpointer *args = data;
  GPtrArray *requests = herald_fake_flashsms_get_requests (args[0]);

  for (guint i = 0; i < requests->len; i++)
    {
      const HeraldFakeFlashsmsRequest *request = g_ptr_array_index (requests, i);

      if (request->query != NULL && strstr (request->query, args[1]) != NULL &&
          g_str_has_suffix (request->path, args[2]))
        return TRUE;
    }

  return FALSE;
}

static gboolean
list_done (gpointer data)
{
  HeraldPagedList *list = herald_history_page_get_list (data);

  return list != NULL && !herald_paged_list_get_has_more (list) && !herald_paged_list_get_loading (list);
}

static void
test_history_filters (void)
{
  g_autoptr(HeraldFakeFlashsms) fake = flashsms_fake ();
  g_autoptr(HeraldSession) session = session_for (HERALD_DIALECT_FLASHSMS, herald_fake_flashsms_get_base_url (fake), FLASH_KEY);
  GtkWidget *page = herald_history_page_new ();
  GtkWidget *toggle = NULL;
  gpointer failed_query[] = { fake, "status=FAILED", "/sms" };
  gpointer purchase_query[] = { fake, "type=PURCHASE", "/transactions" };
  GtkDropDown *state, *type;

  herald_history_page_set_session (HERALD_HISTORY_PAGE (page), session);
  show_in_window (page);
  g_assert_true (wait_until (history_loaded, page));

  /* The state filter: only the failed message. */
  state = GTK_DROP_DOWN (find_type (page, GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (state, 4);
  g_assert_true (wait_until (requested_query, failed_query));
  g_assert_true (wait_until (list_done, page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (herald_history_page_get_list (HERALD_HISTORY_PAGE (page)))), ==, 1);
  g_assert_true (wait_label (page, "body", "Wrong numbers"));
  g_assert_false (shows_label (page, "body", "Opening hours changed"));

  /* Transactions, purchases only: 4 of the 12. */
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_parent (find_type (page, GTK_TYPE_TOGGLE_BUTTON)));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    toggle = w;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  g_assert_true (wait_until (list_done, page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (herald_history_page_get_list (HERALD_HISTORY_PAGE (page)))), ==, 12);
  type = GTK_DROP_DOWN (gtk_widget_get_next_sibling (GTK_WIDGET (state)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (type)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (state)));
  gtk_drop_down_set_selected (type, 1);
  g_assert_true (wait_until (requested_query, purchase_query));
  g_assert_true (wait_until (list_done, page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (herald_history_page_get_list (HERALD_HISTORY_PAGE (page)))), ==, 4);
  drain ();
  g_assert_true (wait_label (page, "title", "Purchase"));
  g_assert_false (shows_label (page, "title", "Usage"));

  close_all_windows ();
}

static void
test_history_local_record (void)
{
  g_autofree char *key = NULL;
  g_autoptr(HeraldFakeFlixysms) fake = flixysms_fake (&key);
  g_autoptr(HeraldSession) session = session_for (HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (fake), key);
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new ("See you at nine");
  g_autoptr(HeraldSendReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page = herald_history_page_new ();
  HeraldMessageLog *log = herald_session_get_message_log (session);
  GAsyncResult *res = NULL;
  HeraldPagedList *list;

  /* Two messages sent from Herald, recorded as queued. */
  herald_outgoing_add_recipient (outgoing, "0241234567");
  herald_outgoing_add_recipient (outgoing, "0201234567");
  herald_logged_send_async (log, herald_session_get_provider (session),
                                 herald_session_get_active_account_id (session), outgoing, NULL,
                                 herald_test_async_done, &res);
  herald_test_wait (&res);
  report = herald_logged_send_finish (log, res, &error);
  g_assert_no_error (error);
  g_clear_object (&res);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, 2);

  herald_history_page_set_session (HERALD_HISTORY_PAGE (page), session);
  show_in_window (page);
  g_assert_true (wait_until (history_loaded, page));
  list = herald_history_page_get_list (HERALD_HISTORY_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_true (wait_label (page, "title", "+233241234567"));
  g_assert_true (wait_label (page, "caption", "Queued"));
  /* FlixySMS has no transactions: no switch between views. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (find_type (page, GTK_TYPE_TOGGLE_BUTTON))));

  /* Delivered meanwhile; Refresh Status asks and the rows follow. */
  herald_fake_flixysms_advance_all (fake);
  herald_fake_flixysms_advance_all (fake);
  gtk_widget_activate_action (page, "history.refresh-status", NULL);
  g_assert_true (wait_label (page, "caption", "Delivered"));
  g_assert_false (shows_label (page, "caption", "Queued"));
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_STATUS), ==, 2);

  close_all_windows ();
}

/* The page follows the session it is given and only that one: a change in
 * the session it left does not reach it. */
static void
test_history_follows_the_session (void)
{
  g_autoptr(HeraldFakeFlashsms) flash = flashsms_fake ();
  g_autofree char *key = NULL;
  g_autoptr(HeraldFakeFlixysms) flixy = flixysms_fake (&key);
  g_autoptr(HeraldSession) first = session_for (HERALD_DIALECT_FLASHSMS, herald_fake_flashsms_get_base_url (flash),
                                                FLASH_KEY);
  g_autoptr(HeraldSession) second = session_for (HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (flixy),
                                                 key);
  GtkWidget *page = herald_history_page_new ();
  HeraldPagedList *list;

  herald_history_page_set_session (HERALD_HISTORY_PAGE (page), first);
  show_in_window (page);
  g_assert_true (wait_until (history_loaded, page));
  list = herald_history_page_get_list (HERALD_HISTORY_PAGE (page));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == HERALD_TYPE_BOXED_ITEM);

  /* FlixySMS keeps no history: the page lists Herald's own record. */
  herald_history_page_set_session (HERALD_HISTORY_PAGE (page), second);
  g_assert_true (wait_until (history_loaded, page));
  list = g_object_ref (herald_history_page_get_list (HERALD_HISTORY_PAGE (page)));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == HERALD_TYPE_LOGGED_MESSAGE);

  /* The session left behind announces a new provider: nothing happens. */
  g_object_notify (G_OBJECT (first), "provider");
  g_assert_true (herald_history_page_get_list (HERALD_HISTORY_PAGE (page)) == list);

  /* The session shown does: the list is made again. */
  g_object_notify (G_OBJECT (second), "provider");
  g_assert_nonnull (herald_history_page_get_list (HERALD_HISTORY_PAGE (page)));
  g_assert_true (herald_history_page_get_list (HERALD_HISTORY_PAGE (page)) != list);

  g_object_unref (list);
  close_all_windows ();
}

/* The mapped status page under @widget, if any. */
static AdwStatusPage *
shown_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget))
    return ADW_STATUS_PAGE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = shown_status_page (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
status_titled (gpointer data)
{
  gpointer *args = data;
  AdwStatusPage *status = shown_status_page (args[0]);

  return status != NULL && g_strcmp0 (adw_status_page_get_title (status), args[1]) == 0;
}

static void
test_history_empty (void)
{
  g_autofree char *key = NULL;
  g_autoptr(HeraldFakeFlixysms) fake = flixysms_fake (&key);
  g_autoptr(HeraldSession) session = session_for (HERALD_DIALECT_FLIXYSMS, herald_fake_flixysms_get_base_url (fake), key);
  GtkWidget *page = herald_history_page_new ();
  gpointer nothing_sent[] = { page, "Nothing Sent Yet" };
  gpointer nothing_matches[] = { page, "Nothing Here" };
  AdwStatusPage *status;

  /* Nothing sent and no filter: say so, and how to send. */
  herald_history_page_set_session (HERALD_HISTORY_PAGE (page), session);
  show_in_window (page);
  g_assert_true (wait_until (list_done, page));
  g_assert_true (wait_until (status_titled, nothing_sent));
  status = shown_status_page (page);
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "Compose"));

  /* A filter that hides everything is named as the cause. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_type (page, GTK_TYPE_DROP_DOWN)), 1);
  g_assert_true (wait_until (list_done, page));
  g_assert_true (wait_until (status_titled, nothing_matches));
  g_assert_cmpstr (adw_status_page_get_description (shown_status_page (page)), ==, "Nothing matches these filters.");

  /* Back to "All": nothing sent, again. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_type (page, GTK_TYPE_DROP_DOWN)), 0);
  g_assert_true (wait_until (list_done, page));
  g_assert_true (wait_until (status_titled, nothing_sent));

  close_all_windows ();
}

int
main (int argc, char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  db_dir = g_dir_make_tmp ("herald-ui-XXXXXX", NULL);

  g_test_add_func ("/inbox/pages-as-you-scroll", test_inbox_pages);
  g_test_add_func ("/inbox/filter-by-sender", test_inbox_filter_sender);
  g_test_add_func ("/inbox/flashsms-has-none", test_inbox_flashsms);
  g_test_add_func ("/inbox/notifications-follow-setting", test_inbox_notifications_setting);
  g_test_add_func ("/inbox/one-watcher-for-all-windows", test_inbox_one_watcher);
  g_test_add_func ("/history/delivery-report", test_history_report);
  g_test_add_func ("/history/filters", test_history_filters);
  g_test_add_func ("/history/local-record", test_history_local_record);
  g_test_add_func ("/history/empty-says-why", test_history_empty);
  g_test_add_func ("/history/follows-the-session", test_history_follows_the_session);

  status = g_test_run ();
  g_free (db_dir);

  return status;
}
