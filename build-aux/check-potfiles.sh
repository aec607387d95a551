#!/bin/sh
# SPDX-FileCopyrightText: 2026 The Herald authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that po/POTFILES.in lists every file with translatable strings, and
# nothing that does not exist.
#
#   build-aux/check-potfiles.sh SOURCE_ROOT
#
# Looked at: src/**/*.{c,cc,h} calling _(), N_(), C_(), NC_(), ngettext() or
# g_dngettext(); src/**/*.ui and data/**/*.ui with translatable="yes";
# data/**/*.desktop.in, *.metainfo.xml.in, *.appdata.xml.in, and *.gschema.xml
# with a <summary> or <description>. Files named in po/POTFILES.skip (if it
# exists) are exempt. Exit status: 0 complete, 1 incomplete, 2 usage error.
set -eu
export LC_ALL=C

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 SOURCE_ROOT" >&2
  exit 2
fi
root=$1
potfiles="$root/po/POTFILES.in"
skipfile="$root/po/POTFILES.skip"

if [ ! -f "$potfiles" ]; then
  echo "check-potfiles: $potfiles does not exist" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# Entries of a POTFILES-style list: no comments, no blank lines, no
# surrounding blanks, no intltool "[type: …]" prefix.
list_entries () {
  sed -e 's/#.*$//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' \
      -e 's/^\[[^]]*\][[:space:]]*//' "$1" | grep -v '^$' | sort -u || true
}

list_entries "$potfiles" > "$tmp/listed"
if [ -f "$skipfile" ]; then
  list_entries "$skipfile" > "$tmp/skipped"
else
  : > "$tmp/skipped"
fi

# Calls that xgettext's glib preset extracts (a space may precede the
# parenthesis, as the house style writes it). #define lines are not calls.
c_calls='(^|[^[:alnum:]_])(_|N_|C_|NC_|ngettext|g_dngettext)[[:space:]]*\('
ui_attr='translatable[[:space:]]*=[[:space:]]*["'\''](yes|true|1)["'\'']'

: > "$tmp/needed"
cd "$root"

if [ -d src ]; then
  find src -type f \( -name '*.c' -o -name '*.cc' -o -name '*.h' \) | sort |
  while IFS= read -r f; do
    if grep -v '^[[:space:]]*#[[:space:]]*define' "$f" | grep -qE "$c_calls"; then
      echo "$f" >> "$tmp/needed"
    fi
  done
fi

for dir in src data; do
  [ -d "$dir" ] || continue
  find "$dir" -type f -name '*.ui' | sort |
  while IFS= read -r f; do
    if grep -qE "$ui_attr" "$f"; then
      echo "$f" >> "$tmp/needed"
    fi
  done
done

if [ -d data ]; then
  find data -type f \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
                       -o -name '*.appdata.xml.in' \) | sort >> "$tmp/needed"
  find data -type f -name '*.gschema.xml' | sort |
  while IFS= read -r f; do
    if grep -qE '<(summary|description)' "$f"; then
      echo "$f" >> "$tmp/needed"
    fi
  done
fi

sort -u "$tmp/needed" -o "$tmp/needed"

status=0

comm -23 "$tmp/needed" "$tmp/listed" | comm -23 - "$tmp/skipped" > "$tmp/missing"
if [ -s "$tmp/missing" ]; then
  echo "check-potfiles: files with translatable strings missing from po/POTFILES.in:" >&2
  sed 's/^/  /' "$tmp/missing" >&2
  status=1
fi

: > "$tmp/absent"
while IFS= read -r f; do
  [ -f "$f" ] || echo "$f" >> "$tmp/absent"
done < "$tmp/listed"
if [ -s "$tmp/absent" ]; then
  echo "check-potfiles: po/POTFILES.in lists files that do not exist:" >&2
  sed 's/^/  /' "$tmp/absent" >&2
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "POTFILES.in is complete ($(wc -l < "$tmp/listed" | tr -d ' ') files)"
fi
exit "$status"
