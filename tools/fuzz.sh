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
    text|xml|html|pdf) LEN=65536 ;;
    docx) LEN=262144 ;;      # the fixture packages are 8-18 KB, but mutations need room to inflate
    docx-xml) LEN=131072 ;;  # the stripped seeds are 45-95 KB
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
# Seeds for docx-xml: the parts of each fixture, with the formatting ogi does not read stripped (run
# properties, borders, widths, rsids, section properties …; styles, numbering, spans and merges kept) so
# that a 200 KB document.xml becomes ~50 KB and each execution is ~4x faster.
import sys, zipfile, os, re
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
out = sys.argv[1]
for path in sys.argv[2:]:
    z = zipfile.ZipFile(path)
    names = z.namelist()
    parts = [strip(z.read(n)) if n in names else b"" for n in ("word/document.xml", "word/styles.xml", "word/numbering.xml")]
    while len(parts) > 1 and not parts[-1]:
        parts.pop()
    with open(os.path.join(out, os.path.basename(path) + ".parts"), "wb") as f:
        f.write(b"\0".join(parts))
PY
    fi
fi
OGI_FUZZ_TARGET=$T exec nice -n 19 "$BIN" "$C" -artifact_prefix="$A/" -max_total_time="$S" -workers=1 \
    -timeout=10 -rss_limit_mb=2048 -max_len="$LEN" -print_final_stats=1 "$@"
