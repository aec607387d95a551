/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flixysms"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-flixysms-client.h"
#include "herald-flixysms-provider-private.h"
#include "net/herald-provider-error.h"

/* HeraldProvider over the FlixySMS client: every send goes through the bulk
 * path (split at 100, per-recipient report), which also serves one number. */

static HeraldDialect
flixysms_get_dialect (HeraldProvider *provider)
{
  return HERALD_DIALECT_FLIXYSMS;
}

static HeraldProviderFeatures
flixysms_get_features (HeraldProvider *provider)
{
  return HERALD_PROVIDER_FEATURE_DEVICE_ID | HERALD_PROVIDER_FEATURE_MEDIA | HERALD_PROVIDER_FEATURE_INBOX;
}

static HeraldRecipientOutcome
outcome_for_state (HeraldFlixysmsRecipientState state)
{
  switch (state)
    {
    case HERALD_FLIXYSMS_RECIPIENT_QUEUED: return HERALD_RECIPIENT_QUEUED;
    case HERALD_FLIXYSMS_RECIPIENT_FATE_UNKNOWN: return HERALD_RECIPIENT_FATE_UNKNOWN;
    case HERALD_FLIXYSMS_RECIPIENT_INVALID: return HERALD_RECIPIENT_INVALID;
    case HERALD_FLIXYSMS_RECIPIENT_DUPLICATE: return HERALD_RECIPIENT_DUPLICATE;
    case HERALD_FLIXYSMS_RECIPIENT_NOT_SENT:
    default: return HERALD_RECIPIENT_NOT_SENT;
    }
}

static HeraldSendReport *
report_from_bulk (HeraldFlixysmsBulkReport *bulk,
                  const GError             *error)
{
  g_autoptr(HeraldSendReport) report = herald_send_report_new ();
  guint n = herald_flixysms_bulk_report_get_n_recipients (bulk);

  for (guint i = 0; i < n; i++)
    {
      HeraldFlixysmsRecipientState state = herald_flixysms_bulk_report_get_state (bulk, i);
      const char *reason = NULL;

      if (state == HERALD_FLIXYSMS_RECIPIENT_INVALID)
        reason = herald_flixysms_bulk_report_get_reason_code (bulk, i);
      else if (state == HERALD_FLIXYSMS_RECIPIENT_NOT_SENT ||
               state == HERALD_FLIXYSMS_RECIPIENT_FATE_UNKNOWN)
        reason = error != NULL ? error->message : NULL;

      herald_send_report_add (report,
                              herald_flixysms_bulk_report_get_input (bulk, i),
                              herald_flixysms_bulk_report_get_number (bulk, i),
                              outcome_for_state (state),
                              state == HERALD_FLIXYSMS_RECIPIENT_QUEUED
                                ? herald_flixysms_bulk_report_get_message_id (bulk, i) : NULL,
                              reason);
    }
  herald_send_report_set_error (report, error);
  return g_steal_pointer (&report);
}

static void
flixysms_bulk_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(HeraldFlixysmsBulkReport) bulk = NULL;
  g_autoptr(HeraldSendReport) report = NULL;
  g_autoptr(GError) error = NULL;

  herald_flixysms_client_bulk_finish (HERALD_FLIXYSMS_CLIENT (object), result, &bulk, &error);
  if (error != NULL &&
      (bulk == NULL || herald_flixysms_bulk_report_count (bulk, HERALD_FLIXYSMS_RECIPIENT_QUEUED) == 0))
    {
      /* nothing accepted: the error alone tells it (a fate-unknown batch
       * keeps the error's FATE_UNKNOWN code, so nobody resends blindly) */
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  report = report_from_bulk (bulk, error);
  g_task_return_pointer (task, g_steal_pointer (&report), g_object_unref);
}

static void
flixysms_send_async (HeraldProvider      *provider,
                     HeraldOutgoing      *outgoing,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (provider, cancellable, callback, user_data);
  const char *refused = NULL;

  g_task_set_source_tag (task, flixysms_send_async);

  if (herald_outgoing_get_sender_id (outgoing) != NULL)
    refused = _("a sender ID");
  else if (herald_outgoing_get_schedule (outgoing) != NULL)
    refused = _("a schedule");
  else if (herald_outgoing_get_campaign_name (outgoing) != NULL)
    refused = _("a campaign name");
  if (refused != NULL)
    {
      g_task_return_new_error (task, HERALD_PROVIDER_ERROR, HERALD_PROVIDER_ERROR_INVALID_INPUT,
                               _("FlixySMS messages cannot have %s. Remove it and send again."), refused);
      return;
    }

  herald_flixysms_client_bulk_async (HERALD_FLIXYSMS_CLIENT (provider),
                                     herald_outgoing_get_recipients (outgoing),
                                     herald_outgoing_get_text (outgoing),
                                     herald_outgoing_get_device_id (outgoing),
                                     herald_outgoing_get_media_url (outgoing),
                                     cancellable, flixysms_bulk_cb, g_steal_pointer (&task));
}

static void
flixysms_status_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(HeraldFlixysmsMessageStatus) status = NULL;
  GError *error = NULL;

  status = herald_flixysms_client_status_finish (HERALD_FLIXYSMS_CLIENT (object), result, &error);
  if (status == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, herald_delivery_state_from_string (herald_flixysms_message_status_get_status (status)));
}

static void
flixysms_get_state_async (HeraldProvider      *provider,
                          const char          *message_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = g_task_new (provider, cancellable, callback, user_data);

  g_task_set_source_tag (task, flixysms_get_state_async);
  herald_flixysms_client_status_async (HERALD_FLIXYSMS_CLIENT (provider), message_id, cancellable,
                                       flixysms_status_cb, task);
}

static void
flixysms_test_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!herald_flixysms_client_test_connection_finish (HERALD_FLIXYSMS_CLIENT (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, herald_connection_report_new (-1, NULL), g_object_unref);
}

static void
flixysms_test_connection_async (HeraldProvider      *provider,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (provider, cancellable, callback, user_data);

  g_task_set_source_tag (task, flixysms_test_connection_async);
  herald_flixysms_client_test_connection_async (HERALD_FLIXYSMS_CLIENT (provider), cancellable,
                                                flixysms_test_cb, task);
}

static gboolean
flixysms_validate_media_url (HeraldProvider  *provider,
                             const char      *media_url,
                             GError         **error)
{
  return herald_flixysms_validate_media_url (media_url, error);
}

void
_herald_flixysms_provider_iface_init (HeraldProviderInterface *iface)
{
  iface->get_dialect = flixysms_get_dialect;
  iface->get_features = flixysms_get_features;
  iface->send_async = flixysms_send_async;
  iface->get_state_async = flixysms_get_state_async;
  iface->test_connection_async = flixysms_test_connection_async;
  iface->validate_media_url = flixysms_validate_media_url;
}

/* ---- HeraldMessageDetails ------------------------------------------------- */

/* FlixySMS says of a message its status, the device that sent it and when
 * it was delivered. */
static HeraldSentMessage *
sent_message_from_status (HeraldFlixysmsMessageStatus *status)
{
  HeraldSentMessage *message = herald_sent_message_new ();

  message->fields = HERALD_SENT_MESSAGE_DEVICE_ID | HERALD_SENT_MESSAGE_DELIVERED_AT;
  message->id = g_strdup (herald_flixysms_message_status_get_message_id (status));
  message->provider_status = g_strdup (herald_flixysms_message_status_get_status (status));
  message->state = herald_delivery_state_from_string (message->provider_status);
  message->device_id = g_strdup (herald_flixysms_message_status_get_device_id (status));
  if (herald_flixysms_message_status_get_delivered_at (status) != NULL)
    message->delivered_at = g_date_time_ref (herald_flixysms_message_status_get_delivered_at (status));
  return message;
}

static void
flixysms_get_message_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(HeraldFlixysmsMessageStatus) status = NULL;
  GError *error = NULL;

  status = herald_flixysms_client_status_finish (HERALD_FLIXYSMS_CLIENT (object), result, &error);
  if (status == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sent_message_from_status (status), (GDestroyNotify) herald_sent_message_unref);
}

static void
flixysms_get_message_async (HeraldMessageDetails *details,
                            const char           *message_id,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  GTask *task = g_task_new (details, cancellable, callback, user_data);

  g_task_set_source_tag (task, flixysms_get_message_async);
  herald_flixysms_client_status_async (HERALD_FLIXYSMS_CLIENT (details), message_id, cancellable,
                                       flixysms_get_message_cb, task);
}

void
_herald_flixysms_message_details_iface_init (HeraldMessageDetailsInterface *iface)
{
  iface->get_message_async = flixysms_get_message_async;
}
