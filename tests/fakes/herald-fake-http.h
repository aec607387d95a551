/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Test fakes for HTTP clients, run in the calling thread's main context and
 * bound to 127.0.0.1 on a port the system picks:
 *
 * - HeraldFakeHttp: a SoupServer with one handler, a request counter, an
 *   optional fixed-window rate limit as a provider enforces it (windows of
 *   W seconds aligned on the Unix epoch, X-RateLimit-Limit/-Remaining/-Reset
 *   on every answer, 429 with Retry-After past the limit), answers delayed
 *   on request and bodies streamed chunk by chunk.
 * - HeraldFakeTcp: a bare TCP server that reads each request's head, writes
 *   a canned answer (or nothing) and closes the connection: resets and
 *   truncated bodies that a real HTTP server will not produce. */

typedef struct _HeraldFakeHttp HeraldFakeHttp;
typedef struct _HeraldFakeTcp HeraldFakeTcp;

/* Runs for every request the rate limit lets through; a handler that sets
 * no status answers 200 with an empty body. */
typedef void (*HeraldFakeHttpHandler) (HeraldFakeHttp    *fake,
                                       SoupServerMessage *msg,
                                       const char        *path,
                                       GHashTable        *query,
                                       gpointer           user_data);

typedef gboolean (*HeraldFakeCondition) (gpointer user_data);

/* @certificate (nullable): serve https with it; @port: 0 for any. */
HeraldFakeHttp *herald_fake_http_new                   (GTlsCertificate       *certificate,
                                                        guint                  port,
                                                        GError               **error);
void            herald_fake_http_free                  (HeraldFakeHttp        *fake);
/* "http://127.0.0.1:PORT", no trailing slash. */
const char     *herald_fake_http_get_url               (HeraldFakeHttp        *fake);
guint           herald_fake_http_get_port              (HeraldFakeHttp        *fake);
void            herald_fake_http_set_handler           (HeraldFakeHttp        *fake,
                                                        HeraldFakeHttpHandler  handler,
                                                        gpointer               user_data);
/* Every request that arrived, including those refused by the rate limit. */
guint           herald_fake_http_get_request_count     (HeraldFakeHttp        *fake);

void            herald_fake_http_set_rate_limit        (HeraldFakeHttp        *fake,
                                                        guint                  limit,
                                                        guint                  window_seconds);
guint           herald_fake_http_get_rejected_count    (HeraldFakeHttp        *fake);
/* 429s sent in any window after the one of the first request. */
guint           herald_fake_http_get_rejected_after_first_window (HeraldFakeHttp *fake);
/* The most requests (accepted or not) that arrived in one window. */
guint           herald_fake_http_get_max_window_count  (HeraldFakeHttp        *fake);
/* How many windows saw at least one request. */
guint           herald_fake_http_get_windows_used      (HeraldFakeHttp        *fake);

/* Convenience: status + JSON text as the body. */
void            herald_fake_http_reply_json            (SoupServerMessage     *msg,
                                                        guint                  status,
                                                        const char            *json);
/* Holds the answer the handler prepared for @delay_ms. If the client goes
 * away meanwhile, the message counts as abandoned. */
void            herald_fake_http_respond_later         (HeraldFakeHttp        *fake,
                                                        SoupServerMessage     *msg,
                                                        guint                  delay_ms);
guint           herald_fake_http_get_abandoned_count   (HeraldFakeHttp        *fake);
/* Answers @status with @total_bytes of text/plain, chunked, one 64 KiB chunk
 * written only when the previous one is gone: never buffered whole. */
void            herald_fake_http_stream_body           (HeraldFakeHttp        *fake,
                                                        SoupServerMessage     *msg,
                                                        guint                  status,
                                                        guint64                total_bytes);
guint64         herald_fake_http_get_streamed_bytes    (HeraldFakeHttp        *fake);
/* Streams still being written. */
guint           herald_fake_http_get_open_streams      (HeraldFakeHttp        *fake);

/* @reply (nullable): bytes written after the request head; NULL closes the
 * connection without answering. */
HeraldFakeTcp  *herald_fake_tcp_new                    (const char            *reply,
                                                        GError               **error);
void            herald_fake_tcp_free                   (HeraldFakeTcp         *fake);
const char     *herald_fake_tcp_get_url                (HeraldFakeTcp         *fake);
guint           herald_fake_tcp_get_connection_count   (HeraldFakeTcp         *fake);

/* Iterates the thread-default main context until @done says so or
 * @timeout_ms pass; returns what @done said last. */
gboolean        herald_fake_iterate_until              (HeraldFakeCondition    done,
                                                        gpointer               user_data,
                                                        guint                  timeout_ms);
/* A port on 127.0.0.1 that nobody listens on (bound, then released). */
guint           herald_fake_unused_port                (void);

/* ---- routing, shared by the provider fakes ----------------------------------
 *
 * A fake's route table maps a method and a path pattern to its handler. A
 * pattern is the path's segments joined with '/': a literal segment must be
 * equal, "*" is any one segment (empty too) and "+" any non-empty one; the
 * last wildcard's segment is returned in @param (NULL without one). */
gboolean        herald_fake_http_match_route           (const char            *pattern,
                                                        const char * const    *segments,
                                                        guint                  n_segments,
                                                        const char           **param);
/* TRUE when @method is one of the space-separated @methods ("GET POST"). */
gboolean        herald_fake_http_method_in             (const char            *methods,
                                                        const char            *method);

/* ---- fault injection, shared by the provider fakes ----------------------
 *
 * A fake keeps a HeraldFakeFaults: the queue of faults a test injected (in
 * the fake's own terms: @kind is its fault enum) and the messages a fault
 * holds back. What a kind does stays the fake's: it takes the next fault
 * and answers with the helpers below. */

typedef struct
{
  int       kind;      /* the fake's own fault enum */
  guint     count;     /* requests it still meets */
  guint     flags;
  guint     param;
  guint     status;
  int       shape;
  char     *message;
} HeraldFakeFault;

typedef struct _HeraldFakeFaults HeraldFakeFaults;

/* Runs when a held message's delay is over; @data as given to _hold(). */
typedef void (*HeraldFakeHeldFunc) (SoupServerMessage *msg,
                                    gpointer           data);

HeraldFakeFaults *herald_fake_faults_new        (void);
/* Drops the queue, and the held messages without answering them. */
void              herald_fake_faults_free       (HeraldFakeFaults   *faults);
/* Queues a copy of @fault (its message copied too); a count of 0 queues
 * nothing. */
void              herald_fake_faults_push       (HeraldFakeFaults   *faults,
                                                 const HeraldFakeFault *fault);
/* The head of the queue, counted down (and dropped at 0), as a copy the
 * caller frees with herald_fake_fault_free(); NULL when none is queued. */
HeraldFakeFault  *herald_fake_faults_take       (HeraldFakeFaults   *faults);
void              herald_fake_faults_clear      (HeraldFakeFaults   *faults);
void              herald_fake_fault_free        (HeraldFakeFault    *fault);
/* Pauses @msg and runs @fire after @delay_ms, then drops @data with
 * @destroy. With @drop_on_disconnect a client that goes away first ends
 * the hold without @fire; without it @fire runs anyway. */
void              herald_fake_faults_hold       (HeraldFakeFaults   *faults,
                                                 SoupServerMessage  *msg,
                                                 guint               delay_ms,
                                                 gboolean            drop_on_disconnect,
                                                 HeraldFakeHeldFunc  fire,
                                                 gpointer            data,
                                                 GDestroyNotify      destroy);
/* Drops every held message without answering it. */
void              herald_fake_faults_drop_held  (HeraldFakeFaults   *faults);

/* Takes the connection from libsoup, writes @length bytes of @raw (if any)
 * and closes it; with @reset the close sends RST instead of FIN. */
void            herald_fake_http_drop_connection       (SoupServerMessage     *msg,
                                                        gboolean               reset,
                                                        gconstpointer          raw,
                                                        gsize                  length);
/* @size bytes (at least @head and @tail) of @head, 'x' padding and @tail. */
GBytes         *herald_fake_http_padded_body           (const char            *head,
                                                        const char            *tail,
                                                        gsize                  size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldFakeHttp, herald_fake_http_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldFakeTcp, herald_fake_tcp_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldFakeFault, herald_fake_fault_free)

G_END_DECLS
