/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-templates-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "herald-templates-page.h"

struct _HeraldTemplatesPage
{
  AdwBin                  parent_instance;

  HeraldSession          *session;
  HeraldContactStore     *store;
  HeraldContactListModel *contacts;
  GCancellable           *cancellable;
  GHashTable             *known;          /* variables a contact can have: standard fields and custom keys */
  char                   *current_name;   /* the template in the editor, NULL for a new one */
  HeraldTemplate         *template;       /* the editor's text parsed, NULL when it does not parse */
  gboolean                ready;
  gboolean                busy;

  AdwToastOverlay        *toast_overlay;
  GtkStack               *stack;
  AdwLeaflet             *leaflet;
  GtkWidget              *list_pane;
  GtkListBox             *template_list;
  GtkWidget              *list_empty_label;
  GtkWidget              *editor_box;
  GtkButton              *back_button;
  GtkEntry               *name_entry;
  GtkTextView            *body_view;
  GtkTextBuffer          *buffer;
  GtkLabel               *issues_label;
  GtkLabel               *variables_label;
  GtkLabel               *encoding_label;
  GtkLabel               *characters_label;
  GtkLabel               *parts_label;
  GtkDropDown            *contact_dropdown;
  GtkLabel               *preview_label;
};

G_DEFINE_FINAL_TYPE (HeraldTemplatesPage, herald_templates_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void reload_templates (HeraldTemplatesPage *self);

static void
add_toast (HeraldTemplatesPage *self,
           const char          *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* ---- the editor: variables, analysis, preview ---------------------------- */

static char *
dup_body (HeraldTemplatesPage *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}

static gboolean
contact_lookup (const char  *name,
                const char **value,
                gpointer     user_data)
{
  HeraldContact *contact = user_data;
  const char *found = herald_contact_lookup (contact, name);

  if (found == NULL && !herald_template_is_standard_field (name))
    return FALSE;
  *value = found != NULL ? found : "";
  return TRUE;
}

static void
show_analysis (HeraldTemplatesPage *self,
               HeraldSmsAnalysis   *analysis)
{
  g_autofree char *characters = NULL;
  g_autofree char *parts = NULL;
  guint n;

  if (analysis == NULL)
    {
      gtk_label_set_text (self->encoding_label, "—");
      gtk_label_set_text (self->characters_label, "—");
      gtk_label_set_text (self->parts_label, "—");
      return;
    }

  gtk_label_set_text (self->encoding_label,
                      herald_sms_encoding_to_string (herald_sms_analysis_get_encoding (analysis)));
  n = herald_sms_analysis_get_characters (analysis);
  characters = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u character", "%u characters", n), n);
  gtk_label_set_text (self->characters_label, characters);
  n = herald_sms_analysis_get_parts (analysis);
  parts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u part", "%u parts", n), n);
  gtk_label_set_text (self->parts_label, parts);
}

/* The preview with the chosen contact's values, and the analysis of what
 * that contact would receive (of the template's own text without one). */
static void
update_preview (HeraldTemplatesPage *self)
{
  g_autoptr(HeraldSmsAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint position = gtk_drop_down_get_selected (self->contact_dropdown);
  HeraldContact *contact = NULL;

  if (self->contacts != NULL && position != GTK_INVALID_LIST_POSITION &&
      herald_contact_list_model_is_loaded (self->contacts, position))
    contact = gtk_drop_down_get_selected_item (self->contact_dropdown);

  if (self->template == NULL)
    {
      g_autofree char *body = dup_body (self);

      analysis = herald_sms_analyse (body, -1, NULL);
      show_analysis (self, analysis);
      gtk_label_set_text (self->preview_label, _("The preview shows once the template is correct."));
      return;
    }

  if (contact == NULL)
    {
      analysis = herald_sms_analyse (herald_template_get_text (self->template), -1, NULL);
      show_analysis (self, analysis);
      gtk_label_set_text (self->preview_label,
                          self->contacts != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->contacts)) > 0
                          ? _("Choose a contact to see their message.")
                          : _("Add contacts to preview the template with their values."));
      return;
    }

  text = herald_template_preview (self->template, contact_lookup, contact, &analysis, &error);
  if (text == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("This contact’s message cannot be made: %s"), error->message);
      g_autoptr(HeraldSmsAnalysis) own = herald_sms_analyse (herald_template_get_text (self->template), -1, NULL);

      show_analysis (self, own);
      gtk_label_set_text (self->preview_label, message);
      return;
    }

  show_analysis (self, analysis);
  gtk_label_set_text (self->preview_label, text);
}

static void
preview_contact_chosen (HeraldTemplatesPage *self)
{
  update_preview (self);
}

static void
tag_range (HeraldTemplatesPage *self,
           const char          *tag,
           guint                line,
           guint                column,
           const char          *text,
           gsize                length)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line_offset (self->buffer, &start, line - 1, column - 1);
  end = start;
  gtk_text_iter_forward_chars (&end, (int) g_utf8_strlen (text, (gssize) length));
  gtk_text_buffer_apply_tag_by_name (self->buffer, tag, &start, &end);
}

static void
update_actions (HeraldTemplatesPage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "templates.save",
                                 self->store != NULL && !self->busy && self->template != NULL &&
                                 *stripped != '\0' &&
                                 *herald_template_get_text (self->template) != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "templates.delete",
                                 self->store != NULL && !self->busy && self->current_name != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "templates.new", self->store != NULL);
}

/* Parses the text as it stands: every placeholder highlighted, those no
 * contact can fill (and without a fallback) flagged, a malformed one named
 * with its line and column. */
static void
check_template (HeraldTemplatesPage *self)
{
  g_autofree char *body = dup_body (self);
  g_autoptr(GString) issues = g_string_new (NULL);
  HeraldTemplatePosition position = { 0, };
  g_autoptr(GError) error = NULL;
  const HeraldTemplatePlaceholder *placeholders;
  GtkTextIter start, end;
  guint n = 0;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_all_tags (self->buffer, &start, &end);
  g_clear_pointer (&self->template, herald_template_unref);

  self->template = herald_template_new (body, -1, &position, &error);
  if (self->template == NULL)
    {
      g_string_append_printf (issues, _("Line %u, column %u: %s"), position.line, position.column, error->message);
      if (position.line > 0 && position.offset < strlen (body))
        tag_range (self, "unknown", position.line, position.column, body + position.offset,
                   MIN (strlen (body + position.offset), 2));
    }
  else
    {
      placeholders = herald_template_get_placeholders (self->template, &n);
      for (guint i = 0; i < n; i++)
        {
          const HeraldTemplatePlaceholder *p = &placeholders[i];
          gboolean known = g_hash_table_contains (self->known, p->name) || p->fallback != NULL;

          tag_range (self, known ? "variable" : "unknown", p->start.line, p->start.column,
                     body + p->start.offset, p->length);
          if (!known)
            {
              if (issues->len > 0)
                g_string_append_c (issues, '\n');
              g_string_append_printf (issues,
                                      _("Line %u: {{%s}} is not a field of any contact. Use one of the "
                                        "variables below, or give it a fallback: {{%s|text}}."),
                                      p->start.line, p->name, p->name);
            }
        }
    }

  gtk_label_set_text (self->issues_label, issues->str);
  gtk_widget_set_visible (GTK_WIDGET (self->issues_label), issues->len > 0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->body_view), GTK_ACCESSIBLE_STATE_INVALID,
                               issues->len > 0 ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  update_preview (self);
  update_actions (self);
}

static void
body_changed (HeraldTemplatesPage *self)
{
  check_template (self);
}

static void
name_changed (HeraldTemplatesPage *self)
{
  update_actions (self);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
update_variables_label (HeraldTemplatesPage *self)
{
  g_autoptr(GString) text = g_string_new (_("Variables:"));
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (self->known, NULL);
  const char * const *standard = herald_template_get_standard_fields ();

  for (guint i = 0; standard[i] != NULL; i++)
    g_string_append_printf (text, " {{%s}}", standard[i]);
  g_qsort_with_data (keys, g_strv_length ((char **) keys), sizeof (char *), compare_keys, NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    if (!herald_template_is_standard_field (keys[i]))
      g_string_append_printf (text, " {{%s}}", keys[i]);
  gtk_label_set_text (self->variables_label, text->str);
}

static void
set_known_keys (HeraldTemplatesPage *self,
                GStrv                keys)
{
  const char * const *standard = herald_template_get_standard_fields ();

  g_hash_table_remove_all (self->known);
  for (guint i = 0; standard[i] != NULL; i++)
    g_hash_table_add (self->known, g_strdup (standard[i]));
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    g_hash_table_add (self->known, g_strdup (keys[i]));
  update_variables_label (self);
}

static void
field_keys_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  HeraldTemplatesPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;

  keys = herald_contact_store_list_field_keys_finish (HERALD_CONTACT_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (keys == NULL)
    g_warning ("Could not read the contacts' fields: %s", error->message);

  set_known_keys (self, keys);
  self->ready = TRUE;
  check_template (self);
}

static void
reload_field_keys (HeraldTemplatesPage *self)
{
  if (self->store != NULL)
    herald_contact_store_list_field_keys_async (self->store, self->cancellable, field_keys_cb, self);
}

/* ---- the list ------------------------------------------------------------ */

static void
show_editor (HeraldTemplatesPage *self,
             const char          *name,
             const char          *body)
{
  g_free (self->current_name);
  self->current_name = g_strdup (name);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name != NULL ? name : "");
  gtk_text_buffer_set_text (self->buffer, body != NULL ? body : "", -1);
  gtk_widget_set_sensitive (self->editor_box, TRUE);
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
  check_template (self);
}

static void
template_activated (HeraldTemplatesPage *self,
                    GtkListBoxRow       *row)
{
  HeraldLocalTemplate *template = g_object_get_data (G_OBJECT (row), "template");

  if (template != NULL)
    show_editor (self, template->name, template->body);
}

static void
templates_listed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  HeraldTemplatesPage *self = user_data;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  templates = herald_contact_store_list_templates_finish (HERALD_CONTACT_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (templates == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The templates could not be read: %s"), error->message);
      add_toast (self, message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->template_list))) != NULL)
    gtk_list_box_remove (self->template_list, child);

  for (guint i = 0; i < templates->len; i++)
    {
      HeraldLocalTemplate *template = g_ptr_array_index (templates, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *first_line = g_strdup (template->body);
      char *newline = strchr (first_line, '\n');

      if (newline != NULL)
        *newline = '\0';
      gtk_widget_set_name (row, "template-row");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), template->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), first_line);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, template->name, -1);
      g_object_set_data_full (G_OBJECT (row), "template", herald_local_template_ref (template),
                              (GDestroyNotify) herald_local_template_unref);
      gtk_list_box_append (self->template_list, row);
      if (self->current_name != NULL && g_utf8_collate (self->current_name, template->name) == 0)
        gtk_list_box_select_row (self->template_list, GTK_LIST_BOX_ROW (row));
    }
  gtk_widget_set_visible (self->list_empty_label, templates->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->template_list), templates->len > 0);
}

static void
reload_templates (HeraldTemplatesPage *self)
{
  if (self->store != NULL)
    herald_contact_store_list_templates_async (self->store, self->cancellable, templates_listed_cb, self);
}

/* ---- actions ------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HeraldTemplatesPage *self = HERALD_TEMPLATES_PAGE (widget);

  gtk_list_box_unselect_all (self->template_list);
  show_editor (self, NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HeraldTemplatesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!herald_contact_store_template_finish (HERALD_CONTACT_STORE (source), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->busy = FALSE;
      update_actions (self);
      if (g_error_matches (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS))
        message = g_strdup (_("Another template has this name: choose another one."));
      else
        message = g_strdup_printf (_("The template could not be saved: %s"), error->message);
      add_toast (self, message);
      return;
    }

  self->busy = FALSE;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  g_free (self->current_name);
  self->current_name = g_steal_pointer (&name);
  add_toast (self, _("Template saved"));
  update_actions (self);
  reload_templates (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeraldTemplatesPage *self = HERALD_TEMPLATES_PAGE (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  g_autofree char *body = dup_body (self);

  if (self->store == NULL || self->busy || *name == '\0' || self->template == NULL)
    return;

  self->busy = TRUE;
  update_actions (self);
  if (self->current_name == NULL)
    herald_contact_store_add_template_async (self->store, name, body, self->cancellable, saved_cb, g_object_ref (self));
  else
    herald_contact_store_update_template_async (self->store, self->current_name, name, body, self->cancellable,
                                                saved_cb, g_object_ref (self));
}

static void
removed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HeraldTemplatesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!herald_contact_store_template_finish (HERALD_CONTACT_STORE (source), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->busy = FALSE;
      update_actions (self);
      message = g_strdup_printf (_("The template could not be deleted: %s"), error->message);
      add_toast (self, message);
      return;
    }

  self->busy = FALSE;
  add_toast (self, _("Template deleted"));
  show_editor (self, NULL, NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  reload_templates (self);
}

static void
delete_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    HeraldTemplatesPage *self)
{
  if (g_strcmp0 (response, "delete") != 0 || self->current_name == NULL || self->store == NULL)
    return;

  self->busy = TRUE;
  update_actions (self);
  herald_contact_store_remove_template_async (self->store, self->current_name, self->cancellable,
                                              removed_cb, g_object_ref (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeraldTemplatesPage *self = HERALD_TEMPLATES_PAGE (widget);
  GtkWidget *dialog;

  if (self->current_name == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Delete Template?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be deleted. Campaigns already made with it keep their text."),
                                  self->current_name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_clicked (HeraldTemplatesPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
folded_changed (HeraldTemplatesPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));
}

/* ---- the preview contacts ------------------------------------------------ */

static void
contact_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
contact_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  HeraldContact *contact = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (herald_contact_get_phone (contact) == NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), "…");
      return;
    }
  name = herald_contact_dup_display_name (contact);
  text = g_strcmp0 (name, herald_contact_get_phone (contact)) == 0
         ? g_strdup (name) : g_strdup_printf ("%s (%s)", name, herald_contact_get_phone (contact));
  gtk_label_set_text (GTK_LABEL (label), text);
}

/* A placeholder became the contact: the preview may be theirs. */
static void
contacts_items_changed (HeraldTemplatesPage *self)
{
  update_preview (self);
}

static void
contacts_changed (HeraldTemplatesPage *self)
{
  reload_field_keys (self);
}

/* ---- the session --------------------------------------------------------- */

static void
clear_store (HeraldTemplatesPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->contacts != NULL)
    g_signal_handlers_disconnect_by_data (self->contacts, self);
  gtk_drop_down_set_model (self->contact_dropdown, NULL);
  g_clear_object (&self->contacts);
  g_clear_object (&self->store);
  self->ready = FALSE;
}

static void
update_store (HeraldTemplatesPage *self)
{
  HeraldDatabase *database = self->session != NULL ? herald_session_get_database (self->session) : NULL;

  clear_store (self);
  if (database == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "status");
      update_actions (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->store = herald_contact_store_new (database);
  self->contacts = herald_contact_list_model_new (self->store);
  g_signal_connect_swapped (self->store, "contacts-changed", G_CALLBACK (contacts_changed), self);
  g_signal_connect_swapped (self->contacts, "items-changed", G_CALLBACK (contacts_items_changed), self);
  gtk_drop_down_set_model (self->contact_dropdown, G_LIST_MODEL (self->contacts));
  gtk_stack_set_visible_child_name (self->stack, "content");

  reload_templates (self);
  reload_field_keys (self);
  show_editor (self, NULL, NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

/* ---- the object ---------------------------------------------------------- */

GtkWidget *
herald_templates_page_new (void)
{
  return g_object_new (HERALD_TYPE_TEMPLATES_PAGE, NULL);
}

HeraldSession *
herald_templates_page_get_session (HeraldTemplatesPage *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATES_PAGE (self), NULL);

  return self->session;
}

void
herald_templates_page_set_session (HeraldTemplatesPage *self,
                                   HeraldSession       *session)
{
  g_return_if_fail (HERALD_IS_TEMPLATES_PAGE (self));
  g_return_if_fail (session == NULL || HERALD_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  update_store (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

HeraldContactStore *
herald_templates_page_get_store (HeraldTemplatesPage *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATES_PAGE (self), NULL);

  return self->store;
}

gboolean
herald_templates_page_get_ready (HeraldTemplatesPage *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATES_PAGE (self), FALSE);

  return self->ready;
}

static void
herald_templates_page_dispose (GObject *object)
{
  HeraldTemplatesPage *self = HERALD_TEMPLATES_PAGE (object);

  clear_store (self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (herald_templates_page_parent_class)->dispose (object);
}

static void
herald_templates_page_finalize (GObject *object)
{
  HeraldTemplatesPage *self = HERALD_TEMPLATES_PAGE (object);

  g_clear_pointer (&self->known, g_hash_table_unref);
  g_clear_pointer (&self->template, herald_template_unref);
  g_free (self->current_name);

  G_OBJECT_CLASS (herald_templates_page_parent_class)->finalize (object);
}

static void
herald_templates_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HeraldTemplatesPage *self = HERALD_TEMPLATES_PAGE (object);

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
herald_templates_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HeraldTemplatesPage *self = HERALD_TEMPLATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      herald_templates_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_templates_page_class_init (HeraldTemplatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_templates_page_dispose;
  object_class->finalize = herald_templates_page_finalize;
  object_class->get_property = herald_templates_page_get_property;
  object_class->set_property = herald_templates_page_set_property;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, HERALD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/heraldsms/Herald/herald-templates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, template_list);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, list_empty_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, editor_box);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, body_view);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, buffer);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, issues_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, variables_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, encoding_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, characters_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, parts_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, contact_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesPage, preview_label);
  gtk_widget_class_bind_template_callback (widget_class, body_changed);
  gtk_widget_class_bind_template_callback (widget_class, name_changed);
  gtk_widget_class_bind_template_callback (widget_class, template_activated);
  gtk_widget_class_bind_template_callback (widget_class, preview_contact_chosen);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed);

  gtk_widget_class_install_action (widget_class, "templates.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "templates.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "templates.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "templates.save", NULL);
}

static void
herald_templates_page_init (HeraldTemplatesPage *self)
{
  GtkListItemFactory *factory;

  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_text_buffer_create_tag (self->buffer, "variable",
                              "foreground", "#1c71d8",
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  gtk_text_buffer_create_tag (self->buffer, "unknown",
                              "foreground", "#c01c28",
                              "underline", PANGO_UNDERLINE_ERROR,
                              NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (contact_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (contact_bind_cb), NULL);
  gtk_drop_down_set_factory (self->contact_dropdown, factory);
  g_object_unref (factory);

  set_known_keys (self, NULL);
  folded_changed (self);
  update_store (self);
}
