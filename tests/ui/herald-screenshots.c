/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-screenshots"

/* Writes the README's pictures: the real application against the fake
 * servers (started as programs, with their realistic seed data), each
 * screen at 1280×800 and 360×720. Run by build-aux/screenshots.sh inside
 * the test harness (Xvfb, keyring, private XDG tree):
 *
 *   herald-screenshots OUTPUT_DIR FAKE_FLASHSMS FAKE_FLIXYSMS
 */

#include <stdio.h>

#include <adwaita.h>

#include "herald-application.h"
#include "herald-preferences-window.h"
#include "herald-window.h"
#include "herald-test-mock-modem.h"
#include "herald-test-util.h"

#define FLASH_KEY "bms_live_herald_demo"
#define FLIXY_KEY "fx_live_herald_demo"

static HeraldApplication *app;
static const char *output_dir;

static void
drain_for (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

static gboolean
wait_for (gboolean (*condition) (gpointer), gpointer data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return condition (data);
}

static void
save (GtkWidget  *window,
      const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_printerr ("%s: nothing was drawn\n", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", output_dir, name);
  if (gdk_texture_save_to_png (texture, file))
    g_printerr ("%s (%d×%d)\n", file, width, height);
}

/* The first line a fake program prints is its base URL. */
static char *
start_fake (const char         *program,
            const char * const *args,
            GSubprocess       **process)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  char *url;

  g_ptr_array_add (argv, (gpointer) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  *process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  if (*process == NULL)
    g_error ("%s: %s", program, error->message);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (*process));
  url = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  if (url == NULL)
    g_error ("%s printed no URL: %s", program, error != NULL ? error->message : "end of output");
  return url;
}

static HeraldAccount *
add_account (HeraldSession *session,
             HeraldDialect  dialect,
             const char    *name,
             const char    *url,
             const char    *key)
{
  HeraldAccountStore *store = herald_session_get_account_store (session);
  g_autoptr(HeraldAccount) draft = herald_account_new (dialect, name);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldAccount *account;

  herald_account_set_base_url (draft, url);
  herald_account_set_region (draft, "GH");
  herald_account_store_add_async (store, draft, key, NULL, herald_test_async_done, &result);
  account = herald_account_store_add_finish (store, herald_test_wait (&result), &error);
  if (account == NULL)
    g_error ("Adding %s: %s", name, error->message);
  return account;
}

static gboolean
has_session (gpointer data)
{
  return herald_application_get_session (data) != NULL;
}

static gboolean
accounts_loaded (gpointer data)
{
  /* the session settles on an account once the store has loaded */
  return herald_session_get_active_account (data) != NULL ||
         g_list_model_get_n_items (G_LIST_MODEL (herald_session_get_account_store (data))) == 0;
}

static gboolean
has_provider (gpointer data)
{
  return herald_session_get_provider (data) != NULL;
}

/* Types into the first text field whose widget name is @name, if the page
 * has one (the shot is still useful without it). */
static gboolean
fill (GtkWidget  *widget,
      const char *name,
      const char *text)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    {
      if (GTK_IS_TEXT_VIEW (widget))
        {
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
          return TRUE;
        }
      if (GTK_IS_EDITABLE (widget))
        {
          gtk_editable_set_text (GTK_EDITABLE (widget), text);
          return TRUE;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (fill (child, name, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Any window but @main: the dialog a page opened. */
static GtkWindow *
find_other_window (GtkWindow *main)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != main && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* The delivery report of the newest message in History. */
static void
shoot_report (HeraldWindow *window,
              const char   *suffix,
              int           width,
              int           height)
{
  g_autofree char *name = g_strdup_printf ("report-%s", suffix);
  GtkWidget *list = find_list_view (GTK_WIDGET (window));
  GtkWindow *dialog;

  if (list == NULL)
    {
      g_printerr ("no history list\n");
      return;
    }
  g_signal_emit_by_name (list, "activate", 0);
  drain_for (1500);
  dialog = find_other_window (GTK_WINDOW (window));
  if (dialog == NULL)
    {
      g_printerr ("no report dialog\n");
      return;
    }
  gtk_window_set_default_size (dialog, width, height);
  drain_for (800);
  save (GTK_WIDGET (dialog), name);
  gtk_window_destroy (dialog);
  drain_for (200);
}

static void
shoot_window (HeraldWindow  *window,
              HeraldSession *session,
              HeraldAccount *flash,
              HeraldAccount *flixy,
              const char    *suffix)
{
  g_autofree char *name = NULL;

  herald_session_set_active_account_id (session, herald_account_get_id (flash));
  wait_for (has_provider, session);

  herald_window_set_section (window, "compose");
  fill (GTK_WIDGET (window), "recipients", "024 412 3456, 020 123 4567\n0555 123 456, 12345");
  fill (GTK_WIDGET (window), "message", "Fresh bread is out of the oven – 20% off all “family loaves” until noon!");
  drain_for (1500);
  name = g_strdup_printf ("compose-%s", suffix);
  save (GTK_WIDGET (window), name);

  herald_window_set_section (window, "history");
  drain_for (2000);
  g_free (name);
  name = g_strdup_printf ("history-%s", suffix);
  save (GTK_WIDGET (window), name);
  if (g_str_equal (suffix, "wide"))
    shoot_report (window, suffix, 640, 720);
  else
    shoot_report (window, suffix, 360, 720);

  herald_session_set_active_account_id (session, herald_account_get_id (flixy));
  wait_for (has_provider, session);
  herald_window_set_section (window, "inbox");
  drain_for (2000);
  g_free (name);
  name = g_strdup_printf ("inbox-%s", suffix);
  save (GTK_WIDGET (window), name);

  /* The mock's two modems: one at work, one disabled (its Enable button
   * and the reason it takes no work). */
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_0, "signal", g_variant_new_uint32 (78));
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "state", g_variant_new_string ("disabled"));
  herald_window_set_section (window, "devices");
  drain_for (1500);
  g_free (name);
  name = g_strdup_printf ("devices-%s", suffix);
  save (GTK_WIDGET (window), name);

  herald_window_set_section (window, "campaigns");
  drain_for (500);
  g_free (name);
  name = g_strdup_printf ("campaigns-%s", suffix);
  save (GTK_WIDGET (window), name);
}

/* ---- Contacts and Templates ---------------------------------------------- */

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
report_seed_error (GError **error)
{
  if (*error != NULL)
    g_printerr ("seeding the address book: %s\n", (*error)->message);
  g_clear_error (error);
}

/* A shop's customers (one of them opted out) and a template, once. */
static void
seed_address_book (HeraldSession *session)
{
  static const char *rows[][4] = {
    { "Ama", "Mensah", "+233244123456", "gold" },
    { "Kofi", "Annan", "+233201234567", "silver" },
    { "Akosua", "Boateng", "+233271112233", "gold" },
    { "Yaw", "Owusu", "+233555123456", "bronze" },
    { "Esi", "Asante", "+233246667788", "silver" },
    { "Kwame", "Nkrumah", "+233209998877", "gold" },
    { "Abena", "Darko", "+233241010101", "bronze" },
    { "Kojo", "Appiah", "+233262223344", "silver" },
  };
  static gboolean seeded;
  HeraldDatabase *database = herald_session_get_database (session);
  g_autoptr(HeraldContactStore) store = herald_contact_store_new (database);
  g_autoptr(HeraldOptoutStore) optouts = herald_optout_store_new (database);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  const char *opted_out[] = { "+233555123456", NULL };
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;

  if (seeded)
    return;
  seeded = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      HeraldContact *contact = herald_contact_new_full (rows[i][0], rows[i][1], rows[i][2], NULL);

      herald_contact_set_field (contact, "loyalty_tier", rows[i][3]);
      g_ptr_array_add (contacts, contact);
    }
  herald_contact_store_import_contacts_async (store, contacts, "Customers", NULL, herald_test_async_done, &res);
  import = herald_contact_store_import_finish (store, herald_test_wait (&res), &error);
  g_clear_object (&res);
  report_seed_error (&error);
  herald_optout_store_add_async (optouts, opted_out, "keyword", NULL, "STOP", NULL, herald_test_async_done, &res);
  herald_optout_store_change_finish (optouts, herald_test_wait (&res), &error);
  g_clear_object (&res);
  report_seed_error (&error);
  herald_contact_store_add_template_async (store, "Weekend offer",
                                           "Hi {{first_name}}, as a {{loyalty_tier}} member you get 20% off "
                                           "all family loaves this weekend. Reply STOP to opt out.",
                                           NULL, herald_test_async_done, &res);
  herald_contact_store_template_finish (store, herald_test_wait (&res), &error);
  g_clear_object (&res);
  report_seed_error (&error);
}

static void
shoot_contacts_and_templates (HeraldWindow  *window,
                              HeraldSession *session,
                              const char    *suffix)
{
  g_autofree char *name = NULL;
  GtkWidget *row;
  GtkWidget *contacts;

  seed_address_book (session);

  herald_window_set_section (window, "contacts");
  drain_for (1500);
  name = g_strdup_printf ("contacts-%s", suffix);
  save (GTK_WIDGET (window), name);

  herald_window_set_section (window, "templates");
  drain_for (800);
  row = find_named (GTK_WIDGET (window), "template-row");
  if (row != NULL)
    g_signal_emit_by_name (row, "activate");
  contacts = find_named (GTK_WIDGET (window), "preview-contact");
  if (contacts != NULL)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (contacts), 0);
  drain_for (800);
  g_free (name);
  name = g_strdup_printf ("templates-%s", suffix);
  save (GTK_WIDGET (window), name);
}

static GtkWindow *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (HERALD_IS_PREFERENCES_WINDOW (window))
        return window;
    }
  return NULL;
}

static void
shoot_preferences (const char *suffix,
                   int         width,
                   int         height)
{
  g_autofree char *name = g_strdup_printf ("accounts-%s", suffix);
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences-page", g_variant_new_string ("accounts"));
  drain_for (800);
  preferences = find_preferences ();
  if (preferences == NULL)
    {
      g_printerr ("no preferences window\n");
      return;
    }
  gtk_window_set_default_size (preferences, width, height);
  drain_for (800);
  save (GTK_WIDGET (preferences), name);
  gtk_window_destroy (preferences);
  drain_for (200);
}

static void
activate_cb (GApplication *application,
             gpointer      user_data)
{
  const char * const *fakes = user_data;
  const char *flash_args[] = { "--key", FLASH_KEY, NULL };
  const char *flixy_args[] = { "--key", FLIXY_KEY, NULL };
  g_autoptr(GSubprocess) flash_fake = NULL;
  g_autoptr(GSubprocess) flixy_fake = NULL;
  g_autofree char *flash_url = start_fake (fakes[0], flash_args, &flash_fake);
  g_autofree char *flixy_url = start_fake (fakes[1], flixy_args, &flixy_fake);
  g_autoptr(HeraldAccount) flash = NULL;
  g_autoptr(HeraldAccount) flixy = NULL;
  HeraldWindow *window;
  HeraldSession *session;

  g_application_hold (application);
  window = herald_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));

  wait_for (has_session, app);
  session = herald_application_get_session (app);
  wait_for (accounts_loaded, session);
  flash = add_account (session, HERALD_DIALECT_FLASHSMS, "Accra Fresh Market", flash_url, FLASH_KEY);
  flixy = add_account (session, HERALD_DIALECT_FLIXYSMS, "Workshop phones", flixy_url, FLIXY_KEY);

  shoot_window (window, session, flash, flixy, "wide");
  shoot_contacts_and_templates (window, session, "wide");
  shoot_preferences ("wide", 1280, 800);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  drain_for (800);
  shoot_window (window, session, flash, flixy, "narrow");
  shoot_contacts_and_templates (window, session, "narrow");
  shoot_preferences ("narrow", 360, 720);

  g_subprocess_force_exit (flash_fake);
  g_subprocess_force_exit (flixy_fake);
  g_printerr ("done\n");
  /* every window, so that the application ends */
  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    {
      g_autoptr(GtkWindow) left = g_list_model_get_item (gtk_window_get_toplevels (), 0);

      gtk_window_destroy (left);
    }
  g_application_release (application);
  /* the class handler would open a new window after this one */
  g_signal_stop_emission_by_name (application, "activate");
}

int
main (int   argc,
      char *argv[])
{
  char *app_argv[] = { argv[0], NULL };
  int status;

  if (argc != 4)
    {
      g_printerr ("Usage: %s OUTPUT_DIR FAKE_FLASHSMS FAKE_FLIXYSMS\n", argv[0]);
      return 2;
    }
  output_dir = argv[1];
  g_mkdir_with_parents (output_dir, 0755);

  app = herald_application_new ();
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), argv + 2);
  status = g_application_run (G_APPLICATION (app), 1, app_argv);
  g_clear_object (&app);
  return status;
}
