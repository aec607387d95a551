/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test"

#include "herald-test-mock-modem.h"
#include "herald-test-util.h"

#define CONTROL_BUS_NAME  "org.freedesktop.ModemManager1"
#define CONTROL_PATH      "/io/github/heraldsms/MockModemManager"
#define CONTROL_INTERFACE "io.github.heraldsms.MockModemManager"

GDBusConnection *
herald_test_mock_bus (void)
{
  static GDBusConnection *bus;
  g_autoptr(GError) error = NULL;

  if (bus == NULL)
    {
      g_assert_nonnull (g_getenv ("DBUS_SYSTEM_BUS_ADDRESS"));
      bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, &error);
      g_assert_no_error (error);
    }

  return bus;
}

GVariant *
herald_test_mock_call (const char  *method,
                       GVariant    *parameters,
                       const char  *reply_type,
                       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GDBusConnection *bus = herald_test_mock_bus ();

  g_dbus_connection_call (bus, CONTROL_BUS_NAME, CONTROL_PATH, CONTROL_INTERFACE, method, parameters,
                          reply_type != NULL ? G_VARIANT_TYPE (reply_type) : NULL,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, herald_test_async_done, &result);

  return g_dbus_connection_call_finish (bus, herald_test_wait (&result), error);
}

void
herald_test_mock_do (const char *method,
                     GVariant   *parameters)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = herald_test_mock_call (method, parameters, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reply);
}

void
herald_test_mock_send_mode (const char *modem_path,
                            const char *mode,
                            guint       delay_ms)
{
  herald_test_mock_do ("SetSendBehaviour", g_variant_new ("(osu)", modem_path, mode, delay_ms));
}

void
herald_test_mock_set (const char *modem_path,
                      const char *key,
                      GVariant   *value)
{
  herald_test_mock_do ("SetModemProperty", g_variant_new ("(osv)", modem_path, key, value));
}

guint
herald_test_mock_count_sent (const char *number,
                             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = herald_test_mock_call ("ListSent", NULL, "(a(oss))", &error);
  g_autoptr(GVariantIter) iter = NULL;
  const char *sent_number;
  const char *sent_text;
  guint count = 0;

  g_assert_no_error (error);
  g_variant_get (reply, "(a(oss))", &iter);
  while (g_variant_iter_next (iter, "(&o&s&s)", NULL, &sent_number, &sent_text))
    if (g_str_equal (sent_number, number) && g_str_equal (sent_text, text))
      count++;

  return count;
}

char *
herald_test_mock_inject (const char *method,
                         const char *modem_path,
                         const char *sender,
                         const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = herald_test_mock_call (method, g_variant_new ("(oss)", modem_path, sender, text),
                                                      "(o)", &error);
  char *path;

  g_assert_no_error (error);
  g_variant_get (reply, "(o)", &path);

  return path;
}
