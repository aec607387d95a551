/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Phone numbers as Herald keeps them: parsed once from what a person typed
 * (or a contacts file held), normalised to E.164 and validated with
 * libphonenumber, then handed around as an immutable, reference-counted
 * HeraldPhoneNumber. Every function here may be called from any thread. */

#define HERALD_PHONE_NUMBER_ERROR (herald_phone_number_error_quark ())
#define HERALD_TYPE_PHONE_NUMBER  (herald_phone_number_get_type ())

/* Inputs longer than this (in bytes) are refused before any parsing. */
#define HERALD_PHONE_NUMBER_MAX_INPUT 64

typedef enum
{
  HERALD_PHONE_NUMBER_ERROR_EMPTY,                /* "empty" */
  HERALD_PHONE_NUMBER_ERROR_NOT_A_NUMBER,         /* "not-a-number" */
  HERALD_PHONE_NUMBER_ERROR_INVALID_COUNTRY_CODE, /* "invalid-country-code" */
  HERALD_PHONE_NUMBER_ERROR_NO_REGION,            /* "no-region" */
  HERALD_PHONE_NUMBER_ERROR_TOO_SHORT,            /* "too-short" */
  HERALD_PHONE_NUMBER_ERROR_TOO_LONG,             /* "too-long" */
  HERALD_PHONE_NUMBER_ERROR_INVALID_FOR_REGION,   /* "invalid-for-region" */
  HERALD_PHONE_NUMBER_ERROR_NOT_MOBILE,           /* "not-mobile" */
  HERALD_PHONE_NUMBER_ERROR_INVALID_REGION,       /* "invalid-region" */
  HERALD_PHONE_NUMBER_ERROR_FAILED,               /* "internal-error" */
} HeraldPhoneNumberError;

typedef enum
{
  HERALD_PHONE_NUMBER_TYPE_MOBILE,
  HERALD_PHONE_NUMBER_TYPE_FIXED_LINE,
  HERALD_PHONE_NUMBER_TYPE_FIXED_LINE_OR_MOBILE,
  HERALD_PHONE_NUMBER_TYPE_TOLL_FREE,
  HERALD_PHONE_NUMBER_TYPE_PREMIUM_RATE,
  HERALD_PHONE_NUMBER_TYPE_SHARED_COST,
  HERALD_PHONE_NUMBER_TYPE_VOIP,
  HERALD_PHONE_NUMBER_TYPE_PERSONAL,
  HERALD_PHONE_NUMBER_TYPE_PAGER,
  HERALD_PHONE_NUMBER_TYPE_UAN,
  HERALD_PHONE_NUMBER_TYPE_VOICEMAIL,
  HERALD_PHONE_NUMBER_TYPE_UNKNOWN,
} HeraldPhoneNumberType;

typedef enum
{
  HERALD_PHONE_NUMBER_FLAGS_NONE     = 0,
  /* Refuse numbers that cannot receive SMS: only MOBILE and
   * FIXED_LINE_OR_MOBILE (the US, Canada, …) pass. */
  HERALD_PHONE_NUMBER_REQUIRE_MOBILE = 1 << 0,
} HeraldPhoneNumberFlags;

typedef struct _HeraldPhoneNumber HeraldPhoneNumber;

GQuark                 herald_phone_number_error_quark           (void);
const char            *herald_phone_number_error_to_reason       (const GError                *error);

GType                  herald_phone_number_get_type              (void) G_GNUC_CONST;

HeraldPhoneNumber     *herald_phone_number_parse                 (const char                  *input,
                                                                  const char                  *default_region,
                                                                  HeraldPhoneNumberFlags       flags,
                                                                  GError                     **error);
HeraldPhoneNumber     *herald_phone_number_ref                   (HeraldPhoneNumber           *self);
void                   herald_phone_number_unref                 (HeraldPhoneNumber           *self);

const char            *herald_phone_number_get_input             (const HeraldPhoneNumber     *self);
const char            *herald_phone_number_get_e164              (const HeraldPhoneNumber     *self);
const char            *herald_phone_number_get_region_code       (const HeraldPhoneNumber     *self);
guint                  herald_phone_number_get_country_code      (const HeraldPhoneNumber     *self);
const char            *herald_phone_number_get_national_significant_number
                                                                 (const HeraldPhoneNumber     *self);
HeraldPhoneNumberType  herald_phone_number_get_number_type       (const HeraldPhoneNumber     *self);
gboolean               herald_phone_number_is_mobile             (const HeraldPhoneNumber     *self);
const char            *herald_phone_number_get_international     (const HeraldPhoneNumber     *self);
const char            *herald_phone_number_get_national          (const HeraldPhoneNumber     *self);
char                  *herald_phone_number_format_for_flashsms   (const HeraldPhoneNumber     *self);

const char            *herald_phone_number_type_to_string        (HeraldPhoneNumberType        type);

gboolean               herald_phone_region_is_valid              (const char                  *region);
guint                  herald_phone_region_get_country_code      (const char                  *region);
char                  *herald_phone_region_dup_display_name      (const char                  *region);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldPhoneNumber, herald_phone_number_unref)

G_END_DECLS
