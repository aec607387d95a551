/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-provider.h"
#include "herald-provider-values.h"

G_BEGIN_DECLS

/* HeraldRemoteDirectory: a provider that keeps the account's address book
 * on its side: contacts, contact groups and message templates, read and
 * changed remotely. Optional, with HeraldProvider as its prerequisite: test
 * with HERALD_IS_REMOTE_DIRECTORY (provider). (Herald's own local lists are
 * another matter.) */

/* A contact to create, change or import; NULL members are left out (on
 * update: unchanged). Phones are normalised by the provider. */
typedef struct
{
  const char *phone;
  const char *first_name;
  const char *last_name;
  const char *email;
} HeraldDirectoryContactFields;

#define HERALD_TYPE_DIRECTORY_CONTACT (herald_directory_contact_get_type ())
typedef struct
{
  char      *id;
  char      *phone;
  char      *first_name;   /* nullable */
  char      *last_name;    /* nullable */
  char      *email;        /* nullable */
  GDateTime *created_at;   /* nullable */
} HeraldDirectoryContact;

HERALD_DECLARE_VALUE (HeraldDirectoryContact, herald_directory_contact)
HeraldDirectoryContact *herald_directory_contact_new (void);

#define HERALD_TYPE_DIRECTORY_GROUP (herald_directory_group_get_type ())
typedef struct
{
  char      *id;
  char      *name;
  gint64     contact_count;   /* -1: not said */
  GDateTime *created_at;      /* nullable */
} HeraldDirectoryGroup;

HERALD_DECLARE_VALUE (HeraldDirectoryGroup, herald_directory_group)
HeraldDirectoryGroup *herald_directory_group_new (void);

#define HERALD_TYPE_DIRECTORY_TEMPLATE (herald_directory_template_get_type ())
typedef struct
{
  char      *id;
  char      *name;
  char      *content;
  GDateTime *created_at;   /* nullable */
  GDateTime *updated_at;   /* nullable */
} HeraldDirectoryTemplate;

HERALD_DECLARE_VALUE (HeraldDirectoryTemplate, herald_directory_template)
HeraldDirectoryTemplate *herald_directory_template_new (void);

/* What an import did, summed over the requests it took; "invalid" and
 * "total" count the numbers the provider refused before sending too. */
#define HERALD_TYPE_DIRECTORY_IMPORT (herald_directory_import_get_type ())
typedef struct
{
  guint imported;
  guint created;
  guint skipped;
  guint invalid;
  guint total;
  guint n_requests;
} HeraldDirectoryImport;

HERALD_DECLARE_VALUE (HeraldDirectoryImport, herald_directory_import)
HeraldDirectoryImport *herald_directory_import_new (void);

#define HERALD_TYPE_REMOTE_DIRECTORY (herald_remote_directory_get_type ())
G_DECLARE_INTERFACE (HeraldRemoteDirectory, herald_remote_directory, HERALD, REMOTE_DIRECTORY, HeraldProvider)

/* Each member answers the task it is given (transfer full; the provider
 * its source object) with the call's value: a pointer, or a boolean for
 * deletes. The *_async functions make the task, the *_finish ones
 * propagate it. */
struct _HeraldRemoteDirectoryInterface
{
  GTypeInterface parent_iface;

  const char *(*get_default_region) (HeraldRemoteDirectory *self);
  void (*list_contacts) (HeraldRemoteDirectory *self,
                         guint                  page,
                         guint                  limit,
                         const char            *group_id,
                         GTask                 *task);
  void (*search_contacts) (HeraldRemoteDirectory *self,
                           const char            *query,
                           guint                  page,
                           guint                  limit,
                           GTask                 *task);
  void (*create_contact) (HeraldRemoteDirectory              *self,
                          const HeraldDirectoryContactFields *fields,
                          const char                         *group_id,
                          GTask                              *task);
  void (*update_contact) (HeraldRemoteDirectory              *self,
                          const char                         *contact_id,
                          const HeraldDirectoryContactFields *fields,
                          const char                         *group_id,
                          GTask                              *task);
  void (*delete_contact) (HeraldRemoteDirectory *self,
                          const char            *contact_id,
                          GTask                 *task);
  void (*import_contacts) (HeraldRemoteDirectory              *self,
                           const HeraldDirectoryContactFields *contacts,
                           guint                               n_contacts,
                           const char                         *group_id,
                           GTask                              *task);
  void (*list_groups) (HeraldRemoteDirectory *self,
                       GTask                 *task);
  void (*create_group) (HeraldRemoteDirectory *self,
                        const char            *name,
                        GTask                 *task);
  void (*delete_group) (HeraldRemoteDirectory *self,
                        const char            *group_id,
                        GTask                 *task);
  void (*list_templates) (HeraldRemoteDirectory *self,
                          GTask                 *task);
  void (*create_template) (HeraldRemoteDirectory *self,
                           const char            *name,
                           const char            *content,
                           GTask                 *task);
  void (*update_template) (HeraldRemoteDirectory *self,
                           const char            *template_id,
                           const char            *name,
                           const char            *content,
                           GTask                 *task);
  void (*delete_template) (HeraldRemoteDirectory *self,
                           const char            *template_id,
                           GTask                 *task);
};

/* The region numbers without a country code are read in ("GH"). */
const char *herald_remote_directory_get_default_region (HeraldRemoteDirectory *self);
/* A page of contacts (HeraldDirectoryContact); @group_id may be NULL;
 * @limit 0: the provider's default. */
void herald_remote_directory_list_contacts_async (HeraldRemoteDirectory *self,
                                                  guint                  page,
                                                  guint                  limit,
                                                  const char            *group_id,
                                                  GCancellable          *cancellable,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
HeraldRemotePage *herald_remote_directory_list_contacts_finish (HeraldRemoteDirectory  *self,
                                                                GAsyncResult           *result,
                                                                GError                **error);

/* Contacts whose name or number matches @query (HeraldDirectoryContact). */
void herald_remote_directory_search_contacts_async (HeraldRemoteDirectory *self,
                                                    const char            *query,
                                                    guint                  page,
                                                    guint                  limit,
                                                    GCancellable          *cancellable,
                                                    GAsyncReadyCallback    callback,
                                                    gpointer               user_data);
HeraldRemotePage *herald_remote_directory_search_contacts_finish (HeraldRemoteDirectory  *self,
                                                                  GAsyncResult           *result,
                                                                  GError                **error);

/* @fields->phone is required; @group_id may be NULL. */
void herald_remote_directory_create_contact_async (HeraldRemoteDirectory              *self,
                                                   const HeraldDirectoryContactFields *fields,
                                                   const char                         *group_id,
                                                   GCancellable                       *cancellable,
                                                   GAsyncReadyCallback                 callback,
                                                   gpointer                            user_data);
HeraldDirectoryContact *herald_remote_directory_create_contact_finish (HeraldRemoteDirectory  *self,
                                                                       GAsyncResult           *result,
                                                                       GError                **error);

/* Only the non-NULL fields change; @group_id adds the contact to a group. */
void herald_remote_directory_update_contact_async (HeraldRemoteDirectory              *self,
                                                   const char                         *contact_id,
                                                   const HeraldDirectoryContactFields *fields,
                                                   const char                         *group_id,
                                                   GCancellable                       *cancellable,
                                                   GAsyncReadyCallback                 callback,
                                                   gpointer                            user_data);
HeraldDirectoryContact *herald_remote_directory_update_contact_finish (HeraldRemoteDirectory  *self,
                                                                       GAsyncResult           *result,
                                                                       GError                **error);

void herald_remote_directory_delete_contact_async (HeraldRemoteDirectory *self,
                                                   const char            *contact_id,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
gboolean herald_remote_directory_delete_contact_finish (HeraldRemoteDirectory  *self,
                                                        GAsyncResult           *result,
                                                        GError                **error);

/* Adds many contacts at once; @contacts is copied before this returns. */
void herald_remote_directory_import_contacts_async (HeraldRemoteDirectory              *self,
                                                    const HeraldDirectoryContactFields *contacts,
                                                    guint                               n_contacts,
                                                    const char                         *group_id,
                                                    GCancellable                       *cancellable,
                                                    GAsyncReadyCallback                 callback,
                                                    gpointer                            user_data);
HeraldDirectoryImport *herald_remote_directory_import_contacts_finish (HeraldRemoteDirectory  *self,
                                                                       GAsyncResult           *result,
                                                                       GError                **error);

/* Returns: (element-type HeraldDirectoryGroup) (transfer container) */
void herald_remote_directory_list_groups_async (HeraldRemoteDirectory *self,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
GPtrArray *herald_remote_directory_list_groups_finish (HeraldRemoteDirectory  *self,
                                                       GAsyncResult           *result,
                                                       GError                **error);

void herald_remote_directory_create_group_async (HeraldRemoteDirectory *self,
                                                 const char            *name,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
HeraldDirectoryGroup *herald_remote_directory_create_group_finish (HeraldRemoteDirectory  *self,
                                                                   GAsyncResult           *result,
                                                                   GError                **error);

/* The group's contacts stay. */
void herald_remote_directory_delete_group_async (HeraldRemoteDirectory *self,
                                                 const char            *group_id,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
gboolean herald_remote_directory_delete_group_finish (HeraldRemoteDirectory  *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);

/* Returns: (element-type HeraldDirectoryTemplate) (transfer container) */
void herald_remote_directory_list_templates_async (HeraldRemoteDirectory *self,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
GPtrArray *herald_remote_directory_list_templates_finish (HeraldRemoteDirectory  *self,
                                                          GAsyncResult           *result,
                                                          GError                **error);

void herald_remote_directory_create_template_async (HeraldRemoteDirectory *self,
                                                    const char            *name,
                                                    const char            *content,
                                                    GCancellable          *cancellable,
                                                    GAsyncReadyCallback    callback,
                                                    gpointer               user_data);
HeraldDirectoryTemplate *herald_remote_directory_create_template_finish (HeraldRemoteDirectory  *self,
                                                                         GAsyncResult           *result,
                                                                         GError                **error);

/* Both @name and @content are required. */
void herald_remote_directory_update_template_async (HeraldRemoteDirectory *self,
                                                    const char            *template_id,
                                                    const char            *name,
                                                    const char            *content,
                                                    GCancellable          *cancellable,
                                                    GAsyncReadyCallback    callback,
                                                    gpointer               user_data);
HeraldDirectoryTemplate *herald_remote_directory_update_template_finish (HeraldRemoteDirectory  *self,
                                                                         GAsyncResult           *result,
                                                                         GError                **error);

void herald_remote_directory_delete_template_async (HeraldRemoteDirectory *self,
                                                    const char            *template_id,
                                                    GCancellable          *cancellable,
                                                    GAsyncReadyCallback    callback,
                                                    gpointer               user_data);
gboolean herald_remote_directory_delete_template_finish (HeraldRemoteDirectory  *self,
                                                         GAsyncResult           *result,
                                                         GError                **error);

G_END_DECLS
