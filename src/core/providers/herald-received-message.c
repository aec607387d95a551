/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-received-message"

#include "config.h"

#include "herald-received-message.h"
#include "herald-getter-private.h"

G_DEFINE_ENUM_TYPE (HeraldMessageType, herald_message_type,
                    G_DEFINE_ENUM_VALUE (HERALD_MESSAGE_TYPE_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (HERALD_MESSAGE_TYPE_SMS, "sms"),
                    G_DEFINE_ENUM_VALUE (HERALD_MESSAGE_TYPE_WHATSAPP, "whatsapp"))

const char *
herald_message_type_to_string (HeraldMessageType type)
{
  switch (type)
    {
    case HERALD_MESSAGE_TYPE_SMS: return "sms";
    case HERALD_MESSAGE_TYPE_WHATSAPP: return "whatsapp";
    case HERALD_MESSAGE_TYPE_UNKNOWN:
    default: return NULL;
    }
}

HeraldMessageType
herald_message_type_from_string (const char *text)
{
  if (text == NULL)
    return HERALD_MESSAGE_TYPE_UNKNOWN;
  if (g_ascii_strcasecmp (text, "sms") == 0)
    return HERALD_MESSAGE_TYPE_SMS;
  if (g_ascii_strcasecmp (text, "whatsapp") == 0)
    return HERALD_MESSAGE_TYPE_WHATSAPP;
  return HERALD_MESSAGE_TYPE_UNKNOWN;
}

struct _HeraldReceivedMessage
{
  GObject            parent_instance;

  char              *id;
  char              *from;
  char              *text;
  GDateTime         *received_at;
  char              *device_id;
  char              *device_name;
  char              *device_phone;
  HeraldMessageType  message_type;
  int                sim_slot;
  char              *media_url;
};

G_DEFINE_FINAL_TYPE (HeraldReceivedMessage, herald_received_message, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FROM,
  PROP_TEXT,
  PROP_RECEIVED_AT,
  PROP_DEVICE_ID,
  PROP_DEVICE_NAME,
  PROP_DEVICE_PHONE,
  PROP_MESSAGE_TYPE,
  PROP_SIM_SLOT,
  PROP_MEDIA_URL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
herald_received_message_constructed (GObject *object)
{
  HeraldReceivedMessage *self = HERALD_RECEIVED_MESSAGE (object);

  G_OBJECT_CLASS (herald_received_message_parent_class)->constructed (object);

  /* What every reader relies on: an id, a sender, a text and a time. */
  if (self->id == NULL)
    self->id = g_strdup ("");
  if (self->from == NULL)
    self->from = g_strdup ("");
  if (self->text == NULL)
    self->text = g_strdup ("");
  if (self->received_at == NULL)
    self->received_at = g_date_time_new_from_unix_utc (0);
}

static void
herald_received_message_finalize (GObject *object)
{
  HeraldReceivedMessage *self = HERALD_RECEIVED_MESSAGE (object);

  g_free (self->id);
  g_free (self->from);
  g_free (self->text);
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_free (self->device_id);
  g_free (self->device_name);
  g_free (self->device_phone);
  g_free (self->media_url);

  G_OBJECT_CLASS (herald_received_message_parent_class)->finalize (object);
}

static void
herald_received_message_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  HeraldReceivedMessage *self = HERALD_RECEIVED_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_RECEIVED_AT:
      g_value_set_boxed (value, self->received_at);
      break;
    case PROP_DEVICE_ID:
      g_value_set_string (value, self->device_id);
      break;
    case PROP_DEVICE_NAME:
      g_value_set_string (value, self->device_name);
      break;
    case PROP_DEVICE_PHONE:
      g_value_set_string (value, self->device_phone);
      break;
    case PROP_MESSAGE_TYPE:
      g_value_set_enum (value, self->message_type);
      break;
    case PROP_SIM_SLOT:
      g_value_set_int (value, self->sim_slot);
      break;
    case PROP_MEDIA_URL:
      g_value_set_string (value, self->media_url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_received_message_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  HeraldReceivedMessage *self = HERALD_RECEIVED_MESSAGE (object);

  /* construct-only: each is set once, on a fresh object */
  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_FROM:
      self->from = g_value_dup_string (value);
      break;
    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;
    case PROP_RECEIVED_AT:
      self->received_at = g_value_dup_boxed (value);
      break;
    case PROP_DEVICE_ID:
      self->device_id = g_value_dup_string (value);
      break;
    case PROP_DEVICE_NAME:
      self->device_name = g_value_dup_string (value);
      break;
    case PROP_DEVICE_PHONE:
      self->device_phone = g_value_dup_string (value);
      break;
    case PROP_MESSAGE_TYPE:
      self->message_type = g_value_get_enum (value);
      break;
    case PROP_SIM_SLOT:
      self->sim_slot = g_value_get_int (value);
      break;
    case PROP_MEDIA_URL:
      self->media_url = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_received_message_class_init (HeraldReceivedMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = herald_received_message_constructed;
  object_class->finalize = herald_received_message_finalize;
  object_class->get_property = herald_received_message_get_property;
  object_class->set_property = herald_received_message_set_property;

  properties [PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties [PROP_FROM] = g_param_spec_string ("from", NULL, NULL, NULL, flags);
  properties [PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties [PROP_RECEIVED_AT] = g_param_spec_boxed ("received-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties [PROP_DEVICE_ID] = g_param_spec_string ("device-id", NULL, NULL, NULL, flags);
  properties [PROP_DEVICE_NAME] = g_param_spec_string ("device-name", NULL, NULL, NULL, flags);
  properties [PROP_DEVICE_PHONE] = g_param_spec_string ("device-phone", NULL, NULL, NULL, flags);
  properties [PROP_MESSAGE_TYPE] =
    g_param_spec_enum ("message-type", NULL, NULL, HERALD_TYPE_MESSAGE_TYPE, HERALD_MESSAGE_TYPE_UNKNOWN, flags);
  properties [PROP_SIM_SLOT] = g_param_spec_int ("sim-slot", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties [PROP_MEDIA_URL] = g_param_spec_string ("media-url", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_received_message_init (HeraldReceivedMessage *self)
{
  self->sim_slot = -1;
}

HERALD_DEFINE_OBJECT_GETTER (const char *, herald_received_message_get_id, HeraldReceivedMessage, HERALD_IS_RECEIVED_MESSAGE, id, NULL)
HERALD_DEFINE_OBJECT_GETTER (const char *, herald_received_message_get_from, HeraldReceivedMessage, HERALD_IS_RECEIVED_MESSAGE, from, NULL)
HERALD_DEFINE_OBJECT_GETTER (const char *, herald_received_message_get_text, HeraldReceivedMessage, HERALD_IS_RECEIVED_MESSAGE, text, NULL)
HERALD_DEFINE_OBJECT_GETTER (GDateTime *, herald_received_message_get_received_at, HeraldReceivedMessage, HERALD_IS_RECEIVED_MESSAGE, received_at, NULL)
HERALD_DEFINE_OBJECT_GETTER (const char *, herald_received_message_get_device_id, HeraldReceivedMessage, HERALD_IS_RECEIVED_MESSAGE, device_id, NULL)
HERALD_DEFINE_OBJECT_GETTER (const char *, herald_received_message_get_device_name, HeraldReceivedMessage, HERALD_IS_RECEIVED_MESSAGE, device_name, NULL)
HERALD_DEFINE_OBJECT_GETTER (const char *, herald_received_message_get_device_phone, HeraldReceivedMessage, HERALD_IS_RECEIVED_MESSAGE, device_phone, NULL)
HERALD_DEFINE_OBJECT_GETTER (HeraldMessageType, herald_received_message_get_message_type, HeraldReceivedMessage, HERALD_IS_RECEIVED_MESSAGE, message_type, HERALD_MESSAGE_TYPE_UNKNOWN)
HERALD_DEFINE_OBJECT_GETTER (int, herald_received_message_get_sim_slot, HeraldReceivedMessage, HERALD_IS_RECEIVED_MESSAGE, sim_slot, -1)
HERALD_DEFINE_OBJECT_GETTER (const char *, herald_received_message_get_media_url, HeraldReceivedMessage, HERALD_IS_RECEIVED_MESSAGE, media_url, NULL)
