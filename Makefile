# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup run test test-all bench clean

setup: $(VENV)/.installed

# Pinned install from the lock file; re-run when either file changes.
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

# The main job on the bundled sample sources (sources.toml).
run: setup
	$(BIN)/citypairs run
	$(BIN)/citypairs export --format csv

test: setup
	$(BIN)/pytest

# Extraction speed and memory on 2,000 generated articles.
bench: setup
	$(BIN)/citypairs bench --documents 2000
	$(BIN)/citypairs bench-crawl --pages 1000

# Also the slow tests.
test-all: setup
	$(BIN)/pytest -m ""

clean:
	rm -rf $(VENV) data/processed/* data/raw/??
