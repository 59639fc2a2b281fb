# Takafamap — every task a developer or CI runs. `make help` lists them.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: help install install-dev messages makemessages migrate seed demo run test lint format check bench faults clean

help: ## List the tasks
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-13s\033[0m %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed messages ## Create .venv and install the pinned runtime dependencies

install-dev: $(VENV)/.installed-dev messages ## Install the runtime and test/dev tools

messages: $(VENV)/.installed ## Compile the French, Arabic and English catalogues (.po → .mo)
	@$(BIN)/pybabel compile -d locale -D django --statistics

makemessages: ## Refresh the .po catalogues from the code and templates (needs GNU gettext)
	$(MANAGE) makemessages -l fr -l ar -l en --no-obsolete \
		--ignore=.venv --ignore=staticfiles --ignore=media --ignore=tests --ignore=bench
	$(BIN)/python scripts/fill_english_catalogue.py

migrate: install ## Apply database migrations
	$(MANAGE) migrate --no-input

seed: migrate ## Load the demo content (idempotent)
	$(MANAGE) seed_demo

demo: seed ## Install, migrate, load the demo data and serve on http://127.0.0.1:$(PORT)
	$(MANAGE) runserver 127.0.0.1:$(PORT)

run: install ## Serve the site on http://127.0.0.1:$(PORT) (no set-up)
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install-dev ## Run the whole test suite (unit, integration, browser)
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install-dev ## Ruff lint and format check; import contracts (pyproject.toml, lint-imports)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install-dev ## Format and fix with Ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install ## Django system checks, missing migrations, deployment checks
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=only-for-the-deploy-check-not-a-secret-0123456789abcdefghijklmnop \
		DATABASE_URL=sqlite:///$(CURDIR)/db.sqlite3 ALLOWED_HOSTS=takafamap.ma BASE_URL=https://takafamap.ma \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

.PHONY: backup restore
backup: install ## Save the database (JSON) and the media to backups/<timestamp>/
	$(MANAGE) backup

restore: install ## Replace the database and media with a backup: make restore BACKUP=backups/<timestamp>
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/<timestamp>"; exit 2; }
	$(MANAGE) restore "$(BACKUP)"

bench: install-dev ## Load-test the main pages on PostgreSQL + gunicorn at 10,000 products (see bench/run.py)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

faults: install-dev ## Redis, search, PostgreSQL and the task queue fail under load: errors, recovery, lost or doubled orders (see bench/faults.py)
	$(BIN)/python -m bench.faults $(FAULTS_ARGS)

clean: ## Remove the virtualenv, databases, media and compiled files
	rm -rf $(VENV) db.sqlite3 .test-db*.sqlite3 media .test-media staticfiles
	find . -name '*.mo' -path './locale/*' -delete
