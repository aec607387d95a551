/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Which column of a contacts table holds what. Made from the header row,
 * then adjustable by a person before the import:
 *
 * - headers are compared ignoring case, spaces and punctuation, so
 *   "Phone Number", "phone_number" and "PHONE-NUMBER" are the same;
 * - phone, mobile, number, msisdn, cell, telephone, tel, phone number,
 *   mobile number, cell phone, whatsapp… → PHONE;
 *   first name, given name, forename → FIRST_NAME;
 *   last name, surname, family name → LAST_NAME;
 *   name, full name, display name, contact name → FULL_NAME (split into
 *   first and last name, used only when there is neither a first- nor a
 *   last-name column; otherwise it is a custom field);
 *   email, e-mail, email address, mail → EMAIL;
 * - a role goes to the first column that claims it; later ones, and every
 *   other column, are CUSTOM fields under herald_contact_normalize_key() of
 *   their header ("Loyalty Tier" → loyalty_tier), made unique with _2, _3…
 *   and never one of the standard keys; a header without a letter or digit
 *   gives column_N (N counted from 1);
 * - a file without a header: when no header names a phone column but one
 *   of the header cells reads as a phone number (digits with + ( ) - . and
 *   spaces, at least six digits), the first row is data, that column is
 *   PHONE and the others are column_N. */

#define HERALD_TYPE_CONTACT_MAPPING (herald_contact_mapping_get_type ())

typedef enum
{
  HERALD_CONTACT_ROLE_IGNORE,
  HERALD_CONTACT_ROLE_PHONE,
  HERALD_CONTACT_ROLE_FIRST_NAME,
  HERALD_CONTACT_ROLE_LAST_NAME,
  HERALD_CONTACT_ROLE_FULL_NAME,
  HERALD_CONTACT_ROLE_EMAIL,
  HERALD_CONTACT_ROLE_CUSTOM,
} HeraldContactRole;

typedef struct _HeraldContactMapping HeraldContactMapping;

GType                 herald_contact_mapping_get_type        (void) G_GNUC_CONST;

HeraldContactMapping *herald_contact_mapping_new_for_header  (const char * const   *header);
HeraldContactMapping *herald_contact_mapping_ref             (HeraldContactMapping *self);
void                  herald_contact_mapping_unref           (HeraldContactMapping *self);

guint                 herald_contact_mapping_get_n_columns   (HeraldContactMapping *self);
gboolean              herald_contact_mapping_get_has_header  (HeraldContactMapping *self);
const char           *herald_contact_mapping_get_header      (HeraldContactMapping *self,
                                                              guint                 column);
HeraldContactRole     herald_contact_mapping_get_role        (HeraldContactMapping *self,
                                                              guint                 column);
const char           *herald_contact_mapping_get_key         (HeraldContactMapping *self,
                                                              guint                 column);
void                  herald_contact_mapping_set_role        (HeraldContactMapping *self,
                                                              guint                 column,
                                                              HeraldContactRole     role,
                                                              const char           *key);
int                   herald_contact_mapping_find_column     (HeraldContactMapping *self,
                                                              const char           *header);
int                   herald_contact_mapping_get_column_for_role
                                                             (HeraldContactMapping *self,
                                                              HeraldContactRole     role);

HeraldContactRole     herald_contact_mapping_guess_role      (const char           *header);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldContactMapping, herald_contact_mapping_unref)

G_END_DECLS
