#!/usr/bin/env python3
"""Robustness (fuzz) harness for the `ogi` command-line tool. Run by hand; not part of `swift test`.

Build first (this script builds nothing):

    swift build -c release            # default binary: .build/release/ogi
    python3 tools/fuzz.py --seconds 600 --seed 1

Options:
    --seconds N      run for about N seconds (default 60)
    --cases N        stop after N cases (with --seed this gives the exact same run every time)
    --seed S         the seed (default 0); case I of seed S is always the same input
    --case I         run only case I of seed S (reproduce one failure)
    --bin PATH       the ogi binary (default .build/release/ogi)
    --timeout T      seconds per ogi run before it counts as a hang (default 5)
    --max-rss-mb M   peak memory of one ogi run above which it counts as a failure (default 1024)
    --out DIR        where failing inputs are saved (default /tmp/ogi-fuzz)
    --minimise FILE  shrink FILE (text or XML) to a smaller input that still shows the same failure
                     (--signature SUBSTRING picks which failure when FILE shows several); writes FILE.min
    --check FILE…    run the commands and checks on these files (e.g. Fixtures/fuzz/*: the reproducers)
    --start I        with --cases/--seconds: the first case number (default 0)
    --bench          time and peak memory of `ogi normalize` on a plain seed and on 1 MB / 10 MB inputs (the
                     seed repeated, one long narrative line, one long tab row, blank lines) and 25k-100k
                     empty cells in one table row; prints ratios to the plain seed (--repeat N: best of N)

Inputs: Fixtures/seeds/*.txt and Fixtures/variants/* (text), mutated by byte flips, truncation (also in
the middle of a UTF-8 sequence), line deletion/duplication/shuffling, tab and newline insertion/removal,
switching between the tab-table and the one-cell-per-line layouts, replacing numbers (huge, negative,
"/", "—", CJK text, full-width digits…), 1 MB lines, many blank lines, NUL bytes, invalid UTF-8,
UTF-16 without a BOM, GB18030, repeated section headings, duplicated tables, repeated table headers.
XML cases: the output of `ogi normalize` on the seeds (and Fixtures/canonical/valid/*.xml), mutated by
removing/duplicating/renaming elements, changing attribute values and text, DOCTYPE and entity
injection, 10k-level nesting, 1 MB attributes, truncation, byte flips, wrong encoding declarations.

Each text case runs `ogi normalize IN -o OUT.xml`, `ogi check IN`, and on OUT.xml `ogi validate`,
`ogi check` and `ogi template --from`. Each XML case runs `ogi validate`, `ogi check` and
`ogi template --from` on the mutated XML. A case fails on:
  crash        killed by a signal, or an exit status not in {0, 1, 2}
  hang         still running after --timeout seconds
  slow         more than 1 s + 0.5 s per MB of input (ogi's linear rate is ~0.1 s/MB): superlinear code
  memory       peak RSS above --max-rss-mb
  stderr       a line on stderr not shaped `FILE:LINE[:COL]: severity[code]: …` or `FILE: severity…`
               (libxml2's own messages, Swift runtime "Fatal error", multi-line messages…)
  invalid-out  normalize exited 0/1 and wrote XML that `ogi validate` rejects, or normalize exited 2
               saying its own output fails the schema (both are bugs in ogi)
  inconsistent `ogi validate` accepts an XML file that `ogi template --from` / `ogi check` refuse
               with exit 2 (the reader and the schema disagree about what is valid)
Crashes are grouped by the Swift runtime's message and the first frame in Sources/ of the backtrace the
runtime prints on stderr (release builds carry enough symbols; no debugger needed).
Each distinct failure found so far has a minimal reproducer in Fixtures/fuzz/ (see its README.md).
Failing inputs are saved as DIR/SIGNATURE-HASH/CASE/{input,cmd.txt,stderr.txt,stdout.txt}, a few per
distinct signature. The run ends with a table of distinct failures and "N passed, N failed".
"""
import argparse
import glob
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEVERITY_LINE = re.compile(r"^.+?(:\d+(:\d+)?)?: (note|warning|error)(\[[^\]\s]*\])?: ")
KEEP_PER_SIGNATURE = 3
MAX_INPUT = 12_000_000  # stacked mutations are cut to this many bytes
SLOW_BASE, SLOW_PER_MB = 1.0, 0.5  # a run slower than this (seconds) counts as "slow": ogi reads ~10 MB/s


# ---------------------------------------------------------------- running ogi

class Run:
    """One finished (or killed) ogi process."""

    def __init__(self, argv, rc, sig, timed_out, stdout, stderr, seconds, maxrss_kb):
        self.argv, self.rc, self.sig, self.timed_out = argv, rc, sig, timed_out
        self.stdout, self.stderr, self.seconds, self.maxrss_kb = stdout, stderr, seconds, maxrss_kb


TIME = "/usr/bin/time"  # GNU time: the peak RSS of ogi itself (wait4 in this big Python process would
                       # report the Python process's own peak, inherited across fork and exec)


def run_ogi(binary, args, timeout, workdir):
    """Runs `binary args…` with a timeout (the whole process group is killed); returns a Run."""
    out_path = os.path.join(workdir, "stdout")
    err_path = os.path.join(workdir, "stderr")
    res_path = os.path.join(workdir, "rusage")
    argv = [binary] + args
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.monotonic()
        proc = subprocess.Popen([TIME, "-o", res_path, "-f", "%x %M"] + argv, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=err, cwd=workdir, start_new_session=True,
                                env=dict(os.environ, LC_ALL="C.UTF-8"))
        try:
            proc.wait(timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(proc.pid, 9)
            proc.wait()
        seconds = time.monotonic() - start
    with open(out_path, "rb") as f:
        stdout = f.read()
    with open(err_path, "rb") as f:
        stderr = f.read()
    rc, sig, maxrss = None, None, 0
    try:
        with open(res_path) as f:
            res = f.read()
        m = re.search(r"terminated by signal (\d+)", res)
        sig = int(m.group(1)) if m else None
        last = res.strip().splitlines()[-1].split()
        rc, maxrss = (None if sig else int(last[0])), int(last[1])
    except (OSError, IndexError, ValueError):
        rc = proc.returncode
    return Run(argv, rc, sig, timed_out, stdout, stderr, seconds, maxrss)


def norm(text, path=None, limit=90):
    """A failure message made comparable: paths, numbers and quoted input removed."""
    if path:
        text = text.replace(path, "FILE")
    text = re.sub(r"/tmp/[^\s:]+", "FILE", text)
    text = re.sub(r"'[^']*'|\"[^\"]*\"|‘[^’]*’|“[^”]*”", "Q", text)
    text = re.sub(r"\d+", "N", text)
    return text.strip()[:limit]


FRAME = re.compile(r"^\s*\d+ .*?0x[0-9a-f]+ (?:specialized |merged |partial apply for )*(.+?)(?:\(.*\))? \+ \d+ in \S+ at (\S+)")


def crash_reason(errtext):
    """(reason, first frame of ours) from a Swift runtime crash report on stderr."""
    reason = ""
    for line in errtext.splitlines():
        m = re.search(r"(Swift runtime failure: .*?|Fatal error: .*)( \*\*\*)?$", line)
        if m:
            reason = m.group(1)
            break
    frame = ""
    for line in errtext.splitlines():
        m = FRAME.match(line)
        if m and "[system]" not in line and "/Sources/" in m.group(2):
            where = re.sub(r":\d+$", "", os.path.basename(m.group(2)))  # file:line, without the column
            frame = f"{m.group(1)} ({where})"
            break
    return reason, frame


def problems_of(run, name, input_path, max_rss_kb, stdout_is_diagnostics=False):
    """The failures one run shows: list of (signature, detail)."""
    found = []
    if run.timed_out:
        found.append((f"hang:{name}", f"no exit after the timeout ({run.seconds:.1f}s)"))
        return found
    errtext = run.stderr.decode("utf-8", "replace")
    if run.sig is not None or run.rc not in (0, 1, 2):
        how = f"signal {run.sig}" if run.sig is not None else f"exit {run.rc}"
        reason, frame = crash_reason(errtext)
        # the same bug crashes every command that reaches it: the signature leaves the command out
        found.append((f"crash:{norm(reason, input_path)} @ {frame}", f"{name}: {how}; {reason} @ {frame}"))
        return found  # the crash report on stderr is not checked for shape
    mb = os.path.getsize(input_path) / 1e6
    if run.seconds > SLOW_BASE + SLOW_PER_MB * mb:
        found.append((f"slow:{name}", f"{run.seconds:.1f}s for {mb:.2f} MB (more than {SLOW_BASE}s + {SLOW_PER_MB}s/MB: "
                                      f"superlinear?)"))
    if run.maxrss_kb > max_rss_kb:
        found.append((f"memory:{name}", f"peak RSS {run.maxrss_kb // 1024} MB"))
    streams = [("stderr", errtext)]
    if stdout_is_diagnostics:
        streams.append(("stdout", run.stdout.decode("utf-8", "replace")))
    for stream, text in streams:
        previous = None
        for line in text.split("\n"):
            if line == "" or SEVERITY_LINE.match(line):
                previous = line or previous
                continue
            if previous is not None:
                m = re.search(r": ((?:note|warning|error)(\[[^\]]*\])?): (.*)", previous)
                what = m.group(1) if m and m.group(2) else (m.group(1) + ": " + norm(m.group(3), None, 40) if m else "")
                what = f"a diagnostic ({what}) goes on over several lines"
                found.append((f"{stream}:{name}:{what}", (previous + "\n" + line)[:400]))
            else:
                found.append((f"{stream}:{name}:{norm(line, input_path)}", line[:300]))
            break  # one odd line per stream is enough
    return found


# ---------------------------------------------------------------- seeds and mutations

def load_text_seeds():
    paths = sorted(glob.glob(os.path.join(ROOT, "Fixtures", "seeds", "*.txt")))
    paths += sorted(p for p in glob.glob(os.path.join(ROOT, "Fixtures", "variants", "*")) if os.path.isfile(p))
    seeds = []
    for p in paths:
        with open(p, "rb") as f:
            seeds.append((os.path.basename(p), f.read()))
    return seeds


def plain_utf8(data):
    """The seed as UTF-8 text if it decodes (variants in other encodings are mutated as bytes only)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


HEADING = re.compile(r"^\s*([一二三四五六七]、|[1-6１-６][、.．]|（[一二三四五六七]）|\([1-7]\))")
NUMBER = re.compile(r"(?<![\d.])[+-]?\d+(\.\d+)?(?![\d.])|[０-９]+")
REPLACEMENTS = ["99999999999999999999999999999999", "18446744073709551616", "9223372036854775808",
                "-9223372036854775809", "-1", "-58", "+1", "-0", "/", "-", "—", "－", "–", "无", "一百二十",
                "增72", "减3", "１２３", "１２.５", "1e309", "1E5", "NaN", "inf", "0x1F", "1,234,567",
                "1，234", "3.14159265358979323846264338327950288", "0.000000000001", ".5", "5.", "2560万元",
                "251000元", "9" * 400, "1" * 5000, "", " ", "\u3000", "٣", "߀", "𝟙𝟚", "Ⅻ", "½", "⁵",
                "0" * 100 + "1", "12 34", "1\t2", "壹佰"]
JUNK_CHARS = ["\t", "\n", "\r", "\r\n", "\u3000", "\u00a0", "\u200b", "\ufeff", "\u2028", "\u0085",
              "\x00", "\x1b[31m", "（", "）", "、", "：", "第二十条第（", "[bookmark: _GoBack]", "\ud7ff", "𠀀"]


def to_cell_per_line(text):
    """Tab rows → one cell a line (each starting with a tab), a blank line after each row."""
    out = []
    for line in text.split("\n"):
        if "\t" in line:
            cells = line.split("\t")
            out.extend("\t" + c for c in cells)
            out.append("")
        else:
            out.append(line)
    return "\n".join(out)


def to_tab_rows(text):
    """One cell a line → tab rows: runs of lines separated by blank lines joined with tabs."""
    out, run = [], []
    for line in text.split("\n") + [""]:
        if line.strip() == "":
            if run:
                out.append("\t".join(c.lstrip("\t") for c in run) if any(l.startswith("\t") for l in run) else "\n".join(run))
                run = []
            out.append(line)
        else:
            run.append(line)
    return "\n".join(out[:-1])


class TextMutator:
    """Mutations of a text submission. Each takes and returns bytes; most work on the decoded text."""

    def __init__(self, rng):
        self.r = rng

    # --- byte level
    def byte_flips(self, b):
        b = bytearray(b)
        for _ in range(self.r.randint(1, 8)):
            if b:
                i = self.r.randrange(len(b))
                b[i] = self.r.choice([b[i] ^ (1 << self.r.randrange(8)), self.r.randrange(256)])
        return bytes(b)

    def truncate(self, b):
        if not b:
            return b
        multibyte = [i for i in range(1, len(b)) if 0x80 <= b[i] < 0xC0]
        if multibyte and self.r.random() < 0.5:
            return b[:self.r.choice(multibyte)]  # cut inside a UTF-8 sequence
        return b[:self.r.randrange(len(b))]

    def nul_bytes(self, b):
        b = bytearray(b)
        for _ in range(self.r.randint(1, 20)):
            b[self.r.randrange(len(b) + 1):0] = b"\x00" * self.r.choice([1, 1, 2, 100])
        return bytes(b)

    def invalid_utf8(self, b):
        bad = [b"\xff", b"\xfe", b"\xc0\x80", b"\xe0\x80\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
               b"\x80", b"\xbf\xbf", b"\xe4\xb8", b"\xf0\x9f\x98", b"\xc3", b"\xf8\x88\x80\x80\x80"]
        b = bytearray(b)
        for _ in range(self.r.randint(1, 5)):
            b[self.r.randrange(len(b) + 1):0] = self.r.choice(bad)
        return bytes(b)

    def utf16_no_bom(self, b):
        t = plain_utf8(b)
        if t is None:
            return b
        return t.encode(self.r.choice(["utf-16-le", "utf-16-be"]), "surrogatepass")

    def other_encoding(self, b):
        t = plain_utf8(b)
        if t is None:
            return b
        enc = self.r.choice(["gb18030", "gbk", "big5", "utf-16", "utf-32", "shift_jis", "latin-1"])
        return t.encode(enc, "replace")

    # --- text level (bytes → str → bytes)
    def _text(self, b, f):
        t = plain_utf8(b)
        if t is None:
            return self.byte_flips(b)
        bom = b.startswith(b"\xef\xbb\xbf")
        t2 = f(t)
        return (b"\xef\xbb\xbf" if bom else b"") + t2.encode("utf-8", "surrogatepass")

    def _lines(self, b, f):
        def g(t):
            crlf = "\r\n" in t
            lines = t.replace("\r\n", "\n").split("\n")
            lines = f(lines)
            return ("\r\n" if crlf else "\n").join(lines)
        return self._text(b, g)

    def delete_lines(self, b):
        def f(ls):
            for _ in range(self.r.randint(1, 10)):
                if ls:
                    i = self.r.randrange(len(ls))
                    del ls[i:i + self.r.choice([1, 1, 2, 5, 20])]
            return ls
        return self._lines(b, f)

    def duplicate_lines(self, b):
        def f(ls):
            for _ in range(self.r.randint(1, 10)):
                i = self.r.randrange(len(ls))
                n = self.r.choice([1, 1, 3, 10])
                ls[i:i] = ls[i:i + n] * self.r.choice([1, 2, 5])
            return ls
        return self._lines(b, f)

    def shuffle_lines(self, b):
        def f(ls):
            i = self.r.randrange(len(ls))
            j = min(len(ls), i + self.r.choice([2, 3, 5, 10, 50, len(ls)]))
            part = ls[i:j]
            self.r.shuffle(part)
            ls[i:j] = part
            return ls
        return self._lines(b, f)

    def insert_junk(self, b):
        def f(t):
            t = list(t)
            for _ in range(self.r.randint(1, 30)):
                t.insert(self.r.randrange(len(t) + 1), self.r.choice(JUNK_CHARS))
            return "".join(t)
        return self._text(b, f)

    def remove_tabs_newlines(self, b):
        def f(t):
            idx = [i for i, c in enumerate(t) if c in "\t\n"]
            drop = set(self.r.sample(idx, min(len(idx), self.r.choice([1, 5, 20, 100]))))
            if self.r.random() < 0.1:
                drop = set(i for i in idx if t[i] == self.r.choice("\t\n"))  # all of them
            return "".join(c for i, c in enumerate(t) if i not in drop)
        return self._text(b, f)

    def tabs_to_spaces(self, b):
        return self._text(b, lambda t: t.replace("\t", self.r.choice(["  ", " ", "\u3000", "|", ",", "    "])))

    def swap_layout(self, b):
        def f(t):
            crlf = "\r\n" in t
            t = t.replace("\r\n", "\n")
            tabrows = sum(1 for l in t.split("\n") if l.count("\t") >= 2)
            lines = t.split("\n")
            if self.r.random() < 0.5:  # whole file
                t = to_cell_per_line(t) if tabrows > 10 else to_tab_rows(t)
            else:  # only a region: the two layouts mixed in one file
                i = self.r.randrange(len(lines))
                j = min(len(lines), i + self.r.randint(5, 80))
                region = "\n".join(lines[i:j])
                region = to_cell_per_line(region) if tabrows > 10 else to_tab_rows(region)
                t = "\n".join(lines[:i] + [region] + lines[j:])
            return t.replace("\n", "\r\n") if crlf else t
        return self._text(b, f)

    def replace_numbers(self, b):
        def f(t):
            ms = list(NUMBER.finditer(t))
            if not ms:
                return t
            chosen = set(self.r.sample(range(len(ms)), min(len(ms), self.r.choice([1, 3, 10, 50, len(ms)]))))
            same = self.r.choice(REPLACEMENTS) if self.r.random() < 0.2 else None
            out, last = [], 0
            for k, m in enumerate(ms):
                if k in chosen:
                    out += [t[last:m.start()], same if same is not None else self.r.choice(REPLACEMENTS)]
                    last = m.end()
            out.append(t[last:])
            return "".join(out)
        return self._text(b, f)

    def long_line(self, b):
        def f(ls):
            i = self.r.randrange(len(ls) + 1)
            unit = self.r.choice(["0\t", "政", "a", "\t", " ", "1", "（一）", ls[max(0, i - 1)] if ls else "x"])
            size = self.r.choice([100_000, 1_000_000])
            line = (unit * (size // max(1, len(unit.encode())) + 1))
            if self.r.random() < 0.5 and ls:
                ls[min(i, len(ls) - 1)] += line  # extend an existing line (a table row, a heading…)
            else:
                ls.insert(i, line)
            return ls
        return self._lines(b, f)

    def blank_lines(self, b):
        def f(ls):
            i = self.r.randrange(len(ls) + 1)
            ls[i:i] = [self.r.choice(["", " ", "\t", "\u3000"])] * self.r.choice([100, 10_000, 100_000])
            return ls
        return self._lines(b, f)

    def repeat_headings(self, b):
        def f(ls):
            heads = [l for l in ls if HEADING.match(l)] or ["二、主动公开政府信息情况"]
            for _ in range(self.r.randint(1, 20)):
                ls.insert(self.r.randrange(len(ls) + 1), self.r.choice(heads))
            if self.r.random() < 0.2:
                ls.insert(self.r.randrange(len(ls) + 1), "\n".join([self.r.choice(heads)] * 5000))
            return ls
        return self._lines(b, f)

    def duplicate_table(self, b):
        def f(ls):
            starts = [i for i, l in enumerate(ls) if HEADING.match(l)] + [len(ls)]
            if len(starts) < 2:
                return ls
            k = self.r.randrange(len(starts) - 1)
            block = ls[starts[k]:starts[k + 1]]
            times = self.r.choice([1, 1, 2, 10, 100])
            at = self.r.choice([starts[k + 1], self.r.randrange(len(ls) + 1), len(ls)])
            ls[at:at] = block * times
            return ls
        return self._lines(b, f)

    def repeat_headers(self, b):
        def f(ls):
            hdr = [i for i, l in enumerate(ls)
                   if any(k in l for k in ("信息内容", "申请人情况", "自然人", "商业", "行政复议", "第二十条"))]
            if not hdr:
                return ls
            i = self.r.choice(hdr)
            n = self.r.choice([1, 2, 3])
            ls[i:i] = ls[i:i + n] * self.r.choice([2, 10, 1000, 5000])
            return ls
        return self._lines(b, f)

    def line_endings(self, b):
        def f(t):
            t = t.replace("\r\n", "\n")
            mode = self.r.choice(["crlf", "cr", "mixed", "lsep"])
            if mode == "crlf":
                return t.replace("\n", "\r\n")
            if mode == "cr":
                return t.replace("\n", "\r")
            if mode == "lsep":
                return t.replace("\n", self.r.choice(["\u2028", "\u0085", "\x0b", "\x0c"]))
            return "".join(c if c != "\n" else self.r.choice(["\n", "\r\n", "\r"]) for c in t)
        return self._text(b, f)

    def splice(self, b, other):
        """Head of one seed, tail of another (mixed editions and layouts)."""
        i = self.r.randrange(len(b) + 1)
        j = self.r.randrange(len(other) + 1)
        return b[:i] + other[j:]

    OPS = ["byte_flips", "truncate", "nul_bytes", "invalid_utf8", "utf16_no_bom", "other_encoding",
           "delete_lines", "duplicate_lines", "shuffle_lines", "insert_junk", "remove_tabs_newlines",
           "tabs_to_spaces", "swap_layout", "replace_numbers", "long_line", "blank_lines", "repeat_headings",
           "duplicate_table", "repeat_headers", "line_endings", "splice"]
    # weights: cheap structural mutations often, huge inputs rarely
    WEIGHTS = [6, 4, 2, 3, 1, 1, 6, 6, 4, 6, 4, 2, 5, 10, 1, 1, 4, 4, 3, 2, 3]
    # mutations after which the bytes are no longer UTF-8 text (applied last)
    FINAL = {"utf16_no_bom", "other_encoding"}


class XMLMutator:
    """Mutations of canonical XML (string level; no XML library, so broken documents come out too)."""

    ATTR = re.compile(rb'(\s)([A-Za-z_:][\w:.-]*)="([^"]*)"')
    START = re.compile(rb"<([A-Za-z_][\w:.-]*)(\s[^<>]*?)?(/?)>")
    VALUES = [b"", b"-1", b"0", b"abc", b"99999999999999999999999999999999", b"1e999", b"NaN", b"\xef\xbc\x92",
              b"2019", b"2021", b"2030", b"1900", b"0.5", b"-0", b" 1 ", b"true", b"value", b"zero", b"blank",
              b"notApplicable", b"text", b"&amp;", b"&#0;", b"&#x1F;", b"&lt;x&gt;", b"\xe4\xb8\x80",
              b"x" * 2000, b"t1", b"t2", b"t3", b"r1.c1", b"&#xD800;", b"\t\n", b"9" * 40]

    def __init__(self, rng):
        self.r = rng

    def _elements(self, x):
        """(start, end) of elements with a matching close tag, found by a simple tag stack."""
        stack, spans = [], []
        for m in re.finditer(rb"<(/?)([A-Za-z_][\w:.-]*)[^<>]*?(/?)>", x):
            if m.group(3):
                spans.append((m.start(), m.end()))
            elif m.group(1):
                while stack:
                    name, s = stack.pop()
                    if name == m.group(2):
                        spans.append((s, m.end()))
                        break
            else:
                stack.append((m.group(2), m.start()))
        return spans

    def remove_element(self, x):
        for _ in range(self.r.randint(1, 5)):
            spans = self._elements(x)
            if not spans:
                break
            s, e = self.r.choice(spans)
            x = x[:s] + x[e:]
        return x

    def duplicate_element(self, x):
        spans = self._elements(x)
        if not spans:
            return x
        s, e = self.r.choice(spans)
        return x[:e] + x[s:e] * self.r.choice([1, 1, 2, 100]) + x[e:]

    def move_element(self, x):
        spans = self._elements(x)
        if not spans:
            return x
        s, e = self.r.choice(spans)
        piece, rest = x[s:e], x[:s] + x[e:]
        at = self.r.choice([m.end() for m in re.finditer(rb">", rest)] or [0])
        return rest[:at] + piece + rest[at:]

    def change_attribute(self, x):
        ms = list(self.ATTR.finditer(x))
        if not ms:
            return x
        for m in sorted(self.r.sample(ms, min(len(ms), self.r.choice([1, 2, 5]))), key=lambda m: m.start(), reverse=True):
            v = self.r.choice(self.VALUES + [v.group(3) for v in ms[:50]])
            x = x[:m.start(3)] + v + x[m.end(3):]
        return x

    def drop_or_add_attribute(self, x):
        ms = list(self.ATTR.finditer(x))
        if ms and self.r.random() < 0.5:
            m = self.r.choice(ms)
            return x[:m.start()] + x[m.end():]
        tags = list(self.START.finditer(x))
        if not tags:
            return x
        m = self.r.choice(tags)
        name = self.r.choice([b"id", b"concept", b"kind", b"unit", b"edition", b"foo", b"xml:lang", b"xmlns",
                              b"xmlns:x", b"x:y", b"xsi:schemaLocation", b"xml:base"] + [a.group(2) for a in ms[:30]])
        add = b" " + name + b'="' + self.r.choice(self.VALUES) + b'"'
        return x[:m.end(1)] + add + x[m.end(1):]

    def change_text(self, x):
        ms = list(re.finditer(rb">([^<>]+)<", x))
        if not ms:
            return x
        m = self.r.choice(ms)
        v = self.r.choice(self.VALUES + [b"", b"   ", b"<![CDATA[5]]>", b"<!-- c -->5", b"<?pi x?>"])
        return x[:m.start(1)] + v + x[m.end(1):]

    def rename_element(self, x):
        tags = list(self.START.finditer(x))
        if not tags:
            return x
        m = self.r.choice(tags)
        other = self.r.choice(tags).group(1)
        new = self.r.choice([other, b"x", b"xs:element", b"report", b"metadata", m.group(1) + b"s"])
        return x[:m.start(1)] + new + x[m.end(1):]

    def doctype(self, x):
        decls = [
            b'<!DOCTYPE report [<!ENTITY e "5">]>',
            b'<!DOCTYPE report SYSTEM "file:///etc/passwd">',
            b'<!DOCTYPE report [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>',
            b'<!DOCTYPE report [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>',
            b'<!DOCTYPE report [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
            b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
            b'<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>',
            b'<!DOCTYPE report [<!ATTLIST report schemaVersion CDATA "9.9"><!ATTLIST cell concept CDATA #FIXED "x">]>',
            b'<!DOCTYPE report PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
        ]
        d = self.r.choice(decls)
        ref = self.r.choice([b"&e;", b"&xxe;", b"&h;", b"&undefined;", b"&amp;", b""])
        i = x.find(b"?>")
        i = i + 2 if i >= 0 else 0
        x = x[:i] + b"\n" + d + x[i:]
        ms = list(re.finditer(rb">([^<>]+)<", x))
        if ms and ref:
            m = self.r.choice(ms)
            x = x[:m.start(1)] + ref + x[m.end(1):]
        return x

    def deep_nesting(self, x):
        depth = self.r.choice([1000, 10_000, 100_000])
        name = self.r.choice([b"x", b"cell", b"report", b"section", b"p"])
        nest = b"<" + name + b">" * 1
        nest = (b"<" + name + b">") * depth + (b"</" + name + b">") * depth
        if self.r.random() < 0.3:
            nest = (b"<" + name + b">") * depth  # unclosed
        spans = [m.end() for m in re.finditer(rb">", x)]
        at = self.r.choice(spans[1:] or [len(x)])
        return x[:at] + nest + x[at:]

    def huge_attribute(self, x):
        ms = list(self.ATTR.finditer(x))
        v = self.r.choice([b"9", b"a", b"\xe6\x94\xbf", b"&amp;", b" "]) * self.r.choice([1_000_000, 5_000_000])
        if ms and self.r.random() < 0.7:
            m = self.r.choice(ms)
            return x[:m.start(3)] + v + x[m.end(3):]
        tags = list(self.START.finditer(x))
        if not tags:
            return x
        m = self.r.choice(tags)
        return x[:m.end(1)] + b' big="' + v + b'"' + x[m.end(1):]

    def huge_text(self, x):
        ms = list(re.finditer(rb">([^<>]*)<", x))
        if not ms:
            return x
        m = self.r.choice(ms)
        return x[:m.start(1)] + self.r.choice([b"1", b"\xe6\x94\xbf", b" "]) * 2_000_000 + x[m.end(1):]

    def encoding_decl(self, x):
        enc = self.r.choice([b"UTF-16", b"GB18030", b"ISO-8859-1", b"EBCDIC", b"bogus", b"UTF-32", b"ascii"])
        x = re.sub(rb'encoding="[^"]*"', b'encoding="' + enc + b'"', x, count=1)
        if self.r.random() < 0.3:
            x = x.decode("utf-8", "replace").encode(self.r.choice(["utf-16", "utf-16-le", "gb18030"]), "replace")
        return x

    def prolog(self, x):
        junk = self.r.choice([b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b" ", b"\n", b"<!-- c -->", b"<?pi?>",
                              b"\x00", b"<?xml version=\"1.0\"?>", b"<x/>"])
        return junk + x if self.r.random() < 0.5 else x + junk

    def xinclude(self, x):
        inc = self.r.choice([b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/>',
                             b'<x xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:x http://127.0.0.1:9/x.xsd"/>',
                             b'<![CDATA[]]>', b'<!-- -- -->', b"&#x0;", b"&#1114112;", b"<a:b xmlns:a=''/>"])
        spans = [m.end() for m in re.finditer(rb">", x)]
        at = self.r.choice(spans[1:] or [len(x)])
        return x[:at] + inc + x[at:]

    def truncate(self, x):
        return x[:self.r.randrange(len(x) + 1)]

    def byte_flips(self, x):
        return TextMutator(self.r).byte_flips(x)

    def namespace(self, x):
        return x.replace(b'xmlns="urn:ogi:annual-report:1"',
                         self.r.choice([b'xmlns="urn:ogi:annual-report:2"', b"", b'xmlns:o="urn:ogi:annual-report:1"',
                                        b'xmlns="urn:ogi:annual-report:1" xmlns:o="urn:ogi:annual-report:1"']), 1)

    OPS = ["remove_element", "duplicate_element", "move_element", "change_attribute", "drop_or_add_attribute",
           "change_text", "rename_element", "doctype", "deep_nesting", "huge_attribute", "huge_text",
           "encoding_decl", "prolog", "xinclude", "truncate", "byte_flips", "namespace"]
    WEIGHTS = [8, 6, 3, 10, 6, 10, 4, 3, 1, 1, 1, 2, 2, 2, 3, 3, 2]


# ---------------------------------------------------------------- the fuzz loop

class Fuzzer:
    def __init__(self, args):
        self.a = args
        self.binary = os.path.abspath(args.bin)
        self.work = tempfile.mkdtemp(prefix="ogi-fuzz-work-")
        self.max_rss_kb = args.max_rss_mb * 1024
        self.text_seeds = load_text_seeds()
        self.xml_seeds = []
        self.signatures = {}  # signature -> [count, first case, saved dirs]
        self.only = None  # the commands to run (None: all); --minimise runs only those it needs
        self.slowest = (0.0, None)
        self.biggest = (0, None)

    def run(self, args, name, input_path, stdout_is_diagnostics=False):
        r = run_ogi(self.binary, args, self.a.timeout, self.work)
        if r.seconds > self.slowest[0]:
            self.slowest = (r.seconds, f"{name} ({os.path.getsize(input_path)} bytes)")
        if r.maxrss_kb > self.biggest[0]:
            self.biggest = (r.maxrss_kb, f"{name} ({os.path.getsize(input_path)} bytes)")
        return r, [(sig, detail, name) for sig, detail in
                   problems_of(r, name, input_path, self.max_rss_kb, stdout_is_diagnostics)]

    def prepare_xml_seeds(self):
        """Canonical XML of the seeds (from this binary's normalize) plus the valid fixtures."""
        for name, data in self.text_seeds:
            if not re.match(r"^\d{3}_[0-9a-f]+\.txt$", name):
                continue
            src = os.path.join(self.work, "seed.txt")
            with open(src, "wb") as f:
                f.write(data)
            out = os.path.join(self.work, "seed.xml")
            if os.path.exists(out):
                os.remove(out)
            r = run_ogi(self.binary, ["normalize", src, "-o", out], self.a.timeout, self.work)
            if os.path.exists(out):
                with open(out, "rb") as f:
                    self.xml_seeds.append((name + ".xml", f.read()))
            else:
                print(f"note: normalize {name} wrote no XML (exit {r.rc})", file=sys.stderr)
        for p in sorted(glob.glob(os.path.join(ROOT, "Fixtures", "canonical", "valid", "*.xml"))):
            with open(p, "rb") as f:
                self.xml_seeds.append((os.path.basename(p), f.read()))

    def make_case(self, case):
        """Case number → (kind, description, bytes); deterministic in (seed, case)."""
        r = random.Random(f"{self.a.seed}:{case}")
        if self.xml_seeds and r.random() < 0.3:
            name, data = r.choice(self.xml_seeds)
            m = XMLMutator(r)
            ops = r.choices(XMLMutator.OPS, XMLMutator.WEIGHTS, k=r.choice([1, 1, 1, 2, 3]))
            for op in ops:
                data = getattr(m, op)(data)
            if len(data) > MAX_INPUT:
                data = data[:MAX_INPUT]
            return "xml", f"{name} {'+'.join(ops)}", data
        name, data = r.choice(self.text_seeds)
        m = TextMutator(r)
        ops = r.choices(TextMutator.OPS, TextMutator.WEIGHTS, k=r.choice([1, 1, 2, 2, 3, 4]))
        ops = sorted(ops, key=lambda o: o in TextMutator.FINAL)  # re-encodings last
        for op in ops:
            if op == "splice":
                data = m.splice(data, r.choice(self.text_seeds)[1])
            else:
                data = getattr(m, op)(data)
        if len(data) > MAX_INPUT:
            data = data[:MAX_INPUT]
        return "text", f"{name} {'+'.join(ops)}", data

    def wanted(self, name):
        return self.only is None or name in self.only

    def check_text(self, path):
        """All commands on one text input → (problems [(signature, detail, command)], runs)."""
        problems, runs = [], []
        out = os.path.join(self.work, "out.xml")
        if os.path.exists(out):
            os.remove(out)
        if self.wanted("normalize"):
            r, p = self.run(["normalize", path, "-o", out], "normalize", path)
            problems += p
            runs.append(r)
            err = r.stderr.decode("utf-8", "replace")
            if r.rc == 2 and "fails the schema" in err:
                line = next((l for l in err.splitlines() if "fails the schema" not in l and ": error" in l), "")
                problems.append((f"invalid-out:normalize:{norm(line, path)}", line[:300], "normalize"))
            if r.rc in (0, 1) and not os.path.exists(out) and "error" not in err:
                problems.append(("no-output:normalize", "exit 0/1, no XML written and no error printed", "normalize"))
        if self.wanted("check-text"):
            r, p = self.run(["check", path], "check-text", path)
            problems += p
            runs.append(r)
        if os.path.exists(out):
            problems_xml, runs_xml = self.check_xml(out, from_normalize=True)
            problems += problems_xml
            runs += runs_xml
        return problems, runs

    def check_xml(self, path, from_normalize=False):
        problems, runs = [], []
        tag = "-of-normalize" if from_normalize else ""
        valid = None
        if self.wanted("validate" + tag):
            r, p = self.run(["validate", path], "validate" + tag, path, stdout_is_diagnostics=True)
            problems += p
            runs.append(r)
            valid = r.rc == 0
            if from_normalize and r.rc == 1:
                line = r.stdout.decode("utf-8", "replace").split("\n")[0]
                problems.append((f"invalid-out:validate:{norm(line, path)}", line[:300], "validate" + tag))
        for cmd, args in (("check", ["check", path]), ("template", ["template", "--from", path])):
            name = cmd + "-xml" + tag
            if not self.wanted(name):
                continue
            r, p = self.run(args, name, path)
            problems += p
            runs.append(r)
            if valid and r.rc == 2 and r.sig is None and not r.timed_out:
                line = next((l for l in r.stderr.decode("utf-8", "replace").splitlines() if "error" in l), "")
                problems.append((f"inconsistent:{cmd}{tag}:{norm(line, path)}",
                                 f"ogi validate accepts it; {cmd} exits 2: {line[:300]}", name))
        return problems, runs

    def check_input(self, kind, data):
        path = os.path.join(self.work, "input.xml" if kind == "xml" else "input.txt")
        with open(path, "wb") as f:
            f.write(data)
        return self.check_xml(path) if kind == "xml" else self.check_text(path)

    def save(self, case, kind, desc, data, problems, runs):
        for sig, detail, _ in problems:
            entry = self.signatures.setdefault(sig, [0, case, []])
            entry[0] += 1
            if len(entry[2]) >= KEEP_PER_SIGNATURE:
                continue
            h = hashlib.sha1(sig.encode()).hexdigest()[:10]
            kind_word = sig.split(":")[0]
            d = os.path.join(self.a.out, f"{kind_word}-{h}", f"case-{self.a.seed}-{case}")
            os.makedirs(d, exist_ok=True)
            ext = ".xml" if kind == "xml" else ".txt"
            with open(os.path.join(d, "input" + ext), "wb") as f:
                f.write(data)
            with open(os.path.join(d, "cmd.txt"), "w") as f:
                f.write(f"# seed {self.a.seed} case {case}: {desc}\n# signature: {sig}\n# detail: {detail}\n")
                f.write(f"# reproduce: python3 tools/fuzz.py --seed {self.a.seed} --case {case}\n")
                for r in runs:
                    how = f"signal {r.sig}" if r.sig is not None else ("timeout" if r.timed_out else f"exit {r.rc}")
                    f.write(" ".join(r.argv).replace(self.work, ".") + f"   # {how}, {r.seconds:.2f}s, {r.maxrss_kb // 1024} MB\n")
            with open(os.path.join(d, "stderr.txt"), "wb") as f:
                for r in runs:
                    f.write(b"### " + " ".join(r.argv[1:2]).encode() + b"\n" + r.stderr[:200_000] + b"\n")
            with open(os.path.join(d, "stdout.txt"), "wb") as f:
                for r in runs:
                    f.write(b"### " + " ".join(r.argv[1:2]).encode() + b"\n" + r.stdout[:20_000] + b"\n")
            entry[2].append(d)

    def fuzz(self):
        if not os.access(self.binary, os.X_OK):
            sys.exit(f"{self.binary}: not found; run `swift build -c release` first (or pass --bin)")
        os.makedirs(self.a.out, exist_ok=True)
        self.prepare_xml_seeds()
        print(f"ogi fuzz: binary {self.binary}, seed {self.a.seed}, {len(self.text_seeds)} text seeds, "
              f"{len(self.xml_seeds)} XML seeds, failures under {self.a.out}", flush=True)
        passed = failed = 0
        start = time.monotonic()
        cases = [self.a.case] if self.a.case is not None else range(self.a.start, 10 ** 9)
        for case in cases:
            if self.a.case is None:
                if self.a.cases is not None and case >= self.a.start + self.a.cases:
                    break
                if self.a.cases is None and time.monotonic() - start > self.a.seconds:
                    break
            kind, desc, data = self.make_case(case)
            problems, runs = self.check_input(kind, data)
            # one input can trip the same signature in several commands: count it once
            problems = list({sig: (sig, d, c) for sig, d, c in reversed(problems)}.values())[::-1]
            if problems:
                failed += 1
                new = [s for s, _, _ in problems if s not in self.signatures]
                self.save(case, kind, desc, data, problems, runs)
                for s in new:
                    print(f"case {case} ({kind}, {desc}, {len(data)} bytes): NEW {s}", flush=True)
            else:
                passed += 1
            if self.a.case is not None:
                for s, d, _ in problems:
                    print(f"  {s}\n    {d}")
        elapsed = time.monotonic() - start
        print(f"\n{len(self.signatures)} distinct failure(s) in {elapsed:.0f}s:")
        for sig, (count, first, dirs) in sorted(self.signatures.items(), key=lambda kv: -kv[1][0]):
            print(f"  {count:5d}x  {sig}\n         first case {first}; saved: {dirs[0] if dirs else '-'}")
        print(f"slowest run: {self.slowest[0]:.2f}s {self.slowest[1]}; biggest: {self.biggest[0] // 1024} MB {self.biggest[1]}")
        print(f"{passed} passed, {failed} failed")
        shutil.rmtree(self.work, ignore_errors=True)
        return 1 if failed else 0

    # ------------------------------------------------------------ minimising

    def check_files(self, paths):
        """--check: each file through the same commands and checks as a fuzz case."""
        failed = 0
        for path in paths:
            with open(path, "rb") as f:
                data = f.read()
            kind = "xml" if path.endswith(".xml") else "text"
            problems, _ = self.check_input(kind, data)
            problems = list({sig: (sig, d, c) for sig, d, c in reversed(problems)}.values())[::-1]
            failed += bool(problems)
            print(f"{path}: {'FAIL' if problems else 'ok'}")
            for sig, detail, cmd in problems:
                print(f"  {sig}\n    {detail.replace(self.work + '/', '')[:300]}")
        print(f"{len(paths) - failed} passed, {failed} failed")
        shutil.rmtree(self.work, ignore_errors=True)
        return 1 if failed else 0

    def minimise(self, path):
        with open(path, "rb") as f:
            data = f.read()
        kind = "xml" if path.endswith(".xml") or data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<") else "text"
        problems, _ = self.check_input(kind, data)
        if not problems:
            sys.exit(f"{path}: no failure to minimise")
        chosen = [p for p in problems if not self.a.signature or self.a.signature in p[0]]
        if not chosen:
            sys.exit(f"{path}: no failure matches {self.a.signature!r}; it shows: {[p[0] for p in problems]}")
        target = chosen[0][0]
        # run only the commands that show it (and what they need: normalize's XML, validate's verdict)
        self.only = {c for s, _, c in problems if s == target}
        if any(c.endswith("-of-normalize") for c in self.only):
            self.only.add("normalize")
        if target.startswith("inconsistent:"):
            self.only |= {"validate-of-normalize" if c.endswith("-of-normalize") else "validate" for c in self.only}
        print(f"minimising {path} ({len(data)} bytes, {kind}) for: {target}\n  running: {sorted(self.only)}", flush=True)
        tests = [0]

        def still_fails(candidate):
            tests[0] += 1
            found, _ = self.check_input(kind, candidate)
            return any(s == target for s, _, _ in found)

        # 1. lines (with their endings); 2. chunks of 1/64 when still big; 3. characters (bytes when the
        # input is not UTF-8) when small; 4. long runs of one repeated unit (a 1 MB line) halved
        for unit in ("lines", "chunks", "chars"):
            if unit == "lines":
                parts = re.split(rb"(?<=\n)", data)
            elif unit == "chunks":
                if len(data) <= 4000:
                    continue
                size = max(1, len(data) // 64)
                parts = [data[i:i + size] for i in range(0, len(data), size)]
            else:
                if len(data) > 4000:
                    break
                try:
                    parts = [c.encode("utf-8") for c in data.decode("utf-8")]
                except UnicodeDecodeError:
                    parts = [data[i:i + 1] for i in range(len(data))]
            parts = [p for p in parts if p]
            parts = ddmin(parts, lambda ps: still_fails(b"".join(ps)))
            data = b"".join(parts)
            print(f"  after {unit}: {len(data)} bytes ({tests[0]} runs)", flush=True)
        changed = True
        while changed:
            changed = False
            for m in sorted(re.finditer(rb"(.{1,8}?)\1{63,}", data, re.S), key=lambda m: -len(m.group(0))):
                keep = len(m.group(0)) // 2 // len(m.group(1)) * len(m.group(1))
                half = data[:m.start()] + m.group(0)[:keep] + data[m.end():]
                if still_fails(half):
                    data, changed = half, True
                    break
        out = path + ".min"
        with open(out, "wb") as f:
            f.write(data)
        print(f"wrote {out} ({len(data)} bytes, {tests[0]} runs); it still shows: {target}")
        shutil.rmtree(self.work, ignore_errors=True)


def ddmin(parts, fails):
    """Zeller's delta debugging: a 1-minimal sublist of parts for which fails() holds."""
    n = 2
    while len(parts) >= 2:
        size = -(-len(parts) // n)
        chunks = [parts[i:i + size] for i in range(0, len(parts), size)]
        reduced = False
        for i in range(len(chunks)):
            complement = [p for j, c in enumerate(chunks) if j != i for p in c]
            if fails(complement):
                parts, n, reduced = complement, max(n - 1, 2), True
                break
        if not reduced:
            for c in chunks:
                if len(c) < len(parts) and fails(c):
                    parts, n, reduced = c, 2, True
                    break
        if not reduced:
            if n >= len(parts):
                break
            n = min(len(parts), n * 2)
    return parts


# ---------------------------------------------------------------- benchmark

def bench(args):
    binary = os.path.abspath(args.bin)
    work = tempfile.mkdtemp(prefix="ogi-bench-")
    seed_path = sorted(glob.glob(os.path.join(ROOT, "Fixtures", "seeds", "*.txt")))[0]
    with open(seed_path, "rb") as f:
        seed = f.read()
    lines = seed.split(b"\n")
    longest = max(lines, key=len)
    row = next((l for l in lines if l.count(b"\t") >= 5), longest)
    def cut(b, n):  # b repeated to about n bytes, cut at a character boundary
        return (b * (n // len(b) + 1))[:n].decode("utf-8", "ignore").encode("utf-8")

    inputs = [("plain seed", seed)]
    for mb in (1, 10):
        n = mb * 1_000_000
        inputs.append((f"{mb} MB: seed repeated", cut(seed, n)))
        inputs.append((f"{mb} MB: one long narrative line", seed + b"\n" + cut(longest, n) + b"\n"))
        inputs.append((f"{mb} MB: one long tab row", seed + b"\n" + cut(row, n) + b"\n"))
        inputs.append((f"{mb} MB: blank lines", seed + b"\n" * n))
    for k in (25, 50, 100):  # empty cells of one row in the one-cell-per-line layout
        inputs.append((f"{k}k tab-only lines in a table row", "三、收到和处理政府信息公开申请情况\n\t（二）部分公开\n".encode()
                       + b"\t\n" * (k * 1000) + b"\t0\n"))
    for k in (25, 50, 100):  # empty cells of one row in the tab-table layout
        inputs.append((f"{k}k tabs in one table row", "三、收到和处理政府信息公开申请情况\n（二）部分公开".encode()
                       + b"\t" * (k * 1000) + b"0\n"))
    base_t = base_m = None
    print(f"{'input':36s} {'bytes':>10s} {'exit':>4s} {'seconds':>8s} {'x seed':>8s} {'MB RSS':>7s} {'x seed':>7s} {'stderr lines':>12s}")
    for name, data in inputs:
        p = os.path.join(work, "in.txt")
        with open(p, "wb") as f:
            f.write(data)
        best = None
        for _ in range(args.repeat):
            r = run_ogi(binary, ["normalize", p, "-o", os.path.join(work, "out.xml")], args.timeout * 20, work)
            if best is None or r.seconds < best.seconds:
                best = r
        if base_t is None:
            base_t, base_m = best.seconds, best.maxrss_kb
        nl = best.stderr.count(b"\n")
        how = "hang" if best.timed_out else (f"sig{best.sig}" if best.sig is not None else str(best.rc))
        print(f"{name:36s} {len(data):10d} {how:>4s} {best.seconds:8.3f} {best.seconds / base_t:8.1f} "
              f"{best.maxrss_kb / 1024:7.1f} {best.maxrss_kb / base_m:7.1f} {nl:12d}", flush=True)
    shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--cases", type=int)
    ap.add_argument("--start", type=int, default=0, help="first case number")
    ap.add_argument("--case", type=int)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "ogi"))
    ap.add_argument("--timeout", type=float, default=5)
    ap.add_argument("--max-rss-mb", type=int, default=1024)
    ap.add_argument("--out", default="/tmp/ogi-fuzz")
    ap.add_argument("--minimise", metavar="FILE")
    ap.add_argument("--check", metavar="FILE", nargs="+", help="run the commands on these files and list failures")
    ap.add_argument("--signature", help="with --minimise: a substring of the failure to keep")
    ap.add_argument("--bench", action="store_true")
    ap.add_argument("--repeat", type=int, default=3, help="with --bench: runs per input (the fastest counts)")
    a = ap.parse_args()
    if a.bench:
        return bench(a)
    f = Fuzzer(a)
    if a.minimise:
        return f.minimise(a.minimise)
    if a.check:
        return f.check_files(a.check)
    return f.fuzz()


if __name__ == "__main__":
    sys.exit(main())
