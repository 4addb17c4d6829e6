# The two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: bench fuzz run test install install-dev migrate demo messages catalogues lint clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/bin/python pyproject.toml
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

catalogues: $(VENV)/.installed
	$(PY) manage.py compile_catalogues

migrate: catalogues
	mkdir -p var
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_admin
	$(PY) manage.py organiser_logins

run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev
	$(PY) manage.py compile_catalogues
	$(PY) -m pytest -n auto $(PYTEST_ARGS)

# Bygd against Wagtail's API v2 over HTTP (gunicorn + wrk, Debian's wrk package), side by side;
# BENCH_ARGS="--postgres postgres://postgres@127.0.0.1:5432/bygd_bench" adds PostgreSQL.
BENCH_ARGS ?=
bench: $(VENV)/.installed-dev
	$(PY) manage.py compile_catalogues
	$(PY) -m bench.side_by_side $(BENCH_ARGS)

# Fuzz the domain API against its OpenAPI document on a live server with the demo content.
fuzz: $(VENV)/.installed-dev
	$(PY) manage.py compile_catalogues
	bin/fuzz

lint: $(VENV)/.installed-dev
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports

# Needs GNU gettext (xgettext); only for developers who change strings. Each app keeps its own
# catalogue (apps/<app>/locale, cms/locale for the reference site), so makemessages runs in each
# package's directory, without settings (with them it would also write to LOCALE_PATHS).
MESSAGE_DIRS := $(patsubst %/apps.py,%,$(wildcard apps/*/apps.py)) cms
messages: $(VENV)/.installed
	set -e; for dir in $(MESSAGE_DIRS); do \
		mkdir -p $$dir/locale; \
		(cd $$dir && env -u DJANGO_SETTINGS_MODULE $(abspath $(VENV))/bin/django-admin makemessages \
			--locale sv --locale en --add-location file --no-obsolete); \
		if grep -rqs --include='*.js' gettext $$dir; then \
			(cd $$dir && env -u DJANGO_SETTINGS_MODULE $(abspath $(VENV))/bin/django-admin makemessages \
				--domain djangojs --locale sv --locale en --add-location file --no-obsolete); \
		fi; \
	done

clean:
	rm -rf $(VENV) var static_collected
