# Practice Atlas: `make run` serves the portal with demo data, `make test` runs lint and the test suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test test-fast test-e2e lint format bench services elasticsearch elasticsearch-stop test-elasticsearch clean install install-dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	@# The task worker and the periodic scheduler run beside the server on the database queue; Ctrl-C (or the
	@# server exiting) stops all three.
	@export TASK_BACKEND=database; \
	$(MANAGE) db_worker --no-reload --interval 2 & worker=$$!; \
	$(MANAGE) run_schedule & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null; wait $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The full suite: lint, Django's checks, migrations in sync, then every test (browser tests included).
test: lint
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

# Everything but the browser tests: the quick loop while developing.
test-fast: install-dev
	$(BIN)/pytest -m "not e2e" $(PYTEST_ARGS)

# Only the browser tests (needs Debian's chromium: apt-get install -y chromium).
test-e2e: install-dev
	$(BIN)/pytest -m e2e $(PYTEST_ARGS)

# PostgreSQL and Redis on 127.0.0.1 from Debian's packages (installed and started when absent; needs root or sudo).
services:
	bash deploy/local-services.sh

# A single-node Elasticsearch 8 on 127.0.0.1:9200 for tests and development (Java 17 + Maven; first build
# fetches it from Maven Central). ES_PORT=9201 make elasticsearch for another port; no-op when one answers.
ES_PORT ?= 9200
elasticsearch:
	ES_PORT=$(ES_PORT) bash deploy/elasticsearch/start.sh

elasticsearch-stop:
	ES_PORT=$(ES_PORT) bash deploy/elasticsearch/start.sh stop

# The live Elasticsearch tests against that node (a missing cluster fails them instead of skipping).
test-elasticsearch: install-dev elasticsearch
	ELASTICSEARCH_URL=http://127.0.0.1:$(ES_PORT) ELASTICSEARCH_LIVE_REQUIRED=1 $(BIN)/pytest -m elasticsearch_live $(PYTEST_ARGS)

bench: install-dev services
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
