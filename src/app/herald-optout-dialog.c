/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-optout-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-optout-dialog.h"

struct _HeraldOptoutDialog
{
  AdwWindow          parent_instance;

  HeraldOptoutStore *store;
  char              *region;
  GCancellable      *cancellable;

  AdwEntryRow       *add_row;
  GtkLabel          *error_label;
  GtkLabel          *import_label;
  GtkListBox        *list;
  GtkWidget         *empty_label;
};

G_DEFINE_FINAL_TYPE (HeraldOptoutDialog, herald_optout_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void reload (HeraldOptoutDialog *self);

static void
show_error (HeraldOptoutDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
changed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HeraldOptoutDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  herald_optout_store_change_finish (HERALD_OPTOUT_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The opt-out list could not be changed: %s"), error->message);
      show_error (self, message);
      return;
    }

  g_signal_emit (self, signals [SIGNAL_CHANGED], 0);
  reload (self);
}

static void
remove_clicked (GtkButton          *button,
                HeraldOptoutDialog *self)
{
  const char *phone = g_object_get_data (G_OBJECT (button), "phone");
  const char *phones[] = { phone, NULL };

  show_error (self, NULL);
  herald_optout_store_remove_async (self->store, phones, self->cancellable, changed_cb, g_object_ref (self));
}

static void
add_applied (HeraldOptoutDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_row));
  g_autoptr(HeraldPhoneNumber) number = NULL;
  g_autoptr(GError) error = NULL;
  const char *phones[2] = { NULL, NULL };

  number = herald_phone_number_parse (text, self->region, HERALD_PHONE_NUMBER_FLAGS_NONE, &error);
  if (number == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a phone number: %s"), text, error->message);
      show_error (self, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->add_row), "error");
      return;
    }

  show_error (self, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->add_row), "error");
  phones[0] = herald_phone_number_get_e164 (number);
  herald_optout_store_add_async (self->store, phones, "manual", NULL, NULL, self->cancellable,
                                 changed_cb, g_object_ref (self));
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HeraldOptoutDialog) self = user_data;
  g_autoptr(HeraldOptoutImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) summary = NULL;

  import = herald_optout_store_import_file_finish (HERALD_OPTOUT_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (import == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Nothing was imported: %s"), error->message);
      show_error (self, message);
      return;
    }

  summary = g_string_new (NULL);
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u number added, ", "%u numbers added, ",
                                                import->added), import->added);
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u opted out already.", "%u opted out already.",
                                                import->already), import->already);
  if (import->invalid->len > 0)
    {
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, " %u entry is not a number:",
                                                    " %u entries are not numbers:", import->invalid->len),
                              import->invalid->len);
      for (guint i = 0; i < import->invalid->len && i < 20; i++)
        g_string_append_printf (summary, "\n%s", (const char *) g_ptr_array_index (import->invalid, i));
    }
  gtk_label_set_text (self->import_label, summary->str);
  gtk_widget_set_visible (GTK_WIDGET (self->import_label), TRUE);
  g_signal_emit (self, signals [SIGNAL_CHANGED], 0);
  reload (self);
}

void
herald_optout_dialog_import_file (HeraldOptoutDialog *self,
                                  GFile              *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HERALD_IS_OPTOUT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("Herald reads local files only: copy the file to your computer first."));
      return;
    }
  show_error (self, NULL);
  herald_optout_store_import_file_async (self->store, path, self->region, self->cancellable,
                                         imported_cb, g_object_ref (self));
}

static void
import_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    HeraldOptoutDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      herald_optout_dialog_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_clicked (HeraldOptoutDialog *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Opt-outs"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const char *
describe_source (const char *source)
{
  if (g_strcmp0 (source, "manual") == 0)
    return _("Added by hand");
  if (g_strcmp0 (source, "file") == 0)
    return _("From a file");
  if (g_strcmp0 (source, "keyword") == 0)
    return _("Replied with a stop keyword");
  return source;
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HeraldOptoutDialog) self = user_data;
  g_autoptr(GPtrArray) optouts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  optouts = herald_optout_store_list_finish (HERALD_OPTOUT_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (optouts == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The opt-out list could not be read: %s"), error->message);
      show_error (self, message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < optouts->len; i++)
    {
      HeraldOptout *optout = g_ptr_array_index (optouts, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Remove %s from the opt-outs"), optout->phone);
      g_autofree char *subtitle = optout->detail != NULL
                                  ? g_strdup_printf ("%s: %s", describe_source (optout->source), optout->detail)
                                  : g_strdup (describe_source (optout->source));

      gtk_widget_set_name (row, "optout-row");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), optout->phone);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (button, "remove-optout");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "phone", g_strdup (optout->phone), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->list, row);
    }
  gtk_widget_set_visible (self->empty_label, optouts->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), optouts->len > 0);
}

static void
reload (HeraldOptoutDialog *self)
{
  herald_optout_store_list_async (self->store, self->cancellable, listed_cb, g_object_ref (self));
}

static void
herald_optout_dialog_dispose (GObject *object)
{
  HeraldOptoutDialog *self = HERALD_OPTOUT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (herald_optout_dialog_parent_class)->dispose (object);
}

static void
herald_optout_dialog_finalize (GObject *object)
{
  HeraldOptoutDialog *self = HERALD_OPTOUT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_free (self->region);

  G_OBJECT_CLASS (herald_optout_dialog_parent_class)->finalize (object);
}

static void
herald_optout_dialog_class_init (HeraldOptoutDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_optout_dialog_dispose;
  object_class->finalize = herald_optout_dialog_finalize;

  signals [SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Small enough to be built here rather than from a template. */
static void
herald_optout_dialog_init (HeraldOptoutDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *import_button = gtk_button_new_with_mnemonic (_("_Import…"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *add_list = gtk_list_box_new ();
  GtkWidget *intro = gtk_label_new (_("Campaigns never send to these numbers. A number is added when its owner "
                                      "replies with a stop keyword, or by hand here."));

  self->cancellable = g_cancellable_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Opt-out List"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 420, 560);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, -1);

  gtk_widget_set_name (import_button, "import-optouts");
  gtk_widget_set_tooltip_text (import_button, _("Add the numbers of a file: a contacts file, or numbers one a line"));
  g_signal_connect_swapped (import_button, "clicked", G_CALLBACK (import_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), import_button);

  self->import_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->import_label), "import-summary");
  gtk_label_set_wrap (self->import_label, TRUE);
  gtk_label_set_xalign (self->import_label, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->import_label), FALSE);

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");

  self->add_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->add_row), "add-optout");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("Add a Number"));
  adw_entry_row_set_show_apply_button (self->add_row, TRUE);
  adw_entry_row_set_input_purpose (self->add_row, GTK_INPUT_PURPOSE_PHONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Number to opt out"), -1);
  g_signal_connect_swapped (self->add_row, "apply", G_CALLBACK (add_applied), self);
  g_signal_connect_swapped (self->add_row, "entry-activated", G_CALLBACK (add_applied), self);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (add_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (add_list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (add_list), GTK_WIDGET (self->add_row));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->error_label), "error");
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "optout-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Opted-out numbers"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);

  self->empty_label = gtk_label_new (_("No number has opted out."));
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_visible (self->empty_label, FALSE);

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), intro);
  gtk_box_append (GTK_BOX (content), add_list);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->import_label));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (content), self->empty_label);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
}

GtkWidget *
herald_optout_dialog_new (HeraldOptoutStore *store,
                          const char        *region,
                          GtkWindow         *parent)
{
  HeraldOptoutDialog *self;

  g_return_val_if_fail (HERALD_IS_OPTOUT_STORE (store), NULL);

  self = g_object_new (HERALD_TYPE_OPTOUT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->region = g_strdup (region);
  reload (self);

  return GTK_WIDGET (self);
}
