# Two commands do all the set-up on a fresh machine (Python 3.11+ and make):
#   make demo   create .venv, install minutebook, extract corpus/ into outputs/ (with
#               the graph in outputs/graph/ and the review site in outputs/review/)
#   make test   create .venv, install minutebook with its test tools, run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/minutebook extract corpus --out outputs --exclude README.md --exclude '*.py'
	$(BIN)/minutebook graph outputs
	$(BIN)/minutebook review outputs

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Benchmark against pdftotext (Debian's poppler-utils, installed here when missing).
bench: $(STAMP)
	@command -v pdftotext >/dev/null || (apt-get update -qq && apt-get install -y -qq poppler-utils) \
		|| echo "pdftotext unavailable: its reference row is left out"
	$(BIN)/python -m pipeline.bench

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests training

clean:
	rm -rf $(VENV) outputs/*.csv outputs/run.json
