-- SPDX-FileCopyrightText: 2026 The Herald authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Append only: this file has shipped; a change is a new file with the next
-- number. One line per statement: SQLite keeps the CREATE text as written
-- (sqlite_master), byte for byte that of the databases out there.
--
-- 7: the device bridge's webhooks (store/herald-webhook-store.c), posted by
-- bridge/herald-webhook-poster.c. Times are UTC microseconds since the epoch.
-- webhooks: the URLs users registered, one event each; id is the client's or
-- a generated UUID, and registering an existing id replaces its URL, event and
-- device; device_id (NULL: any) limits it to the events of one modem.
-- webhook_deliveries: the durable queue of posts, one row per webhook and
-- event; delivery_id is the envelope's "id" (a UUID, the same on every
-- attempt, so that receivers can drop repeats); payload is the event's JSON
-- object as text (the envelope is built from the row at each attempt). A row
-- moves queued → delivered | failed (after a bounded number of attempts,
-- with the reason in error); next_attempt_at is when a queued row is due.
-- Removing a webhook drops its deliveries.
CREATE TABLE webhooks (  id         TEXT PRIMARY KEY,  url        TEXT NOT NULL,  event      TEXT NOT NULL             CHECK (event IN ('sms:received', 'sms:sent', 'sms:delivered', 'sms:failed')),  device_id  TEXT,  created_at INTEGER NOT NULL);
CREATE TABLE webhook_deliveries (  id              INTEGER PRIMARY KEY,  delivery_id     TEXT NOT NULL UNIQUE,  webhook_id      TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,  event           TEXT NOT NULL,  device_id       TEXT,  payload         TEXT NOT NULL,  state           TEXT NOT NULL             CHECK (state IN ('queued', 'delivered', 'failed')),  attempts        INTEGER NOT NULL DEFAULT 0,  next_attempt_at INTEGER NOT NULL,  last_status     INTEGER NOT NULL DEFAULT 0,  error           TEXT,  created_at      INTEGER NOT NULL,  updated_at      INTEGER NOT NULL);
CREATE INDEX webhook_deliveries_queue ON webhook_deliveries (next_attempt_at, id) WHERE state = 'queued';
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id);
