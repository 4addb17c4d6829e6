"""Settings shared by every environment; everything that differs between machines comes from
environment variables so that no secret or host name lives in the repository."""

import os
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dj_database_url
import dj_email_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from apps.core.api.schema import SCHEMA_SETTINGS
from cms.settings.languages import DEFAULT_LANGUAGES, parse_languages

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"


def env_list(name, default=""):
    return env_list_value(os.environ.get(name, default))


def env_list_value(raw):
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name):
    """The variable as a whole number, or as its text when it is not one: the app's system check
    then names the setting and the value (`manage.py check`) instead of a traceback here."""
    raw = os.environ[name]
    try:
        return int(raw)
    except ValueError:
        return raw


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "cms",
    "apps.core",
    "apps.newsletters",
    "apps.network",
    "apps.projects",
    "apps.events",
    "apps.portal",
    "apps.harvest",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "corsheaders",
    "csp",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Answers cached API and feed requests before the rest of the stack runs (apps.core.http_cache).
    "apps.core.http_cache.PublicCacheMiddleware",
    # Public reads from a read replica when BYGD_REPLICA_DATABASE names one (apps.core.db_router).
    "apps.core.db_router.ReplicaMiddleware",
    "cms.csp.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "apps.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "apps.core.middleware.RefuseNullCharactersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'bygd.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # The web server and `manage.py db_worker` write at once: WAL lets readers go on beside the
    # writer, IMMEDIATE transactions take the write lock up front (a read-then-write transaction
    # cannot fail on upgrading), and a writer waits up to 20 s instead of "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
# A read replica (DATABASE_REPLICA_URL, e.g. PostgreSQL streaming replication) takes the public
# pages' and the API's reads; writes, the admin, the portal, newsletter links and every signed-in
# visitor stay on the primary (apps.core.db_router, README "Scaling").
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=60
    )
    BYGD_REPLICA_DATABASE = "replica"
DATABASE_ROUTERS = ["apps.core.db_router.ReplicaRouter"]
BYGD_PRIMARY_PATHS = r"^/(admin/|[^/]+/(organisers|arrangor|newsletter)/)"
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql":
        # No JIT compilation: the site's queries are short, but the correlated subqueries of the
        # locale fallback give them cost estimates above PostgreSQL's JIT thresholds, and
        # compiling them took 0.5-7.5 s where running them takes 50-300 ms (issue 19, EXPLAIN
        # ANALYZE).
        # No parallel workers either: a request's query that PostgreSQL splits starts a worker
        # process and builds its hash tables once per process, while the other requests already
        # keep every core busy. Project search under load answered 11 % more requests per second
        # without them (issue 19, bench/README.md 2026-12-04 evening).
        _options = _database.setdefault("OPTIONS", {})
        _options["options"] = (
            f"{_options.get('options', '')} -c jit=off -c max_parallel_workers_per_gather=0"
        ).strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, otherwise per-process memory (the production settings use
# the database instead, shared by every worker). Memory holds more than Django's default 300
# entries: the calendar feeds keep one entry per event series.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "apps.core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "bygd"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }

# E-mail: EMAIL_URL (smtp://user:pass@host:587/?tls=True) or the console in development.
EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    _email = dj_email_url.parse(EMAIL_URL)
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email["EMAIL_HOST"]
    EMAIL_PORT = _email["EMAIL_PORT"]
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
    EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
    EMAIL_TIMEOUT = _email["EMAIL_TIMEOUT"] or 30
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Bygd <noreply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Background work: immediate unless BYGD_TASKS_BACKEND=database (production default).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def tasks_setting(name, default):
    """TASKS for the backend called ``name``; an unknown name falls back to ``default`` so that
    start-up gets as far as `manage.py check`, which names it (cms.checks)."""
    return {"default": {"BACKEND": TASK_BACKENDS.get(name, TASK_BACKENDS[default])}}


BYGD_TASKS_BACKEND = os.environ.get("BYGD_TASKS_BACKEND", "immediate")
TASKS = tasks_setting(BYGD_TASKS_BACKEND, "immediate")

# apps.core's limit on failed logins runs first, for the admin's login as for the portal's.
AUTHENTICATION_BACKENDS = [
    "apps.core.logins.LoginLimitBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: BYGD_LANGUAGES picks the content languages; the first is the default.
LANGUAGES = parse_languages(os.environ.get("BYGD_LANGUAGES", DEFAULT_LANGUAGES))
LANGUAGE_CODE = LANGUAGES[0][0]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
# Bygd's apps carry their own catalogues (apps/<app>/locale); this is the reference site's.
LOCALE_PATHS = [BASE_DIR / "cms" / "locale"]

TIME_ZONE = os.environ.get("BYGD_TIME_ZONE", "Europe/Stockholm")
try:
    ZoneInfo(TIME_ZONE)
except (ZoneInfoNotFoundError, ValueError) as error:
    raise ImproperlyConfigured(
        f"BYGD_TIME_ZONE={TIME_ZONE!r} is not an IANA time zone such as 'Europe/Stockholm'."
    ) from error

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("BYGD_SITE_NAME", "Bygd")
WAGTAILADMIN_BASE_URL = os.environ.get("BYGD_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "apps.core.upstream.search_backend", "AUTO_UPDATE": True},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
# Rich text as display HTML (links resolved), not the database format with internal ids.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# CDN or reverse proxy purged on publish/unpublish/delete (pages by Wagtail, API and feed roots
# by apps.core.content_version): an HTTP PURGE endpoint (Varnish, nginx) and/or Cloudflare.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("BYGD_FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["BYGD_FRONTEND_CACHE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }

# Machine translation in wagtail-localize's translation editor ("Translate with …"): DeepL or
# LibreTranslate when configured, none by default. Pages translated this way are marked
# machine-translated.
if os.environ.get("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_AUTH_KEY"]},
    }
elif os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"].rstrip("/"),
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }

# The domain API's DRF conventions are on its views (apps.core.api.views); globally only the
# OpenAPI schema class, so Wagtail's and wagtail-localize's admin endpoints keep DRF's defaults
# (the translation editor saves strings as form data with the editor's session).
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
SPECTACULAR_SETTINGS = {
    **SCHEMA_SETTINGS,
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "PlaceKindEnum": "apps.network.models.places.PlaceKind",
        "OrganisationKindEnum": "apps.network.models.organisations.OrganisationKind",
        "CallStatusEnum": "apps.projects.models.call_status.CallStatus",
    },
}

# Content-Security-Policy (django-csp, cms.csp): the public pages load scripts, styles, fonts and
# data only from this site, are framed by nobody and post forms only here. Images may also come
# from CSP_MEDIA_HOSTS (a CDN or storage serving MEDIA_URL), embedded players from
# CSP_FRAME_HOSTS. Wagtail's responsive embeds size themselves with a style attribute, the one
# inline style allowed (an attribute cannot run script). The admin is left without a policy (it
# needs inline scripts and styles); the API documentation gets what Redoc needs.
CSP_MEDIA_HOSTS = env_list("CSP_MEDIA_HOSTS")
# Map tiles (apps.core.conf): OpenStreetMap's unless BYGD_MAP_TILE_URL names another server
# ("none" leaves the maps out); its host, any {s} subdomain, is an image source.
BYGD_MAP_TILE_URL = os.environ.get(
    "BYGD_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
if BYGD_MAP_TILE_URL.lower() == "none":
    BYGD_MAP_TILE_URL = None
if os.environ.get("BYGD_MAP_ATTRIBUTION"):
    BYGD_MAP_ATTRIBUTION = os.environ["BYGD_MAP_ATTRIBUTION"]
CSP_MAP_TILE_HOSTS = (
    [urlsplit(BYGD_MAP_TILE_URL.replace("{s}", "*"))._replace(path="").geturl()]
    if BYGD_MAP_TILE_URL and "://" in BYGD_MAP_TILE_URL
    else []
)
CSP_FRAME_HOSTS = env_list(
    "CSP_FRAME_HOSTS",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:", *CSP_MEDIA_HOSTS, *CSP_MAP_TILE_HOSTS],
        "media-src": [SELF, *CSP_MEDIA_HOSTS],
        "frame-src": [SELF, *CSP_FRAME_HOSTS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
CSP_PATH_UPDATES = {
    "/api/docs/": {"style-src": [UNSAFE_INLINE], "worker-src": ["blob:"]},
}

CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/(api/|calendar\.ics|calls/|feeds/).*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS", "POST"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "wagtail.contrib.redirects": {"level": "WARNING"},
    },
}

BYGD_ADMIN_PASSWORD = os.environ.get("BYGD_ADMIN_PASSWORD", "")

# Bygd's apps hold their settings and defaults in apps/<app>/conf.py; the environment overrides
# them here, and each app's system check validates what it gets.
BYGD_INDEX_PARENT_PAGE_TYPES = ["cms.HomePage"]
_ENV_INTS = {
    name: env_int(name)
    for name in [
        "BYGD_CACHE_MAX_AGE",
        "BYGD_CACHE_STALE_WHILE_REVALIDATE",
        "BYGD_CACHE_KEEP",
        "BYGD_CACHE_HOT_BYTES",
        "BYGD_CACHE_VERSION_HOLD_MS",
        "BYGD_REPLICA_MAX_LAG",
        "BYGD_HEADLESS_PREVIEW_TTL",
        "BYGD_EVENT_HORIZON_MONTHS",
        "BYGD_TRUSTED_PROXIES",
        "BYGD_LOGIN_WINDOW",
        "BYGD_LOGIN_FAILURES_PER_ADDRESS",
        "BYGD_LOGIN_FAILURES_PER_ACCOUNT",
        "BYGD_NEWSLETTER_REQUESTS_PER_HOUR",
        "BYGD_NEWSLETTER_BATCH_SIZE",
        "BYGD_PORTAL_RATE_WINDOW",
        "BYGD_PORTAL_ATTEMPTS_PER_IP",
        "BYGD_PORTAL_ATTEMPTS_PER_ACCOUNT",
        "BYGD_PORTAL_VERIFY_DAYS",
        "BYGD_PORTAL_INVITATION_DAYS",
        "BYGD_PORTAL_IMAGE_MAX_BYTES",
        "BYGD_CALL_ATTACHMENT_MAX_MB",
        "BYGD_CALL_APPLICATIONS_PER_HOUR",
    ]
    if name in os.environ
}
globals().update(_ENV_INTS)
if "BYGD_API_ANON_RATE" in os.environ:
    # Empty switches throttling off.
    BYGD_API_ANON_RATE = os.environ["BYGD_API_ANON_RATE"] or None
if "BYGD_FRONTEND_CACHE_PURGE_PATHS" in os.environ:
    BYGD_FRONTEND_CACHE_PURGE_PATHS = env_list("BYGD_FRONTEND_CACHE_PURGE_PATHS")
if "BYGD_PRIVATE_MEDIA_ROOT" in os.environ:
    BYGD_PRIVATE_MEDIA_ROOT = Path(os.environ["BYGD_PRIVATE_MEDIA_ROOT"])


# Headless preview (apps.core.preview): "sv=https://front.example/preview,en=…" where a key is
# `host/language`, `language` or `*`; the frontend's origin must also be in CORS_ALLOWED_ORIGINS.
# An item without "=" keeps an empty URL, which the check names.
def _preview_urls(raw):
    return {
        key.strip(): url.strip()
        for key, _sep, url in (item.partition("=") for item in env_list_value(raw))
    }


if "BYGD_HEADLESS_PREVIEW_URLS" in os.environ:
    BYGD_HEADLESS_PREVIEW_URLS = _preview_urls(os.environ["BYGD_HEADLESS_PREVIEW_URLS"])
