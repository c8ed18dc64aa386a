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

# Debian's nginx (with its brotli_static module where Debian has it), Apache and Caddy,
# for the tests that serve the release under the configurations of docs/deploy/
# (tests/e2e/nginx.test.mjs, deploy.test.mjs). The tests run their own servers on free
# ports of 127.0.0.1; on a machine whose init system starts services, the packages also
# start Debian's own servers on port 80, which the tests never use.
ensure_web_servers() {
  local brotli=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
  if [ ! -x /usr/sbin/nginx ] || [ ! -x /usr/sbin/apache2 ] || [ ! -x /usr/bin/caddy ] \
      || { [ ! -e "$brotli" ] && apt-cache show libnginx-mod-http-brotli-static >/dev/null 2>&1; }; then
    echo "== installing Debian's nginx (and its brotli_static module where available), Apache and Caddy"
    as_root apt-get update -qq
    local packages="nginx apache2 caddy"
    if apt-cache show libnginx-mod-http-brotli-static >/dev/null 2>&1; then
      packages="$packages libnginx-mod-http-brotli-static"
    fi
    # shellcheck disable=SC2086 # one word per package
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq $packages
  fi
}
