/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "herald-core.h"
#include "net/herald-provider-error.h"

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
extern const HeraldCliCommand herald_cli_bridge_commands[];

int  herald_cli_usage_error (const HeraldCliCommand *command,
                             const char             *format,
                             ...) G_GNUC_PRINTF (2, 3);
int  herald_cli_failure     (const char             *format,
                             ...) G_GNUC_PRINTF (1, 2);
/* Runs an async call to its end: pass herald_cli_async_done as its callback
 * and the address of a NULL GAsyncResult pointer as its data, then
 * herald_cli_wait() on that address; the result is then there, to unref. */
void herald_cli_async_done  (GObject                *source,
                             GAsyncResult           *result,
                             gpointer                user_data);
void herald_cli_wait        (GAsyncResult          **result);

/* ---- herald-cli-provider-open.c: what the provider commands share ------ */

/* The database's account store, loaded. */
HeraldAccountStore *herald_cli_open_store (GError **error);

/* An account by name and a provider for it (key from the keyring). */
typedef struct
{
  HeraldAccountStore *store;
  HeraldAccount      *account;    /* owned by store */
  HeraldProvider     *provider;
} HeraldCliAccount;

void herald_cli_account_clear          (HeraldCliAccount       *self);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HeraldCliAccount, herald_cli_account_clear)

/* Fills @out and returns HERALD_CLI_EXIT_OK, or prints why not and returns
 * the exit status: 2 without --account or for an unknown name, 1 when the
 * database, the keyring or the factory fails. */
int  herald_cli_open_account           (const HeraldCliCommand *command,
                                        const char             *name,
                                        HeraldCliAccount       *out);
/* Opens the account only to say that @dialect lacks @what: exit 2. */
int  herald_cli_dialect_lacks          (const HeraldCliCommand *command,
                                        HeraldCliAccount       *account,
                                        const char             *what);
/* herald_cli_open_account(), then exit 2 saying that the account lacks
 * @what unless its provider implements @capability (an interface type). */
int  herald_cli_open_capable           (const HeraldCliCommand *command,
                                        const char             *name,
                                        GType                   capability,
                                        const char             *what,
                                        HeraldCliAccount       *out);
/* An option @dialect cannot honour: exit 2 naming both. */
int  herald_cli_option_unsupported     (const HeraldCliCommand *command,
                                        const char             *option,
                                        HeraldCliAccount       *account);
/* Prints @error with what to do next; exit 2 for input refused before
 * anything was sent or a feature that does not exist, 1 otherwise. */
int  herald_cli_provider_failure       (const GError           *error);

/* "2026-05-01", "2026-05-01T10:00" (local time) or with an offset;
 * a bare date ends the day when @end_of_day. NULL with @error. */
GDateTime *herald_cli_parse_time       (const char             *text,
                                        gboolean                end_of_day,
                                        GError                **error);
/* The paging and period options that history and inbox share: refuses
 * --page with --all or below 1, and reads --since and --until into @since
 * and @until (left NULL when not given). HERALD_CLI_EXIT_OK, or the usage
 * error's exit status once it is printed. */
int herald_cli_parse_page_options      (const HeraldCliCommand *command,
                                        gboolean                all,
                                        int                     page,
                                        const char             *since_text,
                                        const char             *until_text,
                                        GDateTime             **since,
                                        GDateTime             **until);
/* Asks for page @page (from 1) of a list the provider keeps and waits for
 * it; NULL with @error. */
typedef HeraldRemotePage *(*HeraldCliFetchPage) (guint      page,
                                                 gpointer   data,
                                                 GError   **error);
/* Page @page or, with @all, every page from @page to the last: their items
 * in one page, which has the last one's pagination. NULL with @error. */
HeraldRemotePage *herald_cli_fetch_pages (HeraldCliFetchPage   fetch,
                                          gpointer             data,
                                          guint                page,
                                          gboolean             all,
                                          GError             **error);

/* ---- herald-cli-output.c: what the commands print ---------------------- */

/* Local time, "2026-05-01 10:00"; "-" for NULL. */
char *herald_cli_format_time           (GDateTime              *time);
/* @text ("-" for NULL) and spaces to @width columns (at least one). */
void  herald_cli_print_padded          (const char             *text,
                                        glong                   width);
/* @text and a newline, its own line breaks and tabs made spaces: one row. */
void  herald_cli_print_one_line        (const char             *text);
/* "Page 2 of 5; --page 3 shows the next, …", for a list with more pages
 * (@total_pages 0: not known). */
void  herald_cli_print_page_hint       (guint                   page,
                                        guint                   total_pages);

/* Prints @builder's root as the one JSON document of the command, on stdout. */
void  herald_cli_print_json            (JsonBuilder            *builder);
/* Writes one item of a list to @builder, as a JSON object. */
typedef void (*HeraldCliJsonItemFunc) (JsonBuilder   *builder,
                                       gconstpointer  item);
/* Prints @items as the command's one JSON document: an array of what
 * @add_item writes for each. */
void  herald_cli_print_json_array      (GPtrArray              *items,
                                        HeraldCliJsonItemFunc   add_item);
/* The same for the GObjects of @items. */
void  herald_cli_print_json_model      (GListModel             *items,
                                        HeraldCliJsonItemFunc   add_item);
/* Prints what @add_item writes for @item as the command's document. */
void  herald_cli_print_json_object     (gconstpointer           item,
                                        HeraldCliJsonItemFunc   add_item);
/* Prints {"@member": "@value"} as the command's document. */
void  herald_cli_print_json_member     (const char             *member,
                                        const char             *value);
void  herald_cli_json_add_string       (JsonBuilder            *builder,
                                        const char             *member,
                                        const char             *value);
void  herald_cli_json_add_int          (JsonBuilder            *builder,
                                        const char             *member,
                                        gint64                  value);
void  herald_cli_json_add_boolean      (JsonBuilder            *builder,
                                        const char             *member,
                                        gboolean                value);
/* ISO 8601 in UTC, or null. */
void  herald_cli_json_add_time         (JsonBuilder            *builder,
                                        const char             *member,
                                        GDateTime              *time);
/* @value < 0 means unknown: null. */
void  herald_cli_json_add_count        (JsonBuilder            *builder,
                                        const char             *member,
                                        gint64                  value);

/* The commands of the message and provider families, one file each. */
extern const GOptionEntry herald_cli_send_entries[];
extern const GOptionEntry herald_cli_status_entries[];
extern const GOptionEntry herald_cli_inbox_entries[];
extern const GOptionEntry herald_cli_history_entries[];
int herald_cli_send_run    (const HeraldCliCommand *command, int argc, char **argv);
int herald_cli_status_run  (const HeraldCliCommand *command, int argc, char **argv);
int herald_cli_report_run  (const HeraldCliCommand *command, int argc, char **argv);
int herald_cli_inbox_run   (const HeraldCliCommand *command, int argc, char **argv);
int herald_cli_history_run (const HeraldCliCommand *command, int argc, char **argv);
/* contacts, groups and templates with --account: the lists the provider
 * keeps (HeraldRemoteDirectory; herald-cli-remote-lists.c, -remote-contacts.c). */
typedef struct
{
  char     *account;
  char     *phone;
  char     *first_name;
  char     *last_name;
  char     *email;
  char     *group;
  char     *name;
  char     *message;
  char     *region;   /* local lists: the region of numbers without a country code */
  char    **fields;   /* local contacts: --field KEY=VALUE */
  int       page;
  gboolean  all;
  gboolean  json;
} HeraldCliListOptions;

int herald_cli_remote_contacts  (const HeraldCliCommand *command, const HeraldCliListOptions *options,
                                 int argc, char **argv);
int herald_cli_remote_groups    (const HeraldCliCommand *command, const HeraldCliListOptions *options,
                                 int argc, char **argv);
int herald_cli_remote_templates (const HeraldCliCommand *command, const HeraldCliListOptions *options,
                                 int argc, char **argv);
/* A group of the provider's by id or name: its id, or NULL after printing
 * why (exit status in @status). */
char *herald_cli_remote_resolve_group (HeraldRemoteDirectory *directory, const char *wanted, int *status);
/* Opens the account; exit 2 (saying so) when its provider keeps no lists. */
int   herald_cli_open_remote_lists    (const HeraldCliCommand *command, const HeraldCliListOptions *options,
                                       HeraldCliAccount *account);
/* contacts, groups, templates and opt-outs without --account: the local
 * address book (herald-cli-local*.c). */
int herald_cli_local_contacts  (const HeraldCliCommand *command, const HeraldCliListOptions *options,
                                int argc, char **argv);
int herald_cli_local_groups    (const HeraldCliCommand *command, const HeraldCliListOptions *options,
                                int argc, char **argv);
int herald_cli_local_templates (const HeraldCliCommand *command, const HeraldCliListOptions *options,
                                int argc, char **argv);
int herald_cli_local_optouts   (const HeraldCliCommand *command, const HeraldCliListOptions *options,
                                int argc, char **argv);
/* contacts pull --account NAME: the provider's contacts and groups into the local store. */
int herald_cli_local_pull      (const HeraldCliCommand *command, const HeraldCliListOptions *options,
                                int argc, char **argv);
HeraldDatabase     *herald_cli_open_database      (GError **error);
/* NULL after printing why (exit status in @status). */
HeraldContactStore *herald_cli_open_contact_store (const HeraldCliCommand *command, int *status);
/* Prints @error; exit 2 for what the person asked that the store refused
 * (no such record, a name taken, invalid input), 1 when the database failed. */
int    herald_cli_local_failure (const HeraldCliCommand *command, const GError *error);
/* @input in E.164 (national numbers read in --region), or NULL after
 * printing why (@status). */
gboolean herald_cli_local_region (const HeraldCliCommand *command, const HeraldCliListOptions *options,
                                  char **region, int *status);
char  *herald_cli_local_phone   (const HeraldCliCommand *command, const HeraldCliListOptions *options,
                                 const char *input, int *status);
GStrv  herald_cli_local_phones  (const HeraldCliCommand *command, const HeraldCliListOptions *options,
                                 int argc, char **argv, int first, int *status);
void   herald_cli_json_add_usec (JsonBuilder *builder, const char *member, gint64 usec);
char  *herald_cli_format_usec   (gint64 usec);
void   herald_cli_json_add_contact (JsonBuilder *builder, gconstpointer item);
void   herald_cli_print_contacts   (const HeraldCliListOptions *options, GPtrArray *contacts);
int herald_cli_account_test (const HeraldCliCommand *command, int argc, char **argv, gboolean json);

G_END_DECLS
