/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-modem-drain"

#include <stdio.h>

#include "herald-core.h"
#include "store/herald-database.h"
#include "herald-test-mock-modem.h"
#include "herald-test-util.h"

/* Usage (under the harness, which starts the mock ModemManager):
 *   tests/harness/herald-test-env --mock-modems 2 -- bench/bench-modem-drain [--messages N] [--send-ms MS]
 *
 * Both mock modems take MS ms (default 500; a real modem takes seconds)
 * for each SMS; N messages (default 100) are queued at once and the
 * dispatcher drains them with no pacing. Prints the time, the rate reached,
 * the modems' combined capacity (2 × 1000 / MS a second), their ratio (the
 * goal is ≥ 0.95), the dispatcher's own time per message (claim, create,
 * record, the SMS proxy: what the ratio loses) and how the messages were
 * shared between the modems. */

typedef struct
{
  guint       sent;
  GHashTable *per_modem;   /* modem id → count */
} Progress;

static void
updated_cb (HeraldModemDispatcher *dispatcher,
            HeraldOutboxEntry     *entry,
            gpointer               user_data)
{
  Progress *progress = user_data;

  if (entry->state != HERALD_OUTBOX_SENT)
    return;
  progress->sent++;
  g_hash_table_replace (progress->per_modem, g_strdup (entry->modem_id),
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (progress->per_modem,
                                                                                 entry->modem_id)) + 1));
}

int
main (int   argc,
      char *argv[])
{
  int messages = 100;
  int send_ms = 500;
  GOptionEntry entries[] = {
    { "messages", 0, 0, G_OPTION_ARG_INT, &messages, "Messages to drain (default 100)", "N" },
    { "send-ms", 0, 0, G_OPTION_ARG_INT, &send_ms, "Time a modem takes for one SMS (default 500)", "MS" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- the modem dispatcher's draining rate");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HeraldDatabase) database = NULL;
  g_autoptr(HeraldOutbox) outbox = NULL;
  g_autoptr(HeraldModemManager) manager = NULL;
  g_autoptr(HeraldModemDispatcher) dispatcher = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Progress progress = { 0, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  GHashTableIter iter;
  gpointer key, value;
  gint64 start;
  double seconds, rate, capacity;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || messages <= 0 || send_ms <= 0)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--messages and --send-ms must be positive");
      return 2;
    }
  if (g_getenv ("DBUS_SYSTEM_BUS_ADDRESS") == NULL)
    {
      g_printerr ("Run under tests/harness/herald-test-env --mock-modems 2\n");
      return 2;
    }

  path = g_build_filename (g_get_user_data_dir (), "bench-drain.db", NULL);
  database = herald_database_open (path, &error);
  if (database == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  outbox = herald_outbox_new (database);
  herald_modem_manager_new_async (NULL, NULL, herald_test_async_done, &result);
  manager = herald_modem_manager_new_finish (herald_test_wait (&result), &error);
  if (manager == NULL || g_list_model_get_n_items (G_LIST_MODEL (manager)) != 2)
    {
      g_printerr ("Two mock modems are needed\n");
      return 1;
    }

  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_0, "slow", (guint) send_ms);
  herald_test_mock_send_mode (HERALD_TEST_MOCK_MODEM_1, "slow", (guint) send_ms);

  /* Queued before the dispatcher starts, so that the drain alone is timed. */
  for (int i = 0; i < messages; i++)
    {
      g_autoptr(GAsyncResult) queued = NULL;
      g_autoptr(HeraldOutboxEntry) entry = NULL;
      g_autofree char *text = g_strdup_printf ("drain %d", i);
      HeraldOutboxRequest request = { .recipient = "+233241234567", .text = text, .delivery_report = TRUE };

      herald_outbox_enqueue_async (outbox, &request, NULL, herald_test_async_done, &queued);
      entry = herald_outbox_finish_entry (outbox, herald_test_wait (&queued), &error);
      if (entry == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  dispatcher = herald_modem_dispatcher_new (manager, outbox);
  g_signal_connect (dispatcher, "message-updated", G_CALLBACK (updated_cb), &progress);
  start = g_get_monotonic_time ();
  herald_modem_dispatcher_start (dispatcher);
  while (progress.sent < (guint) messages)
    g_main_context_iteration (NULL, TRUE);

  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  rate = messages / seconds;
  capacity = 2 * 1000.0 / send_ms;
  printf ("modem drain: %d messages, 2 modems at %d ms an SMS\n", messages, send_ms);
  printf ("  time %.2f s, rate %.1f/s, capacity %.1f/s, ratio %.3f (goal >= 0.95)\n",
          seconds, rate, capacity, rate / capacity);
  printf ("  dispatcher's own time: %.1f ms a message\n",
          (seconds * 1000.0 * 2 / messages) - send_ms);
  g_hash_table_iter_init (&iter, progress.per_modem);
  while (g_hash_table_iter_next (&iter, &key, &value))
    printf ("  modem %s: %u messages\n", (const char *) key, GPOINTER_TO_UINT (value));

  g_hash_table_unref (progress.per_modem);
  return 0;
}
