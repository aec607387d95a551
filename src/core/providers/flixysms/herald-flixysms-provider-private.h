/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "providers/herald-provider.h"

G_BEGIN_DECLS

/* HeraldFlixysmsClient's implementation of HeraldProvider. */
void _herald_flixysms_provider_iface_init (HeraldProviderInterface *iface);

G_END_DECLS
