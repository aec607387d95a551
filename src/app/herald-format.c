/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-format"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-format.h"

char *
herald_format_credits (gint64 credits)
{
  /* The ' flag groups digits as the locale does (glibc). */
  g_autofree char *number = g_strdup_printf ("%'" G_GINT64_FORMAT, credits);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s credit", "%s credits",
                                       (gulong) ABS (credits)),
                          number);
}

const char *
herald_format_delivery_state (HeraldDeliveryState state,
                              HeraldStateWording  wording)
{
  /* One column a wording, in HeraldStateWording's order. */
  static const struct { HeraldDeliveryState state; const char *names[3]; } rows[] = {
    { HERALD_DELIVERY_QUEUED, { N_("Pending"), N_("Queued"), N_("Pending") } },
    { HERALD_DELIVERY_SENT, { N_("Sent"), N_("Sent"), N_("Sent to the carrier") } },
    { HERALD_DELIVERY_DELIVERED, { N_("Delivered"), N_("Delivered"), N_("Delivered") } },
    { HERALD_DELIVERY_FAILED, { N_("Failed"), N_("Failed"), N_("Failed") } },
  };
  static const char *unknown[] = { N_("Unknown"), N_("State unknown"), N_("Unknown") };

  g_return_val_if_fail (wording <= HERALD_STATE_OF_RECIPIENT, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i].state == state)
      return _(rows[i].names[wording]);

  return _(unknown[wording]);
}
