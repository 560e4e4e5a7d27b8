# Two commands do all the set-up on a fresh machine (Python 3.11+ and make):
#   make demo   create .venv, install minutebook, extract corpus/ into outputs/ (with
#               the graph in outputs/graph/ and the review site in outputs/review/)
#   make test   create .venv, install minutebook with its test tools, run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two installs, one stamp each: `make demo` needs minutebook only; `make test` (and lint,
# bench) also the [dev] extra. Installing [dev] stamps both, so `make test` then
# `make demo` installs nothing more; `make demo` then `make test` adds the dev tools.
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
# An editable install leaves the package uncompiled, and with PYTHONDONTWRITEBYTECODE set
# every `minutebook` run compiled its ~100 modules again (0.15 s of a one-paper run).
# Cheap when nothing changed: only edited modules are compiled again.
COMPILE := $(BIN)/python -m compileall -q pipeline > /dev/null

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(COMPILE)
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(COMPILE)
	touch $@ $(RUN_STAMP)

demo: $(RUN_STAMP)
	$(COMPILE)
	$(BIN)/minutebook extract corpus --out outputs
	$(BIN)/minutebook graph outputs
	$(BIN)/minutebook review outputs

test: $(DEV_STAMP)
	$(BIN)/python -m pytest -q

# Benchmark against pdftotext (Debian's poppler-utils, installed here when missing) and
# OCR with Tesseract (Debian's tesseract-ocr, likewise).
bench: $(DEV_STAMP)
	@command -v pdftotext >/dev/null || (apt-get update -qq && apt-get install -y -qq poppler-utils) \
		|| echo "pdftotext unavailable: its reference row is left out"
	@command -v tesseract >/dev/null || (apt-get update -qq && apt-get install -y -qq tesseract-ocr tesseract-ocr-eng) \
		|| echo "tesseract unavailable: the OCR rows are left out"
	$(COMPILE)
	$(BIN)/python -m pipeline.bench

# ruff, then mypy over the package (settings in pyproject's [tool.mypy]); CI runs this.
lint: $(DEV_STAMP)
	$(BIN)/ruff check pipeline tests training
	$(BIN)/mypy

# Everything a run, a build or an install leaves; outputs/ keeps only its .gitkeep.
clean:
	rm -rf $(VENV) build dist *.egg-info
	find outputs -mindepth 1 -maxdepth 1 ! -name .gitkeep -exec rm -rf {} +
