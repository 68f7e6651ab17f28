#!/usr/bin/env bash
# Regenerates Fixtures/pdf: PDFs printed by Chromium from the HTML fixtures (tables ruled as agencies'
# PDFs are: a 1px border on every cell is added to the page's style), each with the HTML fixture's
# expected cells; and Fixtures/pdf/bad: a scan without a text layer (a page image printed by Chromium) and an encrypted
# copy (mutool, package mupdf-tools); and LibreOffice prints of ogi's DOCX templates. Needs chromium, pdftoppm
# (poppler-utils), mutool and soffice.
# Run from the repository root: tools/make-pdf-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=Fixtures/pdf
mkdir -p "$out/bad"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for name in word-mso-003 word-mso-002 blank-cells-001; do
    python3 - "Fixtures/html/$name.html" "$tmp/$name.html" <<'PY'
import sys, re
data = open(sys.argv[1], 'rb').read()
style = b'<style>table{border-collapse:collapse}td,th{border:1px solid #000;padding:2px}</style>'
i = data.lower().find(b'</head>')
data = data[:i] + style + data[i:] if i >= 0 else style + data
open(sys.argv[2], 'wb').write(data)
PY
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "file://$tmp/$name.html" 2>/dev/null
    cp "Fixtures/html/$name.expected.json" "$out/$name.expected.json"
done
# A scan: a page as a low-resolution image only.
pdftoppm -png -r 40 -f 3 -l 3 -singlefile Fixtures/real/r05-report.pdf "$tmp/page"
python3 -c 'import base64,sys; print("<html><body style=\"margin:0\"><img style=\"width:100%\" src=\"data:image/png;base64," + base64.b64encode(open(sys.argv[1],"rb").read()).decode() + "\"></body></html>")' "$tmp/page.png" > "$tmp/scan.html"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/bad/scanned.pdf" "file://$tmp/scan.html" 2>/dev/null
# Encrypted with a user password.
mutool clean -E rc4-128 -U secret -O owner "$out/bad/scanned.pdf" "$out/bad/encrypted.pdf"

# PDFs of ogi's own DOCX templates as LibreOffice prints them (both editions, blank and filled from
# the seed goldens); PDFTemplateFixtureTests compares them with the reports they were written from.
swift build --product ogi >&2
ogi=.build/debug/ogi
$ogi template --agency 某市测试局 --year 2023 --format docx -o "$tmp/lo-template-blank-2021.docx"
$ogi template --agency 某市测试局 --year 2023 --edition 2019 --format docx -o "$tmp/lo-template-blank-2019.docx"
$ogi template --from Fixtures/golden/000_44f90c379b4f7fce.xml --format docx -o "$tmp/lo-template-filled-2021.docx"
$ogi template --from Fixtures/golden/002_a2c9da7275a0d61c.xml --format docx -o "$tmp/lo-template-filled-2019.docx"
soffice --headless --convert-to pdf --outdir "$out" "$tmp"/lo-template-*.docx >&2
ls -la "$out" "$out/bad"
# Prints without a full grid of ruling lines, read by the positions of their words
# (PDFPositionTableBuilder): NAME-unruled (every border removed), NAME-hrules (horizontal rules
# between rows only, as row-separated tables have), NAME-frame (only a frame round each table) and
# NAME-threeline (a three-line table: rules above and below the table and under its first row), and
# unruled prints without cell padding (NAME-tight) and at 75 % (NAME-zoom), each with the HTML
# fixture's expected cells.
variant_style() {
    case $1 in
        unruled) echo 'table,td,th,tr{border:none !important;border-collapse:collapse}' ;;
        hrules) echo 'table{border-collapse:collapse !important}table,td,th,tr{border:none !important}td,th{border-top:1px solid #000 !important;border-bottom:1px solid #000 !important}' ;;
        frame) echo 'table,td,th,tr{border:none !important}table{border-collapse:collapse !important;border:1px solid #000 !important}' ;;
        tight) echo 'table,td,th,tr{border:none !important;border-collapse:collapse}td,th{padding:0 !important}' ;;
        zoom) echo 'table,td,th,tr{border:none !important;border-collapse:collapse}html{zoom:0.75}' ;;
        threeline) echo 'table,td,th,tr{border:none !important}table{border-collapse:collapse !important;border-top:1.5px solid #000 !important;border-bottom:1.5px solid #000 !important}tr:first-child td,tr:first-child th{border-bottom:1px solid #000 !important}' ;;
    esac
}
for spec in word-mso-003:unruled word-mso-003:hrules word-mso-003:frame word-mso-002:unruled word-mso-002:hrules \
            blank-cells-001:unruled blank-cells-001:hrules blank-cells-001:frame word-mso-003:threeline blank-cells-001:threeline \
            word-mso-003:zoom blank-cells-001:tight; do
    name=${spec%%:*}; variant=${spec##*:}
    python3 - "Fixtures/html/$name.html" "$tmp/$name-$variant.html" "$(variant_style "$variant")" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
style = b'<style>' + sys.argv[3].encode() + b'</style>'
i = data.lower().rfind(b'</head>')
open(sys.argv[2], 'wb').write(data[:i] + style + data[i:] if i >= 0 else style + data)
PY
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/$name-$variant.pdf" "file://$tmp/$name-$variant.html" 2>/dev/null
    cp "Fixtures/html/$name.expected.json" "$out/$name-$variant.expected.json"
done
# LibreOffice prints of ogi's DOCX templates without a full grid: every table border removed
# (lo-template-*-unruled) or only the horizontal ones kept (lo-template-*-hrules), edited in the
# DOCX's w:tblBorders; PDFTemplateFixtureTests compares them with the reports they were written from.
for f in "$tmp"/lo-template-blank-2021.docx "$tmp"/lo-template-blank-2019.docx "$tmp"/lo-template-filled-2021.docx "$tmp"/lo-template-filled-2019.docx; do
    for variant in unruled hrules; do
        python3 - "$f" "${f%.docx}-$variant.docx" "$variant" <<'PY'
import sys, zipfile, re
src, dst, variant = sys.argv[1:4]
zin = zipfile.ZipFile(src)
zout = zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED)
for item in zin.infolist():
    data = zin.read(item.filename)
    if item.filename == 'word/document.xml':
        sides = b'top|left|bottom|right|insideH|insideV' if variant == 'unruled' else b'left|right|insideV'
        data = re.sub(rb'<w:(' + sides + rb') w:val="single"', rb'<w:\1 w:val="nil"', data)
    zout.writestr(item, data)
zout.close()
PY
    done
done
soffice --headless --convert-to pdf --outdir "$out" "$tmp"/lo-template-*-unruled.docx "$tmp"/lo-template-*-hrules.docx >&2
# The blank templates printed without a full grid hold no number for the positions builder to find
# columns by; their tables are read from text lines (see PDFTemplateFixtureTests.partial). Kept
# apart in partial/, out of the folder-wide golden and nothing-lost tests (one of them shows a reader
# loss, "三、本年" of a glued group label: PDFTemplateFixtureTests.blankPrintsLoseNoText).
mkdir -p "$out/partial"
mv "$out"/lo-template-blank-*-unruled.pdf "$out"/lo-template-blank-*-hrules.pdf "$out/partial/"
