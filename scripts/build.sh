#!/usr/bin/env bash
# Builds the widget: Rust -> wasm (release, real LTO) -> wasm-bindgen (glue minified by
# esbuild, TypeScript declarations) -> wasm-opt -Oz, into www/pkg/ (what the page's own
# source modules load); then the release in dist/ (scripts/bundle.mjs): one minified
# bundle for the element, every file named by a hash of its content, and the npm
# package around them. Installs what is missing first; a second run only rebuilds what
# changed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
ensure_build_tools

echo "== cargo: wasm32 release build"
# The web crate is a plain cdylib, so the release profile's LTO applies. The cargo home's
# path (in the source paths of panic locations) is written as /cargo, so that the wasm,
# and the names and integrity hashes made from it, are the same on every machine, and
# no builder's home directory ships to readers. Only for wasm32: native builds keep
# their flags, and so their cache.
cargo_home="${CARGO_HOME:-$HOME/.cargo}"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$cargo_home=/cargo" \
  cargo build --quiet --release -p autonomie-web --target wasm32-unknown-unknown

raw=target/wasm32-unknown-unknown/release/autonomie_web.wasm
gen=target/wasm-bindgen  # wasm-bindgen's own output: the glue as written, for the bundle, and its .d.ts
out=www/pkg
if [ ! -f "$out/autonomie_bg.wasm" ] || [ "$raw" -nt "$out/autonomie_bg.wasm" ] || [ ! -f "$gen/autonomie.d.ts" ]; then
  echo "== wasm-bindgen + wasm-opt"
  mkdir -p "$out" "$gen"
  wasm-bindgen --target web --out-name autonomie --out-dir "$gen" "$raw"
  # The glue for the page's source modules, minified (31 KB -> 14 KB; 6.3 -> 4.3 KB gzip).
  node_modules/.bin/esbuild "$gen/autonomie.js" --minify --keep-names --format=esm --log-level=warning \
    --outfile="$out/autonomie.js"
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$gen/autonomie_bg.wasm" -o "$out/autonomie_bg.wasm"
fi
echo "== static SVGs for readers without JavaScript (www/static/)"
cargo run --quiet -p autonomie --bin autonomie-static -- www/static

echo "== the release: bundle, hashed names, package (dist/)"
node scripts/bundle.mjs
