# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup browser ocr run test test-all bench clean

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

# Tesseract with its traditional Chinese and Japanese models for scanned PDFs,
# and a Chinese font the OCR tests draw their generated scans with (Debian packages), if missing.
ocr:
	@if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -q chi_tra \
	    || ! tesseract --list-langs 2>/dev/null | grep -q jpn || [ ! -f /usr/share/fonts/truetype/arphic/uming.ttc ]; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=; elif command -v sudo >/dev/null; then sudo=sudo; \
	  else echo "make ocr: cannot install tesseract-ocr (not root, no sudo); scanned PDFs will be" \
	    "recorded as no_text_layer. As root: apt-get install tesseract-ocr tesseract-ocr-chi-tra" \
	    "tesseract-ocr-jpn fonts-arphic-uming" >&2; exit 0; fi; \
	  echo "Installing tesseract-ocr with Chinese and Japanese models (apt-get)"; \
	  $$sudo apt-get update -qq && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-chi-tra \
	    tesseract-ocr-jpn fonts-arphic-uming >/dev/null; \
	fi

# The main job on the bundled sample sources (sources.toml).
run: setup ocr
	$(BIN)/citypairs run
	$(BIN)/citypairs export --format csv
	$(BIN)/citypairs report

test: setup browser ocr
	$(BIN)/pytest

# Extraction speed and memory on 2,000 generated articles; PDF pages/s; crawl and review speed.
bench: setup
	$(BIN)/citypairs bench --documents 2000
	$(BIN)/citypairs bench-pdf --pages 500
	$(BIN)/citypairs bench-scale --mentions 1000000
	$(BIN)/citypairs bench-crawl --pages 1000
	$(BIN)/citypairs bench-review --partnerships 100000

# Also the slow tests.
test-all: setup browser ocr
	$(BIN)/pytest -m ""

clean:
	rm -rf $(VENV) data/processed/* data/raw/??
