#!/usr/bin/env bash
# Builds the widget and serves the page on http://127.0.0.1:${PORT:-8080}/.
#   ./scripts/serve.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
exec node scripts/serve.mjs "${1:-${PORT:-8080}}"
