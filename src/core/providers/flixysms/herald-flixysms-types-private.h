/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-flixysms-types.h"
#include "net/herald-json-reader.h"

G_BEGIN_DECLS

/* Shared by the herald-flixysms-types*.c files: how FlixySMS answers are
 * read (net/herald-json-reader.h), errors naming the endpoint ("send"). */

extern const HeraldJsonRules _herald_flixysms_json_rules;

/* Identifiers and statuses: there, and not "". */
#define HERALD_FLIXYSMS_REQUIRED_TEXT (HERALD_JSON_REQUIRED | HERALD_JSON_NON_EMPTY)

/* The top of every response: an object, and "success" (when there) not
 * false, else BAD_REQUEST in the server's words. */
gboolean _herald_flixysms_read_root (JsonNode          *root,
                                     const char        *endpoint,
                                     HeraldJsonCursor  *top,
                                     GError           **error);

G_END_DECLS
