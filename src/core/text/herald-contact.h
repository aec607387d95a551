/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A person to send to: names, a phone number (E.164 once imported), an
 * e-mail address, and custom fields — whatever else a contacts file had,
 * under normalised keys ("Loyalty Tier" → "loyalty_tier") that templates
 * name as {{loyalty_tier}}. Custom fields keep the order they were added in.
 *
 * The four standard fields are also reachable as the keys "first_name",
 * "last_name", "phone" and "email" through herald_contact_lookup(); those
 * names are never custom keys. */

#define HERALD_TYPE_CONTACT (herald_contact_get_type ())

G_DECLARE_FINAL_TYPE (HeraldContact, herald_contact, HERALD, CONTACT, GObject)

HeraldContact *herald_contact_new               (void);
HeraldContact *herald_contact_new_full          (const char    *first_name,
                                                 const char    *last_name,
                                                 const char    *phone,
                                                 const char    *email);

const char    *herald_contact_get_first_name    (HeraldContact *self);
void           herald_contact_set_first_name    (HeraldContact *self,
                                                 const char    *first_name);
const char    *herald_contact_get_last_name     (HeraldContact *self);
void           herald_contact_set_last_name     (HeraldContact *self,
                                                 const char    *last_name);
const char    *herald_contact_get_phone         (HeraldContact *self);
void           herald_contact_set_phone         (HeraldContact *self,
                                                 const char    *phone);
const char    *herald_contact_get_email         (HeraldContact *self);
void           herald_contact_set_email         (HeraldContact *self,
                                                 const char    *email);
char          *herald_contact_dup_display_name  (HeraldContact *self);

guint          herald_contact_get_n_fields      (HeraldContact *self);
const char    *herald_contact_get_field_key     (HeraldContact *self,
                                                 guint          position);
const char    *herald_contact_get_field_value   (HeraldContact *self,
                                                 guint          position);
const char    *herald_contact_get_field         (HeraldContact *self,
                                                 const char    *key);
void           herald_contact_set_field         (HeraldContact *self,
                                                 const char    *key,
                                                 const char    *value);
const char    *herald_contact_lookup            (HeraldContact *self,
                                                 const char    *key);

gboolean       herald_contact_equal             (HeraldContact *a,
                                                 HeraldContact *b);

gboolean       herald_contact_is_standard_key   (const char    *key);
gboolean       herald_contact_is_valid_key      (const char    *key);
char          *herald_contact_normalize_key     (const char    *text);

G_END_DECLS
