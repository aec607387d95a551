-- SPDX-FileCopyrightText: 2026 The Herald authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Append only: this file has shipped; a change is a new file with the next
-- number. One line per statement: SQLite keeps the CREATE text as written
-- (sqlite_master), byte for byte that of the databases out there.
--
-- 5: the outbox of local modems (store/herald-outbox.c), drained by the
-- modem dispatcher (modem/herald-modem-dispatcher.c). Times are UTC
-- microseconds since the epoch.
-- message_id is the id clients see (a UUID); client_id the idempotency key
-- a client may give (a repeated one is refused, never sent twice). device_id
-- is the modem asked for (NULL: any usable one); modem_id the modem that
-- took the message on its last attempt (both modem UUIDs, herald-modem-id.c).
-- A row moves queued → sending → sent → delivered | failed; cancelled is
-- only ever from queued; unknown is a message whose fate after a crash
-- cannot be learnt (never re-sent silently). sms_path is ModemManager's SMS
-- object, recorded before Send() is called, so that a restart can ask the
-- modem whether it went out; reference is the message reference of its last
-- part, which delivery reports carry. failed_modem_id and not_before keep a
-- message that a modem refused away from that modem for a while (another
-- modem may take it at once). origin says who queued it ('bridge',
-- 'account:ID', 'campaign:ID'), free text.
CREATE TABLE outbox (  id               INTEGER PRIMARY KEY,  message_id       TEXT NOT NULL UNIQUE,  client_id        TEXT UNIQUE,  origin           TEXT,  recipient        TEXT NOT NULL,  text             TEXT NOT NULL,  device_id        TEXT,  validity_minutes INTEGER NOT NULL DEFAULT 0,  delivery_report  INTEGER NOT NULL DEFAULT 1,  state            TEXT NOT NULL             CHECK (state IN ('queued', 'sending', 'sent', 'delivered', 'failed', 'cancelled', 'unknown')),  attempts         INTEGER NOT NULL DEFAULT 0,  modem_id         TEXT,  failed_modem_id  TEXT,  not_before       INTEGER NOT NULL DEFAULT 0,  sms_path         TEXT,  reference        INTEGER,  error            TEXT,  created_at       INTEGER NOT NULL,  updated_at       INTEGER NOT NULL,  sent_at          INTEGER,  done_at          INTEGER);
CREATE INDEX outbox_queue ON outbox (id) WHERE state = 'queued';
CREATE INDEX outbox_in_flight ON outbox (id) WHERE state = 'sending';
CREATE INDEX outbox_by_reference ON outbox (modem_id, reference, sent_at) WHERE state = 'sent';
CREATE INDEX outbox_sent_by_modem ON outbox (modem_id, sent_at);
