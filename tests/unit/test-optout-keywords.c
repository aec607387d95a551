/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Which received texts ask to stop messages. */
#include "config.h"

#include <gio/gio.h>

#include "text/herald-optout-keywords.h"

static void
test_defaults (void)
{
  const char * const *defaults = herald_optout_default_keywords ();
  const char *expected[] = { "STOP", "UNSUBSCRIBE", "CANCEL", "END", "QUIT" };

  g_assert_cmpuint (g_strv_length ((char **) defaults), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (defaults[i], ==, expected[i]);
      g_assert_cmpstr (herald_optout_match_keyword (expected[i], NULL), ==, expected[i]);
    }
}

static void
test_case_and_space (void)
{
  g_assert_cmpstr (herald_optout_match_keyword ("stop", NULL), ==, "STOP");
  g_assert_cmpstr (herald_optout_match_keyword ("  Unsubscribe\r\n", NULL), ==, "UNSUBSCRIBE");
  g_assert_cmpstr (herald_optout_match_keyword ("\tqUiT ", NULL), ==, "QUIT");
  /* A no-break space around it, as some phones add. */
  g_assert_cmpstr (herald_optout_match_keyword ("\xc2\xa0" "End" "\xc2\xa0", NULL), ==, "END");
}

static void
test_whole_message_only (void)
{
  g_assert_null (herald_optout_match_keyword ("please stop", NULL));
  g_assert_null (herald_optout_match_keyword ("STOP!", NULL));
  g_assert_null (herald_optout_match_keyword ("stopped", NULL));
  g_assert_null (herald_optout_match_keyword ("S TOP", NULL));
  g_assert_null (herald_optout_match_keyword ("", NULL));
  g_assert_null (herald_optout_match_keyword ("   ", NULL));
  g_assert_null (herald_optout_match_keyword (NULL, NULL));
  g_assert_null (herald_optout_match_keyword ("\xff" "STOP", NULL));
}

static void
test_custom_list (void)
{
  const char *keywords[] = { "", "Arrêt", "  halt ", NULL };

  g_assert_cmpstr (herald_optout_match_keyword ("ARRÊT", keywords), ==, "Arrêt");
  /* Composed or not, the same word. */
  g_assert_cmpstr (herald_optout_match_keyword ("arre\xcc\x82t", keywords), ==, "Arrêt");
  g_assert_cmpstr (herald_optout_match_keyword ("HALT", keywords), ==, "  halt ");
  /* The list replaces the defaults, and its empty entry matches nothing. */
  g_assert_null (herald_optout_match_keyword ("STOP", keywords));
  g_assert_null (herald_optout_match_keyword (" ", keywords));
}

/* The setting starts as the built-in list, so that matching with either
 * gives the same answer until a person changes it. */
static void
test_setting_default (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.heraldsms.Herald");
  g_auto(GStrv) keywords = g_settings_get_strv (settings, "optout-keywords");

  g_assert_true (g_strv_equal ((const char * const *) keywords, herald_optout_default_keywords ()));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/optout-keywords/defaults", test_defaults);
  g_test_add_func ("/optout-keywords/case-and-space", test_case_and_space);
  g_test_add_func ("/optout-keywords/whole-message-only", test_whole_message_only);
  g_test_add_func ("/optout-keywords/custom-list", test_custom_list);
  g_test_add_func ("/optout-keywords/setting-default", test_setting_default);

  return g_test_run ();
}
