/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-inbox-page"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-inbox-page.h"
#include "herald-list-util.h"

#define PER_PAGE  25

struct _HeraldInboxPage
{
  HeraldListPage        parent_instance;

  GSignalGroup         *watcher_signals;   /* the session's inbox watcher */
  GtkWindow            *toplevel;          /* whose is-active we follow */

  /* template children */
  GtkSearchEntry       *sender_entry;
  GtkEntry             *device_entry;
  GtkEntry             *since_entry;
  GtkEntry             *until_entry;
};

G_DEFINE_FINAL_TYPE (HeraldInboxPage, herald_inbox_page, HERALD_TYPE_LIST_PAGE)

/* ---- the list ------------------------------------------------------------ */

/* NULL for an empty entry. */
static const char *
entry_text (gpointer entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  return *text != '\0' ? text : NULL;
}

static HeraldPagedList *
herald_inbox_page_create_list (HeraldListPage  *page,
                               GError         **error)
{
  HeraldInboxPage *self = HERALD_INBOX_PAGE (page);
  HeraldReceivedFilter filter = { entry_text (self->sender_entry), entry_text (self->device_entry) };
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;

  if (!herald_list_util_read_dates (GTK_EDITABLE (self->since_entry), GTK_EDITABLE (self->until_entry),
                                    &since, &until, error))
    return NULL;

  filter.since = since;
  filter.until = until;
  return herald_paged_list_new_for_received (HERALD_INBOX_SOURCE (herald_list_page_get_provider (page)),
                                             &filter, PER_PAGE);
}

static gboolean
herald_inbox_page_bind_row (HeraldListPage *page,
                            GtkWidget      *row,
                            gpointer        item)
{
  HeraldReceivedMessage *message = item;
  const char *name = herald_received_message_get_device_name (message);
  const char *phone = herald_received_message_get_device_phone (message);
  const char *id = herald_received_message_get_device_id (message);
  g_autofree char *time = NULL;
  g_autofree char *device = NULL;

  time = herald_list_util_format_time (herald_received_message_get_received_at (message));
  if (name != NULL && phone != NULL)
    /* TRANSLATORS: the device that received a message: its name and number */
    device = g_strdup_printf (_("On %s (%s)"), name, phone);
  else if (name != NULL || id != NULL)
    device = g_strdup_printf (_("On %s"), name != NULL ? name : id);
  else
    device = g_strdup (_("Device unknown"));

  herald_list_util_row_set (row, herald_received_message_get_from (message), time,
                            herald_received_message_get_text (message), device);
  return FALSE;
}

/* ---- the session's inbox watcher ---------------------------------------- */

/* The session owns the watcher and the application notifies; the page only
 * shows what the notification announces. */
static void
new_messages_cb (HeraldInboxPage *self,
                 GListModel      *messages)
{
  HeraldPagedList *list = herald_list_page_get_list (HERALD_LIST_PAGE (self));

  if (g_list_model_get_n_items (messages) > 0 && gtk_widget_get_mapped (GTK_WIDGET (self)) && list != NULL)
    herald_paged_list_reload (list);
}

static void
inbox_watcher_changed (HeraldInboxPage *self)
{
  if (self->watcher_signals != NULL)   /* NULL once disposed */
    g_signal_group_set_target (self->watcher_signals, herald_inbox_page_get_watcher (self));
}

/* ---- the session --------------------------------------------------------- */

static void
herald_inbox_page_provider_changed (HeraldListPage *page)
{
  HeraldSession *session = herald_list_page_get_session (page);
  HeraldProvider *provider = herald_list_page_get_provider (page);

  if (HERALD_IS_INBOX_SOURCE (provider))
    herald_list_page_show_list (page);
  else if (provider != NULL)
    {
      const char *dialect = herald_dialect_get_title (herald_provider_get_dialect (provider));
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;

      /* TRANSLATORS: %s is a service's name, "FlashSMS" */
      title = g_strdup_printf (_("%s Has No Inbox"), dialect);
      /* TRANSLATORS: %s is a service's name, "FlashSMS" */
      description = g_strdup_printf (_("%s accounts send messages but do not receive them. "
                                       "Received messages are listed for accounts that receive them, "
                                       "such as FlixySMS accounts."), dialect);
      herald_list_page_show_status (page, "mail-unread-symbolic", title, description);
    }
  else if (session != NULL && herald_session_get_provider_error (session) != NULL)
    herald_list_page_show_status (page, "dialog-warning-symbolic", _("Inbox Unavailable"),
                                  herald_session_get_provider_error (session));
  else if (session != NULL && herald_session_get_active_account (session) != NULL)
    herald_list_page_show_status (page, "mail-unread-symbolic", _("No Messages Yet"),
                                  _("This account does not receive messages through Herald."));
  else
    herald_list_page_show_status (page, "mail-unread-symbolic", _("No Messages Yet"),
                                  _("Replies received by your FlixySMS devices will be listed here once an account is set up."));
}

void
herald_inbox_page_set_session (HeraldInboxPage *self,
                               HeraldSession   *session)
{
  herald_list_page_set_session (HERALD_LIST_PAGE (self), session);
}

HeraldPagedList *
herald_inbox_page_get_list (HeraldInboxPage *self)
{
  return herald_list_page_get_list (HERALD_LIST_PAGE (self));
}

HeraldInboxWatcher *
herald_inbox_page_get_watcher (HeraldInboxPage *self)
{
  HeraldSession *session = herald_list_page_get_session (HERALD_LIST_PAGE (self));

  /* the session's: the page only observes it */
  return session != NULL ? herald_session_get_inbox_watcher (session) : NULL;
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
  HeraldPagedList *list = herald_list_page_get_list (HERALD_LIST_PAGE (self));

  /* Coming back to the window is a good moment to look again. */
  if (gtk_window_is_active (self->toplevel) && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      list != NULL && !herald_paged_list_get_loading (list))
    herald_paged_list_reload (list);
}

static void
herald_inbox_page_root (GtkWidget *widget)
{
  HeraldInboxPage *self = HERALD_INBOX_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (herald_inbox_page_parent_class)->root (widget);

  /* Not a GSignalGroup: the page is unrooted while its window is being
   * disposed, when a group (GLib 2.74) can no longer drop its weak
   * reference to the window. root/unroot pair up instead. */
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
herald_inbox_page_dispose (GObject *object)
{
  HeraldInboxPage *self = HERALD_INBOX_PAGE (object);

  if (self->watcher_signals != NULL)
    g_signal_group_set_target (self->watcher_signals, NULL);
  g_clear_object (&self->watcher_signals);

  G_OBJECT_CLASS (herald_inbox_page_parent_class)->dispose (object);
}

static void
herald_inbox_page_class_init (HeraldInboxPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeraldListPageClass *page_class = HERALD_LIST_PAGE_CLASS (klass);

  object_class->dispose = herald_inbox_page_dispose;
  widget_class->root = herald_inbox_page_root;
  widget_class->unroot = herald_inbox_page_unroot;
  page_class->provider_changed = herald_inbox_page_provider_changed;
  page_class->create_list = herald_inbox_page_create_list;
  page_class->bind_row = herald_inbox_page_bind_row;

  herald_list_page_class_set_template (page_class, RESOURCE_BASE "/herald-inbox-page.ui", "inbox");
  gtk_widget_class_bind_template_child (widget_class, HeraldInboxPage, sender_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldInboxPage, device_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldInboxPage, since_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldInboxPage, until_entry);
}

static void
herald_inbox_page_init (HeraldInboxPage *self)
{
  HeraldListPage *page = HERALD_LIST_PAGE (self);
  GSignalGroup *session_signals;

  gtk_widget_init_template (GTK_WIDGET (self));
  herald_list_page_set_list_label (page, _("Received Messages"));
  herald_list_page_set_empty_status (page, "mail-unread-symbolic", _("No Messages"),
                                     _("Nothing received matches these filters."));

  /* The session and its watcher change under the page: a group follows the
   * watcher (and lets go of the old one). */
  session_signals = herald_list_page_get_session_signals (page);
  g_signal_connect_swapped (session_signals, "bind", G_CALLBACK (inbox_watcher_changed), self);
  g_signal_connect_swapped (session_signals, "unbind", G_CALLBACK (inbox_watcher_changed), self);
  g_signal_group_connect_swapped (session_signals, "notify::inbox-watcher",
                                  G_CALLBACK (inbox_watcher_changed), self);
  self->watcher_signals = g_signal_group_new (HERALD_TYPE_INBOX_WATCHER);
  g_signal_group_connect_swapped (self->watcher_signals, "new-messages",
                                  G_CALLBACK (new_messages_cb), self);
}
