/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The main window under Xvfb: every section opens, on a wide and on a
 * phone-sized window, and the secondary windows open from their actions. */
#include "config.h"

#include <adwaita.h>

#include "herald-application.h"
#include "herald-preferences-window.h"
#include "herald-window.h"
#include "session/herald-paths.h"

typedef struct
{
  const char *id;
  const char *title;   /* the page's empty-state title */
  const char *says;    /* what its description must say */
} ExpectedSection;

/* Written out here, not taken from the window, so a missing or renamed
 * section fails the test. */
static const ExpectedSection expected[] = {
  { "compose", "No Account Yet", "Sending needs a FlixySMS or FlashSMS account" },
  { "campaigns", "No Campaigns Yet", "sends a message or a template to many contacts" },
  { "contacts", "No Contacts Yet", "imported from CSV or vCard files" },
  { "templates", "No Templates Yet", "reusable messages with placeholders" },
  { "inbox", "No Messages Yet", "Replies received" },
  { "history", "No Sent Messages", "Messages sent from Herald" },
  /* no session: the page waits for one before asking ModemManager */
  { "devices", "Looking for Modems", "Asking ModemManager" },
};

/* The shortcuts window's entries: a title and the accelerator it shows,
 * or the action whose accelerator it shows. */
typedef struct
{
  const char *title;
  const char *accelerator;
  const char *action;
  gboolean    app_accel;   /* the accelerator is the application's */
} ExpectedShortcut;

static const ExpectedShortcut expected_shortcuts[] = {
  { "Show Shortcuts", NULL, "win.show-help-overlay", TRUE },
  { "Preferences", NULL, "app.preferences", TRUE },
  { "Switch Account", NULL, "win.show-accounts", TRUE },
  { "Close Window", NULL, "window.close", TRUE },
  { "Quit", NULL, "app.quit", TRUE },
  { "Send the Message", "<Primary>Return", NULL, FALSE },
  { "New Message", "<Primary>n", NULL, TRUE },
  { "Compose", "<Alt>1", NULL, TRUE },
  { "Campaigns", "<Alt>2", NULL, TRUE },
  { "Contacts", "<Alt>3", NULL, TRUE },
  { "Templates", "<Alt>4", NULL, TRUE },
  { "Inbox", "<Alt>5", NULL, TRUE },
  { "History", "<Alt>6", NULL, TRUE },
  { "Devices", "<Alt>7", NULL, TRUE },
  { "Back to the Sections", "<Alt>Left", NULL, TRUE },
  { "Refresh", "F5 <Primary>r", NULL, FALSE },
};

/* Iterates the main context until check() holds or 5 s pass. */
static gboolean
wait_until (gboolean (*check) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

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

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
leaflet_is_folded (gpointer data)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (data));
}

static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* Saves what the window shows when HERALD_SCREENSHOT_DIR is set (for people
 * reviewing the UI; the assertions do not depend on it). */
static void
maybe_screenshot (GtkWidget *window, const char *name)
{
  const char *dir = g_getenv ("HERALD_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  GskRenderer *renderer;
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

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
}

/* One application for the whole program, as in a real session: each test
 * opens its window by activating it and closes every window at its end. */
static HeraldApplication *app;

static HeraldWindow *
open_window (void)
{
  GtkWindow *window;

  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_application_activate (G_APPLICATION (app));

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (HERALD_IS_WINDOW (window));
  g_assert_true (wait_until (window_is_mapped, window));

  return HERALD_WINDOW (window);
}

/* Destroys every window and checks each one is finalized: a reference
 * Herald's code keeps by mistake fails here, which LeakSanitizer cannot
 * show for widgets (see build-aux/lsan.supp). */
static void
close_all_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
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

/* The sidebar, told from the pages' own list boxes by its style class. */
static GtkListBox *
find_sidebar (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar"))
    return GTK_LIST_BOX (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_sidebar (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
check_section (HeraldWindow *window, guint index)
{
  GtkStack *stack = GTK_STACK (find_descendant (GTK_WIDGET (window), GTK_TYPE_STACK));
  GtkListBox *sidebar = find_sidebar (GTK_WIDGET (window));
  GtkWidget *page;

  g_assert_cmpstr (herald_window_get_section (window), ==, expected[index].id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, expected[index].id);

  page = gtk_stack_get_visible_child (stack);
  /* A page of its own shows its empty state without an account. */
  if (!ADW_IS_STATUS_PAGE (page))
    page = find_descendant (page, ADW_TYPE_STATUS_PAGE);
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_true (gtk_widget_get_visible (page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, expected[index].title);
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), expected[index].says));

  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (sidebar)), ==, index);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_selected_row (sidebar))), ==, expected[index].id);
}

static void
test_window_every_section (void)
{
  g_autofree char *saved = NULL;
  HeraldWindow *window = open_window ();
  g_auto(GStrv) ids = herald_window_list_sections (window);
  GtkListBox *sidebar = find_sidebar (GTK_WIDGET (window));

  g_assert_cmpuint (g_strv_length (ids), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (ids[i], ==, expected[i].id);

  /* Through the sidebar, as a click does. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_signal_emit_by_name (gtk_list_box_get_row_at_index (sidebar, (int) i), "activate");
      drain ();
      check_section (window, i);
      maybe_screenshot (GTK_WIDGET (window), expected[i].id);
    }

  /* Through the actions the Alt+N shortcuts trigger, in reverse order. */
  for (guint i = G_N_ELEMENTS (expected); i-- > 0;)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s",
                                                 expected[i].id));
      drain ();
      check_section (window, i);
    }

  /* The last section is remembered for the next start. */
  saved = g_settings_get_string (herald_application_get_settings (app), "last-section");
  g_assert_cmpstr (saved, ==, "compose");

  /* Ctrl+N's action works from any section: it brings Compose back. */
  herald_window_set_section (window, "inbox");
  drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-message", NULL));
  drain ();
  g_assert_cmpstr (herald_window_get_section (window), ==, "compose");
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.new-message");

    g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>n"));
  }
  /* Alt+1 … Alt+7 follow the sidebar's order, which is the stack's. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.section('%s')", expected[i].id);
      g_autofree char *alt = g_strdup_printf ("<Alt>%u", i + 1);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), detailed);

      g_assert_true (g_strv_contains ((const char * const *) accels, alt));
    }

  close_all_windows ();
}

static void
test_window_narrow (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HeraldWindow *window;
  AdwLeaflet *leaflet;
  GtkWidget *stack;

  /* A phone-sized window, as Linux phones running ModemManager have. */
  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 720);
  g_settings_set_string (settings, "last-section", "inbox");

  window = open_window ();
  leaflet = ADW_LEAFLET (find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  g_assert_true (wait_until (leaflet_is_folded, leaflet));
  drain ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);

  /* Folded, the window starts on the list of sections… */
  g_assert_cmpstr (herald_window_get_section (window), ==, "inbox");
  stack = find_descendant (GTK_WIDGET (window), GTK_TYPE_STACK);
  g_assert_false (gtk_widget_is_ancestor (stack, adw_leaflet_get_visible_child (leaflet)));
  maybe_screenshot (GTK_WIDGET (window), "narrow-sections");

  /* …picking one shows its page, and Back returns to the list. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      herald_window_set_section (window, expected[i].id);
      drain ();
      check_section (window, i);
      g_assert_true (gtk_widget_is_ancestor (stack, adw_leaflet_get_visible_child (leaflet)));
      if (i == 0)
        maybe_screenshot (GTK_WIDGET (window), "narrow-compose");

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
      drain ();
      g_assert_false (gtk_widget_is_ancestor (stack, adw_leaflet_get_visible_child (leaflet)));
    }

  close_all_windows ();
}

/* The entries of the window's sections (its search page holds copies). */
static void
collect_shortcuts (GtkWidget *widget, GPtrArray *found, gboolean in_section)
{
  in_section = in_section || GTK_IS_SHORTCUTS_SECTION (widget);
  if (in_section && GTK_IS_SHORTCUTS_SHORTCUT (widget))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, found, in_section);
}

/* Every entry of the shortcuts window, and no other, with the key it
 * shows; the keys that the application binds are bound. */
static void
check_shortcuts_window (GtkWidget *shortcuts)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_shortcuts (shortcuts, found, FALSE);
  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (expected_shortcuts));

  for (guint i = 0; i < G_N_ELEMENTS (expected_shortcuts); i++)
    {
      const ExpectedShortcut *e = &expected_shortcuts[i];
      gboolean listed = FALSE;

      for (guint j = 0; j < found->len && !listed; j++)
        {
          g_autofree char *title = NULL;
          g_autofree char *accelerator = NULL;
          g_autofree char *action = NULL;

          g_object_get (found->pdata[j], "title", &title, "accelerator", &accelerator,
                        "action-name", &action, NULL);
          listed = g_strcmp0 (title, e->title) == 0 &&
                   (e->accelerator == NULL || g_strcmp0 (accelerator, e->accelerator) == 0) &&
                   (e->action == NULL || g_strcmp0 (action, e->action) == 0);
        }
      if (!listed)
        g_error ("the shortcuts window does not list \"%s\"", e->title);

      if (e->app_accel && e->action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), e->action);

          g_assert_cmpuint (g_strv_length (accels), >, 0);
        }
      else if (e->app_accel)
        {
          g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app),
                                                                         e->accelerator);

          g_assert_cmpuint (g_strv_length (actions), >, 0);
        }
    }
}

static void
test_window_secondary_windows (void)
{
  HeraldWindow *window = open_window ();
  GtkWidget *preferences, *about, *shortcuts;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences-page",
                                  g_variant_new_string ("accounts"));
  drain ();
  preferences = find_toplevel (HERALD_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (preferences)),
                   ==, "accounts");
  gtk_window_destroy (GTK_WINDOW (preferences));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  drain ();
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, herald_get_version ());
  gtk_window_destroy (GTK_WINDOW (about));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  drain ();
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  check_shortcuts_window (shortcuts);

  close_all_windows ();
}

static void
test_preferences_bind_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HeraldPreferencesWindow *preferences = herald_preferences_window_new (settings, NULL);
  GtkSpinButton *spin;

  g_settings_set_uint (settings, "send-confirm-threshold", 75);
  spin = GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 75);

  gtk_spin_button_set_value (spin, 120);
  g_assert_cmpuint (g_settings_get_uint (settings, "send-confirm-threshold"), ==, 120);

  gtk_window_destroy (GTK_WINDOW (preferences));
  drain ();
}

static gboolean
app_has_session (gpointer data)
{
  return herald_application_get_session (data) != NULL;
}

/* The application, not a window, turns the session's inbox watcher on and
 * off with the setting; a second window changes nothing to that. */
static void
test_window_inbox_watch_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HeraldSession *session;
  GtkWidget *second;

  g_assert_true (wait_until (app_has_session, app));
  session = herald_application_get_session (app);

  g_settings_set_boolean (settings, "notify-new-messages", TRUE);
  g_assert_true (herald_session_get_watch_inbox (session));
  open_window ();
  second = GTK_WIDGET (herald_window_new (app));
  gtk_window_present (GTK_WINDOW (second));
  g_assert_true (wait_until (window_is_mapped, second));
  g_assert_true (herald_session_get_watch_inbox (session));

  g_settings_set_boolean (settings, "notify-new-messages", FALSE);
  g_assert_false (herald_session_get_watch_inbox (session));
  gtk_window_destroy (GTK_WINDOW (second));
  drain ();
  g_settings_set_boolean (settings, "notify-new-messages", TRUE);
  g_assert_true (herald_session_get_watch_inbox (session));

  close_all_windows ();
  /* closing every window does not stop it either */
  g_assert_true (herald_session_get_watch_inbox (session));
  g_settings_set_boolean (settings, "notify-new-messages", FALSE);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = herald_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  /* The tests stand in for g_application_run(): keep the app from quitting. */
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/window/every-section", test_window_every_section);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/secondary-windows", test_window_secondary_windows);
  g_test_add_func ("/preferences/bind-settings", test_preferences_bind_settings);
  g_test_add_func ("/window/inbox-watch-follows-setting", test_window_inbox_watch_setting);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
