# Chợ HTX — `make run` and `make test` are all a new developer needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= marketplace.settings.dev

.DEFAULT_GOAL := help
.PHONY: help install setup run test lint typecheck format worker beat demo messages clean

help: ## Show this help
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed ## Create the virtualenv and install the pinned dependencies

setup: install ## Migrate, compile translations, collect static files, load the demo data
	@mkdir -p var
	$(PY) manage.py migrate --no-input
	$(PY) manage.py compile_translations
	$(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) manage.py load_demo --domain 127.0.0.1:$(PORT)

# `make run` runs a real Celery worker with beat (VietQR and card timers, certificate expiry
# emails, scheduled publishing, outbox retries, the nightly invariant check) next to the web
# server. Without CELERY_BROKER_URL they talk through kombu's filesystem transport under
# var/celery/, which needs no server. The worker's log: var/celery/worker.log.
EMBEDDED_BROKER := filesystem://
CELERY_EMBEDDED := $(VENV)/bin/celery -A marketplace worker --beat --schedule var/celery/beat-schedule \
	--concurrency 2 --loglevel info --without-gossip --without-mingle --without-heartbeat \
	--logfile var/celery/worker.log

run: setup ## Set everything up; serve on http://127.0.0.1:$(PORT) with a Celery worker and beat
	@mkdir -p var/celery
	@export CELERY_BROKER_URL="$${CELERY_BROKER_URL:-$(EMBEDDED_BROKER)}"; \
	$(CELERY_EMBEDDED) & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	echo "Celery worker and beat running (pid $$worker, broker $$CELERY_BROKER_URL): var/celery/worker.log"; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install ## Run the test suite (SQLite by default; PostgreSQL when DATABASE_URL is set)
	$(PY) manage.py compile_translations --verbosity 0
	DJANGO_SETTINGS_MODULE=marketplace.settings.test $(PY) -m pytest $(PYTEST_ARGS)

lint: install ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: install ## mypy with django-stubs on marketplace, payments, search, cms (prints its time)
	@mkdir -p var
	@start=$$(date +%s%N); $(VENV)/bin/mypy; status=$$?; \
	echo "mypy took $$(( ($$(date +%s%N) - start) / 1000000 )) ms"; exit $$status

format: install ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

worker: install ## Start a Celery worker (needs CELERY_BROKER_URL)
	$(VENV)/bin/celery -A marketplace worker --loglevel=info

beat: install ## Start Celery beat (scheduled tasks)
	$(VENV)/bin/celery -A marketplace beat --loglevel=info

messages: install ## Extract translatable strings into locale/*/LC_MESSAGES/django.po (needs gettext)
	$(PY) manage.py makemessages -l vi -l en --ignore '.venv/*' --ignore 'var/*'

clean: ## Remove the virtualenv and local data (database, media, static files)
	rm -rf $(VENV) var
