"""A single site-wide content version: every write to public content moves it, and cached API and
feed responses are keyed by it. One number is cruder than per-object keys, but it can never miss
a dependency (an organisation renamed changes every project that shows it), and writes are rare
next to reads. It is stored as one integer (nanoseconds since the epoch, so it also says when the
content changed): Redis keeps an integer as it is, and the response cache reads it in the same
round trip as its entry (apps.core.http_cache)."""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from apps.core import conf

# Not the key of releases that stored a (version, time) pair there: during a rolling deploy their
# workers would fail on the integer.
CACHE_KEY = "bygd:content-version-ns"

#: Wagtail's own public rows; apps add theirs with register_public() from AppConfig.ready.
_PUBLIC_APPS = set()
_PUBLIC_MODELS = {
    "wagtailcore.page",
    "wagtailcore.site",
    "wagtailcore.locale",
    # A page put behind a login or password leaves every public listing and menu.
    "wagtailcore.pageviewrestriction",
    "wagtailimages.image",
    "wagtaildocs.document",
    "core.tombstone",
}
_PRIVATE_MODELS = set()


def register_public(app_config):
    """Every model of ``app_config`` is public content unless it is registered as private."""
    _PUBLIC_APPS.add(app_config.label)


def register_private(*models):
    """Rows that never show in public answers (subscriptions, accounts): writing them keeps
    cached answers valid."""
    _PRIVATE_MODELS.update(model._meta.label_lower for model in models)


def decode(value):
    """(version, unix time of the change) from the stored value, or None when there is none."""
    if type(value) is not int:
        return None
    return value, value // 1_000_000_000


#: (time.monotonic() when read, decoded version) of the last version this process read or set.
_held = (0.0, None)


def for_hit():
    """The version a cached answer is checked against, or None when the cache holds none: within
    ``BYGD_CACHE_VERSION_HOLD_MS`` (0 by default) of the last read the version this process last
    read or set, else read from the shared cache, or on Redis the version read last while Redis
    reports no change to it (apps.core.key_watch)."""
    global _held
    read_at, version = _held
    now = time.monotonic()
    hold = conf.cache_version_hold_ms() / 1000
    if hold and version is not None and now - read_at < hold:
        return version
    watch = getattr(cache, "watch", lambda key: None)(CACHE_KEY)
    if watch is None:
        version = decode(cache.get(CACHE_KEY))
    else:
        version = watch.read(lambda: decode(cache.get(CACHE_KEY)))
    _held = (now, version)
    return version


def current():
    """(version, unix time of the change); a fresh cache starts a new version."""
    found = decode(cache.get(CACHE_KEY))
    if found is None:
        cache.add(CACHE_KEY, time.time_ns(), timeout=None)
        # A cache that keeps nothing (DummyCache) still gets a version, a new one each time.
        found = decode(cache.get(CACHE_KEY)) or decode(time.time_ns())
    return found


def bump():
    global _held
    version = time.time_ns()
    cache.set(CACHE_KEY, version, timeout=None)
    _held = (time.monotonic(), decode(version))


def _is_public(model):
    meta = model._meta
    if meta.label_lower in _PRIVATE_MODELS:
        return False
    return meta.app_label in _PUBLIC_APPS or meta.label_lower in _PUBLIC_MODELS


def _after_commit():
    bump()
    purge_frontend_cache()


def purge_frontend_cache():
    """Wagtail purges the pages themselves; listings and feeds built from them are ours to purge."""
    from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache

    if not get_backends():
        return
    base = settings.WAGTAILAPI_BASE_URL.rstrip("/")
    purge_urls_from_cache([base + path for path in conf.purge_paths()])


def _changed(sender, **kwargs):
    if not _is_public(sender):
        return
    bump()
    # Again after commit (a reader between the first bump and the commit may have cached the old
    # rows under the new version), once per transaction however many rows it wrote.
    connection = transaction.get_connection()
    if not any(entry[1] is _after_commit for entry in connection.run_on_commit):
        transaction.on_commit(_after_commit)


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"bygd-content-version-{id(signal)}")
