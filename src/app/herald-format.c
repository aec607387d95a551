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
