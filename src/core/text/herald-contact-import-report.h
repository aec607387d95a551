/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "herald-contact.h"
#include "herald-contact-mapping.h"

G_BEGIN_DECLS

/* What an import found: the contacts to keep, the rows that repeat a
 * number already seen, and the rows that could not be used. Lines are the
 * physical lines where a row (CSV) or card (BEGIN:VCARD) starts, from 1. */

#define HERALD_TYPE_CONTACT_IMPORT_REPORT (herald_contact_import_report_get_type ())

typedef struct
{
  guint       line;
  const char *phone;       /* E.164 */
  guint       first_line;  /* where the number was first seen */
} HeraldContactDuplicate;

typedef struct
{
  guint       line;
  const char *input;       /* the phone number as written; "" when there was none */
  const char *reason;      /* "no-phone", "too-many-fields" or herald_phone_number_error_to_reason() */
  const char *message;     /* for people */
} HeraldContactInvalidRow;

G_DECLARE_FINAL_TYPE (HeraldContactImportReport, herald_contact_import_report,
                      HERALD, CONTACT_IMPORT_REPORT, GObject)

guint                          herald_contact_import_report_get_n_rows       (HeraldContactImportReport *self);
guint                          herald_contact_import_report_get_n_imported   (HeraldContactImportReport *self);
GPtrArray                     *herald_contact_import_report_get_contacts     (HeraldContactImportReport *self);
GPtrArray                     *herald_contact_import_report_steal_contacts   (HeraldContactImportReport *self);
guint                          herald_contact_import_report_get_n_duplicates (HeraldContactImportReport *self);
const HeraldContactDuplicate  *herald_contact_import_report_get_duplicate    (HeraldContactImportReport *self,
                                                                              guint                      position);
guint                          herald_contact_import_report_get_n_invalid    (HeraldContactImportReport *self);
const HeraldContactInvalidRow *herald_contact_import_report_get_invalid      (HeraldContactImportReport *self,
                                                                              guint                      position);
HeraldContactMapping          *herald_contact_import_report_get_mapping      (HeraldContactImportReport *self);

G_END_DECLS
