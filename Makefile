# Shortcuts for the two commands of the README.
PORT ?= 8080

.PHONY: serve build test package fresh-check bench fuzz

serve:
	scripts/serve.sh $(PORT)

build:
	scripts/build.sh

test:
	scripts/test.sh

# The npm package autonomie-chart-<version>.tgz (dist/, packed)
package:
	scripts/package.sh

# The two commands above in a fresh clone, empty cargo home and npm cache (long: see README)
fresh-check:
	scripts/fresh-check.sh

# The side-by-side benchmark (BENCHMARKS.md); options in ARGS, e.g. make bench ARGS=--quick
bench:
	scripts/bench.sh $(ARGS)

# Fuzzing the dataset reader and renderer (nightly, cargo-fuzz); FUZZ_SECONDS=300 by default
FUZZ_SECONDS ?= 300
fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)
