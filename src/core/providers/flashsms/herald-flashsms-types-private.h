/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-flashsms-types.h"
#include "net/herald-json-reader.h"

G_BEGIN_DECLS

/* Shared by the herald-flashsms-types*.c files and the client: the strict
 * JSON envelope and the constructors of the values the client assembles
 * itself (split sends and imports, key checks). */

/* Integers beyond this do not survive a double; FlashSMS never needs them. */
#define HERALD_FLASHSMS_MAX_SAFE_INTEGER HERALD_JSON_MAX_SAFE_INTEGER

/* How FlashSMS answers are read (net/herald-json-reader.h): integers may be
 * written as doubles, and errors name the endpoint ("GET /balance"). */
extern const HeraldJsonRules _herald_flashsms_json_rules;

/* MALFORMED_RESPONSE: "@path.@name" is missing (@expected NULL) or is not
 * @expected; both NULL: the body is not an object. */
GError   *_herald_flashsms_malformed                  (const char              *endpoint,
                                                       const char              *path,
                                                       const char              *name,
                                                       const char              *expected);

/* The {"success": true, "data": {…}} envelope; @data points into @root. */
gboolean  _herald_flashsms_read_envelope              (JsonNode                *root,
                                                       const char              *endpoint,
                                                       HeraldJsonCursor        *data,
                                                       GError                 **error);
gboolean  _herald_flashsms_read_pagination            (const HeraldJsonCursor  *data,
                                                       HeraldFlashsmsPagination *out,
                                                       GError                 **error);
/* "data.@wrapper" when it is an object, else "data" itself. */
void      _herald_flashsms_unwrap                     (const HeraldJsonCursor  *data,
                                                       const char              *wrapper,
                                                       HeraldJsonCursor        *entity,
                                                       char                   **path_out);

/* A send assembled from several requests. */
HeraldFlashsmsSendResult   *_herald_flashsms_send_result_new              (void);
void                        _herald_flashsms_send_result_merge            (HeraldFlashsmsSendResult   *self,
                                                                           HeraldFlashsmsSendResult   *part,
                                                                           GHashTable                 *input_for_phone);
void                        _herald_flashsms_send_result_add_invalid      (HeraldFlashsmsSendResult   *self,
                                                                           const char                 *input,
                                                                           const char                 *reason);
void                        _herald_flashsms_send_result_set_failure      (HeraldFlashsmsSendResult   *self,
                                                                           const GError               *error,
                                                                           const char * const         *unsent_recipients,
                                                                           const char * const         *unsent_contact_ids);

HeraldFlashsmsImportResult *_herald_flashsms_import_result_new            (void);
void                        _herald_flashsms_import_result_merge          (HeraldFlashsmsImportResult *self,
                                                                           HeraldFlashsmsImportResult *part);
void                        _herald_flashsms_import_result_add_rejected   (HeraldFlashsmsImportResult *self,
                                                                           const char                 *input,
                                                                           const char                 *reason);

HeraldFlashsmsKeyCheck     *_herald_flashsms_key_check_new                (HeraldFlashsmsBalance      *balance,
                                                                           const char * const         *granted,
                                                                           const char * const         *missing,
                                                                           const char * const         *undetermined);

G_END_DECLS
