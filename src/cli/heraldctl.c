/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "herald-core.h"
#include "herald-cli.h"

typedef struct
{
  const char             *heading;
  const HeraldCliCommand *commands;
} HeraldCliFamily;

static const HeraldCliFamily families[] = {
  { N_("Accounts"), herald_cli_account_commands },
  { N_("Messages"), herald_cli_message_commands },
  { N_("Text and numbers"), herald_cli_text_commands },
  { N_("Provider records"), herald_cli_provider_commands },
  { N_("Contacts, groups and templates"), herald_cli_list_commands },
  { N_("Campaigns"), herald_cli_campaign_commands },
  { N_("Devices"), herald_cli_device_commands },
  { N_("Device bridge"), herald_cli_bridge_commands },
};

static const HeraldCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    for (const HeraldCliCommand *c = families[i].commands; c->name != NULL; c++)
      if (g_str_equal (c->name, name))
        return c;

  return NULL;
}

static void
print_main_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: heraldctl [--version] [--help] COMMAND [OPTION…] [ARG…]"));
  fprintf (out, "%s\n", _("Send SMS through FlixySMS, FlashSMS and local modems, from scripts."));

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      fprintf (out, "\n%s\n", _(families[i].heading));
      for (const HeraldCliCommand *c = families[i].commands; c->name != NULL; c++)
        fprintf (out, "  %-14s %s%s\n", c->name, _(c->summary),
                 c->run == NULL ? _(" (not available yet)") : "");
    }

  fprintf (out, "\n%s\n%s\n",
           _("Run “heraldctl COMMAND --help” for a command’s options."),
           _("Exit status: 0 done, 1 provider, network or modem error, "
             "2 usage error or unavailable feature."));
}

int
herald_cli_usage_error (const HeraldCliCommand *command,
                        const char             *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (command != NULL)
    g_printerr ("heraldctl %s: %s\n%s\n", command->name, message,
                _("Run “heraldctl COMMAND --help” for usage."));
  else
    g_printerr ("heraldctl: %s\n%s\n", message, _("Run “heraldctl --help” for usage."));

  return HERALD_CLI_EXIT_USAGE;
}

int
herald_cli_failure (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("heraldctl: %s\n", message);

  return HERALD_CLI_EXIT_FAILURE;
}

void
herald_cli_async_done (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* No time limit: the keyring may be waiting for a person to unlock it. */
void
herald_cli_wait (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static int
run_command (const HeraldCliCommand *command,
             int                     argc,
             char                  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("heraldctl %s", command->name);

  g_set_prgname (prgname);
  context = g_option_context_new (command->parameter_string);
  g_option_context_set_summary (context, _(command->summary));
  if (command->description != NULL)
    g_option_context_set_description (context, _(command->description));
  if (command->entries != NULL)
    g_option_context_add_main_entries (context, command->entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return herald_cli_usage_error (command, "%s", error->message);

  /* Never pretend: a command that is not built yet says so and fails. */
  if (command->run == NULL)
    {
      g_printerr (_("heraldctl %s: not available yet in Herald %s.\n"),
                  command->name, PACKAGE_VERSION);
      return HERALD_CLI_EXIT_USAGE;
    }

  return command->run (command, argc, argv);
}

int
main (int   argc,
      char *argv[])
{
  const HeraldCliCommand *command;

  /* First thing in main (): no other thread exists yet. */
  /* NOLINTNEXTLINE(concurrency-mt-unsafe) */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_main_help (stderr);
      return HERALD_CLI_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      if (argc > 2 && (command = find_command (argv[2])) != NULL)
        {
          char *help_argv[] = { argv[2], (char *) "--help", NULL };

          return run_command (command, 2, help_argv);
        }
      print_main_help (stdout);
      return HERALD_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "-V"))
    {
      g_print ("heraldctl %s\n", herald_get_version ());
      return HERALD_CLI_EXIT_OK;
    }

  if (argv[1][0] == '-')
    return herald_cli_usage_error (NULL, _("Unknown option “%s”."), argv[1]);

  command = find_command (argv[1]);
  if (command == NULL)
    return herald_cli_usage_error (NULL, _("“%s” is not a heraldctl command."), argv[1]);

  /* The command parses its own arguments: argv[0] becomes its name. */
  return run_command (command, argc - 1, argv + 1);
}
