/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-provider-open"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "herald-cli.h"

HeraldAccountStore *
herald_cli_open_store (GError **error)
{
  g_autofree char *path = herald_paths_get_database_path ();
  g_autoptr(GAsyncResult) opened = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(HeraldDatabase) database = NULL;
  g_autoptr(HeraldAccountStore) store = NULL;

  herald_database_open_async (path, NULL, herald_cli_async_done, &opened);
  herald_cli_wait (&opened);
  database = herald_database_open_finish (opened, error);
  if (database == NULL)
    return NULL;

  store = herald_account_store_new (database);
  herald_account_store_load_async (store, NULL, herald_cli_async_done, &loaded);
  herald_cli_wait (&loaded);
  if (!herald_account_store_load_finish (store, loaded, error))
    return NULL;

  return g_steal_pointer (&store);
}

void
herald_cli_account_clear (HeraldCliAccount *self)
{
  g_clear_object (&self->provider);
  self->account = NULL;
  g_clear_object (&self->store);
}

int
herald_cli_open_account (const HeraldCliCommand *command,
                         const char             *name,
                         HeraldCliAccount       *out)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (name == NULL)
    return herald_cli_usage_error (command, _("Say which account to use with --account NAME "
                                              "(“heraldctl account list” shows them)."));

  out->store = herald_cli_open_store (&error);
  if (out->store == NULL)
    return herald_cli_failure ("%s", error->message);

  out->account = herald_account_store_lookup_by_name (out->store, name);
  if (out->account == NULL)
    return herald_cli_usage_error (command,
                                   _("There is no account named “%s”; “heraldctl account list” "
                                     "shows them."),
                                   g_utf8_validate (name, -1, NULL) ? name : "?");

  herald_provider_open_async (out->store, out->account, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  out->provider = herald_provider_open_finish (result, &error);
  if (out->provider == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        {
          g_printerr ("heraldctl %s: %s\n", command->name, error->message);
          return HERALD_CLI_EXIT_USAGE;
        }
      return herald_cli_failure (_("Could not open the account “%s”: %s"),
                                 herald_account_get_name (out->account), error->message);
    }

  return HERALD_CLI_EXIT_OK;
}

static const char *
dialect_title (HeraldCliAccount *account)
{
  const HeraldDialectInfo *info = herald_dialect_get_info (herald_account_get_dialect (account->account));

  return info != NULL && !info->local ? info->title : _("A modem account");
}

int
herald_cli_dialect_lacks (const HeraldCliCommand *command,
                          HeraldCliAccount       *account,
                          const char             *what)
{
  /* TRANSLATORS: "FlixySMS has no balance." */
  g_printerr (_("heraldctl %s: %s has no %s (account “%s”).\n"), command->name,
              dialect_title (account), what, herald_account_get_name (account->account));
  return HERALD_CLI_EXIT_USAGE;
}

int
herald_cli_open_capable (const HeraldCliCommand *command,
                         const char             *name,
                         GType                   capability,
                         const char             *what,
                         HeraldCliAccount       *out)
{
  int status;

  if ((status = herald_cli_open_account (command, name, out)) != HERALD_CLI_EXIT_OK)
    return status;
  if (!G_TYPE_CHECK_INSTANCE_TYPE (out->provider, capability))
    return herald_cli_dialect_lacks (command, out, what);

  return HERALD_CLI_EXIT_OK;
}

int
herald_cli_option_unsupported (const HeraldCliCommand *command,
                               const char             *option,
                               HeraldCliAccount       *account)
{
  return herald_cli_usage_error (command,
                                 _("%s is not supported by %s (account “%s”); leave it out."),
                                 option, dialect_title (account),
                                 herald_account_get_name (account->account));
}

int
herald_cli_provider_failure (const GError *error)
{
  if (g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN))
    {
      g_printerr ("heraldctl: %s\n%s\n", error->message,
                  _("The message may have gone out: check “heraldctl status” or "
                    "“heraldctl history” before sending again."));
      return HERALD_CLI_EXIT_FAILURE;
    }

  g_printerr ("heraldctl: %s\n", error->message);

  if (g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    return HERALD_CLI_EXIT_USAGE;

  return HERALD_CLI_EXIT_FAILURE;
}

GDateTime *
herald_cli_parse_time (const char  *text,
                       gboolean     end_of_day,
                       GError     **error)
{
  GDateTime *time = NULL;

  /* A bare date is the day's first or last second; anything else is a
   * date and time, read by the core's one reader. */
  if (strchr (text, 'T') == NULL && strchr (text, ' ') == NULL)
    {
      if (herald_date_input_parse (text, NULL, end_of_day, &time, NULL) && time != NULL)
        return time;
    }
  else if (herald_date_input_parse_time (text, NULL, &time, NULL) && time != NULL)
    return time;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("“%s” is not a time: write a date such as 2026-05-01, or a date and time "
                 "such as 2026-05-01T14:30 (local time) or 2026-05-01T14:30:00Z."),
               g_utf8_validate (text, -1, NULL) ? text : "?");
  return NULL;
}

int
herald_cli_parse_page_options (const HeraldCliCommand  *command,
                               gboolean                 all,
                               int                      page,
                               const char              *since_text,
                               const char              *until_text,
                               GDateTime              **since,
                               GDateTime              **until)
{
  g_autoptr(GError) error = NULL;

  if (all && page != 0)
    return herald_cli_usage_error (command, _("Give --page N or --all, not both."));
  if (page < 0)
    return herald_cli_usage_error (command, _("--page counts from 1."));
  if (since_text != NULL && (*since = herald_cli_parse_time (since_text, FALSE, &error)) == NULL)
    return herald_cli_usage_error (command, "--since: %s", error->message);
  if (until_text != NULL && (*until = herald_cli_parse_time (until_text, TRUE, &error)) == NULL)
    return herald_cli_usage_error (command, "--until: %s", error->message);

  return HERALD_CLI_EXIT_OK;
}

HeraldRemotePage *
herald_cli_fetch_pages (HeraldCliFetchPage   fetch,
                        gpointer             data,
                        guint                page,
                        gboolean             all,
                        GError             **error)
{
  g_autoptr(HeraldRemotePage) gathered = fetch (page, data, error);

  /* --all: page after page until the server says there is no more (or
   * sends an empty one). */
  while (gathered != NULL && all && gathered->pagination.has_more)
    {
      g_autoptr(HeraldRemotePage) next = fetch (++page, data, error);
      g_autofree gpointer *items = NULL;
      gsize n = 0;

      if (next == NULL)
        return NULL;
      if (next->items->len == 0)
        break;
      items = g_ptr_array_steal (next->items, &n);
      for (gsize i = 0; i < n; i++)
        g_ptr_array_add (gathered->items, items[i]);
      gathered->pagination = next->pagination;
    }

  return g_steal_pointer (&gathered);
}
