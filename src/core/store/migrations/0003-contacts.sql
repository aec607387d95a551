-- SPDX-FileCopyrightText: 2026 The Herald authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Placeholder on the engine branch only: step 3 belongs to the contacts
-- store (branch cstore), whose file of this very name replaces this one
-- when that branch is merged. It creates nothing.
SELECT 1;
