/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* herald-phone-number.cc: phone numbers through libphonenumber.
 *
 * The one C++ file of Herald. libphonenumber is C++ only, so this file keeps
 * it behind the small C API of herald-phone-number.h: C++ types never cross
 * that header and no exception leaves an extern "C" function. */

#define G_LOG_DOMAIN "herald-phone-number"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <phonenumbers/phonenumberutil.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <array>
#include <atomic>
#include <cstring>
#include <exception>
#include <memory>
#include <string>

#include "herald-phone-number.h"

namespace pn = i18n::phonenumbers;

using PhoneNumberUtil = pn::PhoneNumberUtil;

struct _HeraldPhoneNumber
{
  gatomicrefcount        ref_count;
  HeraldPhoneNumberType  type;
  guint                  country_code;
  std::string            input;
  std::string            e164;
  std::string            nsn;
  pn::PhoneNumber        number;

  /* The display forms cost more than the rest of a parse together (about
   * 5 µs), and the region costs as much as the parse for the countries that
   * share a calling code (+1, +44, +7: 3–8 µs); an import of 100,000
   * contacts needs none of them. They are made on first use and published
   * with a compare-and-swap, so a shared number stays safe to read from
   * several threads. */
  mutable std::atomic<char *> region { nullptr };
  mutable std::atomic<char *> international { nullptr };
  mutable std::atomic<char *> national { nullptr };

  ~_HeraldPhoneNumber ()
  {
    g_free (region.load ());
    g_free (international.load ());
    g_free (national.load ());
  }
};

G_DEFINE_QUARK (herald-phone-number-error-quark, herald_phone_number_error)

G_DEFINE_BOXED_TYPE (HeraldPhoneNumber, herald_phone_number,
                     herald_phone_number_ref, herald_phone_number_unref)

namespace {

/* PhoneNumberUtil::GetInstance () is a leaky singleton created under
 * pthread_once, and the const methods used here (Parse, Format,
 * GetNumberType, …) keep no state of their own apart from a regular
 * expression cache that libphonenumber guards with a mutex (Debian builds it
 * with pthreads). One instance therefore serves every thread; Herald never
 * calls its mutators, such as SetLogger (). The instance's default logger
 * discards everything, so nothing reaches stdout. */
const PhoneNumberUtil &
phone_util ()
{
  static const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance ();

  return *util;
}

HeraldPhoneNumberType
type_from_libphonenumber (PhoneNumberUtil::PhoneNumberType type)
{
  switch (type)
    {
    case PhoneNumberUtil::FIXED_LINE:           return HERALD_PHONE_NUMBER_TYPE_FIXED_LINE;
    case PhoneNumberUtil::MOBILE:               return HERALD_PHONE_NUMBER_TYPE_MOBILE;
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE: return HERALD_PHONE_NUMBER_TYPE_FIXED_LINE_OR_MOBILE;
    case PhoneNumberUtil::TOLL_FREE:            return HERALD_PHONE_NUMBER_TYPE_TOLL_FREE;
    case PhoneNumberUtil::PREMIUM_RATE:         return HERALD_PHONE_NUMBER_TYPE_PREMIUM_RATE;
    case PhoneNumberUtil::SHARED_COST:          return HERALD_PHONE_NUMBER_TYPE_SHARED_COST;
    case PhoneNumberUtil::VOIP:                 return HERALD_PHONE_NUMBER_TYPE_VOIP;
    case PhoneNumberUtil::PERSONAL_NUMBER:      return HERALD_PHONE_NUMBER_TYPE_PERSONAL;
    case PhoneNumberUtil::PAGER:                return HERALD_PHONE_NUMBER_TYPE_PAGER;
    case PhoneNumberUtil::UAN:                  return HERALD_PHONE_NUMBER_TYPE_UAN;
    case PhoneNumberUtil::VOICEMAIL:            return HERALD_PHONE_NUMBER_TYPE_VOICEMAIL;
    case PhoneNumberUtil::UNKNOWN:
    default:                                    return HERALD_PHONE_NUMBER_TYPE_UNKNOWN;
    }
}

/* Debian 12 ships libphonenumber 8.12.57 (November 2022). Ghana then
 * allocated more mobile ranges, which upstream added in 8.13.2 (56[2-9],
 * AirtelTigo) and 8.13.4 (53, MTN). Without them every MTN customer on 053
 * would be refused, and Ghana is the region Herald's FlashSMS accounts send
 * to. A number libphonenumber calls UNKNOWN is taken as MOBILE when it falls
 * in one of these ranges; a newer libphonenumber that knows them answers
 * first, and this table can go once the baseline reaches 8.13.4. */
HeraldPhoneNumberType
supplementary_type (guint              country_code,
                    const std::string &nsn)
{
  if (country_code == 233 && nsn.size () == 9)
    {
      if (nsn[0] == '5' && nsn[1] == '3')
        return HERALD_PHONE_NUMBER_TYPE_MOBILE;
      if (nsn[0] == '5' && nsn[1] == '6' && nsn[2] >= '2' && nsn[2] <= '9')
        return HERALD_PHONE_NUMBER_TYPE_MOBILE;
    }

  return HERALD_PHONE_NUMBER_TYPE_UNKNOWN;
}

/* Words for people, in error messages; herald_phone_number_type_to_string ()
 * gives the machine names. */
const char *
type_to_label (HeraldPhoneNumberType type)
{
  switch (type)
    {
    case HERALD_PHONE_NUMBER_TYPE_MOBILE:               return _("mobile");
    case HERALD_PHONE_NUMBER_TYPE_FIXED_LINE:           return _("fixed-line");
    case HERALD_PHONE_NUMBER_TYPE_FIXED_LINE_OR_MOBILE: return _("fixed-line or mobile");
    case HERALD_PHONE_NUMBER_TYPE_TOLL_FREE:            return _("toll-free");
    case HERALD_PHONE_NUMBER_TYPE_PREMIUM_RATE:         return _("premium-rate");
    case HERALD_PHONE_NUMBER_TYPE_SHARED_COST:          return _("shared-cost");
    case HERALD_PHONE_NUMBER_TYPE_VOIP:                 return _("internet (VoIP)");
    case HERALD_PHONE_NUMBER_TYPE_PERSONAL:             return _("personal");
    case HERALD_PHONE_NUMBER_TYPE_PAGER:                return _("pager");
    case HERALD_PHONE_NUMBER_TYPE_UAN:                  return _("company (UAN)");
    case HERALD_PHONE_NUMBER_TYPE_VOICEMAIL:            return _("voicemail");
    case HERALD_PHONE_NUMBER_TYPE_UNKNOWN:
    default:                                            return _("unknown");
    }
}

/* "GH", "001" for international networks, "ZZ" if libphonenumber cannot
 * tell (never for a number that parsed as valid). */
std::string
region_of (const pn::PhoneNumber &number)
{
  std::string region;

  try
    {
      phone_util ().GetRegionCodeForNumber (number, &region);
    }
  catch (const std::exception &e)
    {
      g_critical ("Could not find the region of a number: %s", e.what ());
      region = "ZZ";
    }

  return region;
}

bool
is_region_code (const char *region)
{
  return region != nullptr &&
         g_ascii_isupper (region[0]) && g_ascii_isupper (region[1]) &&
         region[2] == '\0' &&
         phone_util ().GetCountryCodeForRegion (std::string (region, 2)) != 0;
}

/* "Ghana (GH)"; the name comes from ICU in the user's locale. Asking ICU
 * costs a few microseconds, which an import full of bad numbers would pay
 * per row, so each region's text is kept once made: one slot per possible
 * two-letter code, filled with a compare-and-swap, kept until exit. */
std::string
describe_region (const char *region)
{
  constexpr std::size_t n_letters = 26;
  static std::array<std::atomic<char *>, n_letters * n_letters> cache;
  char *described;
  char *expected = nullptr;
  icu::UnicodeString name;
  std::string out;

  g_assert (g_ascii_isupper (region[0]) && g_ascii_isupper (region[1]) && region[2] == '\0');

  std::atomic<char *> &slot = cache[(region[0] - 'A') * 26 + (region[1] - 'A')];
  described = slot.load (std::memory_order_acquire);
  if (described != nullptr)
    return described;

  icu::Locale ("", region).getDisplayCountry (name);
  name.toUTF8String (out);
  if (out.empty () || out == region)
    out = region;
  else
    out = out + " (" + region + ")";

  described = g_strdup (out.c_str ());
  if (!slot.compare_exchange_strong (expected, described,
                                     std::memory_order_acq_rel, std::memory_order_acquire))
    g_free (described);

  return out;
}

/* The input as a message may quote it: valid UTF-8, no control characters. */
std::string
quote_input (const char *input,
             gsize       len)
{
  g_autofree char *valid = g_utf8_make_valid (input, (gssize) len);
  std::string out;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isprint (c) || c == ' ')
        out.append (p, (size_t) (g_utf8_next_char (p) - p));
      else
        out += "\xEF\xBF\xBD";   /* U+FFFD REPLACEMENT CHARACTER */
    }

  return out;
}

/* The text being parsed; quoted for a message only when one is needed. */
struct Input
{
  const char *text;
  gsize       len;

  [[nodiscard]] std::string quoted () const { return quote_input (text, len); }
};

bool
is_separator (gunichar c)
{
  switch (c)
    {
    case '-': case '.': case '(': case ')': case '/':
    case 0x2212:                          /* MINUS SIGN */
    case 0x30FC:                          /* KATAKANA-HIRAGANA PROLONGED SOUND MARK, used as a dash */
    case 0xFF08: case 0xFF09:             /* FULLWIDTH ( ) */
    case 0xFF0D: case 0xFF0E: case 0xFF0F: /* FULLWIDTH - . / */
      return true;

    default:
      return (c >= 0x2010 && c <= 0x2015) || /* hyphens and dashes */
             g_unichar_isspace (c);          /* includes NBSP and thin spaces */
    }
}

bool
is_plus (gunichar c)
{
  return c == '+' || c == 0xFF0B;   /* FULLWIDTH PLUS SIGN */
}

struct ParseFailure
{
  HeraldPhoneNumberError code;
  std::string            message;
};

/* Where the number belongs, for messages: "in Ghana (GH)" or "with the
 * country calling code +1" when libphonenumber cannot name a region. */
std::string
describe_place (const std::string &region,
                guint              country_code)
{
  if (region.size () == 2 && region != "ZZ")
    {
      std::string place = describe_region (region.c_str ());
      g_autofree char *text = g_strdup_printf (_("in %s"), place.c_str ());

      return text;
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("with the country calling code +%u"), country_code);

      return text;
    }
}

ParseFailure
failure (HeraldPhoneNumberError code,
         const char            *format,
         ...) G_GNUC_PRINTF (2, 3);

/* C varargs on purpose: the formats are translated printf strings, which
 * G_GNUC_PRINTF lets the compiler check against their arguments. */
/* NOLINTBEGIN(cert-dcl50-cpp) */
ParseFailure
failure (HeraldPhoneNumberError code,
         const char            *format,
         ...)
{
  va_list args;
  g_autofree char *message = nullptr;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return ParseFailure { code, message };
}
/* NOLINTEND(cert-dcl50-cpp) */

/* Reads what a person typed into the form libphonenumber parses fastest:
 * ASCII digits with an optional leading '+'. Separators go (they cost
 * libphonenumber several regular expressions), any Unicode decimal digit
 * becomes its ASCII digit, and anything else is refused here, letters
 * included: libphonenumber would read "1-800-FLOWERS" as a vanity number
 * and an extension out of "ext. 5", but neither can receive an SMS. */
bool
clean_input (const Input  &input,
             std::string  &cleaned,
             ParseFailure &fail)
{
  bool seen_plus = false;
  bool seen_punctuation = false;

  cleaned.clear ();

  for (const char *p = input.text; p < input.text + input.len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = g_unichar_digit_value (c);

      if (digit >= 0)
        {
          cleaned += (char) ('0' + digit);
        }
      else if (is_plus (c) && cleaned.empty () && !seen_plus)
        {
          /* Only before the first digit: "(+233) 24…" but not "233+24…". */
          cleaned += '+';
          seen_plus = seen_punctuation = true;
        }
      else if (is_separator (c))
        {
          if (!g_unichar_isspace (c))
            seen_punctuation = true;
        }
      else if (g_unichar_isalpha (c))
        {
          fail = failure (HERALD_PHONE_NUMBER_ERROR_NOT_A_NUMBER,
                          _("“%s” contains letters; write the phone number in digits only"),
                          input.quoted ().c_str ());
          return false;
        }
      else
        {
          g_autofree char *character = nullptr;

          if (g_unichar_isgraph (c))
            {
              character = g_strndup (p, (gsize) (g_utf8_next_char (p) - p));
              fail = failure (HERALD_PHONE_NUMBER_ERROR_NOT_A_NUMBER,
                              _("“%s” contains “%s”, which is not part of a phone number; "
                                "use digits, spaces, dashes, dots, parentheses and a leading +"),
                              input.quoted ().c_str (), character);
            }
          else
            {
              fail = failure (HERALD_PHONE_NUMBER_ERROR_NOT_A_NUMBER,
                              _("“%s” contains a control character; "
                                "use digits, spaces, dashes, dots, parentheses and a leading +"),
                              input.quoted ().c_str ());
            }
          return false;
        }
    }

  if (cleaned.empty () && !seen_punctuation)
    {
      fail = failure (HERALD_PHONE_NUMBER_ERROR_EMPTY,
                      _("The phone number is empty; enter a number"));
      return false;
    }

  if (cleaned.empty () || cleaned == "+")
    {
      fail = failure (HERALD_PHONE_NUMBER_ERROR_NOT_A_NUMBER,
                      _("“%s” contains no digits; enter a phone number"),
                      input.quoted ().c_str ());
      return false;
    }

  return true;
}

/* Most numbers Herald sees are Ghanaian, written 0XXXXXXXXX, 233XXXXXXXXX,
 * +233XXXXXXXXX or 00233XXXXXXXXX. For those, after clean_input (), the
 * reading is certain and PhoneNumberUtil::Parse () would spend about 6 µs of
 * regular expressions to reach it: country code 233 and the 9 digits after
 * the prefix. Ghana's national prefix is 0, its international prefix 00, no
 * shorter calling code starts 233, and an NSN that does not start with 0
 * keeps neither a national prefix to strip nor an Italian-style leading zero,
 * so the PhoneNumber built here is the one Parse () builds (the unit test and the
 * fuzz target check that both roads agree). Validation still goes through
 * libphonenumber's GetNumberType (). Anything else takes the full Parse (). */
bool
read_ghana_number (const std::string &cleaned,
                   bool               region_is_ghana,
                   pn::PhoneNumber   &number)
{
  const char *nsn;

  /* Only "+233…" says Ghana by itself; the other forms need the region. */
  if (cleaned.size () == 13 && cleaned.compare (0, 4, "+233") == 0)
    nsn = cleaned.c_str () + 4;
  else if (region_is_ghana && cleaned.size () == 10 && cleaned[0] == '0')
    nsn = cleaned.c_str () + 1;
  else if (region_is_ghana && cleaned.size () == 12 && cleaned.compare (0, 3, "233") == 0)
    nsn = cleaned.c_str () + 3;
  else if (region_is_ghana && cleaned.size () == 14 && cleaned.compare (0, 5, "00233") == 0)
    nsn = cleaned.c_str () + 5;
  else
    return false;

  if (nsn[0] == '0')
    return false;

  number.set_country_code (233);
  number.set_national_number (g_ascii_strtoull (nsn, nullptr, 10));

  return true;
}

/* The general road: PhoneNumberUtil::Parse () and its verdict in words. */
bool
parse_with_libphonenumber (const std::string &cleaned,
                           const char        *region,
                           const Input       &input,
                           pn::PhoneNumber   &number,
                           ParseFailure      &fail)
{
  /* "ZZ" is libphonenumber's "no region": only international forms parse. */
  switch (phone_util ().Parse (cleaned, std::string (region != nullptr ? region : "ZZ", 2), &number))
    {
    case PhoneNumberUtil::NO_PARSING_ERROR:
      return true;

    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
      fail = failure (HERALD_PHONE_NUMBER_ERROR_INVALID_COUNTRY_CODE,
                      _("“%s” does not start with a known country calling code; "
                        "check the digits after the + or 00"),
                      input.quoted ().c_str ());
      return false;

    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
      fail = failure (HERALD_PHONE_NUMBER_ERROR_TOO_SHORT,
                      _("“%s” is too short to be a phone number; check for missing digits"),
                      input.quoted ().c_str ());
      return false;

    case PhoneNumberUtil::TOO_LONG_NSN:
      fail = failure (HERALD_PHONE_NUMBER_ERROR_TOO_LONG,
                      _("“%s” is too long to be a phone number; check for extra digits"),
                      input.quoted ().c_str ());
      return false;

    case PhoneNumberUtil::NOT_A_NUMBER:
    default:
      /* What clean_input () lets through is digits and maybe a '+', so
       * libphonenumber finds "no number" only in one or two digits. */
      if (cleaned.size () - (cleaned[0] == '+' ? 1 : 0) <= 2)
        fail = failure (HERALD_PHONE_NUMBER_ERROR_TOO_SHORT,
                        _("“%s” is too short to be a phone number; check for missing digits"),
                        input.quoted ().c_str ());
      else
        fail = failure (HERALD_PHONE_NUMBER_ERROR_NOT_A_NUMBER,
                        _("“%s” is not a phone number"),
                        input.quoted ().c_str ());
      return false;
    }
}

/* Maps a number libphonenumber parsed but does not know to the most useful
 * complaint. Its own verdict on the length comes first; a number of a
 * possible length is also checked against mobile lengths, so that a Ghana
 * number one digit short is "too short" rather than just "invalid". */
ParseFailure
explain_invalid (const pn::PhoneNumber &number,
                 const std::string     &region,
                 const Input           &input)
{
  const PhoneNumberUtil &util = phone_util ();
  PhoneNumberUtil::ValidationResult reason = util.IsPossibleNumberWithReason (number);
  std::string place = describe_place (region, (guint) number.country_code ());

  if (reason == PhoneNumberUtil::IS_POSSIBLE ||
      reason == PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY ||
      reason == PhoneNumberUtil::INVALID_LENGTH)
    {
      PhoneNumberUtil::ValidationResult mobile_reason =
        util.IsPossibleNumberForTypeWithReason (number, PhoneNumberUtil::MOBILE);

      if (mobile_reason == PhoneNumberUtil::TOO_SHORT || mobile_reason == PhoneNumberUtil::TOO_LONG)
        reason = mobile_reason;
    }

  switch (reason)
    {
    case PhoneNumberUtil::TOO_SHORT:
      return failure (HERALD_PHONE_NUMBER_ERROR_TOO_SHORT,
                      _("“%s” is too short for a number %s; check for missing digits"),
                      input.quoted ().c_str (), place.c_str ());

    case PhoneNumberUtil::TOO_LONG:
      return failure (HERALD_PHONE_NUMBER_ERROR_TOO_LONG,
                      _("“%s” is too long for a number %s; check for extra digits"),
                      input.quoted ().c_str (), place.c_str ());

    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
      return failure (HERALD_PHONE_NUMBER_ERROR_INVALID_COUNTRY_CODE,
                      _("“%s” does not start with a known country calling code; "
                        "check the digits after the + or 00"),
                      input.quoted ().c_str ());

    case PhoneNumberUtil::IS_POSSIBLE:
    case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
    case PhoneNumberUtil::INVALID_LENGTH:
    default:
      return failure (HERALD_PHONE_NUMBER_ERROR_INVALID_FOR_REGION,
                      _("“%s” is not a valid number %s; check the digits and the country"),
                      input.quoted ().c_str (), place.c_str ());
    }
}

using NumberPtr = std::unique_ptr<HeraldPhoneNumber, void (*) (HeraldPhoneNumber *)>;

void
delete_number (HeraldPhoneNumber *self)
{
  delete self;
}

HeraldPhoneNumber *
parse (const char             *input,
       const char             *default_region,
       HeraldPhoneNumberFlags  flags,
       ParseFailure           &fail)
{
  const PhoneNumberUtil &util = phone_util ();
  /* Reused by every parse on a thread: no allocation once it has grown. */
  thread_local std::string cleaned;
  gsize len = input != nullptr ? strnlen (input, HERALD_PHONE_NUMBER_MAX_INPUT + 1) : 0;
  bool has_region = default_region != nullptr && *default_region != '\0';
  Input text { input != nullptr ? input : "", 0 };

  if (len > HERALD_PHONE_NUMBER_MAX_INPUT)
    {
      fail = failure (HERALD_PHONE_NUMBER_ERROR_TOO_LONG,
                      _("The phone number is longer than %d characters; "
                        "check that the field holds one number and nothing else"),
                      HERALD_PHONE_NUMBER_MAX_INPUT);
      return nullptr;
    }

  if (!g_utf8_validate (text.text, (gssize) len, nullptr))
    {
      fail = failure (HERALD_PHONE_NUMBER_ERROR_NOT_A_NUMBER,
                      _("The phone number is not valid UTF-8 text; "
                        "check the character encoding of the file it came from"));
      return nullptr;
    }

  if (has_region && !is_region_code (default_region))
    {
      std::string quoted_region = quote_input (default_region, strnlen (default_region, 16));

      fail = failure (HERALD_PHONE_NUMBER_ERROR_INVALID_REGION,
                      _("“%s” is not a known region; use a two-letter code in capitals, "
                        "such as GH, NG or US"),
                      quoted_region.c_str ());
      return nullptr;
    }

  text.len = len;
  if (!clean_input (text, cleaned, fail))
    return nullptr;

  if (!has_region && cleaned[0] != '+')
    {
      /* 00 is the international prefix of most of the world (and the one
       * ITU-T recommends); without a region it is the only reading. */
      if (cleaned.size () > 2 && cleaned[0] == '0' && cleaned[1] == '0')
        {
          cleaned.replace (0, 2, "+");
        }
      else
        {
          fail = failure (HERALD_PHONE_NUMBER_ERROR_NO_REGION,
                          _("“%s” has no country code and no default region is set; "
                            "write it with + and the country code (such as +233) "
                            "or choose a default region"),
                          text.quoted ().c_str ());
          return nullptr;
        }
    }

  NumberPtr self (new HeraldPhoneNumber (), delete_number);
  g_atomic_ref_count_init (&self->ref_count);

  if (!read_ghana_number (cleaned, has_region && strcmp (default_region, "GH") == 0, self->number) &&
      !parse_with_libphonenumber (cleaned, has_region ? default_region : nullptr, text,
                                  self->number, fail))
    return nullptr;

  /* clean_input () lets no extension through; should libphonenumber ever
   * find one, refuse it rather than drop it silently. */
  if (self->number.has_extension ())
    {
      fail = failure (HERALD_PHONE_NUMBER_ERROR_NOT_A_NUMBER,
                      _("“%s” has an extension; an SMS cannot be sent to an extension"),
                      text.quoted ().c_str ());
      return nullptr;
    }

  self->country_code = (guint) self->number.country_code ();
  util.GetNationalSignificantNumber (self->number, &self->nsn);

  /* libphonenumber's IsValidNumber () is GetNumberType () != UNKNOWN by
   * another road; asking for the type alone saves a second lookup. */
  self->type = type_from_libphonenumber (util.GetNumberType (self->number));
  if (self->type == HERALD_PHONE_NUMBER_TYPE_UNKNOWN)
    self->type = supplementary_type (self->country_code, self->nsn);

  if (self->type == HERALD_PHONE_NUMBER_TYPE_UNKNOWN)
    {
      fail = explain_invalid (self->number, region_of (self->number), text);
      return nullptr;
    }

  if ((flags & HERALD_PHONE_NUMBER_REQUIRE_MOBILE) != 0 &&
      self->type != HERALD_PHONE_NUMBER_TYPE_MOBILE &&
      self->type != HERALD_PHONE_NUMBER_TYPE_FIXED_LINE_OR_MOBILE)
    {
      std::string place = describe_place (region_of (self->number), self->country_code);

      fail = failure (HERALD_PHONE_NUMBER_ERROR_NOT_MOBILE,
                      _("“%s” is a %s number %s, not a mobile number; "
                        "SMS needs a mobile number"),
                      text.quoted ().c_str (), type_to_label (self->type), place.c_str ());
      return nullptr;
    }

  util.Format (self->number, PhoneNumberUtil::E164, &self->e164);
  self->input.assign (input, len);

  return self.release ();
}

/* The text in @slot, made by @make the first time. */
template <typename Make>
const char *
lazy_string (std::atomic<char *> &slot,
             Make                 make)
{
  char *made = slot.load (std::memory_order_acquire);
  char *expected = nullptr;

  if (made != nullptr)
    return made;

  made = g_strdup (make ().c_str ());
  if (!slot.compare_exchange_strong (expected, made,
                                     std::memory_order_acq_rel, std::memory_order_acquire))
    {
      /* Another thread was faster; its copy is the same text. */
      g_free (made);
      return expected;
    }

  return made;
}

const char *
format_once (const HeraldPhoneNumber           *self,
             std::atomic<char *>               &slot,
             PhoneNumberUtil::PhoneNumberFormat format)
{
  return lazy_string (slot, [self, format] {
    std::string text;

    try
      {
        phone_util ().Format (self->number, format, &text);
      }
    catch (const std::exception &e)
      {
        g_critical ("Could not format %s: %s", self->e164.c_str (), e.what ());
        text = self->e164;
      }

    return text;
  });
}


} /* namespace */

extern "C" {

/**
 * herald_phone_number_error_to_reason:
 * @error: a #GError
 *
 * Returns: the short machine-readable reason for @error ("too-short",
 *   "invalid-for-region", …), as `heraldctl --json` prints it, or %NULL if
 *   @error is not in the %HERALD_PHONE_NUMBER_ERROR domain.
 */
const char *
herald_phone_number_error_to_reason (const GError *error)
{
  if (error == nullptr || error->domain != HERALD_PHONE_NUMBER_ERROR)
    return nullptr;

  switch ((HeraldPhoneNumberError) error->code)
    {
    case HERALD_PHONE_NUMBER_ERROR_EMPTY:                return "empty";
    case HERALD_PHONE_NUMBER_ERROR_NOT_A_NUMBER:         return "not-a-number";
    case HERALD_PHONE_NUMBER_ERROR_INVALID_COUNTRY_CODE: return "invalid-country-code";
    case HERALD_PHONE_NUMBER_ERROR_NO_REGION:            return "no-region";
    case HERALD_PHONE_NUMBER_ERROR_TOO_SHORT:            return "too-short";
    case HERALD_PHONE_NUMBER_ERROR_TOO_LONG:             return "too-long";
    case HERALD_PHONE_NUMBER_ERROR_INVALID_FOR_REGION:   return "invalid-for-region";
    case HERALD_PHONE_NUMBER_ERROR_NOT_MOBILE:           return "not-mobile";
    case HERALD_PHONE_NUMBER_ERROR_INVALID_REGION:       return "invalid-region";
    case HERALD_PHONE_NUMBER_ERROR_FAILED:
    default:                                             return "internal-error";
    }
}

/**
 * herald_phone_number_parse:
 * @input: (nullable): what a person typed or a file held
 * @default_region: (nullable): region for numbers written without a country
 *   code, as an upper-case two-letter code ("GH"); %NULL or "" for none
 * @flags: #HeraldPhoneNumberFlags
 * @error: return location for a %HERALD_PHONE_NUMBER_ERROR
 *
 * Reads one phone number: digits with spaces, dashes, dots, parentheses or
 * slashes between them, written internationally (+233…, 00233…, or 233… when
 * the default region's country code starts it) or nationally (024…), and
 * checks it against libphonenumber's numbering plans. %NULL input counts as
 * empty.
 *
 * Returns: (transfer full) (nullable): the number, or %NULL with @error set
 */
HeraldPhoneNumber *
herald_phone_number_parse (const char              *input,
                           const char              *default_region,
                           HeraldPhoneNumberFlags   flags,
                           GError                 **error)
{
  g_return_val_if_fail (error == nullptr || *error == nullptr, nullptr);

  try
    {
      ParseFailure fail { HERALD_PHONE_NUMBER_ERROR_FAILED, {} };
      HeraldPhoneNumber *self = parse (input, default_region, flags, fail);

      if (self == nullptr)
        g_set_error_literal (error, HERALD_PHONE_NUMBER_ERROR, fail.code, fail.message.c_str ());

      return self;
    }
  catch (const std::exception &e)
    {
      g_set_error (error, HERALD_PHONE_NUMBER_ERROR, HERALD_PHONE_NUMBER_ERROR_FAILED,
                   _("The phone number could not be read: %s"), e.what ());
      return nullptr;
    }
  catch (...)
    {
      g_set_error_literal (error, HERALD_PHONE_NUMBER_ERROR, HERALD_PHONE_NUMBER_ERROR_FAILED,
                           _("The phone number could not be read"));
      return nullptr;
    }
}

HeraldPhoneNumber *
herald_phone_number_ref (HeraldPhoneNumber *self)
{
  g_return_val_if_fail (self != nullptr, nullptr);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_phone_number_unref (HeraldPhoneNumber *self)
{
  g_return_if_fail (self != nullptr);

  if (g_atomic_ref_count_dec (&self->ref_count))
    delete self;
}

/**
 * herald_phone_number_get_input:
 *
 * Returns: the text the number was parsed from, unchanged
 */
const char *
herald_phone_number_get_input (const HeraldPhoneNumber *self)
{
  g_return_val_if_fail (self != nullptr, nullptr);

  return self->input.c_str ();
}

/**
 * herald_phone_number_get_e164:
 *
 * Returns: the number in E.164 form, "+233241234567": what Herald stores,
 *   compares and deduplicates, and what FlixySMS receives
 */
const char *
herald_phone_number_get_e164 (const HeraldPhoneNumber *self)
{
  g_return_val_if_fail (self != nullptr, nullptr);

  return self->e164.c_str ();
}

/**
 * herald_phone_number_get_region_code:
 *
 * Returns: the number's region, "GH", or "001" for the few numbers that
 *   belong to no country (international networks such as +882)
 */
const char *
herald_phone_number_get_region_code (const HeraldPhoneNumber *self)
{
  g_return_val_if_fail (self != nullptr, nullptr);

  return lazy_string (self->region, [self] { return region_of (self->number); });
}

guint
herald_phone_number_get_country_code (const HeraldPhoneNumber *self)
{
  g_return_val_if_fail (self != nullptr, 0);

  return self->country_code;
}

/**
 * herald_phone_number_get_national_significant_number:
 *
 * Returns: the digits after the country code, without the national
 *   prefix: "241234567" for +233 24 123 4567
 */
const char *
herald_phone_number_get_national_significant_number (const HeraldPhoneNumber *self)
{
  g_return_val_if_fail (self != nullptr, nullptr);

  return self->nsn.c_str ();
}

HeraldPhoneNumberType
herald_phone_number_get_number_type (const HeraldPhoneNumber *self)
{
  g_return_val_if_fail (self != nullptr, HERALD_PHONE_NUMBER_TYPE_UNKNOWN);

  return self->type;
}

/**
 * herald_phone_number_is_mobile:
 *
 * Returns: whether the number can receive SMS as far as its numbering plan
 *   tells: %TRUE for MOBILE and FIXED_LINE_OR_MOBILE
 */
gboolean
herald_phone_number_is_mobile (const HeraldPhoneNumber *self)
{
  g_return_val_if_fail (self != nullptr, FALSE);

  return self->type == HERALD_PHONE_NUMBER_TYPE_MOBILE ||
         self->type == HERALD_PHONE_NUMBER_TYPE_FIXED_LINE_OR_MOBILE;
}

/**
 * herald_phone_number_get_international:
 *
 * Returns: the number for display, as dialled from abroad: "+233 24 123 4567"
 */
const char *
herald_phone_number_get_international (const HeraldPhoneNumber *self)
{
  g_return_val_if_fail (self != nullptr, nullptr);

  return format_once (self, self->international, PhoneNumberUtil::INTERNATIONAL);
}

/**
 * herald_phone_number_get_national:
 *
 * Returns: the number for display, as dialled in its own country:
 *   "024 123 4567"
 */
const char *
herald_phone_number_get_national (const HeraldPhoneNumber *self)
{
  g_return_val_if_fail (self != nullptr, nullptr);

  return format_once (self, self->national, PhoneNumberUtil::NATIONAL);
}

/**
 * herald_phone_number_format_for_flashsms:
 *
 * FlashSMS documents its recipients as "Ghana: 0XXXXXXXXX or 233XXXXXXXXX"
 * and answers per-recipient status with "phone": "233201234567". Herald
 * sends the second form, country code and national significant number
 * without the '+': it is one of the two documented inputs, it is exactly
 * what the server reports back, so a status matches its recipient by plain
 * string comparison, and unlike the national 0… form it cannot be read as a
 * number of another country. Numbers outside Ghana get the same shape
 * (country code, then the number); the document names no form for them, so
 * whether FlashSMS takes them is the server's call (it lists refusals in
 * "invalidRecipients").
 *
 * Returns: (transfer full): "233241234567" for +233 24 123 4567
 */
char *
herald_phone_number_format_for_flashsms (const HeraldPhoneNumber *self)
{
  g_return_val_if_fail (self != nullptr, nullptr);

  /* E.164 is '+', the country code and the national significant number. */
  return g_strdup (self->e164.c_str () + 1);
}

/**
 * herald_phone_number_type_to_string:
 *
 * Returns: a stable machine name: "mobile", "fixed-line",
 *   "fixed-line-or-mobile", "toll-free", "premium-rate", "shared-cost",
 *   "voip", "personal", "pager", "uan", "voicemail" or "unknown"
 */
const char *
herald_phone_number_type_to_string (HeraldPhoneNumberType type)
{
  switch (type)
    {
    case HERALD_PHONE_NUMBER_TYPE_MOBILE:               return "mobile";
    case HERALD_PHONE_NUMBER_TYPE_FIXED_LINE:           return "fixed-line";
    case HERALD_PHONE_NUMBER_TYPE_FIXED_LINE_OR_MOBILE: return "fixed-line-or-mobile";
    case HERALD_PHONE_NUMBER_TYPE_TOLL_FREE:            return "toll-free";
    case HERALD_PHONE_NUMBER_TYPE_PREMIUM_RATE:         return "premium-rate";
    case HERALD_PHONE_NUMBER_TYPE_SHARED_COST:          return "shared-cost";
    case HERALD_PHONE_NUMBER_TYPE_VOIP:                 return "voip";
    case HERALD_PHONE_NUMBER_TYPE_PERSONAL:             return "personal";
    case HERALD_PHONE_NUMBER_TYPE_PAGER:                return "pager";
    case HERALD_PHONE_NUMBER_TYPE_UAN:                  return "uan";
    case HERALD_PHONE_NUMBER_TYPE_VOICEMAIL:            return "voicemail";
    case HERALD_PHONE_NUMBER_TYPE_UNKNOWN:
    default:                                            return "unknown";
    }
}

/**
 * herald_phone_region_is_valid:
 * @region: (nullable): a region code
 *
 * Returns: whether @region is an upper-case two-letter region code that
 *   libphonenumber has a numbering plan for ("GH", "US"; not "gh", "ZZ" or
 *   "001")
 */
gboolean
herald_phone_region_is_valid (const char *region)
{
  try
    {
      return is_region_code (region);
    }
  catch (...)
    {
      return FALSE;
    }
}

/**
 * herald_phone_region_get_country_code:
 *
 * Returns: the country calling code of @region, 233 for "GH", or 0 if
 *   @region is not valid
 */
guint
herald_phone_region_get_country_code (const char *region)
{
  try
    {
      if (!is_region_code (region))
        return 0;

      return (guint) phone_util ().GetCountryCodeForRegion (std::string (region, 2));
    }
  catch (...)
    {
      return 0;
    }
}

/**
 * herald_phone_region_dup_display_name:
 *
 * Returns: (transfer full) (nullable): the region's name in the user's
 *   language and its code, "Ghana (GH)", or %NULL if @region is not valid
 */
char *
herald_phone_region_dup_display_name (const char *region)
{
  try
    {
      if (!is_region_code (region))
        return nullptr;

      return g_strdup (describe_region (region).c_str ());
    }
  catch (...)
    {
      return nullptr;
    }
}

} /* extern "C" */
