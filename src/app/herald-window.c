/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-window"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-account-dialog.h"
#include "herald-format.h"
#include "herald-window.h"
#include "herald-campaigns-page.h"
#include "herald-compose-page.h"
#include "herald-contacts-page.h"
#include "herald-devices-page.h"
#include "herald-history-page.h"
#include "herald-inbox-page.h"
#include "herald-templates-page.h"

struct _HeraldWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  HeraldSession        *session;

  /* template children */
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwWindowTitle       *content_title;
  GtkMenuButton        *account_button;
  AdwWindowTitle       *sidebar_title;
  GMenu                *account_section;
  GtkWidget            *welcome_page;

  GSignalGroup         *session_signals;
  GSignalGroup         *store_signals;
  gboolean              close_confirmed;   /* campaigns: the person chose */
};

G_DEFINE_FINAL_TYPE (HeraldWindow, herald_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The sections are the stack's pages in herald-window.ui, in sidebar order:
 * each GtkStackPage's name, title and icon-name make its sidebar row, its
 * Alt+N shortcut and the content title. A new section is one page there. */

static GtkStackPage *
find_section (HeraldWindow *self,
              const char   *id,
              int          *index)
{
  g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (self->stack));

  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      /* GTK 4.8 declares no autoptr for GtkStackPage; the stack keeps
       * the page alive after this reference is dropped. */
      g_autoptr(GObject) item = g_list_model_get_item (pages, i);
      GtkStackPage *page = GTK_STACK_PAGE (item);

      if (g_strcmp0 (gtk_stack_page_get_name (page), id) == 0)
        {
          *index = (int) i;
          return page;
        }
    }

  return NULL;
}

char **
herald_window_list_sections (HeraldWindow *self)
{
  g_autoptr(GListModel) pages = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  g_return_val_if_fail (HERALD_IS_WINDOW (self), NULL);

  pages = G_LIST_MODEL (gtk_stack_get_pages (self->stack));
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (pages, i);

      g_strv_builder_add (ids, gtk_stack_page_get_name (GTK_STACK_PAGE (page)));
    }

  return g_strv_builder_end (ids);
}

HeraldWindow *
herald_window_new (HeraldApplication *application)
{
  HeraldWindow *self = g_object_new (HERALD_TYPE_WINDOW,
                                     "application", application,
                                     NULL);

  /* "application" is not a construct property: constructed() runs before
   * it is set, so the session is bound here. */
  if (application != NULL && self->session == NULL)
    g_object_bind_property (application, "session", self, "session", G_BINDING_SYNC_CREATE);

  return self;
}

const char *
herald_window_get_section (HeraldWindow *self)
{
  g_return_val_if_fail (HERALD_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
herald_window_set_section (HeraldWindow *self,
                           const char   *section)
{
  GtkStackPage *page;
  GtkListBoxRow *row;
  int index = -1;

  g_return_if_fail (HERALD_IS_WINDOW (self));

  page = find_section (self, section, &index);
  if (page == NULL)
    {
      g_warning ("Unknown section “%s”", section);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, section);
  adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (page));

  row = gtk_list_box_get_row_at_index (self->sidebar, index);
  if (gtk_list_box_get_selected_row (self->sidebar) != row)
    gtk_list_box_select_row (self->sidebar, row);

  /* On a narrow window the sidebar and the page are one stack: show the page. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-section", section);

  g_action_group_change_action_state (G_ACTION_GROUP (self), "section",
                                      g_variant_new_string (section));
}

static void
section_action_change_state (GSimpleAction *action,
                             GVariant      *value,
                             gpointer       user_data)
{
  HeraldWindow *self = user_data;
  const char *section = g_variant_get_string (value, NULL);
  int index;

  if (find_section (self, section, &index) == NULL)
    return;

  g_simple_action_set_state (action, value);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), section) != 0)
    herald_window_set_section (self, section);
}

static void
back_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  HeraldWindow *self = user_data;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Ctrl+N from anywhere in the window: Compose, with a fresh message (the
 * page itself answers Ctrl+N too while it has the focus). */
static void
new_message_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HeraldWindow *self = user_data;
  GtkWidget *page;

  herald_window_set_section (self, "compose");
  page = gtk_stack_get_child_by_name (self->stack, "compose");
  if (page != NULL)
    gtk_widget_activate_action (page, "compose.new", NULL);
}

/* ---- accounts: the header's switcher and the first-run welcome ---------- */

static HeraldAccountStore *
get_account_store (HeraldWindow *self)
{
  return self->session != NULL ? herald_session_get_account_store (self->session) : NULL;
}

/* Without accounts the compose section can do nothing: it welcomes instead
 * (the other sections work without one). */
static void
update_welcome (HeraldWindow *self)
{
  HeraldAccountStore *store = get_account_store (self);
  gboolean welcome;

  if (self->session_signals == NULL)
    return;   /* disposed: the stack is being torn down */

  welcome = store != NULL &&
            g_list_model_get_n_items (G_LIST_MODEL (store)) == 0 &&
            g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "compose") == 0;

  gtk_widget_set_visible (self->welcome_page, welcome);
  gtk_widget_set_visible (GTK_WIDGET (self->stack), !welcome);
}

/* "Shop · 1,250 credits" under the app's name. */
static void
update_account_header (HeraldWindow *self)
{
  HeraldAccount *account = self->session != NULL
                           ? herald_session_get_active_account (self->session) : NULL;
  g_autofree char *subtitle = NULL;
  gboolean has_credits = FALSE;

  if (account != NULL)
    {
      gint64 balance = herald_session_get_balance (self->session);

      has_credits = herald_dialect_get_info (herald_account_get_dialect (account))->has_credits;
      if (balance >= 0)
        {
          g_autofree char *credits = herald_format_credits (balance);

          subtitle = g_strdup_printf ("%s · %s", herald_account_get_name (account), credits);
        }
      else
        subtitle = g_strdup (herald_account_get_name (account));
    }

  adw_window_title_set_subtitle (self->sidebar_title, subtitle != NULL ? subtitle : "");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "refresh-balance")),
                               has_credits);
}

static void
sync_active_account (HeraldWindow *self)
{
  const char *id = self->session != NULL
                   ? herald_session_get_active_account_id (self->session) : NULL;
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "active-account");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (id != NULL ? id : ""));
  update_account_header (self);
}

static void
rebuild_account_menu (HeraldWindow *self)
{
  HeraldAccountStore *store = get_account_store (self);
  guint n = store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (store)) : 0;

  g_menu_remove_all (self->account_section);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldAccount) account = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autoptr(GMenuItem) item = g_menu_item_new (herald_account_get_name (account), NULL);

      g_menu_item_set_action_and_target (item, "win.active-account", "s",
                                         herald_account_get_id (account));
      g_menu_append_item (self->account_section, item);
    }

  if (n == 0)
    g_menu_append (self->account_section, _("No accounts yet"), "win.no-account");

  update_welcome (self);
  update_account_header (self);
}

static void
session_changed (HeraldWindow *self)
{
  g_signal_group_set_target (self->session_signals, self->session);
  g_signal_group_set_target (self->store_signals, get_account_store (self));
  rebuild_account_menu (self);
  sync_active_account (self);
}

static void
active_account_change_state (GSimpleAction *action,
                             GVariant      *value,
                             gpointer       user_data)
{
  HeraldWindow *self = user_data;

  if (self->session != NULL)
    herald_session_set_active_account_id (self->session, g_variant_get_string (value, NULL));
  /* The session decides (an unknown id falls back); notify brings its choice. */
  sync_active_account (self);
}

static void
refresh_balance_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  HeraldWindow *self = user_data;

  if (self->session != NULL)
    herald_session_refresh_balance (self->session);
}

static void
account_added (HeraldWindow  *self,
               HeraldAccount *account)
{
  /* Someone who just added an account means to use it. */
  if (self->session != NULL)
    herald_session_set_active_account_id (self->session, herald_account_get_id (account));
}

static void
add_account_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HeraldWindow *self = user_data;
  HeraldAccountDialog *dialog;

  if (get_account_store (self) == NULL)
    return;

  dialog = herald_account_dialog_new (get_account_store (self), NULL, GTK_WINDOW (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (account_added), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_accounts_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  HeraldWindow *self = user_data;

  /* When folded, the switcher is on the sidebar's header. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_menu_button_popup (self->account_button);
}

static void
herald_window_init_accounts (HeraldWindow *self)
{
  self->session_signals = g_signal_group_new (HERALD_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::active-account-id",
                                  G_CALLBACK (sync_active_account), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::active-account",
                                  G_CALLBACK (update_account_header), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::balance",
                                  G_CALLBACK (update_account_header), self);

  self->store_signals = g_signal_group_new (HERALD_TYPE_ACCOUNT_STORE);
  g_signal_group_connect_swapped (self->store_signals, "items-changed",
                                  G_CALLBACK (rebuild_account_menu), self);
  g_signal_group_connect_swapped (self->store_signals, "account-updated",
                                  G_CALLBACK (rebuild_account_menu), self);

  g_signal_connect (self, "notify::session", G_CALLBACK (session_changed), NULL);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (update_welcome), self);
  session_changed (self);
}

static const GActionEntry win_actions[] = {
  { "section", NULL, "s", "'compose'", section_action_change_state },
  { "back", back_action },
  { "new-message", new_message_action },
  { "active-account", NULL, "s", "''", active_account_change_state },
  { "refresh-balance", refresh_balance_action },
  { "add-account", add_account_action },
  { "show-accounts", show_accounts_action },
};

void
herald_window_set_accels (GtkApplication *application)
{
  static const char *back_accels[] = { "<Alt>Left", NULL };
  static const char *accounts_accels[] = { "<Control><Shift>a", NULL };
  static const char *new_message_accels[] = { "<Control>n", NULL };

  gtk_application_set_accels_for_action (application, "win.back", back_accels);
  gtk_application_set_accels_for_action (application, "win.show-accounts", accounts_accels);
  gtk_application_set_accels_for_action (application, "win.new-message", new_message_accels);
}

static void
sidebar_row_activated (HeraldWindow  *self,
                       GtkListBoxRow *row)
{
  herald_window_set_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* Alt+1 … Alt+9 jump to a section, in sidebar order. The accelerators are
 * the application's, set again (the same) by each window it gets. */
static void
set_section_accels (HeraldWindow *self,
                    GParamSpec   *pspec,
                    gpointer      user_data)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_auto(GStrv) ids = NULL;

  if (application == NULL)
    return;

  ids = herald_window_list_sections (self);
  for (guint i = 0; i < 9 && ids[i] != NULL; i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.section('%s')", ids[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *accels[] = { accel, NULL };

      gtk_application_set_accels_for_action (application, detailed, accels);
    }
}

static GtkWidget *
create_sidebar_row (GtkStackPage *page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
  GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, gtk_stack_page_get_name (page));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_stack_page_get_title (page),
                                  -1);

  return row;
}

static void
herald_window_restore_state (HeraldWindow *self)
{
  g_autofree char *last_section = NULL;
  int width, height, index;

  g_settings_get (self->settings, "window-width", "i", &width);
  g_settings_get (self->settings, "window-height", "i", &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_section = g_settings_get_string (self->settings, "last-section");
  if (find_section (self, last_section, &index) == NULL)
    g_clear_pointer (&last_section, g_free);

  herald_window_set_section (self, last_section != NULL ? last_section : "compose");
  /* Start on the sidebar when folded: a person picks where to go. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
close_now (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
keep_running_response_cb (HeraldWindow *self,
                          const char   *response)
{
  if (g_strcmp0 (response, "pause") == 0 && self->session != NULL)
    herald_campaign_runner_pause_all (herald_session_get_campaign_runner (self->session),
                                      _("Paused when Herald’s window was closed."));
  if (g_strcmp0 (response, "pause") == 0 || g_strcmp0 (response, "keep") == 0)
    {
      self->close_confirmed = TRUE;
      /* Once the dialog, transient for this window, is gone. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_now, g_object_ref (self), g_object_unref);
    }
}

/* Closing the last window while campaigns send: keep them sending in the
 * background (the application stays until they end) or pause them. */
static gboolean
ask_keep_running (HeraldWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  guint n_running;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->close_confirmed || self->session == NULL ||
      (app != NULL && g_list_length (gtk_application_get_windows (app)) > 1))
    return FALSE;
  n_running = herald_campaign_runner_get_n_running (herald_session_get_campaign_runner (self->session));
  if (n_running == 0)
    return FALSE;

  body = g_strdup_printf (g_dngettext (NULL, "A campaign is sending. Herald can go on in the background until it "
                                       "ends, or pause it; a paused campaign resumes from Campaigns.",
                                       "%u campaigns are sending. Herald can go on in the background until they "
                                       "end, or pause them; a paused campaign resumes from Campaigns.",
                                       n_running), n_running);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Keep Sending in the Background?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "pause", _("_Pause and Close"),
                                    "keep", _("_Keep Sending"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (keep_running_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
herald_window_close_request (GtkWindow *window)
{
  HeraldWindow *self = HERALD_WINDOW (window);
  int width, height;

  if (ask_keep_running (self))
    return TRUE;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (herald_window_parent_class)->close_request (window);
}

static void
herald_window_constructed (GObject *object)
{
  HeraldWindow *self = HERALD_WINDOW (object);
  GtkApplication *app;

  G_OBJECT_CLASS (herald_window_parent_class)->constructed (object);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (HERALD_IS_APPLICATION (app))
    {
      self->settings = g_object_ref (herald_application_get_settings (HERALD_APPLICATION (app)));
      /* the pages bind to the window's session, which follows the app's */
      g_object_bind_property (app, "session", self, "session", G_BINDING_SYNC_CREATE);
    }
  else
    self->settings = g_settings_new (APP_ID);

  herald_window_restore_state (self);
}

static void
herald_window_dispose (GObject *object)
{
  HeraldWindow *self = HERALD_WINDOW (object);

  g_clear_object (&self->settings);
  if (self->session_signals != NULL)
    {
      g_signal_group_set_target (self->session_signals, NULL);
      g_signal_group_set_target (self->store_signals, NULL);
    }
  g_clear_object (&self->session_signals);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (herald_window_parent_class)->dispose (object);
}

HeraldSession *
herald_window_get_session (HeraldWindow *self)
{
  g_return_val_if_fail (HERALD_IS_WINDOW (self), NULL);

  return self->session;
}

void
herald_window_set_session (HeraldWindow  *self,
                           HeraldSession *session)
{
  g_return_if_fail (HERALD_IS_WINDOW (self));
  g_return_if_fail (session == NULL || HERALD_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

static void
herald_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HeraldWindow *self = HERALD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HeraldWindow *self = HERALD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      herald_window_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_window_class_init (HeraldWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = herald_window_constructed;
  object_class->dispose = herald_window_dispose;
  object_class->get_property = herald_window_get_property;
  object_class->set_property = herald_window_set_property;
  window_class->close_request = herald_window_close_request;

  g_type_ensure (HERALD_TYPE_COMPOSE_PAGE);
  g_type_ensure (HERALD_TYPE_DEVICES_PAGE);

  /* The session the pages work with (HeraldSession, nullable: it arrives
   * once the database is open). */
  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, HERALD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HERALD_TYPE_CAMPAIGNS_PAGE);
  g_type_ensure (HERALD_TYPE_INBOX_PAGE);
  g_type_ensure (HERALD_TYPE_HISTORY_PAGE);
  g_type_ensure (HERALD_TYPE_CONTACTS_PAGE);
  g_type_ensure (HERALD_TYPE_TEMPLATES_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/herald-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, account_section);
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, welcome_page);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated);
}

static void
herald_window_init (HeraldWindow *self)
{
  g_autoptr(GListModel) pages = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  pages = G_LIST_MODEL (gtk_stack_get_pages (self->stack));
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (pages, i);

      gtk_list_box_append (self->sidebar, create_sidebar_row (GTK_STACK_PAGE (page)));
    }
  g_signal_connect (self, "notify::application", G_CALLBACK (set_section_accels), NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  herald_window_init_accounts (self);
}
