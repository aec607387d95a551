/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-application"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-application.h"
#include "herald-preferences-window.h"
#include "herald-window.h"

struct _HeraldApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  HeraldSession  *session;          /* NULL until the database is open */
  char           *session_error;    /* why there is none */
  GCancellable   *cancellable;
  GSignalGroup   *watcher_signals;  /* the session's inbox watcher */
  gboolean        held;             /* for the campaigns running */
};

G_DEFINE_FINAL_TYPE (HeraldApplication, herald_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SESSION_ERROR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

HeraldApplication *
herald_application_new (void)
{
  return g_object_new (HERALD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

GSettings *
herald_application_get_settings (HeraldApplication *self)
{
  g_return_val_if_fail (HERALD_IS_APPLICATION (self), NULL);

  return self->settings;
}

HeraldSession *
herald_application_get_session (HeraldApplication *self)
{
  g_return_val_if_fail (HERALD_IS_APPLICATION (self), NULL);

  return self->session;
}

const char *
herald_application_get_session_error (HeraldApplication *self)
{
  g_return_val_if_fail (HERALD_IS_APPLICATION (self), NULL);

  return self->session_error;
}

/* The one place that announces new messages: the session has one watcher
 * whatever the number of windows, and so one notification per arrival. */
static void
new_messages_cb (HeraldApplication *self,
                 GListModel        *messages)
{
  guint n = g_list_model_get_n_items (messages);
  g_autoptr(HeraldReceivedMessage) newest = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;

  if (n == 0)
    return;

  newest = g_list_model_get_item (messages, n - 1);
  if (n == 1)
    title = g_strdup_printf (_("New message from %s"), herald_received_message_get_from (newest));
  else
    title = g_strdup_printf (ngettext ("%u new message", "%u new messages", n), n);

  notification = g_notification_new (title);
  g_notification_set_body (notification, herald_received_message_get_text (newest));
  g_application_send_notification (G_APPLICATION (self), "new-messages", notification);
}

static void
session_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HeraldApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!herald_session_load_finish (HERALD_SESSION (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_warning ("Could not read the accounts: %s", error->message);
      g_free (self->session_error);
      self->session_error = g_strdup (error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION_ERROR]);
    }
}

/* A campaign goes on when its last window is closed: the application
 * stays (in the background) until none runs. */
static void
campaigns_changed_cb (HeraldApplication *self)
{
  gboolean running = self->session != NULL &&
                     herald_campaign_runner_get_n_running (herald_session_get_campaign_runner (self->session)) > 0;

  if (running && !self->held)
    g_application_hold (G_APPLICATION (self));
  else if (!running && self->held)
    g_application_release (G_APPLICATION (self));
  self->held = running;
}

static void
database_opened_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HeraldApplication) self = user_data;
  g_autoptr(HeraldDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = herald_database_open_finish (result, &error);
  if (database == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Could not open the database: %s", error->message);
      self->session_error = g_strdup (error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION_ERROR]);
      return;
    }

  self->session = herald_session_new (database);
  /* the active account survives a restart through GSettings */
  g_settings_bind (self->settings, "active-account", self->session, "active-account-id",
                   G_SETTINGS_BIND_DEFAULT);
  /* the session runs the one inbox watcher; the setting turns it on */
  g_settings_bind (self->settings, "notify-new-messages", self->session, "watch-inbox",
                   G_SETTINGS_BIND_GET);
  /* what it finds is kept, and a STOP among it opts its sender out */
  g_settings_bind (self->settings, "optout-keywords", self->session, "optout-keywords",
                   G_SETTINGS_BIND_GET);
  g_object_bind_property (self->session, "inbox-watcher", self->watcher_signals, "target",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (herald_session_get_campaign_runner (self->session), "changed",
                           G_CALLBACK (campaigns_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
  herald_session_load_async (self->session, self->cancellable, session_loaded_cb, g_object_ref (self));
}

static void
herald_application_activate (GApplication *app)
{
  HeraldApplication *self = HERALD_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (herald_window_new (self));

  gtk_window_present (window);
}

static void
herald_application_startup (GApplication *app)
{
  HeraldApplication *self = HERALD_APPLICATION (app);

  G_APPLICATION_CLASS (herald_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);

  /* Opening may migrate the schema: never on the main loop. */
  {
    g_autofree char *path = herald_paths_get_database_path ();

    self->cancellable = g_cancellable_new ();
    herald_database_open_async (path, self->cancellable, database_opened_cb, g_object_ref (self));
  }
}

static void
herald_application_shutdown (GApplication *app)
{
  HeraldApplication *self = HERALD_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    {
      g_settings_unbind (self->session, "active-account-id");
      g_settings_unbind (self->session, "watch-inbox");
      g_settings_unbind (self->session, "optout-keywords");
      herald_session_set_watch_inbox (self->session, FALSE);
    }
  g_signal_group_set_target (self->watcher_signals, NULL);

  G_APPLICATION_CLASS (herald_application_parent_class)->shutdown (app);
}

static void
herald_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
herald_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  HeraldApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  HeraldPreferencesWindow *preferences;

  preferences = herald_preferences_window_new (self->settings, parent);
  g_object_bind_property (self, "session", preferences, "session", G_BINDING_SYNC_CREATE);
  if (parameter != NULL)
    herald_preferences_window_show_page (preferences, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
herald_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  HeraldApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Herald developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Herald"),
                        "developer-name", _("The Herald developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Send SMS from your desktop through FlixySMS and FlashSMS, "
                                      "and turn a USB modem into an SMS gateway."),
                        "website", "https://github.com/heraldsms/herald",
                        "issue-url", "https://github.com/heraldsms/herald/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one a line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
  /* GTK keeps every toplevel window in its list until it is closed. */
  /* cppcheck-suppress memleak */
}

static const GActionEntry app_actions[] = {
  { "quit", herald_application_quit_action },
  { "preferences", herald_application_preferences_action },
  { "preferences-page", herald_application_preferences_action, "s" },
  { "about", herald_application_about_action },
};

static void
herald_application_constructed (GObject *object)
{
  HeraldApplication *self = HERALD_APPLICATION (object);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_OBJECT_CLASS (herald_application_parent_class)->constructed (object);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  herald_window_set_accels (GTK_APPLICATION (self));
}

static void
herald_application_finalize (GObject *object)
{
  HeraldApplication *self = HERALD_APPLICATION (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->watcher_signals);
  g_clear_object (&self->session);
  g_free (self->session_error);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (herald_application_parent_class)->finalize (object);
}

static void
herald_application_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HeraldApplication *self = HERALD_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SESSION_ERROR:
      g_value_set_string (value, self->session_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_application_class_init (HeraldApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = herald_application_constructed;
  object_class->finalize = herald_application_finalize;
  object_class->get_property = herald_application_get_property;

  app_class->activate = herald_application_activate;
  app_class->startup = herald_application_startup;
  app_class->shutdown = herald_application_shutdown;

  /* Set once the database is open (asynchronously after startup). */
  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, HERALD_TYPE_SESSION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SESSION_ERROR] =
    g_param_spec_string ("session-error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_application_init (HeraldApplication *self)
{
  self->watcher_signals = g_signal_group_new (HERALD_TYPE_INBOX_WATCHER);
  g_signal_group_connect_swapped (self->watcher_signals, "new-messages",
                                  G_CALLBACK (new_messages_cb), self);
}
