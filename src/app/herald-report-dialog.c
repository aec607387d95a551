/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-format.h"
#include "herald-list-util.h"
#include "herald-report-dialog.h"

struct _HeraldReportDialog
{
  AdwWindow             parent_instance;

  HeraldHistorySource  *history;
  char                 *message_id;
  HeraldDeliveryReport *report;
  GCancellable         *cancellable;

  GtkStack             *stack;
  AdwStatusPage        *error_page;
  AdwPreferencesPage   *report_page;
};

G_DEFINE_FINAL_TYPE (HeraldReportDialog, herald_report_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
count_row (const char *title,
           const char *value,
           const char *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (label, name);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

static void
show_report (HeraldReportDialog *self)
{
  const HeraldRecipientDelivery *recipients;
  GtkWidget *summary = adw_preferences_group_new ();
  GtkWidget *list = adw_preferences_group_new ();
  g_autofree char *rate = NULL, *delivered = NULL, *failed = NULL, *pending = NULL;
  guint n = 0;

  /* TRANSLATORS: a delivery rate in percent, "66.7 %" */
  rate = g_strdup_printf (_("%.1f %%"), self->report->delivery_rate);
  delivered = g_strdup_printf ("%u", self->report->delivered);
  failed = g_strdup_printf ("%u", self->report->failed);
  pending = g_strdup_printf ("%u", self->report->pending);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (summary), _("Summary"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (summary), count_row (_("Delivery Rate"), rate, "rate"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (summary), count_row (_("Delivered"), delivered, "delivered"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (summary), count_row (_("Failed"), failed, "failed"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (summary), count_row (_("Pending"), pending, "pending"));
  adw_preferences_page_add (self->report_page, ADW_PREFERENCES_GROUP (summary));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (list), _("Recipients"));
  recipients = self->report->recipients;
  n = self->report->n_recipients;
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *time = herald_list_util_format_time (recipients[i].sent_at);
      const char *as_sent = recipients[i].provider_status;
      const char *state = recipients[i].state == HERALD_DELIVERY_UNKNOWN && as_sent != NULL
                          ? as_sent : herald_format_delivery_state (recipients[i].state, HERALD_STATE_OF_RECIPIENT);
      g_autofree char *subtitle = NULL;
      g_autofree char *number = NULL;

      subtitle = *time != '\0' ? g_strdup_printf ("%s · %s", state, time) : g_strdup (state);
      /* Providers may write numbers without the "+" of E.164; people read them with it. */
      number = g_ascii_isdigit (recipients[i].phone[0]) ? g_strconcat ("+", recipients[i].phone, NULL)
                                                         : g_strdup (recipients[i].phone);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), number);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (row, recipients[i].phone);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (list), row);
    }
  adw_preferences_page_add (self->report_page, ADW_PREFERENCES_GROUP (list));

  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
report_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HeraldReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->report = herald_history_source_get_report_finish (HERALD_HISTORY_SOURCE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (self->report == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  show_report (self);
}

GtkWidget *
herald_report_dialog_new (GtkWindow           *parent,
                          HeraldHistorySource *history,
                          const char          *message_id)
{
  HeraldReportDialog *self;

  g_return_val_if_fail (HERALD_IS_HISTORY_SOURCE (history), NULL);
  g_return_val_if_fail (message_id != NULL, NULL);

  self = g_object_new (HERALD_TYPE_REPORT_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->history = g_object_ref (history);
  self->message_id = g_strdup (message_id);
  self->cancellable = g_cancellable_new ();
  herald_history_source_get_report_async (history, message_id, self->cancellable,
                                          report_cb, g_object_ref (self));

  return GTK_WIDGET (self);
}

HeraldDeliveryReport *
herald_report_dialog_get_report (HeraldReportDialog *self)
{
  g_return_val_if_fail (HERALD_IS_REPORT_DIALOG (self), NULL);

  return self->report;
}

static gboolean
herald_report_dialog_close_request (GtkWindow *window)
{
  HeraldReportDialog *self = HERALD_REPORT_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (herald_report_dialog_parent_class)->close_request (window);
}

static void
herald_report_dialog_dispose (GObject *object)
{
  HeraldReportDialog *self = HERALD_REPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (herald_report_dialog_parent_class)->dispose (object);
}

static void
herald_report_dialog_finalize (GObject *object)
{
  HeraldReportDialog *self = HERALD_REPORT_DIALOG (object);

  g_clear_object (&self->history);
  g_free (self->message_id);
  g_clear_pointer (&self->report, herald_delivery_report_unref);

  G_OBJECT_CLASS (herald_report_dialog_parent_class)->finalize (object);
}

static void
herald_report_dialog_class_init (HeraldReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_report_dialog_dispose;
  object_class->finalize = herald_report_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = herald_report_dialog_close_request;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
herald_report_dialog_init (HeraldReportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Delivery Report"));
  gtk_window_set_default_size (GTK_WINDOW (self), 420, 560);
  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loading the report"), -1);
  gtk_stack_add_named (self->stack, spinner, "loading");

  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->error_page, _("No Report"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");

  self->report_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->report_page), "report");

  adw_window_set_content (ADW_WINDOW (self), box);
}
