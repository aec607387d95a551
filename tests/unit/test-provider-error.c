/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "net/herald-provider-error.h"

/* The retry rule (issue 17, "Never twice"): a request that failed before its
 * body left the machine (connection refused, DNS, TLS) is safe to send again,
 * and so is a 429 or a 503 answer (later, with backoff); any other 5xx and a
 * request whose answer was lost after it was sent (timeout, reset, an answer
 * cut short) are ambiguous and never sent again by themselves. The HTTP client
 * reports each of those failures as one provider error; this file states, for
 * every such error, what herald_provider_error_send_may_have_gone_out () and
 * herald_provider_error_is_transient () must answer. Every expected value is
 * written here, none read back from the code under test. */

typedef struct
{
  const char              *what;        /* the failure, as a person would name it */
  HeraldProviderErrorCode  code;        /* what the client reports it as */
  guint                    http_status;
  gboolean                 may_have_gone_out;
  gboolean                 transient;
} Case;

static const Case send_failures[] = {
  /* Failed before the body left the machine: never taken, retry later. */
  { "connection refused",                 HERALD_PROVIDER_ERROR_NETWORK,            0,   FALSE, TRUE },
  { "DNS lookup failed",                  HERALD_PROVIDER_ERROR_NETWORK,            0,   FALSE, TRUE },
  /* TLS: never taken, but no use retrying until a person fixes the clock or URL. */
  { "TLS handshake or certificate",       HERALD_PROVIDER_ERROR_TLS,                0,   FALSE, FALSE },
  /* Answered "not now": never taken, retry later. */
  { "429 rate limited",                   HERALD_PROVIDER_ERROR_RATE_LIMITED,       429, FALSE, TRUE },
  { "503 no device online (FlixySMS)",    HERALD_PROVIDER_ERROR_NO_DEVICE,          503, FALSE, TRUE },
  { "503 passed on as a server error",    HERALD_PROVIDER_ERROR_SERVER_ERROR,       503, FALSE, TRUE },
  { "5xx passed on as not taken",         HERALD_PROVIDER_ERROR_SERVER_ERROR,       500, FALSE, TRUE },
  { "502 passed on as not taken",         HERALD_PROVIDER_ERROR_SERVER_ERROR,       502, FALSE, TRUE },
  /* The answer was lost after the request was sent: ambiguous. */
  { "timeout",                            HERALD_PROVIDER_ERROR_TIMEOUT,            0,   TRUE,  FALSE },
  { "timeout while reading the answer",   HERALD_PROVIDER_ERROR_TIMEOUT,            200, TRUE,  FALSE },
  { "connection reset after the request", HERALD_PROVIDER_ERROR_FATE_UNKNOWN,       0,   TRUE,  FALSE },
  { "500 to a send",                      HERALD_PROVIDER_ERROR_FATE_UNKNOWN,       500, TRUE,  FALSE },
  { "502 to a send",                      HERALD_PROVIDER_ERROR_FATE_UNKNOWN,       502, TRUE,  FALSE },
  { "504 to a send",                      HERALD_PROVIDER_ERROR_FATE_UNKNOWN,       504, TRUE,  FALSE },
  { "2xx answer cut short",               HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, 200, TRUE,  FALSE },
  { "202 answer cut short",               HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, 202, TRUE,  FALSE },
  { "299 answer unreadable",              HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, 299, TRUE,  FALSE },
  { "answer unreadable, status unknown",  HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, 0,   TRUE,  FALSE },
  /* A status that says it was not taken, whatever the body. */
  { "3xx answer unreadable",              HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, 300, FALSE, FALSE },
  { "4xx answer unreadable",              HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, 400, FALSE, FALSE },
  /* Refused for good, or until a person acts: never taken, not retried. */
  { "400 bad request",                    HERALD_PROVIDER_ERROR_BAD_REQUEST,        400, FALSE, FALSE },
  { "422 unprocessable",                  HERALD_PROVIDER_ERROR_BAD_REQUEST,        422, FALSE, FALSE },
  { "404 not found",                      HERALD_PROVIDER_ERROR_NOT_FOUND,          404, FALSE, FALSE },
  { "402 payment required",               HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED,   402, FALSE, FALSE },
  { "401 unauthorized",                   HERALD_PROVIDER_ERROR_UNAUTHORIZED,       401, FALSE, FALSE },
  { "403 forbidden",                      HERALD_PROVIDER_ERROR_FORBIDDEN,          403, FALSE, FALSE },
  { "refused before sending",             HERALD_PROVIDER_ERROR_INVALID_INPUT,      0,   FALSE, FALSE },
};

static void
check_case (const Case *c,
            GError     *error)
{
  g_test_message ("%s", c->what);
  if (c->may_have_gone_out)
    g_assert_true (herald_provider_error_send_may_have_gone_out (error));
  else
    g_assert_false (herald_provider_error_send_may_have_gone_out (error));
  if (c->transient)
    g_assert_true (herald_provider_error_is_transient (error));
  else
    g_assert_false (herald_provider_error_is_transient (error));
}

static void
test_classification (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (send_failures); i++)
    {
      const Case *c = &send_failures[i];
      g_autoptr(GError) own = herald_provider_error_new (c->code, c->http_status, "%s", c->what);
      g_autoptr(GError) standard = herald_provider_error_new_for_code (c->code, c->http_status, NULL);

      check_case (c, own);
      check_case (c, standard);
    }
}

/* The same answers whatever else the error carries. */
static void
test_classification_with_details (void)
{
  g_autoptr(GError) paused = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_RATE_LIMITED, 429, NULL);
  g_autoptr(GError) broke = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED, 402, NULL);

  herald_provider_error_set_retry_at (paused, 2000000000);
  herald_provider_error_set_credits (broke, 5, 0);
  g_assert_false (herald_provider_error_send_may_have_gone_out (paused));
  g_assert_true (herald_provider_error_is_transient (paused));
  g_assert_false (herald_provider_error_send_may_have_gone_out (broke));
  g_assert_false (herald_provider_error_is_transient (broke));
}

/* An error Herald's client did not classify (a socket error passed on, a
 * database error midway): nothing says the request did not go out, so it
 * is ambiguous, and it is no passing reason either. */
static void
test_other_domains (void)
{
  g_autoptr(GError) io = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, "refused");
  g_autoptr(GError) reset = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED, "reset");
  g_autoptr(GError) timeout = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "timed out");
  g_autoptr(GError) other = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOSPC, "disk full");

  g_assert_true (herald_provider_error_send_may_have_gone_out (io));
  g_assert_true (herald_provider_error_send_may_have_gone_out (reset));
  g_assert_true (herald_provider_error_send_may_have_gone_out (timeout));
  g_assert_true (herald_provider_error_send_may_have_gone_out (other));
  g_assert_false (herald_provider_error_is_transient (io));
  g_assert_false (herald_provider_error_is_transient (reset));
  g_assert_false (herald_provider_error_is_transient (timeout));
  g_assert_false (herald_provider_error_is_transient (other));
  g_assert_false (herald_provider_error_is_transient (NULL));
}

static void
test_code_for_status (void)
{
  static const struct
  {
    guint                   status;
    HeraldProviderErrorCode code;
  } statuses[] = {
    { 0, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE },
    { 200, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE },
    { 302, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE },
    { 399, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE },
    { 400, HERALD_PROVIDER_ERROR_BAD_REQUEST },
    { 401, HERALD_PROVIDER_ERROR_UNAUTHORIZED },
    { 402, HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED },
    { 403, HERALD_PROVIDER_ERROR_FORBIDDEN },
    { 404, HERALD_PROVIDER_ERROR_NOT_FOUND },
    { 405, HERALD_PROVIDER_ERROR_BAD_REQUEST },
    { 409, HERALD_PROVIDER_ERROR_BAD_REQUEST },
    { 410, HERALD_PROVIDER_ERROR_NOT_FOUND },
    { 411, HERALD_PROVIDER_ERROR_BAD_REQUEST },
    { 422, HERALD_PROVIDER_ERROR_BAD_REQUEST },
    { 428, HERALD_PROVIDER_ERROR_BAD_REQUEST },
    { 429, HERALD_PROVIDER_ERROR_RATE_LIMITED },
    { 430, HERALD_PROVIDER_ERROR_BAD_REQUEST },
    { 499, HERALD_PROVIDER_ERROR_BAD_REQUEST },
    { 500, HERALD_PROVIDER_ERROR_SERVER_ERROR },
    { 501, HERALD_PROVIDER_ERROR_SERVER_ERROR },
    { 503, HERALD_PROVIDER_ERROR_SERVER_ERROR },
    { 599, HERALD_PROVIDER_ERROR_SERVER_ERROR },
    { 600, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE },
    { 601, HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_test_message ("status %u", statuses[i].status);
      g_assert_cmpint (herald_provider_error_code_for_status (statuses[i].status), ==, statuses[i].code);
    }
}

/* Standard messages: each says what happened, with the status it came with
 * (or the usual one), and what to do. */
static void
test_standard_messages (void)
{
  static const struct
  {
    HeraldProviderErrorCode code;
    guint                   status;
    const char             *message;
  } cases[] = {
    { HERALD_PROVIDER_ERROR_UNAUTHORIZED, 0,
      "The API key was rejected (401). Check the key in the account settings." },
    { HERALD_PROVIDER_ERROR_UNAUTHORIZED, 419,
      "The API key was rejected (419). Check the key in the account settings." },
    { HERALD_PROVIDER_ERROR_FORBIDDEN, 0,
      "The key is not allowed to do this (403). Check the key’s permissions in the provider’s dashboard." },
    { HERALD_PROVIDER_ERROR_FORBIDDEN, 418,
      "The key is not allowed to do this (418). Check the key’s permissions in the provider’s dashboard." },
    { HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED, 0, "Not enough credits (402). Top up the account." },
    { HERALD_PROVIDER_ERROR_RATE_LIMITED, 0, "Rate limited (429): try again in a minute." },
    { HERALD_PROVIDER_ERROR_RATE_LIMITED, 420, "Rate limited (420): try again in a minute." },
    { HERALD_PROVIDER_ERROR_NO_DEVICE, 0,
      "No device is online to send (503). Start the FlixySMS app on a phone." },
    { HERALD_PROVIDER_ERROR_NOT_FOUND, 0,
      "Not found (404). The item may have been deleted, or the account URL may be wrong." },
    { HERALD_PROVIDER_ERROR_NOT_FOUND, 410,
      "Not found (410). The item may have been deleted, or the account URL may be wrong." },
    { HERALD_PROVIDER_ERROR_BAD_REQUEST, 0,
      "The provider refused the request (400). Check the numbers and the message." },
    { HERALD_PROVIDER_ERROR_BAD_REQUEST, 422,
      "The provider refused the request (422). Check the numbers and the message." },
    { HERALD_PROVIDER_ERROR_SERVER_ERROR, 0, "The provider had a server error (500). Try again later." },
    { HERALD_PROVIDER_ERROR_SERVER_ERROR, 502, "The provider had a server error (502). Try again later." },
    { HERALD_PROVIDER_ERROR_INVALID_INPUT, 0, "The request is not valid." },
    { HERALD_PROVIDER_ERROR_NETWORK, 0,
      "The provider could not be reached. Check the network connection and the account URL." },
    { HERALD_PROVIDER_ERROR_TLS, 0,
      "The secure connection to the provider failed. Check the account URL and the computer’s date and time." },
    { HERALD_PROVIDER_ERROR_TIMEOUT, 0, "The provider did not answer in time. Try again later." },
    { HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, 200,
      "The provider sent an answer Herald cannot read. Try again later; if it persists, the account URL may be wrong." },
    { HERALD_PROVIDER_ERROR_FATE_UNKNOWN, 0,
      "The message may or may not have been sent. Check its status or the history before sending it again." },
    { 99, 0, "The provider failed for an unknown reason." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = herald_provider_error_new_for_code (cases[i].code, cases[i].status, NULL);

      g_assert_true (error->domain == HERALD_PROVIDER_ERROR);
      g_assert_cmpint (error->code, ==, cases[i].code);
      g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, cases[i].status);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* The codes whose message quotes the server, once it said something. */
static void
test_server_messages (void)
{
  static const struct
  {
    HeraldProviderErrorCode code;
    guint                   status;
    const char             *message;
  } cases[] = {
    { HERALD_PROVIDER_ERROR_NOT_FOUND, 0, "Not found (404): No such group." },
    { HERALD_PROVIDER_ERROR_NOT_FOUND, 410, "Not found (410): No such group." },
    { HERALD_PROVIDER_ERROR_BAD_REQUEST, 0, "The provider refused the request (400): No such group." },
    { HERALD_PROVIDER_ERROR_BAD_REQUEST, 422, "The provider refused the request (422): No such group." },
    { HERALD_PROVIDER_ERROR_SERVER_ERROR, 0, "The provider had a server error (500): No such group. Try again later." },
    { HERALD_PROVIDER_ERROR_SERVER_ERROR, 503, "The provider had a server error (503): No such group. Try again later." },
    { HERALD_PROVIDER_ERROR_INVALID_INPUT, 0, "The request is not valid: No such group." },
    /* The others keep their own message; the server's text is kept apart. */
    { HERALD_PROVIDER_ERROR_UNAUTHORIZED, 0,
      "The API key was rejected (401). Check the key in the account settings." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = herald_provider_error_new_for_code (cases[i].code, cases[i].status,
                                                                    "No such group.");
      g_autoptr(GError) later = herald_provider_error_new_for_code (cases[i].code, cases[i].status, NULL);

      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, "No such group");
      /* Set afterwards, the same. */
      herald_provider_error_set_server_message (later, "No such group.");
      g_assert_cmpstr (later->message, ==, cases[i].message);
      /* And taken away again. */
      herald_provider_error_set_server_message (later, NULL);
      g_assert_null (herald_provider_error_get_server_message (later));
    }
}

static void
test_scope (void)
{
  g_autoptr(GError) error = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_FORBIDDEN, 0, NULL);
  g_autoptr(GError) teapot = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_FORBIDDEN, 418, NULL);

  g_assert_null (herald_provider_error_get_scope (error));
  herald_provider_error_set_scope (error, "sms:send");
  herald_provider_error_set_scope (teapot, "contacts:read");
  g_assert_cmpstr (herald_provider_error_get_scope (error), ==, "sms:send");
  g_assert_cmpstr (error->message, ==,
                   "The key lacks the “sms:send” permission (403). Create a key with that permission.");
  g_assert_cmpstr (teapot->message, ==,
                   "The key lacks the “contacts:read” permission (418). Create a key with that permission.");
  herald_provider_error_set_scope (error, NULL);
  g_assert_null (herald_provider_error_get_scope (error));
  g_assert_cmpstr (error->message, ==,
                   "The key is not allowed to do this (403). Check the key’s permissions in the provider’s dashboard.");
}

static void
test_credits (void)
{
  static const struct
  {
    gint64      needed;
    gint64      balance;
    gint64      needed_read;
    gint64      balance_read;
    const char *message;
  } cases[] = {
    { 12, 3, 12, 3, "Not enough credits (402): 12 needed, 3 available. Top up the account." },
    { 0, 0, 0, 0, "Not enough credits (402): 0 needed, 0 available. Top up the account." },
    { 12, -1, 12, -1, "Not enough credits (402): 12 needed. Top up the account." },
    { 0, -1, 0, -1, "Not enough credits (402): 0 needed. Top up the account." },
    { -1, 3, -1, 3, "Not enough credits (402): 3 available. Top up the account." },
    { -1, 0, -1, 0, "Not enough credits (402): 0 available. Top up the account." },
    { -1, -1, -1, -1, "Not enough credits (402). Top up the account." },
    /* Any negative number is "unknown", read back as -1. */
    { -7, -9, -1, -1, "Not enough credits (402). Top up the account." },
    { G_MAXINT64, 1, G_MAXINT64, 1,
      "Not enough credits (402): 9223372036854775807 needed, 1 available. Top up the account." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED, 0, NULL);

      g_assert_cmpint (herald_provider_error_get_credits_needed (error), ==, -1);
      g_assert_cmpint (herald_provider_error_get_balance (error), ==, -1);
      herald_provider_error_set_credits (error, cases[i].needed, cases[i].balance);
      g_assert_cmpint (herald_provider_error_get_credits_needed (error), ==, cases[i].needed_read);
      g_assert_cmpint (herald_provider_error_get_balance (error), ==, cases[i].balance_read);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  {
    g_autoptr(GError) other = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED, 499, NULL);

    herald_provider_error_set_credits (other, 1, 2);
    g_assert_cmpstr (other->message, ==, "Not enough credits (499): 1 needed, 2 available. Top up the account.");
  }
}

static void
test_retry_at (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now), 12, 0, 0);
  /* Another day of the same year. */
  g_autoptr(GDateTime) other_day = g_date_time_add_days (noon, g_date_time_get_day_of_year (now) == 1 ? 1 : -1);
  /* The same day of the year, another year. */
  g_autoptr(GDateTime) other_year = g_date_time_add_years (noon, -4);
  g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_local (1);
  g_autofree char *other_day_text = g_date_time_format (other_day, "%Y-%m-%d 12:00:00");
  g_autofree char *other_year_text = g_date_time_format (other_year, "%Y-%m-%d 12:00:00");
  g_autofree char *epoch_text = g_date_time_format (epoch, "%Y-%m-%d %H:%M:%S");
  g_autoptr(GError) error = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_RATE_LIMITED, 0, NULL);
  g_autofree char *expected = NULL;

  g_assert_cmpint (herald_provider_error_get_retry_at (error), ==, 0);

  /* Today: the time only. */
  herald_provider_error_set_retry_at (error, g_date_time_to_unix (noon));
  g_assert_cmpint (herald_provider_error_get_retry_at (error), ==, g_date_time_to_unix (noon));
  g_assert_cmpstr (error->message, ==, "Rate limited (429): try again after 12:00:00.");

  /* Another day: the date too. */
  herald_provider_error_set_retry_at (error, g_date_time_to_unix (other_day));
  expected = g_strdup_printf ("Rate limited (429): try again after %s.", other_day_text);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_pointer (&expected, g_free);

  herald_provider_error_set_retry_at (error, g_date_time_to_unix (other_year));
  expected = g_strdup_printf ("Rate limited (429): try again after %s.", other_year_text);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_pointer (&expected, g_free);

  /* The first second after the epoch is a time like any other. */
  herald_provider_error_set_retry_at (error, 1);
  g_assert_cmpint (herald_provider_error_get_retry_at (error), ==, 1);
  expected = g_strdup_printf ("Rate limited (429): try again after %s.", epoch_text);
  g_assert_cmpstr (error->message, ==, expected);

  /* Unknown again: 0 or before. */
  herald_provider_error_set_retry_at (error, 0);
  g_assert_cmpint (herald_provider_error_get_retry_at (error), ==, 0);
  g_assert_cmpstr (error->message, ==, "Rate limited (429): try again in a minute.");
  herald_provider_error_set_retry_at (error, -60);
  g_assert_cmpint (herald_provider_error_get_retry_at (error), ==, 0);
  g_assert_cmpstr (error->message, ==, "Rate limited (429): try again in a minute.");

  /* A time no calendar can show: the message without it. */
  herald_provider_error_set_retry_at (error, G_MAXINT64);
  g_assert_cmpint (herald_provider_error_get_retry_at (error), ==, G_MAXINT64);
  g_assert_cmpstr (error->message, ==, "Rate limited (429): try again in a minute.");
}

/* The server's words are shown to people: one line, valid UTF-8, at most 300
 * characters, without a trailing full stop (the messages add their own). */
static void
test_tidy_server_message (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "Bad number", "Bad number" },
    { "Bad number.", "Bad number" },
    { "Bad number. . ", "Bad number" },
    { "Bad number...", "Bad number" },
    { "Bad\tnumber\r\n+49", "Bad number +49" },
    { "Bad  number", "Bad number" },
    { "  Bad number", "Bad number" },
    { "\n\tBad number", "Bad number" },
    { "ab  c", "ab c" },
    { "a b", "a b" },
    { "a\001b", "a b" },
    { "a\001\002b", "a b" },
    { "a\xc2\xa0" "b", "a b" },        /* a no-break space */
    { "a.b", "a.b" },
    { "a .b", "a .b" },
    { "x", "x" },
    { ".x", ".x" },
    { "Gr\xfc\xdf" "e", "Gr\xef\xbf\xbd\xef\xbf\xbd" "e" },   /* not UTF-8: replaced */
    { "", NULL },
    { " ", NULL },
    { ".", NULL },
    { " . .\n", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_BAD_REQUEST, 400, NULL);

      g_autofree char *shown = g_strescape (cases[i].in, NULL);

      g_test_message ("“%s”", shown);
      herald_provider_error_set_server_message (error, cases[i].in);
      g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, cases[i].out);
    }
}

static void
test_long_server_message (void)
{
  g_autoptr(GString) exactly = g_string_new (NULL);
  g_autoptr(GString) longer = NULL;
  g_autoptr(GString) cut = NULL;
  g_autoptr(GError) error = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_BAD_REQUEST, 400, NULL);

  /* 300 characters, 2 bytes each: kept whole. */
  for (guint i = 0; i < 300; i++)
    g_string_append (exactly, "é");
  herald_provider_error_set_server_message (error, exactly->str);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, exactly->str);

  /* One more: the first 300 and an ellipsis. */
  longer = g_string_new (exactly->str);
  g_string_append (longer, "x and more");
  cut = g_string_new (exactly->str);
  g_string_append (cut, "…");
  herald_provider_error_set_server_message (error, longer->str);
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, cut->str);
}

/* An error built with a caller's own message keeps it: the setters add
 * details, they do not rewrite it. */
static void
test_own_message (void)
{
  g_autoptr(GError) error = herald_provider_error_new (HERALD_PROVIDER_ERROR_FORBIDDEN, 403,
                                                       "Key %s is read-only", "k1");
  g_autoptr(GError) payment = herald_provider_error_new (HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED, 402, "No money");

  g_assert_cmpstr (error->message, ==, "Key k1 is read-only");
  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 403);
  herald_provider_error_set_scope (error, "sms:send");
  herald_provider_error_set_server_message (error, "nope");
  herald_provider_error_set_retry_at (error, 5);
  g_assert_cmpstr (error->message, ==, "Key k1 is read-only");
  g_assert_cmpstr (herald_provider_error_get_scope (error), ==, "sms:send");
  g_assert_cmpstr (herald_provider_error_get_server_message (error), ==, "nope");
  g_assert_cmpint (herald_provider_error_get_retry_at (error), ==, 5);

  herald_provider_error_set_credits (payment, 4, 1);
  g_assert_cmpstr (payment->message, ==, "No money");
  g_assert_cmpint (herald_provider_error_get_credits_needed (payment), ==, 4);
}

/* Built by GLib's own g_error_new () in Herald's domain: every detail unknown. */
static void
test_plain_error (void)
{
  g_autoptr(GError) error = g_error_new_literal (HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_RATE_LIMITED,
                                                 "Slow down");

  g_assert_cmpuint (herald_provider_error_get_http_status (error), ==, 0);
  g_assert_null (herald_provider_error_get_scope (error));
  g_assert_cmpint (herald_provider_error_get_credits_needed (error), ==, -1);
  g_assert_cmpint (herald_provider_error_get_balance (error), ==, -1);
  g_assert_cmpint (herald_provider_error_get_retry_at (error), ==, 0);
  g_assert_null (herald_provider_error_get_server_message (error));
  herald_provider_error_set_scope (error, "sms:send");
  g_assert_cmpstr (error->message, ==, "Slow down");
}

/* Errors of other domains have no details: the getters say "unknown". */
static void
test_other_domain_details (void)
{
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "failed");

  g_assert_cmpuint (herald_provider_error_get_http_status (other), ==, 0);
  g_assert_null (herald_provider_error_get_scope (other));
  g_assert_cmpint (herald_provider_error_get_credits_needed (other), ==, -1);
  g_assert_cmpint (herald_provider_error_get_balance (other), ==, -1);
  g_assert_cmpint (herald_provider_error_get_retry_at (other), ==, 0);
  g_assert_null (herald_provider_error_get_server_message (other));
}

/* A copy (g_error_copy, g_task_return_error …) carries every detail, and
 * its standard message still follows the setters. */
static void
test_copy (void)
{
  g_autoptr(GError) error = herald_provider_error_new_for_code (HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED, 402, NULL);
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) own = herald_provider_error_new (HERALD_PROVIDER_ERROR_FORBIDDEN, 403, "Mine");
  g_autoptr(GError) own_copy = NULL;

  herald_provider_error_set_credits (error, 7, 2);
  herald_provider_error_set_retry_at (error, 1234);
  herald_provider_error_set_scope (error, "sms:send");
  herald_provider_error_set_server_message (error, "Top up");
  copy = g_error_copy (error);
  g_assert_cmpstr (copy->message, ==, error->message);
  g_assert_cmpuint (herald_provider_error_get_http_status (copy), ==, 402);
  g_assert_cmpint (herald_provider_error_get_credits_needed (copy), ==, 7);
  g_assert_cmpint (herald_provider_error_get_balance (copy), ==, 2);
  g_assert_cmpint (herald_provider_error_get_retry_at (copy), ==, 1234);
  g_assert_cmpstr (herald_provider_error_get_scope (copy), ==, "sms:send");
  g_assert_cmpstr (herald_provider_error_get_server_message (copy), ==, "Top up");

  herald_provider_error_set_credits (copy, 9, -1);
  g_assert_cmpstr (copy->message, ==, "Not enough credits (402): 9 needed. Top up the account.");
  /* The original is its own. */
  g_assert_cmpstr (error->message, ==, "Not enough credits (402): 7 needed, 2 available. Top up the account.");

  own_copy = g_error_copy (own);
  herald_provider_error_set_scope (own_copy, "x");
  g_assert_cmpstr (own_copy->message, ==, "Mine");
}

static void
test_code_to_string (void)
{
  static const struct
  {
    HeraldProviderErrorCode code;
    const char             *name;
  } names[] = {
    { HERALD_PROVIDER_ERROR_UNAUTHORIZED, "unauthorized" },
    { HERALD_PROVIDER_ERROR_FORBIDDEN, "forbidden" },
    { HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED, "payment_required" },
    { HERALD_PROVIDER_ERROR_RATE_LIMITED, "rate_limited" },
    { HERALD_PROVIDER_ERROR_NO_DEVICE, "no_device" },
    { HERALD_PROVIDER_ERROR_NOT_FOUND, "not_found" },
    { HERALD_PROVIDER_ERROR_BAD_REQUEST, "bad_request" },
    { HERALD_PROVIDER_ERROR_SERVER_ERROR, "server_error" },
    { HERALD_PROVIDER_ERROR_NETWORK, "network" },
    { HERALD_PROVIDER_ERROR_TLS, "tls" },
    { HERALD_PROVIDER_ERROR_TIMEOUT, "timeout" },
    { HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE, "malformed_response" },
    { HERALD_PROVIDER_ERROR_FATE_UNKNOWN, "fate_unknown" },
    { HERALD_PROVIDER_ERROR_INVALID_INPUT, "invalid_input" },
    { 99, "unknown" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (herald_provider_error_code_to_string (names[i].code), ==, names[i].name);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/provider-error/retry/classification", test_classification);
  g_test_add_func ("/provider-error/retry/with-details", test_classification_with_details);
  g_test_add_func ("/provider-error/retry/other-domains", test_other_domains);
  g_test_add_func ("/provider-error/code-for-status", test_code_for_status);
  g_test_add_func ("/provider-error/message/standard", test_standard_messages);
  g_test_add_func ("/provider-error/message/server", test_server_messages);
  g_test_add_func ("/provider-error/message/scope", test_scope);
  g_test_add_func ("/provider-error/message/credits", test_credits);
  g_test_add_func ("/provider-error/message/retry-at", test_retry_at);
  g_test_add_func ("/provider-error/server-message/tidy", test_tidy_server_message);
  g_test_add_func ("/provider-error/server-message/long", test_long_server_message);
  g_test_add_func ("/provider-error/own-message", test_own_message);
  g_test_add_func ("/provider-error/plain-error", test_plain_error);
  g_test_add_func ("/provider-error/other-domain-details", test_other_domain_details);
  g_test_add_func ("/provider-error/copy", test_copy);
  g_test_add_func ("/provider-error/code-to-string", test_code_to_string);
  return g_test_run ();
}
