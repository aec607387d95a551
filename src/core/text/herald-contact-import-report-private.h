/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-contact-import-report.h"

G_BEGIN_DECLS

/* How HeraldContactImporter fills a report. */

HeraldContactImportReport *herald_contact_import_report_new           (HeraldContactMapping      *mapping);
void                       herald_contact_import_report_add_row       (HeraldContactImportReport *self);
void                       herald_contact_import_report_take_contact  (HeraldContactImportReport *self,
                                                                       HeraldContact             *contact);
void                       herald_contact_import_report_add_duplicate (HeraldContactImportReport *self,
                                                                       guint                      line,
                                                                       const char                *phone,
                                                                       guint                      first_line);
void                       herald_contact_import_report_add_invalid   (HeraldContactImportReport *self,
                                                                       guint                      line,
                                                                       const char                *input,
                                                                       const char                *reason,
                                                                       const char                *message);

G_END_DECLS
