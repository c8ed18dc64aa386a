# The two commands of the README, and their parts.
#   make serve   build the widget and serve the page on http://127.0.0.1:$(PORT)/
#   make test    run every test: native (cargo), lints, browser end-to-end (Chromium)

PORT ?= 8080

.PHONY: serve build test test-native test-e2e lint

serve: build
	node scripts/serve.mjs $(PORT)

build:
	scripts/build.sh

test: build test-native lint test-e2e

test-native:
	cargo test --quiet

lint:
	cargo clippy --quiet --all-targets -- -D warnings
	cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings

test-e2e:
	scripts/test-e2e.sh
