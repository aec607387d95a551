/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-contact-import-report.h"
#include "herald-contact-mapping.h"
#include "herald-phone-number.h"

G_BEGIN_DECLS

/* Turns a CSV or vCard file into contacts: every phone number normalised
 * to E.164 (herald_phone_number_parse() with the importer's default region
 * and flags), numbers repeated after normalisation reported as duplicates
 * (the first row keeps the number), rows without a usable number reported
 * as invalid with the reason.
 *
 * All or nothing: the whole file is read before anything is handed over,
 * so a file that turns out malformed at line 50,000 gives an error and no
 * contacts at all — never half an import. The contacts come in the report
 * (herald_contact_import_report_steal_contacts()); a store saves them in
 * one transaction.
 *
 * CSV rows: values are trimmed of surrounding white space; a row whose
 * values are all empty is skipped and not counted; missing trailing cells
 * are empty; a row with more non-empty cells than the header has columns
 * is invalid ("too-many-fields"); empty custom values are not stored.
 *
 * vCard cards: FN or N give the names (N preferred; FN is split when N is
 * empty); ORG goes to the custom field "organization", NOTE to "note". The
 * phone is the first number that parses, tried in this order: cell and
 * preferred, cell, marked as taking texts, preferred, any other but fax,
 * fax. The card's other numbers go, comma-separated, to the custom field
 * "other_phones" (in E.164 where they parse, as written otherwise); the
 * preferred (else first) e-mail address is the email, the others go to
 * "other_emails". A card without TEL is invalid ("no-phone").
 *
 * Full names are split at the last space ("Mary Ann Smith" → "Mary Ann",
 * "Smith"), or at a comma as "Last, First".
 *
 * Everything runs synchronously in the calling thread (run it in a GTask
 * thread); the cancellable is checked between records. */

#define HERALD_CONTACT_IMPORT_ERROR       (herald_contact_import_error_quark ())
#define HERALD_TYPE_CONTACT_IMPORTER      (herald_contact_importer_get_type ())

typedef enum
{
  HERALD_CONTACT_IMPORT_ERROR_NO_PHONE_COLUMN,
  HERALD_CONTACT_IMPORT_ERROR_MAPPING_MISMATCH,
} HeraldContactImportError;

typedef enum
{
  HERALD_CONTACT_FORMAT_AUTO,
  HERALD_CONTACT_FORMAT_CSV,
  HERALD_CONTACT_FORMAT_VCARD,
} HeraldContactFormat;

G_DECLARE_FINAL_TYPE (HeraldContactImporter, herald_contact_importer,
                      HERALD, CONTACT_IMPORTER, GObject)

GQuark                     herald_contact_import_error_quark         (void);

HeraldContactImporter     *herald_contact_importer_new               (const char             *default_region);

const char                *herald_contact_importer_get_default_region (HeraldContactImporter *self);
void                       herald_contact_importer_set_phone_flags   (HeraldContactImporter  *self,
                                                                      HeraldPhoneNumberFlags  flags);
void                       herald_contact_importer_set_mapping       (HeraldContactImporter  *self,
                                                                      HeraldContactMapping   *mapping);
void                       herald_contact_importer_set_separator     (HeraldContactImporter  *self,
                                                                      char                    separator);

HeraldContactImportReport *herald_contact_importer_import_stream     (HeraldContactImporter  *self,
                                                                      GInputStream           *stream,
                                                                      HeraldContactFormat     format,
                                                                      GCancellable           *cancellable,
                                                                      GError                **error);
HeraldContactImportReport *herald_contact_importer_import_path       (HeraldContactImporter  *self,
                                                                      const char             *path,
                                                                      GCancellable           *cancellable,
                                                                      GError                **error);

char                      *herald_contact_split_full_name            (const char             *full_name,
                                                                      char                  **last_name);

G_END_DECLS
