/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-flashsms-client.h"
#include "net/herald-rest-call.h"

G_BEGIN_DECLS

/* Shared by the herald-flashsms-client*.c files, which together implement
 * HeraldFlashsmsClient. */

/* Defines @function, the *_finish of a call to one @endpoint of the
 * calling file: the parsed answer (transfer full), or NULL with @error
 * set; the _BOOLEAN form for answers whose only news is success. */
/* NOLINTBEGIN(bugprone-macro-parentheses) */
#define HERALD_FLASHSMS_DEFINE_FINISH(ReturnType, function, endpoint)                 \
  ReturnType                                                                          \
  function (HeraldFlashsmsClient *self, GAsyncResult *result, GError **error)         \
  {                                                                                   \
    return herald_rest_call_finish (self, result, &endpoint, error);                   \
  }
#define HERALD_FLASHSMS_DEFINE_FINISH_BOOLEAN(function, endpoint)                     \
  gboolean                                                                            \
  function (HeraldFlashsmsClient *self, GAsyncResult *result, GError **error)         \
  {                                                                                   \
    return herald_rest_call_finish (self, result, &endpoint, error) != NULL;           \
  }
/* NOLINTEND(bugprone-macro-parentheses) */

/* A parse function for answers whose only news is success (deletes). */
gpointer    _herald_flashsms_parse_success      (JsonNode                 *root,
                                                 const char               *endpoint,
                                                 GError                  **error);

/* A query table (string → string) that owns its values. */
GHashTable *_herald_flashsms_query_new          (void);
void        _herald_flashsms_query_add_uint     (GHashTable               *query,
                                                 const char               *name,
                                                 guint                     value);
void        _herald_flashsms_query_add_time     (GHashTable               *query,
                                                 const char               *name,
                                                 GDateTime                *time);
/* INVALID_INPUT unless 1 ≤ limit ≤ @max_limit (0 means the server's default). */
gboolean    _herald_flashsms_check_limit        (guint                     limit,
                                                 guint                     max_limit,
                                                 GError                  **error);

/* @input normalised with the client's default region and written in
 * FlashSMS's form, or NULL with INVALID_INPUT naming the reason. */
char       *_herald_flashsms_client_format_phone (HeraldFlashsmsClient    *self,
                                                  const char              *input,
                                                  HeraldPhoneNumberFlags   flags,
                                                  char                   **reason,
                                                  GError                 **error);

/* INVALID_INPUT unless @message is text FlashSMS takes: not empty, at most
 * 918 characters in 6 parts; @parts receives its parts. */
GError     *_herald_flashsms_check_message      (const char               *message,
                                                 guint                    *parts);
/* {"message": …, "recipientCount": …} */
JsonNode   *_herald_flashsms_estimate_body_new  (const char               *message,
                                                 guint                     recipient_count);
/* Adds "@name": "@value" unless @value is NULL. */
void        _herald_flashsms_add_member         (JsonBuilder              *builder,
                                                 const char               *name,
                                                 const char               *value);
/* INVALID_INPUT: "The @what is empty." */
GError     *_herald_flashsms_empty_argument_error (const char             *what);

G_END_DECLS
