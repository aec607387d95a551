/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-modem"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-modem-error.h"
#include "herald-modem-id.h"
#include "herald-modem-private.h"

struct _HeraldModem
{
  GObject       parent_instance;

  MMObject     *object;
  MMModem      *modem;
  MMModem3gpp  *modem_3gpp;       /* NULL until (and unless) the modem has it */
  gboolean      present;

  /* The values shown, recomputed on every change of the proxies. */
  char         *path;
  char         *device_id;
  char         *equipment_id;
  char         *manufacturer;
  char         *model;
  char         *own_number;
  char         *state;
  char         *access_technology;
  char         *operator_name;
  char         *operator_code;
  char         *unusable_reason;
  guint         signal_quality;
  gboolean      sim_present;
  gboolean      sim_locked;
  gboolean      registered;
  gboolean      usable;
};

G_DEFINE_FINAL_TYPE (HeraldModem, herald_modem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_DEVICE_ID,
  PROP_EQUIPMENT_ID,
  PROP_MANUFACTURER,
  PROP_MODEL,
  PROP_OWN_NUMBER,
  PROP_STATE,
  PROP_SIGNAL_QUALITY,
  PROP_ACCESS_TECHNOLOGY,
  PROP_OPERATOR_NAME,
  PROP_OPERATOR_CODE,
  PROP_SIM_PRESENT,
  PROP_SIM_LOCKED,
  PROP_REGISTERED,
  PROP_USABLE,
  PROP_UNUSABLE_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

guint herald_modem_signals[HERALD_MODEM_N_SIGNALS];

static void
set_string (HeraldModem  *self,
            char        **field,
            const char   *value,
            guint         prop)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_uint (HeraldModem *self,
          guint       *field,
          guint        value,
          guint        prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static gboolean
is_sim_missing (MMModem *modem)
{
  const char *sim_path = mm_modem_get_sim_path (modem);

  if (mm_modem_get_state (modem) == MM_MODEM_STATE_FAILED &&
      mm_modem_get_state_failed_reason (modem) == MM_MODEM_STATE_FAILED_REASON_SIM_MISSING)
    return TRUE;

  return sim_path == NULL || g_str_equal (sim_path, "/");
}

/* A PIN or PUK of the SIM; the network and device locks are the SIM's too
 * as far as sending goes: nothing leaves until someone unlocks it. */
static gboolean
is_sim_locked (MMModem *modem)
{
  MMModemLock lock = mm_modem_get_unlock_required (modem);

  return mm_modem_get_state (modem) == MM_MODEM_STATE_LOCKED ||
         (lock != MM_MODEM_LOCK_NONE && lock != MM_MODEM_LOCK_UNKNOWN);
}

/* The health guard: the first reason why the modem cannot send now, for
 * people; NULL when it can. */
static const char *
unusable_reason (HeraldModem *self)
{
  MMModemState state;

  if (!self->present)
    return _("The modem is gone (unplugged, or ModemManager stopped).");
  if (!self->sim_present)
    return _("There is no SIM card in the modem.");
  if (self->sim_locked)
    return _("The SIM is locked: enter its PIN (for example with mmcli -i SIM --pin=PIN).");

  state = mm_modem_get_state (self->modem);
  if (state == MM_MODEM_STATE_FAILED)
    return _("ModemManager reports the modem as failed.");
  if (state == MM_MODEM_STATE_DISABLED || state == MM_MODEM_STATE_DISABLING)
    return _("The modem is disabled: enable it first.");
  if (state < MM_MODEM_STATE_ENABLED)
    return _("The modem is still starting up.");
  if (!self->registered)
    return _("The modem is not registered on a mobile network.");
  if (self->signal_quality == 0)
    return _("The modem has no signal.");
  if (mm_object_peek_modem_messaging (self->object) == NULL)
    return _("The modem cannot send or receive SMS (ModemManager offers no messaging for it).");

  return NULL;
}

static void
update_3gpp (HeraldModem *self)
{
  MMModem3gppRegistrationState registration = MM_MODEM_3GPP_REGISTRATION_STATE_UNKNOWN;
  const char *name = NULL;
  const char *code = NULL;

  if (self->modem_3gpp != NULL)
    {
      registration = mm_modem_3gpp_get_registration_state (self->modem_3gpp);
      name = mm_modem_3gpp_get_operator_name (self->modem_3gpp);
      code = mm_modem_3gpp_get_operator_code (self->modem_3gpp);
    }

  set_string (self, &self->operator_name, name, PROP_OPERATOR_NAME);
  set_string (self, &self->operator_code, code, PROP_OPERATOR_CODE);

  /* Without 3GPP (a CDMA modem) ModemManager's state says it all. */
  if (self->modem_3gpp != NULL)
    set_uint (self, (guint *) &self->registered,
              registration == MM_MODEM_3GPP_REGISTRATION_STATE_HOME ||
              registration == MM_MODEM_3GPP_REGISTRATION_STATE_ROAMING ||
              registration == MM_MODEM_3GPP_REGISTRATION_STATE_HOME_SMS_ONLY ||
              registration == MM_MODEM_3GPP_REGISTRATION_STATE_ROAMING_SMS_ONLY,
              PROP_REGISTERED);
  else
    set_uint (self, (guint *) &self->registered,
              mm_modem_get_state (self->modem) >= MM_MODEM_STATE_REGISTERED,
              PROP_REGISTERED);
}

static void
herald_modem_update (HeraldModem *self)
{
  g_object_freeze_notify (G_OBJECT (self));

  if (self->modem != NULL)
    {
      const char *equipment = mm_modem_get_equipment_identifier (self->modem);
      g_autofree char *device_id = herald_modem_id_from_equipment (equipment);
      g_autofree char *technology =
        mm_modem_access_technology_build_string_from_mask (mm_modem_get_access_technologies (self->modem));
      const char * const *own_numbers = mm_modem_get_own_numbers (self->modem);

      set_string (self, &self->equipment_id, equipment, PROP_EQUIPMENT_ID);
      set_string (self, &self->device_id, device_id, PROP_DEVICE_ID);
      set_string (self, &self->manufacturer, mm_modem_get_manufacturer (self->modem), PROP_MANUFACTURER);
      set_string (self, &self->model, mm_modem_get_model (self->modem), PROP_MODEL);
      set_string (self, &self->own_number, own_numbers != NULL ? own_numbers[0] : NULL, PROP_OWN_NUMBER);
      set_string (self, &self->state, mm_modem_state_get_string (mm_modem_get_state (self->modem)), PROP_STATE);
      set_string (self, &self->access_technology, technology, PROP_ACCESS_TECHNOLOGY);
      set_uint (self, &self->signal_quality, mm_modem_get_signal_quality (self->modem, NULL), PROP_SIGNAL_QUALITY);
      set_uint (self, (guint *) &self->sim_present, !is_sim_missing (self->modem), PROP_SIM_PRESENT);
      set_uint (self, (guint *) &self->sim_locked, is_sim_locked (self->modem), PROP_SIM_LOCKED);
      update_3gpp (self);
    }

  set_string (self, &self->unusable_reason, unusable_reason (self), PROP_UNUSABLE_REASON);
  set_uint (self, (guint *) &self->usable, self->unusable_reason == NULL, PROP_USABLE);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
proxy_changed_cb (GObject    *proxy,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  herald_modem_update (HERALD_MODEM (user_data));
}

/* Interfaces come and go with the modem's state (Messaging appears once it
 * is enabled): follow the current ones. */
static void
herald_modem_attach_interfaces (HeraldModem *self)
{
  MMModem3gpp *modem_3gpp = mm_object_get_modem_3gpp (self->object);

  if (modem_3gpp != self->modem_3gpp)
    {
      if (self->modem_3gpp != NULL)
        g_signal_handlers_disconnect_by_data (self->modem_3gpp, self);
      g_clear_object (&self->modem_3gpp);
      self->modem_3gpp = g_steal_pointer (&modem_3gpp);
      if (self->modem_3gpp != NULL)
        g_signal_connect_object (self->modem_3gpp, "notify", G_CALLBACK (proxy_changed_cb), self, 0);
    }
  g_clear_object (&modem_3gpp);

  herald_modem_messaging_attach (self);
  herald_modem_update (self);
}

static void
interfaces_changed_cb (GDBusObject    *object,
                       GDBusInterface *interface,
                       gpointer        user_data)
{
  herald_modem_attach_interfaces (HERALD_MODEM (user_data));
}

static void
herald_modem_dispose (GObject *object)
{
  HeraldModem *self = HERALD_MODEM (object);

  herald_modem_messaging_detach (self);
  if (self->object != NULL)
    g_signal_handlers_disconnect_by_data (self->object, self);
  if (self->modem != NULL)
    g_signal_handlers_disconnect_by_data (self->modem, self);
  if (self->modem_3gpp != NULL)
    g_signal_handlers_disconnect_by_data (self->modem_3gpp, self);
  g_clear_object (&self->modem_3gpp);
  g_clear_object (&self->modem);
  g_clear_object (&self->object);

  G_OBJECT_CLASS (herald_modem_parent_class)->dispose (object);
}

static void
herald_modem_finalize (GObject *object)
{
  HeraldModem *self = HERALD_MODEM (object);

  g_free (self->path);
  g_free (self->device_id);
  g_free (self->equipment_id);
  g_free (self->manufacturer);
  g_free (self->model);
  g_free (self->own_number);
  g_free (self->state);
  g_free (self->access_technology);
  g_free (self->operator_name);
  g_free (self->operator_code);
  g_free (self->unusable_reason);

  G_OBJECT_CLASS (herald_modem_parent_class)->finalize (object);
}

static void
herald_modem_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HeraldModem *self = HERALD_MODEM (object);

  switch (prop_id)
    {
    case PROP_PATH: g_value_set_string (value, self->path); break;
    case PROP_DEVICE_ID: g_value_set_string (value, self->device_id); break;
    case PROP_EQUIPMENT_ID: g_value_set_string (value, self->equipment_id); break;
    case PROP_MANUFACTURER: g_value_set_string (value, self->manufacturer); break;
    case PROP_MODEL: g_value_set_string (value, self->model); break;
    case PROP_OWN_NUMBER: g_value_set_string (value, self->own_number); break;
    case PROP_STATE: g_value_set_string (value, self->state); break;
    case PROP_SIGNAL_QUALITY: g_value_set_uint (value, self->signal_quality); break;
    case PROP_ACCESS_TECHNOLOGY: g_value_set_string (value, self->access_technology); break;
    case PROP_OPERATOR_NAME: g_value_set_string (value, self->operator_name); break;
    case PROP_OPERATOR_CODE: g_value_set_string (value, self->operator_code); break;
    case PROP_SIM_PRESENT: g_value_set_boolean (value, self->sim_present); break;
    case PROP_SIM_LOCKED: g_value_set_boolean (value, self->sim_locked); break;
    case PROP_REGISTERED: g_value_set_boolean (value, self->registered); break;
    case PROP_USABLE: g_value_set_boolean (value, self->usable); break;
    case PROP_UNUSABLE_REASON: g_value_set_string (value, self->unusable_reason); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
boolean_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
herald_modem_class_init (HeraldModemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_modem_dispose;
  object_class->finalize = herald_modem_finalize;
  object_class->get_property = herald_modem_get_property;

  properties[PROP_PATH] = string_property ("path");
  properties[PROP_DEVICE_ID] = string_property ("device-id");
  properties[PROP_EQUIPMENT_ID] = string_property ("equipment-id");
  properties[PROP_MANUFACTURER] = string_property ("manufacturer");
  properties[PROP_MODEL] = string_property ("model");
  properties[PROP_OWN_NUMBER] = string_property ("own-number");
  properties[PROP_STATE] = string_property ("state");
  properties[PROP_SIGNAL_QUALITY] =
    g_param_spec_uint ("signal-quality", NULL, NULL, 0, 100, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCESS_TECHNOLOGY] = string_property ("access-technology");
  properties[PROP_OPERATOR_NAME] = string_property ("operator-name");
  properties[PROP_OPERATOR_CODE] = string_property ("operator-code");
  properties[PROP_SIM_PRESENT] = boolean_property ("sim-present");
  properties[PROP_SIM_LOCKED] = boolean_property ("sim-locked");
  properties[PROP_REGISTERED] = boolean_property ("registered");
  properties[PROP_USABLE] = boolean_property ("usable");
  properties[PROP_UNUSABLE_REASON] = string_property ("unusable-reason");
  g_object_class_install_properties (object_class, N_PROPS, properties);

  herald_modem_signals[HERALD_MODEM_SIGNAL_SMS_RECEIVED] =
    g_signal_new ("sms-received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64);
  herald_modem_signals[HERALD_MODEM_SIGNAL_STATUS_REPORT] =
    g_signal_new ("status-report", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);
  herald_modem_signals[HERALD_MODEM_SIGNAL_REMOVED] =
    g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
herald_modem_init (HeraldModem *self)
{
}

HeraldModem *
herald_modem_new (MMObject *object)
{
  HeraldModem *self;

  g_return_val_if_fail (MM_IS_OBJECT (object), NULL);

  self = g_object_new (HERALD_TYPE_MODEM, NULL);
  self->object = g_object_ref (object);
  self->modem = mm_object_get_modem (object);
  self->path = g_strdup (mm_object_get_path (object));
  self->present = TRUE;

  if (self->modem != NULL)
    g_signal_connect_object (self->modem, "notify", G_CALLBACK (proxy_changed_cb), self, 0);
  g_signal_connect_object (object, "interface-added", G_CALLBACK (interfaces_changed_cb), self, 0);
  g_signal_connect_object (object, "interface-removed", G_CALLBACK (interfaces_changed_cb), self, 0);
  herald_modem_attach_interfaces (self);

  return self;
}

MMObject *
herald_modem_get_mm_object (HeraldModem *self)
{
  return self->object;
}

GDBusConnection *
herald_modem_get_connection (HeraldModem *self)
{
  if (self->modem == NULL)
    return NULL;

  return g_dbus_proxy_get_connection (G_DBUS_PROXY (self->modem));
}

void
herald_modem_mark_removed (HeraldModem *self)
{
  g_return_if_fail (HERALD_IS_MODEM (self));

  if (!self->present)
    return;

  self->present = FALSE;
  herald_modem_messaging_detach (self);
  herald_modem_update (self);
  g_signal_emit (self, herald_modem_signals[HERALD_MODEM_SIGNAL_REMOVED], 0);
}

MMModemMessaging *
herald_modem_get_messaging (HeraldModem  *self,
                            GError      **error)
{
  MMModemMessaging *messaging;

  if (!self->present)
    {
      g_set_error (error, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_GONE,
                   _("The modem %s went away (unplugged, or ModemManager stopped)."), self->path);
      return NULL;
    }

  messaging = mm_object_get_modem_messaging (self->object);
  if (messaging == NULL)
    g_set_error (error, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_NOT_USABLE,
                 _("The modem %s offers no messaging: it may be disabled; enable it first."), self->path);

  return messaging;
}

const char *herald_modem_get_path (HeraldModem *self) { return self->path; }
const char *herald_modem_get_device_id (HeraldModem *self) { return self->device_id; }
const char *herald_modem_get_equipment_id (HeraldModem *self) { return self->equipment_id; }
const char *herald_modem_get_manufacturer (HeraldModem *self) { return self->manufacturer; }
const char *herald_modem_get_model (HeraldModem *self) { return self->model; }
const char *herald_modem_get_own_number (HeraldModem *self) { return self->own_number; }
const char *herald_modem_get_state (HeraldModem *self) { return self->state; }
guint herald_modem_get_signal_quality (HeraldModem *self) { return self->signal_quality; }
const char *herald_modem_get_access_technology (HeraldModem *self) { return self->access_technology; }
const char *herald_modem_get_operator_name (HeraldModem *self) { return self->operator_name; }
const char *herald_modem_get_operator_code (HeraldModem *self) { return self->operator_code; }
gboolean herald_modem_get_sim_present (HeraldModem *self) { return self->sim_present; }
gboolean herald_modem_get_sim_locked (HeraldModem *self) { return self->sim_locked; }
gboolean herald_modem_get_registered (HeraldModem *self) { return self->registered; }
gboolean herald_modem_get_usable (HeraldModem *self) { return self->usable; }
const char *herald_modem_get_unusable_reason (HeraldModem *self) { return self->unusable_reason; }
gboolean herald_modem_is_present (HeraldModem *self) { return self->present; }

static void
enable_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!mm_modem_enable_finish (MM_MODEM (source), result, &error))
    {
      g_task_return_error (task, herald_modem_error_from_mm (error, _("Enabling the modem")));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
herald_modem_enable_async (HeraldModem         *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HERALD_IS_MODEM (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_modem_enable_async);

  if (!self->present || self->modem == NULL)
    {
      g_task_return_new_error (task, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_GONE,
                               _("The modem %s went away (unplugged, or ModemManager stopped)."), self->path);
      return;
    }

  mm_modem_enable (self->modem, cancellable, enable_done_cb, g_steal_pointer (&task));
}

gboolean
herald_modem_enable_finish (HeraldModem   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
