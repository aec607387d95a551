/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-provider.h"
#include "herald-provider-values.h"

G_BEGIN_DECLS

/* HeraldCostEstimator: a provider that can price a message before it is
 * sent. Optional, with HeraldProvider as its prerequisite: test with
 * HERALD_IS_COST_ESTIMATOR (provider). */

#define HERALD_TYPE_COST_ESTIMATE (herald_cost_estimate_get_type ())
typedef struct
{
  guint     length;            /* characters */
  guint     parts;             /* SMS segments */
  char     *encoding;          /* "GSM-7", "UCS-2" */
  guint     recipient_count;
  gint64    credits_required;
  gint64    current_balance;   /* -1: not said */
  gboolean  can_afford;
} HeraldCostEstimate;

HERALD_DECLARE_VALUE (HeraldCostEstimate, herald_cost_estimate)
HeraldCostEstimate *herald_cost_estimate_new (void);

#define HERALD_TYPE_COST_ESTIMATOR (herald_cost_estimator_get_type ())
G_DECLARE_INTERFACE (HeraldCostEstimator, herald_cost_estimator, HERALD, COST_ESTIMATOR, HeraldProvider)

/* Each member answers the task it is given (transfer full; the provider
 * its source object) with the call's value: a pointer, or a boolean for
 * deletes. The *_async functions make the task, the *_finish ones
 * propagate it. */
struct _HeraldCostEstimatorInterface
{
  GTypeInterface parent_iface;

  void (*estimate) (HeraldCostEstimator *self,
                    const char          *text,
                    guint                recipient_count,
                    GTask               *task);
};

/* What sending @text to @recipient_count numbers would cost; nothing is sent. */
void herald_cost_estimator_estimate_async (HeraldCostEstimator *self,
                                           const char          *text,
                                           guint                recipient_count,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HeraldCostEstimate *herald_cost_estimator_estimate_finish (HeraldCostEstimator  *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS
