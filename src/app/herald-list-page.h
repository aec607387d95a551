/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "herald-core.h"

G_BEGIN_DECLS

/* The base of the pages that list, a page at a time, what the session's
 * provider (or Herald's own record) holds: Inbox, History and the pages to
 * come. It follows the session through a GSignalGroup and shows either a
 * status (no account, not available) or the list with everything around it:
 * the paged list and its view, the next page as the person scrolls, the
 * spinner, the error banner with Retry, the empty state and the filters.
 *
 * A subclass sets its template with herald_list_page_class_set_template();
 * the template puts the filter rows in with <child type="filter"> and
 * connects a filter's change to the callback "filter_changed" (typing: the
 * list is made again after a pause) or "filter_chosen" (a choice: at once).
 * Its actions are PREFIX.refresh (F5, Ctrl+R: the list made again from the
 * first page) and PREFIX.retry (the page that failed, asked again). */

#define HERALD_TYPE_LIST_PAGE (herald_list_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (HeraldListPage, herald_list_page, HERALD, LIST_PAGE, AdwBin)

struct _HeraldListPageClass
{
  AdwBinClass parent_class;

  /* The session, its provider or the provider's error changed, and the
   * list is gone: show_list() or show_status(). */
  void             (*provider_changed) (HeraldListPage  *self);
  /* A new list for the filters as they stand; NULL with @error set when a
   * filter cannot be read (the banner says why), NULL without: none. */
  HeraldPagedList *(*create_list)      (HeraldListPage  *self,
                                        GError         **error);
  /* Fills @row (a herald_list_util_row_new()) from @item; returns whether
   * the row can be activated. */
  gboolean         (*bind_row)         (HeraldListPage  *self,
                                        GtkWidget       *row,
                                        gpointer         item);
  /* Optional: the list is complete and has no row (say why with
   * set_empty_status()). */
  void             (*list_empty)       (HeraldListPage  *self);
  /* Optional: an activatable row was clicked; the list view activates on
   * a single click when a class has it. */
  void             (*row_activated)    (HeraldListPage  *self,
                                        gpointer         item);

  /*< private >*/
  char            *retry_action;
};

/* In a subclass's class_init, before binding its own template children. */
void             herald_list_page_class_set_template (HeraldListPageClass *klass,
                                                      const char          *resource_path,
                                                      const char          *action_prefix);

HeraldSession   *herald_list_page_get_session        (HeraldListPage      *self);
void             herald_list_page_set_session        (HeraldListPage      *self,
                                                      HeraldSession       *session);
/* The group that follows the session: connect more of its signals to it. */
GSignalGroup    *herald_list_page_get_session_signals (HeraldListPage     *self);
/* The session's provider, or NULL. */
HeraldProvider  *herald_list_page_get_provider       (HeraldListPage      *self);
/* NULL before a list is shown, or while a filter cannot be read. */
HeraldPagedList *herald_list_page_get_list           (HeraldListPage      *self);

/* The list, made afresh from the filters. */
void             herald_list_page_show_list          (HeraldListPage      *self);
/* A status instead of the list (which is dropped). */
void             herald_list_page_show_status        (HeraldListPage      *self,
                                                      const char          *icon_name,
                                                      const char          *title,
                                                      const char          *description);
/* What the empty list says. */
void             herald_list_page_set_empty_status   (HeraldListPage      *self,
                                                      const char          *icon_name,
                                                      const char          *title,
                                                      const char          *description);
/* The list view's accessible name ("Sent Messages"). */
void             herald_list_page_set_list_label     (HeraldListPage      *self,
                                                      const char          *label);
/* Drops the list and makes it again from the filters (now, not after a pause). */
void             herald_list_page_rebuild            (HeraldListPage      *self);
void             herald_list_page_add_toast          (HeraldListPage      *self,
                                                      AdwToast            *toast);

G_END_DECLS
