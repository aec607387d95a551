/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-contact-store.h"

G_BEGIN_DECLS

/* A GListModel of the local contacts (HeraldContact), in name order, for a
 * list view of 100,000 contacts: it keeps the row ids of the list (8 bytes a
 * contact) and makes objects only for the pages of rows that are looked at,
 * a few pages at a time.
 *
 * Nothing blocks the caller: the ids are read on a worker thread (the list
 * is empty until then, then "items-changed" says how long it is), and an
 * item whose page is not read yet comes back at once as an empty
 * placeholder contact, replaced by the real one through "items-changed"
 * over its page as soon as the page is read (herald_contact_list_model_
 * is_loaded() tells them apart). The list reloads when the store says its
 * contacts changed, and when the search or the group changes.
 *
 * Properties: "store" (construct-only), "search" and "group" (strings,
 * nullable: what herald_contact_store_list_contacts_async() filters on),
 * "loading" (the ids are being read), "n-items". */

#define HERALD_TYPE_CONTACT_LIST_MODEL (herald_contact_list_model_get_type ())
G_DECLARE_FINAL_TYPE (HeraldContactListModel, herald_contact_list_model, HERALD, CONTACT_LIST_MODEL, GObject)

HeraldContactListModel *herald_contact_list_model_new          (HeraldContactStore     *store);

void                    herald_contact_list_model_set_search   (HeraldContactListModel *self,
                                                                const char             *search);
const char             *herald_contact_list_model_get_search   (HeraldContactListModel *self);
void                    herald_contact_list_model_set_group    (HeraldContactListModel *self,
                                                                const char             *group);
const char             *herald_contact_list_model_get_group    (HeraldContactListModel *self);
gboolean                herald_contact_list_model_get_loading  (HeraldContactListModel *self);
/* Why the last reload failed (an unknown group…), or NULL. */
const GError           *herald_contact_list_model_get_error    (HeraldContactListModel *self);
void                    herald_contact_list_model_reload       (HeraldContactListModel *self);

/* Whether the item at @position holds its row (FALSE: a placeholder, or
 * past the end). */
gboolean                herald_contact_list_model_is_loaded    (HeraldContactListModel *self,
                                                                guint                   position);
/* How many contact objects the model holds now, placeholders included:
 * bounded by a few pages whatever the list's length. */
guint                   herald_contact_list_model_get_n_cached (HeraldContactListModel *self);

G_END_DECLS
