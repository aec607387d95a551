#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Herald authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Single-token mutants of a C file, for build-aux/mutate.sh.

  mutate.py list FILE [EQUIVALENT]     one mutant a line, tab-separated:
                                       id, line, kind, edit, key, equivalent reason (or -)
  mutate.py apply FILE ID              writes the mutated text to stdout
  mutate.py pick SEED N IDS...         N of the IDS, chosen and ordered from SEED (stable)

A mutant's key is `edit @ source line` (the line's text, spaces squeezed):
it survives edits elsewhere in the file, so build-aux/mutants-equivalent.txt
can name mutants by it.

Kinds: cmp (< <= > >= == != to the neighbouring one), int (an integer
constant + 1), table (in a static table's row, one constant + 1), not (an if/while condition negated), logic (&& and ||),
arith (binary + and -), minmax (MIN and MAX), drop (a return;, break;,
continue;, or an assignment or increment statement deleted, unless
it allocates or frees). Nothing is
mutated in comments, strings, #include/#if lines, g_return*_if_fail,
g_assert*, g_debug/g_message/g_warning/g_critical (guards and logging), or
array sizes.
"""
import hashlib
import re
import sys

GUARDS = re.compile(r'\b(g_return_if_fail|g_return_val_if_fail|g_return_if_reached|'
                    r'g_return_val_if_reached|g_assert\w*|g_debug|g_message|g_warning|'
                    r'g_critical|g_info|G_DEFINE_\w+|G_DECLARE_\w+)\s*\(')


def mask(text):
    """The text with comments, strings and character literals blanked
    (newlines kept), so positions stay those of the source."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            for k in range(i, j):
                if out[k] != '\n':
                    out[k] = ' '
            i = j
        elif text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            for k in range(i, j):
                out[k] = ' '
            i = j
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            for k in range(i + 1, min(j, n)):
                if out[k] != '\n':
                    out[k] = ' '
            i = j + 1
        else:
            i += 1
    return ''.join(out)


def guarded_spans(masked):
    """Character ranges inside guard and logging calls."""
    spans = []
    for m in GUARDS.finditer(masked):
        depth, j = 0, m.end() - 1
        while j < len(masked):
            if masked[j] == '(':
                depth += 1
            elif masked[j] == ')':
                depth -= 1
                if depth == 0:
                    break
            j += 1
        spans.append((m.start(), j + 1))
    return spans


def matching_paren(masked, open_at):
    depth = 0
    for j in range(open_at, len(masked)):
        if masked[j] == '(':
            depth += 1
        elif masked[j] == ')':
            depth -= 1
            if depth == 0:
                return j
    return -1


TOKEN = re.compile(r'\d+\.\d*(?:[eE][-+]?\d+)?|\.\d+|'   # floating constants: left alone
                   r'0[xX][0-9a-fA-F]+[uUlL]*|\d+[uUlL]*(?![.\w])|[A-Za-z_]\w*|'
                   r'<<=|>>=|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||\+=|-=|[-+<>!=(){}\[\];,.*&|?:/%^~]')

CMP = {'<': '<=', '<=': '<', '>': '>=', '>=': '>', '==': '!=', '!=': '=='}
DROP = re.compile(r'^\s*((return|break|continue)\s*;|'
                  r'(\*?[A-Za-z_][\w]*(\s*(->|\.)\s*\w+|\[[^\]]*\])*)\s*'
                  r'(=(?!=)|\+=|-=|\+\+|--)[^;]*;|(\+\+|--)[A-Za-z_][\w>\-.]*\s*;)\s*$')
ALLOC = re.compile(r'(_new\w*|_ref|g_strdup\w*|g_malloc\w*|g_free|_unref|_init)\s*\(|=\s*NULL\s*;')
TYPES = re.compile(r'^\s*(const\s+|static\s+|unsigned\s+|struct\s+)*'
                   r'(g?u?int\w*|gsize|gssize|gboolean|gunichar\w*|char|guchar|double|float|'
                   r'size_t|gpointer|gconstpointer|Herald\w+|G[A-Z]\w*|long|short)\b[\s*]+\w')


def mutants(text):
    masked = mask(text)
    spans = guarded_spans(masked)
    line_starts = [0] + [m.end() for m in re.finditer('\n', text)]
    lines = text.split('\n')

    def line_of(pos):
        lo, hi = 0, len(line_starts)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if line_starts[mid] <= pos:
                lo = mid
            else:
                hi = mid
        return lo + 1

    def guarded(pos):
        return any(a <= pos < b for a, b in spans)

    # Static tables (file-scope `= {` … `};`): data, one mutant a row below.
    tables = []
    depth_at, depth = [], 0
    for ch in masked:
        depth_at.append(depth)
        depth += (ch == '{') - (ch == '}')
    for m in re.finditer(r'\]\s*=\s*\{', masked):
        if depth_at[m.start()] != 0:
            continue
        depth, j = 0, m.end() - 1
        while j < len(masked):
            if masked[j] == '{':
                depth += 1
            elif masked[j] == '}':
                depth -= 1
                if depth == 0:
                    break
            j += 1
        tables.append((m.end(), j))

    def in_table(pos):
        return any(a <= pos < b for a, b in tables)

    found = []   # (start, end, replacement, kind, edit)
    table_rows = {}   # line → [(start, end, tok)]

    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(masked)]
    for idx, (start, end, tok) in enumerate(tokens):
        line_no = line_of(start)
        masked_line = masked.split('\n')[line_no - 1] if False else None
        src_line = lines[line_no - 1].lstrip()
        if guarded(start):
            continue
        if src_line.startswith('#'):
            if not src_line.startswith('#define'):
                continue
            # #define NAME VALUE: only the value's integer constants.
            if not re.match(r'[0-9]', tok):
                continue
        prev = tokens[idx - 1][2] if idx > 0 else ''
        nxt = tokens[idx + 1][2] if idx + 1 < len(tokens) else ''

        if tok in CMP:
            if tok in ('<', '>') and (prev == '#include' or prev == 'include'):
                continue
            found.append((start, end, CMP[tok], 'cmp', f'{tok} → {CMP[tok]}'))
        elif re.match(r'0[xX]|\d', tok):
            if '.' in tok and not tok.lower().startswith('0x'):
                continue   # floating
            if prev == '[' and nxt == ']':
                continue   # an array size
            if in_table(start):
                table_rows.setdefault(line_no, []).append((start, end, tok))
                continue
            m = re.match(r'(0[xX][0-9a-fA-F]+|\d+)(\w*)', tok)
            digits, suffix = m.group(1), m.group(2)
            value = int(digits, 16 if digits[:2].lower() == '0x' else 10)
            new = (f'0x{value + 1:0{len(digits) - 2}X}' if digits[:2].lower() == '0x'
                   else str(value + 1)) + suffix
            found.append((start, end, new, 'int', f'{tok} → {new}'))
        elif tok in ('&&', '||'):
            new = '||' if tok == '&&' else '&&'
            found.append((start, end, new, 'logic', f'{tok} → {new}'))
        elif tok in ('+', '-'):
            if not (re.match(r'\w', prev) or prev in (')', ']')) or prev == 'return':
                continue   # unary
            new = '-' if tok == '+' else '+'
            found.append((start, end, new, 'arith', f'{tok} → {new}'))
        elif tok in ('MIN', 'MAX') and nxt == '(':
            new = 'MAX' if tok == 'MIN' else 'MIN'
            found.append((start, end, new, 'minmax', f'{tok} → {new}'))
        elif tok in ('if', 'while') and nxt == '(':
            open_at = tokens[idx + 1][0]
            close_at = matching_paren(masked, open_at)
            if close_at < 0:
                continue
            cond = text[open_at + 1:close_at]
            found.append((open_at + 1, close_at, f'!({cond})', 'not',
                          f'{tok} (…) → {tok} (!(…))'))

    # A table row: one of its constants + 1, which one chosen from the row's
    # text (stable, and spread over the columns).
    for line_no, row in table_rows.items():
        squeezed = ' '.join(lines[line_no - 1].split())
        start, end, tok = row[int(hashlib.sha1(squeezed.encode()).hexdigest(), 16) % len(row)]
        m = re.match(r'(0[xX][0-9a-fA-F]+|\d+)(\w*)', tok)
        digits, suffix = m.group(1), m.group(2)
        value = int(digits, 16 if digits[:2].lower() == '0x' else 10)
        new = (f'0x{value + 1:0{len(digits) - 2}X}' if digits[:2].lower() == '0x'
               else str(value + 1)) + suffix
        column = row.index((start, end, tok)) + 1
        found.append((start, end, new, 'table', f'{tok} → {new} (constant {column} of the row)'))

    # Dropped statements: whole single-line statements, except those that
    # only create or free something (a crash, not a question to the tests).
    for line_no, line in enumerate(lines, 1):
        mline = masked.split('\n')[line_no - 1]
        if not DROP.match(mline) or TYPES.match(mline) or ALLOC.search(mline):
            continue
        start = line_starts[line_no - 1]
        if guarded(start + len(line) - len(line.lstrip())):
            continue
        stmt = line.strip()
        found.append((start + len(line) - len(line.lstrip()), start + len(line.rstrip()), '',
                      'drop', f'delete `{stmt}`'))

    found.sort()
    result = []
    seen = {}
    for start, end, new, kind, edit in found:
        line_no = line_of(start)
        squeezed = ' '.join(lines[line_no - 1].split())
        key = f'{edit} @ {squeezed}'
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key += f' #{seen[key]}'
        mid = hashlib.sha1(key.encode()).hexdigest()[:8]
        result.append(dict(id=mid, line=line_no, kind=kind, edit=edit, key=key,
                           start=start, end=end, new=new))
    return result


def equivalents(path, file_name):
    """key → reason, from mutants-equivalent.txt: blocks of
         FILE
           line: SOURCE LINE (spaces squeezed)
           edit: EDIT
           why: REASON
       separated by blank lines; # starts a comment line."""
    table = {}
    if path is None:
        return table
    entry = {}
    with open(path, encoding='utf-8') as f:
        for raw in list(f) + ['\n']:
            line = raw.rstrip('\n')
            if line.startswith('#'):
                continue
            if not line.strip():
                if entry:
                    if entry.get('file') == file_name:
                        key = f"{entry['edit']} @ {entry['line']}"
                        table[key] = entry.get('why', '')
                    entry = {}
                continue
            if not line.startswith((' ', '\t')):
                entry['file'] = line.strip()
            else:
                name, _, value = line.strip().partition(':')
                entry[name.strip()] = value.strip()
    return table


def main():
    cmd = sys.argv[1]
    if cmd == 'list':
        path = sys.argv[2]
        eq_path = sys.argv[3] if len(sys.argv) > 3 else None
        file_name = sys.argv[4] if len(sys.argv) > 4 else path
        text = open(path, encoding='utf-8').read()
        eq = equivalents(eq_path, file_name)
        keys = set()
        for m in mutants(text):
            keys.add(m['key'])
            reason = eq.get(m['key'], '-') or '-'
            print('\t'.join([m['id'], str(m['line']), m['kind'], m['edit'], m['key'], reason]))
        for key in eq:
            if key not in keys:
                print(f'mutate.py: {file_name}: no mutant matches the equivalent entry "{key}"',
                      file=sys.stderr)
    elif cmd == 'apply':
        path, mid = sys.argv[2], sys.argv[3]
        text = open(path, encoding='utf-8').read()
        for m in mutants(text):
            if m['id'] == mid:
                sys.stdout.write(text[:m['start']] + m['new'] + text[m['end']:])
                return
        sys.exit(f'mutate.py: no mutant {mid} in {path}')
    elif cmd == 'pick':
        seed, n, ids = sys.argv[2], int(sys.argv[3]), sys.argv[4:]
        ranked = sorted(ids, key=lambda i: hashlib.sha1(f'{seed}:{i}'.encode()).hexdigest())
        print('\n'.join(ranked[:n]))
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
