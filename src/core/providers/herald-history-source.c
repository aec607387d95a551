/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-provider"

#include "config.h"

#include "herald-history-source.h"
#include "herald-value-private.h"

/* ---- HeraldDeliveryReport ------------------------------------------------- */

static void
herald_delivery_report_clear (HeraldDeliveryReport *self)
{
  for (guint i = 0; i < self->n_recipients; i++)
    {
      g_free (self->recipients[i].phone);
      g_free (self->recipients[i].provider_status);
      g_clear_pointer (&self->recipients[i].sent_at, g_date_time_unref);
    }
  g_free (self->recipients);
  g_free (self->message_id);
  g_free (self->provider_status);
}

HERALD_DEFINE_VALUE (HeraldDeliveryReport, herald_delivery_report, herald_delivery_report_clear)

HeraldDeliveryReport *
herald_delivery_report_new (guint n_recipients)
{
  HeraldDeliveryReport *self = g_atomic_rc_box_new0 (HeraldDeliveryReport);

  self->recipients = g_new0 (HeraldRecipientDelivery, n_recipients);
  self->n_recipients = n_recipients;
  return self;
}

/* ---- the interface -------------------------------------------------------- */

HERALD_DEFINE_CAPABILITY (HeraldHistorySource, herald_history_source)

void
herald_history_source_list_history_async (HeraldHistorySource       *self,
                                          const HeraldHistoryFilter *filter,
                                          guint                      page,
                                          guint                      limit,
                                          GCancellable              *cancellable,
                                          GAsyncReadyCallback        callback,
                                          gpointer                   user_data)
{
  g_return_if_fail (HERALD_IS_HISTORY_SOURCE (self));
  HERALD_HISTORY_SOURCE_GET_IFACE (self)->list_history (self, filter, page, limit,
                                                        g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (HeraldRemotePage *, herald_history_source_list_history_finish, HeraldHistorySource)

void
herald_history_source_list_all_history_async (HeraldHistorySource       *self,
                                              const HeraldHistoryFilter *filter,
                                              GCancellable              *cancellable,
                                              GAsyncReadyCallback        callback,
                                              gpointer                   user_data)
{
  g_return_if_fail (HERALD_IS_HISTORY_SOURCE (self));
  HERALD_HISTORY_SOURCE_GET_IFACE (self)->list_all_history (self, filter,
                                                            g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (GPtrArray *, herald_history_source_list_all_history_finish, HeraldHistorySource)

void
herald_history_source_get_report_async (HeraldHistorySource *self,
                                        const char          *message_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_HISTORY_SOURCE (self));
  g_return_if_fail (message_id != NULL);
  HERALD_HISTORY_SOURCE_GET_IFACE (self)->get_report (self, message_id,
                                                      g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (HeraldDeliveryReport *, herald_history_source_get_report_finish, HeraldHistorySource)
