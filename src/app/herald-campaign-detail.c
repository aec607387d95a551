/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-campaign-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-campaign-detail.h"

#define MAX_FAILED_ROWS 200

struct _HeraldCampaignDetail
{
  AdwWindow              parent_instance;

  HeraldSession         *session;
  HeraldCampaignRunner  *runner;
  gint64                 id;
  HeraldCampaignSummary *summary;     /* as last read */
  HeraldCampaignEngine  *engine;      /* the session's, while watched */
  GCancellable          *cancellable;
  gboolean               reading;
  gboolean               read_again;  /* a change came while reading */
  gboolean               stopping;    /* pause or cancel asked, not yet done */

  /* template children */
  AdwToastOverlay       *toast_overlay;
  AdwWindowTitle        *window_title;
  GtkLabel              *state_label;
  GtkLabel              *reason_label;
  GtkProgressBar        *progress_bar;
  GtkWidget             *actions_box;
  GtkWidget             *start_button;
  GtkLabel              *sent_label;
  GtkLabel              *failed_label;
  GtkLabel              *unknown_label;
  GtkLabel              *remaining_label;
  GtkLabel              *rate_label;
  GtkLabel              *eta_label;
  GtkLabel              *report_delivered_label;
  GtkLabel              *report_accepted_label;
  GtkLabel              *report_failed_label;
  GtkLabel              *report_pending_label;
  GtkLabel              *report_unknown_label;
  GtkLabel              *report_skipped_label;
  GtkLabel              *report_invalid_label;
  GtkLabel              *report_duplicates_label;
  GtkLabel              *report_delivery_rate_label;
  GtkWidget             *failed_group;
  GtkListBox            *failed_list;
};

G_DEFINE_FINAL_TYPE (HeraldCampaignDetail, herald_campaign_detail, ADW_TYPE_WINDOW)

/* ---- words ---------------------------------------------------------------- */

const char *
herald_campaign_state_label (HeraldCampaignState state)
{
  switch (state)
    {
    case HERALD_CAMPAIGN_DRAFT:
      return _("Draft");
    case HERALD_CAMPAIGN_SCHEDULED:
      return _("Scheduled");
    case HERALD_CAMPAIGN_RUNNING:
      return _("Running");
    case HERALD_CAMPAIGN_PAUSED:
      return _("Paused");
    case HERALD_CAMPAIGN_CANCELLED:
      return _("Cancelled");
    case HERALD_CAMPAIGN_FINISHED:
      return _("Finished");
    default:
      return "?";
    }
}

static guint
sent_of (const guint *counts)
{
  return counts[HERALD_RECIPIENT_STATE_ACCEPTED] + counts[HERALD_RECIPIENT_STATE_SENT] +
         counts[HERALD_RECIPIENT_STATE_DELIVERED];
}

static guint
left_of (const guint *counts)
{
  return counts[HERALD_RECIPIENT_STATE_PENDING] + counts[HERALD_RECIPIENT_STATE_SUBMITTING];
}

char *
herald_campaign_counts_line (const guint *counts)
{
  guint total = 0;

  for (guint i = 0; i < HERALD_RECIPIENT_N_STATES; i++)
    total += counts[i];
  /* TRANSLATORS: a campaign's counts in the list of campaigns */
  return g_strdup_printf (_("%u recipients: %u sent, %u failed, %u unknown, %u left, %u skipped"), total,
                          sent_of (counts), counts[HERALD_RECIPIENT_STATE_FAILED],
                          counts[HERALD_RECIPIENT_STATE_UNKNOWN], left_of (counts),
                          counts[HERALD_RECIPIENT_STATE_SKIPPED]);
}

static void
set_count (GtkLabel *label,
           guint     value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  gtk_label_set_text (label, text);
}

static void
toast (HeraldCampaignDetail *self,
       const char           *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* ---- showing -------------------------------------------------------------- */

static HeraldCampaignState
current_state (HeraldCampaignDetail *self)
{
  if (self->engine != NULL && herald_campaign_runner_is_running (self->runner, self->id))
    return herald_campaign_engine_get_state (self->engine);
  return self->summary != NULL ? self->summary->record->state : HERALD_CAMPAIGN_DRAFT;
}

static void
update_actions (HeraldCampaignDetail *self)
{
  HeraldCampaignState state = current_state (self);
  gboolean running_here = herald_campaign_runner_is_running (self->runner, self->id);
  gboolean over = state == HERALD_CAMPAIGN_FINISHED || state == HERALD_CAMPAIGN_CANCELLED;
  gboolean loaded = self->summary != NULL;

  /* Nothing to do with one that is over but read its report. */
  gtk_widget_set_visible (self->actions_box, !over);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.start", loaded && !over && !running_here);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.pause", running_here && !self->stopping);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.cancel", loaded && !over && !self->stopping);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.export", loaded && self->summary->recipients != NULL);
  gtk_button_set_label (GTK_BUTTON (self->start_button),
                        state == HERALD_CAMPAIGN_PAUSED || state == HERALD_CAMPAIGN_RUNNING ? _("_Resume")
                                                                                            : _("_Start"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->start_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  state == HERALD_CAMPAIGN_PAUSED || state == HERALD_CAMPAIGN_RUNNING
                                  ? _("Resume Campaign") : _("Start Campaign"), -1);
}

/* The counts, from the engine while it runs here, else as read. */
static void
show_counts (HeraldCampaignDetail *self,
             const guint          *counts,
             double                rate,
             gint64                eta)
{
  guint total = 0;
  guint done;
  guint delivered = counts[HERALD_RECIPIENT_STATE_DELIVERED];
  guint reported = delivered + counts[HERALD_RECIPIENT_STATE_FAILED];
  g_autofree char *progress = NULL;

  for (guint i = 0; i < HERALD_RECIPIENT_N_STATES; i++)
    total += counts[i];
  done = total - left_of (counts);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0.0);
  /* TRANSLATORS: the progress bar's text: recipients done of all */
  progress = g_strdup_printf (_("%u of %u"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, progress);

  set_count (self->sent_label, sent_of (counts));
  set_count (self->failed_label, counts[HERALD_RECIPIENT_STATE_FAILED]);
  set_count (self->unknown_label, counts[HERALD_RECIPIENT_STATE_UNKNOWN]);
  set_count (self->remaining_label, left_of (counts));
  if (rate > 0)
    {
      /* TRANSLATORS: recipients answered a minute */
      g_autofree char *text = g_strdup_printf (_("%.0f a minute"), rate);

      gtk_label_set_text (self->rate_label, text);
    }
  else
    gtk_label_set_text (self->rate_label, "—");
  if (eta >= 0 && left_of (counts) > 0)
    {
      g_autofree char *text = eta >= 3600
        ? g_strdup_printf (_("%" G_GINT64_FORMAT " h %02" G_GINT64_FORMAT " min"), eta / 3600, (eta % 3600) / 60)
        : eta >= 60 ? g_strdup_printf (_("%" G_GINT64_FORMAT " min"), (eta + 59) / 60)
                    : g_strdup_printf (_("%" G_GINT64_FORMAT " s"), eta);

      gtk_label_set_text (self->eta_label, text);
    }
  else
    gtk_label_set_text (self->eta_label, "—");

  set_count (self->report_delivered_label, delivered);
  set_count (self->report_accepted_label, counts[HERALD_RECIPIENT_STATE_ACCEPTED] + counts[HERALD_RECIPIENT_STATE_SENT]);
  set_count (self->report_failed_label, counts[HERALD_RECIPIENT_STATE_FAILED]);
  set_count (self->report_pending_label, left_of (counts));
  set_count (self->report_unknown_label, counts[HERALD_RECIPIENT_STATE_UNKNOWN]);
  set_count (self->report_skipped_label, counts[HERALD_RECIPIENT_STATE_SKIPPED]);
  if (reported > 0)
    {
      /* TRANSLATORS: delivered among those whose fate the provider reported */
      g_autofree char *text = g_strdup_printf (_("%.0f %% (%u of %u reported)"), 100.0 * delivered / reported,
                                               delivered, reported);

      gtk_label_set_text (self->report_delivery_rate_label, text);
    }
  else
    gtk_label_set_text (self->report_delivery_rate_label, _("No delivery reports yet"));
}

static void
show_state (HeraldCampaignDetail *self)
{
  HeraldCampaignState state = current_state (self);
  const char *reason = NULL;
  g_autofree char *text = NULL;

  if (self->engine != NULL && herald_campaign_runner_is_running (self->runner, self->id))
    {
      gint64 waiting = herald_campaign_engine_get_waiting_until (self->engine);

      if (waiting > 0)
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (waiting);
          g_autofree char *time = g_date_time_format (when, "%H:%M");

          /* TRANSLATORS: %s is a time of day */
          text = g_strdup_printf (_("Waiting until %s (sending window)"), time);
        }
      else if (self->stopping)
        text = g_strdup (_("Stopping after the request in flight…"));
    }
  else if (state == HERALD_CAMPAIGN_RUNNING && self->summary != NULL &&
           herald_campaign_lease_holder_gone (self->summary->record->lease_pid, self->summary->record->lease_host,
                                              self->summary->record->lease_expires))
    text = g_strdup (_("Interrupted: the program that sent it stopped. Resume sends the rest, "
                       "and nobody gets the message twice."));
  if (text == NULL)
    text = g_strdup (herald_campaign_state_label (state));
  gtk_label_set_text (self->state_label, text);
  adw_window_title_set_subtitle (self->window_title, herald_campaign_state_label (state));

  if (state == HERALD_CAMPAIGN_PAUSED)
    reason = self->engine != NULL && herald_campaign_engine_get_pause_reason (self->engine) != NULL
             ? herald_campaign_engine_get_pause_reason (self->engine)
             : self->summary != NULL ? self->summary->record->pause_reason : NULL;
  gtk_label_set_text (self->reason_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), reason != NULL);
  update_actions (self);
}

static void
show_summary (HeraldCampaignDetail *self)
{
  HeraldCampaignSummary *summary = self->summary;
  GtkWidget *child;
  guint n_failed = 0;

  gtk_window_set_title (GTK_WINDOW (self), summary->record->name);
  adw_window_title_set_title (self->window_title, summary->record->name);
  show_counts (self, summary->counts, -1, -1);
  set_count (self->report_invalid_label, summary->rejects != NULL ? summary->rejects->len / 2 : 0);
  set_count (self->report_duplicates_label, summary->record->n_duplicates);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->failed_list))) != NULL)
    gtk_list_box_remove (self->failed_list, child);
  for (guint i = 0; summary->recipients != NULL && i < summary->recipients->len; i++)
    {
      HeraldCampaignRecipient *r = summary->recipients->pdata[i];
      GtkWidget *row;

      if (r->state != HERALD_RECIPIENT_STATE_FAILED && r->state != HERALD_RECIPIENT_STATE_UNKNOWN)
        continue;
      if (++n_failed > MAX_FAILED_ROWS)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->phone);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   r->error != NULL ? r->error
                                   : r->state == HERALD_RECIPIENT_STATE_UNKNOWN
                                   ? _("May have been sent: the provider’s answer was lost")
                                   : _("Failed"));
      gtk_list_box_append (self->failed_list, row);
    }
  gtk_widget_set_visible (self->failed_group, n_failed > 0);
  show_state (self);
}

static void
engine_progress_cb (HeraldCampaignDetail *self)
{
  guint counts[HERALD_RECIPIENT_N_STATES];

  for (guint i = 0; i < HERALD_RECIPIENT_N_STATES; i++)
    counts[i] = herald_campaign_engine_get_count (self->engine, i);
  if (herald_campaign_engine_get_total (self->engine) > 0)
    show_counts (self, counts, herald_campaign_engine_get_rate (self->engine),
                 herald_campaign_engine_get_eta (self->engine));
  show_state (self);
}

static void
watch_engine (HeraldCampaignDetail *self,
              HeraldCampaignEngine *engine)
{
  if (self->engine == engine)
    return;
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_set_object (&self->engine, engine);
  if (engine == NULL)
    return;
  g_signal_connect_swapped (engine, "progress", G_CALLBACK (engine_progress_cb), self);
  g_signal_connect_swapped (engine, "notify::state", G_CALLBACK (show_state), self);
  g_signal_connect_swapped (engine, "notify::waiting-until", G_CALLBACK (show_state), self);
}

/* ---- reading -------------------------------------------------------------- */

static void read_summary (HeraldCampaignDetail *self);

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  HeraldCampaignDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaignSummary) summary = herald_campaign_runner_read_finish (HERALD_CAMPAIGN_RUNNER (object),
                                                                                 result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->reading = FALSE;
  if (summary == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not read the campaign: %s"), error->message);

      toast (self, text);
    }
  else
    {
      g_clear_pointer (&self->summary, herald_campaign_summary_unref);
      self->summary = g_steal_pointer (&summary);
      show_summary (self);
    }
  if (self->read_again)
    read_summary (self);
}

static void
read_summary (HeraldCampaignDetail *self)
{
  if (self->reading)
    {
      self->read_again = TRUE;
      return;
    }
  self->reading = TRUE;
  self->read_again = FALSE;
  herald_campaign_runner_read_async (self->runner, self->id, TRUE, self->cancellable, read_cb, self);
}

static void
runner_changed_cb (HeraldCampaignDetail *self,
                   gint64                id)
{
  if (id != self->id)
    return;
  if (!herald_campaign_runner_is_running (self->runner, id))
    self->stopping = FALSE;
  watch_engine (self, herald_campaign_runner_lookup (self->runner, id));
  read_summary (self);
  show_state (self);
}

/* ---- actions -------------------------------------------------------------- */

static void
start_campaign (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeraldCampaignDetail *self = HERALD_CAMPAIGN_DETAIL (widget);
  g_autoptr(GError) error = NULL;

  if (self->summary == NULL)
    return;
  if (herald_session_start_campaign (self->session, self->id, self->summary->record->account_id, &error) == NULL)
    toast (self, error->message);
}

static void
stopped_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HeraldCampaignDetail) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!herald_campaign_runner_stop_finish (HERALD_CAMPAIGN_RUNNER (object), result, &error))
    {
      self->stopping = FALSE;
      if (self->runner != NULL)
        {
          toast (self, error->message);
          show_state (self);
        }
    }
}

static void
stop (HeraldCampaignDetail *self,
      HeraldCampaignState   state)
{
  self->stopping = herald_campaign_runner_is_running (self->runner, self->id);
  herald_campaign_runner_stop_async (self->runner, self->id, state, NULL, stopped_cb, g_object_ref (self));
  show_state (self);
}

static void
pause_campaign (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  stop (HERALD_CAMPAIGN_DETAIL (widget), HERALD_CAMPAIGN_PAUSED);
}

static void
cancel_response_cb (HeraldCampaignDetail *self,
                    const char           *response)
{
  if (g_strcmp0 (response, "cancel-campaign") == 0 && self->runner != NULL)
    stop (self, HERALD_CAMPAIGN_CANCELLED);
}

static void
cancel_campaign (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HeraldCampaignDetail *self = HERALD_CAMPAIGN_DETAIL (widget);
  guint left = self->summary != NULL ? left_of (self->summary->counts) : 0;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->engine != NULL && herald_campaign_runner_is_running (self->runner, self->id))
    left = herald_campaign_engine_get_remaining (self->engine);
  body = g_strdup_printf (g_dngettext (NULL, "The %u recipient not sent yet will never get the message. "
                                       "A cancelled campaign cannot be resumed.",
                                       "The %u recipients not sent yet will never get the message. "
                                       "A cancelled campaign cannot be resumed.", left), left);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cancel the Campaign?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep It"),
                                    "cancel-campaign", _("_Cancel Campaign"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-campaign",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- export --------------------------------------------------------------- */

static GBytes *
report_csv (HeraldCampaignSummary  *summary,
            GError                **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(HeraldCsvWriter) writer = herald_csv_writer_new (stream, ',');
  const char *header[] = { "phone", "state", "error", "message_id", "attempts" };

  if (!herald_csv_writer_write_row (writer, header, G_N_ELEMENTS (header), NULL, error))
    return NULL;
  for (guint i = 0; i < summary->recipients->len; i++)
    {
      HeraldCampaignRecipient *r = summary->recipients->pdata[i];
      g_autofree char *attempts = g_strdup_printf ("%u", r->attempts);
      const char *fields[] = { r->phone, herald_recipient_state_to_string (r->state),
                               r->error != NULL ? r->error : "", r->message_id != NULL ? r->message_id : "",
                               attempts };

      if (!herald_csv_writer_write_row (writer, fields, G_N_ELEMENTS (fields), NULL, error))
        return NULL;
    }
  for (guint i = 0; summary->rejects != NULL && i + 1 < summary->rejects->len; i += 2)
    {
      const char *fields[] = { summary->rejects->pdata[i], "invalid", summary->rejects->pdata[i + 1], "", "0" };

      if (!herald_csv_writer_write_row (writer, fields, G_N_ELEMENTS (fields), NULL, error))
        return NULL;
    }
  if (!herald_csv_writer_flush (writer, NULL, error) || !g_output_stream_close (stream, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
herald_campaign_detail_export_async (HeraldCampaignDetail *self,
                                     GFile                *file,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (HERALD_IS_CAMPAIGN_DETAIL (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_campaign_detail_export_async);
  if (self->summary == NULL || self->summary->recipients == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "%s",
                               _("The report is still being read; try again in a moment."));
      return;
    }
  bytes = report_csv (self->summary, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, replaced_cb, g_steal_pointer (&task));
}

gboolean
herald_campaign_detail_export_finish (HeraldCampaignDetail  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  HeraldCampaignDetail *self = HERALD_CAMPAIGN_DETAIL (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (herald_campaign_detail_export_finish (self, result, &error))
    text = g_strdup (_("Report exported"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    text = g_strdup_printf (_("Could not export the report: %s"), error->message);
  if (text != NULL)
    toast (self, text);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  HeraldCampaignDetail *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        herald_campaign_detail_export_async (self, file, self->cancellable, exported_cb, NULL);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_report (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeraldCampaignDetail *self = HERALD_CAMPAIGN_DETAIL (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->summary == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  /* TRANSLATORS: the file name offered for a campaign's report */
  name = g_strdup_printf (_("%s report.csv"), self->summary->record->name);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the object ----------------------------------------------------------- */

gint64
herald_campaign_detail_get_id (HeraldCampaignDetail *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_DETAIL (self), 0);
  return self->id;
}

HeraldCampaignState
herald_campaign_detail_get_state (HeraldCampaignDetail *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_DETAIL (self), HERALD_CAMPAIGN_DRAFT);
  return current_state (self);
}

gboolean
herald_campaign_detail_get_loaded (HeraldCampaignDetail *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_DETAIL (self), FALSE);
  return self->summary != NULL && !self->reading;
}

static void
herald_campaign_detail_dispose (GObject *object)
{
  HeraldCampaignDetail *self = HERALD_CAMPAIGN_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  watch_engine (self, NULL);
  if (self->runner != NULL)
    g_signal_handlers_disconnect_by_data (self->runner, self);
  g_clear_object (&self->runner);
  g_clear_object (&self->session);
  g_clear_pointer (&self->summary, herald_campaign_summary_unref);

  G_OBJECT_CLASS (herald_campaign_detail_parent_class)->dispose (object);
}

static void
herald_campaign_detail_class_init (HeraldCampaignDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_campaign_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/herald-campaign-detail.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (state_label);
  BIND (reason_label);
  BIND (progress_bar);
  BIND (actions_box);
  BIND (start_button);
  BIND (sent_label);
  BIND (failed_label);
  BIND (unknown_label);
  BIND (remaining_label);
  BIND (rate_label);
  BIND (eta_label);
  BIND (report_delivered_label);
  BIND (report_accepted_label);
  BIND (report_failed_label);
  BIND (report_pending_label);
  BIND (report_unknown_label);
  BIND (report_skipped_label);
  BIND (report_invalid_label);
  BIND (report_duplicates_label);
  BIND (report_delivery_rate_label);
  BIND (failed_group);
  BIND (failed_list);
#undef BIND

  gtk_widget_class_install_action (widget_class, "campaign.start", NULL, start_campaign);
  gtk_widget_class_install_action (widget_class, "campaign.pause", NULL, pause_campaign);
  gtk_widget_class_install_action (widget_class, "campaign.cancel", NULL, cancel_campaign);
  gtk_widget_class_install_action (widget_class, "campaign.export", NULL, export_report);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
herald_campaign_detail_init (HeraldCampaignDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
herald_campaign_detail_new (HeraldSession *session,
                            gint64         id)
{
  HeraldCampaignDetail *self;

  g_return_val_if_fail (HERALD_IS_SESSION (session), NULL);

  self = g_object_new (HERALD_TYPE_CAMPAIGN_DETAIL, NULL);
  self->session = g_object_ref (session);
  self->runner = g_object_ref (herald_session_get_campaign_runner (session));
  self->id = id;
  g_signal_connect_swapped (self->runner, "changed", G_CALLBACK (runner_changed_cb), self);
  watch_engine (self, herald_campaign_runner_lookup (self->runner, id));
  update_actions (self);
  read_summary (self);
  return GTK_WIDGET (self);
}
