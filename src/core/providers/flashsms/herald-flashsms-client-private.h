/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-flashsms-client.h"

G_BEGIN_DECLS

/* Shared by the herald-flashsms-client*.c files, which together implement
 * HeraldFlashsmsClient. */

/* Reads a 2xx answer of @endpoint; returns a new value or NULL with @error. */
typedef gpointer (*HeraldFlashsmsParseFunc) (JsonNode    *root,
                                             const char  *endpoint,
                                             GError     **error);

typedef enum
{
  HERALD_FLASHSMS_CALL_NONE          = 0,
  /* The document does not say whether updates are PUT or PATCH: send PUT,
   * and repeat as PATCH once if the server answers 405. */
  HERALD_FLASHSMS_CALL_PATCH_ON_405  = 1 << 0,
} HeraldFlashsmsCallFlags;

/* One request: @path is already escaped, @endpoint ("GET /contacts/:contactId")
 * names it in errors. @query and @body may be NULL and are not kept. The
 * result is read with _herald_flashsms_client_call_finish(). */
void        _herald_flashsms_client_call        (HeraldFlashsmsClient     *self,
                                                 const char               *method,
                                                 const char               *path,
                                                 const char               *endpoint,
                                                 GHashTable               *query,
                                                 JsonNode                 *body,
                                                 HeraldHttpFlags           http_flags,
                                                 HeraldFlashsmsCallFlags   call_flags,
                                                 HeraldFlashsmsParseFunc   parse,
                                                 GDestroyNotify            free_func,
                                                 gpointer                  source_tag,
                                                 GCancellable             *cancellable,
                                                 GAsyncReadyCallback       callback,
                                                 gpointer                  user_data);
gpointer    _herald_flashsms_client_call_finish (HeraldFlashsmsClient     *self,
                                                 GAsyncResult             *result,
                                                 gconstpointer             source_tag,
                                                 GError                  **error);

gboolean    _herald_flashsms_client_call_finish_boolean (HeraldFlashsmsClient  *self,
                                                         GAsyncResult          *result,
                                                         gconstpointer          source_tag,
                                                         GError               **error);

/* A parse function for answers whose only news is success (deletes). */
gpointer    _herald_flashsms_parse_success      (JsonNode                 *root,
                                                 const char               *endpoint,
                                                 GError                  **error);

/* "/contacts/" + the escaped @id, or NULL with INVALID_INPUT when @id is empty. */
char       *_herald_flashsms_path_with_id       (const char               *prefix,
                                                 const char               *id,
                                                 const char               *suffix,
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
