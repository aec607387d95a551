/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-compose-page"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-compose-page-private.h"
#include "net/herald-provider-error.h"

/* ---- the banner -------------------------------------------------------------- */

void
herald_compose_page_show_banner (HeraldComposePage         *self,
                                 const char                *text,
                                 HeraldComposeBannerAction  action)
{
  self->banner_action = action;
  gtk_label_set_text (self->banner_label, text);
  switch (action)
    {
    case HERALD_COMPOSE_BANNER_ACCOUNT_SETTINGS:
      gtk_button_set_label (self->banner_button, _("Account Settings"));
      break;
    case HERALD_COMPOSE_BANNER_RETRY:
      gtk_button_set_label (self->banner_button, _("Try Again"));
      break;
    case HERALD_COMPOSE_BANNER_DISMISS:
    default:
      gtk_button_set_label (self->banner_button, _("Dismiss"));
      break;
    }
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

void
herald_compose_page_hide_banner (HeraldComposePage *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

void
herald_compose_page_banner_clicked (HeraldComposePage *self)
{
  HeraldComposeBannerAction action = self->banner_action;

  herald_compose_page_hide_banner (self);
  if (action == HERALD_COMPOSE_BANNER_ACCOUNT_SETTINGS)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.preferences-page", "s", "accounts");
  else if (action == HERALD_COMPOSE_BANNER_RETRY)
    herald_compose_page_send (self);
}

/* What went wrong and what to do about it, from the details the provider
 * error carries; Herald's own message for anything else. */
void
herald_compose_page_show_error (HeraldComposePage *self,
                                const GError      *error)
{
  g_autofree char *text = NULL;
  HeraldComposeBannerAction action = HERALD_COMPOSE_BANNER_DISMISS;

  if (error->domain == HERALD_PROVIDER_ERROR)
    {
      switch ((HeraldProviderErrorCode) error->code)
        {
        case HERALD_PROVIDER_ERROR_UNAUTHORIZED:
          text = g_strdup (_("The provider rejected the API key. Enter a valid key in the account settings."));
          action = HERALD_COMPOSE_BANNER_ACCOUNT_SETTINGS;
          break;

        case HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED:
          {
            gint64 needed = herald_provider_error_get_credits_needed (error);
            gint64 balance = herald_provider_error_get_balance (error);

            if (needed >= 0 && balance >= 0)
              text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Not enough credits: this send needs %lld"
                                                   " credit and the balance is %lld"
                                                   ". Top up the account or send to fewer recipients.",
                                                   "Not enough credits: this send needs %lld"
                                                   " credits and the balance is %lld"
                                                   ". Top up the account or send to fewer recipients.",
                                                   (gulong) needed),
                                      (long long) needed, (long long) balance);
            else if (needed >= 0)
              text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Not enough credits: this send needs %lld"
                                                   " credit. Top up the account or send to fewer recipients.",
                                                   "Not enough credits: this send needs %lld"
                                                   " credits. Top up the account or send to fewer recipients.",
                                                   (gulong) needed),
                                      (long long) needed);
            else
              text = g_strdup (_("Not enough credits for this send. Top up the account or send to fewer recipients."));
          }
          break;

        case HERALD_PROVIDER_ERROR_FORBIDDEN:
          {
            const char *scope = herald_provider_error_get_scope (error);

            if (scope != NULL)
              text = g_strdup_printf (_("The API key lacks the “%s” permission. Create a key that has it and enter it in the account settings."),
                                      scope);
            else
              text = g_strdup (_("The API key is not allowed to send. Create a key that may send and enter it in the account settings."));
            action = HERALD_COMPOSE_BANNER_ACCOUNT_SETTINGS;
          }
          break;

        case HERALD_PROVIDER_ERROR_RATE_LIMITED:
          {
            gint64 retry_at = herald_provider_error_get_retry_at (error);
            g_autoptr(GDateTime) when = retry_at > 0 ? g_date_time_new_from_unix_local (retry_at) : NULL;

            if (when != NULL)
              {
                g_autofree char *time = g_date_time_format (when, "%X");

                text = g_strdup_printf (_("Too many requests: the provider accepts more at %s. Try again then."), time);
              }
            else
              text = g_strdup (_("Too many requests: wait a minute, then try again."));
            action = HERALD_COMPOSE_BANNER_RETRY;
          }
          break;

        case HERALD_PROVIDER_ERROR_NO_DEVICE:
          text = g_strdup (_("No phone is online for this account. Open the FlixySMS app on a phone, then try again."));
          action = HERALD_COMPOSE_BANNER_RETRY;
          break;

        case HERALD_PROVIDER_ERROR_NOT_FOUND:
        case HERALD_PROVIDER_ERROR_BAD_REQUEST:
        case HERALD_PROVIDER_ERROR_SERVER_ERROR:
        case HERALD_PROVIDER_ERROR_NETWORK:
        case HERALD_PROVIDER_ERROR_TLS:
        case HERALD_PROVIDER_ERROR_TIMEOUT:
        case HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE:
        case HERALD_PROVIDER_ERROR_FATE_UNKNOWN:
        case HERALD_PROVIDER_ERROR_INVALID_INPUT:
        default:
          break;
        }
    }

  herald_compose_page_show_banner (self, text != NULL ? text : error->message, action);
}

/* ---- results ------------------------------------------------------------------ */

void
herald_compose_page_clear_results (HeraldComposePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rejected_list))) != NULL)
    gtk_list_box_remove (self->rejected_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->rejected_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->results_group), FALSE);
}

static void
add_rejected_row (HeraldComposePage *self,
                  const char        *input,
                  const char        *reason)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), input);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason != NULL ? reason : "");
  gtk_list_box_append (self->rejected_list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->rejected_list), TRUE);
}

static const char *
outcome_reason (HeraldRecipientOutcome outcome,
                const char            *reason)
{
  if (reason != NULL && *reason != '\0')
    return reason;
  switch (outcome)
    {
    case HERALD_RECIPIENT_INVALID:
      return _("The provider refused this number.");
    case HERALD_RECIPIENT_FATE_UNKNOWN:
      return _("It is not known whether this was sent: check the history before sending again.");
    case HERALD_RECIPIENT_NOT_SENT:
    case HERALD_RECIPIENT_QUEUED:
    case HERALD_RECIPIENT_DUPLICATE:
    default:
      return _("Not sent.");
    }
}

static void
show_results (HeraldComposePage *self,
              HeraldSendReport  *report)
{
  guint n = herald_send_report_get_n_recipients (report);
  guint queued = herald_send_report_count (report, HERALD_RECIPIENT_QUEUED);
  const char * const *ids = herald_send_report_get_message_ids (report);
  g_autofree char *summary = NULL;
  gint64 balance = herald_send_report_get_balance_after (report);

  herald_compose_page_clear_results (self);

  if (balance >= 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Sent to %u recipient. New balance: %lld credits.",
                                            "Sent to %u recipients. New balance: %lld credits.",
                                            queued),
                               queued, (long long) balance);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sent to %u recipient.", "Sent to %u recipients.",
                                            queued),
                               queued);
  gtk_label_set_text (self->results_summary, summary);

  if (ids != NULL && ids[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) ids);
      g_autofree char *text = g_strdup_printf (_("Message IDs: %s"), joined);

      gtk_label_set_text (self->results_ids, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results_ids), ids != NULL && ids[0] != NULL);

  /* The numbers Herald did not even send, then those the send did not take. */
  for (guint i = 0; i < herald_recipient_list_get_n_entries (self->recipients); i++)
    if (herald_recipient_list_get_number (self->recipients, i) == NULL)
      add_rejected_row (self, herald_recipient_list_get_input (self->recipients, i),
                        herald_recipient_list_get_message (self->recipients, i));

  for (guint i = 0; i < n; i++)
    {
      HeraldRecipientOutcome outcome = herald_send_report_get_outcome (report, i);

      if (outcome == HERALD_RECIPIENT_QUEUED || outcome == HERALD_RECIPIENT_DUPLICATE)
        continue;
      add_rejected_row (self, herald_send_report_get_input (report, i),
                        outcome_reason (outcome, herald_send_report_get_reason (report, i)));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->results_group), TRUE);
}

/* ---- sending ---------------------------------------------------------------- */

static void
progress_cb (HeraldComposePage *self)
{
  g_autofree char *text = NULL;

  if (self->job == NULL)
    return;
  text = g_strdup_printf (_("%u of %u"), herald_send_job_get_sent (self->job), herald_send_job_get_total (self->job));
  gtk_progress_bar_set_fraction (self->progress_bar, herald_send_job_get_fraction (self->job));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

/* The outcome of a finished job: results and banner. */
static void
show_outcome (HeraldComposePage *self,
              HeraldSendJob     *job)
{
  HeraldSendReport *report = herald_send_job_get_report (job);
  const GError *stopped_by;

  if (report == NULL)
    {
      const GError *error = herald_send_job_get_error (job);

      if (error != NULL)
        herald_compose_page_show_error (self, error);
      return;
    }

  show_results (self, report);
  stopped_by = herald_send_report_get_error (report);
  if (stopped_by != NULL && !g_error_matches (stopped_by, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    herald_compose_page_show_error (self, stopped_by);
  else
    herald_compose_page_hide_banner (self);
}

static void job_finished_cb (HeraldComposePage *self);

/* The page only observes the job: the session owns and runs it, so the
 * page going away neither stops it nor is kept alive by it. */
void
herald_compose_page_set_job (HeraldComposePage *self,
                             HeraldSendJob     *job)
{
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_set_object (&self->job, job);
  if (job != NULL)
    {
      g_signal_connect_object (job, "notify::sent", G_CALLBACK (progress_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (job, "notify::finished", G_CALLBACK (job_finished_cb), self, G_CONNECT_SWAPPED);
      progress_cb (self);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), job != NULL);
  /* Read-only rather than insensitive: the focus stays in the page, so
   * that its shortcuts (Ctrl+N after the send) keep working. */
  gtk_text_view_set_editable (self->recipients_view, job == NULL);
  gtk_text_view_set_editable (self->message_view, job == NULL);
  herald_compose_page_update_actions (self);
}

static void
job_finished_cb (HeraldComposePage *self)
{
  g_autoptr(HeraldSendJob) job = g_object_ref (self->job);
  GtkRoot *root;

  if (!herald_send_job_get_finished (job))
    return;

  herald_compose_page_set_job (self, NULL);

  /* The Send button that had the focus was insensitive meanwhile: bring
   * the focus back into the page so that Ctrl+N works without a click. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL && gtk_root_get_focus (root) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->message_view));

  show_outcome (self, job);
}

/* A page that gets a session shows its newest send: in progress, or how
 * it ended (a page closed and opened again mid-send finds it there). */
void
herald_compose_page_follow_session_send (HeraldComposePage *self)
{
  GListModel *jobs;
  guint n;
  g_autoptr(HeraldSendJob) job = NULL;

  if (self->session == NULL || self->job != NULL)
    return;
  jobs = herald_session_get_send_jobs (self->session);
  n = jobs != NULL ? g_list_model_get_n_items (jobs) : 0;
  if (n == 0)
    return;

  job = g_list_model_get_item (jobs, n - 1);
  if (herald_send_job_get_finished (job))
    show_outcome (self, job);
  else
    herald_compose_page_set_job (self, job);
}

/* "YYYY-MM-DD HH:MM" in local time; NULL with @error for anything else. */
static GDateTime *
parse_schedule (const char  *text,
                GError     **error)
{
  GDateTime *when = NULL;

  herald_date_input_parse_time (text, NULL, &when, NULL);
  if (when == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("The schedule “%s” is not a date and time like 2026-12-31 18:30; correct it or leave it empty."),
                 text);
  return when;
}

static void
start_send (HeraldComposePage *self)
{
  g_autofree char *text = herald_compose_page_dup_text (self->message_view);
  g_auto(GStrv) numbers = herald_send_plan_dup_numbers (self->plan);
  g_autoptr(HeraldOutgoing) outgoing = herald_outgoing_new (text);
  g_autoptr(GError) error = NULL;
  HeraldSendJob *job;
  g_autofree char *why_not = NULL;

  if (!herald_compose_page_can_send (self, &why_not))
    {
      herald_compose_page_show_banner (self, why_not, HERALD_COMPOSE_BANNER_DISMISS);
      return;
    }

  for (guint i = 0; numbers[i] != NULL; i++)
    herald_outgoing_add_recipient (outgoing, numbers[i]);

  if (gtk_widget_get_visible (GTK_WIDGET (self->sender_row)) && adw_combo_row_get_selected (self->sender_row) > 0)
    herald_outgoing_set_sender_id (outgoing,
                                   gtk_string_list_get_string (self->sender_ids,
                                                               adw_combo_row_get_selected (self->sender_row)));
  if (gtk_widget_get_visible (GTK_WIDGET (self->campaign_row)))
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->campaign_row))));

      if (*name != '\0')
        herald_outgoing_set_campaign_name (outgoing, name);
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->schedule_row)))
    {
      g_autofree char *schedule = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->schedule_row))));

      if (*schedule != '\0')
        {
          g_autoptr(GError) schedule_error = NULL;
          g_autoptr(GDateTime) when = parse_schedule (schedule, &schedule_error);

          if (when == NULL)
            {
              herald_compose_page_show_banner (self, schedule_error->message, HERALD_COMPOSE_BANNER_DISMISS);
              return;
            }
          herald_outgoing_set_schedule (outgoing, when);
        }
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->device_row)))
    {
      g_autofree char *device = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->device_row))));

      if (*device != '\0')
        herald_outgoing_set_device_id (outgoing, device);
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->media_row)))
    {
      const char *media = gtk_editable_get_text (GTK_EDITABLE (self->media_row));

      if (*media != '\0')
        herald_outgoing_set_media_url (outgoing, media);
    }

  herald_compose_page_hide_banner (self);
  herald_compose_page_clear_results (self);

  job = herald_session_start_send (self->session, outgoing, &error);
  if (job == NULL)
    {
      herald_compose_page_show_error (self, error);
      return;
    }
  herald_compose_page_set_job (self, job);
}

static void
confirm_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     HeraldComposePage *self)
{
  self->confirm_dialog = NULL;
  if (g_strcmp0 (response, "send") == 0)
    start_send (self);
}

void
herald_compose_page_send (HeraldComposePage *self)
{
  g_autofree char *why_not = NULL;
  guint recipients, credits;
  gint64 balance;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root;

  if (!herald_compose_page_can_send (self, &why_not))
    {
      herald_compose_page_show_banner (self, why_not, HERALD_COMPOSE_BANNER_DISMISS);
      return;
    }
  if (self->confirm_dialog != NULL)
    return;

  /* The figures and whether to ask are the core's plan (the same as
   * `heraldctl send` prints), with the threshold and balance of now. */
  herald_compose_page_update_plan (self);
  recipients = herald_send_plan_get_n_valid (self->plan);
  credits = herald_send_plan_get_credits (self->plan);
  root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!herald_send_plan_get_needs_confirmation (self->plan) || !GTK_IS_WINDOW (root))
    {
      start_send (self);
      return;
    }

  balance = herald_send_plan_get_balance (self->plan);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Send to %u Recipient?", "Send to %u Recipients?",
                                          recipients),
                             recipients);
  if (balance >= 0)
    body = g_strdup_printf (_("This send costs %u credits. The balance is %lld credits."),
                            credits, (long long) balance);
  else
    body = g_strdup_printf (_("This send costs %u credits. The balance is not known."), credits);

  self->confirm_dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), heading, body));
  adw_message_dialog_add_responses (self->confirm_dialog,
                                    "cancel", _("_Cancel"),
                                    "send", _("_Send"),
                                    NULL);
  adw_message_dialog_set_response_appearance (self->confirm_dialog, "send", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (self->confirm_dialog, "send");
  adw_message_dialog_set_close_response (self->confirm_dialog, "cancel");
  g_signal_connect (self->confirm_dialog, "response", G_CALLBACK (confirm_response_cb), self);
  gtk_window_present (GTK_WINDOW (self->confirm_dialog));
}

void
herald_compose_page_stop (HeraldComposePage *self)
{
  if (self->job == NULL)
    return;
  herald_send_job_stop (self->job);
  gtk_progress_bar_set_text (self->progress_bar, _("Stopping after the part being sent…"));
}
