/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* The one public header of Herald's UI-free core: the app, heraldctl and the
 * tests include this and link libherald-core. Never includes GTK. */

#include "herald-types.h"
#include "herald-dialect.h"
#include "inbox/herald-inbox-watcher.h"
#include "model/herald-boxed-item.h"
#include "model/herald-paged-list.h"
#include "model/herald-paged-sources.h"
#include "providers/herald-cost-estimator.h"
#include "providers/herald-credit-account.h"
#include "providers/herald-history-source.h"
#include "providers/herald-message-details.h"
#include "providers/herald-provider.h"
#include "providers/herald-provider-values.h"
#include "providers/herald-remote-directory.h"
#include "providers/herald-sender-id-source.h"
#include "send/herald-send-job.h"
#include "session/herald-paths.h"
#include "session/herald-provider-factory.h"
#include "session/herald-session.h"
#include "store/herald-message-log.h"
#include "secrets/herald-secrets.h"
#include "text/herald-contact.h"
#include "text/herald-contact-export.h"
#include "text/herald-contact-import-report.h"
#include "text/herald-contact-importer.h"
#include "text/herald-contact-mapping.h"
#include "text/herald-csv-reader.h"
#include "text/herald-csv-writer.h"
#include "text/herald-date-input.h"
#include "text/herald-phone-number.h"
#include "text/herald-recipient-list.h"
#include "text/herald-sms-text.h"
#include "text/herald-template.h"
#include "text/herald-vcard-entry.h"
#include "text/herald-vcard-reader.h"
