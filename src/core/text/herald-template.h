/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "herald-sms-text.h"

G_BEGIN_DECLS

/* Message templates: a text with placeholders filled in per contact.
 *
 * Syntax (a superset of FlashSMS's “{{variable}}”):
 *
 * - “{{name}}” is replaced by the contact's value for name. Spaces and tabs
 *   may surround the name: “{{ first_name }}”. A name is an ASCII letter or
 *   “_” followed by ASCII letters, digits or “_”. Names are matched without
 *   regard to case and handed to the lookup in lower case, so “{{First_Name}}”
 *   asks for “first_name”; keys of custom fields must be lower case.
 * - “{{name|fallback}}” renders fallback when the value is empty or missing,
 *   or when the lookup does not know name at all. The fallback is the text
 *   after the first “|” up to the closing “}}”, without the spaces and tabs
 *   at its ends: “{{ first_name | dear customer }}” gives “dear customer”.
 *   It may be empty (“{{first_name|}}”) and may contain further “|”
 *   (“{{a|x|y}}” falls back to “x|y”). It cannot contain “{{”, “}}” or a
 *   line break, nor start or end with a space.
 * - A placeholder ends at the first “}}” and cannot contain a line break
 *   (“\n” or “\r”).
 * - “{{{{” is a literal “{{”. Nothing else is an escape: a single “{”, a
 *   single “}” and a “}}” outside a placeholder are literal text as written.
 * - Values are inserted as they are: a value containing “{{x}}” is not
 *   expanded again.
 *
 * Positions: byte offsets into the template, and 1-based lines and columns
 * where columns count characters (code points). A line ends at “\n”.
 *
 * A template is at most HERALD_TEMPLATE_MAX_LENGTH bytes of UTF-8 without
 * NUL bytes. Parsed once, it is immutable and may be shared and rendered
 * from several threads at once. */

#define HERALD_TEMPLATE_ERROR (herald_template_error_quark ())

typedef enum
{
  HERALD_TEMPLATE_ERROR_INVALID_UTF8,      /* the template, including a NUL byte */
  HERALD_TEMPLATE_ERROR_TOO_LONG,
  HERALD_TEMPLATE_ERROR_UNCLOSED,          /* “{{” without its “}}” on the same line */
  HERALD_TEMPLATE_ERROR_EMPTY_NAME,        /* “{{}}”, “{{ |x}}” */
  HERALD_TEMPLATE_ERROR_INVALID_NAME,      /* “{{first name}}”, “{{2nd}}”, “{{prénom}}” */
  HERALD_TEMPLATE_ERROR_UNKNOWN_VARIABLE,  /* render: not a field, and no fallback */
  HERALD_TEMPLATE_ERROR_INVALID_VALUE,     /* render: a value that is not UTF-8 */
} HeraldTemplateError;

/* Longest template accepted, in bytes. */
#define HERALD_TEMPLATE_MAX_LENGTH ((gsize) 64 * 1024)

typedef struct
{
  gsize offset;  /* bytes from the start of the template */
  guint line;    /* 1-based */
  guint column;  /* 1-based, in characters */
} HeraldTemplatePosition;

/* One “{{…}}” of a template. Strings are owned by the template. */
typedef struct
{
  const char             *name;      /* lower case */
  guint                   variable;  /* index of name in herald_template_get_variables() */
  const char             *fallback;  /* NULL when the placeholder has none */
  HeraldTemplatePosition  start;     /* of the opening “{{” */
  gsize                   length;    /* bytes, from “{{” to “}}” inclusive */
} HeraldTemplatePlaceholder;

/* Returns whether @name (lower case) is a field of the contact at all. When
 * it is, sets *@value to its value: NULL or "" for an empty field, which
 * renders empty or as the fallback. Returning FALSE makes @name an unknown
 * variable, an error unless the placeholder has a fallback. *@value must
 * stay valid until the lookup is called again or the render returns, and
 * is checked to be UTF-8. */
typedef gboolean (*HeraldTemplateLookupFunc) (const char  *name,
                                              const char **value,
                                              gpointer     user_data);

#define HERALD_TYPE_TEMPLATE (herald_template_get_type ())

typedef struct _HeraldTemplate HeraldTemplate;

GQuark          herald_template_error_quark    (void);
GType           herald_template_get_type       (void) G_GNUC_CONST;

/* @length in bytes, or -1 if @text is NUL-terminated. On error returns
 * NULL and, if @error_position is not NULL, stores where the problem is
 * (the message says the line and column as well): the opening “{{” of an
 * unclosed placeholder or an empty name, the offending character of an
 * invalid name, the first invalid byte, or the byte where the length limit
 * is crossed. */
HeraldTemplate *herald_template_new            (const char              *text,
                                                gssize                   length,
                                                HeraldTemplatePosition  *error_position,
                                                GError                 **error);
HeraldTemplate *herald_template_ref            (HeraldTemplate          *self);
void            herald_template_unref          (HeraldTemplate          *self);

/* The template as given, NUL-terminated. */
const char     *herald_template_get_text       (HeraldTemplate          *self);
/* Distinct variable names, lower case, in order of first appearance;
 * NULL-terminated (an empty array for a text without placeholders). */
const char * const *
                herald_template_get_variables  (HeraldTemplate          *self,
                                                guint                   *n_variables);
/* Every placeholder in order of appearance, or NULL when there is none. */
const HeraldTemplatePlaceholder *
                herald_template_get_placeholders (HeraldTemplate        *self,
                                                  guint                 *n_placeholders);

/* Fills in every placeholder through @lookup. Fails with
 * HERALD_TEMPLATE_ERROR_UNKNOWN_VARIABLE naming every unknown variable
 * without a fallback, each with the line and column of its first use, or
 * with HERALD_TEMPLATE_ERROR_INVALID_VALUE for a value that is not UTF-8. */
char           *herald_template_render         (HeraldTemplate          *self,
                                                HeraldTemplateLookupFunc lookup,
                                                gpointer                 user_data,
                                                GError                 **error);
/* herald_template_render() with herald_template_table_lookup(). */
char           *herald_template_render_table   (HeraldTemplate          *self,
                                                GHashTable              *values,
                                                GError                 **error);
/* Renders and analyses the result as an SMS, for showing the encoding and
 * parts a given contact's message will have. *@analysis is set on success. */
char           *herald_template_preview        (HeraldTemplate          *self,
                                                HeraldTemplateLookupFunc lookup,
                                                gpointer                 user_data,
                                                HeraldSmsAnalysis      **analysis,
                                                GError                 **error);

/* A HeraldTemplateLookupFunc over a GHashTable (@user_data) of lower-case
 * keys to UTF-8 values: a key in the table is known, and so is a standard
 * field missing from it (an empty value); anything else is unknown. */
gboolean        herald_template_table_lookup   (const char              *name,
                                                const char             **value,
                                                gpointer                 user_data);

/* The fields every contact has: first_name, last_name, phone, email.
 * NULL-terminated, static. */
const char * const *
                herald_template_get_standard_fields (void);
gboolean        herald_template_is_standard_field   (const char          *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldTemplate, herald_template_unref)

G_END_DECLS
