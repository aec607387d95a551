/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-provider.h"
#include "herald-provider-values.h"

G_BEGIN_DECLS

/* HeraldHistorySource: a provider that keeps its own history of what the
 * account sent (pages of HeraldSentMessage) and a delivery report per
 * recipient for each message. Optional, with HeraldProvider as its
 * prerequisite: test with HERALD_IS_HISTORY_SOURCE (provider). A dialect
 * without one (FlixySMS) leaves the history to Herald's own message log. */

/* Every member may be left empty (UNKNOWN / NULL). */
typedef struct
{
  HeraldDeliveryState  state;
  GDateTime           *since;
  GDateTime           *until;
} HeraldHistoryFilter;

/* One recipient of a delivery report. */
typedef struct
{
  char                *phone;            /* as the provider writes it: "233201234567" */
  HeraldDeliveryState  state;
  char                *provider_status;  /* the dialect's own word */
  GDateTime           *sent_at;          /* nullable */
} HeraldRecipientDelivery;

#define HERALD_TYPE_DELIVERY_REPORT (herald_delivery_report_get_type ())
typedef struct
{
  char                    *message_id;
  HeraldDeliveryState      state;
  char                    *provider_status;
  guint                    recipient_count;
  guint                    delivered;
  guint                    failed;
  guint                    pending;
  double                   delivery_rate;   /* percent, as the provider computed it */
  HeraldRecipientDelivery *recipients;
  guint                    n_recipients;
} HeraldDeliveryReport;

HERALD_DECLARE_VALUE (HeraldDeliveryReport, herald_delivery_report)
/* Room for @n_recipients zeroed recipients, filled by the caller. */
HeraldDeliveryReport *herald_delivery_report_new (guint n_recipients);

#define HERALD_TYPE_HISTORY_SOURCE (herald_history_source_get_type ())
G_DECLARE_INTERFACE (HeraldHistorySource, herald_history_source, HERALD, HISTORY_SOURCE, HeraldProvider)

/* Each member answers the task it is given (transfer full; the provider
 * its source object) with the call's value: a pointer, or a boolean for
 * deletes. The *_async functions make the task, the *_finish ones
 * propagate it. */
struct _HeraldHistorySourceInterface
{
  GTypeInterface parent_iface;

  void (*list_history) (HeraldHistorySource       *self,
                        const HeraldHistoryFilter *filter,
                        guint                      page,
                        guint                      limit,
                        GTask                     *task);
  void (*list_all_history) (HeraldHistorySource       *self,
                            const HeraldHistoryFilter *filter,
                            GTask                     *task);
  void (*get_report) (HeraldHistorySource *self,
                      const char          *message_id,
                      GTask               *task);
};

/* One page of sent messages, newest first: a HeraldRemotePage of HeraldSentMessage.
 * @filter may be NULL; @page from 1 (0: the first); @limit 0: the provider's default. */
void herald_history_source_list_history_async (HeraldHistorySource       *self,
                                               const HeraldHistoryFilter *filter,
                                               guint                      page,
                                               guint                      limit,
                                               GCancellable              *cancellable,
                                               GAsyncReadyCallback        callback,
                                               gpointer                   user_data);
HeraldRemotePage *herald_history_source_list_history_finish (HeraldHistorySource  *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

/* Every page, newest first, each message once.
 * Returns: (element-type HeraldSentMessage) (transfer container) */
void herald_history_source_list_all_history_async (HeraldHistorySource       *self,
                                                   const HeraldHistoryFilter *filter,
                                                   GCancellable              *cancellable,
                                                   GAsyncReadyCallback        callback,
                                                   gpointer                   user_data);
GPtrArray *herald_history_source_list_all_history_finish (HeraldHistorySource  *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

/* Where each recipient of one message is. */
void herald_history_source_get_report_async (HeraldHistorySource *self,
                                             const char          *message_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
HeraldDeliveryReport *herald_history_source_get_report_finish (HeraldHistorySource  *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);

G_END_DECLS
