/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-device-row"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-device-row.h"

struct _HeraldDeviceRow
{
  AdwActionRow   parent_instance;

  HeraldModem   *modem;
  GCancellable  *enable_cancellable;   /* non-NULL while enabling */
  char          *enable_error;         /* why the last Enable failed */

  GtkLevelBar   *signal_level;
  GtkLabel      *signal_label;
  GtkButton     *enable_button;
};

G_DEFINE_FINAL_TYPE (HeraldDeviceRow, herald_device_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_MODEM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

GtkWidget *
herald_device_row_new (HeraldModem *modem)
{
  g_return_val_if_fail (HERALD_IS_MODEM (modem), NULL);

  return g_object_new (HERALD_TYPE_DEVICE_ROW, "modem", modem, NULL);
}

HeraldModem *
herald_device_row_get_modem (HeraldDeviceRow *self)
{
  g_return_val_if_fail (HERALD_IS_DEVICE_ROW (self), NULL);

  return self->modem;
}

const char *
herald_device_row_describe_state (const char *state)
{
  static const struct { const char *word; const char *text; } states[] = {
    { "failed", N_("Failed") },
    { "unknown", N_("State unknown") },
    { "initializing", N_("Starting up") },
    { "locked", N_("SIM locked") },
    { "disabled", N_("Disabled") },
    { "disabling", N_("Disabling") },
    { "enabling", N_("Enabling") },
    { "enabled", N_("Enabled, not registered") },
    { "searching", N_("Searching for a network") },
    { "registered", N_("Registered") },
    { "disconnecting", N_("Registered") },
    { "connecting", N_("Registered") },
    { "connected", N_("Registered, data connected") },
  };

  if (state == NULL)
    return _("State unknown");

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_str_equal (states[i].word, state))
      return _(states[i].text);

  return state;
}

/* "Herald Mock HM-100 LTE"; "Modem" when it has not said. */
static char *
describe_title (HeraldModem *modem)
{
  const char *manufacturer = herald_modem_get_manufacturer (modem);
  const char *model = herald_modem_get_model (modem);
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (manufacturer != NULL && manufacturer[0] != '\0')
    g_strv_builder_add (parts, manufacturer);
  if (model != NULL && model[0] != '\0')
    g_strv_builder_add (parts, model);
  strv = g_strv_builder_end (parts);

  return strv[0] != NULL ? g_strjoinv (" ", strv) : g_strdup (_("Modem"));
}

/* "Mock Telecom · LTE · Registered · +233240000001", then, on lines of
 * their own, why the modem takes no work and why enabling it failed. */
static char *
describe_subtitle (HeraldDeviceRow *self)
{
  HeraldModem *modem = self->modem;
  const char *operator_name = herald_modem_get_operator_name (modem);
  const char *technology = herald_modem_get_access_technology (modem);
  const char *number = herald_modem_get_own_number (modem);
  const char *reason = herald_modem_get_unusable_reason (modem);
  g_autoptr(GStrvBuilder) facts = g_strv_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *upper_technology = NULL;
  g_auto(GStrv) strv = NULL;

  if (operator_name != NULL && operator_name[0] != '\0')
    g_strv_builder_add (facts, operator_name);
  if (technology != NULL && technology[0] != '\0' && g_strcmp0 (technology, "unknown") != 0)
    {
      upper_technology = g_ascii_strup (technology, -1);
      g_strv_builder_add (facts, upper_technology);
    }
  g_strv_builder_add (facts, herald_device_row_describe_state (herald_modem_get_state (modem)));
  if (number != NULL && number[0] != '\0')
    g_strv_builder_add (facts, number);
  strv = g_strv_builder_end (facts);

  g_string_append (text, strv[0]);
  for (guint i = 1; strv[i] != NULL; i++)
    g_string_append_printf (text, " · %s", strv[i]);

  if (reason != NULL)
    g_string_append_printf (text, "\n%s", reason);
  if (self->enable_error != NULL)
    g_string_append_printf (text, "\n%s", self->enable_error);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update (HeraldDeviceRow *self)
{
  HeraldModem *modem = self->modem;
  guint quality = MIN (herald_modem_get_signal_quality (modem), 100);
  gboolean disabled = g_strcmp0 (herald_modem_get_state (modem), "disabled") == 0;
  g_autofree char *title = describe_title (modem);
  g_autofree char *subtitle = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *signal_name = NULL;
  g_autofree char *enable_name = NULL;

  /* A stale failure goes once the modem is enabled by any means. */
  if (!disabled && self->enable_cancellable == NULL)
    g_clear_pointer (&self->enable_error, g_free);

  subtitle = describe_subtitle (self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  /* Translators: the signal quality, from 0 to 100 */
  percent = g_strdup_printf (_("%u %%"), quality);
  gtk_label_set_text (self->signal_label, percent);
  gtk_level_bar_set_value (self->signal_level, quality);
  signal_name = g_strdup_printf (_("Signal of %s: %u percent"), title, quality);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->signal_level),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, signal_name,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->signal_level), signal_name);

  gtk_widget_set_visible (GTK_WIDGET (self->enable_button), disabled || self->enable_cancellable != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->enable_button),
                            self->enable_cancellable == NULL && herald_modem_is_present (modem));
  gtk_button_set_label (self->enable_button,
                        self->enable_cancellable != NULL ? _("Enabling…") : _("_Enable"));
  enable_name = g_strdup_printf (_("Enable %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->enable_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, enable_name,
                                  -1);
}

static void
enable_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  HeraldDeviceRow *self = user_data;   /* alive: dispose cancels first */
  g_autoptr(GError) error = NULL;

  if (!herald_modem_enable_finish (HERALD_MODEM (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->enable_cancellable);
  g_clear_pointer (&self->enable_error, g_free);
  if (error != NULL)
    self->enable_error = g_strdup (error->message);
  update (self);
}

static void
enable_clicked (HeraldDeviceRow *self)
{
  if (self->enable_cancellable != NULL)
    return;

  /* Only Enable: a locked SIM stays locked, its PIN is the person's call. */
  self->enable_cancellable = g_cancellable_new ();
  g_clear_pointer (&self->enable_error, g_free);
  herald_modem_enable_async (self->modem, self->enable_cancellable, enable_done, self);
  update (self);
}

static void
herald_device_row_constructed (GObject *object)
{
  HeraldDeviceRow *self = HERALD_DEVICE_ROW (object);

  G_OBJECT_CLASS (herald_device_row_parent_class)->constructed (object);

  g_return_if_fail (self->modem != NULL);

  gtk_widget_set_name (GTK_WIDGET (self), herald_modem_get_path (self->modem));
  g_signal_connect_object (self->modem, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
herald_device_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HeraldDeviceRow *self = HERALD_DEVICE_ROW (object);

  switch (prop_id)
    {
    case PROP_MODEM:
      g_value_set_object (value, self->modem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_device_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HeraldDeviceRow *self = HERALD_DEVICE_ROW (object);

  switch (prop_id)
    {
    case PROP_MODEM:
      self->modem = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_device_row_dispose (GObject *object)
{
  HeraldDeviceRow *self = HERALD_DEVICE_ROW (object);

  g_cancellable_cancel (self->enable_cancellable);
  g_clear_object (&self->enable_cancellable);
  if (self->modem != NULL)
    g_signal_handlers_disconnect_by_data (self->modem, self);
  g_clear_object (&self->modem);

  G_OBJECT_CLASS (herald_device_row_parent_class)->dispose (object);
}

static void
herald_device_row_finalize (GObject *object)
{
  HeraldDeviceRow *self = HERALD_DEVICE_ROW (object);

  g_free (self->enable_error);

  G_OBJECT_CLASS (herald_device_row_parent_class)->finalize (object);
}

static void
herald_device_row_class_init (HeraldDeviceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = herald_device_row_constructed;
  object_class->get_property = herald_device_row_get_property;
  object_class->set_property = herald_device_row_set_property;
  object_class->dispose = herald_device_row_dispose;
  object_class->finalize = herald_device_row_finalize;

  properties [PROP_MODEM] =
    g_param_spec_object ("modem", NULL, NULL, HERALD_TYPE_MODEM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_device_row_init (HeraldDeviceRow *self)
{
  GtkWidget *box;

  /* The facts and the reasons wrap rather than widen the row: 360 px. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  self->signal_level = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0, 100));
  gtk_widget_set_name (GTK_WIDGET (self->signal_level), "signal-level");
  gtk_widget_set_size_request (GTK_WIDGET (self->signal_level), 48, -1);
  gtk_level_bar_set_mode (self->signal_level, GTK_LEVEL_BAR_MODE_CONTINUOUS);
  /* The default offsets ("low" at 0.25 of 1) are for a bar of 0 to 1. */
  gtk_level_bar_add_offset_value (self->signal_level, GTK_LEVEL_BAR_OFFSET_LOW, 25);
  gtk_level_bar_add_offset_value (self->signal_level, GTK_LEVEL_BAR_OFFSET_HIGH, 75);
  gtk_level_bar_add_offset_value (self->signal_level, GTK_LEVEL_BAR_OFFSET_FULL, 100);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->signal_level));

  self->signal_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->signal_label), "signal");
  gtk_widget_add_css_class (GTK_WIDGET (self->signal_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->signal_label), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->signal_label));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);

  self->enable_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Enable")));
  gtk_widget_set_name (GTK_WIDGET (self->enable_button), "enable");
  gtk_widget_set_valign (GTK_WIDGET (self->enable_button), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->enable_button), FALSE);
  g_signal_connect_swapped (self->enable_button, "clicked", G_CALLBACK (enable_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->enable_button));
}
