/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-list-util"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-list-util.h"

gboolean
herald_list_util_read_dates (GtkEditable  *since_entry,
                             GtkEditable  *until_entry,
                             GDateTime   **since,
                             GDateTime   **until,
                             GError      **error)
{
  GtkEditable *entries[] = { since_entry, until_entry };
  GDateTime **values[] = { since, until };
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (herald_date_input_parse (gtk_editable_get_text (entries[i]), NULL, i == 1, values[i], &local_error))
        {
          gtk_widget_remove_css_class (GTK_WIDGET (entries[i]), "error");
          continue;
        }
      gtk_widget_add_css_class (GTK_WIDGET (entries[i]), "error");
      if (ok)
        g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }

  if (!ok)
    {
      g_clear_pointer (since, g_date_time_unref);
      g_clear_pointer (until, g_date_time_unref);
    }

  return ok;
}

char *
herald_list_util_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *name,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);

  return label;
}

GtkWidget *
herald_list_util_row_new (void)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title, *time, *body;

  gtk_widget_set_margin_top (row, 9);
  gtk_widget_set_margin_bottom (row, 9);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_box_append (GTK_BOX (row), header);

  title = add_label (header, "title", "heading");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  time = add_label (header, "time", "dim-label");
  gtk_widget_add_css_class (time, "caption");

  body = add_label (row, "body", NULL);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (body), 4);
  gtk_label_set_ellipsize (GTK_LABEL (body), PANGO_ELLIPSIZE_END);

  add_label (row, "caption", "dim-label");
  gtk_widget_add_css_class (gtk_widget_get_last_child (row), "caption");

  return row;
}

void
herald_list_util_row_set (GtkWidget  *row,
                          const char *title,
                          const char *time,
                          const char *body,
                          const char *caption)
{
  GtkWidget *header = gtk_widget_get_first_child (row);
  GtkWidget *body_label = gtk_widget_get_next_sibling (header);
  GtkWidget *caption_label = gtk_widget_get_next_sibling (body_label);
  g_autofree char *summary = NULL;

  title = title != NULL ? title : "";
  time = time != NULL ? time : "";
  body = body != NULL ? body : "";
  caption = caption != NULL ? caption : "";

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (header)), title);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (header)), time);
  gtk_label_set_text (GTK_LABEL (body_label), body);
  gtk_widget_set_visible (body_label, *body != '\0');
  gtk_label_set_text (GTK_LABEL (caption_label), caption);
  gtk_widget_set_visible (caption_label, *caption != '\0');

  /* TRANSLATORS: a list row read out by a screen reader: title, time, text */
  summary = g_strdup_printf (_("%s, %s: %s"), title, time, body);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                  -1);
}
