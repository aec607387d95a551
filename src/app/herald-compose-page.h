/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* The Compose section: recipients and a text with its live analysis,
 * the dialect's options, Send with a confirmation above the cost
 * threshold, the outcome of the send and provider errors as a banner. The
 * parsing and sending live in the core (HeraldRecipientList,
 * HeraldSmsText, HeraldSendJob); this is only their view.
 *
 * Property "session" (HeraldSession, nullable, may change at any time). */

#define HERALD_TYPE_COMPOSE_PAGE (herald_compose_page_get_type ())
G_DECLARE_FINAL_TYPE (HeraldComposePage, herald_compose_page, HERALD, COMPOSE_PAGE, AdwBin)

HeraldSession *herald_compose_page_get_session (HeraldComposePage *self);
void           herald_compose_page_set_session (HeraldComposePage *self,
                                                HeraldSession     *session);

G_END_DECLS
