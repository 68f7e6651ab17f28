#!/bin/sh
# Batch benchmark (run by hand from the package root): `tools/bench-batch.sh [N]`.
#
# 1. Paths: how long ogi takes to start on 1,000 / 10,000 / 50,000 paths given with
#    --files-from, after `--`, and (up to 10,000: swift-argument-parser is quadratic) as plain
#    positional arguments (paths that do not exist: the cost is parsing and collecting them).
# 2. Throughput: N copies (default 400) of the seed and HTML fixtures normalized with
#    `normalize --out-dir` on 1 worker and on all cores: reports/s, the ratio, peak RSS.
set -eu
N=${1:-400}
swift build -c release --product ogi >/dev/null
OGI=$(swift build -c release --show-bin-path)/ogi
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
now() { date +%s%N; }

echo "== paths (ogi validate -q; short relative paths that do not exist: the cost is parsing and collecting)"
for n in 1000 10000 50000; do
    (set +e; cd "$W" && seq -f "m%g.xml" "$n" > list
     t0=$(now); "$OGI" validate -q --files-from list >/dev/null 2>&1; s1=$?; t1=$(now)
     # shellcheck disable=SC2046
     "$OGI" validate -q -- $(cat list) >/dev/null 2>&1; s2=$?; t2=$(now)
     pos=skipped
     if [ "$n" -le 10000 ]; then
         # shellcheck disable=SC2046
         "$OGI" validate -q $(cat list) >/dev/null 2>&1; t3=$(now); pos="$(secs "$t2" "$t3") s"
     fi
     # exit 2 is expected (every path is missing); anything else (126: argument list too long) is shown.
     echo "$n paths: --files-from $(secs "$t0" "$t1") s (exit $s1), after -- $(secs "$t1" "$t2") s (exit $s2), positional $pos")
done

echo "== throughput ($N copies of each fixture)"
mkdir -p "$W/in"
i=0
while [ "$i" -lt "$N" ]; do
    for f in Fixtures/seeds/*.txt Fixtures/html/*.html; do
        b=$(basename "$f"); cp "$f" "$W/in/$i-$b"
    done
    i=$((i + 1))
done
files=$(ls "$W/in" | wc -l)
cores=$(getconf _NPROCESSORS_ONLN)
run() {
    rm -rf "$W/out"
    t0=$(now)
    /usr/bin/time -f "%M" -o "$W/rss" "$OGI" normalize -q -j "$1" --out-dir "$W/out" "$W/in" 2>/dev/null || true
    t1=$(now)
    awk -v a="$t0" -v b="$t1" -v n="$files" -v j="$1" -v rss="$(cat "$W/rss")" \
        'BEGIN { s = (b - a) / 1e9; printf "%d workers: %d reports in %.2f s = %.1f reports/s, peak RSS %d KB\n", j, n, s, n / s, rss }'
}
r1=$(run 1); echo "$r1"
rn=$(run "$cores"); echo "$rn"
awk -v a="$(echo "$r1" | sed 's/.*= \([0-9.]*\) reports.*/\1/')" -v b="$(echo "$rn" | sed 's/.*= \([0-9.]*\) reports.*/\1/')" \
    'BEGIN { printf "all cores / 1 worker: %.2fx\n", b / a }'
