/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-compose-page"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-compose-page-private.h"

G_DEFINE_FINAL_TYPE (HeraldComposePage, herald_compose_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows listed under the recipients; a paste of thousands is summarised. */
#define MAX_RECIPIENT_ROWS 200

char *
herald_compose_page_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static HeraldProvider *
get_provider (HeraldComposePage *self)
{
  return self->session != NULL ? herald_session_get_provider (self->session) : NULL;
}

static gboolean
media_url_is_valid (HeraldComposePage  *self,
                    const char         *media_url,
                    GError            **error)
{
  HeraldProvider *provider = get_provider (self);

  return provider == NULL || herald_provider_validate_media_url (provider, media_url, error);
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* ---- the plan ---------------------------------------------------------------- */

/* The figures, problems and confirmation come from the core's send plan,
 * the same `heraldctl send` prints; the page only shows them. */
void
herald_compose_page_update_plan (HeraldComposePage *self)
{
  HeraldProvider *provider = get_provider (self);
  HeraldAccount *account = self->session != NULL ? herald_session_get_active_account (self->session) : NULL;
  g_autofree char *text = herald_compose_page_dup_text (self->message_view);
  HeraldSendPlanInput input = {
    .text = text,
    .dialect = provider != NULL ? herald_provider_get_dialect (provider)
                                : account != NULL ? herald_account_get_dialect (account) : HERALD_DIALECT_FLIXYSMS,
    .region = herald_recipient_list_get_region (self->recipients),
    .has_credits = provider != NULL && herald_provider_has_feature (provider, HERALD_PROVIDER_FEATURE_BALANCE),
    .balance = self->session != NULL ? herald_session_get_balance (self->session) : -1,
    .confirm_threshold = g_settings_get_uint (self->settings, "send-confirm-threshold"),
  };

  g_clear_pointer (&self->plan, herald_send_plan_unref);
  self->plan = herald_send_plan_new_for_list (&input, self->recipients);
}

static HeraldSmsAnalysis *
get_analysis (HeraldComposePage *self)
{
  return self->plan != NULL ? herald_send_plan_get_analysis (self->plan) : NULL;
}

static void
update_credits_label (HeraldComposePage *self)
{
  char buffer[32];

  if (get_analysis (self) == NULL)
    return;
  g_snprintf (buffer, sizeof buffer, "%u", herald_send_plan_get_credits (self->plan));
  gtk_label_set_text (self->credits_label, buffer);
}

/* ---- recipients ---------------------------------------------------------- */

static void
update_recipient_rows (HeraldComposePage *self)
{
  HeraldRecipientList *list = self->recipients;
  guint n = herald_recipient_list_get_n_entries (list);
  guint n_valid = herald_recipient_list_get_n_valid (list);
  guint n_invalid = herald_recipient_list_get_n_invalid (list);
  guint n_merged = herald_recipient_list_get_n_merged (list);
  g_autoptr(GString) summary = g_string_new (NULL);
  guint shown = 0;

  clear_list_box (self->recipients_list);

  /* Invalid entries first: they are what needs attention. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n && shown < MAX_RECIPIENT_ROWS; i++)
      {
        const char *number = herald_recipient_list_get_number (list, i);
        GtkWidget *row;
        guint duplicates;

        if ((pass == 0) != (number == NULL))
          continue;

        row = adw_action_row_new ();
        duplicates = herald_recipient_list_get_duplicates (list, i);
        if (number == NULL)
          {
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), herald_recipient_list_get_input (list, i));
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), herald_recipient_list_get_message (list, i));
            adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
            gtk_widget_add_css_class (row, "error");
          }
        else
          {
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), herald_recipient_list_get_display (list, i));
            if (duplicates > 0)
              {
                g_autofree char *text =
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Given %u more time: sent once",
                                                "Given %u more times: sent once", duplicates),
                                   duplicates);

                adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
              }
          }
        gtk_list_box_append (self->recipients_list, row);
        shown++;
      }

  gtk_widget_set_visible (GTK_WIDGET (self->recipients_list), shown > 0);

  if (n > 0)
    {
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u valid number", "%u valid numbers", n_valid),
                              n_valid);
      if (n_invalid > 0)
        {
          g_string_append (summary, ", ");
          g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u invalid (not sent)",
                                                        "%u invalid (not sent)", n_invalid),
                                  n_invalid);
        }
      if (n_merged > 0)
        {
          g_string_append (summary, ", ");
          g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u duplicate merged",
                                                        "%u duplicates merged", n_merged),
                                  n_merged);
        }
      if (shown < n)
        {
          g_string_append (summary, " — ");
          g_string_append_printf (summary, _("%u more not listed"), n - shown);
        }
    }
  gtk_label_set_text (self->recipients_summary, summary->str);
  gtk_widget_set_visible (GTK_WIDGET (self->recipients_summary), n > 0);
}

static void
recipients_changed_cb (HeraldComposePage *self)
{
  g_autofree char *text = herald_compose_page_dup_text (self->recipients_view);

  herald_recipient_list_set_text (self->recipients, text);
}

static void
recipient_list_changed_cb (HeraldComposePage *self)
{
  update_recipient_rows (self);
  /* Credits depend on the count. */
  herald_compose_page_update_plan (self);
  update_credits_label (self);
  herald_compose_page_update_actions (self);
}

/* ---- the message and its analysis ---------------------------------------- */

static void
update_analysis (HeraldComposePage *self)
{
  g_autofree char *text = herald_compose_page_dup_text (self->message_view);
  HeraldSmsAnalysis *analysis;
  const HeraldSmsUcs2Char *chars;
  guint n_chars = 0;
  char buffer[32];

  herald_compose_page_update_plan (self);
  analysis = get_analysis (self);
  if (analysis == NULL)
    {
      gtk_label_set_text (self->encoding_label, "—");
      gtk_widget_set_visible (GTK_WIDGET (self->ucs2_box), FALSE);
      herald_compose_page_update_actions (self);
      return;
    }

  gtk_label_set_text (self->encoding_label, herald_sms_encoding_to_string (herald_send_plan_get_encoding (self->plan)));
  g_snprintf (buffer, sizeof buffer, "%u", herald_send_plan_get_characters (self->plan));
  gtk_label_set_text (self->characters_label, buffer);
  g_snprintf (buffer, sizeof buffer, "%u", herald_send_plan_get_parts (self->plan));
  gtk_label_set_text (self->parts_label, buffer);
  g_snprintf (buffer, sizeof buffer, "%u", herald_sms_analysis_get_remaining (analysis));
  gtk_label_set_text (self->remaining_label, buffer);
  update_credits_label (self);

  /* The characters that force UCS-2, and what replacing them would save. */
  chars = herald_sms_analysis_get_ucs2_characters (analysis, &n_chars);
  if (n_chars > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      gboolean any_replacement = FALSE;
      gboolean now_gsm7 = FALSE;
      gint saved = 0;

      for (guint i = 0; i < n_chars; i++)
        {
          char utf8[8] = { 0, };

          g_unichar_to_utf8 (chars[i].ch, utf8);
          if (list->len > 0)
            g_string_append (list, "  ");
          if (chars[i].replacement == NULL)
            g_string_append_printf (list, _("%s (no replacement)"), utf8);
          else if (*chars[i].replacement == '\0')
            g_string_append_printf (list, _("%s → removed"), utf8);
          else
            g_string_append_printf (list, "%s → %s", utf8, chars[i].replacement);
          any_replacement |= chars[i].replacement != NULL;
        }

      /* only the figures are wanted here; the Replace button makes the text */
      g_free (herald_sms_text_replace_for_gsm7 (text, -1, &saved, &now_gsm7, NULL));
      {
        g_autofree char *label = g_strdup_printf (_("These characters make the message UCS-2: %s"), list->str);
        g_autofree char *button = NULL;

        gtk_label_set_text (self->ucs2_label, label);
        if (saved > 0)
          button = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Replace (saves %d part)",
                                                 "Replace (saves %d parts)", saved), saved);
        else
          button = g_strdup (_("Replace"));
        gtk_button_set_label (self->replace_button, button);
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->replace_button),
                                     now_gsm7 ? _("Replace them with GSM-7 characters")
                                              : _("Replace those that have a GSM-7 equivalent"));
      }
      gtk_widget_set_visible (GTK_WIDGET (self->replace_button), any_replacement);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->ucs2_box), n_chars > 0);

  herald_compose_page_update_actions (self);
}

static void
replace_ucs2_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeraldComposePage *self = HERALD_COMPOSE_PAGE (widget);
  g_autofree char *text = herald_compose_page_dup_text (self->message_view);
  g_autofree char *replaced = herald_sms_text_replace_for_gsm7 (text, -1, NULL, NULL, NULL);

  if (replaced != NULL && g_strcmp0 (replaced, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->message_view), replaced, -1);
}

/* ---- state of Send ---------------------------------------------------------- */

gboolean
herald_compose_page_can_send (HeraldComposePage  *self,
                              char              **why_not)
{
  HeraldProvider *provider = get_provider (self);
  const char *media;

  if (provider == NULL)
    return (*why_not = g_strdup (_("There is no account to send from.")), FALSE);
  if (self->job != NULL)
    return (*why_not = g_strdup (_("A send is in progress.")), FALSE);
  if (self->plan == NULL)
    herald_compose_page_update_plan (self);
  /* Recipients, text, the dialect's limit: the core's plan says. */
  if (!herald_send_plan_can_send (self->plan))
    return (*why_not = g_strdup (herald_send_plan_get_problem_message (self->plan)), FALSE);

  media = gtk_editable_get_text (GTK_EDITABLE (self->media_row));
  if (gtk_widget_get_visible (GTK_WIDGET (self->media_row)) && *media != '\0'
      && !media_url_is_valid (self, media, NULL))
    return (*why_not = g_strdup (_("Correct the media URL or leave it empty.")), FALSE);

  *why_not = NULL;
  return TRUE;
}

void
herald_compose_page_update_actions (HeraldComposePage *self)
{
  g_autofree char *why_not = NULL;
  gboolean can_send = herald_compose_page_can_send (self, &why_not);
  guint max_characters = self->plan != NULL ? herald_send_plan_get_max_characters (self->plan) : 0;
  gboolean over_limit = max_characters > 0 && herald_send_plan_get_characters (self->plan) > max_characters;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compose.send", can_send);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compose.stop", self->job != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->send_button), can_send ? _("Send (Ctrl+Enter)") : why_not);

  gtk_widget_set_visible (GTK_WIDGET (self->limit_label), over_limit);
  if (over_limit)
    gtk_label_set_text (self->limit_label, why_not);
}

static void
media_changed_cb (HeraldComposePage *self)
{
  const char *media = gtk_editable_get_text (GTK_EDITABLE (self->media_row));
  g_autoptr(GError) error = NULL;
  gboolean bad = *media != '\0' && !media_url_is_valid (self, media, &error);

  gtk_widget_set_visible (GTK_WIDGET (self->media_error_label), bad);
  if (bad)
    {
      gtk_label_set_text (self->media_error_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->media_row), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->media_row), "error");
    }
  herald_compose_page_update_actions (self);
}

void
herald_compose_page_update_balance (HeraldComposePage *self)
{
  HeraldProvider *provider = get_provider (self);
  gint64 balance = self->session != NULL ? herald_session_get_balance (self->session) : -1;
  g_autofree char *text = NULL;

  if (provider != NULL && herald_provider_has_feature (provider, HERALD_PROVIDER_FEATURE_BALANCE))
    {
      if (balance >= 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Balance: %lld credit",
                                             "Balance: %lld credits", (gulong) balance),
                                (long long) balance);
      else if (herald_session_get_balance_error (self->session) != NULL)
        text = g_strdup_printf (_("Balance unknown: %s"), herald_session_get_balance_error (self->session));
      else
        text = g_strdup (_("Balance unknown"));
    }
  gtk_label_set_text (self->balance_label, text != NULL ? text : "");
}

/* ---- the session and its provider ------------------------------------------ */

static void
sender_ids_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  HeraldComposePage *self = user_data;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = herald_sender_id_source_list_sender_ids_finish (HERALD_SENDER_ID_SOURCE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->sender_ids_cancellable);
  if (ids == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The sender IDs could not be loaded: %s"), error->message);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->sender_row), text);
      return;
    }

  self->sender_ids_loaded = TRUE;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->sender_row), NULL);
  gtk_string_list_splice (self->sender_ids, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->sender_ids)) - 1, NULL);
  for (guint i = 0; i < ids->len; i++)
    gtk_string_list_append (self->sender_ids, ((HeraldSenderId *) g_ptr_array_index (ids, i))->name);
}

static void
load_sender_ids (HeraldComposePage *self)
{
  HeraldProvider *provider = get_provider (self);

  if (!HERALD_IS_SENDER_ID_SOURCE (provider) || self->sender_ids_loaded
      || self->sender_ids_cancellable != NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->sender_ids_cancellable = g_cancellable_new ();
  herald_sender_id_source_list_sender_ids_async (HERALD_SENDER_ID_SOURCE (provider), self->sender_ids_cancellable,
                                                 sender_ids_loaded_cb, self);
}

static void
cancel_sender_ids (HeraldComposePage *self)
{
  g_cancellable_cancel (self->sender_ids_cancellable);
  g_clear_object (&self->sender_ids_cancellable);
}

static void
provider_changed_cb (HeraldComposePage *self)
{
  HeraldProvider *provider = get_provider (self);
  HeraldAccount *account = self->session != NULL ? herald_session_get_active_account (self->session) : NULL;
  const char *error = self->session != NULL ? herald_session_get_provider_error (self->session) : NULL;

  cancel_sender_ids (self);
  self->sender_ids_loaded = FALSE;
  gtk_string_list_splice (self->sender_ids, 1, g_list_model_get_n_items (G_LIST_MODEL (self->sender_ids)) - 1, NULL);
  adw_combo_row_set_selected (self->sender_row, 0);

  if (provider == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      if (account != NULL)
        {
          adw_status_page_set_title (self->empty_page, error != NULL ? _("The Account Cannot Be Used")
                                                                     : _("Opening the Account…"));
          adw_status_page_set_description (self->empty_page,
                                           error != NULL ? error : _("Herald is reading the account’s key from the keyring."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Account Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Sending needs a FlixySMS or FlashSMS account. Add one in Preferences, under Accounts, then come back here to write a message."));
        }
      herald_compose_page_update_actions (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "form");

  /* FlashSMS sends only to mobiles; FlixySMS lets the phone try any number. */
  herald_recipient_list_set_flags (self->recipients,
                                   herald_send_plan_phone_flags_for (herald_provider_get_dialect (provider)));
  herald_recipient_list_set_region (self->recipients, account != NULL ? herald_account_get_region (account) : NULL);
  /* The dialect's limit and credits, even when the numbers read the same. */
  herald_compose_page_update_plan (self);
  update_credits_label (self);

  gtk_widget_set_visible (GTK_WIDGET (self->sender_row),
                          herald_provider_has_feature (provider, HERALD_PROVIDER_FEATURE_SENDER_ID));
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_row),
                          herald_provider_has_feature (provider, HERALD_PROVIDER_FEATURE_CAMPAIGN_NAME));
  gtk_widget_set_visible (GTK_WIDGET (self->schedule_row),
                          herald_provider_has_feature (provider, HERALD_PROVIDER_FEATURE_SCHEDULE));
  gtk_widget_set_visible (GTK_WIDGET (self->device_row),
                          herald_provider_has_feature (provider, HERALD_PROVIDER_FEATURE_DEVICE_ID));
  gtk_widget_set_visible (GTK_WIDGET (self->media_row),
                          herald_provider_has_feature (provider, HERALD_PROVIDER_FEATURE_MEDIA));
  media_changed_cb (self);

  load_sender_ids (self);
  herald_compose_page_update_balance (self);
  herald_compose_page_update_actions (self);
}

static void
send_jobs_changed_cb (HeraldComposePage *self)
{
  GListModel *jobs = herald_session_get_send_jobs (self->session);
  guint n = g_list_model_get_n_items (jobs);
  g_autoptr(HeraldSendJob) job = NULL;

  if (self->job != NULL || n == 0)
    return;
  job = g_list_model_get_item (jobs, n - 1);
  if (!herald_send_job_get_finished (job))
    herald_compose_page_set_job (self, job);
}

HeraldSession *
herald_compose_page_get_session (HeraldComposePage *self)
{
  g_return_val_if_fail (HERALD_IS_COMPOSE_PAGE (self), NULL);

  return self->session;
}

void
herald_compose_page_set_session (HeraldComposePage *self,
                                 HeraldSession     *session)
{
  g_return_if_fail (HERALD_IS_COMPOSE_PAGE (self));
  g_return_if_fail (session == NULL || HERALD_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      GListModel *jobs = herald_session_get_send_jobs (self->session);

      g_signal_handlers_disconnect_by_data (self->session, self);
      if (jobs != NULL)
        g_signal_handlers_disconnect_by_data (jobs, self);
    }
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_swapped (session, "notify::provider", G_CALLBACK (provider_changed_cb), self);
      g_signal_connect_swapped (session, "notify::provider-error", G_CALLBACK (provider_changed_cb), self);
      g_signal_connect_swapped (session, "notify::active-account", G_CALLBACK (provider_changed_cb), self);
      g_signal_connect_swapped (session, "notify::balance", G_CALLBACK (herald_compose_page_update_balance), self);
      g_signal_connect_swapped (session, "notify::balance-error", G_CALLBACK (herald_compose_page_update_balance), self);
      /* A send another Compose page of this session started shows here too. */
      g_signal_connect_swapped (herald_session_get_send_jobs (session), "items-changed",
                                G_CALLBACK (send_jobs_changed_cb), self);
    }

  provider_changed_cb (self);
  if (self->job != NULL)
    herald_compose_page_set_job (self, NULL);
  herald_compose_page_follow_session_send (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* ---- actions ------------------------------------------------------------------ */

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  herald_compose_page_send (HERALD_COMPOSE_PAGE (widget));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  herald_compose_page_stop (HERALD_COMPOSE_PAGE (widget));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HeraldComposePage *self = HERALD_COMPOSE_PAGE (widget);

  if (self->job != NULL)
    return;   /* the running send keeps its form until it is done */

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->recipients_view), "", 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->message_view), "", 0);
  gtk_editable_set_text (GTK_EDITABLE (self->campaign_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->schedule_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->device_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->media_row), "");
  adw_combo_row_set_selected (self->sender_row, 0);
  herald_compose_page_clear_results (self);
  herald_compose_page_hide_banner (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->recipients_view));
}

static void
banner_button_clicked (HeraldComposePage *self)
{
  herald_compose_page_banner_clicked (self);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
herald_compose_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (herald_compose_page_parent_class)->map (widget);
  load_sender_ids (HERALD_COMPOSE_PAGE (widget));
}

static void
herald_compose_page_unmap (GtkWidget *widget)
{
  /* A running send goes on (the session owns it; it only stops on
   * request); the list of sender IDs is asked for again when shown. */
  cancel_sender_ids (HERALD_COMPOSE_PAGE (widget));
  GTK_WIDGET_CLASS (herald_compose_page_parent_class)->unmap (widget);
}

static void
herald_compose_page_dispose (GObject *object)
{
  HeraldComposePage *self = HERALD_COMPOSE_PAGE (object);

  cancel_sender_ids (self);
  /* The send goes on: the session owns it; only stop observing it. */
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  if (self->confirm_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->confirm_dialog));
  herald_compose_page_set_session (self, NULL);
  /* No gtk_widget_dispose_template (): the template's one direct child is
   * AdwBin's child, which AdwBin unparents itself. */

  G_OBJECT_CLASS (herald_compose_page_parent_class)->dispose (object);
}

static void
herald_compose_page_finalize (GObject *object)
{
  HeraldComposePage *self = HERALD_COMPOSE_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->recipients);
  g_clear_pointer (&self->plan, herald_send_plan_unref);
  g_clear_object (&self->sender_ids);

  G_OBJECT_CLASS (herald_compose_page_parent_class)->finalize (object);
}

static void
herald_compose_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HeraldComposePage *self = HERALD_COMPOSE_PAGE (object);

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
herald_compose_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HeraldComposePage *self = HERALD_COMPOSE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      herald_compose_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_compose_page_class_init (HeraldComposePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_compose_page_dispose;
  object_class->finalize = herald_compose_page_finalize;
  object_class->get_property = herald_compose_page_get_property;
  object_class->set_property = herald_compose_page_set_property;
  widget_class->map = herald_compose_page_map;
  widget_class->unmap = herald_compose_page_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, HERALD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/heraldsms/Herald/herald-compose-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, banner_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, recipients_view);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, recipients_summary);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, recipients_list);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, message_view);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, encoding_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, characters_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, parts_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, remaining_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, credits_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, limit_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, ucs2_box);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, ucs2_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, replace_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, sender_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, device_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, media_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, media_error_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, balance_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, send_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, results_summary);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, results_ids);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, rejected_list);
  gtk_widget_class_bind_template_child (widget_class, HeraldComposePage, results_group);
  gtk_widget_class_bind_template_callback (widget_class, banner_button_clicked);

  gtk_widget_class_install_action (widget_class, "compose.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "compose.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "compose.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "compose.replace-ucs2", NULL, replace_ucs2_action);
}

static void
herald_compose_page_init (HeraldComposePage *self)
{
  GtkEventController *shortcuts;
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->recipients = herald_recipient_list_new (NULL, HERALD_PHONE_NUMBER_FLAGS_NONE);
  g_signal_connect_swapped (self->recipients, "changed", G_CALLBACK (recipient_list_changed_cb), self);

  /* The first entry sends without a sender ID: the account's default. */
  self->sender_ids = gtk_string_list_new ((const char *[]) { _("Account Default"), NULL });
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->sender_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->sender_row, G_LIST_MODEL (self->sender_ids));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->recipients_view), "changed",
                            G_CALLBACK (recipients_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->message_view), "changed",
                            G_CALLBACK (update_analysis), self);
  g_signal_connect_swapped (self->media_row, "changed", G_CALLBACK (media_changed_cb), self);

  /* In the capture phase: a text view would otherwise take Ctrl+Enter as
   * a new line. Local scope: only while the focus is on this page. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("compose.send")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>n"),
                                                          gtk_named_action_new ("compose.new")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_analysis (self);
  update_recipient_rows (self);
  provider_changed_cb (self);
}
