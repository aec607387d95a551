/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* HeraldFlixysmsClient against the strict FlixySMS fake on 127.0.0.1:
 * every endpoint, every error status and shape, the faults a real server
 * has, bulk splitting and what a failure part-way leaves behind. */
#define G_LOG_DOMAIN "test-flixysms-client"

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <gio/gio.h>
#include <libsoup/soup.h>

#include "providers/flixysms/herald-flixysms-client.h"
#include "net/herald-provider-error.h"
#include "../fakes/herald-fake-flixysms.h"
#include "herald-test-util.h"

/* Expected values here are written out by hand, never computed with the
 * code under test. The fake's seed is fixed: its newest message is from
 * +233241234567 at 2024-01-15T10:30:00Z on the Pixel, sixty in all, one every
 * 317 minutes going back. */

typedef struct
{
  HeraldFakeFlixysms   *fake;
  HeraldHttpClient     *http;
  HeraldFlixysmsClient *client;
  char                 *key;
} Fixture;

/* A key of its own for every fixture: the rate limiter is per key for the
 * whole process, and a port may come back. */
static char *
new_key (void)
{
  static guint serial;

  return g_strdup_printf ("flixy-test-key-%u-%u", (guint) getpid (), ++serial);
}

static HeraldFlixysmsClient *
client_for_key (Fixture    *fixture,
                const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldHttpClient) http = NULL;

  http = herald_http_client_new (herald_fake_flixysms_get_base_url (fixture->fake), key,
                                 HERALD_AUTH_BEARER, &error);
  g_assert_no_error (error);
  /* short retries keep the fault tests quick; each test sets what it needs */
  herald_http_client_set_max_retries (http, 2);
  herald_http_client_set_timeout (http, 10);

  return herald_flixysms_client_new (http, "GH");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->key = new_key ();
  fixture->fake = herald_fake_flixysms_new (fixture->key, 0, &error);
  g_assert_no_error (error);
  if (data == NULL)
    herald_fake_flixysms_seed (fixture->fake);
  /* generous, so that pacing does not slow the tests down; tests of the
   * limit itself set their own */
  herald_fake_flixysms_set_rate_limit (fixture->fake, 1000, 10);

  fixture->client = client_for_key (fixture, fixture->key);
  fixture->http = g_object_ref (herald_rest_client_get_http_client (HERALD_REST_CLIENT (fixture->client)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->http);
  g_clear_object (&fixture->fake);
  g_free (fixture->key);
}

static HeraldFlixysmsSendResult *
do_send (Fixture     *fixture,
         const char  *to,
         const char  *message,
         const char  *device_id,
         const char  *media_url,
         GError     **error)
{
  GAsyncResult *res = NULL;
  HeraldFlixysmsSendResult *result;

  herald_flixysms_client_send_async (fixture->client, to, message, device_id, media_url, NULL,
                                     herald_test_async_done, &res);
  result = herald_flixysms_client_send_finish (fixture->client, herald_test_wait (&res), error);
  g_object_unref (res);

  return result;
}

static gboolean
do_bulk (Fixture                   *fixture,
         const char * const        *recipients,
         const char                *message,
         const char                *device_id,
         const char                *media_url,
         GCancellable              *cancellable,
         HeraldFlixysmsBulkReport **report,
         GError                   **error)
{
  GAsyncResult *res = NULL;
  gboolean ok;

  herald_flixysms_client_bulk_async (fixture->client, recipients, message, device_id, media_url,
                                     cancellable, herald_test_async_done, &res);
  ok = herald_flixysms_client_bulk_finish (fixture->client, herald_test_wait (&res), report, error);
  g_object_unref (res);

  return ok;
}

static HeraldFlixysmsMessageStatus *
do_status (HeraldFlixysmsClient  *client,
           const char            *message_id,
           GError               **error)
{
  GAsyncResult *res = NULL;
  HeraldFlixysmsMessageStatus *status;

  herald_flixysms_client_status_async (client, message_id, NULL, herald_test_async_done, &res);
  status = herald_flixysms_client_status_finish (client, herald_test_wait (&res), error);
  g_object_unref (res);

  return status;
}

static HeraldFlixysmsReceivedPage *
do_received (Fixture                            *fixture,
             const HeraldFlixysmsReceivedFilter *filter,
             guint                               page,
             GError                            **error)
{
  GAsyncResult *res = NULL;
  HeraldFlixysmsReceivedPage *result;

  herald_flixysms_client_received_async (fixture->client, filter, page, 0, NULL, herald_test_async_done, &res);
  result = herald_flixysms_client_received_finish (fixture->client, herald_test_wait (&res), error);
  g_object_unref (res);

  return result;
}

static GListModel *
do_received_all (Fixture                            *fixture,
                 const HeraldFlixysmsReceivedFilter *filter,
                 GError                            **error)
{
  GAsyncResult *res = NULL;
  GListModel *result;

  herald_flixysms_client_received_all_async (fixture->client, filter, NULL, herald_test_async_done, &res);
  result = herald_flixysms_client_received_all_finish (fixture->client, herald_test_wait (&res), error);
  g_object_unref (res);

  return result;
}

static gboolean
do_test_connection (HeraldFlixysmsClient  *client,
                    GError               **error)
{
  GAsyncResult *res = NULL;
  gboolean ok;

  herald_flixysms_client_test_connection_async (client, NULL, herald_test_async_done, &res);
  ok = herald_flixysms_client_test_connection_finish (client, herald_test_wait (&res), error);
  g_object_unref (res);

  return ok;
}

static GDateTime *
utc (int year, int month, int day, int hour, int minute, int second)
{
  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

static char *
iso (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

/* n distinct Ghanaian mobile numbers in national form: 024 100 0000 + i */
static GStrv
ghana_numbers (guint n)
{
  GStrv numbers = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    numbers[i] = g_strdup_printf ("024%07u", 1000000 + i);

  return numbers;
}

/* Send */

static void
test_send_ok (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsSendResult) result = NULL;
  const HeraldFakeFlixysmsMessage *record;

  result = do_send (fixture, "024 123 4567", "Your order is ready.", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  g_assert_cmpstr (herald_flixysms_send_result_get_status (result), ==, "queued");
  g_assert_cmpstr (herald_flixysms_send_result_get_to (result), ==, "+233241234567");
  g_assert_cmpstr (herald_flixysms_send_result_get_message (result), ==, "Your order is ready.");
  g_assert_cmpstr (herald_flixysms_send_result_get_device_id (result), ==, HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL);
  g_assert_null (herald_flixysms_send_result_get_media_url (result));

  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 1);
  record = herald_fake_flixysms_get_accepted (fixture->fake, 0);
  g_assert_cmpstr (record->id, ==, herald_flixysms_send_result_get_message_id (result));
  g_assert_cmpstr (record->to, ==, "+233241234567");
  g_assert_cmpstr (record->message, ==, "Your order is ready.");
  g_assert_null (record->media_url);
  g_assert_false (record->bulk);
  g_assert_cmpstr (herald_fake_flixysms_get_request_uri (fixture->fake, 0), ==, "/api/v1/sms/send");
  /* the client sends what the document lists, nothing more */
  g_assert_cmpuint (herald_fake_flixysms_get_n_unknown_fields (fixture->fake), ==, 0);
}

static void
test_send_device_and_media (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsSendResult) result = NULL;
  const HeraldFakeFlixysmsMessage *record;

  result = do_send (fixture, "+447911123456", "Check out this document!",
                    HERALD_FAKE_FLIXYSMS_DEVICE_WHATSAPP, "https://example.com/document.PDF?v=2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_flixysms_send_result_get_device_id (result), ==,
                   HERALD_FAKE_FLIXYSMS_DEVICE_WHATSAPP);
  g_assert_cmpstr (herald_flixysms_send_result_get_media_url (result), ==,
                   "https://example.com/document.PDF?v=2");

  record = herald_fake_flixysms_get_accepted (fixture->fake, 0);
  g_assert_cmpstr (record->to, ==, "+447911123456");
  g_assert_cmpstr (record->device_id, ==, HERALD_FAKE_FLIXYSMS_DEVICE_WHATSAPP);
  g_assert_cmpstr (record->media_url, ==, "https://example.com/document.PDF?v=2");

  /* media on an SMS phone: the server refuses, in its own words */
  g_clear_pointer (&result, herald_flixysms_send_result_unref);
  result = do_send (fixture, "+447911123456", "Photo", HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL,
                    "https://example.com/photo.jpg", &error);
  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_BAD_REQUEST);
  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 400);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==,
                   "media_url is only supported on WhatsApp devices");
  g_assert_nonnull (strstr (error->message, "media_url is only supported on WhatsApp devices"));
  g_clear_error (&error);

  /* a device the key does not have */
  result = do_send (fixture, "+447911123456", "Hi", "00000000-0000-4000-8000-000000000000", NULL, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_BAD_REQUEST);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, "Device not found");

  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 1);
}

static void
test_send_invalid_input (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct
  {
    const char *to;
    const char *message;
    const char *device_id;
    const char *media_url;
  } cases[] = {
    { "12", "Hello", NULL, NULL },                      /* too short */
    { "not a number", "Hello", NULL, NULL },
    { "", "Hello", NULL, NULL },
    { NULL, "Hello", NULL, NULL },
    { "+233241234567", "", NULL, NULL },
    { "+233241234567", " \n\t ", NULL, NULL },
    { "+233241234567", NULL, NULL, NULL },
    { "+233241234567", "Hello", "", NULL },
    { "+233241234567", "Hello", NULL, "ftp://example.com/a.pdf" },
    { "+233241234567", "Hello", NULL, "https://example.com/setup.exe" },
    { "+233241234567", "Hello", NULL, "https://example.com/download" },
    { "+233241234567", "Hello", NULL, "document.pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HeraldFlixysmsSendResult) result = NULL;

      g_test_message ("case %u", i);
      result = do_send (fixture, cases[i].to, cases[i].message, cases[i].device_id, cases[i].media_url,
                        &error);
      g_assert_null (result);
      g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
    }

  /* refused before anything was sent */
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_ANY), ==, 0);
}

static void
test_media_url_validation (void)
{
  static const char * const good[] = {
    "https://example.com/document.pdf", "http://example.com/a/b/photo.JPG", "https://cdn.example.com/x.jpeg",
    "https://example.com/p.png?size=large", "https://example.com/a.gif#top", "https://example.com/a.webp",
    "https://example.com/v.mp4", "https://example.com/v.webm", "https://example.com/s.mp3",
    "https://example.com/s.ogg", "https://example.com/s.wav", "https://example.com/d.doc",
    "https://example.com/d.docx", "https://example.com/notes.txt", "https://example.com/all.zip",
  };
  static const char * const bad[] = {
    "", "example.com/a.pdf", "ftp://example.com/a.pdf", "file:///tmp/a.pdf", "https:///a.pdf",
    "https://example.com/a.exe", "https://example.com/a.pdf/", "https://example.com/",
    "https://example.com/a.pdf.html", "https://example.com/archive.tar.gz", "data:text/plain,a.txt",
    "https://example.com/a.svg",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("good: %s", good[i]);
      g_assert_true (herald_flixysms_validate_media_url (good[i], &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("bad: %s", bad[i]);
      g_assert_false (herald_flixysms_validate_media_url (bad[i], &error));
      g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
    }
}

static void
test_send_unauthorized (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsClient) wrong = client_for_key (fixture, "not-the-key");
  g_autoptr(HeraldFlixysmsSendResult) result = NULL;
  GAsyncResult *res = NULL;

  herald_flixysms_client_send_async (wrong, "+233241234567", "Hello", NULL, NULL, NULL, herald_test_async_done, &res);
  result = herald_flixysms_client_send_finish (wrong, herald_test_wait (&res), &error);
  g_object_unref (res);

  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 401);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, "Invalid API key");
  g_assert_null (strstr (error->message, "not-the-key"));
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 0);
  g_clear_error (&error);

  g_assert_false (do_test_connection (wrong, &error));
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_UNAUTHORIZED);
}

static void
test_send_forbidden (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsClient) reader = NULL;
  g_autoptr(HeraldFlixysmsSendResult) result = NULL;
  g_autofree char *read_key = g_strconcat (fixture->key, "-read-only", NULL);
  GAsyncResult *res = NULL;

  herald_fake_flixysms_add_key (fixture->fake, read_key, FALSE);
  reader = client_for_key (fixture, read_key);

  herald_flixysms_client_send_async (reader, "+233241234567", "Hello", NULL, NULL, NULL, herald_test_async_done, &res);
  result = herald_flixysms_client_send_finish (reader, herald_test_wait (&res), &error);
  g_object_unref (res);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FORBIDDEN);
  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 403);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==,
                   "API key doesn't have permission for this endpoint");
  g_clear_error (&error);

  /* reading is allowed for that key */
  g_assert_true (do_test_connection (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 0);
}

static void
test_send_no_device (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsSendResult) result = NULL;
  g_autoptr(HeraldFlixysmsBulkReport) report = NULL;
  const char * const two[] = { "+233241234567", "+233201112233", NULL };

  herald_fake_flixysms_set_all_devices_online (fixture->fake, FALSE);

  result = do_send (fixture, "+233241234567", "Hello", NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NO_DEVICE);
  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 503);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, "No devices available to send SMS");
  g_clear_error (&error);

  /* a 503 says nobody took it: the bulk's numbers are safe to send again */
  g_assert_false (do_bulk (fixture, two, "Hello", NULL, NULL, NULL, &report, &error));
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NO_DEVICE);
  g_assert_cmpuint (herald_flixysms_bulk_report_count (report, HERALD_FLIXYSMS_RECIPIENT_NOT_SENT), ==, 2);
  g_clear_error (&error);

  /* a named phone that is offline */
  herald_fake_flixysms_set_device_online (fixture->fake, HERALD_FAKE_FLIXYSMS_DEVICE_GALAXY, TRUE);
  herald_fake_flixysms_set_device_online (fixture->fake, HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, FALSE);
  result = do_send (fixture, "+233241234567", "Hello", HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, NULL, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NO_DEVICE);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, "Device is offline");
  g_clear_error (&error);

  /* and the online one is chosen when none is named */
  result = do_send (fixture, "+233241234567", "Hello", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_flixysms_send_result_get_device_id (result), ==, HERALD_FAKE_FLIXYSMS_DEVICE_GALAXY);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 1);
}

/* Errors in the three shapes, for every status the document lists and 404 */
static void
test_error_shapes (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct
  {
    guint status;
    int   code;   /* HeraldProviderErrorCode, as GError keeps it */
  } statuses[] = {
    { 400, HERALD_PROVIDER_ERROR_BAD_REQUEST },
    { 401, HERALD_PROVIDER_ERROR_UNAUTHORIZED },
    { 403, HERALD_PROVIDER_ERROR_FORBIDDEN },
    { 404, HERALD_PROVIDER_ERROR_NOT_FOUND },
    { 422, HERALD_PROVIDER_ERROR_BAD_REQUEST },
    { 503, HERALD_PROVIDER_ERROR_NO_DEVICE },
  };
  static const HeraldFakeFlixysmsErrorShape shapes[] = {
    HERALD_FAKE_FLIXYSMS_ERROR_SUCCESS_FALSE,
    HERALD_FAKE_FLIXYSMS_ERROR_ERROR_ONLY,
    HERALD_FAKE_FLIXYSMS_ERROR_PLAIN_TEXT,
  };

  /* no retries: a 503 on a GET would otherwise be asked again */
  herald_http_client_set_max_retries (fixture->http, 0);

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    for (guint h = 0; h < G_N_ELEMENTS (shapes); h++)
      {
        g_autoptr(GError) send_error = NULL;
        g_autoptr(GError) status_error = NULL;
        g_autoptr(HeraldFlixysmsSendResult) result = NULL;
        g_autoptr(HeraldFlixysmsMessageStatus) status = NULL;
        g_autofree char *words = g_strdup_printf ("Refused with %u in shape %u", statuses[s].status, h);

        g_test_message ("%s", words);
        herald_fake_flixysms_inject_error (fixture->fake, statuses[s].status, shapes[h], words, 2);

        result = do_send (fixture, "+233241234567", "Hello", NULL, NULL, &send_error);
        g_assert_null (result);
        g_assert_error (send_error, HERALD_PROVIDER_ERROR, statuses[s].code);
        g_assert_cmpuint (herald_provider_error_get_http_status (send_error), ==, statuses[s].status);
        g_assert_cmpstr (herald_provider_error_get_server_message (send_error), ==, words);

        status = do_status (fixture->client, "123e4567-e89b-12d3-a456-426614174000", &status_error);
        g_assert_null (status);
        g_assert_error (status_error, HERALD_PROVIDER_ERROR, statuses[s].code);
        g_assert_cmpuint (herald_provider_error_get_http_status (status_error), ==, statuses[s].status);
        g_assert_cmpstr (herald_provider_error_get_server_message (status_error), ==, words);
      }

  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 0);
}

/* A 2xx that says "success": false was not carried out. */
static void
test_error_success_false_with_200 (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsSendResult) result = NULL;

  herald_fake_flixysms_inject_error (fixture->fake, 200, HERALD_FAKE_FLIXYSMS_ERROR_SUCCESS_FALSE,
                                     "Insufficient balance", 1);
  result = do_send (fixture, "+233241234567", "Hello", NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_BAD_REQUEST);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, "Insufficient balance");
}

/* Bulk */

static void
test_bulk_invalid_and_duplicates (Fixture       *fixture,
                                  gconstpointer  data)
{
  const char * const recipients[] = {
    "024 123 4567",      /* valid, national */
    "hello",             /* invalid */
    "+233 24 123 4567",  /* the first again */
    "+447911123456",     /* valid */
    "12",                /* invalid */
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsBulkReport) report = NULL;
  g_auto(GStrv) queued = NULL;
  const char * const *ids;
  guint n_ids;

  g_assert_true (do_bulk (fixture, recipients, "Sale starts today", NULL, NULL, NULL, &report, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (herald_flixysms_bulk_report_get_n_recipients (report), ==, 5);
  g_assert_cmpint (herald_flixysms_bulk_report_get_state (report, 0), ==, HERALD_FLIXYSMS_RECIPIENT_QUEUED);
  g_assert_cmpint (herald_flixysms_bulk_report_get_state (report, 1), ==, HERALD_FLIXYSMS_RECIPIENT_INVALID);
  g_assert_cmpint (herald_flixysms_bulk_report_get_state (report, 2), ==, HERALD_FLIXYSMS_RECIPIENT_DUPLICATE);
  g_assert_cmpint (herald_flixysms_bulk_report_get_state (report, 3), ==, HERALD_FLIXYSMS_RECIPIENT_QUEUED);
  g_assert_cmpint (herald_flixysms_bulk_report_get_state (report, 4), ==, HERALD_FLIXYSMS_RECIPIENT_INVALID);

  g_assert_cmpstr (herald_flixysms_bulk_report_get_input (report, 1), ==, "hello");
  g_assert_null (herald_flixysms_bulk_report_get_number (report, 1));
  g_assert_nonnull (herald_flixysms_bulk_report_get_reason (report, 1));
  g_assert_cmpstr (herald_flixysms_bulk_report_get_reason_code (report, 4), ==, "too-short");
  g_assert_cmpuint (herald_flixysms_bulk_report_get_duplicate_of (report, 2), ==, 0);
  g_assert_cmpstr (herald_flixysms_bulk_report_get_number (report, 2), ==, "+233241234567");

  queued = herald_flixysms_bulk_report_dup_numbers (report, HERALD_FLIXYSMS_RECIPIENT_QUEUED);
  g_assert_cmpstrv (queued, ((const char * const[]) { "+233241234567", "+447911123456", NULL }));
  ids = herald_flixysms_bulk_report_get_message_ids (report, &n_ids);
  g_assert_cmpuint (n_ids, ==, 2);
  g_assert_cmpstr (ids[0], ==, herald_flixysms_bulk_report_get_message_id (report, 0));
  g_assert_cmpstr (ids[1], ==, herald_flixysms_bulk_report_get_message_id (report, 3));
  g_assert_cmpuint (herald_flixysms_bulk_report_get_n_batches (report), ==, 1);
  g_assert_cmpuint (herald_flixysms_bulk_result_get_queued (herald_flixysms_bulk_report_get_batch (report, 0)),
                    ==, 2);

  /* exactly the two valid numbers were sent, once each */
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 2);
  g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (fixture->fake, "+233241234567"), ==, 1);
  g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (fixture->fake, "+447911123456"), ==, 1);
  g_assert_true (herald_fake_flixysms_get_accepted (fixture->fake, 0)->bulk);
  g_assert_cmpstr (herald_fake_flixysms_lookup_accepted (fixture->fake, ids[1])->to, ==, "+447911123456");
  g_assert_cmpuint (herald_fake_flixysms_get_n_unknown_fields (fixture->fake), ==, 0);
}

static void
test_bulk_nothing_to_send (Fixture       *fixture,
                           gconstpointer  data)
{
  const char * const invalid[] = { "abc", "1", NULL };
  const char * const none[] = { NULL };
  const char * const valid[] = { "+233241234567", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsBulkReport) report = NULL;

  g_assert_false (do_bulk (fixture, invalid, "Hello", NULL, NULL, NULL, &report, &error));
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_assert_cmpuint (herald_flixysms_bulk_report_count (report, HERALD_FLIXYSMS_RECIPIENT_INVALID), ==, 2);
  g_clear_error (&error);
  g_clear_pointer (&report, herald_flixysms_bulk_report_unref);

  g_assert_false (do_bulk (fixture, none, "Hello", NULL, NULL, NULL, &report, &error));
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_assert_cmpuint (herald_flixysms_bulk_report_get_n_recipients (report), ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&report, herald_flixysms_bulk_report_unref);

  /* a bad message or media link stops everything, and the report says the
   * valid numbers were not sent */
  g_assert_false (do_bulk (fixture, valid, "   ", NULL, NULL, NULL, &report, &error));
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_assert_cmpint (herald_flixysms_bulk_report_get_state (report, 0), ==, HERALD_FLIXYSMS_RECIPIENT_NOT_SENT);
  g_clear_error (&error);
  g_clear_pointer (&report, herald_flixysms_bulk_report_unref);

  g_assert_false (do_bulk (fixture, valid, "Hello", NULL, "https://example.com/a.exe", NULL, NULL, &error));
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);

  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_ANY), ==, 0);
}

/* Every number of @numbers (national form) in the record exactly once. */
static void
assert_each_once (HeraldFakeFlixysms *fake,
                  GStrv               numbers)
{
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, g_strv_length (numbers));
  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autofree char *e164 = g_strconcat ("+233", numbers[i] + 1, NULL);

      g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (fake, e164), ==, 1);
    }
}

static void
test_bulk_split (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(GStrv) numbers = ghana_numbers (250);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsBulkReport) report = NULL;
  guint n_ids;

  g_assert_true (do_bulk (fixture, (const char * const *) numbers, "Reminder: meeting at 10:30",
                          NULL, NULL, NULL, &report, &error));
  g_assert_no_error (error);

  /* 100 + 100 + 50 */
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_BULK), ==, 3);
  g_assert_cmpuint (herald_flixysms_bulk_report_get_n_batches (report), ==, 3);
  g_assert_cmpuint (herald_flixysms_bulk_result_get_total (herald_flixysms_bulk_report_get_batch (report, 0)), ==, 100);
  g_assert_cmpuint (herald_flixysms_bulk_result_get_total (herald_flixysms_bulk_report_get_batch (report, 1)), ==, 100);
  g_assert_cmpuint (herald_flixysms_bulk_result_get_total (herald_flixysms_bulk_report_get_batch (report, 2)), ==, 50);

  assert_each_once (fixture->fake, numbers);
  g_assert_cmpuint (herald_flixysms_bulk_report_count (report, HERALD_FLIXYSMS_RECIPIENT_QUEUED), ==, 250);
  herald_flixysms_bulk_report_get_message_ids (report, &n_ids);
  g_assert_cmpuint (n_ids, ==, 250);

  /* every recipient's ID is the one the server gave its number */
  for (guint i = 0; i < 250; i++)
    {
      const HeraldFakeFlixysmsMessage *record =
        herald_fake_flixysms_lookup_accepted (fixture->fake, herald_flixysms_bulk_report_get_message_id (report, i));

      g_assert_nonnull (record);
      g_assert_cmpstr (record->to, ==, herald_flixysms_bulk_report_get_number (report, i));
    }
}

/* The second request is refused: its numbers and the third's are NOT_SENT,
 * and sending those again completes the job with nobody twice. */
static void
test_bulk_refused_part_way (Fixture       *fixture,
                            gconstpointer  data)
{
  g_auto(GStrv) numbers = ghana_numbers (250);
  g_auto(GStrv) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsBulkReport) report = NULL;
  g_autoptr(HeraldFlixysmsBulkReport) second = NULL;

  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_NONE, 1, 0);
  herald_fake_flixysms_inject_error (fixture->fake, 400, HERALD_FAKE_FLIXYSMS_ERROR_ERROR_ONLY,
                                     "Message blocked by content filter", 1);

  g_assert_false (do_bulk (fixture, (const char * const *) numbers, "Hello", NULL, NULL, NULL, &report, &error));
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_BAD_REQUEST);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, "Message blocked by content filter");
  g_clear_error (&error);

  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 100);
  g_assert_cmpuint (herald_flixysms_bulk_report_count (report, HERALD_FLIXYSMS_RECIPIENT_QUEUED), ==, 100);
  g_assert_cmpuint (herald_flixysms_bulk_report_count (report, HERALD_FLIXYSMS_RECIPIENT_NOT_SENT), ==, 150);
  g_assert_cmpuint (herald_flixysms_bulk_report_count (report, HERALD_FLIXYSMS_RECIPIENT_FATE_UNKNOWN), ==, 0);
  g_assert_cmpint (herald_flixysms_bulk_report_get_state (report, 99), ==, HERALD_FLIXYSMS_RECIPIENT_QUEUED);
  g_assert_cmpint (herald_flixysms_bulk_report_get_state (report, 100), ==, HERALD_FLIXYSMS_RECIPIENT_NOT_SENT);
  g_assert_cmpint (herald_flixysms_bulk_report_get_state (report, 249), ==, HERALD_FLIXYSMS_RECIPIENT_NOT_SENT);

  again = herald_flixysms_bulk_report_dup_numbers (report, HERALD_FLIXYSMS_RECIPIENT_NOT_SENT);
  g_assert_cmpuint (g_strv_length (again), ==, 150);
  g_assert_true (do_bulk (fixture, (const char * const *) again, "Hello", NULL, NULL, NULL, &second, &error));
  g_assert_no_error (error);

  assert_each_once (fixture->fake, numbers);
}

/* The second request is taken and its answer lost: its numbers are
 * FATE_UNKNOWN (never offered again), the third's NOT_SENT. */
static void
test_bulk_unknown_part_way (Fixture       *fixture,
                            gconstpointer  data)
{
  g_auto(GStrv) numbers = ghana_numbers (250);
  g_auto(GStrv) again = NULL;
  g_auto(GStrv) unknown = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsBulkReport) report = NULL;
  g_autoptr(HeraldFlixysmsBulkReport) second = NULL;

  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_NONE, 1, 0);
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_CLOSE, 1,
                                     HERALD_FAKE_FLIXYSMS_FAULT_PROCESS);

  g_assert_false (do_bulk (fixture, (const char * const *) numbers, "Hello", NULL, NULL, NULL, &report, &error));
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  g_clear_error (&error);

  /* the server did take the second hundred */
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 200);
  g_assert_cmpuint (herald_flixysms_bulk_report_count (report, HERALD_FLIXYSMS_RECIPIENT_QUEUED), ==, 100);
  g_assert_cmpuint (herald_flixysms_bulk_report_count (report, HERALD_FLIXYSMS_RECIPIENT_FATE_UNKNOWN), ==, 100);
  g_assert_cmpuint (herald_flixysms_bulk_report_count (report, HERALD_FLIXYSMS_RECIPIENT_NOT_SENT), ==, 50);
  unknown = herald_flixysms_bulk_report_dup_numbers (report, HERALD_FLIXYSMS_RECIPIENT_FATE_UNKNOWN);
  g_assert_cmpstr (unknown[0], ==, "+233241000100");
  g_assert_cmpstr (unknown[99], ==, "+233241000199");

  again = herald_flixysms_bulk_report_dup_numbers (report, HERALD_FLIXYSMS_RECIPIENT_NOT_SENT);
  g_assert_cmpuint (g_strv_length (again), ==, 50);
  g_assert_cmpstr (again[0], ==, "+233241000200");
  g_assert_true (do_bulk (fixture, (const char * const *) again, "Hello", NULL, NULL, NULL, &second, &error));
  g_assert_no_error (error);

  assert_each_once (fixture->fake, numbers);
}

static void
test_bulk_media (Fixture       *fixture,
                 gconstpointer  data)
{
  const char * const recipients[] = { "+233241234567", "+233201112233", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsBulkReport) report = NULL;

  g_assert_true (do_bulk (fixture, recipients, "Our new catalogue", NULL, "https://example.com/catalogue.pdf",
                          NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (herald_flixysms_bulk_result_get_device_id (herald_flixysms_bulk_report_get_batch (report, 0)),
                   ==, HERALD_FAKE_FLIXYSMS_DEVICE_WHATSAPP);
  for (guint i = 0; i < 2; i++)
    {
      const HeraldFakeFlixysmsMessage *record = herald_fake_flixysms_get_accepted (fixture->fake, i);

      g_assert_cmpstr (record->media_url, ==, "https://example.com/catalogue.pdf");
      g_assert_cmpstr (record->device_id, ==, HERALD_FAKE_FLIXYSMS_DEVICE_WHATSAPP);
    }
}

static void
test_bulk_cancelled (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(GStrv) numbers = ghana_numbers (3);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsBulkReport) report = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (do_bulk (fixture, (const char * const *) numbers, "Hello", NULL, NULL, cancellable,
                           &report, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (herald_flixysms_bulk_report_count (report, HERALD_FLIXYSMS_RECIPIENT_NOT_SENT), ==, 3);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_ANY), ==, 0);
}

/* Status */

static void
test_status_lifecycle (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsSendResult) sent = NULL;
  g_autoptr(HeraldFlixysmsMessageStatus) status = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  const char *id;

  sent = do_send (fixture, "+233241234567", "Hello", NULL, NULL, &error);
  g_assert_no_error (error);
  id = herald_flixysms_send_result_get_message_id (sent);

  status = do_status (fixture->client, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_flixysms_message_status_get_message_id (status), ==, id);
  g_assert_cmpstr (herald_flixysms_message_status_get_status (status), ==, "queued");
  g_assert_null (herald_flixysms_message_status_get_delivered_at (status));
  g_assert_cmpstr (herald_flixysms_message_status_get_device_id (status), ==, HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL);
  g_clear_pointer (&status, herald_flixysms_message_status_unref);

  g_assert_cmpstr (herald_fake_flixysms_advance_status (fixture->fake, id), ==, "sent");
  status = do_status (fixture->client, id, &error);
  g_assert_cmpstr (herald_flixysms_message_status_get_status (status), ==, "sent");
  g_assert_null (herald_flixysms_message_status_get_delivered_at (status));
  g_clear_pointer (&status, herald_flixysms_message_status_unref);

  g_assert_cmpstr (herald_fake_flixysms_advance_status (fixture->fake, id), ==, "delivered");
  status = do_status (fixture->client, id, &error);
  g_assert_cmpstr (herald_flixysms_message_status_get_status (status), ==, "delivered");
  g_assert_nonnull (herald_flixysms_message_status_get_delivered_at (status));
  /* whole seconds on the wire */
  g_assert_cmpint (g_date_time_to_unix (herald_flixysms_message_status_get_delivered_at (status)), >=,
                   g_date_time_to_unix (before));
  g_clear_pointer (&status, herald_flixysms_message_status_unref);

  herald_fake_flixysms_set_status (fixture->fake, id, "failed");
  status = do_status (fixture->client, id, &error);
  g_assert_cmpstr (herald_flixysms_message_status_get_status (status), ==, "failed");
}

static void
test_status_not_found (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsMessageStatus) status = NULL;

  status = do_status (fixture->client, "123e4567-e89b-12d3-a456-426614174000", &error);
  g_assert_null (status);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NOT_FOUND);
  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 404);
  g_assert_nonnull (strstr (error->message, "123e4567-e89b-12d3-a456-426614174000"));
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, "Message not found");
  g_clear_error (&error);

  /* an ID is one path segment, whatever it holds */
  status = do_status (fixture->client, "a/b c?d", &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NOT_FOUND);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, "Message not found");
  g_assert_cmpstr (herald_fake_flixysms_get_request_uri (fixture->fake, 1), ==, "/api/v1/sms/status/a%2Fb%20c%3Fd");
  g_clear_error (&error);

  status = do_status (fixture->client, "", &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_ANY), ==, 2);
}

/* Received messages */

static void
test_received_page (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsReceivedPage) page = NULL;
  g_autoptr(HeraldFlixysmsReceivedMessage) first = NULL;
  g_autoptr(HeraldFlixysmsReceivedMessage) third = NULL;
  g_autofree char *received_at = NULL;
  GListModel *items;

  page = do_received (fixture, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_flixysms_received_page_get_page (page), ==, 1);
  g_assert_cmpuint (herald_flixysms_received_page_get_per_page (page), ==, 25);
  g_assert_cmpuint (herald_flixysms_received_page_get_total (page), ==, 60);
  g_assert_cmpuint (herald_flixysms_received_page_get_total_pages (page), ==, 3);
  g_assert_true (herald_flixysms_received_page_get_has_more (page));

  items = herald_flixysms_received_page_get_items (page);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 25);
  first = g_list_model_get_item (items, 0);
  g_assert_cmpstr (herald_flixysms_received_message_get_from (first), ==, "+233241234567");
  g_assert_cmpstr (herald_flixysms_received_message_get_message (first), ==, "Hi, is the shop open on Saturday?");
  received_at = iso (herald_flixysms_received_message_get_received_at (first));
  g_assert_cmpstr (received_at, ==, "2024-01-15T10:30:00Z");
  g_assert_cmpstr (herald_flixysms_received_message_get_device_id (first), ==, HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL);
  g_assert_cmpstr (herald_flixysms_received_message_get_device_name (first), ==, "Pixel 7 (office)");
  g_assert_cmpstr (herald_flixysms_received_message_get_device_phone (first), ==, "+233241000001");
  g_assert_cmpstr (herald_flixysms_received_message_get_message_type (first), ==, "sms");
  g_assert_cmpint (herald_flixysms_received_message_get_sim_slot (first), ==, 1);

  /* the same through the properties a list view binds to */
  {
    g_autofree char *id = NULL, *from = NULL, *message = NULL, *device_id = NULL;
    g_autofree char *device_name = NULL, *device_phone = NULL, *type = NULL;
    g_autoptr(GDateTime) at = NULL;
    g_autofree char *at_text = NULL;
    int sim_slot = 0;

    g_object_get (first, "id", &id, "from", &from, "message", &message, "received-at", &at,
                  "device-id", &device_id, "device-name", &device_name, "device-phone", &device_phone,
                  "message-type", &type, "sim-slot", &sim_slot, NULL);
    at_text = iso (at);
    g_assert_cmpstr (id, ==, herald_flixysms_received_message_get_id (first));
    g_assert_cmpstr (from, ==, "+233241234567");
    g_assert_cmpstr (message, ==, "Hi, is the shop open on Saturday?");
    g_assert_cmpstr (at_text, ==, "2024-01-15T10:30:00Z");
    g_assert_cmpstr (device_id, ==, HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL);
    g_assert_cmpstr (device_name, ==, "Pixel 7 (office)");
    g_assert_cmpstr (device_phone, ==, "+233241000001");
    g_assert_cmpstr (type, ==, "sms");
    g_assert_cmpint (sim_slot, ==, 1);
  }

  /* the third is a WhatsApp message: no SIM slot */
  third = g_list_model_get_item (items, 2);
  g_assert_cmpstr (herald_flixysms_received_message_get_message_type (third), ==, "whatsapp");
  g_assert_cmpint (herald_flixysms_received_message_get_sim_slot (third), ==, -1);
  g_assert_cmpstr (herald_flixysms_received_message_get_device_name (third), ==, "WhatsApp Business");

  g_clear_pointer (&page, herald_flixysms_received_page_unref);
  page = do_received (fixture, NULL, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (herald_flixysms_received_page_get_items (page)), ==, 10);
  g_assert_false (herald_flixysms_received_page_get_has_more (page));

  g_clear_pointer (&page, herald_flixysms_received_page_unref);
  page = do_received (fixture, NULL, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (herald_flixysms_received_page_get_items (page)), ==, 0);

  g_assert_cmpstr (herald_fake_flixysms_get_request_uri (fixture->fake, 0), ==, "/api/v1/messages/received?page=1");
}

/* Filters with a small inbox of known messages. */
static void
test_received_filters (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) t1 = utc (2024, 1, 10, 8, 0, 0);
  g_autoptr(GDateTime) t2 = utc (2024, 1, 11, 8, 0, 0);
  g_autoptr(GDateTime) t3 = utc (2024, 1, 12, 8, 0, 0);
  g_autoptr(GDateTime) t4 = utc (2024, 1, 13, 8, 0, 0);
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GTimeZone) accra_plus_one = g_time_zone_new_identifier ("+01:00");
  HeraldFlixysmsReceivedFilter filter = { 0 };
  const char *uri;

  herald_fake_flixysms_add_device (fixture->fake, "dev-a", "Phone A", "+233241000001", FALSE, TRUE);
  herald_fake_flixysms_add_device (fixture->fake, "dev-b", "Phone B", "+233241000002", FALSE, TRUE);
  herald_fake_flixysms_add_received (fixture->fake, "+233241234567", "one", t1, "dev-a", "sms", 1);
  herald_fake_flixysms_add_received (fixture->fake, "+233201112233", "two", t2, "dev-a", "sms", 2);
  herald_fake_flixysms_add_received (fixture->fake, "+233241234567", "three", t3, "dev-b", "sms", 1);
  herald_fake_flixysms_add_received (fixture->fake, "+447911123456", "four", t4, "dev-b", "sms", 1);

  struct
  {
    const char *from;
    const char *device_id;
    GDateTime  *since;
    GDateTime  *until;
    const char *expected;   /* texts, newest first */
    guint       n_expected;
  } cases[] = {
    { NULL, NULL, NULL, NULL, "four three two one", 4 },
    { "024 123 4567", NULL, NULL, NULL, "three one", 2 },
    { "+44 7911 123456", NULL, NULL, NULL, "four", 1 },
    { NULL, "dev-a", NULL, NULL, "two one", 2 },
    { NULL, "dev-c", NULL, NULL, "", 0 },
    { NULL, NULL, t2, NULL, "four three two", 3 },     /* inclusive */
    { NULL, NULL, NULL, t2, "two one", 2 },            /* inclusive */
    { NULL, NULL, t2, t3, "three two", 2 },
    { "0241234567", "dev-b", t2, t4, "three", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HeraldFlixysmsReceivedPage) page = NULL;
      g_autoptr(GString) texts = g_string_new (NULL);
      GListModel *items;

      g_test_message ("case %u", i);
      filter = (HeraldFlixysmsReceivedFilter) { cases[i].from, cases[i].device_id, cases[i].since, cases[i].until };
      page = do_received (fixture, &filter, 1, &error);
      g_assert_no_error (error);
      items = herald_flixysms_received_page_get_items (page);
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(HeraldFlixysmsReceivedMessage) item = g_list_model_get_item (items, j);

          g_string_append_printf (texts, "%s%s", j > 0 ? " " : "", herald_flixysms_received_message_get_message (item));
        }
      g_assert_cmpstr (texts->str, ==, cases[i].expected);
      g_assert_cmpuint (herald_flixysms_received_page_get_total (page), ==, cases[i].n_expected);
    }

  /* '+' escaped, times in UTC to the second as the document writes them */
  uri = herald_fake_flixysms_get_request_uri (fixture->fake, 8);
  g_assert_cmpstr (uri, ==, "/api/v1/messages/received?device_id=dev-b&from=%2B233241234567&page=1"
                            "&since=2024-01-11T08%3A00%3A00Z&until=2024-01-13T08%3A00%3A00Z");

  /* a time in another zone is sent in UTC */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HeraldFlixysmsReceivedPage) page = NULL;

    since = g_date_time_new (accra_plus_one, 2024, 1, 12, 9, 0, 0);   /* = 08:00Z */
    filter = (HeraldFlixysmsReceivedFilter) { NULL, NULL, since, NULL };
    page = do_received (fixture, &filter, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (herald_flixysms_received_page_get_total (page), ==, 2);
  }
}

static void
test_received_bad_filter (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) early = utc (2024, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) late = utc (2024, 1, 31, 23, 59, 59);
  HeraldFlixysmsReceivedFilter bad_from = { "not a number", NULL, NULL, NULL };
  HeraldFlixysmsReceivedFilter reversed = { NULL, NULL, late, early };
  g_autoptr(HeraldFlixysmsReceivedPage) page = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;

  page = do_received (fixture, &bad_from, 1, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  all = do_received_all (fixture, &reversed, &error);
  g_assert_null (all);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);

  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_ANY), ==, 0);
}

static void
test_received_all (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(HeraldFlixysmsReceivedMessage) last = NULL;
  g_autofree char *last_at = NULL;
  HeraldFlixysmsReceivedFilter whatsapp = { NULL, HERALD_FAKE_FLIXYSMS_DEVICE_WHATSAPP, NULL, NULL };

  all = do_received_all (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 60);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_RECEIVED), ==, 3);
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(HeraldFlixysmsReceivedMessage) item = g_list_model_get_item (all, i);

      g_assert_true (g_hash_table_add (ids, (gpointer) herald_flixysms_received_message_get_id (item)));
    }
  /* the oldest: 59 × 317 minutes before the newest */
  last = g_list_model_get_item (all, 59);
  last_at = iso (herald_flixysms_received_message_get_received_at (last));
  g_assert_cmpstr (last_at, ==, "2024-01-02T10:47:00Z");
  g_clear_object (&all);

  /* with a filter: 20 WhatsApp messages, one page */
  all = do_received_all (fixture, &whatsapp, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 20);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_RECEIVED), ==, 4);
}

/* A message arriving between two pages pushes one onto the next page: it is
 * listed once, and none is lost. */
static void
test_received_all_shifting (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GDateTime) newest = utc (2024, 1, 16, 9, 0, 0);
  GAsyncResult *res = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  gboolean added = FALSE;

  herald_flixysms_client_received_all_async (fixture->client, NULL, NULL, herald_test_async_done, &res);
  while (res == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
      if (!added && herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_RECEIVED) == 1)
        {
          herald_fake_flixysms_add_received (fixture->fake, "+233551239876", "Just arrived", newest,
                                             HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, "sms", 1);
          added = TRUE;
        }
    }
  all = herald_flixysms_client_received_all_finish (fixture->client, res, &error);
  g_object_unref (res);
  g_assert_no_error (error);

  /* the 60 that were there when it started, each once; the new one is on
   * a page already read */
  g_assert_true (added);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 60);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_RECEIVED), ==, 3);
}

static void
test_test_connection (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (do_test_connection (fixture->client, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_ANY), ==, 1);
  g_assert_nonnull (strstr (herald_fake_flixysms_get_request_uri (fixture->fake, 0), "per_page=1"));
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 0);
}

/* Faults */

static void
test_fault_rate_limit_storm (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsMessageStatus) status = NULL;
  g_autoptr(HeraldFlixysmsSendResult) sent = NULL;
  gint64 now;

  sent = do_send (fixture, "+233241234567", "Hello", NULL, NULL, &error);
  g_assert_no_error (error);

  /* a 429 with Retry-After: 1, then the answer */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_RATE_LIMITED, 1, 0);
  status = do_status (fixture->client, herald_flixysms_send_result_get_message_id (sent), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_flixysms_message_status_get_status (status), ==, "queued");
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_STATUS), ==, 2);
  g_clear_pointer (&status, herald_flixysms_message_status_unref);

  /* a send refused by 429 is safe to repeat: it goes out once */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_RATE_LIMITED, 1, 0);
  g_clear_pointer (&sent, herald_flixysms_send_result_unref);
  sent = do_send (fixture, "+233201112233", "Hello", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (fixture->fake, "+233201112233"), ==, 1);

  /* longer than the retries: RATE_LIMITED with the time to try again */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_RATE_LIMITED, 3, 0);
  now = g_get_real_time () / G_USEC_PER_SEC;
  status = do_status (fixture->client, herald_flixysms_send_result_get_message_id (sent), &error);
  g_assert_null (status);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_RATE_LIMITED);
  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 429);
  g_assert_cmpint (herald_provider_error_get_retry_at (error), >=, now);
  g_assert_cmpint (herald_provider_error_get_retry_at (error), <=, now + 10);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, "Rate limit exceeded");
}

static void
test_fault_rate_limit_storm_no_headers (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsSendResult) sent = NULL;

  herald_fake_flixysms_set_rate_limit_headers (fixture->fake, FALSE);

  /* backs off on its own, then gets through */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_RATE_LIMITED, 2, 0);
  sent = do_send (fixture, "+233241234567", "Hello", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_SEND), ==, 3);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 1);
  g_clear_pointer (&sent, herald_flixysms_send_result_unref);

  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_RATE_LIMITED, 3, 0);
  sent = do_send (fixture, "+233201112233", "Hello", NULL, NULL, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_RATE_LIMITED);
  /* refused every time: nothing went out */
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 1);
}

/* The server's real limit: the client learns it and never trips it. */
static void
test_fault_rate_limit_paced (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  herald_fake_flixysms_set_rate_limit (fixture->fake, 3, 1);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(HeraldFlixysmsReceivedPage) page = do_received (fixture, NULL, 1, &error);

      g_assert_no_error (error);
      g_assert_nonnull (page);
    }
  /* five requests, not one of them refused */
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_ANY), ==, 5);
}

static void
test_fault_server_errors (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsReceivedPage) page = NULL;
  g_autoptr(HeraldFlixysmsSendResult) sent = NULL;

  /* a read is asked again */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_SERVER_ERROR, 2, 0);
  page = do_received (fixture, NULL, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_RECEIVED), ==, 3);
  g_clear_pointer (&page, herald_flixysms_received_page_unref);

  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_SERVER_ERROR, 3, 0);
  page = do_received (fixture, NULL, 1, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_SERVER_ERROR);
  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 500);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, "Internal server error");
  g_clear_error (&error);

  /* a send is not: it may have been taken before the 500 */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_SERVER_ERROR, 1, 0);
  sent = do_send (fixture, "+233241234567", "Hello", NULL, NULL, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_SEND), ==, 1);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 0);
  g_clear_error (&error);

  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_SERVER_ERROR, 1,
                                     HERALD_FAKE_FLIXYSMS_FAULT_PROCESS);
  sent = do_send (fixture, "+233241234567", "Hello", NULL, NULL, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_SEND), ==, 2);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 1);
}

static void
test_fault_slow (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsSendResult) sent = NULL;
  g_autoptr(HeraldFlixysmsMessageStatus) status = NULL;

  herald_http_client_set_timeout (fixture->http, 1);
  herald_http_client_set_max_retries (fixture->http, 1);
  herald_fake_flixysms_set_fault_delay (fixture->fake, 2500);

  /* taken at once, answered too late */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_DELAY, 1, 0);
  sent = do_send (fixture, "+233241234567", "Hello", NULL, NULL, &error);
  g_assert_null (sent);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_SEND), ==, 1);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 1);
  g_clear_error (&error);

  /* a read times out on every attempt */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_DELAY, 2, 0);
  status = do_status (fixture->client, herald_fake_flixysms_get_accepted (fixture->fake, 0)->id, &error);
  g_assert_null (status);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_TIMEOUT);
  g_clear_error (&error);

  /* one slow answer, then a quick one */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_DELAY, 1, 0);
  status = do_status (fixture->client, herald_fake_flixysms_get_accepted (fixture->fake, 0)->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_flixysms_message_status_get_status (status), ==, "queued");
}

static void
test_fault_connection_closed (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsSendResult) sent = NULL;
  g_autoptr(HeraldFlixysmsReceivedPage) page = NULL;

  /* closed before the server did anything */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_CLOSE, 1, 0);
  sent = do_send (fixture, "+233241234567", "Hello", NULL, NULL, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 0);
  g_clear_error (&error);

  /* closed after it took the message: the same to the client */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_CLOSE, 1,
                                     HERALD_FAKE_FLIXYSMS_FAULT_PROCESS);
  sent = do_send (fixture, "+233241234567", "Hello", NULL, NULL, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 1);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_SEND), ==, 2);
  g_clear_error (&error);

  /* a read is asked again, and fails when every attempt is cut */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_CLOSE, 1, 0);
  page = do_received (fixture, NULL, 1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&page, herald_flixysms_received_page_unref);

  /* more closes than attempts (libsoup itself may resend a GET once on a
   * reused connection) */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_CLOSE, 20, 0);
  page = do_received (fixture, NULL, 1, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NETWORK);
}

static void
test_fault_truncated (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsSendResult) sent = NULL;
  g_autoptr(HeraldFlixysmsReceivedPage) page = NULL;

  /* the connection drops half-way through the answer to a send */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_TRUNCATED, 1,
                                     HERALD_FAKE_FLIXYSMS_FAULT_PROCESS);
  sent = do_send (fixture, "+233241234567", "Hello", NULL, NULL, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 1);
  g_clear_error (&error);

  /* a complete answer whose JSON stops half-way */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_TRUNCATED_JSON, 1,
                                     HERALD_FAKE_FLIXYSMS_FAULT_PROCESS);
  sent = do_send (fixture, "+233201112233", "Hello", NULL, NULL, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 2);
  g_clear_error (&error);

  /* reads: cut on every attempt, or unreadable JSON */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_TRUNCATED, 3,
                                     HERALD_FAKE_FLIXYSMS_FAULT_PROCESS);
  page = do_received (fixture, NULL, 1, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
  g_clear_error (&error);

  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_TRUNCATED_JSON, 1,
                                     HERALD_FAKE_FLIXYSMS_FAULT_PROCESS);
  page = do_received (fixture, NULL, 1, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
}

static void
test_fault_not_json (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsSendResult) sent = NULL;
  g_autoptr(HeraldFlixysmsMessageStatus) status = NULL;

  /* a 200 HTML page (a captive portal) in place of the answer to a send */
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_NOT_JSON, 1, 0);
  sent = do_send (fixture, "+233241234567", "Hello", NULL, NULL, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 0);
  g_clear_error (&error);

  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_NOT_JSON, 1, 0);
  status = do_status (fixture->client, "123e4567-e89b-12d3-a456-426614174000", &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
  g_assert_nonnull (strstr (error->message, "status"));
  g_clear_error (&error);

  /* an HTML error page: its markup is no message for people */
  herald_fake_flixysms_inject_error (fixture->fake, 400, HERALD_FAKE_FLIXYSMS_ERROR_PLAIN_TEXT,
                                     "<html><body><h1>400 Bad Request</h1></body></html>", 1);
  status = do_status (fixture->client, "123e4567-e89b-12d3-a456-426614174000", &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_BAD_REQUEST);
  g_assert_null (herald_provider_error_get_server_message (error));
}

static void
test_fault_huge (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsSendResult) sent = NULL;
  g_autoptr(HeraldFlixysmsReceivedPage) page = NULL;

  /* just past the client's 8 MiB */
  herald_fake_flixysms_set_huge_size (fixture->fake, 8 * 1024 * 1024 + 4096);

  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_HUGE, 1, 0);
  page = do_received (fixture, NULL, 1, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
  g_clear_error (&error);

  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_HUGE, 1,
                                     HERALD_FAKE_FLIXYSMS_FAULT_PROCESS);
  sent = do_send (fixture, "+233241234567", "Hello", NULL, NULL, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 1);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlixysmsMessageStatus) status = NULL;
  GAsyncResult *res = NULL;

  herald_fake_flixysms_set_fault_delay (fixture->fake, 5000);
  herald_fake_flixysms_inject_fault (fixture->fake, HERALD_FAKE_FLIXYSMS_FAULT_DELAY, 1, 0);
  herald_flixysms_client_status_async (fixture->client, "123e4567-e89b-12d3-a456-426614174000", cancellable,
                                       herald_test_async_done, &res);
  while (herald_fake_flixysms_count_requests (fixture->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_ANY) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  status = herald_flixysms_client_status_finish (fixture->client, herald_test_wait (&res), &error);
  g_object_unref (res);
  g_assert_null (status);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The fake itself: the paths and refusals the document implies, straight
 * over HTTP. */

typedef struct
{
  guint  status;
  char  *body;
} RawAnswer;

static void
raw_answer_clear (RawAnswer *answer)
{
  g_clear_pointer (&answer->body, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RawAnswer, raw_answer_clear)

static void
raw_request (Fixture    *fixture,
             const char *method,
             const char *path,
             const char *authorization,
             const char *content_type,
             const char *body,
             RawAnswer  *answer)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (herald_fake_flixysms_get_base_url (fixture->fake), path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;

  if (authorization != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  if (body != NULL)
    {
      g_autoptr(GBytes) request_body = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, content_type, request_body);
    }

  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, herald_test_async_done, &res);
  bytes = soup_session_send_and_read_finish (session, herald_test_wait (&res), &error);
  g_object_unref (res);
  g_assert_no_error (error);

  answer->status = soup_message_get_status (message);
  answer->body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* every answer says where the window stands */
  g_assert_nonnull (soup_message_headers_get_one (soup_message_get_response_headers (message), "X-RateLimit-Limit"));
  g_assert_nonnull (soup_message_headers_get_one (soup_message_get_response_headers (message), "X-RateLimit-Remaining"));
  g_assert_nonnull (soup_message_headers_get_one (soup_message_get_response_headers (message), "X-RateLimit-Reset"));
}

static void
assert_raw (Fixture    *fixture,
            const char *method,
            const char *path,
            const char *body,
            guint       expected_status,
            const char *expected_fragment)
{
  g_autofree char *authorization = g_strconcat ("Bearer ", fixture->key, NULL);
  g_auto(RawAnswer) answer = { 0 };

  g_test_message ("%s %s %s", method, path, body != NULL ? body : "");
  raw_request (fixture, method, path, authorization, "application/json", body, &answer);
  g_assert_cmpuint (answer.status, ==, expected_status);
  if (expected_fragment != NULL && strstr (answer.body, expected_fragment) == NULL)
    g_error ("expected “%s” in %s", expected_fragment, answer.body);
}

static void
test_fake_paths (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *status_path = NULL;

  assert_raw (fixture, "POST", "/sms/send", "{\"to\":\"+1234567890\",\"message\":\"Hi\"}", 200, "\"queued\"");
  assert_raw (fixture, "POST", "/message/send", "{\"to\":\"+1234567890\",\"message\":\"Hi\"}", 200, "\"queued\"");
  /* the document's own bulk example, "+0987654321" included */
  assert_raw (fixture, "POST", "/sms/bulk",
              "{\"recipients\":[\"+1234567890\",\"+0987654321\",\"+1122334455\"],\"message\":\"Check out this document!\","
              "\"device_id\":\"" HERALD_FAKE_FLIXYSMS_DEVICE_WHATSAPP "\",\"media_url\":\"https://example.com/document.pdf\"}",
              200, "\"stats\":{\"total\":3,\"valid\":3,\"invalid\":0,\"queued\":3}");
  assert_raw (fixture, "POST", "/message/bulk", "{\"recipients\":[\"+1234567890\",\"12345\"],\"message\":\"Hi\"}",
              200, "\"stats\":{\"total\":2,\"valid\":1,\"invalid\":1,\"queued\":1}");
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 6);

  status_path = g_strconcat ("/message/status/", herald_fake_flixysms_get_accepted (fixture->fake, 0)->id, NULL);
  assert_raw (fixture, "GET", status_path, NULL, 200, "\"delivered_at\":null");
  g_free (status_path);
  status_path = g_strconcat ("/sms/status/", herald_fake_flixysms_get_accepted (fixture->fake, 1)->id, NULL);
  assert_raw (fixture, "GET", status_path, NULL, 200, "\"status\":\"queued\"");

  assert_raw (fixture, "GET", "/messages/received?page=2", NULL, 200, "\"page\":2,\"per_page\":25,\"total\":60");
  assert_raw (fixture, "GET", "/message/received?page=2", NULL, 200, "\"page\":2,\"per_page\":25,\"total\":60");
  /* per_page is not in the document: ignored unless asked */
  assert_raw (fixture, "GET", "/messages/received?per_page=5", NULL, 200, "\"per_page\":25");
  herald_fake_flixysms_set_honour_per_page (fixture->fake, TRUE);
  assert_raw (fixture, "GET", "/messages/received?per_page=5", NULL, 200, "\"per_page\":5,\"total\":60,\"total_pages\":12");

  assert_raw (fixture, "GET", "/sms/received", NULL, 404, NULL);
  assert_raw (fixture, "GET", "/sms/send", NULL, 405, NULL);
  assert_raw (fixture, "POST", "/messages/received", "{}", 405, NULL);
  assert_raw (fixture, "GET", "/sms/status/", NULL, 404, NULL);
}

static void
test_fake_strict (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct
  {
    const char *path;
    const char *body;
    guint       status;
    const char *fragment;
  } cases[] = {
    { "/sms/send", "{\"message\":\"Hi\"}", 400, "to is required" },
    { "/sms/send", "{\"to\":1234567890,\"message\":\"Hi\"}", 400, "to must be a string" },
    { "/sms/send", "{\"to\":\"1234567890\",\"message\":\"Hi\"}", 400, "international format" },
    { "/sms/send", "{\"to\":\"+12\",\"message\":\"Hi\"}", 400, "international format" },
    { "/sms/send", "{\"to\":\"+1234567890\"}", 400, "message is required" },
    { "/sms/send", "{\"to\":\"+1234567890\",\"message\":\"\"}", 400, "message is required" },
    { "/sms/send", "{\"to\":\"+1234567890\",\"message\":[\"Hi\"]}", 400, "message must be a string" },
    { "/sms/send", "{\"to\":\"+1234567890\",\"message\":\"Hi\",\"device_id\":7}", 400, "device_id must be a string" },
    { "/sms/send", "{\"to\":\"+1234567890\",\"message\":\"Hi\",\"media_url\":\"https://e.com/a.exe\"}", 400, "media_url" },
    { "/sms/send", "{\"to\":\"+1234567890\",\"message\":\"Hi\",\"media_url\":true}", 400, "media_url must be a string" },
    { "/sms/send", "[\"+1234567890\"]", 400, "JSON object" },
    { "/sms/send", "{\"to\":", 400, "JSON object" },
    { "/sms/bulk", "{\"message\":\"Hi\"}", 400, "recipients is required" },
    { "/sms/bulk", "{\"recipients\":\"+1234567890\",\"message\":\"Hi\"}", 400, "must be an array" },
    { "/sms/bulk", "{\"recipients\":[],\"message\":\"Hi\"}", 400, "must not be empty" },
    { "/sms/bulk", "{\"recipients\":[\"+1234567890\",5],\"message\":\"Hi\"}", 400, "must be strings" },
    { "/sms/bulk", "{\"recipients\":[\"nope\"],\"message\":\"Hi\"}", 400, "No valid recipients" },
    /* tolerated: a member the document does not know */
    { "/sms/send", "{\"to\":\"+1234567890\",\"message\":\"Hi\",\"priority\":\"high\"}", 200, "\"queued\"" },
  };
  g_autoptr(GString) many = g_string_new ("{\"message\":\"Hi\",\"recipients\":[");
  g_auto(RawAnswer) answer = { 0 };
  g_autofree char *authorization = g_strconcat ("Bearer ", fixture->key, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_raw (fixture, "POST", cases[i].path, cases[i].body, cases[i].status, cases[i].fragment);
  g_assert_cmpuint (herald_fake_flixysms_get_n_unknown_fields (fixture->fake), ==, 1);

  /* 101 recipients */
  for (guint i = 0; i < 101; i++)
    g_string_append_printf (many, "%s\"+2332410%05u\"", i > 0 ? "," : "", i);
  g_string_append (many, "]}");
  assert_raw (fixture, "POST", "/sms/bulk", many->str, 400, "Maximum 100 recipients");

  /* query parameters */
  assert_raw (fixture, "GET", "/messages/received?page=0", NULL, 400, "page");
  assert_raw (fixture, "GET", "/messages/received?page=two", NULL, 400, "page");
  assert_raw (fixture, "GET", "/messages/received?since=yesterday", NULL, 400, "since");
  assert_raw (fixture, "GET", "/messages/received?until=2024-01-31", NULL, 400, "until");
  assert_raw (fixture, "GET", "/messages/received?from=+233241234567", NULL, 400, "from");   /* '+' unescaped */
  assert_raw (fixture, "GET", "/messages/received?from=%2B233241234567", NULL, 200, "\"total\":8");

  /* not JSON */
  raw_request (fixture, "POST", "/sms/send", authorization, "text/plain",
               "{\"to\":\"+1234567890\",\"message\":\"Hi\"}", &answer);
  g_assert_cmpuint (answer.status, ==, 400);
  raw_answer_clear (&answer);

  /* keys */
  raw_request (fixture, "GET", "/messages/received", NULL, NULL, NULL, &answer);
  g_assert_cmpuint (answer.status, ==, 401);
  g_assert_nonnull (strstr (answer.body, "Missing API key"));
  raw_answer_clear (&answer);
  raw_request (fixture, "GET", "/messages/received", "Bearer wrong", NULL, NULL, &answer);
  g_assert_cmpuint (answer.status, ==, 401);
  g_assert_nonnull (strstr (answer.body, "Invalid API key"));
  raw_answer_clear (&answer);
  raw_request (fixture, "GET", "/messages/received", fixture->key, NULL, NULL, &answer);   /* no "Bearer" */
  g_assert_cmpuint (answer.status, ==, 401);
  raw_answer_clear (&answer);

  /* only the valid request and the one valid bulk number above went out */
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture->fake), ==, 1);
}

static void
test_fake_rate_limit (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *authorization = g_strconcat ("Bearer ", fixture->key, NULL);
  g_autoptr(SoupSession) session = soup_session_new ();

  herald_fake_flixysms_set_rate_limit (fixture->fake, 2, 60);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *url = g_strconcat (herald_fake_flixysms_get_base_url (fixture->fake),
                                          "/messages/received", NULL);
      g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
      g_autoptr(GBytes) bytes = NULL;
      SoupMessageHeaders *headers;
      GAsyncResult *res = NULL;
      char expected[8];

      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
      soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, herald_test_async_done, &res);
      bytes = soup_session_send_and_read_finish (session, herald_test_wait (&res), NULL);
      g_object_unref (res);
      headers = soup_message_get_response_headers (message);

      g_assert_cmpstr (soup_message_headers_get_one (headers, "X-RateLimit-Limit"), ==, "2");
      g_snprintf (expected, sizeof expected, "%u", i < 2 ? 1 - i : 0);
      g_assert_cmpstr (soup_message_headers_get_one (headers, "X-RateLimit-Remaining"), ==, expected);
      if (i < 2)
        {
          g_assert_cmpuint (soup_message_get_status (message), ==, 200);
          g_assert_null (soup_message_headers_get_one (headers, "Retry-After"));
        }
      else
        {
          g_assert_cmpuint (soup_message_get_status (message), ==, 429);
          g_assert_nonnull (soup_message_headers_get_one (headers, "Retry-After"));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/flixysms-client/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("send/ok", test_send_ok, NULL);
  ADD ("send/device-and-media", test_send_device_and_media, NULL);
  ADD ("send/invalid-input", test_send_invalid_input, NULL);
  g_test_add_func ("/flixysms-client/send/media-url-validation", test_media_url_validation);
  ADD ("send/unauthorized", test_send_unauthorized, NULL);
  ADD ("send/forbidden", test_send_forbidden, NULL);
  ADD ("send/no-device", test_send_no_device, NULL);
  ADD ("errors/three-shapes", test_error_shapes, NULL);
  ADD ("errors/success-false-with-200", test_error_success_false_with_200, NULL);
  ADD ("bulk/invalid-and-duplicates", test_bulk_invalid_and_duplicates, NULL);
  ADD ("bulk/nothing-to-send", test_bulk_nothing_to_send, NULL);
  ADD ("bulk/split-250", test_bulk_split, NULL);
  ADD ("bulk/refused-part-way", test_bulk_refused_part_way, NULL);
  ADD ("bulk/unknown-part-way", test_bulk_unknown_part_way, NULL);
  ADD ("bulk/media", test_bulk_media, NULL);
  ADD ("bulk/cancelled", test_bulk_cancelled, NULL);
  ADD ("status/lifecycle", test_status_lifecycle, NULL);
  ADD ("status/not-found", test_status_not_found, NULL);
  ADD ("received/page", test_received_page, NULL);
  ADD ("received/filters", test_received_filters, "empty");
  ADD ("received/bad-filter", test_received_bad_filter, NULL);
  ADD ("received/all-pages", test_received_all, NULL);
  ADD ("received/all-pages-shifting", test_received_all_shifting, NULL);
  ADD ("test-connection", test_test_connection, NULL);
  ADD ("faults/rate-limit-storm", test_fault_rate_limit_storm, NULL);
  ADD ("faults/rate-limit-storm-no-headers", test_fault_rate_limit_storm_no_headers, NULL);
  ADD ("faults/rate-limit-paced", test_fault_rate_limit_paced, NULL);
  ADD ("faults/server-errors", test_fault_server_errors, NULL);
  ADD ("faults/slow", test_fault_slow, NULL);
  ADD ("faults/connection-closed", test_fault_connection_closed, NULL);
  ADD ("faults/truncated", test_fault_truncated, NULL);
  ADD ("faults/not-json", test_fault_not_json, NULL);
  ADD ("faults/huge", test_fault_huge, NULL);
  ADD ("faults/cancelled", test_cancelled, NULL);
  ADD ("fake/paths", test_fake_paths, NULL);
  ADD ("fake/strict", test_fake_strict, NULL);
  ADD ("fake/rate-limit", test_fake_rate_limit, NULL);

#undef ADD

  return g_test_run ();
}
