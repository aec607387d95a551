/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-text"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "herald-core.h"
#include "herald-cli.h"

static char *opt_message;
static char *opt_account;
static char *opt_region;
static int opt_recipients = 1;
static gboolean opt_json;

static const GOptionEntry estimate_entries[] = {
  { "message", 0, 0, G_OPTION_ARG_STRING, &opt_message, N_("Text to analyse"), "TEXT" },
  { "recipients", 0, 0, G_OPTION_ARG_INT, &opt_recipients,
    N_("Number of recipients (default 1)"), "N" },
  { "account", 0, 0, G_OPTION_ARG_STRING, &opt_account,
    N_("Apply this account’s dialect limits and ask its provider for the price, where it gives one"), "NAME" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

static const GOptionEntry number_entries[] = {
  { "region", 0, 0, G_OPTION_ARG_STRING, &opt_region,
    N_("Region for national numbers, e.g. GH"), "CC" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

static char *
describe_character (gunichar ch)
{
  char utf8[7] = { 0 };

  g_unichar_to_utf8 (ch, utf8);
  if (g_unichar_isspace (ch) || !g_unichar_isgraph (ch))
    return g_strdup_printf ("U+%04X", ch);

  return g_strdup_printf ("%s (U+%04X)", utf8, ch);
}

/* ---- estimate --account: the account's dialect and, where it prices
 * messages, its own quote --------------------------------------------- */

/* Asks the provider for its price where it has one (FlashSMS), and checks
 * the dialect's length limit; the local figures stay as they are. */
static gboolean
estimate_for_account (HeraldCliAccount    *account,
                      HeraldSmsAnalysis   *analysis,
                      HeraldCostEstimate **quote,
                      guint               *over_limit,
                      GError             **error)
{
  const HeraldDialectInfo *info = herald_dialect_get_info (herald_account_get_dialect (account->account));
  guint characters = herald_sms_analysis_get_characters (analysis);
  g_autoptr(GAsyncResult) result = NULL;

  *over_limit = info->max_characters > 0 && characters > info->max_characters
                  ? characters - info->max_characters : 0;
  /* The provider would refuse a text over its limit: no request for it. */
  if (*over_limit > 0)
    {
      /* TRANSLATORS: %s is the service's name, "FlashSMS" */
      g_printerr (_("heraldctl: %s takes at most %u characters: shorten the message by %u.\n"),
                  info->title, info->max_characters, *over_limit);
      return TRUE;
    }
  if (!HERALD_IS_COST_ESTIMATOR (account->provider))
    return TRUE;

  herald_cost_estimator_estimate_async (HERALD_COST_ESTIMATOR (account->provider), opt_message,
                                        (guint) opt_recipients, NULL, herald_cli_async_done, &result);
  herald_cli_wait (&result);
  *quote = herald_cost_estimator_estimate_finish (HERALD_COST_ESTIMATOR (account->provider), result, error);

  return *quote != NULL;
}

/* Opens --account and prices the text with it: HERALD_CLI_EXIT_OK, or
 * the exit status after saying why not. */
static int
estimate_with_account (const HeraldCliCommand  *command,
                       HeraldSmsAnalysis       *analysis,
                       HeraldCliAccount        *account,
                       HeraldCostEstimate     **quote,
                       guint                   *over_limit)
{
  g_autoptr(GError) error = NULL;
  int status = herald_cli_open_account (command, opt_account, account);

  if (status != HERALD_CLI_EXIT_OK)
    return status;
  if (!estimate_for_account (account, analysis, quote, over_limit, &error))
    return herald_cli_provider_failure (error);

  return HERALD_CLI_EXIT_OK;
}

static void
add_account_json (JsonBuilder        *builder,
                  HeraldCliAccount   *account,
                  HeraldCostEstimate *quote,
                  guint               over_limit)
{
  HeraldDialect dialect = herald_account_get_dialect (account->account);
  const HeraldDialectInfo *info = herald_dialect_get_info (dialect);

  json_builder_set_member_name (builder, "account");
  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, "name", herald_account_get_name (account->account));
  herald_cli_json_add_string (builder, "dialect", herald_dialect_to_string (dialect));
  herald_cli_json_add_string (builder, "region", herald_account_get_region (account->account));
  herald_cli_json_add_int (builder, "max_characters", info->max_characters);
  herald_cli_json_add_int (builder, "over_limit", over_limit);
  json_builder_end_object (builder);

  if (quote != NULL)
    {
      json_builder_set_member_name (builder, "provider_estimate");
      json_builder_begin_object (builder);
      herald_cli_json_add_int (builder, "parts", quote->parts);
      herald_cli_json_add_string (builder, "encoding", quote->encoding);
      herald_cli_json_add_int (builder, "credits_required", quote->credits_required);
      herald_cli_json_add_count (builder, "balance", quote->current_balance);
      herald_cli_json_add_boolean (builder, "can_afford", quote->can_afford);
      json_builder_end_object (builder);
    }
}

static void
print_account_estimate (HeraldCliAccount   *account,
                        HeraldCostEstimate *quote,
                        guint               over_limit)
{
  HeraldDialect dialect = herald_account_get_dialect (account->account);
  const HeraldDialectInfo *info = herald_dialect_get_info (dialect);
  const char *region = herald_account_get_region (account->account);

  g_print ("%-12s %s (%s%s%s)\n", _("Account:"), herald_account_get_name (account->account), info->title,
           region != NULL ? ", " : "", region != NULL ? region : "");

  if (over_limit > 0)
    return;   /* said on stderr */

  if (quote == NULL)
    {
      /* TRANSLATORS: %s is the service's name, "FlixySMS" */
      g_print (_("%s gives no price before sending: the credits above are counted here, one a part.\n"),
               info->title);
      return;
    }

  g_print ("%s\n", _("The provider’s estimate:"));
  g_print ("  %-12s %u (%s)\n", _("Parts:"), quote->parts, quote->encoding);
  g_print ("  %-12s %" G_GINT64_FORMAT "\n", _("Credits:"), quote->credits_required);
  if (quote->current_balance >= 0)
    g_print ("  %-12s %" G_GINT64_FORMAT " %s\n", _("Balance:"), quote->current_balance,
             quote->can_afford ? _("(enough)")
                               : _("(not enough: buy credits before sending)"));
}

/* The characters that force UCS-2, with what each could become. */
static void
add_ucs2_json (JsonBuilder             *builder,
               const HeraldSmsUcs2Char *ucs2,
               guint                    n_ucs2)
{
  json_builder_set_member_name (builder, "ucs2_characters");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_ucs2; i++)
    {
      char utf8[7] = { 0 };
      g_autofree char *codepoint = g_strdup_printf ("U+%04X", ucs2[i].ch);

      g_unichar_to_utf8 (ucs2[i].ch, utf8);
      json_builder_begin_object (builder);
      herald_cli_json_add_string (builder, "character", utf8);
      herald_cli_json_add_string (builder, "codepoint", codepoint);
      herald_cli_json_add_int (builder, "count", ucs2[i].count);
      herald_cli_json_add_int (builder, "offset", (gint64) ucs2[i].first_offset);
      herald_cli_json_add_string (builder, "replacement", ucs2[i].replacement);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static int
run_estimate (const HeraldCliCommand *command,
              int                     argc,
              char                  **argv)
{
  g_autoptr(HeraldSmsAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *replaced = NULL;
  g_auto(HeraldCliAccount) account = { 0 };
  g_autoptr(HeraldCostEstimate) quote = NULL;
  guint over_limit = 0;
  const HeraldSmsUcs2Char *ucs2;
  gboolean now_gsm7 = FALSE;
  int parts_saved = 0;
  guint n_ucs2 = 0;

  if (argc > 1)
    return herald_cli_usage_error (command, _("Unexpected argument “%s”: pass the text with --message."),
                                   argv[1]);
  if (opt_message == NULL)
    return herald_cli_usage_error (command, _("No text to analyse: pass it with --message TEXT."));
  if (opt_recipients < 1)
    return herald_cli_usage_error (command, _("--recipients must be 1 or more, not %d."),
                                   opt_recipients);

  analysis = herald_sms_analyse (opt_message, -1, &error);
  if (analysis == NULL)
    return herald_cli_usage_error (command, "%s", error->message);

  if (opt_account != NULL)
    {
      int status = estimate_with_account (command, analysis, &account, &quote, &over_limit);

      if (status != HERALD_CLI_EXIT_OK)
        return status;
    }

  ucs2 = herald_sms_analysis_get_ucs2_characters (analysis, &n_ucs2);
  if (n_ucs2 > 0)
    replaced = herald_sms_text_replace_for_gsm7 (opt_message, -1, &parts_saved, &now_gsm7, NULL);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      herald_cli_json_add_string (builder, "encoding",
                                  herald_sms_encoding_to_string (herald_sms_analysis_get_encoding (analysis)));
      herald_cli_json_add_int (builder, "characters", herald_sms_analysis_get_characters (analysis));
      herald_cli_json_add_int (builder, "units", herald_sms_analysis_get_units (analysis));
      herald_cli_json_add_int (builder, "parts", herald_sms_analysis_get_parts (analysis));
      herald_cli_json_add_int (builder, "per_part", herald_sms_analysis_get_per_part (analysis));
      herald_cli_json_add_int (builder, "remaining", herald_sms_analysis_get_remaining (analysis));
      herald_cli_json_add_int (builder, "recipients", opt_recipients);
      herald_cli_json_add_int (builder, "credits", herald_sms_analysis_get_credits (analysis, (guint) opt_recipients));

      add_ucs2_json (builder, ucs2, n_ucs2);

      if (replaced != NULL)
        {
          json_builder_set_member_name (builder, "gsm7_suggestion");
          json_builder_begin_object (builder);
          herald_cli_json_add_string (builder, "text", replaced);
          herald_cli_json_add_int (builder, "parts_saved", parts_saved);
          herald_cli_json_add_boolean (builder, "gsm7", now_gsm7);
          json_builder_end_object (builder);
        }
      if (account.account != NULL)
        add_account_json (builder, &account, quote, over_limit);
      json_builder_end_object (builder);

      herald_cli_print_json (builder);
      return over_limit > 0 ? HERALD_CLI_EXIT_FAILURE : HERALD_CLI_EXIT_OK;
    }

  g_print ("%-12s %s\n", _("Encoding:"),
           herald_sms_encoding_to_string (herald_sms_analysis_get_encoding (analysis)));
  g_print ("%-12s %u\n", _("Characters:"), herald_sms_analysis_get_characters (analysis));
  g_print ("%-12s %u %s\n", _("Units:"), herald_sms_analysis_get_units (analysis),
           herald_sms_analysis_get_encoding (analysis) == HERALD_SMS_ENCODING_GSM7
             ? _("septets") : _("UTF-16 code units"));
  g_print ("%-12s %u (%u %s)\n", _("Parts:"), herald_sms_analysis_get_parts (analysis),
           herald_sms_analysis_get_per_part (analysis), _("per part"));
  g_print ("%-12s %u\n", _("Remaining:"), herald_sms_analysis_get_remaining (analysis));
  g_print ("%-12s %u (%u × %d %s)\n", _("Credits:"),
           herald_sms_analysis_get_credits (analysis, (guint) opt_recipients),
           herald_sms_analysis_get_parts (analysis), opt_recipients, _("recipients"));

  for (guint i = 0; i < n_ucs2; i++)
    {
      g_autofree char *what = describe_character (ucs2[i].ch);

      if (i == 0)
        g_print ("%s\n", _("Characters that force UCS-2:"));
      if (ucs2[i].replacement == NULL)
        g_print ("  %s ×%u\n", what, ucs2[i].count);
      else if (*ucs2[i].replacement == '\0')
        g_print ("  %s ×%u → %s\n", what, ucs2[i].count, _("remove"));
      else
        g_print ("  %s ×%u → %s\n", what, ucs2[i].count, ucs2[i].replacement);
    }
  if (replaced != NULL)
    g_print (now_gsm7 ? _("With the replacements the text is GSM-7 and needs %d part(s) fewer.\n")
                      : _("With the replacements the text stays UCS-2 and needs %d part(s) fewer.\n"),
             parts_saved);

  if (account.account != NULL)
    print_account_estimate (&account, quote, over_limit);

  return over_limit > 0 ? HERALD_CLI_EXIT_FAILURE : HERALD_CLI_EXIT_OK;
}

static int
run_number (const HeraldCliCommand *command,
            int                     argc,
            char                  **argv)
{
  g_autoptr(HeraldPhoneNumber) number = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *region = NULL;

  if (argc != 2)
    return herald_cli_usage_error (command, _("Give exactly one NUMBER to check."));

  if (opt_region != NULL)
    {
      region = g_ascii_strup (opt_region, -1);
      if (!herald_phone_region_is_valid (region))
        return herald_cli_usage_error (command,
                                       _("“%s” is not a known region: give a two-letter code such as GH, NG or US."),
                                       opt_region);
    }

  number = herald_phone_number_parse (argv[1], region, HERALD_PHONE_NUMBER_FLAGS_NONE, &error);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      herald_cli_json_add_string (builder, "input", g_utf8_validate (argv[1], -1, NULL) ? argv[1] : "");
      herald_cli_json_add_boolean (builder, "valid", number != NULL);
      herald_cli_json_add_string (builder, "e164", number != NULL ? herald_phone_number_get_e164 (number) : NULL);
      herald_cli_json_add_string (builder, "region",
                                  number != NULL ? herald_phone_number_get_region_code (number) : NULL);
      herald_cli_json_add_string (builder, "type",
                                  number != NULL ? herald_phone_number_type_to_string (herald_phone_number_get_number_type (number))
                                                 : NULL);
      herald_cli_json_add_string (builder, "international",
                                  number != NULL ? herald_phone_number_get_international (number) : NULL);
      herald_cli_json_add_string (builder, "national",
                                  number != NULL ? herald_phone_number_get_national (number) : NULL);
      herald_cli_json_add_string (builder, "reason", number == NULL ? herald_phone_number_error_to_reason (error) : NULL);
      herald_cli_json_add_string (builder, "message", number == NULL ? error->message : NULL);
      json_builder_end_object (builder);

      herald_cli_print_json (builder);
    }
  else if (number != NULL)
    {
      g_print ("%-15s %s\n", _("E.164:"), herald_phone_number_get_e164 (number));
      g_print ("%-15s %s\n", _("International:"), herald_phone_number_get_international (number));
      g_print ("%-15s %s\n", _("National:"), herald_phone_number_get_national (number));
      g_print ("%-15s %s\n", _("Region:"), herald_phone_number_get_region_code (number));
      g_print ("%-15s %s\n", _("Type:"),
               herald_phone_number_type_to_string (herald_phone_number_get_number_type (number)));
    }
  else
    {
      g_printerr ("heraldctl number: %s\n", error->message);
    }

  /* An invalid number is the check failing: exit 1 so scripts can test it. */
  return number != NULL ? HERALD_CLI_EXIT_OK : HERALD_CLI_EXIT_FAILURE;
}

const HeraldCliCommand herald_cli_text_commands[] = {
  { "estimate", NULL, N_("Count the encoding, parts and credits a message needs"), NULL,
    estimate_entries, run_estimate },
  { "number", N_("NUMBER"), N_("Check a phone number and show it in E.164"),
    N_("Exit status 1 when the number is not valid; the reason is printed (and is in the JSON)."),
    number_entries, run_number },
  { NULL }
};
