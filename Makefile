# Shortcuts for the two commands of the README.
PORT ?= 8080

.PHONY: serve build test package fresh-check bench bench-first-view fuzz

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

# The side-by-side benchmark (BENCHMARKS.md); options in ARGS, e.g. make bench ARGS=--quick,
# and its "first view" stage's in FIRST_VIEW_ARGS, e.g. make bench FIRST_VIEW_ARGS="--loads 3"
bench:
	FIRST_VIEW_ARGS="$(FIRST_VIEW_ARGS)" scripts/bench.sh $(ARGS)

# The "first view on a slow phone" stage alone (bench/first-view.mjs); options in ARGS
bench-first-view:
	scripts/bench.sh --first-view $(ARGS)

# Fuzzing the dataset reader and renderer (nightly, cargo-fuzz); FUZZ_SECONDS=300 by default
FUZZ_SECONDS ?= 300
fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)
