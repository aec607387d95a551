/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-contacts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-contact-dialog.h"
#include "herald-contact-import-dialog.h"
#include "herald-contacts-page.h"
#include "herald-optout-dialog.h"

#define SEARCH_DELAY_MS 250

struct _HeraldContactsPage
{
  AdwBin                  parent_instance;

  HeraldSession          *session;
  HeraldContactStore     *store;
  HeraldOptoutStore      *optout_store;
  HeraldContactListModel *model;
  GCancellable           *cancellable;
  GHashTable             *optouts;         /* E.164 numbers opted out */
  GPtrArray              *groups;          /* names, as in the dropdown after "All Contacts" */
  guint                   search_source;
  gboolean                filling_groups;

  AdwToastOverlay        *toast_overlay;
  GtkStack               *stack;
  GtkSearchEntry         *search_entry;
  GtkDropDown            *group_dropdown;
  GtkStringList          *group_names;
  GtkLabel               *count_label;
  GtkRevealer            *error_revealer;
  GtkLabel               *error_label;
  GtkStack               *list_stack;
  GtkListView            *list_view;
  AdwStatusPage          *empty_page;
};

G_DEFINE_FINAL_TYPE (HeraldContactsPage, herald_contacts_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
get_region (HeraldContactsPage *self)
{
  HeraldAccount *account = self->session != NULL ? herald_session_get_active_account (self->session) : NULL;

  return account != NULL ? herald_account_get_region (account) : NULL;
}

static void
add_toast (HeraldContactsPage *self,
           const char         *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* ---- the list ------------------------------------------------------------ */

static void
update_list_state (HeraldContactsPage *self)
{
  const GError *error = self->model != NULL ? herald_contact_list_model_get_error (self->model) : NULL;
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  gboolean loading = self->model != NULL && herald_contact_list_model_get_loading (self->model);
  const char *search = self->model != NULL ? herald_contact_list_model_get_search (self->model) : NULL;
  const char *group = self->model != NULL ? herald_contact_list_model_get_group (self->model) : NULL;
  g_autofree char *count = NULL;

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The contacts could not be read: %s"), error->message);
      gtk_label_set_text (self->error_label, message);
    }
  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts", n), n);
  gtk_label_set_text (self->count_label, loading ? _("Loading…") : count);

  if (n == 0 && !loading)
    {
      if ((search != NULL && *search != '\0') || group != NULL)
        {
          adw_status_page_set_title (self->empty_page, _("No Contacts Found"));
          adw_status_page_set_description (self->empty_page,
                                           _("No contact matches the search and the group: "
                                             "try another name or number, or All Contacts."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Contacts Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Add contacts one by one with the + button, or import "
                                             "a CSV or vCard file with the Import button."));
        }
    }
  gtk_stack_set_visible_child_name (self->list_stack, n == 0 && !loading ? "empty" : "list");
}

static void
bind_row (HeraldContactsPage *self,
          GtkWidget          *row,
          HeraldContact      *contact)
{
  GtkWidget *title = g_object_get_data (G_OBJECT (row), "title");
  GtkWidget *phone = g_object_get_data (G_OBJECT (row), "phone");
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "badge");
  const char *number = herald_contact_get_phone (contact);
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  gboolean opted_out;

  if (number == NULL)
    {
      /* a placeholder: its page is being read */
      gtk_label_set_text (GTK_LABEL (title), "…");
      gtk_label_set_text (GTK_LABEL (phone), "");
      gtk_widget_set_visible (badge, FALSE);
      return;
    }

  name = herald_contact_dup_display_name (contact);
  opted_out = g_hash_table_contains (self->optouts, number);
  gtk_label_set_text (GTK_LABEL (title), name != NULL && *name != '\0' ? name : number);
  gtk_label_set_text (GTK_LABEL (phone), number);
  gtk_widget_set_visible (badge, opted_out);
  summary = opted_out ? g_strdup_printf (_("%s, %s, opted out"), name, number)
                      : g_strdup_printf ("%s, %s", name, number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          HeraldContactsPage       *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *phone = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (_("Opted out"));

  gtk_widget_set_name (row, "contact-row");
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_name (title, "title");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_name (phone, "phone");
  gtk_label_set_xalign (GTK_LABEL (phone), 0);
  gtk_label_set_ellipsize (GTK_LABEL (phone), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (phone, "dim-label");
  gtk_widget_set_name (badge, "optout-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "herald-badge");
  gtk_widget_set_tooltip_text (badge, _("This number opted out: campaigns do not send to it"));
  gtk_widget_set_visible (badge, FALSE);

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), phone);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_box_append (GTK_BOX (row), badge);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "phone", phone);
  g_object_set_data (G_OBJECT (row), "badge", badge);
  gtk_list_item_set_child (item, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         HeraldContactsPage       *self)
{
  bind_row (self, gtk_list_item_get_child (item), gtk_list_item_get_item (item));
}

/* The rows drawn again (the opt-outs changed). */
static void
rebind_rows (HeraldContactsPage *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  if (self->model == NULL)
    return;
  gtk_list_view_set_model (self->list_view, NULL);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model))));
  gtk_list_view_set_model (self->list_view, selection);
}

static void
open_contact_dialog (HeraldContactsPage *self,
                     HeraldContact      *contact)
{
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = herald_contact_dialog_new (self->store, contact, get_region (self),
                                      GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_activated (HeraldContactsPage *self,
               guint               position)
{
  g_autoptr(HeraldContact) contact = NULL;

  if (self->model == NULL || !herald_contact_list_model_is_loaded (self->model, position))
    return;
  contact = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  open_contact_dialog (self, contact);
}

/* ---- search and groups --------------------------------------------------- */

static gboolean
search_timeout_cb (gpointer user_data)
{
  HeraldContactsPage *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  self->search_source = 0;
  if (self->model != NULL)
    herald_contact_list_model_set_search (self->model, *text != '\0' ? text : NULL);

  return G_SOURCE_REMOVE;
}

/* Typing waits for a pause; the list model reads on its worker meanwhile. */
static void
search_changed (HeraldContactsPage *self)
{
  g_clear_handle_id (&self->search_source, g_source_remove);
  self->search_source = g_timeout_add (SEARCH_DELAY_MS, search_timeout_cb, self);
}

static void
group_chosen (HeraldContactsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);

  if (self->filling_groups || self->model == NULL)
    return;
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->groups->len)
    herald_contact_list_model_set_group (self->model, NULL);
  else
    herald_contact_list_model_set_group (self->model, g_ptr_array_index (self->groups, selected - 1));
}

static void
groups_listed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  HeraldContactsPage *self = user_data;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  const char *current;
  guint selected = 0;
  guint n_before;

  groups = herald_contact_store_list_groups_finish (HERALD_CONTACT_STORE (source), result, &error);
  if (groups == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the groups: %s", error->message);
      return;
    }

  current = self->model != NULL ? herald_contact_list_model_get_group (self->model) : NULL;
  self->filling_groups = TRUE;
  g_ptr_array_set_size (self->groups, 0);
  n_before = g_list_model_get_n_items (G_LIST_MODEL (self->group_names));
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) names = NULL;

    g_strv_builder_add (builder, _("All Contacts"));
    for (guint i = 0; i < groups->len; i++)
      {
        HeraldLocalGroup *group = g_ptr_array_index (groups, i);

        g_ptr_array_add (self->groups, g_strdup (group->name));
        g_strv_builder_add (builder, group->name);
        if (current != NULL && g_utf8_collate (current, group->name) == 0)
          selected = i + 1;
      }
    names = g_strv_builder_end (builder);
    gtk_string_list_splice (self->group_names, 0, n_before, (const char * const *) names);
  }
  gtk_drop_down_set_selected (self->group_dropdown, selected);
  self->filling_groups = FALSE;
  /* The group shown may be gone. */
  group_chosen (self);
}

static void
reload_groups (HeraldContactsPage *self)
{
  if (self->store != NULL)
    herald_contact_store_list_groups_async (self->store, self->cancellable, groups_listed_cb, self);
}

/* ---- opt-outs ------------------------------------------------------------ */

static void
optouts_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  HeraldContactsPage *self = user_data;
  g_autoptr(GPtrArray) optouts = NULL;
  g_autoptr(GError) error = NULL;

  optouts = herald_optout_store_list_finish (HERALD_OPTOUT_STORE (source), result, &error);
  if (optouts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the opt-outs: %s", error->message);
      return;
    }

  g_hash_table_remove_all (self->optouts);
  for (guint i = 0; i < optouts->len; i++)
    {
      HeraldOptout *optout = g_ptr_array_index (optouts, i);

      g_hash_table_add (self->optouts, g_strdup (optout->phone));
    }
  rebind_rows (self);
}

static void
reload_optouts (HeraldContactsPage *self)
{
  if (self->optout_store != NULL)
    herald_optout_store_list_async (self->optout_store, self->cancellable, optouts_listed_cb, self);
}

/* ---- actions ------------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_contact_dialog (HERALD_CONTACTS_PAGE (widget), NULL);
}

static void
import_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    HeraldContactsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      herald_contacts_page_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeraldContactsPage *self = HERALD_CONTACTS_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->store == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Contacts"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Contacts (CSV, vCard)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "text/vcard");
  gtk_file_filter_add_mime_type (filter, "text/x-vcard");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "vcf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HeraldContactsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n;

  n = herald_contact_store_export_csv_finish (HERALD_CONTACT_STORE (source), result, &error);
  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("The contacts could not be exported: %s"), error->message);
    }
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact exported", "%u contacts exported", n), n);
  add_toast (self, message);
}

static void
export_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    HeraldContactsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      herald_contact_store_export_csv_async (self->store, file,
                                             self->model != NULL ? herald_contact_list_model_get_group (self->model) : NULL,
                                             self->cancellable, exported_cb, g_object_ref (self));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeraldContactsPage *self = HERALD_CONTACTS_PAGE (widget);
  GtkFileChooserNative *chooser;
  const char *group;
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;

  group = self->model != NULL ? herald_contact_list_model_get_group (self->model) : NULL;
  chooser = gtk_file_chooser_native_new (group != NULL ? _("Export the Group’s Contacts") : _("Export Contacts"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.csv", group != NULL ? group : _("contacts"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
optouts_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeraldContactsPage *self = HERALD_CONTACTS_PAGE (widget);
  GtkWidget *dialog;

  if (self->optout_store == NULL)
    return;

  dialog = herald_optout_dialog_new (self->optout_store, get_region (self),
                                     GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "changed", G_CALLBACK (reload_optouts), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done (HeraldContactsPage *self,
             const char         *summary)
{
  add_toast (self, summary);
  reload_groups (self);
}

void
herald_contacts_page_import_file (HeraldContactsPage *self,
                                  GFile              *file)
{
  GtkWidget *dialog;

  g_return_if_fail (HERALD_IS_CONTACTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL)
    return;

  dialog = herald_contact_import_dialog_new (self->store, file, get_region (self),
                                             GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (import_done), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the session --------------------------------------------------------- */

static void
contacts_changed (HeraldContactsPage *self)
{
  reload_groups (self);
}

static void
clear_stores (HeraldContactsPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->optout_store);
  g_hash_table_remove_all (self->optouts);
}

static void
update_stores (HeraldContactsPage *self)
{
  HeraldDatabase *database = self->session != NULL ? herald_session_get_database (self->session) : NULL;
  g_autoptr(GtkSelectionModel) selection = NULL;

  clear_stores (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.add", database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.import", database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.export", database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.optouts", database != NULL);
  if (database == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->store = herald_contact_store_new (database);
  self->optout_store = herald_optout_store_new (database);
  self->model = herald_contact_list_model_new (self->store);
  g_signal_connect_swapped (self->store, "contacts-changed", G_CALLBACK (contacts_changed), self);
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (update_list_state), self);
  g_signal_connect_swapped (self->model, "notify::loading", G_CALLBACK (update_list_state), self);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model))));
  gtk_list_view_set_model (self->list_view, selection);
  gtk_stack_set_visible_child_name (self->stack, "content");

  search_timeout_cb (self);
  reload_groups (self);
  reload_optouts (self);
  update_list_state (self);
}

/* ---- the object ---------------------------------------------------------- */

GtkWidget *
herald_contacts_page_new (void)
{
  return g_object_new (HERALD_TYPE_CONTACTS_PAGE, NULL);
}

HeraldSession *
herald_contacts_page_get_session (HeraldContactsPage *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACTS_PAGE (self), NULL);

  return self->session;
}

void
herald_contacts_page_set_session (HeraldContactsPage *self,
                                  HeraldSession      *session)
{
  g_return_if_fail (HERALD_IS_CONTACTS_PAGE (self));
  g_return_if_fail (session == NULL || HERALD_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  update_stores (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

HeraldContactStore *
herald_contacts_page_get_store (HeraldContactsPage *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACTS_PAGE (self), NULL);

  return self->store;
}

HeraldContactListModel *
herald_contacts_page_get_model (HeraldContactsPage *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACTS_PAGE (self), NULL);

  return self->model;
}

static void
herald_contacts_page_dispose (GObject *object)
{
  HeraldContactsPage *self = HERALD_CONTACTS_PAGE (object);

  g_clear_handle_id (&self->search_source, g_source_remove);
  clear_stores (self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (herald_contacts_page_parent_class)->dispose (object);
}

static void
herald_contacts_page_finalize (GObject *object)
{
  HeraldContactsPage *self = HERALD_CONTACTS_PAGE (object);

  g_clear_pointer (&self->optouts, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (herald_contacts_page_parent_class)->finalize (object);
}

static void
herald_contacts_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HeraldContactsPage *self = HERALD_CONTACTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_contacts_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HeraldContactsPage *self = HERALD_CONTACTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      herald_contacts_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_contacts_page_class_init (HeraldContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_contacts_page_dispose;
  object_class->finalize = herald_contacts_page_finalize;
  object_class->get_property = herald_contacts_page_get_property;
  object_class->set_property = herald_contacts_page_set_property;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, HERALD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/heraldsms/Herald/herald-contacts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldContactsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactsPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactsPage, group_names);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactsPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, HeraldContactsPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, group_chosen);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);

  gtk_widget_class_install_action (widget_class, "contacts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "contacts.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "contacts.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "contacts.optouts", NULL, optouts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "contacts.import", NULL);
}

static void
herald_contacts_page_init (HeraldContactsPage *self)
{
  GtkListItemFactory *factory;

  self->optouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->groups = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (self->group_names, _("All Contacts"));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  update_stores (self);
}
