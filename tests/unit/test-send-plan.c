/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The checked send plan: exact figures for the recipients as typed and the
 * text, per dialect, with the balance check and the confirmation. */
#include "config.h"

#include <string.h>

#include "herald-core.h"

static HeraldSendPlanInput
flixysms_input (const char *recipients,
                const char *text)
{
  HeraldSendPlanInput input = {
    .text = text,
    .recipients = recipients,
    .dialect = HERALD_DIALECT_FLIXYSMS,
    .region = "GH",
    .has_credits = FALSE,
    .balance = -1,
    .confirm_threshold = G_MAXUINT,
  };

  return input;
}

static HeraldSendPlanInput
flashsms_input (const char *recipients,
                const char *text,
                gint64      balance,
                guint       threshold)
{
  HeraldSendPlanInput input = {
    .text = text,
    .recipients = recipients,
    .dialect = HERALD_DIALECT_FLASHSMS,
    .region = "GH",
    .has_credits = TRUE,
    .balance = balance,
    .confirm_threshold = threshold,
  };

  return input;
}

static void
test_counts (void)
{
  HeraldSendPlanInput input = flixysms_input ("024 123 4567, 024 123 456\n0201234567; +233241234567",
                                              "The shop opens at 9 tomorrow.");
  g_autoptr(HeraldSendPlan) plan = herald_send_plan_new (&input);
  HeraldRecipientList *list = herald_send_plan_get_recipients (plan);
  g_auto(GStrv) numbers = herald_send_plan_dup_numbers (plan);
  g_autofree char *summary = herald_send_plan_dup_summary (plan);

  g_assert_cmpuint (herald_send_plan_get_n_valid (plan), ==, 2);
  g_assert_cmpuint (herald_send_plan_get_n_invalid (plan), ==, 1);
  g_assert_cmpuint (herald_send_plan_get_n_duplicates (plan), ==, 1);
  g_assert_cmpuint (g_strv_length (numbers), ==, 2);
  g_assert_cmpstr (numbers[0], ==, "+233241234567");
  g_assert_cmpstr (numbers[1], ==, "+233201234567");

  /* The invalid one, as typed, with its reason. */
  g_assert_cmpstr (herald_recipient_list_get_input (list, 1), ==, "024 123 456");
  g_assert_cmpstr (herald_recipient_list_get_reason (list, 1), ==, "too-short");
  g_assert_nonnull (herald_recipient_list_get_message (list, 1));

  g_assert_cmpint (herald_send_plan_get_encoding (plan), ==, HERALD_SMS_ENCODING_GSM7);
  g_assert_cmpuint (herald_send_plan_get_characters (plan), ==, 29);
  g_assert_cmpuint (herald_send_plan_get_parts (plan), ==, 1);
  g_assert_cmpuint (herald_send_plan_get_messages (plan), ==, 2);
  g_assert_cmpuint (herald_send_plan_get_credits (plan), ==, 2);
  g_assert_cmpuint (herald_send_plan_get_max_characters (plan), ==, 0);

  /* FlixySMS has no credits: no balance check, nothing to confirm. */
  g_assert_cmpint (herald_send_plan_get_balance_check (plan), ==, HERALD_SEND_PLAN_BALANCE_UNKNOWN);
  g_assert_cmpint (herald_send_plan_get_balance (plan), ==, -1);
  g_assert_false (herald_send_plan_get_needs_confirmation (plan));
  g_assert_cmpint (herald_send_plan_get_problem (plan), ==, HERALD_SEND_PLAN_OK);
  g_assert_null (herald_send_plan_get_problem_message (plan));
  g_assert_true (herald_send_plan_can_send (plan));

  g_assert_cmpstr (summary, ==, "2 valid numbers, 1 invalid, 1 duplicate; 1 part (GSM-7), 2 messages, 2 credits");
}

static void
test_parts_and_short_balance (void)
{
  g_autofree char *text = g_strnfill (161, 'a');
  HeraldSendPlanInput input = flashsms_input ("0241234567\n0201234567", text, 3, 2);
  g_autoptr(HeraldSendPlan) plan = herald_send_plan_new (&input);
  g_autofree char *summary = herald_send_plan_dup_summary (plan);

  /* 161 GSM-7 characters: two parts of 153. */
  g_assert_cmpuint (herald_send_plan_get_parts (plan), ==, 2);
  g_assert_cmpuint (herald_send_plan_get_messages (plan), ==, 4);
  g_assert_cmpuint (herald_send_plan_get_credits (plan), ==, 4);
  g_assert_cmpuint (herald_send_plan_get_max_characters (plan), ==, 918);

  g_assert_cmpint (herald_send_plan_get_balance_check (plan), ==, HERALD_SEND_PLAN_BALANCE_SHORT);
  g_assert_cmpint (herald_send_plan_get_balance (plan), ==, 3);
  g_assert_cmpint (herald_send_plan_get_shortfall (plan), ==, 1);
  g_assert_true (herald_send_plan_get_needs_confirmation (plan));
  /* Short is not refused here: the provider says so (402) with its figures. */
  g_assert_true (herald_send_plan_can_send (plan));

  g_assert_cmpstr (summary, ==, "2 valid numbers, 0 invalid, 0 duplicates; 2 parts (GSM-7), 4 messages, 4 credits"
                                " — 1 more than the balance of 3");
}

static void
test_balance_enough_and_threshold (void)
{
  HeraldSendPlanInput input = flashsms_input ("0241234567, 0201234567, 0271234567", "Hi", 10, 3);
  g_autoptr(HeraldSendPlan) plan = herald_send_plan_new (&input);
  g_autofree char *summary = NULL;

  g_assert_cmpuint (herald_send_plan_get_credits (plan), ==, 3);
  g_assert_cmpint (herald_send_plan_get_balance_check (plan), ==, HERALD_SEND_PLAN_BALANCE_ENOUGH);
  g_assert_cmpint (herald_send_plan_get_shortfall (plan), ==, 0);
  /* At the threshold, not above it. */
  g_assert_false (herald_send_plan_get_needs_confirmation (plan));

  input.confirm_threshold = 2;
  g_clear_pointer (&plan, herald_send_plan_unref);
  plan = herald_send_plan_new (&input);
  g_assert_true (herald_send_plan_get_needs_confirmation (plan));

  /* Unknown balance: no check, the confirmation still by the threshold. */
  input.balance = -1;
  g_clear_pointer (&plan, herald_send_plan_unref);
  plan = herald_send_plan_new (&input);
  g_assert_cmpint (herald_send_plan_get_balance_check (plan), ==, HERALD_SEND_PLAN_BALANCE_UNKNOWN);
  g_assert_true (herald_send_plan_get_needs_confirmation (plan));

  input.balance = 10;
  g_clear_pointer (&plan, herald_send_plan_unref);
  plan = herald_send_plan_new (&input);
  summary = herald_send_plan_dup_summary (plan);
  g_assert_cmpstr (summary, ==, "3 valid numbers, 0 invalid, 0 duplicates; 1 part (GSM-7), 3 messages, 3 credits"
                                " — balance 10");
}

static void
test_ucs2 (void)
{
  /* 71 UCS-2 characters: one more than a single part holds. */
  g_autoptr(GString) text = g_string_new ("☕");
  HeraldSendPlanInput input;
  g_autoptr(HeraldSendPlan) plan = NULL;

  for (guint i = 0; i < 70; i++)
    g_string_append_c (text, 'x');
  input = flixysms_input ("0241234567", text->str);
  plan = herald_send_plan_new (&input);

  g_assert_cmpint (herald_send_plan_get_encoding (plan), ==, HERALD_SMS_ENCODING_UCS2);
  g_assert_cmpuint (herald_send_plan_get_characters (plan), ==, 71);
  g_assert_cmpuint (herald_send_plan_get_parts (plan), ==, 2);
  g_assert_cmpuint (herald_send_plan_get_messages (plan), ==, 2);
}

static void
test_flashsms_mobiles_only (void)
{
  /* 030 is a Ghanaian fixed line: a number for FlixySMS, not for FlashSMS. */
  HeraldSendPlanInput flixy = flixysms_input ("0302123456", "Hello");
  HeraldSendPlanInput flash = flashsms_input ("0302123456", "Hello", -1, G_MAXUINT);
  g_autoptr(HeraldSendPlan) flixy_plan = herald_send_plan_new (&flixy);
  g_autoptr(HeraldSendPlan) flash_plan = herald_send_plan_new (&flash);

  g_assert_cmpuint (herald_send_plan_get_n_valid (flixy_plan), ==, 1);
  g_assert_cmpuint (herald_send_plan_get_n_valid (flash_plan), ==, 0);
  g_assert_cmpuint (herald_send_plan_get_n_invalid (flash_plan), ==, 1);
  g_assert_cmpstr (herald_recipient_list_get_reason (herald_send_plan_get_recipients (flash_plan), 0), ==,
                   "not-mobile");
  g_assert_cmpint (herald_send_plan_get_problem (flash_plan), ==, HERALD_SEND_PLAN_NO_RECIPIENT);
  g_assert_cmpstr (herald_send_plan_get_problem_message (flash_plan), ==,
                   "Add at least one valid number under Recipients.");
  g_assert_false (herald_send_plan_can_send (flash_plan));
}

static void
test_problems (void)
{
  g_autofree char *long_text = g_strnfill (919, 'a');
  g_autofree char *max_text = g_strnfill (918, 'a');
  HeraldSendPlanInput none = flixysms_input ("", "Hello");
  HeraldSendPlanInput empty = flixysms_input ("0241234567", "");
  HeraldSendPlanInput too_long = flashsms_input ("0241234567", long_text, -1, G_MAXUINT);
  HeraldSendPlanInput at_max = flashsms_input ("0241234567", max_text, -1, G_MAXUINT);
  HeraldSendPlanInput flixy_long = flixysms_input ("0241234567", long_text);
  g_autoptr(HeraldSendPlan) plan = NULL;

  plan = herald_send_plan_new (&none);
  g_assert_cmpint (herald_send_plan_get_problem (plan), ==, HERALD_SEND_PLAN_NO_RECIPIENT);
  g_assert_cmpuint (herald_send_plan_get_messages (plan), ==, 0);
  g_clear_pointer (&plan, herald_send_plan_unref);

  plan = herald_send_plan_new (&empty);
  g_assert_cmpint (herald_send_plan_get_problem (plan), ==, HERALD_SEND_PLAN_NO_TEXT);
  g_assert_cmpstr (herald_send_plan_get_problem_message (plan), ==, "Write a message first.");
  g_clear_pointer (&plan, herald_send_plan_unref);

  plan = herald_send_plan_new (&too_long);
  g_assert_cmpint (herald_send_plan_get_problem (plan), ==, HERALD_SEND_PLAN_TOO_LONG);
  g_assert_cmpstr (herald_send_plan_get_problem_message (plan), ==,
                   "FlashSMS takes at most 918 characters: shorten the message by 1.");
  g_assert_cmpuint (herald_send_plan_get_parts (plan), ==, 7);
  g_clear_pointer (&plan, herald_send_plan_unref);

  plan = herald_send_plan_new (&at_max);
  g_assert_true (herald_send_plan_can_send (plan));
  g_assert_cmpuint (herald_send_plan_get_parts (plan), ==, 6);
  g_clear_pointer (&plan, herald_send_plan_unref);

  /* FlixySMS has no such limit. */
  plan = herald_send_plan_new (&flixy_long);
  g_assert_true (herald_send_plan_can_send (plan));
}

static void
test_for_list (void)
{
  g_autoptr(HeraldRecipientList) list = herald_recipient_list_new ("GH", HERALD_PHONE_NUMBER_FLAGS_NONE);
  HeraldSendPlanInput input = flixysms_input (NULL, "Hello");
  g_autoptr(HeraldSendPlan) plan = NULL;

  herald_recipient_list_set_text (list, "0241234567 0201234567");
  plan = herald_send_plan_new_for_list (&input, list);
  g_assert_true (herald_send_plan_get_recipients (plan) == list);
  g_assert_cmpuint (herald_send_plan_get_n_valid (plan), ==, 2);
  g_assert_cmpuint (herald_send_plan_get_credits (plan), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/send-plan/counts", test_counts);
  g_test_add_func ("/send-plan/parts-and-short-balance", test_parts_and_short_balance);
  g_test_add_func ("/send-plan/balance-enough-and-threshold", test_balance_enough_and_threshold);
  g_test_add_func ("/send-plan/ucs2", test_ucs2);
  g_test_add_func ("/send-plan/flashsms-mobiles-only", test_flashsms_mobiles_only);
  g_test_add_func ("/send-plan/problems", test_problems);
  g_test_add_func ("/send-plan/for-list", test_for_list);

  return g_test_run ();
}
