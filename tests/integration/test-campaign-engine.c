/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* HeraldCampaignEngine against the in-process fakes: batching to the
 * dialect's request size, and the faults a provider can throw midway
 * (500, a connection reset before and after the request was read, a
 * timeout, a 429 storm, 402, 401), pause and resume, and the lease; rows
 * left pending while the rate limiter holds a request back; delivery
 * tracking; replies; several accounts. After each: every recipient's row
 * tells the truth about what the fake's own record holds, and no number
 * was sent twice. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <gio/gio.h>

#include "herald-core.h"
#include "herald-fake-flashsms.h"
#include "herald-fake-flixysms.h"
#include "herald-test-util.h"
#include "providers/flashsms/herald-flashsms-client.h"
#include "providers/flixysms/herald-flixysms-client.h"
#include "net/herald-http-client.h"
#include "store/herald-database-private.h"

#define FLIXY_KEY "fx_engine_key"
#define FLASH_KEY "bms_engine_key"

typedef struct
{
  HeraldDatabase   *db;
  HeraldMessageLog *log;
  const char       *account_id;
} Fixture;

static gboolean
insert_account_func (HeraldDatabase  *db,
                     gpointer         user_data,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db,
    "INSERT INTO accounts (id, name, name_key, dialect, created_at) VALUES ('acc', 'A', 'a', 'flixysms', 0)",
    error);

  return stmt != NULL && herald_database_step (db, stmt, error) == SQLITE_DONE;
}

static void
fixture_open (Fixture    *f,
              const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "herald", name, NULL);
  g_autoptr(GError) error = NULL;

  f->db = herald_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (herald_database_run (f->db, insert_account_func, NULL, NULL, &error));
  f->log = herald_message_log_new (f->db);
  f->account_id = "acc";
}

static void
fixture_close (Fixture *f)
{
  g_clear_object (&f->log);
  g_clear_object (&f->db);
}

static char *
number (guint i)
{
  return g_strdup_printf ("0241%06u", i);
}

/* @n Ghanaian mobiles, the text as a template. */
static gint64
create_campaign_from (Fixture    *f,
                      const char *text,
                      guint       n,
                      guint       first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaignAudience) audience =
    herald_campaign_audience_new (text, "GH", HERALD_PHONE_NUMBER_REQUIRE_MOBILE, &error);
  g_autoptr(GAsyncResult) result = NULL;
  HeraldCampaignRecord record = { 0 };
  gint64 id;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *input = number (first + i);

      herald_campaign_audience_add (audience, input, NULL);
    }
  {
    g_autofree char *copy = number (first);

    herald_campaign_audience_add (audience, copy, NULL);        /* a copy */
  }
  herald_campaign_audience_add (audience, "12", NULL);           /* invalid */
  g_assert_cmpuint (herald_campaign_audience_get_n_recipients (audience), ==, n);
  g_assert_cmpuint (herald_campaign_audience_get_n_duplicates (audience), ==, 1);

  record.name = (char *) "Test";
  record.account_id = (char *) f->account_id;
  record.text = (char *) text;
  record.window_start = record.window_end = -1;
  herald_campaign_audience_save_async (audience, f->db, &record, NULL, herald_test_async_done, &result);
  id = herald_campaign_audience_save_finish (audience, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
create_campaign (Fixture    *f,
                 const char *text,
                 guint       n)
{
  return create_campaign_from (f, text, n, 0);
}

static HeraldCampaignState
run (Fixture               *f,
     HeraldProvider        *provider,
     gint64                 id,
     HeraldCampaignEngine **engine_out,
     GError               **error)
{
  g_autoptr(HeraldCampaignEngine) engine = herald_campaign_engine_new (f->db, f->log, provider, f->account_id, id);
  g_autoptr(GAsyncResult) result = NULL;
  HeraldCampaignState state;

  /* Longer than the slowest answer a fault here holds back (1.5 s). */
  herald_campaign_engine_set_settle_seconds (engine, 3);
  herald_campaign_engine_run_async (engine, NULL, herald_test_async_done, &result);
  state = herald_campaign_engine_run_finish (engine, herald_test_wait (&result), error);
  if (engine_out != NULL)
    *engine_out = g_steal_pointer (&engine);
  return state;
}

typedef struct
{
  gint64     id;
  guint      counts[HERALD_RECIPIENT_N_STATES];
  GPtrArray *rows;
} Report;

static gboolean
report_func (HeraldDatabase  *db,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  Report *r = user_data;

  r->rows = herald_campaign_store_recipients (db, r->id, 0, 0, error);
  return r->rows != NULL && herald_campaign_store_count (db, r->id, r->counts, error);
}

static void
read_report (Fixture *f,
             Report  *r,
             gint64   id)
{
  g_autoptr(GError) error = NULL;

  r->id = id;
  g_clear_pointer (&r->rows, g_ptr_array_unref);
  g_assert_true (herald_database_run (f->db, report_func, r, NULL, &error));
  g_assert_no_error (error);
}

/* Phone digits → times the fake took it. */
static GHashTable *
flixy_received (HeraldFakeFlixysms *fake)
{
  GHashTable *times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < herald_fake_flixysms_get_n_accepted (fake); i++)
    {
      const char *to = herald_fake_flixysms_get_accepted (fake, i)->to;
      const char *digits = to[0] == '+' ? to + 1 : to;

      g_hash_table_replace (times, g_strdup (digits),
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (times, digits)) + 1));
    }
  return times;
}

static GHashTable *
flash_received (HeraldFakeFlashsms *fake)
{
  GHashTable *times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *sent = herald_fake_flashsms_get_sent (fake);

  for (guint i = 0; i < sent->len; i++)
    {
      HeraldFakeFlashsmsSent *message = sent->pdata[i];

      for (guint k = 0; message->recipients[k] != NULL; k++)
        g_hash_table_replace (times, g_strdup (message->recipients[k]),
                              GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (times, message->recipients[k])) + 1));
    }
  return times;
}

/* The truth: nobody twice; accepted rows were received; pending and failed
 * rows were not; unknown rows may be either. */
static void
assert_truthful (Report     *r,
                 GHashTable *received)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, received);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpuint (GPOINTER_TO_UINT (value), ==, 1);

  for (guint i = 0; i < r->rows->len; i++)
    {
      HeraldCampaignRecipient *row = r->rows->pdata[i];
      gboolean got = g_hash_table_contains (received, row->phone + 1);

      g_assert_cmpint (row->state, !=, HERALD_RECIPIENT_STATE_SUBMITTING);
      if (row->state == HERALD_RECIPIENT_STATE_ACCEPTED || row->state == HERALD_RECIPIENT_STATE_SENT ||
          row->state == HERALD_RECIPIENT_STATE_DELIVERED ||
          (row->state == HERALD_RECIPIENT_STATE_FAILED && row->message_id != NULL))
        {
          /* Taken by the provider (failed later, in delivery, with its id). */
          g_assert_true (got);
          g_assert_nonnull (row->message_id);
        }
      else if (row->state != HERALD_RECIPIENT_STATE_UNKNOWN)
        g_assert_false (got);
    }
}

static HeraldFakeFlixysms *
flixy_new (void)
{
  g_autoptr(GError) error = NULL;
  HeraldFakeFlixysms *fake = herald_fake_flixysms_new (FLIXY_KEY, 0, &error);

  g_assert_no_error (error);
  herald_fake_flixysms_seed (fake);
  herald_fake_flixysms_set_rate_limit (fake, 100000, 60);
  return fake;
}

static HeraldProvider *
flixy_provider (HeraldFakeFlixysms *fake)
{
  g_autoptr(GError) error = NULL;
  HeraldFlixysmsClient *client = herald_flixysms_client_new_for_key (herald_fake_flixysms_get_base_url (fake),
                                                                     FLIXY_KEY, "GH", &error);

  g_assert_no_error (error);
  return HERALD_PROVIDER (client);
}

static HeraldFakeFlashsms *
flash_new (gint64 balance)
{
  HeraldFakeFlashsms *fake = herald_fake_flashsms_new ();

  herald_fake_flashsms_add_key (fake, FLASH_KEY, NULL);
  herald_fake_flashsms_add_sender_id (fake, "Herald", "APPROVED");
  herald_fake_flashsms_set_balance (fake, balance);
  herald_fake_flashsms_set_rate_limit (fake, 100000, 60);
  return fake;
}

static HeraldProvider *
flash_provider (HeraldFakeFlashsms *fake)
{
  g_autoptr(GError) error = NULL;
  HeraldFlashsmsClient *client = herald_flashsms_client_new_for_account (herald_fake_flashsms_get_base_url (fake),
                                                                         FLASH_KEY, HERALD_AUTH_BEARER, &error);

  g_assert_no_error (error);
  /* A timeout fault must not take thirty seconds. */
  herald_http_client_set_timeout (herald_rest_client_get_http_client (HERALD_REST_CLIENT (client)), 1);
  return HERALD_PROVIDER (client);
}

/* ---- a scenario: a fake, its provider, a database and one campaign ------------------ */

typedef struct
{
  Fixture             f;
  HeraldFakeFlixysms *flixy;
  HeraldFakeFlashsms *flash;
  HeraldProvider     *provider;
  gint64              id;
  Report              r;
} Scenario;

static void
scenario_flixy (Scenario   *sc,
                const char *db_name,
                guint       n)
{
  sc->flixy = flixy_new ();
  sc->provider = flixy_provider (sc->flixy);
  fixture_open (&sc->f, db_name);
  sc->id = create_campaign (&sc->f, "Hello {{phone}}", n);
}

static void
scenario_flash (Scenario   *sc,
                const char *db_name,
                gint64      balance,
                guint       n)
{
  sc->flash = flash_new (balance);
  sc->provider = flash_provider (sc->flash);
  fixture_open (&sc->f, db_name);
  sc->id = create_campaign (&sc->f, "Hello {{phone}}", n);
}

static HeraldCampaignState
scenario_run (Scenario              *sc,
              HeraldCampaignEngine **engine)
{
  g_autoptr(GError) error = NULL;
  HeraldCampaignState state = run (&sc->f, sc->provider, sc->id, engine, &error);

  g_assert_no_error (error);
  return state;
}

/* Reads the report, checks it against the fake's record and returns how
 * many numbers the fake took. */
static guint
scenario_check (Scenario *sc)
{
  g_autoptr(GHashTable) received = sc->flixy != NULL ? flixy_received (sc->flixy) : flash_received (sc->flash);

  read_report (&sc->f, &sc->r, sc->id);
  assert_truthful (&sc->r, received);
  return g_hash_table_size (received);
}

static HeraldRecipientState
scenario_row_state (Scenario *sc,
                    guint     index)
{
  return ((HeraldCampaignRecipient *) sc->r.rows->pdata[index])->state;
}

static void
scenario_clear (Scenario *sc)
{
  g_clear_pointer (&sc->r.rows, g_ptr_array_unref);
  fixture_close (&sc->f);
  g_clear_object (&sc->provider);
  g_clear_object (&sc->flixy);
  g_clear_object (&sc->flash);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scenario, scenario_clear)

/* ---- batching ------------------------------------------------------------------- */

static void
test_batches (void)
{
  Fixture f = { 0 };
  g_autoptr(HeraldFakeFlixysms) fake = flixy_new ();
  g_autoptr(HeraldProvider) provider = flixy_provider (fake);
  g_autoptr(GHashTable) received = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaignEngine) engine = NULL;
  Report r = { 0 };
  gint64 same, personal;

  fixture_open (&f, "batches.db");

  /* One text for 250: requests of 100, 100 and 50. */
  same = create_campaign (&f, "Sale today!", 250);
  g_assert_cmpint (run (&f, provider, same, &engine, &error), ==, HERALD_CAMPAIGN_FINISHED);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_BULK), ==, 3);
  g_assert_cmpuint (herald_campaign_engine_get_sent (engine), ==, 250);
  g_assert_cmpuint (herald_campaign_engine_get_remaining (engine), ==, 0);
  read_report (&f, &r, same);
  g_assert_cmpuint (r.counts[HERALD_RECIPIENT_STATE_ACCEPTED], ==, 250);

  /* Personalised: one request each. */
  personal = create_campaign_from (&f, "Hi {{phone}}", 5, 1000);
  g_assert_cmpint (run (&f, provider, personal, NULL, &error), ==, HERALD_CAMPAIGN_FINISHED);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_BULK), ==, 3 + 5);
  g_assert_cmpstr (herald_fake_flixysms_get_accepted (fake, 250)->message, ==, "Hi +233241001000");

  /* Done is done: running it again sends nothing. */
  g_assert_cmpint (run (&f, provider, personal, NULL, &error), ==, HERALD_CAMPAIGN_FINISHED);
  g_assert_error (error, HERALD_CAMPAIGN_ERROR, HERALD_CAMPAIGN_ERROR_NOT_RUNNABLE);

  received = flixy_received (fake);
  read_report (&f, &r, personal);
  assert_truthful (&r, received);
  g_assert_cmpuint (g_hash_table_size (received), ==, 255);
  g_clear_pointer (&r.rows, g_ptr_array_unref);
  fixture_close (&f);
}

/* ---- faults without a history: FlixySMS ---------------------------------------- */

static void
flixy_fault_case (const char                   *db_name,
                  HeraldFakeFlixysmsFault       fault,
                  HeraldFakeFlixysmsFaultFlags  flags,
                  gboolean                      processed)
{
  g_auto(Scenario) sc = { 0 };

  scenario_flixy (&sc, db_name, 4);
  /* The second request meets the fault. */
  herald_fake_flixysms_inject_fault (sc.flixy, HERALD_FAKE_FLIXYSMS_FAULT_NONE, 1, HERALD_FAKE_FLIXYSMS_FAULT_FLAGS_NONE);
  herald_fake_flixysms_inject_fault (sc.flixy, fault, 1, flags);
  g_assert_cmpint (scenario_run (&sc, NULL), ==, HERALD_CAMPAIGN_FINISHED);

  g_assert_cmpuint (scenario_check (&sc), ==, processed ? 4 : 3);
  /* May have gone out: unknown, and never sent again. */
  g_assert_cmpint (scenario_row_state (&sc, 1), ==, HERALD_RECIPIENT_STATE_UNKNOWN);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_ACCEPTED], ==, 3);
}

static void
test_flixy_500 (void)
{
  flixy_fault_case ("flixy-500.db", HERALD_FAKE_FLIXYSMS_FAULT_SERVER_ERROR, HERALD_FAKE_FLIXYSMS_FAULT_FLAGS_NONE, FALSE);
}

static void
test_flixy_500_after_processing (void)
{
  flixy_fault_case ("flixy-500p.db", HERALD_FAKE_FLIXYSMS_FAULT_SERVER_ERROR, HERALD_FAKE_FLIXYSMS_FAULT_PROCESS, TRUE);
}

static void
test_flixy_reset_before_read (void)
{
  flixy_fault_case ("flixy-close.db", HERALD_FAKE_FLIXYSMS_FAULT_CLOSE, HERALD_FAKE_FLIXYSMS_FAULT_FLAGS_NONE, FALSE);
}

static void
test_flixy_reset_after_read (void)
{
  flixy_fault_case ("flixy-closep.db", HERALD_FAKE_FLIXYSMS_FAULT_CLOSE, HERALD_FAKE_FLIXYSMS_FAULT_PROCESS, TRUE);
}

static void
test_flixy_429_storm (void)
{
  g_auto(Scenario) sc = { 0 };

  scenario_flixy (&sc, "storm.db", 3);
  /* More 429s than the transport retries: the engine backs off and tries again. */
  herald_fake_flixysms_inject_fault (sc.flixy, HERALD_FAKE_FLIXYSMS_FAULT_RATE_LIMITED, 7, HERALD_FAKE_FLIXYSMS_FAULT_FLAGS_NONE);
  g_assert_cmpint (scenario_run (&sc, NULL), ==, HERALD_CAMPAIGN_FINISHED);

  g_assert_cmpuint (scenario_check (&sc), ==, 3);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_ACCEPTED], ==, 3);
  /* The refused attempts count on the first row. */
  g_assert_cmpuint (((HeraldCampaignRecipient *) sc.r.rows->pdata[0])->attempts, >=, 2);
}

static void
test_flixy_401_midway (void)
{
  g_auto(Scenario) sc = { 0 };
  g_autoptr(HeraldCampaignEngine) engine = NULL;

  scenario_flixy (&sc, "401.db", 4);
  herald_fake_flixysms_inject_fault (sc.flixy, HERALD_FAKE_FLIXYSMS_FAULT_NONE, 2, HERALD_FAKE_FLIXYSMS_FAULT_FLAGS_NONE);
  herald_fake_flixysms_inject_error (sc.flixy, 401, HERALD_FAKE_FLIXYSMS_ERROR_SUCCESS_FALSE, "Invalid API key", 1);

  g_assert_cmpint (scenario_run (&sc, &engine), ==, HERALD_CAMPAIGN_PAUSED);
  g_assert_nonnull (strstr (herald_campaign_engine_get_pause_reason (engine), "401"));
  scenario_check (&sc);
  /* Never taken: pending, not failed. */
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_ACCEPTED], ==, 2);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_PENDING], ==, 2);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_FAILED], ==, 0);

  /* The key is fixed: resuming sends the rest, each once. */
  g_assert_cmpint (scenario_run (&sc, NULL), ==, HERALD_CAMPAIGN_FINISHED);
  g_assert_cmpuint (scenario_check (&sc), ==, 4);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_ACCEPTED], ==, 4);
}

/* ---- faults with a history: FlashSMS ------------------------------------------- */

static void
flash_fault_case (const char              *db_name,
                  HeraldFakeFlashsmsFault  fault,
                  guint                    param,
                  guint                    expected_posts)
{
  g_auto(Scenario) sc = { 0 };

  scenario_flash (&sc, db_name, 1000, 4);
  herald_fake_flashsms_inject_fault (sc.flash, fault, 1, param);
  g_assert_cmpint (scenario_run (&sc, NULL), ==, HERALD_CAMPAIGN_FINISHED);

  /* The history settled it: everyone got it, once. */
  g_assert_cmpuint (scenario_check (&sc), ==, 4);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_ACCEPTED], ==, 4);
  g_assert_cmpuint (herald_fake_flashsms_count_requests (sc.flash, "POST", "/sms/send"), ==, expected_posts);
}

static void
test_flash_500 (void)
{
  /* Not in the history after the settle time: sent again, once. */
  flash_fault_case ("flash-500.db", HERALD_FAKE_FLASHSMS_FAULT_STATUS, 500, 5);
}

static void
test_flash_reset (void)
{
  flash_fault_case ("flash-reset.db", HERALD_FAKE_FLASHSMS_FAULT_RESET, 0, 5);
}

static void
test_flash_timeout_then_accepted (void)
{
  /* The answer comes after the client gave up, but the message went out:
   * the history shows it, so it is not sent again. */
  flash_fault_case ("flash-timeout.db", HERALD_FAKE_FLASHSMS_FAULT_DELAY, 1500, 4);
}

static void
test_flash_402_midway (void)
{
  g_auto(Scenario) sc = { 0 };
  g_autoptr(HeraldCampaignEngine) engine = NULL;

  scenario_flash (&sc, "402.db", 3, 5);
  g_assert_cmpint (scenario_run (&sc, &engine), ==, HERALD_CAMPAIGN_PAUSED);
  /* The two messages left, one part each. */
  g_assert_cmpint (herald_campaign_engine_get_credits_needed (engine), ==, 2);
  g_test_message ("402 pause: %s", herald_campaign_engine_get_pause_reason (engine));
  scenario_check (&sc);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_ACCEPTED], ==, 3);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_PENDING], ==, 2);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_FAILED], ==, 0);

  herald_fake_flashsms_set_balance (sc.flash, 100);
  g_assert_cmpint (scenario_run (&sc, NULL), ==, HERALD_CAMPAIGN_FINISHED);
  g_assert_cmpuint (scenario_check (&sc), ==, 5);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_ACCEPTED], ==, 5);
}

/* ---- pause and the lease ------------------------------------------------------------ */

static void
pause_on_first (HeraldCampaignEngine *engine,
                gpointer              user_data)
{
  if (herald_campaign_engine_get_sent (engine) >= 1)
    herald_campaign_engine_pause (engine, "asked");
}

static void
test_pause_resume (void)
{
  g_auto(Scenario) sc = { 0 };
  g_autoptr(HeraldCampaignEngine) engine = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  scenario_flixy (&sc, "pause.db", 6);
  engine = herald_campaign_engine_new (sc.f.db, sc.f.log, sc.provider, sc.f.account_id, sc.id);
  g_signal_connect (engine, "progress", G_CALLBACK (pause_on_first), NULL);
  herald_campaign_engine_run_async (engine, NULL, herald_test_async_done, &result);
  g_assert_cmpint (herald_campaign_engine_run_finish (engine, herald_test_wait (&result), &error), ==,
                   HERALD_CAMPAIGN_PAUSED);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_campaign_engine_get_pause_reason (engine), ==, "asked");
  g_assert_cmpuint (herald_campaign_engine_get_sent (engine), ==, 1);
  g_assert_cmpuint (herald_campaign_engine_get_remaining (engine), ==, 5);

  g_assert_cmpint (scenario_run (&sc, NULL), ==, HERALD_CAMPAIGN_FINISHED);
  g_assert_cmpuint (scenario_check (&sc), ==, 6);
}

static void
flag_on_first (HeraldCampaignEngine *engine,
               gpointer              user_data)
{
  if (herald_campaign_engine_get_sent (engine) >= 1)
    *(gboolean *) user_data = TRUE;
}

/* A request waiting for the rate limiter's slot has not left the machine:
 * its rows stay pending meanwhile (a kill then leaves nothing in doubt),
 * and become submitting only once the slot is there. */
static void
test_rows_pending_while_rate_limited (void)
{
  g_auto(Scenario) sc = { 0 };
  g_autoptr(HeraldCampaignEngine) engine = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean first = FALSE;
  gint timer_ms = -1;

  scenario_flixy (&sc, "limited.db", 3);
  /* One request a second: the second waits for the limiter. */
  herald_fake_flixysms_set_rate_limit (sc.flixy, 1, 1);
  engine = herald_campaign_engine_new (sc.f.db, sc.f.log, sc.provider, sc.f.account_id, sc.id);
  g_signal_connect (engine, "progress", G_CALLBACK (flag_on_first), &first);
  herald_campaign_engine_run_async (engine, NULL, herald_test_async_done, &result);

  /* The first answered; then the next request waits for its turn (the
   * limiter's timer, a few seconds away at most; the transport's own
   * timeouts are 30 s). */
  while (!first)
    g_main_context_iteration (NULL, TRUE);
  while (result == NULL)
    {
      timer_ms = herald_test_next_timer_ms (NULL);
      if (timer_ms > 50 && timer_ms <= 5000)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_null (result);
  g_assert_cmpint (timer_ms, >, 50);
  /* Whatever was to be written before the wait has been (a worker's job
   * is done within the wait). */
  g_usleep (20 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (herald_test_next_timer_ms (NULL), >, 0);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (sc.flixy), ==, 1);
  read_report (&sc.f, &sc.r, sc.id);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_ACCEPTED], ==, 1);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_SUBMITTING], ==, 0);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_PENDING], ==, 2);

  g_assert_cmpint (herald_campaign_engine_run_finish (engine, herald_test_wait (&result), &error), ==,
                   HERALD_CAMPAIGN_FINISHED);
  g_assert_no_error (error);
  g_assert_cmpuint (scenario_check (&sc), ==, 3);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_ACCEPTED], ==, 3);
}

/* ---- delivery tracking ------------------------------------------------------------ */

typedef struct
{
  HeraldFakeFlixysms *fake;
  GArray             *intervals;  /* guint ms, the wait chosen after each look */
  gint64              clock;      /* usec; 0: the real time */
  gboolean            age_a_day;  /* pass a day after the first poll */
} Tracking;

static gint64
tracking_clock (gpointer user_data)
{
  Tracking *t = user_data;

  return t->clock != 0 ? t->clock : g_get_real_time ();
}

static void
tracking_polled (HeraldCampaignTracker *tracker,
                 guint                  changed,
                 guint                  open,
                 gpointer               user_data)
{
  Tracking *t = user_data;
  guint polls = herald_campaign_tracker_get_n_polls (tracker);

  /* The provider moves on between two looks. */
  if (t->age_a_day && polls == 1)
    t->clock = g_get_real_time () + HERALD_CAMPAIGN_TRACK_MAX_AGE + G_USEC_PER_SEC;
  else if (!t->age_a_day && polls == 1)
    {
      herald_fake_flixysms_set_status (t->fake, herald_fake_flixysms_get_accepted (t->fake, 0)->id, "delivered");
      herald_fake_flixysms_set_status (t->fake, herald_fake_flixysms_get_accepted (t->fake, 1)->id, "failed");
      herald_fake_flixysms_set_status (t->fake, herald_fake_flixysms_get_accepted (t->fake, 2)->id, "sent");
    }
  else if (!t->age_a_day && polls == 2)
    herald_fake_flixysms_set_status (t->fake, herald_fake_flixysms_get_accepted (t->fake, 2)->id, "delivered");

  if (open > 0)
    g_array_append_val (t->intervals, (guint) { 0 });
}

static guint
track (Scenario  *sc,
       Tracking  *t,
       guint     *polls)
{
  g_autoptr(HeraldCampaignTracker) tracker =
    herald_campaign_tracker_new (sc->f.db, sc->f.log, sc->provider, sc->f.account_id, sc->id);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint left;

  herald_campaign_tracker_set_intervals (tracker, 20, 80);
  herald_campaign_tracker_set_clock (tracker, tracking_clock, t);
  g_signal_connect (tracker, "polled", G_CALLBACK (tracking_polled), t);
  herald_campaign_tracker_run_async (tracker, herald_test_async_done, &result);
  /* Between two looks, one timer is set: the next wait (the control for
   * the checks that there is none once nothing is tracked). */
  while (result == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      if (t->intervals->len > 0 && g_array_index (t->intervals, guint, t->intervals->len - 1) == 0 &&
          herald_campaign_tracker_get_next_interval (tracker) > 0)
        g_array_index (t->intervals, guint, t->intervals->len - 1) = herald_campaign_tracker_get_next_interval (tracker);
    }
  left = herald_campaign_tracker_run_finish (tracker, result, &error);
  g_assert_no_error (error);
  *polls = herald_campaign_tracker_get_n_polls (tracker);
  return left;
}

/* accepted → sent → delivered | failed from the provider's answers, asked
 * at a decaying interval, and no timer once every row is final. */
static void
test_delivery_tracking (void)
{
  g_auto(Scenario) sc = { 0 };
  Tracking t = { 0 };
  guint polls, status_requests;

  scenario_flixy (&sc, "tracking.db", 3);
  g_assert_cmpint (scenario_run (&sc, NULL), ==, HERALD_CAMPAIGN_FINISHED);
  t.fake = sc.flixy;
  t.intervals = g_array_new (FALSE, TRUE, sizeof (guint));

  g_assert_cmpuint (track (&sc, &t, &polls), ==, 0);
  /* Looks: the rows alone (then 20 ms), the first answers (all queued,
   * 40 ms), the second (delivered, failed, sent: 80 ms, the cap), the
   * third (all final: no more waiting). */
  g_assert_cmpuint (polls, ==, 3);
  g_assert_cmpuint (t.intervals->len, ==, 3);
  g_assert_cmpuint (g_array_index (t.intervals, guint, 0), ==, 20);
  g_assert_cmpuint (g_array_index (t.intervals, guint, 1), ==, 40);
  g_assert_cmpuint (g_array_index (t.intervals, guint, 2), ==, 80);
  scenario_check (&sc);
  g_assert_cmpint (scenario_row_state (&sc, 0), ==, HERALD_RECIPIENT_STATE_DELIVERED);
  g_assert_cmpint (scenario_row_state (&sc, 1), ==, HERALD_RECIPIENT_STATE_FAILED);
  g_assert_cmpint (scenario_row_state (&sc, 2), ==, HERALD_RECIPIENT_STATE_DELIVERED);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_ACCEPTED] + sc.r.counts[HERALD_RECIPIENT_STATE_SENT], ==, 0);

  /* Nothing pending: the provider is not asked, and no timer is set. */
  status_requests = herald_fake_flixysms_count_requests (sc.flixy, HERALD_FAKE_FLIXYSMS_ENDPOINT_STATUS);
  g_assert_cmpuint (status_requests, >, 0);
  g_array_set_size (t.intervals, 0);
  g_assert_cmpuint (track (&sc, &t, &polls), ==, 0);
  g_assert_cmpuint (polls, ==, 0);
  g_assert_cmpuint (t.intervals->len, ==, 0);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (sc.flixy, HERALD_FAKE_FLIXYSMS_ENDPOINT_STATUS), ==,
                    status_requests);
  g_array_unref (t.intervals);
}

/* The intervals grow to their cap, and a day after the send the tracking
 * gives up on rows the provider never finished. */
static void
test_delivery_tracking_gives_up (void)
{
  g_auto(Scenario) sc = { 0 };
  Tracking t = { 0 };
  guint polls;

  scenario_flixy (&sc, "tracking-day.db", 2);
  g_assert_cmpint (scenario_run (&sc, NULL), ==, HERALD_CAMPAIGN_FINISHED);
  t.fake = sc.flixy;
  t.intervals = g_array_new (FALSE, TRUE, sizeof (guint));
  t.age_a_day = TRUE;

  /* Still queued at the provider: a day passes after the first answers,
   * and the next look gives up on both (no timer after it). */
  g_assert_cmpuint (track (&sc, &t, &polls), ==, 2);
  g_assert_cmpuint (polls, ==, 2);
  g_assert_cmpuint (t.intervals->len, ==, 2);
  scenario_check (&sc);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_ACCEPTED], ==, 2);
  g_array_unref (t.intervals);
}

/* ---- several accounts -------------------------------------------------------------- */

static HeraldCampaignState
run_with_second (Scenario           *sc,
                 HeraldProvider     *second,
                 GError            **error)
{
  g_autoptr(HeraldCampaignEngine) engine =
    herald_campaign_engine_new (sc->f.db, sc->f.log, sc->provider, sc->f.account_id, sc->id);
  g_autoptr(GAsyncResult) result = NULL;

  herald_campaign_engine_set_settle_seconds (engine, 3);
  herald_campaign_engine_add_account (engine, second, sc->f.account_id);
  herald_campaign_engine_run_async (engine, NULL, herald_test_async_done, &result);
  return herald_campaign_engine_run_finish (engine, herald_test_wait (&result), error);
}

/* Two accounts with the same limit share the requests; when one says it
 * has no phone connected (503), the other takes its recipients, and nobody
 * gets the message twice. */
static void
test_two_accounts (void)
{
  g_auto(Scenario) sc = { 0 };
  g_autoptr(HeraldFakeFlixysms) other = flixy_new ();
  g_autoptr(HeraldProvider) second = flixy_provider (other);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) first_got = NULL;
  g_autoptr(GHashTable) second_got = NULL;
  gint64 spread_id;
  GHashTableIter iter;
  gpointer phone;

  scenario_flixy (&sc, "two-accounts.db", 4);
  /* The same limit for both (the limiters' own guess until told). */
  herald_fake_flixysms_set_rate_limit (sc.flixy, 100, 60);
  herald_fake_flixysms_set_rate_limit (other, 100, 60);
  spread_id = sc.id;
  g_assert_cmpint (run_with_second (&sc, second, &error), ==, HERALD_CAMPAIGN_FINISHED);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (sc.flixy), ==, 2);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (other), ==, 2);
  read_report (&sc.f, &sc.r, spread_id);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_ACCEPTED], ==, 4);

  /* The campaign's own account loses its phones: all goes to the other. */
  sc.id = create_campaign_from (&sc.f, "Again {{phone}}", 4, 100);
  herald_fake_flixysms_set_all_devices_online (sc.flixy, FALSE);
  g_assert_cmpint (run_with_second (&sc, second, &error), ==, HERALD_CAMPAIGN_FINISHED);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (sc.flixy), ==, 2);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (other), ==, 6);
  read_report (&sc.f, &sc.r, sc.id);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_ACCEPTED], ==, 4);

  /* A 403 from the campaign's own account (phones back): it rests, the
   * other sends, the campaign is not paused. */
  sc.id = create_campaign_from (&sc.f, "Third {{phone}}", 2, 200);
  herald_fake_flixysms_set_all_devices_online (sc.flixy, TRUE);
  herald_fake_flixysms_inject_error (sc.flixy, 403, HERALD_FAKE_FLIXYSMS_ERROR_SUCCESS_FALSE, "Not allowed", 10);
  g_assert_cmpint (run_with_second (&sc, second, &error), ==, HERALD_CAMPAIGN_FINISHED);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (sc.flixy), ==, 2);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (other), ==, 8);
  read_report (&sc.f, &sc.r, sc.id);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_ACCEPTED], ==, 2);
  herald_fake_flixysms_clear_faults (sc.flixy);

  /* Nobody twice, over both fakes. */
  first_got = flixy_received (sc.flixy);
  second_got = flixy_received (other);
  g_hash_table_iter_init (&iter, first_got);
  while (g_hash_table_iter_next (&iter, &phone, NULL))
    g_assert_false (g_hash_table_contains (second_got, phone));
  g_assert_cmpuint (g_hash_table_size (first_got) + g_hash_table_size (second_got), ==, 10);
}

typedef struct
{
  gint64  campaign_id;
  gint64  row_id;
  char   *tag;
} OpenRequest;

static gboolean
open_request_func (HeraldDatabase  *db,
                   gpointer         user_data,
                   GCancellable    *cancellable,
                   GError         **error)
{
  OpenRequest *o = user_data;
  g_autoptr(GPtrArray) rows = herald_campaign_store_recipients (db, o->campaign_id, 0, 1, error);
  gint64 request_id;

  if (rows == NULL)
    return FALSE;
  o->row_id = ((HeraldCampaignRecipient *) rows->pdata[0])->id;
  return herald_campaign_store_begin_request (db, o->campaign_id, o->tag, &o->row_id, 1, &request_id, error);
}

/* A request left open by a killed run that went through another account
 * is never looked up in this account's history (where it is not, which
 * would put its row back to pending and send it twice): it is unknown. */
static void
test_other_account_request_unknown (void)
{
  g_auto(Scenario) sc = { 0 };
  g_autoptr(GError) error = NULL;
  OpenRequest o = { 0 };

  scenario_flash (&sc, "via.db", 1000, 3);
  o.campaign_id = sc.id;
  o.tag = g_strdup_printf ("herald-%" G_GINT64_FORMAT "-via-other-account-1234", sc.id);
  g_assert_true (herald_database_run (sc.f.db, open_request_func, &o, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (scenario_run (&sc, NULL), ==, HERALD_CAMPAIGN_FINISHED);
  g_assert_cmpuint (scenario_check (&sc), ==, 2);
  g_assert_cmpint (scenario_row_state (&sc, 0), ==, HERALD_RECIPIENT_STATE_UNKNOWN);
  g_assert_cmpuint (sc.r.counts[HERALD_RECIPIENT_STATE_ACCEPTED], ==, 2);
  g_free (o.tag);
}

/* ---- replies --------------------------------------------------------------------- */

#define HOUR (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)
#define DAY  (24 * HOUR)

typedef struct
{
  gint64 a, b;        /* campaigns: A texted 0, 1, 2; B, later, texted 1 */
  gint64 t0;          /* when A's requests left; B's a day later */
  guint  replies_a, optouts_a, replies_b, optouts_b;
  gint64 linked_late, linked_b, linked_a;
} Replies;

static gboolean
exec_sql (HeraldDatabase  *db,
          const char      *sql,
          gint64           at,
          gint64           id,
          const char      *text,
          GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db, sql, error);

  return stmt != NULL &&
         (sqlite3_bind_parameter_index (stmt, "?1") == 0 || herald_database_bind_int64_at (stmt, 1, at, error)) &&
         (sqlite3_bind_parameter_index (stmt, "?2") == 0 || herald_database_bind_int64_at (stmt, 2, id, error)) &&
         (sqlite3_bind_parameter_index (stmt, "?3") == 0 || herald_database_bind_text_at (stmt, 3, text, error)) &&
         herald_database_step (db, stmt, error) == SQLITE_DONE;
}

static gboolean
inbound (HeraldDatabase  *db,
         guint            number_index,
         gint64           at,
         const char      *text,
         GError         **error)
{
  g_autofree char *phone = g_strdup_printf ("+233241%06u", number_index);
  g_autofree char *remote = g_strdup_printf ("r%" G_GINT64_FORMAT "-%u", at, number_index);
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db,
    "INSERT INTO inbox_messages (account_id, remote_id, sender, sender_e164, text, received_at, stored_at) "
    "VALUES ('acc', ?1, ?2, ?2, ?3, ?4, ?4)", error);

  return stmt != NULL &&
         herald_database_bind_text_at (stmt, 1, remote, error) &&
         herald_database_bind_text_at (stmt, 2, phone, error) &&
         herald_database_bind_text_at (stmt, 3, text, error) &&
         herald_database_bind_int64_at (stmt, 4, at, error) &&
         herald_database_step (db, stmt, error) == SQLITE_DONE;
}

static gboolean
replies_func (HeraldDatabase  *db,
              gpointer         user_data,
              GCancellable    *cancellable,
              GError         **error)
{
  Replies *r = user_data;
  const char *requests_at = "UPDATE campaign_requests SET created_at = ?1 WHERE campaign_id = ?2";

  return exec_sql (db, requests_at, r->t0, r->a, NULL, error) &&
         exec_sql (db, requests_at, r->t0 + DAY, r->b, NULL, error) &&
         inbound (db, 0, r->t0 + HOUR, "Thanks", error) &&               /* A's */
         inbound (db, 0, r->t0 + 8 * DAY, "Late", error) &&              /* past seven days */
         inbound (db, 1, r->t0 + 2 * HOUR, "Yes", error) &&              /* A's: B not sent yet */
         inbound (db, 1, r->t0 + DAY + HOUR, "Again?", error) &&         /* B's: the latest */
         inbound (db, 2, r->t0 - HOUR, "Before", error) &&               /* before any send */
         exec_sql (db, "INSERT INTO optouts (phone, source, account_id, detail, added_at) "
                       "VALUES ('+233241000001', 'keyword', 'acc', 'STOP', ?1)",
                   r->t0 + DAY + 2 * HOUR, 0, NULL, error) &&
         exec_sql (db, "INSERT INTO optouts (phone, source, account_id, detail, added_at) "
                       "VALUES ('+233241000002', 'manual', NULL, NULL, ?1)",
                   r->t0 + 2 * HOUR, 0, NULL, error) &&                  /* by hand: not caused */
         herald_campaign_store_count_replies (db, r->a, HERALD_CAMPAIGN_REPLY_WINDOW, &r->replies_a,
                                              &r->optouts_a, error) &&
         herald_campaign_store_count_replies (db, r->b, HERALD_CAMPAIGN_REPLY_WINDOW, &r->replies_b,
                                              &r->optouts_b, error) &&
         herald_campaign_store_campaign_for_reply (db, "+233241000000", r->t0 + 8 * DAY,
                                                   HERALD_CAMPAIGN_REPLY_WINDOW, &r->linked_late, error) &&
         herald_campaign_store_campaign_for_reply (db, "+233241000001", r->t0 + DAY + HOUR,
                                                   HERALD_CAMPAIGN_REPLY_WINDOW, &r->linked_b, error) &&
         herald_campaign_store_campaign_for_reply (db, "+233241000001", r->t0 + 2 * HOUR,
                                                   HERALD_CAMPAIGN_REPLY_WINDOW, &r->linked_a, error);
}

/* A reply belongs to the latest campaign that texted the number, within
 * seven days after the send; the report counts replies and the keyword
 * opt-outs among them. */
static void
test_replies (void)
{
  g_auto(Scenario) sc = { 0 };
  g_autoptr(GError) error = NULL;
  Replies r = { 0 };

  scenario_flixy (&sc, "replies.db", 3);
  g_assert_cmpint (scenario_run (&sc, NULL), ==, HERALD_CAMPAIGN_FINISHED);
  r.a = sc.id;
  r.b = create_campaign_from (&sc.f, "Reminder {{phone}}", 1, 1);
  g_assert_cmpint (run (&sc.f, sc.provider, r.b, NULL, &error), ==, HERALD_CAMPAIGN_FINISHED);
  g_assert_no_error (error);
  r.t0 = g_get_real_time () - 3 * DAY;

  g_assert_true (herald_database_run (sc.f.db, replies_func, &r, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.replies_a, ==, 2);
  g_assert_cmpuint (r.optouts_a, ==, 0);
  g_assert_cmpuint (r.replies_b, ==, 1);
  g_assert_cmpuint (r.optouts_b, ==, 1);
  g_assert_cmpint (r.linked_late, ==, 0);
  g_assert_cmpint (r.linked_b, ==, r.b);
  g_assert_cmpint (r.linked_a, ==, r.a);
}

typedef struct
{
  gint64 id;
  gint64 pid;
} Lease;

static gboolean
lease_func (HeraldDatabase  *db,
            gpointer         user_data,
            GCancellable    *cancellable,
            GError         **error)
{
  Lease *lease = user_data;

  return herald_campaign_store_set_lease (db, lease->id, lease->pid, g_get_host_name (),
                                          herald_campaign_store_now () + 600 * G_USEC_PER_SEC, error);
}

static void
test_lease (void)
{
  Fixture f = { 0 };
  g_autoptr(HeraldFakeFlixysms) fake = flixy_new ();
  g_autoptr(HeraldProvider) provider = flixy_provider (fake);
  g_autoptr(GError) error = NULL;
  Lease lease = { 0 };
  g_autoptr(GSubprocess) child = NULL;

  fixture_open (&f, "lease.db");
  lease.id = create_campaign (&f, "Hello", 2);

  /* A live process holds it (our parent): left alone. */
  lease.pid = getppid ();
  g_assert_true (herald_database_run (f.db, lease_func, &lease, NULL, NULL));
  run (&f, provider, lease.id, NULL, &error);
  g_assert_error (error, HERALD_CAMPAIGN_ERROR, HERALD_CAMPAIGN_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, 0);

  /* Its holder is gone: taken over. (A process of our own that has ended:
   * spawned, not forked, so that memcheck sees no copy of this heap end.) */
  /* `cat` waits on its stdin, so the identifier is read before the child can
   * end and be reaped (GSubprocess forgets it then: slow under memcheck). */
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE, &error, "cat", NULL);
  g_assert_no_error (error);
  g_assert_nonnull (g_subprocess_get_identifier (child));
  lease.pid = g_ascii_strtoll (g_subprocess_get_identifier (child), NULL, 10);
  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (child), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (child, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (herald_database_run (f.db, lease_func, &lease, NULL, NULL));
  g_assert_cmpint (run (&f, provider, lease.id, NULL, &error), ==, HERALD_CAMPAIGN_FINISHED);
  g_assert_no_error (error);
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, 2);
  fixture_close (&f);
}

/* ---- migrations ------------------------------------------------------------------ */

static char *
read_step (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("HERALD_SOURCE_ROOT"), "src", "core", "store",
                                            "migrations", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static gboolean
old_rows_func (HeraldDatabase  *db,
               gpointer         user_data,
               GCancellable    *cancellable,
               GError         **error)
{
  return herald_database_exec (db,
           "INSERT INTO accounts (id, name, name_key, dialect, created_at) VALUES ('acc', 'A', 'a', 'flixysms', 0);"
           "INSERT INTO sent_messages (account_id, recipient, text, parts, state, sent_at, updated_at) "
           "VALUES ('acc', '+233241000001', 'old', 1, 'queued', 1, 1);", error);
}

static gboolean
count_old_func (HeraldDatabase  *db,
                gpointer         user_data,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (db, "SELECT count(*) FROM sent_messages", error);

  if (stmt == NULL || herald_database_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *(gint64 *) user_data = herald_database_column_int64 (stmt, 0);
  return TRUE;
}

/* From every earlier version, with data: the rows stay, the campaign
 * tables come, and a campaign runs on the migrated database. */
static void
test_migrations (void)
{
  const char *names[] = { "0001-accounts.sql", "0002-sent-messages.sql", "0003-contacts.sql" };
  g_autoptr(HeraldFakeFlixysms) fake = flixy_new ();
  g_autoptr(HeraldProvider) provider = flixy_provider (fake);

  for (guint version = 2; version <= G_N_ELEMENTS (names); version++)
    {
      g_autofree char *file = g_strdup_printf ("migrate-from-%u.db", version);
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "herald", file, NULL);
      g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      Fixture f = { 0 };
      gint64 old_rows = 0;
      gint64 id;

      for (guint i = 0; i < version; i++)
        g_ptr_array_add (steps, read_step (names[i]));
      {
        g_autoptr(HeraldDatabase) old = herald_database_open_with_migrations (path, (const char * const *) steps->pdata,
                                                                              version, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (herald_database_get_schema_version (old), ==, version);
        g_assert_true (herald_database_run (old, old_rows_func, NULL, NULL, &error));
      }

      f.db = herald_database_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (herald_database_get_schema_version (f.db), ==, herald_database_get_latest_version ());
      g_assert_cmpuint (herald_database_get_latest_version (), >=, 4);
      g_assert_true (herald_database_run (f.db, count_old_func, &old_rows, NULL, &error));
      g_assert_cmpint (old_rows, ==, 1);

      f.log = herald_message_log_new (f.db);
      f.account_id = "acc";
      id = create_campaign_from (&f, "Hello", 2, version * 10);
      g_assert_cmpint (run (&f, provider, id, NULL, &error), ==, HERALD_CAMPAIGN_FINISHED);
      g_assert_no_error (error);
      fixture_close (&f);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/campaign-engine/batches", test_batches);
  g_test_add_func ("/campaign-engine/flixysms/500", test_flixy_500);
  g_test_add_func ("/campaign-engine/flixysms/500-after-processing", test_flixy_500_after_processing);
  g_test_add_func ("/campaign-engine/flixysms/reset-before-read", test_flixy_reset_before_read);
  g_test_add_func ("/campaign-engine/flixysms/reset-after-read", test_flixy_reset_after_read);
  g_test_add_func ("/campaign-engine/flixysms/429-storm", test_flixy_429_storm);
  g_test_add_func ("/campaign-engine/flixysms/401-midway", test_flixy_401_midway);
  g_test_add_func ("/campaign-engine/flashsms/500", test_flash_500);
  g_test_add_func ("/campaign-engine/flashsms/reset", test_flash_reset);
  g_test_add_func ("/campaign-engine/flashsms/timeout-then-accepted", test_flash_timeout_then_accepted);
  g_test_add_func ("/campaign-engine/flashsms/402-midway", test_flash_402_midway);
  g_test_add_func ("/campaign-engine/pause-resume", test_pause_resume);
  g_test_add_func ("/campaign-engine/lease", test_lease);
  g_test_add_func ("/campaign-engine/rows-pending-while-rate-limited", test_rows_pending_while_rate_limited);
  g_test_add_func ("/campaign-engine/delivery-tracking", test_delivery_tracking);
  g_test_add_func ("/campaign-engine/delivery-tracking/gives-up", test_delivery_tracking_gives_up);
  g_test_add_func ("/campaign-engine/replies", test_replies);
  g_test_add_func ("/campaign-engine/two-accounts", test_two_accounts);
  g_test_add_func ("/campaign-engine/other-account-request-unknown", test_other_account_request_unknown);
  g_test_add_func ("/campaign-engine/migrations", test_migrations);

  return g_test_run ();
}
