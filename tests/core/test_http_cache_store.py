"""How the shared response cache stores and serves answers: one cache round trip per hit, the
stored answer until the content changes, one request recomputing a stale answer while the
others are served, and gzip for clients that accept it."""

import gzip

import pytest
from django.core.cache import caches

from apps.core import hot_entries, http_cache
from apps.network.factories import OrganisationFactory

PATH = "/api/organisations/"
CACHE_METHODS = ("get", "get_many", "set", "set_many", "add", "delete", "has_key", "incr")


@pytest.fixture
def cache_calls(monkeypatch):
    """The names of the cache methods called from outside the cache, in order (each is one
    round trip to Redis; local memory's get_many calls its own get, which is not counted)."""
    backend = caches["default"]
    calls = []
    depth = [0]
    for name in CACHE_METHODS:
        method = getattr(backend, name)

        def counting(*args, _name=name, _method=method, **kwargs):
            if not depth[0]:
                calls.append(_name)
            depth[0] += 1
            try:
                return _method(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(backend, name, counting)
    return calls


@pytest.fixture
def later(monkeypatch):
    """Moves the response cache's clock forward by the given seconds."""
    import time

    now = time.time()

    def move(seconds):
        monkeypatch.setattr(http_cache.time, "time", lambda: now + seconds)

    return move


@pytest.fixture
def recomputing_elsewhere(monkeypatch):
    """Another request holds the recompute lock of every answer."""
    backend = caches["default"]
    add = backend.add

    def refuse_locks(key, *args, **kwargs):
        return False if key.endswith(":recompute") else add(key, *args, **kwargs)

    monkeypatch.setattr(backend, "add", refuse_locks)


def _names(response):
    return [row["name"] for row in response.json()["results"]]


def test_a_hit_reads_only_the_content_version_when_the_worker_holds_the_answer(
    client, http_cache, sv, cache_calls
):
    OrganisationFactory(name="Vimmerby Hembygdsförening")
    first = client.get(PATH)
    cache_calls.clear()
    again = client.get(PATH)
    assert again.content == first.content
    assert cache_calls == ["get"]
    cache_calls.clear()
    assert client.get(PATH, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert cache_calls == ["get"]


def test_a_hit_on_an_answer_the_worker_does_not_hold_is_one_round_trip(
    client, http_cache, sv, cache_calls
):
    """Computed by another worker (or not kept here): the version and the answer in one MGET."""
    OrganisationFactory(name="Vimmerby Hembygdsförening")
    first = client.get(PATH)
    hot_entries.clear()
    cache_calls.clear()
    assert client.get(PATH).content == first.content
    assert cache_calls == ["get_many"]
    cache_calls.clear()
    assert client.get(PATH).content == first.content
    assert cache_calls == ["get"]


def test_without_copies_in_the_worker_every_hit_is_one_round_trip(
    client, http_cache, sv, cache_calls, settings
):
    settings.BYGD_CACHE_HOT_BYTES = 0
    OrganisationFactory(name="Vimmerby Hembygdsförening")
    first = client.get(PATH)
    for _attempt in range(2):
        cache_calls.clear()
        assert client.get(PATH).content == first.content
        assert cache_calls == ["get_many"]


def test_answers_outlive_their_max_age_and_one_request_recomputes_them(
    client, http_cache, sv, later, recomputing_elsewhere, django_assert_num_queries
):
    OrganisationFactory(name="Kulturföreningen Gnistan")
    first = client.get(PATH)
    later(61)
    with django_assert_num_queries(0):
        stale = client.get(PATH)
    assert stale.content == first.content and stale["ETag"] == first["ETag"]


def test_the_request_holding_the_lock_recomputes_and_releases_it(
    client, http_cache, sv, later, django_assert_max_num_queries
):
    OrganisationFactory(name="Kulturföreningen Gnistan")
    client.get(PATH)
    later(61)
    with django_assert_max_num_queries(20) as recomputed:
        client.get(PATH)
    assert len(recomputed) > 0
    assert not [key for key in caches["default"]._cache if key.endswith(":recompute")]


def test_an_answer_past_the_stale_window_is_recomputed_even_while_locked(
    client, http_cache, sv, later, recomputing_elsewhere, django_assert_max_num_queries
):
    OrganisationFactory(name="Kulturföreningen Gnistan")
    client.get(PATH)
    later(60 + 300 + 1)
    with django_assert_max_num_queries(20) as recomputed:
        client.get(PATH)
    assert len(recomputed) > 0


def test_a_publish_makes_a_stored_answer_unreachable_at_once(
    client, http_cache, sv, later, recomputing_elsewhere
):
    """Stale-while-recompute is for the clock, never for content: after a change the next
    request gets the new answer, even while another request holds the lock."""
    organisation = OrganisationFactory(name="Kulturföreningen Gnistan")
    assert _names(client.get(PATH)) == ["Kulturföreningen Gnistan"]
    organisation.name = "Kulturföreningen Lågan"
    organisation.save()
    assert _names(client.get(PATH)) == ["Kulturföreningen Lågan"]
    later(61)
    OrganisationFactory(name="Bygdegårdarnas Riksförbund")
    assert len(_names(client.get(PATH))) == 2


def test_clients_accepting_gzip_get_the_stored_compressed_answer(client, http_cache, sv):
    for number in range(8):
        OrganisationFactory(name=f"Hembygdsförening nummer {number}")
    plain = client.get(PATH)
    packed = client.get(PATH, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content)
    assert packed["ETag"] != plain["ETag"]
    assert "Accept-Encoding" in plain["Vary"] and "Accept-Encoding" in packed["Vary"]
    assert "Content-Encoding" not in plain
    again = client.get(PATH, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed["ETag"])
    assert again.status_code == 304


def test_a_hit_carries_the_headers_the_whole_stack_gave_the_computed_answer(client, http_cache, sv):
    OrganisationFactory(name="Vimmerby Hembygdsförening")
    first = client.get(PATH)
    again = client.get(PATH)
    assert dict(again.items()) == dict(first.items())
    assert "Content-Security-Policy" in again and "X-Frame-Options" in again


@pytest.mark.parametrize("path", ["/api/projects.csv", "/calendar/all.ics"])
def test_streamed_answers_pass_through_the_cache(client, http_cache, sv, path):
    """Exports are streamed, so they are not stored; under production's cache they were a 500
    (found by schemathesis against /api/projects.csv)."""
    for _attempt in range(2):
        response = client.get(path)
        assert response.status_code == 200
        assert response.streaming
        b"".join(response.streaming_content)
