"""Stored answers served in front of Django's request handling: wrap the site's WSGI application
(``application = CachedAnswers(get_wsgi_application())``) and a hit skips Django's handler, its
``request_started``/``request_finished`` signals (closing stale database connections a hit never
opened) and the middleware after ``SecurityMiddleware``: on a loaded machine that was half the
cost of a cached answer.

The answer is the one ``PublicCacheMiddleware`` gives: the same rule for which requests may be
served from the cache (``http_cache.shareable``), the same lookup and conditional answer
(``http_cache.hit``), and the middleware listed before ``PublicCacheMiddleware`` in
``MIDDLEWARE`` (``SecurityMiddleware``: its HTTPS redirect and headers) wrapped around it.
Everything else (misses, stale answers, personal or unsafe requests) goes to Django, where the
middleware computes and stores the answer as before, and so does a hit that fails (a database
connection of the database cache that went away is then closed by Django's handler, as after
any request)."""

import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, MiddlewareNotUsed
from django.core.handlers.wsgi import WSGIRequest
from django.utils.module_loading import import_string

from apps.core import http_cache

logger = logging.getLogger(__name__)


class _Miss(Exception):
    """Django has to answer this request."""


def _hit(request):
    response = http_cache.hit(request)
    if response is None:
        raise _Miss
    return response


def _outer_middleware(handler):
    """``handler`` wrapped in the middleware Django runs before ``PublicCacheMiddleware``."""
    names = list(settings.MIDDLEWARE)
    caching = [issubclass(import_string(name), http_cache.PublicCacheMiddleware) for name in names]
    if True not in caching:
        raise ImproperlyConfigured(
            "CachedAnswers serves what PublicCacheMiddleware stores: add "
            "apps.core.http_cache.PublicCacheMiddleware to MIDDLEWARE."
        )
    for name in reversed(names[: caching.index(True)]):
        try:
            handler = import_string(name)(handler)
        except MiddlewareNotUsed:
            continue
    return handler


class CachedAnswers:
    def __init__(self, application):
        self.application = application
        self.handler = _outer_middleware(_hit)

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return self.application(environ, start_response)
        # A copy: Django's request writes the decoded path back into the environ it is given,
        # and on a miss Django must read the path as the server sent it.
        request = WSGIRequest(environ.copy())
        try:
            if not http_cache.shareable(request):
                raise _Miss
            response = self.handler(request)
        except _Miss:
            return self.application(environ, start_response)
        except Exception:
            # Django logs and answers errors its own way (and may still answer this one, e.g.
            # when the cache is down but the database is not).
            logger.exception("the cached answer to %s failed", request.path)
            return self.application(environ, start_response)
        headers = [
            *response.items(),
            *(("Set-Cookie", cookie.output(header="")) for cookie in response.cookies.values()),
        ]
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        return [response.content]
