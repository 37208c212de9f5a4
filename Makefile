# WPS Localization Toolkit — the two commands are `make serve` and `make test`.
# Everything else is set up on the way: a virtual environment in .venv with the pinned
# dependencies (requirements.txt + constraints.txt), installed from requirements.lock, where
# each is pinned with its files' hashes (pip refuses any file whose hash differs).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/scripts
# Python may keep its compiled files (__pycache__/, ignored by git): each build then starts
# without compiling the toolkit's code again, even where the environment says otherwise.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: serve build check test setup clean fix-unicode l10n-status l10n-mark offline bench lighthouse

$(VENV)/.installed: requirements.txt constraints.txt requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	@touch $@

# Lighthouse for the quality checks, from the npm registry (pinned in package-lock.json);
# skipped with a notice where Node.js/npm are not installed.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: Lighthouse checks will be skipped (install Node.js to run them)."; fi

setup: $(VENV)/.installed node_modules/.installed

## make serve: set up, then serve the site with live reload on http://127.0.0.1:8000
serve: setup
	$(PY) -m mkdocs serve -a 127.0.0.1:8000

## make build: strict build (both languages, all downloads) into site/; site/ is replaced only on success
build: setup
	$(PY) -m wpskit build

## make offline: dist/wps-toolkit-offline.zip, the whole site (both languages, all downloads) for file://
offline: setup
	$(PY) -m wpskit offline

## make lighthouse: Lighthouse (mobile) scores of home, module and worksheet pages in both languages
lighthouse: setup
	$(PY) -m wpskit lighthouse

## make bench: cold/warm/preview/yardstick build times, scaling ×5 ×10, page weights, index sizes (dist/bench.json)
bench: setup
	$(PY) -m wpskit bench

## make check: fast validation of data, pages, translations and terminology (no site build)
check: setup
	@$(PY) -m wpskit check

## make test: set up, build strictly, run every test (browser tests use /usr/bin/chromium), in
## five pytest processes at once (tests/run_all.py; `pytest -q tests` runs the same in one)
test: setup
	$(PY) -m wpskit build
	$(PY) tests/run_all.py

## make l10n-status: missing, outdated and orphaned translations (add ARGS=--check to fail on missing pages)
l10n-status: setup
	@$(PY) -m wpskit l10n-status $(ARGS)

## make l10n-mark FILE=docs/en/…: record that a translation is up to date with its Vietnamese source
l10n-mark: setup
	@$(PY) -m wpskit l10n-mark $(FILE)

## make fix-unicode: convert every Markdown and YAML source to NFC (keeps the text, fixes the accents)
fix-unicode: setup
	$(PY) -m wpskit fix-unicode

clean:
	rm -rf site site.partial .cache .pytest_cache dist
