#!/usr/bin/env bash
# Builds the widget: Rust -> wasm (release, real LTO) -> wasm-bindgen (glue minified by
# esbuild) -> wasm-opt -Oz,
# into www/pkg/. Installs what is missing first; a second run only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
ensure_build_tools

echo "== cargo: wasm32 release build"
# The web crate is a plain cdylib, so the release profile's LTO applies.
cargo build --quiet --release -p autonomie-web --target wasm32-unknown-unknown

raw=target/wasm32-unknown-unknown/release/autonomie_web.wasm
out=www/pkg
if [ ! -f "$out/autonomie_bg.wasm" ] || [ "$raw" -nt "$out/autonomie_bg.wasm" ]; then
  echo "== wasm-bindgen + wasm-opt"
  mkdir -p "$out"
  wasm-bindgen --target web --no-typescript --out-name autonomie --out-dir "$out" "$raw"
  # The generated glue, minified (31 KB -> 14 KB; 6.3 -> 4.3 KB gzip). Export names stay.
  node_modules/.bin/esbuild "$out/autonomie.js" --minify --keep-names --format=esm --log-level=warning \
    --outfile="$out/autonomie.js" --allow-overwrite
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/autonomie_bg.wasm" -o "$out/autonomie_bg.wasm"
fi
echo "== static SVGs for readers without JavaScript (www/static/)"
cargo run --quiet -p autonomie --bin autonomie-static -- www/static

raw_size=$(stat -c %s "$out/autonomie_bg.wasm")
gz_size=$(gzip -9 -c "$out/autonomie_bg.wasm" | wc -c)
echo "== www/pkg/autonomie_bg.wasm: $raw_size bytes, $gz_size bytes gzip"
