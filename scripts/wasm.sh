# Sourced by the scripts that build a wasm (build.sh, build-test-variant.sh, bench.sh,
# size-levers.sh): the one way to build it. Expects scripts/setup.sh's tools.
#
#   build_wasm DIR [FEATURES] [WASM_OPT_FLAGS]
#
# Builds the wasm library (the root package, autonomie-web: a plain cdylib, so the release
# profile's LTO applies) for wasm32 into the target directory DIR, with the cargo
# features FEATURES (none: the shipped wasm), runs wasm-bindgen into DIR/wasm-bindgen/ (the
# glue as written and its TypeScript declarations), and wasm-opt (WASM_OPT_FLAGS, the
# shipped ones of SHIPPED_WASM_OPT by default; `none` skips it) into
# DIR/pkg/autonomie_bg.wasm, next to a copy of the glue.
# Cargo settings may come from the environment (CARGO_PROFILE_RELEASE_…, for the size
# levers). A second run only redoes what changed.
#
# The cargo home's path (in the source paths of panic locations) is written as /cargo,
# so that the wasm, and the names and integrity hashes made from it, are the same on
# every machine, and no builder's home directory ships to readers. Only for wasm32:
# native builds keep their flags, and so their cache.
# The shipped wasm-opt flags (BENCHMARKS.md, "Size levers"): -Oz, run to a fixed point
# (--converge, 210 bytes gzip); the producers section dropped (106 bytes); and
# --low-memory-unused (1,021 bytes: constant offsets folded into addresses), which holds
# because Rust's wasm32 layout puts the stack first, from 1 MiB down, and the data above
# it: nothing lives in the low 1 KiB (tests/e2e/exports.test.mjs checks the layout).
SHIPPED_WASM_OPT="-Oz --converge --strip-producers --low-memory-unused"

build_wasm() {
  local dir="$1" features="${2:-}" opt="${3:-$SHIPPED_WASM_OPT}"
  local cargo_home="${CARGO_HOME:-$HOME/.cargo}"
  local feature_flags=()
  if [ -n "$features" ]; then feature_flags=(--features "$features"); fi
  CARGO_TARGET_DIR="$dir" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$cargo_home=/cargo" \
    cargo build --quiet --release -p autonomie-web --target wasm32-unknown-unknown "${feature_flags[@]}"
  local raw="$dir/wasm32-unknown-unknown/release/autonomie_web.wasm"
  local stamp="$dir/pkg/.built-with"
  if [ -f "$dir/pkg/autonomie_bg.wasm" ] && [ ! "$raw" -nt "$dir/pkg/autonomie_bg.wasm" ] \
    && [ "$(cat "$stamp" 2>/dev/null)" = "$opt" ]; then
    return
  fi
  mkdir -p "$dir/wasm-bindgen" "$dir/pkg"
  wasm-bindgen --target web --out-name autonomie --out-dir "$dir/wasm-bindgen" "$raw"
  cp "$dir/wasm-bindgen/autonomie.js" "$dir/pkg/autonomie.js"
  if [ "$opt" = none ]; then
    cp "$dir/wasm-bindgen/autonomie_bg.wasm" "$dir/pkg/autonomie_bg.wasm"
  else
    # shellcheck disable=SC2086 # the flags, split on purpose
    node_modules/.bin/wasm-opt $opt --enable-bulk-memory --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$dir/wasm-bindgen/autonomie_bg.wasm" -o "$dir/pkg/autonomie_bg.wasm"
  fi
  echo "$opt" > "$stamp"
}

# build_tool_wasm DIR: the package's `autonomie-pictures` command's wasm
# (crates/autonomie-pictures-wasm: the build's own pictures and previews code, for Node),
# built like the widget's (its own cargo invocation, so none of its crates' features
# reach the widget), into DIR/tool/pkg/ (autonomie_pictures.js, the glue for
# `--target web`, loaded with initSync; autonomie_pictures_bg.wasm, after wasm-opt -Oz).
build_tool_wasm() {
  local dir="$1"
  local cargo_home="${CARGO_HOME:-$HOME/.cargo}"
  CARGO_TARGET_DIR="$dir" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$cargo_home=/cargo" \
    cargo build --quiet --release -p autonomie-pictures-wasm --target wasm32-unknown-unknown
  local raw="$dir/wasm32-unknown-unknown/release/autonomie_pictures_wasm.wasm"
  local out="$dir/tool/pkg"
  if [ -f "$out/autonomie_pictures_bg.wasm" ] && [ ! "$raw" -nt "$out/autonomie_pictures_bg.wasm" ]; then
    return
  fi
  mkdir -p "$dir/tool/wasm-bindgen" "$out"
  wasm-bindgen --target web --out-name autonomie_pictures --out-dir "$dir/tool/wasm-bindgen" "$raw"
  cp "$dir/tool/wasm-bindgen/autonomie_pictures.js" "$out/autonomie_pictures.js"
  node_modules/.bin/wasm-opt -Oz --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$dir/tool/wasm-bindgen/autonomie_pictures_bg.wasm" -o "$out/autonomie_pictures_bg.wasm"
}
