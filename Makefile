# Two commands on a fresh machine: `make serve` and `make test`.
# `serve --dirty`: after an edit only the pages that changed are written again.
# Everything is installed into .venv from the pinned versions in requirements.lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# Material prints its end-of-life notice on every mkdocs command; the README says what
# this project does about it.
export NO_MKDOCS_2_WARNING := 1

# Serving needs only the handbook and its site engine; the tests' tools (browser driver,
# linters, type checker) come with `make test`.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

setup: $(STAMP)

test-setup: $(TEST_STAMP)

serve: setup
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

site: setup
	$(BIN)/mkdocs build --strict

# A copy that also works opened from disk, e.g. on a shared drive: open site-offline/index.html.
offline: setup
	HANDBOOK_OFFLINE=true $(BIN)/mkdocs build --strict -f mkdocs.offline.yml

lint: setup
	$(BIN)/handbook lint --strict

# Debian's Chromium for the browser tests (never a downloaded browser build).
browser:
	@bash .ci/install-system-deps

# ruff's lint and format and mypy's types (strict on the core, see pyproject.toml), the same in CI
# (.ci/run), in pre-commit and on an editor's machine.
check: test-setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The sample handbook is checked as of the day it was written (tests/conftest.py's AS_OF):
# its pilot ends and its reviews fall due later, as a real handbook's do, which `make lint`
# and `make site` report on the day.
test: export HANDBOOK_TODAY ?= 2026-11-29
test: test-setup browser check
	$(BIN)/handbook lint --strict
	$(BIN)/python -m pytest

# The property test of tests/security/ at length: 5,000 mutated standards instead of 150
# (loaded or located problems, never an exception; no markup of their own in the pages).
fuzz: test-setup
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/security/test_fuzz.py -q -p no:cacheprovider

bench: test-setup
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf site site-offline .pytest_cache
