#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Herald authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Mutation testing: do the tests notice when the code is wrong?
#
#   build-aux/mutate.sh [--sample N] [--seed S] [--only RE] [--min PERCENT] [--list] FILE TEST…
#
# Applies single-token mutants to FILE one at a time (build-aux/mutate.py
# lists the kinds: flipped comparisons, integer constants + 1, negated
# conditions, && ↔ ||, + ↔ -, MIN ↔ MAX, dropped statements), rebuilds the
# TESTs (meson test names) in their own build directory, runs them, and
# prints each mutant as killed (a test failed or hung) or survived. The
# score is killed / non-equivalent: the mutants listed in
# build-aux/mutants-equivalent.txt cannot change behaviour and are not run;
# those that do not compile are listed and not counted.
#
#   --sample N    only N of the non-equivalent mutants, chosen from the seed
#                 (and run in an order chosen from it: with N at least the
#                 number of mutants, all of them in a shuffled order)
#   --seed S      default: the commit (git rev-parse HEAD), so successive
#                 commits test different mutants
#   --only RE     only the mutants whose "LINE: EDIT @ SOURCE LINE" matches
#                 the extended regular expression RE
#   --min P       exit 1 when the score is below P %
#   --list        print the mutants and exit
#
# MUTANT_BUILDDIR: the build directory (default _build-mutants; set up when
# missing, the normal build is untouched). MUTATE_LOCK: a file to flock
# around each mutant's rebuild and test (default /tmp/herald-cpu.lock, so
# that other builds on a shared machine run between mutants; empty: none).
# MUTATE_TIMEOUT: seconds one mutant's tests may take (default five times
# what they take on the real code, at least 10 s; a hang counts as killed).
#
# FILE is restored after each mutant, and on any exit (error, Ctrl-C).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=$(realpath -m -- "${MUTANT_BUILDDIR:-$root/_build-mutants}")
lock=${MUTATE_LOCK-/tmp/herald-cpu.lock}
test_timeout=${MUTATE_TIMEOUT:-}
equivalent_list=$root/build-aux/mutants-equivalent.txt
sample=0
seed=
only=
min=
list_only=0

usage() { sed -n '5,33p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --sample) sample=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --min) min=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --list) list_only=1; shift ;;
    -h|--help) usage ;;
    --*) echo "mutate: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -ge 2 ] || usage
file=$1; shift
tests=("$@")
cd "$root"
file=${file#"$root"/}
[ -f "$file" ] || { echo "mutate: no file $file" >&2; exit 2; }

# Taken around each mutant's rebuild and test, not the whole run.
lock_take() { if [ -n "$lock" ]; then exec 9>"$lock"; flock 9; fi; }
lock_give() { if [ -n "$lock" ]; then flock -u 9; exec 9>&-; fi; }

work=$(mktemp -d)
original=$work/original
mutated=0
# Copied under the lock: another run may have a mutant of FILE in place
# between taking the lock and letting it go, never outside.
lock_take
cp "$file" "$original"
lock_give

restore() {
  if [ "$mutated" = 1 ]; then
    cp "$original" "$file"   # a new mtime: every build recompiles the real file
    mutated=0
  fi
}
cleanup() { restore; rm -rf "$work"; }
trap cleanup EXIT
trap 'cleanup; trap - INT; kill -INT $$' INT
trap 'cleanup; exit 143' TERM HUP

# id, line, kind, edit, key, equivalent reason (- when none)
python3 "$root/build-aux/mutate.py" list "$original" "$equivalent_list" "$file" >"$work/mutants"

if [ "$list_only" = 1 ]; then
  while IFS=$'\t' read -r id line kind edit key reason; do
    printf '%s:%s\t%s\t%s%s\n' "$file" "$line" "$kind" "$edit" \
      "$([ "$reason" = - ] || echo "  (equivalent: $reason)")"
  done <"$work/mutants"
  exit 0
fi

if [ ! -f "$builddir/build.ninja" ]; then
  cc=gcc; cxx=g++
  if command -v ccache >/dev/null; then cc="ccache gcc"; cxx="ccache g++"; fi
  lock_take
  env CC="$cc" CXX="$cxx" meson setup "$builddir" "$root" >/dev/null
  lock_give
fi

# Regenerated first when a meson.build changed since the last run (a new
# test), so that the introspection below knows it.
lock_take
ninja -C "$builddir" build.ninja >/dev/null 2>&1 || true
lock_give

# What the tests run, as ninja targets: the test programs, the targets the
# tests depend on (heraldctl …) and the built programs their environment
# names (HERALD_MOCK_MODEMMANAGER: the mock ModemManager that the harness
# starts for --mock-modems; `meson test --no-rebuild` builds none of these).
mapfile -t targets < <(python3 -c '
import json, os, subprocess, sys
names, builddir = sys.argv[1:-1], sys.argv[-1]
def introspect(what):
    return json.loads(subprocess.run(["meson", "introspect", builddir, what], check=True,
                                     stdout=subprocess.PIPE).stdout)
outputs = {}   # target id: its files
for target in introspect("--targets"):
    outputs[target["id"]] = target["filename"]
built = {f for files in outputs.values() for f in files}
found, wanted = set(), []
def want(path):
    rel = os.path.relpath(path, builddir)
    if rel not in wanted:
        wanted.append(rel)
for t in introspect("--tests"):
    if t["name"] not in names:
        continue
    found.add(t["name"])
    for arg in t["cmd"]:
        path = arg if os.path.isabs(arg) else os.path.join(builddir, arg)
        if path in built:
            want(path)
    for dep in t.get("depends", []):
        for path in outputs.get(dep, []):
            want(path)
    for value in t.get("env", {}).values():
        if value in built:
            want(value)
missing = set(names) - found
if missing:
    sys.exit("mutate: no test named " + ", ".join(sorted(missing)))
for path in wanted:
    print(path)
' "${tests[@]}" "$builddir")
[ ${#targets[@]} -gt 0 ] || { echo "mutate: no executables for ${tests[*]}" >&2; exit 2; }

build_and_test() {
  ninja -C "$builddir" "${targets[@]}" >"$work/build.log" 2>&1 || return 2
  timeout "${test_timeout:-600}" meson test -C "$builddir" --no-rebuild --num-processes 2 \
    "${tests[@]}" >"$work/test.log" 2>&1 || return 1
  return 0
}

# The unmutated code must pass, or every mutant would look killed.
lock_take
baseline=0
ninja -C "$builddir" data/gschemas.compiled "${targets[@]}" >/dev/null 2>&1 || true
t0=${EPOCHREALTIME/[.,]/}
build_and_test || baseline=$?
if [ -z "$test_timeout" ]; then
  test_timeout=$(( (${EPOCHREALTIME/[.,]/} - t0) * 5 / 1000000 ))
  [ "$test_timeout" -ge 10 ] || test_timeout=10
fi
lock_give
if [ "$baseline" != 0 ]; then
  echo "mutate: the tests fail without any mutant:" >&2
  tail -n 30 "$work/build.log" "$work/test.log" >&2 2>/dev/null || true
  exit 1
fi

chosen=$work/chosen
if [ "$sample" -gt 0 ]; then
  [ -n "$seed" ] || seed=$(git -C "$root" rev-parse HEAD 2>/dev/null || echo 0)
  mapfile -t candidates < <(awk -F'\t' '$6 == "-" { print $1 }' "$work/mutants")
  python3 "$root/build-aux/mutate.py" pick "$seed" "$sample" "${candidates[@]}" >"$chosen"
else
  awk -F'\t' '$6 == "-" { print $1 }' "$work/mutants" >"$chosen"
fi
if [ -n "$only" ]; then
  while IFS=$'\t' read -r id line kind edit key reason; do
    if [[ "$line: $key" =~ $only ]] && grep -qx "$id" "$chosen"; then echo "$id"; fi
  done <"$work/mutants" >"$work/only"
  mv "$work/only" "$chosen"
fi

killed=0; survived=0; stillborn=0; equivalent=0
start=$(date +%s)
busy_ms=0   # time under the lock: rebuilding and testing, without waiting for it
while IFS=$'\t' read -r id line kind edit key reason; do
  [ "$reason" != - ] || continue
  equivalent=$((equivalent + 1))
  [ "$sample" -gt 0 ] || [ -n "$only" ] || printf '%s:%s  %s  equivalent (%s)\n' "$file" "$line" "$edit" "$reason"
done <"$work/mutants"

while read -r -u 3 chosen_id; do
  IFS=$'\t' read -r id line kind edit key reason < <(awk -F'\t' -v id="$chosen_id" '$1 == id' "$work/mutants")

  python3 "$root/build-aux/mutate.py" apply "$original" "$id" >"$work/mutant.c"
  status=0
  # Mutated, built and tested under the lock; restored before it is let go.
  lock_take
  t0=${EPOCHREALTIME/[.,]/}
  mutated=1
  cp "$work/mutant.c" "$file"
  build_and_test </dev/null || status=$?
  restore
  busy_ms=$(( busy_ms + (${EPOCHREALTIME/[.,]/} - t0) / 1000 ))
  lock_give

  case $status in
    0) result=SURVIVED; survived=$((survived + 1)) ;;
    1) result=killed; killed=$((killed + 1)) ;;
    2) result="not compiled"; stillborn=$((stillborn + 1)) ;;
  esac
  printf '%s:%s  %s  %s\n' "$file" "$line" "$edit" "$result"
done 3<"$chosen"

counted=$((killed + survived))
if [ "$counted" -gt 0 ]; then
  percent=$((100 * killed / counted))
else
  percent=100
fi
echo "mutation: $file: $killed killed / $counted non-equivalent = $percent %" \
     "($survived survived, $equivalent equivalent, $stillborn not compiled;" \
     "$(( $(date +%s) - start )) s, of which $(( busy_ms / 1000 )) s rebuilding and testing;" \
     "tests: ${tests[*]})"

if [ -n "$min" ] && [ "$percent" -lt "$min" ]; then
  echo "mutation: $file is below $min %" >&2
  exit 1
fi
