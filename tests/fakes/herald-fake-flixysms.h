/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A strict FlixySMS server for tests: every endpoint of
 * specs/flixysms-api.txt under /api/v1, both path families, on 127.0.0.1.
 * It refuses what the document does not allow (401, 400, 503, 429 with the
 * rate-limit headers), keeps a record of every message it accepted, and
 * spoils its answers on request (faults) so that clients can be tested
 * against the ways a real server fails.
 *
 * Decisions where the document is silent are listed at the top of
 * herald-fake-flixysms.c. Everything runs in the thread-default main context
 * of the caller of herald_fake_flixysms_new(). */

/* The devices herald_fake_flixysms_seed() adds. */
#define HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL    "5d0c3a1e-7f42-4c8e-9b6a-2e1f0d9c8b01"
#define HERALD_FAKE_FLIXYSMS_DEVICE_GALAXY   "8a4f2b9c-1d3e-4f5a-8b7c-6d5e4f3a2b02"
#define HERALD_FAKE_FLIXYSMS_DEVICE_WHATSAPP "c1e2d3f4-a5b6-4c7d-8e9f-0a1b2c3d4e03"
#define HERALD_FAKE_FLIXYSMS_SEED_RECEIVED   60

typedef enum
{
  HERALD_FAKE_FLIXYSMS_FAULT_NONE,           /* answered as usual: lets requests through before a fault */
  HERALD_FAKE_FLIXYSMS_FAULT_SERVER_ERROR,   /* 500 {"success":false,"error":…} */
  HERALD_FAKE_FLIXYSMS_FAULT_RATE_LIMITED,   /* 429 + Retry-After (unless headers are off) */
  HERALD_FAKE_FLIXYSMS_FAULT_DELAY,          /* handled at once, answered after the fault delay */
  HERALD_FAKE_FLIXYSMS_FAULT_CLOSE,          /* the connection is closed without an answer */
  HERALD_FAKE_FLIXYSMS_FAULT_TRUNCATED,      /* 200, Content-Length promises more, then close */
  HERALD_FAKE_FLIXYSMS_FAULT_TRUNCATED_JSON, /* a complete 200 answer whose JSON stops half-way */
  HERALD_FAKE_FLIXYSMS_FAULT_NOT_JSON,       /* 200 text/html, as from a captive portal */
  HERALD_FAKE_FLIXYSMS_FAULT_HUGE,           /* 200 with valid JSON of the huge size */
} HeraldFakeFlixysmsFault;

typedef enum
{
  HERALD_FAKE_FLIXYSMS_FAULT_FLAGS_NONE = 0,
  /* Handle the request as usual first (a send is accepted and recorded),
   * then spoil the answer: the client cannot know the message went out.
   * DELAY always does this. */
  HERALD_FAKE_FLIXYSMS_FAULT_PROCESS    = 1 << 0,
} HeraldFakeFlixysmsFaultFlags;

/* The three error shapes of the specification README. */
typedef enum
{
  HERALD_FAKE_FLIXYSMS_ERROR_SUCCESS_FALSE, /* {"success":false,"error":"…"} */
  HERALD_FAKE_FLIXYSMS_ERROR_ERROR_ONLY,    /* {"error":"…"} */
  HERALD_FAKE_FLIXYSMS_ERROR_PLAIN_TEXT,    /* …, text/plain */
} HeraldFakeFlixysmsErrorShape;

typedef enum
{
  HERALD_FAKE_FLIXYSMS_ENDPOINT_ANY,
  HERALD_FAKE_FLIXYSMS_ENDPOINT_SEND,
  HERALD_FAKE_FLIXYSMS_ENDPOINT_BULK,
  HERALD_FAKE_FLIXYSMS_ENDPOINT_STATUS,
  HERALD_FAKE_FLIXYSMS_ENDPOINT_RECEIVED,
  HERALD_FAKE_FLIXYSMS_ENDPOINT_OTHER,
} HeraldFakeFlixysmsEndpoint;

/* A message the fake accepted, in the order it accepted them. */
typedef struct
{
  char      *id;
  char      *to;
  char      *message;
  char      *device_id;     /* the device that took it (chosen when the request had none) */
  char      *media_url;     /* NULL: none */
  GDateTime *accepted_at;
  char      *status;        /* queued, sent, delivered, failed */
  GDateTime *delivered_at;  /* NULL until delivered */
  gboolean   bulk;          /* came through /sms/bulk */
} HeraldFakeFlixysmsMessage;

#define HERALD_TYPE_FAKE_FLIXYSMS (herald_fake_flixysms_get_type ())
G_DECLARE_FINAL_TYPE (HeraldFakeFlixysms, herald_fake_flixysms, HERALD, FAKE_FLIXYSMS, GObject)

/* Listens on 127.0.0.1:@port (0: a free port) and accepts @api_key with
 * permission to send. No devices and no received messages yet. */
HeraldFakeFlixysms *herald_fake_flixysms_new                 (const char                   *api_key,
                                                              guint                         port,
                                                              GError                      **error);
/* "http://127.0.0.1:PORT/api/v1" */
const char         *herald_fake_flixysms_get_base_url        (HeraldFakeFlixysms           *self);
guint               herald_fake_flixysms_get_port            (HeraldFakeFlixysms           *self);

/* Another accepted key; without @can_send, sends and bulks are 403. */
void                herald_fake_flixysms_add_key             (HeraldFakeFlixysms           *self,
                                                              const char                   *api_key,
                                                              gboolean                      can_send);

/* Three devices (two SMS phones, one WhatsApp), all online, and
 * HERALD_FAKE_FLIXYSMS_SEED_RECEIVED received messages, always the same. */
void                herald_fake_flixysms_seed                (HeraldFakeFlixysms           *self);

void                herald_fake_flixysms_add_device          (HeraldFakeFlixysms           *self,
                                                              const char                   *id,
                                                              const char                   *name,
                                                              const char                   *phone,
                                                              gboolean                      whatsapp,
                                                              gboolean                      online);
gboolean            herald_fake_flixysms_set_device_online   (HeraldFakeFlixysms           *self,
                                                              const char                   *id,
                                                              gboolean                      online);
/* FALSE: every send is 503, as when no phone is connected. */
void                herald_fake_flixysms_set_all_devices_online (HeraldFakeFlixysms        *self,
                                                              gboolean                      online);

/* @type: "sms" or "whatsapp"; @sim_slot: 0 for none. Returns the new id. */
const char         *herald_fake_flixysms_add_received        (HeraldFakeFlixysms           *self,
                                                              const char                   *from,
                                                              const char                   *message,
                                                              GDateTime                    *received_at,
                                                              const char                   *device_id,
                                                              const char                   *type,
                                                              int                           sim_slot);

/* Requests per key and window; default 100 per 60 s as documented. */
void                herald_fake_flixysms_set_rate_limit      (HeraldFakeFlixysms           *self,
                                                              guint                         limit,
                                                              guint                         window_seconds);
/* By default a key's window starts with its first request after the last
 * one ended, so its reset falls anywhere within a second and the header
 * (whole seconds) rounds it up. TRUE: windows follow the clock (multiples
 * of the window since the epoch), so the reset header is exact. */
void                herald_fake_flixysms_set_aligned_windows (HeraldFakeFlixysms           *self,
                                                              gboolean                      aligned);
/* FALSE: no X-RateLimit-* nor Retry-After anywhere (a server that only says 429). */
void                herald_fake_flixysms_set_rate_limit_headers (HeraldFakeFlixysms        *self,
                                                              gboolean                      enabled);
/* The document fixes 25 a page and names no parameter to change it: by
 * default per_page is ignored. TRUE honours per_page=1..100. */
void                herald_fake_flixysms_set_honour_per_page (HeraldFakeFlixysms           *self,
                                                              gboolean                      honour);

/* The next @count requests, whatever they are, meet @fault. Faults queue up
 * in the order they are injected. */
void                herald_fake_flixysms_inject_fault        (HeraldFakeFlixysms           *self,
                                                              HeraldFakeFlixysmsFault       fault,
                                                              guint                         count,
                                                              HeraldFakeFlixysmsFaultFlags  flags);
/* The next @count requests are refused with @status and @message in @shape. */
void                herald_fake_flixysms_inject_error        (HeraldFakeFlixysms           *self,
                                                              guint                         status,
                                                              HeraldFakeFlixysmsErrorShape  shape,
                                                              const char                   *message,
                                                              guint                         count);
void                herald_fake_flixysms_clear_faults        (HeraldFakeFlixysms           *self);
void                herald_fake_flixysms_set_fault_delay     (HeraldFakeFlixysms           *self,
                                                              guint                         delay_ms);   /* default 3000 */
void                herald_fake_flixysms_set_huge_size       (HeraldFakeFlixysms           *self,
                                                              gsize                         size);       /* default 32 MiB */

/* The record. */
guint               herald_fake_flixysms_get_n_accepted      (HeraldFakeFlixysms           *self);
const HeraldFakeFlixysmsMessage *
                    herald_fake_flixysms_get_accepted        (HeraldFakeFlixysms           *self,
                                                              guint                         index);
const HeraldFakeFlixysmsMessage *
                    herald_fake_flixysms_lookup_accepted     (HeraldFakeFlixysms           *self,
                                                              const char                   *message_id);
guint               herald_fake_flixysms_count_accepted_to   (HeraldFakeFlixysms           *self,
                                                              const char                   *to);
/* Requests that reached the server, faulted or not. */
guint               herald_fake_flixysms_count_requests      (HeraldFakeFlixysms           *self,
                                                              HeraldFakeFlixysmsEndpoint    endpoint);
/* Path and query of request @index as the client sent them ("/api/v1/…?…"). */
const char         *herald_fake_flixysms_get_request_uri     (HeraldFakeFlixysms           *self,
                                                              guint                         index);
/* 429s of the rate limit itself (injected faults not counted): in all, and
 * those after a key's first window; set_rate_limit () zeroes them. And the
 * most requests one key's window let through. For benchmarks. */
guint               herald_fake_flixysms_get_rate_limited    (HeraldFakeFlixysms           *self);
guint               herald_fake_flixysms_get_rate_limited_after_first_window (HeraldFakeFlixysms *self);
guint               herald_fake_flixysms_get_max_window_count (HeraldFakeFlixysms          *self);
/* JSON members outside the document seen in send and bulk bodies (tolerated). */
guint               herald_fake_flixysms_get_n_unknown_fields (HeraldFakeFlixysms          *self);

/* queued → sent → delivered; returns the new status, NULL for an unknown id. */
const char         *herald_fake_flixysms_advance_status      (HeraldFakeFlixysms           *self,
                                                              const char                   *message_id);
void                herald_fake_flixysms_advance_all         (HeraldFakeFlixysms           *self);
gboolean            herald_fake_flixysms_set_status          (HeraldFakeFlixysms           *self,
                                                              const char                   *message_id,
                                                              const char                   *status);

G_END_DECLS
