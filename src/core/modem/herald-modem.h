/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One modem that ModemManager manages, as Herald sees it: plain values,
 * kept up to date from ModemManager's property changes (every property
 * below notifies), and whether it can take work now ("usable") or why not
 * ("unusable-reason"). Made by HeraldModemManager; a modem that goes away
 * stays a valid object whose calls fail with HERALD_MODEM_ERROR_GONE.
 *
 * Signals, for the dispatcher and the receiver:
 *   sms-received (const char *sms_path, const char *number, const char *text,
 *                 gint64 timestamp_unix)
 *     a received SMS is complete (state RECEIVED; a multipart one once all
 *     its parts are in). It stays on the modem until
 *     herald_modem_delete_sms_async(): delete it once stored.
 *   status-report (const char *sms_path, guint reference, guint delivery_state)
 *     a delivery report came for the message whose (last part's) reference
 *     is @reference; @delivery_state is ModemManager's (TP-ST) value, read
 *     with herald_modem_delivery_state_*() below. Delete it once handled.
 *   removed ()
 *     the modem went away. */

#define HERALD_TYPE_MODEM (herald_modem_get_type ())

G_DECLARE_FINAL_TYPE (HeraldModem, herald_modem, HERALD, MODEM, GObject)

const char *herald_modem_get_path              (HeraldModem *self);
/* The stable UUID (herald-modem-id.h); NULL until the modem has told its
 * equipment identifier. */
const char *herald_modem_get_device_id         (HeraldModem *self);
const char *herald_modem_get_equipment_id      (HeraldModem *self);
const char *herald_modem_get_manufacturer      (HeraldModem *self);
const char *herald_modem_get_model             (HeraldModem *self);
/* The first of the SIM's own numbers, or NULL. */
const char *herald_modem_get_own_number        (HeraldModem *self);
/* ModemManager's words: "registered", "disabled", "locked", "failed"… */
const char *herald_modem_get_state             (HeraldModem *self);
/* 0–100 */
guint       herald_modem_get_signal_quality    (HeraldModem *self);
/* "lte", "umts, hsdpa"…, or "unknown" */
const char *herald_modem_get_access_technology (HeraldModem *self);
const char *herald_modem_get_operator_name     (HeraldModem *self);
const char *herald_modem_get_operator_code     (HeraldModem *self);
gboolean    herald_modem_get_sim_present       (HeraldModem *self);
gboolean    herald_modem_get_sim_locked        (HeraldModem *self);
gboolean    herald_modem_get_registered        (HeraldModem *self);
gboolean    herald_modem_get_usable            (HeraldModem *self);
/* Why the modem takes no work, for people; NULL when usable. */
const char *herald_modem_get_unusable_reason   (HeraldModem *self);
/* FALSE once the modem went away. */
gboolean    herald_modem_is_present            (HeraldModem *self);

/* Enables a disabled modem (needs polkit's Device.Control). A locked SIM
 * stays locked: entering the PIN is the user's decision. */
void        herald_modem_enable_async          (HeraldModem         *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean    herald_modem_enable_finish         (HeraldModem         *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* ---- Messaging (herald-modem-messaging.c) ------------------------------- */

/* Creates the SMS object on the modem (not sent yet) and returns its
 * ModemManager path: record it before herald_modem_send_sms_async(), so
 * that after a crash the modem can be asked whether it went out.
 * @validity_minutes 0 leaves the network's default; a long text stays one
 * SMS object, which ModemManager splits into parts. */
void        herald_modem_create_sms_async      (HeraldModem         *self,
                                                const char          *number,
                                                const char          *text,
                                                guint                validity_minutes,
                                                gboolean             delivery_report,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
char       *herald_modem_create_sms_finish     (HeraldModem         *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* Sends the SMS at @sms_path and completes once ModemManager says SENT,
 * with the message reference of its last part (what delivery reports
 * carry), or with the modem's refusal and its reason. */
void        herald_modem_send_sms_async        (HeraldModem         *self,
                                                const char          *sms_path,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean    herald_modem_send_sms_finish       (HeraldModem         *self,
                                                GAsyncResult        *result,
                                                guint               *reference,
                                                GError             **error);

/* What happened to an SMS this process created, asked after a restart. */
typedef enum
{
  HERALD_MODEM_SMS_NOT_SENT,    /* still on the modem, never sent: Send it */
  HERALD_MODEM_SMS_SENDING,     /* being sent: wait */
  HERALD_MODEM_SMS_SENT,        /* went out: @reference is set */
  HERALD_MODEM_SMS_GONE,        /* not on the modem any more: unknown */
} HeraldModemSmsFate;

void        herald_modem_query_sms_async       (HeraldModem         *self,
                                                const char          *sms_path,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
HeraldModemSmsFate herald_modem_query_sms_finish (HeraldModem       *self,
                                                GAsyncResult        *result,
                                                guint               *reference,
                                                GError             **error);

void        herald_modem_delete_sms_async      (HeraldModem         *self,
                                                const char          *sms_path,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean    herald_modem_delete_sms_finish     (HeraldModem         *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* Emits sms-received and status-report for what is already stored on the
 * modem (received before Herald started). */
void        herald_modem_import_stored         (HeraldModem         *self);

/* TP-Status: delivered (0x00–0x1f), still trying (0x20–0x3f), failed for
 * good (0x40–0x7f: permanent errors, and temporary ones the centre gave up
 * on). */
gboolean    herald_modem_delivery_state_is_delivered (guint delivery_state);
gboolean    herald_modem_delivery_state_is_failed    (guint delivery_state);

G_END_DECLS
