# Two commands on a fresh machine: `make report` and `make test`. Both set up .venv first (once).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
READY := $(VENV)/.slant-ready
# The real annotated corpora (PTC, BABE, BASIL, PolNeAR, NewsMTSC) that `make evaluate` and `make train` read.
CORPORA ?= ../shared/corpora

# The git filter that keeps notebooks as committed when JupyterLab opens, runs and saves them: nbstripout drops
# outputs, execution counts and these details of the kernel JupyterLab writes (tests/test_notebooks.py uses them too).
NOTEBOOK_KEYS := metadata.language_info.codemirror_mode metadata.language_info.file_extension metadata.language_info.mimetype metadata.language_info.nbconvert_exporter metadata.language_info.pygments_lexer metadata.language_info.version
# The browser test drives the system's Chromium (Debian package), never a browser download.
CHROMIUM ?= /usr/bin/chromium

.PHONY: setup report test evaluate train lab bench clean notebook-filter chromium

setup: $(READY)

$(READY): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Slant needs Python 3.10 or newer: set PYTHON=python3.x")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	$(MAKE) --no-print-directory notebook-filter
	touch $@

# Installs the notebook filter in this clone's git config (nothing happens outside a git checkout).
notebook-filter:
	@if git rev-parse --git-dir >/dev/null 2>&1; then \
	  git config filter.nbstripout.clean '$(BIN)/nbstripout --extra-keys "$(NOTEBOOK_KEYS)"' && \
	  git config filter.nbstripout.smudge cat && \
	  git config diff.ipynb.textconv '$(BIN)/nbstripout -t'; fi

# The browser test needs Chromium: installed from Debian when missing and we can (root with apt-get).
chromium:
	@test -x $(CHROMIUM) || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || \
	  echo "make: no Chromium at $(CHROMIUM) and cannot install it: the browser test will be skipped"; }

report: $(READY)
	$(BIN)/slant report seeds/ --actors seeds/aleppo-2024.actors.yml -o reports/
	$(BIN)/slant compare seeds/ --actors seeds/aleppo-2024.actors.yml -o reports/compare.html

test: $(READY) chromium
	$(BIN)/python -m pytest

evaluate: $(READY)
	$(BIN)/python -m evaluation --corpora $(CORPORA)

train: $(READY)
	$(BIN)/python -m evaluation.train --corpora $(CORPORA)

bench: $(READY)
	$(BIN)/python -m benchmarks

# JupyterLab on the repository root, with this environment's Python installed as its kernel (python3); the notebooks
# of notebooks/ are saved as the git filter cleans them, so that git status stays clean (analysis/_lab.py). As root
# (a container), Jupyter refuses to start without --allow-root: it is passed only then.
lab: $(READY)
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (ipykernel)" >/dev/null
	$(BIN)/jupyter lab --notebook-dir=. --ContentsManager.pre_save_hook=analysis._lab.keep_as_committed \
	  $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/explore.ipynb

clean:
	rm -rf $(VENV) reports/*.html
