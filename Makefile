# Two commands: `make run` and `make test`. Both build .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# axe-core (the accessibility rules the browser tests inject into every page), from the npm registry
AXE := .cache/axe/node_modules/axe-core/axe.min.js

.PHONY: axe run test lint ruff format imports types pytest coverage bench mutate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(AXE):
	npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@4

axe: $(AXE)

run: $(STAMP)
	$(BIN)/ogp-bot run

# Every step runs even after one fails; the last line names the ones that failed (a red CI says why at its end).
test: $(STAMP)
	@failed=""; \
	step() { $(MAKE) --no-print-directory -f $(firstword $(MAKEFILE_LIST)) $$1 || failed="$$failed, $$2"; }; \
	step ruff "lint (ruff check)"; \
	step format "format (ruff format --check)"; \
	step imports "imports (lint-imports)"; \
	step types "types (mypy)"; \
	step pytest "tests (pytest)"; \
	if [ -n "$$failed" ]; then echo "make test: FAILED at $${failed#, }"; exit 1; fi; \
	echo "make test: all steps passed"

lint: ruff format imports

ruff: $(STAMP)
	$(BIN)/ruff check .

format: $(STAMP)
	$(BIN)/ruff format --check .

imports: $(STAMP)
	$(BIN)/lint-imports

types: $(STAMP)
	$(BIN)/mypy

# The tests run in parallel processes (pytest-xdist), two per core: many of them wait on a child process (a bot,
# a terminal chat, a browser) and leave their core idle. WORKERS=0 runs them in this one process.
WORKERS ?= $(shell echo $$(( $$(nproc) * 2 )))
# A whole run takes minutes. A hang that every guard inside pytest missed (tests/watchdog.py) ends here, interrupted
# so that pytest still prints its summary, instead of running on until CI's own limit.
TEST_LIMIT ?= 30m
pytest: $(STAMP) $(AXE)
	@timeout --signal=INT --kill-after=60 $(TEST_LIMIT) $(BIN)/pytest -n $(WORKERS) --dist load || { \
		status=$$?; [ $$status -ne 124 ] || echo "pytest was still running after $(TEST_LIMIT) (TEST_LIMIT): interrupted"; \
		exit $$status; }

# By hand, not in `make test`: the same tests under coverage, the bot processes they start included (it doubles the
# time the end-to-end tests take); prints the total and writes the per-file table to .coverage/report.txt.
COVERAGE_LIMIT ?= 60m
coverage: $(STAMP) $(AXE)
	rm -rf .coverage && mkdir -p .coverage
	timeout --signal=INT --kill-after=60 $(COVERAGE_LIMIT) $(BIN)/coverage run -m pytest -n $(WORKERS) --dist load
	$(BIN)/coverage combine -q
	$(BIN)/coverage report > .coverage/report.txt || true
	$(BIN)/coverage report --format=total | sed 's/^/coverage (incl. the bot processes the tests start): /; s/$$/%/'

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# By hand, never in `make test` (docs/mutation.md): MUTANTS='storage.inbox.*' limits a run to some modules.
mutate: $(STAMP)
	$(BIN)/mutmut run $(MUTANTS); $(BIN)/mutmut results

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache mutants
