/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "providers/herald-inbox-source.h"
#include "providers/herald-message-details.h"
#include "providers/herald-provider.h"

G_BEGIN_DECLS

/* HeraldFlixysmsClient's implementation of HeraldProvider and of the
 * optional capabilities it has (herald-flixysms-provider.c): message
 * details, and received messages (HeraldInboxSource) over
 * GET /messages/received. */
void _herald_flixysms_provider_iface_init        (HeraldProviderInterface       *iface);
void _herald_flixysms_message_details_iface_init (HeraldMessageDetailsInterface *iface);
void _herald_flixysms_inbox_source_iface_init    (HeraldInboxSourceInterface    *iface);

/* For G_DEFINE_FINAL_TYPE_WITH_CODE of the client: every interface it implements. */
#define _HERALD_FLIXYSMS_IMPLEMENT_INTERFACES                                                      \
  G_IMPLEMENT_INTERFACE (HERALD_TYPE_PROVIDER, _herald_flixysms_provider_iface_init)               \
  G_IMPLEMENT_INTERFACE (HERALD_TYPE_MESSAGE_DETAILS, _herald_flixysms_message_details_iface_init) \
  G_IMPLEMENT_INTERFACE (HERALD_TYPE_INBOX_SOURCE, _herald_flixysms_inbox_source_iface_init)

G_END_DECLS
