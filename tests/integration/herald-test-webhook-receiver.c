/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test-webhook-receiver"

#include "herald-test-webhook-receiver.h"

static void
request_free (gpointer data)
{
  HeraldTestWebhookRequest *request = data;

  g_free (request->path);
  g_bytes_unref (request->body);
  g_free (request->content_type);
  g_free (request->timestamp);
  g_free (request->signature);
  g_free (request);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *message,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  HeraldTestWebhookReceiver *self = user_data;
  HeraldTestWebhookRequest *request = g_new0 (HeraldTestWebhookRequest, 1);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  guint status = 200;

  request->path = g_strdup (path);
  request->body = soup_message_body_flatten (soup_server_message_get_request_body (message));
  request->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  request->timestamp = g_strdup (soup_message_headers_get_one (headers, "X-Timestamp"));
  request->signature = g_strdup (soup_message_headers_get_one (headers, "X-Signature"));
  g_ptr_array_add (self->requests, request);

  if (self->hang)
    {
      soup_server_message_pause (message);
      g_ptr_array_add (self->held, g_object_ref (message));
      return;
    }
  if (!g_queue_is_empty (&self->statuses))
    status = GPOINTER_TO_UINT (g_queue_pop_head (&self->statuses));
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, "{}", 2);
}

static void
listen_on (HeraldTestWebhookReceiver *self,
           guint                      port)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  soup_server_listen_local (self->server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  self->port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

HeraldTestWebhookReceiver *
herald_test_webhook_receiver_new (void)
{
  HeraldTestWebhookReceiver *self = g_new0 (HeraldTestWebhookReceiver, 1);

  g_queue_init (&self->statuses);
  self->requests = g_ptr_array_new_with_free_func (request_free);
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
  listen_on (self, 0);
  return self;
}

void
herald_test_webhook_receiver_free (HeraldTestWebhookReceiver *self)
{
  for (guint i = 0; i < self->held->len; i++)
    {
      soup_server_message_set_status (self->held->pdata[i], 503, NULL);
      soup_server_message_unpause (self->held->pdata[i]);
    }
  g_ptr_array_unref (self->held);
  g_clear_object (&self->server);
  g_queue_clear (&self->statuses);
  g_ptr_array_unref (self->requests);
  g_free (self);
}

char *
herald_test_webhook_receiver_url (HeraldTestWebhookReceiver *self,
                                  const char                *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", self->port, path);
}

void
herald_test_webhook_receiver_answer (HeraldTestWebhookReceiver *self,
                                     guint                      status)
{
  g_queue_push_tail (&self->statuses, GUINT_TO_POINTER (status));
}

void
herald_test_webhook_receiver_down (HeraldTestWebhookReceiver *self)
{
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
}

void
herald_test_webhook_receiver_up (HeraldTestWebhookReceiver *self)
{
  g_assert_null (self->server);
  listen_on (self, self->port);
}

guint
herald_test_webhook_receiver_count (HeraldTestWebhookReceiver *self,
                                    const char                *path)
{
  guint n = 0;

  for (guint i = 0; i < self->requests->len; i++)
    {
      HeraldTestWebhookRequest *request = self->requests->pdata[i];

      if (path == NULL || g_strcmp0 (request->path, path) == 0)
        n++;
    }
  return n;
}

HeraldTestWebhookRequest *
herald_test_webhook_receiver_nth (HeraldTestWebhookReceiver *self,
                                  const char                *path,
                                  guint                      n)
{
  for (guint i = 0; i < self->requests->len; i++)
    {
      HeraldTestWebhookRequest *request = self->requests->pdata[i];

      if (path != NULL && g_strcmp0 (request->path, path) != 0)
        continue;
      if (n-- == 0)
        return request;
    }
  g_assert_not_reached ();
  return NULL;
}

JsonObject *
herald_test_webhook_request_json (HeraldTestWebhookRequest *request)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (request->body, &length);
  JsonNode *root;

  json_parser_load_from_data (parser, data, (gssize) length, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}
