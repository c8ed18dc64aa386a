#!/usr/bin/env bash
# The README's two commands as a new user runs them on a fresh machine, timed:
#
#   scripts/fresh-check.sh            (or make fresh-check)
#
# In a fresh clone of the current commit (uncommitted changes are not part of it), with
# - an empty cargo home (CARGO_HOME=$(mktemp -d), its bin/ first on PATH) holding only
#   the rustup proxies (cargo, rustc, rustup…), as rustup leaves a machine: every cargo
#   tool the project installs (wasm-bindgen-cli, cargo-deny, cargo-fuzz) is built again,
#   every crate downloaded again; the toolchains in RUSTUP_HOME are kept;
# - an empty npm cache (npm_config_cache=$(mktemp -d)) and no node_modules;
# it runs
#   1. ./scripts/serve.sh PORT: builds, serves; the check waits until the page, the
#      release manifest and the hashed element script answer, then stops the server;
#   2. ./scripts/test.sh: every test.
# and prints the time each command took. Expect about 20 to 25 minutes on 2 cores, most
# of it compiling (wasm-bindgen-cli about 7 minutes, cargo-deny about 4, the wasm, the
# native tests, clippy, cargo-fuzz), then the tests themselves. Logs stay in the work folder
# if a command fails (KEEP=1 keeps them anyway). Needs git, rustup, node and npm, and
# network access to crates.io and the npm registry; Chromium is installed by the test
# command itself if missing (apt-get). CI does not run this: it runs ./scripts/test.sh.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

rustup_bin="$(command -v rustup || true)"
if [ -z "$rustup_bin" ]; then
  echo "fresh-check: rustup is needed (the README's starting point: a Debian machine with Rust)" >&2
  exit 1
fi
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "fresh-check: note: uncommitted changes are not checked, only commit $(git -C "$repo" rev-parse --short HEAD)"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/autonomie-fresh.XXXXXX")"
export CARGO_HOME="$work/cargo-home"
export npm_config_cache="$work/npm-cache"
mkdir -p "$CARGO_HOME/bin" "$npm_config_cache"
# What rustup installs in a cargo home: itself and its proxies, nothing else.
for tool in rustup cargo rustc rustdoc rustfmt cargo-fmt cargo-clippy clippy-driver; do
  ln -s "$rustup_bin" "$CARGO_HOME/bin/$tool"
done
# PATH without the machine's cargo home (where cargo-installed tools of earlier runs live).
old_cargo_bin="$(dirname "$rustup_bin")"
clean_path="$(printf '%s' "$PATH" | tr ':' '\n' | grep -vxF "$old_cargo_bin" | paste -sd: -)"
export PATH="$CARGO_HOME/bin:$clean_path"
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"

failed=0
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -- "-$server" 2>/dev/null || true; fi
  if [ "$failed" = 0 ] && [ "${KEEP:-0}" != 1 ]; then
    rm -rf "$work"
  else
    echo "fresh-check: logs and clone kept in $work"
  fi
}
trap cleanup EXIT

clock() { date +%s; }
took() { local s=$(($(clock) - $1)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }

echo "== fresh clone of $(git -C "$repo" rev-parse --short HEAD) in $work/clone"
git clone --quiet --no-local "$repo" "$work/clone"
git -C "$work/clone" checkout --quiet "$(git -C "$repo" rev-parse HEAD)"
cd "$work/clone"
echo "   CARGO_HOME=$CARGO_HOME (empty but for the rustup proxies), npm cache $npm_config_cache (empty)"
echo "   cargo tools on PATH: $(ls "$CARGO_HOME/bin" | tr '\n' ' ')"
command -v wasm-bindgen >/dev/null && { echo "fresh-check: wasm-bindgen is still on PATH ($(command -v wasm-bindgen)): not a fresh machine" >&2; exit 1; }

# 1. ./scripts/serve.sh
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
echo "== 1. ./scripts/serve.sh $port (build, then serve; log: $work/serve.log)"
start=$(clock)
setsid ./scripts/serve.sh "$port" >"$work/serve.log" 2>&1 &
server=$!
answered=""
deadline=$(($(clock) + 3600))
while [ "$(clock)" -lt "$deadline" ] && kill -0 "$server" 2>/dev/null; do
  if curl -sf "http://127.0.0.1:$port/" -o /dev/null 2>/dev/null; then
    answered=$(took "$start")
    break
  fi
  sleep 5
done
if [ -z "$answered" ]; then
  failed=1
  echo "!! ./scripts/serve.sh did not answer; the end of its log:"
  tail -20 "$work/serve.log"
  exit 1
fi
element="$(node -e "console.log(require('./dist/manifest.json').files['autonomie-chart.js'].file)")"
curl -sf "http://127.0.0.1:$port/dist/manifest.json" -o /dev/null
headers="$(curl -sf -D - -o /dev/null "http://127.0.0.1:$port/dist/$element")"
printf '%s' "$headers" | grep -qi '^cache-control: public, max-age=31536000, immutable' || { failed=1; echo "!! $element is not served with the long cache"; exit 1; }
kill -- "-$server"
wait "$server" 2>/dev/null || true
server=""
echo "   the page, dist/manifest.json and dist/$element (long cache) answered after $answered; server stopped"
serve_time="$answered"

# 2. ./scripts/test.sh
echo "== 2. ./scripts/test.sh (log: $work/test.log)"
start=$(clock)
if ./scripts/test.sh >"$work/test.log" 2>&1; then
  test_time=$(took "$start")
  grep -E '^(== |test result:|ℹ (tests|pass|fail) )' "$work/test.log" | sed 's/^/   /'
else
  failed=1
  echo "!! ./scripts/test.sh failed after $(took "$start"); the end of its log:"
  tail -40 "$work/test.log"
  exit 1
fi

echo "== fresh-check passed"
echo "   ./scripts/serve.sh  $serve_time (until the page answered)"
echo "   ./scripts/test.sh   $test_time"
