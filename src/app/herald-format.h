/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "1,250 credits" with the locale's digit grouping: how the header and the
 * account dialog show a FlashSMS balance. */
char *herald_format_credits (gint64 credits);

G_END_DECLS
