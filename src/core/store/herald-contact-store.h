/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-database.h"
#include "herald-local-values.h"
#include "text/herald-contact.h"
#include "text/herald-contact-import-report.h"
#include "text/herald-contact-importer.h"

G_BEGIN_DECLS

/* The local address book: contacts (one per E.164 number, with their custom
 * fields as template variables), groups of contacts (many to many) and
 * message templates, in the database the accounts use (schema step 3).
 *
 * Contacts are named by their phone, groups and templates by their name
 * (unique without regard to case). Every call runs its SQL on a worker
 * thread; the callback runs in the caller's thread-default main context.
 * Errors are HERALD_STORE_ERROR: NOT_FOUND (no such contact, group or
 * template), EXISTS (the number or name is taken), INVALID (a phone that is
 * not E.164, an empty name: nothing was written), QUERY/BUSY otherwise.
 *
 * "contacts-changed" is emitted (in the caller's context, before the
 * callback) after every call that changed contacts or group members, so that
 * lists over them (HeraldContactListModel) reload. */

#define HERALD_TYPE_CONTACT_STORE (herald_contact_store_get_type ())
G_DECLARE_FINAL_TYPE (HeraldContactStore, herald_contact_store, HERALD, CONTACT_STORE, GObject)

HeraldContactStore *herald_contact_store_new                (HeraldDatabase       *database);
HeraldDatabase     *herald_contact_store_get_database       (HeraldContactStore   *self);

/* ---- contacts ------------------------------------------------------------ */

/* @contact's phone must be E.164 (normalise with herald_phone_number_parse()
 * first); EXISTS when the number is there already. */
void           herald_contact_store_add_contact_async      (HeraldContactStore   *self,
                                                            HeraldContact        *contact,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean       herald_contact_store_add_contact_finish     (HeraldContactStore   *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
/* Replaces the contact with number @phone by @contact (which may carry a new
 * number), custom fields included; group memberships stay. */
void           herald_contact_store_update_contact_async   (HeraldContactStore   *self,
                                                            const char           *phone,
                                                            HeraldContact        *contact,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean       herald_contact_store_update_contact_finish  (HeraldContactStore   *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
/* Removes the contact (and its memberships); opt-outs are kept. */
void           herald_contact_store_remove_contact_async   (HeraldContactStore   *self,
                                                            const char           *phone,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean       herald_contact_store_remove_contact_finish  (HeraldContactStore   *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
void           herald_contact_store_get_contact_async      (HeraldContactStore   *self,
                                                            const char           *phone,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
HeraldContact *herald_contact_store_get_contact_finish     (HeraldContactStore   *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

/* Contacts in name order (the case-folded display name, then the number).
 * @group (nullable): only its members (NOT_FOUND for an unknown group);
 * @search (nullable): only those whose name contains it without regard to
 * case, or whose number contains its digits ("0244" finds +233244…);
 * @offset/@limit page through (@limit 0: all).
 * Returns: (element-type HeraldContact) (transfer full) */
void           herald_contact_store_list_contacts_async    (HeraldContactStore   *self,
                                                            const char           *group,
                                                            const char           *search,
                                                            guint                 offset,
                                                            guint                 limit,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GPtrArray     *herald_contact_store_list_contacts_finish   (HeraldContactStore   *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

/* ---- import and export --------------------------------------------------- */

/* What an import into the store did. @report is the importer's (invalid
 * rows with their lines and reasons, duplicates in the file); NULL for
 * herald_contact_store_import_contacts_async(). */
typedef struct
{
  guint                      added;       /* numbers that were not there */
  guint                      updated;     /* there, and something changed */
  guint                      unchanged;   /* there already, as imported */
  guint                      grouped;     /* newly added to the group */
  HeraldContactImportReport *report;
} HeraldContactStoreImport;

void herald_contact_store_import_free (HeraldContactStoreImport *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldContactStoreImport, herald_contact_store_import_free)

/* Reads @path with @importer (CSV or vCard; @importer is used on the worker
 * thread and must not be touched until the callback) and saves its contacts
 * in one transaction: a number already there is updated (names and e-mail
 * given in the file replace those stored, custom fields are merged), so
 * importing a file twice adds nothing; rows the importer refused are in
 * the report and skipped. @group (nullable): the group every imported
 * contact joins, created when missing. Any failure (the file, the database,
 * @cancellable) leaves the store as it was. */
void                      herald_contact_store_import_file_async     (HeraldContactStore    *self,
                                                                      const char            *path,
                                                                      HeraldContactImporter *importer,
                                                                      const char            *group,
                                                                      GCancellable          *cancellable,
                                                                      GAsyncReadyCallback    callback,
                                                                      gpointer               user_data);
/* The same for contacts at hand (E.164 phones; INVALID for any other, and
 * nothing is saved). */
void                      herald_contact_store_import_contacts_async (HeraldContactStore    *self,
                                                                      GPtrArray             *contacts,
                                                                      const char            *group,
                                                                      GCancellable          *cancellable,
                                                                      GAsyncReadyCallback    callback,
                                                                      gpointer               user_data);
HeraldContactStoreImport *herald_contact_store_import_finish         (HeraldContactStore    *self,
                                                                      GAsyncResult          *result,
                                                                      GError               **error);

/* Writes the contacts (of @group, or all) to @file as CSV
 * (herald-contact-export.h), replacing it only once all is written.
 * Returns how many were written. */
void  herald_contact_store_export_csv_async  (HeraldContactStore   *self,
                                              GFile                *file,
                                              const char           *group,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
guint herald_contact_store_export_csv_finish (HeraldContactStore   *self,
                                              GAsyncResult         *result,
                                              GError              **error);

/* ---- groups -------------------------------------------------------------- */

/* Returns: (element-type HeraldLocalGroup) (transfer full), by name */
void       herald_contact_store_list_groups_async     (HeraldContactStore   *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GPtrArray *herald_contact_store_list_groups_finish    (HeraldContactStore   *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void       herald_contact_store_add_group_async       (HeraldContactStore   *self,
                                                       const char           *name,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
/* The group's contacts stay. */
void       herald_contact_store_remove_group_async    (HeraldContactStore   *self,
                                                       const char           *name,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
void       herald_contact_store_rename_group_async    (HeraldContactStore   *self,
                                                       const char           *name,
                                                       const char           *new_name,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
/* Finishes add, remove and rename. */
gboolean   herald_contact_store_group_finish          (HeraldContactStore   *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
/* Adds (@add TRUE) or removes the contacts with the numbers @phones to or
 * from @group in one transaction; NOT_FOUND, and nothing changed, when a
 * number is no contact. Returns how many memberships changed (a contact
 * already in, or not in, the group counts nothing). */
void       herald_contact_store_change_members_async  (HeraldContactStore   *self,
                                                       const char           *group,
                                                       const char * const   *phones,
                                                       gboolean              add,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
guint      herald_contact_store_change_members_finish (HeraldContactStore   *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

/* ---- templates ----------------------------------------------------------- */

/* The custom field keys the contacts have ("loyalty_tier"), without
 * repeats, sorted: with the standard fields, the variables a template can
 * use. Returns: (transfer full) a NULL-terminated array */
void                 herald_contact_store_list_field_keys_async  (HeraldContactStore   *self,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
GStrv                herald_contact_store_list_field_keys_finish (HeraldContactStore   *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);

/* Returns: (element-type HeraldLocalTemplate) (transfer full), by name */
void                 herald_contact_store_list_templates_async  (HeraldContactStore   *self,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
GPtrArray           *herald_contact_store_list_templates_finish (HeraldContactStore   *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);
void                 herald_contact_store_get_template_async    (HeraldContactStore   *self,
                                                                 const char           *name,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
HeraldLocalTemplate *herald_contact_store_get_template_finish   (HeraldContactStore   *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);
/* @body must not be empty. */
void                 herald_contact_store_add_template_async    (HeraldContactStore   *self,
                                                                 const char           *name,
                                                                 const char           *body,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
/* @new_name and @new_body may be NULL: unchanged. */
void                 herald_contact_store_update_template_async (HeraldContactStore   *self,
                                                                 const char           *name,
                                                                 const char           *new_name,
                                                                 const char           *new_body,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
void                 herald_contact_store_remove_template_async (HeraldContactStore   *self,
                                                                 const char           *name,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
/* Finishes add, update and remove. */
gboolean             herald_contact_store_template_finish       (HeraldContactStore   *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);

G_END_DECLS
