/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flashsms"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-flashsms-client.h"
#include "herald-flashsms-provider-private.h"
#include "providers/herald-client-adapter-private.h"
#include "net/herald-provider-error.h"

/* HeraldProvider over the FlashSMS client. FlashSMS answers per request
 * (one id for up to 1,000 numbers), so the per-recipient report is rebuilt
 * here: each input normalised as the client does, then matched against the
 * invalid and unsent lists of the result. */

static HeraldDialect
flashsms_get_dialect (HeraldProvider *provider)
{
  return HERALD_DIALECT_FLASHSMS;
}

static HeraldProviderFeatures
flashsms_get_features (HeraldProvider *provider)
{
  return HERALD_PROVIDER_FEATURE_BALANCE | HERALD_PROVIDER_FEATURE_SENDER_ID |
         HERALD_PROVIDER_FEATURE_SCHEDULE | HERALD_PROVIDER_FEATURE_CAMPAIGN_NAME;
}

static GHashTable *
set_from_strv (const char * const *strv)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) strv[i]);
  return set;
}

static HeraldSendReport *
report_from_result (HeraldFlashsmsClient     *client,
                    HeraldOutgoing           *outgoing,
                    HeraldFlashsmsSendResult *result)
{
  g_autoptr(HeraldSendReport) report = herald_send_report_new ();
  g_autoptr(GHashTable) invalid = g_hash_table_new (g_str_hash, g_str_equal);   /* input or form → reason */
  g_autoptr(GHashTable) unsent = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const *recipients = herald_outgoing_get_recipients (outgoing);
  const char * const *ids = herald_flashsms_send_result_get_message_ids (result);
  const char * const *unsent_list = herald_flashsms_send_result_get_unsent_recipients (result);
  const GError *error = herald_flashsms_send_result_get_error (result);
  const HeraldFlashsmsInvalidRecipient *invalid_list;
  gboolean fate_unknown = g_error_matches (error, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_FATE_UNKNOWN);
  guint n_ids = ids != NULL ? g_strv_length ((char **) ids) : 0;
  guint n_invalid = 0;
  guint n_distinct = 0;

  invalid_list = herald_flashsms_send_result_get_invalid (result, &n_invalid);
  for (guint i = 0; i < n_invalid; i++)
    g_hash_table_insert (invalid, invalid_list[i].input, invalid_list[i].reason);
  unsent = set_from_strv (unsent_list);

  for (guint i = 0; recipients[i] != NULL; i++)
    {
      g_autoptr(HeraldPhoneNumber) number = NULL;
      g_autoptr(GError) number_error = NULL;
      g_autofree char *form = NULL;
      const char *e164;
      const char *reason;

      number = herald_phone_number_parse (recipients[i], herald_rest_client_get_default_region (HERALD_REST_CLIENT (client)),
                                          HERALD_PHONE_NUMBER_REQUIRE_MOBILE, &number_error);
      if (number == NULL)
        {
          reason = g_hash_table_lookup (invalid, recipients[i]);
          herald_send_report_add (report, recipients[i], NULL, HERALD_RECIPIENT_INVALID, NULL,
                                  reason != NULL ? reason : herald_phone_number_error_to_reason (number_error));
          continue;
        }

      e164 = herald_phone_number_get_e164 (number);
      form = herald_phone_number_format_for_flashsms (number);
      if (!g_hash_table_add (seen, g_strdup (e164)))
        {
          herald_send_report_add (report, recipients[i], e164, HERALD_RECIPIENT_DUPLICATE, NULL, NULL);
          continue;
        }

      reason = g_hash_table_lookup (invalid, form);
      if (reason != NULL)
        {
          herald_send_report_add (report, recipients[i], e164, HERALD_RECIPIENT_INVALID, NULL, reason);
          continue;
        }

      if (g_hash_table_contains (unsent, form))
        {
          /* the failed request comes first in the unsent list: only its
           * numbers may have gone out */
          guint position = 0;

          for (; unsent_list[position] != NULL && g_strcmp0 (unsent_list[position], form) != 0; position++)
            ;
          herald_send_report_add (report, recipients[i], e164,
                                  fate_unknown && position < HERALD_FLASHSMS_MAX_SEND_RECIPIENTS
                                    ? HERALD_RECIPIENT_FATE_UNKNOWN : HERALD_RECIPIENT_NOT_SENT,
                                  NULL, error != NULL ? error->message : NULL);
          continue;
        }

      /* numbers go out in input order, 1,000 a request, one id each */
      herald_send_report_add (report, recipients[i], e164, HERALD_RECIPIENT_QUEUED,
                              n_ids > 0 ? ids[MIN (n_distinct / HERALD_FLASHSMS_MAX_SEND_RECIPIENTS, n_ids - 1)]
                                        : NULL,
                              NULL);
      n_distinct++;
    }

  for (guint i = 0; i < n_ids; i++)
    herald_send_report_add_message_id (report, ids[i]);
  herald_send_report_set_credits (report, herald_flashsms_send_result_get_credits_used (result),
                                  herald_flashsms_send_result_get_remaining_credits (result));
  herald_send_report_set_error (report, error);
  return g_steal_pointer (&report);
}

static void
flashsms_send_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(HeraldFlashsmsSendResult) sent = NULL;
  HeraldSendReport *report;
  GError *error = NULL;

  sent = herald_flashsms_client_send_finish (HERALD_FLASHSMS_CLIENT (object), result, &error);
  if (sent == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  report = report_from_result (HERALD_FLASHSMS_CLIENT (object), g_task_get_task_data (task), sent);
  if (herald_send_report_count (report, HERALD_RECIPIENT_QUEUED) == 0 &&
      herald_flashsms_send_result_get_message_ids (sent)[0] == NULL)
    {
      /* every number was refused before anything was asked of FlashSMS */
      g_object_unref (report);
      g_task_return_new_error (task, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                               "%s", _("None of the recipients is a mobile number FlashSMS can send to."));
      return;
    }
  g_task_return_pointer (task, report, g_object_unref);
}

static void
flashsms_send_async (HeraldProvider      *provider,
                     HeraldOutgoing      *outgoing,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (provider, cancellable, callback, user_data);
  g_autoptr(HeraldFlashsmsOutgoing) flash = NULL;
  const char * const *recipients;
  const char *refused = NULL;

  g_task_set_source_tag (task, flashsms_send_async);
  g_task_set_task_data (task, herald_outgoing_ref (outgoing), (GDestroyNotify) herald_outgoing_unref);

  if (herald_outgoing_get_device_id (outgoing) != NULL)
    refused = _("a device ID");
  else if (herald_outgoing_get_media_url (outgoing) != NULL)
    refused = _("media");
  if (refused != NULL)
    {
      g_task_return_new_error (task, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                               _("FlashSMS messages cannot have %s. Remove it and send again."), refused);
      return;
    }

  flash = herald_flashsms_outgoing_new (herald_outgoing_get_text (outgoing));
  recipients = herald_outgoing_get_recipients (outgoing);
  for (guint i = 0; recipients[i] != NULL; i++)
    herald_flashsms_outgoing_add_recipient (flash, recipients[i]);
  herald_flashsms_outgoing_set_sender_id (flash, herald_outgoing_get_sender_id (outgoing));
  herald_flashsms_outgoing_set_campaign_name (flash, herald_outgoing_get_campaign_name (outgoing));
  herald_flashsms_outgoing_set_schedule (flash, herald_outgoing_get_schedule (outgoing));

  herald_flashsms_client_send_async (HERALD_FLASHSMS_CLIENT (provider), flash, cancellable,
                                     flashsms_send_cb, g_steal_pointer (&task));
}

HeraldDeliveryState
_herald_flashsms_delivery_state (HeraldFlashsmsStatus status)
{
  switch (status)
    {
    case HERALD_FLASHSMS_STATUS_PENDING: return HERALD_DELIVERY_QUEUED;
    case HERALD_FLASHSMS_STATUS_SENT: return HERALD_DELIVERY_SENT;
    case HERALD_FLASHSMS_STATUS_DELIVERED: return HERALD_DELIVERY_DELIVERED;
    case HERALD_FLASHSMS_STATUS_FAILED: return HERALD_DELIVERY_FAILED;
    case HERALD_FLASHSMS_STATUS_UNKNOWN:
    default: return HERALD_DELIVERY_UNKNOWN;
    }
}

static gssize
state_from_message (gconstpointer message)
{
  return _herald_flashsms_delivery_state (herald_flashsms_message_get_status (message));
}

static const HeraldClientAdapter get_state =
  HERALD_CLIENT_ADAPTER_INT (herald_flashsms_client_get_status_finish, state_from_message,
                             herald_flashsms_message_unref);

static void
flashsms_get_state_async (HeraldProvider      *provider,
                          const char          *message_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  herald_flashsms_client_get_status_async (HERALD_FLASHSMS_CLIENT (provider), message_id, cancellable,
                                           herald_client_adapter_done,
                                           herald_client_adapter_task (provider, &get_state, cancellable,
                                                                       callback, user_data));
}

static gpointer
connection_report_from_check (gconstpointer check)
{
  HeraldFlashsmsBalance *balance = herald_flashsms_key_check_get_balance (check);

  return herald_connection_report_new (balance != NULL ? herald_flashsms_balance_get_balance (balance) : -1,
                                       herald_flashsms_key_check_get_missing (check));
}

static const HeraldClientAdapter test_connection =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_test_connection_finish, connection_report_from_check,
                         herald_flashsms_key_check_unref, g_object_unref);

static void
flashsms_test_connection_async (HeraldProvider      *provider,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  herald_flashsms_client_test_connection_async (HERALD_FLASHSMS_CLIENT (provider), cancellable,
                                                herald_client_adapter_done,
                                                herald_client_adapter_task (provider, &test_connection,
                                                                            cancellable, callback, user_data));
}

static gssize
credits_from_balance (gconstpointer balance)
{
  return (gssize) herald_flashsms_balance_get_balance (balance);
}

static const HeraldClientAdapter get_balance =
  HERALD_CLIENT_ADAPTER_INT (herald_flashsms_client_get_balance_finish, credits_from_balance,
                             herald_flashsms_balance_unref);

static void
flashsms_get_balance_async (HeraldProvider      *provider,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  herald_flashsms_client_get_balance_async (HERALD_FLASHSMS_CLIENT (provider), cancellable,
                                            herald_client_adapter_done,
                                            herald_client_adapter_task (provider, &get_balance, cancellable,
                                                                        callback, user_data));
}

void
_herald_flashsms_provider_iface_init (HeraldProviderInterface *iface)
{
  iface->get_dialect = flashsms_get_dialect;
  iface->get_features = flashsms_get_features;
  iface->send_async = flashsms_send_async;
  iface->get_state_async = flashsms_get_state_async;
  iface->test_connection_async = flashsms_test_connection_async;
  iface->get_balance_async = flashsms_get_balance_async;
}
