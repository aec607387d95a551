/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What talking to local modems through ModemManager can fail with. The
 * messages are for people: they say what happened and what to do. */

#define HERALD_MODEM_ERROR (herald_modem_error_quark ())

typedef enum
{
  HERALD_MODEM_ERROR_NO_BUS,          /* the system bus cannot be reached */
  HERALD_MODEM_ERROR_NOT_RUNNING,     /* ModemManager is not on the system bus */
  HERALD_MODEM_ERROR_UNAUTHORIZED,    /* polkit refused the action ModemManager asked about
                                       * (Messaging; Device.Control to enable): the message names it */
  HERALD_MODEM_ERROR_NO_MODEM,        /* no modem, or none by that device id */
  HERALD_MODEM_ERROR_GONE,            /* the modem went away during the call */
  HERALD_MODEM_ERROR_NOT_USABLE,      /* disabled, locked SIM, no signal…: the message says which */
  HERALD_MODEM_ERROR_REFUSED,         /* the modem or the network refused: the reason is in the message */
  HERALD_MODEM_ERROR_INVALID,         /* refused before anything reached the modem */
  HERALD_MODEM_ERROR_NOT_FOUND,       /* no such SMS on the modem (any more) */
} HeraldModemErrorCode;

GQuark   herald_modem_error_quark          (void);

/* An error from libmm-glib or D-Bus as a HERALD_MODEM_ERROR whose message
 * says what it means for the user; @doing is what was being done ("Sending
 * the SMS"). Errors already in the domain are copied. */
GError  *herald_modem_error_from_mm        (const GError *error,
                                            const char   *doing);

/* TRUE for errors worth trying on another modem (the modem or the network
 * failed), FALSE for those that would fail everywhere (refused input,
 * polkit). */
gboolean herald_modem_error_is_modem_side  (const GError *error);

G_END_DECLS
