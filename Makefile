# Shortcuts for the two commands of the README.
PORT ?= 8080

.PHONY: serve build test bench fuzz

serve:
	scripts/serve.sh $(PORT)

build:
	scripts/build.sh

test:
	scripts/test.sh

# The side-by-side benchmark (BENCHMARKS.md); options in ARGS, e.g. make bench ARGS=--quick
bench:
	scripts/bench.sh $(ARGS)

# Fuzzing the dataset reader and renderer (nightly, cargo-fuzz); FUZZ_SECONDS=300 by default
FUZZ_SECONDS ?= 300
fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)
