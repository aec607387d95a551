/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-fake-http"

#include <string.h>
#include <sys/socket.h>

#include "herald-fake-http.h"

#define STREAM_CHUNK_BYTES (64 * 1024)

struct _HeraldFakeHttp
{
  SoupServer            *server;
  char                  *url;
  guint                  port;
  HeraldFakeHttpHandler  handler;
  gpointer               handler_data;
  guint                  request_count;

  guint                  limit;
  guint                  window_seconds;
  GHashTable            *window_counts;   /* window index → requests */
  gint64                 first_window;
  guint                  rejected;
  guint                  rejected_after_first;

  GPtrArray             *delayed;         /* Delayed, answers held back */
  guint                  abandoned;

  guint64                streamed_bytes;
  guint                  open_streams;
};

typedef struct
{
  HeraldFakeHttp    *fake;
  SoupServerMessage *msg;
  guint              timeout_id;
  GSource           *hangup_source;
  gulong             disconnected_id;
} Delayed;

typedef struct
{
  HeraldFakeHttp *fake;
  guint64         remaining;
  GBytes         *chunk;
} Stream;

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
herald_fake_iterate_until (HeraldFakeCondition done,
                           gpointer            user_data,
                           guint               timeout_ms)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  gboolean timed_out = FALSE;
  gboolean result;
  GSource *guard = g_timeout_source_new (timeout_ms);

  /* Wakes the loop at the deadline even when nothing else happens. */
  g_source_set_callback (guard, timed_out_cb, &timed_out, NULL);
  g_source_attach (guard, context);

  while (!(result = done (user_data)) && !timed_out)
    g_main_context_iteration (context, TRUE);

  g_source_destroy (guard);
  g_source_unref (guard);

  return result;
}

guint
herald_fake_unused_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_nonnull (socket);
  g_assert_true (g_socket_bind (socket, address, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  g_assert_nonnull (bound);
  g_socket_close (socket, NULL);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* HeraldFakeHttp */

static void
delayed_free (gpointer data)
{
  Delayed *delayed = data;

  g_clear_handle_id (&delayed->timeout_id, g_source_remove);
  if (delayed->hangup_source != NULL)
    g_source_destroy (delayed->hangup_source);
  g_clear_pointer (&delayed->hangup_source, g_source_unref);
  g_clear_signal_handler (&delayed->disconnected_id, delayed->msg);
  g_clear_object (&delayed->msg);
  g_free (delayed);
}

/* The answer goes out now; libsoup finds out itself if nobody listens. */
static void
delayed_release (Delayed *delayed,
                 gboolean abandoned)
{
  HeraldFakeHttp *fake = delayed->fake;
  SoupServerMessage *msg = g_object_ref (delayed->msg);

  if (abandoned)
    fake->abandoned++;

  g_ptr_array_remove_fast (fake->delayed, delayed);
  soup_server_message_unpause (msg);
  g_object_unref (msg);
}

static gboolean
delayed_timeout_cb (gpointer user_data)
{
  Delayed *delayed = user_data;

  delayed->timeout_id = 0;
  delayed_release (delayed, FALSE);

  return G_SOURCE_REMOVE;
}

static gboolean
delayed_hangup_cb (GSocket      *socket,
                   GIOCondition  condition,
                   gpointer      user_data)
{
  Delayed *delayed = user_data;
  g_autoptr(GError) error = NULL;
  char byte;
  GInputVector vector = { &byte, 1 };
  int flags = G_SOCKET_MSG_PEEK;
  gssize peeked;

  /* Readable with nothing to read: the client closed its end. */
  peeked = g_socket_receive_message (socket, NULL, &vector, 1, NULL, NULL, &flags, NULL, &error);
  if (peeked < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    return G_SOURCE_CONTINUE;

  g_clear_pointer (&delayed->hangup_source, g_source_unref);
  /* More bytes (TLS records, a pipelined request): stop watching. */
  if (peeked > 0)
    return G_SOURCE_REMOVE;

  delayed_release (delayed, TRUE);

  return G_SOURCE_REMOVE;
}

static void
delayed_disconnected_cb (SoupServerMessage *msg,
                         gpointer           user_data)
{
  delayed_release (user_data, TRUE);
}

void
herald_fake_http_respond_later (HeraldFakeHttp    *fake,
                                SoupServerMessage *msg,
                                guint              delay_ms)
{
  Delayed *delayed = g_new0 (Delayed, 1);
  GSocket *socket = soup_server_message_get_socket (msg);

  delayed->fake = fake;
  delayed->msg = g_object_ref (msg);
  soup_server_message_pause (msg);
  delayed->timeout_id = g_timeout_add (delay_ms, delayed_timeout_cb, delayed);
  delayed->disconnected_id = g_signal_connect (msg, "disconnected",
                                               G_CALLBACK (delayed_disconnected_cb), delayed);
  /* libsoup does not watch a paused connection: notice a hang-up here. A
   * peek never takes bytes libsoup would need. */
  if (socket != NULL)
    {
      delayed->hangup_source = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
      g_source_set_callback (delayed->hangup_source, G_SOURCE_FUNC (delayed_hangup_cb), delayed, NULL);
      g_source_attach (delayed->hangup_source, g_main_context_get_thread_default ());
    }
  g_ptr_array_add (fake->delayed, delayed);
}

guint
herald_fake_http_get_abandoned_count (HeraldFakeHttp *fake)
{
  return fake->abandoned;
}

static void
stream_free (gpointer data)
{
  Stream *stream = data;

  g_bytes_unref (stream->chunk);
  g_free (stream);
}

static void
stream_write_next (SoupServerMessage *msg,
                   gpointer           user_data)
{
  Stream *stream = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  gsize size = (gsize) MIN (stream->remaining, (guint64) g_bytes_get_size (stream->chunk));

  if (size == 0)
    {
      soup_message_body_complete (body);
      return;
    }

  if (size == g_bytes_get_size (stream->chunk))
    {
      soup_message_body_append_bytes (body, stream->chunk);
    }
  else
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (stream->chunk, 0, size);

      soup_message_body_append_bytes (body, part);
    }
  stream->remaining -= size;
  stream->fake->streamed_bytes += size;
}

static void
stream_finished_cb (SoupServerMessage *msg,
                    gpointer           user_data)
{
  Stream *stream = user_data;

  stream->fake->open_streams--;
  g_signal_handlers_disconnect_by_data (msg, stream);
  stream_free (stream);
}

void
herald_fake_http_stream_body (HeraldFakeHttp    *fake,
                              SoupServerMessage *msg,
                              guint              status,
                              guint64            total_bytes)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  Stream *stream = g_new0 (Stream, 1);
  char *filler = g_malloc (STREAM_CHUNK_BYTES);

  memset (filler, 'x', STREAM_CHUNK_BYTES);
  stream->fake = fake;
  stream->remaining = total_bytes;
  stream->chunk = g_bytes_new_take (filler, STREAM_CHUNK_BYTES);
  fake->open_streams++;

  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "text/plain", NULL);
  g_signal_connect (msg, "wrote-headers", G_CALLBACK (stream_write_next), stream);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (stream_write_next), stream);
  g_signal_connect (msg, "finished", G_CALLBACK (stream_finished_cb), stream);
}

guint64
herald_fake_http_get_streamed_bytes (HeraldFakeHttp *fake)
{
  return fake->streamed_bytes;
}

guint
herald_fake_http_get_open_streams (HeraldFakeHttp *fake)
{
  return fake->open_streams;
}

void
herald_fake_http_reply_json (SoupServerMessage *msg,
                             guint              status,
                             const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

/* TRUE when the request is refused (429 already set). */
static gboolean
apply_rate_limit (HeraldFakeHttp    *fake,
                  SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  gint64 now = g_get_real_time ();
  gint64 window_usec = (gint64) fake->window_seconds * G_USEC_PER_SEC;
  gint64 index = now / window_usec;
  gint64 reset = (index + 1) * fake->window_seconds;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (fake->window_counts, &index)) + 1;
  g_autofree char *limit_text = g_strdup_printf ("%u", fake->limit);
  g_autofree char *remaining_text = g_strdup_printf ("%u", count >= fake->limit ? 0 : fake->limit - count);
  g_autofree char *reset_text = g_strdup_printf ("%" G_GINT64_FORMAT, reset);

  g_hash_table_insert (fake->window_counts, g_memdup2 (&index, sizeof index), GUINT_TO_POINTER (count));
  if (fake->first_window < 0)
    fake->first_window = index;

  soup_message_headers_replace (headers, "X-RateLimit-Limit", limit_text);
  soup_message_headers_replace (headers, "X-RateLimit-Remaining", remaining_text);
  soup_message_headers_replace (headers, "X-RateLimit-Reset", reset_text);

  if (count <= fake->limit)
    return FALSE;

  {
    g_autofree char *retry_after = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    (reset * G_USEC_PER_SEC - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

    soup_message_headers_replace (headers, "Retry-After", retry_after);
  }
  herald_fake_http_reply_json (msg, 429, "{\"success\":false,\"error\":\"Rate limit exceeded\"}");
  fake->rejected++;
  if (index != fake->first_window)
    fake->rejected_after_first++;

  return TRUE;
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  HeraldFakeHttp *fake = user_data;

  fake->request_count++;

  if (fake->limit > 0 && apply_rate_limit (fake, msg))
    return;

  if (fake->handler != NULL)
    fake->handler (fake, msg, path, query, fake->handler_data);

  if (soup_server_message_get_status (msg) == 0)
    soup_server_message_set_status (msg, 200, NULL);
}

HeraldFakeHttp *
herald_fake_http_new (GTlsCertificate  *certificate,
                      guint             port,
                      GError          **error)
{
  g_autoptr(HeraldFakeHttp) fake = g_new0 (HeraldFakeHttp, 1);
  SoupServerListenOptions options = SOUP_SERVER_LISTEN_IPV4_ONLY;
  GSList *uris;

  fake->window_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  fake->first_window = -1;
  fake->delayed = g_ptr_array_new_with_free_func (delayed_free);

  if (certificate != NULL)
    {
      fake->server = soup_server_new ("tls-certificate", certificate, NULL);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }
  else
    {
      fake->server = soup_server_new (NULL, NULL);
    }

  soup_server_add_handler (fake->server, NULL, server_cb, fake, NULL);
  if (!soup_server_listen_local (fake->server, port, options, error))
    return NULL;

  uris = soup_server_get_uris (fake->server);
  g_assert_nonnull (uris);
  fake->port = (guint) g_uri_get_port (uris->data);
  fake->url = g_strdup_printf ("%s://127.0.0.1:%u", certificate != NULL ? "https" : "http", fake->port);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return g_steal_pointer (&fake);
}

void
herald_fake_http_free (HeraldFakeHttp *fake)
{
  if (fake == NULL)
    return;

  g_clear_pointer (&fake->delayed, g_ptr_array_unref);
  if (fake->server != NULL)
    soup_server_disconnect (fake->server);
  g_clear_object (&fake->server);
  g_clear_pointer (&fake->window_counts, g_hash_table_unref);
  g_free (fake->url);
  g_free (fake);
}

const char *
herald_fake_http_get_url (HeraldFakeHttp *fake)
{
  return fake->url;
}

guint
herald_fake_http_get_port (HeraldFakeHttp *fake)
{
  return fake->port;
}

void
herald_fake_http_set_handler (HeraldFakeHttp        *fake,
                              HeraldFakeHttpHandler  handler,
                              gpointer               user_data)
{
  fake->handler = handler;
  fake->handler_data = user_data;
}

guint
herald_fake_http_get_request_count (HeraldFakeHttp *fake)
{
  return fake->request_count;
}

void
herald_fake_http_set_rate_limit (HeraldFakeHttp *fake,
                                 guint           limit,
                                 guint           window_seconds)
{
  g_return_if_fail (window_seconds > 0 || limit == 0);

  fake->limit = limit;
  fake->window_seconds = window_seconds;
}

guint
herald_fake_http_get_rejected_count (HeraldFakeHttp *fake)
{
  return fake->rejected;
}

guint
herald_fake_http_get_rejected_after_first_window (HeraldFakeHttp *fake)
{
  return fake->rejected_after_first;
}

guint
herald_fake_http_get_max_window_count (HeraldFakeHttp *fake)
{
  GHashTableIter iter;
  gpointer value;
  guint max = 0;

  g_hash_table_iter_init (&iter, fake->window_counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    max = MAX (max, GPOINTER_TO_UINT (value));

  return max;
}

guint
herald_fake_http_get_windows_used (HeraldFakeHttp *fake)
{
  return g_hash_table_size (fake->window_counts);
}

/* HeraldFakeTcp */

struct _HeraldFakeTcp
{
  GSocketService *service;
  char           *url;
  char           *reply;
  guint           connections;
  guint           live;
};

typedef struct
{
  HeraldFakeTcp     *fake;
  GSocketConnection *connection;
  GString           *head;
  char               buffer[4096];
} TcpClient;

static void
tcp_client_closed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  TcpClient *client = user_data;

  g_io_stream_close_finish (G_IO_STREAM (object), result, NULL);
  client->fake->live--;
  g_object_unref (client->connection);
  g_string_free (client->head, TRUE);
  g_free (client);
}

static void
tcp_client_close (TcpClient *client)
{
  g_io_stream_close_async (G_IO_STREAM (client->connection), G_PRIORITY_DEFAULT, NULL,
                           tcp_client_closed_cb, client);
}

static void
tcp_client_wrote_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, NULL);
  tcp_client_close (user_data);
}

static void tcp_client_read (TcpClient *client);

static void
tcp_client_read_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  TcpClient *client = user_data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, NULL);

  if (n <= 0)
    {
      tcp_client_close (client);
      return;
    }

  g_string_append_len (client->head, client->buffer, n);
  if (strstr (client->head->str, "\r\n\r\n") == NULL)
    {
      tcp_client_read (client);
      return;
    }

  if (client->fake->reply == NULL)
    {
      tcp_client_close (client);
      return;
    }

  g_output_stream_write_all_async (g_io_stream_get_output_stream (G_IO_STREAM (client->connection)),
                                   client->fake->reply, strlen (client->fake->reply),
                                   G_PRIORITY_DEFAULT, NULL, tcp_client_wrote_cb, client);
}

static void
tcp_client_read (TcpClient *client)
{
  g_input_stream_read_async (g_io_stream_get_input_stream (G_IO_STREAM (client->connection)),
                             client->buffer, sizeof client->buffer, G_PRIORITY_DEFAULT, NULL,
                             tcp_client_read_cb, client);
}

static gboolean
tcp_incoming_cb (GSocketService    *service,
                 GSocketConnection *connection,
                 GObject           *source_object,
                 gpointer           user_data)
{
  HeraldFakeTcp *fake = user_data;
  TcpClient *client = g_new0 (TcpClient, 1);

  fake->connections++;
  fake->live++;
  client->fake = fake;
  client->connection = g_object_ref (connection);
  client->head = g_string_new (NULL);
  tcp_client_read (client);

  return TRUE;
}

HeraldFakeTcp *
herald_fake_tcp_new (const char  *reply,
                     GError     **error)
{
  g_autoptr(HeraldFakeTcp) fake = g_new0 (HeraldFakeTcp, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;

  fake->reply = g_strdup (reply);
  fake->service = g_socket_service_new ();
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (fake->service), address,
                                      G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                      NULL, &effective, error))
    return NULL;

  fake->url = g_strdup_printf ("http://127.0.0.1:%u",
                               g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
  g_signal_connect (fake->service, "incoming", G_CALLBACK (tcp_incoming_cb), fake);
  g_socket_service_start (fake->service);

  return g_steal_pointer (&fake);
}

static gboolean
tcp_idle (gpointer user_data)
{
  HeraldFakeTcp *fake = user_data;

  return fake->live == 0;
}

void
herald_fake_tcp_free (HeraldFakeTcp *fake)
{
  if (fake == NULL)
    return;

  if (fake->service != NULL)
    {
      g_socket_service_stop (fake->service);
      g_socket_listener_close (G_SOCKET_LISTENER (fake->service));
      g_signal_handlers_disconnect_by_data (fake->service, fake);
    }
  /* Connections still open end on their own once their peer is gone. */
  if (!herald_fake_iterate_until (tcp_idle, fake, 5000))
    g_warning ("%u fake TCP connections still open", fake->live);
  g_clear_object (&fake->service);
  g_free (fake->reply);
  g_free (fake->url);
  g_free (fake);
}

const char *
herald_fake_tcp_get_url (HeraldFakeTcp *fake)
{
  return fake->url;
}

guint
herald_fake_tcp_get_connection_count (HeraldFakeTcp *fake)
{
  return fake->connections;
}

/* Fault injection, shared by the provider fakes */

struct _HeraldFakeFaults
{
  GQueue     queue;   /* HeraldFakeFault */
  GPtrArray *held;    /* Held */
};

typedef struct
{
  HeraldFakeFaults   *faults;
  SoupServerMessage  *msg;
  guint               source_id;
  gulong              disconnected_id;
  HeraldFakeHeldFunc  fire;
  gpointer            data;
  GDestroyNotify      destroy;
} Held;

static void
held_free (gpointer data)
{
  Held *held = data;

  g_clear_handle_id (&held->source_id, g_source_remove);
  g_clear_signal_handler (&held->disconnected_id, held->msg);
  g_clear_object (&held->msg);
  if (held->destroy != NULL)
    held->destroy (held->data);
  g_free (held);
}

HeraldFakeFaults *
herald_fake_faults_new (void)
{
  HeraldFakeFaults *faults = g_new0 (HeraldFakeFaults, 1);

  g_queue_init (&faults->queue);
  faults->held = g_ptr_array_new_with_free_func (held_free);

  return faults;
}

void
herald_fake_faults_free (HeraldFakeFaults *faults)
{
  if (faults == NULL)
    return;

  g_ptr_array_unref (faults->held);
  g_queue_clear_full (&faults->queue, (GDestroyNotify) herald_fake_fault_free);
  g_free (faults);
}

void
herald_fake_fault_free (HeraldFakeFault *fault)
{
  if (fault == NULL)
    return;

  g_free (fault->message);
  g_free (fault);
}

void
herald_fake_faults_push (HeraldFakeFaults      *faults,
                         const HeraldFakeFault *fault)
{
  HeraldFakeFault *entry;

  if (fault->count == 0)
    return;

  entry = g_memdup2 (fault, sizeof *fault);
  entry->message = g_strdup (fault->message);
  g_queue_push_tail (&faults->queue, entry);
}

HeraldFakeFault *
herald_fake_faults_take (HeraldFakeFaults *faults)
{
  HeraldFakeFault *head = g_queue_peek_head (&faults->queue);
  HeraldFakeFault *copy;

  if (head == NULL)
    return NULL;

  copy = g_memdup2 (head, sizeof *head);
  copy->message = g_strdup (head->message);
  if (--head->count == 0)
    herald_fake_fault_free (g_queue_pop_head (&faults->queue));

  return copy;
}

void
herald_fake_faults_clear (HeraldFakeFaults *faults)
{
  g_queue_clear_full (&faults->queue, (GDestroyNotify) herald_fake_fault_free);
}

static void
held_disconnected_cb (SoupServerMessage *msg,
                      Held              *held)
{
  /* the client gave up first: nothing left to answer */
  held->disconnected_id = 0;
  g_ptr_array_remove_fast (held->faults->held, held);
}

static gboolean
held_fire_cb (gpointer user_data)
{
  Held *held = user_data;

  held->source_id = 0;
  g_clear_signal_handler (&held->disconnected_id, held->msg);
  held->fire (held->msg, held->data);
  g_ptr_array_remove_fast (held->faults->held, held);

  return G_SOURCE_REMOVE;
}

void
herald_fake_faults_hold (HeraldFakeFaults   *faults,
                         SoupServerMessage  *msg,
                         guint               delay_ms,
                         gboolean            drop_on_disconnect,
                         HeraldFakeHeldFunc  fire,
                         gpointer            data,
                         GDestroyNotify      destroy)
{
  Held *held = g_new0 (Held, 1);

  held->faults = faults;
  held->msg = g_object_ref (msg);
  held->fire = fire;
  held->data = data;
  held->destroy = destroy;
  if (drop_on_disconnect)
    held->disconnected_id = g_signal_connect (msg, "disconnected",
                                              G_CALLBACK (held_disconnected_cb), held);
  held->source_id = g_timeout_add (delay_ms, held_fire_cb, held);
  g_ptr_array_add (faults->held, held);
  soup_server_message_pause (msg);
}

void
herald_fake_faults_drop_held (HeraldFakeFaults *faults)
{
  g_ptr_array_set_size (faults->held, 0);
}

void
herald_fake_http_drop_connection (SoupServerMessage *msg,
                                  gboolean           reset,
                                  gconstpointer      raw,
                                  gsize              length)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  g_autoptr(GIOStream) stream = NULL;

  if (reset && socket != NULL)
    {
      /* Linger 0: close() sends RST instead of FIN. */
      struct linger linger = { 1, 0 };

      setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
    }

  stream = soup_server_message_steal_connection (msg);
  if (stream == NULL)
    return;

  if (raw != NULL && length > 0)
    g_output_stream_write_all (g_io_stream_get_output_stream (stream), raw, length, NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

GBytes *
herald_fake_http_padded_body (const char *head,
                              const char *tail,
                              gsize       size)
{
  gsize head_length = strlen (head);
  gsize tail_length = strlen (tail);
  char *body;

  size = MAX (size, head_length + tail_length);
  body = g_malloc (size);
  memset (body, 'x', size);
  memcpy (body, head, head_length);
  memcpy (body + size - tail_length, tail, tail_length);

  return g_bytes_new_take (body, size);
}

/* Routing, shared by the provider fakes */

gboolean
herald_fake_http_match_route (const char         *pattern,
                              const char * const *segments,
                              guint               n_segments,
                              const char        **param)
{
  g_auto(GStrv) parts = g_strsplit (pattern, "/", -1);
  const char *found = NULL;

  if (g_strv_length (parts) != n_segments)
    return FALSE;

  for (guint i = 0; i < n_segments; i++)
    {
      if (g_str_equal (parts[i], "*") || (g_str_equal (parts[i], "+") && segments[i][0] != '\0'))
        found = segments[i];
      else if (!g_str_equal (parts[i], segments[i]))
        return FALSE;
    }

  if (param != NULL)
    *param = found;

  return TRUE;
}

gboolean
herald_fake_http_method_in (const char *methods,
                            const char *method)
{
  g_auto(GStrv) list = g_strsplit (methods, " ", -1);

  return g_strv_contains ((const char * const *) list, method);
}
