"""Per-client rate limit for the public newsletter endpoints. The client address is read from
the right of X-Forwarded-For, skipping exactly the configured number of trusted proxies, so a
client cannot choose its own address by sending a forged header."""

import time

from django.core.cache import cache

from apps.newsletters import conf

WINDOW_SECONDS = 3600


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


def check_rate(request, scope="signup"):
    """Count this request against the client's budget; raise RateLimited when it is spent."""
    limit = conf.requests_per_hour()
    now = int(time.time())
    window = now // WINDOW_SECONDS
    key = f"bygd:newsletter:{scope}:{client_ip(request)}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS + 60)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=WINDOW_SECONDS + 60)
        count = 1
    if count > limit:
        raise RateLimited(retry_after=WINDOW_SECONDS - now % WINDOW_SECONDS)
