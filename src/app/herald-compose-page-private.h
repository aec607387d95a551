/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "herald-compose-page.h"

G_BEGIN_DECLS

/* Shared by herald-compose-page.c (the form) and
 * herald-compose-page-send.c (sending and its outcome). */
struct _HeraldComposePage
{
  AdwBin               parent_instance;

  HeraldSession       *session;
  GSettings           *settings;
  HeraldRecipientList *recipients;
  HeraldSendPlan      *plan;              /* the send as the form stands (core's figures) */
  GtkStringList       *sender_ids;        /* "" (default) first */
  GCancellable        *sender_ids_cancellable;
  gboolean             sender_ids_loaded;

  HeraldSendJob       *job;               /* observed while it runs; the session owns it */
  AdwMessageDialog    *confirm_dialog;
  int                  banner_action;     /* HeraldComposeBannerAction */

  /* template children */
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkRevealer         *banner_revealer;
  GtkLabel            *banner_label;
  GtkButton           *banner_button;
  GtkTextView         *recipients_view;
  GtkLabel            *recipients_summary;
  GtkListBox          *recipients_list;
  GtkTextView         *message_view;
  GtkLabel            *encoding_label;
  GtkLabel            *characters_label;
  GtkLabel            *parts_label;
  GtkLabel            *remaining_label;
  GtkLabel            *credits_label;
  GtkLabel            *limit_label;
  GtkBox              *ucs2_box;
  GtkLabel            *ucs2_label;
  GtkButton           *replace_button;
  AdwComboRow         *sender_row;
  AdwEntryRow         *campaign_row;
  AdwEntryRow         *schedule_row;
  AdwEntryRow         *device_row;
  AdwEntryRow         *media_row;
  GtkLabel            *media_error_label;
  GtkLabel            *balance_label;
  GtkButton           *send_button;
  GtkBox              *progress_box;
  GtkProgressBar      *progress_bar;
  GtkLabel            *results_summary;
  GtkLabel            *results_ids;
  GtkListBox          *rejected_list;
  AdwPreferencesGroup *results_group;
};

/* What to do about a banner: its button's job. */
typedef enum
{
  HERALD_COMPOSE_BANNER_DISMISS,
  HERALD_COMPOSE_BANNER_ACCOUNT_SETTINGS,
  HERALD_COMPOSE_BANNER_RETRY,
} HeraldComposeBannerAction;

char     *herald_compose_page_dup_text        (GtkTextView       *view);
gboolean  herald_compose_page_can_send        (HeraldComposePage *self,
                                               char             **why_not);
void      herald_compose_page_update_balance  (HeraldComposePage *self);
void      herald_compose_page_update_plan     (HeraldComposePage *self);
void      herald_compose_page_update_actions  (HeraldComposePage *self);

/* herald-compose-page-send.c */
void      herald_compose_page_show_banner     (HeraldComposePage         *self,
                                               const char                *text,
                                               HeraldComposeBannerAction  action);
void      herald_compose_page_hide_banner     (HeraldComposePage *self);
void      herald_compose_page_show_error      (HeraldComposePage *self,
                                               const GError      *error);
void      herald_compose_page_send            (HeraldComposePage *self);
void      herald_compose_page_stop            (HeraldComposePage *self);
void      herald_compose_page_set_job         (HeraldComposePage *self,
                                               HeraldSendJob     *job);
void      herald_compose_page_follow_session_send (HeraldComposePage *self);
void      herald_compose_page_clear_results   (HeraldComposePage *self);
void      herald_compose_page_banner_clicked  (HeraldComposePage *self);

G_END_DECLS
