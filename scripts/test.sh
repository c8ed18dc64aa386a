#!/usr/bin/env bash
# Runs the tests, all of them by default, or the parts named:
#
#   scripts/test.sh                 every part, in this order
#   scripts/test.sh native e2e      only those parts
#
# Parts:
#   unit    the pure JavaScript modules, with node:test and no browser (tests/unit/)
#   native  the Rust tests (cargo test: data, validation, formatting, state, answers,
#           SVG snapshots, layers and façade, the written contract and words, doc examples)
#   lint    cargo fmt --check; clippy -D warnings, native and wasm32 (the shipped wasm and
#           the test variant); no file over 500 lines nor function over 80; cargo deny
#   fuzz    30 s of cargo fuzz (skipped with a message without the nightly toolchain)
#   e2e     the browser tests against the real wasm build (Chromium; tests/e2e/)
#   load    the load and lifetime tests, alone (Chromium; tests/load/)
#
# Installs what is missing on a fresh Debian machine. `.ci/run` calls it with no part.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

ALL=(unit native lint fuzz e2e load)
parts=("$@")
if [ ${#parts[@]} -eq 0 ]; then parts=("${ALL[@]}"); fi
for part in "${parts[@]}"; do
  case " ${ALL[*]} " in
    *" $part "*) ;;
    *) echo "scripts/test.sh: unknown part '$part'; the parts are: ${ALL[*]}" >&2; exit 2 ;;
  esac
done

ensure_build_tools
built=no
build() {
  if [ "$built" = no ]; then
    scripts/build.sh
    scripts/build-test-variant.sh
    built=yes
  fi
}

for part in "${parts[@]}"; do
  case "$part" in
    unit)
      echo "== unit: the pure JavaScript modules (node:test, no browser)"
      node --test --test-reporter=spec tests/unit/
      ;;
    native)
      echo "== native tests (cargo test)"
      cargo test --quiet
      ;;
    lint)
      ensure_test_tools
      echo "== dependency policy: licences and banned crates (cargo deny, deny.toml)"
      # Not --offline: cargo metadata, which cargo-deny runs, needs every crate of the lock
      # file, for every target, and downloads from crates.io those no build here needed.
      cargo deny --locked check licenses bans
      echo "== formatting and lints (cargo fmt --check; clippy -D warnings on the whole workspace, native and wasm32)"
      cargo fmt --all --check
      cargo clippy --quiet --workspace --all-targets -- -D warnings
      cargo clippy --quiet --workspace --lib --target wasm32-unknown-unknown -- -D warnings
      cargo clippy --quiet -p autonomie-web --lib --target wasm32-unknown-unknown --features test-exports -- -D warnings
      echo "== sizes: no product source file over 500 lines, no function over 80 (scripts/check-sizes.mjs)"
      node scripts/check-sizes.mjs
      ;;
    fuzz)
      echo "== fuzzing, short (scripts/fuzz.sh; make fuzz runs longer)"
      scripts/fuzz.sh 30 --if-available
      ;;
    e2e)
      ensure_browser
      ensure_web_servers
      build
      echo "== browser end-to-end tests (Chromium)"
      node --test --test-reporter=spec tests/e2e/
      ;;
    load)
      ensure_browser
      build
      echo "== load and lifetime tests (Chromium, alone)"
      node --test --test-reporter=spec tests/load/
      ;;
  esac
done
