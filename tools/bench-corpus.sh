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
#   procsN    <all cores> ogi normalize -j 1 processes at once, each over its part of the corpus
#             (the machine's own ceiling for normN: nothing shared but the hardware)
#   rss1000   ogi normalize -j <all cores> over the first 1,000 files
# and prints for each the median wall and CPU (user + system) seconds, reports/s and MB/s, the
# ratios to xmllint, the ratios of each round (its runs are back to back) and their median, and the
# peak RSS (/usr/bin/time %M) of normalize -j <all cores> over the first 1,000 and all N files
# (medians over the rounds, and the largest). On a shared machine wall time follows the load of the
# others: the one-process ratios are taken on CPU time (what each process itself spent), the
# all-cores speed-up on wall time, with the cores it kept busy (CPU / wall).
#
# OGI_BENCH_OUT=DIR: where the normalize runs write their folders (default: the work folder). On
# this VM's ext4 without a journal, creating files within minutes of removing others costs the
# kernel a scan past each recently deleted inode (system time up to the user time); a tmpfs
# (OGI_BENCH_OUT=/dev/shm) has no such cost. The system seconds of normalize are printed apart.
set -eu
N=${1:-10000}
ROUNDS=${2:-3}
# OGI_BIN=DIR: use the ogi and ogi-bench in DIR as they are (no build).
if [ -n "${OGI_BIN:-}" ]; then BIN=$OGI_BIN; else swift build -c release >/dev/null; BIN=$(swift build -c release --show-bin-path); fi
OGI=$BIN/ogi
W=${OGI_BENCH_DIR:-$(mktemp -d)}
[ -n "${OGI_BENCH_DIR:-}" ] || trap 'rm -rf "$W"' EXIT
OUT=${OGI_BENCH_OUT:-$W}
mkdir -p "$OUT"
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
run() { # NAME COMMAND…: appends "NAME WALL_SECONDS RSS_KB CPU_SECONDS SYSTEM_SECONDS"
    name=$1; shift
    t0=$(now)
    /usr/bin/time -f "%M %U %S" -o "$W/rss" "$@" >/dev/null 2>"$W/err" || { echo "$name failed:"; tail -3 "$W/err"; }
    t1=$(now)
    echo "$name $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }') $(tail -1 "$W/rss" | awk '{ printf "%d %.2f %.2f", $1, $2 + $3, $3 }')" >> "$W/times"
}
# sampled NAME COMMAND…: like run, and appends "sched NAME RUN_S RUNQUEUE_WAIT_S VOLUNTARY NONVOLUNTARY",
# the process's threads' totals from /proc/PID/task/*/schedstat and status (sampled every 0.2 s; the
# sample with the most run time, before the workers end): time waiting for a CPU (the machine's load) against voluntary switches
# (the process blocking itself: locks, I/O).
sampled() {
    name=$1; shift
    rm -f "$W/sched.keep"
    run "$name" "$@" &
    rp=$!
    sleep 0.5
    pid=$(pgrep -n -f -- "--out-dir $OUT/out-" || true)
    while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do
        cat /proc/"$pid"/task/*/schedstat 2>/dev/null | awk '{ r += $1; w += $2 } END { printf "%.2f %.2f", r / 1e9, w / 1e9 }' > "$W/sched.tmp"
        grep -h ctxt_switches /proc/"$pid"/task/*/status 2>/dev/null | awk '/^voluntary/ { v += $2 } /nonvoluntary/ { n += $2 } END { printf " %d %d\n", v, n }' >> "$W/sched.tmp"
        # Keep the sample with the most run time: as the process ends, its workers' tasks go first.
        if [ "$(wc -l < "$W/sched.tmp")" -ge 1 ] && awk -v k="$(cut -d' ' -f1 "$W/sched.keep" 2>/dev/null)" '{ exit !($1 >= k + 0) }' "$W/sched.tmp"; then
            tr -d '\n' < "$W/sched.tmp" > "$W/sched.keep"
        fi
        sleep 0.2
    done
    wait "$rp"
    echo "sched $name $(cat "$W/sched.keep" 2>/dev/null)" >> "$W/times"
}
# Every normalize run writes into a folder of its own, and the folders are removed only at the
# end: creating thousands of files right after removing thousands costs ext4 (without a journal,
# as here) a scan past every recently deleted inode for each new one — perf showed
# recently_deleted/find_inode_bit/find_get_block_common at a third of normalize's samples,
# system time as large as its user time. A user normalizes into a folder; that is what is timed.
rm -rf "$OUT"/out-*
trap 'rm -rf "$OUT"/out-*' EXIT
[ -n "${OGI_BENCH_DIR:-}" ] || trap 'rm -rf "$W" "$OUT"/out-*' EXIT
ls "$W"/corpus/* | head -1000 > "$W/first1000"
# The machine's own ceiling for the all-cores run: one -j 1 process per core, each over its part of
# the corpus, all at once (they share nothing but the hardware). On a VM whose host runs one busy
# vCPU faster than two, these processes fall short of CORES x as well.
ls "$W"/corpus/* > "$W/all"
rm -f "$W"/part.*
split -n "l/$CORES" -d "$W/all" "$W/part."
procs() { # ROUND: appends "procsN WALL_SECONDS 0 CPU_SECONDS 0"
    t0=$(now)
    for p in "$W"/part.*; do
        /usr/bin/time -f "%U %S" -o "$p.time" "$OGI" normalize -q -j 1 --out-dir "$OUT/out-$1-P${p##*.}" --files-from "$p" >/dev/null 2>&1 &
    done
    wait
    t1=$(now)
    echo "procsN $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }') 0 $(cat "$W"/part.*.time | awk '{ c += $1 + $2 } END { printf "%.2f", c }') 0" >> "$W/times"
}
r=1
while [ "$r" -le "$ROUNDS" ]; do
    run read "$BIN/ogi-bench" --read-files "$W/corpus"
    run norm1 "$OGI" normalize -q -j 1 --out-dir "$OUT/out-$r-1" "$W/corpus"
    sampled normN "$OGI" normalize -q -j "$CORES" --out-dir "$OUT/out-$r-N" "$W/corpus"
    procs "$r"
    (cd "$W/xml" && run xmllint xmllint --noout --schema "$YARD" $(ls))
    run validate1 "$OGI" validate -q -j 1 "$W/xml"
    # The same run over the first 1,000 files, for the peak RSS (compared round by round).
    rm -rf "$OUT/out-rss"
    run rss1000 "$OGI" normalize -q -j "$CORES" --out-dir "$OUT/out-rss" --files-from "$W/first1000"
    r=$((r + 1))
done

col() { awk -v n="$1" -v c="$2" '$1 == n { print $c }' "$W/times" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
med() { col "$1" 2; }
cpu() { col "$1" 4; }
maxrss() { awk -v n="$1" '$1 == n { print $3 }' "$W/times" | sort -n | tail -1; }
sys() { col "$1" 5; }
REF=$(cpu xmllint)
echo "one process, medians of $ROUNDS: wall s, CPU s (user+system), by CPU: reports/s, MB/s (input; XML for xmllint and validate), ratio to xmllint"
for s in read norm1 xmllint validate1; do
    b=$IN_BYTES; case $s in xmllint|validate1) b=$XML_BYTES ;; esac
    awk -v s="$s" -v w="$(med "$s")" -v m="$(cpu "$s")" -v n="$N" -v b="$b" -v ref="$REF" \
        'BEGIN { if (m < 0.01) m = 0.01; printf "%-10s wall %7.2f s  CPU %7.2f s  %8.1f reports/s  %7.2f MB/s  %.2fx xmllint\n", s, w, m, n / m, b / m / 1e6, m / ref }'
done
awk -v a="$(med norm1)" -v b="$(med normN)" -v cb="$(cpu normN)" -v ca="$(cpu norm1)" -v c="$CORES" -v n="$N" -v ib="$IN_BYTES" \
    'BEGIN { printf "normalize -j %d: wall %.2f s = %.1f reports/s, %.2f MB/s; %.2fx the wall speed of -j 1 (%.2f cores busy; CPU %.2f s vs %.2f s on 1 core); 100,000 reports: about %.0f s\n", c, b, n / b, ib / b / 1e6, a / b, cb / b, cb, ca, b * 100000 / n }'
# byround NAME COLUMN LABEL: the ratios norm1 / NAME of each round in COLUMN (2: wall, 4: CPU),
# sorted, and their median. The runs of a round are back to back, so the host's slow and fast
# minutes move them together: the ratios of rounds vary less than the ratio of the medians.
byround() {
    awk -v name="$1" -v col="$2" -v label="$3" '$1 == "norm1" { a[++i] = $col } $1 == name { b[++j] = $col }
        END { n = (i < j ? i : j); for (k = 1; k <= n; k++) r[k] = a[k] / b[k]
              for (x = 1; x <= n; x++) for (y = x + 1; y <= n; y++) if (r[y] < r[x]) { t = r[x]; r[x] = r[y]; r[y] = t }
              printf "%s, by round (sorted):", label
              for (k = 1; k <= n; k++) printf " %.2f", r[k]
              printf "; median %.2f\n", (n % 2 ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2) }' "$W/times"
}
byround xmllint 4 "normalize -j 1 CPU / xmllint CPU"
byround normN 2 "normalize -j $CORES speed-up (wall -j 1 / wall -j $CORES)"
byround procsN 2 "the machine: $CORES independent -j 1 processes over 1/$CORES each, speed-up"
echo "CPU seconds (medians): normalize -j 1 $(cpu norm1); -j $CORES $(cpu normN); $CORES processes $(cpu procsN)"
awk '$1 == "sched" && $2 == "normN" { printf "normalize -j %s threads (schedstat): ran %.1f s, waited %.1f s for a CPU (the machine busy with others), %d voluntary switches (blocking itself), %d preempted\n", "'"$CORES"'", $3, $4, $5, $6 }' "$W/times"
echo "system seconds (medians): normalize -j 1 $(sys norm1), -j $CORES $(sys normN), xmllint $(sys xmllint); outputs written under $OUT ($(df -T "$OUT" | awk 'NR == 2 { print $2 }'))"
medrss() { col "$1" 3; }
echo "peak RSS, normalize -j $CORES (median of $ROUNDS rounds; largest): 1,000 files $(medrss rss1000) KB ($(maxrss rss1000) KB); $N files $(medrss normN) KB ($(maxrss normN) KB)"
echo "(raw: $W/times)"
