/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "herald-provider.h"
#include "herald-provider-values.h"

G_BEGIN_DECLS

/* HeraldCreditAccount: a provider that sells credits and keeps their
 * record: the balance with the account it belongs to, and the
 * transactions (purchases, usage, refunds…). Optional, with HeraldProvider
 * as its prerequisite: test with HERALD_IS_CREDIT_ACCOUNT (provider). */

/* In the order a UI lists them after "All" (UNKNOWN, which as a filter
 * means "any"). */
typedef enum
{
  HERALD_TRANSACTION_UNKNOWN,
  HERALD_TRANSACTION_PURCHASE,
  HERALD_TRANSACTION_USAGE,
  HERALD_TRANSACTION_REFUND,
  HERALD_TRANSACTION_BONUS,
  HERALD_TRANSACTION_ADJUSTMENT,
} HeraldTransactionKind;

/* "purchase", "usage", "refund", "bonus", "adjustment"; NULL for UNKNOWN. */
const char            *herald_transaction_kind_to_string   (HeraldTransactionKind  kind);
/* Any case; UNKNOWN for anything else. */
HeraldTransactionKind  herald_transaction_kind_from_string (const char            *string);

/* Every member may be left empty (UNKNOWN / NULL). */
typedef struct
{
  HeraldTransactionKind  kind;
  GDateTime             *since;
  GDateTime             *until;
} HeraldTransactionFilter;

#define HERALD_TYPE_BALANCE_DETAILS (herald_balance_details_get_type ())
typedef struct
{
  gint64  balance;
  char   *currency;        /* nullable */
  char   *account_name;    /* nullable */
  char   *account_phone;   /* nullable */
} HeraldBalanceDetails;

HERALD_DECLARE_VALUE (HeraldBalanceDetails, herald_balance_details)
HeraldBalanceDetails *herald_balance_details_new (void);

#define HERALD_TYPE_TRANSACTION (herald_transaction_get_type ())
typedef struct
{
  char                  *id;
  HeraldTransactionKind  kind;
  char                  *kind_string;     /* the dialect's own word: "PURCHASE" */
  gint64                 amount;          /* negative for usage */
  gint64                 balance_after;
  char                  *description;     /* nullable */
  char                  *reference;       /* nullable; for usage, the message id */
  GDateTime             *created_at;
} HeraldTransaction;

HERALD_DECLARE_VALUE (HeraldTransaction, herald_transaction)
HeraldTransaction *herald_transaction_new (void);

#define HERALD_TYPE_CREDIT_ACCOUNT (herald_credit_account_get_type ())
G_DECLARE_INTERFACE (HeraldCreditAccount, herald_credit_account, HERALD, CREDIT_ACCOUNT, HeraldProvider)

/* Each member answers the task it is given (transfer full; the provider
 * its source object) with the call's value: a pointer, or a boolean for
 * deletes. The *_async functions make the task, the *_finish ones
 * propagate it. */
struct _HeraldCreditAccountInterface
{
  GTypeInterface parent_iface;

  void (*get_balance_details) (HeraldCreditAccount *self,
                               GTask               *task);
  void (*list_transactions) (HeraldCreditAccount           *self,
                             const HeraldTransactionFilter *filter,
                             guint                          page,
                             guint                          limit,
                             GTask                         *task);
};

/* The balance with what the provider says about the account it belongs to. */
void herald_credit_account_get_balance_details_async (HeraldCreditAccount *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
HeraldBalanceDetails *herald_credit_account_get_balance_details_finish (HeraldCreditAccount  *self,
                                                                        GAsyncResult         *result,
                                                                        GError              **error);

/* One page of credit transactions, newest first: a HeraldRemotePage of
 * HeraldTransaction. @filter may be NULL; @page from 1 (0: the first);
 * @limit 0: the provider's default. */
void herald_credit_account_list_transactions_async (HeraldCreditAccount           *self,
                                                    const HeraldTransactionFilter *filter,
                                                    guint                          page,
                                                    guint                          limit,
                                                    GCancellable                  *cancellable,
                                                    GAsyncReadyCallback            callback,
                                                    gpointer                       user_data);
HeraldRemotePage *herald_credit_account_list_transactions_finish (HeraldCreditAccount  *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);

G_END_DECLS
