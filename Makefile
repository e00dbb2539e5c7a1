# Two commands set everything up on a fresh machine (Python 3.11 and make):
#   make run    create .venv, install, extract the bundled corpus into out/
#   make test   create .venv, install, install the Debian test services, run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test fuzz lint schemas bench train clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/python run_pipeline.py corpus --out out --db sqlite:///out/employment.db

test: $(STAMP)
	$(BIN)/ruff check pipeline schemas tests run_pipeline.py bench
	$(BIN)/mypy
	bash scripts/install_system_deps.sh
	$(BIN)/python -m pytest -q

# The long fuzz run (about 190,000 inputs; 15-30 minutes on 2 cores), outside `make test`.
# PIPELINE_FUZZ_SCALE=0.1 for a tenth of it.
fuzz: $(STAMP)
	PIPELINE_FUZZ=1 $(BIN)/python -m pytest -q tests/fuzz \
		--hypothesis-show-statistics --durations=0

lint: $(STAMP)
	$(BIN)/ruff check pipeline schemas tests run_pipeline.py bench
	$(BIN)/mypy

schemas: $(STAMP)
	$(BIN)/python -m schemas.export

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# The learned components (issue 12) into pipeline/models/: CPU, fixed seeds, about 3 minutes
# on 2 cores; needs ../shared/data/news-archive.jsonl.gz. Not part of `make test`.
train: $(STAMP)
	$(BIN)/python scripts/train.py

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
