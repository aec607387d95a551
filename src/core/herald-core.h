#pragma once

/* The one public header of Herald's UI-free core: the app, heraldctl and the
 * tests include this and link libherald-core. Never includes GTK. */

#include "herald-paths.h"
#include "secrets/herald-secrets.h"
#include "text/herald-phone-number.h"
#include "text/herald-sms-text.h"
#include "text/herald-template.h"
