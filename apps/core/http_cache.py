"""Shared caching for the read-only API and feeds: aggregators and frontends poll them often, so
an unchanged answer costs one cache lookup, a revalidation costs a 304, and a CDN may serve it
for a short while.

A hit is at most one cache round trip: the content version (apps.core.content_version) alone
when this worker holds a copy of the answer (apps.core.hot_entries), and on Redis not even that
while Redis reports no change to it (apps.core.key_watch); else the version and the stored
answer together (``get_many``, one MGET on Redis). The answer is served only when it was
computed under that version, so publishing, unpublishing or deleting anything public makes
every stored answer, and every worker's copy, unreachable for the next request after the
change's commit, in every process (unless ``BYGD_CACHE_VERSION_HOLD_MS`` lets each worker trust
the version it last read for up to a second). The answer is stored as bytes
(apps.core.cache_entry), once plain and once gzipped for text, and kept until the version moves
(at most ``BYGD_CACHE_KEEP``). Listings such as "upcoming" or "open calls" also move with the
clock: after ``BYGD_CACHE_MAX_AGE`` seconds one request (holding a lock taken with ``add()``)
recomputes the answer while the others are served the stored one, up to
``BYGD_CACHE_STALE_WHILE_REVALIDATE`` seconds past its freshness.

Compression is safe from BREACH here: only anonymous answers are stored (no session, no
credentials, no cookies), so no secret shares a compressed body with what an attacker sends.

Put the middleware early, right after ``SecurityMiddleware`` (whose redirect to HTTPS must come
first): a hit is then answered before the rest of the stack runs, with the headers that stack
(CSP, CORS, locale, frame options) added to the answer when it was computed. Wrapping the WSGI
application in apps.core.http_cache_wsgi.CachedAnswers answers hits before Django's handler
too."""

import hashlib
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from apps.core import cache_entry, conf, content_version, db_router, hot_entries
from apps.core.cache_entry import Entry

#: Headers worked out again for each answer; every other header of the response is stored.
_PER_ANSWER_HEADERS = {"Content-Length", "Date", "Set-Cookie"}
#: How long a recomputing request keeps others from recomputing the same answer; if it dies,
#: another request takes over after this.
RECOMPUTE_LOCK_SECONDS = 120
_GZIP = re.compile(r"\bgzip\b")


def _rules():
    return re.compile(conf.cached_paths()), re.compile(conf.uncached_paths())


def shareable(request):
    """Whether ``request`` may get a stored answer: the one rule for the middleware and for the
    WSGI layer in front of Django (apps.core.http_cache_wsgi)."""
    cached_paths, uncached_paths = _rules()
    path = request.path
    return (
        request.method in ("GET", "HEAD")
        and bool(cached_paths.match(path))
        and not uncached_paths.match(path)
        and not _personal(request)
    )


def _personal(request):
    """An answer to a session or to credentials may depend on who asks (the API is anonymous
    today, but a view added tomorrow need not be), so it is never shared."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "Authorization" in request.headers


def hit(request):
    """The stored answer to a shareable ``request`` while it is current and fresh, or None when
    Django has to compute or refresh it."""
    key = _key(request)
    version, entry = _lookup(key)
    if entry is None or entry.version != version[0] or time.time() > entry.fresh_until:
        return None
    return _serve(request, entry)


def _lookup(key):
    """(content version, stored entry or None). One small GET of the version, or none on Redis
    while it reports no change, when this worker holds a fresh copy of the answer
    (apps.core.hot_entries) and the version has not moved;
    otherwise one MGET of the version and the stored entry."""
    copy = hot_entries.get(key)
    if copy is not None:
        version = content_version.for_hit()
        if version is not None and copy.version == version[0] and time.time() <= copy.fresh_until:
            return version, copy
    found = cache.get_many([content_version.CACHE_KEY, key])
    version = content_version.decode(found.get(content_version.CACHE_KEY))
    if version is None:
        version = content_version.current()
    entry = cache_entry.decode(found.get(key))
    if entry is not None and entry.version == version[0]:
        hot_entries.put(key, entry)
    return version, entry


def _key(request, gzip=None):
    """Everything the stored answer may depend on, read from the request as it came in: the
    middleware answers before the locale, CORS and other middleware have run (the language
    comes from ``Accept-Language`` or the language cookie; CORS headers from ``Origin``)."""
    headers = request.headers
    if gzip is None:
        gzip = bool(_GZIP.search(headers.get("Accept-Encoding", "")))
    raw = "|".join(
        (
            headers.get("Host", ""),
            request.get_full_path(),
            headers.get("Accept-Language", ""),
            request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, ""),
            headers.get("Accept", ""),
            headers.get("Origin", ""),
            "gzip" if gzip else "",
        )
    )
    return "bygd:response:" + hashlib.sha256(raw.encode()).hexdigest()


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not shareable(request):
            return self.get_response(request)
        key = _key(request)
        version, entry = _lookup(key)
        now = time.time()
        if entry is None or entry.version != version[0]:
            entry = self._compute(request, key, version)
        elif now > entry.fresh_until:
            entry = self._refresh(request, key, version, entry, now)
        if not isinstance(entry, Entry):
            return entry  # the view's own answer, not shareable (or streamed)
        return _serve(request, entry)

    def _refresh(self, request, key, version, entry, now):
        """One request recomputes an answer past its freshness; the others get the stored one,
        unless it is older than the stale-while-revalidate window allows."""
        lock = key + ":recompute"
        if cache.add(lock, 1, timeout=RECOMPUTE_LOCK_SECONDS):
            try:
                return self._compute(request, key, version)
            finally:
                cache.delete(lock)
        if now > entry.fresh_until + conf.stale_while_revalidate():
            return self._compute(request, key, version)
        return entry

    def _compute(self, request, key, version):
        """The view's answer, stored (plain and, for text, gzipped) when it may be shared; the
        entry in the encoding this client asked for, or the view's own response otherwise."""
        response = self.get_response(request)
        if not self._storable(response):
            return response
        plain = self._entry(request, response, version)
        compress = cache_entry.compressible(plain.headers, plain.body)
        entries = {
            _key(request, gzip=False): plain,
            _key(request, gzip=True): cache_entry.gzipped(plain) if compress else plain,
        }
        cache.set_many(
            {name: cache_entry.encode(entry) for name, entry in entries.items()},
            timeout=conf.cache_keep(),
        )
        hot_entries.put(key, entries[key])
        return entries[key]

    @staticmethod
    def _storable(response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
            and not response.has_header("Content-Encoding")
        )

    @staticmethod
    def _entry(request, response, version):
        """The answer with its final headers, worked out once for every hit to come."""
        number, changed_at = version
        max_age = conf.cache_max_age()
        content = response.content
        patch_cache_control(
            response,
            public=True,
            max_age=max_age,
            stale_while_revalidate=conf.stale_while_revalidate(),
        )
        patch_vary_headers(response, ["Accept-Language", "Accept-Encoding"])
        headers = {
            name: value for name, value in response.items() if name not in _PER_ANSWER_HEADERS
        }
        headers["ETag"] = f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'
        headers["Last-Modified"] = http_date(changed_at)
        fresh_until = time.time() + max_age
        if db_router.read_replica(request):
            # Read soon after a change, the replica may not have had it yet: fresh only until
            # it must have, then recomputed.
            fresh_until = min(fresh_until, changed_at + 1 + conf.replica_max_lag())
        return Entry(number, int(fresh_until), headers, content)


def _serve(request, entry):
    response = HttpResponse(entry.body)
    for name, value in entry.headers.items():
        response[name] = value
    response["Content-Length"] = len(entry.body)
    return get_conditional_response(
        request,
        etag=entry.headers["ETag"],
        last_modified=entry.version // 1_000_000_000,
        response=response,
    )
