/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-local-pull"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

/* `heraldctl contacts pull --account NAME`: an account's own contacts and
 * groups (HeraldRemoteDirectory) copied into the local store, where a
 * campaign can use them. Each member becomes an explicit local contact:
 * campaigns track every number themselves and never ask a provider to
 * expand a group. Numbers are normalised in the account's region; those
 * that do not parse are reported and left out. */

#define PULL_PAGE_SIZE 200

typedef struct
{
  guint skipped;
  guint added;
  guint updated;
  guint unchanged;
  guint grouped;
  guint groups;
} PullCounts;

/* Every contact of @group_id (NULL: all), as local contacts. */
static GPtrArray *
fetch_contacts (HeraldRemoteDirectory  *directory,
                const char             *group_id,
                PullCounts             *counts,
                GError                **error)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  const char *region = herald_remote_directory_get_default_region (directory);

  for (guint number = 1;; number++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(HeraldRemotePage) page = NULL;

      herald_remote_directory_list_contacts_async (directory, number, PULL_PAGE_SIZE, group_id, NULL,
                                                   herald_cli_async_done, &result);
      herald_cli_wait (&result);
      page = herald_remote_directory_list_contacts_finish (directory, result, error);
      if (page == NULL)
        return NULL;

      for (guint i = 0; i < page->items->len; i++)
        {
          HeraldDirectoryContact *remote = page->items->pdata[i];
          g_autoptr(HeraldPhoneNumber) phone = NULL;
          g_autoptr(GError) phone_error = NULL;

          phone = herald_phone_number_parse (remote->phone, region, HERALD_PHONE_NUMBER_FLAGS_NONE, &phone_error);
          if (phone == NULL)
            {
              /* Reported once, when all contacts are read. */
              if (group_id == NULL)
                {
                  g_printerr (_("skipped the contact %s (%s): %s\n"), remote->id,
                              remote->phone != NULL ? remote->phone : "", phone_error->message);
                  counts->skipped++;
                }
              continue;
            }
          g_ptr_array_add (contacts, herald_contact_new_full (remote->first_name, remote->last_name,
                                                              herald_phone_number_get_e164 (phone), remote->email));
        }
      if (!page->pagination.has_more || page->items->len == 0)
        break;
    }

  return g_steal_pointer (&contacts);
}

static gboolean
save (HeraldContactStore  *store,
      GPtrArray           *contacts,
      const char          *group,
      PullCounts          *counts,
      GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldContactStoreImport) import = NULL;

  herald_contact_store_import_contacts_async (store, contacts, group, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  import = herald_contact_store_import_finish (store, result, error);
  if (import == NULL)
    return FALSE;

  counts->added += import->added;
  counts->updated += import->updated;
  counts->unchanged += group == NULL ? import->unchanged : 0;
  counts->grouped += import->grouped;
  return TRUE;
}

static void
print_counts (const HeraldCliListOptions *options,
              const PullCounts           *counts)
{
  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      herald_cli_json_add_count (builder, "added", counts->added);
      herald_cli_json_add_count (builder, "updated", counts->updated);
      herald_cli_json_add_count (builder, "unchanged", counts->unchanged);
      herald_cli_json_add_count (builder, "skipped", counts->skipped);
      herald_cli_json_add_count (builder, "groups", counts->groups);
      herald_cli_json_add_count (builder, "grouped", counts->grouped);
      json_builder_end_object (builder);
      herald_cli_print_json (builder);
      return;
    }

  g_print (_("Pulled %u contacts: %u new, %u updated, %u unchanged; %u skipped.\n"),
           counts->added + counts->updated + counts->unchanged, counts->added, counts->updated,
           counts->unchanged, counts->skipped);
  g_print (_("Pulled %u groups; %u memberships added.\n"), counts->groups, counts->grouped);
}

int
herald_cli_local_pull (const HeraldCliCommand      *command,
                       const HeraldCliListOptions  *options,
                       int                          argc,
                       char                       **argv)
{
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(HeraldContactStore) store = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PullCounts counts = { 0 };
  HeraldRemoteDirectory *directory;
  int status = HERALD_CLI_EXIT_FAILURE;

  if (argc != 2)
    return herald_cli_usage_error (command, _("contacts pull takes no argument: contacts pull --account NAME."));
  if ((status = herald_cli_open_remote_lists (command, options, &account)) != HERALD_CLI_EXIT_OK)
    return status;
  directory = HERALD_REMOTE_DIRECTORY (account.provider);
  if ((store = herald_cli_open_contact_store (command, &status)) == NULL)
    return status;

  contacts = fetch_contacts (directory, NULL, &counts, &error);
  if (contacts == NULL)
    return herald_cli_provider_failure (error);
  if (!save (store, contacts, NULL, &counts, &error))
    return herald_cli_local_failure (command, error);

  herald_remote_directory_list_groups_async (directory, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  groups = herald_remote_directory_list_groups_finish (directory, result, &error);
  if (groups == NULL)
    return herald_cli_provider_failure (error);

  for (guint i = 0; i < groups->len; i++)
    {
      HeraldDirectoryGroup *group = groups->pdata[i];
      g_autoptr(GPtrArray) members = fetch_contacts (directory, group->id, &counts, &error);

      if (members == NULL)
        return herald_cli_provider_failure (error);
      /* An empty group is still created, so that it shows. */
      if (!save (store, members, group->name, &counts, &error))
        return herald_cli_local_failure (command, error);
      counts.groups++;
    }

  print_counts (options, &counts);
  return HERALD_CLI_EXIT_OK;
}
