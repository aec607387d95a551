/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "herald-phone-number.h"

G_BEGIN_DECLS

/* The recipients a person typed or pasted, read into entries: each one
 * normalised to E.164 for a default region, or marked invalid with the
 * reason, duplicates merged into the first occurrence.
 *
 * How the text is split:
 *  - newlines, commas, semicolons and tabs always separate entries;
 *  - inside one such piece spaces separate only where they must: reading
 *    the words left to right, the longest run of words that is a valid
 *    number on its own becomes one entry ("024 412 3456" stays one number,
 *    "0244123456 0201234567" are two); words that start no valid number
 *    stay together as one invalid entry up to the next word that does, so
 *    that a mistyped "024 412 345" is reported as typed, not word by word.
 *
 * Duplicates: valid entries with the same E.164 number, or invalid entries
 * with the same text, are one entry; the later ones only raise its
 * "duplicates" count. */

#define HERALD_TYPE_RECIPIENT_LIST (herald_recipient_list_get_type ())
G_DECLARE_FINAL_TYPE (HeraldRecipientList, herald_recipient_list, HERALD, RECIPIENT_LIST, GObject)



/* Properties: "region" (string, nullable), "flags"
 * (HeraldPhoneNumberFlags as guint), "text" (string); read-only counts
 * "n-entries", "n-valid", "n-invalid", "n-merged". "changed" is emitted
 * once after every re-read. */
HeraldRecipientList *herald_recipient_list_new              (const char             *region,
                                                             HeraldPhoneNumberFlags  flags);

void                 herald_recipient_list_set_text         (HeraldRecipientList    *self,
                                                             const char             *text);
const char          *herald_recipient_list_get_text         (HeraldRecipientList    *self);
void                 herald_recipient_list_set_region       (HeraldRecipientList    *self,
                                                             const char             *region);
const char          *herald_recipient_list_get_region       (HeraldRecipientList    *self);
void                 herald_recipient_list_set_flags        (HeraldRecipientList    *self,
                                                             HeraldPhoneNumberFlags  flags);
HeraldPhoneNumberFlags
                     herald_recipient_list_get_flags        (HeraldRecipientList    *self);

/* Distinct entries, in order of first appearance. */
guint                herald_recipient_list_get_n_entries    (HeraldRecipientList    *self);
guint                herald_recipient_list_get_n_valid      (HeraldRecipientList    *self);
guint                herald_recipient_list_get_n_invalid    (HeraldRecipientList    *self);
/* How many entries were folded into an earlier one. */
guint                herald_recipient_list_get_n_merged     (HeraldRecipientList    *self);

/* The entry as typed (trimmed). */
const char          *herald_recipient_list_get_input        (HeraldRecipientList    *self,
                                                             guint                   index);
/* E.164, NULL when invalid. */
const char          *herald_recipient_list_get_number       (HeraldRecipientList    *self,
                                                             guint                   index);
/* International format for display ("+233 24 412 3456"), NULL when invalid. */
const char          *herald_recipient_list_get_display      (HeraldRecipientList    *self,
                                                             guint                   index);
/* The phone module's machine reason ("too-short", …), NULL when valid. */
const char          *herald_recipient_list_get_reason       (HeraldRecipientList    *self,
                                                             guint                   index);
/* A sentence for people saying what is wrong, NULL when valid. */
const char          *herald_recipient_list_get_message      (HeraldRecipientList    *self,
                                                             guint                   index);
/* How many later copies were merged into this entry. */
guint                herald_recipient_list_get_duplicates   (HeraldRecipientList    *self,
                                                             guint                   index);

/* The valid numbers in E.164, each once, in order; free with g_strfreev(). */
char               **herald_recipient_list_dup_numbers      (HeraldRecipientList    *self);

G_END_DECLS
