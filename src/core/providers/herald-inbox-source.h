/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-provider.h"
#include "herald-received-message.h"

G_BEGIN_DECLS

/* The capability "this account receives messages": a HeraldProvider that
 * can list what came in, newest first, a page at a time. FlixySMS
 * implements it; FlashSMS does not (it only sends), so callers test
 * HERALD_IS_INBOX_SOURCE (provider) and show "not available" otherwise.
 * The inbox page, the inbox watcher behind the notifications and
 * `heraldctl inbox` use only this, never a concrete client. */

/* ---- HeraldReceivedFilter: which messages -------------------------------- */

/* Every member may be NULL. The source copies what it needs, so the struct
 * may live on the stack. */
typedef struct
{
  const char *from;        /* a sender's number, as a person types it */
  const char *device_id;
  GDateTime  *since;       /* inclusive */
  GDateTime  *until;       /* inclusive */
} HeraldReceivedFilter;

/* ---- HeraldReceivedPage: one page of them --------------------------------- */

#define HERALD_TYPE_RECEIVED_PAGE (herald_received_page_get_type ())
typedef struct _HeraldReceivedPage HeraldReceivedPage;
GType               herald_received_page_get_type        (void) G_GNUC_CONST;
/* For implementations. @items (transfer none): HeraldReceivedMessage in
 * the source's order (newest first); @total and @total_pages 0 when the
 * source does not know them. */
HeraldReceivedPage *herald_received_page_new             (GListModel         *items,
                                                          guint               page,
                                                          guint               per_page,
                                                          guint               total,
                                                          guint               total_pages,
                                                          gboolean            has_more);
HeraldReceivedPage *herald_received_page_ref             (HeraldReceivedPage *self);
void                herald_received_page_unref           (HeraldReceivedPage *self);
GListModel         *herald_received_page_get_items       (HeraldReceivedPage *self);
guint               herald_received_page_get_page        (HeraldReceivedPage *self);
guint               herald_received_page_get_per_page    (HeraldReceivedPage *self);
guint               herald_received_page_get_total       (HeraldReceivedPage *self);       /* 0: not said */
guint               herald_received_page_get_total_pages (HeraldReceivedPage *self);       /* 0: not said */
gboolean            herald_received_page_get_has_more    (HeraldReceivedPage *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldReceivedPage, herald_received_page_unref)

/* ---- the interface -------------------------------------------------------- */

#define HERALD_TYPE_INBOX_SOURCE (herald_inbox_source_get_type ())
G_DECLARE_INTERFACE (HeraldInboxSource, herald_inbox_source, HERALD, INBOX_SOURCE, HeraldProvider)

/* list_received answers the task it is given (transfer full; the provider
 * its source object) with a HeraldReceivedPage pointer;
 * herald_inbox_source_list_received_async() makes the task,
 * herald_inbox_source_list_received_finish() propagates it. */
struct _HeraldInboxSourceInterface
{
  GTypeInterface parent_iface;

  void (*list_received) (HeraldInboxSource          *self,
                         const HeraldReceivedFilter *filter,
                         guint                       page,
                         guint                       per_page,
                         GTask                      *task);
};

/* One page, newest first. @filter nullable. @page counts from 1 (0 is the
 * first page too); @per_page 0 leaves the source's own page size (a source
 * may ignore the size asked for: read the page's own per_page). Errors are
 * HERALD_PROVIDER_ERROR (INVALID_INPUT for a filter the source refuses, a
 * number that is not one, …) or G_IO_ERROR_CANCELLED. */
void                herald_inbox_source_list_received_async      (HeraldInboxSource          *self,
                                                                  const HeraldReceivedFilter *filter,
                                                                  guint                       page,
                                                                  guint                       per_page,
                                                                  GCancellable               *cancellable,
                                                                  GAsyncReadyCallback         callback,
                                                                  gpointer                    user_data);
HeraldReceivedPage *herald_inbox_source_list_received_finish     (HeraldInboxSource          *self,
                                                                  GAsyncResult               *result,
                                                                  GError                    **error);

/* Every page, one after the other (in the source's page size), into one
 * GListModel of HeraldReceivedMessage in the source's order; a message met
 * on two pages (new ones arriving shift the pages) is listed once. Stops at
 * the last page, at an empty one whatever the source claims, and after
 * HERALD_INBOX_SOURCE_MAX_PAGES. Built on list_received for every source. */
#define HERALD_INBOX_SOURCE_MAX_PAGES 10000
void                herald_inbox_source_list_all_received_async  (HeraldInboxSource          *self,
                                                                  const HeraldReceivedFilter *filter,
                                                                  GCancellable               *cancellable,
                                                                  GAsyncReadyCallback         callback,
                                                                  gpointer                    user_data);
GListModel         *herald_inbox_source_list_all_received_finish (HeraldInboxSource          *self,
                                                                  GAsyncResult               *result,
                                                                  GError                    **error);

G_END_DECLS
