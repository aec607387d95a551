/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-history-page"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-format.h"
#include "herald-history-page.h"
#include "herald-list-util.h"
#include "herald-report-dialog.h"

#define PAGE_SIZE  25

typedef enum
{
  MODE_NONE,
  MODE_HISTORY,       /* the provider's own history (HeraldHistorySource) */
  MODE_TRANSACTIONS,  /* its credit transactions (HeraldCreditAccount) */
  MODE_LOG,           /* Herald's own record, for a provider that keeps none */
} Mode;

struct _HeraldHistoryPage
{
  HeraldListPage        parent_instance;

  GCancellable         *refresh_cancellable;   /* of "Refresh Status" */
  Mode                  mode;
  gboolean              filtered;        /* the list was asked with a filter set */

  /* template children */
  GtkWidget            *view_switch;
  GtkToggleButton      *messages_toggle;
  GtkDropDown          *state_dropdown;
  GtkDropDown          *type_dropdown;
  GtkWidget            *refresh_status_button;
  GtkEntry             *since_entry;
  GtkEntry             *until_entry;
};

G_DEFINE_FINAL_TYPE (HeraldHistoryPage, herald_history_page, HERALD_TYPE_LIST_PAGE)

/* ---- the list ------------------------------------------------------------ */

/* An empty list means "nothing sent yet" unless a filter hid the rows: say
 * which, and what to do about it. */
static void
herald_history_page_list_empty (HeraldListPage *page)
{
  HeraldHistoryPage *self = HERALD_HISTORY_PAGE (page);
  const char *icon = "document-open-recent-symbolic";

  if (self->filtered)
    herald_list_page_set_empty_status (page, icon, _("Nothing Here"), _("Nothing matches these filters."));
  else if (self->mode == MODE_TRANSACTIONS)
    herald_list_page_set_empty_status (page, icon, _("No Transactions Yet"),
                                       _("Credit purchases and the credits each message used will be listed here."));
  else
    herald_list_page_set_empty_status (page, icon, _("Nothing Sent Yet"),
                                       _("Messages you send will be listed here with their delivery state. "
                                         "Write one in Compose (Ctrl+N)."));
}

/* The drop-down's choice; the drop-downs list the states and types in their
 * enums' order, after "All" (0, which is each enum's "no filter"). */
static guint
selected (GtkDropDown *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  return position != GTK_INVALID_LIST_POSITION ? position : 0;
}

static HeraldPagedList *
herald_history_page_create_list (HeraldListPage  *page,
                                 GError         **error)
{
  HeraldHistoryPage *self = HERALD_HISTORY_PAGE (page);
  HeraldSession *session = herald_list_page_get_session (page);
  HeraldProvider *provider = herald_list_page_get_provider (page);
  guint state = selected (self->state_dropdown);
  guint type = selected (self->type_dropdown);
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;

  if (self->mode == MODE_NONE ||
      !herald_list_util_read_dates (GTK_EDITABLE (self->since_entry), GTK_EDITABLE (self->until_entry),
                                    &since, &until, error))
    return NULL;

  self->filtered = since != NULL || until != NULL || (self->mode == MODE_TRANSACTIONS ? type : state) != 0;
  switch (self->mode)
    {
    case MODE_HISTORY:
      {
        HeraldHistoryFilter filter = { (HeraldDeliveryState) state, since, until };

        return herald_paged_list_new_for_history (HERALD_HISTORY_SOURCE (provider), &filter, PAGE_SIZE);
      }
    case MODE_TRANSACTIONS:
      {
        HeraldTransactionFilter filter = { (HeraldTransactionKind) type, since, until };

        return herald_paged_list_new_for_transactions (HERALD_CREDIT_ACCOUNT (provider), &filter, PAGE_SIZE);
      }
    case MODE_LOG:
      {
        HeraldMessageLogFilter filter = { (HeraldDeliveryState) state, since, until, NULL };

        return herald_paged_list_new_for_message_log (herald_session_get_message_log (session),
                                                      herald_session_get_active_account_id (session),
                                                      &filter, PAGE_SIZE);
      }
    case MODE_NONE:
    default:
      return NULL;
    }
}

static void
update_controls (HeraldHistoryPage *self)
{
  gboolean remote = self->mode == MODE_HISTORY || self->mode == MODE_TRANSACTIONS;

  gtk_widget_set_visible (self->view_switch,
                          remote && HERALD_IS_CREDIT_ACCOUNT (herald_list_page_get_provider (HERALD_LIST_PAGE (self))));
  gtk_widget_set_visible (GTK_WIDGET (self->state_dropdown), self->mode != MODE_TRANSACTIONS);
  gtk_widget_set_visible (GTK_WIDGET (self->type_dropdown), self->mode == MODE_TRANSACTIONS);
  gtk_widget_set_visible (self->refresh_status_button, self->mode == MODE_LOG);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.refresh-status",
                                 self->mode == MODE_LOG && self->refresh_cancellable == NULL);
}

static void
view_toggled (HeraldHistoryPage *self)
{
  Mode mode;

  if (self->mode != MODE_HISTORY && self->mode != MODE_TRANSACTIONS)
    return;

  mode = gtk_toggle_button_get_active (self->messages_toggle) ? MODE_HISTORY : MODE_TRANSACTIONS;
  if (mode == self->mode)
    return;

  self->mode = mode;
  update_controls (self);
  herald_list_page_rebuild (HERALD_LIST_PAGE (self));
}

/* ---- rows ---------------------------------------------------------------- */

static const char *
transaction_label (HeraldTransactionKind kind)
{
  switch (kind)
    {
    case HERALD_TRANSACTION_PURCHASE:
      return _("Purchase");
    case HERALD_TRANSACTION_USAGE:
      return _("Usage");
    case HERALD_TRANSACTION_REFUND:
      return _("Refund");
    case HERALD_TRANSACTION_BONUS:
      return _("Bonus");
    case HERALD_TRANSACTION_ADJUSTMENT:
      return _("Adjustment");
    case HERALD_TRANSACTION_UNKNOWN:
    default:
      return _("Transaction");
    }
}

static void
bind_message (GtkWidget         *row,
              HeraldSentMessage *message)
{
  guint n = (guint) MAX (message->recipient_count, 0);
  const char *sender = message->sender_id;
  g_autofree char *time = herald_list_util_format_time (message->created_at);
  g_autofree char *recipients = NULL;
  g_autofree char *caption = NULL;

  recipients = g_strdup_printf (ngettext ("%u recipient", "%u recipients", n), n);
  /* TRANSLATORS: under a sent message: its state, recipients and credits */
  caption = g_strdup_printf (_("%s · %s · %" G_GINT64_FORMAT " credits"),
                             herald_format_delivery_state (message->state, HERALD_STATE_IN_HISTORY),
                             recipients, message->credits_used);
  herald_list_util_row_set (row, sender != NULL ? sender : _("No sender ID"), time, message->text, caption);
}

static void
bind_transaction (GtkWidget         *row,
                  HeraldTransaction *transaction)
{
  g_autofree char *time = herald_list_util_format_time (transaction->created_at);
  g_autofree char *caption = NULL;

  /* TRANSLATORS: a transaction's amount and the balance after it */
  caption = g_strdup_printf (_("%+" G_GINT64_FORMAT " credits · balance %" G_GINT64_FORMAT),
                             transaction->amount, transaction->balance_after);
  herald_list_util_row_set (row, transaction_label (transaction->kind), time, transaction->description, caption);
}

static void
bind_logged (GtkWidget           *row,
             HeraldLoggedMessage *message)
{
  g_autofree char *time = herald_list_util_format_time (herald_logged_message_get_sent_at (message));
  const char *error = herald_logged_message_get_error (message);
  const char *state = herald_format_delivery_state (herald_logged_message_get_state (message), HERALD_STATE_IN_LOG);
  g_autofree char *caption = NULL;

  if (error != NULL)
    caption = g_strdup_printf ("%s · %s", state, error);
  else
    caption = g_strdup (state);
  herald_list_util_row_set (row, herald_logged_message_get_recipient (message), time,
                            herald_logged_message_get_text (message), caption);
}

static gboolean
herald_history_page_bind_row (HeraldListPage *page,
                              GtkWidget      *row,
                              gpointer        item)
{
  if (HERALD_IS_LOGGED_MESSAGE (item))
    bind_logged (row, item);
  else if (HERALD_IS_BOXED_ITEM (item) && herald_boxed_item_get_type_of (item) == HERALD_TYPE_SENT_MESSAGE)
    {
      bind_message (row, herald_boxed_item_get (item));
      return TRUE;
    }
  else if (HERALD_IS_BOXED_ITEM (item) && herald_boxed_item_get_type_of (item) == HERALD_TYPE_TRANSACTION)
    bind_transaction (row, herald_boxed_item_get (item));

  return FALSE;
}

static void
herald_history_page_row_activated (HeraldListPage *page,
                                   gpointer        item)
{
  HeraldHistoryPage *self = HERALD_HISTORY_PAGE (page);
  HeraldSentMessage *message;
  GtkWidget *dialog;
  GtkRoot *root;

  if (self->mode != MODE_HISTORY || !HERALD_IS_BOXED_ITEM (item))
    return;

  message = herald_boxed_item_get (item);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = herald_report_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     HERALD_HISTORY_SOURCE (herald_list_page_get_provider (page)), message->id);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Refresh Status ------------------------------------------------------ */

static void
refresh_status_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HeraldHistoryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint changed;

  changed = herald_delivery_refresh_finish (HERALD_MESSAGE_LOG (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->refresh_cancellable);
  update_controls (self);

  if (error != NULL)
    text = g_strdup_printf (_("Could not refresh the states: %s"), error->message);
  else if (changed == 0)
    text = g_strdup (_("No state has changed"));
  else
    text = g_strdup_printf (ngettext ("%u message has a new state", "%u messages have a new state", changed),
                            changed);
  herald_list_page_add_toast (HERALD_LIST_PAGE (self), adw_toast_new (text));

  if (changed > 0)
    herald_list_page_rebuild (HERALD_LIST_PAGE (self));
}

static void
refresh_status_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HeraldHistoryPage *self = HERALD_HISTORY_PAGE (widget);
  HeraldSession *session = herald_list_page_get_session (HERALD_LIST_PAGE (self));

  if (self->mode != MODE_LOG || self->refresh_cancellable != NULL)
    return;

  self->refresh_cancellable = g_cancellable_new ();
  update_controls (self);
  herald_delivery_refresh_async (herald_session_get_message_log (session), herald_session_get_provider (session),
                                 herald_session_get_active_account_id (session), 0,
                                 self->refresh_cancellable, refresh_status_cb, g_object_ref (self));
}

static void
cancel_refresh_status (HeraldHistoryPage *self)
{
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
}

/* ---- the session --------------------------------------------------------- */

static void
herald_history_page_provider_changed (HeraldListPage *page)
{
  HeraldHistoryPage *self = HERALD_HISTORY_PAGE (page);
  HeraldSession *session = herald_list_page_get_session (page);
  HeraldProvider *provider = herald_list_page_get_provider (page);

  cancel_refresh_status (self);
  if (HERALD_IS_HISTORY_SOURCE (provider))
    self->mode = gtk_toggle_button_get_active (self->messages_toggle) || !HERALD_IS_CREDIT_ACCOUNT (provider)
                 ? MODE_HISTORY : MODE_TRANSACTIONS;
  else if (provider != NULL && herald_session_get_active_account_id (session) != NULL)
    self->mode = MODE_LOG;
  else
    self->mode = MODE_NONE;

  update_controls (self);
  if (self->mode != MODE_NONE)
    herald_list_page_show_list (page);
  else if (session != NULL && herald_session_get_provider_error (session) != NULL)
    herald_list_page_show_status (page, "dialog-warning-symbolic", _("History Unavailable"),
                                  herald_session_get_provider_error (session));
  else
    herald_list_page_show_status (page, "document-open-recent-symbolic", _("No Sent Messages"),
                                  _("Messages sent from Herald will be listed here with their delivery state."));
}

void
herald_history_page_set_session (HeraldHistoryPage *self,
                                 HeraldSession     *session)
{
  herald_list_page_set_session (HERALD_LIST_PAGE (self), session);
}

HeraldPagedList *
herald_history_page_get_list (HeraldHistoryPage *self)
{
  return herald_list_page_get_list (HERALD_LIST_PAGE (self));
}

GtkWidget *
herald_history_page_new (void)
{
  return g_object_new (HERALD_TYPE_HISTORY_PAGE, NULL);
}

/* ---- life cycle ---------------------------------------------------------- */

static void
herald_history_page_dispose (GObject *object)
{
  cancel_refresh_status (HERALD_HISTORY_PAGE (object));

  G_OBJECT_CLASS (herald_history_page_parent_class)->dispose (object);
}

static void
herald_history_page_class_init (HeraldHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeraldListPageClass *page_class = HERALD_LIST_PAGE_CLASS (klass);

  object_class->dispose = herald_history_page_dispose;
  page_class->provider_changed = herald_history_page_provider_changed;
  page_class->create_list = herald_history_page_create_list;
  page_class->bind_row = herald_history_page_bind_row;
  page_class->list_empty = herald_history_page_list_empty;
  page_class->row_activated = herald_history_page_row_activated;

  herald_list_page_class_set_template (page_class, RESOURCE_BASE "/herald-history-page.ui", "history");
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, view_switch);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, messages_toggle);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, refresh_status_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, since_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, until_entry);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled);

  gtk_widget_class_install_action (widget_class, "history.refresh-status", NULL, refresh_status_action);
}

static void
herald_history_page_init (HeraldHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  herald_list_page_set_list_label (HERALD_LIST_PAGE (self), _("Sent Messages"));
  update_controls (self);
}
