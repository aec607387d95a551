/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether a received text asks to stop messages: the whole text, trimmed of
 * white space, is one of the keywords, without regard to case ("stop",
 * " Stop\n"; not "please stop", not "STOP!"). Pure functions, callable from
 * any thread: the inbox watcher, the device bridge and the campaign
 * engine's reply linking share them. The keyword list is a setting
 * ("optout-keywords" in GSettings); these are its defaults. */

/* STOP, UNSUBSCRIBE, CANCEL, END, QUIT; NULL-terminated, static. */
const char * const *herald_optout_default_keywords (void);

/* The keyword of @keywords (NULL: the defaults; empty entries are never
 * matched) that @text is, as written in @keywords; NULL when none. */
const char         *herald_optout_match_keyword    (const char         *text,
                                                    const char * const *keywords);

G_END_DECLS
