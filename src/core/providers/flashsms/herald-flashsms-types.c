/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flashsms"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "herald-flashsms-types-private.h"
#include "net/herald-provider-error.h"

/* What every FlashSMS value is read with: the enums, the strict JSON
 * readers and the error-body parser. The values themselves are in
 * herald-flashsms-types-send.c (what is sent and what a send returns),
 * -messages.c (balance, history, status, estimate, delivery report),
 * -contacts.c (contacts and imports) and -account.c (groups, sender IDs,
 * templates, transactions, key checks). */

#define MAX_SAFE_INTEGER HERALD_JSON_MAX_SAFE_INTEGER

static const char * const known_scopes[] = {
  "sms:send",
  "sms:read",
  "balance:read",
  "contacts:read",
  "contacts:write",
  "senders:read",
  "templates:read",
  "templates:write",
  "transactions:read",
  NULL,
};

const char * const *
herald_flashsms_get_known_scopes (void)
{
  return known_scopes;
}

/* ---- enums ---------------------------------------------------------------- */

static const char * const status_names[] = {
  [HERALD_FLASHSMS_STATUS_UNKNOWN] = NULL,
  [HERALD_FLASHSMS_STATUS_PENDING] = "PENDING",
  [HERALD_FLASHSMS_STATUS_SENT] = "SENT",
  [HERALD_FLASHSMS_STATUS_DELIVERED] = "DELIVERED",
  [HERALD_FLASHSMS_STATUS_FAILED] = "FAILED",
};

const char *
herald_flashsms_status_to_string (HeraldFlashsmsStatus status)
{
  if ((guint) status >= G_N_ELEMENTS (status_names))
    return NULL;

  return status_names[status];
}

HeraldFlashsmsStatus
herald_flashsms_status_from_string (const char *string)
{
  for (guint i = 1; string != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_ascii_strcasecmp (string, status_names[i]) == 0)
      return (HeraldFlashsmsStatus) i;

  return HERALD_FLASHSMS_STATUS_UNKNOWN;
}

static const char * const transaction_names[] = {
  [HERALD_FLASHSMS_TRANSACTION_UNKNOWN] = NULL,
  [HERALD_FLASHSMS_TRANSACTION_PURCHASE] = "PURCHASE",
  [HERALD_FLASHSMS_TRANSACTION_USAGE] = "USAGE",
  [HERALD_FLASHSMS_TRANSACTION_REFUND] = "REFUND",
  [HERALD_FLASHSMS_TRANSACTION_BONUS] = "BONUS",
  [HERALD_FLASHSMS_TRANSACTION_ADJUSTMENT] = "ADJUSTMENT",
};

const char *
herald_flashsms_transaction_type_to_string (HeraldFlashsmsTransactionType type)
{
  if ((guint) type >= G_N_ELEMENTS (transaction_names))
    return NULL;

  return transaction_names[type];
}

HeraldFlashsmsTransactionType
herald_flashsms_transaction_type_from_string (const char *string)
{
  for (guint i = 1; string != NULL && i < G_N_ELEMENTS (transaction_names); i++)
    if (g_ascii_strcasecmp (string, transaction_names[i]) == 0)
      return (HeraldFlashsmsTransactionType) i;

  return HERALD_FLASHSMS_TRANSACTION_UNKNOWN;
}

/* ---- strict readers --------------------------------------------------------- */

GError *
_herald_flashsms_malformed (const char *endpoint,
                            const char *path,
                            const char *name,
                            const char *expected)
{
  g_autofree char *field = NULL;

  if (path != NULL && name != NULL)
    field = g_strdup_printf ("%s.%s", path, name);
  else
    field = g_strdup (name != NULL ? name : path);

  if (field == NULL)
    return herald_provider_error_new (HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, 0,
                                      _("FlashSMS answered %s with something Herald cannot read: it is not a JSON object."),
                                      endpoint);

  if (expected == NULL)
    return herald_provider_error_new (HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, 0,
                                      _("FlashSMS answered %s with something Herald cannot read: “%s” is missing."),
                                      endpoint, field);

  return herald_provider_error_new (HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, 0,
                                    _("FlashSMS answered %s with something Herald cannot read: “%s” is not %s."),
                                    endpoint, field, expected);
}

/* What a field should have been ("“data.id” is not a string"); a missing
 * field and a body that is no object have their own sentences. */
static const char * const expected_values[] = {
  [HERALD_JSON_PROBLEM_MISSING] = NULL,
  [HERALD_JSON_PROBLEM_NOT_STRING] = N_("a string"),
  [HERALD_JSON_PROBLEM_EMPTY] = N_("a string that is not empty"),
  [HERALD_JSON_PROBLEM_NOT_INTEGER] = N_("an integer"),
  [HERALD_JSON_PROBLEM_OUT_OF_RANGE] = N_("within the expected range"),
  [HERALD_JSON_PROBLEM_NOT_NUMBER] = N_("a number"),
  [HERALD_JSON_PROBLEM_NOT_BOOLEAN] = N_("true or false"),
  [HERALD_JSON_PROBLEM_NOT_OBJECT] = N_("an object"),
  [HERALD_JSON_PROBLEM_NOT_ARRAY] = N_("a list"),
  [HERALD_JSON_PROBLEM_NOT_DATE] = N_("an ISO 8601 date and time"),
};

static GError *
json_error (const char        *endpoint,
            const char        *field,
            HeraldJsonProblem  problem)
{
  const char *expected;

  g_assert ((guint) problem < G_N_ELEMENTS (expected_values));
  expected = field != NULL && expected_values[problem] != NULL ? _(expected_values[problem]) : NULL;

  return _herald_flashsms_malformed (endpoint, NULL, field, expected);
}

const HeraldJsonRules _herald_flashsms_json_rules = { json_error, TRUE };

gboolean
_herald_flashsms_read_envelope (JsonNode          *root,
                                const char        *endpoint,
                                HeraldJsonCursor  *data,
                                GError           **error)
{
  g_autofree char *path = NULL;
  HeraldJsonCursor top;
  gboolean success = TRUE;

  if (!herald_json_read_root (root, &_herald_flashsms_json_rules, endpoint, &top, error))
    return FALSE;

  /* "success" is in every documented answer, but only its value matters:
   * an answer without it is judged by its "data". */
  if (!herald_json_read_bool (&top, "success", HERALD_JSON_OPTIONAL, &success, error))
    return FALSE;

  if (!success)
    {
      g_auto(HeraldFlashsmsErrorInfo) info = { 0 };
      GError *refusal;

      herald_flashsms_error_info_parse (root, &info);
      /* A 2xx that says it failed: a refusal in the wrong envelope. */
      refusal = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_BAD_REQUEST, 0, info.message);
      g_propagate_error (error, refusal);
      return FALSE;
    }

  if (!herald_json_read_object (&top, "data", HERALD_JSON_REQUIRED, data, &path, error))
    return FALSE;
  /* the same path, in storage that outlives this call */
  data->path = "data";

  return TRUE;
}

gboolean
_herald_flashsms_read_pagination (const HeraldJsonCursor      *data,
                                  HeraldFlashsmsPagination    *out,
                                  GError                     **error)
{
  g_autofree char *path = NULL;
  HeraldJsonCursor p;
  gint64 page = 0, limit = 0, total = 0, total_pages = 0;
  gboolean has_more = FALSE;

  if (!herald_json_read_object (data, "pagination", HERALD_JSON_REQUIRED, &p, &path, error) ||
      !herald_json_read_int (&p, "page", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &page, error) ||
      !herald_json_read_int (&p, "limit", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &limit, error) ||
      !herald_json_read_int (&p, "total", HERALD_JSON_REQUIRED, 0, MAX_SAFE_INTEGER, &total, error) ||
      !herald_json_read_int (&p, "totalPages", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &total_pages, error) ||
      !herald_json_read_bool (&p, "hasMore", HERALD_JSON_REQUIRED, &has_more, error))
    return FALSE;

  out->page = (guint) page;
  out->limit = (guint) limit;
  out->total = (guint64) total;
  out->total_pages = (guint) total_pages;
  out->has_more = has_more;

  return TRUE;
}

void
_herald_flashsms_unwrap (const HeraldJsonCursor     *data,
                         const char                 *wrapper,
                         HeraldJsonCursor           *entity,
                         char                      **path_out)
{
  JsonNode *node = json_object_get_member (data->object, wrapper);

  *entity = *data;
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      *path_out = g_strdup_printf ("%s.%s", data->path, wrapper);
      entity->path = *path_out;
      entity->object = json_node_get_object (node);
    }
}


/* ---- error bodies ---------------------------------------------------------- */

void
herald_flashsms_error_info_clear (HeraldFlashsmsErrorInfo *info)
{
  g_clear_pointer (&info->message, g_free);
  g_clear_pointer (&info->scope, g_free);
  info->credits_needed = -1;
  info->balance = -1;
}

static const char *
object_get_string (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_utf8_validate (json_node_get_string (node), -1, NULL))
    return NULL;

  return json_node_get_string (node);
}

static gint64
object_get_count (JsonObject *object,
                  const char *name)
{
  HeraldJsonCursor cursor = { &_herald_flashsms_json_rules, NULL, NULL, object };
  gint64 value = -1;

  /* anything but a count reads as "not given" */
  if (!herald_json_read_int (&cursor, name, HERALD_JSON_OPTIONAL, 0, G_MAXINT64, &value, NULL))
    return -1;

  return value;
}

/* The first number after one of @keywords in @text ("needs 12 credits",
 * "balance is 5", "Required: 1,000"), or -1. */
static gint64
scan_number_after (const char         *text,
                   const char * const *keywords)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);

  for (guint k = 0; keywords[k] != NULL; k++)
    {
      const char *p = strstr (lower, keywords[k]);
      guint skipped = 0;
      gint64 value = 0;
      guint digits = 0;

      if (p == NULL)
        continue;
      p += strlen (keywords[k]);
      while (*p != '\0' && !g_ascii_isdigit (*p) && skipped < 16)
        p++, skipped++;
      for (; *p != '\0' && digits < 15; p++)
        {
          if (g_ascii_isdigit (*p))
            {
              value = value * 10 + (*p - '0');
              digits++;
            }
          else if (!(*p == ',' && g_ascii_isdigit (p[1])))
            break;
        }
      if (digits > 0)
        return value;
    }

  return -1;
}

static void
collect_details (JsonObject              *object,
                 HeraldFlashsmsErrorInfo *info)
{
  static const char * const scope_names[] = {
    "requiredPermission", "requiredScope", "missingPermission", "missingScope",
    "permission", "scope", NULL,
  };
  static const char * const needed_names[] = {
    "creditsRequired", "creditsNeeded", "requiredCredits", "required", "needed", NULL,
  };
  static const char * const balance_names[] = {
    "currentBalance", "balance", "availableCredits", "available", NULL,
  };

  for (guint i = 0; info->scope == NULL && scope_names[i] != NULL; i++)
    info->scope = g_strdup (object_get_string (object, scope_names[i]));
  for (guint i = 0; info->credits_needed < 0 && needed_names[i] != NULL; i++)
    info->credits_needed = object_get_count (object, needed_names[i]);
  for (guint i = 0; info->balance < 0 && balance_names[i] != NULL; i++)
    info->balance = object_get_count (object, balance_names[i]);
}

void
herald_flashsms_error_info_parse (JsonNode                *root,
                                  HeraldFlashsmsErrorInfo *info)
{
  static const char * const nested[] = { "error", "data", "details", NULL };
  static const char * const needed_words[] = { "required", "needed", "needs", "need", NULL };
  static const char * const balance_words[] = { "balance", "available", "have", "has", NULL };
  JsonObject *object;
  JsonNode *error_node;

  info->message = NULL;
  info->scope = NULL;
  info->credits_needed = -1;
  info->balance = -1;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;

  object = json_node_get_object (root);

  /* {"error": "…"} as documented, or {"error": {"message": "…"}}, or {"message": "…"}. */
  error_node = json_object_get_member (object, "error");
  if (error_node != NULL && JSON_NODE_HOLDS_OBJECT (error_node))
    info->message = g_strdup (object_get_string (json_node_get_object (error_node), "message"));
  else
    info->message = g_strdup (object_get_string (object, "error"));
  if (info->message == NULL)
    info->message = g_strdup (object_get_string (object, "message"));

  collect_details (object, info);
  for (guint i = 0; nested[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, nested[i]);

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        collect_details (json_node_get_object (node), info);
    }

  if (info->message == NULL)
    return;

  /* The document shows only {"error": "…"}: the scope and the credits may
   * only be in the sentence. */
  for (guint i = 0; info->scope == NULL && known_scopes[i] != NULL; i++)
    if (strstr (info->message, known_scopes[i]) != NULL)
      info->scope = g_strdup (known_scopes[i]);
  if (info->credits_needed < 0)
    info->credits_needed = scan_number_after (info->message, needed_words);
  if (info->balance < 0)
    info->balance = scan_number_after (info->message, balance_words);
}

GError *
herald_flashsms_error_new_from_response (guint       http_status,
                                         JsonNode   *root,
                                         const char *endpoint)
{
  g_auto(HeraldFlashsmsErrorInfo) info = { 0 };
  HeraldProviderErrorCode code = herald_provider_error_code_for_status (http_status);
  GError *error;

  herald_flashsms_error_info_parse (root, &info);
  g_debug ("%s answered HTTP %u: %s", endpoint, http_status,
           info.message != NULL ? info.message : "(no message)");

  /* The shared wording, made precise by the details FlashSMS gave. */
  error = herald_provider_error_new_for_code (code, http_status, info.message);
  if (code == HERALD_PROVIDER_ERROR_FORBIDDEN)
    herald_provider_error_set_scope (error, info.scope);
  else if (code == HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED)
    herald_provider_error_set_credits (error, info.credits_needed, info.balance);

  return error;
}
