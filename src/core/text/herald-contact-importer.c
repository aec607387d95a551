/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-contact-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "herald-contact-import-report-private.h"
#include "herald-contact-importer.h"
#include "herald-csv-reader.h"
#include "herald-vcard-reader.h"

struct _HeraldContactImporter
{
  GObject                 parent_instance;

  char                   *default_region;
  HeraldPhoneNumberFlags  phone_flags;
  HeraldContactMapping   *mapping;
  char                    separator;
};

G_DEFINE_FINAL_TYPE (HeraldContactImporter, herald_contact_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (herald-contact-import-error-quark, herald_contact_import_error)

static void
herald_contact_importer_finalize (GObject *object)
{
  HeraldContactImporter *self = (HeraldContactImporter *) object;

  g_free (self->default_region);
  g_clear_pointer (&self->mapping, herald_contact_mapping_unref);

  G_OBJECT_CLASS (herald_contact_importer_parent_class)->finalize (object);
}

static void
herald_contact_importer_class_init (HeraldContactImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = herald_contact_importer_finalize;
}

static void
herald_contact_importer_init (HeraldContactImporter *self)
{
}

/**
 * herald_contact_importer_new:
 * @default_region: (nullable): region for numbers written without country
 *   code ("GH"), or %NULL
 *
 * Returns: (transfer full): a new importer
 */
HeraldContactImporter *
herald_contact_importer_new (const char *default_region)
{
  HeraldContactImporter *self = g_object_new (HERALD_TYPE_CONTACT_IMPORTER, NULL);

  self->default_region = g_strdup (default_region);

  return self;
}

const char *
herald_contact_importer_get_default_region (HeraldContactImporter *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT_IMPORTER (self), NULL);

  return self->default_region;
}

/**
 * herald_contact_importer_set_phone_flags:
 * @self: a #HeraldContactImporter
 * @flags: passed to herald_phone_number_parse(); with
 *   %HERALD_PHONE_NUMBER_REQUIRE_MOBILE fixed lines are invalid rows
 */
void
herald_contact_importer_set_phone_flags (HeraldContactImporter  *self,
                                         HeraldPhoneNumberFlags  flags)
{
  g_return_if_fail (HERALD_IS_CONTACT_IMPORTER (self));

  self->phone_flags = flags;
}

/**
 * herald_contact_importer_set_mapping:
 * @self: a #HeraldContactImporter
 * @mapping: (nullable): the columns of the CSV file to import, as a person
 *   adjusted them; %NULL to guess them from the header
 *
 * The mapping must have been made from the same header: a file whose first
 * row differs is refused with %HERALD_CONTACT_IMPORT_ERROR_MAPPING_MISMATCH.
 * The importer keeps a reference; do not change the mapping while an
 * import runs in another thread.
 */
void
herald_contact_importer_set_mapping (HeraldContactImporter *self,
                                     HeraldContactMapping  *mapping)
{
  g_return_if_fail (HERALD_IS_CONTACT_IMPORTER (self));

  if (mapping != NULL)
    herald_contact_mapping_ref (mapping);
  g_clear_pointer (&self->mapping, herald_contact_mapping_unref);
  self->mapping = mapping;
}

/**
 * herald_contact_importer_set_separator:
 * @self: a #HeraldContactImporter
 * @separator: the CSV separator, or 0 to detect it
 */
void
herald_contact_importer_set_separator (HeraldContactImporter *self,
                                       char                   separator)
{
  g_return_if_fail (HERALD_IS_CONTACT_IMPORTER (self));
  g_return_if_fail (separator == 0 || separator == ',' || separator == ';' || separator == '\t');

  self->separator = separator;
}

/**
 * herald_contact_split_full_name:
 * @full_name: a name as one text
 * @last_name: (out) (transfer full) (nullable): the last name
 *
 * Splits "Mary Ann Smith" into "Mary Ann" and "Smith", "Smith, Mary Ann"
 * the same way; a single word is a first name.
 *
 * Returns: (transfer full) (nullable): the first name
 */
char *
herald_contact_split_full_name (const char  *full_name,
                                char       **last_name)
{
  g_autofree char *name = NULL;
  char *cut;
  char *first = NULL;
  char *last = NULL;

  g_return_val_if_fail (full_name != NULL, NULL);
  g_return_val_if_fail (last_name != NULL, NULL);

  name = g_strstrip (g_strdup (full_name));

  if ((cut = strchr (name, ',')) != NULL)
    {
      *cut = '\0';
      last = g_strstrip (g_strdup (name));
      first = g_strstrip (g_strdup (cut + 1));
    }
  else if ((cut = strrchr (name, ' ')) != NULL)
    {
      *cut = '\0';
      first = g_strstrip (g_strdup (name));
      last = g_strstrip (g_strdup (cut + 1));
    }
  else
    first = g_strdup (name);

  if (first != NULL && first[0] == '\0')
    g_clear_pointer (&first, g_free);
  if (last != NULL && last[0] == '\0')
    g_clear_pointer (&last, g_free);

  *last_name = last;

  return first;
}

/* CSV */

static gboolean
row_is_blank (const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    if (fields[i][0] != '\0')
      return FALSE;

  return TRUE;
}

/* Accounts for one row (its cells already trimmed) in the report. Rows
 * are handled one after another: parsing the numbers on two threads was
 * measured no faster (libphonenumber 8.12 serialises its parsing on a
 * regular-expression cache mutex: 200 ms against 205 ms for 100,000
 * numbers), and parsing is 60 % of an import. */
static void
import_row (HeraldContactImporter     *self,
            HeraldContactImportReport *report,
            HeraldContactMapping      *mapping,
            int                        phone_column,
            GHashTable                *seen,
            const char * const        *fields,
            guint                      line)
{
  g_autoptr(HeraldPhoneNumber) number = NULL;
  g_autoptr(HeraldContact) contact = NULL;
  g_autoptr(GError) phone_error = NULL;
  guint n_columns = herald_contact_mapping_get_n_columns (mapping);
  guint n_fields = g_strv_length ((char **) fields);
  const char *input = (guint) phone_column < n_fields ? fields[phone_column] : "";
  const char *e164;
  const char *first_name = NULL;
  const char *last_name = NULL;
  const char *email = NULL;
  g_autofree char *split_first = NULL;
  g_autofree char *split_last = NULL;
  gpointer first_line;

  herald_contact_import_report_add_row (report);

  for (guint i = n_columns; i < n_fields; i++)
    if (fields[i][0] != '\0')
      {
        g_autofree char *message =
          g_strdup_printf (_("The row has %u cells but the header has %u columns; "
                             "check the separator, or quote the cells that contain it"),
                           n_fields, n_columns);

        herald_contact_import_report_add_invalid (report, line, input, "too-many-fields", message);
        return;
      }

  if (input[0] == '\0')
    {
      herald_contact_import_report_add_invalid (report, line, "", "no-phone", _("No phone number"));
      return;
    }

  number = herald_phone_number_parse (input, self->default_region, self->phone_flags, &phone_error);
  if (number == NULL)
    {
      herald_contact_import_report_add_invalid (report, line, input,
                                                herald_phone_number_error_to_reason (phone_error),
                                                phone_error->message);
      return;
    }

  e164 = herald_phone_number_get_e164 (number);
  if (g_hash_table_lookup_extended (seen, e164, NULL, &first_line))
    {
      herald_contact_import_report_add_duplicate (report, line, e164, GPOINTER_TO_UINT (first_line));
      return;
    }
  g_hash_table_insert (seen, g_strdup (e164), GUINT_TO_POINTER (line));

  for (guint i = 0; i < n_columns && i < n_fields; i++)
    {
      switch (herald_contact_mapping_get_role (mapping, i))
        {
        case HERALD_CONTACT_ROLE_FIRST_NAME:
          first_name = fields[i];
          break;

        case HERALD_CONTACT_ROLE_LAST_NAME:
          last_name = fields[i];
          break;

        case HERALD_CONTACT_ROLE_FULL_NAME:
          if (fields[i][0] != '\0')
            split_first = herald_contact_split_full_name (fields[i], &split_last);
          first_name = split_first;
          last_name = split_last;
          break;

        case HERALD_CONTACT_ROLE_EMAIL:
          email = fields[i];
          break;

        case HERALD_CONTACT_ROLE_PHONE:
        case HERALD_CONTACT_ROLE_CUSTOM:
        case HERALD_CONTACT_ROLE_IGNORE:
        default:
          break;
        }
    }

  contact = herald_contact_new_full (first_name, last_name, e164, email);

  for (guint i = 0; i < n_columns && i < n_fields; i++)
    if (fields[i][0] != '\0' &&
        herald_contact_mapping_get_role (mapping, i) == HERALD_CONTACT_ROLE_CUSTOM)
      herald_contact_set_field (contact, herald_contact_mapping_get_key (mapping, i), fields[i]);

  herald_contact_import_report_take_contact (report, g_steal_pointer (&contact));
}

static gboolean
mapping_matches (HeraldContactMapping *mapping,
                 const char * const   *header)
{
  guint n = herald_contact_mapping_get_n_columns (mapping);

  if (g_strv_length ((char **) header) != n)
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (header[i], herald_contact_mapping_get_header (mapping, i)) != 0)
      return FALSE;

  return TRUE;
}

static HeraldContactImportReport *
import_csv (HeraldContactImporter  *self,
            GInputStream           *stream,
            GCancellable           *cancellable,
            GError                **error)
{
  g_autoptr(HeraldCsvReader) reader = herald_csv_reader_new (stream);
  g_autoptr(HeraldContactMapping) mapping = NULL;
  g_autoptr(HeraldContactImportReport) report = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  const char * const *fields = NULL;
  guint header_line;
  int phone_column;

  herald_csv_reader_set_separator (reader, self->separator);
  herald_csv_reader_set_trim (reader, TRUE);

  do
    {
      if (!herald_csv_reader_next (reader, &fields, cancellable, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          /* An empty file holds no contacts; that is not wrong. */
          return herald_contact_import_report_new (NULL);
        }
    }
  while (row_is_blank (fields));

  header_line = herald_csv_reader_get_line (reader);

  if (self->mapping != NULL)
    {
      if (!mapping_matches (self->mapping, fields))
        {
          g_set_error (error, HERALD_CONTACT_IMPORT_ERROR, HERALD_CONTACT_IMPORT_ERROR_MAPPING_MISMATCH,
                       _("Line %u: the columns of the file are not those the mapping was made for. "
                         "Choose the columns again."),
                       header_line);
          return NULL;
        }
      mapping = herald_contact_mapping_ref (self->mapping);
    }
  else
    mapping = herald_contact_mapping_new_for_header (fields);

  phone_column = herald_contact_mapping_get_column_for_role (mapping, HERALD_CONTACT_ROLE_PHONE);
  if (phone_column < 0)
    {
      g_set_error (error, HERALD_CONTACT_IMPORT_ERROR, HERALD_CONTACT_IMPORT_ERROR_NO_PHONE_COLUMN,
                   _("Line %u: no column holds phone numbers. "
                     "Name that column “phone” in the file, or choose it before importing."),
                   header_line);
      return NULL;
    }

  report = herald_contact_import_report_new (mapping);

  if (!herald_contact_mapping_get_has_header (mapping))
    import_row (self, report, mapping, phone_column, seen, fields, header_line);

  for (;;)
    {
      if (!herald_csv_reader_next (reader, &fields, cancellable, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          break;
        }

      if (!row_is_blank (fields))
        import_row (self, report, mapping, phone_column, seen, fields,
                    herald_csv_reader_get_line (reader));
    }

  return g_steal_pointer (&report);
}

/* vCard */

static void
number_free (gpointer number)
{
  if (number != NULL)
    herald_phone_number_unref (number);
}

static void
error_free (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

/* Lower is tried first; see the header. */
static guint
phone_rank (HeraldVcardPhoneFlags flags)
{
  gboolean cell = (flags & HERALD_VCARD_PHONE_CELL) != 0;
  gboolean pref = (flags & HERALD_VCARD_PHONE_PREF) != 0;

  if (cell && pref)
    return 0;
  if (cell)
    return 1;
  if (flags & HERALD_VCARD_PHONE_TEXT)
    return 2;
  if (flags & HERALD_VCARD_PHONE_FAX)
    return 5;
  if (pref)
    return 3;
  return 4;
}

/* The card's other numbers, each once and without the chosen one: E.164
 * where they parse, as written otherwise. */
static char *
other_phones (HeraldVcardEntry *entry,
              GPtrArray        *numbers,
              guint             chosen)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (guint i = 0; i < numbers->len; i++)
    {
      HeraldPhoneNumber *number = g_ptr_array_index (numbers, i);
      const char *text = number != NULL ? herald_phone_number_get_e164 (number)
                                        : herald_vcard_entry_get_phone (entry, i);
      HeraldPhoneNumber *chosen_number = g_ptr_array_index (numbers, chosen);

      if (strcmp (text, herald_phone_number_get_e164 (chosen_number)) != 0 &&
          !g_ptr_array_find_with_equal_func (texts, text, g_str_equal, NULL))
        g_ptr_array_add (texts, (gpointer) text);
    }
  g_ptr_array_add (texts, NULL);

  return g_strjoinv (", ", (char **) texts->pdata);
}

/* The preferred e-mail address (else the first) as the email, the others
 * in a custom field. */
static void
set_emails (HeraldContact    *contact,
            HeraldVcardEntry *entry)
{
  guint n = herald_vcard_entry_get_n_emails (entry);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  guint preferred = 0;

  if (n == 0)
    return;

  for (guint i = n; i > 0; i--)
    if (herald_vcard_entry_get_email_preferred (entry, i - 1))
      preferred = i - 1;

  for (guint i = 0; i < n; i++)
    if (i != preferred)
      g_ptr_array_add (others, (gpointer) herald_vcard_entry_get_email (entry, i));
  g_ptr_array_add (others, NULL);

  herald_contact_set_email (contact, herald_vcard_entry_get_email (entry, preferred));
  joined = g_strjoinv (", ", (char **) others->pdata);
  herald_contact_set_field (contact, "other_emails", joined);
}

static HeraldContact *
contact_from_card (HeraldVcardEntry *entry,
                   const char       *phone)
{
  g_autofree char *first_name = NULL;
  g_autofree char *last_name = NULL;

  if (herald_vcard_entry_get_given_name (entry) != NULL ||
      herald_vcard_entry_get_family_name (entry) != NULL)
    return herald_contact_new_full (herald_vcard_entry_get_given_name (entry),
                                    herald_vcard_entry_get_family_name (entry), phone, NULL);

  if (herald_vcard_entry_get_formatted_name (entry) != NULL)
    first_name = herald_contact_split_full_name (herald_vcard_entry_get_formatted_name (entry),
                                                 &last_name);

  return herald_contact_new_full (first_name, last_name, phone, NULL);
}

static void
import_card (HeraldContactImporter     *self,
             HeraldContactImportReport *report,
             GHashTable                *seen,
             HeraldVcardEntry          *entry)
{
  g_autoptr(HeraldContact) contact = NULL;
  g_autoptr(GPtrArray) numbers = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *others = NULL;
  guint line = herald_vcard_entry_get_line (entry);
  guint n_phones = herald_vcard_entry_get_n_phones (entry);
  int chosen = -1;
  int best_failed = -1;
  const char *e164;
  gpointer first_line;

  herald_contact_import_report_add_row (report);

  if (n_phones == 0)
    {
      herald_contact_import_report_add_invalid (report, line, "", "no-phone", _("No phone number"));
      return;
    }

  numbers = g_ptr_array_new_full (n_phones, number_free);
  errors = g_ptr_array_new_full (n_phones, error_free);

  for (guint i = 0; i < n_phones; i++)
    {
      GError *parse_error = NULL;
      HeraldPhoneNumber *parsed = herald_phone_number_parse (herald_vcard_entry_get_phone (entry, i),
                                                             self->default_region, self->phone_flags,
                                                             &parse_error);

      g_ptr_array_add (numbers, parsed);
      g_ptr_array_add (errors, parse_error);
    }

  /* The best rank wins, and the earliest of equal ones. */
  for (guint i = 0; i < n_phones; i++)
    {
      guint rank = phone_rank (herald_vcard_entry_get_phone_flags (entry, i));
      int *best = g_ptr_array_index (numbers, i) != NULL ? &chosen : &best_failed;

      if (*best < 0 || rank < phone_rank (herald_vcard_entry_get_phone_flags (entry, *best)))
        *best = i;
    }

  if (chosen < 0)
    {
      const GError *parse_error = g_ptr_array_index (errors, best_failed);

      herald_contact_import_report_add_invalid (report, line,
                                                herald_vcard_entry_get_phone (entry, best_failed),
                                                herald_phone_number_error_to_reason (parse_error),
                                                parse_error->message);
      return;
    }

  e164 = herald_phone_number_get_e164 (g_ptr_array_index (numbers, chosen));
  if (g_hash_table_lookup_extended (seen, e164, NULL, &first_line))
    {
      herald_contact_import_report_add_duplicate (report, line, e164, GPOINTER_TO_UINT (first_line));
      return;
    }
  g_hash_table_insert (seen, g_strdup (e164), GUINT_TO_POINTER (line));

  contact = contact_from_card (entry, e164);
  others = other_phones (entry, numbers, chosen);
  herald_contact_set_field (contact, "other_phones", others);
  set_emails (contact, entry);
  herald_contact_set_field (contact, "organization", herald_vcard_entry_get_organization (entry));
  herald_contact_set_field (contact, "note", herald_vcard_entry_get_note (entry));

  herald_contact_import_report_take_contact (report, g_steal_pointer (&contact));
}

static HeraldContactImportReport *
import_vcard (HeraldContactImporter  *self,
              GInputStream           *stream,
              GCancellable           *cancellable,
              GError                **error)
{
  g_autoptr(HeraldVcardReader) reader = herald_vcard_reader_new (stream);
  g_autoptr(HeraldContactImportReport) report = herald_contact_import_report_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;

  for (;;)
    {
      g_autoptr(HeraldVcardEntry) entry = NULL;

      if (!herald_vcard_reader_next (reader, &entry, cancellable, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          break;
        }

      import_card (self, report, seen, entry);
    }

  return g_steal_pointer (&report);
}

/* Whether the stream starts, after a byte order mark and white space, with
 * BEGIN:VCARD. Only peeks, at this many bytes at most. */
#define SNIFF_SIZE 256

static gboolean
sniff_vcard (GBufferedInputStream  *stream,
             GCancellable          *cancellable,
             GError               **error)
{
  static const char begin[] = "BEGIN:VCARD";
  const guint8 *data;
  gsize available;
  gsize i = 0;

  while (g_buffered_input_stream_get_available (stream) < SNIFF_SIZE)
    {
      gssize n_read = g_buffered_input_stream_fill (
        stream, SNIFF_SIZE - g_buffered_input_stream_get_available (stream), cancellable, error);

      if (n_read < 0)
        return FALSE;
      if (n_read == 0)
        break;
    }

  data = g_buffered_input_stream_peek_buffer (stream, &available);
  if (available >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < available && g_ascii_isspace (data[i]))
    i++;

  if (i + strlen (begin) > available)
    return FALSE;

  return g_ascii_strncasecmp ((const char *) data + i, begin, strlen (begin)) == 0;
}

/**
 * herald_contact_importer_import_stream:
 * @self: a #HeraldContactImporter
 * @stream: a CSV or vCard file
 * @format: its format, or %HERALD_CONTACT_FORMAT_AUTO: vCard if it starts
 *   with BEGIN:VCARD, CSV otherwise
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a %HERALD_CONTACT_IMPORT_ERROR,
 *   %HERALD_CSV_ERROR, %HERALD_VCARD_ERROR or #GIOErrorEnum error
 *
 * Reads the whole of @stream.
 *
 * Returns: (transfer full) (nullable): the report with the contacts, or
 *   %NULL and no contacts at all if the file could not be read to its end
 */
HeraldContactImportReport *
herald_contact_importer_import_stream (HeraldContactImporter  *self,
                                       GInputStream           *stream,
                                       HeraldContactFormat     format,
                                       GCancellable           *cancellable,
                                       GError                **error)
{
  g_autoptr(GInputStream) buffered = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HERALD_IS_CONTACT_IMPORTER (self), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format == HERALD_CONTACT_FORMAT_AUTO)
    {
      gboolean is_vcard;

      buffered = g_buffered_input_stream_new (stream);
      is_vcard = sniff_vcard (G_BUFFERED_INPUT_STREAM (buffered), cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      format = is_vcard ? HERALD_CONTACT_FORMAT_VCARD : HERALD_CONTACT_FORMAT_CSV;
      stream = buffered;
    }

  if (format == HERALD_CONTACT_FORMAT_VCARD)
    return import_vcard (self, stream, cancellable, error);

  return import_csv (self, stream, cancellable, error);
}

/**
 * herald_contact_importer_import_path:
 * @self: a #HeraldContactImporter
 * @path: a CSV or vCard file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Like herald_contact_importer_import_stream() with
 * %HERALD_CONTACT_FORMAT_AUTO.
 *
 * Returns: (transfer full) (nullable): the report with the contacts
 */
HeraldContactImportReport *
herald_contact_importer_import_path (HeraldContactImporter  *self,
                                     const char             *path,
                                     GCancellable           *cancellable,
                                     GError                **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;

  g_return_val_if_fail (HERALD_IS_CONTACT_IMPORTER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  return herald_contact_importer_import_stream (self, G_INPUT_STREAM (stream),
                                                HERALD_CONTACT_FORMAT_AUTO, cancellable, error);
}
