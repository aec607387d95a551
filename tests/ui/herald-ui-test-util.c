/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "herald-ui-test-util.h"
#include "herald-test-util.h"

gboolean
herald_ui_wait_until (HeraldUiCheck check,
                      gpointer      data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!check (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

void
herald_ui_drain (void)
{
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

GtkWidget *
herald_ui_find_by_name (GtkWidget  *root,
                        const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = herald_ui_find_by_name (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
herald_ui_find_by_type (GtkWidget *root,
                        GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = herald_ui_find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
herald_ui_find_button (GtkWidget  *root,
                       const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = herald_ui_find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
herald_ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

void
herald_ui_close_all_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_free);

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gpointer *slot = g_new (gpointer, 1);

      *slot = window;
      g_object_add_weak_pointer (G_OBJECT (window), slot);
      g_ptr_array_add (slots, slot);
      gtk_window_destroy (window);
    }
  herald_ui_drain ();

  for (guint i = 0; i < slots->len; i++)
    {
      gpointer *slot = g_ptr_array_index (slots, i);

      if (*slot != NULL)
        g_error ("A %s was destroyed but not finalized: something keeps a reference",
                 G_OBJECT_TYPE_NAME (*slot));
    }
}

static gboolean
slot_is_clear (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
herald_ui_assert_finalized (gpointer object)
{
  gpointer slot = object;

  g_object_add_weak_pointer (G_OBJECT (object), &slot);
  g_object_unref (object);
  if (!herald_ui_wait_until (slot_is_clear, &slot))
    g_error ("A %s is still alive: something keeps a reference", G_OBJECT_TYPE_NAME (slot));
}

void
herald_ui_watch (gpointer  object,
                 gpointer *slot)
{
  *slot = object;
  g_object_add_weak_pointer (G_OBJECT (object), slot);
}

gboolean
herald_ui_wait_finalized (gpointer *slot)
{
  return herald_ui_wait_until (slot_is_clear, slot);
}

void
herald_ui_screenshot (GtkWidget  *window,
                      const char *name)
{
  const char *dir = g_getenv ("HERALD_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  int width = 0, height = 0;

  if (dir == NULL)
    return;

  /* A window just shown may not have drawn its first frame yet. */
  for (int attempt = 0; attempt < 100 && node == NULL; attempt++)
    {
      herald_ui_drain ();
      g_usleep (10000);
      width = gtk_widget_get_width (window);
      height = gtk_widget_get_height (window);
      g_clear_object (&paintable);
      paintable = gtk_widget_paintable_new (window);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  if (node == NULL)
    return;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
}

HeraldSession *
herald_ui_session_new (const char *dir)
{
  static guint serial;
  g_autofree char *path = g_strdup_printf ("%s/herald-%u.db", dir, ++serial);
  g_autoptr(HeraldDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;
  HeraldSession *session;

  database = herald_database_open (path, &error);
  g_assert_no_error (error);
  session = herald_session_new (database);
  herald_session_load_async (session, NULL, herald_test_async_done, &res);
  g_assert_true (herald_session_load_finish (session, herald_test_wait (&res), &error));
  g_assert_no_error (error);
  g_clear_object (&res);

  return session;
}
