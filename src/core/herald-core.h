#pragma once

/* The one public header of Herald's UI-free core: the app, heraldctl and the
 * tests include this and link libherald-core. Never includes GTK. */

#include "herald-paths.h"
#include "herald-send-job.h"
#include "herald-session.h"
#include "providers/herald-provider.h"
#include "providers/herald-provider-factory.h"
#include "store/herald-message-log.h"
#include "secrets/herald-secrets.h"
#include "text/herald-contact.h"
#include "text/herald-contact-export.h"
#include "text/herald-contact-import-report.h"
#include "text/herald-contact-importer.h"
#include "text/herald-contact-mapping.h"
#include "text/herald-csv-reader.h"
#include "text/herald-csv-writer.h"
#include "text/herald-phone-number.h"
#include "text/herald-recipient-list.h"
#include "text/herald-sms-text.h"
#include "text/herald-template.h"
#include "text/herald-vcard-entry.h"
#include "text/herald-vcard-reader.h"
