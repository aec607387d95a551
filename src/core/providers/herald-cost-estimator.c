/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-provider"

#include "config.h"

#include "herald-cost-estimator.h"
#include "herald-value-private.h"

static void
herald_cost_estimate_clear (HeraldCostEstimate *self)
{
  g_free (self->encoding);
}

HERALD_DEFINE_VALUE (HeraldCostEstimate, herald_cost_estimate, herald_cost_estimate_clear)

HeraldCostEstimate *
herald_cost_estimate_new (void)
{
  HeraldCostEstimate *self = g_atomic_rc_box_new0 (HeraldCostEstimate);

  self->current_balance = -1;
  return self;
}

/* ---- the interface -------------------------------------------------------- */

HERALD_DEFINE_CAPABILITY (HeraldCostEstimator, herald_cost_estimator)

void
herald_cost_estimator_estimate_async (HeraldCostEstimator *self,
                                      const char          *text,
                                      guint                recipient_count,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_COST_ESTIMATOR (self));
  g_return_if_fail (text != NULL);
  HERALD_COST_ESTIMATOR_GET_IFACE (self)->estimate (self, text, recipient_count,
                                                    g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (HeraldCostEstimate *, herald_cost_estimator_estimate_finish, HeraldCostEstimator)
