#!/usr/bin/env bash
# The benchmark of BENCHMARKS.md: Autonomie against Chart.js 4 and uPlot 1.6, the same
# charts, side by side, in Debian's Chromium. Builds the release wasm, bundles the peers
# (bench/dist/), then runs bench/run.mjs with the given options, e.g.
#   scripts/bench.sh --quick        (or make bench ARGS=--quick)
# Results: a markdown table on stdout, bench/results/latest.json and screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
ensure_build_tools
ensure_browser
if [ ! -d node_modules/chart.js ] || [ ! -d node_modules/uplot ] || [ ! -x node_modules/.bin/esbuild ]; then
  echo "== installing npm dev dependencies (chart.js, uplot, esbuild)"
  npm ci --no-audit --no-fund --loglevel=error
fi
scripts/build.sh
echo "== bundling Chart.js (bar + line, tree-shaken) and uPlot with esbuild (bench/dist/)"
node bench/bundle.mjs
echo "== running the benchmark"
node bench/run.mjs "$@"
