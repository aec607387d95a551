-- SPDX-FileCopyrightText: 2026 The Herald authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Append only: this file has shipped; a change is a new file with the next
-- number. One line per statement: SQLite keeps the CREATE text as written
-- (sqlite_master), byte for byte that of the databases out there.
--
-- 3: the local address book, opt-outs and inbox (store/herald-contact-store.c
-- and its neighbours). Times are UTC microseconds since the epoch. Phones
-- are E.164 ("+233241234567").
--
-- contacts: one row per number. fields is a JSON object of the custom fields
-- of imported files, in their order ({"loyalty_tier":"gold"}), the template
-- variables beside first_name, last_name, phone and email; NULL when none.
-- sort_key is the case-folded display name (the phone when there is no
-- name): the order of lists and the text a search by name looks in; the
-- index on (sort_key, phone) covers both the ordered list and the search.
CREATE TABLE contacts (  id          INTEGER PRIMARY KEY,  phone       TEXT NOT NULL UNIQUE,  first_name  TEXT,  last_name   TEXT,  email       TEXT,  fields      TEXT,  sort_key    TEXT NOT NULL,  created_at  INTEGER NOT NULL,  updated_at  INTEGER NOT NULL);
CREATE INDEX contacts_by_sort_key ON contacts (sort_key, phone);
-- groups: name_key is the case-folded name, unique like account names.
CREATE TABLE contact_groups (  id          INTEGER PRIMARY KEY,  name        TEXT NOT NULL,  name_key    TEXT NOT NULL UNIQUE,  created_at  INTEGER NOT NULL);
CREATE TABLE contact_group_members (  group_id    INTEGER NOT NULL REFERENCES contact_groups (id) ON DELETE CASCADE,  contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,  added_at    INTEGER NOT NULL,  PRIMARY KEY (group_id, contact_id)) WITHOUT ROWID;
CREATE INDEX contact_group_members_by_contact ON contact_group_members (contact_id, group_id);
-- local message templates ({{first_name}} etc., herald-template.c).
CREATE TABLE templates (  id          INTEGER PRIMARY KEY,  name        TEXT NOT NULL,  name_key    TEXT NOT NULL UNIQUE,  body        TEXT NOT NULL,  created_at  INTEGER NOT NULL,  updated_at  INTEGER NOT NULL);
-- opt-outs: numbers never sent to by campaigns. source says how the number
-- got here: 'manual', 'file', 'keyword' (a STOP reply; account_id is the
-- account it came through); free text so that a later source needs no new
-- step. detail is for people (the file name, the keyword received).
CREATE TABLE optouts (  phone       TEXT PRIMARY KEY NOT NULL,  source      TEXT NOT NULL,  account_id  TEXT REFERENCES accounts (id) ON DELETE SET NULL,  detail      TEXT,  added_at    INTEGER NOT NULL) WITHOUT ROWID;
-- the local inbox: received messages from every account, with the account
-- they came through; remote_id is the provider's (or modem's) id, unique
-- per account, so that fetching a page twice stores nothing twice. sender is
-- as the source gave it, sender_e164 normalised when it parses (replies to
-- campaigns and opt-outs are matched on it). Removing an account removes
-- its messages, as with sent_messages.
CREATE TABLE inbox_messages (  id           INTEGER PRIMARY KEY,  account_id   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,  remote_id    TEXT NOT NULL,  sender       TEXT NOT NULL,  sender_e164  TEXT,  text         TEXT NOT NULL,  received_at  INTEGER NOT NULL,  device_id    TEXT,  device_name  TEXT,  device_phone TEXT,  message_type TEXT,  sim_slot     INTEGER,  media_url    TEXT,  stored_at    INTEGER NOT NULL,  UNIQUE (account_id, remote_id));
CREATE INDEX inbox_messages_by_time ON inbox_messages (received_at DESC, id DESC);
CREATE INDEX inbox_messages_by_sender ON inbox_messages (sender_e164, received_at DESC);
