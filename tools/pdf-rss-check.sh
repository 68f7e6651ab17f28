#!/usr/bin/env bash
# Checks that reading PDFs stays within a memory bound: runs `ogi normalize` on each file under GNU
# time and fails when the peak resident set (of ogi or of the largest of its page-rendering child
# processes) is above the limit. Default: the fuzz finding whose damaged Type 3 font once took
# ~975 MB (Fixtures/fuzz/pdf-type3-fontmatrix-memory.pdf), limit 200 MB.
# Usage (from the repository root): tools/pdf-rss-check.sh [--limit-mb N] [--bin PATH] [FILE.pdf...]
set -euo pipefail
cd "$(dirname "$0")/.."
limit=200 bin=.build/debug/ogi
while [ $# -gt 0 ]; do
    case $1 in
        --limit-mb) limit=$2; shift 2 ;;
        --bin) bin=$2; shift 2 ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || set -- Fixtures/fuzz/pdf-type3-fontmatrix-memory.pdf
[ -x "$bin" ] || swift build --product ogi >&2
status=0
for f in "$@"; do
    out=$(mktemp)
    /usr/bin/time -f '%M' -o "$out" "$bin" normalize "$f" >/dev/null 2>/dev/null || true
    kb=$(tail -1 "$out"); rm -f "$out"
    mb=$((kb / 1024))
    if [ "$mb" -lt "$limit" ]; then echo "ok   $f: peak $mb MB (limit $limit MB)"; else echo "FAIL $f: peak $mb MB (limit $limit MB)"; status=1; fi
done
exit $status
