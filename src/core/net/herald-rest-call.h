/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-http-client.h"

G_BEGIN_DECLS

/* One REST call as a table row: a dialect describes each endpoint once, as a
 * const HeraldRestEndpoint, and calls it with its path parameters. The
 * route's ":params" are filled in and escaped here (an empty one fails with
 * INVALID_INPUT before anything is sent), a 2xx body goes to the endpoint's
 * parser, and every failure passes through the dialect's error function.
 * The endpoint's address is the GTask source tag. */

typedef struct _HeraldRestEndpoint HeraldRestEndpoint;

/* Reads a 2xx answer: a new value, or NULL with @error. */
typedef gpointer (*HeraldRestParseFunc)      (JsonNode    *root,
                                              GError     **error);
/* The same, for a value several routes return: @route names the answer. */
typedef gpointer (*HeraldRestParseRouteFunc) (JsonNode    *root,
                                              const char  *route,
                                              GError     **error);

typedef enum
{
  HERALD_REST_CALL_NONE          = 0,
  /* A server may take updates as PUT or as PATCH: send PUT, and repeat as
   * PATCH once if the server answers 405. */
  HERALD_REST_CALL_PATCH_ON_405  = 1 << 0,
  /* An answer that came is returned even if the call was cancelled
   * meanwhile: it may say that a message went out. */
  HERALD_REST_CALL_KEEP_ANSWER   = 1 << 1,
} HeraldRestCallFlags;

struct _HeraldRestEndpoint
{
  /* "GET /sms/:messageId/recipients": the method, the path with one
   * parameter per ":name" segment, and the name errors give the call */
  const char               *route;
  HeraldHttpFlags           http_flags;
  HeraldRestCallFlags       call_flags;
  /* one of the two */
  HeraldRestParseFunc       parse;
  HeraldRestParseRouteFunc  parse_route;
  /* frees what the parser returns */
  GDestroyNotify            free_func;
};

/* The dialect's words for a failure of @endpoint, given its @params:
 * - @response NULL: the transport failed with @error;
 * - @error NULL: @response is not a 2xx, and the error is made here;
 * - both: @response is a 2xx that the parser refused with @error.
 * Takes @error, returns the error to report (@error itself or a new one). */
typedef GError *(*HeraldRestErrorFunc) (const HeraldRestEndpoint  *endpoint,
                                        const char * const        *params,
                                        HeraldHttpResponse        *response,
                                        GError                    *error);

/* @params: one string per ":name" in the route (NULL when it has none);
 * @query and @body may be NULL and are referenced, not copied. The result
 * is read with herald_rest_call_finish(). */
void      herald_rest_call        (gpointer                   client,
                                   const HeraldRestEndpoint  *endpoint,
                                   const char * const        *params,
                                   GHashTable                *query,
                                   JsonNode                  *body,
                                   GCancellable              *cancellable,
                                   GAsyncReadyCallback        callback,
                                   gpointer                   user_data);
/* What the parser returned (for parsers of nothing, any non-NULL pointer). */
gpointer  herald_rest_call_finish (gpointer                   source_object,
                                   GAsyncResult              *result,
                                   const HeraldRestEndpoint  *endpoint,
                                   GError                   **error);

/* Fails a call before it starts (a bad argument): @error is what the
 * finish function of @source_tag (an endpoint or a paging) reports. */
void      herald_rest_report_error (gpointer                  source_object,
                                    gconstpointer             source_tag,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data,
                                    GError                   *error);

/* Every page of a paged endpoint, read one after the other: the items of
 * all pages in order, each ID once (an item added meanwhile pushes older
 * ones onto the next page, where they are met again). It stops at the
 * last page, at an empty one whatever the server claims, and after
 * @max_pages (a server whose pages never end). */
typedef struct
{
  const HeraldRestEndpoint *endpoint;
  const char               *what;         /* "FlashSMS history", for the log */
  guint                     max_pages;
  guint                   (*get_n_items) (gpointer page);
  gpointer                (*dup_item)    (gpointer page,
                                          guint    index);
  const char             *(*get_id)      (gpointer item);
  GDestroyNotify            item_free;
  /* whether another page follows @page, number @number */
  gboolean                (*has_more)    (gpointer page,
                                          guint    number);
} HeraldRestPaging;

/* @query (string → string, values freed with g_free()) is referenced, and
 * its "page" set for each request. The address of @paging is the source tag. */
void       herald_rest_call_all_pages        (gpointer                  client,
                                              const HeraldRestPaging   *paging,
                                              GHashTable               *query,
                                              GCancellable             *cancellable,
                                              GAsyncReadyCallback       callback,
                                              gpointer                  user_data);
/* The items (freed with @paging's item_free). */
GPtrArray *herald_rest_call_all_pages_finish (gpointer                  source_object,
                                              GAsyncResult             *result,
                                              const HeraldRestPaging   *paging,
                                              GError                  **error);

/* "/contacts/" + @params[0], escaped as one path segment, for @route's path
 * ("GET /contacts/:contactId"); NULL with INVALID_INPUT when a parameter is
 * empty or missing. @method_out (nullable) receives the method. */
char     *herald_rest_route_path  (const char                *route,
                                   const char * const        *params,
                                   char                     **method_out,
                                   GError                   **error);

G_END_DECLS
