/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A GListModel that grows a page at a time, for lists that are read from a
 * server or the database as the person scrolls. Where the pages come from
 * is a fetch function (see herald-paged-sources.h for the ones Herald
 * uses); the list asks it for page 1, 2, … on load_more() and appends what
 * it returns.
 *
 * Properties (all notify): "item-type" (construct-only), "loading",
 * "has-more" (TRUE until a page says it was the last), "error" (GError,
 * nullable: why the last page failed; load_more() tries that page again),
 * "n-items", "pages-loaded".
 *
 * Only one page is fetched at a time. reset() and dispose cancel the fetch
 * in flight; a page that arrives after a reset is dropped. */

#define HERALD_TYPE_PAGED_LIST (herald_paged_list_get_type ())
G_DECLARE_FINAL_TYPE (HeraldPagedList, herald_paged_list, HERALD, PAGED_LIST, GObject)

/* Fetches page @page (from 1) and completes @task (transfer full) with
 * herald_paged_list_task_return_page() or g_task_return_error(); it must
 * complete it exactly once, also when @cancellable fires. The task's
 * source object is NULL: a fetch may outlive the list. */
typedef void (*HeraldPagedListFetchFunc) (guint         page,
                                          GCancellable *cancellable,
                                          GTask        *task,
                                          gpointer      user_data);

HeraldPagedList *herald_paged_list_new               (GType                     item_type,
                                                      HeraldPagedListFetchFunc  fetch,
                                                      gpointer                  user_data,
                                                      GDestroyNotify            user_data_destroy);

/* @items (transfer full): GObjects of the list's item type, in order. */
void             herald_paged_list_task_return_page  (GTask                    *task,
                                                      GPtrArray                *items,
                                                      gboolean                  has_more);

/* Fetches the next page unless one is already on its way or there is none;
 * returns whether a fetch was started. */
gboolean         herald_paged_list_load_more         (HeraldPagedList          *self);
/* Cancels the fetch in flight and empties the list (has-more TRUE again,
 * no error); nothing is fetched until load_more(). */
void             herald_paged_list_reset             (HeraldPagedList          *self);
/* reset() then load_more(). */
void             herald_paged_list_reload            (HeraldPagedList          *self);

gboolean         herald_paged_list_get_loading       (HeraldPagedList          *self);
gboolean         herald_paged_list_get_has_more      (HeraldPagedList          *self);
const GError    *herald_paged_list_get_error         (HeraldPagedList          *self);
guint            herald_paged_list_get_pages_loaded  (HeraldPagedList          *self);

G_END_DECLS
