/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The FlixySMS fake's in-memory model: records and their look-ups. */
#define G_LOG_DOMAIN "herald-fake-flixysms"

#include <string.h>

#include "herald-fake-flixysms-private.h"

void
fake_flixysms_key_free (Key *key)
{
  g_free (key->key);
  g_free (key);
}

void
fake_flixysms_device_free (Device *device)
{
  g_free (device->id);
  g_free (device->name);
  g_free (device->phone);
  g_free (device);
}

void
fake_flixysms_received_free (Received *received)
{
  g_free (received->id);
  g_free (received->from);
  g_free (received->message);
  g_date_time_unref (received->received_at);
  g_free (received->device_id);
  g_free (received->type);
  g_free (received);
}

void
fake_flixysms_message_free (HeraldFakeFlixysmsMessage *message)
{
  g_free (message->id);
  g_free (message->to);
  g_free (message->message);
  g_free (message->device_id);
  g_free (message->media_url);
  g_date_time_unref (message->accepted_at);
  g_free (message->status);
  g_clear_pointer (&message->delivered_at, g_date_time_unref);
  g_free (message);
}

void
fake_flixysms_request_free (Request *request)
{
  g_free (request->uri);
  g_free (request);
}

/* Devices */

Device *
fake_flixysms_find_device (HeraldFakeFlixysms *self,
                           const char         *id)
{
  for (guint i = 0; i < self->devices->len; i++)
    {
      Device *device = g_ptr_array_index (self->devices, i);

      if (g_strcmp0 (device->id, id) == 0)
        return device;
    }

  return NULL;
}

Device *
fake_flixysms_first_online (HeraldFakeFlixysms *self,
                            int                 whatsapp)   /* -1: any */
{
  for (guint i = 0; i < self->devices->len; i++)
    {
      Device *device = g_ptr_array_index (self->devices, i);

      if (device->online && (whatsapp < 0 || device->whatsapp == whatsapp))
        return device;
    }

  return NULL;
}
