#!/bin/sh
# Runs one libFuzzer target for SECONDS (default 60): tools/fuzz.sh text|xml|html|pdf [SECONDS] [libFuzzer options…]
# Builds tools/ogi-fuzz with -sanitize=fuzzer,address into .build/fuzz (OGI_FUZZ=1 adds the target to
# Package.swift; the normal build never sees it), seeds a corpus from Fixtures/, and runs one worker.
# Crashes go to .build/fuzz/artifacts/TARGET/; the corpus grows in .build/fuzz/corpus/TARGET/.
set -eu
cd "$(dirname "$0")/.."
T=${1:?usage: tools/fuzz.sh text|xml|html|pdf [SECONDS] [libFuzzer options...]}
S=${2:-60}
[ $# -ge 2 ] && shift 2 || shift $#
case "$T" in text|xml|html|pdf) ;; *) echo "unknown target $T (text, xml, html, pdf)" >&2; exit 2;; esac
OGI_FUZZ=1 swift build -c release --scratch-path .build/fuzz --product ogi-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >&2
BIN=$(OGI_FUZZ=1 swift build -c release --scratch-path .build/fuzz --show-bin-path)/ogi-fuzz
C=.build/fuzz/corpus/$T; A=.build/fuzz/artifacts/$T
mkdir -p "$C" "$A"
if [ -z "$(ls -A "$C")" ]; then
    case "$T" in
        text) find Fixtures/seeds Fixtures/variants Fixtures/bad Fixtures/fuzz Fixtures/repro -type f -size -200k ;;
        xml)  find Fixtures/golden Fixtures/canonical -name '*.xml' -size -200k ;;
        html) find Fixtures/html Fixtures/real -name '*.htm*' -size -300k ;;
        pdf)  find Fixtures/pdf -name '*.pdf' -size -300k ;;
    esac | while read -r f; do cp "$f" "$C/"; done
fi
OGI_FUZZ_TARGET=$T exec "$BIN" "$C" -artifact_prefix="$A/" -max_total_time="$S" -workers=1 \
    -timeout=10 -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1 "$@"
