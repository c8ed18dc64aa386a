#!/usr/bin/env bash
# Builds the test-only variant of the wasm (feature `test-exports`: `panicWhenDrawing`,
# and `drawOnWithPlottersCanvas`, the reference drawing) into target/test-variant/pkg/,
# for tests/e2e/panic.test.mjs and tests/e2e/painter.test.mjs. Its own target
# directory, so that it can never be mistaken for the shipped build in www/pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
ensure_build_tools

dir=target/test-variant
echo "== wasm32 test variant: a panic on demand, the reference drawing ($dir/pkg)"
CARGO_TARGET_DIR="$dir" cargo build --quiet --release -p autonomie-web --target wasm32-unknown-unknown \
  --features test-exports
raw="$dir/wasm32-unknown-unknown/release/autonomie_web.wasm"
if [ ! -f "$dir/pkg/autonomie_bg.wasm" ] || [ "$raw" -nt "$dir/pkg/autonomie_bg.wasm" ]; then
  wasm-bindgen --target web --no-typescript --out-name autonomie --out-dir "$dir/pkg" "$raw"
fi
