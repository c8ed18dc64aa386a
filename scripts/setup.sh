# Sourced by the build and test scripts: installs, once, what a fresh Debian machine
# with Rust lacks. Each step checks first, so a second run costs nothing.

WASM_BINDGEN_VERSION=0.2.130  # must equal the `wasm-bindgen` pin in Cargo.toml
CARGO_DENY_VERSION=0.20.2     # the licence and ban checks of deny.toml (scripts/test.sh)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    echo "== installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WASM_BINDGEN_VERSION" ]; then
    echo "== installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 7 minutes on 2 cores)"
    cargo install --quiet wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "== installing Node.js"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
  fi
  if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "== installing npm dev dependencies (binaryen, playwright-core)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# What the tests need besides the build: cargo-deny, pinned and built from its own lock
# file (`--locked`; about 4 minutes on 2 cores the first time).
ensure_test_tools() {
  if [ "$(cargo deny --version 2>/dev/null | cut -d' ' -f2)" != "$CARGO_DENY_VERSION" ]; then
    echo "== installing cargo-deny $CARGO_DENY_VERSION (about 4 minutes on 2 cores)"
    cargo install --quiet --locked cargo-deny --version "$CARGO_DENY_VERSION"
  fi
}

ensure_browser() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "== installing Debian's chromium"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-liberation
  fi
}
