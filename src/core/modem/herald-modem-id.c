/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-modem"

#include "config.h"

#include "herald-modem-id.h"

/* Herald's namespace for modem ids, fixed for ever: changing it would give
 * every modem a new id and break the integrations that name one. */
static const guint8 herald_modem_namespace[16] = {
  0x6a, 0x2f, 0x1c, 0x0e, 0x53, 0x91, 0x4b, 0x7d,
  0x9e, 0x04, 0x38, 0xc2, 0x71, 0x5a, 0xd6, 0x0b,
};

char *
herald_modem_id_from_equipment (const char *equipment_identifier)
{
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[20];
  gsize digest_len = sizeof digest;

  if (equipment_identifier == NULL || *equipment_identifier == '\0')
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_checksum_update (checksum, herald_modem_namespace, sizeof herald_modem_namespace);
  g_checksum_update (checksum, (const guchar *) equipment_identifier, -1);
  g_checksum_get_digest (checksum, digest, &digest_len);

  /* RFC 4122 §4.3: the first 16 bytes, version 5, variant 10xx. */
  digest[6] = (guint8) ((digest[6] & 0x0f) | 0x50);
  digest[8] = (guint8) ((digest[8] & 0x3f) | 0x80);

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}
