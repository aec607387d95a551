/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-vcard-entry.h"

G_BEGIN_DECLS

/* How HeraldVcardReader fills an entry while it reads a card. Each setter
 * takes ownership of its strings; the first value set wins. */

HeraldVcardEntry *herald_vcard_entry_new              (guint              line);
void              herald_vcard_entry_take_version     (HeraldVcardEntry  *self,
                                                       char              *version);
void              herald_vcard_entry_take_formatted_name
                                                      (HeraldVcardEntry  *self,
                                                       char              *formatted_name);
void              herald_vcard_entry_take_name        (HeraldVcardEntry  *self,
                                                       char              *family,
                                                       char              *given,
                                                       char              *additional);
void              herald_vcard_entry_take_organization (HeraldVcardEntry *self,
                                                       char              *organization);
void              herald_vcard_entry_take_note        (HeraldVcardEntry  *self,
                                                       char              *note);
void              herald_vcard_entry_take_phone       (HeraldVcardEntry  *self,
                                                       char              *phone,
                                                       HeraldVcardPhoneFlags flags);
void              herald_vcard_entry_take_email       (HeraldVcardEntry  *self,
                                                       char              *email,
                                                       gboolean           preferred);

G_END_DECLS
