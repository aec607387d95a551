/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "providers/herald-provider.h"
#include "store/herald-message-log.h"

G_BEGIN_DECLS

/* Asks @provider for the state of each of @account_id's rows in @log that
 * are not final yet (queued, sent, unknown with a message id), at most
 * @max_rows (0: all; newest first), and stores the answers. The provider
 * is asked one row at a time (rate limits). Returns how many rows changed.
 * A row the provider does not know (NOT_FOUND), or whose answer is
 * UNKNOWN, keeps its state; any other error stops the refresh and is
 * returned — the answers obtained before it are stored all the same.
 *
 * The task's source object is @log: finish with the same @log. */
void   herald_delivery_refresh_async  (HeraldMessageLog    *log,
                                       HeraldProvider      *provider,
                                       const char          *account_id,
                                       guint                max_rows,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
guint  herald_delivery_refresh_finish (HeraldMessageLog    *log,
                                       GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
