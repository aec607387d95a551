/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-modem"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libmm-glib.h>

#include "herald-modem-error.h"

#define MESSAGING_ACTION "org.freedesktop.ModemManager1.Messaging"
#define CONTROL_ACTION   "org.freedesktop.ModemManager1.Device.Control"

G_DEFINE_QUARK (herald-modem-error-quark, herald_modem_error)

/* ModemManager words a polkit refusal as Core.Unauthorized, and a missing
 * polkit daemon as Core.Failed with the same prefix. */
static gboolean
is_polkit_refusal (const GError *error)
{
  return g_error_matches (error, MM_CORE_ERROR, MM_CORE_ERROR_UNAUTHORIZED) ||
         strstr (error->message, "PolicyKit authorization failed") != NULL;
}

static gboolean
is_gone (const GError *error)
{
  return g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_INTERFACE) ||
         g_error_matches (error, MM_CORE_ERROR, MM_CORE_ERROR_ABORTED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
}

static gboolean
is_not_running (const GError *error)
{
  return g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER);
}

/* The polkit action ModemManager names in its refusal ("PolicyKit
 * authorization failed: not authorized for 'ACTION'"): Enable asks for
 * Device.Control, not Messaging, and the message must name the right one
 * (the field suite saw the real daemon's words). Messaging when unnamed. */
static char *
refused_action (const char *reason)
{
  const char *start = strstr (reason, "not authorized for '");
  const char *end;

  if (start == NULL)
    return g_strdup (MESSAGING_ACTION);
  start += strlen ("not authorized for '");
  end = strchr (start, '\'');
  if (end == NULL || end == start)
    return g_strdup (MESSAGING_ACTION);

  return g_strndup (start, (gsize) (end - start));
}

/* The words after ModemManager's error name, without GDBus's remote-error
 * prefix, for the reason a person reads. */
static char *
mm_reason (const GError *error)
{
  g_autoptr(GError) copy = g_error_copy (error);

  g_dbus_error_strip_remote_error (copy);

  return g_strdup (copy->message);
}

GError *
herald_modem_error_from_mm (const GError *error,
                            const char   *doing)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (doing != NULL, NULL);

  if (error->domain == HERALD_MODEM_ERROR)
    return g_error_copy (error);

  reason = mm_reason (error);

  if (is_polkit_refusal (error))
    {
      g_autofree char *action = refused_action (reason);

      if (g_str_equal (action, CONTROL_ACTION))
        return g_error_new (HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_UNAUTHORIZED,
                            _("%s: the system refused this user control of the modem, such as enabling it "
                              "(polkit did not authorize “%s”). Run Herald in an active local session, "
                              "or ask the administrator for a polkit rule allowing that action. (%s)"),
                            doing, action, reason);
      return g_error_new (HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_UNAUTHORIZED,
                          _("%s: the system refused this user access to the modem’s messages "
                            "(polkit did not authorize “%s”). Run Herald in an active local session, "
                            "or ask the administrator for a polkit rule allowing that action. (%s)"),
                          doing, action, reason);
    }

  if (is_not_running (error))
    return g_error_new (HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_NOT_RUNNING,
                        _("%s: ModemManager is not running on the system bus. "
                          "Start it (systemctl start ModemManager) and try again."), doing);

  if (is_gone (error))
    return g_error_new (HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_GONE,
                        _("%s: the modem went away (unplugged, or ModemManager restarted) (%s)"),
                        doing, reason);

  if (g_error_matches (error, MM_CORE_ERROR, MM_CORE_ERROR_INVALID_ARGS))
    return g_error_new (HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_INVALID,
                        _("%s: ModemManager refused the message: %s"), doing, reason);

  if (g_error_matches (error, MM_CORE_ERROR, MM_CORE_ERROR_NOT_FOUND))
    return g_error_new (HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_NOT_FOUND,
                        _("%s: the SMS is no longer on the modem (%s)"), doing, reason);

  /* Message.* errors are the network's or the SIM's answers (+CMS ERROR);
   * everything else the modem's. Either way the reason is kept. */
  return g_error_new (HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_REFUSED,
                      _("%s: the modem refused: %s"), doing, reason);
}

gboolean
herald_modem_error_is_modem_side (const GError *error)
{
  if (error == NULL || error->domain != HERALD_MODEM_ERROR)
    return FALSE;

  switch ((HeraldModemErrorCode) error->code)
    {
    case HERALD_MODEM_ERROR_GONE:
    case HERALD_MODEM_ERROR_NOT_USABLE:
    case HERALD_MODEM_ERROR_REFUSED:
    case HERALD_MODEM_ERROR_NOT_FOUND:
      return TRUE;

    case HERALD_MODEM_ERROR_NO_BUS:
    case HERALD_MODEM_ERROR_NOT_RUNNING:
    case HERALD_MODEM_ERROR_UNAUTHORIZED:
    case HERALD_MODEM_ERROR_NO_MODEM:
    case HERALD_MODEM_ERROR_INVALID:
    default:
      return FALSE;
    }
}
