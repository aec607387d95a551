/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-core"

#include "config.h"

#include "herald-types.h"

/* ---- HeraldDeliveryState ----------------------------------------------  */

static const GEnumValue delivery_state_values[] = {
  { HERALD_DELIVERY_UNKNOWN, "HERALD_DELIVERY_UNKNOWN", "unknown" },
  { HERALD_DELIVERY_QUEUED, "HERALD_DELIVERY_QUEUED", "queued" },
  { HERALD_DELIVERY_SENT, "HERALD_DELIVERY_SENT", "sent" },
  { HERALD_DELIVERY_DELIVERED, "HERALD_DELIVERY_DELIVERED", "delivered" },
  { HERALD_DELIVERY_FAILED, "HERALD_DELIVERY_FAILED", "failed" },
  { 0, NULL, NULL },
};

GType
herald_delivery_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("HeraldDeliveryState", delivery_state_values));
  return type_id;
}

const char *
herald_delivery_state_to_string (HeraldDeliveryState state)
{
  for (guint i = 0; delivery_state_values[i].value_nick != NULL; i++)
    if (delivery_state_values[i].value == (int) state)
      return delivery_state_values[i].value_nick;
  return "unknown";
}

HeraldDeliveryState
herald_delivery_state_from_string (const char *string)
{
  /* The dialects' own words next to ours: FlixySMS says "queued", "sent",
   * "delivered", "failed"; FlashSMS "PENDING", "SENT", "DELIVERED",
   * "FAILED"; carriers sometimes "undelivered" or "rejected". */
  static const struct { const char *word; HeraldDeliveryState state; } words[] = {
    { "queued", HERALD_DELIVERY_QUEUED },
    { "pending", HERALD_DELIVERY_QUEUED },
    { "accepted", HERALD_DELIVERY_QUEUED },
    { "scheduled", HERALD_DELIVERY_QUEUED },
    { "sending", HERALD_DELIVERY_QUEUED },
    { "sent", HERALD_DELIVERY_SENT },
    { "delivered", HERALD_DELIVERY_DELIVERED },
    { "failed", HERALD_DELIVERY_FAILED },
    { "undelivered", HERALD_DELIVERY_FAILED },
    { "rejected", HERALD_DELIVERY_FAILED },
    { "expired", HERALD_DELIVERY_FAILED },
  };

  if (string == NULL)
    return HERALD_DELIVERY_UNKNOWN;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (string, words[i].word) == 0)
      return words[i].state;
  return HERALD_DELIVERY_UNKNOWN;
}

