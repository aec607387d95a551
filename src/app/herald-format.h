/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-core.h"

G_BEGIN_DECLS

/* "1,250 credits" with the locale's digit grouping: how the header and the
 * account dialog show a FlashSMS balance. */
char       *herald_format_credits        (gint64               credits);

/* Where a delivery state is named: the words differ with what the state
 * means there. */
typedef enum
{
  HERALD_STATE_IN_HISTORY,     /* the provider's history: a queued message was accepted, "Pending" */
  HERALD_STATE_IN_LOG,         /* Herald's own record: "Queued" */
  HERALD_STATE_OF_RECIPIENT,   /* one recipient in a delivery report: "Sent to the carrier" */
} HeraldStateWording;

/* The state's name, translated. */
const char *herald_format_delivery_state (HeraldDeliveryState  state,
                                          HeraldStateWording   wording);

G_END_DECLS
