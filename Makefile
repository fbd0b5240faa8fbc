# Two commands for a new machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# manage.py alone means production (manage.py's docstring); everything here is development unless said otherwise.
DJANGO_SETTINGS_MODULE ?= starkimamt.settings.dev
MANAGE := DJANGO_SETTINGS_MODULE=$(DJANGO_SETTINGS_MODULE) $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run shell test install setup lint check clean loadtest bench bench-libraries bench-scale search-eval lock backup backup-check image-check

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 oder neuer wird benötigt.") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependencies change. Runtime dependencies come from the lock (the versions the image
# runs, checked against their hashes); the dev tools are then resolved around them.
$(VENV)/.installed: pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

setup: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) ensure_demo_admin --url http://$(HOST):$(PORT)

run: setup
	@echo "Stark im Amt läuft auf http://$(HOST):$(PORT)/ (Admin: http://$(HOST):$(PORT)/admin/). Beenden mit Strg+C."
	$(MANAGE) runserver $(HOST):$(PORT)

shell: install
	$(MANAGE) shell

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# 50 visitors for 60 s against gunicorn with production settings on PostgreSQL (database sia_security_load,
# created on first run; LOADTEST_DATABASE_URL overrides). Fails on any error or worker timeout.
loadtest: install
	$(BIN)/python tests/load/run.py $(LOADTEST_ARGS)

# Refresh requirements.lock from pyproject.toml's ranges: newest versions within them, every file's hash.
# Universal (any OS, Python 3.11+), so the same lock serves the image and a developer's machine.
lock: install
	$(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes --upgrade \
		--custom-compile-command "make lock" --quiet -o requirements.lock

# PostgreSQL backups (docs/operations.md): a dump of DATABASE_URL, and a check that a dump restores into a
# fresh database with the same counts (the scratch database is dropped afterwards).
BACKUP_FILE ?= starkimamt-$(shell date +%Y-%m-%d-%H%M).dump
backup:
	@test -n "$(DATABASE_URL)" || { echo "DATABASE_URL=postgres://… make backup"; exit 2; }
	deploy/backup.sh dump "$(DATABASE_URL)" "$(BACKUP_FILE)"

backup-check:
	@test -n "$(DATABASE_URL)" || { echo "DATABASE_URL=postgres://… make backup-check"; exit 2; }
	deploy/backup.sh check "$(DATABASE_URL)"

# The image and the two-instance topology behind nginx, for real (podman; root; about 4 minutes).
image-check:
	deploy/test-image.sh

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm .pytest_cache .ruff_cache

# Performance: gunicorn (production settings, 2 workers) under wrk, uncached and cached, next to a static
# file; PostgreSQL from DATABASE_URL or a temporary SQLite file. Prints one table (bench/run.py).
bench: install
	$(BIN)/python -m bench.run

# Search relevance: the share of the relevance set (portal/search_relevance.py) answered well on the current
# database (DATABASE_URL; load the demo first), the worst misses and the query times.
search-eval: install
	$(MANAGE) search_eval

# Cost as the content grows: in-process render time, SQL and memory per page type, export, admin list and
# a 5,000-row import at 1, 10 and 100 times the demo (BENCH_SCALES=1,10). One PostgreSQL database per scale,
# kept for the next run (bench/scale.py). Prints one table per scale and the growth factors.
bench-scale: install
	$(BIN)/python -m bench.scale

# The portal's own calendar, vCard and fragment-cache code next to the libraries issue 12 names, on the same
# input: time per item and whether the output says the same (bench/libraries.py, docs/architecture.md).
bench-libraries: install
	$(BIN)/python -m pip install --quiet -e ".[dev,bench-libraries]"
	$(BIN)/python -m bench.libraries

# KERN (kern-ux.de, EUPL-1.2) and Fira Sans (OFL-1.1), rebuilt only when we change what we use. Needs npm;
# the results are committed, so `make run` and the image need no front-end build (docs/design/README.md).
KERN_VERSION := 2.7.2
KERN_TMP := /tmp/sia-kern-build
KERN_SRC := $(KERN_TMP)/node_modules/@kern-ux/native
# Basic Latin, Latin-1 (ä ö ü ß « » §), Œ œ, ẞ, dashes, quotes „ “ ‚ ‘, …, ‰, ‹ ›, €, ™, →, minus.
FONT_UNICODES := U+0020-007E,U+00A0-00FF,U+0152-0153,U+1E9E,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2192,U+2212
.PHONY: kern
kern:
	mkdir -p $(KERN_TMP)
	cd $(KERN_TMP) && npm install --no-save --no-audit --no-fund --silent @kern-ux/native@$(KERN_VERSION) sass@1
	$(KERN_TMP)/node_modules/.bin/sass --load-path=$(KERN_SRC)/src/scss --no-source-map --style=compressed \
		--quiet static/vendor/kern/kern-subset.scss static/vendor/kern/kern-subset.css
	cp $(KERN_SRC)/LICENSE.md static/vendor/kern/LICENSE.md
	for weight in Regular SemiBold; do \
		$(BIN)/pyftsubset $(KERN_SRC)/dist/fonts/fira-sans/FiraSans-$$weight.woff2 --unicodes="$(FONT_UNICODES)" \
			--layout-features="kern,liga,tnum,lnum" --name-IDs="0,1,2,3,4,5,6,7,8,9,11,12,13,14" --flavor=woff2 \
			--output-file=static/fonts/FiraSans-$$weight-de.woff2; \
	done
