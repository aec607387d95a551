/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-contact-file-preview"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "herald-contact-file-preview.h"
#include "herald-csv-reader.h"

void
herald_contact_file_preview_free (HeraldContactFilePreview *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->header);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, herald_contact_mapping_unref);
  g_free (self);
}

typedef struct
{
  char  *path;
  guint  max_rows;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_free (job->path);
  g_free (job);
}

/* A vCard file starts (after blank lines and a byte order mark) with
 * BEGIN:VCARD, whatever its name. */
static gboolean
looks_like_vcard (const char    *path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  char buffer[512];
  gssize n;
  const char *p;

  if (stream == NULL)
    return FALSE;
  n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer - 1, cancellable, error);
  if (n < 0)
    return FALSE;
  buffer[n] = '\0';
  p = buffer;
  if (strncmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (g_ascii_isspace (*p))
    p++;

  return g_ascii_strncasecmp (p, "BEGIN:VCARD", strlen ("BEGIN:VCARD")) == 0;
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(HeraldContactFilePreview) preview = g_new0 (HeraldContactFilePreview, 1);
  g_autoptr(HeraldCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *fields = NULL;

  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (looks_like_vcard (job->path, cancellable, &error))
    {
      preview->format = HERALD_CONTACT_FORMAT_VCARD;
      g_task_return_pointer (task, g_steal_pointer (&preview), (GDestroyNotify) herald_contact_file_preview_free);
      return;
    }
  if (error != NULL)
    {
      /* NOLINTNEXTLINE(clang-analyzer-unix.Malloc): g_autoptr frees it; the analyzer loses it here */
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  preview->format = HERALD_CONTACT_FORMAT_CSV;
  reader = herald_csv_reader_new_for_path (job->path, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  herald_csv_reader_set_trim (reader, TRUE);

  if (!herald_csv_reader_next (reader, &fields, cancellable, &error))
    {
      if (error == NULL)
        error = g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("The file is empty: choose a CSV file with a header row and a phone column"));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  preview->header = g_strdupv ((char **) fields);
  preview->separator = herald_csv_reader_get_separator (reader);
  preview->mapping = herald_contact_mapping_new_for_header ((const char * const *) preview->header);
  if (!herald_contact_mapping_get_has_header (preview->mapping))
    g_ptr_array_add (preview->rows, g_strdupv (preview->header));

  while (preview->rows->len < job->max_rows)
    {
      if (!herald_csv_reader_next (reader, &fields, cancellable, &error))
        {
          /* A fault further down is the validation's to report, with the
           * rest of the file; the preview shows what it could read. */
          if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_debug ("preview of %s stops at line %u: %s", job->path,
                     herald_csv_reader_get_line (reader), error->message);
          else if (error != NULL)
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          break;
        }
      g_ptr_array_add (preview->rows, g_strdupv ((char **) fields));
    }

  g_task_return_pointer (task, g_steal_pointer (&preview), (GDestroyNotify) herald_contact_file_preview_free);
}

void
herald_contact_file_preview_read_async (const char          *path,
                                        guint                max_rows,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_contact_file_preview_read_async);
  job = g_new0 (ReadJob, 1);
  job->path = g_strdup (path);
  job->max_rows = max_rows;
  g_task_set_task_data (task, job, read_job_free);
  g_task_run_in_thread (task, read_thread);
}

/**
 * herald_contact_file_preview_read_finish:
 *
 * Returns: (transfer full) (nullable): the preview
 */
HeraldContactFilePreview *
herald_contact_file_preview_read_finish (GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == herald_contact_file_preview_read_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
validate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  HeraldContactImporter *importer = source_object;
  GError *error = NULL;
  HeraldContactImportReport *report;

  report = herald_contact_importer_import_path (importer, task_data, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

void
herald_contact_file_preview_validate_async (HeraldContactImporter *importer,
                                            const char            *path,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HERALD_IS_CONTACT_IMPORTER (importer));
  g_return_if_fail (path != NULL);

  task = g_task_new (importer, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_contact_file_preview_validate_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, validate_thread);
}

/**
 * herald_contact_file_preview_validate_finish:
 *
 * Returns: (transfer full) (nullable): the report with the contacts
 */
HeraldContactImportReport *
herald_contact_file_preview_validate_finish (GAsyncResult  *result,
                                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == herald_contact_file_preview_validate_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
