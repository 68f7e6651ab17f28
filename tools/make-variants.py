#!/usr/bin/env python3
"""Generates Fixtures/variants/* and Fixtures/bad/* from Fixtures/seeds/*.txt.

Run from the package root: python3 tools/make-variants.py
Deterministic: running it again rewrites the same bytes.

Variants (each must read to the same metadata and table values as its seed):
  NAME.crlf.txt       CRLF line endings
  NAME.cr.txt         CR line endings
  NAME.bom.txt        UTF-8 with a BOM
  NAME.gb18030.txt    GB18030 bytes
  NAME.utf16le.txt    UTF-16LE with a BOM
  NAME.utf16be.txt    UTF-16BE with a BOM
  NAME.fullwidth.txt  table values written with full-width digits (０１２…)

Bad inputs (must give located diagnostics, never a crash):
  empty.txt           no bytes
  blank-lines.txt     only blank lines
  no-tables.txt       seed 000 without sections 二, 三, 四
  binary-junk.bin     pseudo-random bytes
  cut-mid-table.txt   seed 003 cut off in the middle of table 2
  unknown-row.txt     seed 000 with an extra row in table 2
  duplicated-row.txt  seed 000 with a table-2 row repeated
  undecodable.txt     seed 001 with a stray 0xFF byte in line 9
"""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "Fixtures", "seeds")
VARIANTS = os.path.join(ROOT, "Fixtures", "variants")
BAD = os.path.join(ROOT, "Fixtures", "bad")

FULL = str.maketrans("0123456789", "０１２３４５６７８９")
NUMERIC = re.compile(r"^\s*[+-]?\d+(\.\d+)?\s*$")


def fullwidth_values(text):
    """Full-width digits in table cells that are plain numbers (not in labels or prose)."""
    out = []
    in_tables = False
    for line in text.split("\n"):
        stripped = line.strip()
        if re.match(r"^二、", stripped):
            in_tables = True
        elif re.match(r"^五、", stripped):
            in_tables = False
        if in_tables:
            cells = line.split("\t")
            cells = [c.translate(FULL) if NUMERIC.match(c) else c for c in cells]
            line = "\t".join(cells)
        out.append(line)
    return "\n".join(out)


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main():
    os.makedirs(VARIANTS, exist_ok=True)
    os.makedirs(BAD, exist_ok=True)
    seeds = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))
    texts = {}
    for name in seeds:
        with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
            text = f.read()
        texts[name] = text
        stem = name[:-4]
        v = lambda kind: os.path.join(VARIANTS, f"{stem}.{kind}.txt")
        write(v("crlf"), text.replace("\n", "\r\n").encode("utf-8"))
        write(v("cr"), text.replace("\n", "\r").encode("utf-8"))
        write(v("bom"), b"\xef\xbb\xbf" + text.encode("utf-8"))
        write(v("gb18030"), text.encode("gb18030"))
        write(v("utf16le"), b"\xff\xfe" + text.encode("utf-16-le"))
        write(v("utf16be"), b"\xfe\xff" + text.encode("utf-16-be"))
        write(v("fullwidth"), fullwidth_values(text).encode("utf-8"))

    s000 = texts[seeds[0]].split("\n")
    s001 = texts[seeds[1]].split("\n")
    s003 = texts[seeds[3]].split("\n")

    write(os.path.join(BAD, "empty.txt"), b"")
    write(os.path.join(BAD, "blank-lines.txt"), b"\n  \n\t\n\n")

    # No tables: drop everything from 二、 up to (not including) 五、.
    start = next(i for i, l in enumerate(s000) if l.startswith("二、"))
    end = next(i for i, l in enumerate(s000) if l.startswith("五、"))
    write(os.path.join(BAD, "no-tables.txt"), "\n".join(s000[:start] + s000[end:]).encode("utf-8"))

    # Binary junk: a PNG-like header then xorshift bytes.
    x = 0x2545F4914F6CDD1D
    junk = bytearray(b"\x89PNG\r\n\x1a\n")
    for _ in range(4096):
        x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
        x ^= x >> 7
        x ^= (x << 17) & 0xFFFFFFFFFFFFFFFF
        junk.append(x & 0xFF)
    write(os.path.join(BAD, "binary-junk.bin"), bytes(junk))

    # Cut off in the middle of table 2 (inside the row 4.保护第三方合法权益, after two values).
    cut = next(i for i, l in enumerate(s003) if "4.保护第三方合法权益" in l) + 3
    write(os.path.join(BAD, "cut-mid-table.txt"), "\n".join(s003[:cut]).encode("utf-8"))

    # An unknown extra row in table 2, after 8. 属于行政查询事项.
    at = next(i for i, l in enumerate(s000) if "8. 属于行政查询事项" in l) + 1
    extra = "\t\t9. 属于其他不予公开情形\t0\t0\t0\t0\t0\t0\t0"
    write(os.path.join(BAD, "unknown-row.txt"), "\n".join(s000[:at] + [extra] + s000[at:]).encode("utf-8"))

    # A duplicated row in table 2 (2. 重复申请 twice).
    at = next(i for i, l in enumerate(s000) if "2. 重复申请" in l)
    write(os.path.join(BAD, "duplicated-row.txt"), "\n".join(s000[:at + 1] + [s000[at]] + s000[at + 1:]).encode("utf-8"))

    # A stray 0xFF byte in the middle of a line.
    lines = [l.encode("utf-8") for l in s001]
    lines[8] = s001[8][:10].encode("utf-8") + b"\xff" + s001[8][10:].encode("utf-8")
    write(os.path.join(BAD, "undecodable.txt"), b"\n".join(lines))


if __name__ == "__main__":
    main()
