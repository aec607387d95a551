/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* The numbers that opted out (campaigns never send to them), newest first:
 * each with where it came from and a Remove button, and an entry to add
 * one by hand (checked with the phone-number module, national numbers in
 * @region). "changed" is emitted after every change the store saved. */

#define HERALD_TYPE_OPTOUT_DIALOG (herald_optout_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HeraldOptoutDialog, herald_optout_dialog, HERALD, OPTOUT_DIALOG, AdwWindow)

GtkWidget *herald_optout_dialog_new (HeraldOptoutStore *store,
                                     const char        *region,
                                     GtkWindow         *parent);
/* Adds the numbers of @file (what the file chooser of the Import button
 * gave: a contacts file or numbers one a line) and says what it did. */
void       herald_optout_dialog_import_file (HeraldOptoutDialog *self,
                                             GFile              *file);

G_END_DECLS
