/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-contact-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-contact-dialog.h"

struct _HeraldContactDialog
{
  AdwWindow           parent_instance;

  HeraldContactStore *store;
  HeraldContact      *contact;      /* the one edited, or NULL */
  char               *region;
  GCancellable       *cancellable;
  gboolean            busy;

  AdwWindowTitle     *window_title;
  GtkButton          *save_button;
  AdwEntryRow        *first_name_row;
  AdwEntryRow        *last_name_row;
  AdwEntryRow        *phone_row;
  AdwEntryRow        *email_row;
  GtkLabel           *error_label;
  GtkButton          *delete_button;
};

G_DEFINE_FINAL_TYPE (HeraldContactDialog, herald_contact_dialog, ADW_TYPE_WINDOW)

static void
show_error (HeraldContactDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The number as typed, parsed; NULL with @message set when it is not one. */
static HeraldPhoneNumber *
parse_phone (HeraldContactDialog  *self,
             char                **message)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->phone_row));
  g_autoptr(GError) error = NULL;
  HeraldPhoneNumber *number;

  number = herald_phone_number_parse (text, self->region, HERALD_PHONE_NUMBER_FLAGS_NONE, &error);
  if (number == NULL)
    {
      if (g_error_matches (error, HERALD_PHONE_NUMBER_ERROR, HERALD_PHONE_NUMBER_ERROR_EMPTY))
        *message = g_strdup (_("Enter the contact’s phone number."));
      else
        *message = g_strdup_printf (_("“%s” is not a phone number: %s"), text, error->message);
    }

  return number;
}

static void
update_state (HeraldContactDialog *self)
{
  g_autoptr(HeraldPhoneNumber) number = NULL;
  g_autofree char *message = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->phone_row));

  number = parse_phone (self, &message);
  /* An empty field is not yet an error: only Save is off. */
  show_error (self, number == NULL && *text != '\0' ? message : NULL);
  if (number == NULL && *text != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->phone_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->phone_row), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), number != NULL && !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), !self->busy);
}

static void
phone_changed (HeraldContactDialog *self)
{
  update_state (self);
}

static void
set_busy (HeraldContactDialog *self,
          gboolean             busy)
{
  self->busy = busy;
  update_state (self);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HeraldContactDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->contact != NULL)
    ok = herald_contact_store_update_contact_finish (HERALD_CONTACT_STORE (source), result, &error);
  else
    ok = herald_contact_store_add_contact_finish (HERALD_CONTACT_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (!ok)
    {
      if (g_error_matches (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS))
        show_error (self, _("Another contact has this number already: edit that contact, or enter another number."));
      else
        {
          g_autofree char *message = g_strdup_printf (_("The contact could not be saved: %s"), error->message);
          show_error (self, message);
        }
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static char *
dup_field (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
save_clicked (HeraldContactDialog *self)
{
  g_autoptr(HeraldPhoneNumber) number = NULL;
  g_autoptr(HeraldContact) contact = NULL;
  g_autofree char *message = NULL;
  g_autofree char *first_name = dup_field (self->first_name_row);
  g_autofree char *last_name = dup_field (self->last_name_row);
  g_autofree char *email = dup_field (self->email_row);

  if (self->busy)
    return;
  number = parse_phone (self, &message);
  if (number == NULL)
    {
      show_error (self, message);
      return;
    }

  contact = herald_contact_new_full (first_name, last_name, herald_phone_number_get_e164 (number), email);
  /* Editing keeps the custom fields an import gave the contact. */
  if (self->contact != NULL)
    for (guint i = 0; i < herald_contact_get_n_fields (self->contact); i++)
      herald_contact_set_field (contact, herald_contact_get_field_key (self->contact, i),
                                herald_contact_get_field_value (self->contact, i));

  set_busy (self, TRUE);
  show_error (self, NULL);
  if (self->contact != NULL)
    herald_contact_store_update_contact_async (self->store, herald_contact_get_phone (self->contact), contact,
                                               self->cancellable, saved_cb, g_object_ref (self));
  else
    herald_contact_store_add_contact_async (self->store, contact, self->cancellable, saved_cb, g_object_ref (self));
}

static void
removed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HeraldContactDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!herald_contact_store_remove_contact_finish (HERALD_CONTACT_STORE (source), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      message = g_strdup_printf (_("The contact could not be deleted: %s"), error->message);
      show_error (self, message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    HeraldContactDialog *self)
{
  if (g_strcmp0 (response, "delete") != 0 || self->contact == NULL)
    return;

  set_busy (self, TRUE);
  herald_contact_store_remove_contact_async (self->store, herald_contact_get_phone (self->contact),
                                             self->cancellable, removed_cb, g_object_ref (self));
}

static void
delete_clicked (HeraldContactDialog *self)
{
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (self->contact == NULL || self->busy)
    return;

  name = herald_contact_dup_display_name (self->contact);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete Contact?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s will be removed from the contacts and their groups. "
                                    "An opt-out of the number is kept."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
herald_contact_dialog_dispose (GObject *object)
{
  HeraldContactDialog *self = HERALD_CONTACT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (herald_contact_dialog_parent_class)->dispose (object);
}

static void
herald_contact_dialog_finalize (GObject *object)
{
  HeraldContactDialog *self = HERALD_CONTACT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->contact);
  g_clear_object (&self->cancellable);
  g_free (self->region);

  G_OBJECT_CLASS (herald_contact_dialog_parent_class)->finalize (object);
}

static void
herald_contact_dialog_class_init (HeraldContactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_contact_dialog_dispose;
  object_class->finalize = herald_contact_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/heraldsms/Herald/herald-contact-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldContactDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactDialog, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactDialog, last_name_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactDialog, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, phone_changed);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
herald_contact_dialog_init (HeraldContactDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
herald_contact_dialog_new (HeraldContactStore *store,
                           HeraldContact      *contact,
                           const char         *region,
                           GtkWindow          *parent)
{
  HeraldContactDialog *self;

  g_return_val_if_fail (HERALD_IS_CONTACT_STORE (store), NULL);
  g_return_val_if_fail (contact == NULL || HERALD_IS_CONTACT (contact), NULL);

  self = g_object_new (HERALD_TYPE_CONTACT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->region = g_strdup (region);

  if (contact != NULL)
    {
      self->contact = g_object_ref (contact);
      adw_window_title_set_title (self->window_title, _("Edit Contact"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Contact"));
      gtk_editable_set_text (GTK_EDITABLE (self->first_name_row), herald_contact_get_first_name (contact) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->last_name_row), herald_contact_get_last_name (contact) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->phone_row), herald_contact_get_phone (contact) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->email_row), herald_contact_get_email (contact) ?: "");
      gtk_widget_set_visible (GTK_WIDGET (self->delete_button), TRUE);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("New Contact"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Contact"));
    }
  update_state (self);

  return GTK_WIDGET (self);
}
