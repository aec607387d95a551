/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/herald-campaign-store.h"
#include "text/herald-contact.h"
#include "text/herald-phone-number.h"

G_BEGIN_DECLS

/* A campaign's recipients before it is saved: every input normalised to
 * E.164 for the account's region and dialect (invalid ones kept with their
 * reason, never sent), copies of a number merged into its first entry, the
 * text rendered for each one from its contact's fields (a recipient whose
 * template variable is missing without a fallback is rejected, saying
 * which), opted-out numbers kept as skipped. Then saved with the campaign
 * in one transaction. */

#define HERALD_TYPE_CAMPAIGN_AUDIENCE (herald_campaign_audience_get_type ())
G_DECLARE_FINAL_TYPE (HeraldCampaignAudience, herald_campaign_audience, HERALD, CAMPAIGN_AUDIENCE, GObject)

/* @text: the message, a template ("Hi {{first_name}}"); fails with
 * HERALD_TEMPLATE_ERROR when it cannot be read. */
HeraldCampaignAudience *herald_campaign_audience_new            (const char              *text,
                                                                 const char              *region,
                                                                 HeraldPhoneNumberFlags   flags,
                                                                 GError                 **error);
/* @contact (nullable) gives the template's variables. */
void                    herald_campaign_audience_add            (HeraldCampaignAudience  *self,
                                                                 const char              *input,
                                                                 HeraldContact           *contact);
/* An input refused elsewhere (a file's bad row), with a machine reason. */
void                    herald_campaign_audience_add_reject     (HeraldCampaignAudience  *self,
                                                                 const char              *input,
                                                                 const char              *reason);
/* Marks an E.164 number already added as opted out: skipped, never sent. */
gboolean                herald_campaign_audience_skip           (HeraldCampaignAudience  *self,
                                                                 const char              *e164,
                                                                 const char              *reason);

guint                   herald_campaign_audience_get_n_recipients (HeraldCampaignAudience *self);
guint                   herald_campaign_audience_get_n_skipped    (HeraldCampaignAudience *self);
guint                   herald_campaign_audience_get_n_duplicates (HeraldCampaignAudience *self);
const HeraldCampaignNewRecipient *
                        herald_campaign_audience_get_recipients   (HeraldCampaignAudience *self,
                                                                   guint                  *n_recipients);
const HeraldCampaignReject *
                        herald_campaign_audience_get_rejects      (HeraldCampaignAudience *self,
                                                                   guint                  *n_rejects);

/* Saves @record (state, name, account…) with the audience; the id is the
 * task's value (herald_campaign_audience_save_finish). */
void                    herald_campaign_audience_save_async     (HeraldCampaignAudience  *self,
                                                                 HeraldDatabase          *database,
                                                                 const HeraldCampaignRecord *record,
                                                                 GCancellable            *cancellable,
                                                                 GAsyncReadyCallback      callback,
                                                                 gpointer                 user_data);
gint64                  herald_campaign_audience_save_finish    (HeraldCampaignAudience  *self,
                                                                 GAsyncResult            *result,
                                                                 GError                 **error);

G_END_DECLS
