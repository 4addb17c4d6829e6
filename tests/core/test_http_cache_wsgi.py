"""Cached answers served in front of Django (apps.core.http_cache_wsgi) are the answers the
middleware gives, byte for byte and header for header; anything Django has to compute, and
anything personal or unsafe, goes to Django."""

import gzip
from urllib.parse import unquote_to_bytes, urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from apps.core import content_version
from apps.core.http_cache_wsgi import CachedAnswers
from apps.network.factories import OrganisationFactory

PATH = "/api/organisations/"


class CountingApp:
    """Django's WSGI handler, counting the requests it had to answer."""

    def __init__(self):
        self.handler = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.handler(environ, start_response)


@pytest.fixture
def wsgi(http_cache):
    """Call a WSGI application as a server would: (status, headers, body). The test database
    lives in one transaction, so Django's handler must not close the connection between
    requests (its test client does the same)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)

    def call(app, path=PATH, method="GET", headers=None):
        environ = RequestFactory().generic(method, path, headers=headers).environ
        # As a WSGI server sends it (PEP 3333: bytes as latin-1), not as Django's request left it.
        environ["PATH_INFO"] = unquote_to_bytes(urlsplit(path).path).decode("iso-8859-1")
        started = []
        result = app(environ, lambda status, headers: started.append((status, headers)))
        body = b"".join(result)
        if hasattr(result, "close"):
            result.close()
        status, headers = started[0]
        return status, dict(headers), body

    yield call
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def apps():
    """The cached answers in front of Django, and Django on its own with the middleware."""
    django = CountingApp()
    return CachedAnswers(django), django


def _organisations():
    for number in range(8):
        OrganisationFactory(name=f"Hembygdsförening nummer {number}")


@pytest.mark.parametrize(
    "method, headers",
    [
        ("GET", {}),
        ("HEAD", {}),
        ("GET", {"Accept-Encoding": "gzip, deflate, br"}),
        ("HEAD", {"Accept-Encoding": "gzip"}),
        ("GET", {"Accept-Language": "en"}),
        ("GET", {"Origin": "https://frontend.example.org"}),
    ],
)
def test_a_hit_is_the_answer_the_middleware_gives_without_django(wsgi, apps, sv, method, headers):
    _organisations()
    cached, django = apps
    computed = wsgi(django, method=method, headers=headers)
    from_middleware = wsgi(django, method=method, headers=headers)
    calls = django.calls
    hit = wsgi(cached, method=method, headers=headers)
    assert django.calls == calls
    assert hit == from_middleware == computed
    assert hit[0] == "200 OK" and "public" in hit[1]["Cache-Control"]


def test_gzip_is_chosen_by_accept_encoding_as_in_the_middleware(wsgi, apps, sv):
    _organisations()
    cached, django = apps
    wsgi(django)
    _status, plain_headers, plain = wsgi(cached)
    _status, headers, packed = wsgi(cached, headers={"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain_headers
    assert gzip.decompress(packed) == plain
    assert headers["ETag"] != plain_headers["ETag"]
    assert headers["Content-Length"] == str(len(packed))


@pytest.mark.parametrize("validator", ["ETag", "Last-Modified"])
def test_revalidation_is_the_same_304(wsgi, apps, sv, validator):
    _organisations()
    cached, django = apps
    _status, first, _body = wsgi(django)
    condition = {"ETag": "If-None-Match", "Last-Modified": "If-Modified-Since"}[validator]
    calls = django.calls
    answer = wsgi(cached, headers={condition: first[validator]})
    assert django.calls == calls
    assert answer[0] == "304 Not Modified" and answer[2] == b""
    assert answer == wsgi(django, headers={condition: first[validator]})


def test_a_changed_etag_is_answered_in_full(wsgi, apps, sv):
    _organisations()
    cached, django = apps
    wsgi(django)
    status, _headers, body = wsgi(cached, headers={"If-None-Match": '"something-else"'})
    assert status == "200 OK" and b"Hembygdsf" in body


def test_a_content_change_goes_to_django_and_the_new_answer_is_served(wsgi, apps, sv):
    organisation = OrganisationFactory(name="Kulturföreningen Gnistan")
    cached, django = apps
    wsgi(cached)
    assert django.calls == 1
    wsgi(cached)
    assert django.calls == 1
    organisation.name = "Kulturföreningen Lågan"
    organisation.save()
    _status, _headers, body = wsgi(cached)
    assert django.calls == 2
    assert "Lågan".encode() in body and b"Gnistan" not in body
    assert wsgi(cached)[2] == body
    assert django.calls == 2


def test_a_version_moved_by_another_worker_is_never_answered_from_this_ones_copy(
    wsgi, apps, sv, django_assert_num_queries
):
    """Another worker publishing moves only the shared content version; this worker's copy of
    the answer must not be served under it."""
    OrganisationFactory(name="Kulturföreningen Gnistan")
    cached, django = apps
    wsgi(cached)
    with django_assert_num_queries(0):
        wsgi(cached)
    content_version.bump()
    calls = django.calls
    wsgi(cached)
    assert django.calls == calls + 1


@pytest.mark.parametrize(
    "method, headers",
    [
        ("GET", {"Cookie": "sessionid=abc"}),
        ("GET", {"Authorization": "Token abc"}),
        ("POST", {}),
        ("OPTIONS", {}),
    ],
)
def test_personal_and_unsafe_requests_always_go_to_django(wsgi, apps, sv, method, headers):
    """Even when an anonymous answer to the same URL is stored."""
    _organisations()
    cached, django = apps
    wsgi(django)
    calls = django.calls
    status, answer_headers, _body = wsgi(cached, method=method, headers=headers)
    assert django.calls == calls + 1
    assert "public" not in answer_headers.get("Cache-Control", "")


def test_paths_outside_the_cached_ones_go_to_django(wsgi, apps, sv, settings):
    settings.BYGD_UNCACHED_PATHS = r"^/api/organisations/"
    cached, django = apps
    wsgi(cached)
    wsgi(cached)
    assert django.calls == 2


def test_the_https_redirect_comes_first_as_in_django(wsgi, sv, settings):
    """The middleware before the cache (SecurityMiddleware) wraps a hit as it does in Django."""
    _organisations()
    django = CountingApp()
    wsgi(django)
    settings.SECURE_SSL_REDIRECT = True
    django = CountingApp()
    cached = CachedAnswers(django)
    redirect = wsgi(cached)
    assert redirect[0] == "301 Moved Permanently"
    assert redirect == wsgi(django)


def test_it_needs_the_middleware_whose_answers_it_serves(settings):
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if name != "apps.core.http_cache.PublicCacheMiddleware"
    ]
    with pytest.raises(ImproperlyConfigured):
        CachedAnswers(WSGIHandler())


def test_the_reference_site_serves_cached_answers_in_front_of_django():
    from cms.wsgi import application

    assert isinstance(application, CachedAnswers)


def test_a_failing_lookup_is_left_to_django(wsgi, apps, sv, monkeypatch):
    """Django answers (and logs) errors its own way; a cache that fails in front of it must not
    turn into a bare server error."""
    _organisations()
    cached, django = apps

    def broken(request):
        raise ConnectionError("the cache is down")

    monkeypatch.setattr("apps.core.http_cache.hit", broken)
    status, _headers, body = wsgi(cached)
    assert django.calls == 1
    assert status == "200 OK" and b"Hembygdsf" in body


def test_a_path_outside_latin_1_reaches_django_as_the_server_sent_it(wsgi, apps, sv):
    """Django's request writes the decoded path back into the environ it is given; the wrapper's
    own look at a miss must not hand Django that decoded path (schemathesis found a 500 for
    /api/themes/%F1%B9%8D%A9/, a character no WSGI path can hold undecoded)."""
    cached, django = apps
    path = "/api/themes/%F1%B9%8D%A9%C3%B3P/?locale=en"
    status, _headers, _body = wsgi(cached, path)
    assert status.startswith("404")
    assert wsgi(django, path)[0] == status
