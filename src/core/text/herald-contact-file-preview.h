/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-contact-import-report.h"
#include "herald-contact-importer.h"
#include "herald-contact-mapping.h"

G_BEGIN_DECLS

/* The first rows of a contacts file, for an import assistant to show before
 * anything is imported: the header, the column mapping guessed from it, and
 * a few rows under it. A vCard file has no columns: only its format is told.
 *
 * When the mapping says the file has no header (its first row is data,
 * herald_contact_mapping_get_has_header()), @rows starts with that row too,
 * so that @rows is always what will be imported. */
typedef struct
{
  HeraldContactFormat   format;    /* CSV or VCARD, never AUTO */
  GStrv                 header;    /* the first CSV record; NULL for vCard */
  GPtrArray            *rows;      /* (element-type GStrv) up to the asked number of rows */
  HeraldContactMapping *mapping;   /* guessed from @header; NULL for vCard */
  char                  separator; /* the CSV separator found */
} HeraldContactFilePreview;

void                      herald_contact_file_preview_free         (HeraldContactFilePreview *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldContactFilePreview, herald_contact_file_preview_free)

/* Reads the start of @path (CSV or vCard) on a worker thread: at most
 * @max_rows rows after the header. Errors are those of the CSV reader
 * (with the line and what to do) and of GIO. */
void                      herald_contact_file_preview_read_async   (const char           *path,
                                                                    guint                 max_rows,
                                                                    GCancellable         *cancellable,
                                                                    GAsyncReadyCallback   callback,
                                                                    gpointer              user_data);
HeraldContactFilePreview *herald_contact_file_preview_read_finish  (GAsyncResult         *result,
                                                                    GError              **error);

/* herald_contact_importer_import_path() on a worker thread, so that a
 * person sees the validation report (invalid rows with their lines and
 * reasons) before deciding to import. @importer must not be touched until
 * the callback runs. */
void                       herald_contact_file_preview_validate_async  (HeraldContactImporter  *importer,
                                                                        const char             *path,
                                                                        GCancellable           *cancellable,
                                                                        GAsyncReadyCallback     callback,
                                                                        gpointer                user_data);
HeraldContactImportReport *herald_contact_file_preview_validate_finish (GAsyncResult           *result,
                                                                        GError                **error);

G_END_DECLS
