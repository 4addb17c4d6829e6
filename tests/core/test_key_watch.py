"""On Redis a cached answer checks the content version without a round trip while Redis reports no
change to it, and any change, by whatever connection, is in the very next check: also after the
watching connection broke, and at least once a second even if Redis never reports."""

import time
import uuid

import pytest
import redis
from django.core.cache import cache

from apps.core import content_version, key_watch
from tests.core.test_hot_entries import _redis_up

URL = "redis://127.0.0.1:6379/5"


@pytest.fixture
def redis_cache(settings):
    if not _redis_up():
        pytest.skip("needs Redis on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {
            "BACKEND": "apps.core.cache.RedisCache",
            "LOCATION": URL,
            "KEY_PREFIX": uuid.uuid4().hex,
        }
    }
    settings.BYGD_CACHE_VERSION_HOLD_MS = 0
    content_version.bump()
    yield cache
    cache.delete(content_version.CACHE_KEY)


@pytest.fixture
def elsewhere(redis_cache):
    """Writes the version as another process does: its own connection, none of our code."""
    client = redis.Redis.from_url(URL)
    key = redis_cache.make_and_validate_key(content_version.CACHE_KEY)

    def publish():
        version = time.time_ns()
        client.set(key, version)
        return version

    yield publish
    client.close()


@pytest.fixture
def commands(monkeypatch):
    """Every command this process sends to Redis."""
    sent = []
    original = redis.Redis.execute_command

    def execute_command(self, *args, **options):
        sent.append(args[0])
        return original(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", execute_command)
    return sent


def test_a_watched_version_is_checked_without_asking_redis(redis_cache, commands):
    version = content_version.for_hit()
    assert commands == ["CLIENT", "GET"]  # the watch, then the version
    for _hit in range(20):
        assert content_version.for_hit() == version
    assert commands == ["CLIENT", "GET"]


def test_a_change_elsewhere_is_in_the_next_check_every_time(redis_cache, elsewhere):
    for _change in range(200):
        content_version.for_hit()
        version = elsewhere()
        assert content_version.for_hit()[0] == version


def test_a_deleted_version_is_noticed(redis_cache):
    content_version.for_hit()
    redis.Redis.from_url(URL).delete(redis_cache.make_and_validate_key(content_version.CACHE_KEY))
    assert content_version.for_hit() is None


def test_a_broken_watch_reads_the_version_and_watches_again(redis_cache, elsewhere, commands):
    content_version.for_hit()
    watch = redis_cache.watch(content_version.CACHE_KEY)
    redis.Redis.from_url(URL).client_kill_filter(_id=watch._client.client_id())
    version = elsewhere()
    commands.clear()
    assert content_version.for_hit()[0] == version
    assert commands == ["CLIENT", "GET"]
    version = elsewhere()
    assert content_version.for_hit()[0] == version


def test_a_silent_watch_is_read_again_after_a_second(redis_cache, commands, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(key_watch.time, "monotonic", lambda: clock[0])
    content_version.for_hit()
    clock[0] += key_watch.REREAD - 0.01
    content_version.for_hit()
    assert commands.count("GET") == 1
    clock[0] += 0.01
    content_version.for_hit()
    assert commands.count("GET") == 2


def test_a_server_without_tracking_is_read_on_every_check(redis_cache, commands, monkeypatch):
    counted = redis.Redis.execute_command

    def refuse(self, *args, **options):
        if args[0] == "CLIENT":
            commands.append("CLIENT refused")
            raise redis.ResponseError("unknown command 'CLIENT'")
        return counted(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", refuse)
    for _hit in range(3):
        assert content_version.for_hit() is not None
    assert commands == ["CLIENT refused", "GET", "GET", "GET"]


def test_reports_are_read_even_when_the_version_is_old_enough_to_read_again(
    redis_cache, elsewhere, monkeypatch
):
    clock = [1000.0]
    monkeypatch.setattr(key_watch.time, "monotonic", lambda: clock[0])
    content_version.for_hit()
    for _change in range(50):
        elsewhere()
    clock[0] += key_watch.REREAD
    content_version.for_hit()
    connection = redis_cache.watch(content_version.CACHE_KEY)._client.connection
    assert not connection.can_read(timeout=0.05)


def test_with_replicas_the_version_is_read_on_every_check(settings, commands):
    if not _redis_up():
        pytest.skip("needs Redis on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {
            "BACKEND": "apps.core.cache.RedisCache",
            "LOCATION": [URL, URL],  # a primary and a replica (here the same server)
            "KEY_PREFIX": uuid.uuid4().hex,
        }
    }
    content_version.bump()
    commands.clear()
    for _hit in range(3):
        assert content_version.for_hit() is not None
    assert commands == ["GET", "GET", "GET"]
    cache.delete(content_version.CACHE_KEY)
