/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* heraldctl's provider commands as a process, against the in-process fake
 * FlashSMS and FlixySMS servers: account test, send, status, report, inbox,
 * balance, history, transactions, senders and the FlashSMS lists, in human
 * and --json form, and their error paths (401, 402, 403, 429, 503, fate
 * unknown, unknown account, an option the dialect lacks). Runs with
 * --keyring: the keys go through gnome-keyring on the harness's bus.
 *
 * Contract checked throughout: with --json, stdout is exactly one JSON
 * document; on an error without a report stdout is empty and stderr says
 * why. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "herald-core.h"
#include "herald-fake-flashsms.h"
#include "herald-fake-flixysms.h"
#include "herald-test-util.h"

#define FLASH_KEY      "bms_test_all_scopes"
#define FLASH_RO_KEY   "bms_test_read_only"
#define FLIXY_KEY      "fx_test_key"
#define FLIXY_NOSEND   "fx_test_cannot_send"

static HeraldFakeFlashsms *flash;
static HeraldFakeFlixysms *flixy;

/* Runs heraldctl with HERALD_API_KEY = @key (NULL: unset) while this
 * process's main context serves the fakes. */
static void
heraldctl_argv (HeraldTestRun      *run,
                const char         *key,
                const char * const *argv)
{
  herald_test_heraldctl_run (run, key, NULL, NULL, 40, argv);
}

#define HERALDCTL(run, ...) \
  G_STMT_START { const char *argv_[] = { __VA_ARGS__, NULL }; heraldctl_argv ((run), NULL, argv_); } G_STMT_END

static void
assert_failed_quietly (HeraldTestRun        *run,
                       int         status,
                       const char *in_stderr)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, in_stderr));
}

static void
add_account (const char *name,
             const char *dialect,
             const char *url,
             const char *key)
{
  g_auto(HeraldTestRun) run = { 0 };
  const char *argv[] = { "account", "add", name, "--dialect", dialect, "--url", url,
                         "--region", "GH", NULL };

  heraldctl_argv (&run, key, argv);
  g_assert_cmpint (run.status, ==, 0);
}

/* ---- account test ---------------------------------------------------------- */

static void
test_account_test (void)
{
  g_auto(HeraldTestRun) human = { 0 };
  g_auto(HeraldTestRun) json = { 0 };
  g_auto(HeraldTestRun) flixy_run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *balance = g_strdup_printf ("%" G_GINT64_FORMAT, herald_fake_flashsms_get_balance (flash));
  JsonObject *object;

  HERALDCTL (&human, "account", "test", "Flash");
  g_assert_cmpint (human.status, ==, 0);
  g_assert_nonnull (strstr (human.out, "works"));
  g_assert_nonnull (strstr (human.out, balance));

  HERALDCTL (&json, "account", "test", "Flash", "--json");
  g_assert_cmpint (json.status, ==, 0);
  root = herald_test_run_json (&json);
  object = json_node_get_object (root);
  g_assert_true (json_object_get_boolean_member (object, "works"));
  g_assert_cmpint (json_object_get_int_member (object, "balance"), ==, herald_fake_flashsms_get_balance (flash));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "missing_scopes")), ==, 0);

  HERALDCTL (&flixy_run, "account", "test", "Flixy");
  g_assert_cmpint (flixy_run.status, ==, 0);
  g_assert_nonnull (strstr (flixy_run.out, "works"));
}

static void
test_account_test_missing_scopes (void)
{
  g_auto(HeraldTestRun) human = { 0 };
  g_auto(HeraldTestRun) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *missing;
  gboolean names_send = FALSE;

  HERALDCTL (&human, "account", "test", "FlashReadOnly");
  g_assert_cmpint (human.status, ==, 1);
  g_assert_nonnull (strstr (human.err, "sms:send"));
  g_assert_nonnull (strstr (human.err, "contacts:write"));

  /* The report still comes out as JSON: the scripts read what is missing. */
  HERALDCTL (&json, "account", "test", "FlashReadOnly", "--json");
  g_assert_cmpint (json.status, ==, 1);
  root = herald_test_run_json (&json);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (root), "works"));
  missing = json_object_get_array_member (json_node_get_object (root), "missing_scopes");
  for (guint i = 0; i < json_array_get_length (missing); i++)
    names_send |= g_str_equal (json_array_get_string_element (missing, i), "sms:send");
  g_assert_true (names_send);
}

static void
test_account_test_wrong_key (void)
{
  g_auto(HeraldTestRun) human = { 0 };
  g_auto(HeraldTestRun) json = { 0 };

  HERALDCTL (&human, "account", "test", "FlashWrongKey");
  assert_failed_quietly (&human, 1, "401");

  HERALDCTL (&json, "account", "test", "FlashWrongKey", "--json");
  assert_failed_quietly (&json, 1, "rejected");
}

/* ---- send ------------------------------------------------------------------ */

static void
test_send_flixysms_json (void)
{
  g_auto(HeraldTestRun) sent = { 0 };
  g_auto(HeraldTestRun) status = { 0 };
  g_auto(HeraldTestRun) history = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) status_root = NULL;
  g_autoptr(JsonNode) history_root = NULL;
  guint before = herald_fake_flixysms_get_n_accepted (flixy);
  JsonObject *object, *invalid;
  JsonArray *ids, *rows;
  const char *first_id;
  guint seen = 0;

  HERALDCTL (&sent, "send", "--account", "Flixy", "--to", "0241110001", "--to", "+233 20 111 0002",
             "--to", "12", "--message", "Stock count at 5pm", "--json");
  g_assert_cmpint (sent.status, ==, 0);
  root = herald_test_run_json (&sent);
  object = json_node_get_object (root);
  ids = json_object_get_array_member (object, "message_ids");
  g_assert_cmpuint (json_array_get_length (ids), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "invalid")), ==, 1);
  invalid = json_array_get_object_element (json_object_get_array_member (object, "invalid"), 0);
  g_assert_cmpstr (json_object_get_string_member (invalid, "input"), ==, "12");
  g_assert_nonnull (json_object_get_string_member (invalid, "reason"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "recipients")), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "queued"), ==, 2);

  /* The core's plan, as the Compose page shows it. */
  {
    JsonObject *plan = json_object_get_object_member (object, "plan");

    g_assert_nonnull (plan);
    g_assert_cmpint (json_object_get_int_member (plan, "valid"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (plan, "invalid"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (plan, "duplicates"), ==, 0);
    g_assert_cmpstr (json_object_get_string_member (plan, "encoding"), ==, "GSM-7");
    g_assert_cmpint (json_object_get_int_member (plan, "characters"), ==, 18);
    g_assert_cmpint (json_object_get_int_member (plan, "parts"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (plan, "messages"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (plan, "credits"), ==, 2);
  }

  /* Exactly two went out, once each. */
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (flixy), ==, before + 2);
  g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (flixy, "+233241110001"), ==, 1);
  g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (flixy, "+233201110002"), ==, 1);

  first_id = json_array_get_string_element (ids, 0);
  g_assert_nonnull (herald_fake_flixysms_lookup_accepted (flixy, first_id));
  HERALDCTL (&status, "status", "--account", "Flixy", first_id, "--json");
  g_assert_cmpint (status.status, ==, 0);
  status_root = herald_test_run_json (&status);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (status_root), "id"), ==, first_id);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (status_root), "status"), ==, "queued");

  /* FlixySMS keeps no history: Herald's own log shows what it sent. */
  HERALDCTL (&history, "history", "--account", "Flixy", "--all", "--json");
  g_assert_cmpint (history.status, ==, 0);
  history_root = herald_test_run_json (&history);
  rows = json_node_get_array (history_root);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_strcmp0 (json_object_get_string_member (row, "message"), "Stock count at 5pm") == 0)
        {
          seen++;
          g_assert_cmpstr (json_object_get_string_member (row, "status"), ==, "queued");
        }
    }
  g_assert_cmpuint (seen, ==, 2);
}

static void
test_send_flixysms_human (void)
{
  g_auto(HeraldTestRun) sent = { 0 };
  g_auto(HeraldTestRun) status = { 0 };
  g_auto(HeraldTestRun) history = { 0 };
  const HeraldFakeFlixysmsMessage *last;
  guint before = herald_fake_flixysms_get_n_accepted (flixy);

  HERALDCTL (&sent, "send", "--account", "Flixy", "--to", "0241110003", "--message", "Door code 4471",
             "--device", HERALD_FAKE_FLIXYSMS_DEVICE_GALAXY);
  g_assert_cmpint (sent.status, ==, 0);
  g_assert_nonnull (strstr (sent.out, "Queued for 1 recipient"));
  g_assert_nonnull (strstr (sent.out, "Plan: 1 valid number, 0 invalid, 0 duplicates; 1 part (GSM-7), "
                                      "1 message, 1 credit.\n"));
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (flixy), ==, before + 1);
  last = herald_fake_flixysms_get_accepted (flixy, before);
  g_assert_cmpstr (last->device_id, ==, HERALD_FAKE_FLIXYSMS_DEVICE_GALAXY);
  g_assert_cmpstr (last->message, ==, "Door code 4471");
  g_assert_nonnull (strstr (sent.out, last->id));

  HERALDCTL (&status, "status", "--account", "Flixy", last->id);
  g_assert_cmpint (status.status, ==, 0);
  g_assert_nonnull (strstr (status.out, "queued"));

  HERALDCTL (&history, "history", "--account", "Flixy");
  g_assert_cmpint (history.status, ==, 0);
  g_assert_nonnull (strstr (history.out, "Door code 4471"));
  g_assert_nonnull (strstr (history.out, "+233241110003"));
}

static void
test_send_flashsms (void)
{
  g_auto(HeraldTestRun) sent = { 0 };
  g_auto(HeraldTestRun) human = { 0 };
  g_auto(HeraldTestRun) status = { 0 };
  g_auto(HeraldTestRun) report = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) status_root = NULL;
  g_autoptr(JsonNode) report_root = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *record = herald_fake_flashsms_get_sent (flash);
  guint before = record->len;
  HeraldFakeFlashsmsSent *last;
  JsonObject *object;
  const char *id;

  /* Numbers from a CSV file with a phone column, plus one on the line. */
  file = g_build_filename (g_get_user_data_dir (), "recipients.csv", NULL);
  g_file_set_contents (file, "name,phone\nAma,0241110010\nKofi,0201110011\nBad,99\n", -1, &error);
  g_assert_no_error (error);

  HERALDCTL (&sent, "send", "--account", "Flash", "--to-file", file, "--to", "0241110010",
             "--message", "Market opens at 9", "--sender", "AccraFresh", "--campaign-name", "Opening",
             "--json");
  g_assert_cmpint (sent.status, ==, 0);
  root = herald_test_run_json (&sent);
  object = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "message_ids")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "invalid")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "credits_used"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "balance_after"), ==, herald_fake_flashsms_get_balance (flash));

  g_assert_cmpuint (record->len, ==, before + 1);
  last = record->pdata[before];
  g_assert_cmpuint (g_strv_length (last->recipients), ==, 2);   /* the duplicate sent once */
  g_assert_true (g_strv_contains ((const char * const *) last->recipients, "233241110010"));
  g_assert_true (g_strv_contains ((const char * const *) last->recipients, "233201110011"));
  g_assert_cmpstr (last->sender_id, ==, "AccraFresh");
  g_assert_cmpstr (last->campaign_name, ==, "Opening");
  id = json_array_get_string_element (json_object_get_array_member (object, "message_ids"), 0);
  g_assert_cmpstr (id, ==, last->id);

  HERALDCTL (&human, "send", "--account", "Flash", "--to", "0241110012", "--message", "Hello");
  g_assert_cmpint (human.status, ==, 0);
  g_assert_nonnull (strstr (human.out, "Queued for 1 recipient"));
  g_assert_nonnull (strstr (human.out, "credits used"));

  HERALDCTL (&status, "status", "--account", "Flash", id, "--json");
  g_assert_cmpint (status.status, ==, 0);
  status_root = herald_test_run_json (&status);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (status_root), "id"), ==, id);
  g_assert_nonnull (json_object_get_string_member (json_node_get_object (status_root), "status"));

  g_assert_true (herald_fake_flashsms_set_recipient_status (flash, id, "233241110010", "DELIVERED"));
  HERALDCTL (&report, "report", "--account", "Flash", id, "--json");
  g_assert_cmpint (report.status, ==, 0);
  report_root = herald_test_run_json (&report);
  object = json_node_get_object (report_root);
  g_assert_cmpint (json_object_get_int_member (object, "delivered"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "recipients")), ==, 2);
}

/* A plain list (lines, commas, semicolons) and a schedule. */
static void
test_send_plain_file_scheduled (void)
{
  g_auto(HeraldTestRun) run = { 0 };
  g_auto(HeraldTestRun) status = { 0 };
  g_auto(HeraldTestRun) report = { 0 };
  g_autofree char *file = g_build_filename (g_get_user_data_dir (), "numbers.txt", NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *record = herald_fake_flashsms_get_sent (flash);
  guint before = record->len;
  HeraldFakeFlashsmsSent *last;

  g_file_set_contents (file, "0241110200;0241110201\n0241110202, 0241110203\n\n0241110204\n", -1, &error);
  g_assert_no_error (error);

  HERALDCTL (&run, "send", "--account", "Flash", "--to-file", file, "--message", "Sale tomorrow",
             "--schedule", "2030-01-01T10:00");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (record->len, ==, before + 1);
  last = record->pdata[before];
  g_assert_cmpuint (g_strv_length (last->recipients), ==, 5);
  g_assert_true (last->scheduled);
  g_assert_nonnull (strstr (run.out, last->id));

  HERALDCTL (&status, "status", "--account", "Flash", last->id);
  g_assert_cmpint (status.status, ==, 0);
  g_assert_nonnull (strstr (status.out, last->id));
  g_assert_nonnull (strstr (status.out, "Recipients"));

  HERALDCTL (&report, "report", "--account", "Flash", last->id);
  g_assert_cmpint (report.status, ==, 0);
  g_assert_nonnull (strstr (report.out, "233241110204"));
}

static void
test_send_template (void)
{
  g_auto(HeraldTestRun) flash_run = { 0 };
  g_auto(HeraldTestRun) flixy_run = { 0 };
  g_auto(HeraldTestRun) missing = { 0 };
  GPtrArray *record = herald_fake_flashsms_get_sent (flash);
  guint before = record->len;

  HERALDCTL (&flash_run, "send", "--account", "Flash", "--to", "0241110020", "--template", "Closing");
  g_assert_cmpint (flash_run.status, ==, 0);
  g_assert_cmpuint (record->len, ==, before + 1);
  g_assert_cmpstr (((HeraldFakeFlashsmsSent *) record->pdata[before])->message, ==, "We close at 8pm today.");

  HERALDCTL (&missing, "send", "--account", "Flash", "--to", "0241110020", "--template", "Nope");
  assert_failed_quietly (&missing, 2, "Nope");

  HERALDCTL (&flixy_run, "send", "--account", "Flixy", "--to", "0241110020", "--template", "Closing");
  assert_failed_quietly (&flixy_run, 2, "not available yet");
  g_assert_cmpuint (record->len, ==, before + 1);
}

static void
test_send_unsupported_options (void)
{
  const struct { const char *account; const char *option; const char *value; const char *dialect; } cases[] = {
    { "Flixy", "--sender", "AccraFresh", "FlixySMS" },
    { "Flixy", "--schedule", "2030-01-01T10:00", "FlixySMS" },
    { "Flixy", "--campaign-name", "X", "FlixySMS" },
    { "Flash", "--device", HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, "FlashSMS" },
    { "Flash", "--media-url", "https://example.com/a.jpg", "FlashSMS" },
  };
  guint flixy_before = herald_fake_flixysms_get_n_accepted (flixy);
  guint flash_before = herald_fake_flashsms_get_sent (flash)->len;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(HeraldTestRun) run = { 0 };

      HERALDCTL (&run, "send", "--account", cases[i].account, "--to", "0241110030", "--message", "x",
                 cases[i].option, cases[i].value, "--json");
      assert_failed_quietly (&run, 2, cases[i].option);
      g_assert_nonnull (strstr (run.err, cases[i].dialect));
    }

  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (flixy), ==, flixy_before);
  g_assert_cmpuint (herald_fake_flashsms_get_sent (flash)->len, ==, flash_before);
}

static void
test_send_usage (void)
{
  g_auto(HeraldTestRun) unknown = { 0 };
  g_auto(HeraldTestRun) no_account = { 0 };
  g_auto(HeraldTestRun) no_text = { 0 };
  g_auto(HeraldTestRun) no_one = { 0 };
  g_auto(HeraldTestRun) all_invalid = { 0 };

  HERALDCTL (&unknown, "send", "--account", "Nobody", "--to", "0241110040", "--message", "x", "--json");
  assert_failed_quietly (&unknown, 2, "Nobody");
  HERALDCTL (&no_account, "send", "--to", "0241110040", "--message", "x");
  assert_failed_quietly (&no_account, 2, "--account");
  HERALDCTL (&no_text, "send", "--account", "Flixy", "--to", "0241110040");
  assert_failed_quietly (&no_text, 2, "--message");
  HERALDCTL (&no_one, "send", "--account", "Flixy", "--message", "x");
  assert_failed_quietly (&no_one, 2, "--to");
  /* Nothing valid to send: refused before any request. */
  HERALDCTL (&all_invalid, "send", "--account", "Flixy", "--to", "12", "--message", "x", "--json");
  g_assert_cmpint (all_invalid.status, ==, 2);
  g_assert_cmpstr (all_invalid.out, ==, "");
  g_assert_nonnull (strstr (all_invalid.err, "“12” is too short"));
}

static void
test_send_payment_required (void)
{
  g_auto(HeraldTestRun) run = { 0 };
  gint64 balance = herald_fake_flashsms_get_balance (flash);
  guint before = herald_fake_flashsms_get_sent (flash)->len;

  herald_fake_flashsms_set_balance (flash, 0);
  HERALDCTL (&run, "send", "--account", "Flash", "--to", "0241110050", "--to", "0241110051",
             "--message", "x", "--json");
  herald_fake_flashsms_set_balance (flash, balance);

  assert_failed_quietly (&run, 1, "402");
  g_assert_nonnull (strstr (run.err, "2 needed"));
  g_assert_cmpuint (herald_fake_flashsms_get_sent (flash)->len, ==, before);
}

static void
test_send_forbidden (void)
{
  g_auto(HeraldTestRun) flash_run = { 0 };
  g_auto(HeraldTestRun) flixy_run = { 0 };
  guint flash_before = herald_fake_flashsms_get_sent (flash)->len;
  guint flixy_before = herald_fake_flixysms_get_n_accepted (flixy);

  HERALDCTL (&flash_run, "send", "--account", "FlashReadOnly", "--to", "0241110060", "--message", "x");
  assert_failed_quietly (&flash_run, 1, "sms:send");
  /* Refused, not sent and then reported as refused. */
  g_assert_cmpuint (herald_fake_flashsms_get_sent (flash)->len, ==, flash_before);

  HERALDCTL (&flixy_run, "send", "--account", "FlixyCannotSend", "--to", "0241110060", "--message", "x");
  assert_failed_quietly (&flixy_run, 1, "403");
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (flixy), ==, flixy_before);
}

static void
test_send_rate_limited (void)
{
  g_auto(HeraldTestRun) run = { 0 };
  guint before = herald_fake_flixysms_get_n_accepted (flixy);

  herald_fake_flixysms_inject_error (flixy, 429, HERALD_FAKE_FLIXYSMS_ERROR_SUCCESS_FALSE,
                                     "Too many requests", 20);
  HERALDCTL (&run, "send", "--account", "Flixy", "--to", "0241110070", "--message", "x");
  herald_fake_flixysms_clear_faults (flixy);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "429"));
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (flixy), ==, before);
}

static void
test_send_no_device (void)
{
  g_auto(HeraldTestRun) run = { 0 };

  herald_fake_flixysms_set_all_devices_online (flixy, FALSE);
  HERALDCTL (&run, "send", "--account", "Flixy", "--to", "0241110080", "--message", "x", "--json");
  herald_fake_flixysms_set_all_devices_online (flixy, TRUE);

  assert_failed_quietly (&run, 1, "503");
  g_assert_nonnull (strstr (run.err, "device"));
}

static void
test_send_fate_unknown (void)
{
  g_auto(HeraldTestRun) run = { 0 };
  g_auto(HeraldTestRun) history = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *rows;
  gboolean recorded = FALSE;

  /* The fake takes the message, then drops the connection. */
  herald_fake_flixysms_inject_fault (flixy, HERALD_FAKE_FLIXYSMS_FAULT_CLOSE, 1,
                                     HERALD_FAKE_FLIXYSMS_FAULT_PROCESS);
  HERALDCTL (&run, "send", "--account", "Flixy", "--to", "0241110090", "--message", "Maybe");
  herald_fake_flixysms_clear_faults (flixy);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "heraldctl status"));
  g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (flixy, "+233241110090"), ==, 1);

  /* Recorded as unknown, so that nobody sends it again blindly. */
  HERALDCTL (&history, "history", "--account", "Flixy", "--status", "unknown", "--json");
  g_assert_cmpint (history.status, ==, 0);
  root = herald_test_run_json (&history);
  rows = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      g_assert_cmpstr (json_object_get_string_member (row, "status"), ==, "unknown");
      recorded |= g_strcmp0 (json_object_get_string_member (row, "message"), "Maybe") == 0;
    }
  g_assert_true (recorded);
}

/* ---- inbox, balance, history, transactions, senders -------------------------- */

static void
test_inbox (void)
{
  g_auto(HeraldTestRun) json = { 0 };
  g_auto(HeraldTestRun) from = { 0 };
  g_auto(HeraldTestRun) human = { 0 };
  g_auto(HeraldTestRun) all = { 0 };
  g_auto(HeraldTestRun) flash_run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) from_root = NULL;
  g_autoptr(JsonNode) all_root = NULL;
  JsonArray *items;
  JsonObject *first;

  HERALDCTL (&json, "inbox", "--account", "Flixy", "--json");
  g_assert_cmpint (json.status, ==, 0);
  root = herald_test_run_json (&json);
  items = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (items), ==, 25);
  first = json_array_get_object_element (items, 0);
  g_assert_true (json_object_has_member (first, "id"));
  g_assert_nonnull (json_object_get_string_member (first, "from"));
  g_assert_true (json_object_has_member (first, "message"));
  g_assert_nonnull (json_object_get_string_member (first, "received_at"));
  g_assert_nonnull (json_object_get_string_member (first, "device_id"));
  g_assert_true (json_object_has_member (first, "device_name"));

  HERALDCTL (&all, "inbox", "--account", "Flixy", "--all", "--json");
  g_assert_cmpint (all.status, ==, 0);
  all_root = herald_test_run_json (&all);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (all_root)), ==, HERALD_FAKE_FLIXYSMS_SEED_RECEIVED);

  HERALDCTL (&from, "inbox", "--account", "Flixy", "--from", "0241234567", "--all", "--json");
  g_assert_cmpint (from.status, ==, 0);
  from_root = herald_test_run_json (&from);
  items = json_node_get_array (from_root);
  g_assert_cmpuint (json_array_get_length (items), >, 0);
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, i), "from"),
                     ==, "+233241234567");

  HERALDCTL (&human, "inbox", "--account", "Flixy", "--page", "2");
  g_assert_cmpint (human.status, ==, 0);
  g_assert_nonnull (strstr (human.out, "Page 2 of 3"));

  HERALDCTL (&flash_run, "inbox", "--account", "Flash", "--json");
  assert_failed_quietly (&flash_run, 2, "FlashSMS has no inbox");
}

/* What `inbox` lists is kept locally: a STOP reply opts its sender out of
 * campaigns even when the app never runs; other replies opt nobody out. */
static void
test_inbox_keeps_stop (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_auto(HeraldTestRun) before = { 0 };
  g_auto(HeraldTestRun) listed = { 0 };
  g_auto(HeraldTestRun) again = { 0 };
  g_auto(HeraldTestRun) after = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *rows;
  guint stop_rows = 0;

  HERALDCTL (&before, "optouts", "list", "--json");
  g_assert_cmpint (before.status, ==, 0);
  g_assert_null (strstr (before.out, "+233209876501"));

  herald_fake_flixysms_add_received (flixy, "+233209876501", " Stop ", now, HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, "sms", 1);
  herald_fake_flixysms_add_received (flixy, "+233209876502", "Stop the music", now, HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL,
                                     "sms", 1);
  HERALDCTL (&listed, "inbox", "--account", "Flixy", "--since", "2000-01-01", "--all", "--json");
  g_assert_cmpint (listed.status, ==, 0);
  g_assert_nonnull (strstr (listed.out, "Stop the music"));
  /* Listing again keeps nothing twice. */
  HERALDCTL (&again, "inbox", "--account", "Flixy", "--all", "--json");
  g_assert_cmpint (again.status, ==, 0);

  HERALDCTL (&after, "optouts", "list", "--json");
  g_assert_cmpint (after.status, ==, 0);
  root = herald_test_run_json (&after);
  rows = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *phone = json_object_get_string_member (row, "phone");

      g_assert_cmpstr (phone, !=, "+233209876502");
      if (g_strcmp0 (phone, "+233209876501") != 0)
        continue;
      stop_rows++;
      g_assert_cmpstr (json_object_get_string_member (row, "source"), ==, "keyword");
      g_assert_cmpstr (json_object_get_string_member (row, "detail"), ==, "STOP");
    }
  g_assert_cmpuint (stop_rows, ==, 1);
}

static void
test_balance (void)
{
  g_auto(HeraldTestRun) json = { 0 };
  g_auto(HeraldTestRun) human = { 0 };
  g_auto(HeraldTestRun) flixy_run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *balance = g_strdup_printf ("%" G_GINT64_FORMAT " credits", herald_fake_flashsms_get_balance (flash));

  HERALDCTL (&json, "balance", "--account", "Flash", "--json");
  g_assert_cmpint (json.status, ==, 0);
  root = herald_test_run_json (&json);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "balance"), ==,
                   herald_fake_flashsms_get_balance (flash));

  HERALDCTL (&human, "balance", "--account", "Flash");
  g_assert_cmpint (human.status, ==, 0);
  g_assert_nonnull (strstr (human.out, balance));

  HERALDCTL (&flixy_run, "balance", "--account", "Flixy");
  assert_failed_quietly (&flixy_run, 2, "FlixySMS has no balance");
}

static void
test_history_flashsms (void)
{
  g_auto(HeraldTestRun) json = { 0 };
  g_auto(HeraldTestRun) failed = { 0 };
  g_auto(HeraldTestRun) human = { 0 };
  g_auto(HeraldTestRun) bad = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) failed_root = NULL;
  JsonArray *rows;

  HERALDCTL (&json, "history", "--account", "Flash", "--all", "--json");
  g_assert_cmpint (json.status, ==, 0);
  root = herald_test_run_json (&json);
  rows = json_node_get_array (root);
  /* Three seeded messages and the sends of the tests before. */
  g_assert_cmpuint (json_array_get_length (rows), >=, 3);
  g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (rows, 0), "id"));

  HERALDCTL (&failed, "history", "--account", "Flash", "--status", "failed", "--json");
  g_assert_cmpint (failed.status, ==, 0);
  failed_root = herald_test_run_json (&failed);
  rows = json_node_get_array (failed_root);
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0), "status"), ==, "failed");

  HERALDCTL (&human, "history", "--account", "Flash", "--since", "2020-01-01", "--until", "2099-12-31");
  g_assert_cmpint (human.status, ==, 0);
  g_assert_nonnull (strstr (human.out, "Stock up before the holiday"));

  HERALDCTL (&bad, "history", "--account", "Flash", "--since", "yesterday");
  assert_failed_quietly (&bad, 2, "yesterday");
}

static void
test_transactions_senders (void)
{
  g_auto(HeraldTestRun) json = { 0 };
  g_auto(HeraldTestRun) human = { 0 };
  g_auto(HeraldTestRun) senders = { 0 };
  g_auto(HeraldTestRun) senders_json = { 0 };
  g_auto(HeraldTestRun) flixy_run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) senders_root = NULL;
  JsonArray *rows;

  HERALDCTL (&json, "transactions", "--account", "Flash", "--type", "purchase", "--json");
  g_assert_cmpint (json.status, ==, 0);
  root = herald_test_run_json (&json);
  rows = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0), "type"), ==, "PURCHASE");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, 0), "amount"), ==, 5000);

  HERALDCTL (&human, "transactions", "--account", "Flash", "--all");
  g_assert_cmpint (human.status, ==, 0);
  g_assert_nonnull (strstr (human.out, "Top-up by MoMo"));

  HERALDCTL (&senders_json, "senders", "--account", "Flash", "--json");
  g_assert_cmpint (senders_json.status, ==, 0);
  senders_root = herald_test_run_json (&senders_json);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (senders_root)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (senders_root), 0),
                                                  "name"), ==, "AccraFresh");

  HERALDCTL (&senders, "senders", "--account", "Flash");
  g_assert_cmpint (senders.status, ==, 0);
  g_assert_nonnull (strstr (senders.out, "AccraFresh"));

  HERALDCTL (&flixy_run, "transactions", "--account", "Flixy");
  assert_failed_quietly (&flixy_run, 2, "FlixySMS has no");
}

/* ---- the FlashSMS lists ------------------------------------------------------ */

static void
test_contacts (void)
{
  g_auto(HeraldTestRun) added = { 0 };
  g_auto(HeraldTestRun) edited = { 0 };
  g_auto(HeraldTestRun) search = { 0 };
  g_auto(HeraldTestRun) list = { 0 };
  g_auto(HeraldTestRun) removed = { 0 };
  g_auto(HeraldTestRun) imported = { 0 };
  g_auto(HeraldTestRun) local = { 0 };
  g_auto(HeraldTestRun) flixy_run = { 0 };
  g_autoptr(JsonNode) added_root = NULL;
  g_autoptr(JsonNode) search_root = NULL;
  g_autoptr(JsonNode) list_root = NULL;
  g_autoptr(JsonNode) import_root = NULL;
  g_autofree char *id = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  guint count = herald_fake_flashsms_get_contact_count (flash);

  HERALDCTL (&added, "contacts", "add", "0241110100", "--first-name", "Efua", "--last-name", "Addo",
             "--group", "Staff", "--account", "Flash", "--json");
  g_assert_cmpint (added.status, ==, 0);
  added_root = herald_test_run_json (&added);
  id = g_strdup (json_object_get_string_member (json_node_get_object (added_root), "id"));
  g_assert_cmpstr (herald_fake_flashsms_find_contact (flash, "0241110100"), ==, id);
  g_assert_cmpuint (herald_fake_flashsms_get_contact_count (flash), ==, count + 1);

  HERALDCTL (&edited, "contacts", "edit", id, "--email", "efua@example.com", "--account", "Flash");
  g_assert_cmpint (edited.status, ==, 0);
  g_assert_nonnull (strstr (edited.out, "Changed"));

  HERALDCTL (&search, "contacts", "search", "Efua", "--account", "Flash", "--json");
  g_assert_cmpint (search.status, ==, 0);
  search_root = herald_test_run_json (&search);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (search_root)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (search_root), 0),
                                                  "email"), ==, "efua@example.com");

  HERALDCTL (&list, "contacts", "list", "--group", "Staff", "--account", "Flash", "--json");
  g_assert_cmpint (list.status, ==, 0);
  list_root = herald_test_run_json (&list);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list_root)), ==, 2);

  HERALDCTL (&removed, "contacts", "remove", id, "--account", "Flash");
  g_assert_cmpint (removed.status, ==, 0);
  g_assert_null (herald_fake_flashsms_find_contact (flash, "0241110100"));

  file = g_build_filename (g_get_user_data_dir (), "contacts.csv", NULL);
  g_file_set_contents (file, "First name,Last name,Phone\nYaw,Osei,0241110101\nAkua,Danso,0201110102\nX,Y,1\n",
                       -1, &error);
  g_assert_no_error (error);
  HERALDCTL (&imported, "contacts", "import", file, "--account", "Flash", "--json");
  g_assert_cmpint (imported.status, ==, 0);
  import_root = herald_test_run_json (&imported);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (import_root), "imported"), ==, 2);
  g_assert_nonnull (herald_fake_flashsms_find_contact (flash, "0201110102"));

  /* Without --account: the local list, another one (empty here). */
  HERALDCTL (&local, "contacts", "list", "--json");
  g_assert_cmpint (local.status, ==, 0);
  g_assert_cmpstr (g_strstrip (local.out), ==, "[]");

  HERALDCTL (&flixy_run, "contacts", "list", "--account", "Flixy");
  assert_failed_quietly (&flixy_run, 2, "FlixySMS has no contact list");
}

static void
test_groups_templates (void)
{
  g_auto(HeraldTestRun) group_add = { 0 };
  g_auto(HeraldTestRun) group_list = { 0 };
  g_auto(HeraldTestRun) group_remove = { 0 };
  g_auto(HeraldTestRun) template_add = { 0 };
  g_auto(HeraldTestRun) template_edit = { 0 };
  g_auto(HeraldTestRun) template_list = { 0 };
  g_auto(HeraldTestRun) template_remove = { 0 };
  g_auto(HeraldTestRun) local = { 0 };
  g_autoptr(JsonNode) groups = NULL;
  g_autoptr(JsonNode) templates = NULL;
  gboolean found = FALSE;

  HERALDCTL (&group_add, "groups", "add", "Drivers", "--account", "Flash");
  g_assert_cmpint (group_add.status, ==, 0);
  HERALDCTL (&group_list, "groups", "list", "--account", "Flash", "--json");
  g_assert_cmpint (group_list.status, ==, 0);
  groups = herald_test_run_json (&group_list);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (groups)); i++)
    found |= g_strcmp0 (json_object_get_string_member (json_array_get_object_element (json_node_get_array (groups), i),
                                                       "name"), "Drivers") == 0;
  g_assert_true (found);
  HERALDCTL (&group_remove, "groups", "remove", "Drivers", "--account", "Flash");
  g_assert_cmpint (group_remove.status, ==, 0);
  g_assert_nonnull (strstr (group_remove.out, "Removed"));

  HERALDCTL (&template_add, "templates", "add", "Thanks", "--message", "Thank you!", "--account", "Flash");
  g_assert_cmpint (template_add.status, ==, 0);
  HERALDCTL (&template_edit, "templates", "edit", "Thanks", "--message", "Thank you, {{first_name}}!",
             "--account", "Flash");
  g_assert_cmpint (template_edit.status, ==, 0);
  HERALDCTL (&template_list, "templates", "list", "--account", "Flash", "--json");
  g_assert_cmpint (template_list.status, ==, 0);
  templates = herald_test_run_json (&template_list);
  found = FALSE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (templates)); i++)
    {
      JsonObject *t = json_array_get_object_element (json_node_get_array (templates), i);

      if (g_strcmp0 (json_object_get_string_member (t, "name"), "Thanks") == 0)
        {
          found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (t, "message"), ==, "Thank you, {{first_name}}!");
        }
    }
  g_assert_true (found);
  HERALDCTL (&template_remove, "templates", "remove", "Thanks", "--account", "Flash");
  g_assert_cmpint (template_remove.status, ==, 0);

  HERALDCTL (&local, "templates", "list");
  g_assert_cmpint (local.status, ==, 0);
  g_assert_nonnull (strstr (local.out, "No templates."));
}

/* contacts pull: the account's contacts and groups into the local store,
 * each group's members as explicit local members; twice adds nothing. */
static void
test_pull (void)
{
  g_auto(HeraldTestRun) pulled = { 0 };
  g_auto(HeraldTestRun) again = { 0 };
  g_auto(HeraldTestRun) local = { 0 };
  g_auto(HeraldTestRun) members = { 0 };
  g_auto(HeraldTestRun) flixy_run = { 0 };
  g_autoptr(JsonNode) pulled_root = NULL;
  g_autoptr(JsonNode) again_root = NULL;
  g_autoptr(JsonNode) local_root = NULL;
  g_autoptr(JsonNode) members_root = NULL;
  const char *pullers = herald_fake_flashsms_add_group (flash, "Pullers");
  JsonObject *object;
  JsonArray *array;
  guint count;

  herald_fake_flashsms_add_contact (flash, "0241110201", "Adwoa", "Pull", "adwoa@example.com", pullers);
  herald_fake_flashsms_add_contact (flash, "0201110202", "Kwame", "Pull", NULL, pullers);
  count = herald_fake_flashsms_get_contact_count (flash);

  HERALDCTL (&pulled, "contacts", "pull", "--account", "Flash", "--json");
  g_assert_cmpint (pulled.status, ==, 0);
  pulled_root = herald_test_run_json (&pulled);
  object = json_node_get_object (pulled_root);
  g_assert_cmpint (json_object_get_int_member (object, "added"), ==, count);
  g_assert_cmpint (json_object_get_int_member (object, "skipped"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "grouped"), >=, 3);

  HERALDCTL (&local, "contacts", "list", "--json");
  g_assert_cmpint (local.status, ==, 0);
  local_root = herald_test_run_json (&local);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (local_root)), ==, count);

  HERALDCTL (&members, "groups", "members", "Pullers", "--json");
  g_assert_cmpint (members.status, ==, 0);
  members_root = herald_test_run_json (&members);
  array = json_node_get_array (members_root);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  /* Name order: Adwoa, Kwame; numbers in E.164 (the account's region, GH). */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "phone"), ==,
                   "+233241110201");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "email"), ==,
                   "adwoa@example.com");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "phone"), ==,
                   "+233201110202");

  HERALDCTL (&again, "contacts", "pull", "--account", "Flash", "--json");
  g_assert_cmpint (again.status, ==, 0);
  again_root = herald_test_run_json (&again);
  object = json_node_get_object (again_root);
  g_assert_cmpint (json_object_get_int_member (object, "added"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "unchanged"), ==, count);
  g_assert_cmpint (json_object_get_int_member (object, "grouped"), ==, 0);

  HERALDCTL (&flixy_run, "contacts", "pull", "--account", "Flixy");
  assert_failed_quietly (&flixy_run, 2, "FlixySMS has no contact list");
}

/* ---- estimate --account ---------------------------------------------------- */

static void
test_estimate_account (void)
{
  g_autofree char *two_parts = g_strnfill (161, 'a');
  g_autofree char *too_long = g_strnfill (919, 'a');
  g_auto(HeraldTestRun) short_run = { 0 };
  g_auto(HeraldTestRun) enough = { 0 };
  g_auto(HeraldTestRun) json = { 0 };
  g_auto(HeraldTestRun) flixy_run = { 0 };
  g_auto(HeraldTestRun) long_run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *quote, *account;
  guint asked = herald_fake_flashsms_count_requests (flash, "POST", "/sms/estimate");
  gint64 balance = herald_fake_flashsms_get_balance (flash);
  /* one more recipient than the balance pays for at 2 parts each */
  g_autofree char *recipients = g_strdup_printf ("%" G_GINT64_FORMAT, balance / 2 + 1);
  g_autofree char *credits_line = g_strdup_printf ("Credits:     %" G_GINT64_FORMAT "\n", (balance / 2 + 1) * 2);
  g_autofree char *short_line = g_strdup_printf ("Balance:     %" G_GINT64_FORMAT " (not enough", balance);
  g_autofree char *enough_line = g_strdup_printf ("Balance:     %" G_GINT64_FORMAT " (enough)", balance);

  g_assert_cmpint (balance, >, 2);
  g_assert_cmpint (balance, <, 20000);   /* the estimate takes 10,000 recipients at most */

  /* FlashSMS prices it: 2 parts a recipient, 2 credits more than the fake's balance. */
  HERALDCTL (&short_run, "estimate", "--account", "Flash", "--recipients", recipients, "--message", two_parts);
  g_assert_cmpint (short_run.status, ==, 0);
  g_assert_cmpuint (herald_fake_flashsms_count_requests (flash, "POST", "/sms/estimate"), ==, asked + 1);
  g_assert_nonnull (strstr (short_run.out, "Account:     Flash (FlashSMS, GH)"));
  g_assert_nonnull (strstr (short_run.out, "The provider’s estimate:"));
  g_assert_nonnull (strstr (short_run.out, credits_line));
  g_assert_nonnull (strstr (short_run.out, short_line));

  HERALDCTL (&enough, "estimate", "--account", "Flash", "--message", two_parts);
  g_assert_cmpint (enough.status, ==, 0);
  g_assert_nonnull (strstr (enough.out, "Credits:     2\n"));
  g_assert_nonnull (strstr (enough.out, enough_line));

  HERALDCTL (&json, "estimate", "--json", "--account", "Flash", "--recipients", recipients, "--message", two_parts);
  g_assert_cmpint (json.status, ==, 0);
  root = herald_test_run_json (&json);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "credits"), ==, (balance / 2 + 1) * 2);   /* the local count */
  account = json_object_get_object_member (object, "account");
  g_assert_cmpstr (json_object_get_string_member (account, "dialect"), ==, "flashsms");
  g_assert_cmpstr (json_object_get_string_member (account, "region"), ==, "GH");
  g_assert_cmpint (json_object_get_int_member (account, "max_characters"), ==, 918);
  quote = json_object_get_object_member (object, "provider_estimate");
  g_assert_cmpint (json_object_get_int_member (quote, "parts"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (quote, "credits_required"), ==, (balance / 2 + 1) * 2);
  g_assert_cmpint (json_object_get_int_member (quote, "balance"), ==, balance);
  g_assert_false (json_object_get_boolean_member (quote, "can_afford"));

  /* FlixySMS prices nothing: the local figures, said to be local. */
  HERALDCTL (&flixy_run, "estimate", "--account", "Flixy", "--message", two_parts);
  g_assert_cmpint (flixy_run.status, ==, 0);
  g_assert_nonnull (strstr (flixy_run.out, "Account:     Flixy (FlixySMS, GH)"));
  g_assert_nonnull (strstr (flixy_run.out, "FlixySMS gives no price before sending"));
  g_assert_null (strstr (flixy_run.out, "The provider’s estimate:"));

  /* Over FlashSMS's 918 characters: said, exit 1, nothing asked. */
  asked = herald_fake_flashsms_count_requests (flash, "POST", "/sms/estimate");
  HERALDCTL (&long_run, "estimate", "--account", "Flash", "--message", too_long);
  g_assert_cmpint (long_run.status, ==, 1);
  g_assert_nonnull (strstr (long_run.err, "FlashSMS takes at most 918 characters: shorten the message by 1."));
  g_assert_cmpuint (herald_fake_flashsms_count_requests (flash, "POST", "/sms/estimate"), ==, asked);
}

static void
seed_flashsms (void)
{
  const char *phones[] = { "233241234567", "233201234567", NULL };
  const char *statuses[] = { "FAILED", "FAILED", NULL };

  flash = herald_fake_flashsms_new ();
  herald_fake_flashsms_add_key (flash, FLASH_KEY, NULL);
  herald_fake_flashsms_add_key (flash, FLASH_RO_KEY, "sms:read balance:read");
  herald_fake_flashsms_set_balance (flash, 1000);
  herald_fake_flashsms_add_sender_id (flash, "AccraFresh", "APPROVED");
  herald_fake_flashsms_add_template (flash, "Closing", "We close at 8pm today.");
  herald_fake_flashsms_add_contact (flash, "0241234567", "Kofi", "Mensah", NULL,
                                    herald_fake_flashsms_add_group (flash, "Staff"));
  herald_fake_flashsms_add_history (flash, "Stock up before the holiday", "AccraFresh", NULL, phones, NULL, 0);
  herald_fake_flashsms_add_history (flash, "Second", "AccraFresh", NULL, phones + 1, NULL, 0);
  herald_fake_flashsms_add_history (flash, "Mixed", "AccraFresh", "Promo", phones, statuses, 0);
  herald_fake_flashsms_add_transaction (flash, "PURCHASE", 5000, "Top-up by MoMo", NULL, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  seed_flashsms ();
  flixy = herald_fake_flixysms_new (FLIXY_KEY, 0, &error);
  g_assert_no_error (error);
  herald_fake_flixysms_add_key (flixy, FLIXY_NOSEND, FALSE);
  herald_fake_flixysms_seed (flixy);

  add_account ("Flash", "flashsms", herald_fake_flashsms_get_base_url (flash), FLASH_KEY);
  add_account ("FlashReadOnly", "flashsms", herald_fake_flashsms_get_base_url (flash), FLASH_RO_KEY);
  add_account ("FlashWrongKey", "flashsms", herald_fake_flashsms_get_base_url (flash), "bms_not_a_key");
  add_account ("Flixy", "flixysms", herald_fake_flixysms_get_base_url (flixy), FLIXY_KEY);
  add_account ("FlixyCannotSend", "flixysms", herald_fake_flixysms_get_base_url (flixy), FLIXY_NOSEND);

  g_test_add_func ("/cli-provider/account-test/works", test_account_test);
  g_test_add_func ("/cli-provider/estimate/account", test_estimate_account);
  g_test_add_func ("/cli-provider/account-test/missing-scopes", test_account_test_missing_scopes);
  g_test_add_func ("/cli-provider/account-test/wrong-key", test_account_test_wrong_key);
  g_test_add_func ("/cli-provider/send/flixysms-json", test_send_flixysms_json);
  g_test_add_func ("/cli-provider/send/flixysms-human", test_send_flixysms_human);
  g_test_add_func ("/cli-provider/send/flashsms", test_send_flashsms);
  g_test_add_func ("/cli-provider/send/plain-file-scheduled", test_send_plain_file_scheduled);
  g_test_add_func ("/cli-provider/send/template", test_send_template);
  g_test_add_func ("/cli-provider/send/unsupported-options", test_send_unsupported_options);
  g_test_add_func ("/cli-provider/send/usage", test_send_usage);
  g_test_add_func ("/cli-provider/send/payment-required", test_send_payment_required);
  g_test_add_func ("/cli-provider/send/forbidden", test_send_forbidden);
  g_test_add_func ("/cli-provider/send/rate-limited", test_send_rate_limited);
  g_test_add_func ("/cli-provider/send/no-device", test_send_no_device);
  g_test_add_func ("/cli-provider/send/fate-unknown", test_send_fate_unknown);
  g_test_add_func ("/cli-provider/inbox", test_inbox);
  g_test_add_func ("/cli-provider/inbox/keeps-stop-replies", test_inbox_keeps_stop);
  g_test_add_func ("/cli-provider/balance", test_balance);
  g_test_add_func ("/cli-provider/history/flashsms", test_history_flashsms);
  g_test_add_func ("/cli-provider/transactions-senders", test_transactions_senders);
  g_test_add_func ("/cli-provider/lists/contacts", test_contacts);
  g_test_add_func ("/cli-provider/lists/groups-templates", test_groups_templates);
  g_test_add_func ("/cli-provider/lists/pull", test_pull);

  status = g_test_run ();

  g_clear_object (&flixy);
  g_clear_object (&flash);

  return status;
}
