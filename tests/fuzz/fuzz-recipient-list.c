/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Fuzz target for HeraldRecipientList: any bytes typed or pasted into
 * Compose's recipients field must be read without a crash or a leak, and the
 * result must hold together — counts add up, every valid entry has an E.164
 * number that is distinct from the others and parses back to itself, every
 * invalid one a reason and a message.
 *
 *   ./fuzz-recipient-list tests/fuzz/corpus/recipient-list */
#define G_LOG_DOMAIN "fuzz-recipient-list"

#include <stdint.h>
#include <stdlib.h>

#include <glib.h>

#include "text/herald-recipient-list.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* abort (), not fail (): libFuzzer keeps the input of an abort. */
#define fail(...) \
  G_STMT_START { g_printerr (__VA_ARGS__); g_printerr ("\n"); abort (); } G_STMT_END

static void
check (HeraldRecipientList *list)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) numbers = herald_recipient_list_dup_numbers (list);
  guint n = herald_recipient_list_get_n_entries (list);
  guint valid = 0;

  if (herald_recipient_list_get_n_valid (list) + herald_recipient_list_get_n_invalid (list) != n)
    fail ("valid + invalid != entries");

  for (guint i = 0; i < n; i++)
    {
      const char *number = herald_recipient_list_get_number (list, i);

      if (herald_recipient_list_get_input (list, i) == NULL)
        fail ("entry %u has no input", i);
      if (number == NULL)
        {
          if (herald_recipient_list_get_reason (list, i) == NULL ||
              herald_recipient_list_get_message (list, i) == NULL)
            fail ("invalid entry %u without a reason", i);
          continue;
        }

      valid++;
      if (number[0] != '+' || !g_hash_table_add (seen, (gpointer) number))
        fail ("entry %u: “%s” is not a distinct E.164 number", i, number);
      {
        g_autoptr(HeraldPhoneNumber) again = herald_phone_number_parse (number, NULL,
                                                                       HERALD_PHONE_NUMBER_FLAGS_NONE, NULL);

        if (again == NULL || g_strcmp0 (herald_phone_number_get_e164 (again), number) != 0)
          fail ("entry %u: “%s” does not read back", i, number);
      }
    }

  if (valid != herald_recipient_list_get_n_valid (list) || g_strv_length (numbers) != valid)
    fail ("valid numbers counted differently");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(HeraldRecipientList) list = NULL;

  /* the field hands over text; bytes that are not UTF-8 are the list's
   * own business to refuse gracefully */
  text = g_strndup ((const char *) data, size);
  list = herald_recipient_list_new ("GH", HERALD_PHONE_NUMBER_FLAGS_NONE);
  herald_recipient_list_set_text (list, text);
  check (list);

  herald_recipient_list_set_region (list, "US");
  check (list);
  return 0;
}
