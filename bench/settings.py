"""Settings for the HTTP benchmark's gunicorn: production behaviour (DEBUG off, templates cached)
on the bench database, reachable on 127.0.0.1 without TLS, API throttling off (wrk is one
client), and the response cache chosen per measurement by ``BENCH_CACHE``: ``none`` measures the
uncached work, ``locmem`` or ``redis`` the cached answer."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

from cms.settings.base import *  # noqa: E402, F403

DEBUG = False
BYGD_API_ANON_RATE = None
SECURE_SSL_REDIRECT = False
STATIC_ROOT = None  # no collectstatic for a benchmark; WhiteNoise serves from the finders
WHITENOISE_USE_FINDERS = True
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}

_cache = os.environ.get("BENCH_CACHE", "none")
if _cache == "none":
    BYGD_CACHED_PATHS = r"(?!)"
elif _cache == "locmem":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }
elif _cache == "redis":
    CACHES = {
        "default": {
            "BACKEND": "apps.core.cache.RedisCache",
            "LOCATION": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"),
            "KEY_PREFIX": "bygd-bench",
        }
    }
else:
    raise ValueError(f"BENCH_CACHE must be none, locmem or redis, not {_cache!r}")
