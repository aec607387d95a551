/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flixysms"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "herald-flixysms-types-private.h"
#include "net/herald-provider-error.h"

/* How every FlixySMS answer is read: its envelope, the wording of a field
 * that cannot be read, and the server's own words in an error. The values:
 * herald-flixysms-types-send.c (sends, bulk, status) and -received.c
 * (received messages). */

#define SERVER_MESSAGE_MAX_CHARS 200
/* bytes of a plain-text body worth looking at for those characters */
#define SERVER_TEXT_MAX_BYTES    ((gsize) 4 * SERVER_MESSAGE_MAX_CHARS)

/* Field errors */

/* Translators: the first %s is an endpoint name ("send", "bulk", "status",
 * "received messages"), the second a JSON field name */
static const char * const field_problems[] = {
  [HERALD_JSON_PROBLEM_MISSING] = N_("The FlixySMS %s response has no “%s” field"),
  [HERALD_JSON_PROBLEM_NOT_STRING] = N_("The FlixySMS %s response has a “%s” field that is not text"),
  [HERALD_JSON_PROBLEM_EMPTY] = N_("The FlixySMS %s response has an empty “%s” field"),
  [HERALD_JSON_PROBLEM_NOT_INTEGER] = N_("The FlixySMS %s response has a “%s” field that is not a whole number"),
  [HERALD_JSON_PROBLEM_OUT_OF_RANGE] = N_("The FlixySMS %s response has a “%s” field out of range"),
  [HERALD_JSON_PROBLEM_NOT_NUMBER] = N_("The FlixySMS %s response has a “%s” field that is not a number"),
  [HERALD_JSON_PROBLEM_NOT_BOOLEAN] = N_("The FlixySMS %s response has a “%s” field that is not true or false"),
  [HERALD_JSON_PROBLEM_NOT_OBJECT] = N_("The FlixySMS %s response has a “%s” field that is not an object"),
  [HERALD_JSON_PROBLEM_NOT_ARRAY] = N_("The FlixySMS %s response has a “%s” field that is not a list"),
  [HERALD_JSON_PROBLEM_NOT_DATE] = N_("The FlixySMS %s response has a “%s” field that is not a date"),
};

static GError *
json_error (const char        *endpoint,
            const char        *field,
            HeraldJsonProblem  problem)
{
  g_autofree char *detail = NULL;

  g_assert ((guint) problem < G_N_ELEMENTS (field_problems));

  if (field == NULL)
    /* Translators: %s is an endpoint name ("send", "status", …) */
    detail = g_strdup_printf (_("The FlixySMS %s response is not a JSON object"), endpoint);
  else
    detail = g_strdup_printf (_(field_problems[problem]), endpoint, field);
  g_debug ("malformed %s response: %s", endpoint, detail);

  return herald_provider_error_new (HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, 0, "%s", detail);
}

/* integers are JSON integers: FlixySMS never writes "2.0" */
const HeraldJsonRules _herald_flixysms_json_rules = { json_error, FALSE };

gboolean
_herald_flixysms_read_root (JsonNode          *root,
                            const char        *endpoint,
                            HeraldJsonCursor  *top,
                            GError           **error)
{
  gboolean success = TRUE;

  if (!herald_json_read_root (root, &_herald_flixysms_json_rules, endpoint, top, error) ||
      !herald_json_read_bool (top, "success", HERALD_JSON_OPTIONAL, &success, error))
    return FALSE;

  if (!success)
    {
      /* a refusal dressed as a success: the request was not carried out */
      g_autofree char *server_message = herald_flixysms_dup_server_message (root, NULL);

      g_propagate_error (error, herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_BAD_REQUEST,
                                                                    0, server_message));
      return FALSE;
    }

  return TRUE;
}

/* The member @name, or NULL when it is absent or null. */
static JsonNode *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

/* Server messages and errors */

/* One line of printable text, at most SERVER_MESSAGE_MAX_CHARS characters;
 * NULL when nothing is left. */
static char *
clean_server_text (const char *text,
                   gssize      length)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *end;
  const char *p;
  guint chars = 0;

  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate_len (text, length, &end))
    length = end - text;

  for (p = text; p < text + length && chars < SERVER_MESSAGE_MAX_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
        {
          if (clean->len > 0 && clean->str[clean->len - 1] != ' ')
            g_string_append_c (clean, ' ');
        }
      else
        {
          g_string_append_unichar (clean, c);
          chars++;
        }
    }
  g_strstrip (clean->str);
  g_string_set_size (clean, strlen (clean->str));
  if (clean->len == 0)
    return NULL;
  if (p < text + length)
    g_string_append (clean, "…");

  return g_string_free (g_steal_pointer (&clean), FALSE);
}

char *
herald_flixysms_dup_server_message (JsonNode *root,
                                    GBytes   *body)
{
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *node = member (object, "error");

      /* "error": "…", or "error": {"message": "…"}; some servers say "message" */
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        node = member (json_node_get_object (node), "message");
      if (node == NULL)
        node = member (object, "message");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING)
        return clean_server_text (json_node_get_string (node), -1);

      return NULL;
    }

  if (root != NULL && JSON_NODE_HOLDS_VALUE (root) && json_node_get_value_type (root) == G_TYPE_STRING)
    return clean_server_text (json_node_get_string (root), -1);

  if (root == NULL && body != NULL && g_bytes_get_size (body) > 0)
    {
      gsize size;
      const char *data = g_bytes_get_data (body, &size);
      gsize start = 0;

      while (start < size && g_ascii_isspace (data[start]))
        start++;
      /* an HTML error page says nothing a person should read in a dialog */
      if (start < size && data[start] != '<' && data[start] != '{' && data[start] != '[')
        return clean_server_text (data + start, MIN (size - start, SERVER_TEXT_MAX_BYTES));
    }

  return NULL;
}

GError *
herald_flixysms_error_new_for_status (guint       http_status,
                                      const char *server_message)
{
  /* FlixySMS's 503 means "no device online", not a server failure */
  HeraldProviderErrorCode code = http_status == 503 ? HERALD_PROVIDER_ERROR_NO_DEVICE
                                                    : herald_provider_error_code_for_status (http_status);

  return herald_provider_error_new_for_code (code, http_status, server_message);
}
