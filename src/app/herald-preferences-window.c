/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-preferences-window"

#include "config.h"

#include "herald-accounts-page.h"
#include "herald-preferences-window.h"

struct _HeraldPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  HeraldSession        *session;

  /* template children */
  GtkSpinButton        *confirm_threshold_spin;
  GtkSwitch            *notify_switch;
};

G_DEFINE_FINAL_TYPE (HeraldPreferencesWindow, herald_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

HeraldPreferencesWindow *
herald_preferences_window_new (GSettings *settings,
                               GtkWindow *parent)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (HERALD_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

void
herald_preferences_window_show_page (HeraldPreferencesWindow *self,
                                     const char              *page)
{
  g_return_if_fail (HERALD_IS_PREFERENCES_WINDOW (self));

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), page);
}

HeraldSession *
herald_preferences_window_get_session (HeraldPreferencesWindow *self)
{
  g_return_val_if_fail (HERALD_IS_PREFERENCES_WINDOW (self), NULL);

  return self->session;
}

void
herald_preferences_window_set_session (HeraldPreferencesWindow *self,
                                       HeraldSession           *session)
{
  g_return_if_fail (HERALD_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (session == NULL || HERALD_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

static void
herald_preferences_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  HeraldPreferencesWindow *self = HERALD_PREFERENCES_WINDOW (object);

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
herald_preferences_window_constructed (GObject *object)
{
  HeraldPreferencesWindow *self = HERALD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (herald_preferences_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "send-confirm-threshold",
                   self->confirm_threshold_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-new-messages",
                   self->notify_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

static void
herald_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  HeraldPreferencesWindow *self = HERALD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      herald_preferences_window_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_preferences_window_dispose (GObject *object)
{
  HeraldPreferencesWindow *self = HERALD_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (herald_preferences_window_parent_class)->dispose (object);
}

static void
herald_preferences_window_class_init (HeraldPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = herald_preferences_window_constructed;
  object_class->get_property = herald_preferences_window_get_property;
  object_class->set_property = herald_preferences_window_set_property;
  object_class->dispose = herald_preferences_window_dispose;

  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         HERALD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HERALD_TYPE_ACCOUNTS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/herald-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldPreferencesWindow, confirm_threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, HeraldPreferencesWindow, notify_switch);
}

static void
herald_preferences_window_init (HeraldPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
