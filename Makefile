# Shortcuts for the two commands of the README.
PORT ?= 8080

.PHONY: serve build test

serve:
	scripts/serve.sh $(PORT)

build:
	scripts/build.sh

test:
	scripts/test.sh
