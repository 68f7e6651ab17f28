#!/bin/sh
# CI smoke of the libFuzzer targets: each of text, xml, html, docx, docx-xml, pdf for SECONDS (default 5), one after
# the other. Fails on the first crash, leak, timeout or schema failure. Opt-in in .ci/run (OGI_FUZZ_SMOKE=1):
# the sanitizer build takes minutes the first time.
set -eu
cd "$(dirname "$0")/.."
for t in text xml html docx docx-xml pdf; do
    tools/fuzz.sh "$t" "${1:-5}" -print_final_stats=0 2>&1 | grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs|ERROR|SUMMARY" || true
    [ -z "$(ls -A .build/fuzz/findings/$t)" ] || { echo "fuzz smoke: $t found a crash in .build/fuzz/findings/$t" >&2; exit 1; }
done
