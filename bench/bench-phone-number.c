/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* How fast phone numbers normalise: the contacts importer parses every row,
 * so 100,000 numbers must take well under a second on two cores.
 *
 *   bench-phone-number [COUNT]
 *
 * Generates COUNT (default 100,000) varied inputs — Ghana numbers in every
 * form people write them, other countries, a few invalid ones — from a fixed
 * seed, parses them with the default region GH on one thread and on two,
 * and prints µs per number and numbers per second. */
#define G_LOG_DOMAIN "bench-phone-number"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "text/herald-phone-number.h"

static const char *gh_prefixes[] = {
  "24", "54", "55", "59", "53",   /* MTN */
  "20", "50",                     /* Telecel */
  "26", "27", "56", "57",         /* AirtelTigo */
  "30", "32",                     /* landlines */
};

#define N_FORMS 20

static const char *form_names[N_FORMS] = {
  "GH 0XXXXXXXXX", NULL, NULL, NULL,
  "GH 0XX XXX XXXX", NULL,
  "GH 0XX-XXX-XXXX",
  "GH (0XX) XXX XXXX",
  "GH 233XXXXXXXXX", NULL,
  "GH +233XXXXXXXXX", NULL,
  "GH +233 XX XXX XXXX",
  "GH 00233XXXXXXXXX",
  "US +1 (XXX) 555-XXXX",
  "GB +44 7400 XXXXXX",
  "NG +234 803 XXX XXXX",
  "KE +254 712 XXXXXX",
  "DE +49 1512 XXXXXXX",
  "invalid (short, 031, letters)",
};

/* @form: one of the N_FORMS shapes, or -1 for a random one */
static char *
make_input (GRand *rand,
            int    form)
{
  const char *prefix = gh_prefixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (gh_prefixes))];
  guint a = (guint) g_rand_int_range (rand, 0, 1000);
  guint b = (guint) g_rand_int_range (rand, 0, 10000);

  switch (form >= 0 ? form : g_rand_int_range (rand, 0, N_FORMS))
    {
    case 0: case 1: case 2: case 3:
      return g_strdup_printf ("0%s%03u%04u", prefix, a, b);
    case 4: case 5:
      return g_strdup_printf ("0%s %03u %04u", prefix, a, b);
    case 6:
      return g_strdup_printf ("0%s-%03u-%04u", prefix, a, b);
    case 7:
      return g_strdup_printf ("(0%s) %03u %04u", prefix, a, b);
    case 8: case 9:
      return g_strdup_printf ("233%s%03u%04u", prefix, a, b);
    case 10: case 11:
      return g_strdup_printf ("+233%s%03u%04u", prefix, a, b);
    case 12:
      return g_strdup_printf ("+233 %s %03u %04u", prefix, a, b);
    case 13:
      return g_strdup_printf ("00233%s%03u%04u", prefix, a, b);
    case 14:
      return g_strdup_printf ("+1 (%03u) 555-%04u", 201 + a % 700, b);
    case 15:
      return g_strdup_printf ("+44 7400 %03u%03u", a, b % 1000);
    case 16:
      return g_strdup_printf ("+234 803 %03u %04u", a, b);
    case 17:
      return g_strdup_printf ("+254 712 %03u%03u", a, b % 1000);
    case 18:
      return g_strdup_printf ("+49 1512 %03u%04u", a, b);
    default:
      /* the invalid ones: too short, unallocated prefix, letters */
      switch (b % 3)
        {
        case 0:  return g_strdup_printf ("0%s%03u", prefix, a);
        case 1:  return g_strdup_printf ("031%03u%04u", a, b);
        default: return g_strdup_printf ("0%s CALL %u", prefix, a);
        }
    }
}

typedef struct
{
  char              **inputs;
  guint               begin;
  guint               end;
  HeraldPhoneNumber **results;
  guint               failed;
} Slice;

static gpointer
parse_slice (gpointer user_data)
{
  Slice *slice = user_data;

  for (guint i = slice->begin; i < slice->end; i++)
    {
      slice->results[i] = herald_phone_number_parse (slice->inputs[i], "GH",
                                                     HERALD_PHONE_NUMBER_FLAGS_NONE, NULL);
      if (slice->results[i] == NULL)
        slice->failed++;
    }

  return NULL;
}

static void
clear_results (HeraldPhoneNumber **results,
               guint               count)
{
  for (guint i = 0; i < count; i++)
    g_clear_pointer (&results[i], herald_phone_number_unref);
}

static void
report (const char *what,
        guint       count,
        gint64      usec)
{
  printf ("%-34s %8.3f s  %6.2f µs/number  %9.0f numbers/s\n",
          what, usec / 1e6, (double) usec / count, count / (usec / 1e6));
}

int
main (int   argc,
      char *argv[])
{
  guint count = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100000;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldPhoneNumber) first = NULL;
  char **inputs;
  HeraldPhoneNumber **results;
  Slice whole = { 0, };
  Slice halves[2] = { { 0, }, { 0, } };
  GThread *threads[2];
  gint64 start;
  gint64 usec;
  gsize formatted = 0;

  if (count == 0)
    {
      fprintf (stderr, "usage: %s [COUNT]\n", argv[0]);
      return 2;
    }

  inputs = g_new0 (char *, count + 1);
  results = g_new0 (HeraldPhoneNumber *, count);
  for (guint i = 0; i < count; i++)
    inputs[i] = make_input (rand, -1);

  /* The first parse loads libphonenumber's metadata; time it apart. */
  start = g_get_monotonic_time ();
  first = herald_phone_number_parse ("024 123 4567", "GH", HERALD_PHONE_NUMBER_FLAGS_NONE, &error);
  usec = g_get_monotonic_time () - start;
  if (first == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("first parse (loads metadata)       %8.3f ms\n", usec / 1e3);

  whole = (Slice) { inputs, 0, count, results, 0 };
  start = g_get_monotonic_time ();
  parse_slice (&whole);
  usec = g_get_monotonic_time () - start;
  report ("parse, 1 thread", count, usec);
  printf ("  %u parsed, %u refused (%.1f %%)\n", count - whole.failed, whole.failed,
          100.0 * whole.failed / count);

  /* Display forms are made on first use; what they cost on top. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < count; i++)
    if (results[i] != NULL)
      formatted += strlen (herald_phone_number_get_international (results[i])) +
                   strlen (herald_phone_number_get_national (results[i]));
  usec = g_get_monotonic_time () - start;
  report ("international + national forms", count - whole.failed, usec);
  (void) formatted;

  clear_results (results, count);

  for (guint t = 0; t < 2; t++)
    {
      halves[t] = (Slice) { inputs, t * count / 2, (t + 1) * count / 2, results, 0 };
    }
  start = g_get_monotonic_time ();
  for (guint t = 0; t < 2; t++)
    threads[t] = g_thread_new ("parse", parse_slice, &halves[t]);
  for (guint t = 0; t < 2; t++)
    g_thread_join (threads[t]);
  usec = g_get_monotonic_time () - start;
  report ("parse, 2 threads (wall clock)", count, usec);

  if (halves[0].failed + halves[1].failed != whole.failed)
    {
      fprintf (stderr, "threads disagree: %u refused vs %u\n",
               halves[0].failed + halves[1].failed, whole.failed);
      return 1;
    }

  clear_results (results, count);

  /* Where the time goes: Ghana's usual forms skip libphonenumber's parser,
   * other countries go through it. */
  printf ("by form (%u each, 1 thread):\n", count / 10);
  for (int form = 0; form < N_FORMS; form++)
    {
      guint n = count / 10;
      g_auto(GStrv) sample = g_new0 (char *, n + 1);

      if (form_names[form] == NULL)
        continue;

      for (guint i = 0; i < n; i++)
        sample[i] = make_input (rand, form);

      whole = (Slice) { sample, 0, n, results, 0 };
      start = g_get_monotonic_time ();
      parse_slice (&whole);
      usec = g_get_monotonic_time () - start;
      printf ("  %-30s %6.2f µs/number  (%u refused)\n", form_names[form], (double) usec / n, whole.failed);
      clear_results (results, n);
    }

  g_free (results);
  g_strfreev (inputs);

  return 0;
}
