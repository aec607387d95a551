/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-mock-mm"

#include "mock-modem.h"

#define DEFAULT_MANUFACTURER  "Herald Mock"
#define DEFAULT_MODEL         "HM-100 LTE"
#define DEFAULT_REVISION      "HM100_01.002.03"
#define DEFAULT_OPERATOR_CODE "62001"
#define DEFAULT_OPERATOR_NAME "Mock Telecom"
#define DEFAULT_SIGNAL        70
#define DEFAULT_SLOW_DELAY_MS 5000

#define MESSAGING_AUTHORIZATION "org.freedesktop.ModemManager1.Messaging"
#define CONTROL_AUTHORIZATION "org.freedesktop.ModemManager1.Device.Control"

struct _MockModem
{
  MockContext           *context;
  char                  *path;
  char                  *sim_path;

  MmGdbusObjectSkeleton *object;
  MmGdbusModem          *modem;
  MmGdbusModem3gpp      *modem_3gpp;
  MmGdbusModemMessaging *messaging;
  MmGdbusSim            *sim;

  GPtrArray             *messages;        /* of MockSms, in creation order */

  MockSendMode           send_mode;
  gboolean               enable_unauthorized;  /* SetModemProperty "enable" */
  guint                  send_delay_ms;
  guint                  last_reference;

  /* Status reports after successful sends (SetStatusReports). */
  guint                  report_state;      /* MM_SMS_DELIVERY_STATE_UNKNOWN: none */
  guint                  report_delay_ms;
  GArray                *report_sources;    /* of guint source ids pending */
};

/* What a test may change through AddModem; the rest follows from the index. */
typedef struct
{
  char  *manufacturer;
  char  *model;
  char  *revision;
  char  *imei;
  char  *operator_code;
  char  *operator_name;
  char  *own_number;
  guint  signal;
} ModemSettings;

static void
modem_settings_clear (ModemSettings *settings)
{
  g_clear_pointer (&settings->manufacturer, g_free);
  g_clear_pointer (&settings->model, g_free);
  g_clear_pointer (&settings->revision, g_free);
  g_clear_pointer (&settings->imei, g_free);
  g_clear_pointer (&settings->operator_code, g_free);
  g_clear_pointer (&settings->operator_name, g_free);
  g_clear_pointer (&settings->own_number, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ModemSettings, modem_settings_clear)

/* A fixed type allocation code, the index as serial number and the Luhn
 * check digit real IMEIs carry, so readers that validate IMEIs accept it. */
static char *
make_imei (guint index)
{
  char digits[16];
  guint sum = 0;

  g_snprintf (digits, sizeof digits, "35345601%06u", index % 1000000);
  for (guint i = 0; i < 14; i++)
    {
      guint digit = digits[i] - '0';

      if (i % 2 == 1)
        {
          digit *= 2;
          if (digit > 9)
            digit -= 9;
        }
      sum += digit;
    }
  digits[14] = '0' + (10 - sum % 10) % 10;
  digits[15] = '\0';

  return g_strdup (digits);
}

static gboolean
is_imei (const char *imei)
{
  if (strlen (imei) != 15)
    return FALSE;

  for (const char *p = imei; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

static gboolean
take_string_setting (const char  *key,
                     GVariant    *value,
                     char       **target,
                     GError     **error)
{
  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                   "Property '%s' must be a string, not '%s'",
                   key, g_variant_get_type_string (value));
      return FALSE;
    }

  g_free (*target);
  *target = g_variant_dup_string (value, NULL);

  return TRUE;
}

static gboolean
modem_settings_apply_overrides (ModemSettings  *settings,
                                GVariant       *overrides,
                                GError        **error)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  if (overrides == NULL)
    return TRUE;

  g_variant_iter_init (&iter, overrides);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      g_autoptr(GVariant) owned_value G_GNUC_UNUSED = value;   /* frees value */
      char **target = NULL;

      if (g_str_equal (key, "signal"))
        {
          if (!g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32) ||
              g_variant_get_uint32 (value) > 100)
            {
              g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                           "Property 'signal' must be a uint32 from 0 to 100");
              return FALSE;
            }
          settings->signal = g_variant_get_uint32 (value);
          continue;
        }

      if (g_str_equal (key, "manufacturer"))
        target = &settings->manufacturer;
      else if (g_str_equal (key, "model"))
        target = &settings->model;
      else if (g_str_equal (key, "revision"))
        target = &settings->revision;
      else if (g_str_equal (key, "imei"))
        target = &settings->imei;
      else if (g_str_equal (key, "operator-code"))
        target = &settings->operator_code;
      else if (g_str_equal (key, "operator-name"))
        target = &settings->operator_name;
      else if (g_str_equal (key, "own-number"))
        target = &settings->own_number;

      /* A typo in a test should fail loudly, not give a default modem. */
      if (target == NULL)
        {
          g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                       "Unknown modem property '%s'", key);
          return FALSE;
        }

      if (!take_string_setting (key, value, target, error))
        return FALSE;
    }

  if (!is_imei (settings->imei))
    {
      g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                   "Property 'imei' must be 15 digits, not '%s'", settings->imei);
      return FALSE;
    }

  return TRUE;
}

static void
sync_messages_property (MockModem *self)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();

  for (guint i = 0; i < self->messages->len; i++)
    g_ptr_array_add (paths, (gpointer) mock_sms_get_path (g_ptr_array_index (self->messages, i)));
  g_ptr_array_add (paths, NULL);

  mm_gdbus_modem_messaging_set_messages (self->messaging, (const char * const *) paths->pdata);
}

static void
add_message (MockModem *self,
             MockSms   *sms,
             gboolean   received)
{
  g_ptr_array_add (self->messages, sms);
  sync_messages_property (self);
  mm_gdbus_modem_messaging_emit_added (self->messaging, mock_sms_get_path (sms), received);
}

static gboolean
find_message (MockModem  *self,
              const char *path,
              guint      *index)
{
  for (guint i = 0; i < self->messages->len; i++)
    {
      if (g_strcmp0 (mock_sms_get_path (g_ptr_array_index (self->messages, i)), path) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
handle_messaging_create (MmGdbusModemMessaging *messaging,
                         GDBusMethodInvocation *invocation,
                         GVariant              *properties,
                         MockModem             *self)
{
  g_autoptr(GError) error = NULL;
  MockSms *sms;

  if (!mock_modem_authorize (self, invocation))
    return G_DBUS_METHOD_INVOCATION_HANDLED;

  sms = mock_sms_new_submit (self, properties, &error);
  if (sms == NULL)
    {
      g_dbus_method_invocation_return_gerror (invocation, error);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  add_message (self, sms, FALSE);
  mm_gdbus_modem_messaging_complete_create (messaging, invocation, mock_sms_get_path (sms));

  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_messaging_list (MmGdbusModemMessaging *messaging,
                       GDBusMethodInvocation *invocation,
                       MockModem             *self)
{
  if (!mock_modem_authorize (self, invocation))
    return G_DBUS_METHOD_INVOCATION_HANDLED;

  mm_gdbus_modem_messaging_complete_list (messaging, invocation,
                                          mm_gdbus_modem_messaging_get_messages (messaging));

  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_messaging_delete (MmGdbusModemMessaging *messaging,
                         GDBusMethodInvocation *invocation,
                         const char            *path,
                         MockModem             *self)
{
  g_autoptr(MockSms) sms = NULL;
  g_autofree char *deleted_path = g_strdup (path);
  guint index;

  if (!mock_modem_authorize (self, invocation))
    return G_DBUS_METHOD_INVOCATION_HANDLED;

  if (!find_message (self, path, &index))
    {
      g_dbus_method_invocation_return_error (invocation, MM_CORE_ERROR, MM_CORE_ERROR_NOT_FOUND,
                                             "No SMS at '%s' on this modem", path);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  sms = g_ptr_array_steal_index (self->messages, index);
  sync_messages_property (self);
  mm_gdbus_modem_messaging_emit_deleted (messaging, deleted_path);
  mm_gdbus_modem_messaging_complete_delete (messaging, invocation);

  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

/* Clients call Enable before using a modem; keep State and the signal honest. */
static gboolean
handle_modem_enable (MmGdbusModem          *modem,
                     GDBusMethodInvocation *invocation,
                     gboolean               enable,
                     MockModem             *self)
{
  MMModemState old_state = mm_gdbus_modem_get_state (modem);
  MMModemState new_state = enable ? MM_MODEM_STATE_REGISTERED : MM_MODEM_STATE_DISABLED;

  /* Enable needs polkit's Device.Control: what ModemManager answers when
   * polkit says no. */
  if (self->enable_unauthorized)
    {
      g_dbus_method_invocation_return_error (invocation, MM_CORE_ERROR, MM_CORE_ERROR_UNAUTHORIZED,
                                             "PolicyKit authorization failed: not authorized for '%s'",
                                             CONTROL_AUTHORIZATION);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  if (old_state != new_state)
    {
      mm_gdbus_modem_set_state (modem, new_state);
      mm_gdbus_modem_emit_state_changed (modem, old_state, new_state,
                                         MM_MODEM_STATE_CHANGE_REASON_USER_REQUESTED);
    }
  mm_gdbus_modem_complete_enable (modem, invocation);

  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static void
setup_modem_interface (MockModem           *self,
                       guint                index,
                       const ModemSettings *settings)
{
  g_autofree char *device = g_strdup_printf ("/sys/devices/platform/herald-mock-modem.%u", index);
  g_autofree char *device_id = g_compute_checksum_for_string (G_CHECKSUM_SHA1, settings->imei, -1);
  g_autofree char *qmi_port = g_strdup_printf ("cdc-wdm%u", index);
  g_autofree char *at_port = g_strdup_printf ("ttyUSB%u", index * 4 + 2);
  g_autofree char *net_port = g_strdup_printf ("wwan%u", index);
  const char *drivers[] = { "qmi_wwan", "option", NULL };
  const char *own_numbers[] = { settings->own_number, NULL };
  const char *no_paths[] = { NULL };
  GVariantBuilder builder;

  self->modem = mm_gdbus_modem_skeleton_new ();
  mm_gdbus_modem_set_manufacturer (self->modem, settings->manufacturer);
  mm_gdbus_modem_set_model (self->modem, settings->model);
  mm_gdbus_modem_set_revision (self->modem, settings->revision);
  mm_gdbus_modem_set_hardware_revision (self->modem, "1.0");
  mm_gdbus_modem_set_equipment_identifier (self->modem, settings->imei);
  mm_gdbus_modem_set_device_identifier (self->modem, device_id);
  mm_gdbus_modem_set_device (self->modem, device);
  mm_gdbus_modem_set_drivers (self->modem, drivers);
  mm_gdbus_modem_set_plugin (self->modem, "herald-mock");
  mm_gdbus_modem_set_primary_port (self->modem, qmi_port);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(su)"));
  g_variant_builder_add (&builder, "(su)", qmi_port, (guint32) MM_MODEM_PORT_TYPE_QMI);
  g_variant_builder_add (&builder, "(su)", at_port, (guint32) MM_MODEM_PORT_TYPE_AT);
  g_variant_builder_add (&builder, "(su)", net_port, (guint32) MM_MODEM_PORT_TYPE_NET);
  mm_gdbus_modem_set_ports (self->modem, g_variant_builder_end (&builder));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("au"));
  g_variant_builder_add (&builder, "u", (guint32) (MM_MODEM_CAPABILITY_GSM_UMTS | MM_MODEM_CAPABILITY_LTE));
  mm_gdbus_modem_set_supported_capabilities (self->modem, g_variant_builder_end (&builder));
  mm_gdbus_modem_set_current_capabilities (self->modem, MM_MODEM_CAPABILITY_GSM_UMTS | MM_MODEM_CAPABILITY_LTE);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(uu)"));
  g_variant_builder_add (&builder, "(uu)",
                         (guint32) (MM_MODEM_MODE_2G | MM_MODEM_MODE_3G | MM_MODEM_MODE_4G),
                         (guint32) MM_MODEM_MODE_4G);
  mm_gdbus_modem_set_supported_modes (self->modem, g_variant_builder_end (&builder));
  mm_gdbus_modem_set_current_modes (self->modem,
                                    g_variant_new ("(uu)",
                                                   (guint32) (MM_MODEM_MODE_2G | MM_MODEM_MODE_3G | MM_MODEM_MODE_4G),
                                                   (guint32) MM_MODEM_MODE_4G));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("au"));
  g_variant_builder_add (&builder, "u", (guint32) MM_MODEM_BAND_EGSM);
  g_variant_builder_add (&builder, "u", (guint32) MM_MODEM_BAND_DCS);
  g_variant_builder_add (&builder, "u", (guint32) MM_MODEM_BAND_UTRAN_1);
  g_variant_builder_add (&builder, "u", (guint32) MM_MODEM_BAND_EUTRAN_3);
  g_variant_builder_add (&builder, "u", (guint32) MM_MODEM_BAND_EUTRAN_7);
  g_variant_builder_add (&builder, "u", (guint32) MM_MODEM_BAND_EUTRAN_8);
  mm_gdbus_modem_set_supported_bands (self->modem, g_variant_builder_end (&builder));
  mm_gdbus_modem_set_current_bands (self->modem,
                                    mm_gdbus_modem_get_supported_bands (self->modem));
  mm_gdbus_modem_set_supported_ip_families (self->modem,
                                            MM_BEARER_IP_FAMILY_IPV4 |
                                            MM_BEARER_IP_FAMILY_IPV6 |
                                            MM_BEARER_IP_FAMILY_IPV4V6);

  mm_gdbus_modem_set_unlock_required (self->modem, MM_MODEM_LOCK_NONE);
  mm_gdbus_modem_set_unlock_retries (self->modem, g_variant_new ("a{uu}", NULL));
  mm_gdbus_modem_set_state (self->modem, MM_MODEM_STATE_REGISTERED);
  mm_gdbus_modem_set_state_failed_reason (self->modem, MM_MODEM_STATE_FAILED_REASON_NONE);
  mm_gdbus_modem_set_power_state (self->modem, MM_MODEM_POWER_STATE_ON);
  mm_gdbus_modem_set_access_technologies (self->modem, MM_MODEM_ACCESS_TECHNOLOGY_LTE);
  mm_gdbus_modem_set_signal_quality (self->modem, g_variant_new ("(ub)", settings->signal, TRUE));
  mm_gdbus_modem_set_own_numbers (self->modem, own_numbers);
  mm_gdbus_modem_set_sim (self->modem, self->sim_path);
  mm_gdbus_modem_set_sim_slots (self->modem, no_paths);
  mm_gdbus_modem_set_bearers (self->modem, no_paths);
  mm_gdbus_modem_set_max_bearers (self->modem, 1);
  mm_gdbus_modem_set_max_active_bearers (self->modem, 1);

  g_signal_connect (self->modem, "handle-enable", G_CALLBACK (handle_modem_enable), self);
}

static void
setup_3gpp_interface (MockModem           *self,
                      const ModemSettings *settings)
{
  self->modem_3gpp = mm_gdbus_modem3gpp_skeleton_new ();
  mm_gdbus_modem3gpp_set_imei (self->modem_3gpp, settings->imei);
  mm_gdbus_modem3gpp_set_registration_state (self->modem_3gpp, MM_MODEM_3GPP_REGISTRATION_STATE_HOME);
  mm_gdbus_modem3gpp_set_operator_code (self->modem_3gpp, settings->operator_code);
  mm_gdbus_modem3gpp_set_operator_name (self->modem_3gpp, settings->operator_name);
  mm_gdbus_modem3gpp_set_enabled_facility_locks (self->modem_3gpp, MM_MODEM_3GPP_FACILITY_NONE);
  mm_gdbus_modem3gpp_set_pco (self->modem_3gpp, g_variant_new ("a(ubay)", NULL));
}

static void
setup_messaging_interface (MockModem *self)
{
  const char *no_messages[] = { NULL };
  GVariantBuilder builder;

  self->messaging = mm_gdbus_modem_messaging_skeleton_new ();
  mm_gdbus_modem_messaging_set_messages (self->messaging, no_messages);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("au"));
  g_variant_builder_add (&builder, "u", (guint32) MM_SMS_STORAGE_SM);
  g_variant_builder_add (&builder, "u", (guint32) MM_SMS_STORAGE_ME);
  mm_gdbus_modem_messaging_set_supported_storages (self->messaging, g_variant_builder_end (&builder));
  mm_gdbus_modem_messaging_set_default_storage (self->messaging, MM_SMS_STORAGE_ME);

  g_signal_connect (self->messaging, "handle-create", G_CALLBACK (handle_messaging_create), self);
  g_signal_connect (self->messaging, "handle-list", G_CALLBACK (handle_messaging_list), self);
  g_signal_connect (self->messaging, "handle-delete", G_CALLBACK (handle_messaging_delete), self);
}

/* The SIM lives on its own path, exported straight on the connection as
 * ModemManager does, so MMModem's get_sim() finds it. */
static gboolean
setup_sim (MockModem            *self,
           guint                 index,
           const ModemSettings  *settings,
           GError              **error)
{
  g_autofree char *imsi = g_strdup_printf ("%s%010u", settings->operator_code, index + 1);
  g_autofree char *iccid = g_strdup_printf ("8923301%012u", index + 1);

  self->sim_path = g_strdup_printf (MM_DBUS_SIM_PREFIX "/%u", self->context->next_sim_id++);
  self->sim = mm_gdbus_sim_skeleton_new ();
  mm_gdbus_sim_set_active (self->sim, TRUE);
  mm_gdbus_sim_set_sim_identifier (self->sim, iccid);
  mm_gdbus_sim_set_imsi (self->sim, imsi);
  mm_gdbus_sim_set_operator_identifier (self->sim, settings->operator_code);
  mm_gdbus_sim_set_operator_name (self->sim, settings->operator_name);
  mm_gdbus_sim_set_sim_type (self->sim, MM_SIM_TYPE_PHYSICAL);

  return g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->sim),
                                           self->context->connection,
                                           self->sim_path,
                                           error);
}

/**
 * mock_modem_new:
 * @context: what the daemon's modems share
 * @index: the N in /org/freedesktop/ModemManager1/Modem/N
 * @overrides: (nullable): a{sv} of "manufacturer", "model", "revision", "imei",
 *   "operator-code", "operator-name", "own-number" (strings) and "signal" (u)
 *
 * Builds a registered LTE modem with its SIM exported. The caller exports
 * mock_modem_get_object() through its object manager.
 */
MockModem *
mock_modem_new (MockContext  *context,
                guint         index,
                GVariant     *overrides,
                GError      **error)
{
  g_autoptr(MockModem) self = NULL;
  g_auto(ModemSettings) settings = {
    .manufacturer = g_strdup (DEFAULT_MANUFACTURER),
    .model = g_strdup (DEFAULT_MODEL),
    .revision = g_strdup (DEFAULT_REVISION),
    .imei = make_imei (index),
    .operator_code = g_strdup (DEFAULT_OPERATOR_CODE),
    .operator_name = g_strdup (DEFAULT_OPERATOR_NAME),
    .own_number = g_strdup_printf ("+23324%07u", index + 1),
    .signal = DEFAULT_SIGNAL,
  };

  if (!modem_settings_apply_overrides (&settings, overrides, error))
    return NULL;

  self = g_new0 (MockModem, 1);
  self->context = context;
  self->path = g_strdup_printf (MM_DBUS_MODEM_PREFIX "/%u", index);
  self->messages = g_ptr_array_new_with_free_func ((GDestroyNotify) mock_sms_free);
  self->send_mode = MOCK_SEND_OK;
  self->report_state = MM_SMS_DELIVERY_STATE_UNKNOWN;
  self->report_sources = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!setup_sim (self, index, &settings, error))
    return NULL;

  setup_modem_interface (self, index, &settings);
  setup_3gpp_interface (self, &settings);
  setup_messaging_interface (self);

  self->object = mm_gdbus_object_skeleton_new (self->path);
  mm_gdbus_object_skeleton_set_modem (self->object, self->modem);
  mm_gdbus_object_skeleton_set_modem3gpp (self->object, self->modem_3gpp);
  mm_gdbus_object_skeleton_set_modem_messaging (self->object, self->messaging);

  return g_steal_pointer (&self);
}

void
mock_modem_free (MockModem *self)
{
  if (self == NULL)
    return;

  /* Our handlers must not outlive us, whoever still holds a skeleton. */
  if (self->modem != NULL)
    g_signal_handlers_disconnect_by_data (self->modem, self);
  if (self->messaging != NULL)
    g_signal_handlers_disconnect_by_data (self->messaging, self);

  if (self->report_sources != NULL)
    for (guint i = 0; i < self->report_sources->len; i++)
      g_source_remove (g_array_index (self->report_sources, guint, i));
  g_clear_pointer (&self->report_sources, g_array_unref);

  /* Freeing the SMS answers any Send() still under way. */
  g_clear_pointer (&self->messages, g_ptr_array_unref);

  if (self->sim != NULL &&
      g_dbus_interface_skeleton_get_object_path (G_DBUS_INTERFACE_SKELETON (self->sim)) != NULL)
    g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->sim));

  g_clear_object (&self->object);
  g_clear_object (&self->modem);
  g_clear_object (&self->modem_3gpp);
  g_clear_object (&self->messaging);
  g_clear_object (&self->sim);
  g_free (self->sim_path);
  g_free (self->path);
  g_free (self);
}

const char *
mock_modem_get_path (MockModem *self)
{
  return self->path;
}

GDBusObjectSkeleton *
mock_modem_get_object (MockModem *self)
{
  return G_DBUS_OBJECT_SKELETON (self->object);
}

MockContext *
mock_modem_get_context (MockModem *self)
{
  return self->context;
}

MockSendMode
mock_modem_get_send_mode (MockModem *self,
                          guint     *delay_ms)
{
  if (delay_ms != NULL)
    {
      *delay_ms = self->send_delay_ms;
      if (self->send_mode == MOCK_SEND_SLOW && *delay_ms == 0)
        *delay_ms = DEFAULT_SLOW_DELAY_MS;
    }

  return self->send_mode;
}

gboolean
mock_modem_set_send_behaviour (MockModem   *self,
                               const char  *mode,
                               guint        delay_ms,
                               GError     **error)
{
  static const struct {
    const char   *name;
    MockSendMode  mode;
  } modes[] = {
    { "ok", MOCK_SEND_OK },
    { "slow", MOCK_SEND_SLOW },
    { "fail", MOCK_SEND_FAIL },
    { "unauthorized", MOCK_SEND_UNAUTHORIZED },
    { "network-timeout", MOCK_SEND_NETWORK_TIMEOUT },
    { "late-state", MOCK_SEND_LATE_STATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      if (g_str_equal (mode, modes[i].name))
        {
          self->send_mode = modes[i].mode;
          self->send_delay_ms = delay_ms;
          return TRUE;
        }
    }

  g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
               "Unknown send mode '%s' (expected ok, slow, fail, unauthorized, network-timeout or late-state)", mode);

  return FALSE;
}

/* ModemManager checks the polkit action on every Messaging call and on
 * Sms.Send/Store; "unauthorized" mode answers as it does when polkit says no.
 * Returns FALSE when @invocation has been answered with the error. */
gboolean
mock_modem_authorize (MockModem             *self,
                      GDBusMethodInvocation *invocation)
{
  if (self->send_mode != MOCK_SEND_UNAUTHORIZED)
    return TRUE;

  g_dbus_method_invocation_return_error (invocation, MM_CORE_ERROR, MM_CORE_ERROR_UNAUTHORIZED,
                                         "PolicyKit authorization failed: not authorized for '%s'",
                                         MESSAGING_AUTHORIZATION);

  return FALSE;
}

/* TP-MR is one byte per part; like ModemManager, the SMS keeps the last
 * part's reference so delivery reports can be matched against it. */
guint
mock_modem_take_message_references (MockModem *self,
                                    guint      n_parts)
{
  self->last_reference = (self->last_reference + n_parts) % 256;

  return self->last_reference;
}

char *
mock_modem_inject_sms (MockModem   *self,
                       const char  *number,
                       const char  *text,
                       gboolean     receiving,
                       GError     **error)
{
  MockSms *sms;

  sms = mock_sms_new_deliver (self, number, text, receiving, error);
  if (sms == NULL)
    return NULL;

  add_message (self, sms, TRUE);

  return g_strdup (mock_sms_get_path (sms));
}

char *
mock_modem_inject_status_report (MockModem  *self,
                                 guint       reference,
                                 guint       delivery_state,
                                 GError    **error)
{
  MockSms *sms = mock_sms_new_status_report (self, reference, delivery_state, error);

  if (sms == NULL)
    return NULL;

  add_message (self, sms, TRUE);

  return g_strdup (mock_sms_get_path (sms));
}

MockSms *
mock_modem_find_sms (MockModem  *self,
                     const char *path)
{
  guint index;

  if (!find_message (self, path, &index))
    return NULL;

  return g_ptr_array_index (self->messages, index);
}

typedef struct
{
  MockModem *modem;
  guint      reference;
  guint      source_id;
} PendingReport;

static gboolean
report_due_cb (gpointer user_data)
{
  PendingReport *report = user_data;
  MockModem *self = report->modem;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->report_sources->len; i++)
    if (g_array_index (self->report_sources, guint, i) == report->source_id)
      {
        g_array_remove_index_fast (self->report_sources, i);
        break;
      }

  path = mock_modem_inject_status_report (self, report->reference, self->report_state, &error);
  if (path == NULL)
    g_warning ("Status report for reference %u: %s", report->reference, error->message);

  return G_SOURCE_REMOVE;
}

void
mock_modem_set_status_reports (MockModem *self,
                               guint      delivery_state,
                               guint      delay_ms)
{
  self->report_state = delivery_state;
  self->report_delay_ms = delay_ms;
}

/* Called by an SMS once it is SENT, with its (last part's) reference. */
void
mock_modem_sent (MockModem *self,
                 guint      reference)
{
  PendingReport *report;

  if (self->report_state == MM_SMS_DELIVERY_STATE_UNKNOWN)
    return;

  report = g_new0 (PendingReport, 1);
  report->modem = self;
  report->reference = reference;
  report->source_id = g_timeout_add_full (G_PRIORITY_DEFAULT, self->report_delay_ms,
                                          report_due_cb, report, g_free);
  g_array_append_val (self->report_sources, report->source_id);
}

static gboolean
lookup_name (const char *const *names,
             guint              n_names,
             const char        *name,
             guint             *index)
{
  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (names[i], name))
      {
        *index = i;
        return TRUE;
      }

  return FALSE;
}

static void
set_state (MockModem    *self,
           MMModemState  new_state)
{
  MMModemState old_state = mm_gdbus_modem_get_state (self->modem);

  if (old_state == new_state)
    return;
  mm_gdbus_modem_set_state (self->modem, new_state);
  mm_gdbus_modem_emit_state_changed (self->modem, old_state, new_state,
                                     MM_MODEM_STATE_CHANGE_REASON_UNKNOWN);
}

/* "state": what a test can make of the modem; locked means a SIM PIN,
 * and leaving it unlocks the SIM again. */
static gboolean
set_state_property (MockModem   *self,
                    const char  *name,
                    GError     **error)
{
  static const char *const names[] = { "registered", "enabled", "searching", "disabled", "locked", "failed" };
  static const MMModemState states[] = {
    MM_MODEM_STATE_REGISTERED, MM_MODEM_STATE_ENABLED, MM_MODEM_STATE_SEARCHING,
    MM_MODEM_STATE_DISABLED, MM_MODEM_STATE_LOCKED, MM_MODEM_STATE_FAILED,
  };
  guint i;

  if (!lookup_name (names, G_N_ELEMENTS (names), name, &i))
    {
      g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                   "Unknown state '%s' (registered, enabled, searching, disabled, locked, failed)", name);
      return FALSE;
    }

  mm_gdbus_modem_set_unlock_required (self->modem,
                                      states[i] == MM_MODEM_STATE_LOCKED ? MM_MODEM_LOCK_SIM_PIN : MM_MODEM_LOCK_NONE);
  mm_gdbus_modem_set_state_failed_reason (self->modem,
                                          states[i] == MM_MODEM_STATE_FAILED ? MM_MODEM_STATE_FAILED_REASON_UNKNOWN
                                                                             : MM_MODEM_STATE_FAILED_REASON_NONE);
  set_state (self, states[i]);

  return TRUE;
}

/* "sim": "missing" as ModemManager shows it (no SIM path, state failed with
 * reason sim-missing), "present" back to a registered modem with its SIM. */
static gboolean
set_sim_property (MockModem   *self,
                  const char  *name,
                  GError     **error)
{
  if (g_str_equal (name, "missing"))
    {
      mm_gdbus_modem_set_sim (self->modem, "/");
      mm_gdbus_modem_set_state_failed_reason (self->modem, MM_MODEM_STATE_FAILED_REASON_SIM_MISSING);
      set_state (self, MM_MODEM_STATE_FAILED);
      return TRUE;
    }
  if (g_str_equal (name, "present"))
    {
      mm_gdbus_modem_set_sim (self->modem, self->sim_path);
      mm_gdbus_modem_set_state_failed_reason (self->modem, MM_MODEM_STATE_FAILED_REASON_NONE);
      set_state (self, MM_MODEM_STATE_REGISTERED);
      return TRUE;
    }

  g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS, "Unknown sim '%s' (present, missing)", name);
  return FALSE;
}

static gboolean
set_registration_property (MockModem   *self,
                           const char  *name,
                           GError     **error)
{
  static const char *const names[] = { "home", "roaming", "idle", "searching", "denied" };
  static const MMModem3gppRegistrationState states[] = {
    MM_MODEM_3GPP_REGISTRATION_STATE_HOME, MM_MODEM_3GPP_REGISTRATION_STATE_ROAMING,
    MM_MODEM_3GPP_REGISTRATION_STATE_IDLE, MM_MODEM_3GPP_REGISTRATION_STATE_SEARCHING,
    MM_MODEM_3GPP_REGISTRATION_STATE_DENIED,
  };
  guint i;

  if (!lookup_name (names, G_N_ELEMENTS (names), name, &i))
    {
      g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                   "Unknown registration '%s' (home, roaming, idle, searching, denied)", name);
      return FALSE;
    }

  mm_gdbus_modem3gpp_set_registration_state (self->modem_3gpp, states[i]);
  set_state (self, i < 2 ? MM_MODEM_STATE_REGISTERED
                         : (i == 3 ? MM_MODEM_STATE_SEARCHING : MM_MODEM_STATE_ENABLED));

  return TRUE;
}

static gboolean
expect_type (const char          *key,
             GVariant            *value,
             const GVariantType  *type,
             GError             **error)
{
  if (g_variant_is_of_type (value, type))
    return TRUE;

  g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS, "'%s' must be '%s', not '%s'",
               key, g_variant_type_peek_string (type), g_variant_get_type_string (value));
  return FALSE;
}

/**
 * mock_modem_set_property:
 *
 * What SetModemProperty changes on a live modem, as ModemManager would
 * show it: "signal" (u, 0–100), "state" (s), "sim" (s: present, missing),
 * "registration" (s), "operator-name" (s), "access-technology" (s: gsm,
 * umts, lte), "enable" (s: ok, unauthorized — Enable refused by polkit).
 */
gboolean
mock_modem_set_property (MockModem   *self,
                         const char  *key,
                         GVariant    *value,
                         GError     **error)
{
  if (g_str_equal (key, "signal"))
    {
      if (!expect_type (key, value, G_VARIANT_TYPE_UINT32, error))
        return FALSE;
      if (g_variant_get_uint32 (value) > 100)
        {
          g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS, "'signal' goes from 0 to 100");
          return FALSE;
        }
      mm_gdbus_modem_set_signal_quality (self->modem, g_variant_new ("(ub)", g_variant_get_uint32 (value), TRUE));
      return TRUE;
    }

  if (!expect_type (key, value, G_VARIANT_TYPE_STRING, error))
    return FALSE;

  if (g_str_equal (key, "state"))
    return set_state_property (self, g_variant_get_string (value, NULL), error);
  if (g_str_equal (key, "sim"))
    return set_sim_property (self, g_variant_get_string (value, NULL), error);
  if (g_str_equal (key, "registration"))
    return set_registration_property (self, g_variant_get_string (value, NULL), error);
  if (g_str_equal (key, "operator-name"))
    {
      mm_gdbus_modem3gpp_set_operator_name (self->modem_3gpp, g_variant_get_string (value, NULL));
      return TRUE;
    }
  if (g_str_equal (key, "enable"))
    {
      const char *mode = g_variant_get_string (value, NULL);

      if (!g_str_equal (mode, "ok") && !g_str_equal (mode, "unauthorized"))
        {
          g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                       "Unknown enable mode '%s' (ok, unauthorized)", mode);
          return FALSE;
        }
      self->enable_unauthorized = g_str_equal (mode, "unauthorized");
      return TRUE;
    }
  if (g_str_equal (key, "access-technology"))
    {
      const char *name = g_variant_get_string (value, NULL);
      MMModemAccessTechnology technology = g_str_equal (name, "gsm") ? MM_MODEM_ACCESS_TECHNOLOGY_GSM
                                         : g_str_equal (name, "umts") ? MM_MODEM_ACCESS_TECHNOLOGY_UMTS
                                         : g_str_equal (name, "lte") ? MM_MODEM_ACCESS_TECHNOLOGY_LTE
                                         : MM_MODEM_ACCESS_TECHNOLOGY_UNKNOWN;

      if (technology == MM_MODEM_ACCESS_TECHNOLOGY_UNKNOWN)
        {
          g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                       "Unknown access technology '%s' (gsm, umts, lte)", name);
          return FALSE;
        }
      mm_gdbus_modem_set_access_technologies (self->modem, technology);
      return TRUE;
    }

  g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
               "Unknown modem property '%s' (signal, state, sim, registration, operator-name, access-technology, enable)",
               key);
  return FALSE;
}
