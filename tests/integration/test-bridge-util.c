/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test-bridge"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "herald-test-util.h"
#include "test-bridge-util.h"

gboolean
test_bridge_tick (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static guint
free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void read_err_line (TestBridge *bridge, GDataInputStream *stream);

static void
err_line_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TestBridge *bridge = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL,
                                                                     &error);

  if (line == NULL)
    {
      bridge->err_done = TRUE;
      return;
    }
  g_string_append_printf (bridge->err, "%s\n", line);
  read_err_line (bridge, G_DATA_INPUT_STREAM (source));
}

static void
read_err_line (TestBridge       *bridge,
               GDataInputStream *stream)
{
  g_data_input_stream_read_line_async (stream, G_PRIORITY_DEFAULT, NULL, err_line_cb, bridge);
}

TestBridge *
test_bridge_start (void)
{
  TestBridge *bridge = g_new0 (TestBridge, 1);
  g_autofree char *listen = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDataInputStream) stream = NULL;

  bridge->port = free_port ();
  bridge->base = g_strdup_printf ("http://127.0.0.1:%u/api/v1", bridge->port);
  bridge->err = g_string_new (NULL);
  listen = g_strdup_printf ("127.0.0.1:%u", bridge->port);
  {
    const char *argv[] = { "bridge", "serve", "--listen", listen, NULL };

    bridge->process = herald_test_heraldctl_spawn (argv, NULL, NULL, NULL);
  }
  stream = g_data_input_stream_new (g_subprocess_get_stderr_pipe (bridge->process));
  read_err_line (bridge, stream);
  expected = g_strdup_printf ("listening on %s", bridge->base);
  herald_test_wait_until (strstr (bridge->err->str, expected) != NULL || bridge->err_done);
  if (strstr (bridge->err->str, expected) == NULL)
    g_error ("the bridge did not start: %s", bridge->err->str);
  return bridge;
}

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

void
test_bridge_stop (TestBridge *bridge)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (bridge->process, SIGTERM);
  g_subprocess_wait_async (bridge->process, NULL, wait_cb, &result);
  herald_test_wait (&result);
  g_subprocess_wait_finish (bridge->process, result, &error);
  g_assert_no_error (error);
  herald_test_wait_until (bridge->err_done);
  g_assert_true (g_subprocess_get_if_exited (bridge->process));
  g_assert_cmpint (g_subprocess_get_exit_status (bridge->process), ==, 0);
  g_assert_nonnull (strstr (bridge->err->str, "The bridge stopped."));

  g_object_unref (bridge->process);
  g_free (bridge->base);
  g_string_free (bridge->err, TRUE);
  g_free (bridge);
}

char *
test_bridge_create_key (const char *name,
                        const char *rate_limit)
{
  g_auto(HeraldTestRun) run = { 0 };
  const char *argv[] = { "bridge", "key", "create", name, rate_limit != NULL ? "--rate-limit" : NULL, rate_limit,
                         NULL };
  g_auto(GStrv) lines = NULL;
  guint n;

  herald_test_heraldctl_run (&run, NULL, NULL, NULL, 30, argv);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >=, 1);
  /* The key alone on the last line: "hbk_" and 43 base64url characters. */
  g_assert_true (g_str_has_prefix (lines[n - 1], "hbk_"));
  g_assert_cmpuint (strlen (lines[n - 1]), ==, 4 + 43);
  return g_strdup (lines[n - 1]);
}

void
test_answer_clear (TestAnswer *answer)
{
  g_clear_pointer (&answer->headers, g_free);
  g_clear_pointer (&answer->body, g_free);
}

static void
communicate_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

char *
test_run_program (const char * const *argv,
                  int                *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_autoptr(GAsyncResult) result = NULL;
  char *out = NULL;

  g_assert_no_error (error);
  /* The main context keeps running meanwhile: the mock and the test's
   * own sources are served. */
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, &result);
  herald_test_wait (&result);
  g_subprocess_communicate_utf8_finish (process, result, &out, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  if (status != NULL)
    *status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  return out;
}

static void
http_run (TestAnswer *answer,
          const char *method,
          const char *url,
          const char *key,
          const char *user,
          const char *body);

void
test_http (TestAnswer *answer,
           const char *method,
           const char *url,
           const char *key,
           const char *body)
{
  http_run (answer, method, url, key, NULL, body);
}

void
test_http_basic (TestAnswer *answer,
                 const char *method,
                 const char *url,
                 const char *user,
                 const char *body)
{
  http_run (answer, method, url, NULL, user, body);
}

static void
http_run (TestAnswer *answer,
          const char *method,
          const char *url,
          const char *key,
          const char *user,
          const char *body)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *body_path = NULL;
  const char *end;
  int status = -1;

  g_ptr_array_add (argv, g_strdup ("curl"));
  g_ptr_array_add (argv, g_strdup ("-sS"));
  g_ptr_array_add (argv, g_strdup ("-i"));
  /* The answer to a large body comes at once, not after "100 Continue". */
  g_ptr_array_add (argv, g_strdup ("-H"));
  g_ptr_array_add (argv, g_strdup ("Expect:"));
  g_ptr_array_add (argv, g_strdup ("-X"));
  g_ptr_array_add (argv, g_strdup (method));
  if (key != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("-H"));
      g_ptr_array_add (argv, g_strdup_printf ("Authorization: Bearer %s", key));
    }
  if (user != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("-u"));
      g_ptr_array_add (argv, g_strdup (user));
    }
  if (body != NULL)
    {
      g_autoptr(GError) error = NULL;

      int fd = g_file_open_tmp ("herald-bridge-body-XXXXXX.json", &body_path, &error);

      g_assert_no_error (error);
      close (fd);
      g_file_set_contents (body_path, body, -1, &error);
      g_assert_no_error (error);
      g_ptr_array_add (argv, g_strdup ("-H"));
      g_ptr_array_add (argv, g_strdup ("Content-Type: application/json"));
      g_ptr_array_add (argv, g_strdup ("--data-binary"));
      g_ptr_array_add (argv, g_strdup_printf ("@%s", body_path));
    }
  g_ptr_array_add (argv, g_strdup (url));
  g_ptr_array_add (argv, NULL);

  out = test_run_program ((const char * const *) argv->pdata, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "HTTP/1.1 "));
  answer->status = (guint) g_ascii_strtoull (out + strlen ("HTTP/1.1 "), NULL, 10);
  end = strstr (out, "\r\n\r\n");
  g_assert_nonnull (end);
  answer->headers = g_strndup (out, (gsize) (end - out));
  answer->body = g_strdup (end + 4);
  if (body_path != NULL)
    g_unlink (body_path);
}

char *
test_answer_header (const TestAnswer *answer,
                    const char       *name)
{
  g_auto(GStrv) lines = g_strsplit (answer->headers, "\r\n", -1);
  gsize length = strlen (name);

  for (guint i = 1; lines[i] != NULL; i++)
    if (g_ascii_strncasecmp (lines[i], name, length) == 0 && lines[i][length] == ':')
      return g_strstrip (g_strdup (lines[i] + length + 1));
  return NULL;
}

JsonObject *
test_answer_json (const TestAnswer *answer)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, answer->body, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}
