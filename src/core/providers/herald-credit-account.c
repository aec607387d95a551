/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-provider"

#include "config.h"

#include "herald-credit-account.h"
#include "herald-value-private.h"

static const char * const kind_names[] = {
  [HERALD_TRANSACTION_UNKNOWN] = NULL,
  [HERALD_TRANSACTION_PURCHASE] = "purchase",
  [HERALD_TRANSACTION_USAGE] = "usage",
  [HERALD_TRANSACTION_REFUND] = "refund",
  [HERALD_TRANSACTION_BONUS] = "bonus",
  [HERALD_TRANSACTION_ADJUSTMENT] = "adjustment",
};

const char *
herald_transaction_kind_to_string (HeraldTransactionKind kind)
{
  return (guint) kind < G_N_ELEMENTS (kind_names) ? kind_names[kind] : NULL;
}

HeraldTransactionKind
herald_transaction_kind_from_string (const char *string)
{
  for (guint i = 0; string != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (kind_names[i] != NULL && g_ascii_strcasecmp (string, kind_names[i]) == 0)
      return (HeraldTransactionKind) i;
  return HERALD_TRANSACTION_UNKNOWN;
}

/* ---- HeraldBalanceDetails ------------------------------------------------- */

static void
herald_balance_details_clear (HeraldBalanceDetails *self)
{
  g_free (self->currency);
  g_free (self->account_name);
  g_free (self->account_phone);
}

HERALD_DEFINE_VALUE (HeraldBalanceDetails, herald_balance_details, herald_balance_details_clear)

HERALD_DEFINE_VALUE_NEW (HeraldBalanceDetails, herald_balance_details)

/* ---- HeraldTransaction ---------------------------------------------------- */

static void
herald_transaction_clear (HeraldTransaction *self)
{
  g_free (self->id);
  g_free (self->kind_string);
  g_free (self->description);
  g_free (self->reference);
  g_clear_pointer (&self->created_at, g_date_time_unref);
}

HERALD_DEFINE_VALUE (HeraldTransaction, herald_transaction, herald_transaction_clear)

HERALD_DEFINE_VALUE_NEW (HeraldTransaction, herald_transaction)

/* ---- the interface -------------------------------------------------------- */

HERALD_DEFINE_CAPABILITY (HeraldCreditAccount, herald_credit_account)

void
herald_credit_account_get_balance_details_async (HeraldCreditAccount *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_CREDIT_ACCOUNT (self));
  HERALD_CREDIT_ACCOUNT_GET_IFACE (self)->get_balance_details (self,
                                                               g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (HeraldBalanceDetails *, herald_credit_account_get_balance_details_finish, HeraldCreditAccount)

void
herald_credit_account_list_transactions_async (HeraldCreditAccount           *self,
                                               const HeraldTransactionFilter *filter,
                                               guint                          page,
                                               guint                          limit,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback            callback,
                                               gpointer                       user_data)
{
  g_return_if_fail (HERALD_IS_CREDIT_ACCOUNT (self));
  HERALD_CREDIT_ACCOUNT_GET_IFACE (self)->list_transactions (self, filter, page, limit,
                                                             g_task_new (self, cancellable, callback, user_data));
}

HERALD_DEFINE_CAPABILITY_FINISH (HeraldRemotePage *, herald_credit_account_list_transactions_finish, HeraldCreditAccount)
