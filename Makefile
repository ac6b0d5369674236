# Two commands on a fresh machine: `make report` and `make test`. Both set up .venv first (once).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
READY := $(VENV)/.slant-ready
# The real annotated corpora (PTC, BABE, BASIL, PolNeAR, NewsMTSC) that `make evaluate` and `make train` read.
CORPORA ?= ../shared/corpora

.PHONY: setup report test evaluate train lab bench clean

setup: $(READY)

$(READY): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Slant needs Python 3.10 or newer: set PYTHON=python3.x")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

report: $(READY)
	$(BIN)/slant report seeds/ --actors seeds/aleppo-2024.actors.yml -o reports/
	$(BIN)/slant compare seeds/ --actors seeds/aleppo-2024.actors.yml -o reports/compare.html

test: $(READY)
	$(BIN)/python -m pytest

evaluate: $(READY)
	$(BIN)/python -m evaluation --corpora $(CORPORA)

train: $(READY)
	$(BIN)/python -m evaluation.train --corpora $(CORPORA)

bench: $(READY)
	$(BIN)/python -m benchmarks

lab: $(READY)
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(VENV) reports/*.html
