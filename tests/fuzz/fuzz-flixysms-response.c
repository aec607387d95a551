/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-flixysms-response"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "providers/flixysms/herald-flixysms-types.h"
#include "net/herald-provider-error.h"

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

/* Exactly one of result and error; a parser fails only as MALFORMED_RESPONSE,
 * or as BAD_REQUEST for a body that says "success": false. */
static void
check_outcome (gconstpointer  result,
               const GError  *error)
{
  CHECK ((result == NULL) != (error == NULL));
  if (error == NULL)
    return;

  CHECK (error->domain == HERALD_PROVIDER_ERROR);
  CHECK (error->code == HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE ||
         error->code == HERALD_PROVIDER_ERROR_BAD_REQUEST);
  CHECK (error->message != NULL && g_utf8_validate (error->message, -1, NULL));
}

static void
check_optional_text (const char *text)
{
  CHECK (text == NULL || g_utf8_validate (text, -1, NULL));
}

static void
check_server_message (const char *text)
{
  if (text == NULL)
    return;

  CHECK (g_utf8_validate (text, -1, NULL));
  CHECK (*text != '\0');
  CHECK (text[0] != ' ' && text[strlen (text) - 1] != ' ');
  CHECK (strchr (text, '\n') == NULL && strchr (text, '\r') == NULL && strchr (text, '\t') == NULL);
  /* 200 characters and an ellipsis at most */
  CHECK (g_utf8_strlen (text, -1) <= 2 * 200 + 1);
}

static void
check_received_message (HeraldFlixysmsReceivedMessage *message)
{
  CHECK (herald_flixysms_received_message_get_id (message) != NULL);
  CHECK (*herald_flixysms_received_message_get_id (message) != '\0');
  CHECK (herald_flixysms_received_message_get_from (message) != NULL);
  CHECK (herald_flixysms_received_message_get_message (message) != NULL);
  CHECK (herald_flixysms_received_message_get_received_at (message) != NULL);
  check_optional_text (herald_flixysms_received_message_get_device_id (message));
  check_optional_text (herald_flixysms_received_message_get_device_name (message));
  check_optional_text (herald_flixysms_received_message_get_device_phone (message));
  check_optional_text (herald_flixysms_received_message_get_message_type (message));
  CHECK (herald_flixysms_received_message_get_sim_slot (message) >= -1);
  CHECK (herald_flixysms_received_message_get_sim_slot (message) <= 255);
}

static void
run_parsers (JsonNode *root,
             GBytes   *body)
{
  g_autoptr(GError) send_error = NULL;
  g_autoptr(GError) bulk_error = NULL;
  g_autoptr(GError) status_error = NULL;
  g_autoptr(GError) page_error = NULL;
  g_autoptr(GError) item_error = NULL;
  g_autoptr(HeraldFlixysmsSendResult) send = NULL;
  g_autoptr(HeraldFlixysmsBulkResult) bulk = NULL;
  g_autoptr(HeraldFlixysmsMessageStatus) status = NULL;
  g_autoptr(HeraldFlixysmsReceivedPage) page = NULL;
  g_autoptr(HeraldFlixysmsReceivedMessage) item = NULL;
  g_autofree char *server_message = NULL;
  static const guint statuses[] = { 400, 401, 403, 404, 418, 429, 500, 503 };

  send = herald_flixysms_send_result_parse (root, &send_error);
  check_outcome (send, send_error);
  if (send != NULL)
    {
      CHECK (*herald_flixysms_send_result_get_message_id (send) != '\0');
      CHECK (*herald_flixysms_send_result_get_status (send) != '\0');
      check_optional_text (herald_flixysms_send_result_get_device_id (send));
      check_optional_text (herald_flixysms_send_result_get_to (send));
      check_optional_text (herald_flixysms_send_result_get_message (send));
      check_optional_text (herald_flixysms_send_result_get_media_url (send));
    }

  bulk = herald_flixysms_bulk_result_parse (root, &bulk_error);
  check_outcome (bulk, bulk_error);
  if (bulk != NULL)
    {
      guint n_ids = G_MAXUINT;
      const char * const *ids = herald_flixysms_bulk_result_get_message_ids (bulk, &n_ids);
      g_autoptr(HeraldFlixysmsBulkReport) report = herald_flixysms_bulk_report_new ();

      CHECK (ids != NULL && n_ids != G_MAXUINT && ids[n_ids] == NULL);
      for (guint i = 0; i < n_ids; i++)
        CHECK (ids[i] != NULL && *ids[i] != '\0');
      CHECK (herald_flixysms_bulk_result_get_total (bulk) <= G_MAXINT32);
      check_optional_text (herald_flixysms_bulk_result_get_device_id (bulk));

      /* the report keeps every ID of every batch */
      herald_flixysms_bulk_report_add_batch (report, bulk);
      herald_flixysms_bulk_report_add_batch (report, bulk);
      herald_flixysms_bulk_report_get_message_ids (report, &n_ids);
      CHECK (n_ids == 2 * g_strv_length ((GStrv) ids));
    }

  status = herald_flixysms_message_status_parse (root, &status_error);
  check_outcome (status, status_error);
  if (status != NULL)
    {
      CHECK (*herald_flixysms_message_status_get_message_id (status) != '\0');
      CHECK (*herald_flixysms_message_status_get_status (status) != '\0');
      check_optional_text (herald_flixysms_message_status_get_device_id (status));
    }

  page = herald_flixysms_received_page_parse (root, &page_error);
  check_outcome (page, page_error);
  if (page != NULL)
    {
      GListModel *items = herald_flixysms_received_page_get_items (page);
      JsonArray *data = json_object_get_array_member (json_node_get_object (root), "data");

      CHECK (g_list_model_get_n_items (items) == json_array_get_length (data));
      CHECK (g_list_model_get_item_type (items) == HERALD_TYPE_FLIXYSMS_RECEIVED_MESSAGE);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(HeraldFlixysmsReceivedMessage) message = g_list_model_get_item (items, i);

          check_received_message (message);
        }
    }

  item = herald_flixysms_received_message_parse (root, &item_error);
  check_outcome (item, item_error);
  if (item != NULL)
    check_received_message (item);

  /* every element of any "data" array, as the pager would see it */
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *data = json_object_get_member (json_node_get_object (root), "data");

      if (data != NULL && JSON_NODE_HOLDS_ARRAY (data))
        for (guint i = 0; i < json_array_get_length (json_node_get_array (data)) && i < 64; i++)
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(HeraldFlixysmsReceivedMessage) message =
              herald_flixysms_received_message_parse (json_array_get_element (json_node_get_array (data), i),
                                                      &error);

            check_outcome (message, error);
            if (message != NULL)
              check_received_message (message);
          }
    }

  server_message = herald_flixysms_dup_server_message (root, body);
  check_server_message (server_message);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GError) error = herald_flixysms_error_new_for_status (statuses[i], server_message);

      CHECK (error != NULL && error->domain == HERALD_PROVIDER_ERROR);
      CHECK (g_utf8_validate (error->message, -1, NULL));
      CHECK (herald_provider_error_get_http_status (error) == statuses[i]);
      /* tidied again by the error module, but there when there was one */
      CHECK ((herald_provider_error_get_server_message (error) == NULL) <= (server_message == NULL) ||
             strspn (server_message, ". ") == strlen (server_message));
      check_optional_text (herald_provider_error_get_server_message (error));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  JsonNode *root = NULL;

  if (json_parser_load_from_data (parser, (const char *) data, size, NULL))
    root = json_parser_get_root (parser);

  /* as JSON when it is, and always as the raw body of an error */
  run_parsers (root, body);
  if (root != NULL)
    run_parsers (NULL, body);

  return 0;
}
