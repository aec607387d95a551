/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* HeraldPagedList with a fetch function the test answers by hand: pages
 * arrive in order, the end is the end, one fetch at a time, errors are kept
 * and retried, and a reset drops what was in flight. */
#define G_LOG_DOMAIN "test-paged-list"

#include "config.h"

#include <gio/gio.h>

#include "model/herald-paged-list.h"

/* The fetches the list asked for and not yet answered. */
typedef struct
{
  GPtrArray *tasks;      /* GTask, transfer full */
  GArray    *pages;      /* guint: the page each task asked for */
  GArray    *cancelled;  /* gboolean: its cancellable had fired when answered */
  gboolean   destroyed;
} Source;

static void
source_fetch (guint         page,
              GCancellable *cancellable,
              GTask        *task,
              gpointer      user_data)
{
  Source *source = user_data;

  g_ptr_array_add (source->tasks, task);
  g_array_append_val (source->pages, page);
}

static void
source_destroy (gpointer user_data)
{
  Source *source = user_data;

  source->destroyed = TRUE;
}

/* Answers the oldest pending fetch with @n items named "pPAGE-I". */
static void
answer (Source   *source,
        guint     n,
        gboolean  has_more)
{
  GTask *task = g_ptr_array_steal_index (source->tasks, 0);
  guint page = g_array_index (source->pages, guint, source->pages->len - source->tasks->len - 1);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%u-%u", page, i);

      g_ptr_array_add (items, g_object_new (G_TYPE_MENU_ITEM, NULL));
      g_menu_item_set_label (g_ptr_array_index (items, i), name);
    }
  herald_paged_list_task_return_page (task, items, has_more);
}

static void
fail (Source *source)
{
  GTask *task = g_ptr_array_steal_index (source->tasks, 0);

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, "Refused");
  g_object_unref (task);
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
label_at (GListModel *model,
          guint       position)
{
  g_autoptr(GMenuItem) item = g_list_model_get_item (model, position);
  char *label = NULL;

  g_assert_nonnull (item);
  g_menu_item_get_attribute (item, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  return label;
}

static HeraldPagedList *
new_list (Source *source)
{
  source->tasks = g_ptr_array_new ();
  source->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  return herald_paged_list_new (G_TYPE_MENU_ITEM, source_fetch, source, source_destroy);
}

static void
source_clear (Source *source)
{
  g_assert_cmpuint (source->tasks->len, ==, 0);
  g_ptr_array_unref (source->tasks);
  g_array_unref (source->pages);
}

static void
changed_cb (GListModel *model,
            guint       position,
            guint       removed,
            guint       added,
            gpointer    user_data)
{
  GString *log = user_data;

  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

static void
test_pages_in_order (void)
{
  Source source = { 0 };
  g_autoptr(HeraldPagedList) list = new_list (&source);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *first = NULL, *fourth = NULL, *last = NULL;

  g_signal_connect (list, "items-changed", G_CALLBACK (changed_cb), log);
  g_assert_true (herald_paged_list_get_has_more (list));
  g_assert_false (herald_paged_list_get_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  g_assert_true (herald_paged_list_load_more (list));
  g_assert_true (herald_paged_list_get_loading (list));
  answer (&source, 3, TRUE);
  drain ();
  g_assert_false (herald_paged_list_get_loading (list));
  g_assert_true (herald_paged_list_get_has_more (list));

  g_assert_true (herald_paged_list_load_more (list));
  answer (&source, 3, TRUE);
  drain ();
  g_assert_true (herald_paged_list_load_more (list));
  answer (&source, 2, FALSE);
  drain ();

  g_assert_cmpuint (source.pages->len, ==, 3);
  g_assert_cmpuint (g_array_index (source.pages, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (source.pages, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (source.pages, guint, 2), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 8);
  g_assert_cmpuint (herald_paged_list_get_pages_loaded (list), ==, 3);
  g_assert_cmpstr (log->str, ==, "0-0+3;3-0+3;6-0+2;");
  first = label_at (G_LIST_MODEL (list), 0);
  fourth = label_at (G_LIST_MODEL (list), 3);
  last = label_at (G_LIST_MODEL (list), 7);
  g_assert_cmpstr (first, ==, "p1-0");
  g_assert_cmpstr (fourth, ==, "p2-0");
  g_assert_cmpstr (last, ==, "p3-1");

  /* The end is the end: no fourth request. */
  g_assert_false (herald_paged_list_get_has_more (list));
  g_assert_false (herald_paged_list_load_more (list));
  g_assert_cmpuint (source.pages->len, ==, 3);

  g_clear_object (&list);
  g_assert_true (source.destroyed);
  source_clear (&source);
}

static void
test_ignored_while_loading (void)
{
  Source source = { 0 };
  g_autoptr(HeraldPagedList) list = new_list (&source);

  g_assert_true (herald_paged_list_load_more (list));
  g_assert_false (herald_paged_list_load_more (list));
  g_assert_false (herald_paged_list_load_more (list));
  g_assert_cmpuint (source.tasks->len, ==, 1);

  answer (&source, 1, TRUE);
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_true (herald_paged_list_load_more (list));
  g_assert_cmpuint (g_array_index (source.pages, guint, 1), ==, 2);
  answer (&source, 0, FALSE);
  drain ();

  g_clear_object (&list);
  source_clear (&source);
}

static void
test_error_and_retry (void)
{
  Source source = { 0 };
  g_autoptr(HeraldPagedList) list = new_list (&source);
  const GError *error;

  herald_paged_list_load_more (list);
  answer (&source, 2, TRUE);
  drain ();

  herald_paged_list_load_more (list);
  fail (&source);
  drain ();
  error = herald_paged_list_get_error (list);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_assert_false (herald_paged_list_get_loading (list));
  g_assert_true (herald_paged_list_get_has_more (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  /* The retry asks for the same page and clears the error once it comes. */
  g_assert_true (herald_paged_list_load_more (list));
  g_assert_cmpuint (g_array_index (source.pages, guint, 2), ==, 2);
  answer (&source, 2, FALSE);
  drain ();
  g_assert_null (herald_paged_list_get_error (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  g_clear_object (&list);
  source_clear (&source);
}

static void
test_reset_cancels (void)
{
  Source source = { 0 };
  g_autoptr(HeraldPagedList) list = new_list (&source);
  GCancellable *cancellable;
  GTask *pending;

  herald_paged_list_load_more (list);
  answer (&source, 3, TRUE);
  drain ();
  herald_paged_list_load_more (list);
  pending = g_ptr_array_index (source.tasks, 0);
  cancellable = g_task_get_cancellable (pending);
  g_assert_false (g_cancellable_is_cancelled (cancellable));

  herald_paged_list_reset (list);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_false (herald_paged_list_get_loading (list));
  g_assert_true (herald_paged_list_get_has_more (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* The page that was in flight comes anyway: it is dropped. */
  answer (&source, 3, TRUE);
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (herald_paged_list_get_pages_loaded (list), ==, 0);

  /* Loading starts over at page 1. */
  g_assert_true (herald_paged_list_load_more (list));
  g_assert_cmpuint (g_array_index (source.pages, guint, 2), ==, 1);
  answer (&source, 1, FALSE);
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  g_clear_object (&list);
  source_clear (&source);
}

static void
test_dispose_cancels (void)
{
  Source source = { 0 };
  HeraldPagedList *list = new_list (&source);
  GCancellable *cancellable;

  herald_paged_list_load_more (list);
  cancellable = g_object_ref (g_task_get_cancellable (g_ptr_array_index (source.tasks, 0)));
  g_object_add_weak_pointer (G_OBJECT (list), (gpointer *) &list);
  g_object_unref (list);
  /* The fetch in flight does not keep the list alive. */
  g_assert_null (list);
  g_assert_true (g_cancellable_is_cancelled (cancellable));

  answer (&source, 2, TRUE);
  drain ();
  g_object_unref (cancellable);
  source_clear (&source);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paged-list/pages-in-order", test_pages_in_order);
  g_test_add_func ("/paged-list/ignored-while-loading", test_ignored_while_loading);
  g_test_add_func ("/paged-list/error-and-retry", test_error_and_retry);
  g_test_add_func ("/paged-list/reset-cancels", test_reset_cancels);
  g_test_add_func ("/paged-list/dispose-cancels", test_dispose_cancels);

  return g_test_run ();
}
