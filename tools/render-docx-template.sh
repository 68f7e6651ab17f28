#!/usr/bin/env bash
# Hand-run check of the DOCX template's look: writes blank and prefilled templates of both
# editions, opens them in LibreOffice headless (--convert-to pdf) and renders the pages to PNG
# with pdftoppm. Prints where the pages are; look at them next to the official format.
# Needs: swift, soffice (apt-get install libreoffice-writer), pdftoppm (poppler-utils), and a CJK
# font for a faithful look (fonts-noto-cjk; 宋体/仿宋 fall back to it).
# Usage: tools/render-docx-template.sh [OUTDIR]   (default: /tmp/ogi-docx-render)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/ogi-docx-render}"
mkdir -p "$out"
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-writer" >&2; exit 2; }
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: apt-get install -y poppler-utils" >&2; exit 2; }
swift build -q --product ogi
ogi=.build/debug/ogi
"$ogi" template --agency 虚构市示例局 --year 2024 --edition 2021 -o "$out/blank-2021.docx"
"$ogi" template --agency 虚构市示例局 --year 2024 --edition 2019 -o "$out/blank-2019.docx"
"$ogi" template --from Fixtures/golden/003_be85ec6c6b6a0b3c.xml -o "$out/prefilled-003.docx" 2>/dev/null
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for f in "$out"/*.docx; do
    soffice --headless "-env:UserInstallation=file://$profile" --convert-to pdf --outdir "$out" "$f" >/dev/null 2>&1
    pdftoppm -png -r 70 "${f%.docx}.pdf" "${f%.docx}"
done
ls -1 "$out"/*.png
