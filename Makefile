# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup browser run test test-all bench clean

setup: $(VENV)/.installed

# Pinned install from the lock file; re-run when either file changes.
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

# Headless Chromium and its driver for the browser tests (Debian packages), if missing.
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=; elif command -v sudo >/dev/null; then sudo=sudo; \
	  else echo "make browser: cannot install chromium (not root, no sudo); the browser tests" \
	    "will fail. As root: apt-get install chromium chromium-driver" >&2; exit 0; fi; \
	  echo "Installing chromium and chromium-driver (apt-get)"; \
	  $$sudo apt-get update -qq && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi

# The main job on the bundled sample sources (sources.toml).
run: setup
	$(BIN)/citypairs run
	$(BIN)/citypairs export --format csv
	$(BIN)/citypairs report

test: setup browser
	$(BIN)/pytest

# Extraction speed and memory on 2,000 generated articles; PDF pages/s; crawl and review speed.
bench: setup
	$(BIN)/citypairs bench --documents 2000
	$(BIN)/citypairs bench-pdf --pages 500
	$(BIN)/citypairs bench-crawl --pages 1000
	$(BIN)/citypairs bench-review --partnerships 100000

# Also the slow tests.
test-all: setup browser
	$(BIN)/pytest -m ""

clean:
	rm -rf $(VENV) data/processed/* data/raw/??
