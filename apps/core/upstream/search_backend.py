"""Wagtail's database search backend, with language-aware stemming on PostgreSQL.

Upstream: modelsearch 1.3.2 (Wagtail 8.0) indexes every object with one text-search
configuration (SEARCH_CONFIG). A Swedish page must be stemmed with the Swedish dictionary and an
English one with the English dictionary, otherwise "projekten" never finds "projekt". This
backend picks the configuration per object at index time (from its locale) and per query (from
the active language). On SQLite and MySQL it is exactly Wagtail's database backend.

Remove when modelsearch supports a configuration per object or per language; then point
WAGTAILSEARCH_BACKENDS at "wagtail.search.backends.database".
"""

import threading
from contextlib import contextmanager
from itertools import groupby

from django.db import connection
from django.utils import translation
from wagtail.search.backends.database import SearchBackend as database_backend

from apps.core.search_config import config_for_language


def _language_of(obj):
    locale = getattr(obj, "locale", None)
    return locale.language_code if locale is not None else None


def SearchBackend(params):  # noqa: N802 - Wagtail looks the factory up by this name
    if connection.vendor != "postgresql":
        return database_backend(params)

    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
    )

    class LocaleAwarePostgresIndex(PostgresIndex):
        def add_items(self, model, objs):
            keyed = sorted(objs, key=lambda obj: config_for_language(_language_of(obj)))
            for config, group in groupby(
                keyed, key=lambda obj: config_for_language(_language_of(obj))
            ):
                with self.backend.indexing_with(config):
                    super().add_items(model, list(group))

    class LocaleAwarePostgresSearchBackend(PostgresSearchBackend):
        index_class = LocaleAwarePostgresIndex

        def __init__(self, params):
            super().__init__(params)
            self._override = threading.local()

        @property
        def config(self):
            forced = getattr(self._override, "config", None)
            return forced or config_for_language(translation.get_language())

        @config.setter
        def config(self, value):
            """Upstream assigns SEARCH_CONFIG in __init__; the language decides instead."""

        @contextmanager
        def indexing_with(self, config):
            self._override.config = config
            try:
                yield
            finally:
                self._override.config = None

    return LocaleAwarePostgresSearchBackend(params)
