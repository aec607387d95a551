/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The Devices page under Xvfb against the project's mock ModemManager
 * (harness --display --mock-modems 2): the modems with their operator and
 * signal, a property change, Enable on a disabled modem, a locked SIM, a
 * modem unplugged, no modem at all and no ModemManager. The cases share the
 * mock and run in order: each leaves it as the next one expects. */
#include "config.h"

#include <string.h>

#include <libmm-glib.h>

#include "herald-core.h"
#include "herald-device-row.h"
#include "herald-devices-page.h"
#include "herald-test-mock-modem.h"
#include "herald-test-util.h"
#include "herald-ui-test-util.h"

typedef struct
{
  HeraldDatabase    *database;
  HeraldSession     *session;
  GtkWindow         *window;
  HeraldDevicesPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  static guint counter;

  name = g_strdup_printf ("devices-%u.db", counter++);
  path = g_build_filename (g_get_user_data_dir (), "herald", name, NULL);
  fixture->database = herald_database_open (path, &error);
  g_assert_no_error (error);
  fixture->session = herald_session_new (fixture->database);

  /* As narrow as the window allows: the page must fit 360 px. */
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 720);
  fixture->page = g_object_new (HERALD_TYPE_DEVICES_PAGE, "session", fixture->session, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));

  /* The manager is asked for once the page is seen, not before. */
  g_assert_null (herald_session_get_modem_manager (fixture->session));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gpointer slot;

  herald_ui_close_all_windows ();
  fixture->page = NULL;
  fixture->window = NULL;

  herald_ui_watch (fixture->session, &slot);
  g_object_unref (fixture->session);
  g_assert_true (herald_ui_wait_finalized (&slot));
  g_clear_object (&fixture->database);
}

static gboolean
page_is (Fixture    *fixture,
         const char *state)
{
  return g_strcmp0 (herald_devices_page_get_state (fixture->page), state) == 0;
}

static HeraldDeviceRow *
find_row (Fixture    *fixture,
          const char *modem_path)
{
  GtkWidget *row = herald_ui_find_by_name (GTK_WIDGET (fixture->page), modem_path);

  return row != NULL ? HERALD_DEVICE_ROW (row) : NULL;
}

static const char *
row_subtitle (HeraldDeviceRow *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static const char *
row_signal (HeraldDeviceRow *row)
{
  return gtk_label_get_text (GTK_LABEL (herald_ui_find_by_name (GTK_WIDGET (row), "signal")));
}

static gboolean
subtitle_has (HeraldDeviceRow *row,
              const char      *needle)
{
  return strstr (row_subtitle (row), needle) != NULL;
}

static GtkWidget *
row_enable_button (HeraldDeviceRow *row)
{
  return herald_ui_find_by_name (GTK_WIDGET (row), "enable");
}

/* The modem's State as the mock holds it, read over D-Bus. */
static MMModemState
mock_state (const char *modem_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  reply = g_dbus_connection_call_sync (herald_test_mock_bus (), "org.freedesktop.ModemManager1",
                                       modem_path, "org.freedesktop.DBus.Properties", "Get",
                                       g_variant_new ("(ss)", "org.freedesktop.ModemManager1.Modem", "State"),
                                       G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(v)", &value);

  return (MMModemState) g_variant_get_int32 (value);
}

static void
test_two_modems (Fixture       *fixture,
                 gconstpointer  data)
{
  HeraldDeviceRow *rows[2];
  int minimum = 0;

  herald_test_wait_until (page_is (fixture, "modems") &&
                          find_row (fixture, HERALD_TEST_MOCK_MODEM_0) != NULL &&
                          find_row (fixture, HERALD_TEST_MOCK_MODEM_1) != NULL);
  rows[0] = find_row (fixture, HERALD_TEST_MOCK_MODEM_0);
  rows[1] = find_row (fixture, HERALD_TEST_MOCK_MODEM_1);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      herald_test_wait_until (subtitle_has (rows[i], "Mock Telecom"));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i])), ==,
                       "Herald Mock HM-100 LTE");
      g_assert_true (subtitle_has (rows[i], "LTE"));
      g_assert_true (subtitle_has (rows[i], "Registered"));
      g_assert_cmpstr (row_signal (rows[i]), ==, "70 %");
      g_assert_cmpfloat (gtk_level_bar_get_value (GTK_LEVEL_BAR (herald_ui_find_by_name (GTK_WIDGET (rows[i]), "signal-level"))),
                         ==, 70);
      /* A usable modem: no reason, no Enable. */
      g_assert_false (gtk_widget_get_visible (row_enable_button (rows[i])));
      g_assert_null (strchr (row_subtitle (rows[i]), '\n'));
    }
  g_assert_true (subtitle_has (rows[0], "+233240000001"));
  g_assert_true (subtitle_has (rows[1], "+233240000002"));

  /* 360 px is enough for the page. */
  gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  herald_ui_screenshot (GTK_WIDGET (fixture->window), "devices-360");
}

static void
test_signal_change (Fixture       *fixture,
                    gconstpointer  data)
{
  HeraldDeviceRow *row;

  herald_test_wait_until ((row = find_row (fixture, HERALD_TEST_MOCK_MODEM_0)) != NULL &&
                          g_strcmp0 (row_signal (row), "70 %") == 0);

  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_0, "signal", g_variant_new_uint32 (35));
  herald_test_wait_until (g_strcmp0 (row_signal (row), "35 %") == 0);
  g_assert_cmpfloat (gtk_level_bar_get_value (GTK_LEVEL_BAR (herald_ui_find_by_name (GTK_WIDGET (row), "signal-level"))),
                     ==, 35);

  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_0, "operator-name", g_variant_new_string ("Other Net"));
  herald_test_wait_until (subtitle_has (row, "Other Net"));

  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_0, "signal", g_variant_new_uint32 (70));
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_0, "operator-name", g_variant_new_string ("Mock Telecom"));
  herald_test_wait_until (subtitle_has (row, "Mock Telecom") && g_strcmp0 (row_signal (row), "70 %") == 0);
}

static void
test_enable (Fixture       *fixture,
             gconstpointer  data)
{
  HeraldDeviceRow *row;
  GtkWidget *button;

  herald_test_wait_until ((row = find_row (fixture, HERALD_TEST_MOCK_MODEM_0)) != NULL &&
                          subtitle_has (row, "Registered"));
  button = row_enable_button (row);

  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_0, "state", g_variant_new_string ("disabled"));
  herald_test_wait_until (gtk_widget_get_visible (button));
  g_assert_true (subtitle_has (row, "Disabled"));
  /* The health guard's reason, in the row. */
  g_assert_true (subtitle_has (row, "The modem is disabled"));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpint (mock_state (HERALD_TEST_MOCK_MODEM_0), ==, MM_MODEM_STATE_DISABLED);

  /* polkit says no: the row says so, the modem stays disabled and the
   * button can be tried again. */
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_0, "enable", g_variant_new_string ("unauthorized"));
  gtk_widget_activate (button);
  herald_test_wait_until (subtitle_has (row, "polkit did not authorize"));
  g_assert_true (subtitle_has (row, "org.freedesktop.ModemManager1.Device.Control"));
  /* Enabling is Device.Control: the row does not blame the Messaging action. */
  g_assert_true (subtitle_has (row, "control of the modem"));
  g_assert_false (subtitle_has (row, "ModemManager1.Messaging"));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpint (mock_state (HERALD_TEST_MOCK_MODEM_0), ==, MM_MODEM_STATE_DISABLED);

  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_0, "enable", g_variant_new_string ("ok"));
  gtk_widget_activate (button);
  herald_test_wait_until (!gtk_widget_get_visible (button));
  g_assert_cmpint (mock_state (HERALD_TEST_MOCK_MODEM_0), ==, MM_MODEM_STATE_REGISTERED);
  herald_test_wait_until (subtitle_has (row, "Registered"));
  g_assert_false (subtitle_has (row, "The modem is disabled"));
  g_assert_false (subtitle_has (row, "polkit"));
}

static void
test_locked_sim (Fixture       *fixture,
                 gconstpointer  data)
{
  HeraldDeviceRow *row;

  herald_test_wait_until ((row = find_row (fixture, HERALD_TEST_MOCK_MODEM_1)) != NULL &&
                          subtitle_has (row, "Registered"));

  /* The PIN is the person's decision: the page says so and offers no Enable. */
  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "state", g_variant_new_string ("locked"));
  herald_test_wait_until (subtitle_has (row, "SIM is locked"));
  g_assert_true (subtitle_has (row, "SIM locked"));
  g_assert_false (gtk_widget_get_visible (row_enable_button (row)));
  herald_ui_drain ();
  g_assert_cmpint (mock_state (HERALD_TEST_MOCK_MODEM_1), ==, MM_MODEM_STATE_LOCKED);

  herald_test_mock_set (HERALD_TEST_MOCK_MODEM_1, "state", g_variant_new_string ("registered"));
  herald_test_wait_until (!subtitle_has (row, "SIM is locked"));
}

static void
test_unplugged (Fixture       *fixture,
                gconstpointer  data)
{
  herald_test_wait_until (find_row (fixture, HERALD_TEST_MOCK_MODEM_0) != NULL &&
                          find_row (fixture, HERALD_TEST_MOCK_MODEM_1) != NULL);

  herald_test_mock_do ("RemoveModem", g_variant_new ("(o)", HERALD_TEST_MOCK_MODEM_1));
  herald_test_wait_until (find_row (fixture, HERALD_TEST_MOCK_MODEM_1) == NULL);
  g_assert_nonnull (find_row (fixture, HERALD_TEST_MOCK_MODEM_0));
  g_assert_true (page_is (fixture, "modems"));

  /* The last one gone: the empty state. */
  herald_test_mock_do ("RemoveModem", g_variant_new ("(o)", HERALD_TEST_MOCK_MODEM_0));
  herald_test_wait_until (page_is (fixture, "empty"));
  g_assert_null (find_row (fixture, HERALD_TEST_MOCK_MODEM_0));
}

static gboolean
unavailable_says (Fixture    *fixture,
                  const char *title)
{
  AdwStatusPage *status = ADW_STATUS_PAGE (herald_ui_find_by_name (GTK_WIDGET (fixture->page),
                                                                   "devices-unavailable"));

  return page_is (fixture, "unavailable") &&
         g_strcmp0 (adw_status_page_get_title (status), title) == 0 &&
         strstr (adw_status_page_get_description (status), "ModemManager is not running") != NULL;
}

static void
test_not_running (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(HeraldSession) session = NULL;
  HeraldDevicesPage *page;
  GtkWindow *window;

  herald_test_wait_until (page_is (fixture, "empty"));

  /* ModemManager stops while the page is open… */
  herald_test_mock_do ("Quit", NULL);
  herald_test_wait_until (unavailable_says (fixture, "ModemManager Is Not Running"));
  g_assert_false (gtk_widget_get_visible (herald_ui_find_by_name (GTK_WIDGET (fixture->page), "retry")));

  /* …and a page opened afterwards says the same. */
  session = herald_session_new (fixture->database);
  window = GTK_WINDOW (gtk_window_new ());
  page = g_object_new (HERALD_TYPE_DEVICES_PAGE, "session", session, NULL);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  fixture->page = page;
  herald_test_wait_until (unavailable_says (fixture, "ModemManager Is Not Running"));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* In this order: each case leaves the mock as the next one expects. */
  g_test_add ("/devices-page/two-modems", Fixture, NULL,
              fixture_set_up, test_two_modems, fixture_tear_down);
  g_test_add ("/devices-page/signal-change", Fixture, NULL,
              fixture_set_up, test_signal_change, fixture_tear_down);
  g_test_add ("/devices-page/enable", Fixture, NULL,
              fixture_set_up, test_enable, fixture_tear_down);
  g_test_add ("/devices-page/locked-sim", Fixture, NULL,
              fixture_set_up, test_locked_sim, fixture_tear_down);
  g_test_add ("/devices-page/unplugged", Fixture, NULL,
              fixture_set_up, test_unplugged, fixture_tear_down);
  g_test_add ("/devices-page/not-running", Fixture, NULL,
              fixture_set_up, test_not_running, fixture_tear_down);

  return g_test_run ();
}
