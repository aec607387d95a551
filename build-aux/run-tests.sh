#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Herald authors
# SPDX-License-Identifier: GPL-3.0-or-later
# The test command: installs what the build and the tests need, builds
# Herald in _build (or $BUILDDIR) and runs every suite — unit, integration,
# ui, data, field. Extra arguments go to `meson test` (e.g. --suite unit).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=${BUILDDIR:-$root/_build}

bash "$root/build-aux/install-deps.sh"

if [ -f "$builddir/build.ninja" ]; then
  meson setup --reconfigure "$builddir" "$root" >/dev/null
else
  meson setup "$builddir" "$root" ${MESON_SETUP_ARGS:-}
fi
meson compile -C "$builddir"

set +e
meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
status=$?
set -e

# One closing line for people and CI: every GTest case counted, from the
# TAP each test program printed into meson's log.
/usr/bin/python3 - "$builddir/meson-logs/testlog.json" "$builddir/test-summary.txt" <<'PY'
import json, re, sys
passed = failed = skipped = programs = 0
for line in open(sys.argv[1], encoding="utf-8"):
    entry = json.loads(line)
    programs += 1
    out = entry.get("stdout") or ""
    cases = re.findall(r"^(not ok|ok)\b[^\n]*", out, re.M)
    if not cases:
        # A program without TAP counts as one case.
        if entry["result"] == "SKIP":
            skipped += 1
        elif entry["result"] in ("OK", "EXPECTEDFAIL"):
            passed += 1
        else:
            failed += 1
        continue
    for m in re.finditer(r"^(not ok|ok)\b([^\n]*)", out, re.M):
        if "# SKIP" in m.group(2):
            skipped += 1
        elif m.group(1) == "ok":
            passed += 1
        else:
            failed += 1
    if entry["result"] not in ("OK", "EXPECTEDFAIL", "SKIP") and not re.search(r"^not ok", out, re.M):
        failed += 1   # crashed or timed out between cases
summary = f"tests: {passed} passed, {failed} failed, {skipped} skipped"
print(f"{programs} test programs")
print(summary)
with open(sys.argv[2], "w") as f:
    f.write(summary + "\n")
PY

exit "$status"
