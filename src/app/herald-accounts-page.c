/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-accounts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-account-dialog.h"
#include "herald-accounts-page.h"

struct _HeraldAccountsPage
{
  AdwPreferencesPage  parent_instance;

  HeraldSession      *session;
  GCancellable       *cancellable;   /* removals in flight */

  /* template children */
  GtkListBox         *list_box;
};

G_DEFINE_FINAL_TYPE (HeraldAccountsPage, herald_accounts_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static HeraldAccountStore *
get_store (HeraldAccountsPage *self)
{
  return self->session != NULL ? herald_session_get_account_store (self->session) : NULL;
}

static GtkWindow *
get_parent_window (HeraldAccountsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_message (HeraldAccountsPage *self,
              const char         *message)
{
  GtkWindow *window = get_parent_window (self);

  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

/* "FlashSMS · https://sms.example.com/api/v1" */
static gboolean
subtitle_from_url (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  HeraldAccount *account = HERALD_ACCOUNT (g_binding_dup_source (binding));
  const char *url = g_value_get_string (from);
  const HeraldDialectInfo *info = herald_dialect_get_info (herald_account_get_dialect (account));
  const char *service = info != NULL && !info->local ? info->title : _("Local modems");

  g_object_unref (account);

  g_value_take_string (to, url != NULL ? g_strdup_printf ("%s · %s", service, url)
                                       : g_strdup (service));
  return TRUE;
}

static GtkWidget *
create_suffix_button (const char *icon_name,
                      const char *action_name,
                      const char *account_id,
                      const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", account_id);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);

  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  HeraldAccount *account = item;
  const char *id = herald_account_get_id (account);
  g_autofree char *edit = g_strdup_printf (_("Edit %s"), herald_account_get_name (account));
  g_autofree char *remove = g_strdup_printf (_("Remove %s"), herald_account_get_name (account));
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_name (row, id);
  g_object_bind_property (account, "name", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (account, "base-url", row, "subtitle", G_BINDING_SYNC_CREATE,
                               subtitle_from_url, NULL, NULL, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_suffix_button ("document-edit-symbolic", "accounts.edit",
                                                   id, edit));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_suffix_button ("user-trash-symbolic", "accounts.remove",
                                                   id, remove));

  return row;
}

/* ---- actions -------------------------------------------------------------- */

void
herald_accounts_page_add_account (HeraldAccountsPage *self)
{
  HeraldAccountDialog *dialog;

  g_return_if_fail (HERALD_IS_ACCOUNTS_PAGE (self));

  if (get_store (self) == NULL)
    return;

  dialog = herald_account_dialog_new (get_store (self), NULL, get_parent_window (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  herald_accounts_page_add_account (HERALD_ACCOUNTS_PAGE (widget));
}

static HeraldAccount *
lookup_account (HeraldAccountsPage *self,
                GVariant           *parameter)
{
  HeraldAccountStore *store = get_store (self);

  if (store == NULL)
    return NULL;

  return herald_account_store_lookup_by_id (store, g_variant_get_string (parameter, NULL));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeraldAccountsPage *self = HERALD_ACCOUNTS_PAGE (widget);
  HeraldAccount *account = lookup_account (self, parameter);
  HeraldAccountDialog *dialog;

  if (account == NULL)
    return;

  dialog = herald_account_dialog_new (get_store (self), account, get_parent_window (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HeraldAccountsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!herald_account_store_remove_finish (HERALD_ACCOUNT_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_message (self, error->message);
}

static void
remove_confirmed (AdwMessageDialog   *dialog,
                  const char         *response,
                  HeraldAccountsPage *self)
{
  HeraldAccount *account = g_object_get_data (G_OBJECT (dialog), "account");
  HeraldAccountStore *store = get_store (self);

  if (g_strcmp0 (response, "remove") != 0 || store == NULL ||
      herald_account_store_lookup_by_id (store, herald_account_get_id (account)) == NULL)
    return;

  herald_account_store_remove_async (store, account, self->cancellable,
                                     remove_done, g_object_ref (self));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeraldAccountsPage *self = HERALD_ACCOUNTS_PAGE (widget);
  HeraldAccount *account = lookup_account (self, parameter);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (account == NULL)
    return;

  heading = g_strdup_printf (_("Remove “%s”?"), herald_account_get_name (account));
  dialog = adw_message_dialog_new (get_parent_window (self), heading,
                                   _("Its API key is deleted from the keyring. Messages already "
                                     "sent stay in the history."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_confirmed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- session -------------------------------------------------------------- */

HeraldSession *
herald_accounts_page_get_session (HeraldAccountsPage *self)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNTS_PAGE (self), NULL);

  return self->session;
}

void
herald_accounts_page_set_session (HeraldAccountsPage *self,
                                  HeraldSession      *session)
{
  g_return_if_fail (HERALD_IS_ACCOUNTS_PAGE (self));
  g_return_if_fail (session == NULL || HERALD_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  gtk_list_box_bind_model (self->list_box,
                           session != NULL ? G_LIST_MODEL (get_store (self)) : NULL,
                           session != NULL ? create_row : NULL, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.add", session != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

static void
herald_accounts_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HeraldAccountsPage *self = HERALD_ACCOUNTS_PAGE (object);

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
herald_accounts_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HeraldAccountsPage *self = HERALD_ACCOUNTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      herald_accounts_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_accounts_page_dispose (GObject *object)
{
  HeraldAccountsPage *self = HERALD_ACCOUNTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (herald_accounts_page_parent_class)->dispose (object);
}

static void
herald_accounts_page_finalize (GObject *object)
{
  HeraldAccountsPage *self = HERALD_ACCOUNTS_PAGE (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (herald_accounts_page_parent_class)->finalize (object);
}

static void
herald_accounts_page_class_init (HeraldAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = herald_accounts_page_get_property;
  object_class->set_property = herald_accounts_page_set_property;
  object_class->dispose = herald_accounts_page_dispose;
  object_class->finalize = herald_accounts_page_finalize;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         HERALD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/herald-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldAccountsPage, list_box);

  gtk_widget_class_install_action (widget_class, "accounts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "accounts.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "accounts.remove", "s", remove_action);
}

static void
herald_accounts_page_init (HeraldAccountsPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  placeholder = gtk_label_new (_("No accounts yet. Add a FlixySMS or FlashSMS account to send "
                                 "messages."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list_box, placeholder);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.add", FALSE);
}
