#!/usr/bin/env bash
# Runs every test: native Rust tests (data, validation, formatting, state, SVG
# snapshots, doc examples), clippy on both targets, then the browser end-to-end tests
# against the real wasm build. Installs what is missing on a fresh Debian machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
ensure_build_tools
ensure_test_tools
ensure_browser
ensure_web_servers

scripts/build.sh
scripts/build-test-variant.sh

echo "== native tests (cargo test)"
cargo test --quiet

echo "== fuzzing, short (scripts/fuzz.sh; make fuzz runs longer)"
scripts/fuzz.sh 30 --if-available

echo "== dependency policy: licences and banned crates (cargo deny, deny.toml)"
# Not --offline: cargo metadata, which cargo-deny runs, needs every crate of the lock
# file, for every target, and downloads from crates.io those no build here needed.
cargo deny --locked check licenses bans

echo "== formatting and lints (cargo fmt --check; clippy, native and wasm32, both crates)"
cargo fmt --all --check
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet --workspace --lib --target wasm32-unknown-unknown -- -D warnings

echo "== sizes: no product source file over 500 lines, no function over 80 (scripts/check-sizes.mjs)"
node scripts/check-sizes.mjs

echo "== browser end-to-end tests (Chromium)"
node --test --test-reporter=spec tests/e2e/

echo "== load and lifetime tests (Chromium, alone)"
node --test --test-reporter=spec tests/load/
