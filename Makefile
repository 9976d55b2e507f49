# strife: one target to run the coder on the bundled examples, one to test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test lint clean train

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: install
	$(BIN)/strife code examples --db strife.duckdb --format table

lint: install
	$(BIN)/ruff check src tests bench train
	$(BIN)/ruff format --check src tests bench train
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

# Rebuild the event typer (CPU, minutes): torch's CPU build, then the train extra.
train: install
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python train/train_typer.py --data ../shared/data

clean:
	rm -rf $(VENV) strife.duckdb .pytest_cache .mypy_cache .ruff_cache
