/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-devices-page"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-device-row.h"
#include "herald-devices-page.h"

struct _HeraldDevicesPage
{
  AdwBin              parent_instance;

  HeraldSession      *session;
  HeraldModemManager *manager;          /* the session's, once it has one */
  GSignalGroup       *session_signals;
  GSignalGroup       *manager_signals;

  /* template children */
  GtkStack           *stack;
  GtkSpinner         *loading_spinner;
  AdwStatusPage      *unavailable_page;
  GtkWidget          *retry_button;
  GtkListBox         *list_box;
  /* The device bridge's groups go into this box (see the .ui): it stays
   * hidden and empty until src/core/bridge/ lands. */
  GtkWidget          *bridge_box;
};

G_DEFINE_FINAL_TYPE (HeraldDevicesPage, herald_devices_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
show_state (HeraldDevicesPage *self,
            const char        *state)
{
  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_spinner_set_spinning (self->loading_spinner, g_strcmp0 (state, "loading") == 0);
}

static void
show_unavailable (HeraldDevicesPage *self,
                  const char        *title,
                  const char        *description,
                  gboolean           can_retry)
{
  adw_status_page_set_title (self->unavailable_page, title);
  adw_status_page_set_description (self->unavailable_page, description);
  gtk_widget_set_visible (self->retry_button, can_retry);
  show_state (self, "unavailable");
}

/* Which of the stack's pages the facts call for. */
static void
update_state (HeraldDevicesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    {
      show_state (self, "loading");
      return;
    }

  if (self->manager == NULL)
    {
      const char *manager_error = herald_session_get_modem_manager_error (self->session);

      if (manager_error != NULL)
        show_unavailable (self, _("Cannot Reach the System Bus"), manager_error, TRUE);
      else
        show_state (self, "loading");
      return;
    }

  /* ModemManager coming back is noticed by the manager: no Retry here. */
  if (!herald_modem_manager_check_running (self->manager, &error))
    {
      show_unavailable (self, _("ModemManager Is Not Running"), error->message, FALSE);
      return;
    }

  show_state (self, g_list_model_get_n_items (G_LIST_MODEL (self->manager)) == 0 ? "empty" : "modems");
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return herald_device_row_new (HERALD_MODEM (item));
}

static void
manager_changed (HeraldDevicesPage *self)
{
  HeraldModemManager *manager = self->session != NULL
                                ? herald_session_get_modem_manager (self->session) : NULL;

  if (manager != self->manager)
    {
      g_set_object (&self->manager, manager);
      g_signal_group_set_target (self->manager_signals, manager);
      gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (manager), create_row, NULL, NULL);
    }

  update_state (self);
}

/* The manager is asked for when the page is first seen, not before. */
static void
ensure_manager (HeraldDevicesPage *self)
{
  if (self->session != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    herald_session_ensure_modem_manager (self->session);
}

static void
retry_clicked (HeraldDevicesPage *self)
{
  ensure_manager (self);
  update_state (self);
}

HeraldSession *
herald_devices_page_get_session (HeraldDevicesPage *self)
{
  g_return_val_if_fail (HERALD_IS_DEVICES_PAGE (self), NULL);

  return self->session;
}

void
herald_devices_page_set_session (HeraldDevicesPage *self,
                                 HeraldSession     *session)
{
  g_return_if_fail (HERALD_IS_DEVICES_PAGE (self));
  g_return_if_fail (session == NULL || HERALD_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  manager_changed (self);
  ensure_manager (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

const char *
herald_devices_page_get_state (HeraldDevicesPage *self)
{
  g_return_val_if_fail (HERALD_IS_DEVICES_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

static void
herald_devices_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (herald_devices_page_parent_class)->map (widget);

  ensure_manager (HERALD_DEVICES_PAGE (widget));
}

static void
herald_devices_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HeraldDevicesPage *self = HERALD_DEVICES_PAGE (object);

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
herald_devices_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HeraldDevicesPage *self = HERALD_DEVICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      herald_devices_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_devices_page_dispose (GObject *object)
{
  HeraldDevicesPage *self = HERALD_DEVICES_PAGE (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  if (self->manager_signals != NULL)
    g_signal_group_set_target (self->manager_signals, NULL);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->manager_signals);
  g_clear_object (&self->manager);
  g_clear_object (&self->session);

  /* AdwBin unparents the template's one child (the stack) itself. */

  G_OBJECT_CLASS (herald_devices_page_parent_class)->dispose (object);
}

static void
herald_devices_page_class_init (HeraldDevicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = herald_devices_page_get_property;
  object_class->set_property = herald_devices_page_set_property;
  object_class->dispose = herald_devices_page_dispose;
  widget_class->map = herald_devices_page_map;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, HERALD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/herald-devices-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldDevicesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldDevicesPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, HeraldDevicesPage, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, HeraldDevicesPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldDevicesPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, HeraldDevicesPage, bridge_box);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked);
}

static void
herald_devices_page_init (HeraldDevicesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (HERALD_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::modem-manager",
                                  G_CALLBACK (manager_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::modem-manager-error",
                                  G_CALLBACK (update_state), self);

  self->manager_signals = g_signal_group_new (HERALD_TYPE_MODEM_MANAGER);
  g_signal_group_connect_swapped (self->manager_signals, "notify::running",
                                  G_CALLBACK (update_state), self);
  g_signal_group_connect_swapped (self->manager_signals, "items-changed",
                                  G_CALLBACK (update_state), self);

  update_state (self);
}
