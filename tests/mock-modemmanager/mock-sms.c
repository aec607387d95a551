/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-mock-mm"

#include "mock-modem.h"

/* Where received SMS claim to come through. */
#define MOCK_SMSC "+233240000000"

struct _MockSms
{
  MockModem             *modem;             /* owns us */
  char                  *path;
  MmGdbusSms            *skeleton;

  /* While Send() is under way: the call to answer and what to answer. */
  GDBusMethodInvocation *send_invocation;
  guint                  send_source_id;
  MMSmsState             state_before_send;
  MockSendMode           send_mode;
  guint                  late_source_id;    /* LATE_STATE: SENT after the reply */
  guint                  late_reference;
  char                  *full_text;         /* RECEIVING: the whole text, once complete */
};

/* GSM 03.38: the default alphabet costs one septet a character, its
 * extension table two; anything else makes the whole text UCS-2. */
static const char gsm7_basic[] =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
static const char gsm7_extension[] = "\f^{}\\[]~|€";

/* How many parts ModemManager would split @text into; each part takes a
 * message reference, and the SMS keeps the last one. (Real splitting also
 * avoids cutting an escape sequence; the count rarely differs.) */
static guint
count_parts (const char *text)
{
  gsize septets = 0;
  gsize ucs2_units = 0;
  gboolean ucs2 = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_utf8_strchr (gsm7_basic, -1, c) != NULL)
        septets += 1;
      else if (g_utf8_strchr (gsm7_extension, -1, c) != NULL)
        septets += 2;
      else
        ucs2 = TRUE;
      ucs2_units += c > 0xFFFF ? 2 : 1;
    }

  if (ucs2)
    return ucs2_units <= 70 ? 1 : (ucs2_units + 66) / 67;

  return septets <= 160 ? 1 : (septets + 152) / 153;
}

static guint
count_data_parts (GVariant *data)
{
  gsize len = data != NULL ? g_variant_get_size (data) : 0;

  return len <= 140 ? 1 : (len + 133) / 134;
}

/* LATE_STATE: how long after the reply State and MessageReference change. */
static const guint late_delay_ms = 300;

static void
mock_sms_record_sent (MockSms *self,
                      guint    n_parts)
{
  MockContext *context = mock_modem_get_context (self->modem);
  const char *text = mm_gdbus_sms_get_text (self->skeleton);

  g_ptr_array_add (context->sent,
                   g_variant_ref_sink (g_variant_new ("(oss)",
                                                      self->path,
                                                      mm_gdbus_sms_get_number (self->skeleton),
                                                      text != NULL ? text : "")));
  g_debug ("Sent %s in %u part(s)", self->path, n_parts);
}

static gboolean
late_state_cb (gpointer user_data)
{
  MockSms *self = user_data;

  self->late_source_id = 0;
  mm_gdbus_sms_set_message_reference (self->skeleton, self->late_reference);
  mm_gdbus_sms_set_state (self->skeleton, MM_SMS_STATE_SENT);
  mock_modem_sent (self->modem, self->late_reference);

  return G_SOURCE_REMOVE;
}

static gboolean
send_done_cb (gpointer user_data)
{
  MockSms *self = user_data;
  GDBusMethodInvocation *invocation = g_steal_pointer (&self->send_invocation);
  const char *text = mm_gdbus_sms_get_text (self->skeleton);
  guint n_parts;
  guint reference;

  self->send_source_id = 0;

  if (self->send_mode == MOCK_SEND_FAIL)
    {
      /* ModemManager leaves a failed SMS as it was, so it can be sent again. */
      mm_gdbus_sms_set_state (self->skeleton, self->state_before_send);
      g_dbus_method_invocation_return_error (invocation, MM_CORE_ERROR, MM_CORE_ERROR_FAILED,
                                             "Couldn't send SMS: the mock modem is set to fail");
      return G_SOURCE_REMOVE;
    }

  if (self->send_mode == MOCK_SEND_NETWORK_TIMEOUT)
    {
      /* What +CMS ERROR: 332 on AT+CMGS becomes in ModemManager 1.20: the
       * SMS stays in state unknown. */
      mm_gdbus_sms_set_state (self->skeleton, MM_SMS_STATE_UNKNOWN);
      g_dbus_method_invocation_return_error (invocation, MM_MESSAGE_ERROR, MM_MESSAGE_ERROR_NETWORK_TIMEOUT,
                                             "Network timeout");
      return G_SOURCE_REMOVE;
    }

  n_parts = text != NULL ? count_parts (text) : count_data_parts (mm_gdbus_sms_get_data (self->skeleton));
  reference = mock_modem_take_message_references (self->modem, n_parts);

  if (self->send_mode == MOCK_SEND_LATE_STATE)
    {
      /* The reply first; state and reference a while later, as the real
       * daemon may show them. */
      self->late_reference = reference;
      self->late_source_id = g_timeout_add (late_delay_ms, late_state_cb, self);
      mock_sms_record_sent (self, n_parts);
      mm_gdbus_sms_complete_send (self->skeleton, invocation);
      return G_SOURCE_REMOVE;
    }

  mm_gdbus_sms_set_message_reference (self->skeleton, reference);
  mm_gdbus_sms_set_state (self->skeleton, MM_SMS_STATE_SENT);

  mock_sms_record_sent (self, n_parts);
  mm_gdbus_sms_complete_send (self->skeleton, invocation);
  mock_modem_sent (self->modem, reference);

  return G_SOURCE_REMOVE;
}

static gboolean
handle_send (MmGdbusSms            *skeleton,
             GDBusMethodInvocation *invocation,
             MockSms               *self)
{
  MMSmsState state = mm_gdbus_sms_get_state (skeleton);
  guint delay_ms;

  if (!mock_modem_authorize (self->modem, invocation))
    return G_DBUS_METHOD_INVOCATION_HANDLED;

  if (state == MM_SMS_STATE_RECEIVED || state == MM_SMS_STATE_RECEIVING)
    {
      g_dbus_method_invocation_return_error (invocation, MM_CORE_ERROR, MM_CORE_ERROR_FAILED,
                                             "This SMS was received, it cannot be sent");
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  if (state == MM_SMS_STATE_SENT)
    {
      g_dbus_method_invocation_return_error (invocation, MM_CORE_ERROR, MM_CORE_ERROR_FAILED,
                                             "This SMS was already sent, it cannot be sent again");
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  if (self->send_invocation != NULL)
    {
      g_dbus_method_invocation_return_error (invocation, MM_CORE_ERROR, MM_CORE_ERROR_IN_PROGRESS,
                                             "This SMS is already being sent");
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  /* Decide now: a test that changes the mode later means the next SMS. */
  self->send_mode = mock_modem_get_send_mode (self->modem, &delay_ms);
  self->state_before_send = state;
  self->send_invocation = invocation;
  mm_gdbus_sms_set_state (skeleton, MM_SMS_STATE_SENDING);
  self->send_source_id = g_timeout_add (delay_ms, send_done_cb, self);

  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_store (MmGdbusSms            *skeleton,
              GDBusMethodInvocation *invocation,
              guint                  storage,
              MockSms               *self)
{
  MMSmsStorage current = mm_gdbus_sms_get_storage (skeleton);

  if (!mock_modem_authorize (self->modem, invocation))
    return G_DBUS_METHOD_INVOCATION_HANDLED;

  if (storage == MM_SMS_STORAGE_UNKNOWN)
    storage = MM_SMS_STORAGE_ME;

  if (storage != MM_SMS_STORAGE_ME && storage != MM_SMS_STORAGE_SM)
    {
      g_dbus_method_invocation_return_error (invocation, MM_CORE_ERROR, MM_CORE_ERROR_UNSUPPORTED,
                                             "Storage '%s' is not supported for storing",
                                             mm_sms_storage_get_string (storage));
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  if (current != MM_SMS_STORAGE_UNKNOWN && current != storage)
    {
      g_dbus_method_invocation_return_error (invocation, MM_CORE_ERROR, MM_CORE_ERROR_FAILED,
                                             "SMS is already stored in '%s', cannot store it in '%s'",
                                             mm_sms_storage_get_string (current),
                                             mm_sms_storage_get_string (storage));
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  mm_gdbus_sms_set_storage (skeleton, storage);
  if (mm_gdbus_sms_get_state (skeleton) == MM_SMS_STATE_UNKNOWN)
    mm_gdbus_sms_set_state (skeleton, MM_SMS_STATE_STORED);
  mm_gdbus_sms_complete_store (skeleton, invocation);

  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static MockSms *
mock_sms_new (MockModem *modem)
{
  MockSms *self;

  self = g_new0 (MockSms, 1);
  self->modem = modem;
  self->skeleton = mm_gdbus_sms_skeleton_new ();

  /* The generated defaults are zeros, which mean something for these. */
  mm_gdbus_sms_set_class (self->skeleton, -1);
  mm_gdbus_sms_set_delivery_state (self->skeleton, MM_SMS_DELIVERY_STATE_UNKNOWN);
  mm_gdbus_sms_set_validity (self->skeleton,
                             g_variant_new ("(uv)",
                                            (guint32) MM_SMS_VALIDITY_TYPE_UNKNOWN,
                                            g_variant_new_uint32 (0)));

  g_signal_connect (self->skeleton, "handle-send", G_CALLBACK (handle_send), self);
  g_signal_connect (self->skeleton, "handle-store", G_CALLBACK (handle_store), self);

  return self;
}

/* SMS objects are exported straight on the connection, not through the
 * object manager, as ModemManager does; libmm-glib builds MMSms from paths.
 * The path is taken only now, so rejected Create() calls use up no number. */
static gboolean
mock_sms_export (MockSms  *self,
                 GError  **error)
{
  MockContext *context = mock_modem_get_context (self->modem);

  self->path = g_strdup_printf (MM_DBUS_SMS_PREFIX "/%u", context->next_sms_id++);

  return g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->skeleton),
                                           context->connection,
                                           self->path,
                                           error);
}

static const char *
submit_property_type (const char *key)
{
  static const struct {
    const char *key;
    const char *type;
  } known[] = {
    { "number", "s" },
    { "text", "s" },
    { "data", "ay" },
    { "smsc", "s" },
    { "validity", "(uv)" },
    { "class", "i" },
    { "delivery-report-request", "b" },
    { "teleservice-id", "u" },
    { "service-category", "u" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (key, known[i].key))
      return known[i].type;

  return NULL;
}

static gboolean
apply_submit_property (MockSms     *self,
                       const char  *key,
                       GVariant    *value,
                       GError     **error)
{
  const char *type = submit_property_type (key);

  if (type == NULL)
    {
      g_set_error (error, MM_CORE_ERROR, MM_CORE_ERROR_INVALID_ARGS,
                   "Invalid properties dictionary, unexpected key '%s'", key);
      return FALSE;
    }

  if (!g_variant_is_of_type (value, G_VARIANT_TYPE (type)))
    {
      g_set_error (error, MM_CORE_ERROR, MM_CORE_ERROR_INVALID_ARGS,
                   "Invalid properties dictionary, '%s' must be '%s', not '%s'",
                   key, type, g_variant_get_type_string (value));
      return FALSE;
    }

  if (g_str_equal (key, "number"))
    mm_gdbus_sms_set_number (self->skeleton, g_variant_get_string (value, NULL));
  else if (g_str_equal (key, "text"))
    mm_gdbus_sms_set_text (self->skeleton, g_variant_get_string (value, NULL));
  else if (g_str_equal (key, "data"))
    mm_gdbus_sms_set_data (self->skeleton, value);
  else if (g_str_equal (key, "smsc"))
    mm_gdbus_sms_set_smsc (self->skeleton, g_variant_get_string (value, NULL));
  else if (g_str_equal (key, "validity"))
    mm_gdbus_sms_set_validity (self->skeleton, value);
  else if (g_str_equal (key, "class"))
    mm_gdbus_sms_set_class (self->skeleton, g_variant_get_int32 (value));
  else if (g_str_equal (key, "delivery-report-request"))
    mm_gdbus_sms_set_delivery_report_request (self->skeleton, g_variant_get_boolean (value));
  else if (g_str_equal (key, "teleservice-id"))
    mm_gdbus_sms_set_teleservice_id (self->skeleton, g_variant_get_uint32 (value));
  else if (g_str_equal (key, "service-category"))
    mm_gdbus_sms_set_service_category (self->skeleton, g_variant_get_uint32 (value));

  return TRUE;
}

/**
 * mock_sms_new_submit:
 * @modem: the modem the SMS belongs to
 * @properties: the a{sv} given to Messaging.Create()
 *
 * Like ModemManager, a created SMS has state and storage UNKNOWN until it is
 * stored (STORED) or sent (SENDING, then SENT).
 */
MockSms *
mock_sms_new_submit (MockModem  *modem,
                     GVariant   *properties,
                     GError    **error)
{
  g_autoptr(MockSms) self = mock_sms_new (modem);
  gboolean has_text;
  gboolean has_data;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_iter_init (&iter, properties);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      g_autoptr(GVariant) owned_value G_GNUC_UNUSED = value;   /* frees value */

      if (!apply_submit_property (self, key, value, error))
        return NULL;
    }

  if (mm_gdbus_sms_get_number (self->skeleton) == NULL ||
      *mm_gdbus_sms_get_number (self->skeleton) == '\0')
    {
      g_set_error (error, MM_CORE_ERROR, MM_CORE_ERROR_INVALID_ARGS,
                   "Cannot create SMS: mandatory parameter 'number' is missing");
      return NULL;
    }

  has_text = mm_gdbus_sms_get_text (self->skeleton) != NULL;
  has_data = mm_gdbus_sms_get_data (self->skeleton) != NULL;
  if (has_text == has_data)
    {
      g_set_error (error, MM_CORE_ERROR, MM_CORE_ERROR_INVALID_ARGS,
                   "Cannot create SMS: give exactly one of 'text' or 'data'");
      return NULL;
    }

  mm_gdbus_sms_set_pdu_type (self->skeleton, MM_SMS_PDU_TYPE_SUBMIT);
  mm_gdbus_sms_set_state (self->skeleton, MM_SMS_STATE_UNKNOWN);
  mm_gdbus_sms_set_storage (self->skeleton, MM_SMS_STORAGE_UNKNOWN);

  if (!mock_sms_export (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* A complete received SMS, as ModemManager shows one once all parts are in. */
MockSms *
mock_sms_new_deliver (MockModem   *modem,
                      const char  *number,
                      const char  *text,
                      gboolean     receiving,
                      GError     **error)
{
  g_autoptr(MockSms) self = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *timestamp = NULL;

  if (*number == '\0')
    {
      g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                   "A received SMS needs a sender number");
      return NULL;
    }

  self = mock_sms_new (modem);
  now = g_date_time_new_now_local ();
  timestamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

  mm_gdbus_sms_set_pdu_type (self->skeleton, MM_SMS_PDU_TYPE_DELIVER);
  /* Receiving: the first part is in; ModemManager shows the SMS at once
   * and emits Added for it, with an empty Text: the real daemon (1.20.4,
   * seen in the field suite) assembles the text only once every part is
   * in. (This mock used to show the first 10 characters; a client that
   * took them for the message would have passed here and failed there.) */
  mm_gdbus_sms_set_state (self->skeleton, receiving ? MM_SMS_STATE_RECEIVING : MM_SMS_STATE_RECEIVED);
  mm_gdbus_sms_set_storage (self->skeleton, MM_SMS_STORAGE_ME);
  mm_gdbus_sms_set_number (self->skeleton, number);
  if (receiving)
    {
      mm_gdbus_sms_set_text (self->skeleton, "");
      self->full_text = g_strdup (text);
    }
  else
    mm_gdbus_sms_set_text (self->skeleton, text);
  mm_gdbus_sms_set_smsc (self->skeleton, MOCK_SMSC);
  mm_gdbus_sms_set_timestamp (self->skeleton, timestamp);

  if (!mock_sms_export (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
mock_sms_free (MockSms *self)
{
  GDBusInterfaceSkeleton *skeleton;

  if (self == NULL)
    return;

  skeleton = G_DBUS_INTERFACE_SKELETON (self->skeleton);
  g_signal_handlers_disconnect_by_data (skeleton, self);

  /* Never leave a caller of Send() waiting for an SMS that is gone. */
  g_clear_handle_id (&self->send_source_id, g_source_remove);
  if (self->send_invocation != NULL)
    g_dbus_method_invocation_return_error (g_steal_pointer (&self->send_invocation),
                                           MM_CORE_ERROR, MM_CORE_ERROR_ABORTED,
                                           "The SMS was removed before it was sent");

  if (g_dbus_interface_skeleton_get_object_path (skeleton) != NULL)
    g_dbus_interface_skeleton_unexport (skeleton);

  g_clear_handle_id (&self->late_source_id, g_source_remove);
  g_clear_object (&self->skeleton);
  g_free (self->full_text);
  g_free (self->path);
  g_free (self);
}

const char *
mock_sms_get_path (MockSms *self)
{
  return self->path;
}

gboolean
mock_sms_complete (MockSms  *self,
                   GError  **error)
{
  if (mm_gdbus_sms_get_state (self->skeleton) != MM_SMS_STATE_RECEIVING)
    {
      g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                   "%s is not being received", self->path);
      return FALSE;
    }

  mm_gdbus_sms_set_text (self->skeleton, self->full_text);
  mm_gdbus_sms_set_state (self->skeleton, MM_SMS_STATE_RECEIVED);

  return TRUE;
}

/* As ModemManager shows a +CDS status report: a separate SMS with the sent
 * message's reference and its own DeliveryState; the sent SMS is left as it
 * was. */
MockSms *
mock_sms_new_status_report (MockModem  *modem,
                            guint       reference,
                            guint       delivery_state,
                            GError    **error)
{
  g_autoptr(MockSms) self = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *timestamp = NULL;

  if (reference > 255)
    {
      g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                   "A message reference is one byte, not %u", reference);
      return NULL;
    }

  self = mock_sms_new (modem);
  now = g_date_time_new_now_local ();
  timestamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

  mm_gdbus_sms_set_pdu_type (self->skeleton, MM_SMS_PDU_TYPE_STATUS_REPORT);
  mm_gdbus_sms_set_state (self->skeleton, MM_SMS_STATE_RECEIVED);
  mm_gdbus_sms_set_storage (self->skeleton, MM_SMS_STORAGE_ME);
  mm_gdbus_sms_set_message_reference (self->skeleton, reference);
  mm_gdbus_sms_set_delivery_state (self->skeleton, delivery_state);
  mm_gdbus_sms_set_number (self->skeleton, "");
  mm_gdbus_sms_set_smsc (self->skeleton, MOCK_SMSC);
  mm_gdbus_sms_set_timestamp (self->skeleton, timestamp);
  mm_gdbus_sms_set_discharge_timestamp (self->skeleton, timestamp);

  if (!mock_sms_export (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
mock_sms_set_timestamp (MockSms    *self,
                        const char *timestamp)
{
  mm_gdbus_sms_set_timestamp (self->skeleton, timestamp);
}
