/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* The delivery report of one message of a provider's history: the rate,
 * the counts and each recipient's state. It asks for the report when it opens and stops
 * asking when it closes. */

#define HERALD_TYPE_REPORT_DIALOG (herald_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HeraldReportDialog, herald_report_dialog, HERALD, REPORT_DIALOG, AdwWindow)

GtkWidget            *herald_report_dialog_new        (GtkWindow           *parent,
                                                       HeraldHistorySource *history,
                                                       const char          *message_id);
/* NULL until it has arrived. */
HeraldDeliveryReport *herald_report_dialog_get_report (HeraldReportDialog  *self);

G_END_DECLS
