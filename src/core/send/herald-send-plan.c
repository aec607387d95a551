/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-send-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-send-plan.h"
#include "herald-dialect.h"

struct _HeraldSendPlan
{
  gatomicrefcount        ref_count;

  HeraldRecipientList   *recipients;
  HeraldSmsAnalysis     *analysis;        /* NULL: the text cannot be analysed */
  guint                  n_valid;
  guint                  messages;
  guint                  max_characters;
  gint64                 balance;
  HeraldSendPlanBalance  balance_check;
  gint64                 shortfall;
  gboolean               needs_confirmation;
  HeraldSendPlanProblem  problem;
  char                  *problem_message;
};

G_DEFINE_BOXED_TYPE (HeraldSendPlan, herald_send_plan, herald_send_plan_ref, herald_send_plan_unref)

/* The dialect's rules, from its row of the dialect table. */
HeraldPhoneNumberFlags
herald_send_plan_phone_flags_for (HeraldDialect dialect)
{
  const HeraldDialectInfo *info = herald_dialect_get_info (dialect);

  /* FlashSMS sends only to mobiles; FlixySMS lets the phone try any number. */
  return info != NULL && info->mobile_only ? HERALD_PHONE_NUMBER_REQUIRE_MOBILE : HERALD_PHONE_NUMBER_FLAGS_NONE;
}

guint
herald_send_plan_max_characters_for (HeraldDialect dialect)
{
  const HeraldDialectInfo *info = herald_dialect_get_info (dialect);

  return info != NULL ? info->max_characters : 0;
}

static void
check (HeraldSendPlan            *self,
       const HeraldSendPlanInput *input)
{
  guint characters = self->analysis != NULL ? herald_sms_analysis_get_characters (self->analysis) : 0;
  guint credits;

  self->n_valid = herald_recipient_list_get_n_valid (self->recipients);
  self->messages = self->analysis != NULL ? herald_sms_analysis_get_credits (self->analysis, self->n_valid) : 0;
  self->max_characters = herald_send_plan_max_characters_for (input->dialect);
  credits = self->messages;

  self->balance = input->has_credits && input->balance >= 0 ? input->balance : -1;
  if (self->balance < 0)
    self->balance_check = HERALD_SEND_PLAN_BALANCE_UNKNOWN;
  else if ((gint64) credits > self->balance)
    {
      self->balance_check = HERALD_SEND_PLAN_BALANCE_SHORT;
      self->shortfall = (gint64) credits - self->balance;
    }
  else
    self->balance_check = HERALD_SEND_PLAN_BALANCE_ENOUGH;

  /* Only dialects with credits have a cost to confirm. */
  self->needs_confirmation = input->has_credits && credits > input->confirm_threshold;

  /* In the order a person fixes them: who, then what. */
  if (self->n_valid == 0)
    {
      self->problem = HERALD_SEND_PLAN_NO_RECIPIENT;
      self->problem_message = g_strdup (_("Add at least one valid number under Recipients."));
    }
  else if (self->analysis == NULL && input->text != NULL && *input->text != '\0')
    {
      self->problem = HERALD_SEND_PLAN_TEXT_INVALID;
      self->problem_message = g_strdup (_("The message cannot be sent as it is: correct its text."));
    }
  else if (characters == 0)
    {
      self->problem = HERALD_SEND_PLAN_NO_TEXT;
      self->problem_message = g_strdup (_("Write a message first."));
    }
  else if (self->max_characters > 0 && characters > self->max_characters)
    {
      self->problem = HERALD_SEND_PLAN_TOO_LONG;
      self->problem_message = g_strdup_printf (_("%s takes at most %u characters: shorten the message by %u."),
                                               herald_dialect_get_title (input->dialect),
                                               self->max_characters, characters - self->max_characters);
    }
  else
    self->problem = HERALD_SEND_PLAN_OK;
}

HeraldSendPlan *
herald_send_plan_new_for_list (const HeraldSendPlanInput *input,
                               HeraldRecipientList       *recipients)
{
  HeraldSendPlan *self;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (HERALD_IS_RECIPIENT_LIST (recipients), NULL);

  self = g_new0 (HeraldSendPlan, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->recipients = g_object_ref (recipients);
  self->analysis = herald_sms_analyse (input->text != NULL ? input->text : "", -1, NULL);
  check (self, input);

  return self;
}

HeraldSendPlan *
herald_send_plan_new (const HeraldSendPlanInput *input)
{
  g_autoptr(HeraldRecipientList) recipients = NULL;

  g_return_val_if_fail (input != NULL, NULL);

  recipients = herald_recipient_list_new (input->region, herald_send_plan_phone_flags_for (input->dialect));
  herald_recipient_list_set_text (recipients, input->recipients != NULL ? input->recipients : "");

  return herald_send_plan_new_for_list (input, recipients);
}

HeraldSendPlan *
herald_send_plan_ref (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
herald_send_plan_unref (HeraldSendPlan *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_object (&self->recipients);
  g_clear_pointer (&self->analysis, herald_sms_analysis_unref);
  g_free (self->problem_message);
  g_free (self);
}

HeraldRecipientList *
herald_send_plan_get_recipients (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->recipients;
}

guint
herald_send_plan_get_n_valid (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_valid;
}

guint
herald_send_plan_get_n_invalid (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return herald_recipient_list_get_n_invalid (self->recipients);
}

guint
herald_send_plan_get_n_duplicates (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return herald_recipient_list_get_n_merged (self->recipients);
}

char **
herald_send_plan_dup_numbers (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return herald_recipient_list_dup_numbers (self->recipients);
}

HeraldSmsAnalysis *
herald_send_plan_get_analysis (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->analysis;
}

HeraldSmsEncoding
herald_send_plan_get_encoding (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->analysis != NULL ? herald_sms_analysis_get_encoding (self->analysis) : 0;
}

guint
herald_send_plan_get_characters (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->analysis != NULL ? herald_sms_analysis_get_characters (self->analysis) : 0;
}

guint
herald_send_plan_get_parts (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->analysis != NULL ? herald_sms_analysis_get_parts (self->analysis) : 0;
}

guint
herald_send_plan_get_messages (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->messages;
}

guint
herald_send_plan_get_credits (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);
  /* One credit a part, as the providers that count credits bill. */
  return self->messages;
}

guint
herald_send_plan_get_max_characters (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->max_characters;
}

HeraldSendPlanBalance
herald_send_plan_get_balance_check (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, HERALD_SEND_PLAN_BALANCE_UNKNOWN);
  return self->balance_check;
}

gint64
herald_send_plan_get_balance (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->balance;
}

gint64
herald_send_plan_get_shortfall (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->shortfall;
}

gboolean
herald_send_plan_get_needs_confirmation (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->needs_confirmation;
}

HeraldSendPlanProblem
herald_send_plan_get_problem (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, HERALD_SEND_PLAN_OK);
  return self->problem;
}

const char *
herald_send_plan_get_problem_message (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->problem_message;
}

gboolean
herald_send_plan_can_send (HeraldSendPlan *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->problem == HERALD_SEND_PLAN_OK;
}

char *
herald_send_plan_dup_summary (HeraldSendPlan *self)
{
  GString *line = g_string_new (NULL);
  guint n_invalid, n_duplicates, parts;

  g_return_val_if_fail (self != NULL, NULL);

  n_invalid = herald_send_plan_get_n_invalid (self);
  n_duplicates = herald_send_plan_get_n_duplicates (self);
  parts = herald_send_plan_get_parts (self);

  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u valid number", "%u valid numbers", self->n_valid),
                          self->n_valid);
  g_string_append (line, ", ");
  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u invalid", "%u invalid", n_invalid), n_invalid);
  g_string_append (line, ", ");
  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u duplicate", "%u duplicates", n_duplicates),
                          n_duplicates);
  g_string_append (line, "; ");
  if (self->analysis != NULL)
    g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u part (%s)", "%u parts (%s)", parts), parts,
                            herald_sms_encoding_to_string (herald_send_plan_get_encoding (self)));
  else
    g_string_append (line, _("text not countable"));
  g_string_append (line, ", ");
  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u message", "%u messages", self->messages),
                          self->messages);
  g_string_append (line, ", ");
  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u credit", "%u credits", self->messages),
                          self->messages);
  if (self->balance_check == HERALD_SEND_PLAN_BALANCE_SHORT)
    g_string_append_printf (line, _(" — %" G_GINT64_FORMAT " more than the balance of %" G_GINT64_FORMAT),
                            self->shortfall, self->balance);
  else if (self->balance_check == HERALD_SEND_PLAN_BALANCE_ENOUGH)
    g_string_append_printf (line, _(" — balance %" G_GINT64_FORMAT), self->balance);

  return g_string_free (line, FALSE);
}
