#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Herald authors
# SPDX-License-Identifier: GPL-3.0-or-later
# The static-analysis gate: clang-tidy (.clang-tidy) and cppcheck
# (build-aux/cppcheck.supp) over every .c and .cc file under src/, with the
# flags of a configured build directory's compile_commands.json; then the
# include layers of docs/architecture.md (build-aux/check-layers.sh).
#
#   build-aux/run-static-analysis.sh [BUILDDIR]     (default: _build)
#
# Prints one line per tool (findings, time) and, when there are findings,
# the findings. Exit status: 0 no finding, 1 findings, 2 could not run.
# JOBS (default 2) sets how many clang-tidy/cppcheck processes run at once;
# CLANG_TIDY and CPPCHECK name other binaries.
#
# A file under src/ that the build does not compile yet (not in the compile
# database) is still analysed, with the flags of a compiled file beside it;
# the script says so on stderr.
set -euo pipefail
shopt -s nullglob

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=${1:-_build}
jobs=${JOBS:-2}

if [ ! -d "$builddir" ] && [ -d "$root/$builddir" ]; then
  builddir=$root/$builddir
fi
if [ ! -f "$builddir/compile_commands.json" ]; then
  echo "run-static-analysis: no compile_commands.json in '$builddir'; run meson setup first" >&2
  exit 2
fi

find_tool () {
  local name
  for name in "$@"; do
    if command -v "$name" >/dev/null 2>&1; then
      command -v "$name"
      return 0
    fi
  done
  return 1
}

if [ -n "${CLANG_TIDY:-}" ]; then
  set -- "$CLANG_TIDY"
else
  set -- clang-tidy clang-tidy-14
fi
clang_tidy=$(find_tool "$@") ||
  { echo "run-static-analysis: clang-tidy not found" >&2; exit 2; }
cppcheck=$(find_tool "${CPPCHECK:-cppcheck}") ||
  { echo "run-static-analysis: cppcheck not found" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/herald-static-analysis.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/tidy"

# A compile database of src/ only: no generated sources (resources), each
# file once, and the files the build does not list yet.
python3 - "$root" "$builddir/compile_commands.json" "$work" <<'PY'
import json, os, shlex, sys

root, database, work = sys.argv[1:]
src = os.path.join(root, "src") + os.sep

def absolute(entry, path):
    """The entry's command with @path as its source and absolute -I paths, so
    that both tools name every file by its absolute path."""
    directory = entry["directory"]
    if "arguments" in entry:
        arguments = list(entry["arguments"])
    else:
        arguments = shlex.split(entry["command"])
    source = os.path.normpath(os.path.join(directory, entry["file"]))
    out = []
    after_i = False
    for a in arguments:
        if after_i:
            a = os.path.normpath(os.path.join(directory, a))
        elif a.startswith("-I") and len(a) > 2:
            a = "-I" + os.path.normpath(os.path.join(directory, a[2:]))
        elif not a.startswith("-") and os.path.normpath(os.path.join(directory, a)) == source:
            a = path
        after_i = a == "-I"
        out.append(a)
    return {"directory": directory, "file": path, "arguments": out}

entries = {}
for entry in json.load(open(database, encoding="utf-8")):
    path = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
    if path.startswith(src) and path not in entries:
        entries[path] = absolute(entry, path)

def borrow(path):
    """The entry of the nearest compiled file of the same language."""
    ext = os.path.splitext(path)[1]
    best = None
    for other in entries:
        if os.path.splitext(other)[1] != ext:
            continue
        shared = len(os.path.commonpath([os.path.dirname(path), os.path.dirname(other)]))
        if best is None or shared > best[0]:
            best = (shared, other)
    return best[1] if best else None

for dirpath, dirnames, filenames in os.walk(os.path.join(root, "src")):
    dirnames.sort()
    for name in sorted(filenames):
        path = os.path.join(dirpath, name)
        if not name.endswith((".c", ".cc")) or path in entries:
            continue
        other = borrow(path)
        if other is None:
            sys.exit(f"run-static-analysis: no compiled file to take flags from for {path}")
        entries[path] = absolute(entries[other], path)
        print(f"run-static-analysis: note: {os.path.relpath(path, root)} is not in the build; "
              f"analysed with the flags of {os.path.relpath(other, root)}", file=sys.stderr)

with open(os.path.join(work, "compile_commands.json"), "w", encoding="utf-8") as out:
    json.dump(list(entries.values()), out, indent=1)
with open(os.path.join(work, "files"), "wb") as out:
    out.write(b"".join(p.encode() + b"\0" for p in sorted(entries)))
PY

# Findings as "path:line:col: severity: message [check]", paths relative to
# the source tree, each once (a header's finding comes from every file that
# includes it).
collect () {
  python3 - "$root" "$@" <<'PY'
import os, re, sys

root = sys.argv[1]
finding = re.compile(r"^(/?[^:\s][^:]*):(\d+):(\d+): (warning|error|style|performance|portability): (.*)$")
seen = []
for log in sys.argv[2:]:
    for line in open(log, encoding="utf-8", errors="replace"):
        match = finding.match(line.rstrip("\n"))
        if not match:
            continue
        path = os.path.normpath(os.path.join(root, match.group(1)))
        if path.startswith(root + os.sep):
            path = os.path.relpath(path, root)
        text = f"{path}:{match.group(2)}:{match.group(3)}: {match.group(4)}: {match.group(5)}"
        if text not in seen:
            seen.append(text)
for text in sorted(seen):
    print(text)
PY
}

now () {
  echo "$EPOCHREALTIME"
}

elapsed () {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'
}

n_files=$(tr -cd '\0' <"$work/files" | wc -c)
status=0

# clang-tidy: one process per file, JOBS at a time, one log each (xargs
# rather than run-clang-tidy: same parallelism, no Python wrapper whose
# options change between LLVM releases). The database may come from GCC:
# clang stays quiet about GCC-only -W options.
start=$(now)
# (sh -c: $0 is clang-tidy, $1 the work directory, $2 the file.)
# shellcheck disable=SC2016 # expanded by that sh, not here
xargs -0 -P "$jobs" -n 1 sh -c '
  log="$1/tidy/$(printf "%s" "$2" | tr "/" "_").log"
  "$0" --quiet -p "$1" --extra-arg=-Wno-unknown-warning-option "$2" >"$log" 2>&1
  echo $? >"$log.status"
' "$clang_tidy" "$work" <"$work/files" || true
tidy_time=$(elapsed "$start" "$(now)")

collect "$work"/tidy/*.log >"$work/tidy.findings"
tidy_count=$(wc -l <"$work/tidy.findings")
tidy_failed=""
for status_file in "$work"/tidy/*.log.status; do
  log=${status_file%.status}
  # A non-zero exit without a single finding is clang-tidy failing to run.
  if [ "$(cat "$status_file")" != 0 ] && [ -z "$(collect "$log")" ]; then
    tidy_failed="$tidy_failed $log"
  fi
done

echo "clang-tidy: $tidy_count findings in $n_files files, ${tidy_time} s"
if [ "$tidy_count" -gt 0 ]; then
  cat "$work/tidy.findings"
  status=1
fi
if [ -n "$tidy_failed" ]; then
  for log in $tidy_failed; do
    echo "clang-tidy failed:" >&2
    cat "$log" >&2
  done
  status=2
fi

# cppcheck: the database gives each file its include paths and defines, so
# GLib's macros expand as the compiler sees them. __GNUC__ is left undefined
# on purpose: GLib then leaves g_autofree/g_autoptr to cppcheck's gtk.cfg,
# which knows they free, whereas cppcheck 2.10 does not understand the
# __attribute__((cleanup)) GLib uses under GCC and reports every one as a leak.
start=$(now)
cppcheck_status=0
"$cppcheck" --quiet -j "$jobs" \
  --project="$work/compile_commands.json" \
  --enable=warning,style,performance,portability \
  --library=gtk \
  --inline-suppr \
  --suppressions-list="$root/build-aux/cppcheck.supp" \
  --error-exitcode=1 \
  --template='{file}:{line}:{column}: {severity}: {message} [{id}]' \
  >"$work/cppcheck.out" 2>"$work/cppcheck.log" || cppcheck_status=$?
cppcheck_time=$(elapsed "$start" "$(now)")

collect "$work/cppcheck.log" >"$work/cppcheck.findings"
cppcheck_count=$(wc -l <"$work/cppcheck.findings")

echo "cppcheck: $cppcheck_count findings in $n_files files, ${cppcheck_time} s"
if [ "$cppcheck_count" -gt 0 ]; then
  cat "$work/cppcheck.findings"
  [ "$status" = 0 ] && status=1
fi
if [ "$cppcheck_status" != 0 ] && [ "$cppcheck_count" = 0 ]; then
  echo "cppcheck failed:" >&2
  cat "$work/cppcheck.out" "$work/cppcheck.log" >&2
  status=2
fi

# The layers of docs/architecture.md: no include may cross a boundary the
# document forbids.
if ! layers_out=$(bash "$root/build-aux/check-layers.sh" 2>&1); then
  echo "$layers_out"
  [ "$status" = 0 ] && status=1
else
  echo "$layers_out" | tail -n 1
fi

exit "$status"
