#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Herald authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every Debian 12 package that building Herald and running its whole
# test suite need. Idempotent and quiet: packages already present are skipped,
# apt never prompts. Run as root (or through sudo when it is available).
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc g++ clang gettext itstool
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsoup-3.0-dev libjson-glib-dev libsecret-1-dev libmm-glib-dev
  libsqlite3-dev libphonenumber-dev
  # run time: GIO's TLS backend (HTTPS; the HTTP client's TLS test fails
  # without it), not only pulled in by libsoup
  glib-networking
  # data validation
  desktop-file-utils appstream
  # test harness: private buses, keyring, display, accessibility
  dbus dbus-daemon dbus-bin gnome-keyring libsecret-tools xvfb xauth
  at-spi2-core python3-gi gir1.2-atspi-2.0 gir1.2-glib-2.0
  xdotool  # real key presses: the compose page's keyboard test fails without it
  # the field suite: the real ModemManager daemon (its generic plugin drives
  # tests/field/herald-at-modem over a UNIX socket) and mmcli for debugging
  modemmanager
  fonts-cantarell fonts-dejavu-core adwaita-icon-theme
  # quality gates
  valgrind clang-tidy cppcheck gcovr libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

# The npm client of the bridge test (test-bridge-android /bridge/android/npm-client):
# the pinned android-sms-gateway of tests/bridge-client/package-lock.json.
if command -v npm >/dev/null 2>&1; then
  (cd "$(dirname "$0")/../tests/bridge-client" && npm ci --no-audit --no-fund --prefer-offline >/dev/null) ||
    echo "install-deps: npm ci in tests/bridge-client failed; the npm-client bridge test will fail" >&2
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: run as root to install: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
