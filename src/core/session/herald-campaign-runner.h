/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "campaign/herald-campaign-audience.h"
#include "campaign/herald-campaign-engine.h"
#include "providers/herald-provider.h"
#include "store/herald-account.h"
#include "store/herald-campaign-store.h"
#include "store/herald-database.h"
#include "store/herald-message-log.h"

G_BEGIN_DECLS

/* The campaigns of one running Herald, for the app: their rows read off
 * the main thread, an audience gathered as heraldctl does (a group, every
 * contact or pasted numbers; opted-out numbers skipped), and the engines
 * that run them. The session owns the runner and the runner owns its
 * engines, so a campaign goes on whatever becomes of the window or page
 * that started it; a page only watches an engine.
 *
 * Scheduled campaigns of the active account start when their time comes
 * (herald_campaign_runner_set_provider), as "heraldctl campaign run-due"
 * starts them.
 *
 * Signal "changed" (gint64 campaign id): a campaign was created, started,
 * paused, cancelled or ended here; lists read it again. */

/* One campaign as a list or a detail page shows it. */
typedef struct
{
  HeraldCampaignRecord *record;
  guint                 counts[HERALD_RECIPIENT_N_STATES];
  GPtrArray            *recipients;  /* (element-type HeraldCampaignRecipient), NULL unless asked for */
  GPtrArray            *rejects;     /* input, reason flattened; NULL unless recipients were asked for */
} HeraldCampaignSummary;

#define HERALD_TYPE_CAMPAIGN_SUMMARY (herald_campaign_summary_get_type ())
GType                  herald_campaign_summary_get_type (void) G_GNUC_CONST;
HeraldCampaignSummary *herald_campaign_summary_ref      (HeraldCampaignSummary *self);
void                   herald_campaign_summary_unref    (HeraldCampaignSummary *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldCampaignSummary, herald_campaign_summary_unref)

#define HERALD_TYPE_CAMPAIGN_RUNNER (herald_campaign_runner_get_type ())
G_DECLARE_FINAL_TYPE (HeraldCampaignRunner, herald_campaign_runner, HERALD, CAMPAIGN_RUNNER, GObject)

HeraldCampaignRunner   *herald_campaign_runner_new          (HeraldDatabase        *database,
                                                             HeraldMessageLog      *log);

/* Every campaign with its counts, newest first:
 * (element-type HeraldCampaignSummary) (transfer full). */
void                    herald_campaign_runner_list_async   (HeraldCampaignRunner  *self,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
GPtrArray              *herald_campaign_runner_list_finish  (HeraldCampaignRunner  *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

/* One campaign, with its recipients and rejects when @with_recipients;
 * HERALD_STORE_ERROR_NOT_FOUND when there is none. */
void                    herald_campaign_runner_read_async   (HeraldCampaignRunner  *self,
                                                             gint64                 id,
                                                             gboolean               with_recipients,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
HeraldCampaignSummary  *herald_campaign_runner_read_finish  (HeraldCampaignRunner  *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

/* The audience of a campaign for @account with @text: the members of each
 * of @groups (nullable), or every contact when @all_contacts, then each
 * number of @pasted (nullable: separated by lines, commas, semicolons or
 * tabs), opted-out numbers marked skipped. HERALD_TEMPLATE_ERROR when the
 * text cannot be read, NOT_FOUND for an unknown group. */
void                    herald_campaign_runner_gather_async (HeraldCampaignRunner  *self,
                                                             HeraldAccount         *account,
                                                             const char            *text,
                                                             const char * const    *groups,
                                                             gboolean               all_contacts,
                                                             const char            *pasted,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
HeraldCampaignAudience *herald_campaign_runner_gather_finish (HeraldCampaignRunner *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

/* Saves @record with @audience (herald_campaign_audience_save_async); the
 * id is the value; "changed" follows. */
void                    herald_campaign_runner_create_async (HeraldCampaignRunner  *self,
                                                             HeraldCampaignAudience *audience,
                                                             const HeraldCampaignRecord *record,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gint64                  herald_campaign_runner_create_finish (HeraldCampaignRunner *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

/* Starts (or resumes) campaign @id with @provider, the provider of its
 * account @account_id; returns its engine (transfer none), the one that
 * already runs it when there is one. The engine runs until the campaign is
 * finished, paused or cancelled; nothing but pause/cancel stops it. */
HeraldCampaignEngine   *herald_campaign_runner_start        (HeraldCampaignRunner  *self,
                                                             HeraldProvider        *provider,
                                                             const char            *account_id,
                                                             gint64                 id);
/* The engine of campaign @id when it was started here (running or ended),
 * or NULL. (transfer none) */
HeraldCampaignEngine   *herald_campaign_runner_lookup       (HeraldCampaignRunner  *self,
                                                             gint64                 id);
/* Whether campaign @id's engine is running now. */
gboolean                herald_campaign_runner_is_running   (HeraldCampaignRunner  *self,
                                                             gint64                 id);
/* The provider of the active account (NULL: none): its scheduled
 * campaigns are started with it when their time comes, while it stays
 * the active one. A timer waits for the next one only while there is one. */
void                    herald_campaign_runner_set_provider (HeraldCampaignRunner *self,
                                                             HeraldProvider        *provider,
                                                             const char            *account_id);
/* Pauses every campaign running here after its request in flight, with
 * @reason (as herald_campaign_engine_pause). */
void                    herald_campaign_runner_pause_all    (HeraldCampaignRunner *self,
                                                             const char            *reason);
/* How many campaigns run here now (the app stays while one does). */
guint                   herald_campaign_runner_get_n_running (HeraldCampaignRunner *self);
/* Pauses (@state PAUSED) or cancels (CANCELLED) campaign @id: its engine
 * here after the request in flight, else its row, unless another process
 * holds it (HERALD_CAMPAIGN_ERROR_BUSY) or it is over (NOT_RUNNABLE). */
void                    herald_campaign_runner_stop_async   (HeraldCampaignRunner  *self,
                                                             gint64                 id,
                                                             HeraldCampaignState    state,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean                herald_campaign_runner_stop_finish  (HeraldCampaignRunner  *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

G_END_DECLS
