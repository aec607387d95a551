/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "herald-core.h"

/* Expected ids computed apart, with Python's uuid.uuid5() over Herald's
 * namespace 6a2f1c0e-5391-4b7d-9e04-38c2715ad60b. */
static void
test_known_ids (void)
{
  static const struct { const char *imei; const char *id; } cases[] = {
    { "353456010000005", "4396f78f-121e-5237-85b6-d1428129fc4a" },
    { "353456010000013", "d458e208-ef8c-5729-be61-34dd3123fefd" },
    { "490154203237518", "d3b0de96-42f5-5026-9e1a-6cf71e6c2cc4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = herald_modem_id_from_equipment (cases[i].imei);

      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_true (g_uuid_string_is_valid (id));
    }
}

static void
test_empty (void)
{
  g_assert_null (herald_modem_id_from_equipment (NULL));
  g_assert_null (herald_modem_id_from_equipment (""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/modem-id/known", test_known_ids);
  g_test_add_func ("/modem-id/empty", test_empty);
  return g_test_run ();
}
