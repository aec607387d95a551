/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The promise of campaigns, proved against the in-process fakes: a
 * 2,000-recipient personalised campaign run by `heraldctl campaign start`
 * as a process, SIGKILLed at random moments at least 20 times and started
 * again each time, then run to its end. Then, from the fake's own record of
 * what it accepted: no number got the message twice, every row is in a
 * final state or unknown, no row is pending or failed for a number the
 * fake received, every row accepted was received with its own text; with
 * FlashSMS (whose history reconciles requests cut off by a kill) none is
 * lost either. The kill moments come from the test's random seed (printed
 * by --tap; rerun with --seed). Runs with --keyring. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "herald-core.h"
#include "herald-fake-flashsms.h"
#include "herald-fake-flixysms.h"
#include "herald-test-util.h"

#define N_RECIPIENTS  2000
#define MIN_KILLS     20
#define FLASH_KEY     "bms_crash_key"
#define FLIXY_KEY     "fx_crash_key"
/* Kills that may land between a request's rows being marked as sent and
 * the fake reading the request: some, fewer than half (when the rows were
 * marked while waiting for the rate limiter, 16 to 20 kills of 20 did; a
 * normal build sees 0 or 1, the ASan build under load up to 7). */
#define MAX_UNKNOWN_UNRECEIVED(kills) MAX (2u, (kills) / 2)

/* A request cut off by a kill is looked up in the history after 1 s. */
static const char * const settle_env[] = { "HERALD_CAMPAIGN_SETTLE_SECONDS", "1",
                                           "HERALD_CAMPAIGN_TRACK_FIRST_MS", "50", NULL };

static gboolean
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

#define HERALDCTL(run, key, ...) \
  G_STMT_START { \
    const char *argv_[] = { __VA_ARGS__, NULL }; \
    herald_test_heraldctl_run ((run), (key), NULL, settle_env, 240, argv_); \
  } G_STMT_END

/* Starts the campaign and SIGKILLs heraldctl after @delay_ms; TRUE when
 * the kill found it still running (FALSE: it had finished first). */
static gboolean
start_and_kill (const char *id,
                guint       delay_ms)
{
  const char *argv[] = { "campaign", "start", id, NULL };
  /* The heraldctl binary itself, never a wrapper: the kill must hit it. */
  g_autoptr(GSubprocess) process = herald_test_heraldctl_spawn (argv, NULL, NULL, settle_env);
  HeraldTestRun run = { 0 };
  gboolean fire = FALSE;
  gboolean killed;

  herald_test_heraldctl_read (process, &run);
  g_timeout_add (delay_ms, flag_cb, &fire);
  while (!fire && !run.done)
    g_main_context_iteration (NULL, TRUE);
  /* Either way the timeout source must not outlive "fire". */
  while (!fire)
    g_main_context_iteration (NULL, TRUE);

  killed = !run.done;
  g_subprocess_force_exit (process);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_wait (process, NULL, NULL));
  if (killed)
    g_assert_true (g_subprocess_get_if_signaled (process));
  herald_test_run_clear (&run);
  return killed;
}

/* 2,000 Ghanaian mobiles with a name and a code each. */
static char *
write_audience (GHashTable *text_for_phone)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "audience.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("phone,first_name,code\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_RECIPIENTS; i++)
    {
      g_string_append_printf (csv, "024%07u,Name%u,C%u\n", 1000000 + i * 7, i, i * 13);
      g_hash_table_insert (text_for_phone, g_strdup_printf ("23324%07u", 1000000 + i * 7),
                           g_strdup_printf ("Hello Name%u, your code is C%u.", i, i * 13));
    }
  g_file_set_contents (path, csv->str, (gssize) csv->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* What the fake accepted: E.164 without "+" → how many times, and the text. */
typedef struct
{
  GHashTable *times;   /* phone → count */
  GHashTable *texts;   /* phone → the last text */
} Received;

static void
received_add (Received   *received,
              const char *phone,
              const char *text)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (received->times, phone));

  g_hash_table_replace (received->times, g_strdup (phone), GUINT_TO_POINTER (n + 1));
  g_hash_table_replace (received->texts, g_strdup (phone), g_strdup (text));
}

static void
received_from_flash (Received           *received,
                     HeraldFakeFlashsms *fake)
{
  GPtrArray *sent = herald_fake_flashsms_get_sent (fake);

  for (guint i = 0; i < sent->len; i++)
    {
      HeraldFakeFlashsmsSent *message = sent->pdata[i];

      for (guint k = 0; message->recipients[k] != NULL; k++)
        received_add (received, message->recipients[k], message->message);
    }
}

static void
received_from_flixy (Received           *received,
                     HeraldFakeFlixysms *fake)
{
  for (guint i = 0; i < herald_fake_flixysms_get_n_accepted (fake); i++)
    {
      const HeraldFakeFlixysmsMessage *message = herald_fake_flixysms_get_accepted (fake, i);

      received_add (received, message->to[0] == '+' ? message->to + 1 : message->to, message->message);
    }
}

/* The checks on the fake's record and the campaign's report. */
static void
check_truth (Received   *received,
             GHashTable *text_for_phone,
             JsonObject *report,
             gboolean    expect_none_lost,
             guint       max_unknown_unreceived)
{
  JsonArray *rows = json_object_get_array_member (report, "recipients");
  GHashTableIter iter;
  gpointer phone, times;
  guint n_unknown = 0;
  guint n_unknown_unreceived = 0;

  g_assert_cmpuint (json_array_get_length (rows), ==, N_RECIPIENTS);

  /* No number twice, and nothing to numbers outside the campaign. */
  g_hash_table_iter_init (&iter, received->times);
  while (g_hash_table_iter_next (&iter, &phone, &times))
    {
      g_assert_cmpuint (GPOINTER_TO_UINT (times), ==, 1);
      g_assert_true (g_hash_table_contains (text_for_phone, phone));
      g_assert_cmpstr (g_hash_table_lookup (received->texts, phone), ==, g_hash_table_lookup (text_for_phone, phone));
    }

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *state = json_object_get_string_member (row, "state");
      const char *e164 = json_object_get_string_member (row, "phone");
      gboolean got = g_hash_table_contains (received->times, e164 + 1);

      g_assert_true (e164[0] == '+');
      /* Terminal or unknown: never left pending, submitting or failed. */
      g_assert_true (g_str_equal (state, "accepted") || g_str_equal (state, "unknown"));
      if (g_str_equal (state, "accepted"))
        g_assert_true (got);
      else
        {
          n_unknown++;
          if (!got)
            n_unknown_unreceived++;
        }
    }

  g_test_message ("fake received %u distinct numbers; %u rows unknown, %u of them never received",
                  g_hash_table_size (received->times), n_unknown, n_unknown_unreceived);
  /* A row is in doubt only when its request may have left: the moment
   * between its rows being marked and the fake reading it is short, so a
   * kill seldom lands there (the wait for the rate limiter, most of a
   * request's time, leaves its rows pending). */
  g_assert_cmpuint (n_unknown_unreceived, <=, max_unknown_unreceived);
  if (expect_none_lost)
    {
      g_assert_cmpuint (n_unknown, ==, 0);
      g_assert_cmpuint (g_hash_table_size (received->times), ==, N_RECIPIENTS);
    }
}

/* Creates the campaign, kills it MIN_KILLS times at least, runs it to the
 * end and returns its report. */
static JsonNode *
crash_and_finish (const char *account,
                  const char *path,
                  guint      *kills_out,
                  guint      *runs_out)
{
  g_auto(HeraldTestRun) created = { 0 };
  g_auto(HeraldTestRun) final = { 0 };
  g_auto(HeraldTestRun) report = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = NULL;
  guint kills = 0, runs = 0;

  HERALDCTL (&created, NULL, "campaign", "create", "Crash", "--account", account,
             "--message", "Hello {{first_name}}, your code is {{code}}.", "--to-file", path, "--json");
  g_assert_cmpint (created.status, ==, 0);
  root = herald_test_run_json (&created);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (json_node_get_object (root), "id"));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "recipients"), ==, N_RECIPIENTS);

  /* Random moments: early ones hit the start-up and the reconciliation,
   * later ones the sending; a run that ends first does not count. */
  while (kills < MIN_KILLS && runs < MIN_KILLS * 4)
    {
      runs++;
      if (start_and_kill (id, (guint) g_test_rand_int_range (20, 1500)))
        kills++;
    }
  g_assert_cmpuint (kills, >=, MIN_KILLS);

  HERALDCTL (&final, NULL, "campaign", "start", id);
  g_assert_cmpint (final.status, ==, 0);
  g_assert_nonnull (strstr (final.out, "finished"));

  HERALDCTL (&report, NULL, "campaign", "report", id, "--json");
  g_assert_cmpint (report.status, ==, 0);
  g_clear_pointer (&root, json_node_unref);
  root = herald_test_run_json (&report);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "state"), ==, "finished");
  *kills_out = kills;
  *runs_out = runs + 1;
  return g_steal_pointer (&root);
}

static void
test_crash_flashsms (void)
{
  g_autoptr(HeraldFakeFlashsms) fake = herald_fake_flashsms_new ();
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *path = write_audience (texts);
  g_auto(HeraldTestRun) added = { 0 };
  g_autoptr(JsonNode) report = NULL;
  Received received = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
  };
  guint kills, runs;

  herald_fake_flashsms_add_key (fake, FLASH_KEY, NULL);
  herald_fake_flashsms_add_sender_id (fake, "Herald", "APPROVED");
  herald_fake_flashsms_set_balance (fake, 1000000);
  /* 100 requests a second: the 2,000 take about 20 s, long enough to be
   * killed at any point of the way. */
  herald_fake_flashsms_set_rate_limit (fake, 100, 1);

  HERALDCTL (&added, FLASH_KEY, "account", "add", "Flash", "--dialect", "flashsms",
             "--url", herald_fake_flashsms_get_base_url (fake), "--region", "GH");
  g_assert_cmpint (added.status, ==, 0);

  report = crash_and_finish ("Flash", path, &kills, &runs);
  received_from_flash (&received, fake);
  g_test_message ("FlashSMS: %u runs, %u SIGKILLs, %u send requests, %u history requests", runs, kills,
                  herald_fake_flashsms_count_requests (fake, "POST", "/sms/send"),
                  herald_fake_flashsms_count_requests (fake, "GET", "/sms"));
  check_truth (&received, texts, json_node_get_object (report), TRUE, 0);

  g_hash_table_unref (received.times);
  g_hash_table_unref (received.texts);
}

static void
test_crash_flixysms (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFakeFlixysms) fake = herald_fake_flixysms_new (FLIXY_KEY, 0, &error);
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *path = write_audience (texts);
  g_auto(HeraldTestRun) added = { 0 };
  g_autoptr(JsonNode) report = NULL;
  Received received = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
  };
  guint kills, runs;

  g_assert_no_error (error);
  herald_fake_flixysms_seed (fake);
  herald_fake_flixysms_set_rate_limit (fake, 100, 1);

  HERALDCTL (&added, FLIXY_KEY, "account", "add", "Flixy", "--dialect", "flixysms",
             "--url", herald_fake_flixysms_get_base_url (fake), "--region", "GH");
  g_assert_cmpint (added.status, ==, 0);

  report = crash_and_finish ("Flixy", path, &kills, &runs);
  received_from_flixy (&received, fake);
  g_test_message ("FlixySMS: %u runs, %u SIGKILLs, %u messages accepted", runs, kills,
                  herald_fake_flixysms_get_n_accepted (fake));
  /* No history to ask: a request cut off in flight leaves unknown rows,
   * but only one that had left (a kill can hit one request at most). */
  check_truth (&received, texts, json_node_get_object (report), FALSE, MAX_UNKNOWN_UNRECEIVED (kills));

  g_hash_table_unref (received.times);
  g_hash_table_unref (received.texts);
}

/* ---- the command-line contract ----------------------------------------------- */

static gint64
created_id (HeraldTestRun *run)
{
  g_autoptr(JsonNode) root = herald_test_run_json (run);

  return json_object_get_int_member (json_node_get_object (root), "id");
}

static void
test_cli_contract (void)
{
  g_autoptr(HeraldFakeFlixysms) fake = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "few.txt", NULL);
  g_auto(HeraldTestRun) added = { 0 };
  g_auto(HeraldTestRun) bad = { 0 };
  g_auto(HeraldTestRun) no_source = { 0 };
  g_auto(HeraldTestRun) later = { 0 };
  g_auto(HeraldTestRun) due = { 0 };
  g_auto(HeraldTestRun) first_due = { 0 };
  g_auto(HeraldTestRun) second_due = { 0 };
  g_auto(HeraldTestRun) report = { 0 };
  g_auto(HeraldTestRun) preview = { 0 };
  g_auto(HeraldTestRun) paused = { 0 };
  g_auto(HeraldTestRun) resumed = { 0 };
  g_auto(HeraldTestRun) cancel_done = { 0 };
  g_autoptr(JsonNode) report_root = NULL;
  g_autoptr(JsonNode) preview_root = NULL;
  g_autofree char *later_id = NULL;
  g_autofree char *due_id = NULL;
  JsonObject *counts;
  JsonArray *rows;

  fake = herald_fake_flixysms_new (FLIXY_KEY, 0, &error);
  g_assert_no_error (error);
  herald_fake_flixysms_seed (fake);
  HERALDCTL (&added, FLIXY_KEY, "account", "add", "Few", "--dialect", "flixysms",
             "--url", herald_fake_flixysms_get_base_url (fake), "--region", "GH");
  g_assert_cmpint (added.status, ==, 0);
  g_file_set_contents (path, "0241000001\n0241000002, 024 100 0002\nnot a number\n", -1, &error);
  g_assert_no_error (error);

  /* Usage errors: exit 2, nothing on stdout, the reason on stderr. */
  HERALDCTL (&bad, NULL, "campaign", "create", "X", "--account", "Few", "--to-file", path);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_nonnull (strstr (bad.err, "--message"));
  HERALDCTL (&no_source, NULL, "campaign", "create", "X", "--account", "Few", "--message", "Hi");
  g_assert_cmpint (no_source.status, ==, 2);
  g_assert_nonnull (strstr (no_source.err, "--to-file"));

  /* Scheduled later: run-due leaves it alone. */
  HERALDCTL (&later, NULL, "campaign", "create", "Later", "--account", "Few", "--message", "Later",
             "--to-file", path, "--schedule", "2099-01-01T10:00", "--json");
  g_assert_cmpint (later.status, ==, 0);
  later_id = g_strdup_printf ("%" G_GINT64_FORMAT, created_id (&later));
  HERALDCTL (&due, NULL, "campaign", "create", "Due", "--account", "Few", "--message", "Hi {{phone}}",
             "--to-file", path, "--schedule", "2020-01-01T10:00", "--json");
  g_assert_cmpint (due.status, ==, 0);
  due_id = g_strdup_printf ("%" G_GINT64_FORMAT, created_id (&due));

  HERALDCTL (&preview, NULL, "campaign", "preview", due_id, "--json");
  g_assert_cmpint (preview.status, ==, 0);
  preview_root = herald_test_run_json (&preview);
  rows = json_object_get_array_member (json_node_get_object (preview_root), "recipients");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0), "text"), ==,
                   "Hi +233241000001");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (preview_root),
                                                                         "invalid")), ==, 1);

  HERALDCTL (&first_due, NULL, "campaign", "run-due");
  g_assert_cmpint (first_due.status, ==, 0);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, 2);
  HERALDCTL (&second_due, NULL, "campaign", "run-due");
  g_assert_cmpint (second_due.status, ==, 0);
  g_assert_nonnull (strstr (second_due.out, "No campaign is due"));
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, 2);

  HERALDCTL (&report, NULL, "campaign", "report", due_id, "--json");
  g_assert_cmpint (report.status, ==, 0);
  report_root = herald_test_run_json (&report);
  counts = json_object_get_object_member (json_node_get_object (report_root), "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "accepted"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (counts, "pending"), ==, 0);
  rows = json_object_get_array_member (json_node_get_object (report_root), "recipients");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 1), "phone"), ==,
                   "+233241000002");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 1), "state"), ==,
                   "accepted");

  /* Pausing one that nobody runs, then resuming it; cancelling a finished one is refused. */
  HERALDCTL (&paused, NULL, "campaign", "pause", later_id);
  g_assert_cmpint (paused.status, ==, 0);
  HERALDCTL (&resumed, NULL, "campaign", "resume", later_id);
  g_assert_cmpint (resumed.status, ==, 0);
  g_assert_nonnull (strstr (resumed.out, "finished"));
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, 4);
  HERALDCTL (&cancel_done, NULL, "campaign", "cancel", later_id);
  g_assert_cmpint (cancel_done.status, ==, 2);

  /* A window is kept and shown; a draft is not due. */
  {
    g_auto(HeraldTestRun) windowed = { 0 };
    g_auto(HeraldTestRun) shown = { 0 };
    g_auto(HeraldTestRun) bad_window = { 0 };
    g_autoptr(JsonNode) shown_root = NULL;
    g_autofree char *windowed_id = NULL;

    HERALDCTL (&bad_window, NULL, "campaign", "create", "W", "--account", "Few", "--message", "W",
               "--to-file", path, "--window", "9-18");
    g_assert_cmpint (bad_window.status, ==, 2);
    g_assert_nonnull (strstr (bad_window.err, "HH:MM-HH:MM"));
    HERALDCTL (&windowed, NULL, "campaign", "create", "W", "--account", "Few", "--message", "W",
               "--to-file", path, "--window", "01:00-02:30", "--json");
    g_assert_cmpint (windowed.status, ==, 0);
    windowed_id = g_strdup_printf ("%" G_GINT64_FORMAT, created_id (&windowed));
    HERALDCTL (&shown, NULL, "campaign", "show", windowed_id, "--json");
    g_assert_cmpint (shown.status, ==, 0);
    shown_root = herald_test_run_json (&shown);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown_root), "window"), ==, "01:00-02:30");
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown_root), "state"), ==, "draft");
  }
}

/* A group of the local contacts, a local template, an opt-out skipped. */
static void
test_cli_group_template_optout (void)
{
  g_autoptr(HeraldFakeFlixysms) fake = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(HeraldTestRun) added = { 0 };
  g_auto(HeraldTestRun) group = { 0 };
  g_auto(HeraldTestRun) ama = { 0 };
  g_auto(HeraldTestRun) kofi = { 0 };
  g_auto(HeraldTestRun) stop = { 0 };
  g_auto(HeraldTestRun) template = { 0 };
  g_auto(HeraldTestRun) created = { 0 };
  g_auto(HeraldTestRun) started = { 0 };
  g_auto(HeraldTestRun) report = { 0 };
  g_autoptr(JsonNode) created_root = NULL;
  g_autoptr(JsonNode) report_root = NULL;
  g_autofree char *id = NULL;
  JsonObject *counts;

  fake = herald_fake_flixysms_new (FLIXY_KEY, 0, &error);
  g_assert_no_error (error);
  herald_fake_flixysms_seed (fake);
  HERALDCTL (&added, FLIXY_KEY, "account", "add", "Local", "--dialect", "flixysms",
             "--url", herald_fake_flixysms_get_base_url (fake), "--region", "GH");
  g_assert_cmpint (added.status, ==, 0);
  HERALDCTL (&group, NULL, "groups", "add", "VIP");
  g_assert_cmpint (group.status, ==, 0);
  HERALDCTL (&ama, NULL, "contacts", "add", "0241000011", "--first-name", "Ama", "--group", "VIP", "--region", "GH");
  g_assert_cmpint (ama.status, ==, 0);
  HERALDCTL (&kofi, NULL, "contacts", "add", "0241000012", "--first-name", "Kofi", "--group", "VIP", "--region", "GH");
  g_assert_cmpint (kofi.status, ==, 0);
  HERALDCTL (&stop, NULL, "optouts", "add", "+233241000012");
  g_assert_cmpint (stop.status, ==, 0);
  HERALDCTL (&template, NULL, "templates", "add", "Greet", "--message", "Hi {{first_name}}!");
  g_assert_cmpint (template.status, ==, 0);

  HERALDCTL (&created, NULL, "campaign", "create", "VIP news", "--account", "Local", "--template", "Greet",
             "--group", "VIP", "--json");
  g_assert_cmpint (created.status, ==, 0);
  created_root = herald_test_run_json (&created);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (created_root), "recipients"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (created_root), "skipped"), ==, 1);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, created_id (&created));

  HERALDCTL (&started, NULL, "campaign", "start", id);
  g_assert_cmpint (started.status, ==, 0);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, 1);
  g_assert_cmpstr (herald_fake_flixysms_get_accepted (fake, 0)->message, ==, "Hi Ama!");

  HERALDCTL (&report, NULL, "campaign", "report", id, "--json");
  report_root = herald_test_run_json (&report);
  counts = json_object_get_object_member (json_node_get_object (report_root), "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "accepted"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "skipped"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (report_root), "replies"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (report_root), "optouts"), ==, 0);

  /* Replies: Ama answers twice, the second time STOP; a message of hers
   * from before the campaign, and one from Kofi (never texted), are not
   * the campaign's. `heraldctl inbox` keeps them in the local inbox. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) before = g_date_time_add_hours (now, -1);
    g_autoptr(GDateTime) after = g_date_time_add_seconds (now, 1);
    g_auto(HeraldTestRun) inbox = { 0 };
    g_auto(HeraldTestRun) replied = { 0 };
    g_autoptr(JsonNode) replied_root = NULL;

    herald_fake_flixysms_add_received (fake, "+233241000011", "Old news", before, HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, "sms", 0);
    herald_fake_flixysms_add_received (fake, "+233241000011", "Thanks!", after, HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, "sms", 0);
    herald_fake_flixysms_add_received (fake, "+233241000011", "STOP", after, HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, "sms", 0);
    herald_fake_flixysms_add_received (fake, "+233241000012", "Hello?", after, HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, "sms", 0);
    HERALDCTL (&inbox, NULL, "inbox", "--account", "Local", "--all");
    g_assert_cmpint (inbox.status, ==, 0);

    HERALDCTL (&replied, NULL, "campaign", "report", id, "--json");
    g_assert_cmpint (replied.status, ==, 0);
    replied_root = herald_test_run_json (&replied);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (replied_root), "replies"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (replied_root), "optouts"), ==, 1);
    /* Delivery tracking: the fake delivers it, `campaign track` follows
     * it to the end; a second run has nothing to ask. */
    {
      g_auto(HeraldTestRun) tracked = { 0 };
      g_auto(HeraldTestRun) again = { 0 };
      g_auto(HeraldTestRun) delivered = { 0 };
      g_autoptr(JsonNode) delivered_root = NULL;
      guint status_requests;

      herald_fake_flixysms_set_status (fake, herald_fake_flixysms_get_accepted (fake, 0)->id, "delivered");
      HERALDCTL (&tracked, NULL, "campaign", "track", id);
      g_assert_cmpint (tracked.status, ==, 0);
      g_assert_nonnull (strstr (tracked.out, "delivered or failed"));
      status_requests = herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_STATUS);
      g_assert_cmpuint (status_requests, >, 0);
      HERALDCTL (&again, NULL, "campaign", "track", id);
      g_assert_cmpint (again.status, ==, 0);
      g_assert_cmpuint (herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_STATUS), ==,
                        status_requests);
      HERALDCTL (&delivered, NULL, "campaign", "report", id, "--json");
      delivered_root = herald_test_run_json (&delivered);
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_node_get_object (delivered_root),
                                                                                  "counts"), "delivered"), ==, 1);
    }
    /* Still the same shape for what was there before. */
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_node_get_object (replied_root),
                                                                                "counts"), "accepted"), ==, 1);
  }
}

/* start --also-account: the campaign's own account has no phone online,
 * the other one sends everything. */
static void
test_cli_also_account (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFakeFlixysms) offline = herald_fake_flixysms_new (FLIXY_KEY, 0, &error);
  g_autoptr(HeraldFakeFlixysms) online = herald_fake_flixysms_new (FLIXY_KEY, 0, &error);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "two.txt", NULL);
  g_auto(HeraldTestRun) added_offline = { 0 };
  g_auto(HeraldTestRun) added_online = { 0 };
  g_auto(HeraldTestRun) created = { 0 };
  g_auto(HeraldTestRun) started = { 0 };
  g_autofree char *id = NULL;

  g_assert_no_error (error);
  herald_fake_flixysms_seed (offline);
  herald_fake_flixysms_seed (online);
  herald_fake_flixysms_set_all_devices_online (offline, FALSE);
  HERALDCTL (&added_offline, FLIXY_KEY, "account", "add", "Down", "--dialect", "flixysms",
             "--url", herald_fake_flixysms_get_base_url (offline), "--region", "GH");
  g_assert_cmpint (added_offline.status, ==, 0);
  HERALDCTL (&added_online, FLIXY_KEY, "account", "add", "Up", "--dialect", "flixysms",
             "--url", herald_fake_flixysms_get_base_url (online), "--region", "GH");
  g_assert_cmpint (added_online.status, ==, 0);
  g_file_set_contents (path, "0241000021\n0241000022\n0241000023\n", -1, &error);
  g_assert_no_error (error);

  HERALDCTL (&created, NULL, "campaign", "create", "Both", "--account", "Down", "--message", "Hi {{phone}}",
             "--to-file", path, "--json");
  g_assert_cmpint (created.status, ==, 0);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, created_id (&created));
  HERALDCTL (&started, NULL, "campaign", "start", id, "--also-account", "Up");
  g_assert_cmpint (started.status, ==, 0);
  g_assert_nonnull (strstr (started.out, "finished"));
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (offline), ==, 0);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (online), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/campaign-cli/contract", test_cli_contract);
  g_test_add_func ("/campaign-cli/group-template-optout", test_cli_group_template_optout);
  g_test_add_func ("/campaign-cli/also-account", test_cli_also_account);
  g_test_add_func ("/campaign-crash/flashsms", test_crash_flashsms);
  g_test_add_func ("/campaign-crash/flixysms", test_crash_flixysms);

  return g_test_run ();
}
