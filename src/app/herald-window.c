#define G_LOG_DOMAIN "herald-window"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-window.h"
#include "herald-compose-page.h"

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
};

G_DEFINE_FINAL_TYPE (HeraldWindow, herald_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  const char *id;
  const char *title;
  const char *icon_name;
} HeraldSection;

/* The product's navigation, in sidebar order. The pages themselves are in
 * herald-window.ui, named by these ids. */
static const HeraldSection sections[] = {
  { "compose", N_("Compose"), "mail-message-new-symbolic" },
  { "campaigns", N_("Campaigns"), "mail-send-symbolic" },
  { "contacts", N_("Contacts"), "x-office-address-book-symbolic" },
  { "templates", N_("Templates"), "text-x-generic-symbolic" },
  { "inbox", N_("Inbox"), "mail-unread-symbolic" },
  { "history", N_("History"), "document-open-recent-symbolic" },
  { "devices", N_("Devices"), "phone-symbolic" },
};

static const char * const section_ids[] = {
  "compose", "campaigns", "contacts", "templates", "inbox", "history", "devices", NULL,
};

const char * const *
herald_window_list_sections (void)
{
  return section_ids;
}

static int
find_section (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].id, id) == 0)
      return (int) i;

  return -1;
}

HeraldWindow *
herald_window_new (HeraldApplication *application)
{
  return g_object_new (HERALD_TYPE_WINDOW,
                       "application", application,
                       NULL);
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
  GtkListBoxRow *row;
  int index;

  g_return_if_fail (HERALD_IS_WINDOW (self));

  index = find_section (section);
  if (index < 0)
    {
      g_warning ("Unknown section “%s”", section);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, section);
  adw_window_title_set_title (self->content_title, _(sections[index].title));

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

  if (find_section (section) < 0)
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

static const GActionEntry win_actions[] = {
  { "section", NULL, "s", "'compose'", section_action_change_state },
  { "back", back_action },
};

void
herald_window_set_accels (GtkApplication *application)
{
  static const char *back_accels[] = { "<Alt>Left", NULL };

  /* Alt+1 … Alt+7 jump to a section, in sidebar order. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.section('%s')", sections[i].id);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *accels[] = { accel, NULL };

      gtk_application_set_accels_for_action (application, detailed, accels);
    }

  gtk_application_set_accels_for_action (application, "win.back", back_accels);
}

static void
sidebar_row_activated (HeraldWindow  *self,
                       GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && index < (int) G_N_ELEMENTS (sections))
    herald_window_set_section (self, sections[index].id);
}

static GtkWidget *
create_sidebar_row (const HeraldSection *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (section->icon_name);
  GtkWidget *label = gtk_label_new (_(section->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, section->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(section->title),
                                  -1);

  return row;
}

static void
herald_window_restore_state (HeraldWindow *self)
{
  g_autofree char *last_section = NULL;
  int width, height;

  g_settings_get (self->settings, "window-width", "i", &width);
  g_settings_get (self->settings, "window-height", "i", &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_section = g_settings_get_string (self->settings, "last-section");
  if (find_section (last_section) < 0)
    g_clear_pointer (&last_section, g_free);

  herald_window_set_section (self, last_section != NULL ? last_section : "compose");
  /* Start on the sidebar when folded: a person picks where to go. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
herald_window_close_request (GtkWindow *window)
{
  HeraldWindow *self = HERALD_WINDOW (window);
  int width, height;

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

/* GObject sets "application" after constructed (it is no construct
 * property), so the window follows the app's session from here. */
static void
application_changed_cb (HeraldWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!HERALD_IS_APPLICATION (app))
    return;
  g_signal_handlers_disconnect_by_func (self, application_changed_cb, NULL);
  g_object_bind_property (app, "session", self, "session", G_BINDING_SYNC_CREATE);
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
    }
  else
    self->settings = g_settings_new (APP_ID);

  /* the pages bind to the window's session, which follows the app's */
  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);
  application_changed_cb (self);

  herald_window_restore_state (self);
}

static void
herald_window_dispose (GObject *object)
{
  HeraldWindow *self = HERALD_WINDOW (object);

  g_clear_object (&self->settings);
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

  /* The session the pages work with (HeraldSession, nullable: it arrives
   * once the database is open). */
  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, HERALD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/herald-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, account_button);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated);
}

static void
herald_window_init (HeraldWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_list_box_append (self->sidebar, create_sidebar_row (&sections[i]));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
}
