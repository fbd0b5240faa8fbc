# Two commands for a new machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install setup lint check clean loadtest bench bench-scale search-eval

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 oder neuer wird benötigt.") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
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
