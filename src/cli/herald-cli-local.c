/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-local"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

/* What the commands on the local address book share: the store, numbers
 * as typed turned into E.164, errors turned into exit statuses. */

HeraldDatabase *
herald_cli_open_database (GError **error)
{
  g_autofree char *path = herald_paths_get_database_path ();
  g_autoptr(GAsyncResult) opened = NULL;

  herald_database_open_async (path, NULL, herald_cli_async_done, &opened);
  herald_cli_wait (&opened);
  return herald_database_open_finish (opened, error);
}

int
herald_cli_local_failure (const HeraldCliCommand *command,
                          const GError           *error)
{
  /* What the person asked for does not fit the store (no such contact, a
   * name taken, a number that is not one, a file that cannot be read): a
   * usage error. The database itself failing is a failure. */
  gboolean usage = !(error->domain == HERALD_STORE_ERROR &&
                     error->code != HERALD_STORE_ERROR_NOT_FOUND &&
                     error->code != HERALD_STORE_ERROR_EXISTS &&
                     error->code != HERALD_STORE_ERROR_INVALID);

  g_printerr ("heraldctl %s: %s\n", command->name, error->message);
  return usage ? HERALD_CLI_EXIT_USAGE : HERALD_CLI_EXIT_FAILURE;
}

/* --region, upper-cased, in *@region (NULL when not given): FALSE after
 * printing why when it names no region. */
gboolean
herald_cli_local_region (const HeraldCliCommand     *command,
                         const HeraldCliListOptions *options,
                         char                      **region,
                         int                        *status)
{
  *region = options->region != NULL ? g_ascii_strup (options->region, -1) : NULL;
  if (*region == NULL || herald_phone_region_is_valid (*region))
    return TRUE;

  g_clear_pointer (region, g_free);
  *status = herald_cli_usage_error (command, _("“%s” is not a known region: give a two-letter code such as "
                                               "GH, NG or US."), options->region);
  return FALSE;
}

char *
herald_cli_local_phone (const HeraldCliCommand     *command,
                        const HeraldCliListOptions *options,
                        const char                 *input,
                        int                        *status)
{
  g_autoptr(HeraldPhoneNumber) number = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *region = NULL;

  if (!herald_cli_local_region (command, options, &region, status))
    return NULL;

  number = herald_phone_number_parse (input, region, HERALD_PHONE_NUMBER_FLAGS_NONE, &error);
  if (number == NULL)
    {
      *status = herald_cli_usage_error (command, _("“%s” is not a phone number Herald can use: %s%s"),
                                        g_utf8_validate (input, -1, NULL) ? input : "?", error->message,
                                        region == NULL && g_error_matches (error, HERALD_PHONE_NUMBER_ERROR,
                                                                           HERALD_PHONE_NUMBER_ERROR_NO_REGION)
                                        ? _(" (give --region CC for numbers without a country code)") : "");
      return NULL;
    }
  return g_strdup (herald_phone_number_get_e164 (number));
}

/* Every argument from @first on, as E.164; NULL after printing why. */
GStrv
herald_cli_local_phones (const HeraldCliCommand     *command,
                         const HeraldCliListOptions *options,
                         int                         argc,
                         char                      **argv,
                         int                         first,
                         int                        *status)
{
  g_autoptr(GPtrArray) phones = g_ptr_array_new_with_free_func (g_free);

  for (int i = first; i < argc; i++)
    {
      char *phone = herald_cli_local_phone (command, options, argv[i], status);

      if (phone == NULL)
        return NULL;
      g_ptr_array_add (phones, phone);
    }
  g_ptr_array_add (phones, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&phones), FALSE);
}

void
herald_cli_json_add_usec (JsonBuilder *builder,
                          const char  *member,
                          gint64       usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  herald_cli_json_add_time (builder, member, time);
}

char *
herald_cli_format_usec (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return herald_cli_format_time (time);
}

