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

source scripts/wasm.sh

echo "== the wasm: cargo (wasm32 release), wasm-bindgen, wasm-opt (scripts/wasm.sh)"
build_wasm target
out=www/pkg
if [ ! -f "$out/autonomie_bg.wasm" ] || [ target/pkg/autonomie_bg.wasm -nt "$out/autonomie_bg.wasm" ]; then
  mkdir -p "$out"
  cp target/pkg/autonomie_bg.wasm "$out/autonomie_bg.wasm"
  # The glue for the page's source modules, minified (31 KB -> 14 KB; 6.3 -> 4.3 KB gzip);
  # the bundle (scripts/bundle.mjs) reads the readable one in target/wasm-bindgen/.
  node_modules/.bin/esbuild target/wasm-bindgen/autonomie.js --minify --keep-names --format=esm --log-level=warning \
    --outfile="$out/autonomie.js"
fi
echo "== pictures for readers without JavaScript, embed codes and link previews (www/static/)"
# www/static/<chart>.svg, pictures/ and previews/<chart>-<view>-<lang>.png (1200 x 630).
cargo run --quiet -p autonomie-pictures --bin autonomie-static -- www/static

echo "== the package's autonomie-pictures command: the same pictures code as wasm, for Node (target/tool/pkg/)"
build_tool_wasm target

echo "== the release: bundle, hashed names, package (dist/)"
node scripts/bundle.mjs
