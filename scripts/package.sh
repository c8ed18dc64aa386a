#!/usr/bin/env bash
# Makes the npm package autonomie-chart-<version>.tgz in the repository's root: builds
# (scripts/build.sh, which writes the package's files into dist/), then packs dist/.
# `make package` runs it; tests/e2e/package.test.mjs installs such a tarball.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
echo "== npm pack dist/"
npm pack ./dist --pack-destination . --loglevel=warn
