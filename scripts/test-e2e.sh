#!/usr/bin/env bash
# Browser end-to-end tests: needs the build (make build) and Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
ensure_build_tools
ensure_browser
node --test --test-reporter=spec tests/e2e/
