"""Production: every secret and host from the environment; refuses to start without them."""

from .base import *  # noqa: F403

DEBUG = False
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names in production.")

BYGD_TASKS_BACKEND = os.environ.get("BYGD_TASKS_BACKEND", "database")
TASKS = tasks_setting(BYGD_TASKS_BACKEND, "database")

# Without Redis the cache (and with it every rate limit, apps.core.ratelimit) lives in the
# database, shared by all gunicorn workers; `migrate` creates its table. Per-process memory would
# give each worker its own budget (`check --deploy` refuses it). The rate counters and the
# response cache share the table, so it may hold many rows before Django culls it.
if not REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "apps.core.cache.DatabaseCache",
            "LOCATION": "bygd_cache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }

STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS") or [
    f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS if host != "*"
]
# Wagtail's live preview shows the page in a same-origin iframe, so DENY would break editing.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "WARNING")
