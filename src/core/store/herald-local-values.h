/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The rows of the local address book that are not contacts (those are
 * HeraldContact, text/): groups, templates and opt-outs, as reference-counted
 * boxed values with public read-only members. Times are UTC microseconds
 * since the epoch, as the database keeps them. A list view boxes them in a
 * HeraldBoxedItem (model/). */

#define HERALD_TYPE_LOCAL_GROUP (herald_local_group_get_type ())
typedef struct
{
  char   *name;
  guint   n_members;
  gint64  created_at;
} HeraldLocalGroup;

GType             herald_local_group_get_type (void) G_GNUC_CONST;
HeraldLocalGroup *herald_local_group_new      (const char       *name,
                                               guint             n_members,
                                               gint64            created_at);
HeraldLocalGroup *herald_local_group_ref      (HeraldLocalGroup *self);
void              herald_local_group_unref    (HeraldLocalGroup *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldLocalGroup, herald_local_group_unref)

#define HERALD_TYPE_LOCAL_TEMPLATE (herald_local_template_get_type ())
typedef struct
{
  char   *name;
  char   *body;
  gint64  created_at;
  gint64  updated_at;
} HeraldLocalTemplate;

GType                herald_local_template_get_type (void) G_GNUC_CONST;
HeraldLocalTemplate *herald_local_template_new      (const char          *name,
                                                     const char          *body,
                                                     gint64               created_at,
                                                     gint64               updated_at);
HeraldLocalTemplate *herald_local_template_ref      (HeraldLocalTemplate *self);
void                 herald_local_template_unref    (HeraldLocalTemplate *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldLocalTemplate, herald_local_template_unref)

#define HERALD_TYPE_OPTOUT (herald_optout_get_type ())
typedef struct
{
  char   *phone;        /* E.164 */
  char   *source;       /* "manual", "file", "keyword", … */
  char   *account_id;   /* nullable: the account a keyword came through */
  char   *detail;       /* nullable: for people (file name, keyword) */
  gint64  added_at;
} HeraldOptout;

GType         herald_optout_get_type (void) G_GNUC_CONST;
HeraldOptout *herald_optout_new      (const char   *phone,
                                      const char   *source,
                                      const char   *account_id,
                                      const char   *detail,
                                      gint64        added_at);
HeraldOptout *herald_optout_ref      (HeraldOptout *self);
void          herald_optout_unref    (HeraldOptout *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldOptout, herald_optout_unref)

/* A received message in the local inbox (herald-local-inbox.h). */
#define HERALD_TYPE_LOCAL_MESSAGE (herald_local_message_get_type ())
typedef struct
{
  gint64  id;             /* the row's */
  char   *account_id;
  char   *remote_id;      /* the source's id, unique per account */
  char   *sender;         /* as the source gave it */
  char   *sender_e164;    /* nullable: when it parses */
  char   *text;
  gint64  received_at;
  char   *device_id;      /* nullable, the next four too */
  char   *device_name;
  char   *device_phone;
  char   *message_type;   /* "sms", "whatsapp" */
  int     sim_slot;       /* -1: not said */
  char   *media_url;      /* nullable */
  gint64  stored_at;
} HeraldLocalMessage;

GType               herald_local_message_get_type (void) G_GNUC_CONST;
/* Empty (sim_slot -1); the store fills it. */
HeraldLocalMessage *herald_local_message_new      (void);
HeraldLocalMessage *herald_local_message_ref      (HeraldLocalMessage *self);
void                herald_local_message_unref    (HeraldLocalMessage *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldLocalMessage, herald_local_message_unref)

G_END_DECLS
