/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

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

G_END_DECLS
