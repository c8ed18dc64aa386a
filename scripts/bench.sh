#!/usr/bin/env bash
# The benchmark of BENCHMARKS.md: Autonomie against Chart.js 4 and uPlot 1.6, the same
# charts, side by side, in Debian's Chromium. Builds the release wasm, bundles the peers
# (bench/dist/), then runs two stages:
#   1. bench/run.mjs, with the given options, e.g.
#        scripts/bench.sh --quick          (or make bench ARGS=--quick)
#   2. bench/first-view.mjs, the first view on a slow phone (issue #15), with the options
#      in $FIRST_VIEW_ARGS, e.g. FIRST_VIEW_ARGS="--loads 3" (make bench FIRST_VIEW_ARGS=…).
# `scripts/bench.sh --first-view [options]` (make bench-first-view ARGS=…) runs stage 2
# alone, with those options; `--no-first-view` as the first option runs stage 1 alone.
# Results: markdown tables on stdout, bench/results/latest.json, bench/results/first-view.json
# and screenshots and frames in bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
stage=both
case "${1:-}" in
  --first-view) stage=first-view; shift ;;
  --no-first-view) stage=run; shift ;;
esac
source scripts/setup.sh
source scripts/wasm.sh
ensure_build_tools
ensure_browser
if [ ! -d node_modules/chart.js ] || [ ! -d node_modules/uplot ] || [ ! -x node_modules/.bin/esbuild ]; then
  echo "== installing npm dev dependencies (chart.js, uplot, esbuild)"
  npm ci --no-audit --no-fund --loglevel=error
fi
scripts/build.sh
echo "== the benchmark's variant of the wasm: the shipped one and SeriesChart (feature bench, bench/dist/pkg/)"
build_wasm target/bench-variant bench
mkdir -p bench/dist/pkg
cp target/bench-variant/pkg/autonomie.js target/bench-variant/pkg/autonomie_bg.wasm bench/dist/pkg/
echo "== bundling Chart.js (bar + line, tree-shaken) and uPlot with esbuild (bench/dist/)"
node bench/bundle.mjs
if [ "$stage" = first-view ]; then
  echo "== first view on a slow phone"
  node bench/first-view.mjs "$@"
  exit
fi
echo "== running the benchmark"
node bench/run.mjs "$@"
echo "== the longest tasks while twenty widgets start (bench/long-tasks.mjs)"
node bench/long-tasks.mjs --loads 5
if [ "$stage" = both ]; then
  echo "== first view on a slow phone"
  # shellcheck disable=SC2086 # options, split on purpose
  node bench/first-view.mjs ${FIRST_VIEW_ARGS:-}
fi
