/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-provider"

#include "config.h"

#include "herald-remote-directory.h"
#include "herald-value-private.h"

/* ---- HeraldDirectoryContact ----------------------------------------------- */

static void
herald_directory_contact_clear (HeraldDirectoryContact *self)
{
  g_free (self->id);
  g_free (self->phone);
  g_free (self->first_name);
  g_free (self->last_name);
  g_free (self->email);
  g_clear_pointer (&self->created_at, g_date_time_unref);
}

HERALD_DEFINE_VALUE (HeraldDirectoryContact, herald_directory_contact, herald_directory_contact_clear)

HERALD_DEFINE_VALUE_NEW (HeraldDirectoryContact, herald_directory_contact)

/* ---- HeraldDirectoryGroup ------------------------------------------------- */

static void
herald_directory_group_clear (HeraldDirectoryGroup *self)
{
  g_free (self->id);
  g_free (self->name);
  g_clear_pointer (&self->created_at, g_date_time_unref);
}

HERALD_DEFINE_VALUE (HeraldDirectoryGroup, herald_directory_group, herald_directory_group_clear)

HeraldDirectoryGroup *
herald_directory_group_new (void)
{
  HeraldDirectoryGroup *self = g_atomic_rc_box_new0 (HeraldDirectoryGroup);

  self->contact_count = -1;
  return self;
}

/* ---- HeraldDirectoryTemplate ---------------------------------------------- */

static void
herald_directory_template_clear (HeraldDirectoryTemplate *self)
{
  g_free (self->id);
  g_free (self->name);
  g_free (self->content);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
}

HERALD_DEFINE_VALUE (HeraldDirectoryTemplate, herald_directory_template, herald_directory_template_clear)

HERALD_DEFINE_VALUE_NEW (HeraldDirectoryTemplate, herald_directory_template)

/* ---- HeraldDirectoryImport ------------------------------------------------ */

static void
herald_directory_import_clear (HeraldDirectoryImport *self)
{
}

HERALD_DEFINE_VALUE (HeraldDirectoryImport, herald_directory_import, herald_directory_import_clear)

HERALD_DEFINE_VALUE_NEW (HeraldDirectoryImport, herald_directory_import)

/* ---- the interface -------------------------------------------------------- */

HERALD_DEFINE_CAPABILITY (HeraldRemoteDirectory, herald_remote_directory)

const char *
herald_remote_directory_get_default_region (HeraldRemoteDirectory *self)
{
  g_return_val_if_fail (HERALD_IS_REMOTE_DIRECTORY (self), NULL);
  return HERALD_REMOTE_DIRECTORY_GET_IFACE (self)->get_default_region (self);
}

void
herald_remote_directory_list_contacts_async (HeraldRemoteDirectory *self,
                                             guint                  page,
                                             guint                  limit,
                                             const char            *group_id,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data)
{
  g_return_if_fail (HERALD_IS_REMOTE_DIRECTORY (self));
  HERALD_REMOTE_DIRECTORY_GET_IFACE (self)->list_contacts (self, page, limit, group_id,
                                                           g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (HeraldRemotePage *, herald_remote_directory_list_contacts_finish, HeraldRemoteDirectory)

void
herald_remote_directory_search_contacts_async (HeraldRemoteDirectory *self,
                                               const char            *query,
                                               guint                  page,
                                               guint                  limit,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data)
{
  g_return_if_fail (HERALD_IS_REMOTE_DIRECTORY (self));
  g_return_if_fail (query != NULL);
  HERALD_REMOTE_DIRECTORY_GET_IFACE (self)->search_contacts (self, query, page, limit,
                                                             g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (HeraldRemotePage *, herald_remote_directory_search_contacts_finish, HeraldRemoteDirectory)

void
herald_remote_directory_create_contact_async (HeraldRemoteDirectory              *self,
                                              const HeraldDirectoryContactFields *fields,
                                              const char                         *group_id,
                                              GCancellable                       *cancellable,
                                              GAsyncReadyCallback                 callback,
                                              gpointer                            user_data)
{
  g_return_if_fail (HERALD_IS_REMOTE_DIRECTORY (self));
  g_return_if_fail (fields != NULL);
  HERALD_REMOTE_DIRECTORY_GET_IFACE (self)->create_contact (self, fields, group_id,
                                                            g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (HeraldDirectoryContact *, herald_remote_directory_create_contact_finish, HeraldRemoteDirectory)

void
herald_remote_directory_update_contact_async (HeraldRemoteDirectory              *self,
                                              const char                         *contact_id,
                                              const HeraldDirectoryContactFields *fields,
                                              const char                         *group_id,
                                              GCancellable                       *cancellable,
                                              GAsyncReadyCallback                 callback,
                                              gpointer                            user_data)
{
  g_return_if_fail (HERALD_IS_REMOTE_DIRECTORY (self));
  g_return_if_fail (contact_id != NULL);
  g_return_if_fail (fields != NULL);
  HERALD_REMOTE_DIRECTORY_GET_IFACE (self)->update_contact (self, contact_id, fields, group_id,
                                                            g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (HeraldDirectoryContact *, herald_remote_directory_update_contact_finish, HeraldRemoteDirectory)

void
herald_remote_directory_delete_contact_async (HeraldRemoteDirectory *self,
                                              const char            *contact_id,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data)
{
  g_return_if_fail (HERALD_IS_REMOTE_DIRECTORY (self));
  g_return_if_fail (contact_id != NULL);
  HERALD_REMOTE_DIRECTORY_GET_IFACE (self)->delete_contact (self, contact_id,
                                                            g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH_BOOLEAN (herald_remote_directory_delete_contact_finish, HeraldRemoteDirectory)

void
herald_remote_directory_import_contacts_async (HeraldRemoteDirectory              *self,
                                               const HeraldDirectoryContactFields *contacts,
                                               guint                               n_contacts,
                                               const char                         *group_id,
                                               GCancellable                       *cancellable,
                                               GAsyncReadyCallback                 callback,
                                               gpointer                            user_data)
{
  g_return_if_fail (HERALD_IS_REMOTE_DIRECTORY (self));
  g_return_if_fail (contacts != NULL || n_contacts == 0);
  HERALD_REMOTE_DIRECTORY_GET_IFACE (self)->import_contacts (self, contacts, n_contacts, group_id,
                                                             g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (HeraldDirectoryImport *, herald_remote_directory_import_contacts_finish, HeraldRemoteDirectory)

void
herald_remote_directory_list_groups_async (HeraldRemoteDirectory *self,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data)
{
  g_return_if_fail (HERALD_IS_REMOTE_DIRECTORY (self));
  HERALD_REMOTE_DIRECTORY_GET_IFACE (self)->list_groups (self,
                                                         g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (GPtrArray *, herald_remote_directory_list_groups_finish, HeraldRemoteDirectory)

void
herald_remote_directory_create_group_async (HeraldRemoteDirectory *self,
                                            const char            *name,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data)
{
  g_return_if_fail (HERALD_IS_REMOTE_DIRECTORY (self));
  g_return_if_fail (name != NULL);
  HERALD_REMOTE_DIRECTORY_GET_IFACE (self)->create_group (self, name,
                                                          g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (HeraldDirectoryGroup *, herald_remote_directory_create_group_finish, HeraldRemoteDirectory)

void
herald_remote_directory_delete_group_async (HeraldRemoteDirectory *self,
                                            const char            *group_id,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data)
{
  g_return_if_fail (HERALD_IS_REMOTE_DIRECTORY (self));
  g_return_if_fail (group_id != NULL);
  HERALD_REMOTE_DIRECTORY_GET_IFACE (self)->delete_group (self, group_id,
                                                          g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH_BOOLEAN (herald_remote_directory_delete_group_finish, HeraldRemoteDirectory)

void
herald_remote_directory_list_templates_async (HeraldRemoteDirectory *self,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data)
{
  g_return_if_fail (HERALD_IS_REMOTE_DIRECTORY (self));
  HERALD_REMOTE_DIRECTORY_GET_IFACE (self)->list_templates (self,
                                                            g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (GPtrArray *, herald_remote_directory_list_templates_finish, HeraldRemoteDirectory)

void
herald_remote_directory_create_template_async (HeraldRemoteDirectory *self,
                                               const char            *name,
                                               const char            *content,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data)
{
  g_return_if_fail (HERALD_IS_REMOTE_DIRECTORY (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (content != NULL);
  HERALD_REMOTE_DIRECTORY_GET_IFACE (self)->create_template (self, name, content,
                                                             g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (HeraldDirectoryTemplate *, herald_remote_directory_create_template_finish, HeraldRemoteDirectory)

void
herald_remote_directory_update_template_async (HeraldRemoteDirectory *self,
                                               const char            *template_id,
                                               const char            *name,
                                               const char            *content,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data)
{
  g_return_if_fail (HERALD_IS_REMOTE_DIRECTORY (self));
  g_return_if_fail (template_id != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (content != NULL);
  HERALD_REMOTE_DIRECTORY_GET_IFACE (self)->update_template (self, template_id, name, content,
                                                             g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (HeraldDirectoryTemplate *, herald_remote_directory_update_template_finish, HeraldRemoteDirectory)

void
herald_remote_directory_delete_template_async (HeraldRemoteDirectory *self,
                                               const char            *template_id,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data)
{
  g_return_if_fail (HERALD_IS_REMOTE_DIRECTORY (self));
  g_return_if_fail (template_id != NULL);
  HERALD_REMOTE_DIRECTORY_GET_IFACE (self)->delete_template (self, template_id,
                                                             g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH_BOOLEAN (herald_remote_directory_delete_template_finish, HeraldRemoteDirectory)
