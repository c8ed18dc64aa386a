#!/usr/bin/env bash
# Fuzzes the dataset reader and the renderer (fuzz/fuzz_targets/dataset.rs) with
# cargo-fuzz on the nightly toolchain, for a bounded time:
#
#   scripts/fuzz.sh [seconds] [--if-available]
#
# (default 300 s; `make fuzz`). The test command runs 30 s with --if-available: on a
# machine where the nightly toolchain can be neither found nor installed, it says so and
# skips the fuzzing (the findings are still replayed by `cargo test`).
#
# Seeds: the real dataset, the examples and the bad-input catalogue. Every crash found
# is copied to fuzz/regressions/, which `cargo test` replays on the stable toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
if_available="${2:-}"

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "== installing the nightly toolchain (cargo-fuzz needs it)"
  if ! rustup toolchain install nightly --profile minimal; then
    if [ "$if_available" = --if-available ]; then
      echo "!! SKIPPED: no nightly toolchain on this machine, so no fuzzing; run make fuzz where there is one"
      exit 0
    fi
    exit 1
  fi
fi
if ! command -v cargo-fuzz >/dev/null; then
  echo "== installing cargo-fuzz (about a minute)"
  cargo install --locked --quiet cargo-fuzz --version 0.13.2
fi

corpus=target/fuzz-corpus
mkdir -p "$corpus" fuzz/regressions
cp data/autonomie.json "$corpus/seed-embedded.json"
node tests/bad-inputs/expand.mjs --out target/bad-inputs   # the catalogue's patched datasets
for file in examples/*.json tests/bad-inputs/*.json target/bad-inputs/*.json; do
  if [ -e "$file" ] && [ "$(basename "$file")" != catalogue.json ]; then cp "$file" "$corpus/seed-$(basename "$file")"; fi
done

echo "== fuzzing the dataset reader and renderer for ${seconds}s"
log=target/fuzz-last.log
status=0
cargo +nightly fuzz run --fuzz-dir fuzz dataset "$corpus" -- \
  -max_total_time="$seconds" -dict=fuzz/json.dict -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 2>&1 | tee "$log" | grep -E '^(#[0-9]+ +(DONE|INITED)|==|SUMMARY|stat::number_of_executed_units|stat::peak_rss_mb|Done)' || true
status=${PIPESTATUS[0]}

for crash in fuzz/artifacts/dataset/*; do
  [ -e "$crash" ] || continue
  cp "$crash" fuzz/regressions/
  echo "!! finding kept as fuzz/regressions/$(basename "$crash"): add it to git; cargo test replays it"
done
if [ "$status" != 0 ]; then
  echo "!! the fuzzer stopped with status $status; see $log"
  exit "$status"
fi
executions=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
echo "== fuzzing done: $executions executions in ${seconds}s, no finding"
