/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How long herald_test_wait() runs the main context before it fails the test. */
#define HERALD_TEST_WAIT_SECONDS 30

/* A GAsyncReadyCallback for any _async() call: @user_data is a
 * GAsyncResult ** that starts NULL; it receives a reference to @result,
 * which the test drops once it has called the _finish() function.
 *
 *   g_autoptr(GAsyncResult) res = NULL;
 *
 *   herald_thing_do_async (thing, NULL, herald_test_async_done, &res);
 *   ok = herald_thing_do_finish (thing, herald_test_wait (&res), &error);
 */
void          herald_test_async_done (GObject       *source,
                                      GAsyncResult  *result,
                                      gpointer       user_data);

/* Iterates the default main context until *@slot is set (by
 * herald_test_async_done()) and returns it, transfer none. After
 * HERALD_TEST_WAIT_SECONDS without an answer the test fails there, with the
 * caller's file and line. */
#define herald_test_wait(slot) \
  herald_test_wait_at ((slot), __FILE__, __LINE__, G_STRFUNC)

GAsyncResult *herald_test_wait_at    (GAsyncResult **slot,
                                      const char    *file,
                                      int            line,
                                      const char    *func);

/* Iterates the default main context until @cond holds; after
 * HERALD_TEST_WAIT_SECONDS it fails the test there, naming the condition.
 * For what arrives as a signal or a property change rather than an async
 * call's answer. */
#define herald_test_wait_until(cond)                                            \
  G_STMT_START {                                                                \
    gint64 herald_deadline_ = herald_test_deadline ();                          \
    while (!(cond) && herald_test_iterate_before (herald_deadline_))            \
      ;                                                                         \
    if (!(cond))                                                                \
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,         \
                           "still false after the wait: " #cond);               \
  } G_STMT_END

/* For herald_test_wait_until(): the deadline from now, and one iteration
 * that returns FALSE once the deadline has passed. */
gint64        herald_test_deadline       (void);
gboolean      herald_test_iterate_before (gint64         deadline);

/* In how many ms @context (NULL: the default one) would next wake up for
 * a timer, or -1 for never: an iteration that polls nothing (what is due
 * runs first), so the timers can be checked without waiting for one to
 * fire. Rounded up; read again later it can only be smaller. */
gint          herald_test_next_timer_ms (GMainContext *context);

/* One heraldctl run: what it printed, how it ended. */
typedef struct
{
  int       status;
  char     *out;
  char     *err;
  GError   *error;     /* from reading its pipes (a killed run may cut them) */
  gboolean  done;      /* its pipes are read */
} HeraldTestRun;

void          herald_test_run_clear  (HeraldTestRun *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HeraldTestRun, herald_test_run_clear)

/* Starts $HERALDCTL itself (never a wrapper) with @argv (NULL-terminated),
 * stdout and stderr piped, stdin from @stdin_path (NULL: /dev/null),
 * HERALD_API_KEY = @key (NULL: unset) and the NAME, VALUE pairs of @env
 * (NULL-terminated; may be NULL). */
GSubprocess  *herald_test_heraldctl_spawn (const char * const *argv,
                                           const char         *key,
                                           const char         *stdin_path,
                                           const char * const *env);

/* Starts reading @process's pipes into @run; @run->done turns TRUE when
 * they are read. */
void          herald_test_heraldctl_read  (GSubprocess        *process,
                                           HeraldTestRun      *run);

/* Runs heraldctl as herald_test_heraldctl_spawn() starts it, to its end,
 * while this process's main context serves whatever the test runs in it
 * (fakes); fails the test unless it exits by itself, its pipes read
 * cleanly, within @timeout_seconds. */
void          herald_test_heraldctl_run   (HeraldTestRun      *run,
                                           const char         *key,
                                           const char         *stdin_path,
                                           const char * const *env,
                                           guint               timeout_seconds,
                                           const char * const *argv);

/* The one JSON document that @run printed on stdout (the test fails
 * unless it is one), transfer full. */
JsonNode     *herald_test_run_json        (const HeraldTestRun *run);

G_END_DECLS
