/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* HeraldInboxWatcher against the in-process FlixySMS fake, with a short
 * interval: no timer while disabled, the first check only learns, each new
 * message is announced once, oldest first. */
#define G_LOG_DOMAIN "test-inbox-watcher"

#include "config.h"

#include <unistd.h>

#include "inbox/herald-inbox-watcher.h"
#include "providers/flixysms/herald-flixysms-client.h"
#include "net/herald-provider-error.h"
#include "herald-fake-flixysms.h"
#include "herald-test-util.h"

typedef struct
{
  HeraldFakeFlixysms   *fake;
  HeraldFlixysmsClient *client;
  HeraldInboxWatcher   *watcher;
  GPtrArray            *batches;   /* GListModel per emission */
} Fixture;

static void
new_messages_cb (HeraldInboxWatcher *watcher,
                 GListModel         *messages,
                 Fixture            *f)
{
  g_ptr_array_add (f->batches, g_object_ref (messages));
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autofree char *key = g_strdup_printf ("watcher-key-%u", (guint) getpid ());
  g_autoptr(GError) error = NULL;

  f->fake = herald_fake_flixysms_new (key, 0, &error);
  g_assert_no_error (error);
  herald_fake_flixysms_seed (f->fake);
  herald_fake_flixysms_set_rate_limit (f->fake, 1000, 10);
  f->client = herald_flixysms_client_new_for_key (herald_fake_flixysms_get_base_url (f->fake), key, "GH", &error);
  g_assert_no_error (error);
  f->watcher = herald_inbox_watcher_new (HERALD_INBOX_SOURCE (f->client));
  herald_inbox_watcher_set_interval (f->watcher, 50);
  f->batches = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (f->watcher, "new-messages", G_CALLBACK (new_messages_cb), f);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->watcher), (gpointer *) &f->watcher);
  g_object_unref (f->watcher);
  g_assert_null (f->watcher);
  g_clear_object (&f->client);
  g_clear_object (&f->fake);
  g_ptr_array_unref (f->batches);
}

/* Iterates until @n_checks checks have completed, or fails after 10 s. */
static void
wait_checks (Fixture *f,
             guint    n_checks)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (herald_inbox_watcher_get_n_checks (f->watcher) < n_checks)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Disabled, the watcher leaves no timer in the main context: checked in
 * the context itself, not by waiting a while to see whether one fires. */
static void
test_disabled_no_timer (Fixture       *f,
                        gconstpointer  data)
{
  gint timer_ms;

  g_assert_false (herald_inbox_watcher_get_enabled (f->watcher));
  g_assert_false (herald_inbox_watcher_is_scheduled (f->watcher));
  g_assert_cmpint (herald_test_next_timer_ms (NULL), ==, -1);
  g_assert_cmpuint (herald_fake_flixysms_count_requests (f->fake, HERALD_FAKE_FLIXYSMS_ENDPOINT_ANY), ==, 0);
  g_assert_cmpuint (herald_inbox_watcher_get_n_checks (f->watcher), ==, 0);

  herald_inbox_watcher_set_enabled (f->watcher, TRUE);
  wait_checks (f, 2);
  g_assert_true (herald_inbox_watcher_is_scheduled (f->watcher));
  /* The control: enabled, its timer is there, due within the interval. */
  timer_ms = herald_test_next_timer_ms (NULL);
  g_test_message ("enabled: the next timer is due in %d ms", timer_ms);
  g_assert_cmpint (timer_ms, >=, 0);
  g_assert_cmpint (timer_ms, <=, 50);

  herald_inbox_watcher_set_enabled (f->watcher, FALSE);
  g_assert_false (herald_inbox_watcher_is_scheduled (f->watcher));
  /* The HTTP session may keep a timer for its idle connection (a minute);
   * one of the watcher would be due within its 50 ms. */
  timer_ms = herald_test_next_timer_ms (NULL);
  g_test_message ("disabled: the next timer is due in %d ms", timer_ms);
  g_assert_true (timer_ms == -1 || timer_ms > 50);
  /* The messages already there are not news. */
  g_assert_cmpuint (f->batches->len, ==, 0);
}

static void
test_new_once (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 1);
  g_autoptr(HeraldReceivedMessage) first = NULL;
  g_autoptr(HeraldReceivedMessage) second = NULL;
  GListModel *batch;
  guint checks;

  herald_inbox_watcher_set_enabled (f->watcher, TRUE);
  wait_checks (f, 1);
  g_assert_cmpuint (f->batches->len, ==, 0);

  herald_fake_flixysms_add_received (f->fake, "+233201112222", "First", now,
                                     HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, "sms", 1);
  herald_fake_flixysms_add_received (f->fake, "+233201113333", "Second", later,
                                     HERALD_FAKE_FLIXYSMS_DEVICE_GALAXY, "sms", 1);
  checks = herald_inbox_watcher_get_n_checks (f->watcher);
  wait_checks (f, checks + 1);

  g_assert_cmpuint (f->batches->len, ==, 1);
  batch = g_ptr_array_index (f->batches, 0);
  g_assert_cmpuint (g_list_model_get_n_items (batch), ==, 2);
  first = g_list_model_get_item (batch, 0);
  second = g_list_model_get_item (batch, 1);
  g_assert_cmpstr (herald_received_message_get_text (first), ==, "First");
  g_assert_cmpstr (herald_received_message_get_text (second), ==, "Second");

  /* A third message with the very same time as the second is still new;
   * the first two are not announced again. */
  herald_fake_flixysms_add_received (f->fake, "+233201114444", "Third", later,
                                     HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, "sms", 1);
  checks = herald_inbox_watcher_get_n_checks (f->watcher);
  wait_checks (f, checks + 3);
  g_assert_cmpuint (f->batches->len, ==, 2);
  batch = g_ptr_array_index (f->batches, 1);
  g_assert_cmpuint (g_list_model_get_n_items (batch), ==, 1);
  {
    g_autoptr(HeraldReceivedMessage) third = g_list_model_get_item (batch, 0);

    g_assert_cmpstr (herald_received_message_get_text (third), ==, "Third");
  }
}

static void
test_many_at_once (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint checks;

  herald_inbox_watcher_set_enabled (f->watcher, TRUE);
  wait_checks (f, 1);

  /* More than a page of 25: the check reads on until it meets known ones. */
  for (int i = 0; i < 30; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_seconds (now, i);
      g_autofree char *text = g_strdup_printf ("Burst %d", i);

      herald_fake_flixysms_add_received (f->fake, "+233201112222", text, at,
                                         HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, "sms", 1);
    }
  checks = herald_inbox_watcher_get_n_checks (f->watcher);
  wait_checks (f, checks + 1);
  g_assert_cmpuint (f->batches->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (g_ptr_array_index (f->batches, 0)), ==, 30);
}

static void
test_error_then_recovers (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  herald_inbox_watcher_set_enabled (f->watcher, TRUE);
  wait_checks (f, 1);
  herald_fake_flixysms_inject_error (f->fake, 401, HERALD_FAKE_FLIXYSMS_ERROR_SUCCESS_FALSE, "Invalid API key", 1);
  wait_checks (f, 2);
  g_assert_error (herald_inbox_watcher_get_error (f->watcher), HERALD_PROVIDER_ERROR,
                  HERALD_PROVIDER_ERROR_UNAUTHORIZED);
  /* still scheduled: the next interval tries again */
  g_assert_true (herald_inbox_watcher_is_scheduled (f->watcher));

  herald_fake_flixysms_add_received (f->fake, "+233201112222", "After", now,
                                     HERALD_FAKE_FLIXYSMS_DEVICE_PIXEL, "sms", 1);
  wait_checks (f, 3);
  g_assert_null (herald_inbox_watcher_get_error (f->watcher));
  g_assert_cmpuint (f->batches->len, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/inbox-watcher/disabled-no-timer", Fixture, NULL, set_up, test_disabled_no_timer, tear_down);
  g_test_add ("/inbox-watcher/new-once", Fixture, NULL, set_up, test_new_once, tear_down);
  g_test_add ("/inbox-watcher/many-at-once", Fixture, NULL, set_up, test_many_at_once, tear_down);
  g_test_add ("/inbox-watcher/error-then-recovers", Fixture, NULL, set_up, test_error_then_recovers, tear_down);

  return g_test_run ();
}
