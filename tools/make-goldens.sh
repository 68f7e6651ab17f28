#!/bin/sh
# Regenerates Fixtures/golden/NAME.xml from Fixtures/seeds/NAME.txt with the real pipeline, then checks
# every value cell against the source text independently (tools/check-golden-cells.py).
# Run from the package root. Review the diff before committing: goldens are the reference.
set -e
swift build --product ogi
mkdir -p Fixtures/golden
.build/debug/ogi normalize --force --out-dir Fixtures/golden Fixtures/seeds/*.txt
python3 tools/check-golden-cells.py
