/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "providers/herald-inbox-source.h"
#include "providers/herald-provider.h"

G_BEGIN_DECLS

/* HeraldFlixysmsClient's implementation of HeraldProvider, and of the
 * received messages (HeraldInboxSource) over GET /messages/received. */
void _herald_flixysms_provider_iface_init     (HeraldProviderInterface    *iface);
void _herald_flixysms_inbox_source_iface_init (HeraldInboxSourceInterface *iface);

G_END_DECLS
