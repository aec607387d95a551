#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Herald authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes data/screenshots/*.png: the application against the fake servers
# (their realistic seed data), each screen at 1280×800 and 360×720, on a
# private Xvfb display with its own keyring and data (nothing of yours is
# touched). Usage: bash build-aux/screenshots.sh [BUILD_DIR]
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/_build}"

[ -d "$build" ] || meson setup "$build" "$root"
meson compile -C "$build" herald-screenshots herald-fake-flashsms herald-fake-flixysms herald-mock-modemmanager

GSETTINGS_SCHEMA_DIR="$build/data" \
HERALD_MOCK_MODEMMANAGER="$build/tests/mock-modemmanager/herald-mock-modemmanager" \
  "$root/tests/harness/herald-test-env" --display --keyring --mock-modems 2 -- \
  "$build/tests/herald-screenshots" "$root/data/screenshots" \
  "$build/tests/herald-fake-flashsms" "$build/tests/herald-fake-flixysms"
