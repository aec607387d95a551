/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-flashsms-types.h"

G_BEGIN_DECLS

/* Shared by the herald-flashsms-types*.c files and the client: the strict
 * JSON readers and the constructors of the values the client assembles
 * itself (split sends and imports, key checks). */

/* Integers beyond this do not survive a double; FlashSMS never needs them. */
#define HERALD_FLASHSMS_MAX_SAFE_INTEGER ((gint64) 1 << 53)

/* An object being read, with where it sits for error messages. */
typedef struct
{
  const char *endpoint;   /* "GET /balance" */
  const char *path;       /* "data.pagination" */
  JsonObject *object;
} HeraldFlashsmsCursor;

GError   *_herald_flashsms_malformed                  (const char                 *endpoint,
                                                       const char                 *path,
                                                       const char                 *name,
                                                       const char                 *expected);

/* The {"success": true, "data": {…}} envelope; @data points into @root. */
gboolean  _herald_flashsms_read_envelope              (JsonNode                   *root,
                                                       const char                 *endpoint,
                                                       HeraldFlashsmsCursor       *data,
                                                       GError                    **error);

/* Each reader fails when a required member is absent or null, or when a
 * present member has the wrong type; an absent or null optional member
 * leaves *out as it was. */
gboolean  _herald_flashsms_read_string                (const HeraldFlashsmsCursor *cursor,
                                                       const char                 *name,
                                                       gboolean                    required,
                                                       char                      **out,
                                                       GError                    **error);
gboolean  _herald_flashsms_read_int                   (const HeraldFlashsmsCursor *cursor,
                                                       const char                 *name,
                                                       gboolean                    required,
                                                       gint64                      min,
                                                       gint64                      max,
                                                       gint64                     *out,
                                                       GError                    **error);
gboolean  _herald_flashsms_read_double                (const HeraldFlashsmsCursor *cursor,
                                                       const char                 *name,
                                                       gboolean                    required,
                                                       double                     *out,
                                                       GError                    **error);
gboolean  _herald_flashsms_read_bool                  (const HeraldFlashsmsCursor *cursor,
                                                       const char                 *name,
                                                       gboolean                    required,
                                                       gboolean                   *out,
                                                       GError                    **error);
gboolean  _herald_flashsms_read_time                  (const HeraldFlashsmsCursor *cursor,
                                                       const char                 *name,
                                                       gboolean                    required,
                                                       GDateTime                 **out,
                                                       GError                    **error);
/* @path_out receives the child's path, which @child points to. */
gboolean  _herald_flashsms_read_object                (const HeraldFlashsmsCursor *cursor,
                                                       const char                 *name,
                                                       gboolean                    required,
                                                       HeraldFlashsmsCursor       *child,
                                                       char                      **path_out,
                                                       GError                    **error);
gboolean  _herald_flashsms_read_array                 (const HeraldFlashsmsCursor *cursor,
                                                       const char                 *name,
                                                       gboolean                    required,
                                                       JsonArray                 **out,
                                                       GError                    **error);
/* Element @index of the array at @cursor.@name must be an object. */
gboolean  _herald_flashsms_read_element               (const HeraldFlashsmsCursor *cursor,
                                                       const char                 *name,
                                                       JsonArray                  *array,
                                                       guint                       index,
                                                       HeraldFlashsmsCursor       *child,
                                                       char                      **path_out,
                                                       GError                    **error);
gboolean  _herald_flashsms_read_pagination            (const HeraldFlashsmsCursor *data,
                                                       HeraldFlashsmsPagination   *out,
                                                       GError                    **error);
/* "data.@wrapper" when it is an object, else "data" itself. */
void      _herald_flashsms_unwrap                     (const HeraldFlashsmsCursor *data,
                                                       const char                 *wrapper,
                                                       HeraldFlashsmsCursor       *entity,
                                                       char                      **path_out);

typedef gpointer (*HeraldFlashsmsItemParser) (const HeraldFlashsmsCursor *item,
                                              GError                    **error);
/* Reads the array @data.@name of objects with @parse. */
GPtrArray *_herald_flashsms_read_items                (const HeraldFlashsmsCursor *data,
                                                       const char                 *name,
                                                       HeraldFlashsmsItemParser    parse,
                                                       GDestroyNotify              free_func,
                                                       GError                    **error);

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
