/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* The message templates: the list, and an editor where the {{variables}}
 * are highlighted and checked as one types (a variable that is neither a
 * standard field nor a field of any contact is flagged, with its line),
 * with the live SMS analysis (encoding, characters, parts) and a preview
 * rendered with the values of a chosen contact. On a narrow window the
 * list and the editor are one leaflet. */

#define HERALD_TYPE_TEMPLATES_PAGE (herald_templates_page_get_type ())
G_DECLARE_FINAL_TYPE (HeraldTemplatesPage, herald_templates_page, HERALD, TEMPLATES_PAGE, AdwBin)

GtkWidget          *herald_templates_page_new         (void);
HeraldSession      *herald_templates_page_get_session (HeraldTemplatesPage *self);
void                herald_templates_page_set_session (HeraldTemplatesPage *self,
                                                       HeraldSession       *session);
/* The page's store (NULL without a session). */
HeraldContactStore *herald_templates_page_get_store   (HeraldTemplatesPage *self);
/* The variables the page knows (standard fields and the contacts' custom
 * keys) have been read since the session was set. */
gboolean            herald_templates_page_get_ready   (HeraldTemplatesPage *self);

G_END_DECLS
