/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Inside the FlixySMS fake: its state (herald-fake-flixysms.c: the object,
 * the test API, faults), its model (-model.c: records and look-ups) and its
 * routes (-routes.c: the route table, the handlers, keys and the rate
 * limit, answers as JSON). Not for tests: they use herald-fake-flixysms.h. */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "herald-fake-flixysms.h"
#include "herald-fake-http.h"

#define API_PREFIX        "/api/v1"
#define DEFAULT_PER_PAGE  25
#define MAX_PER_PAGE      100
#define BULK_MAX          100
#define FAULT_ERROR       (-1)   /* Fault.kind of an injected error */
#define STATUS_TOO_MANY_REQUESTS 429   /* not in libsoup's SoupStatus */

typedef struct
{
  char     *key;
  gboolean  can_send;
  gint64    window_start;   /* real time, µs; 0: no window yet */
  guint     count;
  guint     windows;        /* windows opened so far */
} Key;

typedef struct
{
  char     *id;
  char     *name;
  char     *phone;
  gboolean  whatsapp;
  gboolean  online;
} Device;

typedef struct
{
  char      *id;
  char      *from;
  char      *message;
  GDateTime *received_at;
  char      *device_id;
  char      *type;
  int        sim_slot;
} Received;

typedef struct
{
  HeraldFakeFlixysmsEndpoint endpoint;
  char                      *uri;
} Request;

struct _HeraldFakeFlixysms
{
  GObject     parent_instance;

  SoupServer *server;
  char       *base_url;
  guint       port;

  GPtrArray  *keys;        /* Key */
  GPtrArray  *devices;     /* Device */
  GPtrArray  *received;    /* Received */
  GPtrArray  *accepted;    /* HeraldFakeFlixysmsMessage */
  GHashTable *by_id;       /* id → HeraldFakeFlixysmsMessage, borrowed */
  GPtrArray  *requests;    /* Request */
  HeraldFakeFaults *faults;   /* HeraldFakeFault: kind is a HeraldFakeFlixysmsFault or FAULT_ERROR */

  guint       limit;
  guint       window_seconds;
  gboolean    rate_headers;
  gboolean    honour_per_page;
  guint       fault_delay_ms;
  gsize       huge_size;
  guint       n_unknown_fields;
  guint       received_serial;

  /* For benchmarks: the rate limit's own 429s (not injected ones). */
  guint       rate_limited;
  guint       rate_limited_after_first_window;
  guint       max_window_count;
  gboolean    aligned_windows;
};

/* What the server means to answer before any fault spoils it. */
typedef struct
{
  guint   status;
  char   *content_type;
  GBytes *body;
} Answer;

/* A row of the route table (herald-fake-flixysms-routes.c). */
typedef void (*Handler) (HeraldFakeFlixysms *self,
                         SoupServerMessage  *msg,
                         const char         *id,
                         GHashTable         *query,
                         Answer             *answer);

typedef struct
{
  const char                 *method;
  const char                 *pattern;
  HeraldFakeFlixysmsEndpoint  endpoint;
  Handler                     handler;
} Route;

/* herald-fake-flixysms-model.c */

void
fake_flixysms_key_free (Key *key);

void
fake_flixysms_device_free (Device *device);

void
fake_flixysms_received_free (Received *received);

void
fake_flixysms_message_free (HeraldFakeFlixysmsMessage *message);

void
fake_flixysms_request_free (Request *request);

Device *
fake_flixysms_find_device (HeraldFakeFlixysms *self,
                           const char         *id);

Device *
fake_flixysms_first_online (HeraldFakeFlixysms *self,
                            int                 whatsapp);   /* -1: any */

/* herald-fake-flixysms-routes.c */

void
fake_flixysms_answer_clear (Answer *answer);

void
fake_flixysms_answer_set_error_shape (Answer                       *answer,
                                      guint                         status,
                                      HeraldFakeFlixysmsErrorShape  shape,
                                      const char                   *message);

void
fake_flixysms_answer_set_error (Answer     *answer,
                                guint       status,
                                const char *message);

Key *
fake_flixysms_find_key (HeraldFakeFlixysms *self,
                        const char         *value);

void
fake_flixysms_set_rate_headers (HeraldFakeFlixysms *self,
                                SoupServerMessage  *msg,
                                Key                *key,
                                gint64              now);

void
fake_flixysms_set_retry_after (HeraldFakeFlixysms *self,
                               SoupServerMessage  *msg,
                               gint64              seconds);

const Route *
fake_flixysms_route (const char  *path,
                     char       **id);

void
fake_flixysms_process (HeraldFakeFlixysms         *self,
                       SoupServerMessage          *msg,
                       const Route                *row,
                       const char                 *status_id,
                       GHashTable                 *query,
                       Answer                     *answer);
