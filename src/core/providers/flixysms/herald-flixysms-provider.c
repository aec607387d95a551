/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flixysms"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-flixysms-client.h"
#include "herald-flixysms-provider-private.h"
#include "providers/herald-client-adapter-private.h"
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
  return HERALD_PROVIDER_FEATURE_DEVICE_ID | HERALD_PROVIDER_FEATURE_MEDIA;
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

static gssize
state_from_status (gconstpointer value)
{
  HeraldFlixysmsMessageStatus *status = (HeraldFlixysmsMessageStatus *) value;

  return herald_delivery_state_from_string (herald_flixysms_message_status_get_status (status));
}

static const HeraldClientAdapter get_state =
  HERALD_CLIENT_ADAPTER_INT (herald_flixysms_client_status_finish, state_from_status,
                             herald_flixysms_message_status_unref);

static void
flixysms_get_state_async (HeraldProvider      *provider,
                          const char          *message_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  herald_flixysms_client_status_async (HERALD_FLIXYSMS_CLIENT (provider), message_id, cancellable,
                                       herald_client_adapter_done,
                                       herald_client_adapter_task (provider, &get_state, cancellable,
                                                                   callback, user_data));
}

/* The key works: FlixySMS says nothing of credits or scopes. */
static gpointer
connection_report_new (gconstpointer nothing)
{
  return herald_connection_report_new (-1, NULL);
}

static const HeraldClientAdapter test_connection =
  HERALD_CLIENT_ADAPTER_BOOLEAN (herald_flixysms_client_test_connection_finish, connection_report_new,
                                 g_object_unref);

static void
flixysms_test_connection_async (HeraldProvider      *provider,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  herald_flixysms_client_test_connection_async (HERALD_FLIXYSMS_CLIENT (provider), cancellable,
                                                herald_client_adapter_done,
                                                herald_client_adapter_task (provider, &test_connection,
                                                                            cancellable, callback, user_data));
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
static gpointer
sent_message_from_status (gconstpointer value)
{
  HeraldFlixysmsMessageStatus *status = (HeraldFlixysmsMessageStatus *) value;
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

static const HeraldClientAdapter get_message =
  HERALD_CLIENT_ADAPTER (herald_flixysms_client_status_finish, sent_message_from_status,
                         herald_flixysms_message_status_unref, herald_sent_message_unref);

static void
flixysms_get_message (HeraldMessageDetails *details,
                      const char           *message_id,
                      GTask                *task)
{
  herald_flixysms_client_status_async (HERALD_FLIXYSMS_CLIENT (details), message_id, g_task_get_cancellable (task),
                                       herald_client_adapter_done, herald_client_adapter_answer (task, &get_message));
}

void
_herald_flixysms_message_details_iface_init (HeraldMessageDetailsInterface *iface)
{
  iface->get_message = flixysms_get_message;
}

/* ---- HeraldInboxSource: GET /messages/received ----------------------------- */

static HeraldReceivedMessage *
received_message_from_flixysms (HeraldFlixysmsReceivedMessage *message)
{
  const char *type = herald_flixysms_received_message_get_message_type (message);

  return g_object_new (HERALD_TYPE_RECEIVED_MESSAGE,
                       "id", herald_flixysms_received_message_get_id (message),
                       "from", herald_flixysms_received_message_get_from (message),
                       "text", herald_flixysms_received_message_get_message (message),
                       "received-at", herald_flixysms_received_message_get_received_at (message),
                       "device-id", herald_flixysms_received_message_get_device_id (message),
                       "device-name", herald_flixysms_received_message_get_device_name (message),
                       "device-phone", herald_flixysms_received_message_get_device_phone (message),
                       "message-type", herald_message_type_from_string (type),
                       "sim-slot", herald_flixysms_received_message_get_sim_slot (message),
                       NULL);
}

static gpointer
received_page_from_flixysms (gconstpointer value)
{
  HeraldFlixysmsReceivedPage *page = (HeraldFlixysmsReceivedPage *) value;
  GListModel *messages = herald_flixysms_received_page_get_items (page);
  g_autoptr(GListStore) items = g_list_store_new (HERALD_TYPE_RECEIVED_MESSAGE);
  guint n = g_list_model_get_n_items (messages);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldFlixysmsReceivedMessage) message = g_list_model_get_item (messages, i);
      g_autoptr(HeraldReceivedMessage) item = received_message_from_flixysms (message);

      g_list_store_append (items, item);
    }

  return herald_received_page_new (G_LIST_MODEL (items),
                                   herald_flixysms_received_page_get_page (page),
                                   herald_flixysms_received_page_get_per_page (page),
                                   herald_flixysms_received_page_get_total (page),
                                   herald_flixysms_received_page_get_total_pages (page),
                                   herald_flixysms_received_page_get_has_more (page));
}

static const HeraldClientAdapter list_received =
  HERALD_CLIENT_ADAPTER (herald_flixysms_client_received_finish, received_page_from_flixysms,
                         herald_flixysms_received_page_unref, herald_received_page_unref);

static void
flixysms_list_received (HeraldInboxSource          *source,
                        const HeraldReceivedFilter *filter,
                        guint                       page,
                        guint                       per_page,
                        GTask                      *task)
{
  HeraldFlixysmsReceivedFilter flixysms_filter = { NULL };

  if (filter != NULL)
    {
      flixysms_filter.from = filter->from;
      flixysms_filter.device_id = filter->device_id;
      flixysms_filter.since = filter->since;
      flixysms_filter.until = filter->until;
    }

  /* the client copies the filter before this returns */
  herald_flixysms_client_received_async (HERALD_FLIXYSMS_CLIENT (source), &flixysms_filter, page, per_page,
                                         g_task_get_cancellable (task), herald_client_adapter_done,
                                         herald_client_adapter_answer (task, &list_received));
}

void
_herald_flixysms_inbox_source_iface_init (HeraldInboxSourceInterface *iface)
{
  iface->list_received = flixysms_list_received;
}
