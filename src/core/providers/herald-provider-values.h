/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "herald-types.h"

G_BEGIN_DECLS

/* The values more than one capability interface returns, in words common
 * to the dialects. Each is an immutable reference-counted box whose fields
 * are read directly; a dialect fills them when it converts its own types
 * (providers/<dialect>/). Strings and times the dialect did not give are
 * NULL, counts -1. */

/* Declares the GType, ref and unref of a value (g_autoptr works on it);
 * its _new() is declared on its own. (TypeName is a type: it cannot be
 * parenthesised.) */
/* NOLINTBEGIN(bugprone-macro-parentheses) */
#define HERALD_DECLARE_VALUE(TypeName, type_name)                              \
  GType     type_name##_get_type (void) G_GNUC_CONST;                         \
  TypeName *type_name##_ref      (TypeName *self);                            \
  void      type_name##_unref    (TypeName *self);                            \
  G_DEFINE_AUTOPTR_CLEANUP_FUNC (TypeName, type_name##_unref)
/* NOLINTEND(bugprone-macro-parentheses) */

/* Where a paged list is. */
typedef struct
{
  guint    page;          /* from 1 */
  guint    limit;         /* items a page */
  guint64  total;         /* items in all */
  guint    total_pages;
  gboolean has_more;
} HeraldPagination;

/* ---- HeraldRemotePage: one page of a list the provider keeps ------------- */

#define HERALD_TYPE_REMOTE_PAGE (herald_remote_page_get_type ())
typedef struct
{
  GPtrArray        *items;        /* the element type is the call's; never NULL */
  HeraldPagination  pagination;
} HeraldRemotePage;

HERALD_DECLARE_VALUE (HeraldRemotePage, herald_remote_page)
/* Takes @items (transfer full; NULL: empty). */
HeraldRemotePage *herald_remote_page_new (GPtrArray *items);

/* ---- HeraldSentMessage: a message as the provider records it ------------- */

/* The parts of a HeraldSentMessage a dialect reports at all (a part it
 * reports may still be NULL or -1 for one message). */
typedef enum
{
  HERALD_SENT_MESSAGE_TEXT            = 1 << 0,
  HERALD_SENT_MESSAGE_RECIPIENT_COUNT = 1 << 1,
  HERALD_SENT_MESSAGE_CREDITS_USED    = 1 << 2,
  HERALD_SENT_MESSAGE_SENDER_ID       = 1 << 3,
  HERALD_SENT_MESSAGE_CAMPAIGN_NAME   = 1 << 4,
  HERALD_SENT_MESSAGE_DEVICE_ID       = 1 << 5,
  HERALD_SENT_MESSAGE_CREATED_AT      = 1 << 6,
  HERALD_SENT_MESSAGE_SENT_AT         = 1 << 7,
  HERALD_SENT_MESSAGE_SCHEDULED_AT    = 1 << 8,
  HERALD_SENT_MESSAGE_DELIVERED_AT    = 1 << 9,
} HeraldSentMessageFields;

#define HERALD_TYPE_SENT_MESSAGE (herald_sent_message_get_type ())
typedef struct
{
  HeraldSentMessageFields  fields;           /* what the dialect reports */
  char                    *id;
  char                    *provider_status;  /* the dialect's own word: "PENDING", "queued" */
  HeraldDeliveryState      state;
  char                    *text;             /* may be shortened by the provider */
  gint64                   recipient_count;
  gint64                   credits_used;
  char                    *sender_id;
  char                    *campaign_name;
  char                    *device_id;
  GDateTime               *created_at;
  GDateTime               *sent_at;
  GDateTime               *scheduled_at;
  GDateTime               *delivered_at;
} HeraldSentMessage;

HERALD_DECLARE_VALUE (HeraldSentMessage, herald_sent_message)
/* Empty: no fields, state UNKNOWN, counts -1. */
HeraldSentMessage *herald_sent_message_new (void);

G_END_DECLS
