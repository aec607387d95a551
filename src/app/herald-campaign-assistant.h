/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* The guided creation of a campaign, step by step as heraldctl's
 * "campaign create" takes its options: a name and an account; the
 * recipients (groups, every contact, pasted numbers); the message, typed
 * or from a template, with its analysis and the text of the first
 * recipients; an optional start time and sending window; then the
 * validation report (invalid numbers, duplicates merged, opted-out numbers
 * skipped, missing variables), the cost against the balance, an optional
 * test to your own number, and Create (or Create and Start).
 *
 * Signal "created" (gint64 id) once the campaign is saved (and, for
 * Create and Start, handed to the session to run); the window closes. */

#define HERALD_TYPE_CAMPAIGN_ASSISTANT (herald_campaign_assistant_get_type ())
G_DECLARE_FINAL_TYPE (HeraldCampaignAssistant, herald_campaign_assistant, HERALD, CAMPAIGN_ASSISTANT, AdwWindow)

GtkWidget  *herald_campaign_assistant_new         (HeraldSession           *session);
/* The step shown: "basics", "audience", "message", "schedule", "review". */
const char *herald_campaign_assistant_get_step    (HeraldCampaignAssistant *self);
/* Whether the audience for the inputs as they stand has been gathered. */
gboolean    herald_campaign_assistant_get_ready   (HeraldCampaignAssistant *self);

G_END_DECLS
