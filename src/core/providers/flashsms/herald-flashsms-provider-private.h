/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-flashsms-types.h"
#include "providers/herald-cost-estimator.h"
#include "providers/herald-credit-account.h"
#include "providers/herald-history-source.h"
#include "providers/herald-message-details.h"
#include "providers/herald-provider.h"
#include "providers/herald-remote-directory.h"
#include "providers/herald-sender-id-source.h"

G_BEGIN_DECLS

/* HeraldFlashsmsClient's implementation of HeraldProvider
 * (herald-flashsms-provider.c) and of the optional capabilities
 * (herald-flashsms-provider-capabilities.c). */
void _herald_flashsms_provider_iface_init          (HeraldProviderInterface        *iface);
void _herald_flashsms_message_details_iface_init   (HeraldMessageDetailsInterface  *iface);
void _herald_flashsms_history_source_iface_init    (HeraldHistorySourceInterface   *iface);
void _herald_flashsms_credit_account_iface_init    (HeraldCreditAccountInterface   *iface);
void _herald_flashsms_sender_id_source_iface_init  (HeraldSenderIdSourceInterface  *iface);
void _herald_flashsms_remote_directory_iface_init  (HeraldRemoteDirectoryInterface *iface);
void _herald_flashsms_cost_estimator_iface_init    (HeraldCostEstimatorInterface   *iface);

/* FlashSMS's status in the words common to the dialects. */
HeraldDeliveryState _herald_flashsms_delivery_state (HeraldFlashsmsStatus status);

/* For G_DEFINE_FINAL_TYPE_WITH_CODE of the client: every interface it implements. */
#define _HERALD_FLASHSMS_IMPLEMENT_INTERFACES                                                           \
  G_IMPLEMENT_INTERFACE (HERALD_TYPE_PROVIDER, _herald_flashsms_provider_iface_init)                    \
  G_IMPLEMENT_INTERFACE (HERALD_TYPE_MESSAGE_DETAILS, _herald_flashsms_message_details_iface_init)       \
  G_IMPLEMENT_INTERFACE (HERALD_TYPE_HISTORY_SOURCE, _herald_flashsms_history_source_iface_init)        \
  G_IMPLEMENT_INTERFACE (HERALD_TYPE_CREDIT_ACCOUNT, _herald_flashsms_credit_account_iface_init)         \
  G_IMPLEMENT_INTERFACE (HERALD_TYPE_SENDER_ID_SOURCE, _herald_flashsms_sender_id_source_iface_init)    \
  G_IMPLEMENT_INTERFACE (HERALD_TYPE_REMOTE_DIRECTORY, _herald_flashsms_remote_directory_iface_init)    \
  G_IMPLEMENT_INTERFACE (HERALD_TYPE_COST_ESTIMATOR, _herald_flashsms_cost_estimator_iface_init)

G_END_DECLS
