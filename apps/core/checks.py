"""A wrong value in one of apps.core's settings is reported by name at `manage.py check`, before
a request meets it; so is a deployment that never compiled the translation catalogues, and
(`check --deploy`) one whose rate limits each worker process would count on its own."""

from django.conf import settings
from django.core import checks
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache

from apps.core import conf, logins
from apps.core.app_settings import settings_errors
from apps.core.catalogues import uncompiled_catalogues


def check_settings(app_configs, **kwargs):
    return settings_errors(conf, app_configs, "core.E001")


def check_login_limit(app_configs, **kwargs):
    """Without the backend first in line, logins (the admin's too) have no limit on guesses."""
    backends = list(getattr(settings, "AUTHENTICATION_BACKENDS", []))
    if backends[:1] == [logins.BACKEND]:
        return []
    return [
        checks.Warning(
            "Failed logins are not limited.",
            hint=f"Put {logins.BACKEND!r} first in AUTHENTICATION_BACKENDS.",
            id="core.W001",
        )
    ]


def check_compiled_catalogues(app_configs, **kwargs):
    return [
        checks.Error(
            f"The translation catalogue {path} has not been compiled: pages in its language "
            "would show English and translated URLs would not be found.",
            hint="Run `manage.py compile_catalogues` (needs no gettext tools).",
            id="core.E002",
        )
        for path in uncompiled_catalogues()
    ]


def check_ratelimit_cache(app_configs, **kwargs):
    """Deployment only: with a cache inside each process, every gunicorn worker keeps its own
    count and a limit of 10 lets through 10 per worker."""
    alias = conf.ratelimit_cache()
    if settings.DEBUG or alias not in settings.CACHES:
        return []
    cache = caches[alias]
    name = f"{type(cache).__module__}.{type(cache).__qualname__}"
    if isinstance(cache, LocMemCache | DummyCache):
        return [
            checks.Error(
                f"Rate limits count in the cache {alias!r} ({name}), which each worker process "
                "keeps for itself: with several workers every limit is multiplied by their number.",
                hint="Set REDIS_URL, or use 'apps.core.cache.DatabaseCache' (the production "
                "settings' default without REDIS_URL), or point BYGD_RATELIMIT_CACHE at a "
                "shared cache.",
                id="core.E003",
            )
        ]
    if type(cache) in (DjangoDatabaseCache, FileBasedCache):
        return [
            checks.Warning(
                f"Rate limits count in the cache {alias!r} ({name}), whose increment is not "
                "atomic: requests arriving together can be counted once.",
                hint="Use 'apps.core.cache.DatabaseCache' or Redis.",
                id="core.W002",
            )
        ]
    return []
