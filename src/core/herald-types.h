/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The bottom of the core's include graph: the enums and forward typedefs
 * that more than one folder speaks (providers/, store/, send/, session/).
 * It includes nothing of Herald's, so any folder may include it without
 * making a cycle (docs/architecture.md). */

/* The REST (or local) dialect an account speaks. The strings are the
 * database's and the CLI's: never change one. */
typedef enum
{
  HERALD_DIALECT_FLIXYSMS,   /* "flixysms" */
  HERALD_DIALECT_FLASHSMS,   /* "flashsms" */
  HERALD_DIALECT_MODEM,      /* "modem": local modems, no URL and no key */
} HeraldDialect;

#define HERALD_TYPE_DIALECT (herald_dialect_get_type ())
GType               herald_dialect_get_type           (void) G_GNUC_CONST;
const char         *herald_dialect_to_string          (HeraldDialect       dialect);
gboolean            herald_dialect_from_string        (const char         *string,
                                                       HeraldDialect      *dialect);

/* Where a message is, in words common to the dialects. */
typedef enum
{
  HERALD_DELIVERY_UNKNOWN,     /* the provider did not say, or said something new */
  HERALD_DELIVERY_QUEUED,      /* accepted, not yet handed to the network */
  HERALD_DELIVERY_SENT,        /* handed to the network / carrier */
  HERALD_DELIVERY_DELIVERED,   /* the handset confirmed */
  HERALD_DELIVERY_FAILED,
} HeraldDeliveryState;

#define HERALD_TYPE_DELIVERY_STATE (herald_delivery_state_get_type ())
GType               herald_delivery_state_get_type    (void) G_GNUC_CONST;
/* "unknown", "queued", "sent", "delivered", "failed" */
const char         *herald_delivery_state_to_string   (HeraldDeliveryState state);
/* Also reads the dialects' own words ("pending", "PENDING", "undelivered"…);
 * anything else is UNKNOWN. */
HeraldDeliveryState herald_delivery_state_from_string (const char         *string);

/* Forward typedefs, so a header can name a type without including the
 * folder that defines it. */
typedef struct _HeraldProvider         HeraldProvider;
typedef struct _HeraldAccount          HeraldAccount;
typedef struct _HeraldAccountStore     HeraldAccountStore;
typedef struct _HeraldDatabase         HeraldDatabase;
typedef struct _HeraldMessageLog       HeraldMessageLog;
typedef struct _HeraldSession          HeraldSession;

G_END_DECLS
