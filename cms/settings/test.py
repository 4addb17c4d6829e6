"""Test runs: fast hashing, in-memory e-mail, no manifest, immediate tasks."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A second alias for the tests of the read-replica router: the same test database, as Django
# tests a primary/replica setup (BYGD_REPLICA_DATABASE stays unset, so nothing else uses it).
DATABASES["replica"] = {**DATABASES["default"], "OPTIONS": {}, "TEST": {"MIRROR": "default"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
MEDIA_ROOT = VAR_DIR / "test-media"
BYGD_PRIVATE_MEDIA_ROOT = VAR_DIR / "test-private"
LOGGING = {"version": 1, "disable_existing_loggers": False}
STATIC_ROOT = None  # WhiteNoise serves from the finders; collectstatic is for production
WHITENOISE_USE_FINDERS = True
# Throttling and the shared response cache are switched on by the tests that check them, so
# that other tests can repeat requests and count queries.
BYGD_API_ANON_RATE = None
# Every map tile is one of Leaflet's own static images, so a test's browser never asks a tile
# server outside, and tiles never reach Django's 404 view: that view reads the database, and the
# live server's threads share one in-memory SQLite connection, so a map's dozens of tile requests
# at once deadlocked the accessibility test.
BYGD_MAP_TILE_URL = "/static/bygd/vendor/leaflet/images/marker-shadow.png?{z}/{x}/{y}"
BYGD_CACHED_PATHS = r"(?!)"
