/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The Campaigns page under Xvfb against the in-process FlixySMS fake, with
 * the key in a private gnome-keyring: a personalised campaign created
 * through the assistant's real widgets, watched to its end in the detail
 * window, paused and resumed; what the fake recorded is what was sent. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "herald-campaign-assistant.h"
#include "herald-campaign-detail.h"
#include "herald-campaigns-page.h"
#include "herald-fake-flixysms.h"
#include "herald-test-util.h"
#include "herald-ui-test-util.h"
#include "herald-window.h"

#define FLIXY_KEY    "flixy-campaign-test-key"
#define N_CUSTOMERS  50
#define GROUP        "Customers"
#define MESSAGE      "Hello {{name}}, the spring sale starts today!"
#define OWN_NUMBER   "+233201234567"

/* ---- helpers ------------------------------------------------------------ */

static GtkWidget *
get_named (GtkWidget  *root,
           const char *name)
{
  GtkWidget *widget = herald_ui_find_by_name (root, name);

  if (widget == NULL)
    g_error ("No widget named “%s”", name);
  return widget;
}

static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (get_named (root, name)));
}

static void
click (GtkWidget  *root,
       const char *name)
{
  GtkWidget *button = get_named (root, name);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  herald_ui_drain ();
}

static void
set_view_text (GtkWidget  *root,
               const char *name,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_named (root, name))), text, -1);
}

static char *
customer_phone (guint i)
{
  return g_strdup_printf ("+23324100%04u", i);
}

static char *
customer_text (guint i)
{
  return g_strdup_printf ("Hello Customer %02u, the spring sale starts today!", i);
}

static gboolean
has_provider (gpointer data)
{
  return herald_session_get_provider (data) != NULL;
}

/* ---- fixture: a session with a FlixySMS account and 52 contacts ---------- */

typedef struct
{
  HeraldFakeFlixysms *fake;
  char               *dir;
  HeraldDatabase     *database;
  HeraldSession      *session;
  GtkWindow          *window;
  GtkWidget          *page;
} Fixture;

static void
add_contacts (Fixture *fixture)
{
  g_autoptr(HeraldContactStore) store = herald_contact_store_new (fixture->database);
  g_autoptr(HeraldOptoutStore) optouts = herald_optout_store_new (fixture->database);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *opted_out[] = { "+233241009998", NULL };

  /* 50 customers, one more who opted out (skipped), all in the group, with
   * {{name}} as a field of their own; one contact outside the group. */
  for (guint i = 0; i < N_CUSTOMERS + 2; i++)
    {
      g_autoptr(HeraldContact) contact = herald_contact_new ();
      g_autofree char *phone = i < N_CUSTOMERS ? customer_phone (i)
                               : g_strdup (i == N_CUSTOMERS ? "+233241009998" : "+233241009999");
      g_autofree char *name = g_strdup_printf ("Customer %02u", i);

      herald_contact_set_phone (contact, phone);
      herald_contact_set_first_name (contact, name);
      herald_contact_set_field (contact, "name", name);
      herald_contact_store_add_contact_async (store, contact, NULL, herald_test_async_done, &result);
      g_assert_true (herald_contact_store_add_contact_finish (store, herald_test_wait (&result), &error));
      g_assert_no_error (error);
      g_clear_object (&result);
      if (i <= N_CUSTOMERS)
        g_ptr_array_add (members, g_steal_pointer (&phone));
    }
  g_ptr_array_add (members, NULL);

  herald_contact_store_add_group_async (store, GROUP, NULL, herald_test_async_done, &result);
  g_assert_true (herald_contact_store_group_finish (store, herald_test_wait (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  herald_contact_store_change_members_async (store, GROUP, (const char * const *) members->pdata, TRUE, NULL,
                                             herald_test_async_done, &result);
  g_assert_cmpuint (herald_contact_store_change_members_finish (store, herald_test_wait (&result), &error),
                    ==, N_CUSTOMERS + 1);
  g_assert_no_error (error);
  g_clear_object (&result);

  herald_optout_store_add_async (optouts, opted_out, "manual", NULL, NULL, NULL, herald_test_async_done, &result);
  herald_optout_store_change_finish (optouts, herald_test_wait (&result), &error);
  g_assert_no_error (error);
}

static void
fixture_open (Fixture *fixture)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(HeraldAccount) draft = herald_account_new (HERALD_DIALECT_FLIXYSMS, "Shop");
  g_autoptr(HeraldAccount) account = NULL;
  HeraldAccountStore *store;

  fixture->fake = herald_fake_flixysms_new (FLIXY_KEY, 0, &error);
  g_assert_no_error (error);
  herald_fake_flixysms_seed (fixture->fake);
  herald_fake_flixysms_set_rate_limit (fixture->fake, 100000, 60);

  fixture->dir = g_dir_make_tmp ("campaigns-page-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "herald.db", NULL);
  fixture->database = herald_database_open (path, &error);
  g_assert_no_error (error);
  fixture->session = herald_session_new (fixture->database);
  herald_session_load_async (fixture->session, NULL, herald_test_async_done, &loaded);
  g_assert_true (herald_session_load_finish (fixture->session, herald_test_wait (&loaded), &error));
  g_assert_no_error (error);

  store = herald_session_get_account_store (fixture->session);
  herald_account_set_base_url (draft, herald_fake_flixysms_get_base_url (fixture->fake));
  herald_account_set_region (draft, "GH");
  herald_account_store_add_async (store, draft, FLIXY_KEY, NULL, herald_test_async_done, &added);
  account = herald_account_store_add_finish (store, herald_test_wait (&added), &error);
  g_assert_no_error (error);
  g_assert_true (herald_ui_wait_until (has_provider, fixture->session));
  add_contacts (fixture);

  fixture->page = g_object_new (HERALD_TYPE_CAMPAIGNS_PAGE, "session", fixture->session, NULL);
  fixture->window = GTK_WINDOW (adw_window_new ());
  /* The narrowest the app allows: every step must work there. */
  gtk_window_set_default_size (fixture->window, 360, 720);
  adw_window_set_content (ADW_WINDOW (fixture->window), fixture->page);
  gtk_window_present (fixture->window);
  g_assert_true (herald_ui_wait_until ((HeraldUiCheck) gtk_widget_get_mapped, fixture->page));
  herald_ui_drain ();
}

static gboolean
nothing_runs (gpointer data)
{
  Fixture *fixture = data;
  HeraldCampaignRunner *runner = herald_session_get_campaign_runner (fixture->session);

  for (gint64 id = 1; id < 10; id++)
    if (herald_campaign_runner_is_running (runner, id))
      return FALSE;
  return TRUE;
}

static void
fixture_close (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "herald.db", NULL);
  gpointer page = fixture->page;

  g_assert_true (herald_ui_wait_until (nothing_runs, fixture));
  g_object_add_weak_pointer (G_OBJECT (page), &page);
  herald_ui_close_all_windows ();
  if (page != NULL)
    g_error ("The campaigns page was destroyed but not finalized: something keeps a reference");

  g_clear_object (&fixture->session);
  herald_ui_drain ();
  g_clear_object (&fixture->database);
  g_remove (path);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_object (&fixture->fake);
}

/* ---- driving the assistant ---------------------------------------------- */

static gboolean
assistant_ready (gpointer data)
{
  return herald_campaign_assistant_get_ready (data);
}

static gboolean
test_reported (gpointer data)
{
  return g_str_has_prefix (label_text (data, "test_label"), "Test sent to");
}

/* Opens the assistant from the page and walks it to the review step with
 * the group, a duplicate and an invalid number pasted, and the message. */
static GtkWidget *
assistant_to_review (Fixture    *fixture,
                     const char *name)
{
  GtkWidget *assistant;
  GtkWidget *check;
  GtkListBoxRow *row;

  click (fixture->page, "new_campaign_button");
  assistant = herald_ui_find_toplevel (HERALD_TYPE_CAMPAIGN_ASSISTANT);
  g_assert_nonnull (assistant);
  g_assert_cmpstr (herald_campaign_assistant_get_step (HERALD_CAMPAIGN_ASSISTANT (assistant)), ==, "basics");
  /* As narrow as a phone: each step must fit. */
  gtk_window_set_default_size (GTK_WINDOW (assistant), 360, 720);

  /* 1: name and account (the session's, chosen already) */
  g_assert_false (gtk_widget_is_sensitive (get_named (assistant, "next_button")));
  gtk_editable_set_text (GTK_EDITABLE (get_named (assistant, "name_row")), name);
  click (assistant, "next_button");
  g_assert_cmpstr (herald_campaign_assistant_get_step (HERALD_CAMPAIGN_ASSISTANT (assistant)), ==, "audience");

  /* 2: the group (its row appears once the groups are read), and pasted
   * numbers: one a customer's already, one invalid. */
  herald_test_wait_until (herald_ui_find_by_name (assistant, "group:" GROUP) != NULL);
  check = get_named (assistant, "group:" GROUP);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  set_view_text (assistant, "pasted_view", "024 100 0000\n12345");
  click (assistant, "next_button");
  g_assert_cmpstr (herald_campaign_assistant_get_step (HERALD_CAMPAIGN_ASSISTANT (assistant)), ==, "message");

  /* 3: the message, its live analysis and each recipient's own text */
  set_view_text (assistant, "message_view", MESSAGE);
  g_assert_nonnull (strstr (label_text (assistant, "analysis_label"), "45 characters, 1 part of 160, GSM-7"));
  g_assert_true (herald_ui_wait_until (assistant_ready, assistant));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (get_named (assistant, "preview_list")), 1);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "+233241000001");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Hello Customer 01, the spring sale starts today!");
  herald_ui_screenshot (assistant, "campaign-assistant-message-360");
  click (assistant, "next_button");

  /* 4: no schedule; a window given halfway is refused */
  g_assert_cmpstr (herald_campaign_assistant_get_step (HERALD_CAMPAIGN_ASSISTANT (assistant)), ==, "schedule");
  gtk_editable_set_text (GTK_EDITABLE (get_named (assistant, "window_start_row")), "09:00");
  g_assert_false (gtk_widget_is_sensitive (get_named (assistant, "next_button")));
  g_assert_nonnull (strstr (label_text (assistant, "schedule_error_label"), "both ends"));
  gtk_editable_set_text (GTK_EDITABLE (get_named (assistant, "window_start_row")), "");
  click (assistant, "next_button");
  g_assert_cmpstr (herald_campaign_assistant_get_step (HERALD_CAMPAIGN_ASSISTANT (assistant)), ==, "review");
  return assistant;
}

static gboolean
detail_finished (gpointer data)
{
  return herald_campaign_detail_get_state (data) == HERALD_CAMPAIGN_FINISHED &&
         herald_campaign_detail_get_loaded (data);
}

static gboolean
detail_paused (gpointer data)
{
  return herald_campaign_detail_get_state (data) == HERALD_CAMPAIGN_PAUSED &&
         herald_campaign_detail_get_loaded (data) &&
         gtk_widget_is_sensitive (herald_ui_find_by_name (data, "start_button"));
}

static gboolean
some_sent (gpointer data)
{
  return g_strcmp0 (label_text (data, "sent_label"), "0") != 0 && *label_text (data, "sent_label") != '\0';
}

/* The fake's own record: each customer got the message once, with the
 * text made for them; nobody else but @extra_to (the test) got anything. */
static void
assert_each_once (HeraldFakeFlixysms *fake,
                  const char         *extra_to)
{
  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autofree char *phone = customer_phone (i);
      g_autofree char *text = customer_text (i);
      guint found = 0;

      g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (fake, phone), ==, 1);
      for (guint j = 0; j < herald_fake_flixysms_get_n_accepted (fake); j++)
        {
          const HeraldFakeFlixysmsMessage *message = herald_fake_flixysms_get_accepted (fake, j);

          if (g_strcmp0 (message->to, phone) == 0)
            {
              g_assert_cmpstr (message->message, ==, text);
              found++;
            }
        }
      g_assert_cmpuint (found, ==, 1);
    }
  g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (fake, "+233241009998"), ==, 0);   /* opted out */
  g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (fake, "+233241009999"), ==, 0);   /* not in the group */
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fake), ==, N_CUSTOMERS + (extra_to != NULL ? 1 : 0));
}

static gboolean
list_shows_finished (gpointer data)
{
  HeraldPagedList *list = herald_list_page_get_list (data);
  g_autoptr(HeraldBoxedItem) item = NULL;
  HeraldCampaignSummary *summary;

  if (list == NULL || herald_paged_list_get_loading (list) || g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    return FALSE;
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  summary = herald_boxed_item_get (item);
  return summary->record->state == HERALD_CAMPAIGN_FINISHED;
}

/* ---- tests --------------------------------------------------------------- */

static void
test_personalised_campaign_runs_to_the_end (void)
{
  Fixture fixture = { 0, };
  g_autoptr(GAsyncResult) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(HeraldBoxedItem) item = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_path = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWidget *assistant, *detail;
  GtkListBoxRow *row;
  HeraldCampaignSummary *summary;

  fixture_open (&fixture);
  assistant = assistant_to_review (&fixture, "Spring sale");

  /* 5: the validation report and the cost */
  g_assert_nonnull (strstr (label_text (assistant, "review_label"), "50 recipients will get the message. 1 not sent "
                                                                   "to (invalid numbers or missing variables), "
                                                                   "1 duplicates merged, 1 opted out and skipped."));
  g_assert_nonnull (strstr (label_text (assistant, "cost_label"), "50 messages, 50 parts"));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (get_named (assistant, "rejects_list")), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "12345");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "too short"));

  /* The test to one's own number: the first recipient's text. */
  gtk_editable_set_text (GTK_EDITABLE (get_named (assistant, "test_number_row")), "020 123 4567");
  click (assistant, "test_button");
  g_assert_true (herald_ui_wait_until (test_reported, assistant));
  g_assert_cmpuint (herald_fake_flixysms_count_accepted_to (fixture.fake, OWN_NUMBER), ==, 1);
  herald_ui_screenshot (assistant, "campaign-assistant-review-360");
  g_assert_cmpstr (herald_fake_flixysms_get_accepted (fixture.fake, 0)->message, ==,
                   "Hello Customer 00, the spring sale starts today!");

  /* Create and start: the assistant closes, the detail window follows it. */
  click (assistant, "start_button");
  herald_test_wait_until (herald_ui_find_toplevel (HERALD_TYPE_CAMPAIGN_DETAIL) != NULL);
  herald_test_wait_until (herald_ui_find_toplevel (HERALD_TYPE_CAMPAIGN_ASSISTANT) == NULL);
  detail = herald_ui_find_toplevel (HERALD_TYPE_CAMPAIGN_DETAIL);
  herald_test_wait_until (detail_finished (detail));

  assert_each_once (fixture.fake, OWN_NUMBER);
  gtk_window_set_default_size (GTK_WINDOW (detail), 360, 720);
  herald_ui_drain ();
  herald_ui_screenshot (detail, "campaign-detail-360");
  herald_ui_screenshot (GTK_WIDGET (fixture.window), "campaigns-page-360");

  /* The report shows the counts. */
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (get_named (detail, "progress_bar"))), ==, 1.0);
  g_assert_cmpstr (label_text (detail, "sent_label"), ==, "50");
  g_assert_cmpstr (label_text (detail, "failed_label"), ==, "0");
  g_assert_cmpstr (label_text (detail, "remaining_label"), ==, "0");
  g_assert_cmpstr (label_text (detail, "report_skipped_label"), ==, "1");
  g_assert_cmpstr (label_text (detail, "report_invalid_label"), ==, "1");
  g_assert_cmpstr (label_text (detail, "report_duplicates_label"), ==, "1");
  g_assert_cmpstr (label_text (detail, "report_pending_label"), ==, "0");
  g_assert_false (gtk_widget_is_sensitive (get_named (detail, "pause_button")));
  g_assert_false (gtk_widget_is_sensitive (get_named (detail, "start_button")));

  /* The list says so too. */
  g_assert_true (herald_ui_wait_until (list_shows_finished, fixture.page));
  item = g_list_model_get_item (G_LIST_MODEL (herald_list_page_get_list (HERALD_LIST_PAGE (fixture.page))), 0);
  summary = herald_boxed_item_get (item);
  g_assert_cmpstr (summary->record->name, ==, "Spring sale");
  g_assert_cmpuint (summary->counts[HERALD_RECIPIENT_STATE_SKIPPED], ==, 1);

  /* The CSV export: a header, the 51 recipients and the invalid input. */
  csv_path = g_build_filename (fixture.dir, "report.csv", NULL);
  file = g_file_new_for_path (csv_path);
  herald_campaign_detail_export_async (HERALD_CAMPAIGN_DETAIL (detail), file, NULL, herald_test_async_done, &exported);
  g_assert_true (herald_campaign_detail_export_finish (HERALD_CAMPAIGN_DETAIL (detail),
                                                       herald_test_wait (&exported), &error));
  g_assert_no_error (error);
  g_clear_object (&exported);   /* it holds the window */
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  lines = g_strsplit (g_strstrip (csv), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + N_CUSTOMERS + 1 + 1);
  g_assert_true (g_str_has_prefix (lines[0], "phone,state,error"));
  g_assert_true (g_str_has_prefix (lines[1], "+233241000000,accepted,"));
  g_remove (csv_path);

  fixture_close (&fixture);
}

static gboolean
fake_stopped (gpointer data)
{
  Fixture *fixture = data;

  return nothing_runs (fixture);
}

static void
test_pause_and_resume (void)
{
  Fixture fixture = { 0, };
  GtkWidget *assistant, *detail;
  gpointer detail_slot;
  guint accepted;
  gint64 id;

  fixture_open (&fixture);
  /* Each answer comes a moment late, so that the campaign is caught in
   * the middle. */
  herald_fake_flixysms_set_fault_delay (fixture.fake, 100);
  herald_fake_flixysms_inject_fault (fixture.fake, HERALD_FAKE_FLIXYSMS_FAULT_DELAY, 1000,
                                     HERALD_FAKE_FLIXYSMS_FAULT_FLAGS_NONE);

  assistant = assistant_to_review (&fixture, "Pause me");
  click (assistant, "start_button");
  herald_test_wait_until (herald_ui_find_toplevel (HERALD_TYPE_CAMPAIGN_DETAIL) != NULL);
  detail = herald_ui_find_toplevel (HERALD_TYPE_CAMPAIGN_DETAIL);
  id = herald_campaign_detail_get_id (HERALD_CAMPAIGN_DETAIL (detail));

  /* Pause once a few went out: it stops after the request in flight. */
  g_assert_true (herald_ui_wait_until (some_sent, detail));
  click (detail, "pause_button");
  herald_test_wait_until (detail_paused (detail));
  accepted = herald_fake_flixysms_get_n_accepted (fixture.fake);
  g_assert_cmpuint (accepted, >, 0);
  g_assert_cmpuint (accepted, <, N_CUSTOMERS);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_named (detail, "start_button"))), ==, "_Resume");
  {
    g_autofree char *sent = g_strdup_printf ("%u", accepted);

    g_assert_cmpstr (label_text (detail, "sent_label"), ==, sent);
  }
  g_assert_cmpstr (label_text (detail, "state_label"), ==, "Paused");

  /* Paused means paused: nothing more goes out. */
  for (int i = 0; i < 30; i++)
    {
      g_usleep (10000);
      herald_ui_drain ();
    }
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture.fake), ==, accepted);

  /* Resume, then close the window while it runs: the session goes on. */
  click (detail, "start_button");
  g_assert_true (herald_campaign_runner_is_running (herald_session_get_campaign_runner (fixture.session), id));
  detail_slot = detail;
  g_object_add_weak_pointer (G_OBJECT (detail), &detail_slot);
  gtk_window_destroy (GTK_WINDOW (detail));
  herald_ui_drain ();
  g_assert_null (detail_slot);
  herald_test_wait_until (fake_stopped (&fixture));

  assert_each_once (fixture.fake, NULL);

  /* Opened again, the window reads the report from the database. */
  detail = GTK_WIDGET (herald_campaigns_page_open_detail (HERALD_CAMPAIGNS_PAGE (fixture.page), id));
  herald_test_wait_until (detail_finished (detail));
  g_assert_cmpstr (label_text (detail, "report_accepted_label"), ==, "50");
  g_assert_cmpstr (label_text (detail, "report_failed_label"), ==, "0");

  fixture_close (&fixture);
}

/* A campaign left running by a process that is gone, as after a crash. */
typedef struct
{
  gint64 id;
} Interrupt;

static gboolean
interrupt_func (HeraldDatabase *db, gpointer data, GCancellable *cancellable, GError **error)
{
  Interrupt *interrupt = data;

  /* pid 2^22 + 1 is above Linux's pid_max: no such process. */
  return herald_campaign_store_set_state (db, interrupt->id, HERALD_CAMPAIGN_RUNNING, NULL, -1, error) &&
         herald_campaign_store_set_lease (db, interrupt->id, 4194305, g_get_host_name (),
                                          herald_campaign_store_now () + 600 * G_USEC_PER_SEC, error);
}

/* Campaign @name over the group, made through the core as the assistant
 * makes it; its id. */
static gint64
create_through_core (Fixture    *fixture,
                     const char *name)
{
  HeraldCampaignRunner *runner = herald_session_get_campaign_runner (fixture->session);
  HeraldAccount *account = herald_session_get_active_account (fixture->session);
  g_autoptr(HeraldCampaignAudience) audience = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeraldCampaignRecord record = { 0 };
  const char *groups[] = { GROUP, NULL };
  gint64 id;

  herald_campaign_runner_gather_async (runner, account, MESSAGE, groups, FALSE, NULL, NULL,
                                       herald_test_async_done, &result);
  audience = herald_campaign_runner_gather_finish (runner, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  record.name = (char *) name;
  record.account_id = (char *) herald_account_get_id (account);
  record.text = (char *) MESSAGE;
  record.window_start = record.window_end = -1;
  record.credits_needed = -1;
  herald_campaign_runner_create_async (runner, audience, &record, NULL, herald_test_async_done, &result);
  id = herald_campaign_runner_create_finish (runner, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  return id;
}

static gboolean
row_caption_is (GtkWidget  *page,
                const char *caption)
{
  GtkWidget *label = herald_ui_find_by_name (page, "caption");

  return label != NULL && gtk_widget_get_mapped (label) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), caption) == 0;
}

static gboolean
list_interrupted (gpointer data)
{
  return row_caption_is (data, "Interrupted: open it to resume");
}

static void
test_interrupted_campaign_resumes (void)
{
  Fixture fixture = { 0, };
  g_autoptr(GError) error = NULL;
  Interrupt interrupt = { 0 };
  GtkWidget *detail;

  fixture_open (&fixture);
  /* Made through the core as the assistant does, then left "running". */
  interrupt.id = create_through_core (&fixture, "Left running");
  g_assert_true (herald_database_run (fixture.database, interrupt_func, &interrupt, NULL, &error));
  g_assert_no_error (error);
  herald_paged_list_reload (herald_list_page_get_list (HERALD_LIST_PAGE (fixture.page)));

  /* The list offers it for resuming; so does its window. */
  g_assert_true (herald_ui_wait_until (list_interrupted, fixture.page));
  detail = GTK_WIDGET (herald_campaigns_page_open_detail (HERALD_CAMPAIGNS_PAGE (fixture.page), interrupt.id));
  herald_test_wait_until (herald_campaign_detail_get_loaded (HERALD_CAMPAIGN_DETAIL (detail)));
  g_assert_true (g_str_has_prefix (label_text (detail, "state_label"), "Interrupted"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_named (detail, "start_button"))), ==, "_Resume");
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture.fake), ==, 0);

  click (detail, "start_button");
  herald_test_wait_until (detail_finished (detail));
  assert_each_once (fixture.fake, NULL);

  fixture_close (&fixture);
}

static void
test_scheduled_campaign_starts_on_time (void)
{
  Fixture fixture = { 0, };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) soon = g_date_time_add_seconds (now, 2);
  g_autofree char *when = g_date_time_format (soon, "%Y-%m-%d %H:%M:%S");
  GtkWidget *assistant, *detail;

  fixture_open (&fixture);
  assistant = assistant_to_review (&fixture, "Later");
  /* Back to the schedule: in two seconds. */
  click (assistant, "back_button");
  gtk_editable_set_text (GTK_EDITABLE (get_named (assistant, "schedule_row")), when);
  click (assistant, "next_button");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_named (assistant, "start_button"))), ==,
                   "Create and _Schedule");
  click (assistant, "start_button");
  herald_test_wait_until (herald_ui_find_toplevel (HERALD_TYPE_CAMPAIGN_DETAIL) != NULL);
  detail = herald_ui_find_toplevel (HERALD_TYPE_CAMPAIGN_DETAIL);
  herald_test_wait_until (herald_campaign_detail_get_loaded (HERALD_CAMPAIGN_DETAIL (detail)));

  /* Nothing goes out before its time; then all of it, once each. */
  g_clear_pointer (&now, g_date_time_unref);
  now = g_date_time_new_now_local ();
  if (g_date_time_difference (soon, now) > G_USEC_PER_SEC / 2)
    {
      g_assert_cmpstr (label_text (detail, "state_label"), ==, "Scheduled");
      g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture.fake), ==, 0);
    }
  herald_test_wait_until (detail_finished (detail));
  assert_each_once (fixture.fake, NULL);

  fixture_close (&fixture);
}

static gboolean
detail_cancelled (gpointer data)
{
  return herald_campaign_detail_get_state (data) == HERALD_CAMPAIGN_CANCELLED &&
         herald_campaign_detail_get_loaded (data);
}

static void
test_cancel_asks_first (void)
{
  Fixture fixture = { 0, };
  GtkWidget *detail;
  AdwMessageDialog *dialog;
  gint64 id;

  fixture_open (&fixture);
  id = create_through_core (&fixture, "Never mind");
  detail = GTK_WIDGET (herald_campaigns_page_open_detail (HERALD_CAMPAIGNS_PAGE (fixture.page), id));
  herald_test_wait_until (herald_campaign_detail_get_loaded (HERALD_CAMPAIGN_DETAIL (detail)));
  g_assert_cmpstr (label_text (detail, "state_label"), ==, "Draft");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_named (detail, "start_button"))), ==, "_Start");

  /* Keeping it changes nothing. */
  click (detail, "cancel_button");
  dialog = ADW_MESSAGE_DIALOG (herald_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "The 50 recipients not sent yet"));
  adw_message_dialog_response (dialog, "keep");
  herald_ui_drain ();
  g_assert_cmpint (herald_campaign_detail_get_state (HERALD_CAMPAIGN_DETAIL (detail)), ==, HERALD_CAMPAIGN_DRAFT);

  /* Cancelling it: over, nothing sent, nothing left to press. */
  click (detail, "cancel_button");
  dialog = ADW_MESSAGE_DIALOG (herald_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "cancel-campaign");
  g_assert_true (herald_ui_wait_until (detail_cancelled, detail));
  g_assert_cmpstr (label_text (detail, "state_label"), ==, "Cancelled");
  g_assert_false (gtk_widget_get_visible (get_named (detail, "actions_box")));
  g_assert_cmpstr (label_text (detail, "report_pending_label"), ==, "50");
  g_assert_cmpuint (herald_fake_flixysms_get_n_accepted (fixture.fake), ==, 0);

  fixture_close (&fixture);
}

static GtkWindow *
open_main_window (Fixture *fixture)
{
  GtkWindow *window = g_object_new (HERALD_TYPE_WINDOW, "session", fixture->session, NULL);

  gtk_window_present (window);
  g_assert_true (herald_ui_wait_until ((HeraldUiCheck) gtk_widget_get_mapped, window));
  return window;
}

static AdwMessageDialog *
close_and_get_question (GtkWindow *window)
{
  AdwMessageDialog *dialog;

  gtk_window_close (window);
  herald_ui_drain ();
  dialog = ADW_MESSAGE_DIALOG (herald_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Keep Sending in the Background?");
  return dialog;
}

static HeraldCampaignState
stored_state (Fixture *fixture,
              gint64   id)
{
  HeraldCampaignRunner *runner = herald_session_get_campaign_runner (fixture->session);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaignSummary) summary = NULL;

  herald_campaign_runner_read_async (runner, id, FALSE, NULL, herald_test_async_done, &result);
  summary = herald_campaign_runner_read_finish (runner, herald_test_wait (&result), &error);
  g_assert_no_error (error);
  return summary->record->state;
}

static void
test_closing_the_window_asks (void)
{
  Fixture fixture = { 0, };
  HeraldAccount *account;
  GtkWindow *window;
  AdwMessageDialog *dialog;
  gpointer slot;
  guint accepted;
  gint64 id;
  g_autoptr(GError) error = NULL;

  fixture_open (&fixture);
  account = herald_session_get_active_account (fixture.session);
  herald_fake_flixysms_set_fault_delay (fixture.fake, 100);
  herald_fake_flixysms_inject_fault (fixture.fake, HERALD_FAKE_FLIXYSMS_FAULT_DELAY, 1000,
                                     HERALD_FAKE_FLIXYSMS_FAULT_FLAGS_NONE);
  id = create_through_core (&fixture, "Background");
  window = open_main_window (&fixture);
  g_assert_nonnull (herald_session_start_campaign (fixture.session, id, herald_account_get_id (account), &error));
  g_assert_no_error (error);

  /* Cancel: the window stays, the campaign runs on. */
  dialog = close_and_get_question (window);
  adw_message_dialog_response (dialog, "cancel");
  herald_ui_drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (herald_campaign_runner_is_running (herald_session_get_campaign_runner (fixture.session), id));

  /* Pause and close: the window goes, the campaign pauses. */
  slot = window;
  g_object_add_weak_pointer (G_OBJECT (window), &slot);
  dialog = close_and_get_question (window);
  adw_message_dialog_response (dialog, "pause");
  herald_test_wait_until (slot == NULL);
  g_assert_true (herald_ui_wait_until (nothing_runs, &fixture));
  g_assert_cmpint (stored_state (&fixture, id), ==, HERALD_CAMPAIGN_PAUSED);
  accepted = herald_fake_flixysms_get_n_accepted (fixture.fake);
  g_assert_cmpuint (accepted, <, N_CUSTOMERS);

  /* Keep sending: the window goes, the campaign ends in the background. */
  window = open_main_window (&fixture);
  g_assert_nonnull (herald_session_start_campaign (fixture.session, id, herald_account_get_id (account), &error));
  slot = window;
  g_object_add_weak_pointer (G_OBJECT (window), &slot);
  dialog = close_and_get_question (window);
  adw_message_dialog_response (dialog, "keep");
  herald_test_wait_until (slot == NULL);
  g_assert_true (herald_campaign_runner_is_running (herald_session_get_campaign_runner (fixture.session), id));
  herald_test_wait_until (nothing_runs (&fixture));
  g_assert_cmpint (stored_state (&fixture, id), ==, HERALD_CAMPAIGN_FINISHED);
  assert_each_once (fixture.fake, NULL);

  fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/campaigns-page/personalised-campaign", test_personalised_campaign_runs_to_the_end);
  g_test_add_func ("/campaigns-page/pause-and-resume", test_pause_and_resume);
  g_test_add_func ("/campaigns-page/interrupted-resumes", test_interrupted_campaign_resumes);
  g_test_add_func ("/campaigns-page/cancel-asks-first", test_cancel_asks_first);
  g_test_add_func ("/campaigns-page/scheduled-starts-on-time", test_scheduled_campaign_starts_on_time);
  g_test_add_func ("/campaigns-page/closing-the-window-asks", test_closing_the_window_asks);

  return g_test_run ();
}
