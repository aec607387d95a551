-- SPDX-FileCopyrightText: 2026 The Herald authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Append only: this file has shipped; a change is a new file with the next
-- number. One line per statement: SQLite keeps the CREATE text as written
-- (sqlite_master), byte for byte that of the databases out there.
--
-- 2: the local record of sent messages (herald-message-log.c), one row
-- per recipient. Times are UTC microseconds since the epoch; state is
-- herald_delivery_state_to_string (). Removing an account removes its
-- record. The partial index serves the refresh of rows not final yet.
CREATE TABLE sent_messages (  id         INTEGER PRIMARY KEY,  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,  message_id TEXT,  recipient  TEXT NOT NULL,  text       TEXT NOT NULL,  parts      INTEGER NOT NULL,  state      TEXT NOT NULL             CHECK (state IN ('unknown', 'queued', 'sent', 'delivered', 'failed')),  error      TEXT,  sent_at    INTEGER NOT NULL,  updated_at INTEGER NOT NULL);
CREATE INDEX sent_messages_by_account_time ON sent_messages (account_id, sent_at DESC, id DESC);
CREATE INDEX sent_messages_open ON sent_messages (account_id, sent_at DESC, id DESC)  WHERE state IN ('unknown', 'queued', 'sent') AND message_id IS NOT NULL;
