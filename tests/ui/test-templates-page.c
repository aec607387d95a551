/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The Templates page under Xvfb, in a window of its own with a
 * HeraldSession over a temporary database: a variable no contact has is
 * flagged as it is typed (highlighted apart, named with its line), a valid
 * template previews with a chosen contact's values and its SMS analysis,
 * and templates are saved, listed, reopened and deleted. */
#define G_LOG_DOMAIN "test-templates-page"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "herald-templates-page.h"
#include "herald-test-util.h"
#include "herald-ui-test-util.h"

static char *db_dir;

static HeraldSession *
new_session (void)
{
  return herald_ui_session_new (db_dir);
}

/* Ama (loyalty_tier gold) and Kofi (no tier). */
static void
add_contacts (HeraldSession *session)
{
  g_autoptr(HeraldContactStore) store = herald_contact_store_new (herald_session_get_database (session));
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;
  HeraldContact *ama = herald_contact_new_full ("Ama", "Mensah", "+233241234567", NULL);

  herald_contact_set_field (ama, "loyalty_tier", "gold");
  g_ptr_array_add (contacts, ama);
  g_ptr_array_add (contacts, herald_contact_new_full ("Kofi", "Annan", "+233201234567", NULL));
  herald_contact_store_import_contacts_async (store, contacts, NULL, NULL, herald_test_async_done, &res);
  import = herald_contact_store_import_finish (store, herald_test_wait (&res), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->added, ==, 2);
  g_clear_object (&res);
}

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
page_is_ready (gpointer data)
{
  return herald_templates_page_get_ready (data);
}

static HeraldTemplatesPage *
show_page (HeraldSession *session,
           int            width)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *page = herald_templates_page_new ();

  herald_templates_page_set_session (HERALD_TEMPLATES_PAGE (page), session);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
  adw_window_set_content (ADW_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (herald_ui_wait_until (window_is_mapped, window));
  /* Everything fits the width asked for: nothing scrolls sideways. */
  {
    int minimum = 0;

    gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, width);
  }
  g_assert_true (herald_ui_wait_until (page_is_ready, page));

  return HERALD_TEMPLATES_PAGE (page);
}

static GtkWidget *
get_named (GtkWidget  *root,
           const char *name)
{
  GtkWidget *widget = herald_ui_find_by_name (root, name);

  if (widget == NULL)
    g_error ("No widget named “%s” under a %s", name, G_OBJECT_TYPE_NAME (root));
  return widget;
}

static void
type_body (HeraldTemplatesPage *page,
           const char          *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (get_named (GTK_WIDGET (page), "template-body"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* Whether the body's text at @offset (characters) has the tag @name. */
static gboolean
has_tag_at (HeraldTemplatesPage *page,
            int                  offset,
            const char          *name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_named (GTK_WIDGET (page), "template-body")));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

static const char *
label_text (HeraldTemplatesPage *page,
            const char          *name)
{
  return gtk_label_get_text (GTK_LABEL (get_named (GTK_WIDGET (page), name)));
}

typedef struct
{
  HeraldTemplatesPage *page;
  const char          *name;
  const char          *text;
} LabelWait;

static gboolean
label_says (gpointer data)
{
  LabelWait *wait = data;

  return g_strcmp0 (label_text (wait->page, wait->name), wait->text) == 0;
}

static void
assert_label (HeraldTemplatesPage *page,
              const char          *name,
              const char          *text)
{
  LabelWait wait = { page, name, text };

  if (!herald_ui_wait_until (label_says, &wait))
    g_error ("“%s” says “%s”, not “%s”", name, label_text (page, name), text);
}

static void
test_unknown_variable_flagged (void)
{
  g_autoptr(HeraldSession) session = new_session ();
  HeraldTemplatesPage *page;
  GtkWidget *issues;
  const char *text;

  add_contacts (session);
  page = show_page (session, 360);
  gtk_widget_activate_action (GTK_WIDGET (page), "templates.new", NULL);
  gtk_editable_set_text (GTK_EDITABLE (get_named (GTK_WIDGET (page), "template-name")), "Promo");

  /* A known variable, a custom field some contact has, and one no contact has. */
  type_body (page, "Hi {{first_name}},\nyour tier: {{loyalty_tier}}\n{{nickname}} ok");
  issues = get_named (GTK_WIDGET (page), "template-issues");
  g_assert_true (gtk_widget_get_visible (issues));
  text = gtk_label_get_text (GTK_LABEL (issues));
  g_assert_nonnull (strstr (text, "Line 3: {{nickname}} is not a field of any contact"));
  g_assert_null (strstr (text, "first_name"));
  g_assert_null (strstr (text, "loyalty_tier"));
  /* Highlighted: known ones as variables, the unknown one apart. */
  g_assert_true (has_tag_at (page, 3, "variable"));
  g_assert_false (has_tag_at (page, 3, "unknown"));
  g_assert_true (has_tag_at (page, (int) g_utf8_strlen ("Hi {{first_name}},\nyour tier: {{", -1), "variable"));
  g_assert_true (has_tag_at (page, (int) g_utf8_strlen ("Hi {{first_name}},\nyour tier: {{loyalty_tier}}\n{{n", -1),
                             "unknown"));
  g_assert_false (has_tag_at (page, 0, "variable"));
  g_assert_true (strstr (label_text (page, "template-variables"), "{{loyalty_tier}}") != NULL);
  herald_ui_screenshot (gtk_widget_get_ancestor (GTK_WIDGET (page), GTK_TYPE_WINDOW), "templates-unknown");

  /* A fallback makes it fine. */
  type_body (page, "Hi {{first_name}}, {{nickname|friend}}");
  g_assert_false (gtk_widget_get_visible (issues));

  /* A malformed placeholder is named with its place. */
  type_body (page, "Hi {{first_name");
  g_assert_true (gtk_widget_get_visible (issues));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (issues)), "Line 1, column 4:"));
  g_assert_false (gtk_widget_is_sensitive (get_named (GTK_WIDGET (page), "save-template")));

  herald_ui_close_all_windows ();
}

static void
test_preview_with_contact (void)
{
  g_autoptr(HeraldSession) session = new_session ();
  HeraldTemplatesPage *page;
  GtkDropDown *contacts;
  GtkWidget *row;

  add_contacts (session);
  page = show_page (session, 360);
  gtk_widget_activate_action (GTK_WIDGET (page), "templates.new", NULL);
  gtk_editable_set_text (GTK_EDITABLE (get_named (GTK_WIDGET (page), "template-name")), "Promo");
  type_body (page, "Hello {{first_name}}, your tier is {{loyalty_tier|standard}}.");
  g_assert_false (gtk_widget_get_visible (get_named (GTK_WIDGET (page), "template-issues")));

  /* Ama, first in name order, has a tier. */
  contacts = GTK_DROP_DOWN (get_named (GTK_WIDGET (page), "preview-contact"));
  gtk_drop_down_set_selected (contacts, 0);
  assert_label (page, "preview", "Hello Ama, your tier is gold.");
  assert_label (page, "encoding", "GSM-7");
  assert_label (page, "characters", "29 characters");
  assert_label (page, "parts", "1 part");
  herald_ui_screenshot (gtk_widget_get_ancestor (GTK_WIDGET (page), GTK_TYPE_WINDOW), "templates");

  /* Kofi has none: the fallback. */
  gtk_drop_down_set_selected (contacts, 1);
  assert_label (page, "preview", "Hello Kofi, your tier is standard.");

  /* The analysis follows the contact's message: UCS-2 with a name that needs it. */
  type_body (page, "Hello {{first_name}} ✓");
  assert_label (page, "preview", "Hello Kofi ✓");
  assert_label (page, "encoding", "UCS-2");

  /* Saved, it is in the list; reopened, it is in the editor again. */
  type_body (page, "Hello {{first_name}}");
  gtk_widget_activate_action (GTK_WIDGET (page), "templates.save", NULL);
  row = NULL;
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while ((row = herald_ui_find_by_name (GTK_WIDGET (page), "template-row")) == NULL &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Promo");

  gtk_widget_activate_action (GTK_WIDGET (page), "templates.new", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (GTK_WIDGET (page), "template-name"))), ==, "");
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (GTK_WIDGET (page), "template-name"))), ==, "Promo");
  assert_label (page, "preview", "Hello Kofi");

  herald_ui_close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  db_dir = g_dir_make_tmp ("herald-templates-page-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/templates-page/unknown-variable-flagged", test_unknown_variable_flagged);
  g_test_add_func ("/templates-page/preview-with-contact", test_preview_with_contact);

  ret = g_test_run ();
  g_free (db_dir);
  return ret;
}
