/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-sms-text"

#include <stdio.h>
#include <stdlib.h>
#include <glib.h>

#include "text/herald-sms-text.h"

/* Usage: bench-sms-text [ROUNDS]. Prints throughput for a 1 MB mixed text
 * and the cost of one analysis of a typical long message. */

static const char *words[] = {
  "Hello", "your", "order", "is", "ready", "at", "the", "desk,", "code", "4821.",
  "{ref}", "[x]", "\xE2\x82\xAC" "5", "~50%", "a|b", "^_^",                     /* extension table */
  "Gr\xC3\xBC\xC3\x9F" "e", "\xC3\xA9t\xC3\xA9", "\xC3\x85" "se", "\xCE\xA9", /* GSM-7 Latin, Greek */
  "ca\xC3\xA7\xC3\xA3o", "S\xC3\xA3o", "Jos\xC3\xA9", "ma\xC3\xB1" "ana",     /* accented, mostly UCS-2 */
  "\xF0\x9F\x98\x80", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7",
  "\xE2\x80\x9Cquoted\xE2\x80\x9D", "don\xE2\x80\x99t",
};

static char *
make_text (GRand *rand,
           gsize  target,
           gsize *length)
{
  GString *text = g_string_sized_new (target + 64);

  while (text->len < target)
    {
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_c (text, g_rand_int_range (rand, 0, 12) == 0 ? '\n' : ' ');
    }

  *length = text->len;
  return g_string_free (text, FALSE);
}

static void
bench_megabyte (guint rounds)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *text = NULL;
  gsize length;
  gint64 start;
  gint64 elapsed;
  double mb;
  guint parts = 0;

  text = make_text (rand, 1024 * 1024, &length);
  mb = (double) length / (1024.0 * 1024.0);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HeraldSmsAnalysis) analysis = herald_sms_analyse (text, length, &error);

      if (analysis == NULL)
        g_error ("%s", error->message);
      parts = herald_sms_analysis_get_parts (analysis);
    }
  elapsed = g_get_monotonic_time () - start;

  printf ("analyse 1 MB mixed (%" G_GSIZE_FORMAT " bytes, %u parts), %u rounds: %.1f MB/s, %.2f ms per MB\n",
          length, parts, rounds,
          mb * rounds / (elapsed / 1e6),
          (elapsed / 1e3) / (mb * rounds));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < rounds; i++)
    g_free (herald_sms_text_replace_for_gsm7 (text, length, NULL, NULL, NULL));
  elapsed = g_get_monotonic_time () - start;

  printf ("replace for GSM-7 on 1 MB mixed, %u rounds: %.2f ms per MB\n",
          rounds, (elapsed / 1e3) / (mb * rounds));
}

static void
bench_messages (guint rounds)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *mixed = NULL;
  g_autoptr(GString) plain = g_string_new (NULL);
  gsize mixed_length;
  struct { const char *name; const char *text; gsize length; } cases[2];

  mixed = make_text (rand, 900, &mixed_length);
  while (plain->len < 900)
    g_string_append (plain, "Your appointment is on Monday at 10:00 {room 4}. ");

  cases[0].name = "GSM-7";
  cases[0].text = plain->str;
  cases[0].length = plain->len;
  cases[1].name = "mixed";
  cases[1].text = mixed;
  cases[1].length = mixed_length;

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;

      for (guint i = 0; i < rounds; i++)
        {
          g_autoptr(HeraldSmsAnalysis) analysis = herald_sms_analyse (cases[c].text, cases[c].length, NULL);

          if (analysis == NULL)
            g_error ("analysis failed");
        }
      elapsed = g_get_monotonic_time () - start;

      printf ("analyse %" G_GSIZE_FORMAT "-byte %s message, %u rounds: %.2f \xC2\xB5s per analysis\n",
              cases[c].length, cases[c].name, rounds, (double) elapsed / rounds);
    }
}

int
main (int   argc,
      char *argv[])
{
  guint rounds = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 50;

  if (rounds == 0)
    rounds = 1;

  bench_megabyte (rounds);
  bench_messages (rounds * 2000);

  return EXIT_SUCCESS;
}
