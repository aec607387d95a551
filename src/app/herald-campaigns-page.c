/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-campaigns-page"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-campaign-assistant.h"
#include "herald-campaign-detail.h"
#include "herald-campaigns-page.h"
#include "herald-list-util.h"

struct _HeraldCampaignsPage
{
  HeraldListPage  parent_instance;

  GSignalGroup   *runner_signals;   /* the session's campaign runner */
};

G_DEFINE_FINAL_TYPE (HeraldCampaignsPage, herald_campaigns_page, HERALD_TYPE_LIST_PAGE)

static HeraldCampaignRunner *
get_runner (HeraldCampaignsPage *self)
{
  HeraldSession *session = herald_list_page_get_session (HERALD_LIST_PAGE (self));

  return session != NULL ? herald_session_get_campaign_runner (session) : NULL;
}

/* ---- the list ------------------------------------------------------------ */

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = herald_campaign_runner_list_finish (HERALD_CAMPAIGN_RUNNER (object), result, &error);
  g_autoptr(GPtrArray) items = NULL;

  if (list == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (items, herald_boxed_item_new (HERALD_TYPE_CAMPAIGN_SUMMARY, list->pdata[i]));
  herald_paged_list_task_return_page (g_steal_pointer (&task), g_steal_pointer (&items), FALSE);
}

/* One page holds them all: a shop has tens of campaigns, not thousands. */
static void
fetch_campaigns (guint         page,
                 GCancellable *cancellable,
                 GTask        *task,
                 gpointer      user_data)
{
  herald_campaign_runner_list_async (user_data, cancellable, listed_cb, task);
}

static HeraldPagedList *
herald_campaigns_page_create_list (HeraldListPage  *page,
                                   GError         **error)
{
  HeraldCampaignRunner *runner = get_runner (HERALD_CAMPAIGNS_PAGE (page));

  if (runner == NULL)
    return NULL;
  return herald_paged_list_new (HERALD_TYPE_BOXED_ITEM, fetch_campaigns, g_object_ref (runner), g_object_unref);
}

static gboolean
herald_campaigns_page_bind_row (HeraldListPage *page,
                                GtkWidget      *row,
                                gpointer        item)
{
  HeraldCampaignSummary *summary = herald_boxed_item_get (item);
  HeraldCampaignRecord *record = summary->record;
  g_autofree char *counts = herald_campaign_counts_line (summary->counts);
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_local (record->created_at / G_USEC_PER_SEC);
  g_autofree char *time = herald_list_util_format_time (created);
  g_autofree char *caption = NULL;
  HeraldCampaignRunner *runner = get_runner (HERALD_CAMPAIGNS_PAGE (page));

  if (record->state == HERALD_CAMPAIGN_RUNNING && runner != NULL &&
      !herald_campaign_runner_is_running (runner, record->id) &&
      herald_campaign_lease_holder_gone (record->lease_pid, record->lease_host, record->lease_expires))
    /* The process that ran it is gone (Herald quit, the computer stopped):
     * nothing sends it until someone resumes it. */
    caption = g_strdup (_("Interrupted: open it to resume"));
  else if (record->state == HERALD_CAMPAIGN_PAUSED && record->pause_reason != NULL)
    caption = g_strdup_printf ("%s: %s", herald_campaign_state_label (record->state), record->pause_reason);
  else
    caption = g_strdup (herald_campaign_state_label (record->state));
  herald_list_util_row_set (row, record->name, time, counts, caption);
  return TRUE;
}

static void
herald_campaigns_page_list_empty (HeraldListPage *page)
{
  herald_list_page_set_empty_status (page, "mail-send-symbolic", _("No Campaigns Yet"),
                                     _("A campaign sends a message or a template to many contacts at the pace "
                                       "your provider allows, and can be paused and resumed. "
                                       "Start one with “New Campaign”."));
}

GtkWindow *
herald_campaigns_page_open_detail (HeraldCampaignsPage *self,
                                   gint64               id)
{
  HeraldSession *session = herald_list_page_get_session (HERALD_LIST_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *detail;

  g_return_val_if_fail (session != NULL, NULL);
  detail = GTK_WINDOW (herald_campaign_detail_new (session, id));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (detail, GTK_WINDOW (root));
  gtk_window_present (detail);
  return detail;
}

static void
herald_campaigns_page_row_activated (HeraldListPage *page,
                                     gpointer        item)
{
  HeraldCampaignSummary *summary = herald_boxed_item_get (item);

  herald_campaigns_page_open_detail (HERALD_CAMPAIGNS_PAGE (page), summary->record->id);
}

static void
runner_changed_cb (HeraldCampaignsPage *self)
{
  HeraldPagedList *list = herald_list_page_get_list (HERALD_LIST_PAGE (self));

  if (list != NULL)
    herald_paged_list_reload (list);
}

/* ---- the session --------------------------------------------------------- */

static void
herald_campaigns_page_provider_changed (HeraldListPage *page)
{
  HeraldCampaignsPage *self = HERALD_CAMPAIGNS_PAGE (page);
  HeraldSession *session = herald_list_page_get_session (page);

  if (self->runner_signals != NULL)
    g_signal_group_set_target (self->runner_signals, get_runner (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaigns.new",
                                 session != NULL && herald_session_get_active_account (session) != NULL);
  if (session == NULL)
    herald_list_page_show_status (page, "mail-send-symbolic", _("No Campaigns Yet"),
                                  _("A campaign sends a message or a template to many contacts at the pace "
                                    "your provider allows, and can be paused and resumed. Campaigns will be "
                                    "listed here once Herald has opened its database."));
  else
    herald_list_page_show_list (page);
}

static void
created_cb (HeraldCampaignsPage *self,
            gint64               id)
{
  herald_campaigns_page_open_detail (self, id);
}

static void
new_campaign (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeraldCampaignsPage *self = HERALD_CAMPAIGNS_PAGE (widget);
  HeraldSession *session = herald_list_page_get_session (HERALD_LIST_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *assistant;

  if (session == NULL)
    return;
  assistant = herald_campaign_assistant_new (session);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (assistant), GTK_WINDOW (root));
  g_signal_connect_object (assistant, "created", G_CALLBACK (created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (assistant));
}

GtkWidget *
herald_campaigns_page_new (void)
{
  return g_object_new (HERALD_TYPE_CAMPAIGNS_PAGE, NULL);
}

/* ---- life cycle ---------------------------------------------------------- */

static void
herald_campaigns_page_dispose (GObject *object)
{
  HeraldCampaignsPage *self = HERALD_CAMPAIGNS_PAGE (object);

  if (self->runner_signals != NULL)
    g_signal_group_set_target (self->runner_signals, NULL);
  g_clear_object (&self->runner_signals);

  G_OBJECT_CLASS (herald_campaigns_page_parent_class)->dispose (object);
}

static void
herald_campaigns_page_class_init (HeraldCampaignsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeraldListPageClass *page_class = HERALD_LIST_PAGE_CLASS (klass);

  object_class->dispose = herald_campaigns_page_dispose;
  page_class->provider_changed = herald_campaigns_page_provider_changed;
  page_class->create_list = herald_campaigns_page_create_list;
  page_class->bind_row = herald_campaigns_page_bind_row;
  page_class->list_empty = herald_campaigns_page_list_empty;
  page_class->row_activated = herald_campaigns_page_row_activated;

  herald_list_page_class_set_template (page_class, RESOURCE_BASE "/herald-campaigns-page.ui", "campaigns");
  gtk_widget_class_install_action (widget_class, "campaigns.new", NULL, new_campaign);
}

static void
herald_campaigns_page_init (HeraldCampaignsPage *self)
{
  HeraldListPage *page = HERALD_LIST_PAGE (self);

  self->runner_signals = g_signal_group_new (HERALD_TYPE_CAMPAIGN_RUNNER);
  g_signal_group_connect_swapped (self->runner_signals, "changed", G_CALLBACK (runner_changed_cb), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  herald_list_page_set_list_label (page, _("Campaigns"));
  herald_campaigns_page_list_empty (page);
}
