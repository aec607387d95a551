/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-vcard-reader.h"

G_BEGIN_DECLS

/* Shared by herald-vcard-reader.c (lines and cards) and
 * herald-vcard-reader-values.c (what a property line holds). */

/* The parameters of a property that decide how its value reads. */
typedef struct
{
  guint     types;          /* HeraldVcardPhoneFlags: TYPE=, 2.1 bare words, PREF=1 */
  gboolean  quoted_printable;
  gboolean  base64;
  gboolean  uri;            /* VALUE=uri */
  char     *charset;
} HeraldVcardParams;

void       herald_vcard_params_clear           (HeraldVcardParams        *params);

gssize     herald_vcard_parse_params           (const char               *text,
                                                gsize                     len,
                                                gsize                     pos,
                                                HeraldVcardParams        *params);
char      *herald_vcard_decode_value           (const char               *value,
                                                gsize                     len,
                                                const HeraldVcardParams  *params,
                                                guint                     line,
                                                GError                  **error);
GPtrArray *herald_vcard_unescape               (const char               *text,
                                                gboolean                  components);
char      *herald_vcard_unescape_text          (const char               *text);
char      *herald_vcard_component              (GPtrArray                *parts,
                                                guint                     index);
char      *herald_vcard_join_components        (GPtrArray                *parts);
char      *herald_vcard_phone_from_value       (const char               *value,
                                                const HeraldVcardParams  *params);
gboolean   herald_vcard_value_is_vcard         (const char               *value,
                                                gsize                     len);
char      *herald_vcard_describe               (const char               *text,
                                                gsize                     len);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HeraldVcardParams, herald_vcard_params_clear)

G_END_DECLS
