#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* heraldctl's exit statuses, as the spec's contract fixes them. */
typedef enum
{
  HERALD_CLI_EXIT_OK = 0,
  HERALD_CLI_EXIT_FAILURE = 1,   /* provider, network or modem error */
  HERALD_CLI_EXIT_USAGE = 2,     /* usage error or unavailable feature */
} HeraldCliExit;

typedef struct _HeraldCliCommand HeraldCliCommand;

/* Runs a parsed command. argv holds what GOption left: argv[0] is the
 * command's name, then its positional arguments. */
typedef int (*HeraldCliRunFunc) (const HeraldCliCommand *command,
                                 int                     argc,
                                 char                  **argv);

struct _HeraldCliCommand
{
  const char         *name;
  const char         *parameter_string;   /* after "heraldctl NAME" in --help */
  const char         *summary;            /* one line, in the command list */
  const char         *description;        /* below the options in --help */
  const GOptionEntry *entries;
  HeraldCliRunFunc    run;                /* NULL: not available yet */
};

/* One array of commands per family, each ending with a zeroed entry. */
extern const HeraldCliCommand herald_cli_account_commands[];
extern const HeraldCliCommand herald_cli_message_commands[];
extern const HeraldCliCommand herald_cli_text_commands[];
extern const HeraldCliCommand herald_cli_provider_commands[];
extern const HeraldCliCommand herald_cli_list_commands[];
extern const HeraldCliCommand herald_cli_campaign_commands[];
extern const HeraldCliCommand herald_cli_device_commands[];

int  herald_cli_usage_error (const HeraldCliCommand *command,
                             const char             *format,
                             ...) G_GNUC_PRINTF (2, 3);
int  herald_cli_failure     (const char             *format,
                             ...) G_GNUC_PRINTF (1, 2);
/* Prints @node as the one JSON document of the command, on stdout. */
void herald_cli_print_json  (JsonNode               *node);

/* Runs an async call to its end: pass herald_cli_async_done as its callback
 * and the address of a NULL GAsyncResult pointer as its data, then
 * herald_cli_wait() on that address; the result is then there, to unref. */
void herald_cli_async_done  (GObject                *source,
                             GAsyncResult           *result,
                             gpointer                user_data);
void herald_cli_wait        (GAsyncResult          **result);

G_END_DECLS
