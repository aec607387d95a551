/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flashsms"

#include "config.h"

#include "herald-flashsms-client.h"
#include "herald-flashsms-provider-private.h"
#include "providers/herald-client-adapter-private.h"

/* The optional capabilities over the FlashSMS client: each call is the
 * client's endpoint, its answer converted into the dialect-neutral values
 * of providers/ (every field the pages and heraldctl show), through one
 * HeraldClientAdapter row per call (providers/herald-client-adapter-private.h). */

/* ---- conversions ------------------------------------------------------------ */

static GDateTime *
ref_time (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

static void
pagination_from_flashsms (HeraldPagination               *pagination,
                          const HeraldFlashsmsPagination *flash)
{
  pagination->page = flash->page;
  pagination->limit = flash->limit;
  pagination->total = flash->total;
  pagination->total_pages = flash->total_pages;
  pagination->has_more = flash->has_more;
}

static GPtrArray *
map_array (GPtrArray      *values,
           gpointer      (*convert) (gconstpointer value),
           GDestroyNotify  free_func)
{
  GPtrArray *items = g_ptr_array_new_full (values->len, free_func);

  for (guint i = 0; i < values->len; i++)
    g_ptr_array_add (items, convert (g_ptr_array_index (values, i)));
  return items;
}

static gpointer
sent_message_from_flashsms (gconstpointer value)
{
  const HeraldFlashsmsMessage *flash = value;
  HeraldSentMessage *message = herald_sent_message_new ();

  message->fields = HERALD_SENT_MESSAGE_TEXT | HERALD_SENT_MESSAGE_RECIPIENT_COUNT |
                    HERALD_SENT_MESSAGE_CREDITS_USED | HERALD_SENT_MESSAGE_SENDER_ID |
                    HERALD_SENT_MESSAGE_CAMPAIGN_NAME | HERALD_SENT_MESSAGE_CREATED_AT |
                    HERALD_SENT_MESSAGE_SENT_AT | HERALD_SENT_MESSAGE_SCHEDULED_AT;
  message->id = g_strdup (herald_flashsms_message_get_id (flash));
  message->provider_status = g_strdup (herald_flashsms_message_get_status_string (flash));
  message->state = _herald_flashsms_delivery_state (herald_flashsms_message_get_status (flash));
  message->text = g_strdup (herald_flashsms_message_get_text (flash));
  message->recipient_count = herald_flashsms_message_get_recipient_count (flash);
  message->credits_used = herald_flashsms_message_get_credits_used (flash);
  message->sender_id = g_strdup (herald_flashsms_message_get_sender_id (flash));
  message->campaign_name = g_strdup (herald_flashsms_message_get_campaign_name (flash));
  message->created_at = ref_time (herald_flashsms_message_get_created_at (flash));
  message->sent_at = ref_time (herald_flashsms_message_get_sent_at (flash));
  message->scheduled_at = ref_time (herald_flashsms_message_get_scheduled_at (flash));
  return message;
}

static gpointer
history_page_from_flashsms (gconstpointer value)
{
  const HeraldFlashsmsHistoryPage *flash = value;
  HeraldRemotePage *page;

  page = herald_remote_page_new (map_array (herald_flashsms_history_page_get_messages (flash),
                                            sent_message_from_flashsms,
                                            (GDestroyNotify) herald_sent_message_unref));
  pagination_from_flashsms (&page->pagination, herald_flashsms_history_page_get_pagination (flash));
  return page;
}

static gpointer
sent_messages_from_flashsms (gconstpointer value)
{
  return map_array ((GPtrArray *) value, sent_message_from_flashsms, (GDestroyNotify) herald_sent_message_unref);
}

static gpointer
report_from_flashsms (gconstpointer value)
{
  const HeraldFlashsmsReport *flash = value;
  const HeraldFlashsmsRecipientState *states;
  HeraldDeliveryReport *report;
  guint n = 0;

  states = herald_flashsms_report_get_recipients (flash, &n);
  report = herald_delivery_report_new (n);
  report->message_id = g_strdup (herald_flashsms_report_get_message_id (flash));
  report->state = _herald_flashsms_delivery_state (herald_flashsms_report_get_status (flash));
  report->provider_status = g_strdup (herald_flashsms_report_get_status_string (flash));
  report->recipient_count = herald_flashsms_report_get_recipient_count (flash);
  report->delivered = herald_flashsms_report_get_delivered (flash);
  report->failed = herald_flashsms_report_get_failed (flash);
  report->pending = herald_flashsms_report_get_pending (flash);
  report->delivery_rate = herald_flashsms_report_get_delivery_rate (flash);
  for (guint i = 0; i < n; i++)
    {
      report->recipients[i].phone = g_strdup (states[i].phone);
      report->recipients[i].state = _herald_flashsms_delivery_state (states[i].status);
      report->recipients[i].provider_status = g_strdup (states[i].status_string);
      report->recipients[i].sent_at = ref_time (states[i].sent_at);
    }
  return report;
}

static gpointer
balance_from_flashsms (gconstpointer value)
{
  const HeraldFlashsmsBalance *flash = value;
  HeraldBalanceDetails *balance = herald_balance_details_new ();

  balance->balance = herald_flashsms_balance_get_balance (flash);
  balance->currency = g_strdup (herald_flashsms_balance_get_currency (flash));
  balance->account_name = g_strdup (herald_flashsms_balance_get_account_name (flash));
  balance->account_phone = g_strdup (herald_flashsms_balance_get_account_phone (flash));
  return balance;
}

static HeraldTransactionKind
kind_from_flashsms (HeraldFlashsmsTransactionType type)
{
  switch (type)
    {
    case HERALD_FLASHSMS_TRANSACTION_PURCHASE: return HERALD_TRANSACTION_PURCHASE;
    case HERALD_FLASHSMS_TRANSACTION_USAGE: return HERALD_TRANSACTION_USAGE;
    case HERALD_FLASHSMS_TRANSACTION_REFUND: return HERALD_TRANSACTION_REFUND;
    case HERALD_FLASHSMS_TRANSACTION_BONUS: return HERALD_TRANSACTION_BONUS;
    case HERALD_FLASHSMS_TRANSACTION_ADJUSTMENT: return HERALD_TRANSACTION_ADJUSTMENT;
    case HERALD_FLASHSMS_TRANSACTION_UNKNOWN:
    default: return HERALD_TRANSACTION_UNKNOWN;
    }
}

static HeraldFlashsmsTransactionType
kind_to_flashsms (HeraldTransactionKind kind)
{
  switch (kind)
    {
    case HERALD_TRANSACTION_PURCHASE: return HERALD_FLASHSMS_TRANSACTION_PURCHASE;
    case HERALD_TRANSACTION_USAGE: return HERALD_FLASHSMS_TRANSACTION_USAGE;
    case HERALD_TRANSACTION_REFUND: return HERALD_FLASHSMS_TRANSACTION_REFUND;
    case HERALD_TRANSACTION_BONUS: return HERALD_FLASHSMS_TRANSACTION_BONUS;
    case HERALD_TRANSACTION_ADJUSTMENT: return HERALD_FLASHSMS_TRANSACTION_ADJUSTMENT;
    case HERALD_TRANSACTION_UNKNOWN:
    default: return HERALD_FLASHSMS_TRANSACTION_UNKNOWN;
    }
}

static HeraldFlashsmsStatus
status_to_flashsms (HeraldDeliveryState state)
{
  switch (state)
    {
    case HERALD_DELIVERY_QUEUED: return HERALD_FLASHSMS_STATUS_PENDING;
    case HERALD_DELIVERY_SENT: return HERALD_FLASHSMS_STATUS_SENT;
    case HERALD_DELIVERY_DELIVERED: return HERALD_FLASHSMS_STATUS_DELIVERED;
    case HERALD_DELIVERY_FAILED: return HERALD_FLASHSMS_STATUS_FAILED;
    case HERALD_DELIVERY_UNKNOWN:
    default: return HERALD_FLASHSMS_STATUS_UNKNOWN;
    }
}

static gpointer
transaction_from_flashsms (gconstpointer value)
{
  const HeraldFlashsmsTransaction *flash = value;
  HeraldTransaction *transaction = herald_transaction_new ();

  transaction->id = g_strdup (herald_flashsms_transaction_get_id (flash));
  transaction->kind = kind_from_flashsms (herald_flashsms_transaction_get_kind (flash));
  transaction->kind_string = g_strdup (herald_flashsms_transaction_get_kind_string (flash));
  transaction->amount = herald_flashsms_transaction_get_amount (flash);
  transaction->balance_after = herald_flashsms_transaction_get_balance (flash);
  transaction->description = g_strdup (herald_flashsms_transaction_get_description (flash));
  transaction->reference = g_strdup (herald_flashsms_transaction_get_reference (flash));
  transaction->created_at = ref_time (herald_flashsms_transaction_get_created_at (flash));
  return transaction;
}

static gpointer
transaction_page_from_flashsms (gconstpointer value)
{
  const HeraldFlashsmsTransactionPage *flash = value;
  HeraldRemotePage *page;

  page = herald_remote_page_new (map_array (herald_flashsms_transaction_page_get_transactions (flash),
                                            transaction_from_flashsms,
                                            (GDestroyNotify) herald_transaction_unref));
  pagination_from_flashsms (&page->pagination, herald_flashsms_transaction_page_get_pagination (flash));
  return page;
}

static gpointer
sender_id_from_flashsms (gconstpointer value)
{
  const HeraldFlashsmsSenderId *flash = value;
  HeraldSenderId *sender = herald_sender_id_new ();

  sender->id = g_strdup (herald_flashsms_sender_id_get_id (flash));
  sender->name = g_strdup (herald_flashsms_sender_id_get_name (flash));
  sender->status = g_strdup (herald_flashsms_sender_id_get_status (flash));
  sender->created_at = ref_time (herald_flashsms_sender_id_get_created_at (flash));
  sender->approved_at = ref_time (herald_flashsms_sender_id_get_approved_at (flash));
  return sender;
}

static gpointer
sender_ids_from_flashsms (gconstpointer value)
{
  return map_array ((GPtrArray *) value, sender_id_from_flashsms, (GDestroyNotify) herald_sender_id_unref);
}

static gpointer
contact_from_flashsms (gconstpointer value)
{
  const HeraldFlashsmsContact *flash = value;
  HeraldDirectoryContact *contact = herald_directory_contact_new ();

  contact->id = g_strdup (herald_flashsms_contact_get_id (flash));
  contact->phone = g_strdup (herald_flashsms_contact_get_phone (flash));
  contact->first_name = g_strdup (herald_flashsms_contact_get_first_name (flash));
  contact->last_name = g_strdup (herald_flashsms_contact_get_last_name (flash));
  contact->email = g_strdup (herald_flashsms_contact_get_email (flash));
  contact->created_at = ref_time (herald_flashsms_contact_get_created_at (flash));
  return contact;
}

static gpointer
contact_page_from_flashsms (gconstpointer value)
{
  const HeraldFlashsmsContactPage *flash = value;
  HeraldRemotePage *page;

  page = herald_remote_page_new (map_array (herald_flashsms_contact_page_get_contacts (flash),
                                            contact_from_flashsms,
                                            (GDestroyNotify) herald_directory_contact_unref));
  pagination_from_flashsms (&page->pagination, herald_flashsms_contact_page_get_pagination (flash));
  return page;
}

static gpointer
import_from_flashsms (gconstpointer value)
{
  const HeraldFlashsmsImportResult *flash = value;
  HeraldDirectoryImport *import = herald_directory_import_new ();

  import->imported = herald_flashsms_import_result_get_imported (flash);
  import->created = herald_flashsms_import_result_get_created (flash);
  import->skipped = herald_flashsms_import_result_get_skipped (flash);
  import->invalid = herald_flashsms_import_result_get_invalid (flash);
  import->total = herald_flashsms_import_result_get_total (flash);
  import->n_requests = herald_flashsms_import_result_get_n_requests (flash);
  return import;
}

static gpointer
group_from_flashsms (gconstpointer value)
{
  const HeraldFlashsmsGroup *flash = value;
  HeraldDirectoryGroup *group = herald_directory_group_new ();

  group->id = g_strdup (herald_flashsms_group_get_id (flash));
  group->name = g_strdup (herald_flashsms_group_get_name (flash));
  group->contact_count = herald_flashsms_group_get_contact_count (flash);
  group->created_at = ref_time (herald_flashsms_group_get_created_at (flash));
  return group;
}

static gpointer
groups_from_flashsms (gconstpointer value)
{
  return map_array ((GPtrArray *) value, group_from_flashsms, (GDestroyNotify) herald_directory_group_unref);
}

static gpointer
template_from_flashsms (gconstpointer value)
{
  const HeraldFlashsmsTemplate *flash = value;
  HeraldDirectoryTemplate *template = herald_directory_template_new ();

  template->id = g_strdup (herald_flashsms_template_get_id (flash));
  template->name = g_strdup (herald_flashsms_template_get_name (flash));
  template->content = g_strdup (herald_flashsms_template_get_content (flash));
  template->created_at = ref_time (herald_flashsms_template_get_created_at (flash));
  template->updated_at = ref_time (herald_flashsms_template_get_updated_at (flash));
  return template;
}

static gpointer
templates_from_flashsms (gconstpointer value)
{
  return map_array ((GPtrArray *) value, template_from_flashsms, (GDestroyNotify) herald_directory_template_unref);
}

static gpointer
estimate_from_flashsms (gconstpointer value)
{
  const HeraldFlashsmsEstimate *flash = value;
  HeraldCostEstimate *cost = herald_cost_estimate_new ();

  cost->length = herald_flashsms_estimate_get_length (flash);
  cost->parts = herald_flashsms_estimate_get_parts (flash);
  cost->encoding = g_strdup (herald_flashsms_estimate_get_encoding (flash));
  cost->recipient_count = herald_flashsms_estimate_get_recipient_count (flash);
  cost->credits_required = herald_flashsms_estimate_get_credits_required (flash);
  cost->current_balance = herald_flashsms_estimate_get_current_balance (flash);
  cost->can_afford = herald_flashsms_estimate_get_can_afford (flash);
  return cost;
}

#define CLIENT(self) HERALD_FLASHSMS_CLIENT (self)

/* ---- HeraldMessageDetails --------------------------------------------------- */

static const HeraldClientAdapter get_message =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_get_status_finish, sent_message_from_flashsms,
                         herald_flashsms_message_unref, herald_sent_message_unref);

static void
flashsms_get_message (HeraldMessageDetails *self,
                      const char           *message_id,
                      GTask                *task)
{
  herald_flashsms_client_get_status_async (CLIENT (self), message_id, g_task_get_cancellable (task),
                                           herald_client_adapter_done,
                                           herald_client_adapter_answer (task, &get_message));
}

void
_herald_flashsms_message_details_iface_init (HeraldMessageDetailsInterface *iface)
{
  iface->get_message = flashsms_get_message;
}

/* ---- HeraldHistorySource ---------------------------------------------------- */

static const HeraldClientAdapter list_history =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_list_history_finish, history_page_from_flashsms,
                         herald_flashsms_history_page_unref, herald_remote_page_unref);
static const HeraldClientAdapter list_all_history =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_list_all_history_finish, sent_messages_from_flashsms,
                         g_ptr_array_unref, g_ptr_array_unref);
static const HeraldClientAdapter get_report =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_get_report_finish, report_from_flashsms,
                         herald_flashsms_report_unref, herald_delivery_report_unref);

static HeraldFlashsmsHistoryFilter
history_filter (const HeraldHistoryFilter *filter)
{
  HeraldFlashsmsHistoryFilter flash = { HERALD_FLASHSMS_STATUS_UNKNOWN, NULL, NULL };

  if (filter != NULL)
    {
      flash.status = status_to_flashsms (filter->state);
      flash.start_date = filter->since;
      flash.end_date = filter->until;
    }
  return flash;
}

static void
flashsms_list_history (HeraldHistorySource       *self,
                       const HeraldHistoryFilter *filter,
                       guint                      page,
                       guint                      limit,
                       GTask                     *task)
{
  HeraldFlashsmsHistoryFilter flash = history_filter (filter);

  herald_flashsms_client_list_history_async (CLIENT (self), &flash, page, limit,
                                             g_task_get_cancellable (task), herald_client_adapter_done,
                                             herald_client_adapter_answer (task, &list_history));
}

static void
flashsms_list_all_history (HeraldHistorySource       *self,
                           const HeraldHistoryFilter *filter,
                           GTask                     *task)
{
  HeraldFlashsmsHistoryFilter flash = history_filter (filter);

  herald_flashsms_client_list_all_history_async (CLIENT (self), &flash, g_task_get_cancellable (task),
                                                 herald_client_adapter_done,
                                                 herald_client_adapter_answer (task, &list_all_history));
}

static void
flashsms_get_report (HeraldHistorySource *self,
                     const char          *message_id,
                     GTask               *task)
{
  herald_flashsms_client_get_report_async (CLIENT (self), message_id, g_task_get_cancellable (task),
                                           herald_client_adapter_done,
                                           herald_client_adapter_answer (task, &get_report));
}

void
_herald_flashsms_history_source_iface_init (HeraldHistorySourceInterface *iface)
{
  iface->list_history = flashsms_list_history;
  iface->list_all_history = flashsms_list_all_history;
  iface->get_report = flashsms_get_report;
}

/* ---- HeraldCreditAccount ---------------------------------------------------- */

static const HeraldClientAdapter get_balance_details =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_get_balance_finish, balance_from_flashsms,
                         herald_flashsms_balance_unref, herald_balance_details_unref);
static const HeraldClientAdapter list_transactions =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_list_transactions_finish, transaction_page_from_flashsms,
                         herald_flashsms_transaction_page_unref, herald_remote_page_unref);

static void
flashsms_get_balance_details (HeraldCreditAccount *self,
                              GTask               *task)
{
  herald_flashsms_client_get_balance_async (CLIENT (self), g_task_get_cancellable (task),
                                            herald_client_adapter_done,
                                            herald_client_adapter_answer (task, &get_balance_details));
}

static void
flashsms_list_transactions (HeraldCreditAccount           *self,
                            const HeraldTransactionFilter *filter,
                            guint                          page,
                            guint                          limit,
                            GTask                         *task)
{
  HeraldFlashsmsTransactionFilter flash = { HERALD_FLASHSMS_TRANSACTION_UNKNOWN, NULL, NULL };

  if (filter != NULL)
    {
      flash.type = kind_to_flashsms (filter->kind);
      flash.start_date = filter->since;
      flash.end_date = filter->until;
    }
  herald_flashsms_client_list_transactions_async (CLIENT (self), &flash, page, limit,
                                                  g_task_get_cancellable (task), herald_client_adapter_done,
                                                  herald_client_adapter_answer (task, &list_transactions));
}

void
_herald_flashsms_credit_account_iface_init (HeraldCreditAccountInterface *iface)
{
  iface->get_balance_details = flashsms_get_balance_details;
  iface->list_transactions = flashsms_list_transactions;
}

/* ---- HeraldSenderIdSource --------------------------------------------------- */

static const HeraldClientAdapter list_sender_ids =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_list_sender_ids_finish, sender_ids_from_flashsms,
                         g_ptr_array_unref, g_ptr_array_unref);

static void
flashsms_list_sender_ids (HeraldSenderIdSource *self,
                          GTask                *task)
{
  herald_flashsms_client_list_sender_ids_async (CLIENT (self), g_task_get_cancellable (task),
                                                herald_client_adapter_done,
                                                herald_client_adapter_answer (task, &list_sender_ids));
}

void
_herald_flashsms_sender_id_source_iface_init (HeraldSenderIdSourceInterface *iface)
{
  iface->list_sender_ids = flashsms_list_sender_ids;
}

/* ---- HeraldRemoteDirectory -------------------------------------------------- */

static const HeraldClientAdapter list_contacts =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_list_contacts_finish, contact_page_from_flashsms,
                         herald_flashsms_contact_page_unref, herald_remote_page_unref);
static const HeraldClientAdapter search_contacts =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_search_contacts_finish, contact_page_from_flashsms,
                         herald_flashsms_contact_page_unref, herald_remote_page_unref);
static const HeraldClientAdapter create_contact =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_create_contact_finish, contact_from_flashsms,
                         herald_flashsms_contact_unref, herald_directory_contact_unref);
static const HeraldClientAdapter update_contact =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_update_contact_finish, contact_from_flashsms,
                         herald_flashsms_contact_unref, herald_directory_contact_unref);
static const HeraldClientAdapter delete_contact =
  HERALD_CLIENT_ADAPTER_BOOLEAN (herald_flashsms_client_delete_contact_finish, NULL, NULL);
static const HeraldClientAdapter import_contacts =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_import_contacts_finish, import_from_flashsms,
                         herald_flashsms_import_result_unref, herald_directory_import_unref);
static const HeraldClientAdapter list_groups =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_list_groups_finish, groups_from_flashsms, g_ptr_array_unref,
                         g_ptr_array_unref);
static const HeraldClientAdapter create_group =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_create_group_finish, group_from_flashsms,
                         herald_flashsms_group_unref, herald_directory_group_unref);
static const HeraldClientAdapter delete_group =
  HERALD_CLIENT_ADAPTER_BOOLEAN (herald_flashsms_client_delete_group_finish, NULL, NULL);
static const HeraldClientAdapter list_templates =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_list_templates_finish, templates_from_flashsms,
                         g_ptr_array_unref, g_ptr_array_unref);
static const HeraldClientAdapter create_template =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_create_template_finish, template_from_flashsms,
                         herald_flashsms_template_unref, herald_directory_template_unref);
static const HeraldClientAdapter update_template =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_update_template_finish, template_from_flashsms,
                         herald_flashsms_template_unref, herald_directory_template_unref);
static const HeraldClientAdapter delete_template =
  HERALD_CLIENT_ADAPTER_BOOLEAN (herald_flashsms_client_delete_template_finish, NULL, NULL);

static HeraldFlashsmsContactFields
contact_fields (const HeraldDirectoryContactFields *fields)
{
  HeraldFlashsmsContactFields flash = { fields->phone, fields->first_name, fields->last_name, fields->email };

  return flash;
}

static const char *
flashsms_get_default_region (HeraldRemoteDirectory *self)
{
  return herald_rest_client_get_default_region (HERALD_REST_CLIENT (self));
}

static void
flashsms_list_contacts (HeraldRemoteDirectory *self,
                        guint                  page,
                        guint                  limit,
                        const char            *group_id,
                        GTask                 *task)
{
  herald_flashsms_client_list_contacts_async (CLIENT (self), page, limit, NULL, group_id,
                                              g_task_get_cancellable (task), herald_client_adapter_done,
                                              herald_client_adapter_answer (task, &list_contacts));
}

static void
flashsms_search_contacts (HeraldRemoteDirectory *self,
                          const char            *query,
                          guint                  page,
                          guint                  limit,
                          GTask                 *task)
{
  herald_flashsms_client_search_contacts_async (CLIENT (self), query, page, limit,
                                                g_task_get_cancellable (task), herald_client_adapter_done,
                                                herald_client_adapter_answer (task, &search_contacts));
}

static void
flashsms_create_contact (HeraldRemoteDirectory              *self,
                         const HeraldDirectoryContactFields *fields,
                         const char                         *group_id,
                         GTask                              *task)
{
  HeraldFlashsmsContactFields flash = contact_fields (fields);

  herald_flashsms_client_create_contact_async (CLIENT (self), &flash, group_id, g_task_get_cancellable (task),
                                               herald_client_adapter_done,
                                               herald_client_adapter_answer (task, &create_contact));
}

static void
flashsms_update_contact (HeraldRemoteDirectory              *self,
                         const char                         *contact_id,
                         const HeraldDirectoryContactFields *fields,
                         const char                         *group_id,
                         GTask                              *task)
{
  HeraldFlashsmsContactFields flash = contact_fields (fields);

  herald_flashsms_client_update_contact_async (CLIENT (self), contact_id, &flash, group_id,
                                               g_task_get_cancellable (task), herald_client_adapter_done,
                                               herald_client_adapter_answer (task, &update_contact));
}

static void
flashsms_delete_contact (HeraldRemoteDirectory *self,
                         const char            *contact_id,
                         GTask                 *task)
{
  herald_flashsms_client_delete_contact_async (CLIENT (self), contact_id, g_task_get_cancellable (task),
                                               herald_client_adapter_done,
                                               herald_client_adapter_answer (task, &delete_contact));
}

static void
flashsms_import_contacts (HeraldRemoteDirectory              *self,
                          const HeraldDirectoryContactFields *contacts,
                          guint                               n_contacts,
                          const char                         *group_id,
                          GTask                              *task)
{
  g_autofree HeraldFlashsmsContactFields *flash = g_new0 (HeraldFlashsmsContactFields, MAX (n_contacts, 1));

  /* the client copies them before it returns */
  for (guint i = 0; i < n_contacts; i++)
    flash[i] = contact_fields (&contacts[i]);
  herald_flashsms_client_import_contacts_async (CLIENT (self), flash, n_contacts, group_id,
                                                g_task_get_cancellable (task), herald_client_adapter_done,
                                                herald_client_adapter_answer (task, &import_contacts));
}

static void
flashsms_list_groups (HeraldRemoteDirectory *self,
                      GTask                 *task)
{
  herald_flashsms_client_list_groups_async (CLIENT (self), g_task_get_cancellable (task),
                                            herald_client_adapter_done,
                                            herald_client_adapter_answer (task, &list_groups));
}

static void
flashsms_create_group (HeraldRemoteDirectory *self,
                       const char            *name,
                       GTask                 *task)
{
  herald_flashsms_client_create_group_async (CLIENT (self), name, g_task_get_cancellable (task),
                                             herald_client_adapter_done,
                                             herald_client_adapter_answer (task, &create_group));
}

static void
flashsms_delete_group (HeraldRemoteDirectory *self,
                       const char            *group_id,
                       GTask                 *task)
{
  herald_flashsms_client_delete_group_async (CLIENT (self), group_id, g_task_get_cancellable (task),
                                             herald_client_adapter_done,
                                             herald_client_adapter_answer (task, &delete_group));
}

static void
flashsms_list_templates (HeraldRemoteDirectory *self,
                         GTask                 *task)
{
  herald_flashsms_client_list_templates_async (CLIENT (self), g_task_get_cancellable (task),
                                               herald_client_adapter_done,
                                               herald_client_adapter_answer (task, &list_templates));
}

static void
flashsms_create_template (HeraldRemoteDirectory *self,
                          const char            *name,
                          const char            *content,
                          GTask                 *task)
{
  herald_flashsms_client_create_template_async (CLIENT (self), name, content, g_task_get_cancellable (task),
                                                herald_client_adapter_done,
                                                herald_client_adapter_answer (task, &create_template));
}

static void
flashsms_update_template (HeraldRemoteDirectory *self,
                          const char            *template_id,
                          const char            *name,
                          const char            *content,
                          GTask                 *task)
{
  herald_flashsms_client_update_template_async (CLIENT (self), template_id, name, content,
                                                g_task_get_cancellable (task), herald_client_adapter_done,
                                                herald_client_adapter_answer (task, &update_template));
}

static void
flashsms_delete_template (HeraldRemoteDirectory *self,
                          const char            *template_id,
                          GTask                 *task)
{
  herald_flashsms_client_delete_template_async (CLIENT (self), template_id, g_task_get_cancellable (task),
                                                herald_client_adapter_done,
                                                herald_client_adapter_answer (task, &delete_template));
}

void
_herald_flashsms_remote_directory_iface_init (HeraldRemoteDirectoryInterface *iface)
{
  iface->get_default_region = flashsms_get_default_region;
  iface->list_contacts = flashsms_list_contacts;
  iface->search_contacts = flashsms_search_contacts;
  iface->create_contact = flashsms_create_contact;
  iface->update_contact = flashsms_update_contact;
  iface->delete_contact = flashsms_delete_contact;
  iface->import_contacts = flashsms_import_contacts;
  iface->list_groups = flashsms_list_groups;
  iface->create_group = flashsms_create_group;
  iface->delete_group = flashsms_delete_group;
  iface->list_templates = flashsms_list_templates;
  iface->create_template = flashsms_create_template;
  iface->update_template = flashsms_update_template;
  iface->delete_template = flashsms_delete_template;
}

/* ---- HeraldCostEstimator ---------------------------------------------------- */

static const HeraldClientAdapter estimate =
  HERALD_CLIENT_ADAPTER (herald_flashsms_client_estimate_finish, estimate_from_flashsms,
                         herald_flashsms_estimate_unref, herald_cost_estimate_unref);

static void
flashsms_estimate (HeraldCostEstimator *self,
                   const char          *text,
                   guint                recipient_count,
                   GTask               *task)
{
  herald_flashsms_client_estimate_async (CLIENT (self), text, recipient_count, g_task_get_cancellable (task),
                                         herald_client_adapter_done,
                                         herald_client_adapter_answer (task, &estimate));
}

void
_herald_flashsms_cost_estimator_iface_init (HeraldCostEstimatorInterface *iface)
{
  iface->estimate = flashsms_estimate;
}
