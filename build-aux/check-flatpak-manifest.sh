#!/bin/sh
# SPDX-FileCopyrightText: 2026 The Herald authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the Flatpak manifest's sandbox promises (flatpak-builder is not
# needed, nor run):
#
#   build-aux/check-flatpak-manifest.sh [MANIFEST]
#
# It must parse as JSON; its id (or app-id) must be io.github.heraldsms.Herald
# and its command herald; finish-args must grant the network and talking to
# ModemManager on the system bus, and must not grant the home or host
# filesystem, a whole bus, or org.freedesktop.secrets (API keys go through the
# Secret portal); the last module must build herald with meson from this tree.
# Exit status: 0 fine, 1 a promise is broken, 2 usage error.
set -eu

here=$(dirname "$0")
manifest=${1:-"$here/../flatpak/io.github.heraldsms.Herald.json"}

if [ ! -f "$manifest" ]; then
  echo "usage: $0 [MANIFEST]  ($manifest does not exist)" >&2
  exit 2
fi

exec /usr/bin/python3 - "$manifest" <<'PY'
import json
import sys

APP_ID = "io.github.heraldsms.Herald"
path = sys.argv[1]
problems = []

try:
    with open(path, encoding="utf-8") as f:
        m = json.load(f)
except (OSError, ValueError) as e:
    print(f"check-flatpak-manifest: {path}: not valid JSON: {e}", file=sys.stderr)
    sys.exit(1)

if not isinstance(m, dict):
    print(f"check-flatpak-manifest: {path}: not a JSON object", file=sys.stderr)
    sys.exit(1)

app_id = m.get("id", m.get("app-id"))
if app_id != APP_ID:
    problems.append(f"id/app-id is {app_id!r}, expected {APP_ID!r}")
if "id" in m and "app-id" in m and m["id"] != m["app-id"]:
    problems.append("id and app-id disagree")
if m.get("command") != "herald":
    problems.append(f"command is {m.get('command')!r}, expected 'herald'")
for key, want in (("runtime", "org.gnome.Platform"), ("sdk", "org.gnome.Sdk")):
    if m.get(key) != want:
        problems.append(f"{key} is {m.get(key)!r}, expected {want!r}")

args = m.get("finish-args", [])
if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
    problems.append("finish-args is not a list of strings")
    args = []

for needed in ("--share=network", "--system-talk-name=org.freedesktop.ModemManager1"):
    if needed not in args:
        problems.append(f"finish-args lacks {needed}")

forbidden_exact = {
    "--talk-name=org.freedesktop.secrets": "secrets go through the Secret portal",
    "--socket=session-bus": "whole session bus access",
    "--socket=system-bus": "whole system bus access",
}
for a in args:
    if a in forbidden_exact:
        problems.append(f"finish-args has {a} ({forbidden_exact[a]})")
    if a.startswith("--filesystem="):
        place = a.split("=", 1)[1].split(":", 1)[0]
        if place in ("home", "host", "host-os", "host-etc", "~", "/"):
            problems.append(f"finish-args has {a} (no broad filesystem access)")

modules = m.get("modules", [])
last = modules[-1] if isinstance(modules, list) and modules else None
if not isinstance(last, dict) or last.get("name") != "herald":
    problems.append("the last module is not herald")
else:
    if last.get("buildsystem") != "meson":
        problems.append("the herald module does not build with meson")
    srcs = last.get("sources", [])
    if not any(isinstance(s, dict) and s.get("type") == "dir" and s.get("path") == ".."
               for s in srcs):
        problems.append("the herald module's source is not {type: dir, path: ..}")

for mod in modules if isinstance(modules, list) else []:
    if not isinstance(mod, dict):
        continue
    for s in mod.get("sources", []):
        if isinstance(s, dict) and s.get("type") == "git" and not (s.get("tag") or s.get("commit")):
            problems.append(f"module {mod.get('name')!r}: git source without tag or commit")

if problems:
    print(f"check-flatpak-manifest: {path}:", file=sys.stderr)
    for p in problems:
        print(f"  {p}", file=sys.stderr)
    sys.exit(1)

print(f"{path}: manifest is fine ({len(modules)} modules, {len(args)} finish-args)")
PY
