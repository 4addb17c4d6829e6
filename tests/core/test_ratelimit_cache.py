"""`check --deploy` refuses a rate-limit cache that each worker keeps for itself, and `migrate`
creates the database cache's table so the README's production steps work as written."""

import pytest
from django.apps import apps
from django.core.cache import caches
from django.db import connection
from django.db.models.signals import pre_migrate

from apps.core import ratelimit
from apps.core.checks import check_ratelimit_cache, check_settings

LOCMEM = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
DUMMY = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
REDIS = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1"}
DATABASE = {"BACKEND": "apps.core.cache.DatabaseCache", "LOCATION": "bygd_test_rate_cache"}
DJANGO_DATABASE = {**DATABASE, "BACKEND": "django.core.cache.backends.db.DatabaseCache"}


def ids(settings, cache, debug=False):
    settings.CACHES = {"default": LOCMEM, "rates": cache}
    settings.BYGD_RATELIMIT_CACHE = "rates"
    settings.DEBUG = debug
    return [message.id for message in check_ratelimit_cache(None)]


@pytest.mark.parametrize("cache", [LOCMEM, DUMMY])
def test_process_local_cache_is_an_error_in_production(settings, cache):
    assert ids(settings, cache) == ["core.E003"]


def test_process_local_cache_is_fine_when_debugging(settings):
    assert ids(settings, LOCMEM, debug=True) == []


@pytest.mark.parametrize("cache", [DATABASE, REDIS])
def test_shared_caches_pass(settings, cache):
    assert ids(settings, cache) == []


def test_django_database_cache_warns_that_it_can_lose_counts(settings):
    assert ids(settings, DJANGO_DATABASE) == ["core.W002"]


def test_the_check_is_a_deployment_check(settings):
    from django.core import checks

    settings.DEBUG = False
    assert check_ratelimit_cache in checks.registry.registry.get_checks(
        include_deployment_checks=True
    )
    assert check_ratelimit_cache not in checks.registry.registry.get_checks()


def test_an_unknown_cache_alias_is_named(settings):
    settings.BYGD_RATELIMIT_CACHE = "nowhere"
    messages = [message.msg for message in check_settings(None)]
    assert any(message.startswith("BYGD_RATELIMIT_CACHE='nowhere'") for message in messages)


@pytest.fixture
def database_cache(settings, db):
    settings.CACHES = {"default": LOCMEM, "rates": DATABASE}
    settings.BYGD_RATELIMIT_CACHE = "rates"
    core = apps.get_app_config("core")
    pre_migrate.send(
        sender=core, app_config=core, verbosity=0, interactive=False, using="default", apps=apps
    )
    yield caches["rates"]


def test_migrate_creates_the_database_cache_table(database_cache):
    assert "bygd_test_rate_cache" in connection.introspection.table_names()


def test_the_limiter_counts_in_the_database_cache(database_cache):
    for _ in range(3):
        ratelimit.check("signup", "198.51.100.7", limit=3, window=3600)
    with pytest.raises(ratelimit.RateLimited):
        ratelimit.check("signup", "198.51.100.7", limit=3, window=3600)
    assert ratelimit.peek("signup", "198.51.100.7", 3600)[0] == 4


def test_increment_keeps_the_expiry_and_refuses_missing_keys(database_cache):
    database_cache.set("counter", 1, timeout=3600)
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM bygd_test_rate_cache")
        before = cursor.fetchone()
    assert database_cache.incr("counter", 2) == 3
    assert database_cache.get("counter") == 3
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM bygd_test_rate_cache")
        assert cursor.fetchone() == before
    with pytest.raises(ValueError):
        database_cache.incr("missing")
