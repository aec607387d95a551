/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test-modem"

#include <string.h>

#include <libmm-glib.h>

#include "herald-core.h"
#include "herald-test-mock-modem.h"
#include "herald-test-util.h"

/* HeraldModemManager and HeraldModem against the mock ModemManager with two
 * modems on a private system bus (--mock-modems 2). Each test leaves the
 * mock as it found it; the last one stops it. */

#define NUMBER "+233241234567"

typedef struct
{
  HeraldModemManager *manager;
} Fixture;

static HeraldModemManager *
new_manager (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldModemManager *manager;

  herald_modem_manager_new_async (NULL, NULL, herald_test_async_done, &result);
  manager = herald_modem_manager_new_finish (herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (manager);

  return manager;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->manager = new_manager ();
  g_assert_true (herald_modem_manager_get_running (f->manager));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->manager);
}

static HeraldModem *
modem_at (Fixture    *f,
          const char *path)
{
  HeraldModem *modem = herald_modem_manager_lookup (f->manager, path);

  g_assert_nonnull (modem);
  return modem;
}

static char *
create_sms (HeraldModem  *modem,
            const char   *text,
            GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  herald_modem_create_sms_async (modem, NUMBER, text, 1440, TRUE, NULL, herald_test_async_done, &result);
  return herald_modem_create_sms_finish (modem, herald_test_wait (&result), error);
}

static gboolean
send_sms (HeraldModem  *modem,
          const char   *path,
          guint        *reference,
          GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  herald_modem_send_sms_async (modem, path, NULL, herald_test_async_done, &result);
  return herald_modem_send_sms_finish (modem, herald_test_wait (&result), reference, error);
}

static guint
create_and_send (HeraldModem *modem,
                 const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = create_sms (modem, text, &error);
  guint reference = 999;

  g_assert_no_error (error);
  g_assert_true (send_sms (modem, path, &reference, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reference, <, 256);

  return reference;
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  GListModel *list = G_LIST_MODEL (f->manager);
  g_autoptr(HeraldModem) first = NULL;
  g_autoptr(HeraldModem) second = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_true (g_list_model_get_item_type (list) == HERALD_TYPE_MODEM);
  first = g_list_model_get_item (list, 0);
  second = g_list_model_get_item (list, 1);
  g_assert_null (g_list_model_get_item (list, 2));

  g_assert_cmpstr (herald_modem_get_path (first), ==, HERALD_TEST_MOCK_MODEM_0);
  g_assert_cmpstr (herald_modem_get_device_id (first), ==, HERALD_TEST_MOCK_DEVICE_0);
  g_assert_cmpstr (herald_modem_get_device_id (second), ==, HERALD_TEST_MOCK_DEVICE_1);
  g_assert_cmpstr (herald_modem_get_equipment_id (first), ==, "353456010000005");
  g_assert_cmpstr (herald_modem_get_manufacturer (first), ==, "Herald Mock");
  g_assert_cmpstr (herald_modem_get_model (first), ==, "HM-100 LTE");
  g_assert_cmpstr (herald_modem_get_own_number (first), ==, "+233240000001");
  g_assert_cmpstr (herald_modem_get_state (first), ==, "registered");
  g_assert_cmpuint (herald_modem_get_signal_quality (first), ==, 70);
  g_assert_cmpstr (herald_modem_get_access_technology (first), ==, "lte");
  g_assert_cmpstr (herald_modem_get_operator_name (first), ==, "Mock Telecom");
  g_assert_cmpstr (herald_modem_get_operator_code (first), ==, "62001");
  g_assert_true (herald_modem_get_sim_present (first));
  g_assert_false (herald_modem_get_sim_locked (first));
  g_assert_true (herald_modem_get_registered (first));
  g_assert_true (herald_modem_get_usable (first));
  g_assert_null (herald_modem_get_unusable_reason (first));
  g_assert_true (herald_modem_is_present (first));

  /* By UUID, IMEI or path alike. */
  g_assert_true (herald_modem_manager_lookup (f->manager, HERALD_TEST_MOCK_DEVICE_1) == second);
  g_assert_true (herald_modem_manager_lookup (f->manager, "353456010000013") == second);
  g_assert_null (herald_modem_manager_lookup (f->manager, "00000000-0000-5000-8000-000000000000"));
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint calls;
} ItemsChanged;

static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ItemsChanged *changed = user_data;

  *changed = (ItemsChanged) { position, removed, added, changed->calls + 1 };
}

static void
count_cb (gpointer  instance,
          gpointer  user_data)
{
  (*(guint *) user_data)++;
}

static void
test_hotplug (Fixture       *f,
              gconstpointer  data)
{
  GListModel *list = G_LIST_MODEL (f->manager);
  ItemsChanged changed = { 0 };
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldModem) added = NULL;
  const char *path;
  guint removed_signals = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changed);

  reply = herald_test_mock_call ("AddModem",
                                 g_variant_new_parsed ("({'imei': <'490154203237518'>, 'signal': <uint32 42>},)"),
                                 "(o)", &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(&o)", &path);

  herald_test_wait_until (changed.calls == 1);
  g_assert_cmpuint (changed.position, ==, 2);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 0);
  added = g_list_model_get_item (list, 2);
  g_assert_cmpstr (herald_modem_get_path (added), ==, path);
  g_assert_cmpstr (herald_modem_get_device_id (added), ==, "d3b0de96-42f5-5026-9e1a-6cf71e6c2cc4");
  g_assert_cmpuint (herald_modem_get_signal_quality (added), ==, 42);

  g_signal_connect (added, "removed", G_CALLBACK (count_cb), &removed_signals);
  herald_test_mock_do ("RemoveModem", g_variant_new ("(o)", path));
  herald_test_wait_until (changed.calls == 2);
  g_assert_cmpuint (changed.position, ==, 2);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_cmpuint (removed_signals, ==, 1);
  g_assert_false (herald_modem_is_present (added));
  g_assert_false (herald_modem_get_usable (added));
  g_assert_null (herald_modem_manager_lookup (f->manager, path));

  g_signal_handlers_disconnect_by_data (list, &changed);
}

static void
assert_unusable (HeraldModem *modem,
                 const char  *reason_part)
{
  herald_test_wait_until (!herald_modem_get_usable (modem));
  g_assert_nonnull (strstr (herald_modem_get_unusable_reason (modem), reason_part));
}

static void
test_health (Fixture       *f,
             gconstpointer  data)
{
  HeraldModem *modem = modem_at (f, HERALD_TEST_MOCK_MODEM_1);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "signal", g_variant_new_uint32 (0));
  assert_unusable (modem, "no signal");
  g_assert_cmpuint (herald_modem_get_signal_quality (modem), ==, 0);
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "signal", g_variant_new_uint32 (55));
  herald_test_wait_until (herald_modem_get_usable (modem));
  g_assert_cmpuint (herald_modem_get_signal_quality (modem), ==, 55);

  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "state", g_variant_new_string ("locked"));
  assert_unusable (modem, "PIN");
  g_assert_true (herald_modem_get_sim_locked (modem));
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "state", g_variant_new_string ("registered"));
  herald_test_wait_until (herald_modem_get_usable (modem));
  g_assert_false (herald_modem_get_sim_locked (modem));

  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "sim", g_variant_new_string ("missing"));
  assert_unusable (modem, "no SIM");
  g_assert_false (herald_modem_get_sim_present (modem));
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "sim", g_variant_new_string ("present"));
  herald_test_wait_until (herald_modem_get_usable (modem));

  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "registration", g_variant_new_string ("denied"));
  assert_unusable (modem, "not registered");
  g_assert_false (herald_modem_get_registered (modem));
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "registration", g_variant_new_string ("home"));
  herald_test_wait_until (herald_modem_get_usable (modem));

  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "access-technology", g_variant_new_string ("umts"));
  herald_test_wait_until (g_strcmp0 (herald_modem_get_access_technology (modem), "umts") == 0);
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "operator-name", g_variant_new_string ("Other Net"));
  herald_test_wait_until (g_strcmp0 (herald_modem_get_operator_name (modem), "Other Net") == 0);

  /* A disabled modem is enabled on request. */
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "state", g_variant_new_string ("disabled"));
  assert_unusable (modem, "disabled");
  g_assert_cmpstr (herald_modem_get_state (modem), ==, "disabled");
  herald_modem_enable_async (modem, NULL, herald_test_async_done, &result);
  g_assert_true (herald_modem_enable_finish (modem, herald_test_wait (&result), &error));
  g_assert_no_error (error);
  herald_test_wait_until (herald_modem_get_usable (modem));
  g_assert_cmpstr (herald_modem_get_state (modem), ==, "registered");

  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "access-technology", g_variant_new_string ("lte"));
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "operator-name", g_variant_new_string ("Mock Telecom"));
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "signal", g_variant_new_uint32 (70));
}

static gboolean
mock_sms_properties (const char *path,
                     guint      *validity,
                     gboolean   *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MMSms) sms = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_async_initable_new_async (MM_TYPE_SMS, G_PRIORITY_DEFAULT, NULL, herald_test_async_done, &result,
                              "g-flags", G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START,
                              "g-name", MM_DBUS_SERVICE, "g-connection", herald_test_mock_bus (),
                              "g-object-path", path, "g-interface-name", "org.freedesktop.ModemManager1.Sms",
                              NULL);
  herald_test_wait (&result);
  sms = MM_SMS (g_async_initable_new_finish (G_ASYNC_INITABLE (g_async_result_get_source_object (result)),
                                             result, &error));
  g_object_unref (g_async_result_get_source_object (result));
  g_assert_no_error (error);

  *report = mm_sms_get_delivery_report_request (sms);
  if (mm_sms_get_validity_type (sms) != MM_SMS_VALIDITY_TYPE_RELATIVE)
    return FALSE;
  *validity = mm_sms_get_validity_relative (sms);

  return TRUE;
}

static void
test_send (Fixture       *f,
           gconstpointer  data)
{
  HeraldModem *modem = modem_at (f, HERALD_TEST_MOCK_MODEM_0);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *long_text = g_strnfill (200, 'b');
  guint reference = 999;
  guint validity = 0;
  gboolean report = FALSE;
  guint next;

  path = create_sms (modem, "Hello through a modem", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (path, "/org/freedesktop/ModemManager1/SMS/"));
  /* Created, recorded, not sent yet. */
  g_assert_cmpuint (herald_test_mock_count_sent (NUMBER, "Hello through a modem"), ==, 0);
  g_assert_true (mock_sms_properties (path, &validity, &report));
  g_assert_cmpuint (validity, ==, 1440);
  g_assert_true (report);

  g_assert_true (send_sms (modem, path, &reference, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (herald_test_mock_count_sent (NUMBER, "Hello through a modem"), ==, 1);

  /* A 200-character text is one SMS object in two parts: it carries the
   * last part's reference. */
  next = create_and_send (modem, long_text);
  g_assert_cmpuint (next, ==, (reference + 2) % 256);
  g_assert_cmpuint (herald_test_mock_count_sent (NUMBER, long_text), ==, 1);

  /* State and reference arriving after Send's reply are waited for. */
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "late-state", 0);
  g_assert_cmpuint (create_and_send (modem, "late"), ==, (next + 1) % 256);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "ok", 0);
}

static void
test_send_refused (Fixture       *f,
                   gconstpointer  data)
{
  HeraldModem *modem = modem_at (f, HERALD_TEST_MOCK_MODEM_0);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = create_sms (modem, "not through", &error);

  g_assert_no_error (error);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "network-timeout", 0);
  g_assert_false (send_sms (modem, path, NULL, &error));
  g_assert_error (error, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_REFUSED);
  /* The modem's own reason reaches the user. */
  g_assert_nonnull (strstr (error->message, "Network timeout"));
  g_assert_true (herald_modem_error_is_modem_side (error));
  g_clear_error (&error);

  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "fail", 0);
  g_assert_false (send_sms (modem, path, NULL, &error));
  g_assert_error (error, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "set to fail"));
  g_clear_error (&error);

  /* ModemManager leaves a failed SMS sendable: the same object goes out. */
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "ok", 0);
  g_assert_true (send_sms (modem, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (herald_test_mock_count_sent (NUMBER, "not through"), ==, 1);

  /* Bad input never reaches the modem. */
  g_assert_null (create_sms (modem, "", &error));
  g_assert_error (error, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_INVALID);
}

static void
test_unauthorized (Fixture       *f,
                   gconstpointer  data)
{
  HeraldModem *modem = modem_at (f, HERALD_TEST_MOCK_MODEM_0);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "unauthorized", 0);
  path = create_sms (modem, "not allowed", &error);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "ok", 0);

  g_assert_null (path);
  g_assert_error (error, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "polkit"));
  g_assert_nonnull (strstr (error->message, "org.freedesktop.ModemManager1.Messaging"));
  g_assert_false (herald_modem_error_is_modem_side (error));
}

static void
test_send_gone (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *path = NULL;
  HeraldModem *modem;
  const char *modem_path;

  reply = herald_test_mock_call ("AddModem", g_variant_new_parsed ("(@a{sv} {},)"), "(o)", &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(&o)", &modem_path);
  herald_test_wait_until (herald_modem_manager_lookup (f->manager, modem_path) != NULL);
  modem = g_object_ref (herald_modem_manager_lookup (f->manager, modem_path));

  path = create_sms (modem, "never arrives", &error);
  g_assert_no_error (error);
  herald_test_mock_send_mode (modem_path, "slow", 20000);
  herald_modem_send_sms_async (modem, path, NULL, herald_test_async_done, &result);
  herald_test_mock_do ("RemoveModem", g_variant_new ("(o)", modem_path));

  g_assert_false (herald_modem_send_sms_finish (modem, herald_test_wait (&result), NULL, &error));
  g_assert_error (error, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_GONE);
  g_assert_true (herald_modem_error_is_modem_side (error));
  g_clear_error (&error);

  /* A gone modem answers at once, saying so. */
  g_assert_null (create_sms (modem, "again", &error));
  g_assert_error (error, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_GONE);
  g_object_unref (modem);
}

static void
test_query (Fixture       *f,
            gconstpointer  data)
{
  HeraldModem *modem = modem_at (f, HERALD_TEST_MOCK_MODEM_0);
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = create_sms (modem, "query me", &error);
  g_autofree char *unsent = create_sms (modem, "query me too", &error);
  guint reference = 0;
  guint asked = 999;

  g_assert_no_error (error);
  g_assert_true (send_sms (modem, sent, &reference, &error));

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      const char *path = i == 0 ? sent : i == 1 ? unsent : "/org/freedesktop/ModemManager1/SMS/9999";
      HeraldModemSmsFate expected[] = { HERALD_MODEM_SMS_SENT, HERALD_MODEM_SMS_NOT_SENT, HERALD_MODEM_SMS_GONE };

      herald_modem_query_sms_async (modem, path, NULL, herald_test_async_done, &result);
      g_assert_cmpint (herald_modem_query_sms_finish (modem, herald_test_wait (&result), &asked, &error),
                       ==, expected[i]);
      g_assert_no_error (error);
      if (i == 0)
        g_assert_cmpuint (asked, ==, reference);
    }
}

typedef struct
{
  char   *path;
  char   *number;
  char   *text;
  gint64  timestamp;
  guint   count;
} Received;

static void
received_cb (HeraldModem *modem,
             const char  *path,
             const char  *number,
             const char  *text,
             gint64       timestamp,
             gpointer     user_data)
{
  Received *r = user_data;

  g_free (r->path);
  g_free (r->number);
  g_free (r->text);
  r->path = g_strdup (path);
  r->number = g_strdup (number);
  r->text = g_strdup (text);
  r->timestamp = timestamp;
  r->count++;
}

static void
received_clear (Received *r)
{
  g_free (r->path);
  g_free (r->number);
  g_free (r->text);
}

static char *
inject (const char *method,
        const char *text)
{
  return herald_test_mock_inject (method, HERALD_TEST_MOCK_MODEM_0, "+233209876543", text);
}

static void
delete_sms (HeraldModem *modem,
            const char  *path)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_modem_delete_sms_async (modem, path, NULL, herald_test_async_done, &result);
  g_assert_true (herald_modem_delete_sms_finish (modem, herald_test_wait (&result), &error));
  g_assert_no_error (error);
}

static HeraldModemSmsFate
query (HeraldModem *modem,
       const char  *path)
{
  g_autoptr(GAsyncResult) result = NULL;

  herald_modem_query_sms_async (modem, path, NULL, herald_test_async_done, &result);
  return herald_modem_query_sms_finish (modem, herald_test_wait (&result), NULL, NULL);
}

static void
test_receive (Fixture       *f,
              gconstpointer  data)
{
  HeraldModem *modem = modem_at (f, HERALD_TEST_MOCK_MODEM_0);
  Received r = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *multipart = NULL;
  const char *long_text = "A long message that came in several parts, the first of them early";
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_signal_connect (modem, "sms-received", G_CALLBACK (received_cb), &r);

  path = inject ("InjectSms", "Incoming: ça marche ✓");
  herald_test_wait_until (r.count == 1);
  g_assert_cmpstr (r.path, ==, path);
  g_assert_cmpstr (r.number, ==, "+233209876543");
  g_assert_cmpstr (r.text, ==, "Incoming: ça marche ✓");
  g_assert_cmpint (ABS (r.timestamp - now), <=, 60);

  /* Stored, then deleted from the modem so that the SIM never fills. */
  delete_sms (modem, path);
  herald_test_wait_until (query (modem, path) == HERALD_MODEM_SMS_GONE);

  /* Added comes with the first part; nothing is announced until RECEIVED. */
  multipart = inject ("InjectReceivingSms", long_text);
  herald_test_wait_until (query (modem, multipart) == HERALD_MODEM_SMS_NOT_SENT);
  herald_test_mock_do ("ListSent", NULL);   /* one more round trip for Added */
  g_assert_cmpuint (r.count, ==, 1);
  herald_test_mock_do ("CompleteSms", g_variant_new ("(o)", multipart));
  herald_test_wait_until (r.count == 2);
  g_assert_cmpstr (r.path, ==, multipart);
  g_assert_cmpstr (r.text, ==, long_text);
  delete_sms (modem, multipart);

  g_signal_handlers_disconnect_by_data (modem, &r);
  received_clear (&r);
}

/* Parts whose rest never came are deleted once a day old, never stored. */
static void
test_stuck_receiving (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HeraldModemManager) later = NULL;
  g_autofree char *path = inject ("InjectReceivingSms", "the first part of something that never ends");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) old = g_date_time_add_days (now, -2);
  g_autofree char *timestamp = g_date_time_format_iso8601 (old);
  Received r = { 0 };
  HeraldModem *modem;

  herald_test_mock_do ("SetSmsTimestamp", g_variant_new ("(os)", path, timestamp));

  later = new_manager ();
  modem = herald_modem_manager_lookup (later, HERALD_TEST_MOCK_MODEM_0);
  g_signal_connect (modem, "sms-received", G_CALLBACK (received_cb), &r);
  herald_modem_import_stored (modem);
  herald_test_wait_until (query (modem, path) == HERALD_MODEM_SMS_GONE);
  g_assert_cmpuint (r.count, ==, 0);

  g_signal_handlers_disconnect_by_data (modem, &r);
  received_clear (&r);
}

static void
test_import_stored (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HeraldModemManager) later = NULL;
  g_autofree char *path = inject ("InjectSms", "waiting on the SIM");
  Received r = { 0 };
  HeraldModem *modem;

  /* A manager started after the SMS arrived finds it on import. */
  later = new_manager ();
  modem = herald_modem_manager_lookup (later, HERALD_TEST_MOCK_MODEM_0);
  g_assert_nonnull (modem);
  g_signal_connect (modem, "sms-received", G_CALLBACK (received_cb), &r);
  herald_modem_import_stored (modem);
  herald_test_wait_until (r.count >= 1 && g_strcmp0 (r.path, path) == 0);
  g_assert_cmpstr (r.text, ==, "waiting on the SIM");

  delete_sms (modem, path);
  g_signal_handlers_disconnect_by_data (modem, &r);
  received_clear (&r);
}

typedef struct
{
  char  *path;
  guint  reference;
  guint  state;
  guint  count;
} Report;

static void
report_cb (HeraldModem *modem,
           const char  *path,
           guint        reference,
           guint        state,
           gpointer     user_data)
{
  Report *r = user_data;

  g_free (r->path);
  r->path = g_strdup (path);
  r->reference = reference;
  r->state = state;
  r->count++;
}

static void
test_status_report (Fixture       *f,
                    gconstpointer  data)
{
  HeraldModem *modem = modem_at (f, HERALD_TEST_MOCK_MODEM_0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  Report r = { 0 };
  guint reference;

  g_signal_connect (modem, "status-report", G_CALLBACK (report_cb), &r);

  reply = herald_test_mock_call ("InjectStatusReport", g_variant_new ("(ouu)", HERALD_TEST_MOCK_MODEM_0, 7, 0x41),
                                 "(o)", &error);
  g_assert_no_error (error);
  herald_test_wait_until (r.count == 1);
  g_assert_cmpuint (r.reference, ==, 7);
  g_assert_cmpuint (r.state, ==, 0x41);
  g_assert_true (herald_modem_delivery_state_is_failed (r.state));
  g_assert_false (herald_modem_delivery_state_is_delivered (r.state));
  delete_sms (modem, r.path);

  /* The mock reports on what it sends, with the sent SMS's reference. */
  herald_test_mock_do ("SetStatusReports", g_variant_new ("(ouu)", HERALD_TEST_MOCK_MODEM_0, 0, 10));
  reference = create_and_send (modem, "report back");
  herald_test_wait_until (r.count == 2);
  g_assert_cmpuint (r.reference, ==, reference);
  g_assert_true (herald_modem_delivery_state_is_delivered (r.state));
  g_assert_false (herald_modem_delivery_state_is_failed (0x20));
  g_assert_false (herald_modem_delivery_state_is_delivered (0x20));
  g_assert_true (herald_modem_delivery_state_is_failed (0x60));
  g_assert_false (herald_modem_delivery_state_is_failed (MM_SMS_DELIVERY_STATE_UNKNOWN));
  herald_test_mock_do ("SetStatusReports",
                       g_variant_new ("(ouu)", HERALD_TEST_MOCK_MODEM_0, MM_SMS_DELIVERY_STATE_UNKNOWN, 0));
  delete_sms (modem, r.path);

  g_signal_handlers_disconnect_by_data (modem, &r);
  g_free (r.path);
}

/* Last: stops the mock. */
static void
test_modemmanager_stops (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(HeraldModemManager) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldModem) modem = g_list_model_get_item (G_LIST_MODEL (f->manager), 0);

  herald_test_mock_do ("Quit", NULL);
  herald_test_wait_until (!herald_modem_manager_get_running (f->manager));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->manager)), ==, 0);
  g_assert_false (herald_modem_is_present (modem));

  later = new_manager ();
  g_assert_false (herald_modem_manager_check_running (later, &error));
  g_assert_error (error, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_NOT_RUNNING);
  g_assert_nonnull (strstr (error->message, "ModemManager is not running"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/modem/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("list", test_list);
  ADD ("hotplug", test_hotplug);
  ADD ("health", test_health);
  ADD ("send", test_send);
  ADD ("send-refused", test_send_refused);
  ADD ("unauthorized", test_unauthorized);
  ADD ("send-gone", test_send_gone);
  ADD ("query", test_query);
  ADD ("receive", test_receive);
  ADD ("import-stored", test_import_stored);
  ADD ("stuck-receiving", test_stuck_receiving);
  ADD ("status-report", test_status_report);
  ADD ("modemmanager-stops", test_modemmanager_stops);
#undef ADD

  return g_test_run ();
}
