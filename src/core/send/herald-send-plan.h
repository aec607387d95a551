/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "herald-types.h"
#include "text/herald-phone-number.h"
#include "text/herald-recipient-list.h"
#include "text/herald-sms-text.h"

G_BEGIN_DECLS

/* A checked send plan: what a send of a text to recipients as typed would
 * be, before anything goes out. The Compose page shows it and `heraldctl
 * send` prints it, so that both say the same figures:
 *
 *  - the recipients read for the account's region and dialect (FlashSMS
 *    sends only to mobiles): valid numbers, invalid ones with the reason,
 *    duplicates merged (the HeraldRecipientList);
 *  - the text's encoding, characters and parts (the HeraldSmsAnalysis);
 *  - messages (parts × valid recipients) and credits (one a part, as the
 *    providers that count credits bill);
 *  - the balance check, where the dialect has credits and the balance is
 *    known;
 *  - whether to ask before sending (credits above a threshold, for dialects
 *    with credits);
 *  - the first problem that stops the send, if any.
 *
 * Immutable; reference counted. */

typedef struct _HeraldSendPlan HeraldSendPlan;

#define HERALD_TYPE_SEND_PLAN (herald_send_plan_get_type ())
GType herald_send_plan_get_type (void) G_GNUC_CONST;

typedef struct
{
  const char    *text;               /* NULL: empty */
  const char    *recipients;         /* as typed; ignored by new_for_list */
  HeraldDialect  dialect;
  const char    *region;             /* the account's; NULL: numbers need a + */
  gboolean       has_credits;        /* the dialect counts credits (HERALD_PROVIDER_FEATURE_BALANCE) */
  gint64         balance;            /* credits; -1 unknown */
  guint          confirm_threshold;  /* ask above this many credits; G_MAXUINT: never */
} HeraldSendPlanInput;

typedef enum
{
  HERALD_SEND_PLAN_BALANCE_UNKNOWN,   /* no balance known, or the dialect has no credits */
  HERALD_SEND_PLAN_BALANCE_ENOUGH,
  HERALD_SEND_PLAN_BALANCE_SHORT,     /* the send costs more than the balance */
} HeraldSendPlanBalance;

typedef enum
{
  HERALD_SEND_PLAN_OK,
  HERALD_SEND_PLAN_NO_RECIPIENT,      /* no valid number */
  HERALD_SEND_PLAN_NO_TEXT,           /* nothing to send */
  HERALD_SEND_PLAN_TEXT_INVALID,      /* the text cannot be encoded (invalid UTF-8, …) */
  HERALD_SEND_PLAN_TOO_LONG,          /* more characters than the dialect takes */
} HeraldSendPlanProblem;

/* The per-dialect rules the plan applies: the phone number flags the
 * recipients are read with, and the most characters a message may have
 * (0: no limit but the parts). */
HeraldPhoneNumberFlags herald_send_plan_phone_flags_for    (HeraldDialect dialect);
guint                  herald_send_plan_max_characters_for (HeraldDialect dialect);

/* Reads @input->recipients. */
HeraldSendPlan        *herald_send_plan_new              (const HeraldSendPlanInput *input);
/* Over a list already read (the Compose page's, which lists the entries as
 * they are typed); it should have the region of @input and the flags of
 * herald_send_plan_phone_flags_for (). The plan keeps a reference. */
HeraldSendPlan        *herald_send_plan_new_for_list     (const HeraldSendPlanInput *input,
                                                          HeraldRecipientList       *recipients);
HeraldSendPlan        *herald_send_plan_ref              (HeraldSendPlan *self);
void                   herald_send_plan_unref            (HeraldSendPlan *self);

HeraldRecipientList   *herald_send_plan_get_recipients   (HeraldSendPlan *self);
guint                  herald_send_plan_get_n_valid      (HeraldSendPlan *self);
guint                  herald_send_plan_get_n_invalid    (HeraldSendPlan *self);
/* Copies folded into an earlier entry. */
guint                  herald_send_plan_get_n_duplicates (HeraldSendPlan *self);
/* The valid numbers in E.164, each once, in order; g_strfreev(). */
char                 **herald_send_plan_dup_numbers      (HeraldSendPlan *self);

/* NULL when the text cannot be analysed (then the figures below are 0). */
HeraldSmsAnalysis     *herald_send_plan_get_analysis     (HeraldSendPlan *self);
HeraldSmsEncoding      herald_send_plan_get_encoding     (HeraldSendPlan *self);
guint                  herald_send_plan_get_characters   (HeraldSendPlan *self);
/* Parts of one message. */
guint                  herald_send_plan_get_parts        (HeraldSendPlan *self);
/* Parts × valid recipients (G_MAXUINT on overflow). */
guint                  herald_send_plan_get_messages     (HeraldSendPlan *self);
guint                  herald_send_plan_get_credits      (HeraldSendPlan *self);
guint                  herald_send_plan_get_max_characters (HeraldSendPlan *self);

HeraldSendPlanBalance  herald_send_plan_get_balance_check (HeraldSendPlan *self);
/* -1 when unknown. */
gint64                 herald_send_plan_get_balance      (HeraldSendPlan *self);
/* Credits missing when SHORT, else 0. */
gint64                 herald_send_plan_get_shortfall    (HeraldSendPlan *self);
gboolean               herald_send_plan_get_needs_confirmation (HeraldSendPlan *self);

HeraldSendPlanProblem  herald_send_plan_get_problem      (HeraldSendPlan *self);
/* A sentence saying what to do, NULL when OK. */
const char            *herald_send_plan_get_problem_message (HeraldSendPlan *self);
gboolean               herald_send_plan_can_send         (HeraldSendPlan *self);

/* One line of the figures for people ("2 valid numbers, 1 invalid, 0
 * duplicates; 1 part (GSM-7), 2 messages, 2 credits"), without a newline. */
char                  *herald_send_plan_dup_summary      (HeraldSendPlan *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldSendPlan, herald_send_plan_unref)

G_END_DECLS
