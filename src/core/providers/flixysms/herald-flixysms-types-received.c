/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flixysms"

#include "config.h"

#include "herald-flixysms-types-private.h"
#include "herald-getter-private.h"
#include "providers/herald-value-private.h"

/* What GET /messages/received answers: one message (a GObject, for list
 * models) and the page that holds them. */

/* HeraldFlixysmsReceivedMessage */

struct _HeraldFlixysmsReceivedMessage
{
  GObject    parent_instance;

  char      *id;
  char      *from;
  char      *message;
  GDateTime *received_at;
  char      *device_id;
  char      *device_name;
  char      *device_phone;
  char      *message_type;
  int        sim_slot;
};

G_DEFINE_FINAL_TYPE (HeraldFlixysmsReceivedMessage, herald_flixysms_received_message, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FROM,
  PROP_MESSAGE,
  PROP_RECEIVED_AT,
  PROP_DEVICE_ID,
  PROP_DEVICE_NAME,
  PROP_DEVICE_PHONE,
  PROP_MESSAGE_TYPE,
  PROP_SIM_SLOT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
herald_flixysms_received_message_finalize (GObject *object)
{
  HeraldFlixysmsReceivedMessage *self = HERALD_FLIXYSMS_RECEIVED_MESSAGE (object);

  g_free (self->id);
  g_free (self->from);
  g_free (self->message);
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_free (self->device_id);
  g_free (self->device_name);
  g_free (self->device_phone);
  g_free (self->message_type);

  G_OBJECT_CLASS (herald_flixysms_received_message_parent_class)->finalize (object);
}

static void
herald_flixysms_received_message_get_property (GObject    *object,
                                               guint       prop_id,
                                               GValue     *value,
                                               GParamSpec *pspec)
{
  HeraldFlixysmsReceivedMessage *self = HERALD_FLIXYSMS_RECEIVED_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
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
      g_value_set_string (value, self->message_type);
      break;
    case PROP_SIM_SLOT:
      g_value_set_int (value, self->sim_slot);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_flixysms_received_message_class_init (HeraldFlixysmsReceivedMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = herald_flixysms_received_message_finalize;
  object_class->get_property = herald_flixysms_received_message_get_property;

  properties [PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties [PROP_FROM] = g_param_spec_string ("from", NULL, NULL, NULL, flags);
  properties [PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties [PROP_RECEIVED_AT] = g_param_spec_boxed ("received-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties [PROP_DEVICE_ID] = g_param_spec_string ("device-id", NULL, NULL, NULL, flags);
  properties [PROP_DEVICE_NAME] = g_param_spec_string ("device-name", NULL, NULL, NULL, flags);
  properties [PROP_DEVICE_PHONE] = g_param_spec_string ("device-phone", NULL, NULL, NULL, flags);
  properties [PROP_MESSAGE_TYPE] = g_param_spec_string ("message-type", NULL, NULL, NULL, flags);
  properties [PROP_SIM_SLOT] = g_param_spec_int ("sim-slot", NULL, NULL, -1, G_MAXINT, -1, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_flixysms_received_message_init (HeraldFlixysmsReceivedMessage *self)
{
  self->sim_slot = -1;
}

/* The fields of a received message at @item. */
static HeraldFlixysmsReceivedMessage *
received_message_read (const HeraldJsonCursor  *item,
                       GError                 **error)
{
  g_autoptr(HeraldFlixysmsReceivedMessage) self = g_object_new (HERALD_TYPE_FLIXYSMS_RECEIVED_MESSAGE, NULL);
  g_autofree char *metadata_path = NULL;
  HeraldJsonCursor metadata;
  gint64 sim_slot = -1;

  if (!herald_json_read_string (item, "id", HERALD_FLIXYSMS_REQUIRED_TEXT, &self->id, error) ||
      !herald_json_read_string (item, "from", HERALD_FLIXYSMS_REQUIRED_TEXT, &self->from, error) ||
      !herald_json_read_string (item, "message", HERALD_JSON_REQUIRED, &self->message, error) ||
      !herald_json_read_time (item, "received_at", HERALD_JSON_REQUIRED, &self->received_at, error) ||
      !herald_json_read_string (item, "device_id", HERALD_JSON_OPTIONAL, &self->device_id, error) ||
      !herald_json_read_string (item, "device_name", HERALD_JSON_OPTIONAL, &self->device_name, error) ||
      !herald_json_read_string (item, "device_phone", HERALD_JSON_OPTIONAL, &self->device_phone, error) ||
      !herald_json_read_string (item, "type", HERALD_JSON_OPTIONAL, &self->message_type, error) ||
      !herald_json_read_object (item, "metadata", HERALD_JSON_OPTIONAL, &metadata, &metadata_path, error))
    return NULL;
  if (metadata.object != NULL &&
      !herald_json_read_int (&metadata, "sim_slot", HERALD_JSON_OPTIONAL, 0, 255, &sim_slot, error))
    return NULL;
  self->sim_slot = (int) sim_slot;

  return g_steal_pointer (&self);
}

HeraldFlixysmsReceivedMessage *
herald_flixysms_received_message_parse (JsonNode  *item,
                                        GError   **error)
{
  HeraldJsonCursor top;

  if (!herald_json_read_root (item, &_herald_flixysms_json_rules, "received messages", &top, error))
    return NULL;

  return received_message_read (&top, error);
}

HERALD_DEFINE_OBJECT_GETTER (const char *, herald_flixysms_received_message_get_id, HeraldFlixysmsReceivedMessage, HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE, id, NULL)
HERALD_DEFINE_OBJECT_GETTER (const char *, herald_flixysms_received_message_get_from, HeraldFlixysmsReceivedMessage, HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE, from, NULL)
HERALD_DEFINE_OBJECT_GETTER (const char *, herald_flixysms_received_message_get_message, HeraldFlixysmsReceivedMessage, HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE, message, NULL)
HERALD_DEFINE_OBJECT_GETTER (GDateTime *, herald_flixysms_received_message_get_received_at, HeraldFlixysmsReceivedMessage, HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE, received_at, NULL)
HERALD_DEFINE_OBJECT_GETTER (const char *, herald_flixysms_received_message_get_device_id, HeraldFlixysmsReceivedMessage, HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE, device_id, NULL)
HERALD_DEFINE_OBJECT_GETTER (const char *, herald_flixysms_received_message_get_device_name, HeraldFlixysmsReceivedMessage, HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE, device_name, NULL)
HERALD_DEFINE_OBJECT_GETTER (const char *, herald_flixysms_received_message_get_device_phone, HeraldFlixysmsReceivedMessage, HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE, device_phone, NULL)
HERALD_DEFINE_OBJECT_GETTER (const char *, herald_flixysms_received_message_get_message_type, HeraldFlixysmsReceivedMessage, HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE, message_type, NULL)
HERALD_DEFINE_OBJECT_GETTER (int, herald_flixysms_received_message_get_sim_slot, HeraldFlixysmsReceivedMessage, HERALD_IS_FLIXYSMS_RECEIVED_MESSAGE, sim_slot, -1)

/* HeraldFlixysmsReceivedPage */

struct _HeraldFlixysmsReceivedPage
{
  GListStore *items;
  guint       page;
  guint       per_page;
  guint       total;
  guint       total_pages;
  gboolean    has_more;
};

static void
received_page_clear (HeraldFlixysmsReceivedPage *self)
{
  g_clear_object (&self->items);
}

HERALD_DEFINE_VALUE (HeraldFlixysmsReceivedPage, herald_flixysms_received_page, received_page_clear)

HeraldFlixysmsReceivedPage *
herald_flixysms_received_page_parse (JsonNode  *root,
                                     GError   **error)
{
  g_autoptr(HeraldFlixysmsReceivedPage) self = g_atomic_rc_box_new0 (HeraldFlixysmsReceivedPage);
  g_autofree char *pagination_path = NULL;
  HeraldJsonCursor top, pagination;
  JsonArray *data;

  if (!_herald_flixysms_read_root (root, "received messages", &top, error) ||
      !herald_json_read_array (&top, "data", HERALD_JSON_REQUIRED, &data, error) ||
      !herald_json_read_object (&top, "pagination", HERALD_JSON_REQUIRED, &pagination, &pagination_path, error) ||
      !herald_json_read_uint (&pagination, "page", G_MAXINT32, &self->page, error) ||
      !herald_json_read_uint (&pagination, "per_page", G_MAXINT32, &self->per_page, error) ||
      !herald_json_read_uint (&pagination, "total", G_MAXINT32, &self->total, error) ||
      !herald_json_read_uint (&pagination, "total_pages", G_MAXINT32, &self->total_pages, error) ||
      !herald_json_read_bool (&pagination, "has_more", HERALD_JSON_REQUIRED, &self->has_more, error))
    return NULL;

  self->items = g_list_store_new (HERALD_TYPE_FLIXYSMS_RECEIVED_MESSAGE);
  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(HeraldFlixysmsReceivedMessage) item = NULL;
      HeraldJsonCursor element;

      if (!herald_json_read_element (&top, "data", data, i, &element, &path, error) ||
          (item = received_message_read (&element, error)) == NULL)
        return NULL;
      g_list_store_append (self->items, item);
    }

  return g_steal_pointer (&self);
}

GListModel *
herald_flixysms_received_page_get_items (HeraldFlixysmsReceivedPage *self)
{
  return G_LIST_MODEL (self->items);
}

guint
herald_flixysms_received_page_get_page (HeraldFlixysmsReceivedPage *self)
{
  return self->page;
}

guint
herald_flixysms_received_page_get_per_page (HeraldFlixysmsReceivedPage *self)
{
  return self->per_page;
}

guint
herald_flixysms_received_page_get_total (HeraldFlixysmsReceivedPage *self)
{
  return self->total;
}

guint
herald_flixysms_received_page_get_total_pages (HeraldFlixysmsReceivedPage *self)
{
  return self->total_pages;
}

gboolean
herald_flixysms_received_page_get_has_more (HeraldFlixysmsReceivedPage *self)
{
  return self->has_more;
}
