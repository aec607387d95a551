/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-provider"

#include "config.h"

#include "herald-provider-values.h"
#include "herald-value-private.h"

/* ---- HeraldRemotePage ----------------------------------------------------- */

static void
herald_remote_page_clear (HeraldRemotePage *self)
{
  g_ptr_array_unref (self->items);
}

HERALD_DEFINE_VALUE (HeraldRemotePage, herald_remote_page, herald_remote_page_clear)

HeraldRemotePage *
herald_remote_page_new (GPtrArray *items)
{
  HeraldRemotePage *self = g_atomic_rc_box_new0 (HeraldRemotePage);

  self->items = items != NULL ? items : g_ptr_array_new ();
  return self;
}

/* ---- HeraldSentMessage ---------------------------------------------------- */

static void
herald_sent_message_clear (HeraldSentMessage *self)
{
  g_free (self->id);
  g_free (self->provider_status);
  g_free (self->text);
  g_free (self->sender_id);
  g_free (self->campaign_name);
  g_free (self->device_id);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->sent_at, g_date_time_unref);
  g_clear_pointer (&self->scheduled_at, g_date_time_unref);
  g_clear_pointer (&self->delivered_at, g_date_time_unref);
}

HERALD_DEFINE_VALUE (HeraldSentMessage, herald_sent_message, herald_sent_message_clear)

HeraldSentMessage *
herald_sent_message_new (void)
{
  HeraldSentMessage *self = g_atomic_rc_box_new0 (HeraldSentMessage);

  self->state = HERALD_DELIVERY_UNKNOWN;
  self->recipient_count = -1;
  self->credits_used = -1;
  return self;
}
