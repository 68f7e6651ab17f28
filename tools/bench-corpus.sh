#!/bin/sh
# Corpus benchmark (issue 13; run by hand from the package root): `tools/bench-corpus.sh [N] [ROUNDS]`.
#
# Makes N (default 10000) distinct submissions with `ogi-bench --make-corpus` (both editions, varied
# numbers; four in five tab-table text, one in five HTML), normalizes them once to get ogi's own XML,
# then runs ROUNDS (default 3) interleaved rounds of, each in one process:
#   read      ogi-bench --read-files: reading the input files only
#   norm1     ogi normalize -j 1 --out-dir (read, write XML, validate it, write the file)
#   normN     ogi normalize -j <all cores>
#   xmllint   xmllint --noout --schema tools/yardstick-ogi-report-1.xsd over ogi's XML (the fixed
#             reference: the XSD as it stood before issue 13)
#   validate1 ogi validate -q -j 1 over the same XML
# and prints the median seconds, reports/s and MB/s of each, the ratios, and the peak RSS
# (/usr/bin/time %M) of normalize -j <all cores> over the first 1,000 and all N files.
# Timings are wall-clock medians of paired runs on a shared machine: quote the ratios.
set -eu
N=${1:-10000}
ROUNDS=${2:-3}
# OGI_BIN=DIR: use the ogi and ogi-bench in DIR as they are (no build).
if [ -n "${OGI_BIN:-}" ]; then BIN=$OGI_BIN; else swift build -c release >/dev/null; BIN=$(swift build -c release --show-bin-path); fi
OGI=$BIN/ogi
W=${OGI_BENCH_DIR:-$(mktemp -d)}
[ -n "${OGI_BENCH_DIR:-}" ] || trap 'rm -rf "$W"' EXIT
CORES=$(getconf _NPROCESSORS_ONLN)
YARD=$(pwd)/tools/yardstick-ogi-report-1.xsd
now() { date +%s%N; }

if [ ! -f "$W/corpus.done" ] || [ "$(cat "$W/corpus.done")" != "$N" ]; then
    rm -rf "$W/corpus" "$W/xml"
    "$BIN/ogi-bench" --make-corpus "$N" "$W/corpus" >/dev/null
    "$OGI" normalize -q --out-dir "$W/xml" "$W/corpus"
    echo "$N" > "$W/corpus.done"
fi
IN_BYTES=$(cat "$W"/corpus/* | wc -c)
XML_BYTES=$(cat "$W"/xml/*.xml | wc -c)
echo "corpus: $N reports, $IN_BYTES bytes of input ($(ls "$W/corpus" | grep -c html$) HTML), $XML_BYTES bytes of canonical XML; $CORES cores; $ROUNDS rounds"

: > "$W/times"
run() { # NAME COMMAND…: appends "NAME SECONDS RSS_KB"
    name=$1; shift
    t0=$(now)
    /usr/bin/time -f "%M" -o "$W/rss" "$@" >/dev/null 2>"$W/err" || { echo "$name failed:"; tail -3 "$W/err"; }
    t1=$(now)
    echo "$name $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }') $(tail -1 "$W/rss")" >> "$W/times"
}
r=1
while [ "$r" -le "$ROUNDS" ]; do
    run read "$BIN/ogi-bench" --read-files "$W/corpus"
    rm -rf "$W/out"; run norm1 "$OGI" normalize -q -j 1 --out-dir "$W/out" "$W/corpus"
    rm -rf "$W/out"; run normN "$OGI" normalize -q -j "$CORES" --out-dir "$W/out" "$W/corpus"
    (cd "$W/xml" && run xmllint xmllint --noout --schema "$YARD" $(ls))
    run validate1 "$OGI" validate -q -j 1 "$W/xml"
    r=$((r + 1))
done
ls "$W"/corpus/* | head -1000 > "$W/first1000"
rm -rf "$W/out"; run rss1000 "$OGI" normalize -q -j "$CORES" --out-dir "$W/out" --files-from "$W/first1000"

med() { awk -v n="$1" '$1 == n { print $2 }' "$W/times" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
maxrss() { awk -v n="$1" '$1 == n { print $3 }' "$W/times" | sort -n | tail -1; }
REF=$(med xmllint)
for s in read norm1 normN xmllint validate1; do
    m=$(med "$s")
    b=$IN_BYTES; case $s in xmllint|validate1) b=$XML_BYTES ;; esac
    awk -v s="$s" -v m="$m" -v n="$N" -v b="$b" -v ref="$REF" \
        'BEGIN { printf "%-10s median %7.2f s  %8.1f reports/s  %6.2f MB/s  %.2fx xmllint\n", s, m, n / m, b / m / 1e6, m / ref }'
done
awk -v a="$(med norm1)" -v b="$(med normN)" -v c="$CORES" \
    'BEGIN { printf "normalize all cores (%d) vs 1 core: %.2fx faster; 100,000 reports on all cores: about %.0f s\n", c, a / b, b * 100000 / '"$N"' }'
echo "peak RSS, normalize -j $CORES: 1,000 files $(maxrss rss1000) KB; $N files $(maxrss normN) KB"
echo "(raw: $W/times)"
