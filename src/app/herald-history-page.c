/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-history-page"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-history-page.h"
#include "herald-list-util.h"
#include "herald-report-dialog.h"

#define PAGE_SIZE        25
#define FILTER_DELAY_MS  400

typedef enum
{
  MODE_NONE,
  MODE_HISTORY,       /* the provider's own history (HeraldHistorySource) */
  MODE_TRANSACTIONS,  /* its credit transactions (HeraldCreditAccount) */
  MODE_LOG,           /* Herald's own record, for a provider that keeps none */
} Mode;

struct _HeraldHistoryPage
{
  AdwBin                parent_instance;

  HeraldSession        *session;
  HeraldProvider       *provider;
  HeraldPagedList      *list;
  GCancellable         *refresh_cancellable;   /* of "Refresh Status" */
  Mode                  mode;
  guint                 filter_source;
  guint                 n_before_page;   /* rows when the page in flight was asked for */
  gboolean              filtered;        /* the list was asked with a filter set */

  /* template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *status_page;
  GtkWidget            *view_switch;
  GtkToggleButton      *messages_toggle;
  GtkDropDown          *state_dropdown;
  GtkDropDown          *type_dropdown;
  GtkWidget            *refresh_status_button;
  GtkEntry             *since_entry;
  GtkEntry             *until_entry;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkStack             *list_stack;
  GtkScrolledWindow    *scrolled;
  GtkListView          *list_view;
  GtkSpinner           *spinner;
  AdwStatusPage        *empty_page;
};

G_DEFINE_FINAL_TYPE (HeraldHistoryPage, herald_history_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* ---- the list ------------------------------------------------------------ */

static void
show_error (HeraldHistoryPage *self,
            const char        *message,
            gboolean           can_retry)
{
  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.retry", message != NULL && can_retry);
}

/* An empty list means "nothing sent yet" unless a filter hid the rows: say
 * which, and what to do about it. */
static void
update_empty_page (HeraldHistoryPage *self)
{
  if (self->filtered)
    {
      adw_status_page_set_title (self->empty_page, _("Nothing Here"));
      adw_status_page_set_description (self->empty_page, _("Nothing matches these filters."));
    }
  else if (self->mode == MODE_TRANSACTIONS)
    {
      adw_status_page_set_title (self->empty_page, _("No Transactions Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Credit purchases and the credits each message used will be listed here."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("Nothing Sent Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Messages you send will be listed here with their delivery state. "
                                         "Write one in Compose (Ctrl+N)."));
    }
}

static void
update_list_state (HeraldHistoryPage *self)
{
  const GError *error = self->list != NULL ? herald_paged_list_get_error (self->list) : NULL;
  gboolean loading = self->list != NULL && herald_paged_list_get_loading (self->list);
  gboolean empty = self->list == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0;
  gboolean done = self->list != NULL && !herald_paged_list_get_has_more (self->list);

  show_error (self, error != NULL ? error->message : NULL, TRUE);
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_stack_set_visible_child_name (self->list_stack, empty && done ? "empty" : "list");
  if (empty && done)
    update_empty_page (self);
}

static void
list_state_changed (HeraldHistoryPage *self)
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
scrolled_cb (HeraldHistoryPage *self)
{
  herald_list_util_maybe_load_more (self->scrolled, self->list);
}

static void
clear_list (HeraldHistoryPage *self)
{
  if (self->list == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->list, self);
  herald_paged_list_reset (self->list);
  g_clear_object (&self->list);
  gtk_list_view_set_model (self->list_view, NULL);
}

static gboolean
read_dates (HeraldHistoryPage  *self,
            GDateTime         **since,
            GDateTime         **until,
            GError            **error)
{
  GtkEntry *entries[] = { self->since_entry, self->until_entry };
  GDateTime **values[] = { since, until };
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(GError) local_error = NULL;
      const char *text = gtk_editable_get_text (GTK_EDITABLE (entries[i]));

      if (herald_date_input_parse (text, NULL, i == 1, values[i], &local_error))
        {
          gtk_widget_remove_css_class (GTK_WIDGET (entries[i]), "error");
          continue;
        }
      gtk_widget_add_css_class (GTK_WIDGET (entries[i]), "error");
      if (ok)
        g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }

  if (!ok)
    {
      g_clear_pointer (since, g_date_time_unref);
      g_clear_pointer (until, g_date_time_unref);
    }

  return ok;
}

static HeraldPagedList *
new_list (HeraldHistoryPage *self,
          GDateTime         *since,
          GDateTime         *until)
{
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  guint type = gtk_drop_down_get_selected (self->type_dropdown);

  /* The drop-downs list the states and types in their enums' order, after
   * "All" (0, which is each enum's "no filter"). */
  if (state == GTK_INVALID_LIST_POSITION)
    state = 0;
  if (type == GTK_INVALID_LIST_POSITION)
    type = 0;

  switch (self->mode)
    {
    case MODE_HISTORY:
      {
        HeraldHistoryFilter filter = { (HeraldDeliveryState) state, since, until };

        return herald_paged_list_new_for_history (HERALD_HISTORY_SOURCE (self->provider), &filter, PAGE_SIZE);
      }
    case MODE_TRANSACTIONS:
      {
        HeraldTransactionFilter filter = { (HeraldTransactionKind) type, since, until };

        return herald_paged_list_new_for_transactions (HERALD_CREDIT_ACCOUNT (self->provider), &filter, PAGE_SIZE);
      }
    case MODE_LOG:
      {
        HeraldMessageLogFilter filter = { (HeraldDeliveryState) state, since, until, NULL };

        return herald_paged_list_new_for_message_log (herald_session_get_message_log (self->session),
                                                      herald_session_get_active_account_id (self->session),
                                                      &filter, PAGE_SIZE);
      }
    case MODE_NONE:
    default:
      return NULL;
    }
}

static void
rebuild_list (HeraldHistoryPage *self)
{
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GError) error = NULL;
  guint selected;

  g_clear_handle_id (&self->filter_source, g_source_remove);
  clear_list (self);
  if (self->mode == MODE_NONE)
    return;

  if (!read_dates (self, &since, &until, &error))
    {
      show_error (self, error->message, FALSE);
      return;
    }

  selected = gtk_drop_down_get_selected (self->mode == MODE_TRANSACTIONS ? self->type_dropdown
                                                                         : self->state_dropdown);
  /* 0 is "All" */
  self->filtered = since != NULL || until != NULL || (selected != 0 && selected != GTK_INVALID_LIST_POSITION);
  self->list = new_list (self, since, until);
  g_signal_connect_swapped (self->list, "notify::loading", G_CALLBACK (list_state_changed), self);
  g_signal_connect_swapped (self->list, "notify::error", G_CALLBACK (list_state_changed), self);
  g_signal_connect_swapped (self->list, "notify::has-more", G_CALLBACK (list_state_changed), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    herald_paged_list_load_more (self->list);
  update_list_state (self);
}

static void
filter_changed (HeraldHistoryPage *self)
{
  rebuild_list (self);
}

static gboolean
dates_timeout_cb (gpointer user_data)
{
  HeraldHistoryPage *self = user_data;

  self->filter_source = 0;
  rebuild_list (self);

  return G_SOURCE_REMOVE;
}

static void
dates_changed (HeraldHistoryPage *self)
{
  g_clear_handle_id (&self->filter_source, g_source_remove);
  if (self->mode != MODE_NONE)
    self->filter_source = g_timeout_add (FILTER_DELAY_MS, dates_timeout_cb, self);
}

static void
update_controls (HeraldHistoryPage *self)
{
  gboolean remote = self->mode == MODE_HISTORY || self->mode == MODE_TRANSACTIONS;

  gtk_widget_set_visible (self->view_switch, remote && HERALD_IS_CREDIT_ACCOUNT (self->provider));
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
  rebuild_list (self);
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

/* @in_provider_history: a message in the provider's history was accepted,
 * so a queued one is "Pending" there; in the local log it is "Queued". */
static const char *
delivery_label (HeraldDeliveryState state,
                gboolean            in_provider_history)
{
  switch (state)
    {
    case HERALD_DELIVERY_QUEUED:
      return in_provider_history ? _("Pending") : _("Queued");
    case HERALD_DELIVERY_SENT:
      return _("Sent");
    case HERALD_DELIVERY_DELIVERED:
      return _("Delivered");
    case HERALD_DELIVERY_FAILED:
      return _("Failed");
    case HERALD_DELIVERY_UNKNOWN:
    default:
      return in_provider_history ? _("Unknown") : _("State unknown");
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
                             delivery_label (message->state, TRUE), recipients, message->credits_used);
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
  g_autofree char *caption = NULL;

  if (error != NULL)
    caption = g_strdup_printf ("%s · %s", delivery_label (herald_logged_message_get_state (message), FALSE), error);
  else
    caption = g_strdup (delivery_label (herald_logged_message_get_state (message), FALSE));
  herald_list_util_row_set (row, herald_logged_message_get_recipient (message), time,
                            herald_logged_message_get_text (message), caption);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, herald_list_util_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GObject *object = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);

  gtk_list_item_set_activatable (item, FALSE);
  if (HERALD_IS_LOGGED_MESSAGE (object))
    bind_logged (row, HERALD_LOGGED_MESSAGE (object));
  else if (HERALD_IS_BOXED_ITEM (object) &&
           herald_boxed_item_get_type_of (HERALD_BOXED_ITEM (object)) == HERALD_TYPE_SENT_MESSAGE)
    {
      bind_message (row, herald_boxed_item_get (HERALD_BOXED_ITEM (object)));
      gtk_list_item_set_activatable (item, TRUE);
    }
  else if (HERALD_IS_BOXED_ITEM (object) &&
           herald_boxed_item_get_type_of (HERALD_BOXED_ITEM (object)) == HERALD_TYPE_TRANSACTION)
    bind_transaction (row, herald_boxed_item_get (HERALD_BOXED_ITEM (object)));
}

static void
row_activated (HeraldHistoryPage *self,
               guint              position)
{
  g_autoptr(GObject) object = NULL;
  HeraldSentMessage *message;
  GtkWidget *dialog;
  GtkRoot *root;

  if (self->list == NULL || self->mode != MODE_HISTORY)
    return;

  object = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (!HERALD_IS_BOXED_ITEM (object))
    return;

  message = herald_boxed_item_get (HERALD_BOXED_ITEM (object));
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = herald_report_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     HERALD_HISTORY_SOURCE (self->provider), message->id);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- actions ------------------------------------------------------------- */

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeraldHistoryPage *self = HERALD_HISTORY_PAGE (widget);

  rebuild_list (self);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeraldHistoryPage *self = HERALD_HISTORY_PAGE (widget);

  if (self->list != NULL)
    herald_paged_list_load_more (self->list);
}

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
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));

  if (changed > 0)
    rebuild_list (self);
}

static void
refresh_status_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HeraldHistoryPage *self = HERALD_HISTORY_PAGE (widget);

  if (self->mode != MODE_LOG || self->refresh_cancellable != NULL)
    return;

  self->refresh_cancellable = g_cancellable_new ();
  update_controls (self);
  herald_delivery_refresh_async (herald_session_get_message_log (self->session), self->provider,
                                 herald_session_get_active_account_id (self->session), 0,
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
show_status (HeraldHistoryPage *self,
             const char        *icon_name,
             const char        *title,
             const char        *description)
{
  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
provider_changed (HeraldHistoryPage *self)
{
  HeraldProvider *provider = self->session != NULL ? herald_session_get_provider (self->session) : NULL;

  cancel_refresh_status (self);
  clear_list (self);
  g_set_object (&self->provider, provider);

  if (HERALD_IS_HISTORY_SOURCE (provider))
    self->mode = gtk_toggle_button_get_active (self->messages_toggle) || !HERALD_IS_CREDIT_ACCOUNT (provider)
                 ? MODE_HISTORY : MODE_TRANSACTIONS;
  else if (provider != NULL && herald_session_get_active_account_id (self->session) != NULL)
    self->mode = MODE_LOG;
  else
    self->mode = MODE_NONE;

  update_controls (self);
  if (self->mode != MODE_NONE)
    {
      gtk_stack_set_visible_child_name (self->stack, "history");
      rebuild_list (self);
    }
  else if (self->session != NULL && herald_session_get_provider_error (self->session) != NULL)
    show_status (self, "dialog-warning-symbolic", _("History Unavailable"),
                 herald_session_get_provider_error (self->session));
  else
    show_status (self, "document-open-recent-symbolic", _("No Sent Messages"),
                 _("Messages sent from Herald will be listed here with their delivery state."));
}

HeraldSession *
herald_history_page_get_session (HeraldHistoryPage *self)
{
  g_return_val_if_fail (HERALD_IS_HISTORY_PAGE (self), NULL);

  return self->session;
}

void
herald_history_page_set_session (HeraldHistoryPage *self,
                                 HeraldSession     *session)
{
  g_return_if_fail (HERALD_IS_HISTORY_PAGE (self));
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
herald_history_page_get_list (HeraldHistoryPage *self)
{
  g_return_val_if_fail (HERALD_IS_HISTORY_PAGE (self), NULL);

  return self->list;
}

GtkWidget *
herald_history_page_new (void)
{
  return g_object_new (HERALD_TYPE_HISTORY_PAGE, NULL);
}

/* ---- life cycle ---------------------------------------------------------- */

static void
herald_history_page_map (GtkWidget *widget)
{
  HeraldHistoryPage *self = HERALD_HISTORY_PAGE (widget);

  GTK_WIDGET_CLASS (herald_history_page_parent_class)->map (widget);

  if (self->list != NULL && herald_paged_list_get_pages_loaded (self->list) == 0)
    herald_paged_list_load_more (self->list);
}

static void
herald_history_page_unmap (GtkWidget *widget)
{
  HeraldHistoryPage *self = HERALD_HISTORY_PAGE (widget);

  /* Leaving the page stops what it asked for; what it has stays. */
  if (self->list != NULL && herald_paged_list_get_loading (self->list))
    herald_paged_list_reset (self->list);
  g_clear_handle_id (&self->filter_source, g_source_remove);

  GTK_WIDGET_CLASS (herald_history_page_parent_class)->unmap (widget);
}

static void
herald_history_page_dispose (GObject *object)
{
  HeraldHistoryPage *self = HERALD_HISTORY_PAGE (object);

  g_clear_handle_id (&self->filter_source, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  cancel_refresh_status (self);
  clear_list (self);
  g_clear_object (&self->provider);

  G_OBJECT_CLASS (herald_history_page_parent_class)->dispose (object);
}

static void
herald_history_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HeraldHistoryPage *self = HERALD_HISTORY_PAGE (object);

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
herald_history_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HeraldHistoryPage *self = HERALD_HISTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      herald_history_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_history_page_class_init (HeraldHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_history_page_dispose;
  object_class->get_property = herald_history_page_get_property;
  object_class->set_property = herald_history_page_set_property;
  widget_class->map = herald_history_page_map;
  widget_class->unmap = herald_history_page_unmap;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, HERALD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/herald-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, view_switch);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, messages_toggle);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, refresh_status_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, since_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, until_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, HeraldHistoryPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, dates_changed);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);

  gtk_widget_class_install_action (widget_class, "history.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "history.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "history.refresh-status", NULL, refresh_status_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "history.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "history.refresh", NULL);
}

static void
herald_history_page_init (HeraldHistoryPage *self)
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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.retry", FALSE);
  update_controls (self);
}
