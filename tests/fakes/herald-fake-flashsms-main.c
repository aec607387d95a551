/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-fake-flashsms"

#include <stdio.h>
#include <glib-unix.h>

#include "herald-fake-flashsms.h"
#include "text/herald-sms-text.h"

/* The fake FlashSMS server as a program, seeded with a realistic account
 * (sender IDs, contacts in groups, templates, two months of history with
 * delivery reports and the transactions behind them), for trying the app
 * or heraldctl by hand. Prints its base URL on stdout, then serves until
 * SIGINT or SIGTERM:
 *
 *   herald-fake-flashsms [--key KEY] [--scopes "sms:send sms:read …"]
 *
 * The data is the same on every run (fixed random seed); only times move
 * with the clock. */

static const char * const first_names[] = {
  "Kofi", "Ama", "Kwame", "Akosua", "Yaw", "Abena", "Kwabena", "Adwoa", "Kojo", "Efua",
  "Kwaku", "Afua", "Fiifi", "Esi", "Nana", "Akua", "Mensah", "Dzifa", "Selasi", "Naa",
};

static const char * const last_names[] = {
  "Mensah", "Owusu", "Asante", "Boateng", "Osei", "Agyeman", "Addo", "Appiah", "Quaye",
  "Tetteh", "Amoah", "Danso", "Ofori", "Larbi", "Acheampong", "Kuffour",
};

/* Ghanaian mobile prefixes (MTN, Telecel, AirtelTigo). */
static const char * const prefixes[] = { "024", "054", "055", "059", "020", "050", "027", "057", "026" };

static const struct
{
  const char *campaign;
  const char *text;
} messages[] = {
  { "Welcome Campaign", "Welcome to Accra Fresh Market! Show this SMS at the till for 10% off your first basket." },
  { "Weekend Promo", "This weekend only: buy 2 crates of Malta Guinness, get 1 free. Valid Sat-Sun at all branches." },
  { NULL, "Your order #4821 is ready for pickup at our Osu branch. Opening hours 8am-8pm." },
  { "Payment Reminder", "Dear customer, your monthly subscription of GHS 45.00 is due on the 28th. Pay via MoMo to 0244123456." },
  { "Christmas Greetings", "Merry Christmas from all of us at Accra Fresh Market! Thank you for shopping with us this year. Enjoy the holidays with your loved ones and see you in the new year — with new stores in Kumasi and Takoradi!" },
  { NULL, "Your verification code is 482913. It expires in 10 minutes." },
  { "Staff Notice", "Staff meeting moved to Friday 3pm in the main hall. Attendance is compulsory." },
  { "VIP Preview", "VIP early access: our new season collection is live for you 24 hours before everyone else. Reply STOP to opt out." },
  { "Akwaaba", "Akwaaba! Ɛte sɛn? Your loyalty card is now active — earn points on every purchase." },
};

static const char * const statuses[] = { "DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED", "FAILED", "SENT" };

static char *
random_phone (GRand *rand)
{
  const char *prefix = prefixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (prefixes))];

  return g_strdup_printf ("%s%07d", prefix, g_rand_int_range (rand, 1000000, 9999999));
}

static void
seed (HeraldFakeFlashsms *fake)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241221);
  g_autoptr(GPtrArray) phones = g_ptr_array_new_with_free_func (g_free);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *groups[3];
  const char *senders[2];

  herald_fake_flashsms_set_account (fake, "Ama Owusu", "0244123456");
  herald_fake_flashsms_set_balance (fake, 0);
  herald_fake_flashsms_add_transaction (fake, "PURCHASE", 5000, "Credit purchase: 5,000 SMS bundle (MoMo)",
                                        "PAY-7Q2K9X", now - 62 * 86400);
  herald_fake_flashsms_add_transaction (fake, "BONUS", 250, "Welcome bonus", NULL, now - 62 * 86400 + 60);

  senders[0] = "AccraFresh";
  senders[1] = "AFM Alerts";
  herald_fake_flashsms_add_sender_id (fake, senders[0], "APPROVED");
  herald_fake_flashsms_add_sender_id (fake, senders[1], "APPROVED");
  herald_fake_flashsms_add_sender_id (fake, "AFM-Promo", "PENDING");

  groups[0] = herald_fake_flashsms_add_group (fake, "VIP Customers");
  groups[1] = herald_fake_flashsms_add_group (fake, "Newsletter");
  groups[2] = herald_fake_flashsms_add_group (fake, "Staff");

  for (guint i = 0; i < 48; i++)
    {
      g_autofree char *phone = random_phone (rand);
      const char *first = first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))];
      const char *last = last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))];
      g_autofree char *email = NULL;
      const char *group = groups[i % 3 == 2 && i > 40 ? 2 : i % 2];

      if (i % 3 == 0)
        {
          g_autofree char *address = g_strdup_printf ("%s.%s@example.com", first, last);

          email = g_ascii_strdown (address, -1);
        }
      herald_fake_flashsms_add_contact (fake, phone, first, last, email, group);
      g_ptr_array_add (phones, g_steal_pointer (&phone));
    }

  herald_fake_flashsms_add_template (fake, "Welcome Message", "Hi {{first_name}}, welcome to Accra Fresh Market!");
  herald_fake_flashsms_add_template (fake, "Order Ready", "Hello {{first_name}}, your order {{order|#—}} is ready for pickup.");
  herald_fake_flashsms_add_template (fake, "Payment Reminder", "Dear {{first_name}}, your payment of GHS {{amount}} is due on {{date}}.");
  herald_fake_flashsms_add_template (fake, "Event Invite", "You're invited! {{event}} on {{date}} at {{place}}. Reply YES to confirm.");

  /* ~60 messages over the last 60 days, oldest first, each paid for. */
  for (guint i = 0; i < 60; i++)
    {
      guint pick = g_rand_int_range (rand, 0, G_N_ELEMENTS (messages));
      guint n = g_rand_int_range (rand, 1, 9);
      g_autoptr(GPtrArray) to = g_ptr_array_new ();
      g_autoptr(GPtrArray) states = g_ptr_array_new ();
      g_autofree char *description = NULL;
      gint64 when = now - (60 - i) * 86400 + g_rand_int_range (rand, 0, 36000);
      g_autoptr(HeraldSmsAnalysis) analysis = herald_sms_analyse (messages[pick].text, -1, NULL);
      guint parts = herald_sms_analysis_get_parts (analysis);
      const char *id;

      for (guint k = 0; k < n; k++)
        {
          g_ptr_array_add (to, g_ptr_array_index (phones, (i * 7 + k * 5) % phones->len));
          /* The most recent few are still on their way. */
          g_ptr_array_add (states, (gpointer) (i >= 57 ? "PENDING" : statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))]));
        }
      g_ptr_array_add (to, NULL);
      g_ptr_array_add (states, NULL);

      id = herald_fake_flashsms_add_history (fake, messages[pick].text, senders[i % 5 == 4],
                                             messages[pick].campaign,
                                             (const char * const *) to->pdata,
                                             (const char * const *) states->pdata, when);
      description = g_strdup_printf ("API SMS: %s (%u recipients)",
                                     messages[pick].campaign != NULL ? messages[pick].campaign : "Quick send", n);
      /* What the message cost, as the server charged it: parts × recipients. */
      herald_fake_flashsms_add_transaction (fake, "USAGE", -(gint64) (n * parts), description, id, when);

      if (i == 20)
        herald_fake_flashsms_add_transaction (fake, "REFUND", 3, "Refund: 3 undelivered messages", id, when + 3600);
      if (i == 35)
        herald_fake_flashsms_add_transaction (fake, "PURCHASE", 1000, "Credit purchase: 1,000 SMS bundle (card)",
                                              "PAY-8M4D1Z", when + 7200);
      if (i == 50)
        herald_fake_flashsms_add_transaction (fake, "ADJUSTMENT", -5, "Correction of a double bonus", NULL, when + 600);
    }
}

static gboolean
quit (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *key = NULL;
  g_autofree char *scopes = NULL;
  GOptionEntry entries[] = {
    { "key", 0, 0, G_OPTION_ARG_STRING, &key, "API key to accept (default bms_live_herald_demo)", "KEY" },
    { "scopes", 0, 0, G_OPTION_ARG_STRING, &scopes, "Space-separated scopes of the key (default all)", "SCOPES" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- fake FlashSMS server");
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldFakeFlashsms) fake = NULL;
  g_autoptr(GMainLoop) loop = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  fake = herald_fake_flashsms_new ();
  herald_fake_flashsms_add_key (fake, key != NULL ? key : "bms_live_herald_demo", scopes);
  seed (fake);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit, loop);
  g_unix_signal_add (SIGTERM, quit, loop);

  printf ("%s\n", herald_fake_flashsms_get_base_url (fake));
  fflush (stdout);

  g_main_loop_run (loop);

  return 0;
}
