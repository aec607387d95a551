/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-database.h"
#include "herald-local-values.h"

G_BEGIN_DECLS

/* The numbers campaigns never send to (the optouts table of schema step 3),
 * added by hand, from a file, or by a keyword reply
 * (text/herald-optout-keywords.h says which texts are). Numbers are E.164;
 * every call runs on a worker thread. A number added twice keeps its first
 * source and time. */

#define HERALD_TYPE_OPTOUT_STORE (herald_optout_store_get_type ())
G_DECLARE_FINAL_TYPE (HeraldOptoutStore, herald_optout_store, HERALD, OPTOUT_STORE, GObject)

HeraldOptoutStore *herald_optout_store_new (HeraldDatabase *database);

/* Adds @phones (E.164; INVALID and nothing added for any other) in one
 * transaction with @source ("manual", "file", "keyword"), @account_id
 * (nullable; an id of the accounts table, the account a keyword came
 * through) and @detail (nullable, for people). Returns how many were new. */
void       herald_optout_store_add_async       (HeraldOptoutStore    *self,
                                                const char * const   *phones,
                                                const char           *source,
                                                const char           *account_id,
                                                const char           *detail,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
/* Returns how many numbers were removed (those not there count nothing). */
void       herald_optout_store_remove_async    (HeraldOptoutStore    *self,
                                                const char * const   *phones,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
/* Finishes add and remove: the count, or 0 with @error. */
guint      herald_optout_store_change_finish   (HeraldOptoutStore    *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Newest first. Returns: (element-type HeraldOptout) (transfer full) */
void       herald_optout_store_list_async      (HeraldOptoutStore    *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray *herald_optout_store_list_finish     (HeraldOptoutStore    *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Which of @phones are opted out, in their order (a campaign asks for all
 * its recipients at once). Returns: (transfer full) a NULL-terminated array */
void       herald_optout_store_filter_async    (HeraldOptoutStore    *self,
                                                const char * const   *phones,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GStrv      herald_optout_store_filter_finish   (HeraldOptoutStore    *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Whether @phone is opted out: the finish function sets @opted_out and
 * returns TRUE, or FALSE with @error. */
void       herald_optout_store_is_opted_out_async  (HeraldOptoutStore    *self,
                                                    const char           *phone,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean   herald_optout_store_is_opted_out_finish (HeraldOptoutStore    *self,
                                                    GAsyncResult         *result,
                                                    gboolean             *opted_out,
                                                    GError              **error);

/* What an import from a file did. */
typedef struct
{
  guint      added;     /* new numbers */
  guint      already;   /* opted out before */
  GPtrArray *invalid;   /* (element-type utf8) one sentence per refused entry, with its line when known */
} HeraldOptoutImport;

void herald_optout_import_free (HeraldOptoutImport *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldOptoutImport, herald_optout_import_free)

/* Reads numbers from @path: a contacts file with a phone column (CSV,
 * vCard: herald-contact-importer.h), or else numbers one a line (or
 * separated by commas, semicolons or tabs); national numbers are read in
 * @region (nullable: only international numbers). Saves the valid ones in
 * one transaction with source "file" and the file's name as detail;
 * nothing is saved when the file cannot be read. */
void                herald_optout_store_import_file_async  (HeraldOptoutStore    *self,
                                                            const char           *path,
                                                            const char           *region,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
HeraldOptoutImport *herald_optout_store_import_file_finish (HeraldOptoutStore    *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
