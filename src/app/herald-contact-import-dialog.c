/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-contact-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-contact-import-dialog.h"

#define PREVIEW_ROWS 5
/* Rows listed in the report; the rest are counted. */
#define REPORT_ROWS  200

struct _HeraldContactImportDialog
{
  AdwWindow                  parent_instance;

  HeraldContactStore        *store;
  GFile                     *file;
  char                      *region;
  GCancellable              *cancellable;
  HeraldContactFilePreview  *preview;
  HeraldContactImportReport *report;
  GPtrArray                 *role_rows;      /* AdwComboRow, one a column */
  GPtrArray                 *report_rows;    /* (element-type GtkWidget) rows added to the report's groups */
  gboolean                   filling;

  AdwWindowTitle            *window_title;
  GtkButton                 *cancel_button;
  GtkButton                 *next_button;
  GtkStack                  *steps;
  GtkSpinner                *spinner;
  GtkLabel                  *loading_label;
  GtkLabel                  *mapping_error_label;
  AdwPreferencesGroup       *columns_group;
  AdwPreferencesGroup       *preview_group;
  AdwEntryRow               *group_row;
  GtkLabel                  *report_label;
  AdwPreferencesGroup       *invalid_group;
  AdwPreferencesGroup       *duplicates_group;
  AdwStatusPage             *done_page;
  AdwStatusPage             *error_page;
};

G_DEFINE_FINAL_TYPE (HeraldContactImportDialog, herald_contact_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* In the order of HeraldContactRole. */
static const char *role_names[] = {
  N_("Ignore"),
  N_("Phone Number"),
  N_("First Name"),
  N_("Last Name"),
  N_("Full Name"),
  N_("E-mail"),
  N_("Custom Field"),
};

static void
show_step (HeraldContactImportDialog *self,
           const char                *step,
           const char                *next_label)
{
  gboolean loading = g_strcmp0 (step, "loading") == 0;

  gtk_stack_set_visible_child_name (self->steps, step);
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), next_label != NULL);
  if (next_label != NULL)
    gtk_button_set_label (self->next_button, next_label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), !loading);
  /* Once imported, there is nothing left to cancel. */
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), g_strcmp0 (step, "done") != 0);
}

static void
show_loading (HeraldContactImportDialog *self,
              const char                *what)
{
  gtk_label_set_text (self->loading_label, what);
  show_step (self, "loading", NULL);
}

static void
show_failure (HeraldContactImportDialog *self,
              const GError              *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  show_step (self, "error", _("_Close"));
}

/* ---- the columns --------------------------------------------------------- */

static char *
column_samples (HeraldContactImportDialog *self,
                guint                      column)
{
  g_autoptr(GString) samples = g_string_new (NULL);

  for (guint i = 0; i < self->preview->rows->len && i < 3; i++)
    {
      GStrv row = g_ptr_array_index (self->preview->rows, i);

      if (column >= g_strv_length (row) || *row[column] == '\0')
        continue;
      if (samples->len > 0)
        g_string_append (samples, ", ");
      g_string_append (samples, row[column]);
    }

  return g_string_free (g_steal_pointer (&samples), FALSE);
}

/* The rows say what the mapping holds (one role moved may have turned
 * another column into a custom field). */
static void
sync_role_rows (HeraldContactImportDialog *self)
{
  HeraldContactMapping *mapping = self->preview->mapping;

  self->filling = TRUE;
  for (guint i = 0; i < self->role_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->role_rows, i);
      HeraldContactRole role = herald_contact_mapping_get_role (mapping, i);
      const char *key = herald_contact_mapping_get_key (mapping, i);
      g_autofree char *samples = column_samples (self, i);
      g_autofree char *subtitle = NULL;

      adw_combo_row_set_selected (row, role);
      if (role == HERALD_CONTACT_ROLE_CUSTOM && key != NULL)
        subtitle = *samples != '\0' ? g_strdup_printf (_("{{%s}} — %s"), key, samples) : g_strdup_printf ("{{%s}}", key);
      else
        subtitle = g_steal_pointer (&samples);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  self->filling = FALSE;
}

static void
role_chosen (AdwComboRow               *row,
             GParamSpec                *pspec,
             HeraldContactImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint role = adw_combo_row_get_selected (row);

  if (self->filling || role >= G_N_ELEMENTS (role_names))
    return;

  herald_contact_mapping_set_role (self->preview->mapping, column, role, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_error_label), FALSE);
  sync_role_rows (self);
}

static void
fill_mapping (HeraldContactImportDialog *self)
{
  HeraldContactMapping *mapping = self->preview->mapping;
  guint n_columns = herald_contact_mapping_get_n_columns (mapping);
  gboolean has_header = herald_contact_mapping_get_has_header (mapping);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    gtk_string_list_append (roles, _(role_names[i]));

  for (guint i = 0; i < n_columns; i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      const char *header = herald_contact_mapping_get_header (mapping, i);
      g_autofree char *title = has_header && header != NULL && *header != '\0'
                               ? g_strdup (header) : g_strdup_printf (_("Column %u"), i + 1);
      g_autofree char *name = g_strdup_printf ("column-%u", i + 1);

      gtk_widget_set_name (row, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (roles));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::selected", G_CALLBACK (role_chosen), self);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->role_rows, row);
    }
  sync_role_rows (self);

  for (guint i = 0; i < self->preview->rows->len; i++)
    {
      GStrv cells = g_ptr_array_index (self->preview->rows, i);
      g_autofree char *title = g_strdup_printf (_("Row %u"), i + 1);
      g_autofree char *values = g_strjoinv (" · ", cells);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), values);
      adw_preferences_group_add (self->preview_group, row);
    }
  if (self->preview->rows->len == 0)
    adw_preferences_group_set_description (self->preview_group, _("The file has no rows under its header."));
}

/* ---- the report ---------------------------------------------------------- */

static void
add_report_row (HeraldContactImportDialog *self,
                AdwPreferencesGroup       *group,
                const char                *title,
                const char                *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_name (row, "report-row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->report_rows, row);
}

static void
clear_report (HeraldContactImportDialog *self)
{
  for (guint i = 0; i < self->report_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->report_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->report_rows, 0);
}

static void
fill_report (HeraldContactImportDialog *self)
{
  HeraldContactImportReport *report = self->report;
  guint n_imported = herald_contact_import_report_get_n_imported (report);
  guint n_invalid = herald_contact_import_report_get_n_invalid (report);
  guint n_duplicates = herald_contact_import_report_get_n_duplicates (report);
  g_autofree char *summary = NULL;
  g_autofree char *contacts = NULL;
  g_autofree char *next = NULL;

  clear_report (self);

  contacts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact can be imported.",
                                           "%u contacts can be imported.", n_imported), n_imported);
  if (n_invalid > 0 || n_duplicates > 0)
    {
      g_autofree char *skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u row will be skipped: it is listed below with its line and the reason.",
                                                               "%u rows will be skipped: they are listed below with their lines and the reasons.",
                                                               n_invalid + n_duplicates), n_invalid + n_duplicates);
      summary = g_strdup_printf ("%s %s", contacts, skipped);
    }
  else
    summary = g_strdup_printf (_("%s Every row is valid."), contacts);
  if (n_imported == 0)
    {
      g_clear_pointer (&summary, g_free);
      summary = g_strdup (_("No row of the file has a valid phone number: fix the rows listed below, "
                            "or choose the phone column again, then import once more."));
    }
  gtk_label_set_text (self->report_label, summary);

  for (guint i = 0; i < n_invalid && i < REPORT_ROWS; i++)
    {
      const HeraldContactInvalidRow *row = herald_contact_import_report_get_invalid (report, i);
      g_autofree char *title = g_strdup_printf (_("Line %u"), row->line);
      g_autofree char *subtitle = row->input != NULL && *row->input != '\0'
                                  ? g_strdup_printf ("%s (“%s”)", row->message, row->input)
                                  : g_strdup (row->message);

      add_report_row (self, self->invalid_group, title, subtitle);
    }
  if (n_invalid > REPORT_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("And %u more rows."), n_invalid - REPORT_ROWS);
      adw_preferences_group_set_description (self->invalid_group, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->invalid_group), n_invalid > 0);

  for (guint i = 0; i < n_duplicates && i < REPORT_ROWS; i++)
    {
      const HeraldContactDuplicate *row = herald_contact_import_report_get_duplicate (report, i);
      g_autofree char *title = g_strdup_printf (_("Line %u"), row->line);
      g_autofree char *subtitle = g_strdup_printf (_("%s is on line %u already"), row->phone, row->first_line);

      add_report_row (self, self->duplicates_group, title, subtitle);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_group), n_duplicates > 0);

  next = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Contact", "_Import %u Contacts", n_imported),
                          n_imported);
  show_step (self, "report", next);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), n_imported > 0);
}

static void
validated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HeraldContactImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  HeraldContactImportReport *report;

  report = herald_contact_file_preview_validate_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (report == NULL)
    {
      /* A mapping without a phone column: the person fixes it there. */
      if (self->preview != NULL && self->preview->mapping != NULL &&
          g_error_matches (error, HERALD_CONTACT_IMPORT_ERROR, HERALD_CONTACT_IMPORT_ERROR_NO_PHONE_COLUMN))
        {
          gtk_label_set_text (self->mapping_error_label,
                              _("No column is the phone number: choose Phone Number for the column that holds them."));
          gtk_widget_set_visible (GTK_WIDGET (self->mapping_error_label), TRUE);
          show_step (self, "mapping", _("_Check"));
          return;
        }
      show_failure (self, error);
      return;
    }

  g_clear_object (&self->report);
  self->report = report;
  fill_report (self);
}

static void
validate (HeraldContactImportDialog *self)
{
  g_autoptr(HeraldContactImporter) importer = herald_contact_importer_new (self->region);
  g_autofree char *path = g_file_get_path (self->file);

  if (self->preview->mapping != NULL)
    {
      herald_contact_importer_set_mapping (importer, self->preview->mapping);
      herald_contact_importer_set_separator (importer, self->preview->separator);
    }
  show_loading (self, _("Checking every row…"));
  herald_contact_file_preview_validate_async (importer, path, self->cancellable, validated_cb, g_object_ref (self));
}

/* ---- the import ---------------------------------------------------------- */

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HeraldContactImportDialog) self = user_data;
  g_autoptr(HeraldContactStoreImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *summary = NULL;

  import = herald_contact_store_import_finish (HERALD_CONTACT_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (import == NULL)
    {
      g_autoptr(GError) shown = g_error_new (error->domain, error->code,
                                             _("Nothing was imported: %s"), error->message);
      show_failure (self, shown);
      return;
    }

  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact added", "%u contacts added", import->added),
                           import->added);
  summary = g_strdup_printf (_("%s, %u updated, %u unchanged."), added, import->updated, import->unchanged);
  adw_status_page_set_description (self->done_page, summary);
  show_step (self, "done", _("_Done"));
  g_signal_emit (self, signals [SIGNAL_IMPORTED], 0, summary);
}

static void
import (HeraldContactImportDialog *self)
{
  g_autoptr(GPtrArray) contacts = herald_contact_import_report_steal_contacts (self->report);
  g_autofree char *group = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->group_row))));

  show_loading (self, _("Importing…"));
  herald_contact_store_import_contacts_async (self->store, contacts, *group != '\0' ? group : NULL,
                                              self->cancellable, imported_cb, g_object_ref (self));
}

static void
next_clicked (HeraldContactImportDialog *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->steps);

  if (g_strcmp0 (step, "mapping") == 0)
    validate (self);
  else if (g_strcmp0 (step, "report") == 0 && self->report != NULL)
    import (self);
  else if (g_strcmp0 (step, "done") == 0 || g_strcmp0 (step, "error") == 0)
    gtk_window_close (GTK_WINDOW (self));
}

/* ---- the file ------------------------------------------------------------ */

static void
previewed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HeraldContactImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->preview = herald_contact_file_preview_read_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->preview == NULL)
    {
      show_failure (self, error);
      return;
    }

  if (self->preview->format == HERALD_CONTACT_FORMAT_VCARD)
    {
      validate (self);
      return;
    }

  fill_mapping (self);
  show_step (self, "mapping", _("_Check"));
}

const char *
herald_contact_import_dialog_get_step (HeraldContactImportDialog *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->steps);
}

static void
herald_contact_import_dialog_dispose (GObject *object)
{
  HeraldContactImportDialog *self = HERALD_CONTACT_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (herald_contact_import_dialog_parent_class)->dispose (object);
}

static void
herald_contact_import_dialog_finalize (GObject *object)
{
  HeraldContactImportDialog *self = HERALD_CONTACT_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->report);
  g_clear_pointer (&self->preview, herald_contact_file_preview_free);
  g_clear_pointer (&self->role_rows, g_ptr_array_unref);
  g_clear_pointer (&self->report_rows, g_ptr_array_unref);
  g_free (self->region);

  G_OBJECT_CLASS (herald_contact_import_dialog_parent_class)->finalize (object);
}

static void
herald_contact_import_dialog_class_init (HeraldContactImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_contact_import_dialog_dispose;
  object_class->finalize = herald_contact_import_dialog_finalize;

  /* ::imported: the summary ("3 contacts added, …") */
  signals [SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/heraldsms/Herald/herald-contact-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldContactImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactImportDialog, steps);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactImportDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactImportDialog, mapping_error_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactImportDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactImportDialog, report_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactImportDialog, invalid_group);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactImportDialog, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactImportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactImportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
herald_contact_import_dialog_init (HeraldContactImportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->role_rows = g_ptr_array_new ();
  self->report_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
herald_contact_import_dialog_new (HeraldContactStore *store,
                                  GFile              *file,
                                  const char         *region,
                                  GtkWindow          *parent)
{
  HeraldContactImportDialog *self;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (HERALD_IS_CONTACT_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (HERALD_TYPE_CONTACT_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  self->region = g_strdup (region);
  basename = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, basename);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("Herald reads local files only: copy the file to your computer first."));
      show_failure (self, error);
    }
  else
    {
      show_loading (self, _("Reading the file…"));
      herald_contact_file_preview_read_async (path, PREVIEW_ROWS, self->cancellable, previewed_cb, g_object_ref (self));
    }

  return GTK_WIDGET (self);
}
