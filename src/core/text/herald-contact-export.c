/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-contact-export"

#include "config.h"

#include "herald-contact-export.h"
#include "herald-csv-writer.h"

#define N_STANDARD 4

/**
 * herald_contact_export_csv:
 * @contacts: (array length=n_contacts): the contacts
 * @n_contacts: how many
 * @stream: where the CSV goes; it is flushed, not closed
 * @cancellable: (nullable): a #GCancellable, checked between contacts
 * @error: return location for a #GIOErrorEnum error
 *
 * Writes @contacts as CSV.
 *
 * Returns: %TRUE on success
 */
gboolean
herald_contact_export_csv (HeraldContact * const *contacts,
                           guint                  n_contacts,
                           GOutputStream         *stream,
                           GCancellable          *cancellable,
                           GError               **error)
{
  g_autoptr(HeraldCsvWriter) writer = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) row = g_ptr_array_new ();

  g_return_val_if_fail (contacts != NULL || n_contacts == 0, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_ptr_array_add (keys, (gpointer) "first_name");
  g_ptr_array_add (keys, (gpointer) "last_name");
  g_ptr_array_add (keys, (gpointer) "phone");
  g_ptr_array_add (keys, (gpointer) "email");

  /* The keys point into the contacts, which outlive this function. */
  for (guint i = 0; i < n_contacts; i++)
    for (guint f = 0; f < herald_contact_get_n_fields (contacts[i]); f++)
      {
        const char *key = herald_contact_get_field_key (contacts[i], f);

        if (g_hash_table_add (known, (gpointer) key))
          g_ptr_array_add (keys, (gpointer) key);
      }

  writer = herald_csv_writer_new (stream, ',');
  if (!herald_csv_writer_write_row (writer, (const char * const *) keys->pdata, keys->len,
                                    cancellable, error))
    return FALSE;

  g_ptr_array_set_size (row, keys->len);
  for (guint i = 0; i < n_contacts; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      row->pdata[0] = (gpointer) herald_contact_get_first_name (contacts[i]);
      row->pdata[1] = (gpointer) herald_contact_get_last_name (contacts[i]);
      row->pdata[2] = (gpointer) herald_contact_get_phone (contacts[i]);
      row->pdata[3] = (gpointer) herald_contact_get_email (contacts[i]);
      for (guint k = N_STANDARD; k < keys->len; k++)
        row->pdata[k] = (gpointer) herald_contact_get_field (contacts[i], keys->pdata[k]);

      if (!herald_csv_writer_write_row (writer, (const char * const *) row->pdata, row->len,
                                        cancellable, error))
        return FALSE;
    }

  return herald_csv_writer_flush (writer, cancellable, error);
}
