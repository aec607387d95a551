/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-test-android-message"

#include <string.h>

#include "bridge/herald-android-message.h"

/* The SMS Gateway for Android app's message object: POST /message bodies
 * as android-sms-gateway clients send them, and the state answered. */

/* 2026-01-01T00:00:00Z */
#define NOW ((gint64) 1767225600 * G_USEC_PER_SEC)

static HeraldAndroidMessage *
parse (const char *body,
       GError    **error)
{
  return herald_android_message_parse (body, strlen (body), NOW, error);
}

static void
test_parse_v3_client (void)
{
  /* What android-sms-gateway 3's send() posts. */
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldAndroidMessage) message =
    parse ("{\"id\": \"order-17\", \"message\": \"Your code is 4711\", \"phoneNumbers\": [\"+233241234567\", "
           "\"+233209876543\"], \"simNumber\": 1, \"ttl\": 3600, \"withDeliveryReport\": false}", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (message->id, ==, "order-17");
  g_assert_cmpstr (message->text, ==, "Your code is 4711");
  g_assert_cmpuint (g_strv_length (message->phone_numbers), ==, 2);
  g_assert_cmpstr (message->phone_numbers[0], ==, "+233241234567");
  g_assert_cmpstr (message->phone_numbers[1], ==, "+233209876543");
  g_assert_cmpuint (message->sim_number, ==, 1);
  g_assert_cmpuint (message->validity_minutes, ==, 60);
  g_assert_false (message->with_delivery_report);
  g_assert_cmpint (message->priority, ==, 0);
  g_assert_null (message->device_id);
}

static void
test_parse_text_message (void)
{
  /* The app's newer form, nulls for what is left out, and unknown fields. */
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldAndroidMessage) message =
    parse ("{\"textMessage\": {\"text\": \"Héllo\"}, \"phoneNumbers\": [\"0241234567\"], \"id\": null, "
           "\"simNumber\": null, \"withDeliveryReport\": null, \"validUntil\": \"2026-01-01T00:01:00.5Z\", "
           "\"priority\": 100, \"deviceId\": \"dev-1\", \"isEncrypted\": false, \"scheduleAt\": null}", &error);

  g_assert_no_error (error);
  g_assert_null (message->id);
  g_assert_cmpstr (message->text, ==, "Héllo");
  g_assert_cmpstr (message->phone_numbers[0], ==, "0241234567");
  g_assert_cmpuint (message->sim_number, ==, 0);
  g_assert_true (message->with_delivery_report);
  /* 60.5 s ahead: rounded up to 2 minutes. */
  g_assert_cmpuint (message->validity_minutes, ==, 2);
  g_assert_cmpint (message->priority, ==, 100);
  g_assert_cmpstr (message->device_id, ==, "dev-1");
}

static void
test_parse_ttl_rounding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldAndroidMessage) one = parse ("{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"ttl\": 1}", &error);
  g_autoptr(HeraldAndroidMessage) sixty = parse ("{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"ttl\": 60}", &error);
  g_autoptr(HeraldAndroidMessage) sixty_one =
    parse ("{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"ttl\": 61}", &error);
  g_autoptr(HeraldAndroidMessage) none = parse ("{\"message\": \"x\", \"phoneNumbers\": [\"1\"]}", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (one->validity_minutes, ==, 1);
  g_assert_cmpuint (sixty->validity_minutes, ==, 1);
  g_assert_cmpuint (sixty_one->validity_minutes, ==, 2);
  g_assert_cmpuint (none->validity_minutes, ==, 0);
}

typedef struct
{
  const char *body;
  int         code;
  const char *says;   /* a part of the message */
} Bad;

static void
test_parse_refused (void)
{
  const Bad bad[] = {
    { "", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "empty" },
    { "{\"message\": \"x\"", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "not JSON" },
    { "[1, 2]", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "JSON object" },
    { "{\"phoneNumbers\": [\"1\"]}", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "no text" },
    { "{\"message\": \"\", \"phoneNumbers\": [\"1\"]}", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "empty" },
    { "{\"message\": 5, \"phoneNumbers\": [\"1\"]}", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "“message” must be a string" },
    { "{\"textMessage\": \"x\", \"phoneNumbers\": [\"1\"]}", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "textMessage" },
    { "{\"textMessage\": {}, \"phoneNumbers\": [\"1\"]}", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "no “text”" },
    { "{\"message\": \"x\"}", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "no recipients" },
    { "{\"message\": \"x\", \"phoneNumbers\": []}", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "empty" },
    { "{\"message\": \"x\", \"phoneNumbers\": \"+2331\"}", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "list" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"1\", 2]}", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "item 2" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"1\", \"\"]}", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "item 2 is empty" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"ttl\": 0}", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "“ttl”" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"ttl\": 1.5}", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "whole number" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"ttl\": 60, \"validUntil\": \"2026-02-01T00:00:00Z\"}",
      HERALD_ANDROID_MESSAGE_ERROR_INVALID, "not both" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"validUntil\": \"tomorrow\"}",
      HERALD_ANDROID_MESSAGE_ERROR_INVALID, "ISO 8601" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"validUntil\": \"2025-12-31T23:59:59Z\"}",
      HERALD_ANDROID_MESSAGE_ERROR_INVALID, "past" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"validUntil\": \"2026-01-01T00:00:00Z\"}",
      HERALD_ANDROID_MESSAGE_ERROR_INVALID, "past" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"simNumber\": 0}", HERALD_ANDROID_MESSAGE_ERROR_INVALID,
      "“simNumber” must be from 1 to 255" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"priority\": 128}", HERALD_ANDROID_MESSAGE_ERROR_INVALID,
      "“priority” must be from -128 to 127" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"withDeliveryReport\": \"yes\"}",
      HERALD_ANDROID_MESSAGE_ERROR_INVALID, "withDeliveryReport" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"id\": \"\"}", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "“id”" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"id\": 7}", HERALD_ANDROID_MESSAGE_ERROR_INVALID, "“id”" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"isEncrypted\": \"no\"}", HERALD_ANDROID_MESSAGE_ERROR_INVALID,
      "isEncrypted" },
    { "{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"isEncrypted\": true}",
      HERALD_ANDROID_MESSAGE_ERROR_UNSUPPORTED, "Encrypted" },
    { "{\"dataMessage\": {\"data\": \"AQI=\", \"port\": 53739}, \"phoneNumbers\": [\"1\"]}",
      HERALD_ANDROID_MESSAGE_ERROR_UNSUPPORTED, "Data messages" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HeraldAndroidMessage) message = parse (bad[i].body, &error);

      g_test_message ("%s", bad[i].body);
      g_assert_null (message);
      g_assert_error (error, HERALD_ANDROID_MESSAGE_ERROR, bad[i].code);
      if (strstr (error->message, bad[i].says) == NULL)
        g_error ("“%s” gave “%s”, without “%s”", bad[i].body, error->message, bad[i].says);
    }
}

static void
test_parse_long_id (void)
{
  g_autofree char *ok_id = g_strnfill (HERALD_ANDROID_MESSAGE_MAX_ID, 'a');
  g_autofree char *long_id = g_strnfill (HERALD_ANDROID_MESSAGE_MAX_ID + 1, 'a');
  g_autofree char *ok_body = g_strdup_printf ("{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"id\": \"%s\"}", ok_id);
  g_autofree char *long_body = g_strdup_printf ("{\"message\": \"x\", \"phoneNumbers\": [\"1\"], \"id\": \"%s\"}",
                                                long_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldAndroidMessage) ok = parse (ok_body, &error);
  g_autoptr(HeraldAndroidMessage) refused = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ok->id, ==, ok_id);
  refused = parse (long_body, &error);
  g_assert_null (refused);
  g_assert_error (error, HERALD_ANDROID_MESSAGE_ERROR, HERALD_ANDROID_MESSAGE_ERROR_INVALID);
}

/* ---- the answer ---------------------------------------------------------- */

static HeraldOutboxEntry *
entry (const char        *recipient,
       HeraldOutboxState  state,
       gint64             created_s,
       gint64             sent_s,
       gint64             done_s,
       const char        *error)
{
  HeraldOutboxEntry *e = g_new0 (HeraldOutboxEntry, 1);

  e->message_id = g_strdup ("row");
  e->recipient = g_strdup (recipient);
  e->text = g_strdup ("x");
  e->state = state;
  e->error = g_strdup (error);
  e->created_at = created_s * G_USEC_PER_SEC;
  e->updated_at = MAX (MAX (created_s, sent_s), done_s) * G_USEC_PER_SEC;
  e->sent_at = sent_s * G_USEC_PER_SEC;
  e->done_at = done_s * G_USEC_PER_SEC;
  e->reference = -1;
  return e;
}

static JsonObject *
answer (GPtrArray *entries)
{
  g_autoptr(JsonNode) node = herald_android_message_state_to_json ("order-17", entries);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static GPtrArray *
entries_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) herald_outbox_entry_free);
}

static void
test_state_names (void)
{
  g_assert_cmpstr (herald_android_state_for_outbox (HERALD_OUTBOX_QUEUED), ==, "Pending");
  g_assert_cmpstr (herald_android_state_for_outbox (HERALD_OUTBOX_SENDING), ==, "Processed");
  g_assert_cmpstr (herald_android_state_for_outbox (HERALD_OUTBOX_UNKNOWN), ==, "Processed");
  g_assert_cmpstr (herald_android_state_for_outbox (HERALD_OUTBOX_SENT), ==, "Sent");
  g_assert_cmpstr (herald_android_state_for_outbox (HERALD_OUTBOX_DELIVERED), ==, "Delivered");
  g_assert_cmpstr (herald_android_state_for_outbox (HERALD_OUTBOX_FAILED), ==, "Failed");
  g_assert_cmpstr (herald_android_state_for_outbox (HERALD_OUTBOX_CANCELLED), ==, "Cancelled");
}

static void
test_answer_mixed (void)
{
  g_autoptr(GPtrArray) entries = entries_new ();
  g_autoptr(JsonObject) object = NULL;
  JsonArray *recipients;
  JsonObject *first;
  JsonObject *second;
  JsonObject *states;

  /* One delivered, one failed: the message is where its live recipient is. */
  g_ptr_array_add (entries, entry ("+233241234567", HERALD_OUTBOX_DELIVERED, 1767225600, 1767225610, 1767225620,
                                   NULL));
  g_ptr_array_add (entries, entry ("+233209876543", HERALD_OUTBOX_FAILED, 1767225601, 0, 1767225615,
                                   "Network timeout"));
  object = answer (entries);

  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "order-17");
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "Delivered");
  g_assert_false (json_object_get_boolean_member (object, "isEncrypted"));
  recipients = json_object_get_array_member (object, "recipients");
  g_assert_cmpuint (json_array_get_length (recipients), ==, 2);
  first = json_array_get_object_element (recipients, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "phoneNumber"), ==, "+233241234567");
  g_assert_cmpstr (json_object_get_string_member (first, "state"), ==, "Delivered");
  g_assert_true (json_object_get_null_member (first, "error"));
  second = json_array_get_object_element (recipients, 1);
  g_assert_cmpstr (json_object_get_string_member (second, "state"), ==, "Failed");
  g_assert_cmpstr (json_object_get_string_member (second, "error"), ==, "Network timeout");

  states = json_object_get_object_member (object, "states");
  g_assert_cmpstr (json_object_get_string_member (states, "Pending"), ==, "2026-01-01T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (states, "Sent"), ==, "2026-01-01T00:00:10Z");
  g_assert_cmpstr (json_object_get_string_member (states, "Delivered"), ==, "2026-01-01T00:00:20Z");
  g_assert_false (json_object_has_member (states, "Failed"));
}

static void
test_answer_least_advanced (void)
{
  g_autoptr(GPtrArray) entries = entries_new ();
  g_autoptr(JsonObject) object = NULL;
  JsonObject *states;

  g_ptr_array_add (entries, entry ("+233241234567", HERALD_OUTBOX_SENT, 1767225600, 1767225610, 0, NULL));
  g_ptr_array_add (entries, entry ("+233209876543", HERALD_OUTBOX_QUEUED, 1767225600, 0, 0, NULL));
  g_ptr_array_add (entries, entry ("+233201111111", HERALD_OUTBOX_SENDING, 1767225600, 0, 0, NULL));
  object = answer (entries);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "Pending");
  states = json_object_get_object_member (object, "states");
  g_assert_true (json_object_has_member (states, "Pending"));
  g_assert_false (json_object_has_member (states, "Sent"));

  herald_outbox_entry_free (g_ptr_array_steal_index (entries, 1));
  g_clear_pointer (&object, json_object_unref);
  object = answer (entries);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "Processed");

  herald_outbox_entry_free (g_ptr_array_steal_index (entries, 1));
  g_clear_pointer (&object, json_object_unref);
  object = answer (entries);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "Sent");
  states = json_object_get_object_member (object, "states");
  g_assert_cmpstr (json_object_get_string_member (states, "Sent"), ==, "2026-01-01T00:00:10Z");
}

static void
test_answer_all_done_badly (void)
{
  g_autoptr(GPtrArray) entries = entries_new ();
  g_autoptr(JsonObject) object = NULL;
  JsonObject *states;

  g_ptr_array_add (entries, entry ("+233241234567", HERALD_OUTBOX_CANCELLED, 1767225600, 0, 0, NULL));
  g_ptr_array_add (entries, entry ("+233209876543", HERALD_OUTBOX_CANCELLED, 1767225600, 0, 0, NULL));
  object = answer (entries);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "Cancelled");

  g_ptr_array_add (entries, entry ("+233201111111", HERALD_OUTBOX_FAILED, 1767225600, 0, 1767225630, "No signal"));
  g_clear_pointer (&object, json_object_unref);
  object = answer (entries);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "Failed");
  states = json_object_get_object_member (object, "states");
  g_assert_cmpstr (json_object_get_string_member (states, "Failed"), ==, "2026-01-01T00:00:30Z");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/android-message/parse/v3-client", test_parse_v3_client);
  g_test_add_func ("/android-message/parse/text-message", test_parse_text_message);
  g_test_add_func ("/android-message/parse/ttl-rounding", test_parse_ttl_rounding);
  g_test_add_func ("/android-message/parse/refused", test_parse_refused);
  g_test_add_func ("/android-message/parse/long-id", test_parse_long_id);
  g_test_add_func ("/android-message/answer/state-names", test_state_names);
  g_test_add_func ("/android-message/answer/mixed", test_answer_mixed);
  g_test_add_func ("/android-message/answer/least-advanced", test_answer_least_advanced);
  g_test_add_func ("/android-message/answer/all-done-badly", test_answer_all_done_badly);

  return g_test_run ();
}
