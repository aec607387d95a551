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
                                                         GError                **error);

/* mock-sms.c */
MockSms             *mock_sms_new_submit                (MockModem              *modem,
                                                         GVariant               *properties,
                                                         GError                **error);
MockSms             *mock_sms_new_deliver               (MockModem              *modem,
                                                         const char             *number,
                                                         const char             *text,
                                                         GError                **error);
void                 mock_sms_free                      (MockSms                *self);
const char          *mock_sms_get_path                  (MockSms                *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MockModem, mock_modem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MockSms, mock_sms_free)

G_END_DECLS
