# Two commands set everything up on a fresh machine (Python 3.11 and make):
#   make run    create .venv, install, extract the bundled corpus into out/
#   make test   create .venv, install, install the Debian test services, run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test lint schemas bench clean

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

lint: $(STAMP)
	$(BIN)/ruff check pipeline schemas tests run_pipeline.py bench
	$(BIN)/mypy

schemas: $(STAMP)
	$(BIN)/python -m schemas.export

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
