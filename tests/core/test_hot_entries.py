"""Each worker's copies of stored answers stay within their byte bound, the least recently served
going first, and are never served under a content version other than their own, even when the
version moved in another worker process."""

import socket
import subprocess
import sys
import time
import uuid

import pytest
from django.core.cache import cache

from apps.core import content_version, hot_entries
from apps.core.cache_entry import Entry
from apps.network.factories import OrganisationFactory
from apps.network.models import Organisation
from tests.core.test_ratelimit_shared import ROOT, production_env

PATH = "/api/organisations/"


def _entry(size, version=1):
    return Entry(version, 0, {"Content-Type": "application/json"}, b"x" * size)


def test_copies_stay_within_their_bytes_least_recently_served_out_first(settings):
    settings.BYGD_CACHE_HOT_BYTES = 1000
    hot_entries.clear()
    for name in "abcd":
        hot_entries.put(name, _entry(250))
    hot_entries.get("a")
    hot_entries.put("e", _entry(250))
    assert hot_entries.get("b") is None
    assert [name for name in "acde" if hot_entries.get(name)] == ["a", "c", "d", "e"]
    hot_entries.put("a", _entry(100))
    hot_entries.put("f", _entry(250))
    hot_entries.put("g", _entry(150))
    assert hot_entries.get("c") is None and hot_entries.get("a") is not None
    hot_entries.clear()


def test_an_answer_over_a_quarter_of_the_bound_is_not_copied(settings):
    settings.BYGD_CACHE_HOT_BYTES = 1000
    hot_entries.clear()
    hot_entries.put("small", _entry(250))
    hot_entries.put("export", _entry(251))
    assert hot_entries.get("export") is None and hot_entries.get("small") is not None
    hot_entries.put("small", _entry(251))
    assert hot_entries.get("small") is None
    hot_entries.clear()


def test_no_copies_are_kept_when_switched_off(settings):
    settings.BYGD_CACHE_HOT_BYTES = 0
    hot_entries.clear()
    hot_entries.put("a", _entry(1))
    hot_entries.put("empty", _entry(0))
    assert hot_entries.get("a") is None and hot_entries.get("empty") is None


# One worker process: computes an answer through the middleware (a view answering the number it
# is given), serves a hit, or publishes (moves the shared content version), as told on stdin.
WORKER = """
import sys
import django
django.setup()
from django.http import JsonResponse
from django.test import RequestFactory
from apps.core import content_version, http_cache
request = RequestFactory().get("/api/organisations/")
print("ready", flush=True)
for line in sys.stdin:
    command, _, number = line.strip().partition(" ")
    if command == "compute":
        view = lambda request: JsonResponse({"answer": int(number)})
        print(http_cache.PublicCacheMiddleware(view)(request).content.decode(), flush=True)
    elif command == "serve":
        response = http_cache.hit(request)
        print(response.content.decode() if response else "computed here", flush=True)
    elif command == "publish":
        content_version.bump()
        print("published", flush=True)
"""


def _redis_up():
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", 6379)) == 0


@pytest.fixture(params=["database", "redis"])
def shared_cache_env(request, tmp_path):
    """Production settings with the database cache (the default without Redis) or Redis."""
    env = production_env(f"sqlite:///{tmp_path / 'shared.sqlite3'}")
    if request.param == "redis":
        if not _redis_up():
            pytest.skip("needs Redis on 127.0.0.1:6379")
        env.update(REDIS_URL="redis://127.0.0.1:6379/5", CACHE_KEY_PREFIX=uuid.uuid4().hex)
    else:
        subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, "manage.py", "createcachetable"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=120,
        )
    return env


def test_a_publish_in_one_worker_reaches_the_copies_of_another(shared_cache_env):
    workers = [
        subprocess.Popen(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", WORKER],
            cwd=ROOT,
            env=shared_cache_env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]

    def tell(worker, command):
        worker.stdin.write(command + "\n")
        worker.stdin.flush()
        return worker.stdout.readline().strip()

    first, second = workers
    try:
        for worker in workers:
            assert worker.stdout.readline().strip() == "ready"
        assert tell(first, "compute 1") == '{"answer": 1}'
        assert tell(second, "serve") == '{"answer": 1}'  # read from the shared cache, now held
        assert tell(second, "serve") == '{"answer": 1}'  # from its own copy
        assert tell(first, "publish") == "published"
        assert tell(second, "serve") == "computed here"
        assert tell(first, "serve") == "computed here"
        assert tell(first, "compute 2") == '{"answer": 2}'
        assert tell(second, "serve") == '{"answer": 2}'
    finally:
        for worker in workers:
            worker.stdin.close()
            worker.wait(timeout=60)


@pytest.fixture
def monotonic(monkeypatch):
    """The clock the held content version is timed with, moved by hand."""
    clock = [1000.0]
    monkeypatch.setattr(content_version.time, "monotonic", lambda: clock[0])
    return clock


def _published_elsewhere(organisation, name):
    """What another worker's publish leaves this one: the row and the shared version changed,
    none of this process's signal handlers run."""
    Organisation.objects.filter(pk=organisation.pk).update(name=name)
    cache.set(content_version.CACHE_KEY, time.time_ns(), timeout=None)


def test_by_default_a_change_elsewhere_is_in_the_next_answer(client, http_cache, sv, monotonic):
    organisation = OrganisationFactory(name="Kulturföreningen Gnistan")
    for _attempt in range(2):
        assert b"Gnistan" in client.get(PATH).content
    _published_elsewhere(organisation, "Kulturföreningen Lågan")
    assert "Lågan".encode() in client.get(PATH).content


def test_a_held_version_may_serve_a_change_elsewhere_late_by_its_milliseconds_at_most(
    client, http_cache, sv, settings, monotonic
):
    settings.BYGD_CACHE_VERSION_HOLD_MS = 500
    organisation = OrganisationFactory(name="Kulturföreningen Gnistan")
    for _attempt in range(2):
        assert b"Gnistan" in client.get(PATH).content
    _published_elsewhere(organisation, "Kulturföreningen Lågan")
    monotonic[0] += 0.4
    assert b"Gnistan" in client.get(PATH).content
    monotonic[0] += 0.1
    assert "Lågan".encode() in client.get(PATH).content


def test_a_held_version_moves_at_once_with_a_publish_in_the_same_worker(
    client, http_cache, sv, settings, monotonic
):
    settings.BYGD_CACHE_VERSION_HOLD_MS = 1000
    organisation = OrganisationFactory(name="Kulturföreningen Gnistan")
    for _attempt in range(2):
        assert b"Gnistan" in client.get(PATH).content
    organisation.name = "Kulturföreningen Lågan"
    organisation.save()
    assert "Lågan".encode() in client.get(PATH).content


def test_the_hold_is_bounded_to_a_second(settings):
    from apps.core import conf

    settings.BYGD_CACHE_VERSION_HOLD_MS = 1001
    assert "from 0 to 1000" in conf.cache_version_hold_ms.problem()
