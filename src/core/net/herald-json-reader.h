/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A strict reader of JSON answers, shared by every REST dialect (and the
 * bridge's server): a member is there with the right type, or the read fails
 * with an error that names the field as a person finds it in the body
 * ("data.items[3].phone"). It knows no dialect: each one words its errors
 * through its HeraldJsonRules. */

typedef enum
{
  HERALD_JSON_PROBLEM_MISSING,        /* absent or null, and required */
  HERALD_JSON_PROBLEM_NOT_STRING,     /* also: a string that is not UTF-8 */
  HERALD_JSON_PROBLEM_EMPTY,          /* "" where HERALD_JSON_NON_EMPTY */
  HERALD_JSON_PROBLEM_NOT_INTEGER,
  HERALD_JSON_PROBLEM_OUT_OF_RANGE,
  HERALD_JSON_PROBLEM_NOT_NUMBER,
  HERALD_JSON_PROBLEM_NOT_BOOLEAN,
  HERALD_JSON_PROBLEM_NOT_OBJECT,     /* with a NULL field: the body itself */
  HERALD_JSON_PROBLEM_NOT_ARRAY,
  HERALD_JSON_PROBLEM_NOT_DATE,
} HeraldJsonProblem;

/* Words a problem: @label names the answer ("GET /balance", "send"), @field
 * the member ("data.pagination.page"), NULL for the body itself. */
typedef GError *(*HeraldJsonErrorFunc) (const char        *label,
                                        const char        *field,
                                        HeraldJsonProblem  problem);

typedef struct
{
  HeraldJsonErrorFunc error_func;
  /* "2.0" and "1e3" read as integers (up to 2^53), as JavaScript writes them */
  gboolean            integral_doubles;
} HeraldJsonRules;

typedef enum
{
  HERALD_JSON_OPTIONAL  = 0,
  /* absent or null is an error */
  HERALD_JSON_REQUIRED  = 1 << 0,
  /* strings: "" is an error */
  HERALD_JSON_NON_EMPTY = 1 << 1,
} HeraldJsonFlags;

/* An object being read, with where it sits for error messages. */
typedef struct
{
  const HeraldJsonRules *rules;
  const char            *label;
  const char            *path;      /* "data.pagination"; NULL for the body */
  JsonObject            *object;
} HeraldJsonCursor;

/* Integers beyond this do not survive a double. */
#define HERALD_JSON_MAX_SAFE_INTEGER ((gint64) 1 << 53)

/* The body as an object, or NOT_OBJECT with a NULL field. */
gboolean   herald_json_read_root      (JsonNode                *root,
                                       const HeraldJsonRules   *rules,
                                       const char              *label,
                                       HeraldJsonCursor        *cursor,
                                       GError                 **error);

/* The error @rules give for @problem at @cursor.@name (@name may be NULL:
 * the cursor's own path). Always returns FALSE, for "return herald_json_fail (…)". */
gboolean   herald_json_fail           (const HeraldJsonCursor  *cursor,
                                       const char              *name,
                                       HeraldJsonProblem        problem,
                                       GError                 **error);

/* "@cursor.path.@name", or @name at the top; free with g_free(). */
char      *herald_json_dup_field      (const HeraldJsonCursor  *cursor,
                                       const char              *name);

/* Each reader fails when a required member is absent or null, or when a
 * present member has the wrong type; an absent or null optional member
 * leaves *out as it was. */
gboolean   herald_json_read_string    (const HeraldJsonCursor  *cursor,
                                       const char              *name,
                                       HeraldJsonFlags          flags,
                                       char                   **out,
                                       GError                 **error);
gboolean   herald_json_read_int       (const HeraldJsonCursor  *cursor,
                                       const char              *name,
                                       HeraldJsonFlags          flags,
                                       gint64                   min,
                                       gint64                   max,
                                       gint64                  *out,
                                       GError                 **error);
/* A required integer from 0 to @max. */
gboolean   herald_json_read_uint      (const HeraldJsonCursor  *cursor,
                                       const char              *name,
                                       guint                    max,
                                       guint                   *out,
                                       GError                 **error);
gboolean   herald_json_read_double    (const HeraldJsonCursor  *cursor,
                                       const char              *name,
                                       HeraldJsonFlags          flags,
                                       double                  *out,
                                       GError                 **error);
gboolean   herald_json_read_bool      (const HeraldJsonCursor  *cursor,
                                       const char              *name,
                                       HeraldJsonFlags          flags,
                                       gboolean                *out,
                                       GError                 **error);
/* ISO 8601; a time without a zone is taken as UTC. */
gboolean   herald_json_read_time      (const HeraldJsonCursor  *cursor,
                                       const char              *name,
                                       HeraldJsonFlags          flags,
                                       GDateTime              **out,
                                       GError                 **error);
/* @path_out receives the child's path, which @child points to; an absent
 * optional object leaves @child->object NULL. */
gboolean   herald_json_read_object    (const HeraldJsonCursor  *cursor,
                                       const char              *name,
                                       HeraldJsonFlags          flags,
                                       HeraldJsonCursor        *child,
                                       char                   **path_out,
                                       GError                 **error);
/* An absent optional array leaves *out NULL. */
gboolean   herald_json_read_array     (const HeraldJsonCursor  *cursor,
                                       const char              *name,
                                       HeraldJsonFlags          flags,
                                       JsonArray              **out,
                                       GError                 **error);
/* Element @index of the array at @cursor.@name must be an object. */
gboolean   herald_json_read_element   (const HeraldJsonCursor  *cursor,
                                       const char              *name,
                                       JsonArray               *array,
                                       guint                    index,
                                       HeraldJsonCursor        *child,
                                       char                   **path_out,
                                       GError                 **error);
/* The array @cursor.@name of strings ("" refused with NON_EMPTY); NULL
 * elements are MISSING. */
GStrv      herald_json_read_strv      (const HeraldJsonCursor  *cursor,
                                       const char              *name,
                                       HeraldJsonFlags          flags,
                                       GError                 **error);

typedef gpointer (*HeraldJsonItemFunc) (const HeraldJsonCursor  *item,
                                        GError                 **error);
/* The required array @cursor.@name of objects, each read with @parse. */
GPtrArray *herald_json_read_items     (const HeraldJsonCursor  *cursor,
                                       const char              *name,
                                       HeraldJsonItemFunc       parse,
                                       GDestroyNotify           free_func,
                                       GError                 **error);

G_END_DECLS
