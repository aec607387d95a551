/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-mock-mm"

#include <glib-unix.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "mock-modem.h"

#define MOCK_VERSION        "1.20.4-mock"
#define CONTROL_PATH        "/io/github/heraldsms/MockModemManager"
#define CONTROL_INTERFACE   "io.github.heraldsms.MockModemManager"
#define CONTROL_ERROR       CONTROL_INTERFACE ".Error.Failed"

/* How tests drive the mock; see README.md. */
static const char control_xml[] =
  "<node>"
  "  <interface name='" CONTROL_INTERFACE "'>"
  "    <method name='AddModem'>"
  "      <arg type='a{sv}' name='properties' direction='in'/>"
  "      <arg type='o' name='path' direction='out'/>"
  "    </method>"
  "    <method name='RemoveModem'>"
  "      <arg type='o' name='path' direction='in'/>"
  "    </method>"
  "    <method name='InjectSms'>"
  "      <arg type='o' name='modem' direction='in'/>"
  "      <arg type='s' name='number' direction='in'/>"
  "      <arg type='s' name='text' direction='in'/>"
  "      <arg type='o' name='sms' direction='out'/>"
  "    </method>"
  "    <method name='InjectReceivingSms'>"
  "      <arg type='o' name='modem' direction='in'/>"
  "      <arg type='s' name='number' direction='in'/>"
  "      <arg type='s' name='text' direction='in'/>"
  "      <arg type='o' name='sms' direction='out'/>"
  "    </method>"
  "    <method name='SetSmsTimestamp'>"
  "      <arg type='o' name='sms' direction='in'/>"
  "      <arg type='s' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='CompleteSms'>"
  "      <arg type='o' name='sms' direction='in'/>"
  "    </method>"
  "    <method name='InjectStatusReport'>"
  "      <arg type='o' name='modem' direction='in'/>"
  "      <arg type='u' name='reference' direction='in'/>"
  "      <arg type='u' name='delivery_state' direction='in'/>"
  "      <arg type='o' name='sms' direction='out'/>"
  "    </method>"
  "    <method name='SetStatusReports'>"
  "      <arg type='o' name='modem' direction='in'/>"
  "      <arg type='u' name='delivery_state' direction='in'/>"
  "      <arg type='u' name='delay_ms' direction='in'/>"
  "    </method>"
  "    <method name='SetModemProperty'>"
  "      <arg type='o' name='modem' direction='in'/>"
  "      <arg type='s' name='key' direction='in'/>"
  "      <arg type='v' name='value' direction='in'/>"
  "    </method>"
  "    <method name='SetSendBehaviour'>"
  "      <arg type='o' name='modem' direction='in'/>"
  "      <arg type='s' name='mode' direction='in'/>"
  "      <arg type='u' name='delay_ms' direction='in'/>"
  "    </method>"
  "    <method name='ListSent'>"
  "      <arg type='a(oss)' name='sent' direction='out'/>"
  "    </method>"
  "    <method name='Quit'/>"
  "  </interface>"
  "</node>";

typedef struct
{
  MockContext                         context;
  GMainLoop                          *loop;
  int                                 exit_status;

  guint                               n_initial_modems;
  char                               *ready_file;

  guint                               owner_id;
  guint                               control_id;
  guint                               sigterm_id;
  guint                               sigint_id;
  GDBusObjectManagerServer           *object_manager;
  MmGdbusOrgFreedesktopModemManager1 *manager;
  GHashTable                         *modems;          /* path → MockModem */
  guint                               next_modem_index;
} MockDaemon;

static void
mock_daemon_quit (MockDaemon *self,
                  int         exit_status)
{
  if (exit_status != 0)
    self->exit_status = exit_status;
  if (self->loop != NULL)
    g_main_loop_quit (self->loop);
}

static const char *
mock_daemon_add_modem (MockDaemon  *self,
                       GVariant    *overrides,
                       GError     **error)
{
  MockModem *modem;
  const char *path;

  modem = mock_modem_new (&self->context, self->next_modem_index, overrides, error);
  if (modem == NULL)
    return NULL;

  /* Paths are never reused, as in ModemManager: a test holding an old path
   * must not silently reach a new modem. */
  self->next_modem_index++;
  path = mock_modem_get_path (modem);
  g_hash_table_insert (self->modems, (gpointer) path, modem);
  g_dbus_object_manager_server_export (self->object_manager, mock_modem_get_object (modem));
  g_debug ("Added modem %s", path);

  return path;
}

static void
mock_daemon_unexport_modem (MockDaemon *self,
                            MockModem  *modem)
{
  g_dbus_object_manager_server_unexport (self->object_manager, mock_modem_get_path (modem));
}

static MockModem *
mock_daemon_lookup_modem (MockDaemon  *self,
                          const char  *path,
                          GError     **error)
{
  MockModem *modem = g_hash_table_lookup (self->modems, path);

  if (modem == NULL)
    g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS, "No modem at '%s'", path);

  return modem;
}

static GVariant *
control_add_modem (MockDaemon  *self,
                   GVariant    *parameters,
                   GError     **error)
{
  g_autoptr(GVariant) overrides = NULL;
  const char *path;

  g_variant_get (parameters, "(@a{sv})", &overrides);
  path = mock_daemon_add_modem (self, overrides, error);
  if (path == NULL)
    return NULL;

  return g_variant_new ("(o)", path);
}

static GVariant *
control_remove_modem (MockDaemon  *self,
                      GVariant    *parameters,
                      GError     **error)
{
  const char *path;
  MockModem *modem;

  g_variant_get (parameters, "(&o)", &path);
  modem = mock_daemon_lookup_modem (self, path, error);
  if (modem == NULL)
    return NULL;

  g_debug ("Removing modem %s", path);
  mock_daemon_unexport_modem (self, modem);
  g_hash_table_remove (self->modems, mock_modem_get_path (modem));

  return g_variant_new ("()");
}

static GVariant *
control_inject_sms (MockDaemon  *self,
                    GVariant    *parameters,
                    GError     **error)
{
  const char *modem_path;
  const char *number;
  const char *text;
  g_autofree char *sms_path = NULL;
  MockModem *modem;

  g_variant_get (parameters, "(&o&s&s)", &modem_path, &number, &text);
  modem = mock_daemon_lookup_modem (self, modem_path, error);
  if (modem == NULL)
    return NULL;

  sms_path = mock_modem_inject_sms (modem, number, text, FALSE, error);
  if (sms_path == NULL)
    return NULL;

  return g_variant_new ("(o)", sms_path);
}

static GVariant *
control_inject_receiving_sms (MockDaemon  *self,
                              GVariant    *parameters,
                              GError     **error)
{
  const char *modem_path;
  const char *number;
  const char *text;
  g_autofree char *sms_path = NULL;
  MockModem *modem;

  g_variant_get (parameters, "(&o&s&s)", &modem_path, &number, &text);
  modem = mock_daemon_lookup_modem (self, modem_path, error);
  if (modem == NULL)
    return NULL;

  sms_path = mock_modem_inject_sms (modem, number, text, TRUE, error);
  if (sms_path == NULL)
    return NULL;

  return g_variant_new ("(o)", sms_path);
}

static MockSms *
mock_daemon_lookup_sms (MockDaemon  *self,
                        const char  *sms_path,
                        GError     **error)
{
  GHashTableIter iter;
  gpointer modem;

  g_hash_table_iter_init (&iter, self->modems);
  while (g_hash_table_iter_next (&iter, NULL, &modem))
    {
      MockSms *sms = mock_modem_find_sms (modem, sms_path);

      if (sms != NULL)
        return sms;
    }

  g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS, "No SMS at '%s'", sms_path);
  return NULL;
}

static GVariant *
control_complete_sms (MockDaemon  *self,
                      GVariant    *parameters,
                      GError     **error)
{
  const char *sms_path;
  MockSms *sms;

  g_variant_get (parameters, "(&o)", &sms_path);
  sms = mock_daemon_lookup_sms (self, sms_path, error);
  if (sms == NULL || !mock_sms_complete (sms, error))
    return NULL;

  return g_variant_new ("()");
}

static GVariant *
control_set_sms_timestamp (MockDaemon  *self,
                           GVariant    *parameters,
                           GError     **error)
{
  const char *sms_path;
  const char *timestamp;
  g_autoptr(GDateTime) parsed = NULL;
  MockSms *sms;

  g_variant_get (parameters, "(&o&s)", &sms_path, &timestamp);
  parsed = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (parsed == NULL)
    {
      g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                   "'%s' is no ISO 8601 time with an offset", timestamp);
      return NULL;
    }
  sms = mock_daemon_lookup_sms (self, sms_path, error);
  if (sms == NULL)
    return NULL;
  mock_sms_set_timestamp (sms, timestamp);

  return g_variant_new ("()");
}

static GVariant *
control_inject_status_report (MockDaemon  *self,
                              GVariant    *parameters,
                              GError     **error)
{
  const char *modem_path;
  guint reference;
  guint delivery_state;
  g_autofree char *sms_path = NULL;
  MockModem *modem;

  g_variant_get (parameters, "(&ouu)", &modem_path, &reference, &delivery_state);
  modem = mock_daemon_lookup_modem (self, modem_path, error);
  if (modem == NULL)
    return NULL;

  sms_path = mock_modem_inject_status_report (modem, reference, delivery_state, error);
  if (sms_path == NULL)
    return NULL;

  return g_variant_new ("(o)", sms_path);
}

static GVariant *
control_set_status_reports (MockDaemon  *self,
                            GVariant    *parameters,
                            GError     **error)
{
  const char *modem_path;
  guint delivery_state;
  guint delay_ms;
  MockModem *modem;

  g_variant_get (parameters, "(&ouu)", &modem_path, &delivery_state, &delay_ms);
  modem = mock_daemon_lookup_modem (self, modem_path, error);
  if (modem == NULL)
    return NULL;

  mock_modem_set_status_reports (modem, delivery_state, delay_ms);

  return g_variant_new ("()");
}

static GVariant *
control_set_modem_property (MockDaemon  *self,
                            GVariant    *parameters,
                            GError     **error)
{
  const char *modem_path;
  const char *key;
  g_autoptr(GVariant) value = NULL;
  MockModem *modem;

  g_variant_get (parameters, "(&o&sv)", &modem_path, &key, &value);
  modem = mock_daemon_lookup_modem (self, modem_path, error);
  if (modem == NULL)
    return NULL;

  if (!mock_modem_set_property (modem, key, value, error))
    return NULL;

  return g_variant_new ("()");
}

static GVariant *
control_set_send_behaviour (MockDaemon  *self,
                            GVariant    *parameters,
                            GError     **error)
{
  const char *modem_path;
  const char *mode;
  guint delay_ms;
  MockModem *modem;

  g_variant_get (parameters, "(&o&su)", &modem_path, &mode, &delay_ms);
  modem = mock_daemon_lookup_modem (self, modem_path, error);
  if (modem == NULL)
    return NULL;

  if (!mock_modem_set_send_behaviour (modem, mode, delay_ms, error))
    return NULL;

  return g_variant_new ("()");
}

static GVariant *
control_list_sent (MockDaemon  *self,
                   GVariant    *parameters,
                   GError     **error)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(oss)"));
  for (guint i = 0; i < self->context.sent->len; i++)
    g_variant_builder_add_value (&builder, g_ptr_array_index (self->context.sent, i));

  return g_variant_new ("(a(oss))", &builder);
}

static void
control_method_call (GDBusConnection       *connection,
                     const char            *sender,
                     const char            *object_path,
                     const char            *interface_name,
                     const char            *method_name,
                     GVariant              *parameters,
                     GDBusMethodInvocation *invocation,
                     gpointer               user_data)
{
  static const struct {
    const char *name;
    GVariant *(*handle) (MockDaemon *self, GVariant *parameters, GError **error);
  } methods[] = {
    { "AddModem", control_add_modem },
    { "RemoveModem", control_remove_modem },
    { "InjectSms", control_inject_sms },
    { "InjectReceivingSms", control_inject_receiving_sms },
    { "CompleteSms", control_complete_sms },
    { "SetSmsTimestamp", control_set_sms_timestamp },
    { "InjectStatusReport", control_inject_status_report },
    { "SetStatusReports", control_set_status_reports },
    { "SetModemProperty", control_set_modem_property },
    { "SetSendBehaviour", control_set_send_behaviour },
    { "ListSent", control_list_sent },
  };
  MockDaemon *self = user_data;

  if (g_str_equal (method_name, "Quit"))
    {
      g_debug ("Quit requested by %s", sender);
      g_dbus_method_invocation_return_value (invocation, NULL);
      mock_daemon_quit (self, 0);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      if (g_str_equal (method_name, methods[i].name))
        {
          g_autoptr(GError) error = NULL;
          GVariant *result = methods[i].handle (self, parameters, &error);

          /* One error name of our own: gdbus-call reads InvalidArgs as a
           * signature mismatch and prints a misleading hint. */
          if (result == NULL)
            g_dbus_method_invocation_return_dbus_error (invocation, CONTROL_ERROR, error->message);
          else
            g_dbus_method_invocation_return_value (invocation, result);
          return;
        }
    }

  /* GDBus checks calls against the introspection data; this is unreachable. */
  g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                         "No method %s", method_name);
}

static const GDBusInterfaceVTable control_vtable = {
  .method_call = control_method_call,
};

static gboolean
handle_scan_devices (MmGdbusOrgFreedesktopModemManager1 *manager,
                     GDBusMethodInvocation              *invocation,
                     gpointer                            user_data)
{
  mm_gdbus_org_freedesktop_modem_manager1_complete_scan_devices (manager, invocation);

  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_set_logging (MmGdbusOrgFreedesktopModemManager1 *manager,
                    GDBusMethodInvocation              *invocation,
                    const char                         *level,
                    gpointer                            user_data)
{
  mm_gdbus_org_freedesktop_modem_manager1_complete_set_logging (manager, invocation);

  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
mock_daemon_export (MockDaemon       *self,
                    GDBusConnection  *connection,
                    GError          **error)
{
  g_autoptr(GDBusNodeInfo) node_info = NULL;

  self->context.connection = g_object_ref (connection);

  /* The manager interface sits on the object manager's own path, beside
   * org.freedesktop.DBus.ObjectManager, as in ModemManager. */
  self->manager = mm_gdbus_org_freedesktop_modem_manager1_skeleton_new ();
  mm_gdbus_org_freedesktop_modem_manager1_set_version (self->manager, MOCK_VERSION);
  g_signal_connect (self->manager, "handle-scan-devices", G_CALLBACK (handle_scan_devices), self);
  g_signal_connect (self->manager, "handle-set-logging", G_CALLBACK (handle_set_logging), self);
  if (!g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->manager),
                                         connection, MM_DBUS_PATH, error))
    return FALSE;

  self->object_manager = g_dbus_object_manager_server_new (MM_DBUS_PATH);
  g_dbus_object_manager_server_set_connection (self->object_manager, connection);

  for (guint i = 0; i < self->n_initial_modems; i++)
    if (mock_daemon_add_modem (self, NULL, error) == NULL)
      return FALSE;

  node_info = g_dbus_node_info_new_for_xml (control_xml, error);
  if (node_info == NULL)
    return FALSE;

  self->control_id = g_dbus_connection_register_object (connection, CONTROL_PATH,
                                                        node_info->interfaces[0],
                                                        &control_vtable,
                                                        self, NULL, error);

  return self->control_id != 0;
}

/* Everything is exported before the name is requested, so a client that
 * sees the name also sees the modems. */
static void
on_bus_acquired (GDBusConnection *connection,
                 const char      *name,
                 gpointer         user_data)
{
  MockDaemon *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mock_daemon_export (self, connection, &error))
    {
      g_warning ("Could not export the mock ModemManager: %s", error->message);
      mock_daemon_quit (self, 1);
    }
}

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  MockDaemon *self = user_data;
  g_autoptr(GError) error = NULL;

  g_debug ("Owning %s with %u modem(s)", name, g_hash_table_size (self->modems));

  if (self->ready_file != NULL &&
      !g_file_set_contents (self->ready_file, "ready\n", -1, &error))
    {
      g_warning ("Could not write the ready file: %s", error->message);
      mock_daemon_quit (self, 1);
    }
}

static void
on_name_lost (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  MockDaemon *self = user_data;

  if (connection == NULL)
    g_warning ("Could not connect to the bus at DBUS_SYSTEM_BUS_ADDRESS (%s)",
               g_getenv ("DBUS_SYSTEM_BUS_ADDRESS"));
  else
    g_warning ("Lost or could not own %s", name);

  mock_daemon_quit (self, 1);
}

static gboolean
on_quit_signal (gpointer user_data)
{
  MockDaemon *self = user_data;

  g_debug ("Terminating on signal");
  mock_daemon_quit (self, 0);

  return G_SOURCE_CONTINUE;
}

static void
mock_daemon_clear (MockDaemon *self)
{
  GHashTableIter iter;
  gpointer modem;

  g_clear_handle_id (&self->owner_id, g_bus_unown_name);

  if (self->control_id != 0)
    {
      g_dbus_connection_unregister_object (self->context.connection, self->control_id);
      self->control_id = 0;
    }

  /* Say goodbye on the bus, so clients see InterfacesRemoved as they would
   * when ModemManager stops. */
  if (self->modems != NULL && self->object_manager != NULL)
    {
      g_hash_table_iter_init (&iter, self->modems);
      while (g_hash_table_iter_next (&iter, NULL, &modem))
        mock_daemon_unexport_modem (self, modem);
    }
  g_clear_pointer (&self->modems, g_hash_table_unref);

  if (self->manager != NULL)
    {
      if (g_dbus_interface_skeleton_get_object_path (G_DBUS_INTERFACE_SKELETON (self->manager)) != NULL)
        g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->manager));
      g_signal_handlers_disconnect_by_data (self->manager, self);
      g_clear_object (&self->manager);
    }

  g_clear_object (&self->object_manager);

  /* The reply to Quit and the last signals must leave before we go. */
  if (self->context.connection != NULL)
    g_dbus_connection_flush_sync (self->context.connection, NULL, NULL);
  g_clear_object (&self->context.connection);

  g_clear_pointer (&self->context.sent, g_ptr_array_unref);
  g_clear_pointer (&self->loop, g_main_loop_unref);

  if (self->ready_file != NULL)
    g_unlink (self->ready_file);
  g_clear_pointer (&self->ready_file, g_free);

  /* Last, so a SIGTERM during the cleanup cannot cut it short. */
  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MockDaemon, mock_daemon_clear)

int
main (int   argc,
      char *argv[])
{
  g_auto(MockDaemon) daemon = { 0 };
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ready_file = NULL;
  int n_modems = 1;
  GOptionEntry entries[] = {
    { "modems", 0, 0, G_OPTION_ARG_INT, &n_modems, "Modems to create at start (default 1)", "N" },
    { "ready-file", 0, 0, G_OPTION_ARG_FILENAME, &ready_file, "Write \"ready\" here once the name is owned", "PATH" },
    { NULL }
  };

  /* stdout is not ours to use: debug output goes with the warnings. */
  g_log_writer_default_set_use_stderr (TRUE);

  option_context = g_option_context_new ("- mock ModemManager for Herald's tests");
  g_option_context_add_main_entries (option_context, entries, NULL);
  if (!g_option_context_parse (option_context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (n_modems < 0)
    {
      g_printerr ("--modems must not be negative\n");
      return 2;
    }

  /* Only ever a private bus: a test must not own the real name next to a
   * running ModemManager, nor reach the user's modems. */
  if (g_getenv ("DBUS_SYSTEM_BUS_ADDRESS") == NULL)
    {
      g_printerr ("DBUS_SYSTEM_BUS_ADDRESS is not set; start a private bus first (see README.md)\n");
      return 2;
    }

  daemon.loop = g_main_loop_new (NULL, FALSE);
  daemon.context.sent = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  daemon.modems = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) mock_modem_free);
  daemon.n_initial_modems = n_modems;
  daemon.ready_file = g_steal_pointer (&ready_file);

  /* A ready file left by an earlier run would wake the harness too early. */
  if (daemon.ready_file != NULL)
    g_unlink (daemon.ready_file);

  daemon.sigterm_id = g_unix_signal_add (SIGTERM, on_quit_signal, &daemon);
  daemon.sigint_id = g_unix_signal_add (SIGINT, on_quit_signal, &daemon);

  daemon.owner_id = g_bus_own_name (G_BUS_TYPE_SYSTEM,
                                    MM_DBUS_SERVICE,
                                    G_BUS_NAME_OWNER_FLAGS_NONE,
                                    on_bus_acquired,
                                    on_name_acquired,
                                    on_name_lost,
                                    &daemon,
                                    NULL);

  g_main_loop_run (daemon.loop);

  return daemon.exit_status;
}
