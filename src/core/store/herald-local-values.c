/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include "herald-local-values.h"

/* g_rc_box: the reference count lives in front of the struct, so the
 * members stay a plain struct for callers. */

static void
local_group_clear (gpointer data)
{
  HeraldLocalGroup *self = data;

  g_free (self->name);
}

HeraldLocalGroup *
herald_local_group_new (const char *name,
                        guint       n_members,
                        gint64      created_at)
{
  HeraldLocalGroup *self = g_rc_box_new0 (HeraldLocalGroup);

  self->name = g_strdup (name);
  self->n_members = n_members;
  self->created_at = created_at;
  return self;
}

HeraldLocalGroup *
herald_local_group_ref (HeraldLocalGroup *self)
{
  return g_rc_box_acquire (self);
}

void
herald_local_group_unref (HeraldLocalGroup *self)
{
  g_rc_box_release_full (self, local_group_clear);
}

G_DEFINE_BOXED_TYPE (HeraldLocalGroup, herald_local_group, herald_local_group_ref, herald_local_group_unref)

static void
local_template_clear (gpointer data)
{
  HeraldLocalTemplate *self = data;

  g_free (self->name);
  g_free (self->body);
}

HeraldLocalTemplate *
herald_local_template_new (const char *name,
                           const char *body,
                           gint64      created_at,
                           gint64      updated_at)
{
  HeraldLocalTemplate *self = g_rc_box_new0 (HeraldLocalTemplate);

  self->name = g_strdup (name);
  self->body = g_strdup (body);
  self->created_at = created_at;
  self->updated_at = updated_at;
  return self;
}

HeraldLocalTemplate *
herald_local_template_ref (HeraldLocalTemplate *self)
{
  return g_rc_box_acquire (self);
}

void
herald_local_template_unref (HeraldLocalTemplate *self)
{
  g_rc_box_release_full (self, local_template_clear);
}

G_DEFINE_BOXED_TYPE (HeraldLocalTemplate, herald_local_template, herald_local_template_ref, herald_local_template_unref)

static void
optout_clear (gpointer data)
{
  HeraldOptout *self = data;

  g_free (self->phone);
  g_free (self->source);
  g_free (self->account_id);
  g_free (self->detail);
}

HeraldOptout *
herald_optout_new (const char *phone,
                   const char *source,
                   const char *account_id,
                   const char *detail,
                   gint64      added_at)
{
  HeraldOptout *self = g_rc_box_new0 (HeraldOptout);

  self->phone = g_strdup (phone);
  self->source = g_strdup (source);
  self->account_id = g_strdup (account_id);
  self->detail = g_strdup (detail);
  self->added_at = added_at;
  return self;
}

HeraldOptout *
herald_optout_ref (HeraldOptout *self)
{
  return g_rc_box_acquire (self);
}

void
herald_optout_unref (HeraldOptout *self)
{
  g_rc_box_release_full (self, optout_clear);
}

G_DEFINE_BOXED_TYPE (HeraldOptout, herald_optout, herald_optout_ref, herald_optout_unref)

static void
local_message_clear (gpointer data)
{
  HeraldLocalMessage *self = data;

  g_free (self->account_id);
  g_free (self->remote_id);
  g_free (self->sender);
  g_free (self->sender_e164);
  g_free (self->text);
  g_free (self->device_id);
  g_free (self->device_name);
  g_free (self->device_phone);
  g_free (self->message_type);
  g_free (self->media_url);
}

HeraldLocalMessage *
herald_local_message_new (void)
{
  HeraldLocalMessage *self = g_rc_box_new0 (HeraldLocalMessage);

  self->sim_slot = -1;
  return self;
}

HeraldLocalMessage *
herald_local_message_ref (HeraldLocalMessage *self)
{
  return g_rc_box_acquire (self);
}

void
herald_local_message_unref (HeraldLocalMessage *self)
{
  g_rc_box_release_full (self, local_message_clear);
}

G_DEFINE_BOXED_TYPE (HeraldLocalMessage, herald_local_message, herald_local_message_ref, herald_local_message_unref)
