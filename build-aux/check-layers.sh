#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Herald authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a file under src/ includes a header across a boundary that
# docs/architecture.md forbids. The allowed edges are read from the table
# between the "layers" markers of that document, so the document and the
# check cannot drift apart.
#
#   build-aux/check-layers.sh            prints each crossing, exit 1 if any
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

/usr/bin/python3 - "$root" <<'PY'
import os, re, sys

root = sys.argv[1]
doc = open(os.path.join(root, "docs/architecture.md"), encoding="utf-8").read()
m = re.search(r"<!-- layers:.*?-->(.*?)<!-- end of layers -->", doc, re.S)
if not m:
    sys.exit("check-layers: docs/architecture.md has no layers table")
allowed = {}
for line in m.group(1).splitlines():
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) != 2 or not cells[0].startswith("`"):
        continue
    allowed[cells[0].strip("`")] = set(re.findall(r"`([^`]+)`", cells[1]))
if len(allowed) < 5:
    sys.exit("check-layers: the layers table in docs/architecture.md is too short to be read")

core = os.path.join(root, "src", "core")

def layer_of(path):
    """The layer of a file, by its folder; None for files no rule covers."""
    rel = os.path.relpath(path, os.path.join(root, "src"))
    parts = rel.split(os.sep)
    if parts[0] in ("app", "cli"):
        return parts[0]
    if parts[0] != "core":
        return None
    if len(parts) == 2:
        return "core-root"
    if parts[1] == "providers" and len(parts) > 3:
        return "providers/*"
    return parts[1]

def dialect_folder(path):
    rel = os.path.relpath(path, core).split(os.sep)
    return rel[1] if len(rel) > 2 and rel[0] == "providers" else None

def resolve(including, name):
    """The file an #include "name" reaches, as the compiler would search."""
    for base in (os.path.dirname(including), core):
        p = os.path.normpath(os.path.join(base, name))
        if os.path.exists(p):
            return p
    return None

crossings = []
checked = 0
for dirpath, _, files in os.walk(os.path.join(root, "src")):
    for f in files:
        if not f.endswith((".c", ".h", ".cc")):
            continue
        path = os.path.join(dirpath, f)
        src_layer = layer_of(path)
        if src_layer is None or f == "herald-core.h":
            continue
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            mi = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if not mi:
                continue
            target = resolve(path, mi.group(1))
            if target is None or not target.startswith(core + os.sep) and layer_of(target) is None:
                continue
            checked += 1
            dst_layer = layer_of(target)
            if os.path.basename(target) == "herald-core.h":
                ok = src_layer in ("app", "cli")
            elif dst_layer == src_layer:
                # one dialect folder never reaches into another
                ok = dst_layer != "providers/*" or dialect_folder(path) == dialect_folder(target)
            else:
                ok = dst_layer in allowed.get(src_layer, set())
            if not ok:
                crossings.append(f"{os.path.relpath(path, root)}:{n}: {src_layer} includes {dst_layer} "
                                 f"({mi.group(1)})")

for c in crossings:
    print(c)
print(f"check-layers: {checked} includes checked against docs/architecture.md, {len(crossings)} crossing(s)")
sys.exit(1 if crossings else 0)
PY
