/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One card of a vCard file as HeraldVcardReader read it: the properties
 * Herald uses, decoded (escapes, quoted-printable and charsets undone) to
 * UTF-8. Where a card repeats FN, N, ORG or NOTE, the first one counts;
 * every TEL and EMAIL is kept, in file order. Immutable once read,
 * reference counted. */

#define HERALD_TYPE_VCARD_ENTRY (herald_vcard_entry_get_type ())

typedef enum
{
  HERALD_VCARD_PHONE_NONE  = 0,
  HERALD_VCARD_PHONE_CELL  = 1 << 0,  /* TYPE=CELL, MOBILE or IPHONE */
  HERALD_VCARD_PHONE_PREF  = 1 << 1,  /* TYPE=PREF (2.1, 3.0) or PREF=1 (4.0) */
  HERALD_VCARD_PHONE_HOME  = 1 << 2,
  HERALD_VCARD_PHONE_WORK  = 1 << 3,
  HERALD_VCARD_PHONE_VOICE = 1 << 4,
  HERALD_VCARD_PHONE_FAX   = 1 << 5,
  HERALD_VCARD_PHONE_TEXT  = 1 << 6,  /* TYPE=TEXT (4.0) or MSG (3.0): takes messages */
  HERALD_VCARD_PHONE_PAGER = 1 << 7,
} HeraldVcardPhoneFlags;

typedef struct _HeraldVcardEntry HeraldVcardEntry;

GType                  herald_vcard_entry_get_type              (void) G_GNUC_CONST;

HeraldVcardEntry      *herald_vcard_entry_ref                   (HeraldVcardEntry *self);
void                   herald_vcard_entry_unref                 (HeraldVcardEntry *self);

guint                  herald_vcard_entry_get_line              (HeraldVcardEntry *self);
const char            *herald_vcard_entry_get_version           (HeraldVcardEntry *self);
const char            *herald_vcard_entry_get_formatted_name    (HeraldVcardEntry *self);
const char            *herald_vcard_entry_get_family_name       (HeraldVcardEntry *self);
const char            *herald_vcard_entry_get_given_name        (HeraldVcardEntry *self);
const char            *herald_vcard_entry_get_additional_names  (HeraldVcardEntry *self);
const char            *herald_vcard_entry_get_organization      (HeraldVcardEntry *self);
const char            *herald_vcard_entry_get_note              (HeraldVcardEntry *self);

guint                  herald_vcard_entry_get_n_phones          (HeraldVcardEntry *self);
const char            *herald_vcard_entry_get_phone             (HeraldVcardEntry *self,
                                                                 guint             position);
HeraldVcardPhoneFlags  herald_vcard_entry_get_phone_flags       (HeraldVcardEntry *self,
                                                                 guint             position);

guint                  herald_vcard_entry_get_n_emails          (HeraldVcardEntry *self);
const char            *herald_vcard_entry_get_email             (HeraldVcardEntry *self,
                                                                 guint             position);
gboolean               herald_vcard_entry_get_email_preferred   (HeraldVcardEntry *self,
                                                                 guint             position);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldVcardEntry, herald_vcard_entry_unref)

G_END_DECLS
