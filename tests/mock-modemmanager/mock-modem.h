/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libmm-glib.h>

G_BEGIN_DECLS

/* What the next Send() on a modem does; set through SetSendBehaviour. */
typedef enum
{
  MOCK_SEND_OK,
  MOCK_SEND_SLOW,
  MOCK_SEND_FAIL,
  MOCK_SEND_UNAUTHORIZED,
  MOCK_SEND_NETWORK_TIMEOUT,
  MOCK_SEND_LATE_STATE,
} MockSendMode;

/* State shared by every modem of one mock daemon. */
typedef struct
{
  GDBusConnection *connection;
  guint            next_sms_id;
  guint            next_sim_id;
  GPtrArray       *sent;          /* of GVariant (oss): every SMS that went out */
} MockContext;

typedef struct _MockModem MockModem;
typedef struct _MockSms   MockSms;

/* mock-modem.c */
MockModem           *mock_modem_new                     (MockContext            *context,
                                                         guint                   index,
                                                         GVariant               *overrides,
                                                         GError                **error);
void                 mock_modem_free                    (MockModem              *self);
const char          *mock_modem_get_path                (MockModem              *self);
GDBusObjectSkeleton *mock_modem_get_object              (MockModem              *self);
MockContext         *mock_modem_get_context             (MockModem              *self);
MockSendMode         mock_modem_get_send_mode           (MockModem              *self,
                                                         guint                  *delay_ms);
gboolean             mock_modem_set_send_behaviour      (MockModem              *self,
                                                         const char             *mode,
                                                         guint                   delay_ms,
                                                         GError                **error);
gboolean             mock_modem_authorize               (MockModem              *self,
                                                         GDBusMethodInvocation  *invocation);
guint                mock_modem_take_message_references (MockModem              *self,
                                                         guint                   n_parts);
char                *mock_modem_inject_sms              (MockModem              *self,
                                                         const char             *number,
                                                         const char             *text,
                                                         gboolean                receiving,
                                                         GError                **error);
char                *mock_modem_inject_status_report    (MockModem              *self,
                                                         guint                   reference,
                                                         guint                   delivery_state,
                                                         GError                **error);
MockSms             *mock_modem_find_sms                (MockModem              *self,
                                                         const char             *path);
gboolean             mock_modem_set_property            (MockModem              *self,
                                                         const char             *key,
                                                         GVariant               *value,
                                                         GError                **error);
/* A status report @delay_ms after each successful send, with @delivery_state
 * (MM_SMS_DELIVERY_STATE_UNKNOWN: none). */
void                 mock_modem_set_status_reports      (MockModem              *self,
                                                         guint                   delivery_state,
                                                         guint                   delay_ms);
void                 mock_modem_sent                    (MockModem              *self,
                                                         guint                   reference);

/* mock-sms.c */
MockSms             *mock_sms_new_submit                (MockModem              *modem,
                                                         GVariant               *properties,
                                                         GError                **error);
MockSms             *mock_sms_new_deliver               (MockModem              *modem,
                                                         const char             *number,
                                                         const char             *text,
                                                         gboolean                receiving,
                                                         GError                **error);
MockSms             *mock_sms_new_status_report         (MockModem              *modem,
                                                         guint                   reference,
                                                         guint                   delivery_state,
                                                         GError                **error);
void                 mock_sms_set_timestamp             (MockSms                *self,
                                                         const char             *timestamp);
/* The last parts of a multipart SMS arrive: RECEIVING → RECEIVED. */
gboolean             mock_sms_complete                  (MockSms                *self,
                                                         GError                **error);
void                 mock_sms_free                      (MockSms                *self);
const char          *mock_sms_get_path                  (MockSms                *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MockModem, mock_modem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MockSms, mock_sms_free)

G_END_DECLS
