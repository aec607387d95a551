/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include "herald-logged-message-private.h"

struct _HeraldLoggedMessage
{
  GObject              parent_instance;

  gint64               row_id;
  char                *account_id;
  char                *message_id;
  char                *recipient;
  char                *text;
  char                *error;
  GDateTime           *sent_at;
  GDateTime           *updated_at;
  HeraldDeliveryState  state;
  guint                parts;
};

G_DEFINE_FINAL_TYPE (HeraldLoggedMessage, herald_logged_message, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROW_ID,
  PROP_ACCOUNT_ID,
  PROP_MESSAGE_ID,
  PROP_RECIPIENT,
  PROP_TEXT,
  PROP_STATE,
  PROP_ERROR,
  PROP_PARTS,
  PROP_SENT_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

gint64
herald_logged_message_time_to_usec (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

GDateTime *
herald_logged_message_time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  if (seconds == NULL)
    return NULL;
  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}

static void
herald_logged_message_finalize (GObject *object)
{
  HeraldLoggedMessage *self = (HeraldLoggedMessage *) object;

  g_free (self->account_id);
  g_free (self->message_id);
  g_free (self->recipient);
  g_free (self->text);
  g_free (self->error);
  g_clear_pointer (&self->sent_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (herald_logged_message_parent_class)->finalize (object);
}

static void
herald_logged_message_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HeraldLoggedMessage *self = HERALD_LOGGED_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ROW_ID:
      g_value_set_int64 (value, self->row_id);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_string (value, self->account_id);
      break;

    case PROP_MESSAGE_ID:
      g_value_set_string (value, self->message_id);
      break;

    case PROP_RECIPIENT:
      g_value_set_string (value, self->recipient);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    case PROP_PARTS:
      g_value_set_uint (value, self->parts);
      break;

    case PROP_SENT_AT:
      g_value_set_boxed (value, self->sent_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_logged_message_class_init (HeraldLoggedMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = herald_logged_message_finalize;
  object_class->get_property = herald_logged_message_get_property;

  properties [PROP_ROW_ID] =
    g_param_spec_int64 ("row-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_ACCOUNT_ID] =
    g_param_spec_string ("account-id", NULL, NULL, NULL, flags);
  properties [PROP_MESSAGE_ID] =
    g_param_spec_string ("message-id", NULL, NULL, NULL, flags);
  properties [PROP_RECIPIENT] =
    g_param_spec_string ("recipient", NULL, NULL, NULL, flags);
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       HERALD_TYPE_DELIVERY_STATE, HERALD_DELIVERY_UNKNOWN, flags);
  properties [PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL, flags);
  properties [PROP_PARTS] =
    g_param_spec_uint ("parts", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_SENT_AT] =
    g_param_spec_boxed ("sent-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties [PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_logged_message_init (HeraldLoggedMessage *self)
{
}

/* Returns: (transfer full): a HeraldLoggedMessage of the current row */
gpointer
herald_logged_message_new_from_row (sqlite3_stmt *stmt)
{
  HeraldLoggedMessage *self = g_object_new (HERALD_TYPE_LOGGED_MESSAGE, NULL);

  self->row_id = herald_database_column_int64 (stmt, 0);
  self->account_id = herald_database_dup_column_text (stmt, 1);
  self->message_id = herald_database_dup_column_text (stmt, 2);
  self->recipient = herald_database_dup_column_text (stmt, 3);
  self->text = herald_database_dup_column_text (stmt, 4);
  self->state = herald_delivery_state_from_string (herald_database_column_text (stmt, 5));
  self->error = herald_database_dup_column_text (stmt, 6);
  self->parts = (guint) MAX (0, herald_database_column_int64 (stmt, 7));
  self->sent_at = herald_logged_message_time_from_usec (herald_database_column_int64 (stmt, 8));
  self->updated_at = herald_logged_message_time_from_usec (herald_database_column_int64 (stmt, 9));

  return self;
}

gint64
herald_logged_message_get_row_id (HeraldLoggedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_LOGGED_MESSAGE (self), 0);
  return self->row_id;
}

const char *
herald_logged_message_get_account_id (HeraldLoggedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_LOGGED_MESSAGE (self), NULL);
  return self->account_id;
}

const char *
herald_logged_message_get_message_id (HeraldLoggedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_LOGGED_MESSAGE (self), NULL);
  return self->message_id;
}

const char *
herald_logged_message_get_recipient (HeraldLoggedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_LOGGED_MESSAGE (self), NULL);
  return self->recipient;
}

const char *
herald_logged_message_get_text (HeraldLoggedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_LOGGED_MESSAGE (self), NULL);
  return self->text;
}

HeraldDeliveryState
herald_logged_message_get_state (HeraldLoggedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_LOGGED_MESSAGE (self), HERALD_DELIVERY_UNKNOWN);
  return self->state;
}

const char *
herald_logged_message_get_error (HeraldLoggedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_LOGGED_MESSAGE (self), NULL);
  return self->error;
}

guint
herald_logged_message_get_parts (HeraldLoggedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_LOGGED_MESSAGE (self), 0);
  return self->parts;
}

GDateTime *
herald_logged_message_get_sent_at (HeraldLoggedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_LOGGED_MESSAGE (self), NULL);
  return self->sent_at;
}

GDateTime *
herald_logged_message_get_updated_at (HeraldLoggedMessage *self)
{
  g_return_val_if_fail (HERALD_IS_LOGGED_MESSAGE (self), NULL);
  return self->updated_at;
}
