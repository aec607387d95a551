/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* The address book: every contact over the core's lazy list model (a
 * hundred thousand contacts are a hundred thousand ids, not objects), with
 * a search that filters as one types (after a short pause), a group
 * filter, a badge on the numbers that opted out, add / edit / delete, the
 * import assistant, the export to CSV and the opt-out list.
 *
 * Its actions are contacts.add, contacts.import (a file chooser, then
 * herald_contacts_page_import_file()), contacts.export and
 * contacts.optouts. */

#define HERALD_TYPE_CONTACTS_PAGE (herald_contacts_page_get_type ())
G_DECLARE_FINAL_TYPE (HeraldContactsPage, herald_contacts_page, HERALD, CONTACTS_PAGE, AdwBin)

GtkWidget              *herald_contacts_page_new          (void);
HeraldSession          *herald_contacts_page_get_session  (HeraldContactsPage *self);
void                    herald_contacts_page_set_session  (HeraldContactsPage *self,
                                                           HeraldSession      *session);
/* The page's store and list (NULL without a session). */
HeraldContactStore     *herald_contacts_page_get_store    (HeraldContactsPage *self);
HeraldContactListModel *herald_contacts_page_get_model    (HeraldContactsPage *self);
/* Opens the import assistant on @file (what the file chooser gave). */
void                    herald_contacts_page_import_file  (HeraldContactsPage *self,
                                                           GFile              *file);

G_END_DECLS
