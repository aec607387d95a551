/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Driving the mock ModemManager (tests/mock-modemmanager/README.md) from a
 * test run with --mock-modems N. */

#define HERALD_TEST_MOCK_MODEM_0 "/org/freedesktop/ModemManager1/Modem/0"
#define HERALD_TEST_MOCK_MODEM_1 "/org/freedesktop/ModemManager1/Modem/1"
/* The device ids of those two (UUID v5 of their IMEIs 353456010000005 and
 * 353456010000013 in Herald's namespace, computed apart with Python's uuid). */
#define HERALD_TEST_MOCK_DEVICE_0 "4396f78f-121e-5237-85b6-d1428129fc4a"
#define HERALD_TEST_MOCK_DEVICE_1 "d458e208-ef8c-5729-be61-34dd3123fefd"

/* The private system bus; fails the test when there is none. */
GDBusConnection *herald_test_mock_bus      (void);

/* Calls a method of the control interface and waits for the answer: the
 * reply (transfer full, floating references sunk), or NULL with @error. */
GVariant        *herald_test_mock_call     (const char  *method,
                                            GVariant    *parameters,
                                            const char  *reply_type,
                                            GError     **error);

/* The same, failing the test on an error; the reply is dropped. */
void             herald_test_mock_do       (const char  *method,
                                            GVariant    *parameters);

/* SetSendBehaviour and SetModemProperty, failing the test on an error. */
void             herald_test_mock_send_mode (const char *modem_path,
                                             const char *mode,
                                             guint       delay_ms);
void             herald_test_mock_set       (const char *modem_path,
                                             const char *key,
                                             GVariant   *value);
/* How many SMS the mock has sent to @number with @text (ListSent). */
guint            herald_test_mock_count_sent (const char *number,
                                              const char *text);

/* InjectSms or InjectReceivingSms (@method) on @modem_path: the new SMS's path. */
char            *herald_test_mock_inject    (const char *method,
                                             const char *modem_path,
                                             const char *sender,
                                             const char *text);

G_END_DECLS
