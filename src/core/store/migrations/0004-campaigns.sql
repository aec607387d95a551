-- SPDX-FileCopyrightText: 2026 The Herald authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Append only: this file has shipped; a change is a new file with the next
-- number. One line per statement: SQLite keeps the CREATE text as written
-- (sqlite_master), byte for byte that of the databases out there.
--
-- 4: campaigns (herald-campaign-store.c). Times are UTC microseconds since
-- the epoch; windows are minutes after local midnight (NULL: no window).
-- A campaign's lease (pid, host, expiry) names the process running it; it
-- is taken over only when that process is gone or the lease expired.
-- One row per recipient (E.164, each once a campaign) with its rendered
-- text; one row per provider request, whose tag travels as FlashSMS's
-- campaignName so that its history can say whether the request was taken.
-- Rejected inputs (invalid numbers) are kept for the validation report.
CREATE TABLE campaigns (  id             INTEGER PRIMARY KEY,  name           TEXT NOT NULL,  account_id     TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,  sender_id      TEXT,  text           TEXT NOT NULL,  template_name  TEXT,  schedule_at    INTEGER,  window_start   INTEGER,  window_end     INTEGER,  state          TEXT NOT NULL             CHECK (state IN ('draft', 'scheduled', 'running', 'paused', 'cancelled', 'finished')),  pause_reason   TEXT,  credits_needed INTEGER,  n_duplicates   INTEGER NOT NULL DEFAULT 0,  lease_pid      INTEGER,  lease_host     TEXT,  lease_expires  INTEGER,  created_at     INTEGER NOT NULL,  updated_at     INTEGER NOT NULL);
CREATE TABLE campaign_requests (  id          INTEGER PRIMARY KEY,  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,  tag         TEXT NOT NULL UNIQUE,  state       TEXT NOT NULL             CHECK (state IN ('submitting', 'answered', 'not-sent', 'refused', 'unknown', 'reconciled')),  n_rows      INTEGER NOT NULL,  error       TEXT,  created_at  INTEGER NOT NULL,  answered_at INTEGER);
CREATE INDEX campaign_requests_open ON campaign_requests (campaign_id, id) WHERE state = 'submitting';
CREATE TABLE campaign_recipients (  id          INTEGER PRIMARY KEY,  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,  phone       TEXT NOT NULL,  variables   TEXT,  text        TEXT NOT NULL,  state       TEXT NOT NULL             CHECK (state IN ('pending', 'submitting', 'accepted', 'sent', 'delivered', 'failed', 'unknown', 'skipped')),  message_id  TEXT,  request_id  INTEGER REFERENCES campaign_requests (id),  error       TEXT,  attempts    INTEGER NOT NULL DEFAULT 0,  updated_at  INTEGER NOT NULL,  UNIQUE (campaign_id, phone));
CREATE INDEX campaign_recipients_by_state ON campaign_recipients (campaign_id, state, text, id);
CREATE INDEX campaign_recipients_by_request ON campaign_recipients (request_id);
CREATE TABLE campaign_rejects (  id          INTEGER PRIMARY KEY,  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,  input       TEXT NOT NULL,  reason      TEXT NOT NULL);
