/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-http-client.h"
#include "herald-rest-call.h"

G_BEGIN_DECLS

/* HeraldRestClient: what the clients of the REST dialects share (FlixySMS,
 * FlashSMS): the HeraldHttpClient their calls go through ("http-client",
 * construct-only), the words of their errors (error_for_call) and the
 * region of numbers written without a country code ("default-region").
 * herald_rest_call() calls an endpoint row on one. */

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

G_END_DECLS
