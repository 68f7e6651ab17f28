#!/bin/sh
# Runs one libFuzzer target for SECONDS (default 60):
#   tools/fuzz.sh text|xml|html|docx|docx-xml|pdf [SECONDS] [libFuzzer options…]
# Builds tools/ogi-fuzz with -sanitize=fuzzer,address into .build/fuzz (OGI_FUZZ=1 adds the target to
# Package.swift; the normal build never sees it), seeds a corpus from Fixtures/, and runs one worker at
# nice 19 with -timeout=10 -rss_limit_mb=2048 (leak detection is on: libFuzzer's default with ASan).
# Crashes go to .build/fuzz/findings/TARGET/ (not artifacts/: SwiftPM empties the scratch path's artifacts/
# folder on every build); the corpus grows in .build/fuzz/corpus/TARGET/.
# Options given after SECONDS come last and win (e.g. -runs=1000000 -max_total_time=0 to run by count).
# Every output is written and checked cheaply; 1 in OGI_FUZZ_XSD_EVERY (default 16, by input hash) is also
# validated against the schema: set OGI_FUZZ_XSD_EVERY=1 to validate every one (e.g. to replay an artifact:
# OGI_FUZZ_XSD_EVERY=1 OGI_FUZZ_TARGET=text .build/fuzz/release/ogi-fuzz FILE).
# docx-xml: each corpus file is word/document.xml [NUL word/styles.xml [NUL word/numbering.xml]], wrapped
# into a stored ZIP package per execution; its seeds are the parts of Fixtures/docx/*.docx.
set -eu
cd "$(dirname "$0")/.."
T=${1:?usage: tools/fuzz.sh text|xml|html|docx|docx-xml|pdf [SECONDS] [libFuzzer options...]}
S=${2:-60}
[ $# -ge 2 ] && shift 2 || shift $#
case "$T" in
    text|xml|html) LEN=65536 ;;
    pdf) LEN=1048576 ;;      # the fixture PDFs are 0.5-0.65 MB (embedded CJK fonts); shorter would cut them
    docx) LEN=262144 ;;      # the fixture packages are 8-18 KB, but mutations need room to inflate
    docx-xml) LEN=65536 ;;   # the seeds are 2-55 KB slices
    *) echo "unknown target $T (text, xml, html, docx, docx-xml, pdf)" >&2; exit 2;;
esac
OGI_FUZZ=1 nice -n 19 swift build -c release --scratch-path .build/fuzz --product ogi-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >&2
BIN=$(OGI_FUZZ=1 swift build -c release --scratch-path .build/fuzz --show-bin-path)/ogi-fuzz
C=.build/fuzz/corpus/$T; A=.build/fuzz/findings/$T
mkdir -p "$C" "$A"
if [ -z "$(ls -A "$C")" ]; then
    case "$T" in
        text) find Fixtures/seeds Fixtures/variants Fixtures/bad Fixtures/fuzz Fixtures/repro -type f -size -64k ;;
        xml)  find Fixtures/golden Fixtures/canonical -name '*.xml' -size -64k ;;
        html) find Fixtures/html Fixtures/real -name '*.htm*' -size -64k ;;
        docx) find Fixtures/docx -name '*.docx' -size -256k ;;
        docx-xml) ;;
        pdf)  find Fixtures/pdf -name '*.pdf' -size -1000k ;;
    esac | while read -r f; do cp "$f" "$C/"; done
    if [ "$T" = docx-xml ]; then
        python3 - "$C" Fixtures/docx/*.docx <<'PY'
# Seeds for docx-xml: each fixture's document.xml cut into slices of ~4 KB of body (a big table into a few
# rows at a time, its properties kept), each with the fixture's styles and numbering, and with the
# formatting ogi does not read stripped (run properties, borders, widths, rsids …). A whole document takes
# ~60 ms an execution (recognition of a full report); a slice ~2 ms, and it reaches the same walker code.
import sys, zipfile, os, re, io
import xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
def strip(x):
    x = re.sub(rb'\s(w:rsid\w*|w14:paraId|w14:textId)="[^"]*"', b'', x)
    x = re.sub(rb'<w:rPr>.*?</w:rPr>|<w:rPr/>', b'', x, flags=re.S)
    x = re.sub(rb'<w:sectPr[ >].*?</w:sectPr>', b'', x, flags=re.S)
    x = re.sub(rb'<w:(tblBorders|tcBorders|pBdr|tblGrid|tblCellMar|tblLook)>.*?</w:\1>', b'', x, flags=re.S)
    x = re.sub(rb'<w:(proofErr|bookmarkStart|bookmarkEnd|lastRenderedPageBreak|tcW|tblW|spacing|jc|ind|rFonts|shd|tblLayout'
               rb'|snapToGrid|kinsoku|wordWrap|overflowPunct|autoSpaceDE|autoSpaceDN|adjustRightInd|textAlignment|vAlign'
               rb'|tblInd|trHeight|cantSplit|gridCol|widowControl|keepNext|keepLines)\b[^>]*/>', b'', x)
    x = re.sub(rb'<w:(pPr|tcPr|trPr|tblPr)></w:\1>|<w:(pPr|tcPr|trPr|tblPr)/>', b'', x)
    return re.sub(rb'</w:t></w:r><w:r><w:t(?: xml:space="preserve")?>', b'', x)
def slices(doc, budget):
    for prefix, uri in re.findall(rb'xmlns:(\w+)="([^"]+)"', doc):
        ET.register_namespace(prefix.decode(), uri.decode())
    root = ET.fromstring(doc)
    body = root.find(W + 'body')
    kids = list(body)
    chunks, cur, size = [], [], 0
    for k in kids:
        s = len(ET.tostring(k))
        if k.tag == W + 'tbl' and s > budget:   # a big table: its header rows plus a few rows at a time
            rows = [r for r in k if r.tag == W + 'tr']
            head = [r for r in k if r.tag != W + 'tr']
            step = max(1, len(rows) // 6)
            for i in range(0, len(rows), step):
                t = ET.Element(W + 'tbl'); t.extend(head + rows[i:i + step]); chunks.append(cur + [t]); cur, size = [], 0
            continue
        cur.append(k); size += s
        if size > budget: chunks.append(cur); cur, size = [], 0
    if cur: chunks.append(cur)
    for c in chunks:
        for k in list(body): body.remove(k)
        body.extend(c)
        yield ET.tostring(root, xml_declaration=True, encoding='UTF-8')
out = sys.argv[1]
for path in sys.argv[2:]:
    z = zipfile.ZipFile(path)
    names = z.namelist()
    doc = strip(z.read('word/document.xml'))
    rest = [strip(z.read(n)) if n in names else b"" for n in ("word/styles.xml", "word/numbering.xml")]
    while rest and not rest[-1]: rest.pop()
    for i, d in enumerate(slices(doc, 4000)):
        with open(os.path.join(out, f"{os.path.basename(path)}.{i:02d}.parts"), "wb") as f:
            f.write(b"\0".join([d] + rest))
PY
    fi
fi
if [ "$T" = pdf ]; then
    # poppler and cairo (C/C++, no frame pointers: LSan's fast unwinder stops inside them) keep state across
    # documents that LeakSanitizer's mid-run check reported as a leak which replaying the input alone never
    # shows (Fixtures/fuzz/README.md, PDFFuzzFindingsTests). Leaks whose stack is inside them are suppressed;
    # a g_malloc'd string (poppler_page_get_text …) our Swift code failed to free is still a finding. Blind
    # spot: a cairo surface our own code failed to destroy would be suppressed too (PDFTextLayer defers it).
    printf 'leak:libpoppler\nleak:libcairo\nleak:libstdc++\nleak:libfontconfig\n' > .build/fuzz/lsan-pdf.supp
    export LSAN_OPTIONS="suppressions=$PWD/.build/fuzz/lsan-pdf.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
fi
OGI_FUZZ_TARGET=$T exec nice -n 19 "$BIN" "$C" -artifact_prefix="$A/" -max_total_time="$S" -workers=1 \
    -timeout=10 -rss_limit_mb=2048 -max_len="$LEN" -print_final_stats=1 "$@"
