/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What the bridge tests share: `heraldctl bridge serve` as a process on a
 * free port of 127.0.0.1, keys made with `heraldctl bridge key create`, and
 * HTTP through curl and Python's urllib as subprocesses (as an integration
 * would call the bridge). */

typedef struct
{
  GSubprocess *process;
  guint        port;
  char        *base;      /* http://127.0.0.1:PORT/api/v1 */
  GString     *err;       /* what it printed on stderr so far */
  gboolean     err_done;
} TestBridge;

/* Starts the bridge and waits until it says it listens. */
TestBridge *test_bridge_start     (void);
/* SIGTERM, then waits for a clean exit (status 0, "The bridge stopped."). */
void        test_bridge_stop      (TestBridge *bridge);
/* `heraldctl bridge key create NAME [--rate-limit N]` (@rate_limit NULL:
 * the default): the key, read from the last line of its stdout. */
char       *test_bridge_create_key (const char *name,
                                    const char *rate_limit);

typedef struct
{
  guint  status;
  char  *headers;   /* the answer's header block, as received */
  char  *body;
} TestAnswer;

void        test_answer_clear      (TestAnswer *answer);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TestAnswer, test_answer_clear)

/* One request through curl: @method to @url with "Authorization: Bearer
 * @key" (NULL: none), @body (NULL: none) as application/json. */
void        test_http              (TestAnswer *answer,
                                    const char *method,
                                    const char *url,
                                    const char *key,
                                    const char *body);
/* The same with HTTP Basic auth: @user is "NAME:PASSWORD" (NULL: none). */
void        test_http_basic        (TestAnswer *answer,
                                    const char *method,
                                    const char *url,
                                    const char *user,
                                    const char *body);
/* The value of header @name in @answer (case-insensitive), or NULL. */
char       *test_answer_header     (const TestAnswer *answer,
                                    const char       *name);
/* @answer's body as a JSON object (the test fails unless it is one). */
JsonObject *test_answer_json       (const TestAnswer *answer);

/* Runs @argv to its end; its stdout (and its exit status in @status). */
char       *test_run_program       (const char * const *argv,
                                    int                *status);

/* Iterates the main context, waking every 50 ms, until @cond holds (fails
 * the test after 30 s). For what only polling can see (the mock's record,
 * an HTTP answer). */
#define test_poll_until(cond)                                                   \
  G_STMT_START {                                                                \
    guint tick_ = g_timeout_add (50, test_bridge_tick, NULL);                   \
    herald_test_wait_until (cond);                                              \
    g_source_remove (tick_);                                                    \
  } G_STMT_END

gboolean    test_bridge_tick       (gpointer user_data);

G_END_DECLS
