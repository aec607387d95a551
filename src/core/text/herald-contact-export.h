/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-contact.h"

G_BEGIN_DECLS

/* Contacts to a CSV file that HeraldContactImporter reads back to the same
 * contacts: RFC 4180, UTF-8, CRLF line ends, a header row of first_name,
 * last_name, phone, email and then every custom key in the order the
 * contacts first use it. */

gboolean herald_contact_export_csv (HeraldContact * const *contacts,
                                    guint                  n_contacts,
                                    GOutputStream         *stream,
                                    GCancellable          *cancellable,
                                    GError               **error);

G_END_DECLS
