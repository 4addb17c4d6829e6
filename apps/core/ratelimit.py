"""The one rate limiter for public writes (newsletter signups and data requests, portal logins,
sign-ups and password resets, call applications): fixed windows counted in the cache named by
``BYGD_RATELIMIT_CACHE`` (Django's default cache unless set), so every worker sharing that cache
shares the budget. A cache inside each process (local memory) would give each gunicorn worker its
own budget; ``manage.py check --deploy`` refuses one (core.E003).

The client address is read from the right of X-Forwarded-For, skipping exactly the configured
number of trusted proxies (``BYGD_TRUSTED_PROXIES``), so a client cannot choose its own address by
sending a forged header."""

import hashlib
import time

from django.core.cache import caches

from apps.core import conf


class RateLimited(Exception):
    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = conf.trusted_proxies()
    if trusted <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < trusted:
        return remote
    return forwarded[-trusted]


def account_key(email):
    """A budget key for an e-mail address that does not put the address itself in the cache."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def store():
    """The cache the limiter counts in."""
    return caches[conf.ratelimit_cache()]


def count(scope, key, window):
    """Count one request of ``key`` in ``scope`` in the current window of ``window`` seconds;
    returns (requests so far in this window, seconds until the window ends)."""
    now = int(time.time())
    cache_key = f"bygd:rate:{scope}:{key}:{now // window}"
    cache = store()
    cache.add(cache_key, 0, timeout=window + 60)
    try:
        seen = cache.incr(cache_key)
    except ValueError:
        cache.set(cache_key, 1, timeout=window + 60)
        seen = 1
    return seen, window - now % window


def peek(scope, key, window):
    """Requests of ``key`` in ``scope`` so far in the current window, without counting one;
    returns (that number, seconds until the window ends)."""
    now = int(time.time())
    return store().get(f"bygd:rate:{scope}:{key}:{now // window}", 0), window - now % window


def check(scope, key, limit, window):
    """Count one request; raise RateLimited once more than ``limit`` came in this window."""
    seen, retry_after = count(scope, key, window)
    if seen > limit:
        raise RateLimited(retry_after=retry_after)
