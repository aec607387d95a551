/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-campaign-assistant"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "herald-campaign-assistant.h"

#define PREVIEW_ROWS   5
#define MAX_REJECT_ROWS 200
#define GATHER_DELAY_MS 250

static const char * const step_names[] = { "basics", "audience", "message", "schedule", "review" };
#define N_STEPS G_N_ELEMENTS (step_names)

struct _HeraldCampaignAssistant
{
  AdwWindow               parent_instance;

  HeraldSession          *session;
  HeraldContactStore     *contacts;
  GCancellable           *cancellable;      /* everything, on dispose */
  GCancellable           *gather_cancellable;
  guint                   gather_source;
  HeraldCampaignAudience *audience;         /* for the inputs as they stand, or NULL */
  char                   *audience_error;
  GPtrArray              *templates;        /* HeraldLocalTemplate, in the row's order after "None" */
  GPtrArray              *group_checks;     /* GtkCheckButton, data "group": the name */
  guint                   step;
  HeraldSendJob          *test_job;
  gboolean                creating;

  /* template children */
  AdwToastOverlay        *toast_overlay;
  AdwWindowTitle         *window_title;
  GtkWidget              *back_button;
  GtkWidget              *next_button;
  GtkStack               *steps;
  AdwEntryRow            *name_row;
  AdwComboRow            *account_row;
  AdwPreferencesGroup    *groups_group;
  GtkSwitch              *all_contacts_switch;
  GtkTextView            *pasted_view;
  AdwComboRow            *template_row;
  GtkStringList          *template_names;
  GtkTextView            *message_view;
  GtkLabel               *analysis_label;
  GtkListBox             *preview_list;
  AdwEntryRow            *schedule_row;
  AdwEntryRow            *window_start_row;
  AdwEntryRow            *window_end_row;
  GtkLabel               *schedule_error_label;
  GtkLabel               *review_label;
  GtkLabel               *cost_label;
  GtkWidget              *rejects_group;
  GtkListBox             *rejects_list;
  AdwEntryRow            *test_number_row;
  GtkWidget              *test_button;
  GtkLabel               *test_label;
  GtkWidget              *create_button;
  GtkWidget              *start_button;
};

G_DEFINE_FINAL_TYPE (HeraldCampaignAssistant, herald_campaign_assistant, ADW_TYPE_WINDOW)

enum { SIGNAL_CREATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void update_next (HeraldCampaignAssistant *self);

/* ---- reading the inputs --------------------------------------------------- */

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static HeraldAccount *
chosen_account (HeraldCampaignAssistant *self)
{
  GObject *item = adw_combo_row_get_selected_item (self->account_row);

  return HERALD_IS_ACCOUNT (item) ? HERALD_ACCOUNT (item) : NULL;
}

/* The groups ticked, NULL-terminated. */
static GStrv
chosen_groups (HeraldCampaignAssistant *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->group_checks->len; i++)
    if (gtk_check_button_get_active (self->group_checks->pdata[i]))
      g_strv_builder_add (builder, g_object_get_data (self->group_checks->pdata[i], "group"));
  return g_strv_builder_end (builder);
}

static gboolean
has_audience_input (HeraldCampaignAssistant *self)
{
  g_auto(GStrv) groups = chosen_groups (self);
  g_autofree char *pasted = view_text (self->pasted_view);

  return gtk_switch_get_active (self->all_contacts_switch) || groups[0] != NULL ||
         *g_strstrip (pasted) != '\0';
}

/* "HH:MM" → minutes after midnight; empty → -1; else FALSE. */
static gboolean
parse_minutes (const char *text,
               int        *minutes)
{
  unsigned int h, m;
  char tail;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    {
      *minutes = -1;
      return TRUE;
    }
  /* NOLINTNEXTLINE(cert-err34-c): every field is checked below */
  if (sscanf (text, "%2u:%2u%c", &h, &m, &tail) != 2 || h > 24 || m > 59 || (h == 24 && m != 0))
    return FALSE;
  *minutes = (int) (h * 60 + m);
  return TRUE;
}

/* The schedule and window into @record; FALSE with @error saying what to fix. */
static gboolean
read_schedule (HeraldCampaignAssistant  *self,
               HeraldCampaignRecord     *record,
               GError                  **error)
{
  const char *start = gtk_editable_get_text (GTK_EDITABLE (self->window_start_row));
  const char *end = gtk_editable_get_text (GTK_EDITABLE (self->window_end_row));
  g_autoptr(GDateTime) when = NULL;

  record->schedule_at = 0;
  if (!herald_date_input_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->schedule_row)), NULL, &when, error))
    return FALSE;
  if (when != NULL)
    record->schedule_at = g_date_time_to_unix (when) * G_USEC_PER_SEC;

  if (!parse_minutes (start, &record->window_start) || !parse_minutes (end, &record->window_end))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Write the sending window’s hours as HH:MM, such as 09:00 and 18:30."));
      return FALSE;
    }
  if ((record->window_start < 0) != (record->window_end < 0) ||
      (record->window_start >= 0 && record->window_start == record->window_end))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Give both ends of the sending window, and two different times."));
      return FALSE;
    }
  return TRUE;
}

/* ---- the audience, gathered as the inputs change -------------------------- */

static void
show_preview (HeraldCampaignAssistant *self)
{
  GtkWidget *child;
  const HeraldCampaignNewRecipient *recipients = NULL;
  guint n = 0, shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, child);
  if (self->audience != NULL)
    recipients = herald_campaign_audience_get_recipients (self->audience, &n);
  for (guint i = 0; i < n && shown < PREVIEW_ROWS; i++)
    {
      GtkWidget *row;

      if (recipients[i].state != HERALD_RECIPIENT_STATE_PENDING)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), recipients[i].phone);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), recipients[i].text);
      gtk_list_box_append (self->preview_list, row);
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     self->audience_error != NULL ? self->audience_error
                                     : self->audience != NULL ? _("No recipient to send to")
                                     : _("Reading the recipients…"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_append (self->preview_list, row);
    }
}

static guint
n_pending (HeraldCampaignAssistant *self)
{
  const HeraldCampaignNewRecipient *recipients;
  guint n, pending = 0;

  if (self->audience == NULL)
    return 0;
  recipients = herald_campaign_audience_get_recipients (self->audience, &n);
  for (guint i = 0; i < n; i++)
    pending += recipients[i].state == HERALD_RECIPIENT_STATE_PENDING;
  return pending;
}

static void
show_review (HeraldCampaignAssistant *self)
{
  HeraldAccount *account = chosen_account (self);
  const HeraldCampaignNewRecipient *recipients = NULL;
  const HeraldCampaignReject *rejects = NULL;
  guint n = 0, n_rejects = 0, parts = 0, too_long = 0, max_characters;
  guint pending = n_pending (self);
  gint64 balance = herald_session_get_balance (self->session);
  g_autofree char *review = NULL;
  g_autofree char *cost = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rejects_list))) != NULL)
    gtk_list_box_remove (self->rejects_list, child);
  if (self->audience == NULL || account == NULL)
    {
      gtk_label_set_text (self->review_label, self->audience_error != NULL ? self->audience_error
                                                                            : _("Reading the recipients…"));
      gtk_label_set_text (self->cost_label, "");
      gtk_widget_set_visible (self->rejects_group, FALSE);
      return;
    }

  recipients = herald_campaign_audience_get_recipients (self->audience, &n);
  rejects = herald_campaign_audience_get_rejects (self->audience, &n_rejects);
  max_characters = herald_send_plan_max_characters_for (herald_account_get_dialect (account));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldSmsAnalysis) analysis = NULL;

      if (recipients[i].state != HERALD_RECIPIENT_STATE_PENDING)
        continue;
      analysis = herald_sms_analyse (recipients[i].text, -1, NULL);
      parts += analysis != NULL ? herald_sms_analysis_get_parts (analysis) : 0;
      if (max_characters > 0 && g_utf8_strlen (recipients[i].text, -1) > max_characters)
        too_long++;
    }

  /* TRANSLATORS: the validation report before a campaign is created */
  review = g_strdup_printf (_("%u recipients will get the message. %u not sent to (invalid numbers or missing "
                              "variables), %u duplicates merged, %u opted out and skipped."),
                            pending, n_rejects, herald_campaign_audience_get_n_duplicates (self->audience),
                            herald_campaign_audience_get_n_skipped (self->audience));
  gtk_label_set_text (self->review_label, review);

  if (too_long > 0)
    cost = g_strdup_printf (_("%u recipients’ messages are longer than the %u characters this account takes; "
                              "shorten the text."), too_long, max_characters);
  else if (balance >= 0 && account == herald_session_get_active_account (self->session))
    {
      if ((gint64) parts > balance)
        cost = g_strdup_printf (_("%u messages, %u parts: about %u credits, but the balance is %" G_GINT64_FORMAT
                                  ". The campaign pauses when the credits run out; buy more first."),
                                pending, parts, parts, balance);
      else
        cost = g_strdup_printf (_("%u messages, %u parts: about %u credits of your %" G_GINT64_FORMAT "."),
                                pending, parts, parts, balance);
    }
  else
    cost = g_strdup_printf (_("%u messages, %u parts."), pending, parts);
  gtk_label_set_text (self->cost_label, cost);

  for (guint i = 0; i < n_rejects && i < MAX_REJECT_ROWS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(HeraldPhoneNumber) number = NULL;
      g_autoptr(GError) parse_error = NULL;
      const char *reason = rejects[i].reason;

      /* A number's reason is a code ("too-short"): the parser's sentence
       * says it for people. */
      if (reason != NULL && strchr (reason, ' ') == NULL)
        {
          number = herald_phone_number_parse (rejects[i].input, herald_account_get_region (account),
                                              herald_send_plan_phone_flags_for (herald_account_get_dialect (account)),
                                              &parse_error);
          if (number == NULL && parse_error != NULL)
            reason = parse_error->message;
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rejects[i].input);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
      gtk_list_box_append (self->rejects_list, row);
    }
  gtk_widget_set_visible (self->rejects_group, n_rejects > 0);
  gtk_widget_set_sensitive (self->create_button, pending > 0 && too_long == 0 && !self->creating);
  gtk_widget_set_sensitive (self->start_button, pending > 0 && too_long == 0 && !self->creating);
}

static void
gathered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  HeraldCampaignAssistant *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaignAudience) audience = herald_campaign_runner_gather_finish (HERALD_CAMPAIGN_RUNNER (object),
                                                                                    result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->gather_cancellable);
  g_clear_object (&self->audience);
  g_clear_pointer (&self->audience_error, g_free);
  if (audience == NULL)
    self->audience_error = g_strdup_printf (_("The recipients cannot be read: %s"), error->message);
  else
    self->audience = g_steal_pointer (&audience);
  show_preview (self);
  show_review (self);
  update_next (self);
}

static gboolean
gather (gpointer user_data)
{
  HeraldCampaignAssistant *self = user_data;
  HeraldAccount *account = chosen_account (self);
  g_autofree char *text = view_text (self->message_view);
  g_autofree char *pasted = view_text (self->pasted_view);
  g_auto(GStrv) groups = chosen_groups (self);

  self->gather_source = 0;
  if (account == NULL || *g_strstrip (text) == '\0' || !has_audience_input (self))
    return G_SOURCE_REMOVE;
  self->gather_cancellable = g_cancellable_new ();
  herald_campaign_runner_gather_async (herald_session_get_campaign_runner (self->session), account, text,
                                       (const char * const *) groups,
                                       gtk_switch_get_active (self->all_contacts_switch), pasted,
                                       self->gather_cancellable, gathered_cb, self);
  return G_SOURCE_REMOVE;
}

/* The inputs changed: the audience is made again after a pause. */
static void
inputs_changed (HeraldCampaignAssistant *self)
{
  g_cancellable_cancel (self->gather_cancellable);
  g_clear_object (&self->gather_cancellable);
  g_clear_object (&self->audience);
  g_clear_pointer (&self->audience_error, g_free);
  g_clear_handle_id (&self->gather_source, g_source_remove);
  if (self->step >= 2)
    self->gather_source = g_timeout_add (GATHER_DELAY_MS, gather, self);
  show_preview (self);
  show_review (self);
  update_next (self);
}

static void
message_changed (HeraldCampaignAssistant *self)
{
  g_autofree char *text = view_text (self->message_view);
  g_autoptr(HeraldSmsAnalysis) analysis = herald_sms_analyse (text, -1, NULL);

  if (*text == '\0' || analysis == NULL)
    gtk_label_set_text (self->analysis_label, _("Type the message, or choose a template."));
  else
    {
      guint parts = herald_sms_analysis_get_parts (analysis);
      /* TRANSLATORS: the live analysis of the message as written, before the variables are filled */
      g_autofree char *line = g_strdup_printf (g_dngettext (NULL, "%u characters, %u part of %u, %s (before the "
                                                            "variables are filled)",
                                                            "%u characters, %u parts of %u, %s (before the "
                                                            "variables are filled)", parts),
                                               herald_sms_analysis_get_characters (analysis), parts,
                                               herald_sms_analysis_get_per_part (analysis),
                                               herald_sms_analysis_get_encoding (analysis) == HERALD_SMS_ENCODING_GSM7
                                               ? "GSM-7" : "UCS-2");

      gtk_label_set_text (self->analysis_label, line);
    }
  inputs_changed (self);
}

/* ---- groups and templates ------------------------------------------------- */

static void
groups_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  HeraldCampaignAssistant *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = herald_contact_store_list_groups_finish (HERALD_CONTACT_STORE (object),
                                                                         result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (groups == NULL)
    {
      g_warning ("Could not list the groups: %s", error->message);
      return;
    }
  for (guint i = 0; i < groups->len; i++)
    {
      HeraldLocalGroup *group = groups->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *members = g_strdup_printf (g_dngettext (NULL, "%u contact", "%u contacts",
                                                               group->n_members), group->n_members);
      g_autofree char *name = g_strdup_printf ("group:%s", group->name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), group->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), members);
      gtk_widget_set_name (check, name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, group->name, -1);
      g_object_set_data_full (G_OBJECT (check), "group", g_strdup (group->name), g_free);
      g_signal_connect_swapped (check, "notify::active", G_CALLBACK (inputs_changed), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->groups_group, row);
      g_ptr_array_add (self->group_checks, check);
    }
}

static void
templates_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  HeraldCampaignAssistant *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = herald_contact_store_list_templates_finish (HERALD_CONTACT_STORE (object),
                                                                               result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (templates == NULL)
    {
      g_warning ("Could not list the templates: %s", error->message);
      return;
    }
  for (guint i = 0; i < templates->len; i++)
    gtk_string_list_append (self->template_names, ((HeraldLocalTemplate *) templates->pdata[i])->name);
  self->templates = g_steal_pointer (&templates);
}

static HeraldLocalTemplate *
chosen_template (HeraldCampaignAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->template_row);

  if (self->templates == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->templates->len)
    return NULL;
  return self->templates->pdata[selected - 1];
}

static void
template_chosen (HeraldCampaignAssistant *self)
{
  HeraldLocalTemplate *template = chosen_template (self);

  if (template != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->message_view), template->body, -1);
}

/* ---- the steps ------------------------------------------------------------ */

static gboolean
step_complete (HeraldCampaignAssistant *self,
               guint                    step)
{
  switch (step)
    {
    case 0:
      {
        g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

        return *name != '\0' && chosen_account (self) != NULL;
      }
    case 1:
      return has_audience_input (self);
    case 2:
      return self->audience != NULL && n_pending (self) > 0;
    case 3:
      {
        HeraldCampaignRecord record = { 0 };
        g_autoptr(GError) error = NULL;
        gboolean ok = read_schedule (self, &record, &error);

        gtk_label_set_text (self->schedule_error_label, ok ? "" : error->message);
        return ok;
      }
    default:
      return FALSE;
    }
}

static void
update_next (HeraldCampaignAssistant *self)
{
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (self->next_button, self->step + 1 < N_STEPS);
  gtk_widget_set_sensitive (self->next_button, step_complete (self, self->step));
  gtk_button_set_label (GTK_BUTTON (self->back_button), self->step == 0 ? _("_Cancel") : _("_Back"));
  /* TRANSLATORS: the assistant's subtitle: step 2 of 5, its title */
  subtitle = g_strdup_printf (_("Step %u of %u: %s"), self->step + 1, (guint) N_STEPS,
                              gtk_stack_page_get_title (gtk_stack_get_page (self->steps,
                                                                            gtk_stack_get_visible_child (self->steps))));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
go_to (HeraldCampaignAssistant *self,
       guint                    step)
{
  gboolean gather_now = step >= 2 && self->step < 2;

  self->step = step;
  gtk_stack_set_visible_child_name (self->steps, step_names[step]);
  if (gather_now)
    inputs_changed (self);
  if (step == 4)
    {
      HeraldAccount *active = herald_session_get_active_account (self->session);

      show_review (self);
      gtk_button_set_label (GTK_BUTTON (self->start_button),
                            *gtk_editable_get_text (GTK_EDITABLE (self->schedule_row)) != '\0'
                            ? _("Create and _Schedule") : _("Create and _Start"));
      /* Only the active account's provider sends: a test or a start with
       * another account needs a switch in the main window first. */
      gtk_widget_set_sensitive (self->test_button, active == chosen_account (self));
    }
  update_next (self);
}

static void
next_clicked (HeraldCampaignAssistant *self)
{
  if (self->step + 1 < N_STEPS && step_complete (self, self->step))
    go_to (self, self->step + 1);
}

static void
back_clicked (HeraldCampaignAssistant *self)
{
  if (self->step == 0)
    gtk_window_close (GTK_WINDOW (self));
  else
    go_to (self, self->step - 1);
}

/* ---- test send ------------------------------------------------------------ */

static void
test_finished_cb (HeraldCampaignAssistant *self)
{
  HeraldSendReport *report;
  const GError *error;
  g_autofree char *text = NULL;

  if (self->test_job == NULL || !herald_send_job_get_finished (self->test_job))
    return;
  report = herald_send_job_get_report (self->test_job);
  error = herald_send_job_get_error (self->test_job);
  if (report != NULL && herald_send_report_count (report, HERALD_RECIPIENT_QUEUED) > 0)
    text = g_strdup_printf (_("Test sent to %s: “%s”"), herald_send_report_get_number (report, 0),
                            herald_outgoing_get_text (herald_send_job_get_outgoing (self->test_job)));
  else if (report != NULL)
    text = g_strdup_printf (_("The test was not accepted: %s"),
                            herald_send_report_get_reason (report, 0) != NULL
                            ? herald_send_report_get_reason (report, 0) : _("no reason given"));
  else
    text = g_strdup_printf (_("The test was not sent: %s"), error != NULL ? error->message : "?");
  gtk_label_set_text (self->test_label, text);
  gtk_widget_set_sensitive (self->test_button, TRUE);
  g_signal_handlers_disconnect_by_data (self->test_job, self);
  g_clear_object (&self->test_job);
}

static void
test_clicked (HeraldCampaignAssistant *self)
{
  const char *number = gtk_editable_get_text (GTK_EDITABLE (self->test_number_row));
  const HeraldCampaignNewRecipient *recipients;
  g_autoptr(HeraldOutgoing) outgoing = NULL;
  g_autoptr(GError) error = NULL;
  HeraldSendJob *job;
  guint n;

  if (self->audience == NULL || self->test_job != NULL)
    return;
  if (*number == '\0')
    {
      gtk_label_set_text (self->test_label, _("Type your own number first."));
      return;
    }
  recipients = herald_campaign_audience_get_recipients (self->audience, &n);
  for (guint i = 0; i < n && outgoing == NULL; i++)
    if (recipients[i].state == HERALD_RECIPIENT_STATE_PENDING)
      outgoing = herald_outgoing_new (recipients[i].text);
  if (outgoing == NULL)
    return;
  herald_outgoing_add_recipient (outgoing, number);
  job = herald_session_start_send (self->session, outgoing, &error);
  if (job == NULL)
    {
      gtk_label_set_text (self->test_label, error->message);
      return;
    }
  self->test_job = g_object_ref (job);
  gtk_widget_set_sensitive (self->test_button, FALSE);
  gtk_label_set_text (self->test_label, _("Sending the test…"));
  g_signal_connect_swapped (job, "notify::finished", G_CALLBACK (test_finished_cb), self);
}

/* ---- create --------------------------------------------------------------- */

typedef struct
{
  HeraldCampaignAssistant *self;
  gboolean                 start;
  char                    *account_id;
} Create;

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autofree Create *create = user_data;
  g_autoptr(HeraldCampaignAssistant) self = create->self;
  g_autofree char *account_id = create->account_id;
  g_autoptr(GError) error = NULL;
  gint64 id = herald_campaign_runner_create_finish (HERALD_CAMPAIGN_RUNNER (object), result, &error);

  self->creating = FALSE;
  if (id < 0 || error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The campaign was not created: %s"), error->message);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
      show_review (self);
      return;
    }
  if (create->start && herald_session_start_campaign (self->session, id, account_id, &error) == NULL)
    g_warning ("Campaign %" G_GINT64_FORMAT " created but not started: %s", id, error->message);
  g_signal_emit (self, signals[SIGNAL_CREATED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
create_clicked (HeraldCampaignAssistant *self,
                GtkButton               *button)
{
  HeraldAccount *account = chosen_account (self);
  HeraldLocalTemplate *template = chosen_template (self);
  g_autofree char *text = view_text (self->message_view);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autoptr(GError) error = NULL;
  HeraldCampaignRecord record = { 0 };
  Create *create;

  if (self->audience == NULL || account == NULL || self->creating)
    return;
  record.name = name;
  record.account_id = (char *) herald_account_get_id (account);
  record.text = text;
  record.template_name = template != NULL && g_strcmp0 (template->body, text) == 0 ? template->name : NULL;
  record.window_start = record.window_end = -1;
  record.credits_needed = -1;
  if (!read_schedule (self, &record, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  create = g_new0 (Create, 1);
  create->self = g_object_ref (self);
  create->account_id = g_strdup (record.account_id);
  /* A start time: saved as scheduled, started when it comes (not now). */
  create->start = GTK_WIDGET (button) == self->start_button && record.schedule_at == 0;
  record.state = record.schedule_at > 0 && GTK_WIDGET (button) == self->start_button
                 ? HERALD_CAMPAIGN_SCHEDULED : HERALD_CAMPAIGN_DRAFT;
  self->creating = TRUE;
  gtk_widget_set_sensitive (self->create_button, FALSE);
  gtk_widget_set_sensitive (self->start_button, FALSE);
  herald_campaign_runner_create_async (herald_session_get_campaign_runner (self->session), self->audience, &record,
                                       self->cancellable, created_cb, create);
}

/* ---- the object ----------------------------------------------------------- */

const char *
herald_campaign_assistant_get_step (HeraldCampaignAssistant *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_ASSISTANT (self), NULL);
  return step_names[self->step];
}

gboolean
herald_campaign_assistant_get_ready (HeraldCampaignAssistant *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_ASSISTANT (self), FALSE);
  return self->audience != NULL && self->gather_source == 0 && self->gather_cancellable == NULL;
}

static void
herald_campaign_assistant_dispose (GObject *object)
{
  HeraldCampaignAssistant *self = HERALD_CAMPAIGN_ASSISTANT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->gather_cancellable);
  g_clear_object (&self->gather_cancellable);
  g_clear_handle_id (&self->gather_source, g_source_remove);
  if (self->test_job != NULL)
    g_signal_handlers_disconnect_by_data (self->test_job, self);
  g_clear_object (&self->test_job);
  g_clear_object (&self->audience);
  g_clear_pointer (&self->audience_error, g_free);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->group_checks, g_ptr_array_unref);
  g_clear_object (&self->contacts);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (herald_campaign_assistant_parent_class)->dispose (object);
}

static void
herald_campaign_assistant_class_init (HeraldCampaignAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_campaign_assistant_dispose;

  signals[SIGNAL_CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/herald-campaign-assistant.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, HeraldCampaignAssistant, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (back_button);
  BIND (next_button);
  BIND (steps);
  BIND (name_row);
  BIND (account_row);
  BIND (groups_group);
  BIND (all_contacts_switch);
  BIND (pasted_view);
  BIND (template_row);
  BIND (template_names);
  BIND (message_view);
  BIND (analysis_label);
  BIND (preview_list);
  BIND (schedule_row);
  BIND (window_start_row);
  BIND (window_end_row);
  BIND (schedule_error_label);
  BIND (review_label);
  BIND (cost_label);
  BIND (rejects_group);
  BIND (rejects_list);
  BIND (test_number_row);
  BIND (test_button);
  BIND (test_label);
  BIND (create_button);
  BIND (start_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, update_next);
  gtk_widget_class_bind_template_callback (widget_class, inputs_changed);
  gtk_widget_class_bind_template_callback (widget_class, template_chosen);
  gtk_widget_class_bind_template_callback (widget_class, test_clicked);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
herald_campaign_assistant_init (HeraldCampaignAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->group_checks = g_ptr_array_new ();
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->pasted_view), "changed",
                            G_CALLBACK (inputs_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->message_view), "changed",
                            G_CALLBACK (message_changed), self);
}

GtkWidget *
herald_campaign_assistant_new (HeraldSession *session)
{
  HeraldCampaignAssistant *self;
  HeraldAccountStore *store;
  HeraldAccount *active;
  g_autoptr(GtkExpression) expression = NULL;

  g_return_val_if_fail (HERALD_IS_SESSION (session), NULL);

  self = g_object_new (HERALD_TYPE_CAMPAIGN_ASSISTANT, NULL);
  self->session = g_object_ref (session);
  self->contacts = herald_contact_store_new (herald_session_get_database (session));

  store = herald_session_get_account_store (session);
  expression = gtk_property_expression_new (HERALD_TYPE_ACCOUNT, NULL, "name");
  adw_combo_row_set_expression (self->account_row, expression);
  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (store));
  active = herald_session_get_active_account (session);
  for (guint i = 0; active != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(HeraldAccount) account = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (account == active)
        adw_combo_row_set_selected (self->account_row, i);
    }

  herald_contact_store_list_groups_async (self->contacts, self->cancellable, groups_cb, self);
  herald_contact_store_list_templates_async (self->contacts, self->cancellable, templates_cb, self);
  message_changed (self);
  go_to (self, 0);
  return GTK_WIDGET (self);
}
