"""Shared caching for the read-only API and feeds: aggregators and frontends poll them often, so
an unchanged answer costs one cache lookup, a revalidation costs a 304, and a CDN may serve it
for a short while. Responses are stored under the content version (apps.core.content_version),
so publishing, unpublishing or deleting anything public makes every stored answer unreachable."""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from apps.core import conf, content_version

_KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language", "Link", "Vary")


def _settings():
    return (
        re.compile(conf.cached_paths()),
        re.compile(conf.uncached_paths()),
        conf.cache_max_age(),
        conf.stale_while_revalidate(),
    )


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cached_paths, uncached_paths, max_age, stale = _settings()
        path = request.path
        if (
            request.method not in ("GET", "HEAD")
            or not cached_paths.match(path)
            or uncached_paths.match(path)
            or self._personal(request)
        ):
            return self.get_response(request)
        version, changed_at = content_version.current()
        key = self._key(request, version)
        stored = cache.get(key)
        if stored is None:
            response = self.get_response(request)
            if not self._storable(response):
                return response
            stored = self._store(key, response, max_age)
        response = self._rebuild(stored)
        response["Last-Modified"] = http_date(changed_at)
        patch_cache_control(response, public=True, max_age=max_age, stale_while_revalidate=stale)
        patch_vary_headers(response, ["Accept-Language"])
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=changed_at,
            response=response,
        )

    @staticmethod
    def _personal(request):
        """An answer to a session or to credentials may depend on who asks (the API is anonymous
        today, but a view added tomorrow need not be), so it is never shared."""
        return settings.SESSION_COOKIE_NAME in request.COOKIES or "Authorization" in request.headers

    @staticmethod
    def _key(request, version):
        # The language is part of the key because, without ?locale=, it comes from the
        # Accept-Language header (resolved by the locale middleware before this one).
        raw = "|".join(
            (
                str(version),
                request.get_full_path(),
                getattr(request, "LANGUAGE_CODE", ""),
                request.headers.get("Accept", ""),
            )
        )
        return "bygd:response:" + hashlib.sha256(raw.encode()).hexdigest()

    @staticmethod
    def _storable(response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
        )

    @staticmethod
    def _store(key, response, max_age):
        content = response.content
        stored = {
            "content": content,
            "headers": {
                name: response[name] for name in _KEPT_HEADERS if response.has_header(name)
            },
            "etag": f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"',
        }
        # Short-lived even without writes: listings such as "upcoming" or "open calls" move with
        # the clock, not only with the content.
        cache.set(key, stored, timeout=max_age)
        return stored

    @staticmethod
    def _rebuild(stored):
        response = HttpResponse(stored["content"], status=200)
        for name, value in stored["headers"].items():
            response[name] = value
        response["ETag"] = stored["etag"]
        return response
