/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-flashsms-client"

#include <string.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "providers/flashsms/herald-flashsms-client.h"
#include "net/herald-provider-error.h"
#include "herald-fake-flashsms.h"
#include "herald-test-util.h"

/* The FlashSMS client against the strict fake server on 127.0.0.1: every
 * endpoint, every error status, the transport faults, and the limits the
 * document sets. Expected values are written out here, never computed with
 * the code under test. */

#define KEY        "bms_live_test_0123456789abcdef"

typedef struct
{
  HeraldFakeFlashsms   *fake;
  HeraldFlashsmsClient *client;
} Fixture;

static HeraldFlashsmsClient *
client_new (Fixture         *f,
            const char      *key,
            HeraldAuthStyle  style,
            guint            max_retries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldHttpClient) http = NULL;

  http = herald_http_client_new (herald_fake_flashsms_get_base_url (f->fake), key, style, &error);
  g_assert_no_error (error);
  herald_http_client_set_max_retries (http, max_retries);
  herald_http_client_set_timeout (http, 10);

  return herald_flashsms_client_new (http);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->fake = herald_fake_flashsms_new ();
  herald_fake_flashsms_add_key (f->fake, KEY, NULL);
  /* Most tests are not about pacing: a budget they never reach. */
  herald_fake_flashsms_set_rate_limit (f->fake, 100000, 60);
  herald_fake_flashsms_set_balance (f->fake, 10000);
  herald_fake_flashsms_add_sender_id (f->fake, "MyBrand", "APPROVED");
  herald_fake_flashsms_add_sender_id (f->fake, "Waiting", "PENDING");
  f->client = client_new (f, KEY, HERALD_AUTH_BEARER, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->client);
  g_clear_object (&f->fake);

  /* Let the server and the session close their connections. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ---- calls, one helper per endpoint ---------------------------------------------------- */

static HeraldFlashsmsSendResult *
send (Fixture                *f,
      HeraldFlashsmsOutgoing *outgoing,
      GError                **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsSendResult *value;

  herald_flashsms_client_send_async (f->client, outgoing, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_send_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static HeraldFlashsmsBalance *
balance (HeraldFlashsmsClient  *client,
         GError               **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsBalance *value;

  herald_flashsms_client_get_balance_async (client, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_get_balance_finish (client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static HeraldFlashsmsHistoryPage *
history (Fixture                           *f,
         const HeraldFlashsmsHistoryFilter *filter,
         guint                              page,
         guint                              limit,
         GError                           **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsHistoryPage *value;

  herald_flashsms_client_list_history_async (f->client, filter, page, limit, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_list_history_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static GPtrArray *
all_history (Fixture                           *f,
             const HeraldFlashsmsHistoryFilter *filter,
             GError                           **error)
{
  GAsyncResult *result = NULL;
  GPtrArray *value;

  herald_flashsms_client_list_all_history_async (f->client, filter, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_list_all_history_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static HeraldFlashsmsMessage *
status (Fixture     *f,
        const char  *id,
        GError     **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsMessage *value;

  herald_flashsms_client_get_status_async (f->client, id, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_get_status_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static HeraldFlashsmsEstimate *
estimate (Fixture     *f,
          const char  *text,
          guint        count,
          GError     **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsEstimate *value;

  herald_flashsms_client_estimate_async (f->client, text, count, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_estimate_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static HeraldFlashsmsReport *
report (Fixture     *f,
        const char  *id,
        GError     **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsReport *value;

  herald_flashsms_client_get_report_async (f->client, id, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_get_report_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static HeraldFlashsmsContactPage *
contacts (Fixture     *f,
          guint        page,
          guint        limit,
          const char  *search,
          const char  *group_id,
          GError     **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsContactPage *value;

  herald_flashsms_client_list_contacts_async (f->client, page, limit, search, group_id, NULL,
                                              herald_test_async_done, &result);
  value = herald_flashsms_client_list_contacts_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static HeraldFlashsmsContactPage *
search_contacts (Fixture     *f,
                 const char  *query,
                 GError     **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsContactPage *value;

  herald_flashsms_client_search_contacts_async (f->client, query, 0, 0, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_search_contacts_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static HeraldFlashsmsContact *
get_contact (Fixture     *f,
             const char  *id,
             GError     **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsContact *value;

  herald_flashsms_client_get_contact_async (f->client, id, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_get_contact_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static HeraldFlashsmsContact *
create_contact (Fixture                           *f,
                const HeraldFlashsmsContactFields *fields,
                const char                        *group_id,
                GError                           **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsContact *value;

  herald_flashsms_client_create_contact_async (f->client, fields, group_id, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_create_contact_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static HeraldFlashsmsContact *
update_contact (Fixture                           *f,
                const char                        *id,
                const HeraldFlashsmsContactFields *fields,
                GError                           **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsContact *value;

  herald_flashsms_client_update_contact_async (f->client, id, fields, NULL, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_update_contact_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static gboolean
delete_contact (Fixture     *f,
                const char  *id,
                GError     **error)
{
  GAsyncResult *result = NULL;
  gboolean value;

  herald_flashsms_client_delete_contact_async (f->client, id, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_delete_contact_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static HeraldFlashsmsImportResult *
import (Fixture                           *f,
        const HeraldFlashsmsContactFields *entries,
        guint                              n_entries,
        const char                        *group_id,
        GError                           **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsImportResult *value;

  herald_flashsms_client_import_contacts_async (f->client, entries, n_entries, group_id, NULL,
                                                herald_test_async_done, &result);
  value = herald_flashsms_client_import_contacts_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static GPtrArray *
groups (Fixture  *f,
        GError  **error)
{
  GAsyncResult *result = NULL;
  GPtrArray *value;

  herald_flashsms_client_list_groups_async (f->client, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_list_groups_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static HeraldFlashsmsGroup *
create_group (Fixture     *f,
              const char  *name,
              GError     **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsGroup *value;

  herald_flashsms_client_create_group_async (f->client, name, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_create_group_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static gboolean
delete_group (Fixture     *f,
              const char  *id,
              GError     **error)
{
  GAsyncResult *result = NULL;
  gboolean value;

  herald_flashsms_client_delete_group_async (f->client, id, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_delete_group_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static GPtrArray *
sender_ids (Fixture  *f,
            GError  **error)
{
  GAsyncResult *result = NULL;
  GPtrArray *value;

  herald_flashsms_client_list_sender_ids_async (f->client, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_list_sender_ids_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static GPtrArray *
templates (Fixture  *f,
           GError  **error)
{
  GAsyncResult *result = NULL;
  GPtrArray *value;

  herald_flashsms_client_list_templates_async (f->client, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_list_templates_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static HeraldFlashsmsTemplate *
create_template (Fixture     *f,
                 const char  *name,
                 const char  *content,
                 GError     **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsTemplate *value;

  herald_flashsms_client_create_template_async (f->client, name, content, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_create_template_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static HeraldFlashsmsTemplate *
update_template (Fixture     *f,
                 const char  *id,
                 const char  *name,
                 const char  *content,
                 GError     **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsTemplate *value;

  herald_flashsms_client_update_template_async (f->client, id, name, content, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_update_template_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static gboolean
delete_template (Fixture     *f,
                 const char  *id,
                 GError     **error)
{
  GAsyncResult *result = NULL;
  gboolean value;

  herald_flashsms_client_delete_template_async (f->client, id, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_delete_template_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static HeraldFlashsmsTransactionPage *
transactions (Fixture                               *f,
              const HeraldFlashsmsTransactionFilter *filter,
              guint                                  page,
              guint                                  limit,
              GError                               **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsTransactionPage *value;

  herald_flashsms_client_list_transactions_async (f->client, filter, page, limit, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_list_transactions_finish (f->client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

static HeraldFlashsmsKeyCheck *
test_connection (HeraldFlashsmsClient  *client,
                 GError               **error)
{
  GAsyncResult *result = NULL;
  HeraldFlashsmsKeyCheck *value;

  herald_flashsms_client_test_connection_async (client, NULL, herald_test_async_done, &result);
  value = herald_flashsms_client_test_connection_finish (client, herald_test_wait (&result), error);
  g_object_unref (result);

  return value;
}

/* ---- helpers ------------------------------------------------------------------------ */

static const HeraldFakeFlashsmsRequest *
last_request (Fixture *f)
{
  GPtrArray *requests = herald_fake_flashsms_get_requests (f->fake);

  g_assert_cmpuint (requests->len, >, 0);

  return g_ptr_array_index (requests, requests->len - 1);
}

static const HeraldFakeFlashsmsSent *
sent_at (Fixture *f,
         guint    index)
{
  GPtrArray *sent = herald_fake_flashsms_get_sent (f->fake);

  g_assert_cmpuint (index, <, sent->len);

  return g_ptr_array_index (sent, index);
}

static void
assert_strv (const char * const *actual,
             const char * const *expected)
{
  g_assert_cmpstrv (actual, expected);
}

#define STRV(...) ((const char * const[]) { __VA_ARGS__, NULL })

static char *
repeat (const char *unit,
        guint       count)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < count; i++)
    g_string_append (text, unit);

  return g_string_free (text, FALSE);
}

/* 0241000000, 0241000001, …: valid Ghanaian mobile numbers. */
static char *
ghana_number (guint i)
{
  return g_strdup_printf ("024%07u", 1000000 + i);
}

/* ---- authentication ---------------------------------------------------------------- */

static void
test_auth_bearer (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlashsmsBalance) result = balance (f->client, &error);

  g_assert_no_error (error);
  g_assert_cmpint (herald_flashsms_balance_get_balance (result), ==, 10000);
  g_assert_cmpstr (last_request (f)->auth_header, ==, "Authorization");
}

static void
test_auth_x_api_key (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsClient) client = client_new (f, KEY, HERALD_AUTH_X_API_KEY, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlashsmsBalance) result = balance (client, &error);

  g_assert_no_error (error);
  g_assert_cmpint (herald_flashsms_balance_get_balance (result), ==, 10000);
  g_assert_cmpstr (last_request (f)->auth_header, ==, "X-API-Key");
}

static void
test_auth_wrong_key (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsClient) client = client_new (f, "bms_live_wrong", HERALD_AUTH_BEARER, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlashsmsBalance) result = balance (client, &error);

  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 401);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, "Invalid API key");
  /* The key never shows up in what a person reads. */
  g_assert_null (strstr (error->message, "bms_live_wrong"));
}

/* The client cannot send without a key; the fake must still refuse one. */
static void
test_auth_missing_key (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (herald_fake_flashsms_get_base_url (f->fake), "/balance", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  GAsyncResult *result = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, herald_test_async_done, &result);
  body = soup_session_send_and_read_finish (session, herald_test_wait (&result), &error);
  g_object_unref (result);

  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 401);
  g_assert_nonnull (strstr (g_bytes_get_data (body, NULL), "\"success\":false"));
}

/* ---- send --------------------------------------------------------------------------- */

static void
test_send_basic (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("Hello from FlashSMS!");
  g_autoptr(HeraldFlashsmsSendResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const HeraldFakeFlashsmsSent *sent;
  guint n_invalid = 99;

  herald_flashsms_outgoing_add_recipient (outgoing, "0201234567");
  herald_flashsms_outgoing_add_recipient (outgoing, "+233 24 123 4567");
  herald_flashsms_outgoing_add_recipient (outgoing, "233201234567");   /* the first, again */
  herald_flashsms_outgoing_set_sender_id (outgoing, "MyBrand");
  herald_flashsms_outgoing_set_campaign_name (outgoing, "Welcome Campaign");

  result = send (f, outgoing, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (herald_flashsms_send_result_get_recipients_sent (result), ==, 2);
  g_assert_cmpint (herald_flashsms_send_result_get_credits_used (result), ==, 2);
  g_assert_cmpint (herald_flashsms_send_result_get_remaining_credits (result), ==, 9998);
  g_assert_false (herald_flashsms_send_result_get_scheduled (result));
  g_assert_null (herald_flashsms_send_result_get_error (result));
  g_assert_null (herald_flashsms_send_result_get_invalid (result, &n_invalid));
  g_assert_cmpuint (n_invalid, ==, 0);

  g_assert_cmpuint (herald_fake_flashsms_get_sent (f->fake)->len, ==, 1);
  sent = sent_at (f, 0);
  assert_strv (herald_flashsms_send_result_get_message_ids (result), STRV (sent->id));
  assert_strv ((const char * const *) sent->recipients, STRV ("233201234567", "233241234567"));
  g_assert_cmpstr (sent->message, ==, "Hello from FlashSMS!");
  g_assert_cmpstr (sent->sender_id, ==, "MyBrand");
  g_assert_cmpstr (sent->campaign_name, ==, "Welcome Campaign");
  g_assert_cmpint (herald_fake_flashsms_get_balance (f->fake), ==, 9998);
  g_assert_cmpstr (last_request (f)->method, ==, "POST");
}

static void
test_send_invalid_reported (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("Hi");
  g_autoptr(HeraldFlashsmsSendResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const HeraldFlashsmsInvalidRecipient *invalid;
  guint n_invalid = 0;

  herald_flashsms_outgoing_add_recipient (outgoing, "12345");
  herald_flashsms_outgoing_add_recipient (outgoing, "0241234567");
  herald_flashsms_outgoing_add_recipient (outgoing, "0302123456");        /* Accra landline */
  herald_flashsms_outgoing_add_recipient (outgoing, "+44 7911 123456");   /* valid, but not a form FlashSMS takes */

  result = send (f, outgoing, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (herald_flashsms_send_result_get_recipients_sent (result), ==, 1);
  invalid = herald_flashsms_send_result_get_invalid (result, &n_invalid);
  g_assert_cmpuint (n_invalid, ==, 3);
  g_assert_cmpstr (invalid[0].input, ==, "12345");
  g_assert_cmpstr (invalid[0].reason, ==, "too-short");
  g_assert_cmpstr (invalid[1].input, ==, "0302123456");
  g_assert_cmpstr (invalid[1].reason, ==, "not-mobile");
  /* Refused by FlashSMS, reported with what was typed. */
  g_assert_cmpstr (invalid[2].input, ==, "+44 7911 123456");
  g_assert_cmpstr (invalid[2].reason, ==, "rejected-by-server");

  assert_strv ((const char * const *) sent_at (f, 0)->recipients, STRV ("233241234567"));
}

static void
test_send_all_invalid (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("Hi");
  g_autoptr(HeraldFlashsmsSendResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_invalid = 0;

  herald_flashsms_outgoing_add_recipient (outgoing, "not a number");
  herald_flashsms_outgoing_add_recipient (outgoing, "");

  result = send (f, outgoing, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_flashsms_send_result_get_recipients_sent (result), ==, 0);
  g_assert_cmpuint (g_strv_length ((char **) herald_flashsms_send_result_get_message_ids (result)), ==, 0);
  herald_flashsms_send_result_get_invalid (result, &n_invalid);
  g_assert_cmpuint (n_invalid, ==, 2);
  g_assert_cmpuint (herald_fake_flashsms_get_requests (f->fake)->len, ==, 0);
}

static void
test_send_split (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("Big campaign");
  g_autoptr(HeraldFlashsmsSendResult) result = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GPtrArray *requests;
  GPtrArray *sent;

  for (guint i = 0; i < 2500; i++)
    {
      g_autofree char *number = ghana_number (i);

      herald_flashsms_outgoing_add_recipient (outgoing, number);
    }
  herald_flashsms_outgoing_set_campaign_name (outgoing, "Big");

  result = send (f, outgoing, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (herald_flashsms_send_result_get_recipients_sent (result), ==, 2500);
  g_assert_cmpint (herald_flashsms_send_result_get_credits_used (result), ==, 2500);
  g_assert_cmpint (herald_flashsms_send_result_get_remaining_credits (result), ==, 7500);
  g_assert_cmpuint (g_strv_length ((char **) herald_flashsms_send_result_get_message_ids (result)), ==, 3);

  requests = herald_fake_flashsms_get_requests (f->fake);
  g_assert_cmpuint (requests->len, ==, 3);
  g_assert_cmpuint (((HeraldFakeFlashsmsRequest *) requests->pdata[0])->n_items, ==, 1000);
  g_assert_cmpuint (((HeraldFakeFlashsmsRequest *) requests->pdata[1])->n_items, ==, 1000);
  g_assert_cmpuint (((HeraldFakeFlashsmsRequest *) requests->pdata[2])->n_items, ==, 500);

  /* Every number exactly once over the three messages. */
  sent = herald_fake_flashsms_get_sent (f->fake);
  g_assert_cmpuint (sent->len, ==, 3);
  for (guint i = 0; i < sent->len; i++)
    {
      const HeraldFakeFlashsmsSent *message = g_ptr_array_index (sent, i);

      g_assert_cmpstr (message->campaign_name, ==, "Big");
      for (guint k = 0; message->recipients[k] != NULL; k++)
        g_assert_true (g_hash_table_add (seen, message->recipients[k]));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 2500);
  g_assert_true (g_hash_table_contains (seen, "233241000000"));
  g_assert_true (g_hash_table_contains (seen, "233241002499"));
}

static void
test_send_split_later_fails (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("Big campaign");
  g_autoptr(HeraldFlashsmsSendResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const GError *failure;

  for (guint i = 0; i < 2500; i++)
    {
      g_autofree char *number = ghana_number (i);

      herald_flashsms_outgoing_add_recipient (outgoing, number);
    }
  herald_fake_flashsms_set_balance (f->fake, 1500);

  result = send (f, outgoing, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (herald_flashsms_send_result_get_recipients_sent (result), ==, 1000);
  failure = herald_flashsms_send_result_get_error (result);
  g_assert_error (failure, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED);
  g_assert_cmpint (herald_provider_error_get_credits_needed (failure), ==, 1000);
  g_assert_cmpint (herald_provider_error_get_balance (failure), ==, 500);
  g_assert_cmpuint (g_strv_length ((char **) herald_flashsms_send_result_get_unsent_recipients (result)), ==, 1500);
  g_assert_cmpstr (herald_flashsms_send_result_get_unsent_recipients (result)[0], ==, "233241001000");
  /* The third request is not made once the second failed. */
  g_assert_cmpuint (herald_fake_flashsms_count_requests (f->fake, "POST", "/sms/send"), ==, 2);
}

static void
test_send_length_limit (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *longest = repeat ("a", 918);
  g_autofree char *too_long = repeat ("a", 919);
  g_autofree char *ucs2_seven_parts = repeat ("é€ж", 140);   /* 420 UCS-2 units: 7 parts */
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlashsmsSendResult) result = NULL;

  {
    g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new (too_long);

    herald_flashsms_outgoing_add_recipient (outgoing, "0241234567");
    result = send (f, outgoing, &error);
    g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
    g_assert_nonnull (strstr (error->message, "919"));
    g_assert_nonnull (strstr (error->message, "918"));
    g_assert_null (result);
    g_clear_error (&error);
  }

  {
    g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new (ucs2_seven_parts);

    herald_flashsms_outgoing_add_recipient (outgoing, "0241234567");
    result = send (f, outgoing, &error);
    g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
    g_assert_null (result);
    g_clear_error (&error);
  }

  g_assert_cmpuint (herald_fake_flashsms_get_requests (f->fake)->len, ==, 0);

  {
    g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new (longest);

    herald_flashsms_outgoing_add_recipient (outgoing, "0241234567");
    herald_flashsms_outgoing_add_recipient (outgoing, "0551234567");
    result = send (f, outgoing, &error);
    g_assert_no_error (error);
    /* 918 GSM-7 characters are 6 parts of 153: 6 credits a recipient. */
    g_assert_cmpint (herald_flashsms_send_result_get_credits_used (result), ==, 12);
    g_assert_cmpuint (sent_at (f, 0)->parts, ==, 6);
  }
}

static void
test_send_empty (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFlashsmsSendResult) result = NULL;
  g_autoptr(HeraldFlashsmsOutgoing) empty_text = herald_flashsms_outgoing_new ("");
  g_autoptr(HeraldFlashsmsOutgoing) nobody = herald_flashsms_outgoing_new ("Hi");

  herald_flashsms_outgoing_add_recipient (empty_text, "0241234567");
  result = send (f, empty_text, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  result = send (f, nobody, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_assert_cmpuint (herald_fake_flashsms_get_requests (f->fake)->len, ==, 0);
}

static void
test_send_audiences (Fixture       *f,
                     gconstpointer  data)
{
  const char *vip = herald_fake_flashsms_add_group (f->fake, "VIP Customers");
  const char *staff = herald_fake_flashsms_add_group (f->fake, "Staff");
  const char *kofi, *efua;
  g_autoptr(GError) error = NULL;

  herald_fake_flashsms_add_contact (f->fake, "0201111111", "Kofi", "Mensah", NULL, vip);
  herald_fake_flashsms_add_contact (f->fake, "0202222222", "Ama", "Owusu", NULL, vip);
  herald_fake_flashsms_add_contact (f->fake, "0203333333", "Yaw", "Boateng", NULL, staff);
  efua = herald_fake_flashsms_add_contact (f->fake, "0204444444", "Efua", "Asante", NULL, NULL);
  kofi = herald_fake_flashsms_find_contact (f->fake, "233201111111");

  {
    g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("VIP preview");
    g_autoptr(HeraldFlashsmsSendResult) result = NULL;

    herald_flashsms_outgoing_add_group (outgoing, vip);
    herald_flashsms_outgoing_add_contact (outgoing, efua);
    herald_flashsms_outgoing_add_contact (outgoing, kofi);   /* already in the group */
    result = send (f, outgoing, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (herald_flashsms_send_result_get_recipients_sent (result), ==, 3);
    assert_strv ((const char * const *) sent_at (f, 0)->recipients,
                 STRV ("233201111111", "233202222222", "233204444444"));
  }

  {
    g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("Two groups");
    g_autoptr(HeraldFlashsmsSendResult) result = NULL;

    herald_flashsms_outgoing_add_group (outgoing, vip);
    herald_flashsms_outgoing_add_group (outgoing, staff);
    result = send (f, outgoing, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (herald_flashsms_send_result_get_recipients_sent (result), ==, 3);
  }

  {
    g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("Everyone");
    g_autoptr(HeraldFlashsmsSendResult) result = NULL;

    herald_flashsms_outgoing_set_all_contacts (outgoing, TRUE);
    result = send (f, outgoing, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (herald_flashsms_send_result_get_recipients_sent (result), ==, 4);
    /* No senderId given: the first approved one. */
    g_assert_cmpstr (sent_at (f, 2)->sender_id, ==, "MyBrand");
  }

  {
    g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("Nobody");
    g_autoptr(HeraldFlashsmsSendResult) result = NULL;

    herald_flashsms_outgoing_add_group (outgoing, "grp_does_not_exist");
    result = send (f, outgoing, &error);
    g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NOT_FOUND);
    g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 404);
  }
}

static void
test_send_scheduled (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("See you tomorrow");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) when = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) whole = g_date_time_new_from_unix_utc (g_date_time_to_unix (when));
  g_autoptr(HeraldFlashsmsSendResult) result = NULL;
  g_autoptr(HeraldFlashsmsMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  herald_flashsms_outgoing_add_recipient (outgoing, "0241234567");
  herald_flashsms_outgoing_set_schedule (outgoing, when);

  result = send (f, outgoing, &error);
  g_assert_no_error (error);
  g_assert_true (herald_flashsms_send_result_get_scheduled (result));
  g_assert_true (g_date_time_equal (herald_flashsms_send_result_get_schedule_date (result), whole));
  g_assert_true (sent_at (f, 0)->scheduled);

  message = status (f, herald_flashsms_send_result_get_message_ids (result)[0], &error);
  g_assert_no_error (error);
  g_assert_cmpint (herald_flashsms_message_get_status (message), ==, HERALD_FLASHSMS_STATUS_PENDING);
  g_assert_true (g_date_time_equal (herald_flashsms_message_get_scheduled_at (message), whole));
  g_assert_null (herald_flashsms_message_get_sent_at (message));
}

static void
test_send_unknown_sender (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("Hi");
  g_autoptr(HeraldFlashsmsSendResult) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_flashsms_outgoing_add_recipient (outgoing, "0241234567");
  herald_flashsms_outgoing_set_sender_id (outgoing, "Waiting");   /* not approved */

  result = send (f, outgoing, &error);
  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_BAD_REQUEST);
  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 400);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==,
                   "Sender ID Waiting is not approved for this account");
  g_assert_nonnull (strstr (error->message, "Sender ID Waiting is not approved"));
  g_assert_cmpuint (herald_fake_flashsms_get_sent (f->fake)->len, ==, 0);
}

static void
check_payment_required (Fixture  *f,
                        gboolean  minimal)
{
  g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("Hi");
  g_autoptr(HeraldFlashsmsSendResult) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_fake_flashsms_set_minimal_errors (f->fake, minimal);
  herald_fake_flashsms_set_balance (f->fake, 1);
  herald_flashsms_outgoing_add_recipient (outgoing, "0241234567");
  herald_flashsms_outgoing_add_recipient (outgoing, "0551234567");
  herald_flashsms_outgoing_add_recipient (outgoing, "0201234567");

  result = send (f, outgoing, &error);
  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED);
  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 402);
  g_assert_cmpint (herald_provider_error_get_credits_needed (error), ==, 3);
  g_assert_cmpint (herald_provider_error_get_balance (error), ==, 1);
  g_assert_nonnull (strstr (error->message, "3"));
  g_assert_cmpuint (herald_fake_flashsms_get_sent (f->fake)->len, ==, 0);
  g_assert_cmpint (herald_fake_flashsms_get_balance (f->fake), ==, 1);
}

static void
test_send_payment_required (Fixture       *f,
                            gconstpointer  data)
{
  check_payment_required (f, FALSE);
}

static void
test_send_payment_required_minimal (Fixture       *f,
                                    gconstpointer  data)
{
  /* Only the sentence: the numbers are read from it. */
  check_payment_required (f, TRUE);
}

static void
check_forbidden (Fixture  *f,
                 gboolean  minimal)
{
  g_autoptr(HeraldFlashsmsClient) client = NULL;
  g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("Hi");
  g_autoptr(HeraldFlashsmsSendResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *async = NULL;

  herald_fake_flashsms_add_key (f->fake, "bms_live_readonly", "sms:read balance:read");
  herald_fake_flashsms_set_minimal_errors (f->fake, minimal);
  client = client_new (f, "bms_live_readonly", HERALD_AUTH_BEARER, 0);
  herald_flashsms_outgoing_add_recipient (outgoing, "0241234567");

  herald_flashsms_client_send_async (client, outgoing, NULL, herald_test_async_done, &async);
  result = herald_flashsms_client_send_finish (client, herald_test_wait (&async), &error);
  g_object_unref (async);

  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FORBIDDEN);
  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 403);
  g_assert_cmpstr (herald_provider_error_get_scope (error), ==, "sms:send");
  g_assert_nonnull (strstr (error->message, "sms:send"));
}

static void
test_send_forbidden (Fixture       *f,
                     gconstpointer  data)
{
  check_forbidden (f, FALSE);
}

static void
test_send_forbidden_minimal (Fixture       *f,
                             gconstpointer  data)
{
  check_forbidden (f, TRUE);
}

static void
test_send_server_error_fate_unknown (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsClient) client = client_new (f, KEY, HERALD_AUTH_BEARER, 3);
  g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("Hi");
  g_autoptr(HeraldFlashsmsSendResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *async = NULL;

  herald_flashsms_outgoing_add_recipient (outgoing, "0241234567");
  herald_fake_flashsms_inject_fault (f->fake, HERALD_FAKE_FLASHSMS_FAULT_STATUS, 5, 500);

  herald_flashsms_client_send_async (client, outgoing, NULL, herald_test_async_done, &async);
  result = herald_flashsms_client_send_finish (client, herald_test_wait (&async), &error);
  g_object_unref (async);

  /* Retries are allowed, yet a send is never repeated after a 500. */
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  g_assert_cmpuint (herald_fake_flashsms_count_requests (f->fake, "POST", "/sms/send"), ==, 1);
}

static void
test_send_reset_fate_unknown (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("Hi");
  g_autoptr(HeraldFlashsmsSendResult) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_flashsms_outgoing_add_recipient (outgoing, "0241234567");
  herald_fake_flashsms_inject_fault (f->fake, HERALD_FAKE_FLASHSMS_FAULT_RESET, 5, 0);

  result = send (f, outgoing, &error);
  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  g_assert_cmpuint (herald_fake_flashsms_count_requests (f->fake, "POST", "/sms/send"), ==, 1);
}

static void
test_send_timeout_fate_unknown (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("Hi");
  g_autoptr(HeraldFlashsmsSendResult) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_http_client_set_timeout (herald_rest_client_get_http_client (HERALD_REST_CLIENT (f->client)), 1);
  herald_flashsms_outgoing_add_recipient (outgoing, "0241234567");
  herald_fake_flashsms_inject_fault (f->fake, HERALD_FAKE_FLASHSMS_FAULT_DELAY, 1, 2500);

  result = send (f, outgoing, &error);
  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
}

/* ---- balance, history, status, estimate, report --------------------------------------------- */

static void
test_balance (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsBalance) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_fake_flashsms_set_account (f->fake, "John Doe", "0201234567");
  herald_fake_flashsms_set_balance (f->fake, 1000);

  result = balance (f->client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (herald_flashsms_balance_get_balance (result), ==, 1000);
  g_assert_cmpstr (herald_flashsms_balance_get_currency (result), ==, "credits");
  g_assert_cmpstr (herald_flashsms_balance_get_account_name (result), ==, "John Doe");
  g_assert_cmpstr (herald_flashsms_balance_get_account_phone (result), ==, "0201234567");
}

/* @n messages, one a day back from 2024-12-31 10:00 UTC; every third FAILED. */
static void
seed_history (Fixture *f,
              guint    n)
{
  g_autoptr(GDateTime) last = g_date_time_new_utc (2024, 12, 31, 10, 0, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Message %u", i);
      const char *state = i % 3 == 0 ? "FAILED" : "DELIVERED";

      herald_fake_flashsms_add_history (f->fake, text, "MyBrand", NULL,
                                        STRV ("0241234567"), STRV (state),
                                        g_date_time_to_unix (last) - (gint64) (n - 1 - i) * 86400);
    }
}

static void
test_history_pages_and_filters (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const HeraldFlashsmsPagination *pagination;
  HeraldFlashsmsMessage *first;

  seed_history (f, 45);

  {
    g_autoptr(HeraldFlashsmsHistoryPage) page = history (f, NULL, 0, 0, &error);

    g_assert_no_error (error);
    pagination = herald_flashsms_history_page_get_pagination (page);
    g_assert_cmpuint (pagination->page, ==, 1);
    g_assert_cmpuint (pagination->limit, ==, 20);
    g_assert_cmpuint (pagination->total, ==, 45);
    g_assert_cmpuint (pagination->total_pages, ==, 3);
    g_assert_true (pagination->has_more);
    first = g_ptr_array_index (herald_flashsms_history_page_get_messages (page), 0);
    g_assert_cmpstr (herald_flashsms_message_get_text (first), ==, "Message 44");
    g_assert_cmpstr (herald_flashsms_message_get_sender_id (first), ==, "MyBrand");
    g_assert_cmpuint (herald_flashsms_message_get_recipient_count (first), ==, 1);
  }

  {
    g_autoptr(HeraldFlashsmsHistoryPage) page = history (f, NULL, 3, 20, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (herald_flashsms_history_page_get_messages (page)->len, ==, 5);
    g_assert_false (herald_flashsms_history_page_get_pagination (page)->has_more);
  }

  {
    HeraldFlashsmsHistoryFilter filter = { HERALD_FLASHSMS_STATUS_FAILED, NULL, NULL };
    g_autoptr(HeraldFlashsmsHistoryPage) page = history (f, &filter, 1, 100, &error);
    GPtrArray *messages;

    g_assert_no_error (error);
    messages = herald_flashsms_history_page_get_messages (page);
    g_assert_cmpuint (messages->len, ==, 15);
    for (guint i = 0; i < messages->len; i++)
      g_assert_cmpint (herald_flashsms_message_get_status (g_ptr_array_index (messages, i)), ==,
                       HERALD_FLASHSMS_STATUS_FAILED);
    g_assert_nonnull (strstr (last_request (f)->query, "status=FAILED"));
  }

  {
    /* 2024-12-20 00:00 … 2024-12-25 00:00: the messages of the 20th to the 24th. */
    g_autoptr(GDateTime) start = g_date_time_new_utc (2024, 12, 20, 0, 0, 0);
    g_autoptr(GDateTime) end = g_date_time_new_utc (2024, 12, 25, 0, 0, 0);
    HeraldFlashsmsHistoryFilter filter = { HERALD_FLASHSMS_STATUS_UNKNOWN, start, end };
    g_autoptr(HeraldFlashsmsHistoryPage) page = history (f, &filter, 1, 100, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (herald_flashsms_history_page_get_messages (page)->len, ==, 5);
    g_assert_nonnull (strstr (last_request (f)->query, "startDate=2024-12-20T00%3A00%3A00Z"));
  }

  {
    g_autoptr(HeraldFlashsmsHistoryPage) page = history (f, NULL, 1, 101, &error);

    g_assert_null (page);
    g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  }
}

static void
test_history_all_pages (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;

  seed_history (f, 250);

  messages = all_history (f, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 250);
  g_assert_cmpstr (herald_flashsms_message_get_text (g_ptr_array_index (messages, 0)), ==, "Message 249");
  g_assert_cmpstr (herald_flashsms_message_get_text (g_ptr_array_index (messages, 249)), ==, "Message 0");
  g_assert_cmpuint (herald_fake_flashsms_count_requests (f->fake, "GET", "/sms"), ==, 3);
  g_assert_nonnull (strstr (last_request (f)->query, "page=3"));
}

static void
test_history_all_pages_empty (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;

  messages = all_history (f, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 0);
  g_assert_cmpuint (herald_fake_flashsms_count_requests (f->fake, "GET", "/sms"), ==, 1);
}

static char *
send_three (Fixture *f)
{
  g_autoptr(HeraldFlashsmsOutgoing) outgoing = herald_flashsms_outgoing_new ("Hello from FlashSMS!");
  g_autoptr(HeraldFlashsmsSendResult) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_flashsms_outgoing_add_recipient (outgoing, "0201234567");
  herald_flashsms_outgoing_add_recipient (outgoing, "0241234567");
  herald_flashsms_outgoing_add_recipient (outgoing, "0551234567");
  herald_flashsms_outgoing_set_sender_id (outgoing, "MyBrand");
  result = send (f, outgoing, &error);
  g_assert_no_error (error);

  return g_strdup (herald_flashsms_send_result_get_message_ids (result)[0]);
}

static void
test_status (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = send_three (f);
  g_autoptr(HeraldFlashsmsMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  message = status (f, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_flashsms_message_get_id (message), ==, id);
  g_assert_cmpint (herald_flashsms_message_get_status (message), ==, HERALD_FLASHSMS_STATUS_SENT);
  g_assert_cmpstr (herald_flashsms_message_get_status_string (message), ==, "SENT");
  g_assert_cmpuint (herald_flashsms_message_get_recipient_count (message), ==, 3);
  g_assert_cmpint (herald_flashsms_message_get_credits_used (message), ==, 3);
  g_assert_cmpstr (herald_flashsms_message_get_text (message), ==, "Hello from FlashSMS!");
  g_assert_nonnull (herald_flashsms_message_get_sent_at (message));
  g_clear_pointer (&message, herald_flashsms_message_unref);

  message = status (f, "cm_unknown", &error);
  g_assert_null (message);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NOT_FOUND);
  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 404);
  g_clear_error (&error);

  message = status (f, "", &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = send_three (f);
  g_autoptr(HeraldFlashsmsReport) result = NULL;
  g_autoptr(GError) error = NULL;
  const HeraldFlashsmsRecipientState *states;
  guint n = 0;

  result = report (f, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_flashsms_report_get_pending (result), ==, 3);
  g_assert_cmpfloat (herald_flashsms_report_get_delivery_rate (result), ==, 0.0);
  g_clear_pointer (&result, herald_flashsms_report_unref);

  g_assert_true (herald_fake_flashsms_set_recipient_status (f->fake, id, "0201234567", "DELIVERED"));
  g_assert_true (herald_fake_flashsms_set_recipient_status (f->fake, id, "0241234567", "FAILED"));
  g_assert_true (herald_fake_flashsms_set_recipient_status (f->fake, id, "0551234567", "DELIVERED"));

  result = report (f, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_flashsms_report_get_message_id (result), ==, id);
  g_assert_cmpint (herald_flashsms_report_get_status (result), ==, HERALD_FLASHSMS_STATUS_DELIVERED);
  g_assert_cmpuint (herald_flashsms_report_get_recipient_count (result), ==, 3);
  g_assert_cmpuint (herald_flashsms_report_get_delivered (result), ==, 2);
  g_assert_cmpuint (herald_flashsms_report_get_failed (result), ==, 1);
  g_assert_cmpuint (herald_flashsms_report_get_pending (result), ==, 0);
  g_assert_cmpfloat_with_epsilon (herald_flashsms_report_get_delivery_rate (result), 66.7, 0.001);

  states = herald_flashsms_report_get_recipients (result, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (states[1].phone, ==, "233241234567");
  g_assert_cmpint (states[1].status, ==, HERALD_FLASHSMS_STATUS_FAILED);
  g_assert_null (states[1].sent_at);
  g_assert_nonnull (states[0].sent_at);
  g_assert_true (herald_flashsms_report_lookup (result, "233551234567") == &states[2]);
  g_assert_null (herald_flashsms_report_lookup (result, "233200000000"));
  g_clear_pointer (&result, herald_flashsms_report_unref);

  result = report (f, "cm_unknown", &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NOT_FOUND);
}

static void
test_estimate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = repeat ("a", 161);

  {
    g_autoptr(HeraldFlashsmsEstimate) result = estimate (f, "Hello from FlashSMS!", 500, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (herald_flashsms_estimate_get_length (result), ==, 20);
    g_assert_cmpuint (herald_flashsms_estimate_get_parts (result), ==, 1);
    g_assert_cmpstr (herald_flashsms_estimate_get_encoding (result), ==, "GSM-7");
    g_assert_cmpuint (herald_flashsms_estimate_get_recipient_count (result), ==, 500);
    g_assert_cmpint (herald_flashsms_estimate_get_credits_required (result), ==, 500);
    g_assert_cmpint (herald_flashsms_estimate_get_current_balance (result), ==, 10000);
    g_assert_true (herald_flashsms_estimate_get_can_afford (result));
  }

  {
    g_autoptr(HeraldFlashsmsEstimate) result = estimate (f, long_text, 10000, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (herald_flashsms_estimate_get_parts (result), ==, 2);
    g_assert_cmpint (herald_flashsms_estimate_get_credits_required (result), ==, 20000);
    g_assert_false (herald_flashsms_estimate_get_can_afford (result));
  }

  {
    g_autoptr(HeraldFlashsmsEstimate) result = estimate (f, "Ɛte sɛn?", 2, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (herald_flashsms_estimate_get_encoding (result), ==, "UCS-2");
  }

  /* Nothing was sent or charged. */
  g_assert_cmpuint (herald_fake_flashsms_get_sent (f->fake)->len, ==, 0);
  g_assert_cmpint (herald_fake_flashsms_get_balance (f->fake), ==, 10000);

  {
    g_autoptr(HeraldFlashsmsEstimate) result = estimate (f, "Hi", 0, &error);

    g_assert_null (result);
    g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
    g_clear_error (&error);
  }

  {
    g_autoptr(HeraldFlashsmsEstimate) result = estimate (f, "Hi", 10001, &error);

    g_assert_null (result);
    g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  }
}

/* ---- contacts, groups, sender IDs, templates, transactions ------------------------------------ */

static void
test_contacts_crud (Fixture       *f,
                    gconstpointer  data)
{
  HeraldFlashsmsContactFields kofi = { "0201234567", "Kofi", "Mensah", NULL };
  HeraldFlashsmsContactFields rename = { NULL, "Kofi Jnr", NULL, "kofi@example.com" };
  HeraldFlashsmsContactFields bad = { "12345", "Bad", NULL, NULL };
  g_autoptr(HeraldFlashsmsContact) created = NULL;
  g_autoptr(HeraldFlashsmsContact) fetched = NULL;
  g_autoptr(HeraldFlashsmsContact) updated = NULL;
  g_autoptr(HeraldFlashsmsContact) duplicate = NULL;
  g_autoptr(HeraldFlashsmsContact) invalid = NULL;
  g_autoptr(HeraldFlashsmsContact) gone = NULL;
  g_autoptr(HeraldFlashsmsContactPage) found = NULL;
  g_autoptr(GError) error = NULL;
  const char *group = herald_fake_flashsms_add_group (f->fake, "VIP Customers");

  created = create_contact (f, &kofi, group, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_flashsms_contact_get_phone (created), ==, "233201234567");
  g_assert_cmpstr (herald_flashsms_contact_get_first_name (created), ==, "Kofi");
  g_assert_cmpstr (herald_flashsms_contact_get_last_name (created), ==, "Mensah");
  g_assert_null (herald_flashsms_contact_get_email (created));
  g_assert_nonnull (herald_flashsms_contact_get_created_at (created));

  fetched = get_contact (f, herald_flashsms_contact_get_id (created), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_flashsms_contact_get_id (fetched), ==, herald_flashsms_contact_get_id (created));

  updated = update_contact (f, herald_flashsms_contact_get_id (created), &rename, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_flashsms_contact_get_first_name (updated), ==, "Kofi Jnr");
  g_assert_cmpstr (herald_flashsms_contact_get_last_name (updated), ==, "Mensah");
  g_assert_cmpstr (herald_flashsms_contact_get_email (updated), ==, "kofi@example.com");
  g_assert_cmpstr (last_request (f)->method, ==, "PUT");

  /* Typed one way, stored another: found by its significant digits. */
  found = search_contacts (f, "+233 20 123 4567", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_flashsms_contact_page_get_contacts (found)->len, ==, 1);
  g_assert_nonnull (strstr (last_request (f)->query, "search=201234567"));
  g_clear_pointer (&found, herald_flashsms_contact_page_unref);

  found = contacts (f, 1, 50, NULL, group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_flashsms_contact_page_get_pagination (found)->total, ==, 1);

  duplicate = create_contact (f, &kofi, NULL, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_BAD_REQUEST);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==,
                   "A contact with phone 233201234567 already exists");
  g_clear_error (&error);

  invalid = create_contact (f, &bad, NULL, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  g_assert_true (delete_contact (f, herald_flashsms_contact_get_id (created), &error));
  g_assert_no_error (error);
  gone = get_contact (f, herald_flashsms_contact_get_id (created), &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (delete_contact (f, herald_flashsms_contact_get_id (created), &error));
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NOT_FOUND);
}

static void
test_contacts_pages (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *number = ghana_number (i);

      herald_fake_flashsms_add_contact (f->fake, number, "Ama", NULL, NULL, NULL);
    }

  {
    g_autoptr(HeraldFlashsmsContactPage) page = contacts (f, 0, 0, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (herald_flashsms_contact_page_get_contacts (page)->len, ==, 50);
    g_assert_cmpuint (herald_flashsms_contact_page_get_pagination (page)->total_pages, ==, 3);
  }

  {
    g_autoptr(HeraldFlashsmsContactPage) page = contacts (f, 1, 200, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (herald_flashsms_contact_page_get_contacts (page)->len, ==, 120);
    g_assert_false (herald_flashsms_contact_page_get_pagination (page)->has_more);
  }

  {
    g_autoptr(HeraldFlashsmsContactPage) page = contacts (f, 1, 201, NULL, NULL, &error);

    g_assert_null (page);
    g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  }
}

static void
test_contacts_import_split (Fixture       *f,
                            gconstpointer  data)
{
  const guint n = 25000;
  g_autofree HeraldFlashsmsContactFields *entries = g_new0 (HeraldFlashsmsContactFields, n + 3);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HeraldFlashsmsImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const HeraldFlashsmsInvalidRecipient *rejected;
  GPtrArray *requests;
  guint n_rejected = 0;
  const char *group = herald_fake_flashsms_add_group (f->fake, "Imported");

  /* The invalid ones among the first, the middle and the last. */
  entries[0].phone = "12345";
  for (guint i = 0; i < n; i++)
    {
      char *number = ghana_number (i);

      g_ptr_array_add (numbers, number);
      entries[i + 1].phone = i == 12000 ? "not a phone" : number;
      entries[i + 1].first_name = "Ama";
    }
  entries[n + 1].phone = NULL;
  entries[n + 2].phone = g_ptr_array_index (numbers, 12000);

  result = import (f, entries, n + 3, group, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (herald_flashsms_import_result_get_n_requests (result), ==, 3);
  g_assert_cmpuint (herald_flashsms_import_result_get_created (result), ==, 25000);
  g_assert_cmpuint (herald_flashsms_import_result_get_imported (result), ==, 25000);
  g_assert_cmpuint (herald_flashsms_import_result_get_skipped (result), ==, 0);
  g_assert_cmpuint (herald_flashsms_import_result_get_invalid (result), ==, 3);
  g_assert_cmpuint (herald_flashsms_import_result_get_total (result), ==, 25003);
  rejected = herald_flashsms_import_result_get_rejected (result, &n_rejected);
  g_assert_cmpuint (n_rejected, ==, 3);
  g_assert_cmpstr (rejected[0].input, ==, "12345");
  g_assert_cmpstr (rejected[1].input, ==, "not a phone");
  g_assert_cmpstr (rejected[2].input, ==, "");
  g_assert_cmpstr (rejected[2].reason, ==, "empty");

  requests = herald_fake_flashsms_get_requests (f->fake);
  g_assert_cmpuint (requests->len, ==, 3);
  g_assert_cmpuint (((HeraldFakeFlashsmsRequest *) requests->pdata[0])->n_items, ==, 10000);
  g_assert_cmpuint (((HeraldFakeFlashsmsRequest *) requests->pdata[1])->n_items, ==, 10000);
  g_assert_cmpuint (((HeraldFakeFlashsmsRequest *) requests->pdata[2])->n_items, ==, 5000);
  g_assert_cmpuint (herald_fake_flashsms_get_contact_count (f->fake), ==, 25000);
  g_assert_nonnull (herald_fake_flashsms_find_contact (f->fake, "0241024999"));

  /* Again: everything is known, nothing doubles. */
  g_clear_pointer (&result, herald_flashsms_import_result_unref);
  result = import (f, entries + 1, 100, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_flashsms_import_result_get_skipped (result), ==, 100);
  g_assert_cmpuint (herald_flashsms_import_result_get_created (result), ==, 0);
  g_assert_cmpuint (herald_fake_flashsms_get_contact_count (f->fake), ==, 25000);
}

static void
test_groups_crud (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsGroup) vip = NULL;
  g_autoptr(HeraldFlashsmsGroup) again = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  HeraldFlashsmsGroup *listed;

  vip = create_group (f, "VIP Customers", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_flashsms_group_get_name (vip), ==, "VIP Customers");
  g_assert_cmpint (herald_flashsms_group_get_contact_count (vip), ==, 0);

  herald_fake_flashsms_add_contact (f->fake, "0201111111", "Kofi", NULL, NULL, herald_flashsms_group_get_id (vip));
  herald_fake_flashsms_add_contact (f->fake, "0202222222", "Ama", NULL, NULL, herald_flashsms_group_get_id (vip));

  list = groups (f, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  listed = g_ptr_array_index (list, 0);
  g_assert_cmpstr (herald_flashsms_group_get_id (listed), ==, herald_flashsms_group_get_id (vip));
  g_assert_cmpint (herald_flashsms_group_get_contact_count (listed), ==, 2);
  g_assert_nonnull (herald_flashsms_group_get_created_at (listed));

  again = create_group (f, "VIP Customers", &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_BAD_REQUEST);
  g_clear_error (&error);

  g_assert_true (delete_group (f, herald_flashsms_group_get_id (vip), &error));
  g_assert_no_error (error);
  /* Its contacts stay. */
  g_assert_cmpuint (herald_fake_flashsms_get_contact_count (f->fake), ==, 2);
  g_assert_false (delete_group (f, herald_flashsms_group_get_id (vip), &error));
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NOT_FOUND);
}

static void
test_sender_ids (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  HeraldFlashsmsSenderId *sender;

  list = sender_ids (f, &error);
  g_assert_no_error (error);
  /* "Waiting" is PENDING: only approved ones are listed. */
  g_assert_cmpuint (list->len, ==, 1);
  sender = g_ptr_array_index (list, 0);
  g_assert_cmpstr (herald_flashsms_sender_id_get_name (sender), ==, "MyBrand");
  g_assert_cmpstr (herald_flashsms_sender_id_get_status (sender), ==, "APPROVED");
  g_assert_nonnull (herald_flashsms_sender_id_get_approved_at (sender));
}

static void
test_templates_crud (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsTemplate) created = NULL;
  g_autoptr(HeraldFlashsmsTemplate) updated = NULL;
  g_autoptr(HeraldFlashsmsTemplate) missing = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  created = create_template (f, "Welcome Message", "Hi {{name}}, welcome to our platform!", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_flashsms_template_get_content (created), ==, "Hi {{name}}, welcome to our platform!");

  updated = update_template (f, herald_flashsms_template_get_id (created), "Welcome", "Akwaaba {{name}}!", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_flashsms_template_get_name (updated), ==, "Welcome");
  g_assert_cmpstr (herald_flashsms_template_get_content (updated), ==, "Akwaaba {{name}}!");

  list = templates (f, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (herald_flashsms_template_get_name (g_ptr_array_index (list, 0)), ==, "Welcome");

  missing = update_template (f, "tpl_missing", "X", "Y", &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&missing, herald_flashsms_template_unref);

  missing = create_template (f, "Welcome", "", &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  g_assert_true (delete_template (f, herald_flashsms_template_get_id (created), &error));
  g_assert_no_error (error);
  g_assert_false (delete_template (f, herald_flashsms_template_get_id (created), &error));
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_NOT_FOUND);
}

static void
test_transactions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  herald_fake_flashsms_set_balance (f->fake, 0);
  herald_fake_flashsms_add_transaction (f->fake, "PURCHASE", 1000, "Credit purchase", "PAY-1", 1733040000);
  for (guint i = 0; i < 30; i++)
    herald_fake_flashsms_add_transaction (f->fake, "USAGE", -10, "API SMS: Weekly (10 recipients)",
                                          "cm_x", 1733040000 + (i + 1) * 3600);
  herald_fake_flashsms_add_transaction (f->fake, "REFUND", 5, "Refund", NULL, 1733040000 + 40 * 3600);

  {
    g_autoptr(HeraldFlashsmsTransactionPage) page = transactions (f, NULL, 1, 20, &error);
    HeraldFlashsmsTransaction *newest;

    g_assert_no_error (error);
    g_assert_cmpuint (herald_flashsms_transaction_page_get_transactions (page)->len, ==, 20);
    g_assert_cmpuint (herald_flashsms_transaction_page_get_pagination (page)->total, ==, 32);
    newest = g_ptr_array_index (herald_flashsms_transaction_page_get_transactions (page), 0);
    g_assert_cmpint (herald_flashsms_transaction_get_kind (newest), ==, HERALD_FLASHSMS_TRANSACTION_REFUND);
    g_assert_cmpint (herald_flashsms_transaction_get_amount (newest), ==, 5);
    g_assert_cmpint (herald_flashsms_transaction_get_balance (newest), ==, 705);
    g_assert_null (herald_flashsms_transaction_get_reference (newest));
  }

  {
    HeraldFlashsmsTransactionFilter filter = { HERALD_FLASHSMS_TRANSACTION_USAGE, NULL, NULL };
    g_autoptr(HeraldFlashsmsTransactionPage) page = transactions (f, &filter, 2, 20, &error);
    HeraldFlashsmsTransaction *one;

    g_assert_no_error (error);
    g_assert_cmpuint (herald_flashsms_transaction_page_get_transactions (page)->len, ==, 10);
    g_assert_cmpuint (herald_flashsms_transaction_page_get_pagination (page)->total, ==, 30);
    g_assert_false (herald_flashsms_transaction_page_get_pagination (page)->has_more);
    one = g_ptr_array_index (herald_flashsms_transaction_page_get_transactions (page), 0);
    g_assert_cmpstr (herald_flashsms_transaction_get_kind_string (one), ==, "USAGE");
    g_assert_cmpint (herald_flashsms_transaction_get_amount (one), ==, -10);
    g_assert_cmpstr (herald_flashsms_transaction_get_reference (one), ==, "cm_x");
  }
}

/* ---- the key check ------------------------------------------------------------------------ */

static void
test_connection_full_key (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsKeyCheck) check = NULL;
  g_autoptr(GError) error = NULL;

  check = test_connection (f->client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (herald_flashsms_balance_get_balance (herald_flashsms_key_check_get_balance (check)), ==, 10000);
  assert_strv (herald_flashsms_key_check_get_granted (check),
               STRV ("balance:read", "sms:send", "sms:read", "contacts:read", "contacts:write",
                     "senders:read", "templates:read", "templates:write", "transactions:read"));
  g_assert_cmpuint (g_strv_length ((char **) herald_flashsms_key_check_get_missing (check)), ==, 0);
  g_assert_cmpuint (g_strv_length ((char **) herald_flashsms_key_check_get_undetermined (check)), ==, 0);
  /* The probes changed nothing. */
  g_assert_cmpuint (herald_fake_flashsms_get_sent (f->fake)->len, ==, 0);
  g_assert_cmpuint (herald_fake_flashsms_get_contact_count (f->fake), ==, 0);
  g_assert_cmpint (herald_fake_flashsms_get_balance (f->fake), ==, 10000);
}

static void
test_connection_limited_key (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsClient) client = NULL;
  g_autoptr(HeraldFlashsmsKeyCheck) check = NULL;
  g_autoptr(GError) error = NULL;

  herald_fake_flashsms_add_key (f->fake, "bms_live_limited", "sms:send contacts:read templates:write");
  client = client_new (f, "bms_live_limited", HERALD_AUTH_X_API_KEY, 0);

  check = test_connection (client, &error);
  g_assert_no_error (error);
  g_assert_null (herald_flashsms_key_check_get_balance (check));
  assert_strv (herald_flashsms_key_check_get_granted (check),
               STRV ("sms:send", "contacts:read", "templates:write"));
  assert_strv (herald_flashsms_key_check_get_missing (check),
               STRV ("balance:read", "sms:read", "contacts:write", "senders:read", "templates:read",
                     "transactions:read"));
  g_assert_true (herald_flashsms_key_check_has_scope (check, "sms:send"));
  g_assert_false (herald_flashsms_key_check_has_scope (check, "sms:read"));
}

static void
test_connection_undetermined (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsKeyCheck) check = NULL;
  g_autoptr(GError) error = NULL;

  /* The balance probe answers; the next one meets a server error. */
  herald_fake_flashsms_inject_fault (f->fake, HERALD_FAKE_FLASHSMS_FAULT_DELAY, 1, 1);
  herald_fake_flashsms_inject_fault (f->fake, HERALD_FAKE_FLASHSMS_FAULT_STATUS, 1, 500);

  check = test_connection (f->client, &error);
  g_assert_no_error (error);
  assert_strv (herald_flashsms_key_check_get_undetermined (check), STRV ("sms:send"));
  g_assert_cmpuint (g_strv_length ((char **) herald_flashsms_key_check_get_granted (check)), ==, 8);
}

static void
test_connection_wrong_key (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsClient) client = client_new (f, "bms_live_nope", HERALD_AUTH_BEARER, 0);
  g_autoptr(HeraldFlashsmsKeyCheck) check = NULL;
  g_autoptr(GError) error = NULL;

  check = test_connection (client, &error);
  g_assert_null (check);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (herald_fake_flashsms_get_requests (f->fake)->len, ==, 1);
}

/* ---- transport faults and rate limits ---------------------------------------------------------- */

static void
test_fault_server_error_retried (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsClient) client = client_new (f, KEY, HERALD_AUTH_BEARER, 3);
  g_autoptr(HeraldFlashsmsBalance) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_fake_flashsms_inject_fault (f->fake, HERALD_FAKE_FLASHSMS_FAULT_STATUS, 2, 500);
  result = balance (client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (herald_flashsms_balance_get_balance (result), ==, 10000);
  g_assert_cmpuint (herald_fake_flashsms_count_requests (f->fake, "GET", "/balance"), ==, 3);
}

static void
test_fault_server_error (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsBalance) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_fake_flashsms_inject_fault (f->fake, HERALD_FAKE_FLASHSMS_FAULT_STATUS, 1, 500);
  result = balance (f->client, &error);
  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_SERVER_ERROR);
  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 500);
}

static void
test_fault_timeout (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsBalance) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_http_client_set_timeout (herald_rest_client_get_http_client (HERALD_REST_CLIENT (f->client)), 1);
  herald_fake_flashsms_inject_fault (f->fake, HERALD_FAKE_FLASHSMS_FAULT_DELAY, 1, 2500);
  result = balance (f->client, &error);
  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_TIMEOUT);
}

static void
check_dropped (Fixture                 *f,
               HeraldFakeFlashsmsFault  fault,
               HeraldProviderErrorCode  expected)
{
  g_autoptr(HeraldFlashsmsBalance) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Several: libsoup may repeat a GET once on a reused connection. */
  herald_fake_flashsms_inject_fault (f->fake, fault, 3, 0);
  result = balance (f->client, &error);
  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, (gint) expected);
}

static void
test_fault_reset (Fixture       *f,
                  gconstpointer  data)
{
  check_dropped (f, HERALD_FAKE_FLASHSMS_FAULT_RESET, HERALD_PROVIDER_ERROR_NETWORK);
}

static void
test_fault_close (Fixture       *f,
                  gconstpointer  data)
{
  check_dropped (f, HERALD_FAKE_FLASHSMS_FAULT_CLOSE, HERALD_PROVIDER_ERROR_NETWORK);
}

static void
test_fault_truncated (Fixture       *f,
                      gconstpointer  data)
{
  check_dropped (f, HERALD_FAKE_FLASHSMS_FAULT_TRUNCATED, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
}

static void
test_fault_truncated_json (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsBalance) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_fake_flashsms_inject_fault (f->fake, HERALD_FAKE_FLASHSMS_FAULT_TRUNCATED_JSON, 1, 0);
  result = balance (f->client, &error);
  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
  g_assert_nonnull (strstr (error->message, "GET /balance"));
}

static void
test_fault_not_json (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsBalance) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_fake_flashsms_inject_fault (f->fake, HERALD_FAKE_FLASHSMS_FAULT_NOT_JSON, 1, 0);
  result = balance (f->client, &error);
  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 200);
}

static void
test_fault_huge (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsBalance) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Just past the transport's 8 MiB cap. */
  herald_fake_flashsms_inject_fault (f->fake, HERALD_FAKE_FLASHSMS_FAULT_HUGE, 1, 9 * 1024 * 1024);
  result = balance (f->client, &error);
  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
}

static void
check_rate_limited (Fixture  *f,
                    gboolean  headers,
                    gint64    expected_wait)
{
  g_autoptr(HeraldFlashsmsBalance) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 retry_at;

  herald_fake_flashsms_set_rate_limit_headers (f->fake, headers);
  herald_fake_flashsms_inject_fault (f->fake, HERALD_FAKE_FLASHSMS_FAULT_STATUS, 1, 429);
  result = balance (f->client, &error);
  g_assert_null (result);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_RATE_LIMITED);
  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 429);
  retry_at = herald_provider_error_get_retry_at (error);
  g_assert_cmpint (retry_at, >=, now + expected_wait);
  g_assert_cmpint (retry_at, <=, now + expected_wait + 2);
}

static void
test_rate_limited_with_headers (Fixture       *f,
                                gconstpointer  data)
{
  /* Retry-After: 1 */
  check_rate_limited (f, TRUE, 1);
}

static void
test_rate_limited_without_headers (Fixture       *f,
                                   gconstpointer  data)
{
  /* Nothing said: the documented window, a minute. */
  check_rate_limited (f, FALSE, 60);
}

static void
test_rate_limited_then_served (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(HeraldFlashsmsClient) client = client_new (f, KEY, HERALD_AUTH_BEARER, 2);
  g_autoptr(HeraldFlashsmsBalance) result = NULL;
  g_autoptr(GError) error = NULL;

  herald_fake_flashsms_inject_fault (f->fake, HERALD_FAKE_FLASHSMS_FAULT_STATUS, 1, 429);
  result = balance (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_fake_flashsms_count_requests (f->fake, "GET", "/balance"), ==, 2);
}

static void
test_rate_limit_headers_honoured (Fixture       *f,
                                  gconstpointer  data)
{
  GPtrArray *requests;

  /* A small window the client learns from X-RateLimit-*: it waits for the
   * reset instead of running into 429. */
  herald_fake_flashsms_set_rate_limit (f->fake, 3, 2);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(HeraldFlashsmsBalance) result = NULL;
      g_autoptr(GError) error = NULL;

      result = balance (f->client, &error);
      g_assert_no_error (error);
    }

  requests = herald_fake_flashsms_get_requests (f->fake);
  g_assert_cmpuint (requests->len, ==, 5);
  for (guint i = 0; i < requests->len; i++)
    g_assert_cmpuint (((HeraldFakeFlashsmsRequest *) requests->pdata[i])->status, ==, 200);
}

/* ---- parsers, without a server ----------------------------------------------------------------- */

static JsonNode *
json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);

  return node;
}

static void
test_parse_missing_field (void)
{
  g_autoptr(JsonNode) root = json ("{\"success\":true,\"data\":{\"messages\":[],"
                                   "\"pagination\":{\"page\":1,\"limit\":20,\"total\":0,\"hasMore\":false}}}");
  g_autoptr(HeraldFlashsmsHistoryPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = herald_flashsms_history_page_parse (root, &error);
  g_assert_null (page);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
  g_assert_nonnull (strstr (error->message, "GET /sms"));
  g_assert_nonnull (strstr (error->message, "data.pagination.totalPages"));
}

static void
test_parse_wrong_type (void)
{
  g_autoptr(JsonNode) balance_root = json ("{\"success\":true,\"data\":{\"balance\":\"1000\"}}");
  g_autoptr(JsonNode) report_root = json ("{\"success\":true,\"data\":{\"messageId\":\"m\",\"status\":\"SENT\","
                                          "\"recipientCount\":1,\"recipients\":[{\"phone\":233201234567,"
                                          "\"status\":\"SENT\"}],\"stats\":{}}}");
  g_autoptr(JsonNode) fraction_root = json ("{\"success\":true,\"data\":{\"balance\":10.5}}");
  g_autoptr(JsonNode) integral_root = json ("{\"success\":true,\"data\":{\"balance\":1e3}}");
  g_autoptr(HeraldFlashsmsBalance) balance = NULL;
  g_autoptr(HeraldFlashsmsReport) report = NULL;
  g_autoptr(GError) error = NULL;

  balance = herald_flashsms_balance_parse (balance_root, &error);
  g_assert_null (balance);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
  g_assert_nonnull (strstr (error->message, "“data.balance”"));
  g_assert_nonnull (strstr (error->message, "GET /balance"));
  g_clear_error (&error);

  report = herald_flashsms_report_parse (report_root, &error);
  g_assert_null (report);
  g_assert_nonnull (strstr (error->message, "data.recipients[0].phone"));
  g_clear_error (&error);

  balance = herald_flashsms_balance_parse (fraction_root, &error);
  g_assert_null (balance);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
  g_clear_error (&error);

  balance = herald_flashsms_balance_parse (integral_root, &error);
  g_assert_no_error (error);
  g_assert_cmpint (herald_flashsms_balance_get_balance (balance), ==, 1000);
}

static void
test_parse_envelope (void)
{
  g_autoptr(JsonNode) refused = json ("{\"success\":false,\"error\":\"Something went wrong\"}");
  g_autoptr(JsonNode) array = json ("[1,2]");
  g_autoptr(HeraldFlashsmsBalance) balance = NULL;
  g_autoptr(GError) error = NULL;

  balance = herald_flashsms_balance_parse (refused, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_BAD_REQUEST);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, "Something went wrong");
  g_clear_error (&error);

  balance = herald_flashsms_balance_parse (array, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
  g_clear_error (&error);

  balance = herald_flashsms_balance_parse (NULL, &error);
  g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE);
}

static void
test_parse_error_bodies (void)
{
  static const struct
  {
    const char *body;
    const char *message;
    const char *scope;
    gint64      needed;
    gint64      balance;
  } cases[] = {
    { "{\"success\":false,\"error\":\"A description of what went wrong\"}",
      "A description of what went wrong", NULL, -1, -1 },
    { "{\"success\":false,\"error\":\"API key lacks required permission: contacts:write\"}",
      "API key lacks required permission: contacts:write", "contacts:write", -1, -1 },
    { "{\"error\":{\"message\":\"Forbidden\",\"requiredScope\":\"templates:read\"}}",
      "Forbidden", "templates:read", -1, -1 },
    { "{\"success\":false,\"error\":\"Insufficient credits\",\"data\":{\"creditsRequired\":1200,\"currentBalance\":998}}",
      "Insufficient credits", NULL, 1200, 998 },
    { "{\"success\":false,\"error\":\"Insufficient credits: this campaign needs 1,500 credits but your balance is 20\"}",
      "Insufficient credits: this campaign needs 1,500 credits but your balance is 20", NULL, 1500, 20 },
    { "{\"message\":\"Not found\"}", "Not found", NULL, -1, -1 },
    { "[\"error\"]", NULL, NULL, -1, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = json (cases[i].body);
      g_auto(HeraldFlashsmsErrorInfo) info = { 0 };

      herald_flashsms_error_info_parse (root, &info);
      g_assert_cmpstr (info.message, ==, cases[i].message);
      g_assert_cmpstr (info.scope, ==, cases[i].scope);
      g_assert_cmpint (info.credits_needed, ==, cases[i].needed);
      g_assert_cmpint (info.balance, ==, cases[i].balance);
    }

  {
    g_autoptr(GError) error = herald_flashsms_error_new_from_response (503, NULL, "GET /balance");

    g_assert_error (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_SERVER_ERROR);
    g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 503);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/flashsms-client/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("auth/bearer", test_auth_bearer);
  ADD ("auth/x-api-key", test_auth_x_api_key);
  ADD ("auth/wrong-key", test_auth_wrong_key);
  ADD ("auth/missing-key", test_auth_missing_key);

  ADD ("send/basic", test_send_basic);
  ADD ("send/invalid-numbers-reported", test_send_invalid_reported);
  ADD ("send/all-numbers-invalid", test_send_all_invalid);
  ADD ("send/split-2500", test_send_split);
  ADD ("send/split-later-request-fails", test_send_split_later_fails);
  ADD ("send/918-characters", test_send_length_limit);
  ADD ("send/empty", test_send_empty);
  ADD ("send/groups-contacts-all", test_send_audiences);
  ADD ("send/scheduled", test_send_scheduled);
  ADD ("send/400-unknown-sender", test_send_unknown_sender);
  ADD ("send/402-credits", test_send_payment_required);
  ADD ("send/402-credits-from-sentence", test_send_payment_required_minimal);
  ADD ("send/403-scope", test_send_forbidden);
  ADD ("send/403-scope-from-sentence", test_send_forbidden_minimal);
  ADD ("send/500-fate-unknown", test_send_server_error_fate_unknown);
  ADD ("send/reset-fate-unknown", test_send_reset_fate_unknown);
  ADD ("send/timeout-fate-unknown", test_send_timeout_fate_unknown);

  ADD ("balance", test_balance);
  ADD ("history/pages-and-filters", test_history_pages_and_filters);
  ADD ("history/all-pages", test_history_all_pages);
  ADD ("history/all-pages-empty", test_history_all_pages_empty);
  ADD ("status", test_status);
  ADD ("report", test_report);
  ADD ("estimate", test_estimate);

  ADD ("contacts/crud", test_contacts_crud);
  ADD ("contacts/pages", test_contacts_pages);
  ADD ("contacts/import-25000", test_contacts_import_split);
  ADD ("groups/crud", test_groups_crud);
  ADD ("sender-ids", test_sender_ids);
  ADD ("templates/crud", test_templates_crud);
  ADD ("transactions", test_transactions);

  ADD ("test-connection/full-key", test_connection_full_key);
  ADD ("test-connection/limited-key", test_connection_limited_key);
  ADD ("test-connection/undetermined", test_connection_undetermined);
  ADD ("test-connection/wrong-key", test_connection_wrong_key);

  ADD ("faults/500-retried", test_fault_server_error_retried);
  ADD ("faults/500", test_fault_server_error);
  ADD ("faults/timeout", test_fault_timeout);
  ADD ("faults/reset", test_fault_reset);
  ADD ("faults/close", test_fault_close);
  ADD ("faults/truncated", test_fault_truncated);
  ADD ("faults/truncated-json", test_fault_truncated_json);
  ADD ("faults/not-json", test_fault_not_json);
  ADD ("faults/huge", test_fault_huge);
  ADD ("rate-limit/429-with-headers", test_rate_limited_with_headers);
  ADD ("rate-limit/429-without-headers", test_rate_limited_without_headers);
  ADD ("rate-limit/429-then-served", test_rate_limited_then_served);
  ADD ("rate-limit/headers-honoured", test_rate_limit_headers_honoured);

#undef ADD

  g_test_add_func ("/flashsms-client/parse/missing-field", test_parse_missing_field);
  g_test_add_func ("/flashsms-client/parse/wrong-type", test_parse_wrong_type);
  g_test_add_func ("/flashsms-client/parse/envelope", test_parse_envelope);
  g_test_add_func ("/flashsms-client/parse/error-bodies", test_parse_error_bodies);

  return g_test_run ();
}
