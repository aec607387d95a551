/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* What the files of the contact store (-store.c, -store-groups.c) and the
 * contact list model share: rows to contacts, the search condition, groups
 * by name. Worker-thread functions run inside a HeraldDatabaseFunc. */

#include "herald-contact-store.h"
#include "herald-database-private.h"

G_BEGIN_DECLS

struct _HeraldContactStore
{
  GObject         parent_instance;

  HeraldDatabase *database;
};

/* The columns herald_contact_store_contact_from_row() reads, in order. */
#define HERALD_CONTACT_STORE_COLUMNS "c.phone, c.first_name, c.last_name, c.email, c.fields"

HeraldContact *herald_contact_store_contact_from_row (sqlite3_stmt *stmt,
                                                      int           first_column);
/* The custom fields as the fields column keeps them: a JSON object in
 * their order; NULL when there are none. */
char          *herald_contact_store_encode_fields    (HeraldContact *contact);
/* The case-folded display name, the sort_key column. */
char          *herald_contact_store_sort_key         (HeraldContact *contact);

/* A search as two bindings of HERALD_CONTACT_STORE_SEARCH: the case-folded
 * text for names, and the digits for numbers (leading zeros dropped, so
 * that a national "0244…" finds "+233244…"; NULL when the text is not a
 * number). FALSE when @search is empty: no condition. */
gboolean       herald_contact_store_search_terms     (const char  *search,
                                                      char       **name,
                                                      char       **digits);
#define HERALD_CONTACT_STORE_SEARCH \
  "(instr(c.sort_key, :name) > 0 OR instr(c.phone, :digits) > 0)"

/* "SELECT @columns FROM contacts c", only the members of @group (nullable;
 * NOT_FOUND when there is no such group) that match @search (nullable), in
 * name order, then @tail (its parameters for the caller to bind). The
 * list the store returns and the ids the list model reads. */
sqlite3_stmt  *herald_contact_store_prepare_list     (HeraldDatabase  *database,
                                                      const char      *columns,
                                                      const char      *group,
                                                      const char      *search,
                                                      const char      *tail,
                                                      GError         **error);

/* The id of the group named @name (without regard to case), created when
 * @create; NOT_FOUND otherwise. */
gboolean       herald_contact_store_find_group       (HeraldDatabase  *database,
                                                      const char      *name,
                                                      gboolean         create,
                                                      gint64          *id,
                                                      GError         **error);

/* HeraldStoreJobAfter of the calls that change contacts or members. */
void           herald_contact_store_emit_changed     (gpointer         source_object,
                                                      gpointer         job);

G_END_DECLS
