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
# An unruled print (every border removed) of one HTML fixture: read from text lines, with a warning per table.
mkdir -p "$out/unruled"
python3 - Fixtures/html/word-mso-003.html "$tmp/unruled.html" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
style = b'<style>table,td,th,tr{border:none !important;border-collapse:collapse}</style>'
i = data.lower().rfind(b'</head>')
open(sys.argv[2], 'wb').write(data[:i] + style + data[i:] if i >= 0 else style + data)
PY
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/unruled/word-mso-003.pdf" "file://$tmp/unruled.html" 2>/dev/null
