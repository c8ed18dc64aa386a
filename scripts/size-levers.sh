#!/usr/bin/env bash
# Measures the wasm size under each build setting of BENCHMARKS.md's "Size levers", one
# at a time from the shipped profile (Cargo.toml: opt-level z, LTO, one codegen unit,
# panic=abort; wasm-opt -Oz). Each variant builds into its own target directory.
#
#   scripts/size-levers.sh            (about 2 minutes per variant on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
source scripts/wasm.sh
ensure_build_tools

# measure ID DESCRIPTION WASM_OPT_FLAG [VAR=value ...]: the shipped wasm (scripts/wasm.sh)
# built with the cargo settings VAR=value, in a target directory of its own.
measure() {
  local id="$1" name="$2" opt="$3"
  shift 3
  local dir="target/levers/$id"
  env "$@" bash -c 'source scripts/wasm.sh && build_wasm "$0" "" "$1"' "$dir" "$opt"
  local wasm="$dir/pkg/autonomie_bg.wasm"
  printf '| %s | %s | %s |\n' "$name" "$(stat -c %s "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"
}

echo '| variant | wasm bytes | gzip -9 bytes |'
echo '|---|---:|---:|'
measure shipped "shipped: opt-level z, LTO, 1 codegen unit, panic=abort, wasm-opt $SHIPPED_WASM_OPT" "$SHIPPED_WASM_OPT"
measure no-wasm-opt "the same without wasm-opt" none
measure wasm-opt-oz "wasm-opt -Oz alone (before issue 22)" -Oz
measure wasm-opt-no-low "wasm-opt without --low-memory-unused" "-Oz --converge --strip-producers"
measure wasm-opt-os "wasm-opt -Os instead of -Oz" "-Os --converge --strip-producers --low-memory-unused"
measure opt-s "opt-level s" "$SHIPPED_WASM_OPT" CARGO_PROFILE_RELEASE_OPT_LEVEL=s
measure opt-3 "opt-level 3" "$SHIPPED_WASM_OPT" CARGO_PROFILE_RELEASE_OPT_LEVEL=3
measure no-lto "no LTO" "$SHIPPED_WASM_OPT" CARGO_PROFILE_RELEASE_LTO=false
measure cgu-16 "16 codegen units" "$SHIPPED_WASM_OPT" CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
measure unwind "panic=unwind" "$SHIPPED_WASM_OPT" CARGO_PROFILE_RELEASE_PANIC=unwind
