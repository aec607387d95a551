/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-account"
/* O_CLOEXEC, sigaction (): POSIX.1-2008 under -std=c11. */
#define _POSIX_C_SOURCE 200809L

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "herald-core.h"
#include "store/herald-account-store.h"
#include "herald-cli.h"

/* Room for the store's longest key (4096 bytes) and one byte more, to
 * tell a key that is too long from one that fits. */
#define KEY_BUFFER_SIZE 4098

static char *opt_dialect;
static char *opt_url;
static char *opt_region;
static gboolean opt_key_stdin;
static gboolean opt_json;

/* Accepted only to refuse it with the reason, rather than GOption's bare
 * "Unknown option". */
static gboolean
refuse_key_option (const char  *option_name,
                   const char  *value,
                   gpointer     data,
                   GError     **error)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s is refused: a key on the command line can be read by other users and stays "
                 "in the shell’s history. Type it at the prompt, pipe it in with --key-stdin, "
                 "or set HERALD_API_KEY."),
               option_name);
  return FALSE;
}

static const GOptionEntry account_entries[] = {
  { "dialect", 0, 0, G_OPTION_ARG_STRING, &opt_dialect,
    N_("Provider dialect: flixysms, flashsms or modem (add)"), "DIALECT" },
  { "url", 0, 0, G_OPTION_ARG_STRING, &opt_url,
    N_("Base URL of the provider’s API; required for FlashSMS (add)"), "URL" },
  { "region", 0, 0, G_OPTION_ARG_STRING, &opt_region,
    N_("Default region for national numbers, e.g. GH (add)"), "CC" },
  { "key-stdin", 0, 0, G_OPTION_ARG_NONE, &opt_key_stdin,
    N_("Read the API key from standard input instead of a prompt (add)"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
    N_("Print one JSON document (list, test)"), NULL },
  { "key", 0, G_OPTION_FLAG_HIDDEN | G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK,
    (gpointer) refuse_key_option, NULL, NULL },
  { NULL }
};

/* herald_secrets_free() wipes a key before its memory goes back. */
typedef char HeraldCliKey;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldCliKey, herald_secrets_free)

/* Reads one line byte by byte: no stdio buffer keeps a copy of the key. */
static char *
read_key_line (int       fd,
               GError  **error)
{
  char *key = g_malloc0 (KEY_BUFFER_SIZE);
  gsize length = 0;

  for (;;)
    {
      char c;
      gssize n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not read the API key: %s"), g_strerror (saved_errno));
          herald_secrets_free (key);
          return NULL;
        }
      if (n == 0 || c == '\n')
        break;
      /* Past the buffer the rest of the line is dropped: the key kept is
       * still longer than the store allows, so it is refused, not cut. */
      if (length < KEY_BUFFER_SIZE - 1)
        key[length++] = c;
    }

  if (length > 0 && key[length - 1] == '\r')
    key[--length] = '\0';

  return key;
}

/* The terminal as it was, for the signal handler to put back. */
static int prompt_fd = -1;
static struct termios prompt_saved;

static void
restore_terminal_and_die (int signal_number)
{
  tcsetattr (prompt_fd, TCSAFLUSH, &prompt_saved);
  signal (signal_number, SIG_DFL);
  raise (signal_number);
}

static char *
prompt_for_key (const char  *name,
                GError     **error)
{
  g_autofree char *prompt = g_strdup_printf (_("API key for “%s” (not shown): "), name);
  struct sigaction action = { 0 }, old_int, old_term, old_hup;
  struct termios quiet;
  char *key;
  int fd;

  fd = g_open ("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0 || tcgetattr (fd, &prompt_saved) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not ask for the API key on the terminal: %s"), g_strerror (saved_errno));
      if (fd >= 0)
        g_close (fd, NULL);
      return NULL;
    }

  /* Ctrl+C at the prompt must not leave the terminal without echo. */
  prompt_fd = fd;
  action.sa_handler = restore_terminal_and_die;
  sigemptyset (&action.sa_mask);
  sigaction (SIGINT, &action, &old_int);
  sigaction (SIGTERM, &action, &old_term);
  sigaction (SIGHUP, &action, &old_hup);

  quiet = prompt_saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  quiet.c_lflag |= ECHONL;   /* the Enter still moves to the next line */
  tcsetattr (fd, TCSAFLUSH, &quiet);

  if (write (fd, prompt, strlen (prompt)) < 0)
    g_debug ("Could not write the prompt: %s", g_strerror (errno));
  key = read_key_line (fd, error);

  tcsetattr (fd, TCSAFLUSH, &prompt_saved);
  sigaction (SIGINT, &old_int, NULL);
  sigaction (SIGTERM, &old_term, NULL);
  sigaction (SIGHUP, &old_hup, NULL);
  prompt_fd = -1;
  g_close (fd, NULL);

  return key;
}

/* From --key-stdin, then HERALD_API_KEY, then a prompt — never argv. */
static char *
get_key (const HeraldCliCommand *command,
         const char             *name,
         int                    *status)
{
  g_autoptr(GError) error = NULL;
  const char *from_environment = g_getenv ("HERALD_API_KEY");
  char *key;

  if (opt_key_stdin)
    key = read_key_line (STDIN_FILENO, &error);
  else if (from_environment != NULL && *from_environment != '\0')
    key = g_strdup (from_environment);
  else if (isatty (STDIN_FILENO))
    key = prompt_for_key (name, &error);
  else
    {
      *status = herald_cli_usage_error (command, "%s",
                                        _("No API key: standard input is not a terminal, so there "
                                          "is no prompt. Pipe the key in with --key-stdin, or set "
                                          "HERALD_API_KEY."));
      return NULL;
    }

  if (key == NULL)
    *status = herald_cli_failure ("%s", error != NULL ? error->message : _("Could not read the API key."));

  return key;
}

/* Input the store refused is a usage error (2); the rest is a failure (1). */
static int
store_failure (const HeraldCliCommand *command,
               const GError           *error)
{
  if (g_error_matches (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID))
    return herald_cli_usage_error (command, "%s", error->message);

  return herald_cli_failure ("%s", error->message);
}

/* Options belong to one action; silently ignoring one would surprise. */
static int
refuse_options_of_others (const HeraldCliCommand *command,
                          const char             *action,
                          gboolean                add_options,
                          gboolean                list_options)
{
  const char *wrong = NULL;

  if (!add_options)
    wrong = opt_dialect != NULL ? "--dialect" :
            opt_url != NULL ? "--url" :
            opt_region != NULL ? "--region" :
            opt_key_stdin ? "--key-stdin" : NULL;
  if (wrong == NULL && !list_options && opt_json)
    wrong = "--json";

  if (wrong != NULL)
    return herald_cli_usage_error (command, _("%s does not apply to “account %s”."), wrong, action);

  return HERALD_CLI_EXIT_OK;
}

static int
account_add (const HeraldCliCommand  *command,
             int                      argc,
             char                   **argv)
{
  g_autoptr(HeraldAccountStore) store = NULL;
  g_autoptr(HeraldAccount) draft = NULL;
  g_autoptr(HeraldAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeraldCliKey) key = NULL;
  g_autoptr(GError) error = NULL;
  HeraldDialect dialect;
  int status;

  if ((status = refuse_options_of_others (command, "add", TRUE, FALSE)) != HERALD_CLI_EXIT_OK)
    return status;
  if (argc != 1)
    return herald_cli_usage_error (command, _("“account add” takes one NAME."));
  if (opt_dialect == NULL)
    return herald_cli_usage_error (command,
                                   _("Give the account’s dialect with --dialect flixysms, "
                                     "flashsms or modem."));
  if (!herald_dialect_from_string (opt_dialect, &dialect))
    return herald_cli_usage_error (command,
                                   _("“%s” is not a dialect: use flixysms, flashsms or modem."),
                                   opt_dialect);
  if (!herald_dialect_has_key (dialect) && opt_key_stdin)
    return herald_cli_usage_error (command, _("A modem account has no API key; leave out --key-stdin."));

  store = herald_cli_open_store (&error);
  if (store == NULL)
    return herald_cli_failure ("%s", error->message);

  draft = herald_account_new (dialect, argv[0]);
  herald_account_set_base_url (draft, opt_url);
  herald_account_set_region (draft, opt_region);

  /* Say what is wrong before asking for a key. */
  if (!herald_account_store_validate (store, draft, &error))
    return store_failure (command, error);

  if (herald_dialect_has_key (dialect))
    {
      key = get_key (command, herald_account_get_name (draft), &status);
      if (key == NULL)
        return status;
    }

  herald_account_store_add_async (store, draft, key, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  account = herald_account_store_add_finish (store, result, &error);
  if (account == NULL)
    return store_failure (command, error);

  g_print (_("Added the %s account “%s”.\n"),
           herald_dialect_to_string (dialect), herald_account_get_name (account));

  return HERALD_CLI_EXIT_OK;
}

static const char *
auth_of (HeraldAccount *account)
{
  const HeraldDialectInfo *info = herald_dialect_get_info (herald_account_get_dialect (account));

  /* No key, no header; a dialect that does not let the account choose
   * sends it as Bearer. */
  if (info == NULL || !info->has_key)
    return NULL;
  return herald_account_auth_to_string (info->chooses_auth_style ? herald_account_get_auth_style (account)
                                                                 : HERALD_ACCOUNT_AUTH_BEARER);
}

static void
add_account_json (JsonBuilder   *builder,
                  gconstpointer  item)
{
  HeraldAccount *account = (HeraldAccount *) item;

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "id", herald_account_get_id (account));
  herald_cli_json_add_string (builder, "name", herald_account_get_name (account));
  herald_cli_json_add_string (builder, "dialect", herald_dialect_to_string (herald_account_get_dialect (account)));
  herald_cli_json_add_string (builder, "url", herald_account_get_base_url (account));
  herald_cli_json_add_string (builder, "region", herald_account_get_region (account));
  herald_cli_json_add_string (builder, "auth", auth_of (account));
  json_builder_end_object (builder);
}

static void
print_table (GListModel *accounts)
{
  guint n = g_list_model_get_n_items (accounts);
  glong name_width = g_utf8_strlen (_("NAME"), -1);

  if (n == 0)
    {
      g_print ("%s\n", _("No accounts. Add one with “heraldctl account add”."));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldAccount) account = g_list_model_get_item (accounts, i);

      name_width = MAX (name_width, g_utf8_strlen (herald_account_get_name (account), -1));
    }

  herald_cli_print_padded (_("NAME"), name_width + 2);
  herald_cli_print_padded (_("DIALECT"), 10);
  herald_cli_print_padded (_("REGION"), 8);
  g_print ("%s\n", _("URL"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldAccount) account = g_list_model_get_item (accounts, i);
      const char *url = herald_account_get_base_url (account);

      herald_cli_print_padded (herald_account_get_name (account), name_width + 2);
      herald_cli_print_padded (herald_dialect_to_string (herald_account_get_dialect (account)), 10);
      herald_cli_print_padded (herald_account_get_region (account), 8);
      g_print ("%s\n", url != NULL ? url : "-");
    }
}

static int
account_list (const HeraldCliCommand  *command,
              int                      argc,
              char                   **argv)
{
  g_autoptr(HeraldAccountStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = refuse_options_of_others (command, "list", FALSE, TRUE)) != HERALD_CLI_EXIT_OK)
    return status;
  if (argc != 0)
    return herald_cli_usage_error (command, _("“account list” takes no arguments."));

  store = herald_cli_open_store (&error);
  if (store == NULL)
    return herald_cli_failure ("%s", error->message);

  if (opt_json)
    herald_cli_print_json_model (G_LIST_MODEL (store), add_account_json);
  else
    print_table (G_LIST_MODEL (store));

  return HERALD_CLI_EXIT_OK;
}

static int
account_remove (const HeraldCliCommand  *command,
                int                      argc,
                char                   **argv)
{
  g_autoptr(HeraldAccountStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  HeraldAccount *account;
  int status;

  if ((status = refuse_options_of_others (command, "remove", FALSE, FALSE)) != HERALD_CLI_EXIT_OK)
    return status;
  if (argc != 1)
    return herald_cli_usage_error (command, _("“account remove” takes one NAME."));

  store = herald_cli_open_store (&error);
  if (store == NULL)
    return herald_cli_failure ("%s", error->message);

  account = herald_account_store_lookup_by_name (store, argv[0]);
  if (account == NULL)
    return herald_cli_failure (_("There is no account named “%s”."),
                               g_utf8_validate (argv[0], -1, NULL) ? argv[0] : "?");

  name = g_strdup (herald_account_get_name (account));
  herald_account_store_remove_async (store, account, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  if (!herald_account_store_remove_finish (store, result, &error))
    return store_failure (command, error);

  g_print (_("Removed the account “%s” and its API key.\n"), name);

  return HERALD_CLI_EXIT_OK;
}

static int
account_run (const HeraldCliCommand  *command,
             int                      argc,
             char                   **argv)
{
  const char *action;

  if (argc < 2)
    return herald_cli_usage_error (command, _("Say what to do: add, list, remove or test."));

  action = argv[1];
  if (g_str_equal (action, "add"))
    return account_add (command, argc - 2, argv + 2);
  if (g_str_equal (action, "list"))
    return account_list (command, argc - 2, argv + 2);
  if (g_str_equal (action, "remove"))
    return account_remove (command, argc - 2, argv + 2);
  if (g_str_equal (action, "test"))
    {
      int status = refuse_options_of_others (command, "test", FALSE, TRUE);

      if (status != HERALD_CLI_EXIT_OK)
        return status;
      return herald_cli_account_test (command, argc - 2, argv + 2, opt_json);
    }

  return herald_cli_usage_error (command, _("“%s” is not an account action: use add, list, remove or test."),
                                 g_utf8_validate (action, -1, NULL) ? action : "?");
}

const HeraldCliCommand herald_cli_account_commands[] = {
  { "account", N_("add NAME | list | remove NAME | test NAME"),
    N_("Add, list, test and remove provider accounts"),
    N_("The API key is read from a prompt without echo, from standard input with "
       "--key-stdin, or from the HERALD_API_KEY environment variable, and is stored in the "
       "keyring only; it is never taken from the command line.\n"
       "“account test” asks the provider whether the key works and, for FlashSMS, which "
       "permissions (scopes) it lacks.\n"
       "Exit status: 0 done, 1 database, keyring or provider error (or a key that lacks "
       "scopes), 2 usage error."),
    account_entries, account_run },
  { NULL }
};
