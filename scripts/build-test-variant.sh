#!/usr/bin/env bash
# Builds the test-only variant of the wasm (feature `test-exports`: `panicWhenDrawing`,
# `drawOnWithPlottersCanvas`, the reference drawing, and the benchmark's `SeriesChart`)
# into target/test-variant/pkg/, for tests/e2e/panic.test.mjs, painter.test.mjs and
# series.test.mjs. Its own target directory, so that it can never be mistaken for the
# shipped build in www/pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
source scripts/wasm.sh
ensure_build_tools

echo "== wasm32 test variant: a panic on demand, the reference drawing, the long series (target/test-variant/pkg)"
build_wasm target/test-variant test-exports none
