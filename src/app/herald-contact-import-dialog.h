/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* The import assistant, in steps: the columns of the file with what each
 * holds (guessed from the header, changeable) and its first rows; then the
 * validation report (the rows that will not be imported, with their lines
 * and reasons, and the numbers that repeat); then the import, all or
 * nothing, in one transaction of the store. A vCard file goes straight to
 * the report. "imported" (a summary for a toast) is emitted once the store
 * has saved. */

#define HERALD_TYPE_CONTACT_IMPORT_DIALOG (herald_contact_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HeraldContactImportDialog, herald_contact_import_dialog, HERALD, CONTACT_IMPORT_DIALOG, AdwWindow)

GtkWidget  *herald_contact_import_dialog_new      (HeraldContactStore        *store,
                                                   GFile                     *file,
                                                   const char                *region,
                                                   GtkWindow                 *parent);
/* The step shown: "loading", "mapping", "report", "done" or "error". */
const char *herald_contact_import_dialog_get_step (HeraldContactImportDialog *self);

G_END_DECLS
