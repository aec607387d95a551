#pragma once

/* The one public header of Herald's UI-free core: the app, heraldctl and the
 * tests include this and link libherald-core. Never includes GTK. */

#include "herald-paths.h"
#include "secrets/herald-secrets.h"
