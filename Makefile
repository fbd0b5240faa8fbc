# Two commands for a new machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install setup lint check clean loadtest bench bench-scale search-eval lock backup backup-check image-check

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
