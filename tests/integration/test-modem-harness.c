/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test-modem-harness"

#include <string.h>

#include <libmm-glib.h>

/* Proves that the mock ModemManager looks like ModemManager through
 * libmm-glib, which is what Herald's modem bridge uses. The harness starts a
 * private system bus and `herald-mock-modemmanager --modems 1` first. */

#define CONTROL_PATH      "/io/github/heraldsms/MockModemManager"
#define CONTROL_INTERFACE "io.github.heraldsms.MockModemManager"

#define WAIT_TIMEOUT_MS   5000

/* What the mock gives the modem it starts with. */
#define FIRST_MODEM_PATH  MM_DBUS_MODEM_PREFIX "/0"
#define MOCK_VERSION      "1.20.4-mock"
#define MOCK_MANUFACTURER "Herald Mock"
#define MOCK_MODEL        "HM-100 LTE"
#define MOCK_IMEI         "353456010000005"
#define MOCK_OPERATOR     "Mock Telecom"
#define MOCK_OPERATOR_ID  "62001"

typedef struct
{
  GDBusConnection *bus;
  MMManager       *manager;
} Fixture;

static gboolean
set_flag_cb (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;

  return G_SOURCE_REMOVE;
}

/* Iterate the main context until @cond holds or WAIT_TIMEOUT_MS pass, then
 * assert it: D-Bus replies and signals only arrive while we iterate. */
#define wait_until(cond)                                                      \
  G_STMT_START {                                                              \
    gboolean timed_out_ = FALSE;                                              \
    guint timeout_id_ = g_timeout_add (WAIT_TIMEOUT_MS, set_flag_cb, &timed_out_); \
    while (!(cond) && !timed_out_)                                            \
      g_main_context_iteration (NULL, TRUE);                                  \
    if (!timed_out_)                                                          \
      g_source_remove (timeout_id_);                                          \
    g_assert_true (cond);                                                     \
  } G_STMT_END

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GVariant *
control_call (Fixture     *f,
              const char  *method,
              GVariant    *parameters,
              const char  *reply_type,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_dbus_connection_call (f->bus, MM_DBUS_SERVICE, CONTROL_PATH, CONTROL_INTERFACE,
                          method, parameters,
                          reply_type != NULL ? G_VARIANT_TYPE (reply_type) : NULL,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, WAIT_TIMEOUT_MS,
                          NULL, store_result_cb, &result);
  wait_until (result != NULL);

  return g_dbus_connection_call_finish (f->bus, result, error);
}

static void
set_send_behaviour (Fixture    *f,
                    const char *mode,
                    guint       delay_ms)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = control_call (f, "SetSendBehaviour",
                        g_variant_new ("(osu)", FIRST_MODEM_PATH, mode, delay_ms),
                        "()", &error);
  g_assert_no_error (error);
}

static guint
count_modems (Fixture *f)
{
  g_autolist(GDBusObject) objects = g_dbus_object_manager_get_objects (G_DBUS_OBJECT_MANAGER (f->manager));

  return g_list_length (objects);
}

static MMObject *
lookup_modem (Fixture    *f,
              const char *path)
{
  return (MMObject *) g_dbus_object_manager_get_object (G_DBUS_OBJECT_MANAGER (f->manager), path);
}

static MMModemMessaging *
get_first_messaging (Fixture *f)
{
  g_autoptr(MMObject) object = lookup_modem (f, FIRST_MODEM_PATH);

  g_assert_nonnull (object);

  return mm_object_get_modem_messaging (object);
}

static MMSms *
create_sms (MMModemMessaging  *messaging,
            const char        *number,
            const char        *text,
            GError           **error)
{
  g_autoptr(MMSmsProperties) properties = mm_sms_properties_new ();
  g_autoptr(GAsyncResult) result = NULL;

  mm_sms_properties_set_number (properties, number);
  mm_sms_properties_set_text (properties, text);
  mm_modem_messaging_create (messaging, properties, NULL, store_result_cb, &result);
  wait_until (result != NULL);

  return mm_modem_messaging_create_finish (messaging, result, error);
}

static gboolean
send_sms (MMSms   *sms,
          GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mm_sms_send (sms, NULL, store_result_cb, &result);
  wait_until (result != NULL);

  return mm_sms_send_finish (sms, result, error);
}

static void
delete_sms (MMModemMessaging *messaging,
            MMSms            *sms)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean deleted;

  mm_modem_messaging_delete (messaging, mm_sms_get_path (sms), NULL, store_result_cb, &result);
  wait_until (result != NULL);
  deleted = mm_modem_messaging_delete_finish (messaging, result, &error);
  g_assert_no_error (error);
  g_assert_true (deleted);
}

static gboolean
sent_list_contains (Fixture    *f,
                    const char *path,
                    const char *number,
                    const char *text)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) sent = NULL;
  g_autoptr(GError) error = NULL;
  GVariantIter iter;
  const char *sent_path;
  const char *sent_number;
  const char *sent_text;

  reply = control_call (f, "ListSent", NULL, "(a(oss))", &error);
  g_assert_no_error (error);

  sent = g_variant_get_child_value (reply, 0);
  g_variant_iter_init (&iter, sent);
  while (g_variant_iter_next (&iter, "(&o&s&s)", &sent_path, &sent_number, &sent_text))
    {
      if (g_str_equal (sent_path, path) &&
          g_str_equal (sent_number, number) &&
          g_str_equal (sent_text, text))
        return TRUE;
    }

  return FALSE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = NULL;

  f->bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, &error);
  g_assert_no_error (error);

  /* No auto-start: the private bus has no service files, and a missing mock
   * must fail here rather than hang. */
  mm_manager_new (f->bus, G_DBUS_OBJECT_MANAGER_CLIENT_FLAGS_DO_NOT_AUTO_START,
                  NULL, store_result_cb, &result);
  wait_until (result != NULL);
  f->manager = mm_manager_new_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->manager);
  owner = g_dbus_object_manager_client_get_name_owner (G_DBUS_OBJECT_MANAGER_CLIENT (f->manager));
  g_assert_nonnull (owner);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  g_clear_object (&f->manager);
  g_clear_object (&f->bus);
}

static void
test_list_one_modem (Fixture       *f,
                     gconstpointer  user_data)
{
  g_autolist(GDBusObject) objects = NULL;
  MMObject *object;
  MMModem *modem;
  MMModem3gpp *modem_3gpp;
  gboolean recent = FALSE;

  g_assert_cmpstr (mm_manager_get_version (f->manager), ==, MOCK_VERSION);

  objects = g_dbus_object_manager_get_objects (G_DBUS_OBJECT_MANAGER (f->manager));
  g_assert_cmpuint (g_list_length (objects), ==, 1);

  object = MM_OBJECT (objects->data);
  g_assert_cmpstr (mm_object_get_path (object), ==, FIRST_MODEM_PATH);

  modem = mm_object_peek_modem (object);
  g_assert_nonnull (modem);
  g_assert_cmpstr (mm_modem_get_manufacturer (modem), ==, MOCK_MANUFACTURER);
  g_assert_cmpstr (mm_modem_get_model (modem), ==, MOCK_MODEL);
  g_assert_cmpstr (mm_modem_get_equipment_identifier (modem), ==, MOCK_IMEI);
  g_assert_cmpint (mm_modem_get_state (modem), ==, MM_MODEM_STATE_REGISTERED);
  g_assert_cmpuint (mm_modem_get_power_state (modem), ==, MM_MODEM_POWER_STATE_ON);
  g_assert_cmpuint (mm_modem_get_signal_quality (modem, &recent), ==, 70);
  g_assert_true (recent);
  g_assert_cmpuint (mm_modem_get_current_capabilities (modem), ==,
                    MM_MODEM_CAPABILITY_GSM_UMTS | MM_MODEM_CAPABILITY_LTE);

  modem_3gpp = mm_object_peek_modem_3gpp (object);
  g_assert_nonnull (modem_3gpp);
  g_assert_cmpstr (mm_modem_3gpp_get_imei (modem_3gpp), ==, MOCK_IMEI);
  g_assert_cmpstr (mm_modem_3gpp_get_operator_name (modem_3gpp), ==, MOCK_OPERATOR);
  g_assert_cmpstr (mm_modem_3gpp_get_operator_code (modem_3gpp), ==, MOCK_OPERATOR_ID);
  g_assert_cmpuint (mm_modem_3gpp_get_registration_state (modem_3gpp), ==,
                    MM_MODEM_3GPP_REGISTRATION_STATE_HOME);

  g_assert_nonnull (mm_object_peek_modem_messaging (object));
}

static void
record_path_cb (GDBusObjectManager *manager,
                GDBusObject        *object,
                gpointer            user_data)
{
  char **path = user_data;

  g_free (*path);
  *path = g_strdup (g_dbus_object_get_object_path (object));
}

static char *
add_modem (Fixture  *f,
           GVariant *properties)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  char *path = NULL;

  reply = control_call (f, "AddModem", g_variant_new_tuple (&properties, 1), "(o)", &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(o)", &path);

  return path;
}

static void
remove_modem (Fixture    *f,
              const char *path,
              GError    **error)
{
  g_autoptr(GVariant) reply = NULL;

  reply = control_call (f, "RemoveModem", g_variant_new ("(o)", path), "()", error);
}

static void
test_add_modem (Fixture       *f,
                gconstpointer  user_data)
{
  g_autofree char *added_path = NULL;
  g_autofree char *path = NULL;
  g_autoptr(MMObject) object = NULL;
  g_autoptr(GError) error = NULL;
  gulong handler;
  MMModem *modem;

  handler = g_signal_connect (f->manager, "object-added", G_CALLBACK (record_path_cb), &added_path);

  path = add_modem (f, g_variant_new_parsed ("{'manufacturer': <'Second Mock'>,"
                                             " 'model': <'HM-200'>,"
                                             " 'imei': <'490154203237518'>,"
                                             " 'operator-name': <'Other Telecom'>,"
                                             " 'signal': <uint32 42>}"));
  g_assert_true (g_variant_is_object_path (path));
  g_assert_cmpstr (path, !=, FIRST_MODEM_PATH);

  wait_until (g_strcmp0 (added_path, path) == 0);
  g_assert_cmpuint (count_modems (f), ==, 2);

  object = lookup_modem (f, path);
  g_assert_nonnull (object);
  modem = mm_object_peek_modem (object);
  g_assert_cmpstr (mm_modem_get_manufacturer (modem), ==, "Second Mock");
  g_assert_cmpstr (mm_modem_get_model (modem), ==, "HM-200");
  g_assert_cmpstr (mm_modem_get_equipment_identifier (modem), ==, "490154203237518");
  g_assert_cmpuint (mm_modem_get_signal_quality (modem, NULL), ==, 42);
  g_assert_cmpstr (mm_modem_3gpp_get_operator_name (mm_object_peek_modem_3gpp (object)), ==, "Other Telecom");

  g_signal_handler_disconnect (f->manager, handler);

  /* Leave the mock with its one modem for the tests that follow. */
  remove_modem (f, path, &error);
  g_assert_no_error (error);
  wait_until (count_modems (f) == 1);
}

static void
test_remove_modem (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autofree char *removed_path = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gulong handler;

  path = add_modem (f, g_variant_new_parsed ("@a{sv} {}"));
  wait_until (count_modems (f) == 2);

  handler = g_signal_connect (f->manager, "object-removed", G_CALLBACK (record_path_cb), &removed_path);
  remove_modem (f, path, &error);
  g_assert_no_error (error);

  wait_until (g_strcmp0 (removed_path, path) == 0);
  g_assert_null (g_dbus_object_manager_get_object (G_DBUS_OBJECT_MANAGER (f->manager), path));
  g_assert_cmpuint (count_modems (f), ==, 1);
  g_signal_handler_disconnect (f->manager, handler);

  /* A path is never reused, so removing it twice is an error. */
  remove_modem (f, path, &error);
  g_assert_nonnull (error);
}

static void
test_send_sms (Fixture       *f,
               gconstpointer  user_data)
{
  g_autoptr(MMModemMessaging) messaging = get_first_messaging (f);
  g_autoptr(MMSms) sms = NULL;
  g_autoptr(GError) error = NULL;
  const char *number = "+233241234567";
  const char *text = "Hello from Herald";
  gboolean sent;

  sms = create_sms (messaging, number, text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sms);
  g_assert_cmpuint (mm_sms_get_pdu_type (sms), ==, MM_SMS_PDU_TYPE_SUBMIT);
  /* As in ModemManager: neither stored nor sent yet. */
  g_assert_cmpuint (mm_sms_get_state (sms), ==, MM_SMS_STATE_UNKNOWN);
  g_assert_cmpstr (mm_sms_get_number (sms), ==, number);
  g_assert_cmpstr (mm_sms_get_text (sms), ==, text);
  g_assert_false (sent_list_contains (f, mm_sms_get_path (sms), number, text));

  sent = send_sms (sms, &error);
  g_assert_no_error (error);
  g_assert_true (sent);

  /* The reply may overtake PropertiesChanged, as with ModemManager. */
  wait_until (mm_sms_get_state (sms) == MM_SMS_STATE_SENT);
  g_assert_cmpuint (mm_sms_get_message_reference (sms), !=, 0);
  g_assert_true (sent_list_contains (f, mm_sms_get_path (sms), number, text));

  delete_sms (messaging, sms);
}

static void
test_send_multipart_reference (Fixture       *f,
                               gconstpointer  user_data)
{
  g_autoptr(MMModemMessaging) messaging = get_first_messaging (f);
  g_autoptr(MMSms) first = NULL;
  g_autoptr(MMSms) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (200, 'a');
  guint first_reference;
  gboolean sent;

  first = create_sms (messaging, "+233241234567", "one part", &error);
  g_assert_no_error (error);
  sent = send_sms (first, &error);
  g_assert_no_error (error);
  g_assert_true (sent);
  wait_until (mm_sms_get_state (first) == MM_SMS_STATE_SENT);
  first_reference = mm_sms_get_message_reference (first);

  /* 200 GSM characters go out as two parts; the SMS keeps the last part's
   * reference, which is what delivery reports will carry. */
  second = create_sms (messaging, "+233241234567", long_text, &error);
  g_assert_no_error (error);
  sent = send_sms (second, &error);
  g_assert_no_error (error);
  g_assert_true (sent);
  wait_until (mm_sms_get_state (second) == MM_SMS_STATE_SENT);
  g_assert_cmpuint (mm_sms_get_message_reference (second), ==, (first_reference + 2) % 256);

  delete_sms (messaging, first);
  delete_sms (messaging, second);
}

static void
test_send_slow (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(MMModemMessaging) messaging = get_first_messaging (f);
  g_autoptr(MMSms) sms = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started;
  gboolean sent;

  set_send_behaviour (f, "slow", 1000);

  sms = create_sms (messaging, "+233241234567", "take your time", &error);
  g_assert_no_error (error);

  started = g_get_monotonic_time ();
  mm_sms_send (sms, NULL, store_result_cb, &result);
  wait_until (mm_sms_get_state (sms) == MM_SMS_STATE_SENDING);
  g_assert_null (result);

  wait_until (result != NULL);
  /* A lower bound only: a busy machine may be later, never earlier. */
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 1000 * G_TIME_SPAN_MILLISECOND);
  sent = mm_sms_send_finish (sms, result, &error);
  g_assert_no_error (error);
  g_assert_true (sent);
  wait_until (mm_sms_get_state (sms) == MM_SMS_STATE_SENT);

  set_send_behaviour (f, "ok", 0);
  delete_sms (messaging, sms);
}

static void
test_send_fails (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autoptr(MMModemMessaging) messaging = get_first_messaging (f);
  g_autoptr(MMSms) sms = NULL;
  g_autoptr(GError) error = NULL;
  const char *number = "+233241234567";
  const char *text = "this one will not go";

  set_send_behaviour (f, "fail", 0);

  sms = create_sms (messaging, number, text, &error);
  g_assert_no_error (error);

  g_assert_false (send_sms (sms, &error));
  g_assert_error (error, MM_CORE_ERROR, MM_CORE_ERROR_FAILED);
  g_assert_cmpuint (mm_sms_get_state (sms), !=, MM_SMS_STATE_SENT);
  g_assert_false (sent_list_contains (f, mm_sms_get_path (sms), number, text));

  set_send_behaviour (f, "ok", 0);
  delete_sms (messaging, sms);
}

static void
test_unauthorized (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autoptr(MMModemMessaging) messaging = get_first_messaging (f);
  g_autoptr(MMSms) sms = NULL;
  g_autoptr(GError) error = NULL;

  set_send_behaviour (f, "unauthorized", 0);

  sms = create_sms (messaging, "+233241234567", "not allowed", &error);
  g_assert_null (sms);
  g_assert_error (error, MM_CORE_ERROR, MM_CORE_ERROR_UNAUTHORIZED);
  /* Herald's error must name the polkit action; the mock's says it too. */
  g_assert_nonnull (strstr (error->message, "org.freedesktop.ModemManager1.Messaging"));

  set_send_behaviour (f, "ok", 0);
}

typedef struct
{
  char     *path;
  gboolean  received;
} AddedSms;

static void
sms_added_cb (MMModemMessaging *messaging,
              const char       *path,
              gboolean          received,
              gpointer          user_data)
{
  AddedSms *added = user_data;

  g_free (added->path);
  added->path = g_strdup (path);
  added->received = received;
}

static gboolean
messages_contain (MMModemMessaging *messaging,
                  const char       *path)
{
  const char * const *messages = mm_gdbus_modem_messaging_get_messages (MM_GDBUS_MODEM_MESSAGING (messaging));

  return messages != NULL && g_strv_contains (messages, path);
}

static MMSms *
find_sms (MMModemMessaging *messaging,
          const char       *path)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autolist(MMSms) list = NULL;

  mm_modem_messaging_list (messaging, NULL, store_result_cb, &result);
  wait_until (result != NULL);
  list = mm_modem_messaging_list_finish (messaging, result, &error);
  g_assert_no_error (error);

  for (GList *l = list; l != NULL; l = l->next)
    if (g_str_equal (mm_sms_get_path (l->data), path))
      return g_object_ref (l->data);

  return NULL;
}

static void
test_inject_sms (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autoptr(MMModemMessaging) messaging = get_first_messaging (f);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MMSms) sms = NULL;
  g_autoptr(GDateTime) timestamp = NULL;
  AddedSms added = { NULL, FALSE };
  const char *number = "+233209876543";
  const char *text = "Incoming: ça marche ✓";
  const char *sms_path;
  gulong handler;

  handler = g_signal_connect (messaging, "added", G_CALLBACK (sms_added_cb), &added);

  reply = control_call (f, "InjectSms", g_variant_new ("(oss)", FIRST_MODEM_PATH, number, text),
                        "(o)", &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(&o)", &sms_path);

  wait_until (g_strcmp0 (added.path, sms_path) == 0);
  g_assert_true (added.received);
  g_signal_handler_disconnect (messaging, handler);

  /* libmm-glib lists from the Messages property, whose change may come a
   * moment after 'added', as with ModemManager. */
  wait_until (messages_contain (messaging, sms_path));
  sms = find_sms (messaging, sms_path);
  g_assert_nonnull (sms);
  g_assert_cmpstr (mm_sms_get_text (sms), ==, text);
  g_assert_cmpstr (mm_sms_get_number (sms), ==, number);
  g_assert_cmpuint (mm_sms_get_state (sms), ==, MM_SMS_STATE_RECEIVED);
  g_assert_cmpuint (mm_sms_get_pdu_type (sms), ==, MM_SMS_PDU_TYPE_DELIVER);

  timestamp = g_date_time_new_from_iso8601 (mm_sms_get_timestamp (sms), NULL);
  g_assert_nonnull (timestamp);

  delete_sms (messaging, sms);
  g_free (added.path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Never the real system bus: that would be the user's modems. */
  if (g_getenv ("DBUS_SYSTEM_BUS_ADDRESS") == NULL)
    {
      g_printerr ("DBUS_SYSTEM_BUS_ADDRESS is not set; run through the test harness\n");
      return 77;
    }

  /* Maps org.freedesktop.ModemManager1.Error.Core.* to MM_CORE_ERROR before
   * the first error arrives. */
  mm_core_error_quark ();

#define ADD_TEST(path, func) \
  g_test_add ("/mock-modemmanager/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("list-one-modem", test_list_one_modem);
  ADD_TEST ("add-modem", test_add_modem);
  ADD_TEST ("remove-modem", test_remove_modem);
  ADD_TEST ("send-sms/ok", test_send_sms);
  ADD_TEST ("send-sms/multipart-reference", test_send_multipart_reference);
  ADD_TEST ("send-sms/slow", test_send_slow);
  ADD_TEST ("send-sms/fails", test_send_fails);
  ADD_TEST ("send-sms/unauthorized", test_unauthorized);
  ADD_TEST ("inject-sms", test_inject_sms);

#undef ADD_TEST

  return g_test_run ();
}
