/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The Contacts page under Xvfb, in a window of its own with a HeraldSession
 * over a temporary database, driven through its widgets (found by their
 * names; each also has an accessible name): the import assistant with a bad
 * row in the file, the search, add / edit / delete, and the opt-out badge
 * and list. Every window closed is finalized. */
#define G_LOG_DOMAIN "test-contacts-page"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "herald-contact-dialog.h"
#include "herald-contact-import-dialog.h"
#include "herald-contacts-page.h"
#include "herald-optout-dialog.h"
#include "herald-test-util.h"
#include "herald-ui-test-util.h"

static char *db_dir;

/* ---- fixtures ------------------------------------------------------------ */

static HeraldSession *
new_session (void)
{
  return herald_ui_session_new (db_dir);
}

static void
add_contacts (HeraldContactStore *store,
              ...)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;
  const char *first;
  va_list args;

  va_start (args, store);
  while ((first = va_arg (args, const char *)) != NULL)
    {
      const char *last = va_arg (args, const char *);
      const char *phone = va_arg (args, const char *);

      g_ptr_array_add (contacts, herald_contact_new_full (first, last, phone, NULL));
    }
  va_end (args);

  herald_contact_store_import_contacts_async (store, contacts, NULL, NULL, herald_test_async_done, &res);
  import = herald_contact_store_import_finish (store, herald_test_wait (&res), &error);
  g_assert_no_error (error);
  g_clear_object (&res);
}

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static HeraldContactsPage *
show_page (HeraldSession *session,
           int            width)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *page = herald_contacts_page_new ();

  herald_contacts_page_set_session (HERALD_CONTACTS_PAGE (page), session);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 640);
  adw_window_set_content (ADW_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (herald_ui_wait_until (window_is_mapped, window));
  /* Everything fits the width asked for: nothing scrolls sideways. */
  {
    int minimum = 0;

    gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, width);
  }

  return HERALD_CONTACTS_PAGE (page);
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

/* ---- the rows the list draws --------------------------------------------- */

/* The drawn row (a "contact-row") whose "phone" label says @phone. */
static GtkWidget *
find_contact_row (GtkWidget  *widget,
                  const char *phone)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), "contact-row") == 0 && gtk_widget_get_mapped (widget))
    {
      GtkWidget *label = herald_ui_find_by_name (widget, "phone");

      if (label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), phone) == 0)
        return widget;
      return NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_contact_row (child, phone);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  HeraldContactsPage *page;
  const char         *phone;
  const char         *title;     /* NULL: any */
  int                 badge;     /* -1: any, else whether the badge shows */
  gboolean            shown;     /* whether the row must be there */
} RowWait;

static gboolean
row_is (gpointer data)
{
  RowWait *wait = data;
  GtkWidget *row = find_contact_row (GTK_WIDGET (wait->page), wait->phone);
  GtkWidget *title, *badge;

  if (row == NULL)
    return !wait->shown;
  if (!wait->shown)
    return FALSE;
  title = get_named (row, "title");
  badge = get_named (row, "optout-badge");
  if (wait->title != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (title)), wait->title) != 0)
    return FALSE;
  if (wait->badge >= 0 && gtk_widget_get_visible (badge) != (gboolean) wait->badge)
    return FALSE;
  return TRUE;
}

static void
assert_row (HeraldContactsPage *page,
            const char         *phone,
            const char         *title,
            int                 badge)
{
  RowWait wait = { page, phone, title, badge, TRUE };

  if (!herald_ui_wait_until (row_is, &wait))
    g_error ("The list does not show %s as “%s” (badge %d)", phone, title, badge);
}

static void
assert_no_row (HeraldContactsPage *page,
               const char         *phone)
{
  RowWait wait = { page, phone, NULL, -1, FALSE };

  if (!herald_ui_wait_until (row_is, &wait))
    g_error ("The list still shows %s", phone);
}

typedef struct
{
  HeraldContactsPage *page;
  guint               n;
} CountWait;

static gboolean
model_has (gpointer data)
{
  CountWait *wait = data;
  HeraldContactListModel *model = herald_contacts_page_get_model (wait->page);

  return !herald_contact_list_model_get_loading (model) &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) == wait->n;
}

static void
assert_count (HeraldContactsPage *page,
              guint               n)
{
  CountWait wait = { page, n };

  if (!herald_ui_wait_until (model_has, &wait))
    g_error ("The list has %u contacts, not %u",
             g_list_model_get_n_items (G_LIST_MODEL (herald_contacts_page_get_model (page))), n);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
has_toplevel (gpointer data)
{
  return herald_ui_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static GtkWidget *
wait_toplevel (GType type)
{
  g_assert_true (herald_ui_wait_until (has_toplevel, GSIZE_TO_POINTER (type)));
  return herald_ui_find_toplevel (type);
}

/* ---- import -------------------------------------------------------------- */

typedef struct
{
  HeraldContactImportDialog *dialog;
  const char                *step;
} StepWait;

static gboolean
step_is (gpointer data)
{
  StepWait *wait = data;

  return g_strcmp0 (herald_contact_import_dialog_get_step (wait->dialog), wait->step) == 0;
}

static void
wait_step (HeraldContactImportDialog *dialog,
           const char                *step)
{
  StepWait wait = { dialog, step };

  if (!herald_ui_wait_until (step_is, &wait))
    g_error ("The import assistant shows “%s”, not “%s”", herald_contact_import_dialog_get_step (dialog), step);
}

/* The rows of the report (AdwActionRows named "report-row") under @group,
 * as "title: subtitle". */
static GPtrArray *
report_rows (GtkWidget *widget,
             GPtrArray *rows)
{
  if (rows == NULL)
    rows = g_ptr_array_new_with_free_func (g_free);
  if (ADW_IS_ACTION_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), "report-row") == 0)
    g_ptr_array_add (rows, g_strdup_printf ("%s: %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                                            adw_action_row_get_subtitle (ADW_ACTION_ROW (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    report_rows (child, rows);
  return rows;
}

static void
test_import_with_bad_row (void)
{
  g_autoptr(HeraldSession) session = new_session ();
  g_autofree char *path = g_build_filename (db_dir, "customers.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  HeraldContactsPage *page;
  HeraldContactImportDialog *dialog;
  GtkWidget *phone_column;
  const char *summary;

  /* Line 3 has no usable number; line 5 repeats line 2's. */
  g_file_set_contents (path,
                       "First Name,Last Name,Mobile,Loyalty Tier\n"
                       "Ama,Mensah,+233 24 123 4567,gold\n"
                       "Kofi,Broken,12,silver\n"
                       "Yaw,Boateng,+233201234567,\n"
                       "Ama,Again,+233241234567,gold\n",
                       -1, &error);
  g_assert_no_error (error);

  page = show_page (session, 480);
  assert_count (page, 0);
  g_assert_true (gtk_widget_get_mapped (get_named (GTK_WIDGET (page), "empty")));

  herald_contacts_page_import_file (page, file);
  dialog = HERALD_CONTACT_IMPORT_DIALOG (wait_toplevel (HERALD_TYPE_CONTACT_IMPORT_DIALOG));

  /* The columns, as guessed from the header, with the first rows. */
  wait_step (dialog, "mapping");
  phone_column = get_named (GTK_WIDGET (dialog), "column-3");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (phone_column)), ==, "Mobile");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (phone_column)), ==, HERALD_CONTACT_ROLE_PHONE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (get_named (GTK_WIDGET (dialog), "column-4"))), ==,
                    HERALD_CONTACT_ROLE_CUSTOM);
  herald_ui_screenshot (GTK_WIDGET (dialog), "contacts-import-mapping");

  /* The report: the bad row with its line and reason, the repeat. */
  click (get_named (GTK_WIDGET (dialog), "next"));
  wait_step (dialog, "report");
  summary = gtk_label_get_text (GTK_LABEL (get_named (GTK_WIDGET (dialog), "report-summary")));
  g_assert_nonnull (strstr (summary, "2 contacts can be imported"));
  g_assert_nonnull (strstr (summary, "2 rows will be skipped"));
  rows = report_rows (GTK_WIDGET (dialog), NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (rows, 0), "Line 3: "));
  g_assert_nonnull (strstr (g_ptr_array_index (rows, 0), "“12”"));
  g_assert_cmpstr (g_ptr_array_index (rows, 1), ==, "Line 5: +233241234567 is on line 2 already");
  /* Nothing is saved before the person says so. */
  assert_count (page, 0);
  herald_ui_screenshot (GTK_WIDGET (dialog), "contacts-import-report");

  /* Import: the two good rows are in the list. */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_named (GTK_WIDGET (dialog), "next"))), ==,
                   "_Import 2 Contacts");
  click (get_named (GTK_WIDGET (dialog), "next"));
  wait_step (dialog, "done");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (get_named (GTK_WIDGET (dialog),
                                                                                           "import-done"))),
                            "2 contacts added"));
  click (get_named (GTK_WIDGET (dialog), "next"));

  assert_count (page, 2);
  assert_row (page, "+233241234567", "Ama Mensah", FALSE);
  assert_row (page, "+233201234567", "Yaw Boateng", FALSE);
  assert_no_row (page, "12");
  herald_ui_screenshot (gtk_widget_get_ancestor (GTK_WIDGET (page), GTK_TYPE_WINDOW), "contacts");

  herald_ui_close_all_windows ();
}

static gboolean
has_two_groups (gpointer data)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (data)) == 2;
}

/* A file without a phone column says so on the mapping step, and choosing
 * the column there lets it through. */
static void
test_import_choose_phone_column (void)
{
  g_autoptr(HeraldSession) session = new_session ();
  g_autofree char *path = g_build_filename (db_dir, "no-phone.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HeraldContactsPage *page;
  HeraldContactImportDialog *dialog;
  GtkWidget *error_label;
  GtkDropDown *group;

  g_file_set_contents (path, "Name,Contact\nEsi Owusu,+233271234567\n", -1, &error);
  g_assert_no_error (error);

  page = show_page (session, 480);
  herald_contacts_page_import_file (page, file);
  dialog = HERALD_CONTACT_IMPORT_DIALOG (wait_toplevel (HERALD_TYPE_CONTACT_IMPORT_DIALOG));
  wait_step (dialog, "mapping");
  click (get_named (GTK_WIDGET (dialog), "next"));
  wait_step (dialog, "loading");
  wait_step (dialog, "mapping");
  error_label = get_named (GTK_WIDGET (dialog), "mapping-error");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "phone"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (get_named (GTK_WIDGET (dialog), "column-2")), HERALD_CONTACT_ROLE_PHONE);
  g_assert_false (gtk_widget_get_visible (error_label));
  gtk_editable_set_text (GTK_EDITABLE (get_named (GTK_WIDGET (dialog), "import-group")), "VIP");
  click (get_named (GTK_WIDGET (dialog), "next"));
  wait_step (dialog, "report");
  click (get_named (GTK_WIDGET (dialog), "next"));
  wait_step (dialog, "done");
  assert_row (page, "+233271234567", "Esi Owusu", FALSE);

  /* The group the import made is in the filter, and filters. */
  add_contacts (herald_contacts_page_get_store (page), "Kofi", "Annan", "+233201234567", NULL);
  assert_count (page, 2);
  group = GTK_DROP_DOWN (get_named (GTK_WIDGET (page), "group"));
  g_assert_true (herald_ui_wait_until (has_two_groups, group));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (group)), 1), ==, "VIP");
  gtk_drop_down_set_selected (group, 1);
  assert_count (page, 1);
  assert_row (page, "+233271234567", "Esi Owusu", FALSE);
  assert_no_row (page, "+233201234567");
  gtk_drop_down_set_selected (group, 0);
  assert_count (page, 2);

  herald_ui_close_all_windows ();
}

/* ---- search -------------------------------------------------------------- */

static void
test_search (void)
{
  g_autoptr(HeraldSession) session = new_session ();
  HeraldContactsPage *page = show_page (session, 360);
  GtkWidget *search;

  add_contacts (herald_contacts_page_get_store (page),
                "Ama", "Mensah", "+233241234567",
                "Kofi", "Annan", "+233201234567",
                "Akosua", "Mensah", "+233271111111",
                NULL);
  assert_count (page, 3);

  search = get_named (GTK_WIDGET (page), "search");
  gtk_editable_set_text (GTK_EDITABLE (search), "mensah");
  assert_count (page, 2);
  assert_row (page, "+233241234567", "Ama Mensah", -1);
  assert_row (page, "+233271111111", "Akosua Mensah", -1);
  assert_no_row (page, "+233201234567");

  /* A national number finds the international one. */
  gtk_editable_set_text (GTK_EDITABLE (search), "020 123");
  assert_count (page, 1);
  assert_row (page, "+233201234567", "Kofi Annan", -1);

  gtk_editable_set_text (GTK_EDITABLE (search), "nobody");
  assert_count (page, 0);
  g_assert_true (herald_ui_wait_until ((HeraldUiCheck) gtk_widget_get_mapped, get_named (GTK_WIDGET (page), "empty")));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (get_named (GTK_WIDGET (page), "empty"))), ==,
                   "No Contacts Found");

  gtk_editable_set_text (GTK_EDITABLE (search), "");
  assert_count (page, 3);

  herald_ui_close_all_windows ();
}

/* ---- add, edit, delete --------------------------------------------------- */

static gboolean
is_gone (gpointer data)
{
  return herald_ui_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

/* The position of @phone in the page's list. */
static guint
position_of (HeraldContactsPage *page,
             const char         *phone)
{
  GListModel *model = G_LIST_MODEL (herald_contacts_page_get_model (page));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HeraldContact) contact = g_list_model_get_item (model, i);

      if (g_strcmp0 (herald_contact_get_phone (contact), phone) == 0)
        return i;
    }

  g_error ("%s is not in the list", phone);
}

static void
test_add_edit_delete (void)
{
  g_autoptr(HeraldSession) session = new_session ();
  HeraldContactsPage *page = show_page (session, 360);
  GtkWidget *dialog;
  GtkWidget *phone, *save, *error_label;
  AdwMessageDialog *confirm;

  assert_count (page, 0);

  /* Add: a number that is not one says so, and Save waits for a good one. */
  gtk_widget_activate_action (GTK_WIDGET (page), "contacts.add", NULL);
  dialog = wait_toplevel (HERALD_TYPE_CONTACT_DIALOG);
  phone = get_named (dialog, "phone");
  save = get_named (dialog, "save");
  error_label = get_named (dialog, "error");
  gtk_editable_set_text (GTK_EDITABLE (get_named (dialog, "first-name")), "Esi");
  gtk_editable_set_text (GTK_EDITABLE (get_named (dialog, "last-name")), "Owusu");
  gtk_editable_set_text (GTK_EDITABLE (phone), "12ab");
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "is not a phone number"));
  gtk_editable_set_text (GTK_EDITABLE (phone), "+233 27 222 3333");
  g_assert_false (gtk_widget_get_visible (error_label));
  herald_ui_screenshot (dialog, "contacts-dialog");
  click (save);
  g_assert_true (herald_ui_wait_until (is_gone, GSIZE_TO_POINTER (HERALD_TYPE_CONTACT_DIALOG)));
  assert_count (page, 1);
  assert_row (page, "+233272223333", "Esi Owusu", FALSE);

  /* A second contact with that number is refused, with the reason. */
  gtk_widget_activate_action (GTK_WIDGET (page), "contacts.add", NULL);
  dialog = wait_toplevel (HERALD_TYPE_CONTACT_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (get_named (dialog, "phone")), "+233272223333");
  click (get_named (dialog, "save"));
  g_assert_true (herald_ui_wait_until ((HeraldUiCheck) gtk_widget_get_visible, get_named (dialog, "error")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (get_named (dialog, "error"))), "has this number already"));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (herald_ui_wait_until (is_gone, GSIZE_TO_POINTER (HERALD_TYPE_CONTACT_DIALOG)));

  /* Edit: a click on the row opens it with its values. */
  g_signal_emit_by_name (get_named (GTK_WIDGET (page), "contact-list"), "activate",
                         position_of (page, "+233272223333"));
  dialog = wait_toplevel (HERALD_TYPE_CONTACT_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (dialog, "first-name"))), ==, "Esi");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (dialog, "phone"))), ==, "+233272223333");
  gtk_editable_set_text (GTK_EDITABLE (get_named (dialog, "first-name")), "Esther");
  click (get_named (dialog, "save"));
  g_assert_true (herald_ui_wait_until (is_gone, GSIZE_TO_POINTER (HERALD_TYPE_CONTACT_DIALOG)));
  assert_row (page, "+233272223333", "Esther Owusu", FALSE);
  assert_count (page, 1);

  /* Delete, after a confirmation. */
  g_signal_emit_by_name (get_named (GTK_WIDGET (page), "contact-list"), "activate",
                         position_of (page, "+233272223333"));
  dialog = wait_toplevel (HERALD_TYPE_CONTACT_DIALOG);
  click (get_named (dialog, "delete"));
  confirm = ADW_MESSAGE_DIALOG (wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (confirm, "delete");
  g_assert_true (herald_ui_wait_until (is_gone, GSIZE_TO_POINTER (HERALD_TYPE_CONTACT_DIALOG)));
  assert_count (page, 0);
  assert_no_row (page, "+233272223333");

  herald_ui_close_all_windows ();
}

/* ---- opt-outs ------------------------------------------------------------ */

static GtkWidget *
find_optout_row (GtkWidget  *widget,
                 const char *phone)
{
  if (ADW_IS_ACTION_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), "optout-row") == 0 &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), phone) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_optout_row (child, phone);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *dialog;
  const char *phone;
  gboolean    shown;
} OptoutWait;

static gboolean
optout_listed (gpointer data)
{
  OptoutWait *wait = data;

  return (find_optout_row (wait->dialog, wait->phone) != NULL) == wait->shown;
}

static void
test_optouts (void)
{
  g_autoptr(HeraldSession) session = new_session ();
  HeraldContactsPage *page = show_page (session, 360);
  g_autofree char *path = g_build_filename (db_dir, "stop.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *summary;
  OptoutWait wait;
  GtkWidget *dialog, *entry, *row;

  add_contacts (herald_contacts_page_get_store (page),
                "Ama", "Mensah", "+233241234567",
                "Kofi", "Annan", "+233201234567",
                NULL);
  assert_row (page, "+233241234567", "Ama Mensah", FALSE);
  assert_row (page, "+233201234567", "Kofi Annan", FALSE);

  /* Opting a number out in the list puts the badge on its contact. */
  gtk_widget_activate_action (GTK_WIDGET (page), "contacts.optouts", NULL);
  dialog = wait_toplevel (HERALD_TYPE_OPTOUT_DIALOG);
  entry = get_named (dialog, "add-optout");
  gtk_editable_set_text (GTK_EDITABLE (entry), "not a number");
  g_signal_emit_by_name (entry, "apply");
  g_assert_true (gtk_widget_get_visible (get_named (dialog, "error")));
  gtk_editable_set_text (GTK_EDITABLE (entry), "+233 20 123 4567");
  g_signal_emit_by_name (entry, "apply");
  wait = (OptoutWait) { dialog, "+233201234567", TRUE };
  g_assert_true (herald_ui_wait_until (optout_listed, &wait));
  g_assert_false (gtk_widget_get_visible (get_named (dialog, "error")));
  assert_row (page, "+233201234567", "Kofi Annan", TRUE);
  assert_row (page, "+233241234567", "Ama Mensah", FALSE);
  herald_ui_screenshot (dialog, "contacts-optouts");

  /* Removing it takes the badge away. */
  row = find_optout_row (dialog, "+233201234567");
  click (get_named (row, "remove-optout"));
  wait.shown = FALSE;
  g_assert_true (herald_ui_wait_until (optout_listed, &wait));
  assert_row (page, "+233201234567", "Kofi Annan", FALSE);

  /* A file of numbers, one of them not a number. */
  g_file_set_contents (path, "+233241234567\nhello\n+233209990000\n", -1, &error);
  g_assert_no_error (error);
  herald_optout_dialog_import_file (HERALD_OPTOUT_DIALOG (dialog), file);
  wait = (OptoutWait) { dialog, "+233209990000", TRUE };
  g_assert_true (herald_ui_wait_until (optout_listed, &wait));
  summary = gtk_label_get_text (GTK_LABEL (get_named (dialog, "import-summary")));
  g_assert_true (g_str_has_prefix (summary, "2 numbers added, 0 opted out already. 1 entry is not a number:"));
  g_assert_nonnull (strstr (summary, "hello"));
  assert_row (page, "+233241234567", "Ama Mensah", TRUE);

  herald_ui_close_all_windows ();
}

/* A page that opens on an opt-out made elsewhere shows its badge. */
static void
test_optout_badge_at_start (void)
{
  g_autoptr(HeraldSession) session = new_session ();
  g_autoptr(HeraldOptoutStore) optouts = herald_optout_store_new (herald_session_get_database (session));
  g_autoptr(HeraldContactStore) store = herald_contact_store_new (herald_session_get_database (session));
  const char *phones[] = { "+233241234567", NULL };
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;
  HeraldContactsPage *page;

  add_contacts (store, "Ama", "Mensah", "+233241234567", "Kofi", "Annan", "+233201234567", NULL);
  herald_optout_store_add_async (optouts, phones, "keyword", NULL, "STOP", NULL, herald_test_async_done, &res);
  g_assert_cmpuint (herald_optout_store_change_finish (optouts, herald_test_wait (&res), &error), ==, 1);
  g_assert_no_error (error);
  g_clear_object (&res);

  page = show_page (session, 360);
  assert_row (page, "+233241234567", "Ama Mensah", TRUE);
  assert_row (page, "+233201234567", "Kofi Annan", FALSE);

  herald_ui_close_all_windows ();
}

/* ---- many contacts ------------------------------------------------------- */

typedef struct
{
  HeraldContactsPage *page;
  GtkScrolledWindow  *scrolled;
  const char         *phone;
} ScrollWait;

static gboolean
scrolled_to_the_end (gpointer data)
{
  ScrollWait *wait = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (wait->scrolled);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  return find_contact_row (GTK_WIDGET (wait->page), wait->phone) != NULL;
}

/* The list holds objects for the rows looked at, not for every contact:
 * scrolled from the top to the end of 5,000, it still has a few pages. */
static void
test_many_contacts_stay_lazy (void)
{
  g_autoptr(HeraldSession) session = new_session ();
  g_autoptr(HeraldContactStore) store = herald_contact_store_new (herald_session_get_database (session));
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;
  HeraldContactsPage *page;
  HeraldContactListModel *model;
  ScrollWait wait;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *first = g_strdup_printf ("Customer %04u", i);
      g_autofree char *phone = g_strdup_printf ("+23324%07u", 1000000 + i);

      g_ptr_array_add (contacts, herald_contact_new_full (first, NULL, phone, NULL));
    }
  herald_contact_store_import_contacts_async (store, contacts, NULL, NULL, herald_test_async_done, &res);
  import = herald_contact_store_import_finish (store, herald_test_wait (&res), &error);
  g_assert_no_error (error);
  g_clear_object (&res);

  page = show_page (session, 360);
  assert_count (page, 5000);
  assert_row (page, "+233241000000", "Customer 0000", FALSE);

  wait.page = page;
  wait.scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (get_named (GTK_WIDGET (page), "contact-list")));
  wait.phone = "+233241004999";
  g_assert_true (herald_ui_wait_until (scrolled_to_the_end, &wait));
  assert_row (page, "+233241004999", "Customer 4999", FALSE);

  model = herald_contacts_page_get_model (page);
  g_assert_cmpuint (herald_contact_list_model_get_n_cached (model), <, 1000);

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

  db_dir = g_dir_make_tmp ("herald-contacts-page-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/contacts-page/import-with-bad-row", test_import_with_bad_row);
  g_test_add_func ("/contacts-page/import-choose-phone-column", test_import_choose_phone_column);
  g_test_add_func ("/contacts-page/search", test_search);
  g_test_add_func ("/contacts-page/add-edit-delete", test_add_edit_delete);
  g_test_add_func ("/contacts-page/optouts", test_optouts);
  g_test_add_func ("/contacts-page/optout-badge-at-start", test_optout_badge_at_start);
  g_test_add_func ("/contacts-page/many-contacts-stay-lazy", test_many_contacts_stay_lazy);

  ret = g_test_run ();
  g_free (db_dir);
  return ret;
}
