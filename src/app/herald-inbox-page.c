/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-inbox-page"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-inbox-page.h"
#include "herald-list-util.h"

#define PER_PAGE         25
#define FILTER_DELAY_MS  400

struct _HeraldInboxPage
{
  AdwBin                parent_instance;

  HeraldSession        *session;
  HeraldFlixysmsClient *client;
  HeraldPagedList      *list;
  HeraldInboxWatcher   *watcher;
  GSettings            *settings;
  GtkWindow            *toplevel;     /* whose is-active we follow */
  guint                 filter_source;
  guint                 n_before_page;   /* rows when the page in flight was asked for */

  /* template children */
  GtkStack             *stack;
  AdwStatusPage        *status_page;
  GtkSearchEntry       *sender_entry;
  GtkEntry             *device_entry;
  GtkEntry             *since_entry;
  GtkEntry             *until_entry;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkStack             *list_stack;
  GtkScrolledWindow    *scrolled;
  GtkListView          *list_view;
  GtkSpinner           *spinner;
};

G_DEFINE_FINAL_TYPE (HeraldInboxPage, herald_inbox_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* ---- the list ------------------------------------------------------------ */

static void
update_list_state (HeraldInboxPage *self)
{
  const GError *error = self->list != NULL ? herald_paged_list_get_error (self->list) : NULL;
  gboolean loading = self->list != NULL && herald_paged_list_get_loading (self->list);
  gboolean empty = self->list == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0;
  gboolean done = self->list != NULL && !herald_paged_list_get_has_more (self->list);

  if (error != NULL)
    gtk_label_set_text (self->error_label, error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_stack_set_visible_child_name (self->list_stack, empty && done ? "empty" : "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inbox.retry", error != NULL);
}

static void
list_state_changed (HeraldInboxPage *self)
{
  guint n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;

  /* The next page, if the view needs one, follows the adjustment's
   * "changed" once the new rows are laid out: now it still measures the
   * old. A page that added no row (all seen already) changes nothing to
   * lay out, so it is judged here. */
  update_list_state (self);
  if (self->list == NULL)
    return;
  if (herald_paged_list_get_loading (self->list))
    self->n_before_page = n;
  else if (n == self->n_before_page)
    herald_list_util_maybe_load_more (self->scrolled, self->list);
}

static void
scrolled_cb (HeraldInboxPage *self)
{
  herald_list_util_maybe_load_more (self->scrolled, self->list);
}

static void
clear_list (HeraldInboxPage *self)
{
  if (self->list == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->list, self);
  herald_paged_list_reset (self->list);
  g_clear_object (&self->list);
  gtk_list_view_set_model (self->list_view, NULL);
}

/* Reads the filter entries; FALSE (and an entry marked) when a date is not one. */
static gboolean
read_filter (HeraldInboxPage              *self,
             HeraldFlixysmsReceivedFilter *filter,
             GError                      **error)
{
  GtkEntry *dates[] = { self->since_entry, self->until_entry };
  GDateTime **values[] = { &filter->since, &filter->until };
  gboolean ok = TRUE;

  filter->from = gtk_editable_get_text (GTK_EDITABLE (self->sender_entry));
  filter->device_id = gtk_editable_get_text (GTK_EDITABLE (self->device_entry));
  if (*filter->from == '\0')
    filter->from = NULL;
  if (*filter->device_id == '\0')
    filter->device_id = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GError) local_error = NULL;
      const char *text = gtk_editable_get_text (GTK_EDITABLE (dates[i]));

      if (herald_date_input_parse (text, NULL, i == 1, values[i], &local_error))
        {
          gtk_widget_remove_css_class (GTK_WIDGET (dates[i]), "error");
          continue;
        }
      gtk_widget_add_css_class (GTK_WIDGET (dates[i]), "error");
      if (ok)
        g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }

  return ok;
}

static void
rebuild_list (HeraldInboxPage *self)
{
  HeraldFlixysmsReceivedFilter filter = { NULL };
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->filter_source, g_source_remove);
  clear_list (self);
  if (self->client == NULL)
    return;

  if (!read_filter (self, &filter, &error))
    {
      g_clear_pointer (&filter.since, g_date_time_unref);
      g_clear_pointer (&filter.until, g_date_time_unref);
      gtk_label_set_text (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "inbox.retry", FALSE);
      return;
    }

  self->list = herald_paged_list_new_for_received (self->client, &filter, PER_PAGE);
  g_clear_pointer (&filter.since, g_date_time_unref);
  g_clear_pointer (&filter.until, g_date_time_unref);

  g_signal_connect_swapped (self->list, "notify::loading", G_CALLBACK (list_state_changed), self);
  g_signal_connect_swapped (self->list, "notify::error", G_CALLBACK (list_state_changed), self);
  g_signal_connect_swapped (self->list, "notify::has-more", G_CALLBACK (list_state_changed), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    herald_paged_list_load_more (self->list);
  update_list_state (self);
}

static gboolean
filter_timeout_cb (gpointer user_data)
{
  HeraldInboxPage *self = user_data;

  self->filter_source = 0;
  rebuild_list (self);

  return G_SOURCE_REMOVE;
}

/* Typing waits for a pause before asking the server again. */
static void
filter_changed (HeraldInboxPage *self)
{
  g_clear_handle_id (&self->filter_source, g_source_remove);
  if (self->client != NULL)
    self->filter_source = g_timeout_add (FILTER_DELAY_MS, filter_timeout_cb, self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeraldInboxPage *self = HERALD_INBOX_PAGE (widget);

  if (self->list == NULL)
    rebuild_list (self);
  else
    herald_paged_list_reload (self->list);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeraldInboxPage *self = HERALD_INBOX_PAGE (widget);

  if (self->list != NULL)
    herald_paged_list_load_more (self->list);
}

/* ---- rows ---------------------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, herald_list_util_row_new ());
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  HeraldFlixysmsReceivedMessage *message = gtk_list_item_get_item (item);
  const char *name = herald_flixysms_received_message_get_device_name (message);
  const char *phone = herald_flixysms_received_message_get_device_phone (message);
  const char *id = herald_flixysms_received_message_get_device_id (message);
  g_autofree char *time = NULL;
  g_autofree char *device = NULL;

  time = herald_list_util_format_time (herald_flixysms_received_message_get_received_at (message));
  if (name != NULL && phone != NULL)
    /* TRANSLATORS: the device that received a message: its name and number */
    device = g_strdup_printf (_("On %s (%s)"), name, phone);
  else if (name != NULL || id != NULL)
    device = g_strdup_printf (_("On %s"), name != NULL ? name : id);
  else
    device = g_strdup (_("Device unknown"));

  herald_list_util_row_set (gtk_list_item_get_child (item),
                            herald_flixysms_received_message_get_from (message),
                            time,
                            herald_flixysms_received_message_get_message (message),
                            device);
}

/* ---- notifications ------------------------------------------------------- */

static void
new_messages_cb (HeraldInboxPage *self,
                 GListModel      *messages)
{
  GApplication *application = g_application_get_default ();
  guint n = g_list_model_get_n_items (messages);
  g_autoptr(HeraldFlixysmsReceivedMessage) newest = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;

  if (n == 0 || application == NULL)
    return;

  newest = g_list_model_get_item (messages, n - 1);
  if (n == 1)
    title = g_strdup_printf (_("New message from %s"), herald_flixysms_received_message_get_from (newest));
  else
    title = g_strdup_printf (ngettext ("%u new message", "%u new messages", n), n);

  notification = g_notification_new (title);
  g_notification_set_body (notification, herald_flixysms_received_message_get_message (newest));
  g_application_send_notification (application, "new-messages", notification);

  /* What the notification announces is in the list too. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->list != NULL)
    herald_paged_list_reload (self->list);
}

static void
clear_watcher (HeraldInboxPage *self)
{
  if (self->watcher == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->watcher, self);
  g_settings_unbind (self->watcher, "enabled");
  herald_inbox_watcher_set_enabled (self->watcher, FALSE);
  g_clear_object (&self->watcher);
}

/* ---- the session --------------------------------------------------------- */

static void
show_status (HeraldInboxPage *self,
             const char      *icon_name,
             const char      *title,
             const char      *description)
{
  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
provider_changed (HeraldInboxPage *self)
{
  HeraldProvider *provider = self->session != NULL ? herald_session_get_provider (self->session) : NULL;

  clear_watcher (self);
  clear_list (self);
  g_clear_object (&self->client);

  if (HERALD_IS_FLIXYSMS_CLIENT (provider))
    {
      self->client = g_object_ref (HERALD_FLIXYSMS_CLIENT (provider));
      gtk_stack_set_visible_child_name (self->stack, "inbox");
      rebuild_list (self);

      self->watcher = herald_inbox_watcher_new (self->client);
      g_signal_connect_swapped (self->watcher, "new-messages", G_CALLBACK (new_messages_cb), self);
      g_settings_bind (self->settings, "notify-new-messages", self->watcher, "enabled", G_SETTINGS_BIND_GET);
    }
  else if (provider != NULL && herald_provider_get_dialect (provider) == HERALD_DIALECT_FLASHSMS)
    show_status (self, "mail-unread-symbolic", _("FlashSMS Has No Inbox"),
                 _("FlashSMS accounts send messages but do not receive them. Received messages are listed for FlixySMS accounts."));
  else if (self->session != NULL && herald_session_get_provider_error (self->session) != NULL)
    show_status (self, "dialog-warning-symbolic", _("Inbox Unavailable"),
                 herald_session_get_provider_error (self->session));
  else if (self->session != NULL && herald_session_get_active_account (self->session) != NULL)
    show_status (self, "mail-unread-symbolic", _("No Messages Yet"),
                 _("This account does not receive messages through Herald."));
  else
    show_status (self, "mail-unread-symbolic", _("No Messages Yet"),
                 _("Replies received by your FlixySMS devices will be listed here once an account is set up."));
}

HeraldSession *
herald_inbox_page_get_session (HeraldInboxPage *self)
{
  g_return_val_if_fail (HERALD_IS_INBOX_PAGE (self), NULL);

  return self->session;
}

void
herald_inbox_page_set_session (HeraldInboxPage *self,
                               HeraldSession   *session)
{
  g_return_if_fail (HERALD_IS_INBOX_PAGE (self));
  g_return_if_fail (session == NULL || HERALD_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_swapped (session, "notify::provider", G_CALLBACK (provider_changed), self);
      g_signal_connect_swapped (session, "notify::provider-error", G_CALLBACK (provider_changed), self);
    }
  provider_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

HeraldPagedList *
herald_inbox_page_get_list (HeraldInboxPage *self)
{
  g_return_val_if_fail (HERALD_IS_INBOX_PAGE (self), NULL);

  return self->list;
}

HeraldInboxWatcher *
herald_inbox_page_get_watcher (HeraldInboxPage *self)
{
  g_return_val_if_fail (HERALD_IS_INBOX_PAGE (self), NULL);

  return self->watcher;
}

GtkWidget *
herald_inbox_page_new (void)
{
  return g_object_new (HERALD_TYPE_INBOX_PAGE, NULL);
}

/* ---- life cycle ---------------------------------------------------------- */

static void
toplevel_active_changed (HeraldInboxPage *self)
{
  /* Coming back to the window is a good moment to look again. */
  if (gtk_window_is_active (self->toplevel) && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      self->list != NULL && !herald_paged_list_get_loading (self->list))
    herald_paged_list_reload (self->list);
}

static void
herald_inbox_page_root (GtkWidget *widget)
{
  HeraldInboxPage *self = HERALD_INBOX_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (herald_inbox_page_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->toplevel = GTK_WINDOW (root);
      g_signal_connect_swapped (root, "notify::is-active", G_CALLBACK (toplevel_active_changed), self);
    }
}

static void
herald_inbox_page_unroot (GtkWidget *widget)
{
  HeraldInboxPage *self = HERALD_INBOX_PAGE (widget);

  if (self->toplevel != NULL)
    g_signal_handlers_disconnect_by_func (self->toplevel, toplevel_active_changed, self);
  self->toplevel = NULL;

  GTK_WIDGET_CLASS (herald_inbox_page_parent_class)->unroot (widget);
}

static void
herald_inbox_page_map (GtkWidget *widget)
{
  HeraldInboxPage *self = HERALD_INBOX_PAGE (widget);

  GTK_WIDGET_CLASS (herald_inbox_page_parent_class)->map (widget);

  if (self->list != NULL && herald_paged_list_get_pages_loaded (self->list) == 0)
    herald_paged_list_load_more (self->list);
}

static void
herald_inbox_page_unmap (GtkWidget *widget)
{
  HeraldInboxPage *self = HERALD_INBOX_PAGE (widget);

  /* Leaving the page stops what it asked for; what it has stays. */
  if (self->list != NULL && herald_paged_list_get_loading (self->list))
    herald_paged_list_reset (self->list);
  g_clear_handle_id (&self->filter_source, g_source_remove);

  GTK_WIDGET_CLASS (herald_inbox_page_parent_class)->unmap (widget);
}

static void
herald_inbox_page_dispose (GObject *object)
{
  HeraldInboxPage *self = HERALD_INBOX_PAGE (object);

  g_clear_handle_id (&self->filter_source, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  clear_watcher (self);
  clear_list (self);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (herald_inbox_page_parent_class)->dispose (object);
}

static void
herald_inbox_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HeraldInboxPage *self = HERALD_INBOX_PAGE (object);

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
herald_inbox_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HeraldInboxPage *self = HERALD_INBOX_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      herald_inbox_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_inbox_page_class_init (HeraldInboxPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_inbox_page_dispose;
  object_class->get_property = herald_inbox_page_get_property;
  object_class->set_property = herald_inbox_page_set_property;
  widget_class->root = herald_inbox_page_root;
  widget_class->unroot = herald_inbox_page_unroot;
  widget_class->map = herald_inbox_page_map;
  widget_class->unmap = herald_inbox_page_unmap;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, HERALD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/herald-inbox-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldInboxPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldInboxPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, HeraldInboxPage, sender_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldInboxPage, device_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldInboxPage, since_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldInboxPage, until_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldInboxPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HeraldInboxPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldInboxPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldInboxPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, HeraldInboxPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, HeraldInboxPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed);

  gtk_widget_class_install_action (widget_class, "inbox.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "inbox.retry", NULL, retry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "inbox.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "inbox.refresh", NULL);
}

static void
herald_inbox_page_init (HeraldInboxPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APP_ID);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inbox.retry", FALSE);
}
