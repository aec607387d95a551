/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flashsms"

#include "herald-flashsms-types-private.h"
#include "herald-getter-private.h"

/* Contact groups, sender IDs, templates, credit transactions, and what a
 * key check found. The document shows no body for a created group or a
 * template: "data" itself or "data.group" / "data.template" are accepted,
 * and template lists as {"templates": […]}. */

#define MAX_SAFE_INTEGER HERALD_FLASHSMS_MAX_SAFE_INTEGER

/* ---- groups ------------------------------------------------------------------------------ */

struct _HeraldFlashsmsGroup
{
  gatomicrefcount ref_count;

  char           *id;
  char           *name;
  gint64          contact_count;
  GDateTime      *created_at;
};

G_DEFINE_BOXED_TYPE (HeraldFlashsmsGroup, herald_flashsms_group,
                     herald_flashsms_group_ref, herald_flashsms_group_unref)

HeraldFlashsmsGroup *
herald_flashsms_group_ref (HeraldFlashsmsGroup *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_flashsms_group_unref (HeraldFlashsmsGroup *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->id);
  g_free (self->name);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_free (self);
}

static gpointer
group_read (const HeraldJsonCursor      *cursor,
            GError                     **error)
{
  g_autoptr(HeraldFlashsmsGroup) self = g_new0 (HeraldFlashsmsGroup, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->contact_count = -1;

  if (!herald_json_read_string (cursor, "id", HERALD_JSON_REQUIRED, &self->id, error) ||
      !herald_json_read_string (cursor, "name", HERALD_JSON_REQUIRED, &self->name, error) ||
      !herald_json_read_int (cursor, "contactCount", HERALD_JSON_OPTIONAL, 0, MAX_SAFE_INTEGER,
                                  &self->contact_count, error) ||
      !herald_json_read_time (cursor, "createdAt", HERALD_JSON_OPTIONAL, &self->created_at, error))
    return NULL;

  return g_steal_pointer (&self);
}

HeraldFlashsmsGroup *
herald_flashsms_group_parse (JsonNode    *root,
                             const char  *endpoint,
                             GError     **error)
{
  g_autofree char *path = NULL;
  HeraldJsonCursor data, entity;

  if (!_herald_flashsms_read_envelope (root, endpoint != NULL ? endpoint : "/contacts/groups",
                                       &data, error))
    return NULL;
  _herald_flashsms_unwrap (&data, "group", &entity, &path);

  return group_read (&entity, error);
}

GPtrArray *
herald_flashsms_group_list_parse (JsonNode  *root,
                                  GError   **error)
{
  HeraldJsonCursor data;

  if (!_herald_flashsms_read_envelope (root, "GET /contacts/groups", &data, error))
    return NULL;

  return herald_json_read_items (&data, "groups", group_read,
                                      (GDestroyNotify) herald_flashsms_group_unref, error);
}

HERALD_DEFINE_GETTER (const char *, herald_flashsms_group_get_id, const HeraldFlashsmsGroup, id, NULL)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_group_get_name, const HeraldFlashsmsGroup, name, NULL)
HERALD_DEFINE_GETTER (gint64, herald_flashsms_group_get_contact_count, const HeraldFlashsmsGroup, contact_count, -1)
HERALD_DEFINE_GETTER (GDateTime *, herald_flashsms_group_get_created_at, const HeraldFlashsmsGroup, created_at, NULL)

/* ---- sender IDs ---------------------------------------------------------------------------- */

struct _HeraldFlashsmsSenderId
{
  gatomicrefcount ref_count;

  char           *id;
  char           *name;
  char           *status;
  GDateTime      *created_at;
  GDateTime      *approved_at;
};

G_DEFINE_BOXED_TYPE (HeraldFlashsmsSenderId, herald_flashsms_sender_id,
                     herald_flashsms_sender_id_ref, herald_flashsms_sender_id_unref)

HeraldFlashsmsSenderId *
herald_flashsms_sender_id_ref (HeraldFlashsmsSenderId *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_flashsms_sender_id_unref (HeraldFlashsmsSenderId *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->id);
  g_free (self->name);
  g_free (self->status);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->approved_at, g_date_time_unref);
  g_free (self);
}

static gpointer
sender_id_read (const HeraldJsonCursor      *cursor,
                GError                     **error)
{
  g_autoptr(HeraldFlashsmsSenderId) self = g_new0 (HeraldFlashsmsSenderId, 1);

  g_atomic_ref_count_init (&self->ref_count);

  if (!herald_json_read_string (cursor, "id", HERALD_JSON_REQUIRED, &self->id, error) ||
      !herald_json_read_string (cursor, "name", HERALD_JSON_REQUIRED, &self->name, error) ||
      !herald_json_read_string (cursor, "status", HERALD_JSON_REQUIRED, &self->status, error) ||
      !herald_json_read_time (cursor, "createdAt", HERALD_JSON_OPTIONAL, &self->created_at, error) ||
      !herald_json_read_time (cursor, "approvedAt", HERALD_JSON_OPTIONAL, &self->approved_at, error))
    return NULL;

  return g_steal_pointer (&self);
}

GPtrArray *
herald_flashsms_sender_id_list_parse (JsonNode  *root,
                                      GError   **error)
{
  HeraldJsonCursor data;

  if (!_herald_flashsms_read_envelope (root, "GET /sender-ids", &data, error))
    return NULL;

  return herald_json_read_items (&data, "senderIds", sender_id_read,
                                      (GDestroyNotify) herald_flashsms_sender_id_unref, error);
}

HERALD_DEFINE_GETTER (const char *, herald_flashsms_sender_id_get_id, const HeraldFlashsmsSenderId, id, NULL)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_sender_id_get_name, const HeraldFlashsmsSenderId, name, NULL)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_sender_id_get_status, const HeraldFlashsmsSenderId, status, NULL)
HERALD_DEFINE_GETTER (GDateTime *, herald_flashsms_sender_id_get_created_at, const HeraldFlashsmsSenderId, created_at, NULL)
HERALD_DEFINE_GETTER (GDateTime *, herald_flashsms_sender_id_get_approved_at, const HeraldFlashsmsSenderId, approved_at, NULL)

/* ---- templates --------------------------------------------------------------------------------- */

struct _HeraldFlashsmsTemplate
{
  gatomicrefcount ref_count;

  char           *id;
  char           *name;
  char           *content;
  GDateTime      *created_at;
  GDateTime      *updated_at;
};

G_DEFINE_BOXED_TYPE (HeraldFlashsmsTemplate, herald_flashsms_template,
                     herald_flashsms_template_ref, herald_flashsms_template_unref)

HeraldFlashsmsTemplate *
herald_flashsms_template_ref (HeraldFlashsmsTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_flashsms_template_unref (HeraldFlashsmsTemplate *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->id);
  g_free (self->name);
  g_free (self->content);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_free (self);
}

static gpointer
template_read (const HeraldJsonCursor      *cursor,
               GError                     **error)
{
  g_autoptr(HeraldFlashsmsTemplate) self = g_new0 (HeraldFlashsmsTemplate, 1);

  g_atomic_ref_count_init (&self->ref_count);

  if (!herald_json_read_string (cursor, "id", HERALD_JSON_REQUIRED, &self->id, error) ||
      !herald_json_read_string (cursor, "name", HERALD_JSON_REQUIRED, &self->name, error) ||
      !herald_json_read_string (cursor, "content", HERALD_JSON_REQUIRED, &self->content, error) ||
      !herald_json_read_time (cursor, "createdAt", HERALD_JSON_OPTIONAL, &self->created_at, error) ||
      !herald_json_read_time (cursor, "updatedAt", HERALD_JSON_OPTIONAL, &self->updated_at, error))
    return NULL;

  return g_steal_pointer (&self);
}

HeraldFlashsmsTemplate *
herald_flashsms_template_parse (JsonNode    *root,
                                const char  *endpoint,
                                GError     **error)
{
  g_autofree char *path = NULL;
  HeraldJsonCursor data, entity;

  if (!_herald_flashsms_read_envelope (root, endpoint != NULL ? endpoint : "/templates",
                                       &data, error))
    return NULL;
  _herald_flashsms_unwrap (&data, "template", &entity, &path);

  return template_read (&entity, error);
}

GPtrArray *
herald_flashsms_template_list_parse (JsonNode  *root,
                                     GError   **error)
{
  HeraldJsonCursor data;

  if (!_herald_flashsms_read_envelope (root, "GET /templates", &data, error))
    return NULL;

  return herald_json_read_items (&data, "templates", template_read,
                                      (GDestroyNotify) herald_flashsms_template_unref, error);
}

HERALD_DEFINE_GETTER (const char *, herald_flashsms_template_get_id, const HeraldFlashsmsTemplate, id, NULL)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_template_get_name, const HeraldFlashsmsTemplate, name, NULL)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_template_get_content, const HeraldFlashsmsTemplate, content, NULL)
HERALD_DEFINE_GETTER (GDateTime *, herald_flashsms_template_get_created_at, const HeraldFlashsmsTemplate, created_at, NULL)
HERALD_DEFINE_GETTER (GDateTime *, herald_flashsms_template_get_updated_at, const HeraldFlashsmsTemplate, updated_at, NULL)

/* ---- transactions -------------------------------------------------------------------------------- */

struct _HeraldFlashsmsTransaction
{
  gatomicrefcount               ref_count;

  char                         *id;
  HeraldFlashsmsTransactionType kind;
  char                         *kind_string;
  gint64                        amount;
  gint64                        balance;
  char                         *description;
  char                         *reference;
  GDateTime                    *created_at;
};

G_DEFINE_BOXED_TYPE (HeraldFlashsmsTransaction, herald_flashsms_transaction,
                     herald_flashsms_transaction_ref, herald_flashsms_transaction_unref)

HeraldFlashsmsTransaction *
herald_flashsms_transaction_ref (HeraldFlashsmsTransaction *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_flashsms_transaction_unref (HeraldFlashsmsTransaction *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->id);
  g_free (self->kind_string);
  g_free (self->description);
  g_free (self->reference);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_free (self);
}

static gpointer
transaction_read (const HeraldJsonCursor      *cursor,
                  GError                     **error)
{
  g_autoptr(HeraldFlashsmsTransaction) self = g_new0 (HeraldFlashsmsTransaction, 1);

  g_atomic_ref_count_init (&self->ref_count);

  if (!herald_json_read_string (cursor, "id", HERALD_JSON_REQUIRED, &self->id, error) ||
      !herald_json_read_string (cursor, "type", HERALD_JSON_REQUIRED, &self->kind_string, error) ||
      !herald_json_read_int (cursor, "amount", HERALD_JSON_REQUIRED, -MAX_SAFE_INTEGER, MAX_SAFE_INTEGER,
                                  &self->amount, error) ||
      !herald_json_read_int (cursor, "balance", HERALD_JSON_REQUIRED, -MAX_SAFE_INTEGER, MAX_SAFE_INTEGER,
                                  &self->balance, error) ||
      !herald_json_read_string (cursor, "description", HERALD_JSON_OPTIONAL, &self->description, error) ||
      !herald_json_read_string (cursor, "reference", HERALD_JSON_OPTIONAL, &self->reference, error) ||
      !herald_json_read_time (cursor, "createdAt", HERALD_JSON_REQUIRED, &self->created_at, error))
    return NULL;

  self->kind = herald_flashsms_transaction_type_from_string (self->kind_string);

  return g_steal_pointer (&self);
}

HERALD_DEFINE_GETTER (const char *, herald_flashsms_transaction_get_id, const HeraldFlashsmsTransaction, id, NULL)
HERALD_DEFINE_GETTER (HeraldFlashsmsTransactionType, herald_flashsms_transaction_get_kind, const HeraldFlashsmsTransaction, kind, HERALD_FLASHSMS_TRANSACTION_UNKNOWN)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_transaction_get_kind_string, const HeraldFlashsmsTransaction, kind_string, NULL)
HERALD_DEFINE_GETTER (gint64, herald_flashsms_transaction_get_amount, const HeraldFlashsmsTransaction, amount, 0)
HERALD_DEFINE_GETTER (gint64, herald_flashsms_transaction_get_balance, const HeraldFlashsmsTransaction, balance, 0)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_transaction_get_description, const HeraldFlashsmsTransaction, description, NULL)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_transaction_get_reference, const HeraldFlashsmsTransaction, reference, NULL)
HERALD_DEFINE_GETTER (GDateTime *, herald_flashsms_transaction_get_created_at, const HeraldFlashsmsTransaction, created_at, NULL)

struct _HeraldFlashsmsTransactionPage
{
  gatomicrefcount          ref_count;

  GPtrArray               *transactions;
  HeraldFlashsmsPagination pagination;
};

G_DEFINE_BOXED_TYPE (HeraldFlashsmsTransactionPage, herald_flashsms_transaction_page,
                     herald_flashsms_transaction_page_ref, herald_flashsms_transaction_page_unref)

HeraldFlashsmsTransactionPage *
herald_flashsms_transaction_page_ref (HeraldFlashsmsTransactionPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_flashsms_transaction_page_unref (HeraldFlashsmsTransactionPage *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->transactions, g_ptr_array_unref);
  g_free (self);
}

HeraldFlashsmsTransactionPage *
herald_flashsms_transaction_page_parse (JsonNode  *root,
                                        GError   **error)
{
  g_autoptr(HeraldFlashsmsTransactionPage) self = g_new0 (HeraldFlashsmsTransactionPage, 1);
  HeraldJsonCursor data;

  g_atomic_ref_count_init (&self->ref_count);

  if (!_herald_flashsms_read_envelope (root, "GET /transactions", &data, error))
    return NULL;

  self->transactions = herald_json_read_items (&data, "transactions", transaction_read,
                                                    (GDestroyNotify) herald_flashsms_transaction_unref,
                                                    error);
  if (self->transactions == NULL ||
      !_herald_flashsms_read_pagination (&data, &self->pagination, error))
    return NULL;

  return g_steal_pointer (&self);
}

HERALD_DEFINE_GETTER (GPtrArray *, herald_flashsms_transaction_page_get_transactions, const HeraldFlashsmsTransactionPage, transactions, NULL)

const HeraldFlashsmsPagination *
herald_flashsms_transaction_page_get_pagination (const HeraldFlashsmsTransactionPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->pagination;
}

/* ---- key check ---------------------------------------------------------------------------------- */

struct _HeraldFlashsmsKeyCheck
{
  gatomicrefcount        ref_count;

  HeraldFlashsmsBalance *balance;
  GStrv                  granted;
  GStrv                  missing;
  GStrv                  undetermined;
};

G_DEFINE_BOXED_TYPE (HeraldFlashsmsKeyCheck, herald_flashsms_key_check,
                     herald_flashsms_key_check_ref, herald_flashsms_key_check_unref)

static GStrv
strv_copy_or_empty (const char * const *strv)
{
  const char * const empty[] = { NULL };

  return g_strdupv ((char **) (strv != NULL ? strv : empty));
}

HeraldFlashsmsKeyCheck *
_herald_flashsms_key_check_new (HeraldFlashsmsBalance *balance,
                                const char * const    *granted,
                                const char * const    *missing,
                                const char * const    *undetermined)
{
  HeraldFlashsmsKeyCheck *self = g_new0 (HeraldFlashsmsKeyCheck, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->balance = balance != NULL ? herald_flashsms_balance_ref (balance) : NULL;
  self->granted = strv_copy_or_empty (granted);
  self->missing = strv_copy_or_empty (missing);
  self->undetermined = strv_copy_or_empty (undetermined);

  return self;
}

HeraldFlashsmsKeyCheck *
herald_flashsms_key_check_ref (HeraldFlashsmsKeyCheck *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_flashsms_key_check_unref (HeraldFlashsmsKeyCheck *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->balance, herald_flashsms_balance_unref);
  g_strfreev (self->granted);
  g_strfreev (self->missing);
  g_strfreev (self->undetermined);
  g_free (self);
}

HERALD_DEFINE_GETTER (HeraldFlashsmsBalance *, herald_flashsms_key_check_get_balance, const HeraldFlashsmsKeyCheck, balance, NULL)

const char * const *
herald_flashsms_key_check_get_granted (const HeraldFlashsmsKeyCheck *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->granted;
}

const char * const *
herald_flashsms_key_check_get_missing (const HeraldFlashsmsKeyCheck *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->missing;
}

const char * const *
herald_flashsms_key_check_get_undetermined (const HeraldFlashsmsKeyCheck *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->undetermined;
}

gboolean
herald_flashsms_key_check_has_scope (const HeraldFlashsmsKeyCheck *self,
                                     const char                   *scope)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->granted, scope);
}
