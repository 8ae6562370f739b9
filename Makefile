# Two commands on a fresh machine: `make serve` and `make test`.
# `serve --dirty`: after an edit only the pages that changed are written again.
# Everything is installed into .venv from the pinned versions in requirements.lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup serve site offline test check lint bench browser clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

setup: $(STAMP)

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
check: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: setup browser check
	$(BIN)/handbook lint --strict
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf site site-offline .pytest_cache
