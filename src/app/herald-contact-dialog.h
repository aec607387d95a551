/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* Adds a contact to the store, or edits (and deletes) one. The number is
 * checked as it is typed with the phone-number module (national numbers in
 * @region, nullable: international only) and saved in E.164; the dialog
 * closes once the store has saved, and says why when it could not. */

#define HERALD_TYPE_CONTACT_DIALOG (herald_contact_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HeraldContactDialog, herald_contact_dialog, HERALD, CONTACT_DIALOG, AdwWindow)

/* @contact: (nullable) the contact to edit; NULL adds one. */
GtkWidget *herald_contact_dialog_new (HeraldContactStore *store,
                                      HeraldContact      *contact,
                                      const char         *region,
                                      GtkWindow          *parent);

G_END_DECLS
