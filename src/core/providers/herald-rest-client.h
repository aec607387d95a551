/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "net/herald-http-client.h"
#include "net/herald-rest-call.h"

G_BEGIN_DECLS

/* HeraldRestClient: what the clients of the REST dialects share (FlixySMS,
 * FlashSMS): the HeraldHttpClient their calls go through ("http-client",
 * construct-only), the region of numbers written without a country code
 * ("default-region"), and one call of an endpoint row (net/herald-rest-call.h)
 * with the errors in the dialect's words. */

#define HERALD_TYPE_REST_CLIENT (herald_rest_client_get_type ())
G_DECLARE_DERIVABLE_TYPE (HeraldRestClient, herald_rest_client, HERALD, REST_CLIENT, GObject)

struct _HeraldRestClientClass
{
  GObjectClass parent_class;

  /* The dialect's words for a failed call (set in class_init). */
  HeraldRestErrorFunc  error_for_call;
  /* "default-region" when none was set, or NULL was (nullable: then only
   * international numbers are read). */
  const char          *default_region;
};

HeraldHttpClient *herald_rest_client_get_http_client    (HeraldRestClient *self);
const char       *herald_rest_client_get_default_region (HeraldRestClient *self);
/* @region NULL: the dialect's default. */
void              herald_rest_client_set_default_region (HeraldRestClient *self,
                                                         const char       *region);

/* herald_rest_call() on @self (a HeraldRestClient: the source object of the
 * result, read with herald_rest_call_finish()). */
void              herald_rest_client_call               (gpointer                  self,
                                                         const HeraldRestEndpoint *endpoint,
                                                         const char * const       *params,
                                                         GHashTable               *query,
                                                         JsonNode                 *body,
                                                         GCancellable             *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);

G_END_DECLS
