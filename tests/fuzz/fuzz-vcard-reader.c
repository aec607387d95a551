/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Feeds arbitrary bytes to HeraldVcardReader and reads every field of
 * every card it returns. */
#include <stdint.h>
#include <string.h>
#include <gio/gio.h>

#include "text/herald-vcard-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gsize
text_length (const char *text)
{
  if (text == NULL)
    return 0;

  /* Everything a card holds is UTF-8. */
  g_assert (g_utf8_validate (text, -1, NULL));

  return strlen (text);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(HeraldVcardReader) reader = herald_vcard_reader_new (stream);
  g_autoptr(GError) error = NULL;
  HeraldVcardEntry *entry;
  gsize total = 0;

  while (herald_vcard_reader_next (reader, &entry, NULL, &error))
    {
      g_assert (herald_vcard_entry_get_line (entry) > 0);
      total += text_length (herald_vcard_entry_get_version (entry));
      total += text_length (herald_vcard_entry_get_formatted_name (entry));
      total += text_length (herald_vcard_entry_get_family_name (entry));
      total += text_length (herald_vcard_entry_get_given_name (entry));
      total += text_length (herald_vcard_entry_get_additional_names (entry));
      total += text_length (herald_vcard_entry_get_organization (entry));
      total += text_length (herald_vcard_entry_get_note (entry));
      for (guint i = 0; i < herald_vcard_entry_get_n_phones (entry); i++)
        total += text_length (herald_vcard_entry_get_phone (entry, i)) +
                 herald_vcard_entry_get_phone_flags (entry, i);
      for (guint i = 0; i < herald_vcard_entry_get_n_emails (entry); i++)
        total += text_length (herald_vcard_entry_get_email (entry, i)) +
                 herald_vcard_entry_get_email_preferred (entry, i);
      herald_vcard_entry_unref (entry);
    }

  if (error != NULL)
    g_assert (error->message != NULL && error->message[0] != '\0');

  (void) total;

  return 0;
}
