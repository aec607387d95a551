/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-send"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-logged-send.h"
#include "net/herald-provider-error.h"
#include "text/herald-phone-number.h"

/* ---- a report as rows ----------------------------------------------------- */

/* The rows of one send: entries whose strings point into @strings or into
 * the report and outgoing the caller keeps alive until the record call,
 * which copies them. */
typedef struct
{
  GArray    *entries;   /* HeraldMessageLogEntry */
  GPtrArray *strings;   /* owned strings the entries point to */
} Rows;

static void
rows_clear (Rows *rows)
{
  g_clear_pointer (&rows->entries, g_array_unref);
  g_clear_pointer (&rows->strings, g_ptr_array_unref);
}

static void
rows_init (Rows *rows)
{
  rows->entries = g_array_new (FALSE, TRUE, sizeof (HeraldMessageLogEntry));
  rows->strings = g_ptr_array_new_with_free_func (g_free);
}

static void
rows_add (Rows                *rows,
          const char          *recipient,
          const char          *message_id,
          HeraldDeliveryState  state,
          const char          *error)
{
  HeraldMessageLogEntry entry = {
    .recipient = recipient,
    .message_id = message_id,
    .state = state,
    .error = error,
  };

  g_array_append_val (rows->entries, entry);
}

static const char *
first_non_null (const char *a,
                const char *b,
                const char *c)
{
  return a != NULL ? a : b != NULL ? b : c;
}

static void
rows_init_for_report (Rows             *rows,
                      HeraldSendReport *report)
{
  const GError *report_error = herald_send_report_get_error (report);
  const char *report_message = report_error != NULL ? report_error->message : NULL;
  guint n = herald_send_report_get_n_recipients (report);

  rows_init (rows);

  for (guint i = 0; i < n; i++)
    {
      const char *recipient = first_non_null (herald_send_report_get_number (report, i),
                                              herald_send_report_get_input (report, i), "");
      const char *message_id = herald_send_report_get_recipient_message_id (report, i);
      const char *reason = herald_send_report_get_reason (report, i);

      switch (herald_send_report_get_outcome (report, i))
        {
        case HERALD_RECIPIENT_QUEUED:
          rows_add (rows, recipient, message_id, HERALD_DELIVERY_QUEUED, NULL);
          break;

        case HERALD_RECIPIENT_FATE_UNKNOWN:
          rows_add (rows, recipient, message_id, HERALD_DELIVERY_UNKNOWN,
                    first_non_null (reason, report_message,
                                    _("The provider may or may not have accepted this message; "
                                      "check before sending it again.")));
          break;

        case HERALD_RECIPIENT_NOT_SENT:
          rows_add (rows, recipient, message_id, HERALD_DELIVERY_FAILED,
                    first_non_null (reason, report_message,
                                    _("This message was not sent.")));
          break;

        case HERALD_RECIPIENT_INVALID:
        case HERALD_RECIPIENT_DUPLICATE:
        default:
          /* Never sent, or sent once under the earlier entry. */
          break;
        }
    }
}

/* The whole send's fate is unknown and there is no report: every distinct
 * input is a row, in E.164 where it is unambiguous without a region, else as
 * typed (the account's region is not known here). */
static void
rows_init_for_unknown_fate (Rows           *rows,
                            HeraldOutgoing *outgoing,
                            const GError   *error)
{
  const char * const *inputs = herald_outgoing_get_recipients (outgoing);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  rows_init (rows);

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autofree char *input = g_strstrip (g_strdup (inputs[i]));
      g_autoptr(HeraldPhoneNumber) number = NULL;
      char *recipient;

      if (*input == '\0')
        continue;

      number = herald_phone_number_parse (input, NULL, HERALD_PHONE_NUMBER_FLAGS_NONE, NULL);
      recipient = number != NULL ? g_strdup (herald_phone_number_get_e164 (number)) : g_steal_pointer (&input);
      if (g_hash_table_contains (seen, recipient))
        {
          g_free (recipient);
          continue;
        }
      g_ptr_array_add (rows->strings, recipient);
      g_hash_table_add (seen, recipient);

      rows_add (rows, recipient, NULL, HERALD_DELIVERY_UNKNOWN, error->message);
    }
}

static void
record_rows (HeraldMessageLog    *log,
             const char          *account_id,
             HeraldOutgoing      *outgoing,
             Rows                *rows,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  herald_message_log_record_async (log, account_id, herald_outgoing_get_text (outgoing),
                                   (const HeraldMessageLogEntry *) (gpointer) rows->entries->data,
                                   rows->entries->len, cancellable, callback, user_data);
}

/* ---- recording a report --------------------------------------------------- */

void
herald_logged_send_record_async (HeraldMessageLog    *log,
                                 const char          *account_id,
                                 HeraldOutgoing      *outgoing,
                                 HeraldSendReport    *report,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Rows rows;

  g_return_if_fail (HERALD_IS_MESSAGE_LOG (log));
  g_return_if_fail (account_id != NULL);
  g_return_if_fail (outgoing != NULL);
  g_return_if_fail (HERALD_IS_SEND_REPORT (report));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  rows_init_for_report (&rows, report);
  record_rows (log, account_id, outgoing, &rows, cancellable, callback, user_data);
  rows_clear (&rows);
}

/* The message log's own call does the work: its result is finished here. */
gboolean
herald_logged_send_record_finish (HeraldMessageLog  *log,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  return herald_message_log_record_finish (log, result, error);
}

/* ---- sending -------------------------------------------------------------- */

typedef struct
{
  char             *account_id;
  HeraldOutgoing   *outgoing;
  HeraldSendReport *report;
  GError           *send_error;   /* FATE_UNKNOWN, returned after recording */
} SendData;

static void
send_data_free (gpointer data)
{
  SendData *send = data;

  g_free (send->account_id);
  herald_outgoing_unref (send->outgoing);
  g_clear_object (&send->report);
  g_clear_error (&send->send_error);
  g_free (send);
}

static void
send_recorded (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *send = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!herald_message_log_record_finish (HERALD_MESSAGE_LOG (object), result, &error))
    g_warning ("Messages were sent but could not be recorded in the local history: %s",
               error->message);

  if (send->send_error != NULL)
    g_task_return_error (task, g_steal_pointer (&send->send_error));
  else
    g_task_return_pointer (task, g_steal_pointer (&send->report), g_object_unref);
}

static void
send_answered (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeraldMessageLog *log = g_task_get_source_object (task);
  SendData *send = g_task_get_task_data (task);
  GError *error = NULL;
  Rows rows;

  send->report = herald_provider_send_finish (HERALD_PROVIDER (object), result, &error);
  if (send->report != NULL)
    rows_init_for_report (&rows, send->report);
  else if (g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN))
    {
      send->send_error = error;
      rows_init_for_unknown_fate (&rows, send->outgoing, error);
    }
  else
    {
      /* Nothing was accepted: nothing to record. */
      g_task_return_error (task, error);
      return;
    }

  /* Not cancellable: the provider has answered, the messages are out. */
  record_rows (log, send->account_id, send->outgoing, &rows, NULL, send_recorded, g_steal_pointer (&task));
  rows_clear (&rows);
}

void
herald_logged_send_async (HeraldMessageLog    *log,
                          HeraldProvider      *provider,
                          const char          *account_id,
                          HeraldOutgoing      *outgoing,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SendData *send;

  g_return_if_fail (HERALD_IS_MESSAGE_LOG (log));
  g_return_if_fail (HERALD_IS_PROVIDER (provider));
  g_return_if_fail (account_id != NULL);
  g_return_if_fail (outgoing != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  send = g_new0 (SendData, 1);
  send->account_id = g_strdup (account_id);
  send->outgoing = herald_outgoing_ref (outgoing);

  task = g_task_new (log, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_logged_send_async);
  g_task_set_task_data (task, send, send_data_free);
  /* A cancel that arrives after the provider answered must not hide the
   * report of messages that went out. */
  g_task_set_check_cancellable (task, FALSE);

  herald_provider_send_async (provider, outgoing, cancellable, send_answered, g_steal_pointer (&task));
}

HeraldSendReport *
herald_logged_send_finish (HeraldMessageLog  *log,
                           GAsyncResult      *result,
                           GError           **error)
{
  g_return_val_if_fail (HERALD_IS_MESSAGE_LOG (log), NULL);
  g_return_val_if_fail (g_task_is_valid (result, log), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
