/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-bridge-request"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bridge/herald-bridge-request.h"

/* The device bridge's request parsing (bridge/herald-bridge-request.c) on
 * any bytes: the send and bulk bodies, the received query, the bearer
 * header and the route patterns, each fed the whole input. */

/* Aborts even with G_DISABLE_ASSERT: a fuzzer must never skip a check. */
#define CHECK(cond)                                                            \
  G_STMT_START {                                                               \
    if (!(cond))                                                               \
      {                                                                        \
        fprintf (stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
        abort ();                                                              \
      }                                                                        \
  } G_STMT_END

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Exactly one of result and error; the error is the module's, in UTF-8,
 * with a known code. */
static void
check_outcome (gconstpointer  result,
               const GError  *error)
{
  CHECK ((result == NULL) != (error == NULL));
  if (error == NULL)
    return;
  CHECK (error->domain == HERALD_BRIDGE_REQUEST_ERROR);
  CHECK (strcmp (herald_bridge_request_error_code (error), "bad_request") != 0);
  CHECK (error->message != NULL && g_utf8_validate (error->message, -1, NULL));
}

static void
check_e164 (const char *number)
{
  gsize length = strlen (number);

  CHECK (number[0] == '+');
  CHECK (length >= 3 && length <= 16);
  for (gsize i = 1; i < length; i++)
    CHECK (g_ascii_isdigit (number[i]));
}

static void
check_send (const HeraldBridgeSendRequest *request,
            gboolean                       bulk)
{
  if (request == NULL)
    return;
  CHECK (request->recipients->len >= 1);
  CHECK (request->recipients->len + request->invalid->len <= (bulk ? HERALD_BRIDGE_MAX_BULK : 1));
  for (guint i = 0; i < request->recipients->len; i++)
    check_e164 (request->recipients->pdata[i]);
  for (guint i = 0; i < request->invalid->len; i++)
    {
      const HeraldBridgeInvalid *invalid = request->invalid->pdata[i];

      CHECK (g_utf8_validate (invalid->input, -1, NULL));
      CHECK (invalid->reason != NULL && g_utf8_validate (invalid->reason, -1, NULL));
    }
  CHECK (request->message != NULL && *request->message != '\0' && g_utf8_validate (request->message, -1, NULL));
  CHECK (request->device_id == NULL || (*request->device_id != '\0' &&
                                        g_utf8_validate (request->device_id, -1, NULL)));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  static const char * const patterns[] = { "/sms/send", "/sms/status/:id", "/messages/received" };

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HeraldBridgeSendRequest) request = herald_bridge_parse_send ((const char *) data, size, &error);

    check_outcome (request, error);
    check_send (request, FALSE);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HeraldBridgeSendRequest) request = herald_bridge_parse_bulk ((const char *) data, size, &error);

    check_outcome (request, error);
    check_send (request, TRUE);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HeraldBridgeReceivedQuery) query = herald_bridge_parse_received_query (text, &error);

    check_outcome (query, error);
    if (query != NULL)
      {
        CHECK (query->page >= 1);
        CHECK (query->device_id == NULL || g_utf8_validate (query->device_id, -1, NULL));
        if (query->from != NULL)
          check_e164 (query->from);
      }
  }
  {
    const char *key = NULL;
    gsize length = 0;

    if (herald_bridge_parse_bearer (text, &key, &length))
      {
        CHECK (length > 0);
        CHECK (key >= text && key + length <= text + strlen (text));
        CHECK (key[0] != ' ' && key[length - 1] != ' ');
      }
  }
  for (gsize i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autofree char *param = NULL;

      if (herald_bridge_match_path (patterns[i], text, &param))
        {
          CHECK (text[0] == '/');
          CHECK ((param != NULL) == (strchr (patterns[i], ':') != NULL));
          CHECK (param == NULL || (*param != '\0' && g_utf8_validate (param, -1, NULL)));
        }
    }
  return 0;
}
